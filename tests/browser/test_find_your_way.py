"""Finding one's way: after mastery the result box leads to the bonus work (and focus follows);
the course and progress pages show where bonus work is open; after a failed try the explanations
come before the retake button; long units have a table of contents and a way to the quiz that
work on a phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.student import Course, Student

pytestmark = pytest.mark.browser

U1 = "whole-and-parts"
BONUS = "Bonus challenges"


def test_mastery_leads_to_the_bonus_work(student: Student, page: Page) -> None:
    student.master(U1)
    results = page.get_by_role("region", name="Mastered!")
    expect(results).to_be_focused()  # the result is read first
    link = results.get_by_role("link", name="Go to the bonus challenges")
    link.click()
    bonus = page.get_by_role("region", name=BONUS, exact=True)
    expect(bonus).to_be_focused()
    expect(bonus).to_be_in_viewport()

    # The course page and the progress page say where bonus work is open, and lead to it.
    student.course_page()
    expect(student.card(U1).get_by_role("link", name="Bonus challenges open")).to_be_visible()
    expect(student.card("equivalent-fractions").get_by_role("link", name="Bonus challenges open")).to_have_count(0)
    student.open_progress()
    to_bonus = page.get_by_role("table").get_by_role("link", name="Bonus challenges open")
    expect(to_bonus).to_have_count(1)
    to_bonus.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(student.course.unit(U1).title)
    expect(page.get_by_role("region", name=BONUS, exact=True)).to_be_in_viewport()


def test_after_a_failed_try_the_explanations_come_before_the_retake(student: Student, page: Page) -> None:
    student.open_unit(U1)
    student.take(U1, 1)
    correctives = page.get_by_role("region", name="Another way to learn it")
    expect(correctives).to_be_visible()
    retake = page.get_by_role("button", name=re.compile("^Try again")).filter(visible=True)
    expect(retake).to_have_count(1)
    after = correctives.evaluate(
        "(box, button) => !!(box.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING)"
        " || box.contains(button)",
        retake.element_handle(),
    )
    assert after, "the retake button comes before the explanations"
    # ... and below the last explanation, not above it.
    last = correctives.locator("section.corrective-group:not([hidden])").last
    assert retake.bounding_box()["y"] > last.bounding_box()["y"]  # type: ignore[index]


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_table_of_contents_links_land_on_their_headings(
    width: int, page: Page, base_url: str, course_key: Course
) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + course_key.unit(U1).href)
    toc = page.get_by_role("navigation", name="On this page")
    links = toc.get_by_role("link")
    names = links.all_inner_texts()
    assert len(names) >= 3 and names[-1] == "Go to the quiz", names
    for name in names:
        toc.get_by_role("link", name=name, exact=True).click()
        target = (
            page.get_by_role("heading", name="Check your understanding")
            if name == "Go to the quiz"
            else page.locator(".lesson").get_by_role("heading", name=name, exact=True)
        )
        expect(target).to_be_in_viewport()
        top = target.evaluate("e => e.getBoundingClientRect().top")
        assert 0 <= top < 80, f"{name!r} landed {top}px from the top"
        page.evaluate("() => window.scrollTo(0, 0)")
    # A tap target a finger can hit (WCAG 2.5.8: at least 24 px tall).
    heights = links.evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
    assert min(heights) >= 24, heights


def test_locked_titles_are_not_dressed_as_links_and_display_math_uses_the_text_face(
    page: Page, http_root: str, course_key: Course
) -> None:
    page.goto(http_root + "index.html")
    style = "e => { const s = getComputedStyle(e); return [s.textDecorationLine, s.color]; }"
    student = Student(page, course_key, http_root)
    open_title = student.card(U1).get_by_role("link", name=course_key.unit(U1).title).evaluate(style)
    locked_title = student.card("equivalent-fractions").get_by_role("heading").get_by_role("link").evaluate(style)
    assert open_title[0] == "underline" and locked_title[0] == "none", (open_title, locked_title)
    assert open_title[1] != locked_title[1]

    page.goto(http_root + course_key.unit(U1).href)
    faces = page.evaluate(
        "() => [getComputedStyle(document.querySelector('.lesson p')).fontFamily,"
        " getComputedStyle(document.querySelector('math[display=block]')).fontFamily]"
    )
    assert faces[0] == faces[1], faces
