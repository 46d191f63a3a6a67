"""`masterysite report`: the class picture from exported progress files, every answer re-checked."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from masterysite.build import load_course
from masterysite.cli import main
from masterysite.model import Course
from masterysite.report import build_report, judge, pct_of
from tests.exports import export, right_response, unit_record, wrong_response

REPO = Path(__file__).resolve().parent.parent
U1, U2 = "whole-and-parts", "equivalent-fractions"


@pytest.fixture(scope="module")
def course() -> Course:
    loaded = load_course(REPO / "course")
    assert loaded.course is not None
    return loaded.course


def write(folder: Path, name: str, data: Any) -> Path:
    file = folder / name
    file.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return file


def forge(data: dict[str, Any], unit: str) -> dict[str, Any]:
    """What a student could do with their own saved progress: mark a unit mastered at 100%."""
    rec = data["units"][unit]
    rec["mastered"], rec["best"] = True, [rec["best"][1], rec["best"][1]]
    for t in rec["tries"]:
        t["passed"] = True
        for a in t["answers"]:
            a["ok"] = True
    return data


@pytest.fixture
def exports(tmp_path: Path, course: Course) -> Path:
    """A class folder: good exports, a forged one, a broken one, one of another course, a duplicate."""
    folder = tmp_path / "class"
    folder.mkdir()
    write(folder, "ana.json", export(course, "Ana Lima", {U1: [2, 5], U2: [10]}))
    write(folder, "ben.json", export(course, "Ben Okafor", {U1: [1, 3]}))
    write(folder, "carla.json", forge(export(course, "Carla Díaz", {U1: [5], U2: [3]}), U2))
    forged = export(course, "Dan Smith", {})
    forged["units"][U1] = {"mastered": True, "attempts": 1, "best": [5, 5], "objectives": {}}  # no answers at all
    write(folder, "dan.json", forged)
    write(folder, "broken.json", '{"format": "masterysite-progress", "units": {')
    other = export(course, "Eve", {U1: [5]})
    other["course"] = "chemistry-7"
    write(folder, "eve-chemistry.json", other)
    older = export(course, "ana lima", {U1: [1]})
    older["exported"] = "2026-01-01T00:00:00.000Z"
    write(folder, "ana-old.json", older)
    return folder


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_the_judge_accepts_what_the_browser_accepts(course: Course) -> None:
    for unit in course.units:
        for q in unit.questions:
            assert judge(q, right_response(q)), (unit.id, q.key)
            assert not judge(q, wrong_response(q)), (unit.id, q.key)
    text = next(q for u in course.units for q in u.questions if q.kind == "text" and q.answers[0].number is not None)
    assert judge(text, f"  {right_response(text)} ")


def test_a_class_folder_with_bad_files_reports_the_rest_and_exits_1(
    exports: Path, tmp_path: Path, course: Course
) -> None:
    out = tmp_path / "report.html"
    result = run("report", str(exports), "--course", str(REPO / "course"), "-o", str(out))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert f"{exports / 'broken.json'}: not a progress export (not JSON): ask the student to export again" in lines
    assert (
        f"{exports / 'eve-chemistry.json'}: progress of another course ('chemistry-7'), not 'fractions-101': left out"
        in lines
    )
    both = " + ".join(sorted(str(exports / f) for f in ("ana.json", "ana-old.json")))  # (read in name order)
    assert any(x.startswith(f"{both}: Ana Lima in 2 files (two devices?): reported as one") for x in lines)
    assert result.stdout == f"Wrote {out}: 4 students; 2 'mastered' not supported by the answers; 2 files left out.\n"
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and "<svg" in page
    assert page.count("Mastered, not supported by the answers") == 2
    assert "Carla Díaz: <strong>Equivalent Fractions</strong> is marked mastered" in page
    assert "Dan Smith: <strong>Wholes and Parts</strong>" in page
    assert page.count("<details><summary>") == sum(1 for u in course.units if u.objectives)  # students × objectives


def test_the_csv_has_a_row_per_student_unit_and_objective(exports: Path, tmp_path: Path, course: Course) -> None:
    out = tmp_path / "class.csv"
    result = run("report", str(exports), "--course", str(REPO / "course"), "-o", str(out))
    assert result.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    per_student = len(course.units) + sum(len(u.objectives) for u in course.units)
    assert len(rows) == 4 * per_student
    ana = {(r["unit"], r["objective"]): r for r in rows if r["student"] == "Ana Lima"}
    assert ana[(U1, "")]["status"] == "mastered"
    assert (ana[(U1, "")]["best_percent"], ana[(U1, "")]["attempts"]) == ("100%", "3")  # (2 + ana-old's 1)
    assert ana[(U1, "")]["last_activity"].startswith("2026-03-01T")
    carla = {(r["unit"], r["objective"]): r for r in rows if r["student"] == "Carla Díaz"}
    assert carla[(U2, "")]["flag"] == "mastered not supported by the recorded answers"
    assert carla[(U2, "")]["rechecked_best_percent"] == "30%"
    assert carla[(U1, "")]["flag"] == ""
    ben = {(r["unit"], r["objective"]): r for r in rows if r["student"] == "Ben Okafor"}
    assert {r["status"] for (u, o), r in ben.items() if u == U1 and o} <= {"needs corrective", "met"}
    assert "needs corrective" in {r["status"] for (u, o), r in ben.items() if u == U1 and o}


def test_who_needs_corrective_work_per_objective(exports: Path, course: Course) -> None:
    from masterysite.report_output import objective_rows

    report = build_report(course, [exports])
    rows = {(r.unit.id, r.objective.id): r for r in objective_rows(report)}
    unit = course.unit(U1)
    assert unit is not None
    needing = set().union(*({s.name for s in rows[(U1, o.id)].need} for o in unit.objectives))
    assert needing == {"Ben Okafor"}
    assert all("Ana Lima" in {s.name for s in rows[(U1, o.id)].met} for o in unit.objectives)


def test_a_clean_class_exits_0(tmp_path: Path, course: Course) -> None:
    folder = tmp_path / "class"
    folder.mkdir()
    write(folder, "a.json", export(course, "Ana", {U1: [5]}))
    write(folder, "b.json", export(course, "=cmd()", {U1: [1]}))
    out = tmp_path / "r.csv"
    result = run(
        "report", str(folder / "a.json"), str(folder / "b.json"), "--course", str(REPO / "course"), "-o", str(out)
    )
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == f"Wrote {out}: 2 students.\n"
    assert "'=cmd()" in out.read_text(encoding="utf-8-sig")  # never a spreadsheet formula


def test_a_unit_without_a_quiz_marked_done_is_not_flagged(tmp_path: Path, course: Course) -> None:
    """'Mark as done' records no answers: there is nothing to re-check, and nothing to flag."""
    done = next(u for u in course.units if not u.questions)
    data = export(course, "Ana Lima", {U1: [5]})
    data["units"][done.id] = {"mastered": True, "attempts": 1, "best": [1, 1], "objectives": {}, "tries": []}
    report = build_report(course, [write(tmp_path, "ana.json", data)])
    assert report.flags == []
    assert report.students[0].units[done.id].mastered


def test_a_passing_attempt_with_wrong_answers_is_flagged(tmp_path: Path, course: Course) -> None:
    """A forged attempt: the questions of a whole draw, every one recorded right and passing, but
    the responses re-checked now are wrong."""
    data = export(course, "Ana Lima", {U1: [1]})
    forge(data, U1)
    report = build_report(course, [write(tmp_path, "ana.json", data)])
    result = report.students[0].units[U1]
    assert [(s.name, u.id) for s, u in report.flags] == [("Ana Lima", U1)]
    assert result.checked_best is not None and result.checked_best[0] == 1
    assert result.changed == result.checked_best[1] - 1  # every verdict the student turned to 'right'


def test_a_mastery_on_a_draw_that_skips_an_objective_is_flagged(tmp_path: Path, course: Course) -> None:
    """The page's every draw asks about every objective. A student who edits their saved draw to
    leave out the questions of a hard objective, and masters it, has a mastery the answers do not support."""
    unit, easy = next(
        (u, others[: u.draw])
        for u in course.units
        for hard in {q.objective for q in u.questions}
        if u.draw
        and u.draw >= len({q.objective for q in u.questions})
        and len(others := [q for q in u.questions if q.objective != hard]) >= u.draw
    )
    answers = [{"q": q.key, "r": right_response(q), "ok": True} for q in easy]
    chosen = {"at": "2026-03-02T10:00:00.000Z", "score": [len(easy)] * 2, "passed": True, "answers": answers}
    data = export(course, "Ana Lima", {})
    data["units"][unit.id] = unit_record(unit, [chosen])
    report = build_report(course, [write(tmp_path, "ana.json", data)])
    assert [(s.name, u.id) for s, u in report.flags] == [("Ana Lima", unit.id)]
    # Said as what cannot be re-checked: such a draw is also one made before the teacher added an objective
    assert report.students[0].units[unit.id].changed_pass
    # ... but only if its answers pass: junk answers on a chosen draw stay "not supported" (security aa 1)
    for a in answers:
        a["r"] = ["zzz"] if isinstance(a["r"], list) else "zzz"
    forged = build_report(course, [write(tmp_path, "ana.json", data)]).students[0].units[unit.id]
    assert forged.unsupported and not forged.changed_pass and forged.doubt == ""
    honest = export(course, "Ana Lima", {unit.id: [unit.draw]})  # a draw the page makes, all right
    assert build_report(course, [write(tmp_path, "ana.json", honest)]).flags == []


def test_one_students_crafted_file_never_turns_anothers_verdicts(tmp_path: Path, course: Course) -> None:
    """The verdicts are cached for the class: a text '"b\0"' and a list '["b"]' had shared one, so a crafted file
    read first made an honest student's right answers wrong, her mastery 'not supported' (security round bb 1)."""
    honest = export(course, "Alice", {U1: [5]})
    crafted = export(course, "Aaron", {U1: [5]})
    for a in crafted["units"][U1]["tries"][0]["answers"]:
        if isinstance(a["r"], list):
            a["r"] = "\0".join(a["r"]) + "\0"
    report = build_report(course, [write(tmp_path, "aaron.json", crafted), write(tmp_path, "alice.json", honest)])
    alice = next(s for s in report.students if s.name == "Alice").units[U1]
    assert alice.supported and not alice.unsupported


def test_answers_of_a_shape_no_page_records_are_wrong_not_unknown(tmp_path: Path, course: Course) -> None:
    """'"r": 0' or null to a question the unit has: no page records it. Read as 'cannot be re-checked', it had
    let a forgery of 4 right answers in 10 pass as 'on questions changed since' (security round bb 5)."""
    data = export(course, "Mallory", {U2: [4]})
    forge(data, U2)
    for a in data["units"][U2]["tries"][0]["answers"][4:9]:
        a["r"] = 0
    result = build_report(course, [write(tmp_path, "mallory.json", data)]).students[0].units[U2]
    assert result.unsupported and not result.changed_pass and result.doubt == ""


def test_a_mastery_copied_from_another_students_file_is_flagged(tmp_path: Path, course: Course) -> None:
    """Ben hands in Ana's file under his own name: both 'mastered' rest on the same attempts (same
    time, same answers). The report cannot tell who copied; it names both. Ana's own second unit,
    on an attempt of hers alone, is not flagged."""
    ana = export(course, "Ana Lima", {U1: [2, 5], U2: [10]})
    ben = json.loads(json.dumps(ana))
    ben["student"] = "Ben Okafor"
    del ben["units"][U2]
    cleo = json.loads(json.dumps(ana))  # the same answers at other times: an honest coincidence
    cleo["student"] = "Cleo Park"
    for unit in cleo["units"].values():
        for t in unit["tries"]:
            t["at"] = t["at"].replace("2026-03-", "2026-04-")
    folder = tmp_path / "class"
    folder.mkdir()
    for name, data in (("ana", ana), ("ben", ben), ("cleo", cleo)):
        write(folder, f"{name}.json", data)
    report = build_report(course, [folder])
    assert [(s.name, u.id) for s, u in report.copies] == [("Ana Lima", U1), ("Ben Okafor", U1)]
    assert report.flags == []
    by_name = {s.name: s for s in report.students}
    assert by_name["Ben Okafor"].units[U1].shared_with == ["Ana Lima"]
    assert not by_name["Ana Lima"].units[U2].copied
    out = tmp_path / "report.html"
    result = run("report", str(folder), "--course", str(REPO / "course"), "-o", str(out))
    assert result.exit_code == 0
    assert result.stdout == f"Wrote {out}: 3 students; 2 'mastered' on an attempt also in another file.\n"
    page = out.read_text(encoding="utf-8")
    assert "Ben Okafor: <strong>Wholes and Parts</strong> is mastered only on an attempt that is also in" in page
    assert page.count("⚠ Mastered, on an attempt also in another file") == 2
    csv_out = tmp_path / "report.csv"
    run("report", str(folder), "--course", str(REPO / "course"), "-o", str(csv_out))
    flags = [r["flag"] for r in csv.DictReader(io.StringIO(csv_out.read_text(encoding="utf-8-sig"))) if r["flag"]]
    assert flags == [
        "mastered on an attempt also in the file of Ben Okafor (same time, same answers)",
        "mastered on an attempt also in the file of Ana Lima (same time, same answers)",
    ]


def test_an_export_from_before_names_is_reported_by_its_file_name(tmp_path: Path, course: Course) -> None:
    data = export(course, "x", {U1: [5]})
    del data["student"]
    del data["units"][U1]["tries"]
    file = write(tmp_path, "masterysite-fractions-101-progress.json", data)
    out = tmp_path / "r.html"
    result = run("report", str(file), "--course", str(REPO / "course"), "-o", str(out))
    assert result.exit_code == 0
    assert result.stderr == (
        f"{file}: no student name in the file (an export from before names): "
        f"shown as '{tmp_path.name}/masterysite-fractions-101-progress'\n"  # (its folder: every old one has its name)
    )
    page = out.read_text(encoding="utf-8")
    assert "Mastered, no answers kept" in page and "from before answers were kept: there is nothing to re-check" in page


def test_nothing_readable_writes_nothing_and_exits_1(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.json", "[]")
    out = tmp_path / "r.html"
    result = run("report", str(bad), str(tmp_path / "missing.json"), "--course", str(REPO / "course"), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{bad}: not a masterysite progress export (the file from 'Export progress' on the progress page)",
        f"{tmp_path / 'missing.json'}: cannot read the file: No such file or directory",
        "No progress files could be reported; nothing was written.",
    ]
    assert not out.exists()


def test_the_output_must_be_html_or_csv(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report", str(tmp_path), "--course", str(REPO / "course"), "-o", "r.pdf"])
    assert result.exit_code == 1
    assert "r.pdf: the report is written as .html or .csv" in result.output


def test_an_empty_folder_and_a_broken_course_exit_1(tmp_path: Path, course: Course) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("report", str(empty), "--course", str(REPO / "course"), "-o", str(tmp_path / "r.html"))
    assert (result.exit_code, result.stderr) == (1, "No progress files could be reported; nothing was written.\n")
    broken = tmp_path / "course"
    (broken / "units").mkdir(parents=True)
    (broken / "course.yml").write_text("titel: x\n", encoding="utf-8")
    file = write(tmp_path, "a.json", export(course, "Ana", {U1: [5]}))
    result = CliRunner().invoke(main, ["report", str(file), "--course", str(broken), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 1 and "course.yml:1: unknown key 'titel'" in result.output
    assert not (tmp_path / "r.html").exists()


def test_the_report_page_says_its_language_is_english_and_the_titles_their_own(exports: Path, course: Course) -> None:
    """Its words are English: a screen reader must not read them with the course's (French) voice."""
    from dataclasses import replace

    from masterysite.report_output import to_html

    french = replace(course, config=replace(course.config, language="fr"))
    page = to_html(build_report(french, [exports]))
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert f'<h1>Class report: <span lang="fr">{course.config.title}</span></h1>' in page


def test_objective_scores_come_from_the_recorded_answers_and_a_higher_claim_is_flagged(
    tmp_path: Path, course: Course
) -> None:
    """A file may claim any best score: with no attempt recorded, every objective 'met' at 100%. The
    objectives' figures are the re-checked answers' (none here), and the claims are flagged."""
    unit = course.unit(U1)
    assert unit is not None
    data = export(course, "Dana", {U2: [10]})
    data["units"][U1] = {"mastered": False, "attempts": 1, "best": [5, 5], "tries": [],
                         "objectives": {o.id: {"attempts": 1, "best": [5, 5]} for o in unit.objectives}}  # fmt: skip
    report = build_report(course, [write(tmp_path, "dana.json", data)])
    result = report.students[0].units[U1]
    assert result.objectives == {}
    assert result.overstated == ["best score 100%"] + [f"objective '{o.id}' 100%" for o in unit.objectives]
    assert [(s.name, u.id) for s, u in report.overstated] == [("Dana", U1)]
    assert report.students[0].units[U2].overstated == []  # honest records are not flagged
    from masterysite.report_output import objective_rows, to_html

    rows = [r for r in objective_rows(report) if r.unit.id == U1]
    assert rows and all([s.name for s in r.untried] == ["Dana"] for r in rows)
    page = to_html(report)
    assert "<h2>Scores not supported by the answers</h2>" in page
    assert "Dana: <strong>Wholes and Parts</strong>: the file claims best score 100%" in page


def test_an_attempt_time_is_shown_only_when_it_is_a_time(tmp_path: Path, course: Course) -> None:
    """The file's 'at' is the student's to write: anything but an ISO time is left out of the report,
    never written into its HTML (it could hide the flags) or into a spreadsheet cell."""
    data = export(course, "Ana", {U1: [5]})
    data["units"][U1]["tries"][0]["at"] = "<style>ul{display:none}</style>"
    folder = tmp_path / "class"
    folder.mkdir()
    write(folder, "ana.json", data)
    for name in ("r.html", "r.csv"):
        result = run("report", str(folder), "--course", str(REPO / "course"), "-o", str(tmp_path / name))
        assert result.exit_code == 0
        assert "ul{display:none}" not in (tmp_path / name).read_text(encoding="utf-8-sig")
    report = build_report(course, [folder])
    assert report.students[0].units[U1].last is None


def test_an_attempt_of_fewer_questions_than_the_draw_is_no_evidence(tmp_path: Path, course: Course) -> None:
    """The page records every question of a draw: an attempt of fewer is one made before the teacher added
    questions to the pool or changed quiz.draw, or made up. It supports no best score and no objective; its
    "mastered" is one on questions changed since, said apart, not one the answers do not support, which every
    honest mastery had become once the pool grew (jj security 1)."""
    unit = course.unit(U1)
    assert unit is not None and unit.draw
    one_each = list({q.objective: q for q in unit.questions}.values())  # every objective asked, but too few
    assert len(one_each) < unit.draw
    data = export(course, "Cal", {U1: [0]})
    tries = data["units"][U1]["tries"]
    answers = [{"q": q.key, "r": right_response(q), "ok": True} for q in one_each]
    tries.append({"at": "2026-03-02T08:00:00.000Z", "score": [len(answers)] * 2, "passed": True,
                  "answers": answers})  # fmt: skip
    result = build_report(course, [write(tmp_path, "cal.json", data)]).students[0].units[U1]
    assert result.checked_best == (0, unit.draw)
    assert all(best is not None and best[0] == 0 for best, _ in result.objectives.values())
    assert result.changed_pass


def test_a_best_score_the_lms_kept_of_a_unit_not_mastered_is_not_flagged(tmp_path: Path, course: Course) -> None:
    """A student who tried a unit in the SCORM package on one computer, failed, resumed on another and exported
    there: the LMS's best score came back with no answers, and the report said "scores not supported by the
    recorded answers" (jj security 7). A unit the LMS kept ('lms') is not re-checked: it has no answers here."""
    data = export(course, "Hana", {U1: [1]})
    record = data["units"][U1]
    record.update({"tries": [], "lms": True, "mastered": False})
    result = build_report(course, [write(tmp_path, "hana.json", data)]).students[0].units[U1]
    assert result.best is not None and not result.mastered and result.overstated == []
    del record["lms"]  # (the same record without the LMS's word: flagged, as before)
    result = build_report(course, [write(tmp_path, "hana2.json", data)]).students[0].units[U1]
    assert result.overstated


def test_a_mastery_on_questions_edited_since_says_so_rather_than_unsupported(tmp_path: Path, course: Course) -> None:
    """The teacher reworded a question after the class took the quiz: its key changed, so the recorded
    answer cannot be re-checked. The report says that, not that the answers do not support it."""
    data = export(course, "Léa", {U1: [5]})
    data["units"][U1]["tries"][0]["answers"][0]["q"] = "q-before-the-edit"
    out = tmp_path / "r.html"
    result = run("report", str(write(tmp_path, "lea.json", data)), "--course", str(REPO / "course"), "-o", str(out))
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert (
        "is marked mastered, but on questions changed since (edited, added or removed): it cannot be re-checked" in page
    )
    assert "⚠ Mastered, on questions changed since" in page and "not supported by the answers</td>" not in page
    # nor in its headings and its summary, which read like cheating after a typo fix (new teacher q)
    assert "not supported by the answers" not in page
    assert "<h2>“Mastered” on questions edited since (a typo fixed, say): not re-checked</h2>" in page
    assert result.stdout == f"Wrote {out}: 1 student; 1 'mastered' on questions edited since, not re-checked.\n"


def test_files_all_of_another_course_say_to_give_its_folder(tmp_path: Path, course: Course) -> None:
    folder = tmp_path / "class"
    folder.mkdir()
    for name in ("ana", "ben"):
        other = export(course, name, {U1: [5]})
        other["course"] = "fractions-fr"
        write(folder, f"{name}.json", other)
    result = run("report", str(folder), "--course", str(REPO / "course"), "-o", str(tmp_path / "r.html"))
    assert result.exit_code == 1
    assert (
        f"2 of the files are progress of the course 'fractions-fr', not of {REPO / 'course'}: give that course's"
        " folder with --course PATH" in result.stderr
    )


def test_percentages_are_rounded_down_as_the_students_pages_show_them() -> None:
    """2 of 3 is 66% on the student's pages (js/util.js percent): the report says the same, and never
    shows a score below the pass mark as the pass mark (79.6% is not 80%)."""
    assert [pct_of(s) for s in [(2, 3), (54, 85), (199, 250), (4, 5), (0, 7)]] == ["66%", "63%", "79%", "80%", "0%"]


@pytest.mark.parametrize("suffix", ["html", "csv"])
def test_half_a_character_in_a_file_is_written_as_a_replacement_not_a_crash(
    tmp_path: Path, course: Course, suffix: str
) -> None:
    """'"\\ud800"' is valid JSON but no UTF-8: the student is reported with U+FFFD in its place, the
    others too, and the report written before stays whole until the new one is complete."""
    folder = tmp_path / "class"
    folder.mkdir()
    write(folder, "a.json", export(course, "Ana", {U1: [5]}))
    crafted = json.dumps(export(course, "Bob", {U1: [1]})).replace('"Bob"', '"Bob\\ud800"')
    write(folder, "b.json", crafted)
    out = tmp_path / f"r.{suffix}"
    assert run("report", str(folder / "a.json"), "--course", str(REPO / "course"), "-o", str(out)).exit_code == 0
    result = run("report", str(folder), "--course", str(REPO / "course"), "-o", str(out))  # over last week's
    assert (result.exit_code, result.stdout) == (0, f"Wrote {out}: 2 students.\n"), result.output
    text = out.read_text(encoding="utf-8-sig")
    assert "Ana" in text and "Bob\ufffd" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["class", out.name])  # no temporary file left


def test_a_claim_that_answers_to_edited_questions_could_explain_says_so(tmp_path: Path, course: Course) -> None:
    """The teacher fixed a typo in a question after the class took the quiz: its recorded answer cannot
    be re-checked. An honest 3 of 5 with one such answer is listed apart, as on questions edited since,
    for the teacher to judge (not as an edited file: new teacher round z 4); a claim of 5 of 5 on the
    same answers, or a failed file whose every answer was renamed (a forgery: most of an attempt cannot
    be re-checked), is flagged plainly: no reading explains it."""
    honest = export(course, "Eve", {U1: [3]})
    answers = honest["units"][U1]["tries"][0]["answers"]
    edited = next(a for a in answers if a["ok"])
    edited["q"] = "q-before-the-typo-fix"
    assert honest["units"][U1]["best"] == [3, 5]
    forged = json.loads(json.dumps(honest).replace('"Eve"', '"Sam"'))
    forged["units"][U1]["best"] = [5, 5]
    renamed = export(course, "Zoe", {U1: [0]})
    for i, a in enumerate(renamed["units"][U1]["tries"][0]["answers"]):
        a["q"], a["ok"] = f"q-old-{i}", True
    renamed["units"][U1]["best"] = [5, 5]
    folder = tmp_path / "class"
    folder.mkdir()
    write(folder, "eve.json", honest)
    write(folder, "sam.json", forged)
    write(folder, "zoe.json", renamed)
    out = tmp_path / "r.csv"
    result = run("report", str(folder), "--course", str(REPO / "course"), "-o", str(out))
    assert result.exit_code == 0, result.output
    rows = [r for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))) if not r["objective"]]
    flags = {r["student"]: r["flag"] for r in rows if r["unit"] == U1}
    assert flags["Eve"].startswith("scores on questions edited since, not re-checked: best score 60%, objective")
    assert flags["Sam"].startswith("scores not supported by the recorded answers: best score 100%, ")
    assert flags["Zoe"] == "scores not supported by the recorded answers: best score 100%"  # (its 0%s are not)
    assert "edited since" not in flags["Zoe"]
    assert result.stdout == (
        f"Wrote {out}: 3 students; 2 records with scores above the answers; 1 record with scores on questions"
        " edited since, not re-checked.\n"
    )
    page = tmp_path / "r.html"
    assert run("report", str(folder), "--course", str(REPO / "course"), "-o", str(page)).exit_code == 0
    html = page.read_text(encoding="utf-8")
    above, edited = html.split("<h2>Scores not supported by the answers</h2>")[1].split(
        "<h2>Scores on questions edited since (a typo fixed, say): not re-checked</h2>"
    )
    assert "Sam:" in above and "Zoe:" in above and "Eve:" not in above
    assert "<li>Eve: <strong>" in edited.split("</ul>")[0]
    assert "rest on answers to questions edited since, which cannot be re-checked" in edited
    assert "⚠ Scores on questions changed since" in html


def test_every_file_of_a_class_folder_is_read_or_named_and_old_exports_in_folders_are_all_kept(
    tmp_path: Path, course: Course
) -> None:
    """'KIM.JSON' is read; 'lee.json.txt' is named, not silently skipped; two old unnamed exports (one
    file name for all) in per-student folders are two students; 'Chloé' typed two ways is one."""
    folder = tmp_path / "class"
    for sub in ("ana", "ben"):
        (folder / sub).mkdir(parents=True)
        old = export(course, "x", {U1: [5]})
        del old["student"]
        del old["units"][U1]["tries"]
        write(folder / sub, "masterysite-fractions-101-progress.json", old)
    write(folder, "KIM.JSON", export(course, "Kim", {U1: [5]}))
    write(folder, "lee.json.txt", export(course, "Lee", {U1: [5]}))
    write(folder, ".DS_Store", "x")
    write(folder, "chloe-mac.json", export(course, "Chloe\u0301", {U1: [1]}))
    later = export(course, "Chlo\u00e9", {U1: [2]})
    later["exported"] = "2099-01-01T00:00:00.000Z"
    write(folder, "chloe-win.json", later)
    out = tmp_path / "r.csv"
    result = run("report", str(folder), "--course", str(REPO / "course"), "-o", str(out))
    rows = csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))
    names = sorted({r["student"] for r in rows}, key=str.casefold)
    assert names == ["ana/masterysite-fractions-101-progress", "ben/masterysite-fractions-101-progress", "Chloé", "Kim"]
    assert f"not read, as not .json: {folder / 'lee.json.txt'} (a progress export is a .json file)" in result.stderr
    assert "Chloé in 2 files" in result.stderr and ".DS_Store" not in result.stderr


def test_a_value_no_page_writes_leaves_that_file_out_not_the_class(tmp_path: Path, course: Course) -> None:
    """'"attempts": 999…' of 5,000 digits is JSON Python will not read as a number: that file's message."""
    folder = tmp_path / "class"
    folder.mkdir()
    write(folder, "ana.json", export(course, "Ana Lima", {U1: [5]}))
    write(
        folder,
        "big.json",
        json.dumps(export(course, "Ben", {U1: [5]})).replace('"attempts": 1', '"attempts": ' + "9" * 5000),
    )
    nested = export(course, "Carla", {U1: [5]})
    nested["units"][U1]["tries"][0]["answers"][0]["r"] = {"a": 1}
    nested["units"][U1]["best"] = [float("inf"), 5]
    write(folder, "odd.json", json.dumps(nested))
    result = run("report", str(folder), "--course", str(REPO / "course"), "-o", str(tmp_path / "r.csv"))
    assert (
        f"{folder / 'big.json'}: not a progress export (a value no page writes): ask the student to export again"
        in result.stderr
    )
    assert "internal error" not in result.output
    assert "Ana Lima" in (tmp_path / "r.csv").read_text(encoding="utf-8")


def test_a_record_no_page_writes_is_a_damaged_file_not_a_student(tmp_path: Path, course: Course) -> None:
    """'"mastered": "yes"', a try whose answers are a number: no page writes them; the file gets its own
    message, and is not reported as a student who has not started (new teacher u 12)."""
    folder = tmp_path / "class"
    folder.mkdir()
    write(folder, "ana.json", export(course, "Ana Lima", {U1: [5]}))
    edited = export(course, "Ben", {U1: [5]})
    edited["units"][U1]["mastered"] = "yes"
    write(folder, "ben.json", json.dumps(edited))
    tries = export(course, "Carla", {U1: [5]})
    tries["units"][U1]["tries"] = [{"answers": 5}]
    write(folder, "carla.json", json.dumps(tries))
    result = run("report", str(folder), "--course", str(REPO / "course"), "-o", str(tmp_path / "r.csv"))
    assert result.exit_code == 1
    assert (
        f"{folder / 'ben.json'}: not a progress export as the pages write it (unit '{U1}': 'mastered' is 'yes'):"
        " ask the student to export again" in result.stderr
    )
    assert f"{folder / 'carla.json'}: not a progress export as the pages write it (unit '{U1}': an attempt's" in (
        result.stderr
    )
    written = (tmp_path / "r.csv").read_text(encoding="utf-8")
    assert "Ana Lima" in written and "Ben" not in written and "Carla" not in written


def test_a_pattern_that_backtracks_cannot_hold_up_the_class_report(
    make_course: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A teacher's '(a.?)+c' takes seconds on 38 a's, then twice as long a character more: one crafted
    file (or one honest long answer) stopped the report. Each response gets JUDGE_SECONDS, then is not
    re-checked; a response longer than any page records is cut as the page cuts it."""
    import time

    import masterysite.report

    monkeypatch.setattr(masterysite.report, "JUDGE_SECONDS", 0.2)
    unit = "---\nobjectives:\n  - id: o\n    text: O\n---\n# A\n\n::: question o\nType.\n\n= ac\n~ /(a.?)+c/\n:::\n"
    root = make_course({"course.yml": "title: T\nid: redos\n", "units/a.md": unit})
    loaded = load_course(root)
    assert loaded.course is not None
    data = export(loaded.course, "Mallory", {"a": [1]})
    data["units"]["a"]["tries"][0]["answers"][0]["r"] = "a" * 42 + "!"
    folder = tmp_path / "class"
    folder.mkdir()
    write(folder, "m.json", data)
    start = time.monotonic()
    report = build_report(loaded.course, [folder])
    assert time.monotonic() - start < 5
    assert report.students[0].units["a"].unchecked


def test_many_slow_answers_to_one_question_cannot_hold_up_the_report_either(
    make_course: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """JUDGE_SECONDS each: an 11 KB file of 60 distinct crafted answers took a minute, and one of 20 MB
    hours (review s). Past SLOW_TIMES slow answers, that question's others are not re-checked either."""
    import masterysite.report

    monkeypatch.setattr(masterysite.report, "JUDGE_SECONDS", 0.05)
    unit = "---\nobjectives:\n  - id: o\n    text: O\n---\n# A\n\n::: question o\nType.\n\n= ac\n~ /(a.?)+c/\n:::\n"
    root = make_course({"course.yml": "title: T\nid: redos\n", "units/a.md": unit})
    loaded = load_course(root)
    assert loaded.course is not None
    data = export(loaded.course, "Mallory", {"a": [1]})
    tries = data["units"]["a"]["tries"]
    tries += [{**tries[0], "answers": [{**tries[0]["answers"][0], "r": "a" * 60 + f"!{i}"}]} for i in range(30)]
    folder = tmp_path / "class"
    folder.mkdir()
    write(folder, "m.json", data)
    calls: list[str] = []
    real = masterysite.report.judged

    def counted(question: Any, response: Any, comma: bool = False) -> bool | None:
        calls.append(str(response))
        return real(question, response, comma)

    monkeypatch.setattr(masterysite.report, "judged", counted)
    # a classmate's honest file, read after: its answers are re-checked whatever Mallory's took (sec ee 5)
    honest = export(loaded.course, "Zoe", {"a": [1]})
    honest["units"]["a"]["tries"][0]["answers"][0]["r"] = "aac"
    write(folder, "z.json", honest)
    report = build_report(loaded.course, [folder])
    assert len([c for c in calls if "!" in c]) == masterysite.report.SLOW_TIMES
    mallory, zoe = sorted(report.students, key=lambda s: s.name)
    assert mallory.units["a"].unchecked and not zoe.units["a"].unchecked and "aac" in calls


def test_an_export_time_no_page_writes_cannot_choose_which_file_of_a_name_is_reported(
    tmp_path: Path, course: Course
) -> None:
    """A student who exports as a classmate, with an export time in the year 9999, had their file reported
    instead of the classmate's. The time is not read; two files of one name are now reported as one (new
    teacher ff 5), the classmate's own attempts always with them."""
    folder = tmp_path / "class"
    folder.mkdir()
    write(folder, "bob.json", export(course, "Bob Honest", {U1: [2]}))
    forged = export(course, "bob  honest", {U1: [5]})
    forged["exported"] = "9999-12-31T23:59:59.999Z"
    write(folder, "mallory.json", forged)
    result = run("report", str(folder), "--course", str(REPO / "course"), "-o", str(tmp_path / "r.csv"))
    lines = result.stderr.splitlines()
    assert (
        f"{folder / 'mallory.json'}: its export time '9999-12-31T23:59:59.999Z' is none a page writes: not read"
        in lines
    )
    assert any(x.startswith(f"{folder / 'bob.json'} + {folder / 'mallory.json'}: Bob Honest in 2 files") for x in lines)


def test_two_exports_of_one_time_are_not_said_to_be_newer(tmp_path: Path, course: Course) -> None:
    """A tester's copy of one export: 'reported the newer export' named one that was not newer. Now one,
    each attempt once; and a file handed in twice is said to be one, not "two devices?" (round hh, LMS 16)."""
    folder = tmp_path / "class"
    folder.mkdir()
    one = export(course, "Ana Lima", {U1: [2, 5]})
    write(folder, "a.json", one)
    write(folder, "b.json", one)
    result = run("report", str(folder), "--course", str(REPO / "course"), "-o", str(tmp_path / "r.html"))
    assert f"{folder / 'b.json'}: the same as {folder / 'a.json'}: read once" in result.stderr.splitlines()
    other = {**one, "exported": "2026-01-02T10:00:00.000Z"}  # the same attempts, exported again later
    write(folder, "b.json", other)
    result = run("report", str(folder), "--course", str(REPO / "course"), "-o", str(tmp_path / "r.html"))
    assert any(
        x.startswith(f"{folder / 'a.json'} + {folder / 'b.json'}: Ana Lima in 2 files")
        for x in result.stderr.splitlines()
    )
    (ana,) = build_report(course, [folder]).students
    assert ana.units[U1].attempts == 2 and ana.units[U1].checked_best == (5, 5)  # (each attempt once)


def test_a_passed_attempt_on_keys_the_course_never_had_is_not_supported(tmp_path: Path, course: Course) -> None:
    """An attempt all (or most) of whose question keys the course never had, or whose known answers fail
    even if every other one was right, explains no mastery: it had been listed as "on questions edited
    since (a typo fixed, say)" rather than as not supported (review r)."""
    unit = course.unit(U1)
    assert unit is not None and unit.draw
    data = export(course, "Eve", {U1: [0]})
    tries = data["units"][U1]["tries"]
    made_up = [{"q": f"q{n:010d}", "r": ["x"], "ok": True} for n in range(unit.draw)]
    tries.append({"at": "2026-03-02T08:00:00.000Z", "score": [unit.draw] * 2, "passed": True, "answers": made_up})
    result = build_report(course, [write(tmp_path, "eve.json", data)]).students[0].units[U1]
    assert not result.changed_pass and not result.supported
    honest = export(course, "Léa", {U1: [unit.draw]})  # one answer renamed by an edit: still said as such
    honest["units"][U1]["tries"][0]["answers"][0]["q"] = "q-before-the-edit"
    assert build_report(course, [write(tmp_path, "lea.json", honest)]).students[0].units[U1].changed_pass


@pytest.mark.parametrize(("language", "supported"), [("fr", True), ("en", False)])
def test_the_report_reads_numbers_by_the_courses_decimal_mark(tmp_path: Path, language: str, supported: bool) -> None:
    """'1,500' is 1.5 in a French course (its decimal mark is a comma) and 1500 in an English one, in the
    report's re-check as on the page: the answers of a French class are not called unsupported."""
    root = tmp_path / "course"
    (root / "units").mkdir(parents=True)
    (root / "course.yml").write_text(f"title: C\nid: c\nlanguage: {language}\n", encoding="utf-8")
    (root / "units" / "a.md").write_text(
        "---\ntitle: A\nobjectives:\n  o: Convert\n---\nText.\n\n::: question o\n1500 g in kg?\n\n= 1.5\n:::\n",
        encoding="utf-8",
    )
    loaded = load_course(root)
    assert loaded.course is not None
    data = export(loaded.course, "Zoé", {"a": [1]})
    data["units"]["a"]["tries"][0]["answers"][0]["r"] = "1,500"
    out = tmp_path / "r.csv"
    result = run("report", str(write(tmp_path, "zoe.json", data)), "--course", str(root), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert ("not supported" not in out.read_text(encoding="utf-8-sig")) is supported


def test_the_report_never_replaces_a_file_of_the_teachers_nor_goes_into_the_course(
    exports: Path, tmp_path: Path
) -> None:
    """'report -o course/assets/handout.html' had replaced the teacher's handout, and the next build published the
    students' names and scores; '-o notes.html' replaced any file (round y 2). A report it wrote is replaced."""
    import shutil

    course_dir = Path(shutil.copytree(REPO / "course", tmp_path / "course"))
    handout = course_dir / "assets" / "handout.html"
    handout.write_text("<h1>Homework</h1>", encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(exports), "--course", str(course_dir), "-o", str(handout)])
    assert result.exit_code == 1 and "inside the course folder" in result.output
    assert handout.read_text(encoding="utf-8") == "<h1>Homework</h1>"
    notes = tmp_path / "notes.html"
    notes.write_text("<p>mine</p>", encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(exports), "--course", str(course_dir), "-o", str(notes)])
    assert result.exit_code == 1 and "is not a class report masterysite wrote" in result.output
    assert notes.read_text(encoding="utf-8") == "<p>mine</p>"
    for name in ("class.html", "class.csv"):  # written, then written again over itself
        for _ in range(2):
            result = CliRunner().invoke(
                main, ["report", str(exports), "--course", str(course_dir), "-o", str(tmp_path / name)]
            )
            assert "is not a class report" not in result.output and (tmp_path / name).stat().st_size > 100


def test_progress_for_a_unit_the_course_no_longer_has_is_said(course: Course, tmp_path: Path) -> None:
    """A unit renamed (its id is its file name): its students' progress had been 'not started', unsaid (round y 8)."""
    from masterysite.report import build_report

    folder = tmp_path / "class"
    folder.mkdir()
    for name in ("Ana", "Ben"):
        data = export(course, name, {U1: [5]})
        data["units"]["halves"] = data["units"].pop(U1)  # as if whole-and-parts had been called halves
        write(folder, f"{name}.json", data)
    report = build_report(course, [folder])
    assert report.notes == [
        "2 files hold progress for unit 'halves', which this course no longer has: if a unit was renamed,"
        " 'id: halves' in its front matter keeps its students' progress"
    ]


def test_a_progress_files_text_never_reaches_the_terminal_as_controls(course: Course, tmp_path: Path) -> None:
    """A student's file names units and the student: a unit id holding 'ESC]52;…' (set the teacher's clipboard)
    and 'ESC[8m' (conceal) went to the terminal as it was, and hid the line that says a forgery was found
    (security round cc 2). No unit can have such an id: it is not said; other words show their controls."""
    folder = tmp_path / "class"
    folder.mkdir()
    data = export(course, "Eve\u202e\x1b[8m", {U1: [5]})
    data["units"]["x\x1b]52;c;ZWNobyBoaQ==\x07\x1b[8m"] = {"mastered": True, "attempts": 1}
    write(folder, "eve.json", data)
    write(folder, "eve2.json", {**data, "exported": "2026-01-02T10:00:00.000Z"})  # (a line that names her)
    result = run("report", str(folder), "--course", str(REPO / "course"), "-o", str(tmp_path / "r.html"))
    assert "\x1b" not in result.output and "\u202e" not in result.output and "\x07" not in result.output
    assert "Eve\\u202e\\x1b[8m" in result.output and "52;c" not in result.output


def test_a_device_or_a_pipe_given_as_a_progress_file_is_left_out(course: Course, tmp_path: Path) -> None:
    """A link to /dev/zero (an unzip restores one) was read until memory ran out, and a FIFO waited forever:
    nobody was reported (security round cc 15). Each is left out with its own line; the rest are reported."""
    import contextlib
    import os
    import threading

    folder = tmp_path / "subs"
    folder.mkdir()
    write(folder, "ana.json", export(course, "Ana", {U1: [5]}))
    (folder / "zero.json").symlink_to("/dev/zero")
    os.mkfifo(folder / "pipe.json")
    done = threading.Event()

    def unblock() -> None:  # (a reader of the pipe gets an end, not a wait forever: the test ends either way)
        while not done.wait(0.05):
            with contextlib.suppress(OSError):
                os.close(os.open(folder / "pipe.json", os.O_WRONLY | os.O_NONBLOCK))

    threading.Thread(target=unblock, daemon=True).start()
    try:
        result = run(
            "report", *(str(folder / n) for n in ("ana.json", "zero.json", "pipe.json")),
            "--course", str(REPO / "course"), "-o", str(tmp_path / "r.html"),
        )  # fmt: skip
    finally:
        done.set()
    assert result.exit_code == 1
    assert f"{folder / 'zero.json'}: not a file (a device, a pipe or a folder)" in result.output
    assert f"{folder / 'pipe.json'}: not a file (a device, a pipe or a folder)" in result.output
    assert "Wrote" in result.output and "1 student" in result.output


def test_an_answer_that_cannot_be_rechecked_is_not_right_for_its_objective(tmp_path: Path, course: Course) -> None:
    """A forged file added an answer to a key the course never had: its objective was counted met on the one
    real right answer, and the student left out of corrective work (security round z 3). Not re-checked, an
    answer counts as not right: for the objective it names, or, naming none of the unit's, for each."""
    honest = export(course, "Ola", {U1: [5]})
    answers = honest["units"][U1]["tries"][0]["answers"]
    unit = next(u for u in course.units if u.id == U1)
    asked = {q.key: q.objective for q in unit.questions}
    named = dict(answers[0], q="q0123456789", o=asked[answers[0]["q"]])  # its objective still named
    unnamed = {k: v for k, v in answers[1].items() if k != "o"} | {"q": "q9876543210"}
    answers[0], answers[1] = named, unnamed
    result = build_report(course, [write(tmp_path, "ola.json", honest)]).students[0].units[U1]
    per_objective: dict[str, int] = {}
    for a in answers[2:]:
        per_objective[asked[a["q"]]] = per_objective.get(asked[a["q"]], 0) + 1
    expected = {oid: ((n, n + 1 + (oid == named["o"])), 1) for oid, n in per_objective.items()}
    if named["o"] not in per_objective:
        expected[named["o"]] = ((0, 2), 1)
    assert result.objectives == expected


def test_an_answer_to_a_question_edited_since_is_no_sign_of_need(tmp_path: Path, course: Course) -> None:
    """The teacher fixed a typo, added an accepted answer or renamed an objective after the class took the
    quiz: those answers cannot be re-checked, and the report had listed students who got every answer right
    for corrective work (new teacher dd 10, cc 3). Such an objective is "not re-checked" when the answers
    that can be re-checked fall short only by those; a student who missed it even so still needs corrective
    work, and no answer that cannot be re-checked makes an objective met. Two of three questions edited, or
    all, are no sign of need either (port ff 11: such a student had been listed for corrective work)."""
    unit = next(u for u in course.units if u.id == U1)
    asked = {q.key: q.objective for q in unit.questions}
    eve = export(course, "Eve", {U1: [5]})
    edited = eve["units"][U1]["tries"][0]["answers"][0]
    edited["q"], edited["o"] = "q-before-the-typo-fix", asked[edited["q"]]  # (its objective, as quiz.js records)
    ivy = export(course, "Ivy", {U1: [5]})
    tried = ivy["units"][U1]["tries"][0]["answers"]
    objectives = [asked[a["q"]] for a in tried]
    renamed = next(a for a in tried if objectives.count(asked[a["q"]]) == 1)  # (its objective's only question)
    renamed["q"], renamed["o"] = "q-before-the-rename", "old-objective-id"
    ben = export(course, "Ben", {U1: [0]})
    missed = ben["units"][U1]["tries"][0]["answers"][0]
    missed["q"], missed["o"] = "q-before-the-typo-fix", asked[missed["q"]]
    max_ = export(course, "Max", {U1: [5]})  # every question edited since: not known either (port ff 11)
    for i, a in enumerate(max_["units"][U1]["tries"][0]["answers"]):
        a["q"], a["o"] = f"q-old-{i}", asked[a["q"]]
    folder = tmp_path / "class"
    folder.mkdir()
    for name, data in (("eve", eve), ("ivy", ivy), ("ben", ben), ("max", max_)):
        write(folder, f"{name}.json", data)
    out = tmp_path / "r.csv"
    assert run("report", str(folder), "--course", str(REPO / "course"), "-o", str(out)).exit_code == 0
    rows = csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))
    status = {(r["student"], r["objective"]): r["status"] for r in rows if r["unit"] == U1 and r["objective"]}
    unsure = "not re-checked (questions edited since)"
    for objective in {o.id for o in unit.objectives}:
        edited_here = objective == edited["o"]
        assert status[("Eve", objective)] == (unsure if edited_here else "met"), objective
        assert status[("Ivy", objective)] == unsure, objective  # (the answer of no objective: each of them)
        assert status[("Ben", objective)] == "needs corrective", objective
        assert status[("Max", objective)] == unsure, objective  # (had been "needs corrective": port ff 11)
    page = tmp_path / "r.html"
    assert run("report", str(folder), "--course", str(REPO / "course"), "-o", str(page)).exit_code == 0
    html = page.read_text(encoding="utf-8")
    corrective = html[html.index("<h2>Who needs corrective work</h2>") :]
    corrective = corrective[: corrective.index("</table>")]
    assert '<th scope="col">Not re-checked (questions edited since)</th>' in corrective
    assert "Ben" in corrective and "Eve" not in corrective and "Ivy" not in corrective
    unjudged = 1 + 1 + 1 + len(max_["units"][U1]["tries"][0]["answers"])  # (Eve's, Ivy's, Ben's, all of Max's)
    assert "Every recorded answer was re-checked" not in html  # (it had said so above them: port ff 11)
    assert f"re-checked against the course as built now, but for {unjudged} answers to questions edited since" in html


def test_a_mastery_below_a_raised_mastery_level_is_listed_apart(tmp_path: Path, course: Course) -> None:
    """Dana mastered unit 1 at 80% (4 of 5); the teacher then asks 100% of it. The site keeps her mastery
    (SPEC §3.5); the report had called it "not supported by the recorded answers", the flag of an edited
    file (new teacher round aa 2). It is listed apart, for the teacher who knows whether they raised it.
    A failed attempt marked passed by hand (2 of 5, every answer as judged) stays unsupported."""
    import shutil

    folder = tmp_path / "class"
    folder.mkdir()
    write(folder, "dana.json", export(course, "Dana", {U1: [4]}))
    forged = export(course, "Zoe", {U1: [2]})
    forged["units"][U1]["mastered"] = forged["units"][U1]["tries"][0]["passed"] = True
    write(folder, "zoe.json", forged)
    raised = tmp_path / "course"
    shutil.copytree(REPO / "course", raised, ignore=shutil.ignore_patterns(".masterysite"))
    unit = raised / "units" / "01-whole-and-parts.md"
    unit.write_text(unit.read_text(encoding="utf-8").replace("requires: []\n", "requires: []\nmastery: 100%\n", 1))
    out = tmp_path / "r.csv"
    result = run("report", str(folder), "--course", str(raised), "-o", str(out))
    assert result.stdout == (
        f"Wrote {out}: 2 students; 1 'mastered' not supported by the answers; 1 'mastered' below the unit's"
        " mastery level now (raised since?).\n"
    )
    rows = [r for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))) if not r["objective"]]
    flags = {r["student"]: (r["status"], r["flag"]) for r in rows if r["unit"] == U1}
    assert flags["Dana"] == (
        "mastered (below the unit's mastery level now: raised since?)",
        "mastered on an attempt of 80% the page passed; the unit now asks 100%: its mastery level was raised since?",
    )
    assert flags["Zoe"] == ("mastered (not supported by the answers)", "mastered not supported by the recorded answers")
    page = tmp_path / "r.html"
    assert run("report", str(folder), "--course", str(raised), "-o", str(page)).exit_code == 0
    html = page.read_text(encoding="utf-8")
    plain, apart = html.split("<h2>“Mastered” below the unit's mastery level now (raised since?)</h2>")
    assert "Zoe:" in plain.split("<h2>“Mastered” not supported by the answers</h2>")[1] and "Dana:" not in plain
    assert "Dana: <strong>Wholes and Parts</strong> is marked mastered on an attempt of 80%" in apart
    assert "if you raised its mastery level since, the mastery stands" in apart


def test_a_class_of_one_is_one_student(tmp_path: Path, course: Course) -> None:
    """'1 students · 1 units' (new teacher dd 13)."""
    folder = tmp_path / "class"
    folder.mkdir()
    write(folder, "a.json", export(course, "Ana", {U1: [5]}))
    out = tmp_path / "r.html"
    result = run("report", str(folder / "a.json"), "--course", str(REPO / "course"), "-o", str(out))
    assert result.stdout == f"Wrote {out}: 1 student.\n"
    assert "<p>1 student · 7 units · made " in out.read_text(encoding="utf-8")


def test_two_devices_of_one_student_are_reported_as_one(tmp_path: Path, course: Course) -> None:
    """Bruno mastered unit 1 on his laptop and tried it once on his phone, with no import between them; he
    hands in both files. The newer (the phone's) had been reported alone: unit 1 not mastered, Bruno listed
    for corrective work (new teacher ff 5). Both are now read as one, as the page's import merges them."""
    folder = tmp_path / "class"
    folder.mkdir()
    laptop = export(course, "Bruno Silva", {U1: [5]})
    phone = export(course, "Bruno Silva", {U1: [0]})
    laptop["exported"], phone["exported"] = "2026-01-01T10:00:00.000Z", "2026-01-02T10:00:00.000Z"  # the phone's newer
    write(folder, "laptop.json", laptop)
    write(folder, "phone.json", phone)
    report = build_report(course, [folder])
    (bruno,) = report.students
    assert bruno.file == f"{folder / 'laptop.json'} + {folder / 'phone.json'}"
    unit = bruno.units[U1]
    assert unit.mastered and unit.supported and not unit.unsupported and unit.checked_best == (5, 5)
    assert len({t for t in unit.passing}) == 1 and report.problems == []
    assert any("Bruno Silva in 2 files (two devices?): reported as one" in n for n in report.notes)
    assert unit.attempts == 2  # one on each: not the larger count, 1 (round hh, LMS 8)


def test_a_teachers_class_folder_as_an_lms_and_a_spreadsheet_give_it(tmp_path: Path, course: Course) -> None:
    """What a term's hand-ins hold (round hh, LMS 7, 15, 17, 18): a German course's CSV is split at ';', as
    German and French Excel read one (at ',' it opened as one column); 'Élodie' is listed with the E's, not
    after 'Zoë'; a student's two files show the name as written with capitals; a zip (an LMS's "download
    all") and a file that names no course say so, not "not JSON" and "another course ('None')"."""
    import shutil
    import zipfile

    german = Path(shutil.copytree(REPO / "course", tmp_path / "kurs"))
    yml = german / "course.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("language: en", "language: de"), encoding="utf-8")
    folder = tmp_path / "class"
    folder.mkdir()
    for name in ("Zoë Müller", "Élodie Brûlé", "Finn Bauer"):
        write(folder, f"{name.split()[0]}.json", export(course, name, {U1: [5]}))
    laptop, phone = export(course, "Lukas Weber", {U1: [2]}), export(course, "lukas weber", {U1: [5]})
    laptop["exported"], phone["exported"] = "2026-01-01T10:00:00.000Z", "2026-01-02T10:00:00.000Z"
    write(folder, "lukas-laptop.json", laptop)
    write(folder, "lukas-phone.json", phone)
    nameless = export(course, "Jonas", {U1: [1]})
    nameless["course"] = None
    write(folder, "jonas.json", nameless)
    with zipfile.ZipFile(tmp_path / "submissions.zip", "w") as archive:
        archive.write(folder / "Finn.json", "Finn.json")
    shutil.copy(tmp_path / "submissions.zip", folder / "submissions.json")  # (renamed by the LMS, say)
    out = tmp_path / "class.csv"
    result = run("report", str(folder), "--course", str(german), "-o", str(out))
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    from masterysite.report_output import CSV_COLUMNS

    assert rows[0] == list(CSV_COLUMNS) and all(len(r) == len(CSV_COLUMNS) for r in rows)
    students = list(dict.fromkeys(r[0] for r in rows[1:]))
    assert students == ["Élodie Brûlé", "Finn Bauer", "Lukas Weber", "Zoë Müller"]
    errors, shown = result.stderr.splitlines(), result.stderr
    assert f"{folder / 'jonas.json'}: names no course: not a progress export as the pages write it; ask" in shown
    assert f"{folder / 'submissions.json'}: a zip archive, not a progress export: unzip it and give the" in shown
    assert "('None')" not in shown and len(errors) >= 2


def test_a_mastery_the_lms_kept_is_not_called_forged(tmp_path: Path, course: Course) -> None:
    """Zoë mastered a unit in the LMS on a lab computer and resumed the course at home, where the LMS's record
    (status, best score, no answers) came along; her export from home was reported as "Mastered, not
    supported by the answers", as a hand-edited file is (round hh, LMS 1, HIGH). The page marks such a record
    'lms', and the report lists it apart, pointing to the LMS, which holds the answers."""
    folder = tmp_path / "class"
    folder.mkdir()
    home = export(course, "Zoë Müller", {})
    home["units"][U1] = {"mastered": True, "attempts": 2, "best": [5, 5], "objectives": {}, "tries": [], "lms": True}
    write(folder, "zoe.json", home)
    forged = export(course, "Hanna", {})
    forged["units"][U1] = {"mastered": True, "attempts": 1, "best": [5, 5], "objectives": {}, "tries": []}
    write(folder, "hanna.json", forged)
    out = tmp_path / "r.html"
    result = run("report", str(folder), "--course", str(REPO / "course"), "-o", str(out))
    assert result.stdout == (
        f"Wrote {out}: 2 students; 1 'mastered' not supported by the answers; 1 'mastered' in the LMS, its answers"
        " there.\n"
    )
    page = out.read_text(encoding="utf-8")
    assert "Zoë Müller: <strong>Wholes and Parts</strong> is marked mastered as the LMS kept it, the file says" in page
    assert "if your course never ran in an LMS, the file was edited" in page
    assert "Hanna: <strong>Wholes and Parts</strong> is marked mastered, but no recorded attempt" in page
    assert page.count("⚠ Mastered in the LMS, its answers there") == 1
