/* ------------------------------------------------------------------ *
 * HMAC-SHA256 (RFC 2104) and HKDF-SHA256 (RFC 5869) over sha256.js:  *
 * the keys of sealed answers (mirrors masterysite/sealing.py).       *
 * ------------------------------------------------------------------ */
function concatBytes(parts) {
  var length = 0, at = 0;
  parts.forEach(function (p) { length += p.length; });
  var out = new Uint8Array(length);
  parts.forEach(function (p) { out.set(p, at); at += p.length; });
  return out;
}

function hmacSha256(key, message) {
  if (key.length > 64) key = sha256(key);
  var inner = new Uint8Array(64), outer = new Uint8Array(64);
  for (var i = 0; i < 64; i++) {
    inner[i] = (key[i] || 0) ^ 0x36;
    outer[i] = (key[i] || 0) ^ 0x5c;
  }
  return sha256(concatBytes([outer, sha256(concatBytes([inner, message]))]));
}

/** HKDF-SHA256: extract a key from `ikm` with `salt`, expand it to `length` bytes for `info`. */
function hkdfSha256(salt, ikm, info, length) {
  var prk = hmacSha256(salt, ikm), out = new Uint8Array(length), block = new Uint8Array(0);
  for (var counter = 1, at = 0; at < length; counter++) {
    block = hmacSha256(prk, concatBytes([block, info, new Uint8Array([counter])]));
    out.set(block.subarray(0, Math.min(32, length - at)), at);
    at += 32;
  }
  return out;
}
