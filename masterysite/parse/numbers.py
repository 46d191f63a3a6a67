"""Exact numbers for free-response answers; the browser script parses the same grammar."""

from __future__ import annotations

import re
from fractions import Fraction

from masterysite.parse.patterns import WHITESPACE

# As the browser reads them (js/judge.js parseNumber): ASCII digits only, and JavaScript's white space
# (Python's own '\\d' and '\\s' take '３', '٣' and U+0085 too, and leave out U+FEFF).
_D, _S = "[0-9]", f"[{WHITESPACE}]"
_DECIMAL = rf"[+-]?(?:{_D}+(?:[.,]{_D}*)?|[.,]{_D}+)(?:[eE](?P<exp>[+-]?{_D}+))?"
MAX_EXPONENT = 1000  # the browser script uses the same cap: '1e99999999' is not worth a huge integer
MAX_LENGTH = 200
_NUMBER = re.compile(rf"{_S}*(?P<dec>{_DECIMAL}){_S}*")
_FRACTION = re.compile(
    rf"{_S}*(?P<sign>[+-]?){_S}*(?:(?P<whole>{_D}+){_S}+)?(?P<num>{_D}+){_S}*/{_S}*(?P<den>{_D}+){_S}*"
)
_TOLERANCE = re.compile(r"^(?P<value>.+?)\s*(?:±|\+-|\+/-)\s*(?P<tol>.+)$")


_GROUPED = re.compile(rf"{_S}*[+-]?{_D}{{1,3}}(?:[ \u00a0\u202f]{_D}{{3}})+(?:[.,]{_D}+)?{_S}*")
_GROUP_SPACE = re.compile(r"[ \u00a0\u202f](?=[0-9]{3})")


def parse_number(text: str) -> Fraction | None:
    """'-3', '−3', '0.75', '.75', '0,75', '3/4', '-1 1/2', '1e-3', '300 000' -> Fraction; else None."""
    if len(text) > MAX_LENGTH:
        return None
    text = text.replace("\u2212", "-")  # the minus sign of typeset math (and of keyboards that offer it)
    if _GROUPED.fullmatch(text):
        text = _GROUP_SPACE.sub("", text)
    match = _NUMBER.fullmatch(text)
    if match:
        if match["exp"] and abs(int(match["exp"])) > MAX_EXPONENT:
            return None
        return Fraction(match["dec"].replace(",", "."))
    match = _FRACTION.fullmatch(text)
    if not match or int(match["den"]) == 0:
        return None
    value = Fraction(int(match["num"]), int(match["den"])) + int(match["whole"] or 0)
    return -value if match["sign"] == "-" else value


def ambiguous_comma(text: str) -> bool:
    """'1,000': one thousand in English, one in French. A teacher's answer must say which."""
    return re.fullmatch(r"\s*[+\-\u2212]?\d{1,3},\d{3}\s*", text) is not None


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
