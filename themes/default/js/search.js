/* search.js: search over the units the student can open. Loaded (with _static/search-index.js)
 * only when the student starts a search: js/nav.js adds both scripts on the search box's first
 * focus or keystroke. Mirrors masterysite/search.py: the same folding and words, and the same
 * posting lists, decoded here (format in that module's docstring).
 *
 * A section matches when it holds every word typed, the last one as a prefix (the student may
 * still be typing it). Locked units are left out. Results name the unit and the section and link
 * to the section's heading; section titles and unit titles reach the page as text only. */
var doc = document, INDEX = window.MASTERYSITE_SEARCH, API = window.masterysite, COURSE_DATA = window.MASTERYSITE_COURSE;
var ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
var DIGIT = Object.create(null), MAX_SHOWN = 20;
for (var d = 0; d < ALPHABET.length; d++) DIGIT[ALPHABET.charAt(d)] = d;

/** Lower case without accents (kana's voicing marks kept), "ß" as "ss" (search.py's fold). */
function fold(text) {
  return text.toLowerCase().replace(/ß/g, "ss").normalize("NFKD").replace(/[^\P{M}\u3099\u309a]/gu, "").normalize("NFC");
}
/** Words; a run of Chinese or Japanese characters as its pairs of characters (search.py's _pairs). */
var CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
function tokens(text) {
  var out = [];
  (fold(text).match(/[\p{L}\p{N}]+/gu) || []).forEach(function (word) {
    var at = 0;
    word.replace(CJK, function (run, i) {
      if (i > at) out.push(word.slice(at, i));
      if (run.length === 1) out.push(run);
      for (var k = 0; k < run.length - 1; k++) out.push(run.substr(k, 2));
      at = i + run.length;
    });
    if (at < word.length) out.push(word.slice(at));
  });
  return out;
}

var WORDS = INDEX.words ? INDEX.words.split(" ") : [];
var POSTS = INDEX.posts ? INDEX.posts.split(" ") : [];
var SECTIONS = [], DECODED = Object.create(null), UNIT_BY_ID = Object.create(null);
(COURSE_DATA.units || []).forEach(function (u) { UNIT_BY_ID[u.id] = u; });
INDEX.units.forEach(function (entry) {
  entry[1].forEach(function (s) { SECTIONS.push({ unit: entry[0], anchor: s[0], title: s[1] }); });
});

/** The section numbers of word number i (decoded once, then kept). */
function postings(i) {
  if (DECODED[i]) return DECODED[i];
  var code = POSTS[i], out = [], n, c;
  if (code.charAt(0) === "~") {
    for (c = 1; c < code.length; c++) {
      var bits = DIGIT[code.charAt(c)];
      for (var b = 0; b < 6; b++) if (bits & (1 << b)) out.push((c - 1) * 6 + b);
    }
  } else {
    var value = 0, shift = 1, last = 0;
    for (c = 0; c < code.length; c++) {
      n = DIGIT[code.charAt(c)];
      if (n >= 32) { value += (n - 32) * shift; shift *= 32; continue; }
      last += value + n * shift;
      out.push(last);
      value = 0; shift = 1;
    }
  }
  DECODED[i] = out;
  return out;
}

/** First index in the sorted word list not below `word`. */
function lowerBound(word) {
  var lo = 0, hi = WORDS.length;
  while (lo < hi) { var mid = (lo + hi) >> 1; if (WORDS[mid] < word) lo = mid + 1; else hi = mid; }
  return lo;
}

/** Marks (in `into`, one byte a section) the sections holding `word`: exactly, or as a prefix. */
function markSections(word, prefix, into) {
  for (var i = lowerBound(word); i < WORDS.length; i++) {
    if (prefix ? WORDS[i].lastIndexOf(word, 0) !== 0 : WORDS[i] !== word) break;
    var list = postings(i);
    for (var k = 0; k < list.length; k++) into[list[k]] = 1;
  }
}

/** The sections (in course order) of open units that hold every word of `query`. */
function search(query) {
  var words = tokens(query), n = SECTIONS.length, all = null, hits = [];
  if (!words.length) return [];
  words.forEach(function (w, j) {
    var one = new Uint8Array(n);
    markSections(w, j === words.length - 1, one);
    if (all) { for (var k = 0; k < n; k++) all[k] &= one[k]; } else all = one;
  });
  for (var s = 0; s < n; s++) {
    if (all[s] && UNIT_BY_ID[SECTIONS[s].unit] && API.isOpen(SECTIONS[s].unit)) hits.push(SECTIONS[s]);
  }
  return hits;
}

function resultItem(s, root) {
  var u = UNIT_BY_ID[s.unit], link = doc.createElement("a"), unit = doc.createElement("span");
  link.href = root + u.href + (s.anchor ? "#" + s.anchor : "");
  unit.className = "search-results__unit";
  unit.textContent = u.title;
  link.appendChild(unit);
  if (s.title) {
    var section = doc.createElement("span");
    section.className = "search-results__section";
    section.textContent = s.title;
    link.appendChild(doc.createTextNode(" \u203a "));
    link.appendChild(section);
  }
  var li = doc.createElement("li");
  li.appendChild(link);
  return li;
}

var input = doc.getElementById("ms-search"), box = doc.getElementById("ms-search-results");
var strings = COURSE_DATA.strings || {}, ROOT_PATH = doc.documentElement.getAttribute("data-root") || "";

function say(key, n) { // (the plural form as util.js trn finds it)
  var form = n === 1 ? "one" : "other";
  try { form = new Intl.PluralRules(COURSE_DATA.language || "en").select(n); } catch (e) { /* an unknown tag */ }
  return String(strings[strings[key + "_" + form] ? key + "_" + form : key] || key).replace("{n}", String(n));
}

function show() {
  var query = input.value, status = doc.getElementById("ms-search-status"), list = doc.getElementById("ms-search-list");
  if (!tokens(query).length) { box.hidden = true; return; }
  var hits = search(query);
  list.textContent = "";
  hits.slice(0, MAX_SHOWN).forEach(function (s) { list.appendChild(resultItem(s, ROOT_PATH)); });
  status.textContent = hits.length ? say("search_found", hits.length) : say("search_none", 0);
  if (hits.length > MAX_SHOWN) status.textContent += " " + say("search_first", MAX_SHOWN);
  box.hidden = false;
}

input.addEventListener("input", show);
input.addEventListener("keydown", function (event) {
  if (event.key === "Escape") { input.value = ""; box.hidden = true; }
});
doc.getElementById("ms-search-form").addEventListener("submit", function (event) {
  event.preventDefault();
  show();
  var first = box.querySelector("a");
  if (first) first.focus();
});
show();
window.masterysiteSearch = { search: search, tokens: tokens };
