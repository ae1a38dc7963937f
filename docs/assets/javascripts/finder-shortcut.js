/*
 * K on any page opens 通话速查 (through the header's link, so instant navigation takes it), or on the
 * finder's own page puts the cursor back in its box. Registered once per full page load: the listener
 * is on document, which instant navigation keeps.
 */
(function () {
  "use strict";

  // Never while the person is typing, nor with a modifier (Ctrl+K and the like belong to the browser).
  var isShortcut = function (event) {
    if (event.key !== "k" && event.key !== "K") return false;
    if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return false;
    var target = event.target;
    return !(target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)));
  };

  document.addEventListener("keydown", function (event) {
    if (!isShortcut(event)) return;
    var box = document.getElementById("phrase-finder-input");
    event.preventDefault();
    if (box) { box.focus(); box.select(); return; }
    var link = document.querySelector("a.mdx-finder-link");
    if (link) link.click();
  });
})();
