"""Math as Chromium draws it: MathML Core reads no 'columnalign', no 'mathvariant' but normal, and sets a
limit beside its operator unless the MathML puts it under (parse/latex.for_mathml_core). Measured in the
page, as a student sees it: the '=' of aligned rows line up, a bold vector is bold, a limit is under.
(A brace over an expression stretches only with a math font: its 'stretchy' is tested in Python.)"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import serve_build
from tests.conftest import write_files

pytestmark = pytest.mark.browser

UNIT = (
    "---\ntitle: Math\n---\n\n"
    "$$\n\\begin{aligned}\ns &= (1+\\lambda) c - \\lambda h \\\\\n"
    "h^{*} + \\delta_h &= \\delta_h h + c\n\\end{aligned}\n$$\n\n"
    "Bold $\\boldsymbol{\\mu}$ and $\\mathbf{\\Sigma}$, plain $\\mu$.\n\n"
    "$$\n\\lim_{x \\to 0} f(x) = \\Bigl\\{ \\overbrace{a + b + c}^{n} \\Bigr\\}\n$$\n"
)


@pytest.fixture(scope="module")
def math_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("math")
    course = write_files(root / "course", {"course.yml": "title: Math\n", "units/a.md": UNIT})
    with serve_build(course, root / "web" / "site") as url:
        yield f"{url}units/a.html"


def test_aligned_rows_line_up_their_equals_signs(page: Page, math_url: str) -> None:
    page.goto(math_url)
    equals = page.locator(".math.block").first.locator("mo", has_text="=")
    assert equals.count() == 2
    first, second = (box["x"] for box in (equals.nth(0).bounding_box(), equals.nth(1).bounding_box()) if box)
    assert abs(first - second) < 1, (first, second)
    cells = page.locator(".math.block").first.locator("mtr > mtd:first-child")  # 's' and 'h* + δ': to the right
    ends = [box["x"] + box["width"] for box in (cells.nth(0).locator("> *").last.bounding_box(),
                                                cells.nth(1).locator("> *").last.bounding_box()) if box]  # fmt: skip
    assert len(ends) == 2 and abs(ends[0] - ends[1]) < 1, ends


def test_a_bold_vector_is_bold_and_a_limit_sits_under_its_operator(page: Page, math_url: str) -> None:
    page.goto(math_url)
    text = page.evaluate("() => [...document.querySelectorAll('.math.inline mi')].map(mi => mi.textContent)")
    assert text == ["\U0001d741", "\U0001d6ba", "μ"]  # bold italic mu, bold Sigma, plain mu (as drawn)
    display = page.locator(".math.block").nth(1)
    lim = display.locator("mo", has_text="lim").bounding_box()
    under = display.locator("munder mrow").first.bounding_box()
    assert lim and under and under["y"] >= lim["y"] + lim["height"] - 1, (lim, under)
    assert "\\" not in display.inner_text()  # (\Bigl\{ had kept its backslash)
