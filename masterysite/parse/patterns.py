"""``~ /pattern/`` answers: the part of regular-expression syntax that Python and JavaScript read alike.

A teacher's pattern is parsed here and re-written into one canonical string that both engines
run: Python ``re.fullmatch(f"(?:{p})", ...)`` and the browser ``new RegExp("^(?:" + p + ")$", "u")``
(js/judge.js). Whatever the two would read differently is either translated to a spelling they
share (``\\d`` -> ``[0-9]``, ``.`` -> "any character but a line break") or rejected with a message:
lookbehind, named groups, inline flags, possessive quantifiers, ``\\Z``/``\\A``, ``\\b``,
back-references, Unicode property classes, a lone ``{`` or ``]`` (a literal in Python, an error in
JavaScript). The subset is a whitelist: a construct not named here is rejected.
"""

from __future__ import annotations

import re
import signal
import threading
from dataclasses import dataclass, field

# JavaScript's \s (and String.trim) set, spelled out so Python reads the same characters.
WHITESPACE = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
_CLASSES = {"d": "0-9", "w": "A-Za-z0-9_", "s": WHITESPACE}
_DOT = "[^\\n\\r\\u2028\\u2029]"
_SYNTAX = set("^$\\.*+?()[]{}|/")
_CONTROL = set("ntrfv")
_MAX_REPEAT = 1000
_REPEAT = re.compile(r"\{(\d+)(,(\d*))?\}")
_HEX4 = re.compile(r"u[0-9A-Fa-f]{4}")


class PatternError(ValueError):
    """A pattern outside the shared subset; the message says what to write instead."""


_GROUP_ERRORS = {
    "(?P": "named groups '(?P<…>' are Python-only: use '(?:…)' or plain '(…)'",
    "(?<=": "lookbehind '(?<=' is read differently by Python and JavaScript: rewrite without it",
    "(?<!": "lookbehind '(?<!' is read differently by Python and JavaScript: rewrite without it",
    "(?<": "named groups '(?<…>' are JavaScript-only: use '(?:…)' or plain '(…)'",
    "(?#": "comments '(?#…)' are Python-only",
}

_ESCAPE_ERRORS = {
    "b": "'\\b' (word boundary) is read differently by Python and JavaScript",
    "B": "'\\B' is read differently by Python and JavaScript",
    "A": "'\\A' is Python-only: the pattern already has to match the whole answer",
    "Z": "'\\Z' is Python-only: the pattern already has to match the whole answer",
    "z": "'\\z' is not a JavaScript escape: the pattern already has to match the whole answer",
    "p": "Unicode classes '\\p{…}' are read differently by Python and JavaScript",
    "P": "Unicode classes '\\P{…}' are read differently by Python and JavaScript",
    "k": "named back-references '\\k<…>' are not supported",
    "x": "write '\\u00XX' instead of '\\xXX'",
}


MAX_GROUP_DEPTH = 20  # groups inside groups: more than any pattern a teacher means


def translate(source: str) -> str:
    """The teacher's pattern -> the canonical pattern both engines run; PatternError if outside the subset."""
    depth = deepest = 0
    for char in re.sub(r"\\.|\[(?:\\.|[^\]])*\]", "", source):  # (escapes and classes hold no groups)
        depth += (char == "(") - (char == ")")
        deepest = max(deepest, depth)
    if deepest > MAX_GROUP_DEPTH:  # (300 deep had been 'nested too deeply to read (lists or quotes?)': round y 11)
        raise PatternError(f"groups nested {deepest} deep: a pattern may nest them {MAX_GROUP_DEPTH} deep at most")
    parser = _Parser(source)
    out = parser.alternation(0)
    if parser.i < len(source):
        raise PatternError("unmatched ')': write '\\)' for a literal parenthesis")
    re.compile(out)  # the subset always compiles; a failure here is a bug, not the teacher's mistake
    if parser.often >= 2:  # one repeat alone runs in linear time; several may split a text many ways
        _probe(out, parser.groups[0].repeated)
    return out


PROBE_LENGTH = 1000  # the pages and the report keep an answer to 1,000 characters
PROBE_SECONDS = 0.1  # a repeat of two overlapping repeats takes ~0.005 s, of three ~0.7 s (a tenfold margin)
_PROBE_CHARS = "a0 A_,.-é\t"
_PROBE_ENDS = ("!", "")  # (no line break: both judges take an answer trimmed, on one line)


class _Slow(Exception):
    pass


def _too_slow(_signum: int, _frame: object) -> None:
    raise _Slow


def _probe(canonical: str, repeated: list[str]) -> None:
    """PatternError if a long wrong answer made of one character a repeat takes (' aaa…a!') keeps both
    engines backtracking (a polynomial of degree 3 or more, or exponential): repeats side by side that
    overlap ('\\w*\\s*\\w*\\s*\\w*', '\\d*\\d*\\d*')
    or a counted repeat of something optional ('(a?){30}a{30}'), which the check of repeated groups does
    not see. (Where there is an alarm: the regular expression engine stops at a signal.)"""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return
    compiled = re.compile(f"(?:{canonical})", re.IGNORECASE)  # (case folded: the wider of the two)
    chars = [c for c in _PROBE_CHARS if any(re.fullmatch(atom, c, re.IGNORECASE) for atom in repeated)]
    before = signal.signal(signal.SIGVTALRM, _too_slow)  # (CPU time: a busy machine does not fail a fine pattern)
    try:
        for char in chars:
            for end in _PROBE_ENDS:
                text = char * (PROBE_LENGTH - len(end)) + end
                signal.setitimer(signal.ITIMER_VIRTUAL, PROBE_SECONDS)
                try:
                    compiled.fullmatch(text)
                except _Slow:
                    shown = {" ": "spaces", "\t": "tabs"}.get(char, f"'{char}'s")
                    raise PatternError(
                        f"a wrong answer of {PROBE_LENGTH:,} {shown}{' and ' + repr(end) if end else ''} takes"
                        " long to check, far longer than a short one (in the student's browser and in the"
                        " report): its repeats can split one text in many ways; repeat one class instead,"
                        " such as '[\\w ]*' for '\\w*\\s*\\w*', or '\\d*' for '\\d*\\d*'"
                    ) from None
                finally:
                    signal.setitimer(signal.ITIMER_VIRTUAL, 0)
    finally:
        signal.signal(signal.SIGVTALRM, before)


@dataclass
class _Group:
    """What a group holds, to tell a repeat of it that backtracks exponentially ('(\\d+,?)+')."""

    repeated: list[str] = field(default_factory=list)  # atoms that repeat inside it, at any depth
    fixed: list[str] = field(default_factory=list)  # characters it must match, outside any repeat or group
    firsts: list[str | None] = field(default_factory=list)  # each alternative's first character, if literal


def _many(repeat: str) -> tuple[bool, bool]:
    """(may match more than once, may match many times: unbounded or up to ten or more)."""
    if repeat.rstrip("?") in ("*", "+"):
        return True, True
    match = _REPEAT.fullmatch(repeat.rstrip("?"))
    if match is None:
        return False, False
    low, high = int(match[1]), match[3]
    if match[2] is None:  # '{3}'
        return low > 1, low >= 10
    return high == "" or int(high) > 1, high == "" or int(high) >= 10


def _ambiguous(group: _Group) -> bool:
    """Whether a repeat of this group can split a text in many ways: it holds a repeat and no character
    it must match that the repeat cannot ('(\\w+ )*' is safe: a word never holds the space), or two
    alternatives start alike ('(a|aa)+')."""
    firsts = [f for f in group.firsts if f is not None]
    if len(firsts) != len(set(firsts)):
        return True
    if not group.repeated:
        return False

    def matches(atom: str, char: str) -> bool:
        try:
            return re.fullmatch(atom, char) is not None
        except re.error:
            return True

    return not any(all(not matches(atom, char) for atom in group.repeated) for char in group.fixed)


class _Parser:
    def __init__(self, source: str) -> None:
        self.s, self.i = source, 0
        self.groups = [_Group()]  # the innermost group open last (the whole pattern first)
        self.literal: str | None = None  # the atom just read is this one character
        self.closed: _Group | None = None  # the atom just read is this group
        self.often = 0  # repeats that may match many times

    def peek(self, ahead: int = 0) -> str:
        j = self.i + ahead
        return self.s[j] if j < len(self.s) else ""

    def alternation(self, depth: int) -> str:
        parts = [self.sequence(depth)]
        while self.peek() == "|":
            self.i += 1
            parts.append(self.sequence(depth))
        if len(parts) == 1:
            self.groups[-1].firsts.clear()
        return "|".join(parts)

    def sequence(self, depth: int) -> str:
        out: list[str] = []
        group = self.groups[-1]
        while self.i < len(self.s) and self.peek() not in "|)":
            start = self.i
            self.literal = self.closed = None
            atom, repeatable = self.atom(depth)
            literal, inner = self.literal, self.closed
            repeat = self.quantifier() if repeatable else self.no_quantifier()
            if not out:
                group.firsts.append(literal if not repeat else None)
            again, often = _many(repeat)
            self.often += often
            if inner is not None and often and _ambiguous(inner):
                raise PatternError(
                    f"'{self.s[start : self.i]}' repeats a group that can match the same text in many ways: on a"
                    " long wrong answer the check can take minutes (in the student's browser and in the report);"
                    " repeat one class instead, such as '[\\d, ]+' or '[a-z ]+'"
                )
            if inner is not None:
                group.repeated += inner.repeated
            if again:
                group.repeated.append(atom)
            elif literal is not None and not repeat:
                group.fixed.append(literal)
            out.append(atom + repeat)
        if self.peek() == ")" and depth == 0:
            raise PatternError("unmatched ')': write '\\)' for a literal parenthesis")
        return "".join(out)

    def atom(self, depth: int) -> tuple[str, bool]:
        c = self.peek()
        if c == "(":
            return self.group(depth)
        if c == "[":
            return self.char_class(), True
        self.i += 1
        if c == ".":
            return _DOT, True
        if c == "\\":
            return self.escape(), True
        if c == "^":
            if self.i == 1:
                return "", False
            raise PatternError("'^' may only start the pattern (it must match the whole answer anyway)")
        if c == "$":
            if self.i == len(self.s):
                return "", False
            raise PatternError("'$' may only end the pattern (it must match the whole answer anyway)")
        if c in "*+?{":
            raise PatternError(f"'{c}' has nothing to repeat: write '\\{c}' for the character itself")
        if c in "]}":
            raise PatternError(f"write '\\{c}' for a literal '{c}'")
        self.literal = c
        return _literal(c), True

    def group(self, depth: int) -> tuple[str, bool]:
        rest = self.s[self.i :]
        lookahead = rest.startswith(("(?=", "(?!"))
        if rest.startswith("(?:") or lookahead:
            opening, self.i = rest[:3], self.i + 3
        elif rest.startswith("(?"):
            for start, message in _GROUP_ERRORS.items():
                if rest.startswith(start):
                    raise PatternError(message)
            raise PatternError("inline flags '(?…)' are not shared by Python and JavaScript: use '/…/i' for case")
        else:
            opening, self.i = "(?:", self.i + 1  # no back-references, so capturing is never needed
        self.groups.append(_Group())
        inner = self.alternation(depth + 1)
        if self.peek() != ")":
            raise PatternError("'(' is never closed: add ')' or write '\\(' for a literal parenthesis")
        self.i += 1
        self.closed = self.groups.pop()
        return f"{opening}{inner})", not lookahead

    def no_quantifier(self) -> str:
        if (self.peek() and self.peek() in "*+?") or _REPEAT.match(self.s, self.i):
            raise PatternError("a quantifier here has nothing to repeat (JavaScript rejects it)")
        return ""

    def quantifier(self) -> str:
        c = self.peek()
        match = _REPEAT.match(self.s, self.i)
        if c and c in "*+?":
            out, self.i = c, self.i + 1
        elif match:
            low, high = int(match[1]), match[3]
            if low > _MAX_REPEAT or (high and int(high) > _MAX_REPEAT):
                raise PatternError(f"repeat counts above {_MAX_REPEAT} are not supported")
            if high and int(high) < low:
                raise PatternError(f"'{match[0]}': the second count must not be smaller than the first")
            out, self.i = match[0], match.end()
        else:
            if c == "{":
                raise PatternError("write '\\{' for a literal '{', or a repeat as {2}, {2,} or {2,5}")
            return ""
        if self.peek() == "?":
            out, self.i = out + "?", self.i + 1
        if self.peek() == "+":
            raise PatternError("possessive quantifiers ('*+', '++', '?+') are Python-only")
        if (self.peek() and self.peek() in "*?") or _REPEAT.match(self.s, self.i):
            raise PatternError("a quantifier cannot follow another one: group it with '(?:…)' first")
        return out

    def escape(self) -> str:
        """After a backslash outside a class."""
        c = self.peek()
        self.i += 1
        if not c:
            raise PatternError("the pattern ends with a lone '\\'")
        if c in _SYNTAX or c == "-":
            self.literal = c
            return _literal(c)
        if c in _CLASSES:
            return f"[{_CLASSES[c]}]"
        if c.lower() in _CLASSES:
            return f"[^{_CLASSES[c.lower()]}]"
        return self.simple_escape(c)

    def simple_escape(self, c: str) -> str:
        if c in _CONTROL:
            return "\\" + c
        if c == "u" and _HEX4.match(self.s, self.i - 1):
            self.i += 4
            return "\\" + self.s[self.i - 5 : self.i]
        if c.isdigit():
            raise PatternError(f"back-references ('\\{c}') are not supported")
        raise PatternError(_ESCAPE_ERRORS.get(c, f"'\\{c}' is not an escape Python and JavaScript read alike"))

    def char_class(self) -> str:
        self.i += 1
        negate = self.peek() == "^"
        if negate:
            self.i += 1
        if self.peek() == "]":
            raise PatternError("an empty '[]' or a ']' first in a class is read differently: write '\\]'")
        items: list[str] = []
        while self.peek() != "]":
            if not self.peek():
                raise PatternError("'[' is never closed: add ']' or write '\\[' for a literal bracket")
            items.append(self.class_item())
        self.i += 1
        return "[" + ("^" if negate else "") + "".join(items) + "]"

    def class_item(self) -> str:
        if self.s.startswith(("&&", "||", "~~", "--", "["), self.i):
            raise PatternError(f"'{self.s[self.i : self.i + 2]}' inside [...] is read differently: escape it")
        start = self.class_char()
        if start is None:  # \d, \w or \s inside a class
            return _CLASSES[self.s[self.i - 1]]
        if self.peek() == "-" and self.peek(1) not in ("]", ""):
            self.i += 1
            end = self.class_char()
            if end is None:
                raise PatternError("a range in [...] cannot end with a class like \\d")
            if ord(_char_of(end)) < ord(_char_of(start)):
                raise PatternError(f"range {_char_of(start)}-{_char_of(end)} is out of order")
            return f"{start}-{end}"
        return start

    def class_char(self) -> str | None:
        """One character of a class, as emitted; None for \\d, \\w, \\s (the caller expands them)."""
        c = self.peek()
        self.i += 1
        if c != "\\":
            return "\\" + c if c in "\\]^-[" else c
        e = self.peek()
        self.i += 1
        if not e:
            raise PatternError("the pattern ends with a lone '\\'")
        if e in _SYNTAX or e == "-":
            return "\\" + e
        if e in _CLASSES:
            return None
        if e.lower() in _CLASSES:
            raise PatternError(f"'\\{e}' inside [...] is read differently: write the negated class [^...] instead")
        return self.simple_escape(e)


def _literal(c: str) -> str:
    return "\\" + c if c in _SYNTAX else c


def _char_of(emitted: str) -> str:
    """The character an emitted class character stands for (for range order)."""
    if emitted.startswith("\\u"):
        return chr(int(emitted[2:], 16))
    if emitted.startswith("\\") and len(emitted) == 2:
        return {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v"}.get(emitted[1], emitted[1])
    return emitted
