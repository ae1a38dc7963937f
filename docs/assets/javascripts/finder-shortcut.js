/*
 * K on any page opens 通话速查 (through the header's link, so instant navigation takes it), or on the
 * finder's own page puts the cursor back in its box. Alt+W, or a [data-mini-window] button (the header's,
 * the finder's 小窗), opens the finder in a small always-on-top window: mini-window.js, fetched on the
 * first use only, so that no page pays for it before. Registered once per full page load: the listeners
 * are on document, which instant navigation keeps.
 */
(function () {
  "use strict";

  // Beside this file, not minified (it is not in mkdocs.yml's minify list: it is fetched on demand).
  var MINI_SRC = ((document.currentScript && document.currentScript.src) || "")
    .replace(/finder-shortcut(?:\.min)?\.js(?=$|[?#])/, "mini-window.js");

  // Never while the person is typing, nor with a modifier (Ctrl+K and the like belong to the browser).
  var isShortcut = function (event) {
    if (event.key !== "k" && event.key !== "K") return false;
    if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return false;
    var target = event.target;
    return !(target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)));
  };

  // By key code: Alt+W types "∑" on a Mac keyboard.
  var isMiniShortcut = function (event) {
    return event.altKey && !event.ctrlKey && !event.metaKey && event.code === "KeyW";
  };

  // The press is what lets the browser open a window; it stays valid for a few seconds, far more than
  // the small file takes to arrive (hovering or focusing the button fetches it before the press).
  var fetchMini = function () {
    if (window.mdxMiniWindow || document.getElementById("mdx-mini-script")) return;
    var script = document.createElement("script");
    script.id = "mdx-mini-script";
    script.src = MINI_SRC;
    script.onerror = function () { script.remove(); };  // the next press tries again
    document.head.appendChild(script);
  };
  var openMini = function () {
    if (document.documentElement.classList.contains("mdx-mini")) return;  // already in it
    fetchMini();
    if (window.mdxMiniWindow) window.mdxMiniWindow.open();
    else document.getElementById("mdx-mini-script").addEventListener("load", function () { window.mdxMiniWindow.open(); });
  };

  document.addEventListener("keydown", function (event) {
    if (isMiniShortcut(event)) {
      event.preventDefault();
      openMini();
      return;
    }
    if (!isShortcut(event)) return;
    var box = document.getElementById("phrase-finder-input");
    event.preventDefault();
    if (box) { box.focus(); box.select(); return; }
    var link = document.querySelector("a.mdx-finder-link");
    if (link) link.click();
  });

  var onMiniButton = function (then) {
    return function (event) {
      if (event.target.closest && event.target.closest("[data-mini-window]")) then();
    };
  };
  document.addEventListener("click", onMiniButton(openMini));
  document.addEventListener("pointerover", onMiniButton(fetchMini));
  document.addEventListener("focusin", onMiniButton(fetchMini));
})();
