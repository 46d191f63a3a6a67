"""Every mistake a teacher can make gets an actionable ``path:line: message`` and never costs the last good site.

The corpus lives in ``tests/broken/``: one folder per mistake, holding the broken ``course/`` and
``expected.txt``, the exact output of ``masterysite check course`` (``--strict`` for ``warn-*`` cases).
Each case is run twice through the CLI: ``check``, and ``build`` over a previous good build whose files
must be byte-for-byte unchanged afterwards. ``_good/`` is that previous good course.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import masterysite.build as build_module
from masterysite.build import build
from masterysite.cli import main

CORPUS = Path(__file__).parent / "broken"
GOOD = CORPUS / "_good" / "course"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "expected.txt").is_file())
WARNING_CASES = [name for name in CASES if name.startswith("warn-")]


def _huge_unit(course: Path) -> None:
    """Over 5 MB: generated here rather than checked in."""
    text = "---\ntitle: Huge\n---\n" + "All work and no play.\n" * 300_000
    (course / "units" / "02-huge.md").write_text(text, encoding="utf-8")


SECRET = "-----BEGIN PRIVATE KEY----- not for students"


def _outside(course: Path) -> Path:
    """A folder beside the course (the machine's files, as far as the course is concerned)."""
    folder = course.parent / "outside"
    folder.mkdir(exist_ok=True)
    return folder


def _link_asset_key(course: Path) -> None:
    (_outside(course) / "id_ed25519").write_text(SECRET, encoding="utf-8")
    (course / "assets" / "key").symlink_to("../../outside/id_ed25519")


def _link_asset_env(course: Path) -> None:
    (course / "assets" / "env").symlink_to("/proc/self/environ")  # a CI's tokens


def _link_theme_static(course: Path) -> None:
    (course / "theme" / "static").mkdir(parents=True)
    (course / "theme" / "static" / "x").symlink_to("/etc/hostname")


def _link_unit(course: Path) -> None:
    (_outside(course) / "secret.md").write_text(f"---\ntitle: Secret\n---\n{SECRET}\n", encoding="utf-8")
    (course / "units" / "03-secret.md").symlink_to(_outside(course) / "secret.md")


def _link_folder(course: Path) -> None:
    (_outside(course) / "bar.svg").write_text(f"<svg xmlns='http://www.w3.org/2000/svg'><!-- {SECRET} --></svg>")
    (course / "assets" / "shared").symlink_to(_outside(course), target_is_directory=True)


# a course secret (64 hex digits): never in a message or the site
HIDDEN_SECRET = "5ec2e7a94f0b8d3c61e2f7a5098b4d1c3e6f2a7b8c9d0e1f2a3b4c5d6e7f8091"
TOKEN = "extraheader = AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46bm90LWZvci1zdHVkZW50cw=="  # a CI checkout's


def _private(course: Path) -> None:
    """The course's own private files: its secret, and git's config with a CI checkout's token."""
    (course / ".masterysite").mkdir(exist_ok=True)
    (course / ".masterysite" / "secret").write_text(HIDDEN_SECRET + "\n", encoding="ascii")
    (course / ".git").mkdir(exist_ok=True)
    (course / ".git" / "config").write_text(f'[http "https://github.com/"]\n\t{TOKEN}\n', encoding="utf-8")


def _hidden_asset(course: Path) -> None:
    _private(course)
    (course / "assets" / "s").symlink_to("../.masterysite/secret")
    (course / "theme" / "static").mkdir(parents=True)
    (course / "theme" / "static" / "git").symlink_to("../../.git", target_is_directory=True)


def _hidden_named(course: Path) -> None:
    _private(course)
    (course / "assets" / "key").symlink_to("../.git/config")


def _hidden_unit(course: Path) -> None:
    _private(course)
    (course / "units" / "03-secret.md").symlink_to("../.masterysite/secret")


def _unit_source(course: Path) -> None:
    """Links to the unit sources, whose Markdown holds every answer: a file, a folder of them."""
    (course / "assets" / "worksheet.txt").symlink_to("../units/01-whole.md")
    (course / "assets" / "handouts").symlink_to("../units", target_is_directory=True)


GENERATED: dict[str, Callable[[Path], None]] = {
    "unit-huge": _huge_unit,
    "outside-link-asset-key": _link_asset_key,
    "outside-link-asset-env": _link_asset_env,
    "outside-link-theme-static": _link_theme_static,
    "outside-link-unit": _link_unit,
    "outside-link-folder": _link_folder,
    "hidden-link-asset": _hidden_asset,
    "hidden-link-named": _hidden_named,
    "hidden-link-unit": _hidden_unit,
    "hidden-link-unit-source": _unit_source,
}
OUTSIDE_CASES = [name for name in GENERATED if name.startswith(("outside-link-", "hidden-link-"))]


def tree_hash(folder: Path) -> dict[str, str]:
    """Every file and folder below ``folder`` (hidden ones too) -> a digest of its bytes."""
    out: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        key = path.relative_to(folder).as_posix()
        out[key] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return out


@pytest.fixture(scope="session")
def previous_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One good build, copied into every case's folder as the site a failed build must not touch."""
    site = tmp_path_factory.mktemp("previous") / "site"
    build(GOOD, site, jobs=1)
    assert (site / "index.html").is_file()
    return site


@pytest.fixture
def workdir(tmp_path: Path, previous_site: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(previous_site, tmp_path / "site")
    monkeypatch.chdir(tmp_path)  # messages name paths relative to the course, and 'course' as given
    return tmp_path


def prepare(case: str, workdir: Path) -> None:
    source = CORPUS / case / "course"
    if source.is_dir():
        shutil.copytree(source, workdir / "course")
    if case in GENERATED:
        GENERATED[case](workdir / "course")


def expected(case: str) -> str:
    return (CORPUS / case / "expected.txt").read_text(encoding="utf-8")


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def assert_failed_cleanly(result: Result, case: str) -> None:
    assert "Traceback" not in result.output
    assert result.output == expected(case)
    assert result.exit_code == 1


def strict(case: str) -> list[str]:
    return ["--strict"] if case.startswith("warn-") else []


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 25
    assert len(WARNING_CASES) >= 5


@pytest.mark.parametrize("case", CASES)
def test_check_reports_every_problem(case: str, workdir: Path) -> None:
    prepare(case, workdir)
    result = invoke("check", "course", *strict(case))  # (check writes nothing: it says the course does not pass)
    assert result.output.endswith("; the course does not pass.\n") or "Traceback" in result.output
    result.output_bytes = result.output_bytes.replace(b"; the course does not pass.\n", b"; nothing was written.\n")
    assert_failed_cleanly(result, case)


@pytest.mark.parametrize("case", CASES)
def test_failed_build_leaves_previous_site_untouched(case: str, workdir: Path) -> None:
    prepare(case, workdir)
    before = tree_hash(workdir / "site")
    result = invoke("build", "course", "-o", "site", *strict(case))
    assert_failed_cleanly(result, case)
    assert tree_hash(workdir / "site") == before
    left = {p.name for p in workdir.iterdir()}
    assert left - {"course", "outside"} == {"site"}  # no temporary folder left behind


@pytest.mark.parametrize("case", OUTSIDE_CASES)
def test_nothing_outside_the_course_is_read_or_published(case: str, workdir: Path) -> None:
    """Neither the messages nor the site carry a byte of a file outside the course."""
    prepare(case, workdir)
    environ = Path("/proc/self/environ").read_text(errors="replace").split("\0")
    secrets = [SECRET, HIDDEN_SECRET, TOKEN] + [v for v in environ if len(v) > 12]
    hostname = Path("/etc/hostname")
    if hostname.is_file() and len(hostname.read_text().strip()) >= 8:
        secrets.append(hostname.read_text().strip())
    for args in (["check", "course"], ["build", "course", "-o", "site"]):
        output = invoke(*args).output
        assert not [secret for secret in secrets if secret in output]
    published = b"".join(p.read_bytes() for p in (workdir / "site").rglob("*") if p.is_file())
    assert not [secret for secret in secrets if secret.encode() in published]


@pytest.mark.parametrize("link", [".masterysite", ".masterysite/cache", ".masterysite/cache/units"])
def test_a_linked_secret_or_cache_folder_is_refused(link: str, workdir: Path) -> None:
    """Builds write and remove files in .masterysite/ (``--no-cache`` removes the cache folder):
    a course cannot point it elsewhere on the machine."""
    shutil.copytree(GOOD, workdir / "course", ignore=shutil.ignore_patterns(".masterysite"))
    victim = workdir / "outside" / "victim"
    (victim / "keep").mkdir(parents=True)
    (workdir / "course" / link).parent.mkdir(parents=True, exist_ok=True)
    (workdir / "course" / link).symlink_to(victim, target_is_directory=True)
    before = tree_hash(workdir / "site")
    for args in (["build", "course", "-o", "site"], ["build", "course", "-o", "site", "--no-cache"]):
        result = invoke(*args)
        assert result.exit_code == 1
        assert result.output == (
            f"{link}: a symbolic link where builds write and remove the course secret and the build cache (it would "
            "take them elsewhere on the machine): remove the link; MASTERYSITE_SECRET keeps a secret elsewhere\n"
            "1 error; nothing was written.\n"
        )
    assert sorted(p.name for p in victim.iterdir()) == ["keep"]
    assert tree_hash(workdir / "site") == before


@pytest.mark.parametrize("kind", ["device", "pipe"])
def test_a_device_or_a_pipe_in_the_secrets_folder_is_refused(kind: str, workdir: Path) -> None:
    """Every build reads the files of .masterysite/ (the secret: what changes a build): a link there to /dev/zero,
    which git keeps, took 7 GB in 15 s; a named pipe, which tar keeps, held the build for ever (security round ee 4).
    An error naming it, at once, for build, --no-cache and package; the last good site stays."""
    shutil.copytree(GOOD, workdir / "course", ignore=shutil.ignore_patterns(".masterysite"))
    assert invoke("build", "course", "-o", "site").exit_code == 0
    before = tree_hash(workdir / "site")
    notes = workdir / "course" / ".masterysite" / "notes"
    if kind == "device":
        notes.symlink_to("/dev/zero")
    else:
        os.mkfifo(notes)
    runs = (["build", "course", "-o", "site"], ["build", "course", "-o", "site", "--no-cache"])
    for args in (*runs, ["package", "course", "--scorm", "1.2", "-o", "p.zip"]):
        result = invoke(*args)
        assert result.exit_code == 1
        assert result.output == (
            ".masterysite/notes: not a file (a named pipe, a device, or a link to one): builds read what is here;"
            " remove it\n1 error; nothing was written.\n"
        )
    assert tree_hash(workdir / "site") == before and not (workdir / "p.zip").exists()


@pytest.mark.parametrize("case", WARNING_CASES)
def test_warnings_do_not_stop_a_build(case: str, workdir: Path) -> None:
    prepare(case, workdir)
    result = invoke("build", "course", "-o", "site")
    assert result.exit_code == 0, result.output
    warnings = [line for line in expected(case).splitlines() if ": warning: " in line]
    assert warnings and all(line in result.output.splitlines() for line in warnings)
    assert (workdir / "site" / "index.html").is_file()


def test_check_of_a_clean_course_passes_strict(workdir: Path) -> None:
    shutil.copytree(GOOD, workdir / "course")
    result = invoke("check", "course", "--strict")
    assert result.exit_code == 0, result.output
    assert result.output == "course: 2 units, no errors, 0 warnings.\n"


def test_output_is_deterministic(workdir: Path) -> None:
    prepare("many-errors-one-run", workdir)
    outputs = {invoke("build", "course").output for _ in range(3)}
    assert outputs == {expected("many-errors-one-run")}


def test_spec_example_message() -> None:
    """SPEC §4 quotes this message; ours keeps it as a prefix and adds the did-you-mean."""
    line = next(x for x in expected("question-unknown-objective").splitlines() if "question refers" in x)
    assert line.startswith(
        "units/02-equivalent.md:14: question refers to unknown objective 'scael' (objectives: scale, compare)"
    )


def _interrupt(after: int) -> Callable[..., str]:
    calls = {"n": 0}
    real = build_module.render_unit

    def render_unit(*args: object, **kwargs: object) -> str:
        calls["n"] += 1
        if calls["n"] > after:
            raise KeyboardInterrupt
        return real(*args, **kwargs)  # type: ignore[arg-type]

    return render_unit


@pytest.mark.parametrize("after", [0, 1])
def test_interrupted_build_leaves_previous_site_and_no_temp_folder(
    after: int, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(GOOD, workdir / "course")
    (workdir / "course" / "units" / "01-whole.md").write_text("---\ntitle: Changed\n---\n# x\n", encoding="utf-8")
    before = tree_hash(workdir / "site")
    monkeypatch.setattr(build_module, "render_unit", _interrupt(after))
    with pytest.raises(KeyboardInterrupt):
        build(workdir / "course", workdir / "site", jobs=1)
    assert tree_hash(workdir / "site") == before
    assert sorted(p.name for p in workdir.iterdir()) == ["course", "site"]


def test_interrupted_page_render_leaves_previous_site(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(GOOD, workdir / "course")
    before = tree_hash(workdir / "site")

    def render_page(*_args: object, **_kwargs: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "render_page", render_page)
    with pytest.raises(KeyboardInterrupt):
        build(workdir / "course", workdir / "site", jobs=1)
    assert tree_hash(workdir / "site") == before
    assert sorted(p.name for p in workdir.iterdir()) == ["course", "site"]


def test_a_link_whose_folder_name_no_file_system_accepts_is_a_broken_link(make_course: Callable[..., Path]) -> None:
    """Found by tests/test_fuzz_parser.py: a first path part too long for any file system
    (OSError 'file name too long') is reported at its line, not raised."""
    long = "x" * 300
    root = make_course(
        {
            "course.yml": "title: C\nunits:\n  - units/01-a.md\n",
            "units/01-a.md": f"---\ntitle: A\n---\n\nSee [this](../{long}/data.csv).\n",
        }
    )
    report = build_module.load_course(root).report
    assert [p.line for p in report.errors] == [5]
    assert f"the course has no '{long}/' folder" in report.errors[0].message


def test_a_hard_link_to_the_secret_or_a_unit_source_is_refused(workdir: Path) -> None:
    """The same file under two names: a tar or rsync copy of a course keeps hard links, and no symbolic
    link shows it. assets/notes.txt as .masterysite/secret published the key to every answer."""
    shutil.copytree(GOOD, workdir / "course", ignore=shutil.ignore_patterns(".masterysite"))
    course = workdir / "course"
    assert invoke("build", "course", "-o", "first").exit_code == 0  # makes the secret
    unit = sorted((course / "units").glob("*.md"))[0]
    (course / "assets").mkdir(exist_ok=True)
    os.link(course / ".masterysite" / "secret", course / "assets" / "notes.txt")
    os.link(unit, course / "assets" / "source.txt")
    (course / "assets" / "own.txt").write_text("mine", encoding="utf-8")
    os.link(course / "assets" / "own.txt", course / "assets" / "own-again.txt")  # two names of a published file: fine
    before = tree_hash(workdir / "site")
    result = invoke("build", "course", "-o", "site")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "assets/notes.txt: this file is a hard link to the hidden file '.masterysite/secret' (the same file); hidden"
        " files (the course secret and build cache in .masterysite/, git's files) are never published: remove the link",
        f"assets/source.txt: this file is a hard link to the unit source 'units/{unit.name}' (the same file); a unit's"
        " Markdown holds its answers and is never published: remove the link (link to the unit's page)",
        "2 errors; nothing was written.",
    ]
    assert tree_hash(workdir / "site") == before


def test_a_hard_link_anywhere_a_unit_links_is_refused(workdir: Path) -> None:
    """Files a unit links to beside the units (units/fig/data.txt, data/table.csv) are published too: a hard
    link there to a unit source or the course secret had been published (review r)."""
    shutil.copytree(GOOD, workdir / "course", ignore=shutil.ignore_patterns(".masterysite"))
    course = workdir / "course"
    assert invoke("build", "course", "-o", "first").exit_code == 0  # makes the secret
    unit = sorted((course / "units").glob("*.md"))[0]
    (course / "units" / "fig").mkdir(exist_ok=True)
    (course / "data").mkdir()
    os.link(unit, course / "units" / "fig" / "data.txt")
    os.link(course / ".masterysite" / "secret", course / "data" / "table.csv")
    text = unit.read_text(encoding="utf-8")
    unit.write_text(text + "\n\nSee [the data](fig/data.txt) and [the table](../data/table.csv).\n", encoding="utf-8")
    result = invoke("build", "course", "-o", "site")
    assert result.exit_code == 1
    line = text.count("\n") + 3
    assert [x for x in result.output.splitlines() if "hard link" in x] == [
        f"units/{unit.name}:{line}: link '../data/table.csv' shows 'data/table.csv': this file is a hard link to the"
        " hidden file '.masterysite/secret' (the same file); hidden files (the course secret and build cache in"
        " .masterysite/, git's files) are never published: remove the link",
        f"units/{unit.name}:{line}: link 'fig/data.txt' shows 'units/fig/data.txt': this file is a hard link to the"
        f" unit source 'units/{unit.name}' (the same file); a unit's Markdown holds its answers and is never"
        " published: remove the link (link to the unit's page)",
    ]


@pytest.mark.parametrize(
    ("course_yml", "expected"),
    [
        (
            "title: T\nid: theme\n",
            "course.yml:2: id 'theme' is the name under which the browser keeps the light or dark setting (switching"
            " it would erase this course's progress): choose another, like 'id: theme-course'",
        ),
        (
            "title: Theme\n",
            "course.yml:1: the course's id, made from its title, would be 'theme', the name under which the browser"
            " keeps the light or dark setting (switching it would erase this course's progress): add an 'id:' of its"
            " own, like 'id: theme-course'",
        ),
    ],
)
def test_a_course_id_the_theme_switch_uses_is_refused(
    make_course: Callable[..., Path], course_yml: str, expected: str
) -> None:
    """Progress is kept as "masterysite:<course id>", the light/dark switch as "masterysite:theme": a course
    with the id 'theme' lost its progress at one click of the switch, in any course of the site (review r)."""
    root = make_course({"course.yml": course_yml, "units/a.md": "---\ntitle: A\n---\nText.\n"})
    report = build_module.load_course(root).report
    assert [str(e) for e in report.errors] == [expected]


@pytest.mark.parametrize(
    ("title", "made"),
    [
        ("Python 入門", "'python': an id is written in ASCII, so the title's '入門'"),
        ("الكسور", "'course'"),
        ("Ünité", None),
    ],
)
def test_a_course_id_that_leaves_out_the_titles_letters_is_said(
    make_course: Callable[..., Path], title: str, made: str | None
) -> None:
    """'Python 入門' and 'Python 応用' were both 'python', an Arabic title 'course': two such courses on one site
    shared their students' progress, a unit mastered in one mastered in the other, and nothing said so (ii new
    4). A warning on the title's line; an accent is no letter left out ('Ünité' is 'unite')."""
    root = make_course({"course.yml": f"title: {title}\n", "units/a.md": "---\ntitle: A\n---\nText.\n"})
    found = [str(p) for p in build_module.load_course(root).report.problems if p.code == "course-id"]
    if made is None:
        assert found == []
    else:
        assert len(found) == 1 and found[0].startswith(
            f"course.yml:1: warning: the course's id, made from its title, is {made}"
        )


def test_a_published_file_that_holds_answers_is_refused(make_course: Callable[..., Path]) -> None:
    """assets/ is published as it is: a unit's old copy kept there published every answer and the instructor's
    note, and a notebook linked from a unit its nbgrader solution, with no word (ii security 3). An error at the
    file; a worksheet with no answers, or a heading 'Solution', is published."""
    unit = "---\ntitle: A\n---\nSee [the notebook](../assets/lab.ipynb) and [the sheet](../assets/sheet.md).\n"
    old = "---\ntitle: Old\n---\nText.\n\n::: question o\nHalf of 8?\n\n= 4\n:::\n"
    notebook = '{"cells": [{"cell_type": "code", "source": ["### BEGIN SOLUTION\\n", "x = 42\\n"]}]}'
    files = {
        "course.yml": "title: T\n",
        "units/a.md": unit,
        "assets/old/a-OLD.md": old,
        "assets/lab.ipynb": notebook,
        "assets/sheet.md": "# Worksheet\n\n## Solution\n\nWork it out.\n",
    }
    errors = [str(e) for e in build_module.load_course(make_course(files)).report.errors]
    assert [e.split(": ", 1)[0] for e in errors] == ["assets/lab.ipynb", "assets/old/a-OLD.md:6"], errors
    assert "('::: question': answers, solutions or teachers' notes): move it out of the course folder" in errors[1]


def test_a_link_in_assets_to_a_units_backup_is_refused(make_course: Callable[..., Path]) -> None:
    """'assets/a.txt' a symbolic link to 'units/01-a.md~' (the editor's backup beside the unit) was published with
    every answer: a file inside units/ was taken for a unit's own source, said elsewhere (jj security 2)."""
    old = "---\ntitle: Old\n---\nText.\n\n::: question o\nHalf of 8?\n\n= 4\n:::\n"
    files = {"course.yml": "title: T\n", "units/a.md": "---\ntitle: A\n---\nText.\n", "units/a.md~": old}
    root = make_course(files)
    (root / "assets").mkdir()
    os.symlink("../units/a.md~", root / "assets" / "a.txt")
    errors = [str(e) for e in build_module.load_course(root).report.errors]
    assert len(errors) == 1 and errors[0].startswith("assets/a.txt:6: this file is published as it is, and it holds")


@pytest.mark.parametrize(
    "source",
    [
        ["def square(x):\n", "    return x * x # SOLUTION\n"],  # otter-grader's master notebook
        ["# BEGIN TESTS\n", "assert square(3) == 9\n"],
        ["# MASTER ONLY\n", "answer = 42\n"],  # Google's prog_edu_assistant
    ],
)
def test_an_autograders_master_notebook_is_refused(make_course: Callable[..., Path], source: list[str]) -> None:
    """otter-grader's master notebook ('x = 2 # SOLUTION', '# BEGIN TESTS') and prog_edu_assistant's '# MASTER ONLY'
    cells were published from assets/, where nbgrader's were refused (jj security 3)."""
    notebook = json.dumps({"cells": [{"cell_type": "code", "source": source}]})
    files = {"course.yml": "title: T\n", "units/a.md": "---\ntitle: A\n---\nText.\n", "assets/hw.ipynb": notebook}
    errors = [str(e) for e in build_module.load_course(make_course(files)).report.errors]
    assert len(errors) == 1 and errors[0].startswith("assets/hw.ipynb: this file is published as it is, and it holds")


@pytest.mark.parametrize("name", ["01-a.md~", "#01-a.md#", "01-a.md.bak", "01-a.md.orig", "01-a.old.txt", "a.MD.swp"])
def test_an_editors_backup_of_a_unit_is_refused_too(make_course: Callable[..., Path], name: str) -> None:
    """A unit's copy under the name an editor or a tool leaves (emacs's '~' and '#…#', '.bak', git's '.orig') or a
    teacher's '.old.txt' was published with every answer: only '.md' and its kind were read (jj security 3)."""
    old = "---\ntitle: Old\n---\nText.\n\n::: question o\nHalf of 8?\n\n= 4\n:::\n"
    files = {"course.yml": "title: T\n", "units/a.md": "---\ntitle: A\n---\nText.\n", f"assets/{name}": old}
    errors = [str(e) for e in build_module.load_course(make_course(files)).report.errors]
    assert errors == [
        f"assets/{name}:6: this file is published as it is, and it holds what a unit never shows ('::: question':"
        " answers, solutions or teachers' notes): move it out of the course folder, or remove them"
    ]


HIDDEN_SVG = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   width="200" height="100" inkscape:export-filename="/home/msrivera/Documents/keys/bar-key.png">
  <rect width="200" height="100" fill="#ccc"/>
  <!-- answer: 5/6 -->
  <g inkscape:label="Answer key" style="display:none"><text x="10" y="50">Answer: 5/6</text></g>
</svg>
"""


def test_a_published_picture_that_holds_what_it_does_not_show_is_said(make_course: Callable[..., Path]) -> None:
    """An SVG in assets/ with a hidden 'Answer key' layer, an answer in a comment and the teacher's home folder
    was published byte for byte, with no word (ii security 2). A warning at the file; Inkscape's and Illustrator's
    own comments (the Carpentries' figures have the latter) and a visible drawing are no cause."""
    clean = '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><!-- Created with Inkscape --><rect/></svg>'
    illustrator = clean.replace("Created with Inkscape", "Generator: Adobe Illustrator 19.0.0, SVG Export Plug-In")
    files = {"course.yml": "title: T\n", "units/a.md": "---\ntitle: A\n---\nText.\n"}
    root = make_course({**files, "assets/bar.svg": HIDDEN_SVG, "assets/ok.svg": clean, "assets/ai.svg": illustrator})
    found = [str(p) for p in build_module.load_course(root).report.problems if p.code == "hidden-in-file"]
    assert found == [
        "assets/bar.svg: warning: this picture is published as it is, with what it does not show: a hidden layer"
        " 'Answer key' with the words 'Answer: 5/6', a comment 'answer: 5/6', a path of your computer"
        " '/home/msrivera…'; anyone who opens the file can read them: delete them and save again (Inkscape: File >"
        " Save a Copy, Optimized SVG, with comments and metadata removed) [hidden-in-file]"
    ]


def _photo(gps: bool) -> bytes:
    """A 1-pixel JPEG with an Exif block, which holds a GPS position (Paris) or only the camera's make."""
    import base64
    import struct

    jpeg = base64.b64decode(
        "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////"
        "////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA="
    )

    def ifd(entries: list[tuple[int, int, int, bytes]]) -> bytes:
        data = struct.pack("<H", len(entries))
        for tag, kind, count, value in entries:
            data += struct.pack("<HHI", tag, kind, count) + value
        return data + struct.pack("<I", 0)

    at = 8 + 2 + 12 + 4
    latitude = ifd([(1, 2, 2, b"N\0\0\0"), (2, 5, 3, struct.pack("<I", at + 2 + 12 * 2 + 4)), (3, 2, 2, b"E\0\0\0")])
    tag = 0x8825 if gps else 0x010F  # (GPSInfo, or Make)
    tiff = b"II*\0" + struct.pack("<I", 8) + ifd([(tag, 4, 1, struct.pack("<I", at))]) + latitude
    tiff += struct.pack("<6I", 48, 1, 51, 1, 2437, 100)
    app1 = b"Exif\0\0" + tiff
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + jpeg[2:]


def test_a_photo_that_says_where_it_was_taken_is_said(make_course: Callable[..., Path]) -> None:
    """A phone's photo holds its GPS position by default (a class garden, a teacher's kitchen): it was published
    with no word, while an SVG holding a home folder was warned about (jj security 9). A warning at the file; a
    photo with other Exif data, or none, is no cause."""
    files = {"course.yml": "title: T\n", "units/a.md": "---\ntitle: A\n---\nText.\n"}
    root = make_course({**files, "assets/garden.jpg": _photo(True), "assets/make.jpg": _photo(False)})
    found = [str(p) for p in build_module.load_course(root).report.problems if p.code == "hidden-in-file"]
    assert len(found) == 1 and found[0].startswith(
        "assets/garden.jpg: warning: this photo is published as it is, with where it was taken (its GPS position"
    )


def test_a_draft_is_refused_even_with_its_key_declared(make_course: Callable[..., Path]) -> None:
    """'draft: true' (Hugo, Jekyll, Quarto) was an unknown key whose error advised 'extra_keys: [draft]'; declared,
    the draft was published and listed on the course page (ii security 4). An error, declared or not; 'draft:
    false' is a key like another."""
    unit = "---\ntitle: A\n{}\n---\nText.\n"
    for course_yml in ("title: T\n", "title: T\nextra_keys: [draft, published]\n"):
        root = make_course(
            {
                "course.yml": course_yml,
                "units/a.md": unit.format("draft: true"),
                "units/b.md": unit.format("published: false"),
            }
        )
        errors = [str(e) for e in build_module.load_course(root).report.errors]
        assert [e.split(" ", 2)[:2] for e in errors] == [["units/a.md:3:", "'draft:"], ["units/b.md:3:", "'published:"]]
        assert "list the units to publish in course.yml's 'units:' without it" in errors[0]
    root = make_course(
        {"course.yml": "title: T\nextra_keys: [draft]\n", "units/a.md": unit.format("draft: false")}, name="ok"
    )
    assert build_module.load_course(root).report.errors == []


def test_a_link_to_a_unit_source_in_another_case_is_refused_on_every_file_system(tmp_path: Path) -> None:
    """On a Mac, Windows or a USB stick, 'units/02-quadrilaterals.MD' or '/Units/02-quadrilaterals.md' opens the
    unit's source: the link passed, and the build published every answer of the unit (security round dd 2).
    The same error wherever the course is built, with the name to write."""
    from masterysite.contain import source_target
    from masterysite.parse.links import unpublished

    course = tmp_path / "c"
    assert invoke("new", str(course)).exit_code == 0
    unit = course / "units" / "01-triangles.md"
    links = "\nRead on: [next](02-quadrilaterals.MD), [top](/Units/02-quadrilaterals.md).\n"
    unit.write_text(unit.read_text(encoding="utf-8") + links, encoding="utf-8")
    result = invoke("check", str(course))
    hint = "(a name is read with its case, as a web server reads it)"
    assert [line.split(": ", 1)[1] for line in result.output.splitlines() if "did you mean" in line] == [
        f"link '/Units/02-quadrilaterals.md': unit file 'Units/02-quadrilaterals.md' is not in the course: did you"
        f" mean '/units/02-quadrilaterals.md'? {hint}",
        f"link '02-quadrilaterals.MD': unit file 'units/02-quadrilaterals.MD' is not in the course: did you mean"
        f" '02-quadrilaterals.md'? {hint}",
    ]
    assert "which is a unit's source" in unpublished("Units/x.MD", set())
    (course / "Units").mkdir()  # (what a case-blind file system shows of units/: a link there leads to a source)
    (course / "Units" / "x.md").write_text("= 42\n", encoding="utf-8")
    (course / "assets" / "n.md").symlink_to("../Units/x.md")
    assert source_target(course, course / "assets" / "n.md") == "Units/x.md"


def test_a_file_in_assets_has_a_name_every_copy_can_hold(tmp_path: Path) -> None:
    """assets/ is published whole: a file named 'x\\..\\..\\index.html' (git on Linux carries it) or 'con.txt'
    was published and zipped, where Windows reads the first as the site's own index.html (security round dd 8).
    The names a linked file must have, each."""
    course = tmp_path / "c"
    assert invoke("new", str(course)).exit_code == 0
    (course / "assets").mkdir(exist_ok=True)
    for name in ("x\\..\\..\\index.html", "con.txt", "fine.txt"):
        (course / "assets" / name).write_text("x\n", encoding="utf-8")
    result = invoke("check", str(course))
    said = [line.split(": this file is published with the rest of assets/, ")[0] for line in result.output.splitlines()]
    assert [line for line in said if line.startswith("assets/")] == ["assets/con.txt", "assets/x\\..\\..\\index.html"]
    assert "whose name Windows and USB sticks cannot hold" in result.output and result.exit_code == 1
