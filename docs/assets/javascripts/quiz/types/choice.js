/*
 * quiz/types/choice.js: 单选 (single), 多选 (multiple) and 判断 (truefalse): radio buttons or check boxes,
 * graded against data-answer (the right inputs' values). Single and multiple shuffle their options when
 * asked; a true/false pair keeps 正确 before 错误.
 */
(function () {
  "use strict";
  var quiz = window.mdxQuiz;
  var LETTERS = "ABCDEFGHIJ";

  var inputs = function (q) { return quiz.all(q.el, ".mdx-quiz__options input"); };
  var chosen = function (q) { return inputs(q).filter(function (input) { return input.checked; }); };
  var answerOf = function (q) { return (q.el.getAttribute("data-answer") || "").split(",").filter(Boolean); };

  var choice = function (shufflesOptions) {
    return {
      arrange: function (q, shuffleOptions, random) {
        if (!shufflesOptions || !shuffleOptions) return;
        var box = q.el.querySelector(".mdx-quiz__options");
        var labels = Array.prototype.slice.call(box.children).sort(function (a, b) {
          return a.querySelector("input").value - b.querySelector("input").value;
        });
        quiz.placeInOrder(box, quiz.shuffle(labels, random));
      },
      answered: function (q) { return chosen(q).length > 0; },
      given: function (q) {
        var picked = chosen(q);
        if (!picked.length) return "未作答";
        return picked.map(function (input) { return quiz.textOf(input.parentNode); }).join("；");
      },
      draft: function (q) {
        var values = chosen(q).map(function (input) { return input.value; });
        return values.length ? values : null;
      },
      restore: function (q, value) {
        if (!Array.isArray(value)) return;
        inputs(q).forEach(function (input) { input.checked = value.indexOf(input.value) >= 0; });
      },
      isCorrect: function (q) {
        var values = chosen(q).map(function (input) { return input.value; });
        var answer = answerOf(q);
        return values.length === answer.length && values.every(function (v) { return answer.indexOf(v) >= 0; });
      },
      lock: function (q, locked) {
        inputs(q).forEach(function (input) { input.disabled = locked; });
      },
      showResult: function (q) {
        var answer = answerOf(q);
        inputs(q).forEach(function (input) {
          if (answer.indexOf(input.value) >= 0) input.parentNode.classList.add("mdx-quiz__option--right");
          else if (input.checked) input.parentNode.classList.add("mdx-quiz__option--wrong");
        });
      },
      reset: function (q) {
        inputs(q).forEach(function (input) {
          input.checked = false;
          input.parentNode.classList.remove("mdx-quiz__option--right", "mdx-quiz__option--wrong");
        });
      },
      // The projector's slide body: the options as the page orders them, lettered.
      slide: function (el) {
        var list = quiz.make("ul", "mdx-projector__choices");
        quiz.all(el, ".mdx-quiz__option-text").forEach(function (text, index) {
          var li = quiz.make("li");
          li.appendChild(quiz.make("span", "mdx-projector__letter", LETTERS[index] + "."));
          var body = quiz.make("span");
          body.innerHTML = text.innerHTML;  // the quiz's own markup, escaped at build time
          li.appendChild(body);
          list.appendChild(li);
        });
        return list;
      }
    };
  };

  window.mdxQuizTypes.single = choice(true);
  window.mdxQuizTypes.multiple = choice(true);
  window.mdxQuizTypes.truefalse = choice(false);
})();
