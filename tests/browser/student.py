"""A student for the browser tests: acts only through what a student sees (roles, accessible
names, labels, visible text), and knows the right answers from the built site.

The knowledge (`Course`, `UnitKey`, `QuestionKey`) is read from the built site on disk: the unit
list from `_static/course-data.js`, each question's prompt and choice labels from the unit page,
and the right answers from the course's source (the page has nothing that decodes to them). The
acting (`Student`) never uses ids or CSS classes: it finds a question by its group's accessible
name (the fieldset legend: "Question 2 of 5 <prompt>"), a choice by the accessible name of its
radio button or checkbox (the label text), a typed answer by the label "Your answer", and buttons
by their names ("Check answers", "Try again").
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Literal

from playwright.sync_api import Locator, Page, expect

from masterysite import hashing, judging
from masterysite.build import load_course
from masterysite.model import Question
from tests.site_data import course_data

# ---------------------------------------------------------------------------------------------
# Text as a screen reader (and Playwright's accessible-name matching) sees it
# ---------------------------------------------------------------------------------------------

_MATH_TOKENS = {"mn", "mi", "mo", "mtext", "ms"}
_BREAKS = {"p", "br", "li", "div", "ul", "ol", "blockquote", "pre", "h1", "h2", "h3", "h4", "tr", "td", "th"}


class _Text(HTMLParser):
    """HTML -> text, with each MathML token spaced like Chromium's accessible names
    ("In the fraction 3 5 , which ..."), or a formula's own name where it has one (aria-label: a question's
    and a choice's, "In the fraction 3/5 , which ..."), and math/images as segment breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.segments: list[list[str]] = [[]]
        self.math = 0
        self.named = 0  # inside a formula named by its aria-label: its tokens are not read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "math":
            self.math += 1
            self.segments.append([])
            label = dict(attrs).get("aria-label")
            if label is not None or self.named:
                self.named += 1
                self.parts.append(f" {label or ''} ")
        if (tag in _MATH_TOKENS and not self.named) or tag in _BREAKS:
            self.parts.append(" ")
        if tag == "img":
            self.segments.append([])

    def handle_endtag(self, tag: str) -> None:
        if (tag in _MATH_TOKENS and not self.named) or tag in _BREAKS:
            self.parts.append(" ")
        if tag == "math":
            self.math -= 1
            self.named = max(0, self.named - 1)
            self.segments.append([])

    def handle_data(self, data: str) -> None:
        if not self.named:
            self.parts.append(data)
        if not self.math:
            self.segments[-1].append(data)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def html_text(markup: str) -> str:
    """The accessible text of build-made HTML (whitespace collapsed)."""
    parser = _Text()
    parser.feed(markup)
    return _squash("".join(parser.parts))


def signature(markup: str) -> str:
    """The longest math-free, image-free run of text: safe to look for in visible text."""
    parser = _Text()
    parser.feed(markup)
    runs = [_squash("".join(s)).strip(" ,.;:") for s in parser.segments]
    return max(runs, key=len)


def visible(text: str) -> str:
    return _squash(text)


# ---------------------------------------------------------------------------------------------
# What the student knows: the built site
# ---------------------------------------------------------------------------------------------


EXAMPLE = Path(__file__).resolve().parents[2] / "course"


def _questions(source: Path) -> dict[str, Question]:
    stamp = tuple((f.name, f.stat().st_mtime_ns) for f in sorted(source.rglob("*.md")))
    return _read_questions(source, stamp)


@functools.cache
def _read_questions(source: Path, stamp: tuple[tuple[str, int], ...]) -> dict[str, Question]:
    loaded = load_course(source, jobs=1)
    assert loaded.course is not None, f"{source}: {[str(p) for p in loaded.report.errors]}"
    return {q.key: q for unit in loaded.course.units for q in unit.questions}


def answer_key(q: dict[str, Any], source: Path = EXAMPLE) -> dict[str, Any]:
    """The right answers of a question of the built page, read from the course's source: the page
    itself has nothing that decodes to them (docs/theme.md, "Sealed answers")."""
    question = _questions(source)[q["key"]]
    extras = judging.extras(question)
    return {
        "correct": hashing.sealable(question).review.get("correct"),
        "accepted": hashing._accepted_html(question),
        "ranges": [list(r) for r in extras[0].ranges] if question.kind == "text" else [],
        "feedback": {c.id: c.feedback_html for c in question.choices if c.feedback_html},
        "explanation": question.explanation_html,
    }


ORDER_ITEM = r'<span class="ordering__text" id="q-KEY-(\w+)-text">(.*?)</span>\s*<span class="ordering__moves">'


@dataclass
class QuestionKey:
    key: str  # internal; used only to tell questions apart in the test's own bookkeeping
    objective: str
    kind: str  # single | multiple | text | blanks | ordering
    prompt: str  # accessible text of the prompt
    sig: str  # a distinctive piece of the prompt, to find its group by name
    choices: dict[str, str]  # choice id -> label text (accessible name), authoring order; ordering: item texts
    correct: list[str]  # choice ids; ordering: the item ids in the right order
    accepted: list[str]  # typed answers accepted (text questions)
    feedback: dict[str, str]  # choice id -> a distinctive piece of its feedback
    explanation: str | None  # a distinctive piece of the explanation
    blanks: list[str] = field(default_factory=list)  # blanks: an accepted answer for each blank

    @property
    def choice_role(self) -> Literal["radio", "checkbox"]:
        return "radio" if self.kind == "single" else "checkbox"

    def right_labels(self) -> list[str]:
        return [self.choices[c] for c in self.correct]

    def wrong_choice(self) -> str:
        """A wrong choice id, preferring one with feedback (so the test can see feedback)."""
        wrong = [c for c in self.choices if c not in self.correct]
        with_feedback = [c for c in wrong if c in self.feedback]
        return (with_feedback or wrong)[0]

    def right_text(self) -> str:
        assert self.accepted, f"no accepted answer for text question {self.prompt!r}"
        return self.accepted[0]


@dataclass
class UnitKey:
    id: str
    title: str
    href: str
    requires: list[str]
    mastery: tuple[int, int]
    draw: int
    objectives: dict[str, str]  # id -> text
    questions: list[QuestionKey] = field(default_factory=list)

    def by_key(self, key: str) -> QuestionKey:
        return next(q for q in self.questions if q.key == key)


class Course:
    """The built example course, read from disk."""

    def __init__(self, site: Path, source: Path = EXAMPLE) -> None:
        self.site = site
        self.source = source  # the course folder it was built from: the answer key
        self.data = course_data(site)
        self.title: str = self.data["title"]
        self.order: list[str] = [u["id"] for u in self.data["units"]]
        self._units: dict[str, UnitKey] = {}

    def unit(self, uid: str) -> UnitKey:
        if uid not in self._units:
            self._units[uid] = self._read_unit(uid)
        return self._units[uid]

    def units(self) -> list[UnitKey]:
        return [self.unit(uid) for uid in self.order]

    def _read_unit(self, uid: str) -> UnitKey:
        meta = next(u for u in self.data["units"] if u["id"] == uid)
        unit = UnitKey(
            id=uid,
            title=meta["title"],
            href=meta["href"],
            requires=list(meta["requires"]),
            mastery=(meta["mastery"][0], meta["mastery"][1]),
            draw=meta["draw"],
            objectives={o["id"]: o["text"] for o in meta["objectives"]},
        )
        if not meta["questions"]:
            return unit
        page = (self.site / meta["href"]).read_text(encoding="utf-8")
        data = json.loads(re.search(r'id="ms-unit-data">(.*?)</script>', page, re.S).group(1))  # type: ignore[union-attr]
        for q in data["questions"]:
            key = q["key"]
            block = re.search(rf'<fieldset[^>]*id="q-{key}".*?</fieldset>', page, re.S).group(0)  # type: ignore[union-attr]
            if q["kind"] == "blanks":
                prompt_re = r'<div class="question__prompt[^"]*"[^>]*>(.*?)</div>\s*<div class="question__verdict"'
            else:
                prompt_re = r'<span class="question__prompt">(.*?)</span>\s*(?:<span class="question__hint">|</legend>)'
            prompt_html = re.search(prompt_re, block, re.S).group(1)  # type: ignore[union-attr]
            choices = {}
            if q["kind"] == "ordering":
                choices = {
                    cid: html_text(text)
                    for cid, text in re.findall(
                        ORDER_ITEM.replace("KEY", key),
                        block,
                        re.S,
                    )
                }
            elif q["kind"] in ("single", "multiple"):
                choices = {
                    cid: html_text(label)
                    for cid, label in re.findall(rf'<label for="q-{key}-(\w+)">(.*?)</label>', block, re.S)
                }
            secret = answer_key(q, self.source)
            blanks = []
            if q["kind"] == "blanks":
                blanks = [
                    html_text(re.findall(r"<code>(.*?)</code>", li)[0])
                    for li in re.findall(r"<li>(.*?)</li>", secret["accepted"])
                ]
            accepted = re.findall(r"<code>(.*?)</code>", secret.get("accepted") or "") if q["kind"] == "text" else []
            if not accepted and secret.get("ranges"):
                accepted = [secret["ranges"][0][0]]
            unit.questions.append(
                QuestionKey(
                    key=key,
                    objective=q["objective"],
                    kind=q["kind"],
                    prompt=html_text(prompt_html),
                    sig=signature(prompt_html),
                    choices=choices,
                    correct=list(secret.get("correct") or []),
                    accepted=[html_text(a) for a in accepted],
                    feedback={c: signature(h) for c, h in (secret.get("feedback") or {}).items()},
                    explanation=signature(secret["explanation"]) if secret.get("explanation") else None,
                    blanks=blanks,
                )
            )
        for q in unit.questions:
            clash = [o.prompt for o in unit.questions if o is not q and q.prompt.lower() in o.prompt.lower()]
            assert not clash, f"{uid}: prompt {q.prompt!r} is not distinctive: {clash}"
        return unit


# ---------------------------------------------------------------------------------------------
# The student: acts through roles and labels
# ---------------------------------------------------------------------------------------------


@dataclass
class Shown:
    """One question of the current attempt, as shown."""

    q: QuestionKey
    number: int
    group: Locator
    choice_labels: list[str]  # in shown order (empty for text)


@dataclass
class Attempt:
    shown: list[Shown]
    right: list[QuestionKey]
    wrong: list[QuestionKey]
    wrong_choice: dict[str, str]  # question key -> wrong choice id picked

    @property
    def keys(self) -> list[str]:
        return [s.q.key for s in self.shown]


class Student:
    def __init__(self, page: Page, course: Course, root: str) -> None:
        self.page = page
        self.course = course
        self.root = root

    # -- getting around ------------------------------------------------------------------------
    def open(self, path: str = "index.html") -> None:
        self.page.goto(self.root + path)

    def open_unit(self, uid: str) -> None:
        """Open a unit directly by its URL (as from a bookmark or a shared link)."""
        self.open(self.course.unit(uid).href)
        expect(self.page.get_by_role("heading", level=1)).to_have_text(self.course.unit(uid).title)

    def open_progress(self) -> None:
        self.open("progress.html")
        expect(self.page.get_by_role("row").first).to_be_visible()

    def course_page(self) -> None:
        self.open("index.html")

    def button(self, name: str) -> Locator:
        return self.page.get_by_role("button", name=name, exact=True)

    def heading(self, name: str, **kw: object) -> Locator:
        return self.page.get_by_role("heading", name=name, **kw)  # type: ignore[arg-type]

    # -- the quiz ------------------------------------------------------------------------------
    def shown(self, uid: str) -> list[Shown]:
        """The questions of the current attempt, in the order shown."""
        unit = self.course.unit(uid)
        expect(self.button("Check answers")).to_be_visible()
        out: list[Shown] = []
        for q in unit.questions:
            group = self.group(q)
            n = group.count()
            if not n:
                continue
            assert n == 1, f"{n} groups named like {q.prompt!r}"
            m = re.search(r"question (\d+) of (\d+)", group.inner_text(), re.I)
            assert m, f"question number not shown for {q.sig!r}"
            assert int(m.group(2)) == unit.draw, f"'of {m.group(2)}' but the draw is {unit.draw}"
            labels: list[str] = []
            if q.kind in ("single", "multiple"):
                labels = [  # (read as the key reads the page: a formula by its name)
                    html_text(t)
                    for t in group.get_by_role(q.choice_role).evaluate_all("els => els.map(e => e.labels[0].innerHTML)")
                ]
            out.append(Shown(q, int(m.group(1)), group, labels))
        out.sort(key=lambda s: s.number)
        assert [s.number for s in out] == list(range(1, unit.draw + 1)), (
            f"shown questions {[(s.number, s.q.sig) for s in out]}"
        )
        return out

    def group(self, q: QuestionKey) -> Locator:
        """A question's group: by its name (the legend: number and prompt); a question with
        blanks is named "Question n of m Fill in the blanks." and found by its prompt's text."""
        if q.kind == "blanks":
            return self.page.get_by_role("group").filter(has_text=q.sig).filter(has_text="Fill in the blank")
        return self.page.get_by_role("group", name=q.prompt)

    def order_shown(self, group: Locator) -> list[str]:
        """The item texts of an ordering question, top to bottom (from its Move up buttons' names)."""
        names = group.get_by_role("button", name=re.compile(r"^Move up ")).evaluate_all(
            "els => els.map(e => document.getElementById(e.getAttribute('aria-labelledby').split(' ').pop()).innerText)"
        )
        return [visible(n) for n in names]

    def put_in_order(self, group: Locator, texts: list[str]) -> None:
        """Reorder with the keyboard alone: focus an item's Move up button, press Enter."""
        for target, text in enumerate(texts):
            now = self.order_shown(group).index(text)
            button = group.get_by_role("button", name=f"Move up {text}", exact=True)
            button.focus()
            for _ in range(now - target):
                self.page.keyboard.press("Enter")
        assert self.order_shown(group) == texts

    def choose(self, shown: Shown, right: bool) -> str | None:
        """Answer one question right or wrong; returns the wrong choice id picked, if any."""
        q, group = shown.q, shown.group
        if q.kind == "text":
            group.get_by_label("Your answer").fill(q.right_text() if right else "0")
            return None
        if q.kind == "blanks":
            for i, text in enumerate(q.blanks):
                box = group.get_by_role("textbox", name=f"Blank {i + 1} of {len(q.blanks)}", exact=True)
                box.fill(text if right or i else "0")
            return None
        if q.kind == "ordering":
            texts = [q.choices[c] for c in q.correct]
            self.put_in_order(group, texts if right else texts[1:] + texts[:1])
            return None
        picks = q.correct if right else [q.wrong_choice()]
        for cid in picks:
            group.get_by_role(q.choice_role, name=q.choices[cid], exact=True).check()
        return None if right else picks[0]

    def answer(self, uid: str, n_right: int, miss_objective: str | None = None) -> Attempt:
        """Answer the shown questions with exactly n_right right. The wrong ones are taken from
        `miss_objective` first (if given), so the missed objectives are predictable."""
        shown = self.shown(uid)
        n_wrong = len(shown) - n_right
        order = sorted(shown, key=lambda s: (s.q.objective != miss_objective, s.number))
        wrong_keys = {s.q.key for s in order[:n_wrong]}
        att = Attempt(shown, [], [], {})
        for s in shown:
            right = s.q.key not in wrong_keys
            picked = self.choose(s, right)
            (att.right if right else att.wrong).append(s.q)
            if picked:
                att.wrong_choice[s.q.key] = picked
        return att

    def check(self) -> None:
        self.button("Check answers").click()
        results = self.page.locator("#ms-results")  # (the live region says the same line, for a screen reader)
        expect(results.get_by_text(re.compile(r"^You scored \d+% \(\d+ of \d+\)\.$"))).to_be_visible()

    def take(self, uid: str, n_right: int, miss_objective: str | None = None) -> Attempt:
        att = self.answer(uid, n_right, miss_objective)
        self.check()
        return att

    def try_again(self) -> None:
        """The retake button: after a failed try with explanations to read it is the one at their
        end ("Try again with new questions"); otherwise the one in the result box."""
        name = re.compile(r"^Try again( with new questions)?$")
        self.page.get_by_role("button", name=name).filter(visible=True).click()
        expect(self.button("Check answers")).to_be_visible()

    def master(self, uid: str, n_right: int | None = None) -> Attempt:
        """Open a unit by URL and pass its quiz (all right unless n_right is given)."""
        self.open_unit(uid)
        att = self.take(uid, self.course.unit(uid).draw if n_right is None else n_right)
        expect(self.heading("Mastered!")).to_be_visible()
        return att

    def expect_correctives_only_for(self, uid: str, missed: str) -> None:
        """After a failed check: the missed objective's correctives are shown (at least one
        explanation), no other objective's."""
        for oid, text in self.course.unit(uid).objectives.items():
            group = self.page.get_by_role("region", name=f"Objective: {text}")
            if oid == missed:
                expect(group).to_be_visible()
                assert group.get_by_role("heading", level=4).count() >= 1
            else:
                expect(group).to_have_count(0)

    # -- the course page and the progress page ------------------------------------------------
    def card(self, uid: str) -> Locator:
        """The course page's entry for a unit (the list item headed by its title; a locked unit's
        entry also links the units it waits for, so a link alone does not identify it)."""
        title = self.course.unit(uid).title
        return (
            self.page.get_by_role("main")
            .get_by_role("listitem")
            .filter(has=self.page.get_by_role("heading", name=title, exact=True))
        )

    def card_status(self, uid: str) -> str:
        text = visible(self.card(uid).inner_text())
        found = [s for s in ("Locked", "Available", "Mastered") if re.search(rf"\b{s}\b", text)]
        assert len(found) == 1, f"status of {uid} unclear: {text!r}"
        return found[0]

    def statuses(self) -> dict[str, str]:
        return {uid: self.card_status(uid) for uid in self.course.order}

    def progress_row(self, name: str, objective: bool = False) -> list[str]:
        """The cells of the progress table row whose header is `name` (a unit title, or an
        objective's text if `objective`): [status, best score, attempts]."""
        header = f"Objective: {name}" if objective else name
        row = self.page.get_by_role("row").filter(has=self.page.get_by_role("rowheader", name=header, exact=True))
        expect(row).to_have_count(1)
        return [visible(t) for t in row.get_by_role("cell").all_inner_texts()]

    def import_progress(self, file: Path) -> None:
        self.page.get_by_label("Import progress").set_input_files(file)
        expect(
            self.page.get_by_role("status").filter(has_text=re.compile("Imported progress|progress file|no progress"))
        ).to_be_visible()


def progress_file(course: Course, mastered: list[str], attempts: int = 1) -> dict[str, Any]:
    """An exported-progress file (the Import feature's format) with these units mastered at
    100%: used to seed progress through Import, as a student moving devices would."""
    units = {}
    for uid in mastered:
        unit = course.unit(uid)
        total = unit.draw or 1
        units[uid] = {
            "mastered": True,
            "attempts": attempts,
            "best": [total, total],
            "objectives": {o: {"attempts": attempts, "best": [1, 1], "last": [1, 1]} for o in unit.objectives},
            "last": {"score": [total, total], "missed": [], "passed": True},
            "prev": [],
        }
    return {
        "format": "masterysite-progress",
        "schema": 1,
        "course": course.data["id"],
        "title": course.title,
        "exported": "2024-01-01T00:00:00.000Z",
        "generator": course.data["generator"],
        "units": units,
    }
