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


def test_a_secret_file_git_tracks_is_refused(course: Path, tmp_path: Path) -> None:
    """A pull request that adds '.masterysite/secret' makes it public, and a pull overwrites the teacher's own
    (git ignores it, so takes it as expendable): the build had used it (security round dd 11)."""
    import shutil
    import subprocess

    from masterysite.errors import MasteryError

    if shutil.which("git") is None:
        pytest.skip("needs git")
    build(course, tmp_path / "site")
    git = ["git", "-C", str(course), "-c", "user.email=t@example.org", "-c", "user.name=T"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-f", ".masterysite/secret", "course.yml"], check=True)
    with pytest.raises(MasteryError, match=r"the course secret is in git \(a commit added '.masterysite/secret'\)"):
        build(course, tmp_path / "site")
    subprocess.run([*git, "rm", "-q", "--cached", ".masterysite/secret"], check=True)
    build(course, tmp_path / "site")  # (ignored again: fine)
    (course / ".masterysite" / "secret").write_text("0" * 64 + "\n", encoding="ascii")  # (a file no build made)
    with pytest.raises(MasteryError, match="no random secret"):
        build(course, tmp_path / "site")


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
    monkeypatch.setenv(secret.ENV, ANOTHER)
    build(course, tmp_path / "site")
    second = unit_data(tmp_path / "site")
    assert first["questions"][0]["salt"] != second["questions"][0]["salt"]
    key = sealing.unit_key(bytes.fromhex(ANOTHER), "sealed", "one")
    assert sealing.unseal(key, second["seal"]["review"]) is not None


def test_check_writes_no_secret(course: Path) -> None:
    from click.testing import CliRunner

    from masterysite.cli import main

    result = CliRunner().invoke(main, ["check", str(course)])
    assert result.exit_code == 0, result.output
    assert not (course / ".masterysite" / "secret").exists()


ANOTHER = "9c1f04e7b2a85d3610fe7a49c2db0865e13f7a2c94d0b8653e1a7f20c4d9b816"


@pytest.mark.parametrize(
    "value",
    [
        "fractions2024",
        "correct horse battery staple 2026",
        "Sealed course 101, first edition Sealed course 101, first edition",
        # security round bb 2: famous sentences passed every rule, and a phrase list found each in seconds
        "the quick brown fox jumps over the lazy dog",
        "To be, or not to be, that is the question",
        "maple orbit sleepy quartz lantern fjord",
    ],
)
def test_a_passphrase_is_refused_before_anything_is_written(
    course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    """A guess of the secret can be tested against any page, offline, and a guessed one opens every answer: a
    phrase a person chooses is guessable whatever rules it passes (security rounds z 4, aa 2, bb 2). The build
    says so, names the variable and what to set instead (and how an old course keeps its keys), writes nothing."""
    from click.testing import CliRunner

    from masterysite.cli import main

    monkeypatch.setenv(secret.ENV, value)
    result = CliRunner().invoke(main, ["build", str(course), "-o", str(tmp_path / "site")])
    assert result.exit_code == 1
    assert "MASTERYSITE_SECRET: this is not the 64 hex digits of a course secret: a passphrase" in result.output
    assert "hashlib.sha256('PHRASE'.encode()).hexdigest()" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "site").exists()


WELL_KNOWN = [  # (security round cc 11) the SHA-256 of nothing and of 'password'; RFC 8439's example key
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8",
    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
]


@pytest.mark.parametrize("value", ["0" * 64, "0123456789abcdef" * 4, "deadbeef" * 8, "ab" * 32, *WELL_KNOWN])
def test_typed_hex_digits_that_are_a_pattern_are_refused(
    course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    from click.testing import CliRunner

    from masterysite.cli import main

    monkeypatch.setenv(secret.ENV, value)
    result = CliRunner().invoke(main, ["build", str(course), "-o", str(tmp_path / "site")])
    assert result.exit_code == 1 and "these 64 hex digits are no random secret" in result.output
    assert secret.parse(value) == bytes.fromhex(value)  # (the file's digits, as a build made them: read)
    monkeypatch.setenv(secret.ENV, ANOTHER)
    assert CliRunner().invoke(main, ["build", str(course), "-o", str(tmp_path / "site")]).exit_code == 0
