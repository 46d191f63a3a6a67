"""MyST Markdown (Jupyter Book, Sphinx lessons such as CodeRefinery's sphinx-lesson): its directives
in backtick fences (```` ```{note} ````), its options (``:class: dropdown``), its roles
(``{term}`loop` ``) and its targets (``(setup)=``).

A lesson written in MyST keeps them as written:

- an admonition directive (``{note}``, ``{warning}``, ``{admonition} Title`` with ``:class: tip``,
  ``{dropdown}``, sphinx-lesson's ``{challenge}``, ``{solution}``, ``{instructor-note}``...) is the
  lesson block it means, as its ``:::{note}`` form is (parse/markdown.py's block rule reads the same
  options); ``:class: dropdown`` collapses it, ``:open:`` opens it;
- ``{code-block} python`` (``{code}``, ``{sourcecode}``) is a code block in that language, its
  ``:caption:`` shown above it; ``{code-cell}`` too, with a warning: it is shown, never run;
- ``{math}`` is a display formula; ``{figure} path`` and ``{image} path`` an image (``:alt:``,
  ``:width:``), the figure's body its caption;
- roles: ``{math}``, ``{sub}``, ``{sup}``, ``{kbd}``, ``{abbr}``, ``{term}``, ``{download}`` are read;
  a cross-reference (``{ref}``, ``{doc}``, ``{numref}``, ``{cite}``...) is shown as its text, with a
  ``[shown-as-text]`` warning (links.py);
- a target line ``(label)=`` is dropped (what it names is not numbered here).

Any other directive (``{toctree}``, ``{include}``, ``{list-table}``...) stays a code block, with a
``[shown-as-text]`` warning that names it.
"""

from __future__ import annotations

import ast
import html
import re
import textwrap
from typing import Any

import yaml
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from masterysite.parse.markdown import DETAILS_OPENING, push_block, theme_safe

MYST_NAMES = {
    # sphinx-lesson (CodeRefinery) and Jupyter Book names -> masterysite's lesson blocks
    "prerequisites": "prereq",
    "instructor-note": "instructor",
    "instructor_note": "instructor",
    "demo": "callout",
    "type-along": "practice",
    "homework": "practice",
    "margin": "note",
    "sidebar": "note",
    "topic": "note",
    "card": "callout",
    "grid-item-card": "callout",
    "tab-item": "details",  # sphinx-design's tabs: a collapsed block each, titled with its label (as MkDocs' tabs)
    "tab": "details",  # sphinx-tabs' (in MyST's braces: a bare '::: tab' is the Workbench's, lesson.py)
    "group-tab": "details",
}
LAYOUT = ("tab-set", "grid", "grid-item", "tabs")  # sphinx-design's and sphinx-tabs' layout: their content in the flow
CODE = ("code-block", "code", "sourcecode", "code-cell")
LANGUAGES = {"ipython3": "python", "ipython": "python", "python3": "python"}
# (knitr's chunk options after a comma: bookdown's '{solution, multCode=F}' is a solution: port aa 5)
_OPEN = re.compile(r"(`{3,}|~{3,})\s*\{([\w:.-]+)(?:,[^{}`]*)?\}[ \t]*(.*)")
_OPTION = re.compile(r"\s*:([\w-]+):(?:\s+(.*?))?\s*")
_TARGET = re.compile(r"\(([^()\s]+)\)=\s*")
_ROLE = re.compile(r"\{([a-z][\w:+.-]*)\}(`+)(?!`)(.+?)(?<!`)\2(?!`)", re.S)
_LABELLED = re.compile(r"(.*?)\s*<([^<>]+)>", re.S)  # '{ref}`the setup <setup>`': text, then target


def lesson_block(name: str, title: str, options: dict[str, str], written: str) -> dict[str, Any] | None:
    """The meta of the lesson block a MyST directive means (as admonitions.py gives one), or None for a
    directive that is not one (code, figure, math, toctree...)."""
    from masterysite.parse.admonitions import block_of, types

    tag = name.lower()
    if tag.startswith(("prf:", "proof:")):  # (sphinx-proof's 'prf:theorem', mystmd's 'proof:theorem': port z 15)
        return _proof_box(tag.partition(":")[2], title, options, written)
    classes = re.split(r"[\s,]+", options.get("class", "").strip())
    collapsible = tag in ("dropdown", "toggle") or "dropdown" in classes or "toggle" in classes
    if tag == "admonition":  # a generic box: its class gives its look
        tag = next((c for c in classes if c in types()), "callout")
    elif tag in ("dropdown", "toggle"):  # ('{toggle}': sphinx-togglebutton's, Jupyter Book's)
        tag = "details"
    if tag == "only" and only_here(title):  # Sphinx's content for some outputs: this site is its 'html'
        return {"name": "div", "title": "", "closed": True, "written": written}  # in the flow (lesson.py)
    if tag in ("only", "ifconfig", "todo"):  # for another output, a setting not known here; a todo (Sphinx
        tag = "instructor"  # shows none by default): never published
    if tag in LAYOUT:
        return {"name": tag, "title": "", "closed": True, "written": written}  # unwrapped (lesson.py)
    if tag == "solution" and re.fullmatch(r"[a-z0-9_:-]+", title):
        title = ""  # sphinx-exercise's '{solution} ex-loops': the exercise's label, not a title
    if tag in ("solution", "exercise") and "hidden" in options:
        tag = "instructor"  # sphinx-exercise's ':hidden:' "removes the directive from the final output"
    tag = MYST_NAMES.get(tag, tag)
    block = block_of(tag, collapsible or tag == "details")
    if block is None:
        return None
    block_name, key, words = block
    words = "See also" if tag == "seealso" else words  # (as Sphinx titles it; MkDocs' '!!! seealso': 'Seealso')
    meta: dict[str, Any] = {"name": block_name, "closed": True, "open": "open" in options, "written": written}
    meta.update(title=title or ("" if key else words), title_key=key, admonition=tag)
    if name.lower() in CARDS:  # its title is its own, or its header's (card_parts), or none: never 'Callout'
        meta["card"] = True
    return _labelled(meta, options)


_HTML_TAGS = ("html", "format_html", "builder_html", "dirhtml", "builder_dirhtml", "singlehtml", "builder_singlehtml")


def only_here(expression: str) -> bool:
    """Whether Sphinx's ``{only} expression`` holds for this site: its tags are an HTML build's
    (``html``, ``format_html``...), joined by ``and``, ``or``, ``not`` and brackets; any other tag
    (``latex``, ``solutions``, ``instructor``) is not set, and an expression not read is not met."""

    def value(node: ast.expr) -> bool:
        if isinstance(node, ast.Name):
            return node.id in _HTML_TAGS
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return not value(node.operand)
        if isinstance(node, ast.BoolOp):
            values = [value(v) for v in node.values]
            return all(values) if isinstance(node.op, ast.And) else any(values)
        raise ValueError(node)

    try:
        return value(ast.parse(expression.strip(), mode="eval").body)
    except (SyntaxError, ValueError):
        return False


CARDS = ("card", "grid-item-card")
_CODE_FENCE = re.compile(r"(`{3,}|~{3,})")


def card_parts(state: StateBlock, body: int, stop: int, meta: dict[str, Any]) -> list[tuple[int, int]]:
    """A sphinx-design card's lines to read: its header (the lines before a ``^^^`` line), its body and
    its footer (after a ``+++`` line), the separators left out. An untitled card takes a header of one
    paragraph as its title; with neither, it is a box with no title (``meta["untitled"]``)."""
    caret = plus = None
    fence = ""
    for line in range(body, stop):
        text = _text(state, line).rstrip()
        opened = _CODE_FENCE.match(text)
        if fence:  # (a '^^^' inside a code block is code)
            fence = "" if text.startswith(fence) and not text.strip(fence[0]) else fence
        elif opened:
            fence = opened.group(1)
        elif text == "^^^" and caret is None and plus is None:
            caret = line
        elif text == "+++":
            plus = line
    header = (body, caret) if caret is not None else (body, body)
    parts = [header, (caret + 1 if caret is not None else body, plus if plus is not None else stop)]
    if plus is not None:
        parts.append((plus + 1, stop))
    lines = [_text(state, n).strip() for n in range(*header)]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    if not meta.get("title") and lines and all(lines) and not _starts_block(lines[0]):
        meta["title"], parts[0] = " ".join(lines), (body, body)  # its header is its title
    meta["untitled"] = not meta.get("title")
    return [(first, last) for first, last in parts if first < last]


def _starts_block(line: str) -> bool:
    """Whether a header's first line is more than words (a heading, a list, an image, code, a block)."""
    return bool(re.match(r"(?:#|[-*+]\s|\d+[.)]\s|!\[|`{3}|~{3}|:{3}|>|<)", line))


PROOF_BOXES = (
    *("theorem", "lemma", "definition", "proof", "example", "remark", "corollary", "proposition", "conjecture"),
    *("axiom", "criterion", "algorithm", "observation", "property", "assumption", "notation"),
)
"""sphinx-proof's directives (``{prf:theorem} Title``): a titled box each, 'Theorem (Title)'."""


def _proof_box(kind: str, title: str, options: dict[str, str], written: str) -> dict[str, Any] | None:
    if kind not in PROOF_BOXES:
        return None  # (an unknown 'prf:' name: shown as code, with a warning that names it: links.py)
    word = kind.capitalize()
    meta: dict[str, Any] = {"name": "callout", "closed": True, "open": False, "written": written}
    meta.update(title=f"{word} ({title})" if title else word, title_key=None, admonition="callout")
    return _labelled(meta, options)


def _labelled(meta: dict[str, Any], options: dict[str, str]) -> dict[str, Any]:
    """A directive's ``:label:`` (Sphinx's ``:name:``) is the box's id: a link or ``{ref}`` to it leads
    there (parse/xref.py; never one in a question or the enrichment)."""
    label = (options.get("label") or options.get("name") or "").strip()
    if label and not re.search(r"\s", label):
        meta["label"], meta["anchor"] = label, theme_safe(label)
    return meta


def options_at(state: StateBlock, line: int, end: int) -> tuple[dict[str, str], int]:
    """A directive's options at the top of its body (``:class: tip`` lines, or a ``---`` YAML block),
    and the line its content starts at."""
    options: dict[str, str] = {}
    first = _text(state, line) if line < end else ""
    if first.strip() == "---":  # options as YAML
        close = next((n for n in range(line + 1, end) if _text(state, n).strip() == "---"), None)
        if close is not None:
            try:
                lines = (state.src[state.bMarks[n] : state.eMarks[n]] for n in range(line + 1, close))
                data = yaml.safe_load(textwrap.dedent("\n".join(lines)))  # (indented: YAML's nesting kept)
            except yaml.YAMLError:
                data = None
            if isinstance(data, dict):
                return {str(k): "" if v is None else str(v) for k, v in data.items()}, close + 1
    while line < end:
        match = _OPTION.fullmatch(_text(state, line))
        if match is None:
            break
        options[match.group(1)] = match.group(2) or ""
        line += 1
    return options, line


def _text(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _closing(state: StateBlock, start: int, end: int, marker: str) -> int | None:
    """The line of the fence that closes a directive opened with ``marker`` (as CommonMark closes code)."""
    for line in range(start + 1, end):
        if state.isEmpty(line):
            continue  # (an empty line is no less indented than the lines around it)
        if state.sCount[line] < state.blkIndent:
            return None
        if state.sCount[line] - state.blkIndent >= 4:
            continue
        text = _text(state, line).rstrip()
        if len(text) >= len(marker) and text == marker[0] * len(text):
            return line
    return None


def _fence_only(state: StateBlock, line: int, marker: str) -> bool:
    """Whether ``line`` (one past the block being read: its parent's closing line) is a bare fence of
    ``marker``'s character at least as long."""
    if line >= len(state.bMarks) - 1 or state.isEmpty(line):
        return False
    text = _text(state, line).rstrip()
    return len(text) >= len(marker) and text == marker[0] * len(text)


def directive_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """```` ```{name} argument ```` ... ```` ``` ````: a lesson block, a code block, a formula, an
    image or nothing (an index entry); any other directive is left to the fence rule (a code block,
    warned about in links.py)."""
    if state.is_code_block(start):
        return False
    match = _OPEN.fullmatch(_text(state, start).rstrip())
    if match is None:
        return False
    marker, name, argument = match.group(1), match.group(2).lower(), match.group(3).strip()
    if marker[0] == "`" and "`" in argument:
        return False  # not a fence in CommonMark
    written = f"{marker}{{{match.group(2)}}}"
    closing = _closing(state, start, end, marker)
    stop = closing if closing is not None else end
    # Never closed inside a block whose closing fence is long enough for it: closed there (as MyST reads it)
    shared = closing is None and end == state.lineMax and _fence_only(state, end, marker)
    options, body = options_at(state, start + 1, stop)
    if name in GATED and closing is not None:
        return _gated(state, (start, end, closing), marker, name[: -len("-start")], argument, options, silent)
    meta = None if name in READ else lesson_block(name, argument, options, written)
    if meta is None and name not in READ:
        return False
    if silent:
        return True
    after = closing + 1 if closing is not None else end
    if meta is not None:
        meta["closed"] = closing is not None or shared
        parts = card_parts(state, body, stop, meta) if meta.get("card") else ()
        push_block(state, start, body, stop, marker, meta, meta["written"], parts=parts)
    else:
        other_directive(state, start, body, stop, after, marker, name, argument, options)
    state.line = after
    return True


# directives read here that are not lesson blocks
SILENT = ("index", "comment", "tableofcontents", "contents")  # (what Sphinx shows of these here: nothing)
READ = (*CODE, "math", "figure", "image", "table", "raw", *SILENT)
GATED = ("solution-start", "exercise-start")


def _gated(
    state: StateBlock,
    lines: tuple[int, int, int],
    marker: str,
    kind: str,
    argument: str,
    options: dict[str, str],
    silent: bool,
) -> bool:
    """sphinx-exercise's gated directives: ```` ```{solution-start} ex1 ```` (its options only), the
    solution's Markdown (code cells and all), then ```` ```{solution-end} ````: one solution block.
    ``lines``: the start's line, the end of the lines to read and the line of the start's closing fence."""
    start, end, closing = lines
    for line in range(closing + 1, end):
        if state.sCount[line] < state.blkIndent:
            return False
        match = _OPEN.fullmatch(_text(state, line).rstrip())
        if match is not None and match.group(2).lower() == f"{kind}-end" and state.sCount[line] == state.sCount[start]:
            break
    else:
        return False  # never ended: shown as code, with a warning (links.py)
    written = f"{marker}{{{kind}-start}}"
    meta = lesson_block(kind, argument, options, written)
    if meta is None:
        return False
    if not silent:
        push_block(state, start, closing + 1, line, marker, meta, written)
    after = _closing(state, line, end, match.group(1))
    state.line = line + 1 if after is None else after + 1
    return True


def other_directive(
    state: StateBlock,
    start: int,
    body: int,
    stop: int,
    after: int,
    marker: str,
    name: str,
    argument: str,
    options: dict[str, str],
) -> None:
    """The tokens of a directive of READ (or, any other, a code block said to be unread: links.py),
    whose content is the lines from ``body`` to ``stop`` (``after``: the line after its closing fence,
    ``stop`` itself when it has none)."""
    count = len(state.tokens)
    if marker.startswith(":"):
        marker = "```"  # (a code block's tokens say how it was fenced: the checks of fences read them)
    if name in CODE:
        _code(state, start, body, stop, marker, name, argument, options)
    elif name == "math":
        token = state.push("math_block", "math", 0)
        token.block, token.markup, token.map = True, "$$", [start, after]
        token.content = "\n" + sphinx_math("\n".join(_raw(state, n) for n in range(body, stop))) + "\n"
        label = options.get("label", "").strip()
        if label and not re.search(r"\s", label):
            token.meta["label"] = label  # numbered, and {eq}`label` a link to it (parse/xref.py)
    elif name in ("figure", "image"):
        _image(state, start, body, stop, name, argument, options)
    elif name == "table":
        _table(state, start, body, stop, argument, options)
    elif name == "raw":  # raw HTML as it is; a notebook's or LaTeX's: for another output, nothing here
        if argument.lower() == "html":
            token = state.push("html_block", "", 0)
            token.content, token.map = "".join(_raw(state, n) + "\n" for n in range(body, stop)), [start, after]
    elif name not in SILENT:  # (a chapter's table of contents lists the chapters of a book, which a unit
        # is not; a page's own, {contents}, is the unit's "On this page")
        token = state.push("fence", "code", 0)
        token.info = f"{{{name}}} {argument}".strip()
        token.content = "".join(_raw(state, n) + "\n" for n in range(body, stop))
        token.markup, token.map = marker, [start, after]
        token.meta["chunk"] = token.info
    if after > stop:  # closed: the check of code fences left open (parse/structure.py) need not look
        for token in state.tokens[count:]:
            if token.type == "fence":
                token.meta["directive"] = True


def sphinx_math(text: str) -> str:
    """A ``{math}`` body as Sphinx gives it to MathJax: a part (parts are split by blank lines) with
    rows, ``\\\\``, is a ``split`` (its ``&`` align), and several parts are the rows of one ``aligned``."""
    parts = [p.strip("\n") for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
    parts = [f"\\begin{{split}}{p}\\end{{split}}" if "\\\\" in p and "\\begin" not in p else p for p in parts]
    return (
        parts[0] if len(parts) == 1 else "\\begin{aligned}" + " \\\\\n".join(parts) + "\\end{aligned}" if parts else ""
    )


def _raw(state: StateBlock, line: int) -> str:
    """A line of the body as written (less the block's indent)."""
    return state.getLines(line, line + 1, state.blkIndent, False).rstrip("\n")


def _code(
    state: StateBlock, start: int, body: int, stop: int, marker: str, name: str, argument: str, options: dict[str, str]
) -> None:
    if re.search(r"remove[-_](?:cell|input)", options.get("tags", "")):  # MyST-NB reads both spellings
        content = "".join(_raw(state, n) + "\n" for n in range(body, stop))
        if "display_quiz" in content:  # its output, the quiz, is the point (it had gone with no word: port cc 13)
            token = state.push("html_block", "", 0)
            token.map = [start, stop + 1]
            token.meta["left_out"] = (
                "JupyterQuiz's quiz (this cell's 'display_quiz', whose output Jupyter Book shows) is left out: it"
                " runs in Jupyter, not here; write it as a '::: question'"
            )
        return  # a notebook's setup cell, which Jupyter Book leaves out of the page
    language = argument.split()[0] if argument else ""
    info = LANGUAGES.get(language.lower(), language)
    caption = options.get("caption", "").replace('"', "'").strip()
    hidden = re.search(r"hide[-_](?:cell|input|output)", options.get("tags", "")) and name == "code-cell"
    if hidden:  # Jupyter Book collapses it behind "Click to show" (a solution, often: port aa 4)
        opening = state.push("html_block", "", 0)
        opening.content = DETAILS_OPENING
        opening.map = [start, start + 1]
    token = state.push("fence", "code", 0)
    token.info = f'{info} title="{caption}"' if caption else info
    token.content = "".join(_raw(state, n) + "\n" for n in range(body, stop))
    token.markup, token.map = marker, [start, stop + 1]
    if name == "code-cell":  # a notebook's cell: shown, never run (links.py warns once a unit)
        token.meta["chunk"] = f"{{{name}}} {argument}".strip()
        token.meta["myst"] = True
    if hidden:
        state.push("html_block", "", 0).content = "</details>\n"


def _image(
    state: StateBlock, start: int, body: int, stop: int, name: str, argument: str, options: dict[str, str]
) -> None:
    """``{figure} path`` or ``{image} path``, as Markdown's image would be (its path checked and
    published: links.py). A figure's body is Markdown: its first paragraph the caption, the rest
    (a legend) shown below it, inside the figure."""
    label = (options.get("name") or options.get("label") or "").strip()
    if label and not re.search(r"\s", label):  # ':name: sub-branch': a target of {ref}, {numref} and links
        lines = "\n".join(_text(state, n).strip() for n in range(body, stop)).strip().split("\n")
        caption = re.sub(
            r"[`*]", "", " ".join(lines[: lines.index("")] if "" in lines else lines)
        )  # its first paragraph
        target = state.push("myst_target", "", 0)
        target.block, target.map, target.meta = True, [start, start + 1], {"label": label, "title": caption}
    alt = options.get("alt", "")
    attributes = " ".join(f'{key}="{options[key]}"' for key in ("width", "height") if options.get(key))
    source = f"![{_escape_brackets(alt)}](<{argument}>)" + (f"{{{attributes}}}" if attributes else "")
    has_body = name == "figure" and any(state.bMarks[n] + state.tShift[n] < state.eMarks[n] for n in range(body, stop))
    if has_body:
        state.push("html_block", "", 0).content = "<figure>\n"
    token = state.push("paragraph_open", "p", 1)
    token.map = [start, body]
    token = state.push("inline", "", 0)
    token.content, token.map, token.children = source, [start, body], []
    token.meta = {"directive": True}  # (a message about its image names the directive's options: links.py)
    state.push("paragraph_close", "p", -1)
    if not has_body:
        return
    first = _read_body(state, body, stop)
    opening = next((n for n in range(first, len(state.tokens)) if state.tokens[n].type == "paragraph_open"), None)
    if opening is not None and state.tokens[opening].level == state.tokens[first].level:
        state.tokens[opening].tag = state.tokens[opening + 2].tag = "figcaption"
    state.push("html_block", "", 0).content = "</figure>\n"


def _read_body(state: StateBlock, body: int, stop: int) -> int:
    """A directive's lines from ``body`` to ``stop`` read as Markdown, never past ``stop``; the index of
    the first token they made."""
    first = len(state.tokens)
    old_parent, old_max = state.parentType, state.lineMax
    state.parentType, state.lineMax = "container", stop
    state.md.block.tokenize(state, body, stop)
    state.parentType, state.lineMax = old_parent, old_max
    return first


def _table(state: StateBlock, start: int, body: int, stop: int, argument: str, options: dict[str, str]) -> None:
    """``{table} Caption`` around a Markdown table (Jupyter Book's captioned table): the table, its
    caption the directive's argument, its ``:name:`` a target of ``{numref}`` and links (reading the
    caption). It had been shown as code, pipes and options and all."""
    label = (options.get("name") or options.get("label") or "").strip()
    if label and not re.search(r"\s", label):
        target = state.push("myst_target", "", 0)
        target.block, target.map, target.meta = True, [start, start + 1], {"label": label, "title": argument}
    first = _read_body(state, body, stop)
    table = next((n for n in range(first, len(state.tokens)) if state.tokens[n].type == "table_open"), None)
    if table is None or not argument.strip():
        return
    caption = Token("inline", "", 0, content=argument.strip(), children=[], map=[start, start + 1])
    opening, closing = (
        Token("caption_open", "caption", 1, block=True),
        Token("caption_close", "caption", -1, block=True),
    )
    state.tokens[table + 1 : table + 1] = [opening, caption, closing]


def _escape_brackets(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def target_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """``(label)=`` on a line of its own: a target for cross-references (an empty element with that id,
    which a link to the label in this unit leads to: parse/xref.py)."""
    match = _TARGET.fullmatch(_text(state, start))
    if state.is_code_block(start) or match is None:
        return False
    if not silent:
        token = state.push("myst_target", "", 0)
        token.block, token.map, token.meta = True, [start, start + 1], {"label": match.group(1)}
        state.line = start + 1
    return True


def render_target(_self: Any, tokens: Any, idx: int, _options: Any, _env: Any) -> str:
    ident = tokens[idx].meta.get("id")
    return f'<span id="{escapeHtml(ident)}"></span>\n' if ident else ""


ROLES_READ = ("math", "sub", "sup", "kbd", "abbr", "term", "index", "dfn", "download", "samp", "command", "file")


def role_rule(state: StateInline, silent: bool) -> bool:
    """``{name}`content` ``: see the module's notes."""
    match = _ROLE.match(state.src, state.pos)
    if match is None:
        return False
    name, content = match.group(1), match.group(3)
    if not silent:
        _role(state, name, content, match.group(0))
    state.pos = match.end()
    return True


def _role(state: StateInline, name: str, content: str, written: str) -> None:
    labelled = _LABELLED.fullmatch(content)
    if name == "math":
        token = state.push("math_inline", "math", 0)
        token.content, token.markup = content, "$"
    elif name in ("sub", "sup", "kbd", "samp", "command", "file"):
        tag = {"samp": "code", "command": "strong", "file": "code"}.get(name, name)
        state.push("html_inline", "", 0).content = f"<{tag}>"
        state.push("text", "", 0).content = content
        state.push("html_inline", "", 0).content = f"</{tag}>"
    elif name == "abbr":
        short = re.fullmatch(r"(.*?)\s*\((.*)\)", content, re.S)
        word, meaning = (short.group(1), short.group(2)) if short else (content, "")
        state.push("html_inline", "", 0).content = f'<abbr title="{html.escape(meaning)}">'
        state.push("text", "", 0).content = word
        state.push("html_inline", "", 0).content = "</abbr>"
    elif name == "download":
        text, target = (labelled.group(1), labelled.group(2)) if labelled else (content, content)
        token = state.push("link_open", "a", 1)
        token.attrs = {"href": target}
        state.push("text", "", 0).content = text or target
        state.push("link_close", "a", -1)
    else:  # a term, an index entry: its words; a cross-reference: its text, warned about (links.py)
        token = state.push("text" if name in ROLES_READ else "myst_role", "", 0)
        token.content = (labelled.group(1) or labelled.group(2)) if labelled else content
        if name not in ROLES_READ:  # (a token of its own: markdown-it joins text tokens, and their meta is lost)
            target = labelled.group(2) if labelled else content
            token.meta = {"myst_role": written, "advice": advice(name), "role": name, "target": target.strip()}
            token.meta["text"] = labelled.group(1) if labelled else ""


def cross_reference(role: str) -> bool:
    """A role that links to something (another unit, a heading): each use is a link to write."""
    return role in ("ref", "doc", "numref", "any", "external") or ":" in role


def advice(role: str) -> str:
    """What a teacher can write instead of a role that is shown as its text."""
    if role.startswith("cite"):
        return "MyST citation {} is shown as its text: write the reference out"
    if role.startswith("glue"):
        return "MyST role {} is shown as its text: it is filled in by running the notebook; write the value"
    if role == "eq":
        return (
            "MyST equation reference {} is shown as its text: no formula of this unit has that label;"
            " give a ```{{math}} formula of this unit that ':label:' (a formula of another unit is not numbered here)"
        )
    if cross_reference(role):
        return (
            "MyST cross-reference {} is shown as its text, not a link:"
            " write a Markdown link ([text](other-unit.md#heading))"
        )
    return "MyST role {} is shown as its text: it is not read here"


def render_math_block(_self: Any, tokens: Any, idx: int, _options: Any, _env: Any) -> str:
    """A display formula; one with a ``:label:`` (numbered: parse/xref.py) has its id and its number."""
    from masterysite.parse.markdown import render_math

    token = tokens[idx]
    mathml = render_math(str(token.content).strip(), {"display_mode": True})
    if not token.meta.get("number"):
        return f'<div class="math block">\n{mathml}\n</div>\n'
    ident, number = escapeHtml(str(token.meta["id"])), token.meta["number"]
    number_html = f'<span class="math-number">({number})</span>'
    return f'<div class="math block math-numbered" id="{ident}">\n{mathml}\n{number_html}\n</div>\n'


def render_role(_self: Any, tokens: Any, idx: int, _options: Any, _env: Any) -> str:
    return escapeHtml(tokens[idx].content)


def wants_own_meta(name: str, options: dict[str, str]) -> bool:
    """Whether a ``:::{name}`` block needs the MyST reading of its name and options (a name of its
    own, or options that change it); else it is read as its ``::: name`` form, title and all."""
    from masterysite.parse.lesson import kind_of

    tag = name.lower()
    known = tag in ("admonition", "dropdown", "toggle") or tag in MYST_NAMES or tag in LAYOUT
    return bool(options) or known or kind_of(tag) is None


_NAMES = """toctree include literalinclude list-table csv-table table eval-rst glossary contents bibliography
epigraph highlights pull-quote rubric centered hlist versionadded versionchanged deprecated graphviz plot
jupyter-execute glue tabbed panels div embed iframe video youtube button-link button-ref code-tab solution-start
solution-end exercise-start exercise-end myst"""
DIRECTIVES = frozenset(_NAMES.split())  # MyST and Sphinx directives that are not read here: said so
_CHUNK = re.compile(r"\{([\w:.-]+)\}(?:\s.*)?", re.S)


def directive_name(info: str) -> str | None:
    """The name of the MyST directive a fence's ``{name} ...`` info holds; None for a code chunk
    (R Markdown's and Quarto's ``{r}``, ``{python echo=FALSE}``)."""
    match = _CHUNK.fullmatch(info.strip())
    if match is None:
        return None
    name = match.group(1)
    return name if name.lower() in DIRECTIVES or ":" in name else None


def not_a_block(name: str) -> bool:
    """Whether a ``:::{name}`` directive is one this module reads as something else than a lesson block
    (a figure, a formula, code), or a directive that is not read (said so: links.py)."""
    tag = name.lower()
    return tag in READ or tag in DIRECTIVES or ":" in tag


_SIGNS = re.compile(r"^(?:`{3,}|~{3,}|:{3,})\s*\{[\w:-]+\}|\}`|^\([^()\s]+\)=\s*$", re.M)
_BREAK = re.compile(r"\+\+\+\s*(?:\{.*\})?\s*")  # a notebook's cell break, maybe with its metadata


MYST_MATH = "ms_myst_math"  # env key: the unit is MyST's own (not a Quarto/R Markdown chunk): '$ x $' is math
_ENGINES = frozenset(
    {"r", "python", "julia", "ojs", "bash", "sh", "sql", "mermaid", "dot", "rcpp", "stan", "js", "python3", "ipython"}
)  # the engine of a Quarto or R Markdown chunk, '```{r}'; not a MyST directive
_NOTEBOOK_KEYS = ("jupytext", "kernelspec")  # the front matter of a MyST notebook (Jupyter Book)


def note_myst(state: Any) -> None:
    """A core rule before the block parse: does the unit look written in MyST (a directive, a role, a
    target)? Only then are its ``%`` lines comments and its ``+++`` lines cell breaks (in other
    Markdown they are text). And, when a sign is MyST's own (a code chunk of Quarto or R Markdown,
    ```` ```{r} ````, is not) or the front matter is a MyST notebook's, its inline math is read as
    MyST reads it: ``$ x $`` with spaces inside the dollars is math, as Jupyter Book typesets it."""
    src, env = state.src, state.env
    if env.get(MYST_MATH):  # (a part of the unit parsed on its own, a box's title: read as the unit)
        return
    myst = ("{" in src or ")=" in src) and _SIGNS.search(src) is not None
    env["ms_myst"] = myst
    meta = env.get("ms_front_matter")
    notebook = isinstance(meta, dict) and any(key in meta for key in _NOTEBOOK_KEYS)
    env[MYST_MATH] = notebook or (myst and any(_own_sign(m.group(0)) for m in _SIGNS.finditer(src)))


def _own_sign(sign: str) -> bool:
    """A sign of MyST's own: a role, a target, or a directive that is not a code chunk's engine."""
    if "{" not in sign or sign.startswith("}"):
        return True
    return sign[sign.index("{") + 1 : -1].lower() not in _ENGINES


def comment_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """MyST's ``% comment`` lines (never published) and ``+++`` cell breaks (nothing to show)."""
    if not state.env.get("ms_myst") or state.is_code_block(start):
        return False
    text = _text(state, start)
    if not text.startswith("%") and _BREAK.fullmatch(text) is None:
        return False
    if not silent:
        state.line = start + 1
    return True
