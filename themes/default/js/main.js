/* ------------------------------------------------------------------ *
 * Start                                                              *
 * ------------------------------------------------------------------ */
/** Redraw everything that shows course-wide progress. */
function refreshShared() {
  renderNav();
  if (typeof renderCourseList === "function") { renderSummary(); renderCourseList(); } // (js/courselist.js: not on unit pages)
  if (typeof renderProgressTable === "function") renderProgressTable(); // (js/progress.js: the progress page's script only)
  renderPager();
}

function start() {
  COURSE = expandCourse(window.MASTERYSITE_COURSE); // js/course.js
  if (!isObj(COURSE) || !Array.isArray(COURSE.units)) throw new Error("course-data.js did not load");
  ROOT = html.getAttribute("data-root") || "";
  KEY = storageKey("masterysite:" + COURSE.id); // js/lms.js: in an LMS, the learner's own
  COURSE.units.forEach(function (u) { if (isObj(u) && typeof u.id === "string") { UNITS.push(u); BY_ID[u.id] = u; } });
  if (!Array.isArray(COURSE.sections)) COURSE.sections = [{ title: null, units: UNITS.map(function (u) { return u.id; }) }];
  loadProgress();
  joinLms();
  refreshShared();
  watchScrollers(doc);
  startSearchBox();
  if ($("ms-unit")) startUnit();
  if (typeof startProgressPage === "function" && $("ms-export")) startProgressPage();
  // Back or Forward can bring a page out of the browser's back/forward cache (Firefox, Safari) with
  // the progress it held when it was left: read it again, or its next save writes that old progress
  // over what the student did since (a unit mastered meanwhile was lost).
  window.addEventListener("pageshow", function (e) { if (e.persisted) window.location.reload(); });
  doc.addEventListener("click", leaveInNewTab, true);
  // Another tab changed progress: keep the course-wide views in step.
  window.addEventListener("storage", guard(function (e) {
    if (e.key !== KEY || !store.persistent) return;
    loadProgress();
    // This unit was locked and the other tab opened it (a prerequisite mastered there): show it.
    if (page.unit && html.classList.contains("ms-locked") && statusOf(page.unit) !== "locked") return location.reload();
    // The questions shown here were checked (or drawn anew) there: spent, never checked twice; show what is now.
    if (page.draw && !page.checked && String((peek(page.unit.id).draw || {}).keys) !== String(page.draw.keys)) return location.reload();
    refreshShared();
    if ($("ms-unit") && page.unit) renderUnitStatus(); // this unit mastered in the other tab: its header says so
  }));
}

// Exposed for tests: the hash, the number parser, the judge (the same rules as masterysite/judging.py), sealing;
// and for js/search.js (its own script): may the student open this unit?
window.masterysite = { sha256hex: sha256hex, parseNumber: parseNumber, isRight: judge, judge: judge,
  responseForms: responseForms, seal: SEAL_API, version: "0.1.0",
  isOpen: function (id) { return own(BY_ID, id) && (isMastered(id) || isUnlocked(BY_ID[id])); } };

try {
  start();
  html.className = html.className.replace("ms-pending", "").trim();
} catch (err) {
  fail(err);
}
