"""YAML that remembers where every key came from, so errors can name the line."""

from __future__ import annotations

from typing import Any

import yaml

from masterysite.errors import Report


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
        return self.lines[index] if index < len(self.lines) else self.line


class _Builder:
    def __init__(self, path: str, offset: int, report: Report) -> None:
        self.path, self.offset, self.report = path, offset, report
        self.constructor = yaml.constructor.SafeConstructor()

    def line(self, node: yaml.Node) -> int:
        return node.start_mark.line + 1 + self.offset

    def build(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node)
        if isinstance(node, yaml.SequenceNode):
            out = LineList(self.line(node))
            for item in node.value:
                out.append(self.build(item))
                out.lines.append(self.line(item))
            return out
        return self.constructor.construct_object(node, deep=True)

    def mapping(self, node: yaml.MappingNode) -> LineDict:
        out = LineDict(self.line(node))
        for key_node, value_node in node.value:
            key = self.build(key_node)
            if isinstance(key, (dict, list)):
                self.report.error(self.path, self.line(key_node), "a key must be a plain name")
                continue
            key = "" if key is None else str(key)
            if key in out:
                self.report.error(self.path, self.line(key_node), f"duplicate key '{key}'")
            out[key] = self.build(value_node)
            out.lines[key] = self.line(key_node)
        return out


def load(text: str, path: str, report: Report, offset: int = 0) -> Any:
    """Parse YAML; on a syntax error report ``path:line`` and return None.

    ``offset`` is the number of lines before the YAML in its file (front matter).
    """
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + offset if mark else offset + 1
        what = exc.problem or "not valid YAML"
        report.error(path, line, f"malformed YAML: {what}")
        return None
    except yaml.YAMLError as exc:
        report.error(path, offset + 1, f"malformed YAML: {exc}")
        return None
    if node is None:
        return None
    try:
        return _Builder(path, offset, report).build(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 + offset if mark else offset + 1
        report.error(path, line, f"malformed YAML: {getattr(exc, 'problem', exc)}")
        return None
