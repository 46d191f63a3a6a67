"""Lesson blocks: the ``:::`` names of the tools teachers already write in (Carpentries, Quarto, pandoc).

They are not scored: callouts become titled boxes, ``practice`` an exercise in the flow of the lesson,
``solution``/``spoiler``/``details`` are collapsed, ``keypoints``/``questions``/``objectives`` are summary
boxes, and ``instructor`` notes never reach the page. Rendered here, at parse time, with the theme's
classes (``ms-callout``, ``ms-practice``, ...); a default title is left as ``<!--ms-t:KEY-->`` for the
renderer to fill in from the theme's strings in the course's language (see render.fill_titles).
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from masterysite.model import Objective
from masterysite.parse.blocks import inline_text
from masterysite.parse.markdown import DETAILS_OPENING, PROBLEMS, block_name, problem, theme_safe

QUIZ_BLOCKS = ("question", "corrective", "enrichment")
CALLOUTS: tuple[str, ...] = ("note", "tip", "warning", "caution", "important", "callout", "discussion")
CALLOUTS += ("checklist", "prereq", "testimonial")
QUARTO = {f"callout-{v}": v for v in ("note", "tip", "warning", "caution", "important")}
PRACTICE = ("practice", "challenge", "exercise")
COLLAPSED = ("solution", "hint", "spoiler", "details")
SUMMARIES = ("keypoints", "questions", "objectives")
HIDDEN = ("instructor",)
TABSETS = ("panel-tabset", "tab", "group-tab")  # Quarto's and the Workbench's tabs: one per heading (_tabs)
# Quarto's, sphinx-design's layout; VitePress' code group (its titled code blocks, one after another); pandoc's
# notebook output ('::: {.output .stream .stdout}', port ff 09)
LAYOUT = ("columns", "column", "tab-set", "grid", "grid-item", "tabs", "div", "code-group", "container", "output")
# blocks (and pandoc's div of attributes only, '::: {layout-ncol=2}'): their content is shown in the flow of the lesson
QUARTO_LAYOUT = ("column-", "r-", "incremental", "nonincremental", "fragment", "aside", "center", "smaller", "cell")
"""Quarto's page-layout and slide classes ('{.column-margin}', '{.incremental}') and the divs its rendered
Markdown wraps every code cell and its output in ('{.cell}', '{.cell-output-stdout}'): content in the flow."""


def in_flow(name: str) -> bool:
    return name in LAYOUT or name.startswith(QUARTO_LAYOUT)


LESSON_BLOCKS = (*CALLOUTS, *PRACTICE, *COLLAPSED, *SUMMARIES, *HIDDEN)
ALL_BLOCKS = (*QUIZ_BLOCKS, *LESSON_BLOCKS, *QUARTO)
TITLE = re.compile(r"<!--ms-t:(\w+)-->")
_NOTE = re.compile(r"<!--.*?(?:-->|$)", re.S)
# A ticked choice, an answer line ('= 81', '=81', '~ /a+/'); not '~/workshop' nor a formula '=SUM(A1:A9)'
_QUIZ_ANSWER = re.compile(r"^(?:\[[xX]\]\s|==?[ \t]+\S|==?[-+.,0-9]|~[ \t]*/.*/i?[ \t]*$)", re.M)


# names other lessons use (Docusaurus; HedgeDoc's and VuePress' 'success'; pandoc's 'toggle' and 'dropdown' from
# sphinx-togglebutton and sphinx-design: port bb 13)
ALIASES = {"answer": "solution", "danger": "caution", "info": "note", "success": "tip"}
ALIASES.update(toggle="details", dropdown="details")


def kind_of(name: str) -> tuple[str, str] | None:
    """('callout', 'tip') for ``tip`` or ``callout-tip``, ('practice', 'practice') for ``challenge``,
    ('collapsed', 'solution') for ``answer`` or ``callout-answer`` (Quarto callout extensions), or None."""
    name = name if name in QUIZ_BLOCKS else name.lower()  # ':::{Tip}': Sphinx reads directives in any case
    if name in QUARTO:
        return "callout", QUARTO[name]
    if name.startswith("callout-"):
        name = name[len("callout-") :]
    name = ALIASES.get(name, name)
    for kind, names in (("callout", CALLOUTS), ("collapsed", COLLAPSED), ("summary", SUMMARIES)):
        if name in names:
            return kind, name
    if name in PRACTICE:
        return "practice", "practice"
    if name in HIDDEN:
        return "hidden", name
    return None


def known_block(name: str) -> bool:
    """Whether a ``:::`` block of this name is read (a quiz or lesson block, tabs, a layout, Quarto's
    conditional content or speaker notes)."""
    return (
        name in QUIZ_BLOCKS
        or name in TABSETS
        or name in CONDITIONAL
        or name in UNPUBLISHED
        or in_flow(name)
        or (kind_of(name) is not None)
    )


def close_of(tokens: Sequence[Token], start: int) -> int:
    """Index of the ``container_block_close`` that matches the opening token at ``start``."""
    depth = 0
    for index in range(start, len(tokens)):
        kind = tokens[index].type
        if kind == "container_block_open":
            depth += 1
        elif kind == "container_block_close":
            depth -= 1
            if depth == 0:
                return index
    return len(tokens) - 1


def _collapsed_cell(tokens: list[Token], hide: str, level: int) -> list[Token]:
    """A notebook cell tagged 'hide-input', 'hide-output' or 'hide-cell' (pandoc's '::: {.cell .code
    tags="[\\"hide-input\\"]"}'): its code, its outputs (what follows the code) or all of it collapsed, as
    Jupyter Book shows them and as a MyST code-cell so tagged is (port ff 09: it had been shown open)."""

    def details(opening: bool) -> Token:
        token = Token("html_block", "", 0)
        token.block, token.level = True, level
        token.content = DETAILS_OPENING if opening else "</details>\n"
        return token

    code = [i for i, t in enumerate(tokens) if t.type == "fence" and t.level == level]
    if hide == "cell" or (hide == "input" and not code):
        return [details(True), *tokens, details(False)] if tokens else tokens
    if hide == "input":
        wrapped = ([details(True), t, details(False)] if i in code else [t] for i, t in enumerate(tokens))
        return [part for parts in wrapped for part in parts]
    after = code[-1] + 1 if code else 0
    return tokens[:after] + ([details(True), *tokens[after:], details(False)] if tokens[after:] else [])


def prepare(md: MarkdownIt, tokens: list[Token], env: dict[str, Any]) -> list[Token]:
    """Drop instructor notes and what an unclosed block swallowed; give every lesson block its kind,
    id and title; note unknown names and unclosed blocks in ``env`` for the block parser to report."""
    out: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type != "container_block_open":
            out.append(token)
            index += 1
            continue
        name, end = block_name(token), close_of(tokens, index)
        if name in TABSETS and token.meta.get("closed", True):
            tokens[index : end + 1] = _tabs(tokens[index + 1 : end], token)
            continue  # the tabs are blocks of their own, read on from here
        if name in CONDITIONAL and token.meta.get("closed", True):
            shown = shown_here(token)
            if not shown:  # (a print-only answer key, say: its footnotes must not reach the page either)
                _hidden_footnotes(env, token, name)
            tokens[index : end + 1] = tokens[index + 1 : end] if shown else []  # Quarto's conditional content
            continue
        if THEOREM.match(name) and token.meta.get("closed", True):  # '::: {#exr-mutation}': Quarto's theorem box
            _theorem(tokens, index, name[1:])
            tokens[close_of(tokens, index)].meta = token.meta
            _label(md, tokens, index, env, ("callout", "callout"))
            out.append(token)
            index += 1
            continue
        if name.startswith("#") and token.meta.get("closed", True):  # '::: {#fig-x}', '::: {#refs}': an id only
            tokens[index : end + 1] = (
                _figure(tokens[index + 1 : end], name[1:]) if name.startswith("#fig-") else tokens[index + 1 : end]
            )
            continue
        if in_flow(name) and token.meta.get("unpublished") and token.meta.get("closed", True):
            _hidden_footnotes(env, token, token.meta["unpublished"])  # (a notebook cell tagged remove-cell: ff 09)
            index = end + 1
            continue
        if in_flow(name) and token.meta.get("closed", True):
            if token.meta.get("remove_input"):  # a notebook cell's code left out, its outputs shown (ff 09)
                inner = [t for t in tokens[index + 1 : end] if not (t.type == "fence" and t.level == token.level + 1)]
                tokens[index + 1 : end] = inner
                end = index + 1 + len(inner)
            if token.meta.get("hide"):  # its code, its output or both behind a click, as Jupyter Book shows them
                inner = _collapsed_cell(tokens[index + 1 : end], token.meta["hide"], token.level + 1)
                tokens[index + 1 : end] = inner
                end = index + 1 + len(inner)
            if name in ("tab-set", "tabs"):  # sphinx-design's, sphinx-tabs': the first tab open, as MkDocs' tabs
                first = next((t for t in tokens[index + 1 : end] if t.type == "container_block_open"), None)
                if first is not None and first.meta and first.meta.get("name") == "details":
                    first.meta["open"] = True
            tokens[index : end + 1] = tokens[index + 1 : end]  # a layout only: its content, one after another
            continue
        if name in TABSETS or in_flow(name):  # never closed: it swallowed the rest
            problem(
                env,
                "unclosed",
                token.map[0] if token.map else 0,
                name=name,
                fence=token.markup,
                written=_written(token),
            )
            index = end + 1
            continue
        if token.meta.get("unpublished"):  # speaker notes, an answer its course hides: never published
            _hidden_footnotes(env, token, token.meta["unpublished"])
            index = end + 1
            continue
        kind = kind_of(name)
        if kind is not None and kind[0] == "callout" and "collapse" in token.meta:
            kind = "collapsed", kind[1]  # Quarto's {.callout-tip collapse="true"}: a solution, often
            token.meta["open"] = token.meta["collapse"] == "false"
        line = token.map[0] if token.map else 0
        if kind is not None and not token.meta.get("closed", True):
            problem(env, "unclosed", line, name=name, fence=token.markup, written=_written(token))
            out += [token, tokens[end]]  # what it swallowed would only give confusing follow-on errors
            index = end + 1
            continue
        if kind is None and "admonition" in token.meta:
            problem(env, "unknown-admonition", line, marker=token.markup, tag=token.meta["admonition"])
            index = end + 1
            continue
        if kind is None and name not in QUIZ_BLOCKS:
            problem(env, "unknown", line, name=name, braces=bool(token.meta.get("braces")))
            _unknown_within(tokens[index + 1 : end], env)  # (every problem at once: not on the next build)
            index = end + 1  # its content is neither published nor checked further
            continue
        question = token.meta.get("admonition") == "question" and name != "details"  # ('??? question': a reveal)
        if question and _holds_answer(tokens[index + 1 : end]):
            problem(env, "callout-question", line, written=token.meta.get("written") or token.markup)
            index = end + 1  # as written it would show the answer in the lesson
            continue
        if kind is not None and kind[0] == "hidden":
            _hidden_footnotes(env, token, name)
            index = end + 1  # teacher notes: kept in the source, never published
            continue
        if kind is not None:
            tokens[end].meta = token.meta  # the closing tag is rendered from the same facts
            _label(md, tokens, index, env, kind)
        out.append(token)
        index += 1
    return out


def _unknown_within(tokens: list[Token], env: dict[str, Any]) -> None:
    """The unknown names of the blocks inside an unknown one, said with it (Quarto's custom callouts nest:
    a '{.callout-proof}' in a '{.callout-theorem}' was reported only once its outer block was fixed)."""
    for token in tokens:
        if token.type != "container_block_open" or "admonition" in token.meta:
            continue
        name = block_name(token)
        if name in QUIZ_BLOCKS or name in TABSETS or name in CONDITIONAL or name.startswith("#") or in_flow(name):
            continue
        if kind_of(name) is None:
            line = token.map[0] if token.map else 0
            problem(env, "unknown", line, name=name, braces=bool(token.meta.get("braces")))


THEOREMS = {
    **{"thm": "Theorem", "lem": "Lemma", "cor": "Corollary", "prp": "Proposition", "cnj": "Conjecture"},
    **{"def": "Definition", "exm": "Example", "exr": "Exercise", "alg": "Algorithm"},
}
"""Quarto's theorem-like divs, by the prefix of their id ('::: {#exr-mutation}'), and the word of their title."""
THEOREM = re.compile(rf"#({'|'.join(THEOREMS)})-[\w:.-]*\w$")


def _theorem(tokens: list[Token], index: int, ident: str) -> None:
    """Quarto's ``::: {#exr-mutation}`` with a first ``# BRCA`` heading: a box titled 'Exercise (BRCA)'
    (the heading taken out: it was a second <h1> on the page), its id the div's, so ``@exr-mutation``
    and ``[text](exr-mutation)`` lead to it (xref.py; never one in a question or the enrichment)."""
    token = tokens[index]
    word = THEOREMS[ident.split("-", 1)[0]]
    title = word
    if index + 3 < len(tokens) and tokens[index + 1].type == "heading_open":
        title = f"{word} ({tokens[index + 2].content.strip()})"
        del tokens[index + 1 : index + 4]
    token.meta.update(name="callout", title=title, theorem=True, label=ident, anchor=theme_safe(ident))


def _holds_answer(inner: Sequence[Token]) -> bool:
    """Whether a callout's content holds a quiz answer: a ticked choice or an answer line ('= 81')."""
    return any(
        (t.type == "inline" and _QUIZ_ANSWER.search(t.content)) or (t.meta and t.meta.get("ticked")) for t in inner
    )


def _written(token: Token) -> str:
    """How a block's opening was written, for a message: MyST's '```{admonition}' (its 'details' or 'callout'
    is masterysite's own name for it), else '' (the fence and the name say it)."""
    written = str(token.meta.get("written") or "")
    return written if "{" in written else ""


def _hidden_footnotes(env: dict[str, Any], token: Token, name: str) -> None:
    """A footnote written in a teacher's note: its text would be published at the end of the lesson."""
    for written in dict.fromkeys(token.meta.get("footnotes", ())):
        problem(env, "hidden-footnote", token.map[0] if token.map else 0, written=written, name=name)
    for written in dict.fromkeys(token.meta.get("footnote_refs", ())):  # (read only here: security round bb 3)
        problem(env, "hidden-footnote", token.map[0] if token.map else 0, written=written, name=name, referred=True)


CONDITIONAL = ("content-visible", "content-hidden")
UNPUBLISHED = ("notes", "hidden")  # speaker notes; Quarto's '{.hidden}' ("content not shown"): never published
# A Quarto profile that names the students' build, which this site is: 'content-hidden when-profile="students"'
# hides a solution from it (a course's default build being the teacher's), and it had been published (jj security 5)
_STUDENTS_PROFILE = re.compile(
    r"stud(?:ents?|enti|ente|ierende)|learners?|participants?|pupils?|public|web(?:site)?|site|class"
    r"|alumn[oa]s?|estudiantes?|[ée]l[èe]ves?|[ée]tudiant(?:e|s|es)?|sch(?:ü|ue)ler(?:innen)?|alunos?",
    re.I,
)


def shown_here(token: Token) -> bool:
    """Whether a Quarto ``content-visible``/``content-hidden`` block is shown in a web page."""
    return _shown(block_name(token), token.meta.get("conditions", {}))


def _shown(name: str, conditions: dict[str, str]) -> bool:
    """Whether Quarto would show a ``content-visible``/``content-hidden`` block in this site: a web page ('html';
    not slides, 'revealjs', nor a 'dashboard': jj security 10), of the students' profile (_STUDENTS_PROFILE; any
    other, 'instructor', 'solutions', is not this site's); a metadata condition is taken as not met."""
    met = True
    for key, value in conditions.items():
        names = value.replace(",", " ").split()
        ours = any(f.startswith("html") for f in names) if key.endswith("-format") else None
        if key.endswith("-profile"):
            ours = any(_STUDENTS_PROFILE.fullmatch(f.strip("'\"")) for f in names)
        if ours is not None:
            met = met and (ours if key.startswith("when-") else not ours)
        elif key.startswith("when-"):
            met = False
    return met if name == "content-visible" else not met


def _figure(inner: list[Token], ident: str) -> list[Token]:
    """Quarto's figure div (``::: {#fig-x}``: images, then a paragraph that is the caption) as a figure."""
    if len(inner) < 6 or inner[-3].type != "paragraph_open" or inner[0].type != "paragraph_open":
        return inner
    opening = Token("figure_open", "figure", 1, block=True, map=inner[0].map, attrs={"id": ident})
    caption = inner[-3:]
    caption[0].tag, caption[2].tag = "figcaption", "figcaption"
    return [opening, *inner[:-3], *caption, Token("figure_close", "figure", -1, block=True)]


def _tabs(inner: list[Token], tabset: Token) -> list[Token]:
    """Quarto's ``::: {.panel-tabset}``: each of its first-level headings starts a tab, shown (a page
    without scripts) as a collapsed block titled with the heading, the first one open, like MkDocs' tabs."""
    level = next((t.tag for t in inner if t.type == "heading_open" and t.level == tabset.level + 1), None)
    out: list[Token] = []
    opened = False
    for token in inner:
        if token.type == "heading_open" and token.tag == level and token.level == tabset.level + 1:
            if opened:
                out.append(Token("container_block_close", "div", -1, block=True))
            start = Token("container_block_open", "div", 1, block=True, map=token.map, info="details")
            start.meta = {"name": "details", "title": "", "closed": True, "open": not opened}
            out.append(start)
            opened = True
        out.append(token)
    if opened:
        out.append(Token("container_block_close", "div", -1, block=True))
    return out


def _label(md: MarkdownIt, tokens: list[Token], index: int, env: dict[str, Any], kind: tuple[str, str]) -> None:
    """Set the block's kind, id and title (its first heading when none follows the name: that heading
    is taken out of the block's body)."""
    token = tokens[index]
    count = env["ms_block_count"] = env.get("ms_block_count", 0) + 1
    title, skip = _NOTE.sub("", str(token.meta.get("title") or "")).strip(), 0  # a teacher's <!-- note -->
    renderer: Any = md.renderer  # RendererHTML; the protocol type does not declare renderInline
    words: list[Token] = []  # the title's inline tokens: its links are checked and rewritten (links.py)
    if title:
        words = md.parseInline(title, env)[0].children or []
        title_html = str(renderer.renderInline(words, md.options, env)).strip()
    elif token.meta.get("untitled"):  # a sphinx-design card with no title nor header: a box, no title
        title_html = ""
    elif token.meta.get("title_key"):  # an MkDocs admonition: its type's title in the course's language
        title_html = f"<!--ms-t:block_{token.meta['title_key']}-->"
    elif "admonition" not in token.meta and index + 2 < len(tokens) and tokens[index + 1].type == "heading_open":
        words = tokens[index + 2].children or []
        title_html = str(renderer.renderInline(words, md.options, env)).strip()
        skip = 3
        if tokens[index + 1].attrGet("id"):  # its heading's id ('{#exercise-1}' or its words): the block's
            token.meta.setdefault("anchor", str(tokens[index + 1].attrGet("id")))  # (unless it has its own)
    else:
        title_html = f"<!--ms-t:block_{kind[1]}-->"
    token.meta.update(kind=kind[0], variant=kind[1], block_id=f"ms-block-{count}", title_html=title_html)
    if words:
        token.meta["title_tokens"] = words
    del tokens[index + 1 : index + 1 + skip]


def render_open(token: Token, title_html: str | None = None) -> str:
    meta = token.meta
    kind, variant, ident = meta.get("kind"), meta.get("variant"), meta.get("block_id")
    title = title_html if title_html is not None else meta.get("title_html")
    anchor = f' id="{html.escape(str(meta["anchor"]))}"' if meta.get("anchor") else ""  # a link to its heading
    if kind == "collapsed":
        opened = " open" if meta.get("open") else ""  # MkDocs' '???+': open until the student closes it
        return f'<details class="ms-collapsed ms-collapsed--{variant}"{anchor}{opened}>\n<summary>{title}</summary>\n'
    if meta.get("untitled"):  # (a box of no name: no landmark either)
        return f'<div class="ms-{kind} ms-{kind}--{variant}"{anchor}>\n'
    tag = "aside" if kind == "callout" else "section"
    return (
        f'<{tag} class="ms-{kind} ms-{kind}--{variant}"{anchor} aria-labelledby="{ident}-title">\n'
        f'<p class="ms-{kind}__title" id="{ident}-title">{title}</p>\n'
    )


def render_close(token: Token) -> str:
    kind = token.meta.get("kind")
    if token.meta.get("untitled"):
        return "</div>\n"
    return {"collapsed": "</details>\n", "callout": "</aside>\n"}.get(str(kind), "</section>\n")


def _render(_self: Any, tokens: Sequence[Token], idx: int, _options: Any, _env: Any) -> str:
    token = tokens[idx]
    if not token.meta or not token.meta.get("kind"):
        return '<div class="ms-block">\n' if token.nesting > 0 else "</div>\n"  # not reached: quiz blocks are taken out
    if token.nesting < 0:
        return render_close(token)
    words = token.meta.get("title_tokens")  # rendered now: after the link check rewrote its links
    return render_open(token, str(_self.renderInline(words, _options, _env)).strip() if words else None)


def block_renderer(md: MarkdownIt) -> None:
    """Render rules for the lesson blocks."""
    md.add_render_rule("container_block_open", _render)
    md.add_render_rule("container_block_close", _render)


def fill_titles(page_html: str, strings: dict[str, Any]) -> str:
    """Default block titles in the course's language: ``<!--ms-t:block_tip-->`` -> ``Tip``."""
    if "<!--ms-t:" not in page_html:
        return page_html
    return TITLE.sub(lambda m: html.escape(str(strings.get(m.group(1), m.group(1)))), page_html)


STOP_WORDS = _STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "to",
        "of",
        "and",
        "or",
        "in",
        "on",
        "for",
        "with",
        "how",
        "what",
        "why",
        "when",
        "which",
        "that",
        "this",
        "these",
        "those",
        "be",
        "is",
        "are",
        "was",
        "your",
        "you",
        "our",
        "we",
        "it",
        "its",
        "their",
        "them",
        "they",
        "by",
        "at",
        "as",
        "from",
        "into",
        "about",
        "between",
        "within",
        "using",
        "use",
        "explain",
        "describe",
        "understand",
        "identify",
        "learn",
        "know",
        "able",
        "will",
        "can",
        "should",
        "must",
        "also",
        "more",
        "than",
    ]
)


def objective_id(text: str, taken: set[str]) -> str:
    """``Explain how to list files in a folder`` -> ``list-files``: two telling words, more if needed.
    An apostrophe does not split a word: "Unix's philosophy" -> ``unix-philosophy``, not ``unix-s``."""
    text = re.sub(r"(?<=\w)['’](?:s\b)?(?=\w|\s|$)", "", text)
    words = [w for w in re.findall(r"[^\W_]+", text.lower()) if w not in _STOP] or re.findall(r"[^\W_]+", text.lower())
    words = words or ["objective"]
    for size in range(min(2, len(words)), len(words) + 1):  # (one word: itself, not 'scale-2': round y 10)
        candidate = "-".join(words[:size])
        if candidate not in taken:
            return candidate
    base, count = "-".join(words[:2]), 2
    while f"{base}-{count}" in taken:
        count += 1
    return f"{base}-{count}"


def block_listing() -> str:
    """Every name that works (a review found 'info', 'danger', 'answer' and the tabs missing from it)."""
    return (
        f"quiz blocks: {', '.join(QUIZ_BLOCKS)}; lesson blocks: {', '.join((*LESSON_BLOCKS, *ALIASES))};"
        f" tabs: {', '.join(TABSETS)} (a tab per '###' heading); or Quarto's {{.callout-note}} (-tip, -warning,"
        " -caution, -important)"
    )


def unknown_block(name: str, braces: bool = False) -> str:
    """The names available, and a did-you-mean only when one is close ('soluton', not 'solution' -> 'question')."""
    word = name.lower().lstrip(".")
    if word.startswith("callout-"):  # Quarto's own kinds only ('callout-question' is no typo of '-caution')
        close = [f"callout-{c}" for c in difflib.get_close_matches(word[8:], QUARTO.values(), n=1, cutoff=0.75)]
    else:
        close = difflib.get_close_matches(word, ALL_BLOCKS, n=1, cutoff=0.75)
    hint = f" — did you mean '{close[0]}'?" if close else ""
    if braces and not close:  # a class of the lesson's own (a Quarto book's '{.guidedpractice}'): how to keep it
        title = (word[8:] if word.startswith("callout-") else word).capitalize()  # ('callout-theorem': "Theorem")
        box = f'::: {{.callout-note title="{title}"}}'
        hint = f"; to keep what it holds, make it a box ('{box}') or remove its ':::' lines"
    elif word in ("v-pre", "raw"):  # VitePress': they only keep Vue from reading what they hold (port z 15)
        hint = (
            "; it is VitePress' way to keep Vue from reading what it holds, which is not needed here: remove its"
            " ':::' lines"
        )
    return f"unknown block '{name}' ({block_listing()}){hint}"


def unclosed(env: dict[str, Any]) -> bool:
    """A lesson block was never closed: it swallowed the rest, so the unit is not what the teacher wrote."""
    return any(kind == "unclosed" for kind, _at, _details in env.get(PROBLEMS, []))


def objectives_from_block(md: MarkdownIt, tokens: list[Token], env: dict[str, Any], offset: int) -> list[Objective]:
    """A Carpentries ``::: objectives`` list, for a unit whose front matter has none: ids from the words.

    The block is taken out of the lesson: the page shows the objectives in its own section."""
    for index, token in enumerate(tokens):
        if token.type == "container_block_open" and token.level == 0 and block_name(token) == "objectives":
            end = close_of(tokens, index)
            found = _list_objectives(md, tokens[index + 1 : end], env, offset)
            if found:
                del tokens[index : end + 1]
            return found
    return []


def _list_objectives(md: MarkdownIt, inner: list[Token], env: dict[str, Any], offset: int) -> list[Objective]:
    renderer: Any = md.renderer  # RendererHTML; the protocol type does not declare renderInline
    taken: set[str] = set()
    found = []
    for index, token in enumerate(inner):
        if token.type != "list_item_open" or token.level != 2 or inner[index + 2].type != "inline":
            continue
        children = inner[index + 2].children or []
        text = inline_text(children)
        if not text:
            continue
        ident = objective_id(text, taken)
        taken.add(ident)
        item_html = str(renderer.renderInline(children, md.options, env)).strip()
        line = (token.map[0] if token.map else 0) + offset + 1
        found.append(Objective(ident, text, line, item_html))
    return found
