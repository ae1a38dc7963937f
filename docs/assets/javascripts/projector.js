/*
 * Projector mode for quizzes: one question per screen in large type, the answer on demand, a
 * countdown, and the keys a clicker sends (→ ← space PageDown PageUp). Built from the quiz on the
 * page, in its current order, so a paper code (?paper=) projects the same paper the room answers.
 */
(function () {
  "use strict";
  var DEFAULT_SECONDS = 60;
  // The slide's type shrinks until the slide fits the screen, down to this size (px); below it the slide
  // scrolls. About 1/40 of a 1280×800 projector's height: still readable from the back of a training room.
  var SMALLEST_TYPE = 20;
  var SHRINK_STEP = 0.92;

  var el = function (tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  // One slide per question, from the quiz's own markup (already escaped at build time): the dialogue and
  // the stem, then the body its question type draws (quiz/types/*.js), then the answer, hidden.
  var slideOf = function (question) {
    var slide = el("div", "mdx-projector__slide");
    var chat = question.querySelector(".mdx-chat");
    if (chat) slide.appendChild(chat.cloneNode(true));
    var stem = question.querySelector(".mdx-quiz__stem").cloneNode(true);
    var stemBox = el("div", "mdx-projector__stem");
    stemBox.innerHTML = stem.innerHTML;
    slide.appendChild(stemBox);
    var kind = window.mdxQuizTypes && window.mdxQuizTypes[question.getAttribute("data-type")];
    var body = kind ? kind.slide(question) : null;
    if (body) slide.appendChild(body);
    var answer = el("div", "mdx-projector__answer");
    answer.hidden = true;
    ["mdx-quiz__key", "mdx-quiz__explanation"].forEach(function (name) {
      var part = question.querySelector("." + name);
      if (part) answer.appendChild(part.cloneNode(true));
    });
    slide.appendChild(answer);
    return slide;
  };

  function Projector(quiz) {
    this.quiz = quiz;
    this.questions = Array.prototype.slice.call(quiz.querySelectorAll(".mdx-quiz__question:not([hidden])"));
    this.index = 0;
    this.timer = null;
    this.left = DEFAULT_SECONDS;
    this.returnFocus = document.activeElement;
    this.build();
  }

  Projector.prototype.build = function () {
    var self = this;
    var overlay = this.overlay = el("div", "mdx-projector");
    overlay.setAttribute("role", "dialog");
    overlay.setAttribute("aria-modal", "true");
    overlay.setAttribute("aria-label", "投影：" + this.quiz.querySelector(".mdx-quiz__title").textContent);
    overlay.tabIndex = -1;
    var bar = el("div", "mdx-projector__bar");
    this.position = el("span", "mdx-projector__position");
    this.clock = el("span", "mdx-projector__clock");
    bar.appendChild(el("span", "mdx-projector__title", this.quiz.querySelector(".mdx-quiz__title").textContent));
    var paper = this.quiz.querySelector(".mdx-quiz__paper");
    if (paper && !paper.hidden) bar.appendChild(el("span", "mdx-projector__paper", paper.textContent));
    bar.appendChild(this.position);
    bar.appendChild(this.clock);
    [["prev", "◀ 上一题"], ["reveal", "显示答案"], ["next", "下一题 ▶"], ["timer", "倒计时"], ["close", "退出"]]
      .forEach(function (spec) {
        var button = el("button", "mdx-projector__button", spec[1]);
        button.type = "button";
        button.setAttribute("data-projector", spec[0]);
        bar.appendChild(button);
      });
    this.stage = el("div", "mdx-projector__stage");
    this.stage.setAttribute("aria-live", "polite");
    overlay.appendChild(bar);
    overlay.appendChild(this.stage);
    overlay.addEventListener("click", function (event) {
      var button = event.target.closest("[data-projector]");
      if (button) self.act(button.getAttribute("data-projector"));
    });
    this.onKey = function (event) { self.key(event); };
    document.addEventListener("keydown", this.onKey, true);
    this.onFullscreen = function () {
      if (!document.fullscreenElement && self.wasFullscreen) self.close();
    };
    document.addEventListener("fullscreenchange", this.onFullscreen);
    this.onResize = function () { self.fit(); };
    window.addEventListener("resize", this.onResize);
    document.body.appendChild(overlay);
    // The overlay sits on <body>, which instant navigation keeps: leaving the quiz's page (the browser's
    // Back button still works behind the overlay) closes it, its timer and its listeners with it.
    this.forget = window.mdxQuiz.whileShown(this.quiz, function () { self.close(); });
    document.documentElement.classList.add("mdx-projecting");
    this.show();
    overlay.focus();
    if (overlay.requestFullscreen) {
      overlay.requestFullscreen().then(function () { self.wasFullscreen = true; }, function () { /* a window is fine too */ });
    }
  };

  Projector.prototype.show = function () {
    this.stage.innerHTML = "";
    this.stage.appendChild(slideOf(this.questions[this.index]));
    this.position.textContent = "第 " + (this.index + 1) + " / " + this.questions.length + " 题";
    this.overlay.setAttribute("data-question-index", String(this.index));
    this.stopTimer();
    this.clock.textContent = "";
    this.fit();
  };

  // The slide at the largest type that fits the screen without scrolling: the stage's type starts at the
  // size the stylesheet gives it for this screen and shrinks step by step (every size in em follows).
  // Run for each slide, when the answer shows or hides, and when the window changes size.
  Projector.prototype.fit = function () {
    var overlay = this.overlay;
    var stage = this.stage;
    stage.style.fontSize = "";
    var size = parseFloat(window.getComputedStyle(stage).fontSize);
    var smallest = Math.min(size, SMALLEST_TYPE);
    while (overlay.scrollHeight > overlay.clientHeight && size > smallest) {
      size = Math.max(smallest, size * SHRINK_STEP);
      stage.style.fontSize = size + "px";
    }
  };

  Projector.prototype.act = function (action) {
    if (action === "next" && this.index < this.questions.length - 1) { this.index++; this.show(); }
    else if (action === "prev" && this.index > 0) { this.index--; this.show(); }
    else if (action === "reveal") {
      var answer = this.stage.querySelector(".mdx-projector__answer");
      answer.hidden = !answer.hidden;
      this.fit();
    } else if (action === "timer") this.toggleTimer();
    else if (action === "close") this.close();
  };

  Projector.prototype.key = function (event) {
    var map = { ArrowRight: "next", " ": "next", PageDown: "next", ArrowLeft: "prev", PageUp: "prev",
      Enter: "reveal", a: "reveal", A: "reveal", t: "timer", T: "timer", Escape: "close" };
    var action = map[event.key];
    if (!action) return;
    if (event.key === "Enter" && event.target.closest && event.target.closest("[data-projector]")) return;
    event.preventDefault();
    event.stopPropagation();
    this.act(action);
  };

  // Material's timer icon, from the page (overrides/main.html puts it in a <template> where a quiz can be
  // projected): an emoji ⏱ draws as an empty box on machines without an emoji font.
  var timerIcon = function () {
    var source = document.getElementById("__mdx_icon_timer");
    var svg = source && source.content && source.content.querySelector("svg");
    if (!svg) return null;
    svg = svg.cloneNode(true);
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    return svg;
  };

  Projector.prototype.showClock = function (text) {
    this.clock.textContent = "";
    var icon = timerIcon();
    if (icon) this.clock.appendChild(icon);
    this.clock.appendChild(document.createTextNode(text));
  };

  Projector.prototype.toggleTimer = function () {
    if (this.timer) { this.stopTimer(); return; }
    var self = this;
    this.left = DEFAULT_SECONDS;
    this.showClock(this.left + " 秒");
    this.timer = setInterval(function () {
      self.left--;
      self.showClock(self.left > 0 ? self.left + " 秒" : "时间到");
      if (self.left <= 0) self.stopTimer();
    }, 1000);
  };

  Projector.prototype.stopTimer = function () {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  };

  Projector.prototype.close = function () {
    this.forget();
    this.stopTimer();
    document.removeEventListener("keydown", this.onKey, true);
    document.removeEventListener("fullscreenchange", this.onFullscreen);
    window.removeEventListener("resize", this.onResize);
    if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(function () {});
    this.overlay.remove();
    document.documentElement.classList.remove("mdx-projecting");
    if (this.returnFocus && this.returnFocus.focus) this.returnFocus.focus();
  };

  window.mdxProjector = { open: function (quiz) { return new Projector(quiz); } };
})();
