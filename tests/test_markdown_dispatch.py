"""The block loop that tries only the rules a line's first character allows (parse/markdown.py,
``tokenize_by_first_char``) makes exactly the tokens of markdown-it's own loop, with every rule.

Run on every Markdown file in the repository's courses (real Carpentries lessons included) and on
generated documents whose lines start with every character a block rule looks for, indented or
not, inside lists, quotes and ``:::`` blocks."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from masterysite.parse.markdown import FIRST_CHARS, INLINE_FIRST_CHARS, make_markdown, with_markdown_its_loops

REPO = Path(__file__).parent.parent
FILES = sorted([*REPO.glob("course/**/*.md"), *REPO.glob("tests/sample_courses/**/*.md")])


def parsers(safe: bool = False) -> tuple[MarkdownIt, MarkdownIt]:
    """Ours, and the same parser with markdown-it's own loops."""
    fast = make_markdown.__wrapped__(safe)  # type: ignore[attr-defined]
    return fast, with_markdown_its_loops(make_markdown.__wrapped__(safe))  # type: ignore[attr-defined]


FAST, PLAIN = parsers()


def tokens(md: MarkdownIt, text: str) -> list[dict[str, object]]:
    return [token.as_dict() for token in md.parse(text, {})]


def test_the_dispatch_is_installed() -> None:
    assert FAST.block.tokenize is not PLAIN.block.tokenize
    assert make_markdown().block.tokenize.__name__ == "tokenize"  # the one every unit is parsed with
    assert make_markdown().inline.tokenize.__name__ == "tokenize_inline"
    assert make_markdown().inline.parse.__name__ == "parse_inline"  # plain text's short way
    assert make_markdown().renderer.renderToken.__name__ == "render_token"  # tags without attributes
    assert PLAIN.renderer.renderToken.__name__ == "renderToken"
    assert make_markdown().core.ruler.getRules("")[0].__module__ == "masterysite.parse.markdown"
    assert PLAIN.core.ruler.getRules("")[0].__module__ != "masterysite.parse.markdown"
    assert [f.__name__ for f in make_markdown().block.ruler.getRules("paragraph")] == ["terminates"]
    assert len(PLAIN.block.ruler.getRules("paragraph")) > 5
    rules = {rule.name for rule in FAST.block.ruler.__rules__}
    assert set(FIRST_CHARS) <= rules, "a rule named in FIRST_CHARS is not a block rule (renamed?)"
    inline = {rule.name for rule in FAST.inline.ruler.__rules__}
    assert set(INLINE_FIRST_CHARS) <= inline, "a rule named in INLINE_FIRST_CHARS is not an inline rule"


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_same_tokens_for_every_course_file(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert tokens(FAST, text) == tokens(PLAIN, text)
    assert FAST.render(text, {}) == PLAIN.render(text, {})  # and markdown-it's own renderer


STARTS = [
    *"#>*-_+`~:$[<|{0123456789",
    "1.",
    "1)",
    "- ",
    "* * *",
    "---",
    "===",
    "```",
    "~~~",
    ":::",
    "::: note",
    "::: {.callout-tip}",
    "!!! note",
    '!!! danger "Hot"',
    "??? tip",
    "???+ solution",
    '??? "Open me"',
    '=== "Tab"',
    '===+ "Tab"',
    "{: .challenge}",
    "{: #id .x k='v'}",
    "$$",
    "[^1]:",
    "[a]: /x",
    "<div>",
    "<!--",
    "# ",
    "> ",
    "| a | b |",
    "|---|---|",
    ": ",
    "~ ",
    "a",
    "Term",
    *(c * 3 for c in string.punctuation),  # ___ is a rule, $$$ a math block ...
    *(c + c + " " + c for c in "*-_"),
]
INDENTS = ["", " ", "  ", "   ", "    ", "\t", "  - ", "> ", "1. "]
INLINE = [
    "",
    " *a* _b_ **c** __d__ ***e***",
    " `x` ``y`` ~~s~~ ~t~",
    " [l](/u) ![i](/p.png){width=3} [r][] [^1] ^[note]",
    " <http://x.y> <span>h</span> <!-- c --> &amp; &#35; &nope;",
    " \\* \\[ $x^2$ $$y$$ $ a$ {.cls} `c`{.k}",
    " a\\\nb  \nc",
    " ~ ^ ! & < [ ] { } * _ `",
    " ~~s~~ ~t~ ==m== ^^i^^ x^2^ ++ctrl+c++ :smile: :material-pen: {kbd}`C` {ref}`x`",
    " a\r\nb\rc\r\r\nd",  # markdown-it's normalize runs only on a source that has one of these
    " e\0f",
]
line = st.builds(
    lambda indent, start, middle, rest: indent + start + middle + rest,
    st.sampled_from(INDENTS),
    st.sampled_from(STARTS),
    st.sampled_from(INLINE),
    st.sampled_from(["", " x", ". x", ") x", "x", " $x$ ", " **b**", " `c`", " a | b", " ::: ", "$$", "]: y", " -->"]),
)
document = st.lists(st.one_of(line, st.just("")), min_size=1, max_size=25).map("\n".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document)
def test_same_tokens_for_generated_documents(text: str) -> None:
    assert tokens(FAST, text) == tokens(PLAIN, text)
    assert FAST.render(text, {}) == PLAIN.render(text, {})


SAFE_FAST, SAFE_PLAIN = parsers(safe=True)


@settings(max_examples=100, deadline=None)
@given(document)
def test_same_html_with_safe_html(text: str) -> None:
    assert SAFE_FAST.render(text) == SAFE_PLAIN.render(text)


CHARS = [*string.punctuation, *string.digits, "a", "é", " "]  # not taken from FIRST_CHARS: it may be wrong
SHAPES = [
    "x{c}y",
    "{c}x{c} z",
    "a {c}{c}b{c}{c} c",
    "[t{c}](/u{c})",
    "x {c}^1] y",
    "{c}[i](/p.png) {c}[note] {c}http://x.y> {c}span>h</span> {c}amp; `c`{c}.k}}",  # with ! ^ < & {
    "{c}",
    "{c}{c}{c}",
    "{c}{c}{c}{c}",
    "{c} x",
    "{c}. x",
    "{c}) x",
    "{c}{c} {c}",
    "{c}x{c}",
    "{c}^1]: n",
    "{c}a]: /u",
]
PLACES = [
    "{line}",
    "para\n{line}",
    "- item\n\n  {line}",
    "- item\n{line}",
    "> {line}",
    "::: note\n{line}\n:::",
    "    {line}",
    "{line}\n\n[^1]: a footnote",
    "para\n{line}\n: a definition",
    "> quote\n{line}",
    "| a |\n|---|\n| b |\n{line}",
    "[ref]: /u\n{line}",
]


@pytest.mark.parametrize("char", CHARS)
def test_same_tokens_for_every_first_character(char: str) -> None:
    """Every character a rule is dispatched on, in every shape and place that could start a block."""
    for shape in SHAPES:
        for place in PLACES:
            text = place.format(line=shape.format(c=char)) + "\ntail\n"
            assert tokens(FAST, text) == tokens(PLAIN, text), repr(text)
