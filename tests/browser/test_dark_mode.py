"""Dark mode: the pages follow the system's colour scheme, the switch overrides it and is
remembered across pages and reloads (http and file://), and what a student reads in dark mode
(text, links, code highlighting, math, pictures, every state) keeps WCAG AA contrast. The colours
are read back from the browser's computed styles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.student import Course, Student, progress_file

pytestmark = pytest.mark.browser

U1 = "whole-and-parts"
CODE_UNIT = "adding-unlike-denominators"

# Colour of an element's text and of what it sits on (the first ancestor with a background),
# their luminances and contrast ratio (WCAG 2 definitions).
COLOURS = """(els) => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = c => { const v = c.slice(0, 3).map(x => {
      x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
  const bgOf = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);
    if (c.length === 3 || c[3] > 0) return c; } return [255, 255, 255]; };
  return els.map(e => { const fg = rgb(getComputedStyle(e).color), bg = bgOf(e), a = lum(fg), b = lum(bg);
    return { text: (e.innerText || e.textContent || e.tagName).trim().slice(0, 40), fg: a, bg: b,
      ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) }; });
}"""


def colours(page: Page, selector: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = page.locator(selector).evaluate_all(COLOURS)
    assert found, f"nothing matches {selector!r}"
    return found


def page_colours(page: Page) -> dict[str, Any]:
    return colours(page, "body")[0]


def switch(page: Page) -> Any:
    return page.get_by_role("button", name="Dark theme")


def test_follows_the_system_and_the_switch_is_remembered(page: Page, base_url: str, course_key: Course) -> None:
    page.emulate_media(color_scheme="dark")
    page.goto(base_url + "index.html")
    dark = page_colours(page)
    assert dark["bg"] < 0.05 and dark["fg"] > 0.6, dark
    assert dark["ratio"] >= 7, dark
    expect(switch(page)).to_have_attribute("aria-pressed", "true")

    switch(page).click()  # the student prefers light, whatever the system says
    expect(switch(page)).to_have_attribute("aria-pressed", "false")
    light = page_colours(page)
    assert light["bg"] > 0.8 and light["fg"] < 0.05, light

    page.reload()
    assert page_colours(page)["bg"] > 0.8, "the choice was not remembered across a reload"
    page.goto(base_url + course_key.unit(U1).href)  # another folder of the site
    assert page_colours(page)["bg"] > 0.8, "the choice was not remembered on a unit page"
    expect(switch(page)).to_have_attribute("aria-pressed", "false")

    switch(page).click()  # back to what the system shows: the page follows the system again
    assert page_colours(page)["bg"] < 0.05
    page.emulate_media(color_scheme="light")
    expect(switch(page)).to_have_attribute("aria-pressed", "false")
    assert page_colours(page)["bg"] > 0.8, "after choosing what the system shows, the page no longer follows it"


def test_chosen_dark_on_a_light_system_before_first_paint(page: Page, http_root: str) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(http_root + "index.html")
    switch(page).click()
    # The choice is applied in <head>: the first paint of the next page is already dark.
    page.goto(http_root + "progress.html", wait_until="commit")
    page.wait_for_selector("body", state="attached")
    assert page.evaluate("() => document.documentElement.getAttribute('data-theme')") == "dark"
    assert page_colours(page)["bg"] < 0.05


def aa(found: list[dict[str, Any]], large: bool = False) -> list[dict[str, Any]]:
    need = 3 if large else 4.5
    return [f for f in found if f["ratio"] < need]


def test_every_state_keeps_aa_contrast_in_dark(page: Page, http_root: str, course_key: Course, tmp_path: Path) -> None:
    page.emulate_media(color_scheme="dark")
    student = Student(page, course_key, http_root)
    low: dict[str, list[dict[str, Any]]] = {}

    def check(state: str, selector: str, large: bool = False) -> None:
        bad = aa(colours(page, selector), large)
        if bad:
            low[state + " " + selector] = bad

    student.course_page()
    check("course", ".unit-card__title, .badge, .unit-card__requires, .summary__count, .lead")
    check("course", ".summary .button")
    student.open_unit("simplifying")
    expect(page.get_by_role("region", name="Not open yet")).to_be_visible()
    check("locked", ".locked-notice h2, .locked-notice p, .locked-notice a")

    student.open_unit(U1)
    check("unit", ".lesson p, .lesson a, .lesson td, .lesson th, .objectives li, .unit-nav__link")
    math = colours(page, ".lesson math")
    assert all(m["fg"] > 0.6 for m in math), "math is not drawn in the light text colour"
    # A picture with a transparent background keeps a light backdrop (its black lines stay visible).
    backdrop = page.locator(".lesson img").first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert backdrop not in ("rgba(0, 0, 0, 0)", "transparent"), backdrop

    counts: dict[str, int] = {}
    for s in student.shown(U1):
        counts[s.q.objective] = counts.get(s.q.objective, 0) + 1
    student.take(U1, 3, miss_objective=max(counts, key=counts.__getitem__))
    check("failed", ".results h3", large=True)
    check("failed", ".results p, .results a, .verdict, .choice__tag, .feedback p, .corrective p, .corrective-group h3")
    check("failed", ".button")
    student.try_again()
    student.take(U1, 4)
    check("mastered", ".results h3", large=True)
    check("mastered", ".results p, .go-on a, .enrichment p, .enrichment h3, .badge")

    seed = tmp_path / "all.json"
    seed.write_text(json.dumps(progress_file(course_key, course_key.order)), encoding="utf-8")
    student.open_progress()
    student.import_progress(seed)
    check("progress", ".progress-table th, .progress-table td, .message")
    student.open_unit(CODE_UNIT)
    check("code", ".highlight span:not(.w)")

    assert not low, "text below WCAG AA contrast in dark mode:\n" + "\n".join(f"{k}: {v}" for k, v in low.items())
