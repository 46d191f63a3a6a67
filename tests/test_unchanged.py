"""A build with nothing changed since the last one keeps the site on disk and reads nothing more
(masterysite/unchanged.py); any change of an input, an option or the output folder means a build."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from masterysite import unchanged
from masterysite.build import build
from masterysite.cli import main


def tree(out: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(out).as_posix(): (p.read_bytes(), p.stat().st_ino) for p in out.rglob("*") if p.is_file()}


@pytest.fixture
def built(example_course: Path, tmp_path: Path) -> tuple[Path, Path]:
    out = tmp_path / "site"
    build(example_course, out)
    build(example_course, out)  # the first build made the course secret: this one is recorded
    return example_course, out


def replayed(root: Path, out: Path, **options: bool) -> bool:
    return unchanged.replay(root, out, **options)[0] is not None


def test_nothing_changed_keeps_the_site_and_its_warnings(built: tuple[Path, Path]) -> None:
    root, out = built
    (root / "units" / "03-simplifying.md").write_text(
        (root / "units" / "03-simplifying.md").read_text(encoding="utf-8") + "\n![](../assets/pizza-eighths.svg)\n",
        encoding="utf-8",
    )
    first = build(root, out)
    assert any(p.code == "no-alt" for p in first.problems)
    before = tree(out)
    assert replayed(root, out)
    again = build(root, out)
    assert again.problems == first.problems  # the same warnings, shown again
    assert tree(out) == before  # same bytes, same files (inodes): nothing written


def test_the_command_says_built_and_shows_the_warnings_again(built: tuple[Path, Path]) -> None:
    root, out = built
    runner = CliRunner()
    first = runner.invoke(main, ["build", str(root), "-o", str(out)])
    second = runner.invoke(main, ["build", str(root), "-o", str(out)])
    assert first.exit_code == second.exit_code == 0
    assert second.output == first.output and "Built" in second.output


def edit_unit(root: Path) -> None:
    unit = root / "units" / "03-simplifying.md"
    unit.write_text(unit.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")


def touch_asset(root: Path) -> None:
    asset = next(p for p in (root / "assets").rglob("*") if p.is_file())
    info = asset.stat()
    os.utime(asset, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))


def edit_course_yml(root: Path) -> None:
    config = root / "course.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")


def add_theme_file(root: Path) -> None:
    (root / "theme").mkdir(exist_ok=True)
    (root / "theme" / "extra.css").write_text("p { margin: 0 }\n", encoding="utf-8")


def change_secret(root: Path) -> None:
    (root / ".masterysite" / "secret").write_text("33" * 32 + "\n", encoding="utf-8")


def add_unit(root: Path) -> None:
    shutil.copy(root / "units" / "03-simplifying.md", root / "units" / "09-copy.md")
    text = (root / "units" / "09-copy.md").read_text(encoding="utf-8")
    (root / "units" / "09-copy.md").write_text(text.replace("id: simplifying", "id: simplifying-again", 1))


@pytest.mark.parametrize(
    "change",
    [edit_unit, touch_asset, edit_course_yml, add_theme_file, change_secret, add_unit],
    ids=lambda f: f.__name__,
)
def test_any_change_of_the_course_means_a_build(built: tuple[Path, Path], change: Callable[[Path], None]) -> None:
    root, out = built
    assert replayed(root, out)
    change(root)
    assert not replayed(root, out)


def test_a_relinked_file_means_a_build(built: tuple[Path, Path], tmp_path: Path) -> None:
    root, out = built
    assets = root / "assets"
    (assets / "a.txt").write_text("same", encoding="utf-8")
    (assets / "b.txt").write_text("same", encoding="utf-8")
    os.utime(assets / "b.txt", ns=(0, (assets / "a.txt").stat().st_mtime_ns))
    (assets / "link.txt").symlink_to("a.txt")
    build(root, out)
    assert replayed(root, out)
    (assets / "link.txt").unlink()
    (assets / "link.txt").symlink_to("b.txt")  # same size, same time: only where it points changed
    assert not replayed(root, out)


def test_other_options_or_another_folder_mean_a_build(built: tuple[Path, Path], tmp_path: Path) -> None:
    root, out = built
    assert replayed(root, out)
    assert not replayed(root, out, strict=True)
    assert not replayed(root, out, safe_html=True)
    assert not replayed(root, tmp_path / "elsewhere")


@pytest.mark.parametrize("harm", ["delete", "edit", "add"])
def test_a_touched_site_is_built_again(built: tuple[Path, Path], harm: str) -> None:
    root, out = built
    page = out / "units" / "simplifying.html"
    good = page.read_bytes()
    if harm == "delete":
        page.unlink()
    elif harm == "edit":
        page.write_bytes(good.replace(b"<h1", b"<h1 hidden", 1))
    else:
        (out / "stray.html").write_text("hello", encoding="utf-8")
    assert not replayed(root, out)
    build(root, out)
    assert page.read_bytes() == good and not (out / "stray.html").exists()


@pytest.mark.parametrize("saved", ["unit", "course.yml"])
def test_a_file_saved_during_the_build_is_not_recorded(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, saved: str
) -> None:
    root, out = built
    edit_unit(root)
    import masterysite.build as builder

    real = builder.build_full

    def saving_meanwhile(*args: object, **kwargs: object) -> object:
        result = real(*args, **kwargs)  # type: ignore[arg-type]
        if saved == "unit":
            unit = root / "units" / "02-equivalent-fractions.md"
            unit.write_text(unit.read_text(encoding="utf-8") + "\nSaved while building.\n", encoding="utf-8")
        else:
            config = root / "course.yml"
            text = config.read_text(encoding="utf-8")
            config.write_text(text.replace("title:", "title: Saved", 1), encoding="utf-8")
        return result

    monkeypatch.setattr(builder, "build_full", saving_meanwhile)
    build(root, out)
    monkeypatch.undo()
    assert not replayed(root, out)  # the site lacks that save: the next build must make it
    build(root, out)
    if saved == "unit":
        page = (out / "units" / "equivalent-fractions.html").read_text(encoding="utf-8")
        assert "Saved while building." in page
    else:
        assert "<title>Saved" in (out / "index.html").read_text(encoding="utf-8")


def test_the_record_names_the_unit_bytes_the_build_read(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A unit the stamp read and the build read again after it was saved (new bytes): the record
    is of what the build read, never of what the stamp saw, whatever the file holds later."""
    root, out = built
    unit = root / "units" / "03-simplifying.md"
    unit.write_text(unit.read_text(encoding="utf-8") + "\nFirst version.\n", encoding="utf-8")
    first = unit.read_bytes()
    import masterysite.build as builder

    real = builder.load_course

    def saving_before_the_read(*args: object, **kwargs: object) -> object:
        unit.write_bytes(first.replace(b"First version.", b"Second version."))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builder, "load_course", saving_before_the_read)
    build(root, out)
    monkeypatch.undo()
    assert "Second version." in (out / "units" / "simplifying.html").read_text(encoding="utf-8")
    unit.write_bytes(first)  # the bytes the stamp saw, back: the site on disk is not theirs
    build(root, out)
    assert "First version." in (out / "units" / "simplifying.html").read_text(encoding="utf-8")


def test_a_one_unit_edit_reads_one_unit(built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """The stamp read every unit: the build reads again only the unit whose bytes are new."""
    root, out = built
    import masterysite.build as builder

    read: list[str] = []
    real = builder.read_unit_data

    def counted(root: Path, entry: builder.UnitEntry, report: builder.Report) -> tuple[str, str] | None:
        read.append(entry.path)
        return real(root, entry, report)

    monkeypatch.setattr(builder, "read_unit_data", counted)
    edit_unit(root)
    build(root, out)
    assert read == ["units/03-simplifying.md"]
    assert "One more sentence." in (out / "units" / "simplifying.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("record", ["{not json", '{"stamp": 1}', "[]", ""])
def test_a_broken_record_means_a_build(built: tuple[Path, Path], record: str) -> None:
    root, out = built
    files = list((root / unchanged.RECORD).glob("*.json"))
    assert len(files) == 1
    files[0].write_text(record, encoding="utf-8")
    assert not replayed(root, out)


def test_no_cache_always_builds(built: tuple[Path, Path], caplog: pytest.LogCaptureFixture) -> None:
    root, out = built
    caplog.set_level(logging.INFO, logger="masterysite.build")
    build(root, out, cache=False)
    assert "7 of 7 units parsed, 0 from the cache" in caplog.text
    assert "nothing changed" not in caplog.text


def test_the_search_index_made_beside_the_pages_is_the_one_made_inline(
    example_course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """build.Background: a rebuild makes the index in a forked child; a child that fails leaves the
    work to the parent, and a build that fails stops the child before its folder is removed."""
    import time

    import masterysite.build as builder

    parent, real = os.getpid(), builder.search_index_js
    # The build forks only in a process without other threads (the command's); earlier tests in this
    # process may have left some (a browser driver's): the child below only makes and writes the index.
    monkeypatch.setattr(builder.threading, "active_count", lambda: 1)

    def watched(course: object) -> str:
        if os.getpid() != parent:
            (tmp_path / "child-ran").touch()
        return real(course)  # type: ignore[arg-type]

    monkeypatch.setattr(builder, "search_index_js", watched)
    build(example_course, tmp_path / "forked")
    edit_unit(example_course)
    build(example_course, tmp_path / "forked")
    assert (tmp_path / "child-ran").exists()  # the rebuild did make it in a child

    def only_inline(course: object) -> str:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return real(course)  # type: ignore[arg-type]

    monkeypatch.setattr(builder, "search_index_js", only_inline)
    build(example_course, tmp_path / "inline", cache=False)
    index = "_static/search-index.js"
    assert (tmp_path / "forked" / index).read_bytes() == (tmp_path / "inline" / index).read_bytes()
    edit_unit(example_course)
    build(example_course, tmp_path / "inline")  # the child fails: the parent makes it
    expected = real(builder.load_course(example_course).course)  # type: ignore[arg-type]
    assert (tmp_path / "inline" / index).read_text(encoding="utf-8") == expected

    def slow(course: object) -> str:
        time.sleep(0.5)  # still writing when the build below fails
        return real(course)  # type: ignore[arg-type]

    def broken(*args: object) -> str:
        raise RuntimeError("a page fails")

    monkeypatch.setattr(builder, "search_index_js", slow)
    monkeypatch.setattr(builder, "patched_search_index", lambda *args: None)  # the whole index, in a child
    monkeypatch.setattr(builder, "unchanged_pages", broken)  # right after the child starts
    edit_unit(example_course)
    with pytest.raises(RuntimeError):
        build(example_course, tmp_path / "inline")  # a rebuild (its page list is in the cache)
    time.sleep(1.0)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
