"""Safe builds of contributed courses, on the build side: every page carries the
Content-Security-Policy first (whatever its template), ``csp: false`` turns it off, and
``safe_html`` sanitizes raw HTML while leaving everything Markdown writes exactly as it was.
(In the browser: tests/browser/test_safe_pages.py.)"""

from __future__ import annotations

import dataclasses
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from masterysite.build import build
from masterysite.cli import main
from masterysite.csp import POLICY, TAG, protect
from masterysite.errors import CourseError, Report
from masterysite.parse.sanitize import clean
from masterysite.parse.unit import UnitSource, parse_unit

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "tests" / "sample_courses"
FIXTURES = REPO / "tests" / "fixtures" / "parse"
VOID = {"area", "br", "col", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Events(HTMLParser):
    """A page as a list of start tags (with sorted attributes), end tags and text: the same list
    means the same document, however it was serialized (``<br />`` or ``<br>``, quotes, entities)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[tuple[Any, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(("<", tag, tuple(sorted((k, v or "") for k, v in attrs))))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.out.append((">", tag))

    def handle_endtag(self, tag: str) -> None:
        self.out.append((">", tag))

    def handle_data(self, data: str) -> None:
        if self.out and self.out[-1][:2] == ("<", "script"):
            return  # the unit's JSON: the same content, encoded
        if " ".join(data.split()):
            self.out.append(("t", " ".join(data.split())))


def events(html: str) -> list[tuple[Any, ...]]:
    parser = Events()
    parser.feed(html)
    return parser.out


def pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


# --- the Content-Security-Policy ----------------------------------------------------------------


def test_every_page_carries_the_policy_first(tmp_path: Path) -> None:
    build(REPO / "course", tmp_path / "site")
    for name, page in pages(tmp_path / "site").items():
        head = page[page.index("<head>") + len("<head>") :].lstrip()
        assert head.startswith(TAG), name
        scripts = re.findall(r"<script\b[^>]*>", page)
        assert all(' src="' in s or 'type="application/json"' in s for s in scripts), (name, scripts)
        assert not re.search(r"\son[a-z]+\s*=", page), name  # no event attribute in the theme


def test_the_policy_runs_only_the_sites_own_scripts() -> None:
    rules = dict(rule.strip().split(" ", 1) for rule in POLICY.split(";"))
    assert rules["script-src"] == "'self'"  # no 'unsafe-inline', no hashes, no other host
    assert rules["default-src"] == "'self'" and rules["object-src"] == "'none'" and rules["base-uri"] == "'none'"


def test_csp_false_turns_it_off(make_course: Any, tmp_path: Path) -> None:
    root = make_course({"course.yml": "title: T\ncsp: false\n", "units/a.md": "# A\n\nText.\n"})
    build(root, tmp_path / "site")
    assert all("Content-Security-Policy" not in page for page in pages(tmp_path / "site").values())


@pytest.mark.parametrize(
    "page",
    [
        "<!-- <head> --><script>alert(1)</script>",  # a head hidden in a comment
        "<!DOCTYPE html><html><title><head></title><script>alert(1)</script>",  # or in the title
        "<!doctype html>\n<script>alert(1)</script><html><head>",
    ],
)
def test_a_template_cannot_put_anything_before_the_policy(page: str) -> None:
    protected = protect(page)
    first = protected.index(TAG)
    assert "<script" not in protected[:first] and "<head" not in protected[:first].lower().replace("<!doctype", "")


def test_a_theme_override_without_the_policy_still_gets_it(make_course: Any, tmp_path: Path) -> None:
    base = "<!DOCTYPE html><html><head><title>Mine</title></head><body>{% block main %}{% endblock %}</body></html>"
    root = make_course(
        {
            "course.yml": "title: T\n",
            "units/a.md": "# A\n\nText.\n",
            "theme/templates/base.html": base,
        }
    )
    build(root, tmp_path / "site")
    assert all(TAG in page for page in pages(tmp_path / "site").values())


# --- safe_html -----------------------------------------------------------------------------------


def test_safe_html_changes_nothing_markdown_writes(tmp_path: Path) -> None:
    """The allowlist covers everything the Markdown renderer writes: the example course and every
    sample course give the same pages with and without safe_html (their HTML is all Markdown's)."""
    for course in [REPO / "course", *sorted(p for p in SAMPLES.iterdir() if (p / "course.yml").is_file())]:
        plain, safe = tmp_path / course.name / "plain", tmp_path / course.name / "safe"
        try:
            build(course, plain)
        except CourseError:
            continue  # a sample for work still in progress
        build(course, safe, safe_html=True)
        one, other = pages(plain), pages(safe)
        assert one.keys() == other.keys()
        for name in one:
            assert events(one[name]) == events(other[name]), f"{course.name}: {name}"


def html_fields(value: Any) -> list[str]:
    """Every piece of HTML in a parsed unit (lesson, prompts, choices, feedback, blocks, objectives)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [h for f in dataclasses.fields(value) for h in html_fields(getattr(value, f.name))]
    if isinstance(value, (list, tuple)):
        return [h for item in value for h in html_fields(item)]
    return [value] if isinstance(value, str) and "<" in value else []


@pytest.mark.parametrize("fixture", sorted(p.stem for p in FIXTURES.glob("*.md")))
def test_safe_html_keeps_every_parser_fixture_as_it_was(fixture: str) -> None:
    text = (FIXTURES / f"{fixture}.md").read_text(encoding="utf-8")
    units = []
    for safe in (False, True):
        source = UnitSource(f"units/{fixture}.md", 0, None, str(FIXTURES), {}, safe)
        units.append(parse_unit(text, source, Report()))
    plain, safe = (html_fields(u) for u in units)
    assert len(plain) == len(safe)
    assert [(a, b) for a, b in zip(plain, safe, strict=True) if events(a) != events(b)] == []


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ("<img src=x onerror=alert(1)>", '<img src="x">'),
        ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="JaVaScRiPt&colon;alert(1)">x</a>', "<a>x</a>"),
        ("<script>alert(1)</script>ok", "ok"),
        ("<svg onload=alert(1)><circle/></svg>ok", "ok"),
        ('<iframe srcdoc="<script>alert(1)</script>"></iframe>ok', "ok"),
        ("<style>body{display:none}</style>ok", "ok"),
        ('<img src="https://tracker.example/p.gif" alt="">', '<img alt="">'),
        ('<p style="color: red; position: fixed">x</p>', '<p style="color:red">x</p>'),
        ('<math><mrow href="javascript:alert(1)"><mi>x</mi></mrow></math>', "<math><mrow><mi>x</mi></mrow></math>"),
        ("<details open><summary>s</summary><kbd>k</kbd> H<sub>2</sub>O x<sup>2</sup></details>", None),
        ("<figure><img src='a.png' alt='A'><figcaption>c</figcaption></figure>", None),
        (
            "<table><thead><tr><th scope=col>a</th></tr></thead><tbody><tr><td colspan=2>1</td></tr></tbody></table>",
            None,
        ),
    ],
)
def test_the_sanitizer(raw: str, kept: str | None) -> None:
    assert events(clean(raw)) == events(raw if kept is None else kept)


# --- settings and flags --------------------------------------------------------------------------


def test_settings_must_be_true_or_false(make_course: Any) -> None:
    root = make_course({"course.yml": "title: T\nsafe_html: maybe\ncsp: 0\n", "units/a.md": "# A\n"})
    result = CliRunner().invoke(main, ["check", str(root)])
    assert result.exit_code == 1
    assert "course.yml:2: safe_html must be true or false, got 'maybe'" in result.output
    assert "course.yml:3: csp must be true or false, got '0'" in result.output


@pytest.mark.parametrize("where", ["course.yml", "--safe-html"])
def test_safe_html_from_course_yml_or_the_command_line(make_course: Any, tmp_path: Path, where: str) -> None:
    settings = "safe_html: true\n" if where == "course.yml" else ""
    root = make_course({"course.yml": f"title: T\n{settings}", "units/a.md": "# A\n\n<b onclick=alert(1)>bold</b>\n"})
    flags = ["--safe-html"] if where == "--safe-html" else []
    result = CliRunner().invoke(main, ["build", str(root), "-o", str(tmp_path / "site"), *flags])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    assert "<b>bold</b>" in page and "onclick" not in page
    assert CliRunner().invoke(main, ["check", str(root), *flags]).exit_code == 0
    shutil.rmtree(tmp_path / "site")


def test_the_build_cache_knows_safe_html(make_course: Any, tmp_path: Path) -> None:
    """A unit parsed without safe_html is never reused for a safe build (nor the other way)."""
    root = make_course({"course.yml": "title: T\n", "units/a.md": "# A\n\n<b onclick=alert(1)>bold</b>\n"})
    page = tmp_path / "site" / "units" / "a.html"
    for safe in (False, True, False, True):
        build(root, tmp_path / "site", safe_html=safe)
        assert ("onclick" in page.read_text(encoding="utf-8")) is not safe


@pytest.mark.parametrize("safe", [False, True])
def test_html_in_a_unit_never_takes_an_id_of_the_page(make_course: Any, safe: bool) -> None:
    """The first element with an id wins, and the lesson comes before the page's own: a paragraph with
    the id of the quiz's data would feed the quiz data of its own (a reviewer ran a contributed safe_html
    unit's script that way). Refused at its line, whatever safe_html says; braces already were."""
    unit = (
        "# A\n\nText.\n\n<p id='ms-unit-data'>{}</p>\n\n<span id=q-1>x</span> and <a id=\"fine\">y</a>\n\n"
        # security round cc 9: an attribute's name in capitals, a '>' in an earlier quoted value
        '<div ID="ms-quiz">x</div>\n\n<div data-note=">" id="corrective-a">y</div>\n'
    )
    root = make_course({"course.yml": f"title: T\nsafe_html: {str(safe).lower()}\n", "units/a.md": unit})
    result = CliRunner().invoke(main, ["check", str(root)])
    assert result.exit_code == 1
    taken = (
        "is taken by the page itself (ids 'main' and 'ms-...', 'q-...', 'corrective-...', 'enrichment-...'):"
        " choose another"
    )
    assert f"units/a.md:5: id 'ms-unit-data' {taken}" in result.output
    assert f"units/a.md:7: id 'q-1' {taken}" in result.output
    assert f"units/a.md:9: id 'ms-quiz' {taken}" in result.output
    assert f"units/a.md:11: id 'corrective-a' {taken}" in result.output
    assert "'fine'" not in result.output


SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg"'
XHTML = 'xmlns:h="http://www.w3.org/1999/xhtml"'
SCRIPTED = {
    "assets/notes.html.yaml": "Notes for the data set\n<script>alert(1)</script>\n",  # (no markup first)
    "assets/model.html.blend": "Blender\n<script>alert(1)</script>\n",
    "assets/evil.svg": f"{SVG_OPEN}><script>alert(1)</script></svg>",
    "assets/handler.svg": f'{SVG_OPEN} onload="alert(1)"><circle r="1"/></svg>',
    "assets/encoded.svg": f'{SVG_OPEN}><a href="jav&#x61;scr&#105;pt:alert(1)"><text>x</text></a></svg>',
    # what got past the pattern these were searched with (review q):
    "assets/prefixed.svg": '<svg xmlns:x="http://www.w3.org/2000/svg"><x:script>alert(1)</x:script></svg>',
    "assets/xhtml.svg": f"{SVG_OPEN} {XHTML}><h:script>alert(1)</h:script></svg>",
    "assets/animated.svg": f'{SVG_OPEN}><a><set attributeName="href" to="javascript:x()"/><text>x</text></a></svg>',
    "assets/styled.svg": f'<?xml-stylesheet type="text/xsl" href="page.xsl"?>{SVG_OPEN}/>',
    "assets/xhtml-img.svg": f'{SVG_OPEN} {XHTML}><h:img src="x" onerror="steal()"/></svg>',
    "assets/page.html": "<!doctype html><p>Worked example</p><script>steal()</script>",
    "assets/text.html": "Worked example, then <script>steal()</script>",  # (a page, whatever it begins with)
    "assets/worked.html": '<p>Worked</p><img/src="nope.png"/onerror="steal()">',
    "assets/news.rss": '<rss xmlns:h="http://www.w3.org/1999/xhtml"><h:script>steal()</h:script></rss>',
    "assets/notes.dat": "  <html><script>steal()</script>",
    "assets/x.js": "steal()",
    # names Chromium opens from a folder as a page (review r), and a name no one lists, holding markup
    "assets/handout.ehtml": "Lab notes\n<script>steal()</script>",
    "assets/notes.SHTM": "Lab notes\n<script>steal()</script>",
    "assets/handout.lesson": "Lab notes, then\n<img src=x onerror=steal()>",
    "assets/utf16.notes": "Lab notes <script>".encode("utf-16-le").decode("latin-1"),
    # security round z 1: a style sheet asked for in UTF-16 (no ASCII bytes to find), and an XSLT named .svg
    "assets/utf16.svg": ("\ufeff<?xml-stylesheet type='text/xsl' href='look.svg'?>" + SVG_OPEN + "/>").encode(
        "utf-16-le"
    ),
    "assets/look.svg": '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>',
    # security round z 6: opened, these load from another host
    "assets/remote-image.svg": f'{SVG_OPEN}><image href="https://tracker.example/p.png"/></svg>',
    "assets/remote-style.svg": f"{SVG_OPEN}><style>@import url(//tracker.example/x.css);</style></svg>",
    "assets/remote-fill.svg": f"{SVG_OPEN}><rect style=\"fill:url( 'http://tracker.example/f.svg#g')\"/></svg>",
    # security round aa 5: CSS comments and escapes, text after a child element, '/\\' read as '//'
    "assets/import-comment.svg": f'{SVG_OPEN}><style>@import/**/"//tracker.example/c.css";</style></svg>',
    "assets/after-child.svg": (
        f'{SVG_OPEN}><style><x:n xmlns:x="urn:x"/>@import url(http://tracker.example/a.css);</style></svg>'
    ),
    "assets/escaped.svg": f'{SVG_OPEN}><style>rect {{ fill: url("\\68ttp://tracker.example/e.svg#p") }}</style></svg>',
    "assets/escaped-attr.svg": f"{SVG_OPEN}><rect style=\"stroke: url('\\68ttp://tracker.example/s.svg#p')\"/></svg>",
    "assets/presentation.svg": f'{SVG_OPEN}><rect fill="url(//tracker.example/f.svg#p)"/></svg>',
    "assets/backslash.svg": f'{SVG_OPEN}><image href="/\\tracker.example/b.png"/></svg>',
    # security round bb 6: a backslash-newline continues a CSS string, a URL parser drops a tab
    "assets/continued.svg": f'{SVG_OPEN}><style>@import "/\\\n/tracker.example/c.css";</style></svg>',
    "assets/tabbed.svg": f'{SVG_OPEN}><style>rect {{ fill: url("ht\\9tp://tracker.example/t.svg#p") }}</style></svg>',
    # security round cc 3: named as a download a server may have no type for (Apache sends none), so the
    # browser sniffs it; no real picture, sound or download begins as markup
    "assets/model.whl": "<html><body><script>steal()</script>",
    "assets/scene.blend": "\ufeff  \n<script>steal()</script>",
    "assets/photo.png": "<html>not really a picture</html>",
    # linked from a unit, outside assets/ (published at the same path: it was never looked at)
    "units/fig/evil.svg": f"{SVG_OPEN}><script>alert(1)</script></svg>",
    "units/fig/page.html": "<p>hello</p>",
    "units/fig/x.js": "steal()",
}
DRAWN = {  # pictures and files that only show: fine
    "assets/plain.svg": f'{SVG_OPEN}><image href="data:image/png;base64,AA"/></svg>',
    "assets/inkscape.svg": (
        f'{SVG_OPEN} xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<inkscape:perspective id="p"/><a xlink:href="https://example.org/"><circle r="1" inkscape:label="c"/></a>'
        '<rect width="1" height="1"><animate attributeName="opacity" from="0" to="1" dur="1s"/></rect></svg>'
    ),
    "assets/data.csv": "a,b\n1,2\n",
    "assets/table.csv": "x,y\n1,<b>2</b>\n",  # (data by its name: shown as text)
    "assets/readings.lesson": "a < b and 3<4\n",  # (a name no one lists, and no markup)
    "assets/photo.heic": "\x00\x01<a\x02 binary bytes <html>",  # (a picture by its name, whatever its bytes)
    "units/fig/tree.svg": f'{SVG_OPEN}><use href="#c"/><circle id="c" r="1"/></svg>',
    "assets/styled-here.svg": f"{SVG_OPEN}><style>@import url(shapes.css); rect {{ fill: url(#g) }}</style></svg>",
    "assets/escaped-here.svg": f'{SVG_OPEN}><style>/* http://example.org */ .a\\:b {{ fill: url("#g") }}</style></svg>',
    "assets/utf16-plain.svg": ("\ufeff<?xml version='1.0' encoding='UTF-16'?>" + SVG_OPEN + "/>").encode("utf-16-le"),
}


def test_a_safe_course_publishes_no_file_that_can_run_script(make_course: Any, tmp_path: Path) -> None:
    """An SVG shown with <img> never runs its script, but opened as a page (a link to it) it runs on the
    site's origin, with every student's progress and unit keys: with safe_html, every published file (in
    assets/, or linked from a unit anywhere in the course) is judged by what it may be, and each that
    could run script is an error at its path (a picture that only draws, a CSV, a PNG are fine)."""
    links = " ".join(f"[{i}](../{name})" for i, name in enumerate([*SCRIPTED, *DRAWN]) if name.startswith("units/"))
    unit = f"# A\n\n![Plain](../assets/plain.svg) and [the example](../assets/page.html) {links}\n"
    root = make_course({"course.yml": "title: T\nsafe_html: true\n", "units/a.md": unit, **SCRIPTED, **DRAWN})
    result = CliRunner().invoke(main, ["build", str(root), "-o", str(tmp_path / "site")])
    assert result.exit_code == 1
    flagged = sorted(
        re.findall(
            r"^(\S+): safe_html is on \(nothing the course holds may run script\), and this file", result.output, re.M
        )
    )
    assert flagged == sorted(SCRIPTED)
    assert "and this file links to 'javascript:alert(1)', which is no web page, file of the course" in result.output
    assert "and this file holds a 'script' element, which is no drawing of SVG's: remove it" in result.output
    for page in ("assets/handout.ehtml", "assets/notes.SHTM"):  # (names Chromium opens from a folder as a page)
        assert f"{page}: safe_html is on (nothing the course holds may run script), and this file is a web page" in (
            result.output
        )
    assert (
        "assets/handout.lesson: safe_html is on (nothing the course holds may run script), and this file has a"
        " name ('handout.lesson') that says no kind of file a course publishes, and holds markup" in result.output
    )
    assert (
        "assets/model.whl: safe_html is on (nothing the course holds may run script), and this file is named as a"
        " '.whl' file but begins as markup ('<'), which a browser may take for a page" in result.output
    )
    # Apache reads every part of a name: 'notes.html.yaml' is served as a page (security round dd 1)
    for double in ("assets/notes.html.yaml", "assets/model.html.blend"):
        said = f"{double}: safe_html is on (nothing the course holds may run script), and this file has '.html' in"
        assert f"{said} its name: a web server that reads every part of a name (Apache) serves it as a page" in (
            result.output
        )
    assert "nothing was written" in result.output
    assert "assets/look.svg: safe_html is on (nothing the course holds may run script), and this file is no SVG" in (
        result.output
    )
    assert "and this file loads 'https://tracker.example/p.png' from another host (a 'image')" in result.output
    root = make_course({"course.yml": "title: T\n", "units/a.md": unit, **SCRIPTED, **DRAWN}, name="trusted")
    assert CliRunner().invoke(main, ["build", str(root), "-o", str(tmp_path / "site2")]).exit_code == 0  # as written


def test_a_formulas_text_is_text_never_markup(make_course: Any, tmp_path: Path) -> None:
    """latex2mathml copies '\\text{…}' (\\mbox, \\textbf…) into the page as it is: a '<meta http-equiv=refresh>'
    there got past every check of the page's HTML and sent students to another site, and an honest
    '\\text{if a<b then}' swallowed the rest of the page (security round cc 7). '\\href{javascript:…}' links
    nowhere."""
    body = (
        '# A\n\n$$\\text{<meta/http-equiv="refresh"/content="1;url=https://evil.example/">}$$\n\n'
        "Honest: $\\text{if a<b then}$ and $\\mbox{x & y}$, $\\textbf{<i>}$ $a < b$.\n\n"
        "Linked: $\\href{javascript:alert(1)}{x}$ $\\href{ JAVA\\tSCRIPT:alert(1)}{y}$ $\\href{https://example.org}{z}$.\n\n"
        # an attribute's value: its '<' and '>' are never markup, where the page's rewrites of MathML look for
        # '<mo>' and write a '"' (security round dd 7: the value closed, and a meta refresh was live)
        "$$\\class{x<mo>&#x23DE;</mo>><meta/http-equiv='refresh'/content='1;url=https://evil.example/'>}{a}$$\n\n"
        "After.\n"
    )
    root = make_course({"course.yml": "title: T\n", "units/a.md": body})
    build(root, tmp_path / "site")
    page = (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    lesson = page.split('<div class="lesson prose">')[1].split("<p>After.</p>")[0] + "<p>After.</p>"
    assert "<meta" not in lesson and "<b" not in lesson and "<i>" not in lesson and "javascript" not in lesson.lower()
    assert "<mtext>if&#x000A0;a&#x0003C;b&#x000A0;then</mtext>" in lesson and "x&#x000A0;&#x00026;&#x000A0;y" in lesson
    assert 'href="https://example.org"' in lesson and "<p>After.</p>" in lesson
    assert [tag for tag in re.findall(r"<(\w+)", lesson) if tag not in MATHML_AND_PROSE] == []


MATHML_AND_PROSE = {"p", "div", "span", "math", "mrow", "mtext", "mi", "mo", "mn", "mstyle", "h1", "a", "section"}


def test_a_meta_refresh_in_a_unit_is_an_error(make_course: Any) -> None:
    """'<meta http-equiv="refresh" content="3;url=https://…">' pasted in a lesson sent students to another
    site after three seconds: the pages' security policy does not govern where the page goes (security round
    z 5). In code it is code; safe_html removes it."""
    body = (
        "# A\n\nText.\n\n<div>\n<META HTTP-EQUIV='Refresh' content=\"3;url=https://evil.example/\">\n</div>\n\n"
        'Inline <meta http-equiv="refresh" content="0"> too.\n\n'
        '```html\n<meta http-equiv="refresh" content="0">\n```\n\n'
        # security round aa 4: a '>' in an earlier quoted attribute, a character reference (both honoured)
        '<p>\n<meta content="2;url=https://evil.example/?x>y" http-equiv="refresh">\n</p>\n\n'
        '<p>\n<meta http-equiv="&#114;efresh" content="2;url=https://evil.example/">\n</p>\n\n'
        '<meta name="viewport" content="refresh"> <meta http-equiv="content-language" content="en"> are not.\n\n'
        # security round bb 4: a browser ends '<![CDATA[ x >' at its first '>' (a comment), and reads the meta
        '<p>\n<![CDATA[ x > <meta http-equiv="refresh" content="2;url=https://evil.example/"> ]]>\n</p>\n'
    )
    root = make_course({"course.yml": "title: T\n", "units/a.md": body})
    result = CliRunner().invoke(main, ["check", str(root)])
    assert result.exit_code == 1
    assert [line.split(": '")[0] for line in result.output.splitlines() if "would take students" in line] == [
        "units/a.md:6",
        "units/a.md:9",
        "units/a.md:16",
        "units/a.md:20",
        "units/a.md:26",
    ]
    safe = make_course({"course.yml": "title: T\nsafe_html: true\n", "units/a.md": body}, name="safe")
    assert CliRunner().invoke(main, ["check", str(safe)]).exit_code == 0
