"""A student's journey through the example course (SPEC §3), in headless Chromium, from a
plain-http school server (non-secure origin, sub-folder) and from disk (file://): every test
that takes `student`/`base_url` runs in both.

The student acts through roles, accessible names and labels (tests/browser/student.py); the
right answers come from the built site (checked against course/README.md's answer key below).
The harness fails any test whose pages raise a script error or request another host.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, expect

from tests.browser.conftest import ARGS, CHROMIUM, REPO, Watch
from tests.browser.student import Course, Student, progress_file, visible

# The theme catches handler errors and only warns: count those as script errors too.
pytestmark = pytest.mark.browser

U1 = "whole-and-parts"  # open from the start; draw 5 of 10; 80%
U2 = "equivalent-fractions"  # needs U1; draw 10 of 20; 90%
U3 = "simplifying"  # needs U2
U5 = "adding-like-denominators"  # needs U1
U6 = "adding-unlike-denominators"  # needs U5 and U3
U7 = "fraction-fair"  # needs U6; no quiz


def title(course: Course, uid: str) -> str:
    return course.unit(uid).title


def at_start(course: Course) -> dict[str, str]:
    """The course page's statuses before anything is mastered: only unit 1 is open."""
    return {u: ("Available" if u == U1 else "Locked") for u in course.order}


def after_unit1(course: Course) -> dict[str, str]:
    """The course page's statuses once unit 1 is mastered: exactly the units that need only it open."""
    return {u: "Locked" for u in course.order} | {U1: "Mastered", U2: "Available", U5: "Available"}


def busiest_objective(student: Student, uid: str) -> str:
    """The objective with the most questions in the shown attempt (>= 2 when 5 questions
    cover 3 objectives), so that 2 misses can fall on it alone."""
    counts = Counter(s.q.objective for s in student.shown(uid))
    objective, n = counts.most_common(1)[0]
    assert n >= 2, counts
    return objective


def expect_locked_notice(page: Page, course: Course, missing: list[str], start: str | None = None) -> None:
    """The notice links each prerequisite still to master; when all of them are locked too, it
    also says where to start ("Start here: <first unit the student can work on>")."""
    notice = page.get_by_role("region", name="Not open yet")
    expect(notice).to_be_visible()
    expect(notice.get_by_role("link")).to_have_text([title(course, u) for u in missing + ([start] if start else [])])
    if start:
        expect(notice.get_by_text(f"Start here: {title(course, start)}", exact=True)).to_be_visible()
    else:
        expect(notice).not_to_contain_text("Start here")


# ---------------------------------------------------------------------------------------------
# The answer key the student relies on
# ---------------------------------------------------------------------------------------------


def test_student_answer_key_agrees_with_the_course_readme(course_key: Course) -> None:
    """The student's knowledge (decoded from the built site) matches the answer key a human
    wrote in course/README.md, so "right" in these tests means right."""
    readme = (REPO / "course" / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Answer key for unit 1", 1)[1]
    rows = [r for r in re.findall(r"^\| (\w+) \| (single|multiple|text) \| (.+?) \| (.+?) \|$", table, re.M)]
    unit = course_key.unit(U1)
    assert len(rows) == len(unit.questions) == 10

    def letters(s: str) -> str:
        return re.sub(r"[^a-z]", "", s.lower())

    for objective, kind, prompt, answer in rows:
        matches = [q for q in unit.questions if letters(q.prompt).startswith(letters(prompt))]
        assert len(matches) == 1, f"README prompt {prompt!r} matches {len(matches)} questions"
        q = matches[0]
        assert (q.objective, q.kind) == (objective, kind), prompt
        if kind == "single":
            assert q.right_labels() == [answer], prompt
        elif kind == "text":
            assert answer.split(" (or:")[0] in q.accepted, (prompt, q.accepted)
        else:
            quoted = re.findall(r'"(.+?)"', answer)
            assert len(q.correct) == 2, prompt
            if quoted:
                assert sorted(q.right_labels()) == sorted(quoted), prompt


# ---------------------------------------------------------------------------------------------
# 1. Locked units
# ---------------------------------------------------------------------------------------------


def test_locked_unit_opened_by_url_shows_only_the_notice_with_links(
    student: Student, course_key: Course, page: Page
) -> None:
    student.open_unit(U6)  # needs two units, neither mastered in a fresh profile
    main = page.get_by_role("main")
    expect(main.get_by_role("heading")).to_have_text([title(course_key, U6), "Not open yet"])
    expect_locked_notice(page, course_key, [U5, U3], start=U1)  # both locked: where to begin
    expect(page.get_by_role("region", name="Not open yet")).to_contain_text("To open this unit, first master:")
    # Nothing of the unit itself: no objectives, lesson, quiz, correctives or enrichment.
    expect(page.get_by_role("button", name="Check answers")).to_have_count(0)
    expect(page.get_by_role("group", name=re.compile(r"^Question \d"))).to_have_count(0)
    expect(page.get_by_role("textbox")).to_have_count(0)
    expect(page.get_by_role("img")).to_have_count(0)  # the lesson of unit 6 has pictures
    for gone in ("What you will learn", "Check your understanding", "Another way to learn it", "Bonus challenges"):
        expect(page.get_by_role("heading", name=gone)).to_have_count(0)

    # The links work (relative, also from disk): follow them to the first open unit.
    page.get_by_role("region", name="Not open yet").get_by_role("link", name=title(course_key, U5)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title(course_key, U5))
    expect_locked_notice(page, course_key, [U1])
    page.get_by_role("region", name="Not open yet").get_by_role("link", name=title(course_key, U1)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title(course_key, U1))
    expect(page.get_by_role("region", name="Not open yet")).to_have_count(0)
    expect(page.get_by_role("heading", name="What you will learn")).to_be_visible()
    expect(page.get_by_role("button", name="Check answers")).to_be_visible()
    assert len(student.shown(U1)) == 5


# ---------------------------------------------------------------------------------------------
# 2. A failed attempt at exactly 60%
# ---------------------------------------------------------------------------------------------


def test_failed_attempt_at_60_percent_shows_score_verdicts_feedback_and_only_missed_correctives(
    student: Student, course_key: Course, page: Page
) -> None:
    unit = course_key.unit(U1)
    student.course_page()
    page.get_by_role("heading", name=unit.title, exact=True).get_by_role("link").click()
    missed = busiest_objective(student, U1)
    att = student.answer(U1, 3, miss_objective=missed)
    assert len(att.wrong) == 2 and {q.objective for q in att.wrong} == {missed}
    student.check()

    results = page.get_by_role("region", name="Not yet mastered")
    expect(results).to_be_visible()
    expect(results).to_contain_text("You scored 60% (3 of 5).")
    expect(results).to_contain_text("You need 80% to master this unit.")
    # Which questions were right.
    for s in att.shown:
        right = s.q in att.right
        expect(s.group.get_by_text("Correct", exact=True)).to_have_count(1 if right else 0)
        expect(s.group.get_by_text("Not correct", exact=True)).to_have_count(0 if right else 1)
    # Feedback for the chosen (wrong) choice; no correct answer or explanation revealed.
    feedback_seen = 0
    for q in att.wrong:
        group = page.get_by_role("group", name=q.prompt)
        if q.key in att.wrong_choice:
            cid = att.wrong_choice[q.key]
            expect(group).to_contain_text("your choice")
            if cid in q.feedback:
                expect(group).to_contain_text(q.feedback[cid])
                feedback_seen += 1
            for other, fb in q.feedback.items():
                if other != cid:
                    expect(group).not_to_contain_text(fb)  # only the chosen choice's feedback
        expect(group).not_to_contain_text("correct answer")
        expect(group).not_to_contain_text("Accepted answers")
        for accepted in q.accepted:
            expect(group.get_by_text(accepted, exact=True)).to_have_count(0)
        if q.explanation:
            expect(group).not_to_contain_text(q.explanation)
    expect(page.get_by_text("correct answer").filter(visible=True)).to_have_count(0)
    expect(page.get_by_text("Accepted answers").filter(visible=True)).to_have_count(0)
    if any(q.feedback for q in att.wrong if q.key in att.wrong_choice):
        assert feedback_seen, "a wrong choice with feedback was picked but no feedback shown"

    # Correctives: for the missed objective only.
    expect(page.get_by_role("region", name="Another way to learn it")).to_be_visible()
    student.expect_correctives_only_for(U1, missed)
    expect(results.get_by_role("link")).to_have_text([unit.objectives[missed]])
    # No enrichment, not mastered, nothing unlocked.
    expect(page.get_by_role("region", name="Bonus challenges")).to_have_count(0)
    expect(page.get_by_role("button", name="Try again with new questions", exact=True)).to_be_visible()
    expect(page.get_by_text("Not yet mastered · best score 60%", exact=True)).to_be_visible()
    student.course_page()
    assert student.statuses() == at_start(course_key)
    expect(student.card(U1)).to_contain_text("Best score: 60%")


# ---------------------------------------------------------------------------------------------
# 3. A retake is a fresh draw, reshuffled
# ---------------------------------------------------------------------------------------------


def test_try_again_gives_a_fresh_reshuffled_draw(student: Student, course_key: Course, page: Page) -> None:
    unit = course_key.unit(U1)
    pool_order = [q.key for q in unit.questions]
    student.open_unit(U1)
    previous = student.take(U1, 0).keys
    retakes = []
    for _ in range(3):
        student.try_again()
        expect(page.get_by_role("region", name="Not yet mastered")).to_have_count(0)
        shown = student.shown(U1)
        keys = [s.q.key for s in shown]
        assert not set(keys) & set(previous), "the retake repeats questions although the pool allows a fresh draw"
        for s in shown:  # a clean slate
            if s.q.kind == "text":
                expect(s.group.get_by_label("Your answer")).to_have_value("")
            else:
                for box in s.group.get_by_role(s.q.choice_role).all():
                    expect(box).not_to_be_checked()
            expect(s.group.get_by_text("Not correct", exact=True)).to_have_count(0)
        retakes.append(shown)
        student.button("Check answers").click()  # answer nothing: the quiz asks once, then counts it
        expect(page.get_by_role("main").get_by_text("You skipped 5 questions. Answer them first?")).to_be_visible()
        student.button("Check anyway").click()
        expect(page.get_by_role("region", name="Not yet mastered")).to_contain_text("You scored 0% (0 of 5).")
        previous = keys
    # Shuffled: question order is not the pool's order in every retake (chance: 1 in 120^3) and
    # choices are not all in authoring order (chance: far smaller).
    in_pool_order = [[s.q.key for s in r] == sorted((s.q.key for s in r), key=pool_order.index) for r in retakes]
    assert not all(in_pool_order), "questions are never reshuffled"
    choice_orders = [(s.choice_labels, list(s.q.choices.values())) for r in retakes for s in r if s.choice_labels]
    assert choice_orders and any(seen != authored for seen, authored in choice_orders), "choices are never reshuffled"
    for seen, authored in choice_orders:
        assert sorted(seen) == sorted(authored), "a choice went missing"


# ---------------------------------------------------------------------------------------------
# 4. Mastery at exactly 80%
# ---------------------------------------------------------------------------------------------


def test_mastery_at_80_percent_reveals_enrichment_and_unlocks_exactly_the_dependents(
    student: Student, course_key: Course, page: Page
) -> None:
    unit = course_key.unit(U1)
    student.open_unit(U1)
    att = student.take(U1, 4)
    results = page.get_by_role("region", name="Mastered!")
    expect(results).to_be_visible()
    expect(results).to_contain_text("You scored 80% (4 of 5).")
    enrichment = page.get_by_role("region", name="Bonus challenges")
    expect(enrichment).to_be_visible()
    assert enrichment.get_by_role("heading", level=3).count() >= 1
    expect(page.get_by_role("region", name="Another way to learn it")).to_have_count(0)
    # Now mastered, the missed question may show its answer for review.
    (wrong,) = att.wrong
    expect(page.get_by_role("group", name=wrong.prompt)).to_contain_text(
        "correct answer" if wrong.kind != "text" else "Accepted answers"
    )
    # Exactly the two dependents unlocked: go on to the first (in course order), the other named too.
    expect(results).to_contain_text("Great work! Bonus challenges are now open below.")
    expect(results).to_contain_text("You also opened:")
    expect(results.get_by_role("link")).to_have_text(
        ["★ Go to the bonus challenges", f"Go on to {title(course_key, U2)} →", title(course_key, U5)]
    )
    expect(results.get_by_role("button", name="Practise with new questions")).to_be_visible()
    expect(page.get_by_role("button", name="Try again", exact=True)).to_have_count(0)
    expect(page.get_by_text("Mastered · best score 80%", exact=True)).to_be_visible()

    results.get_by_role("link", name=f"Go on to {title(course_key, U2)} →").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title(course_key, U2))
    expect(page.get_by_role("button", name="Check answers")).to_be_visible()

    student.course_page()
    assert student.statuses() == after_unit1(course_key)
    expect(student.card(U1)).to_contain_text("Best score: 80%")
    expect(page.get_by_text("1 of 7 units mastered")).to_be_visible()

    student.open_unit(U3)  # still locked, also by URL: needs U2
    expect_locked_notice(page, course_key, [U2])
    expect(page.get_by_role("button", name="Check answers")).to_have_count(0)
    student.open_unit(U6)  # needs U5 (now available, not mastered) and U3
    expect_locked_notice(page, course_key, [U5, U3])
    student.open_unit(U1)  # back on the mastered unit: enrichment stays open
    expect(page.get_by_role("region", name="Bonus challenges")).to_be_visible()
    assert unit.draw == 5


# ---------------------------------------------------------------------------------------------
# 5. Progress survives a browser restart
# ---------------------------------------------------------------------------------------------


def test_progress_survives_a_browser_restart(
    pw: Playwright, watch: Watch, tmp_path: Path, base_url: str, course_key: Course
) -> None:
    profile = tmp_path / "profile"

    def run_browser(steps: Callable[[Student, Page], None]) -> None:
        ctx = pw.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=ARGS, headless=True, viewport={"width": 1280, "height": 900}
        )
        watch.attach(ctx)
        try:
            page = ctx.pages[0] if ctx.pages else ctx.new_page()
            steps(Student(page, course_key, base_url), page)
        finally:
            ctx.close()

    def first(student: Student, page: Page) -> None:
        student.open_unit(U1)
        student.take(U1, 1)
        student.try_again()
        student.take(U1, 4)
        expect(page.get_by_role("heading", name="Mastered!")).to_be_visible()

    def after_restart(student: Student, page: Page) -> None:
        expect_unit1_mastered_at_80_in_two_attempts(student, course_key)
        student.open_unit(U1)
        expect(page.get_by_role("region", name="Bonus challenges")).to_be_visible()

    run_browser(first)
    run_browser(after_restart)
    watch.assert_clean()


def expect_unit1_mastered_at_80_in_two_attempts(student: Student, course_key: Course) -> None:
    """Course page and progress page after unit 1 was mastered at 80% in its second attempt."""
    student.course_page()
    assert student.statuses() == after_unit1(course_key)
    expect(student.card(U1)).to_contain_text("Best score: 80%")
    student.open_progress()
    assert student.progress_row(title(course_key, U1)) == ["Mastered", "80% (4/5)", "2"]


# ---------------------------------------------------------------------------------------------
# 6. A later, weaker attempt changes nothing that counts
# ---------------------------------------------------------------------------------------------


def test_weaker_attempt_after_mastery_keeps_best_score_and_unlocks(
    student: Student, course_key: Course, page: Page
) -> None:
    student.master(U1, 4)
    student.button("Practise with new questions").click()
    expect(student.button("Check answers")).to_be_visible()
    student.take(U1, 1)
    results = page.get_by_role("region", name="Practice round")
    expect(results).to_contain_text("You scored 20% (1 of 5).")
    expect(results).to_contain_text("Your best score (80%) still counts.")
    expect(page.get_by_text("Mastered · best score 80%", exact=True)).to_be_visible()
    expect(page.get_by_role("region", name="Bonus challenges")).to_be_visible()

    page.reload()
    expect(page.get_by_text("Mastered · best score 80%", exact=True)).to_be_visible()
    expect(page.get_by_role("region", name="Bonus challenges")).to_be_visible()
    expect_unit1_mastered_at_80_in_two_attempts(student, course_key)
    student.open_unit(U2)
    expect(page.get_by_role("button", name="Check answers")).to_be_visible()


def test_a_practice_round_offers_the_explanations_of_what_it_missed(
    student: Student, course_key: Course, page: Page
) -> None:
    """A practice round after mastery that misses objectives offers their explanations, not those of an
    older failed attempt (a tester was shown the first attempt's, and none for what had just been missed)."""
    student.open_unit(U1)
    first = busiest_objective(student, U1)
    student.take(U1, 3, miss_objective=first)
    student.expect_correctives_only_for(U1, first)
    student.try_again()
    student.take(U1, 5)
    expect(student.heading("Mastered!")).to_be_visible()
    student.button("Practise with new questions").click()
    missed = {s.q.objective for s in student.shown(U1)}
    assert missed - {first}
    student.take(U1, 0)
    expect(page.get_by_role("region", name="Practice round")).to_be_visible()
    summary = page.get_by_text("Show the explanations again", exact=True)
    if summary.is_visible():
        summary.click()
    for oid, text in course_key.unit(U1).objectives.items():
        expect(page.get_by_role("region", name=f"Objective: {text}")).to_have_count(1 if oid in missed else 0)
    expect(page.get_by_text("Mastered · best score 100%", exact=True)).to_be_visible()
    student.button("Practise with new questions").click()  # (still the quiet retry of a mastered unit)
    expect(student.button("Check answers")).to_be_visible()


# ---------------------------------------------------------------------------------------------
# 7. Export, then import into a fresh browser profile
# ---------------------------------------------------------------------------------------------


def test_export_then_import_into_a_fresh_profile_restores_progress(
    student: Student, course_key: Course, page: Page, browser: Browser, watch: Watch, base_url: str, tmp_path: Path
) -> None:
    student.open_unit(U1)
    student.take(U1, 2)
    student.try_again()
    student.take(U1, 5)
    expect(page.get_by_role("heading", name="Mastered!")).to_be_visible()
    student.open_progress()
    page.get_by_label("Your name").fill("Ana Lima")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    file = tmp_path / download.value.suggested_filename
    download.value.save_as(file)
    assert file.name == f"masterysite-{course_key.data['id']}-ana-lima-progress.json"  # a class's files differ
    exported = json.loads(file.read_text(encoding="utf-8"))
    assert exported["format"] == "masterysite-progress" and exported["course"] == course_key.data["id"]
    rec = exported["units"][U1]
    assert (rec["mastered"], rec["attempts"], rec["best"]) == (True, 2, [5, 5])
    assert "draw" not in rec

    other = browser.new_context(viewport={"width": 1280, "height": 900})  # another device
    watch.attach(other)
    try:
        fresh = Student(other.new_page(), course_key, base_url)
        fresh.course_page()
        assert fresh.statuses() == at_start(course_key)
        fresh.open_progress()
        assert fresh.progress_row(title(course_key, U1)) == ["Available", "—", "0"]
        fresh.import_progress(file)
        expect(fresh.page.get_by_role("status").filter(has_text="Imported progress")).to_contain_text("(1 mastered)")
        assert fresh.progress_row(title(course_key, U1)) == ["Mastered", "100% (5/5)", "2"]
        for text in course_key.unit(U1).objectives.values():
            status, _best, attempts = fresh.progress_row(text, objective=True)
            assert (status, attempts) == ("Met", "2"), text
        fresh.course_page()
        assert fresh.statuses() == after_unit1(course_key)
        expect(fresh.card(U1)).to_contain_text("Best score: 100%")
        fresh.open_unit(U2)
        expect(fresh.page.get_by_role("button", name="Check answers")).to_be_visible()
    finally:
        other.close()


# ---------------------------------------------------------------------------------------------
# 9. The 90% unit: 9 of 10 passes, 8 of 10 fails
# ---------------------------------------------------------------------------------------------


def test_ninety_percent_unit_fails_at_8_of_10_and_passes_at_9_of_10(
    student: Student, course_key: Course, page: Page, tmp_path: Path
) -> None:
    seed = tmp_path / "unit1-mastered.json"  # seeded through the Import feature
    seed.write_text(json.dumps(progress_file(course_key, [U1])), encoding="utf-8")
    student.open_progress()
    student.import_progress(seed)

    student.open_unit(U2)
    expect(page.get_by_text("Score at least 90% to master this unit.")).to_be_visible()
    student.take(U2, 8)
    results = page.get_by_role("region", name="Not yet mastered")
    expect(results).to_contain_text("You scored 80% (8 of 10).")
    expect(results).to_contain_text("You need 90% to master this unit.")
    expect(page.get_by_role("region", name="Bonus challenges")).to_have_count(0)
    student.try_again()
    student.take(U2, 9)
    results = page.get_by_role("region", name="Mastered!")
    expect(results).to_contain_text("You scored 90% (9 of 10).")
    expect(results.get_by_role("link")).to_have_text(
        ["★ Go to the bonus challenges", f"Go on to {title(course_key, U3)} →", title(course_key, "comparing")]
    )
    expect(page.get_by_role("region", name="Bonus challenges")).to_be_visible()


# ---------------------------------------------------------------------------------------------
# 10. The progress page: every unit and objective, with status, best score and attempts
# ---------------------------------------------------------------------------------------------


def test_progress_page_lists_every_unit_and_objective(student: Student, course_key: Course, page: Page) -> None:
    student.open_unit(U1)
    missed = busiest_objective(student, U1)
    att = student.take(U1, 3, miss_objective=missed)
    tally: dict[str, list[int]] = {}
    for s in att.shown:
        t = tally.setdefault(s.q.objective, [0, 0])
        t[0] += s.q in att.right
        t[1] += 1

    student.open_progress()
    expect(page.get_by_role("columnheader")).to_have_text(["Unit", "Status", "Best score", "Attempts"])
    for unit in course_key.units():
        if unit.id == U1:
            assert student.progress_row(unit.title) == ["Available", "60% (3/5)", "1"]
        else:
            assert student.progress_row(unit.title) == ["Locked", "—", "0"], unit.id
        for oid, text in unit.objectives.items():
            row = student.progress_row(text, objective=True)
            if unit.id == U1 and oid in tally:
                r, n = tally[oid]
                pct = f"{100 * r // n}% ({r}/{n})"
                assert row == ["Not yet met" if oid == missed else "Met", pct, "1"], (oid, row)
            else:
                assert row == ["Not attempted", "—", "0"], (unit.id, oid, row)
    n_objectives = sum(len(u.objectives) for u in course_key.units())
    assert page.get_by_role("rowheader").count() >= len(course_key.order) + n_objectives


# ---------------------------------------------------------------------------------------------
# 11. A unit without a quiz
# ---------------------------------------------------------------------------------------------


def test_unit_without_quiz_can_be_marked_done_once_unlocked(
    student: Student, course_key: Course, page: Page, tmp_path: Path
) -> None:
    student.open_unit(U7)
    expect_locked_notice(page, course_key, [U6], start=U1)
    expect(page.get_by_role("button", name="Mark as done")).to_have_count(0)

    seed = tmp_path / "all-but-the-fair.json"  # seeded through the Import feature
    seed.write_text(json.dumps(progress_file(course_key, [u for u in course_key.order if u != U7])), encoding="utf-8")
    student.open_progress()
    student.import_progress(seed)
    assert student.progress_row(title(course_key, U7)) == ["Available", "—", "0"]

    student.open_unit(U7)
    expect(page.get_by_role("region", name="Not open yet")).to_have_count(0)
    expect(page.get_by_role("button", name="Check answers")).to_have_count(0)
    page.get_by_role("button", name="Mark as done").click()
    expect(page.get_by_role("main").get_by_text("Done! You have finished this unit.")).to_be_visible()
    expect(page.get_by_role("button", name="Mark as done")).to_have_count(0)
    expect(page.get_by_text("Mastered · best score 100%", exact=True)).to_be_visible()

    page.reload()
    expect(page.get_by_role("main").get_by_text("Done! You have finished this unit.")).to_be_visible()
    expect(page.get_by_role("button", name="Mark as done")).to_have_count(0)
    student.course_page()
    assert set(student.statuses().values()) == {"Mastered"}
    expect(page.get_by_text("7 of 7 units mastered")).to_be_visible()
    student.open_progress()
    assert student.progress_row(title(course_key, U7)) == ["Mastered", "100% (1/1)", "1"]
    assert visible(page.get_by_role("main").inner_text()).count("Mastered") >= 7
