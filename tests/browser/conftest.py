"""Real headless Chromium, driven as a student would: the example course served from a
plain-http, non-secure origin in a sub-folder (http://school.test:PORT/courses/fractions/)
and opened from disk (file://).

Every page carries a Content-Security-Policy without 'unsafe-eval': give page.wait_for_function
a function ("() => ..."), never a bare expression, which Playwright polls with eval()."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Playwright, sync_playwright

from masterysite.build import build
from tests.browser.static_server import serve_folder

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP school.test 127.0.0.1",
]
SUBFOLDER = "courses/fractions"


pytestmark = pytest.mark.browser


def axe_source() -> str:
    """axe-core from npm (scripts/test.sh fetches it) or the copy bundled with axe-core-python."""
    candidates = [REPO / ".cache" / "node_modules" / "axe-core" / "axe.min.js"]
    try:
        import axe_core_python

        candidates.append(Path(axe_core_python.__file__).parent / "axe.min.js")
    except ImportError:
        pass
    for file in candidates:
        if file.is_file():
            return file.read_text(encoding="utf-8")
    raise RuntimeError("axe-core not found: run scripts/test.sh (npm axe-core) or pip install axe-core-python")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example course, built once per session. Tests must not modify it."""
    root = tmp_path_factory.mktemp("web")
    out = root / SUBFOLDER
    build(REPO / "course", out)
    return out


@pytest.fixture(scope="session")
def http_root(site: Path) -> Iterator[str]:
    """Base URL of the site on a plain-http school server, in a sub-folder."""
    with serve_folder(site.parents[1]) as root:
        yield f"{root}{SUBFOLDER}/"


@contextlib.contextmanager
def serve_build(course: Path, site: Path) -> Iterator[str]:
    """Builds ``course`` into ``site`` and serves the folder above it on a plain-http school server;
    yields the site's URL (with a trailing slash)."""
    build(course, site)
    with serve_folder(site.parent) as root:
        yield f"{root}{site.name}/"


@pytest.fixture
def live(example_course: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The teacher's own copy of the example course (``example_course``, to edit and build again),
    built and served like the school server would: the site's URL and its folder."""
    out = tmp_path / "www" / "fractions"
    with serve_build(example_course, out) as root:
        yield root, out


@pytest.fixture(scope="session")
def file_root(site: Path) -> str:
    return site.as_uri() + "/"


@pytest.fixture(params=["http", "file"])
def base_url(request: pytest.FixtureRequest, http_root: str, file_root: str) -> str:
    """Each test that takes this runs twice: from the school server and from disk."""
    return http_root if request.param == "http" else file_root


@pytest.fixture(scope="session")
def pw() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


def launch(pw: Playwright) -> Browser:
    return pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)


@pytest.fixture(scope="session")
def browser(pw: Playwright) -> Iterator[Browser]:
    browser = launch(pw)
    yield browser
    browser.close()


@dataclass
class Watch:
    """What a page did that a student should never see: script errors and requests elsewhere."""

    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    allowed_hosts: tuple[str, ...] = ("school.test",)
    tolerated: tuple[str, ...] = ()  # console errors a test expects and names (e.g. a dev server's socket)

    def attach(self, context: BrowserContext) -> None:
        context.on("page", self.page)
        context.on("request", self.request)
        for page in context.pages:
            self.page(page)

    def page(self, page: Page) -> None:
        page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        page.on("console", self.console)

    def console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            if any(text in message.text for text in self.tolerated):
                return
            self.errors.append(f"console.error: {message.text}")
        elif message.type == "warning" and message.text.startswith("masterysite:"):
            # the theme's guard() reports a failed handler this way: for a student, that is a script error
            self.errors.append(f"theme failure: {message.text}")

    def request(self, request: object) -> None:
        url = urlparse(request.url)  # type: ignore[attr-defined]
        if url.scheme in ("file", "data", "blob", "about"):
            return
        if url.hostname not in self.allowed_hosts:
            self.foreign.append(request.url)  # type: ignore[attr-defined]

    def assert_clean(self) -> None:
        assert not self.foreign, f"requests to other hosts: {self.foreign}"
        assert not self.errors, f"script errors: {self.errors}"


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def context(browser: Browser, watch: Watch) -> Iterator[BrowserContext]:
    """A fresh browser profile (empty storage) for each test; fails the test on any script error
    or any request to another host."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    watch.attach(context)
    yield context
    context.close()
    watch.assert_clean()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture(scope="session")
def axe() -> str:
    return axe_source()


# --- the student helper (tests/browser/student.py): the built course as answer key, and a
# --- student acting through roles and labels on a fresh page.
from tests.browser.student import Course, Student  # noqa: E402


@pytest.fixture(scope="session")
def course_key(site: Path) -> Course:
    return Course(site)


@pytest.fixture
def student(page: Page, base_url: str, course_key: Course) -> Student:
    return Student(page, course_key, base_url)


WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page: Page, axe: str) -> list[str]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page, one line each.

    From file:// axe may not fetch the stylesheets itself (the browser blocks it and logs an
    error), so there it reads the styles the page has already applied ("preload": false)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe)
    options = {"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]}
    if page.url.startswith("file:"):
        options["preload"] = False
    found = page.evaluate(
        """async (options) => {
            const r = await axe.run(document, options);
            return r.violations.map(v => `${v.id}: ${v.help} -- ` +
                v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(' | '));
        }""",
        options,
    )
    return list(found)
