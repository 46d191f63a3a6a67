"""Lesson blocks (SPEC §2.1): the block names of Carpentries, Quarto and pandoc work as written,
with any fence of three or more colons; they are not scored; instructor notes are never published."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import HEAD, MakeCourse, files_holding, parse_lesson

from masterysite.build import build
from masterysite.cli import main
from masterysite.errors import Report
from masterysite.parse.lesson import unknown_block
from masterysite.parse.unit import UnitSource, parse_unit

parse = parse_lesson


def test_a_did_you_mean_only_when_the_name_is_close() -> None:
    assert unknown_block("soluton").endswith("— did you mean 'solution'?")
    assert unknown_block("challange").endswith("— did you mean 'challenge'?")
    assert unknown_block("corective").endswith("— did you mean 'corrective'?")
    for far in ("quiz", "aside", "columns", "example"):
        assert "did you mean" not in unknown_block(far), far
    assert "solution" in unknown_block("quiz") and "callout-note" in unknown_block("quiz")  # lists the names


def test_solution_is_a_block_not_a_misspelt_question() -> None:
    html, problems = parse("::: solution\nIt is 4.\n:::\n")
    assert problems == []
    assert "<details" in html and "It is 4." in html


def test_fences_of_any_length_and_braces() -> None:
    for opening, closing in [(":::", ":::"), ("::::::::", "::::::::::::"), (":::", "::::")]:
        for name in ("note", "{.callout-note}", "{.note}", '{.callout-note title="Hi"}'):
            html, problems = parse(f"{opening} {name}\nInside.\n{closing}\n\nAfter.\n")
            assert problems == [], (opening, name)
            assert re.search(r"<aside[^>]*>.*Inside.*</aside>\s*<p>After.</p>", html, re.S), (opening, name)


def test_title_after_the_name_or_the_first_heading() -> None:
    html, _ = parse("::: tip Count *on*\nBody.\n:::\n\n::: warning\n## Hot\nBody.\n:::\n")
    assert "Count <em>on</em></p>" in html
    assert ">Hot</p>" in html and "<h2" not in html  # the heading became the title, once


def test_instructor_notes_never_reach_any_output_file(make_course: MakeCourse, tmp_path: Path) -> None:
    unit = HEAD + "Lesson.\n\n::::: instructor\nSECRET-NOTE ![x](nowhere.png)\n\n::: tip\nSECRET-TIP\n:::\n:::::\n"
    root = make_course({"course.yml": "title: T\n", "units/a.md": unit})
    build(root, tmp_path / "site")
    assert files_holding(tmp_path / "site", b"SECRET") == []


def test_default_titles_in_the_course_language(make_course: MakeCourse, tmp_path: Path) -> None:
    unit = HEAD + "::: tip\nBody.\n:::\n\n:::: practice\nDo it.\n\n::: solution\nDone.\n:::\n::::\n"
    root = make_course({"course.yml": "title: T\nlanguage: fr\n", "units/a.md": unit})
    build(root, tmp_path / "site")
    page = (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    assert ">Astuce</p>" in page and ">Exercice</p>" in page and "<summary>Solution</summary>" in page
    assert "ms-t:" not in page


QUESTION = "::: question list-files\nWhich command lists files?\n\n- [x] ls\n- [ ] cd\n:::\n"


@pytest.mark.parametrize(
    ("unit", "line"),
    [
        ("---\ntitle: T\n---\n\n::: objectives\n- Explain how to list files.\n- Use `ls -l`.\n:::\n\n" + QUESTION, 6),
        # older Carpentries lessons list their objectives in the front matter, without ids
        ('---\ntitle: T\nobjectives:\n- "Explain how to list files."\n- Use `ls -l`.\n---\n\n' + QUESTION, 4),
    ],
    ids=["objectives-block", "list-of-sentences"],
)
def test_objectives_without_ids_get_them_from_their_words_and_check_shows_them(
    make_course: MakeCourse, unit: str, line: int
) -> None:
    root = make_course({"course.yml": "title: T\n", "units/a.md": unit})
    result = CliRunner().invoke(main, ["check", str(root)])
    assert f"units/a.md:{line}: objective ids made from their words: list-files, ls-l" in result.output
    assert result.exit_code == 0 and "unknown objective" not in result.output


def test_objectives_lists_without_sentences_are_errors(make_course: MakeCourse) -> None:
    report = Report()
    text = "---\ntitle: T\nobjectives:\n- Explain it.\n- [a, b]\n---\n\nText.\n"
    parse_unit(text, UnitSource("units/a.md", 0, None, "/nonexistent"), report)
    assert [str(p) for p in report.sorted()] == [
        "units/a.md:5: an objective in this list must be a sentence; or write them as 'id: what the student can do'"
    ]
    root = make_course({"course.yml": "title: T\n", "units/a.md": "---\ntitle: T\nobjectives: []\n---\n\nText.\n"})
    result = CliRunner().invoke(main, ["check", str(root)])
    assert result.exit_code == 1 and "Traceback" not in result.output and "internal error" not in result.output
    assert "units/a.md:3: objectives is an empty list: write 'id: what the student can do' lines" in result.output


def test_front_matter_objectives_win_and_the_block_stays_a_summary_box() -> None:
    report = Report()
    text = "---\ntitle: T\nobjectives:\n  o: Do it\n---\n\n::: objectives\n- Something else\n:::\n"
    unit = parse_unit(text, UnitSource("units/a.md", 0, None, "/nonexistent"), report)
    assert unit is not None and [o.id for o in unit.objectives] == ["o"]
    assert "ms-summary--objectives" in unit.lesson_html and "Something else" in unit.lesson_html


def test_a_heading_never_takes_an_id_the_theme_uses(make_course: MakeCourse, tmp_path: Path) -> None:
    unit = HEAD.replace("---\n\n", "objectives:\n  o: O\n---\n\n")
    unit += "## MS Quiz form\n\n## Main\n\n## Q 1\n\n::: question o\nWhich?\n\n- [x] a\n- [ ] b\n:::\n"
    root = make_course({"course.yml": "title: T\n", "units/a.md": unit})
    build(root, tmp_path / "site")
    page = (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert 'id="h-ms-quiz-form"' in page and 'id="h-main"' in page


def test_a_practice_with_an_answer_gets_a_form_and_counts_for_nothing() -> None:
    report = Report()
    text = HEAD + "::: practice\nHalf of 10?\n\n= 5\n:::\n\n::: challenge\nSteps:\n\n1. one\n2. two\n:::\n"
    unit = parse_unit(text, UnitSource("units/a.md", 0, None, "/nonexistent"), report)
    assert unit is not None and not report.problems
    assert [q.kind for q in unit.practice] == ["text"] and unit.questions == ()
    assert unit.lesson_html.count("<form") == 1 and "= 5" not in unit.lesson_html
    assert "<ol>" in unit.lesson_html  # a numbered list in a challenge stays a list, not an ordering exercise


def test_a_practices_hints_are_shown_folded_in_its_form() -> None:
    """A '[[?]] text' line in a practice with an answer (a Carpentries challenge made checkable) had vanished: no
    button, not in the page (port ee 19). Each hint is folded under "Hint n" in the exercise's form."""
    report = Report()
    text = HEAD + "::: challenge\nHow many sites?\n\n[[?]] Look at the **Site** table.\n[[?]] Count them.\n\n= 3\n:::\n"
    unit = parse_unit(text, UnitSource("units/a.md", 0, None, "/nonexistent"), report)
    assert unit is not None and not report.problems
    form = unit.lesson_html[unit.lesson_html.index("<form") :]
    assert (
        '<details class="hint ms-practice__hint"><summary><!--ms-t:hint_label--> 1</summary><div class="prose">'
        "Look at the <strong>Site</strong> table.</div></details>" in form
    )
    assert "<!--ms-t:hint_label--> 2</summary>" in form and form.index("Count them") < form.index("practice_check")


def test_a_practice_with_an_answer_in_a_corrective_or_the_enrichment_is_an_error() -> None:
    """There it is not checked, and its '= FROM' (its hint marker, its explanation) had been printed under it (port ee
    20). An error at the exercise; one without an answer stays a box."""
    report = Report()
    text = HEAD.replace("---\n\n", "objectives:\n  o: Select\n---\n\n", 1) + (
        "::: question o\nWhich?\n\n- [x] SELECT\n- [ ] FROM\n:::\n\n"
        "::::: corrective o Again\n\n:::: challenge\nWhich keyword names the table?\n\n= FROM\n::::\n:::::\n\n"
        "::::: enrichment More\n\n:::: challenge\nWhich?\n\n- [x] this\n- [ ] that\n::::\n\n"
        ":::: challenge\nThink about it.\n::::\n:::::\n"
    )
    parse_unit(text, UnitSource("units/a.md", 0, None, "/nonexistent"), report)
    assert [(p.line, p.message[:60]) for p in report.errors] == [
        (16, "a practice exercise with an answer is checked in the lesson,"),
        (25, "a practice exercise with an answer is checked in the lesson,"),
    ]
    assert "not in a corrective: there its answer" in report.errors[0].message
    assert "not in the enrichment: there" in report.errors[1].message


def test_a_quarto_callout_with_collapse_is_collapsed_or_open() -> None:
    html, problems = parse(
        '::: {.callout-tip collapse="true"}\n## Solution\nIt is 4.\n:::\n\n'
        "::: {.callout-caution collapse=false title='Careful'}\nHot.\n:::\n\n::: {.callout-note}\nStays a box.\n:::\n"
    )
    assert problems == []
    assert (
        '<details class="ms-collapsed ms-collapsed--tip" id="solution">\n<summary>Solution</summary>\n<p>It is 4.</p>'
        in html
    )
    assert '<details class="ms-collapsed ms-collapsed--caution" open>\n<summary>Careful</summary>' in html
    assert re.search(r"<aside[^>]*>\n<p[^>]*><!--ms-t:block_note--></p>\n<p>Stays a box.</p>", html)


def test_a_div_with_a_callout_class_among_others_is_that_callout() -> None:
    """Quarto: any div with a ``callout-*`` class is a callout, wherever the class stands; else the first
    class that names a block of ours; a div of unknown classes only is still an error naming the first."""
    html, problems = parse(
        '::: {.pcallout .callout-note collapse="true"}\n## Solution\nPoisson.\n:::\n\n'
        "::: {.wide .callout .callout-tip}\nA tip.\n:::\n\n::: {.wide .challenge}\nDo it.\n:::\n"
    )
    assert problems == []
    assert '<details class="ms-collapsed ms-collapsed--note" id="solution">\n<summary>Solution</summary>' in html
    assert "ms-callout--tip" in html and "ms-practice" in html
    _, problems = parse("::: {.pcallout .wide}\nText.\n:::\n")
    assert len(problems) == 1 and "unknown block 'pcallout'" in problems[0]


def test_fences_close_as_pandoc_reads_them() -> None:
    """A bare fence closes the innermost block whatever its length (Quarto, the Carpentries Workbench);
    an inner block with a longer fence is fine; only one exactly as long as its outer one is an error, but
    a solution or a hint in an exercise, as pandoc writes sphinx-lesson's (port bb 21: its documented import
    path was refused)."""
    shorter = "::::::::: challenge\nDo it.\n\n::::: solution\nDone.\n:::\n:::\n\nAfter.\n"
    longer = "::: challenge\nDo it.\n\n::::::: solution\nDone.\n:::::::\n:::\n\nAfter.\n"
    for body in (shorter, longer):
        html, problems = parse(body)
        assert problems == [], body
        assert re.search(r"<section[^>]*>.*<details[^>]*>.*Done.*</details>\s*</section>\s*<p>After.</p>", html, re.S)
    _, problems = parse("::: callout\nDo it.\n\n::: tip\nDone.\n:::\n:::\n")
    assert len(problems) == 1 and "with a fence just as long" in problems[0]
    assert parse("::: callout\nDo it.\n\n::::::: tip\nDone.\n:::::::\n:::\n")[1] == []  # (a longer one: fine)
    for outer, inner in (("challenge", "solution"), ("exercise", "hint")):
        html, problems = parse(f"::: {outer}\nDo it.\n\n::: {inner}\nDone.\n:::\n:::\n\nAfter.\n")
        assert problems == []
        assert re.search(r"<section[^>]*>.*<details[^>]*>.*Done.*</details>\s*</section>\s*<p>After.</p>", html, re.S)
    _, problems = parse("::: challenge\nDo it.\n\n::: solution\nDone.\n:::\n")  # (the challenge never closed)
    assert len(problems) == 1 and "never closed" in problems[0]
    # in pandoc's braces (Quarto), only pandoc's reading applies: nesting at any length is fine
    html, problems = parse('::: {.callout-note collapse="true"}\nA.\n\n::: {.callout-tip}\nB.\n:::\n:::\n\nAfter.\n')
    assert problems == []
    assert re.search(r"<details[^>]*>.*<aside[^>]*>.*B\..*</aside>\s*</details>\s*<p>After.</p>", html, re.S)


def test_a_code_fence_in_a_list_closed_further_right_still_closes() -> None:
    """CommonMark closes a list item's code fence indented up to three columns past the item's text:
    the ``:::`` lines after it are fences, not code (a real Data Carpentry episode has this)."""
    body = (
        ":::::: challenge\n## Try\n\n::: solution\n\n1. First:\n   ```python\n   x = 1\n    ```\n\n:::\n::::::\n\n"
        "After.\n\n::: keypoints\n- Kept.\n:::\n"
    )
    html, problems = parse(body)
    assert problems == []
    assert re.search(r"<li>First:<pre.*</pre>\s*</li>\s*</ol>\s*</details>\s*</section>\s*<p>After.</p>", html, re.S)
    assert "ms-summary--keypoints" in html


def test_quarto_callout_extensions_name_our_blocks() -> None:
    """``{.callout-exercise}``, ``{.callout-answer}``, ``{.callout-hint}`` (Quarto callout extensions
    used by real lessons) are the practice, solution and hint blocks; ``answer`` is a solution."""
    html, problems = parse(
        "::: {.callout-exercise}\n## Ex 1\nDo.\n\n:::: {.callout-answer}\nAns.\n::::\n\n"
        ":::: {.callout-hint}\nHint.\n::::\n:::\n\n::: answer\nx\n:::\n\n::: {.callout-instructor}\nSECRET\n:::\n"
    )
    assert problems == [] and "SECRET" not in html
    assert re.findall(r'class="ms-(\w+ ms-\w+--\w+)"', html) == [
        "practice ms-practice--practice",
        "collapsed ms-collapsed--solution",
        "collapsed ms-collapsed--hint",
        "collapsed ms-collapsed--solution",
    ]
    _, problems = parse("::: {.callout-question}\nx\n:::\n")
    assert len(problems) == 1 and "unknown block 'callout-question'" in problems[0]  # quiz blocks stay ':::'


def test_quarto_tabsets_are_tabs_and_columns_their_content() -> None:
    html, problems = parse(
        "::: {.panel-tabset}\nBefore.\n\n## R\n\n```r\nx <- 1\n```\n\n### In R\n\n## Python\n\nPy.\n:::\n\n"
        ':::: {.columns}\n::: {.column width="50%"}\nLeft\n:::\n::: {.column}\nRight\n:::\n::::\n\nAfter.\n'
    )
    assert problems == []
    assert re.findall(r"<details[^>]*>\n<summary>(\w+)</summary>", html) == ["R", "Python"]
    assert [d.endswith(" open>") for d in re.findall(r"<details[^>]*>", html)] == [True, False]
    assert html.index("<p>Before.</p>") < html.index("<details")
    assert '<h3 id="in-r">In R</h3>\n</details>' in html and "<h2" not in html
    assert html.endswith("<p>Py.</p>\n</details>\n<p>Left</p>\n<p>Right</p>\n<p>After.</p>\n")


def test_an_unclosed_tabset_is_never_closed_not_unknown() -> None:
    _, problems = parse("::: {.panel-tabset}\n## A\nx\n")
    assert problems == ["units/a.md:5: '::: panel-tabset' block is never closed: add a line ':::' after it"]


def test_a_practice_whose_heading_asks_the_question_is_checked() -> None:
    """LibraryCarpentry's quiz: '## Q8. Which matches?' then the choices. The heading is the box's
    title, and it asks the question: the practice is checked, not refused for having no text."""
    html, problems = parse_lesson(
        "::: practice\n## Q8. Which matches `dog` or `cat`?\n\n- [x] `dog|cat`\n- [ ] `dog,cat`\n:::\n"
    )
    assert problems == []
    assert "Q8. Which matches <code>dog</code> or <code>cat</code>?" in html and "data-practice=" in html
    _, problems = parse_lesson("::: practice\n- [x] `dog|cat`\n- [ ] `dog,cat`\n:::\n")  # no title: nothing asked
    assert problems == ["units/a.md:5: question has no text before its answer"]


def test_a_practice_answered_in_a_blank_is_an_error_not_its_answer_as_text() -> None:
    _, problems = parse_lesson("::: practice Fill\nThe capital is [[Paris]].\n\n> Because.\n:::\n")
    assert problems == [
        "units/a.md:5: a practice exercise is checked with choices ('- [x]') or answer lines ('= answer'), not"
        " blanks '[[…]]' (those are for '::: question' blocks): ask it with a line '= answer'"
    ]
    # blanks in its code only, inline or a block: the same (port ee 18: shown as written, answers and all)
    for code in ("Write `SELECT [[name]] FROM Site;`.", "```sql\nSELECT [[== name]] FROM [[Site]];\n```"):
        _, problems = parse_lesson(f"::: challenge\nSelect the names.\n\n{code}\n:::\n")
        assert [p for p in problems if ": warning: " not in p] == [
            "units/a.md:5: a practice exercise is checked with choices ('- [x]') or answer lines ('= answer'), not"
            " blanks '[[…]]' (those are for '::: question' blocks): ask it with a line '= answer'"
        ]
    html, problems = parse_lesson("::: challenge\nIndex it:\n\n```python\ndf[['a', 'b']]\n```\n:::\n")
    assert problems == [] and '<span class="n">df</span><span class="p">[[</span>' in html  # (code's own indexing)


def test_content_for_another_format_keeps_its_footnotes_and_definitions_to_itself() -> None:
    """Quarto's print-only answer key: its body is left out, and so must be what it defines for the page."""
    body = (
        'See *HTML* and [key].\n\n::: {.content-visible when-format="pdf"}\nKey: 42.[^k]\n\n[^k]: SECRET1\n\n'
        '*[HTML]: SECRET2\n\n[key]: https://example.org/ "SECRET3"\n:::\n\n'
        '::: {.content-visible when-format="html"}\nShown.[^s]\n\n[^s]: Published.\n:::\n'
    )
    html, problems = parse_lesson(body)
    assert [p.split(": ", 1)[1][:40] for p in problems] == [
        "footnote '[^k]' is written in this '::: ",
        "abbreviation '*[HTML]:' is inside this '",
        "link reference definition '[key]:' is in",
    ]
    assert "Published." in html  # (content for the web: its footnote is the page's; the errors stop the build)


@pytest.mark.parametrize(
    "classes",
    [
        '.content-visible .callout-tip when-format="pdf"',
        '.callout-tip .content-visible when-format="pdf"',
        '.content-hidden .callout-note when-format="html"',
        ".instructor .callout-note",
        ".callout-note .notes",
        ".hidden",  # Quarto's: "content not shown" (its advice had been to remove the ':::' lines: port cc 30)
        ".callout-note .hidden",
    ],
)
def test_what_is_not_published_wins_over_a_callout_class(classes: str) -> None:
    """Quarto hides a print-only answer key whatever order its classes are in; a teacher's note is one."""
    html, problems = parse_lesson(f"::: {{{classes}}}\nSECRET key: 42.\n:::\n\nAfter.\n")
    assert "SECRET" not in html and "After." in html and problems == []


@pytest.mark.parametrize(
    ("span", "shown"),
    [
        ("[SECRET]{.content-hidden}", False),
        ('[SECRET]{.content-visible when-format="pdf"}', False),
        ('[SECRET]{.content-visible unless-format="html"}', False),
        ("[SECRET]{.notes}", False),
        ("[SECRET]{.hidden}", False),  # (Quarto's '[42]{.hidden}' had been shown: port cc 30)
        ('[SHOWN]{.content-visible when-format="html"}', True),
        ('[SHOWN]{.content-hidden when-format="pdf"}', True),
        ("[SHOWN]{.smallcaps}", True),
    ],
)
def test_a_quarto_span_for_another_format_or_the_speaker_is_left_out(span: str, shown: bool) -> None:
    """Quarto's inline forms of its conditional blocks and speaker notes, as the blocks are."""
    html, problems = parse_lesson(f"Before {span} after.\n")
    assert problems == [] and "Before" in html and "after." in html
    assert ("SECRET" not in html) if not shown else ("SHOWN</span>" in html)


def test_a_first_class_naming_a_block_still_names_it() -> None:
    html, _ = parse_lesson("::: {.solution .callout-tip}\nHidden until opened.\n:::\n")
    assert html.startswith('<details class="ms-collapsed ms-collapsed--solution">')


def test_a_blank_outside_a_question_is_said_shown_as_written() -> None:
    """'[[Paris]]' in the lesson, a callout or a corrective is not a blank: its answer is on the page for
    everyone (a wiki link '[[Page]]' is not a link either). Said once a unit, at the first; code's
    indexing and code are not, nor blanks in a question."""
    from masterysite.errors import Report
    from masterysite.parse.unit import UnitSource, parse_unit

    report = Report()
    body = (
        "Before the quiz: the capital of France is [[Paris]].\n\n::: tip Remember\nItaly's is [[Rome]].\n:::\n\n"
        "In R, `lst[[1]]` and lst[[2]] index a list.\n\n```r\nx[[y]]\n```\n\n"
        "::: question o\nSpain's is [[Madrid]].\n:::\n"
    )
    head = "---\ntitle: T\nobjectives:\n  o: Name capitals\n---\n"
    assert parse_unit(head + body, UnitSource("units/a.md", 0, None, "/nonexistent"), report) is not None
    shown = [p for p in report.warnings if p.code == "shown-as-text"]
    assert [(p.line, p.message.split(":")[0]) for p in shown] == [
        (6, "'[[Paris]]' is shown as written, as is 1 more in this unit")
    ]


def test_a_heading_in_a_sealed_block_never_shifts_a_lesson_headings_id() -> None:
    """'## Paris' in a question's explanation (or a teacher's note) before the lesson's own '## Paris':
    the lesson's keeps 'paris' (it was 'paris-1', which confirmed a guess of the sealed heading)."""
    html, _ = parse_lesson(
        "::: question o\nCapital?\n\n= Paris\n\n> ## Paris\n> It is.\n:::\n\n::: instructor\n## Rome\n:::\n\n"
        "## Paris\n\n## Rome\n\n## Paris\n"
    )
    assert re.findall(r'<h2 id="([^"]+)">', html) == ["paris", "rome", "paris-1"]


def test_an_apostrophe_does_not_split_an_objectives_id() -> None:
    """Library Carpentry's "Explain Unix's 'small pieces, loosely joined' philosophy." was 'unix-s'."""
    from masterysite.parse.lesson import objective_id

    assert objective_id("Explain Unix's 'small pieces, loosely joined' philosophy.", set()) == "unix-small"
    assert objective_id("Use the shell’s history", set()) == "shell-history"
    assert objective_id("Don't repeat yourself", set()) == "dont-repeat"
    # one word is its own id ('objectives: [scale, compare]' had made 'scale-2', 'compare-2': round y 10)
    assert [objective_id(word, set()) for word in ("scale", "compare")] == ["scale", "compare"]
    assert objective_id("scale", {"scale"}) == "scale-2"
