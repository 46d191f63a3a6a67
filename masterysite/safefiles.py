"""``safe_html``: no file a contributed course publishes may run script when a student opens it.

A picture shown with ``<img>`` never runs its script, but the same file opened as a page (a link to
it, its address typed) runs it on the site's origin, where every student's progress and unit keys
are. Every published file (all of ``assets/`` and every other course file a unit shows or links to)
is judged by what it is allowed to be, not searched for what is known to be bad (a review got past a
pattern for script with an SVG's ``<x:script>``, an HTML file's ``<img/src=x/onerror=…>`` and an RSS
feed):

- pictures, sound, video, fonts, PDF and office or archive files, by their name: a browser shows
  them as what their name says, never as a page;
- an SVG, read as the XML a browser reads: only SVG's own elements that draw or animate (no
  ``script`` or ``foreignObject``; an animation of no link's address and no handler), elements of
  other tools' namespaces (Inkscape's metadata: never shown), no ``on…`` attribute and no link but
  to the file itself, another file of the course, a web page or an embedded picture; no style sheet
  processing instruction;
- a script, a web page or an XML document (HTML, XHTML, XSLT, RSS…): never;
- a file of data, code or text by its name (``.csv``, ``.py``, ``.txt``…): only if it does not begin as
  markup, which a browser opening it from a folder may take for a page;
- any other file: only if it holds no markup at all. What a browser shows as a page goes by a list of
  names of its own and the machine's (Chromium runs a ``.shtm`` or ``.ehtml`` file's script from a
  folder; a Windows machine's list is its programs'), so a name no one lists is no guarantee.
"""

from __future__ import annotations

import contextlib
import functools
import re
import struct
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

from masterysite.errors import Report

INERT = frozenset(
    (
        *(".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp", ".ico", ".tif", ".tiff"),
        *(".mp3", ".wav", ".ogg", ".oga", ".opus", ".m4a", ".aac", ".flac", ".mp4", ".m4v", ".webm", ".ogv", ".mov"),
        *(".woff", ".woff2", ".ttf", ".otf", ".pdf", ".epub"),
        *(".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".tar"),
        *(".xlsx", ".xls", ".docx", ".doc", ".pptx", ".ppt", ".odt", ".ods", ".odp"),
        # binary files a course may offer to download, which hold any bytes ('<a' too): by their names
        *(".heic", ".heif", ".jxl", ".jfif", ".psd", ".ai", ".eps", ".avi", ".mkv", ".mpeg", ".mpg", ".wmv"),
        *(".wma", ".m4b", ".mid", ".midi", ".rtf", ".odg", ".key", ".pages", ".numbers", ".rar", ".zst"),
        *(".dmg", ".iso", ".exe", ".msi", ".apk", ".jar", ".whl", ".blend", ".dwg", ".dxf", ".skp", ".sketch"),
    )
)
SCRIPTS = frozenset((".js", ".mjs", ".cjs", ".wasm"))
PAGES = frozenset(
    (
        *(".html", ".htm", ".xhtml", ".xht", ".xhtm", ".shtml", ".shtm", ".ehtml", ".dhtml", ".phtml", ".jhtml"),
        *(".chtml", ".htx", ".mht", ".mhtml", ".hta", ".php", ".asp", ".aspx", ".jsp", ".cfm", ".xbl"),
        *(".xml", ".xsl", ".xslt", ".rss", ".atom", ".rdf", ".xsd", ".kml", ".gpx", ".svgz", ".xul"),
    )
)

TEXT = frozenset(  # data, code and text: published unless they begin as markup
    (
        *(".txt", ".text", ".csv", ".tsv", ".json", ".geojson", ".jsonl", ".ndjson", ".md", ".markdown", ".rmd"),
        *(".qmd", ".ipynb", ".py", ".pyi", ".r", ".jl", ".m", ".c", ".h", ".cc", ".cpp", ".hpp", ".java", ".kt"),
        *(".rs", ".go", ".rb", ".pl", ".lua", ".swift", ".scala", ".hs", ".f90", ".f", ".sh", ".bash", ".zsh"),
        *(".ps1", ".bat", ".sql", ".yaml", ".yml", ".toml", ".ini", ".cfg", ".conf", ".tex", ".bib", ".dat"),
        *(".log", ".diff", ".patch", ".fasta", ".fa", ".fastq", ".fq", ".vcf", ".bed", ".gff", ".gtf", ".sam"),
        *(".pdb", ".nc", ".h5", ".hdf5", ".npy", ".npz", ".parquet", ".feather", ".rds", ".rda", ".rdata"),
        *(".sav", ".dta", ".xpt", ".sas7bdat", ".mat", ".stl", ".obj", ".ply", ".gltf", ".glb", ".mol", ".sdf"),
        *(".xyz", ".cif", ".nii", ".dcm", ".shp", ".dbf", ".shx", ".prj", ".gpkg", ".db", ".sqlite"),
        *(".ggb", ".sb3", ".hex", ".ino", ".asm", ".s", ".v", ".vhd", ".do", ".ado", ".tab", ".arff"),
    )
)

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
# Namespaces whose elements a browser makes into something that acts: never in a published SVG
ACTIVE_NAMESPACES = frozenset(("http://www.w3.org/1999/xhtml", "http://www.w3.org/1998/Math/MathML"))
DRAWING = frozenset(
    (
        *("svg", "g", "defs", "symbol", "use", "image", "switch", "desc", "title", "metadata", "style", "view"),
        *("path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath", "a"),
        *("marker", "pattern", "clipPath", "mask", "linearGradient", "radialGradient", "stop", "filter"),
        *("animateTransform", "animateMotion", "mpath", "font", "font-face", "glyph", "missing-glyph", "hkern"),
        *("feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix", "feFlood"),
        *("feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFuncA", "feFuncB"),
        *("feFuncG", "feFuncR", "feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology"),
        *("feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence"),
    )
)
ANIMATING = frozenset(("animate", "set"))  # (of any attribute but a link's address or a handler)
_SAFE_LINK = re.compile(r"(?:#|https?:|mailto:|data:image/(?:png|jpe?g|gif|webp|avif)[;,])", re.I)
_SCHEME = re.compile(r"^[^/?#]*:")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")  # what a browser drops from a link's address before reading it
_MARKUP_START = re.compile(rb"^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)?[\s\x00]*<")
_MARKUP = re.compile(rb"<(?:\x00)?[A-Za-z!?/]")  # a tag, a comment or a declaration anywhere (UTF-16 too)
_CHUNK = 1 << 20
# an address on another host: a scheme of one ('http:host/x' too, read from a file:// page), or '//',
# which a browser's URL parser also reads in '/\\', '\\\\' and '\\/' (security round aa 5)
_REMOTE = re.compile(r"(?:(?:https?|ftp|wss?):|[/\\]{2})", re.I)
# ... in CSS, once its comments and escapes are read: a url() or a string ('@import "//…"') holding one
_REMOTE_STYLE = re.compile(r"(?:url\s*\(|[\"'])\s*(?:(?:https?|ftp|wss?):|[/\\]{2})", re.I)
_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.S)
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})(?:\r\n|[ \t\n\r\f])?|(\r\n|.))", re.S)
# what a URL parser removes wherever it stands: '/<tab>/host' is '//host', and so is a string continued on the next
# line, '/\<newline>/host' (security round bb 6)
_URL_DROPS = re.compile(r"[\t\n\r\f]")


def _css_escape(found: re.Match[str]) -> str:
    if found[1] is None:  # (a backslash before a newline continues a string: the newline goes below)
        return found[2]
    code = int(found[1], 16)
    return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"


def loads_remotely(css: str) -> bool:
    """Whether some CSS (a style sheet, a style or presentation attribute) loads from another host, read as
    a browser's CSS parser reads it: comments are nothing ('@import/**/"//host"'), escapes are their
    characters ('url("\\68ttp://host")')."""
    read = _CSS_ESCAPE.sub(_css_escape, _CSS_COMMENT.sub(" ", css))
    return _REMOTE_STYLE.search(_URL_DROPS.sub("", read)) is not None


def report_unsafe_files(files: list[tuple[str, Path]], report: Report) -> None:
    """Each published file (its path in the site, its file) that could run script: an error at its path."""
    for name, file in files:
        why = unsafe(file)
        if why is not None:
            message = f"safe_html is on (nothing the course holds may run script), and this file {why}"
            report.error(name, 0, message)


def unsafe(file: Path) -> str | None:
    """Why ``file`` could run script when opened as a page; None when it cannot."""
    suffix = file.suffix.lower()
    inner = next((s for s in (s.lower() for s in file.suffixes[:-1]) if s in PAGES or s in SCRIPTS), None)
    if inner is not None:  # ('notes.html.yaml': Apache, the usual school server, reads every suffix of a name,
        return (  # and serves it as a page: security round dd 1)
            f"has '{inner}' in its name: a web server that reads every part of a name (Apache) serves it as"
            f" {'a script' if inner in SCRIPTS else 'a page'}, which runs whatever script it holds: rename it"
        )
    if suffix in INERT:  # (by its name: unless it begins as markup, which no such file does)
        return _markup_named_inert(file, suffix)
    if suffix in SCRIPTS:
        return "is a script: remove it (no page of this course can load it)"
    if suffix in PAGES:
        return (
            "is a web page or an XML document, which runs whatever script it holds when a student opens it:"
            " make it a unit, a PDF or a picture"
        )
    try:
        with file.open("rb") as opened:
            data = opened.read() if suffix == ".svg" else opened.read(1024)  # (a data set may be big)
            if suffix not in TEXT and suffix != ".svg" and not _MARKUP_START.match(data):
                return _unnamed(file.name, data, opened)
    except OSError:
        return None  # (a file that cannot be read is reported where it is published)
    if suffix == ".svg":
        why = svg_problem(data)
        return None if why is None else f"{why}: remove it, or draw the picture without it (or make it a PNG)"
    if _MARKUP_START.match(data):
        return (
            "begins as markup ('<'), and a browser opening it from a folder may show it as a page and run its"
            " script: give it a name that says what it is (.txt, .csv), or remove it"
        )
    return None


def _markup_named_inert(file: Path, suffix: str) -> str | None:
    """A picture's, a sound's or a download's name on a file that begins as markup: a server that has no type
    for the name (Apache sends none) lets the browser sniff it, and a page runs its script on the site's
    origin (security round cc 3). No real file of those kinds begins so."""
    try:
        with file.open("rb") as opened:
            start = opened.read(1024)
    except OSError:
        return None  # (a file that cannot be read is reported where it is published)
    if not _MARKUP_START.match(start):
        return None
    return (
        f"is named as a '{suffix}' file but begins as markup ('<'), which a browser may take for a page and run"
        " its script: give it a name that says what it is, or remove it"
    )


def _unnamed(name: str, start: bytes, opened: BinaryIO) -> str | None:
    """A file whose name says no kind of file listed here: published only if it holds no markup at all
    (read a megabyte at a time), as a browser may list its name as a page's (``.shtm``, ``.ehtml``)."""
    data = start
    while True:
        if _MARKUP.search(data):
            return (
                f"has a name ('{name}') that says no kind of file a course publishes, and holds markup ('<…'):"
                " a browser may list that name as a page's and run its script; give it a name that says what it"
                " is (.txt, .csv, .py), or remove it"
            )
        more = opened.read(_CHUNK)
        if not more:
            return None
        data = data[-2:] + more


def _instructions(data: bytes) -> list[str]:
    """The processing instructions of an XML file, anywhere in it, read in its own encoding (a UTF-16
    file's ``<?xml-stylesheet`` is no ASCII bytes: security round z 1)."""
    found: list[str] = []
    parser = expat.ParserCreate()
    parser.ProcessingInstructionHandler = lambda target, _data: found.append(target)
    with contextlib.suppress(expat.ExpatError):
        parser.Parse(data, True)
    return found


def svg_problem(data: bytes) -> str | None:
    """What in an SVG could act when it is opened as a page, or load anything from another host; None for
    a picture that only draws."""
    if any(target.lower() != "xml" for target in _instructions(data)):
        return "asks for a style sheet that can rewrite it into a page ('<?xml-stylesheet')"
    try:
        root = ElementTree.fromstring(data)
    except (ElementTree.ParseError, ValueError) as exc:
        return f"cannot be read as the XML a browser reads it as ({exc})"
    if root.tag != f"{{{SVG}}}svg":  # (an XSLT style sheet named .svg: round z 1)
        _, name = _split(root.tag)
        return f"is no SVG picture: its first element is '{name}', not an 'svg' of SVG's namespace (xmlns=\"{SVG}\")"
    for element in root.iter():
        namespace, name = _split(element.tag)
        # (all its text: after a child element too, as the style sheet is its text children, joined)
        if namespace == SVG and name == "style" and loads_remotely("".join(element.itertext())):
            return "has a style sheet that loads from another host ('@import', 'url(http…)')"
        namespace, name = _split(element.tag)
        if namespace in ACTIVE_NAMESPACES or (namespace == SVG and name not in DRAWING and name not in ANIMATING):
            return f"holds a '{name}' element, which is no drawing of SVG's"
        if namespace == SVG and name in ANIMATING:
            animated = element.attrib.get("attributeName", "").strip().lower()
            if animated.startswith("on") or animated.endswith("href"):
                return f"animates its '{animated}' attribute, which can make a link run script"
        if namespace == SVG or element is root:
            for attribute, value in element.attrib.items():
                why = _attribute_problem(attribute, value, name)
                if why is not None:
                    return why
    return None


def _split(tag: object) -> tuple[str, str]:
    """'{namespace}name' -> (namespace, name); a name outside any namespace -> ('', name)."""
    text = str(tag)
    if text.startswith("{"):
        namespace, _, name = text[1:].partition("}")
        return namespace, name
    return "", text


def _attribute_problem(attribute: str, value: str, element: str) -> str | None:
    _, name = _split(attribute)
    if name.lower().startswith("on"):
        return f"runs script through its '{name}' attribute"
    if name == "href":
        address = _INVISIBLE.sub("", value)
        if _SCHEME.match(address) and not _SAFE_LINK.match(address):
            return f"links to '{value[:40]}', which is no web page, file of the course or picture"
        if element != "a" and _REMOTE.match(address):  # ('<image href="https://…">': opened, it loads it)
            return f"loads '{value[:40]}' from another host (a '{element}'): embed the picture, or link to it"
    if ("url" in value.lower() or "\\" in value) and loads_remotely(value):  # (style=, fill=, mask=, …)
        return f"has a '{name}' that loads from another host ('url(http…)')"
    return None


# What a drawing program keeps in an SVG that the picture does not show (ii security 2): a layer hidden before
# saving (Inkscape's 'Answer key'), a comment, and where the file was on the teacher's computer
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I)
_HOME_PATH = re.compile(r"(?:/home/|/Users/|[A-Za-z]:\\+(?:Users|Documents and Settings)\\+)[^/\\\"'<>\s]+")
_COMMENT = re.compile(rb"<!--(.*?)-->", re.S)
_TOOL_COMMENT = re.compile(r"\s*(?:Created with\b|Generator:|Generated by\b)", re.I)  # (no \b after a colon)


def svg_hidden(file: Path) -> list[str]:
    """What a published SVG holds that its picture does not show, each said in a few words (none: [])."""
    try:
        stat = file.stat()
    except OSError:
        return []
    return list(_svg_hidden(file, stat.st_size, stat.st_mtime_ns))


@functools.lru_cache(maxsize=1024)
def _svg_hidden(file: Path, size: int, _mtime: int) -> tuple[str, ...]:
    """svg_hidden's reading, once while the file is unchanged (serve checks every rebuild)."""
    try:
        data = file.read_bytes() if size < 8_000_000 else b""
        root = ElementTree.fromstring(data) if data else None
    except (OSError, ElementTree.ParseError, ValueError):
        return ()
    found: list[str] = []
    for element in root.iter() if root is not None else ():
        hidden = element.attrib.get("display") == "none" or element.attrib.get("visibility") == "hidden"
        if hidden or _HIDDEN_STYLE.search(element.attrib.get("style", "")):
            words = " ".join("".join(element.itertext()).split())
            if words:
                label = next((v for k, v in element.attrib.items() if k.endswith("}label")), "")
                found.append(f"a hidden {'layer ' + repr(label) if label else 'part'} with the words '{words[:40]}'")
                break
    comments = [c for c in (m[1].decode("utf-8", "replace").strip() for m in _COMMENT.finditer(data)) if c]
    said = next((c for c in comments if not _TOOL_COMMENT.match(c)), None)
    if said:
        found.append(f"a comment '{' '.join(said.split())[:40]}'")
    home = _HOME_PATH.search(data.decode("utf-8", "replace"))
    if home:
        found.append(f"a path of your computer '{home[0]}…'")
    return tuple(found)


def photo_position(file: Path) -> bool:
    """Whether a published JPEG holds where it was taken: an Exif GPS latitude, as a phone writes by default (a
    class garden, a teacher's kitchen: jj security 9)."""
    try:
        stat = file.stat()
    except OSError:
        return False
    return _photo_position(file, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=1024)
def _photo_position(file: Path, _size: int, _mtime: int) -> bool:
    try:
        with file.open("rb") as f:
            head = f.read(131072)
    except OSError:
        return False
    at = 2 if head[:2] == b"\xff\xd8" else len(head)
    while at + 4 <= len(head) and head[at] == 0xFF:  # the JPEG's segments, up to the Exif one
        marker, length = head[at + 1], int.from_bytes(head[at + 2 : at + 4], "big")
        if marker == 0xE1 and head[at + 4 : at + 10] == b"Exif\x00\x00":
            return _gps_latitude(head[at + 10 : at + 2 + length])
        if marker == 0xDA:  # (the picture's data: no Exif before it)
            return False
        at += 2 + length
    return False


def _gps_latitude(tiff: bytes) -> bool:
    """Whether an Exif block (TIFF) has a GPS directory with a latitude in it."""
    order = {b"II": "<", b"MM": ">"}.get(tiff[:2])
    if order is None or len(tiff) < 8:
        return False
    try:
        first = struct.unpack_from(order + "I", tiff, 4)[0]
        gps = next((value for tag, value in _entries(tiff, order, first) if tag == 0x8825), None)
        return gps is not None and any(tag == 0x0002 for tag, _ in _entries(tiff, order, gps))
    except struct.error:
        return False


def _entries(tiff: bytes, order: str, at: int) -> list[tuple[int, int]]:
    """The (tag, value or offset) of each entry of the TIFF directory at ``at``."""
    count = struct.unpack_from(order + "H", tiff, at)[0]
    return [
        (
            struct.unpack_from(order + "H", tiff, at + 2 + 12 * n)[0],
            struct.unpack_from(order + "I", tiff, at + 10 + 12 * n)[0],
        )
        for n in range(min(count, 512))
    ]
