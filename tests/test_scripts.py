"""The shipped scripts are joined from the theme's readable js/ sources, in scripts.yml's order,
minified, with each source's name kept; a course overrides one source or a whole script."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from conftest import MakeCourse

from masterysite.build import build
from masterysite.scripts import IN_LMS_ONLY
from masterysite.theme import default_theme_dir

COURSE = {"course.yml": "title: T\n", "units/a.md": "---\ntitle: A\n---\nHello.\n"}


def _order() -> dict[str, list[str]]:
    """The sources of each script of the site (lms.js is the SCORM package's only: IN_LMS_ONLY)."""
    manifest = yaml.safe_load((default_theme_dir() / "scripts.yml").read_text(encoding="utf-8"))
    return {name: [IN_LMS_ONLY.get(s, s) for s in sources] for name, sources in manifest.items()}


def _named(shipped: str) -> list[str]:
    """The sources a shipped script says it joins, in order (its first comment)."""
    found = re.match(r"/\*! [\w.-]+: joined by masterysite from the theme's js/ ([\w. -]+); edit those", shipped)
    return found.group(1).split() if found else []


def test_each_script_names_its_sources_in_order_and_is_minified(make_course: MakeCourse, tmp_path: Path) -> None:
    build(make_course(COURSE), tmp_path / "site")
    for name, sources in _order().items():
        shipped = (tmp_path / "site" / "_static" / name).read_text(encoding="utf-8")
        assert _named(shipped) == sources, name
        readable = sum(len((default_theme_dir() / "js" / s).read_text(encoding="utf-8")) for s in sources)
        assert len(shipped) < 0.85 * readable, f"{name} is not minified ({len(shipped)} of {readable} bytes)"
        assert "\n  " not in shipped, f"{name} keeps its indentation"


def test_theme_css_is_minified_but_a_course_css_file_is_copied_as_written(
    make_course: MakeCourse, tmp_path: Path
) -> None:
    own = "/* mine */\n.box {\n  color: red;\n}\n"
    build(make_course({**COURSE, "theme/static/own.css": own}), tmp_path / "site")
    source = (default_theme_dir() / "static" / "masterysite.css").read_text(encoding="utf-8")
    shipped = (tmp_path / "site" / "_static" / "masterysite.css").read_text(encoding="utf-8")
    assert len(shipped) < 0.85 * len(source) and "/*" not in shipped
    assert (tmp_path / "site" / "_static" / "own.css").read_text(encoding="utf-8") == own


def test_a_course_overrides_one_source_or_the_whole_script(make_course: MakeCourse, tmp_path: Path) -> None:
    last = _order()["masterysite.js"][-1]
    one = make_course({**COURSE, f"theme/js/{last}": "window.OVERRIDDEN_ONE = 1;\n"}, name="one")
    build(one, tmp_path / "out-one")
    shipped = (tmp_path / "out-one" / "_static" / "masterysite.js").read_text(encoding="utf-8")
    assert "window.OVERRIDDEN_ONE=1" in shipped and _named(shipped) == _order()["masterysite.js"]
    assert "function expandCourse(" in shipped  # the other sources are still there

    whole = make_course({**COURSE, "theme/static/masterysite.js": "/* all mine */\n"}, name="whole")
    build(whole, tmp_path / "out-whole")
    assert (tmp_path / "out-whole" / "_static" / "masterysite.js").read_text(encoding="utf-8") == "/* all mine */\n"


def test_only_the_course_and_progress_pages_load_their_own_code(make_course: MakeCourse, tmp_path: Path) -> None:
    """A unit page loads what it needs (issue 12): the progress table, export and import (js/progress.js,
    2.3 KB gzipped) are in progress-page.js, which only the progress page loads; the merge of progress an
    LMS hands back (lms.js, on any page) is in both."""
    build(make_course(COURSE), tmp_path / "site")
    site = tmp_path / "site"

    def loaded(page: str) -> list[str]:
        return re.findall(r'<script src="[./]*_static/([\w.-]+)"', (site / page).read_text(encoding="utf-8"))

    def styles(page: str) -> list[str]:
        linked = r'<link rel="stylesheet" href="[./]*_static/([\w.-]+)"'
        return re.findall(linked, (site / page).read_text(encoding="utf-8"))

    assert styles("units/a.html") == styles("index.html") == ["masterysite.css"]  # (the table's: progress.css)
    assert styles("progress.html") == ["masterysite.css", "progress.css"]
    assert ".progress-table" not in (site / "_static" / "masterysite.css").read_text(encoding="utf-8")
    assert loaded("units/a.html")[-1] == "masterysite.js"
    assert loaded("index.html")[-1] == "course-page.js"
    assert loaded("progress.html")[-1] == "progress-page.js"
    every, course, progress = (_order()[n] for n in ("masterysite.js", "course-page.js", "progress-page.js"))
    assert "progress.js" not in every and "courselist.js" not in every
    assert [s for s in course if s != "courselist.js"] == every
    assert [s for s in progress if s != "progress.js"] == course
    shipped = (site / "_static" / "masterysite.js").read_text(encoding="utf-8")
    assert "function startProgressPage(" not in shipped and "function mergeUnit(" in shipped
    # what talks to a SCORM package's launch page is in the package's scripts only (test_package.py)
    for name in ("masterysite.js", "course-page.js", "progress-page.js"):
        assert "MASTERYSITE_LMS" not in (site / "_static" / name).read_text(encoding="utf-8"), name
    # the course list and summary (js/courselist.js) only where they are shown: not on a unit page
    assert "function renderCourseList(" not in shipped
    assert "function renderCourseList(" in (site / "_static" / "course-page.js").read_text(encoding="utf-8")
