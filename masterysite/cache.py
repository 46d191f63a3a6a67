"""The build cache: parsed units, and what the last build's pages were made from.

Where: ``.masterysite/cache/`` in the *course* folder. Never in or beside the
output folder: that one is published (and its parent is often the web root), while
the cache holds every answer in clear text, as the course's own Markdown does. The
folder carries a ``.gitignore`` of ``*``, so a course kept in git never commits it.

What is cached, and keyed by what:

- a parsed unit, under the SHA-256 of its text, its place in the course (path,
  order, section) and the *parse key*: masterysite's version and code, Python's and
  the parser libraries' versions, and the name, size and time of every other file of
  the course (links are checked against them; unit ids come from them);
- for each output folder, every page's *signature*: the SHA-256 of the render key
  (the parse key, course.yml, every theme file, and the rest of the course folder)
  and of all the data its template receives. A page whose signature and file on disk
  are unchanged is linked from the last build instead of rendered.

Any doubt means work, never a wrong site: an unreadable or foreign entry is a miss
(that unit is parsed again), files are written aside and renamed into place (a pack of
units, see Packs, only grows, by whole records), and the index and page list are written
only after a build has swapped its site in.
"""

from __future__ import annotations

import atexit
import contextlib
import copy
import functools
import gc
import hashlib
import logging
import os
import pickle
import shutil
import stat
import struct
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

from jinja2 import Environment
from jinja2.bccache import Bucket, FileSystemBytecodeCache

from masterysite import __version__
from masterysite.errors import MasteryError, Problem
from masterysite.model import Question, QuestionKind, Unit
from masterysite.search import pack_words
from masterysite.secret import ENV, course_secret
from masterysite.trust import signature as file_signature
from masterysite.trust import signed, verified
from masterysite.unchanged import file_digest, libraries

log = logging.getLogger(__name__)

FOLDER = Path(".masterysite") / "cache"
FORMAT = 5  # bump when the layout of the cache files changes (2: units carry search and bonus; 3: index delta;
# 4: light units' search words packed; 5: a unit's highlighted code blocks beside it)
HEAVY = ("lesson_html", "correctives", "enrichment", "practice")  # a unit's own page needs these; nothing else does
PACK_FROM = 2000  # units: from this many, light units carry their search words packed (see packs)

Parsed = tuple[Unit | None, list[Problem]]


def sha(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def code_key() -> str:
    """masterysite's version and the bytes of its code, so a changed parser or renderer (even
    unreleased, same version number) never reuses what an older one made."""
    package = Path(__file__).resolve().parent
    found = hashlib.sha256()
    libraries(found)  # (their files' size and time: reading each one's version took 25 ms of every build)
    parts: list[str | bytes] = [str(FORMAT), __version__, sys.version, found.hexdigest()]
    for file in sorted(package.rglob("*.py")):
        parts += [file.relative_to(package).as_posix(), file.read_bytes()]
    return sha(*parts)


def _walk(root: Path, skip: set[str]) -> list[tuple[str, Path]]:
    """Every file under ``root`` (following linked folders once each), as (relative name, path)."""
    out: list[tuple[str, Path]] = []
    seen: set[Path] = set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        real = Path(folder).resolve()
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        relative = Path(folder).relative_to(root).as_posix()
        if relative == ".":
            dirs[:] = [d for d in dirs if d not in skip]
        for name in files:
            out.append((name if relative == "." else f"{relative}/{name}", Path(folder) / name))
    out.sort()
    return out


def _stamp(path: Path) -> str:
    try:
        info = path.stat()
    except OSError:
        return "missing"
    return f"{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}"  # (ctime: 'cp -p' keeps the time; round y 7)


def course_key(root: Path, unit_ids: dict[str, str]) -> str:
    """The course folder as a parse sees it: the units' paths and ids (links between units), and
    the name, size and time of every other file (links are checked against them). course.yml and
    the theme only matter to the pages (see render_key); version control folders are left out."""
    parts: list[str] = [repr(sorted(unit_ids.items()))]
    for name, path in _walk(root, {".git", ".hg", ".svn", "__pycache__", ".masterysite", "theme"}):
        if name not in unit_ids and name != "course.yml":
            parts.append(f"{name}={_stamp(path)}")
    dot = root / ".masterysite"
    if dot.is_dir():  # e.g. the course secret: everything there but this cache
        for name, path in _walk(dot, {"cache"}):  # (a pipe or a device is never read: secret.refuse_links refuses it)
            regular = path.is_file() and stat.S_ISREG(path.stat().st_mode)
            parts.append(f".masterysite/{name}={file_digest(str(path)) if regular else 'not a file'}")
    for name, value in sorted(os.environ.items()):  # e.g. MASTERYSITE_SECRET, which replaces that file
        if name.startswith("MASTERYSITE_"):
            parts.append(f"${name}={sha(value)}")
    return sha(*parts)


def _ensure_secret(root: Path) -> None:
    """The course secret (issue 10) is made on a course's first build and is part of the key:
    made before the key is taken, the second build finds the key the first one saved. (A build
    made it already: course_secret looks through the whole cache folder for links, 10 ms.)"""
    if (root / FOLDER.parent / "secret").is_file() or os.environ.get(ENV, "").strip():
        return
    with contextlib.suppress(MasteryError, OSError):
        course_secret(root)


def render_key(parse_key: str, root: Path, theme_folders: list[Path]) -> str:
    """What every page depends on: the parse key, course.yml and the bytes of every file in the
    theme folders (templates, strings, scripts, styles)."""
    config = root / "course.yml"
    parts: list[str | bytes] = [parse_key, config.read_bytes() if config.is_file() else b""]
    folders = theme_folders
    for index, folder in enumerate(folders):
        for name, path in _walk(folder, set()):
            parts += [f"{index}/{name}", path.read_bytes() if path.is_file() else b"?"]
    return sha(*parts)


def unit_key(parse_key: str, digest: str, path: str, order: int, section: str | None) -> str:
    """The key of a unit's parse: the digest of its text, its place in the course, the parse key."""
    return sha(parse_key, path, str(order), repr(section), digest)


def packs(units: int) -> bool:
    """Whether the light units of a course this big carry their search words packed: below PACK_FROM
    units the words take little memory (1,000 units: 9 MB) and unpacking them costs time (0.15 s)."""
    return units >= PACK_FROM


def light(unit: Unit | None, pack: bool = True) -> Unit | None:
    """The unit as the course-wide checks and shared pages need it: without its page's HTML.

    Keeps the parent process small (10,000 units) and the index quick to load. Questions keep
    their place and kind and nothing else (the shared pages count them): one placeholder of each
    kind, shared by every light unit. With ``pack``, the search words are packed (only the search
    index reads them)."""
    if unit is None:
        return None
    emptied: dict[str, Any] = {name: "" if isinstance(getattr(unit, name), str) else () for name in HEAVY}
    if pack and not unit.words:  # else packed already: its sections hold no words
        emptied["words"] = pack_words(unit.search)
        emptied["search"] = tuple((anchor, title, ()) for anchor, title, _ in unit.search)
    return replace(unit, questions=tuple(placeholder(q.kind) for q in unit.questions), **emptied)


def compact(parsed: dict[str, Parsed]) -> dict[str, Parsed]:
    """Light units as the index file keeps them: search words packed, not compressed (pack_words),
    which a build needs only to make the whole search index again (search_patch.py patches it)."""
    out: dict[str, Parsed] = {}
    for key, (unit, problems) in parsed.items():
        if unit is not None and not unit.words and unit.search:
            unit = copy.copy(unit)  # (dataclasses.replace: five times the time, for every unit of a cold build)
            object.__setattr__(unit, "words", pack_words(unit.search, compress=False))
            object.__setattr__(unit, "search", tuple((anchor, title, ()) for anchor, title, _ in unit.search))
        out[key] = (unit, problems)
    return out


@functools.cache
def placeholder(kind: QuestionKind) -> Question:
    """A question of this kind in a light unit: no key, text, answer or place of its own (those are the
    page's, which takes the whole unit's questions). 12 per unit took 45 MB at 10,000 units."""
    return Question("", "", kind, "", (), (), None, 0)


def heavy(light_unit: Unit, full: Unit) -> Unit:
    """The course's unit (with what the course-wide pass settled, like default prerequisites)
    given back the page parts of its full parse."""
    parts: dict[str, Any] = {name: getattr(full, name) for name in HEAVY}
    # Its page shows none of its search words: not read here (replace reads every field it is not given),
    # since in a forked render worker reading an object copies the memory page that holds it (the packed
    # words of 10,000 units: 20 MB a worker, issue 12's peak memory)
    return replace(light_unit, questions=full.questions, search=(), words=b"", **parts)


def _read(file: Path) -> Any:
    """The object in ``file``; None for anything missing, truncated or foreign. Only a file this
    user's builds signed is unpickled (masterysite/trust.py: the course folder is not trusted)."""
    try:
        return _loads(file.read_bytes())
    except Exception:
        return None


def _loads(blob: bytes) -> Any:
    """The object a signed pickle holds; None for anything else (see _read)."""
    try:
        data = verified(blob)
        if data is None:
            return None
        enabled = gc.isenabled()
        gc.disable()  # unpickling makes many objects, none of them garbage: the collector would rescan
        try:  # them again and again (the index of 1,000 units: 0.09 s instead of 0.03)
            return pickle.loads(data)
        finally:
            if enabled:
                gc.enable()
    except Exception:  # a corrupt cache is a miss, whatever unpickling raises
        return None


def _write(file: Path, data: Any) -> None:
    """Aside, then renamed into place: a reader sees the old file or the whole new one."""
    blob = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
    _write_bytes(file, file_signature(blob), blob)


def _write_bytes(file: Path, *parts: bytes) -> None:
    tmp = file.with_name(f".{file.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as handle:
            for part in parts:
                handle.write(part)
        os.replace(tmp, file)
    except OSError as exc:
        log.info("could not write the build cache (%s); the next build does more work", exc)
        with contextlib.suppress(OSError):
            tmp.unlink()


Fences = dict[tuple[str, str], str]  # a unit's code blocks: (language, code) -> HTML (see parse.markdown.fences)


def store_unit(folder: str, key: str, parsed: Parsed, packed: bool = False, fences: Fences | None = None) -> None:
    """Keep one parsed unit (called in the worker that parsed it): in a file of its own, or with
    ``packed`` appended to this process's pack file (see Packs); ``fences``: its highlighted code."""
    record = (FORMAT, key, parsed, fences or {})
    if packed and PACKS_WORK:
        blob = signed(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
        if Packs.writer(folder).append(key, blob):
            return
    _write(Path(folder) / "units" / f"{key}.pickle", record)


def _record(folder: str, key: str) -> tuple[Any, ...] | None:
    blob = Packs.read(folder, key)
    data = _loads(blob) if blob is not None else _read(Path(folder) / "units" / f"{key}.pickle")
    if isinstance(data, tuple) and len(data) == 4 and data[:2] == (FORMAT, key) and isinstance(data[3], dict):
        return data
    return None


def load_unit(folder: str, key: str) -> Parsed | None:
    record = _record(folder, key)
    return record[2] if record is not None else None


def load_fences(folder: str, key: str) -> Fences:
    """The code blocks the parse stored under ``key`` highlighted; none when it is gone or foreign."""
    record = _record(folder, key)
    return record[3] if record is not None else {}


PACKS_WORK = hasattr(os, "pread")  # (reading a record takes one call, whatever another process does)
PACK_SUFFIX = ".pack"
_RECORD = struct.Struct(">4s64sQ")  # a record's head: its mark, the unit's key, the length of its blob
_MARK = b"MSU1"


class Packs:
    """Parsed units, many to a file. Every worker of a build appends the units it parses to a file
    of its own (``units/<pid>-<random>.pack``): a cold build of 1,000 units writes two files where
    it wrote 1,000, and its successor deletes two (creating and deleting files was a tenth of this
    VM's build time, and its most variable part). A record is its head (_RECORD) and the unit's
    signed pickle, written with one call at the end of the file; a reader checks each record's
    length and signature, so a torn or foreign one is a miss like any bad cache file. A pack is never
    changed once written; a build drops the packs it no longer uses (BuildCache._drop_stale), and
    moves the few units a mostly stale pack still holds into files of their own."""

    _writers: ClassVar[dict[str, Packs]] = {}
    _tables: ClassVar[dict[str, dict[str, tuple[str, int, int]]]] = {}  # folder -> key -> (pack file, offset, length)
    _scanned: ClassVar[dict[str, set[str]]] = {}  # folder -> the pack files whose heads are in its table
    _open: ClassVar[dict[str, int]] = {}  # pack file -> a descriptor to read it with (OPEN_MAX at most)
    _stamps: ClassVar[dict[str, int]] = {}  # folder -> the time of its units folder when last scanned

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.pid = os.getpid()
        self.name = f"{self.pid}-{os.urandom(6).hex()}{PACK_SUFFIX}"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND
        self.fd = os.open(os.path.join(folder, "units", self.name), flags, 0o666)

    @classmethod
    def writer(cls, folder: str) -> Packs:
        """This process's pack in ``folder`` (a forked worker makes its own)."""
        own = cls._writers.get(folder)
        if own is None or own.pid != os.getpid():
            own = cls._writers[folder] = Packs(folder)
        return own

    def append(self, key: str, blob: bytes) -> bool:
        record = _RECORD.pack(_MARK, key.encode("ascii"), len(blob)) + blob
        try:
            if os.write(self.fd, record) == len(record):
                return True
        except OSError as exc:
            log.info("could not write the build cache (%s); the next build does more work", exc)
        # A torn record: readers stop there, so this pack takes no more (the unit goes to a file).
        with contextlib.suppress(OSError):
            os.close(self.fd)
        del self._writers[self.folder]
        return False

    @classmethod
    def close(cls) -> None:
        """Close this process's packs (the next build writes new ones), after a parse: the packs it
        wrote are looked for again, whatever the time of the folder says (see scan)."""
        for folder, own in list(cls._writers.items()):
            if own.pid == os.getpid():
                with contextlib.suppress(OSError):
                    os.close(own.fd)
                del cls._writers[folder]
        cls._stamps.clear()

    @classmethod
    def read(cls, folder: str, key: str) -> bytes | None:
        """The blob of ``key`` in a pack of ``folder``; None: in none (or unreadable)."""
        found = cls._tables.get(folder, {}).get(key)
        if found is None:
            found = cls.scan(folder).get(key)
            if found is None:
                return None
        path, offset, length = found
        try:
            fd = cls._open.get(path)
            if fd is None and len(cls._open) < OPEN_MAX:
                fd = cls._open[path] = os.open(path, os.O_RDONLY)
            if fd is not None:
                blob = os.pread(fd, length, offset)
            else:
                with open(path, "rb") as handle:
                    handle.seek(offset)
                    blob = handle.read(length)
        except OSError:
            return None
        return blob if len(blob) == length else None

    @classmethod
    def scan(cls, folder: str) -> dict[str, tuple[str, int, int]]:
        """Read the heads of the packs not read yet (a pack is never changed: new ones appear).
        The folder is listed again only when its time changed: a unit kept in a file of its own is
        looked for in the packs first (1,000 such units: 0.35 s of listings without this)."""
        table = cls._tables.setdefault(folder, {})
        scanned = cls._scanned.setdefault(folder, set())
        units = os.path.join(folder, "units")
        try:
            stamp = os.stat(units).st_mtime_ns
            if cls._stamps.get(folder) == stamp:
                return table
            names = [n for n in os.listdir(units) if n.endswith(PACK_SUFFIX) and n not in scanned]
        except OSError:
            return table
        cls._stamps[folder] = stamp
        for name in sorted(names):
            path = os.path.join(units, name)
            try:
                with open(path, "rb") as handle:
                    for key, offset, length in pack_records(handle):
                        table.setdefault(key, (path, offset, length))
            except OSError:
                continue
            scanned.add(name)
        return table

    @classmethod
    def forget(cls, folder: str) -> None:
        """Drop what was read of ``folder``'s packs (some are about to be deleted)."""
        units = os.path.join(folder, "units") + os.sep
        for path in [p for p in cls._open if p.startswith(units)]:
            with contextlib.suppress(OSError):
                os.close(cls._open.pop(path))
        cls._tables.pop(folder, None)
        cls._scanned.pop(folder, None)
        cls._stamps.pop(folder, None)


OPEN_MAX = 64  # pack files a process keeps open to read (a cold build makes one per worker)


def pack_records(handle: BinaryIO) -> Iterator[tuple[str, int, int]]:
    """(key, offset, length) of each whole record of a pack, up to the first torn or foreign one.
    Reads the heads only, one call each (1,000 records: 2 ms; through the file's buffer, 20)."""
    offset = 0
    fd = handle.fileno()
    size = os.fstat(fd).st_size
    while offset + _RECORD.size <= size:
        try:
            mark, raw_key, length = _RECORD.unpack(os.pread(fd, _RECORD.size, offset))
        except (OSError, struct.error):
            return
        start = offset + _RECORD.size
        if mark != _MARK or start + length > size or not raw_key.isalnum():
            return
        yield raw_key.decode("ascii"), start, length
        offset = start + length


Sources = dict[tuple[str, str], tuple[str, str]]  # (unit path, SHA-256 of its bytes) -> (its id, digest of its text)


def load_sources(root: Path) -> Sources:
    """What reading each unit file gave the last build, by the digest of its bytes (unchanged.Stamp
    has those): a build need not read a unit again to know its id and the key of its parse. Made by
    this code only (a file of other code or a foreign one is empty)."""
    data = _read(root / FOLDER / "sources.pickle")
    if isinstance(data, tuple) and len(data) == 3 and data[:2] == (FORMAT, code_key()):
        return data[2]  # type: ignore[no-any-return]
    return {}


@dataclass
class BuildCache:
    """The cache of one course for one build."""

    folder: Path
    parse_key: str
    temporary: bool = False  # the course folder is read-only: a throw-away folder for this build
    index: dict[str, Parsed] = field(default_factory=dict)  # unit key -> light unit and problems
    base: tuple[str, frozenset[str]] | None = None  # the whole index on disk: its id and keys (see save)
    pages: dict[Path, dict[str, Any]] = field(default_factory=dict)  # the page lists as loaded
    sources: Sources = field(default_factory=dict)  # as loaded (see load_sources)

    @classmethod
    def open(cls, root: Path, unit_ids: dict[str, str], use: bool = True, settings: str = "") -> BuildCache:
        """The course's cache; ``use=False`` (``--no-cache``) starts it afresh. ``settings``: what a
        parse reads from course.yml (its ``extra_keys``), which is otherwise left to the render key."""
        _ensure_secret(root)
        parse_key = sha(code_key(), course_key(root, unit_ids), settings)
        folder = root / FOLDER
        try:
            if not use:
                shutil.rmtree(folder, ignore_errors=True)
            (folder / "units").mkdir(parents=True, exist_ok=True)
            if not (folder / ".gitignore").is_file():
                (folder / ".gitignore").write_text("# the build cache of masterysite: never commit it\n*\n")
        except OSError as exc:
            log.info("no build cache in %s (%s): building everything", folder, exc)
            folder = Path(tempfile.mkdtemp(prefix="masterysite-cache-"))
            (folder / "units").mkdir()
            atexit.register(shutil.rmtree, folder, True)
            return cls(folder, parse_key, temporary=True)
        cache = cls(folder, parse_key)
        if use:
            cache.index = cache._load_index()
        return cache

    def _load_index(self) -> dict[str, Parsed]:
        """The index (key -> light unit and problems): the whole one, then the changes saved since
        (a delta written for a few changed units, so a one-unit edit does not rewrite 1,000)."""
        data = _read(self.folder / "index.pickle")
        if not (isinstance(data, tuple) and len(data) == 4 and data[:2] == (FORMAT, self.parse_key)):
            return {}
        index: dict[str, Parsed] = data[3]
        self.base = (data[2], frozenset(index))
        delta = _read(self.folder / "index-delta.pickle")
        if isinstance(delta, tuple) and len(delta) == 5 and delta[:3] == (FORMAT, self.parse_key, data[2]):
            for key in delta[3]:
                index.pop(key, None)
            index.update(delta[4])
        return index

    def lookup(self, key: str) -> Parsed | None:
        """The light unit and problems of an earlier parse; None: parse it."""
        return self.index.get(key)

    def save(self, parsed: dict[str, Parsed], sources: Sources | None = None) -> None:
        """After a good build: the index of the units it used; entries of units gone are removed.

        When only a few units changed since the whole index was written (a tenth at most), just
        those go to a small delta file beside it; else the whole index is written afresh.
        ``sources``: see load_sources (written when it changed)."""
        if sources is not None and not self.temporary and sources != self.sources:
            _write(self.folder / "sources.pickle", (FORMAT, code_key(), sources))
        if parsed.keys() == self.index.keys():
            return  # nothing was parsed: the index on disk is this one
        delta_file = self.folder / "index-delta.pickle"
        if self.base is not None:
            base_id, base_keys = self.base
            size = len(base_keys)
            removed = sorted(base_keys - parsed.keys())
            added = {key: value for key, value in parsed.items() if key not in base_keys}
            if len(removed) + len(added) <= max(8, size // 10):
                _write(delta_file, (FORMAT, self.parse_key, base_id, removed, compact(added)))
                self._drop_stale(parsed)
                return
        with contextlib.suppress(OSError):
            delta_file.unlink()  # before the new whole index: an old delta never meets it
        _write(self.folder / "index.pickle", (FORMAT, self.parse_key, os.urandom(8).hex(), compact(parsed)))
        self._drop_stale(parsed)

    def _drop_stale(self, parsed: dict[str, Parsed]) -> None:
        """Remove the units this build does not use: their files, and the packs that hold none of
        its units. A pack of which this build uses less than half gives those units files of their
        own and goes too (a course edited unit by unit does not keep its first build's packs)."""
        units = self.folder / "units"
        with contextlib.suppress(OSError):
            for file in units.iterdir():
                if file.suffix == ".pickle" and file.stem not in parsed:
                    file.unlink()
        folder = str(self.folder)
        table = Packs.scan(folder)
        held: dict[str, list[str]] = {str(units / name): [] for name in Packs._scanned.get(folder, ())}
        for key, (path, _offset, _length) in table.items():
            held.setdefault(path, []).append(key)
        writing = {str(units / w.name) for w in Packs._writers.values()}
        for path, keys in held.items():
            used = [key for key in keys if key in parsed]
            if path in writing or (used and len(used) * 2 >= len(keys)):
                continue
            for key in used:
                blob = Packs.read(folder, key)
                if blob is not None:
                    _write_bytes(units / f"{key}.pickle", blob)
            with contextlib.suppress(OSError):
                os.unlink(path)
        Packs.forget(folder)

    def pages_file(self, out: Path) -> Path:
        return self.folder / f"pages-{sha(str(out.resolve()))[:16]}.pickle"

    def load_pages(self, out: Path, render_key: str) -> dict[str, tuple[str, tuple[int, int, int]]]:
        """Page name -> (signature, (size, mtime, inode) of the file the last build left in ``out``)."""
        data = _read(self.pages_file(out))
        pages = {}
        if isinstance(data, tuple) and len(data) == 3 and data[:2] == (FORMAT, render_key):
            pages = data[2]
        self.pages[out] = pages
        return pages

    def save_pages(self, out: Path, render_key: str, signatures: dict[str, str], kept: set[str]) -> None:
        """After the site is in place: each page's signature and file stamp; ``kept``: the pages
        linked unchanged from the last build (their stamp is the one already known)."""
        pages = {}
        last = self.pages.get(out, {})
        for name, signature in signatures.items():
            if name in kept and name in last:
                pages[name] = last[name]  # the same file, linked into the new site
                continue
            stamp = file_stamp(f"{out}/{name}")
            if stamp is not None:
                pages[name] = (signature, stamp)
        if pages != self.pages.get(out):
            _write(self.pages_file(out), (FORMAT, render_key, pages))


class TemplateCache(FileSystemBytecodeCache):
    """Compiled templates, so that a build does not compile the theme again (a third of a no-change
    rebuild). Jinja keys them by template file and checks the source's checksum; the folder is
    per masterysite code (the environment's settings live there). A bad file is a miss, and so is
    one this user's builds did not sign (masterysite/trust.py): compiled code runs unsandboxed."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            data = verified(Path(self._get_cache_filename(bucket)).read_bytes())
            if data is not None:
                bucket.bytecode_from_string(data)
        except Exception:
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            _write_bytes(Path(self._get_cache_filename(bucket)), signed(bucket.bytecode_to_string()))


@contextlib.contextmanager
def compiled_templates(env: Environment, cache: BuildCache) -> Iterator[None]:
    """Use the cache's compiled templates while this build renders (the environment is shared)."""
    if env.bytecode_cache is not None:
        yield
        return
    folder = cache.folder / "templates" / code_key()[:16]
    try:
        if not folder.is_dir():
            shutil.rmtree(folder.parent, ignore_errors=True)  # templates compiled by another version
            folder.mkdir(parents=True)
    except OSError:
        yield
        return
    env.bytecode_cache = TemplateCache(str(folder))
    try:
        yield
    finally:
        env.bytecode_cache = None


def file_stamp(path: str) -> tuple[int, int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)
