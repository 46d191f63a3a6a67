"""The browser side survives bad state (issue: "corrupted or foreign data in browser storage,
storage full or unavailable, progress saved by an older build, a unit removed or renamed since —
with a clear notice, never a blank page or a script error, and without discarding progress it can
still use"; free-text answers and imported progress never run as markup).

Every test runs in a fresh browser profile; the `context` fixture fails it on any script error or
request to another host. On top of that, `alive()` fails a page the script gave up on (the theme
catches its own errors and shows a "could not start" notice with class `ms-broken`, which is not
a console error)."""

from __future__ import annotations

import functools
import html
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from masterysite.build import build
from tests.browser.student import answer_key

from .conftest import REPO, SUBFOLDER, serve_folder

pytestmark = pytest.mark.browser

COURSE_ID = "fractions-101"
KEY = f"masterysite:{COURSE_ID}"
UNREADABLE = KEY + ":unreadable"
UNIT1 = "whole-and-parts"
UNIT_IDS = [
    "whole-and-parts",
    "equivalent-fractions",
    "simplifying",
    "comparing",
    "adding-like-denominators",
    "adding-unlike-denominators",
    "fraction-fair",
]
# Mastering unit 1 unlocks exactly these (course/README.md).
OPENED_BY_UNIT1 = {"equivalent-fractions", "adding-like-denominators"}
FRESH = {u: ("available" if u == UNIT1 else "locked") for u in UNIT_IDS}
XSS_FLAG = "window.__xss === undefined && window.__xss2 === undefined"


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------
@functools.cache
def _pool(site: Path, unit: str) -> dict[str, dict]:
    text = (site / "units" / f"{unit}.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="ms-unit-data">(.*?)</script>', text, re.S).group(1))
    return {q["key"]: dict(q, s=answer_key(q)) for q in data["questions"]}


def pool(site: Path, unit: str) -> dict[str, dict]:
    return _pool(site, unit)


def choice_ids(site: Path, unit: str, key: str) -> list[str]:
    """The choice ids of one question, in authoring order (from the built page)."""
    text = (site / "units" / f"{unit}.html").read_text(encoding="utf-8")
    start = text.index(f'id="q-{key}"')
    return re.findall(r'data-choice="([^"]+)"', text[start : text.index("</fieldset>", start)])


def alive(page: Page) -> None:
    """The script started and did not give up (no blank/broken page)."""
    page.wait_for_function("() => !document.documentElement.classList.contains('ms-pending')")
    cls = page.evaluate("document.documentElement.className")
    assert "ms-broken" not in cls, f"the script gave up on {page.url}"
    assert page.evaluate("window.MASTERYSITE_STARTED === true")
    assert page.evaluate(XSS_FLAG), "a payload ran"


def visit(page: Page, url: str) -> None:
    page.goto(url)
    alive(page)


def reload(page: Page) -> None:
    page.reload()
    alive(page)


def seed(page: Page, base: str, raw: str | None, key: str = KEY) -> None:
    """Put `raw` in storage under `key` (from a page of the site's origin), leaving the page as is."""
    if not page.url.startswith(base):
        page.goto(base + "index.html")
    page.evaluate("([k, v]) => v === null ? localStorage.removeItem(k) : localStorage.setItem(k, v)", [key, raw])


def stored(page: Page, key: str = KEY) -> str | None:
    return page.evaluate("k => localStorage.getItem(k)", key)


def stored_json(page: Page) -> dict:
    raw = stored(page)
    assert raw is not None, "nothing saved"
    return json.loads(raw)


def statuses(page: Page) -> dict[str, str]:
    """Unit id -> locked/available/mastered, as the course page shows it."""
    expect(page.locator("#ms-course-list li.unit-card")).to_have_count(len(UNIT_IDS))
    return page.eval_on_selector_all(
        "#ms-course-list li.unit-card",
        """cards => Object.fromEntries(cards.map(c => [
            c.querySelector('a.unit-card__title').getAttribute('href').replace(/^units\\//, '').replace(/\\.html$/, ''),
            (c.className.match(/is-(\\w+)/) || [])[1]]))""",
    )


def nav_statuses(page: Page) -> dict[str, str]:
    return page.eval_on_selector_all(
        "#ms-nav a.unit-nav__link",
        """links => Object.fromEntries(links.map(a => [
            a.getAttribute('href').replace(/^.*\\//, '').replace(/\\.html$/, ''),
            (a.className.match(/is-(\\w+)/) || [])[1]]))""",
    )


def notice_keys(page: Page) -> list[str]:
    return page.eval_on_selector_all("#ms-notices [data-key]", "ns => ns.map(n => n.dataset.key)")


def expect_notice(page: Page, key: str, *words: str) -> None:
    """A visible notice inside the role=status notices box."""
    box = page.locator("#ms-notices")
    assert box.get_attribute("role") in ("status", "alert")
    notice = box.locator(f"[data-key='{key}']")
    expect(notice).to_be_visible()
    text = notice.inner_text()
    assert len(text) > 30, f"notice too terse: {text!r}"
    for word in words:
        assert word.lower() in text.lower(), f"{word!r} not in notice {text!r}"


def drawn_keys(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        "#ms-questions fieldset.question:not([hidden])", "ns => ns.map(n => n.dataset.key)"
    )


def answer(page: Page, qs: dict[str, dict], right: bool = True, text: dict[str, str] | None = None) -> list[str]:
    """Answer the drawn questions (right or wrong); `text` forces what is typed into given text questions."""
    keys = drawn_keys(page)
    assert keys, "no question is shown"
    for k in keys:
        q, box = qs[k], page.locator(f"#q-{k}")
        if q["kind"] == "text":
            if text and k in text:
                typed = text[k]
            else:
                typed = html.unescape(re.findall(r"<code>(.*?)</code>", q["s"]["accepted"])[0]) if right else "0"
            box.locator("input[type=text]").fill(typed)
        else:
            ids = box.locator("[data-choice]").evaluate_all("ns => ns.map(n => n.dataset.choice)")
            pick = q["s"]["correct"] if right else [i for i in ids if i not in q["s"]["correct"]][:1]
            for c in pick:
                box.locator(f"input[value='{c}']").check()
    return keys


def check(page: Page) -> None:
    page.get_by_role("button", name="Check answers").click()
    expect(page.locator("#ms-results")).to_be_visible()


def master_unit1(page: Page, base: str, site: Path) -> None:
    visit(page, base + f"units/{UNIT1}.html")
    answer(page, pool(site, UNIT1), right=True)
    check(page)
    expect(page.locator("#ms-results-heading")).to_have_text("Mastered!")


def progress(units: dict, **top: object) -> str:
    return json.dumps({"schema": 1, "course": COURSE_ID, "units": units, **top})


MASTERED_1 = {
    "mastered": True,
    "attempts": 1,
    "best": [5, 5],
    "objectives": {},
    "last": {"score": [5, 5], "missed": [], "passed": True},
    "prev": [],
    "draw": None,
}


# --------------------------------------------------------------------------------------------
# 1. Corrupted JSON
# --------------------------------------------------------------------------------------------
CORRUPTED = [
    '{"schema": 1, "course": "fractions-101", "units": {"whole-and-parts": {"mastered": tr',  # truncated write
    "\x00\x01garbage\ufffd",
    "",
    "{'course': 'fractions-101'}",
]


@pytest.mark.parametrize("raw", CORRUPTED, ids=["truncated", "binary", "empty", "python-repr"])
def test_corrupted_json_is_set_aside_with_a_notice(page: Page, base_url: str, site: Path, raw: str) -> None:
    seed(page, base_url, raw)
    visit(page, base_url + "index.html")
    assert statuses(page) == FRESH
    expect_notice(page, "storage_corrupt", "set aside")
    # Not silently lost: set aside under ...:unreadable, and the bad value no longer in the way.
    assert stored(page, UNREADABLE) == raw
    assert stored(page) is None
    # The other pages render too (the unit page keeps the quiz), and new progress is saved.
    master_unit1(page, base_url, site)
    data = stored_json(page)
    assert data["course"] == COURSE_ID and data["units"][UNIT1]["mastered"] is True
    assert stored(page, UNREADABLE) == raw, "saving new progress must not overwrite the set-aside copy"
    visit(page, base_url + "index.html")
    assert statuses(page)[UNIT1] == "mastered"
    assert "storage_corrupt" not in notice_keys(page), "the notice is for the load that found the bad data"


def test_second_corruption_does_not_destroy_the_first_copy(page: Page, http_root: str) -> None:
    seed(page, http_root, "{broken one")
    visit(page, http_root + "index.html")
    assert stored(page, UNREADABLE) == "{broken one"
    seed(page, http_root, "{broken two")
    visit(page, http_root + "progress.html")
    expect_notice(page, "storage_corrupt")
    kept = page.evaluate(
        "k => Object.keys(localStorage).filter(x => x.startsWith(k)).map(x => localStorage.getItem(x))", UNREADABLE
    )
    assert sorted(kept) == ["{broken one", "{broken two"]


# --------------------------------------------------------------------------------------------
# 2. Foreign data
# --------------------------------------------------------------------------------------------
FOREIGN = {
    "other-app": json.dumps({"theme": "dark", "volume": 3, "units": "metric"}),
    "array": json.dumps([{"course": COURSE_ID, "units": {UNIT1: MASTERED_1}}]),
    "number": "42",
    "null": "null",
    "string": json.dumps("fractions-101"),
    "other-course": json.dumps({"schema": 1, "course": "decimals-201", "units": {UNIT1: MASTERED_1}}),
    "no-course": json.dumps({"schema": 1, "units": {UNIT1: MASTERED_1}}),
    "units-is-array": json.dumps({"schema": 1, "course": COURSE_ID, "units": [MASTERED_1]}),
    "markup": json.dumps(
        {"course": "<img src=x onerror=window.__xss=1>", "units": {"<img src=x onerror=window.__xss=1>": 1}}
    ),
}


@pytest.mark.parametrize("name", list(FOREIGN))
def test_foreign_data_is_set_aside_with_a_notice(page: Page, base_url: str, site: Path, name: str) -> None:
    raw = FOREIGN[name]
    seed(page, base_url, raw)
    visit(page, base_url + "progress.html")
    expect_notice(page, "storage_corrupt")
    expect(page.locator("#ms-progress-table tr.unit-row")).to_have_count(len(UNIT_IDS))
    assert stored(page, UNREADABLE) == raw
    visit(page, base_url + "index.html")
    assert statuses(page) == FRESH
    master_unit1(page, base_url, site)
    assert stored_json(page)["units"][UNIT1]["mastered"] is True
    assert stored(page, UNREADABLE) == raw
    assert page.locator("img[src='x']").count() == 0


def test_bad_fields_in_our_own_record_are_ignored_and_good_ones_used(page: Page, base_url: str) -> None:
    """A record of the right course with some nonsense inside: the sane parts are used."""
    raw = progress(
        {
            UNIT1: {
                **MASTERED_1,
                "attempts": -3,
                "objectives": {"name": "x", "read": {"attempts": "9", "best": [9, 2]}},
            },
            "equivalent-fractions": "<img src=x onerror=window.__xss=1>",
            "simplifying": {"mastered": "true", "best": [1e300, 2], "attempts": 1e12},
            "adding-like-denominators": {
                "mastered": True,
                "best": ["4", 5],
                "last": {"score": "nope"},
                "prev": [1, None, {}],
            },
            "comparing": None,
        }
    )
    seed(page, base_url, raw)
    visit(page, base_url + "index.html")
    got = statuses(page)
    assert got[UNIT1] == "mastered" and got["adding-like-denominators"] == "mastered"
    assert got["equivalent-fractions"] == "available" and got["simplifying"] == "locked"
    visit(page, base_url + "progress.html")
    expect(page.locator("#ms-progress-table tr.unit-row")).to_have_count(len(UNIT_IDS))
    for u in (UNIT1, "adding-like-denominators"):
        visit(page, base_url + f"units/{u}.html")
        expect(page.locator("#ms-unit-status")).to_contain_text("Mastered")
    assert page.locator("img[src='x']").count() == 0


# --------------------------------------------------------------------------------------------
# 3. Storage unavailable or full
# --------------------------------------------------------------------------------------------
NO_STORAGE = """
(() => {
  const deny = () => { throw new DOMException("Access is denied for this document.", "SecurityError"); };
  Object.defineProperty(window, "localStorage", { get: deny, configurable: true });
})();
"""
STORAGE_FULL = """
(() => {
  Storage.prototype.setItem = function () {
    throw new DOMException("Failed to execute 'setItem' on 'Storage': exceeded the quota.", "QuotaExceededError");
  };
})();
"""


def _master_in_memory(page: Page, base: str, site: Path) -> None:
    master_unit1(page, base, site)
    expect_notice(page, "storage_unavailable", "progress")
    expect(page.locator("#ms-enrichment")).to_be_visible()
    opened = page.locator("#ms-results .go-on a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert {h.split("/")[-1].removesuffix(".html") for h in opened} == OPENED_BY_UNIT1
    nav = nav_statuses(page)
    assert nav[UNIT1] == "mastered"
    assert {u for u, st in nav.items() if st == "available"} == OPENED_BY_UNIT1
    expect(page.locator("#ms-unit-status")).to_contain_text("Mastered")


def test_storage_unavailable_quiz_works_in_memory(
    context: BrowserContext, page: Page, base_url: str, site: Path
) -> None:
    context.add_init_script(NO_STORAGE)
    visit(page, base_url + "index.html")
    assert (
        page.evaluate("(() => { try { localStorage; return 'readable'; } catch (e) { return e.name; } })()")
        == "SecurityError"
    )
    assert statuses(page) == FRESH
    expect_notice(page, "storage_unavailable", "progress")
    _master_in_memory(page, base_url, site)
    # A retake in the same page still works (once mastered, it is a practice round).
    page.get_by_role("button", name="Practise with new questions").click()
    answer(page, pool(site, UNIT1), right=False)
    check(page)
    expect(page.locator("#ms-results-heading")).to_have_text("Practice round")
    visit(page, base_url + "progress.html")
    expect_notice(page, "storage_unavailable")
    page.get_by_role("button", name="Export progress").wait_for()


def test_storage_full_keeps_reading_saved_progress(
    context: BrowserContext, page: Page, base_url: str, site: Path
) -> None:
    saved = progress(
        {
            UNIT1: {
                "mastered": False,
                "attempts": 2,
                "best": [3, 5],
                "objectives": {},
                "last": {"score": [3, 5], "missed": ["read"], "passed": False},
            },
        }
    )
    seed(page, base_url, saved)
    context.add_init_script(STORAGE_FULL)
    visit(page, base_url + "index.html")
    expect_notice(page, "storage_unavailable")
    assert statuses(page) == FRESH
    expect(page.locator("#ms-course-list li.unit-card").first).to_contain_text(
        "60%"
    )  # the saved best score is still used
    _master_in_memory(page, base_url, site)
    assert stored(page) == saved, "what was saved is left alone"


def test_storage_fills_up_during_the_visit(context: BrowserContext, page: Page, http_root: str, site: Path) -> None:
    """Small writes (the theme's probe) still work, but saving the progress record hits the quota."""
    context.add_init_script(
        """(() => {
  const real = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    if (k !== KEY) return real.call(this, k, v);
    throw new DOMException("Failed to execute 'setItem' on 'Storage': exceeded the quota.", "QuotaExceededError");
  };
})();""".replace("KEY", json.dumps(KEY))
    )
    visit(page, http_root + "index.html")
    assert statuses(page) == FRESH
    _master_in_memory(page, http_root, site)
    assert stored(page) is None


def test_storage_full_with_unreadable_data_does_not_lose_it(
    context: BrowserContext, page: Page, http_root: str, site: Path
) -> None:
    """Setting the bad value aside needs room; if there is none it must stay where it is, not be overwritten."""
    seed(page, http_root, "{not json")
    context.add_init_script(STORAGE_FULL)
    visit(page, http_root + "index.html")
    assert statuses(page) == FRESH
    assert set(notice_keys(page)) >= {"storage_corrupt_kept"}  # left where it is, not "set aside"
    assert "storage_corrupt" not in notice_keys(page)
    master_unit1(page, http_root, site)
    kept = page.evaluate("() => Object.keys(localStorage).map(k => localStorage.getItem(k))")
    assert "{not json" in kept


# --------------------------------------------------------------------------------------------
# 4. Progress saved by an older build
# --------------------------------------------------------------------------------------------
def test_progress_from_an_older_build(page: Page, base_url: str, site: Path) -> None:
    unit5 = pool(site, "adding-like-denominators")
    valid5 = list(unit5)[:3]
    old = {
        "schema": 0,  # an older schema number, plus fields this build does not know
        "course": COURSE_ID,
        "savedBy": "masterysite 0.0.9",
        "units": {
            UNIT1: {
                "mastered": True,
                "attempts": 3,
                "best": [4, 5],
                "objectives": {
                    "name": {"attempts": 3, "best": [2, 2], "last": [2, 2]},
                    "naming-the-parts": {"attempts": 2, "best": [1, 2], "last": [1, 2]},  # renamed since
                },
                "last": {"score": [4, 5], "missed": ["naming-the-parts"], "passed": True},
                "prev": ["qold1", "qold2"],
                "draw": None,
                "streak": 7,
            },
            "decimals-intro": {"mastered": True, "attempts": 1, "best": [5, 5]},  # a unit since removed
            # An unchecked draw whose question keys no longer exist (some of them JS built-ins).
            "equivalent-fractions": {
                "mastered": False,
                "attempts": 0,
                "draw": {
                    "keys": ["constructor", "toString", "__proto__", "hasOwnProperty"] + [f"qold{i}" for i in range(6)],
                    "choices": {"constructor": [], "toString": ["a"], "hasOwnProperty": [], "qold0": ["a", "b"]},
                },
            },
            # Same size as the current draw, but one key is stale.
            "adding-like-denominators": {
                "draw": {
                    "keys": [*valid5, "qdeadbeef01"],
                    "choices": {k: choice_ids(site, "adding-like-denominators", k) for k in valid5},
                },
            },
        },
    }
    seed(page, base_url, json.dumps(old))
    visit(page, base_url + "index.html")
    got = statuses(page)
    assert got[UNIT1] == "mastered"
    assert {u for u, st in got.items() if st == "available"} == OPENED_BY_UNIT1
    assert "storage_corrupt" not in notice_keys(page), "usable progress must not be set aside"
    assert stored(page, UNREADABLE) is None

    visit(page, base_url + "progress.html")
    row = page.locator("#ms-progress-table tr.unit-row").first
    expect(row).to_contain_text("Mastered")
    expect(row).to_contain_text("80% (4/5)")
    expect(page.locator("#ms-progress-table")).not_to_contain_text("naming-the-parts")
    expect(page.locator("#ms-progress-table")).not_to_contain_text("decimals-intro")

    for unit, size in (("equivalent-fractions", 10), ("adding-like-denominators", 4)):
        visit(page, base_url + f"units/{unit}.html")
        keys = drawn_keys(page)
        qs = pool(site, unit)
        assert len(keys) == size and len(set(keys)) == size and set(keys) <= set(qs), keys
        saved_draw = stored_json(page)["units"][unit]["draw"]
        assert saved_draw["keys"] == keys, "the fresh draw replaces the stale one in storage"
        reload(page)
        assert drawn_keys(page) == keys, "and is kept over a reload"
    # The unit page of the mastered unit shows it mastered, and nothing old was dropped from storage.
    visit(page, base_url + f"units/{UNIT1}.html")
    expect(page.locator("#ms-unit-status")).to_contain_text("Mastered")
    data = stored_json(page)
    assert data["units"]["decimals-intro"]["mastered"] is True
    assert "naming-the-parts" in data["units"][UNIT1]["objectives"]


# --------------------------------------------------------------------------------------------
# 5. A unit removed or renamed since
# --------------------------------------------------------------------------------------------
RENAMED = "adding-same-denominators"  # was adding-like-denominators
REMOVED = "comparing"


@pytest.fixture(scope="session")
def site_v2(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example course after the teacher renamed unit 5 (front matter `id:`) and removed unit 4."""
    src = tmp_path_factory.mktemp("course-v2") / "course"
    shutil.copytree(REPO / "course", src)
    (src / "units" / "04-comparing.md").unlink()
    yml = src / "course.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("      - 04-comparing.md\n", ""), encoding="utf-8")
    u5 = src / "units" / "05-adding-like-denominators.md"
    u5.write_text(u5.read_text(encoding="utf-8").replace("---\n", f"---\nid: {RENAMED}\n", 1), encoding="utf-8")
    u6 = src / "units" / "06-adding-unlike-denominators.md"
    u6.write_text(
        u6.read_text(encoding="utf-8").replace("requires: [adding-like-denominators,", f"requires: [{RENAMED},"),
        encoding="utf-8",
    )
    out = tmp_path_factory.mktemp("web-v2") / SUBFOLDER
    build(src, out)
    data = (out / "_static" / "course-data.js").read_text(encoding="utf-8")
    assert f'"{RENAMED}"' in data and '"comparing"' not in data and COURSE_ID in data
    return out


@pytest.fixture(scope="session")
def http_root_v2(site_v2: Path) -> Iterator[str]:
    with serve_folder(site_v2.parents[1]) as root:
        yield f"{root}{SUBFOLDER}/"


@pytest.fixture(params=["http", "file"])
def base_url_v2(request: pytest.FixtureRequest, site_v2: Path) -> str:
    return request.getfixturevalue("http_root_v2") if request.param == "http" else site_v2.as_uri() + "/"


def test_unit_removed_or_renamed_since(page: Page, base_url_v2: str, site_v2: Path) -> None:
    base = base_url_v2
    mastered = {"mastered": True, "attempts": 1, "best": [4, 4], "objectives": {}, "last": None, "prev": []}
    saved = progress(
        {
            UNIT1: {**MASTERED_1},
            "equivalent-fractions": {**mastered, "best": [10, 10]},
            "simplifying": {
                "mastered": False,
                "attempts": 2,
                "best": [2, 4],
                "objectives": {"factor": {"attempts": 2, "best": [1, 2], "last": [1, 2]}},
            },
            REMOVED: {**mastered, "best": [5, 5]},
            "adding-like-denominators": {**mastered},
        }
    )
    seed(page, base, saved)
    visit(page, base + "index.html")
    got = statuses_v2(page)
    assert got == {
        UNIT1: "mastered",
        "equivalent-fractions": "mastered",
        "simplifying": "available",
        RENAMED: "available",
        "adding-unlike-denominators": "locked",
        "fraction-fair": "locked",
    }
    expect(page.locator("#ms-course-list")).to_contain_text("50%")  # simplifying's best is kept
    assert "storage_corrupt" not in notice_keys(page)
    expect_notice(page, "storage_orphans", "no longer")
    visit(page, base + "progress.html")
    expect_notice(page, "storage_orphans")
    expect(page.locator("#ms-progress-table tr.unit-row")).to_have_count(6)
    # The unit pages work; new progress is saved next to the kept old records.
    visit(page, base + "units/simplifying.html")
    expect(page.locator("#ms-unit-status")).to_contain_text("50%")
    visit(page, base + f"units/{RENAMED}.html")
    expect(page.locator("#ms-unit-status")).to_contain_text("Not yet mastered")
    expect(page.locator("#ms-questions fieldset.question:not([hidden])")).to_have_count(4)
    data = stored_json(page)
    assert data["units"][REMOVED]["mastered"] is True and data["units"]["adding-like-denominators"]["mastered"] is True
    assert data["units"][RENAMED]["draw"]["keys"]
    visit(page, base + "units/adding-unlike-denominators.html")
    expect(page.locator("#ms-locked")).to_be_visible()
    links = page.locator("#ms-locked-list a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert sorted(links) == [f"../units/{RENAMED}.html", "../units/simplifying.html"]


def statuses_v2(page: Page) -> dict[str, str]:
    page.locator("#ms-course-list li.unit-card").first.wait_for()
    return page.eval_on_selector_all(
        "#ms-course-list li.unit-card",
        """cards => Object.fromEntries(cards.map(c => [
            c.querySelector('a.unit-card__title').getAttribute('href').replace(/^units\\//, '').replace(/\\.html$/, ''),
            (c.className.match(/is-(\\w+)/) || [])[1]]))""",
    )


def test_orphan_notice_shows_unit_ids_as_text(page: Page, http_root: str) -> None:
    evil = '<img src=x onerror="window.__xss=1">'
    seed(page, http_root, progress({evil: {"mastered": True, "attempts": 1, "best": [1, 1]}, UNIT1: MASTERED_1}))
    visit(page, http_root + "index.html")
    assert statuses(page)[UNIT1] == "mastered"
    expect_notice(page, "storage_orphans")
    assert page.locator("img[src='x']").count() == 0
    visit(page, http_root + f"units/{UNIT1}.html")
    assert "storage_orphans" not in notice_keys(page), "unit pages stay focused on the unit"


# --------------------------------------------------------------------------------------------
# 6. XSS through a free-text answer
# --------------------------------------------------------------------------------------------
PAYLOADS = [
    '<img src=x onerror="window.__xss=1">',
    "<script>window.__xss=1</script>",
    '"><svg onload=window.__xss=1>',
    "</script><img src=x onerror=window.__xss2=1>",
]


def test_free_text_answers_are_only_text(page: Page, base_url: str, site: Path) -> None:
    qs = pool(site, UNIT1)
    text_keys = [k for k, q in qs.items() if q["kind"] == "text"]
    other = next(k for k, q in qs.items() if q["kind"] == "single")
    assert len(text_keys) == 4
    visit(page, base_url + f"units/{UNIT1}.html")
    choices = page.locator(f"#q-{other} [data-choice]").evaluate_all("ns => ns.map(n => n.dataset.choice)")
    # Seed an unchecked draw holding every text question (the theme reuses a stored draw that fits).
    draw = {"keys": [*text_keys, other], "choices": {**{k: [] for k in text_keys}, other: choices}}
    seed(page, base_url, progress({UNIT1: {"attempts": 0, "draw": draw}}))
    reload(page)
    assert drawn_keys(page) == draw["keys"], "the seeded draw was not reused"
    typed = dict(zip(text_keys, PAYLOADS, strict=False))
    answer(page, qs, right=False, text=typed)
    check(page)
    expect(page.locator("#ms-results-heading")).to_have_text("Not yet mastered")
    alive(page)
    for k, p in typed.items():
        assert page.locator(f"#q-{k} input[type=text]").input_value() == p
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("svg[onload]").count() == 0
    assert page.evaluate("[...document.scripts].filter(s => s.textContent.includes('__xss')).length") == 0
    # the retake follows the explanations (the only "Try again" shown after a failed try)
    page.get_by_role("button", name=re.compile("^Try again")).filter(visible=True).click()
    answer(page, qs, right=True)
    check(page)
    expect(page.locator("#ms-results-heading")).to_have_text("Mastered!")
    for url in (f"units/{UNIT1}.html", "progress.html", "index.html"):
        visit(page, base_url + url)
        assert page.locator("img[src='x'], svg[onload]").count() == 0


def test_a_saved_draw_that_leaves_out_an_objective_is_not_reused(page: Page, base_url: str, site: Path) -> None:
    """A student who edits their saved draw to the questions of the easy objectives only gets a
    fresh draw on reload, which asks about every objective (else mastery, and the unit key that opens
    the review of every answer, would come without ever being asked the hard one)."""
    qs = pool(site, UNIT1)
    visit(page, base_url + f"units/{UNIT1}.html")
    size = len(drawn_keys(page))
    objectives = {q["objective"] for q in qs.values()}
    assert size >= len(objectives) > 1
    hard, others = next(
        (o, rest) for o in objectives if len(rest := [k for k, q in qs.items() if q["objective"] != o]) >= size
    )
    chosen = others[:size]
    draw = {"keys": chosen, "choices": {k: choice_ids(site, UNIT1, k) for k in chosen}}
    seed(page, base_url, progress({UNIT1: {"attempts": 0, "draw": draw}}))
    reload(page)
    keys = drawn_keys(page)
    assert keys != chosen, "the edited draw was reused"
    assert {qs[k]["objective"] for k in keys} == objectives, f"the fresh draw leaves out '{hard}'"


# --------------------------------------------------------------------------------------------
# 7. Imported progress: markup, prototype keys, files that are not progress
# --------------------------------------------------------------------------------------------
EVIL = '<img src=x onerror="window.__xss=1">'


def import_file(page: Page, content: bytes, name: str = "progress.json") -> str:
    page.evaluate("document.getElementById('ms-progress-message').textContent = ''")
    page.get_by_label("Import progress").set_input_files(
        files=[{"name": name, "mimeType": "application/json", "buffer": content}]
    )
    page.wait_for_function("() => document.getElementById('ms-progress-message').textContent !== ''", timeout=15000)
    alive(page)
    return page.locator("#ms-progress-message").inner_text()


POLLUTION = """() => {
  const o = {};
  return [o.polluted, o.mastered, o.attempts, o.best, Object.best, Object.attempts, Object.last,
          Object.prototype.toString.best, Function.prototype.best, Array.prototype.polluted,
          Object.getPrototypeOf(o) === Object.prototype].map(String).join(",");
}"""
CLEAN = ",".join(["undefined"] * 10 + ["true"])


def test_import_with_markup_and_prototype_keys(page: Page, base_url: str) -> None:
    seed(page, base_url, progress({"adding-like-denominators": {"mastered": False, "attempts": 1, "best": [1, 4]}}))
    visit(page, base_url + "progress.html")
    # Written by hand: a dict could not hold the duplicate-looking prototype keys the way JSON.parse sees them.
    text = """{"format": "masterysite-progress", "schema": 1, "course": "fractions-101",
      "title": EVIL, "generator": EVIL,
      "__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}},
      "units": {
        "__proto__": {"mastered": true, "polluted": 1, "best": [1, 1]},
        "constructor": {"mastered": true, "attempts": 1, "best": [1, 1]},
        "prototype": {"mastered": true},
        EVIL: {"mastered": true, "best": [1, 1]},
        "whole-and-parts": {"mastered": true, "attempts": 2, "best": [5, 5], "title": EVIL,
          "objectives": {"__proto__": {"attempts": 1, "best": [1, 1], "polluted": 1},
                         "constructor": {"attempts": 4, "best": [1, 1], "last": [1, 1]},
                         "toString": {"attempts": 4, "best": [1, 1], "last": [1, 1]},
                         EVIL: {"attempts": 1, "best": [1, 1]},
                         "name": {"attempts": 2, "best": [3, 3], "last": [3, 3]}},
          "last": {"score": [5, 5], "missed": [EVIL], "passed": true},
          "answers": [EVIL]},
        "equivalent-fractions": {"mastered": EVIL, "best": [EVIL, 5], "attempts": EVIL}
      }}""".replace("EVIL", json.dumps(EVIL))
    json.loads(text)
    message = import_file(page, text.encode())
    assert "Imported" in message, message
    assert page.evaluate(POLLUTION) == CLEAN
    assert page.locator("img[src='x']").count() == 0
    rows = page.locator("#ms-progress-table tr.unit-row")
    expect(rows).to_have_count(len(UNIT_IDS))
    expect(rows.first).to_contain_text("Mastered")
    expect(rows.first).to_contain_text("100% (5/5)")
    expect(page.locator("#ms-progress-table")).not_to_contain_text("<img")
    data = stored_json(page)
    assert data["units"][UNIT1]["mastered"] is True
    assert data["units"][UNIT1]["objectives"]["name"]["best"] == [3, 3]
    assert set(data["units"][UNIT1]["objectives"]) <= {"name", "read", "equal"}, (
        "only objectives of the unit are imported"
    )
    assert data["units"]["adding-like-denominators"]["best"] == [1, 4], "existing progress kept"
    assert data["units"].get("equivalent-fractions", {}).get("mastered") is not True
    # Every page still works afterwards, and the unit is really usable.
    for url in ("index.html", f"units/{UNIT1}.html", "units/equivalent-fractions.html"):
        visit(page, base_url + url)
        assert page.evaluate(POLLUTION) == CLEAN
    expect(page.locator("#ms-questions fieldset.question:not([hidden])")).to_have_count(10)


def test_import_merges_so_the_better_result_wins(page: Page, http_root: str) -> None:
    seed(
        page,
        http_root,
        progress(
            {
                UNIT1: {**MASTERED_1, "objectives": {"name": {"attempts": 1, "best": [2, 2], "last": [2, 2]}}},
                "adding-like-denominators": {"mastered": False, "attempts": 1, "best": [1, 4]},
            }
        ),
    )
    visit(page, http_root + "progress.html")
    other_device = progress(
        {
            UNIT1: {
                "mastered": False,
                "attempts": 4,
                "best": [2, 5],
                "objectives": {"name": {"attempts": 3, "best": [0, 2], "last": [0, 2]}},
            },
            "adding-like-denominators": {"mastered": True, "attempts": 2, "best": [4, 4]},
        },
        format="masterysite-progress",
    )
    assert "Imported progress for 2 units (1 mastered)" in import_file(page, other_device.encode())
    units = stored_json(page)["units"]
    assert units[UNIT1]["mastered"] is True and units[UNIT1]["best"] == [5, 5] and units[UNIT1]["attempts"] == 4
    assert units[UNIT1]["objectives"]["name"] == {"attempts": 3, "best": [2, 2], "last": [2, 2]}
    assert units["adding-like-denominators"]["mastered"] is True and units["adding-like-denominators"]["best"] == [4, 4]
    visit(page, http_root + "index.html")
    assert (
        statuses(page)["adding-unlike-denominators"] == "locked"
        and statuses(page)["adding-like-denominators"] == "mastered"
    )


def test_import_counts_each_attempt_of_two_devices_once(page: Page, http_root: str) -> None:
    """One attempt on a laptop, two on a phone: the merge had kept the larger count, 2, where the
    objectives and the attempts themselves said 3 (round hh, LMS 8; the report merges the same way)."""

    def tried(at: str) -> dict[str, Any]:
        return {"at": at, "score": [1, 5], "passed": False, "answers": [{"q": "q1", "r": "x", "ok": False}]}

    laptop = {"mastered": False, "attempts": 1, "best": [1, 5], "tries": [tried("2026-01-01T10:00:00.000Z")]}
    seed(page, http_root, progress({"adding-like-denominators": laptop}))
    visit(page, http_root + "progress.html")
    times = ("2026-01-02T10:00:00.000Z", "2026-01-02T11:00:00.000Z")
    phone = {"mastered": False, "attempts": 2, "best": [1, 5], "tries": [tried(t) for t in times]}
    import_file(page, progress({"adding-like-denominators": phone}, format="masterysite-progress").encode())
    assert stored_json(page)["units"]["adding-like-denominators"]["attempts"] == 3
    import_file(page, progress({"adding-like-denominators": phone}, format="masterysite-progress").encode())
    assert stored_json(page)["units"]["adding-like-denominators"]["attempts"] == 3, "the same file twice: 3 still"


def test_import_of_another_course_shows_its_name_as_text(page: Page, http_root: str) -> None:
    visit(page, http_root + "progress.html")
    message = import_file(page, json.dumps({"course": EVIL, "units": {}}).encode())
    assert EVIL in message and "another course" in message
    assert page.locator("img[src='x']").count() == 0
    # by its title, as its students know it, not its id (new teacher hh 10)
    message = import_file(page, json.dumps({"course": "chem-7", "title": "Chimie " + EVIL, "units": {}}).encode())
    assert f"another course (Chimie {EVIL})" in message and "chem-7" not in message
    assert page.locator("img[src='x']").count() == 0


BAD_FILES = {
    "not-json": b"this is my homework, not progress",
    "empty": b"",
    "binary": bytes(range(256)) * 4,
    "json-array": b"[1, 2, 3]",
    "json-no-units": json.dumps({"course": COURSE_ID}).encode(),
    "unknown-units-only": json.dumps({"course": COURSE_ID, "units": {"decimals": {"mastered": True}}}).encode(),
    "huge-junk": b"{" + b" " * (5 * 1024 * 1024) + b"x",
    "huge-json": json.dumps(
        {
            "course": COURSE_ID,
            "units": {
                UNIT1: {
                    "mastered": True,
                    "objectives": {f"o{i}": {"attempts": 1, "best": [1, 1]} for i in range(120_000)},
                }
            },
        }
    ).encode(),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_import_of_a_bad_file_explains_and_loses_nothing(page: Page, base_url: str, name: str) -> None:
    content = BAD_FILES[name]
    saved = progress({"adding-like-denominators": {"mastered": False, "attempts": 1, "best": [1, 4], "objectives": {}}})
    seed(page, base_url, saved)
    visit(page, base_url + "progress.html")
    message = import_file(page, content, "huge.json" if name.startswith("huge") else "progress.json")
    if name == "huge-json":
        # A valid file for this course, only big: the unit is imported, the junk objectives are not.
        assert "Imported" in message, message
        data = stored_json(page)
        assert data["units"][UNIT1]["mastered"] is True and not data["units"][UNIT1]["objectives"]
        assert data["units"]["adding-like-denominators"]["best"] == [1, 4]
        assert len(stored(page) or "") < 10_000
        assert "storage_unavailable" not in notice_keys(page)
    else:
        box = page.locator("#ms-progress-message")
        assert "message--error" in (box.get_attribute("class") or ""), message
        assert len(message) > 20
        assert stored(page) == saved, "a bad file must not change saved progress"
    expect(page.locator("#ms-progress-table tr.unit-row")).to_have_count(len(UNIT_IDS))
    reload(page)
    assert page.locator("#ms-notices [data-key]").count() == 0


# --------------------------------------------------------------------------------------------
# 8. Two tabs
# --------------------------------------------------------------------------------------------
def test_two_tabs(context: BrowserContext, base_url: str, site: Path) -> None:
    a, b = context.new_page(), context.new_page()
    b.bring_to_front()  # a tab in the background is throttled: act in the front one
    visit(b, base_url + "index.html")
    assert statuses(b)[UNIT1] == "available"
    a.bring_to_front()
    visit(a, base_url + f"units/{UNIT1}.html")
    answer(a, pool(site, UNIT1), right=False)
    check(a)
    # Tab b sees it on reload (and the storage event updates its course list before that).
    expect(b.locator("#ms-course-list li.unit-card").first).to_contain_text("Best score")
    b.bring_to_front()
    reload(b)
    assert statuses(b)[UNIT1] == "available"
    # Both write: b works on unit 1 too while a retakes.
    visit(b, base_url + f"units/{UNIT1}.html")
    answer(b, pool(site, UNIT1), right=True)
    check(b)
    expect(b.locator("#ms-results-heading")).to_have_text("Mastered!")
    a.bring_to_front()
    a.get_by_role("button", name=re.compile("^(Try again.*|Practise with new questions)$")).filter(visible=True).click()
    answer(a, pool(site, UNIT1), right=False)
    check(a)
    data = stored_json(a)
    rec = data["units"][UNIT1]
    assert rec["mastered"] is True, "a later weaker attempt in another tab must not undo mastery"
    assert rec["attempts"] == 3
    assert rec["best"] == [5, 5]
    for tab in (a, b):
        tab.bring_to_front()
        visit(tab, base_url + "index.html")
        assert statuses(tab)[UNIT1] == "mastered"


def test_questions_checked_in_another_tab_are_never_checked_again(
    context: BrowserContext, base_url: str, site: Path
) -> None:
    """Both tabs show the same draw; b checks it and fails. a must not take the same questions again (a
    second chance is new questions, and right answers learnt from b's feedback would master the unit):
    a shows the failed attempt and a fresh draw (a tester mastered a unit that way)."""
    a, b = context.new_page(), context.new_page()
    for tab in (a, b):
        tab.bring_to_front()
        visit(tab, base_url + f"units/{UNIT1}.html")
    spent = drawn_keys(a)
    assert drawn_keys(b) == spent
    answer(b, pool(site, UNIT1), right=False)
    check(b)
    a.bring_to_front()
    expect(a.locator("#ms-results")).to_be_visible()  # the failed attempt, after a reload
    assert drawn_keys(a) and not set(drawn_keys(a)) & set(spent), "the spent questions are offered again"
    answer(a, pool(site, UNIT1), right=True)
    check(a)
    rec = stored_json(a)["units"][UNIT1]
    assert rec["attempts"] == 2 and rec["mastered"] is True


def test_a_locked_unit_opens_when_another_tab_masters_its_prerequisite(
    context: BrowserContext, base_url: str, site: Path
) -> None:
    """Tab b waits on a locked unit while tab a masters what it requires: b opens it, without a reload."""
    a, b = context.new_page(), context.new_page()
    visit(b, base_url + "units/equivalent-fractions.html")
    expect(b.locator("#ms-locked")).to_be_visible()
    a.bring_to_front()
    visit(a, base_url + f"units/{UNIT1}.html")
    answer(a, pool(site, UNIT1), right=True)
    check(a)
    expect(a.locator("#ms-results-heading")).to_have_text("Mastered!")
    b.bring_to_front()
    expect(b.locator("#ms-unit-body")).to_be_visible()
    expect(b.locator("#ms-locked")).to_be_hidden()
    assert "ms-open" in (b.locator("html").get_attribute("class") or "")


def test_without_storage_progress_follows_the_student_through_the_tab(
    context: BrowserContext, page: Page, base_url: str, site: Path
) -> None:
    """Private mode: mastery must still open the next unit when the student follows the link to it."""
    context.add_init_script(NO_STORAGE)
    _master_in_memory(page, base_url, site)
    page.locator("#ms-results .go-on a", has_text="Equivalent").first.click()
    page.wait_for_load_state()
    expect(page.locator("#ms-unit-status")).to_contain_text("Not yet mastered")
    expect(page.get_by_role("button", name="Check answers")).to_be_visible()
    visit(page, base_url + "index.html")
    assert statuses(page)[UNIT1] == "mastered"


LEAVING_UNIT = """---
title: A
objectives:
  o: Add
---

Read more in [the encyclopedia](http://wiki.other.test/Fraction), or [on](b.md) and [here](#ms-quiz).

::: question o
2 + 2?

= 4
:::
"""


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_without_storage_a_link_to_another_site_opens_in_a_new_tab(browser: Any, tmp_path: Path, scheme: str) -> None:
    """With site data blocked, progress rides in window.name, which Chromium keeps when the tab goes to
    another site: the student's name, answers and unit keys reached that site's scripts (security round
    ii 1). A link out of the course opens in a new tab, which has none of it; this tab keeps it."""
    course = tmp_path / "course"
    (course / "units").mkdir(parents=True)
    (course / "course.yml").write_text("title: T\nid: leave\n", encoding="utf-8")
    (course / "units" / "a.md").write_text(LEAVING_UNIT, encoding="utf-8")
    (course / "units" / "b.md").write_text("---\ntitle: B\n---\nMore.\n", encoding="utf-8")
    build(course, tmp_path / "site")
    context = browser.new_context()
    context.add_init_script(NO_STORAGE)
    reader = "<script>document.title = 'name:' + window.name</script>"  # (the other site's script)
    context.route("http://wiki.other.test/**", lambda route: route.fulfill(body=reader, content_type="text/html"))
    try:
        with serve_folder(tmp_path / "site") as root:
            page = context.new_page()
            page.goto(root + "units/a.html" if scheme == "http" else (tmp_path / "site" / "units" / "a.html").as_uri())
            page.get_by_role("textbox").fill("4")
            page.get_by_role("button", name="Check answers").click()
            expect(page.get_by_role("heading", name="Mastered!")).to_be_visible()
            assert '"mastered":true' in page.evaluate("() => window.name")
            with context.expect_page() as opened:
                page.get_by_role("link", name="the encyclopedia").click()
            other = opened.value
            other.wait_for_load_state()
            assert other.title() == "name:", "the other site read the progress"
            assert page.url.endswith("units/a.html") and '"mastered":true' in page.evaluate("() => window.name")
            page.get_by_role("link", name="here").click()  # (a link within the course stays in its tab)
            assert len(context.pages) == 2 and page.url.endswith("#ms-quiz")
    finally:
        context.close()
