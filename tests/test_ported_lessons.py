"""What ports of real Quarto and MkDocs Material lessons found (a compvis lecture site, hopr, UPPMAX's
and Genomics Aotearoa's MkDocs courses, com2009): each construct is read as its tool reads it, or
named in a warning at its line; never published silently wrong."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import HEAD, MakeCourse, boxes, files_holding, parse_lesson

from masterysite.build import build
from masterysite.errors import Report
from masterysite.parse.unit import UnitSource, parse_unit

parse = parse_lesson


def test_a_space_before_the_braces_of_a_code_fence_still_names_its_language() -> None:
    for fence in ("``` { .bash .no-copy }", "``` {.bash}", "```{ .bash }"):
        html, problems = parse(f"{fence}\nls -l\n```\n")
        assert problems == [], fence
        assert '<code class="language-bash">' in html and "language-{" not in html, fence


def test_an_admonition_marker_followed_by_a_dash_is_read() -> None:
    html, problems = parse('???- question "Why?"\n    Because.\n\n!!!- info\n    Facts.\n')
    assert problems == []
    assert "<summary>Why?</summary>" in html and ">Info</p>" in html and "<p>-" not in html


def test_display_math_on_the_line_after_text_is_a_formula_of_its_own() -> None:
    html, problems = parse("A function $f$ is invariant if:\n$$f(g(x)) = f(x)$$\n")
    assert problems == [] and "$" not in html
    assert '<span class="math display"><math xmlns="http://www.w3.org/1998/Math/MathML" display="block">' in html


def test_a_latex_macro_of_the_lessons_own_is_named() -> None:
    _, problems = parse("Text.\n\nThe vector $\\vect{x}$ and $\\alpha$, $\\vect{y}$ and $\\vect{z}$.\n")
    assert problems == [
        "units/a.md:7: warning: math '\\vect{x}' uses '\\vect', a command LaTeX does not have (as do 2 more formulas"
        " of this unit) (a macro of the lesson's own? define it with \\newcommand in a formula of the unit, or for"
        " the whole course under 'macros:' in course.yml): it is shown as its name; write out what it stands for [math]"
    ]


def test_math_between_backslash_brackets_is_said_once_a_unit() -> None:
    """MkDocs' arithmatex, R Markdown and MathJax read '\\( … \\)' and '\\[ … \\]' as math; CommonMark reads escaped
    brackets: the formula was shown as its source, the delimiters' backslashes gone, with no word (port ee 9).
    Said once a unit; not in code, nor pandoc's escaped '\\[1\\]'."""
    _, problems = parse(
        "Coverage is \\(C = \\frac{N L}{G}\\) for \\(N\\) reads.\n\n\\[\n\\sum_i x_i\n\\]\n\n"
        "`\\(x\\)` in code, and see \\[1\\].\n"
    )
    assert problems == [
        "units/a.md:5: warning: math '\\(C = \\frac{N L}{G}\\)' is written between '\\(' and '\\)' (or '\\[' and"
        " '\\]'), which are not read here: it is shown as its source, as are 2 more in this unit; write it between"
        " dollars, '$…$' (and '$$…$$' for a display) [math]"
    ]
    assert parse("See \\[1\\] and `\\(x\\)`.\n")[1] == []


def test_macros_that_expand_past_a_page_of_math_are_said_not_expanded() -> None:
    """Each macro 8 uses of the next, 8 levels: 562 bytes had taken minutes and gigabytes, and 7 levels made a
    52 MB page (security round ee 6). Past 20,000 characters the formula is shown as its source, and said."""
    names = [f"m{chr(97 + i)}" for i in range(9)]
    defs = "".join(f"\\newcommand{{\\{names[i]}}}{{{(chr(92) + names[i + 1] + ' ') * 8}}}" for i in range(8))
    html, problems = parse(f"Lesson $${defs}\\newcommand{{\\mi}}{{x}}$$\n\nUse $\\ma$ and $\\mh$.\n")
    assert problems == [
        "units/a.md:5: warning: math '\\ma' expands its macros to over 20,000 characters (a macro that uses another"
        " many times, level after level): it is shown as its source; write it out shorter [math]"
    ]
    assert len(html) < 5000 and html.count("<mi>x</mi>") == 8  # ('\\mh': 8 x, as written)


def test_a_macro_a_formula_defines_holds_for_the_rest_of_the_unit_as_in_mathjax() -> None:
    """MathJax keeps a \\newcommand for the whole page: a Jupyter Book page defines its macros in a first
    formula, then every formula (a question's too) uses them. Each use was a warning, and shown as a name."""
    body = (
        "$$\n\\newcommand{\\reals}{\\mathbb{R}}\n\\newcommand\\vect[1]{\\mathbf{#1}}\n\\def\\half{\\frac{1}{2}}\n$$\n\n"
        "With $x \\in \\reals^n$, $\\vect x \\cdot \\vect{y} = \\half$.\n"
    )
    html, problems = parse(body)
    assert problems == []
    assert "reals" not in html and "vect" not in html and "newcommand" not in html and "\\" not in html
    assert "<mi>&#x0211D;</mi>" in html or "&#x0211D;" in html or "ℝ" in html
    assert html.count("<mfrac>") == 1


def test_in_text_citations_are_named_once_and_emails_and_code_are_not() -> None:
    _, problems = parse(
        "As shown by @smith2020, and (@jones2019). Mail a@b.org; `@decorator`.\n\n"
        "See [@key, p. 3] and [see @other].\n\nNo citation here: x @ y.\n\n"
        "Nor a link's handle: [@TheOdinProjectExamples](https://codepen.io/TheOdinProjectExamples).\n"
    )
    assert problems == [
        "units/a.md:5: warning: citation '@smith2020' is shown as text: citations are not read; write the"
        " reference out [shown-as-text]",
        "units/a.md:7: warning: citation '[@key, p. 3]' is shown as text: citations are not read; write the"
        " reference out [shown-as-text]",
    ]
    # an answer line is never shown: jq's '@csv' as the answer is no citation (port ee 6); the prompt's is
    _, problems = parse("::: question o\nWhich filter, after @smith2020?\n\n== @csv\n= @staticmethod\n:::\n")
    assert [p.split(": warning: ")[1][:30] for p in problems if "citation" in p] == ["citation '@smith2020' is shown"]


def test_snippets_in_code_and_mermaid_diagrams_are_named() -> None:
    _, problems = parse(
        '```py title="hello.py"\n# the program:\n--8<-- "code/hello.py"\n```\n\n'
        "```mermaid\ngraph TD\n```\n\n```mermaid\ngraph LR\n```\n"
    )
    assert problems == [
        "units/a.md:7: warning: MkDocs snippet '--8<-- \"code/hello.py\"' in a code block is shown as written:"
        " paste the file's content [shown-as-text]",
        "units/a.md:10: warning: a Mermaid diagram is shown as its source: draw it as an image (the Mermaid CLI,"
        " mmdc) and show the image [shown-as-text]",
    ]


def test_mdbook_includes_and_vitepress_snippets_are_named() -> None:
    """The Rust book's code blocks are '{{#rustdoc_include ../listings/…}}': shown as written, unsaid (an
    empty-looking listing). So were VitePress' '<<< @/snippets/x.js'. Handlebars' '{{#each}}' is code."""
    _, problems = parse(
        "```rust\nfn main() {}\n{{#rustdoc_include ../listings/ch02/main.rs:print}}\n```\n\n"
        "{{#include ../text/intro.md}}\n\n<<< @/snippets/snippet.js{2}\n\n{{#title Guessing Game}}\n\n"
        "{{#quiz ../quizzes/ch03-01-variables-sec1.toml}}\n\n"
        "```hbs\n{{#each items}}{{this}}{{/each}}\n```\n\nA heredoc: `cat <<< @/x`.\n"
    )
    assert problems == [
        "units/a.md:7: warning: mdBook's '{{#rustdoc_include ../listings/ch02/main.rs:print}}' in a code block is"
        " shown as written: paste the file's lines here instead [shown-as-text]",
        "units/a.md:10: warning: mdBook's '{{#include ../text/intro.md}}' is shown as text: paste the file's lines"
        " here instead [shown-as-text]",
        "units/a.md:12: warning: VitePress' code snippet '<<< @/snippets/snippet.js{2}' is shown as text: paste the"
        " file's lines into a code block (```js … ```) instead [shown-as-text]",
        "units/a.md:14: warning: mdBook's '{{#title Guessing Game}}' is shown as text: it is not read here (the"
        " unit's title is its front matter's 'title') [shown-as-text]",
        "units/a.md:16: warning: mdBook's '{{#quiz ../quizzes/ch03-01-variables-sec1.toml}}' is shown as text:"
        " mdbook-quiz's questions (its TOML file) are not read here: write each as a '::: question' (or a"
        " '::: practice') [shown-as-text]",
    ]


def test_quarto_figure_divs_and_figures_with_an_id_are_captioned_figures() -> None:
    html, problems = parse(
        '::: {#fig-tree}\n![](fig/tree.png){fig-alt="A tree of files"}\n\nThe file tree.\n:::\n\n'
        "![The *data* folder](fig/data.png){#fig-data}\n\n![Just an image](fig/plain.png)\n"
    )
    assert [p for p in problems if "broken image" not in p] == []
    figure = "<!--ms-t:xref_figure-->"  # 'Figure' in the course's language (render.fill_titles)
    assert (
        '<figure id="fig-tree">\n<p><img src="fig/tree.png" alt="A tree of files" /></p>\n'
        f"<figcaption>{figure} 1: The file tree.</figcaption>\n</figure>\n" in html
    )
    assert f"<figcaption>{figure} 2: The <em>data</em> folder</figcaption></figure>" in html
    assert '<p><img src="fig/plain.png" alt="Just an image" /></p>' in html  # CommonMark's: no caption
    assert ":::" not in html


def test_quarto_cross_references_on_the_page_are_links() -> None:
    """@fig-x, [@sec-x], [-@tbl-x] to a figure, heading or table of the unit: a link reading "Figure 1",
    the heading's title, "1"; figures and tables numbered in order, captions too; others stay text."""
    html, problems = parse(
        "## Results {#sec-results}\n\nAs @fig-cat shows (see [@sec-results], @tbl-nums and [-@tbl-nums]),"
        " unlike @fig-dog.\n\n![A cat](cat.png){#fig-cat}\n\n| a |\n|---|\n| 1 |\n\n: Numbers {#tbl-nums}\n\n"
        "Table: Plain *caption*\n\n| b |\n|---|\n| 2 |\n\nMail me@fig-cat.org.\n"
    )
    figure, table = "<!--ms-t:xref_figure-->", "<!--ms-t:xref_table-->"
    assert (
        f'<p>As <a href="#fig-cat">{figure} 1</a> shows (see <a href="#sec-results">Results</a>,'
        f' <a href="#tbl-nums">{table} 1</a> and <a href="#tbl-nums">1</a>), unlike @fig-dog.</p>' in html
    )
    assert f"<figcaption>{figure} 1: A cat</figcaption>" in html
    assert f'<table id="tbl-nums">\n<caption>{table} 1: Numbers</caption>\n<thead>' in html
    assert "<table>\n<caption>Plain <em>caption</em></caption>\n<thead>" in html
    assert "<p>Mail me@fig-cat.org.</p>" in html
    assert [p.split("warning: ")[1][:40] for p in problems if "broken image" not in p] == [
        "Quarto cross-reference '@fig-dog' is sho"
    ]


def test_quarto_theorem_divs_are_titled_boxes_and_cross_references_lead_to_them(
    make_course: MakeCourse, tmp_path: Path
) -> None:
    """``::: {#exr-mutation}`` with a first ``# BRCA``: a box 'Exercise (BRCA)' (the heading was a second
    <h1>), its id the div's; ``@exr-mutation`` a link reading its title. One in the enrichment is no target."""
    html, problems = parse(
        "::: {#exr-mutation}\n# BRCA *genes*\n\nWhat is it?\n:::\n\n::: {#thm-bayes}\nIt holds.\n:::\n\n"
        "Do @exr-mutation again, by [-@thm-bayes]; see @lem-none.\n"
    )
    assert boxes(html) == [
        ("aside", "ms-callout ms-callout--callout", "Exercise (BRCA <em>genes</em>)"),
        ("aside", "ms-callout ms-callout--callout", "Theorem"),
    ]
    assert '<aside class="ms-callout ms-callout--callout" id="exr-mutation"' in html and "<h1" not in html
    assert '<aside class="ms-callout ms-callout--callout" id="thm-bayes"' in html
    assert '<p>Do <a href="#exr-mutation">Exercise (BRCA genes)</a> again, by <a href="#thm-bayes">Theorem</a>;' in html
    assert [p.split("warning: ")[1] for p in problems] == [
        "Quarto cross-reference '@lem-none' is shown as text: link to the heading or figure instead ([text](#id),"
        " or [text](other-unit.md#id) in another unit) [shown-as-text]"
    ]
    unit = HEAD.replace("title: T\n", "title: T\nobjectives:\n  o: O\n") + (
        "See @exr-secret.\n\n::: question o\nWhat?\n\n= 1\n:::\n\n"
        ":::: enrichment More\n::: {#exr-secret}\n# SECRET-TITLE\n\nWhy.\n:::\n::::\n"
    )
    root = make_course({"course.yml": "title: T\nignore: [shown-as-text]\n", "units/a.md": unit})
    build(root, tmp_path / "site")
    assert "<p>See @exr-secret.</p>" in (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    assert files_holding(tmp_path / "site", b"SECRET") == []


def test_pandocs_lettered_list_is_said_once_a_unit() -> None:
    """'a) …' then 'b) …' on the next line: CommonMark has no lettered list, so they run into one paragraph."""
    _, problems = parse("Answer:\n\na)  heads?\nb)  tails?\n\n(a) one\n(b) two\n\nMr.\nA. Smith and\nC. Jones.\n")
    assert problems == [
        "units/a.md:7: warning: 'a) …' and 'b) …' are pandoc's lettered list, which is not read here: its items run"
        " together into one paragraph; number them '1.' '2.' or write bullets ('- ') [shown-as-text]"
    ]


def test_quarto_conditional_content_and_id_only_divs() -> None:
    html, problems = parse(
        "::: {.content-hidden}\nSECRET-A\n:::\n\n"
        '::: {.content-hidden unless-format="html"}\nShown-1\n:::\n\n'
        '::: {.content-visible when-format="html"}\nShown-2\n:::\n\n'
        '::: {.content-visible when-format="pdf"}\nSECRET-B\n:::\n\n'
        '::: {.content-visible when-profile="instructor"}\nSECRET-C\n:::\n\n'
        "::: {#refs}\n:::\n\n::: {#exr:histogram}\nDraw it.\n:::\n"
    )
    assert problems == []
    assert html == "<p>Shown-1</p>\n<p>Shown-2</p>\n<p>Draw it.</p>\n"


def test_quarto_profiles_and_formats_are_read_as_the_students_web_page() -> None:
    """A course whose default build is the teacher's hides solutions from its students' profile:
    'content-hidden when-profile="students"' and 'content-visible unless-profile="students"' were published, a
    profile condition being taken as not met (jj security 5); slide-only content ('when-format="revealjs"') was
    shown (jj security 10). This site is the students' web page: what their profile shows, and no other's."""
    html, problems = parse(
        '::: {.content-hidden when-profile="students"}\nSECRET-1\n:::\n\n'
        '::: {.content-visible unless-profile="students"}\nSECRET-2\n:::\n\n'
        '::: {.content-visible when-profile="instructor"}\nSECRET-3\n:::\n\n'
        '::: {.content-visible when-format="revealjs"}\nSECRET-4\n:::\n\n'
        '::: {.content-visible when-profile="learners"}\nShown-1\n:::\n\n'
        '::: {.content-hidden when-profile="instructor"}\nShown-2\n:::\n\n'
        '::: {.content-visible unless-format="revealjs"}\nShown-3\n:::\n'
    )
    assert problems == [] and html == "<p>Shown-1</p>\n<p>Shown-2</p>\n<p>Shown-3</p>\n"


def test_markdown_inside_html_elements_marked_markdown() -> None:
    html, problems = parse(
        '<figure markdown>\n  ![Robot](img/a.png){ width="300" }\n  <figcaption>A robot</figcaption>\n</figure>\n\n'
        '<div class="result" markdown="1">\n\n!!! example "Reads"\n    Text *here*.\n\n</div>\n\n'
        '<div markdown="block">\n<div>\nNested *too*.\n</div>\n</div>\n\nAfter.\n'
    )
    assert problems == ["units/a.md:6: broken image 'img/a.png': no file 'units/img/a.png' in the course"]
    assert html.startswith(
        '<figure>\n<p><img src="img/a.png" alt="Robot" width="300" /></p>\n'
        "<figcaption>A robot</figcaption>\n</figure>\n"
    )
    assert '<div class="result">\n<aside class="ms-callout' in html and "<p>Text <em>here</em>.</p>" in html
    assert "markdown=" not in html and "!!!" not in html and html.endswith("</div>\n</div>\n<p>After.</p>\n")


def test_pymdown_and_pandoc_inline_marks() -> None:
    html, problems = parse(
        "Press ++ctrl+alt+del++; H~2~O, x^2^, ==**key** idea==, ^^new^^.\n\n"
        ":material-pen: Exercise :smile: :no-such-emoji:\n\n"
        "The HTML spec. Not marks: ~/data, ~5 min, a == b, 2^10, a ~ b ~ c.\n\n*[HTML]: Hyper Text Markup Language\n"
    )
    assert problems == []
    assert (
        '<p>Press <kbd class="keys"><kbd>Ctrl</kbd>+<kbd>Alt</kbd>+<kbd>Del</kbd></kbd>; H<sub>2</sub>O,'
        " x<sup>2</sup>, <mark><strong>key</strong> idea</mark>, <ins>new</ins>.</p>" in html
    )
    assert "<p>Exercise 😄 :no-such-emoji:</p>" in html
    assert (
        '<p>The <abbr title="Hyper Text Markup Language">HTML</abbr> spec. Not marks: ~/data, ~5 min, a == b,'
        " 2^10, a ~ b ~ c.</p>\n" in html
    )
    assert "*[HTML]" not in html
    html, _ = parse("+=====+=====+ ===x=== ^^^z^^^\n")  # longer runs are no marks (a grid table's line)
    assert html == "<p>+=====+=====+ ===x=== ^^^z^^^</p>\n"
    html, _ = parse("~~s~~ ~t~ and *a ==b *c* d== e*\n")  # marks beside strikethrough and emphasis
    assert html == "<p><s>s</s> <sub>t</sub> and <em>a <mark>b <em>c</em> d</mark> e</em></p>\n"


def test_an_icons_attributes_go_with_it_emoji_show_and_annotations_are_said_once() -> None:
    """Material for MkDocs (nextflow-io/training): ':fontawesome-brands-youtube:{ .youtube }' leaves no
    '{ .youtube }'; ':green_book:' is an emoji; '{ .annotate }' under a paragraph is not read: said once
    a unit, never shown; another '{ .x }' on the line after a block is that block's (Python-Markdown's
    attr_list), after an empty line it is text, as MkDocs shows it."""
    html, problems = parse(
        ":fontawesome-brands-youtube:{ .youtube } See the playlist.\n\n:green_book: Read :man_raising_hand:.\n\n"
        "Lorem (1) ipsum.\n{ .annotate }\n\n1.  A note.\n\nMore (1).\n{ .annotate }\n\nA lead.\n{ .lead #intro }\n\n"
        "{ .stays }\n"
    )
    assert problems == [
        "units/a.md:9: warning: MkDocs annotations ('{ .annotate }') are not read: the markers '(1)' stay in the"
        " text and the notes are shown as the numbered list after it; write them as footnotes ('text[^1]', then"
        " '[^1]: the note') [attribute]"
    ]
    assert html.startswith("<p>See the playlist.</p>\n<p>📗 Read 🙋\u200d♂️.</p>\n<p>Lorem (1) ipsum.</p>\n<ol>")
    assert '<p id="intro" class="lead">A lead.</p>' in html and "<p>{ .stays }</p>" in html
    assert "annotate" not in html and "youtube" not in html


def test_lesson_files_of_other_tools_are_told_how_to_become_units(make_course: MakeCourse) -> None:
    from masterysite.build import load_course

    unit = "---\ntitle: A\n---\nx\n"
    root = make_course({"course.yml": "title: Q\n", "units/01-intro.qmd": unit, "units/02-b.qmd": unit})
    assert [p.message for p in load_course(root).report.sorted()] == [
        "units/ holds 2 lesson file(s) of another tool and no .md file: 'units/01-intro.qmd': rename it to"
        " 'units/01-intro.md' (its Markdown is read as it is)"
    ]
    root = make_course({"course.yml": "title: Q\nunits:\n  - 01-intro.qmd\n  - nb.ipynb\n"}, "listed")
    assert [p.message for p in load_course(root).report.sorted()] == [
        "'01-intro.qmd': units are Markdown files: rename it to 'units/01-intro.md' (its Markdown is read as it is)",
        "'nb.ipynb': units are Markdown files: convert it to Markdown, as 'units/nb.md' (jupytext --to myst,"
        " or jupyter nbconvert --to markdown)",
    ]


def test_a_long_unit_has_contents_only_when_there_is_something_to_list(make_course: MakeCourse, tmp_path: Path) -> None:
    text = "Words of the lesson, many of them. " * 120
    boxed = HEAD + f"::: callout\n## A titled box\nIn it.\n:::\n\n{text}\n"  # its only '##' is the box's title
    sections = HEAD + f"## One\n\n{text}\n\n::: challenge\nDo it.\n\n> ## Hint\n>\n> Look.\n:::\n\n## Two\n\nMore.\n"
    root = make_course({"course.yml": "title: T\n", "units/01-a.md": boxed, "units/02-b.md": sections})
    build(root, tmp_path / "site")
    assert '<nav class="toc"' not in (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    page = (tmp_path / "site" / "units" / "b.html").read_text(encoding="utf-8")
    assert '<nav class="toc"' in page and '<li><a href="#one">One</a></li>' in page
    assert '<li><a href="#two">Two</a></li>' in page and 'href="#hint"' not in page  # a quoted '## Hint' is no section
    assert '<ol class="toc__list">' in page  # numbered by the list
    numbered = HEAD + f"## 0. Warmup\n\n{text}\n\n## 1. Run\n\nMore.\n"
    root = make_course({"course.yml": "title: T\n", "units/01-a.md": numbered})
    build(root, tmp_path / "site2")
    page = (tmp_path / "site2" / "units" / "a.html").read_text(encoding="utf-8")
    assert '<ol class="toc__list toc__list--numbered">' in page  # its own numbers: not '1. 0. Warmup'


def test_inline_math_at_the_start_of_a_text_that_ends_with_a_digit() -> None:
    """mdit-py-plugins took the text's last character for the one before the '$' (a digit: no math)."""
    html, _ = parse("$1 \\times 1$ convolution. Source: prince_2023\n")
    assert html.startswith('<p><span class="math inline"><math') and "$" not in html
    html, _ = parse("It costs 5$ or 7$.\n")
    assert html == "<p>It costs 5$ or 7$.</p>\n"  # still money
    html, _ = parse("The 1$\\sigma$ interval, $5 or US$10, $x$2.\n")  # as pandoc reads them (LearningFromData)
    assert html.count("<math ") == 1 and "<p>The 1<span" in html and "$5 or US$10, $x$2.</p>" in html
    # Brazilian prices, glued or spaced (new teacher ff 4: "R *5passouaR* 7" in italics); a formula is still one
    html, _ = parse("De R$5 passou a R$ 7. Paguei R$20 na camisa e R$ 30; US$5 e NZ$3, e $R$ é 5.\n")
    assert (
        html.count("<math ") == 1
        and "<p>De R$5 passou a R$ 7. Paguei R$20 na camisa e R$ 30; US$5 e NZ$3, e <span" in html
    )


def test_quarto_inline_code_and_a_sub_page_link_are_named(make_course: MakeCourse) -> None:
    from masterysite.build import load_course

    _, problems = parse("Value: `{python} cross_entropy`, and `{r} x`; `{not code}` is code.\n")
    assert problems == [
        "units/a.md:5: warning: inline code '`{python} cross_entropy`' is shown as code and never run: render"
        " the lesson to Markdown first (quarto render, or knitr), or write the value [shown-as-text]"
    ]
    files = {"course.yml": "title: T\n", "units/01-a.md": HEAD + "[publisher](./part1/publisher.md)\n"}
    root = make_course({**files, "units/part1/publisher.md": HEAD + "P.\n"})
    assert [p.message for p in load_course(root).report.sorted()] == [
        "link './part1/publisher.md': unit file 'units/part1/publisher.md' is not in the course (unit files"
        " must be directly in units/: move it up, and list it in course.yml)"
    ]


def test_quarto_meta_shortcodes_take_the_value_of_the_units_front_matter() -> None:
    from masterysite.errors import Report
    from masterysite.parse.unit import UnitSource, parse_unit

    text = (
        '---\ntitle: Convolutions\nparams:\n  images_path: "img/"\n---\n\n'
        "![A kernel]({{< meta params.images_path >}}k.png) in {{< meta title >}};"
        " `{{< meta title >}}` is code; {{< meta params.nope >}}.\n"
    )
    report = Report()
    unit = parse_unit(text, UnitSource("units/a.md", 0, None, "/nonexistent", {}, ("params",)), report)
    assert unit is not None
    assert '<img src="img/k.png" alt="A kernel" /> in Convolutions; <code>{{&lt; meta title' in unit.lesson_html
    assert [str(p) for p in report.sorted() if "broken" not in str(p)] == [
        "units/a.md:7: warning: Quarto shortcode '{{< meta params.nope >}}' is shown as text: it is not read here:"
        " write what it shows, or remove it [shown-as-text]"
    ]


def test_an_admonition_type_of_the_sites_own_css_is_told_what_to_write() -> None:
    _, problems = parse('!!! terminal-2 "code"\n    ls\n')
    assert problems[0].endswith(
        " — a type of the site's own? write the one it looks like ('!!! example', '!!! note'…)"
    ), problems


def test_latex_math_environments_outside_dollars_are_display_formulas() -> None:
    html, problems = parse(
        "The output size:\n\\begin{equation}\no = \\frac{i}{s}\n\\end{equation}\nwhere $s$ is the stride.\n\n"
        "\\begin{align*} a &= b \\\\ c &= d \\end{align*}\n\nText \\begin{equation} stays text.\n"
    )
    assert problems == []
    assert html.count('<div class="math block">') == 2 and "\\begin{equation}\\n" not in html
    assert html.startswith("<p>The output size:</p>\n<div") and "<p>Text \\begin{equation} stays text.</p>" in html


def test_pymdown_blocks_are_the_blocks_they_name() -> None:
    html, problems = parse(
        "/// tip\nThat's why it is called `SQLModel`.\n///\n\n"
        "//// tab | Python 3.10+\nnew code\n////\n\n//// tab | Python 3.8+\nold code\n////\n\n"
        "/// details | Answer\n    open: true\n42\n///\n\n/// admonition | Careful\n    type: warning\nBody.\n///\n\n"
        "Text.\n/// caption\nThe *caption*.\n///\n"
    )
    assert problems == []
    assert [(tag, title) for tag, _, title in boxes(html)] == [
        ("aside", "<!--ms-t:block_tip-->"),
        ("details", "Python 3.10+"),
        ("details", "Python 3.8+"),
        ("details", "Answer"),
        ("aside", "Careful"),
    ]
    assert [d.endswith(" open>") for d in re.findall(r"<details[^>]*>", html)] == [True, False, True]
    assert "ms-callout--warning" in html and "<p>The <em>caption</em>.</p>" in html and "///" not in html
    _, problems = parse("/// nonsense\nx\n///\n")
    assert problems[0].startswith("units/a.md:5: unknown admonition '/// nonsense' (types: note, ")


def test_mkdocs_code_includes_are_named_and_links_are_quoted_as_written() -> None:
    _, problems = parse("{* ./docs_src/insert/tutorial002.py ln[21:24] hl[1] *}\n\n{!./src/a.py!}\n\n{*not this*}\n")
    assert problems == [
        "units/a.md:5: warning: MkDocs include '{* ./docs_src/insert/tutorial002.py ln[21:24] hl[1] *}' is shown"
        " as text: paste the file's content (as a code block) instead [shown-as-text]",
        "units/a.md:7: warning: MkDocs include '{!./src/a.py!}' is shown as text: paste the file's content (as a"
        " code block) instead [shown-as-text]",
    ]
    _, problems = parse("[Qualität](Qualitätsbewertung)\n")
    assert problems == [
        "units/a.md:5: broken link 'Qualitätsbewertung': no file 'units/Qualitätsbewertung' in the course (a MyST"
        " label? write the unit's file and its heading: 'other-unit.md#heading')"
    ]


def test_an_image_on_another_site_is_said_not_to_show_unless_the_policy_is_off(make_course: MakeCourse) -> None:
    from masterysite.build import load_course

    unit = HEAD + '![A diagram](https://mermaid.ink/img/x?type=png)\n\n<img src="//example.org/a.png" alt="A">\n'
    unit += '\n<iframe width="560" src="https://www.youtube.com/embed/VhJ2JKE4fBs?si=x" allowfullscreen></iframe>\n'
    unit += '\n<iframe src="https://codesandbox.io/embed/x"></iframe>\n'  # (Redux's: no video)
    root = make_course({"course.yml": "title: T\n", "units/a.md": unit})
    report = load_course(root).report.sorted()
    assert [(p.line, p.code) for p in report] == [(line, "external-image") for line in (5, 7, 9, 11)]
    assert str(report[2]).endswith(
        "embedded page 'https://www.youtube.com/embed/VhJ2JKE4fBs?si=x' is on another site, and the pages show none"
        " (their security policy): it would be an empty box; link to it instead, like [Watch the video]"
        "(https://www.youtube.com/watch?v=VhJ2JKE4fBs) (or set csp: false) [external-image]"
    )
    advice = "link to it instead, like [Open it](https://codesandbox.io/embed/x) (or set csp: false) [external-image]"
    assert str(report[3]).endswith(advice)
    root = make_course({"course.yml": "title: T\ncsp: false\n", "units/a.md": unit}, "open")
    assert [p.code for p in load_course(root).report.sorted()] == []


def test_quarto_speaker_notes_are_never_published_and_layout_classes_show_their_content() -> None:
    html, problems = parse(
        "::: {.notes}\nSpeaker SECRET\n:::\n\n::: {.column-margin}\nIn the margin.\n:::\n\n"
        "::: {layout-ncol=2}\nTwo columns.\n:::\n\n::: {.column-page-right}\nWide.\n:::\n\n"
        "::: {.incremental}\n- one\n:::\n"
    )
    assert problems == []
    assert html == "<p>In the margin.</p>\n<p>Two columns.</p>\n<p>Wide.</p>\n<ul>\n<li>one</li>\n</ul>\n"
    # pandoc reads a bare word as the div's class: '::: notes' is '::: {.notes}' (its did-you-mean 'note'
    # published them); a course's answer it hides ('{.callout-answer hide=true}', cambiotraining) too
    html, problems = parse(
        "::: notes\nSpeaker SECRET\n:::\n\n::: {.callout-exercise}\nAsk.\n\n"
        "::: {.callout-answer hide=true}\nAnswer SECRET\n:::\n:::\n\n::: {.callout-answer}\nShown.\n:::\n"
    )
    assert problems == [] and "SECRET" not in html and "Ask." in html and "Shown." in html


def test_quartos_rendered_markdown_shows_its_cells_code_and_output_in_the_flow() -> None:
    """'quarto render' (keep-md, _freeze) wraps each code cell and its output in divs of its own."""
    html, problems = parse(
        "::: {.cell}\n\n```{.r .cell-code}\nsummary(x)\n```\n\n"
        "::: {.cell-output .cell-output-stdout}\n\n```\n  Min. : 1\n```\n\n:::\n:::\n"
    )
    assert problems == []
    assert "summary" in html and "Min. : 1" in html and ":::" not in html


def test_a_link_to_a_page_not_copied_says_what_to_do_and_never_suggests_course_yml(make_course: MakeCourse) -> None:
    from masterysite.build import load_course

    unit = HEAD + "See the [setup](../precourse.md#ssh) and [more](../cours.yml).\n"
    root = make_course({"course.yml": "title: T\n", "units/a.md": unit})
    assert [str(p) for p in load_course(root).report.sorted()] == [
        "units/a.md:5: broken link '../cours.yml': no file 'cours.yml' in the course",
        "units/a.md:5: broken link '../precourse.md#ssh': no file 'precourse.md' in the course: copy the page into"
        " units/ as a unit, or link to where it is published (https://…)",
    ]


def test_pandoc_bracketed_spans_are_spans() -> None:
    html, problems = parse(
        "[important]{.underline}, [high]{.mark}, [Caps]{.smallcaps}, [*x*]{#here lang=fr} and [y]{onclick=z}.\n\n"
        "[a link](x.md), [a][ref], [not]{a span}, [@cite].\n\n[ref]: https://example.org\n"
    )
    assert (
        '<p><u>important</u>, <mark>high</mark>, <span class="smallcaps">Caps</span>,'
        ' <span id="here" lang="fr"><em>x</em></span> and <span>y</span>.</p>' in html
    )
    assert "[not]{a span}" in html and "[@cite]" in html and '<a href="https://example.org">a</a>' in html
    assert [p.split("warning: ")[1][:30] for p in problems if "warning" in p] == [
        "attribute 'onclick' is not kep",
        "citation '[@cite]' is shown as",
    ]


def test_quarto_shortcodes_kbd_is_keys_and_the_others_say_what_to_do() -> None:
    html, problems = parse(
        "{{< include _setup.qmd >}}\n\n{{< video https://www.youtube.com/embed/wo9 >}}\n\n"
        "Press {{< kbd Shift-Ctrl-P >}} or {{< kbd mac=Cmd-P win=Ctrl-P >}}, see {{< fa check >}} {{< fa x >}}"
        " and {{< pagebreak >}}; `{{< kbd X >}}` in code stays.\n"
    )
    assert (
        "<p>Press <kbd>Shift-Ctrl-P</kbd> or <kbd>Cmd-P</kbd> / <kbd>Ctrl-P</kbd>, see {{&lt; fa check &gt;}}"
        " {{&lt; fa x &gt;}} and {{&lt; pagebreak &gt;}}; <code>{{&lt; kbd X &gt;}}</code> in code stays.</p>" in html
    )
    assert [p.split("is shown as text: ")[1] for p in problems] == [
        "paste the content of '_setup.qmd' here (or make it a unit of its own) [shown-as-text]",
        "link to it instead, like [Watch the video](https://www.youtube.com/watch?v=wo9) [shown-as-text]",
        "icons are not shown here: remove it or write a word [shown-as-text]",
        "a web page has no pages: remove it [shown-as-text]",
    ]


def test_attributes_after_a_reference_definition_are_its_images() -> None:
    """The Workbench's figures: '![][pairplot]', then '[pairplot]: fig/x.png "Title"' and '{alt='…'}'."""
    html, problems = parse(
        '![][pairplot]\n\nText ![][pairplot] again.\n\n[pairplot]: fig/pairplot.png "Pair Plot"\n'
        "{alt='Grid of scatter plots'}\n\n{alt='not after a definition'}\n"
    )
    assert html.count('alt="Grid of scatter plots"') == 2 and "{alt='Grid" not in html
    assert "<p>{alt='not after a definition'}</p>" in html
    assert [p for p in problems if "alt" in p] == []


def test_quarto_filename_and_a_snippet_in_html_are_read() -> None:
    html, problems = parse(
        '```{.toml filename="pixi.toml"}\n[project]\n```\n\n<figure class="x">\n--8<-- "img/a.svg"\n</figure>\n'
    )
    assert html.startswith('<p class="ms-code-title"><code>pixi.toml</code></p>\n<pre class="highlight"><code class')
    assert problems == [
        "units/a.md:10: warning: MkDocs snippet '--8<-- \"img/a.svg\"' in HTML is shown as written: paste the file's"
        " content (or show it as an image) [shown-as-text]"
    ]


def test_a_placeholder_read_as_an_unknown_tag_is_said() -> None:
    """'<username>-rnaseq-test': HTML shows nothing for a tag it does not know; the student reads '-rnaseq-test'."""
    _, problems = parse(
        'Name it "<username>-test", with <br> <b>bold</b> <my-element>x</my-element> <filename>f</filename>.\n'
    )
    assert problems == [
        "units/a.md:5: warning: '<username>' is read as an HTML tag and shows nothing: write it in backticks"
        " (`<username>`) or as &lt;username&gt; [shown-as-text]"
    ]


def test_a_link_to_a_place_on_the_page_leads_there_or_is_said() -> None:
    """A block titled by its heading keeps the heading's id; h4 headings have ids; '#nowhere' is warned."""
    html, problems = parse(
        ":::: challenge\n## Number of parameters{#parameters-exercise-1}\nHow many?\n::::\n\n#### Pair Plot\n\n"
        "See [it](#parameters-exercise-1), [pp](#pair-plot), [the quiz](#ms-quiz) and [x](#pair-plto).\n"
    )
    assert '<section class="ms-practice ms-practice--practice" id="parameters-exercise-1"' in html
    assert '<h4 id="pair-plot">Pair Plot</h4>' in html
    assert problems == [
        "units/a.md:12: warning: link '#pair-plto' leads nowhere: no heading or element of this unit has that id"
        " — did you mean '#pair-plot'? [anchor]"
    ]


def test_a_quarto_shortcode_used_on_every_exercise_is_said_once_a_unit() -> None:
    _, problems = parse("Easy {{< level 1 >}}\n\nHarder {{< level 2 >}}\n\nHardest {{< level 3 >}}\n")
    assert problems == [
        "units/a.md:5: warning: Quarto shortcode '{{< level 1 >}}' is shown as text: it is not read here: write"
        " what it shows, or remove it [shown-as-text]"
    ]


def test_lessons_from_other_tools_round_8() -> None:
    """What a porting teacher met in round 8 (ucdavisdatalab, CyVerse FOSS): Quarto's table attributes
    written as a caption, MyST-NB's 'remove_cell' tag, ':::{Tip}' in capitals, '{target=_blank}' on every
    link, and a jupytext notebook's front matter."""
    html, problems = parse('| a |\n|---|\n| 1 |\n\n: {.striped .hover tbl-colwidths="[25, 75]"}\n\nAfter.\n')
    assert problems == [] and "<caption>" not in html and "striped" not in html and html.endswith("<p>After.</p>\n")
    html, problems = parse("```{code-cell}\n:tags: [remove_cell]\nimport os\n```\n\nText.\n")
    assert problems == [] and "import os" not in html
    html, problems = parse(":::{Tip}\nShort.\n:::\n")
    assert problems == [] and "ms-callout--tip" in html
    _, problems = parse("[a](https://a.org){target=_blank} and\n[b](https://b.org){target=_blank}\n")
    assert [p for p in problems if "[attribute]" in p] == [
        "units/a.md:5: warning: attribute 'target' is not kept (attributes kept: id, class, alt, title, width,"
        " height, lang, dir) [attribute]"
    ]
    from masterysite.errors import Report
    from masterysite.parse.unit import UnitSource, parse_unit

    report = Report()
    text = "---\ntitle: T\njupytext:\n  formats: md:myst\n---\nText.\n"
    parse_unit(text, UnitSource("units/a.md", 0, None, "/x"), report)
    assert [str(p) for p in report.sorted()] == [
        "units/a.md:3: unknown key 'jupytext' (to keep a key of another tool, declare it in course.yml: extra_keys:"
        " [jupytext]; masterysite's keys: title, id, requires, mastery, objectives, quiz, ignore)"
    ]


def test_a_blocks_own_id_in_braces_is_where_links_to_it_lead() -> None:
    html, problems = parse(
        ":::{.callout-exercise #rename-exr}\n#### Renaming\nDo it.\n:::\n\n::: {.callout-tip #tip-1}\nA tip.\n:::\n\n"
        "See [the exercise](#rename-exr) and [the tip](#tip-1).\n"
    )
    assert problems == []
    assert 'id="rename-exr"' in html and 'id="tip-1"' in html


def test_an_empty_image_file_is_a_broken_image(make_course: MakeCourse) -> None:
    from masterysite.build import load_course

    root = make_course(
        {"course.yml": "title: T\n", "units/a.md": HEAD + "![A book](img/book.png)\n", "units/img/book.png": b""}
    )
    assert [str(p) for p in load_course(root).report.sorted()] == [
        "units/a.md:5: broken image 'img/book.png': the file 'units/img/book.png' is empty (0 bytes): copy the"
        " image again"
    ]


def test_knitr_inline_r_code_is_said_to_be_shown_as_code() -> None:
    """'`r nrow(df)`' (R Markdown's inline code) shows R code where the lesson means its value; '`r`'
    and '`r -f`' are code about the letter r."""
    _, problems = parse("There are `r nrow(gapminder)` rows; use `r` or `r -f`.\n")
    assert problems == [
        "units/a.md:5: warning: inline code '`r nrow(gapminder)`' is shown as code and never run: render the lesson"
        " to Markdown first (quarto render, or knitr), or write the value [shown-as-text]"
    ]


def test_knitr_inline_r_code_inside_a_formula_is_said_too() -> None:
    """'$P = `r ppois(14, 25)`$': typeset as letters, never run; said once a unit, as outside a formula."""
    _, problems = parse(
        "Text.\n\n$P(X<15) = \\sum_{k=0}^{14} p(k) = `r ppois(14, 25)`$ and $`r x`$.\n\n$$y = `r mean(y)`$$\n\n"
        "There are `r nrow(gapminder)` rows.\n"
    )
    assert problems == [
        "units/a.md:7: warning: inline code '`r ppois(14, 25)`' in a formula is never run (it is typeset as"
        " letters): render the lesson to Markdown first (quarto render, or knitr), or write the value [shown-as-text]"
    ]
    _, problems = parse("$$\ny = `r mean(y)`\n$$\n")
    assert len(problems) == 1 and "'`r mean(y)`' in a formula" in problems[0]


def test_a_quarto_blocks_attributes_may_run_over_several_lines() -> None:
    """As Quarto's rendered Markdown writes a long title: pandoc reads the braces to their end."""
    body = ':::{.callout-note\n  title="About the data"\n  collapse=true\n}\n\nEach row.\n:::\n\nAfter.\n'
    html, problems = parse(body)
    assert problems == []
    assert boxes(html) == [("details", "ms-collapsed ms-collapsed--note", "About the data")]
    assert "<p>Each row.</p>" in html and html.endswith("<p>After.</p>\n")


def test_a_figure_caption_line_inside_an_md_in_html_figure_is_markdown() -> None:
    """MkDocs (md_in_html) reads '<figcaption> Credit: [XKCD](https://…) </figcaption>' as Markdown."""
    html, _ = parse(
        "<figure markdown>\n  ![A plot](https://example.org/x.png)\n"
        "  <figcaption> Image credit: [XKCD](https://m.xkcd.com/2347/) </figcaption>\n</figure>\n"
    )
    assert '<figcaption>Image credit: <a href="https://m.xkcd.com/2347/">XKCD</a></figcaption>' in html
    assert "[XKCD]" not in html


def test_quarto_table_captions_keep_their_text_and_id_and_drop_the_tables_attributes() -> None:
    """quarto-live's 'grading.qmd': ': {tbl-colwidths="[15,85]"}' on the line right after a table (which
    Markdown reads as one more row), ': Caption {tbl-colwidths=…}' and ': Caption {#tbl-x tbl-colwidths=…}'.
    The braces were shown, in a caption or as a row of the table, and '@tbl-x' failed."""
    html, problems = parse_lesson(
        '| V | D |\n|---|---|\n| `.label` | The label. |\n: {tbl-colwidths="[15,85]"}\n\n'
        '| C |\n|---|\n| 3 |\n\n: Grading variables {tbl-colwidths="[15,85]"}\n\n'
        '| A | B |\n|---|---|\n| 1 | 2 |\n: Numbers {#tbl-nums tbl-colwidths="[30,70]"}\n\nSee @tbl-nums.\n'
    )
    assert problems == []
    assert "{" not in html and "colwidths" not in html and html.count("<tr>") == 6  # 3 tables of 2 rows
    assert "<caption>Grading variables</caption>" in html
    assert '<table id="tbl-nums">\n<caption><!--ms-t:xref_table--> 1: Numbers</caption>' in html
    assert '<a href="#tbl-nums"><!--ms-t:xref_table--> 1</a>' in html


def test_quarto_code_annotations_markers_are_left_out_of_the_code() -> None:
    """quarto-live's 'hints.qmd': '# <1>' / '#<2>' / '// <1>' at the end of code lines are Quarto's
    annotation markers, which Quarto leaves out; a '<' elsewhere in code is code."""
    html, problems = parse_lesson(
        "``` r\npenguins |>    # <1>\n  mutate(x)   #<2>\n```\n1. Take.\n2. Add.\n\n"
        "```js\nlet a = 1; // <1>\nif (a <2) {}\n```\n"
    )
    assert problems == [] and "&lt;1&gt;" not in html and "&lt;2&gt;" not in html
    assert '<span class="o">&lt;</span><span class="mf">2</span>' in html and "<li>Take.</li>" in html


def test_a_link_to_the_root_of_the_lessons_old_site_says_so() -> None:
    """Programming Historian's '[…](/ "…")': it said "no file '.' in the course"."""
    _, problems = parse_lesson('Back [home](/ "The home page").\n')
    assert (
        len(problems) == 1 and "broken link '/': it leads to the root of the site the lesson came from" in problems[0]
    )


def test_a_table_caption_ending_in_braces_that_are_not_attributes_keeps_them() -> None:
    html, problems = parse_lesson(
        "| a |\n|---|\n| 1 |\n\n: Values of f on the set {0, 1}\n\n| b |\n|---|\n| 2 |\n\nTable: Sums {1, 2, 3}\n"
    )
    assert problems == []
    assert "<caption>Values of f on the set {0, 1}</caption>" in html and "<caption>Sums {1, 2, 3}</caption>" in html


def test_docusaurus_admonitions_and_mdx_comments() -> None:
    """Docusaurus: ':::danger' and ':::info' are the callouts MkDocs' '!!! danger' and '!!! info' are,
    ':::tip[Title]' is titled; an MDX comment '{/* … */}' is the author's, never published (it was shown
    as text), except in code."""
    html, problems = parse(
        ":::danger\nCareful.\n:::\n\n:::info\nKnow.\n:::\n\n:::tip[Remember this]\nTip.\n:::\n\n"
        "{/* the author's SECRET,\nover two lines */}\n\nText {/* SECRET */} more.\n\n```jsx\n{/* shown */}\n```\n"
    )
    assert problems == []
    assert boxes(html) == [
        ("aside", "ms-callout ms-callout--caution", "<!--ms-t:block_caution-->"),
        ("aside", "ms-callout ms-callout--note", "<!--ms-t:block_note-->"),
        ("aside", "ms-callout ms-callout--tip", "Remember this"),
    ]
    assert "SECRET" not in html and "/* shown */" in html and "Text  more." in html


def test_latex_for_the_printed_book_is_left_out_as_pandoc_leaves_it_out() -> None:
    """OpenIntroStat's '**bootstrap**\\index{bootstrap}' and R Markdown's '\\newpage' between exercises were
    shown as text. Code and math keep theirs."""
    html, problems = parse(
        "A **parametric bootstrap**\\index{parametric bootstrap} in text.\n\n\\newpage\n\n\\vspace{1em}\\noindent"
        " Next page.\n\n`\\newpage` in code, $x \\label{eq:x}$ and $$y \\tag{1}$$\n\n```latex\n\\index{kept}\n```\n"
    )
    assert problems == []
    assert "<strong>parametric bootstrap</strong> in text." in html and "\\index{parametric" not in html
    assert "<p>Next page.</p>" in html and "\\newpage</code>" in html and "kept" in html and ">\\index<" in html
    assert "vspace" not in html and "noindent" not in html


def test_a_class_of_the_lessons_own_is_one_error_a_unit_that_says_how_to_keep_its_content() -> None:
    """OpenIntroStat's chapters hold eight '::: {.guidedpractice data-latex=""}' each: eight errors, each with
    the whole list of names and no way out. Still an error (an unknown class may be one that hides an
    answer), once a class, with the lines of the others; a name without braces gets no such advice."""
    body = (
        '::: {.guidedpractice data-latex=""}\nOne.\n:::\n\n::: {.guidedpractice}\nTwo.\n:::\n\n'
        "::: {.guidedpractice}\nThree.\n:::\n\n::: quiz\nFour.\n:::\n"
    )
    _, problems = parse(body)
    assert len(problems) == 2
    assert problems[0].startswith("units/a.md:5: unknown block 'guidedpractice' (")
    assert problems[0].endswith(
        "; to keep what it holds, make it a box ('::: {.callout-note title=\"Guidedpractice\"}') or remove its"
        " ':::' lines (and 2 more in this unit: lines 9, 13)"
    )
    assert problems[1].startswith("units/a.md:17: unknown block 'quiz' (") and "make it a box" not in problems[1]


def test_mdx_imports_are_left_out_and_a_component_is_said_once() -> None:
    """Redux's tutorials (Docusaurus): their 'import … from' lines were the first paragraphs a student read,
    and '<DetailedExplanation title=…>' lost its title, unsaid."""
    html, problems = parse(
        "import { DetailedExplanation } from '../../components/DetailedExplanation'\n"
        'import FundamentalsWarning from "../../components/_FundamentalsWarning.mdx";\n\n'
        '<FundamentalsWarning />\n\n## Reducers\n\n<DetailedExplanation title="Why?">\n\nBecause.\n\n'
        "</DetailedExplanation>\n\n<Details>HTML</Details>\n\nimport numpy as np\n\n"
        "```\nimport x from 'y'\n```\n"
    )
    assert "components/" not in html and "import numpy as np" in html and "import x from" in html
    assert problems == [
        "units/a.md:8: warning: MDX component '<FundamentalsWarning>' is not read here (it comes from another file"
        " of the lesson's site): it shows nothing, and what it holds is shown as it is; write out in Markdown what"
        " it should show [shown-as-text]"
    ]


def test_an_mdx_code_block_is_read_as_the_lesson_line_for_line() -> None:
    """Docusaurus' docs wrap their examples in '```mdx-code-block' fences (MDX to be rendered, kept from
    Prettier): shown as code, with raw ':::' and JSX. Read as the lesson, its lines keeping their numbers;
    one shown inside another code block (how it is written) stays code."""
    html, problems = parse(
        "````mdx-code-block\n:::note[Your Title]\n\nSome **content**.\n\n:::\n\n```js\nlet x = 1;\n```\n````\n\n"
        "````text\n```mdx-code-block\n:::tip\n```\n````\n\n~~~ mdx-code-block\n[broken](nowhere.md)\n~~~\n"
    )
    assert boxes(html) == [("aside", "ms-callout ms-callout--note", "Your Title")]
    assert "<strong>content</strong>" in html and '<code class="language-js">' in html
    assert "```mdx-code-block\n:::tip\n```" in html and "mdx-code-block\n[broken]" not in html
    assert len(problems) == 1 and problems[0].startswith("units/a.md:24: ") and "nowhere.md" in problems[0]


def test_quartos_custom_callouts_are_said_all_at_once_with_their_own_titles() -> None:
    """fmin.xyz's Quarto pages hold '{.callout-proof}' inside '{.callout-theorem}': the inner one was reported
    only on the next build, once the outer was fixed; 'callout-question' was offered 'callout-caution', and
    the advice titled the box "Callout-theorem"."""
    _, problems = parse(
        ":::: {.callout-theorem}\n::: {.callout-proof}\nP\n:::\n::::\n\n::: {.callout-question}\nQ\n:::\n\n"
        "::: {.callout-notr}\nN\n:::\n"
    )
    assert [p.split(" (quiz blocks")[0] for p in problems] == [
        "units/a.md:5: unknown block 'callout-theorem'",
        "units/a.md:6: unknown block 'callout-proof'",
        "units/a.md:11: unknown block 'callout-question'",
        "units/a.md:15: unknown block 'callout-notr'",
    ]
    assert problems[0].endswith("make it a box ('::: {.callout-note title=\"Theorem\"}') or remove its ':::' lines")
    assert problems[1].endswith("make it a box ('::: {.callout-note title=\"Proof\"}') or remove its ':::' lines")
    assert "did you mean" not in problems[2] and problems[3].endswith("did you mean 'callout-note'?")


def test_hugging_faces_question_component_with_its_answers_is_an_error() -> None:
    """HF's '<Question choices={[{text: …, correct: true}]} />' over several lines is no HTML block: its
    props were published as a paragraph, right answers and explanations too, unsaid (port q)."""
    _, problems = parse(
        'Text.\n\n<Question\n\tchoices={[\n\t\t{\n\t\t\ttext: "A head",\n\t\t\texplain: "Right.",\n'
        "\t\t\tcorrect: true\n\t\t}\n\t]}\n/>\n\n```jsx\n<Question\n  correct: true\n/>\n```\n"
    )
    assert problems == [
        "units/a.md:7: '<Question' holds right answers (a quiz of the lesson's own site: MDX, PrairieLearn,"
        " MarkBind, CAT-SOOP, webexercises…), which is not read here: they would be published with the page; write it"
        " as a '::: question' with '- [x]' choices and '> feedback'"
    ]


def test_freecodecamps_solutions_are_left_out_line_for_line() -> None:
    """A freeCodeCamp challenge's '# --solutions--' (the whole solution) and '## --video-solution--' (the
    number of the right choice) were published (port q); so were its quiz '# --questions--' (the right
    choice: the one with no feedback), '# --explanation--', the tests' code in '# --hints--' and the
    blanks' words of '# --fillInTheBlank--' (port s). Its section names are not headings."""
    html, problems = parse(
        "# --description--\n\nUse else.\n\n# --solutions--\n\n```js\nSECRET();\n# not a heading\n```\n\n"
        "## also hidden\n\nSECRET\n\n# --questions--\n\n## --text--\n\nSECRETQ?\n\n## --answers--\n\nwrong\n\n"
        "### --feedback--\n\nNo.\n\n---\n\nSECRET right\n\n## --video-solution--\n\nSECRET2\n\n"
        "# --explanation--\n\nSECRET3 explained.\n\n# --hints--\n\nBox 1 first.\n\n```js\nassert(SECRET4);\n```\n\n"
        "# --fillInTheBlank--\n\n## --sentence--\n\n`I am BLANK.`\n\n## --blanks--\n\n`SECRET5`\n\n"
        "# --instructions--\n\nDo it.\n\n## --after--\n\n[broken](nowhere.md)\n"
    )
    assert "SECRET" not in html and "Use else." in html and "Do it." in html and "Box 1" not in html
    assert "--description--" not in html and "<h1>Instructions</h1>" in html
    assert problems[:3] == [
        "units/a.md:9: warning: freeCodeCamp's '--solutions--', '--explanation--', '--hints--' sections are left"
        " out (learners never see them there, or only once they have answered); ask for the answer in a"
        " '::: question' [left-out]",
        "units/a.md:20: warning: freeCodeCamp's quiz '--questions--' is left out: its right answers would be read"
        " off the page (the choice with no '--feedback--', the blanks' words); write it as a '::: question' with"
        " '- [x]' choices or '[[blanks]]' [left-out]",
        "units/a.md:54: warning: freeCodeCamp's quiz '--fillInTheBlank--' is left out: its right answers would be"
        " read off the page (the choice with no '--feedback--', the blanks' words); write it as a '::: question'"
        " with '- [x]' choices or '[[blanks]]' [left-out]",
    ]
    assert problems[3].startswith("units/a.md:70: ")  # (the lines keep their numbers)


def test_blocks_after_freecodecamps_solutions_are_kept() -> None:
    """A teacher's questions, correctives and enrichment written after a challenge's closing
    '# --solutions--' had been left out with it: the unit lost its quiz, unsaid (port s)."""
    from masterysite.errors import Report
    from masterysite.parse.unit import UnitSource, parse_unit

    report = Report()
    head = "---\ntitle: T\nobjectives:\n  o: O\n---\n\n"
    body = (
        "Lesson.\n\n# --solutions--\n\n```css\n#box-1 { order: 2; }\n```\n\n::: question o\nWhich?\n\n= 1\n:::\n\n"
        "::: corrective o Ordering\nSmaller first.\n:::\n"
    )
    unit = parse_unit(head + body, UnitSource("units/a.md", 0, None, "/nonexistent"), report)
    assert unit is not None and "order: 2" not in unit.lesson_html
    assert [q.objective for q in unit.questions] == ["o"] and "Smaller first." in unit.correctives[0].html
    assert [str(p) for p in report.sorted() if "[left-out]" in str(p) or "[no-question]" in str(p)] == [
        "units/a.md:9: warning: freeCodeCamp's '--solutions--' section is left out (learners never see it there,"
        " or only once they have answered); ask for the answer in a '::: question' [left-out]"
    ]


def test_obsidian_comments_are_never_published() -> None:
    """Obsidian's '%% … %%' (shown only while editing: a teacher's notes) was published (port q)."""
    html, problems = parse(
        "Text %% SECRET one %% more.\n\n%%\nSECRET two\n%%\n\n`%%kept%%` and\n\n```text\n%%time\n```\n\n"
        "[broken](nowhere.md)\n"
    )
    assert "SECRET" not in html and "Text  more." in html and "%%kept%%" in html and "%%time" in html
    assert len(problems) == 1 and problems[0].startswith("units/a.md:17: ")
    html, problems = parse("%%Note SECRET%%\n\nText.\n\n    %%timeit\n    x = 1\n")  # (a notebook's cell magic: code)
    assert problems == [] and "SECRET" not in html and "%%timeit" in html
    _, problems = parse("Fine.\n\n%% never closed\n\nSECRET\n")
    assert problems == [
        "units/a.md:7: '%%' (an Obsidian comment) is never closed: end it with '%%' (as it is, it hides the rest)"
    ]


def test_a_percent_pair_that_is_no_comment_is_text() -> None:
    """R's modulo '%%' (a Spanish R lesson's hint, not in backticks) was read as an Obsidian comment: the text
    between two was deleted with no word; '== %%' was "never closed" with no escape, and '%%' choices had no text
    (jj port 0). An operator, a notebook's magic in prose and a line's last '%%' are text."""
    hint = "Pista: el operador módulo %% devuelve el resto; por ejemplo, 14 %% 4 devuelve 2, y x%%2 la paridad.\n"
    html, problems = parse(hint + "\nUse %%timeit, then %%capture.\n")
    assert problems == [] and "módulo %% devuelve el resto; por ejemplo, 14 %% 4 devuelve 2, y x%%2" in html
    assert "Use %%timeit, then %%capture." in html
    head = "---\ntitle: T\nobjectives:\n  o: O\n---\n\n"
    for body in ("Which R operator gives the remainder?\n\n== %%\n", "Remainder?\n\n- [x] %%\n- [ ] %/%\n"):
        report = Report()
        unit = parse_unit(head + "::: question o\n" + body + ":::\n", SOURCE, report)
        assert unit is not None and not report.errors and len(unit.questions) == 1, report.errors
    html, _ = parse("Text %% SECRET %% more, and %%SECRET%% too.\n")  # (Obsidian's own, as before)
    assert "SECRET" not in html
    # a '%%' in code, or a notebook's magic of any name, opens nothing that a later comment's end would close
    html, problems = parse("`%%kept` then %%SECRET%% end.\n\n    %%mymagic\n    x = 1\n\nText %%SECRET%%\n")
    assert problems == [] and "<code>%%kept</code> then  end." in html and "%%mymagic" in html
    assert "SECRET" not in html


def test_hugo_themes_block_shortcodes_are_collapsed_blocks_and_callouts() -> None:
    """hugo-book's '{{< details "Solution" >}}' and Hugo Learn's '{{< expand >}}' hide a solution there; it
    was shown open, under a warning that said to remove the tag (port q). '{{< hint >}}' and
    '{{% notice %}}' are callouts. In code, as written."""
    html, problems = parse(
        '{{< details "Solution" >}}\nThe answer is 4.\n{{< /details >}}\n\n'
        '{{< expand "Hint" "..." >}}\nTry 2.\n{{< /expand >}}\n\n'
        "{{< hint warning >}}\nCareful.\n{{< /hint >}}\n\n{{% notice tip %}}\nA tip.\n{{% /notice %}}\n\n"
        '```text\n{{< details "Kept" >}}\n```\n'
    )
    assert problems == []
    assert boxes(html) == [
        ("details", "ms-collapsed ms-collapsed--details", "Solution"),
        ("details", "ms-collapsed ms-collapsed--details", "Hint"),
        ("aside", "ms-callout ms-callout--warning", "<!--ms-t:block_warning-->"),
        ("aside", "ms-callout ms-callout--tip", "<!--ms-t:block_tip-->"),
    ]
    assert "{{&lt; details &quot;Kept&quot; &gt;}}" in html


def test_pandocs_restructuredtext_admonitions_are_blocks_with_their_titles() -> None:
    """'pandoc -f rst -t markdown' writes '.. note::' as ':::: note' holding a '::: title' div, and
    '.. admonition:: Solution' as '::: admonition' with the title its first paragraph: each had been an error
    ('unknown block', port w 10). '::: hint' of our own stays collapsed."""
    html, problems = parse(
        ":::: note\n::: title\nNote\n:::\n\nA note.\n::::\n\n"
        ":::: attention\n::: title\nAttention\n:::\n\nMind.\n::::\n\n"
        "::: admonition\nSolution\n\nThe answer is 42.\n:::\n\n::: topic\n**Topic Title**\n\nBody.\n:::\n\n"
        "::: seealso\nOther pages.\n:::\n\n::: hint\nTry 2.\n:::\n\n```markdown\n::: title\nKept\n:::\n```\n"
    )
    assert problems == []
    assert boxes(html) == [
        ("aside", "ms-callout ms-callout--note", "Note"),
        ("aside", "ms-callout ms-callout--warning", "Attention"),
        ("details", "ms-collapsed ms-collapsed--solution", "Solution"),
        ("aside", "ms-callout ms-callout--note", "Topic Title"),
        ("aside", "ms-callout ms-callout--note", "See also"),  # (as Sphinx titles it: port bb 14)
        ("details", "ms-collapsed ms-collapsed--hint", "<!--ms-t:block_hint-->"),
    ]
    assert "::: title\nKept" in html
    html, _ = parse("::: {.admonition .tip}\nRemember\n\nTo save.\n:::\n")  # (a custom admonition of a kind's class)
    assert boxes(html) == [("aside", "ms-callout ms-callout--tip", "Remember")]


def test_docsys_comment_is_never_published_and_its_alert_is_a_callout() -> None:
    """Docsy's '{{< comment >}}', which its pages never show, had been published, a maintainers' note
    shown as a quote; its '{{% alert %}}', its main callout, was text (port aa 8)."""
    html, problems = parse(
        "{{< comment >}}\nMaintainers' SECRET note.\n{{< /comment >}}\n\n"
        '{{% alert title="Careful" color="warning" %}}\nMind the step.\n{{% /alert %}}\n'
    )
    assert "SECRET" not in html and problems == []
    assert boxes(html) == [("aside", "ms-callout ms-callout--warning", "Careful")]


def test_a_hugo_shortcode_opened_and_closed_on_one_line_is_read() -> None:
    """Relearn's one-line '{{% notice tip %}}Takes 20 minutes.{{% /notice %}}' (in a list item too) had been
    said never closed, and the build refused (port w 6): a callout; a one-line '{{< details >}}' collapsed."""
    html, problems = parse(
        "1. Add a hub.\n\n    {{% notice tip %}}Takes *20* minutes.{{% /notice %}}\n\n"
        "{{< notice warning >}}Careful.{{< /notice >}}\n\n"
        '{{< details "Answer" >}}ANSWER 4{{< /details >}}\n\n```text\n{{% notice tip %}}x{{% /notice %}}\n```\n'
    )
    assert problems == []
    assert boxes(html) == [
        ("aside", "ms-callout ms-callout--tip", "Takes <em>20</em> minutes."),
        ("aside", "ms-callout ms-callout--warning", "Careful."),
    ]
    assert "<details><summary>Answer</summary>ANSWER 4</details>" in html and "</li>" in html.split("<aside")[1]
    assert "{{% notice tip %}}x{{% /notice %}}" in html


def test_hugo_books_open_details_are_shown_open() -> None:
    """hugo-book's '{{% details "Title" open %}}' (or 'open=true') is open there; it had been built collapsed
    (port w 12). Without 'open', collapsed."""
    html, problems = parse(
        '{{% details "Title" open %}}\nA.\n{{% /details %}}\n\n'
        '{{% details title="T2" open=true %}}\nB.\n{{% /details %}}'
        '\n\n{{< details "Closed" >}}\nC.\n{{< /details >}}\n\n{{< details "Opening hours" >}}\nD.\n{{< /details >}}\n'
        '\n{{< details "How to open a file" >}}\nE.\n{{< /details >}}\n'
    )
    assert problems == []
    assert re.findall(r"<details[^>]*>\s*<summary>([^<]*)", html) == [
        "Title",
        "T2",
        "Closed",
        "Opening hours",
        "How to open a file",
    ]
    assert [tag.endswith(" open>") for tag in re.findall(r"<details[^>]*>", html)] == [True, True, False, False, False]


def test_hugo_book_shortcodes_are_named_as_hugos_with_what_to_write() -> None:
    """hugo-book's '{{< katex >}}' and hugo-quiz's '{{< quizdown >}}' had been called Quarto shortcodes, with
    no advice (port w 12); Quarto's own ('{{< video >}}') are still Quarto's."""
    _, problems = parse(
        "{{< katex display=true >}}\nf(x)\n{{< /katex >}}\n\n{{< quizdown >}}\n---\n{{< /quizdown >}}\n\n"
        "{{< youtube w7Ft2ymGmfc >}}\n\n{{< video https://example.com/v.mp4 >}}\n"
    )
    assert problems == [
        "units/a.md:5: warning: Hugo shortcode '{{< katex display=true >}}' is shown as text: write the formula as"
        " math instead ($…$ in a sentence, $$…$$ on lines of its own) [shown-as-text]",
        "units/a.md:9: warning: Hugo shortcode '{{< quizdown >}}' is shown as text: its quiz is not read here: write"
        " each question as a '::: question' [shown-as-text]",
        "units/a.md:13: warning: Hugo shortcode '{{< youtube w7Ft2ymGmfc >}}' is shown as text: link to the video"
        " instead, like [Watch the video](https://www.youtube.com/watch?v=w7Ft2ymGmfc) [shown-as-text]",
        "units/a.md:15: warning: Quarto shortcode '{{< video https://example.com/v.mp4 >}}' is shown as text: link to"
        " it instead, like [Watch the video](https://example.com/v.mp4) [shown-as-text]",
    ]


def test_hugo_relearn_shortcodes_are_named_as_hugos_and_an_unclosed_one_is_an_error() -> None:
    """Relearn's '{{% notice style="tip" %}}' is a tip; an '{{% expand %}}' never closed had shown the
    solution open under a warning that called it Liquid, a brace lost; Hugo's other shortcodes were named
    Quarto's or Liquid's, with advice for an include (port s)."""
    html, problems = parse(
        '{{% notice style="tip" title="Remember" %}}\nUse `when`.\n{{% /notice %}}\n\n'
        '{{< tabs >}}\n{{% tab title="Clojure" %}}\nCode\n{{% /tab %}}\n{{< /tabs >}}\n\n'
        'See [this page]({{% relref "02-v" %}}).\n\n{{% expand title="Solution" %}}\nSECRET\n'
    )
    assert boxes(html)[:1] == [("aside", "ms-callout ms-callout--tip", "Remember")]
    assert problems == [
        "units/a.md:9: warning: Hugo shortcode '{{< tabs >}}' is shown as text: write each tab as a collapsed"
        " block of its own ('::: details Title') [shown-as-text]",
        "units/a.md:10: warning: Hugo shortcode '{{% tab title=\"Clojure\" %}}' is shown as text: write each tab as"
        " a collapsed block of its own ('::: details Title') [shown-as-text]",
        "units/a.md:15: warning: Hugo shortcode '{{% relref \"02-v\" %}}' is shown as text: link to the unit's file"
        " instead, like [text](02-v.md) [shown-as-text]",
        "units/a.md:15: this link is shown as plain text: '{{% relref \"02-v\" %}}' is a Hugo shortcode, which is"
        " not read here: write the path from this unit, like [this page](02-v.md)",
        "units/a.md:17: Hugo's '{{% expand title=\"Solution\" %}}' is never closed (Hugo refuses the page; here what"
        " follows it, often the solution, would be shown open): end it with '{{% /expand %}}' on a line of its own",
    ]


def test_javascript_info_and_exercism_callouts_written_as_code_fences_are_callouts() -> None:
    """javascript.info's '```smart header="…"' and '````warn', Exercism's '~~~~exercism/note': their Markdown
    had been shown as code; a header with a backtick (not a fence to Markdown) had made the next fence
    swallow the lesson, and the error came 60 lines below (port s). Inside another code block, code."""
    html, problems = parse(
        '```smart header="The `typeof(x)` syntax"\nYou may see **typeof(x)**.\n```\n\n'
        '````warn header="Do not replace if"\nAn example:\n```js\na && b();\n```\n````\n\n'
        "~~~~exercism/note\nOn the *Python* track.\n~~~~\n\n~~~~exercism/advanced\nMore.\n~~~~\n\n"
        '````markdown\n```smart header="kept"\nShown as written.\n```\n````\n\nThe end.\n'
    )
    assert problems == []
    assert boxes(html) == [
        ("aside", "ms-callout ms-callout--tip", "The <code>typeof(x)</code> syntax"),
        ("aside", "ms-callout ms-callout--warning", "Do not replace if"),
        ("aside", "ms-callout ms-callout--note", "<!--ms-t:block_note-->"),
        ("details", "ms-collapsed ms-collapsed--details", "Advanced"),
    ]
    assert "<strong>typeof(x)</strong>" in html and "language-js" in html and "<em>Python</em>" in html
    assert "kept&quot;" in html and "Shown as written.</span>" in html and "<p>The end.</p>" in html


def test_mdbooks_hidden_div_is_never_published() -> None:
    """mdBook's '<div class="hidden">' holds what 'will not be shown' (an authors' note): it was shown."""
    html, problems = parse(
        'Shown.\n\n<div class="hidden">\n\nSECRET note, <div>nested</div>\n\n</div>\n\nAfter.\n\n'
        '```html\n<div class="hidden">\nkept\n</div>\n```\n'
    )
    assert problems == [] and "SECRET" not in html and "<p>After.</p>" in html and "kept" in html


def test_vitepress_toc_and_hugging_faces_heading_ids() -> None:
    """'[[toc]]' and HF's '## What is NLP?[[what-is-nlp]]' were shown as text with a warning about blanks,
    and the heading's id broke the lesson's links to it (port q). A blank at the end of a question's
    heading is still a blank: its answer never becomes an id the page shows."""
    html, problems = parse("[[toc]]\n\n## What is NLP?[[what-is-nlp]]\n\nSee [above](#what-is-nlp).\n")
    assert problems == [] and '<h2 id="what-is-nlp"' in html and "[[" not in html


def test_vitepress_fence_options_keep_the_language_and_the_title() -> None:
    """VitePress' '```js{4}' lost its highlighting (the language read 'js{4}'); ':line-numbers' too, and a
    '[config.ts]' title was shown nowhere (port q)."""
    for info, title in [("js{4}", None), ("ts:line-numbers {1}", None), ("ts [config.ts]", "config.ts")]:
        html, problems = parse(f"```{info}\nlet x = 1;\n```\n")
        assert problems == [] and 'class="language-' + info[:2] + '"' in html, html
        assert (title is None) == ("ms-code-title" not in html) and (title is None or title in html)


def test_a_closed_dialog_and_a_hidden_input_are_never_published() -> None:
    """A pasted 'Show answer' pop-up ('<dialog>', closed: no script of a unit opens it) and an answer in a
    hidden form field were in the page's source (ii security 5). Left out, as what HTML never shows is; an open
    dialog is shown."""
    body = 'Text <input type="hidden" value="42"> end.\n\n<dialog id="a"><p>Answer: 5/6</p></dialog>\n\n'
    html, _ = parse(body + "<dialog open><p>Shown</p></dialog>\n")
    assert "42" not in html and "5/6" not in html and "<dialog open><p>Shown</p></dialog>" in html, html


def test_hyperbooks_gaps_and_selects_are_said() -> None:
    """Hyperbook's '{z{74,59}}' (a gap, its answer in it) and '{A{f|!g|h}}' (a select, '!' the right choice) were
    published as text, answers and all, with 0 warnings (ii port 9). Said with the blank or question to write;
    LaTeX's '\\mathrm{d{x}}' is no cause."""
    _, problems = parse("Ladezustand {z{74,59}} %.\n\nGraph {A{f|!g|h}}(x), $\\mathrm{d{x}}$.\n")
    assert problems == [
        "units/a.md:5: warning: '{z{74,59}}' is Hyperbook's gap, its answer written in it, which is not read here: it"
        " is shown as text for everyone; write a blank, '[[74,59]]', in a '::: question' or '::: practice' (and 1"
        " more in this unit) [shown-as-text]"
    ]


def test_display_math_that_nothing_closes_is_said() -> None:
    """Hyperbook's '$$' then a formula and no closing '$$' before ':::' (remark-math reads to the block's end) was
    published as its LaTeX source with no word (ii port 6). Once a unit; a closed one is no cause."""
    _, problems = parse("::: details Lösung\n\n$$\n\n\\begin{aligned} f &= 2 \\end{aligned}\n\n:::\n")
    assert problems == [
        "units/a.md:7: warning: '$$' opens a formula that no '$$' closes: it is shown as its source, and so is what"
        " follows; close it with '$$' at the formula's end (before the block's ':::') [math]"
    ]
    _, problems = parse("$$\nx^2\n$$\n\nAnd $$y$$ here.\n")
    assert problems == []


def test_a_directives_title_attribute_is_its_title() -> None:
    """Hyperbook's ':::collapsible{title="Musterlösung" id="918066"}', renamed 'details' as the error advised, was
    titled 'Details': its title was dropped with no word (ii port 7)."""
    html, problems = parse(':::details{title="Musterlösung" id="918066"}\nDie Lösung.\n:::\n')
    assert problems == [] and "<summary>Musterlösung</summary>" in html, html


def test_answer_lines_outside_a_question_or_practice_are_said() -> None:
    """'= 15 km/h' inside a MyST admonition 'Exercice 4' or a '::: note' was printed in the lesson, the answer
    for all, with 0 warnings (ii port 11). Said once a unit, at the first; in a practice it is checked."""
    body = "::::{admonition} Exercice 4\n:class: exohome\nLa vitesse ?\n\n= 15 km/h\n::::\n\n"
    body += "::: note E5\nV ?\n\n= 12 m/s\n:::\n"
    _, problems = parse(body)
    assert problems == [
        "units/a.md:9: warning: '= 15 km/h' is an answer line outside a '::: question' or '::: practice' block: it is"
        " shown in the lesson, the answer for everyone to read; put the exercise in one of those blocks"
        " [shown-as-text]"
    ]
    _, problems = parse("::: practice\nV ?\n\n= 12 m/s\n:::\n\nThen $v$\n= 12 m/s, as said.\n")
    assert [p for p in problems if "shown-as-text" in p] == []


def test_an_empty_web_component_is_said_once_with_its_picture_advised() -> None:
    """premiere_nsi's '<gif-player src="https://…/2038.gif" …></gif-player>': its site's scripts draw it; here it
    showed nothing, and check said nothing (port hh 11). Said once a unit, at its line, inline too; an element
    with content shows it, and is not said."""
    gif = '<gif-player src="https://glassus.github.io/x/data/2038.gif" speed="1" play></gif-player>'
    _, problems = parse(f"Text.\n\n<center>\n{gif}\n</center>\n\nMore: <x-clock></x-clock>.\n")
    assert len(problems) == 1 and problems[0].startswith("units/a.md:8: warning: '<gif-player>' is an element")
    assert problems[0].endswith("copy '2038.gif' into the course and write ![What it shows](2038.gif) [shown-as-text]")
    _, problems = parse('One line.\nNow: <x-clock zone="UTC"/> and <my-note>shown</my-note>.\n')
    assert len(problems) == 1 and problems[0].startswith("units/a.md:6: warning: '<x-clock>'"), problems
    assert "write out in Markdown what it should show" in problems[0]
    _, problems = parse("<my-note>\n\nIt is shown.\n\n</my-note>\n")
    assert problems == []


def test_a_file_name_after_the_fences_language_is_its_title() -> None:
    """LiaScript's '```cpp   breakForLoop.cpp' shows the file's name above the code; it had been dropped
    (port hh 13). A version, an option or a second word is not a file name."""
    cases = [
        ("cpp                     breakForLoop.cpp", "cpp", "breakForLoop.cpp"),
        ("python src/app/main.py", "python", "src/app/main.py"),
        ("bash .bashrc", "bash", None),  # (a hidden file with no extension: left as markdown-it reads it)
        ("python 3.11", "python", None),
        ("r eval=FALSE", "r", None),
        ("js hello world", "js", None),
    ]
    for info, language, title in cases:
        html, problems = parse(f"```{info}\nx = 1\n```\n")
        assert problems == [] and f'class="language-{language}"' in html, (info, html)
        shown = re.search(r'<p class="ms-code-title"><code>([^<]*)</code></p>', html)
        assert (shown and shown.group(1)) == (title or None), (info, html)


def test_an_unknown_blocks_list_names_every_block_that_works() -> None:
    """An unknown block ('::: sidebar') had been refused with a list that left out the tabs and the names
    that work ('info', 'danger', 'answer', and HedgeDoc's 'success'): port q, u."""
    _, problems = parse("::: sidebar\nx\n:::\n")
    names = "answer, danger, info, success, toggle, dropdown; tabs: panel-tabset, tab, group-tab"
    assert len(problems) == 1 and names in problems[0]


def test_bookdown_equation_labels_and_references_and_a_labelled_environment() -> None:
    """bookdown's '(\\#eq:binom)' was typeset in the formula and '\\@ref(eq:binom)' called a citation (port
    q); and a '\\label' in a '\\begin{equation}' on lines of its own was dropped as LaTeX for print, so
    '\\ref' to it led nowhere. Now numbered, and links reading the number."""
    for label in ("(\\#eq:binom)", "\\label{eq:binom}"):
        html, problems = parse(
            f"\\begin{{equation}}\nf(k)=\\binom{{n}}{{k}}\n  {label}\n\\end{{equation}}\n\n"
            "See Equation \\@ref(eq:binom) or \\ref{eq:binom}.\n\n```r\n(\\#eq:kept)\n```\n"
        )
        assert problems == [] and html.count('<a href="#eq:binom">1</a>') == 2, (label, problems)
        assert "#eq:binom)" not in html and "#eq:kept)" in html  # (in code: as written)


LEARNR_SETUP = "```{r setup, include=FALSE}\nlibrary(learnr)\nknitr::opts_chunk$set(echo = FALSE)\n```\n\n"
LEARNR_QUIZ = (
    'quiz(\n  question("Which package?",\n    answer("base"),\n    answer("UTILS-RIGHT", correct = TRUE)\n  )\n)\n'
)


def test_learnrs_setup_hiding_every_chunks_code_is_honoured_and_its_quiz_is_said() -> None:
    """learnr's template sets 'opts_chunk$set(echo = FALSE)' in its setup chunk: knitr then shows no chunk's
    code unless it says so. The quiz chunk had been published as code, 'correct = TRUE' and all (port r)."""
    body = (
        LEARNR_SETUP + f"```{{r quiz}}\n{LEARNR_QUIZ}```\n\n```{{r plot}}\nplot(HIDDEN_PLOT)\n```\n\n"
        "```{r ex, exercise=TRUE}\nEXERCISE_SHOWN + 1\n```\n\n```{r shown, echo=TRUE}\nECHOED_SHOWN\n```\n\n"
        "```{r later}\nknitr::opts_chunk$set(echo = TRUE)\n```\n\n```{r after}\nAFTER_SHOWN\n```\n"
    )
    html, problems = parse(body)
    assert "UTILS-RIGHT" not in html and "HIDDEN_PLOT" not in html and "correct" not in html
    assert "EXERCISE_SHOWN" in html and "ECHOED_SHOWN" in html and "AFTER_SHOWN" in html
    assert [p for p in problems if "[left-out]" in p] == [
        "units/a.md:10: warning: learnr question in a code chunk is left out (its chunk hides its code): write it"
        " as a '::: question' with '- [x]' choices (and '> feedback') [left-out]"
    ]


def test_a_learnr_question_shown_as_code_is_an_error() -> None:
    """Without 'echo = FALSE' a learnr question chunk is shown as code: every right answer with it."""
    _, problems = parse(f"Text.\n\n```{{r letters}}\n{LEARNR_QUIZ}```\n\n```r\n{LEARNR_QUIZ}```\n")
    assert [p for p in problems if "warning" not in p] == [
        "units/a.md:7: learnr question in a code chunk is not read here, and would show its answers as code: write"
        " it as a '::: question' with '- [x]' choices (and '> feedback')"
    ]


def test_learnr_solution_chunks_are_left_out_however_they_are_labelled() -> None:
    """knitr reads a chunk's label from its first word (bare or quoted), 'label = …' or a '#| label:' line;
    only the first, bare form had been read, and the other solutions were published (port r)."""
    body = (
        '```{r, label = "filter2-solution"}\nSOLUTION_A\n```\n\n```{r}\n#| label: filter3-solution\nSOLUTION_B\n```\n\n'
        '```{r "filter4-hint-1"}\nHINT_C\n```\n\n```{r filter5-solution}\nSOLUTION_D\n```\n\n'
        '```{r, label = "plain"}\nKEPT\n```\n'
    )
    html, problems = parse(body)
    assert "SOLUTION" not in html and "HINT" not in html and "KEPT" in html
    assert any("[left-out]" in p and "and 3 more in this unit" in p for p in problems), problems


def test_retype_panels_tabs_and_callouts_are_read() -> None:
    """Retype's collapsed '==- Solution' panel had been shown open, its closing '===' making the line
    above it a heading; its '+++' tabs ran together, and a '!!!' callout closed by '!!!' was an empty
    box (port aa 2). Line for line; a MyST notebook's '+++ {…}' and a heading's '===' are left alone."""
    html, problems = parse(
        "!!! Exercise\nWrite a loop.\n!!!\n\n==- Solution\nThe answer is 42.\n===\n\n=== Open one\nShown.\n===\n\n"
        "+++ Hint\nUse `range`.\n+++ Solution\n`range(1, 6)` SOLVED\n+++\n\nA title\n===\n\n"
        '+++ {"tags": []}\n\nNotebook text.\n\n+++\n\n[broken](nowhere.md)\n'
    )
    assert boxes(html) == [
        ("aside", "ms-callout ms-callout--note", "Exercise"),
        ("details", "ms-collapsed ms-collapsed--details", "Solution"),
        ("details", "ms-collapsed ms-collapsed--details", "Open one"),
        ("details", "ms-collapsed ms-collapsed--details", "Hint · Solution"),
    ]
    assert 'ms-collapsed--details" open>\n<summary>Open one' in html and html.count(" open>") == 1
    assert "42" in html.split("<summary>Solution</summary>")[1].split("</details>")[0]
    assert '<h6 id="solution">Solution</h6>' in html and "SOLVED" in html.split("Hint · Solution")[1]
    assert "<h1>A title</h1>" in html and "==-" not in html and "<p>+++ {&quot;tags&quot;: []}</p>" in html
    assert [p.split(":")[:2] for p in problems] == [["units/a.md", "32"]]  # the broken link, at its own line


def test_a_bookdown_solution_chunk_with_options_is_a_collapsed_solution() -> None:
    """bookdown's '```{solution, multCode=F}' (a knitr engine, its options after a comma) had been a code
    block, every solution of the chapter open (port aa 5); '{r, echo=FALSE}' stays a code chunk."""
    html, problems = parse(
        "```{solution, multCode=F}\n* The elbow SOLVED.\n```\n\n```{solution}\n* Plain.\n```\n\n"
        "```{r, echo=TRUE}\nx <- 1\n```\n"
    )
    assert boxes(html) == [
        ("details", "ms-collapsed ms-collapsed--solution", "<!--ms-t:block_solution-->"),
        ("details", "ms-collapsed ms-collapsed--solution", "<!--ms-t:block_solution-->"),
    ]
    assert "SOLVED" in html.split("ms-collapsed--solution")[1] and 'class="language-r"' in html.split("<pre")[1]
    assert len(problems) == 1 and "code chunk '```{r, echo=TRUE}'" in problems[0]


def test_a_knitr_chunk_header_with_a_backtick_is_still_a_chunk() -> None:
    """knitr reads '```{r fig1, fig.cap = "`x` is …"}'; Markdown takes no backtick in a fence's first line,
    so its closing fence opened a code block that showed the next chunk, an echo = FALSE question with its
    answer, and nothing was said (port r). A header shown inside another fence is left as written."""
    body = (
        'Study it.\n\n```{r fig1, echo = FALSE, fig.cap = "`x` is the left circle"}\nknitr::include_graphics("a.png")\n'
        f"```\n\n### Test\n\n```{{r logicals, echo = FALSE}}\n{LEARNR_QUIZ}```\n\n"
        '````markdown\n```{r fig2, fig.cap = "`y`"}\n```\n````\n'
    )
    html, problems = parse(body)
    assert "UTILS-RIGHT" not in html and "include_graphics" not in html and "<h3" in html
    assert "`y`</span>" in html
    assert any("learnr question in a code chunk is left out" in p for p in problems), problems
    assert [p for p in problems if "warning" not in p] == []  # (not 'is not a code fence': it is one)


def test_an_astro_option_marked_correct_is_an_error() -> None:
    """The Astro tutorial's '<Option isCorrect>JavaScript</Option>' on one line is kept as HTML, its right
    answer in the page's source; nothing was said (port r). In code it is code."""
    _, problems = parse(
        "1. Frontmatter is written in:\n\n    <MultipleChoice>\n        <Option>HTML</Option>\n"
        "        <Option isCorrect>JavaScript</Option>\n    </MultipleChoice>\n\n"
        "Write `<Option isCorrect>` for the right one.\n\n```jsx\n<Option isCorrect>x</Option>\n```\n"
    )
    assert [p for p in problems if "warning" not in p] == [
        "units/a.md:9: '<Option' holds right answers (a quiz of the lesson's own site: MDX, PrairieLearn,"
        " MarkBind, CAT-SOOP, webexercises…), which is not read here: they would be published with the page; write it"
        " as a '::: question' with '- [x]' choices and '> feedback'"
    ]


def test_prairielearn_and_markbind_quiz_html_is_an_error() -> None:
    """PrairieLearn's question.html ('<pl-answer correct="true">', its '<pl-answer-panel>' shown once graded)
    and MarkBind's '<q-option correct>' had been published as written, the right answer in the page's
    source (port w 1, 2). A wrong choice, or the same in code, is no error."""
    _, problems = parse(
        '<pl-multiple-choice answers-name="c">\n  <pl-answer correct="true" feedback="Yes">Blue</pl-answer>\n'
        '  <pl-answer correct="false">Pink</pl-answer>\n</pl-multiple-choice>\n\n'
        "<pl-answer-panel>Only once graded.</pl-answer-panel>\n\n"
        '<question type="mcq">\n  <q-option reason="No.">10</q-option>\n  <q-option correct>\n    5\n  </q-option>\n'
        "</question>\n\nWrite `<q-option correct>` for the right one.\n\n"
        '```html\n<pl-answer correct="true">x</pl-answer>\n<pl-answer-panel>y</pl-answer-panel>\n```\n\n'
        # Berkeley CS61AS's courseware (port bb 4): the choices vanished, the answer stayed in the source
        '<div class="mc">\nWhat colour?\n<ans text="Blue." explanation="Verified." correct></ans>\n'
        '<ans text="Gold." explanation="Well sure."></ans>\n</div>\n\n'
        # MarkBind's text question (port bb 16): its prompt was lost, its answer kept in the source, and the
        # only warning advised quoting the tag, answer and all, in backticks
        '<question type="text" header="Which decorator?"\n    keywords="injectable" answer="@Injectable()">\n'
        '  <div slot="hint">\n\n  Read the guide.\n\n  </div>\n</question>\n'
    )
    assert [p.split(" holds right answers")[0] for p in problems] == [
        "units/a.md:6: '<pl-answer'",
        "units/a.md:10: '<pl-answer-panel'",
        "units/a.md:14: '<q-option'",
        "units/a.md:28: '<ans'",
        "units/a.md:29: '<ans'",
        "units/a.md:32: '<question'",
    ]
    _, problems = parse(
        "::: question o\nWhich element holds the solution shown once graded?\n\n== <pl-answer-panel>\n:::\n"
    )
    assert [p for p in problems if "objective" not in p] == []  # a course on PrairieLearn (round x 5)


def test_prairielearn_placeholders_are_said_and_one_as_an_answer_is_an_error() -> None:
    """PrairieLearn's '{{params.a}}' had become the formula 'a = params.a' with no word, and
    '== {{correct_answers.d}}' the only answer, every real one wrong (port w 5). A Jinja answer is kept."""
    _, problems = parse(
        "Take $a = {{params.a}}$ and {{ params.b }}.\n\n::: question o\nWhat is `d`?\n\n== {{correct_answers.d}}\n"
        ":::\n\n::: question o\nPrint `name` in Jinja.\n\n== {{ name }}\n:::\n"
    )
    assert [p for p in problems if "objective" not in p] == [
        "units/a.md:5: warning: PrairieLearn's placeholder '{{params.a}}' is shown as text, as is 1 more in this"
        " unit: its question generator does not run here; write each one's value instead [shown-as-text]",
        "units/a.md:10: '{{correct_answers.d}}' is PrairieLearn's placeholder, which is not filled in here: students"
        " would have to type it as written; write the answer itself",
    ]
    _, problems = parse(  # an Airflow lesson: its templates' '{{ params.table }}', in code and as an answer (round x 4)
        "Write `SELECT * FROM {{ params.table }}`:\n\n```sql\nSELECT {{ params.column }}\n```\n\n"
        "::: question o\nHow does a template read the 'table' parameter?\n\n== {{ params.table }}\n:::\n"
    )
    assert [p for p in problems if "objective" not in p] == []


def test_a_template_expression_of_another_tool_in_the_text_is_said() -> None:
    """VitePress' '{{ count }}' was published as written with no word (port z 13); so would Jinja's or
    Handlebars' be. Not in code, not on an answer line, not in Liquid's '{% raw %}', not LaTeX's
    '{{a}}' nor GitHub's '${{ }}', and Liquid's and PrairieLearn's once, with their own advice."""
    _, problems = parse(
        "The count is: {{ count }}, and {{ 1 + 1 }}.\n\nOn {{ site.title }}, $\\frac{{a}}{{b}}$ and `{{ x }}`.\n\n"
        "```\n{{ y }}\n```\n\n{% raw %}A Jinja {{ name }}{% endraw %}; GitHub's ${{ secrets.TOKEN }}.\n\n"
        "::: question o\nPrint `name` in Jinja.\n\n== {{ name }}\n:::\n"
    )
    assert [p for p in problems if "objective" not in p] == [
        "units/a.md:5: warning: template expression '{{ count }}' (Vue's, Jinja's, Handlebars') is shown as text, as"
        " is 1 more in this unit: nothing fills it in here; write its value instead, or put it in backticks if the"
        " lesson shows it [shown-as-text]",
        "units/a.md:7: warning: Jekyll (Liquid) variable '{{ site.title }}' is shown as text: Liquid is not read"
        " here; write each one's value instead [shown-as-text]",
    ]


def test_slidev_decks_slide_settings_are_left_out_and_a_template_is_said() -> None:
    """A Slidev deck's per-slide front matter had been a heading 'title: Slidev! transition: fade-out…', and
    what its '<template #1>' held was missing with no word (port w 7, 8). A lesson's own '---' then a
    'Note: …' line and '---' is kept as written (a heading under a rule)."""
    html, problems = parse(
        "# First\n\nIntro.\n\n---\ntitle: Slidev!\ntransition: fade-out\nlayout: intro\n---\n\n# Second\n\n"
        "---\nlayout: center\n---\n\nThird.\n\n"
        "<v-switch>\n  <template #1>\n\n  Shown?\n\n  </template>\n</v-switch>\n\n"
        "---\nNote: kept\n---\n"
    )
    assert "transition" not in html and "layout" not in html and "<h1>Second</h1>" in html
    kept, _ = parse("A Jekyll page starts:\n\n<pre>\n\n---\nlayout: post\ntitle: Hello\n---\n</pre>\n")  # (round x 10)
    assert "layout: post" in kept
    assert '<h2 id="note-kept">Note: kept</h2>' in html
    assert problems == [
        "units/a.md:9: warning: a slide's front matter (Slidev's and Marp's settings between '---' lines: 'layout:"
        " intro') is left out (and 1 more in this unit): it sets up a slide, which a lesson page does not have"
        " [left-out]",
        "units/a.md:24: warning: what a '<template>' holds is never shown (a Vue or Slidev template, filled in by its"
        " scripts): it is missing from the page; remove the '<template>' lines to show it [shown-as-text]",
    ]


def test_a_khan_exercise_solution_div_is_left_out() -> None:
    """A Khan Academy (OpenDSA) exercise's '<div class="solution">', the answer its exercise checks, had been
    shown under the question (port w 4): left out, and said once; the HTML block around it goes on."""
    html, problems = parse(
        '<div id="problem">\n  <p class="question">What is 6 times 7?</p>\n'
        '  <div class="solution"><var>"SOL42"</var></div>\n  <ul class="choices">\n\t<li><var>"41"</var></li>\n'
        '  </ul>\n</div>\n\n<div class="solution">\n\nSOL_BLOCK\n\n</div>\n\nAfter.\n'
    )
    assert "SOL" not in html and '<ul class="choices">' in html and "<p>After.</p>" in html and "<pre" not in html
    assert problems == [
        "units/a.md:7: warning: a Khan Academy exercise's '<div class=\"solution\">' (the answer its exercise"
        " checks) is left out: write the question as a '::: question', and a solution to show after trying in a"
        " '::: solution' [left-out]"
    ]
    # a lesson's own worked example in such a div, with no exercise of Khan's: collapsed, kept (round x 15)
    html, problems = parse('A worked example:\n\n<div class="solution">\n\nFirst, *add*.\n\n</div>\n')
    assert problems == [] and "<em>add</em>" in html
    assert boxes(html) == [("details", "ms-collapsed ms-collapsed--solution", "<!--ms-t:block_solution-->")]
    # kramdown's and MkDocs' markdown="1" on it, before or after the class (port ee 13: it had been published open)
    for div in ('<div class="solution" markdown="1">', "<div markdown='1' class='solution'>"):
        html, problems = parse(f"A worked example:\n\n{div}\n\nThe resistance is *0.104 Ω*.\n\n</div>\n")
        assert problems == [] and "<em>0.104 Ω</em>" in html and "markdown=" not in html
        assert boxes(html) == [("details", "ms-collapsed ms-collapsed--solution", "<!--ms-t:block_solution-->")]


def test_reveal_js_speaker_notes_are_never_published() -> None:
    """reveal.js' '<aside class="notes">' (and pandoc's '<div class="notes">') are the presenter's: they had
    been published to students (port r)."""
    html, problems = parse(
        'Slide.\n\n<aside class="notes">\n    ASIDE_NOTE private\n</aside>\n\n'
        '<div class="notes">\n\nDIV_NOTE\n\n</div>\n\n'
        'After.\n\n```html\n<aside class="notes">\nkept\n</aside>\n```\n'
    )
    assert problems == [] and "NOTE" not in html and "<p>After.</p>" in html and "kept" in html


def test_gitbook_tabs_hints_and_code_titles_are_read() -> None:
    """GitBook's '{% tab title="Solution" %}' had been shown open, with a warning that spoke of Jekyll's
    includes (port r): tabs are collapsed blocks, the first open; a hint a callout; a code block its title."""
    html, problems = parse(
        '{% tabs %}\n{% tab title="Exercise" %}\nDo it.\n{% endtab %}\n\n{% tab title="Solution" %}\n'
        "```bash\nGITBOOK_SOLUTION\n```\n{% endtab %}\n{% endtabs %}\n\n"
        '{% hint style="warning" %}\nCareful.\n{% endhint %}\n\n{% code title="app.py" %}\n```python\nx = 1\n```\n'
        '{% endcode %}\n\n```text\n{% tab title="kept" %}\n{% endtab %}\n```\n'
    )
    assert problems == []
    assert boxes(html) == [
        ("details", "ms-collapsed ms-collapsed--details", "Exercise"),
        ("details", "ms-collapsed ms-collapsed--details", "Solution"),
        ("aside", "ms-callout ms-callout--warning", "<!--ms-t:block_warning-->"),
    ]
    assert '<details class="ms-collapsed ms-collapsed--details" open>\n<summary>Exercise' in html
    assert "app.py" in html and '{% tab title="kept" %}' in html.replace("&quot;", '"') and "{% endtabs" not in html


def test_mdx_tabs_asides_steps_and_spoilers_are_read() -> None:
    """Docusaurus' and Starlight's '<Tabs>' of '<TabItem label="macOS">', Nextra's '<Tabs items={[…]}>' of
    '<Tabs.Tab>', Starlight's '<Aside type title>', '<Steps>' and '<Spoiler>': the labels and titles had
    been lost, the tabs run together, a spoiler shown open (port r). In code they are code."""
    html, problems = parse(
        '<Tabs>\n  <TabItem value="apple" label="Apple" default>\n    This is an apple.\n  </TabItem>\n'
        '  <TabItem value="orange" label="Orange">\n    This is an orange.\n  </TabItem>\n</Tabs>\n\n'
        '<Aside type="caution" title="Did you know?">\nCareful.\n</Aside>\n\n<Steps>\n1. Install.\n</Steps>\n\n'
        "<Tabs items={['pnpm', 'npm']}>\n  <Tabs.Tab>Fast.</Tabs.Tab>\n  <Tabs.Tab>Common.</Tabs.Tab>\n</Tabs>\n\n"
        '<Spoiler>\nSPOILED answer\n</Spoiler>\n\n```jsx\n<Tabs>\n<TabItem label="kept">\n</TabItem>\n</Tabs>\n```\n'
    )
    assert problems == []
    assert boxes(html) == [
        ("details", "ms-collapsed ms-collapsed--details", "Apple"),
        ("details", "ms-collapsed ms-collapsed--details", "Orange"),
        ("aside", "ms-callout ms-callout--warning", "Did you know?"),
        ("details", "ms-collapsed ms-collapsed--spoiler", "<!--ms-t:block_spoiler-->"),
    ]
    assert "<p>This is an apple.</p>" in html and "<pre" not in html.split("<p>Careful.")[0]
    assert "<li>Install.</li>" in html and "<li>pnpm: Fast.</li>" in html and "<li>npm: Common.</li>" in html
    assert "SPOILED" in html.split('ms-collapsed--spoiler">')[1] and "Tabs" not in html.split("<pre")[0]
    assert '<span class="nt">TabItem</span>' in html


def test_nextra_callouts_and_starlight_aside_icons_are_read() -> None:
    """Nextra's '<Callout type="warning">' had its Markdown shown with its asterisks, two in a row run
    together (port aa 9); Starlight's ':::tip{icon="heart"}' and ':::tip[Hi]{icon="heart"}' were an
    'unknown block' error that stopped the build (port aa 10). The icon is not read."""
    html, problems = parse(
        '<Callout>\n  A **callout** here.\n</Callout>\n\n<Callout type="warning" emoji="⚠️">\n  Careful.\n'
        '</Callout>\n\n:::tip{icon="heart"}\nHearts.\n:::\n\n:::tip[Did you know?]{icon="heart"}\nFast.\n:::\n'
    )
    assert problems == []
    assert boxes(html) == [
        ("aside", "ms-callout ms-callout--tip", "<!--ms-t:block_tip-->"),
        ("aside", "ms-callout ms-callout--warning", "<!--ms-t:block_warning-->"),
        ("aside", "ms-callout ms-callout--tip", "<!--ms-t:block_tip-->"),
        ("aside", "ms-callout ms-callout--tip", "Did you know?"),
    ]
    assert "<strong>callout</strong>" in html and "Callout" not in html and "icon" not in html
    # Epic Web's workshops (port bb 15): '<callout-success>', its Markdown tab-indented, had been shown raw
    html, problems = parse(
        "<callout-success>\n\tIn fact, [here](https://example.org/) it **happens**.\n</callout-success>\n\n"
        '<callout-warning class="notification">\n<div className="title">Mind this</div>\nDo **not** use it.\n'
        "</callout-warning>\n"
    )
    assert problems == []
    assert boxes(html) == [
        ("aside", "ms-callout ms-callout--tip", "<!--ms-t:block_tip-->"),
        ("aside", "ms-callout ms-callout--warning", "Mind this"),
    ]
    assert "<strong>happens</strong>" in html and "<strong>not</strong>" in html and "className" not in html
    # Mintlify's and Fumadocs' accordions (port bb 24): a solution had been shown open, its indented fence garbled
    html, problems = parse(
        '<Accordions>\n    <Accordion title="Solution">\n    ```solidity title="IMD5.sol"\n    SOLVED();\n    ```\n'
        "    </Accordion>\n</Accordions>\n"
    )
    assert problems == [] and boxes(html) == [("details", "ms-collapsed ms-collapsed--details", "Solution")]
    assert "SOLVED" in html.split("ms-collapsed--details")[1] and "```" not in html and "<pre" in html
    # a Docusaurus course's own <Solution title="Lösung"> and <Hint> (port ff 14): published open, raw tags
    html, problems = parse(
        'Primzahlen.\n\n<Solution webKey="5b39" title="Lösung">\n\n```py\nprimes = [2, 3]\n```\n</Solution>\n\n'
        "<Hint>\n\nDer 3. Buchstabe ist `joke[2]`.\n</Hint>\n"
    )
    assert problems == [] and "<Solution" not in html and "<Hint" not in html and "</Hint>" not in html
    assert [b[:2] for b in boxes(html)] == [
        ("details", "ms-collapsed ms-collapsed--solution"),
        ("details", "ms-collapsed ms-collapsed--hint"),
    ]
    assert boxes(html)[0][2] == "Lösung" and "primes" in html.split("ms-collapsed--solution")[1]


def test_docusaurus_tabs_written_over_several_lines_with_values_are_read() -> None:
    """Docusaurus' older '<Tabs values={[{label: 'Apple', value: 'apple'}, …]}>' over several lines had been
    shown as raw JSX, its tabs run together in one paragraph (port z 11): the tag is read, each tab labelled
    by its value's label; a tab on one line is a list item, its label first (as Nextra's). Line numbers
    stay right; in code it is code."""
    html, problems = parse(
        "<Tabs\n  defaultValue=\"apple\"\n  values={[\n    {label: 'Apple', value: 'apple'},\n"
        "    {label: 'Orange', value: 'orange'},\n  ]}>\n  <TabItem value=\"apple\">An apple.</TabItem>\n"
        '  <TabItem value="orange">An orange.</TabItem>\n</Tabs>\n\n'
        "<Tabs\n  values={[\n    {label: 'Python', value: 'py'},\n    {label: 'Solution', value: 'sol'},\n  ]}>\n"
        '<TabItem value="py">\n\nWrite it.\n\n</TabItem>\n<TabItem value="sol">\n\nSOLVED here.\n\n</TabItem>\n'
        "</Tabs>\n\n```jsx\n<Tabs\n  values={[]}>\n```\n\n[broken](nowhere.md)\n"
    )
    assert "<li>Apple: An apple.</li>" in html and "<li>Orange: An orange.</li>" in html
    assert boxes(html) == [
        ("details", "ms-collapsed ms-collapsed--details", "Python"),
        ("details", "ms-collapsed ms-collapsed--details", "Solution"),
    ]
    assert "SOLVED" in html.split("Solution</summary>")[1] and "values" not in html.split("<pre")[0]
    assert '<span class="nt">Tabs</span>\n' in html.split("<pre")[1]  # in code: as written
    assert [p.split(":")[:2] for p in problems] == [["units/a.md", "37"]]  # the broken link, at its own line


def test_an_inline_spoiler_is_collapsed_too() -> None:
    """The Astro tutorial's answers, '<Spoiler>' within a line or a '<p>', had been shown open, unsaid (port
    r). In a code span the tag is shown, as written."""
    html, problems = parse(
        "The answer is <Spoiler>**SPOILED** `x`</Spoiler> here.\n\n<p>\n  <Spoiler>HIDDEN too</Spoiler>\n</p>\n\n"
        "Write `<Spoiler>shown</Spoiler>` for a spoiler.\n"
    )
    assert problems == []
    spoiler = '<details class="ms-collapsed ms-collapsed--spoiler"><summary><!--ms-t:block_spoiler--></summary>'
    assert f"{spoiler}<strong>SPOILED</strong> <code>x</code></details> here." in html
    assert f"  {spoiler}HIDDEN too</details>\n</p>" in html
    assert "<code>&lt;Spoiler&gt;shown&lt;/Spoiler&gt;</code>" in html


def test_a_jsx_expression_as_an_address_is_said_as_such() -> None:
    """The Astro tutorial's '`<a href={myPosts[0].url}>`' inside a component is HTML there: the error had
    called it a broken link to a file, with no why (port r)."""
    _, problems = parse("<Option>\n  `<a href={myPosts[0].url}>First</a>`\n</Option>\n")
    assert [p for p in problems if "broken" in p] == [
        "units/a.md:6: broken link '{myPosts[0].url}': '{…}' is an MDX (JSX) expression, worked out by the"
        " lesson's own site; here it is an address. Code shown inside a component's HTML is read as HTML: show"
        " it in a code block, or write the address out"
    ]


def test_docsifys_callouts_are_callouts() -> None:
    """Docsify's '?> tip' and '!> important' had been shown with their marks (port r); in code, code."""
    html, problems = parse("?> *TODO* unit test\n\n!> **Time** is money\n\n```php\n?> kept\n```\n")
    assert problems == []
    assert boxes(html) == [
        ("aside", "ms-callout ms-callout--tip", "<em>TODO</em> unit test"),
        ("aside", "ms-callout ms-callout--important", "<strong>Time</strong> is money"),
    ]
    assert "?&gt; kept" in html or "?&gt;</span>" in html


def test_an_asciidoc_collapsible_block_is_collapsed() -> None:
    """AsciiDoc's '.Solution' / '[%collapsible]' / '====' … '====', pasted as it is, had been two headings: in a
    question, the solution in its prompt (port w 14). A collapsed block (in a question, a box: an error)."""
    html, problems = parse(
        ".Solution\n[%collapsible]\n====\nThe *content*.\n====\n\nAfter.\n\n[%collapsible]\n====\nUntitled.\n====\n\n"
        ".Shown\n[%collapsible%open]\n====\nOpen.\n====\n"
    )
    assert problems == [] and "<h1" not in html
    assert boxes(html) == [
        ("details", "ms-collapsed ms-collapsed--details", "Solution"),
        ("details", "ms-collapsed ms-collapsed--details", "Details"),
        ("details", "ms-collapsed ms-collapsed--details", "Shown"),
    ]
    assert [tag.endswith(" open>") for tag in re.findall(r"<details[^>]*>", html)] == [False, False, True]
    _, problems = parse("::: question o\nWhat?\n\n.Solution\n[%collapsible]\n====\nIt.\n====\n\n= it\n:::\n")
    assert [p.split(":", 2)[2][:45] for p in problems if "warning" not in p and "objective" not in p] == [
        " 'details' cannot be inside 'question': its c"
    ]


def test_docsifys_link_image_and_heading_options_are_read() -> None:
    """docsify's ':size=50x100' had been an image's caption, ':target=_blank' a tooltip, and ':id=hello-world'
    part of a heading (port w 11): the options are dropped, the id is the heading's. In code, code."""
    html, problems = parse(
        "![logo](https://example.org/icon.png ':size=50x100')\n\n[docs](https://example.org/a ':target=_blank')\n\n"
        '[t](https://example.org/b "A real title")\n\n### Hello world :id=hello-world\n\n'
        "```md\n![x](y.png ':size=1')\n### H :id=h\n```\n"
    )
    assert [p for p in problems if "external-image" not in p] == []
    assert ":size" not in html.split("<pre")[0] and ":target" not in html and "figcaption" not in html
    assert 'title="A real title"' in html and '<h3 id="hello-world">Hello world</h3>' in html
    assert "y.png &#39;:size=1&#39;" in html and "### H :id=h" in html
    html, _ = parse("Write `![logo](logo.png ':size=50x100')` to size it.\n")
    assert "<code>![logo](logo.png ':size=50x100')</code>" in html.replace("&#x27;", "'").replace("&#39;", "'")
    _, problems = parse("Intro.\n\n[filename](_media/example.md ':include')\n")
    assert problems == [  # (it had been 'unit file … is not in the course: move it up, and list it')
        "units/a.md:7: docsify's embed '[filename](_media/example.md ':include')' is not read here: paste the file's"
        " content in its place"
    ]


def test_hugos_toml_front_matter_is_read() -> None:
    """Hugo's and Zola's '+++' TOML front matter had been published as the lesson's first paragraph, and
    the error said the title was missing (port s). Read as the YAML it says; what TOML has beyond that
    is an error at its line."""
    from masterysite.errors import Report
    from masterysite.parse.unit import UnitSource, parse_unit

    report = Report()
    text = '+++\ntitle = "Macros"  # Hugo\n\n[objectives]\nmacro = "Write a macro"\n+++\n\nWrite `unless`.\n'
    unit = parse_unit(text, UnitSource("units/a.md", 0, None, "/nonexistent"), report)
    assert unit is not None and unit.title == "Macros" and [o.id for o in unit.objectives] == ["macro"]
    assert "+++" not in unit.lesson_html and report.errors == []
    report = Report()
    parse_unit(
        '+++\ntitle = "T"\ndescription = """\nlong\n"""\n+++\nText.\n', UnitSource("units/b.md", 0, None, "/"), report
    )
    assert [str(p) for p in report.errors][:1] == [
        "units/b.md:3: this line of TOML front matter ('+++', Hugo's) is not read here: write it in YAML, between"
        " '---' lines ('title: …')"
    ]


def test_notebook_cells_their_tool_never_shows_are_left_out() -> None:
    """nbdev's '#| hide' (and '#hide', '#| include: false') and jupytext's tags=["remove-cell"]: such cells
    hold tests and answers, and had been published (port t 3). A cell that only mentions hiding stays."""
    html, problems = parse_lesson(
        '```python\n#| hide\nanswer = 42  # SECRET\n```\n\n```python\n#hide\nassert f("SECRET")\n```\n\n'
        '```python\n#| include: false\nSECRET = 1\n```\n\n```python tags=["remove-cell"]\nSECRET = 2\n```\n\n'
        '```python tags=["hide-output"]\nshown = 1\n```\n\n```python\n# hide the axes\nplt.axis("off")\n```\n'
    )
    assert "SECRET" not in html and "shown" in html and "hide the axes" in html
    assert problems == [
        f"units/a.md:{HEAD.count(chr(10)) + 1}: warning: code block '```python' is left out: nbdev never shows a"
        " cell that starts '#| hide' (and 3 more in this unit); to show a solution after the student tries, write"
        " it in a '::: solution' block [left-out]"
    ]


def test_a_wikiversity_quiz_is_an_error_at_its_line() -> None:
    """MediaWiki's Quiz: '+' marks each right answer, and as text it was published beside it (port t 1).
    mkdocs-quiz's '<quiz>' (read as a practice) and a quiz shown in code are not this."""
    body = '<quiz display=simple>\n{What is 2+2?\n|type="()"}\n+ 4\n- 3\n</quiz>\n\n```\n<quiz>\n{Q |type="()"}\n```\n'
    _, problems = parse_lesson(body)
    assert problems == [
        f"units/a.md:{HEAD.count(chr(10)) + 1}: a Wikiversity quiz ('<quiz>' with '{{question |type=\"()\"}}' and"
        " '+' before each right answer) is not read here: its right answers would be published, marked; write"
        " each question as a '::: question' with '- [x]' choices"
    ]


def test_webexercises_questions_are_errors_and_their_solutions_collapsed_or_left_out() -> None:
    """psyteachr's webexercises: `r fitb(32)`, `r mcq(c(answer = "nrow", …))` published their answers, and a
    solution between `r hide()` and `r unhide()` or in a webex.hide chunk was shown open (port t 2)."""
    body = (
        'Rows? `r fitb(32)`\n\nWhich? `r mcq(c("ncol", answer = "nrow"))`\n\n'
        '`r hide("Solution")`\n\n```r\nnrow(SECRET)\n```\n\n`r unhide()`\n\n'
        '```{r, webex.hide="Show me"}\nncol(SECRET2)\n```\n'
    )
    html, problems = parse_lesson(body)
    line = HEAD.count("\n") + 1
    errors = [p for p in problems if "warning" not in p]
    assert errors == [
        f"units/a.md:{line}: webexercises' 'fitb(…)' question holds its answer in the text, which would be"
        " published: write it as a '::: question' ('= answer', or '- [x]' choices)",
        f"units/a.md:{line + 2}: webexercises' 'mcq(…)' question holds its answer in the text, which would be"
        " published: write it as a '::: question' ('= answer', or '- [x]' choices)",
    ]
    assert "<summary>Solution</summary>" in html and "SECRET2" not in html
    assert any("webex.hide" in p and "[left-out]" in p for p in problems)


def test_a_microsoft_learn_knowledge_check_pasted_as_yaml_is_an_error() -> None:
    """Learn's 'quiz:' YAML in the text: each choice's 'isCorrect: True' and explanation were published as
    lists (port t 8). In a code block it is shown on purpose (a lesson about the format)."""
    body = (
        "quiz:\n  questions:\n  - content: Which ports?\n    choices:\n    - content: 443\n      isCorrect: True\n"
        "    - content: 80\n      isCorrect: false\n\n```yaml\n- content: x\n  isCorrect: true\n```\n"
    )
    _, problems = parse_lesson(body)
    assert problems == [
        f"units/a.md:{HEAD.count(chr(10)) + 6}: a Microsoft Learn knowledge check ('isCorrect: true') is shown as"
        " text, each choice's verdict and explanation with it: write each question as a '::: question' with '- [x]'"
        " choices and '> feedback'"
    ]


def test_mdbooks_hidden_lines_of_rust_are_left_out() -> None:
    """mdBook hides a Rust line starting '# ' (or '#' alone): setup, a licence, what makes an exercise
    compile; shown only on request there, left out here (port u 11). Attributes and other languages stay."""
    html, problems = parse_lesson(
        "```rust,editable\n# // Copyright 2023 Google LLC\n#\n#[derive(Debug)]\nfn main() {\n"
        "    # let hidden = 1;\n    let x = 2;\n}\n```\n\n```python\n# a comment\n```\n"
    )
    text = re.sub(r"<[^>]+>", "", html)
    assert "Copyright" not in text and "hidden" not in text and "#[derive(Debug)]" in text
    assert "let x = 2;" in text and "# a comment" in text and problems == []


def test_hedgedocs_containers_and_table_of_contents() -> None:
    """HedgeDoc's ':::success' is a tip, ':::spoiler {state="open"} Title' a collapsed block titled Title,
    and '[TOC]' shows nothing (the unit's "On this page" lists its headings), unless '[toc]' is a link (port u 10)."""
    html, problems = parse_lesson(
        '[TOC]\n\n## One\n\n:::success\nYes.\n:::\n\n:::spoiler {state="open"} Expand the table\nHidden.\n:::\n'
    )
    assert "TOC" not in html and problems == []
    assert boxes(html) == [
        ("aside", "ms-callout ms-callout--tip", "<!--ms-t:block_tip-->"),
        ("details", "ms-collapsed ms-collapsed--spoiler", "Expand the table"),
    ]
    html, _ = parse_lesson("[TOC]\n\n[toc]: https://example.org/toc\n")
    assert '<a href="https://example.org/toc">TOC</a>' in html


def test_vitepress_code_group_shows_its_titled_code_blocks_one_after_another() -> None:
    html, problems = parse_lesson(
        "::: code-group\n\n```js [config.js]\nconst a = 1\n```\n\n```ts [config.ts]\nlet b\n```\n\n:::\n"
    )
    assert problems == [] and html.count('<p class="ms-code-title">') == 2 and "code-group" not in html


def test_a_link_written_inside_a_links_address_is_named_as_such() -> None:
    """'[Doc]([https://a.example/x](https://b.example/y?v=1))' (a real lecture's): said as a link inside
    a link, not as a file 'units/[https:/a.example…' (port u 12)."""
    _, problems = parse_lesson("See [Doc]([https://a.example/x](https://b.example/y?v=1)).\n")
    assert problems == [
        "units/a.md:5: broken link '[https://a.example/x](https://b.example/y?v=1)': its address is itself a Markdown"
        " link ('[…](…)'); write one address, '[text](https://…)'"
    ]


def test_open_edx_olx_answers_are_an_error() -> None:
    """Open edX's OLX pasted into a unit ('<choice correct="true">', '<stringresponse answer="…">') had been
    published as written, its right answers in the page's source and its solution shown (port z 1). A wrong
    choice, a lesson's own <option>, or OLX in code is no error."""
    _, problems = parse(
        '<problem>\n<choiceresponse>\n<checkboxgroup>\n    <choice correct="true">two equal resistors\n'
        '    </choice>\n    <choice correct="false">one resistor</choice>\n'
        '    <choice correct="True">two 1 k</choice>\n'
        '</checkboxgroup>\n</choiceresponse>\n<stringresponse answer="Paris" type="ci">\n'
        "</stringresponse>\n</problem>\n\n"
        '<select><option value="a">A</option></select>\n\n```xml\n<choice correct="true">x</choice>\n```\n'
    )
    assert [p.split(" holds right answers")[0] for p in problems] == [
        "units/a.md:8: '<choice'",
        "units/a.md:11: '<choice'",
        "units/a.md:14: '<stringresponse'",
    ]


def test_r_exams_solution_and_answer_key_are_left_out() -> None:
    """R/exams' exercises ('Solution' section, 'Meta-information' with 'exsolution: 011'; in LaTeX,
    '\\begin{solution}' and '\\exsolution{01}') had published their answer key above the quiz (port z 2)."""
    html, problems = parse(
        "Question\n========\nWhich are capitals?\n\nAnswerlist\n----------\n* Lagos\n* Tokyo\n\n"
        "Solution\n========\n\nAnswerlist\n----------\n* False. Abuja is.\n* True. Tokyo is.\n\n"
        "Meta-information\n================\nexname: Capitals\nextype: mchoice\nexsolution: 01\nexshuffle: 5\n\n"
        "After.\n"
    )
    assert "Tokyo is." not in html and "exsolution" not in html and "Abuja" not in html
    assert "Which are capitals?" in html and "<p>After.</p>" in html
    assert problems == [
        "units/a.md:14: warning: R/exams' 'Solution' section and metadata (its answer key, 'exsolution') are left"
        " out: they would be published with the page; write the question as a '::: question' ('- [x]' choices, or"
        " '= answer'), and the solution as its '> explanation' [left-out]"
    ]
    html, problems = parse(
        "\\begin{question}\nWhich?\n\\end{question}\n\n\\begin{solution}\nTrue. Tokyo is.\n\\end{solution}\n\n"
        "\\exname{Capitals}\n\\exsolution{01}\n\n```\nexsolution: 11\n\\exsolution{11}\n```\n"
    )
    assert "Tokyo is." not in html and "exsolution{01}" not in html
    assert "exsolution: 11" in html and "exsolution{11}" in html  # (in code: as written)
    assert [p.split(":")[1] for p in problems] == ["9"]


def test_docsify_tabs_are_tabs_the_first_open() -> None:
    """docsify-tabs' '<!-- tabs:start -->' had shown every tab, a 'Final Solution' open under the challenge
    (port z 3): each tab, named by its bold heading or its comment, is a collapsed block, the first open."""
    html, problems = parse(
        "Challenge.\n\n<!-- tabs:start -->\n\n#### **:warning: No spoilers**\n\nSelect a tab.\n\n"
        "#### **__Final Solution__**\n\n```bash\nipintersect a b\n```\n\n<!-- tabs:end -->\n\n"
        "<!-- tabs:start -->\n<!-- tab:Hint -->\nA hint.\n\n<!-- tab:Answer -->\n42\n\n<!-- tabs:end -->\n"
    )
    assert [b[2] for b in boxes(html)] == ["No spoilers", "Final Solution", "Hint", "Answer"]
    assert html.count("<details") == 4 and html.count(" open>") == 2
    assert "tabs:start" not in html and "**" not in html and problems == []


def test_moodle_gift_questions_are_said_and_their_alternatives_on_one_line_too() -> None:
    """Moodle's GIFT pasted into a unit showed its '=right ~wrong' answers with no word (port z 4), and an
    answer line '= no one =nobody' marked every student wrong, the warning pointing to '==' (port z 5).
    Pandoc's raw '`<i>`{=html}', a lesson's '{= x}' in code and an equation are no GIFT."""
    _, problems = parse(
        "Grant is {~buried =entombed ~living} in Grant's tomb.\n\nWho is? {\n=no one\n~Grant\n}\n\n"
        "```gift\n::Q:: A {=b ~c}\n```\n\nA `<i>`{=html} word, `{=x ~y}` in code.\n"
    )
    assert [p.split(" is ")[0] for p in problems] == ["units/a.md:5: warning: 'Grant"]
    assert "Moodle GIFT question" in problems[0] and "(and 2 more in this unit) [shown-as-text]" in problems[0]
    _, problems = parse("::: question o\nWho?\n\n= no one =nobody ~Grant\n= Paris is big\n:::\n")
    assert [p for p in problems if "objective" not in p] == [
        "units/a.md:8: warning: 'no one =nobody ~Grant' is one answer, '=' and all: alternatives are not written on"
        " one line as in Moodle's GIFT; write one line each ('= no one' and '= nobody'), a wrong one as a '- [ ]'"
        " choice [lenient-code]"
    ]


def test_moodle_gift_weighted_true_false_and_numeric_questions_are_said_in_a_question_too() -> None:
    """Moodle's own export weighs its answers ('~%100%C) 12'), and true/false ('{FALSE}') and numeric ('{#42}')
    questions have no '=': each was published, the answer in view, with no word (port bb 5). Pasted into a
    '::: question', each is an error that names GIFT (port bb 6). A title alone, or '{#id}' on a heading
    with no GIFT title, is no GIFT."""
    _, problems = parse(
        "::Q1:: Which? {\n~%0%A) five\n~%100%C) twelve\n}\n\n::Q2:: Processes first. {\nFALSE\n}\n\n"
        "::Question 5::Combien font 7 fois 6 ? {#42}\n\n::Q3:: True? {T}\n\n::Q4:: Pi? {~%50%3.1 ~%0%4}\n\n"
        "::A title:: with no answers.\n\n## Heading {#sec-1}\n"
    )
    assert [p.split(" is ")[0] for p in problems] == ["units/a.md:5: warning: '::Q1:: Which? {'"]
    assert "(and 4 more in this unit) [shown-as-text]" in problems[0]
    for alone in ("::Q5:: Combien ? {#42}\n", "::Q3:: True? {T}\n"):  # (each alone in a unit)
        assert "Moodle GIFT question" in "".join(parse(alone)[1]), alone
    _, problems = parse("::: question o\n::Q2:: Processes first. {\nFALSE\n}\n:::\n")
    assert "units/a.md:6: '::Q2:: Processes first. {' is a Moodle GIFT question" in "\n".join(problems)


def test_gift_in_a_question_is_its_one_error() -> None:
    """GIFT pasted into a '::: question' is the cause: "question has no answer: put an empty line before its
    '= answer' line" beside it sent the teacher looking for a line that is not there (port bb 6). A question
    with no answer and no GIFT in it still says so."""
    _, problems = parse(
        "::: question o\n::Q6:: How many? {\n~%0%A) 5\n~%100%C) 12\n}\n:::\n\n"
        "::: question o\n::Q2:: Processes first. {\nFALSE\n}\n:::\n\n::: question o\nWhat?\n:::\n"
    )
    problems = [p for p in problems if "unknown objective" not in p]  # (the test's unit has none)
    assert [p[:40] for p in problems] == [
        "units/a.md:6: '::Q6:: How many? {' is a ",
        "units/a.md:13: '::Q2:: Processes first. ",
        "units/a.md:18: question has no answer: a",
    ], problems


def test_knitted_webexercises_are_said_and_their_solutions_collapsed() -> None:
    """Knitting a psyTeachR book (as the '`r mcq(…)`' error advises) writes its questions as HTML with each
    answer in 'data-answer' or a radio's value='answer', and hide("Answer") as a div: both were published,
    the solution open under a button that did nothing, with no word (port cc 3)."""
    body = (
        "* Year: <select class='webex-solveme' data-answer='[\"2020\"]'> <option></option>"
        " <option>2019</option> <option>2020</option></select>\n"
        "* Pi: <input class='webex-solveme nospaces' size='4' data-answer='[\"3.14\"]'/>\n\n"
        "<div class='webex-radiogroup' id='radio_AB'><label><input type=\"radio\" autocomplete=\"off\""
        ' name="radio_AB" value=""></input> <span>no</span></label><label><input type="radio"'
        ' autocomplete="off" name="radio_AB" value="answer"></input> <span>yes</span></label></div>\n\n'
        "Tidy this table.\n\n<div class='webex-solution'><button>Answer</button>\n\n| id | fav |\n|--|--|\n"
        "| Lisa | SECRET |\n\n</div>\n\nAfter.\n"
    )
    html, problems = parse(body)
    assert [p.split(" holds")[0] for p in problems] == ["units/a.md:5: '<select'", "units/a.md:6: '<input'",
                                                        "units/a.md:8: '<input'"]  # fmt: skip
    assert "webexercises" in problems[0]
    assert boxes(html) == [("details", "ms-collapsed ms-collapsed--details", "Answer")]
    assert "<td>SECRET</td>" in html.split("<summary>Answer</summary>")[1] and "After." in html


def test_sphinx_dropdowns_and_toggles_through_pandoc_are_collapsed() -> None:
    """Sphinx's ':class: dropdown' (or 'toggle') on an admonition hides its answer behind a click; pandoc writes
    '::: {.admonition .dropdown, .warning}': it was shown open, and the classic '.. container:: toggle' was an
    unknown block whose advice, followed, published the solution open (port cc 14). A '.. container::' alone
    shows what it holds."""
    body = (
        "How many peaks?\n\n::: {.admonition .dropdown, .warning}\nSelect reproducible peaks.\n\n2692 SECRET\n:::\n\n"
        "::: {.note .dropdown}\nSECRET_NOTE\n:::\n\n"
        "::: {.container .toggle}\n::: {.container .header}\n**Show/Hide Solution**\n:::\n\nSECRET_OLD\n:::\n\n"
        "::: {.container}\nShown as it is.\n:::\n"
    )
    html, problems = parse(body)
    assert problems == []
    assert [b[0] for b in boxes(html)] == ["details", "details", "details"]
    assert boxes(html)[0][2] == "Select reproducible peaks."
    for secret in ("2692 SECRET", "SECRET_NOTE", "SECRET_OLD"):
        assert html.rindex("<details", 0, html.index(secret)) > html.rfind("</details>", 0, html.index(secret))
    assert "<p>Shown as it is.</p>" in html and html.rindex("</details>") < html.index("Shown as it is.")


def test_mdx_quiz_components_with_a_correct_answer_prop_are_errors() -> None:
    """'<MicroQuiz … correctAnswer="…" />' over several lines was shown as text, answer and all, and
    '<InlineCheck … correctAnswer="…" />' kept its answer in the page source under a warning that quoted the
    whole tag three times (port cc 25)."""
    _, problems = parse(
        'Text.\n\n<MicroQuiz\n  question="Why?"\n  options={[\n    "a",\n    "b"\n  ]}\n  correctAnswer="b"\n/>\n\n'
        '<InlineCheck\n  question="Where?"\n  correctAnswer="There"\n/>\n\n'
        'Inline <Check question="x" correct_answer="y" />.\n'
    )
    errors = [p.split(" holds right answers")[0] for p in problems if "warning" not in p]
    assert errors == ["units/a.md:7: '<MicroQuiz'", "units/a.md:16: '<InlineCheck'", "units/a.md:21: '<Check'"]
    assert not any("read as an HTML tag" in p for p in problems)


def test_cat_soop_questions_are_errors() -> None:
    """CAT-SOOP's '<question multiplechoice>' holds Python naming its answer ('csq_soln = [0,1,0,0]'): it was
    printed as text, the answer key of every question on the page (port cc 17)."""
    _, problems = parse(
        'Text.\n\n<question multiplechoice>\ncsq_prompt = "The height is:"\ncsq_soln = [0,1,0,0]\n'
        'csq_options = ["a", "b", "c", "d"]\n</question>\n\n```html\n<question>\ncsq_soln = 1\n</question>\n```\n'
    )
    assert [p.split(" holds right answers")[0] for p in problems if "warning" not in p] == ["units/a.md:7: '<question'"]


def test_jekyll_quizzes_that_show_their_answers_are_said() -> None:
    """The Raku course's '{:.quiz}' ('1 | 10', '0 | 20') and a site's '{% include quiz.html … answer="0x4e4" %}'
    printed their answers; the only advice was to paste the included file (port cc 37)."""
    _, problems = parse(
        "What does it print?\n\n{:.quiz}\n1 | 10\n0 | 20\n\nMore.\n\n"
        '{% include quiz.html\n  prompt="Which offset?"\n  answer="0x4e4"\n%}\n\nA table: {:.quiz} is a class.\n'
    )
    assert [p.split(" is ")[0] for p in problems] == [
        "units/a.md:7: warning: '{:.quiz}'",
        'units/a.md:13: warning: Jekyll (Liquid) tag \'{% include quiz.html prompt="Which offset?" answer="0x4e4...\'',
    ]
    assert "its 'answer=' (the right answer) is shown with it, to everyone" in problems[1]


def test_a_block_that_may_not_be_in_a_question_is_one_error_whatever_its_fence() -> None:
    """'::: hint' inside a '::: question' also got "opened … with a fence just as long: give 'question' a longer
    fence", whose advice only led back to the first error (new teacher cc 15)."""
    _, problems = parse("::: question o\nQ?\n\n::: hint\nThink.\n:::\n\n= 4\n:::\n")
    problems = [p for p in problems if "unknown objective" not in p]  # (the test's unit has none)
    assert [p.split(": ")[1][:28] for p in problems] == ["'hint' cannot be inside 'que"]


def test_an_openstax_solution_is_collapsed() -> None:
    """OpenStax's '<div data-type="solution">' (shown behind "Show solution" on openstax.org) was printed open
    under its problem (port cc 24)."""
    html, problems = parse(
        '<div data-type="exercise">\n<div data-type="problem"><p>Evaluate h(4).</p></div>\n'
        '<div data-type="solution" id="s1">\n<p>h(4) = SECRET</p>\n</div>\n</div>\n'
    )
    assert problems == [] and [b[0] for b in boxes(html)] == ["details"]
    assert html.index("<summary>") < html.index("SECRET") < html.index("</details>")


def test_a_div_html_never_shows_is_never_published() -> None:
    """An answer key hidden with HTML's own means ('<div hidden>', 'style="display:none"') was in the page's
    source and the search index, though the page never showed it (security round cc 5)."""
    html, problems = parse(
        'Q?\n\n<div hidden>\nKEY1\n</div>\n\n<div style="display:none">\nKEY2\n</div>\n\n'
        '<DIV STYLE="display: none;">\n\nKEY3\n\n</DIV>\n\n<div>\nshown\n</div>\n\n'
        '<div class="note">\nnone of it\n</div>\n'
    )
    assert "KEY" not in html and "shown" in html and "none of it" in html and problems == []
    # with other attributes, or on one line (a hand-written "Show answer" pair: port cc 34); not a word in
    # another attribute's value; and a lesson on HTML shows its code as written
    html, problems = parse(
        '<div id="k4" class="answer" style="color: red; display:none">\nKEY4\n</div>\n\n<div hidden>KEY5</div>\n\n'
        '<div title="a hidden gem">\nshown\n</div>\n\n```html\n<div hidden>\ncode\n</div>\n```\n'
    )
    assert "KEY" not in html and "shown" in html and problems == []
    assert '&lt;</span><span class="nt">div</span> <span class="na">hidden</span>' in html
    # however the tag is written, and any element (security round ff 03: each had been published)
    html, problems = parse(
        '<div class="note"\nhidden>\nKEY6\n</div>\n\n<div hidden\n>\nKEY7\n</div>\n\n'
        '<div style="display:&#110;one">\nKEY8\n</div>\n\n<div hidden><!-- </div> -->\nKEY9\n</div>\n\n'
        '<div hidden title="</div>">\nKEY10\n</div>\n\n> <div hidden>\n> KEY11\n> </div>\n\n'
        "<section hidden>\n\nKEY12\n\n</section>\n\n<p hidden>KEY13</p>\n\n"
        'Text <span style="display:none">KEY14</span> stays.\n\n```{=html}\n<div hidden>KEY15</div>\n```\n\n'
        '<p hidden="until-found">found on a search</p>\n\n<aside hidden>\n<aside>in</aside>\nKEY16\n</aside>\n'
    )
    assert "KEY" not in html and "Text  stays." in html and "found on a search" in html


def test_code_a_notebook_shows_folded_is_collapsed_under_its_title() -> None:
    """Colab's form cells ('#@title Solution' in a 'cellView="form"' cell: Colab shows the title alone) and
    Quarto's '#| code-fold: true' were shown open, the solution with them, and the '#@title' and '#|' lines
    printed as code (port cc 22, 23)."""
    html, problems = parse(
        'Exercise 1.\n\n```python cellView="form" id="x1"\n#@title Solution { display-mode: "form" }\nx = 42\n```\n\n'
        '```python\n# @title Load the data { display-mode: "form" }\nload()\n```\n\n'
        '```python\n#| code-fold: true\n#| code-summary: "Show the solution"\ny = 1\n```\n\n'
        "```python\n#| code-fold: true\nz = 2\n```\n\n"
        "```python\n#@title Shown, as Colab shows it\nw = 3\n```\n\n```python\n#| code-fold: show\nv = 4\n```\n"
    )
    assert [title for _, _, title in boxes(html)] == ["Solution", "Load the data", "Show the solution", "Code"]
    assert "@title" not in html.split("</details>")[-2] and "code-fold" not in html.split("</details>")[-2]
    assert html.index("<summary>Solution</summary>") < html.index(">42<") < html.index("</details>")
    assert "Shown, as Colab shows it" in html and ">4<" in html.split("</details>")[-1] and problems == []
    # the code keeps its lines: a mistake in it is said where it is
    _, problems = parse('```python\n#| code-fold: true\n#| code-summary: "S"\nz = 2\n```\n\n![A](missing.png)\n')
    assert problems == ["units/a.md:11: broken image 'missing.png': no file 'units/missing.png' in the course"]
    # in a question, code is shown as written (no box may be in a question), in a corrective folded
    body = "::: question o\nWhat?\n\n```python\n#| code-fold: true\ny = 1\n```\n\n= 2\n:::\n\n"
    body += "::: corrective o\nAgain.\n\n```python\n#| code-fold: true\nx = 1\n```\n\n:::\n"
    report = Report()
    unit = parse_unit(
        f"---\ntitle: T\nobjectives:\n  o: O\n---\n\n{body}", UnitSource("units/a.md", 0, None, "/x"), report
    )
    assert unit is not None and report.errors == [] and "<details" not in unit.questions[0].prompt_html
    assert "<summary>Code</summary>" in unit.correctives[0].html


def test_math_written_the_github_way_is_math() -> None:
    """GitHub's, GitLab's and Documenter.jl's display math in a '```math' fence had been shown as LaTeX source,
    and GitHub's inline '$`\\sqrt{3}`$' as a formula with two backticks in it (port cc 15)."""
    html, problems = parse("Wave:\n\n```math\n\\frac{a}{b} = c\n```\n\nRoot $`\\sqrt{3}`$ and $x$.\n")
    assert '<div class="math block">' in html and "<mfrac>" in html and "language-math" not in html
    assert "<msqrt><mrow><mn>3</mn></mrow></msqrt>" in html and "`" not in html and problems == []


def test_a_jupyterquiz_cell_is_said_hidden_or_shown() -> None:
    """Jupyter Book shows a 'remove-input' cell's output: a JupyterQuiz quiz ('display_quiz') had gone with no
    word; without the tag its code showed every '"correct": True' beside its answer, with a general warning
    (port cc 13)."""
    quiz = (
        'from jupyterquiz import display_quiz\nq = [{"answers": [{"answer": "A", "correct": True}]}]\ndisplay_quiz(q)\n'
    )
    _, problems = parse(f"Which?\n\n```{{code-cell}} python3\n---\ntags:\n  - remove-input\n---\n{quiz}```\n\n"
                        f"```{{code-cell}} ipython3\n{quiz}```\n")  # fmt: skip
    assert [p.split(":", 2)[1] + ":" + p.split(":", 2)[2][:40] for p in problems] == [
        "7: warning: JupyterQuiz's quiz (this cell'",
        "17: JupyterQuiz's quiz in a code cell is no",
    ]
    assert "[left-out]" in problems[0] and "write it as a '::: question'" in problems[1]
    _, problems = parse(f"```python\n{quiz}```\n")  # (jupytext's Markdown: a plain block)
    assert len(problems) == 1 and "JupyterQuiz's quiz in a code cell is not run here" in problems[0]


def test_runestone_and_sphinx_through_pandoc_gfm_are_read() -> None:
    """'pandoc -t gfm' writes Runestone's questions and Sphinx's dropdowns as raw divs: the right answers sat in
    the page's source ('correct="c"', 'match_1=…'), and the dropdowns were open, with no word (port cc 36)."""
    _, problems = parse(
        '<div class="mchoice" answer_a="a" answer_b="b" correct="b">\n\nWhich?\n\n</div>\n\n'
        '<div class="fillintheblank">\n\nName it: |blank|\n\n</div>\n\n'
        '<div class="dragndrop" match_1="3.14|||float">\n\nMatch.\n\n</div>\n'
    )
    assert [p.split(" holds")[0] for p in problems] == ["units/a.md:5: '<div'", "units/a.md:11: '<div'",
                                                        "units/a.md:17: '<div'"]  # fmt: skip
    html, problems = parse(
        '<div class="admonition dropdown">\n\nClick for the answer\n\nSECRET_1\n\n</div>\n\n'
        '<div class="note toggle">\n\nSECRET_2\n\n</div>\n'
    )
    assert problems == [] and [b[0] for b in boxes(html)] == ["details", "details"]
    for secret in ("SECRET_1", "SECRET_2"):
        assert html.rindex("<details", 0, html.index(secret)) > html.rfind("</details>", 0, html.index(secret))


def test_aiken_and_slidoc_answer_lines_are_said() -> None:
    """Moodle's Aiken ('A. …' then 'ANSWER: D') and Slidoc ('B*.. Lost', 'Answer: BC') published their right
    answers, and Aiken's only warning advised numbering its choices, which still published 'ANSWER: D' (port bb
    9). A lesson's own 'Answer: 42' with no Slidoc choices, or 'ANSWER: D' with no choices before it, is fine."""
    _, problems = parse(
        "Which?\nA. This one?\nB. That one?\nANSWER: B\n\n---\n\nPlays?\n\nA.. Won\n\nB*.. Lost\n\n"
        "Answer: BC\n\n---\n\nThe tyrant lizard?\n\nAnswer: T.Rex OR T Rex\n"
    )
    assert [p.split(" is ")[0] for p in problems] == ["units/a.md:8: warning: 'ANSWER: B'"]
    assert "Moodle Aiken question's right answer" in problems[0] and "(and 3 more in this unit)" in problems[0]
    _, problems = parse("Which?\nA. This\nB. That\nANSWER: B\n")  # (Aiken alone in a unit)
    assert len(problems) == 1 and "'ANSWER: B' is a Moodle Aiken question's right answer" in problems[0]
    _, problems = parse("Work it out.\n\nAnswer: 42\n\nANSWER: D\n\nSlidoc writes `A.. choice`.\n")
    assert problems == []


def test_galvanize_learn_challenges_keep_their_answers_back() -> None:
    """Ada Developers Academy's problem sets (Galvanize Learn: '### !challenge' … '##### !answer' …
    '##### !explanation') published the answer and its explanation under the options, and the markers as
    headings, with no word (port bb 1). The question and its options stay; in code, all is code."""
    html, problems = parse(
        "### !challenge\n* type: multiple-choice\n* id: rhpVnF\n##### !question\n\nHow fast?\n\n"
        "##### !end-question\n##### !options\n\n* O(1)\n* O(n)\n\n##### !end-options\n##### !answer\n\n"
        "* ANSWER O(n)\n\n##### !end-answer\n##### !explanation\n\nEXPLAINED linearly.\n\n"
        "##### !end-explanation\n### !end-challenge\n\nAfter.\n\n```md\n##### !answer\nkept\n```\n"
    )
    assert problems == [
        "units/a.md:19: warning: Galvanize Learn's '!answer' and '!explanation' sections are left out (learners"
        " see them only once they have answered); ask the challenge as a '::: question' with '- [x]' choices or"
        " '= answer' and '> explanation' [left-out]"
    ]
    assert "How fast?" in html and "<li>O(n)</li>" in html and "<p>After.</p>" in html and "kept" in html
    assert "ANSWER" not in html and "EXPLAINED" not in html and "!challenge" not in html and "rhpVnF" not in html
    html, problems = parse("### !callout-info\n\n## HTTPS\n\nSecure.\n\n### !end-callout\n")  # (port bb 22)
    assert problems == [] and boxes(html) == [("aside", "ms-callout ms-callout--note", "HTTPS")]  # (its heading)
    assert "Secure." in html.split("ms-callout--note")[1] and "!callout" not in html


def test_pandocs_only_and_contents_from_restructuredtext_are_read() -> None:
    """pandoc writes Sphinx's '.. only:: html' as '::: only' with the expression on its first line, and
    '.. contents::' as '::: {.contents …}': each had been an 'unknown block' error whose advice published the
    PDF's branch too (port bb 13). The web's branch is shown, another's never published; the contents none."""
    html, problems = parse(
        '::: {.contents local="" depth="1"}\n:::\n\n::: only\nlatex\n\nONLY_PDF here.\n:::\n\n'
        "::: only\nhtml\n\nOnly on the web.\n:::\n"
    )
    assert problems == [] and "ONLY_PDF" not in html and "<p>Only on the web.</p>" in html
    assert "latex" not in html and "html\n" not in html
    # sphinx-togglebutton's '.. toggle::' and sphinx-design's '.. dropdown::', as pandoc writes them: collapsed
    html, problems = parse("::: toggle\nThe answer is 4.\n:::\n\n::: dropdown\nFour.\n:::\n")
    assert problems == [] and [b[1] for b in boxes(html)] == ["ms-collapsed ms-collapsed--details"] * 2


def test_a_gitbook_exercise_says_its_solution_is_published() -> None:
    """GitBook's exercise plugin ('{% exercise %}' … '{% solution %}' … '{% endexercise %}') published its
    solution; the warning called it Jekyll's and did not say so (port bb 8)."""
    _, problems = parse(
        "{% exercise %}\nCreate `a`.\n{% solution %}\nvar a;\n{% validation %}\na;\n{% endexercise %}\n"
    )
    assert problems == [
        "units/a.md:5: warning: GitBook tag '{% exercise %}' is shown as text: GitBook's exercise is not read here:"
        " its '{% solution %}' and '{% validation %}' are shown to everyone; write it as a '::: practice' with its"
        " solution in a '::: solution' block, or as a '::: question' [shown-as-text]"
    ]


def test_gaps_written_with_their_answers_and_hidden_code_of_other_tools() -> None:
    """Anki's '{{c1::Berlin}}', Moodle's Cloze '{1:SHORTANSWER:=Berlin}' and MDN's '{{glossary("HTML")}}' were
    published with no word, and MDN's '```js hidden' (the exercise's solution) and jupytext's exercise2
    '```python solution2="hidden"' were shown as code (port bb 28, 30, 33, 34). In code, all is code."""
    html, problems = parse(
        "{{c1::Berlin}} is the capital of {{c2::Germany::country}}.\n\n{1:SHORTANSWER:=Paris} and"
        ' {2:NUMERICAL:=100:0.5}.\n\nSee {{glossary("HTML")}}.\n\n```js hidden\nconst SOLVED = 1;\n```\n\n'
        '```python solution2="hidden"\nANSWERED = 2\n```\n\n`{{c1::code}}` and `{1:SA:=code}` stay.\n'
    )
    assert [p.split(": warning: ")[1][:40] for p in problems] == [
        "Anki's cloze deletion '{{c1::Berlin}}' i",
        "Moodle's Cloze gap '{1:SHORTANSWER:=Pari",
        "MDN's macro '{{glossary(\"HTML\")}}' is sh",
        "code block '```js hidden' is left out: M",
    ]
    assert "write a blank '[[Berlin]]'" in problems[0] and "as is 1 more in this unit" in problems[0]
    assert "SOLVED" not in html and "ANSWERED" in html.split("ms-collapsed--solution")[1]
    assert "Moodle's Cloze gap" in "".join(parse("{1:MCV:=CO2~O2~N2} is it.\n")[1])  # (alone in a unit too)
    # Logseq's flash card gap (port cc F35: published with no word)
    assert parse("The capital of Germany is {{cloze Berlin}} #card\n\n`{{cloze code}}` stays.\n")[1] == [
        "units/a.md:5: warning: Logseq's cloze '{{cloze Berlin}}' is shown as text, its answer for everyone: write a"
        " blank '[[Berlin]]' in a '::: question' instead [shown-as-text]"
    ]


def test_what_slides_hold_back_until_a_click_is_held_back() -> None:
    """Slidev's '<v-click>' holding '**Answer: B**' is collapsed (another is shown), pandoc's pause '. . .'
    shows nothing, remark's presenter notes after '???' are never published (port bb 25, 26, 27: each had
    printed the answer under its question); choices on lines of their own, hard breaks after them, are no
    lettered list run together."""
    html, problems = parse(
        "**Which?**\n\nA) One  \nB) Two\n\n<v-click>\n\n**Answer: B**\n\nBecause.\n\n</v-click>\n\n"
        "<v-click>\n\nA point made on a click.\n\n</v-click>\n\n---\n\nWhat is 2 + 2?\n\n. . .\n\n"
        "4, said after a pause.\n\n"
        "???\n\nASK the class first (Answer: 4).\n\n---\n\nNext slide.\n"
    )
    assert boxes(html) == [("details", "ms-collapsed ms-collapsed--details", "Answer")]
    assert "Because." in html.split("ms-collapsed--details")[1] and "<p>A point made on a click.</p>" in html
    assert ". . ." not in html and "ASK" not in html and "???" not in html and "<p>Next slide.</p>" in html
    assert problems == [
        "units/a.md:32: warning: remark's presenter notes (after '???', up to the next slide) are left out: they are"
        " the presenter's, never shown on the slide [left-out]"
    ]


def test_nunjucks_comments_are_never_published() -> None:
    """web.dev's Learn courses (Eleventy, Nunjucks): '{# TODO … #}' and an instructor's note with its answer
    in '{# … #}' were published (port bb 32). Lines keep their numbers; pandoc's '{#id}' and code are kept."""
    html, problems = parse(
        "{# TODO(kayce): remove the ToC. #}\n\n## Heading {#sec-1}\n\nText {#- SECRET note,\nover lines -#} more."
        "\n\n`{# kept #}` and [link](#sec-1)\n\n<span>x</span> {x\n"
    )
    assert "TODO" not in html and "SECRET" not in html and 'id="sec-1"' in html and "{# kept #}" in html
    assert "<p>Text\nmore.</p>" in html and problems == []


def test_marps_image_directive_is_no_alt_text() -> None:
    """Marp's '![bg width:400pt](x.png)' gave the picture the alt text 'bg width:400pt', read aloud, and
    [no-alt] was satisfied (port bb 12). A real alt, even 'cover', is one."""
    _, problems = parse("![bg width:400pt height:350pt](x.png)\n\n![w:200](y.png)\n\n![cover](z.png)\n")
    assert [p.split(": warning: ")[1].split(" for its alt")[0] for p in problems if "warning" in p] == [
        "image 'x.png' has Marp's directive 'bg width:400pt height:350pt'",
        "image 'y.png' has Marp's directive 'w:200'",
    ]


def test_a_jetbrains_hint_div_is_a_collapsed_hint() -> None:
    """JetBrains Academy's tasks (the Apache Beam katas): '<div class="hint">', folded in the IDE, had been
    shown open (port bb 23)."""
    html, problems = parse('Write it.\n\n<div class="hint">\n\nUse `beam.Create`.\n\n</div>\n\nAfter.\n')
    assert problems == [] and boxes(html) == [("details", "ms-collapsed ms-collapsed--hint", "<!--ms-t:block_hint-->")]
    assert "beam.Create" in html.split("ms-collapsed--hint")[1]


def test_markdoc_answers_details_and_callouts_are_read() -> None:
    """Markdoc (Dagster University): a code block '{% obfuscated="true" %}' is hidden behind "View answer",
    and had been shown open; '{% details %}' … '{% /details %}' had been shown open, the tags as text; a
    self-closed '{% image … /%}' was called Jekyll's, its code lost from the quote (port bb 2, 3)."""
    html, problems = parse(
        'Click **View answer**.\n\n```python {% obfuscated="true" %}\nSOLVED = 1\n```\n\n'
        '{% details summary="Hint" %}\nUse `get`.\n{% /details %}\n\n{% callout type="warning" title="Mind" %}\n'
        'Careful.\n{% /callout %}\n\n{% image src="/a.png" caption="`bunx` vs `npx`" /%}\n\n```python\nshown = 1\n```\n'
    )
    assert boxes(html) == [
        ("details", "ms-collapsed ms-collapsed--solution", "<!--ms-t:block_solution-->"),
        ("details", "ms-collapsed ms-collapsed--details", "Hint"),
        ("aside", "ms-callout ms-callout--warning", "Mind"),
    ]
    assert "SOLVED" in html.split("ms-collapsed--solution")[1] and "obfuscated" not in html
    assert 'class="language-python"' in html and "{%" not in html.split("{% image")[0]
    assert problems == [
        'units/a.md:19: warning: Markdoc tag \'{% image src="/a.png" caption="`bunx` vs `npx`" /%}\' is shown as'
        " text: it is not read here: write what it should show, or leave it out [shown-as-text]"
    ]


def test_pressbooks_hidden_answers_are_collapsed() -> None:
    """Pressbooks' '[reveal-answer]' / '[hidden-answer]' had shown the answer as text, and their HTML form
    hid it for good (port z 8): a collapsed block titled as the button."""
    html, problems = parse(
        'Solve 2x = 8.\n\n[reveal-answer q="1"]Show Answer[/reveal-answer]\n'
        '[hidden-answer a="1"]x = 4[/hidden-answer]\n\n'
        '[reveal-answer q="2"]See it[/reveal-answer]\n\n[hidden-answer a="2"]\n\n*y* = 4\n\n[/hidden-answer]\n\n'
        '<div class="qa-wrapper"><span class="show-answer collapsed" data-target="q3">Show Answer</span>'
        '<div id="q3" class="hidden-answer" style="display: none">z = 4</div></div>\n'
    )
    assert "<details><summary>Show Answer</summary>x = 4</details>" in html
    assert "<details><summary>Show Answer</summary>z = 4</details>" in html and "display: none" not in html
    assert boxes(html)[-1][2] == "See it" and "<em>y</em> = 4" in html
    assert "reveal-answer" not in html and "hidden-answer" not in html and problems == []


def test_mkdocs_quiz_explanation_may_hold_a_list_and_code_in_a_tab_is_kept() -> None:
    """mkdocs-quiz's own quick start: a list in what follows the choices (the explanation) had been taken
    for the choices, and the quiz refused (port z 6); a '<quiz>' shown in a code block inside a tab had
    been rewritten (port z 12)."""
    html, problems = parse(
        "<quiz>\nWhat is MkDocs?\n- [x] A site generator\n- [ ] A database\n\n## More\n\nFast.\n\n"
        "- [Docs](https://www.mkdocs.org)\n- [Code](https://github.com/mkdocs/mkdocs)\n\n</quiz>\n\n"
        '=== "Syntax"\n\n    ```markdown\n    <quiz>\n    Which?\n    - [x] 2\n    </quiz>\n    ```\n'
    )
    assert [p for p in problems if "warning" not in p] == []
    assert "&lt;quiz&gt;" in html and "?quiz?" not in html
    html, problems = parse(  # a list in the question, before its choices
        "<quiz>\nGiven:\n\n- a = 1\n- b = 2\n\nWhat is a + b?\n\n- [x] 3\n- [ ] 4\n\nAs 1 + 2 = 3.\n</quiz>\n"
    )
    assert [p for p in problems if "warning" not in p] == [] and "checked" not in html and "<form" in html


def test_gitbook_pictures_and_columns() -> None:
    """GitBook keeps every picture in '.gitbook/assets/' (hidden, so never published): the error says where to
    move them (port z 7); its '{% columns %}' / '{% column %}' tags had been shown as text."""
    from masterysite.parse.links import unpublished

    assert unpublished("units/.gitbook/assets/02.png", set()).endswith(
        "move GitBook's '.gitbook/assets/' into assets/ (and link to it there)"
    )
    assert "course settings" in unpublished("units/.git/config", set())
    html, problems = parse(
        "{% columns %}\n{% column %}\nLeft.\n{% endcolumn %}\n\n"
        "{% column %}\nRight.\n{% endcolumn %}\n{% endcolumns %}\n"
    )
    assert "{%" not in html and "<p>Left.</p>" in html and "<p>Right.</p>" in html and problems == []


def test_vitepress_block_flags_obsidian_pictures_and_mystmd_proofs() -> None:
    """VitePress' '::: details Code {open}' and '::: tip {no-title}' had their flags in the title; Obsidian's
    '![[diagram.png|300]]' was shown as written, the picture unpublished; mystmd's '{proof:theorem}' was code
    and its label lost; '```{myst}' was told to run knitr; '::: v-pre' was not told what to do (port z 10-15)."""
    html, problems = parse(
        "::: details Code {open}\nhi\n:::\n\n::: tip {no-title}\nT\n:::\n\n"
        "Here ![[x.png|300]] and `![[y.png]]`.\n\n"
        "```{proof:theorem} Orthogonal\n:label: my-thm\n\nA thing.\n```\n\nSee [](#my-thm).\n\n"
        "````{myst}\n:::{note}\nHi\n:::\n````\n\n::: v-pre\nx\n:::\n"
    )
    assert '<details class="ms-collapsed ms-collapsed--details" open>\n<summary>Code</summary>' in html
    assert "{no-title}" not in html and "<!--ms-t:block_tip-->" in html
    assert 'src="x.png"' in html and 'width="300"' in html and "<code>![[y.png]]</code>" in html
    assert "Theorem (Orthogonal)</p>" in html and '<a href="#my-thm">Theorem (Orthogonal)</a>' in html
    assert [p[:40] for p in problems] == [
        "units/a.md:13: broken image 'x.png': no ",
        "units/a.md:13: warning: image 'x.png' ha",
        "units/a.md:23: warning: MyST directive '",
        "units/a.md:29: unknown block 'v-pre' (qu",
    ]
    assert problems[2].endswith(
        "'```{myst}' is shown as code: its Markdown source is shown, not what it makes (write the example a second"
        " time, as Markdown) [shown-as-text]"
    )
    assert problems[3].endswith(
        "it is VitePress' way to keep Vue from reading what it holds, which is not needed here: remove its ':::' lines"
    )


def test_mystmd_link_text_placeholders_read_the_targets_title() -> None:
    """mystmd's '[{name}](#x)' and '[Exercise {number}](#x)' had read '{name}' and '{number}' (port z 14)."""
    html, problems = parse(
        "```{exercise} Factorial\n:label: nfactorial\n\nWrite it.\n```\n\n"
        "See [{name}](#nfactorial), [Exercise {number}](#nfactorial), {ref}`{name} <nfactorial>`"
        " and [the one](#nfactorial).\n"
    )
    assert "{name}" not in html and "{number}" not in html and problems == []
    assert html.count('<a href="#nfactorial">Factorial</a>') == 3
    assert '<a href="#nfactorial">the one</a>' in html


def test_a_link_to_an_untitled_exercise_reads_as_its_box() -> None:
    """A link with no text, a '{name}' or a '{ref}' to an exercise with no title had read its label
    ('my-exercise') where the box reads "Exercise" (port z 14); in the course's language, as the box."""
    body = (
        "```{exercise}\n:label: my-exercise\n\nWrite it.\n```\n\n"
        "See [](#my-exercise), [{name}](#my-exercise) and {ref}`my-exercise`.\n"
    )
    html, problems = parse(body)
    assert problems == [] and "my-exercise</a>" not in html
    assert html.count('<a href="#my-exercise"><!--ms-t:block_practice--></a>') == 3
    assert '<p class="ms-practice__title" id="ms-block-1-title"><!--ms-t:block_practice--></p>' in html


def test_a_notebook_converted_by_pandoc_keeps_its_cells_tags_and_outputs() -> None:
    """'pandoc -f ipynb' writes each cell as '::: {.cell .code tags="[\\"remove-cell\\"]"}': such a cell was
    published, a cell with JSON metadata ('slideshow="{\\"slide_type\\":\\"slide\\"}"') was an unknown block
    '{.cell', and each output ('::: {.output .stream .stdout}') an unknown block too (port ff 09)."""
    html, problems = parse(
        '::: {.cell .markdown slideshow="{\\"slide_type\\":\\"slide\\"}"}\nExercise.\n:::\n\n'
        '::: {.cell .code tags="[\\"remove-cell\\"]"}\n``` python\nSECRET = 42\n```\n:::\n\n'
        '::: {.cell .code tags="[\\"remove-input\\"]"}\n``` python\nSECRET_INPUT = 43\n```\n:::\n\n'
        '::: {.cell .code execution_count="2"}\n``` python\nprint(2 + 2)\n```\n\n'
        "::: {.output .stream .stdout}\n    4\n:::\n:::\n"
    )
    assert problems == [] and "SECRET" not in html and "Exercise." in html
    assert "print" in html and "<pre><code>4\n</code></pre>" in html
    # remove-input: the code goes, its output stays, as Jupyter Book shows it (review gg 03)
    html, problems = parse(
        '::: {.cell .code tags="[\\"remove-input\\"]"}\n``` python\nplot_secret()\n```\n\n'
        "::: {.output .stream .stdout}\n    the output\n:::\n:::\n"
    )
    assert problems == [] and "plot_secret" not in html and "the output" in html
    # hide-input, hide-output, hide-cell: collapsed, as Jupyter Book shows them (a MyST code-cell's are too)
    cell = '::: {{.cell .code tags="[\\"{tag}\\"]"}}\n``` python\nsolve()\n```\n\n'
    cell += "::: {{.output .stream .stdout}}\n    42\n:::\n:::\n"
    shown = {}
    for tag in ("hide-input", "hide-output", "hide-cell", "hide_input"):
        html, problems = parse(cell.format(tag=tag))
        assert problems == [] and "solve" in html and "42" in html
        marked = re.sub("<details[^>]*>", "<details>", html).replace("</summary>", "|")
        shown[tag] = re.sub(r"<(?!/?details)[^>]*>|\s", "", marked)
    assert shown == {
        "hide-input": "<details>|solve()</details>42",
        "hide-output": "solve()<details>|42</details>",
        "hide-cell": "<details>|solve()42</details>",
        "hide_input": "<details>|solve()</details>42",
    }


def test_two_headings_given_one_id_get_two_ids() -> None:
    """pandoc writes a notebook's repeated heading with its id each time ('## 練習 {#練習}'): both had that id,
    and the page's contents and every link led to the first (port ff 12). The second is '練習-1'."""
    html, problems = parse("## 練習 {#練習}\n\nA\n\n## 練習 {#練習}\n\nB\n\n## 練習\n\nC\n")
    assert re.findall(r'<h2 id="([^"]+)"', html) == ["練習", "練習-1", "練習-2"] and problems == []


def test_a_hidden_element_without_its_end_tag_ends_where_a_browser_ends_it() -> None:
    """'<p hidden>' with no '</p>' (valid HTML) had hidden the rest of the lesson: the headings and text after
    it (review gg 01). It ends where a browser ends it: at the next block, item or row, or its parent's end."""
    html, problems = parse(
        "<p hidden>Answer: 42\n\n## After\n\nVisible.\n\n<ul><li hidden>secret D<li>shown E</ul>\n\n"
        '<table><tr hidden><td>secret F<tr><td>shown G</table>\n\n<p style="display:none">note N\n<p>Shown O</p>\n\n'
        "<div><p hidden>secret P</div>\n\nAfter its div.\n"
    )
    assert "42" not in html and "secret" not in html and "note N" not in html and not problems
    assert all(
        w in html for w in ("After", "Visible.", "shown E", "shown G", "Shown O", "After its div.", "<div></div>")
    )


def test_a_video_written_as_an_image_is_a_link_to_it() -> None:
    """learnr and R Markdown lessons show a video as an image, '![](https://vimeo.com/203516510)': an image of
    a web page, which no browser shows, and the advice (copy it in, or 'csp: false') could not mend it
    (port ee 04). It is a link to the video, its words the alt text or the address; a thumbnail stays."""
    html, problems = parse(
        "![](https://vimeo.com/203516510)\n\n![Intro <video>](https://youtu.be/dQw4w9WgXcQ)\n\n"
        "[![Thumbnail](https://img.youtube.com/vi/x/0.jpg)](https://www.youtube.com/watch?v=x)\n\n"
        "![Logo](https://www.youtube.com/img/desktop/yt_1200.png)\n"
    )
    assert '<a href="https://vimeo.com/203516510">https://vimeo.com/203516510</a>' in html
    assert '<a href="https://youtu.be/dQw4w9WgXcQ">Intro &lt;video&gt;</a>' in html
    assert '<img src="https://img.youtube.com/vi/x/0.jpg" alt="Thumbnail"' in html
    assert '<img src="https://www.youtube.com/img/desktop/yt_1200.png"' in html
    assert [p.split("[")[-1] for p in problems] == ["external-image]"] * 4
    assert "is a video on another site, which a page cannot show as a picture: it is shown as a link" in problems[0]


def test_mkdocs_macros_calls_are_left_out_and_said() -> None:
    """A French NSI course hides each exercise's correction in '{{ correction(False, \"\"\"…\"\"\") }}', which its
    main.py turns into nothing until the teacher releases it: it was published, the correction open, with
    no word (port hh 01). Every call Jinja-like is left out now and said; LaTeX's double braces, code and a
    Vue expression are not calls."""
    body = (
        '{{initexo(0)}}\n\n!!! example "{{ exercice() }}"\n    Quelle couleur ?\n\n    {{\n    correction(False,\n'
        '    """\n    ??? success "Correction"\n        SECRET-SOLUTION (#FFFFFF) }}\n    """\n    )\n    }}\n\n'
        "After $\\frac{{f(x)}}{2}$ and `{{ shown('x') }}`, {{ count }} and {{ f('it''s') | safe }}.\n"
    )
    html, problems = parse(body)
    assert "SECRET" not in html and "initexo" not in html and "exercice" not in html and "Quelle couleur" in html
    assert "{{ shown(&#x27;x&#x27;) }}" in html or "{{ shown('x') }}" in html
    assert "{{f(x)}}" in html.replace("{{ f", "") or "frac" in html
    assert "{{ f(" not in html and "After" in html
    assert problems[0] == (
        "units/a.md:5: warning: mkdocs-macros call '{{initexo(0)}}' is left out, as are 3 more in this unit: the"
        " course's Python (main.py) makes what it shows, and does not run here; write that in its place [left-out]"
    )
    assert "template expression '{{ count }}' (Vue's, Jinja's, Handlebars') is shown as text: nothing" in problems[1]
    _, problems = parse('Try it:\n\n{{EmbedLiveSample("demo")}}\n')  # MDN's own, said as MDN's
    assert [p.split(": warning: ")[1][:40] for p in problems] == ["MDN's macro '{{EmbedLiveSample(\"demo\")}}"]


SOURCE = UnitSource("units/a.md", 0, None, "/nonexistent")


def test_a_formula_that_wraps_onto_a_line_starting_with_an_equals_sign_is_not_an_answer() -> None:
    """QuantEcon's exercise 'when $p^*_{T+1} = 0$ and $\\delta' / '= 0.98$.' became a checked exercise whose only
    right answer was '0.98$.', and a question's '$a' / '== b$ for all a?' an exact answer line, silently
    (port hh 03). A line inside a formula that goes on from the line before is the formula's, not an answer."""
    exercise = "::: exercise\nCompute it when $p = 0$ and $\\delta\n= 0.98$.\n:::\n"
    html, problems = parse(exercise)
    assert problems == [] and "ms-practice__form" not in html and "0.98" in html
    head = "---\ntitle: T\nobjectives:\n  o: O\nignore: [no-corrective, no-enrichment, small-pool]\n---\n\n"
    report = Report()
    unit = parse_unit(head + "::: question o\nIs $a\n== b$ for all $a$?\n\n= no\n:::\n", SOURCE, report)
    assert unit is not None and [a.text for a in unit.questions[0].answers] == ["no"], unit.questions
    assert not [str(p) for p in report.sorted() if "answer" in str(p)], report.sorted()
    report = Report()  # a question whose only '=' line is its formula's: no answer, said so (not '0.98$.')
    parse_unit(head + "::: question o\nCompute it when $\\delta\n= 0.98$.\n:::\n", SOURCE, report)
    assert "question has no answer: add choices" in " ".join(map(str, report.errors))
    glued = "::: exercise\nHow much is $2 + 2$?\n= 4\n:::\n"  # (a closed formula: the answer glued on is one)
    assert "ms-practice__form" in parse(glued)[0]


def test_liascript_hints_right_below_the_blank_are_hints() -> None:
    """LiaScript writes its hints on the lines right below a blank, '[[x++;|++x;]]' / '[[?]] `++` increments':
    each was an error, "must start its own paragraph", though a '[[?]]' line anywhere in a question is a hint
    (SPEC; port hh 04)."""
    head = "---\ntitle: T\nobjectives:\n  o: O\n---\n\n"
    body = "::: question o\nIncrement x:\n\n[[x++;|++x;]]\n[[?]] `++` increments a variable.\n"
    body += "[[?]] Do not forget `;`.\n:::\n"
    report = Report()
    unit = parse_unit(head + body, SOURCE, report)
    assert unit is not None and not report.errors, report.errors
    (question,) = unit.questions
    assert question.kind == "blanks" and len(question.hints) == 2 and "<code>++</code>" in question.hints[0]
    assert "[[?]]" not in question.prompt_html
    report = Report()  # (below the prompt too: 'Which?' / '[[?]] glued hint' had been the same error)
    unit = parse_unit(head + "::: question o\nWhich?\n[[?]] glued hint\n\n= a\n:::\n", SOURCE, report)
    assert unit is not None and not report.errors and unit.questions[0].hints == ("glued hint",)


def test_liascripts_selection_in_a_question_is_refused_with_its_choices() -> None:
    """LiaScript's selection '[[ int | (double) | char ]]' (the right option in brackets): check advised writing it
    without spaces, which made a blank where every option was right, in prose and in code; edX's dropdown
    '[[int, (double), char]]' too (jj port 0a). An error that writes the choices; '[[(a+b)|a+b]]' is a blank."""
    head = "---\ntitle: T\nobjectives:\n  o: O\n---\n\n"
    said = (
        "is LiaScript's selection (the right option in brackets); as a blank every option would be right: write it"
        " as a question with choices, one a line: '- [ ] int' '- [x] double' '- [ ] char'"
    )
    for written in ("[[ int | (double) | char ]]", "[[int|(double)|char]]", "[[int, (double), char]]"):
        for body in (f"Type: {written} x = 3.5;\n", f"Type:\n\n```c\n{written} x = 3.5;\n```\n"):
            report = Report()
            parse_unit(head + "::: question o\n" + body + ":::\n", SOURCE, report)
            assert [str(p) for p in report.problems if p.code not in ("small-pool", "no-enrichment", "no-corrective")]
            assert [str(e) for e in report.errors] == [f"units/a.md:{report.errors[0].line}: '{written}' {said}"]
    report = Report()
    unit = parse_unit(head + "::: question o\nSum: [[(a+b)|a+b]]\n:::\n", SOURCE, report)
    assert unit is not None and not report.errors and unit.questions[0].kind == "blanks"


def test_liascripts_checking_script_in_a_question_is_refused() -> None:
    """LiaScript checks a text quiz's alternatives in a '<script>' under the blank ('input == "x++;" || …'); kept
    in a ported question it was published in the question's HTML, every right answer in the page source, with
    only a warning that it "does not run" (jj port 0d). An error at the script; in the lesson it is no error."""
    head = "---\ntitle: T\nobjectives:\n  o: O\n---\n\n"
    script = '<script>\nlet input = "@input".trim()\ninput == "x++;" || input == "++x;"\n</script>\n'
    report = Report()
    unit = parse_unit(head + "::: question o\nShorten `x=x+1;`\n[[x++;]]\n" + script + ":::\n", SOURCE, report)
    assert unit is not None and not unit.questions
    assert [str(e) for e in report.errors] == [
        "units/a.md:10: a '<script>' in a question is in the page before the student answers, with what it holds"
        " (LiaScript checks a blank's answers in one): remove it, and write each right answer in the blank or as"
        " an answer line ('[[x++;|++x;]]', '= …')"
    ]
    report = Report()
    unit = parse_unit(head + "Lesson.\n\n" + script, SOURCE, report)
    assert unit is not None and not report.errors


def test_liascript_macros_are_said_once_a_unit_as_liascripts() -> None:
    """'@LIA.eval(…)' under each program and '@author' in a LiaScript course's header table were 53 "citation"
    warnings in two units, each advising to write the reference out (port hh 06). They are LiaScript's macros,
    said once a unit as such; a citation is still one."""
    body = (
        "| **Veranstaltung:** | @config.lecture |\n|---|---|\n| **Autoren** | @author |\n\n"
        '```cpp\nint main() { return 0; }\n```\n@LIA.eval(`["main.cpp"]`, `g++ main.cpp`, `./a.out`)\n\n'
        '```cpp\nint main() { return 1; }\n```\n@LIA.eval(`["main.cpp"]`, `g++ main.cpp`, `./a.out`)\n\n'
        "As [@knuth1984] shows.\n"
    )
    _, problems = parse(body)
    assert [p.split(": warning: ")[1][:30] for p in problems] == [
        "LiaScript macro '@config.lectu",
        "citation '[@knuth1984]' is sho",
    ], problems


def test_a_sentence_in_escaped_parentheses_is_no_formula() -> None:
    """GitBook escapes every parenthesis, '\\(Puedes ejecutarlo desde la terminal\\)', and the page shows it as
    one: check had said it was math written between '\\(' and '\\)' and advised dollars, which would have turned
    the sentence into a formula (port hh 07). A formula there is still said."""
    _, problems = parse("Resuelve 6 puntos \\(Puedes ejecutarlo desde la terminal y ver el resultado\\).\n")
    assert problems == []
    _, problems = parse("Compute \\(x^2 + 1\\) first.\n")
    assert len(problems) == 1 and "'\\(x^2 + 1\\)'" in problems[0]


def test_liascript_quizzes_kept_as_written_get_one_clear_error_each() -> None:
    """A LiaScript choice row '- [[ ]] …' was two errors, its own and "an empty blank" (port hh 14); a LiaScript
    prompt written as a quote, '> Which keyword?' / '[[import]]', took the blank into the quote, and the error
    said only "no answer" (port hh 09)."""
    head = "---\ntitle: T\nobjectives:\n  o: O\n---\n\n"
    report = Report()
    parse_unit(head + "::: question o\nWhich?\n\n- [[X]] Imperativ\n- [[ ]] Nur funktional\n:::\n", SOURCE, report)
    assert [str(p).split(": ", 1)[1][:30] for p in report.errors] == [
        "'- [[X]] Imperativ' is LiaScri",
        "'- [[ ]] Nur funktional' is Li",
    ]
    report = Report()
    parse_unit(head + "::: question o\n> Mit welchem Schlüsselwort?\n[[import]]\n:::\n", SOURCE, report)
    assert [str(p) for p in report.errors] == [
        "units/a.md:7: question has no answer: its blank is inside a '>' quote (a quote goes on over the lines"
        " below it), which a question reads as its explanation: write the question's text without the '>'"
    ]


def test_liascript_animation_steps_are_left_out() -> None:
    """LiaScript's '{{1}}' alone on a line marks what a click reveals; here everything shows at once, and the
    markers had been printed as text, 70 in two units (port hh 08). In code they stay."""
    html, problems = parse(
        "Intro.\n\n{{1}}\n****\n\nRevealed.\n\n****\n\n" + " " * 25 + "{{0-1}}\nAlso.\n\n```\n{{2}}\n```\n"
    )
    assert "{{1}}" not in html and "{{0-1}}" not in html and "Revealed." in html and "Also." in html
    assert "{{2}}" in html and problems == []


def test_mhchem_is_said_as_mhchem_not_as_a_lessons_own_macro() -> None:
    """'\\ce{CO2 + H2O -> H2CO3}' (mhchem, which MathJax loads by itself: Jupyter Book and Quarto lessons use it) was
    "a command LaTeX does not have … a macro of the lesson's own?", advice that leads nowhere (jj new 4)."""
    _, problems = parse_lesson("$\\ce{CO2 + H2O -> H2CO3}$ and $\\ce{Na+}$\n")
    assert len(problems) == 1 and "uses '\\ce' of mhchem, the chemistry package MathJax loads by itself" in problems[0]
    assert "write the formula out ('\\mathrm{CO_2 + H_2O \\rightarrow H_2CO_3}'" in problems[0]


def test_objective_ids_made_from_words_that_start_alike_are_said() -> None:
    """A Spanish lesson's objectives, "Ser capaz de …" each, were 'ser-capaz', 'ser-capaz-de', 'ser-capaz-de-saltar':
    which is which depended on the order of the list, and one added above silently moved a question to another
    objective (jj port 6). A warning, once, with an id to write; English ids that name their objective, none."""
    listed = (
        "---\ntitle: T\nobjectives:\n  - Ser capaz de hacer subconjuntos.\n  - Ser capaz de extraer elementos.\n---\n"
    )
    report = Report()
    parse_unit(listed + "\nText.\n", SOURCE, report)
    assert [str(p) for p in report.problems if p.code == "objective-ids"] == [
        "units/a.md:4: warning: the objectives' ids made from their words start alike, 'ser-capaz' and 'ser-capaz-de':"
        " which is which depends on the order of the list, and one added above moves a question to another objective;"
        " give each an id of its own, 'id: what the student can do' ('subconjuntos: Ser capaz de hacer"
        " subconjuntos.') [objective-ids]"
    ]
    report = Report()
    parse_unit("---\ntitle: T\nobjectives:\n  - List files.\n  - Create a directory.\n---\n\nText.\n", SOURCE, report)
    assert [p for p in report.problems if p.code == "objective-ids"] == []
