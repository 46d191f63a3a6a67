"""Ids are data, never object keys (SPEC §5): objectives and units named like the properties every
JavaScript object inherits ('constructor', 'toString', 'valueOf', 'hasOwnProperty') keep their
correctives, their progress and their unlocking like any other id; and a lesson heading never takes
an id the theme uses."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import serve_build
from tests.conftest import write_files

pytestmark = pytest.mark.browser

NAMES = ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__"]


def unit_file() -> str:
    objectives = "".join(f"  {n}: Know {n.replace('_', chr(92) + '_')}\n" for n in NAMES)  # (Markdown)
    text = "---\ntitle: Inherited names\nid: constructor\nrequires: []\nmastery: 100%\n"
    text += f"objectives:\n{objectives}quiz:\n  shuffle: false\n---\n"
    text += "## MS Quiz form\n\nA heading whose words are the theme's form id.\n\n"
    for n in NAMES:
        words = n.replace("_", "\\_")  # (as Markdown: '__proto__' would be 'proto' in bold)
        text += f"::: question {n}\nAbout {words}?\n\n- [x] right {words}\n- [ ] wrong {words}\n:::\n\n"
        text += f"::: corrective {n} Again {words}\nExplained again: {words}.\n:::\n\n"
    return text + "::: enrichment More\nMore.\n:::\n"


@pytest.fixture(scope="module")
def ids_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("ids")
    next_unit = "---\ntitle: Next one\nid: toString\nrequires: [constructor]\n---\nText.\n"
    last_unit = "---\ntitle: Last one\nrequires: [constructor]\n---\nText.\n"  # its id: its file's name
    files = {
        "course.yml": "title: Ids\nid: ids\n",
        "units/01-constructor.md": unit_file(),
        "units/02-next.md": next_unit,
        "units/03-__proto__.md": last_unit,
    }
    with serve_build(write_files(root / "course", files), root / "web" / "site") as url:
        yield url


def answer(page: Page, wrong: set[str]) -> None:
    for n in NAMES:
        label = f"wrong {n}" if n in wrong else f"right {n}"
        page.get_by_role("radio", name=label, exact=True).check()
    page.get_by_role("button", name="Check answers", exact=True).click()


def test_inherited_names_work_as_objective_and_unit_ids(page: Page, ids_url: str) -> None:
    page.goto(ids_url + "units/constructor.html")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inherited names")
    answer(page, wrong={"constructor"})
    expect(page.get_by_role("region", name="Not yet mastered")).to_contain_text("You scored 80% (4 of 5).")
    assert "?" not in page.url  # the quiz was checked by the script, not submitted into the URL
    expect(page.locator("#ms-correctives-constructor")).to_be_visible()
    expect(page.locator("#ms-correctives-constructor")).to_contain_text("Explained again: constructor.")
    for n in NAMES[1:]:
        expect(page.locator(f"#ms-correctives-{n}")).to_be_hidden()
    saved = json.loads(  # as text: Playwright's own passing of objects drops a '__proto__' key
        page.evaluate(
            "() => { for (var i = 0; i < localStorage.length; i++) { var k = localStorage.key(i);"
            " if (k.indexOf('ids') >= 0) return localStorage.getItem(k); } return null; }"
        )
    )
    objectives = saved["units"]["constructor"]["objectives"]
    assert sorted(objectives) == sorted(NAMES)
    assert objectives["constructor"]["last"] == [0, 1] and objectives["toString"]["last"] == [1, 1]

    page.get_by_role("button", name=re.compile("^Try again")).first.click()
    answer(page, wrong=set())
    expect(page.get_by_role("link", name="Next one").first).to_be_visible()
    page.goto(ids_url + "progress.html")
    for n in NAMES:
        expect(page.get_by_role("rowheader", name=f"Know {n}")).to_be_visible()
    page.goto(ids_url + "units/toString.html")
    expect(page.get_by_role("heading", level=1)).to_have_text("Next one")
    expect(page.get_by_role("region", name="Not open yet")).to_be_hidden()
    page.goto(ids_url + "units/__proto__.html")
    expect(page.get_by_role("heading", level=1)).to_have_text("Last one")
    expect(page.get_by_role("region", name="Not open yet")).to_be_hidden()  # constructor is mastered
