/* scorm.js: the launch page of a SCORM package (masterysite package --scorm 1.2|2004).
 *
 * A SCO may initialise the LMS session only once, so this page holds the session and shows the
 * course's own pages in a frame: the student moves between them inside one session. The pages
 * talk to this page through window.MASTERYSITE_LMS (js/lms.js, in the pages' own script):
 * they take the progress the LMS kept (suspend_data) when they load, and hand their progress
 * over each time they save it; this page reports it to the LMS (score, status, objectives,
 * interactions, suspend_data) and ends the session when the student leaves.
 *
 * Whatever the LMS answers, the course keeps working: every call is guarded, a failing LMS is
 * left alone, and the progress stays in the browser's own storage as on the plain site.
 * Mirrors masterysite/package.py (the manifest, the file this page lives in).
 */
"use strict";
var doc = document;
var COURSE = expandCourse(window.MASTERYSITE_COURSE); // js/course.js; objectives from this page
var VERSION = doc.documentElement.getAttribute("data-scorm") === "2004" ? "2004" : "1.2";
var V12 = VERSION === "1.2";
var lms = null; // the LMS API object, once initialised
var failures = 0;
var started = new Date();
var finished = false;
var sentUpTo = ""; // the time of the last attempt reported as interactions (kept in suspend_data)
var resumed = null; // progress decoded from suspend_data
var learner = ""; // the LMS's id of the learner logged in: the pages keep their progress under it

/* ---- finding the API (SCORM 1.2 RTE 3.3.6.1 / SCORM 2004 RTE 3.1.1: parents, then opener) ---- */
function findIn(win) {
  var name = V12 ? "API" : "API_1484_11";
  for (var depth = 0; win && depth < 500; depth++) {
    try { if (win[name]) return win[name]; } catch (e) { /* another origin: look further up */ }
    var parent = null;
    try { parent = win.parent; } catch (e) { parent = null; }
    if (!parent || parent === win) break;
    win = parent;
  }
  return null;
}

function findApi() {
  var api = findIn(window);
  if (!api) {
    try { if (window.top && window.top.opener) api = findIn(window.top.opener); } catch (e) { api = null; }
  }
  return api;
}

/* ---- guarded calls: an exception or "false" counts as a failure and is never fatal ---- */
var NAMES = V12
  ? { init: "LMSInitialize", finish: "LMSFinish", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit" }
  : { init: "Initialize", finish: "Terminate", get: "GetValue", set: "SetValue", commit: "Commit" };

function call(what, a, b) {
  if (!lms) return null;
  try {
    var result = b === undefined ? lms[NAMES[what]](a) : lms[NAMES[what]](a, b);
    if (what !== "get" && String(result) !== "true") failures += 1;
    return result;
  } catch (e) {
    failures += 1;
    return null;
  }
}

function get(name) {
  var value = call("get", name);
  return typeof value === "string" ? value : "";
}

function set(name, value) { call("set", name, String(value)); }

/* ---- compact progress for suspend_data (SCORM 1.2 keeps 4,096 characters) ----
 * "4" | sentUpTo | units | keys | student name. A unit: three characters of a hash of its id (a
 * teacher may insert, move or remove units and republish the package: each record finds its own
 * unit, or none; where two ids of the course share three, as many as tell them apart, and the
 * version says how many: "4:4", "4:5"), two of a hash of its objective ids, then numbers: flags (1 mastered, 2 has a
 * best score), attempts, best right and total, the number of objectives, and for each its
 * attempts, then (if any) best right and total. A unit whose objectives have changed keeps its
 * record but not its objectives' (their order is not known). Each number is base-32 digits, high
 * digits first, all but the last marked by adding 32 to the digit.
 * A key: the three characters of its unit, then its unit key (the 32 bytes that open its
 * review and enrichment, js/seal.js) as 43 characters of six bits each. Keys come after every
 * record and only as many as fit in the limit, the most recently earned first: past it, a
 * mastered unit stays mastered on another computer, and its review and enrichment open again
 * when the student passes its quiz there (this browser keeps every key in its own storage).
 * ("3": records by the unit's index and a hash of its id and objectives; "2": the same without
 * keys: as packages before wrote them, still read.) */
var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
var LIMIT = V12 ? 4096 : 64000; // SCORM 1.2 CMIString4096, SCORM 2004 SPM 64,000 characters
var KEY_CHARS = 43;

function putNumber(out, n) {
  var parts = [n % 32];
  n = Math.floor(n / 32);
  while (n > 0) { parts.unshift(32 + (n % 32)); n = Math.floor(n / 32); }
  parts.forEach(function (d) { out.push(DIGITS.charAt(d)); });
}

function reader(text) {
  var at = 0;
  return {
    number: function () {
      var n = 0;
      for (;;) {
        var d = DIGITS.indexOf(text.charAt(at++));
        if (d < 0) throw new Error("suspend_data: bad number");
        n = n * 32 + (d % 32);
        if (d < 32) return n;
      }
    },
    chars: function (k) { var s = text.slice(at, at + k); at += k; return s; },
    done: function () { return at >= text.length; }
  };
}

function fnv(text) {
  var h = 0x811c9dc5;
  for (var i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return h;
}

/** The first ``n`` six-bit digits of a text's hash. */
function hashChars(text, n) {
  var h = fnv(text), out = "";
  for (var i = 0; i < n; i++) out += DIGITS.charAt((h >>> (6 * i)) & 63);
  return out;
}

function hash2(text) { return hashChars(text, 2); }

/** How many characters of a hash tell this course's units apart: 3 (version "4"), or 4 or 5 when two
 *  ids share their first three (one course in fifty at 100 units; version "4:4" or "4:5"). */
function idLength() {
  for (var n = 3; n < 5; n++) {
    var seen = Object.create(null), clash = COURSE.units.some(function (u) {
      var h = hashChars(u.id, n), was = h in seen;
      seen[h] = true;
      return was;
    });
    if (!clash) return n;
  }
  return 5;
}

function objectiveIds(u) { return (u.objectives || []).map(function (o) { return o.id; }).join("\n"); }

function unitHash(u) { return hash2(u.id + "\n" + objectiveIds(u)); } // version 3

/** The units of the course by the first ``n`` characters of the hash of their id: a list, since two
 *  units of a republished course may share them (then the objectives' hash, or the records, say which). */
function unitsByHash(n) {
  var out = Object.create(null);
  COURSE.units.forEach(function (u) { var h = hashChars(u.id, n); (out[h] = out[h] || []).push(u); });
  return out;
}

function isScore(s) { return Array.isArray(s) && s.length === 2 && s[1] > 0; }

function encodeUnit(out, u, r, n) {
  out.push(hashChars(u.id, n), hash2(objectiveIds(u)));
  putNumber(out, (r.mastered ? 1 : 0) + (isScore(r.best) ? 2 : 0));
  putNumber(out, r.attempts || 0);
  if (isScore(r.best)) { putNumber(out, r.best[0]); putNumber(out, r.best[1]); }
  putNumber(out, (u.objectives || []).length);
  (u.objectives || []).forEach(function (o) {
    var orec = Object.prototype.hasOwnProperty.call(r.objectives || {}, o.id) ? r.objectives[o.id] : null;
    var tried = orec && isScore(orec.best) ? orec.attempts || 1 : 0;
    putNumber(out, tried);
    if (tried) { putNumber(out, orec.best[0]); putNumber(out, orec.best[1]); }
  });
}

/** A unit key (base64 of 32 bytes, as progress keeps it) as 43 DIGITS, or "" if it is not one. */
function keyChars(b64) {
  var bin = "";
  try { bin = typeof b64 === "string" && /^[A-Za-z0-9+\/]{43}=$/.test(b64) ? atob(b64) : ""; } catch (e) { bin = ""; }
  if (bin.length !== 32) return "";
  var out = "", n = 0, bits = 0;
  for (var i = 0; i < bin.length; i++) {
    n = (n << 8) | bin.charCodeAt(i);
    bits += 8;
    while (bits >= 6) { bits -= 6; out += DIGITS.charAt((n >> bits) & 63); }
    n &= (1 << bits) - 1;
  }
  return out + DIGITS.charAt((n << (6 - bits)) & 63); // 256 bits: 42 whole characters and 4 bits
}

/** 43 DIGITS -> the unit key as base64; throws on a character that is not one of them. */
function keyFromChars(text) {
  var bin = "", n = 0, bits = 0;
  for (var i = 0; i < text.length; i++) {
    var d = DIGITS.indexOf(text.charAt(i));
    if (d < 0) throw new Error("suspend_data: bad key");
    n = (n << 6) | d;
    bits += 6;
    if (bits >= 8) { bits -= 8; if (bin.length < 32) bin += String.fromCharCode((n >> bits) & 255); }
    n &= (1 << bits) - 1;
  }
  return btoa(bin);
}

/** When the unit's key was earned, as near as progress tells: its latest passed attempt ("" if none). */
function earnedAt(r) {
  var at = "";
  (Array.isArray(r.tries) ? r.tries : []).forEach(function (t) {
    if (t && t.passed && typeof t.at === "string" && t.at > at) at = t.at;
  });
  return at;
}

function encodeProgress(data) {
  var out = [], keys = [], units = data.units || {}, n = idLength();
  COURSE.units.forEach(function (u, index) {
    if (!Object.prototype.hasOwnProperty.call(units, u.id)) return;
    var r = units[u.id];
    if (r && (r.mastered || r.attempts)) encodeUnit(out, u, r, n);
    var chars = r && r.mastered ? keyChars(r.key) : "";
    if (chars) keys.push({ text: hashChars(u.id, n) + chars, at: earnedAt(r), index: index });
  });
  var head = (n === 3 ? "4" : "4:" + n) + "|" + sentUpTo + "|" + out.join("") + "|", tail = "|" + String(data.student || "").slice(0, 100);
  // The most recently earned keys first (then the later units of the course), as many as fit.
  keys.sort(function (a, b) { return a.at !== b.at ? (a.at < b.at ? 1 : -1) : b.index - a.index; });
  var room = LIMIT - head.length - tail.length, kept = [];
  keys.forEach(function (k) {
    if (k.text.length <= room) { kept.push(k); room -= k.text.length; }
  });
  kept.sort(function (a, b) { return a.index - b.index; });
  return head + kept.map(function (k) { return k.text; }).join("") + tail;
}

function newRecord(read) {
  var flags = read.number(), r = { mastered: (flags & 1) === 1, attempts: read.number(), best: null,
    objectives: Object.create(null), last: null, prev: [], tries: [] };
  if (flags & 2) r.best = [read.number(), read.number()];
  return r;
}

/** Version 4: a record, and its unit (null when no unit of the course has its id now). */
function decodeUnit(read, byHash, length) {
  var found = byHash[read.chars(length)] || [], objectives = read.chars(2), r = newRecord(read), n = read.number();
  if (found.length > 1) found = found.filter(function (v) { return hash2(objectiveIds(v)) === objectives; });
  var u = found.length === 1 ? found[0] : null, tried = [];
  for (var i = 0; i < n; i++) {
    var t = read.number();
    tried.push(t ? { attempts: t, best: [read.number(), read.number()], last: null } : null);
  }
  if (u && hash2(objectiveIds(u)) === objectives && u.objectives.length === n) {
    u.objectives.forEach(function (o, j) { if (tried[j]) r.objectives[o.id] = tried[j]; });
  }
  return u ? { id: u.id, record: r } : null;
}

/** Versions 2 and 3: the unit at the record's index, or elsewhere when units were inserted or moved
 *  (the hash of its id and objectives says which); none: the record's length is not known, stop. */
function decodeUnit3(read) {
  var index = read.number(), hash = read.chars(2), u = COURSE.units[index];
  if (!(u && unitHash(u) === hash)) u = COURSE.units.filter(function (v) { return unitHash(v) === hash; })[0];
  var r = newRecord(read);
  if (!u) throw new Error("suspend_data: the course has changed"); // objectives' count unknown: stop here
  u.objectives.forEach(function (o) {
    var tried = read.number();
    if (tried) r.objectives[o.id] = { attempts: tried, best: [read.number(), read.number()], last: null };
  });
  return { id: u.id, record: r };
}

/** The keys section: each key given to its unit's record, when the unit is still in the course. */
function decodeKeys(text, units, version, byHash, length) {
  var read = reader(text);
  try {
    while (!read.done()) {
      var u = null;
      if (version === "4") {
        var found = (byHash[read.chars(length)] || []).filter(function (v) {
          return units[v.id] && units[v.id].mastered && !units[v.id].key;
        });
        u = found[0] || null; // keys are written in the course's order: the first of two units without one
      } else {
        var at = COURSE.units[read.number()], hash = read.chars(2);
        u = at && unitHash(at) === hash ? at : null;
      }
      var chars = read.chars(KEY_CHARS);
      if (chars.length !== KEY_CHARS) return;
      if (u && units[u.id] && units[u.id].mastered) units[u.id].key = keyFromChars(chars);
    }
  } catch (e) { /* keep the keys read before the damage */ }
}

function decodeProgress(text) {
  var parts = String(text || "").split("|"), form = /^(4)(?::([45]))?$/.exec(parts[0]);
  var version = form ? "4" : parts[0], length = form && form[2] ? Number(form[2]) : 3, named = version === "2" ? 3 : 4;
  if ((version !== "2" && version !== "3" && version !== "4") || parts.length < named + 1) return null;
  var out = { schema: 1, course: COURSE.id, student: parts.slice(named).join("|"), units: Object.create(null) };
  var byHash = unitsByHash(length);
  sentUpTo = parts[1];
  var read = reader(parts[2]);
  try {
    while (!read.done()) {
      var unit = version === "4" ? decodeUnit(read, byHash, length) : decodeUnit3(read);
      if (unit) out.units[unit.id] = unit.record;
    }
  } catch (e) { /* keep what was read before the damage */ }
  if (version !== "2") decodeKeys(parts[3], out.units, version, byHash, length);
  return out;
}

/* ---- reporting ---- */
function safeId(text) {
  return String(text).replace(/[^A-Za-z0-9_-]/g, function (c) { return "_" + c.charCodeAt(0).toString(16); }).slice(0, 250);
}

/** An id of a unit's objective or question as the LMS takes it: SCORM 1.2 holds 255 characters, and an id of
 *  Chinese words is five a character; a longer one ends in its hash (the LMS had refused it: jj security 5). */
function lmsId(unitId, id) {
  var full = safeId(unitId) + "__" + safeId(id);
  return full.length <= 255 ? full : full.slice(0, 245) + "_" + ("0000000" + fnv(full).toString(16)).slice(-8);
}

function share(s) { return isScore(s) ? s[0] / s[1] : 0; }

function passes(s, mastery) { return isScore(s) && s[0] * mastery[1] >= mastery[0] * s[1]; }

function reportScore(data) {
  var n = COURSE.units.length, done = COURSE.units.filter(function (u) {
    return data.units[u.id] && data.units[u.id].mastered;
  }).length;
  var raw = n ? Math.floor((100 * done) / n) : 100, all = done === n; // (2 of 3 units: 66, as 2/3 is written)
  if (V12) {
    set("cmi.core.score.min", 0); set("cmi.core.score.max", 100); set("cmi.core.score.raw", raw);
    set("cmi.core.lesson_status", all ? "passed" : "incomplete");
  } else {
    set("cmi.score.min", 0); set("cmi.score.max", 100); set("cmi.score.raw", raw);
    set("cmi.score.scaled", n ? (done / n).toFixed(4) : "1");
    set("cmi.completion_status", all ? "completed" : "incomplete");
    set("cmi.success_status", all ? "passed" : "unknown");
    set("cmi.progress_measure", n ? (done / n).toFixed(4) : "1");
  }
}

var objectiveAt = null, objectiveCount = 0, objectiveSent = Object.create(null);

/** The index of an objective in the LMS's cmi.objectives: where the LMS holds its id already (a
 *  package republished with units or objectives added keeps each at its place: an id once set
 *  cannot change), else the next free one. */
function objectiveIndex(id) {
  if (!objectiveAt) {
    objectiveAt = Object.create(null);
    var n = parseInt(get("cmi.objectives._count"), 10);
    objectiveCount = n > 0 ? n : 0;
    for (var i = 0; i < objectiveCount; i++) {
      var held = get("cmi.objectives." + i + ".id");
      if (held && !Object.prototype.hasOwnProperty.call(objectiveAt, held)) objectiveAt[held] = i;
    }
  }
  if (!Object.prototype.hasOwnProperty.call(objectiveAt, id)) objectiveAt[id] = objectiveCount++;
  return objectiveAt[id];
}

function reportObjectives(data) {
  COURSE.units.forEach(function (u) {
    var r = Object.prototype.hasOwnProperty.call(data.units, u.id) ? data.units[u.id] : null;
    (u.objectives || []).forEach(function (o) {
      var orec = r && r.objectives && Object.prototype.hasOwnProperty.call(r.objectives, o.id) ? r.objectives[o.id] : null;
      var best = orec && isScore(orec.best) ? orec.best : null, met = best && passes(best, u.mastery || [4, 5]);
      var id = lmsId(u.id, o.id), n = objectiveIndex(id), p = "cmi.objectives." + n + ".";
      var said = JSON.stringify([best, met]);
      if (objectiveSent[n] === said) return; // sent this session already: the LMS has it
      objectiveSent[n] = said;
      set(p + "id", id);
      // (2/3 is 66, as the progress page and the report write it: round hh, LMS 20)
      if (best) { set(p + "score.min", 0); set(p + "score.max", 100); set(p + "score.raw", Math.floor((100 * best[0]) / best[1])); }
      if (V12) set(p + "status", !best ? "not attempted" : met ? "passed" : "failed");
      else {
        if (best) set(p + "score.scaled", share(best).toFixed(4));
        set(p + "success_status", !best ? "unknown" : met ? "passed" : "failed");
        set(p + "completion_status", !best ? "not attempted" : met ? "completed" : "incomplete");
        if (o.text) set(p + "description", String(o.text).slice(0, 250));
      }
    });
  });
}

var TYPES = { single: "choice", multiple: "choice", text: "fill-in", blanks: "fill-in", ordering: "sequencing" };

function responseText(a, type) {
  var parts = Array.isArray(a.r) ? a.r : [a.r];
  if (type === "fill-in") parts = parts.map(function (s) { return String(s).replace(/^\{/, "(").replace(/\[,\]/g, "[ ,]").slice(0, 250); });
  if (V12) return parts.join(",").slice(0, 255);
  return (type === "fill-in" ? parts.slice(0, 10) : parts).join("[,]"); // (2004 takes 10 strings: jj security 6)
}

function localTime(iso) {
  var d = new Date(iso);
  return isNaN(d.getTime()) ? iso.slice(11, 19) : pad(d.getHours()) + ":" + pad(d.getMinutes()) + ":" + pad(d.getSeconds());
}

function reportInteraction(unit, t, a) {
  var type = TYPES[a.k] || "fill-in", n = parseInt(get("cmi.interactions._count"), 10);
  if (!(n >= 0)) n = 0;
  var p = "cmi.interactions." + n + ".";
  set(p + "id", lmsId(unit.id, a.q));
  set(p + "type", type);
  if (typeof a.o === "string") set(p + "objectives.0.id", lmsId(unit.id, a.o));
  if (V12) {
    set(p + "time", localTime(t.at)); // CMITime: the learner's clock, no zone
    set(p + "student_response", responseText(a, type));
    set(p + "result", a.ok ? "correct" : "wrong");
  } else {
    set(p + "timestamp", t.at.slice(0, 21) + "Z"); // UTC, and says so: a zone (TZD) only after ".s"
    var response = responseText(a, type); // (none for a question skipped: 2004 refuses an empty choice, 406)
    if (response.replace(/\[,\]/g, "")) set(p + "learner_response", response);
    set(p + "result", a.ok ? "correct" : "incorrect");
  }
}

var known = null; // the attempts the LMS has: those of this session's start up to sentUpTo, and each one sent since

/** Each checked answer not yet reported, in time order. An attempt is known by its unit and time: one made
 *  in this session is sent whatever its time, as a computer whose clock is behind the last one's dates it
 *  before sentUpTo (its answers had never reached the LMS: round hh, LMS 4). */
function reportInteractions(data) {
  var fresh = [], first = known === null;
  known = known || Object.create(null);
  COURSE.units.forEach(function (u) {
    var r = Object.prototype.hasOwnProperty.call(data.units, u.id) ? data.units[u.id] : null;
    (r && Array.isArray(r.tries) ? r.tries : []).forEach(function (t) {
      var k = u.id + "\n" + t.at;
      if (first && t.at <= sentUpTo) known[k] = true;
      if (!known[k]) fresh.push({ unit: u, t: t, k: k });
    });
  });
  fresh.sort(function (x, y) { return x.t.at < y.t.at ? -1 : x.t.at > y.t.at ? 1 : 0; });
  fresh.forEach(function (f) {
    f.t.answers.forEach(function (a) { reportInteraction(f.unit, f.t, a); });
    known[f.k] = true;
    if (f.t.at > sentUpTo) sentUpTo = f.t.at;
  });
}

function reportAll(data) {
  if (!lms || finished || !data || typeof data !== "object" || !data.units) return;
  reportScore(data);
  reportObjectives(data);
  reportInteractions(data);
  var suspend = encodeProgress(data);
  set("cmi.suspend_data", suspend);
  set(V12 ? "cmi.core.exit" : "cmi.exit", "suspend");
  call("commit", "");
  // The LMS refused it (a session expired, a quota full): said above the course, or nobody knew until the
  // end of term (round hh, LMS 5). The progress is kept in the browser all the same.
  if (failures && doc.getElementById("ms-lms-failing")) doc.getElementById("ms-lms-failing").hidden = false;
}

/* ---- session time, location, the end of the session ---- */
function pad(n) { return (n < 10 ? "0" : "") + n; }

function sessionTime() {
  var s = Math.max(0, Math.round((new Date() - started) / 1000));
  var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
  return V12 ? pad(h) + ":" + pad(m) + ":" + pad(sec) : "PT" + h + "H" + m + "M" + sec + "S";
}

function finish() {
  if (!lms || finished) return;
  rememberPlace();
  set(V12 ? "cmi.core.session_time" : "cmi.session_time", sessionTime());
  set(V12 ? "cmi.core.exit" : "cmi.exit", "suspend");
  call("commit", "");
  call("finish", "");
  finished = true;
}

var frame = doc.getElementById("ms-course");
var PLACE = /^(?:index|progress|units\/[^\/?#]+)\.html$/;

/** The page the student is on, relative to this one ("units/x.html"), or "" if none of ours. */
function place() {
  try {
    var here = window.location.href.replace(/[^\/]*$/, ""), there = frame.contentWindow.location.href.split("#")[0];
    if (there.indexOf(here) !== 0) return "";
    var rel = there.slice(here.length);
    return PLACE.test(rel) ? rel : "";
  } catch (e) { return ""; }
}

/** The place to keep: the page's path, or for a unit whose path is longer than the LMS keeps (SCORM
 *  1.2: 255 characters, which 41 letters of Cyrillic or Arabic fill, percent-encoded), "@" and the
 *  characters of its id's hash that suspend_data names it with. */
function placeToKeep(rel) {
  if (rel.length <= (V12 ? 255 : 1000)) return rel;
  var u = unitOfPath(rel);
  return u ? "@" + hashChars(u.id, idLength()) : "";
}

/** The page a kept place names ("" when it names none of this course's: a unit since removed or renamed
 *  had opened the server's "not found" in the LMS, with no way on; new teacher cc 16). */
function placeKept(kept) {
  if (PLACE.test(kept)) return kept.indexOf("units/") === 0 && !unitOfPath(kept) ? "" : kept;
  if (!/^@[0-9A-Za-z_-]{3,5}$/.test(kept)) return "";
  var found = (unitsByHash(kept.length - 1)[kept.slice(1)] || []);
  return found.length === 1 ? "units/" + encodeURIComponent(found[0].id) + ".html" : "";
}

/** The unit of this package a page's path ("units/x.html") names, or undefined. */
function unitOfPath(rel) {
  var id;
  try { id = decodeURIComponent(rel.slice("units/".length, -".html".length)); } catch (e) { return undefined; }
  return COURSE.units.filter(function (v) { return v.id === id; })[0];
}

function rememberPlace() {
  var rel = placeToKeep(place());
  if (rel) set(V12 ? "cmi.core.lesson_location" : "cmi.location", rel);
}

/* ---- start ---- */
function startSession() {
  var api = findApi();
  if (!api) return;
  lms = api;
  var ok = call("init", "");
  if (String(ok) !== "true") { lms = null; return; } // no session: the course runs as the plain site
  resumed = decodeProgress(get("cmi.suspend_data"));
  learner = get(V12 ? "cmi.core.student_id" : "cmi.learner_id");
  if (V12) set("cmi.core.score.min", 0);
}

window.MASTERYSITE_LMS = {
  course: COURSE && COURSE.id,
  version: VERSION,
  /** The progress the LMS kept, or null. */
  progress: function () { return resumed; },
  /** A page saved its progress: report it. */
  saved: function (data) { try { reportAll(data); } catch (e) { failures += 1; } },
  failures: function () { return failures; },
  connected: function () { return !!lms; },
  learner: function () { return learner; },
  units: function () { return COURSE.units; }, // as this page reads them (tests edit them: a republished package)
  encode: encodeProgress,
  decode: decodeProgress,
  limit: LIMIT
};

try { startSession(); } catch (e) { lms = null; }
var start = "index.html";
if (lms) {
  start = placeKept(get(V12 ? "cmi.core.lesson_location" : "cmi.location")) || start;
}
frame.addEventListener("load", function () { try { if (lms && !finished) rememberPlace(); } catch (e) { /* keep going */ } });
frame.src = start;
window.addEventListener("pagehide", finish);
window.addEventListener("beforeunload", finish);
