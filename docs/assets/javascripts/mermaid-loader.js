/*
 * Material draws ```mermaid diagrams with the global `mermaid`, and fetches the library from a public
 * CDN when that global is missing. The site must make no outside requests (intranets, offline), so this
 * stand-in provides the global and loads the vendored copy only when a page really has a diagram.
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

  var standIn = {
    initialize: function (options) { settings = options || {}; },
    render: function (id, code) {
      return load().then(function (library) { return library.render(id, code); });
    }
  };
  window.mermaid = standIn;
})();
