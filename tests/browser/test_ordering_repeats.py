"""An ordering question may repeat words ('a lot of' twice; French 'de … de'): the
items that read the same share an id, either one is right where the sentence has one, the page
has no two elements with one id, and a reload puts each item back (new teacher t 9)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from masterysite.build import build
from tests.conftest import write_files

pytestmark = pytest.mark.browser

SENTENCE = ["He", "needs", "a", "lot", "of", "time", "and", "a", "lot", "of", "luck"]
UNIT = (
    "---\ntitle: Word order\nobjectives:\n  order: Order the words of a sentence\n---\n\nLesson.\n\n"
    "::: question order\nPut the words in order.\n\n"
    + "".join(f"{n}. {word}\n" for n, word in enumerate(SENTENCE, 1))
    + ":::\n"
)


@pytest.fixture(scope="module")
def unit_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("repeats")
    powers = (
        "---\ntitle: Powers\nrequires: []\nobjectives:\n  order: Order numbers\n---\n\nLesson.\n\n"
        "::: question order\nFrom the smallest.\n\n1. $4.5 \\times 10^2$\n2. 3 × 10<sup>3</sup>\n:::\n"
    )
    course = write_files(root / "course", {"course.yml": "title: Words\n", "units/a.md": UNIT, "units/b.md": powers})
    build(course, root / "site")
    return (root / "site" / "units" / "a.html").as_uri()


def shown(items: Locator) -> list[str]:
    return [t.strip() for t in items.locator(".ordering__text").all_inner_texts()]


def put_in_order(items: Locator, target: list[str]) -> None:
    """Select-sort with the Move up buttons: at each position, the first item left that reads right."""
    for position, word in enumerate(target):
        now = shown(items).index(word, position)
        for _ in range(now - position):
            items.nth(now).locator("[data-move=up]").click()
            now -= 1
    assert shown(items) == target


def test_a_repeated_word_is_ordered_checked_and_put_back(page: Page, unit_url: str) -> None:
    page.goto(unit_url)
    items = page.locator("li.ordering__item")
    expect(items).to_have_count(len(SENTENCE))
    assert sorted(shown(items)) == sorted(SENTENCE)
    ids = page.evaluate("() => Array.from(document.querySelectorAll('[id]'), e => e.id)")
    assert len(ids) == len(set(ids)), "two elements with one id"
    choices = items.evaluate_all("els => els.map(e => e.getAttribute('data-choice'))")
    assert len(set(choices)) == len(set(SENTENCE))  # 'a', 'lot' and 'of' twice, one id each
    put_in_order(items, SENTENCE)
    page.reload()
    expect(items).to_have_count(len(SENTENCE))
    assert shown(items) == SENTENCE, "the reload did not put each item back where the student had it"
    page.get_by_role("button", name="Check answers").click()
    expect(page.get_by_text("Correct", exact=True)).to_be_visible()
    expect(page.locator("main")).to_contain_text("You scored 100%")


def test_a_two_item_ordering_is_shown_in_either_order(page: Page, unit_url: str) -> None:
    """Drawn as any other order, the right one too: never showing it had told the answer (two items: swap
    them, every time; new teacher cc 14). 24 fresh draws all alike: one chance in 8 million."""
    page.add_init_script("localStorage.clear(); sessionStorage.clear()")  # (the last load kept its draw on leaving)
    items = page.locator("li.ordering__item")
    seen = set()
    for _ in range(24):
        page.goto(unit_url.replace("a.html", "b.html"))
        expect(items).to_have_count(2)
        seen.add(tuple(items.evaluate_all("els => els.map(e => e.getAttribute('data-choice'))")))
    assert len(seen) == 2, f"a two-item ordering was always shown in one order: {seen}"


def test_a_power_in_an_item_is_read_as_a_power(page: Page, unit_url: str) -> None:
    """The live region says where an item went: '4.5×10^2', not '4.5×102' (new teacher u 13)."""
    page.goto(unit_url.replace("/a.html", "/b.html"))
    items = page.locator("li.ordering__item")
    expect(items).to_have_count(2)
    items.nth(1).locator("[data-move=up]").click()
    status = page.locator("[data-order-status]")
    expect(status).to_have_text(re.compile(r"^(4\.5×10\^2|3 × 10\^3): position 1 of 2$"))
