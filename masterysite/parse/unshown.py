"""What HTML never shows is never published: an element of the lesson's own HTML marked ``hidden`` or styled
``display: none`` is left out of the page (and so of the search index), with everything it holds.

The Markdown is read first (admonitions.hidden_divs turns the plain ``<div hidden>`` on a line of its own into
a block never published); this pass reads each rendered piece of HTML as a browser reads its tags, so a tag
written over two lines, a style with an entity (``display:&#110;one``), a ``</div>`` in a comment or an
attribute, a div in a quote, pandoc's raw-HTML fence and any element (``<section hidden>``, ``<p hidden>``,
``<span style="display:none">``) are left out too (security round ff 03: each had been published, a worked
answer readable in the page's source and found by search). ``hidden="until-found"`` is shown on a search of
the page: kept.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from masterysite.parse.sanitize import after_render

# A start tag that may hide (an attribute 'hidden', a style, or a character reference that may spell one)
_MAYBE = re.compile(r"<[A-Za-z][^<>]*?(?:hidden|display|&)|<dialog\b", re.I)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_DISPLAY_NONE = re.compile(r"(?:^|;)display:none(?:;|!|$)")
# Elements whose end tag HTML lets a writer leave out, and the start tags that end them (a browser's rules,
# in short); any end tag of an element they are inside ends them too ('<li hidden>a</ul>')
_BLOCKS = {
    *("address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure"),
    *("footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "menu", "nav", "ol", "p"),
    *("pre", "section", "table", "ul"),
}
_ENDED_BY = {
    "p": _BLOCKS,
    "li": {"li"},
    "dt": {"dt", "dd"},
    "dd": {"dt", "dd"},
    "tr": {"tr", "tbody", "tfoot"},
    "td": {"td", "th", "tr", "tbody", "tfoot"},
    "th": {"td", "th", "tr", "tbody", "tfoot"},
    "option": {"option", "optgroup"},
    "thead": {"tbody", "tfoot"},
    "tbody": {"tbody", "tfoot"},
}


def hides(attrs: dict[str, str], tag: str = "") -> bool:
    """Whether a start tag's attributes (as a browser reads them) hide the element from every reader: also a
    dialog not open (no script of a unit's opens it) and a hidden input (ii security 5: a pasted 'Show answer'
    pop-up and an answer in a form's field had been published in the page's source)."""
    if "hidden" in attrs and attrs["hidden"].lower() != "until-found":
        return True
    if (tag == "dialog" and "open" not in attrs) or (tag == "input" and attrs.get("type", "").lower() == "hidden"):
        return True
    return _DISPLAY_NONE.search("".join(attrs.get("style", "").lower().split())) is not None


class _Spans(HTMLParser):
    """The (start, end) offsets of each element that hides, its end tag included (or the end of the text)."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self.lines = [0, *(m.end() for m in re.finditer("\n", text))]
        self.spans: list[tuple[int, int]] = []
        self.open: tuple[str, int, int] | None = None  # (its name, where it starts, how deep in itself)
        self.inside: list[str] = []  # the elements open inside the hidden one
        self.feed(text)
        self.close()
        if self.open is not None:  # never closed: hidden to the end, as a browser hides it
            self.spans.append((self.open[1], len(text)))

    def at(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.open is not None:
            name, start, depth = self.open
            while self.inside and tag in _ENDED_BY.get(self.inside[-1], ()):  # ('<td>a<tr>': the td ends)
                self.inside.pop()
            if not self.inside and tag in _ENDED_BY.get(name, ()):  # ('<p hidden>a<p>b': it ends at the next)
                self.spans.append((start, self.at()))
                self.open = None
            else:
                if tag not in _VOID:
                    self.inside.append(tag)
                self.open = (name, start, depth + (tag == name))
                return
        given: dict[str, str] = {}
        for key, value in attrs:
            given.setdefault(key, value or "")  # (the first of a name wins, as in a browser)
        if not hides(given, tag):
            return
        start = self.at()
        if tag in _VOID:
            self.spans.append((start, start + len(self.get_starttag_text() or "")))
        else:
            self.open = (tag, start, 1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.open is None and hides({k: v or "" for k, v in reversed(attrs)}, tag):
            start = self.at()
            self.spans.append((start, start + len(self.get_starttag_text() or "")))

    def handle_endtag(self, tag: str) -> None:
        if self.open is None:
            return
        name, start, depth = self.open
        if tag in self.inside:  # (one it holds: closed, and what was opened after it)
            del self.inside[len(self.inside) - 1 - self.inside[::-1].index(tag) :]
            if tag != name:
                return
        if tag != name:  # an end tag of what it is inside: it ends before that (its own end tag left out)
            self.spans.append((start, self.at()))
            self.open, self.inside = None, []
            return
        if depth > 1:
            self.open = (name, start, depth - 1)
            return
        end = self.text.find(">", self.at()) + 1 or len(self.text)
        self.spans.append((start, end))
        self.open, self.inside = None, []


def drop(html: str) -> str:
    """``html`` without the elements it hides (a quick look first: most HTML holds none)."""
    if _MAYBE.search(html) is None:
        return html
    spans = _Spans(html).spans
    if not spans:
        return html
    kept, at = [], 0
    for start, end in spans:
        kept.append(html[at:start])
        at = max(at, end)
    return "".join(kept) + html[at:]


def install(md: Any) -> None:
    """Make every render of ``md`` (a MarkdownIt) leave out what HTML never shows: blocks and inline alike."""
    after_render(md, drop)
