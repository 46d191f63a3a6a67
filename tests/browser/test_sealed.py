"""Answers only by answering, in the browser (SPEC §3.8; docs/theme.md "Sealed answers"):
an explanation shows only after a right answer; the enrichment opens on mastery and stays open
after a reload, an export/import into a fresh profile, and a rebuild in which the teacher edited
the unit; a progress file that says "mastered" without the unit key does not open it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from masterysite.build import build
from tests.browser.conftest import Watch
from tests.browser.student import Course, Student, progress_file

pytestmark = pytest.mark.browser

U1 = "whole-and-parts"  # draw 5 of 10, 80%: 4 right answers master it
ENRICHMENT_TITLE = "Fractions at home"  # course/units/01-whole-and-parts.md
SEALED_TEXT = "This opens when you pass the quiz"


def enrichment(page: Page):  # type: ignore[no-untyped-def]
    return page.get_by_role("region", name="Bonus challenges")


def expect_enrichment_open(page: Page) -> None:
    expect(enrichment(page).get_by_role("heading", name=ENRICHMENT_TITLE)).to_be_visible()
    expect(enrichment(page)).not_to_contain_text(SEALED_TEXT)


def test_an_explanation_shows_only_after_a_right_answer(student: Student, page: Page) -> None:
    student.open_unit(U1)
    shown = [s for s in student.shown(U1) if s.q.explanation]
    for _ in range(30):  # a fresh draw (a new student's) until two of its questions have an explanation
        if len(shown) >= 2:
            break
        page.evaluate("localStorage.clear()")
        page.reload()
        shown = [s for s in student.shown(U1) if s.q.explanation]
    assert len(shown) >= 2, "30 draws in a row had fewer than two questions with an explanation"
    right, wrong = shown[0], shown[1:]
    for s in student.shown(U1):
        student.choose(s, s.q.key == right.q.key)
    student.check()
    expect(page.get_by_role("region", name="Not yet mastered")).to_be_visible()
    expect(right.group).to_contain_text(right.q.explanation or "")
    for s in wrong:
        expect(s.group).to_contain_text("Not correct")
        expect(s.group).not_to_contain_text(s.q.explanation or "")
        assert (s.q.explanation or "") not in page.content()  # not hidden: absent
    expect(page.get_by_text("correct answer")).to_have_count(0)
    expect(page.get_by_text("Accepted answers")).to_have_count(0)


def test_the_enrichment_opens_on_mastery_and_after_a_reload(student: Student, page: Page) -> None:
    student.open_unit(U1)
    expect(enrichment(page)).to_have_count(0)
    assert ENRICHMENT_TITLE not in page.content()
    student.take(U1, 4)
    expect(page.get_by_role("heading", name="Mastered!")).to_be_visible()
    expect_enrichment_open(page)
    page.reload()
    expect_enrichment_open(page)


def test_the_unit_key_travels_with_export_and_import(
    student: Student, course_key: Course, page: Page, browser: Browser, watch: Watch, base_url: str, tmp_path: Path
) -> None:
    student.master(U1)
    student.open_progress()
    page.get_by_label("Your name").fill("Ana Lima")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    file = tmp_path / "progress.json"
    download.value.save_as(file)
    assert isinstance(json.loads(file.read_text(encoding="utf-8"))["units"][U1]["key"], str)

    other = browser.new_context(viewport={"width": 1280, "height": 900})  # another device
    watch.attach(other)
    try:
        fresh = Student(other.new_page(), course_key, base_url)
        fresh.open_progress()
        fresh.import_progress(file)
        fresh.open_unit(U1)
        expect_enrichment_open(fresh.page)
    finally:
        other.close()


def test_mastered_without_the_key_does_not_open_the_enrichment(
    student: Student, course_key: Course, page: Page, tmp_path: Path
) -> None:
    """A forged (or hand-edited) progress file: the next units open (they are gated, not sealed),
    but the enrichment and the review of correct answers need the key only answering earns."""
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(progress_file(course_key, [U1])), encoding="utf-8")
    student.open_progress()
    student.import_progress(forged)
    student.open_unit(U1)
    expect(page.get_by_text("Mastered (imported)", exact=True)).to_be_visible()  # (README: not earned here)
    expect(enrichment(page)).to_contain_text(SEALED_TEXT)
    expect(enrichment(page).get_by_role("heading", level=3)).to_have_count(0)
    student.take(U1, 0)  # practice: a wrong answer shows no correct answer without the key
    expect(page.get_by_text("correct answer")).to_have_count(0)
    expect(page.get_by_text("Accepted answers")).to_have_count(0)
    # Answering earns it: a passed attempt opens the enrichment at once.
    student.button("Practise with new questions").click()
    student.take(U1, 5)
    expect_enrichment_open(page)


def test_the_enrichment_stays_open_after_the_teacher_edits_the_unit(
    page: Page, live: tuple[str, Path], example_course: Path
) -> None:
    root, out = live
    Student(page, Course(out, example_course), root).master(U1)
    unit = example_course / "units" / "01-whole-and-parts.md"
    text = unit.read_text(encoding="utf-8")
    text = text.replace("::: question name\n", "::: question name\n(Reworded.) ", 1)
    text = text.replace("::: enrichment Fractions at home", "::: enrichment Fractions all around you", 1)
    unit.write_text(text, encoding="utf-8")
    build(example_course, out)
    # A plain server answers "not modified" when the page's new time falls in the same second as the
    # old one (Last-Modified has whole seconds): routing every request turns the browser cache off.
    page.route("**/*", lambda route: route.continue_())
    page.reload()
    expect(enrichment(page).get_by_role("heading", name="Fractions all around you")).to_be_visible()
    expect(enrichment(page)).not_to_contain_text(SEALED_TEXT)
