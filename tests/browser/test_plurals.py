"""Plural forms beyond one and several: Arabic's dual ("سؤالان", two questions) and its few and many,
Russian's and Polish's few and many (round hh new 7). The page asks the browser (Intl.PluralRules); the
templates ask masterysite/plurals.py, which must answer as the browser does, language by language."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from masterysite.build import build
from masterysite.errors import Report
from masterysite.plurals import LANGUAGES, plural_form
from masterysite.theme import check_strings

pytestmark = pytest.mark.browser

COUNTS = [*range(0, 230), 1000, 1001, 1_000_000, 2_000_000, 2_000_001]


def test_the_python_rules_are_the_browsers(page: Page) -> None:
    """For each language with rules of its own, every count from 0 to 229 and a few large ones."""
    page.goto("about:blank")
    languages = [*LANGUAGES, "en", "de", "pt-BR", "es-MX", "ar-EG", "zz"]
    browser = page.evaluate(
        "([ls, counts]) => ls.map(l => { var r = new Intl.PluralRules(l); return counts.map(n => r.select(n)); })",
        [languages, COUNTS],
    )
    for language, forms in zip(languages, browser, strict=True):
        ours = [plural_form(language, n) for n in COUNTS]
        wrong = [(n, o, b) for n, o, b in zip(COUNTS, ours, forms, strict=True) if o != b]
        assert not wrong, f"{language}: (count, plurals.py, browser) {wrong[:6]}"


STRINGS = """\
ar:
  quiz_intro: "أجب عن {count} أسئلة. احصل على {percent} على الأقل لإتقان هذه الوحدة."
  quiz_intro_two: "أجب عن سؤالين. احصل على {percent} على الأقل لإتقان هذه الوحدة."
  quiz_intro_many: "أجب عن {count} سؤالًا. احصل على {percent} على الأقل لإتقان هذه الوحدة."
  unanswered: "تخطيت {n} أسئلة. هل تجيب عنها أولًا؟"
  unanswered_two: "تخطيت سؤالين. هل تجيب عنهما أولًا؟"
  summary: "أتقنت {n} من {total} وحدات"
  summary_two: "أتقنت {n} من وحدتين"
"""


def unit(title: str, questions: int) -> str:
    body = "".join(f"\n::: question x\nما ناتج {i} + 1؟\n\n= {i + 1}\n:::\n" for i in range(questions))
    return f"---\ntitle: {title}\nrequires: []\nobjectives:\n  x: جمع عددين\n---\n\nدرس قصير.\n" + textwrap.dedent(body)


@pytest.fixture(scope="module")
def arabic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("plurals") / "course"
    (root / "units").mkdir(parents=True)
    (root / "theme").mkdir()
    (root / "theme" / "strings.yml").write_text(STRINGS, encoding="utf-8")
    (root / "course.yml").write_text("title: الجمع\nid: plurals-ar\nlanguage: ar\n", encoding="utf-8")
    (root / "units" / "a.md").write_text(unit("سؤالان", 2), encoding="utf-8")
    (root / "units" / "b.md").write_text(unit("ثلاثة", 3), encoding="utf-8")
    (root / "units" / "c.md").write_text(unit("أحد عشر", 11), encoding="utf-8")
    report = Report()
    check_strings(root, report)
    assert not report.sorted(), report.sorted()  # '_two', '_many' of a counted key are keys
    out = root.parent / "site"
    build(root, out)
    return out


def test_an_arabic_course_says_two_and_many_as_arabic_does(page: Page, arabic_site: Path) -> None:
    page.goto((arabic_site / "units" / "a.html").as_uri())
    expect(page.locator("#ms-quiz-intro")).to_contain_text("أجب عن سؤالين.")  # the dual, from the template
    expect(page.locator("#ms-nav-count")).to_have_text("أتقنت 0 من 3 وحدات")  # 3 units: few, the key itself
    page.locator("#ms-check").click()  # both skipped: the dual, from the script
    expect(page.locator("#ms-unanswered")).to_contain_text("تخطيت سؤالين.")
    page.goto((arabic_site / "units" / "b.html").as_uri())
    expect(page.locator("#ms-quiz-intro")).to_contain_text("أجب عن 3 أسئلة.")  # few: the key itself
    page.locator("#ms-check").click()
    expect(page.locator("#ms-unanswered")).to_contain_text("تخطيت 3 أسئلة.")
    page.goto((arabic_site / "units" / "c.html").as_uri())
    expect(page.locator("#ms-quiz-intro")).to_contain_text("أجب عن 11 سؤالًا.")  # many


def test_a_plural_form_of_a_key_that_counts_nothing_is_refused(tmp_path: Path) -> None:
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / "strings.yml").write_text(
        "ar:\n  unanswered_few: x\n  check_answers_two: y\n  summary_tw: z\n", encoding="utf-8"
    )
    report = Report()
    check_strings(tmp_path, report)
    found = [str(p) for p in report.sorted()]
    assert [p.split(": ", 2)[0] for p in found] == ["theme/strings.yml:3", "theme/strings.yml:4"], found
    assert "unknown key 'check_answers_two'" in found[0] and "did you mean 'summary_two'" in found[1], found
