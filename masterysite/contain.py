"""Only the course's own files: a symbolic link that leads outside the course folder is an error.

A course repository that takes contributions (a pull request built by CI) must not be able to
publish the machine's files: ``assets/key`` -> a private key, ``assets/env`` ->
``/proc/self/environ``, ``theme/static/x`` -> ``/etc/hostname``. Links that stay inside the course
folder work as before. Each outside link is reported once: at the line of the unit that names it
(checked while parsing, in parse/links.py), at the line of course.yml that lists a unit file, or
else at the link's own path.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from masterysite.errors import Report

SCANNED = ("assets", "theme")  # the folders a build reads or publishes as a whole
ADVICE = "a build uses only the course's own files: copy it into the course, or remove the link"


def outside(root: Path, path: Path) -> bool:
    """True when ``path``, with every symbolic link followed, is not inside ``root``."""
    try:
        return not path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a link loop: nothing a course can use
        return True


def outside_message(kind: str) -> str:
    return f"this symbolic link leads to a {kind} outside the course folder; {ADVICE}"


def outside_links(root: Path) -> dict[str, str]:
    """Relative path -> 'file' or 'folder', for every link under assets/ and theme/ (and the
    folders themselves, and course.yml) that leads outside the course. Links inside the course
    are followed, each real folder once, as the build follows them when it publishes."""
    found: dict[str, str] = {}
    real_root = root.resolve()
    for name in (*SCANNED, "course.yml"):
        top = root / name
        if top.is_symlink() and outside(root, top):
            found[name] = "folder" if name in SCANNED else "file"
        elif top.is_dir():
            _walk(root, real_root, top, found)
    return found


def _walk(root: Path, real_root: Path, top: Path, found: dict[str, str]) -> None:
    seen: set[Path] = set()
    for folder, dirs, files in os.walk(top, followlinks=True):
        real = Path(folder).resolve()
        if real in seen or real_root.is_relative_to(real):
            dirs[:] = []  # visited already, or a link back up the tree (the build skips it too)
            continue
        seen.add(real)
        for names, kind in ((dirs, "folder"), (files, "file")):
            for name in list(names):
                path = Path(folder) / name
                if path.is_symlink() and outside(root, path):
                    found[path.relative_to(root).as_posix()] = kind
                    if kind == "folder":
                        dirs.remove(name)  # never walk the machine's folders


def report_outside(found: dict[str, str], named: Iterable[str], report: Report) -> None:
    """Report each outside link (from outside_links) at its path, unless a unit names a file
    through it (that unit's line says so already)."""
    named = list(named)
    for path, kind in sorted(found.items()):
        if not any(n == path or n.startswith(path + "/") for n in named):
            report.error(path, 0, outside_message(kind))
