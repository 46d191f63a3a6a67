"""The build's judge (masterysite/judging.py): the shared case table, the pattern subset, and the
answer-line mistakes a teacher is told about."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from masterysite import hashing, judging
from masterysite.errors import Report
from masterysite.model import Question
from masterysite.parse.patterns import PatternError, translate
from masterysite.parse.unit import UnitSource, parse_unit
from tests.judging_cases import CASES, question_of

HEADER = "---\ntitle: T\nobjectives:\n  o: O\n---\n\n"


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['why'][:30]}:{c['response']!r}")
def test_the_case_table(case: dict[str, Any]) -> None:
    assert judging.judge(question_of(case), case["response"], case.get("comma", False)) is case["right"], case["why"]


def test_the_table_covers_every_kind() -> None:
    kinds = {a.kind for case in CASES if "answers" in case for a in question_of(case).answers}
    assert kinds == {"text", "number", "quantity", "range", "exact", "pattern"}
    assert {question_of(c).kind for c in CASES} == {"text", "blanks", "single", "multiple", "ordering"}


def parse(body: str) -> tuple[list[Question], Report]:
    report = Report()
    unit = parse_unit(HEADER + body, UnitSource("units/t.md", 0, None, ".", {}), report)
    assert unit is not None
    unit_level = {"no-corrective", "no-enrichment", "small-pool", "no-question"}
    report.problems = [p for p in report.problems if p.code not in unit_level]
    return list(unit.questions), report


def messages(body: str) -> list[str]:
    return [str(p) for p in parse(body)[1].problems]


def test_answer_lines_of_every_kind_in_a_unit() -> None:
    body = "::: question o\nWhich?\n\n= 0.75 ± 0.01\n== 3/4\n~ /three quarters?/i\n= three fourths\n:::\n"
    (q,), report = parse(body)
    assert report.problems == []
    assert [a.kind for a in q.answers] == ["range", "exact", "pattern", "text"]
    assert [a.line for a in q.answers] == [10, 11, 12, 13]
    assert judging.judge(q, "Three Quarters") and judging.judge(q, "0.755") and not judging.judge(q, "0.8")


def test_answer_lines_glued_to_the_prompt() -> None:
    (q,), report = parse("::: question o\nWrite 6/8 in simplest form.\n== 3/4\n~ /x/\n:::\n")
    assert report.problems == [] and [a.kind for a in q.answers] == ["exact", "pattern"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("= 9.97 ± lots", "units/t.md:10: '±' must be followed by a number (the tolerance): '= 0.75 ± 0.01'"),
        ("= 9.97 ±", "units/t.md:10: '±' must be followed by a number (the tolerance): '= 0.75 ± 0.01'"),
        (
            "= 1,000 m",
            "units/t.md:10: '1,000 m' is ambiguous: write 1000 m for a whole number, or 1.0 m for a decimal",
        ),
        ("= −1,000", "units/t.md:10: '−1,000' is ambiguous: write −1000 for a whole number, or −1.0 for a decimal"),
        ("= 5 +- x", "units/t.md:10: '+-' must be followed by a number (the tolerance): '= 0.75 +- 0.01'"),
        (  # edX's feedback on an answer line (port u 5): no student could type the answer; not a tolerance error
            "= 100 +-5 {{You can give feedback.}}",
            "units/t.md:10: '{{You can give feedback.}}' after the answer is edX's feedback, which is not read here"
            " (it would be part of the answer, which no student could type): write it as a '> explanation' line"
            " after the answers",
        ),
        (
            "= Paris {{Yes, since 987.}}",
            "units/t.md:10: '{{Yes, since 987.}}' after the answer is edX's feedback, which is not read here (it would"
            " be part of the answer, which no student could type): write it as a '> explanation' line after the"
            " answers",
        ),
        ("= 1,500 ± 50", "units/t.md:10: '1,500' is ambiguous: write 1500 for a whole number, or 1.5 for a decimal"),
        (
            "= 5000 ± 1,000",
            "units/t.md:10: '1,000' is ambiguous: write 1000 for a whole number, or 1.0 for a decimal",
        ),
        (
            "~ /(\\d+,? ?)+/",
            "units/t.md:10: pattern /(\\d+,? ?)+/: '(\\d+,? ?)+' repeats a group that can match the same text in many"
            " ways: on a long wrong answer the check can take minutes (in the student's browser and in the report);"
            " repeat one class instead, such as '[\\d, ]+' or '[a-z ]+'",
        ),
        (
            "= 1.2 kg ± 0.05 g",
            "units/t.md:10: '1.2 kg' and '0.05 g' have different units: write one ('= 1.2 ± 0.05 kg')",
        ),
        (
            "= (1.2 ± 0.05) kg | 1.2 ± 0.05",
            "units/t.md:10: one range a line: write each accepted answer on a line of its own, '= 1.2 ± …'",
        ),
        (  # per cent, as on paper (new teacher aa 1): it had been the unit '%·m/s', no answer right
            "= 340 ± 5% m/s",
            "units/t.md:10: a tolerance in per cent ('5%') is not read: it would make '%' part of the unit, and no"
            " answer right; write the tolerance in the answer's unit, '= 340 ± 17 m/s' (5% of 340)",
        ),
        (
            "= 340 m/s ± 5 %",
            "units/t.md:10: a tolerance in per cent ('5%') is not read: it would make '%' part of the unit, and no"
            " answer right; write the tolerance in the answer's unit, '= 340 m/s ± 17' (5% of 340 m/s)",
        ),
        (
            "= 0.75 ± 2%",
            "units/t.md:10: a tolerance in per cent ('2%') is not read: it would make '%' part of the unit, and no"
            " answer right; write the tolerance in the answer's unit, '= 0.75 ± 0.015' (2% of 0.75); if the answer is a"
            " percentage, '= 0.75% ± 2%'",
        ),
        (  # (the empirical rule's 68 %, one percentage point either way: new teacher dd 7)
            "= 68 ± 1%",
            "units/t.md:10: a tolerance in per cent ('1%') is not read: it would make '%' part of the unit, and no"
            " answer right; write the tolerance in the answer's unit, '= 68 ± 0.68' (1% of 68); if the answer is a"
            " percentage, '= 68% ± 1%'",
        ),
        ("= 1.2 kg ± -0.05", "units/t.md:10: the tolerance after '±' must be positive: '= 1.2 ± 0.05 kg'"),
        ("= about ± 3", "units/t.md:10: '±' needs a number before it: '= 0.75 ± 0.01'"),
        ("~ colou?r", "units/t.md:10: write a pattern between slashes: '~ /colou?r/' (or '/…/i' to ignore case)"),
        ("~ /a/g", "units/t.md:10: unknown pattern flag 'g': only '/…/i' (ignore case) is supported"),
        (
            "~ /(?<=a)b/",
            "units/t.md:10: pattern /(?<=a)b/: lookbehind '(?<=' is read differently by Python and"
            " JavaScript: rewrite without it",
        ),
        ("= ```", "units/t.md:10: a code fence cannot start on an answer line: write '== answer' (exact) on one line"),
        ("==", "units/t.md:10: free-response answer is empty: write it after '== '"),
    ],
)
def test_answer_line_mistakes_are_errors_at_their_line(line: str, message: str) -> None:
    assert messages(f"::: question o\nWhich?\n\n{line}\n:::\n") == [message]


@pytest.mark.parametrize(
    "text",
    ["-S", "../raw", "ls -l", "data.csv", "*.pdb", "--all", "my_file", "cd ..", "git status", "mkdir data", "pwd"],
)
def test_a_lenient_answer_that_looks_like_code_warns(text: str) -> None:
    problems = parse(f"::: question o\nWhich?\n\n= {text}\n:::\n")[1].problems
    assert [str(p) for p in problems] == [
        f"units/t.md:10: warning: '{text}' is compared ignoring case: write `==` to compare exactly [lenient-code]"
    ]


@pytest.mark.parametrize("text", ["-e^x - 2x", "-x + 1", "-e²", "-b + 4", "cat", "head of state", "apt"])
def test_a_formula_that_starts_with_a_minus_is_no_option(text: str) -> None:
    """'= -e^x - 2x' was said to look like code (an option '-e'), and the advice, '==', refused '-e^x-2x' and
    '−e^x − 2x', right under '=' (ii port 10)."""
    problems = parse(f"::: question o\nWhich?\n\n= {text}\n:::\n")[1].problems
    assert [p.code for p in problems] == []


@pytest.mark.parametrize(
    ("key", "said"),
    [
        ("= 020", "(a code or a postcode), write '== 020'"),
        ("= 3.50", "(significant figures), write '== 3.50'"),
        ("= 1.0", None),
        ("= 20", None),
        ("= 3.50\n== 3.50", None),
    ],
)
def test_zeros_a_number_by_value_drops_are_said(key: str, said: str | None) -> None:
    """'= 020' took '20' and '= 3.50' took '3.5', with no word (ii judge 8, 6); '= 1.0' is a whole number."""
    found = [str(p) for p in parse(f"::: question o\nWhich?\n\n{key}\n:::\n")[1].problems if p.code == "number-form"]
    assert (found[0].split("zeros matter ")[1].split(" (exact)")[0] if found else None) == said, found


def test_a_per_cent_tolerances_advice_writes_the_courses_decimal_comma() -> None:
    """In a French course, '= 1,013 ± 1 %' advised '= 1.013 ± 0.01013', which that course reads as 1013 (new teacher
    ee 2): the advice writes the course's comma."""
    report = Report()
    body = "::: question o\nLa densité ?\n\n= 1,013 ± 1 %\n:::\n"
    parse_unit(HEADER + body, UnitSource("units/t.md", 0, None, ".", {}, comma=True), report)
    assert [str(p) for p in report.problems] == [
        "units/t.md:10: a tolerance in per cent ('1%') is not read: it would make '%' part of the unit, and no answer"
        " right; write the tolerance in the answer's unit, '= 1,013 ± 0,01013' (1% of 1,013); if the answer is a"
        " percentage, '= 1,013% ± 1%'"
    ]
    report = Report()  # a tolerance with a decimal: as the teacher wrote it, not '0.1%' (new teacher ff 3)
    body = "::: question o\nLe taux ?\n\n= 4,5 ± 0,1 %\n:::\n"
    parse_unit(HEADER + body, UnitSource("units/t.md", 0, None, ".", {}, comma=True), report)
    assert "per cent ('0,1%')" in str(
        report.problems[0]
    ) and "(0,1% of 4,5); if the answer is a percentage, '= 4,5% ± 0,1%'" in str(report.problems[0])


def test_a_greek_letter_compared_ignoring_case_warns() -> None:
    """'= σ' took 'Σ' (a sum for a standard deviation) with no word (new teacher dd 9): a Greek letter's case is
    its meaning. Said for a symbol a Greek letter leads; not for a word nor a Latin letter ('= B', a choice)."""
    assert messages("::: question o\nThe standard deviation's symbol?\n\n= σ\n:::\n") == [
        "units/t.md:10: warning: 'σ' is compared ignoring case ('Σ' is right too), and a Greek letter's case is its"
        " meaning: write '== σ' to compare exactly [lenient-code]"
    ]
    assert [m[:40] for m in messages("::: question o\nThe change in x?\n\n= Δx\n:::\n")] == [
        "units/t.md:10: warning: 'Δx' is compared"
    ]
    assert messages("::: question o\nIt is [[ω₀]].\n:::\n")[0].endswith(
        "write '== ω₀' to compare exactly [lenient-code]"
    )
    assert messages("::: question o\nThe symbol?\n\n== σ\n:::\n") == []
    assert messages("::: question o\nWhich letter?\n\n= B\n:::\n") == []
    assert messages("::: question o\nThe word?\n\n= alpha\n:::\n") == []


@pytest.mark.parametrize(
    ("text", "number", "other"),
    [
        ("44 g/mol", "44", "44g/mol"),
        ("9.8 N/kg", "9.8", "9.8n/kg"),
        ("5 cm", "5", "5cm"),
        ("45°", "45", "45 °"),
        ("$0.75", "0.75", "0.75 $"),
    ],
)
def test_a_number_with_a_unit_warns_that_the_number_alone_is_wrong(text: str, number: str, other: str) -> None:
    (q,), report = parse(f"::: question o\nWhich?\n\n= {text}\n:::\n")
    assert [str(p) for p in report.problems] == [
        f"units/t.md:10: warning: '{text}' is a number with a unit: it is right however it is spaced or capitalised"
        f" ('{other}'), but '{number}' alone is marked wrong; add '= {number}' to accept the number alone; if the"
        " question asks for the unit, 'ignore: [unit-alone]' in the front matter silences this [unit-alone]"
    ]
    assert judging.judge(q, text.upper()) and judging.judge(q, other) and not judging.judge(q, number)
    assert parse(f"::: question o\nWhich?\n\n= {number}\n= {text}\n:::\n")[1].problems == []  # both accepted
    assert len(parse(f"::: question o\nSay [[{text}]].\n:::\n")[1].problems) == 1  # in a blank too


@pytest.mark.parametrize(
    ("text", "number", "shown", "bare"),
    [
        ("10 ± 0.05 m/s", "10", "10 m/s", "10 ± 0.05"),
        ("(1.25 ± 0.1) kg", "1.25", "1.25 kg", "1.25 ± 0.1"),
        ("$5 ± 0.50", "5", "$5", "5 ± 0.5"),
    ],
)
def test_a_range_with_a_unit_warns_that_the_number_alone_is_wrong(
    text: str, number: str, shown: str, bare: str
) -> None:
    """A science teacher's '= 10 ± 0.05 m/s' had been an error ("say the unit in the question"), so a
    conversion question with a tolerance could not accept the number with its unit (new teacher s)."""
    (q,), report = parse(f"::: question o\nWhich?\n\n= {text}\n:::\n")
    assert [str(p) for p in report.problems] == [
        f"units/t.md:10: warning: '{text}' is a range with a unit: '{shown}' is right, but '{number}' alone is"
        f" marked wrong; add '= {bare}' to accept the number alone; if the question asks for the unit,"
        " 'ignore: [unit-alone]' in the front matter silences this [unit-alone]"
    ]
    assert judging.judge(q, shown) and not judging.judge(q, number)
    (q,), report = parse(f"::: question o\nWhich?\n\n= {text}\n= {bare}\n:::\n")
    assert report.problems == [] and judging.judge(q, number) and judging.judge(q, shown)


@pytest.mark.parametrize("text", ["Paris", "new york", "3/4", "1 1/2", "0.75 ± 0.01", "e.g. this", "Mr. Smith"])
def test_plain_lenient_answers_do_not_warn(text: str) -> None:
    assert parse(f"::: question o\nWhich?\n\n= {text}\n:::\n")[1].problems == []


def test_exact_and_pattern_answers_never_warn() -> None:
    assert parse("::: question o\nWhich?\n\n== -S\n~ /-S/\n:::\n")[1].problems == []


def test_a_code_fence_opened_on_a_choice_line_is_one_error() -> None:
    body = "::: question o\nWhich?\n\n- [ ] ```bash\n  ls\n  ```\n  > swallowed\n- [x] two\n:::\n"
    assert messages(body) == [
        "units/t.md:10: a code fence cannot start on a choice line: write '- [x]' alone, then the code block on"
        " the next lines, indented under it"
    ]


def test_a_choice_may_be_a_code_block_alone_and_a_fence_on_a_choice_line_is_said_once() -> None:
    """Brown's Rust book asks which snippet is wrong: the choices are code. '- [x]' alone with the code
    block under it had been 'no text after its [ ]', though the advice said to write it so; a fence on the
    choice line gave three errors for one cause (port s)."""
    body = "::: question o\nWhich?\n\n- [x]\n  ```\n  let b2 = b;\n  ```\n\n- [ ] None\n\n> Moved.\n:::\n"
    ((question,), report) = parse(body)
    assert report.problems == [] and question.choices[0].html.startswith("<pre><code>let b2 = b;")
    cascade = (
        "::: question o\nWhich?\n\n- [x] ```\nlet b = 1;\n```\n\n- [x] ```\nb;\n```\n\n- [ ] None\n\n> Why.\n:::\n"
    )
    assert messages(cascade) == [
        "units/t.md:10: a code fence cannot start on a choice line: write '- [x]' alone, then the code block on"
        " the next lines, indented under it"
    ]


# --- the pattern subset --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "canonical"),
    [
        ("colou?r", "colou?r"),
        ("a|b", "a|b"),
        ("(ab){2,3}", "(?:ab){2,3}"),
        ("(?:a)+?", "(?:a)+?"),
        ("\\d+", "[0-9]+"),
        ("\\W", "[^A-Za-z0-9_]"),
        ("[\\w.-]+", "[A-Za-z0-9_.\\-]+"),
        ("a.c", "a[^\\n\\r\\u2028\\u2029]c"),
        ("^abc$", "abc"),
        ("\\*\\.pdb", "\\*\\.pdb"),
        ("a/b", "a\\/b"),
        ("x(?=y)y", "x(?=y)y"),
        ("\\u00e9", "\\u00e9"),
        ("[-a]", "[\\-a]"),
        ("(a|bc)+", "(?:a|bc)+"),  # a group that repeats, holding no repeat: fine
        ("(a+)?(b+){2,5}", "(?:a+)?(?:b+){2,5}"),  # a repeat in a group repeated a bounded number of times
        ("(\\w+ )*\\w+", "(?:[A-Za-z0-9_]+ )*[A-Za-z0-9_]+"),  # each word ends at a space, which no word holds
        ("(\\d+\\.)*\\d+", "(?:[0-9]+\\.)*[0-9]+"),
        ("((a+)b)+", "(?:(?:a+)b)+"),
        ("(cat|dog)+", "(?:cat|dog)+"),
    ],
)
def test_patterns_are_rewritten_into_the_shared_subset(source: str, canonical: str) -> None:
    assert translate(source) == canonical


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ("(?<=a)b", "lookbehind"),
        ("(?<!a)b", "lookbehind"),
        ("(?P<x>a)", "named groups"),
        ("(?<x>a)", "named groups"),
        ("(?i)abc", "inline flags"),
        ("(?s:a)", "inline flags"),
        ("abc\\Z", "\\Z"),
        ("\\Aabc", "\\A"),
        ("a*+", "possessive"),
        ("a++", "possessive"),
        ("a{2}+", "possessive"),
        ("\\bword\\b", "word boundary"),
        ("\\p{L}", "Unicode classes"),
        ("(a)\\1", "back-references"),
        ("a{", "literal '{'"),
        ("a{,3}", "literal '{'"),
        ("a]", "literal ']'"),
        ("[]a]", "first in a class"),
        ("[a", "never closed"),
        ("(a", "never closed"),
        ("a)", "unmatched"),
        ("*a", "nothing to repeat"),
        ("a**", "cannot follow"),
        ("(?=a)*", "nothing to repeat"),
        ("[z-a]", "out of order"),
        ("[a&&b]", "read differently"),
        ("[\\D]", "negated class"),
        ("a$b", "'$' may only end"),
        ("a^b", "'^' may only start"),
        ("\\x41", "\\u00XX"),
        ("\\q", "not an escape"),
        ("a{2000}", "above 1000"),
        ("\\", "lone"),
        ("(\\w+\\s?)*", "can match the same text in many ways"),
        ("(a{2,})+", "can match the same text in many ways"),
        ("(\\d{1,3},?)+", "can match the same text in many ways"),  # a bounded repeat inside, an optional comma
        ("(\\d{1,9})+", "can match the same text in many ways"),
        ("(a+a)+", "can match the same text in many ways"),  # what it must match, its repeat matches too
        ("(a|aa)+", "can match the same text in many ways"),  # two alternatives that start alike
        ("(" * 300 + "a" + ")" * 300, "groups nested 300 deep"),  # (had been 'nested too deeply to read': round y 11)
        # repeats side by side that overlap, a counted repeat of something optional (security round ee 03):
        ("\\w*\\s*\\w*\\s*\\w*\\s*\\w*", "of 1,000 'a's and '!' takes long to check"),  # "up to four words"
        ("\\d*\\d*\\d*", "of 1,000 '0's and '!' takes long"),
        ("(?:a?){30}a{30}", "takes long to check"),
        ("[a-z ]*[a-z]*[a-z ]*", "of 1,000 'a's"),
    ],
)
def test_patterns_outside_the_subset_are_rejected(source: str, fragment: str) -> None:
    with pytest.raises(PatternError, match=re.escape(fragment)):
        translate(source)


@pytest.mark.parametrize(
    "source",
    [
        ".*.*",
        ".*.*.*",  # (slow only on a line break, which no answer holds: review gg 07)
        ".*\\d+.*",
        ".+ .+ .+",
        "\\w*\\s*\\w*",
        "(\\w+ )*\\w+",
        ".*x.*",
        "\\d+(,\\d+)*",
        "\\s*\\d+\\s*[,.]\\s*\\d+\\s*",
        "[a-z]+( [a-z]+){0,3}",
    ],
)
def test_patterns_whose_repeats_cannot_split_a_text_many_ways_are_fine(source: str) -> None:
    """Two overlapping repeats are quadratic at worst: a 1,000-character answer in milliseconds."""
    translate(source)


def test_a_slow_pattern_is_an_error_at_its_line() -> None:
    assert messages("::: question o\nUp to four words?\n\n~ /\\w*\\s*\\w*\\s*\\w*\\s*\\w*/\n:::\n") == [
        "units/t.md:10: pattern /\\w*\\s*\\w*\\s*\\w*\\s*\\w*/: a wrong answer of 1,000 'a's and '!' takes long"
        " to check, far longer than a short one (in the student's browser and in the report): its repeats can split"
        " one text in many ways; repeat one class instead, such as '[\\w ]*' for '\\w*\\s*\\w*', or '\\d*'"
        " for '\\d*\\d*'"
    ]


def test_split_alternatives_keeps_a_pattern_whole() -> None:
    assert judging.split_alternatives("colour|color") == ["colour", "color"]
    assert judging.split_alternatives("== -S | ~ /a|b/i | x") == ["== -S", "~ /a|b/i", "x"]


def test_forms_per_slot() -> None:
    q = question_of({"answers": ["= 0.75", "= Paris", "== -S", "~ /x/", "= 1 ± 1"]})
    assert judging.accepted_forms(q) == [[("e", "-S"), ("n", "3/4"), ("t", "paris")]]
    assert judging.extras(q) == [judging.Extras((("0/1", "2/1"),), (("x", ""),))]
    # where the question asks for a '±' form, a range's own interval typed as written too (new teacher dd 1)
    q = question_of({"answers": ["= 1 ± 1"], "prompt": "<p>Write it as mean ± margin.</p>"})
    one = r"1(?:[.,]0*)?"  # (zeros after its decimals, or none: ii judge 11)
    interval = rf"(\( ?{one} ?(±|\+/?-) ?{one} ?\)|{one} ?(±|\+/?-) ?{one})"
    assert judging.extras(q) == [judging.Extras((("0/1", "2/1"),), ((interval, ""),))]


# --- blanks, ordering, hints ---------------------------------------------------------------------


def test_blanks_in_text_inline_code_and_a_code_block() -> None:
    body = (
        "::: question o\nThe spelling is [[colour|color]], and `ls [[== -S]]` sorts.\n\n"
        "```bash\nls [[~ /\\*\\.pdb/]] | wc -l\n```\n\n> Because.\n:::\n"
    )
    (q,), report = parse(body)
    assert report.problems == []
    assert q.kind == "blanks" and q.explanation_html == "<p>Because.</p>\n"
    assert [[a.kind for a in b] for b in q.blanks] == [["text", "text"], ["exact"], ["pattern"]]
    assert q.blanks[2][0].pattern == "\\*\\.pdb"  # the backslashes as written, in prose or code
    assert q.prompt_html.count("<input") == 3 and "[[" not in q.prompt_html and "colour" not in q.prompt_html
    assert '<code>ls <input type="text" class="blank" id="q-' in q.prompt_html
    assert judging.judge(q, ["Color", "-S", "*.pdb"]) and not judging.judge(q, ["Color", "-s", "*.pdb"])


def test_one_objective_per_question_and_numbered_items_in_order_are_fine() -> None:
    assert messages("::: question o p\nQ?\n\n= a\n:::\n") == [
        "units/t.md:7: '::: question o' tests one objective: 'p' after it is not read (write a question for each"
        " objective)"
    ]
    for numbers in ("1. a\n2. b\n3. c", "1. a\n1. b\n1. c", "3) a\n4) b"):
        assert messages(f"::: question o\nOrder:\n\n{numbers}\n:::\n") == []
    assert messages("::: question o\nWhat does `[[ -f x ]]` test?\n\n= a file\n:::\n") == []


def test_a_blanks_answer_is_plain_text_whatever_marks_it_holds() -> None:
    """Hyperbook's '[[e^x|2e^x]]' had been read as a superscript '^x|2e^' across the blank, and refused with
    advice to escape, which kept the backslash in the answer (ii port 1); '[[==a]] … [[==b]]' as a highlight."""
    (q,), report = parse("::: question o\nAbleitung von 2e^x: [[e^x|2e^x]]\n:::\n")
    assert report.problems == [] and [[a.text for a in b] for b in q.blanks] == [["e^x", "2e^x"]]
    assert judging.judge(q, ["e^x"]) and judging.judge(q, ["2e^x"]) and not judging.judge(q, ["2e"])
    (q,), report = parse("::: question o\nOptions: [[==-a]] and [[==-b]], x^2^.\n:::\n")
    assert report.problems == [] and [[a.text for a in b] for b in q.blanks] == [["-a"], ["-b"]]
    assert "x<sup>2</sup>" in q.prompt_html  # (outside a blank, a superscript is one)


def test_a_blank_in_prose_reads_markdowns_escapes_as_the_marks() -> None:
    """'[[== \\_\\_init\\_\\_]]', escaped as the error had advised, kept its backslashes: '__init__' was wrong and
    '\\_\\_init\\_\\_' right (ii judge 7). In prose an escape is the mark; a pattern and code keep theirs."""
    body = "::: question o\nSee [[== \\_\\_init\\_\\_]], [[\\*\\*kwargs]], [[~ /a\\.b/]] and `[[x\\_1]]`.\n:::\n"
    (q,), report = parse(body)
    assert all(p.code in ("lenient-code", "unsealed") for p in report.problems), report.problems
    assert [[(a.text, a.pattern) for a in b] for b in q.blanks] == [
        [("__init__", "")],
        [("**kwargs", "")],
        [("/a\\.b/", "a\\.b")],
        [("x\\_1", "")],
    ]
    assert judging.judge(q, ["__init__", "**KWARGS", "a.b", "x\\_1"]) and not judging.judge(
        q, ["\\_\\_init\\_\\_", "**kwargs", "a.b", "x\\_1"]
    )


def test_a_cased_units_unit_alone_advice_does_not_say_case_is_free() -> None:
    """'= 5 Pa' was said to be right 'however it is spaced or capitalised', and '5 pA' is not (ii judge 9)."""
    (said,) = [m for m in messages("::: question o\nX?\n\n= 5 Pa\n:::\n") if m.endswith("[unit-alone]")]
    assert "it is right however it is spaced ('5Pa'), but '5' alone is marked wrong" in said
    # nor a metre's or a milli's in a quotient: '5 M/s' is molar per second (jj port 0b)
    (said,) = [m for m in messages("::: question o\nX?\n\n= 9.8 m/s^2\n:::\n") if m.endswith("[unit-alone]")]
    assert "it is right however it is spaced ('9.8m/s2'), but '9.8' alone is marked wrong" in said


def test_full_width_mistakes_are_said_as_what_they_are() -> None:
    """An input method's '＝', '　' and '，': the errors had named nothing ('question has no answer'), or advised
    the input itself ('write 1，000 for a whole number'), and '::: question　o' was an unknown block (ii new 2, 3)."""
    assert messages("::: question o\nX?\n\n＝ ５Ｎ\n:::\n") == [
        "units/t.md:10: question has no answer: '＝ ５Ｎ' starts with a full-width '＝' (an input method's): write '='"
        " (ASCII)"
    ]
    assert messages("::: question o\nX?\n\n= 1，000\n:::\n") == [
        "units/t.md:10: '1，000' is ambiguous: write 1000 for a whole number, or 1.0 for a decimal"
    ]
    (q,), report = parse("::: question　o\nX?\n\n= 5\n:::\n")
    assert report.problems == [] and q.objective == "o"


def test_quiz_syntax_typed_full_width_is_an_error_at_its_line() -> None:
    """A Japanese or Chinese input method types '：' and '＞': '：：： question o' had published its answer line in
    the lesson, and a choice's '＞ feedback' in the choice's text, with no word (ii new 1). One error each."""
    found = messages("：：： question o\n秘密は？\n\n= swordfish42\n：：：\n\nText.\n")
    assert [m for m in found if "full-width" in m] == [
        "units/t.md:7: '：：： question o' is written with full-width colons '：' (an input method's): a block opens"
        " and closes with three ASCII colons, '::: question o' (as written, its text and answer lines are shown in"
        " the lesson)"
    ]
    found = messages("::: question o\nWhich?\n\n- [x] kg\n  ＞ ｋｇは質量の単位です。\n- [ ] m\n  > no\n:::\n")
    assert [m.split(": ", 1)[0] for m in found if "full-width '>'" in m] == ["units/t.md:11"], found


def test_bash_double_brackets_with_spaces_are_not_blanks() -> None:
    (q,), report = parse(
        "::: question o\nWhat does this test?\n\n```bash\n[[ -f x ]] && echo y\n```\n\n= a file\n:::\n"
    )
    assert report.problems == [] and q.kind == "text" and "input" not in q.prompt_html


def test_blanks_answered_by_their_own_numbers_are_said_as_moodles_gaps() -> None:
    """Moodle's drag and drop into text numbers its gaps, 'The [[1]] brown [[2]] jumped': pasted into a question,
    'quick' and 'fox' scored 0% and '1', '2' 100%, with no word (port bb 29). A sum's '[[1]] + [[1]] = [[2]]' is
    no such list."""
    warned = messages("::: question o\nThe [[1]] brown [[2]] jumped over the [[3]] dog.\n:::\n")
    assert len(warned) == 1 and "'[[1]]' … '[[3]]' are blanks whose answers are their numbers" in warned[0]
    assert warned[0].endswith("[gap-numbers]")
    assert messages("::: question o\nAdd: [[1]] + [[1]] = [[2]]\n:::\n") == []


def test_a_toml_array_of_tables_header_is_no_blank() -> None:
    """Cargo's '[[bin]]' (pyproject's '[[tool.uv.index]]') alone on its line in a question's code was read as
    a blank, an error that never said so (port bb 10). A blank alone on a line of code is still one."""
    (q,), report = parse(
        '::: question o\nHow many targets?\n\n```toml\n[[bin]]\nname = "cool"\n\n[[tool.uv.index]]\n'
        'url = "x"\n```\n\n= 2\n:::\n'
    )
    assert report.problems == [] and q.kind == "text" and "[[bin]]" in q.prompt_html
    (q,), report = parse("::: question o\nFill in:\n\n```python\nx = 1\n[[print]](x)\n```\n:::\n")
    assert q.kind == "blanks"
    # Haskell's lists of lists in a type (port bb 10): 'concat :: [[a]] -> [a]'
    (q,), report = parse(
        "::: question o\nWhat does it do?\n\n```haskell\nconcat :: [[a]] -> [a]\nf :: Int -> [[b]]\n```\n\n"
        "= flatten\n:::\n"
    )
    assert report.problems == [] and q.kind == "text"


def test_a_blank_escaped_prose_keeps_its_backslashes() -> None:
    (q,), _ = parse("::: question o\nFiles: [[~ /\\*\\.pdb/]]\n:::\n")
    assert q.blanks[0][0].pattern == "\\*\\.pdb"


def test_a_prompt_cannot_write_where_a_blanks_input_goes() -> None:
    """The words 'MsBlank0Q' in a prompt had become the blank's input wherever they stood: in an attribute's value,
    its '"' closed the value, and a meta refresh after it was live (security round dd 6)."""
    (q,), report = parse(
        "::: question o\n<span title=\"MsBlank0Q<meta http-equiv=refresh content='0;url=https://evil.example/'>\">A"
        " triangle</span> with three equal sides is [[equilateral]]; MsBlank0Q.\n:::\n"
    )
    assert q.prompt_html.count("<input") == 1 and q.prompt_html.count("MsBlank0Q") == 2
    assert 'title="MsBlank0Q<meta' in q.prompt_html and report.errors == []


def test_a_question_opened_with_two_colons_or_indented_is_an_error() -> None:
    """'::question o', ':: question o' and '    ::: question o' had been a paragraph or a code block: the question and
    its answer line published in the lesson, check silent (new teacher ee 6). An error at the line; a ``` fence
    shows the syntax, a sentence with '::' in it is a sentence."""
    question = "{}\nThe mass of an electron?\n\n= 9.1e-31\n:::\n"
    for opener in ("::question o", ":: question o", "::enrichment More"):
        _, report = parse("Lesson.\n\n" + question.format(opener))
        assert [str(p) for p in report.errors] == [
            f"units/t.md:9: '{opener}' opens no block: a block opens with three colons, '::: {opener[2:].strip()}' (as"
            " written, its text and answer lines are shown in the lesson)"
        ]
    _, report = parse("Lesson.\n\n" + question.format("    ::: question o").replace("\n", "\n    "))
    assert [str(p) for p in report.errors] == [
        "units/t.md:9: '::: question' is indented (4 spaces or a tab), which Markdown shows as code, its answer lines"
        " for everyone: start it at the beginning of the line (to show the syntax as code, put it in a ``` fence)"
    ]
    _, report = parse("Write it so:\n\n```markdown\n" + question.format("::: question o") + "```\n")
    assert report.errors == []
    _, report = parse("The ratio is 3::question marks are rare.\n\nA C++ name: std::question.\n")
    assert report.errors == []


def test_a_blank_before_a_calls_parenthesis_is_a_blank() -> None:
    """'console.[[== log]]("Hi");' had been a Markdown link to '"Hi"': two errors, neither naming the cause
    (new teacher cc 4). A blank with its answer's '=', '==' or '~' is a blank, the '(' after it text; in code
    and a citation's '[[1]](url)' as before."""
    (q,), report = parse('::: question o\nPrint it: console.[[== log]]("Hi"); then [[== alert]](1).\n:::\n')
    assert report.problems == [] and q.prompt_html.count("<input") == 2
    assert '("Hi"); then' in q.prompt_html.replace("&quot;", '"') and "(1)." in q.prompt_html
    (q,), _ = parse("::: question o\nAs [[1]](https://example.org/) says: [[two]].\n:::\n")
    assert q.prompt_html.count("<input") == 1 and 'href="https://example.org/"' in q.prompt_html
    (q,), _ = parse('::: question o\nIn code: `console.[[== log]]("Hi")`.\n:::\n')
    assert '("Hi")' in q.prompt_html.replace("&quot;", '"') and "\\(" not in q.prompt_html


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "Say [[colour]].\n\n= colour",
            "units/t.md:10: a question with blanks '[[…]]' is answered in them: remove its choices or answer lines",
        ),
        (
            "Say [[*big*]] now.",
            "units/t.md:8: a blank '[[…]]' cannot hold Markdown formatting, a link, a tag or math ('*', '_', '[…](…)',"
            " '<br>', '$…$'): write its answer as plain text ('[[mu|μ]]' for μ, '[[2x^2]]' for a power), in code"
            " ('`[[a*b]]`'), or with its marks escaped ('[[\\*\\*kwargs]]')",
        ),
        (
            "Say [[$\\mu$|mu]].",
            "units/t.md:8: a blank '[[…]]' cannot hold Markdown formatting, a link, a tag or math ('*', '_', '[…](…)',"
            " '<br>', '$…$'): write its answer as plain text ('[[mu|μ]]' for μ, '[[2x^2]]' for a power), in code"
            " ('`[[a*b]]`'), or with its marks escaped ('[[\\*\\*kwargs]]')",
        ),
        (  # a formula holding a blank is not a blank holding math (new teacher aa 11)
            "Complete: $F = [[6]]\\,\\mathrm{N}$ for $m = 2$.",
            "units/t.md:8: a blank '[[…]]' cannot be inside a formula ('$F = [[6]]\\,N$'): end the formula before the"
            " blank and start another after it ('$F =$ [[6]] $\\mathrm{N}$')",
        ),
        (
            "On the map at <https://maps.example.org/[[Ouagadougou]]>.",  # (its href held the answer: rev_q)
            "units/t.md:8: a blank '[[…]]' cannot be in a link's address ('<https://…/[[…]]>'): the address would"
            " show its answer to anyone who points at the link; put the blank in the text beside it",
        ),
        (
            "Wrapped [[CHLORO\nWRAP]] here, with [[ok]].",
            "units/t.md:8: '[[CHLORO' is not a whole blank, and its answer would be shown as text: write a blank on"
            " one line, as '[[answer]]' (in a table, its '|' as '\\|'; not in HTML or in display math)",
        ),
        (
            "Plurals:\n\n| a | b |\n|---|---|\n| cat | [[cats]] |\n| mouse | [[MICE|MOUSE]] |",
            "units/t.md:13: '[[MICE' is not a whole blank, and its answer would be shown as text: write a blank on"
            " one line, as '[[answer]]' (in a table, its '|' as '\\|'; not in HTML or in display math)",
        ),
        (
            "Element [[ok]]:\n\n<p>[[HIDDEN]]</p>",
            "units/t.md:10: '[[HIDDEN' is not a whole blank, and its answer would be shown as text: write a blank on"
            " one line, as '[[answer]]' (in a table, its '|' as '\\|'; not in HTML or in display math)",
        ),
        (
            "$$\n[[MATH]]\n$$\n\nand [[ok]]",
            "units/t.md:8: '[[MATH' is not a whole blank, and its answer would be shown as text: write a blank on"
            " one line, as '[[answer]]' (in a table, its '|' as '\\|'; not in HTML or in display math)",
        ),
        (
            "Pipe: `ls [[== |]] wc`",
            "units/t.md:8: blank '[[== |]]' has an empty alternative: '|' separates alternatives ('[[colour|color]]');"
            " write '\\|' for a '|' in the answer ('[[== \\|]]')",
        ),
        ("Say [[± x]].", "units/t.md:8: '±' must be followed by a number (the tolerance): '= 0.75 ± 0.01'"),
        (
            "Sodium is\n[[]] and chlorine [[== Cl]].",  # not one blank ']] and chlorine [[== Cl' (it was)
            "units/t.md:9: an empty blank '[[]]': write its answer inside, like '[[= 4]]' (or '[[== Na]]')",
        ),
        (
            "Say [[ ]].",
            "units/t.md:8: an empty blank '[[ ]]': write its answer inside, like '[[= 4]]' (or '[[== Na]]')",
        ),
        (
            "Order:\n\n1. a\n2. a",
            "units/t.md:7: the items of this ordering question all read the same: any order is right",
        ),
        (
            "Which?\n\n- [ ] a\n> Not a.\n- [x] b\n- [ ] c",
            "units/t.md:11: a choice's '> feedback' must be indented under its choice, as far as its text ('  > …'"
            " under '- [ ]', '   > …' under '1. [ ]'), or it ends the list",
        ),
        (
            "Which?\n\n\t- [ ] a\n\t- [x] b",
            "units/t.md:10: these choices (or answer lines) are indented with a tab or four spaces, which makes them"
            " code: start each '- [ ]' (or '=') at the start of its line",
        ),
        ("Say [[ 1 ]] and [[2]].", "units/t.md:8: '[[ 1 ]]' is not a blank: write it without spaces inside, '[[1]]'"),
        (
            "Say [[?]] here.\n\n= 4",
            "units/t.md:8: '[[?]]' starts a hint paragraph of its own ('[[?]] Count the protons.'); a blank holds"
            " its answer: '[[= 4]]', and one whose answer is the question mark '[[= ?]]'",
        ),
        (
            "Order:\n\n1. a\n3. b\n2. c",
            "units/t.md:10: the items are numbered 1, 3, 2, but the right order is the order they are written in:"
            " write them in that order, numbered 1, 2, 3…",
        ),
        ("Q?\n\n= 18 ± -0.1", "units/t.md:10: the tolerance after '±' must be positive: '= 0.75 ± 0.01'"),
        (
            "Q?\n\n= 1\n::: fin\nAfter.",
            "units/t.md:11: a closing ':::' takes no word after it ('::: fin'): write ':::' alone",
        ),
        ("Which?\n\n- [ ] a\n- [x]b", "units/t.md:11: put a space after '[x]': a choice is written '- [x] text'"),
        ("Order:\n\n1. a", "units/t.md:7: an ordering question needs at least two items"),
        (  # (which "10" was right was chance: new teacher ee 11)
            "Which?\n\n- [ ] 14\n- [x] 10\n- [ ]  10",
            "units/t.md:12: two choices read the same ('10'), one right and one wrong: a student who picks the wrong"
            " twin is marked wrong; remove one",
        ),
        (  # (it had been the right choice's text, and no hint: new teacher ee 12)
            "Which?\n\n- [x] geocentric\n[[?]] Think of the Earth.\n- [ ] heliocentric",
            "units/t.md:11: a hint '[[?]]' right under a choice is part of that choice's text, which then stands out:"
            " put an empty line before it, after the choices",
        ),
    ],
)
def test_blank_ordering_and_hint_mistakes(body: str, message: str) -> None:
    assert messages(f"::: question o\n{body}\n:::\n") == [message]


def test_choices_apart_only_by_case_are_two_choices() -> None:
    """A choice is picked, not typed: 'True' and 'true' (Python), 'CO' and 'Co', 'ls -l' and 'ls -L', 'ß' and 'ss'
    are choices a teacher means apart. They had been "two choices that read the same", an error (jj judge 1)."""
    for right, wrong in (("True", "true"), ("CO", "Co"), ("ls -l", "ls -L"), ("Straße", "Strasse")):
        (q,), report = parse(f"::: question o\nWhich?\n\n- [x] {right}\n- [ ] {wrong}\n:::\n")
        assert report.errors == [] and [c.correct for c in q.choices] == [True, False]


def test_a_blank_that_looks_like_code_warns_like_an_answer_line() -> None:
    assert messages("::: question o\nSort with `ls [[-S]]`.\n:::\n") == [
        "units/t.md:8: warning: '-S' is compared ignoring case: write `==` to compare exactly [lenient-code]"
    ]


def test_sql_and_big_o_answers_are_told_how_to_keep_them_and_a_hex_blank_in_code_is_not_warned() -> None:
    """'= SELECT * FROM t;' was only pointed to '==', which would refuse 'select * from t' (new teacher w 8); a
    hexadecimal blank '[[0x1F]]' in code was warned although its case does not matter (round x 13)."""
    assert messages("::: question o\nAll rows?\n\n= SELECT * FROM t;\n:::\n") == [
        "units/t.md:10: warning: 'SELECT * FROM t;' is compared ignoring case: write `==` to compare exactly (where"
        " capitals do not matter, 'ignore: [lenient-code]' in the front matter silences this) [lenient-code]"
    ]
    assert messages("::: question o\nSet it: `x = [[0x1F]]`.\n:::\n") == []


def test_ordering_items_in_order_with_ids_that_do_not_tell_it() -> None:
    (q,), report = parse("::: question o\nSmallest first.\n\n1. 1/4\n2. *1/2*\n3. 3/4\n\n> Halves.\n:::\n")
    assert report.problems == []
    assert q.kind == "ordering" and [c.html for c in q.choices] == ["1/4", "<em>1/2</em>", "3/4"]
    ids = [c.id for c in q.choices]
    assert all(re.fullmatch(r"i[0-9a-f]{8}", i) for i in ids) and len(set(ids)) == 3
    assert judging.judge(q, ids) and not judging.judge(q, ids[::-1]) and not judging.judge(q, ids[:2])
    assert judging.accepted_forms(q) == [[("o", ",".join(ids))]]


def test_ordering_items_that_read_the_same_are_one_item_either_way_round() -> None:
    """'Il a besoin de beaucoup de temps': the two 'de' share an id, so either is right where the
    sentence has one, and a wrong sentence is still wrong (new teacher t 9)."""
    words = ["Il", "a", "besoin", "de", "beaucoup", "de", "temps"]
    body = "".join(f"{n}. {w}\n" for n, w in enumerate(words, 1))
    (q,), report = parse(f"::: question o\nRemettez les mots dans l'ordre.\n\n{body}:::\n")
    assert report.problems == []
    ids = [c.id for c in q.choices]
    assert ids[3] == ids[5] and len(set(ids)) == 6
    assert judging.judge(q, ids)
    swapped = [*ids[:3], ids[4], ids[3], *ids[5:]]  # 'Il a besoin beaucoup de de temps'
    assert not judging.judge(q, swapped) and not judging.judge(q, ids[:6])


def test_an_ordered_list_in_the_prompt_of_another_question_is_not_an_ordering() -> None:
    (q,), report = parse("::: question o\nSteps:\n\n1. cut\n2. fold\n\nHow many steps?\n\n= 2\n:::\n")
    assert report.problems == [] and q.kind == "text"


def test_hints_anywhere_in_a_question() -> None:
    body = "::: question o\n[[?]] First *hint*.\n\nWhich?\n\n[[?]] Second\ncontinued.\n[[?]] Third.\n\n== 3/4\n:::\n"
    (q,), report = parse(body)
    assert report.problems == []
    assert q.hints == ("First <em>hint</em>.", "Second\ncontinued.", "Third.")
    assert q.prompt_html == "<p>Which?</p>\n" and q.kind == "text"


def test_a_hint_is_its_own_words_without_the_lessons_footnotes() -> None:
    """A lesson with a footnote: each hint had ended with the footnotes' whole list, ids and all."""
    (q,), report = parse("Lesson.[^1]\n\n[^1]: Note.\n\n::: question o\nWhich?\n\n[[?]] Count.\n\n= 2\n:::\n")
    assert q.hints == ("Count.",) and report.problems == []


def test_the_page_never_holds_the_answers_of_blanks_or_the_order(tmp_path: Path) -> None:
    from masterysite.build import build

    build(Path(__file__).parent / "sample_courses" / "kinds", tmp_path / "site")
    page = (tmp_path / "site" / "units" / "shell.html").read_text(encoding="utf-8")
    # A pattern (`~ /cut -d, ?-f ?2/`) cannot be sealed: it is in the page as the browser runs it
    # (README: "What a browser-only course can and cannot protect"); everything else is sealed.
    for secret in ("colour", "pdb/", "0.67", "Paris", "== -S"):
        assert secret not in page, secret
    texts = re.findall(r'<span class="ordering__text"[^>]*>(.*?)</span>', page)
    assert sorted(texts) == sorted(["one tenth", "one quarter", "one half", "three quarters"])


def test_inline_code_in_triple_backticks_on_a_choice_line_is_fine() -> None:
    (q,), report = parse("::: question o\nWhich?\n\n- [x] ```ls``` lists\n- [ ] ```cd``` moves\n:::\n")
    assert report.problems == [] and q.choices[0].html == "<code>ls</code> lists"


def test_check_lists_the_answers_the_pages_carry_as_data() -> None:
    from click.testing import CliRunner

    from masterysite.cli import main

    kinds = Path(__file__).parent / "sample_courses" / "kinds"
    result = CliRunner().invoke(main, ["check", str(kinds)], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:4] == [
        "Answers the pages carry as data (a range or a pattern cannot be sealed; see the README):",
        "  units/01-shell.md:43: ~ /cut -d, ?-f ?2/",
        "  units/01-shell.md:49: = 0.67 ± 0.01",
        "  units/01-shell.md:60: ~ /\\*\\.pdb/",
    ]


def test_check_strict_failing_on_warnings_still_lists_them() -> None:
    """'check --strict' on a course with a warning dropped the list: the teacher who runs it in CI never saw it."""
    from click.testing import CliRunner

    from masterysite.cli import main

    kinds = Path(__file__).parent / "sample_courses" / "kinds"  # (its one warning: [small-pool])
    result = CliRunner().invoke(main, ["check", "--strict", str(kinds)], catch_exceptions=False)
    assert result.exit_code == 1 and "[small-pool]\n1 warning, which --strict treats as errors" in result.stderr
    assert result.stdout.splitlines()[:2] == [
        "Answers the pages carry as data (a range or a pattern cannot be sealed; see the README):",
        "  units/01-shell.md:43: ~ /cut -d, ?-f ?2/",
    ]


def test_lettered_choices_in_a_shuffled_quiz_are_said_once() -> None:
    """LibraryCarpentry's quiz letters its choices 'A) B) C)': shuffled, they read 'B) A) C)'."""
    lettered = "::: question o\nWhich?\n\n- [x] A) 42\n- [ ] B) 36\n:::\n\n"
    lettered += "::: question o\nAnd?\n\n- [ ] (a) x\n- [x] (b) y\n:::\n"
    assert messages(lettered) == [
        "units/t.md:7: warning: the choices are lettered ('A)'…) (and in 1 more question) and shuffled, so they read"
        " out of order: remove the letters, or write 'shuffle: false' under 'quiz:' [lettered-choices]"
    ]
    assert messages("::: question o\nWhich?\n\n- [x] 42\n- [ ] A) 36\n:::\n") == []  # one letter is no lettering
    repeated = "::: question o\nHow many dimensions?\n\n- [ ] 2: length and batch\n- [ ] 2: length and size\n"
    assert messages(repeated + "- [x] 3: all three\n:::\n") == []  # (the numbers are the answers: port q)
    report = Report()
    parse_unit(
        HEADER.replace("---\n\n", "quiz: {shuffle: false}\n---\n\n") + lettered,
        UnitSource("units/t.md", 0, None, "."),
        report,
    )
    assert not [p for p in report.problems if p.code == "lettered-choices"]


@pytest.mark.parametrize(
    "choice", ["All of the above", "Ninguna de las anteriores", "Toutes les réponses ci-dessus", "Either #2 or #3"]
)
def test_a_choice_that_names_others_by_their_place_in_a_shuffled_quiz_is_said(choice: str) -> None:
    """'Cualquiera entre #2 o #3' (a Carpentries challenge in Spanish) and 'All of the above': shuffled, they point
    elsewhere (port ee 12). Said at the choice; not 'above average', nor where the quiz does not shuffle."""
    body = f"::: question o\nWhich command?\n\n- [ ] ls\n- [ ] ls -a\n- [x] {choice}\n:::\n"
    assert messages(body) == [
        f"units/t.md:12: warning: the choice '{choice}' refers to other choices by their place, and the choices are"
        " shuffled, so it points elsewhere: write what it means ('all three'), or write 'shuffle: false' under"
        " 'quiz:' [lettered-choices]"
    ]
    assert messages(body.replace(choice, "above average")) == []
    report = Report()
    parse_unit(
        HEADER.replace("---\n\n", "quiz: {shuffle: false}\n---\n\n") + body,
        UnitSource("units/t.md", 0, None, "."),
        report,
    )
    assert not [p for p in report.problems if p.code == "lettered-choices"]


@pytest.mark.parametrize(
    "code",
    [
        "`surveys_df[['species_id', 'plot_id']]`",
        "`lst[[1]]`",
        "`a[[0, 2]]`",
        "```python\nx = a[[0, 2]]\n```",
        "`len([[1, 2], [3, 4]])`",
        "```python\nm = np.array([[1, 2], [3, 4]])\n```",
        "```python\nfirsts = [[row[0]] for row in grid]\n```",  # (a blank 'row[0' no student could type)
        "`firsts = [[row[0]] for row in grid]`",
    ],
)
def test_code_indexing_with_double_brackets_is_code_not_a_blank(code: str) -> None:
    """pandas' df[['a', 'b']], numpy's a[[0, 2]], R's lst[[1]]: '[[' right after a name, in code."""
    (q,), report = parse(f"::: question o\nGiven:\n\n{code}\n\nwhich is it? [[ok]]\n:::\n")
    assert report.problems == [] and [[a.source for a in b] for b in q.blanks] == [["ok"]]
    (q,), report = parse(f"::: question o\nGiven:\n\n{code}\n\nwhich?\n\n- [x] a\n- [ ] b\n:::\n")
    assert report.problems == [] and q.kind == "single"
    (q,), report = parse("::: question o\nWater is H[[2]]O.\n:::\n")  # in words, right after a letter: a blank
    assert [[a.source for a in b] for b in q.blanks] == [["2"]]
    (q,), report = parse("::: question o\nBoth spellings: `organi[[== [sz]|== [zs]]]e`\n:::\n")  # no index: a blank
    assert report.problems == [] and [[a.source for a in b] for b in q.blanks] == [["[sz]", "[zs]"]]


@pytest.mark.parametrize(
    ("prompt", "answers", "shown"),
    [
        ("`arr[[[= 0]]]` is the first item.", [["0"]], "arr[BLANK]"),  # the operator says where the answer starts
        ("`arr[[[== a[0]]]]`", [["a[0]"]], "arr[BLANK]"),
        ("In code: `x[[= [0]]]`", [["[0]"]], "x"),  # the brackets kept in the answer, no warning
        ("```python\nfirst = arr[[[~ /0|-3/]]]\n```", [["/0|-3/"]], "arr[BLANK]"),
    ],
)
def test_three_brackets_with_an_operator_are_a_blank_between_brackets(
    prompt: str, answers: list[list[str]], shown: str
) -> None:
    (q,), report = parse(f"::: question o\n{prompt}\n:::\n")
    assert report.problems == []
    assert [[a.source.lstrip("=~ ") if a.kind != "pattern" else a.source for a in b] for b in q.blanks] == answers
    html = re.sub(r"<input[^>]*>", "BLANK", q.prompt_html)
    assert shown in re.sub(r"<[^>]+>", "", html)


def test_a_list_comprehension_in_an_ordering_question_keeps_it_an_ordering_question() -> None:
    """'[[row[0]] for row in grid]' in the lines of a program to order was a blank: the question became a
    fill-in shown with its lines in the right order."""
    (q,), report = parse(
        "::: question o\nPut in order.\n\n1. `grid = [[1, 2], [3, 4]]`\n2. `firsts = [[row[0]] for row in grid]`\n"
        "3. `print(firsts)`\n:::\n"
    )
    assert report.problems == [] and q.kind == "ordering"


def test_three_brackets_without_an_operator_keep_the_brackets_and_warn() -> None:
    (q,), report = parse("::: question o\nFill in `arr[[[0]]]`.\n:::\n")
    assert [[a.source for a in b] for b in q.blanks] == [["[0]"]]
    (warning,) = report.warnings
    assert warning.line == HEADER.count("\n") + 2 and "[[[= 0]]]" in warning.message and "[[= [0]]]" in warning.message
    assert "bracketed-blank" in str(warning)


def test_the_bracketed_blank_advice_works_for_a_blank_written_with_four_brackets() -> None:
    """'fruits[[[[= 2|-1]]]]' (a teacher's 'fruits[' + blank + ']'): the advice had been
    '[[[= [= 2|-1]]]]', whose answers are '[= 2' and '-1]' (new teacher t 4). It is '[[[= 2|-1]]]',
    and following it gives the blank the teacher meant."""
    (_,), report = parse("::: question o\nIndex?\n\n```python\nfruits[[[[= 2|-1]]]]\n```\n:::\n")
    (warning,) = report.warnings
    assert "write '[[[= 2|-1]]]' for a blank between brackets" in warning.message
    (q,), report = parse("::: question o\nIndex?\n\n```python\nfruits[[[= 2|-1]]]\n```\n:::\n")
    assert report.warnings == [] and [[a.source for a in b] for b in q.blanks] == [["2", "-1"]]
    assert judging.judge(q, ["2"]) and judging.judge(q, ["-1"]) and '<span class="p">[</span>' in q.prompt_html


def test_a_quote_in_a_question_with_an_alert_marker_stays_feedback_and_explanation() -> None:
    """'> [!NOTE]' is a callout in a lesson; in a question a quote is a choice's feedback or the
    explanation, sealed: it stays one (a callout there would be an error, or shown with the prompt)."""
    (q,), report = parse("::: question o\nWhat is 2+2?\n\n= 4\n\n> [!NOTE]\n> Because.\n:::\n")
    assert report.problems == [] and q.explanation_html == "<p>[!NOTE]\nBecause.</p>\n"
    (q,), report = parse("::: question o\nPick.\n\n- [x] a\n- [ ] b\n  > [!TIP]\n  > Not b.\n:::\n")
    assert report.problems == [] and q.choices[1].feedback_html == "<p>[!TIP]\nNot b.</p>\n"


def test_a_heading_in_a_sealed_explanation_never_shifts_a_shown_prompts_id() -> None:
    """Question 1's explanation holds '#### Paris', question 2's prompt too: the prompt, shown, gets
    'paris'; the explanation's comes after every shown heading (it was the other way round, and
    'paris-1' on the prompt confirmed the sealed heading)."""
    (first, second), _ = parse(
        "::: question o\nCapital?\n\n= Paris\n\n> #### Paris\n> It is.\n:::\n\n"
        "::: question o\n#### Paris\n\nAgain?\n\n= Paris\n:::\n"
    )
    assert 'id="paris"' in second.prompt_html and 'id="paris-1"' in (first.explanation_html or "")


def test_a_word_blank_in_code_and_a_call_are_said_to_be_compared_ignoring_case() -> None:
    """'[[True]]' in Python accepted 'true', '[[i]]' 'I' and '= print("Hi")' 'PRINT("HI")', unsaid (new
    teacher q). Said, with what to write; a blank in prose, a number or an exact one is not."""
    body = (
        "::: question o\nFill in:\n\n```python\nprint(5 > 3)  # [[True]]\nfor [[i]] in range([[3]]):\n"
        '    x = [[== i]]\n```\n\nand in words: [[colour]].\n:::\n\n::: question o\nCall it.\n\n= print("Hi")\n:::\n'
    )
    assert messages(body) == [
        "units/t.md:10: warning: blank '[[True]]' is in code, and compared ignoring case ('true' is right too):"
        " write '[[== True]]' to compare exactly [lenient-code]",
        "units/t.md:11: warning: blank '[[i]]' is in code, and compared ignoring case ('I' is right too): write"
        " '[[== i]]' to compare exactly [lenient-code]",
        "units/t.md:22: warning: 'print(\"Hi\")' is compared ignoring case: write `==` to compare exactly"
        " [lenient-code]",
    ]


def test_a_number_with_a_unit_in_code_is_said_to_be_code_output() -> None:
    """javascript.info's '"$" + 4 + 5 // [[$45]]' and '4 + 5 + "px" // [[9px]]': the warning had said to
    add the number alone (a wrong answer there), and '45 $' and '9 PX' were right (port s). In code, said
    as code's output, with '=='; in prose, still [unit-alone]."""
    body = (
        '::: question o\nWhat is shown?\n\n```js\n"$" + 4 + 5 // [[$45]]\n4 + 5 + "px" // [[9px]]\n```\n\n'
        "In words: [[44 g]].\n:::\n"
    )
    assert messages(body) == [
        "units/t.md:10: warning: blank '[[$45]]' is in code, and read as a number with a unit ('45 $' is right"
        " too): write '[[== $45]]' to compare exactly [lenient-code]",
        "units/t.md:11: warning: blank '[[9px]]' is in code, and read as a number with a unit ('9 PX' is right"
        " too): write '[[== 9px]]' to compare exactly [lenient-code]",
        "units/t.md:15: warning: '44 g' is a number with a unit: it is right however it is spaced or capitalised"
        " ('44g'), but '44' alone is marked wrong; add '= 44' to accept the number alone; if the question asks"
        " for the unit, 'ignore: [unit-alone]' in the front matter silences this [unit-alone]",
    ]


def test_an_ordinal_is_not_a_number_with_a_unit() -> None:
    """'= 18th century' had been told to add '= 18', which would accept a bare 18 (new teacher s)."""
    assert messages("::: question o\nWhich century?\n\n= 18th century\n= eighteenth century\n:::\n") == []
    assert [m.split(": warning: ")[1][:19] for m in messages("::: question o\nMass?\n\n= 18 th\n:::\n")] == [
        "'18 th' is a number"
    ]


def test_milli_and_mega_are_not_said_to_be_right_however_capitalised() -> None:
    """'= 2500 mg' does not accept '2500 Mg' (megagrams, new teacher s): its [unit-alone] warning no longer
    says it is right however it is capitalised."""
    (message,) = messages("::: question o\nHow many mg in 2.5 g?\n\n= 2500 mg\n:::\n")
    assert "it is right however it is spaced ('2500mg'), but '2500' alone" in message


def test_a_bar_on_an_answer_line_is_said_to_be_part_of_the_answer() -> None:
    """A teacher who wrote '[[1|one]]' in a blank writes '= 1 | one' on an answer line: one answer, which
    no student types; it was said only to be compared ignoring case (port q). A blank's '\\|' and an
    exact answer with a bar are not said."""
    assert messages("::: question o\nHow many owners?\n\n= 1 | one\n:::\n") == [
        "units/t.md:10: warning: '1 | one' is one answer, '|' and all: '|' separates alternatives only in a blank"
        " ('[[1|one]]'); on an answer line write one line each ('= 1' and '= one'), or '==' for an answer with a bar"
        " in it [lenient-code]"
    ]
    assert messages("::: question o\nPipe?\n\n== ls | wc -l\n:::\n") == []
    assert messages("::: question o\nThe symbol: [[\\|]] or `x = [[== a\\|b]]`\n:::\n") == []


def test_a_blank_ending_a_heading_stays_a_blank() -> None:
    """Hugging Face's '## Title[[title]]' is a heading's id (its own words): a blank at the end of a
    question's heading is not (its answer would be an id the page shows)."""
    (q,), _ = parse("::: question o\n## The capital [[Paris]]\n:::\n")
    assert (
        q.kind == "blanks" and "Paris" not in q.prompt_html and [[a.source for a in b] for b in q.blanks] == [["Paris"]]
    )


def test_a_quote_right_under_the_last_choice_is_said_to_be_the_explanation() -> None:
    """'- [ ] 4' then '> Four sides…' on the next line: meant as that choice's feedback, it was the
    explanation every student saw (the one who picked 4 saw nothing: new teacher q). An empty line before
    it says it is the explanation; indented, it is the feedback."""
    glued = (
        "::: question o\nSides of a triangle?\n\n- [ ] 2\n- [x] 3\n- [ ] 4\n> Four sides make a quadrilateral.\n:::\n"
    )
    assert messages(glued) == [
        "units/t.md:13: warning: this '> quote' right under the last choice is the question's explanation, shown to"
        " every student after checking: to make it that choice's feedback, indent it ('  > …'); to keep it the"
        " explanation, put an empty line before it [glued-explanation]"
    ]
    assert messages(glued.replace("- [ ] 4\n>", "- [ ] 4\n\n>")) == []
    assert messages(glued.replace("- [ ] 4\n>", "- [ ] 4\n  >")) == []


def test_a_course_with_a_decimal_comma_reads_its_teachers_numbers_as_its_students() -> None:
    """A German teacher's '= 1.200' (tausendzweihundert) had been 1.2: '1.200' and '1200' were refused and
    '1,2' accepted, and check's own advice for '= 1,200' ('1.200 for a decimal') led there (new teacher t 1).
    There '= 1,200' is 1.2, as the course's students' '1,200' is: no longer 'ambiguous'. The review shows
    '1.200' as written, '= 1.5' with the course's comma."""
    report = Report()
    text = HEADER + "::: question o\nWhich?\n\n= 1.200\n:::\n\n::: question o\nW?\n\n= 1,200\n= 1.5\n= 2.500 g\n:::\n"
    unit = parse_unit(text, UnitSource("units/t.md", 0, None, ".", {}, comma=True), report)
    assert unit is not None and report.errors == []
    thousand, small = unit.questions
    assert [judging.judge(thousand, r, comma=True) for r in ("1.200", "1200", "1 200", "1,2", "1.2")] == [
        True,
        True,
        True,
        False,
        False,
    ]
    assert [judging.judge(small, r, comma=True) for r in ("1,2", "1,5", "2500 g", "2,5 g")] == [True, True, True, False]
    assert hashing.sealable(thousand, comma=True).review["accepted"] == "<code>1.200</code>"
    assert hashing.sealable(small, comma=True).review["accepted"] == (
        "<code>1,200</code>, <code>1,5</code>, <code>2.500 g</code>"
    )


def test_a_number_with_a_point_and_three_digits_in_a_comma_course_is_said() -> None:
    """A German chemistry teacher's '= 1.013' (bar, copied from a table) is 1013 there: students' '1,013' was
    wrong and '1013' right, and check --strict said nothing; '= 22.990 g/mol' had only the advice to add
    '= 22990' (new teacher dd 6). The mirror of '= 1,200' in English, which is refused as ambiguous."""
    report = Report()
    body = "::: question o\nDruck?\n\n= 1.013\n:::\n\n::: question o\nMolare Masse?\n\n= 22.990 g/mol\n:::\n"
    text = HEADER + body + "\n::: question o\nW?\n\n= 1,013\n= 1.234.567\n= 1013\n:::\n"
    parse_unit(text, UnitSource("units/t.md", 0, None, ".", {}, comma=True), report)
    assert [str(p) for p in report.problems if p.code in ("decimal-point", "unit-alone")] == [
        "units/t.md:10: warning: '= 1.013' is read as 1013: this course writes decimals with a comma, and a point"
        " groups thousands; for the decimal, write '= 1,013' (students' '1,013' is then right); for the whole"
        " number, write '= 1013' [decimal-point]",
        "units/t.md:16: warning: '= 22.990 g/mol' is read as 22990 g/mol: this course writes decimals with a comma,"
        " and a point groups thousands; for the decimal, write '= 22,990 g/mol' (students' '22,990' is then"
        " right); for the whole number, write '= 22990 g/mol' [decimal-point]",
    ]


def test_a_decimal_that_starts_with_zero_is_no_thousands_in_a_comma_course() -> None:
    """'= 0.350' and '= 3.43 ± 0.005' in a Spanish course were said to be read as 0350 and ± 0005, with advice to
    write them so, while the judge reads them as 0.35 and 0.005 (no grouping of thousands starts with 0: jj port
    1). No decimal-point warning; the judge's reading unchanged."""
    assert (
        comma_warnings("::: question o\nKg?\n\n= 0.350\n:::\n\n::: question o\nMedia?\n\n= 3.43 ± 0.005\n:::\n") == []
    )
    (q,), _ = parse("::: question o\nKg?\n\n= 0.350\n:::\n")
    assert judging.judge(q, "0,35", True) and judging.judge(q, "0.35", True)


def test_a_formula_that_ignoring_case_is_another_is_said() -> None:
    """'= CO' accepts cobalt's 'Co', '= HF' hafnium's 'Hf', as README says, and check said so for a Greek letter
    but not for a formula, the commonest case whose case is its meaning (jj judge 7). A warning; 'No', 'OK',
    'H2O' and 'NaCl' are none."""
    said = [m for m in messages("::: question o\nGas?\n\n= CO\n:::\n") if "[lenient-code]" in m]
    assert said == [
        "units/t.md:10: warning: 'CO' is compared ignoring case ('Co' is right too), and a formula's case is its"
        " meaning: write '== CO' to compare exactly [lenient-code]"
    ]
    for key in ("HF", "CS2", "NO"):
        assert [m for m in messages(f"::: question o\nX?\n\n= {key}\n:::\n") if "a formula's case" in m], key
    for key in ("No", "OK", "H2O", "NaCl", "NH3"):
        assert not [m for m in messages(f"::: question o\nX?\n\n= {key}\n:::\n") if "a formula's case" in m], key


def test_pi_over_six_is_not_said_to_be_compared_ignoring_case() -> None:
    """'= π/6' was warned about as code compared ignoring case, a point beside its real one (jj judge 4): no
    case to speak of. A path's '= src/main' still is."""
    assert [m for m in messages("::: question o\nAngle?\n\n= π/6\n:::\n") if "[lenient-code]" in m] == []
    assert [m for m in messages("::: question o\nPath?\n\n= src/main\n:::\n") if "[lenient-code]" in m]


def test_two_numbers_joined_by_a_word_are_no_number_with_a_unit() -> None:
    """'= 4.2 to 5.8' was 4.2 of a unit 'to·5.8', and check's advice '= 4.2' made the lower end alone right
    (new teacher dd 2). It is the words, with no advice to accept a number alone, nor to compare it as code."""
    for body in ("The 95% interval?\n\n= 4.2 to 5.8", "Between?\n\n= -1 and 1", "Von … bis?\n\n= 1 bis 5"):
        assert messages(f"::: question o\n{body}\n:::\n") == [], body


def test_a_range_written_as_canvas_writes_it_is_said() -> None:
    """text2qti's '= [1.2598, 1.2600]' was the text itself: 1.2599 scored 0% with no word (port aa 3)."""
    assert [m for m in messages("::: question o\nRoot of 1.587?\n\n= [1.2598, 1.2600]\n:::\n") if "text2qti" in m] == [
        "units/t.md:10: warning: '= [1.2598, 1.2600]' is compared as text, so no number between is right: for the"
        " numbers from 1.2598 to 1.2600 (a range, as Canvas and text2qti write it), write '= 1.2599 ± 0.0001'; if"
        " the text is meant, 'ignore: [number-form]' in the front matter silences this [number-form]"
    ]
    assert len([m for m in messages("::: question o\nRoot?\n\n= 1.25..1.27\n:::\n") if "text2qti" in m]) == 1
    assert [m for m in messages("::: question o\nThe list?\n\n= [1, 2]\n:::\n") if "text2qti" in m] == []
    assert [m for m in messages("::: question o\nThe list?\n\n= [2.5, 1.5]\n:::\n") if "text2qti" in m] == []


def comma_messages(body: str, comma: bool = True) -> list[str]:
    report = Report()
    unit = parse_unit(HEADER + body, UnitSource("units/t.md", 0, None, ".", {}, comma=comma), report)
    assert unit is not None and report.errors == []
    return [str(p) for p in report.problems]


def comma_warnings(body: str, comma: bool = True) -> list[str]:
    return [m for m in comma_messages(body, comma) if m.endswith("[decimal-point]")]


def test_an_exact_decimal_with_a_point_warns_in_a_course_that_writes_a_comma() -> None:
    """'== 12.3' in a French course: its students type '12,3', which '==' marks wrong (README: add
    '== 12,3'). Said where no answer of the slot accepts the comma; not in code, nor with a point mark."""
    assert comma_warnings("::: question o\nRound to one decimal.\n\n== 12.3\n:::\n") == [
        "units/t.md:10: warning: '== 12.3' is compared exactly, and this course writes decimals with a comma:"
        " a student's '12,3' is marked wrong; add '== 12,3' (or write '= 12.3' to accept the number however it"
        " is written); if it is no decimal (a version, 'Python 3.12'), 'ignore: [decimal-point]' in the front matter"
        " silences this [decimal-point]"
    ]
    assert comma_warnings("::: question o\nIn Ziffern?\n\n== 1.500\n:::\n") == []  # 1500, as German groups it
    assert comma_warnings("::: question o\nRound.\n\n== 12.3\n== 12,3\n:::\n") == []
    assert comma_warnings("::: question o\nRound.\n\n= 12.3\n:::\n") == []
    assert comma_warnings("::: question o\nRound.\n\n== 12.3\n:::\n", comma=False) == []
    assert comma_warnings("::: question o\nRound.\n\n== v1.2\n:::\n") == []
    assert len(comma_warnings("::: question o\nIt is [[== -0.50]] volts.\n:::\n")) == 1
    assert comma_warnings("::: question o\nIt is [[== -0.50|== -0,50]] volts.\n:::\n") == []
    assert comma_warnings("::: question o\nSet `x = [[== 0.5]]`.\n:::\n") == []
    assert comma_warnings("::: question o\nWie spät ist es um halb vier?\n\n== 15.30\n:::\n") == [
        "units/t.md:10: warning: '== 15.30' is compared exactly and looks like a time of day: a student's '15:30'"
        " is marked wrong; add '== 15:30' (not '= 15.30': that reads it as a number, and '15,3' would be right);"
        " if it is a decimal, add '== 15,30'; 'ignore: [decimal-point]' in the front matter silences this"
        " [decimal-point]"
    ]
    assert comma_warnings("::: question o\nUm halb vier?\n\n== 15.30\n== 15:30\n:::\n") == []
    # the number before scientific notation or a unit too (new teacher dd 3); the time of day alone
    assert comma_warnings("::: question o\nIn wissenschaftlicher Schreibweise?\n\n== 3.0 × 10^8\n:::\n") == [
        "units/t.md:10: warning: '== 3.0 × 10^8' is compared exactly, and this course writes decimals with a comma:"
        " a student's '3,0 × 10^8' is marked wrong; add '== 3,0 × 10^8'; if it is no decimal (a version, 'Python"
        " 3.12'), 'ignore: [decimal-point]' in the front matter silences this [decimal-point]"
    ]
    assert len(comma_warnings("::: question o\nDrei geltende Ziffern.\n\n== 12.3 g\n:::\n")) == 1
    assert len(comma_warnings("::: question o\nR?\n\n== 8.31 J/(mol·K)\n:::\n")) == 1
    assert comma_warnings("::: question o\nR?\n\n== 3.0 × 10^8\n== 3,0 × 10^8\n:::\n") == []
    assert comma_warnings("::: question o\nVersion?\n\n== 1.5.2\n:::\n") == []
    assert comma_warnings("::: question o\nUm?\n\n== 15.30 Uhr\n:::\n")[0].startswith(
        "units/t.md:10: warning: '== 15.30 Uhr' is compared exactly, and this course writes decimals with a comma"
    )
    assert comma_warnings("::: question o\nRound.\n\n== 0.50\n:::\n")[0].endswith(
        "(or write '= 0.50' to accept the number however it is written); if it is no decimal (a version,"
        " 'Python 3.12'), 'ignore: [decimal-point]' in the front matter silences this [decimal-point]"
    )


@pytest.mark.parametrize(("language", "comma"), [("de", True), ("es", True), ("en", False)])
def test_the_decimal_mark_comes_from_the_language_or_the_themes_strings(
    tmp_path: Path, language: str, comma: bool
) -> None:
    from masterysite.config import load_config

    (tmp_path / "units").mkdir()
    (tmp_path / "units" / "a.md").write_text("---\ntitle: A\n---\n\nA.\n", encoding="utf-8")
    (tmp_path / "course.yml").write_text(f"title: T\nlanguage: {language}\nunits: [a.md]\n", encoding="utf-8")
    config = load_config(tmp_path, Report())
    assert config is not None and config.decimal_comma is comma
    (tmp_path / "theme").mkdir()
    mark = "." if comma else ","
    (tmp_path / "theme" / "strings.yml").write_text(f'{language}:\n  decimal_mark: "{mark}"\n', encoding="utf-8")
    config = load_config(tmp_path, Report())
    assert config is not None and config.decimal_comma is not comma


def test_a_number_by_value_where_the_question_asks_for_a_base_or_scientific_notation_warns() -> None:
    """'= 1010' for "10 in binary" accepted '1010.0' and '1.01e3'; '= 1E3' in hexadecimal was 1000; '= 4.2 × 10^-4'
    "in scientific notation" accepted the prompt's own 0.00042 (new teacher w 1, 4, 5). Said once a question;
    not where the question asks for decimal, nor for '==', a prefixed '0x1F' or another question."""
    assert messages("::: question o\nWrite 10 in binary.\n\n= 1010\n:::\n") == [
        "units/t.md:10: warning: '= 1010' is read as a decimal number ('1010.0' and '1,010' are right too), but the"
        " question asks for binary: write '== 1010' to compare the digits as written [number-form]"
    ]
    assert messages("::: question o\nWrite 483 in hexadecimal.\n\n= 1E3\n:::\n") == [
        "units/t.md:10: warning: '= 1E3' is read as a decimal number ('1000' is right too), but the question asks for"
        " hexadecimal: write '== 1E3' to compare the digits as written [number-form]"
    ]
    assert messages("::: question o\nWrite 0.00042 in scientific notation.\n\n= 4.2 × 10^-4\n:::\n") == [
        "units/t.md:10: warning: '= 4.2 × 10^-4' is right however the number is written ('0.00042' too), but the"
        " question asks for scientific notation: to ask for that form, write '== 4.2 × 10^-4' (it accepts the same"
        " digits in scientific notation however they are typed, '4.2e-4' too, but not '0.00042') [number-form]"
    ]
    # the digits as written ('3.0e8', not '3e8', which '== 3.0 × 10^8' rejects), and a comma course's comma (new dd 3)
    assert messages("::: question o\nThe speed of light in scientific notation?\n\n= 3.0 × 10^8\n:::\n")[0].endswith(
        "write '== 3.0 × 10^8' (it accepts the same digits in scientific notation however they are typed, '3.0e8'"
        " too, but not '300000000') [number-form]"
    )
    german = "::: question o\nIn wissenschaftlicher Schreibweise?\n\n= 3.0 × 10^8\n:::\n"
    assert next(m for m in comma_messages(german) if "[number-form]" in m).endswith(
        "write '== 3,0 × 10^8' (it accepts the same digits in scientific notation however they are typed, '3,0e8'"
        " too, but not '300000000') [number-form]"
    )
    assert messages("::: question o\nWrite 483 in hexadecimal.\n\n= 1A3\n:::\n")[0].endswith(
        "write '== 1A3' to compare the digits as written (and '== 1a3' for lower case) [number-form]"
    )
    assert messages("::: question o\nWrite binary 1010 in decimal.\n\n= 10\n:::\n") == []
    assert messages("::: question o\nWrite 31 in hex.\n\n= 0x1F\n== 1F\n:::\n") == []
    assert messages("::: question o\nHow far, in scientific notation?\n\n= 300000 km\n= 300000\n:::\n") == []
    assert messages("::: question o\nWrite 10 in binary.\n\n== 1010\n:::\n") == []
    # in French and German too; not a count ('= 4' bits a hex digit, '= 256' values of 8 binary digits: round x 3, 7)
    assert [m[-13:] for m in messages("::: question o\nÉcrivez 31 en hexadécimal.\n\n= 1F\n:::\n")] == ["[number-form]"]
    assert "[number-form]" in messages("::: question o\nSchreiben Sie 10 als Binärzahl (binär).\n\n= 1010\n:::\n")[-1]
    assert messages("::: question o\nHow many bits in one hex digit?\n\n= 4\n:::\n") == []
    assert messages("::: question o\nHow many values do 8 binary digits make?\n\n= 256\n:::\n") == []


def test_a_number_alone_where_the_question_asks_for_a_percentage_or_degrees_warns() -> None:
    """'= 75' for "What percentage passed?": '75%' is marked wrong, and a student lost two of seven
    questions so (new teacher t 3). Said where the question asks for it; not for a number's own '25%'."""
    warned = messages("::: question o\nWhat percentage passed?\n\n= 75\n:::\n")
    assert warned == [
        "units/t.md:10: warning: '75' is a number alone, but the question asks for a percentage: '75%' is marked"
        " wrong; add '= 75%' to accept it too; if the number alone is meant, 'ignore: [unit-alone]' in the front"
        " matter silences this [unit-alone]"
    ]
    assert "'-7 °C' is marked wrong" in messages("::: question o\nThe change in °C?\n\n= -7\n:::\n")[0]
    assert messages("::: question o\nWhat is 25% of 80?\n\n= 20\n:::\n") == []
    assert messages("::: question o\nFrom 3 °C to 5 °C: by how much?\n\n= 2\n:::\n") == []
    assert messages("::: question o\nWhat percentage passed?\n\n= 75\n= 75%\n:::\n") == []
    # a variable named so, in code, asks for no percentage (port bb 17: the advice made '0.7719%' right)
    assert messages("::: question o\nSet `percentage` to `actual / max`: what is it?\n\n= 0.7719\n:::\n") == []
    # a number's own 'percent' asks for none, nor 'not a percentage': the advice made '1.96%' right (new teacher dd 4)
    for quiet in (
        "For 95 percent confidence, what is z*?\n\n= 1.96",
        "The 99 per cent level?\n\n= 2.58",
        "Write it as a proportion, not a percentage.\n\n= 0.03",
        "Ein 95-Prozent-Konfidenzintervall: z?\n\n= 1.96",
        "Bei 5 Prozent Irrtum: alpha als Dezimalzahl?\n\n= 0.05",
    ):
        assert messages(f"::: question o\n{quiet}\n:::\n") == [], quiet
    assert "asks for a percentage" in messages("::: question o\nAs a percentage, 95 percent of 80?\n\n= 76\n:::\n")[0]
    # "How many degrees…?" (the starter's own question: '70°' had been wrong, with no word: new teacher cc 5)
    said = [m.split("asks for ")[1].split(" is marked")[0] for m in messages(
        "::: question o\nHow many degrees is the third angle?\n\n= 70\n:::\n\n"
        "::: question o\nWhat is it in degrees Fahrenheit?\n\n= 50\n:::\n\n"
        "::: question o\n¿Cuántos grados?\n\n= 90\n:::\n"
    )]  # fmt: skip
    assert said == ["degrees: '70°'", "'°F': '50 °F'", "degrees: '90°'"]
    assert messages("::: question o\nHow many degrees?\n\n= 70\n= 70°\n:::\n") == []
    # the degree of a polynomial, degrees of freedom: no angle, no sign to add (statistics, algebra)
    for quiet in (
        "What is the degree of x³ + 2x?",
        "What degree is the polynomial?",
        "How many degrees of freedom has a t-test of 10 values?",
        "¿Cuántos grados de libertad?",
        "Combien de degrés de liberté ?",
        "Welchen Grad hat das Polynom?",
        "Der Grad des Polynoms?",
    ):
        assert messages(f"::: question o\n{quiet}\n\n= 9\n:::\n") == [], quiet
    assert "'25 °C' is marked wrong" in messages("::: question o\nThe temperature in degree Celsius?\n\n= 25\n:::\n")[0]
    assert "'90°' is marked wrong" in messages("::: question o\nWie viel Grad hat der Winkel?\n\n= 90\n:::\n")[0]


def test_a_number_with_no_exact_decimal_says_which_decimals_are_wrong() -> None:
    """'= 1/3' for a probability marked every decimal a student types wrong ('0.33', '0.333'), and check said
    nothing (new teacher dd 5). Not where the question asks for a fraction, or another answer takes a decimal."""
    assert messages("::: question o\nThe probability of a 5 or a 6?\n\n= 1/3\n:::\n") == [
        "units/t.md:10: warning: '= 1/3' has no exact decimal: a student who writes '0.33' or '0.333' is marked"
        " wrong; to accept them, add '= 0.33' and '= 0.333' (or write '= 1/3 ± 0.005', a range, which the page"
        " carries as data); if a fraction is meant, 'ignore: [number-form]' in the front matter silences this"
        " [number-form]"
    ]
    assert "'33.33' or '33.333'" in messages("::: question o\nThe mean?\n\n= 100/3\n:::\n")[0]
    for quiet in ("Simplify 2/6.\n\n= 1/3", "As a fraction?\n\n= 1/3", "P?\n\n= 1/3\n= 0.33", "P?\n\n= 1/4"):
        assert messages(f"::: question o\n{quiet}\n:::\n") == [], quiet


def test_a_number_alone_where_the_question_names_a_unit_or_a_currency_warns() -> None:
    """'= 2.5' for "Convert 2500 g to kilograms", '= 1,5' for "¿Cuánto cuesta, en euros?": the student who writes
    the unit asked for ('2.5 kg', '1,5 €', '$2.40') was marked wrong with no word (new teacher z 1)."""
    said = [
        m.split("asks for ")[1].split(" is marked")[0]
        for text in (
            "Convert 2500 g to kilograms.\n\n= 2.5",
            "How much do two pens cost, in dollars?\n\n= 2.4",
            "¿Cuánto cuesta medio kilo, en euros?\n\n= 1.5",
            "What is 25 °C in kelvin?\n\n= 298.15",
            "How long is each side (in m)?\n\n= 3/4",
        )
        for m in messages(f"::: question o\n{text}\n:::\n")
    ]
    assert said == ["'kg': '2.5 kg'", "'$': '$2.4'", "'€': '1.5 €'", "'K': '298.15 K'", "'m': '3/4 m'"]
    for quiet in (
        "A meter stick is 100 cm. How many cm in 2 of them?\n\n= 200",  # (a unit named, not asked for)
        "How many grams in a kilogram?\n\n= 1000",
        "Convert 2500 g to kilograms.\n\n= 2.5\n= 2.5 kg",
        "Convert 2 km to m/s?\n\n= 3",
    ):
        assert messages(f"::: question o\n{quiet}\n:::\n") == [], quiet


def test_one_number_with_several_units_is_said_once() -> None:
    """'= 0.25 mol/L', '= 0.25 M', '= 0.25 mol·L⁻¹': one [unit-alone] warning, at the first (new teacher u 13)."""
    found = messages("::: question o\nConcentration?\n\n= 0.25 mol/L\n= 0.25 M\n= 0.25 mol·L⁻¹\n= 3 g\n:::\n")
    assert [m.split(": warning: '")[1].split("'")[0] for m in found if "[unit-alone]" in m] == ["0.25 mol/L", "3 g"]


def unit_alone(body: str, comma: bool = True) -> list[str]:
    return [m for m in comma_messages(body, comma) if m.endswith("[unit-alone]")]


def test_unit_alone_advice_writes_the_courses_decimal_mark_and_the_currency_as_written() -> None:
    """In a comma course '= 1,013 kg' had been told to add '= 1.013' (1013 there) and that '1.013kg' is right
    (new teacher ff 3); '= R$ 20,00' is a sum in reais (ff 1), said as 'R$', never as the sign it is compared as."""
    said = unit_alone("::: question o\nMass?\n\n= 1,013 kg\n:::\n\n::: question o\nPrice?\n\n= R$ 20,00\n:::\n")
    assert said == [
        "units/t.md:10: warning: '1,013 kg' is a number with a unit: it is right however it is spaced or capitalised"
        " ('1,013kg'), but '1,013' alone is marked wrong; add '= 1,013' to accept the number alone; if the question"
        " asks for the unit, 'ignore: [unit-alone]' in the front matter silences this [unit-alone]",
        "units/t.md:16: warning: 'R$ 20,00' is a number with a unit: it is right however it is spaced or capitalised"
        " ('20,00 R$'), but '20,00' alone is marked wrong; add '= 20,00' to accept the number alone; if the question"
        " asks for the unit, 'ignore: [unit-alone]' in the front matter silences this [unit-alone]",
    ]
    ranged = unit_alone("::: question o\nMass?\n\n= 1,5 ± 0,1 kg\n:::\n")
    assert "'1,5 kg' is right, but '1,5' alone is marked wrong; add '= 1,5 ± 0,1' to accept" in ranged[0]


def test_a_number_in_words_is_told_to_add_the_number_in_full_not_the_number_before_the_word() -> None:
    """'= 2.5 million': '= 2.5' (the old advice) would accept 2.5 for 2.5 million (new teacher ff 9)."""
    assert unit_alone("::: question o\nGDP?\n\n= 2.5 million\n:::\n", comma=False) == [
        "units/t.md:10: warning: '2.5 million' is read as a number with a unit, 'million': '2.5million' is right,"
        " but the same number written in full, '2500000', is marked wrong; add '= 2500000' to accept it (not"
        " '= 2.5', which would accept 2.5) [unit-alone]"
    ]
    assert unit_alone("::: question o\nGDP?\n\n= 2,5 milhões\n= 2500000\n:::\n") == []


def test_a_time_written_with_h_is_a_time_not_a_number_of_a_unit() -> None:
    """'= 15h30' had been 15 of a unit 'h30', and its advice '= 15' made 15:00 right (new teacher ff 8)."""
    assert unit_alone("::: question o\nWhen?\n\n= 15h30\n:::\n") == []
    answer = judging.parse_answer("= 15h30", 1, comma=True)
    assert answer.kind == "text" and judging.matches(answer, "15:30", True)


def test_a_teachers_number_that_starts_0_comma_is_a_decimal_whatever_the_mark() -> None:
    """'= 0,005' had been 'ambiguous: write 0005 for a whole number' (port ff 19), though no grouping of
    thousands starts with 0 (README: so a student's '0,350' is read); alone or as a tolerance it is 0.005."""
    assert messages("::: question o\nTo two places?\n\n= 0,005\n= 5/3 ± 0,005\n:::\n") == []
    assert str(judging.parse_answer("= 5/3 ± 0,005", 1).tolerance) == "1/200"
    assert messages("::: question o\nHow far?\n\n= 0,005 m\n:::\n") == [
        "units/t.md:10: '0,005 m' is ambiguous: write 0.005 m (a decimal) or a number without the comma"
    ]


def test_a_point_written_with_a_bar_is_one_answer_not_two() -> None:
    """'= P(1|0)', a point as German schools write it: check had said to split it at the bar, '= (1' and
    '= 0)' (port ff 03). A bar inside a bracket is no alternative; elsewhere it is still said."""
    assert messages("::: question o\nPunkt?\n\n= (1|0)\n= (-2 | 4)\n:::\n") == []
    assert [m.endswith("[lenient-code]") for m in messages("::: question o\nColour?\n\n= red|rot\n:::\n")] == [True]


def test_a_percentages_unit_alone_advice_also_gives_the_share_of_one() -> None:
    """For a probability's '= 50%', [unit-alone] told the teacher to add '= 50', which would mark 50 right as a
    probability (new teacher hh 6). It gives the share of one too, written as the course writes decimals."""
    (message,) = messages("::: question o\nThe probability of heads?\n\n= 50%\n:::\n")
    assert "add '= 50' to accept the number alone (or '= 0.5' for it as a share of one); if the" in message
    message = comma_messages("::: question o\nWelcher Anteil?\n\n= 12,5%\n:::\n")[0]
    assert "add '= 12,5' to accept the number alone (or '= 0,125' for it as a share of one)" in message
