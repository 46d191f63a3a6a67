"""The course as plain frozen data: what the parser produces and the renderer consumes."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal

QuestionKind = Literal["single", "multiple", "text", "blanks", "ordering"]
AnswerKind = Literal["text", "number", "quantity", "range", "exact", "pattern"]


@dataclass(frozen=True)
class Objective:
    id: str
    text: str  # plain text (navigation, progress page, course data)
    line: int
    html: str = ""  # the same, with its Markdown and math rendered (the unit page)


@dataclass(frozen=True)
class Choice:
    id: str
    html: str
    correct: bool
    feedback_html: str | None
    line: int


@dataclass(frozen=True)
class Answer:
    """One accepted free-response alternative (masterysite/judging.py says how each kind is judged).

    ``kind``: "text" (``= word``, lenient), "number" (``= 0.75``, by value), "range"
    (``= 0.75 ± 0.01``, ``= 10 ± 0.5 m/s``), "exact" (``== -S``), "pattern" (``~ /re/``, ``pattern`` is the canonical
    form both Python and the browser run)."""

    source: str
    number: Fraction | None = None
    tolerance: Fraction | None = None
    line: int = 0
    kind: AnswerKind = "text"
    pattern: str = ""
    ignore_case: bool = False
    operator: str = "="
    unit: str | None = None  # a range's currency sign and unit, as "sign|unit" ("|m/s", "$|"); None: a number
    comma: bool = False  # written in a course whose decimal mark is a comma: its numbers read so ('1.200' is 1200)

    @property
    def text(self) -> str:
        return self.source


@dataclass(frozen=True)
class Question:
    key: str
    objective: str
    kind: QuestionKind
    prompt_html: str
    choices: tuple[Choice, ...]
    answers: tuple[Answer, ...]
    explanation_html: str | None
    line: int
    number: int = 0
    # kind "blanks": the alternatives of each blank, in order; the prompt holds one input per blank
    blanks: tuple[tuple[Answer, ...], ...] = ()
    hints: tuple[str, ...] = ()  # HTML of each hint, revealed one at a time


@dataclass(frozen=True)
class Block:
    """A corrective (for one objective) or an enrichment block."""

    kind: Literal["corrective", "enrichment"]
    title: str
    html: str
    line: int
    objective: str | None = None
    anchor: str = ""


@dataclass(frozen=True)
class Link:
    """A relative link or image in a unit, kept for the course-wide checks."""

    target: str
    line: int
    image: bool = False
    file: str = ""  # the course file it shows or links to ("units/fig/tree.svg"), published as it is


@dataclass(frozen=True)
class Unit:
    id: str
    title: str
    path: str  # relative to the course folder, e.g. "units/02-equivalent.md"
    order: int
    section: str | None
    requires: tuple[str, ...] | None  # None: default (the previous unit)
    requires_line: int
    mastery: Fraction | None
    objectives: tuple[Objective, ...]
    draw: int | None
    draw_line: int
    shuffle: bool
    questions: tuple[Question, ...]
    correctives: tuple[Block, ...]
    enrichment: tuple[Block, ...]
    lesson_html: str
    links: tuple[Link, ...] = field(default=())
    line: int = 1
    extra: dict[str, Any] = field(default_factory=dict)  # front-matter keys the course keeps (extra_keys)
    ignore: tuple[str, ...] = ()  # warning codes this unit silences
    # Kept when the build drops the page's HTML (cache.light): what the search index and the
    # course data need. search: the lesson's sections as (anchor, heading, words); bonus: 0 no
    # enrichment, 1 enrichment shown once the unit is done, 2 enrichment sealed under the unit key
    # (a quiz). Set by build.parse_task (search.outline).
    search: tuple[tuple[str, str, tuple[str, ...]], ...] = field(default=())
    bonus: int = 0
    # The light unit's search words, packed (search.pack_words): its ``search`` keeps the anchors
    # and headings with no words. A tenth of the memory of the words themselves (10,000 units).
    words: bytes = b""
    practice: tuple[Question, ...] = ()  # practice exercises checked on the spot, never counted
    objectives_from_block: bool = False  # ids made from the words: of '::: objectives', or a front-matter list
    anchors: str = ""  # the ids of its page's headings and elements, one a line: where other units' links lead
    labels: tuple[tuple[str, int], ...] = ()  # links read as a web address of an unknown scheme ('chap:speed')

    @property
    def href(self) -> str:
        return f"units/{self.id}.html"


@dataclass(frozen=True)
class UnitEntry:
    """A unit file as listed by course.yml (or discovered), before it is parsed."""

    path: str
    section: str | None
    line: int


@dataclass(frozen=True)
class CourseConfig:
    title: str
    id: str
    author: str | None
    language: str
    mastery: Fraction
    entries: tuple[UnitEntry, ...]
    extra_keys: tuple[str, ...] = ()  # unit front-matter keys of other tools, kept for the templates
    ignore: tuple[str, ...] = ()  # warning codes the whole course silences
    safe_html: bool = False  # sanitize the raw HTML of units (a course that takes contributions)
    csp: bool = True  # every page carries a Content-Security-Policy that runs only the site's own scripts
    macros: tuple[tuple[str, int, str], ...] = ()  # the course's LaTeX commands: (name, arguments, body)
    decimal_comma: bool = False  # its strings' decimal_mark is ',': a teacher's '= 1.200' is 1200, '= 1,2' 1.2


@dataclass(frozen=True)
class Course:
    config: CourseConfig
    units: tuple[Unit, ...]

    def unit(self, unit_id: str) -> Unit | None:
        return next((u for u in self.units if u.id == unit_id), None)
