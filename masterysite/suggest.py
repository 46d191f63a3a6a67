"""Did-you-mean hints for unknown keys, objectives and unit ids."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

MAX_LISTED = 30  # a longer list hides the hint instead of helping (the 26 warning codes are listed)


def closest(word: str, options: Sequence[str]) -> str | None:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    if close:
        return close[0]
    base = word.replace("_", "-").split("-")[0].lower()  # 'fr-FR' -> 'fr'
    return base if base != word and base in options else None


def did_you_mean(word: str, options: Sequence[str]) -> str:
    """`` — did you mean 'scale'?`` or nothing when no option is close."""
    match = closest(word, options)
    return f" — did you mean '{match}'?" if match else ""


def unknown(kind: str, word: str, options: Sequence[str], listing: bool = True) -> str:
    """``unknown objective 'scael' (objectives: scale, compare) — did you mean 'scale'?``"""
    text = f"unknown {kind} '{word}'"
    if listing and 0 < len(options) <= MAX_LISTED:
        text += f" ({kind}s: {', '.join(options)})"
    return text + did_you_mean(word, options)


def unknown_key(key: str, options: Sequence[str], where: str = "") -> str:
    """``unknown key 'titel' — did you mean 'title'?``; without a close match, the valid keys."""
    text = f"unknown key '{key}'{where}"
    hint = did_you_mean(key, options)
    return text + (hint or f" (valid keys: {', '.join(options)})")


def misspelt(key: str, present: Iterable[str], options: Sequence[str]) -> bool:
    """True when an unknown key already reported is a typo of ``key``, so 'missing key' would only repeat it."""
    return any(word not in options and closest(word, options) == key for word in present)


def describe(value: object) -> str:
    """A YAML value as a teacher wrote it, not as Python prints it."""
    if isinstance(value, dict):
        return "a mapping ('key: value')"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "'true'" if value else "'false'"
    return f"'{value}'"
