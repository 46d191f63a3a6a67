"""Fast at every size (issue 12), in the browser.

- The first paint of a unit page is already right: js/head.js (blocking, in <head>) reads the
  saved progress and marks <html> ms-open or ms-locked, so a locked unit never shows its lesson
  before the lock notice, and an open one never appears late. Seen with masterysite.js held
  back for good (a copy of the site whose main script only says it started) and, on the
  school server, with the real script delayed: no layout shift (CLS < 0.01), phone and desktop.
- Big courses stay light: at 1,000 units a unit page's navigation is by section, folded, only
  the part with the current unit built; the page has at most 1,500 elements.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from masterysite.build import build
from tests.browser.conftest import REPO, SUBFOLDER, Watch, serve_folder
from tests.conftest import write_files

sys.path.insert(0, str(REPO / "benchmarks"))
from gen_course import generate_course

COURSE = "fractions-101"
OPEN = "whole-and-parts"  # requires: []
LOCKED = "equivalent-fractions"  # requires whole-and-parts
MOBILE = {"width": 412, "height": 823}
DESKTOP = {"width": 1350, "height": 940}


def progress(mastered: list[str], course: str = COURSE, flag: object = True) -> str:
    units = {u: {"mastered": flag, "attempts": 1, "best": [5, 5]} for u in mastered}
    return json.dumps({"schema": 1, "course": course, "student": "", "units": units})


@pytest.fixture(scope="module")
def frozen(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site whose masterysite.js never gets to decide anything: what shows is what
    js/head.js and the CSS decided before the first paint."""
    out = tmp_path_factory.mktemp("frozen") / SUBFOLDER
    shutil.copytree(site, out)
    (out / "_static" / "masterysite.js").write_text("window.MASTERYSITE_STARTED = true;\n", encoding="utf-8")
    return out


@pytest.fixture(scope="module", params=["http", "file"])
def frozen_root(request: pytest.FixtureRequest, frozen: Path) -> Iterator[str]:
    if request.param == "file":
        yield frozen.as_uri() + "/"
        return
    with serve_folder(frozen.parents[1]) as root:
        yield f"{root}{SUBFOLDER}/"


def state(page: Page) -> dict[str, object]:
    return page.evaluate(
        """() => {
          const shown = (sel) => { const n = document.querySelector(sel); return !!n && n.getClientRects().length > 0
            && getComputedStyle(n).visibility !== "hidden"; };
          const cls = document.documentElement.classList;
          return { open: cls.contains("ms-open"), locked: cls.contains("ms-locked"),
                   pending: cls.contains("ms-pending"), lesson: shown(".lesson"), notice: shown("#ms-locked"),
                   status: shown("#ms-unit-status") };
        }"""
    )


def test_first_paint_shows_the_right_state_before_the_main_script(page: Page, frozen_root: str) -> None:
    page.goto(frozen_root + f"units/{LOCKED}.html")
    # A new student: the unit waits for whole-and-parts. Only the notice, never the lesson.
    assert state(page) == {
        "open": False,
        "locked": True,
        "pending": True,
        "lesson": False,
        "notice": True,
        "status": False,
    }
    page.goto(frozen_root + f"units/{OPEN}.html")
    assert state(page) == {
        "open": True,
        "locked": False,
        "pending": True,
        "lesson": True,
        "notice": False,
        "status": True,
    }

    # Mastered its prerequisite (the progress as js/storage.js keeps it): open at first paint.
    page.evaluate("(p) => localStorage.setItem('masterysite:fractions-101', p)", progress([OPEN]))
    page.goto(frozen_root + f"units/{LOCKED}.html")
    assert state(page)["lesson"] is True and state(page)["open"] is True and state(page)["notice"] is False

    # Mastered the unit itself (whatever its prerequisites): open.
    page.evaluate("(p) => localStorage.setItem('masterysite:fractions-101', p)", progress([LOCKED]))
    page.goto(frozen_root + f"units/{LOCKED}.html")
    assert state(page)["open"] is True

    # Only a real "mastered: true" of this course counts; anything else is a locked unit.
    for stored in (
        progress([OPEN], course="another-course"),
        progress([OPEN], flag="yes"),
        "{not json",
        '{"course":"fractions-101","units":[1]}',
    ):
        page.evaluate("(p) => localStorage.setItem('masterysite:fractions-101', p)", stored)
        page.goto(frozen_root + f"units/{LOCKED}.html")
        assert state(page)["locked"] is True and state(page)["lesson"] is False, stored


def test_first_paint_reads_progress_kept_in_the_tab_when_storage_is_refused(page: Page, frozen_root: str) -> None:
    """Without localStorage, js/storage.js keeps progress in window.name: head.js reads it there too."""
    page.add_init_script(
        "Object.defineProperty(window, 'localStorage', "
        "{ get() { throw new DOMException('denied', 'SecurityError'); } });"
    )
    page.goto(frozen_root + f"units/{OPEN}.html")
    page.evaluate("(p) => { window.name = 'masterysite-progress:masterysite:fractions-101:' + p; }", progress([OPEN]))
    page.goto(frozen_root + f"units/{LOCKED}.html")
    assert state(page)["open"] is True and state(page)["lesson"] is True


def test_progress_kept_in_the_tab_is_under_the_key_head_js_reads(page: Page, http_root: str) -> None:
    """js/storage.js named it before the page knew its course: 'masterysite-progress:undefined:', which head.js
    never found, and two courses in one tab took each other's (security round dd 5)."""
    page.add_init_script(
        "Object.defineProperty(window, 'localStorage', "
        "{ get() { throw new DOMException('denied', 'SecurityError'); } });"
    )
    page.goto(http_root + f"units/{OPEN}.html")
    page.wait_for_function("() => window.name.length > 0")
    assert page.evaluate("() => window.name").startswith("masterysite-progress:masterysite:fractions-101:{")


def test_first_paint_ids_are_data(page: Page, tmp_path: Path) -> None:
    """Units named like what every JavaScript object inherits ("constructor", "toString", and
    "__proto__" as JSON.parse keeps it): a record is that id's own record, nothing else."""
    files = {
        "course.yml": "title: Ids\nid: ids\n",
        "units/01-a.md": "---\ntitle: First\nid: constructor\nrequires: []\n---\nText.\n",
        "units/02-b.md": "---\ntitle: Second\nid: toString\nrequires: [constructor]\n---\nText.\n",
    }
    site = tmp_path / "site"
    build(write_files(tmp_path / "course", files), site)
    (site / "_static" / "masterysite.js").write_text("window.MASTERYSITE_STARTED = true;\n", encoding="utf-8")
    url = site.as_uri() + "/units/toString.html"
    page.goto(url)
    assert state(page)["locked"] is True  # nothing saved: "constructor" is not Object's constructor
    for saved, expected in [
        ("{}", "locked"),
        ('{"constructor":{"mastered":true}}', "open"),
        ('{"__proto__":{"mastered":true},"toString":{"mastered":false}}', "locked"),
        ('{"valueOf":{"mastered":true},"hasOwnProperty":{"mastered":true}}', "locked"),
    ]:
        page.evaluate("(p) => localStorage.setItem('masterysite:ids', p)", '{"course":"ids","units":' + saved + "}")
        page.goto(url)
        assert state(page)[expected] is True, saved


CLS = """() => new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
  }).observe({ type: "layout-shift", buffered: true });
  setTimeout(() => resolve(total), 300);
})"""


def settled(page: Page) -> None:
    page.wait_for_function("() => !document.documentElement.classList.contains('ms-pending')")


@pytest.mark.parametrize("viewport", [MOBILE, DESKTOP], ids=["mobile", "desktop"])
def test_no_layout_shift_on_unit_pages_with_the_script_late(
    browser: Browser, http_root: str, viewport: dict[str, int]
) -> None:
    """The main script arrives 400 ms late, so the browser paints first: nothing painted moves."""
    watch = Watch()
    context = browser.new_context(viewport=viewport)
    watch.attach(context)

    def late(route: Route) -> None:
        time.sleep(0.4)  # the browser goes on parsing and painting meanwhile
        route.continue_()

    try:
        page = context.new_page()
        page.route("**/_static/masterysite.js", late)
        shifts = {}
        for label, unit, mastered in (
            ("locked", LOCKED, []),
            ("open", OPEN, []),
            ("unlocked", LOCKED, [OPEN]),
            ("mastered", OPEN, [OPEN]),
        ):
            if mastered:
                page.evaluate("(p) => localStorage.setItem('masterysite:fractions-101', p)", progress(mastered))
            page.goto(http_root + f"units/{unit}.html")
            settled(page)
            shifts[label] = page.evaluate(CLS)
            expect(page.locator("html")).to_have_class(
                re.compile(r"\bms-locked\b" if label == "locked" else r"\bms-open\b")
            )
        assert all(v < 0.01 for v in shifts.values()), shifts
    finally:
        context.close()
    watch.assert_clean()


# --- a big course ---------------------------------------------------------------------------

BIG = 1000


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("big")
    generate_course(root / "course", BIG)
    build(root / "course", root / "site")
    return root / "site"


@pytest.mark.parametrize("viewport", [MOBILE, DESKTOP], ids=["mobile", "desktop"])
def test_navigation_stays_small_at_1000_units(browser: Browser, big_site: Path, viewport: dict[str, int]) -> None:
    watch = Watch()
    context = browser.new_context(viewport=viewport)
    watch.attach(context)
    try:
        page = context.new_page()
        page.goto(big_site.as_uri() + "/units/u0420.html")
        settled(page)
        nav = page.locator("#ms-nav")
        parts = nav.locator("details.unit-nav__part")
        assert parts.count() == 20  # 4 sections of 250 units, in parts of 50
        opened = nav.locator("details.unit-nav__part[open]")
        assert opened.count() == 1
        expect(opened.locator("summary")).to_contain_text("Building Up \u00b7 151\u2013200")  # unit 421 of 1000
        expect(opened.locator("a[aria-current='page']")).to_have_count(1)
        assert nav.locator("a.unit-nav__link").count() == 50  # the other parts are not built
        total = page.evaluate("() => document.querySelectorAll('*').length")
        assert total <= 1500, total
        assert page.evaluate("() => document.querySelectorAll('#ms-nav *').length") <= 400

        # Opening another part builds its list; it stays open when the navigation is redrawn.
        if not page.locator("#ms-nav-details").evaluate("d => d.open"):
            page.locator("#ms-nav-details > summary").click()
        first = parts.first
        first.locator("summary").click()
        expect(first.locator("a.unit-nav__link")).to_have_count(50)
        expect(first.locator("a.unit-nav__link").first).to_contain_text(
            page.evaluate("() => window.MASTERYSITE_COURSE.units[0].title")
        )
    finally:
        context.close()
    watch.assert_clean()
