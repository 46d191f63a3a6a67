/* ------------------------------------------------------------------ *
 * ChaCha20-Poly1305 AEAD (RFC 8439): sealed answers, explanations,   *
 * shares and enrichment (the build seals with Python's               *
 * `cryptography`; docs/theme.md, "Sealed answers").                  *
 * ------------------------------------------------------------------ */
function wordsLE(bytes, count) {
  var out = new Uint32Array(count);
  for (var i = 0; i < count; i++) {
    out[i] = (bytes[4 * i] | (bytes[4 * i + 1] << 8) | (bytes[4 * i + 2] << 16) | (bytes[4 * i + 3] << 24)) >>> 0;
  }
  return out;
}

function rotl(v, c) { return (v << c) | (v >>> (32 - c)); }

function quarterRound(s, a, b, c, d) {
  s[a] += s[b]; s[d] = rotl(s[d] ^ s[a], 16);
  s[c] += s[d]; s[b] = rotl(s[b] ^ s[c], 12);
  s[a] += s[b]; s[d] = rotl(s[d] ^ s[a], 8);
  s[c] += s[d]; s[b] = rotl(s[b] ^ s[c], 7);
}

/** One 64-byte ChaCha20 block (RFC 8439 §2.3): 32-byte key, 32-bit counter, 12-byte nonce. */
function chachaBlock(key, counter, nonce) {
  var init = new Uint32Array(16), s = new Uint32Array(16), out = new Uint8Array(64);
  init.set([0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]);
  init.set(wordsLE(key, 8), 4);
  init[12] = counter;
  init.set(wordsLE(nonce, 3), 13);
  s.set(init);
  for (var i = 0; i < 10; i++) {
    quarterRound(s, 0, 4, 8, 12); quarterRound(s, 1, 5, 9, 13); quarterRound(s, 2, 6, 10, 14); quarterRound(s, 3, 7, 11, 15);
    quarterRound(s, 0, 5, 10, 15); quarterRound(s, 1, 6, 11, 12); quarterRound(s, 2, 7, 8, 13); quarterRound(s, 3, 4, 9, 14);
  }
  for (i = 0; i < 16; i++) {
    var w = (s[i] + init[i]) >>> 0;
    out[4 * i] = w & 255; out[4 * i + 1] = (w >>> 8) & 255; out[4 * i + 2] = (w >>> 16) & 255; out[4 * i + 3] = w >>> 24;
  }
  return out;
}

/** ChaCha20 encryption (§2.4): data XOR the key stream from block `counter` on. */
function chacha20(key, counter, nonce, data) {
  var out = new Uint8Array(data.length);
  for (var at = 0; at < data.length; at += 64, counter++) {
    var block = chachaBlock(key, counter, nonce);
    for (var i = 0; i < 64 && at + i < data.length; i++) out[at + i] = data[at + i] ^ block[i];
  }
  return out;
}

function bigLE(bytes) {
  var hex = "0x0";
  for (var i = bytes.length - 1; i >= 0; i--) hex += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
  return BigInt(hex);
}

/** Poly1305 (§2.5) of `message` under a one-time 32-byte key; BigInt arithmetic mod 2^130 - 5. */
function poly1305(key, message) {
  var r = bigLE(key.subarray(0, 16)) & BigInt("0x0ffffffc0ffffffc0ffffffc0fffffff");
  var s = bigLE(key.subarray(16, 32)), p = (BigInt(1) << BigInt(130)) - BigInt(5), acc = BigInt(0);
  for (var at = 0; at < message.length; at += 16) {
    var chunk = message.subarray(at, at + 16);
    acc = ((acc + bigLE(chunk) + (BigInt(1) << BigInt(8 * chunk.length))) * r) % p;
  }
  acc = (acc + s) & ((BigInt(1) << BigInt(128)) - BigInt(1));
  var tag = new Uint8Array(16);
  for (var i = 0; i < 16; i++) { tag[i] = Number(acc & BigInt(255)); acc >>= BigInt(8); }
  return tag;
}

function pad16(n) { return new Uint8Array((16 - (n % 16)) % 16); }

function le64(n) {
  var out = new Uint8Array(8);
  for (var i = 0; i < 6; i++) { out[i] = n % 256; n = Math.floor(n / 256); }
  return out;
}

function aeadTag(key, nonce, aad, ciphertext) {
  var otk = chachaBlock(key, 0, nonce).subarray(0, 32);
  return poly1305(otk, concatBytes([aad, pad16(aad.length), ciphertext, pad16(ciphertext.length),
    le64(aad.length), le64(ciphertext.length)]));
}

/** AEAD_CHACHA20_POLY1305 (§2.8): ciphertext followed by the 16-byte tag. */
function aeadSeal(key, nonce, plaintext, aad) {
  var ciphertext = chacha20(key, 1, nonce, plaintext);
  return concatBytes([ciphertext, aeadTag(key, nonce, aad, ciphertext)]);
}

/** The plaintext of ciphertext + tag, or null when the key (or anything else) is wrong. */
function aeadOpen(key, nonce, sealed, aad) {
  if (typeof BigInt !== "function" || sealed.length < 16) return null;
  var ciphertext = sealed.subarray(0, sealed.length - 16), tag = aeadTag(key, nonce, aad, ciphertext), diff = 0;
  for (var i = 0; i < 16; i++) diff |= tag[i] ^ sealed[sealed.length - 16 + i];
  return diff === 0 ? chacha20(key, 1, nonce, ciphertext) : null;
}
