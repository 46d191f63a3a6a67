"""Exact numbers: the answer grammar shared with the browser, and exact mastery comparisons."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from masterysite import render
from masterysite.config import parse_mastery
from masterysite.parse.numbers import canonical, parse_number, parse_tolerance
from masterysite.theme import strings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", Fraction(0)),
        ("-0", Fraction(0)),
        ("7", Fraction(7)),
        ("-3", Fraction(-3)),
        ("+3", Fraction(3)),
        ("0.75", Fraction(3, 4)),
        (".75", Fraction(3, 4)),
        ("-.5", Fraction(-1, 2)),
        ("1.", Fraction(1)),
        ("0,75", Fraction(3, 4)),  # comma decimal
        ("-0,5", Fraction(-1, 2)),
        ("3/4", Fraction(3, 4)),
        ("6/8", Fraction(3, 4)),
        ("-3/4", Fraction(-3, 4)),
        ("3 / 4", Fraction(3, 4)),
        ("1 1/2", Fraction(3, 2)),  # mixed number
        ("-1 1/2", Fraction(-3, 2)),  # the sign applies to the whole mixed number
        ("2 3/4", Fraction(11, 4)),
        ("1e-3", Fraction(1, 1000)),
        ("1E3", Fraction(1000)),
        ("2.5e+2", Fraction(250)),
        ("  42  ", Fraction(42)),
        ("\t0.5\n", Fraction(1, 2)),
        ("0.1", Fraction(1, 10)),  # exact, not the float 0.1000000000000000055...
        ("123456789012345678901234567890", Fraction(123456789012345678901234567890)),
    ],
)
def test_parse_number(text: str, expected: Fraction) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "1/0",
        "0/0",
        "1 1/0",
        "1.2.3",
        "1,2,3",
        "3/4/5",
        "1e",
        "e3",
        "0x10",
        "inf",
        "nan",
        "1_000",
        "½",
        "3 4",
        "--1",
        "1-",
        "three",
        "1/2x",
        "$5",
        "5%",
    ],
)
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


def test_zero_denominator_is_not_a_number_and_does_not_raise() -> None:
    assert parse_number("5/0") is None
    assert parse_number("-1 1/0") is None


@pytest.mark.parametrize(
    ("text", "value", "tolerance"),
    [
        ("0.75 ± 0.01", Fraction(3, 4), Fraction(1, 100)),
        ("0.75 +- 0.01", Fraction(3, 4), Fraction(1, 100)),
        ("0.75+-0.01", Fraction(3, 4), Fraction(1, 100)),
        ("0.75±0.01", Fraction(3, 4), Fraction(1, 100)),
        ("1/2 +/- 1/100", Fraction(1, 2), Fraction(1, 100)),
        ("-2 ± 0,5", Fraction(-2), Fraction(1, 2)),
        ("3.14 ± 0", Fraction(314, 100), Fraction(0)),
        ("  10 ± 1  ", Fraction(10), Fraction(1)),
    ],
)
def test_parse_tolerance(text: str, value: Fraction, tolerance: Fraction) -> None:
    assert parse_tolerance(text) == (value, tolerance)


@pytest.mark.parametrize("text", ["0.75", "3/4", "abc ± 1", "1 ± abc", "± 1", "1 ±", "1 ± -0.1", "", "1 + 2"])
def test_parse_tolerance_rejects(text: str) -> None:
    assert parse_tolerance(text) is None


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(3, 4), "3/4"),
        (Fraction(6, 8), "3/4"),
        (Fraction(-3, 2), "-3/2"),
        (Fraction(5), "5/1"),
        (Fraction(0), "0/1"),
        (Fraction(-7), "-7/1"),
    ],
)
def test_canonical(value: Fraction, text: str) -> None:
    assert canonical(value) == text


@pytest.mark.parametrize("text", ["0.75", "3/4", "6/8", ".75", "0,75", "75e-2", " 3 / 4 "])
def test_equal_numbers_have_one_canonical_form(text: str) -> None:
    number = parse_number(text)
    assert number is not None
    assert canonical(number) == "3/4"


# --- mastery: exact, integer comparison (docs/theme.md) ----------------------------------------------


def passes(right: int, total: int, mastery: Fraction) -> bool:
    """The browser's rule: right/total passes iff right * den >= num * total."""
    return right * mastery.denominator >= mastery.numerator * total


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("80%", Fraction(4, 5)),
        ("80 %", Fraction(4, 5)),
        (0.8, Fraction(4, 5)),
        ("0.8", Fraction(4, 5)),
        ("4/5", Fraction(4, 5)),
        ("90%", Fraction(9, 10)),
        (0.9, Fraction(9, 10)),
        ("100%", Fraction(1)),
        (1, Fraction(1)),
        ("2/3", Fraction(2, 3)),
        ("66.5%", Fraction(133, 200)),
        (0.7, Fraction(7, 10)),  # exact from the YAML float's text, not 0.6999999999999999555...
    ],
)
def test_parse_mastery(value: object, expected: Fraction) -> None:
    assert parse_mastery(value) == expected


@pytest.mark.parametrize("value", ["abc", "", "%", "1/0", True, None, "eighty"])
def test_parse_mastery_rejects(value: object) -> None:
    assert parse_mastery(value) is None


@pytest.mark.parametrize(
    ("mastery", "right", "total", "expected"),
    [
        ("80%", 4, 5, True),
        ("80%", 3, 5, False),
        ("80%", 7, 10, False),
        ("80%", 8, 10, True),
        ("80%", 79, 100, False),
        ("80%", 80, 100, True),
        (0.8, 4, 5, True),
        ("4/5", 4, 5, True),
        ("90%", 9, 10, True),
        ("90%", 8, 9, False),  # 88.9%
        ("90%", 18, 20, True),
        (0.9, 9, 10, True),
        ("2/3", 2, 3, True),
        ("2/3", 1, 2, False),
        ("2/3", 4, 6, True),
        ("2/3", 6, 9, True),
        ("2/3", 66, 100, False),
        ("66.7%", 2, 3, False),  # 66.7% is strictly more than two thirds
        (0.7, 7, 10, True),  # a float 0.7 would fail 7/10 through rounding
        ("100%", 5, 5, True),
        ("100%", 4, 5, False),
        ("1%", 1, 100, True),
        ("1%", 0, 100, False),
    ],
)
def test_mastery_comparison_is_exact(mastery: object, right: int, total: int, expected: bool) -> None:
    share = parse_mastery(mastery)
    assert share is not None
    assert passes(right, total, share) is expected


def test_default_mastery_is_80_percent() -> None:
    from masterysite.config import DEFAULT_MASTERY

    assert Fraction(4, 5) == DEFAULT_MASTERY


@pytest.mark.parametrize(
    ("language", "share", "shown"),
    [
        ("en", Fraction(4, 5), "80%"),
        ("en", Fraction(2, 3), "66.7%"),
        ("fr", Fraction(4, 5), "80\u202f%"),
        ("fr", Fraction(2, 3), "66,7\u202f%"),
        ("de", Fraction(3, 4), "75\u00a0%"),
        ("es", Fraction(17, 20), "85\u00a0%"),
    ],
)
def test_a_threshold_is_written_as_its_language_writes_percentages(
    language: str, share: Fraction, shown: str, tmp_path: Path
) -> None:
    assert render.percent(share, strings(tmp_path, language)) == shown
