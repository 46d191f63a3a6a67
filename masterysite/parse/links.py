"""Relative links and images: check them against the course folder, rewrite unit links to pages."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

from markdown_it.token import Token

from masterysite.config import nfc, on_disk
from masterysite.errors import Report
from masterysite.model import Link
from masterysite.suggest import closest

if TYPE_CHECKING:
    from masterysite.parse.unit import UnitSource

_SPACED = re.compile(r"(!?)\[([^\]]*)\]\(([^()<>\s]+\s[^()<>]*)\)")
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|#)")


class LinkRewriter:
    def __init__(self, source: UnitSource, offset: int, report: Report) -> None:
        self.source, self.offset, self.report = source, offset, report
        self.root = Path(source.root)
        self.links: list[Link] = []

    def rewrite(self, tokens: list[Token], line: int = 0) -> list[Link]:
        """Check and rewrite the links of ``tokens``; ``line`` for tokens without a map (front matter)."""
        self._walk(tokens, line)
        return self.links

    def _walk(self, tokens: list[Token], line: int) -> None:
        for token in tokens:
            here = token.map[0] + self.offset + 1 if token.map else line
            if token.type == "link_open":
                self._fix(token, "href", here, image=False)
            elif token.type == "image":
                self._fix(token, "src", here, image=True)
                if not "".join(c.content for c in token.children or []).strip():
                    self._alt_missing(token, here)
            elif token.type == "text":
                self._unread_link(token, here)
            if token.children:
                self._walk(token.children, here)

    def _unread_link(self, token: Token, line: int) -> None:
        """``![A box](../assets/my picture.svg)`` is shown as text: Markdown ends a path at a space."""
        for match in _SPACED.finditer(token.content):
            bang, text, path = match.groups()
            kind = "image" if bang else "link"
            fixed = f"{bang}[{text}](<{path.strip()}>)"
            message = f"this {kind} is shown as plain text because its path has a space: write {fixed}"
            self.report.error(self.source.path, line, message)

    def _alt_missing(self, token: Token, line: int) -> None:
        src = str(token.attrGet("src") or "")
        self.report.warn(self.source.path, line, f"image '{src}' has no alt text: describe it in ![...]", "no-alt")

    def _fix(self, token: Token, attr: str, line: int, image: bool) -> None:
        target = str(token.attrGet(attr) or "")
        if not target or _EXTERNAL.match(target):
            return
        path, _, fragment = target.partition("#")
        path = path.split("?", 1)[0]
        if not path:
            return
        self.links.append(Link(target, line, image))
        new = self._resolve(path, line, image, target)
        if new is not None:
            token.attrSet(attr, new + (f"#{fragment}" if fragment else ""))

    def _resolve(self, path: str, line: int, image: bool, target: str) -> str | None:
        """The href in the built site, or None to leave it as written (and report why)."""
        unit_dir = posixpath.dirname(self.source.path)
        from_root = path.startswith("/")
        plain = unquote(path)
        joined = nfc(posixpath.normpath(plain.lstrip("/") if from_root else posixpath.join(unit_dir, plain)))
        kind = "image" if image else "link"
        if joined.startswith("../") or joined == "..":
            self.report.error(self.source.path, line, f"{kind} '{target}' points outside the course folder")
            return None
        if joined in self.source.unit_files:
            page = f"{self.source.unit_files[joined]}.html"
            return page if unit_dir == "units" else f"units/{page}"
        if joined.endswith(".md") and joined.startswith("units/"):
            hint = self._hint(joined, list(self.source.unit_files), unit_dir, from_root)
            message = f"{kind} '{target}': unit file '{joined}' is not in the course{hint}"
            self.report.error(self.source.path, line, message)
            return None
        if on_disk(self.root, joined) is None:
            hint = self._hint(joined, self._course_files(posixpath.dirname(joined)), unit_dir, from_root)
            message = f"broken {kind} '{target}': no file '{joined}' in the course{hint}"
            self.report.error(self.source.path, line, message)
            return None
        if not joined.startswith("assets/"):
            message = f"{kind} '{target}' points to '{joined}', which is not published: put it in assets/"
            self.report.error(self.source.path, line, message)
            return None
        if from_root:
            return posixpath.relpath(joined, unit_dir)
        return quote(nfc(plain)) if nfc(plain) != plain else None  # assets are published under NFC names

    def _course_files(self, folder: str) -> list[str]:
        """The files next to a broken target, for a did-you-mean."""
        try:
            names = sorted(p.name for p in (self.root / folder).iterdir())[:500]
        except (OSError, ValueError):
            return []
        return [posixpath.join(folder, name) if folder else name for name in names]

    @staticmethod
    def _hint(joined: str, options: list[str], unit_dir: str, from_root: bool) -> str:
        """A did-you-mean written the way the teacher wrote the link (relative to the unit)."""
        names = {posixpath.basename(option): option for option in options}
        name = closest(posixpath.basename(joined), list(names))  # whole paths share prefixes that look alike
        if name is None:
            return ""
        match = names[name]
        return f" — did you mean '{'/' + match if from_root else posixpath.relpath(match, unit_dir)}'?"
