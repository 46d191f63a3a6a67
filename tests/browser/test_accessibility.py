"""Accessibility of the student pages: axe-core (WCAG 2.0/2.1 A and AA) finds no violation in
any state a student meets, at desktop and phone widths; and a unit's quiz can be reached,
answered and checked with the keyboard alone, with a visible focus indicator."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import axe_violations
from tests.browser.student import Course, QuestionKey, Student, visible

# The theme catches handler errors and only warns: count those as script errors too.
pytestmark = pytest.mark.browser

U1 = "whole-and-parts"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 320], ids=["desktop", "phone"])
def test_axe_finds_no_wcag_violation_in_any_student_state(
    width: int, scheme: str, page: Page, http_root: str, course_key: Course, axe: str
) -> None:
    """Light and dark (the system's setting), desktop and the narrowest phone."""
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    student = Student(page, course_key, http_root)
    report: dict[str, list[str]] = {}

    def audit(state: str) -> None:
        report[state] = axe_violations(page, axe)
        # WCAG 1.4.10 Reflow (not an axe rule): no sideways scrolling of the page at phone width.
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            report[state].append(f"reflow: the page scrolls sideways by {overflow}px at {width}px")

    student.course_page()
    expect(student.card(U1)).to_contain_text("Available")
    audit("course page, fresh")

    student.open_unit("simplifying")
    expect(page.get_by_role("region", name="Not open yet")).to_be_visible()
    audit("locked unit")

    student.open_unit(U1)
    expect(page.get_by_role("button", name="Check answers")).to_be_visible()
    audit("available unit with its quiz")
    if width < 800:  # the collapsed unit navigation, opened
        page.get_by_text("All units", exact=False).first.click()
        expect(page.get_by_role("navigation", name="Course units").get_by_role("link").first).to_be_visible()
        audit("unit navigation opened (mobile)")

    counts: dict[str, int] = {}
    for s in student.shown(U1):
        counts[s.q.objective] = counts.get(s.q.objective, 0) + 1
    student.take(U1, 3, miss_objective=max(counts, key=counts.__getitem__))
    expect(page.get_by_role("region", name="Another way to learn it")).to_be_visible()
    audit("failed attempt with correctives")

    student.try_again()
    student.take(U1, 4)
    expect(page.get_by_role("region", name="Bonus challenges")).to_be_visible()
    audit("mastery with enrichment")

    student.open_progress()
    page.locator("#ms-student-name").fill("Ana Lima")  # typed text must be readable too (dark mode)
    audit("progress page")
    student.course_page()
    expect(student.card(U1)).to_contain_text("Mastered")
    audit("course page, with progress")

    bad = {state: v for state, v in report.items() if v}
    assert not bad, "axe-core violations:\n" + "\n".join(f"[{s}] {line}" for s, v in bad.items() for line in v)


# ---------------------------------------------------------------------------------------------
# Keyboard only
# ---------------------------------------------------------------------------------------------

FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const fs = e.closest('fieldset');
  const cs = getComputedStyle(e);
  return {
    tag: e.tagName.toLowerCase(), type: e.type || '', checked: !!e.checked,
    text: (e.labels && e.labels[0] ? e.labels[0].innerText : e.innerText || '').trim(),
    legend: fs && fs.querySelector('legend') ? fs.querySelector('legend').innerText : null,
    outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0,
    shadow: cs.boxShadow !== 'none',
  };
}"""


def test_quiz_can_be_completed_with_the_keyboard_alone(page: Page, http_root: str, course_key: Course) -> None:
    unit = course_key.unit(U1)
    page.goto(http_root + unit.href)  # from here on: keyboard only
    kb = page.keyboard
    answered: set[str] = set()
    focus_styles: list[tuple[str, bool]] = []

    def focused() -> dict[str, Any]:
        f: dict[str, Any] | None = page.evaluate(FOCUSED)
        assert f is not None, "focus fell out of the page"
        return f

    def question_of(f: dict[str, Any]) -> QuestionKey:
        legend = visible(f["legend"] or "")
        # The legend shows the prompt's visible text (math as stacked numbers); match it by letters.
        letters = re.sub(r"[^a-z]", "", legend.lower())
        hits = [q for q in unit.questions if re.sub(r"[^a-z]", "", q.prompt.lower()) in letters]
        assert len(hits) == 1, f"cannot tell which question has focus: {legend!r}"
        return hits[0]

    for _ in range(250):
        kb.press("Tab")
        f = focused()
        if f["tag"] in ("input", "button", "a", "summary"):
            focus_styles.append((f"{f['tag']} {f['text'][:30]}", f["outline"] or f["shadow"]))
        if f["tag"] == "button" and f["text"] == "Check answers":
            break
        if f["tag"] != "input" or f["legend"] is None:
            continue
        q = question_of(f)
        if q.key in answered:
            continue
        if q.kind == "text":
            kb.type(q.right_text())
        elif q.kind == "single":
            target = q.right_labels()[0]
            for _step in range(len(q.choices) + 1):
                f = focused()
                if visible(f["text"]) == target:
                    if not f["checked"]:
                        kb.press("Space")
                    break
                kb.press("ArrowDown")  # moves to and selects the next choice
            f = focused()
            assert f["checked"] and visible(f["text"]) == target, f
        else:  # multiple: Tab visits each checkbox; Space ticks the right ones
            while True:
                f = focused()
                if f["legend"] is None or question_of(f) is not q:
                    kb.press("Shift+Tab")  # went one past the group: step back
                    break
                if visible(f["text"]) in q.right_labels() and not f["checked"]:
                    kb.press("Space")
                kb.press("Tab")
        answered.add(q.key)
    else:
        pytest.fail("Tab never reached the Check answers button")

    assert len(answered) == unit.draw, f"answered {len(answered)} of {unit.draw} questions on the way"
    kb.press("Enter")
    results = page.get_by_role("region", name="Mastered!")
    expect(results).to_be_visible()
    expect(results).to_contain_text("You scored 100% (5 of 5).")
    expect(results).to_be_focused()  # its name is read on focus; the live region says the rest, once
    expect(page.locator("#ms-live")).to_have_text(re.compile(r"^You scored 100% \(5 of 5\)\. Great work"))
    expect(page.get_by_role("region", name="Bonus challenges")).to_be_visible()

    without = [name for name, shown in focus_styles if not shown]
    assert focus_styles and not without, f"no visible focus indicator (outline/box-shadow) on: {without}"
    kinds = {name.split()[0] for name, _ in focus_styles}
    assert {"input", "button", "a"} <= kinds, kinds


def test_the_import_control_is_read_once(page: Page, http_root: str) -> None:
    """A screen reader said "Import progress, button" and then "Import progress" again, the visible label of
    the hidden file input (round hh, a11y 6). The label names the input and is not read apart."""
    page.goto(http_root + "progress.html")
    cdp = page.context.new_cdp_session(page)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    named = [n["role"]["value"] for n in nodes if n.get("name", {}).get("value") == "Import progress"]
    assert named == ["button"], named
