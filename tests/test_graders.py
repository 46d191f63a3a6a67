"""Autograders' answers and tests are left out, as their student versions leave them out (port u):
otter-grader's solution and test cells, '<!-- BEGIN SOLUTION -->' markers, nbgrader's answer cells
and hidden tests, DataCamp's solution and grader sections. Each had been published."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import MakeCourse, boxes, files_holding, parse_lesson

from masterysite.build import build


def text(html: str) -> str:
    """The HTML's text, without its tags (highlighted code is in spans)."""
    return re.sub(r"<[^>]+>", "", html)


OTTER = """\
```otter
# BEGIN QUESTION
name: q1
points: 2
```

**Question 1.** Assign `x` to the smallest prime number.

```otter
# BEGIN SOLUTION
```

```r
x <- 2 # SOLUTION
```

```otter
# END SOLUTION
```

```otter
# BEGIN TESTS
```

```r
# HIDDEN
testthat::expect_equal(x, SECRET_TEST)
```

```otter
# END TESTS
```

```otter
# END QUESTION
```

**Question 4.** What does equilateral mean?

<!-- #raw -->
# BEGIN SOLUTION
<!-- #endraw -->

SECRET_ANSWER: having equal side lengths.

<!-- #raw -->
# END SOLUTION
<!-- #endraw -->

After the question.
"""


def test_otter_graders_solutions_tests_and_configuration_are_left_out() -> None:
    html, problems = parse_lesson(OTTER)
    html = text(html)
    assert "SECRET" not in html and "BEGIN" not in html and "name: q1" not in html and "x &lt;- 2" not in html
    assert "Assign x to the smallest prime number." in html and "After the question." in html
    assert problems == [
        "units/a.md:13: warning: otter-grader's solution between '# BEGIN SOLUTION' and '# END SOLUTION' is left"
        " out, as in its student version (and 1 more in this unit) [left-out]",
        "units/a.md:25: warning: otter-grader's tests (hidden ones too) between '# BEGIN TESTS' and '# END TESTS'"
        " are left out, as in its student version [left-out]",
    ]


NBCONVERT = """\
# ASSIGNMENT CONFIG
name: hw01
seed:
    autograder_value: SECRET_SEED
files:
    - data.csv

```python
import numpy as np
```
# BEGIN QUESTION
name: q1
all_or_nothing: true
**Question 1.** Assign `x` to the smallest prime number.
# BEGIN SOLUTION

```python
x = SECRET_CODE # SOLUTION
```
# END SOLUTION# BEGIN TESTS

```python
assert hailstone(9) == SECRET_HIDDEN
```

    True

# END TESTS# END QUESTION# BEGIN QUESTION
name: q2
**Question 2.** What does equilateral mean?
# BEGIN SOLUTION

**SOLUTION**: SECRET_WRITTEN side lengths.
# END SOLUTION# END QUESTION
This cell is not part of a question.

# BEGIN a heading of the lesson's own
"""


def test_otter_marker_cells_as_nbconvert_writes_them_are_read_too() -> None:
    """nbconvert's Markdown writes otter's raw cells as bare lines, glued when two follow each other ('# END
    SOLUTION# BEGIN TESTS'): they had been headings, and the written solutions, hidden tests and settings
    between them were published under a warning that said they were left out (port cc 4)."""
    html, problems = parse_lesson(NBCONVERT)
    html = text(html)
    assert "SECRET" not in html and "SOLUTION" not in html and "name: q" not in html and "data.csv" not in html
    assert "Assign x to the smallest prime number." in html and "What does equilateral mean?" in html
    assert "import numpy as np" in html and "This cell is not part of a question." in html
    assert "BEGIN a heading of the lesson's own" in html
    assert problems == [
        "units/a.md:19: warning: otter-grader's solution between '# BEGIN SOLUTION' and '# END SOLUTION' is left"
        " out, as in its student version (and 1 more in this unit) [left-out]",
        "units/a.md:24: warning: otter-grader's tests (hidden ones too) between '# BEGIN TESTS' and '# END TESTS'"
        " are left out, as in its student version [left-out]",
    ]
    html, _ = parse_lesson("# BEGIN SOLUTION\n\nA lesson's own heading, and no end.\n")
    assert "<h1" in html and "no end." in html


KNITTED_LEARNR = """\
Which package installs packages?

<div class="tutorial-exercise" data-label="print-limit" data-caption="Code">

```text
mtcars
```

</div>

<div class="tutorial-exercise-support" data-label="print-limit-hint" data-caption="Code">

```text
SECRET_HINT(mtcars)
```

</div>

After the exercise.

<!--html_preserve-->
<script type="application/shiny-prerendered" data-context="server">
learnr:::question_prerendered_chunk(structure(list(type = "learnr_radio", label = "quiz-1", answers = list(
structure(list(option = "base", correct = FALSE)), structure(list(option = "SECRET", correct = TRUE))))))
</script>
<!--/html_preserve-->
<script type="application/shiny-prerendered" data-context="server-start">SECRET_SERVER()</script>

```html
<script type="application/shiny-prerendered">shown as code</script>
```
"""


def test_a_knitted_learnr_tutorials_quiz_scripts_and_hints_are_left_out() -> None:
    """Knitting a learnr tutorial (README: knit .Rmd first) puts its quizzes, right answers and all, in
    '<script type="application/shiny-prerendered">' for its server, and its hints in support divs: both were
    published, the only word a '[script]' warning advising csp: false (port cc 1)."""
    html, problems = parse_lesson(KNITTED_LEARNR)
    assert "SECRET" not in html and "correct" not in html and "mtcars" in html and "After the exercise." in html
    assert "shiny-prerendered" in html and "shown as code" in text(html)  # (in code: as written)
    assert problems == [
        "units/a.md:15: warning: learnr's exercise support ('print-limit-hint': hints, solutions, checks) is left"
        " out, as its chunks are [left-out]",
        "units/a.md:26: warning: learnr's question 'quiz-1' is left out: a knitted tutorial keeps its right answers"
        " in the page's source (in a '<script type=\"application/shiny-prerendered\">'), for its server; ask each"
        " as a '::: question' ('- [x]' choices, or '= answer') [left-out]",
    ]


def test_html_comment_solution_markers_leave_the_solution_out_and_must_be_closed() -> None:
    body = (
        "Explain why.\n\n<!-- BEGIN SOLUTION -->\nSECRET because of **this**.\n\n```python\nSECRET = 1\n```\n"
        "<!-- END SOLUTION -->\n\nNext.\n\n"
        "Shown to teachers as it is written:\n\n```markdown\n<!-- BEGIN TESTS -->\nkept\n<!-- END TESTS -->\n```\n"
    )
    html, problems = parse_lesson(body)
    assert "SECRET" not in html and "Explain why." in html and "Next." in html
    assert "&lt;!-- BEGIN TESTS --&gt;\nkept" in html  # in a code block: as written
    assert problems == [
        "units/a.md:7: warning: the solution between '<!-- BEGIN SOLUTION -->' and '<!-- END SOLUTION -->' is left"
        " out, as the student version of its tool (otter-grader…) leaves it out [left-out]"
    ]
    _, problems = parse_lesson("Why?\n\n<!-- BEGIN SOLUTION -->\nSECRET\n\n::: note\nN.\n:::\n")
    assert problems == [
        "units/a.md:7: '<!-- BEGIN SOLUTION -->' is never closed: end it with '<!-- END SOLUTION -->' (as it is,"
        " the rest of the unit is left out with it)"
    ]


NBGRADER = """\
Write `squares(n)`.

```python nbgrader={"grade": false, "grade_id": "squares", "locked": false, "schema_version": 3, "solution": true}
def squares(n):
    ### BEGIN SOLUTION
    return SECRET_CODE
    ### END SOLUTION
```

```python nbgrader={"grade": true, "grade_id": "t", "locked": false, "schema_version": 3, "solution": false}
assert squares(1) == [1]
### BEGIN HIDDEN TESTS
assert squares(10) == SECRET_HIDDEN
### END HIDDEN TESTS
```

<!-- #region nbgrader={"grade": true, "grade_id": "eq", "locked": false, "schema_version": 3, "solution": true} -->
$SECRET_{i=1}^n i^2$
<!-- #endregion -->

```python nbgrader={"grade": true, "grade_id": "app", "locked": false, "schema_version": 3, "solution": true}
def pyramidal_number(n):
    return SECRET_WHOLE(n)
```

+++ {"nbgrader": {"grade": true, "grade_id": "eq2", "locked": false, "schema_version": 3, "solution": true}}

SECRET_MYST answer.

+++

```{code-cell}
---
nbgrader:
  grade: true
  solution: true
---
SECRET_CELL = 1
```

+++ {"nbgrader": {"grade": false, "locked": true, "solution": false}}

The end.
"""


def test_nbgrader_answer_cells_and_hidden_tests_are_left_out() -> None:
    html, problems = parse_lesson(NBGRADER)
    html = text(html)
    assert "SECRET" not in html and "nbgrader" not in html
    assert "### YOUR CODE HERE" in html and "assert squares(1) == [1]" in html and "The end." in html
    assert problems == [
        "units/a.md:7: warning: a solution in this code (nbgrader's or otter-grader's markers) is left out, as"
        " their student versions leave it out (and 1 more in this unit); to show a solution after the student"
        " tries, write it in a '::: solution' block [left-out]",
        'units/a.md:21: warning: nbgrader\'s answer cell (marked "solution": true) is left out: its student version'
        " replaces it with 'YOUR ANSWER HERE' (and 1 more in this unit) [left-out]",
        "units/a.md:25: warning: nbgrader's answer cell (marked \"solution\": true, with no '### BEGIN SOLUTION' in"
        " it) is left out: its student version replaces it (and 1 more in this unit) [left-out]",
    ]


DATACAMP = """\
--- type:NormalExercise lang:r xp:100 skills:1 key:0f9caee3f2
## Introducing maximum likelihood

*** =instructions

Change the `mean` so that the most likely outcome is 42.

*** =hint
Look at the `mean` argument.
*** =pre_exercise_code
```r
set.seed(SECRET_SEED)
```
*** =sample_code
```r
y <- rnorm(n = 100, mean = ___, sd = 1)
```
*** =solution
```r
y <- rnorm(n = 100, mean = SECRET_SOLUTION, sd = 1)
```
*** =sct
```r
test_mc(correct = SECRET_SCT)
```

--- type:MultipleChoiceExercise lang:r xp:50 skills:7 key:f39da61dd9
## The term likelihood

`@solution`
```r
SECRET_NEW_FORMAT
```

---
## Next exercise

Still shown.

::: question o
What is 2 + 2?

= 4
:::
"""


def test_datacamp_solutions_and_graders_are_left_out_and_its_hint_is_collapsed() -> None:
    html, problems = parse_lesson(DATACAMP)
    assert "SECRET" not in html and "mean = ___" in text(html) and "=instructions" not in html and "type:" not in html
    assert "Change the <code>mean</code>" in html and "Still shown." in html
    assert "<summary>Hint</summary>" in html and "Look at the <code>mean</code> argument." in html
    assert html.index("<summary>Hint</summary>") < html.index("Look at the") < html.index("</details>")
    left = [p for p in problems if "[left-out]" in p]
    assert [p.split(": warning: ")[0] for p in left] == [
        "units/a.md:14",
        "units/a.md:22",
        "units/a.md:26",
        "units/a.md:34",
    ]
    assert (
        "DataCamp's '*** =solution' section is left out (DataCamp shows it only when the learner gives up)" in left[1]
    )


def test_no_grader_answer_reaches_the_built_site(make_course: MakeCourse, tmp_path: Path) -> None:
    root = make_course(
        {
            "course.yml": "title: T\nignore: [no-question, left-out, shown-as-text]\n",
            "units/a.md": "---\ntitle: A\n---\n\n" + OTTER,
            "units/b.md": "---\ntitle: B\n---\n\n" + NBGRADER,
            "units/c.md": "---\ntitle: C\n---\n\n" + DATACAMP.split("::: question")[0],
        }
    )
    build(root, tmp_path / "site")
    assert files_holding(tmp_path / "site", b"SECRET") == []


def test_nbgraders_hidden_tests_alone_are_said_as_such() -> None:
    html, problems = parse_lesson(
        "```python\nassert f(1) == 1\n### BEGIN HIDDEN TESTS\nassert f(2) == SECRET\n### END HIDDEN TESTS\n```\n"
    )
    assert (
        "SECRET" not in html and "HIDDEN" not in html and 'f</span><span class="p">(</span><span class="mi">1' in html
    )
    assert problems == [
        "units/a.md:5: warning: nbgrader's hidden tests in this code ('### BEGIN HIDDEN TESTS') are left out, as its"
        " student version leaves them out; to show a solution after the student tries, write it in a '::: solution'"
        " block [left-out]"
    ]


def test_quizzes_of_other_tools_that_mark_their_answer_are_said() -> None:
    """LiaScript's and edX's quizzes mark the right answer in the text (port u 4, 6): shown as text, said
    once a unit, where the first is; in a question, '- [[X]] …' would be a blank whose answer is 'X' (7)."""
    lia = "Which?\n\n- [( )] Not this\n- [(X)] **This one**\n\nMore:\n\n[[ 6 | ( 6x^5 ) | 5x^6 ]]\n\n- [ (X) ( ) ] a\n"
    _, problems = parse_lesson(lia)
    assert problems == [
        "units/a.md:8: warning: '- [(X)] **This one**' is LiaScript's single choice, which is not read here: it is"
        " shown as text, the right answer marked for everyone; write it as a '::: question' with '- [x]' / '- [ ]'"
        " choices (the right ones ticked) (and 2 more in this unit) [shown-as-text]"
    ]
    _, problems = parse_lesson("Pick:\n\n( ) wrong\n(x) the right one\n\n[explanation]\nBecause.\n[/explanation]\n")
    assert [p.split(": warning: ")[0] for p in problems] == ["units/a.md:8"]
    assert "edX's multiple choice" in problems[0] and "(and 1 more in this unit)" in problems[0]
    _, problems = parse_lesson("(x) is a function of x.\n\nIt maps [[ 1, 2, 3 ]] to itself, [[(1, 2) | (3, 4)]].\n")
    assert not any("edX" in p or "selection" in p for p in problems), problems  # no '( )': a lesson's own line
    _, problems = parse_lesson(
        "::: question o\nWhich are safe?\n\n- [[X]] float -> double\n- [[ ]] double -> float\n:::\n\n"
        "::: question o\nA pair?\n\n[[(1, 2) | 1, 2 | (1,2)]]\n:::\n"
    )
    errors = [p for p in problems if "LiaScript" in p]
    assert errors == [
        "units/a.md:8: '- [[X]] float -> double' is LiaScript's multiple choice, which is not read here: it would be"
        " a blank whose answer is the mark; write it as a '::: question' with '- [x]' / '- [ ]' choices (the right"
        " ones ticked)",
        "units/a.md:9: '- [[ ]] double -> float' is LiaScript's multiple choice, which is not read here: it would be"
        " a blank whose answer is the mark; write it as a '::: question' with '- [x]' / '- [ ]' choices (the right"
        " ones ticked)",
    ]
    assert not any("selection" in p for p in problems)  # a tuple's blank is not a selection quiz


def test_a_text2qti_quiz_outside_a_question_is_said_with_its_answers() -> None:
    """text2qti (Canvas) marks the right choice '*c) 5' or '[*] T. rex': published as practice text, the
    answer key was shown with no word but the lettered-list one (port aa 6). Said once a unit."""
    body = "1.  What is 2+3?\na)  6\n*c) 5\n\n1.  Dinosaurs?\n[ ] Mammoth\n[*] Tyrannosaurus rex\n"
    _, problems = parse_lesson(body)
    said = [p for p in problems if "text2qti" in p]
    assert said == [
        "units/a.md:7: warning: '*c) 5' is a text2qti (Canvas) quiz's right answer, which is not read here: it is"
        " shown as text, the right answer marked for everyone; write it as a '::: question' with '- [x]' / '- [ ]'"
        " choices (the right ones ticked) (and 1 more in this unit) [shown-as-text]"
    ]
    _, problems = parse_lesson("* a bullet\n* another) one\n\n```\n[*] in code\n```\n")
    assert not any("text2qti" in p for p in problems)


def test_a_liascript_solution_in_a_question_is_an_error() -> None:
    """LiaScript's solution, the text between two lines of '****', moved into a question with its blank
    had been the question's text, in the page before the student answered (port aa 1). One line of
    '***' is no solution; a '> explanation' is the way."""
    body = (
        "::: question o\nWhat is $37 + 15$?\n\n[[52]]\n\n[[?]] larger than 50\n\n" + "*" * 40 + "\n\n"
        "52 is the SOLUTION.\n\n" + "*" * 40 + "\n:::\n"
    )
    _, problems = parse_lesson(body)
    assert [p for p in problems if "objective" not in p] == [
        "units/a.md:12: the text between two lines of '***' is LiaScript's solution, which here is part of the"
        " question's text, in the page before the student answers: write it as a '> explanation' line after the"
        " answer (shown once the question is checked), and remove the '***' lines"
    ]
    html, problems = parse_lesson("::: question o\nWhat is 2 + 2?\n\n***\n\n[[4]]\n\n> Because.\n:::\n")
    assert [p for p in problems if "LiaScript" in p] == [] and "Because" not in html


def test_a_runestone_quiz_is_said_with_its_answer() -> None:
    """thinkcspy's '.. mchoice::' is published as text with ':correct: b' (port u 9): said."""
    body = ".. mchoice:: db_qex32\n   :answer_a: a\n   :answer_b: b\n   :correct: b\n\n   Which?\n"
    _, problems = parse_lesson(body)
    assert problems == [
        "units/a.md:5: warning: '.. mchoice:: db_qex32' is a Runestone quiz (reStructuredText), with its ':correct:'"
        " answer, which is not read here: it is shown as text, the right answer marked for everyone; write it as a"
        " '::: question' with '- [x]' / '- [ ]' choices (the right ones ticked) [shown-as-text]"
    ]


def test_a_quizdown_fence_is_said_with_its_answers() -> None:
    """A '```quizdown' fence (docsify's, Quarto's and MkDocs' quizdown plugins) was shown as code, '1. [x]'
    ticked, with no word (port w 3): said once a unit. A fence of another language is not."""
    body = "```quizdown\n#### Who?\n\n1. [x] Tim\n1. [ ] Alan\n```\n\n```markdown\n1. [x] Tim\n```\n"
    html, problems = parse_lesson(body + "\n``` quizdown\n- [x] b\n```\n")
    assert "Tim" in html and problems == [
        "units/a.md:5: warning: '```quizdown' is a quizdown quiz, which is not read here: it is shown as code, the"
        " right answers ticked for everyone; write each question as a '::: question' with '- [x]' / '- [ ]' choices"
        " and '> feedback' (and 1 more in this unit) [shown-as-text]"
    ]
    assert parse_lesson(body.replace("quizdown", "text", 1))[1] == []


def test_a_line_that_only_names_an_annotation_is_no_datacamp_section() -> None:
    """'`@Override`' alone on a line of a Java lesson that mentions BEGIN: kept (it is DataCamp's only in its files)."""
    html, problems = parse_lesson("BEGIN with the annotation:\n\n`@Override`\n\nThen the method.\n")
    assert "<code>@Override</code>" in html and problems == []


def test_datacamps_numbered_steps_and_its_multiple_choice_answers_are_left_out() -> None:
    """A Bullet exercise numbers its sections ('*** =solution1', '*** =sct1', '*** =hint1'), and the Teach
    format marks a multiple-choice exercise's right answer in brackets under '`@possible_answers`', with
    '`@feedback`' after it: each was published (port cc 5, 16); so was the exercise's ```yaml header."""
    body = (
        "--- type:BulletConsoleExercise key:1\n## Undo\n\n*** =type1: ConsoleExercise\n*** =instructions1\n"
        "Undo the change.\n\n*** =hint1\nUse checkout.\n\n*** =solution1\n```\nSECRET_STEP\n```\n\n"
        "*** =sct1\n```\nEx().has_code('SECRET_SCT')\n```\n\n---\n\n## Which?\n\n"
        "```yaml\ntype: PureMultipleChoiceExercise\nkey: SECRET_KEY\nxp: 50\n```\n\nWhich does Git do?\n\n"
        "`@possible_answers`\n- Track changes.\n- [SECRET_ALL of the above.]\n\n"
        "`@feedback`\n- Not all.\n- SECRET_Correct.\n\n## After\n\nShown.\n"
    )
    html, problems = parse_lesson(body)
    assert "SECRET" not in html and "=type1" not in html and "Undo the change." in html and "Shown." in html
    assert "<summary>Hint</summary>" in html and "Which does Git do?" in html
    assert [p.split("' section")[0].split(": warning: ")[1] for p in problems if "[left-out]" in p] == [
        "DataCamp's '*** =solution",
        "DataCamp's '*** =sct",
        "DataCamp's '`@possible_answers`",
        "DataCamp's '`@feedback`",
    ]


def test_cells_a_tools_student_version_removes_are_left_out_with_their_output() -> None:
    """Neuromatch Academy's '# to_remove solution' / '# to_remove explanation' cells, Kaggle Learn's
    '#%%RM_IF(PROD)%%' cells and jAssign's '# HIDDEN TEST' cells, its settings and written '**SOLUTION**:'
    answers were published, with what a solution printed below it (port cc 7, 9, 20, 21)."""
    body = (
        "Write it.\n\n```python\n# to_remove solution\ndef f():\n    return SECRET_NMA\n```\n\n"
        '    SECRET_OUTPUT\n\nThink!\n\n```python\n# to_remove explanation\n"""SECRET_WHY"""\n```\n\n'
        "```python\n#%%RM_IF(PROD)%%\ny = SECRET_KAGGLE\n```\n\n"
        "**Question 1.** Name it.\n\n```\nBEGIN QUESTION\nname: SECRET_q1\n```\n\n"
        "```python\nx = SECRET_X # SOLUTION\nprint(x)\n```\n\n    SECRET_PRINTED\n\n"
        "```python\n# HIDDEN TEST\nx == SECRET_TEST\n```\n\n    True\n\n"
        "```python\n# TEST\nisinstance(x, int)\n```\n\n"
        "**SOLUTION**: SECRET_WRITTEN side\nlengths.\n\nShown after.\n\n    an indented block of the lesson\n"
    )
    html, problems = parse_lesson(body)
    assert "SECRET" not in html and "BEGIN" not in html, html
    assert "Write it." in html and "Think!" in html and "isinstance(x, int)" in text(html) and "Shown after." in html
    assert "an indented block of the lesson" in html
    assert [p.split(": warning: ")[1][:40] for p in problems] == [
        "Neuromatch Academy's '# to_remove soluti",
        "Neuromatch Academy's '# to_remove explan",
        "Kaggle Learn's '#%%RM_IF(PROD)%%' cells ",
        "a solution in this code (nbgrader's or o",
        "jAssign's (otter-grader's) '# HIDDEN TES",
        "jAssign's (otter-grader's) written answe",
    ]


def test_nbgraders_mark_scheme_is_left_out_and_must_be_closed() -> None:
    """A task cell's rubric between '=== BEGIN MARK SCHEME ===' and '=== END MARK SCHEME ===' (nbgrader's student
    version has none) was published, model answer and all (port cc 9)."""
    body = "What is power?\n\n=== BEGIN MARK SCHEME ===\n\nSECRET is 1 - beta.\n\n=== END MARK SCHEME ===\n\nNext.\n"
    html, problems = parse_lesson(body)
    assert "SECRET" not in html and "MARK SCHEME" not in html and "What is power?" in html and "Next." in html
    assert problems == [
        "units/a.md:7: warning: nbgrader's mark scheme between '=== BEGIN MARK SCHEME ===' and '=== END MARK"
        " SCHEME ===' is left out, as in its student version [left-out]"
    ]
    _, problems = parse_lesson("Why?\n\n=== BEGIN MARK SCHEME ===\nSECRET\n")
    assert problems == [
        "units/a.md:7: nbgrader's '=== BEGIN MARK SCHEME ===' is never closed: end it with '=== END MARK SCHEME ==='"
        " (as it is, the rest of the unit is left out with it)"
    ]


def test_mdbook_admonish_callouts_are_read_and_collapsible_ones_collapsed() -> None:
    """mdbook-admonish's ```admonish example collapsible=true title="Solution"``` (how mdBook books fold a
    solution) was printed open, as a code block of raw Markdown (port cc 32)."""
    body = (
        'Try it.\n\n```admonish example collapsible=true title="Solution"\n`2 ** 10` is **SECRET**.\n```\n\n'
        '````admonish tip title="Config"\nUse:\n\n```json\n{"a": 1}\n```\n````\n\n```admonish\nPlain note.\n```\n'
    )
    html, problems = parse_lesson(body)
    assert problems == []
    assert [(tag, title) for tag, _, title in boxes(html)] == [
        ("details", "Solution"), ("aside", "Config"), ("aside", "<!--ms-t:block_note-->")
    ]  # fmt: skip
    assert "<strong>SECRET</strong>" in html.split("<summary>Solution</summary>")[1].split("</details>")[0]
    assert "language-admonish" not in html


def test_a_datacamp_hint_ends_at_the_next_heading() -> None:
    """A '*** =hint' that is the last section ends where the exercise does (a heading, '---'), as the
    left-out sections do: it had swallowed the rest of the unit, the quiz too (new teacher v 3)."""
    body = (
        "*** =solution\n```python\nSECRET\n```\n*** =hint\nRemember the plus sign.\n\n## Next part\n\nShown.\n\n"
        "*** =hint\nAnother hint.\n## Glued\n\nAlso shown.\n"
    )
    html, problems = parse_lesson(body)
    assert "SECRET" not in html and html.count("<summary>Hint</summary>") == 2
    assert html.index("Remember the plus sign.") < html.index("</details>") < html.index('<h2 id="next-part"')
    assert html.rindex("</details>") < html.index('<h2 id="glued"') < html.index("Also shown.")
    assert [p for p in problems if "left-out" not in p] == []


def test_a_lesson_that_shows_the_markers_keeps_them() -> None:
    """A lesson explaining how to mark a solution: its ```text and ```markdown examples are shown as written
    (they had become '# YOUR CODE HERE' and a broken '<!-- YOUR CODE HERE': new teacher v 4); code an
    autograder runs still loses its solution."""
    body = (
        "```text\n# BEGIN SOLUTION\nx = 42  # EXAMPLE_1\n# END SOLUTION\n```\n\n"
        "```markdown\n<!-- BEGIN SOLUTION -->\nYour answer EXAMPLE_2\n<!-- END SOLUTION -->\n```\n\n"
        "```python\n# BEGIN SOLUTION\nx = SECRET\n# END SOLUTION\n```\n"
    )
    html, problems = parse_lesson(body)
    shown = text(html)
    assert "x = 42  # EXAMPLE_1" in shown and "&lt;!-- BEGIN SOLUTION --&gt;\nYour answer EXAMPLE_2" in shown
    assert "SECRET" not in shown and "# YOUR CODE HERE" in shown and len(problems) == 1


def test_nbgraders_solution_markers_in_text_are_read_as_in_code() -> None:
    """nbgrader replaces a Markdown cell's region from '### BEGIN SOLUTION' to '### END SOLUTION' too: the
    markers had been published as two headings with the answer between them (port cc 11)."""
    html, problems = parse_lesson("Explain why.\n\n### BEGIN SOLUTION\nSECRET: 42.\n### END SOLUTION\n\nNext.\n")
    assert "SECRET" not in html and "SOLUTION" not in html and "Explain why." in html and "Next." in html
    assert problems == [
        "units/a.md:7: warning: nbgrader's solution between '### BEGIN SOLUTION' and '### END SOLUTION' is left out:"
        " its student version replaces it with 'YOUR ANSWER HERE' [left-out]"
    ]
    _, problems = parse_lesson("Why?\n\n## BEGIN SOLUTION\nSECRET\n\n### END SOLUTION\n\n### BEGIN SOLUTION\nOpen.\n")
    assert problems[1:] == [
        "units/a.md:12: nbgrader's '### BEGIN SOLUTION' is never closed: end it with '### END SOLUTION' (as it is,"
        " the rest of the unit is left out with it)"
    ]


def test_a_line_of_double_brackets_is_read_in_linear_time() -> None:
    """A line of '[[[[…' never closed had each '[[' look for a ']]' to the end of the line: 80,000 characters took
    76 s in the selection quiz's check, and every build, check, serve and report with it (security round ee 2).
    Now milliseconds; the alarm (10 s) is far from both, so a slow machine does not fail it."""
    import signal

    def too_slow(signum: int, frame: object) -> None:
        raise TimeoutError("the selection quiz's check is superlinear again (benchmarks/pathological.py)")

    before = signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(10)
    try:
        _, problems = parse_lesson("[[" * 40_000 + "\n\nIt maps [[ a | (b) | c ]] to itself.\n")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)
    assert any("selection quiz" in p for p in problems)


@pytest.mark.parametrize(
    "body",
    [
        "\\[" * 40_000,  # each '\[' had read on to the next ']' (the '\(…\)' math warning; security round ff 01)
        "```python\nx = 1  # SOLUTION\n" + " " * 20_000 + "\n```\n",  # otter's marker, a line of spaces (ff 02)
        "A blank: [[x]].\n\n# " + " " * 20_000 + "x [[\n",  # a heading of spaces before '[[' (ff 05)
        "| a |\n|---|\n| 1 |\n\n: x" + " " * 20_000 + "y\n",  # a table caption of spaces (ff 06)
        "{{a(" * 20_000,  # mkdocs-macros' calls never ended (port hh 01)
        '{{ a("""' * 20_000,  # their strings never closed
        ("{{ a(" + "()" * 100) * 1_000,  # each read on to the end
    ],
    ids=["bracket math", "solution line", "anchored heading", "table caption", "macros", "strings", "parens"],
)
def test_runs_of_white_space_and_openers_are_read_in_linear_time(body: str) -> None:
    """Four patterns split a run of spaces every way before failing (cubic: 4,000 spaces took 10-30 s, 20,000
    would take half an hour) or read on from every opener (quadratic). Each is now one pass: milliseconds,
    far from the alarm (10 s)."""
    import signal

    def too_slow(signum: int, frame: object) -> None:
        raise TimeoutError("superlinear again (benchmarks/pathological.py)")

    before = signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(10)
    try:
        parse_lesson(body)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)
