"""course.yml -> a validated CourseConfig (every problem reported with its line)."""

from __future__ import annotations

import os
import posixpath
import re
import stat
import unicodedata
from fractions import Fraction
from pathlib import Path
from typing import Any

from masterysite import yamlutil
from masterysite.errors import WARNING_CODES, Report
from masterysite.model import CourseConfig, UnitEntry
from masterysite.suggest import closest, describe, misspelt, unknown, unknown_key

COURSE_FILE = "course.yml"
COURSE_KEYS = (
    *("title", "id", "author", "language", "mastery", "units"),
    *("extra_keys", "ignore", "safe_html", "csp", "macros"),
)
LANGUAGES = ("en", "es", "fr", "de", "ar", "he", "fa")  # the theme's own texts: en, es, fr, de (ar, he, fa: none)
RIGHT_TO_LEFT = ("ar", "he", "fa", "ur", "ps", "sd", "yi", "dv", "ug", "ckb")  # dir="rtl": the pages mirror
# Any other language by its tag (BCP 47: 'pt', 'pt-BR', 'ja', 'zh-Hant'), whose texts the course gives in
# theme/strings.yml (new teacher ff 2, port ff 16: 'pt' had been refused, and 'es' the only way out)
LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def primary(language: str) -> str:
    """'pt-BR' -> 'pt': the language whose texts and direction a regional tag takes."""
    return language.split("-", 1)[0]


DEFAULT_MASTERY = Fraction(4, 5)


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphenated: 'Fractions, One Step' -> 'fractions-one-step'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "course"


_PROPORTION = re.compile(r"^[+-]?(?:\d{1,9}(?:\.\d{0,12})?|\.\d{1,12})$")
_RATIO = re.compile(r"^\d{1,9}\s*/\s*\d{1,9}$")
MAX_TEXT_BYTES = 5_000_000  # no course file is this large; a bigger one is a mistake


def parse_mastery(value: Any) -> Fraction | None:
    """'80%', '80 %', 0.8, 1 or '4/5' -> an exact Fraction; None if not a proportion."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    text = str(value).strip()
    percent = text.endswith("%")
    number = text[:-1].strip() if percent else text
    if not (_PROPORTION.match(number) or (_RATIO.match(number) and not percent)):
        return None  # also keeps '1e999999999' from computing a huge power of ten
    try:
        share = Fraction(number.replace(" ", ""))
    except (ValueError, ZeroDivisionError):
        return None
    return share / 100 if percent else share


def check_mastery(value: Any, path: str, line: int, report: Report) -> Fraction | None:
    share = parse_mastery(value)
    if share is not None and 0 < share < Fraction(1, 10) and str(value).strip().endswith("%"):
        text = str(value).strip()[:-1].strip()
        message = f"mastery {value} lets a student master the unit with almost nothing right"
        if re.fullmatch(r"0?\.\d+", text):  # '0.8%': 0.8 and 80% mixed
            message += f" — did you mean '{float(text) * 100:g}%' (or '{text}')?"
        report.warn(path, line, message, "low-mastery")
    if share is not None and 0 < share <= 1:
        return share
    message = f"mastery must be a percentage in (0, 100%], like 80% or 0.8; got '{value}'"
    text = str(value).strip()
    if share is not None and share.denominator == 1 and 1 < share <= 100 and not text.endswith("%"):
        message += f" — did you mean '{value}%'?"
    elif re.fullmatch(r"0,\d+", text):
        message += f" — did you mean '{text.replace(',', '.')}' (with a point)?"
    report.error(path, line, message)
    return None


def is_file(path: Path) -> bool:
    """Path.is_file that answers False (instead of raising) for names no file system accepts."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def is_dir(path: Path) -> bool:
    """Path.is_dir that answers False (instead of raising) for names no file system accepts."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def nfc(text: str) -> str:
    """One Unicode form for names: macOS (and zips made there) write 'é' as 'e' + accent (NFD),
    while a teacher types it as one character (NFC); both must mean the same file and id."""
    return unicodedata.normalize("NFC", text)


def on_disk(root: Path, relative: str) -> Path | None:
    """The file at ``relative`` (NFC, forward slashes) under ``root``, whatever the Unicode form of
    the names on disk; None if there is none."""
    direct = root / relative
    if is_file(direct):
        return direct
    folder = root
    for part in nfc(relative).split("/"):
        try:
            folder = next(p for p in folder.iterdir() if nfc(p.name) == part)
        except (OSError, StopIteration, ValueError):
            return None
    return folder if is_file(folder) else None


def _looks_utf16(head: bytes) -> bool:
    """UTF-16 without a byte-order mark: ASCII text with a zero byte after (or before) each letter."""
    if len(head) < 8 or b"\x00" not in head:
        return False
    odd, even = head[1::2], head[0::2]
    return odd.count(0) > 0.9 * len(odd) or even.count(0) > 0.9 * len(even)


def read_text(file: Path, shown: str, report: Report) -> str | None:
    """The file as text; a clear error (never a traceback) when it is not UTF-8 or unreadable."""
    data = read_data(file, shown, report)
    return None if data is None else decode_text(data, shown, report)


def read_data(file: Path, shown: str, report: Report) -> bytes | None:
    """The bytes of a course text file (read_text); an error when it cannot be read or is too big."""
    try:
        info = file.stat()
        if not stat.S_ISREG(info.st_mode):  # a named pipe (FIFO) or a device: reading it waits for ever
            report.error(shown, 0, "not a regular file (a named pipe or a device?): remove it or put a file there")
            return None
        if info.st_size > MAX_TEXT_BYTES:
            report.error(shown, 0, "file is larger than 5 MB: is this really a course file?")
            return None
        return file.read_bytes()
    except OSError as exc:
        report.error(shown, 0, f"cannot read the file: {exc.strerror or exc}")
        return None


def decode_text(data: bytes, shown: str, report: Report) -> str | None:
    """The text of a course file's bytes (read_text); an error when they are not UTF-8 text."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or _looks_utf16(data[:200]):
        report.error(shown, 0, "file is saved as UTF-16: save it as UTF-8 (most editors: 'Save with encoding')")
        return None
    if b"\x00" in data[:8192]:
        report.error(shown, 0, "this is a binary file, not UTF-8 text: save it as plain text (UTF-8)")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        report.error(shown, line, f"file is not UTF-8 (byte 0x{data[exc.start]:02x}): save it as UTF-8")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_config(root: Path, report: Report) -> CourseConfig | None:
    """Read and validate course.yml.

    When course.yml is missing or unreadable (already reported), the units found in units/ are still
    returned, so one run reports the problems of the units too; None when there is nothing to check.
    """
    data = _read_config(root, report)
    if data is None:
        entries = tuple(UnitEntry(f"units/{name}", None, 0) for name in discover(root))
        return CourseConfig("", "course", None, "en", DEFAULT_MASTERY, entries) if entries else None
    return _validate(root, data, report)


def _read_config(root: Path, report: Report) -> yamlutil.LineDict | None:
    file = root / COURSE_FILE
    if not is_file(file):
        message = f"not found in {root}: is this a course folder? ('masterysite new DIR' creates one)"
        report.error(COURSE_FILE, 0, message)
        return None
    text = read_text(file, COURSE_FILE, report)
    if text is None:
        return None
    errors = len(report.errors)
    data = yamlutil.load(text, COURSE_FILE, report)
    if data is None and len(report.errors) == errors:
        report.error(COURSE_FILE, 1, "course.yml is empty: it needs at least 'title: ...'")
    if data is not None and not isinstance(data, yamlutil.LineDict):
        report.error(COURSE_FILE, 1, "course.yml must be a mapping of keys, like 'title: My course'")
    return data if isinstance(data, yamlutil.LineDict) else None


def _validate(root: Path, data: yamlutil.LineDict, report: Report) -> CourseConfig | None:
    for key in data:
        if key not in COURSE_KEYS:
            report.error(COURSE_FILE, data.line_of(key), unknown_key(key, COURSE_KEYS))
    title = _title(data, report)
    mastery = DEFAULT_MASTERY
    if "mastery" in data:
        mastery = check_mastery(data["mastery"], COURSE_FILE, data.line_of("mastery"), report) or DEFAULT_MASTERY
    language = _language(data, report)
    return CourseConfig(
        title=title,
        id=_course_id(data, title, report),
        author=_author(data, report),
        language=language,
        mastery=mastery,
        entries=tuple(_entries(root, data, report)),
        extra_keys=_extra_keys(data, report),
        ignore=check_ignore(data.get("ignore"), COURSE_FILE, data.line_of("ignore"), report),
        safe_html=_switch(data, "safe_html", False, report),
        csp=_switch(data, "csp", True, report),
        macros=_macros(data, report),
        decimal_comma=_decimal_comma(root, language),
    )


def _decimal_comma(root: Path, language: str) -> bool:
    """Whether the course writes decimals with a comma (its UI strings' ``decimal_mark``, which the
    language sets and theme/strings.yml may change): then its teachers' numbers are read so too."""
    from masterysite.theme import strings  # (jinja2 with it: only once course.yml is read)

    try:
        return bool(strings(root, language).get("decimal_mark") == ",")
    except Exception:  # an unreadable strings.yml: said where the pages are made (theme.py), not here
        return False


def check_ignore(value: Any, path: str, line: int, report: Report) -> tuple[str, ...]:
    """``ignore: [small-pool, no-alt]`` in course.yml or a unit: warning codes, each one known."""
    if value is None:
        return ()
    items = yamlutil.LineList(line) if isinstance(value, str) else value
    if isinstance(value, str):
        items.append(value)
    if not isinstance(items, list):
        report.error(path, line, "ignore must be a list of warning codes, like 'ignore: [small-pool]'")
        return ()
    codes: list[str] = []
    for index, item in enumerate(items):
        where = items.line_of(index) if isinstance(items, yamlutil.LineList) else line
        code = str(item).strip().strip("[]").strip() if _scalar(item) else ""
        if code in WARNING_CODES:
            codes.append(code)
        else:
            report.error(path, where, "ignore: " + unknown("warning code", code or describe(item), list(WARNING_CODES)))
    return tuple(codes)


# (Marp's 'markdown.marp.enableHtml', Docsy's 'cSpell:ignore', Obsidian's 'primary categories': port bb 11)
_KEY = re.compile(r"[A-Za-z_][\w.: -]*(?<! )")


def _extra_keys(data: yamlutil.LineDict, report: Report) -> tuple[str, ...]:
    """``extra_keys: [teaching, exercises]``: unit front-matter keys of other tools, kept as data."""
    from masterysite.parse.unit import UNIT_KEYS  # the unit parser imports this module

    value, line = data.get("extra_keys"), data.line_of("extra_keys")
    if value is None:
        return ()
    if not isinstance(value, yamlutil.LineList):
        report.error(COURSE_FILE, line, "extra_keys must be a list of key names, like 'extra_keys: [teaching]'")
        return ()
    keys: list[str] = []
    for index, item in enumerate(value):
        key = str(item).strip() if isinstance(item, str) else ""
        if not _KEY.fullmatch(key):
            message = f"extra_keys lists front-matter key names, like 'teaching'; got {describe(item)}"
            report.error(COURSE_FILE, value.line_of(index), message)
        elif key in UNIT_KEYS:
            report.error(COURSE_FILE, value.line_of(index), f"'{key}' is a key of masterysite's own, not an extra key")
        else:
            keys.append(key)
    return tuple(keys)


_COMMAND = re.compile(r"\\?([A-Za-z]+)")


def _macros(data: yamlutil.LineDict, report: Report) -> tuple[tuple[str, int, str], ...]:
    """``macros:`` the course's LaTeX commands, as MathJax's configuration (and a Jupyter Book's
    ``_config.yml``) writes them: ``R: "\\mathbb{R}"``, ``vect: ["\\boldsymbol{#1}", 1]``; each as
    (name, number of arguments, body). A unit's own ``\\newcommand`` of the same name wins."""
    value, line = data.get("macros"), data.line_of("macros")
    if value is None:
        return ()
    if not isinstance(value, yamlutil.LineDict):
        report.error(COURSE_FILE, line, "macros must map command names to what they stand for, like 'R: \\mathbb{R}'")
        return ()
    found: list[tuple[str, int, str]] = []
    for key, item in value.items():
        where, name = value.line_of(key), _COMMAND.fullmatch(str(key))
        body, count = _macro(item)
        used = max((int(n) for n in re.findall(r"#([1-9])", body or "")), default=0)
        if name is None:
            report.error(
                COURSE_FILE, where, f"macros: '{key}' is not a command's name (letters only, like 'R' or 'vect')"
            )
        elif body is None:
            message = (
                f"macros: '{key}' takes what it stands for ('\\mathbb{{R}}'), or a list of that and its number of"
                f" arguments ('[\\boldsymbol{{#1}}, 1]'); got {describe(item)}"
            )
            report.error(COURSE_FILE, where, message)
        elif used > count:
            message = (
                f"macros: '{key}' uses #{used}, so it takes {used} argument{'s' if used > 1 else ''}: ['…', {used}]"
            )
            report.error(COURSE_FILE, where, message)
        else:
            found.append((name[1], count, body))
    return tuple(found)


def _macro(item: Any) -> tuple[str | None, int]:
    """A macro's value: "body", or [body, number of arguments]; (None, 0) when it is neither."""
    if isinstance(item, str):
        return item, 0
    if isinstance(item, list) and len(item) == 2 and isinstance(item[0], str):
        count = item[1]
        if isinstance(count, int) and not isinstance(count, bool) and 0 <= count <= 9:
            return item[0], int(count)
    return None, 0


def _switch(data: yamlutil.LineDict, key: str, default: bool, report: Report) -> bool:
    """An on/off setting: YAML true or false (yes/no/on/off are YAML 1.1's, and read as such)."""
    value = data.get(key, default)
    if value is None:
        return default
    if not isinstance(value, bool):
        report.error(COURSE_FILE, data.line_of(key), f"{key} must be true or false, got {describe(value)}")
        return default
    return value


def _scalar(value: Any) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


YAML_WORDS = "YAML reads no, yes, on and off (any case) as false or true"


def _title(data: yamlutil.LineDict, report: Report) -> str:
    title = data.get("title")
    if isinstance(title, bool):  # 'title: No' (round y 9)
        report.error(COURSE_FILE, data.line_of("title"), f"title: {YAML_WORDS}: put the title in quotes, 'No'")
        return ""
    if not _scalar(title) or not str(title).strip():
        if misspelt("title", data, COURSE_KEYS):
            return ""
        report.error(COURSE_FILE, data.line_of("title") or 1, "missing title: add 'title: Your course title'")
        return ""
    return str(title).strip()


RESERVED_IDS = ("theme",)  # the browser keeps the light/dark setting as "masterysite:theme" (js/theme-switch.js)


def _course_id(data: yamlutil.LineDict, title: str, report: Report) -> str:
    value = data.get("id")
    if value is None or (isinstance(value, str) and not value.strip()):
        course_id = slugify(title)
        if course_id in RESERVED_IDS:  # (a course titled "Theme")
            message = (
                f"the course's id, made from its title, would be '{course_id}', the name under which the browser keeps"
                " the light or dark setting (switching it would erase this course's progress): add an 'id:' of"
                " its own, like 'id: theme-course'"
            )
            report.error(COURSE_FILE, data.line_of("title") or 1, message)
        dropped = [c for c in title if c.isalpha() and not unicodedata.normalize("NFKD", c).encode("ascii", "ignore")]
        if dropped and course_id not in RESERVED_IDS:  # ('Python 入門' and 'Python 応用' both 'python': ii new 4)
            left = "".join(dict.fromkeys(dropped))
            message = (
                f"the course's id, made from its title, is '{course_id}': an id is written in ASCII, so the title's"
                f" '{left[:12]}' are left out, and another course titled alike on the same site would share its"
                f" students' progress (mastering a unit in one marks it in the other): add an 'id:' of its own,"
                f" like 'id: {course_id if course_id != 'course' else 'my-course'}-2026'"
            )
            report.warn(COURSE_FILE, data.line_of("title") or 1, message, "course-id")
        return course_id
    course_id = str(value).strip() if _scalar(value) else ""
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", course_id):
        suggested = slugify(course_id) if course_id else ""
        message = (  # (new teacher cc 10: '_notes' was told it may use '_'; ee 5: 'théorie' had been told nothing)
            f"id '{course_id or value}' must start with a letter or a digit, then use only letters without accents,"
            " digits, '.', '_' and '-', like 'fractions-101'"
            + (
                f": write 'id: {suggested}'"
                if suggested and re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", suggested)
                else ""
            )
        )
        report.error(COURSE_FILE, data.line_of("id"), message)
        return slugify(title)
    if course_id in RESERVED_IDS:
        message = (
            f"id '{course_id}' is the name under which the browser keeps the light or dark setting (switching it"
            f" would erase this course's progress): choose another, like 'id: {course_id}-course'"
        )
        report.error(COURSE_FILE, data.line_of("id"), message)
    return course_id


def _author(data: yamlutil.LineDict, report: Report) -> str | None:
    author = data.get("author")
    if author is None:
        return None
    if not _scalar(author):
        report.error(COURSE_FILE, data.line_of("author"), "author must be a name, like 'author: Ms. Rivera'")
        return None
    return str(author)


def _language(data: yamlutil.LineDict, report: Report) -> str:
    if isinstance(data.get("language"), bool):  # 'language: no' (Norwegian) had built in English, unsaid (round y 9)
        report.error(COURSE_FILE, data.line_of("language"), f"language: {YAML_WORDS}: put it in quotes, 'no'")
        return "en"
    language = str(data.get("language") or "en").strip()
    if language not in LANGUAGES and LANGUAGE_TAG.fullmatch(language) is None:
        message = unknown("language", language, LANGUAGES)
        if LANGUAGE_TAG.fullmatch(dashed := language.replace("_", "-")):  # ('pt_BR', as a locale writes it)
            message = f"language '{language}': write '{dashed}' (a code's parts are joined by '-')"
        elif not message.endswith("?"):  # (no close one: how to write another)
            message += "; another language by its code, like 'pt' or 'pt-BR', its texts in theme/strings.yml"
        report.error(COURSE_FILE, data.line_of("language"), message)
        return "en"
    return language


OTHER_FORMATS = {
    ".qmd": "rename it to '{md}' (its Markdown is read as it is)",
    ".rmd": "knit it to Markdown, as '{md}' (its code chunks are never run here)",
    ".ipynb": "convert it to Markdown, as '{md}' (jupytext --to myst, or jupyter nbconvert --to markdown)",
    ".rst": "convert it to Markdown, as '{md}' (pandoc)",
}
"""Lesson files of other tools, and how each becomes a unit file."""


def discover(root: Path) -> list[str]:
    """Default order: units/*.md sorted by file name; not a hidden file, as a shell's glob reads it (a Mac's
    '._01-a.md', AppleDouble on a USB stick or in a zip, had been a unit that broke the build: new ee 13)."""
    return sorted(nfc(name) for name in unit_files(root) if name.endswith(".md") and not name.startswith("."))


def unit_files(root: Path) -> frozenset[str]:
    """The names of the files in units/ (links followed), from one listing of the folder: the
    folder's own names, not a call per file (1,000 units: 2,000 stat calls fewer)."""
    try:
        with os.scandir(root / "units") as entries:
            return frozenset(entry.name for entry in entries if _is_file(entry))
    except (OSError, ValueError):
        return frozenset()


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _entries(root: Path, data: yamlutil.LineDict, report: Report) -> list[UnitEntry]:
    if "units" not in data or data["units"] is None:
        if not (root / "units").is_dir():
            message = "no units/ folder: create units/ next to course.yml, one Markdown file per unit"
            report.error(COURSE_FILE, 0, message)
        found = discover(root)
        others = sorted(n for n in unit_files(root) if posixpath.splitext(n)[1].lower() in OTHER_FORMATS)
        if not found and others:
            stem, kind = posixpath.splitext(others[0])
            how = OTHER_FORMATS[kind.lower()].format(md=f"units/{stem}.md")
            message = f"units/ holds {len(others)} lesson file(s) of another tool and no .md file: 'units/{others[0]}':"
            report.error(COURSE_FILE, 0, f"{message} {how}")
        return [UnitEntry(f"units/{name}", None, 0) for name in found]
    units = data["units"]
    if not isinstance(units, yamlutil.LineList):
        report.error(
            COURSE_FILE, data.line_of("units"), "units must be a list of unit files and sections, like 'units: [a.md]'"
        )
        return []
    if not units and discover(root):  # 'units: []' beside units/*.md (round y 16): had been 'add Markdown files'
        message = (
            "units lists no unit: list the files of units/ here, or remove 'units:' to build them all in name order"
        )
        report.error(COURSE_FILE, data.line_of("units"), message)
        return []
    entries: list[UnitEntry] = []
    files = unit_files(root)
    missing: list[tuple[str, int]] = []
    for index, item in enumerate(units):
        line = units.line_of(index)
        if isinstance(item, yamlutil.LineDict):
            entries.extend(_section(root, item, report, files, missing))
        else:
            entries.extend(_file_entry(root, item, None, line, report, files, missing))
    _report_missing(root, entries, missing, report)
    _check_listing(root, entries, report)
    return entries


def _report_missing(root: Path, entries: list[UnitEntry], missing: list[tuple[str, int]], report: Report) -> None:
    """A listed unit file that is not there, with the unlisted file it may have meant: only those
    (a folder renamed under 700 listed units took 10 s to suggest each among all the files)."""
    listed = {entry.path for entry in entries}
    unlisted = [name for name in discover(root) if f"units/{name}" not in listed] if missing else []
    for relative, line in missing:
        match = closest(Path(relative).name, unlisted) if unlisted else None
        hint = f" — did you mean '{match}'?" if match else ""
        report.error(COURSE_FILE, line, f"unit file '{relative}' not found{hint}")


SECTION_KEYS = ("section", "units")


def _section(
    root: Path, item: yamlutil.LineDict, report: Report, files: frozenset[str], missing: list[tuple[str, int]]
) -> list[UnitEntry]:
    for key in item:
        if key not in SECTION_KEYS:
            report.error(COURSE_FILE, item.line_of(key), unknown_key(key, SECTION_KEYS, " in a section"))
    name = item.get("section")
    if not _scalar(name) or not str(name).strip():
        report.error(COURSE_FILE, item.line, "a section needs a name: '- section: Name' with 'units: [...]'")
        return []
    units = item.get("units")
    if not isinstance(units, yamlutil.LineList) or not units:
        report.error(
            COURSE_FILE, item.line_of("units"), f"section '{name}' needs a list of units: 'units: [a.md, b.md]'"
        )
        return []
    out: list[UnitEntry] = []
    for index, value in enumerate(units):
        if isinstance(value, yamlutil.LineDict):
            report.error(COURSE_FILE, units.line_of(index), "sections cannot be nested: list unit files here")
            continue
        out.extend(_file_entry(root, value, str(name).strip(), units.line_of(index), report, files, missing))
    return out


def _file_entry(
    root: Path,
    value: Any,
    section: str | None,
    line: int,
    report: Report,
    files: frozenset[str],
    missing: list[tuple[str, int]],
) -> list[UnitEntry]:
    """``files``: unit_files(root), where a name spelled as on disk is found without a call;
    ``missing``: gets the files not found (reported once every listed file is known)."""
    if not isinstance(value, str) or not value.strip():
        report.error(COURSE_FILE, line, f"expected a unit file name like 'fractions.md', got {describe(value)}")
        return []
    name = nfc(value.strip())
    relative = posixpath.normpath(name if name.startswith("units/") else f"units/{name}")
    other = posixpath.splitext(relative)[1].lower()
    if other in OTHER_FORMATS:
        stem = posixpath.splitext(relative)[0]
        report.error(
            COURSE_FILE, line, f"'{name}': units are Markdown files: {OTHER_FORMATS[other].format(md=stem + '.md')}"
        )
        return []
    if not relative.endswith(".md"):
        relative += ".md"
    if not relative.startswith("units/") or "/" in relative[len("units/") :]:
        report.error(COURSE_FILE, line, f"'{name}': unit files must be directly in the units/ folder")
        return []
    if relative[len("units/") :] not in files and on_disk(root, relative) is None:
        target = root / relative
        if target.exists() and not target.is_file() and not target.is_dir():  # (stat only: a FIFO is never read)
            message = f"unit file '{relative}' is not a regular file (a named pipe or a device?): remove it or put"
            message += " a file there"
            report.error(COURSE_FILE, line, message)
            return []
        missing.append((relative, line))
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
