/*
 * quiz/mount.js: makes each .mdx-quiz of the page live (HTML from macros/render_quiz.py), wiring the
 * paper, the drafts, the clock, grading and printing. Mounted through Material's document$, so it
 * survives instant navigation; each quiz is bound once. Without this script the page still shows every
 * question with its answer in a collapsed block (a bank quiz, below, needs the script for its questions).
 *
 * A quiz drawn from the whole bank (the exam, the 错题本) comes without its questions: hooks/quiz_bank.py
 * moved them into a data script (data-bank-src), loaded here with a <script> element, which also works
 * from file://. The exam opens on its start screen: the clock starts on 开始, not when the page opens;
 * an attempt kept in this tab (a reload, a visit elsewhere) goes on at once with its kept deadline.
 */
(function () {
  "use strict";
  var quiz = window.mdxQuiz;

  // The bank's question list as HTML, from the data script named on the quiz's root.
  var loadBank = function (root) {
    var key = root.getAttribute("data-bank-key");
    var banks = function () { return window.__kesutongQuizBank || {}; };
    if (typeof banks()[key] === "string") return Promise.resolve(banks()[key]);
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = root.getAttribute("data-bank-src");
      script.onload = function () {
        if (typeof banks()[key] === "string") resolve(banks()[key]);
        else reject(new Error("mdx quiz: " + script.src + " holds no bank " + key));
      };
      script.onerror = function () { script.remove(); reject(new Error("mdx quiz: could not load " + script.src)); };
      document.head.appendChild(script);
    });
  };

  // A 错题本 with nothing in it asks no question: no need to load the bank for it.
  var needsBank = function (root) {
    if (!root.getAttribute("data-bank-src") || root.querySelector(".mdx-quiz__question")) return false;
    var pool = root.getAttribute("data-pool");
    return pool === "exam" || !window.mdxLearn || window.mdxLearn.pool(pool).length > 0;
  };

  // The page first: the bank (hundreds of KB to parse) waits until the page has loaded and the browser is
  // idle, so it never delays what the learner sees first.
  var afterPageLoad = function () {
    return new Promise(function (resolve) {
      var idle = function () {
        if (window.requestIdleCallback) window.requestIdleCallback(resolve, { timeout: 1000 });
        else setTimeout(resolve, 0);
      };
      if (document.readyState === "complete") idle();
      else window.addEventListener("load", idle, { once: true });
    });
  };

  function mountWithBank(root) {
    if (root.getAttribute("data-mdx-mounted") || root.getAttribute("data-mdx-loading")) return;
    if (!needsBank(root)) { mountQuiz(root); return; }
    root.setAttribute("data-mdx-loading", "true");
    afterPageLoad().then(function () { return loadBank(root); }).then(function (html) {
      root.removeAttribute("data-mdx-loading");
      if (!root.isConnected) return;  // instant navigation left the page meanwhile
      // Parsed aside (a template is inert): only the questions a paper asks enter the page, when drawn
      var holder = document.createElement("template");
      holder.innerHTML = html;
      mountQuiz(root, Array.prototype.filter.call(holder.content.children, function (el) {
        return el.classList.contains("mdx-quiz__question");
      }));
    }, function (error) {
      root.removeAttribute("data-mdx-loading");
      console.error(error);
      var result = root.querySelector(".mdx-quiz__result");
      result.hidden = false;
      result.className = "mdx-quiz__result mdx-quiz__result--warning";
      result.textContent = "题目没有加载成功，请刷新页面重试。";
    });
  }

  // bank: the question elements of a bank quiz, outside the page until drawn; else the page's own questions
  function mountQuiz(root, bank) {
    if (root.getAttribute("data-mdx-mounted")) return;
    root.setAttribute("data-mdx-mounted", "true");
    root.classList.add("mdx-quiz--ready");
    // The exam's 开始 waits, disabled, for its paper (macros/render_learning.py)
    quiz.all(root, '[data-quiz-action="start"]').forEach(function (button) { button.disabled = false; });

    var all = (bank || quiz.all(root, ".mdx-quiz__question")).map(function (el, index) {
      var q = new quiz.Question(el);
      q.position = index;
      return q;
    });
    var questions = all;  // the questions of the current paper, in its order
    var submit = root.querySelector('[data-quiz-action="submit"]');
    var retry = root.querySelector('[data-quiz-action="retry"]');
    var isExam = root.getAttribute("data-pool") === "exam";
    var quizId = root.getAttribute("data-quiz-id");
    var startScreen = root.querySelector('[data-quiz-part="start"]');
    var warnedUnanswered = false;
    var submitted = false;
    var deadline = 0;

    var drafts = quiz.Drafts(root);
    var saveDraft = function () { if (!submitted) drafts.save(questions, deadline); };
    // The deadline is kept from the first second
    var clock = quiz.Clock(root, function (end) { deadline = end; saveDraft(); }, function () { grade(true); });

    // The exam before 开始 (or with a paper already submitted here): the start screen, no paper, no clock.
    var showStartScreen = function () {
      if (!startScreen) return;
      var paperCode = quiz.paper.code();
      var refused = quiz.paper.wasSubmitted(quizId, paperCode);
      var note = startScreen.querySelector('[data-quiz-part="refused"]');
      note.hidden = !refused;
      note.textContent = refused ? "试卷 " + paperCode + " 已经在这台设备上交过卷，它的答案已经看过了，不能再用它作答。" +
        "请换一份新试卷。" : "";
      startScreen.querySelector('[data-quiz-action="start"]').hidden = refused;
      startScreen.querySelector('[data-quiz-action="new-paper"]').hidden = !refused;
      startScreen.hidden = false;
      root.classList.remove("mdx-quiz--started");
      clock.idle();
    };

    // The attempt begins: the paper shows and the clock runs (a kept attempt goes on from its deadline).
    var begin = function (keptDeadline) {
      if (startScreen) startScreen.hidden = true;
      root.classList.add("mdx-quiz--started");
      clock.start(keptDeadline || 0);
    };

    var focusFirstQuestion = function () {
      var first = questions.length && questions[0].firstControl();
      if (first) first.focus({ preventScroll: true });
    };

    // A question may first have to load what grades it (reply.js its rules): then the paper is graded when
    // that has arrived, unless the learner has left the page meanwhile (their draft is still kept). A paper
    // is scored whole or not at all: if a question could not be graded, nothing is submitted, the answers
    // stay and the clock runs on, so a blocked rules file never buys an exam score without its replies;
    // only when the time is up is it scored, with that question counted wrong.
    var waiting = false;
    var grade = function (timeUp) {
      if (waiting) return;
      if (!warnedUnanswered && timeUp !== true) {
        warnedUnanswered = quiz.grading.warnUnanswered(root, questions);
        if (warnedUnanswered) return;
      }
      clock.stop();
      waiting = quiz.grading.whenReady(questions, function () {
        waiting = false;
        if (!root.isConnected) return;
        if (timeUp !== true && quiz.grading.refuseUngraded(root, questions)) {
          if (deadline) clock.start(deadline);
          submit.focus();
          return;
        }
        gradeNow(timeUp);
      });
      if (waiting) quiz.grading.showWaiting(root);
    };

    var gradeNow = function (timeUp) {
      submitted = true;
      drafts.drop();
      var paperCode = quiz.paper.code();
      quiz.grading.grade(root, questions, timeUp === true, paperCode);
      if (isExam) {
        // Its key is shown now: this paper is not answered again on this device, and a reload draws anew
        quiz.paper.markSubmitted(quizId, paperCode);
        quiz.paper.showInAddress("");
      }
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
      clock.stop();
      if (startScreen) {
        showStartScreen();
        startScreen.querySelector('[data-quiz-action="start"]').focus({ preventScroll: true });
      } else {
        begin(0);
        focusFirstQuestion();
      }
      root.scrollIntoView({ block: "start" });
    };

    var questionOf = function (node) {
      return all.filter(function (q) { return q.el.contains(node); })[0];
    };

    root.addEventListener("click", function (event) {
      var button = event.target.closest("[data-quiz-action]");
      var action = button && root.contains(button) ? button.getAttribute("data-quiz-action") : "";
      if (action === "start") {
        begin(0);
        focusFirstQuestion();
      } else if (action === "submit") grade(false);
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
    var draft = quiz.paper.wasSubmitted(quizId, quiz.paper.code()) ? null : drafts.read();
    if (draft) drafts.restore(draft, questions);
    if (startScreen && !draft) showStartScreen();
    else begin(draft && typeof draft.deadline === "number" ? draft.deadline : 0);
  }

  var mountAll = function () {
    Array.prototype.forEach.call(document.querySelectorAll(".mdx-quiz"), function (root) { mountWithBank(root); });
  };

  if (typeof window.document$ !== "undefined") window.document$.subscribe(mountAll);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();
