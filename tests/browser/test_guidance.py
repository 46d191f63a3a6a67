"""What guides a 10-12-year-old through the course (UX review): where to go after a failed try
or after mastery, one explanation at a time, the locked page's "Start here", the course page's
links to what a unit waits for, kind file messages, and the finished-course moment."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.student import Course, Student, progress_file

pytestmark = pytest.mark.browser

U1, U2, U5, U6, U7 = (
    "whole-and-parts",
    "equivalent-fractions",
    "adding-like-denominators",
    "adding-unlike-denominators",
    "fraction-fair",
)
HELP = "Need help? See another way to learn this →"


def title(course: Course, uid: str) -> str:
    return course.unit(uid).title


def test_failed_try_points_to_help_and_to_a_second_try(student: Student, course_key: Course, page: Page) -> None:
    student.open_unit(U1)
    pager = page.get_by_role("navigation", name="Previous and next unit")
    expect(pager.get_by_role("link", name=f"Next {title(course_key, U2)} (locked)", exact=True)).to_be_visible()

    att = student.take(U1, 2)
    correctives = page.get_by_role("region", name="Another way to learn it")
    expect(correctives).to_be_visible()
    # Under each "Not correct": a link to the explanations for that question's objective.
    for s in att.shown:
        group = page.get_by_role("group", name=s.q.prompt)
        expect(group.get_by_role("link", name=HELP)).to_have_count(0 if s.q in att.right else 1)
    wrong = att.wrong[0]
    for q in att.wrong:  # each link described by its objective: they had all read the same (round hh, a11y 5)
        described = f"Objective: {course_key.unit(U1).objectives[q.objective]}"
        help_link = page.get_by_role("group", name=q.prompt).get_by_role("link", name=HELP)
        expect(help_link).to_have_accessible_description(described)
    page.get_by_role("group", name=wrong.prompt).get_by_role("link", name=HELP).click()
    target = page.get_by_role("region", name=f"Objective: {course_key.unit(U1).objectives[wrong.objective]}")
    expect(target).to_be_focused()
    expect(target).to_be_in_viewport()

    # One explanation open per objective; the others wait behind "Show me another way: ...".
    for oid in {q.objective for q in att.wrong}:
        group = page.get_by_role("region", name=f"Objective: {course_key.unit(U1).objectives[oid]}")
        expect(group.get_by_role("heading", level=4).filter(visible=True)).to_have_count(1)
        more = group.get_by_text(re.compile(r"^Show me another way: "))
        expect(more).to_have_count(1)
        more.click()
        expect(group.get_by_role("heading", level=4).filter(visible=True)).to_have_count(2)

    # A second "try again" at the end of the correctives: a fresh draw, focus back on the quiz.
    again = correctives.get_by_role("button", name="Try again with new questions", exact=True)
    expect(again).to_be_visible()
    again.click()
    expect(page.get_by_role("heading", name="Check your understanding")).to_be_focused()
    expect(student.button("Check answers")).to_be_visible()
    expect(again).to_be_hidden()
    assert not set(s.q.key for s in student.shown(U1)) & set(att.keys)

    # Mastered now: the correctives fold away (kept, closed); the next unit is open.
    student.take(U1, 5)
    expect(page.get_by_role("heading", name="Mastered!")).to_be_visible()
    expect(correctives).to_be_visible()
    show = correctives.get_by_text("Show the explanations again", exact=True)
    expect(show).to_be_visible()
    expect(correctives.get_by_role("heading", level=3).filter(visible=True)).to_have_count(0)
    expect(again).to_be_hidden()
    show.click()
    expect(correctives.get_by_role("heading", level=3).filter(visible=True).first).to_be_visible()
    expect(pager.get_by_role("link", name=f"Next {title(course_key, U2)}", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name=HELP)).to_have_count(0)


def test_locked_page_says_where_to_start(student: Student, course_key: Course, page: Page) -> None:
    student.open_unit(U6)  # waits for U5 and U3, both locked in a fresh profile
    notice = page.get_by_role("region", name="Not open yet")
    expect(notice).to_contain_text("To open this unit, first master:")
    expect(notice.get_by_text(f"Start here: {title(course_key, U1)}", exact=True)).to_be_visible()
    expect(page.get_by_text("Locked", exact=True).filter(visible=True)).to_have_count(2)  # only the two listed units
    notice.get_by_role("link", name=title(course_key, U1), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title(course_key, U1))


def test_course_page_links_what_a_unit_waits_for_and_celebrates_the_end(
    student: Student, course_key: Course, page: Page, tmp_path: Path
) -> None:
    student.course_page()
    card = student.card(U2)
    expect(card).to_contain_text(f"Opens when you master: {title(course_key, U1)}")
    card.get_by_role("link", name=title(course_key, U1), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title(course_key, U1))

    # Import counts only units with progress (the file lists every unit, most untouched).
    data = progress_file(course_key, course_key.order)
    for uid in course_key.order[1:]:
        data["units"][uid] = {
            "mastered": False,
            "attempts": 0,
            "best": None,
            "objectives": {},
            "last": None,
            "prev": [],
        }
    seed = tmp_path / "one.json"
    seed.write_text(json.dumps(data), encoding="utf-8")
    student.open_progress()
    student.import_progress(seed)
    expect(page.get_by_role("status").filter(has_text="Imported progress")).to_contain_text(
        "Imported progress for 1 unit (1 mastered)."
    )

    bad = tmp_path / "notes.json"
    bad.write_text("hello", encoding="utf-8")
    student.import_progress(bad)
    expect(page.get_by_role("status").filter(has_text="progress file")).to_have_text(
        "That isn't a progress file. Choose the file you saved with Export progress (its name ends in -progress.json)."
    )

    everything = tmp_path / "all.json"
    everything.write_text(json.dumps(progress_file(course_key, course_key.order)), encoding="utf-8")
    student.import_progress(everything)
    student.course_page()
    expect(page.get_by_text(f"You did it! You've mastered all 7 units of {course_key.title}.")).to_be_visible()
