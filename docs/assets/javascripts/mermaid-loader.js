/*
 * Material draws ```mermaid diagrams with the global `mermaid`, and fetches the library from a public
 * CDN when that global is missing. The site must make no outside requests (intranets, offline), so this
 * stand-in provides the global and loads the vendored copy only when a page really has a diagram, and
 * only once a diagram comes within half a screen of the viewport (or the page is printed): the
 * library is close to 1 MB of script, which a phone should not download and run for a diagram it never
 * scrolls to.
 */
(function () {
  "use strict";
  var vendored = new URL("vendor/mermaid.min.js", document.currentScript.src).href;
  var settings = {};
  var loading = null;

  var load = function () {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = vendored;
        script.onload = function () {
          var library = window.mermaid;
          window.mermaid = standIn;  // keep Material talking to the stand-in, which forwards
          library.initialize(settings);
          resolve(library);
        };
        script.onerror = function () { loading = null; reject(new Error("mermaid failed to load")); };
        document.head.appendChild(script);
      });
    }
    return loading;
  };

  // Material calls render() with the diagram's source while its element (class "mermaid") is still in
  // the page: wait until that element is near the viewport. Unknown element or no observer: load now.
  var pending = [];
  var observer = null;
  var release = function (entry) {
    pending = pending.filter(function (item) { return item !== entry; });
    if (observer) observer.unobserve(entry.element);
    entry.go();
  };
  var nearViewport = function (code) {
    if (!("IntersectionObserver" in window)) return Promise.resolve();
    var element = Array.prototype.find.call(document.querySelectorAll(".mermaid"), function (candidate) {
      return candidate.textContent === code && !pending.some(function (item) { return item.element === candidate; });
    });
    if (!element) return Promise.resolve();
    observer = observer || new IntersectionObserver(function (entries) {
      entries.forEach(function (seen) {
        if (!seen.isIntersecting) return;
        pending.filter(function (item) { return item.element === seen.target; }).forEach(release);
      });
    }, { rootMargin: "50% 0px" });
    return new Promise(function (resolve) {
      pending.push({ element: element, go: resolve });
      observer.observe(element);
    });
  };
  window.addEventListener("beforeprint", function () { pending.slice().forEach(release); });

  var standIn = {
    initialize: function (options) { settings = options || {}; },
    render: function (id, code) {
      return nearViewport(code).then(load).then(function (library) { return library.render(id, code); });
    }
  };
  window.mermaid = standIn;
})();
