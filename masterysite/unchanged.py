"""Nothing changed since the last build: say so in a few milliseconds, without loading the builder.

A build that succeeds records, in the course's build cache, a *stamp* of everything its site was made
from and a listing of the site it left in the output folder. The next ``build`` into the same folder
takes the stamp again first; when it is the same and the output folder still holds exactly the files
that build left (names, sizes, times, inodes), the site on disk *is* the site a build would write:
nothing is read further, nothing is written, and the warnings of that build are shown again.

The stamp follows the build cache's rules (cache.py) and is stricter where it can be for free:

- masterysite's own code and default theme (bytes), Python's version, and the files of the libraries
  that parse and render (name, size, time);
- the course folder: the bytes of every unit, ``course.yml``, every theme file and the course
  secret; the name, size and time of every other file (as the link checks see them); where each
  symbolic link points; the ``MASTERYSITE_*`` variables;
- the options that change a site (``--strict``, ``--safe-html``) and the output folder itself.

Any doubt means a build: an unreadable file, a missing or foreign record, a stamp taken before the
build that differs from one taken after it (a file saved meanwhile, or the secret made by this very
build) — then nothing is recorded and the next build does the work.

Only the standard library is imported here: this is the whole cost of a no-change rebuild.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import stat
import sys
from pathlib import Path

from masterysite import __version__
from masterysite.errors import Problem, Report

RECORD = Path(".masterysite") / "cache" / "last-builds"
SKIP = {".git", ".hg", ".svn", "__pycache__", ".DS_Store"}
LIBRARIES = (
    "markdown_it", "mdit_py_plugins", "pygments", "latex2mathml", "yaml", "jinja2", "markupsafe",
    "nh3", "cryptography", "rjsmin", "rcssmin",
)  # fmt: skip
_HERE = Path(__file__).resolve().parent


MOVED = "progress-moved"  # build.moved_since, build._resealed: about the site replaced, not the course


def _add(digest: hashlib._Hash, *parts: str | bytes) -> None:
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)


def _files(
    root: Path, skip_top: frozenset[str] = frozenset(), linked: set[str] | None = None
) -> list[tuple[str, os.DirEntry[str]]]:
    """Every entry under ``root`` that is not a folder (links included, not followed into folders
    they name: a linked folder is stamped by where it points, and its files by name/size/time).
    ``linked`` gets the names of the links and of everything found through a linked folder."""
    out: list[tuple[str, os.DirEntry[str]]] = []
    stack = [("", str(root), False)]
    while stack:
        prefix, folder, through = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name in SKIP or (not prefix and entry.name in skip_top):
                    continue
                name = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    stack.append((name + "/", entry.path, through))
                    continue
                out.append((name, entry))
                link = through or entry.is_symlink()
                if link and linked is not None:
                    linked.add(name)
                if entry.is_symlink() and entry.is_dir():
                    stack.append((name + "/", entry.path, True))
    out.sort(key=lambda pair: pair[0])
    return out


def _code(digest: hashlib._Hash) -> None:
    """masterysite's code and default theme (bytes), and the parser libraries' files (name, size, time)."""
    _add(digest, __version__, sys.version)
    theme = next((p for p in (_HERE / "themes" / "default", _HERE.parent / "themes" / "default") if p.is_dir()), None)
    for base in (_HERE, theme):
        if base is None:
            continue
        for name, entry in _files(base):
            if name.endswith((".py", ".html", ".js", ".css", ".yml", ".json", ".svg")):
                _add(digest, name, Path(entry.path).read_bytes())
    libraries(digest)


def libraries(digest: hashlib._Hash) -> None:
    """The files of the libraries that parse and render (name, size, time): a reinstall or an upgrade
    replaces them, and so the folder's time (also the build cache's key: cache.code_key)."""
    for library in LIBRARIES:
        spec = importlib.util.find_spec(library)
        if spec is None or spec.origin is None:
            _add(digest, library, "?")
            continue
        for path in (spec.origin, os.path.dirname(spec.origin)):
            info = os.stat(path)
            _add(digest, library, f"{info.st_size}:{info.st_mtime_ns}")


def _content(name: str) -> bool:
    """The course files stamped by their bytes (the others by name, size and time, as the cache does)."""
    return (
        name == "course.yml"
        or (name.startswith("units/") and name.endswith(".md"))
        or name.startswith("theme/")
        or name.startswith(".masterysite/")
    )


class Stamp(str):
    """A stamp, and the SHA-256 of the bytes of each unit file it read (``units/x.md``; none reached
    through a symbolic link): a build uses them rather than read every unit again (build.py)."""

    units: dict[str, str]


def file_digest(path: str) -> str:
    """The SHA-256 of a regular file's bytes, read in pieces (a large file is never held whole)."""
    with open(path, "rb") as opened:
        return hashlib.file_digest(opened, "sha256").hexdigest()


def stamp(root: Path, out: Path, strict: bool, safe_html: bool, known: dict[str, str] | None = None) -> Stamp | None:
    """The stamp of a build of ``root`` into ``out`` with these options; None when it cannot be told.

    ``known``: unit file -> the digest of the bytes the build used (the stamp taken after a build:
    the stamp of what it was made from, whatever happened to those files since)."""
    digest = hashlib.sha256()
    units: dict[str, str] = {}
    linked: set[str] = set()
    try:
        _code(digest)
        _add(digest, str(out.resolve()), f"strict={strict}", f"safe_html={safe_html}")
        for name, entry in _files(root, frozenset({".masterysite"}), linked):
            if entry.is_symlink():
                _add(digest, name, "->", os.readlink(entry.path))
            info = entry.stat()  # follows links: what the build reads
            if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
                return None  # a named pipe (reading it waits for ever) or a device: the build says what it is
            if _content(name):
                bytes_digest = (known or {}).get(name) or hashlib.sha256(Path(entry.path).read_bytes()).hexdigest()
                _add(digest, name, bytes_digest)
                if name.startswith("units/") and name not in linked:
                    units[name] = bytes_digest
            else:  # (its ctime too: 'cp -p', 'touch -r' and restore tools keep a changed file's time)
                _add(digest, name, f"{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}")
        dot = root / ".masterysite"
        if dot.is_dir():
            for name, entry in _files(dot, frozenset({"cache"})):
                if not stat.S_ISREG(entry.stat().st_mode):  # ('notes' -> /dev/zero had read for ever: sec ee 4)
                    return None  # (a named pipe or a device: secret.refuse_links says what it is)
                _add(digest, f".masterysite/{name}", file_digest(entry.path))
        for key, value in sorted(os.environ.items()):
            if key.startswith("MASTERYSITE_"):
                _add(digest, f"${key}", value)
    except (OSError, ValueError):
        return None
    taken = Stamp(digest.hexdigest())
    taken.units = units
    return taken


def listing(out: Path) -> str | None:
    """The output folder as left on disk: every file's name, size, time and inode."""
    digest = hashlib.sha256()
    try:
        for name, entry in _files(out):
            info = entry.stat(follow_symlinks=False)
            _add(digest, name, f"{info.st_size}:{info.st_mtime_ns}:{info.st_ino}")
    except OSError:
        return None
    return digest.hexdigest()


def _record_file(root: Path, out: Path) -> Path:
    name = hashlib.sha256(str(out.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return root / RECORD / f"{name}.json"


def replay(root: Path, out: Path, strict: bool = False, safe_html: bool = False) -> tuple[Report | None, Stamp | None]:
    """The report of the last build when nothing changed since (None otherwise), and the stamp taken."""
    now = stamp(root, out, strict, safe_html)
    if now is None or not out.is_dir():
        return None, now
    try:
        record = json.loads(_record_file(root, out).read_text(encoding="utf-8"))
        if record.get("stamp") != now or record.get("site") != listing(out):
            return None, now
        problems = [Problem(p[0], int(p[1]), p[2], p[3], p[4]) for p in record["problems"]]
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None, now
    return Report(problems), now


def remember(
    root: Path,
    out: Path,
    before: str | None,
    report: Report,
    strict: bool,
    safe_html: bool,
    used: dict[str, str] | None = None,
) -> None:
    """After a successful build: record it, if nothing changed while it ran (else record nothing).

    ``used``: unit file -> the digest of the bytes the build parsed or took from the cache (their
    files need not be read again: what matters is what the site was made from)."""
    file = _record_file(root, out)
    after = stamp(root, out, strict, safe_html, used)
    site = listing(out)
    try:
        if before is None or after != before or site is None:
            file.unlink(missing_ok=True)
            return
        # (not what changed since the site before this one: said once, when it changed)
        problems = [[p.path, p.line, p.message, p.severity, p.code] for p in report.problems if p.code != MOVED]
        file.parent.mkdir(parents=True, exist_ok=True)
        tmp = file.with_name(f".{file.name}.{os.getpid()}")
        tmp.write_text(json.dumps({"stamp": after, "site": site, "problems": problems}), encoding="utf-8")
        os.replace(tmp, file)
    except OSError:
        return  # no record: the next build does the work
