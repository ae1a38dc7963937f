/*
 * Self-graded quizzes (HTML from macros/render_quiz.py).
 * Mounted through Material's document$, so it survives instant navigation; each quiz is bound once.
 * Without this script the page still shows every question with its answer in a collapsed block.
 */
(function () {
  "use strict";

  var shuffle = function (items, random) {
    var list = items.slice();
    var next = random || Math.random;
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(next() * (i + 1));
      var t = list[i]; list[i] = list[j]; list[j] = t;
    }
    return list;
  };

  // Moving an element rebuilds its layout, so only the ones out of place move: a quiz shown in the
  // page's own order moves nothing when it mounts.
  var placeInOrder = function (parent, nodes) {
    nodes.forEach(function (node, index) {
      var here = parent.children[index];
      if (here !== node) parent.insertBefore(node, here || null);
    });
  };

  var textOf = function (el) {
    return (el.textContent || "").replace(/\s+/g, " ").trim();
  };

  var make = function (tag, className, text) {
    var el = document.createElement(tag);
    el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  };

  function Question(el, grading) {
    this.el = el;
    this.type = el.getAttribute("data-type");
    this.answer = (el.getAttribute("data-answer") || "").split(",").filter(Boolean);
    this.grading = grading;
    this.reply = el.querySelector(".mdx-quiz__reply");
    this.keypoints = JSON.parse(el.getAttribute("data-keypoints") || "[]");
    this.details = el.querySelector(".mdx-quiz__answer");
    this.live = make("span", "mdx-visually-hidden");
    this.live.setAttribute("aria-live", "polite");
    el.appendChild(this.live);
  }

  Question.prototype.inputs = function () {
    return Array.prototype.slice.call(this.el.querySelectorAll("input"));
  };

  // A written reply: which key points it meets and which taboo phrases it contains.
  Question.prototype.review = function () {
    var text = this.grading.folder.plain(this.reply.value, false);
    var met = this.keypoints.map(function (point) {
      return point.any.some(function (phrase) { return text.indexOf(phrase) >= 0; });
    });
    var taboo = this.grading.taboo.filter(function (entry) {
      return entry[2].some(function (pattern) { return text.indexOf(pattern) >= 0; });
    });
    return { met: met, taboo: taboo };
  };

  Question.prototype.items = function () {
    return Array.prototype.slice.call(this.el.querySelectorAll(".mdx-quiz__item"));
  };

  Question.prototype.arrange = function (shuffleOptions, random) {
    if (this.type === "order") {
      var list = this.el.querySelector(".mdx-quiz__order");
      var items = this.items().sort(function (a, b) { return a.getAttribute("data-item") - b.getAttribute("data-item"); });
      var order = items;
      for (var tries = 0; tries < 10 && items.length > 1; tries++) {
        order = shuffle(items, random);
        if (!this.inOrder(order)) break;
      }
      placeInOrder(list, order);
    } else if (shuffleOptions && (this.type === "single" || this.type === "multiple")) {
      var box = this.el.querySelector(".mdx-quiz__options");
      var labels = Array.prototype.slice.call(box.children).sort(function (a, b) {
        return a.querySelector("input").value - b.querySelector("input").value;
      });
      placeInOrder(box, shuffle(labels, random));
    }
  };

  Question.prototype.inOrder = function (items) {
    return items.every(function (item, index) { return item.getAttribute("data-item") === String(index); });
  };

  Question.prototype.answered = function () {
    if (this.type === "reply") return !!this.reply.value.trim();
    return this.type === "order" || this.inputs().some(function (input) { return input.checked; });
  };

  Question.prototype.given = function () {
    if (this.type === "reply") return this.reply.value.trim() || "未作答";
    if (this.type === "order") {
      return this.items().map(function (item, n) {
        return (n + 1) + ". " + textOf(item.querySelector(".mdx-quiz__item-text"));
      }).join(" → ");
    }
    var chosen = this.inputs().filter(function (input) { return input.checked; });
    if (!chosen.length) return "未作答";
    return chosen.map(function (input) { return textOf(input.parentNode); }).join("；");
  };

  // What the learner has given so far, as plain data for the attempt's draft (null: nothing yet)
  Question.prototype.draft = function () {
    if (this.type === "reply") return this.reply.value ? this.reply.value : null;
    if (this.type === "order") return this.items().map(function (item) { return item.getAttribute("data-item"); });
    var chosen = this.inputs().filter(function (input) { return input.checked; })
      .map(function (input) { return input.value; });
    return chosen.length ? chosen : null;
  };

  // Puts a draft back; anything that does not fit this question (an edited bank, a tampered store) is ignored
  Question.prototype.restore = function (value) {
    if (this.type === "reply") {
      if (typeof value === "string") this.reply.value = value;
      return;
    }
    if (!Array.isArray(value)) return;
    if (this.type === "order") {
      var items = this.items();
      var byIndex = {};
      items.forEach(function (item) { byIndex[item.getAttribute("data-item")] = item; });
      var order = value.map(function (index) { return byIndex[index]; }).filter(Boolean);
      if (order.length === items.length) placeInOrder(this.el.querySelector(".mdx-quiz__order"), order);
      return;
    }
    this.inputs().forEach(function (input) { input.checked = value.indexOf(input.value) >= 0; });
  };

  Question.prototype.isCorrect = function () {
    if (this.type === "reply") {
      var result = this.review();
      return result.met.every(Boolean) && !result.taboo.length;
    }
    if (this.type === "order") return this.inOrder(this.items());
    var chosen = this.inputs().filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
    var answer = this.answer;
    return chosen.length === answer.length && chosen.every(function (v) { return answer.indexOf(v) >= 0; });
  };

  Question.prototype.move = function (item, step) {
    var list = item.parentNode;
    var sibling = step < 0 ? item.previousElementSibling : item.nextElementSibling;
    if (!sibling) return;
    list.insertBefore(item, step < 0 ? sibling : sibling.nextElementSibling);
    var position = this.items().indexOf(item) + 1;
    this.live.textContent = "“" + textOf(item.querySelector(".mdx-quiz__item-text")) + "”已移到第 " + position + " 位";
  };

  Question.prototype.lock = function (locked) {
    if (this.reply) this.reply.readOnly = locked;
    this.inputs().concat(Array.prototype.slice.call(this.el.querySelectorAll(".mdx-quiz__move")))
      .forEach(function (control) { control.disabled = locked; });
  };

  Question.prototype.showResult = function (correct) {
    var self = this;
    this.el.classList.add(correct ? "mdx-quiz__question--correct" : "mdx-quiz__question--wrong");
    this.inputs().forEach(function (input) {
      if (self.answer.indexOf(input.value) >= 0) input.parentNode.classList.add("mdx-quiz__option--right");
      else if (input.checked) input.parentNode.classList.add("mdx-quiz__option--wrong");
    });
    var verdict = make("p", "mdx-quiz__verdict");
    verdict.appendChild(make("strong", "", correct ? "✔ 回答正确" : "✘ 回答错误"));
    if (!correct && this.type !== "reply") verdict.appendChild(document.createTextNode("　你的答案：" + this.given()));
    this.details.parentNode.insertBefore(verdict, this.details);
    if (this.type === "reply") {
      var result = this.review();
      var points = make("ul", "mdx-quiz__points");
      this.keypoints.forEach(function (point, i) {
        points.appendChild(make("li", result.met[i] ? "mdx-quiz__point--met" : "mdx-quiz__point--missed",
          (result.met[i] ? "✔ 做到了：" : "✘ 还缺：") + point.label));
      });
      result.taboo.forEach(function (entry) {
        points.appendChild(make("li", "mdx-quiz__point--taboo", "✘ 用了禁忌用语：“" + entry[1] + "”"));
      });
      this.details.parentNode.insertBefore(points, this.details);
    }
    this.details.open = true;
    this.details.classList.add("mdx-quiz__answer--shown");
  };

  Question.prototype.reset = function () {
    this.el.classList.remove("mdx-quiz__question--correct", "mdx-quiz__question--wrong");
    this.inputs().forEach(function (input) { input.checked = false; });
    Array.prototype.forEach.call(this.el.querySelectorAll(".mdx-quiz__option--right, .mdx-quiz__option--wrong"),
      function (label) { label.classList.remove("mdx-quiz__option--right", "mdx-quiz__option--wrong"); });
    var verdict = this.el.querySelector(".mdx-quiz__verdict");
    if (verdict) verdict.parentNode.removeChild(verdict);
    var points = this.el.querySelector(".mdx-quiz__points");
    if (points) points.parentNode.removeChild(points);
    if (this.reply) this.reply.value = "";
    this.details.open = false;
    this.details.classList.remove("mdx-quiz__answer--shown");
    this.live.textContent = "";
    this.lock(false);
  };

  /* ---------------------------------------------------------------- reproducible papers */

  var PAPER_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

  // The paper code in the address (?paper=K7Q2): every device that opens it draws the same paper.
  var paperCode = function () {
    var code = (new URLSearchParams(location.search).get("paper") || "").toUpperCase();
    return /^[A-Z0-9]{1,12}$/.test(code) ? code : "";
  };

  var paperSize = function (total) {
    var n = parseInt(new URLSearchParams(location.search).get("n"), 10);
    return n >= 1 && n < total ? n : total;
  };

  // Bank questions are named "<module>--<question>": group by module, take `count` of each.
  var drawPerModule = function (questions, count, random) {
    var groups = {};
    questions.forEach(function (q) {
      var module = q.el.getAttribute("data-question-id").split("--")[0];
      (groups[module] = groups[module] || []).push(q);
    });
    var drawn = [];
    Object.keys(groups).forEach(function (module) {
      drawn = drawn.concat(shuffle(groups[module], random).slice(0, count));
    });
    return drawn;
  };

  // The paper code goes into the address without a reload. Material's instant navigation has by then
  // made every in-page link absolute from the address as it was, so the skip link, the table of contents
  // and the permalinks would load the page again under the old code (or none): a new draw, answers gone.
  var showPaperInAddress = function (code) {
    var url = new URL(location.href);
    url.searchParams.set("paper", code);
    history.replaceState(history.state, "", url.toString());
    Array.prototype.forEach.call(document.querySelectorAll("a[href*='#']"), function (link) {
      var target = new URL(link.href, location.href);
      if (target.origin !== location.origin || target.pathname !== location.pathname) return;
      if (target.search === location.search) return;
      target.search = location.search;
      link.href = target.toString();
    });
  };

  var newPaperCode = function () {
    var code = "";
    for (var i = 0; i < 4; i++) code += PAPER_ALPHABET[Math.floor(Math.random() * PAPER_ALPHABET.length)];
    return code;
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

  function mountQuiz(root) {
    if (root.getAttribute("data-mdx-mounted")) return;
    root.setAttribute("data-mdx-mounted", "true");
    root.classList.add("mdx-quiz--ready");

    var shuffleOptions = root.getAttribute("data-shuffle") === "true";
    var passScore = parseInt(root.getAttribute("data-pass-score"), 10) || 0;
    var grading = {
      folder: new window.MdxFolder(root.getAttribute("data-t2s") || ""),
      taboo: JSON.parse(root.getAttribute("data-taboo") || "[]")
    };
    var all = Array.prototype.map.call(root.querySelectorAll(".mdx-quiz__question"),
      function (el, index) { var q = new Question(el, grading); q.position = index; return q; });
    var questions = all;  // the questions of the current paper, in its order
    var meta = root.querySelector(".mdx-quiz__meta");
    var metaText = meta ? meta.textContent : "";
    var result = root.querySelector(".mdx-quiz__result");
    var submit = root.querySelector('[data-quiz-action="submit"]');
    var retry = root.querySelector('[data-quiz-action="retry"]');
    var warnedUnanswered = false;

    var list = root.querySelector(".mdx-quiz__questions");
    var paperLabel = root.querySelector(".mdx-quiz__paper");

    var isExam = root.getAttribute("data-pool") === "exam";
    if (isExam && !paperCode()) showPaperInAddress(newPaperCode());

    // A paper code fixes the order of questions and options; without one, options are shuffled.
    var arrange = function () {
      var code = paperCode();
      var random = code ? seeded(code + "/" + root.getAttribute("data-quiz-id")) : null;
      var ordered = all.slice().sort(function (a, b) { return a.position - b.position; });
      // A review quiz (错题本) asks only the questions its pool names.
      var pool = root.getAttribute("data-pool");
      if (pool === "exam") {
        // The exam: the same number of questions from every module, drawn by the paper's code.
        ordered.forEach(function (q) { q.el.hidden = true; });
        ordered = drawPerModule(ordered, parseInt(root.getAttribute("data-per-module"), 10) || 2, random);
      } else if (pool && window.mdxLearn) {
        var wanted = window.mdxLearn.pool(pool);
        ordered.forEach(function (q) { q.el.hidden = true; });
        ordered = ordered.filter(function (q) { return wanted.indexOf(q.el.getAttribute("data-question-id")) >= 0; });
      }
      if (random) ordered = shuffle(ordered, random);
      placeInOrder(list, ordered.map(function (q) { return q.el; }));
      // ?n=10 with a paper draws that many of the questions: the same ones on every device.
      var count = code ? paperSize(ordered.length) : ordered.length;
      questions = ordered.slice(0, count);
      ordered.forEach(function (q, index) { q.el.hidden = index >= count; });
      // "共 N 题" of a quiz, "每卷 N 题" of the exam: the number of questions now asked
      if (meta) meta.textContent = metaText.replace(/(共|每卷) \d+ 题/, function (whole, word) {
        return word + " " + count + " 题";
      });
      root.classList.toggle("mdx-quiz--empty", !questions.length);
      questions.forEach(function (q, index) {
        q.arrange(shuffleOptions || !!random, random);
        q.el.querySelector(".mdx-quiz__number").textContent = (index + 1) + ".";
      });
      if (paperLabel) {
        paperLabel.hidden = !code;
        paperLabel.textContent = code ? "试卷编号 " + code : "";
      }
    };

    // An attempt in progress outlives a reload, a tab the phone has discarded and a visit to another page:
    // its answers, and the exam's deadline, stay in this tab until it is submitted or started again.
    var draftKey = "kesutong.draft.v1:" + location.pathname + ":" + root.getAttribute("data-quiz-id");
    var deadline = 0;
    var submitted = false;
    var readDraft = function () {
      try {
        var draft = JSON.parse(sessionStorage.getItem(draftKey));
        var fits = draft && draft.paper === paperCode() && draft.answers && typeof draft.answers === "object";
        return fits ? draft : null;
      } catch (e) { return null; }
    };
    var saveDraft = function () {
      if (submitted) return;
      var answers = {};
      questions.forEach(function (q) {
        var given = q.draft();
        if (given !== null) answers[q.el.getAttribute("data-question-id")] = given;
      });
      try {
        sessionStorage.setItem(draftKey, JSON.stringify({ paper: paperCode(), deadline: deadline, answers: answers }));
      } catch (e) { /* storage blocked or full: the attempt just lives as long as the page */ }
    };
    var dropDraft = function () {
      try { sessionStorage.removeItem(draftKey); } catch (e) { /* nothing was kept */ }
    };

    var clock = root.querySelector(".mdx-quiz__clock");
    var minutes = parseInt(root.getAttribute("data-minutes"), 10) || 0;
    var timer = null;
    // A kept deadline goes on, but never past the one a new attempt would get
    var startClock = function (keptDeadline) {
      if (!clock || !minutes) return;
      var fresh = Date.now() + minutes * 60000;
      var end = deadline = keptDeadline > 0 ? Math.min(keptDeadline, fresh) : fresh;
      saveDraft();  // the deadline is kept from the first second
      var tick = function () {
        var left = Math.max(0, Math.round((end - Date.now()) / 1000));
        clock.textContent = "剩余 " + Math.floor(left / 60) + " 分 " + ("0" + (left % 60)).slice(-2) + " 秒";
        if (!left) { stopClock(); grade(true); }
      };
      clock.hidden = false;
      tick();
      timer = setInterval(tick, 1000);
    };
    var stopClock = function () { if (timer) clearInterval(timer); timer = null; };

    var grade = function (timeUp) {
      stopClock();
      var missing = questions.filter(function (q) { return !q.answered(); });
      if (missing.length && !warnedUnanswered && timeUp !== true) {
        warnedUnanswered = true;
        result.hidden = false;
        result.className = "mdx-quiz__result mdx-quiz__result--warning";
        result.textContent = "还有 " + missing.length + " 题未作答（第 " +
          missing.map(function (q) { return questions.indexOf(q) + 1; }).join("、") +
          " 题）。再按一次“提交”，未答的题按答错计分。";
        var first = missing[0].el.querySelector("input, textarea");
        if (first) first.focus();
        return;
      }
      submitted = true;
      dropDraft();
      var outcomes = questions.map(function (q) {
        var correct = q.isCorrect();
        var given = q.given();
        q.lock(true);
        q.showResult(correct);
        var ref = q.el.querySelector(".mdx-quiz__ref a");
        var stem = q.el.querySelector(".mdx-quiz__stem").cloneNode(true);
        Array.prototype.forEach.call(stem.querySelectorAll(".mdx-quiz__number, .mdx-quiz__kind"), function (n) { n.remove(); });
        return {
          id: q.el.getAttribute("data-question-id"), correct: correct, given: given,
          stem: textOf(stem), key: textOf(q.el.querySelector(".mdx-quiz__key")),
          explanation: textOf(q.el.querySelector(".mdx-quiz__explanation")), ref: ref ? ref.href : ""
        };
      });
      var right = outcomes.filter(function (o) { return o.correct; }).length;
      var score = questions.length ? Math.round(right * 100 / questions.length) : 0;
      var passed = score >= passScore;
      result.hidden = false;
      result.className = "mdx-quiz__result " + (passed ? "mdx-quiz__result--pass" : "mdx-quiz__result--fail");
      result.setAttribute("data-quiz-score", String(score));
      result.textContent = (timeUp === true ? "时间到，已自动交卷。" : "") +
        "得分 " + score + "%（答对 " + right + " / " + questions.length + " 题）　" +
        (passed ? "✔ 通过" : "✘ 未通过，及格线 " + passScore + "%") + "。每题下方有正确答案和解析。";
      submit.hidden = true;
      retry.hidden = false;
      retry.focus();
      root.dispatchEvent(new CustomEvent("mdx:quiz-graded", {
        bubbles: true,
        detail: { quizId: root.getAttribute("data-quiz-id"), score: score, passed: passed, outcomes: outcomes,
          paper: paperCode() }
      }));
    };

    var reset = function () {
      if (isExam) showPaperInAddress(newPaperCode());  // every new attempt is a new draw
      dropDraft();
      submitted = false;
      all.forEach(function (q) { q.reset(); });
      arrange();
      warnedUnanswered = false;
      result.hidden = true;
      result.textContent = "";
      result.removeAttribute("data-quiz-score");
      submit.hidden = false;
      retry.hidden = true;
      startClock();
      var first = root.querySelector(".mdx-quiz__question input, .mdx-quiz__question .mdx-quiz__move");
      if (first) first.focus({ preventScroll: true });
      root.scrollIntoView({ block: "start" });
    };

    var printAs = function (mode) {
      var answers = Array.prototype.slice.call(root.querySelectorAll(".mdx-quiz__answer"));
      var wasOpen = answers.map(function (d) { return d.open; });
      answers.forEach(function (d) { d.open = mode === "key"; });
      document.documentElement.setAttribute("data-mdx-print", mode);
      root.classList.add("mdx-quiz--printing");
      var done = function () {
        document.documentElement.removeAttribute("data-mdx-print");
        root.classList.remove("mdx-quiz--printing");
        answers.forEach(function (d, i) { d.open = wasOpen[i]; });
        window.removeEventListener("afterprint", done);
      };
      window.addEventListener("afterprint", done);
      window.print();
    };

    root.addEventListener("click", function (event) {
      var target = event.target.closest("[data-quiz-action], [data-order-move]");
      if (!target || !root.contains(target)) return;
      var action = target.getAttribute("data-quiz-action");
      if (action === "submit") grade(false);
      else if (action === "retry") reset();
      else if (action === "new-paper") {
        showPaperInAddress(newPaperCode());
        reset();
      } else if (action === "print-paper") printAs("paper");
      else if (action === "print-key") printAs("key");
      else if (action === "project") window.mdxProjector.open(root);
      else {
        var item = target.closest(".mdx-quiz__item");
        var question = all.filter(function (q) { return q.el.contains(item); })[0];
        question.move(item, target.getAttribute("data-order-move") === "up" ? -1 : 1);
        saveDraft();
        target.focus();
      }
    });
    var saveAnswer = function (event) {
      if (event.target.closest && event.target.closest(".mdx-quiz__question")) saveDraft();
    };
    root.addEventListener("change", saveAnswer);
    root.addEventListener("input", saveAnswer);

    // Arrow keys on a focused move button move its item, so ordering needs no mouse.
    root.addEventListener("keydown", function (event) {
      var target = event.target;
      if (!target.matches || !target.matches(".mdx-quiz__move") || target.disabled) return;
      if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
      event.preventDefault();
      var item = target.closest(".mdx-quiz__item");
      var question = all.filter(function (q) { return q.el.contains(item); })[0];
      question.move(item, event.key === "ArrowUp" ? -1 : 1);
      saveDraft();
      target.focus();
    });

    retry.hidden = true;
    arrange();
    var draft = readDraft();
    if (draft) {
      questions.forEach(function (q) {
        var id = q.el.getAttribute("data-question-id");
        if (Object.prototype.hasOwnProperty.call(draft.answers, id)) q.restore(draft.answers[id]);
      });
    }
    startClock(draft && typeof draft.deadline === "number" ? draft.deadline : 0);
  }

  var mountAll = function () {
    Array.prototype.forEach.call(document.querySelectorAll(".mdx-quiz"), mountQuiz);
  };

  if (typeof window.document$ !== "undefined") window.document$.subscribe(mountAll);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();
