"""Only the course's own files: a symbolic link that leads outside the course folder is an error,
and so is one that leads to a hidden file or folder of the course.

A course repository that takes contributions (a pull request built by CI) must not be able to
publish the machine's files: ``assets/key`` -> a private key, ``assets/env`` ->
``/proc/self/environ``, ``theme/static/x`` -> ``/etc/hostname``. Nor the course's own private
files, which sit inside the course folder: ``assets/s`` -> ``../.masterysite/secret`` (the course
secret every unit key derives from), ``../.git/config`` (where a CI checkout keeps its token). A
unit cannot name a hidden file (parse/links.py refuses it); a link cannot lead to one either. Other
links that stay inside the course folder work as before. Each such link is reported once: at the
line of the unit that names it, at the line of course.yml that lists a unit file, or else at the
link's own path.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

from masterysite.errors import Report

SCANNED = ("assets", "theme")  # the folders a build reads or publishes as a whole
ADVICE = "a build uses only the course's own files: copy it into the course, or remove the link"
HIDDEN_ADVICE = (
    "hidden files (the course secret and build cache in .masterysite/, git's files) are never published: "
    "remove the link"
)
SOURCE_ADVICE = "a unit's Markdown holds its answers and is never published: remove the link (link to the unit's page)"


def outside(root: Path, path: Path) -> bool:
    """True when ``path``, with every symbolic link followed, is not inside ``root``."""
    try:
        return not path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a link loop: nothing a course can use
        return True


def hidden_target(root: Path, path: Path) -> str:
    """The course path of the hidden file or folder that ``path`` leads to through a symbolic link
    ('.masterysite/secret'), or "" (not hidden, outside the course, or reached without a link)."""
    try:
        real_root = root.resolve()
        named = path.absolute().relative_to(root.absolute())
        target = path.resolve().relative_to(real_root)
    except (ValueError, OSError, RuntimeError):
        return ""
    hidden = any(part.startswith(".") for part in target.parts)  # the course folder itself is '.', no part
    return target.as_posix() if hidden and target != named else ""


def source_target(root: Path, path: Path) -> str:
    """The course path of the unit source (``units/a.md``), the units folder or course.yml that
    ``path`` leads to through a symbolic link, or "". Published, a unit source gives away every answer."""
    try:
        named = path.absolute().relative_to(root.absolute())
        target = path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):
        return ""
    parts = tuple(part.casefold() for part in target.parts)  # (as a Mac's or Windows' file system reads names)
    source = parts[:1] == ("units",) and (len(parts) == 1 or (len(parts) == 2 and target.suffix.lower() == ".md"))
    return target.as_posix() if (source or parts == ("course.yml",)) and target != named else ""


def _source(target: str) -> str:
    if target == "units":
        return f"the folder of the unit sources '{target}'"
    return f"the course's '{target}'" if target == "course.yml" else f"the unit source '{target}'"


def escapes(root: Path, path: Path) -> str:
    """Why ``path`` (a file a build would read) must not be read: how the sentence "... leads"
    goes on ("outside the course folder", "to the hidden file '.masterysite/secret'"), or ""."""
    absolute = os.path.abspath(path)
    if os.path.realpath(absolute) == absolute and absolute.startswith(os.path.realpath(root) + os.sep):
        return ""  # no symbolic link on the way, inside the course (the common case: one lstat a part)
    if outside(root, path):
        return "outside the course folder"
    target = hidden_target(root, path)
    if target:
        kind = "folder" if path.is_dir() else "file"
        return f"to the hidden {kind} '{target}'"
    target = source_target(root, path)
    return f"to {_source(target)}" if target else ""


def advice(why: str) -> str:
    """What to do about a link that ``escapes``."""
    if why.startswith(("to the unit source", "to the folder of the unit sources", "to the course's")):
        return SOURCE_ADVICE
    return ADVICE if why == "outside the course folder" else HIDDEN_ADVICE


def outside_message(kind: str) -> str:
    return f"this symbolic link leads to a {kind} outside the course folder; {ADVICE}"


def hidden_message(kind: str, target: str) -> str:
    return f"this symbolic link leads to the hidden {kind} '{target}'; {HIDDEN_ADVICE}"


def link_problem(root: Path, path: Path, kind: str) -> str:
    """The message for the symbolic link ``path`` when it leads outside the course or to a hidden
    file or folder of it, else ""."""
    if outside(root, path):
        return outside_message(kind)
    target = hidden_target(root, path)
    if target:
        return hidden_message(kind, target)
    target = source_target(root, path)
    return f"this symbolic link leads to {_source(target)}; {SOURCE_ADVICE}" if target else ""


def outside_links(root: Path) -> dict[str, str]:
    """Relative path -> its message, for every link under assets/ and theme/ (and the folders
    themselves, and course.yml) that leads outside the course or to a hidden file or folder of
    it. Other links inside the course are followed, each real folder once, as the build follows
    them when it publishes."""
    found: dict[str, str] = {}
    real_root = root.resolve()
    for name in (*SCANNED, "course.yml"):
        top = root / name
        problem = link_problem(root, top, "folder" if name in SCANNED else "file") if top.is_symlink() else ""
        if problem:
            found[name] = problem
        elif top.is_dir():
            _walk(root, real_root, top, found)
    return found


def _private_files(root: Path) -> dict[tuple[int, int], str]:
    """(device, inode) -> course path of every file a build never publishes: hidden ones (the course
    secret, git's), the unit sources and course.yml. Made only when a published file is a hard link."""
    private: dict[tuple[int, int], str] = {}
    for folder, dirs, files in os.walk(root):
        here = Path(folder).relative_to(root)
        for name in files:
            path = here / name
            parts = path.parts
            source = parts[0] == "units" and path.suffix.lower() == ".md"
            if any(p.startswith(".") for p in parts) or source or path.as_posix() == "course.yml":
                with contextlib.suppress(OSError):
                    st = os.lstat(root / path)
                    private.setdefault((st.st_dev, st.st_ino), path.as_posix())
        dirs[:] = [d for d in dirs if d not in ("assets", "theme")]
    return private


def hard_link(root: Path, path: Path, private: list[dict[tuple[int, int], str]]) -> str:
    """The message for a file that is a hard link to a file never published (the same file under two
    names: no symbolic link shows it), else "". A tar or rsync copy of a course keeps hard links."""
    try:
        st = os.stat(path)
    except OSError:
        return ""
    if st.st_nlink < 2:
        return ""
    if not private:
        private.append(_private_files(root))
    target = private[0].get((st.st_dev, st.st_ino))
    if target is None:
        return ""
    if any(p.startswith(".") for p in target.split("/")):
        return f"this file is a hard link to the hidden file '{target}' (the same file); {HIDDEN_ADVICE}"
    return f"this file is a hard link to {_source(target)} (the same file); {SOURCE_ADVICE}"


def _walk(root: Path, real_root: Path, top: Path, found: dict[str, str]) -> None:
    seen: set[Path] = set()
    private: list[dict[tuple[int, int], str]] = []  # made at the first hard link
    for folder, dirs, files in os.walk(top, followlinks=True):
        real = Path(folder).resolve()
        if real in seen or real_root.is_relative_to(real):
            dirs[:] = []  # visited already, or a link back up the tree (the build skips it too)
            continue
        seen.add(real)
        for names, kind in ((dirs, "folder"), (files, "file")):
            for name in list(names):
                path = Path(folder) / name
                problem = link_problem(root, path, kind) if path.is_symlink() else ""
                if not problem and kind == "file":
                    problem = hard_link(root, path, private)
                if problem:
                    found[path.relative_to(root).as_posix()] = problem
                    if kind == "folder":
                        dirs.remove(name)  # never walk the machine's folders


def report_outside(found: dict[str, str], named: Iterable[str], report: Report) -> None:
    """Report each link (from outside_links) at its path, unless a unit names a file through it
    (that unit's line says so already)."""
    named = list(named)
    for path, message in sorted(found.items()):
        if not any(n == path or n.startswith(path + "/") for n in named):
            report.error(path, 0, message)
