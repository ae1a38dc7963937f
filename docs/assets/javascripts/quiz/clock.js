/*
 * quiz/clock.js: the exam's countdown (data-minutes); at zero the paper is submitted as it stands.
 * Its interval is stopped when the quiz leaves the page (page-life.js): Material's instant navigation
 * would otherwise keep it ticking, and submitting, a paper no longer on screen.
 */
(function () {
  "use strict";
  var quiz = window.mdxQuiz;

  // onStart(deadline) when a countdown starts, onTimeUp() when it reaches zero.
  quiz.Clock = function (root, onStart, onTimeUp) {
    var face = root.querySelector(".mdx-quiz__clock");
    var minutes = parseInt(root.getAttribute("data-minutes"), 10) || 0;
    var timer = null;
    var stop = function () {
      if (timer) clearInterval(timer);
      timer = null;
    };
    quiz.whileShown(root, stop);
    return {
      // A kept deadline goes on, but never past the one a new attempt would get
      start: function (keptDeadline) {
        if (!face || !minutes) return;
        stop();
        var fresh = Date.now() + minutes * 60000;
        var end = keptDeadline > 0 ? Math.min(keptDeadline, fresh) : fresh;
        onStart(end);
        var over = false;
        var tick = function () {
          var left = Math.max(0, Math.round((end - Date.now()) / 1000));
          face.textContent = "剩余 " + Math.floor(left / 60) + " 分 " + ("0" + (left % 60)).slice(-2) + " 秒";
          if (!left) { over = true; stop(); onTimeUp(); }
        };
        face.hidden = false;
        tick();
        if (!over) timer = setInterval(tick, 1000);  // a kept deadline may be over already
      },
      stop: stop,
      // Before the attempt begins: the time allowed, not a countdown
      idle: function () {
        stop();
        if (!face || !minutes) return;
        face.textContent = "限时 " + minutes + " 分钟";
        face.hidden = false;
      }
    };
  };
})();
