/* ------------------------------------------------------------------ *
 * Answer checking: mirrors masterysite/judging.py (docs/theme.md)    *
 * ------------------------------------------------------------------ */
function big(n) { return BigInt(n); }

function gcd(a, b) {
  if (a < big(0)) a = -a;
  while (b !== big(0)) { var t = a % b; a = b; b = t; }
  return a;
}

/** A number typed by a student as an exact fraction {n, d} (d > 0), or null.
 *  Same grammar as masterysite/parse/numbers.py: decimals (comma or point,
 *  optional exponent), fractions and mixed numbers. */
function parseNumber(text) {
  if (typeof BigInt !== "function") return null;
  var m, n, d = big(1), neg;
  // Digit groups of three split by spaces, as in French or German: "300 000", "1 234,5".
  if (/^\s*[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?\s*$/.test(text)) text = text.replace(/[ \u00a0\u202f](?=\d{3})/g, "");
  if ((m = /^\s*([+-]?)(?:(\d+)(?:[.,](\d*))?|[.,](\d+))(?:[eE]([+-]?\d+))?\s*$/.exec(text))) {
    var frac = m[3] || m[4] || "", exp = (m[5] ? parseInt(m[5], 10) : 0) - frac.length;
    if (Math.abs(exp) > 1000 || text.length > 200) return null; // absurd input (the build uses the same caps)
    n = big((m[2] || "") + frac || "0");
    if (exp >= 0) n = n * big(10) ** big(exp); else d = big(10) ** big(-exp);
  } else if ((m = /^\s*([+-]?)\s*(?:(\d+)\s+)?(\d+)\s*\/\s*(\d+)\s*$/.exec(text))) {
    d = big(m[4]);
    if (d === big(0)) return null;
    n = big(m[2] || "0") * d + big(m[3]);
  } else return null;
  neg = m[1] === "-";
  var g = gcd(n, d);
  if (g > big(1)) { n = n / g; d = d / g; }
  return { n: neg ? -n : n, d: d };
}

function parseFraction(str) {
  var m = /^(-?\d+)(?:\/(\d+))?$/.exec(String(str).trim());
  return m ? { n: big(m[1]), d: big(m[2] || "1") } : null;
}

function inRange(x, range) {
  var lo = parseFraction(range[0]), hi = parseFraction(range[1]);
  return !!(lo && hi && x.n * lo.d >= lo.n * x.d && x.n * hi.d <= hi.n * x.d);
}

/** Decode a question's secret (base64, XORed with a SHA-256 keystream). */
function secretOf(q) {
  if (q.decoded) return q.decoded;
  var fallback = { feedback: {}, explanation: null, correct: null, accepted: null, ranges: [], patterns: [], blanks: [] };
  try {
    var bin = atob(q.secret || ""), out = new Uint8Array(bin.length), block = null;
    for (var i = 0; i < bin.length; i++) {
      if (i % 32 === 0) block = sha256(utf8(q.salt + ":k:" + i / 32));
      out[i] = bin.charCodeAt(i) ^ block[i % 32];
    }
    var s = JSON.parse(fromUtf8(out));
    q.decoded = {
      feedback: isObj(s.feedback) ? s.feedback : {}, explanation: s.explanation || null,
      correct: Array.isArray(s.correct) ? s.correct : null, accepted: s.accepted || null,
      ranges: Array.isArray(s.ranges) ? s.ranges : [], patterns: Array.isArray(s.patterns) ? s.patterns : [],
      blanks: Array.isArray(s.blanks) ? s.blanks : [] };
  } catch (e) {
    q.decoded = fallback;
  }
  return q.decoded;
}

/* The rule table (masterysite/judging.py): each accepted alternative has a kind and a normalised
 * form; "t" lenient text, "n" number, "e" exact, "c" choices, "o" ordering are looked up by
 * salted hash; ranges and patterns (which cannot be hashed) come from the question's secret. */
var WS = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";
var EDGE_SPACE = new RegExp("^[" + WS + "]+|[" + WS + "]+$", "g"), INNER_SPACE = new RegExp("[" + WS + "]+", "g");

/** "== answer": NFC and trimmed; case and inner spaces kept. */
function exactText(text) { return String(text).normalize("NFC").replace(EDGE_SPACE, ""); }

/** "= answer" as text: also inner white space folded to one space, and lower case. */
function lenientText(text) { return exactText(text).replace(INNER_SPACE, " ").toLowerCase(); }

/** The forms a typed text could match, as [kind, form] (judging.response_forms). */
function textForms(text) {
  var forms = [["t", lenientText(text)], ["e", exactText(text)]], x = parseNumber(text);
  if (x) forms.push(["n", x.n + "/" + x.d]);
  return forms;
}

/** Per slot (one per blank, else one), the forms of a response: what is hashed and looked up. */
function responseForms(q, response) {
  if (q.kind === "text") return [textForms(response)];
  if (q.kind === "blanks") return response.map(textForms);
  if (q.kind === "ordering") return [[["o", response.join(",")]]];
  return [[["c", response.slice().sort().join(",")]]];
}

/** Each blank is hashed as a question of its own, salted "salt/index". */
function slotSalt(q, i) { return q.kind === "blanks" ? q.salt + "/" + i : q.salt; }

function patternMatches(p, text) {
  if (!Array.isArray(p) || typeof p[0] !== "string") return false;
  try {
    return new RegExp("^(?:" + p[0] + ")$", p[1] === "i" ? "iu" : "u").test(text);
  } catch (e) {
    return false;
  }
}

/** One typed text against one slot: its hashes, then its ranges and patterns. */
function slotRight(salt, hashes, extra, text) {
  if (typeof text !== "string" || !exactText(text)) return false;
  var hit = textForms(text).some(function (f) { return hashes.indexOf(sha256hex(salt + ":" + f[0] + ":" + f[1])) >= 0; });
  if (hit) return true;
  var x = parseNumber(text), ranges = Array.isArray(extra.ranges) ? extra.ranges : [];
  if (x && ranges.some(function (r) { return Array.isArray(r) && r.length === 2 && inRange(x, r); })) return true;
  var patterns = Array.isArray(extra.patterns) ? extra.patterns : [];
  return patterns.some(function (p) { return patternMatches(p, exactText(text)); });
}

/** Is this response right? Text: a string; blanks: an array of strings; choices: an array
 *  of choice ids; ordering: an array of item ids in the student's order (judging.judge). */
function judge(q, response) {
  var secret = secretOf(q);
  if (q.kind === "text") return slotRight(q.salt, q.answers || [], secret, response);
  if (!Array.isArray(response) || !response.every(function (r) { return typeof r === "string"; })) return false;
  if (q.kind === "blanks") {
    var blanks = Array.isArray(q.blanks) ? q.blanks : [];
    return blanks.length > 0 && response.length === blanks.length && blanks.every(function (hashes, i) {
      return slotRight(slotSalt(q, i), Array.isArray(hashes) ? hashes : [], secret.blanks[i] || {}, response[i]);
    });
  }
  if (q.kind !== "ordering" && !response.length) return false;
  var form = responseForms(q, response)[0][0];
  return (q.answers || []).indexOf(sha256hex(q.salt + ":" + form[0] + ":" + form[1])) >= 0;
}
