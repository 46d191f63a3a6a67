"""The course as a whole: unit ids, the prerequisite graph and its cycles."""

from __future__ import annotations

import itertools
import posixpath
import re
from collections.abc import Set as AbstractSet
from dataclasses import replace

from masterysite.errors import Report
from masterysite.model import Course, CourseConfig, Unit
from masterysite.parse.source import default_id
from masterysite.suggest import unknown


def resolve_requires(units: list[Unit]) -> list[Unit]:
    """Fill in the default prerequisite: the previous unit in course order."""
    out = []
    for index, unit in enumerate(units):
        if unit.requires is None:
            unit = replace(unit, requires=(units[index - 1].id,) if index else ())
        out.append(unit)
    return out


_WINDOWS_RESERVED = re.compile(r"(?:con|prn|aux|nul|com[0-9]|lpt[0-9])", re.I)


def check_ids(units: list[Unit], report: Report) -> set[str]:
    """Two units with one id would share a page and saved progress: name both files. The ids used twice."""
    first: dict[str, Unit] = {}
    folded: dict[str, Unit] = {}  # ('Intro' and 'intro': one page on Windows, macOS and a USB stick; round y 5)
    twice: set[str] = set()
    for unit in units:
        other = first.setdefault(unit.id, unit)
        if other is not unit:
            twice.add(unit.id)
            report.error(
                unit.path,
                unit.line,
                f"duplicate unit id '{unit.id}' (also used by {other.path}): give one of them its own 'id:'",
            )
            continue
        if _WINDOWS_RESERVED.fullmatch(unit.id):  # ('con.html' cannot be made on Windows: round y 14)
            report.error(
                unit.path,
                unit.line,
                f"unit id '{unit.id}' is a name Windows keeps for a device: its page '{unit.id}.html' cannot be copied"
                " there (a student's download, a USB stick); give the unit its own 'id:'",
            )
        alike = folded.setdefault(unit.id.casefold(), unit)
        if alike is not unit:
            report.error(
                unit.path,
                unit.line,
                f"unit id '{unit.id}' differs from '{alike.id}' ({alike.path}) only in capitals: their pages are one"
                " file on Windows and macOS, and on a USB stick; give one of them its own 'id:'",
            )
    return twice


def check_requires(units: list[Unit], report: Report, twice: AbstractSet[str] = frozenset()) -> None:
    """Prerequisites that are no unit's id, or the unit's own (``twice``: ids used by two units)."""
    ids = {u.id for u in units}  # a set: a list made this quadratic (0.7 s at 10,000 units)
    for unit in units:
        for required in unit.requires or ():
            if required == unit.id:
                if not unit.requires_line or unit.id in twice:
                    continue  # it means the other unit of its id: the duplicate id is the error
                report.error(unit.path, unit.requires_line, f"unit '{unit.id}' requires itself")
            elif required not in ids:
                options = list(dict.fromkeys(u.id for u in units))
                message = "requires " + unknown("unit id", required, options)
                renamed = next((u for u in units if default_id(u.path) == required), None)
                named = next((u for u in units if posixpath.basename(u.path).removesuffix(".md") == required), None)
                if renamed is not None:  # the file's name, whose front matter gives it another id
                    message = f"requires unknown unit id '{required}': {renamed.path} has 'id: {renamed.id}'"
                elif named is not None:  # '01-a', the file's name with its number: its id drops the number
                    message = f"requires unknown unit id '{required}': the unit {named.path} has the id '{named.id}'"
                report.error(unit.path, unit.requires_line, message)


def find_cycle(units: list[Unit], twice: AbstractSet[str] = frozenset()) -> list[str] | None:
    """A prerequisite cycle as a list of ids (first == last), or None. Iterative: any course size.
    Ids used by two units (``twice``, an error of its own) are left out: through them, a course
    whose units each require the one before would seem to go round in a circle."""
    graph = {u.id: [r for r in (u.requires or ()) if r != u.id and r not in twice] for u in units if u.id not in twice}
    done: set[str] = set()
    for start in graph:
        if start in done:
            continue
        stack, on_stack = [(start, iter(graph[start]))], {start: 0}
        while stack:
            node, edges = stack[-1]
            nxt = next((e for e in edges if e in graph and e not in done), None)
            if nxt is None:
                stack.pop()
                on_stack.pop(node)
                done.add(node)
            elif nxt in on_stack:
                return [n for n, _ in stack[on_stack[nxt] :]] + [nxt]
            else:
                on_stack[nxt] = len(stack)
                stack.append((nxt, iter(graph[nxt])))
    return None


def _rotate(cycle: list[str], units: list[Unit]) -> list[str]:
    """Start the cycle at a unit with an explicit ``requires:``, so the line points at something to edit."""
    by_id = {u.id: u for u in units}
    ring = cycle[:-1]
    start = next((i for i, uid in enumerate(ring) if by_id[uid].requires_line), 0)
    ring = ring[start:] + ring[:start]
    return [*ring, ring[0]]


def check_cycles(
    units: list[Unit], report: Report, twice: AbstractSet[str] = frozenset(), defaulted: AbstractSet[str] = frozenset()
) -> None:
    """``defaulted``: the units with no 'requires' of their own (they require the unit before them)."""
    cycle = find_cycle(units, twice)
    if not cycle:
        return
    cycle = _rotate(cycle, units)
    unit = next(u for u in units if u.id == cycle[0])
    chain = " -> ".join(cycle)
    message = (
        f"prerequisite cycle: {chain} (each unit requires the next, so none can ever open): remove one requirement"
    )
    implicit = next((a for a, b in itertools.pairwise(cycle) if a in defaulted), None)
    if implicit is not None:  # a requirement nobody wrote: the unit before it, by default (new teacher u 10)
        other = next(u for u in units if u.id == implicit)
        message += (
            f"; '{implicit}' ({other.path}) has no 'requires', so it requires the unit before it: write"
            " 'requires: []' in its front matter for it to need none"
        )
    report.error(unit.path, unit.requires_line, message)


def check_anchors_between(units: list[Unit], report: Report) -> None:
    """A link to a place on another unit's page ('99-reference.md#query', a Carpentries glossary's term) that
    no heading or element there has: it leads to the top of that page, not the place (port ee 16). Checked
    as a link within one page is (unit.check_anchors)."""
    from urllib.parse import unquote

    from masterysite.parse.links import link_path
    from masterysite.parse.unit import check_anchors

    by_path = {unit.path: unit for unit in units}
    for unit in units:
        for link in unit.links:
            target = by_path.get(link_path(unit.path, link.target) or "") if "#" in link.target else None
            anchor = unquote(link.target.partition("#")[2])
            if target is not None and anchor:  # (its own file's name too: 'select.md#intro')
                check_anchors([(anchor, link.line, link.target)], set(target.anchors.split("\n")), unit.path, report)


def check_labels_between(units: list[Unit], report: Report) -> None:
    """A link that reads as a web address of an unknown scheme ('chap:speed'), a MyST label no target of its unit
    has: it leads nowhere. Where another unit has that id (Jupyter Book's labels are the whole book's), said with
    the link to write (ii port 8); else as such."""
    import posixpath

    if not any(unit.labels for unit in units):
        return
    holders: dict[str, str] = {}
    for unit in units:
        for anchor in unit.anchors.split("\n"):
            holders.setdefault(anchor, unit.path)
    for unit in units:
        for target, line in unit.labels:
            holder = holders.get(target)
            scheme = target.split(":", 1)[0]
            if holder is not None and holder != unit.path:
                written = f"{posixpath.relpath(holder, posixpath.dirname(unit.path))}#{target}"
                message = (
                    f"link '{target}' is a MyST label of another unit, '{holder}', but here it reads as a web address"
                    f" of the scheme '{scheme}:', which leads nowhere: link to '{written}'"
                )
            else:
                message = (
                    f"link '{target}' is read as a web address of the scheme '{scheme}:'; if it is a MyST label, no"
                    " target of this unit has it: link to 'other-unit.md#heading' instead"
                )
            report.warn(unit.path, line, message, "anchor")


def check_course(config: CourseConfig, units: list[Unit], report: Report) -> Course:
    resolved = resolve_requires(units)
    twice = check_ids(resolved, report)
    check_anchors_between(units, report)
    check_labels_between(units, report)
    check_requires(resolved, report, twice)
    check_cycles(resolved, report, twice, {u.id for u in units if u.requires is None})
    if not resolved and not report.errors:
        report.error("course.yml", 0, "the course has no units: add Markdown files to units/")
    return Course(config, tuple(resolved))
