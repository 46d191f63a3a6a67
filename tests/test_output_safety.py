"""The output folder: a symlinked -o is updated where it points; a build killed between its two
renames never leaves the teacher without their last good site."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import MakeCourse

from masterysite import build as build_module
from masterysite.build import MARKER, build
from masterysite.cli import main


def test_a_symlinked_output_folder_is_updated_in_place(example_course: Path, tmp_path: Path) -> None:
    www = tmp_path / "www"
    www.mkdir()
    link = tmp_path / "site"
    link.symlink_to(www)
    build(example_course, link)
    build(example_course, link)
    assert link.is_symlink() and (www / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["course", "site", "www"]


def test_interrupted_between_the_renames_puts_the_old_site_back(
    example_course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    build(example_course, out)
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    real_rename = os.rename
    calls: list[object] = []

    def rename(src: object, dst: object) -> None:
        calls.append(src)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real_rename(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module.os, "rename", rename)
    with pytest.raises(KeyboardInterrupt):
        build(example_course, out)
    monkeypatch.undo()
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before


def test_a_site_left_aside_by_a_killed_build_is_restored(example_course: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(example_course, out)
    os.rename(out, tmp_path / ".site.old-12345")  # what a build killed at the wrong moment leaves
    build(example_course, out)
    assert (out / MARKER).is_file()
    assert not (tmp_path / ".site.old-12345").exists()


def test_serve_refuses_a_port_that_cannot_exist(example_course: Path) -> None:
    result = CliRunner().invoke(main, ["serve", str(example_course), "-p", "70000"])
    assert result.exit_code == 2
    assert "70000 is not in the range 1<=x<=65535" in result.output


def test_a_named_pipe_in_the_course_never_hangs_a_build(make_course: MakeCourse, tmp_path: Path) -> None:
    """A FIFO in units/ (left by a tool) had hung every build for ever: reading one waits for a writer
    (review s). One course.yml lists is an error naming it; one it does not list is left alone."""
    import subprocess
    import sys

    course = make_course({"course.yml": "title: T\nunits:\n  - a.md\n", "units/a.md": "---\ntitle: A\n---\nHi.\n"})
    os.mkfifo(course / "units" / "notes.md")
    command = [sys.executable, "-m", "masterysite", "build", str(course), "-o", str(tmp_path / "site")]
    for _ in range(2):  # (the second: a build that first asks whether anything changed)
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    (course / "course.yml").write_text("title: T\nunits:\n  - a.md\n  - notes.md\n", encoding="utf-8")
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "'units/notes.md' is not a regular file (a named pipe or a device?): remove it or put a file" in done.stderr


def test_the_teachers_own_files_in_the_site_folder_are_kept(example_course: Path, tmp_path: Path) -> None:
    """A gh-pages clone's '.git', '.nojekyll' and 'CNAME' in the built folder had been deleted by the next
    build, unsaid (review s); they are the teacher's, as mkdocs keeps them. What a build made is replaced."""
    out = tmp_path / "site"
    build(example_course, out)
    (out / "CNAME").write_text("www.example.org\n", encoding="utf-8")
    (out / ".nojekyll").touch()
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    (out / "stale.html").write_text("old", encoding="utf-8")  # not the teacher's way to add a page: replaced
    build(example_course, out, cache=False)
    assert (out / "CNAME").read_text(encoding="utf-8") == "www.example.org\n" and (out / ".nojekyll").is_file()
    assert (out / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/gh-pages\n"
    assert not (out / "stale.html").exists() and (out / MARKER).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["course", "site"]


def test_the_folder_you_are_in_is_refused_as_the_output_with_what_to_do(
    example_course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'-o .' had been 'internal error: ValueError: PosixPath('.') has an empty name' (review s)."""
    here = tmp_path / "empty"
    here.mkdir()
    monkeypatch.chdir(here)
    result = CliRunner().invoke(main, ["build", str(example_course), "-o", "."])
    assert result.exit_code == 1
    assert result.output == (
        ".: the output folder is the folder you are in, which each build replaces; run the build from the folder"
        " above it, with -o empty\n"
    )
    assert list(here.iterdir()) == []


def test_what_a_killed_build_left_beside_the_site_is_removed_once_it_is_gone(
    example_course: Path, tmp_path: Path
) -> None:
    """A build killed while it wrote had left '.site.tmp-PID' (a partial site; in a web root, published) for
    ever, and one killed after its renames '.site.old-PID' (review s). The next build removes them once
    their process is gone, keeping the teacher's own files the old site held; a running build's are kept."""
    import subprocess
    import sys

    out = tmp_path / "site"
    build(example_course, out)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(gone.stdout)
    partial, old, alive = (
        (tmp_path / f".site.tmp-{dead}"),
        (tmp_path / f".site.old-{dead}"),
        (tmp_path / f".site.tmp-{os.getppid()}"),
    )
    for folder in (partial, old, alive):
        folder.mkdir()
        (folder / "index.html").write_text("partial", encoding="utf-8")
    (old / "CNAME").write_text("www.example.org\n", encoding="utf-8")
    build(example_course, out, cache=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == [alive.name, "course", "site"]
    assert (out / "CNAME").read_text(encoding="utf-8") == "www.example.org\n"


def test_a_full_disk_is_said_with_what_to_do(
    example_course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A full disk had been only 'No space left on device', with no advice (review s); the old site is kept."""
    import errno

    from masterysite import cli

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("masterysite.build.build", full)
    monkeypatch.setattr("sys.argv", ["masterysite", "build", str(example_course), "-o", str(tmp_path / "site")])
    with pytest.raises(SystemExit) as exit_code:
        cli.run()
    assert exit_code.value.code == 1
    assert capsys.readouterr().err == (
        "No space left on device (the disk is full: nothing was replaced; free some space, or write elsewhere"
        " with -o)\n"
    )


def test_a_translations_blank_label_is_text(make_course: MakeCourse, tmp_path: Path) -> None:
    """'blank_n' was the one string of theme/strings.yml written into the page unescaped, in an attribute:
    a translation file could put any markup there, a meta refresh too (security round dd 9)."""
    strings = "en:\n  blank_n: 'Blank {n}\"><meta http-equiv=refresh content=0;url=https://evil.example/>'\n"
    unit = "---\ntitle: A\nobjectives:\n  o: O\n---\n\nText.\n\n::: question o\nThe sky is [[blue]].\n:::\n"
    root = make_course({"course.yml": "title: T\n", "units/a.md": unit, "theme/strings.yml": strings})
    build(root, tmp_path / "site")
    page = (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    assert "<meta http-equiv=refresh" not in page
    assert 'aria-label="Blank 1&quot;&gt;&lt;meta http-equiv=refresh content=0;url=https://evil.example/&gt;"' in page
