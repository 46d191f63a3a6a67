"""The ``:::`` blocks of a unit: questions (with their answers), correctives and enrichment."""

from __future__ import annotations

import decimal
import hashlib
import math
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from html import unescape
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from masterysite import judging
from masterysite.errors import Report
from masterysite.model import Answer, Block, Choice, Question, QuestionKind
from masterysite.parse.blanks import (
    BLANK,
    EMPTY,
    HINT,
    NESTED_LIST,
    Found,
    code_not_blank,
    cut_blanks,
    fill_blanks,
    has_blank,
    hint_lines,
)
from masterysite.parse.markdown import BLOCKS, block_name
from masterysite.parse.numbers import parse_number
from masterysite.suggest import unknown

_MARKER = re.compile(r"^\[( |x|X)\](?:\s+|$)")
_ANSWER_START = ("=", "~")  # '= lenient', '== exact', '~ /pattern/'
# PrairieLearn's answer placeholder ('{{params.x}}' is also Airflow's and Jinja's: a lesson may teach it)
_PLACEHOLDER = re.compile(r"\{\{[ \t]*(?:correct_answers|submitted_answers)\.[\w.-]+[ \t]*\}\}")
_CASE_FREE = re.compile(r"\b(?:SELECT|FROM|WHERE|INSERT|UPDATE|DELETE|CREATE|JOIN|GROUP BY|ORDER BY)\b|^O\(", re.I)
_GROUPED = re.compile(r"[-+−]?[0-9]{1,3}(?:\.[0-9]{3})+")  # '1.500': thousands where the decimal mark is a comma
# a number with one point and three digits after it, '1.013', '22.990 g/mol' (not '1.234.567' nor '1.234,5')
_DOTTED_THOUSANDS = re.compile(r"(?<![\d.,])(?!0\.)[0-9]{1,3}\.[0-9]{3}(?![\d.,])")  # (none starts with 0: jj port 1)
_ELEMENTS = frozenset(
    [
        "H",
        "He",
        "Li",
        "Be",
        "B",
        "C",
        "N",
        "O",
        "F",
        "Ne",
        "Na",
        "Mg",
        "Al",
        "Si",
        "P",
        "S",
        "Cl",
        "Ar",
        "K",
        "Ca",
        "Sc",
        "Ti",
        "V",
        "Cr",
        "Mn",
        "Fe",
        "Co",
        "Ni",
        "Cu",
        "Zn",
        "Ga",
        "Ge",
        "As",
        "Se",
        "Br",
        "Kr",
        "Rb",
        "Sr",
        "Y",
        "Zr",
        "Nb",
        "Mo",
        "Tc",
        "Ru",
        "Rh",
        "Pd",
        "Ag",
        "Cd",
        "In",
        "Sn",
        "Sb",
        "Te",
        "I",
        "Xe",
        "Cs",
        "Ba",
        "La",
        "Ce",
        "Pr",
        "Nd",
        "Pm",
        "Sm",
        "Eu",
        "Gd",
        "Tb",
        "Dy",
        "Ho",
        "Er",
        "Tm",
        "Yb",
        "Lu",
        "Hf",
        "Ta",
        "W",
        "Re",
        "Os",
        "Ir",
        "Pt",
        "Au",
        "Hg",
        "Tl",
        "Pb",
        "Bi",
        "Po",
        "At",
        "Rn",
        "Fr",
        "Ra",
        "Ac",
        "Th",
        "Pa",
        "U",
        "Np",
        "Pu",
        "Am",
        "Cm",
        "Bk",
        "Cf",
        "Es",
        "Fm",
        "Md",
        "No",
        "Lr",
        "Rf",
        "Db",
        "Sg",
        "Bh",
        "Hs",
        "Mt",
        "Ds",
        "Rg",
        "Cn",
        "Nh",
        "Fl",
        "Mc",
        "Lv",
        "Ts",
        "Og",
    ]
)
_FORMULA = re.compile(r"(?:[A-Z][a-z]?[0-9₀-₉]*)+")


def _formula_read_otherwise(written: str) -> str | None:
    """A chemical formula of two capitals or more, or with a digit, that ignoring case is another of fewer elements
    ('CO' cobalt's 'Co', 'HF' 'Hf', 'CS2' 'Cs2'): that other one; None for any other text ('No', 'OK', 'NaCl').
    Not the elements no lesson means ('NH3' is no nihonium's)."""
    if not _FORMULA.fullmatch(written) or (
        sum(c.isupper() for c in written) < 2 and not re.search(r"[0-9₀-₉]", written)
    ):
        return None
    if not all(symbol in _ELEMENTS for symbol in re.findall(r"[A-Z][a-z]?", written)):
        return None
    for run in re.finditer(r"[A-Za-z]+", written):
        symbols = re.findall(r"[A-Z][a-z]?", run[0])
        fewer = _fewer_elements(run[0].lower(), len(symbols) - 1)
        if fewer is not None:
            return written[: run.start()] + "".join(fewer) + written[run.end() :]
    return None


_NO_LESSONS_ELEMENT = frozenset(
    ["Rf", "Db", "Sg", "Bh", "Hs", "Mt", "Ds", "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og"]
)


def _fewer_elements(letters: str, most: int) -> list[str] | None:
    """``letters`` read as at most ``most`` element symbols, or None."""
    if not letters:
        return []
    if most <= 0:
        return None
    for size in (2, 1):
        symbol = letters[:size].capitalize()
        if len(letters) >= size and symbol in _ELEMENTS and symbol not in _NO_LESSONS_ELEMENT:
            rest = _fewer_elements(letters[size:], most - 1)
            if rest is not None:
                return [symbol, *rest]
    return None


# A symbol led by a Greek letter, whose case is its meaning ('σ' and 'Σ', 'δx' and 'Δx', 'ω₀'; not a word)
_GREEK_SYMBOL = re.compile(r"[\u0391-\u03a9\u03b1-\u03c9][\w₀-₉⁰-⁹²³¹'′^]{0,2}")
# A decimal written with a point ('12.3', '-0.5', '.5'), alone or before scientific notation's '× 10' or a unit
# ('3.0 × 10^8', '12.3 g', '8.31 J/(mol·K)')
_POINT_DECIMAL_LEAD = re.compile(r"([-+−]?\d*\.\d+)(?=$|\s*[×xX*·⋅]\s*10|\s*(?:[^\W\d_]|[°%µ]))")
# A code fence opened on a choice or answer line (not an inline code span closed on the same line).
_FENCE_OPEN = re.compile(r"^\s*(?:\[[ xX]\]\s*|==?|~)?\s*(`{3,}|~{3,})(?!.*(?:```|~~~))")
_STRAY = re.compile(r"^:{3,}\s*(\S*)")
TAG = re.compile(r"<[^>]*>")  # (a tag of HTML, to read a choice's words: choice_text)
_ANSWER_LINE = re.compile(r"^(?:==?|~)[ \t]*\S", re.M)  # a practice's answer line ('= FROM', '~ /…/')
_TICKED = re.compile(r"\[[xX]\]\s")  # a ticked choice, '- [x] …'

_WIDE_ANSWER = re.compile(r"^[ \u3000]*[＝～][^\n]*", re.M)
_LEADING_ZERO = re.compile(r"[+-]?0[0-9]+")  # '= 020', '= 007'
_TRAILING_ZERO = re.compile(r"[+-]?[0-9]*[.,][0-9]*[1-9]0+")  # '= 3.50', '= 0.050' (not '= 1.0', a whole number)
_SHORT_FENCE = re.compile(r"^ {0,3}::[ \t]*(question|corrective|enrichment)\b(.*)")  # '::question o'
_WIDE_FENCE = re.compile(r"^[ 　]{0,3}(?=[:：]*：)([:：]{2,})[ \t　]*([^\s　]*)(.*)")  # '：：： question a' (ii new 1)

_SPACED_BLANK = re.compile(r"\[\[(?!\?\]\])(\s+[^\[\]\s][^\[\]]*?|[^\[\]\s][^\[\]]*?\s+)\]\](?!\])")
_GLUED_MARKER = re.compile(r"\[[ xX]\](?=\S)")
_HALF_BLANK = re.compile(r"\[\[(?![\s?\[])[^\s\]|]{0,40}")  # '[[CHLORO' (the rest on the next line), '[[MICE|…'
# in code, not indexing ('lst[[1]]') nor a list of lists ('[[1], [2]]')
_HALF_CODE = re.compile(rf"(?<![\w\])])(?!{NESTED_LIST.pattern})" + _HALF_BLANK.pattern)


def _half_blanks(text: str, code: bool) -> Iterator[re.Match[str]]:
    """The '[[' of a text left once its blanks are cut that begin a blank not read as one; in code, not
    one that is code's own ('[[row[0]] for row in grid]': blanks.code_not_blank)."""
    for match in (_HALF_CODE if code else _HALF_BLANK).finditer(text):
        whole = BLANK.match(text, match.start()) if code else None
        if whole is None or not code_not_blank(text, whole):
            yield match


_UNSPACED_CHOICE = re.compile(r"^[ \t]*[-*+]\[[ xX]\]", re.M)  # '-[x] 4': a choice with no space after its '-'
# a question that asks for a percentage or degrees: 'percent', 'pourcentage', 'Prozent', '(in %)', 'in °C'; not
# a number's own '25%' or '3 °C' (the data: 'What is 25% of 80?')
# (nor a number's own 'percent': '95 percent confidence', 'ein 95-Prozent-Intervall': new teacher dd 4)
_ASKED = re.compile(
    r"((?<![0-9] )(?<![0-9]-)(?:\bper ?cent(?:age)?s?\b|\bpourcentages?\b|\bprozent(?:satz)?\b|\bporcentajes?\b)"
    r"|(?<![0-9])(?<![0-9] )%)"
    r"|(?<![0-9])(?<![0-9] )([°º] ?[CF])\b",
    re.I,
)
# "How many degrees…?", "in degrees Celsius", "¿Cuántos grados?", "Wie viel Grad?": an angle or a temperature;
# not the degree of a polynomial ("What degree is x³ + 1?", "Grad des Polynoms") nor degrees of freedom
_NEGATED = re.compile(r"\b(?:not|nicht|kein\w*|pas|no|sin|non)\b(?:\W+\w+){0,2}\W+$", re.I)  # 'not a …'
_DEGREES_ASKED = re.compile(
    r"\b(?:(?:degrees|grados|degrés)(?!\s+(?:of|de|d['’])\b)|(?:wie\s+viele?|in)\s+grad|(?:degree|grado|degré|grad)"
    r"(?=\s+(?:celsius|centigrade|fahrenheit)))\b(?:\s+(celsius|centigrade|fahrenheit))?",
    re.I,
)
_CODE_HTML = re.compile(r"<code\b[^>]*>.*?</code>", re.S)
# a question that asks for a unit or a currency by name: 'in kilograms', 'to kg', 'en euros', 'in dollars'
# (new teacher z 1: '2.5 kg' and '1,5 €' were marked wrong, with no word)
_UNIT_WORDS = {
    "kg": "kilograms? kilogrammes? kilogramos? kilogramm kg",
    "g": "grams? grammes? gramos? gramm g",
    "mg": "milligrams? milligrammes? miligramos? mg",
    "km": "kilomet(?:er|re)s? kilomètres? kilómetros? km",
    "m": "met(?:er|re)s? mètres? metros? m",
    "cm": "centimet(?:er|re)s? centimètres? centímetros? cm",
    "mm": "millimet(?:er|re)s? millimètres? milímetros? mm",
    "L": "lit(?:er|re)s? litros? l",
    "mL": "millilit(?:er|re)s? mililitros? ml",
    "s": "seconds? secondes? segundos? sekunden",
    "K": "kelvins?",
    "J": "joules? julios?",
    "N": "newtons?",
    "W": "watts? vatios?",
    "V": "volts? voltios?",
    "mol": "moles? mol",
    "$": "dollars? dólares? \\$",
    "€": "euros? €",
    "£": "pounds? sterling £",
}
_UNIT_OF = {word: unit for unit, words in _UNIT_WORDS.items() for word in words.split()}
_UNIT_ASKED = re.compile(r"\b(?:in|into|to|en|in der einheit)\s+\(?(" + "|".join(_UNIT_OF) + r")(?![\w/^²³])", re.I)
# a question that asks for a number in another base, or in scientific notation: '= 1010' read as 1010 by value
_BASE_ASKED = re.compile(  # (English, French, German, Spanish: round x 3)
    r"\b(?:(binary|binaire|binär|binario|dual(?:zahl|system)?|base[ -]?2|base (?:two|deux|dos)|basis 2)"
    r"|(hexadecimal|hexadécimal|hexadezimal|hex|base[ -]?16|base (?:sixteen|seize|dieciséis)|basis 16)"
    r"|(octal|oktal|base[ -]?8|base (?:eight|huit|ocho)|basis 8))\b",
    re.I,
)
_DECIMAL_ASKED = re.compile(r"\b(?:decimal|décimal|dezimal|denary|base[ -]?10|base (?:ten|dix|diez)|basis 10)\b", re.I)
_BASE_DIGITS = {
    1: re.compile(r"[01]{2,}"),
    2: re.compile(r"[0-9A-Fa-f]*[A-Fa-f][0-9A-Fa-f]*"),
    3: re.compile(r"[0-7]{2,}"),
}
_SCIENCE_ASKED = re.compile(
    r"\b(?:scientific notation|standard form|e-notation|engineering notation|notation scientifique"
    r"|wissenschaftliche[nr]? (?:Schreibweise|Notation)|notación científica)\b",
    re.I,
)
_POWERED = re.compile(r"[0-9][eE][+\-]?[0-9]|10 ?(?:\^|\*\*)|10[⁻⁰¹²³⁴-⁹]")
# A backslash before ASCII punctuation, as CommonMark reads it in prose: the mark itself (ii judge 7, ii port 1)
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_OPERATOR_ONLY = re.compile(r"^\s*(?:==?|~)?\s*")  # what is left of an alternative with no answer: nothing
_INDENTED_ANSWER = re.compile(r"(?:[-*+] \[[ xX]\]|==?\s|~\s*/)")  # what an indented code block holds


def _base_asked(prompt: str) -> re.Match[str] | None:
    """The base a question's text asks for a number in (binary, hexadecimal, octal), unless decimal too."""
    base = _BASE_ASKED.search(prompt)
    return base if base is not None and _DECIMAL_ASKED.search(prompt) is None else None


def _text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def _plain(number: Fraction) -> str:
    """A number written out in full, with no power of ten: 0.00042, 6020000."""
    with decimal.localcontext() as context:
        context.prec = 60
        text = format(decimal.Decimal(number.numerator) / decimal.Decimal(number.denominator), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _no_decimal(number: Fraction) -> bool:
    """Whether a number has no exact decimal (1/3, 1/6): its denominator has a factor other than 2 and 5."""
    denominator = number.denominator
    for factor in (2, 5):
        while denominator % factor == 0:
            denominator //= factor
    return denominator != 1


# a question that asks for a fraction: '= 1/3' means one ('Simplify 2/6', 'in lowest terms')
_FRACTION_ASKED = re.compile(
    r"\b(?:fractions?|fracci[oó]n|fracciones|br[uü]che?|frazion[ei]|breuk|fra[cç][aã]o|fra[cç][oõ]es|simplif\w*"
    r"|lowest terms|simplest form)\b",
    re.I,
)


_RANGE_AS_TEXT = re.compile(r"\[\s*([-+]?[\d.]+)\s*,\s*([-+]?[\d.]+)\s*\]|([-+]?[\d.]+)\.\.([-+]?[\d.]+)")
_TIME_OF_DAY = re.compile(r"(?:[1-9]|[01]\d|2[0-3])\.[0-5]\d")  # '15.30', '9.45' (not '0.50')


def choice_text(html_text: str) -> str:
    """A choice's words as a student reads them: no tags, entities as characters, one space between words."""
    return " ".join(unescape(TAG.sub("", html_text)).split())


def question_key(objective: str, source: str) -> str:
    """Stable across rebuilds as long as the question itself is unchanged."""
    return "q" + hashlib.sha256(f"{objective}\n{source}".encode()).hexdigest()[:10]


def top_blocks(tokens: list[Token]) -> list[list[Token]]:
    """Group a balanced token run into its top-level blocks."""
    blocks: list[list[Token]] = []
    index = 0
    while index < len(tokens):
        end, depth = index + 1, int(tokens[index].nesting)
        while depth > 0 and end < len(tokens):
            depth += tokens[end].nesting
            end += 1
        blocks.append(tokens[index:end])
        index = end
    return blocks


def inline_text(tokens: list[Token]) -> str:
    """The plain text of inline tokens: what a title shows without its Markdown marks."""
    parts = []
    for token in tokens:
        if token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.type in ("text", "code_inline", "math_inline", "math_single", "myst_role"):
            parts.append(token.content)
        elif token.children:
            parts.append(inline_text(token.children))
    return " ".join("".join(parts).split())


def plain_text(md: MarkdownIt, source: str, env: dict[str, Any]) -> str:
    """``The *big* idea`` -> ``The big idea`` (titles are shown as plain text)."""
    if not source:
        return ""
    tokens = md.parseInline(source, env)
    return inline_text(tokens[0].children or []) if tokens else source


DOLLAR = re.compile(r"(?<![\\$])\$(?!\$)")  # a formula's dollar: not escaped ('\$5'), not one of '$$'


def formula_open(lines: list[str]) -> list[bool]:
    """For each line, whether a formula ('$…$') opened on the lines before it goes on into it: there a line
    that starts with '=' is the formula's ('… and $\\delta' / '= 0.98$.'), not an answer (port hh 03)."""
    out, odd = [], False
    for line in lines:
        out.append(odd)
        odd ^= len(DOLLAR.findall(line)) % 2 == 1
    return out


def unglue_answers(md: MarkdownIt, blocks: list[list[Token]], env: dict[str, Any]) -> list[list[Token]]:
    """``3/4 = ?/12`` then ``= 9`` on the very next line is one paragraph to Markdown; a teacher
    means a prompt and an answer, so split the trailing ``=`` lines off the last paragraph."""
    for index in range(len(blocks) - 1, -1, -1):
        block = blocks[index]
        if len(block) != 3 or block[0].type != "paragraph_open":
            continue
        lines = block[1].content.split("\n")
        cut = len(lines)
        while cut > 0 and lines[cut - 1].lstrip().startswith(_ANSWER_START):
            cut -= 1
        if cut == 0 or cut == len(lines):
            return blocks
        if formula_open(lines)[cut]:  # (port hh 03: an open exercise had got an answer box taking '0.98$.')
            return blocks
        prompt, answer = _split_paragraph(md, block, lines, cut, env)
        return [*blocks[:index], prompt, answer, *blocks[index + 1 :]]
    return blocks


def _split_paragraph(
    md: MarkdownIt, block: list[Token], lines: list[str], cut: int, env: dict[str, Any]
) -> tuple[list[Token], list[Token]]:
    start = block[0].map[0] if block[0].map else 0
    head = block[1].copy()  # the parsed children are kept: links were checked, comments dropped
    head.content, head.children = "\n".join(lines[:cut]), _first_lines(block[1].children or [], cut)
    head.map = [start, start + cut]
    tail = block[1].copy()
    tail.content, tail.children = "\n".join(lines[cut:]), []
    tail.map = [start + cut, start + len(lines)]
    opening = block[0].copy()
    opening.map = tail.map
    first = block[0].copy()
    first.map = head.map
    return [first, head, block[2]], [opening, tail, block[2].copy()]


def _first_lines(children: list[Token], count: int) -> list[Token]:
    """The inline tokens of the first ``count`` lines (lines end at soft or hard breaks)."""
    breaks = 0
    for index, token in enumerate(children):
        if token.type in ("softbreak", "hardbreak"):
            breaks += 1
            if breaks == count:
                return children[:index]
    return children


def _decimal(value: Fraction) -> str:
    """A number as a teacher writes it: '0.05', '10'; '1/3' where no decimal ends."""
    denominator = value.denominator
    for factor in (2, 5):
        while denominator % factor == 0:
            denominator //= factor
    if denominator != 1:
        return f"{value.numerator}/{value.denominator}"
    return format(Decimal(value.numerator) / Decimal(value.denominator), "f")


def _is_blockquote(block: list[Token]) -> bool:
    return block[0].type == "blockquote_open"


_ORDINAL = re.compile(r"[0-9]+(?:st|nd|rd|th)(?![^\W\d_])", re.I)


# A number's words for its size, read as a unit ('= 2.5 million'): what the number is in full
_MULTIPLIERS = {
    **dict.fromkeys(["thousand", "thousands", "mille", "tausend"], 1000),  # (not 'mil': a thousandth of an inch too)
    **dict.fromkeys(["million", "millions", "millón", "millones", "milhão", "milhões", "mio", "mio."], 10**6),
    **dict.fromkeys(["billion", "billions", "milliard", "milliards", "mrd", "mrd.", "bilhão", "bilhões"], 10**9),
}

_BAR_POINT = re.compile(r"\([^()|]+\|[^()|]+\)")  # '(1|0)', 'S(-2 | 4)': a point's coordinates
_GIFT_ALTERNATIVE = re.compile(r"[^\W\d]\s+=(?![=\s])[^\W\d]{2}")  # 'no one =nobody': GIFT's alternatives (port z 5)


def _respaced(answer: Answer) -> str:
    """A quantity as a student may write it otherwise: '9px' as '9 PX', '$45' as '45 $'."""
    quantity = judging.parse_quantity(answer.source)
    assert quantity is not None  # (a quantity answer)
    sign, number, unit = quantity
    return f"{number} {unit.upper()}" if unit else f"{number} {sign}"


def _answer_lines(block: list[Token]) -> list[str] | None:
    """The answer lines (``= a``, ``== a``, ``~ /a/``) of a paragraph made only of such lines, else None."""
    if len(block) != 3 or block[0].type != "paragraph_open":
        return None
    lines = block[1].content.split("\n")
    if all(line.lstrip().startswith(_ANSWER_START) for line in lines):
        return [line.strip() for line in lines]
    return None


def _glued_answer(tokens: list[Token]) -> bool:
    """An '= answer' line stuck to the prompt paragraph (Markdown joins them into one paragraph); not one
    inside a formula that goes on from the line before ('$a' / '== b$': port hh 03)."""
    for token in tokens:
        lines = token.content.split("\n") if token.type == "inline" else []
        opened = formula_open(lines)
        if any(lines[i].lstrip().startswith(_ANSWER_START) and not opened[i] for i in range(1, len(lines))):
            return True
    return False


def _item_marker(item: list[Token]) -> str | None:
    """' ', 'x' or 'X' when a list item starts with a task marker, else None."""
    if len(item) > 2 and item[1].type == "paragraph_open" and item[2].type == "inline":
        match = _MARKER.match(item[2].content)
        return match.group(1) if match else None
    return None


def task_boxes(tokens: list[Token]) -> list[Token]:
    """A list item that still starts with a task marker when it is rendered (a checklist: the choices
    of a question have lost theirs) shows a box, ticked or not, that a student cannot change, as
    GitHub and MkDocs show ``- [x] Install Python``. The tokens are copied where they change."""
    if not any(t.type == "list_item_open" for t in tokens):
        return tokens
    out = list(tokens)
    for index, token in enumerate(tokens):
        if token.type != "list_item_open" or _item_marker(tokens[index : index + 3]) is None:
            continue
        inline = tokens[index + 2]
        children = inline.children or []
        match = _MARKER.match(children[0].content) if children and children[0].type == "text" else None
        if match is None:  # the marker is split over tokens ('[x]' then more): left as text
            continue
        item = token.copy()
        given = str(token.attrs.get("class", ""))  # ('- {.x}' is not read as attributes: empty today)
        item.attrs = {**token.attrs, "class": f"{given} task-list-item".lstrip()}
        box = Token("ms_task", "label", 1)
        box.meta = {"ticked": match.group(1) != " "}
        rest = children[0].copy()
        rest.content = rest.content[match.end() :]
        inline = inline.copy()
        inline.children = [box, rest, *children[1:], Token("ms_task", "label", -1)]
        out[index], out[index + 2] = item, inline
    return out


def _render_task(_self: Any, tokens: list[Token], idx: int, _options: Any, _env: Any) -> str:
    token = tokens[idx]
    if token.nesting == -1:
        return "</label>"
    ticked = " checked" if token.meta.get("ticked") else ""
    return f'<label><input type="checkbox" disabled{ticked}> '


def task_box_renderer(md: MarkdownIt) -> None:
    md.add_render_rule("ms_task", _render_task)


def _list_items(block: list[Token]) -> list[list[Token]]:
    return top_blocks(block[1:-1])


_DETAILS = re.compile(r"<details[\s>]", re.I)


_ALERT_MARK = re.compile(r"\[!([A-Za-z]+)\][+-]?(?:[ \t]|$)", re.M)
_ALERT_ADVICE = (
    ": in a question a quote is shown as written ('[!NOTE]' and all), with the prompt before the answer and"
    " as the explanation after it; put the box in the lesson before the question"
)


def _alert_of(tokens: list[Token], at: int) -> str | None:
    """The type of a GitHub alert (``> [!TIP]``) that the quote opening at ``at`` is, else None."""
    if tokens[at].nesting != 1 or at + 2 >= len(tokens) or tokens[at + 2].type != "inline":
        return None
    match = _ALERT_MARK.match(tokens[at + 2].content)
    return match[1] if match else None


def _holds_details(token: Token) -> bool:
    """An HTML '<details>' (not one in code): Docusaurus' and GitHub's way to hide an answer."""
    if token.type == "html_block":
        return _DETAILS.search(token.content) is not None
    return token.type == "inline" and any(
        c.type == "html_inline" and _DETAILS.search(c.content) for c in token.children or ()
    )


def _selection(inside: str) -> list[tuple[str, bool]] | None:
    """LiaScript's selection '[[ int | (double) | char ]]' (edX's dropdown '[[int, (double), char]]'): its options,
    each with whether it is the right one (in brackets); None for a blank. Not '[[(a+b)|a+b]]', one answer twice."""
    for sep in ("|", ","):
        options = [o.strip() for o in inside.split(sep)]
        right = [o.startswith("(") and o.endswith(")") for o in options]
        if len(options) < 2 or not any(right) or all(right) or not all(options):
            continue
        plain = {o for o, r in zip(options, right, strict=True) if not r}
        if not any(o[1:-1].strip() in plain for o, r in zip(options, right, strict=True) if r):
            return [(o[1:-1].strip() if r else o, r) for o, r in zip(options, right, strict=True)]
    return None


def _selection_message(written: str, options: list[tuple[str, bool]]) -> str:
    choices = " ".join(f"'- [{'x' if right else ' '}] {option}'" for option, right in options)
    return (
        f"'{written}' is LiaScript's selection (the right option in brackets); as a blank every option would be"
        f" right: write it as a question with choices, one a line: {choices}"
    )


_SCRIPT_TAG = re.compile(r"<script\b", re.I)


def _holds_script(token: Token) -> bool:
    """An HTML '<script>' (not one in code)."""
    if token.type == "html_block":
        return _SCRIPT_TAG.search(token.content) is not None
    return (
        token.type == "inline"
        and not token.content.lstrip().startswith(("=", "~"))  # (an answer that is a tag: '= </script>')
        and any(c.type == "html_inline" and _SCRIPT_TAG.match(c.content) for c in token.children or ())
    )


_ANSWER_ADVICE = (
    ": its content is in the page before the student answers; write the answer as the question's answer"
    " ('- [x]' choices or an '= answer' line) and what explains it as a '> quote' after the answer"
)
_HINT_ADVICE = ": write a hint as a line '[[?]] text' in the question (students reveal hints one at a time)"
_IN_QUESTION = {  # a box in a question (MkDocs' '??? success', a Docusaurus <details>): what to write instead
    **dict.fromkeys(("details", "answer", "solution", "success", "collapsed", "dropdown", "toggle"), _ANSWER_ADVICE),
    **dict.fromkeys(("tip", "hint"), _HINT_ADVICE),
    "": ": a question holds its prompt, its answer and a '> quote' explaining it; put the box in the lesson"
    " before the question, or write a hint as a line '[[?]] text'",
}


class BlockParser:
    """Pulls the ``:::`` blocks out of a unit's tokens; what is left is the lesson."""

    def __init__(
        self,
        md: MarkdownIt,
        env: dict[str, Any],
        path: str,
        offset: int,
        objectives: list[str] | None,
        report: Report,
    ) -> None:
        """``objectives`` is None when the front matter could not be read: then blocks are not checked against it,
        so one YAML mistake gives one error, not one per question."""
        self.md, self.env, self.path, self.offset = md, env, path, offset
        self.said: set[int] = set()  # lines of the unit where an error is already said (another tool's quiz)
        self.checked = objectives is not None
        self.objectives, self.report = objectives or [], report
        self.questions: list[Question] = []
        self.correctives: list[Block] = []
        self.enrichment: list[Block] = []
        self.lines: list[str] = []
        self.unclosed = False
        self.wide_fence_said = False  # a block opened with full-width colons: said at its opening line, once
        self.fence_on_choice = False  # this question's choice line opened a code fence (parse_question)
        self.comma = False  # the course's decimal mark is a comma (UnitSource.comma): how its numbers are read
        self.base_asked = False  # the question being read asks for binary, hexadecimal or octal

    def line(self, token: Token) -> int:
        return token.map[0] + self.offset + 1 if token.map else self.offset + 1

    def render(self, tokens: list[Token]) -> str:
        return str(self.md.renderer.render(task_boxes(tokens), self.md.options, self.env))

    def split(self, tokens: list[Token], body: str) -> list[Token]:
        """Handle every block; return the lesson tokens (everything outside blocks)."""
        self.lines = body.split("\n")
        lesson: list[Token] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.type == "container_block_open" and block_name(token) in BLOCKS:
                end = self._close_of(tokens, index)
                self._block(token, tokens[index + 1 : end])
                index = end + 1
                continue
            if token.type == "inline":
                self._stray_fence(token)
                if ":" in token.content:
                    self._short_fence(token)
                if "：" in token.content:
                    self._full_width_fence(token)
            elif token.type == "code_block" and ":::" in token.content:
                self._indented_fence(token)
            lesson.append(token)
            index += 1
        return lesson

    @staticmethod
    def _close_of(tokens: list[Token], start: int) -> int:
        close = tokens[start].type[: -len("_open")] + "_close"
        for index in range(start + 1, len(tokens)):
            if tokens[index].type == close and tokens[index].level == tokens[start].level:
                return index
        return len(tokens) - 1

    def _stray_fence(self, token: Token) -> None:
        match = _STRAY.match(token.content)
        if not match:
            return
        name = match.group(1)
        if not name:
            self.report.error(self.path, self.line(token), "':::' closes no open block (one ':::' too many?)")
        elif name not in BLOCKS:
            self.report.error(self.path, self.line(token), unknown("block", name, BLOCKS))
        else:
            self.report.error(self.path, self.line(token), f"'::: {name}' must start a line outside lists and quotes")

    def _short_fence(self, token: Token) -> None:
        """'::question o' or ':: question o' (two colons): a paragraph, its prompt and answer lines shown in the
        lesson, with no word (new teacher ee 6). An error at the line."""
        for at, text in enumerate(token.content.split("\n")):
            short = _SHORT_FENCE.match(text)
            if short is not None:
                message = (
                    f"'{text.strip()}' opens no block: a block opens with three colons, '::: {short[1]}{short[2]}'"
                    " (as written, its text and answer lines are shown in the lesson)"
                )
                self.report.error(self.path, self.line(token) + at, message)

    def _full_width_fence(self, token: Token) -> None:
        """'：：： question a', as a Japanese or Chinese input method types the colons: a paragraph, its answer lines
        shown in the lesson, with no word (ii new 1). An error at the line that opens it (or else the first)."""
        lines = token.content.split("\n")
        fences = [(at, found) for at, text in enumerate(lines) if (found := _WIDE_FENCE.match(text))]
        named = [(at, found) for at, found in fences if found[2]] or ([] if self.wide_fence_said else fences[:1])
        self.wide_fence_said = self.wide_fence_said or bool(named)
        for at, found in named:
            written = f"::: {found[2]}{found[3]}".rstrip()
            message = (
                f"'{found[0].strip()}' is written with full-width colons '：' (an input method's): a block opens and"
                f" closes with three ASCII colons, '{written}' (as written, its text and answer lines are shown in the"
                " lesson)"
            )
            self.report.error(self.path, self.line(token) + at, message)

    def _indented_fence(self, token: Token) -> None:
        """'    ::: question o' (4 spaces or a tab): an indented code block, the question and its answer lines shown
        as code (new teacher ee 6). An error at the line; a ``` fence shows the syntax on purpose."""
        for at, text in enumerate(token.content.split("\n")):
            opened = _STRAY.match(text.strip())
            if opened is not None and opened[1] in BLOCKS:
                message = (
                    f"'::: {opened[1]}' is indented (4 spaces or a tab), which Markdown shows as code, its answer"
                    " lines for everyone: start it at the beginning of the line (to show the syntax as code, put it"
                    " in a ``` fence)"
                )
                self.report.error(self.path, self.line(token) + at, message)

    def _answered_practice(self, name: str, inner: list[Token]) -> None:
        """A practice exercise with an answer (a Carpentries challenge and its '= FROM') in a corrective or the
        enrichment: it is checked in the lesson only, and there its answer line was printed under it, its hint
        marker and explanation too (port ee 20). An error at the exercise."""
        for at, nested in enumerate(inner):
            if nested.type != "container_block_open" or nested.meta.get("kind") != "practice":
                continue
            depth, end = 0, at
            for end in range(at, len(inner)):
                depth += inner[end].nesting if inner[end].type.startswith("container") else 0
                if depth == 0:
                    break
            body = inner[at + 1 : end]
            answered = any(
                t.type == "inline" and (_ANSWER_LINE.match(t.content) or _TICKED.match(t.content)) for t in body
            )
            if answered:
                where = "a corrective" if name == "corrective" else "the enrichment"
                message = (
                    f"a practice exercise with an answer is checked in the lesson, not in {where}: there its answer"
                    " would be printed under it; move it to the lesson, or write it without its answer"
                )
                self.report.error(self.path, self.line(nested), message)

    def _block(self, token: Token, inner: list[Token]) -> None:
        name = block_name(token)
        line = self.line(token)
        if not token.meta.get("closed", True):
            message = f"'{token.markup} {name}' block is never closed: add a line '{token.markup}' after it"
            if "next" in token.meta:  # another quiz block starts inside it
                message = (
                    f"'{token.markup} {name}' block is never closed: add a line '{token.markup}' after it,"
                    f" before line {token.meta['next'] + self.offset + 1} where the next block starts"
                )
            self.report.error(self.path, line, message)
            self.unclosed = True
            return  # what it swallowed would only give confusing follow-on errors
        if token.level > 0:
            self.report.error(self.path, line, f"'::: {name}' cannot be inside a list, a quote or another block")
            return
        words = token.info.split(None, 2)
        if name != "question":
            self._answered_practice(name, inner)
        if name == "question":
            self._question(words, inner, token)
        elif name == "corrective":
            self._corrective(words, inner, line)
        else:
            title = plain_text(self.md, " ".join(words[1:]).strip(), self.env)
            anchor = f"enrichment-{len(self.enrichment) + 1}"
            self.enrichment.append(Block("enrichment", title, self.render(inner), line, None, anchor))
        quotes = 0  # (a collapsed <details> in a quote is a choice's feedback or the explanation: sealed)
        answered = False  # (from the choices or the answer lines on, a quote is feedback or the explanation)
        for at, nested in enumerate(inner):
            if nested.type in ("bullet_list_open", "ordered_list_open") or (
                nested.type == "inline" and nested.content.startswith(("=", "~"))
            ):
                answered = True
            if nested.type == "container_block_open" and (name == "question" or block_name(nested) in BLOCKS):
                written = nested.meta.get("written") or block_name(nested)  # '??? note', not 'details'
                advice = _IN_QUESTION.get(block_name(nested), _IN_QUESTION[""]) if name == "question" else ""
                self.report.error(self.path, self.line(nested), f"'{written}' cannot be inside '{name}'{advice}")
            elif nested.type == "blockquote_open" or nested.type == "blockquote_close":
                if name == "question" and not quotes and not answered and (alert := _alert_of(inner, at)) is not None:
                    advice = _IN_QUESTION["tip"] if alert.lower() in ("tip", "hint") else _ALERT_ADVICE
                    self.report.error(
                        self.path, self.line(nested), f"'> [!{alert}]' cannot be inside 'question'{advice}"
                    )
                quotes += nested.nesting
            elif name == "question" and not answered and _holds_details(nested):  # (a quote in the prompt too)
                self.report.error(
                    self.path, self.line(nested), "'<details>' cannot be inside 'question'" + _ANSWER_ADVICE
                )

    def _objective(self, words: list[str], line: int, what: str) -> str | None:
        if not self.checked:
            return words[1] if len(words) > 1 else None
        if len(words) < 2:
            if len(self.objectives) == 1 and what == "question":
                return self.objectives[0]
            self.report.error(self.path, line, f"{what} needs an objective: '::: {what} OBJECTIVE' ({self._listing()})")
            return None
        objective = words[1]
        if objective not in self.objectives:
            message = unknown("objective", objective, self.objectives)
            if not self.objectives:
                message += " (this unit has no 'objectives:' in its front matter)"
            self.report.error(self.path, line, f"{what} refers to {message}")
        return objective

    def _listing(self) -> str:
        return "objectives: " + (", ".join(self.objectives) or "none defined")

    def _corrective(self, words: list[str], inner: list[Token], line: int) -> None:
        objective = self._objective(words, line, "corrective")
        if objective is None:
            return
        title = plain_text(self.md, words[2].strip(), self.env) if len(words) > 2 else ""
        count = sum(1 for b in self.correctives if b.objective == objective) + 1
        anchor = f"corrective-{objective}-{count}"
        self.correctives.append(Block("corrective", title, self.render(inner), line, objective, anchor))

    def _question(self, words: list[str], inner: list[Token], token: Token) -> None:
        line = self.line(token)
        objective = self._objective(words, line, "question") or ""
        if len(words) > 2:  # '::: question ley ajustar': one objective a question
            message = (
                f"'::: question {words[1]}' tests one objective: '{words[2]}' after it is not read"
                " (write a question for each objective)"
            )
            self.report.error(self.path, line, message)
        source = "\n".join(self.lines[token.map[0] : token.map[1]]) if token.map else token.info
        question = self.parse_question(inner, line, objective, question_key(objective, source))
        if question is not None:
            self.questions.append(question)

    def parse_question(
        self, inner: list[Token], line: int, objective: str, key: str, titled: bool = False
    ) -> Question | None:
        """A block body (its tokens, between the fences) -> the question it asks, or None.

        Reusable by any block that holds "an answer as a question does" (a practice exercise):
        the body is a prompt, then choices ('- [x]'), answer lines ('= a', '== a', '~ /a/'), or a
        numbered list (ordering); or a prompt with blanks '[[a]]'; then an optional
        '> explanation'. Hint paragraphs '[[?]] text' may stand anywhere. ``line`` is the block's
        line (for errors), ``key`` a stable id (see question_key). Problems go to the report;
        None when the body has no answer at all (already reported). ``titled``: the block's own title
        asks the question (a practice '## Q8. Which matches?'), so the body may start with the answer."""
        self.fence_on_choice = False
        top = inner[0].level if inner else 0
        rules = [t for t in inner if t.type == "hr" and t.markup[:1] == "*" and t.level == top]
        if len(rules) >= 2:  # LiaScript's solution, between two lines of '****' (port aa 1): in the prompt
            message = (
                "the text between two lines of '***' is LiaScript's solution, which here is part of the question's"
                " text, in the page before the student answers: write it as a '> explanation' line after the"
                " answer (shown once the question is checked), and remove the '***' lines"
            )
            self.report.error(self.path, self.line(rules[0]), message)
            return None
        script = next((t for t in inner if _holds_script(t)), None)
        if script is not None:  # LiaScript's check of a text quiz (jj port 0d): its answers in the page source
            message = (
                "a '<script>' in a question is in the page before the student answers, with what it holds (LiaScript"
                " checks a blank's answers in one): remove it, and write each right answer in the blank or as an"
                " answer line ('[[x++;|++x;]]', '= …')"
            )
            self.report.error(self.path, self.line(script), message)
            return None
        blocks, hints = self._hints(top_blocks(inner))
        if self._blank_mistakes([t for b in blocks for t in b]):
            return None
        found = self._find_answer(blocks)
        if found is None:
            blocks = unglue_answers(self.md, blocks, self.env)
            found = self._find_answer(blocks)
        if found is None:
            return self._no_answer_lines(inner, blocks, line, objective, key, hints)
        start, end = found
        if self._unindented_feedback(blocks, start):
            return None
        self._glued_explanation(blocks, start)
        prompt = [t for block in blocks[:start] for t in block]
        if not prompt and not titled:
            self.report.error(self.path, line, "question has no text before its answer")
        glued = next((t for t in prompt if _glued_answer([t])), None)
        if glued is not None:  # 'What is it?' then '= x' on the next line, another answer further down
            message = (
                "an answer line ('= …') right below the question's text is part of that text, shown to students:"
                " put an empty line before it, with the other answer lines"
            )
            self.report.error(self.path, self.line(glued), message)
        if any(has_blank(t) for t in prompt):
            message = "a question with blanks '[[…]]' is answered in them: remove its choices or answer lines"
            self.report.error(self.path, self.line(blocks[start][0]), message)
        answer_blocks = blocks[start:end]
        if answer_blocks[0][0].type.endswith("list_open"):  # a code fence on a choice line: said there, once
            items = _list_items(answer_blocks[0])
            self.fence_on_choice = any(_item_marker(i) is not None and _FENCE_OPEN.match(i[2].content) for i in items)
        explanation = self._explanation(blocks[end:])
        html = self.render(prompt)
        if answer_blocks[0][0].type.endswith("list_open"):
            kind, choices = self._choices(answer_blocks[0], line)
            return Question(key, objective, kind, html, tuple(choices), (), explanation, line, hints=hints)
        self.base_asked = (
            _base_asked(_text_of(html)) is not None
        )  # ('= 1F' in hexadecimal is no number with a unit: units_alone)
        answers = tuple(self._answers(answer_blocks))
        self.base_asked = False
        self.unit_asked(answers, html)
        self.form_asked(answers, html)
        self.no_exact_decimal(answers, html)
        self.range_as_text(answers)
        self.zeros_by_value(answers)
        return Question(key, objective, "text", html, (), answers, explanation, line, hints=hints)

    def zeros_by_value(self, answers: Sequence[Answer]) -> None:
        """'= 020' (a code, a postcode) and '= 3.50' (significant figures) are numbers by value: '20' and '3.5' are
        right too, with no word (ii judge 6, 8). Said once a question, unless another answer keeps the zeros."""
        kept = {a.source.strip() for a in answers if a.kind == "exact"}
        for answer in answers:
            written = answer.source.strip()
            zero = _LEADING_ZERO.fullmatch(written) or _TRAILING_ZERO.fullmatch(written)
            if answer.kind != "number" or answer.number is None or zero is None or written in kept:
                continue
            what = "a code or a postcode" if _LEADING_ZERO.fullmatch(written) else "significant figures"
            message = (
                f"'= {written}' is read as the number {_plain(answer.number)}, so '{_plain(answer.number)}' is"
                f" right too; if its zeros matter ({what}), write '== {written}' (exact), or 'ignore:"
                " [number-form]' in the front matter silences this"
            )
            self.report.warn(self.path, answer.line, message, "number-form")
            return

    def no_exact_decimal(self, answers: Sequence[Answer], prompt_html: str) -> None:
        """'= 1/3' for a probability: no decimal a student types ('0.33', '0.333') is right, with no word (new
        teacher dd 5). Said once, with the decimals to add, where no other answer takes a decimal and the
        question does not ask for a fraction (a lesson on fractions means one)."""
        if any(a.kind == "range" for a in answers):
            return
        numbers = [a.number for a in answers if a.kind == "number" and a.number is not None]
        first = next((a for a in answers if a.kind == "number" and a.number and _no_decimal(a.number)), None)
        if first is None or first.number is None or any(not _no_decimal(n) for n in numbers):
            return
        if _FRACTION_ASKED.search(_text_of(prompt_html)):
            return
        places = max(2, 1 - math.floor(math.log10(abs(first.number))))
        shorter, longer = (_plain(round(first.number, n)) for n in (places, places + 1))
        half = _plain(Fraction(1, 2 * 10**places))
        written = first.source.strip()
        message = (
            f"'= {written}' has no exact decimal: a student who writes '{shorter}' or '{longer}' is marked wrong;"
            f" to accept them, add '= {shorter}' and '= {longer}' (or write '= {written} ± {half}', a range, which"
            " the page carries as data); if a fraction is meant, 'ignore: [number-form]' in the front matter"
            " silences this"
        )
        self.report.warn(self.path, first.line, message, "number-form")

    def range_as_text(self, answers: Sequence[Answer]) -> None:
        """'= [1.2598, 1.2600]' (text2qti's, Canvas' range) or '= 1.2598..1.2600' is text: no number in
        between is right, and only that text is (port aa 3). Said with the range to write."""
        for answer in answers:
            found = _RANGE_AS_TEXT.fullmatch(answer.source.strip()) if answer.kind == "text" else None
            if found is None:
                continue
            ends = (found[1] or found[3], found[2] or found[4])
            low, high = parse_number(ends[0]), parse_number(ends[1])
            if low is None or high is None or low >= high or (found[1] and "." not in found[0]):
                continue  # ('= [1, 2]': a list of a lesson on Python, more likely than a range of whole numbers)
            middle, half = (low + high) / 2, (high - low) / 2
            message = (
                f"'= {answer.source.strip()}' is compared as text, so no number between is right: for the numbers"
                f" from {ends[0]} to {ends[1]} (a range, as Canvas and text2qti write it), write"
                f" '= {_plain(middle)} ± {_plain(half)}'; if the text is meant, 'ignore: [number-form]' in the"
                " front matter silences this"
            )
            self.report.warn(self.path, answer.line, message, "number-form")

    def form_asked(self, answers: Sequence[Answer], prompt_html: str) -> None:
        """An '=' answer read as a number by value where the question asks for a form (new teacher w 4, 5):
        '= 1010' for "10 in binary" (so '1010.0' and '1.01e3' were right), '= 1E3' in hexadecimal (1000),
        '= 4.2 × 10^-4' for "in scientific notation" (the prompt's own 0.00042 was right). Said once."""
        prompt = _text_of(prompt_html)
        base = _base_asked(prompt)
        science = _SCIENCE_ASKED.search(prompt) if _BASE_ASKED.search(prompt) is None else None
        if base is None and science is None:
            return
        for answer in answers:
            written = answer.source.strip()
            if answer.operator != "=" or answer.kind not in ("number", "quantity", "range"):
                continue
            if base is not None and _BASE_DIGITS[base.lastindex or 1].fullmatch(written):  # ('= 4' bits: a count)
                what = base[0].lower()
                if answer.kind == "number" and written.isdigit():
                    alike = f"'{written}.0' and '{written[0]},{written[1:]}'" if len(written) == 4 else f"'{written}.0'"
                elif answer.kind == "number" and answer.number is not None:
                    alike = f"'{_plain(answer.number)}'"
                else:
                    quantity = judging.parse_quantity(written)
                    alike = f"'{quantity[1]} {quantity[2]}'" if quantity else f"'{written}.0'"
                lower = (  # ('== 1E3' takes '1e3': scientific notation's 'e')
                    f" (and '== {written.lower()}' for lower case)"
                    if judging.exact_form(written.lower()) != judging.exact_form(written)
                    else ""
                )
                message = (
                    f"'= {written}' is read as a decimal number ({alike} {'are' if ' and ' in alike else 'is'} right"
                    " too), but the question asks for"
                    f" {what}: write '== {written}' to compare the digits as written{lower}"
                )
            elif science is not None and answer.kind == "number" and answer.number and _POWERED.search(written):
                lead = _POINT_DECIMAL_LEAD.match(written) if self.comma else None  # ('== 3,0 × 10^8': new dd 3)
                exact = lead[1].replace(".", ",") + written[lead.end(1) :] if lead else written
                message = (
                    f"'= {written}' is right however the number is written ('{_plain(answer.number)}' too), but the"
                    f" question asks for {science[0].lower()}: to ask for that form, write '== {exact}' (it"
                    " accepts the same digits in scientific notation however they are typed,"
                    f" '{judging.exact_form(exact)}' too, but not '{_plain(answer.number)}')"
                )
            else:
                continue
            self.report.warn(self.path, answer.line, message, "number-form")
            return

    def unit_asked(self, answers: Sequence[Answer], prompt_html: str) -> None:
        """'= 75' for "What percentage passed?": a student who writes '75%', as the question asks, is marked
        wrong (new teacher t: two of seven questions lost so). Said once, where the prompt names a percentage
        or degrees Celsius or Fahrenheit and no answer carries that sign."""
        numbers = [a for a in answers if a.kind in ("number", "range") and not a.unit]
        if not numbers or len(numbers) < len([a for a in answers if a.kind != "pattern"]):
            return
        # (not the words of its code: a variable `percentage` asks for no percentage: port bb 17)
        prompt = _text_of(_CODE_HTML.sub(" ", prompt_html) if "<code" in prompt_html else prompt_html)
        # ('as a proportion, not a percentage': asks for none)
        asked = next((m for m in _ASKED.finditer(prompt) if not _NEGATED.search(prompt, 0, m.start())), None)
        by_name = _UNIT_ASKED.search(prompt) if asked is None else None
        angle = _DEGREES_ASKED.search(prompt) if asked is None and by_name is None else None
        if asked is None and by_name is None and angle is None:
            return
        first = numbers[0]
        written = first.source.split("±")[0].split("+-")[0].strip()
        if angle is not None:  # "How many degrees…?": '70°' (the starter's own question: new teacher cc 5)
            sign = f"°{angle[1][0].upper()}" if angle[1] else "°"
            with_sign = f"{written} {sign}" if angle[1] else f"{written}°"
        elif asked is not None:
            sign = "%" if asked.group(1) else asked.group(2).replace("º", "°").replace(" ", "")
            with_sign = f"{written}{sign}" if sign == "%" else f"{written} {sign}"
        else:
            assert by_name is not None
            sign = next(unit for word, unit in _UNIT_OF.items() if re.fullmatch(word, by_name[1], re.I))
            with_sign = f"{sign}{written}" if sign in ("$", "£") else f"{written} {sign}"
        what = "a percentage" if sign == "%" else f"'{sign}'" if asked is None else sign
        what = "degrees" if sign == "°" else what
        message = (
            f"'{first.source}' is a number alone, but the question asks for {what}:"
            f" '{with_sign}' is marked wrong; add '= {with_sign}' to accept it too; if the number alone is meant,"
            " 'ignore: [unit-alone]' in the front matter silences this"
        )
        self.report.warn(self.path, first.line, message, "unit-alone")

    def _blank_mistakes(self, tokens: list[Token]) -> bool:
        """Blanks written so that they are not blanks, which would show their answer as text: spaces
        inside the brackets ('[[ 1 ]]'), a hint mark '[[?]]' in the middle of a sentence. Not in code
        (bash's '[[ -f x ]]')."""
        found = False
        for token in tokens:
            if token.type in ("fence", "code_block") and "[[" in token.content:  # (a selection in code, spaced)
                for in_code in _SPACED_BLANK.finditer(token.content):
                    if (options := _selection(in_code.group(1).strip())) is not None:
                        at = self.line(token) + 1 + token.content.count("\n", 0, in_code.start())
                        self.report.error(self.path, at, _selection_message(in_code.group(0), options))
                        found = True
            if token.type != "inline" or "[[" not in token.content:
                continue
            for child in token.children or ():
                if child.type != "text" or "[[" not in child.content:
                    continue
                spaced = _SPACED_BLANK.search(child.content)
                if spaced is not None:
                    inside = spaced.group(1).strip()
                    message = f"'{spaced.group(0)}' is not a blank: write it without spaces inside, '[[{inside}]]'"
                    if (options := _selection(inside)) is not None:
                        message = _selection_message(spaced.group(0), options)
                    self.report.error(self.path, self.line(token), message)
                    found = True
                if "[[?]]" in child.content.lstrip()[1:]:  # (one starting a line: a glued hint, said elsewhere)
                    message = (
                        "'[[?]]' starts a hint paragraph of its own ('[[?]] Count the protons.'); a blank"
                        " holds its answer: '[[= 4]]', and one whose answer is the question mark '[[= ?]]'"
                    )
                    self.report.error(self.path, self.line(token), message)
                    found = True
        return found

    def _half_blanks(self, tokens: list[Token]) -> bool:
        """A '[[' left in the prompt once its blanks are cut: a blank not read as one, whose answer the
        page would show as text (wrapped over two lines, its '|' splitting a table's cell, in HTML or in
        display math). Said once, at the first."""
        for token in tokens:
            kinds = ("text", "code_inline", "math_inline")
            texts = [(c.content, c.type == "code_inline") for c in token.children or () if c.type in kinds]
            if token.type != "inline":
                texts = [(token.content, False)] if token.type not in ("fence", "code_block") else []
            left = next(
                (m for text, code in texts if "[[" in text for m in _half_blanks(text, code)),
                None,
            )
            if left is not None:
                message = (
                    f"'{left[0]}' is not a whole blank, and its answer would be shown as text: write a blank on one"
                    " line, as '[[answer]]' (in a table, its '|' as '\\|'; not in HTML or in display math)"
                )
                self.report.error(self.path, self.line(token), message)
                return True
        return False

    def _glued_explanation(self, blocks: list[list[Token]], start: int) -> None:
        """Choices, then on the very next line a '> quote': the explanation every student sees after checking,
        or the feedback of the last choice, written without its indent? The one who picks that choice sees
        nothing of it, and the one who answers right reads about a choice they did not pick (new teacher q)."""
        if start + 1 >= len(blocks) or not blocks[start][0].type.endswith("list_open"):
            return
        last = next((t for t in reversed(blocks[start]) if t.map and t.type == "paragraph_open"), None)
        quote = blocks[start + 1][0]
        if _is_blockquote(blocks[start + 1]) and last and last.map and quote.map and quote.map[0] == last.map[1]:
            message = (
                "this '> quote' right under the last choice is the question's explanation, shown to every student"
                " after checking: to make it that choice's feedback, indent it ('  > …'); to keep it the"
                " explanation, put an empty line before it"
            )
            self.report.warn(self.path, self.line(quote), message, "glued-explanation")

    def _unindented_feedback(self, blocks: list[list[Token]], start: int) -> bool:
        """Choices, a '> feedback' at the start of a line, more choices: the feedback was meant for the
        choice above it, and ended the list there (one error, not 'one choice', 'no correct choice'...)."""
        if not blocks[start][0].type.endswith("list_open"):
            return False
        at = start + 1
        while at + 1 < len(blocks) and _is_blockquote(blocks[at]) and blocks[at + 1][0].type.endswith("list_open"):
            items = _list_items(blocks[at + 1])
            if not items or any(_item_marker(item) is None for item in items):
                return False
            message = (  # (as far as its text: '1. [ ]' needs three, new teacher ee 9)
                "a choice's '> feedback' must be indented under its choice, as far as its text ('  > …' under '- [ ]',"
                " '   > …' under '1. [ ]'), or it ends the list"
            )
            self.report.error(self.path, self.line(blocks[at][0]), message)
            at += 2
        return at > start + 1

    def _no_answer_lines(
        self, inner: list[Token], blocks: list[list[Token]], line: int, objective: str, key: str, hints: tuple[str, ...]
    ) -> Question | None:
        """A question answered in blanks, or by putting a numbered list in order; else an error."""
        cut = len(blocks)
        while cut > 0 and _is_blockquote(blocks[cut - 1]):
            cut -= 1
        body = blocks[:cut]
        tokens, found, split = cut_blanks([t for b in body for t in b], self.line)
        for where, message in split:
            self.report.error(self.path, where, message)
        empty = [(t, m) for t in tokens if t.type == "inline" and "[[" in t.content for m in EMPTY.finditer(t.content)]
        for token, match in empty:
            where = self.line(token) + token.content.count("\n", 0, match.start())
            if where in self.said:  # ('- [[ ]] …', LiaScript's choice: said as one already; port hh 14)
                continue
            message = f"an empty blank '{match[0]}': write its answer inside, like '[[= 4]]' (or '[[== Na]]')"
            self.report.error(self.path, where, message)
        if empty:
            return None  # the empty blank is the mistake: "no answer" would only repeat it
        if not split and self._half_blanks(tokens):
            return None  # the half-read blank is the mistake: "no answer" would only repeat it
        if found:
            explanation = self._explanation(blocks[cut:])
            return self._blanks(tokens, found, line, objective, key, explanation, hints)
        if split:
            return None  # the blank is the mistake; "no answer" would only repeat it
        if body and body[-1][0].type == "ordered_list_open":
            explanation = self._explanation(blocks[cut:])
            return self._ordering(body[:-1], body[-1], line, objective, key, explanation, hints)
        message = "question has no answer: add choices ('- [x] right', '- [ ] wrong') or a line '= answer'"
        if _glued_answer(inner):
            message = "question has no answer: put an empty line before its '= answer' line"
        wide = next((t for t in inner if t.type == "inline" and _WIDE_ANSWER.search(t.content)), None)
        if wide is not None:  # an input method's '＝ ５Ｎ' (ii new 3)
            written = _WIDE_ANSWER.search(wide.content)[0]  # type: ignore[index]
            line = self.line(wide) + wide.content.count("\n", 0, wide.content.index(written))
            message = (
                f"question has no answer: '{written.strip()}' starts with a full-width '＝' (an input method's):"
                " write '=' (ASCII)"
            )
        unspaced = next((t for t in inner if t.type == "inline" and _UNSPACED_CHOICE.search(t.content)), None)
        if unspaced is not None:  # '-[x] 4': no list without the space
            line = self.line(unspaced)
            message = "question has no answer: a choice needs a space after its '-' ('- [x] right', not '-[x] right')"
        quoted = [t for b in blocks if b[0].type == "blockquote_open" for t in b if t.type == "inline"]
        if any(BLANK.search(t.content) for t in quoted):  # LiaScript's '> Which keyword?' / '[[import]]' (port hh 09)
            message = (
                "question has no answer: its blank is inside a '>' quote (a quote goes on over the lines below it),"
                " which a question reads as its explanation: write the question's text without the '>'"
            )
        code = next((b[0] for b in body if b[0].type == "code_block" and _INDENTED_ANSWER.match(b[0].content)), None)
        if code is not None:  # '\t- [x] right': a tab (or four spaces) makes the choices an indented code block
            line = self.line(code)
            message = (
                "these choices (or answer lines) are indented with a tab or four spaces, which makes them"
                " code: start each '- [ ]' (or '=') at the start of its line"
            )
        if not self._said_inside(line, inner):  # (another tool's quiz in it, said as that: the cause)
            self.report.error(self.path, line, message)
        return None

    def _said_inside(self, line: int, inner: list[Token]) -> bool:
        """Whether the unit's checks already said an error on a line of this question (``line`` to its last)."""
        end = max((self.line(t) + t.map[1] - t.map[0] for t in inner if t.map), default=line)
        return any(line <= said <= end for said in self.said)

    def _blanks(
        self,
        tokens: list[Token],
        found: list[Found],
        line: int,
        objective: str,
        key: str,
        explanation: str | None,
        hints: tuple[str, ...],
    ) -> Question:
        blanks: list[tuple[Answer, ...]] = []
        for blank in found:
            texts = judging.split_alternatives(blank.inside)
            if (options := _selection(blank.inside)) is not None:  # (jj port 0a)
                self.report.error(self.path, blank.line, _selection_message(f"[[{blank.inside}]]", options))
                blanks.append(())
                continue
            if len(texts) > 1 and not all(_OPERATOR_ONLY.sub("", t) for t in texts):  # '[[== |]]': one message
                message = (
                    f"blank '[[{blank.inside}]]' has an empty alternative: '|' separates alternatives"
                    " ('[[colour|color]]'); write '\\|' for a '|' in the answer ('[[== \\|]]')"
                )
                self.report.error(self.path, blank.line, message)
                texts = [t for t in texts if _OPERATOR_ONLY.sub("", t)]
            if blank.inside.startswith("[") and blank.inside.endswith("]"):  # '[[[0]]]': which pair is the blank?
                inner = blank.inside.lstrip("[").rstrip("]").strip()  # ('[[= 2|-1]]': written with four brackets)
                inner = inner if inner.startswith(("=", "~")) else f"= {inner}"
                message = (
                    f"blank '[[{blank.inside}]]' is read as one blank whose answer is '{blank.inside}', brackets"
                    f" included: write '[[[{inner}]]]' for a blank between brackets, or '[[= {blank.inside}]]'"
                    " to keep this reading"
                )
                self.report.warn(self.path, blank.line, message, "bracketed-blank")
            if not blank.code:  # in prose an escape is the mark (ii judge 7); not in a pattern
                texts = [t if t.lstrip().startswith("~") else _MARKDOWN_ESCAPE.sub(r"\1", t) for t in texts]
            alternatives = [self.answer(text, blank.line, in_code=blank.code, in_blank=True) for text in texts]
            blanks.append(tuple(a for a in alternatives if a is not None))
            if not blank.code:  # (in code: a number with a unit is code's output, said in answer())
                self.units_alone(blanks[-1])
                self.decimal_points(blanks[-1])
        if len(found) > 1 and [b.inside.strip() for b in found] == [str(n) for n in range(1, len(found) + 1)]:
            # Moodle's drag-and-drop and select-missing-words number their gaps '[[1]]', '[[2]]': each a blank
            # whose answer is its number here, the words scored wrong (port bb 29)
            message = (
                f"'[[1]]' … '[[{len(found)}]]' are blanks whose answers are their numbers, as Moodle numbers its"
                " gaps (drag and drop into text, select missing words): write each gap's right word in it"
                " ('[[quick]]'), or '[[= 1]]' to keep a number"
            )
            self.report.warn(self.path, found[0].line, message, "gap-numbers")
        html = fill_blanks(self.render(tokens), key, len(found))
        return Question(key, objective, "blanks", html, (), (), explanation, line, blanks=tuple(blanks), hints=hints)

    def _ordering(
        self,
        prompt: list[list[Token]],
        block: list[Token],
        line: int,
        objective: str,
        key: str,
        explanation: str | None,
        hints: tuple[str, ...],
    ) -> Question:
        """The items in the right order; ids come from each item's text, so they never tell the order.
        Two items that read the same ('de' twice in a French sentence) have one id: either order of
        them is the same sentence, and is right."""
        if not prompt:
            self.report.error(self.path, line, "question has no text before its answer")
        items: list[Choice] = []
        for item in _list_items(block):
            source = "\n".join(t.content for t in item if t.type in ("inline", "fence", "code_block"))
            item_id = "i" + hashlib.sha256(f"{key}\n{source}".encode()).hexdigest()[:8]
            items.append(Choice(item_id, self._item_html(item), True, None, self.line(item[0])))
        if len(items) < 2:
            self.report.error(self.path, line, "an ordering question needs at least two items")
        elif len({i.id for i in items}) < 2:
            message = "the items of this ordering question all read the same: any order is right"
            self.report.error(self.path, line, message)
        numbers = [item[0].info for item in _list_items(block)]
        counted = [str(int(numbers[0]) + i) for i in range(len(numbers))] if numbers[:1] != [""] else numbers
        if all(n.isdigit() for n in numbers) and numbers != counted and len(set(numbers)) > 1:  # ('1. 1. 1.': fine)
            message = (
                f"the items are numbered {', '.join(numbers)}, but the right order is the order they are written"
                " in: write them in that order, numbered 1, 2, 3…"
            )
            self.report.error(self.path, self.line(block[0]), message)
        html = self.render([t for b in prompt for t in b])
        return Question(key, objective, "ordering", html, tuple(items), (), explanation, line, hints=hints)

    def _item_html(self, item: list[Token]) -> str:
        """A one-paragraph item as inline HTML (no <p>), anything longer as blocks."""
        inner = item[1:-1]
        if len(inner) == 3 and inner[0].type == "paragraph_open":
            renderer: Any = self.md.renderer
            return str(renderer.renderInline(inner[1].children or [], self.md.options, self.env)).strip()
        return self.render(inner)

    def _hints(self, blocks: list[list[Token]]) -> tuple[list[list[Token]], tuple[str, ...]]:
        """Take out the hint paragraphs ('[[?]] text'); the rest of the question is unchanged."""
        rest: list[list[Token]] = []
        hints: list[str] = []
        # without the lesson's footnotes: each hint would end with their whole list (and its ids)
        env = {k: v for k, v in self.env.items() if k != "footnotes"}
        for block in blocks:
            if len(block) == 3 and block[0].type == "paragraph_open":
                texts = hint_lines(block[1].content)
                if texts is not None:
                    hints += [str(self.md.renderInline(text, env)).strip() for text in texts]
                    continue
                lines = block[1].content.split("\n")
                first = next((i for i, text in enumerate(lines[1:], 1) if HINT.match(text)), None)
                if first is not None:  # right below the blank, as LiaScript writes them: hints too (port hh 04)
                    block, _ = _split_paragraph(self.md, block, lines, first, self.env)
                    texts = hint_lines("\n".join(lines[first:])) or []
                    hints += [str(self.md.renderInline(text, env)).strip() for text in texts]
            rest.append(block)
        return rest, tuple(hints)

    def _find_answer(self, blocks: list[list[Token]]) -> tuple[int, int] | None:
        for index, block in enumerate(blocks):
            if block[0].type in ("bullet_list_open", "ordered_list_open"):
                items = _list_items(block)
                unmarked = [item for item in items if _item_marker(item) is None]
                if len(unmarked) < len(items):
                    for item in unmarked:
                        message = "every choice needs '[ ]' or '[x]' after its '-'"
                        glued = _GLUED_MARKER.match(item[2].content) if len(item) > 2 else None
                        if glued is not None:  # '- [x]Protons'
                            message = (
                                f"put a space after '{glued.group(0)}': a choice is written '- {glued.group(0)} text'"
                            )
                        self.report.error(self.path, self.line(item[0]), message)
                    return index, index + 1
            if _answer_lines(block) is not None:
                end = index + 1
                while end < len(blocks) and _answer_lines(blocks[end]) is not None:
                    end += 1
                return index, end
        return None

    def _explanation(self, rest: list[list[Token]]) -> str | None:
        parts, said = [], False
        for block in rest:
            if _is_blockquote(block):
                parts.append(self.render(block[1:-1]))
            elif block[0].type != "container_block_open" and not said and not self.fence_on_choice:  # (a box: said)
                said = True  # (the first: '<details>', its text and '</details>' are one mistake)
                self.report.error(
                    self.path, self.line(block[0]), "only a '> explanation' may follow the answer of a question"
                )
        return "".join(parts) or None

    def _choices(self, block: list[Token], line: int) -> tuple[QuestionKind, list[Choice]]:
        choices = []
        for index, item in enumerate(_list_items(block)):
            choices.append(self._choice(index, item))
        seen: dict[str, Choice] = {}
        for choice in choices:  # ('- [x] 10' and '- [ ] 10': which "10" is right was chance; new teacher ee 11)
            twin = seen.setdefault(" ".join(choice.html.split()), choice)  # (case is seen: 'True', 'true'; jj judge 1)
            if twin is not choice and twin.correct != choice.correct:
                shown = choice_text(choice.html)[:40]
                message = (
                    f"two choices read the same ('{shown}'), one right and one wrong: a student who picks the wrong"
                    " twin is marked wrong; remove one"
                )
                self.report.error(self.path, choice.line, message)
        correct = sum(1 for c in choices if c.correct)
        if not correct and all(_item_marker(item) is not None for item in _list_items(block)):  # (else: said)
            self.report.error(self.path, line, "choice question has no correct choice: mark the right one(s) with [x]")
        if len(choices) < 2 and not self.fence_on_choice:
            self.report.error(self.path, line, "a choice question needs at least two choices")
        return ("multiple" if correct > 1 else "single"), choices

    def _choice(self, index: int, item: list[Token]) -> Choice:
        choice_id = chr(ord("a") + index) if index < 26 else f"c{index}"
        marker = _item_marker(item)
        label, rest = "", item[1:-1]
        if marker is not None and _FENCE_OPEN.match(item[2].content):
            message = (
                "a code fence cannot start on a choice line: write '- [x]' alone, then the code block on the next"
                " lines, indented under it"
            )
            self.report.error(self.path, self.line(item[0]), message)  # (what follows is code: said once, here)
        if marker is not None and "[[?]]" in item[2].content:  # a hint glued under a choice had become its text,
            for offset, text in enumerate(item[2].content.split("\n")[1:], 1):  # the right one's (new ee 12)
                if HINT.match(text.lstrip()):
                    message = (
                        "a hint '[[?]]' right under a choice is part of that choice's text, which then stands out:"
                        " put an empty line before it, after the choices"
                    )
                    self.report.error(self.path, self.line(item[0]) + offset, message)
        if marker is not None and "＞" in item[2].content:  # an input method's '＞': the feedback in the choice's text
            for offset, text in enumerate(item[2].content.split("\n")[1:], 1):  # for all to read (ii new 1)
                if text.lstrip(" 　").startswith("＞"):
                    message = (
                        "'＞' is a full-width '>' (an input method's): the feedback after it is part of the choice's"
                        " text, shown before the student answers; write '>' to make it the choice's feedback"
                    )
                    self.report.error(self.path, self.line(item[0]) + offset, message)
        if marker is not None:
            children = list(item[2].children or [])
            if children and children[0].type == "text":
                first = children[0].copy()
                first.content = _MARKER.sub("", first.content, count=1)
                children[0] = first
            renderer: Any = self.md.renderer  # RendererHTML; the protocol type does not declare renderInline
            label = str(renderer.renderInline(children, self.md.options, self.env)).strip()
            rest = item[4:-1]
        feedback = []
        for sub in top_blocks(rest):
            if _is_blockquote(sub):
                feedback.append(self.render(sub[1:-1]))
            else:
                label += self.render(sub)  # ('- [x]' alone, its code block under it: the code is the choice)
        if marker is not None and not label.strip():
            self.report.error(self.path, self.line(item[0]), "choice has no text after its '[ ]'")
        correct = marker in ("x", "X")
        return Choice(choice_id, label, correct, "".join(feedback) or None, self.line(item[0]))

    def _answers(self, blocks: list[list[Token]]) -> list[Answer]:
        answers = []
        for block in blocks:
            first = self.line(block[0])
            for offset, text in enumerate(_answer_lines(block) or []):
                answer = self.answer(text, first + offset)
                if answer is not None:
                    answers.append(answer)
        self.units_alone(answers)
        self.decimal_points(answers)
        return answers

    def decimal_points(self, answers: Sequence[Answer]) -> None:
        """'== 12.3' in a course whose decimal mark is a comma, where no answer of the slot accepts its
        students' '12,3' (README: add '== 12,3')."""
        if not self.comma:
            return
        for answer in answers:
            number = answer.source.strip()
            grouped = _DOTTED_THOUSANDS.search(number) if answer.kind in ("number", "quantity", "range") else None
            if grouped is not None and answer.operator == "=":  # '= 1.013' (a table's 1.013 bar): 1013 here
                whole, decimal = grouped[0].replace(".", ""), grouped[0].replace(".", ",")
                as_whole, as_decimal = number.replace(grouped[0], whole), number.replace(grouped[0], decimal)
                message = (
                    f"'= {number}' is read as {as_whole}: this course writes decimals with a comma, and a point groups"
                    f" thousands; for the decimal, write '= {as_decimal}' (students' '{decimal}' is then right); for"
                    f" the whole number, write '= {as_whole}'"
                )
                self.report.warn(self.path, answer.line, message, "decimal-point")
                continue
            lead = _POINT_DECIMAL_LEAD.match(number) if answer.kind == "exact" else None
            if lead is None or _GROUPED.fullmatch(lead[1]):
                continue  # ('== 1.500' in German: 1500, grouped; round x 6)
            alone = lead.end(1) == len(number)  # ('== 3.0 × 10^8', '== 12.3 g': the number leads; new teacher dd 3)
            written = lead[1].replace(".", ",") + number[lead.end(1) :]
            if judging.slot_right(tuple(answers), written, self.comma):
                continue
            if alone and _TIME_OF_DAY.fullmatch(number):  # '== 15.30' for "halb vier" (new teacher aa 8)
                clock = number.replace(".", ":")
                if judging.slot_right(tuple(answers), clock, self.comma):
                    continue
                message = (
                    f"'== {number}' is compared exactly and looks like a time of day: a student's '{clock}' is marked"
                    f" wrong; add '== {clock}' (not '= {number}': that reads it as a number, and '{written[:-1]}'"
                    f" would be right); if it is a decimal, add '== {written}'; 'ignore: [decimal-point]' in the"
                    " front matter silences this"
                )
                self.report.warn(self.path, answer.line, message, "decimal-point")
                continue
            message = (
                f"'== {number}' is compared exactly, and this course writes decimals with a comma: a student's"
                f" '{written}' is marked wrong; add '== {written}'"
                + (f" (or write '= {number}' to accept the number however it is written)" if alone else "")
                + "; if it is no decimal (a version, 'Python 3.12'), 'ignore: [decimal-point]' in the front matter"
                " silences this"
            )
            self.report.warn(self.path, answer.line, message, "decimal-point")

    def units_alone(self, answers: Sequence[Answer]) -> None:
        """'= 44 g/mol' where no answer of the slot accepts '44': a student who writes the number alone
        (or the unit another way) is marked wrong. Said once for each such number, with what to write
        ('= 0.25 mol/L', '= 0.25 M': once, at the first: new teacher u 13)."""
        said: set[str] = set()
        for answer in answers:
            if answer.kind == "range" and answer.unit and answer.number is not None and answer.tolerance is not None:
                value, tolerance = _decimal(answer.number), _decimal(answer.tolerance)
                if not judging.slot_right(tuple(answers), value, self.comma):
                    if self.comma:  # (written as the course writes decimals: new teacher ff 3)
                        value, tolerance = value.replace(".", ","), tolerance.replace(".", ",")
                    sign, unit = answer.unit.split("|", 1)
                    sign = judging.SIGN_SHOWN.get(sign, sign)
                    with_unit = f"{sign}{value} {unit}".strip()
                    message = (
                        f"'{answer.source}' is a range with a unit: '{with_unit}' is right, but"
                        f" '{value}' alone is marked wrong; add '= {value} ± {tolerance}' to accept the number alone;"
                        " if the question asks for the unit, 'ignore: [unit-alone]' in the front matter silences this"
                    )
                    self.report.warn(self.path, answer.line, message, "unit-alone")
                continue
            quantity = judging.parse_quantity(judging.as_read(answer)) if answer.kind == "quantity" else None
            if quantity is None or judging.slot_right(tuple(answers), quantity[1], self.comma):
                continue
            if self.base_asked and _BASE_DIGITS[2].fullmatch(answer.source.strip()):
                continue  # hexadecimal '1F': form_asked says what it is
            if _ORDINAL.match(answer.source.strip()):  # '= 18th century': a century, not 18 of a unit
                continue
            if self.comma and _DOTTED_THOUSANDS.search(answer.source):  # ('= 22.990 g/mol': decimal_points says it)
                continue
            sign, number, unit = quantity
            if number in said:
                continue
            said.add(number)
            if self.comma:  # (as the course writes decimals: '1.013' there is 1013, new teacher ff 3)
                number = number.replace(".", ",")
            sign = judging.SIGN_SHOWN.get(sign, sign)  # ('R$', not the '₢' it is compared as)
            other = f"{number} {sign}" if not unit else f"{sign}{number}{unit}"
            if other == answer.source.strip():
                other = f"{sign}{number} {unit}".strip()
            case_free = not (judging.BYTES_BITS.fullmatch(unit) or judging.unit_case_matters(unit))  # 'Mg', 'm/s'
            spaced = "spaced or capitalised" if case_free else "spaced"
            if (times := _MULTIPLIERS.get(unit)) is not None:  # '= 2.5 million': a number in words, not a unit (ff 9)
                amount = parse_number(quantity[1])
                full = f"{int(amount * times)}" if amount is not None and (amount * times).denominator == 1 else None
                if full is None or judging.slot_right(tuple(answers), full, self.comma):
                    continue
                message = (
                    f"'{answer.source}' is read as a number with a unit, '{unit}': '{other}' is right, but the same"
                    f" number written in full, '{full}', is marked wrong; add '= {full}' to accept it (not"
                    f" '= {number}', which would accept {number})"
                )
                self.report.warn(self.path, answer.line, message, "unit-alone")
                continue
            share = ""
            if unit == "%" and (amount := parse_number(quantity[1])) is not None:  # a probability's '= 50%' (hh 6)
                written = _decimal(amount / 100)
                share = f" (or '= {written.replace('.', ',') if self.comma else written}' for it as a share of one)"
            message = (
                f"'{answer.source}' is a number with a unit: it is right however it is {spaced} ('{other}'), but"
                f" '{number}' alone is marked wrong; add '= {number}' to accept the number alone{share}; if the"
                " question asks for the unit, 'ignore: [unit-alone]' in the front matter silences this"
            )
            self.report.warn(self.path, answer.line, message, "unit-alone")

    def answer(
        self, text: str, line: int, default: str = "=", in_code: bool = False, in_blank: bool = False
    ) -> Answer | None:
        """One alternative as written (``= 3/4``, ``== -S``, ``~ /a+/``); errors and warnings reported.
        ``in_code``: a blank's, in code, where a lenient word ('[[True]]' accepting 'true') is said too."""
        if _FENCE_OPEN.match(text):
            message = "a code fence cannot start on an answer line: write '== answer' (exact) on one line"
            self.report.error(self.path, line, message)
            return None
        placeholder = _PLACEHOLDER.fullmatch(text.strip().lstrip("=~").strip())
        if placeholder is not None:  # PrairieLearn's '== {{correct_answers.d}}' (port w 5): every answer wrong
            message = (
                f"'{placeholder[0]}' is PrairieLearn's placeholder, which is not filled in here: students would have"
                " to type it as written; write the answer itself"
            )
            self.report.error(self.path, line, message)
            return None
        try:
            answer = judging.parse_answer(text, line, default, self.comma)
        except judging.AnswerError as error:
            self.report.error(self.path, line, str(error))
            return None
        if answer.kind == "quantity" and in_code:  # '[[9px]]' after JavaScript's '4 + 5 + "px"': its output
            message = (
                f"blank '[[{text.strip()}]]' is in code, and read as a number with a unit ('{_respaced(answer)}' is"
                f" right too): write '[[== {answer.source.strip()}]]' to compare exactly"
            )
            self.report.warn(self.path, line, message, "lenient-code")
        elif answer.kind == "quantity":
            pass  # units_alone, which sees the other answers of its slot, says what it accepts
        elif (
            answer.kind == "text"
            and not in_blank
            and re.search(r"(?<!\\)\|", answer.source)
            and not _BAR_POINT.search(answer.source)  # ('= P(1|0)': a point as German schools write it: ff 03)
        ):
            alternatives = [a.strip() for a in re.split(r"(?<!\\)\|", answer.source) if a.strip()]
            one_each = " and ".join(f"'= {a}'" for a in alternatives[:3])
            message = (
                f"'{answer.source}' is one answer, '|' and all: '|' separates alternatives only in a blank"
                f" ('[[{'|'.join(alternatives[:3])}]]'); on an answer line write one line each ({one_each}), or"
                " '==' for an answer with a bar in it"
            )
            self.report.warn(self.path, line, message, "lenient-code")
        elif answer.kind == "text" and not in_blank and _GIFT_ALTERNATIVE.search(answer.source):
            parts = re.split(r"\s+([=~])(?![=\s])", answer.source.strip())  # [first, mark, text, mark, text…]
            right = [parts[0], *(text for mark, text in zip(parts[1::2], parts[2::2], strict=True) if mark == "=")]
            one_each = " and ".join(f"'= {a.strip()}'" for a in right[:3])
            message = (
                f"'{answer.source}' is one answer, '=' and all: alternatives are not written on one line as in Moodle's"
                f" GIFT; write one line each ({one_each}), a wrong one as a '- [ ]' choice"
            )
            self.report.warn(self.path, line, message, "lenient-code")
        elif judging.looks_like_code(answer) and re.search("[A-Za-z]", answer.source):  # (not 'π/6': jj judge 4)
            message = f"'{answer.source}' is compared ignoring case: write `==` to compare exactly"
            if _CASE_FREE.search(answer.source):  # (SQL, Big-O: capitals do not matter there; round x 13)
                message += " (where capitals do not matter, 'ignore: [lenient-code]' in the front matter silences this)"
            self.report.warn(self.path, line, message, "lenient-code")
        elif answer.kind == "text" and (other := _formula_read_otherwise(answer.source.strip())) is not None:
            formula = answer.source.strip()
            message = (  # ('= CO' took cobalt's 'Co', and nothing said so: jj judge 7)
                f"'{formula}' is compared ignoring case ('{other}' is right too), and a formula's case is its meaning:"
                f" write '== {formula}' to compare exactly"
            )
            self.report.warn(self.path, line, message, "lenient-code")
        elif answer.kind == "text" and _GREEK_SYMBOL.fullmatch(answer.source.strip()):
            greek = answer.source.strip()
            other = "".join(c.swapcase() if "\u0370" <= c <= "\u03ff" else c for c in greek)
            message = (  # ('= σ' took 'Σ', a sum for a standard deviation: new teacher dd 9)
                f"'{greek}' is compared ignoring case ('{other}' is right too), and a Greek letter's case is its"
                f" meaning: write '== {greek}' to compare exactly"
            )
            self.report.warn(self.path, line, message, "lenient-code")
        elif (
            in_code
            and answer.kind == "text"
            and answer.source.lower() != answer.source.upper()
            and not judging.BASE_LITERAL.fullmatch(answer.source.strip())  # ('[[0x1F]]': its case does not matter)
        ):
            other = answer.source.lower() if answer.source.lower() != answer.source else answer.source.upper()
            message = (
                f"blank '[[{text.strip()}]]' is in code, and compared ignoring case ('{other}' is right too):"
                f" write '[[== {answer.source}]]' to compare exactly"
            )
            self.report.warn(self.path, line, message, "lenient-code")
        return answer
