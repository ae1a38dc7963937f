/*
 * quiz/printing.js: a quiz printed alone, as a paper to fill in ("paper") or as its answer key ("key");
 * course.css does the layout from html[data-mdx-print] and .mdx-quiz--printing.
 */
(function () {
  "use strict";
  var quiz = window.mdxQuiz;

  quiz.printAs = function (root, mode) {
    var answers = quiz.all(root, ".mdx-quiz__answer");
    var wasOpen = answers.map(function (d) { return d.open; });
    answers.forEach(function (d) { d.open = mode === "key"; });
    document.documentElement.setAttribute("data-mdx-print", mode);
    root.classList.add("mdx-quiz--printing");
    var forget = function () {};
    var done = function () {
      document.documentElement.removeAttribute("data-mdx-print");
      root.classList.remove("mdx-quiz--printing");
      answers.forEach(function (d, i) { d.open = wasOpen[i]; });
      window.removeEventListener("afterprint", done);
      forget();
    };
    window.addEventListener("afterprint", done);
    forget = quiz.whileShown(root, done);
    window.print();
  };
})();
