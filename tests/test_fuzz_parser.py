"""Property: whatever a unit file holds, the parser answers with clean problems or a course that builds.

Unit files are assembled from fragments (front-matter keys with odd values, blocks with random content,
mutated fences, random unicode) or are truncated, spliced copies of the example course's units.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from masterysite import yamlutil
from masterysite.build import build, load_course
from masterysite.errors import Problem, Report

EXAMPLE_COURSE = Path(__file__).parent.parent / "course"
EXAMPLE_YML = (EXAMPLE_COURSE / "course.yml").read_text(encoding="utf-8")
EXAMPLES = {p.name: p.read_text(encoding="utf-8") for p in sorted((EXAMPLE_COURSE / "units").glob("*.md"))}
FUZZ_YML = "title: Fuzz\n"
SCALE = int(os.environ.get("MASTERYSITE_FUZZ_SCALE", "1"))  # e.g. 20 for a long hunt before a release
SETTINGS = settings(
    max_examples=150 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)
names = st.sampled_from(["scale", "compare", "parts", "whole", "x", "", "scael", "a b", "1", "ünï"])
keys = st.sampled_from(
    ["title", "id", "requires", "mastery", "objectives", "quiz", "titel", "quiz.drew", "draw", "", "? [a]", "<<"]
)
scalars = st.one_of(
    words.map(repr),
    st.sampled_from(
        ["null", "~", "80%", "0%", "120%", "abc", "1.5", "0.8", "2024-05-01", "true", "!!int abc", ".nan", "1e999"]
    ),
    st.integers(-5, 10**30).map(str),
    st.floats(allow_nan=True).map(str),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]"),
        st.dictionaries(names, inner, max_size=3).map(
            lambda d: "{" + ", ".join(f"{k}: {v}" for k, v in d.items()) + "}"
        ),
    ),
    max_leaves=6,
)
front_line = st.one_of(
    st.builds(lambda k, v: f"{k}: {v}", keys, values),
    st.builds(lambda k, v: f"  {k}: {v}", names, values),
    st.sampled_from(["quiz:", "  draw: 2", "  shuffle: maybe", "objectives:", "\ttitle: tab", "- item", "&a [*a]"]),
    words,
)
fences = st.sampled_from([":::", "::::", "::", ":::question", "::: question", "::: corective", ":::::"])
block_head = st.one_of(
    st.builds(lambda f, n: f"{f} question {n}", fences, names),
    st.builds(lambda n, t: f"::: corrective {n} {t}", names, words),
    st.builds(lambda t: f"::: enrichment {t}", words),
    fences,
)
body_line = st.one_of(
    words,
    st.builds(lambda m, t: f"- [{m}] {t}", st.sampled_from([" ", "x", "X", "", "xx"]), words),
    st.builds(lambda t: f"= {t}", st.one_of(words, st.sampled_from(["3/4", "0.75 ± 0.01", "1/0", "+-", ""]))),
    st.builds(lambda t: f"  > {t}", words),
    st.builds(lambda a, t: f"![{a}]({t})", words, st.sampled_from(["../assets/x.png", "/a", "..", "x" * 300, "%00"])),
    st.builds(lambda t: f"[link]({t})", st.sampled_from(["01-whole.md", "../course.yml", "#top", "units/nope.md"])),
    st.sampled_from(["# Title", "#", "```", "$x^{$", "$$\\frac{1}{$$", "> quote", "1. item", "---", "..."]),
    block_head,
)


@st.composite
def unit_files(draw: st.DrawFn) -> str:
    """A unit file made of fragments: maybe front matter, then lines and blocks."""
    parts: list[str] = []
    if draw(st.booleans()):
        parts += ["---", *draw(st.lists(front_line, max_size=8))]
        if draw(st.integers(0, 9)):
            parts.append(draw(st.sampled_from(["---", "...", "--- "])))
    parts += draw(st.lists(body_line, max_size=25))
    return draw(st.sampled_from(["\n", "\r\n"])).join(parts)


@st.composite
def mutated_examples(draw: st.DrawFn) -> dict[str, str]:
    """The example course with one unit cut short and a random fragment spliced in."""
    name = draw(st.sampled_from(sorted(EXAMPLES)))
    text = EXAMPLES[name]
    cut = draw(st.integers(0, len(text)))
    splice = draw(st.integers(0, cut))
    fragment = draw(st.one_of(words, body_line, front_line))
    return {**EXAMPLES, name: text[:splice] + fragment + text[splice:cut]}


# Any letters, but no Markdown syntax: the structure must stay what the generator wrote.
letters = st.characters(categories=["L", "N"], include_characters=" .,?!'")
prose = st.text(alphabet=letters, min_size=1, max_size=40).map(lambda text: text.strip() or "text")


@st.composite
def plausible_units(draw: st.DrawFn) -> str:
    """Well-formed units with random text wherever a teacher types prose: these must build."""
    objective = draw(st.sampled_from(["scale", "compare", "parts"]))
    lines = ["---", f"title: {json.dumps(draw(prose))}", "objectives:", f"  {objective}: {json.dumps(draw(prose))}"]
    lines += ["---", "", draw(prose), "", f"::: question {objective}", draw(prose), ""]
    choices = draw(st.lists(st.tuples(st.booleans(), prose), min_size=2, max_size=5))
    choices[0] = (True, choices[0][1])
    # (numbered: choices that read alike, one right and one wrong, are an error, and a teacher's are distinct)
    lines += [f"- [{'x' if right else ' '}] ({n}) {text}" for n, (right, text) in enumerate(choices)]
    lines += [":::", "", f"::: corrective {objective} {draw(prose)}", draw(prose), ":::", ""]
    lines += ["::: enrichment More", draw(prose), ":::"]
    return "\n".join(lines)


def write_course(root: Path, units: dict[str, str | bytes], course_yml: str) -> None:
    (root / "units").mkdir(parents=True)
    if course_yml == EXAMPLE_YML:
        shutil.copytree(EXAMPLE_COURSE / "assets", root / "assets")
    else:
        (root / "assets").mkdir()
        (root / "assets" / "x.png").write_bytes(b"\x89PNG\r\n")
    (root / "course.yml").write_text(course_yml, encoding="utf-8")
    for name, text in units.items():
        data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
        (root / "units" / name).write_bytes(data)


def numbered(units: list[str] | list[bytes]) -> dict[str, str | bytes]:
    return {f"{index:02d}-unit-{index}.md": text for index, text in enumerate(units, start=1)}


def load_or_build(units: dict[str, str | bytes], course_yml: str = FUZZ_YML) -> bool:
    """Load the course (only Problems, never an exception); build it when clean. True when it built."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "course"
        write_course(root, units, course_yml)
        loaded = load_course(root, jobs=1)
        problems = loaded.report.problems
        assert all(isinstance(p, Problem) for p in problems)
        assert not [p for p in problems if "internal error" in p.message], problems
        assert all(str(p).startswith(p.path) for p in problems)
        if loaded.report.errors:
            return False
        build(root, Path(tmp) / "site", jobs=1)
        assert (Path(tmp) / "site" / "index.html").is_file()
        return True


@SETTINGS
@given(st.lists(unit_files(), min_size=1, max_size=3))
def test_generated_units_never_crash(units: list[str]) -> None:
    event("built" if load_or_build(numbered(units)) else "errors")


@settings(max_examples=60 * SCALE, deadline=None)
@given(st.lists(plausible_units(), min_size=1, max_size=3))
def test_plausible_units_build(units: list[str]) -> None:
    assert load_or_build(numbered(units))


@settings(max_examples=40 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_examples())
def test_mutated_example_course_never_crashes(units: dict[str, str]) -> None:
    event("built" if load_or_build(dict(units), EXAMPLE_YML) else "errors")


@settings(max_examples=60 * SCALE, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_crash(data: bytes) -> None:
    load_or_build(numbered([data]))


@settings(max_examples=300 * SCALE, deadline=None)
@given(st.lists(front_line, max_size=10).map("\n".join))
def test_yaml_loader_reports_instead_of_raising(text: str) -> None:
    report = Report()
    yamlutil.load(text, "course.yml", report)
    assert all(p.path == "course.yml" and p.line >= 1 for p in report.problems)


course_line = st.one_of(
    front_line,
    st.builds(
        lambda k, v: f"{k}: {v}", st.sampled_from(["title", "id", "author", "language", "mastery", "units"]), values
    ),
    st.sampled_from(
        ["units:", "  - 01-unit-1.md", "  - section: S", "    units: [01-unit-1.md]", "  - ../x.md", "  -"]
    ),
)


@settings(max_examples=150 * SCALE, deadline=None)
@given(st.lists(course_line, max_size=8).map("\n".join))
def test_generated_course_yml_never_crashes(course_yml: str) -> None:
    load_or_build(numbered([EXAMPLES[min(EXAMPLES)]]), course_yml)


def test_the_example_course_builds() -> None:
    """The mutations' starting point is itself clean."""
    assert load_or_build(dict(EXAMPLES), EXAMPLE_YML)
