"""Every attempt assesses every objective (Bloom: the formative quiz diagnoses each objective): a
draw smaller than the pool takes one question of each objective first, a fresh one where the
objective has one, and asks an objective's only question again rather than leave the objective
out, which would let a student master the unit without being assessed on it."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import serve_build
from tests.conftest import write_files

pytestmark = pytest.mark.browser

POOL = {"alone": 1, "many": 4, "more": 4}  # objective -> questions; draw 3


def unit_file() -> str:
    text = "---\ntitle: Coverage\nid: coverage\nrequires: []\nobjectives:\n"
    text += "".join(f"  {o}: Know {o}\n" for o in POOL)
    text += "quiz:\n  draw: 3\n---\nThe lesson.\n\n"
    for objective, count in POOL.items():
        for n in range(1, count + 1):
            text += f"::: question {objective}\nAbout {objective} {n}?\n\n- [x] right\n- [ ] wrong\n:::\n\n"
    return text


@pytest.fixture(scope="module")
def coverage_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("coverage")
    files = {"course.yml": "title: Coverage\nid: coverage\n", "units/01-coverage.md": unit_file()}
    with serve_build(write_files(root / "course", files), root / "web" / "site") as url:
        yield url


def shown(page: Page) -> list[str]:
    """The prompts of the questions drawn for this attempt ("About many 2?")."""
    prompts = page.get_by_text(re.compile(r"^About \w+ \d+\?$")).all()
    return [p.inner_text() for p in prompts if p.is_visible()]


def test_every_attempt_asks_about_every_objective(page: Page, coverage_url: str) -> None:
    page.goto(coverage_url + "units/coverage.html")
    expect(page.get_by_role("heading", level=1)).to_have_text("Coverage")
    previous: list[str] = []
    for attempt in range(4):
        asked = shown(page)
        assert len(asked) == 3, asked
        objectives = {p.split()[1] for p in asked}
        assert objectives == set(POOL), f"attempt {attempt + 1} leaves out {set(POOL) - objectives}: {asked}"
        others = [p for p in asked if not p.startswith("About alone")]
        assert not set(others) & set(previous), "a retake repeats a question although the objective has fresh ones"
        previous = asked
        page.get_by_role("button", name="Check answers", exact=True).click()
        page.get_by_role("button", name="Check anyway", exact=True).click()
        expect(page.get_by_role("region", name="Not yet mastered")).to_contain_text("You scored 0% (0 of 3).")
        page.get_by_role("button", name=re.compile("^Try again")).first.click()
        expect(page.get_by_role("region", name="Not yet mastered")).to_have_count(0)


SMALL = {"first": 2, "second": 2, "third": 2, "big": 10}  # objective -> questions; draw 6


@pytest.fixture(scope="module")
def small_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    text = "---\ntitle: Small\nid: small\nrequires: []\nobjectives:\n"
    text += "".join(f"  {o}: Know {o}\n" for o in SMALL) + "quiz:\n  draw: 6\n---\nThe lesson.\n\n"
    for objective, count in SMALL.items():
        for n in range(1, count + 1):
            text += f"::: question {objective}\nAbout {objective} {n}?\n\n- [x] right\n- [ ] wrong\n:::\n\n"
    root = tmp_path_factory.mktemp("small")
    files = {"course.yml": "title: Small\nid: small\n", "units/01-small.md": text}
    with serve_build(write_files(root / "course", files), root / "web" / "site") as url:
        yield url


def test_a_retake_asks_none_again_where_each_objective_has_two(page: Page, small_url: str) -> None:
    """Three objectives of two questions and one of ten, draw 6: the draw takes its further questions
    from the objective with the most left, so each small one keeps a fresh question and no retake
    repeats a question of the attempt before (taking the second of a small objective made the
    retake ask one again: new teacher round z 5)."""
    page.goto(small_url + "units/small.html")
    expect(page.get_by_role("heading", level=1)).to_have_text("Small")
    previous: list[str] = []
    for attempt in range(6):
        asked = shown(page)
        assert len(asked) == 6, asked
        assert {p.split()[1] for p in asked} == set(SMALL), asked
        assert not set(asked) & set(previous), f"attempt {attempt + 1} asks again {set(asked) & set(previous)}"
        previous = asked
        page.get_by_role("button", name="Check answers", exact=True).click()
        page.get_by_role("button", name="Check anyway", exact=True).click()
        expect(page.get_by_role("region", name="Not yet mastered")).to_contain_text("You scored 0% (0 of 6).")
        page.get_by_role("button", name=re.compile("^Try again")).first.click()
        expect(page.get_by_role("region", name="Not yet mastered")).to_have_count(0)
