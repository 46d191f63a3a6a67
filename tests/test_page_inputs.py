"""A rebuild keeps the signature of a page whose inputs are the last build's (build.page_inputs)
without drawing its context again; tests/conftest.py has every build under test check it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import masterysite.build as builder
from masterysite.build import build
from tests.folders import copy_without_cache, edit, tree

UNIT = "units/03-simplifying.md"


def test_a_word_signs_only_the_page_of_its_unit(
    example_course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.rmtree(example_course / ".masterysite", ignore_errors=True)
    out = tmp_path / "site"
    build(example_course, out)
    signed: list[str] = []
    real = builder.page_signature

    def counted(site: object, unit: builder.Unit, *args: object) -> str | None:
        signed.append(unit.path)
        return real(site, unit, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(builder, "page_signature", counted)
    monkeypatch.setattr(builder, "CHECK_INPUTS", False)
    edit(example_course / "units/03-simplifying.md", lambda t: t.replace("\n## ", "\nWord.\n\n## ", 1))
    build(example_course, out)
    assert signed == ["units/03-simplifying.md"]


def cold_site(root: Path, tmp_path: Path) -> dict[str, str]:
    copy = copy_without_cache(root, tmp_path / "cold-course")
    build(copy, tmp_path / "cold-site", cache=False)
    return tree(tmp_path / "cold-site")


def test_a_word_keeps_the_course_pages(example_course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The course page, the progress page and the course data show no lesson text: a word leaves
    them as the last build made them (build.course_pages_inputs), and the site is a cold build's."""
    shutil.rmtree(example_course / ".masterysite", ignore_errors=True)
    out = tmp_path / "site"
    build(example_course, out)
    rendered: list[str] = []
    real = builder.render_page

    def counted(site: object, name: str) -> str:
        rendered.append(name)
        return real(site, name)  # type: ignore[arg-type]

    monkeypatch.setattr(builder, "render_page", counted)
    monkeypatch.setattr(builder, "CHECK_INPUTS", False)
    edit(example_course / UNIT, lambda t: t.replace("\n## ", "\nWord.\n\n## ", 1))
    build(example_course, out)
    assert rendered == []
    assert tree(out) == cold_site(example_course, tmp_path)


def test_a_draw_makes_the_course_pages_again(example_course: Path, tmp_path: Path) -> None:
    """What the unit refs leave out (here the quiz's draw, on the progress page) counts too."""
    shutil.rmtree(example_course / ".masterysite", ignore_errors=True)
    out = tmp_path / "site"
    build(example_course, out)
    edit(example_course / UNIT, lambda t: t.replace("  draw: 4\n", "  draw: 3\n", 1))
    build(example_course, out)
    assert tree(out) == cold_site(example_course, tmp_path)
