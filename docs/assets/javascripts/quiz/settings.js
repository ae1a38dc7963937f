/*
 * quiz/settings.js: the values the quiz shares with the Python side, in ONE place.
 * ┌─────────────────────────────────────────────────────────────────────────────────────────────┐
 * │ Python owns these (the exam's question ids, the paper codes the trainer hands out). They are  │
 * │ written here by hand for now; the build will generate this file from Python's own constants.  │
 * │ Nothing else in the browser may repeat them: read window.mdxQuiz.settings.                    │
 * └─────────────────────────────────────────────────────────────────────────────────────────────┘
 */
(function () {
  "use strict";
  var quiz = window.mdxQuiz = window.mdxQuiz || {};
  quiz.settings = {
    // Letters and digits of a paper code (?paper=K7Q2): no I, L, O, 0 or 1, which read alike on paper.
    PAPER_ALPHABET: "ABCDEFGHJKMNPQRSTUVWXYZ23456789",
    PAPER_CODE_LENGTH: 4,
    // The exam's bank names each question "<module>--<question>" (macros: the exam quiz).
    BANK_ID_SEPARATOR: "--"
  };
})();
