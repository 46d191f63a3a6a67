"""Blanks ``[[answer]]`` in a question's prompt (in text, inline code or a code block), and hints ``[[?]]``.

Each blank is cut out of the prompt's tokens before rendering and replaced by a placeholder word
that survives Markdown and the code highlighter; after rendering, the placeholder becomes a
labelled text input. The answer inside the brackets is taken from the source as written (so a
pattern keeps its backslashes even in prose).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote

from markdown_it.token import Token

# '[[' then no space, up to the first ']]' with no space before it: bash's '[[ -f x ]]' is left alone.
# Three brackets, '[[[…]]]': the answer holds the outer pair ('[[[0]]]' is '[0]'), unless it starts with an
# operator: 'arr[[[= 0]]]' is 'arr[', a blank '= 0', then ']'.
BLANK = re.compile(
    r"\[\[(?!\?\]\])(?!\[(?:==?|~))(?:(?<=\[\[\[)(?P<within>)|)(?!\s)(?P<answer>.{1,500}?)(?<!\s)"
    r"(?(within)\]\](?=\](?!\]))|\]\](?!\]))"
)
EMPTY = re.compile(r"\[\[\s*\]\](?!\])")  # a blank with no answer (an error: blocks.py)
# In code, '[[' right after a name or a bracket around numbers or quoted names is indexing, not a blank:
# pandas' df[['a', 'b']], numpy's a[[0, 2]], R's lst[[1]]. ('organi[[== [sz]]]e' is a blank, as is
# 'H[[2]]O' in prose.)
_INDEX = re.compile(r"""\s*(?:-?\d+|'[^'\n]*'|"[^"\n]*")(?:\s*,\s*(?:-?\d+|'[^'\n]*'|"[^"\n]*"))*\s*""")
NESTED_LIST = re.compile(r"\[\[[^\[\]\n]*\],\s*\[")  # code's '[[1, 2], [3, 4]]': a list of lists, no blank
HINT = re.compile(r"^\[\[\?\]\](?:\s+|$)")
# Where a blank's input goes, until the prompt is rendered: a word no unit can write (one a prompt wrote itself,
# 'MsBlank0Q' in an attribute's value, had become an input there, its '"' closing the value: security round dd 6)
_NONCE = secrets.token_hex(8)
_PLACEHOLDER = f"MsBlank{_NONCE}n{{}}Q"
_PLACEHOLDERS = re.compile(rf"MsBlank{_NONCE}n(\d+)Q")


@dataclass
class Found:
    """A blank as written: the text inside the brackets and its line."""

    inside: str
    line: int
    code: bool = False  # in inline code or a code block: compared ignoring case only if the teacher says so


def _cut(text: str, found: list[Found], line: int, code: bool = False) -> str:
    def swap(match: re.Match[str]) -> str:
        found.append(Found(match["answer"], line + (text.count("\n", 0, match.start()) if code else 0), code))
        return _PLACEHOLDER.format(len(found) - 1)

    if code:  # (indexing and a list of lists are left as they are)
        return BLANK.sub(lambda m: m[0] if code_not_blank(text, m) else swap(m), text)
    return BLANK.sub(swap, text)


def code_not_blank(text: str, match: re.Match[str]) -> bool:
    """A '[[…]]' in code that is code's own: indexing right after a name ('lst[[1]]'), a list of lists,
    or a list whose first item indexes ('[[row[0]] for row in grid]': an "answer" 'row[0' that opens a
    bracket it does not close ends at the code's own ']')."""
    if NESTED_LIST.match(text, match.start()) or match["answer"].count("[") > match["answer"].count("]"):
        return True
    if _TOML_TABLE.fullmatch(match["answer"]) and _toml_header(text, match):
        return True
    line_start = text.rfind("\n", 0, match.start()) + 1  # (its own line: not the whole code before it)
    if _TYPE_BEFORE.search(text, line_start, match.start()) or _TYPE_AFTER.match(text, match.end()):
        return True  # Haskell's type of lists of lists, 'concat :: [[a]] -> [a]' (port bb 10)
    before = text[match.start() - 1 : match.start()]
    return bool(before) and (before.isalnum() or before in "_])") and _INDEX.fullmatch(match["answer"]) is not None


_TYPE_BEFORE = re.compile(r"(?:::|->|=>)[ \t]*\Z")
_TYPE_AFTER = re.compile(r"[ \t]*->")
_TOML_TABLE = re.compile(r"[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*")
_TOML_KEY = re.compile(r"[ \t]*[A-Za-z_][\w.-]*[ \t]*=")


def _toml_header(text: str, match: re.Match[str]) -> bool:
    """A TOML array of tables' header, '[[bin]]' alone on its line with a 'key = value' line after it (Cargo's,
    pyproject's '[[tool.uv.index]]'): code, no blank (port bb 10)."""
    start = text.rfind("\n", 0, match.start()) + 1
    end = text.find("\n", match.end())
    if text[start : match.start()].strip() or (end >= 0 and text[match.end() : end].strip()) or end < 0:
        return False
    following = text[end + 1 :].split("\n", 1)[0]
    return _TOML_KEY.match(following) is not None


def blank_matches(token: Token) -> list[re.Match[str]]:
    """The blanks of an inline token as written in its source (escapes kept), less code's indexing."""
    codes = [c.content for c in token.children or () if c.type == "code_inline" and "[[" in c.content]
    return [m for m in BLANK.finditer(token.content) if not (codes and _indexing(token.content, m, codes))]


def _indexing(source: str, match: re.Match[str], codes: list[str]) -> bool:
    """A '[[…]]' of inline code that is code's own ('df[['a', 'b']]', '[[1, 2], [3]]': code_not_blank)."""
    return code_not_blank(source, match) and any(match[0] in c for c in codes)


def has_blank(token: Token) -> bool:
    """Whether a block token of a prompt holds a blank (in its words, inline code or a code block)."""
    if token.type in ("fence", "code_block"):
        return any(not code_not_blank(token.content, m) for m in BLANK.finditer(token.content))
    return token.type == "inline" and "[[" in token.content and bool(blank_matches(token))


SPLIT = (
    "a blank '[[…]]' cannot hold Markdown formatting, a link, a tag or math ('*', '_', '[…](…)', '<br>', '$…$'):"
    " write its answer as plain text ('[[mu|μ]]' for μ, '[[2x^2]]' for a power), in code ('`[[a*b]]`'),"
    " or with its marks escaped ('[[\\*\\*kwargs]]')"
)
IN_MATH = (
    "a blank '[[…]]' cannot be inside a formula ('$F = [[6]]\\,N$'): end the formula before the blank and"
    " start another after it ('$F =$ [[6]] $\\mathrm{N}$')"
)
IN_ADDRESS = (
    "a blank '[[…]]' cannot be in a link's address ('<https://…/[[…]]>'): the address would show its answer"
    " to anyone who points at the link; put the blank in the text beside it"
)


def cut_blanks(
    tokens: list[Token], line_of: Callable[[Token], int]
) -> tuple[list[Token], list[Found], list[tuple[int, str]]]:
    """Tokens with every blank replaced by a placeholder (copies; the originals are untouched),
    the blanks, and the blanks that cannot be read, with their lines and why (SPLIT: Markdown split
    them, formatting inside the brackets; IN_ADDRESS: an autolink's address holds one)."""
    found: list[Found] = []
    split: list[tuple[int, str]] = []
    out: list[Token] = []
    for token in tokens:
        if token.type in ("fence", "code_block") and "[[" in token.content:
            token = token.copy()
            token.content = _cut(token.content, found, line_of(token), code=True)
        elif token.type == "inline" and "[[" in token.content:
            before = len(found)
            token = _cut_inline(token, found, line_of(token), split)
            if len(found) > before and out and out[-1].type == "heading_open" and out[-1].attrGet("id"):
                out[-1] = _without_id(out[-1])  # the id was made from the heading's text: answers and all
        out.append(token)
    return out, found, split


def _without_id(heading: Token) -> Token:
    copy = heading.copy()
    copy.attrs = {k: v for k, v in heading.attrs.items() if k != "id"}
    return copy


def _cut_inline(token: Token, found: list[Found], line: int, split: list[tuple[int, str]]) -> Token:
    """Blanks in prose and inline code; the answer is read from the source (escapes kept)."""
    raw = [m["answer"] for m in blank_matches(token)]
    start = len(found)
    children = []
    for child in token.children or []:
        if child.type in ("text", "code_inline") and "[[" in child.content:
            child = child.copy()
            child.content = _cut(child.content, found, line, code=child.type == "code_inline")
        children.append(child)
    seen = found[start:]
    if len(seen) == len(raw):  # the usual case: restore what Markdown's escapes changed
        for blank, inside in zip(seen, raw, strict=True):
            blank.inside = inside
    elif any(c.type.startswith("math") and "[[" in c.content for c in children):
        split.append((line, IN_MATH))  # (new teacher aa 11: '$F = [[6]]$' had been said as math in a blank)
    else:
        split.append((line, SPLIT))
    if seen and any("[[" in unquote(str(v)) for c in children if c.attrs for v in c.attrs.values()):
        split.append((line, IN_ADDRESS))  # (the link's text is the blank; its address kept the answer)
    copy = token.copy()
    copy.children = children
    return copy


def fill_blanks(html: str, key: str, total: int) -> str:
    """Placeholders -> labelled inputs (the label's words are filled in by the theme: see render.py)."""

    def field(match: re.Match[str]) -> str:
        n = int(match[1])
        return (
            f'<input type="text" class="blank" id="q-{key}-blank-{n}" data-blank="{n}" dir="auto"'
            f' aria-label="{{blank {n + 1} {total}}}" aria-describedby="q-{key}-prompt"'
            ' autocomplete="off" autocapitalize="off" autocorrect="off" spellcheck="false">'
        )

    return _PLACEHOLDERS.sub(field, html)


_LABEL = re.compile(r'aria-label="\{blank (\d+) (\d+)\}"')


def label_blanks(html: str, words: str) -> str:
    """``words`` is the theme's string, e.g. 'Blank {n} of {total}'."""
    return _LABEL.sub(
        lambda m: 'aria-label="' + words.replace("{n}", m[1]).replace("{total}", m[2]) + '"',
        html,
    )


def hint_lines(content: str) -> list[str] | None:
    """A paragraph of hints (``[[?]] text`` lines, continuation lines joined) -> their texts, else None."""
    lines = content.split("\n")
    if not HINT.match(lines[0]):
        return None
    hints: list[str] = []
    for line in lines:
        if HINT.match(line):
            hints.append(HINT.sub("", line, count=1))
        else:
            hints[-1] += "\n" + line
    return hints
