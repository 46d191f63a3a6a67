"""One small hierarchy of problems and errors; every message reads ``path:line: what``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import click

Severity = Literal["error", "warning"]

WARNING_CODES = {
    "no-question": "an objective has no question",
    "no-corrective": "an objective has questions but no corrective",
    "no-enrichment": "a unit has a quiz but no enrichment",
    "small-pool": "too few questions for a fresh draw on a retake, or a draw smaller than the unit's objectives",
    "no-alt": "an image has no alt text",
    "math": "math that could not be typeset",
    "unlisted": "a unit file that course.yml does not list",
    "attribute": "an attribute in braces that is not kept",
    "lenient-code": "a lenient '=' answer that looks like code, an option or a file name (compared ignoring case)",
    "shown-as-text": "Markdown of another tool published as plain text (a shortcode, a grid table, a code chunk...)",
    "external-image": "an image or embedded page on another site, which the pages' security policy does not load",
    "low-mastery": "a mastery threshold under 10% ('0.8%': 0.8 and 80% mixed up?)",
    "anchor": "a link to a place on the page ('#setup') that no heading or element of the unit has",
    "sealed-file": "a file shown only in an explanation, feedback or the enrichment: the file itself is published",
    "lettered-choices": "choices lettered 'A)', 'B)'…, or one saying 'all of the above', in a quiz that shuffles them",
    "unit-alone": "a number with a unit ('= 44 g/mol'): the number alone is marked wrong",
    "bracketed-blank": "a blank written in three brackets, '[[[0]]]', whose answer keeps the outer pair",
    "gap-numbers": "blanks '[[1]]', '[[2]]'… whose answers are their numbers, as Moodle numbers its gaps",
    "progress-moved": "an id or the secret changed since the last build: students' progress stays with the old",
    "hidden-in-file": "a published picture that holds what it does not show: an SVG's hidden layer, a path, GPS",
    "course-id": "a course id made from a title whose letters are not ASCII ('入門'): two such courses share progress",
    "script": "a <script> or an event attribute ('onclick=') in a unit, which does not run (the pages' security"
    " policy, or safe_html)",
    "glued-explanation": "a '> quote' right under a question's last choice: the explanation, or its feedback?",
    "style": "a <style> in a unit, which restyles the whole page (the quiz, the navigation), not the lesson alone",
    "number-form": (
        "an '=' number read by value where the question asks for a form (binary, hexadecimal, scientific notation),"
        " or one with no exact decimal ('= 1/3': a student's 0.33 is wrong)"
    ),
    "decimal-point": (
        "an exact '== 12.3' in a course whose decimal mark is a comma (a student's 12,3 is wrong), or '= 1.013'"
        " there (read as 1013)"
    ),
    "untranslated": "a language masterysite has no texts for (ar, he, fa) whose theme/strings.yml lacks some",
    "left-out": (
        "content the lesson's own tool shows only on request or on a condition (a solution chunk, nbgrader's"
        " markers, a Liquid '{% if %}'), left out"
    ),
    "objective-ids": "objective ids made from words that start alike ('ser-capaz', 'ser-capaz-de'): the list's order",
}
"""Every warning's code, with what it means: ``ignore:`` accepts exactly these (README lists them)."""


@dataclass(frozen=True, order=True)
class Problem:
    """A finding about the course, located in a file (relative to the course folder)."""

    path: str
    line: int
    message: str
    severity: Severity = "error"
    code: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        label = "" if self.severity == "error" else "warning: "
        tag = f" [{self.code}]" if self.code else ""
        return terminal_safe(f"{where}: {label}{_DATA_URL.sub(_shortened, self.message)}{tag}")


# A picture written into the page ('data:image/png;base64,…', a Google Docs export): its first characters
# are enough to tell which; the whole is one line of 200,000 (port cc 12)
_DATA_URL = re.compile(r"(data:[\w.+/-]*(?:;[\w.=-]+)*,)([\w+/=%-]{24})[\w+/=%-]{40,}")


def _shortened(match: re.Match[str]) -> str:
    return f"{match[1]}{match[2]}…"


# What a terminal obeys rather than shows: C0 and C1 controls (ESC opens a sequence that may set the clipboard,
# hide the lines after it), DEL, and the marks that reorder text on screen
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` with every control written out ('\\x1b'): a student's progress file names units and itself, a
    contributed course its files, and those words reach the teacher's terminal (security round cc 2, cc 16)."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)


@dataclass
class Report:
    """Collects every problem of a run so the teacher sees them all at once."""

    problems: list[Problem] = field(default_factory=list)

    def error(self, path: str, line: int, message: str, code: str = "") -> None:
        self.problems.append(Problem(path, line, message, "error", code))

    def warn(self, path: str, line: int, message: str, code: str = "") -> None:
        self.problems.append(Problem(path, line, message, "warning", code))

    def extend(self, problems: list[Problem]) -> None:
        self.problems.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def sorted(self) -> list[Problem]:
        return sorted(set(self.problems), key=lambda p: (p.path, p.line, p.message))


def without_ignored(
    problems: list[Problem], course: tuple[str, ...], units: dict[str, tuple[str, ...]]
) -> list[Problem]:
    """Drop the warnings whose code the course (``ignore:`` in course.yml) or their own unit silences."""
    if not course and not any(units.values()):
        return problems
    return [p for p in problems if p.severity != "warning" or not (p.code in course or p.code in units.get(p.path, ()))]


class MasteryError(click.ClickException):
    """Raised for anything the user can fix; click prints it cleanly and exits 1."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []

    def format_message(self) -> str:
        return self.message

    def show(self, file: object = None) -> None:  # click's signature
        click.echo(self.format_message(), err=True)


class CourseError(MasteryError):
    """The course has errors: the message lists every one of them."""

    def __init__(self, problems: list[Problem], checking: bool = False) -> None:
        lines = [str(p) for p in problems]
        lines.append(summary(problems, checking))
        super().__init__("\n".join(lines), problems)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def summary(problems: list[Problem], checking: bool = False) -> str:
    """The last line of a failed run: how many problems, and that the previous site is untouched (``check``,
    which writes nothing anyway: that the course does not pass)."""
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    outcome = "the course does not pass" if checking else "nothing was written"
    if errors:
        return f"{plural(errors, 'error')}; {outcome}."
    return f"{plural(warnings, 'warning')}, which --strict treats as errors; {outcome}."


def rel(path: Path, root: Path) -> str:
    """Path as shown to the teacher: relative to the course folder, with forward slashes."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
