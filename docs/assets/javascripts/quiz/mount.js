/*
 * quiz/mount.js: makes each .mdx-quiz of the page live (HTML from macros/render_quiz.py), wiring the
 * paper, the drafts, the clock, grading and printing. Mounted through Material's document$, so it
 * survives instant navigation; each quiz is bound once. Without this script the page still shows every
 * question with its answer in a collapsed block.
 */
(function () {
  "use strict";
  var quiz = window.mdxQuiz;

  function mountQuiz(root) {
    if (root.getAttribute("data-mdx-mounted")) return;
    root.setAttribute("data-mdx-mounted", "true");
    root.classList.add("mdx-quiz--ready");

    var all = quiz.all(root, ".mdx-quiz__question").map(function (el, index) {
      var q = new quiz.Question(el);
      q.position = index;
      return q;
    });
    var questions = all;  // the questions of the current paper, in its order
    var submit = root.querySelector('[data-quiz-action="submit"]');
    var retry = root.querySelector('[data-quiz-action="retry"]');
    var isExam = root.getAttribute("data-pool") === "exam";
    var warnedUnanswered = false;
    var submitted = false;
    var deadline = 0;

    var drafts = quiz.Drafts(root);
    var saveDraft = function () { if (!submitted) drafts.save(questions, deadline); };
    // The deadline is kept from the first second
    var clock = quiz.Clock(root, function (end) { deadline = end; saveDraft(); }, function () { grade(true); });

    var grade = function (timeUp) {
      if (!warnedUnanswered && timeUp !== true) {
        warnedUnanswered = quiz.grading.warnUnanswered(root, questions);
        if (warnedUnanswered) return;
      }
      clock.stop();
      submitted = true;
      drafts.drop();
      quiz.grading.grade(root, questions, timeUp === true, quiz.paper.code());
      submit.hidden = true;
      retry.hidden = false;
      retry.focus();
    };

    var reset = function () {
      if (isExam) quiz.paper.showInAddress(quiz.paper.newCode());  // every new attempt is a new draw
      drafts.drop();
      submitted = false;
      all.forEach(function (q) { q.reset(); });
      questions = quiz.paper.draw(root, all);
      warnedUnanswered = false;
      quiz.grading.clear(root);
      submit.hidden = false;
      retry.hidden = true;
      clock.start();
      var first = questions.length && questions[0].firstControl();
      if (first) first.focus({ preventScroll: true });
      root.scrollIntoView({ block: "start" });
    };

    var questionOf = function (node) {
      return all.filter(function (q) { return q.el.contains(node); })[0];
    };

    root.addEventListener("click", function (event) {
      var button = event.target.closest("[data-quiz-action]");
      var action = button && root.contains(button) ? button.getAttribute("data-quiz-action") : "";
      if (action === "submit") grade(false);
      else if (action === "retry") reset();
      else if (action === "new-paper") {
        quiz.paper.showInAddress(quiz.paper.newCode());
        reset();
      } else if (action === "print-paper") quiz.printAs(root, "paper");
      else if (action === "print-key") quiz.printAs(root, "key");
      else if (action === "project") window.mdxProjector.open(root);
      else {
        var q = questionOf(event.target);
        if (q && q.handle(event)) saveDraft();
      }
    });
    root.addEventListener("keydown", function (event) {
      var q = questionOf(event.target);
      if (q && q.handle(event)) saveDraft();
    });
    var saveAnswer = function (event) {
      if (event.target.closest && event.target.closest(".mdx-quiz__question")) saveDraft();
    };
    root.addEventListener("change", saveAnswer);
    root.addEventListener("input", saveAnswer);

    if (isExam && !quiz.paper.code()) quiz.paper.showInAddress(quiz.paper.newCode());
    retry.hidden = true;
    questions = quiz.paper.draw(root, all);
    var draft = drafts.read();
    if (draft) drafts.restore(draft, questions);
    clock.start(draft && typeof draft.deadline === "number" ? draft.deadline : 0);
  }

  var mountAll = function () {
    Array.prototype.forEach.call(document.querySelectorAll(".mdx-quiz"), mountQuiz);
  };

  if (typeof window.document$ !== "undefined") window.document$.subscribe(mountAll);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();
