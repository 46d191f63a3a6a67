"""On a right-to-left page (Arabic), what a student types and the accepted answers shown after
mastery keep their own direction: a typed '-3' reads '-3', not '3-', and the accepted '-2' is
shown '-2', which a student copying it would type (new teacher u 8)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from masterysite.build import build
from tests.conftest import write_files

pytestmark = pytest.mark.browser

UNIT = (
    "---\ntitle: الأعداد\nobjectives:\n  n: الأعداد السالبة\n---\n\nدرس.\n\n"
    "::: question n\nما ناتج ٣ − ٥؟\n\n= -2\n:::\n"
)
# Where the minus is drawn, left or right of the digit: its box against the digit's
SIDES = """el => {
    const text = el.firstChild, range = document.createRange(), boxes = [];
    for (const at of [0, 1]) {
        range.setStart(text, at); range.setEnd(text, at + 1); boxes.push(range.getBoundingClientRect().left);
    }
    return boxes[0] < boxes[1] ? "minus left" : "minus right";
}"""


@pytest.fixture(scope="module")
def unit_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("rtl")
    course = write_files(root / "course", {"course.yml": "title: رياضيات\nlanguage: ar\n", "units/a.md": UNIT})
    build(course, root / "site")
    return (root / "site" / "units" / "a.html").as_uri()


def test_a_negative_number_reads_left_to_right_on_an_arabic_page(page: Page, unit_url: str) -> None:
    page.goto(unit_url)
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    box = page.locator("input[type=text]")
    box.fill("-2")
    assert box.evaluate("el => getComputedStyle(el).direction") == "ltr", "'-2' is drawn '2-'"
    page.locator("#ms-check").click()
    code = page.locator(".accepted code")
    expect(code).to_have_text("-2")
    assert code.evaluate(SIDES) == "minus left", "the accepted '-2' is drawn '2-'"
