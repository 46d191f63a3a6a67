"""``masterysite new``: copy the starter course to a fresh folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from masterysite.errors import MasteryError

STARTER = Path(__file__).resolve().parent / "starter"


def create(directory: Path) -> None:
    """Never write into a folder that already has files: the teacher's work comes first."""
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise MasteryError(f"{directory}: already exists and is not empty; choose a new folder name")
    if not STARTER.is_dir():
        raise MasteryError("the starter course is missing from this installation of masterysite")
    shutil.copytree(STARTER, directory, dirs_exist_ok=True)
