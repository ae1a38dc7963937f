/*
 * quiz/page-life.js: stops what a page started once the page is gone.
 *
 * Material's instant navigation swaps the page's content without unloading the window, so a timer or a
 * document- or window-level listener would outlive its page: the exam's clock went on ticking, and would
 * have submitted a paper no longer on screen. Material's document$ emits the new document after every
 * navigation (and replays the current one to a late subscriber). On each emission, the disposers whose
 * element has left the document run. Tying a disposer to its element, not to "the page before", keeps
 * whatever is still shown running if Material emits again for the same content. Without Material (the
 * offline variant from disk, a plain page) every navigation is a real page load, and nothing is needed.
 */
(function () {
  "use strict";
  var quiz = window.mdxQuiz = window.mdxQuiz || {};
  var held = [];

  var sweep = function () {
    held = held.filter(function (entry) {
      if (entry.node.isConnected) return true;
      try { entry.dispose(); } catch (error) { console.error("mdx quiz: cleaning up after a page failed", error); }
      return false;
    });
  };

  // Runs dispose once node has left the document; the function returned forgets it (already disposed of).
  quiz.whileShown = function (node, dispose) {
    var entry = { node: node, dispose: dispose };
    held.push(entry);
    return function () { held = held.filter(function (other) { return other !== entry; }); };
  };

  // Subscribed before the quizzes mount (this file comes first in the bundle): a new page's quiz is
  // mounted after the old page's clock has stopped.
  if (typeof window.document$ !== "undefined") window.document$.subscribe(sweep);
})();
