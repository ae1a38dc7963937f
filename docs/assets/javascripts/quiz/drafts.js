/*
 * quiz/drafts.js: an attempt in progress outlives a reload, a tab the phone has discarded and a visit to
 * another page: its answers, and the exam's deadline, stay in this tab (sessionStorage) until it is
 * submitted or started again. Blocked or full storage only means the attempt lives as long as the page.
 */
(function () {
  "use strict";
  var quiz = window.mdxQuiz;

  quiz.Drafts = function (root) {
    var key = "kesutong.draft.v1:" + location.pathname + ":" + root.getAttribute("data-quiz-id");
    return {
      // The kept draft of this paper, or null
      read: function () {
        try {
          var draft = JSON.parse(sessionStorage.getItem(key));
          var fits = draft && draft.paper === quiz.paper.code() && draft.answers && typeof draft.answers === "object";
          return fits ? draft : null;
        } catch (e) { return null; }
      },
      save: function (questions, deadline) {
        var answers = {};
        questions.forEach(function (q) {
          var given = q.draft();
          if (given !== null) answers[q.id] = given;
        });
        try {
          sessionStorage.setItem(key, JSON.stringify({ paper: quiz.paper.code(), deadline: deadline, answers: answers }));
        } catch (e) { /* storage blocked or full */ }
      },
      // Puts the kept answers back into the questions they belong to
      restore: function (draft, questions) {
        questions.forEach(function (q) {
          if (Object.prototype.hasOwnProperty.call(draft.answers, q.id)) q.restore(draft.answers[q.id]);
        });
      },
      drop: function () {
        try { sessionStorage.removeItem(key); } catch (e) { /* nothing was kept */ }
      }
    };
  };
})();
