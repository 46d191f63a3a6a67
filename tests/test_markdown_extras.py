"""SPEC 2.2 and 2.3: Markdown beyond CommonMark, files beside the units, theme/extra.css,
front matter from other tools (extra_keys) and warnings a course chooses to live with (ignore)."""

from __future__ import annotations

import ast
import html
import os
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import MakeCourse, parse_lesson

from masterysite.build import build, load_course
from masterysite.cli import main
from masterysite.errors import WARNING_CODES, CourseError
from masterysite.incremental import Change, Project
from masterysite.parse.extras import parse_attributes
from masterysite.parse.markdown import make_markdown

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>\n'
REPO = Path(__file__).resolve().parent.parent


def unit(body: str, front: str = "") -> str:
    return f"---\ntitle: Files\n{front}---\n\n{body}\n"


def problems(root: Path) -> list[str]:
    return [str(p) for p in load_course(root).report.sorted()]


# --- attributes, figures, footnotes, definition lists -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{#setup}", {"id": "setup"}),
        ("{.language-bash}", {"class": "language-bash"}),
        ("{: .language-bash}", {"class": "language-bash"}),  # kramdown's form (Jekyll-era Carpentries)
        ("{: #setup }", {"id": "setup"}),
        ("{alt='The file tree' width=400}", {"alt": "The file tree", "width": "400"}),
        ("{alt=\"say 'hi'\" .a .b}", {"alt": "say 'hi'", "class": "a b"}),
        ("{-}", {"class": "unnumbered"}),
        # pandoc's backslash escapes inside quotes (a Carpentries lesson's alt texts quote words)
        ('{alt="a \\"Ball\\" and C:\\Users"}', {"alt": 'a "Ball" and C:\\Users'}),
        ("{alt='it\\'s'}", {"alt": "it's"}),
        ("{ }", {}),
    ],
)
def test_attribute_lists(text: str, expected: dict[str, str]) -> None:
    assert parse_attributes(text) == (expected, len(text))


@pytest.mark.parametrize("text", ["{alt='unclosed}", "{python}", "{r, echo=FALSE}", "{:", "{#a"])
def test_what_is_not_an_attribute_list(text: str) -> None:
    assert parse_attributes(text) is None


def test_braces_that_are_not_attributes_stay_text() -> None:
    html = make_markdown().render("Set {x} and ![a](b.png){not attributes} and [l](u){'x'}\n")
    assert "{x}" in html and "{not attributes}" in html and "{'x'}" in html


def test_a_regular_expression_answer_line_is_never_a_definition() -> None:
    """The plugin's '~ definition' would swallow '~ /pattern/' answer lines."""
    md = make_markdown()
    assert "<dl>" not in md.render("Which files?\n\n~ /\\*\\.pdb/\n")
    assert "<dl>" not in md.render("Which files?\n~ /\\*\\.pdb/\n")
    html = md.render("Term\n: Meaning\n\nWhich files?\n\n~ /x/\n")
    assert html.count("<dd>") == 1 and "<p>~ /x/</p>" in html


def test_unsafe_attributes_are_dropped_with_a_warning(make_course: MakeCourse) -> None:
    body = "![A box](fig/a.svg){style='display:none' onload=\"alert(1)\" src=x.svg width=10}\n\n## Quiz {#ms-quiz}"
    root = make_course({"course.yml": "title: T\n", "units/01-a.md": unit(body), "units/fig/a.svg": SVG})
    found = problems(root)
    kept = "(attributes kept: id, class, alt, title, width, height, lang, dir) [attribute]"
    assert found == [
        f"units/01-a.md:5: warning: attribute 'onload' is not kept {kept}",
        f"units/01-a.md:5: warning: attribute 'src' is not kept {kept}",
        f"units/01-a.md:5: warning: attribute 'style' is not kept {kept}",
        "units/01-a.md:7: id 'ms-quiz' is taken by the page itself"
        " (ids 'main' and 'ms-...', 'q-...', 'corrective-...', 'enrichment-...'): choose another",
    ]


def test_a_footnote_defined_in_a_held_back_block_is_an_error(make_course: MakeCourse) -> None:
    """The plugin moves a footnote's text to the end of the lesson, out of an enrichment not yet unlocked."""
    body = "Open[^a].\n\n[^a]: Shown to all.\n\n::: enrichment More\nHidden[^b].\n\n[^b]: The secret.\n:::"
    root = make_course({"course.yml": "title: T\n", "units/01-a.md": unit(body)})
    assert problems(root) == [
        "units/01-a.md:9: footnote '[^b]' is defined inside this '::: enrichment' block, but footnotes are shown"
        " at the end of the lesson, for everyone: write what it says in the block itself"
    ]


def test_a_footnote_defined_outside_but_read_only_in_a_sealed_block_is_an_error(make_course: MakeCourse) -> None:
    """Moved out of a question or an enrichment, as the error above had advised, a note read only there was
    published at the end of the lesson, before any answer: the explanation, the bonus (security round z 2).
    One read in the lesson too, or from a corrective, is fine."""
    body = (
        "Open[^a].\n\n[^a]: Shown to all.\n\n[^e]: Paris is the answer.\n\n[^b]: The bonus password.\n\n"
        "[^c]: A second explanation.\n\n::: question o\nCapital of France?\n\n= Paris\n\n> Yes[^e], see[^a].\n:::\n\n"
        "::: corrective o\nAgain[^c].\n:::\n\n::: enrichment More\nHidden[^b].\n:::"
    )
    root = make_course({"course.yml": "title: T\n", "units/01-a.md": unit(body)})
    assert [p for p in problems(root) if "footnote" in p] == [
        "units/01-a.md:15: footnote '[^e]' is referred to only inside this '::: question' block, but its text is"
        " shown at the end of the lesson, for everyone: write what it says in the block itself",
        "units/01-a.md:27: footnote '[^b]' is referred to only inside this '::: enrichment' block, but its text is"
        " shown at the end of the lesson, for everyone: write what it says in the block itself",
    ]


def test_a_footnote_read_from_a_practice_explanation_or_a_print_only_block_is_an_error(
    make_course: MakeCourse,
) -> None:
    """A practice's explanation is sealed until checked, and a print-only answer key is never published: a
    note read only from them (and a question's explanation) had been printed in the lesson, answer and all
    (security round aa 3). One read from a practice's prompt, or from a block shown on the web, is fine."""
    body = (
        "[^p]: Madrid, since 1561.\n\n[^e]: Paris, since 987.\n\n[^w]: Shown.\n\n[^q]: In the prompt.\n\n"
        "::: practice\nCapital of Spain?[^q]\n\n= Madrid\n\n> Practice explanation.[^p]\n:::\n\n"
        "::: question o\nCapital of France?\n\n= Paris\n\n> Explanation.[^e] And[^w].\n:::\n\n"
        '::: {.content-visible when-format="pdf"}\nAnswer key: see the note.[^e]\n:::\n\n'
        '::: {.content-visible when-format="html"}\nOn the web.[^w]\n:::\n'
    )
    root = make_course({"course.yml": "title: T\n", "units/01-a.md": unit(body)})
    assert [p for p in problems(root) if "footnote" in p] == [
        "units/01-a.md:13: footnote '[^p]' is referred to only inside this '::: practice' block, but its text is"
        " shown at the end of the lesson, for everyone: write what it says in the block itself",
        "units/01-a.md:21: footnote '[^e]' is referred to only inside this '::: question' block, but its text is"
        " shown at the end of the lesson, for everyone: write what it says in the block itself",
    ]
    # a practice however it is written, a teacher's note in capitals, Quarto's '{.content-hidden}' with no
    # condition (security round bb 3)
    body = (
        "[^x]: Madrid.\n\n[^c]: Lisbon.\n\n[^i]: Berlin.\n\n[^h]: Rome.\n\n"
        "::: exercise\nCapital of Spain?\n\n= Madrid\n\n> Yes.[^x]\n:::\n\n"
        "::: Challenge\nCapital of Portugal?\n\n= Lisbon\n\n> Yes.[^c]\n:::\n\n"
        "::: Instructor\nSay it.[^i]\n:::\n\n::: {.content-hidden}\nKey.[^h]\n:::\n"
    )
    root = make_course({"course.yml": "title: T\n", "units/01-a.md": unit(body)}, name="aliases")
    assert [p.split("inside this ")[1].split(" block")[0] for p in problems(root) if "footnote" in p] == [
        "'::: exercise'",
        "'::: Challenge'",
        "'::: Instructor'",
        "'::: content-hidden'",
    ]


def test_an_empty_alt_in_braces_marks_a_decorative_image(make_course: MakeCourse) -> None:
    body = "![](fig/a.svg){alt=''}\n\n![](fig/a.svg)"
    root = make_course({"course.yml": "title: T\n", "units/01-a.md": unit(body), "units/fig/a.svg": SVG})
    assert problems(root) == [
        "units/01-a.md:7: warning: image 'fig/a.svg' has no alt text: describe it in ![...] [no-alt]"
    ]


def test_quartos_fig_alt_is_the_images_alt(make_course: MakeCourse, tmp_path: Path) -> None:
    body = '![](fig/a.svg){fig.alt="A tree"}\n\n![The tree](fig/a.svg){#fig-tree fig-alt="A tree" alt="old"}'
    root = make_course({"course.yml": "title: T\n", "units/01-a.md": unit(body), "units/fig/a.svg": SVG})
    assert problems(root) == []
    build(root, tmp_path / "site")
    page = (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    assert '<img src="fig/a.svg" alt="A tree" width="10" height="10" />' in page
    assert "<figcaption><!--ms-t:xref_figure--> 1: The tree</figcaption>" not in page  # the words filled in
    assert "<figcaption>Figure 1: The tree</figcaption>" in page
    assert '<figure><img src="fig/a.svg" alt="A tree" id="fig-tree"' in page


# --- files beside the units ---------------------------------------------------------------------------


def test_files_a_unit_shows_or_links_are_published_at_the_same_path(make_course: MakeCourse, tmp_path: Path) -> None:
    body = "![The tree](fig/tree.svg){alt='A tree'}\n\n[the data](../data/plates.csv) and [notes](notes/a%20b.txt)"
    root = make_course(
        {
            "course.yml": "title: T\n",
            "units/01-a.md": unit(body),
            "units/fig/tree.svg": SVG,
            "units/fig/unused.svg": SVG,
            "units/draft.txt": "not linked: stays private\n",
            "units/notes/a b.txt": "notes\n",
            "data/plates.csv": "a,b\n",
        }
    )
    site = tmp_path / "site"
    build(root, site)
    published = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert "units/fig/tree.svg" in published and "data/plates.csv" in published and "units/notes/a b.txt" in published
    assert "units/fig/unused.svg" not in published and "units/draft.txt" not in published
    page = (site / "units/a.html").read_text(encoding="utf-8")
    assert 'src="fig/tree.svg"' in page and 'href="../data/plates.csv"' in page


@pytest.mark.parametrize(
    ("link", "message"),
    [
        ("../course.yml", "link '../course.yml' points to 'course.yml', which is never published"),
        ("../theme/extra.css", "link '../theme/extra.css' points to 'theme/extra.css', which is never published"),
        ("../.git/config", "link '../.git/config' points to '.git/config', which is never published"),
        ("b.html", "link 'b.html' points to 'units/b.html', which has the name of a page of the site"),
        ("../index.html", "link '../index.html' points to 'index.html', which has the name of a page of the site"),
        # as a Mac's, Windows' or a USB stick's file system reads names (review q: the site's script replaced)
        ("B.html", "link 'B.html' points to 'units/B.html', which has the name of a page of the site"),
        ("../Index.HTML", "link '../Index.HTML' points to 'Index.HTML', which has the name of a page of the site"),
        ("../_Static/masterysite.js", "link '../_Static/masterysite.js' points to '_Static/masterysite.js', and the"),
        ("../Theme/extra.css", "link '../Theme/extra.css' points to 'Theme/extra.css', which is never published"),
        # names Windows stores without their last '.' or ' ' (review r: the site's pages replaced)
        ("../index.html.", "link '../index.html.' points to 'index.html.', whose name Windows and USB sticks"),
        ("a.html.", "link 'a.html.' points to 'units/a.html.', whose name Windows and USB sticks cannot hold"),
        ("../progress.html%20", "points to 'progress.html ', whose name Windows and USB sticks cannot hold"),
        ("../data/nul.txt", "points to 'data/nul.txt', whose name Windows and USB sticks cannot hold"),
        ("../../outside.txt", "link '../../outside.txt' leaves the course (it points outside the course folder)"),
        ("../learners/reference.md#glossary", "leaves the course (the course has no 'learners/' folder)"),
    ],
)
def test_course_files_that_are_never_published(make_course: MakeCourse, link: str, message: str) -> None:
    root = make_course(
        {
            "course.yml": "title: T\n",
            "units/01-a.md": unit(f"See [this]({link})."),
            "units/02-b.md": unit("B."),
            "units/b.html": "<p>a page of mine</p>\n",
            "units/B.html": "<p>a page of mine</p>\n",
            "index.html": "<p>mine</p>\n",
            "Index.HTML": "<p>mine</p>\n",
            "_Static/masterysite.js": "steal()\n",
            "Theme/extra.css": "p {}\n",
            "theme/extra.css": "p {}\n",
            ".git/config": "[core]\n",
            "../outside.txt": "x\n",
            "index.html.": "<p>mine</p>\n",
            "units/a.html.": "<p>mine</p>\n",
            "progress.html ": "<p>mine</p>\n",
            "data/nul.txt": "x\n",
        }
    )
    found = problems(root)
    assert len(found) == 1 and message in found[0] and found[0].startswith("units/01-a.md:5: "), found


def test_serve_publishes_a_picture_a_saved_unit_starts_to_show(make_course: MakeCourse, tmp_path: Path) -> None:
    root = make_course({"course.yml": "title: T\n", "units/01-a.md": unit("Text."), "units/fig/new.svg": SVG})
    project = Project(root, tmp_path / "live")
    project.full()
    assert not (tmp_path / "live/units/fig/new.svg").exists()
    (root / "units/01-a.md").write_text(unit("![New](fig/new.svg)"), encoding="utf-8")
    stamp = time.time_ns() + 10_000_000
    os.utime(root / "units/01-a.md", ns=(stamp, stamp))
    _report, written = project.rebuild(Change({"units/01-a.md"}))
    assert "units/fig/new.svg" in written
    assert (tmp_path / "live/units/fig/new.svg").read_text(encoding="utf-8") == SVG


# --- theme/extra.css ------------------------------------------------------------------------------------


def test_extra_css_comes_after_the_theme_css_on_every_page(make_course: MakeCourse, tmp_path: Path) -> None:
    root = make_course({"course.yml": "title: T\n", "units/01-a.md": unit("A."), "theme/extra.css": "h1 {}\n"})
    site = tmp_path / "site"
    build(root, site)
    assert (site / "_static/extra.css").read_text(encoding="utf-8") == "h1 {}\n"
    for page, root_path in (("index.html", ""), ("progress.html", ""), ("units/a.html", "../")):
        html = (site / page).read_text(encoding="utf-8")
        theme = html.index(f'<link rel="stylesheet" href="{root_path}_static/masterysite.css">')
        assert html.index(f'<link rel="stylesheet" href="{root_path}_static/extra.css">') > theme


def test_no_extra_css_no_link(make_course: MakeCourse, tmp_path: Path) -> None:
    root = make_course({"course.yml": "title: T\n", "units/01-a.md": unit("A.")})
    build(root, tmp_path / "site")
    assert "extra.css" not in (tmp_path / "site/units/a.html").read_text(encoding="utf-8")
    assert not (tmp_path / "site/_static/extra.css").exists()


# --- extra_keys -----------------------------------------------------------------------------------------


def test_extra_keys_are_kept_and_minutes_shown(make_course: MakeCourse, tmp_path: Path) -> None:
    root = make_course(
        {
            "course.yml": "title: T\nextra_keys: [teaching, exercises, source]\n",
            "units/01-a.md": unit("A.", "teaching: 30\nexercises: 10\nsource: shell-novice\n"),
        }
    )
    loaded = load_course(root)
    assert loaded.course is not None and not loaded.report.problems
    assert loaded.course.units[0].extra == {"teaching": 30, "exercises": 10, "source": "shell-novice"}
    build(root, tmp_path / "site")
    html = (tmp_path / "site/units/a.html").read_text(encoding="utf-8")
    assert "<span>Teaching: 30 min</span> · <span>Exercises: 10 min</span>" in html


def test_declaring_extra_keys_reaches_units_parsed_by_an_earlier_build(make_course: MakeCourse, tmp_path: Path) -> None:
    """The build cache keeps parsed units; extra_keys in course.yml changes what a parse accepts."""
    root = make_course({"course.yml": "title: T\n", "units/01-a.md": unit("A.", "teaching: 30\n")})
    with pytest.raises(CourseError, match="unknown key 'teaching'"):
        build(root, tmp_path / "site")
    (root / "course.yml").write_text("title: T\nextra_keys: [teaching]\n", encoding="utf-8")
    build(root, tmp_path / "site")
    assert "Teaching: 30 min" in (tmp_path / "site/units/a.html").read_text(encoding="utf-8")
    (root / "course.yml").write_text("title: T\n", encoding="utf-8")
    with pytest.raises(CourseError, match="unknown key 'teaching'"):
        build(root, tmp_path / "site")


def test_an_empty_units_list_beside_unit_files_says_so_at_its_line(make_course: MakeCourse) -> None:
    """'units: []' with units/*.md there had been 'the course has no units: add Markdown files to units/', with
    no line (round y 16)."""
    root = make_course({"course.yml": "title: T\nunits: []\n", "units/01-a.md": unit("A.", "")})
    assert problems(root) == [
        "course.yml:2: units lists no unit: list the files of units/ here, or remove 'units:' to build them all in"
        " name order"
    ]


def test_undeclared_keys_stay_errors(make_course: MakeCourse) -> None:
    root = make_course(
        {
            "course.yml": "title: T\nextra_keys: [teaching]\n",
            "units/01-a.md": unit("A.", "teachng: 30\nexercises: 5\npagetitle: A\nshelf: 3\nstyle: x\ncategory: y\n"),
        }
    )
    keys = "title, id, requires, mastery, objectives, quiz, ignore"
    assert problems(root) == [
        "units/01-a.md:3: unknown key 'teachng' — did you mean 'teaching'?",  # a typo: only the word meant
        # another tool's key, even one that looks like ours ('pagetitle', Quarto's): how to keep it, in one
        # wording for all (Redux's 'sidebar_label' and 'description' had two)
        *(
            f"units/01-a.md:{line}: unknown key '{key}' (to keep a key of another tool, declare it in course.yml:"
            f" extra_keys: [{key}]; masterysite's keys: {keys}; the course's: teaching)"
            # (Marp's 'style'; Pelican's 'category' had been "did you mean 'mastery'?")
            for line, key in ((4, "exercises"), (5, "pagetitle"), (6, "shelf"), (7, "style"), (8, "category"))
        ),
    ]


def test_extra_keys_mistakes(make_course: MakeCourse) -> None:
    root = make_course(
        {
            "course.yml": "title: T\nextra_keys:\n  - teaching\n  - title\n  - 3\n",
            "units/01-a.md": unit("A.", "teaching: half an hour\n"),
        }
    )
    assert problems(root) == [
        "course.yml:4: 'title' is a key of masterysite's own, not an extra key",
        "course.yml:5: extra_keys lists front-matter key names, like 'teaching'; got '3'",
        "units/01-a.md:3: teaching is a number of minutes, like 'teaching: 30'; got 'half an hour'",
    ]
    # a key with a dot or a colon, as the unknown-key error advises declaring it (port bb 11: then an error)
    dotted = make_course(
        {
            "course.yml": "title: T\nextra_keys: [markdown.marp.enableHtml, 'cSpell:ignore', primary categories]\n",
            "units/01-a.md": unit(
                "A.", "markdown.marp.enableHtml: true\ncSpell:ignore: [x]\nprimary categories: [y]\n"
            ),
        },
        name="dotted",
    )
    assert problems(dotted) == []


def test_pelicans_metadata_lines_are_the_front_matter(make_course: MakeCourse, tmp_path: Path) -> None:
    """Pelican's (MultiMarkdown's) 'Title: …' lines had been a 'missing title' error, and, once a heading was
    added, published as a paragraph (port bb 18): they are read as front matter, each key at its line."""
    root = make_course(
        {
            "course.yml": "title: T\nextra_keys: [author]\n",
            "units/01-post.md": "Title: My First Post\nAuthor: Ana\nSlug: first\n\nThe post.\n",
        }
    )
    assert problems(root) == [
        "units/01-post.md:3: unknown key 'slug' (to keep a key of another tool, declare it in course.yml:"
        " extra_keys: [slug]; masterysite's keys: title, id, requires, mastery, objectives, quiz, ignore;"
        " the course's: author)"
    ]
    (root / "units" / "01-post.md").write_text("Title: My First Post\nAuthor: Ana\n\nThe post.\n")
    build(root, tmp_path / "site")
    page = (tmp_path / "site" / "units" / "post.html").read_text(encoding="utf-8")  # (its id from its file)
    assert "<h1" in page and "My First Post" in page and "Author:" not in page and "<p>The post.</p>" in page


def test_pelicans_link_placeholders_are_dropped_when_the_file_is_there(make_course: MakeCourse, tmp_path: Path) -> None:
    """Pelican's '{filename}' and '{static}' had been read as folders: "unit file 'units/{filename}/…' is not
    in the course" (port bb 18). Before a path from the unit to a course file they are dropped; before any
    other, the error names the placeholder."""
    post = (
        "---\ntitle: Post\n---\n\nSee [it]({filename}02-other.md#top), [again](|filename|/units/02-other.md)"
        " and ![logo]({static}../assets/logo.svg).\n"
    )
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"></svg>'
    files = {"course.yml": "title: T\n", "units/01-post.md": post, "units/02-other.md": unit("Other.")}
    root = make_course({**files, "assets/logo.svg": svg})
    build(root, tmp_path / "site")
    page = (tmp_path / "site" / "units" / "post.html").read_text(encoding="utf-8")
    assert '<a href="other.html#top">it</a>' in page and '<a href="other.html">again</a>' in page
    assert 'src="../assets/logo.svg"' in page and "{filename}" not in page and "%7B" not in page
    gone = {**files, "units/01-post.md": post.replace("02-other", "03-gone"), "assets/logo.svg": svg}
    root = make_course(gone, name="gone")
    assert problems(root) == [
        "units/01-post.md:5: link '{filename}03-gone.md#top': Pelican's '{filename}' stands for its content"
        " folder, which a course does not have: write the path from this unit to the file ('other-unit.md')",
        "units/01-post.md:5: link '|filename|/units/03-gone.md': Pelican's '|filename|' stands for its content"
        " folder, which a course does not have: write the path from this unit to the file ('other-unit.md')",
    ]
    (root / "assets" / "logo.svg").unlink()
    assert "image '{static}../assets/logo.svg': Pelican's '{static}' stands for" in "".join(problems(root))


# --- ignore ---------------------------------------------------------------------------------------------

QUIZ = "objectives:\n  a: Do A\nquiz:\n  draw: 1\n"
QUESTION = "::: question a\nQ?\n\n= 1\n:::\n\n::: corrective a More\nAgain.\n:::\n\n::: enrichment More\nMore.\n:::"


def check_strict(root: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", str(root), "--strict"], catch_exceptions=False)
    return result.exit_code, result.output


def test_ignore_silences_warnings_also_under_strict(make_course: MakeCourse) -> None:
    files = {"units/01-a.md": unit(QUESTION, QUIZ), "units/02-b.md": unit(QUESTION, QUIZ)}
    root = make_course({"course.yml": "title: T\n", **files})
    code, output = check_strict(root)
    assert code == 1 and output.count("[small-pool]") == 2
    (root / "course.yml").write_text("title: T\nignore: [small-pool]\n", encoding="utf-8")
    assert check_strict(root)[0] == 0


def test_a_unit_ignores_only_its_own_warnings(make_course: MakeCourse) -> None:
    files = {"units/01-a.md": unit(QUESTION, QUIZ + "ignore: [small-pool]\n"), "units/02-b.md": unit(QUESTION, QUIZ)}
    root = make_course({"course.yml": "title: T\n", **files})
    assert [p for p in problems(root) if "small-pool" in p] == [
        "units/02-b.md:6: warning: pool of 1 question is too small for a fresh retake (want at least 2 for draw 1):"
        " add questions or lower the draw [small-pool]"
    ]


def test_ignore_only_known_codes(make_course: MakeCourse) -> None:
    root = make_course(
        {"course.yml": "title: T\nignore:\n  - smallpool\n", "units/01-a.md": unit("A.", "ignore: [no-alt, quiz]\n")}
    )
    found = problems(root)
    assert found[0].startswith("course.yml:3: ignore: unknown warning code 'smallpool' (warning codes: ")
    assert found[0].endswith(" — did you mean 'small-pool'?")
    assert found[1].startswith("units/01-a.md:3: ignore: unknown warning code 'quiz' (warning codes: ")
    assert "did you mean" not in found[1] and len(found) == 2


def test_ignore_does_not_silence_errors(make_course: MakeCourse) -> None:
    root = make_course(
        {"course.yml": "title: T\nignore: [attribute, no-alt]\n", "units/01-a.md": unit("## H {#ms-x}\n\n![](a.svg)")}
    )
    with pytest.raises(CourseError):
        build(root, root.parent / "site")


def test_every_warning_code_is_registered() -> None:
    """``ignore:`` accepts only WARNING_CODES: a warning whose code is missing there could not be silenced."""
    used: dict[str, str] = {}
    for file in sorted((REPO / "masterysite").rglob("*.py")):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "warn" and len(node.args) >= 4:
                code = node.args[3]
                assert isinstance(code, ast.Constant), f"{file.name}:{node.lineno}: give the warning a literal code"
                used[code.value] = f"{file.relative_to(REPO)}:{node.lineno}"
    missing = {code: where for code, where in used.items() if code not in WARNING_CODES}
    assert not missing, f"add these codes to masterysite/errors.py WARNING_CODES: {missing}"
    assert len(used) >= 7


def test_markdown_of_other_tools_published_as_text_is_a_warning() -> None:
    """What CommonMark reads as plain text but another tool reads as something else: one warning per kind
    and paragraph, at its line; never in code, and not for look-alikes."""
    body = (
        "See [Jupyter][jupyter] and {{< level 2 >}} and @fig-plot.\n\n"
        "+-----+-----+\n| a   | b   |\n+=====+=====+\n| 1   | 2   |\n+-----+-----+\n\n"
        '--8<-- "snippets/hello.sh"\n\n'
        "Fine: a[i][j], mail me@sec-x.org, `[a][b]`, `{{< x >}}`, [defined][d].\n\n[d]: https://example.org\n"
    )
    _, problems = parse_lesson(body)
    assert problems == [
        "units/a.md:5: warning: '[Jupyter][jupyter]' is shown as text: no link definition has that label"
        " (write '[label]: address' in this unit) [shown-as-text]",
        "units/a.md:5: warning: Quarto cross-reference '@fig-plot' is shown as text: link to the heading or"
        " figure instead ([text](#id), or [text](other-unit.md#id) in another unit) [shown-as-text]",
        "units/a.md:5: warning: Quarto shortcode '{{< level 2 >}}' is shown as text: it is not read here:"
        " write what it shows, or remove it [shown-as-text]",
        "units/a.md:7: warning: a pandoc grid table is shown as text ('+-----+-----+'): write it as a pipe table"
        " [shown-as-text]",
        "units/a.md:13: warning: MkDocs snippet '--8<-- \"snippets/hello.sh\"' is shown as text: paste the file's"
        " content instead [shown-as-text]",
    ]


def test_a_quarto_equation_label_numbers_the_formula_and_its_references_link_to_it() -> None:
    html, problems = parse_lesson(
        "$$\n\\frac{a}{b} = c\n$$ {#eq-frac}\n\n$$ E = mc^2 $$ {#eq-mass}\n\nAfter @eq-mass, see [-@eq-frac].\n"
    )
    assert problems == []
    assert html.count('display="block"') == 2 and "$$" not in html and "{#" not in html
    assert (
        '<div class="math block math-numbered" id="eq-mass">' in html and '<span class="math-number">(2)</span>' in html
    )
    assert html.endswith('<p>After <a href="#eq-mass">(2)</a>, see <a href="#eq-frac">1</a>.</p>\n')
    html, _ = parse_lesson("```markdown\n$$ E = mc^2 $$ {#eq-mass}\n```\n")  # shown as written in code
    assert "$$ E = mc^2 $$ {#eq-mass}" in html


def test_a_code_chunk_is_said_to_be_shown_and_never_run_once_a_unit() -> None:
    """Its options as Quarto and knitr read them: '#|' lines never shown; 'include: false' or 'echo:
    false' (knitr's 'include=FALSE') shows none of its code, and never run here, nothing at all (the
    corestats lessons began with their setup code)."""
    body = (
        "```{r setup, include=FALSE}\nlibrary(SETUP)\n```\n\n```{python}\n#| echo: false\nprint(SETUP)\n```\n\n"
        "```{python}\n#| eval: false\n#| label: fig-x\nprint(1)\n```\n\n```{r}\n#| include: true\nshown()\n```\n"
    )
    html, problems = parse_lesson(body)
    assert problems == [
        "units/a.md:14: warning: code chunk '```{python}' is shown as code and never run (one with 'include: false'"
        " or 'echo: false' is left out): render the lesson to Markdown first (knitr, quarto render) [shown-as-text]"
    ]
    assert '<code class="language-python">' in html  # still highlighted
    assert "SETUP" not in html and "#|" not in html and "print" in html and "shown" in html
    _, problems = parse_lesson("```{.language-bash}\nls\n```\n\n```python\nx\n```\n")
    assert problems == []  # attributes and plain fences are not chunks


def test_a_solution_chunk_is_left_out_and_said_once_a_unit() -> None:
    """Quarto's '#| solution: true', learnr's '-solution', '-hint' and '-check' chunks and a chunk shown
    only on a condition ('echo=params$solutions', '#| echo: !expr ...') are answers their tool keeps from
    the student: never published (port round m: fysisk-biokemi, joholearnr and knitr sheets showed them)."""
    body = (
        "```{python}\n#| solution: true\nANSWER_1 = 1\n```\n\n"
        "```{r order-op-solution}\n(5-2)*ANSWER_2\n```\n\n```{r order-op-hint-1, echo=TRUE}\nANSWER_3\n```\n\n"
        "```{r order-op-check}\ngrade_this_code(ANSWER_4)\n```\n\n```{r Q1, echo=SOLUTIONS}\nANSWER_5\n```\n\n"
        "```{r, include=params$key}\nANSWER_6\n```\n\n```{python}\n#| echo: !expr show\nANSWER_7\n```\n\n"
        "```{r order-op, exercise=TRUE}\nshown_1()\n```\n\n```{r, echo=c(1, 3)}\nshown_2()\n```\n\n"
        "```{python}\n#| echo: fenced\nshown_3()\n```\n\n```{r check-in}\nshown_4()\n```\n"
    )
    html, problems = parse_lesson(body)
    text = re.sub(r"<[^>]+>", "", html)
    assert "ANSWER" not in text
    assert all(f"shown_{n}()" in text for n in range(1, 5))
    assert [p for p in problems if "[left-out]" in p] == [
        "units/a.md:5: warning: code chunk '```{python}' is left out: 'solution: true' makes it an exercise's"
        " solution (and 6 more in this unit); to show a solution after the student tries, write it in a"
        " '::: solution' block [left-out]"
    ]
    for chunk, why in [
        ("```{r order-op-solution}", "learnr shows a '-solution', '-hint' or '-check' chunk only on request, or never"),
        ("```{r Q1, echo=SOLUTIONS}", "it is shown only when 'echo=SOLUTIONS' holds, which is not known here"),
        ("```{python}\n#| echo: !expr show", "it is shown only when 'echo: !expr show' holds, which is not known here"),
        # quarto-live's grader and setup (port cc 8: the grader, which holds the answer, was shown)
        (
            "```{pyodide}\n#| exercise: ex_1\n#| check: true",
            "quarto-live never shows an exercise's 'check: true' chunk (its grader, which holds the answer)",
        ),
        (
            "```{webr}\n#| exercise: ex_1\n#| setup: true",
            "quarto-live runs an exercise's 'setup: true' chunk and never shows it",
        ),
    ]:
        _, problems = parse_lesson(f"{chunk}\nx\n```\n")
        assert f"is left out: {why}; to show" in problems[-1]


def test_nbgrader_and_otter_solutions_are_left_out_of_the_code_as_their_student_versions_have_it() -> None:
    body = (
        "```python\ndef z(x, mu, sigma):\n    ### BEGIN SOLUTION\n    return (x - mu) / SECRET\n    ### END SOLUTION\n"
        "\n# BEGIN SOLUTION\nSECRET_TOO = 1\n# END SOLUTION\nx = SECRET + 2  # SOLUTION\nSECRET_LINE()  # SOLUTION\n"
        "y = SECRET  # SOLUTION NO PROMPT\nkept = 1\n```\n\n"
        "```r\n## BEGIN SOLUTION\nSECRET <- 1\n## END SOLUTION\n```\n"
    )
    html, problems = parse_lesson(body)
    html = re.sub(r"<[^>]+>", "", html)
    assert "SECRET" not in html and "BEGIN" not in html and "END" not in html
    assert "    ### YOUR CODE HERE\n" in html and "\n# YOUR CODE HERE\nx = ...\n...\nkept = 1\n" in html
    assert "## YOUR CODE HERE" in html
    assert problems == [
        "units/a.md:5: warning: a solution in this code (nbgrader's or otter-grader's markers) is left out, as"
        " their student versions leave it out (and 1 more in this unit); to show a solution after the student"
        " tries, write it in a '::: solution' block [left-out]"
    ]
    html, problems = parse_lesson("```\nTHE BEGIN SOLUTION of it\n```\n")  # no comment sign: not a marker
    assert "THE BEGIN SOLUTION of it" in html and problems == []
    # in indented code too (security round ff 04: its solution had been published)
    html, problems = parse_lesson("Write it.\n\n    def area(r):\n        ### BEGIN SOLUTION\n        return SECRET\n"
                                  "        ### END SOLUTION\n")  # fmt: skip
    assert "SECRET" not in html and "### YOUR CODE HERE" in html and [p.split(": ")[1] for p in problems] == ["warning"]


@pytest.mark.parametrize(
    ("expression", "shown"),
    [("html", True), ("not latex", True), ("html and not draft", True), ("(html or epub) and not latex", True),
     ("format_html", True), ("latex", False), ("solutions", False), ("not html", False), ("instructor", False),
     ("html and solutions", False), ("SOC_AM64X", False), ("html ==", False), ("__import__('os')", False)],
)  # fmt: skip
def test_sphinx_only_shows_its_content_when_its_expression_holds_for_an_html_build(
    expression: str, shown: bool
) -> None:
    for fence in ("```", ":::"):
        html, problems = parse_lesson(f"{fence}{{only}} {expression}\nThe **content**.\n{fence}\n\nAfter.\n")
        assert (("<p>The <strong>content</strong>.</p>" in html) is shown and "content" in html) or not shown
        assert ("content" in html) is shown and "only" not in html and "After." in html
        assert problems == []


def test_sphinx_ifconfig_and_todo_are_never_published() -> None:
    html, problems = parse_lesson(
        "```{ifconfig} show_answers\nIFCONFIG answer\n```\n\n```{todo}\nTODO check with the TA\n```\n\nAfter.\n"
    )
    assert "IFCONFIG" not in html and "TODO" not in html and "After." in html
    assert problems == []


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ("a\n{% if site.solutions %}\nHIDDEN\n{% endif %}\nb\n", "a b"),
        ("{% if x %}\nHIDDEN\n{% else %}\nAfter the deadline.\n{% endif %}\n", "After the deadline."),
        ("{% unless x %}\nNot yet.\n{% else %}\nHIDDEN\n{% endunless %}\n", "Not yet."),
        ("{% if x %}HIDDEN{% elsif y %}HIDDEN{% else %}Shown{% endif %}\n", "Shown"),
        ("{%- if x -%}\nHIDDEN {% if y %}HIDDEN{% else %}HIDDEN{% endif %}\n{% else %}\nShown\n{% endif %}\n", "Shown"),
        ("`{% if x %}` is Liquid.\n", "{% if x %} is Liquid."),
    ],
)
def test_a_liquid_condition_is_read_as_liquid_reads_it_when_nothing_is_set(body: str, kept: str) -> None:
    html, problems = parse_lesson(body)
    assert "HIDDEN" not in html
    assert " ".join(re.sub(r"<[^>]+>", " ", html).split()) == kept
    assert all("[left-out]" in p and "Liquid condition '{%" in p for p in problems)
    assert len(problems) == (0 if body.startswith("`") else 1)
    taken = "met, so what it holds is shown" if "unless" in body else "not met, so what it holds is left out"
    assert all(f"it is taken as {taken} (an '{{% else %}}' part is" in p for p in problems)  # (hpc-intro's unless)


def test_a_liquid_condition_never_ended_leaves_nothing_out() -> None:
    html, problems = parse_lesson("{% if x %}\nShown\n")
    assert "Shown" in html and "{% if x %}" in html
    assert [p.rsplit("[", 1)[1] for p in problems] == ["shown-as-text]"]


def test_a_quarto_chunk_in_double_braces_is_shown_as_written_with_single_braces() -> None:
    """Quarto's ```{{r}}: a chunk shown, not run; its header reads ```{r}, in a code block or as one."""
    body = "````\n``` {{r}}\n#| label: raw-data\nrawdata <- 1\n```\n````\n"  # the teacher's lesson
    html, problems = parse_lesson(body)
    assert problems == []
    assert html == "<pre><code>``` {r}\n#| label: raw-data\nrawdata &lt;- 1\n```\n</code></pre>\n"
    html, problems = parse_lesson("```{{python}}\n#| echo: false\nprint(1)\n```\n\n~~~ {{ r }}\nx\n~~~\n")
    assert problems == []  # (shown on purpose: no chunk 'never run')
    assert html == (
        "<pre><code>```{python}\n#| echo: false\nprint(1)\n```\n</code></pre>\n"
        "<pre><code>```{r}\nx\n```\n</code></pre>\n"
    )
    html, _ = parse_lesson("````markdown\n```{{< meta x >}}\n````\n")
    assert "{{&lt; meta x &gt;}}" in html  # a shortcode is no chunk


def test_display_math_on_lines_of_its_own_ends_a_paragraph() -> None:
    """As pandoc reads it: 'the model\\n$$ ... $$\\nwhere ...' is typeset, not text whose '_' became emphasis."""
    html, problems = parse_lesson("The model\n$$\nY_{t} = \\beta_{0} + \\epsilon_{t},\n$$\nwhere it costs $$5.\n")
    assert problems == []
    assert html.startswith('<p>The model</p>\n<div class="math block">') and html.count("math block") == 1
    assert "<em>" not in html and "\\beta" not in html and html.endswith("<p>where it costs $$5.</p>\n")


def test_images_and_links_in_raw_html_are_checked_published_and_rewritten(
    make_course: MakeCourse, tmp_path: Path
) -> None:
    body = (
        '<p align="center"><img src="fig/a.svg" alt="A tree"></p>\n\n'
        'Go <a href="02-b.md">on</a> or <a href=\'#top\'>up</a> or <a href="https://example.org">out</a>.\n'
    )
    files = {
        "course.yml": "title: T\n",
        "units/01-a.md": unit(body),
        "units/02-b.md": unit("B."),
        "units/fig/a.svg": SVG,
    }
    root = make_course(files)
    assert problems(root) == []
    build(root, tmp_path / "site")
    page = (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    assert '<img src="fig/a.svg" alt="A tree" width="10" height="10">' in page
    assert '<a href="b.html">on</a>' in page and "<a href='#top'>up</a>" in page
    assert (tmp_path / "site" / "units" / "fig" / "a.svg").is_file()  # published
    broken = '<img src="fig/gone.png">\n\n<p><img src="../../assets/x.png" alt="x"/></p>\n'
    root = make_course({"course.yml": "title: T\n", "units/01-a.md": unit(broken)})
    assert problems(root) == [
        "units/01-a.md:5: broken image 'fig/gone.png': no file 'units/fig/gone.png' in the course",
        "units/01-a.md:5: warning: image 'fig/gone.png' has no alt text: add alt=\"...\" [no-alt]",
        "units/01-a.md:7: image '../../assets/x.png' leaves the course (it points outside the course folder):"
        " copy the file into the course, or link to it on the web",
    ]


def test_quarto_citations_equation_references_and_table_captions_are_warned() -> None:
    body = "See [@Brockwell:Davis:2002, p. 4] and @eq-x and [Split\nlabel][lab].\n\n"
    body += "| a |\n|---|\n| 1 |\n\n## Heading\n\n: Values {#tbl-v}\n"  # not beside a table: not its caption
    _, problems = parse_lesson(body)
    assert [p.split(": warning: ")[1].split(" is shown")[0] for p in problems] == [
        "'[Split label][lab]'",  # on one line, as it reads
        "Quarto cross-reference '@eq-x'",
        "citation '[@Brockwell:Davis:2002, p. 4]'",
        "table caption ': Values {#tbl-v}'",
    ]
    assert "no formula of this unit has that label (write it after the formula: '$$ … $$ {#eq-name}')" in problems[1]


def test_a_code_blocks_title_is_shown_above_it() -> None:
    """MkDocs' ```sh title="sort.sh"``` names the file the student is to write: shown, not dropped."""
    html, problems = parse_lesson('```sh title="B03_sort.sh" hl_lines="2" linenums="1"\nsort x\n```\n')
    assert problems == []
    assert html.startswith('<p class="ms-code-title"><code>B03_sort.sh</code></p>\n<pre class="highlight">')
    assert '<code class="language-sh">sort' in html


def test_a_ticked_item_outside_a_question_is_warned() -> None:
    """'- [x] 4/8' in a lesson (an MkDocs '!!! note' box, say) shows the answer: not in a question.
    (In a '!!! question' box it is an error: tests/test_admonitions.py.)"""
    _, problems = parse_lesson('!!! note "Which?"\n    - [ ] 1/8\n    - [x] 4/8\n')
    assert problems == [
        "units/a.md:7: warning: a ticked item '[x] 4/8' is shown as a ticked box, its answer for all to see: a choice"
        " question is written '::: question OBJECTIVE' (or '::: practice'); a checklist can stay as it is"
        " [shown-as-text]"
    ]
    _, problems = parse_lesson(
        "::: practice\nP?\n\n- [x] a\n- [ ] b\n:::\n\n:::: challenge\n::: solution\n- [x] c\n:::\n::::\n"
    )
    assert not [p for p in problems if "ticked" in p]


def test_a_checklist_shows_boxes_and_choices_stay_choices() -> None:
    """'- [ ] Download the data' in a lesson, a callout or a corrective is a box (ticked for [x] and
    [X]), as GitHub and MkDocs show it; a question's and a practice's choices are read as choices."""
    html, problems = parse_lesson(
        "- [ ] Download the *data*\n- [X] Install Python\n- [x]\n- [ ]no space\n- [link](#x)\n\n"
        "1. [ ] numbered\n\n::: checklist\n- [ ] in a box\n:::\n"
    )
    assert problems[0].endswith(
        "a ticked item '[X] Install Python' is shown as a ticked box, its answer for all"
        " to see: a choice question is written '::: question OBJECTIVE' (or '::: practice'); a checklist can stay"
        " as it is [shown-as-text]"
    )
    item = '<li class="task-list-item"><label><input type="checkbox" disabled'
    assert f"{item}> Download the <em>data</em></label></li>" in html
    assert f"{item} checked> Install Python</label></li>" in html
    assert f"{item} checked> </label></li>" in html
    assert "<li>[ ]no space</li>" in html and '<li><a href="#x">link</a></li>' in html
    assert '<ol>\n<li class="task-list-item"><label><input type="checkbox" disabled> numbered' in html
    assert html.count('class="task-list-item"') == 5 and "[ ]" not in html.replace("[ ]no space", "")

    html, _ = parse_lesson("::: practice\nP?\n\n- [x] a\n- [ ] b\n:::\n\n::: question o\nQ?\n\n- [x] c\n- [ ] d\n:::\n")
    assert "task-list-item" not in html and 'type="radio"' in html


@pytest.mark.parametrize("safe", [False, True])
def test_a_checklist_in_a_corrective_is_boxes_too(safe: bool) -> None:
    from masterysite.errors import Report
    from masterysite.parse.unit import UnitSource, parse_unit

    text = (
        "---\ntitle: A\nobjectives:\n  o: Do it\n---\n\n- [x] Read the lesson\n\n"
        "::: question o\nQ?\n\n- [x] right\n- [ ] wrong\n:::\n\n"
        "::: corrective o Again\n- [ ] Read it again\n:::\n"
    )
    source = UnitSource("units/a.md", 0, None, "/nonexistent", {}, (), safe, True)
    unit = parse_unit(text, source, Report())
    assert unit is not None
    attribute = '=""' if safe else ""  # the sanitizer writes attributes in full
    box = f'<label><input type="checkbox" disabled{attribute}'
    assert f"{box} checked{attribute}> Read the lesson</label>" in unit.lesson_html
    assert f"{box}> Read it again</label>" in unit.correctives[0].html
    assert [c.correct for c in unit.questions[0].choices] == [True, False]


def test_raw_html_attributes_are_read_one_by_one_whatever_their_case(make_course: MakeCourse, tmp_path: Path) -> None:
    body = (
        '<IMG SRC="fig/a.svg" ALT="x">\n\n<picture><source srcset="fig/b.svg 2x, fig/a.svg 1x">'
        '<img src="fig/a.svg" alt="y"></picture>\n\n<video poster="fig/gone.png"></video>\n\n'
        '<img alt="flow of src =in.png" src="fig/a.svg">\n\n<a title="see href=other.md" href="#top">t</a>\n'
    )
    files = {"course.yml": "title: T\n", "units/01-a.md": unit(body), "units/fig/a.svg": SVG, "units/fig/b.svg": SVG}
    root = make_course(files)
    assert problems(root) == [
        "units/01-a.md:9: broken image 'fig/gone.png': no file 'units/fig/gone.png' in the course"
    ]
    root = make_course({**files, "units/01-a.md": unit(body.replace("fig/gone.png", "fig/a.svg"))})
    build(root, tmp_path / "site")
    assert (tmp_path / "site" / "units" / "fig" / "b.svg").is_file()  # from srcset


def test_display_math_in_a_sentence_is_left_to_the_sentence() -> None:
    html, _ = parse_lesson("The loss is $$\nL = y\n$$\nand its gradient is $$g$$\n")
    assert "math block" not in html and html.startswith('<p>The loss is <span class="math display"><math')
    assert html.count('display="block"') == 2 and html.endswith("</span></p>\n")  # both in the sentence, as pandoc


# Formulas as the repros of a teacher's port wrote them (MathJax's LaTeX: Jupyter Book, Quarto)
ALIGNED_NO_AMPERSAND = (
    "$$\n\\begin{aligned}\n    1 = m - 9n \\\\\n    3 = m - 7n \\\\\n    8 = m - 3n\n\\end{aligned}\n$$\n"
)
ALIGNED = "$$\n\\begin{aligned}\n    1 &= m - 9n \\\\\n    3 &= m - 7n\n\\end{aligned}\n$$\n"
COLOURED_MATRIX = "$$\n\\begin{bmatrix} \\color{red}{a} & b \\\\ c & \\color{blue}{d} \\end{bmatrix}\n$$\n"


def rows(html: str) -> list[list[str]]:
    """The cells of each row of the one table in ``html``'s MathML, as their text."""
    return [
        [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<mtd[^>]*/>|<mtd[^>]*(?<!/)>(.*?)</mtd>", row)]
        for row in re.findall(r"<mtr>(.*?)</mtr>", html)
    ]


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        (ALIGNED_NO_AMPERSAND, [["1&#x0003D;m&#x02212;9n"], ["3&#x0003D;m&#x02212;7n"], ["8&#x0003D;m&#x02212;3n"]]),
        (ALIGNED, [["1", "&#x0003D;m&#x02212;9n"], ["3", "&#x0003D;m&#x02212;7n"]]),
        (COLOURED_MATRIX, [["a", "b"], ["c", "d"]]),
        (
            "$$\\begin{split} f &= a \\\\[4pt] &= b & c \\\\ \\end{split}$$\n",
            [["f", "&#x0003D;a"], ["", "&#x0003D;b", "c"]],
        ),
        ("$$\\begin{alignedat}{2} x &= 1 & y &= 2 \\end{alignedat}$$\n", [["x", "&#x0003D;1", "y", "&#x0003D;2"]]),
        ("$$\\begin{gathered} a + b \\\\ c \\end{gathered}$$\n", [["a&#x0002B;b"], ["c"]]),
        (
            "$x = \\begin{cases} \\color{red}{1} & x > 0 \\\\ 0 & x \\le 0 \\end{cases}$\n",
            [["1", "x&#x0003E;0"], ["0", "x&#x02264;0"]],
        ),
    ],
)
def test_mathjax_environments_and_colours_are_tables_row_by_row(formula: str, expected: list[list[str]]) -> None:
    """latex2mathml knows neither aligned (nor split, alignedat, gathered) nor MathJax's \\color{c}{x}:
    their '&' was a character and the rows ran together on one line."""
    html, problems = parse_lesson(formula)
    assert problems == []
    assert "<mtable" in html and "<mi>&</mi>" not in html and "<mi>&amp;</mi>" not in html
    assert rows(html) == expected


def test_an_aligned_relation_keeps_its_space_and_a_colour_its_argument() -> None:
    html, _ = parse_lesson(ALIGNED + "\n" + COLOURED_MATRIX)
    relation = '<mtd columnalign="left" style="text-align:left"><mrow /><mo>&#x0003D;</mo>'
    assert relation in html  # '&=' a relation, as LaTeX sets it
    assert html.count("<mstyle") == 2 and '<mstyle mathcolor="red"><mi>a</mi></mstyle>' in html
    assert '<mstyle mathcolor="blue"><mi>d</mi></mstyle>' in html
    html, _ = parse_lesson("$\\color{red}{a {b} \\color{blue}{c}} d$ and $\\color{green} e$\n")
    assert re.sub(r"</?mrow>", "", html).count("</mstyle><mi>d</mi>") == 1  # 'd' is not red
    assert '<mstyle mathcolor="green"><mi>e</mi></mstyle>' in html  # (the one-argument switch, as it was)


def test_what_mathjax_reads_and_latex2mathml_does_not_is_typeset_as_mathjax_would() -> None:
    """A matrix written \\mathrm{A} was italic where \\mathrm{Ax} was upright (the TU Delft MUDE book); \\arg
    and \\label were shown as commands, with a warning that LaTeX has no such command (a labelled formula is
    numbered now); \\operatorname{arg\\,min} fell apart into italic letters."""
    html, problems = parse_lesson(
        "$$\\hat{x} = \\arg \\min_x \\mathrm{A}^T \\mathrm{d}x \\label{eq:model}$$\n\n"
        "$\\operatorname{arg\\,min}_x f$ and $y \\tag{3}$ and $z \\nonumber$\n"
    )
    assert problems == []
    assert "\\" not in html and "<mi>e</mi><mi>q</mi>" not in html
    assert html.count("eq:model") == 1 and '<div class="math block math-numbered" id="eq:model">' in html  # numbered
    assert "<mtext>A</mtext>" in html and "<mtext>d</mtext>" in html and "<mo>arg</mo>" in html
    assert "<mo>arg\u2009min</mo>" in html and "<mtext>(3)</mtext>" in html


def test_an_ampersand_left_outside_a_table_is_a_warning() -> None:
    _, problems = parse_lesson("Rows:\n\n$$\n\\begin{matrixx} a & b \\end{matrixx}\n$$\n\n$a \\& b$\n")
    assert problems == [
        "units/a.md:8: warning: math '\\begin{matrixx} a & b \\end{matrixx}' has an '&' outside a table: it is shown"
        " as a character; put the rows in an environment that has columns (\\begin{aligned}, \\begin{array}{rl},"
        " \\begin{cases}) [math]"
    ]


def test_display_math_right_after_a_line_of_text_is_typeset() -> None:
    html, _ = parse_lesson("A function $f$ is invariant if:\n$$f(g(x)) = f(x)$$\nfor every $g$.\n")
    assert "$" not in html and html.count('<span class="math display"><math') == 1
    assert "<div" not in html  # (a paragraph cannot hold one)


def test_cross_references_read_in_the_courses_language(make_course: MakeCourse, tmp_path: Path) -> None:
    body = "Siehe @fig-baum.\n\n![Ein Baum](fig/a.svg){#fig-baum}\n"
    root = make_course({"course.yml": "title: T\nlanguage: de\n", "units/01-a.md": unit(body), "units/fig/a.svg": SVG})
    assert problems(root) == []
    build(root, tmp_path / "site")
    page = (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    assert '<p>Siehe <a href="#fig-baum">Abbildung 1</a>.</p>' in page
    assert "<figcaption>Abbildung 1: Ein Baum</figcaption>" in page


def test_a_quiz_without_draw_is_the_same_on_every_retake_and_said_so(make_course: MakeCourse) -> None:
    """SPEC §5: the whole pool counts as the draw when 'draw' is not set; no quiz, no warning."""
    two = "::: question a\nR?\n\n= 2\n:::\n\n" + QUESTION
    files = {"units/01-a.md": unit(two, "objectives:\n  a: Do A\n"), "units/02-b.md": unit("Lesson.")}
    root = make_course({"course.yml": "title: T\n", **files})
    assert [p for p in problems(root) if "small-pool" in p] == [
        "units/01-a.md:1: warning: a retake asks the same 2 questions again (no quiz.draw): for fresh ones, add"
        " questions and set 'quiz: {draw: N}' to at most half of the pool [small-pool]"
    ]


def test_an_objective_of_one_question_that_every_attempt_asks_is_said(make_course: MakeCourse) -> None:
    """Bloom: the retake asks different questions. A draw at least as large as the objectives asks
    each of them every time (draw.js), so an objective's only question comes back on every retake,
    though the pool is twice the draw; an objective of two keeps a fresh one (tests/browser/
    test_draw_coverage.py); a draw smaller than the objectives is said itself."""

    def said(pool: dict[str, int], draw: int) -> list[str]:
        front = "objectives:\n" + "".join(f"  {o}: Do {o}\n" for o in pool) + f"quiz:\n  draw: {draw}\n"
        body = "".join(f"::: question {o}\nQ {o} {n}?\n\n= {n}\n:::\n\n" for o, k in pool.items() for n in range(k))
        course = "title: T\nignore: [no-corrective, no-enrichment]\n"
        root = make_course({"course.yml": course, "units/01-a.md": unit(body, front)})
        return [p for p in problems(root) if "small-pool" in p]

    assert said({"alone": 1, "many": 4, "more": 3}, 3) == [
        "units/01-a.md:4: warning: objective 'alone' has one question, which every attempt asks: a retake asks it"
        " again; add another '::: question alone' block [small-pool]"
    ]
    assert said({"pair": 2, "many": 4}, 3) == []
    # two of three objectives: each attempt leaves one unasked, and the unit is mastered without it (port ee 7)
    assert said({"alone": 1, "many": 4, "more": 4}, 2) == [
        "units/01-a.md:8: warning: quiz.draw is 2 but the unit has 3 objectives with questions: each attempt asks 2"
        " of them, and a student masters the unit without being asked the other 1; set the draw to at least 3 (one"
        " question of each objective) [small-pool]"
    ]


def test_one_message_for_a_question_never_closed_or_a_misspelt_objective(make_course: MakeCourse) -> None:
    """SPEC §5, one message per root cause: a question left open before the next block starts is that
    error alone (not one per block after it, nor 'objective with no question'); a question for a
    misspelt objective is not followed by 'objective with no question' for the one it meant."""
    body = (
        "::: question o\nWhich?\n\n- [x] a\n- [ ] b\n\n\n::: question o\nAgain?\n\n= yes\n:::\n\n"
        "::: corrective o Again\nMore.\n:::\n\n::: enrichment More\nMore.\n:::\n"
    )
    front = "objectives:\n  o: Do O\nquiz:\n  draw: 1\n"
    root = make_course({"course.yml": "title: T\n", "units/01-a.md": unit(body, front)})
    assert problems(root) == [
        "units/01-a.md:9: '::: question' block is never closed: add a line ':::' after it, before line 16 where the"
        " next block starts"
    ]
    body = "::: question oo\nWhich?\n\n= yes\n:::\n\n::: corrective o Again\nMore.\n:::\n"
    root = make_course({"course.yml": "title: T\n", "units/01-a.md": unit(body, front)}, "misspelt")
    assert [p.split(": ", 1)[1][:55] for p in problems(root)] == [
        "question refers to unknown objective 'oo' (objectives: "
    ]
    root = make_course({"course.yml": "title: T\n", "units/01-a.md": unit(body, front.replace("ob", "o"))}, "key")
    assert problems(root) == ["units/01-a.md:3: unknown key 'ojectives' — did you mean 'objectives'?"]
    front = "objectives:\n  o o: Do O\n"
    root = make_course({"course.yml": "title: T\n", "units/01-a.md": unit(body, front)}, "spaced")
    spaced = "units/01-a.md:4: objective id 'o o' may use only letters, digits, '-' and '_' (like 'o-o')"
    assert problems(root) == [spaced]
    a, b = "---\ntitle: A\n---\n\nA.\n", "---\ntitle: B\nid: a\nrequires: [a]\n---\n\nB.\n"
    files = {"course.yml": "title: T\n", "units/01-a.md": a, "units/02-b.md": b, "units/03-c.md": c(b)}
    root = make_course(files, "ids")
    assert problems(root) == [
        "units/02-b.md:3: duplicate unit id 'a' (also used by units/01-a.md): give one of them its own 'id:'",
        "units/03-c.md:3: requires unknown unit id 'b': units/02-b.md has 'id: a'",
    ]
    yes = "---\ntitle: A\nobjectives:\n  yes: Say yes\n---\n\nA.\n"
    assert problems(make_course({"course.yml": "title: T\n", "units/01-a.md": yes}, "yes")) == [  # (round y 9)
        "units/01-a.md:4: objective id: YAML reads no, yes, on and off (any case) as false or true: put it in"
        " quotes ('yes')"
    ]
    for course_yml, where in (
        ("title: No\n", "course.yml:1: title"),
        ("title: T\nlanguage: no\n", "course.yml:2: language"),
    ):
        found = problems(make_course({"course.yml": course_yml, "units/01-a.md": a}, where[-5:]))
        assert len(found) == 1 and found[0].startswith(f"{where}: YAML reads no, yes, on and off"), found
    files = {"course.yml": "title: T\n", "units/01-con.md": a}
    assert problems(make_course(files, "windows")) == [  # (round y 14)
        "units/01-con.md:1: unit id 'con' is a name Windows keeps for a device: its page 'con.html' cannot be copied"
        " there (a student's download, a USB stick); give the unit its own 'id:'"
    ]
    files = {
        "course.yml": "title: T\n",
        "units/01-Intro.md": a,
        "units/02-intro.md": b.replace("id: a\nrequires: [a]\n", ""),
    }
    assert problems(make_course(files, "cases")) == [  # (round y 5)
        "units/02-intro.md:1: unit id 'intro' differs from 'Intro' (units/01-Intro.md) only in capitals: their pages"
        " are one file on Windows and macOS, and on a USB stick; give one of them its own 'id:'"
    ]


def c(b: str) -> str:
    return b.replace("title: B\nid: a\nrequires: [a]", "title: C\nrequires: [b]")


def test_front_matter_and_link_mistakes_say_what_to_write(make_course: MakeCourse) -> None:
    units = {
        "units/01-a.md": "---\ntitle: A\ndraw: 3\nquiz:\n  mastery: 90%\n---\n\n![A](fig\\x.png) [f](file:///C:/x.csv)\n",
        "units/02-b.md": "---\ntitle: B\nrequires: a, c\n---\n\nB.\n",
    }
    root = make_course({"course.yml": "title: T\n", **units})
    assert problems(root) == [
        "units/01-a.md:3: 'draw' belongs under 'quiz:' (write 'quiz:' then '  draw: …' on the next line)",
        "units/01-a.md:5: 'mastery' is a key of the unit, not of its quiz: write it on a line of its own, before"
        " 'quiz:'",
        "units/01-a.md:8: broken image 'fig\\x.png': write '/' between folders: 'fig/x.png'",
        "units/01-a.md:8: this link to 'file:///C:/x.csv' is shown as plain text: it is a file on your computer,"
        " which no student has; copy the file into assets/ (or beside the unit) and link to it there",
        "units/02-b.md:3: requires lists its unit ids in brackets: 'requires: [a, c]'",
    ]


def test_front_matter_without_its_opening_line_is_one_error(make_course: MakeCourse) -> None:
    unit = "title: A\nobjectives:\n  o: Do O\n---\n\n::: question o\nQ?\n\n= 1\n:::\n"
    root = make_course({"course.yml": "title: T\n", "units/01-a.md": unit})
    assert problems(root) == ["units/01-a.md:1: front matter must start with a line '---': add it before line 1"]
    lesson = "Note: read this first.\n\nA paragraph.\n\n---\n\nMore.\n"  # a lesson, not front matter
    root = make_course({"course.yml": "title: T\n", "units/01-a.md": "---\ntitle: A\n---\n" + lesson}, "b")
    assert problems(root) == []


def test_remarks_first_slide_is_no_front_matter(make_course: MakeCourse, tmp_path: Path) -> None:
    """remark's deck begins 'class: center, middle', a blank line, '# Title', '---': read as front matter whose
    '---' was forgotten, and following the advice lost the title slide as a YAML comment (port bb 27). Its slide
    properties, there and after a later '---', are left out."""
    deck = (
        "class: center, middle\n\n# Linux concepts\n\n---\n\n## The kernel\n\nText.\n\n---\nclass: inverse\n\n## Next\n"
    )
    root = make_course({"course.yml": "title: T\n", "units/01-a.md": deck})
    assert problems(root) == [
        "units/01-a.md:1: warning: a slide's front matter (Slidev's and Marp's settings between '---' lines:"
        " 'layout: intro') is left out (and 1 more in this unit): it sets up a slide, which a lesson page does"
        " not have [left-out]"
    ]
    build(root, tmp_path / "site")
    page = (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    assert "<title>Linux concepts" in page and "class:" not in page and '<h2 id="next">Next</h2>' in page


def test_a_link_to_a_unit_not_listed_says_to_list_it(make_course: MakeCourse) -> None:
    files = {
        "course.yml": "title: T\nunits: [01-a.md]\n",
        "units/01-a.md": "---\ntitle: A\n---\n\nSee [b](02-b.md#x).\n",
        "units/02-b.md": "---\ntitle: B\n---\n\nB.\n",
    }
    root = make_course(files)
    assert (
        "units/01-a.md:5: link '02-b.md#x': unit file 'units/02-b.md' is not in the course: list it in"
        " course.yml's units" in problems(root)
    )


def test_a_ticked_item_is_quoted_with_its_code() -> None:
    _, problems = parse_lesson('- [x] Double quotes `"`\n- [ ] Single quotes\n')
    assert "a ticked item '[x] Double quotes `\"`' is shown as a ticked box" in problems[0]


def test_a_unit_of_more_quiz_questions_than_key_shares_is_an_error_at_the_first_too_many(
    make_course: MakeCourse,
) -> None:
    """Each quiz question holds a share of the unit key, and a byte says which: 254 at most (a drill of
    255 generated questions was an internal error)."""
    questions = "".join(f"::: question o\n{n} + 1?\n\n= {n + 1}\n:::\n\n" for n in range(255))
    unit = f"---\nobjectives:\n  o: Add two numbers\nquiz:\n  draw: 10\n---\n# Drill\n\n{questions}"
    root = make_course({"course.yml": "title: T\n", "units/a.md": unit})
    for command in (["check", str(root)], ["build", str(root), "-o", str(root.parent / "site")]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 1, result.output
        assert (
            f"units/a.md:{9 + 6 * 254}: a unit holds at most 254 quiz questions, and this is its 255th (255 in all):"
            " split it into units, or make some of them '::: practice'"
        ) in result.output
        assert "internal error" not in result.output
    root = make_course(
        {"course.yml": "title: T\n", "units/a.md": unit.replace("::: question o\n254 + 1?\n\n= 255\n:::\n\n", "")}, "ok"
    )
    result = CliRunner().invoke(main, ["build", str(root), "-o", str(root.parent / "site2")])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "body",
    [
        "Text [[" + "[[" * 12_000 + " and more.\n",
        "term\n: definition\n" * 6_000,
        "::: question o\n" + "[[x " * 6_000 + "\n\n= 1\n:::\n",
        "import" + " " * 100_000 + "x\n",  # (an MDX import's pattern took cubic time: days for this line)
        "import x from 'y'\n\n```\ncode\n```\n\n" * 3_000,  # (each import looked through every code block)
        "<?quiz?>\n" * 20_000,  # (mkdocs-quiz's and MDX's markers never closed: from each, to the end: review q)
        "<quiz>\n" * 24_000,
        "{/* " * 40_000,
        "\\begin{equation} \\label{x} " * 20_000,  # (an environment never ended is not looked for again)
    ],
    ids=[
        "brackets",
        "glossary",
        "question-brackets",
        "mdx-import-line",
        "mdx-imports-and-code",
        "old-quiz",
        "quiz",
        "mdx",
        "environments",
    ],
)
def test_a_long_unit_is_read_in_time_that_grows_with_it_not_with_its_square(body: str) -> None:
    """Each '[[' with no ']]' read the rest of its line, each definition of a glossary the rest of the
    page: 16 KB of '[[' took 10 s to check, 88 KB of definitions 50 s (a reviewer's course files). Read
    once now: about a second here, where the square of these is minutes."""
    import time

    start = time.monotonic()
    parse_lesson(body)
    assert time.monotonic() - start < 15


def test_a_script_in_a_unit_is_said_not_to_run_once_a_unit(make_course: MakeCourse) -> None:
    """An interactive figure of a Jupyter Book (d3 from a CDN, then an inline script) was silently dead."""
    unit = '# A\n\nFigure:\n\n<div id="fig"></div>\n<script src="https://d3js.org/d3.v7.min.js"></script>\n\n<script>draw()</script>\n'
    for settings, why in [
        ("", "the pages' security policy runs only the site's own scripts (csp: false in course.yml runs it)"),
        ("safe_html: true\n", "safe_html removes every script from a unit"),
    ]:
        root = make_course({"course.yml": f"title: T\n{settings}", "units/a.md": unit}, name=f"c{len(settings)}")
        result = CliRunner().invoke(main, ["check", str(root)])
        assert [line for line in result.output.splitlines() if "[script]" in line] == [
            f"units/a.md:6: warning: '<script src=\"https://d3js.org/d3.v7.min.js\">' does not run: {why}; what it"
            " would draw or do is missing from the page [script]"
        ]
    root = make_course({"course.yml": "title: T\ncsp: false\n", "units/a.md": unit}, name="open")
    assert "[script]" not in CliRunner().invoke(main, ["check", str(root)]).output
    # an event attribute: a hand-written "Show answer" button was dead, with no word (port cc 34)
    button = "# A\n\nSolve it.\n\n<button onclick=\"show('a')\">Show answer</button> <a onmouseover='x()'>b</a>\n"
    result = CliRunner().invoke(main, ["check", str(make_course({"course.yml": "title: T\n", "units/a.md": button},
                                                                name="button"))])  # fmt: skip
    assert [line for line in result.output.splitlines() if "[script]" in line] == [
        "units/a.md:5: warning: 'onclick' on '<button>' does not run: the pages' security policy runs no script"
        " written in a page (csp: false in course.yml runs it); an answer shown on request is a '::: solution'"
        " block (see the README) [script]"
    ]
    # a script file of the course is one of the site's own: it runs, and the warning says so (security round cc 17)
    own = {
        "course.yml": "title: T\n",
        "units/a.md": '# A\n\n<script src="../assets/x.js"></script>\n',
        "assets/x.js": "",
    }
    result = CliRunner().invoke(main, ["check", str(make_course(own, name="own"))])
    assert (
        "units/a.md:3: warning: '<script src=\"../assets/x.js\">' runs: a script file of the course is one of the"
        " site's own, which the pages' security policy lets run, with every student's progress and unit keys within"
        " its reach; review it as code (safe_html refuses it) [script]" in result.output
    )


def test_a_style_in_a_unit_is_said_once_a_unit(make_course: MakeCourse) -> None:
    """A Marp deck's '<style> section { background-color: white } </style>' restyled the site's own sections:
    in dark mode the quiz was a white block (port w 9). Said once; not with safe_html (which removes it)."""
    unit = "# A\n\n<style>\nsection { color: black; }\n</style>\n\nText.\n\n<style>h1 { color: red }</style>\n"
    root = make_course({"course.yml": "title: T\n", "units/a.md": unit}, name="styled")
    result = CliRunner().invoke(main, ["check", str(root)])
    assert [line for line in result.output.splitlines() if "[style]" in line] == [
        "units/a.md:3: warning: '<style>' restyles the whole page, the quiz, the navigation and the dark theme too,"
        " not this lesson alone: put the styles the course needs in theme/extra.css (see the README), or remove it"
        " [style]"
    ]
    root = make_course({"course.yml": "title: T\nsafe_html: true\n", "units/a.md": unit}, name="safe")
    assert "[style]" not in CliRunner().invoke(main, ["check", str(root)]).output
    asked = "---\ntitle: A\nobjectives:\n  o: O\n---\n\n::: question o\nWhich element holds CSS?\n\n== <style>\n:::\n"
    root = make_course({"course.yml": "title: T\n", "units/a.md": asked}, name="asked")  # (round x 8)
    assert "[style]" not in CliRunner().invoke(main, ["check", str(root)]).output


def test_mathml_is_written_as_chromiums_mathml_core_reads_it() -> None:
    """QuantEcon's and LearningFromData's formulas in Chromium: 'aligned' cells centred, \\boldsymbol{\\mu}
    and \\mathbf{\\Sigma} not bold, '\\Bigl\\{' with its backslash, a tiny \\overbrace, limits beside 'lim'."""
    from masterysite.parse.markdown import render_math

    aligned = render_math("\\begin{aligned} a &= b \\\\ cc &= d \\end{aligned}", {"display_mode": True})
    assert aligned.count('<mtd columnalign="right" style="text-align:right;text-align:-webkit-right">') == 2
    assert aligned.count('<mtd columnalign="left" style="text-align:left">') == 2
    bold = render_math("\\boldsymbol{\\mu} \\mathbf{\\Sigma} \\mathbf{Ax} \\boldsymbol{x} \\mathbf{2}", {})
    assert "mathvariant" not in bold
    assert [f"&#x{c:X};" in bold for c in (0x1D741, 0x1D6BA, 0x1D400, 0x1D431, 0x1D499, 0x1D7D0)] == [True] * 6
    kept = render_math("\\boldsymbol{\\nabla}", {})  # (no bold letter for it: as written)
    assert 'mathvariant="bold"' in kept
    braces = render_math("\\Bigl\\{ x \\Bigr\\} \\overbrace{a+b}^{n} \\underbrace{c}_{m}", {})
    assert ">{</mo>" in braces and ">}</mo>" in braces and "\\" not in braces
    assert braces.count('<mo stretchy="true">&#x23D') == 2
    limits = render_math("\\lim_{x \\to 0} f = \\sup_{n} a_n", {"display_mode": True})
    assert limits.count('<munder><mo movablelimits="true">') == 2 and "<msub><mo>" not in limits
    assert limits.count("</munder>") == 2 and "<msub><mi>a</mi>" in limits
    inline = render_math("\\lim_{x \\to 0} f", {})  # (inline: beside it, as LaTeX sets it)
    assert "<msub><mo>lim</mo>" in inline


def test_a_tex_comment_in_a_formula_is_left_out_as_tex_leaves_it() -> None:
    """A page's preamble of macros with a '%' line (an MkDocs course): shown as source at the top of the page."""
    html, problems = parse_lesson("$$\n\\def\\C{\\mathbb{C}}\n% the complex numbers\n$$\n\n$z \\in \\C$, 50\\% off.\n")
    assert problems == [] and "math-source" not in html and "comment" not in html
    assert "&#x02102;" in html and "&#x00025;" not in html  # ℂ; the '\%' in the text is Markdown's: '%'


def test_physics_and_katex_commands_lessons_use_as_latex() -> None:
    """An MkDocs course loads MathJax's physics package, a Docusaurus page KaTeX: '\\abs{x}', '\\norm{y}', '\\R'
    were said to be commands 'LaTeX does not have' and shown as their names."""
    html, problems = parse_lesson(
        "$\\abs{x} \\le \\norm{y}$, $x \\in \\R$, $\\bra{a}\\ket{b}$, $\\vb{v} \\Rightarrow w$ and $\\pdv{f}{x}$.\n"
    )
    assert "&#x0211D;" in html and "&#x1D42F;" in html and "&#x02016;" in html and "&#x027E8;" in html
    assert "&#x021D2;" in html  # ('\Rightarrow' is not '\R' and more)
    assert problems == [
        "units/a.md:5: warning: math '\\pdv{f}{x}' uses '\\pdv' of MathJax's physics package, which is not read"
        " here: it is shown as its name; write it out (\\frac{\\partial f}{\\partial x}) [math]"
    ]
    html, _ = parse_lesson("$$\\newcommand{\\abs}[1]{|#1|_{own}}$$\n\n$\\abs{x}$\n")  # (a lesson's own comes first)
    assert "<mi>o</mi><mi>w</mi><mi>n</mi>" in html


def test_course_yml_macros_hold_in_every_unit_and_a_units_own_wins(make_course: MakeCourse) -> None:
    """A Jupyter Book keeps its macros in _config.yml (LearningFromData: 30 of them); the only way had been a
    '\\newcommand' formula in every unit. course.yml's 'macros:' takes them as MathJax's configuration
    writes them, and a unit's own definition, then the course's, come before KaTeX's '\\R'."""
    root = make_course(
        {
            "course.yml": (
                "title: C\nmacros:\n  R: '\\mathbb{Q}'\n  thetavec: \"\\\\boldsymbol{\\\\theta}\"\n"
                '  \\pdf: ["p(#1 \\\\mid #2)", 2]\n'
            ),
            "units/a.md": "---\ntitle: A\n---\n\n$x \\in \\R$, $\\pdf{x}{\\thetavec}$.\n",
            "units/b.md": "---\ntitle: B\nrequires: []\n---\n\n$$\\newcommand{\\R}{\\mathbb{Z}}$$\n\n$x \\in \\R$\n",
        }
    )
    loaded = load_course(root)
    assert loaded.report.problems == []
    a, b = (loaded.parsed[f"units/{n}.md"][0] for n in "ab")
    assert a is not None and b is not None
    assert "&#x0211A;" in a.lesson_html and "&#x1D73D;" in a.lesson_html  # ℚ, not KaTeX's ℝ; a bold θ
    assert '<mi>p</mi><mo stretchy="false">&#x00028;</mo><mi>x</mi><mo>&#x02223;</mo>' in a.lesson_html
    assert "&#x02124;" in b.lesson_html and "&#x0211A;" not in b.lesson_html  # ℤ: the unit's own


def test_course_yml_macros_that_cannot_be_read_are_errors_at_their_lines(make_course: MakeCourse) -> None:
    root = make_course(
        {
            "course.yml": (
                "title: C\nmacros:\n  R2: '\\mathbb{R}^2'\n  half: 0.5\n  pdf: ['p(#1 \\mid #2)', 1]\n"
                "  ok: ['#1', 1]\n  many: ['x', 10]\n"
            ),
            "units/a.md": "# A\n\nText.\n",
        }
    )
    errors = [(p.line, p.message) for p in load_course(root).report.errors]
    assert errors == [
        (3, "macros: 'R2' is not a command's name (letters only, like 'R' or 'vect')"),
        (
            4,
            "macros: 'half' takes what it stands for ('\\mathbb{R}'), or a list of that and its number of arguments"
            " ('[\\boldsymbol{#1}, 1]'); got '0.5'",
        ),
        (5, "macros: 'pdf' uses #2, so it takes 2 arguments: ['…', 2]"),
        (
            7,
            "macros: 'many' takes what it stands for ('\\mathbb{R}'), or a list of that and its number of arguments"
            " ('[\\boldsymbol{#1}, 1]'); got a list",
        ),
    ]


def test_a_picture_written_from_the_wrong_folder_is_offered_where_it_is(make_course: MakeCourse) -> None:
    """A new teacher's commonest mistake, 'assets/box.svg' in a unit (its '../' forgotten), got no
    did-you-mean, nor did 'box.svg' or 'Box.svg'; '../asset/box.svg' was said to leave the course (new
    teacher q). The one file of that name in assets/ or units/ is offered, written from the unit."""
    links = ["assets/box.svg", "../asset/box.svg", "../assets/Box.svg", "box.svg"]
    body = "\n\n".join(f"![A box]({link})" for link in links)
    root = make_course({"course.yml": "title: T\n", "units/a.md": unit(body), "assets/box.svg": "<svg/>"})
    found = problems(root)
    assert [p.rsplit(" — ", 1)[1] for p in found] == ["did you mean '../assets/box.svg'?"] * 4, found


def test_a_new_teachers_small_slips_are_said_with_the_fix(make_course: MakeCourse) -> None:
    """'requires: [01-a]' (the file's name; its id drops the number) and '-[x] 4' (no space after the
    '-'): each said, but not what to write (new teacher q). An ordering item written twice is no
    slip: 'de' may come twice in a sentence (new teacher t 9)."""
    a = unit(
        "::: question o\nPick 4.\n\n-[ ] 1\n-[x] 4\n:::\n\n::: question o\nOrder.\n\n1. x\n2. `y`\n3. `y`\n:::",
        "requires: []\nobjectives:\n  o: O\n",
    )
    b = unit("B.", "requires: [01-a]\n")
    root = make_course(
        {
            "course.yml": "title: T\nignore: [no-enrichment, no-corrective, small-pool]\n",
            "units/01-a.md": a,
            "units/02-b.md": b,
        }
    )
    assert problems(root) == [
        "units/01-a.md:11: question has no answer: a choice needs a space after its '-' ('- [x] right', not"
        " '-[x] right')",
        "units/02-b.md:3: requires unknown unit id '01-a': the unit units/01-a.md has the id 'a'",
    ]


def test_prog_edu_assistants_master_only_cells_are_left_out_and_its_prompt_unwrapped() -> None:
    """Google's prog_edu_assistant (the University of Tokyo's Python lab): its student build removes the cells
    that start '# MASTER ONLY', '%%inlinetest' (the autograder's tests, their expected values) and
    '%%submission', and unwraps the prompt of a '%%solution' cell. Each had been published (port ff 10)."""
    body = (
        "```python\n# MASTER ONLY\n%load_ext prog_edu_assistant_tools.magics\n```\n\n"
        '```python\n%%solution\ndef feet_to_cm(f, i):\n    """ # BEGIN PROMPT\n    return ...\n    """ # END PROMPT\n'
        "    # BEGIN SOLUTION\n    return 30.48 * f + 2.54 * i\n    # END SOLUTION\n```\n\n"
        '```python\n%%inlinetest AutograderTest\ntest_feet_to_cm(f=0, i=1, expected=2.54, hint="…")\n```\n\n'
        "```python\n%%submission\ndef feet_to_cm(f, i):\n    return 30.48 * f + 30.48 / 11 * i\n```\n"
    )
    html, problems = parse_lesson(body)
    text = re.sub(r"<[^>]+>", "", html)
    assert "MASTER" not in text and "expected" not in text and "30.48" not in text and "PROMPT" not in text
    assert "%%" not in text and "def feet_to_cm(f, i):\n    return ...\n" in text
    assert "'# MASTER ONLY' (and 3 more in this unit)" in problems[0]


@pytest.mark.parametrize(
    ("latex", "name"),
    [
        ("\\frac{2}{5}", "2/5"),
        ("\\frac{a+b}{c}", "(a+b)/c"),
        ("x^{2}+\\sqrt{3}", "x^2+√(3)"),
        ("\\sqrt[3]{x}", "3√(x)"),
        ("2\\times 10^{-3}", "2×10^(−3)"),
        ("1\\frac{1}{2}", "1 1/2"),
        ("\\frac{3}{4}=\\frac{0.75}{1}", "3/4=0.75/1"),
        ("a_{1}", "a_1"),
    ],
)
def test_a_formula_is_named_with_its_text_in_one_line(latex: str, name: str) -> None:
    """What a screen reader announces for a formula in a question or a choice (latex.named_math; round hh,
    a11y 2): its MathML read in one line, each fraction's parts grouped when more than a number."""
    from masterysite.parse.latex import named_math
    from masterysite.parse.markdown import render_math

    shown = named_math(render_math(latex, {}))
    assert f'<math aria-label="{html.escape(name)}" ' in shown
    assert named_math("<p>no formula</p>") == "<p>no formula</p>"
    assert named_math('<math display="inline"><mi>&nbsp;</mi></math>').startswith('<math display="inline">')


def test_an_operators_name_is_spaced_from_its_argument_as_tex_spaces_it() -> None:
    """QuantEcon's '$r(\\cos{\\theta} + i \\sin{\\theta})$' showed 'isinθ', a product of letters, and every identity
    of the lecture 'cosθcosw' (port hh 05): a thin space now stands between an operator's name and a letter or
    a number beside it, as TeX and MathJax set it; none before a parenthesis ('cos(x)')."""
    from masterysite.parse.markdown import render_math

    thin = '<mspace width="0.1667em"></mspace>'
    shown = render_math("\\cos\\theta\\cos w = i\\sin\\theta", {})
    assert shown.count(thin) == 5 and f"<mi>i</mi>{thin}<mi>sin</mi>{thin}" in shown  # (cos θ cos w, i sin θ)
    assert thin not in render_math("\\cos(x)", {}) and thin not in render_math("a + b", {})


def test_a_decimal_comma_written_as_latex_needs_it_is_one_number() -> None:
    """'6{,}022' and '0{,}25', a German, French or Spanish course's decimals in LaTeX, were drawn '6, 022' with a
    gap: the comma an operator between two numbers (jj new 2). One number, '6,022'; '(a{,}b)' is left alone."""
    from masterysite.parse.markdown import render_math

    assert "<mn>6,022</mn>" in render_math(r"6{,}022 \cdot 10^{23}", {})
    assert "<mn>0,25</mn>" in render_math(r"0{,}25", {})
    assert "<mi>a</mi><mrow><mo>&#x0002C;</mo></mrow><mi>b</mi>" in render_math(r"(a{,}b)", {})
