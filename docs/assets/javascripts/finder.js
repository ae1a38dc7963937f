/*
 * 通话速查: the phrase finder an agent uses during a live call or chat (HTML from
 * macros/render_finder.py, data from macros/finder_index.py). This file draws and handles the page:
 * results, filters, keyboard, copying, placeholders, favourites. Searching is finder-engine.js's, which
 * is fetched with the data when the finder's page is opened; the K shortcut is finder-shortcut.js's.
 * Storage is best effort: without localStorage / sessionStorage everything still works for the visit.
 */
(function () {
  "use strict";

  var RECENT_LIMIT = 8;
  var STORE_KEY = "kesutong.finder.v1";        // favourites and recents (localStorage)
  var SLOT_KEY = "kesutong.finder.slots.v1";   // placeholder values of the current call (sessionStorage)
  var CHANNEL_KEY = "kesutong.finder.channel.v1";  // the agent's channel, set once (localStorage)
  var MISSED_KEY = "kesutong.finder.missed.v1";    // searches that found nothing or only near matches
  var MISSED_LIMIT = 200;
  // A search counts once the agent has stopped typing this long: not every keystroke of a word.
  var MISSED_SETTLE_MS = 2000;
  var KEEP_ACROSS_CALLS = ["工号"];            // the agent's own number survives 新通话
  // finder-engine.js sits beside this file and is minified alike (mkdocs.yml lists both under minify):
  // finder.js → finder-engine.js, finder.min.js → finder-engine.min.js.
  var ENGINE_SRC = ((document.currentScript && document.currentScript.src) || "")
    .replace(/finder((?:\.min)?\.js)(?=$|[?#])/, "finder-engine$1");

  /* ------------------------------------------------------------------ storage */

  var storage = function (kind) {
    try {
      var store = window[kind];
      var probe = "__kesutong_probe__";
      store.setItem(probe, probe);
      store.removeItem(probe);
      return store;
    } catch (error) {
      return null;
    }
  };

  var readJSON = function (store, key, fallback, valid) {
    if (!store) return fallback;
    try {
      var value = JSON.parse(store.getItem(key));
      return value !== null && valid(value) ? value : fallback;
    } catch (error) {
      return fallback;  // corrupt data: start clean rather than break the page
    }
  };

  var writeJSON = function (store, key, value) {
    if (!store) return;
    try { store.setItem(key, JSON.stringify(value)); } catch (error) { /* full or blocked: keep in memory */ }
  };

  /* ------------------------------------------------------------------ text */

  var escapeHTML = function (text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  };

  // A phrase as HTML: the engine's highlight ranges in <mark>, each placeholder as this call's value or {name}.
  var markedHTML = function (text, ranges, slots) {
    var chars = Array.from(text);
    var marked = chars.map(function () { return false; });
    ranges.forEach(function (r) { for (var i = r[0]; i < r[1] && i < chars.length; i++) marked[i] = true; });
    var html = "";
    var open = false;
    var i = 0;
    while (i < chars.length) {
      if (chars[i] === "{") {
        var close = chars.indexOf("}", i);
        if (close > i) {
          var name = chars.slice(i + 1, close).join("");
          var value = slots && slots[name];
          if (open) { html += "</mark>"; open = false; }
          html += value
            ? '<span class="mdx-finder__slot mdx-finder__slot--filled">' + escapeHTML(value) + "</span>"
            : '<span class="mdx-finder__slot">{' + escapeHTML(name) + "}</span>";
          i = close + 1;
          continue;
        }
      }
      if (marked[i] && !open) { html += "<mark>"; open = true; }
      if (!marked[i] && open) { html += "</mark>"; open = false; }
      html += escapeHTML(chars[i]);
      i++;
    }
    if (open) html += "</mark>";
    return html;
  };

  /* ------------------------------------------------------------------ clipboard */

  // The Clipboard API exists only on https and localhost; an intranet over plain http needs the fallback.
  var copyText = function (text) {
    var viaSelection = function () {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.top = "-1000px";
      var focused = document.activeElement;
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
      document.body.removeChild(area);
      if (focused && focused.focus) focused.focus({ preventScroll: true });
      return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
    };
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(viaSelection);
    }
    return viaSelection();
  };

  /* ------------------------------------------------------------------ the finder */

  function Finder(root, data) {
    this.root = root;
    var engine = window.mdxFinderEngine;
    this.index = new engine.Index(data);
    if (window.__kesutongFinderExtra) this.index.extend(window.__kesutongFinderExtra);
    this.limit = engine.RESULT_LIMIT;
    this.data = data;
    this.disposers = [];
    this.local = storage("localStorage");
    this.session = storage("sessionStorage");
    this.readStored();
    this.filters = { stage: [], scenario: [], type: [], channel: [] };
    this.hits = [];
    this.selected = -1;
    this.input = root.querySelector("#phrase-finder-input");
    this.results = root.querySelector("#phrase-finder-results");
    this.part = function (name) { return root.querySelector('[data-finder-part="' + name + '"]'); };
    this.missed = readJSON(this.local, MISSED_KEY, [], function (v) {
      return Array.isArray(v) && v.every(function (m) { return m && typeof m.q === "string" && typeof m.n === "number"; });
    });
    this.channelBox = root.querySelector("#phrase-finder-channel");
    if (this.channelBox) this.channelBox.value = this.channel;
    this.bind();
    this.update();
    this.renderCheck();
    this.renderMissed();
    if (!this.local) this.status("本浏览器不允许保存数据：收藏和最近使用只在本次打开期间有效。", "info");
  }

  Finder.prototype.known = function (id) { return Object.prototype.hasOwnProperty.call(this.index.byId, id); };

  // Favourites, recents, channel and this call's placeholder values, as stored.
  Finder.prototype.readStored = function () {
    var isIdList = function (v) { return Array.isArray(v) && v.every(function (x) { return typeof x === "string"; }); };
    var isObject = function (v) { return typeof v === "object" && !Array.isArray(v); };
    var mine = readJSON(this.local, STORE_KEY, {}, isObject);
    this.favourites = isIdList(mine.favourites) ? mine.favourites.filter(this.known, this) : [];
    this.recents = isIdList(mine.recents) ? mine.recents.filter(this.known, this) : [];
    this.slots = readJSON(this.session, SLOT_KEY, {}, isObject);
    var channels = this.data.channels;
    this.channel = readJSON(this.local, CHANNEL_KEY, "", function (v) { return channels.indexOf(v) >= 0; });
  };

  // The 小窗 (mini-window.js) and the page share what is stored: when the other one changed it (a storage
  // event, the mini window's message, or simply coming back to this window), draw again, if anything differs.
  Finder.prototype.reload = function () {
    var stored = function (f) { return JSON.stringify([f.favourites, f.recents, f.channel, f.slots]); };
    var before = stored(this);
    this.readStored();
    if (stored(this) === before) return;
    if (this.channelBox) this.channelBox.value = this.channel;
    var selected = this.selected;
    this.update();
    if (selected > 0) this.select(selected);
  };

  Finder.prototype.saveMine = function () {
    writeJSON(this.local, STORE_KEY, { favourites: this.favourites, recents: this.recents });
  };

  Finder.prototype.status = function (message, kind) {
    var el = this.part("status");
    el.textContent = message;
    el.className = "mdx-finder__status" + (kind ? " mdx-finder__status--" + kind : "");
  };

  Finder.prototype.facets = function () {
    if (this.facetList) return this.facetList;
    var d = this.data;
    this.facetList = [
      { key: "stage", label: "阶段", names: d.stages, of: function (p) { return [p.stage]; } },
      { key: "scenario", label: "场景", names: d.scenarios, of: function (p) { return p.scenarios; } },
      { key: "type", label: "客户类型", names: d.types, of: function (p) { return p.types; } },
      { key: "channel", label: "渠道", names: d.channels, of: function (p) { return p.channels; } }
    ];
    return this.facetList;
  };

  Finder.prototype.passes = function (p, except) {
    var facets = this.facets();
    for (var f = 0; f < facets.length; f++) {
      var chosen = this.filters[facets[f].key];
      if (!chosen.length || facets[f].key === except) continue;
      var values = facets[f].of(p);
      var any = false;
      for (var c = 0; c < chosen.length && !any; c++) any = values.indexOf(chosen[c]) >= 0;
      if (!any) return false;
    }
    return true;
  };

  Finder.prototype.update = function () {
    var query = this.input.value;
    var filtering = this.facets().some(function (f) { return this.filters[f.key].length; }, this);
    var found = query.trim() ? this.index.search(query, { channel: this.data.channels.indexOf(this.channel) }) : null;
    this.approximate = !!(found && found.approximate);
    this.tried = found ? found.tried : [];
    var pool = found ? found.hits : (filtering ? this.index.phrases.map(function (p) { return { phrase: p, marks: [] }; }) : []);
    var self = this;
    this.hits = pool.filter(function (hit) { return self.passes(hit.phrase); });
    this.selected = this.hits.length ? 0 : -1;
    this.renderFacets(pool);
    this.renderTaboo(query);
    this.renderResults(query, filtering);
    this.renderMine(!query.trim() && !filtering);
    this.watchMissed(query, found);
    this.extendIfWeak(found);
  };

  // The homophone table and the thesaurus (finder-extra.*.js) come after the first search that finds
  // nothing as typed, the only kind they help: most visits never need them. That search then runs again.
  Finder.prototype.extendIfWeak = function (found) {
    if (!found || this.index.extended || (found.hits.length && !found.approximate)) return;
    var self = this;
    var results = this.results;
    results.setAttribute("aria-busy", "true");  // the list is about to change
    loadExtra(this.root, this.data).then(function () {
      if (self.disposed) return;
      if (!self.index.extended) self.index.extend(window.__kesutongFinderExtra);
      results.removeAttribute("aria-busy");
      self.refresh();
    }, function () { results.removeAttribute("aria-busy"); /* the finder works without them: fewer near matches */ });
  };

  // The same search again, now with more to go on: drawn anew only if it lists other lines, and the line
  // the agent has moved to stays selected (an arrow key may already have been pressed).
  Finder.prototype.refresh = function () {
    var self = this;
    var query = this.input.value;
    if (!query.trim()) return;
    var drawn = function (hits) {
      return hits.slice(0, self.limit).map(function (hit) { return hit.phrase.id; }).join("|");
    };
    var found = this.index.search(query, { channel: this.data.channels.indexOf(this.channel) });
    if (drawn(found.hits.filter(function (hit) { return self.passes(hit.phrase); })) === drawn(this.hits)) return;
    var chosen = this.selected > 0 ? this.hits[this.selected].phrase.id : null;
    this.update();
    for (var i = 0; chosen && i < Math.min(this.hits.length, this.limit); i++) {
      if (this.hits[i].phrase.id === chosen) { this.select(i); break; }
    }
  };

  /* Missed searches stay in this browser (never sent anywhere) for a trainer to turn into lexicon entries:
     phrases/lexicon.yml. Weak: nothing found, or nothing as typed (only near matches). */
  Finder.prototype.watchMissed = function (query, found) {
    var self = this;
    clearTimeout(this.missedTimer);
    if (!found || (found.hits.length && !found.approximate)) return;
    var kind = found.hits.length ? "近似" : "无结果";
    this.missedTimer = setTimeout(function () {
      if (self.input.value !== query) return;
      var q = query.trim();
      var entry = self.missed.filter(function (m) { return m.q === q; })[0];
      if (!entry) {
        entry = { q: q, n: 0 };
        self.missed.unshift(entry);
      }
      entry.n++;
      entry.kind = kind;
      entry.last = new Date().toISOString().slice(0, 16).replace("T", " ");
      self.missed = self.missed.slice(0, MISSED_LIMIT);
      writeJSON(self.local, MISSED_KEY, self.missed);
      self.renderMissed();
    }, MISSED_SETTLE_MS);
  };

  Finder.prototype.renderMissed = function () {
    var count = this.part("missed-count");
    if (count) count.textContent = String(this.missed.length);
  };

  var csvCell = function (value) {
    var text = String(value == null ? "" : value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;  // a spreadsheet must not run a cell as a formula
    return '"' + text.replace(/"/g, '""') + '"';
  };

  Finder.prototype.missedCSV = function () {
    var rows = [["搜索词", "次数", "结果", "最近一次"]].concat(this.missed.map(function (m) {
      return [m.q, m.n, m.kind || "", m.last || ""];
    }));
    return "\ufeff" + rows.map(function (row) { return row.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  };

  Finder.prototype.exportMissed = function () {
    if (!this.missed.length) { this.status("还没有记下未找到的搜索。", "info"); return; }
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([this.missedCSV()], { type: "text/csv;charset=utf-8" }));
    link.download = "通话速查-未找到的搜索.csv";
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 0);
    this.status("已导出 " + this.missed.length + " 条未找到的搜索（只在本机，不会上传）。", "info");
  };

  Finder.prototype.clearMissed = function () {
    this.missed = [];
    writeJSON(this.local, MISSED_KEY, this.missed);
    this.renderMissed();
    this.status("已清空未找到的搜索记录。", "info");
  };

  // The chips and their counts are drawn only while the filter panel is open (its toggle draws them): on a
  // large library, counting every hit on each keystroke for a closed panel is most of a keystroke's work.
  Finder.prototype.renderFacets = function (pool) {
    var self = this;
    this.pool = pool;
    var panel = this.part("filters");
    var active = this.facets().reduce(function (n, f) { return n + self.filters[f.key].length; }, 0);
    this.part("filter-count").textContent = active ? "（已选 " + active + " 项）" : "";
    if (panel && !panel.open) {
      this.facetsStale = true;
      return;
    }
    this.facetsStale = false;
    var html = this.facets().map(function (facet) {
      var counts = facet.names.map(function () { return 0; });
      pool.forEach(function (hit) {
        if (!self.passes(hit.phrase, facet.key)) return;
        facet.of(hit.phrase).forEach(function (i) { counts[i]++; });
      });
      var chips = facet.names.map(function (name, i) {
        var on = self.filters[facet.key].indexOf(i) >= 0;
        var count = pool.length ? '<span class="mdx-finder__count">' + counts[i] + "</span>" : "";
        return '<button type="button" class="mdx-finder__chip" data-facet="' + facet.key + '" data-value="' + i +
          '" aria-pressed="' + on + '">' + escapeHTML(name) + count + "</button>";
      }).join("");
      return '<div class="mdx-finder__facet" role="group" aria-label="' + facet.label + '"><span class="mdx-finder__facet-label">' +
        facet.label + "</span>" + chips + "</div>";
    }).join("");
    this.part("facets").innerHTML = html;
  };

  Finder.prototype.resultHTML = function (hit, index) {
    var p = hit.phrase;
    var d = this.data;
    var ranges = this.index.highlightRanges(p, hit.marks || []);
    var meta = [d.stages[p.stage]].concat(
      p.channels.map(function (i) { return d.channels[i]; }),
      p.scenarios.map(function (i) { return d.scenarios[i]; })
    ).map(function (m) { return '<span class="mdx-finder__tag">' + escapeHTML(m) + "</span>"; }).join("");
    var favourite = this.favourites.indexOf(p.id) >= 0;
    var selected = index === this.selected;
    var slots = "";
    if (selected && p.placeholders.length) {
      var self = this;
      slots = '<div class="mdx-finder__slots">' + p.placeholders.filter(function (name, i, all) {
        return all.indexOf(name) === i;
      }).map(function (name) {
        return '<label class="mdx-finder__slot-field"><span>' + escapeHTML(name) + '</span><input type="text" data-slot="' +
          escapeHTML(name) + '" value="' + escapeHTML(self.slots[name] || "") + '" autocomplete="off"></label>';
      }).join("") + "</div>";
    }
    // A grid of divs, not a listbox: an option may hold no buttons or fields, a grid cell may (axe:
    // nested-interactive); and a list element may not take the grid role.
    return '<div class="mdx-finder__result" role="row" data-phrase-id="' +
      escapeHTML(p.id) + '" aria-selected="' + selected + '"><div role="gridcell" id="phrase-finder-option-' + index + '">' +
      '<p class="mdx-finder__text">' + markedHTML(p.text, ranges, this.slots) + "</p>" +
      // One row under the text: the note (one line until the row is selected), the labels, the buttons.
      '<div class="mdx-finder__meta">' + (p.note ? '<span class="mdx-finder__note">' + escapeHTML(p.note) + "</span>" : "") +
      '<span class="mdx-finder__tags">' + meta + "</span>" +
      '<button type="button" class="mdx-finder__star" data-finder-action="favourite" aria-pressed="' + favourite +
      '" title="收藏 (Alt+S)">' + (favourite ? "★ 已收藏" : "☆ 收藏") + "</button>" +
      '<button type="button" class="mdx-finder__copy" data-finder-action="copy">复制</button></div>' + slots + "</div></div>";
  };

  Finder.prototype.renderResults = function (query, filtering) {
    var shown = this.hits.slice(0, this.limit);
    this.results.innerHTML = shown.map(this.resultHTML, this).join("");
    this.input.setAttribute("aria-activedescendant", this.selected >= 0 ? "phrase-finder-option-" + this.selected : "");
    if (!query.trim() && !filtering) {
      this.status("");
    } else if (!this.hits.length) {
      this.status("没有找到。", "empty");
      this.part("status").insertAdjacentHTML("beforeend", this.emptyHTML());
    } else {
      this.status("找到 " + this.hits.length + " 条" + (this.hits.length > this.limit ? "，显示前 " + this.limit + " 条" : "") + "。" +
        (this.approximate ? "没有一字不差的，也列出了意思相近的。" : ""));
    }
  };

  // What was looked for, and the scenarios to browse instead: an empty list is never a dead end.
  Finder.prototype.emptyHTML = function () {
    var tried = (this.tried || []).slice(0, 8);
    var filtering = this.facets().some(function (f) { return this.filters[f.key].length; }, this);
    return '<span class="mdx-finder__tried">' +
      (tried.length ? "试过：" + tried.map(escapeHTML).join("、") + "（含同义词、拼音和常见错别字）。" : "") +
      (filtering ? "筛选条件也可能太多了。" : "") + "换个说法，或按场景看：</span>" +
      '<span class="mdx-finder__suggest">' + this.data.scenarios.map(function (name, i) {
        return '<button type="button" class="mdx-finder__chip" data-finder-action="scenario" data-value="' + i + '">' +
          escapeHTML(name) + "</button>";
      }).join("") + "</span>";
  };

  Finder.prototype.tabooCardHTML = function (entry) {
    return '<div class="mdx-finder__taboo" data-taboo-id="' + escapeHTML(entry.id) + '">' +
      '<p class="mdx-finder__taboo-text"><strong>禁忌用语</strong>“' + escapeHTML(entry.text) + "”</p>" +
      '<p class="mdx-finder__taboo-why">' + escapeHTML(entry.why) + "</p>" +
      '<ul class="mdx-finder__instead">' + entry.instead.map(function (text) {
        return '<li><span>换成：' + escapeHTML(text) + '</span> <button type="button" class="mdx-finder__copy" ' +
          'data-finder-action="copy-text" data-text="' + escapeHTML(text) + '">复制</button></li>';
      }).join("") + "</ul></div>";
  };

  Finder.prototype.renderTaboo = function (query) {
    var entries = this.index.tabooFor(query).slice(0, 3);
    this.part("taboo").innerHTML = entries.map(this.tabooCardHTML, this).join("");
  };

  // The empty states are also in the page as built (macros/render_finder.py): keep both in step.
  Finder.prototype.listHTML = function (title, ids, empty) {
    var self = this;
    var items = ids.map(function (id) {
      var p = self.index.byId[id];
      return '<li data-phrase-id="' + escapeHTML(id) + '"><span class="mdx-finder__text">' + markedHTML(p.text, [], self.slots) +
        '</span> <button type="button" class="mdx-finder__copy" data-finder-action="copy">复制</button></li>';
    }).join("");
    return '<h2 class="mdx-finder__title">' + title + "</h2>" +
      (items ? '<ul class="mdx-finder__list">' + items + "</ul>" : '<p class="mdx-finder__help">' + empty + "</p>");
  };

  Finder.prototype.renderMine = function (visible) {
    var favourites = this.part("favourites");
    var recents = this.part("recents");
    favourites.hidden = recents.hidden = !visible;
    if (!visible) return;
    favourites.innerHTML = this.listHTML("收藏", this.favourites, "还没有收藏。搜索后点“☆ 收藏”，常用的话就会一直留在这里。");
    recents.innerHTML = this.listHTML("最近使用", this.recents, "复制过的话术会出现在这里。");
  };

  Finder.prototype.renderCheck = function () {
    var area = this.root.querySelector("#phrase-finder-check");
    var text = area.value;
    var out = this.part("check");
    if (!text.trim()) { out.innerHTML = ""; return; }
    var found = this.index.checkReply(text);
    if (!found.length) {
      out.innerHTML = '<p class="mdx-finder__check-ok">✔ 没有发现禁忌用语。</p>';
      return;
    }
    var chars = Array.from(text);
    var html = "";
    var at = 0;
    found.forEach(function (hit) {
      html += escapeHTML(chars.slice(at, hit.start).join("")) + '<mark class="mdx-finder__bad" data-taboo-id="' +
        escapeHTML(hit.entry.id) + '">' + escapeHTML(chars.slice(hit.start, hit.end).join("")) + "</mark>";
      at = hit.end;
    });
    html += escapeHTML(chars.slice(at).join(""));
    var seen = [];
    var cards = found.filter(function (hit) {
      if (seen.indexOf(hit.entry.id) >= 0) return false;
      seen.push(hit.entry.id);
      return true;
    }).map(function (hit) { return this.tabooCardHTML(hit.entry); }, this).join("");
    out.innerHTML = '<p class="mdx-finder__check-warn">发现 ' + found.length + " 处禁忌用语：</p>" +
      '<p class="mdx-finder__check-text">' + html + "</p>" + cards;
  };

  Finder.prototype.fill = function (p) {
    return this.index.fillPlaceholders(p.text, this.slots);
  };

  Finder.prototype.copy = function (id) {
    var p = this.index.byId[id];
    if (!p) return;
    var filled = this.fill(p);
    if (filled.missing.length) {
      var position = -1;
      for (var i = 0; i < this.hits.length && i < this.limit; i++) if (this.hits[i].phrase.id === id) position = i;
      if (position < 0) {  // not in the results (a favourite, a buffer line): show it there to fill in
        this.hits.unshift({ phrase: p, marks: [] });
        position = 0;
      }
      this.select(position);
      this.status("先填写 " + filled.missing.map(function (n) { return "{" + n + "}"; }).join("、") +
        "，再复制：不要把占位符发给客户。", "warn");
      var field = this.results.querySelector('[aria-selected="true"] input[data-slot="' + CSS.escape(filled.missing[0]) + '"]');
      if (field) field.focus();
      return;
    }
    var self = this;
    copyText(filled.text).then(function () {
      self.status("已复制：" + filled.text, "copied");
      self.recents = [id].concat(self.recents.filter(function (r) { return r !== id; })).slice(0, RECENT_LIMIT);
      self.saveMine();
      if (!self.input.value.trim()) self.renderMine(true);
    }, function () {
      self.status("浏览器拒绝了复制，请选中文字后按 Ctrl+C。", "warn");
    });
  };

  Finder.prototype.copyPlain = function (text) {
    var self = this;
    copyText(text).then(function () { self.status("已复制：" + text, "copied"); },
      function () { self.status("浏览器拒绝了复制，请选中文字后按 Ctrl+C。", "warn"); });
  };

  Finder.prototype.select = function (index) {
    if (!this.hits.length) return;
    var count = Math.min(this.hits.length, this.limit);
    this.selected = (index + count) % count;
    this.renderResults(this.input.value, true);
    var el = this.results.querySelector('[aria-selected="true"]');
    if (el && el.scrollIntoView) el.scrollIntoView({ block: "nearest" });
  };

  Finder.prototype.toggleFavourite = function (id) {
    var at = this.favourites.indexOf(id);
    if (at >= 0) this.favourites.splice(at, 1); else this.favourites.unshift(id);
    this.saveMine();
    this.status(at >= 0 ? "已取消收藏。" : "已收藏：清空搜索框即可看到。", "info");
  };

  Finder.prototype.newCall = function () {
    var kept = {};
    var slots = this.slots;
    KEEP_ACROSS_CALLS.forEach(function (name) { if (slots[name]) kept[name] = slots[name]; });
    this.slots = kept;
    writeJSON(this.session, SLOT_KEY, this.slots);
    this.input.value = "";
    this.update();
    this.input.focus();
    this.status("已开始新通话：称呼、单号等已清空。", "info");
  };

  // Every listener, timer or other hook of this mount goes through here (or onto this.disposers), so that
  // dispose() takes it all away when instant navigation leaves the page.
  Finder.prototype.listen = function (target, type, handler) {
    target.addEventListener(type, handler);
    this.disposers.push(function () { target.removeEventListener(type, handler); });
  };

  Finder.prototype.dispose = function () {
    this.disposed = true;
    clearTimeout(this.missedTimer);
    this.disposers.splice(0).forEach(function (undo) { undo(); });
  };

  Finder.prototype.bind = function () {
    var self = this;
    var input = this.input;
    var reload = function () { self.reload(); };
    this.listen(window, "storage", reload);
    this.listen(window, "focus", reload);
    this.listen(document, "mdx-finder:reload", reload);
    this.listen(input, "input", function () { self.update(); });
    var panel = this.part("filters");
    if (panel) this.listen(panel, "toggle", function () { if (panel.open && self.facetsStale) self.renderFacets(self.pool); });
    if (this.channelBox) {
      this.listen(this.channelBox, "change", function () {
        self.channel = self.channelBox.value;
        writeJSON(self.local, CHANNEL_KEY, self.channel);
        self.update();
        self.status(self.channel ? "渠道：" + self.channel + "。这个渠道的话术排在前面，下次打开还记得。" : "渠道：全部。", "info");
      });
    }
    this.listen(input, "compositionend", function () { self.update(); });
    this.listen(input, "keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        self.select(self.selected + (event.key === "ArrowDown" ? 1 : -1));
      } else if (event.key === "Enter" && !event.isComposing) {
        event.preventDefault();
        if (self.selected >= 0) self.copy(self.hits[self.selected].phrase.id);
      } else if (event.key === "Escape") {
        event.preventDefault();
        if (input.value) input.value = "";
        else self.filters = { stage: [], scenario: [], type: [], channel: [] };
        self.update();
      }
    });
    this.listen(this.root, "keydown", function (event) {
      if (event.altKey && /^[1-9]$/.test(event.key)) {
        var id = self.data.buffer[Number(event.key) - 1];
        if (id) { event.preventDefault(); self.copy(id); }
      } else if (event.altKey && (event.key === "s" || event.key === "S") && self.selected >= 0) {
        event.preventDefault();
        self.toggleFavourite(self.hits[self.selected].phrase.id);
        self.renderResults(input.value, true);
      } else if (event.target.matches && event.target.matches("input[data-slot]")) {
        if (event.key === "Enter") {
          event.preventDefault();
          var fields = Array.prototype.slice.call(self.results.querySelectorAll('[aria-selected="true"] input[data-slot]'));
          var next = fields.filter(function (f) { return !f.value.trim(); })[0];
          if (next && next !== event.target) next.focus();
          else if (!next) { self.copy(self.hits[self.selected].phrase.id); input.focus(); }
        } else if (event.key === "Escape") {
          input.focus();
        }
      }
    });
    this.listen(this.root, "input", function (event) {
      var target = event.target;
      if (target.matches && target.matches("input[data-slot]")) {
        var name = target.getAttribute("data-slot");
        if (target.value.trim()) self.slots[name] = target.value.trim(); else delete self.slots[name];
        writeJSON(self.session, SLOT_KEY, self.slots);
        var p = self.hits[self.selected] && self.hits[self.selected].phrase;
        var text = target.closest(".mdx-finder__result").querySelector(".mdx-finder__text");
        if (p && text) text.innerHTML = markedHTML(p.text, [], self.slots);
      } else if (target.id === "phrase-finder-check") {
        self.renderCheck();
      }
    });
    this.listen(this.root, "click", function (event) {
      var target = event.target;
      var action = target.closest("[data-finder-action]");
      var chip = target.closest("[data-facet]");
      if (chip) {
        var list = self.filters[chip.getAttribute("data-facet")];
        var value = Number(chip.getAttribute("data-value"));
        var at = list.indexOf(value);
        if (at >= 0) list.splice(at, 1); else list.push(value);
        self.update();
        var same = self.root.querySelector('[data-facet="' + chip.getAttribute("data-facet") + '"][data-value="' + value + '"]');
        if (same) same.focus();
        return;
      }
      var item = target.closest("[data-phrase-id]");
      if (action) {
        var kind = action.getAttribute("data-finder-action");
        if (kind === "new-call") self.newCall();
        else if (kind === "export-missed") self.exportMissed();
        else if (kind === "clear-missed") self.clearMissed();
        else if (kind === "scenario") {
          input.value = "";
          self.filters = { stage: [], scenario: [Number(action.getAttribute("data-value"))], type: [], channel: [] };
          self.update();
          input.focus();
        }
        else if (kind === "copy-text") self.copyPlain(action.getAttribute("data-text"));
        else if (kind === "favourite" && item) {
          self.toggleFavourite(item.getAttribute("data-phrase-id"));
          self.renderResults(input.value, true);
        } else if (kind === "copy" && item) self.copy(item.getAttribute("data-phrase-id"));
        return;
      }
      if (item && item.classList.contains("mdx-finder__result") && !target.closest("input, label")) {
        var index = Array.prototype.indexOf.call(self.results.children, item);
        if (index !== self.selected) { self.selected = index; }
        self.copy(item.getAttribute("data-phrase-id"));
      }
    });
  };

  /* ------------------------------------------------------------------ mounting */

  var current = null;  // the Finder on the page, until instant navigation leaves it

  // The engine and the data come as scripts of their own, loaded once per visit and only where the finder
  // is (the data: see macros/finder_index.py); the two download side by side.
  var loadScript = function (src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { script.remove(); reject(new Error("could not load " + src)); };
      document.head.appendChild(script);
    });
  };

  var loading = null;
  var loadEngineAndData = function (root) {
    if (!loading) {
      loading = Promise.all([
        window.mdxFinderEngine ? null : loadScript(ENGINE_SRC),
        window.__kesutongFinderData ? null : loadScript(root.getAttribute("data-finder-src"))
      ]);
      loading.catch(function () { loading = null; });  // a later visit tries again
    }
    return loading;
  };

  // Beside the data file, under the name the data gives (macros/finder_index.py finder_scripts).
  var extraLoading = null;
  var loadExtra = function (root, data) {
    if (window.__kesutongFinderExtra) return Promise.resolve();
    if (!extraLoading) {
      var dataSrc = new URL(root.getAttribute("data-finder-src"), location.href);
      extraLoading = loadScript(new URL(data.extra, dataSrc).href);
      extraLoading.catch(function () { extraLoading = null; });  // a later search tries again
    }
    return extraLoading;
  };

  var start = function (root) {
    if (root.getAttribute("data-mdx-mounted") || !document.body.contains(root)) return;
    root.setAttribute("data-mdx-mounted", "true");
    root.classList.add("mdx-finder--ready");
    current = new Finder(root, window.__kesutongFinderData);
    root.querySelector("#phrase-finder-input").focus();
    if (window.performance && performance.mark) performance.mark("mdx-finder-ready");
    var index = current.index;
    (window.requestIdleCallback || setTimeout)(function () { index.prepare(); });
  };

  // On every page (document$ emits once per page, instant navigation included): let go of the finder
  // the last page had, then mount this page's, if it has one.
  var mountFinder = function () {
    var root = document.getElementById("phrase-finder");
    if (current && current.root !== root) {
      current.dispose();
      current = null;
    }
    if (!root || root.getAttribute("data-mdx-mounted")) return;
    if (window.mdxFinderEngine && window.__kesutongFinderData) { start(root); return; }
    loadEngineAndData(root).then(function () { start(root); }, function () {
      var status = root.querySelector('[data-finder-part="status"]');
      status.textContent = "话术数据没有加载成功，请刷新页面重试。";
    });
  };

  if (typeof window.document$ !== "undefined") window.document$.subscribe(mountFinder);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountFinder);
  else mountFinder();
})();
