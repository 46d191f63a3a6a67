"""Students' progress exports made from a course model, as the browser writes them (for the report
tests and benchmarks/report.py): attempts drawn from each unit's pool, answered right or wrong."""

from __future__ import annotations

import random
from fractions import Fraction
from typing import Any

from masterysite.model import Course, Question, Unit
from masterysite.parse.numbers import canonical
from masterysite.render import mastery


def typed(answers: Any) -> str:
    """A typed response one of these alternatives accepts (a pattern gives none to type)."""
    for answer in answers:
        if getattr(answer, "kind", "text") != "pattern":
            return canonical(answer.number) if answer.number is not None else str(answer.source)
    raise ValueError("only patterns: no response to type")


def right_response(q: Question) -> str | list[str]:
    if q.kind == "text":
        return typed(q.answers)
    if q.kind == "blanks":
        return [typed(alternatives) for alternatives in getattr(q, "blanks", ())]
    if q.kind == "ordering":
        return [c.id for c in q.choices]
    return sorted(c.id for c in q.choices if c.correct)


def wrong_response(q: Question) -> str | list[str]:
    if q.kind == "text":
        return "certainly not this"
    if q.kind == "blanks":
        return ["certainly not this" for _ in getattr(q, "blanks", ())]
    if q.kind == "ordering":
        return [c.id for c in reversed(q.choices)]
    wrong = [c.id for c in q.choices if not c.correct]
    return wrong[:1] or []


def attempt(course: Course, unit: Unit, n_right: int, rng: random.Random, at: str) -> dict[str, Any]:
    size = min(unit.draw or len(unit.questions), len(unit.questions))
    pool = rng.sample(list(unit.questions), len(unit.questions))
    firsts = list({q.objective: q for q in reversed(pool)}.values())  # as the page draws: each objective first
    drawn = rng.sample((firsts + [q for q in pool if q not in firsts])[:size], size)
    answers = [
        {"q": q.key, "r": right_response(q) if i < n_right else wrong_response(q), "ok": i < n_right}
        for i, q in enumerate(drawn)
    ]
    passed = Fraction(min(n_right, size), size) >= mastery(course, unit)
    return {"at": at, "score": [min(n_right, size), size], "passed": passed, "answers": answers}


def unit_record(unit: Unit, tries: list[dict[str, Any]]) -> dict[str, Any]:
    """The record the browser keeps, derived from its attempts."""
    objectives: dict[str, Any] = {}
    for t in tries:
        tally: dict[str, list[int]] = {}
        for a in t["answers"]:
            objective = next(q.objective for q in unit.questions if q.key == a["q"])
            tally.setdefault(objective, [0, 0])
            tally[objective][0] += a["ok"]
            tally[objective][1] += 1
        for oid, score in tally.items():
            o = objectives.setdefault(oid, {"attempts": 0, "best": None, "last": None})
            o["attempts"] += 1
            o["last"] = score
            if o["best"] is None or Fraction(*score) > Fraction(*o["best"]):
                o["best"] = score
    best = max((t["score"] for t in tries), key=lambda s: Fraction(*s), default=None)
    return {
        "mastered": any(t["passed"] for t in tries),
        "attempts": len(tries),
        "best": best,
        "objectives": objectives,
        "last": {"score": tries[-1]["score"], "missed": [], "passed": tries[-1]["passed"]} if tries else None,
        "prev": [],
        "tries": tries,
    }


def export(course: Course, student: str, plan: dict[str, list[int]], seed: int = 0) -> dict[str, Any]:
    """plan: unit id -> the number right in each attempt, in order."""
    rng = random.Random(f"{student}/{seed}")
    units = {}
    minute = 0
    for unit in course.units:
        if unit.id not in plan:
            continue
        tries = []
        for n_right in plan[unit.id]:
            minute += 7
            at = f"2026-03-{1 + minute // 1440:02d}T{minute // 60 % 24:02d}:{minute % 60:02d}:00.000Z"
            tries.append(attempt(course, unit, n_right, rng, at))
        units[unit.id] = unit_record(unit, tries)
    return {
        "format": "masterysite-progress",
        "schema": 1,
        "course": course.config.id,
        "title": course.config.title,
        "student": student,
        "exported": "2026-03-20T12:00:00.000Z",
        "generator": "masterysite 0.1.0",
        "units": units,
    }
