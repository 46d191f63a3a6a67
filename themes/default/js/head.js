/* head.js: the one script that runs in <head>, before first paint.
 *
 * Loaded blocking (a plain <script src> in <head>, no async/defer) so that its
 * classes are on <html> before the browser paints anything. Keep it tiny: it
 * delays the first paint of every page. It replaces an inline script, which
 * the Content-Security-Policy of every page forbids.
 *
 *   - "no-js" -> "js ms-pending": CSS holds back what only masterysite.js can
 *     decide (the quiz, the summary, and gated content while undecided);
 *   - on a unit page (the script tag carries data-unit and data-requires, the
 *     unit's prerequisite ids as JSON), it reads the saved progress the way
 *     js/storage.js keeps it (localStorage "masterysite:<course id>", or with
 *     no storage at all the copy riding in window.name) and adds "ms-open" or "ms-locked": the first
 *     paint shows the lesson or the lock notice, never one and then the other.
 *     masterysite.js checks the progress properly and confirms (or corrects)
 *     the class. Ids are data: records are looked up with hasOwnProperty only;
 *   - on "load", if masterysite.js never started (window.MASTERYSITE_STARTED
 *     unset: missing, blocked or broken), "ms-pending" -> "ms-broken", which
 *     shows the lesson with a notice instead of a blank page.
 */
"use strict";
var d = document.documentElement, me = document.currentScript;
d.className = d.className.replace("no-js", "js ms-pending");

/** The saved progress's unit records, or null (nothing saved, unreadable, another course). */
function savedUnits(course) {
  var key = "masterysite:" + course, raw = null, p = null, refused = false;
  try { raw = window.localStorage.getItem(key); } catch (e) { refused = true; }
  if (refused) { // no storage: js/storage.js keeps progress in window.name, for this tab
    var tab = "masterysite-progress:" + key + ":", name = "";
    try { name = String(window.name || ""); } catch (e) { name = ""; }
    if (name.indexOf(tab) === 0) raw = name.slice(tab.length);
  }
  try { p = JSON.parse(raw); } catch (e) { p = null; }
  var units = p && typeof p === "object" && p.course === course ? p.units : null;
  return units && typeof units === "object" && !Array.isArray(units) ? units : null;
}

function firstPaintState(unit, requires, units) {
  function mastered(id) {
    var r = units && Object.prototype.hasOwnProperty.call(units, id) ? units[id] : null;
    return !!r && typeof r === "object" && r.mastered === true;
  }
  return mastered(unit) || requires.every(mastered) ? "ms-open" : "ms-locked";
}

if (me && me.hasAttribute("data-unit")) {
  try {
    var requires = JSON.parse(me.getAttribute("data-requires") || "[]");
    var course = me.getAttribute("data-course") || "";
    if (Array.isArray(requires)) d.className += " " + firstPaintState(me.getAttribute("data-unit"), requires, savedUnits(course));
  } catch (e) { /* undecided: the lesson waits for masterysite.js, as without this script */ }
}

window.addEventListener("load", function () {
  if (!window.MASTERYSITE_STARTED) {
    d.className = d.className.replace("ms-pending", "ms-broken");
  }
});
