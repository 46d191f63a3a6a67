"""The recipe: load, discover, parse, check — all before anything is written — then render and swap in.

Like MkDocs' build(), every unit is parsed and the course graph checked first;
only a course without errors is written, into a temporary folder that replaces
the output folder at the very end, so a failed or interrupted build never
leaves a broken site (and never touches the last good one).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import glob
import hashlib
import hmac
import logging
import os
import re
import shutil
import signal
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import TemplateError
from jinja2.exceptions import SecurityError

from masterysite import search_patch, unchanged
from masterysite.cache import (
    BuildCache,
    Packs,
    Parsed,
    Sources,
    compiled_templates,
    file_stamp,
    heavy,
    light,
    load_fences,
    load_sources,
    load_unit,
    packs,
    render_key,
    sha,
    store_unit,
    unit_key,
)
from masterysite.checks import check_course
from masterysite.config import COURSE_FILE, decode_text, load_config, nfc, on_disk, read_data, read_text, slugify
from masterysite.contain import advice, escapes, hard_link, outside_links, report_outside
from masterysite.errors import CourseError, MasteryError, Problem, Report, without_ignored
from masterysite.model import Course, CourseConfig, Unit, UnitEntry
from masterysite.parse.source import UnitSource, scan_id
from masterysite.render import EXTRA_CSS, Site, course_data_js, render_page, render_unit, unit_context
from masterysite.safefiles import photo_position, report_unsafe_files, svg_hidden
from masterysite.scripts import bundles, minified_css
from masterysite.search import outline, search_index_js
from masterysite.secret import ENV, course_secret
from masterysite.secret import FILE as SECRET_FILE
from masterysite.secret import FOLDER as SECRET_FOLDER
from masterysite.theme import (
    check_placed,
    check_strings,
    check_translation,
    default_theme_dir,
    static_files,
    templates_read_once,
    theme_dirs,
)

log = logging.getLogger(__name__)

MARKER = ".masterysite"
PARALLEL_FROM = 24  # below this many units a process pool costs more than it saves


def jobs_default() -> int:
    return max(1, min(os.cpu_count() or 1, 4))


@dataclass
class Loaded:
    course: Course | None
    report: Report
    texts: dict[str, str] = field(default_factory=dict)  # unit path -> text (empty when a cache is used)
    parsed: dict[str, Parsed] = field(default_factory=dict)  # before checks; light units when cached
    config: CourseConfig | None = None
    unit_ids: dict[str, str] = field(default_factory=dict)  # "units/x.md" -> id, for links between units
    keys: dict[str, str] = field(default_factory=dict)  # unit path -> its key in the cache
    cache: BuildCache | None = None

    root: Path | None = None
    # (unit path, SHA-256 of the bytes it was read from) -> (its id, digest of its text); see cache.load_sources
    sources: Sources = field(default_factory=dict)

    def full(self, unit: Unit) -> Unit:
        """The unit with everything its own page needs (the cache keeps only light units in memory)."""
        if self.cache is None:
            return unit
        key = self.keys[unit.path]
        parsed = load_unit(str(self.cache.folder), key)
        if parsed is None or parsed[0] is None:  # lost from the cache: parse it again
            parsed = parse_file(self.task(unit.path), light_only=False)
        return heavy(unit, parsed[0])  # type: ignore[arg-type]

    def save_index(self) -> None:
        """The cache's index of the units this build uses. It names parses only, all of them stored
        already, so it holds whatever becomes of the site (write_site writes it beside the render pool)."""
        assert self.cache is not None
        self.cache.save({self.keys[path]: parsed for path, parsed in self.parsed.items()}, self.sources)

    def task(self, path: str) -> UnitTask:
        """What a worker needs to parse the unit at ``path`` and cache it."""
        assert self.config is not None and self.cache is not None and self.root is not None
        index = next(i for i, e in enumerate(self.config.entries) if e.path == path)
        entry = self.config.entries[index]
        config = self.config
        source = UnitSource.of(config, path, index, entry.section, str(self.root), self.unit_ids)
        pack = packs(len(self.config.entries))
        return source, self.keys[path], str(self.cache.folder), parse_key(self.cache, self.config), pack, None


def parse_key(cache: BuildCache, config: CourseConfig) -> str:
    """The cache's parse key, and whether units' HTML is sanitized (safe_html changes every parse) and
    the pages' security policy is on (it decides whether an image on another site is said not to show)."""
    key = sha(cache.parse_key, "safe_html") if config.safe_html else cache.parse_key
    key = sha(key, repr(config.macros)) if config.macros else key  # (course.yml's macros: every formula)
    key = sha(key, "decimal comma") if config.decimal_comma else key  # (how a teacher's '= 1.200' is read)
    return key if config.csp else sha(key, "no-csp")


def unit_files(root: Path, entries: Iterable[UnitEntry], texts: dict[str, str]) -> dict[str, str]:
    """``units/x.md`` -> unit id for every unit, so links between units can be rewritten."""
    return {e.path: scan_id(texts.get(e.path, ""), e.path) for e in entries}


def parse_task(args: tuple[str, UnitSource]) -> tuple[object, list[Problem]]:
    from masterysite.parse.unit import parse_unit  # only when something is parsed: the import costs

    text, source = args
    report = Report()
    unit = parse_unit(text, source, report)
    return (outline(unit) if unit is not None else None), report.problems


def read_unit(root: Path, entry: UnitEntry, report: Report) -> str | None:
    """The text of a unit file; never read (an error) when it is a link to outside the course."""
    read = read_unit_data(root, entry, report)
    return None if read is None else read[0]


def read_unit_data(root: Path, entry: UnitEntry, report: Report) -> tuple[str, str] | None:
    """The text of a unit file (read_unit) and the SHA-256 of the bytes it was read from."""
    file = on_disk(root, entry.path) or root / entry.path
    why = escapes(root, file)
    if why:
        where = (COURSE_FILE, entry.line) if entry.line else (entry.path, 0)
        report.error(*where, f"unit file '{entry.path}' leads {why} (a symbolic link); {advice(why)}")
        return None
    data = read_data(file, entry.path, report)
    text = None if data is None else decode_text(data, entry.path, report)
    return None if text is None or data is None else (text, hashlib.sha256(data).hexdigest())


def read_units(root: Path, entries: tuple[UnitEntry, ...], report: Report) -> dict[str, str]:
    texts: dict[str, str] = {}
    for entry in entries:
        text = read_unit(root, entry, report)
        if text is not None:
            texts[entry.path] = text
    return texts


def check_links_inside(root: Path, loaded: Loaded, found: dict[str, str]) -> None:
    """A file a unit links to or shows that is (or sits in a folder that is) a symbolic link to
    outside the course: an error at the unit's line. Checked on every build, cached units too.
    Then every other outside link under assets/ and theme/ at its own path."""
    from masterysite.parse.links import link_path  # the Markdown stack loads only when needed

    named: list[str] = []
    private: list[dict[tuple[int, int], str]] = []  # (contain.hard_link: made at the first hard link)
    for unit, _ in loaded.parsed.values():
        if unit is None:
            continue
        for link in unit.links:
            path = link_path(unit.path, link.target)
            if path is None or path in loaded.unit_ids or path.startswith("../"):
                continue  # a unit file is checked where course.yml lists it
            file = on_disk(root, path)
            why = escapes(root, file) if file is not None else ""
            kind = "image" if link.image else "link"
            if why:
                message = f"{kind} '{link.target}' leads {why} through a symbolic link ('{path}')"
                loaded.report.error(unit.path, link.line, f"{message}; {advice(why)}")
            elif file is not None and not path.startswith(("assets/", "theme/")):  # (those: outside_links)
                linked = hard_link(root, file, private)  # a copy (tar, rsync -H) keeps hard links
                if linked:
                    loaded.report.error(unit.path, link.line, f"{kind} '{link.target}' shows '{path}': {linked}")
            named.append(path)
    report_outside(found, named, loaded.report)
    from masterysite.parse.links import unpublished

    assets = asset_files(root / "assets")
    for name, _ in assets:  # (published whole: the names a linked file must have, each)
        why = unpublished(f"assets/{name}", set(loaded.unit_ids.values()))
        if why:  # ('x\\..\\..\\index.html', 'con.txt': copied, or unzipped, by Windows: security round dd 8)
            loaded.report.error(f"assets/{name}", 0, f"this file is published with the rest of assets/, {why}")
    published = published_files(root, loaded.course) if loaded.course is not None else []
    for name, file in published or [(f"assets/{n}", f) for n, f in assets]:
        if may_hold_answers(file.name):
            _answers_published(name, file, (root / "units").resolve(), loaded.report)
        elif file.suffix.lower() == ".svg" and (hidden := svg_hidden(file)):  # (ii security 2)
            message = (
                f"this picture is published as it is, with what it does not show: {', '.join(hidden)}; anyone who"
                " opens the file can read them: delete them and save again (Inkscape: File > Save a Copy, Optimized"
                " SVG, with comments and metadata removed)"
            )
            loaded.report.warn(name, 0, message, "hidden-in-file")
        elif file.suffix.lower() in (".jpg", ".jpeg") and photo_position(file):  # (jj security 9)
            message = (
                "this photo is published as it is, with where it was taken (its GPS position, which a phone writes"
                " by default): anyone who opens the file can read it: save it again without its location (on a"
                " phone, share it with 'location' off; exiftool -gps:all= photo.jpg)"
            )
            loaded.report.warn(name, 0, message, "hidden-in-file")
    if loaded.config is not None and loaded.config.safe_html:
        report_unsafe_files(published or [(f"assets/{n}", f) for n, f in assets], loaded.report)


_ANSWERED_SUFFIXES = (".md", ".markdown", ".qmd", ".rmd", ".ipynb")
# What editors and tools leave beside a file, and a teacher's old copy: '01-a.md~', '#01-a.md#', '01-a.md.bak',
# '01-a.md.orig', '01-a.old.txt' (each had been published with every answer: jj security 3)
_LEFT_BEHIND = re.compile(r"^#|~$|#$|\.(?:bak|orig|old|tmp|swp|save|backup|copy|txt|rej)$", re.I)


def may_hold_answers(name: str) -> bool:
    """Whether a published file's name is a unit's, a notebook's, or what an editor or a teacher leaves of one."""
    lower = name.lower()
    return lower.endswith(_ANSWERED_SUFFIXES) or _LEFT_BEHIND.search(lower) is not None


# What gives a published file's answers away: masterysite's own quiz and teacher's blocks (a unit's copy kept in
# assets/, a worksheet), nbgrader's and otter-grader's solutions in a notebook (ii security 3)
_ANSWER_MARKS = re.compile(
    r"^ {0,3}:{3,}[ \t]*\{?[ \t]*(?i:question|instructor)\b|BEGIN SOLUTION|BEGIN HIDDEN TESTS"
    r"|# (?:BEGIN QUESTION|BEGIN TESTS|SOLUTION\b|MASTER ONLY)",  # otter-grader's, prog_edu_assistant's (jj security 3)
    re.M,
)


def _answers_published(name: str, file: Path, units: Path, report: Report) -> None:
    """A Markdown file or notebook published as it is that holds answers: an error at its first. (A link to a
    unit's own source is said as such: check_links_inside, contain.)"""
    try:
        stat = file.stat()
        resolved = file.resolve()
        if (resolved.is_relative_to(units) and resolved.name.lower().endswith(_ANSWERED_SUFFIXES)) or stat.st_nlink > 1:
            return  # (a unit's source, linked: said as that; not an editor's backup beside it, jj security 2)
    except OSError:
        return
    found = _answer_mark(file, stat.st_size, stat.st_mtime_ns)
    if found is not None:
        message = (
            f"this file is published as it is, and it holds what a unit never shows ('{found[0]}': answers,"
            " solutions or teachers' notes): move it out of the course folder, or remove them"
        )
        report.error(name, found[1], message)


@functools.lru_cache(maxsize=1024)
def _answer_mark(file: Path, size: int, _mtime: int) -> tuple[str, int] | None:
    """The first mark of answers in a published file, and its line (0 in a notebook); read once while the file
    is unchanged (serve checks every rebuild)."""
    try:
        text = file.read_text(encoding="utf-8", errors="replace") if size < 4_000_000 else ""
    except OSError:
        return None
    found = _ANSWER_MARKS.search(text)
    if found is None:
        return None
    return found[0].strip()[:40], text.count("\n", 0, found.start()) + 1 if file.suffix.lower() != ".ipynb" else 0


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# source, key, cache folder, parse key, pack the search words, the key of the unit's last parse (None: none known)
UnitTask = tuple[UnitSource, str, str, str, bool, str | None]


PACK_TASKS = PARALLEL_FROM  # units parsed in one build from which they are cached in packs (cache.Packs)
_PACKED = False  # whether parse_file caches its unit in a pack (set around the parse: see _load_cached)


def parse_file(task: UnitTask, light_only: bool = True) -> Parsed:
    """Read, parse and cache one unit (in a worker); the caller gets the light unit.

    The file is read again here rather than sent over: the parent keeps only its digest."""
    from masterysite.parse.markdown import fences

    source, key, folder, parse_key, pack, last = task
    root = Path(source.root)
    text = read_text(on_disk(root, source.path) or root / source.path, source.path, Report())
    if text is None or key != unit_key(parse_key, digest(text), source.path, source.order, source.section):
        raise MasteryError(f"{source.path}: the file changed while the course was being built; build again")
    with fences(load_fences(folder, last) if last else {}) as highlighted:  # its code as its last parse made it
        parsed: Parsed = parse_task((text, source))  # type: ignore[assignment]
    store_unit(folder, key, parsed, packed=_PACKED, fences=highlighted)
    return (light(parsed[0], pack), parsed[1]) if light_only else parsed


def _no_course_folder(root: Path) -> str:
    """What to say when ROOT is not a course folder: a file given for it, or nothing there."""
    if root.is_file() and root.name == COURSE_FILE:
        return f"this is the course's {COURSE_FILE}: give the folder that holds it, {root.parent}"
    if root.is_file() and root.suffix.lower() == ".zip":
        return "this is a package, not a course folder: give the folder the course is written in (with course.yml)"
    if root.is_file():
        return f"this is a file, not a course folder: give the folder that holds course.yml (here: {root.parent}?)"
    return f"course folder not found: check the path, or create one with 'masterysite new {root}'"


def load_course(
    root: Path,
    jobs: int | None = None,
    cache: bool | None = None,
    safe_html: bool = False,
    read: dict[str, str] | None = None,
) -> Loaded:
    """Parse and check the whole course; nothing is written.

    ``cache``: None parses everything and keeps whole units (``check``); True uses and refills
    the course's build cache, keeping only light units; False starts the cache afresh.
    ``safe_html``: as if course.yml said ``safe_html: true`` (``--safe-html``).
    ``read``: the digests of the unit files' bytes a stamp just took (see _load_cached)."""
    report = Report()
    if not root.is_dir():
        report.error(str(root), 0, _no_course_folder(root))
        return Loaded(None, report)
    found = outside_links(root)  # before anything is read: no file of the machine's is ever read
    if COURSE_FILE in found:
        report_outside(found, [], report)
        return Loaded(None, report)
    config = load_config(root, report)
    if config is None:
        return Loaded(None, report)
    if safe_html:
        config = dataclasses.replace(config, safe_html=True)
    if not any(path.startswith("theme") for path in found):
        check_placed(root, report)
        check_strings(root, report)
        check_translation(root, config.language, report)
    if cache is None:
        texts = read_units(root, config.entries, report)
        ids = unit_files(root, config.entries, texts)
        tasks = [
            (
                texts[e.path],
                UnitSource.of(config, e.path, i, e.section, str(root), ids),
            )
            for i, e in enumerate(config.entries)
            if e.path in texts
        ]
        parsed = dict(zip([s.path for _, s in tasks], _run(parse_task, tasks, jobs), strict=True))
        loaded = Loaded(None, report, texts, parsed, config, ids)  # type: ignore[arg-type]
    else:
        loaded = _load_cached(root, config, report, jobs, cache, read)
    loaded.course = check_parsed(loaded)
    check_links_inside(root, loaded, found)
    return loaded


def _load_cached(
    root: Path, config: CourseConfig, report: Report, jobs: int | None, use: bool, read: dict[str, str] | None = None
) -> Loaded:
    """Units whose key is in the cache's index are not read twice nor parsed; the rest are parsed
    (in workers) and stored whole, while this process keeps only their light form.

    ``read``: unit file -> the SHA-256 of its bytes, as the unchanged stamp just read them: a unit
    whose bytes the last build read already is not read again (cache.load_sources)."""
    digests: dict[str, str] = {}
    ids: dict[str, str] = {}
    known = load_sources(root) if use and read else {}
    sources: Sources = {}
    for entry in config.entries:
        bytes_digest = (read or {}).get(entry.path)
        seen = known.get((entry.path, bytes_digest)) if bytes_digest else None
        if seen is None:
            found = read_unit_data(root, entry, report)
            text, bytes_digest = found if found is not None else (None, None)
            ids[entry.path] = scan_id(text or "", entry.path)
            if text is None or bytes_digest is None:
                continue
            seen = (ids[entry.path], digest(text))
        ids[entry.path], digests[entry.path] = seen
        sources[(entry.path, str(bytes_digest))] = seen
    cache = BuildCache.open(root, ids, use, settings=repr(config.extra_keys))
    cache.sources = known
    loaded = Loaded(None, report, {}, {}, config, ids, {}, cache, root)
    loaded.sources = sources
    tasks = []
    pack = packs(len(config.entries))
    last: dict[str, str] | None = None  # unit path -> the key of its parse in the index (an edited unit's last one)
    for index, entry in enumerate(config.entries):
        if entry.path not in digests:
            continue
        key = unit_key(parse_key(cache, config), digests[entry.path], entry.path, index, entry.section)
        loaded.keys[entry.path] = key
        hit = cache.lookup(key)
        if hit is None and use:  # parsed by an earlier build that did not finish: still good
            stored = load_unit(str(cache.folder), key)
            hit = (light(stored[0], pack), stored[1]) if stored is not None else None
        if hit is not None:
            loaded.parsed[entry.path] = hit
        else:
            loaded.parsed[entry.path] = (None, [])  # keeps course order; filled below
            source = UnitSource.of(config, entry.path, index, entry.section, str(root), ids)
            if last is None:
                last = {unit.path: known for known, (unit, _) in cache.index.items() if unit is not None}
            tasks.append((source, key, str(cache.folder), parse_key(cache, config), pack, last.get(entry.path)))
    global _PACKED
    _PACKED = len(tasks) >= PACK_TASKS
    try:
        results = _run(parse_file, tasks, jobs)
    finally:
        _PACKED = False
        Packs.close()  # (a pack this process wrote: parsed without a pool)
    for task, result in zip(tasks, results, strict=True):
        loaded.parsed[task[0].path] = result
    log.info("%d of %d units parsed, %d from the cache", len(tasks), len(digests), len(digests) - len(tasks))
    return loaded


def check_parsed(loaded: Loaded) -> Course:
    """The course-wide checks over the parsed units (also rerun by serve after one unit changes)."""
    assert loaded.config is not None
    units = []
    for unit, problems in loaded.parsed.values():
        loaded.report.extend(problems)
        if unit is not None:
            units.append(unit)
    course = check_course(loaded.config, units, loaded.report)
    ignored = {u.path: u.ignore for u in units}
    loaded.report.problems = without_ignored(loaded.report.problems, loaded.config.ignore, ignored)
    return course


T = TypeVar("T")
R = TypeVar("R")


_WORK: tuple[Callable[[Any], Any], list[Any]] | None = None  # what the pool's workers map over: see _run


def _run(func: Callable[[T], R], tasks: list[T], jobs: int | None, beside: Callable[[], None] | None = None) -> list[R]:
    """Map over tasks, in worker processes when it pays. Fork: the workers inherit the tasks and
    are sent only their numbers (a unit's task holds the course's id table: pickling it for every
    chunk sent 6 MB through the pipes at 1,000 units).

    ``beside``: work this process does while the workers run (in a thread, started once they are
    forked: a fork never copies a thread's half-done state), or after the tasks when there are none."""
    global _WORK
    jobs = jobs or jobs_default()
    with without_gc():
        if jobs < 2 or len(tasks) < PARALLEL_FROM:
            results = [func(t) for t in tasks]
            if beside is not None:
                beside()
            return results
        import multiprocessing  # only for a pool (a rebuild seldom has one)

        _WORK = (func, tasks)
        try:
            with multiprocessing.get_context("fork").Pool(jobs, initializer=gc.disable) as pool, Beside(beside):
                return pool.map(_work, range(len(tasks)), chunksize=max(1, len(tasks) // (jobs * 64)))
        finally:
            _WORK = None


class Beside:
    """Run ``work`` in a thread for the time of a ``with`` block; its exception is raised at the end."""

    def __init__(self, work: Callable[[], None] | None) -> None:
        self.work: Callable[[], None] | None = work
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True) if work is not None else None

    def _run(self) -> None:
        assert self.work is not None
        try:
            self.work()
        except BaseException as exc:  # raised in the caller's thread by __exit__
            self.error = exc

    def __enter__(self) -> Beside:
        if self.thread is not None:
            self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.thread is not None:
            self.thread.join()
        if self.error is not None and exc[0] is None:
            raise self.error


def _work(index: int) -> Any:
    assert _WORK is not None
    func, tasks = _WORK
    return func(tasks[index])


@contextlib.contextmanager
def without_gc() -> Iterator[None]:
    """Parsing keeps every unit's tokens alive; the cyclic collector would rescan that growing
    heap again and again (seen: 6.2 s instead of 3.5 s for 1,000 units). Nothing here makes
    reference cycles that need it, so pause it while units are parsed and rendered."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# --- writing -----------------------------------------------------------------------------------

_SITE: Site | None = None  # set before forking, so render workers inherit it instead of unpickling it
_WRITER: Writer | None = None
_LOADED: Loaded | None = None


@dataclass
class Writer:
    """Fills a fresh output folder. A file whose bytes equal the previous build's is hard-linked
    from it instead of written: nothing unchanged is rewritten and it keeps its modification
    time, so rsync and static hosts upload only what changed."""

    out: Path
    previous: Path | None = None
    folders: set[str] = field(default_factory=set)

    def text(self, name: str, text: str | bytes) -> None:
        data = text.encode("utf-8") if isinstance(text, str) else text
        target = self.out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        old = self.previous / name if self.previous else None
        if old is not None and self._same_bytes(old, data) and self._link(old, target):
            return
        target.write_bytes(data)

    def copy(self, name: str, source: Path) -> None:
        target = self.out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        old = self.previous / name if self.previous else None
        if old is not None and self._same_file(old, source) and self._link(old, target):
            return
        shutil.copy2(source, target)

    def keep(self, name: str) -> None:
        """The previous build's file, known to be what this build would write (a no-change
        rebuild does this for every page: plain strings, one mkdir per folder)."""
        assert self.previous is not None
        old, target = f"{self.previous}/{name}", f"{self.out}/{name}"
        folder = os.path.dirname(target)
        if folder not in self.folders:
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)
        try:
            os.link(old, target)
        except OSError:  # a file system without hard links
            shutil.copy2(old, target)

    @staticmethod
    def _same_bytes(old: Path, data: bytes) -> bool:
        try:
            return old.stat().st_size == len(data) and old.read_bytes() == data
        except OSError:
            return False

    @staticmethod
    def _same_file(old: Path, source: Path) -> bool:
        try:
            a, b = old.stat(), source.stat()
        except OSError:
            return False
        # the size and time of the copy, and no change to the source since the copy was made: 'cp -p', 'touch -r'
        # and restore tools keep a changed file's time, not its ctime (round y 7: the old file stayed published)
        return a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns and b.st_ctime_ns <= a.st_ctime_ns

    @staticmethod
    def _link(old: Path, target: Path) -> bool:
        try:
            os.link(old, target)
            return True
        except OSError:  # a file system without hard links: just write
            return False


_PAGES_KEY: str | None = None  # set when the workers sign the pages they render (a cold build)
_SHARED: Shared | None = None


def _render_task(index: int) -> str | None:
    """Render one unit page; with no page list to compare with, also sign it here, in parallel."""
    global _SHARED
    assert _SITE is not None and _WRITER is not None and _LOADED is not None
    unit = _SITE.course.units[index]
    with templates_of(_SITE.course_dir):
        _WRITER.text(unit.href, render_unit(_SITE, _LOADED.full(unit)))
    if _PAGES_KEY is None:
        return None
    _SHARED = _SHARED or Shared(_SITE)
    return page_signature(_SITE, unit, _LOADED.keys[unit.path], _PAGES_KEY, _SHARED, _LOADED.parsed[unit.path][0])


class Shared:
    """What every unit page's context shares (strings, course settings), hashed once per build."""

    def __init__(self, site: Site) -> None:
        self.site_refs = site.refs
        self.values = site.common("unit", "../")
        self.digests: dict[tuple[str, ...], str] = {}
        self.refs: dict[str | None, str] = {}  # unit id -> digest of what other pages show of it

    def ref(self, unit_id: str | None) -> str:
        if unit_id not in self.refs:
            ref = self.site_refs.get(unit_id) if unit_id is not None else None
            self.refs[unit_id] = sha(repr(ref)) if ref is not None else f"no unit {unit_id!r}"
        return self.refs[unit_id]

    def split(self, context: dict[str, Any]) -> tuple[list[tuple[str, Any]], str]:
        """The context's own values, and the digest of the values it shares with every page."""
        values = self.values
        same = {k for k, v in context.items() if k in values and (v is values[k] or v == values[k])}
        own = [(k, v) for k, v in context.items() if k not in same]
        names = tuple(k for k in context if k in same)
        if names not in self.digests:
            self.digests[names] = sha(repr([(name, self.values[name]) for name in names]))
        return own, self.digests[names]


PAGE_ONLY = {"questions": (), "search": (), "words": b""}  # left out of a page's signature: see there
_SETTLED = tuple(f.name for f in dataclasses.fields(Unit) if f.name not in PAGE_ONLY)


def page_signature(
    site: Site, unit: Unit, key: str, pages_key: str, shared: Shared, parsed: Unit | None = None
) -> str | None:
    """Everything a unit's page is made of: its parse (``key``), what the course-wide pass made of
    it (the light unit), and the data its template receives from the rest of the course (titles
    of its neighbours and prerequisites, ...); None when that cannot be told.

    The unit and its context are taken without its questions: what the page shows of them comes
    from the unit's own parse and the course settings (the course-wide pass leaves them alone);
    drawing each question's data was half the time of a no-change rebuild. Values shared by
    every unit page (strings, course settings) are hashed once (``shared``). ``parsed``: the light
    unit as its parse made it (before the course-wide pass), a function of ``key``: then only the
    fields the pass changed are hashed (those it gave a new value, and any dict: it could have
    changed one in place), not the whole unit again."""
    state = vars(unit)  # (dataclasses.replace: a quarter of the time of the signatures)
    skeleton = object.__new__(Unit)  # without reading its PAGE_ONLY fields: see cache.heavy
    vars(skeleton).update({name: state[name] for name in _SETTLED}, **PAGE_ONLY)
    try:
        context = unit_context(site, skeleton)
    except Exception:  # a context that needs more than the light unit: render this page every time
        log.debug("no signature for %s", unit.path, exc_info=True)
        return None
    own, common = shared.split(context)
    settled = repr(skeleton) if parsed is None else _settled(unit, parsed)
    signature = sha(pages_key, key, settled, repr(own), common)
    inputs = page_inputs(site, unit, key, pages_key, shared, parsed)
    return signature if inputs is None else f"{inputs}:{signature}"


def _settled(unit: Unit, parsed: Unit) -> str:
    """What the course-wide pass made of a unit, as far as it differs from its parse (page_signature)."""
    now, was = vars(unit), vars(parsed)  # (getattr: twice the time of the page inputs)
    changed = [(n, now[n]) for n in _SETTLED if now[n] is not was[n]]
    return repr(changed + [(n, now[n]) for n in _SETTLED if isinstance(now[n], dict)])


def page_inputs(site: Site, unit: Unit, key: str, pages_key: str, shared: Shared, parsed: Unit | None) -> str | None:
    """What a unit page's context (render.unit_context) is made from, a tenth of the cost of hashing the
    context itself: the render key, the unit's parse and what the course-wide pass made of it, its
    place, and ``site.refs`` of the units it shows (itself, the units before and after it, and the
    prerequisites of those three). The same inputs make the same context, so a page whose inputs are
    those of its signature in the last build keeps that signature without drawing the context again.
    (tests/conftest.py makes every build under test check it: CHECK_INPUTS.) None: cannot be told."""
    if parsed is None:
        return None
    units = site.course.units
    index = site.position[unit.id]
    before = units[index - 1].id if index > 0 else None
    after = units[index + 1].id if index + 1 < len(units) else None
    shown = [unit.id, before, after]
    for ident in (unit.id, before, after):
        ref = site.refs.get(ident) if ident is not None else None
        if ref is not None:
            shown += ref["requires_ids"]
    return sha(pages_key, key, _settled(unit, parsed), repr((index, shown, [shared.ref(i) for i in shown])))


CHECK_INPUTS = False  # True (tests): a page kept by its inputs is signed anyway, and must match


def unchanged_pages(
    site: Site, loaded: Loaded, previous: Path, old: dict[str, Any], pages_key: str, shared: Shared | None = None
) -> tuple[dict[str, str], set[int]]:
    """The signature of every unit page, and which of them the previous build's files already are.
    A page whose inputs (page_inputs) and file are the last build's keeps its signature unsigned."""
    shared = shared or Shared(site)
    signatures: dict[str, str] = {}
    same: set[int] = set()
    for index, unit in enumerate(site.course.units):
        key, parsed = loaded.keys[unit.path], loaded.parsed[unit.path][0]
        last = old.get(unit.href)
        inputs = page_inputs(site, unit, key, pages_key, shared, parsed) if last else None
        if last and inputs and last[0].startswith(f"{inputs}:") and file_stamp(f"{previous}/{unit.href}") == last[1]:
            if CHECK_INPUTS and page_signature(site, unit, key, pages_key, shared, parsed) != last[0]:
                raise AssertionError(f"{unit.path}: the same page inputs as the last build, another signature")
            signatures[unit.href] = last[0]
            same.add(index)
            continue
        signature = page_signature(site, unit, key, pages_key, shared, parsed)
        if signature is None:
            continue
        signatures[unit.href] = signature
        if last and last[0] == signature and file_stamp(f"{previous}/{unit.href}") == last[1]:
            same.add(index)
    return signatures, same


COURSE_PAGES = ("index.html", "progress.html", "_static/course-data.js")  # the pages that show every unit


def course_pages_inputs(site: Site, pages_key: str, shared: Shared) -> str:
    """What the course page, the progress page and the course data (render.render_page,
    render.course_data_js) are made from: the render key, and of every unit in order what
    ``site.refs`` shows and what they take besides (the exact mastery, bonus and draw)."""
    units = site.course.units
    return sha(pages_key, repr([(shared.ref(u.id), u.mastery, u.bonus, u.draw) for u in units]))


def unchanged_course_pages(previous: Path, last: search_patch.State | None, inputs: str) -> bool:
    """Whether the previous build's course pages are what this one would make (the same inputs,
    the same files)."""
    if last is None or last.course != inputs or len(last.stamps) != len(COURSE_PAGES):
        return False
    stamps = zip(COURSE_PAGES, last.stamps, strict=True)
    return all(stamp is not None and file_stamp(f"{previous}/{name}") == stamp for name, stamp in stamps)


def course_pages(site: Site) -> dict[str, str]:
    """The course pages as this build would make them (CHECK_INPUTS)."""
    return {
        "index.html": render_page(site, "index"),
        "progress.html": render_page(site, "progress"),
        "_static/course-data.js": course_data_js(site),
    }


@dataclass
class Pages:
    """What a build knows of its unit pages, for the cache's page list."""

    key: str = ""  # the render key
    signatures: dict[str, str] = field(default_factory=dict)  # href -> signature
    kept: set[str] = field(default_factory=set)  # hrefs linked unchanged from the previous build
    search: search_patch.State | None = None  # what the previous build's search index was made from
    course: str = ""  # what the pages that show every unit were made from (course_pages_inputs)


def write_site(
    site: Site, out: Path, jobs: int | None = None, previous: Path | None = None, loaded: Loaded | None = None
) -> Pages:
    """Render every page and copy every file into ``out`` (a fresh folder); with a cache, a unit
    page whose signature and file are the previous build's is linked from it, not rendered."""
    writer = Writer(out, previous)
    state = search_patch.load_state(loaded.cache, previous) if loaded and loaded.cache and previous else None
    patched = patched_search_index(site, loaded, previous, state) if loaded and state else None
    if patched is not None:  # a few units changed: their words patched into the last index (search_patch.py)
        search = Background(lambda: writer.text(search_patch.NAME, patched), fork=False)
    else:  # the search index reads every unit (0.2-0.3 s at 1,000): a rebuild makes it beside the pages
        search = Background(lambda: writer.text(search_patch.NAME, search_index_js(site.course)))
    try:
        pages = _write_site(site, writer, search, jobs, loaded, state)
        pages.search = state
        return pages
    except BaseException:
        search.cancel()  # before the caller removes the folder it writes into
        raise


def patched_search_index(site: Site, loaded: Loaded, previous: Path | None, state: search_patch.State) -> str | None:
    """The previous build's search index with the words of the units parsed since patched in; None: make it whole."""
    if previous is None or loaded.cache is None or any(u.path not in loaded.keys for u in site.course.units):
        return None
    units = site.course.units
    parsed = [loaded.parsed[u.path][0] for u in units]
    keys = [loaded.keys[u.path] for u in units]
    return search_patch.patched_index(units, parsed, keys, loaded.cache, previous, state)


def _write_site(
    site: Site,
    writer: Writer,
    search: Background,
    jobs: int | None,
    loaded: Loaded | None,
    last: search_patch.State | None = None,
) -> Pages:
    global _SITE, _WRITER, _LOADED, _PAGES_KEY, _SHARED
    previous = writer.previous
    loaded = loaded or Loaded(site.course, Report())
    pages = Pages()
    same: set[int] = set()
    sign_in_workers = False
    shared = Shared(site)
    # The search index (0.25 s at 1,000 units) is made in a child beside the pages: on a rebuild
    # there are few pages to render and a core to spare; on a cold build it fills the time the
    # render pool's workers wait for the last of them. Not beside the pool in a big course: the
    # child touches every unit (copies of the parent's pages) while each worker copies those of
    # its own units (10,000 units: 313 MB over the tree instead of 250); it starts after the pool.
    big = packs(len(site.course.units))
    if not big:
        search.start()
    if loaded.cache is not None and loaded.root is not None:
        pages.key = render_key(loaded.cache.parse_key, loaded.root, theme_dirs(loaded.root))
        # The course secret seals every page; it may come from MASTERYSITE_SECRET rather than a
        # file the cache already watches. Only a digest of it goes into the key.
        pages.key = sha(pages.key, hashlib.sha256(b"masterysite pages\0" + site.secret).hexdigest())
        old = loaded.cache.load_pages(previous, pages.key) if previous else {}
        if previous and old:
            pages.signatures, same = unchanged_pages(site, loaded, previous, old, pages.key, shared)
            pages.kept = {site.course.units[index].href for index in same}
        else:
            sign_in_workers = True
        pages.course = course_pages_inputs(site, pages.key, shared)
    course_kept = bool(pages.course) and previous is not None and unchanged_course_pages(previous, last, pages.course)
    for index in same:
        writer.keep(site.course.units[index].href)
    log.info("%d unit pages rendered, %d unchanged", len(site.course.units) - len(same), len(same))
    cached = compiled_templates(site.env, loaded.cache) if loaded.cache else contextlib.nullcontext()
    with cached, templates_read_once(site.env):
        todo = [i for i in range(len(site.course.units)) if i not in same]
        if big and len(todo) < PARALLEL_FROM:
            search.start()  # no pool: a core to spare
        if todo:
            with templates_of(site.course_dir):
                site.env.get_template("unit.html")  # compiled once, before the workers fork
        _SITE, _WRITER, _LOADED = site, writer, loaded

        _PAGES_KEY, _SHARED = (pages.key if sign_in_workers else None), None
        try:
            # the cache's index (0.1 s at 1,000 units) is written while the workers render
            signed = _run(_render_task, todo, jobs, beside=loaded.save_index if loaded.cache is not None else None)
        finally:
            _SITE, _WRITER, _LOADED, _PAGES_KEY, _SHARED = None, None, None, None, None
        search.start()  # (started already unless the course is big: see above)
        if sign_in_workers:
            units = site.course.units
            pages.signatures = {units[i].href: sig for i, sig in zip(todo, signed, strict=True) if sig is not None}
        if course_kept:  # (the course data is kept where it is written: copy_static)
            writer.keep("index.html")
            writer.keep("progress.html")
            if CHECK_INPUTS and previous is not None:
                for name, text in course_pages(site).items():
                    if (previous / name).read_text(encoding="utf-8") != text:
                        raise AssertionError(f"{name}: the same inputs as the last build, other bytes")
        else:
            for name in ("index", "progress"):
                with templates_of(site.course_dir):
                    writer.text(f"{name}.html", render_page(site, name))
    copy_static(site, writer, search, course_data=not course_kept)
    writer.text(
        MARKER,
        "This folder is written by masterysite build; it is replaced on every build.\n"
        + (f"secret: {site.sealed_by}\n" if site.sealed_by else ""),  # (which secret sealed it: _resealed)
    )
    return pages


class Background:
    """Work done in a forked child while the parent goes on (the search index: pure Python, so a
    thread would not run beside the rest). No fork where it is not safe (other threads running,
    no os.fork) or when the child fails: then ``wait`` does the work itself."""

    def __init__(self, work: Callable[[], None], fork: bool = True) -> None:
        self.work = work
        self.fork = fork  # False: quick work, done in ``wait``
        self.pid: int | None = None

    def start(self) -> None:
        if not self.fork or self.pid is not None or not hasattr(os, "fork") or threading.active_count() > 1:
            return
        try:
            pid = os.fork()
        except OSError:
            return
        if pid == 0:  # the child: do the work, leave without running the parent's exit handlers
            code = 1
            try:
                self.work()
                code = 0
            finally:
                os._exit(code)
        self.pid = pid

    def wait(self) -> None:
        if self.pid is not None:
            _, status = os.waitpid(self.pid, 0)
            self.pid = None
            if os.waitstatus_to_exitcode(status) == 0:
                return
            log.info("the background job failed; doing it here")
        self.work()

    def cancel(self) -> None:
        if self.pid is not None:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            self.pid = None


def copy_static(site: Site, writer: Writer, search: Background, course_data: bool = True) -> None:
    static = static_files(site.course_dir)
    for name, text in bundles(site.course_dir).items():
        if name not in static:  # theme/static/NAME.js replaces the whole joined script
            writer.text(f"_static/{name}", text)
    default = default_theme_dir()
    for name, file in static.items():
        if file.suffix == ".css" and file.is_relative_to(default):
            writer.text(f"_static/{name}", minified_css(file))
        else:
            writer.copy(f"_static/{name}", file)
    if site.extra_css:
        writer.copy("_static/extra.css", site.course_dir / EXTRA_CSS)
    if course_data:
        writer.text("_static/course-data.js", course_data_js(site))
    else:  # the last build's (build.course_pages_inputs)
        writer.keep("_static/course-data.js")
    search.wait()
    for name, file in published_files(site.course_dir, site.course):
        writer.copy(name, file)


def published_files(root: Path, course: Course) -> list[tuple[str, Path]]:
    """The one list of course files the site publishes as they are, at the same relative path:
    all of assets/, and every other course file a unit shows or links to (units/fig/tree.svg)."""
    files = {nfc(f"assets/{name}"): file for name, file in asset_files(root / "assets")}
    for unit in course.units:
        for link in unit.links:
            if link.file and link.file not in files:
                files[link.file] = on_disk(root, link.file) or root / link.file
    return sorted(files.items())


def asset_files(assets: Path) -> list[tuple[str, Path]]:
    """Every file under assets/, following linked folders as the link check does (once each).
    Hidden files and folders (``.git/``, ``.env``) stay private, as a unit cannot link to them."""
    out: list[tuple[str, Path]] = []
    seen: set[Path] = set()
    top = assets.resolve()
    for folder, dirs, files in os.walk(assets, followlinks=True):
        real = Path(folder).resolve()
        if real in seen or (real != top and top.is_relative_to(real)):
            dirs[:] = []  # a link back up the tree (it would publish the course itself): skip
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            file = Path(folder) / name
            if file.is_file() and not name.startswith("."):
                out.append((file.relative_to(assets).as_posix(), file))
    return out


# --- the recipe ----------------------------------------------------------------------------------


def check_output(root: Path, out: Path) -> None:
    """Refuse an output folder whose replacement would lose the teacher's files."""
    course, target = root.resolve(), out.resolve()
    if target == course or course.is_relative_to(target):
        raise MasteryError(f"{out}: the output folder cannot be the course folder or contain it; choose another -o")
    if target.is_relative_to(course):
        raise MasteryError(
            f"{out}: the output folder cannot be inside the course folder (its files would be read as course files); "
            f"build next to it, e.g. -o {os.path.relpath(course.parent / 'build')}"
        )
    if not out.name or target == Path.cwd().resolve():  # '-o .': the folder the teacher is in is replaced
        raise MasteryError(
            f"{out}: the output folder is the folder you are in, which each build replaces; run the build from"
            f" the folder above it, with -o {target.name or 'site'}"
        )
    if target.exists() and not target.is_dir():
        raise MasteryError(f"{out}: exists and is not a folder; choose another -o")
    if target.is_dir() and (target / "course.yml").exists():  # (another course: its .masterysite/ is no site's mark)
        raise MasteryError(
            f"{out}: this is a course folder (it holds course.yml), which a build would replace; choose another -o"
        )
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
        raise MasteryError(
            f"{out}: folder exists and was not written by masterysite (no {MARKER} file); "
            "choose another -o or empty it first, so nothing of yours is replaced"
        )


def swap_in(tmp: Path, out: Path) -> None:
    """Replace ``out`` by ``tmp`` with two renames; the old site is removed only afterwards,
    and put back if the second rename fails (or is interrupted). What the teacher put in the site
    folder themselves, a build never makes (``CNAME``, ``.nojekyll``, a gh-pages ``.git``: its top
    level's names that start with a dot, as mkdocs keeps them), moves into the new site."""
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    if out.exists():
        os.rename(out, old)
    try:
        os.rename(tmp, out)
    except BaseException:
        if old.exists() and not out.exists():
            os.rename(old, out)
        raise
    if old.exists():
        _move_teachers_own(old, out)
        shutil.rmtree(old, ignore_errors=True)
        if old.exists():  # (a folder the teacher may not change, say): not silently left beside the new site
            log.warning("%s: the old site could not be removed; remove it yourself", old)


def _move_teachers_own(old: Path, out: Path) -> None:
    for entry in os.scandir(old):
        if _teachers_own(entry.name) and not (out / entry.name).exists():
            os.rename(entry.path, out / entry.name)


def _teachers_own(name: str) -> bool:
    """A name at a site folder's top level that a build never makes: the teacher's (swap_in)."""
    return (name.startswith(".") and name != MARKER) or name == "CNAME"


def recover(out: Path) -> None:
    """A build killed between its two renames leaves the last good site as ``.NAME.old-PID``:
    put it back before anything else happens. A build killed while it wrote leaves its partial site
    as ``.NAME.tmp-PID`` (in a web root, published): removed once its process is gone, as is an old
    site left beside the folder."""
    if not out.exists():
        leftovers = sorted(out.parent.glob(f".{out.name}.old-*"), key=lambda p: p.stat().st_mtime)
        if leftovers and (leftovers[-1] / MARKER).is_file():
            os.rename(leftovers[-1], out)
            log.warning("restored the last good site from %s", leftovers[-1].name)
    if not out.exists():
        return
    for kind in ("tmp", "old"):
        for leftover in out.parent.glob(f".{glob.escape(out.name)}.{kind}-*"):
            pid = leftover.name.rsplit("-", 1)[-1]
            if pid.isdigit() and not _running(int(pid)) and leftover.is_dir() and not leftover.is_symlink():
                if kind == "old":  # (killed before it moved the teacher's own files into the new site)
                    _move_teachers_own(leftover, out)
                shutil.rmtree(leftover, ignore_errors=True)


def _running(pid: int) -> bool:
    """Whether process ``pid`` is still there (a build writing its ``.NAME.tmp-PID``)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # (another user's: running)
        return True
    return True


def template_error(exc: TemplateError, root: Path | None = None) -> MasteryError:
    """A broken theme template (often a course's own override) as ``file:line: message``.

    A syntax error knows its place; an error while rendering (``{{ unit.titel }}``) is found
    in the traceback, where Jinja puts the template's own file and line."""
    name = getattr(exc, "filename", None) or getattr(exc, "name", None)
    line = getattr(exc, "lineno", None)
    if not line:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith((".html", ".htm", ".j2"))]
        if frames:
            name, line = frames[-1].filename, frames[-1].lineno
    shown = str(name or "theme template")
    if root is not None and name:
        with contextlib.suppress(ValueError):
            shown = Path(name).resolve().relative_to(root.resolve()).as_posix()
    message = f"template error: {exc.message or exc}"
    if isinstance(exc, SecurityError):
        message += " (templates run in a sandbox: they can use the data they are given, not Python's internals)"
    return CourseError([Problem(shown, line or 0, message)])


@contextlib.contextmanager
def templates_of(root: Path) -> Iterator[None]:
    """Turn a template error into a located MasteryError where it happens (also in a worker,
    whose traceback would not survive the trip back to the parent process)."""
    try:
        yield
    except TemplateError as exc:
        raise template_error(exc, root) from None
    except (UnicodeDecodeError, RecursionError, OverflowError) as exc:  # (round y 6: had been 'internal error')
        raise _template_trouble(exc, root) from None


def _template_trouble(exc: BaseException, root: Path) -> MasteryError:
    """A theme template that Jinja reads or runs but cannot finish: not UTF-8 (saved by Notepad as ANSI), one
    that includes itself, a range too big for the sandbox; located where the traceback can tell."""
    frames = traceback.extract_tb(exc.__traceback__)
    shown, line = "theme template", 0
    templates = [f for f in frames if f.filename.endswith((".html", ".htm", ".j2"))]
    if isinstance(exc, UnicodeDecodeError):
        tb, name = exc.__traceback__, None
        while tb is not None:  # Jinja's loader opened it: its frame knows the file's name
            name = tb.tb_frame.f_locals.get("filename", name) if "loader" in tb.tb_frame.f_code.co_filename else name
            tb = tb.tb_next
        shown = str(name or shown)
        message = f"this theme template is not UTF-8 ({exc.reason} at byte {exc.start}): save it as UTF-8"
    elif isinstance(exc, RecursionError):
        message = "template error: templates include (or extend) each other in a circle, or one includes itself"
    else:
        message = f"template error: {exc}"
    if templates and not isinstance(exc, UnicodeDecodeError):
        shown, line = templates[-1].filename, templates[-1].lineno or 0
    with contextlib.suppress(ValueError):
        shown = Path(shown).resolve().relative_to(root.resolve()).as_posix()
    return CourseError([Problem(shown, line, message)])


def try_templates(loaded: Loaded, root: Path) -> None:
    """For ``check``: render the pages (without writing them) that exercise every template path:
    the course page, the progress page, a unit with a quiz and one without."""
    assert loaded.course is not None
    site = Site.create(loaded.course, root, secret=bytes(32))  # nothing is written: no need of the real one
    with templates_of(root):
        render_page(site, "index")
        render_page(site, "progress")
        with_quiz = next((u for u in site.course.units if u.questions), None)
        without = next((u for u in site.course.units if not u.questions), None)
        for unit in (with_quiz, without):
            if unit is not None:
                render_unit(site, unit)


def fail_on(report: Report, strict: bool, checking: bool = False) -> None:
    failing = report.problems if strict else report.errors
    if failing:
        raise CourseError(report.sorted(), checking)


def build(
    root: Path,
    out: Path,
    strict: bool = False,
    jobs: int | None = None,
    cache: bool = True,
    safe_html: bool = False,
    stamp: str | None = None,
) -> Report:
    """Build the site of the course in ``root`` into ``out``; return the warnings.

    ``cache=False`` (``--no-cache``): parse and render everything, and start the cache afresh.
    With the cache, a build whose inputs and output folder are those of the last one does nothing
    (masterysite/unchanged.py); ``stamp``: the one a caller took already and found changed."""
    before = stamp
    if cache and before is None:
        replayed, before = unchanged.replay(root, out, strict, safe_html)
        if replayed is not None:
            log.info("nothing changed since the last build into %s: the site there is kept as it is", out)
            return replayed
    read = getattr(before, "units", None) if cache else None  # an unchanged.Stamp: the unit files it read
    loaded = build_full(root, out, strict, jobs, cache, safe_html, read)[0]
    if cache:
        used = {path: bytes_digest for path, bytes_digest in loaded.sources}
        unchanged.remember(root, out, before, loaded.report, strict, safe_html, used)
    return loaded.report


def build_full(
    root: Path,
    out: Path,
    strict: bool = False,
    jobs: int | None = None,
    cache: bool = True,
    safe_html: bool = False,
    read: dict[str, str] | None = None,
) -> tuple[Loaded, Site]:
    """The whole recipe; also returns what serve keeps in memory for incremental rebuilds.
    ``read``: see load_course."""
    check_output(root, out.resolve() if out.is_symlink() else out)  # a refused -o: nothing read, cached or written
    # The course secret first: the cache's key of the course folder then sees it as every later build will.
    secret = course_secret(root) if root.is_dir() else None
    loaded = load_course(root, jobs, cache=cache, safe_html=safe_html, read=read)
    gc.freeze()  # what is loaded lives until the end: the collector need not scan it again (0.9 s at 10,000)
    try:
        return _write_build(root, out, strict, jobs, loaded, secret)
    finally:
        gc.unfreeze()


def secret_mark(secret: bytes) -> str:
    """Which course secret sealed a site, in 16 hex digits of a keyed hash (a guess of the secret is as easy to
    test against any unit page): a build that would replace it with another can say so."""
    return hmac.new(secret, b"masterysite: the secret that sealed this site", "sha256").hexdigest()[:16]


def _resealed(out: Path, same_course: bool, secret: bytes, report: Report) -> None:
    """A build with another secret than the site it replaces (a fresh clone: the secret file is not in git)
    closed every unit's bonus work and review again for the students who had earned them, with a message that
    blamed them (new teacher cc 13). Said, with how to keep them."""
    try:
        marked = re.search(r"^secret: ([0-9a-f]{16})$", (out / MARKER).read_text(encoding="utf-8"), re.M)
    except (OSError, UnicodeDecodeError):
        return
    if marked is not None and same_course and marked[1] != secret_mark(secret):
        message = (
            f"the site in {out} was sealed with another course secret: the keys students earned there (each unit's"
            " bonus work and review) will not open this build's pages, though their mastery stays; to keep them,"
            " copy the course's .masterysite/secret from where the site was built (or set MASTERYSITE_SECRET to its"
            " digits) and build again"
        )
        report.warn(COURSE_FILE, 1, message, "progress-moved")


_SITE_COURSE = re.compile(r'data-course="([^"]*)"')


def site_course(out: Path) -> str | None:
    """The course id of the site in ``out`` (its course page's), or None."""
    try:
        found = _SITE_COURSE.search((out / "index.html").read_text(encoding="utf-8", errors="replace")[:4000])
    except OSError:
        return None
    return found[1] if found is not None and found[1] else None


def moved_since(out: Path, course: Course, report: Report, last_id: str | None) -> None:
    """Ids that changed since the build in ``out``: a unit file renamed (a typo in its name fixed) gives
    its unit a new id, and a course with no 'id:' takes a new one with its title; a student's progress is
    kept under the ids, and was silently left with the old ones, the units after it locked again (new
    teacher cc 2, cc 8). Said, with the line that keeps it. Another course built into the folder (no unit
    in common) is no change."""
    last = {page.stem for page in (out / "units").glob("*.html")} if (out / "units").is_dir() else set()
    now = {unit.id for unit in course.units}
    if not last & now:
        return
    if last_id is not None and last_id != course.config.id:
        made = (
            " (made from its title: course.yml has no 'id:')"
            if course.config.id == slugify(course.config.title)
            else ""
        )
        message = (
            f"the course's id is '{course.config.id}'{made}, and it was '{last_id}' in the last build: every"
            f" student's progress is kept under the old id and would start afresh; write 'id: {last_id}' in"
            " course.yml to keep it"
        )
        report.warn(COURSE_FILE, 1, message, "progress-moved")
        return
    gone, new = sorted(last - now), sorted(now - last)
    if not gone or not new:
        return
    if len(gone) == len(new):
        path_of = {unit.id: unit.path for unit in course.units}
        for old, unit_id in zip(gone, new, strict=True):
            message = (
                f"this unit's id is '{unit_id}', and the last build had a unit '{old}' instead: if this file was"
                f" renamed, students' progress is kept under '{old}' (this unit would start afresh, the units after"
                f" it locked again); write 'id: {old}' in its front matter to keep it"
            )
            report.warn(path_of[unit_id], 1, message, "progress-moved")
        return
    message = (
        f"the last build had the units {', '.join(repr(g) for g in gone[:5])}, which this course no longer has: if a"
        " unit file was renamed, write its old id as 'id: …' in its front matter, or its students' progress stays"
        " with the old id"
    )
    report.warn(COURSE_FILE, 1, message, "progress-moved")


def _write_build(
    root: Path, out: Path, strict: bool, jobs: int | None, loaded: Loaded, secret: bytes | None = None
) -> tuple[Loaded, Site]:
    fail_on(loaded.report, strict)
    assert loaded.course is not None
    last_id = site_course(out) if (out / MARKER).is_file() else None  # (the site this build replaces)
    if (out / MARKER).is_file():  # the last build: ids that moved take students' progress with them
        moved_since(out, loaded.course, loaded.report, last_id)
    if out.is_symlink():
        out = out.resolve()  # update the folder the link points to, keep the link
    recover(out)
    check_output(root, out)
    site = Site.create(loaded.course, root, secret)
    kept = bool(os.environ.get(ENV, "").strip()) or (root / SECRET_FOLDER / SECRET_FILE).is_file()
    site.sealed_by = secret_mark(site.secret) if kept else ""  # (a secret of this build alone: nothing to say)
    if (out / MARKER).is_file() and kept:
        _resealed(out, last_id == loaded.course.config.id, site.secret, loaded.report)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        previous = out if (out / MARKER).is_file() else None
        pages = write_site(site, tmp, jobs, previous, loaded)
        swap_in(tmp, out)
    except TemplateError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise template_error(exc, root) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if loaded.cache is not None:  # only now: the page list describes a site that is in place
        loaded.cache.save_pages(out, pages.key, pages.signatures, pages.kept)
        units = [(u.id, loaded.keys.get(u.path, "")) for u in loaded.course.units]
        made = search_patch.State(units, "", pages.course)
        search_patch.save_state(loaded.cache, out, made, pages.search, COURSE_PAGES if pages.course else ())
    log.info("built %d units into %s", len(loaded.course.units), out)
    return loaded, site
