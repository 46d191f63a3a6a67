/* ------------------------------------------------------------------ *
 * SHA-256 in plain JS: crypto.subtle is missing on plain-http pages. *
 * ------------------------------------------------------------------ */
var K = [], H0 = [];
(function initConstants() {
  // First 32 bits of the fractional parts of square/cube roots of primes.
  function frac(x) { return ((x - Math.floor(x)) * 4294967296) | 0; }
  for (var n = 2, found = 0; found < 64; n++) {
    var prime = true;
    for (var f = 2; f * f <= n; f++) { if (n % f === 0) { prime = false; break; } }
    if (!prime) continue;
    if (found < 8) H0[found] = frac(Math.pow(n, 1 / 2));
    K[found++] = frac(Math.pow(n, 1 / 3));
  }
})();

function ror(x, n) { return (x >>> n) | (x << (32 - n)); }

/** SHA-256 of a Uint8Array; returns the 32-byte digest. */
function sha256(msg) {
  var len = msg.length, nWords = (((len + 9 + 63) >> 6) << 4);
  var words = new Int32Array(nWords), w = new Int32Array(64), h = H0.slice();
  for (var i = 0; i < len; i++) words[i >> 2] |= msg[i] << (24 - (i & 3) * 8);
  words[len >> 2] |= 0x80 << (24 - (len & 3) * 8);
  words[nWords - 1] = len * 8;
  words[nWords - 2] = Math.floor(len / 536870912);
  for (var blk = 0; blk < nWords; blk += 16) {
    for (var t = 0; t < 64; t++) {
      if (t < 16) { w[t] = words[blk + t]; continue; }
      var x = w[t - 15], y = w[t - 2];
      w[t] = (w[t - 16] + (ror(x, 7) ^ ror(x, 18) ^ (x >>> 3)) + w[t - 7] +
              (ror(y, 17) ^ ror(y, 19) ^ (y >>> 10))) | 0;
    }
    var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (t = 0; t < 64; t++) {
      var t1 = (k + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + w[t]) | 0;
      var t2 = ((ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      k = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
    h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + k) | 0;
  }
  var out = new Uint8Array(32);
  for (i = 0; i < 32; i++) out[i] = (h[i >> 2] >>> (24 - (i & 3) * 8)) & 255;
  return out;
}

function utf8(str) {
  if (typeof TextEncoder === "function") return new TextEncoder().encode(str);
  var bin = unescape(encodeURIComponent(str)), out = new Uint8Array(bin.length);
  for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function fromUtf8(bytes) {
  if (typeof TextDecoder === "function") return new TextDecoder().decode(bytes);
  var bin = "";
  for (var i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
  return decodeURIComponent(escape(bin));
}

function sha256hex(str) {
  var d = sha256(utf8(str)), s = "";
  for (var i = 0; i < d.length; i++) s += (d[i] < 16 ? "0" : "") + d[i].toString(16);
  return s;
}
