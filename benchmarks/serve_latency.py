"""Edit-to-page latency of ``masterysite serve``.

Starts the server on a free port, waits for the initial build to settle, then
for each edit appends a unique word to one unit's lesson, notes the time of the
save, and polls ``OUT/units/<unit-id>.html`` every 2 ms until the word shows up.
The latency therefore includes the watcher's own detection delay, the rebuild
and the write — what a teacher waits for between saving and seeing the page.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

POLL = 0.002


class ServeError(RuntimeError):
    """The server did not start, or an edit never reached the output."""


@dataclass
class ServeResult:
    """Latency of each edit in seconds; startup is the initial build time."""

    startup_s: float
    latencies_s: list[float] = field(default_factory=list)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _signature(out: Path) -> tuple[int, int]:
    """(file count, newest mtime) of out/units — stable once a build is done."""
    files = list((out / "units").glob("*.html"))
    return len(files), max((f.stat().st_mtime_ns for f in files), default=0)


def wait_initial_build(
    proc: subprocess.Popen[bytes], out: Path, n_units: int, timeout: float, settle: float = 1.0
) -> float:
    """Seconds until index.html exists, every unit page is written, and output is still."""
    start, last, still_since = time.perf_counter(), (-1, -1), time.perf_counter()
    while time.perf_counter() - start < timeout:
        if proc.poll() is not None:
            raise ServeError(f"serve exited with status {proc.returncode} during the first build")
        sig = _signature(out) if (out / "index.html").exists() else (-1, -1)
        if sig != last:
            last, still_since = sig, time.perf_counter()
        elif sig[0] >= n_units and time.perf_counter() - still_since >= settle:
            return still_since - start
        time.sleep(0.02)
    raise ServeError(f"initial build not finished after {timeout:.0f} s ({last[0]} unit pages)")


def insert_word(unit: Path, word: str) -> None:
    """Add a one-word paragraph at the start of the lesson (just after the front matter)."""
    text = unit.read_text(encoding="utf-8")
    end = text.index("\n---\n", 3) + 5
    unit.write_text(f"{text[:end]}\n{word}\n{text[end:]}", encoding="utf-8")


def wait_for_word(page: Path, word: str, timeout: float) -> float:
    """Block until page contains word; return when it was first seen."""
    deadline, needle = time.perf_counter() + timeout, word.encode()
    while time.perf_counter() < deadline:
        try:
            if needle in page.read_bytes():
                return time.perf_counter()
        except OSError:
            pass
        time.sleep(POLL)
    raise ServeError(f"{page.name} did not show the edit '{word}' within {timeout:.0f} s")


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop the server we started (its own process group), gently first."""
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGINT)
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def measure_serve(
    cmd: list[str],
    out: Path,
    edits: list[tuple[Path, str]],
    n_units: int,
    env: dict[str, str],
    log: Path,
    timeout: float = 600,
) -> ServeResult:
    """Run the server with cmd and time each (unit file, unit id) edit in turn."""
    with log.open("wb") as log_file:
        proc = subprocess.Popen(
            cmd, env=env, stdout=log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True
        )
        try:
            result = ServeResult(wait_initial_build(proc, out, n_units, timeout))
            for k, (unit, uid) in enumerate(edits):
                word = f"benchedit{k}x{os.getpid()}z"
                insert_word(unit, word)
                saved = time.perf_counter()
                seen = wait_for_word(out / "units" / f"{uid}.html", word, timeout=30)
                result.latencies_s.append(seen - saved)
                time.sleep(0.3)  # let any follow-up work (reload ping) finish
            return result
        finally:
            stop(proc)
