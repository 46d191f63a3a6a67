"""Split a unit file into YAML front matter and Markdown body, keeping line offsets."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from masterysite.errors import Report

_KEY = re.compile(r"[A-Za-z_][\w-]*:(?:\s|$)")  # a YAML key, as front matter starts
_HEADING = re.compile(r"#{1,6}[ \t]+\S")  # a Markdown heading ('# Title'), not a YAML comment ('#comment')
_PELICAN_TITLE = re.compile(r"Title:[ \t]+\S")  # (capitalised, as Pelican writes it: not YAML's 'title:')
_PELICAN_KEY = re.compile(r"([A-Z][A-Za-z_-]*):[ \t]+(.*)")


@dataclass(frozen=True)
class Split:
    yaml: str | None  # None: the file has no front matter
    body: str
    body_offset: int  # lines before the body (so body line 1 is file line body_offset + 1)
    yaml_offset: int = 1  # lines before the front matter's first (its opening '---'; Pelican's has none)


_TOML_KEY = re.compile(r"[ \t]*([A-Za-z0-9_-]+)[ \t]*=[ \t]*(.*?)[ \t]*")
_TOML_TABLE = re.compile(r"[ \t]*\[([A-Za-z0-9_.-]+)\][ \t]*(?:#.*)?")


def _toml_as_yaml(lines: list[str], path: str, report: Report) -> str:
    """TOML front matter (``+++``, Hugo's and Zola's) as the YAML it says, line for line: ``title = "Macros"``
    is ``title: "Macros"`` (TOML's strings, numbers, dates, booleans and arrays are YAML's too), a table
    ``[params]`` a mapping of the keys under it. What else TOML has (multi-line strings, inline tables)
    is an error at its line: it had been published as the lesson's first paragraph."""
    out, indent = [], ""
    for number, line in enumerate(lines, start=2):
        key = _TOML_KEY.fullmatch(line)
        if not line.strip() or line.lstrip().startswith("#"):
            out.append("")
        elif (table := _TOML_TABLE.fullmatch(line)) is not None:
            out.append(f"{table[1]}:")
            indent = "  "
        elif key is not None and not key[2].startswith(('"""', "'''", "{")):
            out.append(f"{indent}{key[1]}: {key[2]}")
        else:
            message = (
                "this line of TOML front matter ('+++', Hugo's) is not read here: write it in YAML, between '---'"
                " lines ('title: …')"
            )
            report.error(path, number, message)
            out.append("")
    return "\n".join(out)


def split(text: str, path: str, report: Report) -> Split:
    """``---`` on the first line opens front matter; the next ``---`` (or ``...``) closes it."""
    lines = text.split("\n")
    if lines and _KEY.match(lines[0]):  # 'title: …' on line 1 and a '---' below: the opening '---' forgotten
        close = next((i for i in range(1, min(len(lines), 60)) if lines[i].rstrip() == "---"), None)
        # (not remark's first slide, 'class: center' then a blank line and '# Title': read as front matter, the
        # title slide was lost as a YAML comment: port bb 27)
        head = lines[: close or 0]
        heading = any(not head[n - 1].strip() and _HEADING.match(head[n]) for n in range(1, len(head)))
        shaped = all(_KEY.match(x) or x[:1] in (" ", "\t", "-", "#", "") for x in lines[:close])
        if close is not None and shaped and not heading:
            report.error(path, 1, "front matter must start with a line '---': add it before line 1")
            return Split("\n".join(lines[:close]), "\n".join(lines[close + 1 :]), close + 1)
    if lines and _PELICAN_TITLE.match(lines[0]):  # Pelican's (MultiMarkdown's) 'Title: …' lines (port bb 18)
        end = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
        if all(_PELICAN_KEY.match(line) for line in lines[:end]):
            fields = [_PELICAN_KEY.match(line) for line in lines[:end]]
            yaml = "\n".join(f"{m[1].lower()}: {json.dumps(m[2].strip(), ensure_ascii=False)}" for m in fields if m)
            return Split(yaml, "\n".join(lines[end:]), end, yaml_offset=0)
    if lines and lines[0].rstrip() == "+++":  # Hugo's and Zola's TOML front matter
        close = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "+++"), None)
        if close is not None:
            return Split(_toml_as_yaml(lines[1:close], path, report), "\n".join(lines[close + 1 :]), close + 1)
    if not lines or lines[0].rstrip() != "---":
        return Split(None, text, 0)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return Split("\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 1)
    report.error(path, 1, "front matter opened with '---' on line 1 is never closed: add a line '---' after it")
    return Split(None, "", len(lines))
