"""The course secret and the sealed pages across builds (masterysite/secret.py, docs/theme.md
"Sealed answers"): made once beside the course and never published; rebuilds byte-identical;
the unit key unchanged when the teacher edits a unit; `check` writes nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from masterysite import sealing, secret
from masterysite.build import build
from tests.conftest import MakeCourse

UNIT = """---
title: One
requires: []
objectives:
  o: Know it
quiz:
  draw: 2
---

Lesson.

::: question o
First?

= alpha
:::

::: question o
Second?

= beta
:::

::: enrichment More
Bonus text.
:::
"""


def unit_data(site: Path) -> dict:  # type: ignore[type-arg]
    page = (site / "units" / "one.html").read_text(encoding="utf-8")
    found = re.search(r'id="ms-unit-data">(.*?)</script>', page, re.S)
    assert found
    return json.loads(found.group(1))  # type: ignore[no-any-return]


@pytest.fixture
def course(make_course: MakeCourse, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv(secret.ENV, raising=False)
    return make_course({"course.yml": "title: Sealed\nid: sealed\n", "units/one.md": UNIT})


def test_the_first_build_makes_the_secret_and_never_publishes_it(course: Path, tmp_path: Path) -> None:
    build(course, tmp_path / "site")
    key = (course / ".masterysite" / "secret").read_text(encoding="ascii").strip()
    assert re.fullmatch(r"[0-9a-f]{64}", key)
    for file in (tmp_path / "site").rglob("*"):
        assert ".masterysite" not in file.relative_to(tmp_path / "site").parts[:-1]
        if file.is_file():
            data = file.read_bytes()
            assert key.encode() not in data and bytes.fromhex(key) not in data, file


def test_rebuilds_are_byte_identical_and_keep_the_secret(course: Path, tmp_path: Path) -> None:
    build(course, tmp_path / "a")
    build(course, tmp_path / "b")
    assert (tmp_path / "a" / "units" / "one.html").read_bytes() == (tmp_path / "b" / "units" / "one.html").read_bytes()


def test_an_edited_unit_is_sealed_afresh_under_the_same_unit_key(course: Path, tmp_path: Path) -> None:
    build(course, tmp_path / "a")
    unit = course / "units" / "one.md"
    unit.write_text(UNIT.replace("= beta", "= beta\n= gamma").replace("Bonus text.", "New bonus."), encoding="utf-8")
    build(course, tmp_path / "b")
    before, after = unit_data(tmp_path / "a"), unit_data(tmp_path / "b")
    assert before["questions"][0]["salt"] != after["questions"][0]["salt"]
    key = sealing.unit_key(secret.course_secret(course), "sealed", "one")
    assert b"Bonus text." in (sealing.unseal(key, before["seal"]["enrichment"]) or b"")
    assert b"New bonus." in (sealing.unseal(key, after["seal"]["enrichment"]) or b"")
    assert before["seal"]["k"] == after["seal"]["k"] == 2


def test_another_secret_seals_other_pages_even_from_the_cache(
    course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(course, tmp_path / "site")
    build(course, tmp_path / "site")  # the cache now knows the course folder as it stays
    first = unit_data(tmp_path / "site")
    monkeypatch.setenv(secret.ENV, "another passphrase, long enough: orbit 42 quilted fennel")
    build(course, tmp_path / "site")
    second = unit_data(tmp_path / "site")
    assert first["questions"][0]["salt"] != second["questions"][0]["salt"]
    key = sealing.unit_key(secret.parse("another passphrase, long enough: orbit 42 quilted fennel"), "sealed", "one")
    assert sealing.unseal(key, second["seal"]["review"]) is not None


def test_check_writes_no_secret(course: Path) -> None:
    from click.testing import CliRunner

    from masterysite.cli import main

    result = CliRunner().invoke(main, ["check", str(course)])
    assert result.exit_code == 0, result.output
    assert not (course / ".masterysite" / "secret").exists()


@pytest.mark.parametrize("value", ["fractions2024", "correct horse battery"])
def test_a_short_passphrase_is_refused_before_anything_is_written(
    course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    """A guess of the secret can be tested against any page, offline: 'fractions2024' falls to a word
    list in milliseconds and opens every answer. The build says so, names the variable, writes nothing."""
    from click.testing import CliRunner

    from masterysite.cli import main

    monkeypatch.setenv(secret.ENV, value)
    result = CliRunner().invoke(main, ["build", str(course), "-o", str(tmp_path / "site")])
    assert result.exit_code == 1
    assert f"MASTERYSITE_SECRET: a passphrase of {len(value)} characters can be guessed" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "site").exists()
    assert secret.parse("0123456789abcdef" * 4) == bytes.fromhex("0123456789abcdef" * 4)  # the file's digits


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("correct horse battery staple", "it is 4 words, which a word list tries first"),
        ("a" * 24, "it uses only a few different characters"),
        ("Sealed course 101, first edition", "it is 5 words and a number, which a word list tries first"),
        (
            "Sealed course 101, first edition, v2.1",
            "it is the course's title or id, which every page shows, with little added",
        ),
        ("0" * 64, None),
        # security round aa 2: each was accepted, and a guess found it in a millisecond
        ("correct horse battery staple 2026", "it is 4 words and a number, which a word list tries first"),
        ("Sealed course 101, first edition Sealed course 101, first edition", "a password cracker's rules"),
        ("sealed-course-101-first-edition " * 3, "a password cracker's rules"),
        ("Password1234567890123456", "a password cracker's rules"),
        ("abcdefghijklmnopqrstuvwxyz0123456789", "a password cracker's rules"),
        ("0123456789abcdef" * 4, None),
    ],
)
def test_a_guessable_passphrase_is_refused(
    course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, why: str | None
) -> None:
    """Long enough is not random enough: the course's title (printed on every page), 24 a's, four famous words
    or 64 zeros were accepted, and a guess of one opened every answer in a millisecond (security round z 4).
    Six random words, or words with digits, are fine."""
    from click.testing import CliRunner

    from masterysite.cli import main

    (course / "course.yml").write_text("title: Sealed course 101, first edition\n", encoding="utf-8")
    monkeypatch.setenv(secret.ENV, value)
    result = CliRunner().invoke(main, ["build", str(course), "-o", str(tmp_path / "site")])
    assert result.exit_code == 1, result.output
    if why is None:
        assert "these 64 hex digits are no random secret" in result.output
    else:
        assert f"MASTERYSITE_SECRET: this passphrase can be guessed from the pages ({why}" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "site").exists()
    title = ("Sealed course 101, first edition", "sealed-course-101-first-edition")
    for fine in (
        "maple orbit sleepy quartz lantern fjord",
        "Sealed course 101, first edition, by kz7!q, xw9#p and 4mv+t",
    ):
        assert secret.guessable(fine, title) is None
