"""Shared test helpers: the repository paths and a way to write a small course into tmp_path."""

from __future__ import annotations

import re
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_COURSE = REPO / "course"
SAMPLE_COURSES = Path(__file__).resolve().parent / "sample_courses"

MakeCourse = Callable[..., Path]


HEAD = "---\ntitle: T\n---\n\n"


def parse_lesson(body: str) -> tuple[str, list[str]]:
    """The lesson HTML of a unit titled T with ``body``, and what its parse reported."""
    from masterysite.errors import Report
    from masterysite.parse.unit import UnitSource, parse_unit

    report = Report()
    unit = parse_unit(HEAD + body, UnitSource("units/a.md", 0, None, "/nonexistent"), report)
    assert unit is not None
    return unit.lesson_html, [str(p) for p in report.sorted()]


def boxes(html: str) -> list[tuple[str, str, str]]:
    """(tag, class, title) of each lesson box of ``html`` (callouts, exercises, collapsed blocks), in order."""
    found = re.finditer(
        r'<(aside|section) class="([^"]+)"[^>]*>\n<p class="[^"]+__title"[^>]*>(.*?)</p>'
        r'|<(details) class="([^"]+)"[^>]*>\n<summary>(.*?)</summary>',
        html,
    )
    return [(m.group(1) or m.group(4), m.group(2) or m.group(5), m.group(3) or m.group(6)) for m in found]


def files_holding(folder: Path, text: bytes) -> list[Path]:
    """Every file under ``folder`` whose bytes hold ``text`` (what must never be published: [])."""
    return [f for f in sorted(folder.rglob("*")) if f.is_file() and text in f.read_bytes()]


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``{relative path: content}`` under ``root``; str content is dedented."""
    for name, content in files.items():
        file = root / name
        file.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            file.write_bytes(content)
        else:
            file.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return root


@pytest.fixture
def make_course(tmp_path: Path) -> MakeCourse:
    """``make_course({"course.yml": ..., "units/a.md": ...}, name="course") -> Path`` of the course folder."""

    def make(files: dict[str, str | bytes], name: str = "course") -> Path:
        return write_files(tmp_path / name, files)

    return make


@pytest.fixture(autouse=True)
def check_page_inputs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every build under test signs the pages it keeps by their inputs too (build.page_inputs): a page
    whose inputs are the last build's and whose signature is not fails the build."""
    import masterysite.build

    monkeypatch.setattr(masterysite.build, "CHECK_INPUTS", True)


# A build of the repository's own course leaves its cache in course/.masterysite/: a copy starts clean.
_NO_CACHE = shutil.ignore_patterns(".masterysite")


@pytest.fixture
def example_course(tmp_path: Path) -> Path:
    """A private copy of the repository's example course (course/), safe to modify."""
    return Path(shutil.copytree(EXAMPLE_COURSE, tmp_path / "course", ignore=_NO_CACHE))


@pytest.fixture
def sample_course(tmp_path: Path) -> Callable[[str], Path]:
    """A private copy of ``tests/sample_courses/NAME``."""

    def copy(name: str) -> Path:
        return Path(shutil.copytree(SAMPLE_COURSES / name, tmp_path / name, ignore=_NO_CACHE))

    return copy
