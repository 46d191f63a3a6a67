/* masterysite.js: the student side of a masterysite course.
 *
 * One classic, dependency-free script (ES modules do not load from file://).
 * It reads window.MASTERYSITE_COURSE (from _static/course-data.js) and, on a
 * unit page, the JSON in #ms-unit-data, then: builds the unit navigation,
 * gates locked units, draws and checks quizzes, reveals correctives and
 * enrichment, and keeps progress in localStorage (or in memory if the
 * browser refuses). The data contract is docs/theme.md.
 *
 * Safety rules kept throughout: student-typed text and imported data only
 * ever reach the page through textContent; HTML is inserted only when it
 * comes from the build (lesson feedback/explanations decoded from the page).
 */
"use strict";
window.MASTERYSITE_STARTED = true;
var doc = document;
var html = doc.documentElement;
var COURSE, ROOT, KEY, UNITS = [], BY_ID = Object.create(null);  // see dict() in util.js
var SCHEMA = 1;
