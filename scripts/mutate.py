#!/usr/bin/env python3
"""Mutation check of the promises students and teachers rely on.

Each mutation in scripts/mutations.yml breaks one promise on purpose (one exact text
replacement in one file of a scratch copy of the repo), then runs the tests most likely to
catch it. A mutation is *killed* when those tests fail, and the failing test is named; it
*survived* when they all pass — a promise no test guards. A mutation whose text is no longer
in its file is *stale*: the code moved, and the list must follow it.

    python scripts/mutate.py                 # every mutation
    python scripts/mutate.py judge-case gate-80-exact   # just these
    python scripts/mutate.py --list
    python scripts/mutate.py --baseline      # the chosen tests pass on the unmutated copy

Exit status: 0 when every mutation chosen was killed, 1 otherwise. Not part of CI (it runs
the browser tests many times); run it before saying an issue is resolved.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
LIST = REPO / "scripts" / "mutations.yml"
SKIP = {".git", "build", ".cache", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".hypothesis", "dist"}
FAILED = re.compile(r"^(?:FAILED|ERROR) (\S+)", re.M)


@dataclass(frozen=True)
class Mutation:
    name: str
    promise: str
    file: str
    find: str
    replace: str
    tests: tuple[str, ...]


def load(path: Path = LIST) -> list[Mutation]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for e in entries:
        tests = e["tests"] if isinstance(e["tests"], list) else [e["tests"]]
        out.append(Mutation(e["name"], e["promise"], e["file"], e["find"], e["replace"], tuple(tests)))
    names = [m.name for m in out]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        raise SystemExit(f"duplicate mutation names: {sorted(dupes)}")
    return out


def scratch_copy() -> Path:
    """The repo without its caches; .cache (axe-core, scorm-again from npm) is linked, not copied."""
    root = Path(tempfile.mkdtemp(prefix="masterysite-mutate-"))
    dest = root / "repo"
    shutil.copytree(REPO, dest, ignore=lambda _d, names: [n for n in names if n in SKIP or n == "__pycache__"])
    if (REPO / ".cache").exists():
        os.symlink((REPO / ".cache").resolve(), dest / ".cache")
    return dest


def run_tests(copy: Path, tests: tuple[str, ...]) -> tuple[int, str]:
    env = dict(os.environ, PYTHONPATH=str(copy), PYTHONDONTWRITEBYTECODE="1")
    args = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "--no-header", "-rfE"]
    for t in tests:
        args += shlex.split(t)
    done = subprocess.run(args, cwd=copy, env=env, capture_output=True, text=True, timeout=1800)
    return done.returncode, done.stdout + done.stderr


def apply(copy: Path, m: Mutation) -> str | None:
    """Apply the mutation; returns the original text, or None when the mutation is stale."""
    file = copy / m.file
    if not file.is_file():
        return None
    text = file.read_text(encoding="utf-8")
    if text.count(m.find) != 1:
        return None
    file.write_text(text.replace(m.find, m.replace), encoding="utf-8")
    return text


def verdict(code: int, output: str) -> tuple[str, str]:
    failed = FAILED.findall(output)
    if code == 0:
        return "survived", ""
    if code == 1 and failed:
        return "killed", failed[0]
    if code == 5:
        return "error", "no test selected (fix the mutation's tests)"
    if failed:
        return "killed", failed[0] + " (error)"
    tail = output.strip().splitlines()[-1:] or ["?"]
    return "error", f"pytest exit {code}: {tail[0][:120]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", help="mutations to run (default: all)")
    parser.add_argument("--list", action="store_true", help="list the mutations and exit")
    parser.add_argument("--baseline", action="store_true", help="run each mutation's tests unmutated")
    args = parser.parse_args(argv)

    mutations = load()
    if args.names:
        unknown = set(args.names) - {m.name for m in mutations}
        if unknown:
            parser.error(f"unknown mutation(s): {', '.join(sorted(unknown))}")
        mutations = [m for m in mutations if m.name in args.names]
    if args.list:
        for m in mutations:
            print(f"{m.name:28} {m.file:40} {m.promise}")
        return 0

    copy = scratch_copy()
    results: list[tuple[Mutation, str, str, float]] = []
    try:
        for m in mutations:
            start = time.monotonic()
            original = None if args.baseline else apply(copy, m)
            if not args.baseline and original is None:
                results.append((m, "stale", f"text not found exactly once in {m.file}", 0.0))
            else:
                code, output = run_tests(copy, m.tests)
                if args.baseline:
                    state, why = ("ok", "") if code == 0 else ("FAILS", verdict(code, output)[1])
                else:
                    state, why = verdict(code, output)
                    (copy / m.file).write_text(original or "", encoding="utf-8")
                results.append((m, state, why, time.monotonic() - start))
            _, state, why, secs = results[-1]
            print(f"{state:8} {m.name:28} {secs:6.1f}s  {why or m.promise}", flush=True)
    finally:
        shutil.rmtree(copy.parent, ignore_errors=True)

    good = {"killed", "ok"}
    bad = [r for r in results if r[1] not in good]
    print(f"\n{sum(r[1] in good for r in results)} of {len(results)} {'pass unmutated' if args.baseline else 'killed'}")
    for m, state, why, _ in bad:
        print(f"  {state}: {m.name} ({m.file}): {m.promise} {why}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
