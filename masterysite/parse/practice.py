"""Practice exercises that hold an answer (SPEC §2.1): checked on the spot in the browser by the quiz's
own judge (js/practice.js uses js/judge.js), and never counted towards mastery or progress.

A ``::: practice`` (``challenge``, ``exercise``) whose body has choices (``- [x]``) or answer lines
(``=``, ``==``, ``~ /…/``) is parsed by the question parser itself; its answer is replaced by a small
form and the question is kept on the unit (``Unit.practice``), hashed in the page like a quiz question.
A numbered list stays a list: in a lesson it is far more often steps than an ordering exercise.
"""

from __future__ import annotations

import html
import re

from markdown_it.token import Token

from masterysite.model import Question
from masterysite.parse.blanks import BLANK, has_blank
from masterysite.parse.blocks import BlockParser, formula_open, question_key, top_blocks
from masterysite.parse.lesson import close_of

_TASK = re.compile(r"\[[ xX]\]")
_ANSWER = re.compile(r"(==?|~)[ \t]*\S")
CHECKED_KINDS = ("single", "multiple", "text")


def _answer_lines(text: str) -> bool:
    """Whether a paragraph holds an answer line: not one inside a formula that goes on from the line before
    ('… and $\\delta' / '= 0.98$.': port hh 03), as blocks.unglue_answers reads it."""
    lines = text.split("\n")
    return any(_ANSWER.match(line.lstrip()) and not o for line, o in zip(lines, formula_open(lines), strict=True))


def _has_answer(blocks: list[list[Token]]) -> bool:
    for block in blocks:
        if block[0].type == "bullet_list_open":
            items = top_blocks(block[1:-1])
            if any(len(i) > 2 and i[2].type == "inline" and _TASK.match(i[2].content) for i in items):
                return True
        elif block[0].type == "paragraph_open" and len(block) == 3 and _answer_lines(block[1].content):
            return True
        elif any(c.type == "text" and BLANK.search(c.content) for t in block for c in t.children or ()):
            return True  # a blank in its words (not code: 'A[[1, 2]]'): not checked (said), never shown as text
        elif any(has_blank(t) for t in block):  # in its code ('SELECT [[name]] FROM Site;'; not code's own
            return True  # indexing): its answers had been shown as written, with no word (port ee 18)
    return False


def checked_practice(parser: BlockParser, tokens: list[Token]) -> list[Question]:
    """Give every practice block of the lesson that holds an answer its form (in place); their questions."""
    found: list[Question] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "container_block_open" and token.meta.get("kind") == "practice":
            end = close_of(tokens, index)
            question = _practice(parser, tokens, index, end, found)
            if question is not None:
                found.append(question)
        index += 1
    return found


def _practice(parser: BlockParser, tokens: list[Token], start: int, end: int, found: list[Question]) -> Question | None:
    blocks = top_blocks(tokens[start + 1 : end])
    own = [b for b in blocks if b[0].type != "container_block_open"]  # a nested solution stays as it is
    nested = [t for b in blocks if b[0].type == "container_block_open" for t in b]
    if not _has_answer(own):
        return None
    token = tokens[start]
    source = "\n".join(parser.lines[token.map[0] : token.map[1]]) if token.map else ""
    key = "p" + question_key("practice", source)[1:]
    if key in {q.key for q in found}:  # the same exercise twice: each its own form, ids and data
        key = "p" + question_key("practice", f"{source}\n{len(found)}")[1:]
    titled = bool(token.meta.get("title_tokens"))  # its title in the teacher's words may ask the question
    question = parser.parse_question([t for b in own for t in b], parser.line(token), "", key, titled)
    if question is None:
        return None
    if question.kind not in CHECKED_KINDS:
        message = "a practice exercise is checked with choices ('- [x]') or answer lines ('= answer')"
        if question.kind == "blanks":
            message += ", not blanks '[[…]]' (those are for '::: question' blocks): ask it with a line '= answer'"
        parser.report.error(parser.path, parser.line(token), message)
        return None
    form = Token("html_block", "", 0)
    form.content, form.block = question.prompt_html + render_form(question), True
    tokens[start + 1 : end] = [form, *nested]
    return question


def render_form(question: Question) -> str:
    """The answer controls, a Check button and a live result; labels filled in by render.fill_titles."""
    ident = f"ms-practice-{question.key}"
    parts = [f'<form class="ms-practice__form" id="{ident}" data-practice="{question.key}" novalidate>']
    if question.kind == "text":
        parts.append(
            f'<p class="ms-practice__text"><label for="{ident}-input"><!--ms-t:your_answer--></label> '
            f'<input type="text" id="{ident}-input" dir="auto" autocomplete="off" autocapitalize="off"'
            ' autocorrect="off" spellcheck="false"></p>'
        )
    else:
        kind = "radio" if question.kind == "single" else "checkbox"
        parts.append('<fieldset class="ms-practice__choices"><legend class="visually-hidden">')
        parts.append("<!--ms-t:practice_choices--></legend>")
        for choice in question.choices:
            cid = f"{ident}-{html.escape(choice.id)}"
            parts.append(
                f'<div class="choice"><input type="{kind}" id="{cid}" name="{ident}" value="{html.escape(choice.id)}">'
                f' <label for="{cid}">{choice.html}</label></div>'
            )
        parts.append("</fieldset>")
    for number, hint in enumerate(question.hints, 1):  # ('[[?]] text' lines: each folded, opened at will; port ee 19)
        parts.append(
            f'<details class="hint ms-practice__hint"><summary><!--ms-t:hint_label--> {number}</summary>'
            f'<div class="prose">{hint}</div></details>'
        )
    parts.append(
        '<p class="ms-practice__actions"><button type="submit" class="button"><!--ms-t:practice_check--></button>'
        ' <span class="ms-practice__note"><!--ms-t:practice_note--></span></p>'
        '<div class="ms-practice__result" data-practice-result aria-live="polite"></div></form>\n'
    )
    return "".join(parts)
