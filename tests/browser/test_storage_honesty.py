"""Browser storage says what really happened (issue 10), with Chromium's real storage quota
(about 5 million characters per origin), not a simulated one:

- saved progress that cannot be read, and is too big to set aside, is said to be left as it is
  (not "set aside"), is never saved over, and Reset really removes it, after which progress is
  saved again;
- a 10 MB import that cannot be saved says so, and leaves the saved progress as it was;
- a "mastered" imported without a recorded passing attempt behind it is shown as imported,
  not earned (course page and progress page), until the student earns it here."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from tests.browser.test_bad_state import (
    COURSE_ID,
    KEY,
    UNIT1,
    import_file,
    master_unit1,
    notice_keys,
    progress,
    reload,
    seed,
    stored,
    stored_json,
    visit,
)

BIG = 3_000_000  # more than half the quota: a second copy (setting it aside) does not fit


def reset(page: Page) -> None:
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset progress").click()
    expect(page.locator("#ms-progress-message")).to_have_text("Your progress has been reset.")


def badge(page: Page, unit: str) -> str:
    return page.locator(f"#ms-course-list li.unit-card:has(a[href$='{unit}.html']) .badge").inner_text()


def test_unreadable_progress_too_big_to_set_aside(page: Page, http_root: str, site: Path) -> None:
    raw = "{not json " + "x" * BIG
    seed(page, http_root, raw)
    visit(page, http_root + "index.html")
    keys = notice_keys(page)
    assert "storage_corrupt_kept" in keys and "storage_corrupt" not in keys  # never "set aside" when it was not
    expect(page.locator("#ms-notices")).to_contain_text("left as it is")
    assert stored(page) == raw

    master_unit1(page, http_root, site)  # works, in this tab only
    assert stored(page) == raw, "never saved over"

    visit(page, http_root + "progress.html")
    reset(page)
    assert stored(page) != raw, "Reset removes the unreadable copy"
    assert "storage_corrupt_kept" not in notice_keys(page) and "storage_unavailable" not in notice_keys(page)

    master_unit1(page, http_root, site)  # and from now on progress is saved again
    assert stored_json(page)["units"][UNIT1]["mastered"] is True
    visit(page, http_root + "index.html")
    assert notice_keys(page) == []
    assert "is-mastered" in (page.locator("#ms-course-list li.unit-card").first.get_attribute("class") or "")


def huge_export() -> bytes:
    """A real-looking export of 10 MB: one mastered unit whose attempts carry long answers."""
    tries = [
        {
            "at": f"2026-01-01T00:{i // 60:02d}:{i % 60:02d}Z",
            "score": [5, 5],
            "passed": True,
            "answers": [{"q": f"q{j}", "r": f"{i}-{j}-" + "y" * 990, "ok": True} for j in range(100)],
        }
        for i in range(100)
    ]
    unit = {"mastered": True, "attempts": 100, "best": [5, 5], "tries": tries}
    data = {"format": "masterysite-progress", "schema": 1, "course": COURSE_ID, "units": {UNIT1: unit}}
    return json.dumps(data).encode()


def test_an_import_too_big_to_save_says_so(page: Page, base_url: str) -> None:
    before = progress({"equivalent-fractions": {"mastered": False, "attempts": 1, "best": [1, 4]}})
    seed(page, base_url, before)
    visit(page, base_url + "progress.html")
    content = huge_export()
    assert len(content) > 10_000_000
    message = import_file(page, content)
    assert "could not be saved" in message and "Imported" not in message, message
    assert stored(page) == before, "the saved progress is unchanged"
    reload(page)
    expect(page.locator("#ms-progress-table tr.unit-row").first).not_to_contain_text("Mastered")
    assert "storage_unavailable" not in notice_keys(page)  # still saving: a smaller import works
    small = progress({UNIT1: {"mastered": True, "attempts": 1, "best": [5, 5]}})
    assert "Imported progress for 1 unit" in import_file(page, small.encode())
    assert stored_json(page)["units"][UNIT1]["mastered"] is True


def passing_try() -> dict[str, object]:
    answers = [{"q": "q1", "r": "x", "ok": True}]
    return {"at": "2026-01-01T10:00:00Z", "score": [5, 5], "passed": True, "answers": answers}


def test_imported_mastery_without_an_attempt_is_shown_as_imported(page: Page, base_url: str, site: Path) -> None:
    visit(page, base_url + "progress.html")
    crafted = progress({UNIT1: {"mastered": True}, "equivalent-fractions": {"mastered": True, "attempts": 3}})
    assert "Imported progress for 2 units (2 mastered)" in import_file(page, crafted.encode())
    row = page.locator("#ms-progress-table tr.unit-row").first
    expect(row).to_contain_text("Mastered (imported)")
    bonus = f"a.bonus-link[href$='{UNIT1}.html#ms-enrichment']"
    expect(page.locator(bonus)).to_have_count(0)  # the import brought no unit key: the bonus work stays shut

    visit(page, base_url + "index.html")
    assert badge(page, UNIT1) == "Mastered (imported)"
    assert badge(page, "equivalent-fractions") == "Mastered (imported)"
    expect(page.locator(bonus)).to_have_count(0)
    reload(page)  # kept across reloads
    assert badge(page, UNIT1) == "Mastered (imported)"
    visit(page, base_url + f"units/{UNIT1}.html")
    expect(page.locator("#ms-unit-status")).to_have_text("Mastered (imported)")

    # A file that records a passing attempt behind its "mastered" counts as earned.
    visit(page, base_url + "progress.html")
    record = {"mastered": True, "attempts": 1, "best": [5, 5], "tries": [passing_try()]}
    backed = progress({"equivalent-fractions": record})
    import_file(page, backed.encode())
    visit(page, base_url + "index.html")
    assert badge(page, "equivalent-fractions") == "Mastered"

    # Earning it here, by answering, makes it plainly mastered, its bonus work open.
    master_unit1(page, base_url, site)
    visit(page, base_url + "index.html")
    assert badge(page, UNIT1) == "Mastered"
    expect(page.locator(bonus)).to_have_count(1)


def test_a_page_back_from_the_back_forward_cache_reads_progress_again(
    page: Page, http_root: str, site: Path, browser: Browser
) -> None:
    """Firefox and Safari keep a page left by a link in memory and show it again on Back, with the
    progress it held then; a unit mastered meanwhile must not be written over by its next save.
    (Here the cache's return is the 'pageshow' event it fires; the progress is put in storage by
    the page itself, which tells no other page, as the cache's frozen page is told nothing.)"""
    other = browser.new_context()
    try:
        elsewhere = other.new_page()
        master_unit1(elsewhere, http_root, site)
        mastered = stored(elsewhere)
    finally:
        other.close()
    visit(page, http_root + f"units/{UNIT1}.html")
    expect(page.get_by_text("Mastered · best score 100%", exact=True)).to_have_count(0)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, mastered])
    with page.expect_navigation():
        page.evaluate("() => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))")
    expect(page.get_by_text("Mastered · best score 100%", exact=True)).to_be_visible()
    now, then = json.loads(stored(page) or "{}")["units"][UNIT1], json.loads(mastered or "{}")["units"][UNIT1]
    assert (now["mastered"], now["tries"], now["key"]) == (True, then["tries"], then["key"])
