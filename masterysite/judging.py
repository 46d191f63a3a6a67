"""How an answer is judged: the build's half of the one rule table (the browser's half: js/judge.js).

Every accepted alternative has a *kind* and a normalised *form*:

=========  ===================  ==============================================  ======
kind       written as           form                                            hashed
=========  ===================  ==============================================  ======
``t``      ``= text``           NFC, trimmed, inner white space -> one space,   yes
                                lower case (:func:`lenient_text`)
``n``      ``= 0.75``           the exact value as ``"n/d"`` (``"3/4"``)        yes
``q``      ``= 0.7 km``         currency sign, value and unit: ``"|7/10|km"``,  yes
                                ``"$|3/4|"``; the unit lenient, without spaces
                                (:func:`parse_quantity`)
``e``      ``== text``          NFC, trimmed (:func:`exact_text`)               yes
``c``      choices              the correct choice ids, sorted, joined by ``,``  yes
``o``      ordering             the item ids in the right order, joined by ``,`` yes
range      ``= 0.75 ± 0.01``    ``[low, high]`` as ``"n/d"``, and ``"sign|unit"``  no
           ``= 10 ± 0.5 m/s``   for one with a unit (``[low, high, "|m/s"]``)
pattern    ``~ /re/i``          the canonical pattern (parse/patterns.py)       no
=========  ===================  ==============================================  ======

A question has *slots*: one for a choice, ordering or free-response question, one per blank
for a question with blanks; it is right when every slot is. The browser computes the same
forms from a response (``responseForms`` in js/judge.js) and looks up their salted hashes.
The shared case table tests/fixtures/judging/cases.json is run through both judges.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

from masterysite.model import Answer, Question
from masterysite.parse.numbers import ambiguous_comma, canonical, parse_number
from masterysite.parse.patterns import WHITESPACE, PatternError, translate

_SPACES = re.compile(f"[{WHITESPACE}]+")
CURRENCY = "$€£¥₹₩₽¢₢₣"
# A currency written with letters, before or after its number ('R$ 20', 'US$5', 'CHF 5.50', '20 EUR', '20 euros',
# '5 dollars', '500円'): its sign, so that '= R$ 20,00' takes 'R$20', '20 reais' and 'BRL 20', and '= 20 €'
# '20 euros' (new teacher ff 1, 6; port ff 04). One sign a currency: '₢' (the cruzeiro's) stands for the real,
# '₣' for the Swiss franc; SIGN_SHOWN writes them back in messages. (js/judge.js MONEY reads the same.)
_MONEY = {
    "₢": r"r\$|brl|reais|real",
    "$": r"us\$|usd|dollars?|d[óo]lar(?:es)?",
    "€": r"eur|euros?",
    "£": r"gbp|pounds?",
    "¥": r"jpy|yen|円",
    "₹": r"inr|rs\.?|rupees?",
    "₣": r"chf|fr\.?|francs?|franken",
}
_MONEY_WORD = "(" + "|".join(_MONEY.values()) + ")"
_MONEY_BEFORE = re.compile(rf"^{_MONEY_WORD}[{WHITESPACE}]*(?=[+\-\u2212]?[.,]?[0-9])", re.I)
_MONEY_AFTER = re.compile(rf"(?<=[0-9])[{WHITESPACE}]*{_MONEY_WORD}[.!?。]*$", re.I)  # (and '5 Euros.': gg 06)
SIGN_SHOWN = {"₢": "R$", "₣": "CHF"}


def _money_sign(word: str) -> str | None:
    return next((sign for sign, words in _MONEY.items() if re.fullmatch(words, word, re.I)), None)


_MINUS_FIRST = re.compile(rf"^([\-\u2012-\u2014\u2212])[{WHITESPACE}]*([{CURRENCY}])")


def money(text: str) -> str:
    """A currency's letters before or after a number as its sign ('R$ 20' -> '₢20', '20 euros' -> '20 €'); a minus
    before the sign after it ('-$5' is '$-5', as English writes a loss: jj judge 2)."""
    text = _MONEY_BEFORE.sub(lambda m: _money_sign(m[1]) or m[0], _MINUS_FIRST.sub(r"\2\1", text))
    return _MONEY_AFTER.sub(lambda m: " " + (_money_sign(m[1]) or m[1]), text)


UNIT_SIGNS = "%‰°′″'\"" + CURRENCY  # besides letters, what a unit may start with: '45°', '50 %', '5 €'
# A number then a unit ('0.7 km', '2 1/2 cups', '9.8 m/s^2', '300 000 km/s'), after an optional currency sign ('$0.75').
_QUANTITY = re.compile(
    rf"^([{CURRENCY}]?)[{WHITESPACE}]*"
    rf"([+\-\u2212]?(?:[0-9]+[{WHITESPACE}]+[0-9]+[{WHITESPACE}]*/[{WHITESPACE}]*[0-9]+|[0-9]+[{WHITESPACE}]*/[{WHITESPACE}]*[0-9]+"
    r"|[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?:[.,][0-9]+)?"  # digits in groups of three: '300 000 km/s'
    r"|(?:[0-9]+(?:[.,][0-9]+)?|[.,][0-9]+)(?:[eE][+-]?[0-9]+)?))"
    rf"[{WHITESPACE}]*(.*)$",
    re.S,
)
# A number grouped in thousands by commas, after an optional currency sign: '1,200', '$1,234,567', '1,200.5 km'.
_COMMA_GROUPS = re.compile(
    rf"^([{CURRENCY}]?[{WHITESPACE}]*[+\-\u2212]?)([0-9]{{1,3}}(?:,[0-9]{{3}})+)(\.[0-9]+)?(?![0-9,.])"
)
# Scientific notation as it is written by hand or typeset: '3.01 × 10^23', '3.01x10^23', '6.02*10**23',
# '3 × 10^{8}', '1.6 × 10^(-19)' (a calculator's), '6.02 × 10 ^ 8', '1.6 × 10⁻¹⁹' are read as '3.01e23' and
# so on (js/judge.js TIMES_TEN reads the same).
_TIMES_TEN = re.compile(
    rf"([0-9])[{WHITESPACE}]*[×xX*·⋅][{WHITESPACE}]*10(?:[{WHITESPACE}]*(?:\^|\*\*)[{WHITESPACE}]*"
    r"(?:\(([+\-\u2012-\u2014\u2212]?[0-9]+)\)|\{?([+\-\u2012-\u2014\u2212]?[0-9]+)\}?)|([⁻⁺]?[⁰¹²³⁴-⁹]+))"
)
# A power of ten alone ('10^-6', '10⁻⁶', '10**3'): one times it, as _TIMES_TEN reads
_BARE_TEN = re.compile(rf"^(-?)10(?=[{WHITESPACE}]*(?:\^|\*\*)|[⁻⁺⁰¹²³⁴-⁹])")
_FINAL_STOP = re.compile(r"(?<=[0-9])[.?。]+$")  # "1.5.", "1869?", "7。": a number written as a sentence (ii port 3)
# '1.500' where the decimal mark is a comma: grouped thousands, as German and Spanish write them
_DOT_GROUPS = re.compile(
    rf"^([{CURRENCY}]?[{WHITESPACE}]*[+\-\u2212]?)([0-9]{{1,3}}(?:\.[0-9]{{3}})+)(,[0-9]+)?(?![0-9,.eE])"
)
# A minus as typed: a space after it ('- 3'), a dash a word processor or a phone makes ('–3', '—3')
_DASH_MINUS = re.compile(rf"^([{CURRENCY}]?[{WHITESPACE}]*)[\-\u2012-\u2014\u2212][{WHITESPACE}]*(?=[.,]?[0-9])")
# Characters typeset as one: '½', '1½' (a mixed number), '℃', the fraction slash '⁄'
_TYPESET = re.compile(rf"(?:([0-9])[{WHITESPACE}]*)?([¼½¾⅐-⅞])|[℃℉⁄µ]")  # (js/judge.js: JavaScript's \s is WHITESPACE)
_SLASH = re.compile(rf"([0-9])[{WHITESPACE}]*/[{WHITESPACE}]*(?=[0-9])")  # '3 / 4': the fraction 3/4
BYTES_BITS = re.compile(r"([kmgtpe]?i?)b(?:/s|ps)?", re.I)  # a byte's 'B' and a bit's 'b', after a prefix or not
# A unit whose case is folded but for a first m or M: milli or mega ('mg', 'Mg'; 'ms', 'Ms'; 'mL', 'ML')
# Units that two SI units write alike but for case: tonne and tesla, pascal and picoampere, nanometre and newton
# metre, picosecond and petasecond, picometre and petametre, picogram and petagram, millisecond and millisiemens,
# nanosecond and newton second: compared as written, not ignoring case (ii judge 9). Also in js/judge.js.
CASED_UNITS = frozenset(("t", "pa", "nm", "ps", "pm", "pg", "ms", "ns"))
MILLI_MEGA = re.compile(r"m(?:g|s|m|l|w|j|v|a|hz|pa|n|ω|ohm|b|bar|t|c|wh|ev)?")
_PLUS_MINUS = re.compile(r"±|\+/?-")
_OPERATOR = re.compile(r"^(==|=|~)\s*")
_PATTERN = re.compile(r"^/(?P<body>.*)/(?P<flags>[A-Za-z]*)$", re.S)
# A lenient text answer that looks like code, an option or a file name: '-S', '../raw', 'ls -l', 'a.txt'.
# (an option, '-S', 'ls -l', '--oneline'; not a formula's minus: '-e^x - 2x', '-x + 1': ii port 10)
_CODE_LIKE = re.compile(
    r"(?:^|\s)--?[A-Za-z](?![\^²³¹⁰⁴-⁹]|\s*[-+*/=<>]\s)|(?<!\d)/|/(?!\d)|[\\|<>$*`{}\[\]=;_~]|^\.|\w\.[A-Za-z0-9]{1,5}$|\w\("
)

Form = tuple[str, str]  # (kind letter, normalised form): what is hashed


class AnswerError(ValueError):
    """A teacher's answer that cannot be judged as written; the message says how to fix it."""


@dataclass(frozen=True)
class Extras:
    """What one slot accepts that cannot be hashed: value ranges and patterns (shipped as data)."""

    ranges: tuple[tuple[str, ...], ...] = ()  # (low, high) or, with a unit, (low, high, "sign|unit")
    patterns: tuple[tuple[str, str], ...] = ()  # (canonical pattern, flags "" or "i")


# --- normalised forms ------------------------------------------------------------------------


# Digits as other keyboards type them (Arabic-Indic, Persian, Devanagari, Bengali) and the Arabic decimal
# mark, thousands sign and percent; the direction marks a right-to-left phone inserts, never seen: gone
_SCRIPT_CHARS = str.maketrans(
    {
        **{chr(zero + i): str(i) for zero in (0x660, 0x6F0, 0x966, 0x9E6) for i in range(10)},
        "\u066b": ".",
        "\u066c": "\u202f",
        "\u060c": ",",  # the Arabic comma, which many write for a decimal mark too ('٠،٧٥')
        "\u066a": "%",
        **dict.fromkeys(map(chr, [0x200E, 0x200F, 0x61C, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])),
    }
)
# A space that does not break (a Mac's Option+Space typed by accident, code pasted from a page, French
# typography's narrow one before ';'): a space; a space of no width (pasted): nothing (new teacher cc 12)
_UNBROKEN = str.maketrans({**dict.fromkeys("\u00a0\u2009\u202f", " "), **dict.fromkeys("\u200b\ufeff")})
# Full-width letters, digits and signs and the ideographic space (a phone left in Japanese or Chinese input), a
# Japanese keyboard's one-character units ('㎝', '㎏') and half-width katakana ('ﾃﾞｰﾀ'), Arabic presentation forms
# (pasted from a PDF): the characters they stand for (port ff 05, 13)
_COMPATIBLE = re.compile("[\u3000\u3300-\u33ff\ufb50-\ufdff\ufe70-\ufefe\uff01-\uff9f\uffe0-\uffe6]")


def exact_text(text: str) -> str:
    """The ``==`` form: NFC, trimmed; inner spaces and case kept. A digit of another script is that
    digit ('٥٦' is '56'), a full-width character the one it stands for ('５６' is '56', 'Ｈ２Ｏ' 'H2O'),
    a no-break space a space, and invisible direction marks and spaces of no width are left out."""
    text = unicodedata.normalize("NFC", text).translate(_UNBROKEN).translate(_SCRIPT_CHARS)
    if _COMPATIBLE.search(text):
        text = unicodedata.normalize("NFC", _COMPATIBLE.sub(lambda c: unicodedata.normalize("NFKC", c[0]), text))
    if "ー" in text:  # a Japanese input method's minus, the long vowel mark: 'ー3', '2xー1' (ii new 6)
        text = _LONG_VOWEL_MINUS.sub("-", text)
    return re.sub(f"^[{WHITESPACE}]+|[{WHITESPACE}]+$", "", text)


_FOLDED = str.maketrans("‘’“”₀₁₂₃₄₅₆₇₈₉⁺⁻−º˚", "''\"\"0123456789+--°°")
# Quotes as keyboards type them: curly, German's low ones ('„Hallo“'), French guillemets and the space inside
# them ('« Bonjour »'), the acute accent a German keyboard types for a prime ('f´(x)'; port ff 07, 15)
_QUOTES = str.maketrans("‘’“”∶‚„´ʼ", "''\"\":'\"''")  # (ʼ: a Ukrainian keyboard's apostrophe, jj judge 6)
_UNIT_SPACE = re.compile(
    rf"^([+-]?[0-9][0-9.,]*(?:e-?[0-9]+)?)[{WHITESPACE}]*([°º˚]?[A-Za-zµΩ%][A-Za-zµΩ%/·]*(?:\^?-?[0-9])?)$"
)
_SMART_DASH = re.compile(r"(?<!\S)—(?=[A-Za-z])")  # an option's '--' as an iPad's smart punctuation types it
_GUILLEMETS = re.compile(f"«[{WHITESPACE}]?|[{WHITESPACE}]?»")
_PRIME = re.compile("(?<=[A-Za-z])′")  # 'f′(x)': a prime after a letter ('45′' stays minutes of arc)
# A minus as a word processor or a phone types it before a number ('−4.6', '–4.6'): in '==' too (new teacher w 3)
_NUMBER_DASH = re.compile(r"(?<![0-9A-Za-z])[\u2012-\u2014\u2212](?=[.,]?[0-9])")  # (not a range's: '2–3')


def typeset(text: str) -> str:
    """One character for several as they are typeset, written out: '½' is '1/2', '1½' '1 1/2', '℃' '°C'; and a
    point for '×' after a decimal comma, as French schools type scientific notation ('6,02.10^23': new teacher ee 4)."""
    text = _TYPESET.sub(_written_out, text) if _TYPESET.search(text) else text
    return _POINT_TIMES.sub(r"\1×", text) if ".10" in text else text


_POINT_TIMES = re.compile(r"(,\d+)\.(?=10[*^⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺])")


def _written_out(match: re.Match[str]) -> str:
    if match[2]:  # a fraction, after a whole number or not
        return (f"{match[1]} " if match[1] else "") + unicodedata.normalize("NFKC", match[2]).replace("⁄", "/")
    return "/" if match[0] == "⁄" else unicodedata.normalize("NFKC", match[0])


def exact_form(text: str) -> str:
    """The ``==`` form compared: :func:`exact_text`, with what a keyboard or a phone types for the same
    characters made one: curly quotes straight (an iPad's 'l’élève'), an ellipsis three full stops (a Mac's
    and an iPhone's '…'), the ratio sign a colon ('3∶4'), the division slash a slash ('3∕4'), typeset
    characters written out ('¾' is '3/4'), a minus sign or dash before a number a hyphen ('−4.6', '–4.6'),
    a formula's subscript digits and charge plain ('CO₂' is 'CO2', 'Fe³⁺' 'Fe3+'),
    no space around a fraction's slash ('3 / 4' is '3/4'), and a number in scientific notation written one
    way, its digits kept ('3.0×10⁸', '3.0 x 10^8', '3.0E+8' are '3.0e8'; new teacher aa 3)."""
    text = typeset(exact_text(text)).translate(_QUOTES).replace("…", "...").replace("∕", "/")  # (U+2215: '∕')
    if "—" in text:  # an iPad types '--' as '—': 'git log —oneline' (ii judge 12)
        text = _SMART_DASH.sub("--", text)
    if "«" in text or "»" in text or "′" in text:
        text = _PRIME.sub("'", _GUILLEMETS.sub('"', text))
    if "10" in text:
        text = _SCIENTIFIC.sub(_e_notation, text)
    text = _E_NOTATION.sub(r"\1e", text)
    if "⁺" in text or "⁻" in text:
        text = _CHARGE.sub(_plain_charge, text)
    text = text.translate(_SUBSCRIPTS)
    text = _SLASH.sub(r"\1/", _NUMBER_DASH.sub("-", text) if _NUMBER_DASH.search(text) else text)
    if _UNIT_SPACE.search(text):  # a quantity's digits as written, its unit however spaced: '0.050g' (ii judge 5)
        text = _UNIT_SPACE.sub(lambda quantity: quantity[1] + quantity[2].replace("º", "°").replace("˚", "°"), text)
    return text


_LONG_VOWEL_MINUS = re.compile(r"(?<![^\s0-9A-Za-z(=+*/^])ー(?=[.,]?[0-9A-Za-z(])")


# A formula as typeset, in '==' too (new teacher z 2): subscript digits ('CO₂'), and a charge, its digits and
# sign ('Fe³⁺', 'SO₄²⁻'); not a superscript digit alone ('x²': a power)
_SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_CHARGE_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_CHARGE = re.compile("([⁰¹²³⁴⁵⁶⁷⁸⁹]*)([⁺⁻])")
_CHARGE_DASH = re.compile(r"(?<=[A-Za-z0-9])[\u2013\u2014](?=$|[ ,;.])")  # 'Cl–' as a phone types 'Cl⁻'


# scientific notation as typed ('3.0 × 10^8', '3.0x10^(-8)', '3.0*10**8', '3.0 · 10⁻⁸'): '3.0e8', '3.0e-8'
_SCIENTIFIC = re.compile(
    r"(\d)\s*[×xX*·⋅]\s*10\s*(?:(?:\^|\*\*)\s*\(?\s*([+\-\u2012-\u2014\u2212]?)\s*(\d+)(?:\s*\))?|([⁺⁻]?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+))"
)
_E_NOTATION = re.compile(r"(\d)[eE]\+?(?=-?\d)")  # '3.0E8', '3.0e+8': '3.0e8'


def _e_notation(match: re.Match[str]) -> str:
    sign = match[2] or match[4] or ""
    return f"{match[1]}e{'-' if sign not in ('', '+', '⁺') else ''}{match[3] or match[5].translate(_CHARGE_DIGITS)}"


def _plain_charge(match: re.Match[str]) -> str:
    return match[1].translate(_CHARGE_DIGITS) + ("+" if match[2] == "⁺" else "-")


_COMMA_SPACE = re.compile(" ?([,;]) ?")  # ('(2; 3)', '{0; 2,5}': a decimal comma's lists, port ff 02)
# '15h30', '15 h 30' (French): '15:30' (new ff 8); a duration '2 h 20 min' too, and '13 min 20 s' '13min20s' (ii port 2)
_HOUR_H = re.compile(
    "(?<=[0-9]) ?h ?([0-5][0-9])(?: ?min)?(?![0-9a-z])|(?<=[0-9]) ?(min) ?([0-5]?[0-9]) ?s(?![0-9a-z])"
)
# '15 : 30' (French typography): '15:30'; "{'a': 1}"; a JavaScript object's '{a: 1}' (ii port 5)
_COLON_SPACE = re.compile("(?<=[0-9A-Za-z_'\"]) ?: ?(?=[0-9A-Za-z_'\"])")
_LIGATURES = str.maketrans({"ß": "ss", "ẞ": "ss", "œ": "oe", "Œ": "oe"})
# Arabic as typed: its question mark, comma and semicolon; without the vowel marks (harakat) and the
# stretching tatweel, which a student may add or leave out ('القَاهِرَة', 'القاهـرة' are 'القاهرة'); the
# letters a keyboard's user writes for one another, as search engines fold them: alef with or without
# its hamza or madda, final yeh and alef maksura, teh marbuta and heh ('القاهره', 'الاكسجين', 'الضوئى'),
# and the Persian keyboard's yeh and kaf
_ARABIC = str.maketrans(
    {
        "؟": "?",
        "،": ",",
        "؛": ";",
        "、": ",",  # (Japanese's list comma: port ff 06)
        **dict.fromkeys("أإآٱ", "ا"),
        "ى": "ي",
        "ی": "ي",  # Persian's yeh and keheh, as a Persian keyboard types them ('کتاب' is 'كتاب')
        "ک": "ك",
        "ة": "ه",
        **dict.fromkeys(map(chr, [*range(0x64B, 0x660), 0x670, 0x640])),
    }
)


def lenient_text(text: str) -> str:
    """The ``=`` text form: NFC, trimmed, each run of white space one space, lower case, curly quotes
    straight (a phone's keyboard types 'Avogadro’s'), subscript digits plain ('H₂O' is 'H2O'), a charge's sign
    plain ('Na⁺' is 'Na+', 'Cl⁻' and 'Cl−' are 'Cl-'), a degree as a Spanish keyboard or a Mac types it ('25 ºC',
    '90˚') the degree sign, and without
    a sentence's own marks: a full stop, '!' or '?' at the end ('Numerator.' is the answer written as a
    sentence), Spanish's '¿' and '¡' at the start (an English keyboard has none), a comma with one space
    after it ('1,2,3' is the list '1, 2, 3'), no space around a colon between digits ('15 : 30', as French
    writes it, is '15:30'), and German's 'ß' and French's 'œ' as a keyboard without them types them ('ss',
    'oe': 'STRASSE' is 'Straße', as Unicode's case folding makes it; 'oeuf' is 'œuf'), and Arabic without
    its vowel marks and tatweel, its '؟' a question mark."""
    folded = _COMMA_SPACE.sub(r"\1 ", _SPACES.sub(" ", exact_form(text).translate(_ARABIC))).lower().translate(_FOLDED)
    folded = _SIGN.sub(lambda sign: _SIGNS.get(sign[0], "*"), folded.replace("i\u0307", "i").replace("ı", "i"))
    if "–" in folded or "—" in folded:  # (new teacher z 3)
        folded = _CHARGE_DASH.sub("-", folded)
    folded = _COLON_SPACE.sub(":", folded.translate(_LIGATURES))
    if "h" in folded or "min" in folded:
        folded = _HOUR_H.sub(lambda t: f":{t[1]}" if t[1] else f"min{t[3]}s", folded)
    folded = _LEADING_POINT.sub(r"\g<1>0.", _OPERATOR_SPACE.sub(r"\1", folded))
    folded = _COEFFICIENT_SPACE.sub("", folded)  # '3 x^2' is '3x^2', as when it was read as a unit (port hh 02)
    return _without_sentence_end(folded).rstrip(" ").lstrip("¿¡").lstrip(" ") or folded


def _without_sentence_end(folded: str) -> str:
    """Without the marks that end a sentence: after a word ('Numerator.', 'Oui !', 'Why?!') or a number's
    full stop ('x = 5.'); not the answer's own ('cd ..', 'git add .', '5!', a factorial: ii judge 1)."""
    end = _SENTENCE_END.search(folded)
    if end is None or not end.start():
        return folded
    before = folded[end.start() - 1]
    if before.isalpha() or unicodedata.category(before)[0] == "M" or (before in "0123456789" and "!" not in end[0]):
        return folded[: end.start()]
    return folded


_SENTENCE_END = re.compile(r"(?:[.!?。]+| [!?]+)$")
# Signs as a keyboard without them types them: 'x <= 3' is 'x ≤ 3', '->' '→', 'N2 + 3H2 <=> 2NH3' '⇌' (ii judge 4);
# a product's dot however typed ('2·e^x', '2⋅e^x', '2*e^x': ii port 4). A Turkish 'İ' and 'ı' are 'i' (ii judge 3).
_SIGN = re.compile("<=>|->|=>|<=|>=|!=|[·⋅∙]")
_SIGNS = {"<=>": "⇌", "->": "→", "=>": "⇒", "<=": "≤", ">=": "≥", "!=": "≠"}
# A formula however spaced, a decimal however begun: '1/(1 - c)' is '1/(1-c)', '(.25, .75)' '(0.25, 0.75)' (port ee 5)
_OPERATOR_SPACE = re.compile(r" ?([-+*/^=()<>\[\]{}|×÷≤≥≠→⇌⇒∩∪±≈]) ?")  # ('[ 1, 3 ]', port ff 01; 'P(1 | 0)', ff 03)
_LEADING_POINT = re.compile(r"(^|[^0-9A-Za-z_.])\.(?=[0-9])")
_COEFFICIENT_SPACE = re.compile(r"(?<=[0-9]) (?=[^\W\d_](?:\^|\*\*|[²³¹⁰⁴-⁹]))")  # a number times a variable's power


# After a number, algebra and not a unit (js/judge.js ALGEBRA): a power of the number ('2^n-1'), a power that
# is a letter ('5e^x'), or a letter alone raised to a power ('3x^2', '4.9t²'). A unit's power is a number,
# on a unit's symbol of more letters ('cm²'), on m or s ('m^2', 'm/s²'), or negative ('K^-1'); port hh 02:
# '= 2^n-1' had taken '2n-1', the '^' dropped as a unit's is.
_POWER = r"(?:\^|\*\*)"
_ALGEBRA = re.compile(
    rf"^[{WHITESPACE}]*{_POWER}|{_POWER}[{WHITESPACE}(]*[^\W\d_]"
    rf"|(?<![^\W\d_])(?![msMS])[^\W\d_](?:[{WHITESPACE}]*{_POWER}[{WHITESPACE}(]*\+?[0-9]|[²³¹⁰⁴-⁹])"
)


_DURATION = re.compile(rf"(?:h|min)[{WHITESPACE}]*[0-9]", re.I)


def parse_quantity(text: str) -> tuple[str, str, str] | None:
    """'0.70 km' -> ('', '0.70', 'km'); '$0.75' -> ('$', '0.75', ''); '5 €' -> ('€', '5', ''): a number
    with a unit or a currency sign (the unit lenient, without spaces). None for a plain number or text."""
    match = _QUANTITY.match(money(exact_text(text)))
    number = _SPACES.sub(" ", match[2]) if match else ""
    if match is None or parse_number(number) is None or ambiguous_comma(number):
        return None
    if match[3] and _ALGEBRA.search(match[3]):  # '2^n-1', '3x^2': a power of a variable, not a unit
        return None
    if match[3] and _DURATION.match(match[3]):  # '2 h 20 min', '13 min 20 s': a duration, text (ii port 2)
        return None
    sign, unit = match[1], unit_form(match[3]) if match[3] else ""
    unit = cased_factors(unit, match[3]) if unit else unit
    bits = BYTES_BITS.fullmatch(unit)  # 'MB/s' and 'Mb/s' (bytes, bits) differ: the 'b' as written (port ee 17)
    written = re.search("[bB]", match[3]) if bits is not None else None
    if bits is not None and written is not None:
        unit = unit[: bits.end(1)] + written[0] + unit[bits.end(1) + 1 :]
    if unit and not (unit[0].isalpha() or unit[0] in UNIT_SIGNS or (unit[0] == "/" and unit[1:2].isalpha())):
        return None
    if unit[:1] == "ª":  # a Spanish ordinal, '3ª mayor' (a third): words, not 3 of a unit (new teacher cc 6)
        return None
    if not sign and len(unit) == 1 and unit in CURRENCY:  # '5 €' is '€5'
        sign, unit = unit, ""
    return (sign, number, unit) if sign or unit else None


_FACTORS = re.compile(r"[/·]")
_WRITTEN_FACTORS = re.compile(rf"[/·⋅•∙*]|(?<=[^\W\d_])\.(?=[^\W\d_])|[{WHITESPACE}]+")
_SYMBOL = re.compile(r"[^\W\d_]+")
_METRE_OR_MOLAR = frozenset(("mm", "μm", "nm", "pm", "fm"))  # millimetre and millimolar, micrometre and micromolar…


def cased_factors(unit: str, written: str) -> str:
    """A unit (unit_form) with each factor's case as written where it is meaning: two units apart only by case
    (CASED_UNITS: 'nm' and 'Nm') and a metre or a molar after a prefix ('mm' and 'mM', 'µm' and 'µM'), as
    written; a first m or M, milli or mega ('mg', 'Mg'), or metre and molar ('m', 'M'), as written, the rest
    folded ('MG' is 'Mg'). In each factor of a quotient or a product too: '= 5 M/s' had taken '5 m/s', '= 3 mM'
    '3 mm', '= 5 mg/mL' '5 Mg/mL' (jj port 0b). Also in js/judge.js (casedFactors)."""
    folded = _FACTORS.split(unit)
    kept = [w for w in _WRITTEN_FACTORS.split(unicodedata.normalize("NFKC", written)) if w]
    if len(kept) != len(folded):
        return unit
    out = []
    for factor, as_written in zip(folded, kept, strict=True):
        symbol, typed = _SYMBOL.search(factor), _SYMBOL.search(as_written)
        if symbol is not None and typed is not None and typed[0].casefold() == symbol[0]:
            if symbol[0] in CASED_UNITS or symbol[0] in _METRE_OR_MOLAR:
                factor = factor[: symbol.start()] + typed[0] + factor[symbol.end() :]
            elif MILLI_MEGA.fullmatch(symbol[0]):
                factor = factor[: symbol.start()] + typed[0][0] + factor[symbol.start() + 1 :]
        out.append(factor)
    return "".join(f"{sep}{f}" for sep, f in zip(["", *_FACTORS.findall(unit)], out, strict=True))


def unit_case_matters(written: str) -> bool:
    """Whether a unit's case is compared anywhere in it (cased_factors: 'Mg', 'Pa', 'm/s'; not 'cm', 'g/mol')."""
    forms = {cased_factors(unit_form(w), w) for w in (written, written.lower(), written.upper())}
    return len(forms) > 1


# In a unit: a product sign ('mol·L', 'mol⋅L', 'mol*L', 'mol.L'; spaces around it), spaces around a
# quotient's slash ('km / h') or after a degree ('° C'), and a space between two symbols ('mol L')
_PRODUCT = re.compile(rf"[{WHITESPACE}]*(?:[·⋅•∙*]|(?<=[^\W\d_])\.(?=[^\W\d_]))[{WHITESPACE}]*")
_SLASH_SPACE = re.compile(rf"[{WHITESPACE}]*/[{WHITESPACE}]*|(?<=[°′″'\"])[{WHITESPACE}]+")
_SPACE_PRODUCT = re.compile(f"[{WHITESPACE}]+")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789", "^")


def unit_form(written: str) -> str:
    """A unit as it is compared (js/judge.js unitForm): lenient (its case folded but for milli and mega:
    parse_quantity), a product one middle dot however it is written ('mol L⁻¹', 'mol·L⁻¹', 'mol⋅L⁻¹',
    'mol.L⁻¹'; 'N m' is 'N·m', never 'nm'), a power however it is typed ('L⁻¹', 'L^-1', 'L-1'; 'm²',
    'm^2', 'm2'); no other spaces ('km / h' is 'km/h', '° C' '°C')."""
    unit = _PRODUCT.sub("·", lenient_text(written).translate(_SUPERSCRIPTS))
    return _SPACE_PRODUCT.sub("·", _SLASH_SPACE.sub(lambda m: "/" if "/" in m[0] else "", unit))


def _exponent(written: str) -> str:
    """'23', '−19', '⁻¹⁹' -> '23', '-19', '-19' (NFKC makes superscripts plain; '⁻' is then '−')."""
    return re.sub("[\u2012-\u2014\u2212]", "-", unicodedata.normalize("NFKC", written))


_APOSTROPHE_GROUPS = re.compile("(?<=[0-9])['’](?=[0-9]{3}(?![0-9]))")


def as_numbers_read(text: str) -> str:
    """The text with scientific notation written by hand in e-notation ('3.01 × 10^23' -> '3.01e23') and
    without a full stop after a final digit ('1.5.' -> '1.5'): what number parsing reads."""
    written = money(typeset(exact_text(text)))
    if "'" in written or "’" in written:  # Swiss thousands, '1'000' and '1’000’000' (port ff 08)
        written = _APOSTROPHE_GROUPS.sub("", written)
    written = _BARE_TEN.sub(r"\g<1>1×10", _DASH_MINUS.sub(r"\1-", written))
    written = _TIMES_TEN.sub(lambda m: f"{m[1]}e{_exponent(m[2] or m[3] or m[4])}", written)
    return _FINAL_STOP.sub("", written)


def readings(text: str, comma: bool | None = None) -> list[str]:
    """A text as numbers may read it: '1,500' is 1.5 where the course's decimal mark is a comma
    (``comma``) and 1500 where it is a point (a student who leaves 1500 g in grams has not found 1.5 kg);
    None (a teacher's answer, where '= 1,500' is refused as ambiguous): both, as written first. '0,350'
    is 0.35 whatever the mark (no grouping of thousands starts with 0: read as 350, it had made the
    unconverted '0,350 g' right for '0,350 kg in grams', new teacher ee 3), also with a unit ('0,350 g': the
    decimal reading is written with a point, as a quantity reads it); '1,234,567' and '1,200.5' can only be
    grouped thousands. Scientific notation and a final full stop are read as :func:`as_numbers_read` says."""
    written = as_numbers_read(text)
    if comma and (dotted := _DOT_GROUPS.match(written)) is not None:  # '1.500' (German, Spanish): 1500
        grouped = dotted[1] + dotted[2].replace(".", "") + (dotted[3] or "").replace(",", ".") + written[dotted.end() :]
        one = dotted[2].count(".") == 1 and not dotted[3] and dotted[2][0] == "0"
        return [written] if one else [grouped]  # ('0.350': 0.35, as '0,350' elsewhere)
    match = _COMMA_GROUPS.match(written)
    if match is None:
        return [written]
    rest = (match[3] or "") + written[match.end() :]
    grouped = match[1] + match[2].replace(",", "") + rest
    if match[2].count(",") > 1 or match[3]:
        return [grouped]
    decimal = match[1] + match[2].replace(",", ".") + rest
    if match[2][0] == "0":
        return [written, decimal]
    if comma is not None:
        return [decimal if comma else grouped]
    return [written, decimal, grouped]


def quantity_form(text: str) -> str | None:
    """The hashed form of a number with a unit: '|7/10|km' for '0.7 km' and '0.70km'."""
    quantity = parse_quantity(text)
    if quantity is None:
        return None
    value = parse_number(quantity[1])
    assert value is not None  # parse_quantity checked it
    return f"{quantity[0]}|{canonical(value)}|{quantity[2]}"


# --- parsing a teacher's answer ----------------------------------------------------------------


def parse_answer(line_text: str, line: int = 0, default: str = "=", comma: bool = False) -> Answer:
    """``= 0.75 ± 0.01`` / ``== -S`` / ``~ /colou?r/i`` -> Answer; AnswerError if it cannot be judged.

    ``default`` is the operator assumed when the text has none (a blank's ``[[3/4]]`` is lenient).
    ``comma``: the course's decimal mark is a comma: its teacher's numbers are read as its students'
    are (``= 1.200`` is 1200 and ``= 1,2`` is 1.2, as German writes them; see :func:`readings`)."""
    match = _OPERATOR.match(line_text)
    operator = match[1] if match else default
    text = line_text[match.end() :].strip() if match else line_text.strip()
    if not text:
        raise AnswerError(f"free-response answer is empty: write it after '{operator} '")
    feedback = _EDX_FEEDBACK.search(text) if operator != "==" else None
    if feedback is not None:  # ('= Paris {{Yes, …}}': no student can type that answer)
        raise AnswerError(
            f"'{feedback[1]}' after the answer is edX's feedback, which is not read here (it would be part of the"
            " answer, which no student could type): write it as a '> explanation' line after the answers"
        )
    if operator == "==":
        return Answer(text, line=line, kind="exact", operator="==")
    if operator == "~":
        return _pattern_answer(text, line)
    answer = _lenient_answer(text, line, comma)
    return replace(answer, comma=True) if comma and answer.kind in ("number", "quantity", "range") else answer


_EDX_FEEDBACK = re.compile(r"\S[ \t]+(\{\{.*\}\})[ \t]*$")
_TRAILING_ZEROS = re.compile(r"\.([0-9]*?)0+(?![0-9])")


_ZERO_COMMA = re.compile(rf"[{WHITESPACE}]*[+\-\u2212]?0,")


def _ambiguous(written: str) -> AnswerError:
    plain = exact_text(written)  # (the suggestions in ASCII: '1，000' from an input method, ii new 2)
    decimal = _TRAILING_ZEROS.sub(lambda m: f".{m[1] or '0'}", plain.replace(",", ".", 1), count=1)
    if _ZERO_COMMA.match(plain):  # ('0,005 m': no whole number '0005 m' to offer)
        return AnswerError(f"'{written}' is ambiguous: write {decimal} (a decimal) or a number without the comma")
    return AnswerError(
        f"'{written}' is ambiguous: write {plain.replace(',', '', 1)} for a whole number, or {decimal} for a decimal"
    )


# A number written in another base with its prefix: '0x1F', '0b1010', '0o17' (new teacher w 1: '0x1F' had been
# 0 with the unit 'x1F', so '-0x1F' and '00x1F' were right): a word, compared as text (ignoring case)
BASE_LITERAL = re.compile(r"[+\-\u2212]?0(?:[xX][0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*|[bB][01]+(?:_[01]+)*|[oO][0-7]+)")


def _lenient_answer(written: str, line: int, comma: bool = False) -> Answer:
    if BASE_LITERAL.fullmatch(exact_text(written)):
        return Answer(written, line=line, kind="text")
    # '1,234,567 km', '$1,200.50', '1,234,567 ± 5': thousands, read as such; '3.01 × 10^23' a number too
    # with a decimal comma: '1.200' (German: 1200), '1,2', '0,350' (a decimal); else of '1,200' read both
    # ways, the first reading is as written
    text = _decimal_reading(written) if comma else readings(written)[0]
    quantity = _QUANTITY.match(exact_text(text))
    grouped = quantity is not None and ambiguous_comma(_SPACES.sub(" ", quantity[2]))  # '1,000 m', '$1,000'
    zero = _ZERO_COMMA.match(text) is not None  # '0,005': no thousands start with 0, a decimal (port ff 19)
    if not comma and ((ambiguous_comma(text) and not zero) or (grouped and quantity_form(text.replace(",", "", 1)))):
        raise _ambiguous(written)
    number = parse_number(text)
    if number is not None:
        return Answer(written, number, None, line, kind="number")
    sign = _PLUS_MINUS.search(text)
    for side in (text[: sign.start()], text[sign.end() :]) if sign and not comma else ():
        if ambiguous_comma(side) and not _ZERO_COMMA.match(side):  # '= 1,500 ± 50', '= 5000 ± 1,000'
            raise _ambiguous(side.strip())
    # '= 10 ± 0.5 m/s', '= (10 ± 0.5) m/s'
    if sign and (ranged := _range_with_unit(text, sign, line, comma)) is not None:
        return Answer(written, ranged[0], ranged[1], line, kind="range", unit=ranged[2])
    if sign and (sign[0] == "±" or parse_number(text[: sign.start()]) is not None):
        value, tolerance = parse_number(text[: sign.start()]), parse_number(text[sign.end() :])
        if tolerance is not None and tolerance < 0:
            raise AnswerError(f"the tolerance after '{sign[0]}' must be positive: '= 0.75 {sign[0]} 0.01'")
        if tolerance is None:
            raise AnswerError(f"'{sign[0]}' must be followed by a number (the tolerance): '= 0.75 {sign[0]} 0.01'")
        if value is None:
            raise AnswerError(f"'{sign[0]}' needs a number before it: '= 0.75 {sign[0]} 0.01'")
        return Answer(written, value, tolerance, line, kind="range")
    if (
        quantity_form(text) is not None
        and not _REACTION.search(text)
        and not _NUMBER_PAIR.fullmatch(text)
        and not _HOUR_MINUTES.fullmatch(text)
        and not _CLOCK_12.fullmatch(text.strip())
        and "π" not in text  # ('2π' is no 2 of a unit 'π': jj judge 4)
        and not _DAY_MONTH.fullmatch(text)  # ('1 March' is a date, not 1 of a unit 'March': jj judge 13)
    ):
        return Answer(written, line=line, kind="quantity")
    return Answer(written, line=line, kind="text")


# a time as French, Spanish and Portuguese write it, '15h30', '15 h 30': no 15 of a unit 'h30' (new teacher ff 8)
_HOUR_MINUTES = re.compile(rf"[{WHITESPACE}]*[0-9]{{1,2}} ?[hH] ?[0-5][0-9][{WHITESPACE}]*")
# a reaction's arrow: '= 2 H₂ + O₂ → 2 H₂O' is no number 2 of a unit 'H₂ + O₂ → 2 H₂O' (new teacher dd 8)
_REACTION = re.compile(r"→|->|⟶|⇌|<=>|=>")
# two numbers joined by a word, '= 4.2 to 5.8', '= -1 and 1', '= 1 bis 5': no number 4.2 of a unit 'to 5.8' (whose
# advice, '= 4.2', made the lower end alone right: new teacher dd 2); the words, as text
_NUMBER_PAIR = re.compile(
    r"\s*[-+\u2212]?[0-9][0-9.,]*\s+(?:to|and|bis|und|à|et|a|y|e|al)\s+[-+\u2212]?[0-9][0-9.,]*\s*", re.I
)


_BRACKETED = re.compile(r"^\((.*)\)(.*)$", re.S)  # '(10 ± 0.5) m/s'


def _range_with_unit(
    text: str, sign: re.Match[str], line: int, comma: bool = False
) -> tuple[Fraction, Fraction, str] | None:
    """'10 ± 0.5 m/s', '10 m/s ± 0.5', '10 m/s ± 0.5 m/s', '(10 ± 0.5) m/s', '$5 ± 0.50' -> (value,
    tolerance, "sign|unit"); None when neither side has a unit or a currency sign."""
    left, right = text[: sign.start()].strip(), text[sign.end() :].strip()
    said = left  # (the number a message writes)
    bracketed = _BRACKETED.match(text.strip())
    if bracketed and bracketed[2].strip():
        inner = _PLUS_MINUS.search(bracketed[1])
        if inner is not None:  # (the unit of both: '(68 ± 1)%' is 68% ± 1%, not 68 ± 1 per cent of it: new dd 7)
            said, right = bracketed[1][: inner.start()].strip(), bracketed[1][inner.end() :].strip() + bracketed[2]
            left = said + bracketed[2]
    sides = (parse_quantity(left), parse_quantity(right))
    units = [(q[0], q[2]) for q in sides if q is not None]
    if not units:
        return None
    _per_cent_tolerance(sides, left, sign[0], comma)
    if any("|" in unit or _PLUS_MINUS.search(unit) for _, unit in units):  # '= (1.2 ± 0.05) kg | 1.2 ± 0.05'
        raise AnswerError(f"one range a line: write each accepted answer on a line of its own, '= {said} {sign[0]} …'")
    if len(set(units)) > 1:
        raise AnswerError(f"'{left}' and '{right}' have different units: write one ('= 1.2 {sign[0]} 0.05 kg')")
    value, tolerance = (parse_number(q[1] if q else side) for q, side in zip(sides, (left, right), strict=True))
    if value is None or tolerance is None:
        raise AnswerError(f"'{sign[0]}' goes between two numbers, the unit after them: '= 1.2 {sign[0]} 0.05 kg'")
    if tolerance < 0:
        raise AnswerError(f"the tolerance after '{sign[0]}' must be positive: '= 1.2 {sign[0]} 0.05 kg'")
    return value, tolerance, f"{units[0][0]}|{units[0][1]}"


def _per_cent_tolerance(
    sides: tuple[tuple[str, str, str] | None, ...], left: str, sign: str, comma: bool = False
) -> None:
    """'= 340 ± 5% m/s' (5 per cent of 340, as on paper) would be a range in the unit '%·m/s', which no
    answer of the number or of m/s is in: an error with the tolerance to write (new teacher round aa 1).
    '= 35% ± 2%' (per-cent points) is a range of per cents."""
    value, tolerance = sides
    if tolerance is None or not tolerance[2].startswith("%") or (value is not None and value[2].startswith("%")):
        return
    unit = tolerance[2][1:].lstrip("·")  # '5% m/s': the answer's unit after it ('340 m/s ± 5%': before)
    number = parse_number(value[1] if value is not None else left)
    share = parse_number(tolerance[1])
    if number is None or share is None:
        return
    width, share_written = f"{float(abs(number) * share / 100):.6g}", tolerance[1]
    if comma:  # (the course's decimal comma: its '1,013' reached here as 1.013; new teacher ee 2, ff 3)
        left, width, share_written = left.replace(".", ","), width.replace(".", ","), share_written.replace(".", ",")
    elif "," in left and "." not in left:  # ('= 0,75 ± 2%' in a course whose mark is a point)
        width = width.replace(".", ",")
    written = f"{left} {sign} {width}{' ' + unit if unit else ''}"
    points = (
        f"; if the answer is a percentage, '= {left}% {sign} {share_written}%'" if value is None and not unit else ""
    )
    raise AnswerError(
        f"a tolerance in per cent ('{share_written}%') is not read: it would make '%' part of the unit, and no"
        f" answer right; write the tolerance in the answer's unit, '= {written}' ({share_written}% of {left}){points}"
    )


def _decimal_reading(written: str) -> str:
    """A teacher's number where the decimal mark is a comma: '1.200' is 1200, '1.234,5' 1234.5, and a comma
    is the decimal mark ('1,200' and '0,350' are 1.2 and 0.35); on both sides of a '±' too."""
    sign = _PLUS_MINUS.search(written)
    if sign is not None:
        return _decimal_reading(written[: sign.start()]) + sign[0] + _decimal_reading(written[sign.end() :])
    spaced = written[: len(written) - len(written.lstrip())]
    found = readings(written.lstrip(), True)
    reading = found[0] if len(found) < 3 else found[1]  # ('0,350', read three ways elsewhere: the decimal)
    return spaced + (reading.replace(",", ".", 1) if _COMMA_DECIMAL.match(reading) else reading)


_COMMA_DECIMAL = re.compile(rf"^[{CURRENCY}]?[{WHITESPACE}]*[+\-\u2212]?[0-9]*,[0-9]")


def _pattern_answer(text: str, line: int) -> Answer:
    match = _PATTERN.match(text)
    if not match:
        raise AnswerError(f"write a pattern between slashes: '~ /{text.strip('/')}/' (or '/…/i' to ignore case)")
    if match["flags"] not in ("", "i"):
        raise AnswerError(f"unknown pattern flag '{match['flags']}': only '/…/i' (ignore case) is supported")
    if not match["body"]:
        raise AnswerError("the pattern is empty: write it between the slashes")
    try:
        canonical_pattern = translate(match["body"])
    except PatternError as error:
        raise AnswerError(f"pattern /{match['body']}/: {error}") from None
    return Answer(text, line=line, kind="pattern", pattern=canonical_pattern, ignore_case=match["flags"] == "i")


# A shell command a lesson teaches, and what follows it ('cd ..', 'git status', 'mkdir data', 'pip install numpy'):
# case matters to the shell (ii judge 2)
_COMMAND = re.compile(  # (not the commands that are words too: 'cat', 'head', 'sort', 'find', 'make'…)
    r"(?:cd|ls|pwd|git|mkdir|rmdir|rm|cp|mv|chmod|chown|grep|python3?|pip3?|npm|npx|conda|ssh|scp|curl|wget|sudo"
    r"|apt-get|docker|gcc|javac)(?: \S.*)?"
)


def looks_like_code(answer: Answer) -> bool:
    """A lenient text answer a teacher probably meant exactly (SPEC §5's warning)."""
    source = answer.source
    return (
        answer.kind == "text"
        and any(c.isalpha() for c in source)
        and bool(_CODE_LIKE.search(source) or _COMMAND.fullmatch(source))
        and (
            _NUMBER_PAIR.fullmatch(source) is None  # ('= 4.2 to 5.8': words, not code)
        )
    )


def split_alternatives(inside: str) -> list[str]:
    """The inside of a blank, ``colour|color`` or ``== -S | ~ /a|b/i``, -> its alternatives.

    A ``|`` inside a ``~ /…/`` pattern belongs to the pattern; ``\\|`` elsewhere is a ``|`` of the answer."""
    parts, rest = [], inside
    while True:
        rest = rest.strip()
        if rest.startswith("~"):
            end = re.search(r"/[A-Za-z]*\s*(\|)", rest[rest.find("/") + 1 :]) if "/" in rest else None
            cut = rest.find("/") + 1 + end.start(1) if end else -1
        else:
            bar = _UNESCAPED_BAR.search(rest)
            cut = bar.start() if bar else -1
        if cut < 0:
            parts.append(_unescape_bar(rest))
            return parts
        parts.append(_unescape_bar(rest[:cut].strip()))
        rest = rest[cut + 1 :]


_UNESCAPED_BAR = re.compile(r"(?<!\\)\|")


def _unescape_bar(text: str) -> str:
    """'\\|' in a blank is a '|' of the answer ('[[== \\|]]': a pipe in a shell command), not a separator."""
    return text if text.startswith("~") else text.replace("\\|", "|")


# --- what each slot accepts --------------------------------------------------------------------


def slots(question: Question) -> list[tuple[Answer, ...]]:
    """The free-response alternatives per slot (one slot per blank; choices and ordering: none)."""
    if question.kind == "blanks":
        return list(question.blanks)
    if question.kind == "text":
        return [question.answers]
    return []


def answer_form(answer: Answer) -> Form | None:
    """The hashable form of one alternative; None for ranges and patterns."""
    if answer.kind == "number" and answer.number is not None:
        return ("n", canonical(answer.number))
    if answer.kind == "text":
        return ("t", lenient_text(answer.source))
    if answer.kind == "quantity" and (form := quantity_form(as_read(answer))):
        return ("q", form)
    if answer.kind == "exact":
        return ("e", exact_form(answer.source))
    return None


# An ion's charge as typeset at the end of its formula ('Ca²⁺', 'SO₄²⁻', 'Na⁺'; not a power's '10⁻⁸')
_ION_CHARGE = re.compile(r"(?<=[A-Za-z0-9₀-₉)\]])([⁰¹²³⁴⁵⁶⁷⁸⁹]*)([⁺⁻])(?![⁰¹²³⁴⁵⁶⁷⁸⁹\w])")


_ORDINAL = re.compile(r"(\d)\.?ª")
# An ion's charge as a keyboard types it, at the end of a formula: after a caret ('Ca^2+', 'SO4^{2-}', 'MnO4^-'),
# after a space ('SO4 2-') or right after it ('Fe3+', 'NH4+', 'Na+'): where its digits are the charge's or the
# formula's ('NH4+' is NH₄⁺, 'Ca2+' Ca²⁺), both
_TYPED_ION = re.compile(
    r"(?<![\w^])(?P<formula>(?:[A-Z][a-z]?[0-9₀-₉]*|[()\[\]][0-9₀-₉]*)+?)"
    r"(?:\^\{?(?P<caret>[0-9]*)(?P<csign>[+\-−])\}?| (?P<spaced>[0-9]+)(?P<ssign>[+\-−])"
    r"|(?P<plain>[0-9]*)(?P<psign>[+\-−]))"
    r"(?=$|[\s,;(])"
)
_SUPERSCRIPT = str.maketrans("0123456789+-−", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻")


def _typeset_ions(source: str) -> list[str]:
    """A key whose ions a keyboard typed ('= Ca^2+', '== Fe3+', '= SO4 2-') with their charges typeset, as a
    key written 'Ca²⁺' is: each reading where the digits may be the charge's or the formula's. [] if none."""
    readings = [source]
    for found in reversed(list(_TYPED_ION.finditer(source))):
        formula, begin, end = found["formula"], found.start(), found.end()
        if found["csign"] or found["ssign"]:
            charges = [(formula, found["caret"] or found["spaced"] or "", found["csign"] or found["ssign"])]
        else:
            digits = re.search(r"[0-9]*$", formula)[0]  # type: ignore[index]
            plain, sign = found["plain"], found["psign"]
            charges = [(formula, plain, sign)] if plain else [(formula[: len(formula) - len(digits)], digits, sign)]
            if not plain and digits:
                charges.append((formula, "", sign))
        readings = [
            r[:begin] + f"{f}{(digits + sign).translate(_SUPERSCRIPT)}" + r[end:]
            for r in readings
            for f, digits, sign in charges
        ]
    return [r for r in readings if r != source]


def answer_forms(answer: Answer) -> list[Form]:
    """The hashable forms of one alternative: its form, and a unit "per" something in SI's other way too
    (unit_spellings: '= 20 m/s' is also '20 m·s-1'); an ion's charge typed after a caret too ('Ca^2+' for
    'Ca²⁺', as every other superscript is typed; 'SO4 2-' for 'SO₄²⁻': new teacher dd 12)."""
    forms = _answer_forms(answer)
    if forms and forms[0][0] == "t" and "ª" in forms[0][1]:  # '3ª' as typed: '3.ª' (RAE), '3a', '3.a' (cc 6)
        forms += [("t", _ORDINAL.sub(rf"\1{mark}", forms[0][1])) for mark in (".ª", "a", ".a")]
    if forms and forms[0][0] == "t" and _KEYBOARD_LESS.search(answer.source):  # 'pi/6', 'sqrt(2)' (jj judge 4, 8)
        typed = [lenient_text(t) for t in _keyboard_spellings(answer.source)]
        forms = list(dict.fromkeys([*forms, *(("t", t) for t in typed)]))
    if forms and forms[0][0] == "e" and _REACTION.search(answer.source):  # '== … -> …' takes '→' (jj judge 7)
        typeset = answer.source.replace("<=>", "⇌").replace("->", "→")
        keyboard = answer.source.replace("⇌", "<=>").replace("→", "->")
        forms = list(dict.fromkeys([*forms, ("e", exact_form(typeset)), ("e", exact_form(keyboard))]))
    if forms and forms[0][0] in ("t", "e") and (placed := _tone_placed_otherwise(answer.source)) is not None:
        fold = lenient_text if forms[0][0] == "t" else exact_form  # 'hòa' and 'hoà' (jj judge 6)
        forms = list(dict.fromkeys([*forms, (forms[0][0], fold(placed))]))
    if forms and forms[0][0] in ("t", "e") and not _ION_CHARGE.search(answer.source):
        for typeset in _typeset_ions(answer.source):  # 'Ca^2+', 'Fe3+', 'SO4 2-' as 'Ca²⁺'… (jj judge 1)
            forms = list(dict.fromkeys([*forms, *answer_forms(dataclasses.replace(answer, source=typeset))]))
    if forms and forms[0][0] in ("t", "e") and _ION_CHARGE.search(answer.source):
        fold = lenient_text if forms[0][0] == "t" else exact_form
        typed = [_ION_CHARGE.sub(lambda c: f"^{c[1]}{c[2]}", answer.source)]
        if any(c[1] for c in _ION_CHARGE.finditer(answer.source)):
            typed.append(_ION_CHARGE.sub(lambda c: f" {c[1]}{c[2]}" if c[1] else c[0], answer.source))
        forms = list(dict.fromkeys([*forms, *((forms[0][0], fold(t)) for t in typed)]))
    return forms


def _answer_forms(answer: Answer) -> list[Form]:
    form = answer_form(answer)
    if form is None:
        return []
    if form[0] in ("t", "e") and (note := _NOTE.match(form[1])) is not None:  # 'C♯' and 'C#' (new teacher aa 7)
        other = note[2].translate(_ACCIDENTALS)
        return [form, (form[0], f"{note[1]}{other}{form[1][note.end() :]}")]
    if form[0] == "t" and _SPELT_OTHERWISE.search(form[1]):
        return [("t", text) for text in text_spellings(form[1])]
    if form[0] == "t" and (date := _DATE.fullmatch(form[1])) is not None:  # '9.11.1989' is '09.11.1989' (jj judge 13)
        day, month = date[1].lstrip("0") or "0", date[3].lstrip("0") or "0"
        dates = [f"{d}{date[2]}{m}{date[2]}{date[4]}" for d in (day, day.zfill(2)) for m in (month, month.zfill(2))]
        return list(dict.fromkeys([form, *(("t", d) for d in dates)]))
    if form[0] == "t" and (twelve := _CLOCK_12.fullmatch(answer.source.strip())) is not None:
        return [("t", lenient_text(t)) for t in _twelve_hour_spellings(twelve)]  # '2:05 pm' (jj judge 3)
    if form[0] == "t" and (clock := _CLOCK.fullmatch(form[1])) is not None:  # '9:25' is '09:25' (port cc 31)
        hour = clock[1].lstrip("0") or "0"
        return list(dict.fromkeys([form, ("t", f"{hour}{clock[2]}"), ("t", f"{hour.zfill(2)}{clock[2]}")]))
    if form[0] != "q":
        return [form]
    sign, value, unit = form[1].split("|", 2)
    spellings = _PER_CENT if unit in _PER_CENT else unit_spellings(unit)  # ('95 percent' for '= 95%': new dd 14)
    return [("q", f"{sign}|{value}|{spelling}") for spelling in spellings]


# '%' as the word a student writes for it, in the languages of the theme (and the sign for the word)
# (each a lockbox on the page: the theme's four languages only)
_PER_CENT = ("%", "percent", "per·cent", "prozent", "pour·cent", "por·ciento")


def interval_pattern(answer: Answer) -> str | None:
    """'= 5 ± 0.8' typed as written, '5 ± 0.8' ('5+-0.8', '5 +/- 0.8'): the interval itself, as a question that
    asks for "mean ± margin" wants it (its bounds had been right, and the answer as written wrong: new teacher
    dd 1). A pattern, shipped beside the range (whose key is published anyway): its numbers as the teacher
    wrote them, with zeros after their decimals or not, in brackets or not, then its unit if it has one ('5.2 ±
    0.3 cm' and '(5.2 ± 0.3) cm' had been wrong for '= 5.2 ± 0.3 cm': ii judge 11). In both judges' pattern
    syntax (no '\\-')."""
    written = _INTERVAL_WRITTEN.fullmatch(answer.source.strip()) if answer.kind == "range" else None
    if written is None or bool(written[3]) != bool(answer.unit):
        return None
    centre, margin = _decimals(written[1]), _decimals(written[2])
    unit = rf" ?{_escaped(written[3])}" if written[3] else ""
    return rf"(\( ?{centre} ?(±|\+/?-) ?{margin} ?\)|{centre} ?(±|\+/?-) ?{margin}){unit}"


_INTERVAL_WRITTEN = re.compile(r"\(?\s*([-+−]?[0-9][0-9.,/]*)\s*(?:±|\+/?-)\s*([0-9][0-9.,/]*)\s*\)?\s*(\S.*)?")


def _decimals(number: str) -> str:
    """A number as a pattern: its decimal mark a point or a comma, zeros after its decimals or not ('1/3' as it is)."""
    if "/" in number:
        return _escaped(number)
    digits = re.sub(r"[.,]", "[.,]", _escaped(number).replace("\\.", "."))
    return digits + ("0*" if "[.,]" in digits else "(?:[.,]0*)?")


# A question that asks for a '±' form: "write it as mean ± margin", "plus or minus", "the uncertainty"
_INTERVAL_ASKED = re.compile(
    r"±|\+/?-|\bplus[ -](?:or[ -])?minus\b|más o menos|plus ou moins|\bplus-?minus\b|\bmarg(?:in|e|en)s?\b"
    r"|uncertaint|incertitud|unsicherheit|fehlergrenze",
    re.I,
)


def asks_interval(prompt_html: str) -> bool:
    """Whether a question asks for its answer in a '±' form (new teacher dd 1): there a range's own interval,
    typed as written, is right too (:func:`interval_pattern`); elsewhere the page carries no such pattern."""
    return _INTERVAL_ASKED.search(prompt_html) is not None


def _escaped(text: str) -> str:
    return re.sub(r"[\\^$.|?*+()\[\]{}]", lambda c: "\\" + c[0], text)


_CLOCK = re.compile(r"([0-9]{1,2})(:[0-5][0-9](?::[0-5][0-9])?)")  # a time of day, its hour padded or not
# Vietnamese's tone mark in an open 'oa', 'oe', 'uy' (not 'qu…'), placed on either vowel as keyboards differ: 'hòa'
# and 'hoà', 'thủy' and 'thuỷ' (old and new style, both in schools)
_TONE = "\u0300\u0301\u0303\u0309\u0323"
_TONE_ON = re.compile(rf"(?<![qQ])([oOuU])(?:([{_TONE}])([aAeEyY])|([aAeEyY])([{_TONE}]))(?![^\W\d_])")


def _tone_placed_otherwise(text: str) -> str | None:
    """A Vietnamese text with each open 'oa', 'oe', 'uy''s tone on the other vowel; None if it has none."""
    decomposed = unicodedata.normalize("NFD", text)
    placed = _TONE_ON.sub(lambda m: m[1] + (m[3] + m[2] if m[2] else m[5] + m[4]), decomposed)
    return unicodedata.normalize("NFC", placed) if placed != decomposed else None


# A date of numbers, its day and month with their zeros or not: '9.11.1989', '14/07/1789', '2024-3-1' is not one
_DATE = re.compile(r"([0-9]{1,2})([./-])([0-9]{1,2})\2([0-9]{2}|[0-9]{4})")
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|sept|déc|enero"
    "|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|januar|februar|märz|juni|juli"
    "|oktober|dezember"
)
_DAY_MONTH = re.compile(rf"\s*[0-9]{{1,2}}\.?(?:er|st|nd|rd|th)?\s+(?:of\s+|de\s+)?(?:{_MONTHS})[a-zéû]*\.?\s*", re.I)
# A time of day on a twelve-hour clock: '2:05 pm', '9:30 a.m.', '5 PM' (no 5 picometres: jj judge 3)
_CLOCK_12 = re.compile(r"(1[0-2]|0?[1-9])(?::([0-5][0-9]))?[ \u00a0]?([aApP])\.?[ \u00a0]?[mM]\.?")


def _twelve_hour_spellings(clock: re.Match[str]) -> list[str]:
    """A twelve-hour time as it is typed: its hour padded or not, ':00' or none for a whole hour, 'pm', 'p.m.',
    'p. m.', after a space or not (lenient_text folds the case)."""
    hour = clock[1].lstrip("0")
    minutes = [f":{clock[2]}"] if clock[2] and clock[2] != "00" else ["", ":00"]
    half = clock[3].lower()
    marks = [f"{half}m", f"{half}.m.", f"{half}. m."]
    return [
        f"{h}{m}{space}{mark}" for h in (hour, hour.zfill(2)) for m in minutes for space in ("", " ") for mark in marks
    ]


_SPELT_OTHERWISE = re.compile(r"[äöü^⁰¹²³⁴⁵⁶⁷⁸⁹→]|->")
_COEFFICIENT = re.compile(r"(?<![\w.,])([0-9]+) ?(?=[a-z(\[])")  # a reaction's '2 h2o' or '2h2o' (lower case here)
_RAISED = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_PLAIN_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


# What a keyboard without maths keys types for π, √ and an arrow: 'pi', 'sqrt(2)', '-->' (the page's judge reads
# '->' as '→', so '-->' is '-→', and '<->' '<→')
_KEYBOARD_LESS = re.compile(r"[π√→⇌]|->|<=>")
_ROOT = re.compile(r"√(\([^()]*\)|[0-9.]+|[^\W\d_])")


def _keyboard_spellings(text: str) -> list[str]:
    """A lenient key with π, √ or a reaction's arrow as typed without them: '= π/6' is 'pi/6', '= 2π' '2pi', '2 pi',
    '2*pi' and '2*π'; '= √2' is 'sqrt(2)', 'sqrt2' and '√(2)'; '= a → b' is 'a --> b'; '= a ⇌ b' 'a <-> b' (jj judge
    4, 8). Python only: the page gets each spelling's hash. At most 64."""
    text = text.replace("->", "→").replace("<=>", "⇌")
    spellings = [text]
    if "π" in text:
        spellings = [
            re.sub(r"(?<=[0-9])π", f"{times}{pi}", s).replace("π", pi)
            for s in spellings
            for pi in ("π", "pi")
            for times in ("", "*", " ")
        ]
    if "√" in text:

        def root(found: re.Match[str], form: int) -> str:
            inner = found[1][1:-1] if found[1].startswith("(") else found[1]
            return (f"sqrt({inner})", f"√({inner})", f"sqrt{found[1]}", found[0])[form]

        spellings = [_ROOT.sub(functools.partial(root, form=form), s) for s in spellings for form in range(4)]
    spellings += [s.replace("→", "-→") for s in spellings if "→" in s]
    spellings += [s.replace("⇌", "<→") for s in spellings if "⇌" in s]
    return list(dict.fromkeys(spellings))[:64]


def text_spellings(text: str) -> list[str]:
    """A lenient text answer (lenient_text) in the other ways a keyboard types it (port bb 7, 20): a power
    as '^2', '²' or ' ^ 2' ('= O(n^2)' had rejected 'O(n²)', the form the lesson shows), and German's
    'ä', 'ö', 'ü' as 'ae', 'oe', 'ue' ('= Bücher' had rejected 'Buecher' while '= Straße' took 'Strasse').
    Python only: the page gets each spelling's hash."""
    plain = re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+", lambda run: "^" + run[0].translate(_PLAIN_DIGITS), text)
    plain = re.sub(r"[ ]*\^[ ]*", "^", plain)
    powers = [plain]
    if "^" in plain:
        powers += [re.sub(r"\^(\d+)", lambda power: power[1].translate(_RAISED), plain), plain.replace("^", " ^ ")]
    spellings = powers + [p.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue") for p in powers]
    if "→" in text or "->" in text:  # a reaction: its arrow as typed, a coefficient next to its formula or not
        arrows = [arrow for s in spellings for arrow in (s.replace("->", "→"), s.replace("→", "->"))]
        spellings += [_COEFFICIENT.sub(rf"\1{space}", arrow) for arrow in arrows for space in (" ", "")]
    return list(dict.fromkeys(_OPERATOR_SPACE.sub(r"\1", spelling) for spelling in [text, *spellings]))


# A note's name, its accidental as printed or as typed: 'C♯' is 'C#', 'D♭' 'Db', 'F♯♯' 'F##' (and back); the
# names of Spanish, French and Italian courses too: 'Fa♯' is 'Fa#', 'Si♭' 'Sib' (new teacher cc 1)
_NOTE = re.compile(r"([A-Ga-g]|(?i:do|ré|re|mi|fa|sol|la|si|ut))(♯♯|##|♯|#|♭♭|bb|♭|b)(?=$|[0-9 \-])")
_ACCIDENTALS = str.maketrans("♯#♭b", "#♯b♭")


def range_units(unit: str) -> list[str]:
    """A range's "sign|unit" in each spelling (unit_spellings)."""
    sign, _, written = unit.partition("|")
    spellings = _PER_CENT if written in _PER_CENT else unit_spellings(written)  # ('= 68% ± 1%' takes '69 percent')
    return [f"{sign}|{spelling}" for spelling in spellings] if written else [unit]


def as_read(answer: Answer) -> str:
    """A quantity answer's text as its numbers are read (``answer.comma``: see parse_answer)."""
    return _decimal_reading(answer.source) if answer.comma else readings(answer.source)[-1]


def thousands_dots(text: str) -> bool:
    """'1.200', '$1.234.567,5': digits grouped by dots, as a course with a decimal comma writes thousands."""
    return _DOT_GROUPS.match(as_numbers_read(text)) is not None and not text.strip().startswith(("0.", "-0."))


_PER = re.compile(r"([^/()]*)/\(?([^/()]+)\)?")  # 'm/s2', 'j/(mol·k)', '/mol'
_FACTOR = re.compile(r"([^\W\d_]+)(-?\d+)?")  # 's2', 'mol', 'l-1'


# A unit's symbol and its names, as students write them (as compared: lower case, no spaces), in the theme's
# languages: '= 35 seconds' takes '35 s' and '35 sec', '= 2 min' '2 minutes' (port ee 8)
_UNIT_NAMES = [
    "s sec secs second seconds seconde secondes sekunde sekunden segundo segundos",
    "ms msec millisecond milliseconds milliseconde millisecondes millisekunde millisekunden milisegundo milisegundos",
    "min mins minute minutes minuten minuto minutos",
    "h hr hrs hour hours heure heures stunde stunden hora horas",
    "kg kilogram kilograms kilogramme kilogrammes kilogramm kilogramo kilogramos",
    "g gram grams gramme grammes gramm gramo gramos",
    "mg milligram milligrams milligramme milligrammes milligramm miligramo miligramos",
    "m metre metres meter meters mètre mètres metro metros",
    "km kilometre kilometres kilometer kilometers kilomètre kilomètres kilómetro kilómetros",
    "cm centimetre centimetres centimeter centimeters centimètre centimètres zentimeter centímetro centímetros",
    "mm millimetre millimetres millimeter millimeters millimètre millimètres milímetro milímetros",
    "l litre litres liter liters litro litros dm3",  # (a litre is a cubic decimetre, a millilitre a cubic centimetre)
    "ml millilitre millilitres milliliter milliliters mililitro mililitros cm3 cc",
    "M mol/l mol·l-1 mol/dm3 mol·dm-3",  # a concentration: molar, as chemistry writes it (new teacher hh 3)
    "°c celsius degc degree·celsius degrees·celsius degré·celsius degrés·celsius grad·celsius grados·celsius",
    "k kelvin kelvins",
    "n newton newtons",
    "j joule joules",
    "w watt watts",
    "v volt volts voltio voltios",
    "hz hertz",
    "pa pascal pascals",
    "° deg degree degrees degré degrés grad grado grados",
    "ω ohm ohms",  # (Ω is on no ordinary keyboard: jj judge 12)
    "mol mole moles",
    "a amp amps ampere amperes",
    "kj kilojoule kilojoules",
    "kw kilowatt kilowatts",
]
_NAMED_UNITS = {name: group.split() for group in _UNIT_NAMES for name in group.split()}


def unit_spellings(unit: str) -> list[str]:
    """A unit "per" something as it is compared (unit_form), also in the other way SI writes it, so that
    either is right (new teacher aa, z 6: '= 20 m/s' had rejected '20 m s⁻¹'): 'm/s' and 'm·s-1',
    'm/s2' and 'm·s-2', 'g/mol' and 'g·mol-1', 'j/(mol·k)' and 'j·mol-1·k-1', '/mol' and 'mol-1'; a unit's
    symbol and its names ('s', 'sec', 'seconds': _UNIT_NAMES). Python only: the page gets each spelling's
    hash (or range), and reads the student's unit as before."""
    named = _NAMED_UNITS.get(unit) or (_NAMED_UNITS.get(unit.lower()) if unit in ("Pa", "ms") else None)
    if named is not None:  # ('Pa', as written: CASED_UNITS, its names and its lower case symbol)
        return list(dict.fromkeys([unit, *named]))
    per = _PER.fullmatch(unit)
    if per is not None:  # 'a/b' -> 'a·b-1'
        factors = [_FACTOR.fullmatch(f) for f in per[2].split("·")]
        if not all(factors) or (per[1] and not all(_FACTOR.fullmatch(f) for f in per[1].split("·"))):
            return [unit]
        below = [f"{f[1]}{-int(f[2] or 1)}" for f in factors if f is not None]
        return [unit, "·".join(([per[1]] if per[1] else []) + below)]
    parts = [_FACTOR.fullmatch(f) for f in unit.split("·")]
    if "/" in unit or not all(parts) or not any(f is not None and f[2] and int(f[2]) < 0 for f in parts):
        return [unit]
    negative = [f for f in parts if f is not None and f[2] and int(f[2]) < 0]
    above = [f[0] for f in parts if f is not None and f not in negative]
    below = [f"{f[1]}{-int(f[2]) if int(f[2]) != -1 else ''}" for f in negative]
    under = below[0] if len(below) == 1 else f"({'·'.join(below)})"
    return [unit, f"{'·'.join(above)}/{under}"]


def accepted_forms(question: Question) -> list[list[Form]]:
    """Per slot, every hashable form that is right (the sealing of issue 10 keys lockboxes on these)."""
    if question.kind in ("single", "multiple"):
        return [[("c", ",".join(sorted(c.id for c in question.choices if c.correct)))]]
    if question.kind == "ordering":
        return [[("o", ",".join(c.id for c in question.choices))]]
    return [sorted({f for a in alternatives for f in answer_forms(a)}) for alternatives in slots(question)]


def extras(question: Question) -> list[Extras]:
    """Per slot, what is right but cannot be hashed (empty for choices and ordering)."""
    out = []
    for alternatives in slots(question):
        ranges = tuple(
            (canonical(a.number - a.tolerance), canonical(a.number + a.tolerance)) + ((unit,) if unit else ())
            for a in alternatives
            if a.kind == "range" and a.number is not None and a.tolerance is not None
            for unit in (range_units(a.unit) if a.unit else [""])
        )
        patterns = tuple((a.pattern, "i" if a.ignore_case else "") for a in alternatives if a.kind == "pattern")
        written = tuple((p, "") for a in alternatives if (p := interval_pattern(a)) is not None)
        if written and asks_interval(question.prompt_html):  # (the interval as written, where asked for that form)
            patterns += written
        out.append(Extras(ranges, patterns))
    return out


def unhashed(question: Question) -> list[Answer]:
    """The alternatives the page must carry as data (a range or a pattern cannot be hashed)."""
    return [a for alternatives in slots(question) for a in alternatives if a.kind in ("range", "pattern")]


def response_forms(text: str, comma: bool = False) -> list[Form]:
    """The forms a typed response could match (the browser computes the same and hashes them);
    ``comma``: the course's decimal mark is a comma (its strings' ``decimal_mark``, as the page says)."""
    forms = [("t", lenient_text(text)), ("e", exact_form(text))]
    for reading in readings(text, comma):
        number = parse_number(reading)
        if number is not None:
            forms.append(("n", canonical(number)))
        quantity = quantity_form(reading)
        if quantity is not None:
            forms.append(("q", quantity))
    return forms


# --- judging ---------------------------------------------------------------------------------


def matches(answer: Answer, text: str, comma: bool = False, interval: bool = False) -> bool:
    """Does one typed response match one alternative? (``comma``: see :func:`response_forms`; ``interval``: the
    question asks for a '±' form, and a range's own interval typed as written is right: :func:`asks_interval`.)"""
    if not exact_text(text):
        return False
    if answer.kind in ("number", "range"):
        if answer.number is None:
            return False
        units: list[str | None] = list(range_units(answer.unit)) if answer.unit else [None]
        values = [v for r in readings(text, comma) for u in units if (v := _value(r, u)) is not None]
        if any(abs(v - answer.number) <= (answer.tolerance or Fraction(0)) for v in values):
            return True
        written = interval_pattern(answer) if interval else None  # (a range's own interval, typed as written)
        return written is not None and re.fullmatch(written, exact_text(text)) is not None
    if answer.kind == "pattern":
        flags = re.IGNORECASE if answer.ignore_case else 0
        typed = exact_text(text)  # as typed, or with a phone's curly quotes straight ('‘Ann’'), as '==' reads them
        phone = _SMART_DASH.sub("--", typed.translate(_QUOTES))
        return any(re.fullmatch(f"(?:{answer.pattern})", t, flags) for t in (typed, phone))
    forms = response_forms(text, comma)
    return any(form in forms for form in answer_forms(answer))


def _value(reading: str, unit: str | None) -> Fraction | None:
    """The number a reading of a response is: alone (``unit`` None), or with that "sign|unit"."""
    if unit is None:
        return parse_number(reading)
    quantity = parse_quantity(reading)
    return parse_number(quantity[1]) if quantity is not None and f"{quantity[0]}|{quantity[2]}" == unit else None


def slot_right(alternatives: Sequence[Answer], text: object, comma: bool = False, interval: bool = False) -> bool:
    return isinstance(text, str) and any(matches(a, text, comma, interval) for a in alternatives)


def judge(question: Question, response: object, comma: bool = False) -> bool:
    """Is this response right? Text: a string; blanks: a list of strings (one per blank);
    choices: a list of choice ids; ordering: a list of item ids in the student's order.
    ``comma``: the course's decimal mark is a comma ('1,500' is 1.5 there, 1500 elsewhere)."""
    interval = asks_interval(question.prompt_html)
    if question.kind == "text":
        return slot_right(question.answers, response, comma, interval)
    if not isinstance(response, list | tuple) or not all(isinstance(r, str) for r in response):
        return False
    if question.kind == "blanks":
        return len(response) == len(question.blanks) and all(
            slot_right(b, r, comma, interval) for b, r in zip(question.blanks, response, strict=True)
        )
    if question.kind == "ordering":
        return list(response) == [c.id for c in question.choices]
    return bool(response) and sorted(response) == sorted(c.id for c in question.choices if c.correct)
