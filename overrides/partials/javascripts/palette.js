/* The header's palette toggle, inlined by partials/javascripts/palette.html (which says why). */
(function () {
  "use strict";
  var form = document.querySelector("[data-mdx-palette]");
  if (!form) return;
  var inputs = [].slice.call(form.querySelectorAll("input"));
  var header = form.closest("header") || document.body;
  var body = document.body;
  var light = matchMedia("(prefers-color-scheme: light)");
  var AUTO = "(prefers-color-scheme)";
  var KEYS = ["media", "scheme", "primary", "accent"];

  var meta = function (name) {
    var tag = document.head.querySelector("meta[name='" + name + "']");
    if (!tag) {
      tag = document.createElement("meta");
      tag.name = name;
      document.head.appendChild(tag);
    }
    return tag;
  };
  var schemeTag = meta("color-scheme");
  var themeTag = meta("theme-color");

  // The automatic option takes its colours from the option for the scheme the system prefers
  var colours = function (input) {
    var media = input.getAttribute("data-md-color-media");
    var source = media !== AUTO ? input : form.querySelector(
      "[data-md-color-media='(prefers-color-scheme: " + (light.matches ? "light" : "dark") + ")']") || input;
    var color = {};
    KEYS.forEach(function (key) { color[key] = source.getAttribute("data-md-color-" + key); });
    color.media = media;
    return color;
  };

  var hex = function (rgb) {
    return "#" + (rgb.match(/\d+/g) || []).slice(0, 3).map(function (value) {
      return (+value).toString(16).padStart(2, "0");
    }).join("");
  };

  var current = 0;
  var apply = function (index, switching) {
    current = index;
    var color = colours(inputs[index]);
    var changed = KEYS.some(function (key) { return body.getAttribute("data-md-color-" + key) !== color[key]; });
    // No colour transitions while the whole page changes colour (Material's own attribute and rule)
    if (changed && switching) body.setAttribute("data-md-color-switching", "");
    KEYS.forEach(function (key) { body.setAttribute("data-md-color-" + key, color[key]); });
    inputs.forEach(function (input, n) {
      input.checked = n === index;
      var label = input.nextElementSibling;
      if (label && label.tagName === "LABEL") label.hidden = n !== index;
    });
    var style = getComputedStyle(header);
    if (schemeTag.content !== style.colorScheme) schemeTag.content = style.colorScheme;
    themeTag.content = hex(style.backgroundColor);
    __md_set("__palette", { index: index, color: color });
    if (changed && switching) setTimeout(function () { body.removeAttribute("data-md-color-switching"); });
  };

  // A choice made earlier, else the first option whose media matches (the automatic one matches always)
  var stored = __md_get("__palette");
  var start = stored && typeof stored.index === "number" ? stored.index : inputs.findIndex(function (input) {
    return matchMedia(input.getAttribute("data-md-color-media")).matches;
  });
  apply(Math.max(0, Math.min(start, inputs.length - 1)), false);

  form.addEventListener("change", function (event) {
    var index = inputs.indexOf(event.target);
    if (index >= 0) apply(index, true);
  });
  // Labels are not focusable; the checked radio is, and Enter on it moves to the next option
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    var next = inputs[(current + 1) % inputs.length];
    next.click();
    next.focus();
  });
  var followSystem = function () {
    if (inputs[current].getAttribute("data-md-color-media") === AUTO) apply(current, true);
  };
  // Safari before 14 only has the older addListener
  if (light.addEventListener) light.addEventListener("change", followSystem); else light.addListener(followSystem);
})();
