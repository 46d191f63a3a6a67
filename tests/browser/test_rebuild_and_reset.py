"""SPEC §3.6: progress survives a rebuild of the course after a teacher fixes a typo; Reset clears it."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from masterysite.build import build
from tests.browser.student import Course, Student

UNIT1 = "whole-and-parts"
OPENED = {"equivalent-fractions": "Available", "adding-like-denominators": "Available"}


def fix_typos(course: Path) -> None:
    """What a teacher does between two lessons: reword the lesson and every question prompt."""
    unit = course / "units" / "01-whole-and-parts.md"
    text = unit.read_text(encoding="utf-8")
    text = text.replace("::: question name\n", "::: question name\n(Reworded.) ", 1)
    text = text.replace("\n\n", "\n\nA sentence the teacher added after a student asked.\n\n", 1)
    unit.write_text(text, encoding="utf-8")


def test_progress_survives_a_rebuild_after_a_typo_fix(page: Page, live: tuple[str, Path], example_course: Path) -> None:
    root, out = live
    student = Student(page, Course(out, example_course), root)
    student.master(UNIT1, n_right=4)
    student.open_unit("equivalent-fractions")  # an attempt in progress on another unit
    expect(student.button("Check answers")).to_be_visible()

    fix_typos(example_course)
    build(example_course, out)
    assert "A sentence the teacher added" in (out / "units" / f"{UNIT1}.html").read_text(encoding="utf-8")

    student = Student(page, Course(out, example_course), root)
    student.course_page()
    statuses = student.statuses()
    assert statuses[UNIT1] == "Mastered"
    assert {u: s for u, s in statuses.items() if s == "Available"} == OPENED
    assert "80%" in student.card(UNIT1).inner_text()
    student.open_unit("equivalent-fractions")
    expect(student.button("Check answers")).to_be_visible()
    student.open_progress()
    assert student.progress_row(Course(out, example_course).unit(UNIT1).title)[1:] == ["80% (4/5)", "1"]


def master_then_reset(page: Page, student: Student, confirm: bool) -> None:
    """Master unit 1, press Reset progress and answer the confirm dialog; end on the course page."""
    student.master(UNIT1)
    student.open_progress()
    page.once("dialog", lambda dialog: dialog.accept() if confirm else dialog.dismiss())
    student.button("Reset progress").click()
    student.course_page()


def test_reset_progress_starts_over(page: Page, student: Student) -> None:
    master_then_reset(page, student, confirm=True)
    statuses = student.statuses()
    assert statuses[UNIT1] == "Available"
    assert set(statuses.values()) == {"Available", "Locked"}
    assert [u for u, s in statuses.items() if s == "Available"] == [UNIT1]


def test_reset_asks_first_and_a_no_keeps_everything(page: Page, student: Student) -> None:
    master_then_reset(page, student, confirm=False)
    assert student.statuses()[UNIT1] == "Mastered"
