"""``masterysite new``: copy the starter course to a fresh folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from masterysite.errors import MasteryError

STARTER = Path(__file__).resolve().parent / "starter"
_VERSION_CONTROL = frozenset({".git", ".hg", ".svn"})  # a folder just made a repository ('git init'): still empty


def create(directory: Path) -> None:
    """Never write into a folder that already has files: the teacher's work comes first."""
    if directory.exists() and not directory.is_dir():
        raise MasteryError(f"{directory}: already exists and is a file, not a folder; choose a new folder name")
    if directory.exists() and any(entry.name not in _VERSION_CONTROL for entry in directory.iterdir()):
        raise MasteryError(f"{directory}: already exists and is not empty; choose a new folder name")
    if not STARTER.is_dir():
        raise MasteryError("the starter course is missing from this installation of masterysite")
    existed = directory.exists()
    try:
        shutil.copytree(STARTER, directory, dirs_exist_ok=True)
    except (OSError, shutil.Error) as exc:  # a full disk, a folder it may not write (round y 12)
        reason = exc.args[0][0][2] if isinstance(exc, shutil.Error) and exc.args and exc.args[0] else exc
        if existed:  # (it was empty: empty it again, so that the next 'new' can use it)
            for entry in [e for e in directory.iterdir() if e.name not in _VERSION_CONTROL]:
                if entry.is_dir():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink(missing_ok=True)
        else:
            shutil.rmtree(directory, ignore_errors=True)
        message = f"{directory}: the starter course could not be written ({reason}); nothing of it was left"
        raise MasteryError(message) from None
