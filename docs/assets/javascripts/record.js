/*
 * 投诉受理记录单 (docs/record.md, HTML from macros/render_record.py): numbers each record by the seeds' rule
 * (年度 2 位 + 月份 2 位 + 流水号), computes the 15 / 30 / 60 日 deadlines, keeps the records in this
 * browser's localStorage only, lists them by urgency, exports and imports CSV, and fills the sheet that
 * prints. Loaded on this page only (overrides/main.html). Dates are calendar dates ("2026-12-07") and all
 * arithmetic is done in UTC, where no day is 23 or 25 hours long, so no time zone or DST can shift one;
 * "today" is the day in Beijing. Without localStorage everything works for the visit.
 */
(function () {
  "use strict";

  // Instant navigation runs this file again each time the page is reached: the first run's document$
  // subscription already mounts every later visit.
  if (window.mdxRecord) {
    window.mdxRecord.mount();
    return;
  }

  var KEY = "kesutong.records.v1";
  var VERSION = 1;
  var DAY = 24 * 3600 * 1000;
  var BEIJING_OFFSET = 8 * 3600 * 1000;  // UTC+8, no daylight saving
  var DUE_SOON_DAYS = 3;                 // 3 日内到期: the deadline is today, tomorrow or the day after
  var MAX_IMPORT_BYTES = 1024 * 1024;
  var MAX_IMPORT_ROWS = 5000;
  var MAX_TEXT = 2000;
  var ERRORS_SHOWN = 5;
  // A run of 15 or more digits (spaces or hyphens between them allowed) looks like an ID or card number,
  // which this page never keeps; phone numbers are shorter.
  var LONG_NUMBER = /\d(?:[\s-]?\d){14,}/;
  var FORMULA_START = /^[=+\-@\t\r]/;
  var WEEKDAYS = "日一二三四五六";

  // Every field of a record, in form, CSV and sheet order; the CSV header is the labels.
  var FIELDS = [
    ["number", "编号"], ["received", "受理日期"], ["time", "受理时间"], ["channel", "受理渠道"],
    ["handler", "受理人"], ["name", "投诉人"], ["contact", "联系方式"], ["contactTime", "方便联系的时间"],
    ["subject", "投诉对象"], ["facts", "主要事实"], ["request", "投诉请求"], ["complexity", "复杂程度"],
    ["extReason", "延长的原因"], ["approver", "审批人"], ["approvedOn", "审批日期"],
    ["toldOn", "告知客户延长的日期"], ["status", "状态"], ["closedOn", "办结日期"], ["result", "处理结果"]
  ];
  var DEADLINE_LABEL = "到期日";  // exported for Excel users, recomputed on import
  var LABEL = {};
  FIELDS.forEach(function (f) { LABEL[f[0]] = f[1]; });
  var REQUIRED = ["received", "time", "channel", "handler", "name", "contact", "subject", "facts", "request",
    "complexity", "status"];
  var DATES = ["received", "approvedOn", "toldOn", "closedOn"];

  /* ------------------------------------------------------------------ dates */

  var pad = function (n, width) { n = String(n); while (n.length < width) n = "0" + n; return n; };

  // "2026-12-07" (and Excel's "2026/12/7") → "2026-12-07"; anything that is not a real day → "".
  var parseDate = function (text) {
    var m = /^(\d{4})[-\/](\d{1,2})[-\/](\d{1,2})$/.exec(String(text || "").trim());
    if (!m) return "";
    var y = +m[1], mo = +m[2], d = +m[3];
    var t = new Date(Date.UTC(y, mo - 1, d));
    if (y < 2000 || t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return "";
    return y + "-" + pad(mo, 2) + "-" + pad(d, 2);
  };
  var toUTC = function (iso) { var p = iso.split("-"); return Date.UTC(+p[0], +p[1] - 1, +p[2]); };
  var fromUTC = function (ms) {
    var t = new Date(ms);
    return t.getUTCFullYear() + "-" + pad(t.getUTCMonth() + 1, 2) + "-" + pad(t.getUTCDate(), 2);
  };
  var addDays = function (iso, days) { return fromUTC(toUTC(iso) + days * DAY); };
  var daysBetween = function (from, to) { return Math.round((toUTC(to) - toUTC(from)) / DAY); };
  var weekday = function (iso) { return "周" + WEEKDAYS.charAt(new Date(toUTC(iso)).getUTCDay()); };
  var beijingNow = function () { return new Date(Date.now() + BEIJING_OFFSET).toISOString(); };
  var today = function () { return beijingNow().slice(0, 10); };
  var nowTime = function () { return beijingNow().slice(11, 16); };

  // The received day counts as 第 1 日, so the 15th day is 14 days after it (docs/record.md says why).
  var lastDay = function (received, limit) { return addDays(received, limit - 1); };

  /* ------------------------------------------------------------------ the page's vocabulary */

  // Channels, statuses and the limit of each complexity come from the rendered form (macros/render_record.py),
  // so that Python and this file never hold two lists.
  var vocabulary = function (root) {
    var options = function (name) {
      return [].map.call(root.querySelectorAll('select[name="' + name + '"] option'), function (o) { return o.value; })
        .filter(Boolean);
    };
    var limits = {};
    [].forEach.call(root.querySelectorAll('input[name="complexity"]'), function (r) {
      limits[r.value] = +r.getAttribute("data-record-limit");
    });
    return { channels: options("channel"), statuses: options("status"), limits: limits };
  };

  /* ------------------------------------------------------------------ storage */

  var openStorage = function () {
    try {
      var probe = "__kesutong_probe__";
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null;
    }
  };

  var isObject = function (v) { return v !== null && typeof v === "object" && !Array.isArray(v); };
  var empty = function () { return { v: VERSION, records: {}, issued: {}, handler: "" }; };

  // Read the saved records; anything damaged is kept aside under KEY + ".damaged" and the page starts clean.
  var load = function (store, notices) {
    if (!store) {
      notices.push("这个浏览器不能保存记录（例如无痕窗口，或存储被管理员关闭）：本次可以照常填写、打印和导出 CSV，" +
        "关闭页面后记录不会保留，请在关闭前导出。");
      return empty();
    }
    var raw = store.getItem(KEY);
    if (raw === null) return empty();
    try {
      var parsed = JSON.parse(raw);
      if (!isObject(parsed) || parsed.v !== VERSION || !isObject(parsed.records) || !isObject(parsed.issued)) {
        throw new Error("unknown shape");
      }
      var data = empty();
      data.handler = typeof parsed.handler === "string" ? parsed.handler : "";
      Object.keys(parsed.issued).forEach(function (month) {
        if (/^\d{4}$/.test(month) && typeof parsed.issued[month] === "number") data.issued[month] = parsed.issued[month];
      });
      var dropped = 0;
      Object.keys(parsed.records).forEach(function (number) {
        var r = parsed.records[number];
        if (isObject(r) && r.number === number && /^\d{4}-\d{3,}$/.test(number) && parseDate(r.received)) {
          data.records[number] = plain(r);
        } else {
          dropped += 1;
        }
      });
      if (dropped) notices.push("有 " + dropped + " 条保存的记录已损坏，没有显示。");
      return data;
    } catch (error) {
      try {
        store.setItem(KEY + ".damaged", raw);
        store.setItem(KEY, JSON.stringify(empty()));
      } catch (e) { /* no room: let it go */ }
      notices.push("保存的受理记录已损坏，无法读取：原内容已另存为备份（" + KEY + ".damaged），本页从空白开始。");
      return empty();
    }
  };

  // Only the known fields, each a string: an edited store or an imported file cannot smuggle in anything else.
  function plain(source) {
    var out = {};
    FIELDS.forEach(function (f) {
      var v = source[f[0]];
      out[f[0]] = typeof v === "string" ? v : (v === undefined || v === null ? "" : String(v));
    });
    return out;
  }

  /* ------------------------------------------------------------------ rules */

  var serialOf = function (number) { return parseInt(number.split("-")[1], 10); };

  // 年度(2) + 月份(2) of the received day, then a serial that restarts each month and is never given twice:
  // `issued` remembers the highest serial handed out per month, so a deletion frees nothing.
  var nextNumber = function (data, received) {
    var month = received.slice(2, 4) + received.slice(5, 7);
    var highest = data.issued[month] || 0;
    Object.keys(data.records).forEach(function (n) {
      if (n.slice(0, 4) === month) highest = Math.max(highest, serialOf(n));
    });
    data.issued[month] = highest + 1;
    return month + "-" + pad(highest + 1, 3);
  };

  var noteIssued = function (data, number) {
    var month = number.slice(0, 4);
    data.issued[month] = Math.max(data.issued[month] || 0, serialOf(number));
  };

  var deadlineOf = function (record, limits) {
    var limit = limits[record.complexity];
    return parseDate(record.received) && limit ? lastDay(record.received, limit) : "";
  };

  // { key, label, rank } of a record on `day`; rank orders the list (most urgent first).
  var stateOf = function (record, limits, day) {
    if (record.status === "已办结") return { key: "closed", label: "已办结", rank: 3 };
    var deadline = deadlineOf(record, limits);
    if (!deadline) return { key: "normal", label: "正常", rank: 2 };
    var left = daysBetween(day, deadline);
    if (left < 0) return { key: "overdue", label: "已超期", rank: 0 };
    if (left < DUE_SOON_DAYS) return { key: "soon", label: "3 日内到期", rank: 1 };
    return { key: "normal", label: "正常", rank: 2 };
  };

  // Problems of one record: [{ field, message }]. The form and the import apply the same rules.
  var check = function (record, vocab, day) {
    var problems = [];
    var add = function (field, message) { problems.push({ field: field, message: message }); };
    REQUIRED.forEach(function (f) { if (!record[f].trim()) add(f, "请填写" + LABEL[f] + "。"); });
    FIELDS.forEach(function (f) {
      var v = record[f[0]];
      if (v.length > MAX_TEXT) add(f[0], LABEL[f[0]] + "太长了（最多 " + MAX_TEXT + " 字）。");
      else if (LONG_NUMBER.test(v)) {
        add(f[0], LABEL[f[0]] + "里有一长串数字，像证件号或卡号：本页不记录这些，卡号、账号只写尾号后四位" +
          "（两个电话号码之间用“、”隔开）。");
      }
    });
    DATES.forEach(function (f) {
      if (record[f].trim() && !parseDate(record[f])) add(f, LABEL[f] + "“" + record[f] + "”不是有效的日期（应为 2026-12-07 这样的格式）。");
    });
    var received = parseDate(record.received);
    if (received && received > day) add("received", "受理日期不能晚于今天（北京时间 " + day + "）。");
    if (record.time.trim() && !/^([01]\d|2[0-3]):[0-5]\d$/.test(record.time.trim())) {
      add("time", "受理时间应为 09:30 这样的格式。");
    }
    if (record.channel && vocab.channels.indexOf(record.channel) < 0) add("channel", "受理渠道“" + record.channel + "”不在选项里。");
    if (record.status && vocab.statuses.indexOf(record.status) < 0) add("status", "状态“" + record.status + "”不在选项里。");
    if (record.complexity && !vocab.limits[record.complexity]) add("complexity", "复杂程度“" + record.complexity + "”不在选项里。");
    if (record.complexity === "特别复杂") {
      if (!record.approver.trim()) add("approver", "特别复杂的投诉再延长，要写明审批人（上级机构或者总行、总公司高级管理人员）。");
      if (!record.approvedOn.trim()) add("approvedOn", "请填写审批日期。");
      if (!record.toldOn.trim()) add("toldOn", "再延长要告知客户：请填写告知客户的日期。");
    }
    ["approvedOn", "toldOn", "closedOn"].forEach(function (f) {
      var d = parseDate(record[f]);
      if (d && received && d < received) add(f, LABEL[f] + "不能早于受理日期。");
      if (d && d > day) add(f, LABEL[f] + "不能晚于今天（北京时间 " + day + "）。");
    });
    if (record.status === "已办结" && !record.closedOn.trim()) add("closedOn", "已办结的记录要填写办结日期。");
    if (record.status !== "已办结" && record.closedOn.trim()) add("closedOn", "还在处理中：办结日期等办结时再填，或把状态改为已办结。");
    return problems;
  };

  /* ------------------------------------------------------------------ CSV */

  // A cell Excel would run as a formula (= + - @, tab, CR) gets an apostrophe; import takes it off again.
  var guardCell = function (v) { return FORMULA_START.test(v) ? "'" + v : v; };
  var unguardCell = function (v) { return v.charAt(0) === "'" && FORMULA_START.test(v.slice(1)) ? v.slice(1) : v; };
  var quote = function (v) { return '"' + String(v).replace(/"/g, '""') + '"'; };
  var header = function () { return FIELDS.map(function (f) { return f[1]; }).concat([DEADLINE_LABEL]); };

  var toCSV = function (records, limits) {
    var lines = [header().map(quote).join(",")];
    records.forEach(function (r) {
      var cells = FIELDS.map(function (f) { return r[f[0]]; }).concat([deadlineOf(r, limits)]);
      lines.push(cells.map(function (v) { return quote(guardCell(v)); }).join(","));
    });
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  };

  // RFC 4180 rows; null when a quote is never closed.
  var parseCSV = function (text) {
    var rows = [], row = [], cell = "", quoted = false, i = 0;
    for (; i < text.length; i++) {
      var c = text.charAt(i);
      if (quoted) {
        if (c === '"' && text.charAt(i + 1) === '"') { cell += '"'; i++; }
        else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ",") { row.push(cell); cell = ""; }
      else if (c === "\n" || c === "\r") {
        if (c === "\r" && text.charAt(i + 1) === "\n") i++;
        row.push(cell); rows.push(row); row = []; cell = "";
      } else cell += c;
    }
    if (quoted) return null;
    if (cell !== "" || row.length) { row.push(cell); rows.push(row); }
    return rows.filter(function (r) { return !(r.length === 1 && r[0] === ""); });
  };

  var sameRecord = function (a, b) {
    return FIELDS.every(function (f) { return a[f[0]] === b[f[0]]; });
  };

  // { records, skipped } to add, or { errors } and nothing is to change.
  var readImport = function (text, data, vocab, day) {
    if (text.indexOf("\ufffd") >= 0) return { errors: ["文件不是 UTF-8 编码：请用本页导出的文件，或在 Excel 里另存为“CSV UTF-8”。"] };
    var rows = parseCSV(text.replace(/^\ufeff/, ""));
    if (!rows) return { errors: ["文件里有一个引号没有闭合，不是完整的 CSV。"] };
    var expected = header();
    if (!rows.length || rows[0].join(",") !== expected.join(",")) {
      return { errors: ["第 1 行的表头和本页导出的不一样，应为：" + expected.join(",")] };
    }
    if (rows.length < 2) return { errors: ["文件里没有记录。"] };
    if (rows.length - 1 > MAX_IMPORT_ROWS) return { errors: ["记录太多（" + (rows.length - 1) + " 条），一次最多导入 " + MAX_IMPORT_ROWS + " 条。"] };
    var errors = [], records = [], skipped = 0, seen = {};
    rows.slice(1).forEach(function (cells, index) {
      var line = "第 " + (index + 2) + " 行";
      if (cells.length !== expected.length) {
        errors.push(line + "：应有 " + expected.length + " 栏，实有 " + cells.length + " 栏。");
        return;
      }
      var record = {};
      FIELDS.forEach(function (f, i) { record[f[0]] = unguardCell(cells[i]).trim(); });
      DATES.forEach(function (f) { if (parseDate(record[f])) record[f] = parseDate(record[f]); });
      if (/^\d:/.test(record.time)) record.time = "0" + record.time;  // Excel writes 9:30
      if (!/^\d{4}-\d{3,}$/.test(record.number)) {
        errors.push(line + "：编号“" + record.number + "”不是“年月-流水号”（如 2612-001）的格式。");
        return;
      }
      if (seen[record.number]) {
        errors.push(line + "：编号 " + record.number + " 和第 " + seen[record.number] + " 行重复。");
        return;
      }
      seen[record.number] = index + 2;
      check(record, vocab, day).forEach(function (p) { errors.push(line + "（" + record.number + "）：" + p.message); });
      var mine = data.records[record.number];
      if (mine && sameRecord(mine, record)) skipped += 1;
      else if (mine) errors.push(line + "：编号 " + record.number + " 本机已有，内容不同。请先核对，删除其中一份后再导入。");
      else records.push(record);
    });
    return errors.length ? { errors: errors } : { records: records, skipped: skipped };
  };

  /* ------------------------------------------------------------------ drawing */

  var escapeHTML = function (text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  };
  var shownDate = function (iso) { return iso ? iso + "（" + weekday(iso) + "）" : ""; };

  var byUrgency = function (records, limits, day) {
    return records.map(function (r) { return { record: r, state: stateOf(r, limits, day), deadline: deadlineOf(r, limits) }; })
      .sort(function (a, b) {
        if (a.state.rank !== b.state.rank) return a.state.rank - b.state.rank;
        if (a.state.key === "closed") {
          return a.record.closedOn < b.record.closedOn ? 1 : a.record.closedOn > b.record.closedOn ? -1 : 0;
        }
        if (a.deadline !== b.deadline) return a.deadline < b.deadline ? -1 : 1;
        return a.record.number < b.record.number ? -1 : 1;
      });
  };

  /* ------------------------------------------------------------------ the page */

  var mount = function () {
    var root = document.getElementById("complaint-record");
    if (!root || root.getAttribute("data-mdx-mounted")) return;
    root.setAttribute("data-mdx-mounted", "true");

    var part = function (name) { return root.querySelector('[data-record-part="' + name + '"]'); };
    var form = part("form");
    var vocab = vocabulary(root);
    var notices = [];
    var store = openStorage();
    var data = load(store, notices);
    var current = "";  // number of the record in the form; "" for a new one

    var say = function (where, text) { part(where).textContent = text; };

    // What another tab of this page may have saved meanwhile: every change starts from it, so that two
    // open tabs neither lose each other's records nor give one number twice.
    var fresh = function () {
      if (!store) return data;
      var quiet = [];
      var latest = load(store, quiet);
      return quiet.length ? data : latest;
    };
    var showNotices = function () { say("notice", notices.join(" ")); };

    var save = function () {
      if (!store) return true;
      try {
        store.setItem(KEY, JSON.stringify(data));
        return true;
      } catch (error) {
        notices.push("记录没能保存到浏览器（存储已满或被禁用）：请先导出 CSV。");
        showNotices();
        return false;
      }
    };

    var control = function (name) { return form.elements[name]; };
    var read = function () {
      var record = {};
      FIELDS.forEach(function (f) {
        if (f[0] === "number") record.number = current;
        else if (f[0] === "complexity") {
          var checked = form.querySelector('input[name="complexity"]:checked');
          record.complexity = checked ? checked.value : "";
        } else record[f[0]] = control(f[0]).value.trim();
      });
      return record;
    };
    var write = function (record) {
      FIELDS.forEach(function (f) {
        if (f[0] === "number") return;
        if (f[0] === "complexity") {
          [].forEach.call(form.querySelectorAll('input[name="complexity"]'), function (r) { r.checked = r.value === record.complexity; });
        } else control(f[0]).value = record[f[0]] || "";
      });
    };

    var clearErrors = function () {
      [].forEach.call(form.querySelectorAll("[aria-invalid]"), function (el) { el.removeAttribute("aria-invalid"); });
      [].forEach.call(form.querySelectorAll("[data-record-error]"), function (el) { el.textContent = ""; });
      say("errors", "");
    };

    var showErrors = function (problems) {
      clearErrors();
      var first = null;
      problems.forEach(function (p) {
        var box = form.querySelector('[data-record-error="' + p.field + '"]');
        if (box && !box.textContent) box.textContent = p.message;
        var el = p.field === "complexity" ? form.querySelector('input[name="complexity"]:checked') || form.querySelector('input[name="complexity"]')
          : control(p.field);
        if (el) {
          el.setAttribute("aria-invalid", "true");
          if (!first) first = el;
        }
      });
      say("errors", "有 " + problems.length + " 处需要修改：" + problems.map(function (p) { return p.message; }).join(" "));
      if (first) first.focus();
    };

    // The extension fields show for a complex case, and the deadlines follow the received day.
    var refresh = function () {
      var record = read();
      part("extension").hidden = record.complexity === "一般";
      var received = parseDate(record.received);
      var box = part("deadlines");
      if (!received) {
        box.textContent = "填写受理日期后，这里显示到期日。";
      } else {
        var rows = Object.keys(vocab.limits).map(function (name) {
          var limit = vocab.limits[name];
          var mine = name === record.complexity;
          return "<li" + (mine ? ' class="mdx-intake__mine"' : "") + ">" + escapeHTML(name) + "：第 " + limit + " 日是 <strong>" +
            escapeHTML(shownDate(lastDay(received, limit))) + "</strong>" + (mine ? "（本件的到期日）" : "") + "</li>";
        });
        box.innerHTML = "<p>受理日期 " + escapeHTML(shownDate(received)) + " 算作第 1 日（按日历日，周末和节假日照算）：</p><ul>" +
          rows.join("") + "</ul>";
      }
      drawSheet(record);
    };

    // The sheet that prints (record.css shows it alone): short fields two to a row, long ones a row each.
    var drawSheet = function (record) {
      var deadline = deadlineOf(record, vocab.limits);
      var cell = function (label, value, wide) {
        return "<th>" + escapeHTML(label) + "</th><td" + (wide ? ' colspan="3"' : "") + ">" + escapeHTML(value || "") + "</td>";
      };
      var pair = function (a, b) { return "<tr>" + cell(a[0], a[1]) + cell(b[0], b[1]) + "</tr>"; };
      var wide = function (label, value) { return "<tr>" + cell(label, value, true) + "</tr>"; };
      var rows = [
        pair(["受理时间", [record.received, record.time].join(" ").trim()], ["受理渠道", record.channel]),
        pair(["受理人", record.handler], ["投诉人", record.name]),
        pair(["联系方式", record.contact], ["方便联系的时间", record.contactTime]),
        wide("投诉对象", record.subject), wide("主要事实", record.facts), wide("投诉请求", record.request),
        pair(["复杂程度", record.complexity], ["到期日", deadline ? shownDate(deadline) : ""])
      ];
      if (record.complexity !== "一般") {
        rows.push(wide("延长的原因", record.extReason), pair(["审批人", record.approver], ["审批日期", record.approvedOn]),
          pair(["告知客户延长的日期", record.toldOn], ["", ""]));
      }
      rows.push(pair(["状态", record.status], ["办结日期", record.closedOn]), wide("处理结果", record.result));
      part("sheet").innerHTML = "<h2>投诉受理记录单</h2><p class=\"mdx-intake__sheet-number\">编号：" +
        escapeHTML(record.number || "（未保存）") + "</p><table class=\"mdx-intake__sheet-table\">" + rows.join("") + "</table>" +
        "<p class=\"mdx-intake__sheet-note\">时限按日历日计算，受理当日为第 1 日；以本单位制度为准。</p>" +
        "<p class=\"mdx-intake__sign\">受理人签字：<span></span>主管签字：<span></span>日期：<span></span></p>";
    };

    var drawList = function () {
      var day = today();
      var all = Object.keys(data.records).map(function (n) { return data.records[n]; });
      var box = part("list");
      if (!all.length) {
        box.innerHTML = "<p>还没有记录。</p>";
        return;
      }
      // Each cell names its column too (data-label): on a phone the rows stack and show the names (record.css).
      var td = function (label, html) { return '<td data-label="' + label + '">' + html + "</td>"; };
      var rows = byUrgency(all, vocab.limits, day).map(function (item) {
        var r = item.record;
        return '<tr data-record-number="' + escapeHTML(r.number) + '" data-record-state="' + item.state.key + '">' +
          td("编号", escapeHTML(r.number)) + td("投诉人", escapeHTML(r.name)) + td("投诉对象", escapeHTML(r.subject)) +
          td("受理日期", escapeHTML(r.received)) + td("到期日", escapeHTML(item.deadline)) +
          td("状态", '<span class="mdx-intake__state mdx-intake__state--' + item.state.key + '">' + escapeHTML(item.state.label) + "</span>") +
          '<td><button type="button" class="mdx-intake__open" data-record-open="' + escapeHTML(r.number) + '">打开 ' +
          escapeHTML(r.number) + "</button></td></tr>";
      });
      // A class of its own keeps Material from wrapping the table in a scrolling box of its own.
      box.innerHTML = '<table class="mdx-intake__list-table"><caption class="mdx-visually-hidden">本机保存的记录，最急的在前</caption><thead><tr>' +
        "<th scope=\"col\">编号</th><th scope=\"col\">投诉人</th><th scope=\"col\">投诉对象</th><th scope=\"col\">受理日期</th>" +
        "<th scope=\"col\">到期日</th><th scope=\"col\">状态</th><th scope=\"col\"><span class=\"mdx-visually-hidden\">操作</span></th>" +
        "</tr></thead><tbody>" + rows.join("") + "</tbody></table>";
    };

    var showCurrent = function () {
      say("number", current ? "编号 " + current : "新记录（保存时编号）");
      form.querySelector('[data-record-action="delete"]').hidden = !current;
    };

    var startNew = function () {
      current = "";
      form.reset();
      write({ received: today(), time: nowTime(), handler: data.handler, complexity: "一般", status: "处理中" });
      clearErrors();
      showCurrent();
      refresh();
    };

    var open = function (number) {
      var record = data.records[number];
      if (!record) return;
      current = number;
      write(record);
      clearErrors();
      showCurrent();
      refresh();
      control("received").focus();
    };

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var record = read();
      var problems = check(record, vocab, today());
      if (problems.length) {
        showErrors(problems);
        return;
      }
      clearErrors();
      data = fresh();
      var isNew = !current;
      if (isNew) record.number = current = nextNumber(data, record.received);
      data.records[current] = record;
      data.handler = record.handler;
      var kept = save();
      showCurrent();
      refresh();
      drawList();
      say("errors", "");
      notices = notices.filter(function (n) { return n.indexOf("记录没能保存") < 0; });
      say("notice", (isNew ? "已保存，编号 " : "已更新 ") + current + (kept ? "。" : "（只在本次打开的页面里）。") +
        (store ? "" : " " + notices.join(" ")));
    });

    form.addEventListener("input", refresh);
    form.addEventListener("change", refresh);

    form.addEventListener("click", function (event) {
      var action = event.target.closest && event.target.closest("[data-record-action]");
      if (!action) return;
      var name = action.getAttribute("data-record-action");
      if (name === "new") {
        startNew();
        control("received").focus();
      } else if (name === "print") {
        drawSheet(read());
        window.print();
      } else if (name === "delete" && current) {
        if (!window.confirm("删除记录 " + current + "？删除后这个编号不会再用。")) return;
        var gone = current;
        data = fresh();
        delete data.records[gone];
        save();
        startNew();
        drawList();
        say("notice", "已删除 " + gone + "。");
        control("received").focus();
      }
    });

    root.querySelector(".mdx-intake__list").addEventListener("click", function (event) {
      var target = event.target.closest && event.target.closest("[data-record-open], [data-record-action]");
      if (!target) return;
      if (target.hasAttribute("data-record-open")) open(target.getAttribute("data-record-open"));
      else if (target.getAttribute("data-record-action") === "export") exportCSV();
    });

    var exportCSV = function () {
      var all = Object.keys(data.records).sort().map(function (n) { return data.records[n]; });
      if (!all.length) {
        say("io", "还没有记录可以导出。");
        return;
      }
      var blob = new Blob([toCSV(all, vocab.limits)], { type: "text/csv;charset=utf-8" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "受理记录-" + today().replace(/-/g, "") + ".csv";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 0);
      say("io", "已导出 " + all.length + " 条记录。");
    };

    var importInput = part("import");
    importInput.addEventListener("change", function () {
      var file = importInput.files && importInput.files[0];
      if (!file) return;
      var refuse = function (messages) {
        var more = messages.length > ERRORS_SHOWN ? "（另有 " + (messages.length - ERRORS_SHOWN) + " 处）" : "";
        say("io", "没有导入，本机的记录没有任何改动。" + messages.slice(0, ERRORS_SHOWN).join(" ") + more);
        importInput.value = "";
      };
      if (file.size > MAX_IMPORT_BYTES) {
        refuse(["文件太大（" + Math.ceil(file.size / 1024) + " KB），最多 " + (MAX_IMPORT_BYTES / 1024) + " KB。"]);
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        data = fresh();
        var found = readImport(String(reader.result), data, vocab, today());
        if (found.errors) {
          refuse(found.errors);
          return;
        }
        found.records.forEach(function (r) {
          data.records[r.number] = r;
          noteIssued(data, r.number);
        });
        save();
        drawList();
        importInput.value = "";
        say("io", "已导入 " + found.records.length + " 条记录" +
          (found.skipped ? "，跳过 " + found.skipped + " 条本机已有的相同记录" : "") + "。");
      };
      reader.onerror = function () { refuse(["文件读不出来。"]); };
      reader.readAsText(file, "utf-8");
    });

    // Another tab saved: show its records here too. Let go once instant navigation has left the page.
    var onStorage = function (event) {
      if (!document.body.contains(root)) {
        window.removeEventListener("storage", onStorage);
        return;
      }
      if (event.key === KEY) {
        data = fresh();
        drawList();
      }
    };
    window.addEventListener("storage", onStorage);

    showNotices();
    startNew();
    drawList();
  };

  window.mdxRecord = {
    mount: mount,
    // The rules on their own, for the tests: no DOM, no storage.
    rules: { parseDate: parseDate, addDays: addDays, lastDay: lastDay, today: today, toCSV: toCSV, parseCSV: parseCSV }
  };

  // Before Material's bundle has run (this file is deferred and comes first) there is no document$ yet:
  // wait for the document, then follow every page Material shows.
  var follow = function () {
    if (typeof window.document$ !== "undefined") window.document$.subscribe(mount);
    else mount();
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", follow);
  else follow();
})();
