/* ------------------------------------------------------------------ *
 * Shamir's secret sharing over GF(256) as in SLIP-0039 (mirrors      *
 * masterysite/shamir.py): the unit key from k right answers.         *
 * ------------------------------------------------------------------ */
var GF_EXP = [], GF_LOG = [];
(function gfTables() {
  for (var i = 0, poly = 1; i < 255; i++) {
    GF_EXP[i] = poly;
    GF_LOG[poly] = i;
    poly = (poly << 1) ^ poly; // times x + 1
    if (poly & 0x100) poly ^= 0x11b; // mod x^8 + x^4 + x^3 + x + 1
  }
  GF_LOG[0] = 0;
})();

function gfMul(a, b) { return a && b ? GF_EXP[(GF_LOG[a] + GF_LOG[b]) % 255] : 0; }

/** f(x) of the polynomials through the shares [{x, data}] (Lagrange), byte by byte. */
function gfInterpolate(shares, x) {
  var logProd = 0, i, j, length = shares[0].data.length;
  for (i = 0; i < shares.length; i++) {
    if (shares[i].x === x) return shares[i].data;
    logProd += GF_LOG[shares[i].x ^ x];
  }
  var out = new Uint8Array(length);
  for (i = 0; i < shares.length; i++) {
    var logBasis = logProd - GF_LOG[shares[i].x ^ x];
    for (j = 0; j < shares.length; j++) if (j !== i) logBasis -= GF_LOG[shares[i].x ^ shares[j].x];
    var factor = GF_EXP[((logBasis % 255) + 255) % 255];
    for (j = 0; j < length; j++) out[j] ^= gfMul(shares[i].data[j], factor);
  }
  return out;
}

/** The secret from `threshold` shares with distinct x, or null if they do not belong together. */
function shamirCombine(threshold, shares) {
  if (shares.length < threshold || threshold < 1) return null;
  if (threshold === 1) return shares[0].data;
  shares = shares.slice(0, threshold);
  for (var a = 0; a < shares.length; a++) {
    for (var b = a + 1; b < shares.length; b++) if (shares[a].x === shares[b].x) return null;
  }
  var secret = gfInterpolate(shares, 255), digest = gfInterpolate(shares, 254);
  var check = hmacSha256(digest.subarray(4), secret), diff = 0;
  for (var i = 0; i < 4; i++) diff |= check[i] ^ digest[i];
  return diff === 0 ? secret : null;
}
