"""Every image is sized at build (issue 12: no layout shift): width and height read from the file's
header bytes (PNG, GIF, JPEG, WebP) or its <svg> tag, added where the author gave none."""

from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest

from masterysite.build import build
from masterysite.imagesize import image_size
from tests.conftest import MakeCourse


def png(w: int, h: int) -> bytes:
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", 13)
        + b"IHDR"
        + struct.pack(">II", w, h)
        + b"\x08\x02\0\0\0"
        + b"\0" * 8
    )


def gif(w: int, h: int) -> bytes:
    return b"GIF89a" + struct.pack("<HH", w, h) + b"\0" * 20


def jpeg(w: int, h: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"
    dqt = b"\xff\xdb" + struct.pack(">H", 67) + b"\0" + bytes(64)
    sof = b"\xff\xc2" + struct.pack(">HBHHB", 17, 8, h, w, 3) + bytes(9)  # progressive
    return b"\xff\xd8" + app0 + dqt + sof + b"\xff\xd9"


def webp_lossy(w: int, h: int) -> bytes:
    body = b"VP8 " + struct.pack("<I", 10) + b"\0\0\0" + b"\x9d\x01\x2a" + struct.pack("<HH", w, h)
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WEBP" + body


def webp_lossless(w: int, h: int) -> bytes:
    bits = (w - 1) | ((h - 1) << 14)
    body = b"VP8L" + struct.pack("<I", 5) + b"\x2f" + bits.to_bytes(4, "little")
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WEBP" + body


def webp_extended(w: int, h: int) -> bytes:
    body = b"VP8X" + struct.pack("<I", 10) + b"\0\0\0\0" + (w - 1).to_bytes(3, "little") + (h - 1).to_bytes(3, "little")
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WEBP" + body


@pytest.mark.parametrize(
    ("name", "data", "size"),
    [
        ("a.png", png(640, 480), (640, 480)),
        ("a.gif", gif(31, 7), (31, 7)),
        ("a.jpg", jpeg(1200, 800), (1200, 800)),
        ("a.webp", webp_lossy(300, 200), (300, 200)),
        ("b.webp", webp_lossless(123, 45), (123, 45)),
        ("c.webp", webp_extended(4000, 3000), (4000, 3000)),
        (
            "a.svg",
            b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="280" height="70">',
            (280, 70),
        ),
        ("b.svg", b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">', (200, 100)),
        ("c.svg", b"<svg width='30px' viewBox='0,0,20,10'>", (30, 15)),
        ("d.svg", b'<svg width="100%" height="50%" viewBox="0 0 40 10">', (40, 10)),
        ("e.svg", b'<svg width="10em" height="4em">', None),
        # Inkscape's millimetres (the viewBox is in mm too: not pixels), inches, points
        ("h.svg", b'<svg width="166.22995mm" height="63.9mm" viewBox="0 0 166.2 63.9">', (628, 242)),
        ("i.svg", b'<svg width="5in" viewBox="0 0 360 180">', (480, 240)),
        ("j.svg", b'<svg width="72pt" height="2.54cm">', (96, 96)),
        ("f.png", b"not an image at all", None),
        ("g.jpg", b"\xff\xd8\xff\xe0\x00", None),
        # cut short after their signature (a failed copy): no size, no crash (security round cc 4)
        ("h.gif", b"GIF89a", None),
        ("h.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", None),
    ],
)
def test_image_size_from_header_bytes(tmp_path: Path, name: str, data: bytes, size: tuple[int, int] | None) -> None:
    (tmp_path / name).write_bytes(data)
    assert image_size(tmp_path / name) == size


UNIT = """---
title: Pictures
requires: []
---

![A photo](../assets/photo.jpg)

![A wide one](../assets/wide.png){width=400}

![A tall one](fig/tall.webp){height=50}

![Given both](../assets/photo.jpg){width=10 height=20}

![A drawing](../assets/drawing.svg)

<img src="../assets/wide.png" alt="Raw HTML">

![Elsewhere](https://example.org/x.png)
"""


def imgs(page: str) -> dict[str, dict[str, str]]:
    out = {}
    for tag in re.findall(r"<img\b[^>]*>", page):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', tag))
        out[attrs["alt"]] = attrs
    return out


def test_build_sizes_every_image_the_author_left_unsized(make_course: MakeCourse, tmp_path: Path) -> None:
    root = make_course(
        {
            "course.yml": "title: T\n",
            "units/a.md": UNIT,
            "assets/photo.jpg": jpeg(1200, 800),
            "assets/wide.png": png(800, 200),
            "units/fig/tall.webp": webp_lossless(100, 400),
            "assets/drawing.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 330 185"></svg>',
        }
    )
    build(root, tmp_path / "site")
    found = imgs((tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8"))
    size = {alt: (a.get("width"), a.get("height")) for alt, a in found.items()}
    assert size == {
        "A photo": ("1200", "800"),
        "A wide one": ("400", "100"),  # the author's width, the height in proportion
        "A tall one": ("12", "50"),  # 50 / 400 * 100, rounded
        "Given both": ("10", "20"),  # the author's own, untouched
        "A drawing": ("330", "185"),
        "Raw HTML": ("800", "200"),
        "Elsewhere": (None, None),  # not a course file: nothing to read
    }


def test_every_image_of_the_example_course_has_a_size(example_course: Path, tmp_path: Path) -> None:
    build(example_course, tmp_path / "site")
    pages = list((tmp_path / "site").rglob("*.html"))
    tags = [tag for page in pages for tag in re.findall(r"<img\b[^>]*>", page.read_text(encoding="utf-8"))]
    assert len(tags) >= 5
    assert all(re.search(r'\swidth="\d+"', t) and re.search(r'\sheight="\d+"', t) for t in tags), tags


def test_a_size_is_written_where_the_tag_ends_not_inside_a_value(make_course: MakeCourse, tmp_path: Path) -> None:
    """The size had been written before the first '>' of an '<img>', even one inside its quoted alt: an honest
    'alt="y > 0"' broke the page, and what followed the '>' became live markup past every check of the unit's
    HTML, a meta refresh too (security round dd 6)."""
    unit = (
        '# A\n\n<img src="../assets/wide.png" alt="the region where y > 0"> and '
        "<img alt='x><meta http-equiv=refresh content=0;url=https://evil.example/>' src=\"../assets/wide.png\">\n"
    )
    root = make_course({"course.yml": "title: T\n", "units/a.md": unit, "assets/wide.png": png(800, 200)})
    build(root, tmp_path / "site")
    page = (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    assert '<img src="../assets/wide.png" alt="the region where y > 0" width="800" height="200">' in page
    assert "<img alt='x><meta http-equiv=refresh content=0;url=https://evil.example/>' src=\"../assets/wide.png\"" \
        ' width="800" height="200">' in page  # fmt: skip
