"""Image sizes read at build time, so the browser reserves an image's space before it loads (no
layout shift, issue 12). Only the header bytes are read: PNG, GIF, JPEG, WebP; SVG's width and
height (in px, unitless or an absolute unit: mm, cm, in, pt, pc), else its viewBox. No image library.

`size_images(html, folder, course_dir)` adds width and height to every <img> of a page's HTML
that lacks them and shows a course file: both when the author gave neither, the missing one in
proportion when the author gave one (`{width=400}`). Anything it cannot read is left as it is.
"""

from __future__ import annotations

import posixpath
import re
import struct
from fractions import Fraction
from pathlib import Path
from urllib.parse import unquote, urlsplit

HEADER = 64 * 1024  # enough for every JPEG SOF we have met; a later one leaves the image unsized
SVG_HEAD = 8 * 1024


def image_size(path: Path) -> tuple[int, int] | None:
    """(width, height) in CSS pixels, or None if the file is not an image we can read."""
    try:
        with path.open("rb") as f:
            head = f.read(HEADER)
    except OSError:
        return None
    try:
        size = _svg(head[:SVG_HEAD]) if path.suffix.lower() == ".svg" else _raster(head)
    except struct.error:  # a picture cut short ('GIF89a' and no more: security round cc 4): no size to read
        return None
    if size and 0 < size[0] < 100_000 and 0 < size[1] < 100_000:
        return size
    return None


def _raster(b: bytes) -> tuple[int, int] | None:
    if b[:8] == b"\x89PNG\r\n\x1a\n" and b[12:16] == b"IHDR":
        w, h = struct.unpack(">II", b[16:24])
        return w, h
    if b[:6] in (b"GIF87a", b"GIF89a"):
        w, h = struct.unpack("<HH", b[6:10])
        return w, h
    if b[:4] == b"RIFF" and b[8:12] == b"WEBP":
        return _webp(b)
    if b[:2] == b"\xff\xd8":
        return _jpeg(b)
    return None


def _webp(b: bytes) -> tuple[int, int] | None:
    chunk = b[12:16]
    if chunk == b"VP8 " and len(b) >= 30 and b[23:26] == b"\x9d\x01\x2a":
        w, h = struct.unpack("<HH", b[26:30])
        return w & 0x3FFF, h & 0x3FFF
    if chunk == b"VP8L" and len(b) >= 25 and b[20] == 0x2F:
        bits = int.from_bytes(b[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X" and len(b) >= 30:
        return int.from_bytes(b[24:27], "little") + 1, int.from_bytes(b[27:30], "little") + 1
    return None


_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg(b: bytes) -> tuple[int, int] | None:
    """Walk the markers to the first start-of-frame (its height and width). EXIF rotation is not
    applied: browsers do apply it, so a rotated photo would get the wrong box; such files are rare
    in lessons and the author can give the size."""
    i = 2
    while i + 4 <= len(b):
        if b[i] != 0xFF:
            return None
        marker = b[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        (length,) = struct.unpack(">H", b[i + 2 : i + 4])
        if marker in _SOF and i + 9 <= len(b):
            h, w = struct.unpack(">HH", b[i + 5 : i + 9])
            return w, h
        i += 2 + length
    return None


_SVG_TAG = re.compile(rb"<svg\b[^>]*>", re.S)
_NUMBER = r"\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*"


def _svg_attr(tag: bytes, name: str) -> str | None:
    found = re.search(rb"\s" + name.encode() + rb"""\s*=\s*(?:"([^"]*)"|'([^']*)')""", tag)
    if not found:
        return None
    return (found.group(1) if found.group(1) is not None else found.group(2)).decode("utf-8", "replace")


_PX = {"": 1.0, "px": 1.0, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4, "q": 96 / 101.6, "pt": 96 / 72, "pc": 16.0}
"""CSS pixels in each absolute unit (Inkscape writes mm, other tools in or pt)."""


def _length(value: str | None) -> float | None:
    """A length in CSS pixels; a relative one (%, em) is not a size we can use."""
    found = re.fullmatch(_NUMBER + r"([a-zA-Z]*)\s*", value or "")
    unit = found.group(2).lower() if found else ""
    return float(found.group(1)) * _PX[unit] if found and unit in _PX else None


def _svg(head: bytes) -> tuple[int, int] | None:
    tag = _SVG_TAG.search(head)
    if not tag:
        return None
    width, height = _length(_svg_attr(tag.group(0), "width")), _length(_svg_attr(tag.group(0), "height"))
    box = _svg_attr(tag.group(0), "viewBox")
    parts = re.split(r"[\s,]+", box.strip()) if box else []
    try:
        vw, vh = (float(parts[2]), float(parts[3])) if len(parts) == 4 else (None, None)
    except ValueError:
        vw, vh = None, None
    if width and height:
        return round(width), round(height)
    if vw and vh and vw > 0 and vh > 0:
        if width:  # one length and the viewBox's proportions
            return round(width), round(width * vh / vw)
        if height:
            return round(height * vw / vh), round(height)
        return round(vw), round(vh)
    return None


_IMG = re.compile(r"<img(?=[\s/>])", re.I)  # (where a tag starts: where it ends is _tag_end's)
_SPACE = " \t\n\r\f"


def _tag_end(html: str, at: int) -> int:
    """Just past the '>' that ends the start tag at ``at``, read as a browser reads it: a '>' in a quoted
    value is the value's ('alt="y > 0"'); -1 when the tag never ends. The size had been written before the
    first '>', inside such a value: what followed it was live markup, past every check (security round dd 6)."""
    end, i = len(html), at + 1
    while i < end:
        c = html[i]
        if c == ">":
            return i + 1
        i += 1
        if c == "=":
            while i < end and html[i] in _SPACE:
                i += 1
            if i < end and html[i] in "\"'":
                close = html.find(html[i], i + 1)
                if close < 0:
                    return -1
                i = close + 1
            else:
                while i < end and html[i] not in _SPACE and html[i] != ">":
                    i += 1
    return -1


_ATTR = re.compile(r"""\s([a-zA-Z][\w:-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def _attrs(tag: str) -> dict[str, str]:
    return {m.group(1).lower(): next((g for g in m.groups()[1:] if g is not None), "") for m in _ATTR.finditer(tag)}


def _whole(value: str) -> int | None:
    return int(value) if re.fullmatch(r"\s*[0-9]{1,5}\s*", value) else None


class ImageSizes:
    """Sizes of the course's image files, each read once per build."""

    def __init__(self, course_dir: Path) -> None:
        self.root = course_dir.resolve()
        self.known: dict[str, tuple[int, int] | None] = {}

    def of(self, name: str) -> tuple[int, int] | None:
        if name not in self.known:
            file = (self.root / name).resolve()
            inside = file == self.root or self.root in file.parents
            self.known[name] = image_size(file) if inside and file.is_file() else None
        return self.known[name]

    def size_images(self, html: str, folder: str) -> str:
        """`folder`: where the page is, relative to the site root ("units")."""
        if "<img" not in html and "<IMG" not in html:
            return html
        out, done = [], 0
        for found in _IMG.finditer(html):
            if found.start() < done:
                continue  # ('<img' in the value of a tag before it)
            end = _tag_end(html, found.start())
            if end < 0:
                break
            out += [html[done : found.start()], self._sized(html[found.start() : end], folder)]
            done = end
        return "".join(out) + html[done:]

    def _sized(self, tag: str, folder: str) -> str:
        attrs = _attrs(tag[4:])
        src = attrs.get("src", "")
        given_w, given_h = _whole(attrs.get("width", "")), _whole(attrs.get("height", ""))
        if (given_w and given_h) or ("width" in attrs and given_w is None) or ("height" in attrs and given_h is None):
            return tag  # sized already, or sized in a way we leave alone (100%, 20em)
        parts = urlsplit(src)
        if not src or parts.scheme or parts.netloc or src.startswith(("/", "#")):
            return tag
        name = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
        if name.startswith("../") or name == "..":
            return tag
        size = self.of(name)
        if not size:
            return tag
        w, h = size
        if given_w:
            extra = f' height="{round(Fraction(given_w * h, w))}"'
        elif given_h:
            extra = f' width="{round(Fraction(given_h * w, h))}"'
        else:
            extra = f' width="{w}" height="{h}"'
        body = tag[: len(tag) - (2 if tag.endswith("/>") else 1)].rstrip()
        return body + extra + tag[len(body) :]
