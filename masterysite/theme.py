"""Theme lookup: the course's theme/ folder first, then the default theme, file by file."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape


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


@functools.lru_cache(maxsize=8)
def _environment(dirs: tuple[Path, ...]) -> Environment:
    loader = FileSystemLoader([str(d / "templates") for d in dirs if (d / "templates").is_dir()])
    return Environment(
        loader=loader,
        autoescape=select_autoescape(["html", "htm", "xml", "j2"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def environment(course_dir: Path) -> Environment:
    """One compiled environment per theme set, shared by every page of a build."""
    return _environment(tuple(theme_dirs(course_dir)))


def strings(course_dir: Path, language: str) -> dict[str, Any]:
    """UI strings of ``language``; English fills any key a translation lacks."""
    files = [folder / "strings.yml" for folder in reversed(theme_dirs(course_dir))]
    stamps = tuple((f, f.stat().st_mtime_ns) for f in files if f.is_file())
    return dict(_strings(stamps, language))


@functools.lru_cache(maxsize=16)
def _strings(stamps: tuple[tuple[Path, int], ...], language: str) -> dict[str, Any]:
    tables = []
    for file, _mtime in stamps:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        tables.append(yaml.load(file.read_text(encoding="utf-8"), Loader=loader) or {})
    merged: dict[str, Any] = {}
    for lang in dict.fromkeys(("en", language)):
        for data in tables:
            merged.update({str(k): v for k, v in (data.get(lang) or {}).items()})
    return merged


def static_files(course_dir: Path) -> dict[str, Path]:
    """Relative name -> file, the course's own static files overriding the default theme's."""
    files: dict[str, Path] = {}
    for folder in reversed(theme_dirs(course_dir)):
        static = folder / "static"
        if static.is_dir():
            for file in sorted(static.rglob("*")):
                if file.is_file():
                    files[file.relative_to(static).as_posix()] = file
    return files


def theme_files(course_dir: Path) -> list[Path]:
    """Every file a build reads from the themes (for serve: a change rebuilds everything)."""
    out: list[Path] = []
    for folder in theme_dirs(course_dir):
        out.extend(p for p in folder.rglob("*") if p.is_file())
    return out
