"""Plain YAML values that a teacher means as text stay text, as written."""

from __future__ import annotations

from fractions import Fraction

from conftest import MakeCourse

from masterysite.build import load_course


def test_dates_and_numbers_as_titles_ids_and_objectives(make_course: MakeCourse) -> None:
    root = make_course(
        {
            "course.yml": "title: 2024-09-01\nmastery: 0.80\n",
            "units/a.md": "---\nid: 2024-09-01-b\ntitle: 1.10\nobjectives:\n  o: 3.50\n---\nText.\n",
        }
    )
    loaded = load_course(root)
    assert [str(p) for p in loaded.report.errors] == []
    assert loaded.course is not None
    assert loaded.course.config.title == "2024-09-01"
    unit = loaded.course.units[0]
    assert (unit.id, unit.title, unit.objectives[0].text) == ("2024-09-01-b", "1.10", "3.50")
    assert loaded.course.config.mastery == Fraction(4, 5)
