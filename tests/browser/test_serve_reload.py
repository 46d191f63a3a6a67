"""`masterysite serve` as a teacher sees it in the browser: save a unit, the open page reloads by itself;
break it, the error shows over the last good page; fix it, the page recovers."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import REPO, Watch


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    course = Path(shutil.copytree(REPO / "course", tmp_path / "course"))
    port = free_port()
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "masterysite", "serve", str(course), "-o", str(tmp_path / "out"), "-p", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base, timeout=2).close()
            break
        except OSError:
            time.sleep(0.1)
    try:
        yield base, course
    finally:
        process.terminate()
        process.wait(10)


def connected(page: Page) -> None:
    """The page's live-reload client has finished its handshake: serve now reloads it on a save."""
    page.wait_for_function(
        "() => !!(window.LiveReload && window.LiveReload.connector && window.LiveReload.connector.protocol)"
    )


def test_the_open_page_follows_the_teachers_saves(served: tuple[str, Path], page: Page, watch: Watch) -> None:
    # `served` comes first so the server outlives the page: stopped under an open page, the
    # live-reload client's reconnect would log a console error at teardown.
    base, course = served
    watch.allowed_hosts = ("127.0.0.1",)  # serve's own address; nothing else may be asked
    # livereload's socket may be reset while serve rebuilds under load; the page reconnects by
    # itself and the expectations below are what the teacher sees
    watch.tolerated = ("/livereload' failed",)
    page.goto(base + "units/whole-and-parts.html")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    connected(page)
    unit = course / "units" / "01-whole-and-parts.md"
    good = unit.read_text(encoding="utf-8")

    unit.write_text(good + "\nA sentence saved a moment ago.\n", encoding="utf-8")
    expect(page.get_by_text("A sentence saved a moment ago.")).to_be_visible(timeout=15_000)
    connected(page)  # the reloaded page's client, before the next save (a reload sent earlier is lost)

    unit.write_text(good.replace("::: question", "::: question scael", 1), encoding="utf-8")
    alert = page.get_by_role("alert").filter(has_text="did not build")
    expect(alert).to_be_visible(timeout=15_000)
    expect(alert).to_contain_text("question refers to unknown objective 'scael'")
    connected(page)
    expect(page.get_by_text("A sentence saved a moment ago.")).to_be_visible()  # the last good page

    unit.write_text(good, encoding="utf-8")
    expect(alert).to_have_count(0, timeout=15_000)
    expect(page.get_by_text("A sentence saved a moment ago.")).to_have_count(0)
    page.close()  # before the server stops (see above)
