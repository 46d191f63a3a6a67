/* ------------------------------------------------------------------ *
 * Progress storage: {schema, course, units: {unitId: UnitRecord}}    *
 * ------------------------------------------------------------------ */
var store = { data: null, persistent: true, blocked: false }; // blocked: an unreadable copy sits in KEY

function emptyProgress() { return { schema: SCHEMA, course: COURSE.id, student: "", units: dict() }; }

function cleanScore(s) {
  return Array.isArray(s) && s.length === 2 && isCount(s[0]) && isCount(s[1]) &&
    s[1] > 0 && s[0] <= s[1] ? [s[0], s[1]] : null;
}

function cleanStrings(list) {
  return Array.isArray(list) ? list.filter(function (x) { return typeof x === "string"; }) : [];
}

/** Rebuild one unit record from untrusted JSON, keeping only sane fields. */
function cleanUnit(u) {
  if (!isObj(u)) return null;
  var r = { mastered: u.mastered === true, attempts: isCount(u.attempts) ? u.attempts : 0,
    best: cleanScore(u.best), objectives: dict(), last: null, prev: cleanStrings(u.prev), draw: null,
    key: typeof u.key === "string" && /^[A-Za-z0-9+\/]{43}=$/.test(u.key) ? u.key : null };
  if (isObj(u.objectives)) {
    safeKeys(u.objectives).forEach(function (id) {
      var o = u.objectives[id];
      if (!isObj(o)) return;
      r.objectives[id] = { attempts: isCount(o.attempts) ? o.attempts : 0,
        best: cleanScore(o.best), last: cleanScore(o.last) };
    });
  }
  if (isObj(u.last) && cleanScore(u.last.score)) {
    r.last = { score: cleanScore(u.last.score), missed: cleanStrings(u.last.missed), passed: u.last.passed === true };
  }
  r.tries = cleanTries(u.tries);
  if (u.imported === true && r.mastered) r.imported = true; // mastered by an import, not by answering
  if (u.lms === true && r.mastered) r.lms = true; // mastered as the LMS kept it: its answers on another computer
  if (isObj(u.draw) && isObj(u.draw.choices)) {
    r.draw = { keys: cleanStrings(u.draw.keys), choices: dict() };
    safeKeys(u.draw.choices).forEach(function (k) { r.draw.choices[k] = cleanStrings(u.draw.choices[k]); });
  }
  return r;
}

/* Every checked attempt with its answers (SPEC §4: the teacher's report re-checks them):
 * {at: ISO time, score: [right, asked], passed, answers: [{q: question key, r: response, ok}]},
 * where a response is a string (typed) or a list of strings (choice ids, blanks, item order). */
var MAX_TRIES = 100;

function cleanResponse(r) {
  if (typeof r === "string") return r.slice(0, 1000);
  return Array.isArray(r) ? cleanStrings(r).slice(0, 100).map(function (s) { return s.slice(0, 1000); }) : null;
}

function cleanTry(t) {
  if (!isObj(t) || typeof t.at !== "string" || !cleanScore(t.score) || !Array.isArray(t.answers)) return null;
  var answers = [];
  t.answers.forEach(function (a) {
    var r = isObj(a) && typeof a.q === "string" ? cleanResponse(a.r) : null;
    if (r === null) return;
    var kept = { q: a.q, r: r, ok: a.ok === true };
    if (typeof a.k === "string") kept.k = a.k.slice(0, 20); // the question's kind and objective, for the LMS
    if (typeof a.o === "string") kept.o = a.o.slice(0, 200);
    answers.push(kept);
  });
  return { at: t.at.slice(0, 40), score: cleanScore(t.score), passed: t.passed === true, answers: answers };
}

function cleanTries(list) {
  return Array.isArray(list) ? list.map(cleanTry).filter(Boolean).slice(-MAX_TRIES * 2) : [];
}

/** Keep at most MAX_TRIES attempts, dropping the oldest failed ones first: a passing attempt is
 *  the evidence behind "mastered". */
function addTry(rec, entry) {
  rec.tries.push(entry);
  while (rec.tries.length > MAX_TRIES) {
    var i = rec.tries.findIndex(function (t) { return !t.passed; });
    rec.tries.splice(i < 0 ? 0 : i, 1);
  }
}

/** Validate stored or imported progress; null if it is not ours. */
function cleanProgress(p) {
  if (!isObj(p) || !isObj(p.units) || p.course !== COURSE.id) return null;
  var out = emptyProgress();
  if (typeof p.student === "string") out.student = p.student.trim().slice(0, 100);
  safeKeys(p.units).forEach(function (id) {
    var u = cleanUnit(p.units[id]);
    if (u) out.units[id] = u;
  });
  return out;
}

function storage() {
  try { return window.localStorage || null; } catch (e) { return null; }
}

function loadProgress() {
  store.data = emptyProgress();
  var ls = storage(), raw = null;
  try { raw = ls.getItem(KEY); } catch (e) { goMemoryOnly(); loadFromTab(); return; }
  try {
    // Probe a write too: some private modes (and a full storage) allow reads but refuse writes.
    // What is already saved is still used, in memory.
    ls.setItem(KEY + ":probe", "1");
    ls.removeItem(KEY + ":probe");
  } catch (e) {
    goMemoryOnly();
    if (loadFromTab()) return;
  }
  if (raw === null) return;
  var parsed = null;
  try { parsed = JSON.parse(raw); } catch (e) { parsed = null; }
  var clean = cleanProgress(parsed);
  if (clean) { store.data = clean; if (typeof noticeOrphans === "function") noticeOrphans(); return; } // (courselist.js)
  // Unreadable or foreign: set it aside (never over an earlier copy) rather than destroy it.
  try {
    var aside = KEY + ":unreadable", n = 1;
    while (ls.getItem(aside) !== null && ls.getItem(aside) !== raw) aside = KEY + ":unreadable:" + ++n;
    ls.setItem(aside, raw);
    ls.removeItem(KEY);
  } catch (e) {
    // No room to set it aside: leave it where it is, never save over it, and say so (not "set
    // aside"). Progress is kept in this tab only; Reset on the progress page removes the copy.
    store.persistent = false;
    store.blocked = true;
    loadFromTab();
    notify("storage_corrupt_kept");
    return;
  }
  notify("storage_corrupt");
}

function goMemoryOnly() {
  store.persistent = false;
  notify("storage_unavailable");
}

/* Without storage, progress rides along in window.name: it survives moving between the pages
 * of the course in this tab (also from file://), which plain memory would not. Browsers clear
 * window.name when a tab goes to another site (Firefox, Safari; Chromium keeps it: security round dd 5),
 * so a link out of the course then opens in a new tab (leaveInNewTab). Its key names the course, as
 * head.js reads it (it had been "masterysite-progress:undefined:"). */
function tabKey() { return "masterysite-progress:" + KEY + ":"; } // (KEY is set once the page starts: main.js)

function loadFromTab() {
  var name = "";
  try { name = String(window.name || ""); } catch (e) { return false; }
  if (name.indexOf(tabKey()) !== 0) return false;
  var parsed = null;
  try { parsed = JSON.parse(name.slice(tabKey().length)); } catch (e) { return false; }
  var clean = cleanProgress(parsed);
  if (clean) store.data = clean;
  return !!clean;
}

/** A click on a link to another site, with progress in window.name: Chromium would hand the student's name,
 *  answers and unit keys to that site's scripts (security round ii 1): the link opens in a new tab. */
function leaveInNewTab(e) {
  var a = !store.persistent && e.target.closest ? e.target.closest("a[href]") : null;
  if (a && /^https?:$/.test(a.protocol) && a.origin !== location.origin && !a.target) { a.target = "_blank"; a.rel = "noopener"; }
}

function saveToTab() {
  try { window.name = tabKey() + JSON.stringify(store.data); } catch (e) { /* nothing more to try */ }
}

function saveProgress() {
  tellLms();
  if (!store.persistent) { saveToTab(); return; }
  try { storage().setItem(KEY, JSON.stringify(store.data)); } catch (e) { goMemoryOnly(); }
}

var EMPTY_REC = cleanUnit({});

/** The record of a unit, for reading (never creates one). */
function peek(id) { return own(store.data.units, id) ? store.data.units[id] : EMPTY_REC; }

/** The record of a unit, for writing (creates it on first use). */
function record(id) {
  if (!own(store.data.units, id)) store.data.units[id] = cleanUnit({});
  return store.data.units[id];
}

/** Merge imported progress into ours so the better result always wins. */
function mergeUnit(into, from, unit, fromFile) {
  if (fromFile && from.mastered && !into.mastered) {
    // Shown as imported, not earned, unless the file records a passing attempt behind it (which
    // the teacher's report re-checks). A unit without a quiz has nothing to answer. (The LMS's
    // copy of this student's own progress, lms.js, is not a file anyone handed in.)
    if (unit.questions > 0 && !from.tries.some(function (t) { return t.passed; })) into.imported = true;
  }
  if (from.tries.some(function (t) { return t.passed; })) { delete into.imported; delete into.lms; }
  into.mastered = into.mastered || from.mastered;
  if (!into.key && from.key) into.key = from.key; // the unit key earned on the other device
  into.attempts = Math.max(into.attempts, from.attempts);
  if (from.best && better(from.best, into.best)) into.best = from.best;
  if (!into.last) into.last = from.last;
  // The unit's objectives where this page knows them (the progress page); elsewhere (lms.js on a
  // unit page: course-data.js is only the lock graph) every objective the other copy has.
  var ids = Array.isArray(unit.objectives) ? unit.objectives.map(function (o) { return o.id; }) : safeKeys(from.objectives);
  ids.forEach(function (id) {
    if (!own(from.objectives, id)) return;
    var a = own(into.objectives, id) ? into.objectives[id] : null, b = from.objectives[id];
    if (!a) { into.objectives[id] = b; return; }
    a.attempts = Math.max(a.attempts, b.attempts);
    if (b.best && better(b.best, a.best)) a.best = b.best;
    if (!a.last) a.last = b.last;
  });
  into.attempts = Math.max(into.attempts, mergeTries(into, from.tries)); // (1 on a laptop, 2 on a phone: 3)
}

/** The attempts of both, each once, in time order; how many that is. Past MAX_TRIES an imported attempt
 *  never pushes out one of ours (its time is only what the file says), except a failed one of ours to keep
 *  the only passing attempt: imported failed ones go first, then imported passing ones, then our failed. */
function mergeTries(into, tries) {
  var seen = Object.create(null), ours = into.tries.slice();
  into.tries.forEach(function (t) { seen[JSON.stringify(t)] = true; });
  (tries || []).forEach(function (t) { if (!seen[JSON.stringify(t)]) into.tries.push(t); });
  into.tries.sort(function (a, b) { return a.at < b.at ? -1 : a.at > b.at ? 1 : 0; });
  var all = into.tries.length;
  function first(test) { return into.tries.findIndex(test); }
  function theirs(t) { return ours.indexOf(t) < 0; }
  while (into.tries.length > MAX_TRIES) {
    var passing = into.tries.filter(function (t) { return t.passed; }).length;
    var i = first(function (t) { return theirs(t) && !t.passed; });
    if (i < 0) i = first(function (t) { return theirs(t) && passing > 1; });
    if (i < 0) i = first(function (t) { return !t.passed; });
    into.tries.splice(i < 0 ? 0 : i, 1);
  }
  return all;
}
