"""`masterysite report`: the class picture from the students' exported progress files.

Every recorded answer is re-checked against the course as it is built now (the Python judge),
so a "mastered" that a student typed into their own saved progress shows up as unsupported. The
objectives' figures (who met each, who needs corrective work) are those of the re-checked answers,
never the file's own (an answer to a question edited since is neither: report_output.objective_status);
a best score the file claims above them is flagged as overstated.
The output (HTML or CSV) is written by masterysite/report_output.py.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import os
import re
import signal
import stat
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from masterysite import judging
from masterysite.model import Course, Question, Unit
from masterysite.render import mastery

log = logging.getLogger(__name__)

FORMAT = "masterysite-progress"
MAX_FILE_BYTES = 20_000_000
Response = str | list[str]
Score = tuple[int, int]
ISO_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:?\d\d)?")  # what a browser writes


def judge(question: Question, response: Response, comma: bool = False) -> bool:
    """Is this response right? The build's judge (masterysite/judging.py), the browser's rules in Python."""
    return judging.judge(question, response, comma)


@dataclass
class UnitResult:
    """One student's record of one unit, as claimed by the file and as re-checked."""

    mastered: bool = False
    best: Score | None = None
    attempts: int = 0
    last: str | None = None  # ISO time of the last checked attempt
    objectives: dict[str, tuple[Score | None, int]] = field(default_factory=dict)  # id -> (best, attempts), re-checked
    # ... with the answers that cannot be re-checked counted right (of attempts most of whose answers can be):
    # below the threshold even so, the objective needs corrective work; else it may be met (new dd 10, cc 3)
    possible_objectives: dict[str, Score] = field(default_factory=dict)
    checked_best: Score | None = None  # best score of the recorded answers, re-checked now
    # ... with every answer to a question edited since counted right: a claim above it is overstated
    possible_best: Score | None = None
    unchecked: bool = False  # an attempt answers a question edited since: its objective is not known
    unjudged: int = 0  # recorded answers not re-checked (to questions edited since, or too slow to judge)
    overstated: list[str] = field(default_factory=list)  # the file's best scores above what its answers support
    supported: bool = False  # a recorded attempt, re-checked now, passes the threshold
    changed_pass: bool = False  # an attempt recorded as passed answers questions no longer in the unit
    # ... or, re-checked as recorded, is below the unit's mastery level now: raised since the attempt?
    raised_pass: Score | None = None
    unrecorded: bool = False  # an export from before answers were kept (no 'tries'): nothing to re-check
    in_lms: bool = False  # mastered as an LMS kept it ('lms'): resumed on another computer, the answers left there
    changed: int = 0  # recorded verdicts that differ from today's check
    passing: set[str] = field(default_factory=set)  # fingerprints of the attempts that pass, re-checked
    shared_with: list[str] = field(default_factory=list)  # others whose files hold every one of them

    @property
    def unsupported(self) -> bool:
        return self.mastered and not self.supported

    @property
    def edited_only(self) -> bool:
        """Every score the file claims above its answers could rest on answers to questions edited
        since (a typo fixed): not re-checked, but no sign of an edited file."""
        return bool(self.overstated) and all(claim.endswith(EDITED) for claim in self.overstated)

    @property
    def doubt(self) -> str:
        """Why a "mastered" its answers do not support may be honest: 'old' (an export from before answers
        were kept), 'edited' (on questions edited since), 'raised' (the mastery level raised since), or ''."""
        if not self.unsupported:
            return ""
        if self.unrecorded or self.in_lms:
            return "old" if self.unrecorded else "lms"
        return "edited" if self.changed_pass else "raised" if self.raised_pass else ""

    @property
    def copied(self) -> bool:
        """Mastered only on attempts that another student's file holds too (same time, same answers)."""
        return self.mastered and self.supported and bool(self.shared_with)


@dataclass
class Student:
    name: str
    file: str
    exported: str
    units: dict[str, UnitResult]


@dataclass
class ClassReport:
    course: Course
    students: list[Student] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one clear line per file left out
    notes: list[str] = field(default_factory=list)  # files reported, with something to know
    foreign: dict[str, int] = field(default_factory=dict)  # other course id -> files of it left out

    @property
    def flags(self) -> list[tuple[Student, Unit]]:
        return [(s, u) for s in self.students for u in self.course.units if s.units.get(u.id, EMPTY).unsupported]

    @property
    def overstated(self) -> list[tuple[Student, Unit]]:
        """Each record whose best scores the file claims above what its recorded answers support (one whose
        "mastered" they do not support is listed with those already: the same record, one flag)."""
        return [
            (s, u)
            for s in self.students
            for u in self.course.units
            if s.units.get(u.id, EMPTY).overstated
            and not s.units.get(u.id, EMPTY).unsupported
            and not s.units.get(u.id, EMPTY).edited_only
        ]

    @property
    def overstated_edited(self) -> list[tuple[Student, Unit]]:
        """Each record whose scores above its answers could all rest on answers to questions edited since."""
        return [
            (s, u)
            for s in self.students
            for u in self.course.units
            if s.units.get(u.id, EMPTY).edited_only and not s.units.get(u.id, EMPTY).unsupported
        ]

    @property
    def copies(self) -> list[tuple[Student, Unit]]:
        """Each "mastered" that rests only on an attempt also in another student's file."""
        return [(s, u) for s in self.students for u in self.course.units if s.units.get(u.id, EMPTY).copied]


EMPTY = UnitResult()
EDITED = " (answers to questions edited since could not be re-checked)"


def files_of(paths: Iterable[Path], skipped: list[Path] | None = None) -> Iterator[Path]:
    """The files given, and the .json files inside the folders given (sorted; '.JSON' too). The other
    files of those folders (not hidden) go to ``skipped``, to be named."""
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            if skipped is not None:
                skipped += [p for p in found if p.suffix.lower() != ".json"]
            yield from (p for p in found if p.suffix.lower() == ".json")
        else:
            yield path


def _score(value: Any) -> Score | None:
    ok = isinstance(value, list) and len(value) == 2 and all(_count(x) for x in value)
    return (value[0], value[1]) if ok and value[1] > 0 and value[0] <= value[1] else None


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**9


def _better(a: Score | None, b: Score | None) -> bool:
    return a is not None and (b is None or Fraction(a[0], a[1]) > Fraction(b[0], b[1]))


def better(a: Score, b: Score | None) -> bool:
    """As the browser keeps a best score (js/util.js): a higher share, or the same share of more questions."""
    return b is None or a[0] * b[1] > b[0] * a[1] or (a[0] * b[1] == b[0] * a[1] and a[1] > b[1])


JUDGE_SECONDS = 1.0  # per response: a pattern that backtracks on a crafted answer cannot hold up the class
SLOW_TIMES = 2  # a question whose answers took that long this often is not judged again in this report


class _TooLong(Exception):
    pass


def _stop(_signum: int, _frame: Any) -> None:
    raise _TooLong


def judged(question: Question, response: str | list[str], comma: bool = False) -> bool | None:
    """``judge``, given at most JUDGE_SECONDS; None (cannot be re-checked) past it. A teacher's pattern
    that backtracks on some answers ('(a.?)+c' on 'aaa…a!') takes seconds, then hours, a character more:
    one student's file would stop the class's report. (An alarm, where the system has one: the regular
    expression engine stops at a signal.)"""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return judge(question, response, comma)
    before = signal.signal(signal.SIGALRM, _stop)
    signal.setitimer(signal.ITIMER_REAL, JUDGE_SECONDS)
    try:
        return judge(question, response, comma)
    except _TooLong:
        log.info("a response to %s took over %s s to judge: not re-checked", question.key, JUDGE_SECONDS)
        return None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)


class Rechecker:
    """Re-checks recorded attempts against the course; verdicts are cached (a class gives many alike)."""

    def __init__(self, course: Course, comma: bool = False) -> None:
        self.course, self.comma = course, comma
        self.questions = {u.id: {q.key: q for q in u.questions} for u in course.units}
        self.objectives = {u.id: {o.id for o in u.objectives} for u in course.units}
        self.cache: dict[tuple[str, str, str | tuple[str, ...]], bool | None] = {}
        # (unit, question) -> responses that took over JUDGE_SECONDS, in the file being read: one student's slow
        # answers never leave another's unjudged (security round ee 5: a classmate's mastery had been "edited")
        self.slow: dict[tuple[str, str], int] = {}

    def right(self, unit: Unit, key: str, response: Any) -> bool | None:
        """The verdict now; None for a question no longer in the unit. A response of a shape no page records
        ('"r": 0', null) to a question the unit has is wrong: no evidence either way had let a forged
        attempt of 4 right answers in 10 pass as one on questions changed since (security round bb 5)."""
        question = self.questions[unit.id].get(key)
        if question is None:
            return None
        shaped = isinstance(response, str) or (isinstance(response, list) and all(isinstance(r, str) for r in response))
        if not shaped:
            return False
        # as the page keeps a response (storage.js cleanResponse): what a page never records is cut as it would be
        response = response[:1000] if isinstance(response, str) else [r[:1000] for r in response[:100]]
        # (a text and a list never share a verdict: '"b\0"' had read as '["b"]' for the next file: round bb 1)
        memo = (unit.id, key, response if isinstance(response, str) else tuple(response))
        if memo not in self.cache:
            # One crafted file of 10,000 answers at a second each had held the report up for hours (review s):
            # past SLOW_TIMES, that question's other answers are not re-checked either
            if self.slow.get((unit.id, key), 0) >= SLOW_TIMES:
                return None
            self.cache[memo] = judged(question, response, self.comma)
            if self.cache[memo] is None:
                self.slow[(unit.id, key)] = self.slow.get((unit.id, key), 0) + 1
        return self.cache[memo]

    def attempt(self, unit: Unit, entry: Any, result: UnitResult) -> None:
        if not isinstance(entry, dict) or not isinstance(entry.get("answers"), list):
            return
        at = entry.get("at")
        if isinstance(at, str) and ISO_TIME.fullmatch(at) and (result.last is None or at > result.last):
            result.last = at
        answers = [a for a in entry["answers"] if isinstance(a, dict) and isinstance(a.get("q"), str)]
        keys = {a["q"] for a in answers}
        draw = min(unit.draw or len(unit.questions), len(unit.questions))
        if not answers or len(keys) != len(answers):
            return  # not an attempt the page records (a question once each): no evidence
        asked = [self.questions[unit.id].get(k) for k in keys]
        due = min(draw, len({q.objective for q in unit.questions}))
        if len(answers) != draw or (None not in asked and len({q.objective for q in asked if q is not None}) < due):
            # A draw the page does not make now (every question of a draw, every objective): one made before the
            # teacher added questions to the pool, changed quiz.draw or added an objective (an honest mastery had
            # read as forged: jj security 1), or one a student chose. No evidence; said as what cannot be
            # re-checked only if its answers pass as they are: junk answers on a chosen draw are no sign of an
            # edited course (security round aa 1), and their "mastered" stays one the answers do not support.
            verdicts = [self.right(unit, a["q"], a.get("r")) for a in answers]
            level = mastery(self.course, unit)
            passes = None not in verdicts and Fraction(sum(map(bool, verdicts)), len(answers)) >= level
            if entry.get("passed") is True and passes:
                result.changed_pass = True
            return
        verdicts = [self.right(unit, a["q"], a.get("r")) for a in answers]
        result.changed += sum(1 for a, v in zip(answers, verdicts, strict=True) if v is not None and v != a.get("ok"))
        score = (sum(1 for v in verdicts if v), len(answers))
        if _better(score, result.checked_best):
            result.checked_best = score
        # at best, the answers that cannot be re-checked were right: a typo fixed touches a few questions of
        # an attempt; an attempt of which most cannot be re-checked explains no claim (renamed by hand?)
        unknown = verdicts.count(None)
        possible = (sum(1 for v in verdicts if v is not False), len(answers))
        if 2 * unknown <= len(answers) and _better(possible, result.possible_best):
            result.possible_best = possible
        result.unchecked = result.unchecked or None in verdicts
        result.unjudged += unknown
        tally: dict[str, list[int]] = {}  # objective -> [right, answers, of them not re-checked]
        unplaced = 0  # answers that cannot be re-checked, of no objective of the unit's
        objectives = self.objectives[unit.id]
        for a, verdict in zip(answers, verdicts, strict=True):
            question = self.questions[unit.id].get(a["q"])
            if question is not None and verdict is not None:
                t = tally.setdefault(question.objective, [0, 0, 0])
                t[0] += verdict
                t[1] += 1
            elif a.get("o") in objectives:  # not re-checked: not right, for its objective (security round z 3)
                t = tally.setdefault(str(a["o"]), [0, 0, 0])
                t[1] += 1
                t[2] += 1
            else:
                unplaced += 1
        if unplaced:  # (a key the course never had met an objective with one right answer of two; an
            for oid in objectives:  # objective renamed since: every objective of the unit, its new one too)
                t = tally.setdefault(oid, [0, 0, 0])
                t[1] += unplaced
                t[2] += unplaced
        for oid, (right, total, unsure) in tally.items():
            best, attempts = result.objectives.get(oid, (None, 0))
            result.objectives[oid] = ((right, total) if better((right, total), best) else best, attempts + 1)
            at_most = (right + unsure, total)  # (of its own answers: port ff 11, two of three questions edited)
            if _better(at_most, result.possible_objectives.get(oid)):
                result.possible_objectives[oid] = at_most
        full = None not in verdicts
        explained = 2 * unknown <= len(answers) and Fraction(*possible) >= mastery(self.course, unit)
        if not full and explained and entry.get("passed") is True:
            # the teacher edited a question since: it cannot be re-checked (an attempt most of whose keys the
            # course never had, or whose known answers fail even with the others right, explains no mastery)
            result.changed_pass = True
        if full and Fraction(*score) >= mastery(self.course, unit):
            result.supported = True
            result.passing.add(fingerprint(unit, entry.get("at"), answers))
        elif (
            full
            and entry.get("passed") is True
            and all(v == a.get("ok") for a, v in zip(answers, verdicts, strict=True))
            and Fraction(*score) >= min(self.course.config.mastery, Fraction(4, 5))
            and _better(score, result.raised_pass)
        ):
            # every verdict as the page gave it, and the page passed it at a level a course has (the default
            # one, or the course's): the unit asked for less then (new teacher round aa 2); the teacher knows
            # whether they raised it. A failed attempt marked passed by hand stays unsupported.
            result.raised_pass = score


def fingerprint(unit: Unit, at: Any, answers: list[dict[str, Any]]) -> str:
    """One attempt: its unit, its time (to the millisecond) and its answers in the order asked.
    Two students' honest attempts never share all three; a file copied from another does."""
    text = json.dumps([unit.id, at, [[a["q"], a.get("r")] for a in answers]], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def mark_shared(students: list[Student]) -> None:
    """Note, on each mastered unit whose every passing attempt is in another student's file too,
    who those others are."""
    holders: dict[str, set[int]] = {}
    for i, student in enumerate(students):
        for result in student.units.values():
            for mark in result.passing:
                holders.setdefault(mark, set()).add(i)
    for i, student in enumerate(students):
        for result in student.units.values():
            others = [holders[mark] - {i} for mark in result.passing]
            if others and all(others):
                result.shared_with = sorted({students[j].name for o in others for j in o}, key=str.casefold)


def read_unit(checker: Rechecker, unit: Unit, data: Any, old: bool = False) -> UnitResult:
    """One unit's record; ``old``: the file is an export from before names and answers were kept."""
    result = UnitResult()
    if not isinstance(data, dict):
        return result
    result.mastered = data.get("mastered") is True
    result.best = _score(data.get("best"))
    result.attempts = data["attempts"] if _count(data.get("attempts")) else 0
    tries = data.get("tries")
    result.unrecorded = old and not isinstance(tries, list)
    result.in_lms = data.get("lms") is True  # (a best score the LMS kept too, of a unit not mastered: jj security 7)
    for entry in tries if isinstance(tries, list) else []:
        checker.attempt(unit, entry, result)
    if not unit.questions:
        result.supported = True  # a unit without a quiz is marked done: there is no answer to re-check
        return result
    if result.unrecorded or (result.in_lms and not result.supported):
        return result  # its scores and mastery cannot be re-checked: said so, never flagged as above them
    claims = data.get("objectives")
    claims = claims if isinstance(claims, dict) else {}
    # An answer to a question the teacher edited since cannot be re-checked: it may have been right (a
    # typo fixed), or renamed by hand (a forged file). A claim above the answers is flagged either way;
    # one that those answers could explain says so, for the teacher to judge (an attempt most of whose
    # keys the course never had explains nothing: see Rechecker.attempt).
    explained = result.unchecked and result.possible_best is not None
    if result.best is not None and _above(result.best, result.checked_best):
        possible = explained and not _above(result.best, result.possible_best)
        result.overstated.append(f"best score {pct_of(result.best)}" + (EDITED if possible else ""))
    for objective in unit.objectives:
        claim = claims.get(objective.id)
        best = _score(claim.get("best")) if isinstance(claim, dict) else None
        if best is not None and _above(best, result.objectives.get(objective.id, (None, 0))[0]):
            result.overstated.append(f"objective '{objective.id}' {pct_of(best)}" + (EDITED if explained else ""))
    return result


def _above(claimed: Score, checked: Score | None) -> bool:
    return checked is None or Fraction(*claimed) > Fraction(*checked)


def pct_of(score: Score) -> str:
    """As the student's pages show it (js/util.js percent): rounded down, so 2 of 3 is 66%, never a
    79.6% shown as the 80% it does not reach."""
    return f"{100 * score[0] // score[1]}%"


class BadFile(Exception):
    """A file that cannot be reported; the message says why and what to do."""

    def __init__(self, message: str, course: str | None = None) -> None:
        super().__init__(message)
        self.course = course  # the other course the file is progress of


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # valid JSON ('"\\ud800"'), but no UTF-8 can write it


def _text_only(value: Any) -> Any:
    """The export with every lone surrogate (a half of a character, from a crafted or broken file) as
    U+FFFD, so that a name or an answer can be written to the report."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_text_only(v) for v in value]
    if isinstance(value, dict):
        return {_text_only(k): _text_only(v) for k, v in value.items()}
    return value


def load_export(file: Path, course_id: str) -> dict[str, Any]:
    try:
        if not stat.S_ISREG(file.stat().st_mode):  # (a link to /dev/zero or a FIFO, as an unzip restores one)
            raise BadFile("not a file (a device, a pipe or a folder): not a progress export")
        if file.stat().st_size > MAX_FILE_BYTES:
            raise BadFile("file is larger than 20 MB: not a progress export")
        with file.open("rb") as opened:
            raw = opened.read(MAX_FILE_BYTES + 1)  # (its size may change after the look: never more)
        if len(raw) > MAX_FILE_BYTES:
            raise BadFile("file is larger than 20 MB: not a progress export")
        if raw.startswith(b"PK\x03\x04"):  # (an LMS's "download all submissions": round hh, LMS 17)
            raise BadFile("a zip archive, not a progress export: unzip it and give the folder")
        text = raw.decode("utf-8-sig")
        data = json.loads(text)
        if "\\u" in text:  # (only an escape can make a lone surrogate)
            data = _text_only(data)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise BadFile("not a progress export (not JSON): ask the student to export again") from None
    except ValueError:  # JSON, but not as a page writes it ('"attempts": 999…' of 5,000 digits)
        raise BadFile("not a progress export (a value no page writes): ask the student to export again") from None
    except OSError as exc:
        raise BadFile(f"cannot read the file: {exc.strerror or exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("units"), dict):
        raise BadFile("not a masterysite progress export (the file from 'Export progress' on the progress page)")
    if not isinstance(data.get("course"), str) or not data["course"]:  # (it had said "another course ('None')")
        raise BadFile("names no course: not a progress export as the pages write it; ask the student to export again")
    if data["course"] != course_id:
        other = data["course"][:80]
        raise BadFile(f"progress of another course ('{other}'), not '{course_id}': left out", other)
    return data


def _damaged(records: dict[str, Any]) -> str | None:
    """The first value of the units' records that no page writes ('"mastered": "yes"', a try whose answers
    are a number), as where it is; None when each is as a page writes it (new teacher u 12: such a file had
    been reported as a student who had not started)."""
    for unit, record in records.items():
        where = f"unit '{str(unit)[:40]}'"
        if not isinstance(record, dict):
            return f"{where} is not a record"
        if "mastered" in record and not isinstance(record["mastered"], bool):
            return f"{where}: 'mastered' is {str(record['mastered'])[:20]!r}"
        if "attempts" in record and not _count(record["attempts"]):
            return f"{where}: 'attempts' is not a count"
        if record.get("best") is not None and _score(record["best"]) is None:
            return f"{where}: 'best' is not a score"
        tries = record.get("tries")
        if tries is not None and not isinstance(tries, list):
            return f"{where}: 'tries' is not a list"
        for entry in tries or ():
            if not isinstance(entry, dict) or not isinstance(entry.get("answers", []), list):
                return f"{where}: an attempt's answers are not a list"
    return None


_UNIT_ID = re.compile(r"\w[\w-]{0,99}")  # what a unit's id can be (parse.unit.ID_PATTERN), not too long to show


def student_name(data: dict[str, Any]) -> str:
    name = data.get("student")  # (NFC: 'Chloé' typed on a Mac and on Windows is one student)
    return unicodedata.normalize("NFC", " ".join(name.split()))[:100] if isinstance(name, str) and name.strip() else ""


def _a_report(path: Path, suffix: str) -> bool:
    """Whether ``path`` is a report this command wrote (it may be replaced), by its first bytes."""
    from masterysite.report_output import CSV_COLUMNS

    if path.is_dir():
        return False
    try:
        with path.open("rb") as f:
            head = f.read(4096).decode("utf-8-sig", errors="replace")
    except OSError:
        return False
    if suffix == ".csv":
        return head.startswith((",".join(CSV_COLUMNS), ";".join(CSV_COLUMNS)))
    return "<title>Class report · " in head


def write_report(course_dir: Path, paths: Iterable[Path], output: Path) -> ClassReport:
    """Load the course (errors stop here), read the files, write HTML or CSV by OUTPUT's extension."""
    from masterysite.build import fail_on, load_course
    from masterysite.errors import MasteryError
    from masterysite.report_output import to_csv, to_html
    from masterysite.theme import strings

    suffix = output.suffix.lower()
    if suffix not in (".html", ".htm", ".csv"):
        raise MasteryError(f"{output}: the report is written as .html or .csv; name the output file so")
    loaded = load_course(course_dir)
    fail_on(loaded.report, strict=False)
    assert loaded.course is not None
    comma = strings(course_dir, loaded.course.config.language).get("decimal_mark") == ","
    report = build_report(loaded.course, paths, comma)
    if not report.students:
        return report
    # A spreadsheet of a decimal-comma language splits a CSV at ';' (round hh, LMS 7: one column in Excel)
    text = to_csv(report, ";" if comma else ",") if suffix == ".csv" else to_html(report)
    if output.exists() and not _a_report(output, suffix):  # (round y: a teacher's own file, overwritten)
        raise MasteryError(
            f"{output}: exists and is not a class report masterysite wrote; choose another -o (or remove it), so"
            " nothing of yours is replaced"
        )
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(f".{output.name}.{os.getpid()}.tmp")  # the last report stays whole until this one is
    try:
        tmp.write_text(text, encoding="utf-8-sig" if suffix == ".csv" else "utf-8", newline="")
        os.replace(tmp, output)
    finally:
        tmp.unlink(missing_ok=True)
    return report


def build_report(course: Course, paths: Iterable[Path], comma: bool = False) -> ClassReport:
    """Read every file (each bad one gets its own message), re-check answers, drop duplicates.
    ``comma``: the course's decimal mark is a comma, as its pages read numbers ('1,500' is 1.5)."""
    report = ClassReport(course)
    checker = Rechecker(course, comma)
    read: list[tuple[str, str, str, dict[str, Any], bool]] = []  # (name, file, exported, units, old), by file
    skipped: list[Path] = []
    known = {u.id for u in course.units}
    orphans: dict[str, int] = {}  # progress for units the course no longer has (renamed?): files, by unit id
    seen: dict[str, str] = {}  # what each file holds -> the first file that held it
    for file in files_of(paths, skipped):
        shown = str(file)
        try:
            data = load_export(file, course.config.id)
        except BadFile as exc:
            report.problems.append(f"{shown}: {exc}")
            if exc.course is not None:
                report.foreign[exc.course] = report.foreign.get(exc.course, 0) + 1
            continue
        held = json.dumps(data, sort_keys=True) if data.get("student") else shown  # (nameless: each its folder's)
        if held in seen:  # one file handed in twice ('ana.json', 'ana (1).json'): not "two devices?" (LMS 16)
            report.notes.append(f"{shown}: the same as {seen[held]}: read once")
            continue
        seen[held] = shown
        damaged = _damaged(data["units"])
        if damaged is not None:  # (no page writes it: edited or broken; never a student who has not started)
            report.problems.append(
                f"{shown}: not a progress export as the pages write it ({damaged}): ask the student to export again"
            )
            continue
        name = student_name(data)
        if not name:  # the export's own file name is the course's, the same for all: its folder tells them apart
            name = f"{file.parent.name}/{file.stem}" if file.stem.startswith("masterysite-") else file.stem
            report.notes.append(
                f"{shown}: no student name in the file (an export from before names): shown as '{name}'"
            )
        exported = str(data.get("exported") or "")[:40]
        if exported and (not ISO_TIME.fullmatch(exported) or exported[:10] > _tomorrow()):
            report.notes.append(f"{shown}: its export time '{exported[:40]}' is none a page writes: not read")
            exported = ""  # (a time the student wrote would choose which of two files of a name is reported)
        records = data["units"]
        old = "student" not in data and not any(isinstance(r, dict) and "tries" in r for r in records.values())
        read.append((name, shown, exported, records, old))
        for unit_id, record in records.items():
            shaped = _UNIT_ID.fullmatch(unit_id) is not None  # (else no unit's, ever: not said, nor shown)
            kept = isinstance(record, dict) and (record.get("attempts") or record.get("mastered"))
            if shaped and unit_id not in known and kept:
                orphans[unit_id] = orphans.get(unit_id, 0) + 1
    for name, shown, exported, records, old in _one_per_student(report, read):
        checker.slow.clear()
        try:
            units = {u.id: read_unit(checker, u, records.get(u.id), old) for u in course.units if u.id in records}
        except (ValueError, TypeError, OverflowError, RecursionError):  # a file no page writes: its own message
            report.problems.append(
                f"{shown}: not a progress export as the pages write it: ask the student to export again"
            )
            continue
        report.students.append(Student(name, shown, exported, units))
    for unit_id, count in sorted(orphans.items()):  # (round y 8: they had been 'not started', with no word)
        files = f"{count} file holds" if count == 1 else f"{count} files hold"
        report.notes.append(
            f"{files} progress for unit '{unit_id}', which this course no longer has: if a unit was renamed,"
            f" 'id: {unit_id}' in its front matter keeps its students' progress"
        )
    if skipped:
        names = ", ".join(str(p) for p in skipped[:5]) + (", …" if len(skipped) > 5 else "")
        report.notes.append(f"not read, as not .json: {names} (a progress export is a .json file)")
    report.students.sort(key=lambda s: (_sort_key(s.name), s.name))  # ('Élodie' with the E's: round hh, LMS 15)
    mark_shared(report.students)
    log.info("read %d students", len(report.students))
    return report


def _sort_key(name: str) -> str:
    """A name as a class list sorts it: its accents and case aside ('Élodie' before 'Finn', 'Zoë' after)."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def _tomorrow() -> str:
    """Tomorrow's date, 'YYYY-MM-DD' (UTC): no export is from later, whatever the student's clock."""
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1)).date().isoformat()


def _one_per_student(
    report: ClassReport, read: list[tuple[str, str, str, dict[str, Any], bool]]
) -> list[tuple[str, str, str, dict[str, Any], bool]]:
    """One entry a student (by name): the files of one name read as one, every attempt of each, as the
    progress page's import merges two devices (new teacher ff 5: the newer file had been reported alone,
    and what was mastered on the other device was gone from the report). The teacher is told."""
    groups: dict[str, list[tuple[str, str, str, dict[str, Any], bool]]] = {}
    for entry in read:
        groups.setdefault(entry[0].casefold(), []).append(entry)
    out = []
    for entries in groups.values():
        if len(entries) == 1:
            out.append(entries[0])
            continue
        newest = max(entries, key=lambda e: e[2])
        # The name as written with capitals, the newest such ('Lukas Weber', not a phone's 'lukas  weber')
        written = max(entries, key=lambda e: (e[0] != e[0].lower(), e[2]))[0]
        files = " + ".join(e[1] for e in entries)
        units: dict[str, Any] = {}
        for entry in sorted(entries, key=lambda e: e[2], reverse=True):  # (the newest file's record first)
            for unit_id, record in entry[3].items():
                units[unit_id] = merged_record(units[unit_id], record) if unit_id in units else record
        report.notes.append(
            f"{files}: {written} in {len(entries)} files (two devices?): reported as one, every attempt of"
            " each, as an import on the progress page merges them; if they are two students, ask each to"
            " type their own name and export again"
        )
        out.append((written, files, newest[2], units, all(e[4] for e in entries)))
    return out


def merged_record(a: Any, b: Any) -> Any:
    """Two records of one unit, as js/storage.js mergeUnit merges them: mastered if either is, the better
    best, the larger count, every attempt once (in time order), each objective's better best."""
    if not isinstance(a, dict) or not isinstance(b, dict):
        return a if isinstance(a, dict) else b
    out = dict(a)
    out["mastered"] = a.get("mastered") is True or b.get("mastered") is True
    best_a, best_b = _score(a.get("best")), _score(b.get("best"))
    if best_b is not None and better(best_b, best_a):
        out["best"] = b.get("best")
    counts: list[int] = [r["attempts"] for r in (a, b) if _count(r.get("attempts"))]
    tries = [t for r in (a, b) if isinstance(r.get("tries"), list) for t in r["tries"]]
    if tries:
        unique = {json.dumps(t, sort_keys=True): t for t in tries}
        out["tries"] = sorted(unique.values(), key=lambda t: str(t.get("at", "")) if isinstance(t, dict) else "")
        counts.append(len(unique))  # (1 attempt on a laptop, 2 on a phone: 3, not 2; round hh LMS 8)
    if counts:
        out["attempts"] = max(counts)
    objectives_a, objectives_b = a.get("objectives"), b.get("objectives")
    if isinstance(objectives_a, dict) and isinstance(objectives_b, dict):
        objectives = dict(objectives_a)
        for oid, claim in objectives_b.items():
            mine = objectives.get(oid)
            if not isinstance(mine, dict) or (
                isinstance(claim, dict)
                and (best := _score(claim.get("best"))) is not None
                and better(best, _score(mine.get("best")))
            ):
                objectives[oid] = claim
        out["objectives"] = objectives
    elif isinstance(objectives_b, dict):
        out["objectives"] = objectives_b
    if not out.get("key") and b.get("key"):
        out["key"] = b["key"]
    return out
