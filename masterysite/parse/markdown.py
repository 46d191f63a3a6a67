"""The one Markdown parser: CommonMark + tables, strikethrough, ::: blocks, $math$, highlighted code."""

from __future__ import annotations

import html
from functools import lru_cache
from typing import Any

from latex2mathml.converter import convert as latex_to_mathml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from pygments import highlight as pygments_highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from masterysite.parse.extras import extend_markdown

BLOCKS = ("question", "corrective", "enrichment")
_FORMATTER = HtmlFormatter(nowrap=True)


class MathProblem(Exception):
    """LaTeX that could not be turned into MathML; reported as a warning by the parser."""


math_failures: list[str] = []


def render_math(latex: str, options: dict[str, Any]) -> str:
    """LaTeX -> MathML at build time, so the site needs no math script and fetches nothing."""
    display = "block" if options.get("display_mode") else "inline"
    try:
        return str(latex_to_mathml(latex, display=display))
    except Exception:  # latex2mathml raises many kinds on bad input; fall back to the source
        math_failures.append(latex)
        return f'<code class="math-source">{html.escape(latex)}</code>'


@lru_cache(maxsize=64)
def _lexer(lang: str) -> Any:
    try:
        return get_lexer_by_name(lang)
    except ClassNotFound:
        return None


def highlight(code: str, lang: str, _attrs: str) -> str:
    """Pygments classes at build time; an unknown language is left as plain escaped text."""
    lexer = _lexer(lang.lower()) if lang else None
    if lexer is None:
        return ""
    body = pygments_highlight(code, lexer, _FORMATTER)
    return f'<pre class="highlight"><code class="language-{html.escape(lang)}">{body}</code></pre>\n'


def _validate_block(params: str, _markup: str) -> bool:
    words = params.split(None, 1)
    return bool(words) and words[0] in BLOCKS


def block_name(token: Token) -> str:
    """'question', 'corrective' or 'enrichment' for a ``container_block_open`` token."""
    return token.info.split(None, 1)[0]


@lru_cache(maxsize=1)
def make_markdown() -> MarkdownIt:
    """Built once per process: the parser and its rules are reused for every unit."""
    md = MarkdownIt("commonmark", {"highlight": highlight})
    md.enable(["table", "strikethrough"])
    container_plugin(md, "block", validate=_validate_block)  # one rule for all three names: 3x fewer calls
    dollarmath_plugin(md, allow_space=False, allow_digits=False, renderer=render_math)
    extend_markdown(md)  # footnotes, definition lists, {attributes}, figures: parse/extras.py
    anchors_plugin(md, min_level=2, max_level=3)
    return md
