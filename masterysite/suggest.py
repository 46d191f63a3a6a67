"""Did-you-mean hints for unknown keys, objectives and unit ids."""

from __future__ import annotations

import difflib
from collections.abc import Sequence


def closest(word: str, options: Sequence[str]) -> str | None:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return close[0] if close else None


def unknown(kind: str, word: str, options: Sequence[str], listing: bool = True) -> str:
    """``unknown objective 'scael' (objectives: scale, compare) — did you mean 'scale'?``"""
    text = f"unknown {kind} '{word}'"
    if listing and 0 < len(options) <= 15:
        text += f" ({kind}s: {', '.join(options)})"
    match = closest(word, options)
    if match:
        text += f" — did you mean '{match}'?"
    return text
