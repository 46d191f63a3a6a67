"""Inline marks of pandoc (Quarto) and of MkDocs' PyMdown extensions that CommonMark shows as text:

- ``H~2~O`` and ``x^2^`` (pandoc; PyMdown's tilde and caret): subscript and superscript;
- ``==marked==`` (PyMdown's mark) and ``^^inserted^^`` (caret): ``<mark>`` and ``<ins>``;
- ``++ctrl+alt+del++`` (PyMdown's keys): each key a ``<kbd>``, named as on the keyboard;
- ``:material-pen:`` and other icon sets' shortcodes (Material for MkDocs): decoration, left out (this
  theme ships no icon fonts); ``:smile:`` and the commonest emoji shortcodes: the emoji;
- ``*[HTML]: Hyper Text Markup Language`` (Python-Markdown's abbreviations): the line is not shown, and
  the word, wherever it stands in the unit, becomes ``<abbr title="...">``;
- a LaTeX math environment on lines of its own (``\begin{equation}``), as pandoc gives it to MathJax:
  a display formula.

Each mark holds no space next to its markers (``a ~ b ~ c`` and ``x == y`` stay text), and its
content is Markdown (``==**key** idea==``).
"""

from __future__ import annotations

import html
import re
from typing import Any

from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

_WRAPPED = {  # (a run of more markers than these is no mark: '+=====+=====+' is a grid table's line)
    "=": (re.compile(r"==(?=[^\s=])(.+?)(?<=[^\s=])==(?!=)"), "mark"),
    "^": (re.compile(r"\^\^(?=[^\s^])(.+?)(?<=[^\s^])\^\^(?!\^)|\^((?:[^\s^\\]|\\.)+)\^(?!\^)"), "ins"),
    "~": (re.compile(r"~((?:[^\s~\\]|\\.)+)~(?!~)"), "sub"),
}
_KEYS = re.compile(r"\+\+([A-Za-z0-9][\w+-]*?)\+\+")
KEY_NAMES = {
    "ctrl": "Ctrl",
    "control": "Ctrl",
    "alt": "Alt",
    "option": "Option",
    "shift": "Shift",
    "cmd": "Cmd",
    "command": "Cmd",
    "meta": "Meta",
    "win": "Win",
    "windows": "Win",
    "super": "Super",
    "enter": "Enter",
    "return": "Return",
    "tab": "Tab",
    "esc": "Esc",
    "escape": "Esc",
    "space": "Space",
    "backspace": "Backspace",
    "del": "Del",
    "delete": "Del",
    "ins": "Ins",
    "insert": "Ins",
    "home": "Home",
    "end": "End",
    "page-up": "Page Up",
    "page-down": "Page Down",
    "up": "↑",
    "arrow-up": "↑",
    "down": "↓",
    "arrow-down": "↓",
    "left": "←",
    "arrow-left": "←",
    "right": "→",
    "arrow-right": "→",
    "caps-lock": "Caps Lock",
    "print-screen": "Print Screen",
}
_SHORTCODE = re.compile(r":([a-z0-9_+-]+):")
ICON_SETS = ("material-", "fontawesome-", "octicons-", "simple-")
EMOJI = {
    "smile": "😄",
    "smiley": "😃",
    "grin": "😁",
    "laughing": "😆",
    "wink": "😉",
    "blush": "😊",
    "slightly_smiling_face": "🙂",
    "thinking": "🤔",
    "sweat_smile": "😅",
    "sunglasses": "😎",
    "tada": "🎉",
    "rocket": "🚀",
    "star": "⭐",
    "sparkles": "✨",
    "fire": "🔥",
    "bulb": "💡",
    "warning": "⚠️",
    "memo": "📝",
    "pencil": "📝",
    "pencil2": "✏️",
    "book": "📖",
    "books": "📚",
    "computer": "💻",
    "question": "❓",
    "exclamation": "❗",
    "heavy_check_mark": "✔️",
    "white_check_mark": "✅",
    "x": "❌",
    "point_right": "👉",
    "point_up": "☝️",
    "+1": "👍",
    "thumbsup": "👍",
    "-1": "👎",
    "thumbsdown": "👎",
    "wave": "👋",
    "clap": "👏",
    "eyes": "👀",
    "heart": "❤️",
    "coffee": "☕",
    "hourglass": "⌛",
    "stopwatch": "⏱️",
    "bug": "🐛",
    "snake": "🐍",
    "penguin": "🐧",
    "whale": "🐳",
    "gear": "⚙️",
    "wrench": "🔧",
    "lock": "🔒",
    "key": "🔑",
    "link": "🔗",
    "mag": "🔍",
    "calendar": "📅",
    "chart_with_upwards_trend": "📈",
    "bar_chart": "📊",
    "dart": "🎯",
    "trophy": "🏆",
    "checkered_flag": "🏁",
    # books, papers and the classroom (MkDocs teaching sites: ':green_book:', ':man_raising_hand:')
    "green_book": "📗",
    "blue_book": "📘",
    "orange_book": "📙",
    "closed_book": "📕",
    "notebook": "📓",
    "open_book": "📖",
    "page_facing_up": "📄",
    "scroll": "📜",
    "spiral_notepad": "🗒️",
    "clipboard": "📋",
    "pushpin": "📌",
    "paperclip": "📎",
    "bookmark": "🔖",
    "label": "🏷️",
    "file_folder": "📁",
    "open_file_folder": "📂",
    "floppy_disk": "💾",
    "package": "📦",
    "mortar_board": "🎓",
    "school": "🏫",
    "raising_hand": "🙋",
    "man_raising_hand": "🙋\u200d♂️",
    "woman_raising_hand": "🙋\u200d♀️",
    "raised_hand": "✋",
    "hand": "✋",
    "raised_hands": "🙌",
    "ok_hand": "👌",
    "pray": "🙏",
    "muscle": "💪",
    "handshake": "🤝",
    "point_down": "👇",
    "point_left": "👈",
    "man_teacher": "👨\u200d🏫",
    "woman_teacher": "👩\u200d🏫",
    "man_student": "👨\u200d🎓",
    "woman_student": "👩\u200d🎓",
    "busts_in_silhouette": "👥",
    "brain": "🧠",
    "microscope": "🔬",
    "test_tube": "🧪",
    "dna": "🧬",
    "abacus": "🧮",
    "straight_ruler": "📏",
    "triangular_ruler": "📐",
    "jigsaw": "🧩",
    "hammer": "🔨",
    "hammer_and_wrench": "🛠️",
    "construction": "🚧",
    "zap": "⚡",
    "boom": "💥",
    "information_source": "ℹ️",
    "heavy_exclamation_mark": "❗",
    "bangbang": "‼️",
    "no_entry": "⛔",
    "no_entry_sign": "🚫",
    "stop_sign": "🛑",
    "speech_balloon": "💬",
    "thought_balloon": "💭",
    "mega": "📣",
    "loudspeaker": "📢",
    "bell": "🔔",
    "email": "📧",
    "envelope": "✉️",
    "globe_with_meridians": "🌐",
    "earth_africa": "🌍",
    "earth_americas": "🌎",
    "cloud": "☁️",
    "tv": "📺",
    "movie_camera": "🎥",
    "video_camera": "📹",
    "keyboard": "⌨️",
    "desktop_computer": "🖥️",
    "robot": "🤖",
    "joy": "😂",
    "confused": "😕",
    "nerd_face": "🤓",
    "partying_face": "🥳",
    "exploding_head": "🤯",
    "100": "💯",
    "heavy_plus_sign": "➕",
    "heavy_minus_sign": "➖",
    "arrow_right": "➡️",
    "arrow_forward": "▶️",
    "hourglass_flowing_sand": "⏳",
    "alarm_clock": "⏰",
    "triangular_flag_on_post": "🚩",
    "pen": "🖊️",
    "art": "🎨",
    "mag_right": "🔎",
    "gift": "🎁",
    "star2": "🌟",
    "seedling": "🌱",
}


def wrapped_rule(state: StateInline, silent: bool) -> bool:
    """``==mark==``, ``^^ins^^``, ``^sup^``, ``~sub~``: the element, its content parsed as Markdown."""
    marker = state.src[state.pos]
    found = _WRAPPED.get(marker)
    if found is None or (state.pos and state.src[state.pos - 1] == marker):
        return False
    pattern, tag = found
    match = pattern.match(state.src, state.pos)
    if match is None:
        return False
    if "[[" in state.src and _across_a_blank(state.src, state.pos, match.end()):
        return False  # a blank's answer is plain text: '[[e^x|2e^x]]' is two powers, not a superscript (ii port 1)
    inner = match.group(1)
    if inner is None:  # '^sup^' (the other branch of the caret's pattern)
        inner, tag = match.group(2), "sup"
    if not silent:
        children: list[Token] = []  # parsed on their own: their delimiters are no business of this run's
        state.md.inline.parse(inner.replace("\\ ", "\u00a0"), state.md, state.env, children)
        state.push("html_inline", "", 0).content = f"<{tag}>"
        for child in children:
            state.tokens.append(child)
            state.tokens_meta.append(None)  # (kept beside the tokens, one for one)
        state.push("html_inline", "", 0).content = f"</{tag}>"
    state.pos = match.end()
    return True


def _across_a_blank(src: str, start: int, end: int) -> bool:
    """Whether ``src[start:end]`` is inside a blank '[[…]]' or reaches into or out of one."""
    return "[[" in src[start:end] or "]]" in src[start:end] or src.rfind("[[", 0, start) > src.rfind("]]", 0, start)


def keys_rule(state: StateInline, silent: bool) -> bool:
    """``++ctrl+c++``: the keys to press, each in a ``<kbd>``."""
    match = _KEYS.match(state.src, state.pos)
    if match is None:
        return False
    if not silent:
        keys = [_key_name(key) for key in match.group(1).split("+")]
        inner = "+".join(f"<kbd>{html.escape(key)}</kbd>" for key in keys)
        state.push("html_inline", "", 0).content = f'<kbd class="keys">{inner}</kbd>'
    state.pos = match.end()
    return True


def _key_name(key: str) -> str:
    return KEY_NAMES.get(key.lower()) or (key.upper() if len(key) <= 3 else key.replace("-", " ").title())


def shortcode_rule(state: StateInline, silent: bool) -> bool:
    """``:smile:`` -> the emoji; ``:material-pen:`` (an icon) -> nothing; any other name stays text."""
    match = _SHORTCODE.match(state.src, state.pos)
    if match is None:
        return False
    name = match.group(1)
    icon = name.startswith(ICON_SETS)
    if not icon and name not in EMOJI:
        return False
    if not silent and not icon:
        state.push("text", "", 0).content = EMOJI[name]
    state.pos = match.end()
    if icon and state.src.startswith("{", state.pos):  # ':fontawesome-brands-youtube:{ .youtube }': its look, gone too
        from masterysite.parse.extras import parse_attributes

        parsed = parse_attributes(state.src[state.pos : state.posMax])
        state.pos += parsed[1] if parsed is not None else 0
    before = state.src[match.start() - 1] if match.start() else " "
    if icon and before == " " and state.pos < state.posMax and state.src[state.pos] == " ":
        state.pos += 1  # ':material-pen: Exercise': no double space where the icon stood
    return True


_ABBREVIATION = re.compile(r"\*\[([^\]]+)\]:[ \t]*(.*)")
ABBREVIATIONS = "ms_abbreviations"  # env key: term -> what it stands for


def abbreviation_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """``*[HTML]: Hyper Text Markup Language``: noted for the whole unit, the line not shown."""
    if state.is_code_block(start):
        return False
    pos, stop = state.bMarks[start] + state.tShift[start], state.eMarks[start]
    if not state.src.startswith("*[", pos):
        return False
    match = _ABBREVIATION.fullmatch(state.src, pos, stop)
    if match is None:
        return False
    if not silent:
        state.env.setdefault(ABBREVIATIONS, {})[match.group(1).strip()] = match.group(2).strip()
        state.line = start + 1
    return True


def abbreviations(state: StateCore) -> None:
    """After the inline parse: every text of the unit that holds a noted term gets it as ``<abbr>``."""
    terms: dict[str, str] = state.env.get(ABBREVIATIONS) or {}
    if not terms:
        return
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, sorted(terms, key=len, reverse=True))) + r")(?!\w)")
    for token in state.tokens:
        if token.type == "inline" and token.children:
            token.children = _with_abbreviations(token.children, pattern, terms)


def _with_abbreviations(children: list[Token], pattern: re.Pattern[str], terms: dict[str, str]) -> list[Token]:
    out: list[Token] = []
    for child in children:
        if child.type != "text" or pattern.search(child.content) is None:
            out.append(child)
            continue
        last = 0
        for match in pattern.finditer(child.content):
            if match.start() > last:
                out.append(Token("text", "", 0, content=child.content[last : match.start()]))
            term = match.group(1)
            out.append(Token("html_inline", "", 0, content=f'<abbr title="{html.escape(terms[term])}">'))
            out.append(Token("text", "", 0, content=term))
            out.append(Token("html_inline", "", 0, content="</abbr>"))
            last = match.end()
        if last < len(child.content):
            out.append(Token("text", "", 0, content=child.content[last:]))
    return out


def marks_plugin(md: Any) -> None:
    md.inline.ruler.after("strikethrough", "ms_wrapped", wrapped_rule)
    md.inline.ruler.before("ms_wrapped", "ms_keys", keys_rule)
    md.inline.ruler.before("ms_wrapped", "ms_shortcode", shortcode_rule)
    md.block.ruler.before("list", "ms_abbreviation", abbreviation_rule, {"alt": ["paragraph"]})
    md.core.ruler.after("inline", "ms_abbreviations", abbreviations)
    md.block.ruler.before("paragraph", "ms_environment", environment_rule, {"alt": ["paragraph"]})


_ENVIRONMENT = re.compile(r"\\begin\{(equation|align|gather|multline|eqnarray|alignat|flalign)(\*?)\}")


def environment_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A LaTeX math environment on lines of its own, outside ``$$`` (``\\begin{equation}`` ...
    ``\\end{equation}``): pandoc passes it to MathJax, so Quarto shows a formula; a display formula here."""
    if state.is_code_block(start):
        return False
    pos, stop = state.bMarks[start] + state.tShift[start], state.eMarks[start]
    if not state.src.startswith("\\begin{", pos):
        return False
    match = _ENVIRONMENT.match(state.src, pos, stop)
    if match is None:
        return False
    closing = f"\\end{{{match.group(1)}{match.group(2)}}}"
    last = next((n for n in range(start, end) if closing in state.src[state.bMarks[n] : state.eMarks[n]]), None)
    if last is None or not state.src[state.bMarks[last] : state.eMarks[last]].rstrip().endswith(closing):
        return False
    if not silent:
        token = state.push("math_block", "math", 0)
        token.block, token.markup, token.map = True, "$$", [start, last + 1]
        token.content = state.getLines(start, last + 1, state.blkIndent, False)
        state.line = last + 1
    return True
