"""Shamir's secret sharing over GF(256), the construction of SLIP-0039 (browser twin: js/shamir.js).

The field is GF(2^8) with the AES polynomial x^8 + x^4 + x^3 + x + 1. Like SLIP-0039, the
secret sits at x = 255 and a digest share (HMAC-SHA256 of the secret under random bytes, 4
bytes, then those random bytes) at x = 254, so that combining the wrong shares is detected;
the shares are at x = 0, 1, ... A threshold of 1 gives every share the secret itself. Our own
randomness source is passed in (the build's is deterministic, so rebuilds are identical).
Tested against the SLIP-0039 reference implementation (python-shamir-mnemonic).
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Sequence

SECRET_INDEX = 255
DIGEST_INDEX = 254
DIGEST_LENGTH = 4
MAX_SHARES = 254  # x = 0 ... 253; 254 and 255 are taken

Share = tuple[int, bytes]


def _tables() -> tuple[list[int], list[int]]:
    """Powers of the generator x + 1, and their logarithms."""
    exp, log = [0] * 255, [0] * 256
    poly = 1
    for i in range(255):
        exp[i] = poly
        log[poly] = i
        poly = (poly << 1) ^ poly
        if poly & 0x100:
            poly ^= 0x11B
    return exp, log


EXP, LOG = _tables()


def _multiplication() -> list[bytes]:
    """MUL[c] is a bytes.translate table multiplying every byte by c: one C call per share value.
    Made from the rows of the powers of two (each the last one translated through the row of 2)
    by XOR, as c * v = (a ^ b) * v = a * v ^ b * v: 256 operations instead of 65,536 (5 ms of
    every build's start)."""
    rows = [bytes(256), bytes(range(256))]
    double = bytes(0 if v == 0 else EXP[(LOG[2] + LOG[v]) % 255] for v in range(256))
    powers = [rows[1]]
    for _ in range(7):
        powers.append(powers[-1].translate(double))
    for c in range(2, 256):
        low = c & -c
        row = int.from_bytes(powers[low.bit_length() - 1], "big") ^ int.from_bytes(rows[c ^ low], "big")
        rows.append(row.to_bytes(256, "big"))
    return rows


MUL = _multiplication()


def mul(a: int, b: int) -> int:
    return MUL[a][b]


def interpolate(shares: Sequence[Share], x: int) -> bytes:
    """f(x) of the polynomials through the shares (Lagrange), byte by byte."""
    xs = [s[0] for s in shares]
    if len(set(xs)) != len(xs) or len({len(s[1]) for s in shares}) != 1:
        raise ValueError("shares must have distinct indices and equal lengths")
    for sx, value in shares:
        if sx == x:
            return value
    log_prod = sum(LOG[sx ^ x] for sx in xs)
    result = 0  # XOR of the scaled shares, as one big integer (a byte loop would cost more)
    for sx, value in shares:
        log_basis = (log_prod - LOG[sx ^ x] - sum(LOG[sx ^ other] for other in xs if other != sx)) % 255
        result ^= int.from_bytes(value.translate(MUL[EXP[log_basis]]), "big")
    return result.to_bytes(len(shares[0][1]), "big")


def _digest(random_part: bytes, secret: bytes) -> bytes:
    return hmac.digest(random_part, secret, "sha256")[:DIGEST_LENGTH]


def split(threshold: int, count: int, secret: bytes, random_bytes: Callable[[int], bytes]) -> list[Share]:
    """`count` shares of `secret` (at least 16 bytes), any `threshold` of which recover it."""
    if not 1 <= threshold <= count <= MAX_SHARES:
        raise ValueError(f"need 1 <= threshold ({threshold}) <= count ({count}) <= {MAX_SHARES}")
    if len(secret) < 16:
        raise ValueError("the secret must be at least 16 bytes")
    if threshold == 1:
        return [(i, secret) for i in range(count)]
    shares = [(i, random_bytes(len(secret))) for i in range(threshold - 2)]
    random_part = random_bytes(len(secret) - DIGEST_LENGTH)
    base = [*shares, (DIGEST_INDEX, _digest(random_part, secret) + random_part), (SECRET_INDEX, secret)]
    return shares + [(i, interpolate(base, i)) for i in range(threshold - 2, count)]


def combine(threshold: int, shares: Sequence[Share]) -> bytes:
    """The secret from `threshold` shares; ValueError if they do not belong together."""
    if len(shares) < threshold:
        raise ValueError(f"{threshold} shares needed, {len(shares)} given")
    if threshold == 1:
        return shares[0][1]
    shares = shares[:threshold]
    secret = interpolate(shares, SECRET_INDEX)
    digest = interpolate(shares, DIGEST_INDEX)
    if not hmac.compare_digest(digest[:DIGEST_LENGTH], _digest(digest[DIGEST_LENGTH:], secret)):
        raise ValueError("the shares do not belong together")
    return secret
