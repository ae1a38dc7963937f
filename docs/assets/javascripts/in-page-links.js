/*
 * In-page links (the skip link, the table of contents, permalinks, footnotes, a quiz's 回看 links) only
 * scroll. Material's instant navigation (9.8) fetches and re-renders the page on the first change of
 * address it sees after a page load, even when only the hash changed: one click on the table of contents
 * threw away a quiz's unsubmitted answers, the exam's skip link restarted its clock, and a permalink
 * emptied the finder's query (upstream: zensical/ui#154, fixed there, not in Material). Until that
 * first real navigation, such clicks and the back/forward steps between them are left to the browser,
 * which scrolls and restores as for any page; from then on Material compares addresses and needs no help.
 */
(function () {
  "use strict";
  if (location.protocol === "file:") return;  // no instant navigation from disk

  // Loaded before Material's bundle, so that this page's popstate listener comes first
  var materialHasSeenAnAddress = false;
  document.addEventListener("DOMContentLoaded", function () {
    if (window.location$) window.location$.subscribe(function () { materialHasSeenAnAddress = true; });
  });

  var isThisPage = function (url) {
    return url.origin === location.origin && url.pathname === location.pathname && url.search === location.search;
  };

  document.addEventListener("click", function (event) {
    if (materialHasSeenAnAddress || event.defaultPrevented || event.button !== 0) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || link.target || !link.hash || !isThisPage(new URL(link.href))) return;
    // Material leaves a link that names a target to the browser; the target goes once the click is done
    link.target = "_self";
    setTimeout(function () { link.removeAttribute("target"); });
  }, true);

  // A jump within the page adds a history step; Back and Forward between such steps fire popstate.
  // Listeners on window run in the order they were added, capture or not: this one is first.
  window.addEventListener("popstate", function (event) {
    if (!materialHasSeenAnAddress) event.stopImmediatePropagation();
  }, true);
})();
