"""Markdown beyond CommonMark, as pandoc, Quarto and the Carpentries Workbench write it.

Footnotes and definition lists come from mdit-py-plugins. Attributes in braces are our own small
rule: the plugin's parser rejects the single quotes every Carpentries episode uses
(``{alt='The file tree'}``), and a course needs a stricter allowlist than "no on*" anyway.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

SAFE_ATTRIBUTES = ("id", "class", "alt", "title", "width", "height", "lang", "dir")
"""Attributes kept from braces: nothing that runs script (on*), restyles the page (style) or
changes what a link or image points to (src, href): those are checked by the link check."""

_AFTER = ("image", "link_close", "code_inline")
_ATTR_TOKEN = re.compile(
    r"""\s*(?:
        \#(?P<id>[^\s{}#.'"=]+)
      | \.(?P<cls>[^\s{}#.'"=]+)
      | (?P<key>[A-Za-z_:][\w:.-]*)=(?:"(?P<dq>(?:[^"\\]|\\.)*)"|'(?P<sq>(?:[^'\\]|\\.)*)'|(?P<bare>[^\s{}'"]+))
      | (?P<dash>-)(?=[\s}])
    )""",
    re.X,
)
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")  # a backslash before ASCII punctuation (CommonMark's, pandoc's)
_TRAILING = re.compile(r"\s*(\{[^{}]*\})\s*$")


def parse_attributes(text: str) -> tuple[dict[str, str], int] | None:
    """``{#id .a .b key='v' k=3}`` at the start of ``text`` -> (attributes, characters used); None if
    ``text`` does not start with a complete attribute list. Classes accumulate; ``{-}`` is pandoc's
    'unnumbered'; kramdown's ``{: ...}`` reads the same."""
    if not text.startswith("{"):
        return None
    attrs: dict[str, str] = {}
    classes: list[str] = []
    pos = 2 if text.startswith("{:") else 1  # kramdown's '{: #setup .x}' (Jekyll-era Carpentries lessons)
    while True:
        end = _skip_spaces(text, pos)
        if end < len(text) and text[end] == "}":
            break
        match = _ATTR_TOKEN.match(text, pos)
        if match is None or match.end() == pos:
            return None
        if match.group("id"):
            attrs["id"] = match.group("id")
        elif match.group("cls"):
            classes.append(match.group("cls"))
        elif match.group("dash"):
            classes.append("unnumbered")
        else:
            value = next(v for v in match.group("dq", "sq", "bare") if v is not None)
            if "\\" in value and match.group("bare") is None:  # pandoc's '\"' inside quotes: the quote
                value = _ESCAPED.sub(r"\1", value)
            attrs[match.group("key").lower()] = value
        pos = match.end()
    if classes:
        attrs["class"] = " ".join([*attrs.get("class", "").split(), *classes])
    return attrs, end + 1


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos


def apply_attributes(token: Token, attrs: dict[str, str]) -> None:
    """Keep the safe attributes on ``token``; the others go to ``meta['dropped_attrs']`` for the check
    to report (never silently). An image's ``alt`` becomes its text, which the renderer makes the
    alt; the text in its brackets is then kept as a possible figure caption (pandoc's rule)."""
    given = next((key for key in ("fig-alt", "fig.alt") if key in attrs), None)  # Quarto's, R Markdown's
    if token.type == "image" and given is not None:  # a figure's alt text: the image's alt
        attrs = {("alt" if key == given else key): value for key, value in attrs.items() if key != "alt"}
    dropped = [key for key in attrs if key not in SAFE_ATTRIBUTES]
    if "id" in attrs:
        token.meta["braces_id"] = attrs["id"]  # as written (a later rule may rename it)
        if token.type == "image" and attrs["id"].startswith("fig-") and "alt" not in attrs and token.children:
            token.meta["caption"] = token.children  # Quarto's '![Caption](x.png){#fig-x}': a captioned figure
    if dropped:
        token.meta.setdefault("dropped_attrs", []).extend(dropped)
    for key, value in attrs.items():
        if key in dropped:
            continue
        if key == "alt" and token.type == "image":
            if token.children:
                token.meta["caption"] = token.children
            token.meta["alt"] = value  # given, even if empty: {alt=''} marks a decorative image
            text = Token("text", "", 0, content=value)
            token.children = [text]
        elif key == "class" and token.attrGet("class"):
            token.attrSet("class", f"{token.attrGet('class')} {value}")
        else:
            token.attrSet(key, value)


def opening_index(tokens: list[Token], index: int) -> int:
    """Where the token that opened the one at ``index`` is (for ``link_close``: its ``link_open``)."""
    depth = 0
    for probe in range(index, -1, -1):
        depth += tokens[probe].nesting
        if depth == 0:
            return probe
    return index


def closing_index(tokens: list[Token], index: int) -> int:
    """Where the token that closes the one opened at ``index`` is (``index`` itself for a token of one)."""
    depth = 0
    for probe in range(index, len(tokens)):
        depth += tokens[probe].nesting
        if depth == 0:
            return probe
    return len(tokens) - 1


def _opening(tokens: list[Token], index: int) -> Token:
    return tokens[opening_index(tokens, index)]


def _inline_attributes(state: StateInline, silent: bool) -> bool:
    """``{...}`` right after an image, a link or inline code."""
    if state.src[state.pos] != "{" or state.pending or not state.tokens or state.tokens[-1].type not in _AFTER:
        return False
    parsed = parse_attributes(state.src[state.pos : state.posMax])
    if parsed is None:
        return False
    if not silent:
        apply_attributes(_opening(state.tokens, len(state.tokens) - 1), parsed[0])
    state.pos += parsed[1]
    return True


_SPAN_TAGS = {"mark": "mark", "underline": "u"}  # pandoc's classes that are an element of their own


def _shown_span(classes: list[str], conditions: dict[str, str]) -> bool:
    """Whether Quarto shows a span in a web page: not its speaker notes ``[…]{.notes}``, nor a
    ``[…]{.content-hidden}``, nor a ``[…]{.content-visible when-format="pdf"}`` (parse/lesson.py)."""
    from masterysite.parse.lesson import CONDITIONAL, _shown

    if "notes" in classes or "hidden" in classes:  # (Quarto's '[42]{.hidden}': port cc 30)
        return False
    name = next((c for c in classes if c in CONDITIONAL), None)
    return name is None or _shown(name, conditions)


_NO_SPAN_AFTER = "ms_no_span_after"


def _bracketed_span(state: StateInline, silent: bool) -> bool:
    """pandoc's bracketed span ``[text]{.smallcaps}``: the text, in a span with those attributes
    (``.mark`` a highlight, ``.underline`` underlined, as pandoc writes them); nothing at all for a
    span Quarto leaves out of a web page (speaker notes, content for another format)."""
    start = state.pos
    if state.src[start] != "[":
        return False
    seen = state.env.get(_NO_SPAN_AFTER)  # (the text, from where, up to where no ']{' follows)
    if seen is not None and seen[0] is state.src and seen[1] <= start and state.posMax <= seen[2]:
        return False  # (a line of 80,000 '[x](y){' had taken a minute: each '[' looked to the end of it)
    if state.src.find("]{", start, state.posMax) < 0:
        state.env[_NO_SPAN_AFTER] = (state.src, start, state.posMax)
        return False
    end = state.md.helpers.parseLinkLabel(state, start, False)
    if end < 0 or end + 1 >= state.posMax or state.src[end + 1] != "{":
        return False
    parsed = parse_attributes(state.src[end + 1 : state.posMax])
    if parsed is None:
        return False
    attrs = dict(parsed[0])
    classes = attrs.pop("class", "").split()
    conditions = {k: attrs.pop(k) for k in list(attrs) if k.startswith(("when-", "unless-"))}
    if not silent and _shown_span(classes, conditions):
        tag = next((_SPAN_TAGS[c] for c in classes if c in _SPAN_TAGS), "span")
        rest = " ".join(c for c in classes if _SPAN_TAGS.get(c) != tag)
        opening = state.push("ms_span_open", tag, 1)
        apply_attributes(opening, {**attrs, **({"class": rest} if rest else {})})
        limit = state.posMax
        state.pos, state.posMax = start + 1, end
        state.md.inline.tokenize(state)
        state.posMax = limit
        state.push("ms_span_close", tag, -1)
    state.pos = end + 1 + parsed[1]
    return True


def _heading_attributes(opening: Token, inline: Token) -> None:
    """``## Setup {#setup}``: the braces end the heading's text."""
    last = inline.children[-1] if inline.children else None
    if last is None or last.type != "text":
        return
    match = _TRAILING.search(last.content)
    parsed = parse_attributes(match.group(1)) if match else None
    if match is None or parsed is None:
        return
    last.content = last.content[: match.start()]
    inline.content = _TRAILING.sub("", inline.content)
    apply_attributes(opening, parsed[0])


# a right answer of JupyterQuiz's questions: '{"answer": "…", "correct": True}' (true in its JSON files)
JUPYTERQUIZ_RIGHT = re.compile(r"""["']correct["']\s*:\s*(?:True|true)\b""")
_CHUNK_OPTION = re.compile(r"[ \t]*(?:#|//|--)\|[ \t]*([\w.-]+)[ \t]*:[ \t]*(.*?)[ \t]*")  # '#| echo: false'
_KNITR_HIDDEN = re.compile(r",\s*(?:include|echo)\s*=\s*(?:FALSE|F)\b")  # '```{r setup, include=FALSE}'
_KNITR_LABEL = re.compile(r"\{\s*[\w.+-]+[ \t,]+([^\s,={}]+)\s*[,}]")  # '```{r order-op-solution, exercise=TRUE}'
_KNITR_NAMED_LABEL = re.compile(r"[\s,]label\s*=\s*([\"'])(.*?)\1")  # '```{r, label = "ex-solution"}'
_KNITR_SETS = re.compile(r"opts_chunk\$set\(([^)]*)\)")  # the setup chunk's 'knitr::opts_chunk$set(echo = FALSE)'
_KNITR_ECHO = re.compile(r"\becho\s*=\s*(TRUE|FALSE|T|F)\b")
_KNITR_EXERCISE = re.compile(r"[\s,]exercise\s*=\s*(?:TRUE|T)\b")  # learnr's exercise: shown whatever 'echo' says
_LEARNR_QUESTION = re.compile(r"\b(?:question|quiz|question_\w+)\s*\(")
_LEARNR_RIGHT = re.compile(r"\b(?:answer|answer_fn)\s*\([^\n]*?\bcorrect\s*=\s*(?:TRUE|T)\b")
_LEARNR_ANSWER = re.compile(r".+-(?:solution|hint(?:-\d+)?|check|code-check|error-check)")
_KNITR_SHOWN = re.compile(r"[\s,](?:include|echo)\s*=\s*([^,}]+)")
_LITERAL = re.compile(r"\s*(?:TRUE|FALSE|T|F|[-+\d\s:c(),\[\]]+)\s*")  # '= FALSE', '= c(1, 3)': not a condition
_CHUNK_FLAGS = ("true", "false", "yes", "no", "fenced")


def _answer_chunk(info: str, options: dict[str, str]) -> str | None:
    """Why a chunk is one its lesson's tool does not show the student as it stands (an exercise's
    solution), or None: Quarto's 'solution: true' (an exercise sheet's own filter takes it out of the
    student version), learnr's '-solution', '-hint' and '-check' chunks (shown on request, or never),
    a chunk shown only under a condition ('echo=params$solutions', '#| echo: !expr show')."""
    if options.get("solution") in ("true", "yes"):
        return "'solution: true' makes it an exercise's solution"
    if options.get("check") in ("true", "yes") and "exercise" in options:  # quarto-live's grader (port cc 8)
        return "quarto-live never shows an exercise's 'check: true' chunk (its grader, which holds the answer)"
    if options.get("setup") in ("true", "yes") and "exercise" in options:
        return "quarto-live runs an exercise's 'setup: true' chunk and never shows it"
    if "webex.hide" in info or "webex.hide" in options:  # webexercises' solution, behind a button
        return "webexercises shows a 'webex.hide' chunk only when the student asks (a solution)"
    if _LEARNR_ANSWER.fullmatch(chunk_label(info, options)):
        return "learnr shows a '-solution', '-hint' or '-check' chunk only on request, or never"
    for key in ("echo", "include"):
        value = options.get(key, "")
        if value and value not in _CHUNK_FLAGS and not _LITERAL.fullmatch(value.upper()):
            return f"it is shown only when '{key}: {value}' holds, which is not known here"
    for match in _KNITR_SHOWN.finditer(info):
        if not _LITERAL.fullmatch(match.group(1)):
            return f"it is shown only when '{match.group(0).strip(' ,')}' holds, which is not known here"
    return None


def chunk_label(info: str, options: dict[str, str]) -> str:
    """A chunk's label as knitr reads it: the first bare or quoted word of its header (```` ```{r ex-hint} ````,
    ```` ```{r "ex-hint"} ````), ``label = "…"`` there, or a ``#| label: …`` line; "" when it has none."""
    named = _KNITR_NAMED_LABEL.search(info)
    if named is not None:
        return named.group(2)
    if "label" in options:
        return options["label"]
    first = _KNITR_LABEL.match(info)
    return first.group(1).strip("\"'") if first is not None else ""


def echo_default(content: str, echo: bool) -> bool:
    """Whether chunks show their code after this one ran: knitr's ``opts_chunk$set(echo = FALSE)`` in a
    setup chunk hides the code of every chunk after it that does not say otherwise (learnr's template)."""
    for sets in _KNITR_SETS.finditer(content):
        found = _KNITR_ECHO.search(sets.group(1))
        if found is not None:
            echo = found.group(1) in ("TRUE", "T")
    return echo


def _chunk_options(token: Token, info: str, echo: bool = True) -> None:
    """A chunk's options, as Quarto and knitr read them: its '#|' lines are never shown, and a chunk
    with 'include: false' or 'echo: false' (knitr's 'include=FALSE' in its header, or no 'echo' of its
    own after the setup chunk's ``opts_chunk$set(echo = FALSE)``, ``echo`` here) shows none of its code;
    never run here, it shows nothing (its setup code was shown at the top of the lesson). A learnr
    question (``question("…", answer("…", correct = TRUE))``) shown as code would show its answers:
    links.py makes that an error (``learnr`` in the token's meta), and says a hidden one was left out."""
    lines = token.content.split("\n")
    options: dict[str, str] = {}
    while lines and (option := _CHUNK_OPTION.fullmatch(lines[0])):
        options[option[1].lower()] = option[2].strip("'\"").lower()
        lines.pop(0)
    token.content = "\n".join(lines)
    own_echo = "echo" in options or _KNITR_SHOWN.search(info) is not None or _KNITR_EXERCISE.search(info)
    learnr = _LEARNR_QUESTION.search(token.content) and _LEARNR_RIGHT.search(token.content)
    if "false" in (options.get("include"), options.get("echo")) or _KNITR_HIDDEN.search(info) or not (echo or own_echo):
        token.type, token.content = "html_block", ""
        if learnr:
            token.meta["learnr"] = "hidden"
    elif (why := _answer_chunk(info, options)) is not None:  # never published, and said so (links.py)
        token.type, token.content = "html_block", ""
        token.meta["left_out"] = f"code chunk '```{info}' is left out: {why}"
    elif learnr:
        token.meta["learnr"] = "shown"


_SOLUTION_MARK = re.compile(r"([ \t]*)(\S*?)[ \t]*(BEGIN|END) SOLUTION\b.*")  # nbgrader's '### BEGIN SOLUTION'
_HIDDEN_TESTS_MARK = re.compile(r"[ \t]*(\S*?)[ \t]*(BEGIN|END) HIDDEN TESTS\b.*")  # '### BEGIN HIDDEN TESTS'
_SOLUTION_COMMENT = re.compile(r"[ \t]*SOLUTION(?:[ \t]+NO[ \t]+PROMPT)?[ \t]*")  # otter's 'x = 2 # SOLUTION'


def _solution_line(line: str) -> tuple[str, str] | None:
    """otter-grader's 'x = 2  # SOLUTION': (its indentation, its code before the '#'), or None. (By its last '#',
    in one pass: a regular expression had split a line of spaces every way, cubic: security round ff 02.)"""
    code, mark, comment = line.rpartition("#")
    if not mark or _SOLUTION_COMMENT.fullmatch(comment) is None:
        return None
    words = code.lstrip(" \t")
    return code[: len(code) - len(words)], words.rstrip(" \t")


_ASSIGNED = re.compile(r"(.*?[^=!<>]=)(?!=).*")


_MASTER_ONLY = re.compile(r"#[ \t]*MASTER ONLY\b.*|%%(?:inlinetest|submission)\b.*")  # ('%%studenttest': shown)
_PROMPT_MARK = re.compile(r"""[ \t]*(?:"{3}|'{3})[ \t]*#[ \t]*(?:BEGIN|END) PROMPT[ \t]*|%%solution\b.*""")


def prompt_marks(token: Token) -> None:
    """prog_edu_assistant's '%%solution' cell as its student version has it: without the magic, the prompt
    between '\"\"\" # BEGIN PROMPT' and '\"\"\" # END PROMPT' unwrapped (it had been a string that does nothing:
    port ff 10)."""
    lines = token.content.split("\n")
    kept = [line for line in lines if not _PROMPT_MARK.fullmatch(line)]
    if len(kept) != len(lines):
        token.content = "\n".join(kept)


_NBDEV_HIDDEN = re.compile(r"#[ \t]*hide[ \t]*|#\|[ \t]*(?:hide|include:[ \t]*false|echo:[ \t]*false)[ \t]*", re.I)
_JUPYTEXT_REMOVED = re.compile(r"""\btags[ \t]*=[ \t]*\[[^\]]*["']remove[-_](?:cell|input)["'][^\]]*\]""")


def notebook_hidden(token: Token) -> None:
    """A notebook's cell exported as a code block that its tool never shows: nbdev's first line ``#| hide``
    (``#hide``, ``#| include: false``, ``#| echo: false``), jupytext's ``tags=["remove-cell"]`` (or
    ``remove-input``) after the language. Left out, and said so (links.py): such cells hold the tests and
    the answers (port t: ``answer = 42  # the hidden answer`` had been published)."""
    first = token.content.split("\n", 1)[0].strip()
    removed = _JUPYTEXT_REMOVED.search(token.info)
    if _NBDEV_HIDDEN.fullmatch(first):
        why = f"nbdev never shows a cell that starts '{first}'"
    elif _MASTER_ONLY.fullmatch(first):  # Google's prog_edu_assistant: its tests, their expected values (ff 10)
        mark = re.match(r"#[ \t]*MASTER ONLY|%%\w+", first)
        why = f"prog_edu_assistant's student notebook never has a cell that starts '{mark[0] if mark else first}'"
    elif removed is not None:
        why = f"Jupyter Book removes a cell tagged so ({removed.group(0)})"
    else:
        return
    written = token.markup + token.info.strip()
    token.type, token.content = "html_block", ""
    token.meta["left_out"] = f"code block '{written}' is left out: {why}"


_MDBOOK_RUST = re.compile(r"[ \t]*rust(?![\w+#.-])")  # ('```rust', '```rust,editable'; not '```rustdoc')
_MDBOOK_HIDDEN = re.compile(r"[ \t]*#(?:[ \t].*)?")  # '# use std::io;', '#': not '#[derive]', '#!', '##'


def mdbook_hidden_lines(token: Token) -> None:
    """mdBook's hidden lines of Rust code: a line starting with '# ' (or '#' alone) is hidden there, shown
    only on request (setup, the pieces that make an exercise compile, a licence); left out here as in
    its page (port u 11). In Rust an attribute starts '#[' or '#!', never '# '."""
    kept = [line for line in token.content.split("\n") if not _MDBOOK_HIDDEN.fullmatch(line)]
    if len(kept) != len(token.content.split("\n")):
        token.content = "\n".join(kept)


# Code no autograder runs: a lesson showing their markers ('```markdown' holding '<!-- BEGIN SOLUTION -->')
_SHOWN_AS_IS = re.compile(r"[ \t]*\{?[ \t]*\.?(?:text|txt|plaintext|markdown|md|console|output|none)\b", re.I)


def graders_solutions(token: Token) -> None:
    """nbgrader's and otter-grader's solution markers in a notebook's code, as their student versions
    have it: the lines from ``### BEGIN SOLUTION`` to ``### END SOLUTION`` become one ``### YOUR CODE
    HERE`` (nbgrader's words, in the marker's own comment sign), a line ending ``# SOLUTION`` keeps
    what it assigns to (``x = ...``), one ending ``# SOLUTION NO PROMPT`` goes; nbgrader's lines from
    ``### BEGIN HIDDEN TESTS`` to ``### END HIDDEN TESTS`` go (they had been published, with the
    expected answers: port u). Never published, and said so (links.py)."""
    kept: list[str] = []
    opened: re.Match[str] | None = None
    hidden_tests = tests_open = solution = False
    for line in token.content.split("\n"):
        tests = _HIDDEN_TESTS_MARK.fullmatch(line)
        if tests is not None and tests.group(1) and not tests.group(1)[-1].isalnum() and opened is None:
            tests_open = tests.group(2) == "BEGIN"
            hidden_tests = True
            continue
        if tests_open:
            continue
        mark = _SOLUTION_MARK.fullmatch(line)
        if (
            mark is not None
            and mark.group(2)
            and not mark.group(2)[-1].isalnum()
            and not mark.group(2).startswith("<!")
        ):
            if mark.group(3) == "BEGIN" and opened is None:
                opened, solution = mark, True
                kept.append(f"{mark.group(1)}{mark.group(2)} YOUR CODE HERE")
            elif mark.group(3) == "END" and opened is not None:
                opened = None
            continue
        if opened is not None:
            continue
        answer = _solution_line(line) if "SOLUTION" in line else None
        if answer is not None and answer[1] and "NO" not in line.rpartition("#")[2]:
            assigned, solution = _ASSIGNED.fullmatch(answer[1]), True
            kept.append(f"{answer[0]}{assigned.group(1)} ..." if assigned else f"{answer[0]}...")
        elif answer is None:
            kept.append(line)
        else:
            solution = True  # ('# SOLUTION NO PROMPT': the line goes)
    content = "\n".join(kept)
    if content != token.content:
        token.content = content
        if hidden_tests and not solution:
            token.meta["left_out"] = (
                "nbgrader's hidden tests in this code ('### BEGIN HIDDEN TESTS') are left out, as its student"
                " version leaves them out"
            )
        else:
            token.meta["left_out"] = (
                "a solution in this code (nbgrader's or otter-grader's markers) is left out, as their student"
                " versions leave it out"
            )


# VitePress' fence options after the language: lines to stress 'js{4}', ':line-numbers', a title '[config.js]'
_VITEPRESS_INFO = re.compile(
    r"([\w+#.-]+)(?=[:{\[ ])(?::(?:no-)?line-numbers(?:=\d+)?)?[ \t]*(?:\{[\d,\s-]*\})?[ \t]*(?:\[([^\]\n]+)\])?"
)
# LiaScript's (and others') file name after the language: '```cpp   breakForLoop.cpp' (port hh 13); a name
# with an extension that starts with a letter, so neither '```python 3.11' nor an option 'eval=FALSE'
_FILE_AFTER_LANGUAGE = re.compile(r"([\w+#-]+)[ \t]+((?:[\w.-]+/)*[\w-][\w.-]*\.[A-Za-z]\w{0,7})")


def fence_language(token: Token, echo: bool = True) -> None:
    """```` ```{.language-bash} ````, ```` ```{.python .numberLines} ```` and Quarto's ```` ```{python} ````
    -> the language name as the fence's info; an id or further classes stay on the block. ``echo``:
    does a code chunk without an 'echo' of its own show its code (knitr's default, or the setup's)?"""
    info = token.info.strip()
    parsed = parse_attributes(info)
    if parsed is None:
        word = re.match(r"\{\s*([\w+#.-]*)", info)
        token.info = word.group(1) if word else ""
        token.meta["chunk"] = info  # R Markdown's or Quarto's code chunk: shown, never run (links.py warns)
        _chunk_options(token, info, echo)
        return
    attrs = parsed[0]
    classes = attrs.pop("class", "").split()
    language = classes.pop(0).removeprefix("language-") if classes else ""
    if classes:
        attrs["class"] = " ".join(classes)
    filename = attrs.pop("filename", "").strip()  # Quarto's: shown above the code, as MkDocs' title=
    token.info = f'{language} title="{filename}"' if filename and '"' not in filename else language
    apply_attributes(token, attrs)


_VERBATIM_CHUNK = re.compile(r"\{\{\s*([^{}<>%\s][^{}]*?)\s*\}\}")  # '{{r}}', not a shortcode '{{< meta x >}}'
_VERBATIM_LINE = re.compile(r"^([ \t]*(?:`{3,}|~{3,})[ \t]*)\{\{\s*([^{}<>%\s][^{}]*?)\s*\}\}[ \t]*$", re.M)


def verbatim_chunks(token: Token) -> None:
    """Quarto's chunk shown as written, not run: ```` ```{{r}} ```` is a code block that shows its
    ```` ```{r} ```` line and closing fence, as Quarto shows it; a line ```` ```{{r}} ```` inside a
    code block (a lesson showing how to write one) reads ```` ```{r} ```` too."""
    token.content = _VERBATIM_LINE.sub(r"\1{\2}", token.content)
    chunk = _VERBATIM_CHUNK.fullmatch(token.info.strip())
    if chunk is not None:
        fence = token.markup if token.markup.startswith("`") else "```"
        token.content = f"{fence}{{{chunk.group(1)}}}\n{token.content}{fence}\n"
        token.info = ""


def _figure(tokens: list[Token], index: int) -> None:
    """An image alone in its paragraph, with a title (or, as pandoc has it, with bracket text and
    an ``alt`` in braces): a ``<figure>`` whose caption is that title or text."""
    inline = tokens[index]
    opening, closing = tokens[index - 1], tokens[index + 1]
    image = inline.children[0] if inline.children and len(inline.children) == 1 else None
    if image is None or image.type != "image" or opening.type != "paragraph_open" or opening.hidden:
        return
    title = image.attrGet("title")
    caption: list[Token] = image.meta.get("caption") or []
    if title:
        caption = [Token("text", "", 0, content=str(title))]
        del image.attrs["title"]
    if not caption:
        return
    opening.type, opening.tag = "figure_open", "figure"
    closing.type, closing.tag = "figure_close", "figure"
    inline.children = [
        image,
        Token("figcaption_open", "figcaption", 1),
        *caption,
        Token("figcaption_close", "figcaption", -1),
    ]


_EXERCISE2 = re.compile(r"""[ \t]*\bsolution2[ \t]*=[ \t]*["']?hidden["']?""")
_MARKDOC_ATTRIBUTES = re.compile(r"[ \t]*\{%(.*?)%\}[ \t]*")
_OBFUSCATED = re.compile(r"\bobfuscated[ \t]*=[ \t]*[\"']?true\b")
SOLUTION_OPEN = '<details class="ms-collapsed ms-collapsed--solution">\n<summary><!--ms-t:block_solution--></summary>\n'


def _markdoc_fence(fence: Token) -> bool:
    """Markdoc's attributes after a code fence's language, ```` ```python {% obfuscated="true" %} ````: not
    shown; whether the block is one Markdoc hides behind "View answer" (Dagster University's practice
    answers had been shown open, with no word: port bb 2)."""
    found = _MARKDOC_ATTRIBUTES.search(fence.info)
    if found is None:
        return False
    fence.info = f"{fence.info[: found.start()]} {fence.info[found.end() :]}".strip()
    return _OBFUSCATED.search(found[1]) is not None


def _core(state: StateCore) -> None:
    """After the inline parse: heading braces, fence braces, figures. A cheap test of the source
    first, so the tokens of ordinary paragraphs cost one string search each."""
    tokens = state.tokens
    titled: list[int] = []
    answers: list[Token] = []  # Markdoc's 'View answer' code blocks: collapsed
    echo = True  # knitr's default for chunks with no 'echo' option of their own (echo_default)
    for index, token in enumerate(tokens):
        if token.type == "fence":
            if "{%" in token.info and _markdoc_fence(token):
                answers.append(token)
            if "display_quiz" in token.content and JUPYTERQUIZ_RIGHT.search(token.content):
                token.meta["code_quiz"] = "JupyterQuiz"  # its answers would be code in the page (links.py: port cc 13)
            if token.info.strip() == "math":  # GitHub's, GitLab's and Documenter's display math (port cc 15)
                token.type, token.markup, token.info = "math_block", "$$", ""
                continue
            if "hidden" in token.info:
                if _EXERCISE2.search(token.info):  # jupytext's exercise2 solution cell: collapsed (port bb 34)
                    token.info = _EXERCISE2.sub("", token.info).strip()
                    answers.append(token)
                elif "hidden" in token.info.split()[1:]:  # MDN's '```js hidden': never shown there (port bb 33)
                    written = token.markup + token.info.strip()
                    token.type, token.content = "html_block", ""
                    token.meta["left_out"] = (
                        f"code block '{written}' is left out: MDN never shows a block marked 'hidden' (it builds"
                        " the live sample, often the exercise's solution)"
                    )
                    continue
            chunk = token.info.lstrip().startswith("{")  # (Quarto's and knitr's: their options, fence_language)
            if (token.content.startswith(("#", "%%")) or "tags" in token.info) and not chunk:
                notebook_hidden(token)
                if token.type != "fence":
                    continue
            if ("SOLUTION" in token.content or "HIDDEN TESTS" in token.content) and not _SHOWN_AS_IS.match(token.info):
                graders_solutions(token)
            if "PROMPT" in token.content or token.content.startswith("%%solution"):
                prompt_marks(token)
            if "#" in token.content and _MDBOOK_RUST.match(token.info):
                mdbook_hidden_lines(token)
            if "{{" in token.content or token.info.lstrip().startswith("{{"):
                verbatim_chunks(token)
            raw = _RAW.fullmatch(token.info.strip())
            if raw is not None:  # pandoc's raw block: HTML as it is; LaTeX, a notebook's... nothing here
                if raw.group(1).lower() in _TEX and token.map and _LAYOUT_ONLY.sub("", token.content).strip():
                    state.env.setdefault(RAW_LEFT_OUT, []).append((token.map[0], raw.group(1), token.content.strip()))
                token.type, token.content = "html_block", token.content if raw.group(1).lower() == "html" else ""
            elif token.info.lstrip().startswith("{"):  # ('``` { .bash }': markdown-it keeps the space)
                content = token.content
                fence_language(token, echo)
                if "opts_chunk$set" in content and "chunk" in token.meta:
                    echo = echo_default(content, echo)
            elif (vitepress := _VITEPRESS_INFO.fullmatch(token.info.strip())) is not None:
                language, label = vitepress.group(1), vitepress.group(2)  # (its lines to stress: not shown)
                token.info = f'{language} title="{label}"' if label and '"' not in label else language
            elif (named := _FILE_AFTER_LANGUAGE.fullmatch(token.info.strip())) is not None:
                token.info = f'{named.group(1)} title="{named.group(2)}"'
            if token.type == "fence" and "title=" in token.info:
                titled.append(index)
        elif token.type == "code_block" and ("SOLUTION" in token.content or "HIDDEN TESTS" in token.content):
            graders_solutions(token)  # indented code too (security round ff 04: its solution had been published)
        elif token.type == "math_block_label":  # MyST's '$$ … $$ (label)': numbered, as a labelled {math} is
            token.type, token.meta["label"] = "math_block", token.info.strip()
        elif token.type == "math_block" and "\\label" in token.content:  # LaTeX's '\label{eq:x}' in it: the same
            labels = _TEX_LABEL.findall(token.content)
            if len(labels) == 1 and labels[0].strip():
                token.meta["label"] = labels[0].strip()
        elif token.type == "inline" and index:
            content = token.content
            if content.startswith("!["):
                _figure(tokens, index)
            elif tokens[index - 1].type == "heading_open" and content.endswith("}"):
                _heading_attributes(tokens[index - 1], token)
            if "`{=" in content and token.children:
                token.children = _raw_inline(token.children)
            if "[](" in content and token.children:
                _address_as_text(token.children)
    for index in reversed(titled):
        _code_title(tokens, index)
    for answer in answers:
        at = next(i for i, token in enumerate(tokens) if token is answer)
        opening, closing = Token("html_block", "", 0), Token("html_block", "", 0)
        opening.content = SOLUTION_OPEN
        closing.content, opening.map = "</details>\n", answer.map
        tokens[at : at + 1] = [opening, answer, closing]
    if "]:" in state.src and "{" in state.src and state.env.get("references"):
        _reference_attributes(state)


_REFERENCE_LINE = re.compile(r"[ ]{0,3}\[([^\]]+)\]:[ \t]*\S")


def _reference_attributes(state: StateCore) -> None:
    """pandoc's attributes on the line after a reference definition (the Workbench's figures:
    ``[pairplot]: fig/pairplot.png "Pair Plot"`` then ``{alt='…'}``): those of every image that uses it.
    Markdown reads the braces as a paragraph of their own: it goes."""
    from markdown_it.common.normalize_url import normalizeLink
    from markdown_it.common.utils import normalizeReference

    tokens, lines = state.tokens, state.src.split("\n")
    index = 0
    while index + 2 < len(tokens):
        opening, inline = tokens[index], tokens[index + 1]
        text = inline.content.strip() if opening.type == "paragraph_open" and inline.type == "inline" else ""
        parsed = parse_attributes(text) if text.startswith("{") else None
        above = opening.map[0] - 1 if opening.map else -1
        definition = _REFERENCE_LINE.match(lines[above]) if parsed and parsed[1] == len(text) and above >= 0 else None
        reference = state.env["references"].get(normalizeReference(definition.group(1))) if definition else None
        if reference is None or parsed is None:
            index += 1
            continue
        href = normalizeLink(reference["href"]) if not reference["href"].startswith("#") else reference["href"]
        for token in tokens:
            for image in token.children or ():
                if image.type == "image" and image.attrGet("src") in (href, reference["href"]):
                    apply_attributes(image, parsed[0])
        del tokens[index : index + 3]


_TEX_LABEL = re.compile(r"\\label\s*\{([^{}]*)\}")  # an equation's label, as LaTeX writes it
RAW_LEFT_OUT = "ms_raw_left_out"  # env key: pandoc's raw blocks of another format, (line, format, content)
# what a raw LaTeX block may hold that a page would not miss: a page break, the title, some space
_LAYOUT_ONLY = re.compile(
    r"\\(?:(?:newpage|clearpage|cleardoublepage|pagebreak|maketitle|tableofcontents|noindent|hfill|vfill|centering"
    r"|[bms]\w*skip)\b|[hv]space\*?\{[^{}]*\}|label\{[^{}]*\})|%.*"
)
_TEX = ("latex", "tex", "context", "beamer")
_RAW = re.compile(r"\{=([\w-]+)\}")  # pandoc's raw attribute: '```{=latex}', '`<b>`{=html}'


def _address_as_text(children: list[Token]) -> None:
    """MyST's ``[](https://example.org/a.html)``: a link with no text reads its address, as MyST shows it (it
    was a link no one could see or follow). One to a label reads the title it leads to (xref.py)."""
    for index in range(len(children) - 2, -1, -1):
        link = children[index]
        href = str(link.attrGet("href") or "") if link.type == "link_open" else ""
        if href.startswith(("https://", "http://", "mailto:")) and children[index + 1].type == "link_close":
            children.insert(index + 1, Token("text", "", 0, content=href.removeprefix("mailto:")))


def _raw_inline(children: list[Token]) -> list[Token]:
    """```\\LaTeX`{=latex}``: raw inline content of another format is left out; ``{=html}`` is HTML."""
    out: list[Token] = []
    for child in children:
        raw = _RAW.match(child.content) if child.type == "text" and out and out[-1].type == "code_inline" else None
        if raw is None:
            out.append(child)
            continue
        code = out.pop()
        if raw.group(1).lower() == "html":
            out.append(Token("html_inline", "", 0, content=code.content))
        rest = child.copy()
        rest.content = child.content[raw.end() :]
        if rest.content:
            out.append(rest)
    return out


_CODE_TITLE = re.compile(r"""\stitle=(?:"([^"]*)"|'([^']*)')""")


def _code_title(tokens: list[Token], index: int) -> None:
    """MkDocs' ```` ```sh title="sort.sh" ```` (often the file the student must create): the title is
    shown above the code, as a paragraph holding it as code; the fence keeps its language."""
    fence = tokens[index]
    match = _CODE_TITLE.search(fence.info)
    if match is None or not (match.group(1) or match.group(2) or "").strip():
        return
    title = (match.group(1) or match.group(2)).strip()
    opening = Token("paragraph_open", "p", 1, attrs={"class": "ms-code-title"}, map=fence.map, level=fence.level)
    opening.block = True
    inline = Token("inline", "", 0, content=title, map=fence.map, level=fence.level + 1)
    inline.children = [Token("code_inline", "code", 0, content=title, markup="`")]
    tokens[index:index] = [opening, inline, Token("paragraph_close", "p", -1, level=fence.level, block=True)]


_DEFLIST_SCAN = "ms_deflist_scan"


def _colon_deflist(md: MarkdownIt) -> None:
    """Definition lists with ':' only. The plugin also reads '~ definition', but a line '~ /pattern/'
    is a regular-expression answer line: the list is cut off before the first such line."""
    md.use(deflist_plugin)
    ruler = md.block.ruler
    original: Callable[..., bool] = ruler.__rules__[ruler.__find__("deflist")].fn

    def marker(state: StateBlock, line: int) -> bool:
        """': definition' (not a ':::' fence)."""
        pos = state.bMarks[line] + state.tShift[line]
        return pos + 1 < state.eMarks[line] and state.src[pos] == ":" and state.src[pos + 1] in " \t"

    def answer_line(state: StateBlock, line: int) -> bool:
        """'~ /pattern/' (the plugin would read a definition)."""
        text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
        return text == "~" or text.startswith(("~ ", "~\t"))

    def deflist(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        """Tried at every line of every paragraph: the cheapest tests first."""
        if silent:
            if state.ddIndent < 0:  # the plugin's own first test: only inside a definition
                return False
            line = start
        else:
            line = start + 2 if start + 1 < end and state.isEmpty(start + 1) else start + 1
        if line >= end or not marker(state, line):
            return False
        # The first answer line after it: scanned once for a run of definitions, not once each (a glossary
        # of 2,000 terms read the rest of the page 2,000 times). (first line scanned, end, what was found)
        known = state.env.get(_DEFLIST_SCAN)
        if known is not None and known[0] <= line < known[2] and known[1] == end and known[3] is state.src:
            limit = known[2]
        else:
            limit = line + 1
            while limit < end and not answer_line(state, limit):
                limit += 1
            state.env[_DEFLIST_SCAN] = (line, end, limit, state.src)
        return bool(original(state, start, limit, silent))

    ruler.at("deflist", deflist, {"alt": ["paragraph", "reference", "blockquote"]})


GATED = ("question", "corrective", "enrichment", "instructor", "notes", "hidden", "content-visible", "content-hidden")
"""Blocks whose content the page holds back (or never publishes: teacher's notes, Quarto's content for
another format): a footnote's text must not be moved out of them."""


_SECRET = ("question", "enrichment", "instructor", "notes", "hidden")  # (answers, the reward, the teacher's notes)


def _gated_footnotes(state: StateCore) -> None:
    """The footnote plugin moves every footnote's text to the end of the page. Defined inside a
    question, corrective or enrichment, that text would be published outside the block (enrichment
    before mastery, an explanation before the answer), and from a teacher's note at all: mark the
    block, the link check reports it. Both kinds: '[^x]:' definitions and inline '^[…]' notes."""
    notes = state.env.get("footnotes", {})
    if not notes.get("refs") and not notes.get("list"):
        return  # no footnote at all: nothing to move
    inline = {i for i, note in (notes.get("list") or {}).items() if "label" not in note}
    blocks: list[Token] = []
    quotes: list[int] = []  # for each open blockquote, how many blocks were open (a practice's explanation)
    defined_inside: set[str] = set()  # labels defined in a held-back block (said as that)
    referred: dict[str, list[Token | None]] = {}  # label -> the held-back block of each reference (None: none)
    for token in state.tokens:
        if token.type.startswith("container_"):
            if token.nesting == 1:
                blocks.append(token)
            elif token.nesting == -1 and blocks:
                blocks.pop()
            continue
        if token.type == "blockquote_open":
            quotes.append(len(blocks))
        elif token.type == "blockquote_close" and quotes:
            quotes.pop()
        written = []
        gated = next((b for b in reversed(blocks) if _name(b) in GATED), None)
        if token.type == "footnote_reference_open":
            written = [f"[^{token.meta.get('label', '')}]"]
            if gated is not None:
                defined_inside.add(str(token.meta.get("label", "")))
        elif token.type == "inline" and token.children:
            for child in token.children:
                if child.type == "footnote_ref" and "label" in child.meta:
                    referred.setdefault(str(child.meta["label"]), []).append(_unseen(blocks, quotes))
            if inline:
                written = ["^[…]" for c in token.children if c.type == "footnote_ref" and c.meta.get("id") in inline]
        if written and gated is not None:
            gated.meta.setdefault("footnotes", []).extend(written)
    for label, places in referred.items():  # a note defined outside, read only from a held-back block (round z 2)
        if label not in defined_inside and all(place is not None for place in places):
            unique = [place for place in {id(place): place for place in places}.values() if place is not None]
            # said where the page shows it, sealed (a question, a practice); else where it is never published
            said = [place for place in unique if not _never_published(place)] or unique
            for place in said:
                place.meta.setdefault("footnote_refs", []).append(f"[^{label}]")


def _never_published(block: Token) -> bool:
    """Speaker notes, a hidden callout, Quarto's content for another format ('{.content-hidden}' with no
    condition too: security round bb 3)."""
    from masterysite.parse.lesson import CONDITIONAL, _shown

    name = _name(block)
    conditions = (block.meta or {}).get("conditions") or {}
    return bool((block.meta or {}).get("unpublished")) or (name in CONDITIONAL and not _shown(name, conditions))


def _unseen(blocks: list[Token], quotes: list[int]) -> Token | None:
    """The block that keeps a footnote reference from students' eyes until they answer, or for good, or None:
    a block never published (another format's, speaker notes), a question, the enrichment, a teacher's note,
    or a practice's explanation (a quote in it: sealed until checked). Security round aa 3: a note read
    from a practice's explanation, or also from a print-only answer key, had been published."""
    from masterysite.parse.lesson import kind_of  # (lesson.py builds on this module)

    for block in blocks:  # (never published: the outermost such block says it)
        if _never_published(block):
            return block
    for at, block in reversed(list(enumerate(blocks))):
        name = _name(block)
        kind = kind_of(name)  # ('::: exercise', '::: Challenge', '::: Instructor': what they are, however written)
        if name in _SECRET or (kind is not None and kind[0] == "hidden"):
            return block
        if kind is not None and kind[0] == "practice" and any(depth > at for depth in quotes):
            return block
    return None


def _name(block: Token) -> str:
    return str((block.meta or {}).get("name") or (block.info.split() or [""])[0])


def extend_markdown(md: MarkdownIt) -> None:
    """Footnotes, ':' definition lists, attributes in braces and figures (SPEC 2.2)."""
    md.use(footnote_plugin)
    md.core.ruler.before("footnote_tail", "ms_gated_footnotes", _gated_footnotes)
    _colon_deflist(md)
    md.inline.ruler.push("ms_attributes", _inline_attributes)
    md.inline.ruler.before("link", "ms_span", _bracketed_span)
    md.core.ruler.after("inline", "ms_extras", _core)


def dropped_attributes(token: Token) -> list[str]:
    dropped: Any = token.meta.get("dropped_attrs") if token.meta else None
    return list(dropped or [])
