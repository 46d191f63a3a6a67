"""The core student journey in Firefox ESR and in WebKit (Safari's engine), over a plain-http school
server and from disk: fail, read the correctives, retake, master, the next unit unlocks, the
progress survives a reload, export, and import on another device. (Chromium runs the full set of
browser tests; here the promise is that the same journey works in the other two engines.)"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import SUBFOLDER
from tests.browser.engines import Driver, firefox, school_server, webkit
from tests.browser.student import Course, UnitKey

pytestmark = pytest.mark.browser

U1, U2 = "whole-and-parts", "equivalent-fractions"

KEEP_EXPORT = """
window.__blobs = [];
var make = URL.createObjectURL;
URL.createObjectURL = function (b) { window.__blobs.push(b); return make.call(URL, b); };
HTMLAnchorElement.prototype.click = function () {};  // no save dialog: the test reads the Blob
"""


@pytest.fixture(scope="module", params=["firefox", "webkit"])
def engine(request: pytest.FixtureRequest, site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with school_server(site.parents[1]) as port:
        if request.param == "firefox":  # on the Playwright the Chromium tests already started
            launcher = firefox(port, tmp_path_factory.mktemp("dl"), request.getfixturevalue("pw"))
        else:
            launcher = webkit(port)
        with launcher as fresh:
            yield fresh, port


def answer(d: Driver, unit: UnitKey, n_right: int) -> None:
    """Answer the shown questions, the first n_right right and the rest wrong."""
    keys = d.run(
        "return [].map.call(document.querySelectorAll('fieldset.question:not([hidden])'), f => f.dataset.key);"
    )
    assert len(keys) == unit.draw, keys
    for i, key in enumerate(keys):
        q = unit.by_key(key)
        right = i < n_right
        if q.kind == "text":
            d.type(f"#q-{key}-input", q.right_text() if right else "0")
        else:
            for cid in q.correct if right else [q.wrong_choice()]:
                d.click(f"#q-{key}-{cid}")


def journey(fresh: Callable[[], Driver], root: str, course: Course, tmp: Path) -> None:
    unit = course.unit(U1)
    d = fresh()
    d.goto(root + unit.href)
    d.clear_storage()
    d.goto(root + unit.href)
    d.wait("return !document.documentElement.className.match(/ms-pending|ms-broken/) && "
           "!!document.querySelector('#ms-check:not([hidden])');", "the quiz")  # fmt: skip

    # Fail: the score, the correctives for what was missed, the retake after them.
    answer(d, unit, 2)
    d.click("#ms-check")
    d.wait("return document.querySelector('#ms-results:not([hidden])');", "the result")
    assert "You scored 40% (2 of 5)." in d.text("#ms-results"), d.text("#ms-results")
    assert d.shown("#ms-correctives") and d.shown("#ms-retry-bottom") and not d.shown("#ms-retry")

    # Retake: a fresh draw; master it: bonus work, the next unit opens.
    d.click("#ms-retry-bottom")
    d.wait("return document.querySelector('#ms-check:not([hidden])');", "a fresh draw")
    answer(d, unit, unit.draw)
    d.click("#ms-check")
    d.wait("return /Mastered!/.test(document.getElementById('ms-results').innerText);", "mastery")
    assert d.shown("#ms-enrichment")
    assert course.unit(U2).title in d.text("#ms-results .go-on")

    # It lasts: the course page after a reload shows U1 mastered and U2 open.
    d.goto(root + "index.html")
    cards = d.wait("return document.querySelectorAll('.unit-card').length && [].map.call("
                   "document.querySelectorAll('.unit-card'), c => c.className);", "the course list")  # fmt: skip
    assert "is-mastered" in cards[0] and "is-available" in cards[1] and "is-locked" in cards[2], cards

    # Export, then import on another device.
    d.goto(root + "progress.html")
    d.run(KEEP_EXPORT)
    if d.run("return !!document.getElementById('ms-student-name');"):
        d.type("#ms-student-name", "Ada")  # the export asks for the student's name first
    d.click("#ms-export")
    d.wait("return window.__blobs.length;", "the exported file")
    text = d.run("return window.__blobs[0].text();")
    exported = json.loads(text)
    assert exported["units"][U1]["mastered"] is True and exported["units"][U1]["attempts"] == 2
    file = tmp / "progress.json"
    file.write_text(text, encoding="utf-8")

    other = fresh()
    other.goto(root + "progress.html")
    other.clear_storage()
    other.goto(root + "progress.html")
    other.upload("#ms-import", file)
    other.wait("return /Imported progress/.test(document.getElementById('ms-progress-message').innerText);", "import")
    other.goto(root + course.unit(U2).href)
    other.wait("return document.querySelector('#ms-check:not([hidden])');", "the newly opened unit's quiz")
    for driver in (d, other):
        assert not driver.errors(), f"{driver.name}: script errors {driver.errors()}"
        assert not driver.shown(".broken-notice"), f"{driver.name}: the theme's script did not start"


@pytest.mark.parametrize("where", ["http", "file"])
def test_core_journey_in_firefox_and_webkit(
    engine: Any, where: str, site: Path, course_key: Course, tmp_path: Path
) -> None:
    fresh, port = engine
    root = f"http://school.test:{port}/{SUBFOLDER}/" if where == "http" else site.as_uri() + "/"
    journey(fresh, root, course_key, tmp_path)


def test_a_wide_formula_scrolls_in_its_own_box_on_a_phone_in_firefox(
    site: Path, course_key: Course, tmp_path: Path, pw: Any
) -> None:
    """Firefox (and Safari) do not clip a <math> element's children: a formula wider than a phone
    pushed the page sideways and cut the text off. Its box scrolls instead. (WebKitGTK's window is no
    narrower than 447 px here: Firefox stands for both.)"""
    with school_server(site.parents[1]) as port, firefox(port, tmp_path, pw) as fresh:
        d = fresh()
        d.page.set_viewport_size({"width": 390, "height": 844})
        d.goto(site.as_uri() + "/" + course_key.unit(U1).href)
        d.wait("return document.querySelector('.math.block');", "the formula")
        widths = d.run("return [document.documentElement.scrollWidth, window.innerWidth];")
        assert widths[0] <= widths[1], f"the page is {widths[0]} px wide on a {widths[1]} px screen"
        assert d.run("var b = document.querySelector('.math.block'); return b.scrollWidth > b.clientWidth;")


def test_a_long_inline_formula_scrolls_in_its_own_box_on_a_phone_in_webkit(tmp_path: Path) -> None:
    """Safari cannot keep a scrolling box on the text's baseline ('baseline-source'): there too, a long
    inline formula (marked by the build) scrolls in its own box, not the page. In a 390-px frame: the
    WebKitGTK window is no narrower than 447 px."""
    from masterysite.build import build
    from tests.conftest import write_files

    formula = " + ".join(f"a_{{{i}}} x^{{{i}}}" for i in range(1, 30))
    unit = f"---\ntitle: Sum\n---\nThe sum ${formula}$ is long, and $x^2$ is short.\n"
    course = write_files(tmp_path / "course", {"course.yml": "title: Long\n", "units/sum.md": unit})
    site = tmp_path / "web" / "site"
    build(course, site)
    frame = '<!doctype html><iframe id="f" src="units/sum.html" style="width:390px;height:600px;border:0"></iframe>'
    (site / "frame.html").write_text(frame, encoding="utf-8")
    with school_server(site.parent) as port, webkit(port) as fresh:
        d = fresh()
        d.goto(f"http://school.test:{port}/site/frame.html")
        d.wait("return !!document.getElementById('f').contentDocument.querySelector('.math-long');", "the formula")
        widths = d.run(
            "var w = document.getElementById('f').contentWindow;"
            " return [w.document.documentElement.scrollWidth, w.innerWidth];"
        )
        assert widths[0] <= widths[1], f"the page is {widths[0]} px wide in a {widths[1]} px frame"
