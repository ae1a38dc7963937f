/*
 * quiz/grading.js: grading a paper and telling the learner (and learn.js, through the bubbling
 * mdx:quiz-graded event) how it went. Questions of a type this script does not know are not counted.
 */
(function () {
  "use strict";
  var quiz = window.mdxQuiz;

  var stemOf = function (q) {
    var stem = q.el.querySelector(".mdx-quiz__stem").cloneNode(true);
    quiz.all(stem, ".mdx-quiz__number, .mdx-quiz__kind").forEach(function (n) { n.remove(); });
    return quiz.textOf(stem);
  };

  var resultBox = function (root) { return root.querySelector(".mdx-quiz__result"); };

  quiz.grading = {
    // Says which questions are unanswered and moves to the first; false when all are answered.
    warnUnanswered: function (root, questions) {
      var missing = questions.filter(function (q) { return !q.answered(); });
      if (!missing.length) return false;
      var result = resultBox(root);
      result.hidden = false;
      result.className = "mdx-quiz__result mdx-quiz__result--warning";
      result.textContent = "还有 " + missing.length + " 题未作答（第 " +
        missing.map(function (q) { return questions.indexOf(q) + 1; }).join("、") +
        " 题）。再按一次“提交”，未答的题按答错计分。";
      var first = missing[0].firstControl();
      if (first) first.focus();
      return true;
    },

    // Calls then() once every question can be graded: at once when none has anything to load (the usual
    // case, so grading stays in the same task), else when all have loaded or failed. A question that could
    // not prepare keeps the reason in q.unavailable.
    whenReady: function (questions, then) {
      var waits = [];
      questions.forEach(function (q) {
        q.unavailable = "";
        var wait = q.graded ? q.prepare() : null;
        if (wait) waits.push(wait.then(null, function (error) { q.unavailable = error.message || String(error); }));
      });
      if (!waits.length) then();
      else Promise.all(waits).then(then);
      return waits.length > 0;
    },

    // A paper with a question that could not be graded is not submitted: says which and why, and that the
    // answers are kept. False when every question can be graded.
    refuseUngraded: function (root, questions) {
      var ungraded = questions.filter(function (q) { return q.unavailable; });
      if (!ungraded.length) return false;
      var result = resultBox(root);
      result.hidden = false;
      result.className = "mdx-quiz__result mdx-quiz__result--warning";
      result.removeAttribute("data-quiz-score");
      result.textContent = "这次没有交卷：第 " +
        ungraded.map(function (q) { return questions.indexOf(q) + 1; }).join("、") + " 题的" + ungraded[0].unavailable +
        "答案都还在，恢复后再按一次“提交”。";
      return true;
    },

    // While grading waits for what a question needs
    showWaiting: function (root) {
      var result = resultBox(root);
      result.hidden = false;
      result.className = "mdx-quiz__result";
      result.textContent = "正在载入评分规则，稍候即出成绩……";
    },

    // Locks and marks every question, writes the score and announces it.
    grade: function (root, questions, timeUp, paperCode) {
      var passScore = parseInt(root.getAttribute("data-pass-score"), 10) || 0;
      var outcomes = [];
      var unavailable = [];
      questions.forEach(function (q, index) {
        var correct = q.counts() && q.isCorrect();
        var given = q.given();
        q.lock(true);
        q.showResult(correct);
        // only when the time is up: what could not be graded counts as wrong
        if (q.graded && !q.counts()) unavailable.push(index + 1);
        if (!q.graded) return;
        var ref = q.el.querySelector(".mdx-quiz__ref a");
        outcomes.push({
          id: q.id, correct: correct, given: given, stem: stemOf(q),
          key: quiz.textOf(q.el.querySelector(".mdx-quiz__key")),
          explanation: quiz.textOf(q.el.querySelector(".mdx-quiz__explanation")), ref: ref ? ref.href : ""
        });
      });
      var right = outcomes.filter(function (o) { return o.correct; }).length;
      var score = outcomes.length ? Math.round(right * 100 / outcomes.length) : 0;
      var passed = score >= passScore;
      var result = resultBox(root);
      result.hidden = false;
      result.className = "mdx-quiz__result " + (passed ? "mdx-quiz__result--pass" : "mdx-quiz__result--fail");
      result.setAttribute("data-quiz-score", String(score));
      result.textContent = (timeUp ? "时间到，已自动交卷。" : "") +
        "得分 " + score + "%（答对 " + right + " / " + outcomes.length + " 题）　" +
        (passed ? "✔ 通过" : "✘ 未通过，及格线 " + passScore + "%") + "。每题下方有正确答案和解析。" +
        (unavailable.length ? "第 " + unavailable.join("、") + " 题没能评分，按答错计分（题下有说明）。" : "");
      root.dispatchEvent(new CustomEvent("mdx:quiz-graded", {
        bubbles: true,
        detail: { quizId: root.getAttribute("data-quiz-id"), score: score, passed: passed, outcomes: outcomes,
          paper: paperCode }
      }));
    },

    clear: function (root) {
      var result = resultBox(root);
      result.hidden = true;
      result.textContent = "";
      result.removeAttribute("data-quiz-score");
    }
  };
})();
