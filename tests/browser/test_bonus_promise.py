"""'★ Bonus challenges open' on the course and progress pages is a promise the unit page keeps:
for a unit with a quiz, only with the unit key that passing it gave (its enrichment is sealed
under that key), so not after an edit of the saved progress; for a unit with no quiz, once it
is marked done (new teacher t 10)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import serve_build
from tests.conftest import write_files

pytestmark = pytest.mark.browser

QUIZ = (
    "---\nid: quiz\ntitle: With a quiz\nobjectives:\n  o: Add\n---\n\nLesson.\n\n"
    "::: question o\nWhat is 2 + 2?\n\n= 4\n:::\n\n::: enrichment More\nA harder sum.\n:::\n"
)
READING = (
    "---\nid: reading\ntitle: Reading only\nrequires: []\n---\n\nRead this.\n\n"
    "::: enrichment More\nFurther reading.\n:::\n"
)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("bonus")
    course = write_files(
        root / "course",
        {
            "course.yml": "title: Sums\nid: sums\nunits: [quiz.md, reading.md]\n",
            "units/quiz.md": QUIZ,
            "units/reading.md": READING,
        },
    )
    with serve_build(course, root / "web" / "site") as url:
        yield url


def bonus_links(page: Page, unit: str) -> int:
    return page.locator(f"a.bonus-link[href$='{unit}.html#ms-enrichment']").count()


def test_the_bonus_is_promised_only_where_it_opens(page: Page, base: str) -> None:
    page.goto(base + "index.html")
    edited = {"mastered": True, "attempts": 1, "best": [1, 1]}  # what a student can type in the console
    data = {"schema": 1, "course": "sums", "units": {"quiz": edited}}
    page.evaluate("v => localStorage.setItem('masterysite:sums', v)", json.dumps(data))
    for where in ("index.html", "progress.html"):
        page.goto(base + where)
        expect(page.locator("main")).to_contain_text("Mastered")
        assert bonus_links(page, "quiz") == 0, f"{where} promises a bonus the unit page keeps shut"
    page.goto(base + "units/quiz.html")
    expect(page.locator("#ms-enrichment-body")).to_contain_text("opens when you pass")

    page.goto(base + "units/reading.html")  # no quiz: the bonus shows once the unit is done
    page.get_by_role("button", name="Mark as done").click()
    expect(page.get_by_text("Further reading.")).to_be_visible()
    page.goto(base + "index.html")
    expect(page.locator("a.bonus-link")).to_have_count(1)
    assert bonus_links(page, "reading") == 1

    page.goto(base + "units/quiz.html")  # passing the quiz gives the key: now the promise holds
    page.get_by_label("Your answer").fill("4")
    page.get_by_role("button", name="Check answers").click()
    expect(page.get_by_text("A harder sum.")).to_be_visible()
    for where in ("index.html", "progress.html"):
        page.goto(base + where)
        expect(page.locator("a.bonus-link[href$='quiz.html#ms-enrichment']")).to_have_count(1)


def test_a_key_the_unit_does_not_open_with_is_dropped_and_promises_nothing(page: Page, base: str) -> None:
    """A unit key of the right form that this build's seal does not open (the course built again with
    another secret; a key copied from another unit): once the unit page has seen it, it is dropped, and
    the course page no longer promises the bonus (new teacher v 2)."""
    page.goto(base + "index.html")
    forged = {"mastered": True, "attempts": 1, "best": [1, 1], "key": "A" * 43 + "="}
    data = {"schema": 1, "course": "sums", "units": {"quiz": forged}}
    page.evaluate("v => localStorage.setItem('masterysite:sums', v)", json.dumps(data))
    page.goto(base + "units/quiz.html")
    expect(page.locator("#ms-enrichment-body")).to_contain_text("opens when you pass")
    saved = json.loads(page.evaluate("localStorage.getItem('masterysite:sums')"))
    assert saved["units"]["quiz"].get("key") is None and saved["units"]["quiz"]["mastered"] is True
    page.goto(base + "index.html")
    expect(page.locator("main")).to_contain_text("Mastered")
    assert bonus_links(page, "quiz") == 0
