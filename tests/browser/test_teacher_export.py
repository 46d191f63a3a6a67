"""The export a student hands to the teacher (SPEC §4, `masterysite report`): the student's name,
asked once and editable, and every checked attempt with its answers; older exports still import."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from tests.browser.student import Course, Student, progress_file

U1 = "whole-and-parts"


def export(page: Page, tmp_path: Path) -> dict[str, Any]:
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    file = tmp_path / download.value.suggested_filename
    download.value.save_as(file)
    data: dict[str, Any] = json.loads(file.read_text(encoding="utf-8"))
    return data


def test_the_export_asks_the_name_once_and_carries_every_answer(
    student: Student, course_key: Course, page: Page, tmp_path: Path
) -> None:
    student.open_unit(U1)
    first = student.take(U1, 2)
    student.try_again()
    second = student.take(U1, 5)
    student.open_progress()
    name = page.get_by_label("Your name")
    expect(name).to_have_value("")
    page.get_by_role("button", name="Export progress").click()  # no name yet: asked for, nothing saved
    expect(page.get_by_role("status")).to_contain_text("Type your name first")
    expect(name).to_be_focused()
    name.fill("Ana Lima")
    data = export(page, tmp_path)
    assert data["student"] == "Ana Lima"
    tries = data["units"][U1]["tries"]
    assert [t["score"] for t in tries] == [[2, 5], [5, 5]]
    assert [t["passed"] for t in tries] == [False, True]
    for attempt, tried in zip([first, second], tries, strict=True):
        assert [a["q"] for a in tried["answers"]] == attempt.keys
        assert [a["ok"] for a in tried["answers"]] == [s.q in attempt.right for s in attempt.shown]
        for shown, answer in zip(attempt.shown, tried["answers"], strict=True):
            q = shown.q
            if q.kind == "text":
                assert answer["r"] == (q.right_text() if answer["ok"] else "0")
            else:
                assert sorted(answer["r"]) == (sorted(q.correct) if answer["ok"] else [attempt.wrong_choice[q.key]])
        assert tried["at"] <= data["exported"]

    page.reload()  # asked once: the name is kept, and can be changed
    expect(name).to_have_value("Ana Lima")
    name.fill("Ana María Lima")
    name.press("Tab")
    assert export(page, tmp_path)["student"] == "Ana María Lima"


def test_an_export_from_before_names_and_answers_still_imports(
    student: Student, course_key: Course, page: Page, tmp_path: Path
) -> None:
    old = progress_file(course_key, [U1], attempts=3)
    old.pop("student", None)
    file = tmp_path / "old-progress.json"
    file.write_text(json.dumps(old), encoding="utf-8")
    student.open_progress()
    student.import_progress(file)
    expect(page.get_by_role("status").filter(has_text="Imported progress")).to_contain_text("(1 mastered)")
    page.get_by_label("Your name").fill("Ben")
    data = export(page, tmp_path)
    assert data["units"][U1]["mastered"] is True and data["units"][U1]["tries"] == []


def test_importing_on_another_device_keeps_both_devices_answers_and_the_name(
    student: Student, course_key: Course, page: Page, tmp_path: Path
) -> None:
    student.open_unit(U1)
    student.take(U1, 1)
    student.open_progress()
    page.get_by_label("Your name").fill("Chloé")
    mine = export(page, tmp_path)
    other = json.loads(json.dumps(mine))
    other["student"] = "Someone else"
    other["units"][U1]["tries"][0]["at"] = "2020-01-01T00:00:00.000Z"  # an older attempt elsewhere
    file = tmp_path / "other.json"
    file.write_text(json.dumps(other), encoding="utf-8")
    student.import_progress(file)
    merged = export(page, tmp_path)
    assert merged["student"] == "Chloé"  # the name typed here wins
    assert [t["at"] for t in merged["units"][U1]["tries"]] == [
        "2020-01-01T00:00:00.000Z",
        mine["units"][U1]["tries"][0]["at"],
    ]


def test_an_imported_file_never_pushes_out_the_students_own_attempts(
    student: Student, course_key: Course, page: Page, tmp_path: Path
) -> None:
    """A classmate's file of 100 made-up passing attempts dated 9999 (sec ee 01): the student's own
    attempts stay, the file's fill what room is left; the report re-checks what is kept."""
    student.open_unit(U1)
    student.take(U1, 2)
    student.try_again()
    student.take(U1, 5)
    student.open_progress()
    page.get_by_label("Your name").fill("Victim")
    mine = export(page, tmp_path)
    made_up = {"at": "", "score": [5, 5], "passed": True, "answers": [{"q": "bogus", "r": "x", "ok": True}]}
    evil = json.loads(json.dumps(mine))
    evil["units"][U1]["tries"] = [
        dict(made_up, at=f"9999-12-31T23:59:{i // 1000:02d}.{i % 1000:03d}Z") for i in range(100)
    ]
    file = tmp_path / "evil.json"
    file.write_text(json.dumps(evil), encoding="utf-8")
    student.import_progress(file)
    tries = export(page, tmp_path)["units"][U1]["tries"]
    assert len(tries) == 100
    assert tries[:2] == mine["units"][U1]["tries"]  # both of the student's own, the failed one too
    assert [t["at"] for t in tries[2:]] == [t["at"] for t in evil["units"][U1]["tries"][2:]]  # the file's newest 98


def test_an_imported_passing_attempt_is_kept_over_the_students_failed_ones(
    student: Student, course_key: Course, page: Page, tmp_path: Path
) -> None:
    """The other way round: 100 failed attempts here, and the other device's file brings the one
    passing attempt. It stays (the evidence behind "mastered"); the oldest failed one here goes."""
    student.open_unit(U1)
    student.take(U1, 2)
    student.open_progress()
    page.get_by_label("Your name").fill("Chloé")
    mine = export(page, tmp_path)
    failed = mine["units"][U1]["tries"][0]
    here = json.loads(json.dumps(mine))
    here["units"][U1]["tries"] = [
        dict(failed, at=f"2026-01-01T00:00:{i // 1000:02d}.{i % 1000:03d}Z") for i in range(100)
    ]
    file = tmp_path / "here.json"
    file.write_text(json.dumps(here), encoding="utf-8")
    student.import_progress(file)  # now 100 or more failed attempts on this device
    other = json.loads(json.dumps(mine))
    other["units"][U1]["tries"] = [dict(failed, at="2026-02-01T00:00:00.000Z", score=[5, 5], passed=True)]
    other["units"][U1]["mastered"] = True
    file = tmp_path / "other.json"
    file.write_text(json.dumps(other), encoding="utf-8")
    student.import_progress(file)
    tries = export(page, tmp_path)["units"][U1]["tries"]
    assert len(tries) == 100
    assert [t["passed"] for t in tries].count(True) == 1


def test_importing_a_classmates_file_says_whose_it_was(
    student: Student, course_key: Course, page: Page, tmp_path: Path
) -> None:
    """A student who imports a file exported under another name had no word of it (new teacher ff 7): the
    status now says whose progress it was. Their own file from another device (the name however spaced or
    capitalised) is not a classmate's."""
    student.open_unit(U1)
    student.take(U1, 5)
    student.open_progress()
    page.get_by_label("Your name").fill("Ana Pereira")
    mine = export(page, tmp_path)
    theirs = json.loads(json.dumps(mine))
    theirs["student"] = "Bruno Silva"
    theirs["units"][U1]["tries"][0]["at"] = "2026-01-01T00:00:00.000Z"
    file = tmp_path / "bruno.json"
    file.write_text(json.dumps(theirs), encoding="utf-8")
    student.import_progress(file)
    expect(page.get_by_role("status")).to_contain_text("The file was Bruno Silva's progress: it is part of yours now.")
    expect(page.get_by_label("Your name")).to_have_value("Ana Pereira")
    own = json.loads(json.dumps(mine))
    own["student"] = "  ana   PEREIRA "
    own["units"][U1]["tries"][0]["at"] = "2026-01-02T00:00:00.000Z"
    file = tmp_path / "ana.json"
    file.write_text(json.dumps(own), encoding="utf-8")
    student.import_progress(file)
    expect(page.get_by_role("status")).to_contain_text("Imported progress for 1 unit")
    expect(page.get_by_role("status")).not_to_contain_text("The file was")
    # With no name typed here, a classmate's file had named this browser's student after her, and his export
    # went into hers in the report (round hh, LMS 6): where there is work of one's own, her name is not taken.
    page.get_by_label("Your name").fill("")
    page.get_by_label("Your name").blur()
    file = tmp_path / "carla.json"
    file.write_text(json.dumps({**theirs, "student": "Carla Díaz"}), encoding="utf-8")
    student.import_progress(file)
    expect(page.get_by_role("status")).to_contain_text("The file was Carla Díaz's progress: it is part of yours now.")
    expect(page.get_by_label("Your name")).to_have_value("")
    browser = page.context.browser
    assert browser is not None
    fresh = browser.new_context()  # Carla's own new device, nothing done there yet: her file names her
    try:
        there = fresh.new_page()
        there.goto(page.url)
        there.get_by_label("Import progress").set_input_files(str(file))
        expect(there.get_by_role("status")).to_contain_text("Imported progress for 1 unit")
        expect(there.get_by_label("Your name")).to_have_value("Carla Díaz")
    finally:
        fresh.close()
