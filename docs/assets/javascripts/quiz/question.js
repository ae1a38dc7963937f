/*
 * quiz/question.js: one question of a quiz, whatever its type. Everything that depends on the type is
 * asked of its strategy in window.mdxQuizTypes[data-type] (quiz/types/*.js), which provides:
 *   arrange(q, shuffleOptions, random)  put the question's parts in the order to ask them in
 *   answered(q)      whether the learner has given an answer (else submitting warns first)
 *   given(q)         the learner's answer as text (the verdict, the 错题本)
 *   draft(q)         the answer so far as plain JSON for sessionStorage, or null when there is none
 *   restore(q, v)    put a draft back; anything that does not fit is ignored
 *   isCorrect(q)     grade it
 *   lock(q, locked)  no more changes once submitted
 *   showResult(q, correct)  the type's own marks on what was right and wrong
 *   reset(q)         back to unanswered, marks removed
 *   slide(el)        the projector's slide body (null: the stem says it all)
 *   handle(q, event) optional: a click or keydown inside the question; true when the answer changed
 *   verdictShowsAnswer  optional, default true: a wrong verdict repeats the learner's answer
 *   prepare(q)       optional: null when q can be graded now, else a promise settled once it can (reply.js
 *                    loads its rules); rejected with a message for the learner when it cannot this time
 * The question itself (q.el, q.details, q.live) is shared: its verdict, its answer block, its state.
 * q.unavailable holds that message while a submission could not grade the question.
 */
(function () {
  "use strict";
  var quiz = window.mdxQuiz;

  // A question whose type this script does not know stays on the page with its answer block, and is
  // left out of the score, so one bad question never takes the whole quiz down.
  var UNGRADED = {
    arrange: function () {},
    answered: function () { return true; },
    given: function () { return ""; },
    draft: function () { return null; },
    restore: function () {},
    isCorrect: function () { return false; },
    lock: function () {},
    showResult: function () {},
    reset: function () {},
    slide: function () { return null; }
  };

  function Question(el) {
    this.el = el;
    this.id = el.getAttribute("data-question-id");
    this.type = el.getAttribute("data-type");
    this.kind = window.mdxQuizTypes[this.type];
    this.graded = !!this.kind;
    if (!this.kind) {
      console.error("mdx quiz: question " + JSON.stringify(this.id) + " has the unknown type " +
        JSON.stringify(this.type) + " (no quiz/types/*.js registers it): shown, but not graded");
      this.kind = UNGRADED;
    }
    this.unavailable = "";
    this.details = el.querySelector(".mdx-quiz__answer");
    this.live = quiz.make("span", "mdx-visually-hidden");
    this.live.setAttribute("aria-live", "polite");
    el.appendChild(this.live);
  }

  Question.prototype.arrange = function (shuffleOptions, random) { this.kind.arrange(this, shuffleOptions, random); };
  Question.prototype.answered = function () { return this.kind.answered(this); };
  Question.prototype.given = function () { return this.kind.given(this); };
  Question.prototype.draft = function () { return this.kind.draft(this); };
  Question.prototype.restore = function (value) { this.kind.restore(this, value); };
  Question.prototype.isCorrect = function () { return this.kind.isCorrect(this); };
  Question.prototype.lock = function (locked) { this.kind.lock(this, locked); };
  Question.prototype.handle = function (event) { return this.kind.handle ? this.kind.handle(this, event) : false; };
  Question.prototype.prepare = function () { return this.kind.prepare ? this.kind.prepare(this) : null; };
  // Counted in the score: a type this script knows, which could be graded this time
  Question.prototype.counts = function () { return this.graded && !this.unavailable; };

  // The first control of the question, for the keyboard's focus
  Question.prototype.firstControl = function () {
    return this.el.querySelector("input, select, textarea, button");
  };

  Question.prototype.showResult = function (correct) {
    if (this.unavailable) {
      var why = quiz.make("p", "mdx-quiz__verdict");
      why.appendChild(quiz.make("strong", "", "本题未评分"));
      why.appendChild(document.createTextNode("　" + this.unavailable + "时间已到，本题按答错计分。"));
      this.details.parentNode.insertBefore(why, this.details);
    } else if (!this.graded) {
      var note = quiz.make("p", "mdx-quiz__verdict", "此题不计分：请对照下方答案自查。");
      this.details.parentNode.insertBefore(note, this.details);
    } else {
      this.el.classList.add(correct ? "mdx-quiz__question--correct" : "mdx-quiz__question--wrong");
      var verdict = quiz.make("p", "mdx-quiz__verdict");
      verdict.appendChild(quiz.make("strong", "", correct ? "✔ 回答正确" : "✘ 回答错误"));
      if (!correct && this.kind.verdictShowsAnswer !== false) {
        verdict.appendChild(document.createTextNode("　你的答案：" + this.given()));
      }
      this.details.parentNode.insertBefore(verdict, this.details);
      this.kind.showResult(this, correct);
    }
    this.details.open = true;
    this.details.classList.add("mdx-quiz__answer--shown");
  };

  Question.prototype.reset = function () {
    this.el.classList.remove("mdx-quiz__question--correct", "mdx-quiz__question--wrong");
    var verdict = this.el.querySelector(".mdx-quiz__verdict");
    if (verdict) verdict.parentNode.removeChild(verdict);
    this.kind.reset(this);
    this.details.open = false;
    this.details.classList.remove("mdx-quiz__answer--shown");
    this.live.textContent = "";
    this.unavailable = "";
    this.lock(false);
  };

  quiz.Question = Question;
})();
