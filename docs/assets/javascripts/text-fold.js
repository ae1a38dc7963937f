/*
 * The build's contract with the browser, and the one way text is compared here.
 *
 * window.mdxContract(): the JSON block the build writes into every page (macros/contract.py): id separator,
 * code alphabet, folding and placeholder rules. window.MdxFolder: the comparable form of Chinese text,
 * shared by 通话速查 and the quiz grader, following the rules of macros/normalize.py (NFKC, lower case,
 * Traditional → Simplified through the pairs a page is given, 您 → 你, 俺 → 我 …, no punctuation or spaces,
 * optionally no {占位符}). tests/test_contract.py runs this file and the Python side over the whole bank
 * and phrase library and fails on any difference.
 */
(function (root) {
  "use strict";

  var contract = null;
  var readContract = function () {
    if (contract) return contract;
    var block = root.document && root.document.getElementById("__mdx_contract");
    if (!block) throw new Error("客诉通: the page has no #__mdx_contract block (overrides/main.html writes it)");
    contract = JSON.parse(block.textContent);
    return contract;
  };

  var pairsToMap = function (pairs, map) {
    var chars = Array.from(pairs || "");
    for (var i = 0; i + 1 < chars.length; i += 2) map[chars[i]] = chars[i + 1];
    return map;
  };

  // pairs: "繁简繁简…" as written by the build; rules: the contract's "text" part (read from the page
  // when not given, so that the engine can also run outside a page).
  function Folder(pairs, rules) {
    rules = rules || readContract().text;
    this.t2s = pairsToMap(pairs, Object.create(null));
    this.equivalent = pairsToMap(rules.equivalents, Object.create(null));
    this.ignored = new RegExp("[" + rules.ignoredCategories.map(function (c) { return "\\p{" + c + "}"; }).join("") + "]", "u");
    this.placeholder = new RegExp(rules.placeholder, "gu");
    this.memo = Object.create(null);  // character → what it folds to (the finder folds its whole library at once)
  }

  // Code-point positions of the characters inside {占位符}.
  Folder.prototype.placeholderPositions = function (text) {
    var inside = Object.create(null);
    var match;
    this.placeholder.lastIndex = 0;
    while ((match = this.placeholder.exec(text)) !== null) {
      var start = Array.from(text.slice(0, match.index)).length;
      var length = Array.from(match[0]).length;
      for (var i = start; i < start + length; i++) inside[i] = true;
    }
    return inside;
  };

  // Names of the {占位符} in `text`, in order.
  Folder.prototype.placeholders = function (text) {
    var names = [];
    var match;
    this.placeholder.lastIndex = 0;
    while ((match = this.placeholder.exec(text)) !== null) names.push(match[1]);
    return names;
  };

  Folder.prototype.foldCharacter = function (raw) {
    var folded = this.memo[raw];
    if (folded !== undefined) return folded;
    folded = [];
    var normal = Array.from(raw.normalize("NFKC").toLowerCase());
    for (var j = 0; j < normal.length; j++) {
      var ch = this.t2s[normal[j]] || normal[j];
      ch = this.equivalent[ch] || ch;
      if (!this.ignored.test(ch)) folded.push(ch);
    }
    this.memo[raw] = folded;
    return folded;
  };

  // {text, map}: map[i] is the code-point index in the original of folded character i.
  Folder.prototype.fold = function (text, skipPlaceholders) {
    var chars = Array.from(text);
    var skipped = skipPlaceholders ? this.placeholderPositions(text) : null;
    var out = [];
    var map = [];
    for (var i = 0; i < chars.length; i++) {
      if (skipped && skipped[i]) continue;
      var folded = this.foldCharacter(chars[i]);
      for (var k = 0; k < folded.length; k++) {
        out.push(folded[k]);
        map.push(i);
      }
    }
    return { text: out.join(""), map: map };
  };

  Folder.prototype.plain = function (text, skipPlaceholders) {
    return this.fold(text, skipPlaceholders).text;
  };

  // Ids of the taboo entries [id, [folded patterns]] whose patterns occur in `text`, in the entries' order.
  Folder.prototype.tabooHits = function (text, taboo) {
    var folded = this.plain(text, false);
    return taboo.filter(function (entry) {
      return entry[1].some(function (pattern) { return pattern && folded.indexOf(pattern) >= 0; });
    }).map(function (entry) { return entry[0]; });
  };

  root.MdxFolder = Folder;
  root.mdxContract = readContract;
  if (typeof module !== "undefined" && module.exports) module.exports = { Folder: Folder };
})(typeof window !== "undefined" ? window : this);
