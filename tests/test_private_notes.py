"""What a teacher writes for themselves never reaches the page; numbers in answers are unambiguous."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from conftest import MakeCourse

from masterysite.build import build, load_course
from masterysite.cli import main

HEAD = "---\ntitle: A\nobjectives:\n  o: {objective}\n---\n\n"
BLOCKS = "::: corrective o Again\nOnce more.\n:::\n\n::: enrichment More\nMore.\n:::\n"


def course(make_course: MakeCourse, objective: str, question: str) -> Path:
    return make_course(
        {
            "course.yml": "title: Notes\n",
            "units/01-a.md": HEAD.format(objective=objective) + question + "\n" + BLOCKS,
            "units/02-b.md": "# B\n\nText.\n",
        }
    )


def built_page(root: Path, tmp_path: Path) -> str:
    build(root, tmp_path / "site")
    return (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")


def test_a_comment_in_a_prompt_glued_to_its_answer_stays_private(make_course: MakeCourse, tmp_path: Path) -> None:
    question = "::: question o\nSee [unit b](02-b.md). <!-- the answer is 9 -->\n= 9\n:::\n"
    page = built_page(course(make_course, "Count", question), tmp_path)
    assert "the answer is 9" not in page
    assert 'href="b.html"' in page and "02-b.md" not in page


def test_objectives_lose_their_comments_and_have_their_links_checked(make_course: MakeCourse, tmp_path: Path) -> None:
    question = "::: question o\nHow many?\n\n= 12\n:::\n"
    root = course(make_course, "Count things, see [b](02-b.md) <!-- Q1 answer is 12 -->", question)
    page = built_page(root, tmp_path)
    assert "answer is 12" not in page
    assert 'href="b.html"' in page
    broken = course(make_course, "See ![a picture](../assets/nope.png)", question)
    problems = [str(p) for p in load_course(broken).report.errors]
    assert problems == ["units/01-a.md:4: broken image '../assets/nope.png': no file 'assets/nope.png' in the course"]


def test_one_comma_three_digits_is_ambiguous(make_course: MakeCourse) -> None:
    root = course(make_course, "Count", "::: question o\nHow many?\n\n= 1,000\n:::\n")
    result = CliRunner().invoke(main, ["check", str(root)])
    assert result.exit_code == 1
    expected = "units/01-a.md:10: '1,000' is ambiguous: write 1000 for a whole number, or 1.0 for a decimal"
    assert expected in result.output


def test_a_huge_exponent_is_not_a_number_but_not_a_crash(make_course: MakeCourse, tmp_path: Path) -> None:
    root = course(make_course, "Count", "::: question o\nHow big?\n\n= 1e99999999\n= 1e5000\n:::\n")
    assert load_course(root).report.errors == []
    built_page(root, tmp_path)
