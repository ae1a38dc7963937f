/*
 * quiz/util.js: small DOM and list helpers the quiz modules share, and the table of question types.
 * Each question type lives in quiz/types/<name>.js and registers itself in window.mdxQuizTypes.
 */
(function () {
  "use strict";
  var quiz = window.mdxQuiz = window.mdxQuiz || {};
  window.mdxQuizTypes = window.mdxQuizTypes || {};

  quiz.shuffle = function (items, random) {
    var list = items.slice();
    var next = random || Math.random;
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(next() * (i + 1));
      var t = list[i]; list[i] = list[j]; list[j] = t;
    }
    return list;
  };

  // Moving an element rebuilds its layout, so only the ones out of place move: a quiz shown in the
  // page's own order moves nothing when it mounts.
  quiz.placeInOrder = function (parent, nodes) {
    nodes.forEach(function (node, index) {
      var here = parent.children[index];
      if (here !== node) parent.insertBefore(node, here || null);
    });
  };

  quiz.textOf = function (el) {
    return el ? (el.textContent || "").replace(/\s+/g, " ").trim() : "";
  };

  quiz.make = function (tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  };

  quiz.all = function (root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  };
})();
