/*
 * quiz/types/order.js: 排序 (order): items put in order with ▲ ▼ buttons (or the arrow keys on a focused
 * button); right when every item's data-item equals its position. Never shown already in order.
 */
(function () {
  "use strict";
  var quiz = window.mdxQuiz;

  var items = function (q) { return quiz.all(q.el, ".mdx-quiz__item"); };
  var listOf = function (q) { return q.el.querySelector(".mdx-quiz__order"); };
  var itemText = function (item) { return quiz.textOf(item.querySelector(".mdx-quiz__item-text")); };
  var inOrder = function (list) {
    return list.every(function (item, index) { return item.getAttribute("data-item") === String(index); });
  };

  var move = function (q, item, step) {
    var sibling = step < 0 ? item.previousElementSibling : item.nextElementSibling;
    if (!sibling) return;
    item.parentNode.insertBefore(item, step < 0 ? sibling : sibling.nextElementSibling);
    var position = items(q).indexOf(item) + 1;
    q.live.textContent = "“" + itemText(item) + "”已移到第 " + position + " 位";
  };

  window.mdxQuizTypes.order = {
    arrange: function (q, shuffleOptions, random) {
      var sorted = items(q).sort(function (a, b) { return a.getAttribute("data-item") - b.getAttribute("data-item"); });
      var order = sorted;
      for (var tries = 0; tries < 10 && sorted.length > 1; tries++) {
        order = quiz.shuffle(sorted, random);
        if (!inOrder(order)) break;
      }
      quiz.placeInOrder(listOf(q), order);
    },
    answered: function () { return true; },  // some order is always given
    given: function (q) {
      return items(q).map(function (item, n) { return (n + 1) + ". " + itemText(item); }).join(" → ");
    },
    draft: function (q) { return items(q).map(function (item) { return item.getAttribute("data-item"); }); },
    restore: function (q, value) {
      if (!Array.isArray(value)) return;
      var all = items(q);
      var byIndex = {};
      all.forEach(function (item) { byIndex[item.getAttribute("data-item")] = item; });
      var order = value.map(function (index) { return byIndex[index]; }).filter(Boolean);
      if (order.length === all.length) quiz.placeInOrder(listOf(q), order);
    },
    isCorrect: function (q) { return inOrder(items(q)); },
    lock: function (q, locked) {
      quiz.all(q.el, ".mdx-quiz__move").forEach(function (button) { button.disabled = locked; });
    },
    showResult: function () {},
    reset: function () {},  // the next arrange shuffles the items again
    // Clicks on ▲ ▼, and the arrow keys on a focused one, so ordering needs no mouse.
    // Returns true when the learner's answer changed.
    handle: function (q, event) {
      var button = event.target.closest && event.target.closest("[data-order-move]");
      if (!button || button.disabled) return false;
      var step;
      if (event.type === "click") step = button.getAttribute("data-order-move") === "up" ? -1 : 1;
      else if (event.type === "keydown" && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
        event.preventDefault();
        step = event.key === "ArrowUp" ? -1 : 1;
      } else return false;
      move(q, button.closest(".mdx-quiz__item"), step);
      button.focus();
      return true;
    },
    slide: function (el) {
      var list = quiz.make("ol", "mdx-projector__choices");
      quiz.all(el, ".mdx-quiz__item-text").forEach(function (text) {
        var li = quiz.make("li");
        var body = quiz.make("span");
        body.innerHTML = text.innerHTML;  // the quiz's own markup, escaped at build time
        li.appendChild(body);
        list.appendChild(li);
      });
      return list;
    }
  };
})();
