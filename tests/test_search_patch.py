"""A rebuild patches the last search index (masterysite/search_patch.py): the patched index must be
the one a whole build makes, and any doubt must make it whole."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import masterysite.build as builder
from masterysite import search
from masterysite.build import build, load_course
from masterysite.search import encode_postings, search_index_js
from masterysite.search_patch import NAME, decode_postings
from tests.folders import edit

UNIT = "units/03-simplifying.md"


@settings(max_examples=300)
@given(st.sets(st.integers(0, 400)), st.integers(0, 100))
def test_a_posting_list_decodes_to_its_numbers(numbers: set[int], more: int) -> None:
    total = max(numbers, default=0) + 1 + more
    assert decode_postings(encode_postings(sorted(numbers), total)) == sorted(numbers)


@settings(max_examples=300)
@given(st.sets(st.integers(0, 9000)), st.integers(1, 9000))
def test_postings_kept_encoded_are_the_postings_encode_postings_writes(numbers: set[int], more: int) -> None:
    """A big course keeps its posting lists encoded while the index is made (search._Postings): the same
    text as encode_postings', gaps or bitmap, whichever is shorter."""
    ordered, total = sorted(numbers), max(numbers, default=0) + more
    if not ordered:
        return
    first = ordered[0]
    kept = search._Postings(first, search.encode_number(first).encode("ascii"))
    for number in ordered[1:]:
        gap = number - kept.last
        kept.gaps += search.encode_number(gap).encode("ascii")
        kept.count, kept.last = kept.count + 1, number
    assert kept.encoded(total) == encode_postings(ordered, total)


def test_a_big_courses_index_is_the_index_a_small_course_makes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The example course's index made as a course of 2,000 units makes it (postings kept encoded) is
    byte for byte the one made from lists of numbers (issue 12: a quarter of the memory at 10,000 units)."""
    loaded = load_course(Path(__file__).parent.parent / "course", cache=True)
    assert loaded.course is not None
    small = search_index_js(loaded.course)
    monkeypatch.setattr(search, "COMPACT_FROM", 1)
    assert search_index_js(loaded.course) == small and small.count("~") > 10  # (bitmaps too)


@pytest.fixture
def whole_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the builds that make the search index whole rather than patch it."""
    made: list[int] = []
    real = builder.search_index_js

    def counted(course: object) -> str:
        made.append(1)
        return real(course)  # type: ignore[arg-type]

    monkeypatch.setattr(builder, "search_index_js", counted)
    monkeypatch.setattr(builder.Background, "start", lambda self: None)  # made here, not in a child
    return made


def rebuilt_index_is_whole_one(root: Path, out: Path) -> None:
    build(root, out)
    cold = load_course(root)
    assert cold.course is not None
    assert (out / NAME).read_text(encoding="utf-8") == search_index_js(cold.course)


@pytest.fixture
def built(example_course: Path, tmp_path: Path, whole_builds: list[int]) -> tuple[Path, Path]:
    shutil.rmtree(example_course / ".masterysite", ignore_errors=True)
    out = tmp_path / "site"
    build(example_course, out)
    assert whole_builds == [1]
    whole_builds.clear()
    return example_course, out


def test_words_gained_and_lost_are_patched_in(built: tuple[Path, Path], whole_builds: list[int]) -> None:
    root, out = built
    # a new word, a word gone from one section ("Factors" heading), a word moved to another section
    retitled = lambda t: t.replace("## Factors", "## Divisors zyzzyva", 1)  # noqa: E731
    edit(root / UNIT, lambda t: retitled(t).replace("\n## ", "\nstep aardvark.\n\n## ", 1))
    rebuilt_index_is_whole_one(root, out)
    edit(root / "units/01-whole-and-parts.md", lambda t: t + "\nzyzzyva again\n")
    edit(root / UNIT, lambda t: t.replace("## Divisors zyzzyva", "## Factors", 1))
    rebuilt_index_is_whole_one(root, out)
    assert whole_builds == []


def test_a_section_more_makes_the_index_whole(built: tuple[Path, Path], whole_builds: list[int]) -> None:
    root, out = built
    edit(root / UNIT, lambda t: t + "\n## One more section\n\nWith words.\n")
    rebuilt_index_is_whole_one(root, out)
    assert whole_builds == [1]


def test_an_index_changed_on_disk_makes_the_index_whole(built: tuple[Path, Path], whole_builds: list[int]) -> None:
    root, out = built
    index = out / NAME
    index.write_text(index.read_text(encoding="utf-8").replace('"v":1', '"v":1 '), encoding="utf-8")
    edit(root / UNIT, lambda t: t.replace("\n## ", "\nzyzzyva.\n\n## ", 1))
    rebuilt_index_is_whole_one(root, out)
    assert whole_builds == [1]


def test_the_index_keeps_search_words_packed_raw(built: tuple[Path, Path]) -> None:
    """The cache's index file holds each unit's search words as one raw string of bytes (quick to
    load); read back they are the words of the parse."""
    from masterysite.cache import compact
    from masterysite.search import RAW, section_words

    root, _ = built
    whole = load_course(root)
    parsed = {path: value for path, value in whole.parsed.items() if value[0] is not None}
    for path, (unit, _problems) in compact(parsed).items():
        assert unit is not None and unit.words.startswith(RAW)
        assert section_words(unit) == [list(words) for words in section_words(parsed[path][0])]  # type: ignore[arg-type]
