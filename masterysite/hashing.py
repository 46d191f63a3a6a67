"""What a unit page carries to check answers: lockboxes that only a right answer opens.

This module turns the model's questions into what masterysite/sealing.py seals (each slot's
accepted, normalised forms from masterysite/judging.py, the feedback, the explanation, the
review shown after mastery), and gives back each question's page data. The browser's side is
js/judge.js (the forms of a response) and js/seal.js (opening). The scheme is documented in
docs/theme.md ("Sealed answers").
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

from masterysite import judging, sealing
from masterysite.model import Answer, Course, Question, Unit
from masterysite.sealing import Part, Sealable

ORDERED_KINDS = ("single", "multiple", "ordering")  # "correct": choice ids, or item ids in order


def normalize_text(text: str) -> str:
    """Same as the browser: NFC, trimmed, inner white space folded, lower case."""
    return judging.lenient_text(text)


_DECIMAL_DOT = re.compile(r"(?<=\d)\.(?=\d)")


def _shown(answers: tuple[Answer, ...], comma: bool = False) -> str:
    """The answers a student is shown after an attempt: a pattern (``/(la )?corteza/i``) means nothing
    to a student, so it is left out; a slot with patterns only shows none. ``comma``: the course writes
    numbers with a decimal comma, so a number the teacher wrote ``= 1.5`` is shown ``1,5`` (not one
    written with a comma already: ``1,200.5``)."""

    def shown(a: Answer) -> str:
        numeric = a.kind in ("number", "quantity", "range")
        if comma and numeric and "," not in a.source and not (a.comma and judging.thousands_dots(a.source)):
            return _DECIMAL_DOT.sub(",", a.source)  # (but a German '1.200' is 1200, written as the course does)
        return a.source

    return ", ".join(f"<code>{html.escape(shown(a))}</code>" for a in answers if a.kind != "pattern")


def _accepted_html(question: Question, comma: bool = False) -> str | None:
    if question.kind == "text":
        return _shown(question.answers, comma) or None
    if question.kind == "blanks":
        items = (_shown(b, comma) or "…" for b in question.blanks)
        return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"
    if question.kind == "ordering":
        return "<ol>" + "".join(f"<li>{c.html}</li>" for c in question.choices) + "</ol>"
    return None


def unsealed(question: Question) -> list[bool]:
    """Per slot: does it also accept a range or a pattern? Those are checked in the clear, so what a
    match opens (that slot's share of the question key) has to be published."""
    flags = [bool(e.ranges or e.patterns) for e in judging.extras(question)]
    return flags or [False]  # choices and ordering: one slot, always sealed


def sealable(question: Question, comma: bool = False) -> Sealable:
    forms = judging.accepted_forms(question)
    parts = tuple(
        Part(tuple(f"{kind}:{form}" for kind, form in slot), flag)
        for slot, flag in zip(forms, unsealed(question), strict=True)
    )
    review: dict[str, Any] = {"explanation": question.explanation_html, "accepted": _accepted_html(question, comma)}
    if question.kind in ORDERED_KINDS:
        review["correct"] = [c.id for c in question.choices if c.correct or question.kind == "ordering"]
    choices = question.kind in ("single", "multiple")
    return Sealable(
        key=question.key,
        parts=parts,
        explanation=question.explanation_html,
        feedback=tuple((c.id, c.feedback_html) for c in question.choices) if choices else (),
        review=review,
    )


def _public(question: Question) -> dict[str, Any]:
    """What the page shows of a question in the clear: ranges and patterns of the slots that have them."""
    data: dict[str, Any] = {"key": question.key, "objective": question.objective, "kind": question.kind}
    extras = judging.extras(question)
    if any(e.ranges or e.patterns for e in extras):
        data["extras"] = [
            {"ranges": [list(r) for r in e.ranges], "patterns": [list(p) for p in e.patterns]} for e in extras
        ]
    return data


@dataclass
class SealedQuiz:
    questions: list[dict[str, Any]]
    seal: dict[str, Any] | None


def seal_quiz(
    secret: bytes, course_id: str, unit: Unit, mastery: Fraction, enrichment: str | None, comma: bool = False
) -> SealedQuiz:
    """The page data of a unit's questions, and its seal (k, the review, the enrichment).
    ``comma``: the course's decimal mark is a comma (its strings' ``decimal_mark``)."""
    items = [sealable(q, comma) for q in unit.questions]
    draw = unit.draw or len(unit.questions)
    public = [_public(q) for q in unit.questions]
    content = repr((items, public, enrichment, draw, mastery)).encode("utf-8")
    sealed = sealing.seal_unit(secret, course_id, unit.id, content, items, draw, mastery, enrichment)
    return SealedQuiz([{**p, **s} for p, s in zip(public, sealed.questions, strict=True)], sealed.unit)


def question_data(
    course_id: str, unit_id: str, question: Question, secret: bytes = bytes(32), comma: bool = False
) -> dict[str, Any]:
    """One question sealed on its own, with no share of a unit key: for tests and tools that judge
    single questions as the browser does (tests/judging_cases.py)."""
    item = replace(sealable(question, comma), scored=False)
    public = _public(question)
    content = repr((item, public)).encode("utf-8")
    sealed = sealing.seal_unit(secret, course_id, unit_id, content, [item], 1, Fraction(1))
    return {**public, **sealed.questions[0]}


def sealing_notes(course: Course) -> list[str]:
    """For `check`, beside the list of ranges and patterns (cli.show_unhashed): every unit whose
    questions that cannot be sealed at all are enough for mastery, so that a script opens its
    review and enrichment without answering (SPEC §3.8)."""
    notes = []
    for unit in course.units:
        if unit.enrichment and not unit.questions:  # nothing to answer: nothing can seal it
            notes.append(
                f"{unit.path}:{unit.enrichment[0].line}: note: this unit has no quiz question, so its enrichment"
                " is in the page for everyone (marking the unit done shows it): add a question, or make it part"
                " of the lesson [unsealed-unit]"
            )
            continue
        public = [q for q in unit.questions if all(unsealed(q))]  # their share of the unit key is public
        if not public:
            continue
        mastery = unit.mastery if unit.mastery is not None else course.config.mastery
        k = sealing.threshold(mastery, min(unit.draw or len(unit.questions), len(unit.questions)))
        if len(public) >= k:
            notes.append(
                f"{unit.path}:{unit.line}: note: questions that cannot be sealed: {len(public)}; mastery needs"
                f" {k} right answers: a script can open this unit's review and enrichment without answering"
                " [unsealed-unit]"
            )
    return notes
