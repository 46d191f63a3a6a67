"""Lesson blocks in the browser: every kind on one page passes axe-core at desktop and phone width
(light scheme), a solution stays collapsed until opened, and each box is announced by its title."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import axe_violations, serve_build
from tests.conftest import write_files

pytestmark = pytest.mark.browser

CALLOUTS = ["note", "tip", "warning", "caution", "important", "callout", "discussion", "checklist", "prereq"]
CALLOUTS += ["testimonial", "{.callout-note}", "{.callout-tip}", "{.callout-warning}", "{.callout-caution}"]
CALLOUTS += ["{.callout-important}"]
OTHERS = ["spoiler", "details", "hint", "keypoints", "questions", "objectives"]


def every_block() -> str:
    parts = ["---\ntitle: Every block\nobjectives:\n  o: Do it\n---\n\nLesson.\n"]
    parts.append("Before you start:\n\n- [x] Install Python\n- [ ] Download the *data*\n")
    parts.append("As @tbl-sizes shows:\n\n| Size | Cups |\n|---|---|\n| small | 1/2 |\n\n: Bag sizes {#tbl-sizes}\n")
    parts += [f"::: {name}\nA `{name}` box with a [link](#top) and `code`.\n:::\n" for name in CALLOUTS + OTHERS]
    parts.append("::: tip Count *on*\nTitled.\n:::\n")
    parts.append("```{card}\nAn untitled card (sphinx-design): a box with no title.\n```\n")
    parts.append(
        ":::: challenge\n## Challenge 1: Halves\n\nWhat is half of 8?\n\n::: solution\n## Answer\n4, because"
        " 8 ÷ 2 = 4.\n\n```python\nprint(8 // 2)\n```\n:::\n::::\n"
    )
    parts.append(
        ":::: practice Halve it\nWhat is half of 10?\n\n= 5\n\n> Half of 10 is 5.\n\n::: solution\n5\n:::\n::::\n"
    )
    parts.append(
        "::: exercise Pick\nWhich is a fraction?\n\n- [x] 1/2\n  > Yes: one of two parts.\n"
        "- [ ] 7\n  > 7 is a whole number.\n:::\n"
    )
    parts.append('<iframe src="about:blank" title="A wide frame" width="540" height="120"></iframe>\n')
    long_path = "~/project/data/reference/" + "Homo_sapiens.GRCh38.dna.primary_assembly_chromosome_20" * 2 + ".fa"
    parts.append(f"See <https://example.org/{'a-very-long-path-segment/' * 6}index.html> and `{long_path}`.\n")
    parts.append(  # a formula wider than a phone: it scrolls in its own box, not the page
        "- Sum the probabilities $P(X<15) = \\sum_{k=0}^{14} p(k) = 0.000466574409093636 = 4.66574409093636 \\cdot"
        " 10^{-4}$ and $x$ on the line.\n"
    )
    parts.append(  # a code line wider than a phone: its box scrolls, and the keyboard reaches it (Safari)
        "```python\nspeed = distance / time  # metres per second, as measured on the track with a stopwatch\n```\n"
    )
    parts.append("::: instructor\nSECRET\n:::\n")
    parts.append(
        "::: question o\nPick a.\n\n- [x] a\n- [ ] b\n:::\n\n::: enrichment More\n::: note\nIn enrichment.\n:::\n"
    )
    return "\n".join(parts).replace("::: enrichment More\n::: note", ":::: enrichment More\n::: note") + "::::\n"


@pytest.fixture(scope="module")
def blocks_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("blocks")
    course = write_files(root / "course", {"course.yml": "title: Blocks\n", "units/a.md": every_block()})
    with serve_build(course, root / "web" / "site") as url:
        assert "SECRET" not in (root / "web" / "site" / "units" / "a.html").read_text(encoding="utf-8")
        yield f"{url}units/a.html"


@pytest.mark.parametrize("width", [1280, 320])
def test_every_lesson_block_passes_axe(page: Page, blocks_url: str, axe: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(blocks_url)
    expect(page.get_by_role("complementary", name="Count on")).to_be_visible()
    assert axe_violations(page, axe) == []
    for summary in page.locator("details.ms-collapsed > summary").all():
        summary.click()
    assert axe_violations(page, axe) == []
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px at {width}px"
    code = page.locator(".prose pre", has_text="stopwatch")
    wide = code.evaluate("(pre) => pre.scrollWidth > pre.clientWidth")
    expect(code).to_have_attribute("tabindex", "0") if wide else expect(code).not_to_have_attribute("tabindex", "0")
    assert wide or width > 320


def test_a_checklist_shows_boxes_a_student_cannot_change(page: Page, blocks_url: str) -> None:
    """'- [x] Install Python' in a lesson: a ticked box named by its item, as GitHub and MkDocs show it;
    the choices of an exercise on the same page stay choices a student can pick."""
    page.goto(blocks_url)
    done = page.get_by_role("checkbox", name="Install Python")
    todo = page.get_by_role("checkbox", name="Download the data")
    expect(done).to_be_checked()
    expect(todo).not_to_be_checked()
    expect(done).to_be_disabled()
    todo.click(force=True)
    expect(todo).not_to_be_checked()
    assert page.get_by_text("[x]").count() == 0 and page.get_by_text("[ ]").count() == 0
    box = todo.bounding_box()
    text = page.locator("li.task-list-item", has_text="Download").bounding_box()
    assert box and text and box["x"] < text["x"] and box["y"] >= text["y"] - 2, (box, text)
    choice = page.get_by_role("radio", name="1/2")
    expect(choice).to_be_enabled()
    choice.check()
    expect(choice).to_be_checked()


def test_a_cross_reference_leads_to_its_table_which_its_caption_names(page: Page, blocks_url: str) -> None:
    page.goto(blocks_url)
    table = page.get_by_role("table", name="Table 1: Bag sizes")
    expect(table).to_be_visible()
    page.get_by_role("link", name="Table 1", exact=True).click()
    assert page.evaluate("location.hash") == "#tbl-sizes"
    caption = table.locator("caption")
    line = float(caption.evaluate("c => parseFloat(getComputedStyle(c).lineHeight)"))
    box = caption.bounding_box()
    assert box and box["height"] < 1.5 * line, f"the caption wraps at the table's width: {box}"


def test_solution_is_collapsed_until_opened(page: Page, blocks_url: str) -> None:
    page.goto(blocks_url)
    exercise = page.get_by_role("region", name="Challenge 1: Halves")
    expect(exercise).to_contain_text("What is half of 8?")
    answer = exercise.get_by_text("4, because")
    expect(answer).to_be_hidden()
    exercise.get_by_text("Answer", exact=True).click()
    expect(answer).to_be_visible()
    expect(page.get_by_role("complementary", name="Warning").first).to_contain_text("A warning box")
    expect(page.get_by_role("region", name="Key points")).to_be_visible()
    expect(page.get_by_text("SECRET")).to_have_count(0)


def test_a_practice_exercise_is_checked_without_touching_score_or_progress(page: Page, blocks_url: str) -> None:
    page.goto(blocks_url)
    stored = "() => JSON.stringify(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))"
    before = page.evaluate(stored)
    exercise = page.get_by_role("region", name="Halve it")
    exercise.get_by_label("Your answer").fill("4")
    exercise.get_by_role("button", name="Check").click()
    expect(exercise).to_contain_text("Not quite. Try again, or open the solution.")
    expect(exercise).not_to_contain_text("Half of 10 is 5.")  # the explanation waits for the right answer
    exercise.get_by_label("Your answer").fill("5.0")
    exercise.get_by_role("button", name="Check").click()
    expect(exercise).to_contain_text("Right!")
    expect(exercise).to_contain_text("Half of 10 is 5.")
    pick = page.get_by_role("region", name="Pick")
    pick.get_by_role("radio", name="7").check()
    pick.get_by_role("button", name="Check").click()
    expect(pick).to_contain_text("7 is a whole number.")
    expect(pick).to_contain_text("Not quite. Try again.")
    expect(pick).not_to_contain_text("solution")  # it has none to open
    assert page.evaluate(stored) == before  # nothing stored: no attempt, no score, no progress
    expect(page.locator("#ms-results")).to_be_hidden()
    expect(page.get_by_text("Attempts", exact=False)).to_have_count(0)
    page.reload()
    expect(page.locator("#ms-unit-status")).not_to_contain_text("Mastered")


def test_a_wide_frame_fits_a_phone(page: Page, blocks_url: str) -> None:
    """A lesson's '<iframe width="540">' (MkDocs pages embed them) pushed a 320-px page sideways."""
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(blocks_url)
    expect(page.locator("iframe[title='A wide frame']")).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
