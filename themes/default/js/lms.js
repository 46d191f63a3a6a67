/* ------------------------------------------------------------------ *
 * Inside an LMS: the page talks to the launch page of the SCORM      *
 * package (js/scorm.js), which holds the LMS session. Mirrors        *
 * masterysite/package.py. On the plain site there is no launch page  *
 * and nothing here does anything.                                    *
 * ------------------------------------------------------------------ */
function lmsBridge() {
  try {
    var up = window.parent;
    if (!up || up === window) return null;
    var bridge = up.MASTERYSITE_LMS;
    return bridge && bridge.course === COURSE.id ? bridge : null;
  } catch (e) {
    return null; // a parent of another origin: not our launch page
  }
}

/** On page load: merge the progress the LMS kept (a student on another computer) into ours. */
function joinLms() {
  var bridge = lmsBridge();
  if (!bridge) return;
  var theirs = null;
  try { theirs = cleanProgress(bridge.progress()); } catch (e) { theirs = null; }
  if (theirs) {
    Object.keys(theirs.units).forEach(function (id) {
      if (own(BY_ID, id)) mergeUnit(record(id), theirs.units[id], BY_ID[id]);
    });
    if (!store.data.student && theirs.student) store.data.student = theirs.student;
  }
  saveProgress(); // also reports to the LMS what this browser had before
}

/** After each save: the launch page reports the progress to the LMS (never fatal here). */
function tellLms() {
  var bridge = lmsBridge();
  if (!bridge) return;
  try { bridge.saved(JSON.parse(JSON.stringify(store.data))); } catch (e) { /* the LMS side failed: the course goes on */ }
}
