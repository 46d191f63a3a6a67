"""Exact numbers for free-response answers; the browser script parses the same grammar."""

from __future__ import annotations

import re
from fractions import Fraction

_DECIMAL = r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE](?P<exp>[+-]?\d+))?"
MAX_EXPONENT = 1000  # the browser script uses the same cap: '1e99999999' is not worth a huge integer
MAX_LENGTH = 200
_NUMBER = re.compile(rf"^\s*(?P<dec>{_DECIMAL})\s*$")
_FRACTION = re.compile(r"^\s*(?P<sign>[+-]?)\s*(?:(?P<whole>\d+)\s+)?(?P<num>\d+)\s*/\s*(?P<den>\d+)\s*$")
_TOLERANCE = re.compile(r"^(?P<value>.+?)\s*(?:±|\+-|\+/-)\s*(?P<tol>.+)$")


_GROUPED = re.compile(r"^\s*[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?\s*$")
_GROUP_SPACE = re.compile(r"[ \u00a0\u202f](?=\d{3})")


def parse_number(text: str) -> Fraction | None:
    """'-3', '−3', '0.75', '.75', '0,75', '3/4', '-1 1/2', '1e-3', '300 000' -> Fraction; else None."""
    if len(text) > MAX_LENGTH:
        return None
    text = text.replace("\u2212", "-")  # the minus sign of typeset math (and of keyboards that offer it)
    if _GROUPED.match(text):
        text = _GROUP_SPACE.sub("", text)
    match = _NUMBER.match(text)
    if match:
        if match["exp"] and abs(int(match["exp"])) > MAX_EXPONENT:
            return None
        return Fraction(match["dec"].replace(",", "."))
    match = _FRACTION.match(text)
    if not match or int(match["den"]) == 0:
        return None
    value = Fraction(int(match["num"]), int(match["den"])) + int(match["whole"] or 0)
    return -value if match["sign"] == "-" else value


def ambiguous_comma(text: str) -> bool:
    """'1,000': one thousand in English, one in French. A teacher's answer must say which."""
    return re.fullmatch(r"\s*[+-]?\d{1,3},\d{3}\s*", text) is not None


def parse_tolerance(text: str) -> tuple[Fraction, Fraction] | None:
    """'0.75 ± 0.01' or '0.75 +- 0.01' -> (value, tolerance); None if not that form."""
    match = _TOLERANCE.match(text.strip())
    if not match:
        return None
    value, tol = parse_number(match["value"]), parse_number(match["tol"])
    if value is None or tol is None or tol < 0:
        return None
    return value, tol


def canonical(value: Fraction) -> str:
    """'3/4', '-3/2', '5/1': the form both sides hash."""
    return f"{value.numerator}/{value.denominator}"
