"""Parser fixtures: tests/fixtures/parse/NAME.md is a unit file, NAME.json the model it must give.

Regenerate the expected files after an intended change with

    UPDATE_FIXTURES=1 pytest tests/test_parse_fixtures.py

and then read every changed .json by hand: each one encodes SPEC §2, so a diff
is either the fix you meant or a regression.
"""

from __future__ import annotations

import json
import os
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from masterysite.errors import Report
from masterysite.model import Answer, Block, Choice, Question, Unit
from masterysite.parse.unit import UnitSource, parse_unit, scan_id

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "parse"
UPDATE = os.environ.get("UPDATE_FIXTURES") == "1"

# The fixture folder doubles as the course root: fixtures/parse/assets/ holds the images linked to.
OTHER_UNITS = {
    "units/01-whole-and-parts.md": "whole-and-parts",
    "units/02-equivalent-fractions.md": "equivalent-fractions",
    "units/09-renamed.md": "custom-id",
}


def fraction(value: Fraction | None) -> str | None:
    return None if value is None else f"{value.numerator}/{value.denominator}"


def choice_json(choice: Choice) -> dict[str, Any]:
    return {"id": choice.id, "html": choice.html, "correct": choice.correct, "feedback_html": choice.feedback_html}


def answer_json(answer: Answer) -> dict[str, Any]:
    return {"source": answer.source, "number": fraction(answer.number), "tolerance": fraction(answer.tolerance)}


def question_json(question: Question) -> dict[str, Any]:
    return {
        "kind": question.kind,
        "objective": question.objective,
        "line": question.line,
        "prompt_html": question.prompt_html,
        "choices": [choice_json(c) for c in question.choices],
        "answers": [answer_json(a) for a in question.answers],
        "explanation_html": question.explanation_html,
    }


def block_json(block: Block) -> dict[str, Any]:
    data = {"title": block.title, "line": block.line, "anchor": block.anchor, "html": block.html}
    return {"objective": block.objective, **data} if block.kind == "corrective" else data


def unit_json(unit: Unit | None, report: Report) -> dict[str, Any]:
    """The one serialisation of a parsed unit that every fixture is compared in."""
    problems = [str(p) for p in report.sorted()]
    if unit is None:
        return {"unit": None, "problems": problems}
    return {
        "id": unit.id,
        "title": unit.title,
        "requires": None if unit.requires is None else list(unit.requires),
        "mastery": fraction(unit.mastery),
        "objectives": [{"id": o.id, "text": o.text} for o in unit.objectives],
        "draw": unit.draw,
        "shuffle": unit.shuffle,
        "questions": [question_json(q) for q in unit.questions],
        "correctives": [block_json(b) for b in unit.correctives],
        "enrichment": [block_json(b) for b in unit.enrichment],
        "lesson_html": unit.lesson_html,
        "problems": problems,
    }


def parse_fixture(md_file: Path) -> dict[str, Any]:
    text = md_file.read_text(encoding="utf-8")
    path = f"units/{md_file.name}"
    unit_files = {**OTHER_UNITS, path: scan_id(text, path)}
    report = Report()
    unit = parse_unit(text, UnitSource(path, 0, None, str(FIXTURES), unit_files), report)
    return unit_json(unit, report)


CASES = sorted(FIXTURES.glob("*.md"))


def test_there_are_enough_fixtures() -> None:
    assert len(CASES) >= 15


@pytest.mark.parametrize("md_file", CASES, ids=[c.stem for c in CASES])
def test_parse_fixture(md_file: Path) -> None:
    actual = parse_fixture(md_file)
    expected_file = md_file.with_suffix(".json")
    if UPDATE:
        expected_file.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    # Pygments releases differ in escaping quotes inside highlighted code ("hi" or &quot;hi&quot;)
    assert json.loads(json.dumps(actual).replace("&quot;", '\\"')) == json.loads(
        json.dumps(expected).replace("&quot;", '\\"')
    )


def test_every_expected_file_has_its_unit_file() -> None:
    orphans = [j.name for j in FIXTURES.glob("*.json") if not j.with_suffix(".md").exists()]
    assert orphans == []


# --- defects found while writing the fixtures, now fixed ---------------------------------------------


def parse_text(text: str, name: str = "unit.md") -> tuple[Unit | None, Report]:
    path = f"units/{name}"
    report = Report()
    unit = parse_unit(text, UnitSource(path, 0, None, str(FIXTURES), {path: scan_id(text, path)}), report)
    return unit, report


def test_title_from_heading_is_plain_text() -> None:
    unit, report = parse_text("# The *big* idea & `code`\n\nText.\n")
    assert unit is not None and not report.problems
    assert unit.title == "The big idea & code"


def test_answer_line_right_after_the_prompt() -> None:
    text = "---\ntitle: T\nobjectives:\n  o: O\n---\n\n::: question o\n3/4 = ?/12\n= 9\n:::\n"
    unit, report = parse_text(text)
    assert unit is not None
    assert [p.message for p in report.errors] == []
    assert [a.source for a in unit.questions[0].answers] == ["9"]


@pytest.mark.parametrize(
    ("name", "unit_id"),
    [
        ("02-equivalent-fractions.md", "equivalent-fractions"),
        ("01_-_Introduction.md", "Introduction"),
        ("02__intro.md", "intro"),
        ("02intro.md", "intro"),
        ("02-__proto__.md", "__proto__"),
        ("__init__.md", "__init__"),
        ("007.md", "007"),
    ],
)
def test_a_unit_id_is_its_file_name_without_its_number(name: str, unit_id: str) -> None:
    """Ids key saved progress and URLs: a file's id never changes with an upgrade ('01_-_Introduction.md'
    is 'Introduction'), and a name like '__proto__' keeps its underscores (SPEC §5)."""
    assert scan_id("", f"units/{name}") == unit_id
