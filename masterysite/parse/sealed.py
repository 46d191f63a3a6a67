"""What a page holds only sealed: the content of its questions and its enrichment (hashing.py seals
it). Nothing written inside them may reach the page in the clear: not a heading's title through a
cross-reference (xref.py), not a definition that applies to the whole page (here)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it.token import Token

from masterysite.parse.markdown import block_name

SEALED = ("question", "enrichment")
PRIVATE = (*SEALED, "instructor", "notes")  # and the teacher's notes, never published
_LEAVES = ("paragraph_open", "heading_open", "table_open", "fence", "code_block", "html_block", "hr")
_DEFINITION = re.compile(r"[ \t>]*(?:(?:[-*+]|\d{1,9}[.)]|:)[ \t]+[ \t>]*)*(\*?)\[(?!\^)([^\]]+)\]:")
"""'[sheet]: url' and '*[LCD]: ...', also in quotes, list items, definitions and indented blocks (not a
footnote's '[^x]:')."""


def sealed_indexes(tokens: list[Token]) -> set[int]:
    """The positions of the tokens inside a question or the enrichment (their own open and close too)."""
    inside: set[int] = set()
    depth = 0  # container depth inside the outermost sealed block; 0: not in one
    for index, token in enumerate(tokens):
        if token.type == "container_block_open" and (depth or block_name(token) in SEALED):
            depth += 1
        if depth:
            inside.add(index)
        if token.type == "container_block_close" and depth:
            depth -= 1
    return inside


def definitions(tokens: list[Token], body: str) -> Iterator[tuple[int, str, str]]:
    """Link reference definitions and abbreviations written inside a question or the enrichment:
    (line in ``body``, 0-based; the definition as written; the block's name). Both apply to the
    whole page, so a term or link outside the block would show what the block holds. A definition
    makes no token: it is a line of the block that no paragraph, heading, table or code covers."""
    lines = body.split("\n")
    depth, block, start = 0, "", 0
    covered: set[int] = set()
    for token in tokens:
        if token.type == "container_block_open" and (depth or block_name(token) in PRIVATE):
            if not depth:
                block, (start, end), covered = block_name(token), token.map or (0, len(lines)), set()
            depth += 1
        elif token.type == "container_block_close" and depth:
            depth -= 1
            if not depth:
                yield from _uncovered(lines, start + 1, end, covered, block)
        elif depth and token.map and (token.type in _LEAVES or token.type.startswith("math_block")):
            covered.update(range(*token.map))
    if depth:  # a block never closed runs to the end
        yield from _uncovered(lines, start + 1, len(lines), covered, block)


def _uncovered(lines: list[str], start: int, end: int, covered: set[int], block: str) -> Iterator[tuple[int, str, str]]:
    for number in range(start, min(end, len(lines))):
        match = _DEFINITION.match(lines[number]) if number not in covered else None
        if match is not None:
            yield number, f"{match.group(1)}[{match.group(2)}]", block
