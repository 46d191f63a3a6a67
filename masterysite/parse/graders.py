"""Autograding tools' answers in a lesson: what their student versions leave out is left out here too.

A lesson written for an autograder holds, besides what its students see, the answers and the tests
that grade them. Its tool makes a student version without them; ported as it is, every one of them
was published (port round u):

- otter-grader: its marker cells (```` ```otter ```` fences, or a notebook's raw cells
  ``<!-- #raw -->`` as jupytext writes them) ``# BEGIN SOLUTION`` … ``# END SOLUTION`` (a written
  answer, a model solution) and ``# BEGIN TESTS`` … ``# END TESTS`` (the tests, ``# HIDDEN`` ones
  too); its configuration cells (``# BEGIN QUESTION``, ``# ASSIGNMENT CONFIG``, …) are not shown;
- ``<!-- BEGIN SOLUTION -->`` … ``<!-- END SOLUTION -->`` on lines of their own (otter's Markdown
  answers, and many course tools'), and ``<!-- BEGIN/END HIDDEN TESTS -->``;
- nbgrader's answer cells as jupytext writes them: a Markdown cell marked ``"solution": true``
  (``<!-- #region nbgrader={…} -->``, or MyST's ``+++ {"nbgrader": {…}}``) and a code cell so
  marked with no ``### BEGIN SOLUTION`` in it (all of it is the answer);
- DataCamp's exercises: ``*** =solution``, ``*** =sct`` (the grader, which names the right choice)
  and ``*** =pre_exercise_code`` (or `` `@solution` `` …), up to the next section. Its hint, shown on
  request there, is a collapsed block; its other section lines (``*** =instructions``,
  ``--- type:NormalExercise …``) are not shown.

Everything is done line for line, so that later messages keep their line numbers. Lines in other
code blocks are never read as markers.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from masterysite.parse.admonitions import HUGO_FENCE, closes_fence, in_code_span_at, in_spans, line_starts
from masterysite.parse.markdown import fenced

_FENCE_OPEN = re.compile(r"( {0,3})(`{3,}|~{3,})[ \t]*(.*)")
_OTTER_MARK = re.compile(r"#[ \t]*(BEGIN|END)[ \t]+(SOLUTION|TESTS|QUESTION|PROMPT)\b.*|#[ \t]*ASSIGNMENT CONFIG\b.*")
_ONE_MARK = re.compile(r"#[ \t]*(?:(BEGIN|END)[ \t]+(SOLUTION|TESTS|QUESTION|PROMPT)|ASSIGNMENT CONFIG)[ \t]*")
_BARE_MARKS = re.compile(rf"(?:{_ONE_MARK.pattern})+")
_BARE_BEGIN = re.compile(r"^#[ \t]*BEGIN[ \t]+(?:SOLUTION|TESTS)[ \t]*(?:#.*)?$", re.M)
_BARE_END = re.compile(r"^(?:#.*)?#[ \t]*END[ \t]+(?:SOLUTION|TESTS)[ \t]*(?:#.*)?$", re.M)
_SETTING = re.compile(r"[ \t]*[\w-]+:(?:[ \t].*)?|[ \t]+\S.*|[ \t]*- .*")  # YAML: 'points: 2', '  - data.csv'
_COMMENT_MARK = re.compile(
    r"[ \t]*<!--[ \t]*#?[ \t]*(BEGIN|END)[ \t]+(SOLUTION|HIDDEN TESTS|TESTS|PROMPT)[ \t]*-->[ \t]*"
)
_RAW_OPEN = re.compile(r"[ \t]*<!--[ \t]*#raw\b.*-->[ \t]*")
_RAW_CLOSE = re.compile(r"[ \t]*<!--[ \t]*#endraw[ \t]*-->[ \t]*")
_REGION_OPEN = re.compile(r"[ \t]*<!--[ \t]*#region\b(.*)-->[ \t]*")
_REGION_CLOSE = re.compile(r"[ \t]*<!--[ \t]*#endregion[ \t]*-->[ \t]*")
_MYST_CELL = re.compile(r"\+\+\+(?:[ \t]+(\{.*\}))?[ \t]*")
_SOLUTION_TRUE = re.compile(r"""["']?solution["']?[ \t]*[:=][ \t]*(?:true|True)\b""")
_DATACAMP = re.compile(r"\*\*\*[ \t]*=[ \t]*(\w+)(?:[ \t]*:.*)?[ \t]*|`@(\w+)`[ \t]*")  # ('*** =type2: …' too)
# a code cell's first line that says the tool's student version removes the cell: Neuromatch Academy's (nmaci)
# '# to_remove solution' / '# to_remove explanation', Kaggle Learn's '#%%RM_IF(PROD)%%', jAssign's '# HIDDEN TEST'
_REMOVED_CELL = re.compile(r"#[ \t]*(to_remove)\b[ \t]*(\w*).*|#%%(RM_IF)\(PROD\)%%.*|#[ \t]*(HIDDEN TEST)\b.*")
_DATACAMP_HEADER = re.compile(r"type:[ \t]*\w*Exercise\b.*")  # a DataCamp exercise's ```yaml header's first line
_DATACAMP_EXERCISE = re.compile(r"---[ \t]+type:[ \t]*\w+.*")
_DATACAMP_HIDDEN = {"solution", "sct", "pre_exercise_code", "possible_answers", "feedback"}
_HIDDEN = {"SOLUTION", "TESTS", "HIDDEN TESTS"}
_HEADING = re.compile(r" {0,3}#{1,6}[ \t]")
_HEADING_MARK = re.compile(r" {0,3}#{1,6}[ \t]+(BEGIN|END)[ \t]+SOLUTION[ \t]*#*[ \t]*")  # nbgrader's, in text
_HEADING_MARKS = re.compile(rf"^{_HEADING_MARK.pattern}$", re.M)


@dataclass
class LeftOut:
    line: int  # 0-based, in the body
    message: str  # what was left out, and why
    closed: bool = True  # False: never closed (an error: what follows would have been left out)


def graded(body: str) -> bool:
    """Whether the body may hold any of them (most units hold none: not scanned)."""
    return (
        "BEGIN" in body
        or "nbgrader" in body
        or "to_remove" in body
        or "RM_IF(PROD)" in body
        or "HIDDEN TEST" in body
        or (
            ("*** =" in body or "`@" in body)
            and ("=solution" in body or "`@solution`" in body or "=sct" in body or "`@possible_answers`" in body)
        )
    )


def grader_sections(body: str) -> tuple[str, list[LeftOut]]:
    """The body with the autograders' answers and tests left out (see the module), and what was."""
    lines = body.split("\n")
    left: list[LeftOut] = []
    hiding: tuple[int, str, str] | None = None  # (line, tool, what) of the section being left out
    fence: tuple[str, int] | None = None  # the open code block's fence and its first line
    hint: int | None = None  # the line of an open DataCamp hint (a collapsed block)
    datacamp: tuple[int, str] | None = None  # a DataCamp section being left out: its line and name
    number = 0
    # a DataCamp exercise's file: its sections are read (a line '`@Override`' in a Java lesson is not one)
    datacamp_body = "*** =" in body or "`@solution`" in body or "`@sct`" in body or "`@possible_answers`" in body
    # otter's marker cells as nbconvert writes them: a line of their own, no cell around them ('# END SOLUTION#
    # BEGIN TESTS' when two follow each other); read so when one begins and one ends a solution or the tests
    bare = _BARE_BEGIN.search(body) is not None and _BARE_END.search(body) is not None
    jassign = "\nBEGIN QUESTION\n" in body and "**SOLUTION**:" in body
    # nbgrader's markers in a Markdown cell, when both are there (a heading '# BEGIN SOLUTION' alone is a lesson's)
    in_text = len({m[1] for m in _HEADING_MARKS.finditer(body)}) == 2
    while number < len(lines):
        line = lines[number]
        if fence is not None:  # in a code block: only its end counts
            if closes_fence(line, fence[0]):
                fence = None
            if hiding is not None or datacamp is not None:
                lines[number] = ""
            number += 1
            continue
        opened = _FENCE_OPEN.fullmatch(line)
        if opened is not None and not (opened[2][0] == "`" and "`" in opened[3]):
            end = _fence_end(lines, number, opened[2])
            info = opened[3].strip().strip("{}").strip().lower()
            first = lines[number + 1].strip() if number + 1 < end else ""
            if info in ("otter", "raw", "raw-cell") and _OTTER_MARK.fullmatch(first):
                hiding = _otter_mark(first, number, hiding, left)
                _blank(lines, number, min(end + 1, len(lines)))
                number = end + 1
                continue
            if datacamp_body and info == "yaml" and _DATACAMP_HEADER.fullmatch(first):  # (its settings: not shown)
                _blank(lines, number, min(end + 1, len(lines)))
                number = end + 1
                continue
            removed = _REMOVED_CELL.fullmatch(first) if hiding is None and datacamp is None else None
            if removed is not None:  # a cell the tool's student version removes: and its outputs after it
                left.append(LeftOut(number, _removed_message(removed)))
                after = _outputs_end(lines, end + 1)
                _blank(lines, number, after)
                number = after
                continue
            if hiding is None and datacamp is None and _nbgrader_answer(lines, number, end, opened[3]):
                left.append(LeftOut(number, "nbgrader's answer cell (marked \"solution\": true, with no '### BEGIN"
                                    " SOLUTION' in it) is left out: its student version replaces it"))  # fmt: skip
                _blank(lines, number, min(end + 1, len(lines)))
                number = end + 1
                continue
            if first == "BEGIN QUESTION" and not info:  # jAssign's question settings: not shown
                _blank(lines, number, min(end + 1, len(lines)))
                number = end + 1
                continue
            if hiding is None and datacamp is None and _solved(lines[number + 1 : end]):
                outputs = _outputs_end(lines, end + 1)  # (what the solution printed: the answer, often)
                _blank(lines, end + 1, outputs)
            fence = (opened[2], number)
            if hiding is not None or datacamp is not None:
                lines[number] = ""
            number += 1
            continue
        if jassign and line.startswith("**SOLUTION**:") and hiding is None:  # jAssign's written answer
            paragraph_end = next((n for n in range(number, len(lines)) if not lines[n].strip()), len(lines))
            left.append(LeftOut(number, _JASSIGN_WRITTEN))
            _blank(lines, number, paragraph_end)
            number = paragraph_end
            continue
        if _RAW_OPEN.fullmatch(line):  # jupytext's raw cell: otter's markers
            raw_end = next((n for n in range(number + 1, len(lines)) if _RAW_CLOSE.fullmatch(lines[n])), None)
            first = lines[number + 1].strip() if number + 1 < len(lines) else ""
            if raw_end is not None and _OTTER_MARK.fullmatch(first):
                hiding = _otter_mark(first, number, hiding, left)
                _blank(lines, number, raw_end + 1)
                number = raw_end + 1
                continue
        if bare and _BARE_MARKS.fullmatch(line):  # nbconvert's Markdown: otter's raw cells as bare lines
            lines[number] = ""
            for mark in _ONE_MARK.finditer(line):
                configures = hiding is None and (mark[1] is None or mark.group(1, 2) == ("BEGIN", "QUESTION"))
                hiding = _otter_mark(mark[0].strip(), number, hiding, left)
                if configures:  # its settings, on the lines after it: not shown
                    while number + 1 < len(lines) and _SETTING.fullmatch(lines[number + 1]):
                        number += 1
                        lines[number] = ""
            number += 1
            continue
        # nbgrader's rubric of a task cell (port cc 9) and its solution markers in a Markdown cell (port cc 11): its
        # student version has no rubric, and 'YOUR ANSWER HERE' for the solution
        marked, kind = (_MARK_SCHEME.fullmatch(line), "scheme") if "MARK SCHEME" in line else (None, "")
        if marked is None and in_text and "SOLUTION" in line:
            marked, kind = _HEADING_MARK.fullmatch(line), "heading"
        if marked is not None:
            if marked[1] == "BEGIN" and hiding is None:
                hiding = (number, kind, "MARK SCHEME" if kind == "scheme" else "SOLUTION")
            elif marked[1] == "END" and hiding is not None and hiding[1] == kind:
                left.append(LeftOut(hiding[0], _MARK_SCHEME_LEFT if kind == "scheme" else _NBGRADER_TEXT))
                hiding = None
            lines[number] = ""
            number += 1
            continue
        comment = _COMMENT_MARK.fullmatch(line)
        if comment is not None:
            what = comment[2]
            if comment[1] == "BEGIN" and what in _HIDDEN and hiding is None:
                hiding = (number, "comment", what)
            elif comment[1] == "END" and hiding is not None and hiding[1] == "comment" and hiding[2] == what:
                left.append(LeftOut(hiding[0], _comment_message(what)))
                hiding = None
            lines[number] = ""
            number += 1
            continue
        region = _REGION_OPEN.fullmatch(line)
        if region is not None and hiding is None and "nbgrader" in region[1] and _SOLUTION_TRUE.search(region[1]):
            region_end = next((n for n in range(number + 1, len(lines)) if _REGION_CLOSE.fullmatch(lines[n])), None)
            if region_end is None:
                message = (
                    "nbgrader's answer cell '<!-- #region nbgrader=… -->' is never closed: end it with"
                    " '<!-- #endregion -->' (as it is, the rest of the unit is left out with it)"
                )
                left.append(LeftOut(number, message, closed=False))
                region_end = len(lines) - 1
            else:
                left.append(LeftOut(number, _NBGRADER_MARKDOWN))
            _blank(lines, number, region_end + 1)
            number = region_end + 1
            continue
        cell = _MYST_CELL.fullmatch(line)
        if cell is not None and cell[1] and "nbgrader" in cell[1]:  # a MyST notebook's cell break, its metadata
            if hiding is None and _myst_answer(cell[1]):
                end = next((n for n in range(number + 1, len(lines)) if _cell_boundary(lines[n])), len(lines))
                left.append(LeftOut(number, _NBGRADER_MARKDOWN))
                _blank(lines, number, end)
                number = end
                continue
            lines[number] = "+++"  # (the break alone: its metadata is nbgrader's, not shown)
        if datacamp is not None and (line.strip() == "---" or _HEADING.match(line)):
            datacamp = None  # (the next exercise, in DataCamp's newer format)
        if hint is not None and (line.strip() == "---" or _HEADING.match(line)):  # the hint ends there too
            if lines[number - 1].strip():
                lines.insert(number, "")  # (room for its end: the lines after move one down)
                number += 1
            lines[number - 1], hint = HUGO_FENCE, None
        section = _DATACAMP.fullmatch(line) if datacamp_body else None
        if section is not None or (datacamp_body and _DATACAMP_EXERCISE.fullmatch(line)):
            name = (section[1] or section[2]).lower().rstrip("0123456789") if section is not None else ""
            lines[number] = ""
            if hint is not None:
                lines[number] = HUGO_FENCE
                hint = None
            datacamp = None
            if name in _DATACAMP_HIDDEN:
                datacamp = (number, name)
                left.append(LeftOut(number, _datacamp_message(line.strip().rstrip("0123456789"), name)))
            elif name == "hint":
                if lines[number]:  # (the closing fence of the hint before: no room for this opening)
                    lines.insert(number + 1, "")
                    number += 1
                lines[number] = f"{HUGO_FENCE} details Hint"
                hint = number
            number += 1
            continue
        if hiding is not None or datacamp is not None:
            lines[number] = ""
        number += 1
    if hint is not None:
        lines.append(HUGO_FENCE)
    if hiding is not None:
        what = hiding[2]
        if hiding[1] == "comment":
            written, closing = f"'<!-- BEGIN {what} -->'", f"'<!-- END {what} -->'"
        elif hiding[1] == "scheme":
            written, closing = "nbgrader's '=== BEGIN MARK SCHEME ==='", "'=== END MARK SCHEME ==='"
        elif hiding[1] == "heading":
            written, closing = "nbgrader's '### BEGIN SOLUTION'", "'### END SOLUTION'"
        else:
            written, closing = f"otter-grader's '# BEGIN {what}'", f"a cell '# END {what}'"
        message = f"{written} is never closed: end it with {closing}"
        message += " (as it is, the rest of the unit is left out with it)"
        left.append(LeftOut(hiding[0], message, closed=False))
    return "\n".join(lines), left


_NBGRADER_TEXT = (  # (port cc 11: published as two headings with the answer between them)
    "nbgrader's solution between '### BEGIN SOLUTION' and '### END SOLUTION' is left out: its student version"
    " replaces it with 'YOUR ANSWER HERE'"
)
_NBGRADER_MARKDOWN = (
    'nbgrader\'s answer cell (marked "solution": true) is left out: its student version replaces it with'
    " 'YOUR ANSWER HERE'"
)


def _comment_message(what: str) -> str:
    between = f"between '<!-- BEGIN {what} -->' and '<!-- END {what} -->'"
    if what == "SOLUTION":
        return f"the solution {between} is left out, as the student version of its tool (otter-grader…) leaves it out"
    return f"the tests {between} are left out, as the student version of their tool leaves them out"


_MARK_SCHEME = re.compile(r"[ \t]*={3,}[ \t]*(BEGIN|END)[ \t]+MARK[ \t]+SCHEME[ \t]*={3,}[ \t]*")
_MARK_SCHEME_LEFT = (
    "nbgrader's mark scheme between '=== BEGIN MARK SCHEME ===' and '=== END MARK SCHEME ===' is left out, as in"
    " its student version"
)
_JASSIGN_WRITTEN = (
    "jAssign's (otter-grader's) written answer ('**SOLUTION**: …') is left out, as its student version leaves it out"
)


def _solved(code: list[str]) -> bool:
    """Whether a code cell holds a solution its tool leaves out (nbgrader's, otter's markers): what it
    printed below it is the answer's."""
    return any("BEGIN SOLUTION" in line or line.rstrip().endswith("SOLUTION") for line in code)


def _removed_message(removed: re.Match[str]) -> str:
    if removed[1]:
        written = f"# to_remove {removed[2]}".rstrip()
        return (
            f"Neuromatch Academy's '{written}' cells are left out (its student version removes them), with their output"
        )
    if removed[3]:
        return "Kaggle Learn's '#%%RM_IF(PROD)%%' cells are left out (its exercise removes them), with their output"
    return "jAssign's (otter-grader's) '# HIDDEN TEST' cells are left out (students never get them), with their output"


def _outputs_end(lines: list[str], start: int) -> int:
    """Where the outputs of a notebook's code cell end, as nbconvert writes them after it: empty lines and
    lines indented four spaces (text output), up to the next line of the lesson."""
    end = start
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith("    ")):
        end += 1
    while end > start and not lines[end - 1].strip():  # (the empty lines before what follows stay)
        end -= 1
    return end


def _datacamp_message(written: str, name: str) -> str:
    why = {
        "solution": "DataCamp shows it only when the learner gives up",
        "sct": "the grader's code, which names the right answer",
        "pre_exercise_code": "DataCamp runs it and never shows it",
        "possible_answers": "the choices of its question, the right one in brackets",
        "feedback": "what each choice gets, 'Correct.' beside the right one",
    }[name]
    return f"DataCamp's '{written}' section is left out ({why}); ask for the answer in a '::: question'"


def _otter_mark(
    first: str, number: int, hiding: tuple[int, str, str] | None, left: list[LeftOut]
) -> tuple[int, str, str] | None:
    """An otter-grader marker cell: a solution or the tests begin or end; the rest only configure."""
    mark = _OTTER_MARK.fullmatch(first)
    assert mark is not None
    edge, what = mark[1], mark[2]
    if edge == "BEGIN" and what in _HIDDEN and hiding is None:
        return (number, "otter", what)
    if edge == "END" and hiding is not None and hiding[1] == "otter" and hiding[2] == what:
        if what == "SOLUTION":
            message = "otter-grader's solution between '# BEGIN SOLUTION' and '# END SOLUTION' is left out"
        else:
            message = f"otter-grader's tests (hidden ones too) between '# BEGIN {what}' and '# END {what}' are left out"
        message += ", as in its student version"
        left.append(LeftOut(hiding[0], message))
        return None
    return hiding


def _fence_end(lines: list[str], number: int, fence: str) -> int:
    """The line that closes the code block opened at ``number`` (the last line when none does)."""
    return next((n for n in range(number + 1, len(lines)) if closes_fence(lines[n], fence)), len(lines) - 1)


def _blank(lines: list[str], start: int, end: int) -> None:
    for n in range(start, end):
        lines[n] = ""


def _nbgrader_answer(lines: list[str], number: int, end: int, info: str) -> bool:
    """A code cell nbgrader marks as an answer ("solution": true) with no solution markers in it:
    jupytext's ```` ```python nbgrader={…} ```` or a MyST ``{code-cell}`` whose options say so."""
    body = lines[number + 1 : end]
    if _solved(body):
        return False  # (its markers are read as its student version reads them: extras.graders_solutions)
    if "nbgrader" in info:
        return _SOLUTION_TRUE.search(info) is not None
    if body[:1] == ["---"] and "code-cell" in info:
        options = body[1 : next((i for i, line in enumerate(body[1:], 1) if line == "---"), 1)]
        text = "\n".join(options)
        return "nbgrader" in text and re.search(r"^[ \t]+solution:[ \t]*true\b", text, re.M) is not None
    return False


def _myst_answer(metadata: str) -> bool:
    try:
        data = json.loads(metadata)
    except ValueError:
        return _SOLUTION_TRUE.search(metadata) is not None
    grader = data.get("nbgrader") if isinstance(data, dict) else None
    return isinstance(grader, dict) and grader.get("solution") is True


def _cell_boundary(line: str) -> bool:
    """Where a MyST notebook's Markdown cell ends: the next cell's ``+++`` or a code cell."""
    return _MYST_CELL.fullmatch(line) is not None or line.startswith(("```{code-cell", "````{code-cell"))


# Quiz syntaxes of other tools that mark the right answer in the text (port u 4, 6, 7): read as text here,
# they publish it. (pattern, the tool's name, what to write instead)
_CHOICES_ADVICE = "write it as a '::: question' with '- [x]' / '- [ ]' choices (the right ones ticked)"
_MARKED = [
    (re.compile(r"[ \t]*(?:[-*+][ \t]+)?\[\([Xx]\)\].*"), "LiaScript's single choice", _CHOICES_ADVICE),
    (re.compile(r"[ \t]*(?:[-*+][ \t]+)?\[\[[Xx ]\]\].*"), "LiaScript's multiple choice", _CHOICES_ADVICE),
    (
        re.compile(
            r"[ \t]*[-*+][ \t]+\[(?:[ \t]*[\[(][Xx ]?[\])])*[ \t]*[\[(][Xx][\])](?:[ \t]*[\[(][Xx ]?[\])])*[ \t]*\].*"
        ),
        "LiaScript's matrix quiz",
        "write each row as a '::: question' with '- [x]' / '- [ ]' choices",
    ),
    (re.compile(r"[ \t]*\([Xx]\)[ \t]+\S.*"), "edX's multiple choice", _CHOICES_ADVICE),
    (  # Runestone's quizzes (thinkcspy): their ':correct: b' and feedback, shown as text
        re.compile(r"\.\. (?:mchoice|fillintheblank|dragndrop|clickablearea|parsonsprob|shortanswer|poll)::.*"),
        "a Runestone quiz (reStructuredText), with its ':correct:' answer",
        _CHOICES_ADVICE,
    ),
    (
        re.compile(r"[ \t]*\[explanation\][ \t]*"),
        "edX's '[explanation]'",
        "write it as a '> explanation' in a '::: question'",
    ),
]
_QUIZDOWN_ADVICE = "write each question as a '::: question' with '- [x]' / '- [ ]' choices and '> feedback'"
_SELECTION = "a selection quiz (LiaScript's '[[ a | (b) | c ]]', edX's '[[a, (b), c]]')"
_BRACKETS = re.compile(r"\[\[([^\[\]\n]*)\]\]")  # (no "[" inside: a line of "[[[[…" had taken minutes: sec ee 2)


def _selection(line: str) -> bool:
    """'[[ a | (b) | c ]]': options of which one alone is in brackets, the right one. (Outside a question
    only: in one, '[[(1, 2) | 1, 2]]' is a blank with two answers.)"""
    for inside in _BRACKETS.findall(line):
        options = [o.strip() for o in inside.split("|" if "|" in inside else ",")]
        marked = [o for o in options if o.startswith("(") and o.endswith(")")]
        if len(options) > 2 and len(marked) == 1:
            return True
    return False


_EDX_WRONG = re.compile(r"^[ \t]*\( \)[ \t]+\S", re.M)  # edX's wrong choice: '( ) an answer'
_QUESTION_OPEN = re.compile(r" {0,3}:{3,}[ \t]*(?:question|quiz)\b.*")
_BLOCK_CLOSE = re.compile(r" {0,3}:{3,}[ \t]*")


_KRAMDOWN_QUIZ = re.compile(r"\{:[ \t]*\.quiz[ \t]*\}[ \t]*")
_ZERO_ONE_CHOICE = re.compile(r"[01][ \t]*\|[ \t]*\S")
_GIFT = "a Moodle GIFT question (its right answers marked '=', the wrong ones '~')"
_GIFT_ADVICE = "write it as a '::: question' with '- [x]' / '- [ ]' choices, or '= answer' lines, one for each"
_GIFT_ANSWERS = re.compile(r"\{[ \t]*[=~][^{}\n]*\}")  # '{~buried =entombed ~living}', '{=Paris =paris}'
# a right answer: '=entombed', or one weighted as (part) right, as Moodle's export writes them: '~%100%C) 12'
_GIFT_MARK = re.compile(r"(?:^|[\s{])(?:=(?![=\s])|~%[1-9])")
_GIFT_LINE = re.compile(r"[ \t]*[=~](?![=~\s]).*")  # an answer of a question over several lines
_GIFT_TITLE = re.compile(r"[ \t]*::[^:\n]{1,200}::")  # '::Q1:: What …': a GIFT question's title
# with a title: a true/false question's answer ('{TRUE}', '{F#feedback}') or a numeric one ('{#42}', '{#3.1:0.1}')
_GIFT_VALUE = re.compile(r"(?:T|F|TRUE|FALSE)(?:[ \t]*#.*)?|#[ \t]*=?[\d.:\s-]+", re.I)


def _gift(line: str, lines: list[str], number: int) -> bool:
    """Whether ``line`` holds a Moodle GIFT question's answers (``Grant is {~buried =entombed} in …``),
    or opens them on the lines after (``Who's buried in Grant's tomb? {`` then ``=no one``): as text,
    each right answer is published marked (port z 4). Not in code spans."""
    for found in _GIFT_ANSWERS.finditer(line):
        after_code = found.start() > 0 and line[found.start() - 1] == "`"  # (pandoc's raw '`<i>`{=html}')
        if _GIFT_MARK.search(found[0]) and not in_code_span_at(line, found.start()) and not after_code:
            return True
    titled = _GIFT_TITLE.match(line) is not None  # (then '{TRUE}' and '{#42}' are its answers: port bb 5)
    if titled:
        for found in re.finditer(r"\{([^{}\n]*)\}", line):
            if _GIFT_VALUE.fullmatch(found[1].strip()) and not in_code_span_at(line, found.start()):
                return True
    if not line.rstrip().endswith("{") or in_code_span_at(line, len(line)):
        return False
    answers: list[str] = []
    for text in lines[number + 1 : number + 40]:
        if text.strip().startswith("}"):
            return bool(answers) and any(_GIFT_MARK.match(answer.lstrip()) for answer in answers)
        if titled and _GIFT_VALUE.fullmatch(text.strip()):
            return True  # '::Q2:: … {' then 'FALSE'
        if text.strip() and not (_GIFT_LINE.fullmatch(text) or text.lstrip().startswith("#")):
            return False  # (a line that is no answer: a lesson's own braces)
        answers.append(text)
    return False


_TEXT2QTI = re.compile(r"(?:\*[a-z]\)|\[\*\])[ \t]+\S.*")  # its right choice: '*c) 5', '[*] Tyrannosaurus rex'
_AIKEN_ANSWER = re.compile(r"ANSWER:[ \t]*[A-Z][ \t]*")  # Moodle's Aiken format: 'A. …' … then 'ANSWER: D'
_AIKEN_CHOICE = re.compile(r"[A-Z][.)][ \t]+\S.*")
_SLIDOC_CHOICE = re.compile(r"[A-Z](\*?)\.\.[ \t]+\S.*")  # Slidoc's choices, the right ones starred: 'B*.. Lost'
_SLIDOC_ANSWER = re.compile(r"Answer:[ \t]*\S.*")  # … and its answer line: 'Answer: BC', 'Answer: T.Rex OR T Rex'
_ANSWER_KEY_ADVICE = "write it as a '::: question' with '- [x]' / '- [ ]' choices (the right ones ticked) or '= answer'"


def _answer_key(line: str, lines: list[str], number: int, slidoc: bool) -> str | None:
    """Which tool's right answer ``line`` shows, or None: Moodle's Aiken ('ANSWER: D' after its lettered
    choices), Slidoc (a starred choice 'B*.. Lost', or 'Answer: BC' in a lesson with Slidoc's choices)."""
    if _AIKEN_ANSWER.fullmatch(line) and any(
        _AIKEN_CHOICE.fullmatch(text) for text in lines[max(0, number - 12) : number]
    ):
        return "a Moodle Aiken question's"
    if slidoc and (_SLIDOC_ANSWER.fullmatch(line) or ((choice := _SLIDOC_CHOICE.fullmatch(line)) and choice[1])):
        return "a Slidoc question's"
    return None


_HYPERBOOK_GAP = re.compile(r"(?<![\\\w])\{([A-Za-z])\{([^{}\n]+)\}\}")  # (not LaTeX's '\\mathrm{d{x}}')


def marked_answers(body: str) -> list[tuple[int, str, str, bool]]:
    """Lines written in another tool's quiz syntax that marks the right answer, outside fenced code:
    (line, as written, the message, in a question). Outside a question, the answer is shown as text;
    in one, ``- [[X]] text`` became a blank whose answer is 'X'."""
    found: list[tuple[int, str, str, bool]] = []
    edx = _EDX_WRONG.search(body) is not None  # ('(x) …' alone may be a lesson's own line)
    fence: str | None = None
    depth = 0  # the questions open around the line
    lines = body.split("\n")
    slidoc = ".." in body and any(_SLIDOC_CHOICE.fullmatch(line) for line in lines)
    for number, line in enumerate(lines):
        if fence is not None:
            fence = None if closes_fence(line, fence) else fence
            continue
        opened = _FENCE_OPEN.fullmatch(line)
        if opened is not None and not (opened[2][0] == "`" and "`" in opened[3]):
            fence = opened[2]
            language = opened[3].strip().strip("{}").strip().lower()
            if language in ("quizdown", "gift"):  # (port w 3, port z 4)
                tool, marked = ("a quizdown quiz", "ticked") if language == "quizdown" else (_GIFT, "marked '='")
                message = (
                    f"'{line.strip()}' is {tool}, which is not read here: it is shown as code, the right answers"
                    f" {marked} for everyone; {_QUIZDOWN_ADVICE}"
                )
                found.append((number, line.strip(), message, False))
            continue
        if _QUESTION_OPEN.fullmatch(line):
            depth += 1
        elif depth and _BLOCK_CLOSE.fullmatch(line):
            depth -= 1
        raku = line.startswith("{:") and _KRAMDOWN_QUIZ.fullmatch(line) and number + 1 < len(lines)
        if raku and _ZERO_ONE_CHOICE.match(lines[number + 1]):  # the Raku course's quiz (port cc 37)
            message = (
                f"'{line.strip()}' is a Jekyll site's quiz (each choice after '1 |' right, '0 |' wrong), which is"
                f" not read here: it is shown as text, the right answer marked for everyone; {_QUIZDOWN_ADVICE}"
            )
            found.append((number, line.strip(), message, bool(depth)))
            continue
        hyperbook = _HYPERBOOK_GAP.search(line) if "}}" in line else None
        if hyperbook is not None:  # Hyperbook's gap '{z{74,59}}', select '{A{f|!g|h}}' (ii port 9)
            choice = "!" in hyperbook[2]
            kind = "select, its right choice marked '!'" if choice else "gap, its answer written in it"
            advice = (
                "write a '::: question' (or '::: practice') with choices, '- [x]' the right one"
                if choice
                else f"write a blank, '[[{hyperbook[2]}]]', in a '::: question' or '::: practice'"
            )
            message = (
                f"'{hyperbook[0]}' is Hyperbook's {kind}, which is not read here: it is shown as text for everyone;"
                f" {advice}"
            )
            found.append((number, hyperbook[0], message, bool(depth)))
            continue
        if "{" in line and _gift(line, lines, number):
            written = line.strip() if len(line.strip()) <= 50 else line.strip()[:47] + "..."
            message = (
                f"'{written}' is {_GIFT}, which is not read here: it is shown as text, the right answer marked '='"
                f" for everyone; {_GIFT_ADVICE}"
            )
            if depth:  # (pasted into a question: its other errors asked for an '= answer' line: port bb 6)
                message = f"'{written}' is {_GIFT}, which is not read here: {_GIFT_ADVICE}"
            found.append((number, written, message, bool(depth)))
            continue
        if not depth and line[:1].isupper() and line[:1].isascii():
            key = _answer_key(line, lines, number, slidoc)  # (port bb 9)
            if key is not None:
                written = line.strip() if len(line.strip()) <= 50 else line.strip()[:47] + "..."
                message = (
                    f"'{written}' is {key} right answer, which is not read here: it is shown as text for everyone;"
                    f" {_ANSWER_KEY_ADVICE}"
                )
                found.append((number, written, message, False))
                continue
        if not depth and line[:1] in ("*", "[") and _TEXT2QTI.fullmatch(line):  # (port aa 6: '*c) 5', '[*] T. rex')
            written = line.strip() if len(line.strip()) <= 50 else line.strip()[:47] + "..."
            message = (
                f"'{written}' is a text2qti (Canvas) quiz's right answer, which is not read here: it is shown as"
                " text, the right answer marked for everyone; write it as a '::: question' with '- [x]' / '- [ ]'"
                " choices (the right ones ticked)"
            )
            found.append((number, written, message, False))
            continue
        if not ("[(" in line or "[[" in line or "(x)" in line or "(X)" in line or "[explanation]" in line) and (
            not line.startswith(".. ")
        ):
            continue  # (most lines: none of the marks)
        hit = next(
            (
                (tool, advice)
                for pattern, tool, advice in _MARKED
                if pattern.fullmatch(line) and (edx or tool != "edX's multiple choice")
            ),
            None,
        )
        if hit is None:
            if depth or "[[" not in line or not _selection(line):
                continue
            hit = (_SELECTION, "write it as a '::: question' with '- [x]' / '- [ ]' choices, or a blank")
        tool, advice = hit
        written = line.strip() if len(line.strip()) <= 50 else line.strip()[:47] + "..."
        if depth:
            message = f"'{written}' is {tool}, which is not read here: it would be a blank whose answer is the mark;"
        else:
            message = f"'{written}' is {tool}, which is not read here: it is shown as text, the right answer marked"
            message += " for everyone;"
        found.append((number, written, f"{message} {advice}", bool(depth)))
    return found


_REXAMS_META = re.compile(r"[ \t]*(?:Meta-information[ \t]*|#[ \t]+Meta-information[ \t]*)")
_REXAMS_SOLUTION = re.compile(r"[ \t]*(?:Solution[ \t]*|#[ \t]+Solution[ \t]*)")
_REXAMS_KEY = re.compile(r"[ \t]*ex[a-z]+[ \t]*:.*")  # 'exsolution: 011'
_REXAMS_LATEX_KEY = re.compile(r"[ \t]*\\ex[a-z]+\{.*\}[ \t]*")  # '\exsolution{011}'
_SETEXT_ONE = re.compile(r"[ \t]*=+[ \t]*")


def rexams_sections(body: str) -> tuple[str, int | None]:
    """R/exams' exercise layout (``Question`` / ``Solution`` / ``Meta-information`` sections, or in its
    LaTeX form ``\\begin{solution}`` and ``\\exsolution{…}``): its ``Solution`` section and its
    metadata, the answer key (``exsolution: 011``) with it, had been published above the quiz (port z 2).
    Both are left out, line for line; returned with the first line (0-based) left out, or None."""
    code = fenced(body)
    lines = body.split("\n")
    starts = line_starts(lines)
    first: int | None = None

    def heading(number: int, pattern: re.Pattern[str]) -> bool:
        line = lines[number]
        if not pattern.fullmatch(line) or in_spans(code, starts[number]):
            return False
        return line.lstrip().startswith("#") or (
            number + 1 < len(lines) and _SETEXT_ONE.fullmatch(lines[number + 1]) is not None
        )

    meta = next((n for n in range(len(lines)) if heading(n, _REXAMS_META)), None)
    if meta is not None and any(_REXAMS_KEY.fullmatch(line) for line in lines[meta:]):
        end = meta + 1
        while end < len(lines) and (not lines[end].strip() or _REXAMS_KEY.fullmatch(lines[end]) or end == meta + 1):
            end += 1
        solution = next((n for n in range(meta - 1, -1, -1) if heading(n, _REXAMS_SOLUTION)), meta)
        lines[solution:end] = [""] * (end - solution)
        first = solution
    if "\\exsolution{" in body:
        solution_open: int | None = None
        for number, line in enumerate(lines):
            if in_spans(code, starts[number]):
                continue
            stripped = line.strip()
            if stripped == "\\begin{solution}":
                solution_open = number
            elif stripped == "\\end{solution}" and solution_open is not None:
                lines[solution_open : number + 1] = [""] * (number + 1 - solution_open)
                first = solution_open if first is None else min(first, solution_open)
                solution_open = None
            elif solution_open is None and _REXAMS_LATEX_KEY.fullmatch(line):
                lines[number] = ""
                first = number if first is None else min(first, number)
    return "\n".join(lines), first


_SHINY_SCRIPT = re.compile(r"""[ \t]*<script\b[^>]*\btype=["']?application/shiny-prerendered\b[^>]*>.*""", re.I)
_LEARNR_SUPPORT = re.compile(
    r"""[ \t]*<div\b[^>]*\bclass=["'][^"']*\btutorial-exercise-support\b[^>]*\bdata-label=["']([^"']*)["'][^>]*>.*"""
    r"""|[ \t]*<div\b[^>]*\bdata-label=["']([^"']*)["'][^>]*\bclass=["'][^"']*\btutorial-exercise-support\b.*""",
    re.I,
)
_LEARNR_LABEL = re.compile(r"""\blabel\s*=\s*["']([^"']+)["']""")


def learnr_knitted(body: str) -> tuple[str, list[LeftOut]]:
    """A learnr tutorial knitted to Markdown (README: knit .Rmd first) keeps its quizzes in
    ``<script type="application/shiny-prerendered">`` elements, for its server: each right answer is in
    the page's source (``correct = TRUE``), and a browser never shows them. They are left out, and its
    questions said; so are an exercise's ``<div class="tutorial-exercise-support" data-label="…-hint">``
    (and ``-solution``, ``-check``), as its chunks in the .Rmd are (port cc 1). Line for line."""
    lines = body.split("\n")
    starts = line_starts(lines)
    code = fenced(body)
    questions: list[tuple[int, str]] = []
    support: list[tuple[int, str]] = []
    number = 0
    while number < len(lines):
        line = lines[number]
        script = _SHINY_SCRIPT.fullmatch(line) if "shiny-prerendered" in line else None
        support_div = _LEARNR_SUPPORT.fullmatch(line) if "tutorial-exercise-support" in line else None
        if (script is None and support_div is None) or in_spans(code, starts[number]):
            number += 1
            continue
        if script is not None:
            end = next((n for n in range(number, len(lines)) if "</script>" in lines[n].lower()), None)
            if end is None:
                number += 1
                continue
            held = "\n".join(lines[number : end + 1])
            if "question_prerendered_chunk" in held or "learnr_radio" in held or "learnr_checkbox" in held:
                label = _LEARNR_LABEL.search(held)
                questions.append((number, label[1] if label else "?"))
        else:
            assert support_div is not None
            depth, end = 0, None
            for later in range(number, len(lines)):
                depth += len(re.findall(r"<div\b", lines[later], re.I)) - lines[later].lower().count("</div>")
                if depth <= 0:
                    end = later
                    break
            if end is None:
                number += 1
                continue
            support.append((number, support_div[1] or support_div[2]))
        _blank(lines, number, end + 1)
        number = end + 1
    left = []
    if questions:
        names = ", ".join(f"'{name}'" for _, name in questions)
        are = "is" if len(questions) == 1 else "are"
        message = (
            f"learnr's question{'s' if len(questions) > 1 else ''} {names} {are} left out: a knitted tutorial keeps"
            " its right answers in the page's source (in a '<script type=\"application/shiny-prerendered\">'),"
            " for its server; ask each as a '::: question' ('- [x]' choices, or '= answer')"
        )
        left.append(LeftOut(questions[0][0], message))
    if support:
        names = ", ".join(f"'{name}'" for _, name in support)
        message = f"learnr's exercise support ({names}: hints, solutions, checks) is left out, as its chunks are"
        left.append(LeftOut(support[0][0], message))
    return "\n".join(lines), left
