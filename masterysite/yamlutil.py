"""YAML that remembers where every key came from, so errors can name the line."""

from __future__ import annotations

import datetime
import re
from typing import Any

import yaml

from masterysite.errors import Report

MAX_DEPTH = 50  # deeper nesting is never a course, only a mistake (or an attack)
MAX_NODES = 100_000  # aliases can make a tiny file expand without bound ("billion laughs")


class WrittenFloat(float):
    """A number that remembers how it was written: ``title: 1.10`` is the text '1.10', not '1.1'."""

    source: str

    def __str__(self) -> str:
        return self.source


class WrittenInt(int):
    """``title: 007`` stays '007' when used as text."""

    source: str

    def __str__(self) -> str:
        return self.source


def _as_written(value: Any, node: yaml.Node) -> Any:
    """Plain YAML scalars where a teacher may have meant text: dates stay as written
    (``title: 2024-09-01``), numbers keep their spelling when turned into text."""
    if not isinstance(node, yaml.ScalarNode) or node.style:  # quoted or block scalars are text already
        return value
    if isinstance(value, (datetime.date, datetime.datetime)):
        return str(node.value)
    if type(value) is float:
        written_float = WrittenFloat(value)
        written_float.source = str(node.value)
        return written_float
    if type(value) is int:
        written_int = WrittenInt(value)
        written_int.source = str(node.value)
        return written_int
    return value


class LineDict(dict[str, Any]):
    """A mapping whose ``lines`` gives the 1-based source line of each key."""

    def __init__(self, line: int = 0) -> None:
        super().__init__()
        self.line = line
        self.lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class LineList(list[Any]):
    """A sequence whose ``lines`` gives the 1-based source line of each item."""

    def __init__(self, line: int = 0) -> None:
        super().__init__()
        self.line = line
        self.lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.lines[index] if 0 <= index < len(self.lines) else self.line


class TooComplex(Exception):
    """YAML nested too deeply or expanding too far through aliases."""

    def __init__(self, node: yaml.Node, what: str) -> None:
        super().__init__(what)
        self.node, self.what = node, what


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _text(value: str, node: yaml.Node) -> str:
    """A string that can be written to a page: JSON-style surrogate pairs joined, nothing unprintable."""
    if _SURROGATE.search(value):
        before = value.count("\ufffd")
        value = value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")  # joins "\ud83d\ude00"
        if value.count("\ufffd") > before:
            problem = "an escape like '\\ud800' is not a character: write the character itself"
            raise yaml.constructor.ConstructorError(None, None, problem, node.start_mark)
    if _CONTROL.search(value):
        problem = "a control character (like '\\0') cannot be shown on a page: remove it"
        raise yaml.constructor.ConstructorError(None, None, problem, node.start_mark)
    return value


class _Builder:
    def __init__(self, path: str, offset: int, report: Report) -> None:
        self.path, self.offset, self.report = path, offset, report
        self.constructor = yaml.constructor.SafeConstructor()
        self.count = 0
        self.active: set[int] = set()

    def line(self, node: yaml.Node) -> int:
        return int(node.start_mark.line) + 1 + self.offset

    def build(self, node: yaml.Node, depth: int = 0) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise TooComplex(node, "too many values (an alias repeated too often?)")
        if depth > MAX_DEPTH or id(node) in self.active:
            raise TooComplex(node, "nested too deeply (or an alias refers to itself)")
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            self.active.add(id(node))
            try:
                return self.mapping(node, depth) if isinstance(node, yaml.MappingNode) else self.sequence(node, depth)
            finally:
                self.active.discard(id(node))
        return self.scalar(node)

    def scalar(self, node: yaml.Node) -> Any:
        try:
            value = self.constructor.construct_object(node, deep=True)
        except yaml.YAMLError:
            raise
        except (ValueError, TypeError, OverflowError) as exc:  # e.g. '!!int abc', a 13th month
            problem = f"cannot read this value: {exc}"
            raise yaml.constructor.ConstructorError(None, None, problem, node.start_mark) from None
        if isinstance(value, str):
            return _text(value, node)
        return _as_written(value, node)

    def sequence(self, node: yaml.SequenceNode, depth: int) -> LineList:
        out = LineList(self.line(node))
        for item in node.value:
            out.append(self.build(item, depth + 1))
            out.lines.append(self.line(item))
        return out

    def mapping(self, node: yaml.MappingNode, depth: int) -> LineDict:
        out = LineDict(self.line(node))
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.report.error(self.path, self.line(key_node), "a key must be a plain name, not a list or mapping")
                continue
            raw = self.scalar(key_node)
            key = "" if raw is None else str(raw)
            if key in out:
                first = out.lines[key]
                self.report.error(self.path, self.line(key_node), f"duplicate key '{key}' (first on line {first})")
            out[key] = self.build(value_node, depth + 1)
            out.lines[key] = self.line(key_node)
        return out


def _hint(problem: str) -> str:
    """A YAML parser's wording, plus what a teacher usually has to do about it."""
    if "\\t" in problem:
        return f"{problem} (YAML indents with spaces, not tabs)"
    if problem.startswith("expected <block end>"):
        return f"{problem} (check the indentation: the items of one list or mapping must line up)"
    if "mapping values are not allowed" in problem:
        return f"{problem} (put text containing ': ' in quotes, or check the indentation)"
    return problem


_UNCLOSED = {
    "flow sequence": "the list opened with '[' here",
    "flow mapping": "the mapping opened with '{' here",
    "quoted scalar": "the quoted text that starts here",
}


def _error(exc: Exception, path: str, offset: int, report: Report) -> None:
    problem = str(getattr(exc, "problem", None) or "not valid YAML")
    context = str(getattr(exc, "context", None) or "")
    context_mark = getattr(exc, "context_mark", None)
    opened = next((what for key, what in _UNCLOSED.items() if key in context), None)
    if opened and context_mark is not None and ("stream end" in problem or "end of stream" in problem):
        # The parser noticed at the end of the file; the teacher needs the line that opened it.
        report.error(path, int(context_mark.line) + 1 + offset, f"malformed YAML: {opened} is never closed")
        return
    mark = getattr(exc, "problem_mark", None) or context_mark
    line = int(mark.line) + 1 + offset if mark is not None else offset + 1
    report.error(path, line, f"malformed YAML: {_hint(problem)}")


_FAST = getattr(yaml, "CSafeLoader", None)


def _compose(text: str) -> Any:
    """libyaml when present (about 10x faster on 1,000 front matters); on any error, parse again
    with the pure-Python loader, whose messages the teacher sees (and the tests pin)."""
    if _FAST is not None:
        try:
            return yaml.compose(text, Loader=_FAST)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


_WIDE_KEY = re.compile(r"^(?:[ \u3000]*\u3000[ \u3000]*[A-Za-z_][\w-]*[:：]|[ ]*[A-Za-z_][\w-]*：)[^\n]*", re.M)


def load(text: str, path: str, report: Report, offset: int = 0) -> Any:
    """Parse YAML; on any error report ``path:line`` and return None, never raise.

    ``offset`` is the number of lines before the YAML in its file (front matter).
    """
    wide = _WIDE_KEY.search(text) if "：" in text or "\u3000" in text else None
    if wide is not None:  # an input method's '：' or indent: said at its line, as what it is (ii new 3)
        line = text.count("\n", 0, wide.start()) + 1 + offset
        written = wide[0].strip(" \u3000")
        if "：" in written:
            fixed = written.replace("：", ": ", 1).replace(":  ", ": ")
            message = f"'{written}' is written with a full-width colon '：' (an input method's): write '{fixed}'"
        else:
            message = f"'{written}' is indented with a full-width space (an input method's): indent with ASCII spaces"
        report.error(path, line, message)
        return None
    try:
        node = _compose(text)
        return None if node is None else _Builder(path, offset, report).build(node)
    except yaml.YAMLError as exc:
        _error(exc, path, offset, report)
    except TooComplex as exc:
        report.error(path, int(exc.node.start_mark.line) + 1 + offset, f"malformed YAML: {exc.what}")
    except RecursionError:
        report.error(path, offset + 1, "malformed YAML: nested too deeply")
    return None
