"""What ports of real Quarto and MkDocs Material lessons found (a compvis lecture site, hopr, UPPMAX's
and Genomics Aotearoa's MkDocs courses, com2009): each construct is read as its tool reads it, or
named in a warning at its line; never published silently wrong."""

from __future__ import annotations

from conftest import parse_lesson

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
    _, problems = parse("Text.\n\nThe vector $\\vect{x}$ and $\\alpha$.\n")
    assert problems == [
        "units/a.md:7: warning: math '\\vect{x}' uses '\\vect', a command LaTeX does not have (a macro of the"
        " lesson's own?): it is shown as its name; write out what it stands for [math]"
    ]


def test_in_text_citations_are_named_once_and_emails_and_code_are_not() -> None:
    _, problems = parse(
        "As shown by @smith2020, and (@jones2019). Mail a@b.org; `@decorator`.\n\n"
        "See [@key, p. 3] and [see @other].\n\nNo citation here: x @ y.\n"
    )
    assert problems == [
        "units/a.md:5: warning: citation '@smith2020' is shown as text: citations are not read; write the"
        " reference out [shown-as-text]",
        "units/a.md:7: warning: citation '[@key, p. 3]' is shown as text: citations are not read; write the"
        " reference out [shown-as-text]",
    ]


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
