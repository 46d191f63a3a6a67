"""The JSON Schemas shipped for editors (masterysite/schemas/) agree with what the build accepts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from masterysite import config
from masterysite.errors import WARNING_CODES
from masterysite.parse import unit as unit_parser

jsonschema = pytest.importorskip("jsonschema")

REPO = Path(__file__).resolve().parent.parent
SCHEMAS = REPO / "masterysite" / "schemas"
COURSES = [REPO / "course", REPO / "masterysite" / "starter", *sorted((REPO / "tests" / "sample_courses").iterdir())]
# Keys other work in progress adds to course.yml; the schema lists them ahead of config.py.
PENDING_COURSE_KEYS: set[str] = set()
PENDING_UNIT_KEYS = {"teaching", "exercises"}  # extra keys a course may declare (extra_keys)


def schema(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(data)
    return data


def front_matter(file: Path) -> Any:
    text = file.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text[4 : text.index("\n---", 3)]) or {}


@pytest.mark.parametrize("course", COURSES, ids=lambda p: p.name)
def test_the_shipped_courses_validate(course: Path) -> None:
    jsonschema.validate(yaml.safe_load((course / "course.yml").read_text(encoding="utf-8")), schema("course"))
    units = sorted((course / "units").glob("*.md"))
    assert units
    for file in units:
        jsonschema.validate(front_matter(file), schema("unit"))


def test_the_keys_are_the_keys_the_build_accepts() -> None:
    course = schema("course")["properties"]
    assert set(config.COURSE_KEYS) <= set(course) <= set(config.COURSE_KEYS) | PENDING_COURSE_KEYS
    section = schema("course")["properties"]["units"]["items"]["anyOf"][1]["properties"]
    assert set(section) == set(config.SECTION_KEYS)
    unit = schema("unit")["properties"]
    assert set(unit_parser.UNIT_KEYS) <= set(unit) <= set(unit_parser.UNIT_KEYS) | PENDING_UNIT_KEYS
    assert set(unit["quiz"]["properties"]) == set(unit_parser.QUIZ_KEYS)


def test_ignore_lists_every_warning_code() -> None:
    for name in ("course", "unit"):
        data = schema(name)
        ignore = data["properties"]["ignore"]
        ignore = data["definitions"]["ignore"] if "$ref" in ignore else ignore
        assert ignore["items"]["enum"] == list(WARNING_CODES), f"{name}.schema.json: ignore's codes"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("course", {"title": "T", "mastery": "150%"}),
        ("course", {"title": "T", "mastery": 0}),
        ("course", {"title": "T", "langauge": "en"}),
        ("course", {"title": "T", "language": "pt_BR"}),  # (a locale: any language by its code, "pt-BR")
        ("course", {"author": "no title"}),
        ("course", {"title": "T", "units": [{"section": "S"}]}),
        ("course", {"title": "T", "macros": {"R2": "x"}}),
        ("course", {"title": "T", "macros": {"half": 0.5}}),
        ("course", {"title": "T", "macros": {"pdf": ["p(#1)", 10]}}),
        ("unit", {"quiz": {"draw": 0}}),
        ("unit", {"quiz": {"shuffel": True}}),
        ("unit", {"objectives": {"has space": "x"}}),
        ("unit", {"requirse": []}),
    ],
)
def test_mistakes_are_caught_in_the_editor(name: str, data: dict[str, Any]) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema(name))


@pytest.mark.parametrize("value", ["80%", "80 %", 0.8, 1, "4/5", "0.75", "100%"])
def test_mastery_forms_the_build_accepts(value: Any) -> None:
    assert config.parse_mastery(value) is not None
    jsonschema.validate({"title": "T", "mastery": value}, schema("course"))


def test_macros_the_build_accepts_validate() -> None:
    macros = {"R": "\\mathbb{R}", "\\vect": ["\\boldsymbol{#1}", 1]}
    jsonschema.validate({"title": "T", "macros": macros}, schema("course"))
