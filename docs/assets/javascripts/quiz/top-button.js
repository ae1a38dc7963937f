/*
 * quiz/top-button.js: keeps Material's 回到页面顶部 button (navigation.top) off the quizzes. The button
 * floats centred under the header whenever the reader scrolls up, and over a quiz it covered a question's
 * text and options. While its place lies over a quiz it is hidden (data-mdx-over-quiz, course.css);
 * above and below the quizzes it works as before. One listener for the window's life, not per page: it
 * looks up the current page's quizzes each time, so instant navigation leaves nothing behind.
 */
(function () {
  "use strict";
  var pending = false;

  var overlaps = function (a, b) {
    return a.top < b.bottom && b.top < a.bottom && a.left < b.right && b.left < a.right;
  };

  var place = function () {
    pending = false;
    var button = document.querySelector(".md-top");
    if (!button) return;
    var quizzes = document.querySelectorAll(".mdx-quiz");
    var where = quizzes.length ? button.getBoundingClientRect() : null;  // no boxes read on other pages
    var over = !!where && where.height > 0 && Array.prototype.some.call(quizzes, function (quiz) {
      return overlaps(where, quiz.getBoundingClientRect());
    });
    if (over !== button.hasAttribute("data-mdx-over-quiz")) button.toggleAttribute("data-mdx-over-quiz", over);
  };

  // Once a frame at most: reading boxes on every scroll event would repeat the same work.
  var schedule = function () {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(place);
  };

  window.addEventListener("scroll", schedule, { passive: true });
  window.addEventListener("resize", schedule);
  if (typeof window.document$ !== "undefined") window.document$.subscribe(schedule);
  else schedule();
})();
