"""A unit printed as a worksheet (teachers hand them out): everything of the lesson on paper."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from masterysite.build import build
from tests.conftest import write_files

pytestmark = pytest.mark.browser

LONG = "result = compute(argument_one=[1, 2, 3], argument_two={'a': 1}, argument_three=[1, 2, 3, 4]) # END_OF_LINE"
UNIT = f"---\ntitle: Print\nrequires: []\n---\n\nThe program:\n\n```python\n{LONG}\n```\n"


def test_a_long_line_of_code_wraps_on_paper(page: Page, tmp_path: Path) -> None:
    """Printed, a code line wider than the page was cut at the margin: the rest was missing, with nothing to
    show it (round hh, a11y 3). On paper a long line wraps; on screen its box still scrolls."""
    course = write_files(tmp_path / "course", {"course.yml": "title: T\n", "units/p.md": UNIT})
    build(course, tmp_path / "site")
    page.set_viewport_size({"width": 560, "height": 800})  # (about an A4 page's text width)
    page.goto((tmp_path / "site" / "units" / "p.html").as_uri())
    code = page.locator("pre").first
    assert code.evaluate("el => el.scrollWidth > el.clientWidth"), "on screen the line scrolls in its box"
    page.emulate_media(media="print")
    assert code.evaluate("el => el.scrollWidth <= el.clientWidth"), "printed, the line is cut at the margin"
    assert "END_OF_LINE" in code.inner_text()


def test_the_worksheet_has_no_buttons_that_do_nothing_on_paper(page: Page, tmp_path: Path) -> None:
    """Printed, a unit showed each practice exercise's Check, "Show a hint" and the Move up/down arrows, which do
    nothing on paper (round hh, a11y 7). They are left out, with the hints they would show."""
    unit = (
        "---\ntitle: Print\nrequires: []\nobjectives:\n  o: O\n---\n\nText.\n\n"
        "::: practice\nHow much is 2 + 2?\n\n= 4\n:::\n\n"
        "::: question o\nHow much?\n\n[[?]] Count.\n\n= 4\n:::\n\n::: question o\nOrder them.\n\n1. a\n2. b\n:::\n"
    )
    course = write_files(tmp_path / "course", {"course.yml": "title: T\n", "units/p.md": unit})
    build(course, tmp_path / "site")
    page.goto((tmp_path / "site" / "units" / "p.html").as_uri())
    shown = "() => [...document.querySelectorAll('main button')].filter(b => b.offsetParent).map(b => b.textContent)"
    assert page.evaluate(shown), "on screen the buttons show"
    page.emulate_media(media="print")
    assert page.evaluate(shown) == [], "printed, buttons that do nothing on paper"
