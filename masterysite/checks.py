"""The course as a whole: unit ids, the prerequisite graph and its cycles."""

from __future__ import annotations

import sys
from dataclasses import replace

from masterysite.errors import Report
from masterysite.model import Course, CourseConfig, Unit
from masterysite.suggest import unknown


def resolve_requires(units: list[Unit]) -> list[Unit]:
    """Fill in the default prerequisite: the previous unit in course order."""
    out = []
    for index, unit in enumerate(units):
        if unit.requires is None:
            unit = replace(unit, requires=(units[index - 1].id,) if index else ())
        out.append(unit)
    return out


def check_ids(units: list[Unit], report: Report) -> None:
    first: dict[str, Unit] = {}
    for unit in units:
        if unit.id in first:
            other = first[unit.id]
            report.error(unit.path, 1, f"duplicate unit id '{unit.id}' (also used by {other.path})")
        else:
            first[unit.id] = unit


def check_requires(units: list[Unit], report: Report) -> None:
    ids = [u.id for u in units]
    for unit in units:
        for required in unit.requires or ():
            if required == unit.id:
                report.error(unit.path, unit.requires_line, f"unit '{unit.id}' requires itself")
            elif required not in ids:
                report.error(unit.path, unit.requires_line, "requires " + unknown("unit id", required, ids))


def find_cycle(units: list[Unit]) -> list[str] | None:
    """A prerequisite cycle as a list of ids (first == last), or None."""
    graph = {u.id: [r for r in (u.requires or ()) if r != u.id] for u in units}
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, []):
            if nxt not in graph:
                continue
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for unit_id in graph:
        if unit_id not in state:
            found = visit(unit_id)
            if found:
                return found
    return None


def check_cycles(units: list[Unit], report: Report) -> None:
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 4 * len(units) + 100))
    cycle = find_cycle(units)
    if cycle:
        unit = next(u for u in units if u.id == cycle[0])
        chain = " -> ".join(cycle)
        report.error(unit.path, unit.requires_line, f"prerequisite cycle: {chain} (each unit requires the next)")


def check_course(config: CourseConfig, units: list[Unit], report: Report) -> Course:
    resolved = resolve_requires(units)
    check_ids(resolved, report)
    check_requires(resolved, report)
    check_cycles(resolved, report)
    if not resolved and not report.errors:
        report.error("course.yml", 0, "the course has no units: add Markdown files to units/")
    return Course(config, tuple(resolved))
