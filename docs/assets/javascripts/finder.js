/*
 * 通话速查: the phrase finder an agent uses during a live call or chat (HTML from
 * macros/render_finder.py, data from macros/finder_index.py).
 * Also, on every page: the K shortcut that opens the finder.
 * Storage is best effort: without localStorage / sessionStorage everything still works for the visit.
 */
(function () {
  "use strict";

  var RESULT_LIMIT = 30;
  var RECENT_LIMIT = 8;
  var STORE_KEY = "kesutong.finder.v1";        // favourites and recents (localStorage)
  var SLOT_KEY = "kesutong.finder.slots.v1";   // placeholder values of the current call (sessionStorage)
  var KEEP_ACROSS_CALLS = ["工号"];            // the agent's own number survives 新通话
  var PLACEHOLDER = /\{([^{}\s]{1,12})\}/g;

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

  var isLatin = function (term) { return /^[a-z]+$/.test(term); };

  /* ------------------------------------------------------------------ index */

  function Index(data) {
    var folder = this.folder = new window.MdxFolder(data.t2s);
    this.data = data;
    this.synonyms = {};
    var self = this;
    Object.keys(data.synonyms || {}).forEach(function (key) {
      self.synonyms[folder.plain(key)] = data.synonyms[key].map(function (w) { return folder.plain(w); });
    });
    var table = data.pinyin || {};
    // Pinyin per character from the shared table, with the phrase's own readings where they differ.
    var tokensOf = function (text, exceptions) {
      var tokens = Array.from(text).map(function (c) { return table[c] || "_"; });
      (exceptions ? exceptions.split(",") : []).forEach(function (pair) {
        var at = pair.indexOf(":");
        tokens[Number(pair.slice(0, at))] = pair.slice(at + 1);
      });
      return tokens;
    };
    var pinyinOf = function (word) {
      return tokensOf(word, "").filter(function (t) { return t !== "_"; }).join("");
    };
    this.phrases = data.phrases.map(function (row, position) {
      var tokens = tokensOf(row[1], row[8]);
      var syllables = tokens.filter(function (t) { return t !== "_"; });
      return {
        position: position, id: row[0], text: row[1], stage: row[2], scenarios: row[3], types: row[4],
        channels: row[5], tags: row[6], note: row[7], tokens: tokens,
        folded: folder.plain(row[1], true),
        tagsFolded: row[6].map(function (t) { return folder.plain(t); }),
        noteFolded: folder.plain(row[7]),
        facetText: [data.stages[row[2]]].concat(
          row[3].map(function (i) { return data.scenarios[i]; }),
          row[4].map(function (i) { return data.types[i]; })).map(function (t) { return folder.plain(t); }).join("|"),
        pinyin: syllables.join(""),
        initials: syllables.map(function (s) { return s[0]; }).join(""),
        tagPinyin: row[6].map(pinyinOf).join("|"),
        tagInitials: "|" + row[6].map(function (tag) {
          return tokensOf(tag, "").filter(function (t) { return t !== "_"; }).map(function (t) { return t[0]; }).join("");
        }).join("|") + "|",
        placeholders: (row[1].match(PLACEHOLDER) || []).map(function (p) { return p.slice(1, -1); })
      };
    });
    this.phrases.forEach(function (p) { p.hay = p.folded + "|" + p.tagsFolded.join("|") + "|" + p.facetText; });
    this.byId = {};
    this.phrases.forEach(function (p) { self.byId[p.id] = p; });
    this.documentFrequency = {};
    this.taboo = data.taboo.map(function (row) {
      return { id: row[0], text: row[1], patterns: row[2].map(function (t) { return folder.plain(t); })
        .filter(Boolean).sort(function (a, b) { return b.length - a.length; }), why: row[3], instead: row[4] };
    });
  }

  // Words a term stands for: itself, and itself with each synonym key it contains swapped for each of
  // that key's words (发火 → 生气; 客户发火了 → 客户生气了), so a long query stays as narrow as typed.
  Index.prototype.variants = function (term) {
    var out = [term];
    var synonyms = this.synonyms;
    Object.keys(synonyms).forEach(function (key) {
      if (term.indexOf(key) < 0) return;
      synonyms[key].forEach(function (word) {
        var variant = term.split(key).join(word);
        if (out.indexOf(variant) < 0) out.push(variant);
      });
    });
    return out;
  };

  // Score of one phrase for one term (0: no match), and where to highlight.
  Index.prototype.scoreTerm = function (p, term, variants, latin) {
    var best = 0;
    var mark = null;
    for (var v = 0; v < variants.length; v++) {
      var word = variants[v];
      // Most phrases match nothing: one look at all their words decides that.
      if (p.hay.indexOf(word) < 0 && (v > 0 || p.noteFolded.indexOf(word) < 0)) continue;
      var weight = v === 0 ? 1 : 0.85;
      var s = 0;
      for (var t = 0; t < p.tagsFolded.length; t++) {
        if (p.tagsFolded[t] === word) s = Math.max(s, 100);
        else if (p.tagsFolded[t].indexOf(word) >= 0) s = Math.max(s, 70);
      }
      if (p.facetText.indexOf(word) >= 0) s = Math.max(s, 65);
      var at = p.folded.indexOf(word);
      if (at === 0) s = Math.max(s, 80);
      else if (at > 0) s = Math.max(s, 55 - Math.min(at, 25));
      // Usage notes count only for the words typed, never their synonyms: too loose otherwise.
      if (!s && v === 0 && p.noteFolded.indexOf(word) >= 0) s = 15;
      if (s * weight > best) {
        best = s * weight;
        mark = at >= 0 ? { kind: "text", word: word } : mark;
      } else if (!mark && at >= 0) {
        mark = { kind: "text", word: word };
      }
    }
    if (latin) {
      var score = 0;
      var py = this.pinyinMatch(p, term);
      if (py) { score = py.at === 0 ? 60 : 45; }
      else if (p.tagPinyin.indexOf(term) >= 0 || p.tagInitials.indexOf("|" + term + "|") >= 0) score = 50;
      var ini = py ? null : this.initialsMatch(p, term);
      if (ini && !score) score = ini.at === 0 ? 45 : 35;
      if (score > best) mark = py ? { kind: "pinyin", at: py.offset, length: term.length }
        : ini ? { kind: "initials", at: ini.at, length: term.length } : mark;
      best = Math.max(best, score);
    }
    return best ? { score: best, mark: mark } : null;
  };

  // Code-point positions of the Han characters of a phrase (what pinyin and initials stand for).
  Index.prototype.hanPositions = function (p) {
    if (!p.hanAt) {
      p.hanAt = [];
      p.tokens.forEach(function (token, index) { if (token !== "_") p.hanAt.push(index); });
    }
    return p.hanAt;
  };

  // Syllables first..last stand for adjacent characters: no punctuation or other text between them.
  Index.prototype.adjacent = function (p, first, last) {
    var at = this.hanPositions(p);
    return at[last] - at[first] === last - first;
  };

  // Initials (tk → 退款) matching adjacent characters: {at: syllable index} or null.
  Index.prototype.initialsMatch = function (p, term) {
    for (var at = p.initials.indexOf(term); at >= 0; at = p.initials.indexOf(term, at + 1)) {
      if (this.adjacent(p, at, at + term.length - 1)) return { at: at };
    }
    return null;
  };

  // Full pinyin (tuikuan, or tuik while typing) starting at a syllable and spanning adjacent characters.
  Index.prototype.pinyinMatch = function (p, term) {
    if (p.pinyin.indexOf(term) < 0) return null;
    if (!p.starts) {  // where each syllable starts in p.pinyin; kept once computed
      p.starts = [];
      for (var i = 0, position = 0; i < p.tokens.length; i++) {
        if (p.tokens[i] === "_") continue;
        p.starts.push(position);
        position += p.tokens[i].length;
      }
    }
    var starts = p.starts;
    for (var offset = p.pinyin.indexOf(term); offset >= 0; offset = p.pinyin.indexOf(term, offset + 1)) {
      var first = starts.indexOf(offset);
      if (first < 0) continue;
      var last = first;
      while (last + 1 < starts.length && starts[last + 1] < offset + term.length) last++;
      if (this.adjacent(p, first, last)) return { at: first, offset: offset };
    }
    return null;
  };

  // How many phrases contain a two-character piece (cached: typing adds one piece per keystroke).
  Index.prototype.frequency = function (piece) {
    if (!(piece in this.documentFrequency)) {
      var count = 0;
      for (var i = 0; i < this.phrases.length; i++) if (this.phrases[i].hay.indexOf(piece) >= 0) count++;
      this.documentFrequency[piece] = count;
    }
    return this.documentFrequency[piece];
  };

  // Agents type what the customer said (什么时候到账, 找你们经理) rather than the library's wording.
  // When the whole term is not in a phrase, weigh the two-character pieces it shares with it, rare
  // pieces counting more; pieces found nowhere (across-word junk like 么时) are ignored.
  Index.prototype.fuzzyScore = function (p, pieces) {
    var wanted = 0;
    var found = 0;
    for (var i = 0; i < pieces.length; i++) {
      var df = this.frequency(pieces[i]);
      if (!df) continue;
      var weight = Math.log(1 + this.phrases.length / df);
      wanted += weight;
      if (p.hay.indexOf(pieces[i]) >= 0) found += weight;
    }
    var coverage = wanted ? found / wanted : 0;
    return coverage >= 0.5 ? 10 + 30 * coverage : 0;
  };

  // Pieces that say who is talking or how, not what about: "客户骂人" is about 骂人.
  var FILLER_PIECES = ["客户", "顾客", "用户", "我要", "我想", "你们", "我们", "他们", "什么", "怎么", "为什",
    "一下", "一个", "这个", "那个", "就是", "还是", "可以", "我的", "你的", "他的", "的时", "时候"];

  var piecesOf = function (term) {
    var chars = Array.from(term);
    var pieces = [];
    for (var i = 0; i + 1 < chars.length; i++) {
      var piece = chars[i] + chars[i + 1];
      if (pieces.indexOf(piece) < 0 && FILLER_PIECES.indexOf(piece) < 0) pieces.push(piece);
    }
    return pieces;
  };

  Index.prototype.search = function (query) {
    var folder = this.folder;
    var self = this;
    // Placeholders in a pasted phrase ({称呼}) are not words to look for.
    var terms = query.trim().split(/\s+/).map(function (t) { return folder.plain(t, true); }).filter(Boolean);
    var prepared = terms.map(function (term) {
      var variants = self.variants(term);
      var latin = isLatin(term);
      var fuzzy = !latin && Array.from(term).length >= 3;
      return { term: term, variants: variants, latin: latin && term.length >= 2,
        pieces: fuzzy ? variants.map(piecesOf) : null };
    });
    var hits = [];
    var misses = [];
    for (var i = 0; i < this.phrases.length; i++) {
      var hit = this.scorePhrase(this.phrases[i], prepared, false);
      if (hit) hits.push(hit); else misses.push(this.phrases[i]);
    }
    var approximate = false;
    if (hits.length < RESULT_LIMIT && prepared.some(function (t) { return t.pieces; })) {
      for (var j = 0; j < misses.length; j++) {
        var near = this.scorePhrase(misses[j], prepared, true);
        if (near) { hits.push(near); approximate = true; }
      }
    }
    hits.sort(function (a, b) { return b.score - a.score || a.phrase.position - b.phrase.position; });
    return { terms: terms, hits: hits, approximate: approximate };
  };

  // Every term must match the phrase, exactly or (second pass) approximately.
  Index.prototype.scorePhrase = function (p, prepared, allowFuzzy) {
    var total = 0;
    var marks = [];
    for (var k = 0; k < prepared.length; k++) {
      var term = prepared[k];
      var result = this.scoreTerm(p, term.term, term.variants, term.latin);
      if (!result && allowFuzzy && term.pieces) {
        var best = 0;
        for (var v = 0; v < term.pieces.length; v++) {
          best = Math.max(best, this.fuzzyScore(p, term.pieces[v]) * (v === 0 ? 1 : 0.85));
        }
        result = best ? { score: best, mark: { kind: "pieces", pieces: term.pieces[0] } } : null;
      }
      if (!result) return null;
      total += result.score;
      if (result.mark) marks.push(result.mark);
    }
    return { phrase: p, score: total, marks: marks };
  };

  Index.prototype.tabooFor = function (query) {
    var q = this.folder.plain(query);
    if (!q) return [];
    return this.taboo.filter(function (entry) {
      return entry.patterns.some(function (pattern) {
        return q.indexOf(pattern) >= 0 || (q.length >= 3 && pattern.indexOf(q) >= 0);
      });
    });
  };

  // Taboo phrases inside a drafted reply: [{start, end, entry}] in code points of the original.
  Index.prototype.checkReply = function (text) {
    var folded = this.folder.fold(text, false);
    var taken = [];
    var found = [];
    var candidates = [];
    this.taboo.forEach(function (entry) {
      entry.patterns.forEach(function (pattern) { candidates.push({ pattern: pattern, entry: entry }); });
    });
    candidates.sort(function (a, b) { return b.pattern.length - a.pattern.length; });
    candidates.forEach(function (c) {
      var from = 0;
      var at;
      while ((at = folded.text.indexOf(c.pattern, from)) >= 0) {
        var end = at + c.pattern.length;
        var overlaps = taken.some(function (r) { return at < r[1] && end > r[0]; });
        if (!overlaps) {
          taken.push([at, end]);
          found.push({ start: folded.map[at], end: folded.map[end - 1] + 1, entry: c.entry });
        }
        from = at + 1;
      }
    });
    return found.sort(function (a, b) { return a.start - b.start; });
  };

  /* ------------------------------------------------------------------ highlighting */

  // Code-point ranges of `text` to mark for the given matches.
  Index.prototype.highlightRanges = function (p, marks) {
    var folded = this.folder.fold(p.text, true);
    var ranges = [];
    marks.forEach(function (mark) {
      if (mark.kind === "text") {
        var at = folded.text.indexOf(mark.word);
        if (at >= 0) ranges.push([folded.map[at], folded.map[at + mark.word.length - 1] + 1]);
      } else if (mark.kind === "pieces") {
        mark.pieces.forEach(function (piece) {
          for (var from = folded.text.indexOf(piece); from >= 0; from = folded.text.indexOf(piece, from + 1)) {
            ranges.push([folded.map[from], folded.map[from + 1] + 1]);
          }
        });
      } else {
        var hanIndexes = [];
        var offsets = [];
        var position = 0;
        p.tokens.forEach(function (token, index) {
          if (token === "_") return;
          hanIndexes.push(index);
          offsets.push(position);
          position += token.length;
        });
        if (mark.kind === "initials") {
          ranges.push([hanIndexes[mark.at], hanIndexes[mark.at + mark.length - 1] + 1]);
        } else {
          var first = -1;
          var last = -1;
          for (var s = 0; s < offsets.length; s++) {
            var end = offsets[s] + p.tokens[hanIndexes[s]].length;
            if (first < 0 && end > mark.at) first = s;
            if (offsets[s] < mark.at + mark.length) last = s;
          }
          if (first >= 0) ranges.push([hanIndexes[first], hanIndexes[last] + 1]);
        }
      }
    });
    return ranges;
  };

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
    this.index = new Index(data);
    this.data = data;
    this.local = storage("localStorage");
    this.session = storage("sessionStorage");
    var isIdList = function (v) { return Array.isArray(v) && v.every(function (x) { return typeof x === "string"; }); };
    var mine = readJSON(this.local, STORE_KEY, {}, function (v) { return typeof v === "object" && !Array.isArray(v); });
    this.favourites = isIdList(mine.favourites) ? mine.favourites.filter(this.known, this) : [];
    this.recents = isIdList(mine.recents) ? mine.recents.filter(this.known, this) : [];
    this.slots = readJSON(this.session, SLOT_KEY, {}, function (v) { return typeof v === "object" && !Array.isArray(v); });
    this.filters = { stage: [], scenario: [], type: [], channel: [] };
    this.hits = [];
    this.selected = -1;
    this.input = root.querySelector("#phrase-finder-input");
    this.results = root.querySelector("#phrase-finder-results");
    this.part = function (name) { return root.querySelector('[data-finder-part="' + name + '"]'); };
    this.bind();
    this.update();
    this.renderCheck();
    if (!this.local) this.status("本浏览器不允许保存数据：收藏和最近使用只在本次打开期间有效。", "info");
  }

  Finder.prototype.known = function (id) { return Object.prototype.hasOwnProperty.call(this.index.byId, id); };

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
    var found = query.trim() ? this.index.search(query) : null;
    this.approximate = !!(found && found.approximate);
    var pool = found ? found.hits : (filtering ? this.index.phrases.map(function (p) { return { phrase: p, marks: [] }; }) : []);
    var self = this;
    this.hits = pool.filter(function (hit) { return self.passes(hit.phrase); });
    this.selected = this.hits.length ? 0 : -1;
    this.renderFacets(pool);
    this.renderTaboo(query);
    this.renderResults(query, filtering);
    this.renderMine(!query.trim() && !filtering);
  };

  Finder.prototype.renderFacets = function (pool) {
    var self = this;
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
    var active = this.facets().reduce(function (n, f) { return n + self.filters[f.key].length; }, 0);
    this.part("filter-count").textContent = active ? "（已选 " + active + " 项）" : "";
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
      (p.note ? '<p class="mdx-finder__note">' + escapeHTML(p.note) + "</p>" : "") +
      '<div class="mdx-finder__meta">' + meta +
      '<button type="button" class="mdx-finder__star" data-finder-action="favourite" aria-pressed="' + favourite +
      '" title="收藏 (Alt+S)">' + (favourite ? "★ 已收藏" : "☆ 收藏") + "</button>" +
      '<button type="button" class="mdx-finder__copy" data-finder-action="copy">复制</button></div>' + slots + "</div></div>";
  };

  Finder.prototype.renderResults = function (query, filtering) {
    var shown = this.hits.slice(0, RESULT_LIMIT);
    this.results.innerHTML = shown.map(this.resultHTML, this).join("");
    this.input.setAttribute("aria-activedescendant", this.selected >= 0 ? "phrase-finder-option-" + this.selected : "");
    if (!query.trim() && !filtering) {
      this.status("");
    } else if (!this.hits.length) {
      this.status("没有找到。换个说法试试，比如只输入一个关键词，或用拼音首字母。", "empty");
    } else {
      this.status("找到 " + this.hits.length + " 条" + (this.hits.length > RESULT_LIMIT ? "，显示前 " + RESULT_LIMIT + " 条" : "") + "。" +
        (this.approximate ? "没有一字不差的，也列出了意思相近的。" : ""));
    }
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
    var slots = this.slots;
    var missing = [];
    var text = p.text.replace(PLACEHOLDER, function (whole, name) {
      if (slots[name]) return slots[name];
      if (missing.indexOf(name) < 0) missing.push(name);
      return whole;
    });
    return { text: text, missing: missing };
  };

  Finder.prototype.copy = function (id) {
    var p = this.index.byId[id];
    if (!p) return;
    var filled = this.fill(p);
    if (filled.missing.length) {
      var position = -1;
      for (var i = 0; i < this.hits.length && i < RESULT_LIMIT; i++) if (this.hits[i].phrase.id === id) position = i;
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
    var count = Math.min(this.hits.length, RESULT_LIMIT);
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

  Finder.prototype.bind = function () {
    var self = this;
    var input = this.input;
    input.addEventListener("input", function () { self.update(); });
    input.addEventListener("compositionend", function () { self.update(); });
    input.addEventListener("keydown", function (event) {
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
    this.root.addEventListener("keydown", function (event) {
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
    this.root.addEventListener("input", function (event) {
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
    this.root.addEventListener("click", function (event) {
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

  var start = function (root) {
    if (root.getAttribute("data-mdx-mounted") || !document.body.contains(root)) return;
    root.setAttribute("data-mdx-mounted", "true");
    root.classList.add("mdx-finder--ready");
    new Finder(root, window.__kesutongFinderData);
    root.querySelector("#phrase-finder-input").focus();
    if (window.performance && performance.mark) performance.mark("mdx-finder-ready");
  };

  // The data comes as a script of its own (see macros/finder_index.py), loaded once per visit.
  var mountFinder = function () {
    var root = document.getElementById("phrase-finder");
    if (!root || root.getAttribute("data-mdx-mounted")) return;
    if (window.__kesutongFinderData) { start(root); return; }
    var script = document.createElement("script");
    script.src = root.getAttribute("data-finder-src");
    script.onload = function () { start(root); };
    script.onerror = function () {
      var status = root.querySelector('[data-finder-part="status"]');
      status.textContent = "话术数据没有加载成功，请刷新页面重试。";
    };
    document.head.appendChild(script);
  };

  var finderLink = function () { return document.querySelector("a.mdx-finder-link"); };

  // K from anywhere opens the finder (or focuses its box); never while the person is typing.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "k" && event.key !== "K") return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var box = document.getElementById("phrase-finder-input");
    event.preventDefault();
    if (box) { box.focus(); box.select(); return; }
    var link = finderLink();
    if (link) link.click();
  });

  if (typeof window.document$ !== "undefined") window.document$.subscribe(mountFinder);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountFinder);
  else mountFinder();
})();
