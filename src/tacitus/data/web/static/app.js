// Tacitus article view: hovering an event lights up its words (source, trigger, target), and
// hovering a highlighted word lights up the events it belongs to. Pages work without this script.
"use strict";
(function () {
  function evIds(element) {
    var value = element.getAttribute("data-ev");
    return value ? value.split(" ") : [];
  }
  function light(ids, on) {
    ids.forEach(function (id) {
      document.querySelectorAll('.hl[data-ev~="' + id + '"], .event[data-ev="' + id + '"]').forEach(function (el) {
        el.classList.toggle("on", on);
      });
    });
  }
  function wire(selector) {
    document.querySelectorAll(selector).forEach(function (el) {
      el.addEventListener("mouseenter", function () { light(evIds(el), true); });
      el.addEventListener("mouseleave", function () { light(evIds(el), false); });
      el.addEventListener("focusin", function () { light(evIds(el), true); });
      el.addEventListener("focusout", function () { light(evIds(el), false); });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    wire(".event[data-ev]");
    wire(".hl[data-ev]");
  });
})();
