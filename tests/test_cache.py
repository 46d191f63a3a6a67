"""The build cache: every rebuild writes byte for byte what a cold build of the same course writes,
and a one-unit edit parses one unit and renders only the pages it changes."""

from __future__ import annotations

import logging
import os
import pickle
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from jinja2.bccache import bc_magic

from masterysite import build as build_module
from masterysite import cache as cache_module
from masterysite.build import build, load_course
from masterysite.cache import _RECORD, FOLDER, PACK_SUFFIX, Packs, light, load_unit, pack_records, placeholder
from masterysite.checks import check_course
from masterysite.errors import Report
from masterysite.parse import markdown
from masterysite.render import Site, course_data_js, render_page
from masterysite.search import search_index_js
from masterysite.theme import _environment, default_theme_dir
from masterysite.trust import machine_key
from tests.folders import copy_without_cache, edit, tree

Mutate = Callable[[Path], None]


def cold(root: Path, tmp_path: Path) -> dict[str, str]:
    """The site a build of a fresh copy of ``root`` (its secret, no cache at all) writes."""
    copy = copy_without_cache(root, tmp_path / "cold-course")
    out = tmp_path / "cold-site"
    shutil.rmtree(out, ignore_errors=True)
    build(copy, out, cache=False)
    return tree(out)


class Counts:
    """How many units the last build parsed and how many unit pages it rendered (from its log)."""

    def __init__(self, caplog: pytest.LogCaptureFixture) -> None:
        self.caplog = caplog

    def last(self) -> tuple[int, int]:
        parsed = rendered = -1
        for record in self.caplog.records:
            message = record.getMessage()
            if message.startswith("nothing changed since the last build"):  # unchanged.py: nothing read
                parsed = rendered = 0
            elif found := re.search(r"(\d+) of \d+ units parsed", message):
                parsed = int(found.group(1))
            elif found := re.search(r"(\d+) unit pages rendered", message):
                rendered = int(found.group(1))
        return parsed, rendered


@pytest.fixture
def counts(caplog: pytest.LogCaptureFixture) -> Counts:
    caplog.set_level(logging.INFO, logger="masterysite.build")
    return Counts(caplog)


@pytest.fixture(params=["files", "packs"])
def built(
    example_course: Path, tmp_path: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Path]:
    """The example course built with its cache: each parsed unit in a file of its own (a build that
    parses a few units), or in a pack (cache.Packs: a build that parses many; here from one)."""
    if request.param == "packs":
        monkeypatch.setattr(build_module, "PACK_TASKS", 1)
    shutil.rmtree(example_course / ".masterysite", ignore_errors=True)
    out = tmp_path / "site"
    build(example_course, out)
    return example_course, out


def rebuild_equals_cold(
    built: tuple[Path, Path], tmp_path: Path, mutate: Mutate, counts: Counts | None = None
) -> tuple[int, int]:
    """Change the course, rebuild it with its cache: the site is the cold build's, byte for byte.
    Returns how many units the rebuild parsed and how many unit pages it rendered."""
    root, out = built
    mutate(root)
    build(root, out)
    work = counts.last() if counts else (-1, -1)
    assert tree(out) == cold(root, tmp_path)
    return work


UNIT = "units/03-simplifying.md"


def edit_word(unit: str) -> Mutate:
    """A one-word paragraph at the start of the lesson's second section."""
    return lambda root: edit(root / unit, lambda t: t.replace("\n## ", "\nWord.\n\n## ", 1))


def test_no_change_parses_and_renders_nothing(built: tuple[Path, Path], counts: Counts, tmp_path: Path) -> None:
    _root, out = built
    before = tree(out)
    assert rebuild_equals_cold(built, tmp_path, lambda root: None, counts) == (0, 0)
    assert tree(out) == before


def test_a_word_in_a_lesson_parses_one_unit_and_renders_its_page(
    built: tuple[Path, Path], counts: Counts, tmp_path: Path
) -> None:
    word = edit_word(UNIT)
    assert rebuild_equals_cold(built, tmp_path, word, counts) == (1, 1)


def test_an_edited_units_code_is_highlighted_again_only_where_it_changed(
    built: tuple[Path, Path], counts: Counts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A unit's code blocks as its last parse highlighted them are reused (markdown.fences): a
    one-word edit needs neither Pygments nor its lexer. Changed code is highlighted anew."""
    root, out = built
    highlighted: list[str] = []
    real = markdown._highlight
    monkeypatch.setattr(markdown, "_highlight", lambda code, lang: highlighted.append(code) or real(code, lang))
    edit_word(UNIT)(root)
    build(root, out)
    assert (highlighted, counts.last()) == ([], (1, 1))
    edit(root / UNIT, lambda t: t.replace("top, bottom = 12, 18", "top, bottom = 14, 21", 1))
    build(root, out)
    assert len(highlighted) == 1 and "14, 21" in highlighted[0]
    assert tree(out) == cold(root, tmp_path)


def test_a_one_word_edit_does_not_import_pygments(built: tuple[Path, Path]) -> None:
    root, out = built
    edit_word(UNIT)(root)
    script = "import sys; from masterysite.build import build; build(*map(__import__('pathlib').Path, sys.argv[1:]));"
    script += "print(sorted(name for name in sys.modules if name.startswith('pygments')))"
    done = subprocess.run([sys.executable, "-c", script, str(root), str(out)], capture_output=True, text=True)
    assert (done.returncode, done.stdout.strip()) == (0, "[]"), done.stderr


def test_a_new_title_renders_the_neighbours_too(built: tuple[Path, Path], counts: Counts, tmp_path: Path) -> None:
    def retitle(root: Path) -> None:
        edit(
            root / UNIT, lambda t: re.sub(r"^title: .*$", "title: Smaller numbers, same share", t, count=1, flags=re.M)
        )

    parsed, rendered = rebuild_equals_cold(built, tmp_path, retitle, counts)
    assert parsed == 1
    assert 3 <= rendered < 7  # itself, the pages before and after it, and the units that require it


def test_course_yml(built: tuple[Path, Path], tmp_path: Path) -> None:
    rebuild_equals_cold(
        built, tmp_path, lambda root: edit(root / "course.yml", lambda t: t.replace("Ms. Rivera", "Mr. Li"))
    )


def test_course_yml_sections(built: tuple[Path, Path], tmp_path: Path) -> None:
    rebuild_equals_cold(
        built, tmp_path, lambda root: edit(root / "course.yml", lambda t: t.replace("Equivalence", "Same value"))
    )


def test_course_yml_macros(built: tuple[Path, Path], tmp_path: Path) -> None:
    """A macro of course.yml changes every unit that uses it, and nothing in that unit's text: its parse."""

    def use_half(root: Path) -> None:
        edit(root / "course.yml", lambda t: t + '\nmacros:\n  half: "\\\\frac{1}{2}"\n')
        edit(root / UNIT, lambda t: t.replace("\n## ", "\nA $\\half$ is two quarters.\n\n## ", 1))

    page = built[1] / "units" / "simplifying.html"
    rebuild_equals_cold(built, tmp_path, use_half)
    assert "<mfrac><mrow><mn>1</mn></mrow><mrow><mn>2</mn></mrow></mfrac>" in page.read_text()
    rebuild_equals_cold(
        built, tmp_path, lambda root: edit(root / "course.yml", lambda t: t.replace("{1}{2}", "{2}{4}"))
    )
    assert "<mfrac><mrow><mn>2</mn></mrow><mrow><mn>4</mn></mrow></mfrac>" in page.read_text()


def test_a_template(built: tuple[Path, Path], tmp_path: Path) -> None:
    def override(root: Path) -> None:
        (root / "theme" / "templates").mkdir(parents=True)
        base = (default_theme_dir() / "templates" / "unit.html").read_text(encoding="utf-8")
        (root / "theme" / "templates" / "unit.html").write_text(
            base.replace("</article>", "<p>ours</p></article>"), "utf-8"
        )

    rebuild_equals_cold(built, tmp_path, override)
    page = (built[1] / "units" / "simplifying.html").read_text(encoding="utf-8")
    assert "<p>ours</p>" in page


def test_an_edited_course_template(built: tuple[Path, Path], tmp_path: Path) -> None:
    root, out = built
    (root / "theme" / "templates").mkdir(parents=True)
    base = (default_theme_dir() / "templates" / "unit.html").read_text(encoding="utf-8")
    (root / "theme" / "templates" / "unit.html").write_text(
        base.replace("</article>", "<p>first</p></article>"), "utf-8"
    )
    build(root, out)
    retouch = lambda r: edit(r / "theme/templates/unit.html", lambda t: t.replace("<p>first", "<p>two"))  # noqa: E731
    rebuild_equals_cold(built, tmp_path, retouch)
    assert "<p>two</p>" in (out / "units" / "simplifying.html").read_text(encoding="utf-8")


def test_a_string(built: tuple[Path, Path], tmp_path: Path) -> None:
    def strings(root: Path) -> None:
        (root / "theme").mkdir(exist_ok=True)
        (root / "theme" / "strings.yml").write_text("en:\n  check_answers: Hand it in\n", encoding="utf-8")

    rebuild_equals_cold(built, tmp_path, strings)
    assert "Hand it in" in (built[1] / "units" / "simplifying.html").read_text(encoding="utf-8")


def test_the_decimal_mark_decides_how_a_teachers_numbers_are_read(
    built: tuple[Path, Path], counts: Counts, tmp_path: Path
) -> None:
    """'= 1.500' is 1.5 in English and 1500 where the decimal mark is a comma (German): a change of the
    mark in theme/strings.yml parses every unit again (it is part of the parse key), as a cold build does."""
    root, out = built
    edit(root / "units/02-equivalent-fractions.md", lambda t: t.replace("\n= 70\n", "\n= 1.500\n", 1))
    build(root, out)

    def comma(root: Path) -> None:
        (root / "theme").mkdir(exist_ok=True)
        (root / "theme" / "strings.yml").write_text('en:\n  decimal_mark: ","\n', encoding="utf-8")

    parsed, _ = rebuild_equals_cold(built, tmp_path, comma, counts)
    assert parsed == len(list((root / "units").glob("*.md")))


def test_a_script_source(built: tuple[Path, Path], tmp_path: Path) -> None:
    def script(root: Path) -> None:
        (root / "theme" / "js").mkdir(parents=True)
        first = sorted((default_theme_dir() / "js").glob("*.js"))[0]
        (root / "theme" / "js" / first.name).write_text(first.read_text(encoding="utf-8") + "\n// ours\n", "utf-8")

    rebuild_equals_cold(built, tmp_path, script)


def test_an_asset(built: tuple[Path, Path], tmp_path: Path) -> None:
    rebuild_equals_cold(
        built,
        tmp_path,
        lambda root: edit(root / "assets" / "fraction-wall.svg", lambda t: t.replace("<svg", "<svg ", 1)),
    )


def test_an_asset_changed_with_its_size_and_time_kept(built: tuple[Path, Path], tmp_path: Path) -> None:
    """'cp -p', 'touch -r', a restore tool: the asset changed and kept its size and time; the old one had stayed
    published (round y 7)."""

    def same_size_and_time(root: Path) -> None:
        asset = root / "assets" / "fraction-wall.svg"
        before = asset.stat()
        text = asset.read_text(encoding="utf-8")
        asset.write_text(text.replace("<svg", "<SVG", 1).replace("</svg>", "</SVG>", 1), encoding="utf-8")
        assert asset.stat().st_size == before.st_size
        os.utime(asset, ns=(before.st_atime_ns, before.st_mtime_ns))

    build(*built)  # (the first build made the course secret: this one leaves the no-change record the next reads)
    rebuild_equals_cold(built, tmp_path, same_size_and_time)


def test_an_asset_removed_breaks_the_link_as_a_cold_build_does(built: tuple[Path, Path]) -> None:
    root, out = built
    (root / "assets" / "bar-three-quarters.svg").unlink()
    with pytest.raises(Exception, match=r"bar-three-quarters\.svg"):
        build(root, out)


def test_a_deleted_unit(built: tuple[Path, Path], tmp_path: Path) -> None:
    def delete(root: Path) -> None:
        (root / "units" / "07-fraction-fair.md").unlink()
        edit(root / "course.yml", lambda t: t.replace("      - 07-fraction-fair.md\n", ""))

    rebuild_equals_cold(built, tmp_path, delete)
    assert not (built[1] / "units" / "fraction-fair.html").exists()


def test_an_added_unit(built: tuple[Path, Path], tmp_path: Path) -> None:
    def add(root: Path) -> None:
        text = (root / UNIT).read_text(encoding="utf-8")
        (root / "units" / "03b-more.md").write_text(text.replace("title:", "id: more\ntitle: More and", 1), "utf-8")
        edit(
            root / "course.yml",
            lambda t: t.replace("      - 03-simplifying.md\n", "      - 03-simplifying.md\n      - 03b-more.md\n"),
        )

    rebuild_equals_cold(built, tmp_path, add)
    assert (built[1] / "units" / "more.html").exists()


def cache_files(root: Path) -> list[Path]:
    """The cache's files of pickled data: units (in files or packs), the index, the page lists."""
    files = sorted(p for p in (root / FOLDER).rglob("*") if p.suffix in (".pickle", PACK_SUFFIX))
    assert files
    return files


def records(pack: Path) -> list[tuple[str, bytes]]:
    """(key, blob) of every record of a pack."""
    with pack.open("rb") as handle:
        places = list(pack_records(handle))
    data = pack.read_bytes()
    return [(key, data[offset : offset + length]) for key, offset, length in places]


def write_pack(pack: Path, entries: list[tuple[str, bytes]]) -> None:
    pack.write_bytes(b"".join(_RECORD.pack(b"MSU1", key.encode(), len(blob)) + blob for key, blob in entries))


def test_a_corrupt_cache_is_a_full_build(built: tuple[Path, Path], counts: Counts, tmp_path: Path) -> None:
    root, _out = built
    for file in cache_files(root):
        data = file.read_bytes()
        file.write_bytes(data[: len(data) // 2])
    # a pack cut in two keeps the records before the cut whole: those units are not parsed again
    whole = sum(len(records(pack)) for pack in (root / FOLDER / "units").glob(f"*{PACK_SUFFIX}"))
    assert whole < 7
    assert rebuild_equals_cold(built, tmp_path, edit_word(UNIT), counts) == (7 - whole, 7)


def test_a_cache_entry_that_unpickles_to_something_else_is_a_miss(
    built: tuple[Path, Path], counts: Counts, tmp_path: Path
) -> None:
    root, _out = built
    for file in cache_files(root):
        file.write_bytes(pickle.dumps(("something", "else", {})))
    assert rebuild_equals_cold(built, tmp_path, lambda root: None, counts) == (7, 7)
    # signed by this user's builds, but another unit's entry under each name (or key of a pack's
    # record): the signature lets it through, the entry's own key must not (each unit is parsed
    # again, never shown as another)
    files = sorted((root / FOLDER / "units").glob("*.pickle"))
    blobs = [file.read_bytes() for file in files]
    for file, blob in zip(files, blobs[1:] + blobs[:1], strict=True):
        file.write_bytes(blob)
    packs = sorted((root / FOLDER / "units").glob(f"*{PACK_SUFFIX}"))
    assert len(files) + sum(len(records(pack)) for pack in packs) == 7
    for pack in packs:
        entries = records(pack)
        blobs = [blob for _, blob in entries]
        write_pack(pack, [(key, blob) for (key, _), blob in zip(entries, blobs[1:] + blobs[:1], strict=True)])
    edit(root / "course.yml", lambda t: t + "\n# every page is rendered again: each unit is loaded whole\n")
    rebuild_equals_cold(built, tmp_path, lambda root: None, counts)


class Planted:
    """A pickle that runs code when it is loaded: what a pull request could commit in .masterysite/cache/."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Callable[..., None], tuple[str]]:
        return (os.makedirs, (str(self.marker),))


def test_cache_files_a_course_brings_are_never_loaded(built: tuple[Path, Path], counts: Counts, tmp_path: Path) -> None:
    """The course folder, .masterysite/cache/ too, is the contributor's: a pickle or a compiled
    template put there must not run at build time (only files this user's builds signed load)."""
    root, out = built
    _environment.cache_clear()  # a fresh theme environment compiles the templates and keeps them
    build(root, out)
    marker = tmp_path / "the-planted-code-ran"
    planted = pickle.dumps(Planted(marker))
    files = [p for p in (root / FOLDER).rglob("*") if p.suffix in (".pickle", ".cache", PACK_SUFFIX)]
    # units (in files, or in packs), index, pages; compiled templates
    assert {p.suffix for p in files} >= {".pickle", ".cache"}
    for file in files:
        if file.suffix == PACK_SUFFIX:  # each record: the planted pickle, unsigned, under its unit's key
            write_pack(file, [(key, planted) for key, _ in records(file)])
        else:
            file.write_bytes((bc_magic if file.suffix == ".cache" else b"") + planted)
    _environment.cache_clear()  # the next build loads the compiled templates from the cache folder
    # An edit, so the build does not stop at "nothing changed" (masterysite/unchanged.py) before the cache.
    assert rebuild_equals_cold(built, tmp_path, edit_word(UNIT), counts) == (7, 7)
    assert not marker.exists()


def test_a_cache_signed_under_another_key_is_a_miss(
    built: tuple[Path, Path], counts: Counts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another machine's (or user's) cache, copied in with the course, is built again."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "other-user"))
    machine_key.cache_clear()
    try:
        assert rebuild_equals_cold(built, tmp_path, lambda root: None, counts) == (7, 7)
        assert (tmp_path / "other-user" / "masterysite" / "cache-key").stat().st_mode & 0o077 == 0
    finally:
        machine_key.cache_clear()


def test_a_cache_from_another_version_is_not_used(
    built: tuple[Path, Path], counts: Counts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "__version__", "0.0.1-other")
    cache_module.code_key.cache_clear()
    try:
        assert rebuild_equals_cold(built, tmp_path, lambda root: None, counts) == (7, 7)
    finally:
        cache_module.code_key.cache_clear()


def test_a_page_changed_in_the_output_is_written_again(
    built: tuple[Path, Path], counts: Counts, tmp_path: Path
) -> None:
    _root, out = built
    page = out / "units" / "simplifying.html"
    page.write_text(page.read_text(encoding="utf-8").replace("<h1", "<h1 data-x"), encoding="utf-8")
    assert rebuild_equals_cold(built, tmp_path, lambda root: None, counts) == (0, 1)


def test_an_interrupted_build_leaves_a_cache_that_is_still_right(
    built: tuple[Path, Path], counts: Counts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Units parsed by a build that failed later are reused; the site and page list stay the last good ones."""
    root, out = built
    edit_word(UNIT)(root)
    from masterysite import build as build_module

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "swap_in", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(root, out)
    monkeypatch.undo()
    assert rebuild_equals_cold(built, tmp_path, lambda root: None, counts) == (0, 1)


def test_no_cache_builds_everything(built: tuple[Path, Path], counts: Counts, tmp_path: Path) -> None:
    root, out = built
    build(root, out, cache=False)
    assert counts.last() == (7, 7)


def test_the_cache_is_in_the_course_folder_and_ignored_by_git(built: tuple[Path, Path]) -> None:
    root, out = built
    assert (root / FOLDER / ".gitignore").read_text().splitlines()[-1] == "*"
    assert not any(".masterysite" in p and p != ".masterysite" for p in tree(out))
    assert not list(out.parent.glob(".*cache*"))


def test_a_course_folder_where_no_cache_can_be_written_still_builds(
    make_course: Callable[..., Path], tmp_path: Path, counts: Counts
) -> None:
    root = make_course({"course.yml": "title: T\n", "units/a.md": "# A\n\nText.\n"})
    (root / ".masterysite").write_text("a file where the cache folder would go\n")  # like a read-only folder
    build(root, tmp_path / "site")
    assert rebuild_equals_cold((root, tmp_path / "site"), tmp_path, lambda root: None, counts) == (1, 1)


def test_the_shared_pages_and_checks_need_only_light_units(example_course: Path, tmp_path: Path) -> None:
    """The parent process keeps units without their pages' HTML: what it renders and checks from
    them must not change (a shared page or course-wide check that needs more must say so here)."""
    loaded = load_course(example_course)
    assert loaded.course is not None and loaded.config is not None
    whole = Site.create(loaded.course, example_course)
    slim = Site.create(replace(loaded.course, units=tuple(light(u) for u in loaded.course.units)), example_course)  # type: ignore[misc]
    assert sum(len(pickle.dumps(u)) for u in slim.course.units) * 5 < sum(
        len(pickle.dumps(u)) for u in whole.course.units
    )
    for name in ("index", "progress"):
        assert render_page(slim, name) == render_page(whole, name)
    assert course_data_js(slim) == course_data_js(whole)
    # a light unit's questions: one shared placeholder of each kind, in the place of each question
    for thin, fat in zip(slim.course.units, whole.course.units, strict=True):
        assert [q.kind for q in thin.questions] == [q.kind for q in fat.questions]
        assert all(q is placeholder(q.kind) and not q.key for q in thin.questions)
    # the search words are packed in the light units, and the index made from them is the same
    assert all(not found for u in slim.course.units for _, _, found in u.search)
    assert all(light(u) == u for u in slim.course.units)  # packed once: never packed again (emptied)
    assert search_index_js(slim.course) == search_index_js(whole.course)
    parsed = [u for u, _ in loaded.parsed.values() if u is not None]
    full_report, light_report = Report(), Report()
    check_course(loaded.config, parsed, full_report)  # type: ignore[arg-type]
    check_course(loaded.config, [light(u) for u in parsed], light_report)  # type: ignore[misc]
    assert light_report.problems == full_report.problems


def test_the_course_secret_is_part_of_the_key(
    built: tuple[Path, Path], counts: Counts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The secret (issue 10) changes every unit's output: its file or its variable is in the key."""
    root, out = built
    (root / ".masterysite" / "secret").write_text("4b7e19c02fa86d53e1907ab4c6d28f35a0e9c71b5d4f3862e0a17c9b8d6f2e45\n")
    build(root, out)
    assert counts.last()[0] == 7
    monkeypatch.setenv("MASTERYSITE_SECRET", "9c1f04e7b2a85d3610fe7a49c2db0865e13f7a2c94d0b8653e1a7f20c4d9b816")
    build(root, out)
    assert counts.last()[0] == 7
    build(root, out)
    assert counts.last() == (0, 0)


def test_a_few_changed_units_go_to_a_delta_beside_the_index(
    built: tuple[Path, Path], counts: Counts, tmp_path: Path
) -> None:
    """A one-unit edit writes a small delta, not the whole index; the next build reads both, and a
    delta that belongs to another index (or is broken) is never applied."""
    root, _out = built
    index, delta = root / FOLDER / "index.pickle", root / FOLDER / "index-delta.pickle"
    whole = index.stat()
    assert rebuild_equals_cold(built, tmp_path, edit_word(UNIT), counts) == (1, 1)
    assert delta.is_file() and (index.stat().st_ino, index.stat().st_mtime_ns) == (whole.st_ino, whole.st_mtime_ns)
    second = edit_word("units/04-comparing.md")
    assert rebuild_equals_cold(built, tmp_path, second, counts) == (1, 1)  # 03's entry came from the delta
    assert rebuild_equals_cold(built, tmp_path, lambda root: None, counts) == (0, 0)

    kept = delta.read_bytes()
    for unit in sorted((root / "units").glob("*.md")):  # every unit: too many for a delta
        edit(unit, lambda t: t + "\nOne more line.\n")
    assert rebuild_equals_cold(built, tmp_path, lambda root: None, counts) == (7, 7)
    assert not delta.exists() and index.stat().st_ino != whole.st_ino
    delta.write_bytes(kept)  # a delta of the index before: its entries must not come back
    assert rebuild_equals_cold(built, tmp_path, edit_word(UNIT), counts) == (1, 1)
    delta.write_bytes(delta.read_bytes()[:40])  # broken: ignored (each unit's own cache file remains)
    assert rebuild_equals_cold(built, tmp_path, edit_word("units/04-comparing.md"), counts) == (1, 1)


def test_a_big_course_keeps_its_search_words_packed(
    example_course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From PACK_FROM units (10,000 units: 90 MB of words), the build holds each unit's search words
    packed, and the search index it writes is the one made from the whole units."""
    shutil.rmtree(example_course / ".masterysite", ignore_errors=True)
    whole = load_course(example_course)
    assert whole.course is not None
    monkeypatch.setattr(cache_module, "PACK_FROM", len(whole.course.units))
    loaded = load_course(example_course, cache=True)
    units = [u for u, _ in loaded.parsed.values() if u is not None]
    assert units and all(u.words and not any(found for _, _, found in u.search) for u in units)
    build(example_course, tmp_path / "site")
    index = (tmp_path / "site" / "_static" / "search-index.js").read_text(encoding="utf-8")
    assert index == search_index_js(whole.course)
    monkeypatch.setattr(cache_module, "PACK_FROM", len(whole.course.units) + 1)
    fresh = load_course(example_course, cache=False).parsed.values()  # (the cache holds packed units now)
    assert all(not u.words for u, _ in fresh if u is not None)


def test_a_page_signature_names_what_the_course_wide_pass_changed(built: tuple[Path, Path]) -> None:
    """A unit's signature hashes its parse by key and, of the unit the course-wide pass made, only
    what differs from the parse: a field the pass changed changes the signature."""
    from masterysite.build import Shared, page_signature

    root, _ = built
    loaded = load_course(root, cache=True)
    assert loaded.course is not None
    site = Site.create(loaded.course, root)
    shared = Shared(site)
    unit = site.course.units[1]
    parsed = loaded.parsed[unit.path][0]
    assert parsed is not None
    key = loaded.keys[unit.path]
    same = page_signature(site, unit, key, "k", shared, parsed)
    assert same is not None and same == page_signature(site, replace(unit), key, "k", shared, parsed)
    assert same != page_signature(site, replace(unit, requires_line=unit.requires_line + 1), key, "k", shared, parsed)
    assert same != page_signature(site, replace(unit, extra={"level": 2}), key, "k", shared, parsed)


def test_a_big_course_makes_its_search_index_after_the_render_pool(
    example_course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From PACK_FROM units the search index's child is not forked while the render pool's workers
    run (each copies what it touches of the parent: 10,000 units passed 300 MB); the index is the
    same."""
    import masterysite.build as builder

    shutil.rmtree(example_course / ".masterysite", ignore_errors=True)
    whole = load_course(example_course)
    assert whole.course is not None
    monkeypatch.setattr(cache_module, "PACK_FROM", 1)
    monkeypatch.setattr(builder, "PARALLEL_FROM", 1)
    events: list[str] = []
    real_run, real_start = builder._run, builder.Background.start

    def run(func: Callable[..., object], tasks: list[object], jobs: int | None, **beside: Any) -> list[object]:
        events.append(f"pool {func.__name__}")
        try:
            return real_run(func, tasks, jobs, **beside)
        finally:
            events.append(f"done {func.__name__}")

    def start(self: builder.Background) -> None:  # (it may not fork: other threads of the test run)
        events.append("start")
        real_start(self)

    monkeypatch.setattr(builder, "_run", run)
    monkeypatch.setattr(builder.Background, "start", start)
    build(example_course, tmp_path / "site", jobs=2)
    assert "start" in events and events.index("done _render_task") < events.index("start")
    index = (tmp_path / "site" / "_static" / "search-index.js").read_text(encoding="utf-8")
    assert index == search_index_js(whole.course)


def test_the_index_is_saved_while_the_render_workers_run(
    example_course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counts: Counts
) -> None:
    """With a render pool, the cache's index is written by a thread of the parent while the workers
    render (not after the site is in place): the next build still finds every unit in it."""
    import threading

    import masterysite.build as builder

    shutil.rmtree(example_course / ".masterysite", ignore_errors=True)
    monkeypatch.setattr(builder, "PARALLEL_FROM", 1)
    saved_in: list[str] = []
    real_save = cache_module.BuildCache.save

    def save(self: cache_module.BuildCache, *args: Any, **kwargs: Any) -> None:
        saved_in.append(threading.current_thread().name)
        real_save(self, *args, **kwargs)

    monkeypatch.setattr(cache_module.BuildCache, "save", save)
    out = tmp_path / "site"
    build(example_course, out, jobs=2, cache=False)
    assert len(saved_in) == 1 and saved_in[0] != threading.main_thread().name
    edit(example_course / "units" / "01-whole-and-parts.md", lambda text: text.replace("denominator", "bottom number"))
    build(example_course, out, jobs=2)
    assert counts.last()[0] == 1  # one unit parsed again: the others came from the saved index
    assert tree(out) == cold(example_course, tmp_path)


def test_work_beside_the_pool_fails_the_build() -> None:
    from masterysite.build import Beside

    def boom() -> None:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"), Beside(boom):
        pass


def unit_cache(root: Path) -> tuple[list[Path], list[Path]]:
    """The cache's unit files and packs."""
    units = root / FOLDER / "units"
    return sorted(units.glob("*.pickle")), sorted(units.glob(f"*{PACK_SUFFIX}"))


def test_a_build_that_parses_many_units_writes_one_pack_not_a_file_each(
    example_course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.rmtree(example_course / ".masterysite", ignore_errors=True)
    build(example_course, tmp_path / "few")  # 7 units: fewer than a pack needs
    files, packs = unit_cache(example_course)
    assert (len(files), len(packs)) == (7, 0)
    monkeypatch.setattr(build_module, "PACK_TASKS", 7)
    build(example_course, tmp_path / "many", cache=False)
    files, packs = unit_cache(example_course)
    assert (len(files), len(packs)) == (0, 1)
    entries = records(packs[0])
    assert len(entries) == 7
    # each unit is read back from it, by a process that has not read the pack yet too
    folder = str(example_course / FOLDER)
    for fresh in (False, True):
        if fresh:
            Packs.forget(folder)
        found = [load_unit(folder, key) for key, _ in entries]
        assert [parsed[0].path for parsed in found if parsed and parsed[0]] == sorted(
            f"units/{p.name}" for p in (example_course / "units").glob("*.md")
        )


def test_a_pack_mostly_stale_gives_its_units_files_and_goes(
    built: tuple[Path, Path], counts: Counts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The packs a build no longer needs are deleted; one it needs less than half of too, once the
    units it still needs have files of their own. Each rebuild is the cold build's site."""
    root, _out = built
    monkeypatch.setattr(build_module, "PACK_TASKS", 3)  # a build that parses 3 units or more packs them
    shutil.rmtree(root / FOLDER)
    build(*built)
    files, first = unit_cache(root)
    assert (len(files), len(first)) == (0, 1)
    units = sorted((root / "units").glob("*.md"))

    def edit_units(paths: list[Path]) -> Mutate:
        return lambda root: [edit_word(str(p.relative_to(root)))(root) for p in paths]

    # 3 of 7 edited: the first pack keeps 4 (more than half), the 3 go to a new pack
    assert rebuild_equals_cold(built, tmp_path, edit_units(units[:3]), counts) == (3, 3)
    files, packs = unit_cache(root)
    assert (len(files), first[0] in packs, len(packs)) == (0, True, 2)
    # 2 more (one of them in the second pack): the first pack holds 3 of its 7 units still in
    # use, its own files now; the second, 2 of 3: kept
    assert rebuild_equals_cold(built, tmp_path, edit_units([units[2], units[3]]), counts) == (2, 2)
    files, packs = unit_cache(root)
    assert first[0] not in packs
    assert len(files) == 3 + 2  # the first pack's 3, and the 2 parsed in this build (too few for a pack)
    assert len(packs) == 1
    # every unit of the second pack edited: it goes
    assert rebuild_equals_cold(built, tmp_path, edit_units(units[:2]), counts) == (2, 2)
    files, packs = unit_cache(root)
    assert (len(files), len(packs)) == (7, 0)
    build(root, tmp_path / "again")
    assert counts.last() == (0, 7)


def test_units_in_files_of_their_own_are_found_without_listing_the_folder_each_time(
    example_course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each unit is looked for in the packs first: the folder is listed again only when it changed."""
    shutil.rmtree(example_course / ".masterysite", ignore_errors=True)
    build(example_course, tmp_path / "site")
    files, packs = unit_cache(example_course)
    assert (len(files), len(packs)) == (7, 0)
    folder = str(example_course / FOLDER)
    Packs.forget(folder)
    listings = []
    real_listdir = os.listdir

    def listdir(path: Any) -> list[str]:
        listings.append(path)
        return real_listdir(path)

    monkeypatch.setattr(cache_module.os, "listdir", listdir)
    for _ in range(3):
        assert all(load_unit(folder, file.stem) is not None for file in files)
    assert len(listings) == 1
    (files[0].parent / "new.pack").write_bytes(b"")  # the folder changed: listed again
    assert load_unit(folder, files[0].stem) is not None
    assert len(listings) == 2


class _Watched(dict):  # type: ignore[type-arg]
    """A unit's attributes that fail when its search words are read by key or copied (dict.update of a
    dict whose iteration is its own reads each value through __getitem__)."""

    def __getitem__(self, name: str) -> Any:
        if name in ("words", "search"):
            raise AssertionError(f"read the unit's {name}")
        return super().__getitem__(name)

    def __iter__(self) -> Any:
        return super().__iter__()


def test_a_page_and_its_signature_never_read_the_units_search_words(example_course: Path) -> None:
    """Issue 12's peak memory at 10,000 units (309 MB of 300): a forked render worker that reads an object
    of the parent copies the memory page that holds it, and reading each unit's packed words (to copy the
    unit for its signature, or to give it back its page parts) copied 20 MB a worker. A page needs none."""
    loaded = load_course(example_course, cache=True)
    assert loaded.course is not None and loaded.cache is not None
    site = Site.create(loaded.course, example_course)
    unit = site.course.units[2]
    full = loaded.full(unit)
    assert full.words == b"" and full.search == () and full.lesson_html
    object.__setattr__(unit, "__dict__", _Watched(vars(unit)))
    shared = build_module.Shared(site)
    parsed = loaded.parsed[unit.path][0]
    assert build_module.page_signature(site, unit, loaded.keys[unit.path], "pages", shared, parsed)
