"""The floor: markdown-it-py alone renders every unit body of a course.

Run as a fresh process so that start-up and import time count, as they do
for mkdocs and masterysite. Reads units/*.md, strips the front matter,
renders, and writes nothing. Prints the number of units and HTML bytes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from markdown_it import MarkdownIt


def body(text: str) -> str:
    """Everything after the closing '---' of the front matter."""
    if not text.startswith("---\n"):
        return text
    end = text.find("\n---\n", 3)
    return text if end < 0 else text[end + 5 :]


def main(course: Path) -> None:
    md = MarkdownIt("commonmark").enable("table")
    files = sorted((course / "units").glob("*.md"))
    size = sum(len(md.render(body(f.read_text(encoding="utf-8")))) for f in files)
    print(f"{len(files)} units, {size} bytes of HTML")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
