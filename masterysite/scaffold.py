"""``masterysite new``: copy the starter course to a fresh folder."""

from __future__ import annotations

import secrets
import shutil
from pathlib import Path

from masterysite.errors import MasteryError

STARTER = Path(__file__).resolve().parent / "starter"
STARTER_ID = "shapes-starter"  # the id in its course.yml: each new course gets one of its own
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
    _own_id(directory / "course.yml", directory)


def _own_id(course_yml: Path, directory: Path) -> None:
    """The starter's id made the course's own: its folder's name and a few random digits. Every starter had
    had one id, so two courses on one server (or a folder on one computer) shared their students' progress,
    a unit of one mastered in the other (new teacher cc 7)."""
    from masterysite.config import slugify

    name = slugify(directory.resolve().name)[:40].strip("-") or "course"
    text = course_yml.read_text(encoding="utf-8")
    course_yml.write_text(text.replace(f"id: {STARTER_ID}\n", f"id: {name}-{secrets.token_hex(3)}\n", 1), "utf-8")
