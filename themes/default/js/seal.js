/* ------------------------------------------------------------------ *
 * Sealed answers (mirrors masterysite/sealing.py; docs/theme.md,     *
 * "Sealed answers"): a right answer opens its question's lockbox,    *
 * enough right answers in one attempt recover the unit key.          *
 * ------------------------------------------------------------------ */
var LOCKBOX_INFO = "masterysite lockbox", FEEDBACK_INFO = "masterysite feedback";

function fromBase64(text) {
  if (typeof text !== "string") return null;
  try {
    var bin = atob(text), out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch (e) {
    return null;
  }
}

function toBase64(bytes) {
  var bin = "";
  for (var i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
  return btoa(bin);
}

function xorBytes(a, b) {
  var out = new Uint8Array(a.length);
  for (var i = 0; i < a.length; i++) out[i] = a[i] ^ b[i];
  return out;
}

/** A box is base64(nonce || ciphertext || tag); its plaintext, or null if `key` does not open it. */
function openBox(key, box) {
  var raw = fromBase64(box);
  if (!raw || raw.length < 28) return null;
  return aeadOpen(key, raw.subarray(0, 12), raw.subarray(12), new Uint8Array(0));
}

/** A box of a key that seals nothing else with its nonce (masterysite/sealing.py seal_once): a
 *  lockbox (the nonce its part's index), a payload or a feedback box (0); the nonce is not in it.
 *  A page sealed before (seal.v 1, a browser's cached copy) has it first: tried when that fails. */
function openOnce(key, box, n) {
  var raw = fromBase64(box), nonce = new Uint8Array(12);
  if (!raw || raw.length < 16) return null;
  nonce[0] = n & 255; nonce[1] = (n >> 8) & 255;
  return aeadOpen(key, nonce, raw, new Uint8Array(0)) || (raw.length >= 28 ? openBox(key, box) : null);
}

function lockboxKey(salt, form) { return hkdfSha256(salt, utf8(form), utf8(LOCKBOX_INFO), 32); }

/** Part `i` of a question's key (a blank, or the whole answer): opened by one of the candidate
 *  normalised `forms` of the student's response, or null when none is an accepted form. */
function openPart(q, i, forms) {
  var salt = fromBase64(q.salt), boxes = Array.isArray(q.boxes) && Array.isArray(q.boxes[i]) ? q.boxes[i] : [];
  if (!salt) return null;
  for (var f = 0; f < forms.length; f++) {
    var key = lockboxKey(salt, forms[f]);
    for (var b = 0; b < boxes.length; b++) {
      var part = openOnce(key, boxes[b], i);
      if (part) return part;
    }
  }
  return null;
}

/** The part published for a blank that also takes a pattern or a range (those cannot seal it). */
function publishedPart(q, i) { return Array.isArray(q.open) ? fromBase64(q.open[i]) : null; }

/** The question's payload from all its parts: {explanation: html|null, share: {x, data}|null}, or null. */
function openPayload(q, parts) {
  var key = new Uint8Array(32);
  parts.forEach(function (p) { key = xorBytes(key, p); });
  var plain = openOnce(key, q.payload, 0), data = null;
  if (!plain) return null;
  try { data = JSON.parse(fromUtf8(plain)); } catch (e) { return null; }
  if (!isObj(data)) return null;
  var share = Array.isArray(data.share) && isCount(data.share[0]) ? fromBase64(data.share[1]) : null;
  return { explanation: typeof data.explanation === "string" ? data.explanation : null,
    share: share && share.length === 32 ? { x: data.share[0], data: share } : null };
}

/** A choice's feedback HTML (opens with the choice's id: picking it), or null. */
function openFeedback(q, choice) {
  var salt = fromBase64(q.salt), pairs = Array.isArray(q.feedback) ? q.feedback : [];
  for (var i = 0; salt && i < pairs.length; i++) {
    if (!Array.isArray(pairs[i]) || pairs[i][0] !== choice) continue;
    var plain = openOnce(hkdfSha256(salt, utf8(choice), utf8(FEEDBACK_INFO), 32), pairs[i][1], 0);
    if (!plain) return null;
    var end = plain.length;
    while (end > 0 && plain[end - 1] === 0) end--; // all boxes of a question are padded to one length
    return end ? fromUtf8(plain.subarray(0, end)) : null;
  }
  return null;
}

/** The unit's review ([{key, correct?, accepted?, explanation?}]) under unit key `key`, or null. */
function openReview(seal, key) {
  var plain = isObj(seal) && key ? openBox(key, seal.review) : null, list = null;
  if (!plain) return null;
  try { list = JSON.parse(fromUtf8(plain)); } catch (e) { return null; }
  return Array.isArray(list) ? list.filter(isObj) : null;
}

/** The enrichment's HTML under unit key `key`, or null. */
function openEnrichment(seal, key) {
  var plain = isObj(seal) && key ? openBox(key, seal.enrichment) : null;
  return plain ? fromUtf8(plain) : null;
}

/** The unit key from the shares won in one attempt, when they are enough; checked against the review. */
function unitKeyFrom(seal, shares) {
  if (!isObj(seal) || !isCount(seal.k)) return null;
  var seen = Object.create(null), distinct = shares.filter(function (s) {
    if (!s || seen[s.x]) return false;
    seen[s.x] = true;
    return true;
  });
  var key = shamirCombine(seal.k, distinct);
  return key && openReview(seal, key) ? key : null;
}

// For tests: the primitives as the browser runs them.
var SEAL_API = { chachaBlock: chachaBlock, chacha20: chacha20, poly1305: poly1305, aeadSeal: aeadSeal,
  aeadOpen: aeadOpen, hmacSha256: hmacSha256, hkdfSha256: hkdfSha256, gfMul: gfMul, shamirCombine: shamirCombine,
  openBox: openBox, openOnce: openOnce, openPart: openPart, openPayload: openPayload, openFeedback: openFeedback,
  openReview: openReview, openEnrichment: openEnrichment, unitKeyFrom: unitKeyFrom,
  fromBase64: fromBase64, toBase64: toBase64 };
