"""The search index: every unit's lesson, word by word, shipped as a script (``_static/search-index.js``).

Browser twin: themes/default/js/search.js (the same folding and tokens; it decodes the postings).

The index is a script, not JSON fetched at run time, so search works from file:// and plain http
with no request the browser could refuse; the page loads it only when the student starts a search.
Locked units are in the index (their pages are in the site too) and the script leaves them out of
the results. To stay small for a thousand long units the index holds no text: for each word, the
sections it occurs in (a *posting list*), so a search finds the sections that contain every word
typed (the last one as a prefix, as the student types), and names the unit and the section.

Format (``window.MASTERYSITE_SEARCH``)::

    {"v": 1,
     "units": [["unit-id", [["", ""], ["heading-id", "Heading text"], ...]], ...],
     "words": "sorted words joined by spaces",
     "posts": "one posting list per word, joined by spaces"}

Sections are numbered across the course in order (a unit's text before its first ``##`` heading
is its section with an empty id and title). A posting list is either the gaps between the section
numbers as base-32 variable-length numbers over ALPHABET (a digit below 32 ends a number, one of 32
or more carries 5 low bits and continues), or, where that is longer, ``~`` and a bitmap of all
sections, 6 bits a character, lowest section first.
"""

from __future__ import annotations

import html
import re
import sys
import unicodedata
import zlib
from array import array
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from masterysite.model import Course, Unit
from masterysite.render import script_json

ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"
_HEADING = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.S)
_DROP = re.compile(r"<(annotation|script|style)\b[^>]*>.*?</\1>", re.S)
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"[^\W_]+")
_BITMAP = bytes(ALPHABET.encode("ascii")).ljust(256, b"?")
_KANA_MARKS = "\u3099\u309a"  # kana's voicing marks: 'ぐ' is no 'く' ('ください' had been 'くたさい': port ff 17)
# Chinese and Japanese, written without spaces: each run of their characters is indexed as its pairs of
# characters, so a word inside a sentence is found ('句読点' in '日本語の句読点は…': port ff 17)
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_ASCII_BREAKS = str.maketrans({chr(i): " " for i in range(128) if not chr(i).isalnum()})


def fold(text: str) -> str:
    """Lower case without accents, 'ß' as 'ss' (Swiss German and a keyboard without it: new teacher aa 9), a
    digit written small as a digit ('CO₂' is 'co2', as a student types it: new teacher dd 15): what the student
    types is matched the same way (js/search.js)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("ß", "ss"))
    kept = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M") or c in _KANA_MARKS)
    return unicodedata.normalize("NFC", kept) if _KANA_MARKS[0] in kept or _KANA_MARKS[1] in kept else kept


def tokens(text: str) -> list[str]:
    """The words of a text, folded, in order (js/search.js splits a query the same way).
    ASCII text (most lessons) is split without the regular expression: the same words, twice as fast."""
    if text.isascii():
        return text.lower().translate(_ASCII_BREAKS).split()
    words = _WORD.findall(fold(text))
    return [part for word in words for part in _pairs(word)]  # ('ﾃﾞｰﾀ' is katakana once folded: each word)


def _pairs(word: str) -> list[str]:
    """A word with runs of Chinese or Japanese characters: each run as its pairs ('句読点': '句読', '読点'),
    one character alone as itself; the rest of the word as it is (js/search.js tokens)."""
    if _CJK.search(word) is None:
        return [word]
    out: list[str] = []
    at = 0
    for run in _CJK.finditer(word):
        if run.start() > at:
            out.append(word[at : run.start()])
        text = run[0]
        out.extend([text] if len(text) == 1 else [text[i : i + 2] for i in range(len(text) - 1)])
        at = run.end()
    if at < len(word):
        out.append(word[at:])
    return out


def words(text: str) -> set[str]:
    return set(tokens(text))


def plain(markup: str) -> str:
    """Text of build-made HTML; every tag is a word break (math tokens stay separate)."""
    return html.unescape(_TAG.sub(" ", _DROP.sub(" ", markup)))


def sections(title: str, objectives: tuple[str, ...], lesson: str) -> list[tuple[str, str, str]]:
    """(anchor, heading text, text) for each part of a lesson; the title and objectives go with the first."""
    found = list(_HEADING.finditer(lesson))
    intro = " ".join([title, *objectives, plain(lesson[: found[0].start() if found else None])])
    out = [("", "", intro)]
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(lesson)
        title = " ".join(plain(m.group(2)).split())
        out.append((m.group(1), title, title + " " + plain(lesson[m.end() : end])))
    return out


def encode_number(value: int) -> str:
    out = []
    while value >= 32:
        out.append(ALPHABET[32 + (value & 31)])
        value >>= 5
    out.append(ALPHABET[value])
    return "".join(out)


def encode_postings(numbers: Sequence[int], total: int) -> str:
    """The shorter of the gap list and the bitmap (see the module docstring)."""
    size = (total + 5) // 6 + 1
    if len(numbers) < size:  # each gap takes a character at least: else the bitmap is shorter
        gaps, last = [], 0
        for n in numbers:
            gap = n - last
            gaps.append(ALPHABET[gap] if gap < 32 else encode_number(gap))
            last = n
        listed = "".join(gaps)
        if len(listed) <= size:
            return listed
    bits = bytearray(size - 1)
    for n in numbers:
        bits[n // 6] |= 1 << (n % 6)
    return "~" + bits.translate(_BITMAP).decode("ascii")


def outline(unit: Unit) -> Unit:
    """The unit with what the index and the course data need once its HTML is dropped (model.Unit)."""
    objectives = tuple(o.text for o in unit.objectives)
    # Interned: a course repeats the same few thousand words; one string each, not one per section
    # (10,000 units: 0.94 GB in the parent without it). Pickling keeps them shared. Not sorted: the
    # index lists a word's sections in course order whatever the order of the words in a section
    # (sorting them was a third of this function).
    found = tuple(
        (anchor, head, tuple(map(sys.intern, words(text))))
        for anchor, head, text in sections(unit.title, objectives, unit.lesson_html)
    )
    bonus = (SEALED_BONUS if unit.questions else OPEN_BONUS) if unit.enrichment else 0
    return replace(unit, search=found, bonus=bonus)


OPEN_BONUS = 1  # model.Unit.bonus: enrichment that shows once the unit is done (no quiz)
SEALED_BONUS = 2  # enrichment sealed under the unit key, which only passing the quiz gives


RAW = b"\0"  # packed words that start with it are not compressed (a zlib stream starts with 0x78)


def pack_words(search: Sequence[tuple[str, str, tuple[str, ...]]], compress: bool = True) -> bytes:
    """A unit's search words in a tenth of their memory: each section's words joined by spaces, the
    sections by new lines, compressed (a word never holds white space: see _WORD). Not compressed
    (``RAW`` first): one string of bytes, which a pickle loads at once where it takes a reference
    to each word (the cache's index of 1,000 units: 6.5 MB, 30-50 ms to load instead of 5)."""
    if not search:
        return b""
    text = "\n".join(" ".join(found) for _, _, found in search).encode("utf-8")
    return zlib.compress(text, 1) if compress else RAW + text


def section_words(unit: Unit) -> list[tuple[str, ...]] | list[list[str]]:
    """The words of each of the unit's sections, packed (a light unit) or not (a whole one)."""
    if not unit.words:
        return [found for _, _, found in unit.search]
    packed = unit.words
    text = packed[1:] if packed[:1] == RAW else zlib.decompress(packed)
    lines = text.decode("utf-8").split("\n")
    if len(lines) != len(unit.search):
        raise ValueError(f"{unit.path}: packed search words for {len(lines)} sections, not {len(unit.search)}")
    return [line.split() for line in lines]


_GAPS = [ALPHABET[gap].encode("ascii") for gap in range(32)] + [
    encode_number(gap).encode("ascii") for gap in range(32, 4096)
]


class _Postings:
    """A word's sections as the index writes them, gaps already encoded (a byte or two each, where a number
    took four: 10,000 units hold 10 million, and the index is made in a child that also holds the course)."""

    __slots__ = ("count", "gaps", "last")

    def __init__(self, number: int, code: bytes) -> None:
        self.count, self.gaps, self.last = 1, bytearray(code), number  # (its first section, as a gap from 0)

    def encoded(self, total: int) -> str:
        """encode_postings' choice: the gaps, or the bitmap where it is shorter."""
        if self.count < (total + 5) // 6 + 1 and len(self.gaps) <= (total + 5) // 6 + 1:
            return self.gaps.decode("ascii")
        return encode_postings(decode_postings(self.gaps.decode("ascii")), total)


_DIGIT = {c: i for i, c in enumerate(ALPHABET)}


def decode_postings(text: str) -> list[int]:
    """The section numbers of one posting list (encode_postings, read back)."""
    if text.startswith("~"):
        out = []
        for k, ch in enumerate(text[1:]):
            bits = _DIGIT[ch]
            out += [k * 6 + b for b in range(6) if bits >> b & 1]
        return out
    numbers, last, value, shift = [], 0, 0, 0
    for ch in text:
        digit = _DIGIT[ch]
        if digit >= 32:
            value |= (digit - 32) << shift
            shift += 5
            continue
        last += value | digit << shift
        numbers.append(last)
        value = shift = 0
    if shift:
        raise ValueError("a posting list ends inside a number")
    return numbers


COMPACT_FROM = 2000
"""Units: from this many, a course's posting lists are kept encoded while the index is made (_Postings):
half the speed of lists of numbers, a quarter of their memory (what 10,000 units need: issue 12)."""


def index_data(course: Course) -> dict[str, Any]:
    units: list[Any] = []
    compact = len(course.units) >= COMPACT_FROM
    postings: dict[str, _Postings] = {}
    numbers: dict[str, array[int]] = {}  # 4 bytes a posting, not 8
    number = 0
    for unit in course.units:
        heads = []
        for (anchor, title, _), found in zip(unit.search, section_words(unit), strict=True):
            heads.append([anchor, title])
            if compact:
                code = _GAPS[number] if number < 4096 else encode_number(number).encode("ascii")  # (from 0)
                for word in found:
                    entry = postings.get(word)
                    if entry is None:
                        postings[word] = _Postings(number, code)
                    else:
                        gap = number - entry.last
                        entry.gaps += _GAPS[gap] if gap < 4096 else encode_number(gap).encode("ascii")
                        entry.count += 1
                        entry.last = number
            else:
                for word in found:
                    if word in numbers:
                        numbers[word].append(number)
                    else:
                        numbers[word] = array("I", (number,))
            number += 1
        units.append([unit.id, heads])
    vocabulary = sorted(postings if compact else numbers)
    posts = (
        [postings.pop(w).encoded(number) for w in vocabulary]
        if compact
        else [encode_postings(numbers.pop(w), number) for w in vocabulary]
    )
    return {"v": 1, "units": units, "words": " ".join(vocabulary), "posts": " ".join(posts)}


def search_index_js(course: Course) -> str:
    return f"window.MASTERYSITE_SEARCH = {script_json(index_data(course))};\n"
