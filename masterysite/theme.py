"""Theme lookup: the course's theme/ folder first, then the default theme, file by file."""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.ext import Extension
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from masterysite import yamlutil
from masterysite.config import LANGUAGE_TAG, LANGUAGES, RIGHT_TO_LEFT, primary, read_text
from masterysite.errors import MasteryError, Report
from masterysite.parse.latex import named_math
from masterysite.plurals import FORMS, plural_key
from masterysite.suggest import unknown, unknown_key


def default_theme_dir() -> Path:
    """Installed wheels carry the theme inside the package; a source checkout has it beside it."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "themes" / "default", here.parent / "themes" / "default"):
        if (candidate / "templates").is_dir():
            return candidate
    raise FileNotFoundError("the default theme is missing from this installation of masterysite")


def theme_dirs(course_dir: Path) -> list[Path]:
    """Folders to look in, most specific first."""
    own = course_dir / "theme"
    return [own, default_theme_dir()] if own.is_dir() else [default_theme_dir()]


_DICT_NAMES = frozenset(dir(dict))


class CourseSandbox(SandboxedEnvironment):
    """Jinja's sandbox, with ``page.title`` on a plain dict (what every page context is made of)
    taken straight from the dict. Jinja tries the attribute first and catches the AttributeError;
    a dict has no attribute of that name unless ``dict`` itself does, so the value is the same and
    each page renders in half the time. Everything else (attributes, methods, ``__class__``) goes
    through the sandbox's own checks."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_NAMES:
            try:
                return obj[attribute]
            except LookupError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


_KEPT_AS_WRITTEN = re.compile(r"(<pre\b.*?</pre\s*>|<textarea\b.*?</textarea\s*>)", re.S | re.I)


class Unindented(Extension):
    """A template's lines without their indentation: the pages' HTML reads the same, and a unit page of a
    big course is lighter (170 bytes gzipped of its 60 KB budget: issue 12). What a template holds in a
    ``<pre>`` or a ``<textarea>`` keeps its spaces; the lesson's HTML is a value, never touched."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        parts = _KEPT_AS_WRITTEN.split(source)  # (text, kept, text, …)
        return "".join(part if i % 2 else re.sub(r"\n[ \t]+", "\n", part) for i, part in enumerate(parts))


def _jinja_version() -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", jinja2.__version__)[:3])


@functools.lru_cache(maxsize=8)
def _environment(folders: tuple[Path, ...]) -> Environment:
    """Every template, the default theme's too, renders in Jinja's sandbox: a course's own
    templates come from whoever contributed to it, and must not reach Python internals
    (``cycler.__init__.__globals__.os``) during a build or a check."""
    if len(folders) > 1 and _jinja_version() < (3, 1, 6):  # a course's own templates, in a sandbox with holes
        raise MasteryError(
            f"{folders[0]}: the course has templates of its own, and this Jinja ({jinja2.__version__}) has known"
            " ways out of its sandbox (CVE-2024-56326, CVE-2025-27516): upgrade it (pip install 'jinja2>=3.1.6')"
        )
    loader = FileSystemLoader([str(folder) for folder in folders])
    env = CourseSandbox(
        loader=loader,
        autoescape=select_autoescape(["html", "htm", "xml", "j2"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=[Unindented],
    )
    env.tests["rtl"] = written_right_to_left
    env.filters["named_math"] = lambda shown: Markup(named_math(str(shown)))  # (a question's, a choice's)
    env.globals["plural_key"] = plural_key  # ('quiz_intro_two' for 2 questions in Arabic: plurals.py)
    return env


# A letter of a script written right to left: Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")


def written_right_to_left(text: object) -> bool:
    """Whether a text holds a letter written right to left (the templates' test ``is rtl``): a choice of an
    Arabic course with none ('1.20 × 10^3', 'H2O') is laid out left to right, as the lesson's formulas are;
    right to left, '1.2 × 10^-3' was painted '3-^10 × 1.2' (new teacher hh 1)."""
    return _RIGHT_TO_LEFT.search(str(text)) is not None


@contextlib.contextmanager
def templates_read_once(env: Environment) -> Iterator[None]:
    """For one build: each template is read (or taken from the compiled cache) once, not compared
    with its file's time at every page that uses it (Jinja's auto_reload: 5% of rendering a page).
    The templates read before are dropped first: the environment outlives a build (serve), and a
    template edited since must be read again."""
    if not env.auto_reload or env.cache is None:
        yield
        return
    env.cache.clear()
    env.auto_reload = False
    try:
        yield
    finally:
        env.auto_reload = True


def environment(course_dir: Path) -> Environment:
    """One compiled environment per theme set, shared by every page of a build."""
    # keyed on the template folders that exist now, so a theme/templates/ added during serve counts
    return _environment(tuple(d / "templates" for d in theme_dirs(course_dir) if (d / "templates").is_dir()))


def strings(course_dir: Path, language: str) -> dict[str, Any]:
    """UI strings of ``language``; English fills any key a translation lacks."""
    files = [folder / "strings.yml" for folder in reversed(theme_dirs(course_dir))]
    stamps = tuple((f, f.stat().st_mtime_ns) for f in files if f.is_file())
    return dict(_strings(stamps, language))


# How a language writes a decimal (Unicode's CLDR), where the default theme has no texts in it: Portuguese,
# Italian, Dutch, Russian… a comma. And a region that writes it otherwise than its language: Switzerland's and
# Mexico's a point (German and Spanish write a comma), South Africa's and the Maghreb's a comma (round gg).
# A course's own 'decimal_mark' in theme/strings.yml, under the language or the region, comes first.
_COMMA_LANGUAGES = "af az be bg bs ca cs da de el es et eu fi fo fr gl hr hu hy id is it ka kk ky lt lv mk mn nb"
_POINT_REGIONS = "de-ch de-li it-ch es-mx es-us es-419 es-pr es-do es-gt es-hn es-ni es-pa es-sv"
DECIMAL_MARKS = {
    **dict.fromkeys(f"{_COMMA_LANGUAGES} nl nn no pl pt ro ru sk sl sq sr sv tr uk uz vi".split(), ","),
    **dict.fromkeys(_POINT_REGIONS.split(), "."),
    **dict.fromkeys(("en-za", "ar-dz", "ar-ma", "ar-tn"), ","),
}


@functools.lru_cache(maxsize=16)
def _strings(stamps: tuple[tuple[Path, int], ...], language: str) -> dict[str, Any]:
    tables = []
    for file, _mtime in stamps:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        tables.append(yaml.load(file.read_text(encoding="utf-8"), Loader=loader) or {})
    if tables and stamps[0][0] == default_theme_dir() / "strings.yml":
        default = tables[0] = dict(tables[0])  # (a copy: what the theme says, and the marks it leaves out)
        for lang in dict.fromkeys((primary(language), language)):
            mark = DECIMAL_MARKS.get(lang.lower())
            if mark is not None and "decimal_mark" not in (default.get(lang) or {}):
                default[lang] = {**(default.get(lang) or {}), "decimal_mark": mark}
    merged: dict[str, Any] = {}
    english: set[str] = set()  # the texts no table of the language gives: shown in English
    for lang in dict.fromkeys(("en", primary(language), language)):  # ('pt-BR': English, then 'pt', then its own)
        for data in tables:
            texts = {str(k): v for k, v in (data.get(lang) or {}).items()}
            merged.update(texts)
            english = english | set(texts) if lang == "en" else english - set(texts)
    if primary(language) in RIGHT_TO_LEFT:  # an English text in a right-to-left page: isolated, left to right,
        for key in english:  # or the bidi algorithm turns it round ("of 2 units mastered 0"; new teacher hh 2)
            if isinstance(merged[key], str) and re.search("[A-Za-z]", merged[key]):
                merged[key] = f"\u2066{merged[key]}\u2069"
    return merged


def static_files(course_dir: Path) -> dict[str, Path]:
    """Relative name -> file, the course's own static files overriding the default theme's.
    Hidden files and folders (``.git/``, ``.env``) are never published."""
    files: dict[str, Path] = {}
    for folder in reversed(theme_dirs(course_dir)):
        static = folder / "static"
        if static.is_dir():
            for file in sorted(static.rglob("*")):
                name = file.relative_to(static).as_posix()
                if file.is_file() and not any(part.startswith(".") for part in name.split("/")):
                    files[name] = file
    return files


def theme_files(course_dir: Path) -> list[Path]:
    """Every file a build reads from the themes (for serve: a change rebuilds everything)."""
    out: list[Path] = []
    for folder in theme_dirs(course_dir):
        out.extend(p for p in folder.rglob("*") if p.is_file())
    return out


def check_placed(course_dir: Path, report: Report) -> None:
    """A copy of one of the theme's templates or scripts at the top of theme/ ('theme/base.html'), where nothing
    reads it: the override had been ignored with no word (new teacher ee 10). An error naming where it goes."""
    folder = course_dir / "theme"
    default = default_theme_dir()
    for file in sorted(folder.iterdir()) if folder.is_dir() else ():
        for kind in ("templates", "js", "static"):
            if file.is_file() and (default / kind / file.name).is_file():
                name = file.name
                report.error(
                    f"theme/{name}",
                    0,
                    f"not read here: a file that replaces the theme's {name} goes in theme/{kind}/{name}",
                )
                break


def check_strings(course_dir: Path, report: Report) -> None:
    """A course's theme/strings.yml: languages, then keys of the default theme's table.

    A mistake here would otherwise be silently ignored (the default wording stays)."""
    file = course_dir / "theme" / "strings.yml"
    if not file.is_file():
        return
    shown = "theme/strings.yml"
    text = read_text(file, shown, report)
    data = yamlutil.load(text, shown, report) if text is not None else None
    if data is None:
        return
    if not isinstance(data, yamlutil.LineDict):
        message = "strings.yml must map a language to its texts, like 'en:' then '  check_answers: Submit'"
        report.error(shown, 1, message)
        return
    defaults = yaml.safe_load((default_theme_dir() / "strings.yml").read_text(encoding="utf-8")) or {}
    keys = sorted(defaults.get("en") or {})
    for lang, table in data.items():
        line = data.line_of(lang)
        if lang in keys:
            report.error(shown, line, f"'{lang}' is not a language: put the texts under one, like 'en:'")
        elif lang not in defaults and lang not in LANGUAGES and LANGUAGE_TAG.fullmatch(str(lang)) is None:
            report.error(shown, line, unknown("language", lang, list(LANGUAGES)))
        elif not isinstance(table, yamlutil.LineDict):
            report.error(shown, line, f"'{lang}:' must be followed by indented 'key: text' lines")
        else:
            _check_table(table, keys, shown, report, defaults.get("en") or {})


def check_translation(course_dir: Path, language: str, report: Report) -> None:
    """A language masterysite has no texts of its own for (Arabic, Portuguese, Japanese…: the course supplies
    them in theme/strings.yml): the texts the course leaves out are shown in English (in a right-to-left
    page, their punctuation and arrows turned round). Said once, with how many and the first few
    (new teacher u 9: a course with no strings at all had passed check)."""
    default = default_theme_dir() / "strings.yml"
    tables = yaml.load(default.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    tables = tables if isinstance(tables, dict) else {}
    if primary(language) in tables:  # (its texts, and a regional tag's: 'es-MX' has Spanish's)
        return
    own = course_dir / "theme" / "strings.yml"
    try:  # (a mistake in it is check_strings' to name, with its line: ii new 7 had been an internal error)
        data = yaml.safe_load(own.read_text(encoding="utf-8")) if own.is_file() else None
    except (yaml.YAMLError, OSError, UnicodeDecodeError):
        return
    translated: set[str] = set()
    for lang in dict.fromkeys((primary(language), language)):  # ('pt-BR': the texts of 'pt' and its own)
        table = data.get(lang) if isinstance(data, dict) else None
        translated |= set(table) if isinstance(table, dict) else set()
    keys = list(tables.get("en") or {})
    missing = [key for key in keys if key not in translated]
    if not missing:
        return
    where = "theme/strings.yml" if own.is_file() else "course.yml"
    lacks = f"lacks {len(missing)} of its {len(keys)} texts" if translated else f"has none of its {len(keys)} texts"
    message = (
        f"language '{language}': masterysite has no texts of its own in it, and theme/strings.yml {lacks} (such as"
        f" {', '.join(missing[:3])}): those are shown in English. Copy the 'en:' texts of {default} under"
        f" '{language}:' in theme/strings.yml and translate them"
    )
    report.warn(where, 0, message, "untranslated")


def _check_table(
    table: yamlutil.LineDict, keys: list[str], shown: str, report: Report, english: dict[str, Any]
) -> None:
    counted = {key[: -len("_one")] for key in keys if key.endswith("_one")}  # (the keys with plural forms)
    keys = keys + [f"{key}_{form}" for key in sorted(counted) for form in FORMS if f"{key}_{form}" not in keys]
    for key, value in table.items():
        if key not in keys:
            report.error(shown, table.line_of(key), unknown_key(key, keys).split(" (valid keys")[0])
        elif not isinstance(value, str):
            report.error(shown, table.line_of(key), f"'{key}' must be a text")
        else:  # a placeholder nothing fills in ('{percnt}') was shown as written to every student (ii new 8)
            filled = set(_PLACEHOLDER.findall(str(english.get(key) or english.get(key.rsplit("_", 1)[0]) or "")))
            wrong = [name for name in dict.fromkeys(_PLACEHOLDER.findall(value)) if filled and name not in filled]
            if wrong:
                message = (
                    f"'{key}' has '{{{wrong[0]}}}', which nothing fills in: students would read it as written; its"
                    f" places are {', '.join(f'{{{name}}}' for name in sorted(filled))}"
                )
                report.error(shown, table.line_of(key), message)


_PLACEHOLDER = re.compile(r"\{([A-Za-z_]\w*)\}")
