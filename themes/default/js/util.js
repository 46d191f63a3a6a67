/* ------------------------------------------------------------------ *
 * Small helpers                                                      *
 * ------------------------------------------------------------------ */
function $(id) { return doc.getElementById(id); }
function isObj(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
function isCount(n) { return typeof n === "number" && n >= 0 && n % 1 === 0 && n < 1e9; }
/** A map keyed by ids (units, objectives, questions): ids are data, so "constructor", "toString"
 *  or "__proto__" must be keys like any other — no prototype to collide with. */
function dict() { return Object.create(null); }
/** Own keys of untrusted JSON, to be copied into a dict() (where "__proto__" is a plain key too). */
function safeKeys(o) { return Object.keys(o); }

/** Create an element; string children become text nodes (never HTML). */
function el(tag, attrs, children) {
  var node = doc.createElement(tag);
  for (var name in attrs || {}) {
    if (!own(attrs, name) || attrs[name] === null || attrs[name] === undefined) continue;
    if (name === "text") node.textContent = attrs[name];
    else if (name === "class") node.className = attrs[name];
    else node.setAttribute(name, attrs[name]);
  }
  (children || []).forEach(function (c) {
    if (c !== null && c !== undefined) node.appendChild(typeof c === "string" ? doc.createTextNode(c) : c);
  });
  return node;
}

var ICONS = {
  mastered: "M3 8.5l3.2 3.2L13 4.8",
  right: "M3 8.5l3.2 3.2L13 4.8",
  wrong: "M4 4l8 8M12 4l-8 8",
  available: "M8 2.5a5.5 5.5 0 1 0 0 11a5.5 5.5 0 1 0 0-11z",
  locked: "M3.5 7.5h9v6h-9zM5.5 7.5V5.5a2.5 2.5 0 0 1 5 0v2"
};

/** A decorative inline SVG icon; its meaning is always also given as text. */
function icon(name) {
  var ns = "http://www.w3.org/2000/svg";
  var svg = doc.createElementNS(ns, "svg"), path = doc.createElementNS(ns, "path");
  svg.setAttribute("viewBox", "0 0 16 16");
  svg.setAttribute("class", "icon icon--" + name);
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  path.setAttribute("d", ICONS[name]);
  svg.appendChild(path);
  return svg;
}

/** A UI string in the course language, with {placeholders} filled in. */
function tr(key, vars) {
  var s = (COURSE && COURSE.strings && COURSE.strings[key]) || key;
  return s.replace(/\{(\w+)\}/g, function (m, name) {
    return vars && own(vars, name) ? String(vars[name]) : m;
  });
}

/** The form `count` takes in the course language (Unicode's plural rules: key + "_one", "_two", "_few",
 *  "_many", "_zero"; masterysite/plurals.py), where the strings have it; else the key itself ("other"). */
function trn(key, count, vars) {
  var form = count === 1 ? "one" : "other";
  try { form = new Intl.PluralRules(COURSE.language || "en").select(count); } catch (e) { /* an unknown tag */ }
  return tr(COURSE.strings && COURSE.strings[key + "_" + form] ? key + "_" + form : key, vars);
}

/** Like tr, but a placeholder may be filled with a DOM node (a link, a list of links): returns the
 *  pieces, to be passed as children to el(). Text pieces stay text. */
function trParts(key, vars) {
  var s = (COURSE && COURSE.strings && COURSE.strings[key]) || key, out = [], last = 0;
  s.replace(/\{(\w+)\}/g, function (m, name, at) {
    out.push(s.slice(last, at), vars && own(vars, name) ? vars[name] : m);
    last = at + m.length;
    return m;
  });
  out.push(s.slice(last));
  return out.filter(function (x) { return x !== ""; });
}

/** Links to units, separated by commas, in one span. */
function unitLinks(units) {
  var span = el("span");
  units.forEach(function (u, i) {
    if (i) span.appendChild(doc.createTextNode(", "));
    span.appendChild(el("a", { href: href(u), text: u.title }));
  });
  return span;
}

/** A section's heading: its title, or "Other units" for untitled units that follow a section. */
function groupTitle(section, i) { return section.title || (i > 0 ? tr("other_units") : null); }

/** A score as a percentage, as the course's language writes one ("80%"; French "80 %"). */
function percent(score) { return percentText(Math.floor((100 * score[0]) / score[1])); }
function percentText(n) { return tr("percent", { n: n }); }
function passes(score, mastery) { return score[0] * mastery[1] >= mastery[0] * score[1]; }
function better(a, b) { return !b || a[0] * b[1] > b[0] * a[1] || (a[0] * b[1] === b[0] * a[1] && a[1] > b[1]); }
function href(u) { return ROOT + u.href; }

function announce(text) {
  var live = $("ms-live");
  if (!live) return;
  live.textContent = "";
  setTimeout(function () { live.textContent = text; }, 50);
}

/** Show a page-level notice once (e.g. storage trouble). */
function notify(key, vars) {
  var box = $("ms-notices");
  if (!box || box.querySelector("[data-key='" + key + "']")) return;
  box.appendChild(el("p", { "class": "notice notice--warn", "data-key": key, text: tr(key, vars) }));
}

/** Event handlers never let an error escape: log it and tell the student. */
function guard(fn) {
  return function () {
    try { return fn.apply(this, arguments); } catch (err) { fail(err); }
  };
}

function fail(err) {
  if (window.console) console.warn("masterysite:", err);
  html.className = html.className.replace("ms-pending", "") + " ms-broken";
}
