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
from typing import Any

from masterysite import judging
from masterysite.model import Question

ORDERED_KINDS = ("single", "multiple", "ordering")  # "correct": choice ids, or item ids in order


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalize_text(text: str) -> str:
    """Same as the browser: NFC, trimmed, inner white space folded, lower case."""
    return judging.lenient_text(text)


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


def form_hash(salt: str, form: judging.Form) -> str:
    """The browser looks up sha256(salt + ":" + kind + ":" + form) among a slot's hashes."""
    return sha256_hex(f"{salt}:{form[0]}:{form[1]}")


def slot_salt(salt: str, question: Question, index: int) -> str:
    """Each blank is hashed as a question of its own, with the salt ``salt/index``."""
    return f"{salt}/{index}" if question.kind == "blanks" else salt


def _slot_hashes(question: Question, salt: str) -> list[list[str]]:
    return [
        sorted({form_hash(slot_salt(salt, question, i), form) for form in forms})
        for i, forms in enumerate(judging.accepted_forms(question))
    ]


def _extras(extras: judging.Extras) -> dict[str, Any]:
    return {"ranges": [list(r) for r in extras.ranges], "patterns": [list(p) for p in extras.patterns]}


def _accepted_html(question: Question) -> str | None:
    if question.kind == "text":
        return ", ".join(f"<code>{html.escape(a.source)}</code>" for a in question.answers) or None
    if question.kind == "blanks":
        items = (", ".join(f"<code>{html.escape(a.source)}</code>" for a in b) for b in question.blanks)
        return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"
    if question.kind == "ordering":
        return "<ol>" + "".join(f"<li>{c.html}</li>" for c in question.choices) + "</ol>"
    return None


def question_data(course_id: str, unit_id: str, question: Question) -> dict[str, Any]:
    salt = salt_for(course_id, unit_id, question.key)
    hashes = _slot_hashes(question, salt)
    extras = [_extras(e) for e in judging.extras(question)]
    secret: dict[str, Any] = {
        "feedback": {c.id: c.feedback_html for c in question.choices if c.feedback_html},
        "explanation": question.explanation_html,
        "correct": [c.id for c in question.choices if c.correct] if question.kind in ORDERED_KINDS else None,
        "accepted": _accepted_html(question),
        **(extras[0] if question.kind == "text" else {"ranges": [], "patterns": []}),
    }
    data: dict[str, Any] = {
        "key": question.key,
        "objective": question.objective,
        "kind": question.kind,
        "salt": salt,
        "answers": hashes[0] if question.kind != "blanks" else [],
    }
    if question.kind == "blanks":
        data["blanks"] = hashes
        secret["blanks"] = extras
    data["secret"] = obfuscate(salt, secret)
    return data
