/*
 * 学习中心 for people studying alone: progress per module and quiz, the wrong-answer book (错题本),
 * moving progress to another device, reset, and the completion record of a passed final exam (shown
 * again on the exam page and the home page). Everything lives in this browser's localStorage under one
 * versioned key; damaged or missing data never breaks a page.
 */
(function () {
  "use strict";

  var KEY = "kesutong.progress.v1";
  var VERSION = 1;
  var LEAVES_BOOK_AFTER = 2;  // right answers in a row that take a question out of the 错题本
  var notices = [];

  // The day in Beijing (UTC+8, no daylight saving), whatever zone the machine is set to: the course's
  // learners are in China, and a record made at 07:30 there must not carry yesterday's date.
  var BEIJING_OFFSET = 8 * 3600 * 1000;
  var today = function () { return new Date(Date.now() + BEIJING_OFFSET).toISOString().slice(0, 10); };
  var empty = function () { return { v: VERSION, modules: {}, quizzes: {}, wrong: {} }; };
  var isObject = function (v) { return v !== null && typeof v === "object" && !Array.isArray(v); };

  var storage = (function () {
    try {
      var probe = "__kesutong_probe__";
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      notices.push("这个浏览器不能保存学习记录（例如无痕模式）：可以照常学习和做题，关闭页面后记录不会保留。");
      return null;
    }
  })();

  // A link back to the lesson: only a web (or, offline, file) address; an imported or hand-edited
  // record must never turn 回看相关内容 into a javascript: or data: link.
  var safeRef = function (ref) {
    try {
      var url = new URL(String(ref || ""), location.href);
      return String(ref || "") && /^(https?|file):$/.test(url.protocol) ? url.href : "";
    } catch (error) {
      return "";
    }
  };

  // Keep only well-formed entries: a stray or hand-edited value must not break the pages.
  var clean = function (data) {
    var out = empty();
    if (!isObject(data)) return out;
    Object.keys(isObject(data.modules) ? data.modules : {}).forEach(function (id) {
      var m = data.modules[id];
      if (isObject(m) && m.done === true) out.modules[id] = { done: true, at: String(m.at || "") };
    });
    Object.keys(isObject(data.quizzes) ? data.quizzes : {}).forEach(function (id) {
      var q = data.quizzes[id];
      if (isObject(q) && typeof q.best === "number" && typeof q.attempts === "number") {
        out.quizzes[id] = { best: Math.max(0, Math.min(100, q.best)), attempts: Math.max(0, q.attempts | 0),
          passed: q.passed === true, last: String(q.last || "") };
      }
    });
    Object.keys(isObject(data.wrong) ? data.wrong : {}).forEach(function (id) {
      var w = data.wrong[id];
      if (isObject(w) && typeof w.stem === "string") {
        out.wrong[id] = { quiz: String(w.quiz || ""), stem: w.stem, given: String(w.given || ""),
          key: String(w.key || ""), explanation: String(w.explanation || ""), ref: safeRef(w.ref),
          streak: Math.max(0, w.streak | 0), at: String(w.at || "") };
      }
    });
    var exam = data.exam;
    if (isObject(exam) && typeof exam.score === "number" && typeof exam.date === "string") {
      out.exam = { score: Math.max(0, Math.min(100, Math.round(exam.score))), date: exam.date,
        paper: String(exam.paper || ""), name: String(exam.name || ""),
        modules: Array.isArray(exam.modules) ? exam.modules.map(String) : [] };
    }
    return out;
  };

  var load = function () {
    if (!storage) return empty();
    var raw = storage.getItem(KEY);
    if (raw === null) return empty();
    try {
      var parsed = JSON.parse(raw);
      if (!isObject(parsed) || parsed.v !== VERSION) throw new Error("unknown version");
      return clean(parsed);
    } catch (error) {
      try { storage.setItem(KEY + ".damaged", raw); } catch (e) { /* no room: let it go */ }
      notices.push("保存的学习记录已损坏或来自旧版本，已重新开始记录（原内容另存为备份）。");
      return empty();
    }
  };

  var data = load();
  if (storage && notices.length && storage.getItem(KEY) !== null) save();

  // Every change of the records ends here; mdx:progress-saved tells other scripts (scorm.js reports
  // progress to an LMS), also when this browser cannot store anything.
  function save() {
    if (storage) {
      try { storage.setItem(KEY, JSON.stringify(data)); } catch (error) {
        notices.push("学习记录没能保存（浏览器存储已满）。");
      }
    }
    document.dispatchEvent(new CustomEvent("mdx:progress-saved"));
  }

  /* ------------------------------------------------------------------ recording */

  // Bank questions (错题本, exam) are already named "<quiz><separator><question>"; a module quiz's are not.
  var bookId = function (quizId, questionId) {
    var separator = window.mdxContract().idSeparator;
    return questionId.indexOf(separator) > 0 ? questionId : quizId + separator + questionId;
  };
  var quizOf = function (bankId) { return bankId.split(window.mdxContract().idSeparator)[0]; };

  var recordQuiz = function (detail) {
    var id = detail.quizId;
    if (id !== window.mdxContract().reviewQuizId) {
      var q = data.quizzes[id] || { best: 0, attempts: 0, passed: false, last: "" };
      q.best = Math.max(q.best, detail.score);
      q.attempts += 1;
      q.passed = q.passed || detail.passed;
      q.last = today();
      data.quizzes[id] = q;
      if (detail.passed && document.querySelector('[data-module-id="' + id + '"]')) {
        data.modules[id] = { done: true, at: today() };
      }
      if (detail.passed && id === window.mdxContract().examQuizId) keepExam(detail);
    }
    detail.outcomes.forEach(function (o) {
      var key = bookId(id, o.id);
      var entry = data.wrong[key];
      if (!o.correct) {
        data.wrong[key] = { quiz: quizOf(key), stem: o.stem, given: o.given, key: o.key,
          explanation: o.explanation, ref: o.ref, streak: 0, at: today() };
      } else if (entry) {
        entry.streak += 1;
        if (entry.streak >= LEAVES_BOOK_AFTER) delete data.wrong[key];
      }
    });
    save();
    render();
  };

  document.addEventListener("mdx:quiz-graded", function (event) {
    recordQuiz(event.detail);
    if (event.detail.quizId === window.mdxContract().examQuizId) reportExam(event.detail);
  });

  /* ------------------------------------------------------------------ exam report and certificate */

  // A short code over the certificate's facts. Not a signature: anyone can compute it; it shows a
  // trainer that name, date, score and paper were not changed after the code was made.
  var completionCode = function (name, date, score, paper) {
    var text = ["kesutong", "v1", name.normalize("NFKC").trim(), date.trim(), String(score).trim(),
      paper.trim().toUpperCase()].join("|");
    var h1 = 0xdeadbeef;
    var h2 = 0x41c6ce57;
    for (var i = 0; i < text.length; i++) {
      var ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    var value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
    var alphabet = window.mdxContract().codeAlphabet;
    var code = "";
    for (var n = 0; n < 8; n++) {
      code += alphabet[value % alphabet.length];
      value = Math.floor(value / alphabet.length);
    }
    return code.slice(0, 4) + "-" + code.slice(4);
  };

  // The record of the best passed exam (the newer one when equal), with the name once one is given.
  var keepExam = function (detail) {
    var box = document.getElementById("mdx-exam-report");
    var modules = box ? JSON.parse(box.getAttribute("data-modules")) : [];
    if (data.exam && data.exam.score > detail.score) return;
    data.exam = { score: detail.score, paper: detail.paper || "", date: today(),
      name: data.exam ? data.exam.name : "", modules: modules.map(function (m) { return m.title; }) };
  };

  var recordPlace = function () { return document.querySelector(".mdx-record[data-learn-part='record']"); };

  // The record's place, closed: one line saying the exam was passed, and the button that opens it.
  var renderRecordLine = function () {
    var place = recordPlace();
    if (!place || place.hasAttribute("data-record-open")) return;
    place.innerHTML = "";
    if (!data.exam || document.getElementById("mdx-progress")) return;  // the home page says it in the panel
    var line = el("p", "mdx-record__line", "你已通过结业考试：" + data.exam.score + " 分，" + data.exam.date + "。");
    line.appendChild(showRecordButton());
    place.appendChild(line);
  };

  var showRecordButton = function () {
    var button = el("button", "md-button", "查看结业记录");
    button.type = "button";
    button.setAttribute("data-learn-action", "show-record");
    return button;
  };

  // The record's place, open: the name to print on it, and the record itself once there is a name.
  var openRecord = function (greeting) {
    var place = recordPlace();
    if (!place || !data.exam) return null;
    place.setAttribute("data-record-open", "");
    place.innerHTML = "";
    var form = el("div", "mdx-certificate-form");
    form.appendChild(el("p", "", greeting || ("结业考试已通过（" + data.exam.score + " 分，" + data.exam.date + "）。" +
      "核对姓名后可以打印自学完成记录：")));
    var label = el("label", "", "姓名 ");
    var input = el("input");
    input.type = "text";
    input.name = "certificate-name";
    input.autocomplete = "name";
    input.value = data.exam.name;
    label.appendChild(input);
    form.appendChild(label);
    var make = el("button", "md-button md-button--primary", "生成自学完成记录");
    make.type = "button";
    make.setAttribute("data-learn-action", "certificate");
    form.appendChild(make);
    place.appendChild(form);
    if (data.exam.name) renderCertificate();
    return place;
  };

  var reportExam = function (detail) {
    var box = document.getElementById("mdx-exam-report");
    if (!box) return;
    var modules = JSON.parse(box.getAttribute("data-modules"));
    box.innerHTML = "";
    box.appendChild(el("h2", "mdx-exam-report__title", "按模块看成绩"));
    var table = el("table", "mdx-exam-report__table");
    table.innerHTML = "<thead><tr><th>模块</th><th>答对</th><th>建议</th></tr></thead>";
    var body = el("tbody");
    modules.forEach(function (m) {
      var mine = detail.outcomes.filter(function (o) { return quizOf(o.id) === m.id; });
      if (!mine.length) return;
      var right = mine.filter(function (o) { return o.correct; }).length;
      var row = el("tr");
      row.setAttribute("data-module", m.id);
      row.appendChild(el("td", "", m.title));
      row.appendChild(el("td", "", right + " / " + mine.length));
      var advice = el("td");
      if (right < mine.length) {
        var a = el("a", "", "回看本模块");
        a.href = m.url;
        advice.appendChild(a);
      } else {
        advice.textContent = "✔";
      }
      row.appendChild(advice);
      body.appendChild(row);
    });
    table.appendChild(body);
    box.appendChild(table);
    if (!detail.passed) {
      box.appendChild(el("p", "mdx-exam-report__advice", "这次没有通过。回看标出的模块、重做错题本后，再点“重做”换一份新卷。"));
      return;
    }
    // The record kept is the best pass: this one, or an earlier one with a higher score
    openRecord(data.exam.paper === (detail.paper || "") ? "恭喜通过！填上你的姓名，生成一份可以打印的自学完成记录：" :
      "恭喜通过！你之前有一次成绩更高的通过（" + data.exam.score + " 分，" + data.exam.date + "），记录按那一次生成：");
  };

  var renderCertificate = function () {
    var place = recordPlace();
    var old = place.querySelector(".mdx-certificate");
    if (old) old.remove();
    var record = data.exam;
    var name = record.name;
    var code = completionCode(name, record.date, record.score, record.paper);
    var card = el("section", "mdx-certificate");
    card.setAttribute("aria-label", "自学完成记录");
    card.appendChild(el("p", "mdx-certificate__kind", "客诉通 · 自学完成记录"));
    card.appendChild(el("p", "mdx-certificate__name", name));
    card.appendChild(el("p", "mdx-certificate__line", "于 " + record.date + " 完成《客户投诉处理》自学课程结业考试，成绩 " +
      record.score + "%。"));
    if (record.modules.length) card.appendChild(el("p", "mdx-certificate__modules", "学习内容：" + record.modules.join("、")));
    var facts = el("dl", "mdx-certificate__facts");
    [["日期", record.date], ["成绩", record.score + "%"], ["试卷编号", record.paper], ["核验码", code]].forEach(function (pair) {
      facts.appendChild(el("dt", "", pair[0]));
      facts.appendChild(el("dd", "", pair[1]));
    });
    card.appendChild(facts);
    card.appendChild(el("p", "mdx-certificate__note", "本记录由学员在客诉通网站自学生成，不是考试机构或所在单位的认证。" +
      "讲师可在网站“核验自学记录”页面输入以上信息和核验码，核对记录是否被改动。"));
    var print = el("button", "md-button", "打印");
    print.type = "button";
    print.setAttribute("data-learn-action", "print-certificate");
    card.appendChild(print);
    place.appendChild(card);
    return card;
  };

  /* ------------------------------------------------------------------ export / import */

  var exportFile = function () {
    var blob = new Blob([JSON.stringify({ app: "kesutong", kind: "progress", v: VERSION,
      exported: new Date().toISOString(), data: data }, null, 2)], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "客诉通学习记录-" + today() + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  };

  // Returns the data of a valid export file, or a message saying why it is refused.
  var readExport = function (text) {
    var parsed;
    try { parsed = JSON.parse(text); } catch (error) { return { error: "这不是客诉通导出的学习记录文件（无法读取）。" }; }
    if (!isObject(parsed) || parsed.app !== "kesutong" || parsed.kind !== "progress") {
      return { error: "这不是客诉通导出的学习记录文件。" };
    }
    if (parsed.v !== VERSION || !isObject(parsed.data)) {
      return { error: "这个学习记录文件的版本无法识别。" };
    }
    var cleaned = clean(parsed.data);
    var count = function (o) { return Object.keys(o).length; };
    var given = parsed.data;
    var dropped = ["modules", "quizzes", "wrong"].some(function (part) {
      return isObject(given[part]) && count(given[part]) !== count(cleaned[part]);
    });
    if (dropped || !["modules", "quizzes", "wrong"].every(function (p) { return isObject(given[p]); })) {
      return { error: "这个学习记录文件已损坏（内容不完整或被改动过）。" };
    }
    return { data: cleaned };
  };

  /* ------------------------------------------------------------------ pages */

  var el = function (tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  var markNavigation = function () {
    Array.prototype.forEach.call(document.querySelectorAll(".md-nav__link[href]"), function (link) {
      // Resolved, because nav links are relative (../understanding/) and, in the offline variant, end in .html.
      var match = /\/modules\/([a-z0-9-]+)(?:\/|\/index\.html|\.html)$/.exec(link.pathname);
      var done = !!(match && data.modules[match[1]]);
      link.classList.toggle("mdx-nav--done", done);
      var note = link.querySelector(".mdx-nav__done");
      if (done && !note) link.appendChild(el("span", "mdx-nav__done", "（已学完）"));
      if (!done && note) note.remove();
    });
  };

  var renderModuleMark = function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-module-id]"), function (box) {
      var id = box.getAttribute("data-module-id");
      var done = !!data.modules[id];
      box.innerHTML = "";
      box.appendChild(el("span", "mdx-module-done__state", done ? "✔ 本模块已学完" : "学完了吗？"));
      var button = el("button", "md-button" + (done ? "" : " md-button--primary"), done ? "撤销" : "标记为已学完");
      button.type = "button";
      button.setAttribute("data-learn-action", done ? "undone" : "done");
      box.appendChild(button);
    });
  };

  var renderNotices = function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-learn-notices]"), function (box) {
      box.innerHTML = "";
      notices.forEach(function (text) { box.appendChild(el("p", "mdx-learn__notice", text)); });
    });
  };

  // The page carries the panel as a first visit shows it: fill in this browser's records in place, so
  // nothing moves.
  var renderProgress = function () {
    var panel = document.getElementById("mdx-progress");
    if (!panel) return;
    var modules = JSON.parse(panel.getAttribute("data-modules"));
    var doneCount = modules.filter(function (m) { return data.modules[m.id]; }).length;
    var next = modules.filter(function (m) { return !data.modules[m.id]; })[0];
    var wrongCount = Object.keys(data.wrong).length;
    panel.querySelector("[data-learn-part='done']").textContent = "已学完 " + doneCount + " / " + modules.length + " 个模块";
    panel.querySelector(".mdx-progress__bar").value = doneCount;
    var nextLine = panel.querySelector("[data-learn-part='next']");
    nextLine.textContent = "";
    if (next) {
      nextLine.appendChild(document.createTextNode("下一步："));
      var link = el("a", "", "学习 " + next.title);
      link.href = next.url;
      nextLine.appendChild(link);
    } else {
      nextLine.textContent = "全部模块都已学完。";
    }
    if (wrongCount) {
      nextLine.appendChild(document.createTextNode("　错题本里有 " + wrongCount + " 题，"));
      var review = el("a", "", "去重做");
      review.href = panel.getAttribute("data-review-url");
      nextLine.appendChild(review);
    }
    renderStartLink(next, doneCount, panel.getAttribute("data-exam-url"));
    renderExamLine(panel);
    Array.prototype.forEach.call(panel.querySelectorAll("tr[data-module]"), function (row) {
      var id = row.getAttribute("data-module");
      var quiz = data.quizzes[id];
      row.cells[1].textContent = data.modules[id] ? "✔ 已学完" : "—";
      row.cells[2].textContent = quiz ? quiz.best + "%" : "—";
      row.cells[3].textContent = quiz ? String(quiz.attempts) : "0";
    });
  };

  // The home page's 自学 card: "start with module 1" only until a module is done; then it leads on.
  var renderStartLink = function (next, doneCount, examUrl) {
    var label = document.querySelector("[data-learn-part='start']");
    var link = label && label.closest("a");
    if (!link) return;
    if (!link.hasAttribute("data-first-href")) link.setAttribute("data-first-href", link.getAttribute("href"));
    if (!doneCount) {
      label.textContent = "从第 1 模块开始";
      link.setAttribute("href", link.getAttribute("data-first-href"));
    } else if (next) {
      label.textContent = "继续学习：" + next.title;
      link.setAttribute("href", next.url);
    } else {
      label.textContent = data.exam ? "全部学完，结业考试已通过" : "全部学完，去参加结业考试";
      link.setAttribute("href", examUrl);
    }
  };

  // The final exam on the home page: passed (with its record), tried, or not taken yet. The last is the
  // line the page is built with (macros/render_learning.py), so a first visit moves nothing.
  var renderExamLine = function (panel) {
    var line = panel.querySelector("[data-learn-part='exam']");
    if (!line) return;
    var tried = data.quizzes[window.mdxContract().examQuizId];
    line.textContent = "";
    if (data.exam) {
      line.appendChild(document.createTextNode("结业考试：已通过 " + data.exam.score + " 分 " + data.exam.date + " "));
      line.appendChild(showRecordButton());
      return;
    }
    line.textContent = tried ? "结业考试：还没有通过（最好 " + tried.best + " 分）。" : "结业考试：还没有参加。";
    var link = el("a", "", tried ? "再考一次" : "去考试");
    link.href = panel.getAttribute("data-exam-url");
    line.appendChild(link);
  };

  var renderBook = function () {
    var list = document.getElementById("mdx-wrong-book");
    if (!list) return;
    var ids = Object.keys(data.wrong);
    list.innerHTML = "";
    var count = document.querySelector("[data-learn-part='book-count']");
    if (count) count.textContent = ids.length ? "错题本里有 " + ids.length + " 题。" : "错题本是空的：做小测答错的题会自动收进来。";
    ids.forEach(function (id) {
      var w = data.wrong[id];
      var item = el("li", "mdx-wrong");
      item.setAttribute("data-wrong-id", id);
      item.appendChild(el("p", "mdx-wrong__stem", w.stem));
      item.appendChild(el("p", "mdx-wrong__given", "你的答案：" + w.given));
      item.appendChild(el("p", "mdx-wrong__key", w.key));
      item.appendChild(el("p", "mdx-wrong__explanation", w.explanation));
      var foot = el("p", "mdx-wrong__foot", "连续答对 " + w.streak + " / " + LEAVES_BOOK_AFTER + " 次后移出错题本");
      if (safeRef(w.ref)) {
        var a = el("a", "", "回看相关内容");
        a.href = safeRef(w.ref);
        foot.appendChild(document.createTextNode("　"));
        foot.appendChild(a);
      }
      item.appendChild(foot);
      list.appendChild(item);
    });
  };

  var render = function () {
    markNavigation();
    renderModuleMark();
    renderProgress();
    renderBook();
    renderRecordLine();
    renderNotices();
  };

  var status = function (text) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-learn-part='status']"), function (box) {
      box.textContent = text;
    });
  };

  /* ------------------------------------------------------------------ buttons */

  var saveAndRender = function () {
    save();
    render();
  };

  var moduleIdOf = function (button) {
    var module = button.closest("[data-module-id]");
    return module && module.getAttribute("data-module-id");
  };

  var markDone = function (button) {
    var id = moduleIdOf(button);
    if (!id) return;
    data.modules[id] = { done: true, at: today() };
    saveAndRender();
  };

  var markUndone = function (button) {
    var id = moduleIdOf(button);
    if (!id) return;
    delete data.modules[id];
    saveAndRender();
  };

  var makeCertificate = function () {
    var field = document.querySelector("input[name='certificate-name']");
    var name = (field || {}).value || "";
    if (!name.trim()) { field.focus(); return; }
    if (!data.exam) return;
    data.exam.name = name.trim();
    save();
    renderCertificate();
  };

  var showRecord = function () {
    var place = openRecord();
    if (!place) return;
    var target = place.querySelector(".mdx-certificate") || place.querySelector("input[name='certificate-name']");
    place.scrollIntoView({ block: "nearest" });
    if (target.tagName === "INPUT") target.focus();
    else {
      target.tabIndex = -1;
      target.focus();
    }
  };

  // The page prints only the certificate while the print dialog is open.
  var printCertificate = function () {
    document.documentElement.setAttribute("data-mdx-print", "certificate");
    var after = function () {
      document.documentElement.removeAttribute("data-mdx-print");
      window.removeEventListener("afterprint", after);
    };
    window.addEventListener("afterprint", after);
    window.print();
  };

  var verifyCertificate = function () {
    var form = document.getElementById("mdx-verify");
    var field = function (n) { return form.querySelector("[name='" + n + "']").value; };
    // The score as the record prints it (成绩 100%) or as a number: both are the same score
    var score = field("score").replace(/[\s%％分]/g, "");
    var expected = completionCode(field("name"), field("date"), score, field("paper"));
    var given = field("code").toUpperCase().replace(/[^A-Z0-9]/g, "");
    var ok = given === expected.replace("-", "");
    var out = form.querySelector(".mdx-verify__result");
    out.textContent = ok ? "✔ 核验一致：记录上的姓名、日期、成绩和试卷编号与核验码相符。"
      : "✘ 核验不一致：请逐项核对（姓名、日期、成绩、试卷编号要与记录上完全相同）。";
    out.className = "mdx-verify__result " + (ok ? "mdx-verify__result--ok" : "mdx-verify__result--bad");
  };

  // The file input's change event (below) does the importing.
  var chooseImportFile = function () { document.getElementById("mdx-progress-file").click(); };

  // Two presses: the first asks again on the button itself, the second clears.
  var reset = function (button) {
    if (button.getAttribute("data-confirm") !== "yes") {
      button.setAttribute("data-confirm", "yes");
      button.textContent = "确定清除全部学习记录？再点一次";
      return;
    }
    data = empty();
    button.removeAttribute("data-confirm");
    button.textContent = "清除学习记录";
    status("学习记录已清除。");
    saveAndRender();
  };

  // data-learn-action="…" on a button → what a press does (given the button). Other values do nothing.
  var ACTIONS = {
    "done": markDone,
    "undone": markUndone,
    "export": exportFile,
    "certificate": makeCertificate,
    "show-record": showRecord,
    "print-certificate": printCertificate,
    "verify": verifyCertificate,
    "import": chooseImportFile,
    "reset": reset
  };

  // Once per full page load: document outlives instant navigation, so the listener never piles up.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-learn-action]");
    if (!button) return;
    var action = button.getAttribute("data-learn-action");
    if (Object.prototype.hasOwnProperty.call(ACTIONS, action)) ACTIONS[action](button);
  });

  document.addEventListener("change", function (event) {
    if (event.target.id !== "mdx-progress-file" || !event.target.files.length) return;
    var input = event.target;
    var reader = new FileReader();
    reader.onload = function () {
      var result = readExport(String(reader.result));
      if (result.error) {
        status(result.error + "学习记录没有改变。");
      } else {
        data = result.data;
        save();
        render();
        status("已导入学习记录。");
      }
      input.value = "";
    };
    reader.readAsText(input.files[0]);
  });

  window.mdxLearn = {
    completionCode: completionCode,
    // Questions a review quiz asks: the ids in the 错题本, in the bank's "quiz--question" form.
    pool: function (name) { return name === "wrong-book" ? Object.keys(data.wrong) : []; },
    // Modules done, quiz results and the passed exam's record (not the 错题本), as a copy: what scorm.js keeps
    // in the LMS.
    progress: function () {
      return JSON.parse(JSON.stringify({ modules: data.modules, quizzes: data.quizzes, exam: data.exam || null }));
    },
    // The LMS's copy replaces this browser's modules and quiz results (a shared computer must not pass one
    // learner's progress to another's record); the 错题本 stays as it is.
    adopt: function (progress) {
      var given = clean({ v: VERSION, modules: progress && progress.modules, quizzes: progress && progress.quizzes,
        exam: progress && progress.exam });
      data.modules = given.modules;
      data.quizzes = given.quizzes;
      if (given.exam) data.exam = given.exam;
      else delete data.exam;
      saveAndRender();
    }
  };

  if (typeof window.document$ !== "undefined") window.document$.subscribe(render);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", render);
  else render();
})();
