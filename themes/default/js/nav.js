/* ------------------------------------------------------------------ *
 * Navigation (every page) and the course page list                   *
 * ------------------------------------------------------------------ */
/* A small course shows every unit. A big one (more than NAV_ALL units) would make every page
 * heavy, so its navigation comes by section, in parts of at most NAV_PART units, each folded
 * (a <details>): only the part with the current unit is open; another part's list is built when
 * the student opens it. */
var NAV_ALL = 60, NAV_PART = 50, navOpen = dict(); // navOpen: part index -> opened by the student

function navParts() {
  var parts = [];
  COURSE.sections.forEach(function (section, i) {
    var ids = section.units.filter(function (id) { return own(BY_ID, id); }), title = groupTitle(section, i);
    var split = ids.length > NAV_PART;
    for (var at = 0; at === 0 || at < ids.length; at += NAV_PART) {
      parts.push({ section: section, title: title, ids: ids.slice(at, at + NAV_PART),
        range: split ? (at + 1) + "\u2013" + Math.min(at + NAV_PART, ids.length) : null });
    }
  });
  return parts;
}

function navLink(u, current) {
  var st = statusOf(u);
  var link = el("a", { href: href(u), "class": "unit-nav__link is-" + st }, [
    icon(st), el("span", { "class": "unit-nav__title", text: u.title }),
    el("span", { "class": "visually-hidden", text: " (" + tr("status_" + st) + ")" })]);
  if (u.id === current) link.setAttribute("aria-current", "page");
  return link;
}

function navList(ids, current, labelledBy) {
  var list = el("ol", { "class": "unit-nav__units", "aria-labelledby": labelledBy });
  ids.forEach(function (id) { list.appendChild(el("li", null, [navLink(BY_ID[id], current)])); });
  return list;
}

function renderNav() {
  var box = $("ms-nav");
  if (!box) return;
  var current = box.getAttribute("data-current"), frag = doc.createDocumentFragment();
  var folded = UNITS.length > NAV_ALL;
  navParts().forEach(function (part, i) {
    var group = el("div", { "class": "unit-nav__group" + (part.section.title ? "" : " unit-nav__group--untitled") });
    var label = part.title ? part.title + (part.range ? " \u00b7 " + part.range : "") : part.range;
    if (!folded) {
      if (label) group.appendChild(el("p", { "class": "unit-nav__section", id: "ms-nav-s" + i, text: label }));
      group.appendChild(navList(part.ids, current, label ? "ms-nav-s" + i : null));
      frag.appendChild(group);
      return;
    }
    var here = part.ids.indexOf(current) >= 0, done = part.ids.filter(isMastered).length;
    var details = el("details", { "class": "unit-nav__part", "data-part": String(i) }, [
      el("summary", { "class": "unit-nav__section", id: "ms-nav-s" + i }, [label || tr("nav_units"), " ",
        el("span", { "class": "unit-nav__part-count", text: "(" + done + "/" + part.ids.length + ")" })])]);
    if (here || navOpen[i]) {
      details.open = true;
      details.appendChild(navList(part.ids, current, "ms-nav-s" + i));
    }
    details.addEventListener("toggle", guard(function () {
      navOpen[i] = details.open;
      if (details.open && !details.querySelector("ol")) details.appendChild(navList(part.ids, current, "ms-nav-s" + i));
    }));
    group.appendChild(details);
    frag.appendChild(group);
  });
  box.textContent = "";
  box.appendChild(frag);
  var count = $("ms-nav-count"), currentLink = box.querySelector("[aria-current='page']");
  if (count) count.textContent = trn("summary", UNITS.length, { n: countMastered(), total: UNITS.length });
  var details = $("ms-nav-details");
  if (details && !details.hasAttribute("data-init")) {
    details.setAttribute("data-init", "");
    if (window.matchMedia && window.matchMedia("(min-width: 64em)").matches) details.open = true;
    if (currentLink) box.scrollTop = Math.max(0, currentLink.offsetTop - box.clientHeight / 3);
  }
}

/** The whole course is mastered: say so, warmly. */
function celebration() {
  return el("p", { "class": "celebrate" }, [el("span", { "class": "celebrate__star", "aria-hidden": "true", text: "\u2605" }), " ",
    trn("all_mastered", UNITS.length, { total: UNITS.length, course: COURSE.title })]);
}

/** The units a locked unit still waits for (those in the course and not yet mastered). */
function missingRequires(u) {
  return (u.requires || []).filter(function (id) { return !isMastered(id) && BY_ID[id]; }).map(function (id) { return BY_ID[id]; });
}

/* Wide tables and formulas (display or inline) scroll sideways inside the text column on a phone. A
 * scroller the keyboard cannot reach cannot be read without a mouse, so each one takes focus while (and
 * only while) it overflows; a ResizeObserver rechecks it when it is shown or the window changes. */
var scrollWatch = window.ResizeObserver ? new ResizeObserver(function (entries) {
  entries.forEach(function (e) { markScroller(e.target); });
}) : null;

function markScroller(node) {
  if (node.scrollWidth > node.clientWidth + 1) node.setAttribute("tabindex", "0");
  else if (node.getAttribute("tabindex") === "0") node.removeAttribute("tabindex");
}

function watchScrollers(root) {
  Array.prototype.forEach.call(root.querySelectorAll(".prose table, .prose pre, .math.block, .math.display, .math.inline"), function (node) {
    if (scrollWatch) scrollWatch.observe(node);
    else markScroller(node);
  });
}

/* Search: the search box is on every page, but the index and the search code load only when the
 * student starts a search (first focus or keystroke): two plain <script src> files of the site, so
 * it works from file:// and plain http with no request a browser could refuse. */
function startSearchBox() {
  var input = $("ms-search"), form = $("ms-search-form");
  if (!input || !form) return;
  function load() {
    if (form.hasAttribute("data-loading")) return;
    form.setAttribute("data-loading", "");
    ["search-index.js", "search.js"].forEach(function (name) {
      var script = doc.createElement("script");
      script.src = ROOT + "_static/" + name;
      script.async = false; // in this order
      script.onerror = function () { notify("search_failed"); };
      doc.head.appendChild(script);
    });
  }
  input.addEventListener("focus", load);
  input.addEventListener("input", load);
  form.addEventListener("submit", function (event) { event.preventDefault(); load(); });
}
