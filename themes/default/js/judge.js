/* ------------------------------------------------------------------ *
 * Answer checking (docs/theme.md, "unit_data_json")                  *
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
  var fallback = { feedback: {}, explanation: null, correct: null, accepted: null, ranges: [] };
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
      ranges: Array.isArray(s.ranges) ? s.ranges : [] };
  } catch (e) {
    q.decoded = fallback;
  }
  return q.decoded;
}

function isRight(q, response) {
  var answers = q.answers || [];
  function hit(kind, value) { return answers.indexOf(sha256hex(q.salt + ":" + kind + ":" + value)) >= 0; }
  if (q.kind !== "text") return response.length > 0 && hit("c", response.slice().sort().join(","));
  if (!response.trim()) return false;
  var norm = response.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
  if (hit("t", norm)) return true;
  var x = parseNumber(response);
  if (!x) return false;
  if (hit("n", x.n + "/" + x.d)) return true;
  return secretOf(q).ranges.some(function (r) { return Array.isArray(r) && r.length === 2 && inRange(x, r); });
}
