"""Smaller promises to teachers: ids from awkward file names, one title, objectives with math,
linked folders in assets/, UTF-16 without a byte-order mark, a port already taken."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

from conftest import HEAD, MakeCourse, parse_lesson

from masterysite.build import build, load_course
from masterysite.config import read_text
from masterysite.errors import Report

UNIT = "---\ntitle: Counting\nobjectives:\n  o: Know the value of $g$ and use `print`\n---\n# Counting\n\nText.\n"


def test_ids_from_file_names_keep_only_url_safe_characters(make_course: MakeCourse) -> None:
    root = make_course({"course.yml": "title: T\n", "units/01-My unit #2.md": "# One\n\nText.\n"})
    loaded = load_course(root)
    assert loaded.course is not None and [u.id for u in loaded.course.units] == ["My-unit-2"]


def test_a_title_repeated_as_the_first_heading_is_shown_once(make_course: MakeCourse, tmp_path: Path) -> None:
    root = make_course({"course.yml": "title: T\n", "units/a.md": UNIT})
    build(root, tmp_path / "site")
    page = (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    assert page.count("<h1") == 1


def test_a_front_matter_title_shows_its_code_without_backticks(make_course: MakeCourse, tmp_path: Path) -> None:
    """learnr's 'title: "Quiz questions in `learnr`"' was shown with its backticks, in the page's heading, its
    <title> and the course page, where a '#' heading's code is shown as text (port ee 03). A backtick with
    no partner stays, and a long run of them takes no time (no pattern that backtracks)."""
    title = 'title: "Quiz questions in `learnr`, ``a`b`` and 5` ticks `` ``"\n'
    root = make_course({"course.yml": "title: T\n", "units/a.md": f"---\n{title}---\n\nText.\n"})
    loaded = load_course(root)
    assert loaded.course is not None
    assert loaded.course.units[0].title == "Quiz questions in learnr, a`b and 5` ticks `` ``"
    build(root, tmp_path / "site")
    assert "<title>Quiz questions in learnr, a`b and 5` ticks" in (tmp_path / "site" / "units" / "a.html").read_text(
        encoding="utf-8"
    )
    many = make_course({"course.yml": "title: T\n", "units/a.md": f"---\ntitle: a{'`' * 30000}b\n---\n"}, name="m")
    assert load_course(many).course is not None


def test_objectives_render_their_markdown_and_math(make_course: MakeCourse, tmp_path: Path) -> None:
    root = make_course({"course.yml": "title: T\n", "units/a.md": UNIT})
    build(root, tmp_path / "site")
    page = (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    assert "<code>print</code>" in page and "<math" in page and "$g$" not in page
    data = (tmp_path / "site" / "progress.html").read_text(encoding="utf-8")
    assert '"text":"Know the value of g and use print"' in data  # plain text where text is wanted
    assert '"text":"Know the value of g and use print"' in page  # the unit's own data


def test_linked_folders_in_assets_are_published_but_never_the_course_itself(
    make_course: MakeCourse, tmp_path: Path
) -> None:
    root = make_course(
        {
            "course.yml": "title: T\n",
            "units/a.md": "# A\n\n![A key](../assets/shared/key.svg)\n",
            "assets/x.txt": "x",
            "pictures/key.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
        }
    )
    (root / "assets" / "shared").symlink_to("../pictures")  # a link inside the course works as a folder
    (root / "assets" / "up").symlink_to(root)  # a loop that would publish the course sources
    assert load_course(root).report.errors == []
    build(root, tmp_path / "site")
    published = sorted(
        p.relative_to(tmp_path / "site" / "assets").as_posix() for p in (tmp_path / "site" / "assets").rglob("*")
    )
    assert published == ["shared", "shared/key.svg", "x.txt"]


def test_hidden_files_in_assets_and_theme_static_are_never_published(make_course: MakeCourse, tmp_path: Path) -> None:
    """assets/ cloned from a shared repository brings its .git/ (a token in .git/config); an .env
    sits beside a theme file. A unit cannot link to them, and the build publishes none of them."""
    token = "AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46bm90LWZvci1zdHVkZW50cw=="
    root = make_course(
        {
            "course.yml": "title: T\n",
            "units/a.md": "# A\n\n![A key](../assets/key.svg)\n",
            "assets/key.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
            "assets/.git/config": f"[http]\n\textraheader = {token}\n",
            "assets/.env": f"TOKEN={token}\n",
            "assets/pics/.secret.txt": token,
            "theme/static/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
            "theme/static/.env": f"TOKEN={token}\n",
            "theme/static/.git/config": token,
        }
    )
    build(root, tmp_path / "site")
    published = sorted(p.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site").rglob("*"))
    assert "assets/key.svg" in published and "_static/logo.svg" in published
    assert [p for p in published if "/." in f"/{p}"] == [".masterysite"]  # the build's own marker file
    assert not [p for p in (tmp_path / "site").rglob("*") if p.is_file() and token.encode() in p.read_bytes()]


def test_utf16_without_a_byte_order_mark_is_named(tmp_path: Path) -> None:
    file = tmp_path / "a.md"
    file.write_bytes("# Title\n\nSome text.\n".encode("utf-16-le"))
    report = Report()
    assert read_text(file, "units/a.md", report) is None
    assert [p.message for p in report.errors] == [
        "file is saved as UTF-16: save it as UTF-8 (most editors: 'Save with encoding')"
    ]


def test_serve_on_a_taken_port_says_so(example_course: Path, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "masterysite",
                "serve",
                str(example_course),
                "-o",
                str(tmp_path / "o"),
                "-p",
                str(port),
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert f"port {port} is already in use (another serve?): try --port {port + 1}" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_mastery_may_be_exactly_100_percent_and_no_more() -> None:
    """The range is (0, 100%]: 100% (or 1) is a threshold a teacher may choose; 0 and 101% are not."""
    from fractions import Fraction

    from masterysite.config import check_mastery

    for value in ("100%", 1, "1", "4/4"):
        report = Report()
        assert check_mastery(value, "course.yml", 5, report) == Fraction(1), value
        assert not report.problems, value
    for value in ("0%", 0, "101%", 1.01):
        report = Report()
        assert check_mastery(value, "course.yml", 5, report) is None, value
        assert [p.line for p in report.errors] == [5], value


def test_a_link_one_folder_too_high_is_told_the_unit_beside_it(make_course: MakeCourse) -> None:
    """'../01-setup.md' from a unit (a lesson's other page, one level up in its own tool) names the
    unit file beside it, not whatever file of the course's top folder looks a little alike."""
    lesson = "# Lesson\n\nSee [setup](../01-setup.md) and [the rest](../setup.md#software).\n"
    root = make_course({"course.yml": "title: T\n", "units/01-setup.md": "# Setup\n\nText.\n", "units/02-b.md": lesson})
    messages = [p.message for p in load_course(root).report.sorted()]
    assert messages == [
        "broken link '../01-setup.md': no file '01-setup.md' in the course; 'units/01-setup.md' is: write"
        " '01-setup.md'",
        "broken link '../setup.md#software': no file 'setup.md' in the course — did you mean '01-setup.md#software'?",
    ]


def test_links_as_jekyll_lessons_write_them(make_course: MakeCourse, tmp_path: Path) -> None:
    """An episode's page by its Jekyll address ('../02-testing/'), this page ('./#more'), and a figure
    the lesson kept one folder up ('../fig/x.svg') whose fig/ the teacher copied beside the units."""
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"></svg>\n'
    lesson = "# A\n\n[next](../02-testing/index.html), [again](../02-testing/), [more](./#more)\n\n## More\n"
    files = {"course.yml": "title: T\n", "units/01-a.md": lesson, "units/02-testing.md": "# B\n\nB.\n"}
    root = make_course({**files, "units/fig/x.svg": svg, "units/03-c.md": "# C\n\n![x](../fig/x.svg)\n"})
    assert [p.message for p in load_course(root).report.sorted()] == [
        "broken image '../fig/x.svg': no file 'fig/x.svg' in the course; 'units/fig/x.svg' is: write 'fig/x.svg'"
    ]
    (root / "units" / "03-c.md").write_text("# C\n\n![x](fig/03-x.svg)\n", encoding="utf-8")
    # only files of the same kind beside the unit are suggested, never a unit file for an image
    assert [p.message for p in load_course(root).report.sorted()] == [
        "broken image 'fig/03-x.svg': no file 'units/fig/03-x.svg' in the course — did you mean 'fig/x.svg'?"
    ]
    (root / "units" / "03-c.md").write_text("# C\n\n![x](fig/testng.svg)\n", encoding="utf-8")
    assert [p.message for p in load_course(root).report.sorted()] == [  # not the unit '02-testing.md'
        "broken image 'fig/testng.svg': no file 'units/fig/testng.svg' in the course"
    ]
    (root / "units" / "03-c.md").write_text("# C\n\n[later](05-null.md)\n", encoding="utf-8")
    assert [p.message for p in load_course(root).report.sorted()] == [  # not '02-testing.md': no word alike
        "link '05-null.md': unit file 'units/05-null.md' is not in the course: copy the page into units/ as a unit,"
        " or link to where it is published (https://…)"
    ]
    (root / "units" / "03-c.md").write_text("# C\n\n[a](03-skimage-testings.md)\n", encoding="utf-8")
    assert [p.message for p in load_course(root).report.sorted()] == [  # another lesson, not a typo of one
        "link '03-skimage-testings.md': unit file 'units/03-skimage-testings.md' is not in the course: copy the page"
        " into units/ as a unit, or link to where it is published (https://…)"
    ]
    (root / "units" / "03-c.md").write_text("# C\n\n[next](04-c.md)\n", encoding="utf-8")
    assert [p.message for p in load_course(root).report.sorted()] == [  # never the page that holds the link
        "link '04-c.md': unit file 'units/04-c.md' is not in the course: copy the page into units/ as a unit,"
        " or link to where it is published (https://…)"
    ]
    (root / "units" / "03-c.md").write_text("# C\n\n[b](../02-testng.html)\n", encoding="utf-8")
    assert [p.message for p in load_course(root).report.sorted()] == [  # a page: its unit file is suggested
        "broken link '../02-testng.html': no file '02-testng.html' in the course — did you mean '02-testing.md'?"
    ]
    (root / "units" / "03-c.md").unlink()
    build(root, tmp_path / "site")
    page = (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    assert '<a href="testing.html">next</a>, <a href="testing.html">again</a>, <a href="#more">more</a>' in page


def test_what_follows_a_questions_answer_is_one_error_not_one_a_block(make_course: MakeCourse) -> None:
    """A Docusaurus answer after the answer line, '<details>', its text, '</details>': three errors for
    one mistake (SPEC: one message per root cause)."""
    unit = (
        "---\ntitle: A\nobjectives:\n  o: Do it\n---\n\n::: question o\nQ?\n\n= 4\n\n"
        "<details><summary>Why</summary>\n\nBecause.\n\n</details>\n:::\n"
    )
    root = make_course({"course.yml": "title: T\n", "units/01-a.md": unit})
    assert [str(p) for p in load_course(root).report.errors] == [
        "units/01-a.md:12: only a '> explanation' may follow the answer of a question"
    ]


def test_a_fence_whose_words_hold_a_backtick_is_one_error_at_its_line() -> None:
    """javascript.info's '```js header="The `x` call"': CommonMark reads the line as text, so the block's
    closing '```' opened a fence that swallowed the rest, and the error came 60 lines below with advice
    that did not help (port s 6). Now one error at the line; the rest is read as meant (no follow-ons).
    A code span at the start of a line ('```a``` b') is no such line."""
    body = (
        '```js title="The `typeof(x)` syntax"\ntypeof(x)\n```\n\n## Summary\n\n```a``` is a code span.\n\n'
        "> ```bash\n> ls\n> ```\n"
    )
    html, problems = parse_lesson(body)
    line = HEAD.count("\n") + 1
    advice = (
        "is not a code fence: what follows '```' cannot hold a backtick, so the block's closing '```' would open"
        " one that swallows the rest; write it without backticks, or open and close the block with '~~~'"
    )
    assert problems == [f"units/a.md:{line}: '```js title=\"The `typeof(x)` syntax\"' {advice}"]
    assert "<code>a</code> is a code span." in html and '<h2 id="summary">' in html and "<blockquote>" in html
    assert parse_lesson("```a``` is a code span, and so is ```b `c` d```.\n") == (
        "<p><code>a</code> is a code span, and so is <code>b `c` d</code>.</p>\n",
        [],
    )
    html, problems = parse_lesson("- One:\n\n  > ```bash header=`ls`\n  > ls\n  > ```\n\nAfter.\n")
    assert problems == [f"units/a.md:{line + 2}: '```bash header=`ls`' {advice}"] and "<p>After.</p>" in html


def test_a_link_to_a_place_on_another_units_page_is_checked(make_course: MakeCourse, tmp_path: Path) -> None:
    """A Carpentries lesson links its terms to the glossary's ('reference.md#query\\)'): a typo or a renamed
    term led to the top of the page, with no word, where the same mistake within one page is a warning
    (port ee 16). Each place a link names is checked on the page of the unit it leads to, its own too."""
    glossary = "---\ntitle: Glossary\n---\n\n## Terms\n\n[query]{#query}\n:   A read.\n\n## Other\n\nText.\n"
    select = (
        "---\ntitle: Select\n---\n\n## Intro\n\nWe send [queries](99-reference.md#query\\))"
        " and a [read](99-reference.md#query) to [a term](99-reference.md#terms),"
        " [this](01-select.md#intr) and [top](99-reference.md#top).\n"
    )
    course = {"course.yml": "title: T\nignore: [no-question]\n", "units/01-select.md": select}
    root = make_course({**course, "units/99-reference.md": glossary})
    assert [str(p) for p in load_course(root).report.problems] == [
        "units/01-select.md:7: warning: link '99-reference.md#query)' leads nowhere: no heading or element of that"
        " unit has the id 'query)' — did you mean '99-reference.md#query'? [anchor]",
        "units/01-select.md:7: warning: link '01-select.md#intr' leads nowhere: no heading or element of that unit"
        " has the id 'intr' — did you mean '01-select.md#intro'? [anchor]",
    ]
    renamed = make_course({**course, "units/99-reference.md": glossary.replace("## Terms", "## Words")}, name="r")
    assert "'99-reference.md#terms' leads nowhere" in " ".join(map(str, load_course(renamed).report.problems))


def test_a_link_to_a_lessons_source_that_is_not_a_unit_warns(make_course: MakeCourse) -> None:
    """check told the teacher to copy a Carpentries glossary ('../learners/reference.md') into the course;
    done so, it was published as it is, and the student's click showed its Markdown as plain text, with no
    word (port ee 02). The advice is to make it a unit, and a link to such a copy is said."""
    select = "---\ntitle: Select\n---\n\nA [database](../learners/reference.md#relational-database).\n"
    root = make_course({"course.yml": "title: T\nignore: [no-question]\n", "units/01-select.md": select})
    assert [str(p) for p in load_course(root).report.problems] == [
        "units/01-select.md:5: link '../learners/reference.md#relational-database' leaves the course (the course has"
        " no 'learners/' folder): copy the page into units/ as a unit (and list it in course.yml), or link to it on"
        " the web"
    ]
    (root / "learners").mkdir()
    (root / "learners" / "reference.md").write_text("# Glossary\n", encoding="utf-8")
    assert [str(p) for p in load_course(root).report.problems] == [
        "units/01-select.md:5: warning: link '../learners/reference.md#relational-database' leads to"
        " 'learners/reference.md', a lesson's source and not a unit: the student would see its Markdown as plain"
        " text; to make it a page, move it into units/ and list it in course.yml [shown-as-text]"
    ]
