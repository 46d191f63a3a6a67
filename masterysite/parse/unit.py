"""One unit file -> model.Unit: front matter, lesson, questions, correctives, enrichment."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import replace
from fractions import Fraction
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from masterysite import yamlutil
from masterysite.config import check_ignore, check_mastery, nfc
from masterysite.errors import Report
from masterysite.model import Objective, Question, Unit
from masterysite.parse import admonitions, sealed, structure
from masterysite.parse import latex as latexmod
from masterysite.parse import lesson as lessonmod
from masterysite.parse import markdown as mdmod
from masterysite.parse.admonitions import (
    ANSWERED,
    QUIZ_OPEN,
    asciidoc_collapsibles,
    bookdown_equations,
    doc_builder_marks,
    docsify_callouts,
    docsify_options,
    docsify_tabs,
    fcc_solutions,
    fenced_callouts,
    folded_code,
    gitbook_blocks,
    hidden_divs,
    hugo_blocks,
    jekyll_blocks,
    knitr_ticked_headers,
    kramdown_tocs,
    learn_challenges,
    learn_quizzes,
    markdoc_blocks,
    mdx_blocks,
    mdx_code_blocks,
    mdx_comments,
    mdx_imports,
    mdx_quizzes,
    mkdocs_quizzes,
    obsidian_comments,
    obsidian_embeds,
    old_mkdocs_quizzes,
    pandoc_admonitions,
    pressbooks_answers,
    quiz_tags,
    retype_blocks,
    slide_front_matter,
    slide_reveals,
    template_comments,
    webexercises,
    wiki_quizzes,
)
from masterysite.parse.blocks import TAG, BlockParser, choice_text, inline_text, task_boxes
from masterysite.parse.extras import RAW_LEFT_OUT
from masterysite.parse.frontmatter import split
from masterysite.parse.graders import graded, grader_sections, learnr_knitted, marked_answers, rexams_sections
from masterysite.parse.latex import macros_of
from masterysite.parse.links import LinkRewriter, liquid_tag_advice
from masterysite.parse.marks import ABBREVIATIONS
from masterysite.parse.myst import MYST_MATH
from masterysite.parse.practice import checked_practice
from masterysite.parse.source import UnitSource as UnitSource  # where callers have long found them
from masterysite.parse.source import default_id
from masterysite.parse.source import scan_id as scan_id
from masterysite.parse.xref import cross_references
from masterysite.shamir import MAX_SHARES as MAX_QUESTIONS
from masterysite.suggest import describe, misspelt, unknown_key

UNIT_KEYS = ("title", "id", "requires", "mastery", "objectives", "quiz", "ignore")
MINUTES_KEYS = ("teaching", "exercises")  # the Carpentries' minutes, shown on the page when kept
QUIZ_KEYS = ("draw", "shuffle")
ID_PATTERN = re.compile(r"\w[\w-]*")  # letters in any script, digits, '-', '_' (ids end up in file names)


_MDX_CLOSINGS = (
    "Tab",
    "Aside>",
    "Callout>",
    "Spoiler>",
    "Steps>",
    "callout-",
    "Accordion",
    "Solution>",
    "Hint>",
    "Details>",
)
_COMMENT = re.compile(r"<!--(?!ms-t:block_spoiler-->).*?-->", re.S)  # (but an inline spoiler's title: mdx_blocks)
_JEKYLL_BLOCK = re.compile(r"\{%-?[ \t]*(?:highlight|spoiler|capture)\b")
_TOC = re.compile(r"\{:[ \t]*toc[ \t]*\}")  # kramdown's table of contents (admonitions.kramdown_tocs)


def drop_comments(tokens: list[Token]) -> list[Token]:
    """HTML comments are the teacher's notes (``<!-- answer: 42 -->``): never publish them."""
    for token in tokens:
        if token.type in ("html_block", "html_inline") and "<!--" in token.content:
            token.content = _COMMENT.sub("", token.content)
        if token.children:
            drop_comments(token.children)
    return tokens


_FCC_QUIZZES = ("questions", "fillInTheBlank")


def _fcc_left_out(report: Report, path: str, offset: int, left: list[tuple[int, str]]) -> None:
    """Say which of a freeCodeCamp challenge's sections were left out (admonitions.fcc_solutions)."""
    others = [(number, name) for number, name in left if name not in _FCC_QUIZZES]
    if others:
        names = list(dict.fromkeys(f"'--{name}--'" for _, name in others))
        many = len(names) > 1
        message = (
            f"freeCodeCamp's {', '.join(names)} section{'s are' if many else ' is'} left out (learners never see"
            f" {'them' if many else 'it'} there, or only once they have answered); ask for the answer in a"
            " '::: question'"
        )
        report.warn(path, offset + others[0][0] + 1, message, "left-out")
    for number, name in left:
        if name in _FCC_QUIZZES:
            message = (
                f"freeCodeCamp's quiz '--{name}--' is left out: its right answers would be read off the page (the"
                " choice with no '--feedback--', the blanks' words); write it as a '::: question' with '- [x]'"
                " choices or '[[blanks]]'"
            )
            report.warn(path, offset + number + 1, message, "left-out")


def parse_unit(text: str, source: UnitSource, report: Report) -> Unit | None:
    """Parse one unit; problems go to ``report``; None only when nothing usable remains.

    Never raises: a bug of ours on some odd input becomes one clear error on this file, not a traceback.
    """
    try:
        return _parse_unit(text, source, report)
    except RecursionError:
        report.error(source.path, 0, "this file is nested too deeply to read (lists or quotes inside each other?)")
    except Exception as exc:  # the promise is "no traceback, ever"; the fuzz test keeps this path unused
        report.error(
            source.path, 0, f"internal error while reading this file ({type(exc).__name__}: {exc}); please report it"
        )
    return None


def _sealed_definitions(tokens: list[Token], body: str, path: str, offset: int, report: Report) -> None:
    for line, written, block in sealed.definitions(tokens, body):
        what = "abbreviation" if written.startswith("*") else "link reference definition"
        shown = "its meaning as a tooltip" if written.startswith("*") else "its address"
        term = "term" if written.startswith("*") else "link"
        where = ", the question's own words included," if block == "question" else ""
        until = {"question": " before the student has answered", "enrichment": " before the student has mastered"
                 " the unit"}.get(block, " to every student (this block is never published)")  # fmt: skip
        message = (
            f"{what} '{written}:' is inside this '::: {block}' block, but it applies to the whole page: a {term}"
            f" anywhere{where} would show {shown}{until}. Define it outside the block,"
            " or leave it out"
        )
        report.error(path, offset + line + 1, message)


_LIQUID_VARIABLE = re.compile(r"(?<![(=\"'])\{\{\s*(?:site|page|include|layout)\.[\w.-]+\s*(?:\|[^{}\n]*)?\}\}")
_RST_DIV = re.compile(
    r"::: ?(?:title|admonition|topic|attention|error|seealso|only|\{[ \t]*\.(?:admonition|topic|contents))\b"
)
_PL_VARIABLE = re.compile(r"\{\{\s*(?:params|correct_answers|submitted_answers)\.[\w.-]+\s*\}\}")  # PrairieLearn's
# Vue's, Jinja's or Handlebars' '{{ count }}' (spaced inside: LaTeX's '{{a}}' is not one); Liquid's
# 'site.' and 'page.' and PrairieLearn's placeholders are said with their own advice
_TEMPLATE_VARIABLE = re.compile(
    r"(?<![(=\"'$])\{\{[ \t]+(?![#<%]|(?:site|page|include|layout)\.)[^{}\n]{1,80}?[ \t]+\}\}"
)  # (in a link's target: links.py says what to write there)
_RAW_TAG = re.compile(r"\{%-?\s*(raw|endraw)\s*-?%\}")  # what Liquid's '{% raw %}' holds is shown as meant
_TEXT2QTI_MARK = re.compile(r"^(?:\*[a-z]\)|\[\*\])[ \t]", re.M)  # graders._TEXT2QTI, to look for
_LIQUID_TAG_LINES = re.compile(r"\{%(?:(?!%\}).){0,600}?\n(?:(?!%\}).){0,600}?%\}", re.S)  # over lines


def _marked_answers(body: str, path: str, offset: int, report: Report) -> bool:
    """Another tool's quiz that marks its right answer (graders.marked_answers): in a question an error
    (it would be scored as a blank whose answer is the mark), elsewhere a warning, once a unit."""
    found = marked_answers(body)
    for line, _, message, in_question in found:
        if in_question:
            report.error(path, offset + line + 1, message)
    shown = [item for item in found if not item[3]]
    if shown:
        more = f" (and {len(shown) - 1} more in this unit)" if len(shown) > 1 else ""
        report.warn(path, offset + shown[0][0] + 1, shown[0][2] + more, "shown-as-text")
    return bool(found)


def _raw_left_out(blocks: list[tuple[int, str, str]], path: str, offset: int, report: Report) -> None:
    """pandoc's raw blocks of another format ('```{=latex}'): left out, as a web page shows nothing of them; when
    they hold more than layout (pandoc's '+raw_tex' keeps a class's environments so: a homework's problems
    and solutions), said once a unit, where the first is, or the unit was silently empty (port cc 2)."""
    line, kind, content = blocks[0]
    first = content.split("\n", 1)[0]
    written = first if len(first) <= 40 else first[:37] + "..."
    more = f" (and {len(blocks) - 1} more in this unit)" if len(blocks) > 1 else ""
    message = (
        f"pandoc's raw {kind} block ('{written}') is left out{more}: a web page shows nothing of it; convert"
        " without '+raw_tex' (pandoc then writes its environments as '::: name' blocks), or write it in Markdown"
    )
    report.warn(path, offset + line + 1, message, "left-out")


def _stray_blanks(tokens: list[Token], path: str, offset: int, report: Report) -> None:
    """'[[Paris]]' outside a question (in the lesson, a callout, a corrective) is shown as written, answer
    and all, and so is a wiki link '[[Page]]': said once a unit, where the first one is. Not code's
    indexing ('lst[[1]]'), nor anything in code."""
    from masterysite.parse.blanks import BLANK, code_not_blank

    found: list[tuple[int, str]] = []
    depth: list[bool] = []
    for token in tokens:
        if token.type == "container_block_open":
            depth.append(token.meta.get("name") in ANSWERED)
        elif token.type == "container_block_close" and depth:
            depth.pop()
        elif token.type == "inline" and "[[" in token.content and not any(depth):
            for child in token.children or ():
                if child.type == "text" and "[[" in child.content:
                    found += [
                        (token.map[0] if token.map else 0, m[0])
                        for m in BLANK.finditer(child.content)
                        if not code_not_blank(child.content, m)
                    ]
    if found:
        (line, written), more = found[0], len(found) - 1
        others = f", as {'is' if more == 1 else 'are'} {more} more in this unit" if more else ""
        message = (
            f"'{written}' is shown as written{others}: outside a '::: question' it is not a blank (the answer"
            " is on the page for everyone) nor a link; put it in a question, or write a link as [text](file.md)"
        )
        report.warn(path, offset + line + 1, message, "shown-as-text")


_ANSWER_PARAGRAPH = re.compile(r"(?:(?:==?|~)[ \t]*\S[^\n]*\n?)+")


def _stray_answer_lines(tokens: list[Token], path: str, offset: int, report: Report) -> None:
    """A paragraph of answer lines ('= 15 km/h') outside a question or practice exercise (in a note, a MyST
    admonition 'Exercice 4'): shown in the lesson, the answer for all to read, with no word (ii port 11). Said
    once a unit, where the first one is."""
    depth: list[bool] = []
    for index, token in enumerate(tokens):
        if token.type == "container_block_open":
            depth.append(token.meta.get("name") in ANSWERED)
        elif token.type == "container_block_close" and depth:
            depth.pop()
        elif (
            token.type == "inline"
            and not any(depth)
            and index
            and tokens[index - 1].type == "paragraph_open"
            and _ANSWER_PARAGRAPH.fullmatch(token.content)
        ):
            written = token.content.split("\n", 1)[0].strip()
            message = (
                f"'{written}' is an answer line outside a '::: question' or '::: practice' block: it is shown in"
                " the lesson, the answer for everyone to read; put the exercise in one of those blocks"
            )
            report.warn(path, offset + (token.map[0] if token.map else 0) + 1, message, "shown-as-text")
            return


def _unclosed_display_math(tokens: list[Token], path: str, offset: int, report: Report) -> None:
    """A paragraph that opens display math, '$$', that nothing closes (remark-math reads on to the end of its
    block; Hyperbook's lessons rely on it): shown as its source, with no word (ii port 6). Once a unit."""
    for token in tokens:
        if token.type == "inline" and token.content.startswith("$$") and "$$" not in token.content[2:]:
            message = (
                "'$$' opens a formula that no '$$' closes: it is shown as its source, and so is what follows; close"
                " it with '$$' at the formula's end (before the block's ':::')"
            )
            report.warn(path, offset + (token.map[0] if token.map else 0) + 1, message, "math")
            return


def _in_code(body: str, match: re.Match[str]) -> bool:
    """Whether ``match`` is inside a code span of its line, or on an answer line ('== {{ params.table }}':
    what a lesson on Airflow's templates asks for)."""
    start = body.rfind("\n", 0, match.start()) + 1
    return admonitions.in_code_span_at(body, match.start()) or body[start : start + 3].lstrip().startswith(("=", "~"))


def _in_raw(body: str, at: int) -> bool:
    """Whether ``at`` is inside Liquid's '{% raw %}' … '{% endraw %}'."""
    tags = [m[1] for m in _RAW_TAG.finditer(body, 0, at)] if "raw" in body else []
    return bool(tags) and tags[-1] == "raw"


def _as_many_more(count: int) -> str:
    """', as is 1 more in this unit' (``count``: all of them, the first said); nothing for one."""
    return f", as {'is' if count == 2 else 'are'} {count - 1} more in this unit" if count > 1 else ""


_ANKI_CLOZE = re.compile(r"\{\{c\d+::([^{}\n]*?)(?:::[^{}\n]*)?\}\}")  # '{{c1::Berlin}}', '{{c2::Germany::country}}'
_LOGSEQ_CLOZE = re.compile(r"\{\{cloze\s+([^{}\n]+?)\s*\}\}")  # Logseq's flash card gap '{{cloze Berlin}}'
_MOODLE_CLOZE = re.compile(
    r"\{\d*:(?:SHORTANSWER(?:_C)?|SAC?|MWC?|NUMERICAL|NM|MULTICHOICE(?:_[VH]?S?|_[VH])?|MC[VH]?S?"
    r"|MULTIRESPONSE(?:_H?S?)?|MR[H]?S?):[^{}\n]*\}"
)
_KUMASCRIPT = re.compile(rf"\{{\{{\s*(?i:{'|'.join(mdmod.MDN_MACROS)})\b[^{{}}\n]*\}}\}}")


def _quiz_texts(body: str, path: str, offset: int, report: Report) -> None:
    """Other tools' gaps written with their answers, shown as text (port bb 28, 30, 33): Anki's cloze
    deletions '{{c1::Berlin}}' (in a question's prompt too), Logseq's '{{cloze Berlin}}' (port cc F35),
    Moodle's Cloze '{1:SHORTANSWER:=Berlin}', and
    MDN's KumaScript macros '{{glossary("HTML")}}'. Each kind said once a unit, with how many; not in code."""
    code = mdmod.fenced(body) if "```" in body or "~~~" in body else []
    kinds = (
        (_ANKI_CLOZE, "Anki's cloze deletion '{}' is shown as text, its answer for everyone{}: write a blank"
         " '[[{}]]' in a '::: question' instead"),
        (_LOGSEQ_CLOZE, "Logseq's cloze '{}' is shown as text, its answer for everyone{}: write a blank"
         " '[[{}]]' in a '::: question' instead"),
        (_MOODLE_CLOZE, "Moodle's Cloze gap '{}' is shown as text, its answer for everyone{}: write a blank"
         " '[[answer]]' (or '- [x]' choices) in a '::: question' instead{}"),
        (_KUMASCRIPT, "MDN's macro '{}' is shown as text{}: nothing fills it in here; write what it shows{}"),
    )  # fmt: skip
    for pattern, what in kinds:
        found = [
            m
            for m in pattern.finditer(body)
            if not _in_code(body, m) and not (code and admonitions.in_spans(code, m.start()))
        ]
        if found:
            first = found[0]
            message = what.format(
                first[0], _as_many_more(len(found)), first[1] if pattern in (_ANKI_CLOZE, _LOGSEQ_CLOZE) else ""
            )
            report.warn(path, offset + body.count("\n", 0, first.start()) + 1, message, "shown-as-text")


# LaTeX's '\( … \)' and '\[ … \]' (MathJax's defaults, arithmatex's, R Markdown's): CommonMark reads them as escaped
# brackets, the formula shown as its source
# (a '\[ … \]' with a command, '=', '^' or '_' in it: pandoc escapes a citation's '[1]' as '\[1\]')
_BRACKET_OPEN = re.compile(r"\\[(\[]")  # '\(' or '\['
_DISPLAY_SIGN = re.compile(r"\\[A-Za-z]|[=^_]")  # what a '\[ … \]' of math holds before any ']'
_SPAN = re.compile(r".*", re.S)


def _bracket_math_spans(body: str) -> list[re.Match[str]]:
    r"""Each '\( … \)' on one line, and each '\[' whose text holds a command or '=', '^', '_' before any ']'
    and is closed by '\]' within 2,000 characters; in one pass (a regular expression had read on from every
    '\[' to the next ']': 80 KB of them took half a minute, security round ff 01)."""
    found: list[re.Match[str]] = []
    cached: dict[str, int] = {}

    def after(key: str, i: int) -> int:  # the next occurrence from i (i only grows: each is looked for once)
        at = cached.get(key)
        if at is None or 0 <= at < i:
            if key == "sign":
                sign = _DISPLAY_SIGN.search(body, i)
                at = sign.start() if sign is not None else -1
            else:
                at = body.find(key, i)
            cached[key] = at
        return at

    end = 0
    for opening in _BRACKET_OPEN.finditer(body):
        start = opening.start()
        if start < end:
            continue
        if opening[0] == "\\(":
            close, line_end = after("\\)", start + 2), after("\n", start + 2)
            if close >= 0 and (line_end < 0 or close < line_end):
                end = close + 2
                found.append(_SPAN.match(body, start, end))  # type: ignore[arg-type]
            continue
        sign, square, close = after("sign", start + 2), after("]", start + 2), after("\\]", start + 2)
        if sign >= 0 and (square < 0 or sign < square) and 0 <= close <= start + 2 + 2000:
            end = close + 2
            found.append(_SPAN.match(body, start, end))  # type: ignore[arg-type]
    return found


_WORD = re.compile(r"[^\W\d_]{3,}")


def _prose(span: str) -> bool:
    """'\\(Puedes ejecutarlo desde la terminal\\)': GitBook escapes a sentence's parentheses, and the page
    shows them as parentheses; not math, which has a command, a sign or a short name (port hh 07)."""
    inner = span[2:-2]
    return span.startswith("\\(") and not re.search(r"[\\^_={}]", inner) and len(_WORD.findall(inner)) >= 3


def _bracket_math(body: str, path: str, offset: int, report: Report) -> None:
    """Math between '\\(' and '\\)' or '\\[' and '\\]': shown as its LaTeX source, the delimiters' backslashes
    gone, with no word (port ee 9). Said once a unit, with how many; not in code."""
    code = mdmod.fenced(body) if "```" in body or "~~~" in body else []
    found = [
        m
        for m in _bracket_math_spans(body)
        if not _in_code(body, m) and not (code and admonitions.in_spans(code, m.start())) and not _prose(m[0])
    ]
    if found:
        first = " ".join(found[0][0].split())
        first = first if len(first) <= 40 else first[:39] + "…"
        message = (
            f"math '{first}' is written between '\\(' and '\\)' (or '\\[' and '\\]'), which are not read here:"
            f" it is shown as its source{_as_many_more(len(found))}; write it between dollars, '$…$' (and '$$…$$'"
            " for a display)"
        )
        report.warn(path, offset + body.count("\n", 0, found[0].start()) + 1, message, "math")


def _liquid(body: str, path: str, offset: int, report: Report) -> None:
    """Jekyll's Liquid, published as written: its variables ('{{ site.sched.name }}', in the text and
    in every command: said once a unit, with how many), and a tag written over several lines ('{%
    include figure.html … %}': its figure was lost). A one-line tag is said where it stands (links.py)."""
    variables = list(_LIQUID_VARIABLE.finditer(body))  # (not a link's: links.py says what to write there)
    if variables:
        first = variables[0]
        more = _as_many_more(len(variables))
        message = (
            f"Jekyll (Liquid) variable '{first[0]}' is shown as text{more}: Liquid is not read here;"
            " write each one's value instead"
        )
        report.warn(path, offset + body.count("\n", 0, first.start()) + 1, message, "shown-as-text")
    placeholders = list(_PL_VARIABLE.finditer(body))  # (port w 5: '$a = {{params.a}}$' became 'a = params.a')
    if placeholders:  # not in code: Airflow's '{{ params.x }}'
        code = mdmod.fenced(body)
        placeholders = [m for m in placeholders if not admonitions.in_spans(code, m.start()) and not _in_code(body, m)]
    if placeholders:
        first = placeholders[0]
        message = (
            f"PrairieLearn's placeholder '{first[0]}' is shown as text{_as_many_more(len(placeholders))}: its"
            " question generator does not run here; write each one's value instead"
        )
        report.warn(path, offset + body.count("\n", 0, first.start()) + 1, message, "shown-as-text")
    said = {m.start() for m in variables} | {m.start() for m in placeholders}
    templates = [
        m
        for m in _TEMPLATE_VARIABLE.finditer(body)
        if m.start() not in said
        and not _in_code(body, m)
        and not _in_raw(body, m.start())
        and not mdmod.MACRO_OPEN.match(m[0])  # (a call: left out, and said so)
    ]
    if templates:
        code = mdmod.fenced(body)
        templates = [m for m in templates if not admonitions.in_spans(code, m.start())]
    if templates:  # (port z 13: VitePress' '{{ count }}')
        first = templates[0]
        message = (
            f"template expression '{first[0]}' (Vue's, Jinja's, Handlebars') is shown as text"
            f"{_as_many_more(len(templates))}: nothing fills it in here; write its value instead, or put it in"
            " backticks if the lesson shows it"
        )
        report.warn(path, offset + body.count("\n", 0, first.start()) + 1, message, "shown-as-text")
    for tag in _LIQUID_TAG_LINES.finditer(body):
        written = " ".join(tag[0].split())
        shown = written if len(written) <= 60 else written[:57] + "..."
        line = offset + body.count("\n", 0, tag.start()) + 1
        message = f"Jekyll (Liquid) tag '{shown}' is shown as text: {liquid_tag_advice(written)}"
        report.warn(path, line, message, "shown-as-text")


def _parse_unit(text: str, source: UnitSource, report: Report) -> Unit | None:
    path = source.path
    if not text.strip():
        message = "unit file is empty: start it with front matter ('---', 'title: ...', '---') and a lesson"
        report.error(path, 1, message)
        return None
    before = len(report.errors)
    parts = split(text, path, report)
    meta = _front_matter(parts.yaml, path, report, source.extra_keys, parts.yaml_offset)
    meta_broken = len(report.errors) > before and not meta
    md = mdmod.make_markdown(source.safe_html)
    env: dict[str, Any] = {mdmod.FRONT_MATTER: meta} if meta else {}
    mdmod.math_failures.clear()
    body = parts.body
    if (
        "smart" in body or "warn" in body or "exercism/" in body or "admonish" in body
    ):  # (javascript.info's, Exercism's,
        body = fenced_callouts(body)  # mdbook-admonish's callouts, written as code fences)
    if "<quiz" in body and "type" in body:  # Wikiversity's quiz: '+' before each right answer
        for line in wiki_quizzes(body):
            message = (
                "a Wikiversity quiz ('<quiz>' with '{question |type=\"()\"}' and '+' before each right answer) is"
                " not read here: its right answers would be published, marked; write each question as a"
                " '::: question' with '- [x]' choices"
            )
            report.error(path, parts.body_offset + line + 1, message)
    if "`r " in body and ("hide(" in body or "fitb(" in body or "mcq(" in body or "torf(" in body):
        body, webex = webexercises(body)  # psyteachr's webexercises: a solution collapsed; its questions said
        for line, function in webex:
            message = (
                f"webexercises' '{function}(…)' question holds its answer in the text, which would be published:"
                " write it as a '::: question' ('= answer', or '- [x]' choices)"
            )
            report.error(path, parts.body_offset + line + 1, message)
    if "isCorrect" in body or "iscorrect" in body.lower():  # Microsoft Learn's knowledge check, pasted as YAML
        for line in learn_quizzes(body):
            message = (
                "a Microsoft Learn knowledge check ('isCorrect: true') is shown as text, each choice's verdict and"
                " explanation with it: write each question as a '::: question' with '- [x]' choices and '> feedback'"
            )
            report.error(path, parts.body_offset + line + 1, message)
    if "<quiz>" in body:  # mkdocs-quiz's present form: its '<?quiz?>'
        body = quiz_tags(body)
    if QUIZ_OPEN in body:  # mkdocs-quiz's first form ('question: …', 'answer-correct: …'): a practice
        body = old_mkdocs_quizzes(body)
    if "{/*" in body:  # MDX's comments
        body = mdx_comments(body)
    if "import " in body or "export " in body:  # MDX's imports
        body = mdx_imports(body)
    if "mdx-code-block" in body:  # Docusaurus' MDX in a code fence
        body = mdx_code_blocks(body)
    if "```{" in body:  # knitr's chunk headers with a backtick in an option
        body = knitr_ticked_headers(body)
    if "</" in body and any(f"</{tag}" in body for tag in _MDX_CLOSINGS):  # MDX's
        body = mdx_blocks(body)
    if "<" in body:  # Hugging Face's '<Question choices={[…correct: true…]} />': its answers would be text
        for line, name in mdx_quizzes(body):
            message = (
                f"'<{name}' holds right answers (a quiz of the lesson's own site: MDX, PrairieLearn, MarkBind,"
                " CAT-SOOP, webexercises…), which is not read here: they would be published with the page; write it"
                " as a '::: question' with '- [x]' choices and '> feedback'"
            )
            report.error(path, parts.body_offset + line + 1, message)
    if "# !" in body:  # Galvanize Learn's challenges (Ada Developers Academy)
        body, learn_left = learn_challenges(body)
        if learn_left:
            names = list(dict.fromkeys(f"'!{name}'" for _, name in learn_left))
            message = (
                f"Galvanize Learn's {' and '.join([', '.join(names[:-1]), names[-1]] if len(names) > 1 else names)}"
                f" {'sections are' if len(names) > 1 else 'section is'} left out"
                " (learners see them only once they have answered); ask the challenge as a '::: question' with"
                " '- [x]' choices or '= answer' and '> explanation'"
            )
            report.warn(path, parts.body_offset + learn_left[0][0] + 1, message, "left-out")
    if "# --" in body:  # freeCodeCamp's sections
        body, left = fcc_solutions(body)
        _fcc_left_out(report, path, parts.body_offset, left)
    if graded(body):  # autograders' answers and tests: otter-grader, nbgrader, DataCamp, <!-- BEGIN SOLUTION -->
        body, graded_out = grader_sections(body)
        alike: dict[str, list[int]] = {}  # one warning for each kind, at its first line
        for item in graded_out:
            if item.closed:
                alike.setdefault(item.message, []).append(item.line)
            else:
                report.error(path, parts.body_offset + item.line + 1, item.message)
        for message, places in alike.items():
            more = f" (and {len(places) - 1} more in this unit)" if len(places) > 1 else ""
            report.warn(path, parts.body_offset + places[0] + 1, message + more, "left-out")
    if "shiny-prerendered" in body or "tutorial-exercise-support" in body:  # a learnr tutorial, knitted
        body, knitted = learnr_knitted(body)
        for item in knitted:
            report.warn(path, parts.body_offset + item.line + 1, item.message, "left-out")
    if "exsolution" in body:  # R/exams' exercises: their solution and answer key
        body, rexams = rexams_sections(body)
        if rexams is not None:
            message = (
                "R/exams' 'Solution' section and metadata (its answer key, 'exsolution') are left out: they would be"
                " published with the page; write the question as a '::: question' ('- [x]' choices, or '= answer'),"
                " and the solution as its '> explanation'"
            )
            report.warn(path, parts.body_offset + rexams + 1, message, "left-out")
    if "\n---\n" in body and ("layout:" in body or "transition:" in body or "class:" in body or "paginate" in body):
        body, slides = slide_front_matter(body)  # Slidev's and Marp's per-slide settings
        if slides:
            more = f" (and {len(slides) - 1} more in this unit)" if len(slides) > 1 else ""
            message = (
                "a slide's front matter (Slidev's and Marp's settings between '---' lines: 'layout: intro') is left"
                f" out{more}: it sets up a slide, which a lesson page does not have"
            )
            report.warn(path, parts.body_offset + slides[0] + 1, message, "left-out")
    if "<v-" in body or "???" in body or ". . ." in body:  # what slides show on the presenter's click
        body, notes = slide_reveals(body)
        if notes:
            message = (
                "remark's presenter notes (after '???', up to the next slide) are left out"
                f"{' (and ' + str(len(notes) - 1) + ' more in this unit)' if len(notes) > 1 else ''}: they are"
                " the presenter's, never shown on the slide"
            )
            report.warn(path, parts.body_offset + notes[0] + 1, message, "left-out")
    if "[%collapsible" in body:  # AsciiDoc's collapsible blocks, pasted as they are
        body = asciidoc_collapsibles(body)
    if _RST_DIV.search(body):  # reStructuredText's admonitions, as pandoc writes them
        body = pandoc_admonitions(body)
    if " ':" in body or ' ":' in body or ":id=" in body:  # docsify's options: ':size=50x100', ':id=name'
        body, embeds = docsify_options(body)
        for line, written in embeds:
            message = f"docsify's embed '{written}' is not read here: paste the file's content in its place"
            report.error(path, parts.body_offset + line + 1, message)
    if "hidden-answer" in body:  # Pressbooks' 'Show Answer'
        body, kept = pressbooks_answers(body)
        if kept:
            more = f" (and {len(kept) - 1} more in this unit)" if len(kept) > 1 else ""
            message = (
                f"Pressbooks' hidden answer{more} is shown as text: write '[hidden-answer a=\"1\"]' and"
                " '[/hidden-answer]' on lines of their own around it, or put it in a '::: solution'"
            )
            report.warn(path, parts.body_offset + kept[0] + 1, message, "shown-as-text")
    if "\n==-" in body or "\n===" in body or "\n+++" in body or "\n!!!" in body:  # Retype's panels, tabs, callouts
        body = retype_blocks(body)
    if "tabs:start" in body:  # docsify-tabs
        body = docsify_tabs(body)
    if "?> " in body or "!> " in body:  # Docsify's callouts
        body = docsify_callouts(body)
    if "{% end" in body:  # GitBook's tabs, hints and code titles
        body = gitbook_blocks(body)
    if "{{<" in body or "{{%" in body:  # Hugo themes' block shortcodes
        body, open_shortcodes = hugo_blocks(body)
        for line, written in open_shortcodes:
            name = written[3:].split(None, 1)[0].rstrip("%>}")
            message = (
                f"Hugo's '{written}' is never closed (Hugo refuses the page; here what follows it, often the"
                f" solution, would be shown open): end it with '{written[:3]} /{name} {written[-3:]}' on a line of"
                " its own"
            )
            report.error(path, parts.body_offset + line + 1, message)
    if "{% /" in body:  # Markdoc's {% details %} … {% /details %}, {% callout %}
        body = markdoc_blocks(body)
    if "{%" in body and _JEKYLL_BLOCK.search(body):  # Jekyll's {% highlight %}, {% spoiler %}, {% capture %}
        body, captured = jekyll_blocks(body)
        for line, written in captured:
            message = (
                f"Jekyll's '{written}' … '{{% endcapture %}}' is left out: Jekyll never shows it by itself (a"
                " value for a later '{{ … }}', often an answer); write what students should see instead"
            )
            report.warn(path, parts.body_offset + line + 1, message, "left-out")
    if ("class=" in body or "data-type=" in body or "<div" in body or "<DIV" in body) and (
        "hidden" in body
        or "notes" in body
        or "solution" in body
        or "hint" in body
        or "none" in body
        or "dropdown" in body
        or "toggle" in body
    ):  # mdBook's, speaker notes, OpenStax's solutions, HTML's own 'hidden'
        body, solutions = hidden_divs(body)
        if solutions:
            message = (
                "a Khan Academy exercise's '<div class=\"solution\">' (the answer its exercise checks) is left out:"
                " write the question as a '::: question', and a solution to show after trying in a '::: solution'"
            )
            report.warn(path, parts.body_offset + solutions[0] + 1, message, "left-out")
    if "@title" in body or "code-fold" in body:  # Colab's form cells, Quarto's folded code
        body = folded_code(body)
    if "(\\#eq:" in body or "\\@ref(eq:" in body:  # bookdown's equation labels and references
        body = bookdown_equations(body)
    if "![[" in body:  # Obsidian's picture embeds
        body = obsidian_embeds(body)
    if "[[" in body or "[TOC]" in body or "[toc]" in body:  # VitePress' [[toc]], HedgeDoc's [TOC], Hugging Face's ids
        body = doc_builder_marks(body)
    if "toc" in body and _TOC.search(body):  # kramdown's '1. TOC' / '{:toc}' (Just the Docs)
        body = kramdown_tocs(body)
    if "{#" in body and "#}" in body:  # Nunjucks' and Jinja's comments
        body = template_comments(body)
    if "%%" in body:  # Obsidian's comments
        body, unclosed = obsidian_comments(body)
        for line in unclosed:
            message = "'%%' (an Obsidian comment) is never closed: end it with '%%' (as it is, it hides the rest)"
            report.error(path, parts.body_offset + line + 1, message)
    latexmod.MACROS = macros_of(body, source.macros)  # (the unit's own \newcommand: MathJax keeps them)
    tokens = md.parse(body, env)
    repaired = structure.repair(body, tokens, env)
    if repaired is not None:  # a comment or code fence left open: reported; read the rest as if closed
        body, env = repaired, structure.kept_after_repair(env)
        if meta:
            env[mdmod.FRONT_MATTER] = meta
        mdmod.math_failures.clear()
        tokens = md.parse(body, env)
    if "{{" in body or "{%" in body:
        _liquid(body, path, parts.body_offset, report)
    if "{{" in body or ":=" in body or ":%" in body:
        _quiz_texts(body, path, parts.body_offset, report)
    if "\\(" in body or "\\[" in body:
        _bracket_math(body, path, parts.body_offset, report)
    if RAW_LEFT_OUT in env:  # pandoc's raw LaTeX (or other) blocks: a web page shows nothing of them
        _raw_left_out(env[RAW_LEFT_OUT], path, parts.body_offset, report)
    calls = env.get(mdmod.MACRO_CALLS)
    if calls:
        line, written = calls[0]
        shown = written if len(written) <= 60 else written[:57] + "..."
        message = (
            f"mkdocs-macros call '{shown}' is left out{_as_many_more(len(calls))}: the course's Python (main.py)"
            " makes what it shows, and does not run here; write that in its place"
        )
        report.warn(path, parts.body_offset + line + 1, message, "left-out")
    for line, written in env.get(mdmod.LIQUID_IF, ()):
        if written.lstrip("{%- ").startswith("unless"):
            taken = "met, so what it holds is shown (an '{% else %}' part is left out)"
        else:
            taken = "not met, so what it holds is left out (an '{% else %}' part is shown)"
        message = (
            f"Liquid condition '{written}' is not read here: as Liquid takes it when nothing is set, it is taken"
            f" as {taken}; write what students should see without it"
        )
        report.warn(path, parts.body_offset + line + 1, message, "left-out")
    if QUIZ_OPEN in body:  # mkdocs-quiz's '<?quiz?>': a practice exercise
        tokens = mkdocs_quizzes(tokens)
    if env.get("references") or env.get(ABBREVIATIONS):  # (before teacher's notes are dropped)
        _sealed_definitions(tokens, body, path, parts.body_offset, report)
    if latexmod.MACROS and ("newcommand" in body or "\\def" in body or "DeclareMathOperator" in body):
        for line, name, block in sealed.macro_definitions(tokens, body):
            message = (
                f"macro '\\{name}' is defined inside this '::: {block}' block, but it applies to the whole page, as in"
                " MathJax: a formula outside the block that uses it shows what it stands for. Define it outside the"
                " block (or under 'macros:' in course.yml), or leave it out"
            )
            report.error(path, parts.body_offset + line + 1, message)
    tokens = lessonmod.prepare(md, drop_comments(tokens) if "<!--" in body else tokens, env)
    marked = (
        "[[" in body
        or "}}" in body  # (Hyperbook's gap '{z{74,59}}': ii port 9)
        or "(x)" in body
        or "(X)" in body
        or "[explanation]" in body
        or ".. " in body
        or "quizdown" in body
        or "gift" in body
        or "{=" in body
        or "{~" in body
        or "{ " in body
        or "{\n" in body
        or "ANSWER:" in body  # (Moodle's Aiken)
        or "{:.quiz" in body  # (a Jekyll site's '{:.quiz}' then '1 | right', '0 | wrong')
        or ("::" in body and "{" in body)  # (a titled GIFT question: '::Q5:: … {#42}', '{TRUE}')
        or ("*" in body and _TEXT2QTI_MARK.search(body) is not None)  # ('*c) 5', '[*] T. rex')
    ) and _marked_answers(body, path, parts.body_offset, report)
    if "[[" in body and not marked:  # (a quiz of another tool: said once, as that)
        _stray_blanks(tokens, path, parts.body_offset, report)
    if ("\n=" in body or "\n~ " in body) and not marked:
        _stray_answer_lines(tokens, path, parts.body_offset, report)
    if "$$" in body:
        _unclosed_display_math(tokens, path, parts.body_offset, report)
    if (
        "{#" in body
        or "\n: " in body
        or "Table: " in body
        or ")=" in body
        or "label:" in body
        or "name:" in body
        or "$$ (" in body
        or "$$(" in body
        or "\\label" in body
    ):
        tokens = cross_references(tokens)
    offset = parts.body_offset
    objectives = _objectives(meta, path, report)
    rewriter = LinkRewriter(source, offset, report)
    rewriter.spaced_math_said = bool(env.get(MYST_MATH))  # ('$ x $' is math there: nothing to say)
    links = rewriter.rewrite(tokens)
    from_block = objectives == [] and "objectives" not in meta
    if from_block:
        objectives = lessonmod.objectives_from_block(md, tokens, env, offset)
        from_block = bool(objectives)
    if objectives and not from_block:
        objectives = [rendered_objective(md, o, env, rewriter) for o in objectives]
    if objectives and (from_block or isinstance(meta.get("objectives"), yamlutil.LineList)):
        _ids_that_start_alike(objectives, path, report)
    rewriter.warn_sealed_files()
    rewriter.warn_left_out()
    # 'objetives:' (reported as unknown): its questions are not checked against no objectives at all
    unread = objectives is None or (not objectives and misspelt("objectives", meta, UNIT_KEYS))
    known = None if meta_broken or unread else [o.id for o in objectives or ()]
    found = Report()
    blocks = BlockParser(md, env, path, offset, known, found)
    blocks.comma = source.comma
    blocks.said = {p.line for p in report.errors if p.path == path}
    lesson = blocks.split(tokens, body)
    practice = checked_practice(blocks, lesson)
    report.extend(structure.without_follow_ons(found.problems, tokens, env, path, offset))
    structure.report_problems(env, path, offset, report)
    title = _title(meta, lesson, path, Report() if meta_broken else report)
    lesson_html = md.renderer.render(task_boxes(lesson), md.options, env)
    if "questions" in source.extra_keys or "keypoints" in source.extra_keys:
        above, below = _listed_summaries(md, meta, source.extra_keys, env, rewriter)
        lesson_html = above + lesson_html + below
    page = [lesson_html, *(b.html for b in blocks.correctives + blocks.enrichment)]
    ids = dict.fromkeys(m.group(1) for part in page for m in _ID.finditer(part))  # (where links may lead)
    if rewriter.anchors:
        check_anchors([(a, line, f"#{a}") for a, line in rewriter.anchors], set(ids), path, report)
    _report_math(body, offset, path, report)
    unit_id = _unit_id(meta, path, report)
    quiz = _quiz(meta, path, report)
    requires, requires_line = _requires(meta, path, report)
    mastery = None
    if "mastery" in meta:
        mastery = check_mastery(meta["mastery"], path, meta.line_of("mastery"), report)
    questions = _number(_unique_keys(blocks.questions))
    if len(questions) > MAX_QUESTIONS:  # each holds a share of the unit key (sealing.py): one byte says which
        message = (
            f"a unit holds at most {MAX_QUESTIONS} quiz questions, and this is its {MAX_QUESTIONS + 1}th"
            f" ({len(questions)} in all): split it into units, or make some of them '::: practice'"
        )
        report.error(path, questions[MAX_QUESTIONS].line, message)
    unit = Unit(
        id=unit_id,
        title=title,
        path=path,
        order=source.order,
        section=source.section,
        requires=requires,
        requires_line=requires_line,
        mastery=mastery,
        objectives=tuple(objectives or ()),
        draw=quiz[0],
        draw_line=quiz[2],
        shuffle=quiz[1],
        questions=questions,
        correctives=tuple(blocks.correctives),
        enrichment=tuple(blocks.enrichment),
        lesson_html=lesson_html,
        links=tuple(links),
        line=meta.line_of("id") if "id" in meta else 1,
        extra=_extra(meta, source.extra_keys, path, report),
        ignore=check_ignore(meta.get("ignore"), path, meta.line_of("ignore"), report),
        objectives_from_block=from_block or isinstance(meta.get("objectives"), yamlutil.LineList),
        practice=tuple(practice),
        anchors="\n".join(ids),
        labels=tuple(rewriter.labels),
    )
    complete = not blocks.unclosed and not lessonmod.unclosed(env)
    lint_unit(unit, meta, report, complete=complete, clean=len(report.errors) == before)
    return unit


_ID = re.compile(r"""\sid=["']([^"']+)["']""")
PAGE_IDS = ("main", "top", "ms-quiz", "ms-objectives-heading", "ms-results")  # places of every unit page


def check_anchors(anchors: list[tuple[str, int, str]], ids: set[str], path: str, report: Report) -> None:
    """A link to a place on a unit's page ('#setup', or 'glossary.md#query' from another unit:
    checks.check_anchors_between) that no heading or element of the unit has: it leads nowhere (a
    heading renamed, an id never given). ``anchors``: (id, line, the link as written)."""
    ids = ids | set(PAGE_IDS)
    for anchor, line, written in anchors:
        if anchor not in ids and not anchor.startswith(("fn", "ms-")):  # (footnotes: numbered at render)
            whose = "this unit has that id" if written.startswith("#") else f"that unit has the id '{anchor}'"
            message = f"link '{written}' leads nowhere: no heading or element of {whose}"
            close = difflib.get_close_matches(anchor, sorted(ids), n=1, cutoff=0.7)
            also = f" — did you mean '{written.partition('#')[0]}#{close[0]}'?" if close else ""
            report.warn(path, line, message + also, "anchor")


def _front_matter(
    text: str | None, path: str, report: Report, extra_keys: tuple[str, ...], offset: int = 1
) -> yamlutil.LineDict:
    if text is None or not text.strip():
        return yamlutil.LineDict(1)
    data = yamlutil.load(text, path, report, offset=offset)
    if data is None:
        return yamlutil.LineDict(1)
    if not isinstance(data, yamlutil.LineDict):
        report.error(path, 2, "front matter must be keys and values, like 'title: Equivalent fractions'")
        return yamlutil.LineDict(1)
    for key in data:
        if key in _DRAFT and data[key] is _DRAFT[key]:  # (declared or not: ii security 4)
            message = (
                f"'{key}: {str(data[key]).lower()}' keeps a page off the site in other tools; masterysite publishes"
                " every unit it builds: to keep this one off until it is ready, list the units to publish in"
                " course.yml's 'units:' without it, or move the file out of units/"
            )
            report.error(path, data.line_of(key), message)
        elif key not in UNIT_KEYS and key not in extra_keys:
            report.error(path, data.line_of(key), _unknown_key(key, UNIT_KEYS + extra_keys))
    return data


_DRAFT = {"draft": True, "published": False}  # Hugo's, Jekyll's, Quarto's, Docusaurus' "not yet"


OTHER_TOOLS = frozenset(
    # Carpentries (Workbench and Jekyll), Quarto and pandoc, MkDocs, Jekyll and Hugo: keys of a lesson's
    # front matter that are not a masterysite key misspelt, whatever they look like ('pagetitle')
    [
        "teaching",
        "exercises",
        "break",
        "keypoints",
        "questions",
        "pagetitle",
        "subtitle",
        "author",
        "date",
        "format",
        "execute",
        "jupyter",
        "editor",
        "bibliography",
        "description",
        "hide",
        "tags",
        "category",  # (Pelican's, Jekyll's: it had been "did you mean 'mastery'?")
        "time",
        "layout",
        "permalink",
        "slug",
        "weight",
        "draft",
        "toc",
        "jupytext",
        "kernelspec",
        # Marp's and Slidev's decks (port w 13: 'style' had been 'did you mean title?')
        "style",
        "theme",
        "class",
        "paginate",
        "transition",
        "background",
    ]
)


def _unknown_key(key: str, options: tuple[str, ...]) -> str:
    """A typo gets its did-you-mean; a key of another tool (or nothing close) the way to keep it."""
    keep = f"to keep a key of another tool, declare it in course.yml: extra_keys: [{key}]"
    if key in QUIZ_KEYS:  # 'draw: 4' at the top: it belongs under quiz:
        return f"'{key}' belongs under 'quiz:' (write 'quiz:' then '  {key}: …' on the next line)"
    message = unknown_key(key, options)
    if key in OTHER_TOOLS or "did you mean" not in message:  # (one wording for every key of another tool)
        kept = [option for option in options if option not in UNIT_KEYS]
        also = f"; the course's: {', '.join(kept)}" if kept else ""
        return f"unknown key '{key}' ({keep}; masterysite's keys: {', '.join(UNIT_KEYS)}{also})"
    return message


def _listed_summaries(
    md: MarkdownIt, meta: yamlutil.LineDict, kept: tuple[str, ...], env: dict[str, Any], links: LinkRewriter
) -> list[str]:
    """A Carpentries Jekyll lesson's front-matter ``questions:`` and ``keypoints:`` lists, when the course
    keeps them: its 'Questions' box above the lesson and its 'Key Points' box below it, as the lesson's
    own template shows them (they had been kept and shown nowhere). Their links, images and HTML are
    checked as the lesson's are, at the key's line (an id the page uses is refused there too)."""
    boxes = []
    for key in ("questions", "keypoints"):
        items = meta.get(key) if key in kept else None
        if isinstance(items, str):
            items = [items]
        if not isinstance(items, list) or not items or not all(isinstance(item, str) for item in items):
            boxes.append("")
            continue
        text = f"::: {key}\n" + "".join(f"- {' '.join(item.split())}\n" for item in items) + ":::\n"
        own = {name: value for name, value in env.items() if name != "footnotes"}  # (the lesson's: listed once)
        tokens = lessonmod.prepare(md, drop_comments(md.parse(text, own)), own)
        for token in tokens:
            token.map = None  # (at the key's line: the list is not in the body)
        links.rewrite(tokens, meta.line_of(key))
        boxes.append(md.renderer.render(tokens, md.options, own))
        env["ms_block_count"] = own.get("ms_block_count", 0)  # (each box an id of its own)
    return boxes


def _extra(meta: yamlutil.LineDict, keys: tuple[str, ...], path: str, report: Report) -> dict[str, Any]:
    """The front-matter keys the course keeps for its templates (``extra_keys:`` in course.yml)."""
    extra = {key: meta[key] for key in keys if key in meta}
    for key in MINUTES_KEYS:
        value = extra.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0):
            report.error(
                path, meta.line_of(key), f"{key} is a number of minutes, like '{key}: 30'; got {describe(value)}"
            )
            del extra[key]
    return extra


def _without_code_marks(text: str) -> str:
    """'in `learnr`' -> 'in learnr': each code span's content, as CommonMark pairs its backticks (a run with
    the next run as long; one with none stays as written). In one pass: no pattern that backtracks."""
    runs = [(m.start(), m.end()) for m in re.finditer("`+", text)]
    parts, done, index = [], 0, 0
    while index < len(runs):
        start, end = runs[index]
        closing = next((k for k in range(index + 1, len(runs)) if runs[k][1] - runs[k][0] == end - start), None)
        if closing is None or not text[end : runs[closing][0]].strip():
            index += 1
            continue
        parts += [text[done:start], text[end : runs[closing][0]].strip()]
        done, index = runs[closing][1], closing + 1
    return "".join(parts) + text[done:]


def _title(meta: yamlutil.LineDict, lesson: list[Token], path: str, report: Report) -> str:
    title = meta.get("title")
    if title is not None and not isinstance(title, (dict, list)) and str(title).strip():
        text = str(title).strip()
        if "`" in text:  # 'Quiz questions in `learnr`': shown as a '#' heading's code is, without its marks (ee 03)
            text = _without_code_marks(text)
        first = lesson[0] if lesson else None
        same = first is not None and first.type == "heading_open" and first.tag == "h1"
        if same and inline_text(lesson[1].children or []).casefold() == text.casefold():
            del lesson[0:3]  # the same title twice: the page shows it once
        return text
    for index, token in enumerate(lesson):
        if token.type == "heading_open" and token.tag == "h1":
            text = inline_text(lesson[index + 1].children or [])
            if not text:
                break
            del lesson[index : index + 3]  # the page shows the title itself
            return text
    if not misspelt("title", meta, UNIT_KEYS):
        message = "missing title: add 'title: ...' to the front matter or a '# Heading'"
        report.error(path, meta.line_of("title") or 1, message)
    return Path(path).stem


def _unit_id(meta: yamlutil.LineDict, path: str, report: Report) -> str:
    raw = meta.get("id")
    if raw is None:
        if "id" in meta:
            report.error(path, meta.line_of("id"), "id is empty: write 'id: my-unit' or remove the line")
        return default_id(path)
    value = nfc(str(raw).strip()) if isinstance(raw, (str, int)) and not isinstance(raw, bool) else ""
    if not ID_PATTERN.fullmatch(value):
        shown = value or raw
        message = f"id '{shown}' may use only letters, digits, '-' and '_', like 'equivalent-fractions'"
        report.error(path, meta.line_of("id"), message)
        return default_id(path)
    return value


def _objectives(meta: yamlutil.LineDict, path: str, report: Report) -> list[Objective] | None:
    """The unit's objectives; None when they are there but unreadable (already reported)."""
    value = meta.get("objectives")
    if value is None:
        return []
    if isinstance(value, yamlutil.LineList):
        return _listed_objectives(value, path, report)
    if not isinstance(value, yamlutil.LineDict):
        report.error(
            path,
            meta.line_of("objectives"),
            "objectives must be 'id: what the student can do' lines, like 'scale: Make an equivalent fraction'",
        )
        return None
    out = []
    readable = True
    for key, text in value.items():
        line = value.line_of(key)
        if isinstance(key, bool) or key in ("True", "False"):  # 'yes: Say yes' (round y 9)
            message = (
                "objective id: YAML reads no, yes, on and off (any case) as false or true: put it in quotes ('yes')"
            )
            report.error(path, line, message)
            readable = False
            continue
        if not ID_PATTERN.fullmatch(key):
            fixed = re.sub(r"[^\w-]+", "-", key).strip("-")
            advice = f" (like '{fixed}')" if fixed and ID_PATTERN.fullmatch(fixed) else ""
            report.error(path, line, f"objective id '{key}' may use only letters, digits, '-' and '_'{advice}")
            readable = False  # its questions name it some other way: checking them would only repeat this
        if isinstance(text, (dict, list)) or text is None or not str(text).strip():
            report.error(path, line, f"objective '{key}' needs a description: '{key}: what the student can do'")
            text = key
        out.append(Objective(key, str(text).strip(), line))
    return out if readable else None


def _ids_that_start_alike(objectives: list[Objective], path: str, report: Report) -> None:
    """Ids made from an objective's words that start as another's does ('ser-capaz', 'ser-capaz-de': a Spanish
    lesson's "Ser capaz de …", whose telling words come after), or that only a number tells apart: which is which
    depends on the list's order, so an objective added above moves a question to another (jj port 6). Said once."""
    ids = [o.id for o in objectives]
    for objective in objectives:
        alike = next((i for i in ids if i != objective.id and i.startswith(objective.id + "-")), None)
        if alike is None:
            continue
        message = (
            f"the objectives' ids made from their words start alike, '{objective.id}' and '{alike}': which is which"
            " depends on the order of the list, and one added above moves a question to another objective; give"
            f" each an id of its own, 'id: what the student can do' ('{_short_id(objective.text)}:"
            f" {objective.text if len(objective.text) <= 40 else objective.text[:39] + '…'}')"
        )
        report.warn(path, objective.line, message, "objective-ids")
        return


def _short_id(text: str) -> str:
    """A suggestion: the objective's longest word, as an id."""
    found = re.findall(r"[^\W\d_]{3,}", text.lower())
    words = sorted((w for w in found if w not in lessonmod.STOP_WORDS), key=len, reverse=True)
    return words[0] if words else "id"


def _listed_objectives(items: yamlutil.LineList, path: str, report: Report) -> list[Objective] | None:
    """Objectives written as a list of sentences (older Carpentries lessons): ids made from their words,
    as for a '::: objectives' block (``check`` shows them)."""
    if not items:
        report.error(path, items.line, "objectives is an empty list: write 'id: what the student can do' lines")
        return None
    taken: set[str] = set()
    out = []
    for index, text in enumerate(items):
        if not isinstance(text, (str, int, float)) or not str(text).strip():
            message = "an objective in this list must be a sentence; or write them as 'id: what the student can do'"
            report.error(path, items.line_of(index), message)
            return None
        ident = lessonmod.objective_id(str(text), taken)
        taken.add(ident)
        out.append(Objective(ident, str(text).strip(), items.line_of(index)))
    return out


def rendered_objective(md: MarkdownIt, objective: Objective, env: dict[str, Any], links: LinkRewriter) -> Objective:
    """Objectives may use Markdown and math (``Know the value of $g$``); their links are checked
    and their HTML comments dropped like the lesson's."""
    tokens = drop_comments(md.parseInline(objective.text, env))
    for token in tokens:
        token.map = None  # its lines count from the objective's text, not the unit file
    links.rewrite(tokens, objective.line)
    children = tokens[0].children if tokens else []
    renderer: Any = md.renderer  # RendererHTML; the protocol type does not declare renderInline
    html = str(renderer.renderInline(children or [], md.options, env)).strip()
    text = inline_text(children or []) or objective.text
    return Objective(objective.id, text, objective.line, html)


def _quiz(meta: yamlutil.LineDict, path: str, report: Report) -> tuple[int | None, bool, int]:
    quiz = meta.get("quiz")
    if quiz is None:
        return None, True, 0
    if not isinstance(quiz, yamlutil.LineDict):
        report.error(path, meta.line_of("quiz"), "quiz must be a mapping: 'quiz: {draw: 4, shuffle: true}'")
        return None, True, 0
    for key in quiz:
        if key not in QUIZ_KEYS:
            message = unknown_key(f"quiz.{key}", [f"quiz.{k}" for k in QUIZ_KEYS])
            if key in UNIT_KEYS:  # 'quiz: {mastery: 90%}': a key of the unit itself
                message = (
                    f"'{key}' is a key of the unit, not of its quiz: write it on a line of its own, before 'quiz:'"
                )
            report.error(path, quiz.line_of(key), message)
    draw, line = quiz.get("draw"), quiz.line_of("draw")
    if draw is not None and (isinstance(draw, bool) or not isinstance(draw, int) or draw < 1):
        quoted = isinstance(draw, str) and draw.strip().isdigit()  # 'draw: "2"'
        got = f'the text "{draw}" (in quotes): write {draw.strip()} without them' if quoted else f"'{draw}'"
        if quoted and not draw.strip().isascii():  # an input method's '２' (ii new 2)
            plain = unicodedata.normalize("NFKC", draw.strip())
            got = f"'{draw.strip()}', written with full-width digits (an input method's): write {plain}"
        report.error(path, line, f"quiz.draw must be a whole number of questions, at least 1; got {got}")
        draw = None
    shuffle = quiz.get("shuffle", True)
    if not isinstance(shuffle, bool):
        quoted = isinstance(shuffle, str) and shuffle.strip().lower() in ("true", "false")  # 'shuffle: "false"'
        got = f'the text "{shuffle}" (in quotes): write it without them' if quoted else f"'{shuffle}'"
        report.error(path, quiz.line_of("shuffle"), f"quiz.shuffle must be true or false; got {got}")
        shuffle = True
    return draw, shuffle, line


def _requires(meta: yamlutil.LineDict, path: str, report: Report) -> tuple[tuple[str, ...] | None, int]:
    if "requires" not in meta:
        return None, 0
    value, line = meta["requires"], meta.line_of("requires")
    if value is None:
        return (), line
    if isinstance(value, str) and "," in value:  # 'requires: ecuaciones, python': one id with a comma
        listed = ", ".join(p.strip() for p in value.split(","))
        report.error(path, line, f"requires lists its unit ids in brackets: 'requires: [{listed}]'")
        return None, line
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        report.error(path, line, "requires must be a list of unit ids, like 'requires: [whole-and-parts]'")
        return None, line
    ids: list[str] = []
    for index, item in enumerate(value):
        if isinstance(item, bool) or not isinstance(item, (str, int)) or not str(item).strip():
            where = value.line_of(index) if isinstance(value, yamlutil.LineList) else line
            message = f"requires lists unit ids, like 'requires: [whole-and-parts]'; got {describe(item)}"
            report.error(path, where, message)
            continue
        ids.append(nfc(str(item).strip().removesuffix(".md")))
    return tuple(ids), line


def _unique_keys(questions: list[Question]) -> list[Question]:
    seen: dict[str, int] = {}
    out = []
    for question in questions:
        count = seen.get(question.key, 0)
        seen[question.key] = count + 1
        out.append(question if not count else _replace_key(question, f"{question.key}-{count + 1}"))
    return out


def _replace_key(question: Question, key: str) -> Question:
    return replace(question, key=key)


def _number(questions: list[Question]) -> tuple[Question, ...]:
    """Set each question's 1-based position (in place: the questions are ours until returned)."""
    for index, question in enumerate(questions):
        object.__setattr__(question, "number", index + 1)  # frozen dataclass; replace() costs 2% of a build
    return tuple(questions)


def _report_math(body: str, offset: int, path: str, report: Report) -> None:
    """Math that could not be typeset as written, each formula said at its line; a command of the lesson's
    own once a unit, with how many formulas use it (a lesson's macro is in most of its formulas)."""
    failures = [f[1:].split("\0", 1) if f.startswith("\0") else ["", f] for f in mdmod.math_failures]
    uses: dict[str, int] = {}
    for command, _latex in failures:
        uses[command] = uses.get(command, 0) + 1
    said: set[str] = set()
    for command, latex in failures:
        where = body.find(latex)
        line = body.count("\n", 0, where) + 1 + offset if where >= 0 else 0
        if command == "+":
            message = (
                f"math '{latex[:40]}' expands its macros to over {latexmod.MAX_EXPANDED:,} characters (a macro that"
                " uses another many times, level after level): it is shown as its source; write it out shorter"
            )
        elif command == "&":
            message = (
                f"math '{latex[:40]}' has an '&' outside a table: it is shown as a character; put the rows"
                f" in an environment that has columns (\\begin{{aligned}}, \\begin{{array}}{{rl}}, \\begin{{cases}})"
            )
        elif command in ("eqref", "ref", "pageref", "cite"):  # LaTeX's own, but a reference, not math
            if command in said:
                continue
            said.add(command)
            message = (
                f"math '{latex[:40]}' uses '\\{command}' inside the formula, where it is not read: it is shown"
                f" as its name; refer to a formula in the text, outside the dollars (\\eqref{{label}}, or"
                " {eq}`label` in MyST)"
            )
        elif command in latexmod.PHYSICS_UNREAD:  # MathJax's physics package: a package, not a lesson's own macro
            if command in said:
                continue
            said.add(command)
            message = (
                f"math '{latex[:40]}' uses '\\{command}' of MathJax's physics package, which is not read here: it is"
                f" shown as its name; write it out ({latexmod.PHYSICS_UNREAD[command]})"
            )
        elif command in ("ce", "pu"):  # mhchem's, which MathJax loads by itself (jj new 4)
            if command in said:
                continue
            said.add(command)
            message = (
                f"math '{latex[:40]}' uses '\\{command}' of mhchem, the chemistry package MathJax loads by itself,"
                " which is not read here: it is shown garbled; write the formula out ('\\mathrm{CO_2 + H_2O"
                " \\rightarrow H_2CO_3}', a charge as '\\mathrm{Ca^{2+}}'), or as text: CO₂ + H₂O → H₂CO₃"
            )
        elif command:
            if command in said:
                continue
            said.add(command)
            more = f" (as do {uses[command] - 1} more formulas of this unit)" if uses[command] > 1 else ""
            message = (
                f"math '{latex[:40]}' uses '\\{command}', a command LaTeX does not have{more} (a macro of the"
                f" lesson's own? define it with \\newcommand in a formula of the unit, or for the whole course under"
                " 'macros:' in course.yml): it is shown as its name; write out what it stands for"
            )
        else:
            message = f"could not typeset math '{latex[:40]}'; it is shown as source"
        report.warn(path, line, message, "math")
    mdmod.math_failures.clear()


def lint_unit(unit: Unit, meta: yamlutil.LineDict, report: Report, complete: bool = True, clean: bool = True) -> None:
    """The alignment lint of one unit (warnings; errors for what cannot work).

    Not ``complete``: a block was never closed and swallowed what follows, so the pool is not what
    the teacher wrote: what is missing from it would only be follow-ons of that error. Not ``clean``:
    the unit has an error, and its warnings would be mostly follow-ons too (a misspelt objective's
    question leaves the objective 'with no question'): only a draw larger than the pool is said."""
    if not complete:
        return
    path = unit.path
    pool = len(unit.questions)
    by_objective = {o.id: 0 for o in unit.objectives}
    for question in unit.questions:
        if question.objective in by_objective:
            by_objective[question.objective] += 1
    corrected = {b.objective for b in unit.correctives}
    for objective in unit.objectives if clean else ():
        if not by_objective[objective.id]:
            message = f"objective '{objective.id}' has no question: add a '::: question {objective.id}' block"
            report.warn(path, objective.line, message, "no-question")
        elif objective.id not in corrected:
            report.warn(
                path,
                objective.line,
                f"objective '{objective.id}' has no corrective: a student who misses it gets no new explanation;"
                f" add a '::: corrective {objective.id} Title' block",
                "no-corrective",
            )
    if unit.draw is not None and unit.draw > pool:
        noun = "question" if pool == 1 else "questions"
        message = f"quiz.draw is {unit.draw} but the unit has only {pool} {noun}: add questions or lower the draw"
        report.error(path, unit.draw_line, message)
    elif not clean:
        return
    elif unit.draw is not None and unit.draw < (asked := sum(1 for n in by_objective.values() if n)):
        # (a Carpentries episode's 7 objectives, 'draw: 5': mastered without 2 of them asked; port ee 7)
        report.warn(
            path,
            unit.draw_line,
            f"quiz.draw is {unit.draw} but the unit has {asked} objectives with questions: each attempt asks"
            f" {unit.draw} of them, and a student masters the unit without being asked the other"
            f" {asked - unit.draw}; set the draw to at least {asked} (one question of each objective)",
            "small-pool",
        )
    elif unit.draw is not None and pool < 2 * unit.draw:
        report.warn(
            path,
            unit.draw_line,
            f"pool of {pool} question{'s' if pool != 1 else ''} is too small for a fresh retake"
            f" (want at least {2 * unit.draw} for draw {unit.draw}): add questions or lower the draw",
            "small-pool",
        )
    elif unit.draw is not None and unit.draw >= sum(1 for n in by_objective.values() if n):
        # every attempt asks every objective: one with a single question asks it again on every retake
        # (with the pool twice the draw, the draw leaves a fresh question of every other objective)
        for objective in unit.objectives:
            if by_objective[objective.id] == 1:
                report.warn(
                    path,
                    objective.line,
                    f"objective '{objective.id}' has one question, which every attempt asks: a retake asks it"
                    f" again; add another '::: question {objective.id}' block",
                    "small-pool",
                )
    elif unit.draw is None and pool:  # the whole pool is every attempt (SPEC §5): a retake asks the same
        report.warn(
            path,
            meta.line_of("quiz") if "quiz" in meta else 1,
            f"a retake asks the same {pool} question{'s' if pool != 1 else ''} again (no quiz.draw): for fresh"
            " ones, add questions and set 'quiz: {draw: N}' to at most half of the pool",
            "small-pool",
        )
    if clean and pool and not unit.enrichment:
        report.warn(path, 1, "unit has a quiz but no '::: enrichment' for students who master it", "no-enrichment")
    lettered = [q for q in unit.questions if clean and unit.shuffle and _lettered(q)]
    if lettered:  # said once: the unit's shuffle is the one cause
        more = f" (and in {len(lettered) - 1} more question{'s' if len(lettered) > 2 else ''})" if lettered[1:] else ""
        message = (
            f"the choices are lettered ('{_lettered(lettered[0])}'…){more} and shuffled, so they read out of order:"
            " remove the letters, or write 'shuffle: false' under 'quiz:'"
        )
        report.warn(path, lettered[0].line, message, "lettered-choices")
    shuffled = [c for q in unit.questions if clean and unit.shuffle for c in q.choices]
    placed = [(c, words) for c in shuffled if _PLACE.search(words := choice_text(c.html))]
    if placed:  # ('All of the above', 'Either #2 or #3': another place on each student's screen; port ee 12)
        choice, words = placed[0]
        more = f" (and {len(placed) - 1} more)" if placed[1:] else ""
        message = (
            f"the choice '{words[:40]}'{more} refers to other choices by their place, and the choices are"
            " shuffled, so it points elsewhere: write what it means ('all three'), or write 'shuffle: false'"
            " under 'quiz:'"
        )
        report.warn(path, choice.line, message, "lettered-choices")


# A choice that names others by their place: 'All of the above', 'Both A and B', 'Either #2 or #3', in the theme's
# languages ('Todas las anteriores', 'Toutes les réponses ci-dessus', 'Alle oben genannten')
_PLACE = re.compile(
    r"\b(?:all|none|both|any|neither|each) of the (?:above|below)\b|\b(?:las|los) anteriores\b|ci-dessus"
    r"|\boben genannt|#\s?\d"
    r"|\b(?:both|either|neither|entre)\s+\(?[a-e1-9]\)?\s+(?:and|or|nor|y|o)\s+\(?[a-e1-9]\)?(?!\w)",
    re.I,
)


def _lettered(question: Question) -> str:
    """The first choice's letter when every choice starts with one of its own ('A) 42', '(b) 42', 'c. 42'),
    else '': letters that repeat are no labels ('2: the length and the size', '2: …', '3: …' answer how many)."""
    marks = [_LETTERED.match(TAG.sub("", c.html)) for c in question.choices]
    if len(marks) < 2 or not all(marks) or not marks[0]:
        return ""
    letters = [m.group(1).strip("().:").lower() for m in marks if m]
    return marks[0].group(1) if len(set(letters)) == len(letters) else ""


_LETTERED = re.compile(r"\s*(\(?[A-Za-z1-9][).:])\s")  # 'A) 42', '(b) 42', 'c. 42', '1) 42'


def mastery_of(unit: Unit, default: Fraction) -> Fraction:
    return unit.mastery if unit.mastery is not None else default
