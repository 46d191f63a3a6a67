"""Model -> HTML through the theme's Jinja templates, and the course data the browser reads."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from html import escape as html_escape
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from masterysite import __version__, csp, hashing
from masterysite.config import RIGHT_TO_LEFT, primary
from masterysite.imagesize import ImageSizes
from masterysite.model import Course, Question, Unit
from masterysite.parse.blanks import label_blanks
from masterysite.parse.lesson import fill_titles
from masterysite.plurals import FORMS
from masterysite.scripts import bundles
from masterysite.sealing import threshold
from masterysite.secret import course_secret
from masterysite.theme import environment, static_files, strings

GENERATOR = f"masterysite {__version__}"
EXTRA_CSS = "theme/extra.css"  # a course's few style changes, loaded after the theme's CSS


def percent(share: Fraction, t: dict[str, Any] | None = None) -> str:
    """Fraction(4, 5) -> '80%'; Fraction(2, 3) -> '66.7%'. With the strings ``t``, as the course's
    language writes it: French '80 %' and '66,7 %' (t["percent"], t["decimal_mark"])."""
    value = share * 100
    number = str(value.numerator) if value.denominator == 1 else f"{float(value):.3g}"
    if t is None:
        return f"{number}%"
    return str(t.get("percent", "{n}%")).replace("{n}", number.replace(".", str(t.get("decimal_mark", "."))))


def script_json(data: Any) -> str:
    """JSON safe inside <script>: no '</script>' or '<!--' can close or confuse it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@dataclass
class Site:
    """Everything page rendering shares; built once per build (and per worker by fork)."""

    course: Course
    course_dir: Path
    env: Environment
    t: dict[str, Any]
    refs: dict[str, dict[str, Any]]
    sections: list[dict[str, Any]]
    position: dict[str, int]
    extra_css: bool = False
    secret: bytes = b""  # the course secret (masterysite/secret.py): unit keys derive from it
    images: ImageSizes | None = None  # sizes of the course's images, read once (imagesize.py)
    sealed_by: str = ""  # which kept secret sealed the site (build.secret_mark), for the site's marker file

    def sized(self, html: str) -> Markup:
        """A unit page's HTML with width and height on each image the author left unsized."""
        if self.images is None:
            self.images = ImageSizes(self.course_dir)
        return Markup(self.images.size_images(str(html), "units"))

    @classmethod
    def create(cls, course: Course, course_dir: Path, secret: bytes | None = None) -> Site:
        """`secret`: None reads (or makes) the course's own; `check` passes a throwaway one."""
        t = strings(course_dir, course.config.language)
        refs = {u.id: unit_ref(course, u, t) for u in course.units}
        return cls(
            course=course,
            course_dir=course_dir,
            env=environment(course_dir),
            t=t,
            refs=refs,
            sections=sections(course, refs),
            position={u.id: i for i, u in enumerate(course.units)},
            extra_css=(course_dir / EXTRA_CSS).is_file(),
            secret=course_secret(course_dir) if secret is None else secret,
        )

    def common(self, page: str, root: str) -> dict[str, Any]:
        config = self.course.config
        return {
            "course": {
                "id": config.id,
                "title": config.title,
                "author": config.author,
                "language": config.language,
                "dir": "rtl" if primary(config.language) in RIGHT_TO_LEFT else "ltr",
                "mastery_percent": percent(config.mastery, self.t),
            },
            "root": root,
            "t": self.t,
            "page": page,
            "sections": self.sections,
            "generator": GENERATOR,
            "extra_css": self.extra_css,
        }


def mastery(course: Course, unit: Unit) -> Fraction:
    return unit.mastery if unit.mastery is not None else course.config.mastery


def unit_ref(course: Course, unit: Unit, t: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "id": unit.id,
        "title": unit.title,
        "href": unit.href,
        "section": unit.section,
        "mastery_percent": percent(mastery(course, unit), t),
        "objectives": [{"id": o.id, "text": o.text} for o in unit.objectives],
        "question_count": len(unit.questions),
        "has_quiz": bool(unit.questions),
        "requires_ids": list(unit.requires or ()),
        "extra": unit.extra,
    }


def sections(course: Course, refs: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Consecutive units of the same section form one group (None: outside any section)."""
    groups: list[dict[str, Any]] = []
    for unit in course.units:
        if not groups or groups[-1]["title"] != unit.section:
            groups.append({"title": unit.section, "units": []})
        groups[-1]["units"].append(with_requires(refs, refs[unit.id]))
    return groups


def with_requires(refs: dict[str, dict[str, Any]], ref: dict[str, Any]) -> dict[str, Any]:
    required = [refs[r] for r in ref["requires_ids"] if r in refs]
    return {**ref, "requires": [{"id": r["id"], "title": r["title"], "href": r["href"]} for r in required]}


def unit_data(site: Site, unit: Unit, enrichment: str | None) -> dict[str, Any]:
    """The JSON a unit page carries: questions sealed, and the review and `enrichment` sealed under the unit key."""
    course = site.course
    share = mastery(course, unit)
    comma = site.t.get("decimal_mark") == ","
    sealed = hashing.seal_quiz(site.secret, course.config.id, unit, share, enrichment, comma)
    data: dict[str, Any] = {
        "course": course.config.id,
        "unit": unit.id,
        "mastery": [share.numerator, share.denominator],
        "draw": unit.draw or len(unit.questions),
        "shuffle": unit.shuffle,
        "objectives": [{"id": o.id, "text": o.text} for o in unit.objectives],
        "questions": sealed.questions,
        "practice": [hashing.question_data(course.config.id, unit.id, q, site.secret, comma) for q in unit.practice],
    }
    if sealed.seal is not None:
        data["seal"] = sealed.seal
    return data


def page_question(q: Question, t: dict[str, Any], site: Site | None = None) -> dict[str, Any]:
    """What quiz.html shows of a question. Ordering items are listed by id (not as the teacher wrote them;
    the page draws an order of its own)."""
    choices = sorted(q.choices, key=lambda c: c.id) if q.kind == "ordering" else q.choices

    def sized(html: str) -> Markup:
        return site.sized(html) if site is not None else Markup(html)

    return {
        "key": q.key,
        "objective": q.objective,
        "kind": q.kind,
        # (a translation's words, escaped as every other: security round dd 9)
        "prompt_html": sized(label_blanks(q.prompt_html, html_escape(str(t.get("blank_n", "Blank {n} of {total}"))))),
        "choices": [{"id": c.id, "html": sized(c.html)} for c in choices],
        "number": q.number,
        "blank_count": len(q.blanks),
        "hints": [sized(h) for h in q.hints],
    }


def unit_context(site: Site, unit: Unit) -> dict[str, Any]:
    index = site.position[unit.id]
    units = site.course.units
    ref = with_requires(site.refs, site.refs[unit.id])
    md_objectives = [
        {"id": o.id, "text": o.text, "text_html": Markup(o.html) if o.html else Markup.escape(o.text)}
        for o in unit.objectives
    ]
    page_unit = {
        **ref,
        "objectives": md_objectives,
        "lesson_html": site.sized(fill_titles(unit.lesson_html, site.t)),
        "questions": [page_question(q, site.t, site) for q in unit.questions],
        "correctives": [_block(b, site.t, site) for b in unit.correctives],
        "enrichment": [_block(b, site.t, site) for b in unit.enrichment],
        "draw": (draw := min(unit.draw or len(unit.questions), len(unit.questions))),
        # the right answers mastery needs: said when it is every one ('80%' of 4 questions is 4 of 4)
        "needed": threshold(mastery(site.course, unit), draw) if draw else 0,
        "same_questions": draw >= len(unit.questions),  # a retake asks them all again: no "new questions"
        "toc": (toc := contents(unit.lesson_html)),
        "toc_numbered": all(_NUMBERED.match(h["title"]) for h in toc),  # ('0. Warmup'): no '1.' before it
        "long": len(unit.lesson_html) > LONG_LESSON,
    }
    common = site.common("unit", "../")
    # With a quiz, the enrichment is sealed under the unit key: the page holds it only encrypted.
    enrichment = None
    if unit.enrichment and unit.questions:
        enrichment = site.env.get_template("partials/enrichment.html").render({**common, "unit": page_unit})
    page_unit["enrichment_sealed"] = enrichment is not None
    return {
        **common,
        "sections": [],  # see docs/theme.md: a unit page must not depend on every other unit
        "unit": page_unit,
        "prev": with_requires(site.refs, site.refs[units[index - 1].id]) if index > 0 else None,
        "next": with_requires(site.refs, site.refs[units[index + 1].id]) if index + 1 < len(units) else None,
        "unit_data_json": Markup(script_json(unit_data(site, unit, enrichment))),
    }


LONG_LESSON = 3000  # characters of lesson HTML: about a phone screen and a half of text
_NUMBERED = re.compile(r"\s*(?:\d+(?:\.\d+)*[.):]?|[A-Z][.)])\s")  # a heading that is numbered already
_SECTION = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>|<(/?)blockquote\b', re.S)


def contents(lesson_html: str) -> list[dict[str, Any]]:
    """The lesson's table of contents: its second-level headings (id and text), in order; not one
    quoted in a blockquote (a Carpentries '> ## Hint' in an exercise is no section of the lesson)."""
    out, quoted = [], 0
    for m in _SECTION.finditer(lesson_html):
        if m.group(3) is not None:
            quoted += -1 if m.group(3) else 1
        elif not quoted:
            out.append({"id": m.group(1), "title": Markup(m.group(2)).striptags()})
    return out


def _block(block: Any, t: dict[str, Any], site: Site | None = None) -> dict[str, Any]:
    html = Markup(fill_titles(block.html, t))
    if site is not None:
        html = site.sized(html)
    return {"objective": block.objective, "title": block.title, "html": html, "anchor": block.anchor}


def render_unit(site: Site, unit: Unit) -> str:
    return finish(site, site.env.get_template("unit.html").render(unit_context(site, unit)))


def render_page(site: Site, name: str) -> str:
    """index.html or progress.html."""
    context = site.common(name, "")
    if name == "index":  # a unit that asks for another score: the course page's "at least 80%" says so
        default = site.course.config.mastery
        context["mastery_varies"] = any(u.mastery is not None and u.mastery != default for u in site.course.units)
    if name == "progress":
        context["course_details_json"] = Markup(course_details_json(site.course))
        context["page_strings_json"] = Markup(script_json(script_strings(site, PROGRESS_SCRIPT)))
    return finish(site, site.env.get_template(f"{name}.html").render(context))


def finish(site: Site, page: str) -> str:
    """Every page carries the Content-Security-Policy, whatever its template (unless ``csp: false``)."""
    return csp.protect(page) if site.course.config.csp else page


def course_data_js(site: Site) -> str:
    """_static/course-data.js: the compact lock graph every page loads (docs/theme.md).

    Only what locking, the navigation and the course page need, each unit one array
    `[id, title, requires, mastery, bonus]` with defaults null and trailing nulls left out
    (js/course.js makes it an object): `requires` null when it is the previous unit (none for the
    first), `mastery` null when it is the course's, `bonus` when 0; `href` is always units/<id>.html.
    Sections come as counts. Objectives, question counts and draws are details
    only the progress page and the SCORM launch page need (course_details_json); a unit page
    carries its own in its unit data.
    """
    course = site.course
    default = course.config.mastery
    units: list[list[Any]] = []
    for i, unit in enumerate(course.units):
        requires = list(unit.requires or ())
        share = mastery(course, unit)
        entry: list[Any] = [
            unit.id,
            unit.title,
            None if requires == ([course.units[i - 1].id] if i else []) else requires,
            None if share == default else [share.numerator, share.denominator],
            unit.bonus or None,
        ]
        while entry[-1] is None:
            entry.pop()
        units.append(entry)
    data = {
        "id": course.config.id,
        "title": course.config.title,
        "language": course.config.language,
        "generator": GENERATOR,
        "mastery": [default.numerator, default.denominator],
        "strings": script_strings(site),
        "sections": [{"title": s["title"], "count": len(s["units"])} for s in site.sections],
        "units": units,
    }
    return f"window.MASTERYSITE_COURSE = {script_json(data)};\n"


_DYNAMIC_KEY = re.compile(r"""["']([a-z][a-z0-9_]*_)["']\s*\+""")


PROGRESS_SCRIPT = "progress-page.js"


def script_strings(site: Site, only: str | None = None) -> dict[str, Any]:
    """The UI strings the browser scripts use (the rest only the templates, already rendered):
    each key a script names in quotes, its `_one` form, and keys a script builds from a quoted
    prefix (`"status_" + st`). For course-data.js, which every page loads, those of every script
    but the progress page's; with ``only`` (that script), those only it uses: its page carries them
    (js/progress.js merges them; half a kilobyte off every unit page). A course that replaces a whole
    script (theme/static/NAME.js) gets every string in course-data.js: what it reads cannot be known."""
    if any(name.endswith(".js") for name in static_files(site.course_dir)):
        return {} if only else site.t
    scripts = bundles(site.course_dir)
    everywhere = _reader("\n".join(text for name, text in scripts.items() if name != PROGRESS_SCRIPT))
    if only is None:
        return {k: v for k, v in site.t.items() if everywhere(k)}
    there = _reader(scripts.get(only, ""))
    return {k: v for k, v in site.t.items() if there(k) and not everywhere(k)}


def _reader(text: str) -> Callable[[str], bool]:
    """Whether scripts of ``text`` read a string: its key in quotes, a quoted prefix of it, or its key less a
    plural form's ending ('_one', '_two', '_few'…: plurals.py)."""
    prefixes = tuple(set(_DYNAMIC_KEY.findall(text)))

    def used(key: str) -> bool:
        named = f'"{key}"' in text or f"'{key}'" in text or (bool(prefixes) and key.startswith(prefixes))
        base, _, form = key.rpartition("_")
        return named or (form in FORMS and bool(base) and used(base))

    return used


def course_details(course: Course) -> list[dict[str, Any]]:
    """Per unit, in course order: what only the progress page and the SCORM launch page need."""
    return [
        {
            "objectives": [{"id": o.id, "text": o.text} for o in unit.objectives],
            "questions": len(unit.questions),
            "draw": unit.draw or len(unit.questions),
        }
        for unit in course.units
    ]


def course_details_json(course: Course) -> str:
    """For <script type="application/json" id="ms-course-details"> (merged by js/course.js)."""
    return script_json(course_details(course))
