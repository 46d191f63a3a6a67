"""Quarto's (pandoc-crossref's) cross-references on one page: ``@fig-cat``, ``[@sec-results]``.

A figure whose id starts ``fig-`` (``![A cat](cat.png){#fig-cat}``, or a ``::: {#fig-cat}`` div)
and a table whose caption (``: Numbers {#tbl-nums}``, the paragraph after it) names a ``tbl-`` id
are numbered in the order of the unit, their captions starting "Figure 1: ", "Table 1: " as
Quarto's do; a reference to one becomes a link to it reading "Figure 1" ("1" for ``[-@fig-cat]``),
and a reference to a heading with a ``sec-`` id a link reading the heading's title (to a theorem-like
box, ``::: {#exr-x}``, its title: 'Exercise (BRCA)'). The words come
from the theme's strings in the course's language (a ``<!--ms-t:…-->`` placeholder, as block titles
do). A reference to anything not on the page is left as text (links.py warns about it).

Nothing inside a question or the enrichment is a target: their content is sealed until the student
answers or masters the unit, and a link from the lesson reading a heading's title (or a figure's
number) would publish it before then.
"""

from __future__ import annotations

import copy
import re

from markdown_it.token import Token

from masterysite.parse.blocks import inline_text
from masterysite.parse.extras import parse_attributes
from masterysite.parse.markdown import theme_safe
from masterysite.parse.sealed import sealed_indexes

_KINDS = "fig|sec|tbl|thm|lem|cor|prp|cnj|def|exm|exr|alg"  # (a theorem-like box: lesson.THEOREMS)
_REFERENCE = re.compile(rf"(?<![\w.@])(?:\[(-?)@((?:{_KINDS}|eq)-[\w-]*\w)\]|@((?:{_KINDS}|eq)-[\w-]*\w))")
# ': Caption {#tbl-x tbl-colwidths="[15,85]"}': the caption, then the table's attributes (its id kept)
_CAPTION_START = re.compile(r"(?:Table)?:\s")


def _caption_parts(text: str) -> tuple[str, str] | None:
    """': Caption {#tbl-x}' -> ('Caption', '{#tbl-x}'); None if not a caption. (From its end, in one pass: a
    regular expression had split a caption of spaces every way, cubic: security round ff 06.)"""
    if _CAPTION_START.match(text) is None:
        return None
    words = text[text.index(":") + 1 :].strip()
    opening = words.rfind("{") if words.endswith("}") else -1
    if opening >= 0 and "}" not in words[opening + 1 : -1]:
        return words[:opening].rstrip(), words[opening:]
    return words, ""


_TABLE_ID = re.compile(r"(?<![^{\s])#(tbl-[\w-]*\w)")
WORDS = {"fig": "xref_figure", "tbl": "xref_table"}
TEX_REFERENCE = re.compile(r"\\(eq)?ref\s*\{([^{}]*)\}")  # LaTeX's \eqref{x}, \ref{x} (links.py too)


def cross_references(tokens: list[Token]) -> list[Token]:
    """The unit's tokens with its table captions read and its references to figures, tables and
    sections on the page made links (``tokens`` is changed in place and returned)."""
    tokens = _table_captions(tokens)
    sealed = sealed_indexes(tokens)
    targets = _targets(tokens, sealed)
    labels = _labels(tokens, sealed)
    for label, (ident, reads) in labels.items():  # Quarto's '@eq-mass' to '$$ … $$ {#eq-mass}': '(1)'
        if label.startswith("eq-") and reads.startswith("("):
            targets.setdefault(ident, ("eq", reads))
    if targets or labels:
        for token in tokens:
            if token.type == "inline" and token.children and "@" in token.content and targets:
                token.children = _linked(token.children, targets)
            if token.type == "inline" and token.children and labels:
                token.children = _to_labels(token.children, labels)
    return tokens


def _labels(tokens: list[Token], sealed: set[int]) -> dict[str, tuple[str, str]]:
    """MyST's targets ``(label)=``: label -> (the element's id, the title of the heading it stands
    before, or the label). Each target is given its id (myst.render_target shows it). Also the
    ``:label:`` of a directive: of a box (its id set by myst.lesson_block), reading its title, and of a
    ``{math}`` formula, numbered in the order of the unit and reading its number, '(1)'."""
    found: dict[str, tuple[str, str]] = {}
    equations = 0
    for index, token in enumerate(tokens):
        if index in sealed or not token.meta or "label" not in token.meta:
            pass
        elif token.type == "container_block_open" and token.meta.get("anchor"):
            title = inline_text(token.meta.get("title_tokens") or []) or str(token.meta.get("title") or "")
            default = str(token.meta.get("title_html") or "")
            if not title and _DEFAULT_TITLE.fullmatch(default):  # an untitled exercise: 'Exercise', as its box
                title = _Title(str(token.meta["label"]))
                title.tokens = [Token("html_inline", "", 0, content=default)]
            found.setdefault(str(token.meta["label"]), (str(token.meta["anchor"]), title or str(token.meta["label"])))
        elif token.type == "math_block" and str(token.meta["label"]) not in found:
            equations += 1
            token.meta.update(id=theme_safe(str(token.meta["label"])), number=equations)
            found[str(token.meta["label"])] = (str(token.meta["id"]), f"({equations})")
        if token.type != "myst_target":
            continue
        label = str(token.meta["label"])
        ident = theme_safe(label)
        at = next((i for i in range(index + 1, len(tokens)) if tokens[i].type != "myst_target"), None)
        after = tokens[at] if at is not None else None
        title = ""
        if at is not None and tokens[at].type == "heading_open" and at + 1 < len(tokens):
            title = inline_text(tokens[at + 1].children or [])
        if after is None or after.attrGet("id") != ident:  # (a heading of that id already: no second one)
            token.meta["id"] = ident
        if index not in sealed:  # (a figure's target reads its caption)
            title = title or _caption_of_figure(tokens, index, sealed) or str(token.meta.get("title") or "")
            found.setdefault(label, (ident, title or label))
    return found


_DEFAULT_TITLE = re.compile(r"<!--ms-t:block_\w+-->")  # a box's title in the course's language (lesson._label)
_NOT_IN_LINK_TEXT = ("link_open", "link_close", "footnote_ref", "image", "html_inline")


class _Title(str):
    """A title, and the parsed words it was read from (a caption's formulas and emphasis, for a link)."""

    tokens: list[Token]


def _caption_of_figure(tokens: list[Token], index: int, sealed: set[int]) -> _Title | None:
    """The caption of the figure right after the target at ``index`` (myst._image), as parsed; never one
    in a question or the enrichment (a target just before a question: its blanks' answers, its words)."""
    for at in range(index + 1, min(index + 8, len(tokens) - 1)):
        if at in sealed or tokens[at].type == "container_block_open":
            return None
        if tokens[at].type == "html_block" and tokens[at].content.startswith("</figure"):
            return None
        if tokens[at].tag == "figcaption" and tokens[at].nesting == 1:
            words = [t for t in tokens[at + 1].children or [] if t.type not in _NOT_IN_LINK_TEXT]
            title = _Title(inline_text(words).strip())
            title.tokens = words
            return title
    return None


def _words(title: str) -> list[Token]:
    """A link's text: the title's own parsed words (a copy: the caption keeps them), or the title."""
    words = getattr(title, "tokens", None)
    if words:
        return [copy.copy(word) for word in words]
    return [Token("text", "", 0, content=title)]


_PLACEHOLDER = re.compile(r"\{(?:name|number)\}")  # mystmd's and Sphinx's link text, filled in by their builders


def _placeholder_only(children: list[Token], index: int) -> bool:
    """Whether the link opened at ``index`` reads one text holding '{name}' or '{number}' (port z 14): the
    target's title takes its place (nothing numbers it here)."""
    if index + 2 >= len(children) or children[index + 2].type != "link_close":
        return False
    text = children[index + 1]
    return text.type == "text" and _PLACEHOLDER.search(text.content) is not None


def _to_labels(children: list[Token], labels: dict[str, tuple[str, str]]) -> list[Token]:
    """``[Exercise 1](factorial_exercise)`` and ``{ref}`factorial_exercise` `` to a target of this unit:
    links to it (the role reads the heading's title, or its own text; so does MyST's ``[](setup)``, a
    link with no text, which would be an empty link no one sees)."""
    out: list[Token] = []
    for index, child in enumerate(children):
        href = str(child.attrGet("href") or "") if child.type == "link_open" else ""
        label = href[1:] if href.startswith("#") else href
        if href and label in labels:
            child.attrSet("href", "#" + labels[label][0])
            if index + 1 < len(children) and children[index + 1].type == "link_close":
                out += [child, *_words(labels[label][1])]
                continue
            if _placeholder_only(children, index):  # mystmd's '[{name}](#x)', '[Exercise {number}](#x)'
                out += [child, *_words(labels[label][1])]
                children[index + 1] = Token("text", "", 0, content="")
                continue
        elif child.type == "text" and "ref{" in child.content and "\\" in child.content:
            out += _tex_references(child, labels)
            continue
        elif child.type == "myst_role" and child.meta["target"] in labels and _refers(child, labels):
            ident, title = labels[child.meta["target"]]
            link = Token("link_open", "a", 1)
            link.attrSet("href", "#" + ident)
            text = str(child.meta.get("text") or "")
            words = [Token("text", "", 0, content=text)] if text and not _PLACEHOLDER.search(text) else _words(title)
            out += [link, *words, Token("link_close", "a", -1)]
            continue
        out.append(child)
    return out


def _tex_references(text: Token, labels: dict[str, tuple[str, str]]) -> list[Token]:
    """LaTeX's ``\\eqref{eq:x}`` and ``\\ref{eq:x}`` in the text, as MathJax reads them on a page: a link to
    the formula of that label, reading '(1)' and '1' (one to anything else is left as written)."""
    out: list[Token] = []
    done = 0
    for match in TEX_REFERENCE.finditer(text.content):
        found = labels.get(match.group(2).strip())
        if found is None or not found[1].startswith("("):
            continue
        link = Token("link_open", "a", 1)
        link.attrSet("href", "#" + found[0])
        shown = found[1] if match.group(1) else found[1][1:-1]
        before = text.content[done : match.start()]
        out += [Token("text", "", 0, content=before)] if before else []
        out += [link, Token("text", "", 0, content=shown), Token("link_close", "a", -1)]
        done = match.end()
    if not done:
        return [text]
    return out + ([Token("text", "", 0, content=text.content[done:])] if text.content[done:] else [])


def _refers(role: Token, labels: dict[str, tuple[str, str]]) -> bool:
    """Whether a role names a target of ``labels`` as a reference to it: ``{eq}`` only a formula's."""
    name = role.meta.get("role")
    if name == "eq":
        return labels[role.meta["target"]][1].startswith("(")
    return name in ("ref", "numref", "prf:ref")


def _table_captions(tokens: list[Token]) -> list[Token]:
    """``: Caption {#tbl-x}`` (or ``Table: Caption``) in the paragraph right after a table, or right
    before it, as pandoc reads it: the table's caption."""
    out: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        before = _caption(out[-3:]) if token.type == "table_open" else None
        if before is not None:
            del out[-3:]
            out.append(token)
            _attach(out, token, *before)
            index += 1
            continue
        if token.type == "table_close" and (row := _caption_row(out)) is not None:
            opening = next(t for t in reversed(out) if t.type == "table_open" and t.level == token.level)
            _attach(out, opening, *row)
        out.append(token)
        index += 1
        if token.type != "table_close":
            continue
        caption = _caption(tokens[index : index + 3])
        if caption is not None:
            opening = next(t for t in reversed(out) if t.type == "table_open" and t.level == token.level)
            _attach(out, opening, *caption)
            index += 3
    return out


def _caption_row(out: list[Token]) -> tuple[Token | None, str | None] | None:
    """A caption written on the line right after the table (``: {tbl-colwidths="[15,85]"}``), which
    Markdown reads as its last row, a cell of ': …' and nothing else: taken out, as the caption."""
    if len(out) < 5 or out[-1].type != "tbody_close" or out[-2].type != "tr_close":
        return None
    start = next(i for i in range(len(out) - 2, -1, -1) if out[i].type == "tr_open")
    cells = [t for t in out[start:-2] if t.type == "inline"]
    match = _caption_parts(cells[0].content) if cells and not any(c.content for c in cells[1:]) else None
    caption = _caption_of(cells[0], match) if match else None
    if caption is None:
        return None
    table = next(i for i in range(start, -1, -1) if out[i].type == "table_open")
    rows = sum(1 for t in out[table:start] if t.type == "tr_open")
    del out[start:-1]
    if rows == 1:  # (the header's row is not the body's: a body of that row alone goes with it)
        del out[-2:]
    return caption


def _caption(paragraph: list[Token]) -> tuple[Token | None, str | None] | None:
    """The caption in a paragraph's three tokens, and the table id it names, if they are one (no caption:
    ``: {.striped .hover}``, Quarto's attributes of the table alone)."""
    if len(paragraph) < 3 or paragraph[0].type != "paragraph_open" or paragraph[2].type != "paragraph_close":
        return None
    parts = _caption_parts(paragraph[1].content)
    return _caption_of(paragraph[1], parts) if parts else None


def _caption_of(inline: Token, parts: tuple[str, str]) -> tuple[Token | None, str | None] | None:
    text, braces = parts
    parsed = parse_attributes(braces) if braces else None
    if braces and (parsed is None or parsed[1] != len(braces)):  # ': Values on the set {0, 1}': its words
        text, braces = f"{text} {braces}".strip(), ""
    found = _TABLE_ID.search(braces)
    ident = found.group(1) if found else None
    if not text:  # ': {.striped .hover}': Quarto's attributes of the table alone
        return (None, ident) if braces else None
    children = _without_label(inline.children or [], braces)
    if not children:
        return None
    return Token("inline", "", 0, content=text, children=children), ident


def _attach(out: list[Token], table: Token, caption: Token | None, ident: str | None) -> None:
    if ident:
        table.attrSet("id", ident)
    if caption is None:
        return
    start = out.index(table) + 1
    out[start:start] = [Token("caption_open", "caption", 1, block=True), caption]
    out.insert(start + 2, Token("caption_close", "caption", -1, block=True))


def _without_label(children: list[Token], braces: str) -> list[Token] | None:
    """The caption's inline tokens without the ``: `` before it and the ``{#tbl-x …}`` after it."""
    if not children or children[0].type != "text" or (braces and children[-1].type != "text"):
        return None
    prefix = re.match(r"(?:Table)?:\s+", children[0].content)
    if prefix is None:
        return None
    children = [t.copy() for t in children]
    children[0].content = children[0].content[prefix.end() :]
    if braces:
        end = children[-1].content.rstrip()
        if not end.endswith(braces):
            return None
        children[-1].content = end[: -len(braces)].rstrip()
    return [t for t in children if t.type != "text" or t.content]


def _targets(tokens: list[Token], sealed: set[int]) -> dict[str, tuple[str, str]]:
    """id -> (kind, what a reference to it reads: the number of a figure or table, a heading's title);
    figures and tables numbered in order, their captions given that number."""
    found: dict[str, tuple[str, str]] = {}
    counts = {"fig": 0, "tbl": 0}
    for index, token in enumerate(tokens):
        ident = ""
        if index in sealed:
            continue
        if token.type == "heading_open":
            ident = str(token.attrGet("id") or "")
            if ident.startswith("sec-") and index + 1 < len(tokens):
                found.setdefault(ident, ("sec", inline_text(tokens[index + 1].children or [])))
            continue
        if token.type == "container_block_open" and token.meta.get("theorem"):  # '::: {#exr-x}': its title
            found.setdefault(str(token.meta["label"]), ("sec", inline_text(token.meta.get("title_tokens") or [])))
            continue
        if token.type == "table_open":
            ident = str(token.attrGet("id") or "")
            caption = tokens[index + 2] if tokens[index + 1].type == "caption_open" else None
        elif token.type == "figure_open" and token.attrGet("id"):  # a figure div
            ident = str(token.attrGet("id"))
            at = next((i for i in range(index, len(tokens)) if tokens[i].tag == "figcaption"), None)
            caption = tokens[at + 1] if at is not None else None  # (its caption: a paragraph retagged)
        elif token.type == "inline" and token.children and token.children[0].type == "image":
            ident = str(token.children[0].attrGet("id") or "")  # '![Caption](x.png){#fig-x}'
            caption = token if tokens[index - 1].type == "figure_open" else None
        else:
            continue
        kind = ident.split("-", 1)[0]
        if kind not in counts or ident in found:
            continue
        counts[kind] += 1
        found[ident] = (kind, str(counts[kind]))
        if caption is not None and caption.children is not None:
            _number_caption(caption, kind, counts[kind])
    return found


def _number_caption(inline: Token, kind: str, number: int) -> None:
    """'Figure 1: ' before the caption (of a figure: after the image, in its figcaption)."""
    children = inline.children or []
    at = next((i + 1 for i, t in enumerate(children) if t.type == "figcaption_open"), 0)
    label = [_word(kind), Token("text", "", 0, content=f" {number}: ")]
    inline.children = [*children[:at], *label, *children[at:]]


def _word(kind: str) -> Token:
    return Token("html_inline", "", 0, content=f"<!--ms-t:{WORDS[kind]}-->")


def _linked(children: list[Token], targets: dict[str, tuple[str, str]]) -> list[Token]:
    out: list[Token] = []
    for child in children:
        if child.type != "text" or "@" not in child.content:
            out.append(child)
            continue
        content, pos = child.content, 0
        for match in _REFERENCE.finditer(content):
            ident = match.group(2) or match.group(3)
            if ident not in targets:
                continue
            kind, reads = targets[ident]
            if match.start() > pos:
                out.append(Token("text", "", 0, content=content[pos : match.start()]))
            link = Token("link_open", "a", 1)
            link.attrSet("href", "#" + ident)
            out.append(link)
            if kind not in ("sec", "eq") and not match.group(1):  # '[-@fig-x]': the number alone
                out += [_word(kind), Token("text", "", 0, content=" ")]
            if kind == "eq" and match.group(1):  # '[-@eq-x]': '1', as '(1)' reads without its brackets
                reads = reads[1:-1]
            out += [Token("text", "", 0, content=reads), Token("link_close", "a", -1)]
            pos = match.end()
        if pos < len(content):
            out.append(Token("text", "", 0, content=content[pos:]) if pos else child)
    return out
