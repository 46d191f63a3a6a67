"""A teacher's own template (theme/templates/...) that breaks names its file and line, in check and build."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO

from masterysite.cli import main

DEFAULT_UNIT = (REPO / "themes" / "default" / "templates" / "unit.html").read_text(encoding="utf-8")


def override(course: Path, text: str) -> None:
    own = course / "theme" / "templates" / "unit.html"
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_text(text, encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), 1) if needle in line)


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ("{{ unit.titel }}", "'dict object' has no attribute 'titel'"),
        ("{% if %}", "Expected an expression, got 'end of statement block'"),
    ],
)
def test_a_broken_override_is_located(
    example_course: Path, tmp_path: Path, command: str, broken: str, message: str
) -> None:
    text = DEFAULT_UNIT.replace("{{ unit.title }}", broken, 1)
    assert text != DEFAULT_UNIT
    override(example_course, text)
    runner = CliRunner()
    args = [command, str(example_course)] + (["-o", str(tmp_path / "out")] if command == "build" else [])
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    where = f"theme/templates/unit.html:{line_of(text, broken)}"
    assert f"{where}: template error: {message}" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("name", "where"), [("base.html", "templates"), ("masterysite.css", "static")])
def test_a_theme_file_at_the_top_of_theme_is_said(example_course: Path, tmp_path: Path, name: str, where: str) -> None:
    """'theme/base.html' (SPEC's tree shows no 'templates/' level) was ignored with no word (new teacher ee 10)."""
    (example_course / "theme").mkdir(exist_ok=True)
    (example_course / "theme" / name).write_text("<!-- mine -->\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(example_course)])
    assert result.exit_code == 1
    assert (
        f"theme/{name}: not read here: a file that replaces the theme's {name} goes in theme/{where}/{name}"
        in result.output
    )


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            DEFAULT_UNIT.replace("</article>", "<p>R\xe9vision</p></article>", 1).encode("latin-1", "replace"),
            "theme/templates/unit.html: this theme template is not UTF-8 (",
        ),
        (
            b'{% include "unit.html" %}',
            "theme/templates/unit.html:1: template error: templates include (or extend) each other in a circle",
        ),
        (b"{% for i in range(200000) %}.{% endfor %}", "theme/templates/unit.html:1: template error: Range too big"),
    ],
    ids=["latin-1", "includes-itself", "big-range"],
)
def test_a_template_that_cannot_be_read_or_finished_is_located(
    example_course: Path, tmp_path: Path, command: str, text: bytes, message: str
) -> None:
    """Saved as Latin-1 (Notepad's ANSI), including itself, a range the sandbox refuses: each had been
    'internal error', exit 2, with no file (round y 6)."""
    own = example_course / "theme" / "templates" / "unit.html"
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_bytes(text)
    args = [command, str(example_course)] + (["-o", str(tmp_path / "out")] if command == "build" else [])
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1 and message in result.output, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert not (tmp_path / "out").exists()


SANDBOX = "templates run in a sandbox: they can use the data they are given, not Python's internals"


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("{{ cycler.__init__.__globals__.os.popen('touch pwned').read() }}", "'__init__' of 'type' object"),
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "'__class__' of 'str' object"),
        ("{{ lipsum.__globals__['os'].system('touch pwned') }}", "'__globals__' of 'function' object"),
        ("{{ self._TemplateReference__context }}", "'_TemplateReference__context' of 'TemplateReference' object"),
        ("{{ unit.__class__.__mro__[1].__subclasses__() }}", "'__class__' of 'dict' object"),
        ("{{ unit.__init__.__globals__ }}", "'__init__' of 'dict' object"),
    ],
)
def test_a_template_cannot_reach_python_internals(
    example_course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, payload: str, message: str
) -> None:
    """A contributed course's template runs in Jinja's sandbox, in build and check alike."""
    monkeypatch.chdir(tmp_path)
    text = DEFAULT_UNIT.replace("{{ unit.title }}", payload, 1)
    override(example_course, text)
    args = [command, str(example_course)] + (["-o", str(tmp_path / "out")] if command == "build" else [])
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    where = f"theme/templates/unit.html:{line_of(text, payload)}"
    assert f"{where}: template error: access to attribute {message} is unsafe. ({SANDBOX})" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "pwned").exists()
    assert not (tmp_path / "out").exists()


def test_a_jinja_with_known_sandbox_escapes_builds_no_course_of_its_own_templates(
    example_course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Jinja 3.1.0-3.1.5 have published ways out of the sandbox ('|attr("format")' reads MASTERYSITE_SECRET):
    a machine that kept one builds no course that brings its own templates (security round cc 12)."""
    import jinja2

    from masterysite import theme

    override(example_course, DEFAULT_UNIT)
    monkeypatch.setattr(jinja2, "__version__", "3.1.5")
    theme._environment.cache_clear()
    result = CliRunner().invoke(main, ["check", str(example_course)])
    assert result.exit_code == 1 and "has known ways out of its sandbox" in result.output, result.output
    assert "pip install 'jinja2>=3.1.6'" in result.output
    (example_course / "theme").rename(tmp_path / "aside")  # the default theme alone: built
    assert CliRunner().invoke(main, ["check", str(example_course)]).exit_code == 0
    theme._environment.cache_clear()


SHADOWING = [
    "{{ d.title }}",
    "{{ d['title'] }}",
    "{{ d.items }}",
    "{{ d.get('title') }}",
    "{{ d.keys()|list }}",
    "{{ d.nested.x }}",
    "{{ d.empty is defined }}",
    "{{ d.missing is defined }}",
    "{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}",
]


@pytest.mark.parametrize("source", SHADOWING)
def test_the_theme_sandbox_reads_dicts_as_jinjas_sandbox_does(source: str) -> None:
    """theme.CourseSandbox takes ``d.name`` from a plain dict directly: the same values as Jinja's
    sandbox, a key named like a dict method included (``d.items`` is the method)."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from masterysite.theme import CourseSandbox

    data = {"d": {"title": "T", "items": "shadowed", "get": 3, "nested": {"x": 1}, "empty": None}}
    ours = CourseSandbox(undefined=StrictUndefined).from_string(source).render(data)
    jinjas = SandboxedEnvironment(undefined=StrictUndefined).from_string(source).render(data)
    assert ours == jinjas


def test_a_missing_key_is_an_error_in_the_theme_sandbox() -> None:
    from jinja2 import StrictUndefined, UndefinedError

    from masterysite.theme import CourseSandbox

    with pytest.raises(UndefinedError, match="'dict object' has no attribute 'titel'"):
        CourseSandbox(undefined=StrictUndefined).from_string("{{ d.titel }}").render(d={"title": "T"})


def test_template_lines_lose_their_indentation_but_pre_and_textarea_keep_it() -> None:
    """Issue 12: a unit page of a big course is lighter without the templates' indentation (170 bytes
    gzipped); what a template holds in <pre> or <textarea>, and every value (the lesson), is kept."""
    from masterysite.theme import environment

    env = environment(REPO / "course")
    source = (
        "<ul>\n    <li>{{ a }}</li>\n\t<li>b</li>\n</ul>\n<PRE class='x'>\n    kept\n</pre>\n"
        "  <textarea>\n  typed\n</textarea>\n  <p>\n    c\n  </p>\n"
    )
    html = env.from_string(source).render(a="  value\n    indented")
    assert html == (
        "<ul>\n<li>  value\n    indented</li>\n<li>b</li>\n</ul>\n<PRE class='x'>\n    kept\n</pre>\n"
        "<textarea>\n  typed\n</textarea>\n<p>\nc\n</p>\n"
    )


def test_a_right_to_left_language_with_texts_missing_is_said_once(make_course) -> None:  # type: ignore[no-untyped-def]
    """Arabic, Hebrew and Persian have no texts of masterysite's own: the course's theme/strings.yml
    supplies them, and every one it lacks is shown in English (new teacher u 9: none at all had passed)."""
    import yaml

    from masterysite.build import load_course
    from masterysite.theme import default_theme_dir

    unit = "---\ntitle: A\n---\n\nText.\n"
    english = yaml.safe_load((default_theme_dir() / "strings.yml").read_text(encoding="utf-8"))["en"]
    bare = make_course({"course.yml": "title: T\nlanguage: ar\n", "units/a.md": unit})
    found = [str(p) for p in load_course(bare).report.problems if p.code == "untranslated"]
    assert found == [
        f"course.yml: warning: language 'ar': masterysite has no texts of its own in it, and theme/strings.yml has"
        f" none of its {len(english)} texts (such as skip_link, site_nav, dark_theme): those are shown in English."
        f" Copy the 'en:' texts of {default_theme_dir() / 'strings.yml'} under 'ar:' in theme/strings.yml and"
        " translate them [untranslated]"
    ]
    some = "ar:\n" + "".join(f"  {key}: نص\n" for key in list(english)[:-2])
    partly = make_course({"course.yml": "title: T\nlanguage: ar\n", "units/a.md": unit, "theme/strings.yml": some})
    (problem,) = [p for p in load_course(partly).report.problems if p.code == "untranslated"]
    assert problem.path == "theme/strings.yml" and "lacks 2 of its" in problem.message
    whole = some + "".join(f"  {key}: نص\n" for key in list(english)[-2:])
    done = make_course({"course.yml": "title: T\nlanguage: ar\n", "units/a.md": unit, "theme/strings.yml": whole})
    assert not [p for p in load_course(done).report.problems if p.code == "untranslated"]
    french = make_course({"course.yml": "title: T\nlanguage: fr\n", "units/a.md": unit})
    assert not [p for p in load_course(french).report.problems if p.code == "untranslated"]


def test_any_language_by_its_code_takes_its_texts_from_the_course(make_course, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """'language: pt' had been an error even with a whole 'pt:' table in theme/strings.yml, and 'es' the way
    out, so a screen reader read Portuguese with a Spanish voice (new teacher ff 2, port ff 16). Any language
    by its code now: its texts from the course ('pt-BR' takes 'pt:' too), its decimal mark with them; a
    regional tag of a language the theme has takes the theme's texts ('fr-FR'); a locale's 'pt_BR' is told."""
    from masterysite.build import build, load_course

    unit = "---\ntitle: A\nobjectives:\n  o: O\nignore: [no-corrective, no-enrichment, small-pool]\n---\n\nLição.\n\n"
    unit += "::: question o\nQuanto?\n\n= 1,5\n:::\n"
    strings = 'pt:\n  check_answers: Verificar respostas\n  decimal_mark: ","\n'
    root = make_course({"course.yml": "title: T\nlanguage: pt-BR\n", "units/a.md": unit, "theme/strings.yml": strings})
    (problem,) = [p for p in load_course(root).report.problems]
    assert problem.code == "untranslated" and "language 'pt-BR'" in problem.message
    build(root, tmp_path / "site")
    page = (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    assert '<html lang="pt-BR" dir="ltr"' in page and 'data-dm=","' in page and "Verificar respostas" in page
    french = make_course({"course.yml": "title: T\nlanguage: fr-FR\n", "units/a.md": unit}, name="fr")
    assert [p.code for p in load_course(french).report.problems] == []
    urdu = make_course({"course.yml": "title: T\nlanguage: ur\n", "units/a.md": unit}, name="ur")
    build(urdu, tmp_path / "ur-site")
    assert 'dir="rtl"' in (tmp_path / "ur-site" / "units" / "a.html").read_text(encoding="utf-8")
    locale = make_course({"course.yml": "title: T\nlanguage: pt_BR\n", "units/a.md": unit}, name="locale")
    assert [str(p) for p in load_course(locale).report.problems] == [
        "course.yml:2: language 'pt_BR': write 'pt-BR' (a code's parts are joined by '-')"
    ]


def test_a_languages_decimal_mark_is_the_one_it_writes_with_no_texts(make_course, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A Portuguese course with no strings of its own had English's decimal point, so its teacher's '= 1,5' was
    refused as ambiguous and its students' '1,5' read as 15; a Mexican or Swiss one had Spanish's and German's
    comma, though both write a point (round gg). The mark is the language's or the region's now (Unicode's
    CLDR); a course's own 'decimal_mark' comes first."""
    from masterysite.build import build, load_course

    unit = "---\ntitle: A\nobjectives:\n  o: O\nignore: [no-corrective, no-enrichment, small-pool]\n---\n\nText.\n\n"
    marks = {}
    for language in ("pt", "pt-BR", "it", "es-MX", "de-CH", "de", "en-ZA", "ja"):
        root = make_course({"course.yml": f"title: T\nlanguage: {language}\n", "units/a.md": unit}, name=language)
        marks[language] = load_course(root).course.config.decimal_comma
    assert marks == {
        "pt": True, "pt-BR": True, "it": True, "es-MX": False, "de-CH": False, "de": True, "en-ZA": True, "ja": False
    }  # fmt: skip
    own = 'pt:\n  decimal_mark: "."\n'
    root = make_course({"course.yml": "title: T\nlanguage: pt-BR\n", "units/a.md": unit, "theme/strings.yml": own})
    assert load_course(root).course.config.decimal_comma is False
    quiz = unit + "::: question o\nQuanto?\n\n= 1,5\n:::\n"
    root = make_course({"course.yml": "title: T\nlanguage: pt\n", "units/a.md": quiz}, name="quiz")
    assert [p.code for p in load_course(root).report.problems] == ["untranslated"]  # (not 'ambiguous')
    build(root, tmp_path / "site")
    assert 'data-dm=","' in (tmp_path / "site" / "units" / "a.html").read_text(encoding="utf-8")
    mexico = make_course({"course.yml": "title: T\nlanguage: es-MX\n", "units/a.md": quiz}, name="mx")
    build(mexico, tmp_path / "mx-site")
    page = (tmp_path / "mx-site" / "units" / "a.html").read_text(encoding="utf-8")
    assert '<html lang="es-MX"' in page and "data-dm" not in page and "Comprobar" in page  # (Spanish's texts)


@pytest.mark.parametrize("language", ["ja", "fr"])
def test_a_malformed_strings_file_is_named_with_its_line_in_any_language(make_course, language: str) -> None:  # type: ignore[no-untyped-def]
    """'go_on: {title}へ進む →' (YAML reads '{' as a mapping) in a Japanese course had been 'internal error:
    ParserError … <unicode string>', exit 2, in check and build (ii new 7); a French course's was located."""
    strings = f"{language}:\n  skip_link: 本文へ移動\n  go_on: {{title}}へ進む →\n"
    course = make_course(
        {
            "course.yml": f"title: T\nlanguage: {language}\n",
            "units/a.md": "---\ntitle: A\n---\nText.\n",
            "theme/strings.yml": strings,
        }
    )
    for command in ("check", "build"):
        result = CliRunner().invoke(main, [command, str(course)])
        assert result.exit_code == 1 and "internal error" not in result.output, result.output
        assert result.output.startswith("theme/strings.yml:3: malformed YAML"), result.output


def test_a_placeholder_nothing_fills_in_is_an_error(make_course) -> None:  # type: ignore[no-untyped-def]
    """'{percnt}' in a course's score line passed check, and every student read '得点は{percnt}…' (ii new 8); a
    plural form's places are its key's."""
    from masterysite.build import load_course

    strings = "ja:\n  score_line: '得点は{percnt}（{total}問中{right}問正解）'\n  quiz_intro_two: '{count} {percent}'\n"
    course = make_course(
        {
            "course.yml": "title: T\nid: t\nlanguage: ja\n",
            "units/a.md": "---\ntitle: A\n---\nText.\n",
            "theme/strings.yml": strings,
        }
    )
    assert [str(e) for e in load_course(course).report.errors] == [
        "theme/strings.yml:2: 'score_line' has '{percnt}', which nothing fills in: students would read it as written;"
        " its places are {percent}, {right}, {total}"
    ]


def test_yaml_written_with_an_input_methods_colon_or_space_is_said_at_its_line(make_course) -> None:  # type: ignore[no-untyped-def]
    """'title：速さ' had been 'malformed YAML' on the next line, and a full-width indent an unknown key '　a'; 'draw:
    １' was said to be "in quotes" (ii new 2, 3)."""
    from masterysite.build import load_course

    unit = "---\ntitle: A\nobjectives:\n\u3000a: 速さ\nquiz:\n  draw: １\n---\nText.\n"
    course = make_course({"course.yml": "title：理科\n", "units/a.md": unit})
    assert [str(e) for e in load_course(course).report.errors] == [
        "course.yml:1: 'title：理科' is written with a full-width colon '：' (an input method's): write 'title: 理科'",
        "units/a.md:4: 'a: 速さ' is indented with a full-width space (an input method's): indent with ASCII spaces",
    ]
    course = make_course({"course.yml": "title: T\n", "units/a.md": unit.replace("\u3000", "  ")}, name="draw")
    assert [str(e) for e in load_course(course).report.errors] == [
        "units/a.md:6: quiz.draw must be a whole number of questions, at least 1; got '１', written with full-width"
        " digits (an input method's): write 1"
    ]
