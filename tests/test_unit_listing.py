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
