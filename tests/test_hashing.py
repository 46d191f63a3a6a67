"""The browser contract of docs/theme.md ("Sealed answers"): a right answer's normalised form opens
its question's lockbox, nothing else does.

The helpers below re-implement the browser's side independently of masterysite.hashing and
masterysite.sealing (HKDF-SHA256, ChaCha20-Poly1305 from `cryptography`), so a change on either
side that breaks the browser shows up.
"""

from __future__ import annotations

import base64
import hmac
import itertools
import json
import re
import unicodedata
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from masterysite import hashing
from masterysite.build import build, load_course
from masterysite.errors import Report
from masterysite.hashing import normalize_text
from masterysite.model import Question, Unit
from masterysite.parse.numbers import canonical, parse_number
from masterysite.parse.unit import UnitSource, parse_unit

SAMPLE_COURSES = Path(__file__).resolve().parent / "sample_courses"

HEADER = "---\ntitle: T\nobjectives:\n  o: O\n---\n\n"
SECRET = bytes(range(32))


def unit_of(body: str) -> Unit:
    report = Report()
    unit = parse_unit(HEADER + body, UnitSource("units/t.md", 0, None, ".", {}), report)
    assert unit is not None
    assert report.errors == []
    return unit


def questions(body: str) -> list[Question]:
    return list(unit_of(body).questions)


def data_of(body: str, course: str = "course") -> dict[str, Any]:
    unit = unit_of(body)
    assert len(unit.questions) == 1
    return hashing.seal_quiz(SECRET, course, unit, Fraction(4, 5), None).questions[0]


def unbox(key: bytes, box: str, nonce: int = 0) -> bytes | None:
    """A lockbox, payload or feedback box: no nonce in it (its part's index, or 0: sealing.seal_once)."""
    try:
        return ChaCha20Poly1305(key).decrypt(nonce.to_bytes(12, "little"), base64.b64decode(box), None)
    except Exception:
        return None


def form_key(salt: str, form: str, info: bytes = b"masterysite lockbox") -> bytes:
    prk = hmac.digest(base64.b64decode(salt), form.encode("utf-8"), "sha256")
    return hmac.digest(prk, info + b"\x01", "sha256")


def opens(data: dict[str, Any], forms: list[str]) -> dict[str, Any] | None:
    """The payload a response's forms open (one part), as the browser does it; None if none opens."""
    for form in forms:
        for box in data["boxes"][0]:
            qkey = unbox(form_key(data["salt"], form), box)
            if qkey is not None:
                payload = unbox(qkey, data["payload"])
                assert payload is not None
                return json.loads(payload)  # type: ignore[no-any-return]
    return None


def browser_choice_forms(selected: list[str]) -> list[str]:
    return ["c:" + ",".join(sorted(selected))]


def browser_text_forms(student_input: str) -> list[str]:
    """What the browser tries for a typed answer: the normalised text, then the number if it is one."""
    norm = re.sub(r"\s+", " ", unicodedata.normalize("NFC", student_input).strip()).lower()
    forms = [f"t:{norm}"]
    number = parse_number(student_input)
    if number is not None:
        forms.append(f"n:{canonical(number)}")
    return forms


def accepts(data: dict[str, Any], student_input: str) -> bool:
    return bool(student_input.strip()) and opens(data, browser_text_forms(student_input)) is not None


# --- choices -------------------------------------------------------------------------------------


SINGLE = (
    "::: question o\nPick one.\n\n"
    "- [ ] one\n- [x] two\n  > not shown for a right pick\n- [ ] three\n  > Three is wrong.\n\n> Why two.\n:::\n"
)
MULTIPLE = "::: question o\nPick all.\n\n- [x] one\n- [ ] two\n- [x] three\n- [ ] four\n:::\n"


def all_selections(ids: list[str]) -> list[list[str]]:
    return [list(s) for n in range(1, len(ids) + 1) for s in itertools.combinations(ids, n)]


def test_single_choice_only_the_correct_choice_opens() -> None:
    data = data_of(SINGLE)
    assert data["kind"] == "single"
    accepted = [s for s in all_selections(["a", "b", "c"]) if opens(data, browser_choice_forms(s))]
    assert accepted == [["b"]]
    assert opens(data, ["c:b"]) == {"explanation": "<p>Why two.</p>\n", "share": [0, opens(data, ["c:b"])["share"][1]]}  # type: ignore[index]


def test_multiple_choice_is_all_or_nothing() -> None:
    data = data_of(MULTIPLE)
    assert data["kind"] == "multiple"
    accepted = [s for s in all_selections(["a", "b", "c", "d"]) if opens(data, browser_choice_forms(s))]
    assert accepted == [["a", "c"]]
    assert opens(data, browser_choice_forms(["c", "a"]))  # the browser sorts: click order does not matter


def test_each_choice_feedback_opens_with_its_id() -> None:
    data = data_of(SINGLE)
    boxes = dict(data["feedback"])
    opened = {c: unbox(form_key(data["salt"], c, b"masterysite feedback"), box) for c, box in boxes.items()}
    assert {c: (t or b"").rstrip(b"\0").decode() for c, t in opened.items()} == {
        "a": "",
        "b": "<p>not shown for a right pick</p>\n",
        "c": "<p>Three is wrong.</p>\n",
    }
    assert len({len(b) for b in boxes.values()}) == 1


def test_question_data_has_no_answer_fields() -> None:
    data = data_of(MULTIPLE)
    assert set(data) == {"key", "objective", "kind", "salt", "boxes", "payload"}
    assert len(base64.b64decode(data["salt"])) == 16


def test_salts_differ_between_questions_units_and_courses() -> None:
    unit = unit_of(SINGLE + "\n" + MULTIPLE)
    first = hashing.seal_quiz(SECRET, "c", unit, Fraction(4, 5), None).questions
    other_course = hashing.seal_quiz(SECRET, "d", unit, Fraction(4, 5), None).questions
    assert len({q["salt"] for q in first + other_course}) == 4


# --- free response -------------------------------------------------------------------------------


TEXT = "::: question o\nName it.\n\n= Equilateral   Triangle\n= café\n:::\n"


@pytest.mark.parametrize(
    "student",
    [
        "equilateral triangle",
        "EQUILATERAL TRIANGLE",
        "  Equilateral\ttriangle ",
        "equilateral  \n triangle",
        "café",
        "CAFÉ",
        "cafe\u0301",
        " Cafe\u0301 ",
    ],
)
def test_text_answers_compare_normalised(student: str) -> None:
    assert accepts(data_of(TEXT), student)


@pytest.mark.parametrize("student", ["equilateral", "equilateraltriangle", "cafe", "triangle equilateral", ""])
def test_wrong_text_answers_are_rejected(student: str) -> None:
    assert not accepts(data_of(TEXT), student)


def test_teacher_answer_in_decomposed_unicode_matches_composed_input() -> None:
    data = data_of("::: question o\nFrench for coffee?\n\n= Cafe\u0301\n:::\n")
    assert accepts(data, "café")


def test_normalize_text_matches_the_browser_rule() -> None:
    assert normalize_text("  Hello \t  WORLD\n") == "hello world"
    assert normalize_text("E\u0301TE\u0301") == "été"
    assert normalize_text("") == ""


@pytest.mark.parametrize("teacher", ["0.75", "3/4", "6/8", ".75", "0,75"])
@pytest.mark.parametrize("student", ["0.75", "3/4", "6/8", "0,75", " .750 ", "75e-2"])
def test_numbers_compare_as_numbers(teacher: str, student: str) -> None:
    data = data_of(f"::: question o\nThree quarters?\n\n= {teacher}\n:::\n")
    assert accepts(data, student)
    assert not accepts(data, "0.76")
    assert not accepts(data, "4/3")


def test_negative_and_mixed_numbers() -> None:
    data = data_of("::: question o\nMinus one and a half?\n\n= -1 1/2\n:::\n")
    assert accepts(data, "-1.5")
    assert accepts(data, "-3/2")
    assert not accepts(data, "1.5")


def test_tolerance_answers_are_ranges_in_the_clear_with_the_key_published() -> None:
    """A range cannot be hashed: it is shipped as it is, and so is what a match opens."""
    data = data_of("::: question o\nAbout three quarters?\n\n= 0.75 ± 0.01\n:::\n")
    assert data["extras"][0]["ranges"] == [["37/50", "19/25"]]
    assert data["boxes"] == [[]]
    qkey = base64.b64decode(data["open"][0])
    assert unbox(qkey, data["payload"]) is not None


def test_ascii_plus_minus_gives_the_same_range() -> None:
    plain = data_of("::: question o\nAbout?\n\n= 0.75 +- 0.01\n:::\n")
    assert plain["extras"][0]["ranges"] == [["37/50", "19/25"]]


def test_several_answer_lines_are_alternatives() -> None:
    data = data_of("::: question o\nSeven or eight?\n\n= seven\n= 8\n\n> Because.\n:::\n")
    assert accepts(data, "Seven")
    assert accepts(data, "8.0")
    assert not accepts(data, "9")
    assert opens(data, ["t:seven"])["explanation"] == "<p>Because.</p>\n"  # type: ignore[index]
    assert "open" not in data and "extras" not in data


def test_question_data_is_deterministic_and_fresh_when_the_question_changes() -> None:
    assert data_of(SINGLE) == data_of(SINGLE)
    assert data_of(SINGLE)["salt"] != data_of(SINGLE.replace("Pick one.", "Pick one!"))["salt"]


# --- a built page --------------------------------------------------------------------------------

HIDDEN = [
    "Feedbackmarmoset",
    "Explanationokapi",
    "Feedbackpangolin",
    "Answerquagga",
    "Answerzebroid",
    "Explanationnarwhal",
    "Explanationaxolotl",
    "7.999",
]


@pytest.fixture(scope="module")
def built_secrets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("secrets") / "site"
    build(SAMPLE_COURSES / "secrets", out)
    return out


def test_no_answer_feedback_or_explanation_in_plain_text(built_secrets: Path) -> None:
    for file in built_secrets.rglob("*"):
        if file.is_file() and file.suffix in (".html", ".js", ".json", ".css"):
            text = file.read_text(encoding="utf-8").lower()
            leaked = [word for word in HIDDEN if word.lower() in text]
            assert leaked == [], f"{file.relative_to(built_secrets)} shows {leaked}"


def test_choices_carry_no_mark_of_being_correct(built_secrets: Path) -> None:
    page = (built_secrets / "units" / "hidden.html").read_text(encoding="utf-8")
    choices = re.findall(r"<div class=\"choice\"[^>]*>\s*<input[^>]*>", page)
    assert len(choices) == 6
    shapes = {re.sub(r"(data-choice|id|value)=\"[^\"]*\"", "", c) for c in choices}
    shapes = {re.sub(r"type=\"(radio|checkbox)\"", "", s) for s in shapes}
    shapes = {re.sub(r"name=\"[^\"]*\"", "", s) for s in shapes}
    assert len(shapes) == 1, shapes


def test_built_page_data_checks_answers(built_secrets: Path) -> None:
    page = (built_secrets / "units" / "hidden.html").read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="ms-unit-data">(.*?)</script>', page, re.S)
    assert match
    data = json.loads(match.group(1))
    single, multiple, text, number = data["questions"]
    assert [q["kind"] for q in data["questions"]] == ["single", "multiple", "text", "text"]
    assert opens(single, ["c:b"])
    assert opens(multiple, ["c:a,b"])
    assert accepts(text, "answerQUAGGA")
    assert accepts(number, "8/1")
    assert number["extras"][0]["ranges"] == [["7997/1000", "8001/1000"]]
    assert data["seal"]["k"] == 2  # draw 2 at 80%


def test_check_notes_a_unit_that_unsealed_questions_alone_master(make_course) -> None:  # type: ignore[no-untyped-def]
    loaded = load_course(SAMPLE_COURSES / "secrets")
    assert loaded.course is not None
    assert hashing.sealing_notes(loaded.course) == []  # one range question; mastery needs 2 of a draw of 2
    unit = "---\ntitle: R\nobjectives:\n  o: O\nquiz:\n  draw: 2\nmastery: 50%\n---\n\n"
    unit += "::: question o\nAbout?\n\n= 0.75 ± 0.01\n:::\n\n::: question o\nName?\n\n= alpha\n:::\n"
    loaded = load_course(make_course({"course.yml": "title: R\n", "units/r.md": unit}))
    assert loaded.course is not None
    (note,) = hashing.sealing_notes(loaded.course)
    assert note.startswith("units/r.md:1: note: questions that cannot be sealed: 1;")
    assert note.endswith("[unsealed-unit]")
    # No quiz question at all (practice only): nothing seals the enrichment, and check says so.
    unit = "---\ntitle: P\nobjectives:\n  o: O\n---\n\n::: practice\nName?\n\n= alpha\n:::\n\n"
    unit += "::: enrichment More\nMORE\n:::\n"
    loaded = load_course(make_course({"course.yml": "title: P\n", "units/p.md": unit}, name="practice"))
    assert loaded.course is not None
    assert hashing.sealing_notes(loaded.course) == [
        "units/p.md:13: note: this unit has no quiz question, so its enrichment is in the page for everyone"
        " (marking the unit done shows it): add a question, or make it part of the lesson [unsealed-unit]"
    ]


def test_the_review_shows_answers_a_student_can_read_never_a_pattern() -> None:
    """After an attempt a student sees the accepted answers: '/(la )?corteza/i' means nothing to them."""
    text = (
        "---\ntitle: T\nobjectives:\n  o: O\n---\n\n::: question o\nWhere?\n\n= the crust\n~ /(the )?crust/i\n:::\n\n"
        "::: question o\nOnly a pattern?\n\n~ /(the )?crust/i\n:::\n\n"
        "::: question o\nSay [[~ /a+/|b]] and [[~ /c/]].\n:::\n"
    )
    unit = parse_unit(text, UnitSource("units/t.md", 0, None, "."), Report())
    assert unit is not None
    reviews = [hashing.sealable(q).review["accepted"] for q in unit.questions]
    assert reviews == ["<code>the crust</code>", None, "<ol><li><code>b</code></li><li>…</li></ol>"]


def test_a_course_with_a_decimal_comma_shows_accepted_numbers_with_a_comma() -> None:
    """A French student is shown `1,5` for the teacher's `= 1.5`, as they would write it; a pattern is
    still left out, text and exact forms are shown as written, and a number written with a comma
    already (`1,200.5`, thousands) is not turned into a second comma."""
    text = (
        "---\ntitle: T\nobjectives:\n  o: O\n---\n\n::: question o\nHow many kg?\n\n= 1.5 kg\n= 0.75 ± 0.01\n"
        "== 2.50\n= 1,200.5\n= six.5\n:::\n\n::: question o\nSay [[= 3.14]] and [[= 6.02e23]].\n:::\n"
    )
    unit = parse_unit(text, UnitSource("units/t.md", 0, None, "."), Report())
    assert unit is not None
    comma = [hashing.sealable(q, comma=True).review["accepted"] for q in unit.questions]
    assert comma == [
        "<code>1,5 kg</code>, <code>0,75 ± 0,01</code>, <code>2.50</code>, <code>1,200.5</code>, <code>six.5</code>",
        "<ol><li><code>3,14</code></li><li><code>6,02e23</code></li></ol>",
    ]
    dot = [hashing.sealable(q).review["accepted"] for q in unit.questions]
    assert dot[0].startswith("<code>1.5 kg</code>, <code>0.75 ± 0.01</code>")
