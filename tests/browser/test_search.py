"""Search: from file:// and plain http, over the units the student can open. The index is a script
loaded only once the student starts a search; results name the unit and the section and lead to
the section's heading; a locked unit's text is not found until the unit opens. The browser's words
are the build's (masterysite/search.py <-> js/search.js)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from masterysite.search import tokens
from tests.browser.student import Course, Student, progress_file

pytestmark = pytest.mark.browser

U1 = "whole-and-parts"
LOCKED = "equivalent-fractions"


def sentence_of(site: Path, course: Course, uid: str, section: int) -> tuple[str, str]:
    """A sentence of the lesson's `section`-th ## section (as plain text), and that section's title."""
    page = (site / course.unit(uid).href).read_text(encoding="utf-8")
    lesson = page[page.index('class="lesson prose"') :]
    m = list(re.finditer(r'<h2 id="[^"]+">([^<]*)</h2>\s*<p>(.*?)</p>', lesson, re.S))[section]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", m.group(2)))
    first = re.split(r"(?<=[.!?]) ", text)[0]
    return first, re.sub(r"<[^>]+>", "", m.group(1))


def search_box(page: Page):  # type: ignore[no-untyped-def]
    return page.get_by_role("search").get_by_role("searchbox", name="Search the course")


def results(page: Page):  # type: ignore[no-untyped-def]
    return page.get_by_role("region", name=re.compile(r"found|Nothing found"))


def test_finds_an_open_units_sentence_and_not_a_locked_ones(
    page: Page, base_url: str, site: Path, course_key: Course, tmp_path: Path
) -> None:
    page.goto(base_url + "index.html")
    # Nothing of the search is loaded until the student starts one.
    assert page.evaluate("() => typeof window.MASTERYSITE_SEARCH") == "undefined"
    assert page.locator("script[src*='search']").count() == 0

    open_sentence, open_section = sentence_of(site, course_key, U1, 1)
    search_box(page).fill(open_sentence)
    found = results(page)
    expect(found).to_contain_text("1 section found")
    link = found.get_by_role("link")
    expect(link).to_have_count(1)
    expect(link).to_have_text(f"{course_key.unit(U1).title} › {open_section}")

    locked_sentence, _ = sentence_of(site, course_key, LOCKED, 0)
    assert tokens(locked_sentence), locked_sentence
    search_box(page).fill(locked_sentence)
    expect(found).to_contain_text("Nothing found in the units you can open.")
    expect(found.get_by_role("link")).to_have_count(0)

    # The result leads to the section's heading.
    search_box(page).fill(open_sentence)
    found.get_by_role("link").click()
    heading = page.get_by_role("heading", name=open_section, exact=True)
    expect(heading).to_be_in_viewport()

    # Once the unit is open, its text is found.
    seed = tmp_path / "u1.json"
    seed.write_text(json.dumps(progress_file(course_key, [U1])), encoding="utf-8")
    student = Student(page, course_key, base_url)
    student.open_progress()
    student.import_progress(seed)
    search_box(page).fill(locked_sentence)
    expect(results(page).get_by_role("link")).to_have_count(1)
    expect(results(page).get_by_role("link")).to_contain_text(course_key.unit(LOCKED).title)


def test_prefix_while_typing_and_enter_goes_to_the_results(page: Page, http_root: str) -> None:
    page.goto(http_root + "index.html")
    box = search_box(page)
    box.press_sequentially("denomin")  # the last word is still being typed
    expect(results(page).get_by_role("link").first).to_be_visible()
    box.press("Enter")
    expect(results(page).get_by_role("link").first).to_be_focused()
    box.focus()
    box.press("Escape")
    expect(results(page)).to_be_hidden()


CASES = ["Crème Brûlée", "ÉCOLE naïve", "3/4 of 12", "snake_case x2", "Straße", "שָׁלוֹם עולם", "كَتَبَ الدرس", "fünf-Eck"]
CASES += ["GROẞE Begrüßung"]  # 'ß' is 'ss', as Swiss German writes it (new teacher aa 9)
CASES += ["CO₂ und H₂O, 10³ m²"]  # a digit written small is a digit: 'co2' finds 'CO₂' (new teacher dd 15)
CASES += ["日本語の句読点は、文の区切りです。", "ください", "ﾃﾞｰﾀﾌﾚｰﾑ", "Python の print 関数", "句"]  # (port ff 17)


def test_the_browser_splits_words_as_the_build_does(page: Page, http_root: str) -> None:
    page.goto(http_root + "index.html")
    search_box(page).fill("x")
    page.wait_for_function("() => window.masterysiteSearch")
    for text in CASES:
        assert page.evaluate("t => window.masterysiteSearch.tokens(t)", text) == tokens(text), text
    assert page.evaluate("() => window.masterysiteSearch.tokens('Strasse STRASSE')") == tokens("Straße") * 2
    assert page.evaluate("() => window.masterysiteSearch.tokens('CO2 h2o')") == tokens("CO₂ H₂O") == ["co2", "h2o"]


def test_a_japanese_word_inside_a_sentence_is_found(page: Page, tmp_path: Path) -> None:
    """Japanese and Chinese are written without spaces: the index had held each sentence as one word, so
    '句読点' inside one found nothing (port ff 17). Each run is indexed as its pairs of characters."""
    from masterysite.build import build
    from tests.conftest import write_files

    lesson = "## 句読点\n\n日本語の句読点は、文の区切りを示します。\n\n## データ\n\nﾃﾞｰﾀﾌﾚｰﾑを作ってください。\n"
    unit = "---\ntitle: 日本語\n---\n\n" + lesson
    course = write_files(tmp_path / "c", {"course.yml": "title: T\nlanguage: ja\n", "units/01-ja.md": unit})
    build(course, tmp_path / "site")
    page.goto((tmp_path / "site" / "index.html").as_uri())
    search_box(page).fill("句読点")
    expect(results(page).get_by_role("link")).to_have_text("日本語 › 句読点")
    search_box(page).fill("データフレーム")  # (typed full-width; the lesson's half-width)
    expect(page.get_by_role("link", name="日本語 › データ")).to_be_visible()
