/*
 * Material downloads the whole search index (over a megabyte here) and starts its search worker on
 * every first page view, even though most visits never search. This holds both back until the person
 * reaches for the search box, so a phone on a slow network, or an agent opening 通话速查, does not pay
 * for them. Must run before Material's bundle.
 */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(\?|#|$)/;
  var released = false;
  var waiting = [];
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  var release = function () {
    if (released) return;
    released = true;
    waiting.splice(0).forEach(function (go) { go(); });
  };

  XMLHttpRequest.prototype.open = function (method, url) {
    this.__mdxSearchIndex = INDEX.test(new URL(String(url), location.href).pathname);
    return open.apply(this, arguments);
  };

  XMLHttpRequest.prototype.send = function () {
    if (this.__mdxSearchIndex && !released) {
      var request = this;
      var args = arguments;
      waiting.push(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(this, arguments);
  };

  // Material talks to its worker with postMessage and "message" events only: a stand-in that queues
  // messages until release behaves the same.
  var NativeWorker = window.Worker;
  if (NativeWorker) {
    window.Worker = function (url, options) {
      if (released || !/workers\/search\.[^/]*\.js/.test(String(url))) return new NativeWorker(url, options);
      var standIn = new EventTarget();
      var queue = [];
      var worker = null;
      standIn.postMessage = function (message) {
        if (worker) worker.postMessage(message); else queue.push(message);
      };
      standIn.terminate = function () {
        if (worker) worker.terminate();
        queue = [];
      };
      waiting.push(function () {
        worker = new NativeWorker(url, options);
        worker.addEventListener("message", function (event) {
          standIn.dispatchEvent(new MessageEvent("message", { data: event.data }));
        });
        worker.addEventListener("error", function () { standIn.dispatchEvent(new Event("error")); });
        queue.splice(0).forEach(function (message) { worker.postMessage(message); });
      });
      return standIn;
    };
  }

  // Arriving from a search result (?h=…) highlights the terms, which needs the index at once.
  if (new URLSearchParams(location.search).has("h")) release();
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) release();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search") release();
  });
  document.addEventListener("pointerdown", function (event) {
    if (event.target.closest && event.target.closest("label[for='__search'], .md-search")) release();
  });
})();
