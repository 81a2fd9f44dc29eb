/* revdiff report: filters, n/p navigation, opening the target of a link. No network, no eval. */
(function () {
  "use strict";
  var body = document.body;
  var buttons = Array.prototype.slice.call(document.querySelectorAll("[data-filter-btn]"));

  function setFilter(name) {
    body.setAttribute("data-filter", name);
    buttons.forEach(function (b) {
      b.setAttribute("aria-pressed", b.getAttribute("data-filter-btn") === name ? "true" : "false");
    });
  }
  buttons.forEach(function (b) {
    b.addEventListener("click", function () { setFilter(b.getAttribute("data-filter-btn")); });
  });

  function isShown(el) {
    return el.offsetParent !== null || el.getClientRects().length > 0;
  }

  // Follow a #sec-… / #f-… link even when the filter hides the target or it sits in a
  // collapsed <details>: switch the filter back to "all" and open the section.
  function reveal(el) {
    if (!isShown(el)) { setFilter("all"); }
    var d = el.tagName === "DETAILS" ? el : el.querySelector(":scope > details");
    if (d && !d.open) { d.open = true; }
    var p = el.parentElement ? el.parentElement.closest("details") : null;
    while (p) { p.open = true; p = p.parentElement ? p.parentElement.closest("details") : null; }
  }
  function followHash() {
    var id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    if (!id) { return; }
    var el = document.getElementById(id);
    if (!el) { return; }
    var hidden = !isShown(el);
    reveal(el);
    if (hidden) { el.scrollIntoView({ block: "start" }); }
  }
  window.addEventListener("hashchange", followHash);
  followHash();

  // Links clicked while the target is hidden by a filter: reveal first, then let the
  // browser navigate (and scroll) as usual.
  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest('a[href^="#"]') : null;
    if (!a) { return; }
    var target = document.getElementById(a.getAttribute("href").slice(1));
    if (target) { reveal(target); }
  });

  // n / p: next / previous changed section among those the current filter shows.
  var current = null;
  function changedSections() {
    return Array.prototype.slice.call(document.querySelectorAll(".pair.is-changed")).filter(isShown);
  }
  function go(step) {
    var list = changedSections();
    if (!list.length) { return; }
    var i = current ? list.indexOf(current) : -1;
    if (i >= 0) {
      // The reader scrolled away from the selected section: continue from the screen instead.
      var r = current.getBoundingClientRect();
      if (r.bottom < 0 || r.top > window.innerHeight) { i = -1; }
    }
    if (i < 0) {
      // Nothing selected yet (or it was filtered away): start from what is on screen.
      var top = (parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0) + 4;
      if (step > 0) {
        i = list.findIndex(function (el) { return el.getBoundingClientRect().top > top; });
        if (i < 0) { i = list.length - 1; }
      } else {
        i = -1;
        list.forEach(function (el, k) { if (el.getBoundingClientRect().top < top - 8) { i = k; } });
        if (i < 0) { i = 0; }
      }
    } else {
      i = Math.max(0, Math.min(list.length - 1, i + step));
    }
    select(list[i]);
  }
  function select(el) {
    if (current) { current.classList.remove("current"); }
    current = el;
    el.classList.add("current");
    reveal(el);
    el.scrollIntoView({ block: "start" });
    el.focus({ preventScroll: true });
    // the address names the section on screen, so it can be copied and shared
    if (el.id && window.history && history.replaceState) { history.replaceState(null, "", "#" + el.id); }
  }
  document.addEventListener("keydown", function (e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) { return; }
    var t = e.target;
    // Never steal keys from someone typing (search boxes, editable text, selects).
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
    var key = e.key;
    if (key === "n" || key === "N") { e.preventDefault(); go(1); }
    else if (key === "p" || key === "P") { e.preventDefault(); go(-1); }
  });

  // Key changes by group: the group buttons and the summary cards show one group only.
  var groupButtons = Array.prototype.slice.call(document.querySelectorAll("[data-group-btn]"));
  function setGroup(name) {
    Array.prototype.forEach.call(document.querySelectorAll("tbody.fgroup"), function (g) {
      g.hidden = Boolean(name) && g.getAttribute("data-group") !== name;
    });
    groupButtons.forEach(function (b) {
      b.setAttribute("aria-pressed", b.getAttribute("data-group-btn") === name ? "true" : "false");
    });
  }
  groupButtons.forEach(function (b) {
    b.addEventListener("click", function () { setGroup(b.getAttribute("data-group-btn")); });
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-group-link]"), function (a) {
    a.addEventListener("click", function () { setGroup(a.getAttribute("data-group-link")); });
  });

  // Copy-link buttons: the page's address with this finding's or section's anchor.
  document.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest("[data-copy]") : null;
    if (!b) { return; }
    e.preventDefault();
    e.stopPropagation();
    var url = location.href.split("#")[0] + "#" + b.getAttribute("data-copy");
    if (history.replaceState) { history.replaceState(null, "", "#" + b.getAttribute("data-copy")); }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).catch(function () {});
    }
    b.setAttribute("data-copied", "1");
  }, true);

  // Search both documents: mark every match in the side-by-side text, Enter goes to the next.
  var box = document.getElementById("search");
  var hitsLabel = box ? box.parentElement.querySelector(".hits") : null;
  var hits = [];
  var hitAt = -1;
  function clearHits() {
    hits.forEach(function (m) {
      var parent = m.parentNode;
      if (!parent) { return; }
      parent.replaceChild(document.createTextNode(m.textContent), m);
      parent.normalize();
    });
    hits = [];
    hitAt = -1;
  }
  function search(q) {
    clearHits();
    if (q) {
      Array.prototype.forEach.call(document.querySelectorAll(".pairs .body"), function (root) {
        var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        var nodes = [];
        while (walker.nextNode()) { nodes.push(walker.currentNode); }
        nodes.forEach(function (node) {
          var i = node.nodeValue.indexOf(q);
          while (i >= 0) {
            var rest = node.splitText(i);
            node = rest.splitText(q.length);
            var m = document.createElement("mark");
            m.className = "hit";
            rest.parentNode.replaceChild(m, rest);
            m.appendChild(rest);
            hits.push(m);
            i = node.nodeValue.indexOf(q);
          }
        });
      });
    }
    if (hitsLabel) { hitsLabel.textContent = q ? box.parentElement.getAttribute("data-hits").replace("{n}", hits.length) : ""; }
  }
  function nextHit() {
    if (!hits.length) { return; }
    if (hitAt >= 0) { hits[hitAt].classList.remove("current-hit"); }
    hitAt = (hitAt + 1) % hits.length;
    var m = hits[hitAt];
    m.classList.add("current-hit");
    var art = m.closest(".pair");
    if (art) { reveal(art); }
    m.scrollIntoView({ block: "center" });
  }
  if (box) {
    box.addEventListener("input", function () { search(box.value.trim()); });
    box.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { e.preventDefault(); nextHit(); }
    });
  }

  // Print what the filters show, with every shown section and list open; restore afterwards.
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    openedForPrint = [];
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) {
      if (!d.open && isShown(d)) { d.open = true; openedForPrint.push(d); }
    });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (d) { d.open = false; });
    openedForPrint = [];
  });
})();
