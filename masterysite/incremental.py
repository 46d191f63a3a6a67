"""Rebuild what one save changed, with output identical to a full build.

The rule (after staticjinja's get_dependents, kept simple): a unit page depends
on its own source, its position and section, its neighbours' and prerequisites'
titles and links; index.html, progress.html and _static/course-data.js depend on
every unit and are re-rendered on every change (but written only if different).
Anything else — course.yml, the theme, assets, a unit added, removed or given a
new id — rebuilds everything, atomically.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from masterysite.build import (
    Loaded,
    build_full,
    check_links_inside,
    check_parsed,
    parse_key,
    parse_task,
    published_files,
    read_units,
)
from masterysite.build import digest as text_digest
from masterysite.cache import Parsed, light, packs, store_unit, unit_key
from masterysite.errors import CourseError, Report
from masterysite.parse.markdown import fences
from masterysite.parse.source import UnitSource, scan_id
from masterysite.render import Site, course_data_js, render_page, render_unit
from masterysite.search import search_index_js

log = logging.getLogger(__name__)


def digest(data: str) -> str:
    return hashlib.sha1(data.encode("utf-8")).hexdigest()


def write_if_changed(path: Path, text: str, written: dict[str, str], key: str) -> bool:
    """Atomic per file (write aside, then rename), and only when the bytes differ."""
    new = digest(text)
    if written.get(key) == new and path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    written[key] = new
    return True


@dataclass
class Change:
    """What a batch of saves touched, relative to the course folder."""

    paths: set[str] = field(default_factory=set)

    def only_unit_edits(self, known: set[str]) -> bool:
        return bool(self.paths) and all(p in known for p in self.paths)


@dataclass
class Project:
    """A course held in memory between saves (used by ``serve``)."""

    root: Path
    out: Path
    jobs: int | None = None
    safe_html: bool = False
    loaded: Loaded | None = None
    site: Site | None = None
    signatures: dict[str, str] = field(default_factory=dict)  # unit id -> what its page depends on
    written: dict[str, str] = field(default_factory=dict)  # output path -> digest of what is on disk
    pending: set[str] = field(default_factory=set)  # changes not yet in a good build
    sources: dict[str, str] = field(default_factory=dict)  # unit path -> digest of its text

    def full(self) -> Report:
        """Build everything (atomically); raises CourseError and leaves the last good site."""
        self.loaded, self.site = build_full(self.root, self.out, jobs=self.jobs, safe_html=self.safe_html)
        self.sources = dict(self.loaded.keys)
        self.signatures = {u.id: self._signature(u.id) for u in self.site.course.units}
        self.written = {}
        for name, text in self._shared_pages().items():
            self.written[name] = digest(text)
        gc.collect()
        gc.freeze()  # the parsed course is long-lived: keep the collector from rescanning it on every save
        return self.loaded.report

    def rebuild(self, change: Change, search: bool = True) -> tuple[Report, list[str]]:
        """Rebuild after ``change``; returns the report and the output files written.

        ``search=False`` leaves the search index for `update_search_index` (serve: after the reload)."""
        change = Change(change.paths | self.pending)
        self.pending = change.paths
        texts = self._unit_edits(change)
        if texts is None:
            report = self.full()
            self.pending = set()
            return report, ["*"]
        result = self._units(texts)
        self.pending = set()
        if search and self.update_search_index():
            result[1].append("_static/search-index.js")
        return result

    def _unit_edits(self, change: Change) -> dict[str, str] | None:
        """The new texts when ``change`` only edits units in place (same ids); None: rebuild all."""
        loaded = self.loaded
        if loaded is None or self.site is None or loaded.config is None or loaded.report.errors:
            return None
        if not change.only_unit_edits(set(loaded.parsed)):
            return None
        if not all((self.root / p).is_file() for p in change.paths):
            return None  # a unit was deleted: the course changes shape
        report = Report()
        entries = tuple(e for e in loaded.config.entries if e.path in change.paths)
        texts = read_units(self.root, entries, report)
        if report.errors:
            raise CourseError(report.sorted())
        if any(scan_id(text, path) != loaded.unit_ids.get(path) for path, text in texts.items()):
            return None  # links in other units point at this id: rebuild them all
        return texts

    def _units(self, texts: dict[str, str]) -> tuple[Report, list[str]]:
        assert self.loaded is not None and self.loaded.config is not None
        report = Report()
        config = self.loaded.config
        ids = self.loaded.unit_ids
        parsed = dict(self.loaded.parsed)
        keys = dict(self.loaded.keys)
        cache = self.loaded.cache
        for index, entry in enumerate(config.entries):
            if entry.path in texts:
                source = UnitSource.of(config, entry.path, index, entry.section, str(self.root), ids)
                with fences({}) as highlighted:
                    result: Parsed = parse_task((texts[entry.path], source))  # type: ignore[assignment]
                if cache is not None:  # the site keeps light units; the whole one goes to the cache
                    text_key = text_digest(texts[entry.path])
                    key = unit_key(parse_key(cache, config), text_key, entry.path, index, entry.section)
                    store_unit(str(cache.folder), key, result, fences=highlighted)
                    pack = packs(len(config.entries))
                    result, keys[entry.path] = (light(result[0], pack), result[1]), key
                parsed[entry.path] = result
        candidate = Loaded(None, report, self.loaded.texts | texts, parsed, config, ids, keys, cache, self.root)
        candidate.course = check_parsed(candidate)
        # A file the saved units now name must not lead outside the course or to a hidden file (as in a build).
        check_links_inside(self.root, Loaded(None, report, {}, {p: parsed[p] for p in texts}, config, ids), {})
        if report.errors:
            raise CourseError(report.sorted())
        before = dict(published_files(self.root, self.site.course)) if self.site else {}
        self.loaded = candidate
        self.sources.update({path: keys.get(path) or digest(text) for path, text in texts.items()})
        self.site = Site.create(candidate.course, self.root)
        return report, self._write_changed() + self._copy_new_files(before)

    def _copy_new_files(self, before: dict[str, Path]) -> list[str]:
        """A unit that now shows a picture it did not before (units/fig/new.svg): publish it."""
        assert self.site is not None
        added = [(n, f) for n, f in published_files(self.root, self.site.course) if n not in before]
        for name, file in added:
            (self.out / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(file, self.out / name)
        return [name for name, _ in added]

    def _write_changed(self) -> list[str]:
        assert self.site is not None
        written = []
        for unit in self.site.course.units:
            signature = self._signature(unit.id)
            if self.signatures.get(unit.id) != signature:
                assert self.loaded is not None
                page = render_unit(self.site, self.loaded.full(unit))
                write_if_changed(self.out / unit.href, page, self.written, unit.href)
                self.signatures[unit.id] = signature
                written.append(unit.href)
        for name, text in self._shared_pages().items():
            if write_if_changed(self.out / name, text, self.written, name):
                written.append(name)
        return written

    def _shared_pages(self) -> dict[str, str]:
        assert self.site is not None
        return {
            "index.html": render_page(self.site, "index"),
            "progress.html": render_page(self.site, "progress"),
            "_static/course-data.js": course_data_js(self.site),
        }

    def update_search_index(self) -> bool:
        """Rewrite the search index if the lessons' words changed. It reads every unit, so serve
        calls it after the browser has been told to reload: the teacher sees the save first."""
        assert self.site is not None
        name = "_static/search-index.js"
        return write_if_changed(self.out / name, search_index_js(self.site.course), self.written, name)

    def _signature(self, unit_id: str) -> str:
        assert self.site is not None and self.loaded is not None
        site = self.site
        index = site.position[unit_id]
        units = site.course.units
        unit = units[index]
        neighbours = [units[i].id for i in (index - 1, index + 1) if 0 <= i < len(units)]
        related: list[Any] = [site.refs[n] for n in neighbours]
        related += [site.refs.get(r) for r in unit.requires or ()]
        source = self.sources.get(unit.path, "")
        return repr((source, unit.order, unit.section, unit.requires, neighbours, related))
