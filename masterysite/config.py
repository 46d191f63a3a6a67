"""course.yml -> a validated CourseConfig (every problem reported with its line)."""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction
from pathlib import Path
from typing import Any

from masterysite import yamlutil
from masterysite.errors import Report
from masterysite.model import CourseConfig, UnitEntry
from masterysite.suggest import closest, unknown

COURSE_FILE = "course.yml"
COURSE_KEYS = ("title", "id", "author", "language", "mastery", "units")
LANGUAGES = ("en", "es", "fr", "de")
DEFAULT_MASTERY = Fraction(4, 5)


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphenated: 'Fractions, One Step' -> 'fractions-one-step'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "course"


def parse_mastery(value: Any) -> Fraction | None:
    """'80%', '80 %', 0.8, 1 or '4/5' -> an exact Fraction; None if not a proportion."""
    if isinstance(value, bool):
        return None
    text = str(value).strip()
    try:
        if text.endswith("%"):
            return Fraction(text[:-1].strip()) / 100
        return Fraction(text)
    except (ValueError, ZeroDivisionError):
        return None


def check_mastery(value: Any, path: str, line: int, report: Report) -> Fraction | None:
    share = parse_mastery(value)
    if share is None or not 0 < share <= 1:
        report.error(path, line, f"mastery must be a percentage in (0, 100%], like 80% or 0.8; got '{value}'")
        return None
    return share


def read_text(file: Path, shown: str, report: Report) -> str | None:
    """The file as text; a clear error (never a traceback) when it is not UTF-8 or unreadable."""
    try:
        data = file.read_bytes()
    except OSError as exc:
        report.error(shown, 0, f"cannot read the file: {exc.strerror or exc}")
        return None
    if b"\x00" in data[:8192]:
        report.error(shown, 0, "this is a binary file, not UTF-8 text")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        report.error(shown, line, f"file is not UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_config(root: Path, report: Report) -> CourseConfig | None:
    """Read and validate course.yml; None when it is too broken to go on."""
    file = root / COURSE_FILE
    if not file.is_file():
        report.error(COURSE_FILE, 0, f"no {COURSE_FILE} in {root} (is this a course folder?)")
        return None
    text = read_text(file, COURSE_FILE, report)
    if text is None:
        return None
    data = yamlutil.load(text, COURSE_FILE, report)
    if data is None and not report.errors:
        report.error(COURSE_FILE, 1, "course.yml is empty: it needs at least 'title: ...'")
    if not isinstance(data, yamlutil.LineDict):
        if data is not None:
            report.error(COURSE_FILE, 1, "course.yml must be a mapping of keys, like 'title: My course'")
        return None
    return _validate(root, data, report)


def _validate(root: Path, data: yamlutil.LineDict, report: Report) -> CourseConfig | None:
    path = COURSE_FILE
    for key in data:
        if key not in COURSE_KEYS:
            report.error(path, data.line_of(key), unknown("key", key, COURSE_KEYS, listing=False))
    title = data.get("title")
    if not isinstance(title, (str, int, float)) or not str(title).strip():
        report.error(path, data.line_of("title") or 1, "missing title: add 'title: Your course title'")
        title = ""
    title = str(title).strip()
    course_id = str(data.get("id") or slugify(title))
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", course_id):
        report.error(path, data.line_of("id"), f"id '{course_id}' may use only letters, digits, '.', '_' and '-'")
    author = data.get("author")
    language = str(data.get("language") or "en")
    if language not in LANGUAGES:
        report.error(path, data.line_of("language"), unknown("language", language, LANGUAGES))
    mastery = DEFAULT_MASTERY
    if "mastery" in data:
        mastery = check_mastery(data["mastery"], path, data.line_of("mastery"), report) or DEFAULT_MASTERY
    entries = _entries(root, data, report)
    return CourseConfig(
        title=title,
        id=course_id,
        author=str(author) if author is not None else None,
        language=language,
        mastery=mastery,
        entries=tuple(entries),
    )


def discover(root: Path) -> list[str]:
    """Default order: units/*.md sorted by file name."""
    folder = root / "units"
    return sorted(p.name for p in folder.glob("*.md") if p.is_file()) if folder.is_dir() else []


def _entries(root: Path, data: yamlutil.LineDict, report: Report) -> list[UnitEntry]:
    if "units" not in data or data["units"] is None:
        return [UnitEntry(f"units/{name}", None, 0) for name in discover(root)]
    units = data["units"]
    if not isinstance(units, yamlutil.LineList):
        report.error(COURSE_FILE, data.line_of("units"), "units must be a list of unit files and sections")
        return []
    entries: list[UnitEntry] = []
    for index, item in enumerate(units):
        line = units.line_of(index)
        if isinstance(item, yamlutil.LineDict):
            entries.extend(_section(root, item, report))
        else:
            entries.extend(_file_entry(root, item, None, line, report))
    _check_listing(root, entries, report)
    return entries


def _section(root: Path, item: yamlutil.LineDict, report: Report) -> list[UnitEntry]:
    for key in item:
        if key not in ("section", "units"):
            report.error(COURSE_FILE, item.line_of(key), unknown("key", key, ("section", "units"), listing=False))
    name = item.get("section")
    if not isinstance(name, (str, int, float)) or not str(name).strip():
        report.error(COURSE_FILE, item.line, "a section needs a name: '- section: Name' with 'units: [...]'")
        return []
    units = item.get("units")
    if not isinstance(units, yamlutil.LineList) or not units:
        report.error(COURSE_FILE, item.line_of("units"), f"section '{name}' needs a list of units: 'units: [a.md, b.md]'")
        return []
    out: list[UnitEntry] = []
    for index, value in enumerate(units):
        out.extend(_file_entry(root, value, str(name).strip(), units.line_of(index), report))
    return out


def _file_entry(root: Path, value: Any, section: str | None, line: int, report: Report) -> list[UnitEntry]:
    if not isinstance(value, str) or not value.strip():
        report.error(COURSE_FILE, line, f"expected a unit file name like 'fractions.md', got {value!r}")
        return []
    name = value.strip()
    relative = name if name.startswith("units/") else f"units/{name}"
    if not relative.endswith(".md"):
        relative += ".md"
    if not (root / relative).is_file():
        message = f"unit file '{relative}' not found"
        match = closest(Path(relative).name, discover(root))
        report.error(COURSE_FILE, line, message + (f" — did you mean '{match}'?" if match else ""))
        return []
    return [UnitEntry(relative, section, line)]


def _check_listing(root: Path, entries: list[UnitEntry], report: Report) -> None:
    seen: dict[str, int] = {}
    for entry in entries:
        if entry.path in seen:
            report.error(COURSE_FILE, entry.line, f"'{entry.path}' is listed twice (first on line {seen[entry.path]})")
        seen.setdefault(entry.path, entry.line)
    for name in discover(root):
        if f"units/{name}" not in seen:
            report.warn(f"units/{name}", 0, "not listed in course.yml 'units', so it is not built", "unlisted")
