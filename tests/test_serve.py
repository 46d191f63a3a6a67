"""`masterysite serve` as a teacher uses it: a real server process, real saves, real HTTP."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from masterysite.serve import relevant


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def wait_for(condition: Callable[[], bool], timeout: float = 30.0, log: Path | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise AssertionError("timed out" + (f"; serve printed:\n{log.read_text()}" if log and log.exists() else ""))


@pytest.fixture
def server(example_course: Path, tmp_path: Path) -> Iterator[tuple[str, Path, subprocess.Popen[bytes]]]:
    port = free_port()
    out = tmp_path / "live"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    log = tmp_path / "serve.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "masterysite", "serve", str(example_course), "-o", str(out), "--port", str(port)],
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: "Fractions" in get(base), log=log)
        yield base, example_course, process
    finally:
        process.terminate()
        process.wait(10)


def test_serves_with_live_reload_and_rebuilds_a_saved_unit(server: tuple[str, Path, subprocess.Popen[bytes]]) -> None:
    base, course, _process = server
    page = get(base + "units/simplifying.html")
    assert "livereload.js" in page
    unit = course / "units" / "03-simplifying.md"
    unit.write_text(unit.read_text(encoding="utf-8") + "\nA freshly saved sentence.\n", encoding="utf-8")
    wait_for(lambda: "A freshly saved sentence." in get(base + "units/simplifying.html"))


def test_a_broken_save_keeps_the_last_good_site_shows_the_error_then_recovers(
    server: tuple[str, Path, subprocess.Popen[bytes]],
) -> None:
    base, course, _process = server
    unit = course / "units" / "03-simplifying.md"
    good = unit.read_text(encoding="utf-8")
    unit.write_text(good.replace("::: question", "::: question scael", 1), encoding="utf-8")
    wait_for(lambda: "the last save did not build" in get(base + "units/comparing.html"))
    page = get(base + "units/simplifying.html")
    assert "question refers to unknown objective &#x27;scael&#x27;" in page
    assert "units/03-simplifying.md:" in page
    assert 'id="ms-unit-data"' in page  # the last good page is still served under the notice
    unit.write_text(good + "\nRecovered.\n", encoding="utf-8")
    wait_for(lambda: "Recovered." in get(base + "units/simplifying.html"))
    # The pages are on disk a moment before the notice is cleared and the browser told to reload
    # (serve.Watch.rebuild): what a student sees after that reload has no notice.
    wait_for(lambda: "the last save did not build" not in get(base + "index.html"))


def test_serve_starts_on_a_broken_course_and_recovers(example_course: Path, tmp_path: Path) -> None:
    unit = example_course / "units" / "03-simplifying.md"
    good = unit.read_text(encoding="utf-8")
    unit.write_text(good.replace("::: question", "::: question scael", 1), encoding="utf-8")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "masterysite", "serve", str(example_course), "-o", str(tmp_path / "o"), "-p", str(port)],
        stdout=(tmp_path / "serve.log").open("wb"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: "did not build" in get(base))
        unit.write_text(good, encoding="utf-8")
        wait_for(lambda: "did not build" not in get(base) and "Fractions" in get(base))
    finally:
        process.terminate()
        process.wait(10)


@pytest.mark.parametrize(
    "path",
    ["units/sedsbKwVD", "units/.03-simplifying.md.swp", "units/03-simplifying.md~", "units/.#03-simplifying.md",
     "units/4913", "units/#03-simplifying.md#", "units/03-simplifying.md.tmp", "units/notes.txt",
     "assets/.strip.svg.swx", "theme/masterysite.css___jb_tmp___", "build/index.html"],
)  # fmt: skip
def test_editor_scratch_files_are_not_changes(path: str) -> None:
    assert not relevant(path)


@pytest.mark.parametrize("path", ["units/03-simplifying.md", "course.yml", "assets/sedan.png", "theme/x.css"])
def test_course_files_are_changes(path: str) -> None:
    assert relevant(path)


def test_serve_without_output_builds_in_a_temporary_folder_and_ignores_scratch_files(
    example_course: Path, tmp_path: Path
) -> None:
    """As mkdocs serve does: nothing is written where serve was started; the folder goes on exit.
    An editor's temporary files (sed -i, vim) are neither logged nor rebuilt."""
    started_in = tmp_path / "here"
    started_in.mkdir()
    port = free_port()
    log = tmp_path / "serve.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "masterysite", "serve", str(example_course), "-p", str(port)],
        cwd=started_in,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )
    base = f"http://127.0.0.1:{port}/"
    unit = example_course / "units" / "03-simplifying.md"
    try:
        wait_for(lambda: "Fractions" in get(base), log=log)
        built = Path(re.search(r"Building into (\S+)", log.read_text()).group(1))  # type: ignore[union-attr]
        assert (built / "index.html").is_file()
        assert not list(started_in.iterdir()), "serve wrote into the folder it was started from"
        for scratch in ("sedsbKwVD", ".03-simplifying.md.swp", "4913", "03-simplifying.md~"):
            (unit.parent / scratch).write_text("scratch", encoding="utf-8")
        unit.write_text(unit.read_text(encoding="utf-8").replace("Simplifying", "Simplifying now", 1), encoding="utf-8")
        wait_for(lambda: "Rebuilt" in log.read_text(), log=log)
        time.sleep(0.5)
        rebuilt = [line for line in log.read_text().splitlines() if line.startswith("Rebuilt")]
        assert rebuilt and all(line.endswith("units/03-simplifying.md") for line in rebuilt), rebuilt
    finally:
        process.terminate()
        process.wait(10)
    assert not built.exists(), "the temporary site was left behind"


def test_the_file_server_answers_a_null_byte_with_not_found(tmp_path: Path) -> None:
    """'GET /%00' had been a 500 and a traceback in the log (round y 13)."""
    from masterysite.serve import Status, static_app

    (tmp_path / "index.html").write_text("<p>home</p>", encoding="utf-8")
    app = static_app(tmp_path, Status())
    said: list[str] = []
    body = app({"PATH_INFO": "/\x00"}, lambda status, headers: said.append(status))
    assert said == ["404 Not Found"] and b"".join(body) == b"Not found"
    body = app({"PATH_INFO": "/"}, lambda status, headers: said.append(status))
    assert said[-1] == "200 OK" and b"home" in b"".join(body)
    for path in ("/" + "a" * 300, "/a" * 3000):  # a name too long, a path too deep (security round cc 1)
        body = app({"PATH_INFO": path}, lambda status, headers: said.append(status))
        assert said[-1] == "404 Not Found" and b"".join(body) == b"Not found"
