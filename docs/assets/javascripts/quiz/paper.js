/*
 * quiz/paper.js: which questions a quiz asks, in which order. A paper code in the address (?paper=K7Q2)
 * seeds the draw, so every device that opens it gets the same paper; ?n=10 with it asks that many.
 * The exam draws the same number from every module; the 错题本 asks only the learner's wrong answers.
 * A paper submitted on this device is remembered (its key has been seen): it is not answered again here.
 */
(function () {
  "use strict";
  var quiz = window.mdxQuiz;
  // The id separator and the code alphabet are the build's (macros/contract.py, via text-fold.js)
  var contract = window.mdxContract;

  var code = function () {
    var given = (new URLSearchParams(location.search).get("paper") || "").toUpperCase();
    return /^[A-Z0-9]{1,12}$/.test(given) ? given : "";
  };

  var size = function (total) {
    var n = parseInt(new URLSearchParams(location.search).get("n"), 10);
    return n >= 1 && n < total ? n : total;
  };

  // Small seeded generator (mulberry32) over a string hash: same code, same sequence, everywhere.
  var seeded = function (text) {
    var h = 1779033703 ^ text.length;
    for (var i = 0; i < text.length; i++) {
      h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
      h = (h << 13) | (h >>> 19);
    }
    var state = h >>> 0;
    return function () {
      state = (state + 0x6D2B79F5) >>> 0;
      var t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  };

  // Bank questions are named "<module><separator><question>": group by module, take `count` of each.
  var drawPerModule = function (questions, count, random) {
    var groups = {};
    questions.forEach(function (q) {
      var module = q.id.split(contract().idSeparator)[0];
      (groups[module] = groups[module] || []).push(q);
    });
    var drawn = [];
    Object.keys(groups).forEach(function (module) {
      drawn = drawn.concat(quiz.shuffle(groups[module], random).slice(0, count));
    });
    return drawn;
  };

  // The paper code goes into the address without a reload (an empty code takes it out). Material's instant navigation has by then
  // made every in-page link absolute from the address as it was, so the skip link, the table of contents
  // and the permalinks would load the page again under the old code (or none): a new draw, answers gone.
  var showInAddress = function (paperCode) {
    var url = new URL(location.href);
    if (paperCode) url.searchParams.set("paper", paperCode);
    else url.searchParams.delete("paper");
    history.replaceState(history.state, "", url.toString());
    Array.prototype.forEach.call(document.querySelectorAll("a[href*='#']"), function (link) {
      var target = new URL(link.href, location.href);
      if (target.origin !== location.origin || target.pathname !== location.pathname) return;
      if (target.search === location.search) return;
      target.search = location.search;
      link.href = target.toString();
    });
  };

  var newCode = function () {
    var alphabet = contract().codeAlphabet;
    var made = "";
    for (var i = 0; i < contract().paperCodeLength; i++) made += alphabet[Math.floor(Math.random() * alphabet.length)];
    return made;
  };

  // Draws the paper from all of the quiz's questions; hides the others, numbers the paper's, and
  // returns them in order. A paper code fixes the order of questions and options; without one,
  // options are shuffled only where the quiz asks for it.
  var draw = function (root, all) {
    var paperCode = code();
    var random = paperCode ? seeded(paperCode + "/" + root.getAttribute("data-quiz-id")) : null;
    var ordered = all.slice().sort(function (a, b) { return a.position - b.position; });
    var pool = root.getAttribute("data-pool");
    if (pool === "exam") {
      ordered.forEach(function (q) { q.el.hidden = true; });
      ordered = drawPerModule(ordered, parseInt(root.getAttribute("data-per-module"), 10) || 2, random);
    } else if (pool && window.mdxLearn) {
      var wanted = window.mdxLearn.pool(pool);
      ordered.forEach(function (q) { q.el.hidden = true; });
      ordered = ordered.filter(function (q) { return wanted.indexOf(q.id) >= 0; });
    }
    if (random) ordered = quiz.shuffle(ordered, random);
    quiz.placeInOrder(root.querySelector(".mdx-quiz__questions"), ordered.map(function (q) { return q.el; }));
    var count = paperCode ? size(ordered.length) : ordered.length;
    var asked = ordered.slice(0, count);
    ordered.forEach(function (q, index) {
      q.el.hidden = index >= count;
      // The last question asked sits right above the buttons; the bank's unasked ones may follow it
      q.el.classList.toggle("mdx-quiz__question--last-asked", index === count - 1);
    });
    // "共 N 题" of a quiz, "每卷 N 题" of the exam: the number of questions now asked
    quiz.all(root, ".mdx-quiz__count").forEach(function (shownCount) { shownCount.textContent = String(count); });
    root.classList.toggle("mdx-quiz--empty", !asked.length);
    var shuffleOptions = root.getAttribute("data-shuffle") === "true" || !!random;
    asked.forEach(function (q, index) {
      q.arrange(shuffleOptions, random);
      q.el.querySelector(".mdx-quiz__number").textContent = (index + 1) + ".";
    });
    var label = root.querySelector(".mdx-quiz__paper");
    if (label) {
      label.hidden = !paperCode;
      label.textContent = paperCode ? "试卷编号 " + paperCode : "";
    }
    return asked;
  };

  // Papers submitted on this device, per quiz, newest last: localStorage, so that closing the tab and opening
  // the same link again does not hand back a paper whose key was shown. Blocked storage: this page only.
  var SUBMITTED_KEY = "kesutong.papers-submitted.v1:";
  var KEPT_SUBMITTED = 200;
  var submittedHere = {};
  var submitted = function (quizId) {
    try {
      var list = JSON.parse(localStorage.getItem(SUBMITTED_KEY + quizId));
      if (Array.isArray(list)) return list.filter(function (c) { return typeof c === "string"; });
    } catch (e) { /* blocked or damaged: what this page saw */ }
    return submittedHere[quizId] || [];
  };
  var markSubmitted = function (quizId, paperCode) {
    if (!paperCode) return;
    var list = submitted(quizId).filter(function (c) { return c !== paperCode; }).concat([paperCode]);
    list = list.slice(-KEPT_SUBMITTED);
    submittedHere[quizId] = list;
    try { localStorage.setItem(SUBMITTED_KEY + quizId, JSON.stringify(list)); } catch (e) { /* kept for this page */ }
  };
  var wasSubmitted = function (quizId, paperCode) {
    return !!paperCode && submitted(quizId).indexOf(paperCode) >= 0;
  };

  quiz.paper = { code: code, newCode: newCode, showInAddress: showInAddress, draw: draw,
    markSubmitted: markSubmitted, wasSubmitted: wasSubmitted };
})();
