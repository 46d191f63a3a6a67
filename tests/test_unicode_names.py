"""Names with accents: a Mac writes 'é' as 'e' + combining accent (NFD) in file names, a teacher
types one character (NFC) in course.yml, requires and links. Both must mean the same thing."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from urllib.parse import quote

from conftest import MakeCourse

from masterysite.build import build, load_course


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_nfd_file_names_match_nfc_references(make_course: MakeCourse, tmp_path: Path) -> None:
    root = make_course(
        {
            "course.yml": "title: Historia\nlanguage: es\n",
            nfd("units/01-la-revolución.md"): "# La Revolución\n\n![Un mapa](../assets/mapa-méxico.svg)\n",
            "units/02-después.md": (
                "---\nrequires: [la-revolución]\n---\n# Después\n\n[Antes](01-la-revolución.md)\n\n"
                + nfd("![Otra vez](../assets/mapa-méxico.svg)\n")
            ),
            nfd("assets/mapa-méxico.svg"): '<svg xmlns="http://www.w3.org/2000/svg"/>',
        }
    )
    loaded = load_course(root)
    assert [str(p) for p in loaded.report.problems] == []
    assert loaded.course is not None
    assert [u.id for u in loaded.course.units] == ["la-revolución", "después"]
    out = tmp_path / "site"
    build(root, out)
    first = (out / "units" / "la-revolución.html").read_text(encoding="utf-8")
    assert f'src="../assets/{quote("mapa-méxico.svg")}"' in first
    assert (out / "assets" / "mapa-méxico.svg").is_file()  # published under the name the pages use
    second = (out / "units" / "después.html").read_text(encoding="utf-8")
    assert 'href="la-revolución.html"' in second
    assert f'src="../assets/{quote("mapa-méxico.svg")}"' in second  # an NFD link is published as NFC too


def test_unicode_ids_in_front_matter(make_course: MakeCourse) -> None:
    root = make_course(
        {
            "course.yml": "title: Física\n",
            "units/a.md": "---\nid: ondas-sísmicas\ntitle: Ondas\n---\nTexto.\n",
            "units/b.md": "---\ntitle: Más\nrequires: [ondas-sísmicas]\n---\nTexto.\n",
        }
    )
    loaded = load_course(root)
    assert [str(p) for p in loaded.report.problems] == []
