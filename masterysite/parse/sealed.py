"""What a page holds only sealed: the content of its questions and its enrichment (hashing.py seals
it). Nothing written inside them may reach the page in the clear: not a heading's title through a
cross-reference (xref.py), not a definition that applies to the whole page (here)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from markdown_it.token import Token

from masterysite.parse.markdown import block_name

SEALED = ("question", "enrichment")
PRIVATE = (*SEALED, "instructor", "notes")  # and the teacher's notes, never published
_LEAVES = ("paragraph_open", "heading_open", "table_open", "fence", "code_block", "html_block", "hr")
_DEFINITION = re.compile(r"[ \t>]*(?:(?:[-*+]|\d{1,9}[.)]|:)[ \t]+[ \t>]*)*(\*?)\[(?!\^)([^\]]+)\]:")
"""'[sheet]: url' and '*[LCD]: ...', also in quotes, list items, definitions and indented blocks (not a
footnote's '[^x]:')."""


def _sealed(token: Token) -> bool:
    return block_name(token) in SEALED


def _private(token: Token) -> bool:
    """A block the page never publishes, or holds sealed: also Quarto's content for another format."""
    from masterysite.parse.lesson import CONDITIONAL, shown_here

    name = block_name(token)
    return name in PRIVATE or (name in CONDITIONAL and token.meta.get("closed", True) and not shown_here(token))


def _within(tokens: list[Token], held: Callable[[Token], bool]) -> Iterator[tuple[int, Token, Token | None]]:
    """Each token, with the outermost open block for which ``held`` is true that holds it (its own
    opening and closing included), or None."""
    outer: Token | None = None
    depth = 0  # container depth inside ``outer``
    for index, token in enumerate(tokens):
        if token.type == "container_block_open" and (depth or held(token)):
            outer = outer if depth else token
            depth += 1
        holder = outer if depth else None
        if token.type == "container_block_close" and depth:
            depth -= 1
        yield index, token, holder


def sealed_indexes(tokens: list[Token]) -> set[int]:
    """The positions of the tokens inside a question or the enrichment (their own open and close too)."""
    return {index for index, _, outer in _within(tokens, _sealed) if outer is not None}


def definitions(tokens: list[Token], body: str) -> Iterator[tuple[int, str, str]]:
    """Link reference definitions and abbreviations written inside a question, the enrichment or a
    teacher's note: (line in ``body``, 0-based; the definition as written; the block's name). Both
    apply to the whole page, so a term or link outside the block would show what the block holds. A
    definition makes no token: it is a line of the block that no paragraph, heading, table or code covers."""
    lines = body.split("\n")
    covered: dict[int, set[int]] = {}  # id of an outermost block -> its lines that tokens cover
    blocks: list[Token] = []
    for _, token, outer in _within(tokens, _private):
        if outer is None:
            continue
        if id(outer) not in covered:
            covered[id(outer)] = set()
            blocks.append(outer)
        if token.map and (token.type in _LEAVES or token.type.startswith("math_block")):
            covered[id(outer)].update(range(*token.map))
    for block in blocks:
        start, end = block.map or (0, len(lines))  # (a block never closed runs to the end)
        yield from _uncovered(lines, start + 1, end, covered[id(block)], block_name(block))


def _uncovered(lines: list[str], start: int, end: int, covered: set[int], block: str) -> Iterator[tuple[int, str, str]]:
    for number in range(start, min(end, len(lines))):
        match = _DEFINITION.match(lines[number]) if number not in covered else None
        if match is not None:
            yield number, f"{match.group(1)}[{match.group(2)}]", block


_MACRO_DEFINITION = re.compile(r"\\(?:(?:re|provide)?newcommand|def|DeclareMathOperator)\b\*?\s*\{?\s*\\?([A-Za-z]+)")


def macro_definitions(tokens: list[Token], body: str) -> Iterator[tuple[int, str, str]]:
    """Macros a formula inside a question, the enrichment or a teacher's note defines (``\\newcommand``,
    ``\\def``): (line, 0-based; the macro's name; the block's name). A macro holds for the whole unit, as
    MathJax keeps it for the whole page, so a formula of the lesson that uses it shows what it stands for:
    only those used outside the block (one used in it alone is the block's own business)."""
    lines = body.split("\n")
    for _, token, outer in _within(tokens, _private):
        if outer is None or not token.map:
            continue
        formulas = (
            [token] if token.type.startswith("math") else [t for t in token.children or () if t.type.startswith("math")]
        )
        for formula in formulas:
            for found in _MACRO_DEFINITION.finditer(formula.content):
                start, end = outer.map or (0, len(lines))
                outside = "\n".join(lines[:start] + lines[end:])
                if re.search(rf"\\{found.group(1)}(?![A-Za-z])", outside):
                    yield token.map[0], found.group(1), block_name(outer)
