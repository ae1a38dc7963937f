/*
 * 小窗: 通话速查 in a small always-on-top window, so that an agent whose CRM fills the screen keeps the
 * finder in sight. finder-shortcut.js fetches this file on the first press of a 小窗 button or Alt+W; the
 * finder page's mini mode (finder/?mini, finder.html?mini offline) loads it too (overrides/main.html).
 *
 * Where the browser has the Document Picture-in-Picture API (Chromium 116+, on https, localhost and
 * file://) the window floats above every other; elsewhere, or when the browser refuses it, a small popup
 * (window.open) opens instead, which the agent can place beside the CRM.
 *
 * Both windows show the same thing: the finder page in its mini mode, in the popup directly and in an
 * iframe inside the PiP window. Not the page's own finder moved into the PiP window, because
 *   - the header opens the mini window from every page, most of which have no finder to move;
 *   - a PiP window cannot be navigated and starts empty: with the mini page inside, nothing (styles,
 *     data, scripts) has to be copied into it, and the popup and the PiP window are one code path;
 *   - the page keeps its finder, and the PiP window closes with its opener anyway.
 *
 * What they share with the page: favourites, recents and channel are in localStorage, which the windows
 * share (finder.js redraws on `storage` events). Placeholder values are the call's, in the tab's
 * sessionStorage, which a second window does not share: the mini window sends its values to the page
 * that opened it and asks for the page's when it is opened or gets the focus, as messages (postMessage
 * works from file:// too, where windows cannot reach into one another). The values go only over a
 * MessageChannel the mini window opens with its greeting: a port reaches the page that answered and
 * nothing else, not another site the opener may have gone to since, whatever the origins.
 */
(function () {
  "use strict";

  var TAG = "kesutong.mini.v1";                // marks this file's messages
  var SLOT_KEY = "kesutong.finder.slots.v1";   // finder.js: placeholder values of the current call
  var POPUP_NAME = "kesutong-mini";            // one popup, found again by name
  // 420 × 640, but never taller than most of the screen: Chromium shrinks a PiP window that is too tall,
  // width too (420 × 640 became 402 × 576 on a 1366 × 768 screen), and a popup would run off the screen.
  var size = function () {
    var room = window.screen && screen.availHeight ? Math.floor(screen.availHeight * 0.7) : 640;
    return { width: 420, height: Math.max(360, Math.min(640, room)) };
  };
  var TITLE = "通话速查 · 小窗";

  /* ------------------------------------------------------------------ shared by both sides */

  var session = function () {
    try { return window.sessionStorage; } catch (error) { return null; }
  };

  var isSlots = function (value) {
    if (!value || typeof value !== "object" || Array.isArray(value)) return false;
    return Object.keys(value).every(function (name) { return typeof value[name] === "string"; });
  };

  var readSlots = function () {
    try {
      var value = JSON.parse(session().getItem(SLOT_KEY));
      return isSlots(value) ? value : {};
    } catch (error) {
      return {};  // blocked or damaged: nothing to share
    }
  };

  var writeSlots = function (slots) {
    try { session().setItem(SLOT_KEY, JSON.stringify(slots)); } catch (error) { /* blocked: this window only */ }
  };

  var redrawFinder = function () {
    document.dispatchEvent(new CustomEvent("mdx-finder:reload"));
  };

  // From file:// Chromium names the page's origin "file://" but its windows' "null", which postMessage
  // cannot name as a target: there the greeting (which carries no data) goes to any origin, and the page
  // checks who sent it (event.source, always checked).
  var ORIGIN = location.protocol === "file:" || !location.origin || location.origin === "null" ? "*" : location.origin;

  var ours = function (data) {
    return !!(data && data.tag === TAG);
  };

  // Over a port: this call's placeholder values, or a question for the other side's (no slots).
  var send = function (port, slots) {
    try { port.postMessage(slots ? { tag: TAG, slots: slots } : { tag: TAG }); } catch (error) { /* closed */ }
  };

  // What came over a port: the other side's values, kept and drawn, or a question, answered.
  var receive = function (port) {
    return function (event) {
      if (!ours(event.data)) return;
      if (event.data.slots === undefined) { send(port, readSlots()); return; }
      if (!isSlots(event.data.slots)) return;
      if (JSON.stringify(event.data.slots) === JSON.stringify(readSlots())) return;
      writeSlots(event.data.slots);
      redrawFinder();
    };
  };

  /* ------------------------------------------------------------------ in the page: opening the window */

  var mini = null;  // the open mini window: { source: its Window, closed(), focus() }

  var miniURL = function () {
    var link = document.querySelector("a.mdx-finder-link");  // the header's: finder/ or finder.html
    var url = new URL(link ? link.href : "finder/", location.href);
    url.search = "?mini";
    url.hash = "";
    return url.href;
  };

  // The mini window's greeting, with its port: answered with this call's values, then kept for its own.
  var answer = function (event) {
    if (!mini || event.source !== mini.source() || !ours(event.data) || !event.ports[0]) return;
    if (ORIGIN !== "*" && event.origin !== ORIGIN) return;
    var port = event.ports[0];
    port.onmessage = receive(port);
    send(port, readSlots());
  };
  window.addEventListener("message", answer);

  var inPictureInPicture = function (pip, url) {
    var doc = pip.document;
    doc.title = TITLE;
    doc.documentElement.lang = "zh-CN";
    var style = doc.createElement("style");
    style.textContent = "html,body{height:100%;margin:0;overflow:hidden}iframe{display:block;width:100%;height:100%;border:0}";
    doc.head.appendChild(style);
    var frame = doc.createElement("iframe");
    frame.title = TITLE;
    frame.allow = "clipboard-write *";  // Enter copies inside the frame ("*": from file:// its origin is opaque)
    frame.src = url;
    // The PiP window opens with the focus; the frame must have it for the finder's box to take keys.
    frame.addEventListener("load", function () { frame.focus(); });
    doc.body.appendChild(frame);
    pip.addEventListener("message", answer);  // the frame's messages go to its parent, this window
    pip.addEventListener("pagehide", function () { mini = null; });  // closed by the agent or with this page
    mini = {
      kind: "pip",
      source: function () { return frame.contentWindow; },
      closed: function () { return pip.closed; },
      focus: function () { frame.focus(); }
    };
  };

  var inPopup = function (url) {
    var features = "popup,width=" + size().width + ",height=" + size().height;
    // By name first: a popup opened before (from an earlier page) is reused as it is, query and all.
    var popup = window.open("", POPUP_NAME, features);
    if (!popup) {
      window.alert("浏览器拦截了小窗。请在地址栏右侧允许本站打开弹出窗口，再按一次。");
      return;
    }
    var fresh;
    try { fresh = popup.location.href === "about:blank"; } catch (error) { fresh = false; }  // file://: not readable, so ours
    if (fresh) popup.location.replace(url);
    popup.focus();
    mini = {
      kind: "popup",
      source: function () { return popup; },
      closed: function () { return popup.closed; },
      focus: function () { popup.focus(); }
    };
  };

  var open = function () {
    if (mini && !mini.closed()) { mini.focus(); return; }
    var url = miniURL();
    var api = window.documentPictureInPicture;
    if (!api) { inPopup(url); return; }
    if (api.window) { api.window.focus(); return; }  // one PiP window per tab, opened from another page
    api.requestWindow(size()).then(function (pip) { inPictureInPicture(pip, url); }, function () { inPopup(url); });
  };

  window.mdxMiniWindow = {
    open: open,
    kind: function () { return mini && !mini.closed() ? mini.kind : null; }
  };

  /* ------------------------------------------------------------------ in the mini window */

  if (!document.documentElement.classList.contains("mdx-mini")) return;
  document.title = TITLE;

  var host = null;
  try { host = window.opener || (window.parent !== window ? window.parent : null); } catch (error) { host = null; }
  if (!host) return;  // opened by hand: a finder of its own

  // A new channel on each greeting: the page may have been reloaded, or changed, since the last one.
  var port = null;
  var greet = function () {
    if (port) port.close();
    var channel = new MessageChannel();
    port = channel.port1;
    port.onmessage = receive(port);
    try { host.postMessage({ tag: TAG }, ORIGIN, [channel.port2]); } catch (error) { /* closed */ }
  };
  var tell = function () { if (port) send(port, readSlots()); };

  // finder.js has stored the value by then: its listeners are on the finder, which the event reaches first.
  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("input[data-slot]")) setTimeout(tell, 0);
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest('[data-finder-action="new-call"]')) setTimeout(tell, 0);
  });
  window.addEventListener("focus", function () {
    greet();
    // Focusing the PiP window's frame lands on its body: the keys belong in the box.
    var box = document.getElementById("phrase-finder-input");
    if (box && (!document.activeElement || document.activeElement === document.body)) box.focus();
  });
  greet();
})();
