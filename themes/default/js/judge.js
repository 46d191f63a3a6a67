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
  if (typeof BigInt !== "function" || String(text).length > 200) return null; // (the build's cap: MAX_LENGTH)
  var m, n, d = big(1), neg;
  text = String(text).replace(/\u2212/g, "-"); // the minus sign of typeset math (parse/numbers.py)
  // Digit groups of three split by spaces, as in French or German: "300 000", "1 234,5".
  if (/^\s*[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?\s*$/.test(text)) text = text.replace(/[ \u00a0\u202f](?=\d{3})/g, "");
  if ((m = /^\s*([+-]?)(?:(\d+)(?:[.,](\d*))?|[.,](\d+))(?:[eE]([+-]?\d+))?\s*$/.exec(text))) {
    var frac = m[3] || m[4] || "", written = m[5] ? parseInt(m[5], 10) : 0, exp = written - frac.length;
    if (Math.abs(written) > 1000) return null; // absurd input ('1e99999999'): the build's MAX_EXPONENT
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

/* The rule table (masterysite/judging.py): each accepted alternative has a kind and a normalised
 * form; "t" lenient text, "n" number, "e" exact, "c" choices, "o" ordering open lockboxes
 * (js/seal.js); ranges and patterns (which cannot be sealed) are shipped as they are. */
var WS = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";
var EDGE_SPACE = new RegExp("^[" + WS + "]+|[" + WS + "]+$", "g"), INNER_SPACE = new RegExp("[" + WS + "]+", "g");

// Digits of other scripts, the Arabic decimal mark, thousands sign and percent, direction marks (judging._SCRIPT_CHARS)
// (a no-break space is a space, a space of no width nothing: judging._UNBROKEN)
var SCRIPT_CHARS = /[\u060c\u0660-\u066c\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\u200e\u200f\u061c\u202a-\u202f\u2066-\u2069\u00a0\u2009\u200b\ufeff]/g;
var COMPATIBLE = /[\u3000\u3300-\u33ff\ufb50-\ufdff\ufe70-\ufefe\uff01-\uff9f\uffe0-\uffe6]/g; // full-width, "㎝", "ﾃﾞ", Arabic presentation forms (judging._COMPATIBLE)
var SCRIPT_AS = { "\u066b": ".", "\u066c": "\u202f", "\u066a": "%", "\u060c": ",", "\u00a0": " ", "\u2009": " ", "\u202f": " " };
[0x660, 0x6f0, 0x966, 0x9e6].forEach(function (zero) {
  for (var i = 0; i < 10; i++) SCRIPT_AS[String.fromCharCode(zero + i)] = String(i);
});
function scriptChar(c) { return SCRIPT_AS[c] || ""; } // (a direction mark: nothing)

/** "== answer": NFC and trimmed; case and inner spaces kept; other scripts' digits and full-width characters
 *  the ones they stand for, a no-break space a space, no direction marks nor spaces of no width
 *  (judging.exact_text). */
function exactText(text) {
  return String(text).normalize("NFC").replace(SCRIPT_CHARS, scriptChar)
    .replace(COMPATIBLE, function (c) { return c.normalize("NFKC"); }).normalize("NFC").replace(EDGE_SPACE, "")
    .replace(/(?<![^\s0-9A-Za-z(=+*/^])ー(?=[.,]?[0-9A-Za-z(])/g, "-"); // a Japanese input method's minus (judging._LONG_VOWEL_MINUS)
}

/** One character for several as typeset, written out: "½" "1/2", "1½" "1 1/2", "℃" "°C" (judging.typeset). */
function typeset(text) {
  return text.replace(/(?:(\d)\s*)?([¼½¾⅐-⅞])|[℃℉⁄µ]/g, function (all, d, c) {
    return (c ? (d ? d + " " : "") + c : all).normalize("NFKC").replace("⁄", "/");
  }).replace(/(,\d+)\.(?=10[*^⁰¹²³⁴-⁹⁻⁺])/g, "$1×"); // "6,02.10^23": a point for "×" after a decimal comma (judging._POINT_TIMES)
}

/** The "==" form compared (judging.exact_form): curly quotes straight, typeset characters written out,
 *  the division slash a slash, a minus sign or dash before a number a hyphen ("−4.6"), no space around a
 *  fraction's slash ("3 / 4"). */
var SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
function exactForm(text) {
  return typeset(exactText(text)).replace(/(?<!\S)—(?=[A-Za-z])/g, "--") // an iPad's "--" (judging._SMART_DASH)
    // scientific notation one way, its digits kept: "3.0 × 10^8", "3.0x10⁸", "3.0E+8" are "3.0e8" (judging._SCIENTIFIC)
    .replace(/(\d)\s*[×xX*·⋅]\s*10\s*(?:(?:\^|\*\*)\s*\(?\s*([+\-\u2012-\u2014\u2212]?)\s*(\d+)(?:\s*\))?|([⁺⁻]?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+))/g, function (all, d, s, e, t, u) {
      s = s || t;
      return d + "e" + (s && s !== "+" && s !== "⁺" ? "-" : "") + (e || u.replace(/./g, function (c) { return SUPERSCRIPTS.indexOf(c); }));
    }).replace(/(\d)[eE]\+?(?=-?\d)/g, "$1e")
    .replace(/[‘’‚´ʼ]|(?<=[A-Za-z])′/g, "'").replace(/[“”„]|«\s?|\s?»/g, '"').replace(/∶/g, ":").replace(/∕/g, "/") // "„Hallo“", "« Bonjour »", "f´(x)" (judging._QUOTES)
    .replace(/…/g, "...")
    // a formula as typeset (judging._CHARGE): a charge's digits and sign, subscript digits; not a power ("x²")
    .replace(/([⁰¹²³⁴⁵⁶⁷⁸⁹]*)([⁺⁻])/g, function (all, digits, sign) {
      return digits.replace(/./g, function (c) { return String(SUPERSCRIPTS.indexOf(c)); }) + (sign === "⁺" ? "+" : "-");
    })
    .replace(/[₀-₉]/g, function (c) { return String(c.charCodeAt(0) - 8320); })
    .replace(/(^|[^0-9A-Za-z])[\u2012-\u2014\u2212](?=[.,]?\d)/g, "$1-").replace(/(\d)\s*\/\s*(?=\d)/g, "$1/")
    .replace(new RegExp("^([+-]?\\d[\\d.,]*(?:e-?\\d+)?)[" + WS + "]*([°º˚]?[A-Za-zµΩ%][A-Za-zµΩ%/·]*(?:\\^?-?\\d)?)$"), function (a, n, u) { return n + u.replace(/[º˚]/g, "°"); }); // "0.050g" (judging._UNIT_SPACE)
}

/** "= answer" as text: exactForm, also inner white space folded to one space, lower case,
 *  a comma with one space after it ("1,2" is "1, 2"),
 *  subscript digits plain ("H₂O"), a charge's sign plain ("Na⁺", "Cl−"), "º" and "˚" the degree sign, and without a sentence's own marks: ".", "!" or "?" at the end
 *  ("Numerator." is the answer written as a sentence), "¿" and "¡" at the start. */
// Arabic: harakat and tatweel left out, its ? , ; and the letters typed for one another (judging._ARABIC)
var ARABIC = /[\u064b-\u065f\u0670\u0640؟،؛أإآٱىةیک、]/g, ARABIC_AS = { "؟": "?", "،": ",", "、": ",", "؛": ";", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك" };
function lenientText(text) {
  var folded = exactForm(text).replace(ARABIC, function (c) { return ARABIC_AS[c] || ("أإآٱ".indexOf(c) >= 0 ? "ا" : ""); })
    .replace(INNER_SPACE, " ").replace(/ ?([,;]) ?/g, "$1 ").toLowerCase().replace(/i\u0307|ı/g, "i")
    .replace(/−/g, "-").replace(/[º˚]/g, "°") // (exactForm made subscripts and a charge's signs plain)
    .replace(/<=>|->|=>|<=|>=|!=|[·⋅∙]/g, function (s) { return SIGNS[s] || "*"; }) // "x <= 3", "2⋅e^x" (judging._SIGN)
    .replace(/ß|ẞ/g, "ss").replace(/œ/g, "oe").replace(/(?<=[\w'"]) ?: ?(?=[\w'"])/g, ":") // "STRASSE", "oeuf", "15 : 30"
    .replace(/(?<=\d) ?h ?([0-5]\d)(?: ?min)?(?![0-9a-z])|(?<=\d) ?(min) ?([0-5]?\d) ?s(?![0-9a-z])/g, function (t, m, n, s) { return m ? ":" + m : "min" + s + "s"; }) // "15h30", "2 h 20 min" (judging._HOUR_H)
    .replace(/([A-Za-z0-9])[\u2013\u2014](?=$|[ ,;.])/g, "$1-") // "Cl–" as a phone types "Cl⁻" (judging._CHARGE_DASH)
    .replace(/ ?([-+*/^=()<>[\]{}|×÷≤≥≠→⇌⇒∩∪±≈]) ?/g, "$1").replace(/(^|[^\w.])\.(?=\d)/g, "$10.") // (\w, \d: ASCII, as in judging._LEADING_POINT) // "1/(1 - c)", "(.25, .75)" (judging._OPERATOR_SPACE)
    .replace(/(?<=\d) (?=\p{L}(?:\^|\*\*|[²³¹⁰⁴-⁹]))/gu, ""); // "3 x^2" (judging._COEFFICIENT_SPACE)
  var end = /(?:[.!?。]+| [!?]+)$/.exec(folded), head = end ? folded.slice(0, end.index) : "";
  if (/[\p{L}\p{M}]$/u.test(head) || /\d$/.test(head) && end[0].indexOf("!") < 0) folded = head; // (judging._without_sentence_end)
  return folded.replace(/ +$/, "").replace(/^[¿¡]+ */, "") || folded;
}
var SIGNS = { "<=>": "⇌", "->": "→", "=>": "⇒", "<=": "≤", ">=": "≥", "!=": "≠" };

var CURRENCY = "$€£¥₹₩₽¢₢₣", UNIT_START = new RegExp("^(?:\\p{L}|/\\p{L}|[%‰°′″'\"" + CURRENCY + "])", "u");
var SP = "[" + WS + "]";
var ALGEBRA = new RegExp("^" + SP + "*(?:\\^|\\*\\*)|(?:\\^|\\*\\*)[" + WS + "(]*\\p{L}" +
  "|(?<!\\p{L})(?![msMS])\\p{L}(?:" + SP + "*(?:\\^|\\*\\*)[" + WS + "(]*\\+?[0-9]|[²³¹⁰⁴-⁹])", "u");
var QUANTITY = /^([$€£¥₹₩₽¢₢₣]?)\s*([+\-−]?(?:\d+\s+\d+\s*\/\s*\d+|\d+\s*\/\s*\d+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?))\s*([\s\S]*)$/;

/** A unit as it is compared (judging.unit_form): lenient, a product however written ("mol L⁻¹", "mol·L⁻¹",
 *  "mol.L⁻¹", "N m", "Nm"), a power however typed ("L⁻¹", "L^-1", "L-1"), no spaces. */
var PRODUCT = new RegExp(SP + "*(?:[·⋅•∙*]|(?<=\\p{L})\\.(?=\\p{L}))" + SP + "*", "gu");
var SLASH_SPACE = new RegExp(SP + "*/" + SP + "*|(?<=[°′″'\"])" + SP + "+", "g");
function unitForm(written) {
  return lenientText(written).replace(/[⁰¹²³⁴-⁹]/g, function (c) { return c.normalize("NFKC"); }).replace(/\^/g, "")
    .replace(PRODUCT, "·").replace(SLASH_SPACE, function (m) { return m.indexOf("/") >= 0 ? "/" : ""; })
    .replace(INNER_SPACE, "·");
}

// A currency's letters before or after its number as its sign: "R$ 20" "₢20", "20 euros" "20 €" (judging._MONEY)
var MONEY = { "₢": "r\\$|brl|reais|real", "$": "us\\$|usd|dollars?|d[óo]lar(?:es)?", "€": "eur|euros?", "£": "gbp|pounds?", "¥": "jpy|yen|円",
  "₹": "inr|rs\\.?|rupees?", "₣": "chf|fr\\.?|francs?|franken" };
var MONEY_WORD = "(" + Object.keys(MONEY).map(function (k) { return MONEY[k]; }).join("|") + ")";
var MONEY_BEFORE = new RegExp("^" + MONEY_WORD + "\\s*(?=[+\\-−]?[.,]?\\d)", "i"), MONEY_AFTER = new RegExp("(?<=\\d)\\s*" + MONEY_WORD + "[.!?。]*$", "i");
function moneySign(all, word) {
  for (var k in MONEY) if (new RegExp("^(?:" + MONEY[k] + ")$", "i").test(word)) return k;
  return all; // (none: as written, as judging.money)
}
var MINUS_FIRST = /^([\-\u2012-\u2014\u2212])\s*([$€£¥₹₩₽¢₢₣])/; // "-$5" is "$-5" (judging._MINUS_FIRST; \s: WS)
function money(text) {
  return text.replace(MINUS_FIRST, "$2$1").replace(MONEY_BEFORE, moneySign).replace(MONEY_AFTER, function (all, w) { return " " + moneySign(w, w); });
}

var CASED = /^(?:t|pa|nm|ps|pm|pg|ms|ns|mm|μm|fm)$/, MEGA = /^m(?:g|s|m|l|w|j|v|a|hz|pa|n|ω|ohm|b|bar|t|c|wh|ev)?$/;
var FACTOR_SEP = /[/·⋅•∙*]|(?<=\p{L})\.(?=\p{L})|\s+/u, LETTERS = /\p{L}+/u; // (\s: WS)
/** Each factor of a unit with its case as written where it is meaning: "nm" and "Nm", "mm" and "mM" as
 *  written; a first m or M, milli or mega (judging.cased_factors). */
function casedFactors(unit, written) {
  var kept = written.normalize("NFKC").split(FACTOR_SEP).filter(Boolean), parts = unit.split(/([/·])/);
  if (2 * kept.length - 1 !== parts.length) return unit;
  return parts.map(function (f, i) {
    var s = LETTERS.exec(f), t = i % 2 ? null : LETTERS.exec(kept[i / 2]);
    if (!s || !t || t[0].toLowerCase() !== s[0]) return f;
    var cased = CASED.test(s[0]) ? t[0] : MEGA.test(s[0]) ? t[0][0] + s[0].slice(1) : s[0];
    return f.slice(0, s.index) + cased + f.slice(s.index + s[0].length);
  }).join("");
}

/** A number with a unit or a currency sign ("0.70 km", "$0.75", "5 €") as its hashed form
 *  "|7/10|km", "$|3/4|", "€|5/1|" (judging.quantity_form); null for a plain number or text. */
function quantityForm(text) {
  var m = QUANTITY.exec(money(exactText(text))), number = m ? m[2].replace(INNER_SPACE, " ") : "";
  var x = m && parseNumber(number);
  if (!x || /^[+\-\u2212]?[0-9]{1,3},[0-9]{3}$/.test(number)) return null; // '1,000 m': which number? (ambiguous_comma)
  if (m[3] && ALGEBRA.test(m[3])) return null; // "2^n-1", "3x^2": a power of a variable, not a unit (judging._ALGEBRA)
  var sign = m[1], unit = m[3] ? unitForm(m[3]) : "";
  if (unit && !UNIT_START.test(unit)) return null;
  if (unit) unit = casedFactors(unit, m[3]);
  var b = /^([kmgtpe]?i?)b(?:\/s|ps)?$/i.exec(unit), at = b && b[1].length; // a byte's "B", a bit's "b" (judging.BYTES_BITS)
  if (b) unit = unit.slice(0, at) + /[bB]/.exec(m[3])[0] + unit.slice(at + 1);
  if (!sign && unit.length === 1 && CURRENCY.indexOf(unit) >= 0) { sign = unit; unit = ""; }
  return sign || unit ? sign + "|" + x.n + "/" + x.d + "|" + unit : null;
}

// Scientific notation written by hand ("3.01 × 10^23", "1.6 × 10⁻¹⁹") in e-notation, and no full stop
// after a final digit ("1.5."): what numbers read (judging.as_numbers_read).
var TIMES_TEN = new RegExp("([0-9])" + SP + "*[×xX*·⋅]" + SP + "*10(?:" + SP + "*(?:\\^|\\*\\*)" + SP +
  "*(?:\\(([+\\-\u2012-\u2014\u2212]?[0-9]+)\\)|\\{?([+\\-\u2012-\u2014\u2212]?[0-9]+)\\}?)|([⁻⁺]?[⁰¹²³⁴-⁹]+))", "g");
function asNumbersRead(text) {
  return money(typeset(exactText(text))).replace(/(\d)['’](?=\d{3}(?!\d))/g, "$1") // "1'000" (Swiss; judging._APOSTROPHE_GROUPS)
    .replace(/^([$€£¥₹₩₽¢₢₣]?\s*)[-‒-—−]\s*(?=[.,]?\d)/, "$1-")
    .replace(/^(-?)10(?=\s*(?:\^|\*\*)|[⁻⁺⁰¹²³⁴-⁹])/, "$011×10").replace(TIMES_TEN, function (all, d, round, exp, sup) {
    return d + "e" + (round || exp || sup).normalize("NFKC").replace(/[‒-—−]/, "-"); // "⁻¹⁹" is "−19"; "10^–4"
  }).replace(/([0-9])[.?。]+$/, "$1");
}

var COMMA_GROUPS = /^([$€£¥₹₩₽¢₢₣]?\s*[+\-−]?)(\d{1,3}(?:,\d{3})+)(\.\d+)?(?![\d,.])/; // (\s: WS; \d: 0-9)
var DOT_GROUPS = /^([$€£¥₹₩₽¢₢₣]?\s*[+\-−]?)(\d{1,3}(?:\.\d{3})+)(,\d+)?(?![\d,.eE])/;

/** A response as numbers may read it (judging.readings): "1,200" is 1.2 where the course's decimal mark
 *  is a comma and 1200 where it is a point; "0,350" both ways, also with a unit ("0,350 g": 0.350 g or
 *  350 g); "1,234,567" and "1,200.5" only grouped thousands. */
function readings(text) {
  var written = asNumbersRead(text), m = html.dataset.dm && DOT_GROUPS.exec(written), grouped;
  if (m) { // "1.500" where the decimal mark is a comma (German, Spanish): 1500; "0.350" 0.35 (no thousands start with 0)
    grouped = m[1] + m[2].replace(/\./g, "") + (m[3] || "").replace(",", ".") + written.slice(m[0].length);
    return m[2].split(".").length > 2 || m[3] || m[2][0] > "0" ? [grouped] : [written];
  }
  m = COMMA_GROUPS.exec(written);
  if (!m) return [written];
  var rest = (m[3] || "") + written.slice(m[0].length);
  grouped = m[1] + m[2].replace(/,/g, "") + rest;
  var decimal = m[1] + m[2].replace(",", ".") + rest;
  // "1,500": 1.5 where the course's decimal mark is a comma (<html data-dm>: prologue.js' html), else 1500
  return m[2].split(",").length > 2 || m[3] ? [grouped] : m[2][0] > "0" ? [html.dataset.dm ? decimal : grouped] :
    [written, decimal];
}

/** The forms a typed text could match, as [kind, form] (judging.response_forms). */
function textForms(text) {
  var forms = [["t", lenientText(text)], ["e", exactForm(text)]];
  readings(text).forEach(function (reading) {
    var x = parseNumber(reading), q = quantityForm(reading);
    if (x) forms.push(["n", x.n + "/" + x.d]);
    if (q) forms.push(["q", q]);
  });
  return forms;
}

/** Per slot (one per blank, else one), the forms of a response: what is hashed and looked up. */
function responseForms(q, response) {
  if (q.kind === "text") return [textForms(response)];
  if (q.kind === "blanks") return response.map(textForms);
  if (q.kind === "ordering") return [[["o", response.join(",")]]];
  return [[["c", response.slice().sort().join(",")]]];
}

function patternMatches(p, text) {
  if (!Array.isArray(p) || typeof p[0] !== "string") return false;
  var i = p[1] === "i", dotted = /[İı]/g; // (Turkish "İ" and "ı" are "i" ignoring case, as Python's re reads them: port ee 15)
  try {
    return new RegExp("^(?:" + (i ? p[0].replace(dotted, "i") : p[0]) + ")$", i ? "iu" : "u").test(i ? text.replace(dotted, "i") : text);
  } catch (e) {
    return false;
  }
}

/** The part of the question key that one typed text opens for slot `i`: one of its forms opens
 *  a lockbox, or it is within the slot's ranges or matches its patterns (those cannot be sealed:
 *  the part is then the one published beside them). Null when the text is not right. */
function textPart(q, i, text) {
  if (typeof text !== "string" || !exactText(text)) return null;
  var part = openPart(q, i, textForms(text).map(function (f) { return f[0] + ":" + f[1]; }));
  if (part) return part;
  var extra = Array.isArray(q.extras) && isObj(q.extras[i]) ? q.extras[i] : {};
  var ranges = Array.isArray(extra.ranges) ? extra.ranges : [], patterns = Array.isArray(extra.patterns) ? extra.patterns : [];
  var hit = readings(text).some(function (reading) {
    var x = parseNumber(reading), q = quantityForm(reading), at = q ? q.indexOf("|") : -1;
    // with a unit ("10 ± 0.5 m/s"): [low, high, "sign|unit"], and the reading must be that quantity
    var unit = q ? q.slice(0, at) + q.slice(q.indexOf("|", at + 1)) : null, value = q ? parseFraction(q.slice(at + 1, q.indexOf("|", at + 1))) : null;
    return ranges.some(function (r) {
      if (!Array.isArray(r)) return false;
      if (r.length === 2) return !!x && inRange(x, r);
      return r.length === 3 && unit === r[2] && !!value && inRange(value, r);
    });
  }) ||
    patterns.some(function (p) { // as typed, or with a phone's curly quotes straight ("‘Ann’"), as "==" reads them
      var typed = exactText(text);
      return patternMatches(p, typed) || patternMatches(p, typed.replace(/[‘’‚´]/g, "'").replace(/[“”„]/g, '"').replace(/∶/g, ":").replace(/(?<!\S)—(?=[A-Za-z])/g, "--")); // (judging._QUOTES, _SMART_DASH)
    });
  return hit ? publishedPart(q, i) : null;
}

/** Check a response (text: a string; blanks: one string per blank; choices: the chosen ids;
 *  ordering: the item ids in the student's order): {right, payload}, where a right response
 *  opens payload = {explanation, share} (docs/theme.md, "Sealed answers"). */
function checkAnswer(q, response) {
  var wrong = { right: false, payload: null }, texts = [response], parts = [];
  if (q.kind !== "text") {
    if (!Array.isArray(response) || !response.every(function (r) { return typeof r === "string"; })) return wrong;
    if (q.kind !== "blanks") {
      if (q.kind !== "ordering" && !response.length) return wrong;
      var part = openPart(q, 0, [responseForms(q, response)[0][0].join(":")]);
      return part ? { right: true, payload: openPayload(q, [part]) } : wrong;
    }
    texts = response;
    if (!texts.length || !Array.isArray(q.boxes) || texts.length !== q.boxes.length) return wrong;
  }
  for (var i = 0; i < texts.length; i++) {
    parts.push(textPart(q, i, texts[i]));
    if (!parts[i]) return wrong;
  }
  return { right: true, payload: openPayload(q, parts) };
}

/** Is this response right? (judging.judge) */
function judge(q, response) { return checkAnswer(q, response).right; }
