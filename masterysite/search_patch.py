"""A rebuild patches the last build's search index rather than make it again (0.2 s at 1,000 units).

The index (search.py) is a function of each unit's id and search sections, in course order; those
come from the unit's parse, so a unit whose cache key is the last build's has the same entries. The
cache keeps, per output folder, the units' ids and keys the index on disk was made from and the
SHA-256 of its bytes. When the units are the same ones in the same order, a few of them re-parsed
with as many sections as before, only the words those few gained or lost get new posting lists
(section numbers stay where they were); the rest of the file is taken as it is.

Any doubt means the whole index is made again: no record, a record of other code, a file on disk
that is not the one recorded, other units or another order, a changed unit whose old parse is not
in the cache, a section more or less, more than a few changed units, a course-wide pass that
touched a unit's search words.
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_left
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from masterysite.cache import FORMAT, BuildCache, _read, _write, code_key, file_stamp, sha
from masterysite.model import Unit
from masterysite.render import script_json
from masterysite.search import decode_postings, encode_postings, section_words

NAME = "_static/search-index.js"
PREFIX, SUFFIX = "window.MASTERYSITE_SEARCH = ", ";\n"  # search.search_index_js
MOST = 32  # changed units: past this many, the index is made again (a patch decodes their words' lists)


class State(NamedTuple):
    """What the last build into a folder made its search index from, and its course pages from."""

    units: list[tuple[str, str]]  # (unit id, cache key) in course order
    digest: str  # SHA-256 of the search index's bytes
    course: str = ""  # build.course_pages_inputs
    stamps: tuple[tuple[int, int, int] | None, ...] = ()  # file_stamp of each of build.COURSE_PAGES


def state_file(cache: BuildCache, out: Path) -> Path:
    return cache.folder / f"search-{sha(str(out.resolve()))[:16]}.pickle"


def load_state(cache: BuildCache, out: Path) -> State | None:
    data = _read(state_file(cache, out))
    if isinstance(data, tuple) and len(data) == 6 and data[:2] == (FORMAT, code_key()):
        return State(*data[2:])
    return None


def save_state(cache: BuildCache, out: Path, new: State, old: State | None, pages: tuple[str, ...] = ()) -> None:
    """After the site is in place: what its search index was made from and the digest of its bytes
    (``new.digest`` is taken here), and the file stamps of ``pages`` (``new.stamps``)."""
    if cache.temporary:
        return
    try:
        digest = hashlib.sha256((out / NAME).read_bytes()).hexdigest()
    except OSError:
        state_file(cache, out).unlink(missing_ok=True)
        return
    new = new._replace(digest=digest, stamps=tuple(file_stamp(f"{out}/{name}") for name in pages))
    if old != new:
        _write(state_file(cache, out), (FORMAT, code_key(), *new))


def patched_index(
    units: Sequence[Unit], parsed: list[Unit | None], keys: list[str], cache: BuildCache, previous: Path, state: State
) -> str | None:
    """The search index of ``units`` (the course's, in order; ``parsed``: each as its parse made it,
    ``keys``: its cache key), made from the one in ``previous`` that ``state`` describes; None when
    it cannot be told (see the module docstring): then make it whole."""
    old_units, old_digest = state.units, state.digest
    if len(old_units) != len(units):
        return None
    changed: list[int] = []
    for index, (unit, light, key, (old_id, old_key)) in enumerate(zip(units, parsed, keys, old_units, strict=True)):
        if light is None or unit.search is not light.search or unit.words is not light.words or unit.id != old_id:
            return None
        if key != old_key:
            changed.append(index)
    if len(changed) > MOST:
        return None
    try:
        blob = (previous / NAME).read_bytes()
        if hashlib.sha256(blob).hexdigest() != old_digest:
            return None
        text = blob.decode("utf-8")
        if not (text.startswith(PREFIX) and text.endswith(SUFFIX)):
            return None
        data: dict[str, Any] = json.loads(text[len(PREFIX) : -len(SUFFIX)])
        return _patch(data, units, changed, [old_units[i][1] for i in changed], cache)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def _patch(
    data: dict[str, Any], units: Sequence[Unit], changed: list[int], old_keys: list[str], cache: BuildCache
) -> str | None:
    listed = data["units"]
    if data.get("v") != 1 or len(listed) != len(units) or any(e[0] != u.id for e, u in zip(listed, units, strict=True)):
        return None
    starts, total = [], 0
    for _, heads in listed:
        starts.append(total)
        total += len(heads)
    gained: dict[str, list[int]] = {}
    lost: dict[str, set[int]] = {}
    for index, old_key in zip(changed, old_keys, strict=True):
        hit = cache.lookup(old_key)
        old = hit[0] if hit is not None else None
        unit = units[index]
        if old is None or len(old.search) != len(unit.search) or len(listed[index][1]) != len(unit.search):
            return None
        pairs = zip(section_words(old), section_words(unit), strict=True)
        for number, (before, after) in enumerate(pairs, starts[index]):
            was, now = set(before), set(after)
            for word in now - was:
                gained.setdefault(word, []).append(number)
            for word in was - now:
                lost.setdefault(word, set()).add(number)
        listed[index] = [unit.id, [[anchor, title] for anchor, title, _ in unit.search]]
    words: list[str] = data["words"].split(" ") if data["words"] else []
    posts: list[str] = data["posts"].split(" ") if data["posts"] else []
    if len(words) != len(posts):
        return None
    for word in sorted(gained.keys() | lost.keys()):
        at = bisect_left(words, word)
        present = at < len(words) and words[at] == word
        numbers = set(decode_postings(posts[at])) if present else set()
        numbers = (numbers - lost.get(word, set())) | set(gained.get(word, ()))
        if numbers:
            if not present:
                words.insert(at, word)
                posts.insert(at, "")
            posts[at] = encode_postings(sorted(numbers), total)
        elif present:
            del words[at], posts[at]
    data["words"], data["posts"] = " ".join(words), " ".join(posts)
    return f"{PREFIX}{script_json(data)}{SUFFIX}"
