"""The class report as HTML (readable offline, no script; an inline SVG chart) or as CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from fractions import Fraction
from html import escape

from masterysite import __version__
from masterysite.errors import plural
from masterysite.model import Objective, Unit
from masterysite.render import mastery
from masterysite.report import EDITED, EMPTY, ClassReport, Score, Student, UnitResult, pct_of

UNSURE = "not re-checked (questions edited since)"


def pct(score: Score | None) -> str:
    return "" if score is None else pct_of(score)


def day(iso: str | None) -> str:
    return escape((iso or "")[:10])


@dataclass
class ObjectiveRow:
    unit: Unit
    objective: Objective
    met: list[Student]
    need: list[Student]  # attempted, best below the unit's threshold: corrective work
    unsure: list[Student]  # below it on the answers re-checked, met if those to questions edited since were right
    untried: list[Student]


def objective_status(result: UnitResult, objective: Objective, threshold: Fraction) -> str:
    """'met', 'need' (corrective work), 'unsure' or 'untried'. An answer to a question edited since (a typo
    fixed, an answer added, the objective renamed) cannot be re-checked: it is no sign of need, and no
    evidence of mastery (new teacher dd 10, cc 3: such students had been listed for corrective work)."""
    best, _ = result.objectives.get(objective.id, (None, 0))
    if best is None:
        return "untried"
    if Fraction(*best) >= threshold:
        return "met"
    at_most = result.possible_objectives.get(objective.id)
    return "unsure" if at_most is not None and Fraction(*at_most) >= threshold else "need"


def objective_rows(report: ClassReport) -> list[ObjectiveRow]:
    rows = []
    for unit in report.course.units:
        threshold = mastery(report.course, unit)
        for objective in unit.objectives:
            row = ObjectiveRow(unit, objective, [], [], [], [])
            for student in report.students:
                getattr(row, objective_status(student.units.get(unit.id, EMPTY), objective, threshold)).append(student)
            rows.append(row)
    return rows


def unit_status(result: UnitResult) -> str:
    if result.unsupported:
        return {
            "old": "mastered (no answers kept: not re-checked)",
            "lms": "mastered in the LMS (its answers are not in this file: see the LMS)",
            "edited": "mastered (on questions changed since)",
            "raised": "mastered (below the unit's mastery level now: raised since?)",
        }.get(result.doubt, "mastered (not supported by the answers)")
    if result.copied:
        return "mastered (on an attempt also in another file)"
    return "mastered" if result.mastered else "started" if result.attempts else "not started"


# ------------------------------------------------------------------------------------------------ CSV

CSV_COLUMNS = ["student", "file", "unit", "objective", "status", "best_right", "best_total", "best_percent",
               "attempts", "last_activity", "rechecked_best_percent", "flag"]  # fmt: skip


def _copy_flag(r: UnitResult) -> str:
    if not r.copied:
        return ""
    return f"mastered on an attempt also in the file of {', '.join(r.shared_with)} (same time, same answers)"


def to_csv(report: ClassReport, delimiter: str = ",") -> str:
    """One row per student × unit, then one per student × objective of that unit. ``delimiter``: ';' for a
    course whose decimal mark is a comma, as its teachers' spreadsheets read a CSV (German, French Excel)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for student in report.students:
        for unit in report.course.units:
            r = student.units.get(unit.id, EMPTY)
            flag = "mastered not supported by the recorded answers" if r.unsupported else _copy_flag(r)
            if r.unsupported and r.changed_pass:
                flag = "mastered on questions changed since: cannot be re-checked"
            if r.unsupported and r.unrecorded:
                flag = "mastered in an export from before answers were kept: cannot be re-checked"
            if r.doubt == "lms":
                flag = "mastered as the LMS kept it, resumed on another computer: its answers are in the LMS"
            if r.doubt == "raised" and r.raised_pass is not None:
                flag = (
                    f"mastered on an attempt of {pct(r.raised_pass)} the page passed; the unit now asks"
                    f" {pct(mastery_score(report, unit))}: its mastery level was raised since?"
                )
            if r.overstated and not r.unsupported:
                over = (
                    "scores on questions edited since, not re-checked: " + _claims(r)
                    if r.edited_only
                    else "scores not supported by the recorded answers: " + ", ".join(r.overstated)
                )
                flag = f"{flag}; {over}" if flag else over
            writer.writerow([_cell(student.name), _cell(student.file), unit.id, "", unit_status(r),
                             *_parts(r.best), r.attempts, r.last or "", pct(r.checked_best), flag])  # fmt: skip
            threshold = mastery(report.course, unit)
            for objective in unit.objectives:
                best, attempts = r.objectives.get(objective.id, (None, 0))
                status = STATUS[objective_status(r, objective, threshold)]
                writer.writerow([_cell(student.name), _cell(student.file), unit.id, objective.id, status,
                                 *_parts(best), attempts, r.last or "", "", ""])  # fmt: skip
    return out.getvalue()


def _parts(score: Score | None) -> list[object]:
    return ["", "", ""] if score is None else [score[0], score[1], pct(score)]


def _cell(text: str) -> str:
    """A name never starts a spreadsheet formula (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


# ------------------------------------------------------------------------------------------------ HTML

CSS = """
body { font: 16px/1.5 system-ui, sans-serif; color: #1b1f24; margin: 0 auto; max-width: 80rem; padding: 1rem 1.5rem; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2rem; font-size: 1.3rem; }
table { border-collapse: collapse; font-size: 0.9rem; }
th, td { border: 1px solid #9aa3ad; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #eef1f4; }
.wrap { overflow-x: auto; max-width: 100%; }
.mastered { background: #e3f4e8; } .started { background: #fff4d6; } .flag { background: #fde2e1; font-weight: 600; }
.problems li, .flags li { margin-bottom: 0.25rem; }
.legend span { display: inline-block; margin-right: 1rem; }
.swatch { display: inline-block; width: 0.9rem; height: 0.9rem; vertical-align: -0.1rem; margin-right: 0.3rem;
  border: 1px solid #555; }
small { color: #4a525b; }
details { margin: 0.5rem 0; } summary { cursor: pointer; font-weight: 600; }
"""
COLOURS = {"met": "#2e7d4f", "need": "#c0392b", "unsure": "#6a5acd", "untried": "#d5dae0"}
STATUS = {"met": "met", "need": "needs corrective", "unsure": UNSURE, "untried": "not attempted"}


def _rechecked(report: ClassReport) -> str:
    """What the report re-checked: every recorded answer, or all but those it could not (port ff 11: the
    header had said "every" above a student whose answers to questions edited since were not)."""
    unjudged = sum(u.unjudged for s in report.students for u in s.units.values())
    if not unjudged:
        return "Every recorded answer was re-checked against the course as built now."
    return (
        f"The recorded answers were re-checked against the course as built now, but for {plural(unjudged, 'answer')}"
        " to questions edited since (or too slow to judge): those count neither right nor wrong, and an objective"
        ' short only by them is "not re-checked (questions edited since)".'
    )


def to_html(report: ClassReport, now: datetime | None = None) -> str:
    course = report.course.config
    when = (now or datetime.now(timezone.utc)).strftime("%Y-%m-%d %H:%M UTC")
    rows = objective_rows(report)
    parts = [
        # the report's words are English whatever the course's language; its title keeps its own
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>Class report · {escape(course.title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n",
        f'<h1>Class report: <span lang="{escape(course.language)}">{escape(course.title)}</span></h1>\n',
        f"<p>{plural(len(report.students), 'student')} · {plural(len(report.course.units), 'unit')} · made {when} "
        f"by masterysite {__version__}. {_rechecked(report)}</p>\n",
        _problems(report),
        _flags(report),
        _copies(report),
        _overstated(report),
        "<h2>The class per objective</h2>\n",
        _chart(rows, len(report.students)),
        _corrective(rows),
        "<h2>Students and units</h2>\n",
        _matrix(report),
        "<h2>Students and objectives</h2>\n",
        "<p>Each cell: best score on the objective (✓ at the unit's mastery level) and attempts.</p>\n",
        *(_objectives_table(report, unit) for unit in report.course.units if unit.objectives),
        "</main>\n</body>\n</html>\n",
    ]
    return "".join(parts)


def _problems(report: ClassReport) -> str:
    if not report.problems:
        return ""
    items = "".join(f"<li>{escape(p)}</li>" for p in report.problems)
    return f'<h2>Files with problems</h2>\n<ul class="problems">{items}</ul>\n'


def _flagged(heading: str, rows: list[tuple[Student, Unit]], says: Callable[[Student, Unit], str]) -> str:
    """A list of flagged records: the student, the unit, what ``says`` of it, the student's file."""
    items = "".join(
        f"<li>{escape(s.name)}: <strong>{escape(u.title)}</strong>{says(s, u)} ({escape(s.file)})</li>" for s, u in rows
    )
    return f'<h2>{heading}</h2>\n<ul class="flags">{items}</ul>\n' if rows else ""


def _flags(report: ClassReport) -> str:
    if not report.flags:
        return "<p>Every “mastered” is supported by the student's recorded answers.</p>\n"

    def says(s: Student, u: Unit) -> str:
        if s.units[u.id].unrecorded:
            return (
                " is marked mastered in an export from before answers were kept: there is nothing to re-check;"
                " ask for a new attempt if in doubt"
            )
        if s.units[u.id].doubt == "lms":
            return (
                " is marked mastered as the LMS kept it, the file says: a student who resumed the course on another"
                " computer, whose answers stayed with the LMS (its gradebook and record of answers show them); an"
                " export of the plain site never says so, so if your course never ran in an LMS, the file was edited"
            )
        if s.units[u.id].changed_pass:
            return (
                " is marked mastered, but on questions changed since (edited, added or removed): it cannot be"
                " re-checked; ask for a new attempt if in doubt"
            )
        raised = s.units[u.id].raised_pass
        if s.units[u.id].doubt == "raised" and raised is not None:
            return (
                f" is marked mastered on an attempt of {pct(raised)}, every answer re-checked as the page judged it,"
                f" which the page passed; the unit now asks {pct(mastery_score(report, u))}: if you raised its"
                " mastery level since, the mastery stands (the site keeps it); if not, the file was edited"
            )
        return f" is marked mastered, but no recorded attempt, re-checked now, reaches {pct(mastery_score(report, u))}"

    edited = [(s, u) for s, u in report.flags if s.units[u.id].doubt == "edited"]
    raised = [(s, u) for s, u in report.flags if s.units[u.id].doubt == "raised"]
    in_lms = [(s, u) for s, u in report.flags if s.units[u.id].doubt == "lms"]
    unsupported = [flag for flag in report.flags if flag not in edited and flag not in raised and flag not in in_lms]
    return (
        _flagged("“Mastered” not supported by the answers", unsupported, says)
        + _flagged("“Mastered” in your LMS: its answers are there, not in the file", in_lms, says)
        + _flagged("“Mastered” on questions edited since (a typo fixed, say): not re-checked", edited, says)
        + _flagged("“Mastered” below the unit's mastery level now (raised since?)", raised, says)
    )


def _overstated(report: ClassReport) -> str:
    def says(s: Student, u: Unit) -> str:
        claims = escape(", ".join(s.units[u.id].overstated))
        return (
            f": the file claims {claims}, above what its recorded answers, re-checked now, support; the report"
            " shows the re-checked figures"
        )

    def edited(s: Student, u: Unit) -> str:
        return (
            f": the file's {escape(_claims(s.units[u.id]))} rest on answers to questions edited since, which cannot"
            " be re-checked; the report shows the re-checked figures; ask for a new attempt if in doubt"
        )

    return _flagged("Scores not supported by the answers", report.overstated, says) + _flagged(
        "Scores on questions edited since (a typo fixed, say): not re-checked", report.overstated_edited, edited
    )


def _claims(r: UnitResult) -> str:
    """The scores a record claims above its answers, each of which answers to edited questions could explain."""
    return ", ".join(claim.removesuffix(EDITED) for claim in r.overstated)


def _copies(report: ClassReport) -> str:
    def says(s: Student, u: Unit) -> str:
        others = escape(", ".join(s.units[u.id].shared_with))
        return (
            f" is mastered only on an attempt that is also in the file of {others}, at the same time with the same"
            " answers: one file was copied from another"
        )

    return _flagged("“Mastered” on an attempt also in another file", report.copies, says)


def mastery_score(report: ClassReport, unit: Unit) -> Score:
    share = mastery(report.course, unit)
    return share.numerator, share.denominator


def _chart(rows: list[ObjectiveRow], total: int) -> str:
    """A horizontal bar per objective: met, needs corrective work, not attempted."""
    width, label_w, bar_h, gap = 760, 300, 18, 8
    height = len(rows) * (bar_h + gap) + 10
    summary = f"Bar chart of {len(rows)} objectives: students who met each, need corrective work, or have not tried."
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" aria-labelledby="chart-title">',
           f'<title id="chart-title">{escape(summary)}</title>']  # fmt: skip
    scale = (width - label_w - 10) / max(total, 1)
    for i, row in enumerate(rows):
        y = 5 + i * (bar_h + gap)
        label = f"{row.unit.title}: {row.objective.text}"
        short = label if len(label) <= 42 else label[:41] + "…"
        svg.append(f'<text x="0" y="{y + 13}" font-size="12" fill="#1b1f24">{escape(short)}</text>')
        x: float = label_w
        for key in ("met", "need", "unsure", "untried"):
            n = len(getattr(row, key))
            if n:
                svg.append(f'<rect x="{x:.1f}" y="{y}" width="{n * scale:.1f}" height="{bar_h}" fill="{COLOURS[key]}">'
                           f"<title>{escape(label)}: {n} {_LABEL[key]}</title></rect>")  # fmt: skip
                if n * scale >= 18:
                    ink = "#1b1f24" if key == "untried" else "#ffffff"
                    svg.append(f'<text x="{x + 4:.1f}" y="{y + 13}" font-size="12" fill="{ink}">{n}</text>')
                x += n * scale
    svg.append("</svg>")
    legend = "".join(
        f'<span><span class="swatch" style="background:{COLOURS[k]}"></span>{v}</span>' for k, v in _LABEL.items()
    )
    return f'<div class="wrap">{"".join(svg)}</div>\n<p class="legend">{legend}</p>\n'


_LABEL = {"met": "met", "need": "need corrective work", "unsure": UNSURE, "untried": "not attempted"}


def _corrective(rows: list[ObjectiveRow]) -> str:
    body = "".join(
        f'<tr><th scope="row">{escape(r.unit.title)}: {escape(r.objective.text)}</th>'
        f"<td>{len(r.met)}</td><td>{len(r.need)}</td><td>{len(r.unsure)}</td><td>{len(r.untried)}</td>"
        f"<td>{escape(', '.join(s.name for s in r.need)) or '—'}</td></tr>\n"
        for r in rows
    )
    return (
        '<h2>Who needs corrective work</h2>\n<div class="wrap"><table>\n<thead><tr><th scope="col">Objective</th>'
        '<th scope="col">Met</th><th scope="col">Need corrective work</th>'
        f'<th scope="col">{UNSURE[0].upper()}{UNSURE[1:]}</th><th scope="col">Not attempted</th>'
        f'<th scope="col">Students who need corrective work</th></tr></thead>\n<tbody>\n{body}</tbody></table></div>\n'
    )


def _matrix(report: ClassReport) -> str:
    units = report.course.units
    head = "".join(f'<th scope="col">{escape(u.title)}</th>' for u in units)
    rows = []
    for student in report.students:
        cells = "".join(_matrix_cell(student.units.get(u.id, EMPTY)) for u in units)
        last = max((r.last or "" for r in student.units.values()), default="")
        rows.append(f'<tr><th scope="row">{escape(student.name)}</th><td>{day(last) or "—"}</td>{cells}</tr>\n')
    return (
        "<p>Each cell: status, best score, attempts and the day of the last attempt.</p>\n"
        f'<div class="wrap"><table>\n<thead><tr><th scope="col">Student</th><th scope="col">Last activity</th>{head}'
        f"</tr></thead>\n<tbody>\n{''.join(rows)}</tbody></table></div>\n"
    )


def _matrix_cell(r: UnitResult) -> str:
    if not r.attempts and not r.mastered and not r.overstated:
        return "<td>—</td>"
    cls = "flag" if r.unsupported or r.copied or r.overstated else "mastered" if r.mastered else "started"
    status = (
        (
            "⚠ Mastered, no answers kept"
            if r.unrecorded
            else "⚠ Mastered in the LMS, its answers there"
            if r.in_lms
            else "⚠ Mastered, on questions changed since"
            if r.changed_pass
            else "⚠ Mastered, below the mastery level now"
            if r.raised_pass
            else "⚠ Mastered, not supported by the answers"
        )
        if r.unsupported
        else "⚠ Mastered, on an attempt also in another file"
        if r.copied
        else "⚠ Scores on questions changed since"
        if r.edited_only
        else "⚠ Scores not supported by the answers"
        if r.overstated
        else "Mastered"
        if r.mastered
        else "Started"
    )
    tries = f"{r.attempts} attempt{'s' if r.attempts != 1 else ''}"
    shown = r.checked_best if r.overstated else r.best  # a claim above the answers: what they support
    best = f"{pct(shown)} · " if shown else ""
    when = f"<br><small>{day(r.last)}</small>" if r.last else ""
    return f'<td class="{cls}">{status}<br>{best}{tries}{when}</td>'


def _objectives_table(report: ClassReport, unit: Unit) -> str:
    """One unit's objectives per student, folded (a details element needs no script)."""
    threshold = mastery(report.course, unit)
    head = "".join(f'<th scope="col">{escape(o.text)}</th>' for o in unit.objectives)
    rows = []
    for student in report.students:
        result = student.units.get(unit.id, EMPTY)
        cells = []
        for objective in unit.objectives:
            best, attempts = result.objectives.get(objective.id, (None, 0))
            status = objective_status(result, objective, threshold)
            if best is None:
                cells.append("<td>—</td>")
                continue
            met = status == "met"
            shown = (
                f"{pct(best)} to {pct(result.possible_objectives[objective.id])}" if status == "unsure" else pct(best)
            )
            mark = "✓ " if met else "? " if status == "unsure" else ""
            cells.append(f'<td class="{"mastered" if met else "started"}">{mark}{shown} · {attempts}</td>')
        rows.append(f'<tr><th scope="row">{escape(student.name)}</th>{"".join(cells)}</tr>\n')
    return (
        f"<details><summary>{escape(unit.title)}</summary>\n"
        f'<div class="wrap"><table>\n<thead><tr><th scope="col">Student</th>{head}</tr></thead>\n'
        f"<tbody>\n{''.join(rows)}</tbody></table></div></details>\n"
    )
