"""Right to left: a course in Arabic, Hebrew or Persian (its own theme/strings.yml supplies the
words) gets dir="rtl", and the layout mirrors: the unit list on the right, the progress bar
filling from the right, "next" on the left."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from masterysite.build import build
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser

STRINGS = """\
ar:
  nav_course: الدورة
  nav_progress: التقدم
  check_answers: تحقق من الإجابات
  next_unit: التالي
  previous_unit: السابق
  skip_link: انتقل إلى المحتوى
"""


def unit(title: str, body: str) -> str:
    return f"---\ntitle: {title}\nobjectives:\n  x: جمع عددين\n---\n\n" + textwrap.dedent(body)


@pytest.fixture(scope="module")
def rtl_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("rtl") / "course"
    (root / "units").mkdir(parents=True)
    (root / "theme").mkdir()
    (root / "theme" / "strings.yml").write_text(STRINGS, encoding="utf-8")
    (root / "course.yml").write_text("title: الكسور\nid: rtl-ar\nlanguage: ar\n", encoding="utf-8")
    question = "\n::: question x\nما ناتج 2 + 2؟\n\n= 4\n:::\n"
    (root / "units" / "a.md").write_text(unit("الوحدة الأولى", "درس قصير.\n" + question), encoding="utf-8")
    (root / "units" / "b.md").write_text(unit("الوحدة الثانية", "درس آخر.\n" + question), encoding="utf-8")
    out = root.parent / "site"
    build(root, out)
    return out


def test_an_arabic_course_reads_right_to_left(page: Page, rtl_site: Path, axe: str) -> None:
    page.goto((rtl_site / "index.html").as_uri())
    html = page.locator("html")
    expect(html).to_have_attribute("dir", "rtl")
    expect(html).to_have_attribute("lang", "ar")
    expect(page.get_by_role("link", name="الدورة")).to_be_visible()
    # The header: the course title on the right, its links to the left of it.
    title = page.locator(".site-title").bounding_box()
    nav = page.get_by_role("navigation", name="Site").bounding_box() or page.locator(".site-nav").bounding_box()
    assert title and nav and title["x"] > nav["x"], (title, nav)
    # The progress bar fills from the right.
    page.evaluate("() => { document.querySelector('.meter__fill').style.width = '30%'; }")
    bar, fill = page.locator(".meter").bounding_box(), page.locator(".meter__fill").bounding_box()
    assert bar and fill and abs((bar["x"] + bar["width"]) - (fill["x"] + fill["width"])) < 1.5, (bar, fill)

    page.goto((rtl_site / "units" / "a.html").as_uri())
    expect(page.get_by_role("button", name="تحقق من الإجابات")).to_be_visible()
    side = page.locator(".unit-nav").bounding_box()
    main = page.locator("main").bounding_box()
    assert side and main and side["x"] > main["x"], "the unit list is not on the right"
    nxt = page.locator(".pager__next").bounding_box()
    assert nxt and nxt["x"] < main["x"] + main["width"] / 2, "'next' is not on the left"
    assert page.locator(".pager__next").evaluate("e => getComputedStyle(e).textAlign") in ("left", "end")
    assert page.locator(".question").evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert axe_violations(page, axe) == []
