"""kramdown's block attribute lines, as the Jekyll-era Carpentries lessons write them.

Before the Workbench, an episode made its boxes of blockquotes and a line of attributes after them::

    > ## Sorting files
    > Which command sorts?
    >
    > > ## Solution
    > > `sort`
    > {: .solution}
    {: .challenge}

and named its code blocks' language the same way (``{: .language-bash}``, ``{: .output}``). Such a
line applies to the block just before it: a blockquote whose class is a lesson block's name
(``challenge``, ``solution``, ``callout``, ``keypoints``...) becomes that block, exactly as if it
had been written with ``:::``; a code block takes the language; any other block the attributes
(only the safe ones, the others are reported, parse/extras.py). Without this, every such line
was published as text and every box as a plain quote. (On a heading or after an image, link or
inline code, ``{: #id .x}`` is read like ``{#id .x}``: extras.parse_attributes.)
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from masterysite.parse.extras import apply_attributes, closing_index, opening_index, parse_attributes

FOUND = "ms_kramdown_attributes"  # env key: this parse met an attribute line
_LINE = re.compile(r"\{:?[^{}]*\}[ \t]*")
_BLOCKS = ("fence", "code_block", "html_block", "hr", "math_block")  # blocks of one token


def attribute_line(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A line that is only ``{: ...}``: a block of its own (it also ends a paragraph or a quote's lazy
    lines, which would otherwise take it in as text)."""
    if state.is_code_block(start_line):
        return False
    start, stop = state.bMarks[start_line] + state.tShift[start_line], state.eMarks[start_line]
    if not state.src.startswith("{:", start) and not _attr_list_after(state, start_line, start):
        return False
    if _LINE.fullmatch(state.src, start, stop) is None:
        return False
    written = state.src[start:stop].strip()
    if written.startswith("{:") and written.endswith(":}"):  # '{: .challenge :}', kramdown's other way to close
        written = written[:-2].rstrip() + "}"
    parsed = parse_attributes(written)
    if parsed is None:
        return False
    if not silent:
        state.env[FOUND] = True
        token = state.push("ms_kramdown_attributes", "", 0)
        token.map, token.hidden, token.meta = [start_line, start_line + 1], True, {"attrs": parsed[0]}
        # kramdown: right after a block, the line is that block's; after an empty line, the next block's
        token.meta["after"] = start_line > 0 and not state.isEmpty(start_line - 1)
        token.meta["before"] = start_line + 1 < end_line and not state.isEmpty(start_line + 1)
        state.line = start_line + 1
    return True


def _attr_list_after(state: StateBlock, line: int, start: int) -> bool:
    """Python-Markdown's attr_list (MkDocs): ``{ .annotate }`` on the line right after a block's last line
    is that block's, as kramdown's ``{: ...}`` is (after an empty line it is text, as MkDocs shows it)."""
    return state.src[start + 1 : start + 2] in (" ", ".", "#") and line > 0 and not state.isEmpty(line - 1)


def _annotated(tokens: list[Token], index: int, attrs: dict[str, str]) -> dict[str, str]:
    """Material for MkDocs' annotations (``{ .annotate }``) are not read: the class is left out and the
    block marked, for links.py to say so once a unit."""
    classes = attrs.get("class", "").split()
    if "annotate" not in classes or index == 0 or tokens[index - 1].level != tokens[index].level:
        return attrs
    block = tokens[opening_index(tokens, index - 1)]
    block.meta["annotate"] = True
    rest = " ".join(c for c in classes if c != "annotate")
    return {**attrs, "class": rest} if rest else {k: v for k, v in attrs.items() if k != "class"}


_QUIZ = ("question", "corrective", "enrichment")


def _apply(tokens: list[Token], index: int, attrs: dict[str, str], env: MutableMapping[str, Any] | None = None) -> None:
    """The attributes at ``index`` to the block that ends just before it."""
    from masterysite.parse.lesson import kind_of  # lesson.py builds on the parser this module is part of

    if index == 0 or tokens[index - 1].level != tokens[index].level:
        return  # first in its container: nothing before it to apply to
    last = tokens[index - 1]
    classes = attrs.get("class", "").split()
    if any((kind_of(c) or ("", ""))[0] == "hidden" for c in classes):  # '{: .instructor}': never published
        start = index - 1 if last.nesting == 0 else opening_index(tokens, index - 1)
        del tokens[start:index]  # the block before the line (the line itself is taken out by the caller)
        return
    quiz = next((c for c in classes if c in _QUIZ), None)
    if quiz is not None and last.type == "blockquote_close":  # '{: .enrichment}': a quote, for everyone to read
        from masterysite.parse.markdown import problem

        start = opening_index(tokens, index - 1)
        where = tokens[start].map
        problem(env if env is not None else {}, "quiz-class", where[0] if where else 0, name=quiz)
        del tokens[start:index]  # never published, whatever else is wrong
        return
    if last.type == "blockquote_close":
        name = next((c for c in classes if kind_of(c) is not None), None)
        if name is not None:
            opening = tokens[opening_index(tokens, index - 1)]
            opening.type, opening.tag, opening.info = "container_block_open", "div", name
            opening.meta = {"name": name, "title": "", "closed": True}
            last.type, last.tag = "container_block_close", "div"
            apply_attributes(opening, {k: v for k, v in attrs.items() if k != "class"})  # unsafe ones: reported
            return
    name = next((c for c in classes if kind_of(c) is not None), None)
    if name is not None and last.type != "blockquote_close":  # '```js … ```' then '{: .solution}': collapsed
        start = index - 1 if last.nesting == 0 else opening_index(tokens, index - 1)
        for token in tokens[start:index]:
            token.level += 1
        opening = Token("container_block_open", "div", 1, info=name, map=tokens[start].map, level=last.level - 1)
        opening.meta, opening.block = {"name": name, "title": "", "closed": True}, True
        closing = Token("container_block_close", "div", -1, level=last.level - 1, block=True)
        tokens[start:index] = [opening, *tokens[start:index], closing]
        apply_attributes(opening, {k: v for k, v in attrs.items() if k != "class"})
        return
    if last.type in ("fence", "code_block"):
        language = next((c for c in classes if c.startswith("language-")), None)
        if language is not None and not last.info.strip():
            last.info = language.removeprefix("language-")
        rest = [c for c in classes if c != language]
        attrs = {**attrs, "class": " ".join(rest)} if rest else {k: v for k, v in attrs.items() if k != "class"}
        apply_attributes(last, attrs)
        return
    target = last if last.type in _BLOCKS else tokens[opening_index(tokens, index - 1)]
    apply_attributes(target, attrs)


def _before_blocks_moved(tokens: list[Token]) -> list[Token]:
    """Each attribute line that stands before a block (an empty line before it, the block right after it)
    moved to just after that block, where the rest of this module looks for what it applies to."""
    tokens = list(tokens)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        placed = token.type != "ms_kramdown_attributes" or token.meta.get("after", True)
        if placed or not token.meta.get("before") or following is None:
            index += 1
            continue
        if following.level != token.level or following.nesting < 0 or following.type == token.type:
            index += 1
            continue
        end = closing_index(tokens, index + 1)
        token.meta["after"] = True
        tokens[index : end + 1] = [*tokens[index + 1 : end + 1], token]
        index = end + 1
    return tokens


def apply_attribute_lines(state: StateCore) -> None:
    if not state.env.pop(FOUND, False):
        return  # (a look at every token of every unit costs more than the rest of this)
    tokens = _before_blocks_moved(state.tokens)
    out: list[Token] = []
    for token in tokens:
        if token.type == "ms_kramdown_attributes":
            if token.meta.get("after", True):  # (empty lines on both sides: kramdown applies it to nothing)
                out.append(token)
                _apply(out, len(out) - 1, _annotated(out, len(out) - 1, token.meta["attrs"]), state.env)
                out.pop()
        else:
            out.append(token)
    state.tokens = out


def kramdown_plugin(md: MarkdownIt) -> None:
    md.block.ruler.before(
        "paragraph", "ms_kramdown", attribute_line, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )
    md.core.ruler.after("block", "ms_kramdown_apply", apply_attribute_lines)
