/*
 * Comparable form of Chinese text, shared by 通话速查 and the 情景应答题 grader: NFKC (full-width →
 * half-width), lower case, Traditional → Simplified through a character map made at build time, no
 * spaces or punctuation. Mirrors macros/normalize.py:fold_for_browser, which prepares the other side.
 */
(function () {
  "use strict";
  var SEPARATOR = /[\p{P}\p{S}\p{Z}\p{C}]/u;

  // pairs: "繁简繁简…" as written by the build.
  function Folder(pairs) {
    this.t2s = {};
    this.memo = Object.create(null);  // character → what it folds to (the finder folds its whole library at once)
    var chars = Array.from(pairs || "");
    for (var i = 0; i + 1 < chars.length; i += 2) this.t2s[chars[i]] = chars[i + 1];
  }

  // {text, map}: map[i] is the code-point index in the original of folded character i.
  Folder.prototype.fold = function (text, skipPlaceholders) {
    var chars = Array.from(text);
    var out = [];
    var map = [];
    var inPlaceholder = false;
    for (var i = 0; i < chars.length; i++) {
      var raw = chars[i];
      if (skipPlaceholders) {
        if (raw === "{") { inPlaceholder = true; continue; }
        if (inPlaceholder) { if (raw === "}") inPlaceholder = false; continue; }
      }
      var folded = this.memo[raw];
      if (folded === undefined) {
        folded = [];
        var normal = raw.normalize("NFKC").toLowerCase();
        for (var j = 0; j < normal.length; j++) {
          var ch = this.t2s[normal[j]] || normal[j];
          if (!SEPARATOR.test(ch)) folded.push(ch);
        }
        this.memo[raw] = folded;
      }
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

  window.MdxFolder = Folder;
})();
