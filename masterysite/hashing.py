"""What the browser receives to check answers: salted SHA-256 hashes and an obfuscated secret.

Nothing here is cryptographic secrecy (the browser must be able to check answers
offline); the aim of SPEC §3.8 is that answers are not readable in the page source.
The scheme is documented in docs/theme.md and mirrored by the theme's script.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import unicodedata
from fractions import Fraction
from typing import Any

from masterysite.model import Question
from masterysite.parse.numbers import canonical


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalize_text(text: str) -> str:
    """Same as the browser: NFC, trimmed, inner white space folded, lower case."""
    return " ".join(unicodedata.normalize("NFC", text).split()).lower()


def salt_for(course_id: str, unit_id: str, key: str) -> str:
    """Deterministic, so a rebuild of an unchanged course writes identical pages."""
    return sha256_hex(f"{course_id}/{unit_id}/{key}")[:16]


def keystream(salt: str, length: int) -> bytes:
    blocks, index = [], 0
    while 32 * index < length:
        blocks.append(hashlib.sha256(f"{salt}:k:{index}".encode()).digest())
        index += 1
    return b"".join(blocks)[:length]


def xor(data: bytes, salt: str) -> bytes:
    """data XOR keystream, done as one big integer (a byte loop costs ~2% of a big build)."""
    stream = keystream(salt, len(data))
    mixed = int.from_bytes(data, "big") ^ int.from_bytes(stream, "big")
    return mixed.to_bytes(len(data), "big")


def obfuscate(salt: str, data: Any) -> str:
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(xor(raw, salt)).decode("ascii")


def reveal(salt: str, secret: str) -> Any:
    """The inverse of obfuscate (used by tests; the browser does the same)."""
    return json.loads(xor(base64.b64decode(secret), salt).decode("utf-8"))


def _answer_hashes(question: Question, salt: str) -> list[str]:
    if question.kind != "text":
        ids = ",".join(sorted(c.id for c in question.choices if c.correct))
        return [sha256_hex(f"{salt}:c:{ids}")]
    hashes = []
    for answer in question.answers:
        if answer.tolerance is not None:
            continue
        if answer.number is not None:
            hashes.append(sha256_hex(f"{salt}:n:{canonical(answer.number)}"))
        hashes.append(sha256_hex(f"{salt}:t:{normalize_text(answer.source)}"))
    return sorted(set(hashes))


def _ranges(question: Question) -> list[list[str]]:
    out = []
    for answer in question.answers:
        if answer.number is not None and answer.tolerance is not None:
            low: Fraction = answer.number - answer.tolerance
            high: Fraction = answer.number + answer.tolerance
            out.append([canonical(low), canonical(high)])
    return out


def _accepted_html(question: Question) -> str | None:
    if question.kind != "text":
        return None
    return ", ".join(f"<code>{html.escape(a.source)}</code>" for a in question.answers) or None


def question_data(course_id: str, unit_id: str, question: Question) -> dict[str, Any]:
    salt = salt_for(course_id, unit_id, question.key)
    secret = {
        "feedback": {c.id: c.feedback_html for c in question.choices if c.feedback_html},
        "explanation": question.explanation_html,
        "correct": [c.id for c in question.choices if c.correct] if question.kind != "text" else None,
        "accepted": _accepted_html(question),
        "ranges": _ranges(question),
    }
    return {
        "key": question.key,
        "objective": question.objective,
        "kind": question.kind,
        "salt": salt,
        "answers": _answer_hashes(question, salt),
        "secret": obfuscate(salt, secret),
    }
