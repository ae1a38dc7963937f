/*
 * 通话速查's search engine: folding, synonyms, pinyin, scoring, ranking, taboo detection and the ranges
 * to highlight, over the data of macros/finder_index.py. No DOM here: finder.js draws what this finds,
 * and tests/test_finder_engine.py runs it on a blank page over the real data.
 * Needs text-fold.js (window.MdxFolder) loaded first, or a Folder passed to Index.
 */
(function (scope) {
  "use strict";

  /* ------------------------------------------------------------------ build-time vocabulary */
  // Word lists and patterns the build could hand over as data one day: they live here, and only here.

  // Pieces that say who is talking or how, not what about: "客户骂人" is about 骂人.
  var FILLER_PIECES = ["客户", "顾客", "用户", "我要", "我想", "你们", "我们", "他们", "什么", "怎么", "为什",
    "一下", "一个", "这个", "那个", "就是", "还是", "可以", "我的", "你的", "他的", "的时", "时候"];

  // A query this long (after folding) also flags a taboo pattern it is a part of (公司规 → 公司规定).
  var TABOO_PARTIAL_MIN = 3;

  /* ------------------------------------------------------------------ ranking */

  var RESULT_LIMIT = 30;  // results drawn; fewer exact hits than this also brings in approximate ones

  // How much a word found for a term counts against the term itself: what was typed always ranks first.
  var WEIGHT = {
    typed: 1,
    synonym: 0.85,     // synonyms.yml: 发火 → 生气
    wholeWord: 0.9,    // pinyin or initials of a word agents type (synonyms, lexicon): ld → 领导
    libraryWord: 0.85, // pinyin or initials of another word of the library (tags): jl → 记录
    otherWord: 0.5,    // the same, when a word agents type is spelled the same way too
    inside: 0.75,      // a library word inside a longer query: 找律师告你们 → 律师
    situation: 0.7,    // lexicon.yml: 吼 → 激动; 电视台 → 曝光
    soundsLike: 0.7,   // a homophone typo: 征心 → 征信
    soundsNear: 0.6,   // a typo of a dialect's sounds (zh/z, ch/c, sh/s, ing/in, eng/en): 投述 → 投诉
    thesaurus: 0.55    // thesaurus.yml (同义词词林): a word nobody listed, 谩骂 → 辱骂
  };
  // Sounds many speakers do not tell apart, and so mistype: folded together for soundsNear.
  var near = function (sound) {
    return sound.replace(/([zcs])h/g, "$1").replace(/([ie])ng\|/g, "$1n|");
  };
  // A phrase of a scenario or customer type the query's situation names, found by that alone.
  var SITUATION_FACET_SCORE = 45;
  // Added for a phrase in a stage the situation favours (吼 → 安抚, 共情 first).
  var SITUATION_STAGE_BONUS = 8;
  // Raw initials over any adjacent characters (ld → 来的): weaker than a word of the library.
  var INITIALS_SCORE = { start: 30, inside: 22 };
  // Share of a sentence's two-character pieces a query must hold to count as that customer sentence.
  var SENTENCE_COVERAGE = 0.6;

  var isLatin = function (term) { return /^[a-z]+$/.test(term); };

  /* ------------------------------------------------------------------ index */

  // data: the finder data as macros/finder_index.py writes it, with the build's text rules (so the engine
  // needs no page). Folder: text-fold.js's, unless given.
  function Index(data, Folder) {
    var folder = this.folder = new (Folder || scope.MdxFolder)(data.t2s, data.text);
    this.data = data;
    this.synonyms = {};
    var self = this;
    Object.keys(data.synonyms || {}).forEach(function (key) {
      self.synonyms[folder.plain(key)] = data.synonyms[key].map(function (w) { return folder.plain(w); });
    });
    // As the build sends it: syllable → its characters; here character → syllable.
    var table = bySyllable(data.pinyin || {});
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
        placeholders: folder.placeholders(row[1])
      };
    });
    this.phrases.forEach(function (p) {
      p.tagLine = p.tagsFolded.join("|");
      p.hay = p.folded + "|" + p.tagLine + "|" + p.facetText;
      p.spelt = p.pinyin + "|" + p.initials + "|" + p.tagPinyin + p.tagInitials;
    });
    this.sounds = {};
    this.table = table;
    this.situations = (data.situations || []).map(function (row) {
      var sentences = row[5].map(function (t) { return folder.plain(t); });
      return { says: row[0].map(function (t) { return folder.plain(t); }).filter(Boolean),
        finds: row[1].map(function (t) { return folder.plain(t); }).filter(Boolean),
        scenarios: row[2], types: row[3], stages: row[4], sentences: sentences,
        pieces: sentences.map(piecesOf) };
    });
    this.indexWords(data);
    this.thesaurus = {};
    this.extended = false;
    if (data.sounds || data.thesaurus) this.extend(data);
    this.latinPostings = Object.create(null);
    this.byId = {};
    this.phrases.forEach(function (p) { self.byId[p.id] = p; });
    this.documentFrequency = {};
    // A better line comes as a phrase id when it is one, else as its text.
    this.taboo = data.taboo.map(function (row) {
      return { id: row[0], text: row[1], patterns: row[2].map(function (t) { return folder.plain(t); })
        .filter(Boolean).sort(function (a, b) { return b.length - a.length; }), why: row[3],
        instead: row[4].map(function (alt) { return self.byId[alt] ? self.byId[alt].text : alt; }) };
    });
  }

  var bySyllable = function (grouped) {
    var table = {};
    Object.keys(grouped).forEach(function (syllable) {
      Array.from(grouped[syllable]).forEach(function (c) { table[c] = syllable; });
    });
    return table;
  };

  // What only a search that finds nothing as typed needs, sent apart (macros/finder_index.py EXTRA_KEYS):
  // the common characters' sounds (homophone typos) and the thesaurus. Searches after this may find more.
  Index.prototype.extend = function (extra) {
    var folder = this.folder;
    var self = this;
    this.sounds = bySyllable(extra.sounds || {});
    this.thesaurus = {};
    // As the build sends it: "library words" → "words leading to them", each list joined by spaces.
    Object.keys(extra.thesaurus || {}).forEach(function (leads) {
      var words = leads.split(" ").map(function (w) { return folder.plain(w); });
      extra.thesaurus[leads].split(" ").forEach(function (key) { self.thesaurus[folder.plain(key)] = words; });
    });
    this.extended = true;
  };

  /* ------------------------------------------------------------------ candidates */
  // A search scores only the phrases that can match: those holding a word's rarest character, in a
  // scenario or customer type a situation names, or (pinyin, initials) spelling the term's first two
  // letters. Scores are the same as over every phrase; a large library just skips most of them.

  // Builds the candidate lists now rather than on the first search (finder.js calls it when the page is
  // idle, so that neither the page's readiness nor the first keystroke waits for it).
  Index.prototype.prepare = function () {
    if (!this.postings) this.indexCharacters();
  };

  // Character (UTF-16 unit) → positions of the phrases holding it in their words or note, ascending.
  Index.prototype.indexCharacters = function () {
    var postings = this.postings = new Map();
    var scenarios = [];
    var types = [];
    var add = function (lists, at, i) { (lists[at] = lists[at] || []).push(i); };
    for (var i = 0; i < this.phrases.length; i++) {
      var p = this.phrases[i];
      var text = p.hay + "|" + p.noteFolded;
      for (var j = 0; j < text.length; j++) {
        var list = postings.get(text[j]);
        if (!list) postings.set(text[j], [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
      for (var s = 0; s < p.scenarios.length; s++) add(scenarios, p.scenarios[s], i);
      for (var t = 0; t < p.types.length; t++) add(types, p.types[t], i);
    }
    this.facetPostings = { scenarios: scenarios, types: types };
  };

  // Phrases that may hold the word: those holding its rarest character (none if one is nowhere).
  Index.prototype.holding = function (word) {
    this.prepare();
    var best = null;
    for (var j = 0; j < word.length; j++) {
      var list = this.postings.get(word[j]);
      if (!list) return [];
      if (!best || list.length < best.length) best = list;
    }
    return best || [];
  };

  // Phrases whose pinyin, initials or tags' pinyin hold the first two letters of a Latin term (cached).
  Index.prototype.spelling = function (term) {
    var key = term.slice(0, 2);
    if (!this.latinPostings[key]) {
      var list = [];
      for (var i = 0; i < this.phrases.length; i++) {
        if (this.phrases[i].spelt.indexOf(key) >= 0) list.push(i);
      }
      this.latinPostings[key] = list;
    }
    return this.latinPostings[key];
  };

  // Positions of the phrases a search must score, ascending: for each term, what its words, its
  // situations and (Latin) its spelling can reach.
  Index.prototype.candidates = function (prepared) {
    this.prepare();
    var marked = new Uint8Array(this.phrases.length);
    var mark = function (list) { for (var i = 0; i < list.length; i++) marked[list[i]] = 1; };
    var self = this;
    prepared.forEach(function (term) {
      term.variants.forEach(function (v) { mark(self.holding(v.word)); });
      term.situations.forEach(function (s) {
        s.scenarios.forEach(function (n) { mark(self.facetPostings.scenarios[n] || []); });
        s.types.forEach(function (n) { mark(self.facetPostings.types[n] || []); });
      });
      if (term.latin) mark(self.spelling(term.term));
    });
    return positionsOf(marked);
  };

  // Phrases holding any of the terms' two-character pieces: all the fuzzy pass can score.
  Index.prototype.pieceCandidates = function (prepared) {
    var marked = new Uint8Array(this.phrases.length);
    var self = this;
    prepared.forEach(function (term) {
      (term.pieces || []).forEach(function (pieces) {
        pieces.forEach(function (piece) {
          var list = self.holding(piece);
          for (var i = 0; i < list.length; i++) marked[list[i]] = 1;
        });
      });
    });
    return positionsOf(marked);
  };

  var positionsOf = function (marked) {
    var out = [];
    for (var i = 0; i < marked.length; i++) if (marked[i]) out.push(i);
    return out;
  };

  // Syllables of a folded word, from the library's table or the common characters' ('' when one is unknown).
  Index.prototype.syllablesOf = function (word) {
    var out = [];
    var chars = Array.from(word);
    for (var i = 0; i < chars.length; i++) {
      var reading = this.table[chars[i]] || this.sounds[chars[i]];
      if (!reading) return null;
      out.push(reading);
    }
    return out;
  };

  // The library's own words (tags, synonyms, lexicon, scenario names), each with its pinyin and initials:
  // what initials and pinyin stand for first, what a homophone typo is matched against.
  Index.prototype.indexWords = function (data) {
    var folder = this.folder;
    var self = this;
    var seen = {};
    var words = [];
    var add = function (text, typed) {
      var word = folder.plain(text);
      if (Array.from(word).length < 2 || seen[word] || isLatin(word) || FILLER_PIECES.indexOf(word) >= 0) return;
      var syllables = self.syllablesOf(word);
      if (!syllables) return;
      seen[word] = true;
      var sound = "|" + syllables.join("|") + "|";
      words.push({ word: word, typed: !!typed, sound: sound, nearSound: near(sound), pinyin: syllables.join(""),
        initials: syllables.map(function (x) { return x[0]; }).join("") });
    };
    var typed = function (text) { add(text, true); };
    // What agents type first: a word they type wins an initials tie (jl → 经理 before 记录).
    data.scenarios.concat(data.types).forEach(function (name) { name.split("/").forEach(typed); });
    Object.keys(data.synonyms || {}).forEach(typed);
    (data.situations || []).forEach(function (row) { row[0].forEach(typed); });
    (data.situations || []).forEach(function (row) { row[1].forEach(function (w) { add(w); }); });
    Object.keys(data.synonyms || {}).forEach(function (key) { data.synonyms[key].forEach(function (w) { add(w); }); });
    data.phrases.forEach(function (row) { row[6].forEach(function (w) { add(w); }); });

    this.words = words;
  };

  // Words a term stands for, each {word, weight}: itself; itself with each synonym key it contains swapped
  // for that key's words (客户发火了 → 客户生气了, so a long query stays as narrow as typed); library words
  // its pinyin or initials spell; library words inside it or sounding like it; and what the situations it
  // names lead to. Also returns those situations.
  Index.prototype.variants = function (term) {
    var out = [];
    var has = {};
    var add = function (word, weight) {
      if (!word) return;
      if (has[word] === undefined) { has[word] = out.length; out.push({ word: word, weight: weight }); }
      else if (out[has[word]].weight < weight) out[has[word]].weight = weight;
    };
    var synonyms = this.synonyms;
    var withSynonyms = function (word, weight) {
      add(word, weight);
      Object.keys(synonyms).forEach(function (key) {
        if (word.indexOf(key) < 0) return;
        synonyms[key].forEach(function (w) { add(word.split(key).join(w), weight * WEIGHT.synonym); });
      });
    };
    withSynonyms(term, WEIGHT.typed);
    var latin = isLatin(term);
    var sound = null;
    if (!latin) {
      var syllables = this.syllablesOf(term);
      sound = syllables && "|" + syllables.join("|") + "|";
    }
    var nearSound = sound && near(sound);
    var termLength = Array.from(term).length;
    var initialsOf = [];
    var soundsLike = [];
    var soundsNear = [];
    for (var i = 0; i < this.words.length; i++) {
      var w = this.words[i];
      if (w.word === term) continue;
      if (latin) {
        if (term.length < 2) continue;
        if (w.initials === term || w.pinyin === term || (term.length >= 4 && w.pinyin.indexOf(term) === 0)) {
          initialsOf.push(w);
        }
      } else if (Array.from(w.word).length < termLength && term.indexOf(w.word) >= 0) {
        withSynonyms(w.word, WEIGHT.inside);
      } else if (sound && termLength >= 2 && sound.indexOf(w.sound) >= 0) {
        soundsLike.push(w);
      } else if (sound && termLength >= 2 && nearSound.indexOf(w.nearSound) >= 0) {
        soundsNear.push(w);
      }
    }
    // Of the words a term's pinyin or initials spell, the common ones come first (tk: 退款 before 吞卡).
    var self = this;
    var counts = initialsOf.map(function (w) { return self.frequency(w.word); });
    var most = Math.max.apply(null, counts.concat([1]));
    // A word agents type beats any tag that happens to share its initials (ld: 领导, not 录单).
    var typedToo = initialsOf.some(function (w) { return w.typed; });
    initialsOf.forEach(function (w, n) {
      var weight = w.typed ? WEIGHT.wholeWord : typedToo ? WEIGHT.otherWord : WEIGHT.libraryWord;
      withSynonyms(w.word, weight * (0.94 + 0.06 * counts[n] / most));
    });
    var situations = this.situationsNamed(term, out, latin, termLength);
    // A typo is only assumed when what was typed means nothing as it is: otherwise 破口大骂 would also
    // be 大妈 (tones are not typed).
    if (!situations.length && out.length === 1 && !this.frequency(term)) {
      soundsLike.forEach(function (w) { withSynonyms(w.word, WEIGHT.soundsLike); });
      if (!soundsLike.length) soundsNear.forEach(function (w) { withSynonyms(w.word, WEIGHT.soundsNear); });
      situations = this.situationsNamed(term, out, latin, termLength);
    }
    if (!latin) this.thesaurusWords(term).forEach(function (word) { add(word, WEIGHT.thesaurus); });
    situations.forEach(function (situation) {
      situation.finds.forEach(function (word) { add(word, WEIGHT.situation); });
    });
    return { words: out, situations: situations };
  };

  // Library words the thesaurus gives for the term, or for its words of the thesaurus.
  Index.prototype.thesaurusWords = function (term) {
    var thesaurus = this.thesaurus;
    if (thesaurus[term]) return thesaurus[term];
    var out = [];
    Object.keys(thesaurus).forEach(function (key) {
      // Not through the words every sentence has (怎么 → 为什么): only through words about something.
      if (key.length < term.length && term.indexOf(key) >= 0 && FILLER_PIECES.indexOf(key) < 0) {
        out = out.concat(thesaurus[key]);
      }
    });
    return out;
  };

  // Situations named by the term or by a word it stands for, or whose customer sentences it repeats.
  Index.prototype.situationsNamed = function (term, variants, latin, termLength) {
    var words = variants.map(function (v) { return v.word; });
    var pieces = latin ? [] : piecesOf(term);
    return this.situations.filter(function (situation) {
      return situation.says.some(function (say) {
        return words.some(function (word) { return word.indexOf(say) >= 0; });
      }) || (!latin && termLength >= 3 && situation.sentences.some(function (sentence, n) {
        if (sentence.indexOf(term) >= 0) return true;
        var own = situation.pieces[n];
        var shared = own.filter(function (piece) { return pieces.indexOf(piece) >= 0; }).length;
        return own.length && shared / own.length >= SENTENCE_COVERAGE;
      }));
    });
  };

  // What a word is worth in a phrase, before weights: kept per word for the last WORDS_KEPT words, since
  // typing asks for the same words keystroke after keystroke (tuik, tuiku, tuikua all look for 退款).
  var WORDS_KEPT = 64;
  var KNOWN = 1;
  var PIECE_BONUS = 10;  // each further word of a long query a phrase holds (scoreTerm)
  var IN_WORDS = 2;  // in the text, tags or facet names
  var IN_NOTE = 4;

  // {flags, score, at} by phrase position, filled in for `p` if not yet: score 100 for a whole tag, 70 in a
  // tag, 65 in a facet name, 80 at the start of the text and less the later it comes; at: where in the text.
  Index.prototype.wordIn = function (p, word) {
    var kept = this.wordsKept || (this.wordsKept = new Map());
    var found = kept.get(word);
    if (!found) {
      if (kept.size >= WORDS_KEPT) kept.delete(kept.keys().next().value);  // the oldest
      var n = this.phrases.length;
      found = { flags: new Uint8Array(n), score: new Uint8Array(n), at: new Int32Array(n) };
      kept.set(word, found);
    }
    var i = p.position;
    if (found.flags[i] & KNOWN) return found;
    var flags = KNOWN;
    var s = 0;
    var at = -1;
    if (p.hay.indexOf(word) >= 0) {
      flags |= IN_WORDS;
      if (p.tagLine.indexOf(word) >= 0) {  // one look before the tags one by one
        for (var t = 0; t < p.tagsFolded.length; t++) {
          if (p.tagsFolded[t] === word) s = Math.max(s, 100);
          else if (p.tagsFolded[t].indexOf(word) >= 0) s = Math.max(s, 70);
        }
      }
      if (p.facetText.indexOf(word) >= 0) s = Math.max(s, 65);
      at = p.folded.indexOf(word);
      if (at === 0) s = Math.max(s, 80);
      else if (at > 0) s = Math.max(s, 55 - Math.min(at, 25));
    }
    if (p.noteFolded.indexOf(word) >= 0) flags |= IN_NOTE;
    found.flags[i] = flags;
    found.score[i] = s;
    found.at[i] = at;
    return found;
  };

  // Score of one phrase for one term (0: no match), and where to highlight.
  Index.prototype.scoreTerm = function (p, term, variants, latin) {
    var best = 0;
    var mark = null;
    var literalFloor = Infinity;  // the best score of the typed word itself, once known
    var pieces = [];  // words found inside a longer query that this phrase holds (老人 + 不会用手机)
    for (var v = 0; v < variants.length; v++) {
      var word = variants[v].word;
      var found = this.wordIn(p, word);
      // Most phrases match nothing: one look at all their words decides that.
      if (!(found.flags[p.position] & IN_WORDS) && (v > 0 || !(found.flags[p.position] & IN_NOTE))) continue;
      var weight = variants[v].weight;
      var s = found.score[p.position];
      var at = found.at[p.position];
      // Usage notes count only for the words typed, never their synonyms: too loose otherwise.
      if (!s && v === 0 && found.flags[p.position] & IN_NOTE) s = 15;
      if (s && weight === WEIGHT.typed) literalFloor = s;
      if (s && weight === WEIGHT.inside) pieces.push(word);
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
      if (ini && !score) score = ini.at === 0 ? INITIALS_SCORE.start : INITIALS_SCORE.inside;
      if (score) literalFloor = Math.min(literalFloor, score);
      if (score > best) mark = py ? { kind: "pinyin", at: py.offset, length: term.length }
        : ini ? { kind: "initials", at: ini.at, length: term.length } : mark;
      best = Math.max(best, score);
    }
    // A phrase holding more of the words a long query is made of says more of what was asked: each further
    // one, not part of another, adds a little (below what a second typed term would add).
    var further = pieces.filter(function (word) {
      return !pieces.some(function (other) { return other !== word && other.indexOf(word) >= 0; });
    }).length - 1;
    if (best && further > 0) best += PIECE_BONUS * further;
    // literal: found as typed (or its pinyin), not only through a word it stands for.
    return best ? { score: best, mark: mark, literal: best >= literalFloor } : null;
  };

  // What the situations a term names add to a phrase: its scenario or customer type counts as a match,
  // a favoured stage as a bonus. {score, bonus}.
  Index.prototype.situationScore = function (p, situations) {
    var score = 0;
    var bonus = 0;
    for (var i = 0; i < situations.length; i++) {
      var s = situations[i];
      var facet = s.scenarios.some(function (n) { return p.scenarios.indexOf(n) >= 0; }) ||
        s.types.some(function (n) { return p.types.indexOf(n) >= 0; });
      if (facet) score = SITUATION_FACET_SCORE;
      if (s.stages.indexOf(p.stage) >= 0) bonus = SITUATION_STAGE_BONUS;
    }
    return { score: score, bonus: bonus };
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
      var holding = this.holding(piece);
      for (var i = 0; i < holding.length; i++) if (this.phrases[holding[i]].hay.indexOf(piece) >= 0) count++;
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

  var piecesOf = function (term) {
    var chars = Array.from(term);
    var pieces = [];
    for (var i = 0; i + 1 < chars.length; i++) {
      var piece = chars[i] + chars[i + 1];
      if (pieces.indexOf(piece) < 0 && FILLER_PIECES.indexOf(piece) < 0) pieces.push(piece);
    }
    return pieces;
  };

  // options.channel: index of the agent's channel (电话, 柜台, 在线); its phrases come first, each part
  // in score order. The words the query was read as are returned too (tried), for an empty result.
  Index.prototype.search = function (query, options) {
    var channel = options && typeof options.channel === "number" ? options.channel : -1;
    var folder = this.folder;
    var self = this;
    // Placeholders in a pasted phrase ({称呼}) are not words to look for.
    var terms = query.trim().split(/\s+/).map(function (t) { return folder.plain(t, true); }).filter(Boolean);
    var prepared = terms.map(function (term) {
      var expanded = self.variants(term);
      var latin = isLatin(term);
      var fuzzy = !latin && Array.from(term).length >= 3;
      // Pieces only of what was typed and its synonyms: the wider words are whole words already.
      var close = expanded.words.filter(function (v) { return v.weight >= WEIGHT.synonym; });
      return { term: term, variants: expanded.words, situations: expanded.situations,
        latin: latin && term.length >= 2,
        pieces: fuzzy ? close.map(function (v) { return piecesOf(v.word); }) : null };
    });
    var hits = [];
    var found = new Uint8Array(this.phrases.length);
    var scored = prepared.length ? this.candidates(prepared) : this.phrases.map(function (p) { return p.position; });
    for (var i = 0; i < scored.length; i++) {
      var hit = this.scorePhrase(this.phrases[scored[i]], prepared, false);
      if (hit) { hits.push(hit); found[scored[i]] = 1; }
    }
    var approximate = false;
    if (hits.length < RESULT_LIMIT && prepared.some(function (t) { return t.pieces; })) {
      var others = this.pieceCandidates(prepared);
      for (var j = 0; j < others.length; j++) {
        if (found[others[j]]) continue;
        var near = this.scorePhrase(this.phrases[others[j]], prepared, true);
        if (near) { hits.push(near); approximate = true; }
      }
    }
    // The agent's channel first, then score, then library order; worked out once per hit, not per comparison.
    for (var h = 0; h < hits.length; h++) {
      hits[h].first = channel >= 0 && hits[h].phrase.channels.indexOf(channel) >= 0 ? 1 : 0;
    }
    hits.sort(function (a, b) {
      return b.first - a.first || b.score - a.score || a.phrase.position - b.phrase.position;
    });
    // Approximate: nothing holds every term as typed; what is listed was found through what they stand for.
    if (hits.length && !hits.some(function (h) { return h.literal; })) approximate = true;
    var tried = [];
    prepared.forEach(function (t) {
      t.variants.forEach(function (v) { if (tried.indexOf(v.word) < 0) tried.push(v.word); });
    });
    return { terms: terms, hits: hits, approximate: approximate, tried: tried };
  };

  // The terms a phrase matches, exactly or (second pass) approximately, add up: a phrase matching only
  // some of them still ranks, below those matching all.
  Index.prototype.scorePhrase = function (p, prepared, allowFuzzy) {
    if (!prepared.length) return { phrase: p, score: 0, marks: [], literal: true };
    var total = 0;
    var marks = [];
    var literal = true;
    for (var k = 0; k < prepared.length; k++) {
      var term = prepared[k];
      var result = this.scoreTerm(p, term.term, term.variants, term.latin);
      if (term.situations.length) {
        var situational = this.situationScore(p, term.situations);
        if (situational.score && (!result || result.score < situational.score)) {
          result = { score: situational.score, mark: result ? result.mark : null, literal: false };
        }
        if (result) result.score += situational.bonus;
      }
      if (!result && allowFuzzy && term.pieces) {
        var best = 0;
        for (var v = 0; v < term.pieces.length; v++) {
          best = Math.max(best, this.fuzzyScore(p, term.pieces[v]) * (v === 0 ? 1 : 0.85));
        }
        result = best ? { score: best, mark: { kind: "pieces", pieces: term.pieces[0] }, literal: false } : null;
      }
      if (!result) { literal = false; continue; }
      if (!result.literal) literal = false;
      total += result.score;
      if (result.mark) marks.push(result.mark);
    }
    return total ? { phrase: p, score: total, marks: marks, literal: literal } : null;
  };

  Index.prototype.tabooFor = function (query) {
    var q = this.folder.plain(query);
    if (!q) return [];
    return this.taboo.filter(function (entry) {
      return entry.patterns.some(function (pattern) {
        return q.indexOf(pattern) >= 0 || (q.length >= TABOO_PARTIAL_MIN && pattern.indexOf(q) >= 0);
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

  // Code-point ranges of the phrase's text to mark for the given matches ([start, end) pairs).
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

  // Fills the placeholders of a phrase with the values of this call: {text, missing: [names left empty]}.
  Index.prototype.fillPlaceholders = function (text, slots) {
    var missing = [];
    var filled = text.replace(this.folder.placeholder, function (whole, name) {
      if (slots[name]) return slots[name];
      if (missing.indexOf(name) < 0) missing.push(name);
      return whole;
    });
    return { text: filled, missing: missing };
  };

  var engine = { Index: Index, RESULT_LIMIT: RESULT_LIMIT, WEIGHT: WEIGHT };
  scope.mdxFinderEngine = engine;
  if (typeof module !== "undefined" && module.exports) module.exports = engine;
})(typeof window !== "undefined" ? window : globalThis);
