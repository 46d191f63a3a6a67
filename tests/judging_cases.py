"""The shared case table (tests/fixtures/judging/cases.json) as questions: what both judges get.

A case is one answer spec (answer lines, blanks, choices or an ordering), one response and the
verdict a teacher expects. tests/test_judging.py runs the table through masterysite.judging;
tests/browser/test_judge_parity.py runs the same questions, hashed as a page carries them,
through the browser's judge."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from masterysite import hashing, judging
from masterysite.model import Choice, Question

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "fixtures" / "judging" / "cases.json").read_text(encoding="utf-8")
)


def question_of(case: dict[str, Any], key: str = "q0") -> Question:
    """The question a case's spec describes (answers parsed exactly as a unit's are: with ``"comma": true``, as
    in a course whose decimal mark is a comma)."""
    comma = bool(case.get("comma"))
    if "answers" in case:
        answers = tuple(judging.parse_answer(a, comma=comma) for a in case["answers"])
        return Question(key, "o", "text", case.get("prompt", ""), (), answers, None, 1)
    if "blanks" in case:
        alternatives = (judging.split_alternatives(b) for b in case["blanks"])
        blanks = tuple(tuple(judging.parse_answer(a, comma=comma) for a in texts) for texts in alternatives)
        return Question(key, "o", "blanks", "", (), (), None, 1, blanks=blanks)
    if "order" in case:
        items = tuple(Choice(i, i, True, None, 1) for i in case["order"].split())
        return Question(key, "o", "ordering", "", items, (), None, 1)
    correct = case["correct"].split()
    choices = tuple(Choice(i, i, i in correct, None, 1) for i in case["choices"].split())
    kind = "multiple" if len(correct) > 1 else "single"
    return Question(key, "o", kind, "", choices, (), None, 1)


def page_data(question: Question) -> dict[str, Any]:
    """The question as the page carries it (hashes and secret)."""
    return hashing.question_data("course", "unit", question)
