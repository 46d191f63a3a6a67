"""Issue 8's acceptance: episodes of two Carpentries Workbench lessons, dropped into units/ unchanged
with their fig/ (and data/) folders, build; the only errors are links that leave the course; the
pages render as the lesson intends (solutions collapsed, instructor notes absent, figures published).

The episodes (tests/sample_courses/carpentries-*) are modelled on shell-novice's "Navigating Files and
Directories" and "Working With Files and Directories" and python-novice-inflammation's "Analyzing
Patient Data" and "Visualizing Tabular Data", written as the Workbench writes them. Their course.yml
has the one line a teacher adds: ``extra_keys: [teaching, exercises]``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import MakeCourse

from masterysite.build import build, load_course

# Runs once the lesson blocks (challenge, solution, callout, keypoints, objectives, instructor) are in.
pytest.importorskip("masterysite.parse.lesson", reason="lesson blocks not in this tree yet")

SAMPLES = Path(__file__).resolve().parent / "sample_courses"
LEAVING = {
    "carpentries-shell": [
        "units/02-filedir.md:236: link '../learners/reference.md#glossary'",
        "units/02-filedir.md:237: link '../learners/setup.md'",
        "units/03-create.md:218: link '../instructors/instructor-notes.md#wildcards'",
    ],
    "carpentries-python": [
        "units/02-numpy.md:26: link '../learners/reference.md#library'",
        "units/02-numpy.md:59: link '../learners/reference.md#function-call'",
        "units/02-numpy.md:77: link '../learners/reference.md#index'",
        "units/02-numpy.md:119: link '../learners/reference.md#slice'",
        "units/03-matplotlib.md:28: link '../learners/reference.md#heat-map'",
    ],
}
LESSON = "https://swcarpentry.github.io/shell-novice/"


@pytest.mark.parametrize("lesson", sorted(LEAVING))
def test_the_only_errors_are_links_that_leave_the_course(lesson: str) -> None:
    report = load_course(SAMPLES / lesson).report
    errors = [str(p) for p in sorted(report.errors)]
    folder = "instructors" if "instructors" in "".join(errors) else "learners"
    assert [e.split(" leaves the course")[0] for e in errors] == LEAVING[lesson]
    assert all(" leaves the course (the course has no '" in e for e in errors)
    advice = "folder): copy the page into units/ as a unit (and list it in course.yml), or link to it on the web"
    assert f"the course has no '{folder}/' {advice}" in errors[-1]


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each lesson with the one fix `check` asks for: the lesson's other pages linked on the web."""
    out = {}
    for lesson in LEAVING:
        root = Path(shutil.copytree(SAMPLES / lesson, tmp_path_factory.mktemp(lesson) / "course"))
        for unit in (root / "units").glob("*.md"):
            text = unit.read_text(encoding="utf-8")
            unit.write_text(re.sub(r"\]\(\.\./(learners|instructors)/", f"]({LESSON}\\1/", text), encoding="utf-8")
        site = root.parent / "site"
        build(root, site)
        out[lesson] = site
    return out


def page(sites: dict[str, Path], lesson: str, unit: str) -> str:
    return (sites[lesson] / "units" / f"{unit}.html").read_text(encoding="utf-8")


def enclosing(html: str, text: str, tag: str) -> str | None:
    """The opening tag of the innermost ``<tag ...>`` element around the first ``text``, or None."""
    at = html.index(text)
    depth = 0
    for match in reversed(list(re.finditer(rf"<(/?){tag}\b[^>]*>", html[:at]))):
        if match.group(1):
            depth += 1
        elif depth:
            depth -= 1
        else:
            return match.group(0)
    return None


def test_solutions_are_collapsed(sites: dict[str, Path]) -> None:
    solutions = [
        ("carpentries-shell", "filedir", "makes <code>ls</code> use a <strong>l</strong>ong listing format"),
        ("carpentries-shell", "filedir", "Yes: goes up one level."),
        ("carpentries-shell", "create", "generates a new file called"),
        ("carpentries-python", "numpy", "singleton dimensions"),
        ("carpentries-python", "matplotlib", "interpolates (draws a straight line)"),
    ]
    for lesson, unit, text in solutions:
        html = page(sites, lesson, unit)
        details = enclosing(html, text, "details")
        assert details is not None and " open" not in details, (unit, text, details)
        assert enclosing(html, text, "section") is not None  # inside its challenge


def test_instructor_notes_are_never_published(sites: dict[str, Path]) -> None:
    for site in sites.values():
        for file in site.rglob("*"):
            if file.is_file() and file.suffix in (".html", ".js"):
                text = file.read_text(encoding="utf-8")
                assert "Introduce the slash character" not in text and "simplest editor to teach" not in text
                assert "mix up <code>axis=0</code>" not in text and "axis=0` and" not in text


def test_no_fence_is_left_as_text(sites: dict[str, Path]) -> None:
    for site in sites.values():
        for file in (site / "units").glob("*.html"):
            assert ":::" not in file.read_text(encoding="utf-8"), file.name


def test_callouts_key_points_and_objectives(sites: dict[str, Path]) -> None:
    html = page(sites, "carpentries-shell", "filedir")
    assert enclosing(html, "Home Directory Variation", "aside") is not None
    assert enclosing(html, "The file system is responsible for managing information", "section") is not None
    objectives = html[html.index('id="ms-objectives-heading"') :]
    assert objectives.index("Explain the similarities and differences") < objectives.index("The part of the operating")
    assert "<span>Teaching: 30 min</span> · <span>Exercises: 10 min</span>" in html
    assert "<dt>Options</dt>" in html and "<dd>either start with a single dash" in html


def test_figures_and_data_beside_the_episodes_are_published(sites: dict[str, Path]) -> None:
    published = {
        lesson: sorted(p.relative_to(site).as_posix() for p in (site / "units").rglob("*") if p.is_file())
        for lesson, site in sites.items()
    }
    assert published["carpentries-shell"] == [
        "units/create.html",
        "units/fig/filesystem.svg",
        "units/fig/home-directories.svg",
        "units/fig/nano-screenshot.png",
        "units/fig/shell_command_syntax.svg",
        "units/filedir.html",
    ]
    assert published["carpentries-python"] == [
        "units/data/inflammation-01.csv",
        "units/fig/inflammation-01-average.svg",
        "units/fig/inflammation-01-group-plot.svg",
        "units/fig/inflammation-01-imshow.svg",
        "units/fig/inflammation-01-line-styles.svg",
        "units/fig/python-operations-across-axes.png",
        "units/fig/python-zero-index.svg",
        "units/matplotlib.html",
        "units/numpy.html",
    ]
    for name in published["carpentries-python"]:
        if "/fig/" in name or "/data/" in name:
            source = SAMPLES / "carpentries-python" / name
            assert (sites["carpentries-python"] / name).read_bytes() == source.read_bytes()


def test_images_code_and_figures_as_the_lesson_writes_them(sites: dict[str, Path]) -> None:
    html = page(sites, "carpentries-shell", "filedir")
    assert '<img src="fig/filesystem.svg" alt="The file system is made up of a root directory' in html
    assert 'alt="General syntax of a shell command" width="60%"' in html
    space = '<span class="w"> </span>'
    assert f'<code class="language-bash">${space}ls{space}-F{space}/\n' in html
    assert '<code class="language-output">' in html
    plots = page(sites, "carpentries-python", "matplotlib")
    figure = plots[plots.index('<figure><img src="fig/inflammation-01-group-plot.svg"') :]
    caption = "<figcaption>Three line graphs, with step lines connecting the points</figcaption></figure>"
    assert figure.index(caption) < figure.index("</figure>") + 1
    assert 'alt="Three line graphs showing the daily average' in figure[: figure.index("</figure>")]
    assert '<a href="numpy.html">previous episode</a>' in plots


def test_a_jekyll_lessons_questions_and_key_points_lists_are_its_boxes(make_course: MakeCourse, tmp_path: Path) -> None:
    """hpc-intro's episodes: 'questions:' and 'keypoints:' in the front matter, kept with extra_keys, are the
    'Questions' box above the lesson and the 'Key points' box below it (they had been kept, and shown nowhere)."""
    unit = (
        '---\ntitle: Scheduler\nquestions:\n- "What is a `scheduler`?"\nkeypoints:\n- "A job is a script."\n'
        '- "The scheduler\n  shares the nodes."\n---\n\n::: callout\nA box of its own.\n:::\n\nThe lesson.\n'
    )
    root = make_course({"course.yml": "title: T\nextra_keys: [questions, keypoints]\n", "units/01-a.md": unit})
    build(root, tmp_path / "site")
    page = (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    lesson = page[page.index('<section class="ms-summary ms-summary--questions"') :]
    assert lesson.index("What is a <code>scheduler</code>?") < lesson.index("The lesson.")
    assert lesson.index("The lesson.") < lesson.index('<section class="ms-summary ms-summary--keypoints"')
    assert "<li>A job is a script.</li>\n<li>The scheduler shares the nodes.</li>" in lesson
    ids = re.findall(r'id="(ms-block-\d+-title)"', page)
    assert len(ids) == 3 == len(set(ids))  # (the callout's box and the two lists: ids of their own)
    unit = (  # a comment is never published (nor the lesson's footnotes listed again: one 'fn1')
        '---\ntitle: A\nkeypoints:\n- "A point <!-- NOTE TO SELF -->"\n---\n\nText[^1].\n\n[^1]: A note.\n'
    )
    root = make_course({"course.yml": "title: T\nextra_keys: [keypoints]\n", "units/01-a.md": unit}, "noted")
    build(root, tmp_path / "noted-site")
    page = (tmp_path / "noted-site" / "units" / "a.html").read_text(encoding="utf-8")
    assert "NOTE TO SELF" not in page and "A point" in page and page.count('id="fn1"') == 1
    unit = '---\ntitle: A\nkeypoints:\n- See [the setup](gone.md).\n- <b id="ms-unit-data">x</b>\n---\n\nText.\n'
    root = make_course({"course.yml": "title: T\nextra_keys: [keypoints]\n", "units/01-a.md": unit}, "checked")
    assert [str(p) for p in load_course(root).report.errors] == [  # checked as the lesson is, at the key's line
        "units/01-a.md:3: link 'gone.md': unit file 'units/gone.md' is not in the course: copy the page into units/"
        " as a unit, or link to where it is published (https://…)",
        "units/01-a.md:3: id 'ms-unit-data' is taken by the page itself (ids 'main' and 'ms-...', 'q-...',"
        " 'corrective-...', 'enrichment-...'): choose another",
    ]
