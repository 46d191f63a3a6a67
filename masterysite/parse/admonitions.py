"""MkDocs admonitions (Python-Markdown, Material for MkDocs): ``!!! note "Title"`` and the
collapsible ``??? tip`` / ``???+ tip`` (pymdownx.details), their body indented four spaces; and
content tabs (pymdownx.tabbed: ``=== "Linux"``), shown as collapsed blocks (``_tab``).

A lesson written for MkDocs keeps them as written: each becomes the lesson block it means (a callout,
an exercise, a solution, teacher notes...), rendered like its ``:::`` form (parse/lesson.py).
``???`` is always collapsed, ``???+`` open until the student closes it. Material's types and their
aliases take the callout that looks closest (``danger`` -> caution, ``question`` -> discussion) and
keep their own word as the title, as MkDocs shows it; masterysite's own block names work too. Any
other type is an error that lists them, never a box of unknown meaning: quiz blocks stay ``:::``.
"""

from __future__ import annotations

import bisect
import difflib
import html
import itertools
import re
from collections.abc import Callable, Iterator
from functools import partial
from html.parser import HTMLParser
from typing import Any

from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from masterysite.parse.markdown import CODE_FENCE_LINE, fenced, push_block

MATERIAL = {
    "note": "note",
    "seealso": "note",
    "abstract": "note",
    "summary": "note",
    "tldr": "note",
    "info": "note",
    "todo": "note",
    "tip": "tip",
    "hint": "tip",
    "important": "important",
    "success": "tip",
    "check": "tip",
    "done": "tip",
    "question": "discussion",
    "help": "discussion",
    "faq": "discussion",
    "warning": "warning",
    "caution": "caution",
    "attention": "warning",
    "failure": "warning",
    "fail": "warning",
    "missing": "warning",
    "danger": "caution",
    "error": "caution",
    "bug": "warning",
    "example": "callout",
    "quote": "callout",
    "cite": "callout",
}
"""Material for MkDocs' admonition types and aliases -> the lesson block that shows them."""

MARKERS = ("!!!", "???", "???+")
_START = re.compile(r'(!!!|\?\?\?\+?) ?(?:([\w-]+(?: +[\w-]+)*?)(?: +"(.*?)")?|"(.*?)") *')
_TAB = re.compile(r'(===[!+]?) +"(.*)" *')  # pymdownx.tabbed: '=== "Linux"', '===+' selected, '===!' a new set
QUIZ_NAMES = ("question", "corrective", "enrichment")
INDENT = 4  # Python-Markdown's tab length: the body of an admonition is indented this much


def types() -> tuple[str, ...]:
    """Every type an admonition may name: Material's, then masterysite's own lesson blocks."""
    from masterysite.parse.lesson import LESSON_BLOCKS

    return tuple(dict.fromkeys([*MATERIAL, *LESSON_BLOCKS]))


def block_of(tag: str, collapsible: bool) -> tuple[str, str | None, str] | None:
    """(the lesson block, the key of its default title in the theme's strings or None, a title in
    words when there is no such key) for an admonition's type; None for a type nobody knows."""
    from masterysite.parse.lesson import ALIASES, LESSON_BLOCKS, kind_of

    name = MATERIAL.get(tag) or (tag if tag in LESSON_BLOCKS else ALIASES.get(tag))  # '??? answer': a solution
    if name is None:
        return None
    # a word the theme has a title for in every language ('hint', 'challenge' -> 'practice'); MkDocs' own
    # types keep their word ('!!! info' is titled 'Info', though Docusaurus' ':::info' is a note)
    own = kind_of(tag) if tag not in MATERIAL or tag not in ALIASES else None
    key = own[1] if own is not None else None
    kind = kind_of(name)
    if collapsible and kind is not None and kind[0] not in ("collapsed", "hidden", "practice"):
        name = "details"  # (an exercise stays one: its answers are checked, never shown: '??? challenge')
    return name, key, tag.capitalize()


ANSWERED = ("question", "practice", "challenge", "exercise")  # blocks with answers: a quote is feedback, [[…]] a blank
_ALERT = re.compile(r"\[!([A-Za-z]+)\]([+-]?)[ \t]*([^\n]*)(?:\n|$)")


def github_alerts(state: StateCore) -> None:
    """GitHub's alerts (Obsidian's and MyST's callouts too): a quote whose first line is ``[!NOTE]``,
    ``[!WARNING]``… is the callout that type names, as an admonition of that type is; ``[!TIP]- Title``
    folds it closed, ``[!TIP]+`` open. A type nobody knows stays a quote, as GitHub shows it; so does
    a quote in a question or an exercise, where a quote is a choice's feedback or the explanation."""
    if "[!" not in state.src:
        return
    tokens, quiz = state.tokens, []
    for i, token in enumerate(tokens):
        if token.type == "container_block_open":
            quiz.append(token.meta.get("name") in ANSWERED)
        elif token.type == "container_block_close" and quiz:
            quiz.pop()
        if token.type != "blockquote_open" or any(quiz) or i + 2 >= len(tokens) or tokens[i + 2].type != "inline":
            continue
        inline = tokens[i + 2]
        match = _ALERT.match(inline.content)
        block = block_of(match[1].lower(), match[2] != "") if match and tokens[i + 1].type == "paragraph_open" else None
        if match is None or block is None:
            continue
        name, key, words = block
        ends = (j for j in range(i + 1, len(tokens)) if tokens[j].type == "blockquote_close")
        close = next(j for j in ends if tokens[j].level == token.level)
        written = f"> [!{match[1]}]{match[2]}"
        meta = {"name": name, "admonition": match[1].lower(), "closed": True, "open": match[2] == "+"}
        meta.update(written=written, title=match[3].strip() or ("" if key else words), title_key=key)
        opening = Token("container_block_open", "div", 1, map=token.map, level=token.level, markup=written)
        opening.block, opening.info, opening.meta = True, written, meta
        tokens[close] = Token("container_block_close", "div", -1, level=token.level, markup=written, block=True)
        tokens[i] = opening
        inline.content = inline.content[match.end() :]
        if inline.content.strip():  # the quote goes on below the marker's line
            for first in (tokens[i + 1], inline):
                if first.map:
                    first.map = [first.map[0] + 1, first.map[1]]
        else:  # the marker's line alone: no empty paragraph
            del tokens[i + 1 : i + 4]


def unknown_admonition(marker: str, tag: str) -> str:
    close = difflib.get_close_matches(tag, types(), n=1, cutoff=0.75)
    hint = f" — did you mean '{marker} {close[0]}'?" if close else ""
    if not close and tag not in QUIZ_NAMES:  # 'terminal', 'r-project': a type of the site's own CSS, often
        hint = f" — a type of the site's own? write the one it looks like ('{marker} example', '{marker} note'…)"
    return (
        f"unknown admonition '{marker} {tag}' (types: {', '.join(types())}; quiz blocks are written"
        f" '::: question OBJECTIVE', '::: corrective OBJECTIVE Title', '::: enrichment Title'){hint}"
    )


def _end(state: StateBlock, start_line: int, end_line: int, indent: int) -> int:
    """The line after the body: the last line indented ``indent`` or more before a line that is not."""
    end = start_line + 1
    for line in range(start_line + 1, end_line):
        if state.bMarks[line] + state.tShift[line] >= state.eMarks[line]:
            continue  # empty lines belong to the body only if an indented line follows
        if state.sCount[line] < indent:
            break
        end = line + 1
    return end


def admonition_rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if state.is_code_block(start_line):
        return False
    start, stop = state.bMarks[start_line] + state.tShift[start_line], state.eMarks[start_line]
    if state.src[start] == "=":  # (also every '= answer' line of a question: three first)
        return state.src.startswith("===", start) and _tab(state, start_line, end_line, silent)
    if state.src[start] not in "!?":
        return False
    match = _START.fullmatch(state.src, start, stop)
    if match is None or (match.group(1) == "!!!" and match.group(2) is None):
        return False  # '!!! "Title"' with no type: not an admonition in MkDocs either
    if silent:
        return True
    marker, tags, title = match.group(1), match.group(2), match.group(3) or match.group(4) or ""
    # more words are CSS classes in MkDocs ('inline end'); a lone '-' ('???- question', a house style) is none
    classes = [word for word in (tags or "").split() if word.strip("-")]
    tag = classes[0].lower() if classes else ("details" if marker != "!!!" else "note")
    block = block_of(tag, marker != "!!!")
    if block is None:
        meta = {"name": f"{marker} {tag}", "admonition": tag, "title": title, "closed": True}
    else:
        name, key, words = block
        meta = {"name": name, "admonition": tag, "closed": True, "open": marker == "???+"}
        meta.update(written=f"{marker} {tag}", title=title or ("" if key else words), title_key=key)
    _indented_block(state, start_line, end_line, marker, meta)
    return True


def _indented_block(
    state: StateBlock,
    start_line: int,
    end_line: int,
    marker: str,
    meta: dict[str, Any],
    close: dict[str, Any] | None = None,
) -> None:
    """A lesson block whose body is the lines indented four spaces after ``start_line`` (the marker's
    line): its opening token (with ``meta``), the body's tokens, its closing token (with ``close``)."""
    start, stop = state.bMarks[start_line] + state.tShift[start_line], state.eMarks[start_line]
    end = _end(state, start_line, end_line, state.sCount[start_line] + INDENT)
    old_parent, old_max, old_indent = state.parentType, state.lineMax, state.blkIndent
    state.parentType, state.lineMax, state.blkIndent = "container", end, state.sCount[start_line] + INDENT
    token = state.push("container_block_open", "div", 1)
    token.markup, token.block, token.map, token.info = marker, True, [start_line, end], state.src[start:stop]
    token.meta = meta
    state.md.block.tokenize(state, start_line + 1, end)
    token = state.push("container_block_close", "div", -1)
    token.markup, token.block, token.meta = marker, True, close or {}
    state.parentType, state.lineMax, state.blkIndent = old_parent, old_max, old_indent
    state.line = end


def _tab(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """An MkDocs content tab (``=== "Linux"``, its body indented four spaces): a page without scripts
    shows a set of tabs as a row of collapsed blocks titled with their labels, the selected one (the
    first, or the one marked ``===+``) open. Alternatives (one per system, one per language) that a
    student opens as needed."""
    start, stop = state.bMarks[start_line] + state.tShift[start_line], state.eMarks[start_line]
    match = _TAB.fullmatch(state.src, start, stop)
    if match is None:
        return False
    if silent:
        return True
    marker, title = match.groups()
    last = state.tokens[-1] if state.tokens else None
    follows = last is not None and last.type == "container_block_close" and last.meta.get("tab") is True
    first = not follows or marker == "===!"
    meta = {"name": "details", "admonition": "tab", "title": title, "closed": True, "open": first}
    meta.update(follows=not first, written=f'{marker} "{title}"')
    if marker == "===+" and not first:  # the selected tab: the one open in its set
        meta["open"] = True
        while last is not None and last.meta.get("tab") is True:
            tab = state.tokens[last.meta["start"]]
            tab.meta["open"] = False
            if tab.markup == "===!" or not tab.meta.get("follows"):
                break  # the first tab of this set
            last = state.tokens[last.meta["start"] - 1] if last.meta["start"] else None
    _indented_block(state, start_line, end_line, marker, meta, {"tab": True, "start": len(state.tokens)})
    return True


_MARKDOWN_IN_HTML = re.compile(
    r"""<([A-Za-z][\w-]*)\b([^>]*?)\s+markdown(?:\s*=\s*(?:"(?:1|block|span)"|'(?:1|block|span)'|1|block|span))?"""
    r"""(?=[\s/>])([^>]*)>\s*"""
)


def markdown_in_html_rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Python-Markdown's md_in_html (MkDocs: ``<figure markdown>``, ``<div class="x" markdown="1">``):
    the element's content is Markdown, read as such (its images checked and published), the element
    kept around it without the ``markdown`` attribute. Its closing tag stands on a line of its own."""
    if state.is_code_block(start_line):
        return False
    start, stop = state.bMarks[start_line] + state.tShift[start_line], state.eMarks[start_line]
    if state.src[start] != "<" or "markdown" not in state.src[start:stop]:
        return False
    match = _MARKDOWN_IN_HTML.fullmatch(state.src, start, stop)
    if match is None:
        return False
    tag = match.group(1)
    opening, closing = re.compile(rf"<{re.escape(tag)}\b", re.I), f"</{tag.lower()}>"
    depth, end = 1, None
    for line in range(start_line + 1, end_line):
        text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
        depth += len(opening.findall(text)) - text.lower().count(closing)
        if depth <= 0:
            end = line
            break
    if end is None or state.src[state.bMarks[end] + state.tShift[end] : state.eMarks[end]].strip().lower() != closing:
        return False
    if silent:
        return True
    inner = [n for n in range(start_line + 1, end) if state.bMarks[n] + state.tShift[n] < state.eMarks[n]]
    indent = min((state.sCount[n] for n in inner), default=state.blkIndent)
    token = state.push("html_block", "", 0)
    token.map, token.content = [start_line, start_line + 1], f"<{tag}{match.group(2)}{match.group(3)}>\n"
    old_parent, old_max, old_indent = state.parentType, state.lineMax, state.blkIndent
    state.parentType, state.lineMax, state.blkIndent = "container", end, max(indent, state.blkIndent)
    first = len(state.tokens)
    state.md.block.tokenize(state, start_line + 1, end)
    state.parentType, state.lineMax, state.blkIndent = old_parent, old_max, old_indent
    state.tokens[first:] = [t for token in state.tokens[first:] for t in _inline_element(token)]
    token = state.push("html_block", "", 0)
    token.map, token.content = [end, end + 1], f"</{tag}>\n"
    state.line = end + 1
    return True


_ONE_LINE_ELEMENT = re.compile(r"\s*<(figcaption|summary)>(.*)</\1>\s*", re.I | re.S)


def _inline_element(token: Token) -> list[Token]:
    """``<figcaption>Credit: [XKCD](https://…)</figcaption>`` on a line of its own inside an md_in_html
    element: its text is Markdown too, as Python-Markdown reads it (else a line of raw HTML)."""
    match = _ONE_LINE_ELEMENT.fullmatch(token.content) if token.type == "html_block" else None
    if match is None or "<" in match.group(2):
        return [token]
    tag = match.group(1).lower()
    inline = Token("inline", "", 0, content=match.group(2).strip(), map=token.map, level=token.level + 1, children=[])
    opening = Token("html_block", "", 0, content=f"<{tag}>", map=token.map, level=token.level)
    closing = Token("html_block", "", 0, content=f"</{tag}>\n", map=token.map, level=token.level)
    return [opening, inline, closing]


_BLOCK_START = re.compile(r"(/{3,})[ \t]*([\w-]+)(?:[ \t]*\|[ \t]*(.*?))?[ \t]*")
_BLOCK_OPTION = re.compile(r"[ \t]+([\w-]+):[ \t]*(.*)")


def pymdown_block_rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """PyMdown's blocks (Material for MkDocs' newer syntax): ``/// tip | Title`` ... ``///``, with
    ``details`` (collapsed; ``open: true`` opens it), ``tab | Linux`` (as content tabs), ``admonition``
    (its ``type:`` option its look), ``caption`` and ``html`` (their content shown). Options are the
    indented ``key: value`` lines right after the first; a block holds others with more slashes."""
    if state.is_code_block(start_line):
        return False
    start, stop = state.bMarks[start_line] + state.tShift[start_line], state.eMarks[start_line]
    if not state.src.startswith("///", start):
        return False
    match = _BLOCK_START.fullmatch(state.src, start, stop)
    if match is None:
        return False
    slashes, tag, title = match.group(1), match.group(2).lower(), (match.group(3) or "").strip()
    close = None
    for line in range(start_line + 1, end_line):
        text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]].strip()
        if text == slashes and state.sCount[line] >= state.blkIndent:
            close = line
            break
    if close is None:
        return False
    if silent:
        return True
    options: dict[str, str] = {}
    body = start_line + 1
    while body < close and (option := _BLOCK_OPTION.fullmatch(state.src, state.bMarks[body], state.eMarks[body])):
        options[option.group(1)] = option.group(2).strip().strip("\"'")
        body += 1
    written = f"{slashes} {tag}"
    if tag in ("caption", "html", "define"):
        meta: dict[str, Any] = {"name": "columns", "closed": True, "written": written}  # its content, in the flow
    elif tag == "tab":
        last = state.tokens[-1] if state.tokens else None
        follows = last is not None and last.type == "container_block_close" and bool(last.meta.get("tab"))
        meta = {"name": "details", "admonition": "tab", "title": title, "closed": True, "written": written}
        meta["open"] = not follows or options.get("select", "").lower() == "true"
    else:
        kind = options.get("type", "note").lower() if tag == "admonition" else tag
        block = block_of(kind, tag == "details")
        if block is None:
            meta = {"name": written, "admonition": kind, "title": title, "closed": True}  # unknown: said
        else:
            name, key, words = block
            meta = {"name": name, "admonition": kind, "closed": True, "open": options.get("open", "") == "true"}
            meta.update(written=written, title=title or ("" if key else words), title_key=key)
    push_block(state, start_line, body, close, slashes, meta, written, {"tab": True} if tag == "tab" else {}, close + 1)
    state.line = close + 1
    return True


QUIZ_OPEN, QUIZ_CLOSE = "<?quiz?>", "<?/quiz?>"


def mkdocs_quizzes(tokens: list[Token]) -> list[Token]:
    """mkdocs-quiz's ``<?quiz?>`` … ``<?/quiz?>`` (a question, then its choices ``- [x]``): a practice
    exercise, checked on the spot as on the lesson's own site. As raw HTML, every right answer was
    shown ticked."""
    out: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        end = _quiz_end(tokens, index) if token.type == "html_block" and token.content.strip() == QUIZ_OPEN else None
        if end is None:
            out.append(token)
            index += 1
            continue
        # its lines, '<?quiz?>' to '<?/quiz?>': what its key is made from (each quiz its own)
        closing = tokens[end].map
        lines = [token.map[0], closing[1]] if token.map and closing else token.map
        opening = Token("container_block_open", "div", 1, block=True, map=lines, markup=":::", info="practice")
        opening.meta = {"name": "practice", "title": "", "closed": True, "written": QUIZ_OPEN}
        body = tokens[index + 1 : end]
        last = _choices_end(body, token.level)
        if 0 <= last < len(body) - 1:  # what follows the choices is shown once answered: the explanation
            quote = Token("blockquote_open", "blockquote", 1, block=True, map=body[last + 1].map, markup=">")
            unquote = Token("blockquote_close", "blockquote", -1, block=True)
            body = [*body[: last + 1], quote, *body[last + 1 :], unquote]
        out += [opening, *body, Token("container_block_close", "div", -1, block=True, markup=":::")]
        index = end + 1
    return out


_TICKED = re.compile(r"\[[ xX]\][ \t]")


def _choices_end(body: list[Token], level: int) -> int:
    """Where a quiz's choices end in its tokens: the close of its first list of '[x]' / '[ ]' items (a
    list in what follows, its explanation, is not them: port z 6), or of its first list; -1: none."""
    lists = []
    for index, token in enumerate(body):
        if token.level != level or token.type != "bullet_list_close":
            continue
        start = next(i for i in range(index, -1, -1) if body[i].type == "bullet_list_open" and body[i].level == level)
        item = next((t for t in body[start:index] if t.type == "inline"), None)
        if item is not None and _TICKED.match(item.content + " "):
            return index
        lists.append(index)
    return lists[0] if lists else -1


def _quiz_end(tokens: list[Token], start: int) -> int | None:
    for index in range(start + 1, len(tokens)):
        token = tokens[index]
        if token.type == "html_block" and token.level == tokens[start].level:
            text = token.content.strip()
            if text == QUIZ_CLOSE:
                return index
            if text == QUIZ_OPEN:
                return None  # one never closed: left as it is (its ticked answers are said)
    return None


_QUIZ_KEY = re.compile(r"(question|answer-correct|answer|content):[ \t]?(.*)")
_OLD_QUIZ = re.compile(r"^[ \t]*<\?quiz\?>[ \t]*\n(.*?)^[ \t]*<\?/quiz\?>[ \t]*$", re.M | re.S)


_OLD_QUIZ_OPEN = re.compile(r"^[ \t]*<\?quiz\?>[ \t]*\n", re.M)
_OLD_QUIZ_CLOSE = re.compile(r"^[ \t]*<\?/quiz\?>[ \t]*$", re.M)
_QUIZ_TAGS = re.compile(r"^([ \t]*)<quiz>[ \t]*\n(.*?)^([ \t]*)</quiz>[ \t]*$", re.M | re.S)
_QUIZ_TAGS_OPEN = re.compile(r"^[ \t]*<quiz>[ \t]*\n", re.M)
_QUIZ_TAGS_CLOSE = re.compile(r"^[ \t]*</quiz>[ \t]*$", re.M)


def sub_closed(
    full: re.Pattern[str],
    opener: re.Pattern[str],
    closer: re.Pattern[str],
    text: str,
    repl: Callable[[re.Match[str]], str],
) -> str:
    """``full.sub(repl, text)`` for a pattern that is an opener, anything (lazily), then a closer, in time
    that grows with the text: the whole pattern is tried only at an opener a closer follows, and not at
    all once none does (from every opener to the end of a unit, review q timed 29 s for 144 KB)."""
    out, kept, at = [], 0, 0
    while (start := opener.search(text, at)) is not None and closer.search(text, start.end()) is not None:
        match = full.match(text, start.start())
        if match is None:  # (cannot be: the closer follows)
            at = start.end()
            continue
        out += [text[kept : match.start()], repl(match)]
        kept = at = match.end()
    out.append(text[kept:])
    return "".join(out)


def line_starts(lines: list[str]) -> list[int]:
    """Where each of the text's lines (split at new lines) starts in it, and the end of the text."""
    return list(itertools.accumulate((len(line) + 1 for line in lines), initial=0))


def in_spans(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether ``position`` is inside one of ``spans`` (in order, apart: fenced's)."""
    index = bisect.bisect_right(spans, position, key=lambda span: span[0]) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def quiz_tags(body: str) -> str:
    """mkdocs-quiz's ``<quiz>`` … ``</quiz>`` (its present form) is its ``<?quiz?>`` … ``<?/quiz?>``:
    written so (line for line), then read as that (a practice). As HTML, it showed every answer."""
    code = fenced(body)

    def tags(match: re.Match[str]) -> str:
        if in_spans(code, match.start()) or "<quiz>" in match[2]:
            return match[0]
        return f"{match[1]}{QUIZ_OPEN}\n{match[2]}{match[3]}{QUIZ_CLOSE}"

    return sub_closed(_QUIZ_TAGS, _QUIZ_TAGS_OPEN, _QUIZ_TAGS_CLOSE, body, tags)


_MDX_COMMENT = re.compile(r"\{/\*.*?\*/\}", re.S)


def mdx_comments(body: str) -> str:
    """MDX's comments ``{/* … */}`` (Docusaurus): the author's, never shown there; left out here, line for
    line (they were published as text). In a code block, shown as written."""
    code = fenced(body)

    def left_out(match: re.Match[str]) -> str:
        if in_spans(code, match.start()):
            return match[0]
        return "\n" * match[0].count("\n")

    return sub_closed(_MDX_COMMENT, re.compile(r"\{/\*"), re.compile(r"\*/\}"), body, left_out)


_IMPORTED = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$*{}, \t")


def _mdx_import(line: str) -> bool:
    """``import Tabs from '@theme/Tabs';``, ``import './x.css'``, ``export { a } from "./b"``: read by hand,
    in time that grows with the line (a pattern for it took cubic time on a line of spaces)."""
    text = line.rstrip().removesuffix(";").rstrip()
    if len(text) < 9 or text[-1] not in "'\"" or not text.startswith(("import ", "export ", "import\t", "export\t")):
        return False
    opening = text.rfind(text[-1], 0, len(text) - 1)
    head = text[:opening].rstrip() if opening > 0 else ""
    if head == "import":
        return True
    words = head[6:].rstrip()
    return words.endswith(" from") and bool(words[:-5].strip()) and set(words[:-5]) <= _IMPORTED


def mdx_imports(body: str) -> str:
    """MDX's ``import Tabs from '@theme/Tabs';`` lines (Docusaurus): what the page's components come from,
    never shown there; left out here, line for line (they were the first paragraphs a student saw). In a
    code block, shown as written. One pass over the lines and the code blocks, both in order."""
    code = iter(fenced(body))
    block = next(code, None)
    lines, at = body.split("\n"), 0
    for number, line in enumerate(lines):
        while block is not None and block[1] <= at:
            block = next(code, None)
        if line[:1] in "ie" and _mdx_import(line) and not (block is not None and block[0] <= at < block[1]):
            lines[number] = ""
        at += len(line) + 1
    return "\n".join(lines)


_MDX_CODE_BLOCK = re.compile(r" {0,3}(`{3,}|~{3,})[ \t]*mdx-code-block[ \t]*")


def mdx_code_blocks(body: str) -> str:
    """Docusaurus' ```` ```mdx-code-block ```` fence: its content is the page's MDX, not code (its docs
    wrap every example so, to keep Prettier off it): its fence lines left out, line for line, and what
    it holds read as the lesson. It had been shown as code, with raw ``:::`` and JSX. In another code
    block (a page showing how it is written), shown as written."""
    lines = body.split("\n")
    starts = line_starts(lines)
    for start, end in fenced(body):
        first = bisect.bisect_right(starts, start) - 1
        opening = _MDX_CODE_BLOCK.fullmatch(lines[first])
        if opening is None:
            continue
        last = bisect.bisect_right(starts, end - 1) - 1
        lines[first] = ""
        if last > first and re.fullmatch(rf" {{0,3}}{opening[1][0]}{{{len(opening[1])},}}[ \t]*", lines[last]):
            lines[last] = ""  # (one never closed ends with the unit)
    return "\n".join(lines)


def old_mkdocs_quizzes(body: str) -> str:
    """mkdocs-quiz's first form, 'question: …', 'answer: …', 'answer-correct: …', then 'content:' and
    what to show once answered, between '<?quiz?>' and '<?/quiz?>': written again, line for line (the
    lines keep their numbers), as the practice it is. As HTML, its right answer was shown as text."""
    code = fenced(body)

    def practice(match: re.Match[str]) -> str:
        inner = match[1][:-1].split("\n") if match[1] else []
        if in_spans(code, match.start()) or not any(map(_QUIZ_KEY.match, inner)):
            return match[0]  # in code, or the '- [x]' form (mkdocs_quizzes)
        return "\n".join(_practice_lines(inner))

    return sub_closed(_OLD_QUIZ, _OLD_QUIZ_OPEN, _OLD_QUIZ_CLOSE, body, practice)


def _practice_lines(inner: list[str]) -> list[str]:
    out = ["::: practice"]
    explaining = False
    for line in inner:
        key = _QUIZ_KEY.match(line) if not explaining else None
        if key is None:
            out.append("> " + line if explaining else line)
        elif key.group(1) == "question":
            out.append(key.group(2))
        elif key.group(1) == "content":
            explaining = True
            out.append(("> " + key.group(2)) if key.group(2) else "")
        else:
            out.append(f"- [{'x' if key.group(1) == 'answer-correct' else ' '}] {key.group(2)}")
    return [*out, ":::"]


_COMPONENT_OPEN = re.compile(r"[ \t]*<([A-Z][A-Za-z0-9]*)(?:[ \t]+[^>\n]*)?$")  # '<Question' on a line of its own
_CORRECT = re.compile(
    r"\bcorrect\s*[:=]\s*\{?\s*true\b|\bcorrect\s*$|\bisCorrect\b|\banswer\s*[:=]|\bcorrect_?[Aa]nswers?\s*[:=]", re.M
)  # ('correctAnswer="…"': an MDX quiz's prop, port cc 25)


_RIGHT_PROP = (
    re.compile(  # '<Option isCorrect>', '<Choice correct={true}>', '<pl-answer correct="true">', '<q-option correct>'
        r"<([A-Z][\w.]*|[a-z][a-z0-9]*-[\w-]+)[^>\n]*?[ \t](?:isCorrect|correct)"
        r"""(?:[ \t]*=[ \t]*["']?\{?[ \t]*true[ \t]*\}?["']?)?[ \t/>]"""
        r"|<(pl-answer-panel)\b"  # PrairieLearn's: shown once the question is graded
        # Open edX's OLX: '<choice correct="true">', '<option correct="True">', '<stringresponse answer="…">'
        r"""|<(choice|option)\b[^>\n]*?[ \t]correct[ \t]*=[ \t]*["']?[Tt]rue\b"""
        r"|<((?:string|numerical|formula)response)\b[^>\n]*?[ \t]answer[ \t]*="
        r"|<([A-Z][\w.]*)[^>\n]*?[ \t]correct_?[Aa]nswers?[ \t]*="  # '<InlineCheck … correctAnswer="…" />'
        # Berkeley CS61AS's markdown-courseware: '<ans text="…" explanation="…" correct>' (port bb 4)
        r"""|<(ans)\b[^>\n]*?[ \t](?:correct|explanation)\b"""
        # webexercises, knitted: '<select class='webex-solveme' data-answer='["2020"]'>', a radio's value='answer'
        r"""|<(select|input)\b[^>\n]*?\bclass=["'][^"'\n]*\bwebex-[\w-]+[^>\n]*?[ \t]data-answer[ \t]*="""
        r"""|<(input)\b[^>\n]*?[ \t]name=["']radio_[^>\n]*?[ \t]value=["']answer["']"""
        # Runestone's questions as pandoc -t gfm writes them: 'correct="c"', 'match_1="3.14|||float"' (port cc 36)
        r"""|<(div)\b[^>\n]*?\bclass=["'](?:mchoice|fillintheblank|dragndrop|clickablearea|parsonsprob)\b"""
    )
)


_ANSWER_LINE = re.compile(r"[ \t]*(?:==?|~)[ \t]")
_WIKI_QUIZ = re.compile(r"[ \t]*<quiz\b[^>\n]*>")
_WIKI_QUESTION = re.compile(r"""\|[ \t]*type[ \t]*=[ \t]*["'][(\[{]""")  # '{What is 2+2? |type="()"}'


def wiki_quizzes(body: str) -> list[int]:
    """The lines (0-based) of Wikiversity's quizzes (MediaWiki's Quiz extension: ``<quiz>``, a question
    ``{What is 2+2? |type="()"}``, its right answers marked ``+``, the wrong ones ``-``): as text, each
    answer's sign is published beside it (port t)."""
    code = fenced(body)
    lines = body.split("\n")
    starts = line_starts(lines)
    found = []
    for number, line in enumerate(lines):
        if _WIKI_QUIZ.match(line) and not in_spans(code, starts[number]):
            inside = lines[number : number + 400]
            end = next((i for i, text in enumerate(inside) if "</quiz>" in text), len(inside))
            if any(_WIKI_QUESTION.search(text) for text in inside[: end + 1]):
                found.append(number)
    return found


_WEBEX_QUESTION = re.compile(r"`r[ \t]+(fitb|mcq|torf|longmcq)\(")
_WEBEX_HIDE = re.compile(r"[ \t]*`r[ \t]+hide\((?:[ \t]*[\"']([^\"'`]*)[\"'])?[ \t]*\)`[ \t]*")
_WEBEX_UNHIDE = re.compile(r"[ \t]*`r[ \t]+unhide\([ \t]*\)`[ \t]*")


def webexercises(body: str) -> tuple[str, list[tuple[int, str]]]:
    """psyteachr's webexercises in R Markdown: a solution between `` `r hide("Solution")` `` and
    `` `r unhide()` `` is a collapsed block (it had been shown open); its questions (`` `r fitb(32)` ``,
    `` `r mcq(c(answer = "nrow", …))` ``, `` `r torf(FALSE)` ``) hold their answers in the text: returned,
    (line, function), each to be said where it stands."""
    code = fenced(body)
    lines = body.split("\n")
    starts = line_starts(lines)
    questions = []
    for number, line in enumerate(lines):
        if in_spans(code, starts[number]):
            continue
        questions += [(number, found[1]) for found in _WEBEX_QUESTION.finditer(line)]
        hidden = _WEBEX_HIDE.fullmatch(line)
        if hidden is not None:
            end = next((n for n in range(number + 1, len(lines)) if _WEBEX_UNHIDE.fullmatch(lines[n])), None)
            if end is not None:
                lines[number], lines[end] = f"{HUGO_FENCE} details {hidden[1] or 'Solution'}", HUGO_FENCE
    return "\n".join(lines), questions


_LEARN_CHOICE = re.compile(r"[ \t]*(?:-[ \t]+)?isCorrect:[ \t]*(?:true|false)[ \t]*", re.I)


def learn_quizzes(body: str) -> list[int]:
    """The first line (0-based) of each Microsoft Learn knowledge check pasted as YAML (``quiz:`` …
    ``isCorrect: true``) in the text: shown as lists, each choice's verdict and explanation published."""
    code = fenced(body)
    lines = body.split("\n")
    starts = line_starts(lines)
    found: list[int] = []
    for number, line in enumerate(lines):
        shown = _LEARN_CHOICE.fullmatch(line) is not None and not in_spans(code, starts[number])
        if shown and (not found or number - found[-1] > 200):  # (one a quiz: its choices follow within a few lines)
            found.append(number)
    return found


def mdx_quizzes(body: str) -> list[tuple[int, str]]:
    """The lines (0-based) and names of MDX components whose props hold right answers (Hugging Face's
    ``<Question choices={[{text: …, explain: …, correct: true}]} />``): a tag over several lines is no
    HTML block, so its props were published as a paragraph, answers and explanations too; a tag on one
    line (the Astro tutorial's ``<Option isCorrect>JavaScript</Option>``) is kept as HTML, its right
    answer in the page's source. So are HTML elements of other tools' quizzes (port w 1, 2):
    PrairieLearn's ``<pl-answer correct="true">`` and its ``<pl-answer-panel>`` (shown once graded),
    MarkBind's ``<q-option correct>``, Open edX's OLX ``<choice correct="true">`` and ``<stringresponse
    answer="…">`` (port z 1), CS61AS's ``<ans text="…" explanation="…" correct>`` (port bb 4)."""
    code = fenced(body)
    lines, found = body.split("\n"), []
    starts = line_starts(lines)
    number = 0
    while number < len(lines):
        opening = _COMPONENT_OPEN.fullmatch(lines[number])
        if opening is None or in_spans(code, starts[number]):
            line = lines[number]
            shown = (
                "orrect" in line
                or "<pl-answer-panel" in line
                or "response" in line
                or "explanation" in line
                or "answer" in line  # (webexercises': 'data-answer=', "value='answer'")
                or "fillintheblank" in line  # (Runestone's, as pandoc -t gfm writes them)
                or "dragndrop" in line
                or "clickablearea" in line
                or "parsonsprob" in line
            ) and not _ANSWER_LINE.match(line)
            prop = _RIGHT_PROP.search(line) if shown else None  # ('== <pl-answer-panel>': a course on PrairieLearn)
            if prop is not None and not in_spans(code, starts[number]) and not _in_code_span(line, prop.start()):
                found.append((number, next(name for name in prop.groups() if name)))
            number += 1
            continue
        end = number + 1
        while end < len(lines) and end - number < 500 and not re.search(r"/?>\s*$", lines[end]) and lines[end].strip():
            end += 1
        if _CORRECT.search("\n".join(lines[number : end + 1])):
            found.append((number, opening[1]))
        number = end + 1
    if "csq_soln" in body:  # CAT-SOOP's '<question multiplechoice>': Python that names its answer (port cc 17)
        for number, line in enumerate(lines):
            if line.lstrip().startswith("<question") and not in_spans(code, starts[number]):
                end = next((n for n in range(number, len(lines)) if "</question>" in lines[n]), len(lines) - 1)
                if any("csq_soln" in lines[n] for n in range(number, end + 1)):
                    found.append((number, "question"))
    if "<question" in body:  # MarkBind's text question: its 'answer=' and 'keywords=', on the tag's later lines too
        for tag in _MARKBIND_TEXT.finditer(body):
            if not in_spans(code, tag.start()) and not _in_code_span(lines[body.count("\n", 0, tag.start())], 0):
                found.append((body.count("\n", 0, tag.start()), "question"))
    return sorted(found)


# MarkBind's '<question type="text" header="…" keywords="…" answer="…">' (port bb 16: the prompt was lost, the
# answer kept in the page's source)
_MARKBIND_TEXT = re.compile(r"<question\b[^<>]*?[ \t\n](?:answer|keywords)[ \t]*=")


_TICKED_CHUNK = re.compile(r"([ ]{0,3}`{3,}[ \t]*\{[\w+.-]*[ \t,][^\n]*`[^\n]*\}[ \t]*)$", re.M)


def knitr_ticked_headers(body: str) -> str:
    """A knitr chunk whose header holds a backtick (```` ```{r, fig.cap = "`x` is …"} ````): knitr reads
    it, but Markdown takes no backtick in a fence's first line, so the chunk was a paragraph and its
    closing fence opened a block of code that showed what came after (an ``echo = FALSE`` question with
    its answers). The header's backticks become quotes (``'``), column for column."""
    code = fenced(body)

    def quoted(match: re.Match[str]) -> str:
        if match.start() and in_spans(code, match.start() - 1):  # (a fence line starts a span of its own)
            return match[0]
        fence = len(match[1]) - len(match[1].lstrip(" `"))  # its indentation and backticks
        return match[1][:fence] + match[1][fence:].replace("`", "'")

    return _TICKED_CHUNK.sub(quoted, body)


def _in_code_span(line: str, position: int) -> bool:
    """Whether ``position`` is inside a code span of ``line`` (an odd number of backticks before it)."""
    return line.count("`", 0, position) % 2 == 1


def in_code_span_at(text: str, position: int) -> bool:
    """:func:`_in_code_span` for a position in a text of many lines: within its own line."""
    return text.count("`", text.rfind("\n", 0, position) + 1, position) % 2 == 1


_FCC_HIDDEN = re.compile(
    r"(#{1,6})[ \t]+--(solutions|video-solution|questions|fillInTheBlank|explanation|hints|after-user-code"
    r"|before-user-code)--[ \t]*"
)
_HEADING_LEVEL = re.compile(r"(#{1,6})[ \t]")
_BLOCK_FENCE = re.compile(r" {0,3}:{3,}")  # a block of ours, opened or closed: never a challenge's section


def fcc_solutions(body: str) -> tuple[str, list[tuple[int, str]]]:
    """freeCodeCamp's challenge files: what its learners never see there, or see only once they have
    answered: ``# --solutions--`` (the whole solution), ``# --questions--`` (a quiz whose right choice is the
    one without ``--feedback--``; ``## --video-solution--``: its number), ``# --explanation--``,
    ``# --hints--`` (the tests' code) and the code run around the learner's (``--before-user-code--``,
    ``--after-user-code--``). Left out here, line for line, up to the next heading as high or a block of ours
    (a teacher writes the unit's questions after them); returns their lines and names (they were published)."""
    code = fenced(body)
    lines, left = body.split("\n"), []
    starts = line_starts(lines)
    hiding: int | None = None  # the level of the heading being left out
    for number, line in enumerate(lines):
        if in_spans(code, starts[number]):
            if hiding is not None:
                lines[number] = ""
            continue
        heading = _HEADING_LEVEL.match(line)
        if hiding is not None and ((heading is not None and len(heading[1]) <= hiding) or _BLOCK_FENCE.match(line)):
            hiding = None
        hidden = _FCC_HIDDEN.fullmatch(line)
        if hidden is not None and (hiding is None or len(hidden[1]) <= hiding):
            hiding = len(hidden[1])
            left.append((number, hidden[2]))
        if hiding is not None:
            lines[number] = ""
        elif (marker := _FCC_MARKER.fullmatch(line)) is not None:  # '# --description--': a section's name
            lines[number] = f"{marker[1]} Instructions" if marker[2] == "instructions" else ""
    return "\n".join(lines), left


_LEARN_MARK = re.compile(r"[ ]{0,3}#{1,6}[ \t]+!(end-)?([a-z][a-z-]*)[ \t]*")
_LEARN_CALLOUTS = {"info": "info", "success": "tip", "warning": "warning", "danger": "danger", "secondary": "note"}
_LEARN_HIDDEN = ("answer", "explanation", "rubric", "tests", "hidden-tests", "setup")
_LEARN_META = re.compile(r"[ \t]*[*-][ \t]+[a-z][\w-]*:.*")  # '* type: multiple-choice', '* id: rhpVnF'


def learn_challenges(body: str) -> tuple[str, list[tuple[int, str]]]:
    """Galvanize Learn's challenges (Ada Developers Academy's problem sets): ``### !challenge``, its
    ``* type: …`` lines, ``##### !question`` … ``##### !options`` … ``##### !answer`` … ``##### !explanation``
    … ``### !end-challenge``. Their markers had been published as headings, the answer and its explanation
    in view under the options (port bb 1): the markers and the challenge's settings show nothing, the
    question and options stay as text, and what learners see only once they have answered (``!answer``,
    ``!explanation``, a ``!rubric``, the code's ``!tests`` and ``!setup``) is left out, line for line.
    Returns the body and the line and name of each section left out."""
    code = fenced(body)
    lines, left = body.split("\n"), []
    starts = line_starts(lines)
    hiding: str | None = None  # the section being left out
    settings = False  # in the '* key: value' lines after '!challenge'
    for number, line in enumerate(lines):
        if in_spans(code, starts[number]):
            if hiding is not None:
                lines[number] = ""
            continue
        mark = _LEARN_MARK.fullmatch(line) if "!" in line else None
        if mark is not None:
            ending, name = mark[1] is not None, mark[2]
            if name.startswith("callout") and hiding is None:  # '### !callout-info' … '### !end-callout' (port bb 22)
                kind = _LEARN_CALLOUTS.get(name.removeprefix("callout-"), "note")
                lines[number], settings = (HUGO_FENCE if ending else f"{HUGO_FENCE} {kind}"), False
                continue
            if not ending and name in _LEARN_HIDDEN and hiding is None:
                hiding = name
                left.append((number, name))
            elif ending and name == hiding:
                hiding = None
            settings = name == "challenge" and not ending
            lines[number] = ""
            continue
        if settings and _LEARN_META.fullmatch(line):
            lines[number] = ""
            continue
        settings = False
        if hiding is not None:
            lines[number] = ""
    return "\n".join(lines), left


_FCC_MARKER = re.compile(
    r"(#{1,6})[ \t]+--(description|instructions|seed|seed-contents|transcript|assignments?|interactive)--[ \t]*"
)


_TEMPLATE_COMMENT = re.compile(r"\{#(?=[\s-])(.*?)#\}", re.S)  # Nunjucks' and Jinja's '{# … #}' (not '{#id}')


def template_comments(body: str) -> str:
    """Nunjucks' and Jinja's comments, ``{# … #}`` (web.dev's Learn courses, MkDocs-macros, Eleventy): the
    author's, never rendered there; left out here, line for line (an editor's TODO and an instructor's note
    had been published: port bb 32). In code, shown as written. Not pandoc's attributes ``{#id}``."""
    code = fenced(body)
    spans = code + [m.span() for m in _INLINE_CODE.finditer(body) if not in_spans(code, m.start())]

    def blank(found: re.Match[str]) -> str:
        return found[0] if in_spans(spans, found.start()) else "\n" * found[0].count("\n")

    return _TEMPLATE_COMMENT.sub(blank, body)


def obsidian_comments(body: str) -> tuple[str, list[int]]:
    """Obsidian's comments, ``%%`` … ``%%`` (inline or over lines): the author's, shown only while
    editing; left out here, line for line (they were published). In code, shown as written. Returns
    the body and the lines (0-based) of a ``%%`` never closed that starts its line (it hides the rest there: an
    error). A ``%%`` that is no comment's is text: R's modulo ('14 %% 4', 'x%%2'), a notebook's magic
    ('%%timeit'), an answer or a choice that is the operator ('== %%'); it had hidden the lesson's text up to
    the next one (jj port 0)."""
    code = fenced(body)
    spans = code + [m.span() for m in _INLINE_CODE.finditer(body) if not in_spans(code, m.start())]
    spans.sort()
    out, kept, at, unclosed = [], 0, 0, []
    while (start := body.find("%%", at)) >= 0:
        if in_spans(spans, start) or _magic(body, start) or not _opens(body, start):
            at = start + 2  # (in code, or a notebook's '%%timeit' in an indented code block)
            continue
        end = body.find("%%", start + 2)
        while end >= 0 and (in_spans(spans, end) or _magic(body, end) or not _closes(body, end)):
            end = body.find("%%", end + 2)
        if end < 0:
            if body[body.rfind("\n", 0, start) + 1 : start].strip() == "":
                unclosed.append(body.count("\n", 0, start))
                break
            at = start + 2
            continue
        out += [body[kept:start], "\n" * body.count("\n", start, end)]
        kept = at = end + 2
    out.append(body[kept:])
    return "".join(out), unclosed


_MAGIC_NAMES = re.compile(
    r"%%(?:timeit|time|capture|writefile|bash|sh|html|javascript|js|latex|markdown|sql|svg|script|prun|file|perl"
    r"|ruby|python3?|R|debug|cython|sparql)\b"
)


def _operator(body: str, at: int) -> bool:
    """Whether the '%%' at ``at`` is an operator between two operands: R's '14 %% 4', 'x%%2' (a comment's
    mark stands against words: 'Text %% a note %% more')."""
    before, after = body[:at].rstrip(" \t"), body[at + 2 :].lstrip(" \t")
    left, right = before[-1:], after[:1]
    if not (left.isalnum() or left in ")]") or not (right.isalnum() or right in "(["):
        return False
    spaced = body[at - 1 : at].isspace() or body[at + 2 : at + 3].isspace()
    return left.isdigit() or right.isdigit() or not spaced


def _opens(body: str, at: int) -> bool:
    """Whether the '%%' at ``at`` can open a comment: not an operator or a magic, and not the last thing on a line
    that has more ('== %%', '- [x] %%'): alone on its line it opens one over lines."""
    line_start = body.rfind("\n", 0, at) + 1
    line_end = body.find("\n", at)
    rest = body[at + 2 : line_end if line_end >= 0 else len(body)]
    if rest.strip() == "":
        return body[line_start:at].strip() == ""
    return not _operator(body, at) and _MAGIC_NAMES.match(body, at) is None


def _closes(body: str, at: int) -> bool:
    """Whether the '%%' at ``at`` can close a comment: not an operator, and no word right after it ('%%capture')."""
    return not _operator(body, at) and not body[at + 2 : at + 3].isalnum()


_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)", re.S)
_CELL_MAGIC = re.compile(r"[ \t]*%%[A-Za-z][^%\n]*$", re.M)  # a notebook's cell magic line ('    %%timeit')


def _magic(body: str, at: int) -> bool:
    """Whether the '%%' at ``at`` begins a line of a notebook's cell magic (none closes on it: '%%note%%' does)."""
    start = body.rfind("\n", 0, at) + 1
    return body[start:at].strip(" \t") == "" and _CELL_MAGIC.match(body, start) is not None


_HUGO_OPEN = re.compile(r"[ \t]*\{\{([<%])[ \t]*(details|expand|hint|notice|alert|comment)\b(.*?)[%>]\}\}[ \t]*")
_HUGO_CALLOUTS = {
    "info": "note",
    "note": "note",
    "tip": "tip",
    "success": "tip",
    "warning": "warning",
    "danger": "caution",
}
HUGO_FENCE = "::::::::::"  # (longer than any block a lesson holds inside it)


def hugo_blocks(body: str) -> tuple[str, list[tuple[int, str]]]:
    """Hugo themes' block shortcodes, each on lines of its own: hugo-book's ``{{< details "Solution" >}}``
    and Hugo Learn's ``{{< expand "Solution" >}}`` (collapsed there: a solution, often) are a collapsed
    ``details`` block, ``{{< hint warning >}}`` and ``{{% notice tip %}}`` (Relearn: ``style="tip"``) a
    callout; written so, line for line. A solution in one had been shown open, under a warning that said
    to remove the tag. Also returns each one never closed (Hugo refuses the page; here what it holds,
    often the solution, would be shown open): its line (0-based) and as written."""
    lines = body.split("\n")
    if "{{</" in body or "{{% /" in body or "{{%/" in body or "{{< /" in body:
        _hugo_one_liners(body, lines)
        body = "\n".join(lines)  # (where its code is: _tag_pairs reads it)
    unclosed: list[tuple[int, str]] = []
    closing = r"[ \t]*\{{\{{[<%][ \t]*/{}[ \t]*[%>]\}}\}}[ \t]*"
    for number, opening, end in _tag_pairs(body, lines, _HUGO_OPEN, lambda found: closing.format(found[2])):
        if end is None:
            unclosed.append((number, lines[number].strip()))
            lines[number] = ""  # (an error: said once, not also as a shortcode shown as text)
            continue
        kind, title = _hugo_block(opening[2], opening[3])
        if opening[2] == "comment":  # Docsy's, which its pages never show (port aa 8): a teacher's note
            kind, title = "instructor", ""
        lines[number] = f"{HUGO_FENCE} {kind} {title}".rstrip()
        bare = re.sub(r'"[^"]*"', " ", opening[3])  # (not a word of its title: "How to open a file")
        if kind == "details" and _HUGO_OPEN_FLAG.search(bare):  # hugo-book's 'open': shown open, as there
            lines[number] = f"{HUGO_FENCE} {_open_details(title)}"
        lines[end] = HUGO_FENCE
    return "\n".join(lines), unclosed


def _open_details(title: str) -> str:
    """A collapsed block's opening, shown open until closed: hugo-book's 'open', AsciiDoc's '%open'."""
    return f'{{.details title="{title.replace(chr(34), "&quot;")}" open="true"}}'


def _hugo_block(shortcode: str, written: str) -> tuple[str, str]:
    """The block a Hugo shortcode is here, and its title, from its arguments as written."""
    words = re.findall(r'"([^"]*)"|(\S+)', written)
    arguments = [quoted or bare for quoted, bare in words]
    named = dict(re.findall(r'(\w+)="([^"]*)"', written))
    if shortcode in ("details", "expand"):
        return "details", named.get("title") or next((a for a in arguments if "=" not in a), "") or "Details"
    style = (
        named.get("style") or named.get("color") or (arguments[0] if arguments and "=" not in arguments[0] else "")
    ).lower()
    title = named.get("title") or (arguments[1] if len(arguments) > 1 and "=" not in arguments[1] else "")
    return _HUGO_CALLOUTS.get(style, "note"), title


_HUGO_OPEN_FLAG = re.compile(r"""(?:^|[ \t])open(?:=["']?true["']?)?(?=[ \t]|$)""")
_HUGO_ONE_LINE = re.compile(
    r"([ \t]*)\{\{([<%])[ \t]*(details|expand|hint|notice)\b([^\n]*?)[%>]\}\}(.*?)"
    r"\{\{[<%][ \t]*/\3[ \t]*[%>]\}\}[ \t]*"
)
_ALERTS = {"note": "NOTE", "tip": "TIP", "warning": "WARNING", "caution": "CAUTION"}


def _hugo_one_liners(body: str, lines: list[str]) -> None:
    """A shortcode opened and closed on one line, ``{{% notice tip %}}Takes 20 minutes.{{% /notice %}}``
    (Relearn's docs write it so), had been said never closed (port w 6): a callout is that line as
    GitHub's alert (``> [!TIP] Takes 20 minutes.``), a collapsed block a ``<details>``; line for line."""
    code = fenced(body)
    starts = line_starts(lines)
    for number, line in enumerate(lines):
        found = _HUGO_ONE_LINE.fullmatch(line) if "{{" in line else None
        if found is None or in_spans(code, starts[number]):
            continue
        kind, title = _hugo_block(found[3], found[4])
        text = found[5].strip()
        if kind == "details":
            lines[number] = f"{found[1]}<details><summary>{html.escape(title)}</summary>{text}</details>"
        else:
            lines[number] = f"{found[1]}> [!{_ALERTS[kind]}] {text}".rstrip()


def _tag_pairs(
    body: str, lines: list[str], opening: re.Pattern[str], closing_of: Callable[[re.Match[str]], str]
) -> Iterator[tuple[int, re.Match[str], int | None]]:
    """Each block tag on a line of its own outside code (``opening``), with the line that closes it
    (``closing_of`` the opening's match: a pattern of that line) or None: (line, match, closing line).
    The caller may rewrite both lines; the search goes on after the closing line."""
    code = fenced(body)
    starts = line_starts(lines)
    number = 0
    while number < len(lines):
        found = opening.fullmatch(lines[number])
        if found is None or in_spans(code, starts[number]):
            number += 1
            continue
        closing = re.compile(closing_of(found))
        end = next((n for n in range(number + 1, len(lines)) if closing.fullmatch(lines[n])), None)
        yield number, found, end
        number = number + 1 if end is None else end + 1


_JEKYLL_OPEN = re.compile(r"[ \t]*\{%-?[ \t]*(highlight|spoiler|capture)\b[ \t]*(.*?)[ \t]*-?%\}[ \t]*")


def jekyll_blocks(body: str) -> tuple[str, list[tuple[int, str]]]:
    """Jekyll's block tags, each on lines of its own: ``{% highlight python %}`` … ``{% endhighlight %}``
    is a code block (its code had been read as Markdown: a Python comment became a heading), CS50's
    ``{% spoiler "Solution" %}`` a collapsed block (its solution had been shown open), and
    ``{% capture answer %}`` (which Jekyll never prints by itself) is left out; written so, line for line.
    Also returns each capture left out: its line (0-based) and as written."""
    lines = body.split("\n")
    left: list[tuple[int, str]] = []
    closing = r"[ \t]*\{{%-?[ \t]*end{}[ \t]*-?%\}}[ \t]*"
    for number, opening, end in _tag_pairs(body, lines, _JEKYLL_OPEN, lambda found: closing.format(found[1])):
        kind = opening[1]
        if end is None:
            continue  # (left as written: said as a Liquid tag shown as text)
        if kind == "highlight":
            ticks = max((len(run) for line in lines[number + 1 : end] for run in re.findall("`+", line)), default=0)
            fence = "`" * max(3, ticks + 1)
            lines[number], lines[end] = f"{fence}{opening[2].split()[0] if opening[2] else ''}", fence
        elif kind == "spoiler":
            title = opening[2].strip().strip("\"'") or "Spoiler"
            lines[number], lines[end] = f"{HUGO_FENCE} details {title}", HUGO_FENCE
        else:
            left.append((number, lines[number].strip()))
            lines[number : end + 1] = [""] * (end + 1 - number)
    return "\n".join(lines), left


_MARKDOC_OPEN = re.compile(r"[ \t]*\{%[ \t]*(details|callout|solution|answer)\b[ \t]*(.*?)[ \t]*%\}[ \t]*")
_MARKDOC_CALLOUTS = {"note": "note", "check": "tip", "caution": "warning", "warning": "warning", "danger": "danger"}


def markdoc_blocks(body: str) -> str:
    """Markdoc's block tags on lines of their own, closed ``{% /name %}``: ``{% details summary="Hint" %}``
    (and a ``solution`` or ``answer``) a collapsed block titled so, ``{% callout type="warning" title="…" %}`` a
    callout (port bb 3: the hint had been shown open, the tags as text). Line for line."""
    lines = body.split("\n")
    for number, opening, end in _tag_pairs(
        body, lines, _MARKDOC_OPEN, lambda found: rf"[ \t]*\{{%[ \t]*/{found[1]}[ \t]*%\}}[ \t]*"
    ):
        if end is None:
            continue  # (said as a tag shown as text)
        props = _props(opening[2])
        if opening[1] == "callout":
            kind = _MARKDOC_CALLOUTS.get(props.get("type", "note"), "note")
            head = f"{HUGO_FENCE} {kind} {props.get('title', '')}".rstrip()
        else:
            default = "Details" if opening[1] == "details" else opening[1].capitalize()
            head = f"{HUGO_FENCE} details {props.get('summary') or props.get('title') or default}"
        lines[number], lines[end] = head, HUGO_FENCE
    return "\n".join(lines)


_REVEAL_OPEN = re.compile(r"[ \t]*<(v-clicks?|v-after)\b[^<>]*>[ \t]*")  # Slidev's: shown on the presenter's click
_REVEALED_ANSWER = re.compile(r"[#*_\s]*(Answers?|Solutions?|Réponses?|Lösung(?:en)?|Respuestas?|Antwort(?:en)?)\b")
_PAUSE = re.compile(r"[ \t]*\. \. \.[ \t]*")  # pandoc's (Quarto's reveal.js) pause between a question and its answer
_PRESENTER_NOTES = re.compile(r"[ \t]*\?\?\?[ \t]*")  # remark.js: the slide's presenter notes follow
_SLIDE_BREAK = re.compile(r"[ \t]*--(?:-)?[ \t]*")


def slide_reveals(body: str) -> tuple[str, list[int]]:
    """What slides hold back until the presenter clicks, in a lesson page (port bb 25, 26, 27): Slidev's
    ``<v-click>`` … ``</v-click>`` is collapsed when what it holds begins 'Answer' or 'Solution' (the quiz
    decks' answers had been printed under each question), else shown; pandoc's pause ``. . .`` shows
    nothing (it had been printed); remark.js' presenter notes, after ``???`` up to the next slide (``---``
    or ``--``), are never published (the instructor's question and answer had been). Line for line; returns
    the lines of the notes left out."""
    code = fenced(body)
    lines = body.split("\n")
    starts = line_starts(lines)
    notes: list[int] = []
    if "<v-" in body:
        closing = lambda found: rf"[ \t]*</{found[1]}>[ \t]*"  # noqa: E731
        for number, _opening, end in _tag_pairs(body, lines, _REVEAL_OPEN, closing):
            if end is None:
                continue
            first = next((line for line in lines[number + 1 : end] if line.strip()), "")
            answer = _REVEALED_ANSWER.match(first)
            if answer is not None:
                lines[number], lines[end] = f"{HUGO_FENCE} details {answer[1]}", HUGO_FENCE
            else:
                lines[number] = lines[end] = ""
    hiding = False
    for number, line in enumerate(lines):
        if in_spans(code, starts[number]):
            continue
        if hiding and _SLIDE_BREAK.fullmatch(line):
            hiding = False
        elif _PRESENTER_NOTES.fullmatch(line) and "---" in body:
            hiding = True
            notes.append(number)
        elif _PAUSE.fullmatch(line):
            lines[number] = ""
        if hiding:
            lines[number] = ""
    return "\n".join(lines), notes


_FENCED_CALLOUT = re.compile(r"( {0,3})(`{3,}|~{3,})[ \t]*(smart|warn|exercism/[a-z-]+|admonish)(?:[ \t]+(.*?))?[ \t]*")
_FENCED_CALLOUT_ANY = re.compile(r"^ {0,3}(?:`{3,}|~{3,})[ \t]*(?:smart|warn|exercism/|admonish\b)", re.M)
# mdbook-admonish's types (Material for MkDocs' names) as ours
_ADMONISH = {
    **dict.fromkeys(("tip", "hint", "important", "success", "check", "done"), "tip"),
    **dict.fromkeys(("warning", "caution", "attention"), "warning"),
    **dict.fromkeys(("danger", "error", "failure", "fail", "missing", "bug"), "caution"),
}
_FENCED_KINDS = {"smart": "tip", "warn": "warning", "exercism/note": "note", "exercism/caution": "warning"}
CALLOUT_FENCE = ":" * 14  # (longer than any block a lesson holds inside it, and than HUGO_FENCE)


def fenced_callouts(body: str) -> str:
    """Callouts written as code fences: javascript.info's ```` ```smart header="…" ```` and
    ```` ````warn ```` (a tip, a warning), Exercism's ``~~~~exercism/note`` (``caution``; ``advanced``:
    collapsed). Their Markdown had been shown as code. Written as blocks of ours, line for line; a
    header with a backtick in it (```` ```smart header="The `typeof(x)` syntax" ````, which Markdown
    does not read as a fence) too. In another code block, as written."""
    if _FENCED_CALLOUT_ANY.search(body) is None:  # ('warn' in 'a warning': most units)
        return body
    lines = body.split("\n")
    inside: str | None = None  # the fence of the code block being read
    number = 0
    while number < len(lines):
        line = lines[number]
        fence = CODE_FENCE_LINE.match(line)
        if inside is not None:
            if fence is not None and closes_fence(line, inside):
                inside = None
        elif (callout := _FENCED_CALLOUT.fullmatch(line)) is not None:
            end = next((n for n in range(number + 1, len(lines)) if closes_fence(lines[n], callout[2])), None)
            if end is not None:
                kind, header = callout[3], re.match(r'header="(.*)"$', callout[4] or "")
                title = header[1] if header else ""
                if kind == "admonish":  # mdbook-admonish: 'admonish tip title="…"', 'collapsible=true' folded
                    settings = callout[4] or ""
                    named = settings.split()[0].lower() if settings and "=" not in settings.split()[0] else "note"
                    titled = re.search(r'title="([^"]*)"', settings)
                    title = titled[1] if titled else ""
                    if re.search(r"\bcollapsible[ \t]*=[ \t]*true\b", settings):  # (port cc 32: shown open, as code)
                        lines[number] = f"{CALLOUT_FENCE} details {title or named.capitalize()}"
                    else:
                        lines[number] = f"{CALLOUT_FENCE} {_ADMONISH.get(named, 'note')} {title}".rstrip()
                elif kind == "exercism/advanced":
                    lines[number] = f"{CALLOUT_FENCE} details {title or 'Advanced'}"
                else:
                    lines[number] = f"{CALLOUT_FENCE} {_FENCED_KINDS.get(kind, 'note')} {title}".rstrip()
                lines[end] = CALLOUT_FENCE
        elif fence is not None:
            inside = fence[1]
        number += 1
    return "\n".join(lines)


def closes_fence(line: str, fence: str) -> bool:
    """Whether ``line`` closes a code block opened with ``fence`` (its character, at least as many, alone)."""
    stripped = line.strip()
    indent = len(line) - len(line.lstrip(" "))
    return indent <= 3 and len(stripped) >= len(fence) and stripped == fence[0] * len(stripped)


_MDX_NAMES = r"Tabs|TabItem|Tabs\.Tab|Tab|Aside|Callout|Spoiler|Steps|callout-[a-z]+|Accordion(?:Group|s)?"
_MDX_NAMES += r"|Solution|Hint|Details"  # (a Docusaurus course's own: port ff 14)
_MDX_OPEN = re.compile(rf"([ \t]*)<({_MDX_NAMES})((?:[ \t]+[^<>]*)?)>[ \t]*")
_MDX_CLOSE = re.compile(rf"[ \t]*</({_MDX_NAMES})>[ \t]*")
_MDX_ONE_LINE = re.compile(r"([ \t]*)<(TabItem|Tabs\.Tab|Tab)((?:[ \t]+[^<>]*)?)>(.*)</\2>[ \t]*")
_MDX_ASIDES = {"note": "note", "tip": "tip", "caution": "warning", "danger": "caution"}  # Starlight's types
# Nextra's <Callout type="…"> (port round aa 9: its Markdown had been shown with its asterisks)
_EPIC_TITLE = re.compile(r"""[ \t]*<div[ \t]+class(?:Name)?=["']title["'][ \t]*>([^<>]*)</div>[ \t]*""")
_EPIC_CALLOUTS = {"muted": "note", "info": "info", "warning": "warning", "danger": "danger", "success": "tip"}
_NEXTRA_CALLOUTS = {"default": "tip", "info": "info", "warning": "warning", "error": "danger", "important": "important"}
_JSX_PROP = re.compile(r"""(\w+)(?:=(?:"([^"]*)"|'([^']*)'|\{([^{}]*)\}))?""")


def _props(written: str) -> dict[str, str]:
    """A JSX tag's props: ``label="macOS"``, ``items={['pnpm', 'npm']}``, a bare ``default`` ("")."""
    return {m[1]: m[2] or m[3] or m[4] or "" for m in _JSX_PROP.finditer(written)}


def mdx_blocks(body: str) -> str:
    """MDX's block components, each tag on a line of its own (Docusaurus', Starlight's and Nextra's):
    ``<Tabs>`` of ``<TabItem label="macOS">`` (Nextra: ``<Tabs items={['pnpm', …]}>`` of ``<Tabs.Tab>``)
    are tabs (a collapsed block each titled with its label, the first open, as MkDocs' tabs), Starlight's
    ``<Aside type="tip" title="…">`` and Nextra's ``<Callout type="warning">`` a callout, ``<Spoiler>`` a
    collapsed spoiler, a course's ``<Solution title="Lösung">``, ``<Hint>`` and ``<Details>`` collapsed
    too. Written so, line for line, what they hold moved left by its common indentation (MDX
    indents it; Markdown would read it as code). The labels had been lost and a spoiler shown open."""
    code = fenced(body)
    lines = body.split("\n")
    starts = line_starts(lines)
    _joined_openings(lines, code, starts)
    opened: list[tuple[int, re.Match[str]]] = []
    blocks: list[tuple[int, int, re.Match[str], int]] = []  # (opening line, closing line, opening, depth)
    for number, line in enumerate(lines):
        if "<" not in line or in_spans(code, starts[number]):
            continue
        if (opening := _MDX_OPEN.fullmatch(line)) is not None:
            opened.append((number, opening))
        elif (closing := _MDX_CLOSE.fullmatch(line)) is not None and opened and opened[-1][1][2] == closing[1]:
            start, opening = opened.pop()
            blocks.append((start, number, opening, len(opened)))
    blocks_at = {start: opening for start, _, opening, _ in blocks}
    tab_of: dict[int, int] = {}  # a Nextra tab's line -> its place among its tabs
    labels: dict[int, list[str]] = {}  # a Nextra '<Tabs items={[…]}>' line -> its labels
    for start, end, opening, _ in sorted(blocks):
        if opening[2] == "Tabs" and "items" in (props := _props(opening[3])):
            labels[start] = re.findall(r"""["']([^"']*)["']""", props["items"])
            inner = [n for n in range(start + 1, end) if re.match(r"[ \t]*<Tabs\.Tab\b", lines[n])]
            tab_of.update((s, i) for i, s in enumerate(inner))
            for n in inner:  # a tab on one line, '<Tabs.Tab>**pnpm**: …</Tabs.Tab>': a list item, its label first
                one = _MDX_ONE_LINE.fullmatch(lines[n])
                if one is not None and 0 <= tab_of[n] < len(labels[start]):
                    lines[n] = f"{one[1]}- {labels[start][tab_of[n]]}: {one[4].strip()}"
        elif opening[2] == "Tabs" and "values={" in opening[3]:
            # Docusaurus' older form: 'values={[{label: 'Apple', value: 'apple'}, …]}', each tab's label by its value
            named = {v: k for k, v in _VALUE_LABEL.findall(opening[3])}
            for n in range(start + 1, end):  # '<TabItem value="apple">An apple.</TabItem>': a list item
                one = _MDX_ONE_LINE.fullmatch(lines[n])
                if one is not None and one[2] == "TabItem":
                    value = _props(one[3]).get("value", "")
                    lines[n] = f"{one[1]}- {_props(one[3]).get('label') or named.get(value, value)}: {one[4].strip()}"
    for start, end, opening, depth in sorted(blocks):
        fence = ":" * (24 - depth)  # each longer than the blocks it holds (a lesson's own are shorter)
        name, props = opening[2], _props(opening[3])
        if name == "Tabs":
            head = f"{fence} tabs"
        elif name == "Aside":
            kind = _MDX_ASIDES.get(props.get("type", "note"), "note")
            head = f"{fence} {kind} {props.get('title', '')}".rstrip()
        elif name == "Callout":
            head = f"{fence} {_NEXTRA_CALLOUTS.get(props.get('type', 'default'), 'note')}"
        elif name.startswith("callout-"):  # Epic Web's workshops: '<callout-success>' (port bb 15)
            titled = _EPIC_TITLE.fullmatch(lines[start + 1]) if start + 1 < end else None
            if titled is not None:  # its first line '<div className="title">…</div>': the title
                lines[start + 1] = ""
            title = f" {titled[1].strip()}" if titled is not None else ""
            head = f"{fence} {_EPIC_CALLOUTS.get(name.removeprefix('callout-'), 'note')}{title}"
        elif name == "Spoiler":
            head = f"{fence} spoiler"
        elif name in ("Steps", "AccordionGroup", "Accordions"):  # Starlight's numbered steps: the list it holds
            head = fence = ""
        elif name == "Accordion":  # Mintlify's and Fumadocs' (port bb 24: a solution had been shown open)
            head = f"{fence} details {props.get('title') or 'Details'}"
        elif name in ("Solution", "Hint", "Details"):  # a Docusaurus course's own, folded there (port ff 14)
            head = f"{fence} {name.lower()} {props.get('title') or props.get('summary') or ''}".rstrip()
        else:
            parent = max((s for s, e, o, _ in blocks if s < start and end < e and o[2] == "Tabs"), default=None)
            names = labels.get(parent, []) if parent is not None else []
            place = tab_of.get(start, -1)
            label = props.get("label") or props.get("title") or ""
            if not label and parent is not None and "values={" in blocks_at[parent][3]:
                named = {v: k for k, v in _VALUE_LABEL.findall(blocks_at[parent][3])}
                label = named.get(props.get("value", ""), "")
            label = label or props.get("value") or ""
            if not label and 0 <= place < len(names):
                label = names[place]
            head = f"{fence} details {label or 'Tab'}"
        inside = [lines[n] for n in range(start + 1, end) if lines[n].strip()]
        indent = min((len(line) - len(line.lstrip(" \t")) for line in inside), default=0)
        for n in range(start + 1, end):
            lines[n] = lines[n][indent:] if lines[n].strip() else lines[n]
        lines[start], lines[end] = head, fence
    if "</Spoiler>" in body:
        for number, line in enumerate(lines):
            if "</Spoiler>" in line and not in_spans(code, starts[number]):
                lines[number] = _INLINE_SPOILER.sub(_inline_spoiler, line)
    return "\n".join(lines)


_VALUE_LABEL = re.compile(r"""\{\s*label:\s*["']([^"']*)["']\s*,\s*value:\s*["']([^"']*)["']\s*\}""")
_OPEN_START = re.compile(r"[ \t]*<(?:Tabs|Aside|Callout)(?:[ \t]+[^<>]*)?")  # an opening tag whose props go on below


def _joined_openings(lines: list[str], code: list[tuple[int, int]], starts: list[int]) -> None:
    """A ``<Tabs`` tag written over several lines (Docusaurus' ``values={[ … ]}``, a prop a line), as one
    line where it starts, the lines it took left empty (every line number stays right)."""
    for number, line in enumerate(lines):
        if not _OPEN_START.fullmatch(line) or in_spans(code, starts[number]):
            continue
        for end in range(number + 1, min(number + 30, len(lines))):
            if "<" in lines[end] or not lines[end].strip():
                break
            if lines[end].rstrip().endswith(">"):
                lines[number] = " ".join(
                    part.strip() if i else part.rstrip() for i, part in enumerate(lines[number : end + 1])
                )
                lines[number + 1 : end + 1] = [""] * (end - number)
                break


_INLINE_SPOILER = re.compile(r"<Spoiler>(.*?)</Spoiler>")


def _inline_spoiler(match: re.Match[str]) -> str:
    """Starlight's ``<Spoiler>`` within a line (``The answer is <Spoiler>42</Spoiler>``, or in a ``<p>``):
    collapsed, as the block; not one in a code span (`` `<Spoiler>x</Spoiler>` ``, which shows the tag)."""
    if match.string.count("`", 0, match.start()) % 2:
        return match[0]
    return (
        '<details class="ms-collapsed ms-collapsed--spoiler"><summary><!--ms-t:block_spoiler--></summary>'
        f"{match[1]}</details>"
    )


_DOCSIFY_CALLOUT = re.compile(r"^( {0,3})([?!])>[ \t]+(?=\S)", re.M)


def docsify_callouts(body: str) -> str:
    """Docsify's ``?> a tip`` and ``!> important`` at a line's start: a callout (GitHub's alert, its line
    the title), where they had been shown with their marks."""
    code = fenced(body)
    kinds = {"?": "TIP", "!": "IMPORTANT"}
    return _DOCSIFY_CALLOUT.sub(lambda m: m[0] if in_spans(code, m.start()) else f"{m[1]}> [!{kinds[m[2]]}] ", body)


_DOCSIFY_TABS_START = re.compile(r"[ \t]*<!--[ \t]*tabs:start[ \t]*-->[ \t]*")
_DOCSIFY_TABS_END = re.compile(r"[ \t]*<!--[ \t]*tabs:end[ \t]*-->[ \t]*")
_DOCSIFY_TAB_COMMENT = re.compile(r"[ \t]*<!--[ \t]*tab:[ \t]*(.*?)[ \t]*-->[ \t]*")
_DOCSIFY_TAB_HEADING = re.compile(r" {0,3}#{1,6}[ \t]+\*\*(.+?)\*\*[ \t]*#*[ \t]*")
_EMOJI_CODE = re.compile(r":[a-z0-9_+-]+:")


def docsify_tabs(body: str) -> str:
    """docsify-tabs' ``<!-- tabs:start -->`` … ``<!-- tabs:end -->``, each tab opened by a bold heading
    (``#### **Solution**``) or a comment (``<!-- tab:Solution -->``): tabs, as GitBook's (a collapsed
    block each, the first open). Its tabs had been shown one after another, a "Final Solution" tab open
    under the challenge (port z 3). Line for line: a tab's end is the empty line before the next one's
    start; a group where that line holds text is left as it is."""
    code = fenced(body)
    lines = body.split("\n")
    starts = line_starts(lines)
    number = 0
    while number < len(lines):
        if not _DOCSIFY_TABS_START.fullmatch(lines[number]) or in_spans(code, starts[number]):
            number += 1
            continue
        end = next((n for n in range(number + 1, len(lines)) if _DOCSIFY_TABS_END.fullmatch(lines[n])), None)
        if end is None:
            break
        inside = range(number + 1, end)
        comments = [n for n in inside if _DOCSIFY_TAB_COMMENT.fullmatch(lines[n])]
        tabs = comments or [n for n in inside if _DOCSIFY_TAB_HEADING.fullmatch(lines[n])]
        closings = [tab - 1 for tab in tabs[1:]] + [end - 1]
        if tabs and all(n > number and not lines[n].strip() for n in closings) and tabs[0] > number:
            for tab, closing in zip(tabs, closings, strict=True):
                found = _DOCSIFY_TAB_COMMENT.fullmatch(lines[tab]) or _DOCSIFY_TAB_HEADING.fullmatch(lines[tab])
                assert found is not None
                title = _EMOJI_CODE.sub("", found[1]).replace("**", "").replace("__", "").strip(" _*") or "Tab"
                lines[tab], lines[closing] = f"{_GITBOOK_FENCES['tab']} details {title}", _GITBOOK_FENCES["tab"]
            lines[number], lines[end] = f"{_GITBOOK_FENCES['tabs']} tabs", _GITBOOK_FENCES["tabs"]
        number = end + 1
    return "\n".join(lines)


# '==- Solution' (collapsed), '=== Title'; not MkDocs' content tab, '=== "Linux"' (its title quoted)
_RETYPE_PANEL = re.compile(r"[ \t]{0,3}(==-|===)[ \t]+([^\s\"'].*?)[ \t]*")
_RETYPE_TAB = re.compile(r"[ \t]{0,3}\+\+\+[ \t]+([^\s{].*?)[ \t]*")  # '+++ Solution' (not MyST's '+++ {…}')
_RETYPE_CALLOUT = re.compile(r"[ \t]{0,3}!!!(\w*)(?:[ \t]+(\S.*?))?[ \t]*")  # '!!!warning Careful', '!!! Exercise'
_RETYPE_KINDS = {"success": "tip", "tip": "tip", "warning": "warning", "danger": "caution", "question": "question"}


def retype_blocks(body: str) -> str:
    """Retype's blocks, line for line: a panel ``==- Title`` (collapsed) or ``=== Title`` (open) to the
    line ``===``; tabs ``+++ Title`` … ``+++ Other`` … ``+++``; a callout ``!!!variant Title`` … ``!!!``
    (its body not indented). Its collapsed "Solution" panels had been shown open, the closing ``===``
    making the paragraph above it a heading, and its tabs run together (port aa 2). Only a block that
    is closed is read; ``!!! type`` with an indented body stays MkDocs' admonition."""
    code = fenced(body)
    lines = body.split("\n")
    starts = line_starts(lines)
    number = 0

    def closing(start: int, mark: str) -> int | None:
        for n in range(start + 1, len(lines)):
            if lines[n].strip() == mark and not in_spans(code, starts[n]):
                return n
        return None

    while number < len(lines):
        line = lines[number]
        if in_spans(code, starts[number]) or line.lstrip()[:3] not in ("==-", "===", "+++", "!!!"):
            number += 1
            continue
        if (panel := _RETYPE_PANEL.fullmatch(line)) is not None and (end := closing(number, "===")) is not None:
            flag = " {open}" if panel[1] == "===" else ""
            lines[number], lines[end] = f"{_GITBOOK_FENCES['tab']} details {panel[2]}{flag}", _GITBOOK_FENCES["tab"]
            number = end + 1
        elif _RETYPE_TAB.fullmatch(line) is not None and (end := closing(number, "+++")) is not None:
            # one collapsed block titled with every tab's name, each later tab a heading in it (a heading
            # ends the paragraph above it, where Retype writes no empty line: line for line)
            tabs = [n for n in range(number, end) if _RETYPE_TAB.fullmatch(lines[n])]
            titles = [found[1] for n in tabs if (found := _RETYPE_TAB.fullmatch(lines[n])) is not None]
            for n, title in zip(tabs[1:], titles[1:], strict=True):
                lines[n] = f"###### {title}"
            lines[number], lines[end] = f"{_GITBOOK_FENCES['tab']} details {' · '.join(titles)}", _GITBOOK_FENCES["tab"]
            number = end + 1
        elif (callout := _RETYPE_CALLOUT.fullmatch(line)) is not None and (end := closing(number, "!!!")) is not None:
            kind = _RETYPE_KINDS.get(callout[1].lower(), "note")
            lines[number], lines[end] = (
                f"{_GITBOOK_FENCES['hint']} {kind} {callout[2] or ''}".rstrip(),
                _GITBOOK_FENCES["hint"],
            )
            number = end + 1
        else:
            number += 1
    return "\n".join(lines)


_REVEAL = re.compile(r"""\[reveal-answer\b[^\]\n]*\](.*?)\[/reveal-answer\]""")
_HIDDEN_ANSWER = re.compile(r"""([ \t]*)\[hidden-answer\b[^\]\n]*\](.*?)\[/hidden-answer\][ \t]*""")
_HIDDEN_OPEN = re.compile(r"""[ \t]*\[hidden-answer\b[^\]\n]*\][ \t]*""")
_HIDDEN_CLOSE = re.compile(r"""[ \t]*\[/hidden-answer\][ \t]*""")
_HIDDEN_ANSWER_HTML = re.compile(  # Pressbooks' page as HTML: the answer in a div its script shows
    r"""([ \t]*)<div class=["']qa-wrapper["'][^>]*>[ \t]*<span class=["']show-answer\b[^>]*>(.*?)</span>[ \t]*"""
    r"""<div\b[^>]*class=["']hidden-answer["'][^>]*>(.*?)</div>[ \t]*</div>[ \t]*"""
)


def pressbooks_answers(body: str) -> tuple[str, list[int]]:
    """Pressbooks' (Lumen Learning's) ``[reveal-answer q="1"]Show Answer[/reveal-answer]`` and its
    ``[hidden-answer a="1"]x = 4[/hidden-answer]``, and the HTML they become (a ``hidden-answer`` div a
    script shows): a collapsed block titled as the button, line for line. The answer had been shown
    as text, or hidden for good (port z 8). Returns the lines (0-based) of any left as written."""
    code = fenced(body)
    lines = body.split("\n")
    starts = line_starts(lines)
    title, shown = "Show Answer", []
    number = 0
    while number < len(lines):
        line = lines[number]
        if in_spans(code, starts[number]) or ("answer" not in line):
            number += 1
            continue
        for reveal in _REVEAL.finditer(line):
            title = re.sub(r"<[^>]*>", "", reveal[1]).strip() or title
        line = _REVEAL.sub("", line)
        as_html = _HIDDEN_ANSWER_HTML.fullmatch(line)
        one = _HIDDEN_ANSWER.fullmatch(line)
        if as_html is not None:
            summary = re.sub(r"<[^>]*>", "", as_html[2]).strip() or title
            line = f"{as_html[1]}<details><summary>{html.escape(summary)}</summary>{as_html[3].strip()}</details>"
        elif one is not None:
            line = f"{one[1]}<details><summary>{html.escape(title)}</summary>{one[2].strip()}</details>"
        elif _HIDDEN_OPEN.fullmatch(line):
            end = next((n for n in range(number + 1, len(lines)) if _HIDDEN_CLOSE.fullmatch(lines[n])), None)
            if end is not None:
                lines[number], lines[end] = f"{_GITBOOK_FENCES['hint']} details {title}", _GITBOOK_FENCES["hint"]
                number = end + 1
                continue
            shown.append(number)
        elif "[hidden-answer" in line or 'class="hidden-answer"' in line:
            shown.append(number)
        lines[number] = line
        number += 1
    return "\n".join(lines), shown


_SLIDE_KEY = re.compile(r"([A-Za-z_][\w-]*):(?:[ \t].*)?")
_SLIDE_KEYS = frozenset(  # Slidev's and Marp's per-slide settings: one of them tells a slide's front matter
    [
        "layout",
        "transition",
        "class",
        "background",
        "clicks",
        "hideInToc",
        "level",
        "preload",
        "routeAlias",
        "zoom",
        "dragPos",
        "theme",
        "paginate",
        "header",
        "footer",
        "backgroundColor",
        "backgroundImage",
        "color",
        "_class",
        "_paginate",
        "_header",
        "_footer",
        "_backgroundColor",
    ]
)


def slide_front_matter(body: str) -> tuple[str, list[int]]:
    """A deck's per-slide front matter (Slidev's ``---`` / ``layout: intro`` / ``transition: fade`` / ``---``
    between slides; Marp's ``_class: lead``) had been a heading reading 'title: Slidev! transition: …', in
    "On this page" too (port w 8): left out, line for line; returns the lines (0-based) where each starts."""
    code = fenced(body)
    lines = body.split("\n")
    starts = line_starts(lines)
    found: list[int] = []
    preformatted, depth = [False] * len(lines), 0  # (a Jekyll page's front matter shown in a '<pre>': round x 10)
    if "<pre" in body:
        for n, line in enumerate(lines):
            preformatted[n] = depth > 0
            depth = max(0, depth + line.count("<pre") - line.count("</pre>"))
    number = 0
    while number < len(lines):
        if (
            lines[number].rstrip() != "---"
            or in_spans(code, starts[number])
            or (number and lines[number - 1].strip())
            or preformatted[number]
        ):
            number += 1
            continue
        end = number + 1
        while end < len(lines) and end - number < 30 and _SLIDE_KEY.fullmatch(lines[end]):
            end += 1
        keys = {_SLIDE_KEY.fullmatch(line)[1] for line in lines[number + 1 : end]}  # type: ignore[index]
        if end > number + 1 and end < len(lines) and lines[end].rstrip() == "---" and keys & _SLIDE_KEYS:
            for n in range(number + 1, end + 1):
                lines[n] = ""
            found.append(number)
            number = end + 1
            continue
        if end > number + 1 and end < len(lines) and not lines[end].strip() and keys <= _REMARK_KEYS:
            for n in range(number + 1, end):  # remark's slide properties, then a blank line (port bb 27)
                lines[n] = ""
            found.append(number)
            number = end
            continue
        number += 1
    first = next((n for n, line in enumerate(lines) if not _SLIDE_KEY.fullmatch(line)), len(lines))
    keys = {_SLIDE_KEY.fullmatch(line)[1] for line in lines[:first]}  # type: ignore[index]
    if first and first < len(lines) and not lines[first].strip() and keys <= _REMARK_KEYS and "\n---\n" in body:
        lines[:first] = [""] * first  # (the first slide's, at the top of the file: remark's 'class: center, middle')
        found.insert(0, 0)
    return "\n".join(lines), found


_REMARK_KEYS = frozenset(("class", "name", "layout", "template", "background-image", "count", "exclude", "seq"))


_DOCSIFY_OPTION = re.compile(
    r"""(\]\([^()\s]+(?:\([^()\s]*\)[^()\s]*)*)[ \t]+(["'])(:(?:size|target|no-zoom|class|id|ignore|disabled|type|"""
    r"""fragment|no-emoji|include)\b[^"'\n]*)\2\)"""
)
_DOCSIFY_HEADING_ID = re.compile(r"^( {0,3}#{1,6}[ \t].*?)[ \t]+:id=([\w-]+)[ \t]*$", re.M)


def docsify_options(body: str) -> tuple[str, list[tuple[int, str]]]:
    """docsify's options in a link's or image's title (``![logo](icon.svg ':size=50x100')``, ``':target=_blank'``)
    and a heading's ``:id=hello-world``: its renderer reads them; they had been a caption ':size=50x100' and a
    heading's words (port w 11). The options are dropped (``':include'``, an embed, stays: it is said), a
    heading's id is its id (``{#hello-world}``). An embed (``[file](_media/example.md ':include')``) is its
    link's text, and returned (line, as written) to be said: it had been 'unit file … is not in the course'."""
    code = fenced(body)
    embeds: list[tuple[int, str]] = []

    def option(match: re.Match[str]) -> str:
        if in_spans(code, match.start()) or in_code_span_at(body, match.start()):
            return match[0]  # (in code: an example of docsify's syntax, as written; round x 9)
        if match[3].startswith(":include"):
            opening = body.rfind("[", 0, match.start())
            if opening < 0 or body.count("\n", opening, match.start()):
                return match[0]
            embeds.append((body.count("\n", 0, match.start()), body[opening : match.end()]))
            return match[1][: match[1].index("](")] + "]"  # '[filename]': its text ('[' is before the match)
        return match[1] + ")"

    def heading(match: re.Match[str]) -> str:
        return match[0] if in_spans(code, match.start()) else f"{match[1]} {{#{match[2]}}}"

    body = _DOCSIFY_OPTION.sub(option, body)
    code = fenced(body)  # (where it is now)
    return (_DOCSIFY_HEADING_ID.sub(heading, body) if ":id=" in body else body), embeds


_ADOC_COLLAPSIBLE = re.compile(r"[ \t]*\[%collapsible(%open)?\][ \t]*")
_ADOC_TITLE = re.compile(r"\.([^\s.][^\n]*)")
_ADOC_DELIMITER = re.compile(r"={4,}[ \t]*")


def asciidoc_collapsibles(body: str) -> str:
    """AsciiDoc's collapsible block (``.Solution`` / ``[%collapsible]`` / ``====`` … ``====``), pasted as it
    is: its title and content had been headings (``====`` underlines one), a solution shown in a question's
    prompt (port w 14). A collapsed block titled so, line for line (in a question: a box, an error)."""
    code = fenced(body)
    lines = body.split("\n")
    starts = line_starts(lines)
    for number, line in enumerate(lines):
        found = _ADOC_COLLAPSIBLE.fullmatch(line) if "[%collapsible" in line else None
        if found is None or in_spans(code, starts[number]) or number + 1 >= len(lines):
            continue
        opening = _ADOC_DELIMITER.fullmatch(lines[number + 1])
        if opening is None:
            continue
        fence = lines[number + 1].strip()
        end = next((n for n in range(number + 2, len(lines)) if lines[n].strip() == fence), None)
        if end is None:
            continue
        titled = _ADOC_TITLE.fullmatch(lines[number - 1]) if number else None
        title = titled[1].strip() if titled else "Details"
        if titled:
            lines[number - 1] = ""
        lines[number] = ""
        opened = _open_details(title) if found[1] else f"details {title}"
        lines[number + 1], lines[end] = f"{HUGO_FENCE} {opened}", HUGO_FENCE  # ('[%collapsible%open]': open)
    return "\n".join(lines)


# pandoc's reStructuredText admonitions (``pandoc -f rst -t markdown``): the block each is here
_RST_ADMONITIONS = {
    "attention": "warning",
    "caution": "caution",
    "danger": "caution",
    "error": "caution",
    "hint": "tip",
    "important": "important",
    "note": "note",
    "tip": "tip",
    "warning": "warning",
    "seealso": "note",
    "admonition": "note",
    "topic": "note",
}
_PANDOC_DIV = re.compile(r"( {0,3}:{3,})[ \t]*(?:\{[ \t]*\.([\w-]+)[^}\n]*\}|([\w-]+))[ \t]*")
_PANDOC_TITLE = re.compile(r" {0,3}(:{3,})[ \t]*(?:title|\{[ \t]*\.title[ \t]*\})[ \t]*")
_CLOSING_DIV = re.compile(r" {0,3}:{3,}[ \t]*")
_SOLUTION_TITLE = re.compile(r"(?:solution|answer)s?\b.*", re.I)


def pandoc_admonitions(body: str) -> str:
    """reStructuredText admonitions as pandoc writes them in Markdown: ``:::: note`` holding a ``::: title``
    div (its title: 'Note'), and ``::: admonition`` or ``::: topic`` whose first paragraph is the title. The
    title div had been an error ('unknown block'), and so had ``attention``, ``error``, ``admonition``,
    ``seealso`` and ``topic`` (port w 10). The block as its kind is here, titled, line for line; a titled
    ``admonition`` 'Solution' is a solution (collapsed)."""
    code = fenced(body)
    lines = body.split("\n")
    starts = line_starts(lines)
    for number, line in enumerate(lines):
        opening = _PANDOC_DIV.fullmatch(line) if line.lstrip().startswith(":::") else None
        if opening is None or in_spans(code, starts[number]):
            continue
        name = (opening[2] or opening[3]).lower()
        if name in ("only", "contents"):  # Sphinx's '.. only:: html' and '.. contents::' as pandoc writes them
            _pandoc_only(lines, number, opening[1], name)  # (port bb 13: each had been an 'unknown block' error)
            continue
        kind = _RST_ADMONITIONS.get(name)
        if kind is None:
            continue
        if opening[2]:  # '{.admonition .tip}': a custom admonition of a kind's class (round x 12)
            styled = next((c for c in re.findall(r"\.([\w-]+)", line)[1:] if c.lower() in _RST_ADMONITIONS), None)
            kind = _RST_ADMONITIONS[styled.lower()] if styled and name == "admonition" else kind
        title, blank = "", []
        after = number + 1
        titled = _PANDOC_TITLE.fullmatch(lines[after]) if after < len(lines) else None
        if titled is not None:
            end = next(
                (n for n in range(after + 1, min(after + 6, len(lines))) if _CLOSING_DIV.fullmatch(lines[n])), None
            )
            if end is None:
                continue
            title = " ".join(" ".join(lines[after + 1 : end]).split())
            blank = list(range(after, end + 1))
        elif name in ("admonition", "topic"):
            end = next((n for n in range(after, len(lines)) if not lines[n].strip()), len(lines))
            first = " ".join(" ".join(lines[after:end]).split())
            if end == after + 1 and end < len(lines) and len(first) <= 60 and not first.startswith(":"):
                title, blank = first.strip("*_ ").strip(), [after]  # 'Solution', '**Topic Title**'
        elif name not in ("attention", "error", "seealso"):
            continue  # (a block of ours, as written: '::: hint' is collapsed)
        if name == "admonition" and _SOLUTION_TITLE.fullmatch(title):
            kind = "solution"
        elif opening[2] and re.search(r"\.(?:dropdown|toggle)\b", line):  # Sphinx's ':class: dropdown': behind a
            kind = "details"  # click (port cc 14: it had been shown open)
        if name == "seealso" and not title:
            title = "See also"  # (as Sphinx titles it, and MyST's {seealso} here: port bb 14)
        lines[number] = f"{opening[1]} {kind} {title}".rstrip()
        for n in blank:
            lines[n] = ""
    return "\n".join(lines)


def _pandoc_only(lines: list[str], number: int, fence: str, name: str) -> None:
    """pandoc's ``::: only`` (its first line the expression, ``html`` or ``latex``) as the Quarto block it
    means: shown if the expression holds for this site (myst.only_here), else never published; its
    ``::: {.contents …}`` (Sphinx's table of contents) shows nothing, as MyST's ``{contents}`` here."""
    from masterysite.parse.myst import only_here

    shown = False
    if name == "only" and number + 1 < len(lines) and lines[number + 1].strip():
        shown = only_here(lines[number + 1].strip())
        lines[number + 1] = ""
    lines[number] = f'{fence} {{.content-visible when-format="{"html" if shown else "pdf"}"}}'


_GITBOOK_TAG = re.compile(
    r"[ \t]*\{%-?[ \t]*(hint|endhint|tabs|endtabs|tab|endtab|code|endcode|columns|endcolumns|column|endcolumn)\b"
    r"(.*?)-?%\}[ \t]*"
)
_GITBOOK_CALLOUTS = {"info": "note", "success": "tip", "warning": "warning", "danger": "caution"}
_GITBOOK_FENCES = {"tabs": ":" * 13, "tab": ":" * 12, "hint": ":" * 11}  # each longer than what it may hold


def gitbook_blocks(body: str) -> str:
    """GitBook's block tags, each on a line of its own: ``{% tabs %}`` of ``{% tab title="Solution" %}``
    are tabs (a collapsed block each, the first open, as MkDocs' tabs: a solution tab had been shown
    open), ``{% hint style="warning" %}`` a callout, ``{% code title="app.py" %}`` its code block's title;
    written so, line for line. A tag never closed is left as written (and said, as Liquid)."""
    code = fenced(body)
    lines = body.split("\n")
    starts = line_starts(lines)
    tags = [
        (number, match)
        for number, line in enumerate(lines)
        if "{%" in line and (match := _GITBOOK_TAG.fullmatch(line)) and not in_spans(code, starts[number])
    ]
    opened: list[tuple[int, re.Match[str]]] = []
    for number, match in tags:
        kind = match[1]
        if not kind.startswith("end"):
            opened.append((number, match))
            continue
        if not opened or opened[-1][1][1] != kind[3:]:
            continue  # (a closing tag that closes nothing open: left as written)
        start, opening = opened.pop()
        named = dict(re.findall(r'(\w+)="([^"]*)"', opening[2]))
        if kind in ("endcolumns", "endcolumn"):  # (columns side by side there: one after another here)
            lines[start] = lines[number] = ""
        elif kind == "endcode":
            fence = next((n for n in range(start + 1, number) if _CODE_FENCE_START.match(lines[n])), None)
            title = named.get("title", "")
            if fence is not None and title and '"' not in title and "title=" not in lines[fence]:
                lines[fence] = f'{lines[fence].rstrip()} title="{title}"'
            lines[start] = lines[number] = ""
        elif kind == "endtabs":
            lines[start], lines[number] = f"{_GITBOOK_FENCES['tabs']} tabs", _GITBOOK_FENCES["tabs"]
        elif kind == "endtab":
            lines[start] = f"{_GITBOOK_FENCES['tab']} details {named.get('title') or 'Tab'}"
            lines[number] = _GITBOOK_FENCES["tab"]
        else:
            style = _GITBOOK_CALLOUTS.get(named.get("style", "info").lower(), "note")
            lines[start], lines[number] = f"{_GITBOOK_FENCES['hint']} {style}", _GITBOOK_FENCES["hint"]
    return "\n".join(lines)


_CODE_FENCE_START = re.compile(r"[ \t]{0,3}(?:`{3,}|~{3,})[^`]*$")


_KHAN_EXERCISE = re.compile(r"""class=["'](?:problem|choices|question)["']""")  # Khan's (OpenDSA's) exercise
_HIDDEN_DIV = re.compile(
    r"""[ \t]*<(div|aside)(?:[ \t]+markdown(?:=["']?\w*["']?)?)?[ \t]+class=(["'])"""  # (kramdown's markdown="1")
    r"""(hidden|notes|solution|hint|webex-solution|toggle)\2(?:[ \t]+markdown(?:=["']?\w*["']?)?)?[ \t]*>[ \t]*(.*)"""
)
# a div HTML never shows, 'hidden' or 'display: none' (security round cc 5: an answer key hidden so was in the page's
# source and the search index): never published, as mdBook's <div class="hidden">
# ('<div id="a" style="display:none">', its other attributes too: port cc 34)
_NEVER_SHOWN_DIV = re.compile(
    r"""([ \t]*)<div(?=[ \t])(?=[^<>]*?(?:[ \t]hidden(?:=(?:""|''|"hidden"|'hidden'))?(?=[ \t>])"""
    r"""|[ \t]style=(["'])(?:(?!\2)[^<>])*?(?<![\w-])display[ \t]*:[ \t]*none\b(?:(?!\2)[^<>])*\2))"""
    r"""(?:[ \t]+[\w:.-]+(?:[ \t]*=[ \t]*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+))?)*[ \t]*>[ \t]*""",
    re.I,
)


class _Attributes(HTMLParser):
    """The attributes of one start tag, as a browser reads them."""

    def __init__(self, tag: str) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, str] = {}
        self.feed(tag)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.attrs:
            self.attrs = {name: value or "" for name, value in reversed(attrs)}  # (the first of a name wins)


def never_shown(tag: str) -> bool:
    """Whether a ``<div …>`` start tag hides its content from every reader: ``hidden``, or a style with
    ``display: none`` (not a word in another attribute's value: '<div title="a hidden gem">')."""
    attrs = _Attributes(tag).attrs
    style = "".join(attrs.get("style", "").lower().split())
    return "hidden" in attrs or re.search(r"(?:^|;)display:none(?:;|!|$)", style) is not None


_FOLDED_DIV = re.compile(
    r"""([ \t]*)<div[ \t]+class=(["'])(?:[^"'<>]*[ \t])?(?:dropdown|toggle)\b[^"'<>]*\2[ \t]*>[ \t]*"""
)
_OPENSTAX_SOLUTION = re.compile(r"""([ \t]*)<div\b[^<>]*?\bdata-type=(["'])solution\2[^<>]*>[ \t]*""")
_AS_CLASS = (  # (pattern, class): its first group the line's indentation
    (_OPENSTAX_SOLUTION, "solution"),  # OpenStax's, behind "Show solution" (port cc 24)
    (_NEVER_SHOWN_DIV, "hidden"),  # HTML's own hiding: in the source, never shown (security round cc 5)
    (_FOLDED_DIV, "toggle"),  # pandoc -t gfm's Sphinx dropdown (port cc 36)
)
_ONE_LINE_DIV = re.compile(r"(?:(?!<div)[^\n])*</div>[ \t]*", re.I)  # the rest of a div on one line
_WEBEX_BUTTON = re.compile(r"<button>([^<>]*)</button>[ \t]*")  # webexercises' knitted hide("Answer")


def hidden_divs(body: str) -> tuple[str, list[int]]:
    """mdBook's ``<div class="hidden">`` … ``</div>`` on lines of their own: content "that will not be
    shown" (its guide), often a note for the book's authors; reveal.js' speaker notes (``<aside
    class="notes">``, pandoc's ``<div class="notes">``): never published here either (they were shown),
    written line for line as the ``instructor`` block they are. So is a Khan Academy exercise's (and
    OpenDSA's) ``<div class="solution">``, the answer its exercise checks: its lines (0-based) are
    returned, to be said (port w 4). Elsewhere, a lesson's own ``<div class="solution">`` (a worked
    example, shown on request) is a solution block, collapsed (round x 15: it had been left out); a
    ``<div class="hint">`` (JetBrains Academy's tasks) a hint, collapsed."""
    code = fenced(body)
    lines = body.split("\n")
    starts = line_starts(lines)
    solutions: list[int] = []
    khan = "<var>" in body or _KHAN_EXERCISE.search(body) is not None
    number = 0
    while number < len(lines):
        if "<" in lines[number] and not in_spans(code, starts[number]):  # a div written another way that
            for pattern, name in _AS_CLASS:  # means one of these: read as that (not in code: a lesson on HTML)
                written = pattern.match(lines[number])
                if written is None or (name == "hidden" and not never_shown(written[0])):
                    continue
                rest = lines[number][written.end() :]
                if not rest:
                    lines[number] = f'{written[1]}<div class="{name}">'
                elif name == "hidden" and _ONE_LINE_DIV.fullmatch(rest):
                    lines[number] = f"{written[1]}<!-- -->"  # ('<div hidden>42</div>': its line, never shown)
                break
        opening = _HIDDEN_DIV.fullmatch(lines[number])
        if opening is None or in_spans(code, starts[number]) or (opening[1] == "aside" and opening[3] != "notes"):
            number += 1
            continue
        rest = opening[4].strip()
        button = _WEBEX_BUTTON.fullmatch(rest) if opening[3] == "webex-solution" else None
        if button is not None:  # (knitted webexercises: '<div class='webex-solution'><button>Answer</button>')
            rest = ""
        if rest and khan and opening[3] == "solution" and rest.endswith("</div>") and rest.count("<div") == 0:
            indent = lines[number][: len(lines[number]) - len(lines[number].lstrip())]
            lines[number] = indent + "<!-- -->"  # (not empty: in an HTML block, that would end it)
            solutions.append(number)
            number += 1
            continue
        if rest:
            number += 1
            continue
        if opening[3] == "solution" and khan:
            solutions.append(number)
        tag = opening[1]
        depth, end = 1, None
        for later in range(number + 1, len(lines)):
            low = lines[later].lower()  # ('</DIV>': HTML's names in any case)
            depth += low.count(f"<{tag}") - low.count(f"</{tag}>")
            if depth <= 0:
                end = later if low.strip() == f"</{tag}>" else None
                break
        if end is None:
            if opening[3] == "solution" and khan:
                solutions.pop()
            number += 1
            continue
        shown = opening[3] == "solution" and not khan
        # JetBrains Academy's (EduTools) '<div class="hint">', folded in the IDE: a hint, collapsed (port bb 23)
        kind = "hint" if opening[3] == "hint" else "solution" if shown else "instructor"
        if opening[3] == "toggle":
            kind = "details"
        if opening[3] == "webex-solution":  # a solution, behind its button (port cc 3: it had been shown open)
            kind = f"details {button[1].strip() if button is not None and button[1].strip() else 'Solution'}"
        lines[number], lines[end] = f"{HUGO_FENCE} {kind}", HUGO_FENCE
        number = end + 1
    return "\n".join(lines), solutions


_FENCE_AT_LINE = re.compile(r"(`{3,}|~{3,})(.*)")  # (at the start of the line: in no list nor quote)
_COLAB_TITLE = re.compile(r"[ \t]*#[ \t]*@title\b[ \t]*(.*?)[ \t]*(\{[^{}]*\})?[ \t]*")  # '#@title Solution {…}'
_COLAB_FORM = re.compile(r"""cellView[ \t]*=[ \t]*["']form["']|display-mode["']?[ \t]*:[ \t]*["']form["']""")
_COLON_LINE = re.compile(r"[ \t]*:{3,}[ \t]*(.*?)[ \t]*")
_CHUNK_OPTION_LINE = re.compile(r"[ \t]*#\|[ \t]*([\w.-]+)[ \t]*:[ \t]*(.*?)[ \t]*")  # '#| code-fold: true'


def folded_code(body: str) -> str:
    """Code its notebook shows folded under a title, collapsed under that title here (port cc 22, 23):
    Google Colab's form cell (```` ```python cellView="form" ```` or ``{ display-mode: "form" }``, its first
    line ``#@title Solution``: Colab shows the title alone), and Quarto's ``#| code-fold: true`` (titled by
    ``#| code-summary``, else "Code"). The title line and the folding options are not shown; the code
    keeps its lines. Left as it is when no empty line follows the block (where the collapse would end)."""
    lines = body.split("\n")
    number = 0
    blocks: list[str] = []  # the ':::' blocks open (in a question, code is shown as written: no box in it)
    while number < len(lines):
        opening = _FENCE_AT_LINE.fullmatch(lines[number])
        if opening is None or (opening[1][0] == "`" and "`" in opening[2]):
            block = _COLON_LINE.fullmatch(lines[number])
            if block is not None and block[1]:
                blocks.append(block[1].lstrip("{.").split()[0] if block[1].lstrip("{.") else "")
            elif block is not None and blocks:
                blocks.pop()
            number += 1
            continue
        mark = opening[1]
        end = next(
            (
                n
                for n in range(number + 1, len(lines))
                if re.fullmatch(rf" {{0,3}}{mark[0]}{{{len(mark)},}}[ \t]*", lines[n])
            ),
            None,
        )
        if end is None:
            break
        if end + 1 == len(lines):
            lines.append("")
        if lines[end + 1].strip() == "" and end > number + 1 and "question" not in blocks:
            folded = _folded(lines[number], lines[number + 1 : end])
            if folded is not None:
                title, head = folded
                lines[number : number + 1 + len(head)] = [f"{HUGO_FENCE} details {title}", *head]
                lines[end + 1] = HUGO_FENCE
        number = end + 1
    return "\n".join(lines)


def _folded(opening: str, code: list[str]) -> tuple[str, list[str]] | None:
    """(title, the lines from the fence's opening to the code) for code shown folded; None otherwise."""
    colab = _COLAB_TITLE.fullmatch(code[0])
    if colab is not None and (_COLAB_FORM.search(opening) or _COLAB_FORM.search(colab[2] or "")):
        return colab[1] or "Code", [opening]  # (the title line gives its place to the opening)
    options: list[re.Match[str]] = []
    for line in code:
        option = _CHUNK_OPTION_LINE.fullmatch(line)
        if option is None:
            break
        options.append(option)
    folding = {o[1].lower(): o[2].strip("'\"") for o in options if o[1].lower() in ("code-fold", "code-summary")}
    if folding.get("code-fold", "").lower() not in ("true", "yes"):
        return None
    kept = [o[0] for o in options if o[1].lower() not in ("code-fold", "code-summary")]
    return folding.get("code-summary") or "Code", [*[""] * (len(folding) - 1), opening, *kept]


_TOC_LINE = re.compile(r"[ \t]*(?:\[\[toc\]\]|\[toc\])[ \t]*", re.I)  # VitePress', HedgeDoc's and markdown-it-toc's
_HEADING_START = re.compile(r" {0,3}#{1,6}[ \t]")
_ANCHOR_ID = re.compile(r"[A-Za-z0-9][\w.-]*")


def _anchored_heading(line: str) -> tuple[str, str] | None:
    """'## Title [[id]]' (Hugging Face's heading id): (the heading, its id), or None. (From its end, in one pass:
    a regular expression had split a heading of spaces every way, cubic: security round ff 05.)"""
    written = line.rstrip(" \t")
    start = written.rfind("[[")
    if not written.endswith("]]") or start < 0 or _ANCHOR_ID.fullmatch(ident := written[start + 2 : -2]) is None:
        return None
    heading = written[:start].rstrip(" \t")
    if _HEADING_START.match(heading) is None:  # ('#  [[id]]', no words: the hashes and the spaces, as written)
        heading = written[:start]
    return (heading, ident) if _HEADING_START.match(heading) else None


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


_OBSIDIAN_EMBED = re.compile(
    r"!\[\[([^\[\]|#\n]+?\.(?:png|jpe?g|gif|svg|webp|avif|bmp))(?:\|(\d+)(?:x(\d+))?)?\]\]", re.I
)


def obsidian_embeds(body: str) -> str:
    """Obsidian's picture embeds ``![[diagram.png]]`` and ``![[diagram.png|300]]`` (a width): pictures, as
    ``![](diagram.png){width=300}`` (they were shown as written, the picture unpublished: port z 10). No
    alt text: said as any picture without one. Not in code."""
    code = fenced(body)

    def picture(match: re.Match[str]) -> str:
        if in_spans(code, match.start()) or in_code_span_at(body, match.start()):
            return match[0]
        size = "".join(f" {k}={v}" for k, v in (("width", match[2]), ("height", match[3])) if v)
        return f"![](<{match[1].strip()}>)" + (f"{{{size.strip()}}}" if size else "")

    return _OBSIDIAN_EMBED.sub(picture, body)


def doc_builder_marks(body: str) -> str:
    """VitePress' ``[[toc]]`` line (HedgeDoc's ``[TOC]``: unless a link ``[toc]: …`` is defined) shows nothing
    here (the unit's "On this page" lists its headings), and
    Hugging Face's doc-builder ``## What is NLP?[[what-is-nlp]]`` (the heading's own words) is the heading's
    id, as ``{#what-is-nlp}``: both were shown as text, the heading's id then broke the lesson's links to it."""
    code = fenced(body)
    lines = body.split("\n")
    starts = line_starts(lines)
    linked = re.search(r"^ {0,3}\[toc\]:", body, re.I | re.M) is not None
    for number, line in enumerate(lines):
        if "[" not in line or in_spans(code, starts[number]):
            continue
        if _TOC_LINE.fullmatch(line) and not (linked and "[[" not in line):
            lines[number] = ""
        elif (heading := _anchored_heading(line)) is not None and _letters(heading[1]) == _letters(
            heading[0].lstrip(" #")
        ):  # (the heading's own words: never a blank's answer, which would become an id the page shows)
            lines[number] = f"{heading[0]} {{#{heading[1]}}}"
        elif "]](" in line:  # 'console.[[== log]]("Hi")': a blank, then a call's '(', not a link (new cc 4)
            lines[number] = _BLANK_CALL.sub(partial(_called_blank, body, starts[number]), line)
    return "\n".join(lines)


def _called_blank(body: str, at: int, blank: re.Match[str]) -> str:
    """'[[== log]](' as '[[== log]]\\(' (a blank, then text), but in a code span of the line at ``at``."""
    return blank[0] if in_code_span_at(body, at + blank.start()) else blank[0][:-1] + "\\("


_BLANK_CALL = re.compile(r"\[\[[ \t]*(?:==?|~)[^\[\]\n]*\]\]\(")  # (an answer's '=', '==' or '~': a blank)


_KRAMDOWN_TOC = re.compile(r"[ \t]*\{:[ \t]*toc[ \t]*\}[ \t]*")
_LIST_ITEM = re.compile(r"[ \t]*(?:[*+-]|[0-9]+[.)])[ \t]+\S.*")
_ATTRIBUTES_LINE = re.compile(r"[ \t]*\{:[^{}]*\}[ \t]*")


def _only_a_summary(lines: list[str]) -> bool:
    """Whether these lines of a ``<details>`` hold nothing but its ``<summary>`` and attribute lines."""
    summary = False
    for line in lines:
        if "<summary" in line:
            summary = True
        if not (summary or not line.strip() or _ATTRIBUTES_LINE.fullmatch(line)):
            return False
        if "</summary>" in line:
            summary = False
    return True


def kramdown_tocs(body: str) -> str:
    """kramdown's table of contents, a list with ``{:toc}`` under it (``1. TOC``), shows nothing here: the
    unit's "On this page" lists its headings (as VitePress' ``[[toc]]``). Just the Docs' box around it
    (``<details open markdown="block">``, its ``<summary>`` and ``{: .text-delta }``) goes with it. Both
    had been shown: a list item "TOC {:toc}" under "{: .text-delta }"."""
    code = fenced(body)
    lines = body.split("\n")
    starts = line_starts(lines)
    for number, line in enumerate(lines):
        if not _KRAMDOWN_TOC.fullmatch(line) or in_spans(code, starts[number]):
            continue
        first = number
        while first > 0 and _LIST_ITEM.fullmatch(lines[first - 1]):
            first -= 1
        if first == number:
            continue  # no list above it: not kramdown's table of contents
        last = number
        opening = next((i for i in range(first - 1, max(first - 8, -1), -1) if "<details" in lines[i]), None)
        closing = next((i for i in range(number + 1, min(number + 3, len(lines))) if "</details>" in lines[i]), None)
        if opening is not None and closing is not None and lines[opening].strip().startswith("<details"):
            between = lines[opening + 1 : first] + lines[number + 1 : closing]
            if _only_a_summary(between):
                first, last = opening, closing
        lines[first : last + 1] = [""] * (last + 1 - first)
    return "\n".join(lines)


_BOOKDOWN_LABEL = re.compile(r"\(\\#(eq:[^()\s]+)\)")
_BOOKDOWN_REFERENCE = re.compile(r"\\@ref\((eq:[^()\s]+)\)")


def bookdown_equations(body: str) -> str:
    """bookdown's equation label ``(\\#eq:binom)`` (in the formula) and its reference ``\\@ref(eq:binom)``
    are LaTeX's ``\\label{eq:binom}`` and ``\\ref{eq:binom}``: numbered, and a link reading its number. The
    label had been typeset in the formula, and the reference called a citation. In code, as written."""
    code = fenced(body)
    body = _BOOKDOWN_REFERENCE.sub(lambda m: m[0] if in_spans(code, m.start()) else f"\\ref{{{m[1]}}}", body)
    code = fenced(body)
    return _BOOKDOWN_LABEL.sub(lambda m: m[0] if in_spans(code, m.start()) else f"\\label{{{m[1]}}}", body)
