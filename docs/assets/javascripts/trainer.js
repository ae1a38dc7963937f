/*
 * Trainer mode: a header toggle that reveals 讲师提示 on every page. Remembered across visits; off by
 * default, so learners and learner prints never see trainer notes. Works without storage for the visit.
 */
(function () {
  "use strict";
  var KEY = "kesutong.trainer.v1";
  var root = document.documentElement;

  var isOn = function () { return root.getAttribute("data-mdx-trainer") === "on"; };

  var remember = function (on) {
    try { window.localStorage.setItem(KEY, on ? "on" : "off"); } catch (error) { /* this visit only */ }
  };

  var show = function () {
    Array.prototype.forEach.call(document.querySelectorAll(".mdx-trainer-toggle"), function (button) {
      button.setAttribute("aria-pressed", String(isOn()));
      button.title = isOn() ? "讲师模式已开启：点击关闭讲师提示" : "讲师模式：显示讲师提示";
    });
  };

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".mdx-trainer-toggle");
    if (!button) return;
    var on = !isOn();
    if (on) root.setAttribute("data-mdx-trainer", "on"); else root.removeAttribute("data-mdx-trainer");
    remember(on);
    show();
  });

  if (typeof window.document$ !== "undefined") window.document$.subscribe(show);
  else show();
})();
