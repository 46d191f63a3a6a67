"""The teacher's HTML class report in Chromium: readable without script, accessible (axe-core)."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Page, expect

from masterysite.report import write_report
from tests.browser.conftest import REPO, axe_violations
from tests.exports import export
from tests.test_report import forge

U1, U2, U3 = "whole-and-parts", "equivalent-fractions", "simplifying"


def class_report(folder: Path) -> Path:
    """A small class: some mastered, some need corrective work, one forged "mastered"."""
    from masterysite.build import load_course

    course = load_course(REPO / "course").course
    assert course is not None
    exports = folder / "class"
    exports.mkdir()
    plans = {
        "Ana Lima": {U1: [2, 5], U2: [10], U3: [4]},
        "Ben Okafor": {U1: [1, 3]},
        "Chloé Martin": {U1: [5], U2: [7, 9]},
        "Dev Patel": {U1: [4], U2: [6]},
    }
    for name, plan in plans.items():
        data = export(course, name, plan)
        if name == "Dev Patel":
            data = forge(data, U2)
        (exports / f"{name.split()[0].lower()}.json").write_text(json.dumps(data), encoding="utf-8")
    out = folder / "report.html"
    report = write_report(REPO / "course", [exports], out)
    assert not report.problems and len(report.flags) == 1
    return out


def test_the_report_reads_without_script_and_passes_axe(page: Page, axe: str, tmp_path: Path) -> None:
    out = class_report(tmp_path)
    page.goto(out.as_uri())
    expect(page.get_by_role("heading", level=1)).to_have_text("Class report: Fractions, One Step at a Time")
    expect(page.get_by_role("img", name="Bar chart of")).to_be_visible()
    flagged = page.get_by_role("heading", name="“Mastered” not supported by the answers")
    expect(flagged).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text="Dev Patel")).to_contain_text("Equivalent Fractions")
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Ben Okafor"))
    expect(row.get_by_role("cell").nth(1)).to_contain_text("Started")
    assert axe_violations(page, axe) == []


def test_the_report_needs_no_script(browser: object, tmp_path: Path) -> None:
    out = class_report(tmp_path)
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.goto(out.as_uri())
        expect(page.get_by_role("heading", name="Who needs corrective work")).to_be_visible()
        dev = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Dev Patel"))
        expect(dev).to_contain_text("not supported by the answers")
    finally:
        context.close()
