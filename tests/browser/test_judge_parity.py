"""The browser's own judge (js/judge.js, as shipped in a built page) against the build's
(masterysite/judging.py): the shared case table, then random answers and responses.

Each question is hashed exactly as a page carries it; the browser gets only that data."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Page

from masterysite import judging
from masterysite.model import Question
from tests.judging_cases import CASES, page_data, question_of

SLOW_OK = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
# (each case's decimal mark as the page says it: <html data-dm=","> where the course's is a comma)
JUDGE_ALL = """(cases) => cases.map(([q, response, comma]) => {
  document.documentElement.dataset.dm = comma ? "," : "";
  return window.masterysite.judge(q, response);
})"""


def open_judge(page: Page, root: str) -> None:
    page.goto(root + "units/whole-and-parts.html")
    page.wait_for_function("() => window.masterysite && window.masterysite.judge")


def browser_verdicts(page: Page, batch: list[tuple[Question, Any]], commas: list[bool] | None = None) -> list[bool]:
    marks = commas or [False] * len(batch)
    return list(page.evaluate(JUDGE_ALL, [[page_data(q), r, c] for (q, r), c in zip(batch, marks, strict=True)]))


def test_the_browser_judges_the_case_table_like_the_build(page: Page, file_root: str) -> None:
    open_judge(page, file_root)
    batch = [(question_of(case, f"q{i}"), case["response"]) for i, case in enumerate(CASES)]
    got = browser_verdicts(page, batch, [case.get("comma", False) for case in CASES])
    wrong = [
        f"{case['why']}: {case.get('answers') or case.get('blanks')} <- {case['response']!r}: browser says {g}"
        for case, g in zip(CASES, got, strict=True)
        if g is not case["right"]
    ]
    assert not wrong, "\n".join(wrong)


def test_the_browser_judge_over_http(page: Page, http_root: str) -> None:
    """Plain http (no secure context): the same judge, with its own SHA-256."""
    open_judge(page, http_root)
    batch = [(question_of(case, f"q{i}"), case["response"]) for i, case in enumerate(CASES[:40])]
    commas = [case.get("comma", False) for case in CASES[:40]]
    assert browser_verdicts(page, batch, commas) == [case["right"] for case in CASES[:40]]


# --- random answers and responses ---------------------------------------------------------------

LETTERS = "aAbBcCzZéÉßøØ"
TEXT = st.text(alphabet=LETTERS + "  \t-./_", min_size=1, max_size=8)
NUMBER = st.one_of(
    st.integers(-200, 200).map(str),
    st.tuples(st.integers(-99, 99), st.integers(0, 999)).map(lambda t: f"{t[0]}.{t[1]}"),
    st.tuples(st.integers(-99, 99), st.integers(0, 99)).map(lambda t: f"{t[0]},{t[1]}"),
    st.tuples(st.integers(-50, 50), st.integers(1, 30)).map(lambda t: f"{t[0]}/{t[1]}"),
    st.tuples(st.integers(1, 9), st.integers(1, 9), st.integers(2, 12)).map(lambda t: f"{t[0]} {t[1]}/{t[2]}"),
)
ATOM = st.sampled_from(
    ["a", "b", "B", "é", "ß", ".", "\\d", "\\s", "\\w", "[ab]", "[^a]", "[a-zé]", "(a|bb)", "-", "\\."]
)
PIECE = st.tuples(ATOM, st.sampled_from(["", "", "*", "+", "?", "{1,2}", "+?"])).map("".join)
PATTERN_BODY = st.lists(st.lists(PIECE, min_size=1, max_size=4).map("".join), min_size=1, max_size=2).map("|".join)


ANSWER = st.one_of(
    NUMBER.map(lambda n: f"= {n}"),
    TEXT.filter(lambda t: t.strip()).map(lambda t: f"= {t}"),
    TEXT.filter(lambda t: t.strip()).map(lambda t: f"== {t}"),
    st.tuples(NUMBER, st.sampled_from(["±", "+-", "+/-"]), st.integers(0, 20)).map(
        lambda t: f"= {t[0]} {t[1]} {t[2]}/10"
    ),
    st.tuples(PATTERN_BODY, st.sampled_from(["", "i"])).map(lambda t: f"~ /{t[0]}/{t[1]}"),
)


def answerable(line: str) -> bool:
    try:
        judging.parse_answer(line)
    except judging.AnswerError:
        return False
    return True


def variants(line: str) -> st.SearchStrategy[str]:
    """Responses near an answer (its text re-cased, re-spaced, other spellings) or random."""
    text = line.split(" ", 1)[1] if " " in line else line
    return st.one_of(
        st.just(text),
        st.just(text.upper()),
        st.just(text.lower()),
        st.just(" " + text.replace(" ", "   ") + "\t"),
        st.just(text.replace(".", ",")),
        NUMBER,
        TEXT,
        st.text(alphabet="ab.-12 ", max_size=6),
    )


@st.composite
def case(draw: st.DrawFn) -> tuple[list[str], str]:
    lines = draw(st.lists(ANSWER.filter(answerable), min_size=1, max_size=3))
    return lines, draw(variants(draw(st.sampled_from(lines))))


@settings(max_examples=12, deadline=None, suppress_health_check=SLOW_OK)
@given(batch=st.lists(case(), min_size=40, max_size=40))
def test_random_answers_get_the_same_verdict_in_the_browser(
    page: Page, file_root: str, batch: list[tuple[list[str], str]]
) -> None:
    if not page.url.startswith(file_root):
        open_judge(page, file_root)
    questions = [(question_of({"answers": lines}, f"r{i}"), response) for i, (lines, response) in enumerate(batch)]
    expected = [judging.judge(q, response) for q, response in questions]
    got = browser_verdicts(page, questions)
    differ = [(lines, response, e) for (lines, response), e, g in zip(batch, expected, got, strict=True) if e != g]
    assert not differ, f"build vs browser differ (build verdict shown): {differ}"


@settings(max_examples=5, deadline=None, suppress_health_check=SLOW_OK)
@given(batch=st.lists(st.tuples(st.lists(case(), min_size=1, max_size=3), st.booleans()), min_size=30, max_size=30))
def test_random_blanks_get_the_same_verdict_in_the_browser(
    page: Page, file_root: str, batch: list[tuple[list[tuple[list[str], str]], bool]]
) -> None:
    if not page.url.startswith(file_root):
        open_judge(page, file_root)
    questions = []
    for i, (blanks, short) in enumerate(batch):
        q = question_of({"blanks": [" | ".join(lines) for lines, _ in blanks]}, f"b{i}")
        responses = [response for _, response in blanks]
        questions.append((q, responses[:-1] if short and len(responses) > 1 else responses))
    expected = [judging.judge(q, response) for q, response in questions]
    assert browser_verdicts(page, questions) == expected


def test_the_browser_computes_the_same_response_forms(page: Page, file_root: str) -> None:
    """The forms a response is hashed (and, sealed, opened) by: judging.response_forms <-> responseForms."""
    open_judge(page, file_root)
    texts = ["  New   York ", "ÉTÉ", "e\u0301te\u0301", "0,75", "-1 1/2", "== -S", "a\u00a0b", "3/4", "", "ß"]
    texts += ["3.01 × 10⁻²³", "6.02x10^23 atoms", "Avogadro’s", "“H₂O”", "1.5.", "1,200.", "2 x 10"]
    got = page.evaluate(
        "(texts) => texts.map((t) => window.masterysite.responseForms({kind: 'text'}, t)[0])",
        texts,
    )
    assert got == [[list(f) for f in judging.response_forms(t)] for t in texts]
    blanks = page.evaluate("() => window.masterysite.responseForms({kind: 'blanks'}, ['A  b', '2/4'])")
    assert blanks == [[list(f) for f in judging.response_forms(t)] for t in ["A  b", "2/4"]]
    orders = page.evaluate(
        "() => [window.masterysite.responseForms({kind: 'ordering'}, ['i2', 'i1'])[0],"
        " window.masterysite.responseForms({kind: 'multiple'}, ['c', 'a'])[0]]"
    )
    assert orders == [[["o", "i2,i1"]], [["c", "a,c"]]]
