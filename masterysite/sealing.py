"""Answers only by answering: what a unit page carries to check answers (browser twin: js/seal.js).

The page holds, per question, lockboxes: a random question key Q sealed (ChaCha20-Poly1305,
RFC 8439) under a key derived (HKDF-SHA256, RFC 5869) from the question's salt and one
accepted, normalised answer form. A student's answer opens a lockbox only if it is right; Q then
opens the question's payload: its explanation and its Shamir share (SLIP-0039 construction,
masterysite/shamir.py) of the unit key. Enough right answers (the number mastery needs in one
attempt; shares kept from several attempts add up too: the page cannot tell attempts apart)
recover the unit key, which opens the post-mastery review and the enrichment. The unit key
comes from the course secret (masterysite/secret.py), so it is the same in every build;
everything random comes from a stream seeded by the secret and the unit's content, so a rebuild
of an unchanged unit is byte-identical and an edited unit gets fresh salts and shares.
The full protocol is in docs/theme.md ("Sealed answers").
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from masterysite import shamir

VERSION = 2  # 2: a box under a key that seals nothing else carries no nonce (seal_once)
LOCKBOX_INFO = b"masterysite lockbox"
FEEDBACK_INFO = b"masterysite feedback"
NONCE = 12
KEY = 32


def hkdf(salt: bytes, ikm: bytes, info: bytes, length: int = KEY) -> bytes:
    """HKDF-SHA256 (RFC 5869): extract, then expand."""
    prk = hmac.digest(salt, ikm, "sha256")
    if length == KEY:  # every key here: one block of the expansion (a third of the time of the loop)
        return hmac.digest(prk, info + b"\x01", "sha256")
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.digest(prk, block + info + bytes([counter]), "sha256")
        out += block
        counter += 1
    return out[:length]


def lockbox_key(salt: bytes, form: str) -> bytes:
    """The key a normalised answer form ("t:colour", "c:a,c", ...) makes for a question."""
    return hkdf(salt, form.encode("utf-8"), LOCKBOX_INFO)


def feedback_key(salt: bytes, choice: str) -> bytes:
    """The key of a choice's feedback: anyone can pick any choice, so this only hides it from reading."""
    return hkdf(salt, choice.encode("utf-8"), FEEDBACK_INFO)


class Stream:
    """Deterministic random bytes: SHAKE256 (FIPS 202) of the seed, read on (one C call per refill)."""

    def __init__(self, seed: bytes) -> None:
        self.xof, self.buffer, self.pos = hashlib.shake_256(seed), b"", 0

    def __call__(self, n: int) -> bytes:
        if self.pos + n > len(self.buffer):
            self.buffer = self.xof.digest(max(2 * len(self.buffer), self.pos + n, 4096))
        out = self.buffer[self.pos : self.pos + n]
        self.pos += n
        return out


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def seal(key: bytes, plaintext: bytes, random: Stream) -> str:
    """base64(nonce || ciphertext || tag), ChaCha20-Poly1305 with no associated data."""
    nonce = random(NONCE)
    return b64(nonce + ChaCha20Poly1305(key).encrypt(nonce, plaintext, None))


def seal_once(key: bytes, plaintext: bytes, nonce: int = 0) -> str:
    """base64(ciphertext || tag) under a key that seals nothing else with this nonce, which is left out
    of the box: a lockbox (its key is the salt's and one form's; the nonce its part's index, as two
    blanks may accept one form), a payload (under Q), a choice's feedback. 12 bytes fewer a box (410
    bytes gzipped on a unit page of 12 questions). The review and the enrichment, sealed under the
    unit key in every build, keep a random nonce (seal)."""
    return b64(ChaCha20Poly1305(key).encrypt(nonce.to_bytes(NONCE, "little"), plaintext, None))


def unseal_once(key: bytes, box: str, nonce: int = 0) -> bytes | None:
    """The plaintext of a box of seal_once, or None if this key does not open it."""
    try:
        return ChaCha20Poly1305(key).decrypt(
            nonce.to_bytes(NONCE, "little"), base64.b64decode(box, validate=True), None
        )
    except Exception:  # wrong key (InvalidTag), bad base64, too short: all just "does not open"
        return None


def unseal(key: bytes, box: str) -> bytes | None:
    """The plaintext, or None if this key does not open the box."""
    try:
        raw = base64.b64decode(box, validate=True)
        return ChaCha20Poly1305(key).decrypt(raw[:NONCE], raw[NONCE:], None)
    except Exception:  # wrong key (InvalidTag), bad base64, too short: all just "does not open"
        return None


def unit_key(secret: bytes, course_id: str, unit_id: str) -> bytes:
    """U: the same in every build of the course, different for every unit and course."""
    return hmac.digest(secret, f"masterysite unit key\0{course_id}\0{unit_id}".encode(), "sha256")


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _xor(a: bytes, b: bytes) -> bytes:
    return bytes(x ^ y for x, y in zip(a, b, strict=True))


@dataclass(frozen=True)
class Part:
    """A blank, or the whole answer of a question without blanks."""

    forms: tuple[str, ...]  # every accepted, hashable, normalised form: "t:colour", "n:3/4", "x:-S", "c:a,c"
    unsealed: bool = False  # also accepts a pattern or a range: its share of Q has to be published


@dataclass(frozen=True)
class Sealable:
    """What sealing needs of one question (made from the model by masterysite/hashing.py)."""

    key: str
    parts: tuple[Part, ...]
    explanation: str | None = None
    feedback: tuple[tuple[str, str | None], ...] = ()  # (choice id, feedback HTML or None), every choice
    review: dict[str, Any] = field(default_factory=dict)  # shown after mastery: correct ids, accepted answers
    scored: bool = True  # False for a practice question: no share of the unit key


def threshold(mastery: Fraction, draw: int) -> int:
    """k: the right answers one attempt of `draw` questions needs to pass (right/draw >= mastery)."""
    return max(1, math.ceil(mastery * draw))


def _question(q: Sealable, random: Stream, share: shamir.Share | None) -> dict[str, Any]:
    salt, qkey = random(16), random(KEY)
    parts = [random(KEY) for _ in q.parts[1:]]
    last = qkey
    for part in parts:
        last = _xor(last, part)
    parts.append(last)  # Q = XOR of the parts: a question is right when every blank is
    out: dict[str, Any] = {
        "salt": b64(salt),
        "boxes": [
            sorted(seal_once(lockbox_key(salt, form), part, index) for form in dict.fromkeys(p.forms))
            for index, (p, part) in enumerate(zip(q.parts, parts, strict=True))
        ],
    }
    if any(p.unsealed for p in q.parts):
        out["open"] = [b64(part) if p.unsealed else None for p, part in zip(q.parts, parts, strict=True)]
    payload = {"explanation": q.explanation, "share": [share[0], b64(share[1])] if share else None}
    out["payload"] = seal_once(qkey, _json(payload))
    if any(text for _, text in q.feedback):
        out["feedback"] = _feedback(q.feedback, salt)
    return out


def _feedback(feedback: Sequence[tuple[str, str | None]], salt: bytes) -> list[list[str]]:
    """A box for every choice, all of one length, so no box tells a choice without feedback."""
    texts = [(choice, (text or "").encode("utf-8")) for choice, text in feedback]
    width = max(len(text) for _, text in texts)
    return [[choice, seal_once(feedback_key(salt, choice), text.ljust(width, b"\0"))] for choice, text in texts]


@dataclass
class SealedUnit:
    questions: list[dict[str, Any]]  # in the order given; merged into each question's page data
    unit: dict[str, Any] | None  # {"k", "review", "enrichment"?}; None for a unit without a quiz
    key: bytes


def seal_unit(
    secret: bytes,
    course_id: str,
    unit_id: str,
    content: bytes,
    questions: Sequence[Sealable],
    draw: int,
    mastery: Fraction,
    enrichment: str | None = None,
) -> SealedUnit:
    """Seal a unit's questions, review and enrichment. `content` is anything that changes with the unit."""
    ukey = unit_key(secret, course_id, unit_id)
    seed = hmac.digest(secret, b"masterysite seal\0" + ukey + hashlib.sha256(content).digest(), "sha256")
    random = Stream(seed)
    scored = [q for q in questions if q.scored]
    if not scored:
        return SealedUnit([_question(q, random, None) for q in questions], None, ukey)
    k = threshold(mastery, min(draw, len(scored)) if draw else len(scored))
    shares = iter(shamir.split(k, len(scored), ukey, random))
    sealed = [_question(q, random, next(shares) if q.scored else None) for q in questions]
    unit: dict[str, Any] = {"v": VERSION, "k": k}
    unit["review"] = seal(ukey, _json([{"key": q.key, **q.review} for q in scored]), random)
    if enrichment is not None:
        unit["enrichment"] = seal(ukey, enrichment.encode("utf-8"), random)
    return SealedUnit(sealed, unit, ukey)


def open_question(
    data: dict[str, Any], responses: Sequence[Sequence[str]], matched: Sequence[bool] = ()
) -> tuple[list[bool], dict[str, Any] | None]:
    """What the browser does: try each part's candidate forms on its lockboxes (or, when the caller's
    pattern or range matched, take the published part). Per part right or not, and the payload when
    the whole question is right. For tests and for re-checking answers."""
    salt = base64.b64decode(data["salt"])
    published = data.get("open") or [None] * len(data["boxes"])
    hits = list(matched) or [False] * len(data["boxes"])
    parts: list[bytes | None] = []
    for index, (boxes, forms, public, hit) in enumerate(zip(data["boxes"], responses, published, hits, strict=True)):
        found = next((p for f in forms for box in boxes if (p := unseal_once(lockbox_key(salt, f), box, index))), None)
        if found is None and hit and public:
            found = base64.b64decode(public)
        parts.append(found)
    if any(p is None for p in parts):
        return [p is not None for p in parts], None
    qkey = bytes(KEY)
    for part in parts:
        qkey = _xor(qkey, part or b"")
    payload = unseal_once(qkey, data["payload"])
    return [True] * len(parts), json.loads(payload) if payload is not None else None
