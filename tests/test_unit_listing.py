"""course.yml's unit files are found from one listing of units/ (config.unit_files): only files
count, links followed, as the stat of each name did."""

from __future__ import annotations

from pathlib import Path

from masterysite.config import discover, load_config
from masterysite.errors import Report
from tests.conftest import MakeCourse

UNIT = "---\nid: {id}\ntitle: {id}\n---\n\nText.\n"


def test_only_files_are_units(make_course: MakeCourse, tmp_path: Path) -> None:
    root = make_course(
        {
            "course.yml": "title: T\nunits: [a.md, folder.md, gone.md, linked.md]\n",
            "units/a.md": UNIT.format(id="a"),
            "units/folder.md/inside.md": UNIT.format(id="inside"),
            "elsewhere.md": UNIT.format(id="linked"),
        }
    )
    (root / "units" / "gone.md").symlink_to(root / "nothing.md")
    (root / "units" / "linked.md").symlink_to(root / "elsewhere.md")
    report = Report()
    config = load_config(root, report)
    assert config is not None
    assert [e.path for e in config.entries] == ["units/a.md", "units/linked.md"]
    assert sorted(p.message.split("'")[1] for p in report.errors) == ["units/folder.md", "units/gone.md"]
    assert all("not found" in p.message for p in report.errors)
    assert discover(root) == ["a.md", "linked.md"]


def test_a_missing_file_is_offered_only_an_unlisted_one(make_course: MakeCourse) -> None:
    """'did you mean' names a file course.yml does not list yet (one it lists would be listed twice),
    and is worked out once every entry is known, whatever their order."""
    root = make_course(
        {
            "course.yml": "title: T\nunits: [fractions.md, fractons.md, decimals-2.md]\n",
            "units/fractions.md": UNIT.format(id="f"),
            "units/decimals.md": UNIT.format(id="d"),
        }
    )
    report = Report()
    load_config(root, report)
    messages = sorted(p.message for p in report.errors)
    assert messages == [
        "unit file 'units/decimals-2.md' not found — did you mean 'decimals.md'?",
        "unit file 'units/fractons.md' not found",
    ]


def test_a_hidden_file_is_no_unit(make_course: MakeCourse) -> None:
    """A course copied from a Mac to a USB stick or a zip carries AppleDouble files, '._01-a.md', which Finder does
    not show: one had been read as a unit, binary, and the build failed (new teacher ee 13). Not a unit, as a
    shell's 'units/*.md' reads the folder."""
    root = make_course({"course.yml": "title: T\n", "units/01-a.md": UNIT.format(id="a")})
    (root / "units" / "._01-a.md").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        ")
    (root / "units" / ".draft.md").write_text(UNIT.format(id="draft"), encoding="utf-8")
    report = Report()
    config = load_config(root, report)
    assert config is not None and report.problems == []
    assert [e.path for e in config.entries] == ["units/01-a.md"] and discover(root) == ["01-a.md"]
