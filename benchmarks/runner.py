"""Run one command as a fresh subprocess and measure its wall time and memory.

Two memory figures, because they answer different questions:

- ``maxrss_mb`` comes from ``os.wait4`` — the kernel's ``ru_maxrss`` for the
  child *and every descendant it waited for*; it is the peak of the single
  largest process in the tree, not a sum. Free: no sampling, no overhead.
- ``tree_peak_mb`` (optional) polls ``/proc/<pid>/smaps_rollup`` of the whole
  process tree every few milliseconds and keeps the largest *sum* of PSS
  (proportional set size: a page shared by n processes counts 1/n in each, so
  fork()ed workers sharing the parent's pages are not counted twice, as a sum
  of RSS would). It catches worker pools that ``ru_maxrss`` under-reports, at
  the price of missing peaks shorter than the polling interval.
  ``tree_rss_peak_mb`` is the same with RSS, an upper bound.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RunResult:
    """What one run cost, and how it ended."""

    seconds: float
    maxrss_mb: float
    returncode: int
    stderr_tail: str
    tree_peak_mb: float | None = None
    tree_rss_peak_mb: float | None = None
    cpu_seconds: float = 0.0  # user + system time of the command and the descendants it waited for

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            kids += [int(k) for k in (task / "children").read_text().split()]
    return kids


def _pss_rss_kb(pid: int) -> tuple[int, int]:
    pss = rss = 0
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1])
            elif line.startswith("Rss:"):
                rss = int(line.split()[1])
    return pss, rss


def tree_memory_kb(pid: int) -> tuple[int, int]:
    """Summed (PSS, RSS) of pid and all its descendants, from /proc."""
    pss = rss = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        p_pss, p_rss = _pss_rss_kb(p)
        pss, rss = pss + p_pss, rss + p_rss
        stack += _children(p)
    return pss, rss


class TreeSampler:
    """Background thread keeping the peak summed PSS and RSS of a process tree."""

    def __init__(self, pid: int, interval: float = 0.005) -> None:
        self.pid, self.interval, self.peak_pss_kb, self.peak_rss_kb = pid, interval, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            pss, rss = tree_memory_kb(self.pid)
            self.peak_pss_kb = max(self.peak_pss_kb, pss)
            self.peak_rss_kb = max(self.peak_rss_kb, rss)
            self._stop.wait(self.interval)

    def stop(self) -> tuple[float, float]:
        """Peak (PSS, RSS) sums in MB."""
        self._stop.set()
        self._thread.join()
        return self.peak_pss_kb / 1024, self.peak_rss_kb / 1024


def _tail(path: Path, n: int = 2000) -> str:
    return path.read_text(encoding="utf-8", errors="replace")[-n:]


def run(
    cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None, sample_tree: bool = False
) -> RunResult:
    """Run cmd to completion; stdout discarded, stderr kept for error messages."""
    with tempfile.NamedTemporaryFile(prefix="bench-err-", delete=False) as err:
        err_path = Path(err.name)
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL)
        sampler = TreeSampler(proc.pid) if sample_tree else None
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    pss, rss = sampler.stop() if sampler else (None, None)
    tail = _tail(err_path)
    err_path.unlink()
    cpu = usage.ru_utime + usage.ru_stime
    return RunResult(seconds, usage.ru_maxrss / 1024, proc.returncode, tail, pss, rss, cpu)
