"""Firefox and WebKit for the browser tests (/work/shared/BROWSERS.md has the facts).

- Firefox ESR (Debian's firefox-esr) through Playwright's WebDriver BiDi launcher
  (``channel="moz-firefox"``; Playwright 1.57-1.64: 1.65 cannot drive stock Firefox).
- WebKit (Safari's engine) as WebKitGTK's MiniBrowser through Selenium and WebKitWebDriver,
  under Xvfb (without a display the session hangs).

Both are wrapped in one small `Driver` interface (CSS selectors, a script, a wait), enough for
the core journey in test_engines.py. Where an engine or its driver is missing the tests skip with
the reason, unless MASTERYSITE_ENGINES=required (scripts/test.sh sets it: CI must run them).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser.static_server import QuietHandler, static_server

FIREFOX = shutil.which("firefox-esr") or "/usr/bin/firefox-esr"
WEBKIT_DRIVER = shutil.which("WebKitWebDriver") or "/usr/bin/WebKitWebDriver"
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"

# Script errors, collected by the page itself (WebKit's driver has no console log): installed
# after each page load; anything before that is caught by the load check (the theme's own
# "script failed" notice shows).
WATCH = """
if (!window.__errors) {
  window.__errors = [];
  window.addEventListener('error', function (e) { window.__errors.push(String(e.message)); });
  var err = console.error;
  console.error = function () { window.__errors.push([].join.call(arguments, ' ')); err.apply(console, arguments); };
}
"""


def required() -> bool:
    return os.environ.get("MASTERYSITE_ENGINES") == "required"


def unavailable(reason: str) -> None:
    if required():
        pytest.fail(f"{reason} (MASTERYSITE_ENGINES=required)")
    pytest.skip(reason)


class Driver:
    """The few things the journey does, for one engine."""

    name = ""

    def goto(self, url: str) -> None:
        raise NotImplementedError

    def run(self, script: str, *args: Any) -> Any:
        """Run `script` (a function body; arguments as `arguments[i]`) in the page."""
        raise NotImplementedError

    def click(self, css: str) -> None:
        raise NotImplementedError

    def type(self, css: str, text: str) -> None:
        raise NotImplementedError

    def upload(self, css: str, file: Path) -> None:
        raise NotImplementedError

    def clear_storage(self) -> None:
        self.run("localStorage.clear(); window.name = '';")

    def wait(self, script: str, what: str, timeout: float = 10.0) -> Any:
        """Poll until `script` (a function body) returns something truthy."""
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            last = self.run(script)
            if last:
                return last
            time.sleep(0.05)
        raise AssertionError(f"{self.name}: timed out waiting for {what} (last: {last!r})")

    def text(self, css: str) -> str:
        return str(self.run("var e = document.querySelector(arguments[0]); return e ? e.innerText : null;", css))

    def shown(self, css: str) -> bool:
        return bool(
            self.run(
                "var e = document.querySelector(arguments[0]);"
                "return !!e && !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);",
                css,
            )
        )

    def errors(self) -> list[str]:
        return list(self.run("return window.__errors || [];") or [])


class PlaywrightDriver(Driver):
    def __init__(self, page: Any, name: str) -> None:
        self.page, self.name = page, name
        self.page_errors: list[str] = []
        page.on("pageerror", lambda exc: self.page_errors.append(str(exc)))
        page.on("console", lambda m: self.page_errors.append(m.text) if m.type == "error" else None)

    def goto(self, url: str) -> None:
        self.page.goto(url)
        self.run(WATCH)

    def run(self, script: str, *args: Any) -> Any:
        return self.page.evaluate(f"(arguments) => {{ {script} }}", list(args))

    def click(self, css: str) -> None:
        self.page.locator(css).click()

    def type(self, css: str, text: str) -> None:
        self.page.locator(css).fill(text)

    def upload(self, css: str, file: Path) -> None:
        self.page.locator(css).set_input_files(file)

    def errors(self) -> list[str]:
        return self.page_errors + super().errors()


class SeleniumDriver(Driver):
    def __init__(self, driver: Any, name: str) -> None:
        self.driver, self.name = driver, name

    def goto(self, url: str) -> None:
        self.driver.get(url)
        self.wait("return document.readyState === 'complete';", "the page to load")
        self.run(WATCH)

    def run(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def _find(self, css: str) -> Any:
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, css)

    def click(self, css: str) -> None:
        element = self._find(css)
        self.run("arguments[0].scrollIntoView({block: 'center'});", element)
        element.click()

    def type(self, css: str, text: str) -> None:
        element = self._find(css)
        element.clear()
        element.send_keys(text)

    def upload(self, css: str, file: Path) -> None:
        self._find(css).send_keys(str(file))


# ---------------------------------------------------------------------------------------------
# A school server both engines can reach as http://school.test:PORT/ (a non-secure origin)
# ---------------------------------------------------------------------------------------------


class _ProxyAware(QuietHandler):
    """Serves files; also answers requests made through it as a proxy (absolute URLs), which is
    how WebKit reaches the made-up host school.test."""

    def translate_path(self, path: str) -> str:
        if path.startswith("http://"):
            parts = urlsplit(path)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
        return super().translate_path(path)


def school_server(docroot: Path) -> contextlib.AbstractContextManager[int]:
    """Serves ``docroot`` (directly and as a proxy) on 127.0.0.1; yields the port."""
    return static_server(docroot, _ProxyAware)


# ---------------------------------------------------------------------------------------------
# Launching
# ---------------------------------------------------------------------------------------------


@contextlib.contextmanager
def firefox(port: int, downloads: Path, pw: Any = None) -> Iterator[Callable[[], PlaywrightDriver]]:
    """Yields a factory of fresh Firefox profiles (empty storage each). ``pw``: the Playwright
    already running for Chromium, if any (the sync API cannot be started twice in one thread)."""
    if not Path(FIREFOX).is_file():
        unavailable("firefox-esr is not installed (apt-get install firefox-esr)")
    from importlib.metadata import version

    from playwright.sync_api import sync_playwright

    found = version("playwright")
    if tuple(int(x) for x in found.split(".")[:2]) >= (1, 65):
        unavailable(f"playwright {found} cannot drive stock Firefox: pip install 'playwright<1.65'")
    with contextlib.ExitStack() as stack:
        if pw is None:
            pw = stack.enter_context(sync_playwright())
        browser = pw.firefox.launch(
            channel="moz-firefox",
            executable_path=FIREFOX,
            headless=True,
            firefox_user_prefs={"network.dns.localDomains": "school.test"},
        )
        contexts: list[Any] = []

        def fresh() -> PlaywrightDriver:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
            contexts.append(context)
            return PlaywrightDriver(context.new_page(), "firefox")

        try:
            yield fresh
        finally:
            for context in contexts:
                context.close()
            browser.close()


@contextlib.contextmanager
def xvfb() -> Iterator[None]:
    """A virtual display for WebKitGTK, unless there is one."""
    if os.environ.get("DISPLAY"):
        yield
        return
    if not shutil.which("Xvfb"):
        unavailable("Xvfb is not installed (apt-get install xvfb)")
    display = f":{90 + os.getpid() % 500}"
    process = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    old = os.environ.get("DISPLAY")
    os.environ["DISPLAY"] = display
    try:
        time.sleep(0.5)
        yield
    finally:
        process.terminate()
        process.wait(10)
        if old is None:
            os.environ.pop("DISPLAY", None)
        else:
            os.environ["DISPLAY"] = old


@contextlib.contextmanager
def webkit(port: int) -> Iterator[Callable[[], SeleniumDriver]]:
    """Yields a factory of fresh WebKitGTK sessions (each a new, empty profile)."""
    if not (Path(WEBKIT_DRIVER).is_file() and Path(MINIBROWSER).is_file()):
        unavailable("WebKitWebDriver/MiniBrowser are not installed (apt-get install webkit2gtk-driver)")
    try:
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service
    except ImportError:
        unavailable("selenium is not installed")
    sessions: list[Any] = []
    os.environ.setdefault("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
    with xvfb():

        def fresh() -> SeleniumDriver:
            options = Options()
            options.binary_location = MINIBROWSER
            options.add_argument("--automation")
            options.add_argument(f"--proxy=http://127.0.0.1:{port}")
            driver = webdriver.WebKitGTK(options=options, service=Service(executable_path=WEBKIT_DRIVER))
            driver.set_window_size(1280, 900)
            sessions.append(driver)
            return SeleniumDriver(driver, "webkit")

        try:
            yield fresh
        finally:
            for driver in sessions:
                with contextlib.suppress(Exception):
                    driver.quit()
