"""`pip install .` (not only editable) must ship the default theme and the starter course."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_the_wheel_carries_the_theme_and_the_starter(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("masterysite-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    theme = {p.relative_to(REPO).as_posix() for p in (REPO / "themes").rglob("*") if p.is_file()}
    starter = {p.relative_to(REPO).as_posix() for p in (REPO / "masterysite" / "starter").rglob("*") if p.is_file()}
    assert theme and starter
    assert {f"masterysite/{name}" for name in theme} <= names
    assert starter <= names
    assert "masterysite/cli.py" in names
    assert {"masterysite/schemas/course.schema.json", "masterysite/schemas/unit.schema.json"} <= names
