/*
 * quiz/types/reply.js: 情景应答 (reply): a written answer, right when it meets every key point
 * (data-keypoints: phrases any of which counts) and contains no taboo phrase (the quiz's data-taboo),
 * both compared after folding (text-fold.js, with the quiz's data-t2s character map).
 */
(function () {
  "use strict";
  var quiz = window.mdxQuiz;

  var box = function (q) { return q.el.querySelector(".mdx-quiz__reply"); };

  // What grading needs, read once from the question and its quiz.
  var rules = function (q) {
    if (!q.replyRules) {
      var root = q.el.closest(".mdx-quiz");
      q.replyRules = {
        keypoints: JSON.parse(q.el.getAttribute("data-keypoints") || "[]"),
        folder: new window.MdxFolder(root.getAttribute("data-t2s") || ""),
        taboo: JSON.parse(root.getAttribute("data-taboo") || "[]")
      };
    }
    return q.replyRules;
  };

  // Which key points the reply meets and which taboo phrases it contains.
  var review = function (q) {
    var grading = rules(q);
    var text = grading.folder.plain(box(q).value, false);
    var met = grading.keypoints.map(function (point) {
      return point.any.some(function (phrase) { return text.indexOf(phrase) >= 0; });
    });
    var taboo = grading.taboo.filter(function (entry) {
      return entry[2].some(function (pattern) { return text.indexOf(pattern) >= 0; });
    });
    return { met: met, taboo: taboo };
  };

  window.mdxQuizTypes.reply = {
    arrange: function () {},
    answered: function (q) { return !!box(q).value.trim(); },
    given: function (q) { return box(q).value.trim() || "未作答"; },
    draft: function (q) { return box(q).value ? box(q).value : null; },
    restore: function (q, value) { if (typeof value === "string") box(q).value = value; },
    isCorrect: function (q) {
      var result = review(q);
      return result.met.every(Boolean) && !result.taboo.length;
    },
    lock: function (q, locked) { box(q).readOnly = locked; },
    verdictShowsAnswer: false,  // the list of key points below says more
    showResult: function (q) {
      var result = review(q);
      var points = quiz.make("ul", "mdx-quiz__points");
      rules(q).keypoints.forEach(function (point, i) {
        points.appendChild(quiz.make("li", result.met[i] ? "mdx-quiz__point--met" : "mdx-quiz__point--missed",
          (result.met[i] ? "✔ 做到了：" : "✘ 还缺：") + point.label));
      });
      result.taboo.forEach(function (entry) {
        points.appendChild(quiz.make("li", "mdx-quiz__point--taboo", "✘ 用了禁忌用语：“" + entry[1] + "”"));
      });
      q.details.parentNode.insertBefore(points, q.details);
    },
    reset: function (q) {
      var points = q.el.querySelector(".mdx-quiz__points");
      if (points) points.parentNode.removeChild(points);
      box(q).value = "";
    },
    slide: function () { return null; }  // the stem (and its dialogue) is the whole question
  };
})();
