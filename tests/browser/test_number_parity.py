"""The browser checks a typed number with its own parser: it must read every input exactly as the
build reads a teacher's answer (docs/theme.md), and both must match this table."""

from __future__ import annotations

from playwright.sync_api import Page

from masterysite.parse.numbers import canonical, parse_number

EXPECTED: dict[str, str | None] = {
    "3": "3/1",
    "-3": "-3/1",
    "+5": "5/1",
    "0.75": "3/4",
    ".75": "3/4",
    "0,75": "3/4",
    "3/4": "3/4",
    "6/8": "3/4",
    " 3 / 4 ": "3/4",
    "-1 1/2": "-3/2",
    "1 1/2": "3/2",
    "1e-3": "1/1000",
    "2.5E2": "250/1",
    "300 000": "300000/1",
    "1 234,5": "2469/2",
    "300\u202f000": "300000/1",
    "1/0": None,
    "abc": None,
    "": None,
    "1.2.3": None,
    "12 34": None,
    "1e5000": None,
    "1" * 250: None,
}


def test_the_table_is_what_the_build_reads() -> None:
    for text, expected in EXPECTED.items():
        value = parse_number(text)
        assert (canonical(value) if value is not None else None) == expected, text


def test_the_browser_reads_numbers_like_the_build(page: Page, file_root: str) -> None:
    page.goto(file_root + "units/whole-and-parts.html")
    page.wait_for_function("() => window.masterysite && window.masterysite.parseNumber")
    got = page.evaluate(
        """(inputs) => inputs.map((t) => {
            const v = window.masterysite.parseNumber(t);
            return v === null ? null : `${v.n}/${v.d}`;
        })""",
        list(EXPECTED),
    )
    assert dict(zip(EXPECTED, got, strict=True)) == EXPECTED
