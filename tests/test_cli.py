"""The command line through click's CliRunner (and once through a real subprocess)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from masterysite import __version__
from masterysite.cli import main

REPO = Path(__file__).resolve().parent.parent


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its content: to prove a command touched nothing."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    assert "Traceback" not in (result.stderr or "")


# --- new -----------------------------------------------------------------------------------------


def test_new_creates_a_course_that_checks_clean_and_builds(tmp_path: Path) -> None:
    course = tmp_path / "my-course"
    result = invoke("new", course)
    assert result.exit_code == 0, result.output
    assert (course / "course.yml").is_file()
    assert list((course / "units").glob("*.md"))

    checked = invoke("check", course)
    assert checked.exit_code == 0, checked.output
    assert checked.stderr == ""  # not a single warning line
    assert checked.stdout.rstrip().endswith("no errors, 0 warnings.")

    built = invoke("build", course, "-o", tmp_path / "site")
    assert built.exit_code == 0, built.output
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / "units").is_dir()


def test_each_new_course_has_an_id_of_its_own(tmp_path: Path) -> None:
    """Every starter had had the id 'shapes-starter': two courses on one server shared their students'
    progress (new teacher cc 7). The id is the folder's name and a few random digits; the next command shown
    can be pasted as it is (cc 17)."""
    import re

    ids = []
    for folder in (tmp_path / "Teoría musical 2", tmp_path / "one" / "course", tmp_path / "two" / "course"):
        result = invoke("new", folder)
        assert result.exit_code == 0, result.output
        ids += re.findall(r"^id: (.+)$", (folder / "course.yml").read_text(encoding="utf-8"), re.M)
    assert len(ids) == 3 and len(set(ids)) == 3, ids
    assert re.fullmatch(r"teoria-musical-2-[0-9a-f]{6}", ids[0]) and ids[1].startswith("course-")
    assert "Next: masterysite serve '" in invoke("new", tmp_path / "a b").output


def test_a_unit_or_course_id_changed_since_the_last_build_is_said(tmp_path: Path, example_course: Path) -> None:
    """Renaming a unit file (a typo in its name fixed) gave its unit a new id, and a title fixed in a course
    with no 'id:' gave the course one: students' progress stayed with the old ids, the units after it locked
    again, and nothing was said (new teacher cc 2, cc 8). Another course built into the folder is no change."""
    course, site = tmp_path / "shapes", tmp_path / "site"
    assert invoke("new", course).exit_code == 0
    assert invoke("build", course, "-o", site).exit_code == 0
    (course / "units" / "02-quadrilaterals.md").rename(course / "units" / "02-quads.md")
    yml = course / "course.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("02-quadrilaterals.md", "02-quads.md"), encoding="utf-8")
    built = invoke("build", course, "-o", site)
    assert built.exit_code == 0, built.output
    assert (
        "units/02-quads.md:1: warning: this unit's id is 'quads', and the last build had a unit 'quadrilaterals'"
        " instead: if this file was renamed, students' progress is kept under 'quadrilaterals'" in built.output
    )
    assert "write 'id: quadrilaterals' in its front matter to keep it [progress-moved]" in built.output
    text = yml.read_text(encoding="utf-8")
    yml.write_text(re.sub(r"(?m)^id: .*\n", "", text).replace("title: Shapes", "title: Shape"), encoding="utf-8")
    built = invoke("build", course, "-o", site)
    assert (
        "course.yml:1: warning: the course's id is 'shape-sides-and-angles' (made from its title: course.yml has no"
        " 'id:'), and it was 'shapes-" in built.output
    )
    assert "[progress-moved]" not in invoke("build", example_course, "-o", site).output  # (no unit in common)


def test_a_contributed_file_name_reaches_the_terminal_with_its_controls_written_out(tmp_path: Path) -> None:
    """A pull request's 'units/00-ESC]52;…BEL ESC[8m.md' was printed as it is by check and build: it set the
    teacher's clipboard and hid every line after it (security round cc 16)."""
    course = tmp_path / "c"
    assert invoke("new", course).exit_code == 0
    (course / "units" / "00-\x1b]52;c;ZWNobw==\x07\x1b[8m.md").write_text("# X\n\nText.\n", encoding="utf-8")
    for command in ("check", "build"):
        result = invoke(command, course, *(["-o", tmp_path / "site"] if command == "build" else []))
        assert "\x1b" not in result.output and "\x07" not in result.output
        assert "units/00-\\x1b]52;c;ZWNobw==\\x07\\x1b[8m.md" in result.output, result.output


def test_a_picture_written_into_the_page_is_named_by_its_first_characters(tmp_path: Path) -> None:
    """A Google Docs export ends with '[image1]: <data:image/png;base64,…>': the [no-alt] warning had quoted
    all of it, one line of 200,000 characters, in check and in build (port cc 12)."""
    course = tmp_path / "c"
    assert invoke("new", course).exit_code == 0
    data = "iVBORw0KGgoAAAANSUhEUgAA" + "QUJD" * 50_000
    unit = course / "units" / "01-triangles.md"
    text = unit.read_text(encoding="utf-8") + "\n![][image1]\n\n[image1]: <data:image/png;base64," + data + ">\n"
    unit.write_text(text, encoding="utf-8")
    result = invoke("check", course)
    line = next(line for line in result.output.splitlines() if "[no-alt]" in line)
    assert "image 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA…' has no alt text" in line and len(line) < 200


def test_a_build_with_another_secret_than_the_site_it_replaces_is_said(tmp_path: Path) -> None:
    """A fresh clone has no .masterysite/secret (git ignores it): its build made a new one and replaced the
    site silently, and every bonus and review students had opened closed again (new teacher cc 13)."""
    course, site = tmp_path / "c", tmp_path / "site"
    assert invoke("new", course).exit_code == 0
    assert invoke("build", course, "-o", site).exit_code == 0
    assert "[progress-moved]" not in invoke("build", course, "-o", site).output  # (the same secret: nothing)
    kept = (course / ".masterysite" / "secret").read_bytes()
    (course / ".masterysite" / "secret").unlink()  # (as a fresh clone has it)
    built = invoke("build", course, "-o", site)
    assert built.exit_code == 0
    assert f"course.yml:1: warning: the site in {site} was sealed with another course secret" in built.output
    assert "copy the course's .masterysite/secret from where the site was built" in built.output
    (course / ".masterysite" / "secret").write_bytes(kept)
    assert "[progress-moved]" in invoke("build", course, "-o", site).output  # (back to the first: said again)
    assert "[progress-moved]" not in invoke("build", course, "-o", site).output


def test_a_course_id_that_starts_with_an_underscore_is_told_why(tmp_path: Path) -> None:
    """'id: _notes' was told it 'may use only letters, digits, '.', '_' and '-'': it does (new teacher cc 10)."""
    course = tmp_path / "c"
    assert invoke("new", course).exit_code == 0
    yml = course / "course.yml"
    yml.write_text(re.sub(r"(?m)^id: .*$", "id: _notes", yml.read_text(encoding="utf-8")), encoding="utf-8")
    result = invoke("check", course)
    assert result.exit_code == 1 and "id '_notes' must start with a letter or a digit" in result.output
    # 'id: théorie' (a French teacher's) was told only letters, which it is: accents are said, and the id to write
    yml.write_text(re.sub(r"(?m)^id: .*$", "id: théorie 2nde", yml.read_text(encoding="utf-8")), encoding="utf-8")
    result = invoke("check", course)
    assert result.exit_code == 1 and (
        "id 'théorie 2nde' must start with a letter or a digit, then use only letters without accents, digits, '.',"
        " '_' and '-', like 'fractions-101': write 'id: theorie-2nde'"
    ) in " ".join(result.output.split())


def test_new_into_an_empty_existing_folder_is_fine(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert invoke("new", tmp_path / "empty").exit_code == 0
    assert (tmp_path / "empty" / "course.yml").is_file()
    (tmp_path / "repo" / ".git").mkdir(parents=True)  # just made a repository: still empty (round y 17)
    (tmp_path / "repo" / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    assert invoke("new", tmp_path / "repo").exit_code == 0
    assert (tmp_path / "repo" / "course.yml").is_file() and (tmp_path / "repo" / ".git" / "HEAD").is_file()


def test_new_refuses_a_non_empty_folder_and_touches_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "work"
    (folder / "units").mkdir(parents=True)
    (folder / "notes.txt").write_text("my notes", encoding="utf-8")
    (folder / "units" / "mine.md").write_text("# Mine\n", encoding="utf-8")
    before = snapshot(folder)
    result = invoke("new", folder)
    assert result.exit_code == 1
    assert "not empty" in result.stderr
    no_traceback(result)
    assert snapshot(folder) == before


def test_new_that_cannot_write_leaves_nothing_and_can_be_run_again(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A full disk had printed shutil's raw error list and left a half-written course, which the next 'new'
    refused as not empty (round y 12)."""
    from masterysite import scaffold

    real = shutil.copytree

    def full(src: str, dst: str) -> object:
        if str(src).endswith("course.yml"):
            raise OSError(28, "No space left on device")
        return shutil.copy2(src, dst)

    def copytree(*args: object, **kwargs: object) -> object:  # (it calls itself for each folder, all arguments given)
        return real(*args, **kwargs) if len(args) > 4 else real(*args, copy_function=full, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(scaffold.shutil, "copytree", copytree)
    for target in (tmp_path / "fresh", tmp_path / "empty"):
        if target.name == "empty":
            target.mkdir()
        result = invoke("new", target)
        assert result.exit_code == 1 and "could not be written" in result.stderr and "No space left" in result.stderr
        no_traceback(result)
        assert not target.exists() if target.name == "fresh" else not any(target.iterdir())
    monkeypatch.setattr(scaffold.shutil, "copytree", real)
    assert invoke("new", tmp_path / "fresh").exit_code == 0


def test_new_refuses_an_existing_file(tmp_path: Path) -> None:
    file = tmp_path / "course"
    file.write_text("not a folder", encoding="utf-8")
    result = invoke("new", file)
    assert result.exit_code == 1 and "is a file, not a folder" in result.stderr
    assert file.read_text(encoding="utf-8") == "not a folder"


# --- build ---------------------------------------------------------------------------------------


def test_build_default_paths(example_course: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(example_course.parent)  # a folder holding course/
    result = invoke("build")
    assert result.exit_code == 0, result.output
    assert (example_course.parent / "build" / "index.html").is_file()
    assert (example_course.parent / "build" / "units" / "whole-and-parts.html").is_file()


def test_in_the_course_folder_build_and_check_need_no_arguments(
    example_course: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A teacher who went into the course folder: the course is '.', the site goes beside it (a
    'build' inside the course would be refused), and an -o inside it is refused with a path that works."""
    monkeypatch.chdir(example_course)
    before = snapshot(example_course)
    checked = invoke("check")
    assert checked.exit_code == 0, checked.output
    assert "units, no errors" in checked.output
    built = invoke("build")
    assert built.exit_code == 0, built.output
    assert "Built ../build/index.html" in built.output
    assert (example_course.parent / "build" / "units" / "whole-and-parts.html").is_file()
    inside = invoke("build", "-o", "site")
    assert inside.exit_code == 1
    assert "build next to it, e.g. -o ../build" in inside.stderr
    assert {k: v for k, v in snapshot(example_course).items() if not k.startswith(".masterysite/")} == {
        k: v for k, v in before.items() if not k.startswith(".masterysite/")
    }


def test_a_missing_course_folder_is_still_an_error_outside_a_course(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("build")
    assert result.exit_code == 1
    assert "course folder not found" in result.stderr
    assert not (tmp_path / "build").exists()


def test_build_with_output_option(example_course: Path, tmp_path: Path) -> None:
    out = tmp_path / "nested" / "site"
    result = invoke("build", example_course, "-o", out)
    assert result.exit_code == 0, result.output
    assert (out / "index.html").is_file()
    assert not (tmp_path / "build").exists()


def test_build_long_output_option(example_course: Path, tmp_path: Path) -> None:
    assert invoke("build", example_course, "--output", tmp_path / "site").exit_code == 0
    assert (tmp_path / "site" / "progress.html").is_file()


@pytest.mark.parametrize("target", [".", "course"])
def test_build_refuses_an_output_folder_that_is_or_contains_the_course(
    example_course: Path, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    monkeypatch.chdir(example_course.parent)
    before = snapshot(example_course.parent)
    result = invoke("build", "course", "-o", target)
    assert result.exit_code == 1
    assert "course folder" in result.stderr
    no_traceback(result)
    assert snapshot(example_course.parent) == before


def test_build_refuses_a_foreign_non_empty_folder_and_leaves_it_intact(example_course: Path, tmp_path: Path) -> None:
    out = tmp_path / "thesis"
    (out / "chapters").mkdir(parents=True)
    (out / "chapters" / "one.tex").write_text("precious", encoding="utf-8")
    (out / "index.html").write_text("<p>my own page</p>", encoding="utf-8")
    before = snapshot(out)
    result = invoke("build", example_course, "-o", out)
    assert result.exit_code == 1
    assert "not written by masterysite" in result.stderr
    no_traceback(result)
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["course", "thesis"]  # no temporary folder left


def test_build_refuses_another_course_folder_even_one_built_before(example_course: Path, tmp_path: Path) -> None:
    """'build fractions -o decimals': the other course's own .masterysite/ folder (its secret and cache) had
    passed for a site's mark, and its course.yml, units and secret were replaced by a site (round y 1)."""
    other = Path(shutil.copytree(example_course, tmp_path / "decimals"))
    assert invoke("build", other, "-o", tmp_path / "decimals-site").exit_code == 0
    assert (other / ".masterysite").is_dir()
    before = snapshot(other)
    for command in ("build",):
        result = invoke(command, example_course, "-o", other)
        assert result.exit_code == 1 and "this is a course folder (it holds course.yml)" in result.stderr
        no_traceback(result)
    assert snapshot(other) == before
    (other / "course.yml").rename(tmp_path / "kept.yml")  # its .masterysite/ folder alone is no site's mark either
    before = snapshot(other)
    result = invoke("build", example_course, "-o", other)
    assert result.exit_code == 1 and "not written by masterysite" in result.stderr
    assert snapshot(other) == before


def test_build_replaces_its_own_previous_output(example_course: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert invoke("build", example_course, "-o", out).exit_code == 0
    (out / "units" / "stale.html").write_text("old", encoding="utf-8")
    assert invoke("build", example_course, "-o", out).exit_code == 0
    assert not (out / "units" / "stale.html").exists()
    assert (out / "index.html").is_file()


def test_failed_build_names_file_and_line_and_keeps_the_previous_site(example_course: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert invoke("build", example_course, "-o", out).exit_code == 0
    before = snapshot(out)
    unit = example_course / "units" / "02-equivalent-fractions.md"
    lines = unit.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith("::: question ")) + 1
    objective = lines[number - 1].split()[2]
    lines[number - 1] = "::: question scael"
    unit.write_text("\n".join(lines), encoding="utf-8")

    result = invoke("build", example_course, "-o", out)
    assert result.exit_code == 1
    no_traceback(result)
    expected = f"units/02-equivalent-fractions.md:{number}: question refers to unknown objective 'scael' (objectives: "
    assert expected in result.stderr
    assert objective in result.stderr
    assert "nothing was written" in result.stderr
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["course", "site"]


def test_build_strict_fails_on_warnings(make_course) -> None:  # type: ignore[no-untyped-def]
    course = make_course(
        {
            "course.yml": "title: Warned\n",
            "units/a.md": "---\ntitle: A\nobjectives:\n  o: O\n---\n\nNo question for o.\n",
        }
    )
    assert invoke("build", course, "-o", course.parent / "site").exit_code == 0
    result = invoke("build", course, "-o", course.parent / "strict-site", "--strict")
    assert result.exit_code == 1
    assert "units/a.md:4: warning: objective 'o' has no question" in result.stderr
    assert not (course.parent / "strict-site").exists()


# --- check ---------------------------------------------------------------------------------------


def test_check_example_course_is_clean() -> None:
    result = invoke("check", REPO / "course")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert "no errors, 0 warnings." in result.stdout


def test_check_writes_nothing(example_course: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(example_course.parent)
    before = snapshot(example_course.parent)
    assert invoke("check").exit_code == 0  # default course folder: ./course
    assert snapshot(example_course.parent) == before


def test_check_reports_warnings_and_strict_fails(make_course) -> None:  # type: ignore[no-untyped-def]
    course = make_course(
        {
            "course.yml": "title: Warned\n",
            "units/a.md": "---\ntitle: A\nobjectives:\n  o: O\n---\n\nNo question for o.\n",
        }
    )
    result = invoke("check", course)
    assert result.exit_code == 0
    (line,) = result.stderr.splitlines()
    assert line.startswith("units/a.md:4: warning: objective 'o' has no question")
    assert line.endswith("[no-question]")
    assert "1 warning." in result.stdout
    assert invoke("check", course, "--strict").exit_code == 1


def test_check_reports_every_error_with_file_and_line(make_course) -> None:  # type: ignore[no-untyped-def]
    course = make_course(
        {
            "course.yml": "title: Broken\nmastry: 80%\n",
            "units/01-a.md": "---\ntitle: A\nrequires: [nowhere]\n---\n\nText.\n",
            "units/02-b.md": "---\ntitle: B\nrequires: [c]\n---\n",
            "units/03-c.md": "---\ntitle: C\nrequires: [b]\n---\n",
        }
    )
    result = invoke("check", course)
    assert result.exit_code == 1
    no_traceback(result)
    err = result.stderr
    assert "course.yml:2: unknown key 'mastry' — did you mean 'mastery'?" in err
    assert "units/01-a.md:3: requires unknown unit id 'nowhere'" in err
    assert "units/02-b.md:3: prerequisite cycle: b -> c -> b" in err


def test_check_missing_course_folder(tmp_path: Path) -> None:
    result = invoke("check", tmp_path / "nope")
    assert result.exit_code == 1
    assert "course folder not found" in result.stderr


# --- the program itself --------------------------------------------------------------------------


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"masterysite, version {__version__}"


def test_help_lists_the_commands() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    for command in ("new", "build", "check", "serve"):
        assert command in result.stdout


def run_module(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("MASTERYSITE_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "masterysite", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60
    )


def test_python_m_masterysite_help(tmp_path: Path) -> None:
    result = run_module("--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout
    for command in ("new", "build", "check", "serve"):
        assert command in result.stdout


def test_python_m_masterysite_error_has_no_traceback(tmp_path: Path) -> None:
    result = run_module("build", "missing-course", cwd=tmp_path)
    assert result.returncode == 1
    assert "missing-course: course folder not found" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "build").exists()


def test_check_names_a_file_that_is_not_utf8(make_course) -> None:  # type: ignore[no-untyped-def]
    course = make_course({"course.yml": "title: Enc\n", "units/a.md": b"---\ntitle: A\n---\n\nCaf\xe9\n"})
    result = invoke("check", course)
    assert result.exit_code == 1
    no_traceback(result)
    assert "units/a.md:5: file is not UTF-8" in result.stderr


def test_check_names_the_line_of_malformed_course_yml(make_course) -> None:  # type: ignore[no-untyped-def]
    course = make_course({"course.yml": "title: [Enc\nid: x\n", "units/a.md": "# A\n"})
    result = invoke("check", course)
    assert result.exit_code == 1
    no_traceback(result)
    assert "course.yml:2: malformed YAML" in result.stderr


def test_python_m_masterysite_build_leaves_quickly_and_cleans_up(make_course, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`build` ends with os._exit (no teardown of what it holds), after the exit handlers: the
    temporary cache used when the course's own cannot be written is removed, and every line
    printed is there."""
    course = make_course(
        {
            "course.yml": "title: Quick\n",
            "units/a.md": "---\ntitle: A\n---\n\n![](missing-alt.png)\n",
            "units/missing-alt.png": b"\x89PNG\r\n\x1a\n",
        }
    )
    (course / ".masterysite").mkdir(exist_ok=True)
    (course / ".masterysite" / "cache").write_text("in the way\n")  # the cache cannot be made here
    temp = tmp_path / "temp"
    temp.mkdir()
    env_tmp = {"TMPDIR": str(temp)}
    result = subprocess.run(
        [sys.executable, "-m", "masterysite", "build", str(course), "-o", str(tmp_path / "site")],
        env={**os.environ, "PYTHONPATH": str(REPO), **env_tmp},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("site/index.html")
    assert "no alt text" in result.stderr
    assert (tmp_path / "site" / "index.html").is_file()
    assert list(temp.iterdir()) == []  # the temporary cache went with the exit handlers


def test_in_the_course_folder_the_package_and_the_report_go_beside_it(
    example_course: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The course folder may be a public repository: the zip, and the report with students' names,
    are written beside it when no -o is given."""
    monkeypatch.chdir(example_course)
    packaged = invoke("package", "--scorm", "1.2")
    assert packaged.exit_code == 0, packaged.output
    assert list(example_course.parent.glob("*-scorm12.zip")) and not list(example_course.glob("*.zip"))
    import json

    from masterysite.build import load_course
    from tests.exports import export

    course = load_course(example_course).course
    assert course is not None
    file = example_course.parent / "ana.json"
    file.write_text(json.dumps(export(course, "Ana", {course.units[0].id: [5]})), encoding="utf-8")
    reported = invoke("report", str(file))
    assert reported.exit_code == 0, reported.output
    assert (example_course.parent / "report.html").is_file() and not (example_course / "report.html").exists()
