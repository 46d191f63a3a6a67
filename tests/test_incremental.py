"""Incremental rebuilds (serve) must write exactly what a full build writes."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from masterysite.build import build
from masterysite.errors import CourseError
from masterysite.incremental import Change, Project
from masterysite.serve import relevant
from tests.folders import edit, tree


def watched_files(root: Path) -> dict[str, int]:
    """What a save looks like to serve: every course file with its modification time."""
    return {p.relative_to(root).as_posix(): p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}


def changed(before: dict[str, int], after: dict[str, int]) -> Change:
    """The paths the watcher would report, filtered as serve filters file events."""
    paths = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    return Change({p for p in paths if relevant(p)})


@pytest.fixture
def project(example_course: Path, tmp_path: Path) -> Project:
    out = tmp_path / "live"
    project = Project(example_course, out)
    project.full()
    return project


def rebuild_and_compare(project: Project, tmp_path: Path, mutate: Callable[[Path], None]) -> list[str]:
    before = watched_files(project.root)
    mutate(project.root)
    _report, written = project.rebuild(changed(before, watched_files(project.root)))
    reference = tmp_path / "reference"
    build(project.root, reference)
    assert tree(project.out) == tree(reference)
    return written


UNITS = "units"


def test_editing_a_lesson_rewrites_only_that_page(project: Project, tmp_path: Path) -> None:
    def mutate(root: Path) -> None:
        edit(root / UNITS / "03-simplifying.md", lambda t: t.replace("\n\n", "\n\nA new sentence here.\n\n", 1))

    written = rebuild_and_compare(project, tmp_path, mutate)
    assert written == ["units/simplifying.html", "_static/search-index.js"]  # new words: the index changes


def test_renaming_a_title_updates_neighbours_dependents_and_lists(project: Project, tmp_path: Path) -> None:
    def mutate(root: Path) -> None:
        edit(root / UNITS / "03-simplifying.md", lambda t: t.replace("title:", "title: Renamed —", 1))

    written = rebuild_and_compare(project, tmp_path, mutate)
    assert "units/simplifying.html" in written
    assert "index.html" in written and "_static/course-data.js" in written
    assert "units/adding-unlike-denominators.html" in written  # requires simplifying
    assert "units/equivalent-fractions.html" in written  # previous neighbour


def test_changing_prerequisites(project: Project, tmp_path: Path) -> None:
    def mutate_clean(root: Path) -> None:
        file = root / UNITS / "04-comparing.md"
        lines = file.read_text(encoding="utf-8").split("\n")
        index = next(i for i, line in enumerate(lines) if line.startswith("requires:"))
        lines[index] = "requires: [whole-and-parts]"
        file.write_text("\n".join(lines), encoding="utf-8")

    written = rebuild_and_compare(project, tmp_path, mutate_clean)
    assert "_static/course-data.js" in written


def test_adding_and_removing_a_unit(project: Project, tmp_path: Path) -> None:
    extra = "---\ntitle: Extra practice\nrequires: []\n---\n\nSome practice.\n"

    def add(root: Path) -> None:
        (root / UNITS / "08-extra.md").write_text(extra, encoding="utf-8")
        edit(root / "course.yml", lambda t: t + "      - 08-extra.md\n")

    rebuild_and_compare(project, tmp_path, add)
    assert (project.out / "units" / "extra.html").is_file()

    def remove(root: Path) -> None:
        (root / UNITS / "08-extra.md").unlink()
        edit(root / "course.yml", lambda t: t.replace("      - 08-extra.md\n", ""))

    rebuild_and_compare(project, tmp_path, remove)
    assert not (project.out / "units" / "extra.html").exists()


def test_editing_a_template(project: Project, tmp_path: Path) -> None:
    def mutate(root: Path) -> None:
        default = Path(__file__).resolve().parent.parent / "themes" / "default" / "templates" / "base.html"
        own = root / "theme" / "templates" / "base.html"
        own.parent.mkdir(parents=True)
        own.write_text(default.read_text(encoding="utf-8").replace("</main>", "<p>Made by our school</p></main>"))

    rebuild_and_compare(project, tmp_path, mutate)
    assert "Made by our school" in (project.out / "units" / "simplifying.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("where", ["outside", "hidden"])
def test_a_saved_unit_that_now_links_through_a_symbolic_link_out_is_refused(
    project: Project, tmp_path: Path, where: str
) -> None:
    """A link in units/ that no unit names is not published, so the first build is fine; a save
    that names it goes through the same check as a build, and nothing is published."""
    secret = "-----BEGIN PRIVATE KEY----- not for students"
    if where == "outside":
        (tmp_path / "outside").mkdir()
        (tmp_path / "outside" / "key.txt").write_text(secret, encoding="utf-8")
        target, shown = tmp_path / "outside" / "key.txt", "leads outside the course folder"
    else:
        (project.root / ".git").mkdir()
        (project.root / ".git" / "config").write_text(secret, encoding="utf-8")
        target, shown = Path("../.git/config"), "leads to the hidden file '.git/config'"
    (project.root / UNITS / "key.txt").symlink_to(target)
    project.full()
    good = tree(project.out)
    before = watched_files(project.root)
    edit(project.root / UNITS / "03-simplifying.md", lambda t: t.replace("\n\n", "\n\nThe [key](key.txt).\n\n", 1))
    with pytest.raises(CourseError, match=rf"units/03-simplifying.md:\d+: link 'key.txt' {shown}"):
        project.rebuild(changed(before, watched_files(project.root)))
    assert tree(project.out) == good
    assert not [f for f in project.out.rglob("*") if f.is_file() and secret.encode() in f.read_bytes()]


def test_a_broken_save_keeps_the_site_and_the_next_good_save_recovers(project: Project, tmp_path: Path) -> None:
    good = tree(project.out)
    unit = project.root / UNITS / "03-simplifying.md"
    original = unit.read_text(encoding="utf-8")
    before = watched_files(project.root)
    edit(unit, lambda t: t.replace("::: question", "::: question nosuchobjective", 1))
    with pytest.raises(CourseError, match=r"units/03-simplifying.md:\d+: question refers to unknown objective"):
        project.rebuild(changed(before, watched_files(project.root)))
    assert tree(project.out) == good
    # a different unit is saved next: the broken one must still be reported
    other = project.root / UNITS / "04-comparing.md"
    before = watched_files(project.root)
    edit(other, lambda t: t + "\nOne more line.\n")
    with pytest.raises(CourseError):
        project.rebuild(changed(before, watched_files(project.root)))
    before = watched_files(project.root)
    edit(unit, lambda _t: original)
    project.rebuild(changed(before, watched_files(project.root)))
    reference = tmp_path / "reference"
    build(project.root, reference)
    assert tree(project.out) == tree(reference)


def test_a_burst_of_saves_builds_once(example_course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from masterysite import serve
    from masterysite.serve import Status, Watcher

    # the quiet moment is 30 ms for a teacher's editor; a loaded CI machine can put more than that
    # between two of the writes below, so the test widens it (the settling logic is what is tested)
    monkeypatch.setattr(serve, "QUIET", 0.3)

    project = Project(example_course, tmp_path / "live")
    project.full()
    builds: list[int] = []
    watcher = Watcher(project, Status(), lambda: builds.append(1))
    watcher.start()
    try:
        unit = example_course / UNITS / "03-simplifying.md"
        for n in range(5):
            edit(unit, lambda t, n=n: t + f"\nSave number {n}.\n")
            time.sleep(0.005)
        deadline = time.time() + 10
        while not builds and time.time() < deadline:
            time.sleep(0.01)
        time.sleep(0.5)
    finally:
        watcher.stopping.set()
        watcher.join(2)
    assert builds == [1]
    assert "Save number 4." in (project.out / "units" / "simplifying.html").read_text(encoding="utf-8")


def test_a_full_rebuild_rewrites_only_what_changed(example_course: Path, tmp_path: Path) -> None:
    """Unchanged files are carried over (same inode, same mtime), so deploys upload only changes."""
    out = tmp_path / "site"
    build(example_course, out)
    before = {p.relative_to(out).as_posix(): p.stat() for p in out.rglob("*") if p.is_file()}
    edit(example_course / UNITS / "03-simplifying.md", lambda t: t + "\nOne more sentence.\n")
    build(example_course, out)
    after = {p.relative_to(out).as_posix(): p.stat() for p in out.rglob("*") if p.is_file()}
    assert before.keys() == after.keys()
    rewritten = sorted(name for name in after if after[name].st_ino != before[name].st_ino)
    assert rewritten == ["_static/search-index.js", "units/simplifying.html"]  # new words: the index follows
    assert all(after[n].st_mtime_ns == before[n].st_mtime_ns for n in after if n not in rewritten)


def test_a_templates_folder_added_to_an_existing_theme_folder(example_course: Path, tmp_path: Path) -> None:
    (example_course / "theme" / "static").mkdir(parents=True)
    (example_course / "theme" / "static" / "extra.css").write_text("p { margin: 0 }\n", encoding="utf-8")
    project = Project(example_course, tmp_path / "live")
    project.full()

    def mutate(root: Path) -> None:
        default = Path(__file__).resolve().parent.parent / "themes" / "default" / "templates" / "base.html"
        own = root / "theme" / "templates" / "base.html"
        own.parent.mkdir()
        own.write_text(default.read_text(encoding="utf-8").replace("</main>", "<p>Our school</p></main>"))

    rebuild_and_compare(project, tmp_path, mutate)
    assert "Our school" in (project.out / "index.html").read_text(encoding="utf-8")
