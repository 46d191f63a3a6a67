"""The lines of a program to put in order keep their indentation: in Python it is the point of the
question, and two lines that differ only by it ('    print(i)', 'print(i)') looked the same (new teacher q)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import serve_build
from tests.conftest import write_files

pytestmark = pytest.mark.browser

UNIT = (
    "---\ntitle: Loops\nobjectives:\n  loop: Write a loop\n---\n\nLesson.\n\n"
    "::: question loop\nPut the lines of the program in order.\n\n"
    "1. `for i in range(3):`\n2. `    print(i)`\n3. `print(i)`\n:::\n"
)


@pytest.fixture(scope="module")
def unit_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("ordering")
    course = write_files(root / "course", {"course.yml": "title: Loops\n", "units/a.md": UNIT})
    with serve_build(course, root / "web" / "site") as url:
        yield f"{url}units/a.html"


def test_an_indented_line_of_code_is_drawn_indented(page: Page, unit_url: str) -> None:
    page.goto(unit_url)
    starts = page.evaluate(
        """() => Array.from(document.querySelectorAll('.ordering__text code')).map(code => {
            const text = code.firstChild, range = document.createRange(), at = text.data.search(/\\S/);
            range.setStart(text, at); range.setEnd(text, at + 1);
            return [text.data.trim(), range.getBoundingClientRect().left - code.getBoundingClientRect().left];
        })"""
    )
    indents = sorted((round(x), line) for line, x in starts)
    assert [line for _, line in indents][-1] == "print(i)" and len(indents) == 3
    flush = [x for x, _ in indents[:2]]
    assert indents[2][0] - max(flush) > 15, indents  # four spaces of a monospace font
