/* ------------------------------------------------------------------ *
 * The primitives, for masterysite.js (js/crypto-import.js)           *
 * ------------------------------------------------------------------ */
// Only unit pages open sealed answers: this script (crypto.js) loads there alone, so the
// course and progress pages do not carry it.
window.MS_CRYPTO = Object.freeze({
  utf8: utf8, fromUtf8: fromUtf8, sha256hex: sha256hex, hmacSha256: hmacSha256, hkdfSha256: hkdfSha256,
  chachaBlock: chachaBlock, chacha20: chacha20, poly1305: poly1305, aeadSeal: aeadSeal, aeadOpen: aeadOpen,
  gfMul: gfMul, shamirCombine: shamirCombine
});
