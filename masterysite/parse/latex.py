"""LaTeX as lessons write it for MathJax (Jupyter Book, Quarto, Jekyll), rewritten into what latex2mathml
reads the same way before it is turned into MathML.

- ``\\begin{aligned}`` (``alignedat``, ``split``, ``gathered``): latex2mathml does not know them; their
  ``&`` came out as a character and their rows ran together on one line. Each becomes the ``array`` it
  is (``{rlrl…}``, as many columns as its widest row; ``{c}`` for ``gathered``), which latex2mathml
  makes a table of. An aligned ``&=`` keeps the space around its ``=`` (``&{}=``, as LaTeX sets it).
- ``\\color{red}{x}``: MathJax's two-argument form, which latex2mathml reads as a switch that colours
  the rest of the group, ``&`` and ``\\\\`` included (a matrix lost its columns): ``{\\color{red}x}``.
"""

from __future__ import annotations

import html
import re
from typing import Any

_BEGIN = re.compile(r"\\begin\{(aligned|alignedat|split|gathered)\}")
_ENVIRONMENT = re.compile(r"\\(begin|end)\{(\w+\*?)\}")
_COLOR = re.compile(r"\\color\s*\{([^{}]*)\}\s*(?=\{)")
_COMMENT = re.compile(r"(?<!\\)%[^\n]*")  # TeX's comment, to the end of its line ('\%' is a percent sign)
_ROW_SPACE = re.compile(r"\\\\\s*\[[^\]]*\]")  # '\\[4pt]': latex2mathml's array reads '[4pt]' as text


_ROMAN_CHARACTER = re.compile(r"\\mathrm\s*\{\s*([A-Za-z0-9])\s*\}")  # '\mathrm{d}': latex2mathml leaves it italic
_OPERATOR_SPACE = re.compile(r"(\\operatorname\*?\s*\{[^{}\\]*)\\[,;: ]([^{}]*\})")  # '\operatorname{arg\,min}'
_NUMBERING = re.compile(r"\\label\s*\{[^{}]*\}|\\(?:nonumber|notag)(?![A-Za-z])")
_ARG = re.compile(r"\\arg(?![A-Za-z])")


_DEFINITION = re.compile(
    r"\\(?:re|provide)?newcommand\*?\s*(?:\{\s*\\([A-Za-z]+)\s*\}|\\([A-Za-z]+))\s*(?:\[(\d)\])?\s*(?=\{)"
    r"|\\def\s*\\([A-Za-z]+)\s*(?=\{)"
)
MACROS: dict[str, tuple[int, str]] = {}
"""The unit's own macros (name -> how many arguments, body), defined with \\newcommand in any of its formulas:
MathJax keeps a definition for the rest of the page. Set for each unit (unit.py: macros_of)."""


def _definitions(latex: str) -> list[tuple[int, int, str, int, str]]:
    """Each ``\\newcommand{\\name}[n]{body}`` (or ``\\def\\name{body}``): (start, end, name, n, body)."""
    found = []
    for match in _DEFINITION.finditer(latex):
        end = _group_end(latex, match.end())
        if end is not None:
            name = match.group(1) or match.group(2) or match.group(4)
            found.append((match.start(), end, name, int(match.group(3) or 0), latex[match.end() + 1 : end - 1]))
    return found


_PACKAGES = {  # commands MathJax's physics package and KaTeX define, that lessons use as LaTeX's own
    "abs": (1, r"\left|#1\right|"), "norm": (1, r"\left\|#1\right\|"), "vb": (1, r"\mathbf{#1}"),
    "bra": (1, r"\left\langle #1\right|"), "ket": (1, r"\left|#1\right\rangle"),
    "R": (0, r"\mathbb{R}"), "N": (0, r"\mathbb{N}"), "Z": (0, r"\mathbb{Z}"), "Q": (0, r"\mathbb{Q}"),
    "C": (0, r"\mathbb{C}"), "Reals": (0, r"\mathbb{R}"), "natnums": (0, r"\mathbb{N}"),
}  # fmt: skip

PHYSICS_UNREAD = {  # the physics package's commands not expanded (their forms differ): how to write them
    "pdv": "\\frac{\\partial f}{\\partial x}", "dv": "\\frac{\\mathrm{d} f}{\\mathrm{d} x}",
    "qty": "\\left( … \\right)",
    "braket": "\\langle a | b \\rangle", "expval": "\\langle A \\rangle", "grad": "\\nabla", "curl": "\\nabla \\times",
    "dd": "\\mathrm{d}", "vu": "\\hat{\\mathbf{x}}", "mel": "\\langle a | A | b \\rangle", "comm": "[A, B]",
}  # fmt: skip


def macros_of(text: str, course: tuple[tuple[str, int, str], ...] = ()) -> dict[str, tuple[int, str]]:
    """The macros a unit's formulas define (read from its whole text: a question may use one the lesson
    defines), then the course's (course.yml's ``macros``), then those of MathJax's physics package and
    KaTeX it uses (``\\abs{x}``, ``\\R``) that neither defines."""
    if "\\" not in text:
        return {}
    found = {name: macro for name, macro in _PACKAGES.items() if f"\\{name}" in text}
    found.update((name, (count, body)) for name, count, body in course)
    if "newcommand" in text or "\\def" in text:
        found.update((name, (count, body)) for _start, _end, name, count, body in _definitions(text))
    return found


def _argument(latex: str, pos: int) -> tuple[str, int] | None:
    """The argument at ``pos`` (spaces first): a group's content or one character or command."""
    while pos < len(latex) and latex[pos] == " ":
        pos += 1
    if pos >= len(latex):
        return None
    if latex[pos] == "{":
        end = _group_end(latex, pos)
        return (latex[pos + 1 : end - 1], end) if end is not None else None
    command = re.match(r"\\(?:[A-Za-z]+|.)", latex[pos:])
    size = command.end() if command else 1
    return latex[pos : pos + size], pos + size


MAX_EXPANDED = 20_000  # characters a formula's macros may expand to (a printed page of math is a few thousand)


class TooLarge(ValueError):
    """A formula whose macros expand past MAX_EXPANDED: each macro many uses of the next, level after level
    (512 bytes had made a 52 MB page in a minute, ten levels 10⁹ symbols: security round ee 6)."""


def _expanded(latex: str) -> str:
    """``latex`` without its definitions, each use of a macro of the unit replaced by its body (its
    arguments in place of #1, #2...), macros within macros too (ten levels at most, and MAX_EXPANDED
    characters: TooLarge past that)."""
    for start, end, *_ in reversed(_definitions(latex)):
        latex = latex[:start] + latex[end:]
    pattern = re.compile(r"\\(" + "|".join(sorted(map(re.escape, MACROS), key=len, reverse=True)) + r")(?![A-Za-z])")
    for _ in range(10):
        out, pos, changed, grown = [], 0, False, 0
        for match in pattern.finditer(latex):
            if match.start() < pos:
                continue
            count, body = MACROS[match.group(1)]
            after, arguments = match.end(), []
            for _n in range(count):
                argument = _argument(latex, after)
                if argument is None:
                    break
                arguments.append(argument[0])
                after = argument[1]
            if len(arguments) < count:
                continue
            for n, given in enumerate(arguments, 1):
                body = body.replace(f"#{n}", given)
            out += [latex[pos : match.start()], "{" + body + "}"]
            pos, changed = after, True
            grown += len(body) + 2 - (after - match.start())
            if len(latex) + grown > MAX_EXPANDED:
                raise TooLarge(latex[:40])
        latex = "".join(out) + latex[pos:]
        if not changed:
            break
    return latex


def for_latex2mathml(latex: str) -> str:
    """``latex`` with the environments and colours above rewritten (unchanged when it has none); and what
    MathJax reads and latex2mathml does not: ``\\mathrm{A}`` of one letter upright (as ``\\text{A}``),
    ``\\arg`` an operator, ``\\operatorname{arg\\,min}`` with its space, and an equation's ``\\label`` and
    ``\\nonumber`` left out, not shown as commands (``\\tag{3}`` shows its '(3)'); a ``%`` comment too, as
    TeX reads one (a formula of macro definitions and comments had been shown as its source)."""
    if "%" in latex:
        latex = _COMMENT.sub("", latex)
    if MACROS and "\\" in latex:
        latex = _expanded(latex)
    if "\\mathrm" in latex:
        latex = _ROMAN_CHARACTER.sub(r"\\text{\1}", latex)
    if "\\operatorname" in latex:
        while (spaced := _OPERATOR_SPACE.sub("\\1\u2009\\2", latex)) != latex:
            latex = spaced
    if "\\arg" in latex:
        latex = _ARG.sub(r"\\operatorname{arg}", latex)
    if "\\label" in latex or "\\no" in latex:
        latex = _NUMBERING.sub("", latex)
    if "\\color" in latex:
        latex = _colors(latex)
    if "\\begin" in latex:
        latex = _environments(latex)
    return latex


def _group_end(latex: str, start: int) -> int | None:
    """The index after the ``}`` that closes the ``{`` at ``start`` (None when it is never closed)."""
    depth = 0
    index = start
    while index < len(latex):
        char = latex[index]
        if char == "\\":
            index += 2  # '\{' and '\}' are characters, not groups
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return None


def _colors(latex: str) -> str:
    """``\\color{C}{X}`` -> ``{\\color{C}X}``; ``\\color{C}`` not followed by a group is left a switch."""
    out: list[str] = []
    pos = 0
    for match in _COLOR.finditer(latex):
        if match.start() < pos:
            continue  # inside a group already rewritten
        end = _group_end(latex, match.end())
        if end is None:
            continue
        inner = _colors(latex[match.end() + 1 : end - 1])
        out += [latex[pos : match.start()], "{\\color{", match.group(1), "}", inner, "}"]
        pos = end
    return "".join(out) + latex[pos:] if out else latex


def _environments(latex: str) -> str:
    """Each aligned, alignedat, split or gathered (innermost first) as the array it is."""
    while (found := _innermost(latex)) is not None:
        start, body_start, body_end, end, name = found
        body = latex[body_start:body_end]
        if name == "alignedat":  # '\begin{alignedat}{2}': its count of column pairs
            group = _group_end(body, len(body) - len(body.lstrip()))
            body = body[group:] if body.lstrip().startswith("{") and group else body
        body = re.sub(r"^\s*\[[tcb]\]", "", body)  # '\begin{aligned}[t]': where it sits on the line
        latex = latex[:start] + _array(body, name) + latex[end:]
    return latex


def _innermost(latex: str) -> tuple[int, int, int, int, str] | None:
    """(start, body start, body end, end, name) of the first environment to rewrite with none inside it."""
    for match in _BEGIN.finditer(latex):
        name, depth = match.group(1), 0
        for other in _ENVIRONMENT.finditer(latex, match.end()):
            if other.group(1) == "begin":
                if _BEGIN.match(other.group(0)):
                    break  # one inside: rewritten first
                depth += 1
            elif depth:
                depth -= 1
            elif other.group(2) == name:
                return match.start(), match.end(), other.start(), other.end(), name
            else:
                return None  # closed by another's end: not LaTeX; left to latex2mathml's message
    return None


def _array(body: str, name: str) -> str:
    """The array an aligned (split, alignedat: right, left, right… columns) or gathered body is."""
    body = _ROW_SPACE.sub(r"\\\\", body)
    if name == "gathered":
        return "\\begin{array}{c}" + body + "\\end{array}"
    rows = [_split(row, "&") for row in _split(body, "\\\\")]
    if len(rows) > 1 and not "".join(rows[-1]).strip():
        rows.pop()  # a '\\' after the last row
    columns = "".join("rl"[n % 2] for n in range(max(len(row) for row in rows)))
    lines = ("&".join(_cell(cell, n) for n, cell in enumerate(row)) for row in rows)
    return "\\begin{array}{" + columns + "}" + "\\\\".join(lines) + "\\end{array}"


def _cell(cell: str, column: int) -> str:
    """A left column's cell starts with an empty group, as LaTeX's aligned sets it: '&= b' keeps its
    '=' a relation, spaced on both sides."""
    return "{}" + cell if column % 2 and cell.strip() else cell


def _split(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator`` where it is outside any group or inner environment."""
    parts: list[str] = []
    depth = 0
    last = index = 0
    while index < len(text):
        if text.startswith(separator, index) and depth == 0:
            parts.append(text[last:index])
            index += len(separator)
            last = index
            continue
        char = text[index]
        if char == "\\":
            environment = _ENVIRONMENT.match(text, index)
            if environment is not None:
                depth += 1 if environment.group(1) == "begin" else -1
                index = environment.end()
                continue
            index += 2  # a '\\' where it does not separate, '\&', '\{': no separator, no group
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        index += 1
    parts.append(text[last:])
    return parts


# --- MathML as Chromium shows it ---------------------------------------------------------------------
# Chromium implements MathML Core, which leaves out what latex2mathml relies on for some of MathJax's
# LaTeX: a table cell's 'columnalign' (every cell centred: the '=' of 'aligned' rows did not line up),
# 'mathvariant' other than normal (\boldsymbol{\mu} and \mathbf{\Sigma} were not bold), an operator's
# limits under it in display math. Firefox and Safari read both forms alike.

_COLUMN = re.compile(r'<mtd columnalign="(left|right)"')
_VARIANT = re.compile(r'<m([in]) mathvariant="(bold|bold-italic)">([^<]*)</m\1>')
_ENTITY = re.compile(r"&#x([0-9A-Fa-f]+);")
_BRACE = re.compile(r"(<mo[^>]*>)\\([{}])</mo>")  # '\bigl\{': latex2mathml keeps the backslash
_STRETCHED = re.compile(r"<mo>(&#x23D[EF];)</mo>")  # \overbrace, \underbrace: over the whole expression
_LIMITS = re.compile(r"<msub><mo>(lim|sup|inf|max|min|liminf|limsup|argmax|argmin|det|gcd|Pr)</mo>")
_STARTS = {  # (bold, bold italic): the first letter's code point among Unicode's mathematical letters
    "A": (0x1D400, 0x1D468), "a": (0x1D41A, 0x1D482), "Α": (0x1D6A8, 0x1D71C), "α": (0x1D6C2, 0x1D736),
}  # fmt: skip


def _bold(text: str, italic: bool) -> str | None:
    """``text`` in Unicode's bold (italic) letters, or None when one character has none."""
    out = []
    for char in _ENTITY.sub(lambda m: chr(int(m[1], 16)), text):
        if "A" <= char <= "Z" or "a" <= char <= "z" or "Α" <= char <= "Ω" or "α" <= char <= "ω":
            first = "A" if char <= "Z" else "a" if char <= "z" else "Α" if char <= "Ω" else "α"
            out.append(chr(_STARTS[first][italic] + ord(char) - ord(first)))
        elif "0" <= char <= "9" and not italic:
            out.append(chr(0x1D7CE + ord(char) - ord("0")))
        else:
            return None
    return "".join(out)


def _aligned(match: re.Match[str]) -> str:
    """A cell's alignment as CSS too: Chromium sets an mtd's content to the right only by WebKit's own
    value ('right' is left as 'left'); other browsers take the plain one, or the attribute."""
    if match[1] == "right":
        return f'{match[0]} style="text-align:right;text-align:-webkit-right"'
    return f'{match[0]} style="text-align:left"'


def _variant(match: re.Match[str]) -> str:
    bold = _bold(match[3], match[2] == "bold-italic")
    if bold is None:
        return match[0]
    return f"<m{match[1]}>{''.join(f'&#x{ord(c):X};' for c in bold)}</m{match[1]}>"


def _under(mathml: str) -> str:
    """In display math, '\\lim_{x}': the limit under the operator (an munder, whose movable limits an
    inline formula sets beside it)."""
    out, done = [], 0
    for match in _LIMITS.finditer(mathml):
        if match.start() < done:
            continue
        depth, at = 0, match.start()
        for tag in re.finditer(r"<(/?)msub>", mathml[at:]):
            depth += -1 if tag[1] else 1
            if depth == 0:
                close = at + tag.start()
                break
        else:
            return mathml
        out += [mathml[done:at], f'<munder><mo movablelimits="true">{match[1]}</mo>', mathml[match.end() : close]]
        out.append("</munder>")
        done = close + len("</msub>")
    return "".join(out) + mathml[done:] if out else mathml


# An operator's name ('\\cos', '\\log'): TeX sets a thin space between it and a letter or a number beside it,
# as MathJax does ('cos θ', 'i sin θ'); latex2mathml writes none, and the page showed 'cosθ', 'isinθ' (port hh 05)
_NAMES = "sin|cos|tan|cot|sec|csc|sinh|cosh|tanh|coth|arcsin|arccos|arctan|log|ln|lg|exp|det|dim|ker|gcd|deg|arg"
_THIN = '<mspace width="0.1667em"></mspace>'
_NAME_ARGUMENT = re.compile(rf"(<mi>(?:{_NAMES})</mi>)(?=<m(?:i|n|row|sub|sup|frac|sqrt)[ >])")
_NAME_AFTER_TERM = re.compile(rf"(?<=</mi>|</mn>)(<mi>(?:{_NAMES})</mi>)")


def for_mathml_core(mathml: str) -> str:
    """latex2mathml's MathML with what Chromium's MathML Core does not read written as it reads it."""
    if "columnalign" in mathml:
        mathml = _COLUMN.sub(_aligned, mathml)
    if 'mathvariant="bold' in mathml:
        mathml = _VARIANT.sub(_variant, mathml)
    if "\\" in mathml:
        mathml = _BRACE.sub(r"\1\2</mo>", mathml)
    if "&#x23D" in mathml:
        mathml = _STRETCHED.sub(r'<mo stretchy="true">\1</mo>', mathml)
    if "<msub><mo>" in mathml and 'display="block"' in mathml:
        mathml = _under(mathml)
    if "<mi>" in mathml and (_NAME_AFTER_TERM.search(mathml) or _NAME_ARGUMENT.search(mathml)):
        mathml = _NAME_AFTER_TERM.sub(rf"{_THIN}\1", _NAME_ARGUMENT.sub(rf"\1{_THIN}", mathml))
    return mathml


_FORMULA = re.compile(r"<math\b[^>]*>.*?</math>", re.S)
_INVISIBLE = str.maketrans(dict.fromkeys(map(ord, "\u2061\u2062\u2063\u2064\u200b")))


def named_math(shown: str) -> str:
    """Each formula of a question's prompt or of a choice named with its text as it reads in one line
    (``aria-label``): a screen reader names a question and each choice from their text, where a formula
    is flattened, '2/5' announced "25" in Firefox and "2 5" in Chromium, '4/10' "410" (round hh, a11y 2).
    The lesson's formulas keep their MathML alone, for a reader that reads MathML."""
    if "<math" not in shown:
        return shown
    return _FORMULA.sub(_named, shown)


def _named(match: re.Match[str]) -> str:
    from xml.etree.ElementTree import ParseError, fromstring

    try:
        text = " ".join(_linear(fromstring(match[0])).translate(_INVISIBLE).split())
    except (ParseError, RecursionError):  # (a formula no parser of XML reads: as it was)
        return match[0]
    return match[0].replace("<math ", f'<math aria-label="{html.escape(text)}" ', 1) if text else match[0]


def _linear(element: Any) -> str:
    """A MathML element as one line of text: '2/5', '(a+b)/c', 'x^2', '√(3)', '∛(x)' as '3√(x)'."""
    tag, kids = element.tag.rsplit("}", 1)[-1], list(element)
    if tag in ("mi", "mn", "mo", "mtext", "ms"):
        return element.text or ""
    if tag == "annotation" or tag == "annotation-xml":
        return ""
    if tag == "mspace":
        return " "
    if tag == "mfrac" and len(kids) == 2:
        return f"{_grouped(kids[0])}/{_grouped(kids[1])}"
    if tag in ("msup", "msub") and len(kids) == 2:
        return f"{_linear(kids[0])}{'^' if tag == 'msup' else '_'}{_grouped(kids[1])}"
    if tag == "msubsup" and len(kids) == 3:
        return f"{_linear(kids[0])}_{_grouped(kids[1])}^{_grouped(kids[2])}"
    if tag == "msqrt":
        return f"√({''.join(_linear(k) for k in kids)})"
    if tag == "mroot" and len(kids) == 2:
        return f"{_grouped(kids[1])}√({_linear(kids[0])})"
    if tag == "mtable":
        return "; ".join(", ".join(_linear(cell) for cell in row) for row in kids)
    parts: list[str] = []
    for kid in kids[:1] if tag == "semantics" else kids:
        text = _linear(kid)
        if kid.tag.endswith("mfrac") and parts and parts[-1][-1:].isdigit():
            text = " " + text  # a mixed number: '1 1/2', not '11/2'
        parts.append(text)
    return "".join(parts)


def _grouped(element: Any) -> str:
    text = _linear(element)
    return text if len(text) <= 1 or text.replace(".", "").replace(",", "").isalnum() else f"({text})"
