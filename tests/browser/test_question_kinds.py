"""Every question kind and answer line kind, judged by the page itself (Chromium, over plain
http in a sub-folder and from disk): '=' numbers and text, '==' exact, '~' patterns, '±'
ranges, blanks in text, inline code and code blocks, ordering (keyboard alone, mouse drag,
touch drag) and hints. The course is tests/sample_courses/kinds."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from masterysite.build import build
from tests.browser.conftest import Watch, axe_violations, serve_folder

KINDS = Path(__file__).resolve().parents[1] / "sample_courses" / "kinds"
UNIT = "units/shell.html"
ORDER = ["one tenth", "one quarter", "one half", "three quarters"]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def kinds_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("kinds") / "courses" / "kinds"
    build(KINDS, out)
    return out


@pytest.fixture(scope="module")
def kinds_http(kinds_site: Path) -> Iterator[str]:
    with serve_folder(kinds_site.parents[1]) as root:
        yield f"{root}courses/kinds/"


@pytest.fixture(params=["http", "file"])
def kinds_root(request: pytest.FixtureRequest, kinds_site: Path, kinds_http: str) -> str:
    return kinds_http if request.param == "http" else kinds_site.as_uri() + "/"


def question(page: Page, text: str) -> Locator:
    group = page.get_by_role("group").filter(has_text=text)
    expect(group).to_have_count(1)
    return group


def fill(page: Page, answers: dict[str, str | list[str]]) -> None:
    for text, typed in answers.items():
        group = question(page, text)
        if isinstance(typed, str):
            group.get_by_label("Your answer").fill(typed)
        else:
            for i, value in enumerate(typed):
                group.get_by_role("textbox", name=f"Blank {i + 1} of {len(typed)}", exact=True).fill(value)


def verdicts(page: Page, texts: list[str]) -> dict[str, str]:
    out = {}
    for text in texts:
        verdict = question(page, text).get_by_text(re.compile(r"^(Correct|Not correct)"))
        out[text] = verdict.inner_text().strip()
    return out


def order_shown(group: Locator) -> list[str]:
    return [
        t.strip()
        for t in group.get_by_role("listitem").evaluate_all(
            "els => els.map(e => e.querySelector('[id$=-text]').textContent)"
        )
    ]


FOCUSED_NAME = """() => {
    const e = document.activeElement, ids = (e.getAttribute('aria-labelledby') || '').split(' ');
    const text = (id) => document.getElementById(id).textContent.replace(/[↑↓]/g, '').trim();
    return ids[0] ? ids.map(text).join(' ') : (e.getAttribute('aria-label') || e.textContent).trim();
}"""


def focused_name(page: Page) -> str:
    """The focused element's accessible name, as its aria-labelledby / aria-label / text give it."""
    return str(page.evaluate(FOCUSED_NAME))


def tab_to(page: Page, name: str, backwards: bool = False) -> None:
    for _ in range(40):
        if focused_name(page) == name:
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    raise AssertionError(f"Tab never reached {name!r} (at {focused_name(page)!r})")


def order_by_keyboard(page: Page, group: Locator, target: list[str]) -> None:
    """Only Tab, Shift+Tab and Enter: select-sort with the Move up buttons."""
    status = group.locator("[data-order-status]")
    for position, text in enumerate(target):
        now = order_shown(group).index(text)
        if now == position:
            continue
        tab_to(page, f"Move up {text}", backwards=True)
        for _ in range(now - position):
            page.keyboard.press("Enter")
        expect(status).to_have_text(f"{text}: position {position + 1} of {len(target)}")
        assert focused_name(page) == f"Move up {text}", "focus left the button after a move"
    assert order_shown(group) == target


ALL = [
    "three quarters as a decimal",
    "six eighths in simplest form",
    "sorts by size?",
    "capital of France",
    "second comma-separated field",
    "two thirds",
    "British spelling",
    "PDB files",
    "from the smallest to the largest",
]


def test_every_kind_is_judged_as_the_teacher_means(page: Page, kinds_root: str) -> None:
    page.goto(kinds_root + UNIT)
    expect(page.get_by_role("button", name="Check answers")).to_be_visible()
    # Attempt 1: answers a lenient judge would accept but the teacher did not mean, and vice versa.
    fill(
        page,
        {
            "three quarters as a decimal": "3/4",  # = 0.75: by value
            "six eighths in simplest form": "6/8",  # == 3/4: not the simplest form
            "sorts by size?": "-s",  # == -S: case matters
            "capital of France": "  PARIS ",  # = Paris: case and spaces ignored
            "second comma-separated field": "cut -d,-f2",  # ~ /cut -d, ?-f ?2/
            "two thirds": "0.69",  # = 0.67 ± 0.01: outside
            "British spelling": ["Colour", "-s"],  # [[colour|color]] right, [[== -S]] wrong
            "PDB files": ["*.pdb"],  # [[~ /\*\.pdb/]]
        },
    )
    group = question(page, "from the smallest to the largest")
    order_by_keyboard(page, group, [ORDER[1], ORDER[0], *ORDER[2:]])  # (the page may draw the right order)
    page.get_by_role("button", name="Check answers").click()
    expect(page.locator("#ms-results").get_by_text(re.compile(r"^You scored"))).to_be_visible()  # (not the live region)
    assert verdicts(page, ALL) == {
        "three quarters as a decimal": "Correct",
        "six eighths in simplest form": "Not correct",
        "sorts by size?": "Not correct",
        "capital of France": "Correct",
        "second comma-separated field": "Correct",
        "two thirds": "Not correct",
        "British spelling": "Not correct",
        "PDB files": "Correct",
        "from the smallest to the largest": "Not correct",
    }
    # Attempt 2: the other side of each rule.
    page.get_by_role("button", name=re.compile(r"^Try again( with new questions)?$")).filter(visible=True).click()
    fill(
        page,
        {
            "three quarters as a decimal": "0,76",
            "six eighths in simplest form": " 3/4 ",
            "sorts by size?": "-S",
            "capital of France": "Pa ris",
            "second comma-separated field": "cut -f 2",
            "two thirds": "0.66",
            "British spelling": ["color", "-S"],
            "PDB files": ["a.pdb"],
        },
    )
    order_by_keyboard(page, question(page, "from the smallest to the largest"), ORDER)
    page.get_by_role("button", name="Check answers").click()
    expect(page.locator("#ms-results").get_by_text(re.compile(r"^You scored"))).to_be_visible()  # (not the live region)
    assert verdicts(page, ALL) == {
        "three quarters as a decimal": "Not correct",
        "six eighths in simplest form": "Correct",
        "sorts by size?": "Correct",
        "capital of France": "Not correct",
        "second comma-separated field": "Not correct",
        "two thirds": "Correct",
        "British spelling": "Correct",
        "PDB files": "Not correct",
        "from the smallest to the largest": "Correct",
    }


NO_FIELD_SIZING = """
const sheet = new CSSStyleSheet();
sheet.replaceSync("input.blank { field-sizing: fixed !important; width: 8ch; }");
document.adoptedStyleSheets = [sheet];
"""


@pytest.mark.parametrize("field_sizing", [True, False], ids=["field-sizing", "no-field-sizing"])
def test_a_blank_grows_with_what_the_student_types(page: Page, kinds_root: str, field_sizing: bool) -> None:
    """Never sized by its answer (that would tell its length): 8 characters wide, then as wide as the text;
    also where CSS cannot size it to its text (Safari's WebKit has no field-sizing: a tester's blank
    showed 'nsados' of 'estábamos cansados')."""
    if not field_sizing:  # as in WebKit: 8 characters wide, whatever the text (a sheet, so every load)
        page.add_init_script(NO_FIELD_SIZING)
    page.goto(kinds_root + UNIT)
    blank = question(page, "British spelling").get_by_role("textbox", name="Blank 1 of 2", exact=True)
    empty = blank.bounding_box()
    blank.press_sequentially("a much longer answer than eight")
    typed = blank.bounding_box()
    assert empty and typed and typed["width"] > 2 * empty["width"], (empty, typed)
    assert blank.evaluate("b => b.scrollWidth <= b.clientWidth + 1"), "the text is cut off"
    page.reload()  # a draft put back, not typed: sized by CSS, or by the script where CSS cannot
    blank = question(page, "British spelling").get_by_role("textbox", name="Blank 1 of 2", exact=True)
    expect(blank).to_have_value("a much longer answer than eight")
    restored = blank.bounding_box()
    assert restored and restored["width"] > 2 * empty["width"], (empty, restored)
    assert blank.evaluate("b => b.scrollWidth <= b.clientWidth + 1"), "the text is cut off"
    if field_sizing:  # CSS sizes it to its text both ways: erased, it is 8 characters wide again
        blank.fill("ab")
        erased = blank.bounding_box()
        assert erased and erased["width"] == empty["width"], (empty, erased)


def test_hints_one_at_a_time_with_the_keyboard_and_free(page: Page, kinds_root: str) -> None:
    page.goto(kinds_root + UNIT)
    group = question(page, "six eighths in simplest form")
    hints = group.get_by_text(re.compile(r"^Hint \d"))
    expect(hints).to_have_count(2)
    for hint in hints.all():
        expect(hint).to_be_hidden()
    group.get_by_label("Your answer").focus()
    tab_to(page, "Show a hint")
    page.keyboard.press("Enter")
    expect(group.get_by_text("Divide the top and the bottom by the same number.")).to_be_visible()
    expect(group.get_by_text("Both are even: divide by 2.")).to_be_hidden()
    assert page.evaluate("() => document.activeElement.textContent").startswith("Hint 1")
    tab_to(page, "Show another hint")
    page.keyboard.press("Enter")
    expect(group.get_by_text("Both are even: divide by 2.")).to_be_visible()
    expect(group.get_by_role("button", name=re.compile("hint"))).to_have_count(0)
    # Hints cost nothing: everything right is still 100%.
    right = {
        "three quarters as a decimal": "0.75",
        "six eighths in simplest form": "3/4",
        "sorts by size?": "-S",
        "capital of France": "paris",
        "second comma-separated field": "cut -d, -f 2",
        "two thirds": "0.67",
        "British spelling": ["colour", "-S"],
        "PDB files": ["*.pdb"],
    }
    fill(page, right)
    order_by_keyboard(page, question(page, "from the smallest to the largest"), ORDER)
    page.get_by_role("button", name="Check answers").click()
    expect(page.get_by_text("You scored 100% (9 of 9).", exact=True)).to_be_visible()
    # After mastery, a new attempt starts with the hints hidden again.
    page.get_by_role("button", name="Practise with new questions").click()
    for hint in hints.all():
        expect(hint).to_be_hidden()
    expect(question(page, "six eighths").get_by_role("button", name="Show a hint")).to_be_visible()
    # Checked without opening them: no dead 'Show a hint' button is left on the checked question.
    fill(page, right)
    order_by_keyboard(page, question(page, "from the smallest to the largest"), ORDER)
    page.get_by_role("button", name="Check answers").click()
    expect(page.get_by_text("You scored 100% (9 of 9).", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("hint"))).to_have_count(0)


def drag(page: Page, group: Locator, text: str, to: str, touch: bool = False) -> None:
    """Drag an item by its grip onto another item's place (mouse, or touch through CDP)."""
    item = group.get_by_role("listitem").filter(has_text=text)
    grip = item.locator("[data-grip]").bounding_box()
    target = group.get_by_role("listitem").filter(has_text=to).bounding_box()
    assert grip and target
    x, y = grip["x"] + grip["width"] / 2, grip["y"] + grip["height"] / 2
    ty = target["y"] + target["height"] * (0.85 if target["y"] > grip["y"] else 0.15)
    steps = [y + (ty - y) * i / 12 for i in range(1, 13)]
    if not touch:
        page.mouse.move(x, y)
        page.mouse.down()
        for sy in steps:
            page.mouse.move(x, sy)
        page.mouse.up()
        return
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for sy in steps:
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": sy}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


@pytest.mark.parametrize("touch", [False, True], ids=["mouse", "touch"])
def test_ordering_by_dragging(browser: Browser, kinds_site: Path, touch: bool) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 800}, has_touch=touch, is_mobile=touch)
    watch = Watch()
    watch.attach(context)
    page = context.new_page()
    page.goto(kinds_site.as_uri() + "/" + UNIT)
    group = question(page, "from the smallest to the largest")
    group.scroll_into_view_if_needed()
    shown = order_shown(group)
    if shown[0] == ORDER[0]:  # drawn with the first item in place: one drag at least
        drag(page, group, shown[1], shown[0], touch)
    for position, text in enumerate(ORDER):
        shown = order_shown(group)
        if shown.index(text) != position:
            drag(page, group, text, shown[position], touch)
        assert order_shown(group)[: position + 1] == ORDER[: position + 1], f"drag of {text!r}: {order_shown(group)}"
    expect(group.locator("[data-order-status]")).to_contain_text("position")
    context.close()
    watch.assert_clean()


def test_a_long_word_of_an_ordering_item_is_hyphenated_not_cut(page: Page, kinds_http: str) -> None:
    """At 390 px an item's text column is about 136 px: Firefox cut "electromagnetism" as
    "electromagnetis / m". Long words (14 letters and more) are hyphenated; shorter ones move whole."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(kinds_http + UNIT)
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.querySelector('.ordering__text'));"
        " return [s.hyphens, s.hyphenateLimitChars, document.documentElement.lang]; }"
    )
    assert style == ["auto", "14 6 6", "en"]


@pytest.mark.parametrize("width", [1280, 390, 320])
def test_axe_on_every_question_kind(page: Page, kinds_http: str, axe: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(kinds_http + UNIT)
    expect(page.get_by_role("button", name="Check answers")).to_be_visible()
    for button in page.get_by_role("button", name="Show a hint").all():
        button.click()
    found = axe_violations(page, axe)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert not found, found
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px at {width}px"
    page.get_by_role("button", name="Check answers").click()
    page.get_by_role("button", name="Check anyway").click()
    expect(page.locator("#ms-results").get_by_text(re.compile(r"^You scored"))).to_be_visible()  # (not the live region)
    assert axe_violations(page, axe) == []
