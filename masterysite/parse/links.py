"""Relative links and images: check them against the course folder, rewrite unit links to pages."""

from __future__ import annotations

import difflib
import html
import itertools
import os
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

from masterysite.config import is_dir, nfc, on_disk
from masterysite.errors import Report
from masterysite.model import Link
from masterysite.parse.extras import SAFE_ATTRIBUTES, dropped_attributes
from masterysite.parse.markdown import THEME_ID_PREFIXES, block_name, theme_safe
from masterysite.parse.myst import cross_reference, directive_name
from masterysite.parse.xref import TEX_REFERENCE

if TYPE_CHECKING:
    from masterysite.parse.unit import UnitSource

_XREF_KINDS = "fig|sec|tbl|lst|thm|lem|cor|prp|cnj|def|exm|exr|alg"  # Quarto's cross-references (not '@eq-')
ANSWERED = ("question", "corrective", "enrichment")  # quiz blocks: their choices are their own business
_LIQUID_ANSWER = re.compile(r"""\b(answers?|correct(?:_?answers?)?|solution|alternatives)[ \t]*=[ \t]*["']""", re.I)
_LIQUID_ATTRIBUTE = re.compile(r"""\b(file|filename|src|path|alt|caption)=["']([^"']*)["']""")


def liquid_tag_advice(written: str) -> str:
    """What to write instead of a Jekyll (Liquid) tag shown as text: an include's content, a figure's
    Markdown image, or what the tag should show."""
    name = re.sub(r"^\{%-?\s*", "", written).split(None, 1)[0].rstrip("-%}") if written.startswith("{%") else ""
    found = {m[1]: m[2] for m in _LIQUID_ATTRIBUTE.finditer(written)}
    source = found.get("file") or found.get("filename") or found.get("src") or found.get("path")
    if name.startswith("include") and "figure" in written and source:
        alt = found.get("alt") or found.get("caption", "")
        return f"write the figure as a Markdown image, ![{alt}]({source.lstrip('/')})"
    answered = _LIQUID_ANSWER.search(written)
    if answered is not None:  # a site's own quiz include, 'answer="0x4e4"' (port cc 37: the advice would not help)
        return (
            f"its '{answered[1]}=' (the right answer) is shown with it, to everyone: write the question as a"
            " '::: question' ('= answer', or '- [x]' choices)"
        )
    if name.startswith("include"):
        return "it is not read here (an include: paste the included file's content in its place)"
    if name in GITBOOK_EXERCISE:  # (port bb 8: the solution was published, and the warning did not say so)
        return (
            "GitBook's exercise is not read here: its '{% solution %}' and '{% validation %}' are shown to everyone;"
            " write it as a '::: practice' with its solution in a '::: solution' block, or as a '::: question'"
        )
    return "it is not read here: write what it should show, or leave it out"


GITBOOK_EXERCISE = ("exercise", "initial", "solution", "validation", "context", "endexercise")


_FOREIGN = [
    (
        re.compile(r"(?<![\w\]\\])\[[^\[\]]+\]\[[^\[\]]*\]"),
        "'{}' is shown as text: no link definition has that label (write '[label]: address' in this unit)",
    ),
    (
        _SHORTCODE := re.compile(r"\{\{[<%][^\n]{0,200}?[>%]\}\}"),
        "Quarto shortcode '{}' is shown as text: it is not read here",
    ),
    (
        re.compile(r"(?<![\w.@])@eq-[\w-]+"),
        "Quarto cross-reference '{}' is shown as text: no formula of this unit has that label (write it after the"
        " formula: '$$ … $$ {{#eq-name}}')",
    ),
    (
        re.compile(rf"(?<![\w.@])@(?:{_XREF_KINDS})-[\w-]+"),
        "Quarto cross-reference '{}' is shown as text: link to the heading or figure instead ([text](#id), or"
        " [text](other-unit.md#id) in another unit)",
    ),
    (  # (before the citations: '@LIA.eval(…)' under each program had been "citation", 53 times: port hh 06)
        _LIASCRIPT := re.compile(
            r"(?<![\w.@/\\`\[-])@(?:LIA\.[\w.]+|config\.[\w.]+|author|email|version|narrator|logo)\b"
            r"(?:\([^\n]{0,300}?\))?"
        ),
        "LiaScript macro '{}' is shown as text (and any others of this unit): LiaScript runs it, not here (a"
        " button that runs the program above it, a field of the course's header); remove it, or write what it shows",
    ),
    (
        _CITATION := re.compile(r"\[-?@[\w:.-]+[^\]\n]{0,200}\]"),
        "citation '{}' is shown as text: citations are not read; write the reference out",
    ),
    (
        _IN_TEXT := re.compile(rf"(?<![\w.@/\\`\[-])@(?!(?:{_XREF_KINDS}|eq)-)[A-Za-z][\w:.-]*[A-Za-z0-9]"),
        "citation '{}' is shown as text: citations are not read; write the reference out",
    ),
    (
        _TICKED := re.compile(r"^\[[xX]\] .{0,60}"),
        "a ticked item '{}' is shown as a ticked box, its answer for all to see: a choice question is written"
        " '::: question OBJECTIVE' (or '::: practice'); a checklist can stay as it is",
    ),
    (re.compile(r"^: .*\{#tbl-[\w-]+\}", re.M), "table caption '{}' is shown as text: write it above the table"),
    (_LIQUID_TAG := re.compile(r"(?<!\{)\{%[^\n]{0,200}?%\}(?!\})"), "Jekyll (Liquid) tag '{}' is shown as text: {}"),
    (re.compile(r"^-{2,}8<-{2,}.*", re.M), "MkDocs snippet '{}' is shown as text: paste the file's content instead"),
    (
        re.compile(r"\{\*\s*[^\s*][^\n]{0,300}?\*\}|\{![^\n]{1,300}?!\}"),
        "MkDocs include '{}' is shown as text: paste the file's content (as a code block) instead",
    ),
    (re.compile(r"^\+(?:[-=:]+\+)+$", re.M), "a pandoc grid table is shown as text ('{}'): write it as a pipe table"),
    (
        _MDBOOK := re.compile(r"\{\{#(?:include|rustdoc_include|playground|title|quiz)(?=[ \t}])[^\n]{0,300}?\}\}"),
        "mdBook's '{}' is shown as text: {}",
    ),
    (
        re.compile(r"^<<<[ \t]+(?:@/|\.{1,2}/)[^\n]{0,300}", re.M),
        "VitePress' code snippet '{}' is shown as text: paste the file's lines into a code block (```js … ```) instead",
    ),
]
_MDBOOK_ADVICE = {
    "include": "paste the file's lines here instead",
    "rustdoc_include": "paste the file's lines here instead",
    "playground": "paste the file's lines into a code block (```rust … ```) instead",
    "title": "it is not read here (the unit's title is its front matter's 'title')",
    "quiz": "mdbook-quiz's questions (its TOML file) are not read here: write each as a '::: question' (or a"
    " '::: practice')",
}
"""What to do instead of an mdBook preprocessor's '{{#name …}}', by its name."""


_SHORTCODE_ADVICE = {
    "include": "paste the content of '{}' here (or make it a unit of its own)",
    "embed": "paste what it shows here (a notebook's cell: its code and output)",
    "video": "link to it instead, like [Watch the video]({})",
    "pagebreak": "a web page has no pages: remove it",
    "fa": "icons are not shown here: remove it or write a word",
    "bi": "icons are not shown here: remove it or write a word",
    "var": "write the value here (_variables.yml is not read)",
    "env": "write the value here",
    "lipsum": "write the text here",
}
"""What to do instead of a Quarto shortcode, by its name ('{}': its first argument)."""
_HUGO_ADVICE = {
    "ref": "link to the unit's file instead, like [text]({}.md)",
    "relref": "link to the unit's file instead, like [text]({}.md)",
    "tabs": "write each tab as a collapsed block of its own ('::: details Title')",
    "tab": "write each tab as a collapsed block of its own ('::: details Title')",
    # hugo-book's and others' (port w 12: called Quarto's)
    "katex": "write the formula as math instead ($…$ in a sentence, $$…$$ on lines of its own)",
    "quizdown": "its quiz is not read here: write each question as a '::: question'",
    "mermaid": "draw it as an image (an SVG in assets/) instead",
    "columns": "its content is shown in the flow of the lesson: remove the shortcode's lines",
    "button": "write a link instead, like [text](file.md)",
    "youtube": "link to the video instead, like [Watch the video](https://www.youtube.com/watch?v={})",
    "figure": "write the figure as a Markdown image, ![description](file.png)",
}
"""What to do instead of a Hugo shortcode Quarto does not have, by its name; Hugo's are also written
'{{% name %}}', which Quarto's never are."""
_DIRECTIVE_ADVICE = {
    "toctree": "it is not read here (course.yml lists the units in order)",
    "literalinclude": "paste the file's lines into a code block (```python … ```) instead",
    "include": "paste the file's content here instead (or make it a unit of its own)",
    "myst": "its Markdown source is shown, not what it makes (write the example a second time, as Markdown)",
}
"""What to do instead of a MyST directive that is not read here, by its name."""
_INLINE_CHUNK = re.compile(r"\{(?:python|r|julia|ojs)\}\s")
_KNITR_INLINE = re.compile(r"r [\w.]+(?:\$[\w.]+|\[[^\]]*\]|\([^()]*(?:\([^()]*\)[^()]*)*\))+.*")  # `r nrow(df)`
_KNITR_IN_MATH = re.compile(r"`(r [^`]+)`")
_INLINE_STARTS = frozenset({"{p", "{r", "{j", "{o", "r "})
_LETTERED_HINT = re.compile(r"\n\(?[a-zA-Z][.)][ \t]")
# Marp's image directives in place of an alt text: 'bg', 'bg left:40% 80%', 'w:200', 'width:400pt height:350pt'
_MARP_WORD = r"(?:bg|fit|cover|contain|auto|left|right|vertical|sepia|blur|(?:w|h|width|height|left|right):\S+|\d+%)"
_MARP_IMAGE = re.compile(rf"{_MARP_WORD}(?:\s+{_MARP_WORD})*")
_MARP_SIZED = re.compile(r"\bbg\b|\b(?:w|h|width|height):")
_LETTERED_ITEM = re.compile(r"^(\(?([a-zA-Z])[.)])[ \t]+\S", re.M)  # pandoc's 'a) ', 'b. ', '(c) ', 'D) '
_SNIPPET_LINE = re.compile(r"^[ \t]*-{2,}8<-{2,}.*", re.M)
# '$ x = 1 $', '$\hat{y} $': a formula with a space just inside a dollar, which pandoc does not read as
# math (MyST does: myst.MYST_MATH). Not a price ('$5 = $10': a digit after the first dollar)
_SPACED_MATH = re.compile(r"(?<![\\$\d])\$(?:\s+[^$\s\d][^$]*|[^$\s\d][^$]*\s)(?<!\\)\$(?![\d$])")
_TEX_SIGN = re.compile(r"\\[a-zA-Z]|[=^_]")


def _stem(name: str) -> str:
    """What tells a file from the others beside it: its name without an episode number or an extension."""
    stem = re.sub(r"^\d+[-_. ]*", "", posixpath.splitext(name)[0])
    return stem or name


def _foreign_hint(text: str) -> bool:
    """Whether ``text`` may hold one of ``_FOREIGN``: a few substring tests, a fifth of the time of one
    regular expression (every paragraph of every unit passes here)."""
    return (
        "][" in text
        or "{" in text
        or "@" in text
        or "8<" in text
        or text.startswith(("+", "[x]", "[X]"))
        or "\n+" in text
    )


_HTML_TAG = re.compile(r"<(img|a|source|video|audio|iframe)\b[^>]*>?", re.I)
_VIDEO_HOST = re.compile(r"^(?:https?:)?//(?:[\w-]+\.)*(?:youtu\.?be|vimeo|dailymotion|wistia|loom)\.", re.I)
_LESSON_SOURCES = (".md", ".markdown", ".qmd", ".rmd", ".mdx")  # a page of a lesson before its tool builds it
# A video's own page, which R Markdown and learnr lessons show as an image ('![](https://youtu.be/x)'); not
# a thumbnail (img.youtube.com, '….jpg')
_VIDEO_PAGE = re.compile(
    r"(?:https?:)?//(?:www\.|m\.|player\.)?(?:youtu\.be|youtube(?:-nocookie)?\.com|vimeo\.com|dailymotion\.com|loom\.com)"
    r"(?:[/?#](?!.*\.(?:jpe?g|png|gif|webp|svg)(?:[?#]|$)).*)?",
    re.I,
)
_YOUTUBE = re.compile(r"^(?:https?:)?//(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w-]+)", re.I)
_SCRIPT = re.compile(r"<script\b[^>]*>?", re.I)
_EVENT_ATTRIBUTE = re.compile(r"<([a-z][\w-]*)(?=[\s/])[^<>]*?[\s\"'/](on[a-z]{3,})[ \t]*=", re.I)  # ('onclick=')
_STYLE = re.compile(r"<style\b", re.I)
_TEMPLATE = re.compile(r"<template\b", re.I)


class _Refreshes(HTMLParser):
    """The ``<meta http-equiv=refresh>`` tags of some raw HTML, read as a browser reads them: a ``>`` inside a
    quoted attribute, a character reference (``&#114;efresh``) and any case are the tag's (security round aa
    4: a pattern over the text had missed both). Each is (line within the HTML, the tag as written)."""

    def __init__(self, content: str) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        # A browser reads '<![CDATA[ x >' outside SVG and MathML as a comment that ends at the first '>', and
        # the tags after it as tags; html.parser took the whole section as one (security round bb 4)
        self.feed(content.replace("<![", "&lt;!["))
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta" and any(k == "http-equiv" and (v or "").strip().lower() == "refresh" for k, v in attrs):
            self.found.append((self.getpos()[0] - 1, self.get_starttag_text() or "<meta>"))

    handle_startendtag = handle_starttag


def _line_of_tag(tag: re.Pattern[str], content: str, line: int) -> int:
    """The line where ``tag`` is in an HTML block that starts at ``line``."""
    found = tag.search(content)
    return line + content.count("\n", 0, found.start()) if found else line


_ANY_ID = re.compile(r"\sid\s*=", re.I)


class _Ids(HTMLParser):
    """The ids of the elements in some HTML the teacher wrote, with their lines (0-based), read as a
    browser reads attributes (any case, quoted values holding '>')."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [(self.getpos()[0] - 1, value) for name, value in attrs if name == "id" and value]

    handle_startendtag = handle_starttag


_HTML_ATTR = re.compile(r"""\s([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")


def _value(attr: re.Match[str]) -> str:
    """An attribute's value, without its quotes."""
    raw = attr.group(2) or ""
    return raw[1:-1] if raw[:1] in "\"'" else raw


_LIQUID = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_TAG_NAME = re.compile(r"</?([A-Za-z][\w:-]*)[\s/>]")
_COMPONENT = re.compile(r"<([A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*|[A-Z][a-z]+)(?=[\s/>])")  # MDX's '<Tabs>', '<CodeBlock'

_EMPTY_ELEMENT = re.compile(r"<([a-z][a-z0-9]*-[a-z0-9-]*)\b([^<>]*?)(?:/>|>\s*</\1\s*>)", re.I)
"""A custom element with nothing in it: '<gif-player src="…"></gif-player>', drawn by its site's scripts."""
_SRC = re.compile(r"""\bsrc\s*=\s*["']?([^"'\s>]+)""", re.I)
_IMAGE_FILE = re.compile(r"\.(?:gif|png|jpe?g|svg|webp|avif)(?:[?#].*)?$", re.I)

_KNOWN_TAGS = frozenset(
    " ".join(
        (
            "a abbr acronym address area article aside audio b base bdi bdo big blink blockquote body br button",
            "canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir div dl dt",
            "em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header",
            "hgroup hr html i iframe img input ins kbd label legend li link main map mark marquee menu meta meter",
            "nav nobr noembed noframes noscript object ol optgroup option output p param picture plaintext portal",
            "pre progress q rb rp rt rtc ruby s samp script search section select slot small source span strike",
            "strong style sub summary sup table tbody td template textarea tfoot th thead time title tr track tt",
            "u ul var video wbr xmp svg g path circle ellipse line polyline polygon rect text tspan textpath defs",
            "use symbol marker pattern clippath mask image lineargradient radialgradient stop filter",
            "foreignobject desc metadata switch view math mi mn mo ms mspace mtext mrow mfrac msqrt mroot mstyle",
            "merror mpadded mphantom msub msup msubsup munder mover munderover mmultiscripts mprescripts none",
            "mtable mtr mtd mlabeledtr menclose semantics annotation",
        )
    ).split()
)
"""The elements of HTML (with the old ones browsers still draw), SVG and MathML."""
_LOCAL_FILE = re.compile(r"(!?)\[([^\]]*)\]\((file:[^()\s]*)\)", re.I)
_SPACED = re.compile(r"(!?)\[([^\]]*)\]\(([^()<>\s]+\s[^()<>]*)\)")
_ON_THE_WEB = re.compile(r"^(?:https?:)?//", re.I)
_PELICAN = re.compile(
    r"(?:\{|%7B)(filename|static|attach)(?:\}|%7D)|(?:\||%7C)(filename|static|attach)(?:\||%7C)", re.I
)
_SCRIPT_SOURCE = re.compile(r"""\bsrc\s*=\s*["']?([^"'\s>]+)""", re.I)
_SCHEMES = "https?|mailto|s?ftps?|tel|sms|data|blob|file|about|javascript|vbscript|ircs?|news|nntp|geo|magnet|urn"
_SCHEMES += "|xmpp|sips?|doi|webcal|ssh|git"
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|#)")
"""A URL (``https://``, ``mailto:``, ``skype:echo123?call``...), not a path of the course."""
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_KNOWN_URL = re.compile(rf"^(?:[a-zA-Z][a-zA-Z0-9+.-]*://|(?:{_SCHEMES}):)", re.I)
"""A URL beyond doubt. A word then a colon and no '//' (``explain:migration``) may be a MyST label of
another unit (one of this unit is a link already: xref.py): a warning says so."""


_PAGES = ("index.html", "progress.html", ".masterysite", "scorm.html", "imsmanifest.xml")
_UNPORTABLE = re.compile(r'[. ]$|[:*?"<>|\\\x00-\x1f]')  # Windows drops a last '.' or ' ' ('index.html.')
_DEVICE = re.compile(r"(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?", re.I)


def unpublished(path: str, unit_ids: set[str]) -> str:
    """Why the course file ``path`` cannot be published as it is ("" when it can): the course's own
    settings, theme and hidden files stay private, and no file may take the place of a page. Names are
    compared as a Mac's, Windows' or a USB stick's file system compares them, whatever case they are
    written in: there '_Static/masterysite.js' or 'units/A.html' would replace the site's own."""
    if any(_UNPORTABLE.search(part) or _DEVICE.fullmatch(part) for part in path.split("/")):
        return (
            "whose name Windows and USB sticks cannot hold (a name ending in '.' or a space, a ':', '*', '?',"
            " '\"', '<', '>', '|' or '\\', or a device's name such as 'con' or 'nul'): copied there, it would become"
            " another file's name, or none: rename the file"
        )
    folded = path.casefold()
    parts = folded.split("/")
    if ".gitbook" in parts:  # (GitBook keeps every picture of a space in .gitbook/assets/: port z 7)
        return (
            "which is never published (hidden folders stay private): move GitBook's '.gitbook/assets/' into"
            " assets/ (and link to it there)"
        )
    if folded == "course.yml" or parts[0] == "theme" or any(p.startswith(".") for p in parts):
        return "which is never published (course settings, theme and hidden files stay private)"
    if parts[0] == "units" and folded.endswith(".md"):  # (whatever its case: security round dd 2)
        return "which is a unit's source, with its answers: link to the unit ('x.md' is its page)"
    if parts[0] == "_static":  # (Sphinx keeps a lesson's pictures in _static/: so does the site, its own)
        return "and the site's own files are in _static/: move it into assets/ (and link to it there)"
    if folded in _PAGES or (
        len(parts) == 2
        and parts[0] == "units"
        and folded.endswith(".html")
        and any(i.casefold() == folded[6:-5] for i in unit_ids)
    ):
        return "which has the name of a page of the site: rename the file"
    return ""


def course_path(unit_path: str, path: str) -> str:
    """A link's path (as written, without '#' or '?') -> the course path it names ('../x' when outside)."""
    plain = unquote(path)
    if plain.startswith("/"):
        return nfc(posixpath.normpath(plain.lstrip("/")))
    return nfc(posixpath.normpath(posixpath.join(posixpath.dirname(unit_path), plain)))


def link_path(unit_path: str, target: str) -> str | None:
    """The course path a unit's relative link or image names; None for a link to a fragment only."""
    path = target.partition("#")[0].split("?", 1)[0]
    return course_path(unit_path, path) if path else None


def _as_written(path: str, unit_dir: str, from_root: bool) -> str:
    """A course path the way the teacher writes links: from the course's root ('/...') or from the unit."""
    return "/" + path if from_root else posixpath.relpath(path, unit_dir)


def mdbook_advice(written: str) -> str:
    """What to write instead of mdBook's ``{{#include ../listings/main.rs:5:9}}``, by its name."""
    name = written[3:].split(None, 1)[0].rstrip("}").lower()
    return _MDBOOK_ADVICE[name]


def liquid_advice(path: str, bang: str, text: str) -> str:
    """What to write instead of a link made with Jekyll's Liquid (``{{ page.root }}/fig/x.svg``)."""
    liquid = _LIQUID.search(path)
    template = liquid.group(0) if liquid else path
    if template.startswith(("{{<", "{{%")):  # Hugo's '{{% relref "02-v" %}}'
        named = [*template[3:-3].split(), "", ""][1].strip("\"'").removesuffix(".md") or "unit"
        instead = f"the path from this unit, like {bang}[{text}]({named}.md)"
        return f"'{template}' is a Hugo shortcode, which is not read here: write {instead}"
    rest = path[liquid.end() :].strip().lstrip("/") if liquid else ""
    page, _, fragment = rest.partition("#")
    if not rest or "{" in rest or "page.root" not in template.replace(" ", ""):
        instead = "the path from this unit, or a web address"
    elif page.endswith(("/", "/index.html", ".html")) or not page:  # another episode's page
        name = posixpath.basename(page.removesuffix("/").removesuffix("/index.html").removesuffix(".html"))
        instead = f"a link to its unit file ({name}.md{'#' + fragment if fragment else ''}), if the course has it"
    elif "/" in page:
        instead = f"the path from this unit, like {bang}[{text}]({rest}) with the lesson's {page.split('/')[0]}/ folder"
        instead += " copied into units/"
    else:
        instead = f"the path from this unit, like {bang}[{text}]({rest})"
    return f"'{template}' is a Jekyll (Liquid) template, which is not read here: write {instead}"


def _empty(path: Path) -> bool:
    try:
        return path.stat().st_size == 0
    except OSError:
        return False


class LinkRewriter:
    def __init__(self, source: UnitSource, offset: int, report: Report) -> None:
        self.source, self.offset, self.report = source, offset, report
        self.root = Path(source.root)
        self.links: list[Link] = []
        self.chunk_seen = False
        self.equations_said: set[str] = set()  # {eq} labels with no formula here: said once each
        self.roles_said: set[str] = set()  # MyST roles shown as text (not cross-references), said once each
        self.directives_seen: set[str] = set()
        self.shortcodes_seen: set[str] = set()  # Quarto shortcodes said already, by name
        self.liascript_said = False  # a LiaScript macro said already (once a unit)
        self.attributes_seen: set[str] = set()  # attributes not kept, said already
        self.mermaid_seen = False
        self.script_seen = False  # a <script> in the unit: said once
        self.event_seen = False  # an 'onclick=' (an event attribute) in the unit: said once
        self.style_seen = False  # a <style> in the unit: said once
        self.template_seen = False  # a <template> in the unit: said once
        self.lettered_seen = False
        self.tex_reference_said = False  # '\\eqref{x}' to no formula: said once a unit
        self.component_said = False  # an MDX component ('<Tabs>'): said once a unit
        self.element_said = False  # an empty custom element ('<gif-player …></gif-player>'): said once a unit
        self.named: dict[str, list[str]] | None = None  # the course's files by name, for a broken link
        self.spaced_math_said = False  # '$ x $' (text): said once a unit; set where it is math (MyST)
        self.inline_code_seen = False
        self.in_directive = False  # walking the image of a MyST {figure} or {image} (its alt is an option)
        self.anchors: list[tuple[str, int]] = []  # links to a place on this page: (its id, the link's line)
        self.labels: list[tuple[str, int]] = []  # links that read as a web address of no scheme: a MyST label?
        self.inline_source = ""  # the Markdown of the inline run _foreign reads
        self.answers: list[bool] = []  # per open block: does it hold answers (a question, a practice)?
        self.sealing: list[str] = []  # per open block or quote: "sealed" (an enrichment, a question's quote)
        self.sealed_files: dict[str, int] = {}  # files linked only from sealed places so far -> first line
        self.public_files: set[str] = set()
        self.left_out: list[tuple[int, str]] = []  # (line, what): an exercise's solution its tool hides

    def warn_sealed_files(self) -> None:
        """Files shown only where the page holds its words sealed (an explanation, a choice's feedback,
        the enrichment): their words wait for the answer, the file does not. Once the unit is read."""
        for file, line in self.sealed_files.items():
            if file not in self.public_files:
                message = (
                    f"'{file}' is shown only in an explanation, feedback or the enrichment, whose words wait for"
                    " the student's answer; the file itself is published, and can be opened before: show it"
                    " elsewhere too, or describe it in words"
                )
                self.report.warn(self.source.path, line, message, "sealed-file")

    def warn_left_out(self) -> None:
        """Solutions the lesson's own tool keeps from the student (a solution chunk, nbgrader's
        markers): left out; said once a unit, with how many, so that a teacher can show them otherwise."""
        if self.left_out:
            line, what = self.left_out[0]
            more = f" (and {len(self.left_out) - 1} more in this unit)" if len(self.left_out) > 1 else ""
            advice = "to show a solution after the student tries, write it in a '::: solution' block"
            self.report.warn(self.source.path, line, f"{what}{more}; {advice}", "left-out")

    def rewrite(self, tokens: list[Token], line: int = 0) -> list[Link]:
        """Check and rewrite the links of ``tokens``; ``line`` for tokens without a map (front matter)."""
        self._walk(tokens, line)
        return self.links

    def _walk(self, tokens: list[Token], line: int) -> None:
        for token in tokens:
            kind = token.type  # (every token of every unit passes here: the commonest kinds first)
            if kind == "text":
                if "](" in token.content:
                    self._unread_link(token, token.map[0] + self.offset + 1 if token.map else line)
                continue
            here = token.map[0] + self.offset + 1 if token.map else line
            if kind == "inline":
                content = self.inline_source = token.content
                if ("[" in content or "{" in content or "@" in content or "8<" in content or "+" in content) and (
                    token.children and _foreign_hint(content)
                ):
                    self.inline_source = content
                    self._foreign(token.children, here, answers=any(self.answers[-1:]))
                if "\n" in content and not self.lettered_seen and _LETTERED_HINT.search(content):
                    self._lettered_list(content, here)
                if "$" in content and not self.spaced_math_said and token.children:
                    self._spaced_math(token.children, here)
                if "ref{" in content and not self.tex_reference_said and token.children:
                    self._tex_reference(token.children, here)
            elif kind == "softbreak" or kind == "hardbreak":
                if not token.map:
                    line += 1  # inline tokens have no line of their own: count the paragraph's line breaks
            elif kind == "link_open":
                self._fix(token, "href", here, image=False)
            elif kind == "image":
                if _VIDEO_PAGE.fullmatch(str(token.attrGet("src") or "")):
                    self._video(token, here)
                    continue
                self._fix(token, "src", here, image=True)
                alt = "".join(c.content for c in token.children or []).strip()
                marp = _MARP_IMAGE.fullmatch(alt) and _MARP_SIZED.search(alt)  # ('cover' alone: a book's, maybe)
                if "alt" not in token.meta and (not alt or marp):
                    self._alt_missing(token, here, alt)
            elif kind == "container_block_open":
                held = token.meta.get("kind") == "practice" or (token.info.split() or [""])[0] in ANSWERED
                self.answers.append(held or any(self.answers[-1:]))
                self.sealing.append("sealed" if "sealed" in self.sealing[-1:] or block_name(token) == "enrichment"
                                    else "question" if block_name(token) == "question" else "")  # fmt: skip
            elif kind == "container_block_close":
                if self.answers:
                    self.answers.pop()
                if self.sealing:
                    self.sealing.pop()
            elif kind == "blockquote_open" and self.sealing:  # in a question: a choice's feedback, the explanation
                self.sealing.append("sealed" if self.sealing[-1] in ("sealed", "question") else self.sealing[-1])
            elif kind == "blockquote_close" and self.sealing:
                self.sealing.pop()
            elif kind == "html_block" or kind == "html_inline":
                if token.meta and "left_out" in token.meta:
                    self.left_out.append((here, token.meta["left_out"]))
                if token.meta and "learnr" in token.meta:
                    self._learnr(here, shown=False)
                if "id" in token.content or "ID" in token.content or "Id" in token.content or "iD" in token.content:
                    self._raw_ids(token.content, here)
                if (
                    not self.script_seen
                    and (self.source.csp or self.source.safe_html)
                    and _SCRIPT.search(token.content)
                ):
                    self._script(token.content, here)
                if not self.event_seen and (self.source.csp or self.source.safe_html) and "on" in token.content:
                    self._event(token.content, here)
                block = kind == "html_block"  # (not '== <style>', an answer a lesson on HTML asks for)
                if block and not self.style_seen and not self.source.safe_html and _STYLE.search(token.content):
                    self._style(token.content, here)
                if "http-equiv" in token.content.lower() and not self.source.safe_html:
                    for at, tag in _Refreshes(token.content).found:  # (security round z 5)
                        where = here + at
                        message = (
                            f"'{' '.join(tag.split())[:60]}' would take students from this page to another"
                            " (another site, too) after a while: write a link instead"
                        )
                        self.report.error(self.source.path, where, message)
                if (
                    block
                    and not self.template_seen
                    and "<template" in token.content
                    and _TEMPLATE.search(token.content)
                ):
                    self._template(token.content, here)
                if _HTML_TAG.search(token.content):
                    self._raw_html(token, here)
                if not self.component_said and _COMPONENT.match(token.content):
                    self._component(token.content, here)
                if kind == "html_inline":
                    self._unknown_tag(token, here)
                if not self.element_said and "-" in token.content:
                    self._empty_element(token.content if block else self.inline_source, here, block)
                if kind == "html_block" and "8<" in token.content:  # a drawing pasted into a <figure>
                    self._snippet(token.content, here, "HTML")
            elif kind == "code_inline" and token.content[:2] in _INLINE_STARTS and not self.inline_code_seen:
                self._inline_chunk(token, here)
            elif kind.startswith("math") and "`r " in token.content and not self.inline_code_seen:
                self._math_chunk(token, here)
            elif kind == "code_block" and token.meta and "left_out" in token.meta:  # (indented: nbgrader's, ff 04)
                self.left_out.append((here, token.meta["left_out"]))
            elif kind == "fence":
                if "left_out" in token.meta:
                    self.left_out.append((here, token.meta["left_out"]))
                if "learnr" in token.meta:
                    self._learnr(here, shown=True)
                if "code_quiz" in token.meta:
                    message = (
                        f"{token.meta['code_quiz']}'s quiz in a code cell is not run here, and would show its answers"
                        " as code: write it as a '::: question' with '- [x]' choices (or '= answer')"
                    )
                    self.report.error(self.source.path, here, message)
                elif "chunk" in token.meta:
                    self._chunk(token, here)
                self._fence_source(token, here)
            if token.meta and token.nesting != -1:  # (a block's closing token shares its opening's meta)
                self._attributes(token, here)
                if token.meta.get("title_tokens"):  # a lesson block's title: '!!! note "See [setup](01.md)"'
                    self._walk(token.meta["title_tokens"], here)
            if token.children:
                self.in_directive = bool(token.meta and token.meta.get("directive"))
                self._walk(token.children, here)
                self.in_directive = False

    def _chunk(self, token: Token, line: int) -> None:
        """A code chunk (R Markdown, Quarto, a MyST notebook's code cell) is shown, never run: said once a
        unit (a lesson has dozens). A MyST directive that is not read here: said once per name."""
        chunk = str(token.meta["chunk"])
        directive = directive_name(chunk)
        if directive is not None:
            if directive in self.directives_seen:
                return
            self.directives_seen.add(directive)
            advice = _DIRECTIVE_ADVICE.get(directive, "it is not read here")
            message = f"MyST directive '```{{{directive}}}' is shown as code: {advice}"
            kind, _, part = directive.rpartition("-")
            if part == "start" and kind in ("solution", "exercise"):  # sphinx-exercise's gated blocks (myst.py)
                message = (
                    f"MyST directive '```{{{directive}}}' has no '```{{{kind}-end}}' after it, at the same"
                    f" indentation: add one where the {kind} ends (until then it is shown open, as text)"
                )
            elif part == "end" and kind in ("solution", "exercise"):
                message = f"MyST directive '```{{{directive}}}' ends no '```{{{kind}-start}}' above it: remove it"
        elif self.chunk_seen:
            return
        elif token.meta.get("myst"):
            self.chunk_seen = True
            message = (
                f"code cell '```{chunk}' is shown as code and never run: run the notebook first and"
                " paste what it prints (or write it as '```python')"
            )
        else:
            self.chunk_seen = True
            message = (
                f"code chunk '```{chunk}' is shown as code and never run (one with 'include: false' or"
                " 'echo: false' is left out): render the lesson to Markdown first (knitr, quarto render)"
            )
        self.report.warn(self.source.path, line, message, "shown-as-text")

    def _learnr(self, line: int, shown: bool) -> None:
        """A learnr question in a code chunk (``question("…", answer("…", correct = TRUE))``) is not read
        here: shown as code, its answers would be text (an error); left out (its chunk hides its code,
        as learnr's do), the student would not see the question (said, for each one)."""
        advice = "write it as a '::: question' with '- [x]' choices (and '> feedback')"
        if shown:
            message = f"learnr question in a code chunk is not read here, and would show its answers as code: {advice}"
            self.report.error(self.source.path, line, message)
        else:
            message = f"learnr question in a code chunk is left out (its chunk hides its code): {advice}"
            self.report.warn(self.source.path, line, message, "left-out")

    def _inline_chunk(self, token: Token, line: int) -> None:
        """Quarto's inline code (`` `{python} x` ``) and knitr's (`` `r nrow(df)` ``: R code, not a word
        'r' then text): shown, never run."""
        match = _INLINE_CHUNK.match(token.content) or _KNITR_INLINE.fullmatch(token.content)
        if match is None:
            return
        self.inline_code_seen = True  # once a unit
        message = (
            f"inline code '`{token.content}`' is shown as code and never run: render the lesson to Markdown"
            " first (quarto render, or knitr), or write the value"
        )
        self.report.warn(self.source.path, line, message, "shown-as-text")

    def _tex_reference(self, children: list[Token], line: int) -> None:
        """LaTeX's ``\\eqref{x}`` to no numbered formula of the unit (xref.py links the others): said once."""
        for child in children:
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            elif child.type == "text" and (match := TEX_REFERENCE.search(child.content)):
                self.tex_reference_said = True
                self.report.warn(
                    self.source.path,
                    line,
                    f"'{match.group(0)}' is shown as text: no formula of this unit has that label (write the label"
                    f" in the formula, $$ … \\label{{{match.group(2).strip()}}} $$, or after it: $$ … $$ "
                    f"({match.group(2).strip()}))",
                    "shown-as-text",
                )
                return

    def _spaced_math(self, children: list[Token], line: int) -> None:
        """A formula with a space just inside its dollars is text, as in pandoc: said once a unit, with how
        to make it math (a lesson from MyST, where it is math, is read as MyST: myst.note_myst). Read in
        the text the parse left (between two formulas, '$x$ = 2 and $y$', no dollar is left)."""
        content = "".join(
            c.content if c.type == "text" else "\n" if c.type in ("softbreak", "hardbreak") else "\0" for c in children
        )
        for match in _SPACED_MATH.finditer(content):
            formula = match.group(0)
            if _TEX_SIGN.search(formula) is None:
                continue
            self.spaced_math_said = True
            shown = " ".join(formula.split())
            shown = shown if len(shown) <= 40 else shown[:37] + "…"
            self.report.warn(
                self.source.path,
                line + content.count("\n", 0, match.start()),
                f"'{shown}' is shown as text, not as a formula: a space just inside a dollar makes it text,"
                " as in pandoc; remove the spaces next to the dollars (or write $$ … $$ for a displayed formula)",
                "math",
            )
            return

    def _lettered_list(self, content: str, line: int) -> None:
        """Pandoc's lettered list ('a) …' then 'b) …' on the next line): CommonMark has none, so its items
        run together into one paragraph. Said once a unit. Not Moodle's Aiken question ('A. …' … 'ANSWER: D'),
        said as that (graders.py): numbered, its answer would still be published."""
        if "ANSWER:" in content and re.search(r"^ANSWER:[ \t]*[A-Z][ \t]*$", content, re.M):
            return
        items = list(_LETTERED_ITEM.finditer(content))
        for first, second in itertools.pairwise(items):
            if content[: second.start()].endswith(("  \n", "\\\n")):
                continue  # (a hard break ends the line before: each item on a line of its own, as meant: port bb 25)
            if ord(second.group(2).lower()) - ord(first.group(2).lower()) == 1:
                self.lettered_seen = True
                at = line + content.count("\n", 0, first.start())
                message = (
                    f"'{first.group(1)} …' and '{second.group(1)} …' are pandoc's lettered list, which is not read"
                    " here: its items run together into one paragraph; number them '1.' '2.' or write bullets ('- ')"
                )
                self.report.warn(self.source.path, at, message, "shown-as-text")
                return

    def _math_chunk(self, token: Token, line: int) -> None:
        """knitr's inline code inside a formula (``$P = `r ppois(14, 25)`$``): typeset as letters, never run.
        Said once a unit, with inline code outside formulas."""
        for match in _KNITR_IN_MATH.finditer(token.content):
            if _KNITR_INLINE.fullmatch(match.group(1)):
                self.inline_code_seen = True
                message = (
                    f"inline code '{match.group(0)}' in a formula is never run (it is typeset as letters): render"
                    " the lesson to Markdown first (quarto render, or knitr), or write the value"
                )
                self.report.warn(self.source.path, line, message, "shown-as-text")
                return

    def _snippet(self, content: str, first: int, where: str) -> None:
        """An MkDocs snippet line (``--8<-- "file"``) in a code block or raw HTML starting at line ``first``."""
        snippet = _SNIPPET_LINE.search(content)
        if snippet is not None:
            at = first + content.count("\n", 0, snippet.start())
            found = snippet.group(0).strip()
            instead = "paste the file's content" + (" (or show it as an image)" if where == "HTML" else "")
            message = f"MkDocs snippet '{found}' in {where} is shown as written: {instead}"
            self.report.warn(self.source.path, at, message, "shown-as-text")

    def _fence_source(self, token: Token, line: int) -> None:
        """Code blocks that another tool fills in or draws: shown here as written."""
        self._snippet(token.content, line + 1, "a code block")  # (its content starts below the fence)
        if "{{#" in token.content and (mdbook := _MDBOOK.search(token.content)) is not None:  # the Rust book's
            at = line + 1 + token.content.count("\n", 0, mdbook.start())
            message = f"mdBook's '{mdbook.group(0)}' in a code block is shown as written: {mdbook_advice(mdbook[0])}"
            self.report.warn(self.source.path, at, message, "shown-as-text")
        if token.info.split(None, 1)[:1] == ["mermaid"] and not self.mermaid_seen:
            self.mermaid_seen = True  # once a unit
            message = (
                "a Mermaid diagram is shown as its source: draw it as an image (the Mermaid CLI, mmdc) and"
                " show the image"
            )
            self.report.warn(self.source.path, line, message, "shown-as-text")

    def _component(self, content: str, line: int) -> None:
        """An MDX component (Docusaurus' ``<Tabs>``, a lesson's own ``<DetailedExplanation title=…>``): said
        once a unit. It shows nothing; what it holds is shown as it is."""
        name = _COMPONENT.match(content)[1]  # type: ignore[index]
        if name.lower() in _KNOWN_TAGS:  # ('<Details>': HTML, whatever its case)
            return
        self.component_said = True
        message = (
            f"MDX component '<{name}>' is not read here (it comes from another file of the lesson's site): it shows"
            " nothing, and what it holds is shown as it is; write out in Markdown what it should show"
        )
        self.report.warn(self.source.path, line, message, "shown-as-text")

    def _empty_element(self, content: str, line: int, block: bool) -> None:
        """A web component with nothing in it, ``<gif-player src="https://…/2038.gif"></gif-player>``: the
        scripts of the lesson's own site drew it; here none defines it, so it shows nothing, and check had
        said nothing (port hh 11). Said once a unit; a picture it names is advised as an image."""
        found = _EMPTY_ELEMENT.search(content)
        if found is None:
            return
        self.element_said = True
        source = _SRC.search(found.group(2))
        picture = source.group(1) if source and _IMAGE_FILE.search(source.group(1)) else ""
        advice = (
            f"to show its picture, copy '{picture.rsplit('/', 1)[-1].split('?')[0]}' into the course and write"
            f" ![What it shows]({picture.rsplit('/', 1)[-1].split('?')[0]})"
            if picture
            else "write out in Markdown what it should show"
        )
        message = (
            f"'<{found.group(1)}>' is an element the scripts of another site draw (a web component); nothing"
            f" draws it here, so it shows nothing: {advice}"
        )
        where = _line_of_tag(_EMPTY_ELEMENT, content, line) if block else line  # (an inline tag's own line)
        self.report.warn(self.source.path, where, message, "shown-as-text")

    def _unknown_tag(self, token: Token, line: int) -> None:
        """``Name it <username>-test``: HTML reads '<username>' as a tag it does not know and shows
        nothing, so the student reads '-test'. (A custom element has a hyphen: left alone.)"""
        tag = _TAG_NAME.match(token.content)
        if tag is None or token.content.startswith("</") or "-" in tag.group(1) or tag.group(1).lower() in _KNOWN_TAGS:
            return
        if f"</{tag.group(1)}>".lower() in self.inline_source.lower():
            return  # '<filename>x</filename>': its content shows
        if re.search(r"[ \t\n](?:answer|keywords|correct|correct_?[Aa]nswers?)[ \t]*=", token.content):
            return  # another tool's question, its answer in the tag: an error (admonitions.mdx_quizzes), never quoted
        message = (
            f"'{token.content}' is read as an HTML tag and shows nothing: write it in backticks"
            f" (`{token.content}`) or as &lt;{token.content[1:-1].lstrip('/')}&gt;"
        )
        self.report.warn(self.source.path, line, message, "shown-as-text")

    def _unread_link(self, token: Token, line: int) -> None:
        """``![A box](../assets/my picture.svg)`` is shown as text: Markdown ends a path at a space."""
        if "](" not in token.content:  # most text: no need for the pattern
            return
        for match in _SPACED.finditer(token.content):
            bang, text, path = match.groups()
            kind = "image" if bang else "link"
            liquid = _LIQUID.search(path)
            if liquid is not None:  # '{{ page.root }}/fig/x.svg': Jekyll fills that in, nothing here does
                message = f"this {kind} is shown as plain text: {liquid_advice(path, bang, text)}"
            else:
                fixed = f"{bang}[{text}](<{path.strip()}>)"
                message = f"this {kind} is shown as plain text because its path has a space: write {fixed}"
            self.report.error(self.source.path, line, message)
        for match in _LOCAL_FILE.finditer(token.content):  # Markdown does not make a file: link a link
            kind = "image" if match.group(1) else "link"
            message = (
                f"this {kind} to '{match.group(3)}' is shown as plain text: it is a file on your computer, which no"
                " student has; copy the file into assets/ (or beside the unit) and link to it there"
            )
            self.report.error(self.source.path, line, message)

    def _pelican_found(self, rest: str, line: int, image: bool, placeholder: re.Match[str]) -> bool:
        """Whether the file after Pelican's placeholder is in the course, from this unit (then it is linked as
        if written without it); if not, an error that names the placeholder."""
        path = unquote(rest.partition("#")[0].split("?", 1)[0])
        joined = course_path(self.source.path, path) if path else ""
        if joined and (joined in self.source.unit_files or on_disk(self.root, joined) is not None):
            return True
        mark = f"{{{placeholder[1]}}}" if placeholder[1] else f"|{placeholder[2]}|"
        message = (
            f"{'image' if image else 'link'} '{mark}{unquote(rest)}': Pelican's '{mark}' stands for its content folder,"
            " which a course does not have: write the path from this unit to the file"
            f" ({'../assets/logo.png' if image else 'other-unit.md'!r})"
        )
        self.report.error(self.source.path, line, message)
        return False

    def _liquid(self, target: str, line: int, image: bool) -> bool:
        """A link made with a Liquid template but no space (``{{page.root}}/fig/x.svg``): say what it is."""
        if "{{" not in target and "{%" not in target:
            return False
        kind = "image" if image else "link"
        self.report.error(
            self.source.path, line, f"{kind} '{target}': {liquid_advice(target, '!' if image else '', '...')}"
        )
        return True

    def _foreign(self, children: list[Token], line: int, answers: bool = False) -> None:
        """Markdown of another tool that CommonMark reads as plain text: published as written, so say so,
        once per kind and paragraph (a grid table is many lines of one). Code and links are left out."""
        breaks = ("softbreak", "hardbreak")
        parts, linked = [], 0
        for c in children:  # (a link's text is no citation: '[@TheOdinProjectExamples](https://codepen.io/…)')
            linked += 1 if c.type == "link_open" else -1 if c.type == "link_close" else 0
            parts.append(c.content if c.type == "text" and not linked else "\n" if c.type in breaks else "\0")
        text = "".join(parts)
        if "}`" in self.inline_source:
            self._roles(children, line)
        cited = False
        answer_line = answers and self.inline_source.lstrip().startswith(("=", "~"))  # ('== @csv': never shown)
        for pattern, what in _FOREIGN:
            if answers and pattern is _TICKED:
                continue  # a choice of a question or practice: read as one there
            if answer_line and (pattern is _CITATION or pattern is _IN_TEXT):
                continue  # (jq's '@csv', Python's '@staticmethod' as the answer: port ee 6)
            if pattern is _IN_TEXT and cited:
                continue  # '[see @key]': said once
            match = pattern.search(text)
            cited = cited or (match is not None and pattern in (_CITATION, _LIASCRIPT))
            if match is not None and pattern is _LIASCRIPT:
                text = pattern.sub(lambda m: "\0" * len(m[0]), text)  # (nor its words again as a citation)
                if self.liascript_said:
                    continue
                self.liascript_said = True
            if match is not None and pattern is _SHORTCODE:
                self._shortcodes(text, line)
            elif match is not None:
                at = line + text.count("\n", 0, match.start())
                if pattern is _MDBOOK:
                    what = what.format("{}", mdbook_advice(match.group(0)))
                if pattern is _LIQUID_TAG:
                    advice = liquid_tag_advice(match.group(0)).replace("{", "{{").replace("}", "}}")
                    what = what.format("{}", advice)  # (its braces kept for the tag's own format below)
                if pattern is _TICKED or pattern is _LIQUID_TAG:  # quoted with its code: '[x] Double quotes `"`'
                    spans = "".join(f"`{c.content}`" if c.type == "code_inline" else c.content for c in children)
                    match = pattern.search(spans) or match
                found = " ".join(match.group(0).split())  # one line, however it was written
                if pattern is _LIQUID_TAG and (found.endswith("/%}") or found.startswith("{% /")):
                    what = what.replace("Jekyll (Liquid) tag", "Markdoc tag")  # (self-closed, or closed so: port bb 3)
                elif pattern is _LIQUID_TAG and found[2:].strip(" -%}").split(" ")[0] in GITBOOK_EXERCISE:
                    what = what.replace("Jekyll (Liquid) tag", "GitBook tag")
                self.report.warn(self.source.path, at, what.format(found), "shown-as-text")

    def _shortcodes(self, text: str, line: int) -> None:
        """Quarto's shortcodes: each kind said once a unit (a lesson has dozens), with what to do instead."""
        said = self.shortcodes_seen
        for match in _SHORTCODE.finditer(text):
            found = match.group(0)
            name = (found[3:-3].split() or [""])[0].lower().lstrip("/")  # ('{{< /tabs >}}': said with its opening)
            if name in said:
                continue
            said.add(name)
            argument = [*found[3:-3].split(), "", ""][1].strip("\"'")
            video = _YOUTUBE.match(argument) if name == "video" else None
            argument = f"https://www.youtube.com/watch?v={video.group(1)}" if video else argument
            hugo = found[2] == "%" or name in _HUGO_ADVICE
            advice = (_HUGO_ADVICE if hugo else _SHORTCODE_ADVICE).get(
                name, "it is not read here: write what it shows, or remove it"
            )
            advice = advice.format(argument.removesuffix(".md"))
            at = line + text.count("\n", 0, match.start())
            tool = "Hugo" if hugo else "Quarto"
            self.report.warn(
                self.source.path, at, f"{tool} shortcode '{found}' is shown as text: {advice}", "shown-as-text"
            )

    def _roles(self, children: list[Token], line: int) -> None:
        """MyST cross-references (``{ref}`setup` ``, ``{doc}`intro` ``): shown as their text (myst.py)."""
        for child in children:
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            elif child.meta and "myst_role" in child.meta:
                if child.meta["role"] == "eq" and child.meta["target"] in self.equations_said:
                    continue  # (a lesson refers to its key formula many times: one warning)
                if child.meta["role"] == "eq":
                    self.equations_said.add(child.meta["target"])
                elif not cross_reference(role := child.meta["role"]) and not role.startswith(("cite", "glue")):
                    # a badge, an icon, an abbreviation: said once a unit by name, as other unread syntax is
                    # (sphinx-design's page of badges had 50 warnings: port round aa 14); each cross-reference,
                    # citation or glued value is a thing to write, at its own line
                    if (kind := role.split("-")[0]) in self.roles_said:  # ({bdg-dark}, {bdg-muted-line}: one)
                        continue
                    self.roles_said.add(kind)
                message = child.meta["advice"].format(child.meta["myst_role"])
                self.report.warn(self.source.path, line, message, "shown-as-text")

    def _attributes(self, token: Token, line: int) -> None:
        """Attributes in braces: the unsafe ones were dropped (say so), and an id the theme uses is refused.
        Also: footnotes defined inside a block whose content the page holds back."""
        for written in dict.fromkeys(token.meta.get("footnotes", ())):
            name = block_name(token)
            message = (
                f"footnote '{written}' is defined inside this '::: {name}' block, but footnotes are shown"
                " at the end of the lesson, for everyone: write what it says in the block itself"
            )
            self.report.error(self.source.path, line, message)
        for written in dict.fromkeys(token.meta.get("footnote_refs", ())):
            name = block_name(token)
            message = (
                f"footnote '{written}' is referred to only inside this '::: {name}' block, but its text is shown at"
                " the end of the lesson, for everyone: write what it says in the block itself"
            )
            self.report.error(self.source.path, line, message)
        if token.meta.get("annotate") and "{ .annotate }" not in self.attributes_seen:
            self.attributes_seen.add("{ .annotate }")  # said once a unit
            message = (
                "MkDocs annotations ('{ .annotate }') are not read: the markers '(1)' stay in the text and the"
                " notes are shown as the numbered list after it; write them as footnotes ('text[^1]', then"
                " '[^1]: the note')"
            )
            self.report.warn(self.source.path, line, message, "attribute")
        for name in dropped_attributes(token):
            if name in self.attributes_seen:
                continue  # said once a unit: '{target=_blank}' on every link of a page is one thing to know
            self.attributes_seen.add(name)
            message = f"attribute '{name}' is not kept (attributes kept: {', '.join(SAFE_ATTRIBUTES)})"
            self.report.warn(self.source.path, line, message, "attribute")
        given = token.meta.get("braces_id")  # not "id": block and footnote tokens use that meta key
        if given and theme_safe(str(given)) != str(given):
            taken = ", ".join(f"'{p}...'" for p in THEME_ID_PREFIXES)
            message = f"id '{given}' is taken by the page itself (ids 'main' and {taken}): choose another"
            self.report.error(self.source.path, line, message)

    def _raw_ids(self, content: str, line: int) -> None:
        """An id in HTML the teacher wrote that the page itself uses ('ms-unit-data', 'q-...'): refused, as
        in braces. The first element with an id wins, and the lesson comes before the page's own: its
        quiz would read the lesson's element (a contributed unit could feed it answers of its own)."""
        if _ANY_ID.search(content) is None:
            return
        reader = _Ids()  # (as a browser reads them: 'ID=' in capitals, a '>' in an earlier quoted value: cc 9)
        reader.feed(content)
        reader.close()
        for at, given in reader.found:
            given = given.strip()
            if given and theme_safe(given) != given:
                taken = ", ".join(f"'{p}...'" for p in THEME_ID_PREFIXES)
                message = f"id '{given}' is taken by the page itself (ids 'main' and {taken}): choose another"
                self.report.error(self.source.path, line + at, message)

    def _raw_html(self, token: Token, line: int) -> None:
        """``<img src>``, ``<a href>``, media sources, ``srcset`` and ``poster`` in HTML the teacher wrote:
        checked, published and rewritten like their Markdown forms (MkDocs pages are full of them). The
        attributes of each tag are read in turn, so a word in another attribute's value is never one."""
        content, edits = token.content, []
        for tag in _HTML_TAG.finditer(content):
            name = tag.group(1).lower()
            attrs = {m.group(1).lower(): m for m in _HTML_ATTR.finditer(content, tag.end(1), tag.end())}
            at = line + content.count("\n", 0, tag.start())
            if name == "img" and "alt" not in attrs and ("src" in attrs or "srcset" in attrs):
                src = html.unescape(_value(attrs.get("src") or attrs["srcset"]))
                self.report.warn(self.source.path, at, f"image '{src}' has no alt text: add alt=\"...\"", "no-alt")
            for attr in ("src", "href", "poster", "srcset"):
                found = attrs.get(attr)
                if found is None or found.group(2) is None or (attr == "href") != (name == "a"):
                    continue
                value = html.unescape(_value(found))
                if name == "iframe" and _ON_THE_WEB.match(value):
                    self._framed(value, at)
                    continue
                urls = [u.split()[0] for u in value.split(",") if u.strip()] if attr == "srcset" else [value]
                new = value
                for url in urls:
                    probe = Token("image" if name != "a" else "link_open", name, 0)
                    probe.attrSet("src", url)
                    self._fix(probe, "src", at + content.count("\n", tag.start(), found.start()), image=name != "a")
                    new = new.replace(url, str(probe.attrGet("src")), 1) if probe.attrGet("src") != url else new
                if new != value:
                    edits.append((found.start(2), found.end(2), f'"{html.escape(new)}"'))
        for begin, stop, text in reversed(edits):
            content = content[:begin] + text + content[stop:]
        token.content = content

    def _script(self, content: str, line: int) -> None:
        """A ``<script>`` in a unit (a d3 figure, an H5P resizer) never runs: the pages' security policy
        runs only the site's own scripts, and safe_html removes it. Said once a unit, at the first."""
        self.script_seen = True
        found = _SCRIPT.search(content)
        written = " ".join(found.group(0).split())[:80] if found else "<script>"
        where = line + content.count("\n", 0, found.start()) if found else line
        why = (
            "safe_html removes every script from a unit"
            if self.source.safe_html
            else "the pages' security policy runs only the site's own scripts (csp: false in course.yml runs it)"
        )
        message = f"'{written}' does not run: {why}; what it would draw or do is missing from the page"
        source = _SCRIPT_SOURCE.search(found.group(0)) if found else None
        local = source is not None and not re.match(r"(?:[a-z][a-z0-9+.-]*:|//|\\)", source[1].strip(), re.I)
        if local and not self.source.safe_html:
            message = (  # (a file of the course is one of the site's own scripts: security round cc 17)
                f"'{written}' runs: a script file of the course is one of the site's own, which the pages' security"
                " policy lets run, with every student's progress and unit keys within its reach; review it as"
                " code (safe_html refuses it)"
            )
        self.report.warn(self.source.path, where, message, "script")

    def _event(self, content: str, line: int) -> None:
        """An event attribute (a "Show answer" button's ``onclick``, an ``onload``) never runs: the pages'
        security policy runs no script written in a page, and safe_html removes it. The button was dead and
        the answer it was to show hidden for good, with no word (port cc 34). Said once a unit, at the first."""
        found = _EVENT_ATTRIBUTE.search(content)
        if found is None:
            return
        self.event_seen = True
        why = (
            "safe_html removes every event attribute"
            if self.source.safe_html
            else "the pages' security policy runs no script written in a page (csp: false in course.yml runs it)"
        )
        message = (
            f"'{found[2]}' on '<{found[1]}>' does not run: {why}; an answer shown on request is a"
            " '::: solution' block (see the README)"
        )
        self.report.warn(self.source.path, line + content.count("\n", 0, found.start()), message, "script")

    def _style(self, content: str, line: int) -> None:
        """A ``<style>`` in a unit (a Marp deck's ``section { color: black }``, where a section is a slide)
        applies to the whole page: the theme's own sections, the quiz, the navigation (port w 9: in dark mode
        the quiz became a white block). Said once a unit, at the first; safe_html removes it."""
        self.style_seen = True
        message = (
            "'<style>' restyles the whole page, the quiz, the navigation and the dark theme too, not this lesson"
            " alone: put the styles the course needs in theme/extra.css (see the README), or remove it"
        )
        self.report.warn(self.source.path, _line_of_tag(_STYLE, content, line), message, "style")

    def _template(self, content: str, line: int) -> None:
        """What a ``<template>`` holds is never shown by a browser: a Slidev deck's ``<v-switch><template #1>``
        lost its headings with no word (port w 7). Said once a unit, at the first."""
        self.template_seen = True
        message = (
            "what a '<template>' holds is never shown (a Vue or Slidev template, filled in by its scripts): it is"
            " missing from the page; remove the '<template>' lines to show it"
        )
        self.report.warn(self.source.path, _line_of_tag(_TEMPLATE, content, line), message, "shown-as-text")

    def _video(self, token: Token, line: int) -> None:
        """``![](https://vimeo.com/203516510)``, a video as R Markdown and learnr lessons embed it: as a picture
        it showed nothing, in any browser (port ee 04). A link to it, its words the alt text or the address."""
        url = str(token.attrGet("src") or "")
        words = "".join(c.content for c in token.children or []).strip() or url
        token.type, token.tag, token.children = "html_inline", "", None
        token.content = f'<a href="{escapeHtml(url)}">{escapeHtml(words)}</a>'
        message = (
            f"image '{url}' is a video on another site, which a page cannot show as a picture: it is shown as a"
            f" link to it; write it as one, like [Watch the video]({url})"
        )
        self.report.warn(self.source.path, line, message, "external-image")

    def _framed(self, url: str, line: int) -> None:
        """An ``<iframe>`` of another site (a YouTube video): the pages' security policy shows no page of
        another site, so it would be an empty box: say so, with the link to write instead."""
        if not self.source.csp:
            return
        video = _YOUTUBE.match(url)
        link = f"https://www.youtube.com/watch?v={video.group(1)}" if video else url
        words = "Watch the video" if video or _VIDEO_HOST.search(url) else "Open it"
        message = (
            f"embedded page '{url}' is on another site, and the pages show none (their security policy): it"
            f" would be an empty box; link to it instead, like [{words}]({link}) (or set csp: false)"
        )
        self.report.warn(self.source.path, line, message, "external-image")

    def _alt_missing(self, token: Token, line: int, marp: str = "") -> None:
        src = str(token.attrGet("src") or "")
        where = "an ':alt: …' line under it" if self.in_directive else "![...]"  # MyST's {figure}
        if marp:  # ('![bg width:400pt](x.png)': Marp's sizing words, read aloud as the picture's description)
            message = (
                f"image '{src}' has Marp's directive '{marp}' for its alt text, which a screen reader reads as the"
                f" picture's description: describe the picture in {where} (Marp's sizing is not read here)"
            )
            self.report.warn(self.source.path, line, message, "no-alt")
            return
        self.report.warn(self.source.path, line, f"image '{src}' has no alt text: describe it in {where}", "no-alt")

    def _fix(self, token: Token, attr: str, line: int, image: bool) -> None:
        target = str(token.attrGet(attr) or "")
        if target.startswith("#") and len(target) > 1 and not image:
            self.anchors.append((unquote(target[1:]), line))  # checked against the page's ids (unit.py)
        if image and self.source.csp and _ON_THE_WEB.match(target):
            message = (
                f"image '{target}' is on another site, and the pages load images only from the course (their"
                " security policy): it would not show; copy it into the course (or set csp: false in course.yml)"
            )
            self.report.warn(self.source.path, line, message, "external-image")
        if not image and _SCHEME.match(target) and not _KNOWN_URL.match(target):
            self.labels.append((target, line))  # (said once every unit is read: checks.check_labels_between)
        if not target or _EXTERNAL.match(target) or self._liquid(unquote(target), line, image):
            return
        pelican = _PELICAN.match(target)
        if pelican is not None:  # Pelican's '{filename}/articles/post.md', '{static}/images/logo.png'
            target = target[pelican.end() :]
            if not self._pelican_found(target, line, image, pelican):
                return
            token.attrSet(attr, target)
        path, _, fragment = target.partition("#")
        path = path.split("?", 1)[0]
        if not path:
            return
        if path in (".", "./") and fragment:  # './#further-resources': this page
            token.attrSet(attr, f"#{fragment}")
            return
        new, file = self._resolve(path, line, image, unquote(target))  # (messages quote it as written)
        self.links.append(Link(target, line, image, file))
        if file and "sealed" in self.sealing[-1:]:
            self.sealed_files.setdefault(file, line)
        elif file:
            self.public_files.add(file)
        if new is not None:
            token.attrSet(attr, new + (f"#{fragment}" if fragment else ""))

    def _resolve(self, path: str, line: int, image: bool, target: str) -> tuple[str | None, str]:
        """The href in the built site (None: leave it as written, and report why) and the course file
        to publish for it ("" for none)."""
        unit_dir = posixpath.dirname(self.source.path)
        from_root = path.startswith("/")
        plain = unquote(path)
        joined = course_path(self.source.path, path)
        kind = "image" if image else "link"
        if joined.startswith("../") or joined == "..":
            self._leaves(kind, target, line, "it points outside the course folder")
            return None, ""
        if joined in self.source.unit_files:
            page = f"{self.source.unit_files[joined]}.html"
            return (page if unit_dir == "units" else f"units/{page}"), ""
        built = joined[:-5] + ".md" if joined.endswith(".html") else ""
        page_url = joined.removesuffix("/index.html").removesuffix("/")  # Jekyll's '../02-testing/'
        if page_url != joined or path.endswith("/"):
            name = posixpath.basename(page_url)
            built = next((f for f in (f"{page_url}.md", f"units/{name}.md") if f in self.source.unit_files), built)
        if built in self.source.unit_files and on_disk(self.root, joined) is None:
            # the name the unit's page has in the tool the lesson comes from (Workbench, MkDocs, Quarto)
            page = f"{self.source.unit_files[built]}.html"
            return (page if unit_dir == "units" else f"units/{page}"), ""
        folded = joined.casefold()  # ('units/x.MD', 'Units/x.md': on a Mac, Windows or a stick, the unit's source
        if folded.endswith(".md") and folded.startswith("units/"):  # itself, answers and all: security round dd 2)
            others = [f for f in self.source.unit_files if f != self.source.path]  # (a link to itself: never meant)
            hint = self._hint(joined, others, unit_dir, from_root)
            same = next((f for f in self.source.unit_files if f.casefold() == folded), None)
            if same is not None:  # (written as the link is: from the course's top, or from this unit)
                written = f"/{same}" if from_root else posixpath.relpath(same, unit_dir)
                hint = f": did you mean '{written}'? (a name is read with its case, as a web server reads it)"
            elif "/" in joined[len("units/") :] and on_disk(self.root, joined) is not None:  # an MkDocs sub-page
                hint = " (unit files must be directly in units/: move it up, and list it in course.yml)"
            elif on_disk(self.root, joined) is not None:  # there, but course.yml lists the units without it
                hint = ": list it in course.yml's units"
            elif not hint and kind == "link":  # a page of the lesson that was not copied
                hint = ": copy the page into units/ as a unit, or link to where it is published (https://…)"
            message = f"{kind} '{target}': unit file '{joined}' is not in the course{hint}"
            self.report.error(self.source.path, line, message)
            return None, ""
        found = on_disk(self.root, joined)
        if found is None:
            self._broken(kind, target, joined, line, unit_dir, from_root)
            return None, ""
        reason = unpublished(joined, set(self.source.unit_files.values()))
        if reason:
            self.report.error(self.source.path, line, f"{kind} '{target}' points to '{joined}', {reason}")
            return None, ""
        if kind == "link" and folded.endswith(_LESSON_SOURCES):
            message = (  # (a Carpentries lesson's glossary, 'learners/reference.md', copied in: port ee 02)
                f"link '{target}' leads to '{joined}', a lesson's source and not a unit: the student would see its"
                " Markdown as plain text; to make it a page, move it into units/ and list it in course.yml"
            )
            self.report.warn(self.source.path, line, message, "shown-as-text")
        if kind == "image" and _empty(found):  # a copy that failed: every browser shows a broken image
            message = f"broken image '{target}': the file '{joined}' is empty (0 bytes): copy the image again"
            self.report.error(self.source.path, line, message)
            return None, ""
        if from_root:
            return posixpath.relpath(joined, unit_dir), joined
        return (quote(nfc(plain)) if nfc(plain) != plain else None), joined  # published under NFC names

    def _leaves(self, kind: str, target: str, line: int, why: str) -> None:
        what = "the file into the course"
        if kind == "link" and target.partition("#")[0].split("?")[0].casefold().endswith(_LESSON_SOURCES):
            what = "the page into units/ as a unit (and list it in course.yml)"  # (not beside it: port ee 02)
        message = f"{kind} '{target}' leaves the course ({why}): copy {what}, or link to it on the web"
        self.report.error(self.source.path, line, message)

    def _broken(self, kind: str, target: str, joined: str, line: int, unit_dir: str, from_root: bool) -> None:
        if "\\" in target:  # 'fig\\x.png', as Windows writes a path
            fixed = target.replace("\\", "/")
            self.report.error(self.source.path, line, f"broken {kind} '{target}': write '/' between folders: '{fixed}'")
            return
        beside = posixpath.join(unit_dir, joined)
        if unit_dir and on_disk(self.root, beside) is not None:  # '../fig/x.png' of a lesson whose fig/ moved
            written = _as_written(beside, unit_dir, from_root) + (
                "#" + target.split("#", 1)[1] if "#" in target else ""
            )
            message = f"broken {kind} '{target}': no file '{joined}' in the course; '{beside}' is: write '{written}'"
            self.report.error(self.source.path, line, message)
            return
        top = joined.split("/", 1)[0]
        if top == "_static" and "/" in joined:  # Sphinx's folder: the site's own name, not a course folder
            rest = joined.split("/", 1)[1]
            written = _as_written(f"assets/{rest}", unit_dir, from_root)
            message = f"{kind} '{target}' is not in the course: copy it into assets/ and write '{written}'"
            self.report.error(self.source.path, line, message)
            return
        elsewhere = self._same_name(joined)  # ('assets/box.svg' from a unit: its '../' forgotten)
        if elsewhere is not None:
            written = _as_written(elsewhere, unit_dir, from_root)
            message = f"broken {kind} '{target}': no file '{joined}' in the course — did you mean '{written}'?"
            self.report.error(self.source.path, line, message)
            return
        if "/" in joined and top not in ("assets", "units") and not is_dir(self.root / top):
            self._leaves(kind, target, line, f"the course has no '{top}/' folder")  # another part of a lesson
            return
        options = self._course_files(posixpath.dirname(joined))
        if posixpath.dirname(joined) != unit_dir:  # '../01-setup.md' for a unit beside this one
            extension = posixpath.splitext(joined)[1]
            kinds = (extension, ".md") if extension == ".html" else (extension,)  # a page: its unit file
            options += [f for f in self._course_files(unit_dir) if f.endswith(kinds) and f != self.source.path]
        fragment = "#" + target.split("#", 1)[1] if "#" in target else ""
        hint = self._hint(joined, options, unit_dir, from_root, fragment)
        if kind == "link" and "." not in posixpath.basename(joined) and "/" not in target and not hint:
            hint = " (a MyST label? write the unit's file and its heading: 'other-unit.md#heading')"
        elif kind == "link" and joined.endswith((".md", ".qmd", ".ipynb", ".html")) and not hint:
            hint = ": copy the page into units/ as a unit, or link to where it is published (https://…)"
        message = f"broken {kind} '{target}': no file '{joined}' in the course{hint}"
        if target.startswith("{") and target.endswith("}"):  # MDX's '<a href={post.url}>' in a component
            message = (
                f"broken {kind} '{target}': '{{…}}' is an MDX (JSX) expression, worked out by the lesson's own"
                " site; here it is an address. Code shown inside a component's HTML is read as HTML: show it"
                " in a code block, or write the address out"
            )
        if target.startswith("[") and "](" in target:  # '[text]([a](b))': a link written inside a link's address
            message = (
                f"broken {kind} '{target}': its address is itself a Markdown link ('[…](…)'); write one address,"
                " '[text](https://…)'"
            )
        if joined in ("", ".") and kind == "link":  # '[home](/)': the root of the site the lesson came from
            message = (
                f"broken link '{target}': it leads to the root of the site the lesson came from (every page"
                " here has its own link to the course page); link to a unit ('other-unit.md') or to a web"
                " address (https://…), or leave the link out"
            )
        self.report.error(self.source.path, line, message)

    def _same_name(self, joined: str) -> str | None:
        """The one file of assets/ or units/ named as ``joined`` is, whatever the case ('assets/box.svg' written
        in a unit, '../asset/box.svg', 'Box.svg'); None when there is none, or several."""
        if self.named is None:  # (read once a unit, and only for a broken link)
            self.named = {}
            for top in ("assets", "units"):
                for folder, dirs, files in os.walk(self.root / top):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    for file in files:
                        path = nfc((Path(folder) / file).relative_to(self.root).as_posix())
                        self.named.setdefault(file.casefold(), []).append(path)
        found = self.named.get(posixpath.basename(joined).casefold(), [])
        return found[0] if len(found) == 1 and found[0] != joined else None

    def _course_files(self, folder: str) -> list[str]:
        """The files next to a broken target, for a did-you-mean (none at the course's top: course.yml
        and the like are never published)."""
        if folder in ("", "."):
            return []
        try:
            names = sorted(p.name for p in (self.root / folder).iterdir() if not p.is_dir())[:500]
        except (OSError, ValueError):
            return []
        return [posixpath.join(folder, name) if folder else name for name in names]

    @staticmethod
    def _hint(joined: str, options: list[str], unit_dir: str, from_root: bool, fragment: str = "") -> str:
        """A did-you-mean written the way the teacher wrote the link (relative to the unit)."""
        names: dict[str, str] = {}
        for option in options:  # the target's own folder first
            names.setdefault(_stem(posixpath.basename(option)), option)
        # whole paths share prefixes that look alike, and so do episode names ('05-null.md', '07-join.md');
        # a typo only: 'skimage-images' is another lesson than 'image-basics' (0.62 alike), 'testng' is 'testing'
        close = difflib.get_close_matches(_stem(posixpath.basename(joined)), list(names), n=1, cutoff=0.75)
        name = close[0] if close else None
        if name is None:
            return ""
        match = names[name]
        written = _as_written(match, unit_dir, from_root) + fragment  # (the place in the page kept)
        return f" — did you mean '{written}'{f' ({match})' if written == joined else ''}?"  # not the same words
