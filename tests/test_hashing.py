"""The browser contract of docs/theme.md: salted SHA-256 answer hashes and the obfuscated secret.

The helpers below re-implement the documented scheme independently of
masterysite.hashing, so a change on either side that breaks the browser shows up.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from masterysite.build import build
from masterysite.errors import Report
from masterysite.hashing import normalize_text, obfuscate, question_data, reveal, sha256_hex
from masterysite.model import Question
from masterysite.parse.numbers import canonical, parse_number
from masterysite.parse.unit import UnitSource, parse_unit

SAMPLE_COURSES = Path(__file__).resolve().parent / "sample_courses"

HEADER = "---\ntitle: T\nobjectives:\n  o: O\n---\n\n"


def questions(body: str) -> list[Question]:
    report = Report()
    unit = parse_unit(HEADER + body, UnitSource("units/t.md", 0, None, ".", {}), report)
    assert unit is not None
    assert report.errors == []
    return list(unit.questions)


def data_of(body: str) -> dict[str, Any]:
    (question,) = questions(body)
    return question_data("course", "unit", question)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def browser_choice_hash(salt: str, selected: list[str]) -> str:
    return sha(f"{salt}:c:{','.join(sorted(selected))}")


def browser_text_hashes(salt: str, student_input: str) -> list[str]:
    """What the browser tries for a typed answer: the normalised text, then the number if it is one."""
    norm = re.sub(r"\s+", " ", unicodedata.normalize("NFC", student_input).strip()).lower()
    hashes = [sha(f"{salt}:t:{norm}")]
    number = parse_number(student_input)
    if number is not None:
        hashes.append(sha(f"{salt}:n:{canonical(number)}"))
    return hashes


def browser_reveal(salt: str, secret: str) -> Any:
    """docs/theme.md: base64 of UTF-8 JSON XOR the stream sha256(salt:k:0) sha256(salt:k:1) ..."""
    raw = base64.b64decode(secret)
    stream = b"".join(hashlib.sha256(f"{salt}:k:{i}".encode()).digest() for i in range(len(raw) // 32 + 1))
    return json.loads(bytes(a ^ b for a, b in zip(raw, stream[: len(raw)], strict=True)).decode("utf-8"))


def accepts(data: dict[str, Any], student_input: str) -> bool:
    return any(h in data["answers"] for h in browser_text_hashes(data["salt"], student_input))


# --- choices -------------------------------------------------------------------------------------


SINGLE = (
    "::: question o\nPick one.\n\n"
    "- [ ] one\n- [x] two\n  > not shown for a right pick\n- [ ] three\n  > Three is wrong.\n:::\n"
)
MULTIPLE = "::: question o\nPick all.\n\n- [x] one\n- [ ] two\n- [x] three\n- [ ] four\n:::\n"


def all_selections(ids: list[str]) -> list[list[str]]:
    return [list(s) for n in range(len(ids) + 1) for s in itertools.combinations(ids, n)]


def test_single_choice_only_the_correct_choice_hashes_into_answers() -> None:
    data = data_of(SINGLE)
    assert data["kind"] == "single"
    accepted = [s for s in all_selections(["a", "b", "c"]) if browser_choice_hash(data["salt"], s) in data["answers"]]
    assert accepted == [["b"]]


def test_multiple_choice_is_all_or_nothing() -> None:
    data = data_of(MULTIPLE)
    assert data["kind"] == "multiple"
    ids = ["a", "b", "c", "d"]
    accepted = [s for s in all_selections(ids) if browser_choice_hash(data["salt"], s) in data["answers"]]
    assert accepted == [["a", "c"]]
    # the browser sorts the selection, so the click order does not matter
    assert browser_choice_hash(data["salt"], ["c", "a"]) in data["answers"]


def test_choice_secret_holds_feedback_and_correct_ids() -> None:
    data = data_of(SINGLE)
    secret = browser_reveal(data["salt"], data["secret"])
    assert secret["feedback"] == {"b": "<p>not shown for a right pick</p>\n", "c": "<p>Three is wrong.</p>\n"}
    assert secret["correct"] == ["b"]
    assert secret["accepted"] is None
    assert secret["ranges"] == []
    assert secret["explanation"] is None


def test_salt_is_16_hex_and_answers_are_sha256_hex() -> None:
    data = data_of(MULTIPLE)
    assert re.fullmatch(r"[0-9a-f]{16}", data["salt"])
    assert data["answers"] and all(re.fullmatch(r"[0-9a-f]{64}", h) for h in data["answers"])
    assert set(data) == {"key", "objective", "kind", "salt", "answers", "secret"}


def test_salts_differ_between_questions_units_and_courses() -> None:
    first, second = questions(SINGLE + "\n" + MULTIPLE)
    salts = {
        question_data("c", "u", first)["salt"],
        question_data("c", "u", second)["salt"],
        question_data("c", "v", first)["salt"],
        question_data("d", "u", first)["salt"],
    }
    assert len(salts) == 4


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


def test_equal_numbers_hash_the_same() -> None:
    salt = "0123456789abcdef"
    hashes = {sha256_hex(f"{salt}:n:{canonical(parse_number(s))}") for s in ("0.75", "3/4", "6/8")}  # type: ignore[arg-type]
    assert len(hashes) == 1


def test_negative_and_mixed_numbers() -> None:
    data = data_of("::: question o\nMinus one and a half?\n\n= -1 1/2\n:::\n")
    assert accepts(data, "-1.5")
    assert accepts(data, "-3/2")
    assert not accepts(data, "1.5")


def test_tolerance_answers_are_ranges_in_the_secret_not_hashes() -> None:
    data = data_of("::: question o\nAbout three quarters?\n\n= 0.75 ± 0.01\n:::\n")
    assert data["answers"] == []
    secret = browser_reveal(data["salt"], data["secret"])
    assert secret["ranges"] == [["37/50", "19/25"]]
    assert secret["correct"] is None


def test_ascii_plus_minus_gives_the_same_range() -> None:
    plain = data_of("::: question o\nAbout?\n\n= 0.75 +- 0.01\n:::\n")
    assert browser_reveal(plain["salt"], plain["secret"])["ranges"] == [["37/50", "19/25"]]


def test_several_answer_lines_are_alternatives() -> None:
    data = data_of("::: question o\nSeven or eight?\n\n= seven\n= 8\n= 10 ± 1/2\n\n> Because.\n:::\n")
    assert accepts(data, "Seven")
    assert accepts(data, "8.0")
    assert not accepts(data, "9")
    secret = browser_reveal(data["salt"], data["secret"])
    assert secret["ranges"] == [["19/2", "21/2"]]
    assert secret["explanation"] == "<p>Because.</p>\n"
    assert secret["accepted"] is not None
    for source in ("seven", "8", "10 ± 1/2"):
        assert source in secret["accepted"]


# --- the obfuscation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "payload",
    [{}, {"a": None}, {"feedback": {"b": "<p>é ü 日本 🦓</p>"}, "ranges": [["1/3", "2/3"]]}, {"long": "x" * 1000}],
)
def test_reveal_round_trips(payload: Any) -> None:
    secret = obfuscate("0123456789abcdef", payload)
    assert reveal("0123456789abcdef", secret) == payload
    assert browser_reveal("0123456789abcdef", secret) == payload
    base64.b64decode(secret, validate=True)


def test_secret_is_not_readable_without_the_keystream() -> None:
    secret = obfuscate("0123456789abcdef", {"explanation": "Explanationokapi"})
    assert "okapi" not in base64.b64decode(secret).decode("latin-1")
    assert "okapi" not in secret


def test_question_data_is_deterministic() -> None:
    (question,) = questions(SINGLE)
    assert question_data("c", "u", question) == question_data("c", "u", question)


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
    assert browser_choice_hash(single["salt"], ["b"]) in single["answers"]
    assert browser_choice_hash(multiple["salt"], ["a", "b"]) in multiple["answers"]
    assert accepts(text, "answerQUAGGA")
    assert accepts(number, "8/1")
    assert browser_reveal(number["salt"], number["secret"])["ranges"] == [["7997/1000", "8001/1000"]]
    assert "Feedbackmarmoset" in browser_reveal(single["salt"], single["secret"])["feedback"]["a"]
