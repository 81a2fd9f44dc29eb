{% include "report.js" %}

/* revdiff versions report: show one adjacent pair's document view at a time. */
(function () {
  "use strict";
  var tabs = Array.prototype.slice.call(document.querySelectorAll("[data-pair-tab]"));
  var panels = Array.prototype.slice.call(document.querySelectorAll("[data-pair-panel]"));
  if (!panels.length) { return; }

  function show(key) {
    var found = panels.some(function (p) { return p.getAttribute("data-pair-panel") === key; });
    if (!found) { return; }
    panels.forEach(function (p) { p.hidden = p.getAttribute("data-pair-panel") !== key; });
    tabs.forEach(function (t) {
      var on = t.getAttribute("data-pair-tab") === key;
      t.setAttribute("aria-selected", on ? "true" : "false");
      t.tabIndex = on ? 0 : -1;
    });
    document.body.setAttribute("data-pair", key);
  }
  function panelKeyOf(el) {
    var p = el && el.closest ? el.closest("[data-pair-panel]") : null;
    return p ? p.getAttribute("data-pair-panel") : null;
  }

  tabs.forEach(function (t, i) {
    t.addEventListener("click", function () { show(t.getAttribute("data-pair-tab")); });
    t.addEventListener("keydown", function (e) {
      var step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
      if (!step) { return; }
      e.preventDefault();
      var next = tabs[(i + step + tabs.length) % tabs.length];
      show(next.getAttribute("data-pair-tab"));
      next.focus();
    });
  });

  // A link into a pair that is not shown (#v3-sec-s14, #v3-f-f2, #pair-v3) first shows that
  // pair; capture phase, so the report's own link handling then finds the target visible.
  function targetKey(id) {
    var el = id ? document.getElementById(id) : null;
    if (!el) { return null; }
    return el.hasAttribute("data-pair-panel") ? el.getAttribute("data-pair-panel") : panelKeyOf(el);
  }
  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest('a[href^="#"]') : null;
    if (!a) { return; }
    var key = a.getAttribute("data-pair-link") || targetKey(a.getAttribute("href").slice(1));
    if (key) { show(key); }
  }, true);

  function followHash() {
    var id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    var key = targetKey(id);
    if (!key || document.body.getAttribute("data-pair") === key) { return; }
    show(key);
    var el = document.getElementById(id);
    var d = el.tagName === "DETAILS" ? el : el.querySelector(":scope > details");
    if (d && !d.open) { d.open = true; }
    el.scrollIntoView({ block: "start" });
  }
  var first = panels.filter(function (p) { return !p.hidden; })[0] || panels[0];
  show(first.getAttribute("data-pair-panel"));
  window.addEventListener("hashchange", followHash);
  followHash();
})();
