"""A rebuild keeps the signature of a page whose inputs are the last build's (build.page_inputs)
without drawing its context again; tests/conftest.py has every build under test check it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import masterysite.build as builder
from masterysite.build import build
from tests.folders import edit


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
