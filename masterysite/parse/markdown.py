"""The one Markdown parser: CommonMark + tables, strikethrough, ::: blocks, $math$, highlighted code.

The ``:::`` fence rule is our own (not mdit-py-plugins' container): it reads pandoc/Quarto braces
(``::: {.callout-note title="..."}``), skips fences inside code blocks, and notices a block opened
inside another with a fence as long as the outer one's, which would otherwise close the outer block
early and leak the rest of it into the lesson. Problems are left in ``env[PROBLEMS]`` for the
block parser to report with the unit's line numbers."""

from __future__ import annotations

import difflib
import html
import re
import types
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, TypeVar

from markdown_it import MarkdownIt
from markdown_it.ruler import RuleOptionsType, Ruler
from markdown_it.rules_block import StateBlock, html_block
from markdown_it.rules_core import StateCore
from markdown_it.rules_core import normalize as markdown_its_normalize
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.anchors.index import slugify
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.dollarmath.index import math_inline_dollar

from masterysite.parse import sanitize, unshown
from masterysite.parse.extras import GATED, extend_markdown
from masterysite.parse.latex import TooLarge, for_latex2mathml, for_mathml_core

BLOCKS = ("question", "corrective", "enrichment")


class MathProblem(Exception):
    """LaTeX that could not be turned into MathML; reported as a warning by the parser."""


math_failures: list[str] = []  # LaTeX that could not be typeset; with a name: one of its commands is unknown
_UNKNOWN_COMMAND = re.compile(r"<mi>\\([A-Za-z]+)</mi>")  # what latex2mathml makes of a command it does not know
_AMPERSAND = "&"  # what it makes an '&' outside a table (an environment it does not know): an mi of it
_SCRIPT_HREF = re.compile(r"[\x00-\x20]*(?:java|vb)script:|[\x00-\x20]*data:", re.I)
_MARKUP = re.compile(r"&(?!#x[0-9A-Fa-f]+;)|[<>]")  # in latex2mathml's text, where it writes its entities


def _text_only(text: str) -> str:
    """A MathML element's text as latex2mathml keeps it (its own '&#x000A0;' as they are) with '<', '>' and
    any other '&' written as characters, never markup: latex2mathml copies '\\text{…}' (\\mbox, \\textbf…)
    as it is into the page, where '\\text{<meta http-equiv=refresh …>}' got around every check of the
    page's HTML, and an honest '\\text{if a<b then}' swallowed the rest of the page."""
    return _MARKUP.sub(lambda m: f"&#x{ord(m[0]):05X};", text)


def render_math(latex: str, options: dict[str, Any]) -> str:
    """LaTeX -> MathML at build time, so the site needs no math script and fetches nothing."""
    from xml.etree.ElementTree import tostring
    from xml.sax.saxutils import unescape

    from latex2mathml.converter import Converter  # 20 ms to import: only for a unit with math

    display = "block" if options.get("display_mode") else "inline"
    try:
        rewritten = for_latex2mathml(latex)
        if not rewritten.strip():
            return ""  # a formula of definitions only (\newcommand): nothing to show, as MathJax shows nothing
        tree = Converter(display=display).convert_to_element(rewritten)
        ampersand = False
        for element in tree.iter():  # (its text as text: latex2mathml writes '\text{a<b}' as markup, port cc 7)
            text, tail = element.text, element.tail
            if text and ("<" in text or ">" in text or "&" in text):
                ampersand = ampersand or (text == _AMPERSAND and element.tag == "mi")
                element.text = _text_only(text)
            if tail and ("<" in tail or ">" in tail or "&" in tail):
                element.tail = _text_only(tail)
            if "href" in element.attrib and _SCRIPT_HREF.match(re.sub(r"[\t\n\r]", "", element.attrib["href"])):
                del element.attrib["href"]  # ('\href{javascript:…}': no link)
            for name, value in element.attrib.items():  # ('\class{x<mo>…}': the '<' and '>' of a value stay in it,
                if "<" in value or ">" in value:  # never markup for for_mathml_core's rewrites: security round dd 7)
                    element.set(name, value.replace("<", "&#x3C;").replace(">", "&#x3E;"))
        mathml = for_mathml_core(unescape(tostring(tree, encoding="unicode")))
        while _BRACED_COMMA.search(mathml):  # '6{,}022': one number, as LaTeX sets it (jj new 2)
            mathml = _BRACED_COMMA.sub(r"<mn>\1,\2</mn>", mathml)
        if "<mi>\\" in mathml and (unknown := _UNKNOWN_COMMAND.search(mathml)):
            math_failures.append(f"\0{unknown.group(1)}\0{latex}")  # a lesson's own macro ('\\vect'): say so
        elif ampersand:
            math_failures.append(f"\0&\0{latex}")  # an '&' outside any table: shown as a character
        return mathml
    except TooLarge:  # (its macros would have made megabytes: the formula's source instead, said)
        math_failures.append(f"\0+\0{latex}")
        return f'<code class="math-source">{html.escape(latex)}</code>'
    except Exception:  # latex2mathml raises many kinds on bad input; fall back to the source
        math_failures.append(latex)
        return f'<code class="math-source">{html.escape(latex)}</code>'


# A decimal comma written as LaTeX needs it, '6{,}022' (a comma alone is punctuation, a space after it): as drawn
_BRACED_COMMA = re.compile(r"<mn>([0-9.,]+)</mn><mrow><mo>&#x0002C;</mo></mrow><mn>([0-9]+)</mn>")
_CURRENCY_DOLLAR = re.compile(r"(?<![A-Za-z])[A-Z]{1,3}\Z")  # the letters before a dollar sign: 'R$', 'US$', 'NZ$'


def _no_digit_after(rule: Callable[[StateInline, bool], bool]) -> Callable[[StateInline, bool], bool]:
    r"""An inline formula as pandoc reads one: a digit may come before its opening dollar ('the 1$\sigma$
    interval', LearningFromData's), not after its closing one ('$5 and $10' is two prices); nor does one open
    after a currency's letters ('R$5 … R$ 7': Brazilian prices). (mdit-py-plugins'
    rule refuses a digit on both sides, and at the start of a text took its last character for the one
    before the dollar: '$x$ as in prince_2023' had been text.)"""

    def math_inline(state: StateInline, silent: bool) -> bool:
        start = state.pos
        if _CURRENCY_DOLLAR.search(state.src, max(0, start - 4), start) and state.src[start + 1 : start + 2].isdigit():
            return False  # 'R$5', 'US$5': a price, never an opening dollar (new teacher ff 4)
        if not rule(state, True):
            return False
        end, state.pos = state.pos, start
        if state.src[end : end + 1].isdigit():
            return False
        if silent:
            state.pos = end
            return True
        return rule(state, False)

    return math_inline


def _display_in_text(_self: Any, tokens: Sequence[Token], idx: int, _options: Any, _env: Any) -> str:
    """``$$f(x)$$`` inside a paragraph (pandoc's display math in a sentence, or on a line of its own
    right after one): typeset as a display formula, in a span (a paragraph cannot hold a div)."""
    return f'<span class="math display">{render_math(tokens[idx].content, {"display_mode": True})}</span>'


LONG_FORMULA = 40  # characters of LaTeX from which an inline formula may be wider than a phone


def _inline_formula(_self: Any, tokens: Sequence[Token], idx: int, _options: Any, _env: Any) -> str:
    """``$x$``: a long one is marked, so that where a browser cannot keep a scrolling box on the text's
    baseline (Safari) it still scrolls in its own box, not the page (the theme's CSS)."""
    latex = str(tokens[idx].content).strip()
    if len(latex) > 2 and latex[0] == "`" == latex[-1] and "`" not in latex[1:-1]:
        latex = latex[1:-1]  # GitHub's and GitLab's '$`\sqrt{3}`$' (port cc 15: its backticks had been shown)
    long = " math-long" if len(latex) > LONG_FORMULA else ""
    return f'<span class="math inline{long}">{render_math(latex, {"display_mode": False})}</span>'


@lru_cache(maxsize=64)
def _lexer(lang: str) -> Any:
    from pygments.lexers import get_lexer_by_name  # (Pygments only where a fence has a language: see fences)
    from pygments.util import ClassNotFound

    try:
        return get_lexer_by_name(lang)
    except ClassNotFound:
        return None


@lru_cache(maxsize=1)
def _formatter() -> Any:
    from pygments.formatters import HtmlFormatter

    return HtmlFormatter(nowrap=True)


_KNOWN: dict[tuple[str, str], str] = {}  # (language, code) -> its HTML, from the unit's last parse (see fences)
_USED: dict[tuple[str, str], str] | None = None  # what this unit's parse highlighted


@contextmanager
def fences(known: dict[tuple[str, str], str]) -> Iterator[dict[tuple[str, str], str]]:
    """Around one unit's parse: its code blocks' HTML by (language, code), for the next parse of the
    unit to reuse (``known``: the last one's). A one-word edit of a unit with code then needs neither
    Pygments' import nor its lexer's regular expressions (75 ms of a rebuild's 0.5 s). The HTML is
    a function of the two (and of Pygments' version, which is part of the cache's parse key)."""
    global _KNOWN, _USED
    before = _KNOWN, _USED
    _KNOWN, _USED = known, {}
    try:
        yield _USED
    finally:
        _KNOWN, _USED = before


def highlight(code: str, lang: str, attrs: str) -> str:
    key = (lang, code)
    done = _KNOWN.get(key)
    if done is None:
        done = _highlight(code, lang)
    if _USED is not None:
        _USED[key] = done
    return done


def _highlight(code: str, lang: str) -> str:
    """Pygments classes at build time; an unknown language is left as plain escaped text."""
    lexer = _lexer(lang.lower()) if lang else None
    if lexer is None:
        return ""
    from pygments import highlight as pygments_highlight

    body = pygments_highlight(code, lexer, _formatter())
    return f'<pre class="highlight"><code class="language-{html.escape(lang)}">{body}</code></pre>\n'


_FENCE = re.compile(r":{3,}")
_TRAILING_COLONS = re.compile(r"(?<=\S)[ \t]+:{3,}[ \t]*$")
_MYST = re.compile(r"\{[\w:-]+\}")  # ':::{note}': MyST's name in braces (pandoc's has a dot: '{.note}')
_CODE_FENCE = re.compile(r"(`{3,})[^`]*$|(~{3,})")
# (a quoted value may hold braces and escaped quotes: pandoc's notebook cells, '{.cell slideshow="{\"a\":1}"}')
_BRACES = re.compile(r"""\{((?:"(?:\\.|[^"\\\n])*"|'[^'\n]*'|[^{}"'])*)\}\s*(.*)""")
_CLASS = re.compile(r"(?:^|\s)\.([\w-]+)")
_COLLAPSING = re.compile(r"(?:^|[\s{])\.(?:dropdown|toggle)\b")
_ATTR = re.compile(r"""([\w-]+)=(?:"((?:\\.|[^"\\])*)"|'([^']*)'|(\S+))""")
PROBLEMS = "masterysite_problems"  # env key: (kind, body line, details) found while parsing
THEME_ID_PREFIXES = ("ms-", "q-", "corrective-", "enrichment-")  # ids the theme's templates use
THEME_IDS = ("main",)


def _testable(rule: Callable[[StateBlock, int, int, bool], bool]) -> Callable[[StateBlock, int, int, bool], bool]:
    """``rule`` that, asked only whether it would match (``silent``: may it end a paragraph here?), adds
    no token: mdit-py-plugins' math block rule ignores ``silent``."""

    def testable(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        if not silent:
            return rule(state, start_line, end_line, False)
        if _line(state, start_line).strip() != "$$":
            return False  # in a paragraph, only '$$' alone on its line opens a formula
        count, line = len(state.tokens), state.line
        matched = rule(state, start_line, end_line, False)
        closing = _line(state, state.line - 1).strip()
        del state.tokens[count:]
        state.line = line
        return matched and closing == "$$"  # and closes it: '... is $$g$$' is a sentence's own

    return testable


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


_PANDOC_HOLDERS = ("exercise", "challenge", "exercises", "example", "discussion", "callout", "admonition")
_PANDOC_HELD = ("solution", "hint", "solutions", "hints", "answer")
_VITEPRESS_FLAG = re.compile(r"[ \t]*\{(open|no-title)\}$")  # VitePress: a block shown open, or untitled
_BRACKET_TITLE = re.compile(r"([\w-]+)\[(.*)\]")
_DIRECTIVE_ATTRIBUTES = re.compile(r"([\w-]+(?:\[.*\])?)\{([^{}]*)\}")
_STATE = re.compile(r"^\{[ \t]*state[ \t]*=[ \t]*[\"']?\w+[\"']?[ \t]*\}")


# A collapsed block made of raw HTML (a notebook's hidden cell): "Details" until the student opens it
DETAILS_OPENING = '<details class="ms-collapsed ms-collapsed--details"><summary><!--ms-t:block_details--></summary>\n'


def block_info(params: str) -> tuple[str, str]:
    """``note Title`` -> ('note', 'Title'); ``{.callout-tip title="Hi"}`` -> ('callout-tip', 'Hi')."""
    params = params.replace("\u3000", " ").strip()  # (an input method's wide space: '::: question　速さ', ii new 3)
    braces = _BRACES.fullmatch(params)
    if braces is None:
        # Starlight's (remark-directive's) attributes, ':::tip{icon="heart"}', ':::tip[Hi]{icon="heart"}': an
        # icon, not read (it had been an unknown block 'tip{icon="heart"}': port round aa 10)
        directive = _DIRECTIVE_ATTRIBUTES.fullmatch(params)
        params = directive[1] if directive else params
        titled = _BRACKET_TITLE.fullmatch(params)  # Docusaurus's ':::tip[Remember this]'
        name, _, rest = params.partition(" ") if titled is None else (titled[1], "", titled[2])
        if directive is not None and not rest.strip():  # Hyperbook's ':::collapsible{title="Lösung"}' (ii port 7)
            rest = next((m[2] or m[3] or m[4] or "" for m in _ATTR.finditer(directive[2]) if m[1] == "title"), "")
        return name, _STATE.sub("", rest.strip(), count=1).strip()  # (HedgeDoc's ':::spoiler {state="open"} Title')
    classes = _CLASS.findall(braces.group(1))
    attrs = block_attrs(params)
    inside = braces.group(1).strip()
    name = _block_class(classes) if classes else inside if inside.startswith("#") or "=" not in inside else "div"
    return name or "{}", (attrs.get("title") or braces.group(2))


def _block_class(classes: Sequence[str]) -> str:
    """The class that names the block. What is not published wins wherever it stands: Quarto's content
    for another format, speaker notes, a teacher's note ('{.callout-tip .content-visible when-format=
    "pdf"}' is a print-only answer key). Then the first class, if it names a block of ours ('{.solution
    .callout-tip}': a solution); else, as Quarto reads it, a ``callout-*`` class among others
    ('{.pcallout .callout-note}'); else the first class a block of ours is named by; else the first
    class (an unknown name, reported with the names available)."""
    from masterysite.parse.lesson import CONDITIONAL, HIDDEN, LAYOUT, UNPUBLISHED, known_block

    unpublished = next((c for c in classes if c in CONDITIONAL or c in HIDDEN or c in UNPUBLISHED), None)
    if unpublished is not None:
        return unpublished
    if known_block(classes[0]) and (classes[0] not in LAYOUT or not any(known_block(c) for c in classes[1:])):
        return classes[0]  # (a layout's class gives way to a block's: Sphinx's '{.container .toggle}' is a toggle)
    callout = next((c for c in classes if c.lower().startswith("callout-") and known_block(c)), None)
    named = next((c for c in classes if known_block(c) and c not in LAYOUT), None)
    return callout or named or next((c for c in classes if known_block(c)), classes[0])


_BLOCK_ID = re.compile(r"[{\s]#([\w:.-]*\w)")


def block_attrs(params: str) -> dict[str, str]:
    """``{.callout-tip collapse="true" title='Hi'}`` -> {'collapse': 'true', 'title': 'Hi'}; {} without braces."""
    braces = _BRACES.fullmatch(params.strip())
    if braces is None:
        return {}
    return {m.group(1): m.group(2) or m.group(3) or m.group(4) or "" for m in _ATTR.finditer(braces.group(1))}


def problem(env: MutableMapping[str, Any], kind: str, at: int, **details: Any) -> None:
    env.setdefault(PROBLEMS, []).append((kind, at, details))


def _fence_at(state: StateBlock, line: int) -> tuple[int, str] | None:
    """(colons, what follows) when the line is a ``:::`` fence, else None."""
    start = state.bMarks[line] + state.tShift[line]
    if state.src[start : start + 3] != ":::":
        return None  # most lines: decided without slicing the line
    text = state.src[start : state.eMarks[line]]
    match = _FENCE.match(text)
    # pandoc's trailing colons ('::: Warning ::::::', '::: {.callout-tip} :::') are not part of the name or title
    return (match.end(), _TRAILING_COLONS.sub("", text[match.end() :]).strip()) if match else None


def _code_fence(state: StateBlock, line: int) -> str | None:
    """The opening marker (```` ``` ```` or ``~~~``) when the line opens a code fence."""
    start = state.bMarks[line] + state.tShift[line]
    match = _CODE_FENCE.match(state.src, start, state.eMarks[line])
    return match.group(1) or match.group(2) if match else None


def _closes_code(state: StateBlock, line: int, marker: str) -> bool:
    start = state.bMarks[line] + state.tShift[line]
    text = state.src[start : state.eMarks[line]].rstrip()
    return len(text) >= len(marker) and text == marker[0] * len(text)


def _block_end(
    state: StateBlock, start_line: int, end_line: int, count: int, name: str, myst: bool = False
) -> tuple[int, bool]:
    """The line of the closing fence (and whether there is one) of a block opened with ``count`` colons.

    Blocks opened inside are tracked, and a bare fence of any length closes the innermost one, as
    pandoc (Quarto, the Carpentries Workbench) reads them; one opened by a bare name with exactly as
    many colons as ours is still a mistake (markdown-it's container plugin would close ours there:
    SPEC §5), reported once at its line. One opened in pandoc's braces (``::: {.callout-tip}``) is
    Quarto's syntax, which only pandoc's reading applies to: no mistake. A code fence in a list item
    counts as closed where CommonMark closes it: up to three columns right of the item's text, which
    starts at most where the fence opened.

    A block opened in MyST's braces (``::::{tip}``, ``myst``) also closes, as MyST reads it, at a bare
    fence at least as long as its own that closes a block inside it (``::::`` after ``:::{warning}``)."""
    inner: list[tuple[int, bool]] = []  # the blocks open inside: their colons, and whether in MyST's braces
    code: str | None = None
    code_column = 0
    line = start_line
    while True:
        line += 1
        if line >= end_line:
            if (
                myst
                and not inner
                and line == end_line
                and line < state.lineMax + 1
                and _closes_myst(state, line, count)
            ):
                return line, True  # the fence that closes the block we are in closes us too (MyST)
            return line, False
        if state.bMarks[line] + state.tShift[line] < state.eMarks[line] and state.sCount[line] < state.blkIndent:
            return line, False  # a non-empty line less indented than the list we are in ends us
        if code is not None:
            # A fence in a list item may be closed up to three columns right of where the item's text
            # starts, which is at most where the fence opened (that is not indented code there).
            if state.sCount[line] <= code_column + 3 and _closes_code(state, line, code):
                code = None
            continue
        if state.is_code_block(line):
            continue
        code = _code_fence(state, line)
        code_column = state.sCount[line]
        fence = None if code else _fence_at(state, line)
        if fence is None:
            continue
        colons, rest = fence
        if rest and not inner and name in BLOCKS and block_info(rest)[0] in BLOCKS:
            return line, False  # '::: question' inside '::: question': the first was never closed (blocks.py)
        if rest and not inner and name == "question" and colons == count and _closing_word(rest):
            problem(state.env, "closing-word", line, fence=":" * colons, rest=rest)
            return line, True  # '::: fin': a question holds no block of that name; it meant to close here
        if rest:
            # ('::: {.callout-tip}': pandoc's; so is a solution or a hint in an exercise, as pandoc writes
            # sphinx-lesson's '.. exercise::' holding '.. solution::', bare fences alike: port bb 21)
            held = block_info(rest)[0] if not inner and colons == count and not rest.startswith("{") else None
            if held is not None and not (held in _PANDOC_HELD and name in _PANDOC_HOLDERS):
                outer = {"name": name, "colons": count, "start": start_line, "inner": held}
                outer["inner_colons"] = colons
                problem(state.env, "same-fence", line, **outer)
            inner.append((colons, _MYST.match(rest) is not None))
        elif inner:
            closed_colons = inner.pop()[
                0
            ]  # any bare fence closes the innermost open block, whatever its length (pandoc)
            if colons > closed_colons:  # longer than that block's own: in MyST, it closes those around it it can
                while inner and inner[-1][1] and inner[-1][0] <= colons:
                    inner.pop()
                if not inner and myst and count <= colons:
                    return line, True
        elif name in BLOCKS and colons < count:
            # '::: ' in ':::: enrichment': pandoc would close the enrichment here and show the rest in the
            # lesson. Said once; the block ends where its own fence does, if it has one (no follow-ons).
            end = next((n for n in range(line + 1, end_line) if _closes_myst(state, n, count)), None)
            problem(state.env, "short-close", line, name=name, colons=count, start=start_line, fence=":" * colons)
            return (end, True) if end is not None else (line, True)
        else:
            return line, True


def push_block(
    state: StateBlock,
    start: int,
    body: int,
    stop: int,
    marker: str,
    meta: dict[str, Any],
    info: str,
    close_meta: dict[str, Any] | None = None,
    map_end: int | None = None,
    parts: Sequence[tuple[int, int]] = (),
) -> None:
    """A lesson block's tokens: its opening (``meta``), the lines from ``body`` to ``stop`` read as
    Markdown inside it (never past ``stop``; or each range of ``parts`` in turn), its closing (``close_meta``)."""
    old_parent, old_max, old_indent = state.parentType, state.lineMax, state.blkIndent
    state.parentType, state.lineMax = "container", stop
    # An indented opening fence: its lines are read from that indentation, as CommonMark reads a fence's
    # (MyST lessons indent nested directives: '   ```{group-tab} R' then its body at 6 spaces)
    inner = [state.sCount[n] for n in range(body, stop) if not state.isEmpty(n)]
    state.blkIndent = max(old_indent, min([state.sCount[start], *inner]))
    token = state.push("container_block_open", "div", 1)
    token.markup, token.block, token.map, token.info = marker, True, [start, stop if map_end is None else map_end], info
    token.meta = meta
    for first, last in parts or [(body, stop)]:
        state.lineMax = last  # (a paragraph reads on to lineMax, whatever end it is given)
        state.md.block.tokenize(state, first, last)
    token = state.push("container_block_close", "div", -1)
    token.markup, token.block = marker, True
    if close_meta is not None:
        token.meta = close_meta
    state.parentType, state.lineMax, state.blkIndent = old_parent, old_max, old_indent


def _closes_myst(state: StateBlock, line: int, count: int) -> bool:
    """Whether ``line`` is a bare fence of ``count`` colons or more (it closes a MyST block of ``count``)."""
    fence = _fence_at(state, line)
    return fence is not None and not fence[1] and fence[0] >= count


def _closing_word(rest: str) -> bool:
    """'fin' in '::: fin': one word that names no block, nor nearly one (a typo of a block's name is
    not a closing fence: lesson.unknown_block says what it meant)."""
    from masterysite.parse.lesson import ALL_BLOCKS, kind_of

    word = rest.strip()
    if not re.fullmatch(r"[^\W\d_][\w-]*", word) or word in BLOCKS or kind_of(word) is not None:
        return False
    return not difflib.get_close_matches(word.lower(), ALL_BLOCKS, n=1, cutoff=0.75)


def block_rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """``:::`` NAME ... ``:::`` (three or more colons), any name: unknown names are reported by the
    block parser, with the names available, instead of leaking the block's lines into the lesson."""
    if state.is_code_block(start_line):
        return False
    fence = _fence_at(state, start_line)
    if fence is None or not fence[1]:
        return False
    if silent:
        return True
    colons, params = fence
    first = start_line + 1  # the first line of the body
    if params.startswith("{") and "}" not in params:  # pandoc's attributes over several lines (Quarto writes them)
        last = next((n for n in range(first, min(first + 8, end_line)) if "}" in _line(state, n)), None)
        if last is not None:
            params = " ".join([params, *(_line(state, n).strip() for n in range(first, last + 1))])
            first = last + 1
    name, title = block_info(params)
    flag = _VITEPRESS_FLAG.search(title) if title.endswith("}") else None  # '::: details Code {open}' (port z 13)
    if flag is not None:
        title = title[: flag.start()]
    end, closed = _block_end(state, start_line, end_line, colons, name, _MYST.match(params) is not None)
    body, meta, parts = first, None, []
    if _MYST.match(params):  # MyST's ':::{note} Title', maybe with ':class: dropdown' options
        from masterysite.parse.myst import (
            card_parts,
            lesson_block,
            not_a_block,
            options_at,
            other_directive,
            wants_own_meta,
        )

        options, body = options_at(state, start_line + 1, end)
        if wants_own_meta(name, options):
            meta = lesson_block(name, title, options, ":" * colons + "{" + name + "}")
        if meta is not None and meta.get("card"):  # sphinx-design's card: header ^^^ body +++ footer
            parts = card_parts(state, body, end, meta)
        if meta is None and not_a_block(name):  # ':::{figure} fig/x.png', ':::{math}', ':::{toctree}'...
            after = end + (1 if closed else 0)
            other_directive(state, start_line, body, end, after, ":" * colons, name.lower(), title, options)
            state.line = after
            return True
    old_parent, old_max = state.parentType, state.lineMax
    state.parentType = "container"
    state.lineMax = end  # lazy continuation lines never run past our closing fence
    token = state.push("container_block_open", "div", 1)
    token.markup, token.block, token.map = ":" * colons, True, [start_line, end]
    token.info = f"{name} {title}".strip() if params.startswith("{") else params
    token.meta = meta or {"name": name, "title": title}
    token.meta["closed"] = closed
    if params.startswith("{") and meta is None:
        token.meta["braces"] = True  # a pandoc class ('::: {.guidedpractice}'), not a block's name
    if not closed and end < end_line:  # ended by the next quiz block (_block_end): the ':::' goes before it
        token.meta["next"] = end
    attrs = block_attrs(params) if params.startswith("{") else {}
    if attrs.get("collapse") in ("true", "false"):  # Quarto's collapsible callout: closed, or open until closed
        token.meta["collapse"] = attrs["collapse"]
    elif params.startswith("{") and _COLLAPSING.search(params):  # pandoc's '{.admonition .dropdown, .warning}'
        token.meta["collapse"] = "true"  # (Sphinx's ':class: dropdown' or 'toggle': shown behind a click)
    if attrs.get("open") == "true" or (flag is not None and flag[1] == "open"):  # (hugo-book's 'details … open')
        token.meta["open"] = True  # a collapsed block shown open until closed
    if attrs and name.startswith("content-"):  # Quarto's '{.content-hidden unless-format="html"}'
        token.meta["conditions"] = attrs
    if name == "cell" and "remove-" in attrs.get("tags", ""):  # pandoc's notebook cell tagged so (port ff 09)
        tags = attrs["tags"]  # ('[\"remove-cell\"]'): Jupyter Book never shows it, nor a code cell's input
        if "remove-cell" in tags:
            token.meta["unpublished"] = "cell"
        elif "remove-input" in tags and re.search(r"(?:^|\s)\.code\b", params):
            token.meta["remove_input"] = True  # (its code, not its outputs: review gg 03)
    if name == "cell" and (hide := re.search(r"hide[-_](cell|input|output)", attrs.get("tags", ""))):
        token.meta["hide"] = hide[1]  # Jupyter Book's "Show code cell source": collapsed until opened (ff 09)
    if name in ("notes", "hidden"):  # speaker notes: Quarto's '{.notes}', pandoc's bare '::: notes' (its class
        token.meta["unpublished"] = name  # too); Quarto's '{.hidden}', never shown (an answer key: port cc 30)
    elif name.lower().startswith("callout-") and attrs.get("hide") == "true":
        token.meta["unpublished"] = name  # cambiotraining's '{.callout-answer hide=true}': "not rendered"
    own_id = _BLOCK_ID.search(params) if params.startswith("{") and not name.startswith("#") else None
    if own_id is not None:  # '::: {.callout-exercise #rename-exr}': links to it lead to the block
        token.meta["anchor"] = theme_safe(own_id.group(1))
    for first, last in parts or [(body, end)]:
        state.lineMax = last  # (a paragraph reads on to lineMax, whatever end it is given)
        state.md.block.tokenize(state, first, last)
    token = state.push("container_block_close", "div", -1)
    token.markup, token.block = ":" * colons, True
    state.parentType, state.lineMax = old_parent, old_max
    state.line = end + (1 if closed else 0)
    return True


FIRST_CHARS = {
    "ms_block": ":",
    "myst_directive": "`~",
    "myst_target": "(",
    "myst_comment": "%+",
    "ms_markdown_in_html": "<",
    "ms_abbreviation": "*",
    "ms_environment": "\\",
    "ms_pymdown_block": "/",
    "ms_admonition": "!?=",
    "ms_kramdown": "{",
    "math_block": "$",
    "fence": "`~",
    "blockquote": ">",
    "hr": "*-_",
    "list": "*-+0123456789",
    "footnote_def": "[",
    "reference": "[",
    "html_block": "<",
    "heading": "#",
}
"""Block rules that can only start at a line whose first character (after the indent) is one of
these; every other rule (paragraph, table, code, lheading, deflist: decided by the indent or the
next line) is tried at every line. A rule not listed here is always tried."""

INLINE_FIRST_CHARS = {
    "newline": "\n",
    "math_inline": "$",
    "escape": "\\",
    "backticks": "`",
    "strikethrough": "~",
    "emphasis": "*_",
    "link": "[",
    "ms_span": "[",
    "image": "!",
    "footnote_inline": "^",
    "footnote_ref": "[",
    "autolink": "<",
    "html_inline": "<",
    "entity": "&",
    "ms_attributes": "{",
    "myst_role": "{",
    "ms_wrapped": "=^~",
    "ms_keys": "+",
    "ms_shortcode": ":",
}
"""The same for inline rules, at the character where the text rule stops (rules not listed, such as
linkify, are always tried; text only at a character that does not stop it)."""

Rule = TypeVar("Rule")


def by_first_char(
    ruler: Ruler[Rule], first: dict[str, str], chain: str = ""
) -> tuple[dict[str, list[Rule]], list[Rule]]:
    """The ruler's active rules (of ``chain``: those that may end a paragraph, ...), in order, that
    can start at each character named in ``first``; and those for any other character."""
    active = [rule for rule in ruler.__rules__ if rule.enabled and (not chain or chain in rule.alt)]
    anywhere = [rule.fn for rule in active if rule.name not in first]
    chars = set("".join(first[rule.name] for rule in active if rule.name in first))
    return {c: [rule.fn for rule in active if c in first.get(rule.name, c)] for c in chars}, anywhere


def terminators_by_first_char(md: MarkdownIt) -> None:
    """The rules that may end a paragraph (a quote, a list item, ...) are tried at every line of
    it, each giving up at once on most lines: each such chain becomes one rule that tries only
    those the line's first character allows (an empty line: all of them), in the same order."""
    ruler = md.block.ruler
    ruler.getRules("")  # compiles the chains
    chains: dict[str, Any] = getattr(ruler, "__cache__", None) or {}
    for chain, rules in list(chains.items()):
        if not chain or not rules:
            continue
        by_char, anywhere = by_first_char(ruler, FIRST_CHARS, chain)

        def terminates(
            state: StateBlock,
            line: int,
            end: int,
            silent: bool,
            by_char: Any = by_char,
            anywhere: Any = anywhere,
            every: Any = tuple(rules),
        ) -> bool:
            pos = state.bMarks[line] + state.tShift[line]
            candidates = by_char.get(state.src[pos], anywhere) if pos < state.eMarks[line] else every
            return any(rule(state, line, end, silent) for rule in candidates)

        chains[chain] = [terminates]


def tokenize_by_first_char(md: MarkdownIt) -> None:
    """markdown-it's block and inline loops (ParserBlock.tokenize, ParserInline.tokenize), trying
    at each place only the rules that can start there: a paragraph line no longer calls nine rules
    that each look at its first character and give up (about 15 % of parsing). The tokens are the
    same (tests/test_markdown_dispatch.py).

    Also notes what markdown-it silently drops past ``maxNesting`` levels, so it is reported."""
    by_char, anywhere = by_first_char(md.block.ruler, FIRST_CHARS)
    inline_by_char, inline_anywhere = by_first_char(md.inline.ruler, INLINE_FIRST_CHARS)
    # The text rule stops at the characters of its terminator pattern: starting on one, it gives up.
    stops = md.inline.terminator_re
    text_rule = next(rule.fn for rule in md.inline.ruler.__rules__ if rule.name == "text")
    for char in map(chr, range(128)):
        if stops.fullmatch(char):
            rules = inline_by_char.get(char, inline_anywhere)
            inline_by_char[char] = [rule for rule in rules if rule is not text_rule]

    def tokenize(state: StateBlock, start_line: int, end_line: int) -> None:
        max_nesting = state.md.options.maxNesting
        if state.level >= max_nesting:
            line = state.skipEmptyLines(start_line)
            if line < end_line:
                problem(state.env, "nesting", line, limit=max_nesting)
        src, starts, shifts = state.src, state.bMarks, state.tShift
        has_empty_lines = False
        line = start_line
        while line < end_line:
            state.line = line = state.skipEmptyLines(line)
            if line >= end_line or state.sCount[line] < state.blkIndent:
                break  # the end, or (nested in a list or quote) a line that ends the container
            if state.level >= max_nesting:
                state.line = end_line
                break
            for rule in by_char.get(src[starts[line] + shifts[line]], anywhere):
                if rule(state, line, end_line, False):
                    if state.line <= line:
                        raise RuntimeError("block rule didn't increment state.line")
                    break
            else:
                raise RuntimeError("none of the block rules matched")
            state.tight = not has_empty_lines  # an empty line before this block makes it loose
            line = state.line
            if line - 1 < end_line and state.isEmpty(line - 1):
                has_empty_lines = True  # a paragraph may eat one empty line after it in nested lists
            if line < end_line and state.isEmpty(line):
                has_empty_lines = True
                line += 1
                state.line = line

    def tokenize_inline(state: StateInline) -> None:
        src, end = state.src, state.posMax
        max_nesting = state.md.options["maxNesting"]
        while state.pos < end:
            pos, ok = state.pos, False
            if state.level < max_nesting:
                for rule in inline_by_char.get(src[pos], inline_anywhere):
                    ok = rule(state, False)
                    if ok:
                        if state.pos <= pos:
                            raise RuntimeError("inline rule didn't increment state.pos")
                        break
            if ok:
                if state.pos >= end:
                    break
                continue
            state.append_pending(src[state.pos])  # no rule starts here: the character is text
            state.pos += 1
        if state.pending:
            state.pushPending()

    md.block.tokenize = tokenize  # type: ignore[method-assign,assignment]
    md.inline.tokenize = tokenize_inline  # type: ignore[method-assign]
    starts = "".join(chars for chars in map(INLINE_FIRST_CHARS.get, md.inline.ruler.get_active_rules()) if chars)
    if inline_anywhere == [text_rule] and all(stops.fullmatch(char) for char in starts):
        md.inline.parse = plain_text_first(md.inline.parse, stops)  # type: ignore[method-assign]


def plain_text_first(parse: Any, stops: re.Pattern[str]) -> Any:
    """markdown-it's inline parse, with a short way for text in which no inline rule can start (a
    table cell, a list item, a heading: half of a lesson's inline runs): it is one text token, as
    markdown-it's text rule and its post-processing make it, without their state (5 us a run)."""

    def parse_inline(src: str, md: MarkdownIt, env: Any, tokens: list[Token]) -> list[Token]:
        if not src or stops.search(src):
            return parse(src, md, env, tokens)  # type: ignore[no-any-return]
        token = Token("text", "", 0)
        token.content = src
        tokens.append(token)
        return tokens

    return parse_inline


def quick_rendering(md: MarkdownIt) -> None:
    """markdown-it's renderer (RendererHTML: render, renderInline, renderToken) with the same
    output, in fewer steps: its rules looked up once per token, and a tag without attributes
    (a paragraph, a list, emphasis: most of a lesson's tags) written without markdown-it's
    attribute pass. Tags with attributes, and the rare cases below, are left to markdown-it's own
    renderToken. Checked against markdown-it's renderer (tests/test_markdown_dispatch.py)."""
    renderer: Any = md.renderer
    rules = renderer.rules  # the renderer's own dict: rules added later are seen
    markdown_its = renderer.renderToken

    def render_token(tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        if token.hidden:
            return ""
        nesting = token.nesting
        if token.attrs or (nesting == 0 and options["xhtmlOut"]):
            return markdown_its(tokens, idx, options, env)  # type: ignore[no-any-return]
        if not token.block:
            return ("</" if nesting == -1 else "<") + token.tag + ">"
        if nesting == -1:
            return "</" + token.tag + ">\n"
        if idx and tokens[idx - 1].hidden:
            return markdown_its(tokens, idx, options, env)  # type: ignore[no-any-return]  # a new line first
        if nesting == 1 and idx + 1 < len(tokens):
            after = tokens[idx + 1]
            if after.type == "inline" or after.hidden or (after.nesting == -1 and after.tag == token.tag):
                return "<" + token.tag + ">"
        return "<" + token.tag + ">\n"

    def render_inline(tokens: Sequence[Token], options: Any, env: Any) -> str:
        out = []
        for i, token in enumerate(tokens):
            rule = rules.get(token.type)
            out.append(rule(tokens, i, options, env) if rule is not None else render_token(tokens, i, options, env))
        return "".join(out)

    def render(tokens: Sequence[Token], options: Any, env: Any) -> str:
        out = []
        for i, token in enumerate(tokens):
            kind = token.type
            if kind == "inline":
                if token.children:
                    out.append(renderer.renderInline(token.children, options, env))
                continue
            rule = rules.get(kind)
            out.append(rule(tokens, i, options, env) if rule is not None else render_token(tokens, i, options, env))
        return "".join(out)

    renderer.renderToken = render_token
    renderer.renderInline = render_inline
    renderer.render = render


def with_markdown_its_loops(md: MarkdownIt) -> MarkdownIt:
    """``md`` with markdown-it's own block, inline and paragraph-end loops again (every rule at
    every place): the reference the first-character dispatch is checked and measured against
    (tests/test_markdown_dispatch.py, benchmarks/plugins.py)."""
    from markdown_it.parser_block import ParserBlock
    from markdown_it.parser_inline import ParserInline

    md.block.tokenize = types.MethodType(ParserBlock.tokenize, md.block)  # type: ignore[method-assign]
    md.inline.tokenize = types.MethodType(ParserInline.tokenize, md.inline)  # type: ignore[method-assign]
    md.inline.parse = types.MethodType(ParserInline.parse, md.inline)  # type: ignore[method-assign]
    md.block.ruler.__cache__ = None  # markdown-it compiles its own chains again
    md.core.ruler.at("normalize", markdown_its_normalize)
    md.core.ruler.__cache__ = None
    renderer = md.renderer
    transforms = getattr(md, "ms_after_render", [])  # (what HTML never shows left out; safe_html's cleaning)
    md.ms_after_render = []  # type: ignore[attr-defined]
    for name in ("render", "renderInline", "renderToken"):  # markdown-it's own (quick_rendering)
        vars(renderer).pop(name, None)
    for transform in transforms:
        sanitize.after_render(md, transform)
    return md


def normalize(state: StateCore) -> None:
    """markdown-it's first rule (CR LF and CR to LF, NUL to U+FFFD), which runs two regular
    expressions over every source, skipped for a source with neither character (nearly all)."""
    if "\r" in state.src or "\0" in state.src:
        markdown_its_normalize(state)


_EQUATION_LABEL = re.compile(r"(\$\$)[ \t]*\{#(eq-[^{}\s]*)\}[ \t]*$", re.M)


def quarto_equation_labels(state: StateCore) -> None:
    """Quarto's ``$$ {#eq-mass}`` after a display formula: its label, written as MyST's ``$$ (eq-mass)``,
    so the formula is numbered and ``@eq-mass`` a link to it (parse/xref.py); as written, the whole formula
    had been published as text."""
    if "{#eq-" in state.src:
        code = fenced(state.src)
        state.src = _EQUATION_LABEL.sub(
            lambda m: f"$$ ({m[2]})" if not any(start < m.start() < end for start, end in code) else m[0], state.src
        )


_LIQUID_TAG = re.compile(r"\{%-?\s*(comment|endcomment|raw|endraw)\s*-?%\}|\{::(comment)\}|\{:/(?:comment)?\}")
CODE_FENCE_LINE = re.compile(r"^[ \t]*(`{3,}|~{3,})", re.M)  # (at any indentation: in a list item, a tab)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S)


def fenced(src: str) -> list[tuple[int, int]]:
    """The spans of ``src`` inside fenced code blocks (a quick scan: fence lines, open and close)."""
    spans, opened = [], None
    for match in CODE_FENCE_LINE.finditer(src):
        fence = match.group(1)
        if opened is None:
            opened = (match.start(), fence)
        elif fence[0] == opened[1][0] and len(fence) >= len(opened[1]):
            spans.append((opened[0], match.end()))
            opened = None
    if opened is not None:
        spans.append((opened[0], len(src)))
    return spans


def _code(src: str) -> list[tuple[int, int]]:
    """The spans of ``src`` that are code, fenced or inline: shown as written, never read as Liquid."""
    blocks = fenced(src)
    spans = list(blocks)
    for match in _CODE_SPAN.finditer(src):
        if not _within(blocks, match.start()):
            spans.append(match.span())
    return spans


def _within(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(start <= pos < end for start, end in spans)


def jekyll_liquid(state: StateCore) -> None:
    """Jekyll-era lessons: ``{% comment %} ... {% endcomment %}`` (often instructor notes) is dropped, as
    Jekyll drops it, and ``{% raw %}`` / ``{% endraw %}`` leave their content; tags in code (fenced or
    inline: a lesson may show them) are left alone, and what a comment holds goes, code included. Line
    breaks are kept, so every line number stays right. A comment never closed is an error at its line
    (Jekyll refuses the file too); other Liquid tags are published as written, with a warning (links.py).
    kramdown's ``{::comment}`` ... ``{:/comment}`` (or ``{:/}``) is a comment too."""
    if "{%" not in state.src and "{::comment}" not in state.src:
        return
    src = state.src
    code = _code(src)
    cut: list[tuple[int, int, str]] = []  # (start, end, what replaces it), in order
    opened: re.Match[str] | None = None
    for match in _LIQUID_TAG.finditer(src):
        if opened is None and _within(code, match.start()):
            continue
        word = match.group(1) or ("kramdown" if match.group(2) else "end")
        if opened is not None:
            if word == ("end" if opened.group(2) else "endcomment"):
                cut.append((opened.start(), match.end(), "\n" * src.count("\n", opened.start(), match.end())))
                opened = None
        elif word in ("comment", "kramdown"):
            opened = match
        elif word in ("raw", "endraw"):
            cut.append((match.start(), match.end(), ""))
    if opened is not None:
        problem(state.env, "liquid-comment", src.count("\n", 0, opened.start()), written=opened.group(0))
        cut.append((opened.start(), len(src), "\n" * src.count("\n", opened.start())))
    for start, end, text in reversed(cut):
        src = src[:start] + text + src[end:]
    state.src = liquid_conditions(src, state.env) if "{%" in src else src


_LIQUID_IF = re.compile(r"\{%-?\s*(if|unless|elsif|else|endif|endunless)\b(?:[^%]|%(?!\}))*%\}")
LIQUID_IF = "ms_liquid_if"  # env key: the Liquid conditions read here, (line, as written), for a warning


def liquid_conditions(src: str, env: MutableMapping[str, Any]) -> str:
    """Liquid's (and mkdocs-macros' Jinja) ``{% if … %}`` … ``{% else %}`` … ``{% endif %}``, read as
    Liquid reads it when nothing is set: an ``if`` or ``elsif`` is not met, an ``unless`` is; what a
    condition not met holds is left out (a solution released by date or by a setting), an ``else``
    shown. Not in code; line breaks kept. Each condition is said (unit.py); one never ended is left as
    written (and said, as any Liquid tag: links.py)."""
    code = _code(src)
    frames: list[
        list[Any]
    ] = []  # per open tag: [where the part left out began (None: shown), a part shown yet, left out whole]
    cut: list[tuple[int, int]] = []
    said: list[tuple[int, str]] = []
    for match in _LIQUID_IF.finditer(src):
        if _within(code, match.start()):
            continue
        word = match.group(1)
        if word in ("if", "unless"):
            outer = bool(frames) and (frames[-1][2] or frames[-1][0] is not None)
            frames.append([match.start() if word == "if" else None, word == "unless", outer])
            if not outer:
                said.append((src.count("\n", 0, match.start()), " ".join(match.group(0).split())))
                if word == "unless":
                    cut.append(match.span())
            continue
        if not frames:
            continue
        frame = frames[-1]
        if word.startswith("end"):
            frames.pop()
            if not frame[2]:
                cut.append((frame[0], match.end()) if frame[0] is not None else match.span())
        elif frame[2]:
            continue
        elif frame[0] is None:  # the part shown ends: the rest is left out
            frame[0] = match.start()
        elif word == "else" and not frame[1]:  # the part left out ends: what follows is shown
            cut.append((frame[0], match.end()))
            frame[0], frame[1] = None, True
    if frames:  # never ended: nothing is left out
        return src
    env.setdefault(LIQUID_IF, []).extend(said)
    for start, end in reversed(cut):
        src = src[:start] + "\n" * src.count("\n", start, end) + src[end:]
    return src


MACRO_CALLS = "ms_macro_calls"  # env key: mkdocs-macros' calls left out, (line, as written), for a warning
MACRO_OPEN = re.compile(r"\{\{-?(\s*)([A-Za-z_][\w.]*)\s*\(")
# MDN's own macros (KumaScript), said as MDN's (unit.py), never left out as mkdocs-macros' calls: '{{glossary("HTML")}}'
MDN_MACROS: tuple[str, ...] = ("glossary", "htmlelement", "cssxref", "jsxref", "domxref", "httpheader")
MDN_MACROS += ("embedlivesample", "learnsidebar", "previousmenunext")
_MACRO_STEP = re.compile(r"[()\"']")
_MACRO_CLOSE = re.compile(r"\s*(?:\|[^{}]*?)?-?\}\}")  # (after its ')': a filter, '| safe', then '}}')


def _call_end(src: str, start: int) -> tuple[int | None, int]:
    """Where a macro's call whose '(' ends at ``start`` ends, after its '}}' (None: it does not), and where
    the reading stopped. Python's strings ('…', "…", triple-quoted over lines) and parentheses are skipped,
    a step to each quote or parenthesis; never more than 64 deep nor 10,000 steps (a page of them)."""
    depth, pos = 1, start
    for _ in range(10_000):
        step = _MACRO_STEP.search(src, pos)
        if step is None:
            return None, len(src)
        pos = step.start()
        char = src[pos]
        if char in "\"'":
            quote = src[pos : pos + 3] if src.startswith(char * 3, pos) else char
            end = src.find(quote, pos + len(quote))
            if len(quote) == 1:
                line_end = src.find("\n", pos)
                while end > 0 and src[end - 1] == "\\" and (line_end < 0 or end < line_end):
                    end = src.find(quote, end + 1)
                if line_end >= 0 and end > line_end:
                    end = -1  # (a string of one quote ends on its line)
            if end < 0:
                return None, start  # (read on from the next call)
            pos = end + len(quote)
            continue
        depth, pos = depth + (1 if char == "(" else -1), pos + 1
        if depth == 0:
            close = _MACRO_CLOSE.match(src, pos)
            return (close.end() if close else None), pos
        if depth > 64:
            break
    return None, pos


def macro_calls(state: StateCore) -> None:
    """mkdocs-macros' calls, ``{{ correction(False, \"\"\" … \"\"\") }}`` or ``{{initexo(0)}}``: the course's
    Python (main.py) makes what they show, and does not run here. Left out, never published: what they
    hold is often a correction held back until the teacher releases it (port hh 01: French NSI courses
    hide every exercise's so), and said (unit.py). Taken for a call only as Jinja writes one: spaced
    inside its braces, over lines, with a string, or alone on its line (not LaTeX's '\\frac{{f(x)}}{2}');
    not in code. Line breaks are kept. One pass: where a call does not end, the next is read after it."""
    src, code, pos = state.src, None, 0
    cut: list[tuple[int, int]] = []
    said = state.env.setdefault(MACRO_CALLS, [])
    while (match := MACRO_OPEN.search(src, pos)) is not None:
        end, reached = _call_end(src, match.end())
        pos = end if end is not None else max(match.end(), reached)
        if end is None:
            continue
        written = src[match.start() : end]
        if match[2].lower() in MDN_MACROS:
            continue
        line_start = src.rfind("\n", 0, match.start()) + 1
        alone = not src[line_start : match.start()].strip() and (end == len(src) or src[end] in "\r\n")
        if not (match.group(1) or "\n" in written or '"' in written or "'" in written or alone):
            continue
        code = _code(src) if code is None else code
        if _within(code, match.start()):
            continue
        cut.append((match.start(), end))
        said.append((src.count("\n", 0, match.start()), " ".join(written.split())))
    for start, end in reversed(cut):
        src = src[:start] + "\n" * src.count("\n", start, end) + src[end:]
    state.src = src


_LIASCRIPT_STEP = re.compile(r"^[ \t]*\{\{\d{1,3}(?:-\d{1,3})?\}\}[ \t]*$", re.M)  # (LiaScript indents it far)


def liascript_steps(state: StateCore) -> None:
    """LiaScript's animation steps, '{{1}}' or '{{0-1}}' alone on a line (however far indented) before what a
    click reveals: here all of it shows at once, and the marker had been printed as text, or as code (port hh
    08). Left out; not in fenced or inline code."""
    src, code = state.src, _code(state.src)
    cut = [m.span() for m in _LIASCRIPT_STEP.finditer(src) if not _within(code, m.start())]
    for start, end in reversed(cut):
        src = src[:start] + src[end:]
    state.src = src


def other_tools_source(state: StateCore) -> None:
    """Quarto's equation labels and meta shortcodes, Jekyll's Liquid comments, mkdocs-macros' calls, LaTeX
    for print, read off the source (one cheap test first)."""
    if "{" in state.src:
        quarto_equation_labels(state)
        quarto_meta(state)
        quarto_kbd(state)
        jekyll_liquid(state)
        if "{{" in state.src and "(" in state.src:
            macro_calls(state)
        if "{{" in state.src and _LIASCRIPT_STEP.search(state.src):
            liascript_steps(state)
    if "\\" in state.src and _PRINT_ONLY.search(state.src):
        print_only_latex(state)


_PRINT_ONLY = re.compile(
    r"\\(?:index|vspace\*?|hspace\*?|label|enlargethispage)\{[^{}\n]*\}"
    r"|\\(?:newpage|clearpage|cleardoublepage|pagebreak|nopagebreak|linebreak|noindent|medskip|bigskip|smallskip"
    r"|vfill|hfill)(?![A-Za-z])"
)


def print_only_latex(state: StateCore) -> None:
    """LaTeX a lesson writes for its printed book (R Markdown, Quarto): ``\\index{term}``, ``\\newpage``,
    ``\\vspace{1em}``… Pandoc leaves raw TeX out of a web page; so does this (it was shown as text). Not
    in code, nor in math (``$\\label{…}$`` is the formula's)."""
    src = state.src
    code = _code(src)
    math = [m.span() for m in _MATH_SPAN.finditer(src)] + _environments(src)

    def dropped(match: re.Match[str]) -> str:
        inside = _within(code, match.start()) or _within(math, match.start())
        return match.group(0) if inside else ""

    state.src = _PRINT_ONLY.sub(dropped, src)


_MATH_SPAN = re.compile(r"\$\$.*?\$\$|(?<![\\$])\$[^$\n]+\$", re.S)
_BEGIN = re.compile(r"\\begin\{([A-Za-z]+\*?)\}")


def _environments(src: str) -> list[tuple[int, int]]:
    """The spans of LaTeX environments, ``\\begin{equation}`` … ``\\end{equation}`` (math: its ``\\label``
    is the formula's), in time that grows with the text (an environment never ended is not looked for again)."""
    spans: list[tuple[int, int]] = []
    unended: set[str] = set()
    after = 0
    for begin in _BEGIN.finditer(src):
        if begin.start() < after or begin[1] in unended:
            continue
        end = src.find(f"\\end{{{begin[1]}}}", begin.end())
        if end < 0:
            unended.add(begin[1])
            continue
        after = end + len(begin[1]) + 6
        spans.append((begin.start(), after))
    return spans


_META = re.compile(r"\{\{<\s*meta\s+([\w.-]+)\s*>\}\}")
FRONT_MATTER = "ms_front_matter"  # env key: the unit's front matter, for Quarto's {{< meta key >}}


def quarto_meta(state: StateCore) -> None:
    """Quarto's ``{{< meta params.images_path >}}``: the value of that key of the unit's front matter (a
    key the course keeps: ``extra_keys``), as Quarto puts it in; a key it does not have stays as written
    (and gets a [shown-as-text] warning). Not in code."""
    meta = state.env.get(FRONT_MATTER)
    if not meta or "{{<" not in state.src:
        return
    code = _code(state.src)

    def value(match: re.Match[str]) -> str:
        found: Any = meta
        for part in match.group(1).split("."):
            found = found.get(part) if isinstance(found, dict) else None
        inside = _within(code, match.start())
        return (
            str(found)
            if isinstance(found, (str, int, float)) and not inside and "\n" not in str(found)
            else match.group(0)
        )

    state.src = _META.sub(value, state.src)


_KBD = re.compile(r"\{\{<\s*kbd\s+([^<>\n]*?)\s*>\}\}")


def quarto_kbd(state: StateCore) -> None:
    """Quarto's ``{{< kbd Shift-Ctrl-P >}}`` (or ``mac=… win=…``: each, one after the other) is the key
    combination to press, as ``<kbd>``. Not in code."""
    if "{{<" not in state.src or "kbd" not in state.src:
        return
    code = _code(state.src)

    def keys(match: re.Match[str]) -> str:
        if _within(code, match.start()):
            return match.group(0)
        words = [w.split("=", 1)[-1].strip("\"'") for w in match.group(1).split()]
        return " / ".join(f"<kbd>{html.escape(w)}</kbd>" for w in words if w)

    state.src = _KBD.sub(keys, state.src)


def theme_safe(ident: str) -> str:
    """A generated id, never one the theme uses: 'ms-quiz-form' -> 'h-ms-quiz-form'. (An id the teacher
    writes, ``{#ms-quiz}``, is refused instead: parse/links.py.)"""
    return "h-" + ident if ident in THEME_IDS or ident.startswith(THEME_ID_PREFIXES) else ident


def heading_slug(title: str) -> str:
    """A heading's id: '## MS Quiz form' -> 'h-ms-quiz-form', not the theme's form id."""
    return theme_safe(slugify(title))


def block_name(token: Token) -> str:
    """The block's name ('question', 'note', 'callout-tip', ...) for a ``container_block_open`` token."""
    return str(token.meta["name"]) if token.meta else token.info.split(None, 1)[0]


_ENDS_ON_ITS_OWN = re.compile(r"<(?:!|\?|(?:script|pre|style|textarea)(?=[\s>]|$))", re.I)  # CommonMark types 1-5
OPENER = re.compile(
    r"(?::{3,}[ \t]*\S|(?:!!!|\?\?\?\+?)[ \t]+\S|===\+?[ \t]+[\"']|`{3,}|~{3,}"
    r"|[-*+][ \t]+\[[ xX]\]|={1,2}[ \t]+\S|\d{1,9}[.)][ \t]+\S)"
)
"""A line that opens a block of ours (``::: question``, MkDocs' ``!!! note``, ``??? solution``, ``=== "Tab"``), a
code fence, or a question's choice (``- [x]``), answer (``= 3/4``) or ordering item (``1. First``)."""


def html_block_to_opener(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """CommonMark's HTML block, except that a line opening a block of ours ends it. An HTML block of
    a tag (``<br>``, ``<p align="center">…</p>``) runs to the next blank line, so a ``::: question``
    or ``???+ exercise`` right below one was published as text, its answer or solution included; MkDocs,
    which ends it there too, is where such lines come from."""
    if silent or not html_block(state, start, end, False):
        return silent and html_block(state, start, end, True)
    token = state.tokens[-1]
    first = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    if token.map is None or _ENDS_ON_ITS_OWN.match(first):
        return True
    for line in range(start + 1, token.map[1]):
        text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
        if state.sCount[line] - state.blkIndent < 4 and OPENER.match(text):
            token.map[1] = state.line = line
            token.content = state.getLines(start, line, state.blkIndent, True)
            break
    return True


_ANNOTATION = re.compile(r"[ \t]*(?:#|//|--|%|;)[ \t]*<\d{1,2}>[ \t]*$", re.M)


def quarto_code_annotations(state: StateCore) -> None:
    """Quarto's code annotations: the markers at the end of a code line ('# <1>', '#<2>', '// <1>')
    are left out of the code, as Quarto leaves them out (the numbered list below says what each is)."""
    for token in state.tokens:
        if token.type == "fence" and "<" in token.content and _ANNOTATION.search(token.content):
            token.content = _ANNOTATION.sub("", token.content)


SEALED_HEADINGS = tuple(name for name in GATED if name not in ("question", "corrective"))


def _unique_explicit_ids(tokens: Sequence[Token]) -> None:
    """Two headings given one id ('## 練習 {#練習}' twice, as pandoc writes a notebook's repeated headings):
    the second is '練習-1', as a repeated heading without one is (port ff 12: both had that id, and every link
    and the page's contents led to the first)."""
    given = [t for t in tokens if t.type == "heading_open" and t.attrGet("id")]
    if len(given) < 2:
        return
    taken = {str(t.attrGet("id")) for t in given}
    seen: set[str] = set()
    for token in given:
        ident = str(token.attrGet("id"))
        if ident in seen:
            n = 1
            while f"{ident}-{n}" in taken:
                n += 1
            ident = f"{ident}-{n}"
            taken.add(ident)
            token.attrSet("id", ident)
        seen.add(ident)


def lesson_headings_first(anchor: Callable[[StateCore], None]) -> Callable[[StateCore], None]:
    """Heading ids for what the page shows first (the lesson, questions' prompts, correctives), then
    for what is sealed or never published (an explanation or feedback, the enrichment, teachers' notes):
    a heading there ('## Paris') must never shift a shown heading's id ('paris' to 'paris-1'), which
    would confirm a guess of what it says."""

    def run(state: StateCore) -> None:
        tokens = state.tokens
        _unique_explicit_ids(tokens)
        if not any(t.type == "container_block_open" for t in tokens):
            anchor(state)
            return
        lesson: list[Token] = []
        gated: list[Token] = []
        depth: list[str] = []  # the open blocks: 'sealed', 'question' or ''
        quotes = 0  # quotes open in a question: its explanation, a choice's feedback
        for index, token in enumerate(tokens):
            if token.type == "container_block_open":
                name = block_name(token)
                depth.append("question" if name == "question" else "sealed" if name in SEALED_HEADINGS else "")
            elif token.type == "container_block_close" and depth:
                depth.pop()
            elif token.type in ("blockquote_open", "blockquote_close") and "question" in depth:
                quotes += token.nesting
            elif token.type == "heading_open" and index + 1 < len(tokens):
                sealed = "sealed" in depth or ("question" in depth and quotes > 0)
                (gated if sealed else lesson).extend(tokens[index : index + 2])
        state.tokens = lesson + gated
        try:
            anchor(state)
        finally:
            state.tokens = tokens

    return run


@lru_cache(maxsize=2)
def make_markdown(safe: bool = False) -> MarkdownIt:
    """Built once per process: the parser and its rules are reused for every unit.
    ``safe``: every piece of HTML it renders is sanitized (``safe_html: true``, parse/sanitize.py)."""
    md = MarkdownIt("commonmark", {"highlight": highlight})
    md.enable(["table", "strikethrough"])
    from masterysite.parse.admonitions import admonition_rule, markdown_in_html_rule, pymdown_block_rule  # MkDocs

    interrupts: RuleOptionsType = {"alt": ["paragraph", "reference", "blockquote", "list"]}
    md.block.ruler.before("fence", "ms_block", block_rule, interrupts)
    md.block.ruler.after("ms_block", "ms_admonition", admonition_rule, interrupts)
    md.block.ruler.before("html_block", "ms_markdown_in_html", markdown_in_html_rule, interrupts)
    md.block.ruler.at("html_block", html_block_to_opener, {"alt": ["paragraph", "reference", "blockquote"]})
    md.block.ruler.after("ms_admonition", "ms_pymdown_block", pymdown_block_rule, interrupts)
    from masterysite.parse.myst import (
        MYST_MATH,
        comment_rule,
        directive_rule,
        note_myst,
        render_math_block,
        render_role,
        render_target,
        role_rule,
        target_rule,
    )

    md.block.ruler.before("fence", "myst_directive", directive_rule, interrupts)
    md.block.ruler.before("lheading", "myst_target", target_rule)  # ("(x)=" over a setext heading too)
    md.block.ruler.before("paragraph", "myst_comment", comment_rule, {"alt": ["paragraph", "reference", "list"]})
    dollarmath_plugin(md, allow_space=False, allow_digits=False, double_inline=True, renderer=render_math)
    md.add_render_rule("math_inline_double", _display_in_text)
    md.add_render_rule("math_inline", _inline_formula)
    md.add_render_rule("math_block", render_math_block)  # a labelled formula: numbered (parse/xref.py)
    ruler = md.inline.ruler
    pandoc = _no_digit_after(math_inline_dollar(allow_space=False, allow_digits=True, allow_double=True))
    myst = _no_digit_after(math_inline_dollar(allow_space=True, allow_digits=True, allow_double=True))
    ruler.at("math_inline", lambda state, silent: (myst if state.env.get(MYST_MATH) else pandoc)(state, silent))
    # '$$' on a line of its own also ends a paragraph, as pandoc reads it (lessons write "the model\n$$"):
    # inside one, the formula was published as text, its '_' read as emphasis
    md.block.ruler.at(
        "math_block", _testable(md.block.ruler.__rules__[md.block.ruler.__find__("math_block")].fn), interrupts
    )
    extend_markdown(md)  # footnotes, definition lists, {attributes}, figures: parse/extras.py
    md.inline.ruler.before("ms_attributes", "myst_role", role_rule)
    from masterysite.parse.marks import marks_plugin

    marks_plugin(md)  # H~2~O, x^2^, ==mark==, ++ctrl+c++, :smile:, abbreviations: parse/marks.py
    md.add_render_rule("myst_role", render_role)
    md.add_render_rule("myst_target", render_target)
    from masterysite.parse.kramdown import kramdown_plugin

    kramdown_plugin(md)  # '{: .challenge}' after a quote: Jekyll-era Carpentries lessons
    anchors_plugin(md, min_level=2, max_level=6, slug_func=heading_slug)  # every heading a link can lead to
    anchor = md.core.ruler.__rules__[md.core.ruler.__find__("anchor")].fn
    md.core.ruler.at("anchor", lesson_headings_first(anchor))
    from masterysite.parse.lesson import block_renderer  # lesson.py builds on this module's helpers

    block_renderer(md)
    from masterysite.parse.blocks import task_box_renderer

    task_box_renderer(md)  # '- [x] Install Python' in a checklist: a box (blocks.task_boxes)
    tokenize_by_first_char(md)  # after every block rule is in place
    terminators_by_first_char(md)
    md.core.ruler.at("normalize", normalize)
    md.core.ruler.after("normalize", "ms_other_tools", other_tools_source)
    md.core.ruler.before("block", "ms_myst", note_myst)  # MyST (Jupyter Book, Sphinx lessons): parse/myst.py
    from masterysite.parse.admonitions import github_alerts

    md.core.ruler.after("block", "ms_alerts", github_alerts)  # '> [!NOTE]': a callout (parse/admonitions.py)
    md.core.ruler.after("ms_alerts", "ms_code_annotations", quarto_code_annotations)
    quick_rendering(md)
    unshown.install(md)  # what HTML never shows ('<section hidden>', 'display:none'): left out (parse/unshown.py)
    if safe:
        sanitize.install(md)  # last: it wraps the renderer every rule above has set up
    return md
