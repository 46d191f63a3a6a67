"""What a unit parse needs besides the text, and a unit's id without a parse.

Kept apart from parse/unit.py so that a build with nothing to parse (every unit in the
cache) never imports the Markdown parser, its plugins, Pygments and latex2mathml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from masterysite.config import nfc

if TYPE_CHECKING:
    from masterysite.model import CourseConfig

_PREFIX = re.compile(r"^\d+[-_. ]*")  # '02-', '02_', '02. ', '01_-_'


def default_id(path: str) -> str:
    """``units/02-equivalent-fractions.md`` -> ``equivalent-fractions``."""
    stem = nfc(Path(path).stem)
    stem = re.sub(r"[^\w-]+", "-", stem).strip("-") or stem  # 'My unit #2' -> 'My-unit-2': ids make URLs
    prefix = _PREFIX.match(stem)
    if prefix is None:
        return stem
    rest = stem[prefix.end() :]
    if prefix[0].endswith("__") and rest.endswith("__"):  # '02-__proto__.md': the unit '__proto__'
        rest = "__" + rest
    return rest or stem


def scan_id(text: str, path: str) -> str:
    """The unit id without a full parse (front matter ``id:`` or the file name), for link rewriting."""
    if text.startswith("---"):
        end = text.find("\n---", 3)
        match = re.search(r"^id:\s*['\"]?([\w-]+)", text[: end if end > 0 else 2000], re.M)
        if match:
            return nfc(match.group(1))
    return default_id(path)


@dataclass
class UnitSource:
    """Everything parse_unit needs besides the text, so it can run in a worker process."""

    path: str
    order: int
    section: str | None
    root: str
    unit_files: dict[str, str] = field(default_factory=dict)  # "units/x.md" -> unit id
    extra_keys: tuple[str, ...] = ()  # front-matter keys of other tools the course keeps
    safe_html: bool = False  # sanitize every piece of the unit's HTML (course.yml safe_html / --safe-html)
    csp: bool = True  # the pages' security policy loads images only from the course (course.yml csp)
    macros: tuple[tuple[str, int, str], ...] = ()  # course.yml's LaTeX commands: (name, arguments, body)
    comma: bool = False  # the course's decimal mark is a comma (CourseConfig.decimal_comma)

    @classmethod
    def of(
        cls, config: CourseConfig, path: str, order: int, section: str | None, root: str, ids: dict[str, str]
    ) -> UnitSource:
        """The source of the unit at ``path``, with what of course.yml changes how a unit is read."""
        return cls(
            path,
            order,
            section,
            root,
            ids,
            config.extra_keys,
            config.safe_html,
            config.csp,
            config.macros,
            config.decimal_comma,
        )
