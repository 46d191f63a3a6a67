"""``safe_html: true``: the HTML of a unit keeps only harmless elements and attributes.

For a course that takes contributions, raw HTML in a unit must not run script in students'
browsers (``<img onerror>``, ``<svg onload>``, ``<script>``, ``javascript:`` links, ``<iframe
srcdoc>``). Every piece of HTML the Markdown renderer produces for the unit (lesson, questions,
choices, feedback, blocks, objectives) goes through nh3 — the Python binding of ammonia, a
well-kept allowlist sanitizer built on the html5ever parser (the browsers' parsing algorithm), so
what it keeps is what a browser will see. The allowlist is the Markdown renderer's own output
(headings with ids, highlighted code, tables, MathML, ...) plus the harmless HTML teachers write
(``<details>``, ``<kbd>``, ``<figure>``, ``<sub>``, ...); everything else is dropped, with the
content of ``<script>``, ``<style>`` and friends.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import nh3

_HTML = {
    *nh3.ALLOWED_TAGS,
    *("audio", "source", "track", "video", "picture", "section", "main", "address", "s", "dialog"),
    *("caption", "tfoot", "meter", "progress", "output"),
    *("form", "fieldset", "legend", "label", "input", "button"),  # practice exercises and blanks
}
# MathML Core (what latex2mathml writes and browsers draw); not annotation-xml, which may hold HTML
_MATHML = {
    *("math", "mi", "mn", "mo", "ms", "mspace", "mtext", "mrow", "mfrac", "msqrt", "mroot", "mstyle"),
    *("merror", "mpadded", "mphantom", "msub", "msup", "msubsup", "munder", "mover", "munderover"),
    *("mmultiscripts", "mprescripts", "none", "mtable", "mtr", "mtd", "mlabeledtr", "menclose"),
    *("semantics", "annotation"),
}
_MATHML_ATTRIBUTES = {
    *("display", "displaystyle", "scriptlevel", "mathvariant", "mathcolor", "mathbackground", "mathsize"),
    *("stretchy", "fence", "separator", "form", "lspace", "rspace", "accent", "accentunder", "largeop"),
    *("movablelimits", "symmetric", "minsize", "maxsize", "linethickness", "width", "height", "depth"),
    *("columnalign", "rowalign", "columnspacing", "rowspacing", "columnlines", "rowlines", "frame"),
    *("notation", "encoding", "xmlns", "open", "close", "align", "equalrows", "equalcolumns", "voffset"),
}
_GENERIC = {"class", "id", "title", "lang", "dir", "role", "hidden", "tabindex", "style"}
_ATTRIBUTES: dict[str, set[str]] = {
    **{tag: set(attributes) for tag, attributes in nh3.ALLOWED_ATTRIBUTES.items()},
    "a": {"href", "hreflang", "target", "rel", "download", "type"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "details": {"open"},
    "td": {"colspan", "rowspan", "headers", "align", "style"},
    "th": {"colspan", "rowspan", "headers", "align", "scope", "abbr", "style"},
    "audio": {"src", "controls", "loop", "muted", "preload"},
    "video": {"src", "controls", "loop", "muted", "preload", "poster", "width", "height", "playsinline"},
    "source": {"src", "type", "srcset", "sizes", "media"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "time": {"datetime"},
    "data": {"value"},
    "meter": {"value", "min", "max", "low", "high", "optimum"},
    "progress": {"value", "max"},
    "abbr": {"title"},
    # a form has no action (it cannot send anything anywhere); the theme's script handles it
    "form": {"novalidate"},
    "label": {"for"},
    "input": {
        "type",
        "name",
        "value",
        "checked",
        "disabled",
        "autocomplete",
        "autocapitalize",
        "autocorrect",
        "spellcheck",
    }
    | {"inputmode"},
    "button": {"type"},
    **{tag: set(_MATHML_ATTRIBUTES) for tag in _MATHML},
    "*": _GENERIC,
}
# Only what styles text and boxes; nothing that places an element over the page or loads a URL.
_STYLE_PROPERTIES = {
    *("color", "background-color", "font-weight", "font-style", "font-size", "font-family"),
    *("text-align", "text-decoration", "text-transform", "vertical-align", "white-space", "line-height"),
    *("width", "max-width", "min-width", "height", "max-height", "min-height"),
    *("margin", "margin-top", "margin-right", "margin-bottom", "margin-left"),
    *("padding", "padding-top", "padding-right", "padding-bottom", "padding-left"),
    *("border", "border-top", "border-right", "border-bottom", "border-left", "border-collapse"),
    *("border-color", "border-style", "border-width", "border-radius", "list-style-type", "float", "clear"),
}
_SCHEMES = {"http", "https", "mailto", "tel"}  # relative URLs are kept; javascript:, data:, vbscript: are not
_DROPPED_WITH_CONTENT = {"script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "frameset"}


_LOADS = {"src", "srcset", "poster"}  # attributes that fetch something as the page loads
_ELSEWHERE = re.compile(r"^\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|\\\\)")


def _attribute(tag: str, name: str, value: str) -> str | None:
    """A picture or media file from another host (a tracking pixel) is dropped: the site fetches
    nothing from elsewhere (its Content-Security-Policy would refuse it anyway)."""
    if name in _LOADS and (_ELSEWHERE.match(value) or ("," in value and "//" in value)):
        return None
    return value


def clean(html: str) -> str:
    """Keep the harmless part of ``html``."""
    return nh3.clean(
        html,
        tags=_HTML | _MATHML,
        clean_content_tags=_DROPPED_WITH_CONTENT,
        attributes=_ATTRIBUTES,
        attribute_filter=_attribute,
        generic_attribute_prefixes={"aria-", "data-"},
        url_schemes=_SCHEMES,
        link_rel=None,
        strip_comments=False,  # the parser drops the teacher's comments; the renderer's are placeholders
        filter_style_properties=_STYLE_PROPERTIES,
    )


def after_render(md: Any, transform: Callable[[str], str]) -> None:
    """Pass every render of ``md`` (a MarkdownIt), blocks and inline alike, through ``transform``."""
    renderer = md.renderer
    render, render_inline = renderer.render, renderer.renderInline

    def transformed_render(tokens: Any, options: Any, env: Any) -> str:
        return transform(render(tokens, options, env))

    def transformed_render_inline(tokens: Any, options: Any, env: Any) -> str:
        return transform(render_inline(tokens, options, env))

    renderer.render = transformed_render
    renderer.renderInline = transformed_render_inline
    md.ms_after_render = [*getattr(md, "ms_after_render", []), transform]  # (markdown.with_markdown_its_loops)


def install(md: Any) -> None:
    """Make every render of ``md`` (a MarkdownIt) sanitized: blocks and inline alike."""
    after_render(md, clean)
