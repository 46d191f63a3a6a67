/* ------------------------------------------------------------------ *
 * The primitives of crypto.js (loaded before this script on unit     *
 * pages only; see js/crypto-export.js)                                *
 * ------------------------------------------------------------------ */
function fromCrypto(name) {
  return function () {
    var lib = window.MS_CRYPTO;
    if (!lib || typeof lib[name] !== "function") throw new Error("crypto.js did not load");
    return lib[name].apply(null, arguments);
  };
}
var utf8 = fromCrypto("utf8"), fromUtf8 = fromCrypto("fromUtf8"), sha256hex = fromCrypto("sha256hex"),
  hmacSha256 = fromCrypto("hmacSha256"), hkdfSha256 = fromCrypto("hkdfSha256"),
  chachaBlock = fromCrypto("chachaBlock"), chacha20 = fromCrypto("chacha20"), poly1305 = fromCrypto("poly1305"),
  aeadSeal = fromCrypto("aeadSeal"), aeadOpen = fromCrypto("aeadOpen"), gfMul = fromCrypto("gfMul"),
  shamirCombine = fromCrypto("shamirCombine");
