"""MkDocs admonitions (``!!! note``, ``??? tip``, ``???+ tip``): a lesson written for MkDocs keeps them
as written; each becomes the lesson block it means, and an unknown type is an error at its line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import HEAD, MakeCourse, files_holding, parse_lesson

from masterysite.build import build
from masterysite.cli import main
from masterysite.parse.admonitions import MATERIAL

parse = parse_lesson


def boxes(html: str) -> list[tuple[str, str, str]]:
    """(tag, class, title) of each box."""
    found = re.findall(r'<(aside|section) class="([^"]+)"[^>]*>\n<p class="[^"]+__title"[^>]*>(.*?)</p>', html)
    details = re.findall(r'<details class="([^"]+)"[^>]*>\n<summary>(.*?)</summary>', html)
    found += [("details", c, t) for c, t in details]
    return found


def test_every_material_type_is_a_callout_titled_with_its_word() -> None:
    for tag, block in MATERIAL.items():
        html, problems = parse(f"!!! {tag}\n    Body of {tag}.\n\nAfter.\n")
        assert problems == [], tag
        ((_, classes, title),) = boxes(html)
        assert f"ms-callout--{block}" in classes, tag
        # masterysite's own words take the theme's title (in the course's language), the others their own word
        assert title in (f"<!--ms-t:block_{tag}-->", tag.capitalize()), tag
        assert re.search(rf"<p>Body of {tag}.</p>\n</aside>\n<p>After.</p>", html), tag
    assert boxes(parse("!!! danger\n    x\n")[0]) == [("aside", "ms-callout ms-callout--caution", "Danger")]


def test_a_quoted_title_and_the_body_up_to_the_first_line_indented_less() -> None:
    body = (
        '!!! warning "Do **not** run"\n'
        "    First paragraph.\n\n\n"
        "    ```bash\n    rm -rf data\n    ```\n\n"
        "        indented code\n\n"
        "    - a list\n    - inside\n"
        "Not indented: after the box.\n"
    )
    html, problems = parse(body)
    assert problems == []
    assert boxes(html) == [("aside", "ms-callout ms-callout--warning", "Do <strong>not</strong> run")]
    inside = html[html.index("<aside") : html.index("</aside>")]
    for part in ("<p>First paragraph.</p>", "rm", "<li>a list</li>", "<pre><code>indented code\n</code></pre>"):
        assert part in inside, part
    assert html.endswith("</aside>\n<p>Not indented: after the box.</p>\n")


def test_collapsible_ones_are_closed_and_the_plus_one_open() -> None:
    html, problems = parse('??? success "The answer"\n    42\n\n???+ tip\n    Shown.\n\n??? "Just a title"\n    x\n')
    assert problems == []
    assert boxes(html) == [
        ("details", "ms-collapsed ms-collapsed--details", "The answer"),
        ("details", "ms-collapsed ms-collapsed--details", "<!--ms-t:block_tip-->"),
        ("details", "ms-collapsed ms-collapsed--details", "Just a title"),
    ]
    assert re.findall(r"<details[^>]*>", html)[0].endswith('details">')  # ??? : closed
    assert re.findall(r"<details[^>]*>", html)[1].endswith(" open>")  # ???+ : open


def test_masterysite_blocks_nest_in_lists_and_in_each_other() -> None:
    body = '1. Step\n\n    !!! challenge "Try it"\n        Do it.\n\n'
    body += "        ??? solution\n            Done.\n\n2. Next\n"
    html, problems = parse(body)
    assert problems == []
    assert boxes(html) == [
        ("section", "ms-practice ms-practice--practice", "Try it"),
        ("details", "ms-collapsed ms-collapsed--solution", "<!--ms-t:block_solution-->"),
    ]
    assert re.search(r"<li>\s*<p>Step</p>\s*<section.*<p>Done.</p>\s*</details>\s*</section>\s*</li>", html, re.S)
    assert "<p>Next</p>" in html and "!!!" not in html and "???" not in html


def test_not_an_admonition_stays_text() -> None:
    for text in ("Wow!!! a line", "!!!", "???", '!!! "a title, no type"', "What???"):
        html, problems = parse(text + "\n")
        assert problems == [] and "<aside" not in html and "<details" not in html, text


def test_an_unknown_type_is_an_error_at_its_line_and_nothing_of_it_is_published() -> None:
    html, problems = parse("Intro.\n\n!!! warnin\n    SECRET body\n\n!!! corrective\n    x\n")
    assert "SECRET" not in html
    assert len(problems) == 2
    assert problems[0].startswith("units/a.md:7: unknown admonition '!!! warnin' (types: note, ")
    assert problems[0].endswith("did you mean '!!! warning'?")
    assert problems[1].startswith("units/a.md:10: unknown admonition '!!! corrective'")
    assert "quiz blocks are written '::: question OBJECTIVE'" in problems[1] and "did you mean" not in problems[1]


def test_a_course_from_mkdocs_builds_with_teacher_notes_left_out(make_course: MakeCourse, tmp_path: Path) -> None:
    unit = HEAD + (
        "Lesson.\n\n!!! instructor\n    SECRET-NOTE\n\n!!! tip\n    Count *on*.\n\n"
        '!!! question "Think"\n    Why?\n\n    ??? success "Answer"\n        Because.\n'
    )
    root = make_course({"course.yml": "title: T\nlanguage: fr\n", "units/a.md": unit})
    result = CliRunner().invoke(main, ["build", str(root), "-o", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    assert ">Astuce</p>" in page and ">Think</p>" in page and "<summary>Answer</summary>" in page
    assert "!!!" not in page and "???" not in page and "ms-t:" not in page
    build(root, tmp_path / "again")
    assert files_holding(tmp_path / "again", b"SECRET") == []


def test_content_tabs_are_collapsed_blocks_with_the_selected_one_open() -> None:
    body = (
        'Intro.\n\n=== "Linux"\n\n    Run:\n\n    ```bash\n    ls -l\n    ```\n\n'
        '=== "Windows"\n\n    Open PowerShell.\n\n'
        'After.\n\n=== "A"\n    a\n\n===+ "B"\n    b\n\n===! "C"\n    c\n\nHeading\n===\n'
    )
    html, problems = parse(body)
    assert problems == []
    assert [(t, title) for t, _, title in boxes(html)] == [("details", t) for t in ("Linux", "Windows", "A", "B", "C")]
    opened = [d.endswith(" open>") for d in re.findall(r"<details[^>]*>", html)]
    assert opened == [True, False, False, True, True]  # the first of a set, or the one marked '===+'
    assert '<code class="language-bash">ls' in html and "<p>After.</p>" in html
    assert "<h1>Heading</h1>" in html and "===" not in html


def test_titles_drop_teacher_comments_and_their_links_are_checked(make_course: MakeCourse, tmp_path: Path) -> None:
    unit = HEAD + (
        '!!! tip "Hint <!-- the answer is 42 -->"\n    x\n\n=== "Linux <!-- skip -->"\n    y\n\n'
        '!!! note "See [setup](02-setup.md)"\n    z\n\n::: tip\n## Read [it](02-setup.md)\nBody\n:::\n'
    )
    files = {"course.yml": "title: T\n", "units/01-a.md": unit, "units/02-setup.md": HEAD + "S.\n"}
    root = make_course(files)
    build(root, tmp_path / "site")
    page = (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    assert "answer is" not in page and "<!-- skip" not in page and "Linux</summary>" in page
    assert '>See <a href="setup.html">setup</a></p>' in page and '>Read <a href="setup.html">it</a></p>' in page
    root = make_course({**files, "units/01-a.md": HEAD + '!!! note "See ![i](gone.png)"\n    z\n'})
    result = CliRunner().invoke(main, ["check", str(root)])
    assert "units/01-a.md:5: broken image 'gone.png'" in result.output


def test_a_collapsible_exercise_stays_an_exercise_and_inner_names_are_as_written() -> None:
    html, problems = parse('??? challenge "Try"\n    Pick:\n\n    - [ ] a\n    - [x] b\n')
    assert problems == [] and "ms-practice__form" in html and "[x]" not in html  # checked, never shown
    _, problems = parse("::: question o\nQ?\n\n??? note\n    x\n\n- [x] a\n- [ ] b\n:::\n")
    assert any("'??? note' cannot be inside 'question'" in p for p in problems)


def test_a_selected_tab_opens_only_in_its_own_set() -> None:
    html, _ = parse('=== "A"\n    a\n\n=== "B"\n    b\n\n===! "C"\n    c\n\n===+ "D"\n    d\n')
    assert [d.endswith(" open>") for d in re.findall(r"<details[^>]*>", html)] == [True, False, False, True]


def test_a_block_right_below_an_html_line_is_read_not_published_as_text() -> None:
    """An HTML block of a tag runs to the next blank line (CommonMark); a block of ours opening on the
    line right below one (MkDocs pages put '<br>' lines before exercises) is read as the block: it was
    published as text, the nested solution open in a code box."""
    body = '<br>\n???+ exercise "Exercise 4.1"\n\n    Show the first two lines.\n\n'
    body += '    ??? success "solution"\n        head -n 2 file\n'
    html, problems = parse(body)
    assert problems == []
    assert "???" not in html and "<br>" in html
    assert [title for _, _, title in boxes(html)] == ["Exercise 4.1", "solution"]
    html, problems = parse('<p align="center">Back</p>\n::: note Read me\nInside.\n:::\n')
    assert problems == [] and boxes(html)[0][2] == "Read me" and ":::" not in html
    # a comment runs to its own end: a block inside it stays commented out
    html, problems = parse("<!--\n::: note Hidden\nNot read.\n:::\n-->\nAfter.\n")
    assert "Hidden" not in html and "Not read" not in html


def test_a_question_right_below_an_html_line_is_a_question(make_course: MakeCourse, tmp_path: Path) -> None:
    unit = (
        "---\ntitle: A\nobjectives:\n  sed: Use sed\n---\nLesson.\n\n"
        '<p align="center"><a href="https://example.org/">Back to homepage</a></p>\n'
        "::: question sed\nComplete: `sed 's/x/y/[[== g]]' file.bed`\n:::\n"
    )
    course = make_course({"course.yml": "title: C\n", "units/01-a.md": unit})
    build(course, tmp_path / "site")
    page = (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    assert "== g" not in page and "::: question" not in page
    assert 'aria-label="Blank 1 of 1"' in page


@pytest.mark.parametrize(
    ("opening", "closing", "indent", "written"),
    [
        (":::{question} times", ":::", "", ":::{question}"),
        ("```{question} times", "```", "", "```{question}"),
        ("!!! question times", "", "    ", "!!! question"),
    ],
)
@pytest.mark.parametrize("answer", ["- [ ] 36\n- [x] 42", "= 42"])
def test_a_question_callout_holding_an_answer_is_an_error(
    opening: str, closing: str, indent: str, written: str, answer: str
) -> None:
    """MkDocs' and MyST's 'question' is a callout box, shown whole: written as a quiz question, with
    a ticked choice or an answer line, it would show the answer in the lesson. Said, not published."""
    body = "\n".join(indent + line if line else "" for line in f"Which is 6 x 7?\n\n{answer}".split("\n"))
    html, problems = parse_lesson(f"Lesson.\n\n{opening}\n{body}\n{closing}\n\nAfter.\n")
    assert problems == [
        f"units/a.md:7: '{written}' is a callout box, shown in the lesson with all it holds, its answer too: a quiz"
        " question is written '::: question OBJECTIVE' (one checked on the spot, that never counts: '::: practice')"
    ]
    assert "42" not in html and "After." in html


def test_a_question_callout_without_an_answer_and_a_collapsed_one_are_boxes() -> None:
    """'!!! question' asking the class to discuss, and '??? question' (the lesson's own reveal) stay as written."""
    html, problems = parse_lesson('!!! question\n    Why 42?\n\n??? question "Quiz"\n    - [x] 42\n')
    assert [p.rsplit("[", 1)[-1] for p in problems] == ["shown-as-text]"]  # the ticked box's usual warning
    assert "Why 42?" in html and "checked> 42</label>" in html


def test_an_mkdocs_quiz_is_a_practice_checked_on_the_spot() -> None:
    """mkdocs-quiz's '<?quiz?>' (nextflow-io/training): as raw HTML every right answer was shown ticked.
    It is a practice exercise: choices to pick, what follows them its explanation, sealed; not in code."""
    html, problems = parse_lesson(
        "<?quiz?>\nWhich?\n\n- [x] Right `x`\n- [ ] Wrong\n\nBecause SEALED.\n<?/quiz?>\n\n```\n<?quiz?>\n```\n"
    )
    assert problems == []
    assert "data-practice=" in html and 'type="radio"' in html and "checked" not in html
    assert "SEALED" not in html and "&lt;?quiz?&gt;" in html  # the explanation is sealed; code is code


def test_each_quiz_and_each_practice_has_its_own_key_ids_and_data() -> None:
    """nextflow-io/training's 8 quizzes on one page: each '<?quiz?>' got the key of its first line, the
    same for all, so its ids were shared and a click on question 2 ticked question 1. Twice the very
    same exercise is two forms too."""
    quiz = "<?quiz?>\n{q}\n\n- [x] Right\n- [ ] Wrong\n<?/quiz?>\n\n"
    practice = "::: practice\nSame?\n\n- [x] Yes\n- [ ] No\n:::\n\n"
    html, problems = parse_lesson(quiz.format(q="One?") + quiz.format(q="Two?") + practice + practice)
    assert problems == []
    keys = re.findall(r'data-practice="([^"]+)"', html)
    assert len(keys) == 4 and len(set(keys)) == 4, keys
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    alone, _ = parse_lesson(quiz.format(q="Two?"))  # a quiz's key is made from its own lines, as a practice's
    assert re.findall(r'data-practice="([^"]+)"', alone) == keys[1:2]


def test_mkdocs_quizs_first_form_is_a_practice_too() -> None:
    """'question:', 'answer:', 'answer-correct:', then 'content:' (nextflow-io/training's Hello
    Nextflow quiz): the right answer was shown as text, silently. Read line for line, in code left alone."""
    html, problems = parse_lesson(
        "<?quiz?>\nquestion: Which command records a change?\nanswer: put\nanswer-correct: commit\nanswer: save\n"
        "content:\n<p>SEALED: commit records it.</p>\n<?/quiz?>\n\nAfter.\n\n"
        "```\n<?quiz?>\nquestion: x\n<?/quiz?>\n```\n"
    )
    assert problems == []
    assert "data-practice=" in html and "SEALED" not in html and "answer-correct" not in html
    assert "question: x" in html  # in a code block: shown as written


def test_github_alerts_are_the_callouts_they_name() -> None:
    """'> [!NOTE]' (GitHub, Obsidian, MyST): the callout of that type, as '!!! note' is; '[!TIP]- Title'
    folded closed, '+' open; a type nobody knows, a marker further down and a quote in a question stay quotes."""
    html, problems = parse(
        "> [!NOTE]\n> Useful *info*.\n\n"
        "> [!warning] Careful now\n> x\n\n"
        "> [!TIP]- The answer\n> 42\n\n"
        "> [!IMPORTANT]+\n> Open.\n\n"
        "> [!INSTRUCTOR]\n> Teacher only.\n\n"
        "> [!FOO]\n> a quote\n\n"
        "> A quote\n> [!NOTE] further down\n"
    )
    assert problems == []
    assert boxes(html) == [
        ("aside", "ms-callout ms-callout--note", "<!--ms-t:block_note-->"),
        ("aside", "ms-callout ms-callout--warning", "Careful now"),
        ("details", "ms-collapsed ms-collapsed--details", "The answer"),
        ("details", "ms-collapsed ms-collapsed--details", "<!--ms-t:block_important-->"),
    ]
    assert "<p>Useful <em>info</em>.</p>\n</aside>" in html and "[!NOTE]\n" not in html.split("<blockquote>")[0]
    assert re.findall(r"<details[^>]*>", html)[0].endswith('details">') and re.findall(r"<details[^>]*>", html)[
        1
    ].endswith(" open>")
    assert "Teacher only" not in html  # an instructor note, never published
    assert html.count("<blockquote>") == 2 and "[!FOO]" in html and "[!NOTE] further down" in html
    same, _ = parse("!!! note\n    Useful *info*.\n")
    assert same == html[: html.index("</aside>") + len("</aside>\n")]


def test_mkdocs_quizs_present_form_quiz_tags_is_a_practice_too() -> None:
    """'<quiz>' … '</quiz>' (mkdocs-quiz 1.x): an HTML block that showed its right answer and its
    explanation; it is its '<?quiz?>' form. Its fill-in-the-blank form is said, never shown."""
    html, problems = parse_lesson(
        "<quiz>\nWhich is the capital of Italy?\n- [x] Rome\n- [ ] Milan\n\nRome: SEALED explanation.\n</quiz>\n\n"
        "```\n<quiz>\nshown as code\n</quiz>\n```\n"
    )
    assert problems == []
    assert "data-practice=" in html and 'type="radio"' in html and "SEALED" not in html
    assert "&lt;quiz&gt;\nshown as code" in html
    _, problems = parse_lesson("<quiz>\nThe capital of France is [[Paris]].\n</quiz>\n")  # an error: no site
    assert len(problems) == 1 and "not blanks '[[…]]'" in problems[0]


def test_answer_is_a_solution_in_every_form() -> None:
    """'answer' names a solution in '::: answer'; so it does in '??? answer' (it was an error that
    suggested 'example'), '!!! answer' and '> [!ANSWER]' (a plain quote, its answer in the open)."""
    for source in (
        "??? answer\n    42\n",
        '!!! answer "The answer"\n    42\n',
        "> [!ANSWER]\n> 42\n",
        "::: answer\n42\n:::\n",
    ):
        html, problems = parse_lesson(source)
        assert problems == [], source
        assert html.startswith('<details class="ms-collapsed ms-collapsed--solution">'), source


def test_a_box_in_a_question_is_one_error_that_says_what_to_write_instead(make_course: MakeCourse) -> None:
    """sib-swiss' '??? success "Answer"' under a question, a '!!! tip', a Docusaurus '<details>': each was
    refused without saying what to write instead (the first also twice); the <details> was published."""
    unit = (
        "---\ntitle: A\nobjectives:\n  build: Build an image\n---\n\n"
        '::: question build\nName option?\n\n== -t\n\n??? success "Answer"\n    `docker build -t x .`\n:::\n\n'
        "::: question build\n!!! tip\n    The base.\n\nFirst?\n\n- [x] `FROM`\n- [ ] `RUN`\n:::\n\n"
        "::: question build\nFirst? `<details>` is code.\n\n"
        "<details><summary>Answer</summary>\n\nFROM\n\n</details>\n\n"
        "- [x] `FROM`\n- [ ] `RUN`\n\n> <details><summary>Why</summary>A feedback may hold one.</details>\n:::\n\n"
        "::: question build\n> [!TIP]\n> Think of the base.\n\nFirst?\n\n- [x] `FROM`\n- [ ] `RUN`\n\n"
        "> [!NOTE]\n> Every Dockerfile: an explanation, sealed, as written.\n:::\n\n"
        "::: question build\n> [!NOTE]\n> A note.\n\nFirst?\n\n== FROM\n:::\n\n"
        "::: question build\n> <details><summary>Answer</summary>FROM</details>\n\nFirst?\n\n== FROM\n:::\n"
    )
    root = make_course({"course.yml": "title: T\n", "units/01-a.md": unit})
    result = CliRunner().invoke(main, ["check", str(root)])
    answer = (
        ": its content is in the page before the student answers; write the answer as the question's answer"
        " ('- [x]' choices or an '= answer' line) and what explains it as a '> quote' after the answer"
    )
    assert [line for line in result.output.splitlines() if line.startswith("units/")] == [
        "units/01-a.md:12: '??? success' cannot be inside 'question'" + answer,
        "units/01-a.md:17: '!!! tip' cannot be inside 'question': write a hint as a line '[[?]] text' in the"
        " question (students reveal hints one at a time)",
        "units/01-a.md:29: '<details>' cannot be inside 'question'" + answer,
        "units/01-a.md:42: '> [!TIP]' cannot be inside 'question': write a hint as a line '[[?]] text' in the"
        " question (students reveal hints one at a time)",
        "units/01-a.md:55: '> [!NOTE]' cannot be inside 'question': in a question a quote is shown as written"
        " ('[!NOTE]' and all), with the prompt before the answer and as the explanation after it; put the box in"
        " the lesson before the question",
        "units/01-a.md:64: '<details>' cannot be inside 'question'" + answer,  # (a quote in the prompt: shown)
    ]


def test_pandoc_trailing_colons_on_an_opening_fence_are_not_its_title() -> None:
    """Pandoc's manual writes '::: Warning ::::::' … '::::::::::::::::::' (Quarto reads it so): the boxes
    had been titled '::::::', a corrective 'Fraction strips :::', and '::: question ratio :::' said the colons
    were a second objective (port t 9)."""
    html, problems = parse_lesson(
        "::: Warning ::::::\nThis is a warning.\n::::::::::::::::::\n\n::: {.callout-tip} :::\nA tip.\n:::::::::\n\n"
        '::: note :::\nA note.\n:::\n\n:::: {.callout-note title="A 3:4 ratio :::"} ::::\nN.\n::::\n'
    )
    assert problems == []
    titles = [title for _, _, title in boxes(html)]
    assert titles == ["<!--ms-t:block_warning-->", "<!--ms-t:block_tip-->", "<!--ms-t:block_note-->", "A 3:4 ratio :::"]
    unit_text = (
        "---\ntitle: T\nobjectives:\n  ratio: R\n---\n\n::: question ratio :::\n3:4 as a fraction?\n\n= 3/4\n:::\n\n"
        "::: corrective ratio Fraction strips :::\nStrips.\n::::::::::::\n"
    )
    from masterysite.errors import Report
    from masterysite.parse.unit import UnitSource, parse_unit

    report = Report()
    unit = parse_unit(unit_text, UnitSource("units/a.md", 0, None, "/nonexistent"), report)
    assert unit is not None and report.errors == []
    assert [b.title for b in unit.correctives] == ["Fraction strips"] and len(unit.questions) == 1
