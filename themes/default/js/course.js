/* ------------------------------------------------------------------ *
 * The course data: _static/course-data.js is a compact lock graph     *
 * (masterysite/render.py course_data_js), a unit an array [id, title, *
 * requires, mastery, bonus]; this makes each an object and fills in   *
 * what is left out, in place, so every reader sees whole entries:     *
 * href (units/<id>.html), requires (absent: the previous unit, none   *
 * for the first), mastery (absent: the course's), bonus (absent: 0),  *
 * section, and each section's unit ids (sections come as counts).     *
 * The details only the progress page and the SCORM launch page need   *
 * (objectives, question counts, draws) come from the page's own       *
 * <script type="application/json" id="ms-course-details">, one entry  *
 * per unit in course order. Also in scorm.js (its own bundle).        *
 * ------------------------------------------------------------------ */
function expandCourse(data) {
  if (!data || typeof data !== "object" || !Array.isArray(data.units) || data.expanded) return data;
  var units = data.units, at = 0, byDefault = Array.isArray(data.mastery) ? data.mastery : [4, 5];
  units.forEach(function (u, i) {
    if (Array.isArray(u)) u = units[i] = { id: u[0], title: u[1], requires: u[2], mastery: u[3], bonus: u[4] };
    if (!u || typeof u !== "object") return;
    if (typeof u.href !== "string") u.href = "units/" + u.id + ".html";
    if (!Array.isArray(u.requires)) u.requires = i > 0 && units[i - 1] ? [units[i - 1].id] : [];
    if (!Array.isArray(u.mastery)) u.mastery = byDefault;
    if (typeof u.bonus !== "number") u.bonus = 0;
    if (u.section === undefined) u.section = null;
  });
  if (Array.isArray(data.sections)) {
    data.sections.forEach(function (s) {
      if (Array.isArray(s.units)) return;
      var ids = units.slice(at, at + (s.count || 0)).map(function (u) { return u.id; });
      units.slice(at, at + ids.length).forEach(function (u) { u.section = s.title; });
      at += ids.length;
      s.units = ids;
    });
  }
  var node = document.getElementById("ms-course-details"), details = null;
  try { details = node ? JSON.parse(node.textContent) : null; } catch (e) { details = null; }
  if (Array.isArray(details)) {
    units.forEach(function (u, i) {
      var x = details[i];
      if (!u || !x || typeof x !== "object") return;
      if (Array.isArray(x.objectives)) u.objectives = x.objectives;
      if (typeof x.questions === "number") u.questions = x.questions;
      if (typeof x.draw === "number") u.draw = x.draw;
    });
    data.details = true;
  }
  data.expanded = true;
  return data;
}
