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


def test_a_mastery_under_ten_percent_is_warned_with_what_was_meant(make_course: MakeCourse) -> None:
    unit = "---\ntitle: A\nmastery: 5%\n---\n\nLesson.\n"
    root = make_course({"course.yml": "title: T\nmastery: 0.8%\n", "units/a.md": unit})
    loaded = load_course(root)
    assert [str(p) for p in loaded.report.sorted()] == [
        "course.yml:2: warning: mastery 0.8% lets a student master the unit with almost nothing right — did you"
        " mean '80%' (or '0.8')? [low-mastery]",
        "units/a.md:3: warning: mastery 5% lets a student master the unit with almost nothing right [low-mastery]",
    ]
    assert loaded.course is not None and loaded.course.config.mastery == Fraction(1, 125)  # what was written
    root = make_course({"course.yml": "title: T\nmastery: 10%\nignore: [low-mastery]\n", "units/a.md": unit}, "b")
    assert load_course(root).report.sorted() == []
