"""MyST Markdown (Jupyter Book, Sphinx lessons such as CodeRefinery's): directives in backtick or
colon fences, their options, roles and targets become what they mean; what is not read is said."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from conftest import HEAD, MakeCourse, boxes, files_holding, parse_lesson

from masterysite.build import build
from masterysite.cli import main

parse = parse_lesson


def test_admonition_directives_are_lesson_blocks_with_their_titles() -> None:
    body = (
        "```{note}\nA *note*.\n```\n\n"
        "```{warning} Mind the gap\nCareful.\n```\n\n"
        "```{admonition} Did you know?\n:class: tip\nFacts.\n```\n\n"
        "```{seealso}\nMore.\n```\n\n"
        ":::{important}\nColons too.\n:::\n\nAfter.\n"
    )
    html, problems = parse(body)
    assert problems == []
    assert boxes(html) == [
        ("aside", "ms-callout ms-callout--note", "<!--ms-t:block_note-->"),
        ("aside", "ms-callout ms-callout--warning", "Mind the gap"),
        ("aside", "ms-callout ms-callout--tip", "Did you know?"),
        ("aside", "ms-callout ms-callout--note", "See also"),
        ("aside", "ms-callout ms-callout--important", "<!--ms-t:block_important-->"),
    ]
    assert "<p>A <em>note</em>.</p>" in html and html.endswith("</aside>\n<p>After.</p>\n")
    assert "```" not in html and ":class:" not in html and "{note}" not in html


def test_dropdowns_and_the_dropdown_class_are_collapsed_and_open_opens_them() -> None:
    body = (
        "```{dropdown} Click me\nHidden.\n```\n\n"
        "```{admonition} Answer\n:class: dropdown, tip\n42\n```\n\n"
        ":::{note}\n:class: dropdown\n:open:\nShown until closed.\n:::\n\n"
        "```{hint}\n---\nclass: dropdown\n---\nYAML options.\n```\n"
    )
    html, problems = parse(body)
    assert problems == []
    assert [(tag, title) for tag, _, title in boxes(html)] == [
        ("details", "Click me"),
        ("details", "Answer"),
        ("details", "<!--ms-t:block_note-->"),
        ("details", "<!--ms-t:block_hint-->"),
    ]
    assert [d.endswith(" open>") for d in re.findall(r"<details[^>]*>", html)] == [False, False, True, False]
    assert ":open:" not in html and "class: dropdown" not in html and "---" not in html


def test_sphinx_lesson_blocks_nest_and_teacher_notes_are_never_published(
    make_course: MakeCourse, tmp_path: Path
) -> None:
    unit = HEAD + (
        "````{challenge} Loops\nWrite a loop.\n\n```{solution}\nfor i in x: pass\n```\n````\n\n"
        "```{instructor-note}\nSECRET-NOTE\n```\n\n"
        ":::{instructor-note}\nSECRET-TOO\n:::\n\n"
        "```{prerequisites}\nA shell.\n```\n\n"
        "```{exercise} Loop it\n:label: ex-loop\nDo it.\n```\n\n```{solution} ex-loop\n:class: dropdown\nDone.\n```\n"
    )
    root = make_course({"course.yml": "title: T\n", "units/a.md": unit})
    result = CliRunner().invoke(main, ["build", str(root), "-o", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    assert files_holding(tmp_path / "site", b"SECRET") == []
    html = page[page.index('<div class="lesson prose">') :]
    assert [(tag, title) for tag, _, title in boxes(html)] == [
        ("section", "Loops"),
        ("details", "Solution"),  # (the theme's word, filled in)
        ("aside", "Prerequisite"),  # (the theme's title of a prereq block)
        ("section", "Loop it"),
        ("details", "Solution"),  # sphinx-exercise's argument is the exercise's label: not a title
    ]
    assert html.count("ex-loop") == 1 and '<section class="ms-practice ms-practice--practice" id="ex-loop"' in html
    assert "```" not in html and ":label:" not in html  # (the label is the exercise's id, links to it lead there)


def test_code_directives_keep_their_language_and_caption_and_a_code_cell_is_said_never_to_run() -> None:
    body = (
        "```{code-block} python\n:linenos:\n:caption: loop.py\nfor i in range(3):\n    print(i)\n```\n\n"
        "```{code-cell} ipython3\nx = 1\n```\n\n```{code-cell} ipython3\ny = 2\n```\n"
    )
    html, problems = parse(body)
    assert '<p class="ms-code-title"><code>loop.py</code></p>' in html
    assert html.count('<code class="language-python">') == 3
    assert ":linenos:" not in html and ":caption:" not in html and "{code-" not in html
    assert problems == [
        "units/a.md:12: warning: code cell '```{code-cell} ipython3' is shown as code and never run: run the"
        " notebook first and paste what it prints (or write it as '```python') [shown-as-text]"
    ]  # once a unit


def test_other_directives_are_shown_as_code_and_named_once_each() -> None:
    body = "```{toctree}\n:maxdepth: 2\nintro\n```\n\n```{list-table}\n* - a\n```\n\n```{toctree}\nmore\n```\n"
    html, problems = parse(body)
    assert problems == [
        "units/a.md:5: warning: MyST directive '```{toctree}' is shown as code: it is not read here"
        " (course.yml lists the units in order) [shown-as-text]",
        "units/a.md:10: warning: MyST directive '```{list-table}' is shown as code: it is not read here"
        " [shown-as-text]",
    ]
    assert "intro" in html  # shown, as the teacher can see and fix
    # a Quarto or R Markdown chunk is still one, with its own advice
    _, problems = parse("```{r setup, eval=FALSE}\nx <- 1\n```\n")
    assert "code chunk '```{r setup, eval=FALSE}'" in problems[0] and "knitr" in problems[0]


def test_math_figure_and_image_directives(make_course: MakeCourse, tmp_path: Path) -> None:
    unit = HEAD + (
        "```{math}\n:label: euler\ne^{i\\pi} + 1 = 0\n```\n\n"
        "```{figure} fig/tree.png\n:alt: A tree of files\n:width: 300px\n\nThe *file* tree.\n```\n\n"
        "```{image} fig/tree.png\n:alt: Again\n```\n"
    )
    png = Path(__file__).parent / "sample_courses"
    image = next(png.rglob("*.png")).read_bytes()
    root = make_course({"course.yml": "title: T\n", "units/a.md": unit, "units/fig/tree.png": image})
    build(root, tmp_path / "site")
    page = (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    assert '<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">' in page and ":label:" not in page
    assert page.count("euler") == 1 and '<div class="math block math-numbered" id="euler">' in page  # numbered
    assert re.search(
        r'<figure>\n<p><img src="fig/tree.png" alt="A tree of files" width="300px"[^>]*></p>\n'
        r"<figcaption>The <em>file</em> tree.</figcaption>\n</figure>",  # the caption is Markdown
        page,
    )
    assert re.search(r'<p><img src="fig/tree.png" alt="Again"[^>]*></p>', page)
    assert (tmp_path / "site" / "units" / "fig" / "tree.png").read_bytes() == image
    broken = make_course({"course.yml": "title: T\n", "units/a.md": HEAD + "```{figure} fig/gone.png\nCap\n```\n"}, "b")
    result = CliRunner().invoke(main, ["check", str(broken)])
    assert "units/a.md:5: broken image 'fig/gone.png'" in result.output


def test_roles_are_read_and_cross_references_shown_as_their_text_with_a_warning(
    make_course: MakeCourse, tmp_path: Path
) -> None:
    unit = HEAD + (
        "Press {kbd}`Ctrl+C`; H{sub}`2`O and x{sup}`2`; {abbr}`CSS (Cascading Style Sheets)`;\n"
        "{math}`a^2`; a {term}`loop <for loop>`; get {download}`the data <files/data.csv>`.\n\n"
        "See {ref}`the setup <setup>` and\n{doc}`intro`.\n\n(setup)=\n## Setup\n"
    )
    files = {"course.yml": "title: T\n", "units/a.md": unit, "units/files/data.csv": "a,b\n"}
    root = make_course(files)
    result = CliRunner().invoke(main, ["build", str(root), "-o", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    for part in (
        "Press <kbd>Ctrl+C</kbd>; H<sub>2</sub>O and x<sup>2</sup>;",
        '<abbr title="Cascading Style Sheets">CSS</abbr>',
        '<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline">',
        'a loop; get <a href="files/data.csv">the data</a>.',
        '<p>See <a href="#setup">the setup</a> and\nintro.</p>',  # a target of this unit: a link to it
        '</p>\n<h2 id="setup">Setup</h2>',  # the heading has the label's id already: no second element
    ):
        assert part in page, part
    assert (tmp_path / "site" / "units" / "files" / "data.csv").is_file()
    assert "(setup)=" not in page and "{ref}" not in page and "`" not in page.split('<div class="lesson')[1][:2000]
    warned = [line for line in result.output.splitlines() if "cross-reference" in line]
    assert warned == [
        "units/a.md:9: warning: MyST cross-reference {doc}`intro` is shown as its text, not a link:"
        " write a Markdown link ([text](other-unit.md#heading)) [shown-as-text]",
    ]


def test_a_role_shown_as_text_is_said_once_a_unit_by_kind_and_each_cross_reference_at_its_line() -> None:
    """sphinx-design's page of badges had one warning per badge, 50 in all (port aa 14): a badge, an icon,
    is said once a unit for each kind ({bdg-primary} and {bdg-dark-line} are badges); each cross-reference
    and citation is a thing to write, at its own line."""
    body = (
        "{bdg-primary}`one` {bdg-dark-line}`two`\n\n{bdg-muted}`three` {octicon}`rocket`\n\n"
        "{octicon}`star` {doc}`intro`\n\n{doc}`setup` {cite}`knuth` {cite}`dijkstra`\n"
    )
    _, problems = parse(body)
    assert [p.split(": warning: ")[1].split(" is shown")[0] for p in problems] == [
        "MyST role {bdg-primary}`one`",
        "MyST role {octicon}`rocket`",
        "MyST cross-reference {doc}`intro`",
        "MyST citation {cite}`dijkstra`",  # (a line's warnings in order of their text)
        "MyST citation {cite}`knuth`",
        "MyST cross-reference {doc}`setup`",
    ]


def test_sphinx_design_tabs_are_collapsed_blocks_and_the_set_is_unwrapped() -> None:
    body = (
        "::::{tab-set}\n:::{tab-item} Linux\nRun `ls`.\n:::\n:::{tab-item} Windows\nRun `dir`.\n:::\n::::\n\n"
        "`````{tab-set}\n````{tab-item} Mac\n```bash\nls\n```\n````\n`````\n"
    )
    html, problems = parse(body)
    assert problems == []
    assert [(tag, title) for tag, _, title in boxes(html)] == [
        ("details", "Linux"),
        ("details", "Windows"),
        ("details", "Mac"),
    ]
    assert "tab-set" not in html and '<code class="language-bash">ls' in html
    opened = [d.endswith(" open>") for d in re.findall(r"<details[^>]*>", html)]
    assert opened == [True, False, True]  # the first tab of each set, as MkDocs' and Quarto's tabs


def test_an_unknown_colon_directive_is_still_an_error_and_not_a_fence_stays_code() -> None:
    _, problems = parse(":::{nonsense}\nx\n:::\n")
    assert len(problems) == 1 and "unknown block 'nonsense'" in problems[0]
    html, problems = parse("```{r}\nx <- 1\n```\n\n``` {note} `x`\ny\n```\n")
    assert '<code class="language-r">' in html  # the second is text as CommonMark reads it: said at its line
    assert len(problems) == 2 and "'``` {note} `x`' is not a code fence" in problems[1]


def built_with_a_figure(make_course: MakeCourse, tmp_path: Path, unit: str) -> tuple[str, str]:
    """The page of a course of one unit ``unit`` with a picture fig/tree.png, built into tmp_path/site,
    and what the build said."""
    png = next((Path(__file__).parent / "sample_courses").rglob("*.png")).read_bytes()
    root = make_course({"course.yml": "title: T\n", "units/a.md": unit, "units/fig/tree.png": png})
    result = CliRunner().invoke(main, ["build", str(root), "-o", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    return (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8"), result.output


def test_index_entries_and_removed_cells_are_not_shown_and_comments_never_published(
    make_course: MakeCourse, tmp_path: Path
) -> None:
    unit = HEAD + (
        '```{index} keyword\n```\n\nText\n% SECRET comment\nmore.\n\n+++ {"tags": []}\n\n'
        "```{comment}\nSECRET directive comment\n```\n\n:::{comment}\nSECRET again\n:::\n\n"
        "```{code-cell} ipython3\n:tags: [remove-cell]\nfrom SECRET_preamble import *\n```\n\n"
        "```{code-cell} ipython3\n---\ntags: [remove-input]\n---\nSECRET_glue()\n```\n\n"
        ":::{figure} fig/tree.png\n:alt: A tree\n\nCaption here.\n:::\n\n"
        ":::{glue:figure} plot\n:::\n"
    )
    page, said = built_with_a_figure(make_course, tmp_path, unit)
    assert files_holding(tmp_path / "site", b"SECRET") == []
    lesson = page[page.index('<div class="lesson prose">') :]
    assert "<p>Text</p>\n<p>more.</p>" in lesson and "+++" not in lesson and "keyword" not in lesson
    assert "<figcaption>Caption here.</figcaption>" in lesson and 'alt="A tree"' in lesson
    assert "MyST directive '```{glue:figure}' is shown as code" in said
    # '%' and '+++' lines are text in a unit that is not written in MyST
    html, _ = parse("Grades\n% of the class\n\n+++\n")
    assert "% of the class" in html and "<p>+++</p>" in html


def test_a_hidden_code_cell_is_collapsed_as_jupyter_book_shows_it() -> None:
    """Jupyter Book shows a cell tagged 'hide-cell' or 'hide-input' behind "Click to show": an exercise's
    solution, often. It had been shown open, above "write your solution here" (port aa 4)."""
    html, _ = parse(
        "```{code-cell} ipython3\n:tags: [hide-cell]\nSOLVED = 1\n```\n\n"
        "```{code-cell} ipython3\n# write your solution here\n```\n\n"
        "```{code-cell} ipython3\n---\ntags: [hide-input]\n---\nANSWER = 2\n```\n"
    )
    opening = '<details class="ms-collapsed ms-collapsed--details"><summary><!--ms-t:block_details--></summary>'
    assert html.count(opening) == 2 and html.count("</details>") == 2
    first, second = html.split(opening)[1:]
    assert "SOLVED" in first.split("</details>")[0] and "ANSWER" in second.split("</details>")[0]
    assert "write your solution" in first.split("</details>")[1]


def test_a_longer_fence_closes_the_myst_blocks_it_is_long_enough_for() -> None:
    body = ":::::{note}\n::::{tip} A\n:::{warning}\ninner\n::::\n\n::::{tip} B\ntext B\n::::\n:::::\n\nAfter.\n"
    html, problems = parse(body)
    assert problems == []
    assert [title for _, _, title in boxes(html)] == ["<!--ms-t:block_note-->", "A", "<!--ms-t:block_warning-->", "B"]
    assert html.index("text B") > html.index("</aside>\n</aside>\n<aside")  # warning and tip A closed together
    assert html.endswith("</aside>\n</aside>\n<p>After.</p>\n")
    html, problems = parse("::::{exercise}\nDo.\n:::{solution}\nDone.\n::::\n\nAfter.\n")
    assert problems == [] and html.endswith("</details>\n</section>\n<p>After.</p>\n")
    # pandoc's reading is unchanged: a bare fence closes the innermost block only
    html, problems = parse(":::: challenge\nDo.\n::: solution\nDone.\n::::\n::::\n\nAfter.\n")
    assert problems == [] and html.endswith("</details>\n</section>\n<p>After.</p>\n")


def test_objectives_in_a_backtick_block_are_the_units_objectives() -> None:
    from masterysite.errors import Report
    from masterysite.parse.unit import UnitSource, parse_unit

    text = "---\ntitle: T\n---\n\n```{objectives}\n- Use branches\n- Merge them\n```\n\nText.\n"
    unit = parse_unit(text, UnitSource("units/a.md", 0, None, "/nonexistent"), Report())
    assert unit is not None and [o.text for o in unit.objectives] == ["Use branches", "Merge them"]


def test_workbench_and_sphinx_tabs() -> None:
    body = (
        "::: group-tab\n### Windows\nUse PowerShell.\n### Mac\nUse Terminal.\n:::\n\n"
        "````{tabs}\n```{group-tab} Python\nprint()\n```\n```{tab} R\ncat()\n```\n````\n"
    )
    html, problems = parse(body)
    assert problems == []
    assert [(tag, title) for tag, _, title in boxes(html)] == [
        ("details", "Windows"),  # the Workbench's: a tab per heading, titled with it
        ("details", "Mac"),
        ("details", "Python"),
        ("details", "R"),
    ]
    assert "Use Terminal." in html and "{tabs}" not in html


def test_blocks_nested_with_fences_of_one_length_close_one_at_a_time() -> None:
    """As sphinx-lesson's authors write them (and pandoc reads them): the first bare fence closes the
    solution, the second the challenge."""
    html, problems = parse(":::{challenge} Loops\nWrite one.\n\n:::{solution}\nDone.\n:::\n:::\n\nAfter.\n")
    assert problems == []
    assert [(tag, title) for tag, _, title in boxes(html)] == [
        ("section", "Loops"),
        ("details", "<!--ms-t:block_solution-->"),
    ]
    assert html.endswith("</details>\n</section>\n<p>After.</p>\n")


def test_the_warning_count_is_of_the_warnings_printed(make_course: MakeCourse) -> None:
    root = make_course({"course.yml": "title: T\n", "units/a.md": HEAD + "See {ref}`a` and {ref}`a`.\n"})
    result = CliRunner().invoke(main, ["check", str(root)])
    lines = [line for line in result.output.splitlines() if "warning:" in line]
    assert len(lines) == 1 and "1 warning." in result.output, result.output


def test_gated_exercises_and_solutions_are_blocks_the_solution_collapsed() -> None:
    """sphinx-exercise's {exercise-start}/{exercise-end} and {solution-start}/{solution-end}, with the
    Markdown and code cells between them: an exercise box and a collapsed solution (QuantEcon's lectures)."""
    body = (
        "```{exercise-start}\n:label: ex1\n```\n\nWrite `factorial`.\n\n```{exercise-end}\n```\n\n"
        "```{solution-start} ex1\n:class: dropdown\n```\n\nOne ANSWER:\n\n```{code-cell} python3\nk = 1\n```\n\n"
        "```{solution-end}\n```\n\nAfter.\n"
    )
    html, problems = parse(body)
    assert boxes(html) == [
        ("section", "ms-practice ms-practice--practice", "<!--ms-t:block_practice-->"),
        ("details", "ms-collapsed ms-collapsed--solution", "<!--ms-t:block_solution-->"),
    ]
    summary = "<summary><!--ms-t:block_solution--></summary>"
    assert re.search(summary + r"\n<p>One ANSWER:</p>\n<pre[^>]*><code class=\"language-python\">", html)
    assert html.endswith("</details>\n<p>After.</p>\n")
    assert "-start" not in html and "-end" not in html and ":label:" not in html
    assert html.count("ex1") == 1 and html.startswith('<section class="ms-practice ms-practice--practice" id="ex1"')
    assert [p for p in problems if "solution" in p or "exercise" in p] == []


def test_a_gated_solution_never_ended_is_said() -> None:
    html, problems = parse("```{solution-start} ex1\n```\n\nThe ANSWER.\n\n```{exercise-end}\n```\n")
    assert "<p>The ANSWER.</p>" in html
    assert problems == [
        "units/a.md:5: warning: MyST directive '```{solution-start}' has no '```{solution-end}' after it, at the"
        " same indentation: add one where the solution ends (until then it is shown open, as text) [shown-as-text]",
        "units/a.md:10: warning: MyST directive '```{exercise-end}' ends no '```{exercise-start}' above it: remove it"
        " [shown-as-text]",
    ]


def test_raw_blocks_are_html_or_nothing() -> None:
    """MyST's {raw} and pandoc's raw attribute: HTML is HTML; a notebook's or LaTeX's is for another
    output (QuantEcon's notebook header, '\\newpage'): nothing here, and nothing to warn about."""
    body = (
        '```{raw} jupyter\n<div id="qe-notebook-header">HEADER</div>\n```\n\n```{raw} html\n<b>bold</b>\n```\n\n'
        "```{=latex}\n\\newpage\n```\n\n```{=html}\n<i>it</i>\n```\n\n"
        "A `\\LaTeX`{=latex} word, `<kbd>K</kbd>`{=html}.\n"
    )
    html, problems = parse(body)
    assert problems == []
    assert html == "<b>bold</b>\n<i>it</i>\n<p>A  word, <kbd>K</kbd>.</p>\n"


def test_raw_latex_that_holds_content_is_said_once_a_unit() -> None:
    """pandoc '-f latex+raw_tex' keeps a homework class's environments as raw LaTeX: the whole unit, problems
    and solutions, was dropped with no word (port cc 2). Layout alone (a page break, the title) is not said."""
    body = (
        "```{=latex}\n\\maketitle\n\\vspace{1em} % space\n```\n\n"
        "```{=latex}\n\\begin{problem}[Euclid]Prove that there are infinitely many primes.\n\\end{problem}\n```\n"
        "```{=latex}\n\\begin{solution}\nSECRET\n\\end{solution}\n```\n"
    )
    html, problems = parse(body)
    assert html == ""
    assert problems == [
        "units/a.md:10: warning: pandoc's raw latex block ('\\begin{problem}[Euclid]Prove that the...') is left"
        " out (and 1 more in this unit): a web page shows nothing of it; convert without '+raw_tex' (pandoc then"
        " writes its environments as '::: name' blocks), or write it in Markdown [left-out]"
    ]


def test_a_link_or_ref_to_a_target_of_the_unit_leads_to_it() -> None:
    body = (
        "(ex-1)=\n## Exercises\n\nRewrite the function from [Exercise 1](ex-1), see {ref}`ex-1`,"
        " {numref}`that one <ex-1>` and {ref}`other-unit-label`.\n\n(ms-quiz)=\nA paragraph.\n"
    )
    html, problems = parse(body)
    assert html.startswith('<span id="ex-1"></span>\n<h2 id="exercises">Exercises</h2>\n')
    assert (
        '<p>Rewrite the function from <a href="#ex-1">Exercise 1</a>, see <a href="#ex-1">Exercises</a>,'
        ' <a href="#ex-1">that one</a> and other-unit-label.</p>' in html
    )
    assert '<span id="h-ms-quiz"></span>\n<p>A paragraph.</p>' in html  # never an id the page itself uses
    assert [p.split("warning: ")[1][:44] for p in problems] == ["MyST cross-reference {ref}`other-unit-label`"]


def test_a_sphinx_static_picture_and_a_figure_without_alt_say_what_to_write(make_course: MakeCourse) -> None:
    from masterysite.build import load_course

    unit = HEAD + "```{figure} /_static/x.png\n:scale: 80\n```\n\n![A](../_static/y.png)\n"
    root = make_course({"course.yml": "title: T\n", "units/a.md": unit})
    assert [str(p) for p in load_course(root).report.sorted()] == [
        "units/a.md:5: warning: image '/_static/x.png' has no alt text: describe it in an ':alt: …' line under it"
        " [no-alt]",
        "units/a.md:5: image '/_static/x.png' is not in the course: copy it into assets/ and write '/assets/x.png'",
        "units/a.md:9: image '../_static/y.png' is not in the course: copy it into assets/ and write '../assets/y.png'",
    ]
    (root / "_static").mkdir()
    (root / "_static" / "y.png").write_bytes(b"")
    assert [str(p) for p in load_course(root).report.sorted() if "y.png" in str(p)] == [
        "units/a.md:9: image '../_static/y.png' points to '_static/y.png', and the site's own files are in _static/:"
        " move it into assets/ (and link to it there)"
    ]


def test_an_indented_directive_reads_its_body_from_its_own_indentation() -> None:
    """As CommonMark reads a fence: the body of '   ```{group-tab} Python' at 6 spaces is at 3 inside it,
    not an indented code block (coderefinery/testing: 86 directives shown as code, none warned)."""
    body = (
        "````{tabs}\n   ```{group-tab} Python\n\n      ```{literalinclude} code/example.py\n      :language: python\n"
        "      ```\n   ```\n\n   ```{group-tab} R\n\n      Solutions use **testthat**.\n   ```\n````\n"
    )
    html, problems = parse(body)
    assert [title for _, _, title in boxes(html)] == ["Python", "R"]
    assert "<strong>testthat</strong>" in html and "{group-tab}" not in html
    assert problems == [
        "units/a.md:8: warning: MyST directive '```{literalinclude}' is shown as code: paste the file's lines"
        " into a code block (```python … ```) instead [shown-as-text]"
    ]


def test_blank_lines_and_a_longer_parent_fence_close_nested_directives_as_myst_does() -> None:
    tabs = (
        "`````{callout} Instructions\n  ````{tabs}\n    ```{group-tab} Python\n\n    Use pytest.\n    ```\n\n"
        "   ```{group-tab} R\n\n    Use testthat.\n    ```\n  ````\n`````\n"
    )
    html, problems = parse(tabs)
    assert problems == [] and "Use testthat." in html and "```" not in html
    unclosed = (  # the tabs never closed: the solution's longer fence closes them too
        "```````{exercise} Design-2\nSome task.\n\n``````{solution}\nThe answer.\n\n`````{tabs}\n"
        "   ````{group-tab} Python\n\n      ```python\n      print(1)\n      ```\n   ````\n\n"
        "``````\n```````\n\nAfter.\n"
    )
    html, problems = parse(unclosed)
    assert problems == [] and html.endswith("<p>After.</p>\n") and "print" in html


def test_a_target_before_an_underlined_heading_is_a_target_not_words_of_the_heading() -> None:
    html, problems = parse("(getting-help)=\nGetting Help\n------------\n\nSee {ref}`getting-help`.\n")
    assert problems == []
    assert '<h2 id="getting-help">Getting Help</h2>' in html and "(getting-help)=" not in html
    assert '<a href="#getting-help">Getting Help</a>' in html


def test_sphinx_proof_directives_are_titled_boxes_their_label_the_id() -> None:
    """sphinx-proof's {prf:theorem} and the like (a teacher's statistics lessons): they were code, ':label:' shown."""
    body = (
        "```{prf:theorem} Law of large numbers\n:label: lln_as\n\n"
        "If $X_1, X_2, \\ldots$ are IID with mean $\\mu$, then $\\bar X_n \\to \\mu$.\n```\n\n"
        ":::{prf:lemma}\n:label: lem-1\n:nonumber:\n:class: important\n\nIt holds:\n\n"
        "```{math}\nx = 1\n```\n:::\n\n"
        "```{prf:proof}\nTrivial.\n```\n\n"
        "```{prf:definition} The *mean*\nAverage.\n```\n"
    )
    html, problems = parse(body)
    assert problems == []
    assert boxes(html) == [
        ("aside", "ms-callout ms-callout--callout", "Theorem (Law of large numbers)"),
        ("aside", "ms-callout ms-callout--callout", "Lemma"),
        ("aside", "ms-callout ms-callout--callout", "Proof"),
        ("aside", "ms-callout ms-callout--callout", "Definition (The <em>mean</em>)"),
    ]
    assert '<aside class="ms-callout ms-callout--callout" id="lln_as"' in html
    assert '<aside class="ms-callout ms-callout--callout" id="lem-1"' in html
    assert html.count('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">') == 1  # the nested {math}
    assert ":label:" not in html and ":nonumber:" not in html and "```" not in html and "$" not in html
    _, problems = parse("```{prf:lemmma}\nx\n```\n")
    assert problems == [
        "units/a.md:5: warning: MyST directive '```{prf:lemmma}' is shown as code: it is not read here [shown-as-text]"
    ]


def test_labelled_formulas_are_numbered_and_eq_references_link_to_them() -> None:
    """A teacher's statistics lesson: {eq}`infinite` showed the bare label, with a warning at each use."""
    body = (
        "```{math}\n:label: infinite\n\n1 + c + c^2 + \\cdots = \\frac{1}{1-c}\n```\n\n"
        "$$\nx = y\n$$\n\n"
        ":::{math}\n:label: second\na = b\n:::\n\n"
        "To prove key formula {eq}`infinite`, multiply both sides by $(1-c)$.\n"
        "Again {eq}`infinite`, then {eq}`second`; see [the formula](infinite).\n"
    )
    html, problems = parse(body)
    assert problems == []
    assert re.findall(r'<div class="math block[^"]*"(?: id="[^"]*")?>', html) == [
        '<div class="math block math-numbered" id="infinite">',
        '<div class="math block">',  # (no label: no number)
        '<div class="math block math-numbered" id="second">',
    ]
    assert re.findall(r'<span class="math-number">\((\d)\)</span>', html) == ["1", "2"]
    assert '<p>To prove key formula <a href="#infinite">(1)</a>, multiply' in html
    assert (
        'Again <a href="#infinite">(1)</a>, then <a href="#second">(2)</a>; see <a href="#infinite">the formula</a>.'
        in html
    )
    assert "{eq}" not in html and ":label:" not in html


def test_a_dollar_formula_with_a_label_is_numbered_as_a_labelled_math_directive() -> None:
    """MyST's '$$ … $$ (label)' (TeachBooks, QuantEcon): it had an id and a stray '¶' but no number, and
    each {eq} to it was said to have no formula."""
    body = "$$ r = \\sqrt{x}$$ (eq:r)\n\n```{math}\n:label: two\ny\n```\n\nBy {eq}`eq:r` and {eq}`two`.\n"
    html, problems = parse(body)
    assert problems == []
    assert '<div class="math block math-numbered" id="eq:r">' in html and "¶" not in html
    assert re.findall(r'<span class="math-number">\((\d)\)</span>', html) == ["1", "2"]
    assert '<p>By <a href="#eq:r">(1)</a> and <a href="#two">(2)</a>.</p>' in html


def test_a_math_directive_of_several_rows_is_aligned_as_sphinx_aligns_it() -> None:
    """Sphinx gives MathJax a {math} body with rows ('\\\\') as a split, its '&' aligning them
    (gamma-opt's Jupyter Book: every '&' was printed and the rows ran together)."""
    body = "```{math}\n:label: p\n\\min_{x} \\quad& f(x) \\\\\n\\text{s.t.} \\quad& x \\geq 0\n```\n\n"
    body += "```{math}\nx = 1\n\ny = 2\n```\n"
    html, problems = parse(body)
    assert problems == []
    assert html.count("<mtable") == 2 and "<mi>&amp;</mi>" not in html and "<mi>&</mi>" not in html
    assert html.count("<mtr>") == 4


def test_an_eq_reference_to_no_formula_of_the_unit_is_said_once_a_label() -> None:
    body = "```{math}\n:label: here\nx\n```\n\nSee {eq}`there`,\n{eq}`there` and {eq}`elsewhere`; {ref}`here`.\n"
    html, problems = parse(body)
    assert problems == [
        "units/a.md:10: warning: MyST equation reference {eq}`there` is shown as its text: no formula of this unit"
        " has that label; give a ```{math} formula of this unit that ':label:' (a formula of another unit is not"
        " numbered here) [shown-as-text]",
        "units/a.md:11: warning: MyST equation reference {eq}`elsewhere` is shown as its text: no formula of this"
        " unit has that label; give a ```{math} formula of this unit that ':label:' (a formula of another unit is"
        " not numbered here) [shown-as-text]",
    ]
    assert '<p>See there,\nthere and elsewhere; <a href="#here">(1)</a>.</p>' in html


def test_a_link_or_ref_to_a_directives_label_leads_to_its_box() -> None:
    body = (
        "We will show an example in the [exercise](lln_ex3); see {ref}`lln_ex3`, {prf:ref}`lln_as`"
        " and {ref}`the tip <tip-1>`.\n\n"
        "```{exercise}\n:label: lln_ex3\n\nShow it.\n```\n\n"
        "```{prf:theorem} Law of *large* numbers\n:label: lln_as\nIt holds.\n```\n\n"
        ":::{tip}\n:name: tip-1\nA tip.\n:::\n"
    )
    html, problems = parse(body)
    assert problems == []
    assert html.startswith(
        '<p>We will show an example in the <a href="#lln_ex3">exercise</a>; see'
        ' <a href="#lln_ex3"><!--ms-t:block_practice--></a>,'
        ' <a href="#lln_as">Theorem (Law of large numbers)</a> and <a href="#tip-1">the tip</a>.</p>\n'
        '<section class="ms-practice ms-practice--practice" id="lln_ex3"'
    )
    assert '<aside class="ms-callout ms-callout--tip" id="tip-1"' in html


def test_labels_inside_a_question_or_the_enrichment_are_no_targets(make_course: MakeCourse) -> None:
    """Their content is sealed until the student answers: a reference must not read a title from them."""
    unit = HEAD.replace("title: T\n", "title: T\nobjectives:\n  o: O\n") + (
        "See {eq}`sealed-eq`, {ref}`sealed-thm` and [the remark](bonus).\n\n"
        "::: question o\nWhat?\n\n```{math}\n:label: sealed-eq\nx = SECRET\n```\n\n= 1\n:::\n\n"
        "::: enrichment More\n```{prf:theorem} SECRET-TITLE\n:label: sealed-thm\nWhy.\n```\n\n"
        "```{prf:remark} SECRET-TOO\n:label: bonus\nMore.\n```\n:::\n"
    )
    root = make_course({"course.yml": "title: T\n", "units/a.md": unit})
    result = CliRunner().invoke(main, ["check", str(root)])
    assert sorted(line.split(": ", 1)[1][:50] for line in result.output.splitlines() if "units/a.md" in line) == [
        "broken link 'bonus': no file 'units/bonus' in the ",
        "warning: MyST cross-reference {ref}`sealed-thm` is",
        "warning: MyST equation reference {eq}`sealed-eq` i",
    ]


def test_a_link_with_no_text_to_a_target_of_the_unit_reads_its_title() -> None:
    """MyST's ``[](setup)``: the heading's title (a box's title, a formula's number); it was an empty link."""
    body = (
        "See [](content/cards), [](#setup) and [](tip-1).\n\n(setup)=\n## Setting *up*\n\nText.\n\n"
        "(content/cards)=\n## Cards\n\nBoxes.\n\n:::{tip} Remember\n:name: tip-1\nA tip.\n:::\n"
    )
    html, problems = parse(body)
    assert problems == []
    assert (
        '<p>See <a href="#content/cards">Cards</a>, <a href="#setup">Setting up</a> and <a href="#tip-1">Remember</a>.'
        in html
    )


def test_a_label_with_a_colon_is_a_target_or_said_not_to_be_one(make_course: MakeCourse) -> None:
    """``[text](explain:migration)``: a MyST label of this unit is a link to it; one of no target is said
    (a warning: 'skype:echo123?call' and 'spotify:…' are addresses of schemes not listed). A label inside
    a question or the enrichment is no target, for a link with no text either."""
    unit = HEAD.replace("title: T\n", "title: T\nobjectives:\n  o: O\n") + (
        "See [the setup](content:setup), [this page](explain:migration), [](expl:bonus),"
        " [mail](mailto:a@b.org), [a site](https://example.org/a:b) and [none](about:blank).\n\n"
        "(content:setup)=\n## Setup\n\nText.\n\n"
        "::: question o\nWhat?\n\n= 1\n:::\n\n::: enrichment More\n(expl:bonus)=\n## SECRET-TITLE\n\nWhy.\n:::\n"
    )
    root = make_course({"course.yml": "title: T\n", "units/a.md": unit})
    result = CliRunner().invoke(main, ["check", str(root)])
    assert sorted(
        line.split(": ", 1)[1] for line in result.output.splitlines() if "units/a.md" in line and "[anchor]" in line
    ) == [
        f"warning: link '{label}' is read as a web address of the scheme '{label.split(':')[0]}:'; if it is a MyST"
        " label, no target of this unit has it: link to 'other-unit.md#heading' instead [anchor]"
        for label in ("expl:bonus", "explain:migration")
    ]
    assert result.exit_code == 0 and "SECRET" not in result.output
    html, _ = parse("See [the setup](content:setup).\n\n(content:setup)=\n## Setup\n")
    assert '<a href="#content:setup">the setup</a>' in html


def test_a_label_of_another_unit_is_said_with_the_link_to_write(make_course: MakeCourse) -> None:
    """A Jupyter Book's labels are the whole book's: '[x](chap:speed)' to a label of another unit was said to
    have no target 'of this unit', with no word of the unit that has it (ii port 8)."""
    first = "---\ntitle: Speed\n---\n\n(chap:speed)=\n## Speed\n\nText.\n"
    second = "---\ntitle: Exercises\n---\n\nSee [speed](chap:speed) and [none](chap:nowhere).\n"
    root = make_course({"course.yml": "title: T\n", "units/01-speed.md": first, "units/02-ex.md": second})
    result = CliRunner().invoke(main, ["check", str(root)])
    said = sorted(line for line in result.output.splitlines() if "[anchor]" in line)
    assert said == sorted(
        [
            "units/02-ex.md:5: warning: link 'chap:speed' is a MyST label of another unit, 'units/01-speed.md', but"
            " here it reads as a web address of the scheme 'chap:', which leads nowhere: link to"
            " '01-speed.md#chap:speed' [anchor]",
            "units/02-ex.md:5: warning: link 'chap:nowhere' is read as a web address of the scheme 'chap:'; if it is a"
            " MyST label, no target of this unit has it: link to 'other-unit.md#heading' instead [anchor]",
        ]
    ), result.output


def test_sphinx_design_cards_keep_header_and_footer_and_invent_no_title() -> None:
    """``{card} Title``: its title; ``^^^`` ends its header and ``+++`` starts its footer, neither shown;
    an untitled card takes a header of words as its title, and with none it is a box with no title."""
    body = (
        "````{card} Card 1 title\n\nCard header 1\n^^^\nCard body 1\n+++\nCard footer 1\n````\n\n"
        ":::{grid-item-card}\nHeader *words*\n^^^\nBody 2\n\n```text\n^^^\n```\n:::\n\n"
        "```{card}\nJust a body.\n```\n\nAfter.\n"
    )
    html, problems = parse(body)
    assert problems == []
    assert boxes(html) == [
        ("aside", "ms-callout ms-callout--callout", "Card 1 title"),
        ("aside", "ms-callout ms-callout--callout", "Header <em>words</em>"),
    ]
    assert "<p>Card header 1</p>\n<p>Card body 1</p>\n<p>Card footer 1</p>\n</aside>" in html
    assert '<p>Body 2</p>\n<pre class="highlight"><code class="language-text">^^^\n</code></pre>' in html
    assert html.endswith('<div class="ms-callout ms-callout--callout">\n<p>Just a body.</p>\n</div>\n<p>After.</p>\n')
    assert "Callout" not in html and "block_callout" not in html and "+++" not in html


def test_a_figures_name_is_a_target_of_ref_numref_and_links(make_course: MakeCourse, tmp_path: Path) -> None:
    """The Turing Way's figures: ':name:' (or 'name:' in YAML options) is what {ref}, {numref} and
    '[text](name)' lead to, reading the caption; the link was a broken-link error, the roles bare text."""
    unit = HEAD + (
        "```{figure} fig/tree.png\n---\nname: sub-branch\nalt: Four branches.\n---\n"
        "An illustration of *branching*\n```\n\n"
        ":::{figure} fig/tree.png\n:name: sub-branch-2\n:alt: Again.\n\nThe same, `colon` fence\n:::\n\n"
        "See {numref}`sub-branch`, {ref}`sub-branch-2` and [the figure](sub-branch).\n"
    )
    page, _ = built_with_a_figure(make_course, tmp_path, unit)
    assert '<span id="sub-branch"></span>' in page and '<span id="sub-branch-2"></span>' in page
    assert re.findall(r'<a href="#(sub-branch[-2]*)">(.*?)</a>', page) == [
        ("sub-branch", "An illustration of <em>branching</em>"),  # (as the caption shows it)
        ("sub-branch-2", "The same, <code>colon</code> fence"),
        ("sub-branch", "the figure"),
    ]


def test_a_toggle_is_collapsed_and_a_chapters_table_of_contents_shows_nothing() -> None:
    """Jupyter Book's '{toggle}' (sphinx-togglebutton) and '{tableofcontents}': read as R chunks before,
    with a warning about knitr; the toggle's content was shown, the contents an empty code box."""
    html, problems = parse_lesson(
        "```{toggle}\nHidden until opened.\n```\n\n```{tableofcontents}\n```\n\n"
        "```{contents} Contents\n:depth: 2\n```\n\nAfter.\n"  # (a page's own: its "On this page")
    )
    assert problems == [] and "<pre" not in html
    assert boxes(html) == [("details", "ms-collapsed ms-collapsed--details", "<!--ms-t:block_details-->")]
    assert "<p>Hidden until opened.</p>\n</details>\n<p>After.</p>" in html


def test_sphinx_exercises_hidden_solutions_and_exercises_are_never_published() -> None:
    """sphinx-exercise's ':hidden:' "removes the directive from the final output": a solution so marked
    (as a directive or between '{solution-start}' and '{solution-end}') was shown, collapsed, to all."""
    html, problems = parse_lesson(
        "```{exercise}\n:label: ex1\nCompute 2+2.\n```\n\n"
        "```{solution} ex1\n:hidden:\nSECRET one\n```\n\n"
        "```{solution-start} ex1\n:hidden:\n```\nSECRET two\n```{solution-end}\n```\n\n"
        "```{exercise}\n:hidden:\nSECRET three\n```\n\n"
        "```{solution} ex1\nShown, collapsed.\n```\n"
    )
    assert problems == []
    assert "SECRET" not in html and "Compute 2+2." in html and "Shown, collapsed." in html


def test_a_directive_never_closed_is_named_as_written() -> None:
    """'```{admonition} Answer' left open was "'``` details' block is never closed": a name the file
    does not hold (masterysite's own for a collapsed box)."""
    _, problems = parse("```{admonition} Answer\n:class: tip, dropdown\n\nThe answer.\n")
    assert problems == ["units/a.md:5: '```{admonition}' block is never closed: add a line '```' after it"]
    _, problems = parse(":::{card} Example\nText.\n")
    assert problems == ["units/a.md:5: ':::{card}' block is never closed: add a line ':::' after it"]


def test_math_with_spaces_inside_the_dollars_is_math_in_myst_and_said_elsewhere() -> None:
    """MyST (Jupyter Book) reads '$ x $' as math, pandoc as text: a lesson is read as its tool reads it.
    The MUDE book's '$\\nRT(t) = 1/p\\n$' and '$\\hat{\\epsilon} =  Y $' had been published as TeX, unsaid."""
    spaced = "The period is\n\n$\nRT(t) = 1/p\n$\n\nand the error $\\hat{\\epsilon} =  Y-\\hat{Y} $ here.\n"
    myst_html, problems = parse("(period)=\n## Return period\n\n" + spaced)
    assert problems == []
    assert myst_html.count("<math ") == 2 and "$" not in myst_html
    caption, problems = parse(
        "(a)=\n# A\n\n```{figure} x.png\n:name: fig-q\nWhere $ \\beta $=2.0 and $C$=4.0.\n```\n\n"
        "```{admonition} A title\nIts title is parsed on its own.\n```\n\nSee {numref}`fig-q` for $x$.\n\n"
        "```{admonition} So is $ \\gamma $\nAnd read as its unit is.\n```\n"
    )
    assert caption.count("<math ") == 6  # (a caption, a box's title: parsed on their own, read as the unit is)
    assert [p for p in problems if p.endswith("[math]")] == [] and "$" not in caption

    html, problems = parse("## Return period\n\n" + spaced)  # not MyST: text, as pandoc has it, said once
    assert "<math " not in html and "$\\hat{\\epsilon} =  Y-\\hat{Y} $" in html
    assert problems == [
        "units/a.md:9: warning: '$ RT(t) = 1/p $' is shown as text, not as a formula: a space just inside a"
        " dollar makes it text, as in pandoc; remove the spaces next to the dollars (or write $$ … $$ for a"
        " displayed formula) [math]"
    ]
    quarto, problems = parse("```{r}\nx <- 1\n```\n\n" + spaced)  # a Quarto chunk is no sign of MyST
    assert "<math " not in quarto and [p for p in problems if p.endswith("[math]")] == [problems[-1]]

    prices, problems = parse("It costs $5 = $10 less, $ 3 or $4 and $ a dollar sign $.\n")
    assert problems == [] and "<math " not in prices
    myst_prices, _ = parse("```{note}\nA note.\n```\n\nIt costs $5 and $10 each.\n")
    assert "<math " not in myst_prices  # (a digit after a closing dollar: not math, MyST's own option)


def test_a_myst_notebook_reads_spaced_dollars_as_math_by_its_front_matter(make_course: MakeCourse) -> None:
    course = make_course(
        {
            "course.yml": "title: T\nextra_keys: [jupytext, kernelspec]\n",
            "units/01-a.md": "---\ntitle: A\njupytext:\n  text_representation:\n    format_name: myst\n"
            "kernelspec:\n  name: python3\n---\n\nThe mean $ \\bar{x} $ of the sample.\n",
        }
    )
    site = course.parent / "site"
    report = build(course, site)
    assert [p for p in report.problems if p.code == "math"] == []
    assert '<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline">' in (site / "units/a.html").read_text()


def test_latex_labels_and_eqref_in_the_text_link_to_the_numbered_formula() -> None:
    """'$$ y = Ax \\label{eq:model} $$' then 'By \\eqref{eq:model}' (TU Delft's MUDE book), as MathJax shows
    them: the formula numbered, '(1)' and '1' links to it; one to no formula here is said, once."""
    html, problems = parse(
        "$$\ny = Ax + \\epsilon \\label{eq:model}\n$$\n\n"
        "By \\eqref{eq:model}, and by \\ref{ eq:model }, not \\eqref{eq:gone}; nor \\eqref{eq:gone}.\n"
    )
    assert '<div class="math block math-numbered" id="eq:model">' in html and "\\label" not in html
    assert '<span class="math-number">(1)</span>' in html
    assert '<p>By <a href="#eq:model">(1)</a>, and by <a href="#eq:model">1</a>, not \\eqref{eq:gone};' in html
    assert problems == [
        "units/a.md:9: warning: '\\eqref{eq:gone}' is shown as text: no formula of this unit has that label"
        " (write the label in the formula, $$ … \\label{eq:gone} $$, or after it: $$ … $$ (eq:gone)) [shown-as-text]"
    ]
    two, _ = parse("$$\na = b \\label{one} \\\\\nc = d \\label{two}\n$$\n\nSee \\eqref{one}.\n")
    assert "math-numbered" not in two and "\\eqref{one}" in two  # (rows of their own labels: not read)


def test_a_reference_inside_a_formula_is_said_to_belong_in_the_text() -> None:
    """gamma-opt's '{math}`\\eqref{p1c7:eq:x}`': a command LaTeX has, but not one a formula can show here."""
    _, problems = parse("Compute {math}`\\eqref{p1}` and $\\ref{x}$.\n")
    assert problems == [
        f"units/a.md:5: warning: math '\\{name}' uses '\\{name.split('{')[0]}' inside the formula, where it is not"
        " read: it is shown as its name; refer to a formula in the text, outside the dollars (\\eqref{label}, or"
        " {eq}`label` in MyST) [math]"
        for name in ("eqref{p1}", "ref{x}")
    ]


def test_a_reference_to_a_figure_reads_its_caption_as_the_figure_shows_it() -> None:
    """{numref} and {ref} to a figure read its caption: its formulas typeset and its emphasis kept, not its
    source ('Where $\\beta$ is *big*.' was the link's text, dollars and stars included)."""
    html, _ = parse(
        "```{figure} x.png\n:name: fig-q\nWhere $\\beta$ is *big*[^1] ([more](https://example.org)).\n```\n\n"
        "See {numref}`fig-q`, [](fig-q) and {ref}`this one <fig-q>`.\n\n[^1]: A note.\n"
    )
    caption = html.split("<figcaption>")[1].split("</figcaption>")[0]
    words = caption.split("<sup")[0]
    assert "<math " in words and "<em>big</em>" in words and "$" not in html
    text = f'<a href="#fig-q">{words} (more).</a>'
    assert f'<p>See {text}, {text} and <a href="#fig-q">this one</a>.</p>' in html


def test_a_reference_never_reads_a_caption_in_a_question_or_the_enrichment() -> None:
    """A target just before a question whose prompt starts with a figure: '{numref}' read its caption, a
    blank's answer included, in the lesson (a reviewer's); so did one to a figure in the enrichment."""
    html, _ = parse(
        "See {numref}`pizza` and {ref}`extra`.\n\n(pizza)=\n::: question o\n```{figure} p.png\n"
        "The pizza has [[BLANKSECRET8]] slices.\n```\n\n- [x] yes\n- [ ] no\n:::\n\n"
        "::: enrichment More\n```{figure} q.png\n:name: extra\nENRICHMENTSECRET words.\n```\n:::\n"
    )
    lesson = html.split("<fieldset")[0]
    assert "BLANKSECRET8" not in html and "ENRICHMENTSECRET" not in lesson


def test_a_directives_yaml_options_keep_their_nesting() -> None:
    """QuantEcon's code cells: 'mystnb: figure: caption: |' lost its indentation when read, failed to parse,
    and the whole options block was shown as the first lines of the code."""
    html, _ = parse(
        "```{code-cell} ipython3\n---\nmystnb:\n  figure:\n    caption: |\n      Two experiments.\n"
        "    name: fig-a\n---\nx = 1\n```\n"
    )
    assert "mystnb" not in html and "Two experiments" not in html and "x" in html


def test_a_link_with_no_text_reads_its_address() -> None:
    """LearningFromData's '[](https://…/sum_rule.html)': a link no one could see, as MyST shows the address."""
    html, _ = parse("In [](https://example.org/sum_rule.html) and [](mailto:a@b.org), [x](https://c.org).\n")
    assert '<a href="https://example.org/sum_rule.html">https://example.org/sum_rule.html</a>' in html
    assert '<a href="mailto:a@b.org">a@b.org</a>' in html and '<a href="https://c.org">x</a>' in html


def test_a_table_directive_is_a_captioned_table_a_link_can_name() -> None:
    """Jupyter Book's '```{table} Caption' with ':name:' around a pipe table had been shown as code,
    pipes, options and all (port r): it is the table, the caption its own, the name a target."""
    html, problems = parse_lesson(
        "```{table} Evaluating *the* distances\n:name: tab-dist\n| Perimeter | Class |\n|---|---|\n"
        "| 0.24 | Malignant |\n```\n\nAs [the table](tab-dist) shows.\n"
    )
    assert problems == []
    assert "<caption>Evaluating <em>the</em> distances</caption>" in html and ":name:" not in html
    assert '<span id="tab-dist"></span>\n<table>' in html and 'href="#tab-dist"' in html
