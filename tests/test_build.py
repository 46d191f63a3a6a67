"""Whole courses built into tmp_path: the output layout, self-containment, links and page data."""

from __future__ import annotations

import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from masterysite.build import build, load_course
from masterysite.scripts import bundles, minified_css
from tests import site_data
from tests.conftest import write_files

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "course"
SAMPLES = Path(__file__).resolve().parent / "sample_courses"
DEFAULT_THEME = REPO / "themes" / "default"

URL_ATTRS = {"href", "src", "action", "poster", "data", "formaction", "cite"}
HARMLESS_SCHEMES = ("data:", "mailto:", "tel:")  # none of these fetches from a host


class PageParser(HTMLParser):
    """Collects what the checks need: URLs in attributes, element ids, the <html lang> and JSON scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.ids: set[str] = set()
        self.lang: str | None = None
        self.scripts: dict[str, str] = {}
        self._script_id: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = values.get("lang")
        if "id" in values:
            self.ids.add(values["id"])
        for name, value in values.items():
            if name in URL_ATTRS and not (tag == "math" or name == "xmlns"):
                self.urls.append((tag, name, value))
            if name == "srcset":
                self.urls.extend((tag, name, part.split()[0]) for part in value.split(",") if part.strip())
        if tag == "script" and values.get("type") == "application/json":
            self._script_id = values.get("id", "")

    def handle_data(self, data: str) -> None:
        if self._script_id is not None:
            self.scripts[self._script_id] = self.scripts.get(self._script_id, "") + data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script_id = None


def parse_page(file: Path) -> PageParser:
    parser = PageParser()
    parser.feed(file.read_text(encoding="utf-8"))
    parser.close()
    return parser


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def course_data(site: Path) -> dict[str, Any]:
    """The course data filled in as js/course.js does (course-data.js is the compact lock graph)."""
    text = (site / "_static" / "course-data.js").read_text(encoding="utf-8").strip()
    prefix = "window.MASTERYSITE_COURSE = "
    assert text.startswith(prefix) and text.endswith(";")
    json.loads(text[len(prefix) : -1])
    return site_data.course_data(site)


def unit_data(page: Path) -> dict[str, Any]:
    return json.loads(parse_page(page).scripts["ms-unit-data"])  # type: ignore[no-any-return]


def link_problems(site: Path) -> list[str]:
    """Every URL in every page must be relative and lead to a file (and an element id) in the site."""
    problems: list[str] = []
    pages = {p: parse_page(p) for p in site.rglob("*.html")}
    for page, parsed in pages.items():
        where = page.relative_to(site).as_posix()
        for tag, attr, url in parsed.urls:
            if url.startswith(HARMLESS_SCHEMES):
                continue
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith("/"):
                problems.append(f"{where}: <{tag} {attr}='{url}'> is not a relative link")
                continue
            if not parts.path:
                target = page
            else:
                target = page.parent / unquote(parts.path)
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(where), unquote(parts.path)))
                if resolved.startswith("../") or not target.is_file():
                    problems.append(f"{where}: <{tag} {attr}='{url}'> leads to no file in the site")
                    continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target.resolve()].ids if target.resolve() in pages else parse_page(target).ids
                if parts.fragment not in ids:
                    problems.append(f"{where}: <{tag} {attr}='{url}'>: no element with id '{parts.fragment}'")
    return problems


def css_problems(site: Path) -> list[str]:
    """url(...) and @import in style sheets must not reach another host either."""
    problems = []
    for sheet in site.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8")
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text):
            if re.match(r"^(https?:)?//", url) or (not url.startswith("data:") and url.startswith("/")):
                problems.append(f"{sheet.relative_to(site)}: {url}")
    return problems


# --- the example course ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("example") / "site"
    report = build(EXAMPLE, out)
    assert report.errors == []
    return out


@pytest.fixture(scope="module")
def example_ids() -> list[str]:
    loaded = load_course(EXAMPLE)
    assert loaded.course is not None
    return [u.id for u in loaded.course.units]


def test_layout(example_site: Path, example_ids: list[str]) -> None:
    for name in ("index.html", "progress.html", "_static/course-data.js", "_static/masterysite.js", ".masterysite"):
        assert (example_site / name).is_file(), name
    assert sorted(p.name for p in (example_site / "units").iterdir()) == sorted(f"{i}.html" for i in example_ids)
    assert len(example_ids) == len(list((EXAMPLE / "units").glob("*.md")))


def test_assets_are_copied_as_is(example_site: Path) -> None:
    assets = snapshot(EXAMPLE / "assets")
    assert assets
    assert snapshot(example_site / "assets") == assets


def test_theme_static_files_are_copied(example_site: Path) -> None:
    for file in (DEFAULT_THEME / "static").rglob("*"):
        if file.is_file():
            copied = example_site / "_static" / file.relative_to(DEFAULT_THEME / "static")
            if file.suffix == ".css":  # minified (tests/test_scripts.py)
                assert copied.read_text(encoding="utf-8") == minified_css(file)
            else:
                assert copied.read_bytes() == file.read_bytes()


def test_course_sources_are_not_published(example_site: Path) -> None:
    assert not list(example_site.rglob("*.md"))
    assert not (example_site / "course.yml").exists()
    assert not list(example_site.rglob("*.tmp*")) and not list(example_site.parent.glob(".site.*"))


def test_every_link_is_relative_and_resolves(example_site: Path) -> None:
    assert link_problems(example_site) == []


def test_no_reference_to_another_host(example_site: Path) -> None:
    assert css_problems(example_site) == []
    for page in example_site.rglob("*.html"):
        for tag, attr, url in parse_page(page).urls:
            assert not re.match(r"^\s*(https?:)?//", url), f"{page.name}: <{tag} {attr}='{url}'>"
    for script in (example_site / "_static").glob("*.js"):
        text = script.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)\s*=\s*['"](https?:)?//""", text), script.name
        assert not re.search(r"""(fetch|importScripts)\(\s*['"](https?:)?//""", text), script.name


def test_html_lang(example_site: Path) -> None:
    for page in example_site.rglob("*.html"):
        assert parse_page(page).lang == "en", page.name


def test_course_data_js(example_site: Path, example_ids: list[str]) -> None:
    data = course_data(example_site)
    assert {"id", "title", "language", "generator", "strings", "sections", "units"} <= set(data)
    assert data["id"] == "fractions-101"
    assert data["title"] == "Fractions, One Step at a Time"
    assert data["language"] == "en"
    assert data["strings"]["check_answers"] == "Check answers"
    assert [s["title"] for s in data["sections"]] == [None, "Equivalence", "Adding Fractions"]
    assert [u for s in data["sections"] for u in s["units"]] == example_ids
    assert [u["id"] for u in data["units"]] == example_ids
    keys = {"id", "title", "href", "section", "requires", "mastery", "objectives", "questions", "draw"}
    for index, unit in enumerate(data["units"]):
        assert keys <= set(unit), unit["id"]
        assert unit["href"] == f"units/{unit['id']}.html"
        assert (example_site / unit["href"]).is_file()
        assert all(r in example_ids[:index] for r in unit["requires"]), "prerequisites come earlier in the course"
        num, den = unit["mastery"]
        assert 0 < num <= den
        assert all(isinstance(o["id"], str) and isinstance(o["text"], str) for o in unit["objectives"])
        assert 0 <= unit["draw"] <= unit["questions"]
    first = data["units"][0]
    assert first["requires"] == [] and first["section"] is None
    assert data["units"][1]["section"] == "Equivalence"


def test_course_data_js_is_a_compact_lock_graph(example_site: Path) -> None:
    """Every page loads it: ids, titles, prerequisites and thresholds only, defaults left out;
    objectives and question counts are on the progress page alone."""
    raw = site_data.raw_course_data(example_site)
    assert [s["count"] for s in raw["sections"]] == [1, 3, 3]
    assert raw["mastery"] == [4, 5]
    for index, unit in enumerate(raw["units"]):
        assert 2 <= len(unit) <= 5 and unit[-1] is not None, unit  # [id, title, requires, mastery, bonus]
        assert isinstance(unit[0], str) and isinstance(unit[1], str)
        requires = unit[2] if len(unit) > 2 else None
        assert requires != ([raw["units"][index - 1][0]] if index else []), "the default is left out"
    text = (example_site / "_static" / "course-data.js").read_text(encoding="utf-8")
    assert '"objectives":' not in text and "Write the fraction that describes" not in text


def test_unit_page_data(example_site: Path, example_ids: list[str]) -> None:
    info = {u["id"]: u for u in course_data(example_site)["units"]}
    for unit_id in example_ids:
        page = example_site / "units" / f"{unit_id}.html"
        data = unit_data(page)
        assert set(data) - {"seal"} == {
            "course",
            "unit",
            "mastery",
            "draw",
            "shuffle",
            "objectives",
            "questions",
            "practice",
        }
        assert data["objectives"] == info[unit_id]["objectives"]
        assert ("seal" in data) == bool(data["questions"])  # a unit with a quiz seals its review
        assert set(data.get("seal", {"v", "k", "review"})) >= {"v", "k", "review"}
        assert data["course"] == "fractions-101"
        assert data["unit"] == unit_id
        assert data["mastery"] == info[unit_id]["mastery"]
        assert data["draw"] == info[unit_id]["draw"]
        assert isinstance(data["shuffle"], bool)
        assert len(data["questions"]) == info[unit_id]["questions"]
        parsed = parse_page(page)
        for question in data["questions"]:
            assert {"key", "objective", "kind", "salt", "boxes", "payload"} <= set(question)
            optional = {"feedback", "open", "extras"}
            assert set(question) <= {"key", "objective", "kind", "salt", "boxes", "payload"} | optional
            assert question["kind"] == "blanks" or len(question["boxes"]) == 1
            assert question["kind"] in ("single", "multiple", "text", "blanks", "ordering")
            assert question["objective"] in {o["id"] for o in info[unit_id]["objectives"]}
            assert f"q-{question['key']}" in parsed.ids
        keys = [q["key"] for q in data["questions"]]
        assert len(keys) == len(set(keys))


def test_unit_data_json_cannot_close_its_script(make_course, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    course = make_course(
        {
            "course.yml": "title: Escapes\n",
            "units/a.md": """\
                ---
                title: A
                objectives:
                  o: O
                ---

                ::: question o
                Type the tag.

                = </script><script>alert(1)</script>
                :::
                """,
        }
    )
    build(course, tmp_path / "site")
    page = (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    assert "alert(1)" not in page
    assert page.count("</script>") == page.count("<script")


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    build(EXAMPLE, tmp_path / "one")
    build(EXAMPLE, tmp_path / "two")
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")


def test_rebuild_after_a_typo_keeps_question_keys_and_salts(example_course: Path, tmp_path: Path) -> None:
    """SPEC §3.6: progress survives a rebuild after the teacher fixes a typo in the lesson."""
    build(example_course, tmp_path / "before")
    unit = example_course / "units" / "01-whole-and-parts.md"
    text = unit.read_text(encoding="utf-8")
    end = text.index("\n---\n", 3) + len("\n---\n")  # after the front matter
    unit.write_text(text[:end] + "\nA fixed typo.\n" + text[end:], encoding="utf-8")
    build(example_course, tmp_path / "after")
    before = unit_data(tmp_path / "before" / "units" / "whole-and-parts.html")
    after = unit_data(tmp_path / "after" / "units" / "whole-and-parts.html")
    assert (tmp_path / "before" / "units" / "whole-and-parts.html").read_bytes() != (
        tmp_path / "after" / "units" / "whole-and-parts.html"
    ).read_bytes()
    assert before == after


# --- a tiny course: sections, a requires graph, French, a theme override ---------------------------


@pytest.fixture(scope="module")
def graph_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("graph") / "site"
    report = build(SAMPLES / "graph-fr", out)
    assert report.problems == []
    return out


def test_graph_course_sections_and_order(graph_site: Path) -> None:
    data = course_data(graph_site)
    assert data["id"] == "graphe"
    assert data["sections"] == [
        {"title": "Départ", "units": ["points", "lignes"]},
        {"title": "Suite", "units": ["angles", "triangles"]},
        {"title": None, "units": ["libre"]},
    ]
    assert [u["section"] for u in data["units"]] == ["Départ", "Départ", "Suite", "Suite", None]
    index = (graph_site / "index.html").read_text(encoding="utf-8")
    assert index.index("Départ") < index.index("Les lignes") < index.index("Suite") < index.index("Les triangles")


def test_graph_course_requires_graph(graph_site: Path) -> None:
    requires = {u["id"]: u["requires"] for u in course_data(graph_site)["units"]}
    assert requires == {
        "points": [],
        "lignes": ["points"],
        "angles": ["points"],
        "triangles": ["lignes", "angles"],
        "libre": ["triangles"],  # no requires: the previous unit in course order
    }


def test_graph_course_mastery(graph_site: Path) -> None:
    mastery = {u["id"]: u["mastery"] for u in course_data(graph_site)["units"]}
    assert mastery == {"points": [2, 3], "lignes": [2, 3], "angles": [1, 1], "triangles": [2, 3], "libre": [2, 3]}
    assert unit_data(graph_site / "units" / "points.html")["mastery"] == [2, 3]


def test_graph_course_is_french(graph_site: Path) -> None:
    for page in graph_site.rglob("*.html"):
        assert parse_page(page).lang == "fr", page.name
    data = course_data(graph_site)
    assert data["language"] == "fr"
    assert data["strings"]["back_to_course"] == "Retour au cours"  # the default theme's French
    assert "nav_course" not in data["strings"]  # only the templates use it: already in the pages
    # only the progress page's script uses it: that page carries it, not course-data.js, which every page loads
    assert "reset_confirm" not in data["strings"] and "col_unit" not in data["strings"]
    progress = (graph_site / "progress.html").read_text(encoding="utf-8")
    carried = json.loads(progress.split('id="ms-page-strings">', 1)[1].split("</script>", 1)[0])
    assert carried["col_unit"] == "Unité" and "back_to_course" not in carried
    assert ">Cours</a>" in (graph_site / "index.html").read_text(encoding="utf-8")
    assert data["strings"]["check_answers"] == "Corriger ma copie"  # the course's theme/strings.yml, per key
    assert "Corriger ma copie" in (graph_site / "units" / "points.html").read_text(encoding="utf-8")


def test_graph_course_template_override_is_file_by_file(graph_site: Path) -> None:
    for page in (graph_site / "units").glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "Gabarit personnalisé" in text, page.name  # the course's own unit.html
        assert 'class="skip-link"' in text, page.name  # ...inside the default base.html
        assert "ms-quiz-form" not in text, page.name
    for name in ("index.html", "progress.html"):
        assert "Gabarit personnalisé" not in (graph_site / name).read_text(encoding="utf-8")
    assert (graph_site / "_static" / "custom.css").is_file()
    assert (graph_site / "_static" / "masterysite.js").read_text(encoding="utf-8") == bundles(
        DEFAULT_THEME.parent.parent / "course"
    )["masterysite.js"]
    assert not (graph_site / "theme").exists()


def test_graph_course_links(graph_site: Path) -> None:
    assert link_problems(graph_site) == []
    points = (graph_site / "units" / "points.html").read_text(encoding="utf-8")
    assert 'href="lignes.html"' in points
    assert 'href="angles.html#un-angle"' in points
    assert 'src="../assets/point.svg"' in points
    assert (graph_site / "assets" / "point.svg").is_file()


def test_graph_course_title_from_heading(graph_site: Path) -> None:
    units = {u["id"]: u["title"] for u in course_data(graph_site)["units"]}
    assert units["libre"] == "Lecture libre"
    page = (graph_site / "units" / "libre.html").read_text(encoding="utf-8")
    assert page.count("Lecture libre") >= 1
    assert "<h1>Lecture libre</h1>" in page and page.count("<h1>") == 1


def test_graph_course_is_deterministic(tmp_path: Path) -> None:
    build(SAMPLES / "graph-fr", tmp_path / "one")
    build(SAMPLES / "graph-fr", tmp_path / "two")
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")


def test_output_does_not_depend_on_where_the_course_lives(tmp_path: Path) -> None:
    import shutil

    for name in ("a", "b"):
        shutil.copytree(EXAMPLE, tmp_path / name / "deeper" / "course")
        build(tmp_path / name / "deeper" / "course", tmp_path / f"site-{name}")
    assert snapshot(tmp_path / "site-a") == snapshot(tmp_path / "site-b")


def test_parallel_build_equals_serial_build(make_course, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from masterysite.build import PARALLEL_FROM

    unit = """\
        ---
        title: Unit {n}
        objectives:
          o: Objective {n}
        ---

        Lesson {n}, see [the first unit](u01.md).

        ::: question o
        What is {n} + 1?

        = {m}
        :::

        ::: corrective o Count
        Count on from {n}.
        :::

        ::: enrichment More
        Try {n} + 2.
        :::
        """
    files = {"course.yml": "title: Many Units\n"}
    files.update({f"units/u{n:02d}.md": unit.format(n=n, m=n + 1) for n in range(1, PARALLEL_FROM + 3)})
    course = make_course(files)
    build(course, tmp_path / "serial", jobs=1)
    build(course, tmp_path / "parallel", jobs=3)
    serial = snapshot(tmp_path / "serial")
    assert len([k for k in serial if k.startswith("units/")]) == PARALLEL_FROM + 2
    assert snapshot(tmp_path / "parallel") == serial


def test_the_course_page_names_other_pass_marks_when_a_unit_asks_for_one(example_site: Path, tmp_path: Path) -> None:
    """The example course's 'Equivalent Fractions' asks for 90%: the course page's 'at least 80%'
    says a unit's page may name another score. A course of one pass mark says just that."""
    lead = re.search(r'<p class="lead">(.*?)</p>', (example_site / "index.html").read_text(encoding="utf-8"))
    assert lead and lead.group(1).endswith("at least 80% on its quiz, or the score its page names.")
    course = write_files(tmp_path / "c", {"course.yml": "title: C\n", "units/01-a.md": "---\ntitle: A\n---\nText.\n"})
    build(course, tmp_path / "site")
    lead = re.search(r'<p class="lead">(.*?)</p>', (tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    assert lead and lead.group(1).endswith("at least 80% on its quiz.")


def test_a_quiz_that_needs_every_answer_says_so(example_site: Path) -> None:
    """80% of 4 questions is 4 of 4: said beside the percentage, so that 3 of 4 is no surprise (a new
    teacher's students were told '75%, you need 80%'); 80% of 5 is 4 of 5, and needs no word."""
    intros = {
        page.stem: re.search(r'class="quiz__intro">([^<]*)<', page.read_text(encoding="utf-8"))
        for page in sorted((example_site / "units").glob("*.html"))
    }
    said = {name: m[1] for name, m in intros.items() if m}
    assert said["simplifying"] == "Answer 4 questions. Score at least 80% (4/4) to master this unit."
    assert said["comparing"] == "Answer 5 questions. Score at least 80% to master this unit."


@pytest.mark.parametrize(("language", "mark"), [("en", None), ("fr", ","), ("de", ",")])
def test_a_page_says_the_courses_decimal_mark_to_its_judge(tmp_path: Path, language: str, mark: str | None) -> None:
    """'1,500' is 1.5 where the course's decimal mark is a comma and 1500 where it is a point: the page's
    judge reads the mark from <html data-dm> (js/judge.js readings), set from the course's strings."""
    root = tmp_path / "c"
    (root / "units").mkdir(parents=True)
    (root / "course.yml").write_text(f"title: T\nlanguage: {language}\n", encoding="utf-8")
    (root / "units" / "a.md").write_text("---\ntitle: A\n---\nText.\n", encoding="utf-8")
    build(root, tmp_path / "site")
    for page in ("index.html", "units/a.html", "progress.html"):
        head = (tmp_path / "site" / page).read_text(encoding="utf-8").split(">", 2)[1]
        assert (' data-dm=","' in head) is (mark == ","), (page, head)


def test_every_answer_box_asks_phones_to_leave_the_answer_as_typed(example_course: Path, tmp_path: Path) -> None:
    """iOS Safari rewrites what is typed unless told 'autocorrect="off"' ('ls -l' as 'Is -l', a code's spelling
    'fixed'): the answer boxes said autocapitalize and spellcheck off, not autocorrect (jj judge 14). Every text
    input of every page: a question's, a blank's, a practice exercise's."""
    out = tmp_path / "site"
    build(example_course, out)
    boxes = [
        tag
        for page in (out / "units").glob("*.html")
        for tag in re.findall(r'<input type="text"[^>]*>', page.read_text(encoding="utf-8"))
    ]
    assert len(boxes) > 10 and any('class="blank"' in b for b in boxes) and any("-input" in b for b in boxes)
    for box in boxes:
        assert 'autocapitalize="off"' in box and 'autocorrect="off"' in box and 'spellcheck="false"' in box, box
