/*
 * quiz/types/reply.js: 情景应答 (reply): a written answer, graded by the rules the build writes into a script of
 * their own beside quiz.js (window.mdxReplyRules, from macros/question_types/reply_grading.py, which also holds the
 * Python twin of `grade` below: tests/test_reply_grading.py fails on any difference). Most pages never grade a
 * reply, so the rules (~290 KB with the sentence model) load only once the learner starts on a reply answer or
 * submits its quiz, and grading waits for them (`prepare`). The reply is cut into clauses and
 * each clause folded (text-fold.js); a key point (data-keypoints: phrasings, each a list of parts that must
 * follow each other closely) is met by a phrasing no negation governs; refusals, blame, over-promises,
 * favours, waived checks, commitments taken back, rude
 * words, taboo phrases (data-taboo) and a bare list of key words fail the reply, unless wholly inside
 * quotation marks (the customer's words, quoted); so does what the sentence model (rules.model, twin of
 * reply_model.py) reads with confidence in a sentence the rules left alone. The feedback quotes the
 * learner's own words. 我不同意 keeps the learner's objection in localStorage for a trainer (JSON export).
 */
(function () {
  "use strict";
  var quiz = window.mdxQuiz;
  var DISPUTES_KEY = "kesutong.reply-disputes.v1";

  /* ------------------------------------------------------------------ grading (twin of reply_grading.py) */

  var startsAny = function (text, at, words) {
    return words.some(function (word) { return text.substr(at, word.length) === word; });
  };

  // For each character: it stands between an opening quotation mark and its closing one (rules.quotes:
  // each pair, opening then closing), at most rules.quoteMax characters apart.
  var quotedOf = function (chars, rules) {
    var inside = chars.map(function () { return false; });
    var closing = Object.create(null);
    rules.quotes.forEach(function (pair) { closing[Array.from(pair)[0]] = Array.from(pair)[1]; });
    var at = 0;
    while (at < chars.length) {
      var close = closing[chars[at]];
      var end = -1;
      for (var j = at + 1; close !== undefined && j < Math.min(chars.length, at + rules.quoteMax + 2); j++) {
        if (chars[j] === close) { end = j; break; }
      }
      if (end < 0) { at += 1; continue; }
      for (var k = at + 1; k < end; k++) inside[k] = true;
      at = end + 1;
    }
    return inside;
  };

  // Clauses of `text`: folded text, and for each folded UTF-16 unit the code-point index it came from and
  // whether that character stands inside quotation marks.
  var clausesOf = function (text, folder, rules) {
    var breaks = Array.from(rules.clauseBreaks);
    var chars = Array.from(text);
    var quoted = quotedOf(chars, rules);
    var clauses = [];
    var start = 0;
    chars.concat([breaks[0]]).forEach(function (ch, i) {
      if (breaks.indexOf(ch) < 0) return;
      if (i > start) {
        var clause = { folded: "", origin: [], quoted: [], start: start, end: i, chars: chars };
        for (var k = start; k < i; k++) {
          folder.foldCharacter(chars[k]).forEach(function (out) {
            clause.folded += out;
            for (var u = 0; u < out.length; u++) {
              clause.origin.push(k);
              clause.quoted.push(quoted[k]);
            }
          });
        }
        // a slip of voice input and what it means are of the same length: positions still map back
        rules.slips.forEach(function (slip) { clause.folded = clause.folded.split(slip[0]).join(slip[1]); });
        if (clause.folded) clauses.push(clause);
      }
      start = i + 1;
    });
    return clauses;
  };

  // Every folded unit from `start` to `end` stands inside quotation marks.
  var allQuoted = function (quoted, start, end) {
    for (var i = start; i < end; i++) if (!quoted[i]) return false;
    return true;
  };

  var wordsOf = function (clause, start, end) {
    return clause.chars.slice(clause.origin[start], clause.origin[end - 1] + 1).join("");
  };

  // [start, end] of each place the parts occur in order, each at most `gap` after the one before.
  var hits = function (parts, folded, gap) {
    var spans = [];
    var start = parts.length ? folded.indexOf(parts[0]) : -1;
    while (start >= 0) {
      var end = start + parts[0].length;
      for (var p = 1; p < parts.length && end >= 0; p++) {
        var found = folded.indexOf(parts[p], end);
        end = found >= 0 && found <= end + gap ? found + parts[p].length : -1;
      }
      if (end >= 0) spans.push([start, end]);
      start = folded.indexOf(parts[0], start + 1);
    }
    return spans;
  };

  // A negation cue starts at `at`: not a word that only looks like one (不好意思), nor the middle of a
  // question that offers both answers (行不行, 有没有, 方便不方便), nor the end of a question (满意不).
  var isNegation = function (folded, at, rules) {
    var cue = null;
    rules.negations.some(function (word) {
      if (folded.substr(at, word.length) === word) cue = word;
      return cue !== null;
    });
    var inWord = rules.notNegations.some(function (word) { return covers(folded, at, word); });
    if (cue === null || inWord || rules.askingEnds.indexOf(folded.substring(at)) >= 0) return false;
    return !asksBoth(folded, at, rules);
  };

  // The negation cue at `at` is the middle of a question that offers both answers: 能不能退, 行不行.
  var asksBoth = function (folded, at, rules) {
    var cue = null;
    rules.askingCues.some(function (word) {
      if (folded.substr(at, word.length) === word) cue = word;
      return cue !== null;
    });
    if (cue === null) return false;
    var after = at + cue.length;
    return [1, 2].some(function (size) {
      return at >= size && folded.substr(at - size, size) === folded.substr(after, size);
    });
  };

  // `word` occurs in `folded` over position `at`.
  var covers = function (folded, at, word) {
    for (var offset = 0; offset <= Math.min(at, word.length - 1); offset++) {
      if (folded.substr(at - offset, word.length) === word) return true;
    }
    return false;
  };

  // A word paired with the fault phrasing `parts` is in `before` (what precedes it in its clause, and the
  // clause before when it opens its own): no fault.
  var excused = function (before, parts, rules) {
    var key = parts.join("…");
    return rules.excuses.some(function (excuse) {
      return excuse[0].some(function (phrasing) { return phrasing.join("…") === key; }) &&
        excuse[1].some(function (word) { return before.indexOf(word) >= 0; });
    });
  };

  // What follows `before` in its clause repeats the customer's words.
  var reported = function (before, previous, rules) {
    return rules.reported.some(function (word) {
      return before.indexOf(word) >= 0 ||
        (previous.length >= word.length && previous.substring(previous.length - word.length) === word);
    });
  };

  // What the agent does instead comes after a refusal: later in its clause (`after`) or opening the next
  // (any of the agent's own acts will do in its clause: 办不了的我把原因写清楚给您).
  var restored = function (after, following, rules) {
    return rules.restorers.some(function (parts) {
      return hits(parts, after, rules.restorerGap).length > 0 ||
        hits(parts, following, rules.restorerGap).some(function (span) { return span[0] === 0; });
    }) || rules.laterRestorers.some(function (parts) { return hits(parts, after, rules.restorerGap).length > 0; });
  };

  // The agent says what they will do in some later clause (after an honest limit).
  var restoredLater = function (later, rules) {
    return later.some(function (clause) {
      return rules.laterRestorers.some(function (parts) { return hits(parts, clause, rules.restorerGap).length > 0; });
    });
  };

  var isLimit = function (parts, rules) {
    var key = parts.join("…");
    return rules.limits.some(function (limit) { return limit.join("…") === key; });
  };

  var FAULT = "fault";
  var LIMIT = "limit";
  var CLEARED = "cleared";

  // One of the fault phrasings `patterns` of `kind` is in `folded` and is meant: not excused, not the
  // customer's words repeated, not taken back by a negation (for the kinds a negation can take back), not
  // followed by what the agent does instead (for the kinds that can be restored; `following` is the next
  // clause; `later` every clause after it, for the limits). With `crossing`, only a phrasing that spans that
  // position counts (it joins two clauses). `quoted` marks the folded units inside quotation marks: a
  // phrasing wholly among them is quoted. FAULT, LIMIT (an honest limit restored later: no fault, but what
  // its clause says is not done, so it meets no key point), CLEARED (a phrasing found, none of it meant) or "".
  var faultIn = function (kind, patterns, folded, previous, crossing, rules, following, quoted, later) {
    var limit = false;
    var cleared = false;
    var fault = patterns.some(function (parts) {
      return hits(parts, folded, rules.gap).some(function (span) {
        var start = span[0];
        if (crossing && !(start < crossing && crossing < span[1])) return false;
        cleared = true;  // unless it is meant, after all that follows
        // a phrasing asked both ways claims nothing: 行不行, 以后能不能回本, 保本不保本
        for (var asked = Math.max(0, start - 2); asked <= start; asked++) {
          if (asksBoth(folded, asked, rules)) return false;
        }
        if (asksBoth(folded, span[1], rules)) return false;
        if (quoted && quoted.length && allQuoted(quoted, start, span[1])) return false;
        var before = folded.substring(0, start);
        if (excused((start <= rules.excuseReach ? previous : "") + before, parts, rules)) return false;
        if (rules.reportedKinds.indexOf(kind) >= 0 && reported(before, previous, rules)) return false;
        if (rules.conditionalKinds.indexOf(kind) >= 0) {
          var context = (start <= rules.excuseReach ? previous : "") + before;
          if (rules.conditions.some(function (word) { return context.indexOf(word) >= 0; })) return false;
        }
        if (rules.negatableKinds.indexOf(kind) >= 0) {
          for (var at = Math.max(0, start - rules.negationWindow); at < start; at++) {
            if (isNegation(folded, at, rules)) return false;
          }
          // 保证不了能免: the certainty itself is denied
          if (startsAny(folded, start + parts[0].length, rules.negationsAfter)) return false;
          // 礼品我们这里不能送的: what follows in its clause denies it (not 没有问题)
          var behind = folded.substring(span[1], span[1] + rules.windowBehind).split("没有问题").join("");
          if (rules.negationsBehind.some(function (word) { return behind.indexOf(word) >= 0; })) return false;
        }
        if (rules.restoredKinds.indexOf(kind) >= 0 && restored(folded.substring(span[1]), following || "", rules)) {
          return false;
        }
        if (rules.restoredKinds.indexOf(kind) >= 0 && isLimit(parts, rules) && restoredLater(later || [], rules)) {
          limit = true;
          return false;
        }
        return true;
      });
    });
    return fault ? FAULT : (limit ? LIMIT : (cleared ? CLEARED : ""));
  };

  // Each certainty word with each outcome, in either order: 肯定…退给, 到…卡上…保证; only the words in the
  // reply's folded `text` are paired (thousands of pairs, of which a reply holds a few).
  var certainOutcomes = function (rules, text) {
    var present = function (parts) {
      return parts.every(function (part) { return text.indexOf(part) >= 0; });
    };
    var pairs = [];
    rules.certainOutcomes.certainties.filter(present).forEach(function (certainty) {
      rules.certainOutcomes.outcomes.filter(present).forEach(function (outcome) {
        pairs.push(certainty.concat(outcome), outcome.concat(certainty));
      });
    });
    return pairs;
  };

  // [from, to] of the words that take folded[start..end] back, or null.
  var negationOf = function (folded, start, end, rules) {
    for (var at = Math.max(0, start - rules.window); at < start; at++) {
      if (isNegation(folded, at, rules)) return [at, end];
    }
    var asks = rules.questionWords.some(function (word) {
      return end >= word.length && folded.substring(end - word.length, end) === word;
    });
    if (asks) return null;
    if (startsAny(folded, end, rules.negationsAfter)) return [start, Math.min(folded.length, end + 2)];
    var cueAt = end < folded.length && rules.bridges.indexOf(folded.charAt(end)) >= 0 ? end + 1 : end;
    if (isNegation(folded, cueAt, rules)) return [start, Math.min(folded.length, cueAt + 2)];
    return null;
  };

  /* ------------------------------------------- the sentence model (twin of reply_model.py and its use) */

  // Every run of model.sizes characters (code points) of the folded sentence, its start and end marked, once.
  var gramsOf = function (folded, sizes) {
    var marked = Array.from("^" + folded + "$");
    var seen = Object.create(null);
    sizes.forEach(function (size) {
      for (var at = 0; at + size <= marked.length; at++) seen[marked.slice(at, at + size).join("")] = true;
    });
    return Object.keys(seen);
  };

  // The fault kind the model reads in one folded sentence, or null when it is not confident of any. Integer
  // weights: the same sums as in Python, whatever the order.
  var suspectedKind = function (folded, model) {
    var found = gramsOf(folded, model.sizes);
    var total = model.bias;
    found.forEach(function (gram) { total += model.weights[gram] || 0; });
    if (total <= model.threshold * Math.sqrt(found.length)) return null;
    var scores = model.familyBias.slice();
    found.forEach(function (gram) {
      (model.familyWeights[gram] || []).forEach(function (weight, at) { scores[at] += weight; });
    });
    return model.families[scores.indexOf(Math.max.apply(null, scores))];
  };

  // The clauses of each sentence, by index: up to one that a sentence break (or the end) closes.
  var sentencesOf = function (clauses, rules) {
    var sentences = [];
    var current = [];
    clauses.forEach(function (clause, c) {
      current.push(c);
      var closing = clause.end < clause.chars.length ? clause.chars[clause.end] : "";
      if (!closing || rules.sentenceBreaks.indexOf(closing) >= 0) {
        sentences.push(current);
        current = [];
      }
    });
    if (current.length) sentences.push(current);
    return sentences;
  };

  // What the model reads in the sentences the rules left alone (none of their clauses faulty, limited or
  // cleared by a rule; none holding a fault already quoted): a fault of the kind it names, marked as the model's.
  var modelFaults = function (clauses, faulty, cleared, faults, rules) {
    var model = rules.model;
    if (!model) return [];
    var found = [];
    sentencesOf(clauses, rules).forEach(function (sentence) {
      if (sentence.some(function (c) { return faulty[c] || cleared[c]; })) return;
      var first = clauses[sentence[0]];
      var last = clauses[sentence[sentence.length - 1]];
      var words = first.chars.slice(first.start, last.end).join("").trim();
      if (faults.some(function (fault) {
        return fault.words && (words.indexOf(fault.words) >= 0 || fault.words.indexOf(words) >= 0);
      })) return;
      var folded = "";
      sentence.forEach(function (c) {
        var clause = clauses[c];
        for (var i = 0; i < clause.folded.length; i++) if (!clause.quoted[i]) folded += clause.folded.charAt(i);
      });
      var kind = folded ? suspectedKind(folded, model) : null;
      if (kind) found.push({ kind: kind, words: words, by: "model" });
    });
    return found;
  };

  var grade = function (text, keypoints, taboo, rules, folder, avoid) {
    var clauses = clausesOf(text, folder, rules);
    var faults = [];
    // clauses that refuse, blame, over-promise, or name a limit: they meet no key point
    var faulty = Object.create(null);
    // clauses with a fault phrasing the rules judged not meant: the sentence model defers to them
    var cleared = Object.create(null);
    var folded = clauses.map(function (clause) { return clause.folded; });
    var laterOf = function (from) { return folded.slice(from); };
    rules.faults.concat([["avoid", avoid || []]]).forEach(function (rule) {
      var kind = rule[0];
      var patterns = kind === rules.certainOutcomes.kind ?
        rule[1].concat(certainOutcomes(rules, folded.join(""))) :
        rule[1];
      var found = Object.create(null);
      clauses.forEach(function (clause, c) {
        var previous = c ? clauses[c - 1].folded : "";
        var following = c + 1 < clauses.length ? clauses[c + 1].folded : "";
        var finding = faultIn(kind, patterns, clause.folded, previous, 0, rules, following, clause.quoted,
                              laterOf(c + 1));
        if (finding === FAULT) {
          faults.push({ kind: kind, words: clause.chars.slice(clause.start, clause.end).join("").trim() });
          found[c] = true;
        } else if (finding === LIMIT) {
          faulty[c] = true;
        } else if (finding === CLEARED) {
          cleared[c] = true;
        }
      });
      if (rules.pairedKinds.indexOf(kind) >= 0) {
        for (var c = 1; c < clauses.length; c++) {
          var first = clauses[c - 1];
          var second = clauses[c];
          if (found[c] || found[c - 1] ||
              Math.min(first.folded.length, second.folded.length) > rules.pairClause) continue;
          var previous = c > 1 ? clauses[c - 2].folded : "";
          var following = c + 1 < clauses.length ? clauses[c + 1].folded : "";
          if (faultIn(kind, patterns, first.folded + second.folded, previous, first.folded.length, rules, following,
                      first.quoted.concat(second.quoted), laterOf(c + 1)) === FAULT) {
            faults.push({ kind: kind, words: first.chars.slice(first.start, second.end).join("").trim() });
            found[c - 1] = found[c] = true;
          }
        }
      }
      Object.keys(found).forEach(function (c) { faulty[c] = true; });
    });
    var covered = clauses.map(function () { return Object.create(null); });
    var points = keypoints.map(function (point) {
      var met = null;
      var negated = null;
      point.any.forEach(function (parts) {
        clauses.forEach(function (clause, c) {
          parts.forEach(function (part) {
            hits([part], clause.folded, 0).forEach(function (span) {
              for (var i = span[0]; i < span[1]; i++) covered[c][i] = true;
            });
          });
          hits(parts, clause.folded, rules.gap).forEach(function (span) {
            var negation = faulty[c] ? [0, clause.folded.length] : negationOf(clause.folded, span[0], span[1], rules);
            if (!negation && met === null) met = wordsOf(clause, span[0], span[1]);
            else if (negation && negated === null) negated = wordsOf(clause, negation[0], negation[1]);
          });
        });
      });
      if (met !== null) return { label: point.label, met: true, words: met };
      if (negated !== null) return { label: point.label, met: false, reason: "negated", words: negated };
      return { label: point.label, met: false, reason: "missing", words: "" };
    });
    var whole = "";
    var origin = [];
    var quotedWhole = [];
    var place = [];  // [clause, index in its folded text] of each unit of `whole`
    clauses.forEach(function (clause, c) {
      whole += clause.folded;
      origin = origin.concat(clause.origin);
      quotedWhole = quotedWhole.concat(clause.quoted);
      for (var i = 0; i < clause.folded.length; i++) place.push([c, i]);
    });
    var repeated = function (at) {
      var c = place[at][0];
      return reported(clauses[c].folded.substring(0, place[at][1]), c ? clauses[c - 1].folded : "", rules);
    };
    var chars = clauses.length ? clauses[0].chars : [];
    taboo.forEach(function (entry) {
      var first = null;
      entry[2].forEach(function (pattern) {
        if (!pattern) return;
        hits([pattern], whole, 0).forEach(function (span) {
          if (repeated(span[0]) || allQuoted(quotedWhole, span[0], span[1])) return;
          if (!first || span[0] < first[0] || (span[0] === first[0] && span[1] < first[1])) first = span;
        });
      });
      if (first) {
        faults.push({ kind: "taboo", words: chars.slice(origin[first[0]], origin[first[1] - 1] + 1).join(""),
                      taboo: entry[0] });
      }
    });
    modelFaults(clauses, faulty, cleared, faults, rules).forEach(function (fault) { faults.push(fault); });
    var coveredCount = covered.reduce(function (sum, set) { return sum + Object.keys(set).length; }, 0);
    var short = clauses.filter(function (clause) { return clause.folded.length <= rules.listClause; }).length;
    var bare = clauses.filter(function (clause, c) {
      var size = clause.folded.length;
      return size > 0 && size <= rules.bareWord && Object.keys(covered[c]).length === size;
    }).length;
    var listed = short >= 3 && coveredCount >= rules.listCovered * whole.length &&
      (short === clauses.length || (short >= rules.listShare * clauses.length && bare >= rules.listBare));
    if (whole.length && (coveredCount >= rules.stuffing * whole.length || listed)) {
      faults.push({ kind: "stuffed", words: "" });
    }
    var correct = points.every(function (p) { return p.met; }) && !faults.length;
    return { correct: correct, points: points, faults: faults };
  };

  window.mdxReplyGrading = { grade: grade };

  /* ------------------------------------------------------------------ the rules, loaded on first need */

  // Beside quiz.js (hooks/quiz_bundle.py names the file): resolved now, while quiz.js is the running script.
  var rulesSrc = (function () {
    var here = document.currentScript && document.currentScript.src;
    return here && window.mdxReplyRulesFile ? new URL(window.mdxReplyRulesFile, here).href : "";
  })();
  var loadingRules = null;

  // A promise of the rules. A <script> rather than fetch(): the offline copy opened from file:// refuses fetch()
  // of a file. A failed load is forgotten, so the next submission tries again.
  var loadRules = function () {
    if (window.mdxReplyRules) return Promise.resolve(window.mdxReplyRules);
    if (!loadingRules) {
      loadingRules = new Promise(function (resolve, reject) {
        var fail = function (why) {
          loadingRules = null;
          reject(new Error("mdx quiz: the reply grader's rules " + why));
        };
        if (!rulesSrc) { fail("have no address (quiz.js names none)"); return; }
        var script = document.createElement("script");
        script.src = rulesSrc;
        script.onload = function () {
          if (window.mdxReplyRules) resolve(window.mdxReplyRules);
          else { script.remove(); fail("are not in " + rulesSrc); }
        };
        script.onerror = function () { script.remove(); fail("could not be loaded from " + rulesSrc); };
        document.head.appendChild(script);
      });
    }
    return loadingRules;
  };

  // The learner shows intent: starts on a reply answer, or reaches for 提交 of a quiz with one answered (a
  // draft brought back). The download then overlaps the writing, and grading seldom waits. On the document,
  // which instant navigation keeps: once is enough for every page.
  var REPLY_BOX = ".mdx-quiz__reply";
  var written = function (root) {
    return Array.prototype.some.call(root.querySelectorAll(REPLY_BOX), function (box) { return !!box.value.trim(); });
  };
  var intent = function (event) {
    var target = event.target;
    if (window.mdxReplyRules || !target || !target.closest) return;
    var submit = target.closest('[data-quiz-action="submit"]');
    var root = submit && submit.closest(".mdx-quiz");
    if (target.closest(REPLY_BOX) || (root && written(root))) {
      loadRules().then(null, function () { /* told on submission, where it matters */ });
    }
  };
  document.addEventListener("focusin", intent);
  document.addEventListener("pointerdown", intent);

  /* ------------------------------------------------------------------ the question type */

  var box = function (q) { return q.el.querySelector(".mdx-quiz__reply"); };

  // What grading needs, read once from the question and its quiz.
  var rules = function (q) {
    if (!q.replyRules) {
      var root = q.el.closest(".mdx-quiz");
      q.replyRules = {
        keypoints: JSON.parse(q.el.getAttribute("data-keypoints") || "[]"),
        folder: new window.MdxFolder(root.getAttribute("data-t2s") || ""),
        taboo: JSON.parse(root.getAttribute("data-taboo") || "[]"),
        avoid: JSON.parse(q.el.getAttribute("data-avoid") || "[]"),
        quizId: root.getAttribute("data-quiz-id") || ""
      };
    }
    return q.replyRules;
  };

  // A blank reply meets no key point and says nothing wrong (as `grade` finds): no rules needed for it.
  var blank = function (q) { return !box(q).value.trim(); };

  var review = function (q) {
    var grading = rules(q);
    if (blank(q)) {
      return { correct: false, faults: [], points: grading.keypoints.map(function (point) {
        return { label: point.label, met: false, reason: "missing", words: "" };
      }) };
    }
    return grade(box(q).value, grading.keypoints, grading.taboo, window.mdxReplyRules, grading.folder, grading.avoid);
  };

  var FAULT_TEXT = {
    refused: "✘ 推托或拒绝了客户：",
    blamed: "✘ 把责任推给了客户：",
    "over-promise": "✘ 许诺了做不到的事：",
    favour: "✘ 当场许了规定之外的补偿或通融（要按规定、经授权）：",
    waived: "✘ 省掉了必须做的核对：",
    "taken-back": "✘ 刚许下的事又收回了：",
    rude: "✘ 语气伤人：",
    avoid: "✘ 本题要避免这样说：",
    taboo: "✘ 用了禁忌用语："
  };

  // A list item: a lead text, then the learner's own words, marked.
  var item = function (className, lead, words, tail) {
    var li = quiz.make("li", className, lead);
    if (words) {
      li.appendChild(document.createTextNode("“"));
      li.appendChild(quiz.make("mark", "mdx-quiz__words", words));
      li.appendChild(document.createTextNode("”"));
    }
    if (tail) li.appendChild(document.createTextNode(tail));
    return li;
  };

  /* ------------------------------------------------------------------ 我不同意: kept for a trainer */

  var memory = [];  // when localStorage is blocked, objections live as long as the page
  var store = (function () {
    try {
      var probe = DISPUTES_KEY + ".probe";
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (e) {
      return null;
    }
  })();

  var readDisputes = function () {
    if (!store) return memory;
    try {
      var list = JSON.parse(store.getItem(DISPUTES_KEY) || "[]");
      return Array.isArray(list) ? list : [];
    } catch (e) {
      return [];
    }
  };

  var writeDisputes = function (list) {
    if (!store) { memory = list; return; }
    try { store.setItem(DISPUTES_KEY, JSON.stringify(list)); } catch (e) { memory = list; }
  };

  var disputeId = function (q) { return rules(q).quizId + "/" + q.id; };

  var exportDisputes = function () {
    var blob = new Blob([JSON.stringify(readDisputes(), null, 2)], { type: "application/json" });
    var link = quiz.make("a");
    link.href = URL.createObjectURL(blob);
    link.download = "kesutong-reply-disputes.json";
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 0);
  };

  var disputePanel = function (q, verdict) {
    var panel = quiz.make("div", "mdx-quiz__dispute");
    var button = quiz.make("button", "md-button mdx-quiz__disagree", "我不同意");
    button.type = "button";
    button.setAttribute("aria-pressed", "false");
    var compare = quiz.make("div", "mdx-quiz__compare");
    compare.hidden = true;
    var mine = quiz.make("div", "mdx-quiz__compare-side");
    mine.appendChild(quiz.make("p", "mdx-quiz__compare-title", "你的回答"));
    mine.appendChild(quiz.make("p", "", box(q).value));
    var model = quiz.make("div", "mdx-quiz__compare-side");
    model.appendChild(quiz.make("p", "mdx-quiz__compare-title", "参考回答"));
    model.appendChild(quiz.make("p", "", q.el.getAttribute("data-model-answer") || ""));
    compare.appendChild(mine);
    compare.appendChild(model);
    var note = quiz.make("p", "mdx-quiz__dispute-note",
      store ? "你的异议已保存在本浏览器，可导出给培训老师。" : "本浏览器不能保存数据：异议只保留到离开本页，请现在导出。");
    var exporter = quiz.make("button", "md-button mdx-quiz__export", "导出我的异议（JSON）");
    exporter.type = "button";
    exporter.addEventListener("click", exportDisputes);
    compare.appendChild(note);
    compare.appendChild(exporter);
    var already = readDisputes().some(function (d) { return d.question === disputeId(q) && d.answer === box(q).value; });
    var show = function (on) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = on ? "已标记：我不同意（再按撤销）" : "我不同意";
      compare.hidden = !on;
    };
    show(already);
    button.addEventListener("click", function () {
      var list = readDisputes().filter(function (d) {
        return !(d.question === disputeId(q) && d.answer === box(q).value);
      });
      var on = button.getAttribute("aria-pressed") !== "true";
      if (on) {
        list.push({ question: disputeId(q), page: location.pathname, answer: box(q).value,
                    graded: verdict.correct ? "correct" : "wrong", modelAnswer: q.el.getAttribute("data-model-answer") || "",
                    at: new Date().toISOString() });
      }
      writeDisputes(list);
      show(on);
    });
    panel.appendChild(button);
    panel.appendChild(compare);
    return panel;
  };

  var clear = function (q) {
    quiz.all(q.el, ".mdx-quiz__points, .mdx-quiz__dispute").forEach(function (el) { el.parentNode.removeChild(el); });
  };

  window.mdxQuizTypes.reply = {
    arrange: function () {},
    answered: function (q) { return !!box(q).value.trim(); },
    given: function (q) { return box(q).value.trim() || "未作答"; },
    draft: function (q) { return box(q).value ? box(q).value : null; },
    restore: function (q, value) { if (typeof value === "string") box(q).value = value; },
    // Nothing to wait for once the rules are here; else they load, and a failure says why on the question
    prepare: function (q) {
      if (window.mdxReplyRules || blank(q)) return null;
      return loadRules().then(null, function (error) {
        console.error(error);
        throw new Error("评分规则没有加载成功：网络断了，或离线包少了文件。");
      });
    },
    isCorrect: function (q) { return review(q).correct; },
    lock: function (q, locked) { box(q).readOnly = locked; },
    verdictShowsAnswer: false,  // the list of key points below says more
    showResult: function (q) {
      clear(q);
      var verdict = review(q);
      var points = quiz.make("ul", "mdx-quiz__points");
      verdict.points.forEach(function (point) {
        if (point.met) {
          points.appendChild(item("mdx-quiz__point--met", "✔ 做到了：" + point.label + " —— 你说的", point.words));
        } else if (point.reason === "negated") {
          points.appendChild(item("mdx-quiz__point--missed", "✘ 说了又否定：" + point.label + " —— ", point.words,
            "把这一点收回了"));
        } else {
          points.appendChild(item("mdx-quiz__point--missed", "✘ 还缺：" + point.label));
        }
      });
      verdict.faults.forEach(function (fault) {
        if (fault.kind === "stuffed") {
          points.appendChild(item("mdx-quiz__point--taboo", "✘ 像在罗列关键词，不是对客户说的话：请写成完整的句子"));
        } else {
          // the sentence model's reading is of the whole sentence, and may be wrong: say so, and where to object
          points.appendChild(item("mdx-quiz__point--taboo", FAULT_TEXT[fault.kind] || "✘ ", fault.words,
            fault.by === "model" ? "（按整句的意思判断，不是对上了某个固定说法；觉得判错了，可以点“我不同意”）" : ""));
        }
      });
      q.details.parentNode.insertBefore(points, q.details);
      q.details.parentNode.insertBefore(disputePanel(q, verdict), q.details);
    },
    reset: function (q) {
      clear(q);
      box(q).value = "";
    },
    slide: function () { return null; }  // the stem (and its dialogue) is the whole question
  };
})();
