/*
 * quiz/types/match.js: 配对 (match): a table whose first column holds fixed row labels; every other
 * column has one <select> per row. Row r is right when each of its selects has the value String(r)
 * (the rows are written in the right pairing; the options carry letters in a scrambled order).
 *
 * The options keep the server's order, with or without a paper code: their letters ("A. ", "B. ") are
 * part of the option text and of the printed letter bank, so a reshuffle would have to re-letter both
 * in step, for nothing: the server's order is already scrambled (never the answer) and the same on
 * every device, which is all a paper code asks for.
 */
(function () {
  "use strict";
  var quiz = window.mdxQuiz;

  var rows = function (q) { return quiz.all(q.el, ".mdx-quiz__match-row"); };
  var selects = function (row) { return quiz.all(row, ".mdx-quiz__match-select"); };
  var rowLabel = function (row) { return quiz.textOf(row.querySelector("th")); };
  var chosenText = function (select) {
    return select.value ? quiz.textOf(select.options[select.selectedIndex]) : "未选";
  };
  var rightOption = function (select, row) {
    return quiz.all(select, "option").filter(function (option) {
      return option.value === row.getAttribute("data-row");
    })[0];
  };
  var isRight = function (select, row) { return select.value === row.getAttribute("data-row"); };
  var rowIsRight = function (row) {
    return selects(row).every(function (select) { return isRight(select, row); });
  };
  var headings = function (el) { return quiz.all(el, ".mdx-quiz__match thead th").map(quiz.textOf); };

  window.mdxQuizTypes.match = {
    // The column's heading before each select, shown where the table stacks on a narrow screen (the
    // select's own aria-label already names row and column for screen readers).
    arrange: function (q) {
      var names = headings(q.el);
      rows(q).forEach(function (row) {
        selects(row).forEach(function (select) {
          var before = select.previousElementSibling;
          if (before && before.classList.contains("mdx-quiz__match-label")) return;
          var label = quiz.make("span", "mdx-quiz__match-label", names[select.getAttribute("data-column")] || "");
          label.setAttribute("aria-hidden", "true");
          select.parentNode.insertBefore(label, select);
        });
      });
    },
    answered: function (q) {
      return rows(q).every(function (row) { return selects(row).every(function (select) { return !!select.value; }); });
    },
    given: function (q) {
      return rows(q).map(function (row) {
        return [rowLabel(row)].concat(selects(row).map(chosenText)).join(" → ");
      }).join("；");
    },
    // One list of values per row, "" for a select left alone.
    draft: function (q) {
      var values = rows(q).map(function (row) { return selects(row).map(function (select) { return select.value; }); });
      var touched = values.some(function (row) { return row.some(Boolean); });
      return touched ? values : null;
    },
    restore: function (q, value) {
      if (!Array.isArray(value)) return;
      rows(q).forEach(function (row, r) {
        if (!Array.isArray(value[r])) return;
        selects(row).forEach(function (select, c) {
          var wanted = value[r][c];
          var fits = typeof wanted === "string" &&
            quiz.all(select, "option").some(function (option) { return option.value === wanted; });
          if (fits) select.value = wanted;
        });
      });
    },
    isCorrect: function (q) { return rows(q).every(rowIsRight); },
    lock: function (q, locked) {
      rows(q).forEach(function (row) { selects(row).forEach(function (select) { select.disabled = locked; }); });
    },
    // Each row says whether it is right, in words as well as colour; a wrong cell names the right choice.
    showResult: function (q) {
      rows(q).forEach(function (row) {
        var right = rowIsRight(row);
        row.classList.add(right ? "mdx-quiz__match-row--right" : "mdx-quiz__match-row--wrong");
        var mark = quiz.make("span", "mdx-quiz__match-mark", right ? "✔ 配对正确" : "✘ 配对有误");
        row.querySelector("th").appendChild(mark);
        selects(row).forEach(function (select) {
          var cell = select.parentNode;
          if (isRight(select, row)) {
            cell.classList.add("mdx-quiz__match-cell--right");
            return;
          }
          cell.classList.add("mdx-quiz__match-cell--wrong");
          var option = rightOption(select, row);
          cell.appendChild(quiz.make("span", "mdx-quiz__match-fix", "应选 " + quiz.textOf(option)));
        });
      });
    },
    reset: function (q) {
      quiz.all(q.el, ".mdx-quiz__match-mark, .mdx-quiz__match-fix").forEach(function (node) { node.remove(); });
      rows(q).forEach(function (row) {
        row.classList.remove("mdx-quiz__match-row--right", "mdx-quiz__match-row--wrong");
        selects(row).forEach(function (select) {
          select.value = "";
          select.parentNode.classList.remove("mdx-quiz__match-cell--right", "mdx-quiz__match-cell--wrong");
        });
      });
    },
    // The projector shows the table with an empty cell per choice, and the lettered choices below it.
    slide: function (el) {
      var body = quiz.make("div", "mdx-quiz__match-slide");
      var table = el.querySelector(".mdx-quiz__match").cloneNode(true);
      table.classList.add("mdx-quiz__match--projected");
      quiz.all(table, "td").forEach(function (cell) {
        cell.className = "";  // nothing of a graded attempt: the room sees the question
        cell.textContent = "";
        cell.appendChild(quiz.make("span", "mdx-quiz__match-blank", "　"));
      });
      quiz.all(table, ".mdx-quiz__match-row").forEach(function (row) { row.className = "mdx-quiz__match-row"; });
      quiz.all(table, ".mdx-quiz__match-mark").forEach(function (node) { node.remove(); });
      body.appendChild(table);
      var names = headings(el);
      var bank = quiz.make("div", "mdx-quiz__match-bank mdx-quiz__match-bank--projected");
      var first = el.querySelector(".mdx-quiz__match-row");
      selects(first).forEach(function (select) {
        var column = quiz.make("div", "mdx-quiz__match-column");
        column.appendChild(quiz.make("strong", "", (names[select.getAttribute("data-column")] || "") + "："));
        var list = quiz.make("ul");
        quiz.all(select, "option").forEach(function (option) {
          if (option.value) list.appendChild(quiz.make("li", "", quiz.textOf(option)));
        });
        column.appendChild(list);
        bank.appendChild(column);
      });
      body.appendChild(bank);
      return body;
    }
  };
})();
