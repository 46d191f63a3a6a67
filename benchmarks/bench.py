"""masterysite build benchmark: floor (markdown-it-py) vs mkdocs vs masterysite.

    python benchmarks/bench.py [--units 1000] [--repeats 3] [--skip-mkdocs]
                               [--skip-serve] [--edits 5] [--out DIR] [--json FILE]

Every measurement is a fresh subprocess (start-up and imports included); the
repeats are interleaved (floor, mkdocs, masterysite, floor, ...) so that
machine noise hits all of them alike, and medians are reported. See README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

from gen_course import Course, generate_course, write_mkdocs_project
from runner import RunResult, run
from serve_latency import ServeError, free_port, measure_serve

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

TARGET_VS_FLOOR = 1.1  # issues 8 and 10 (issue 12 asks 0.8 of a cold build: benchmarks/cache.py)
TARGET_VS_MKDOCS = 0.35
TARGET_EDIT_MS = 150.0
TARGET_PEAK_MB = 300.0
TREE_RSS = "tree-rss-sum"  # shown, not judged: counts pages shared by fork()ed workers once per worker


@dataclass
class Series:
    """Repeated timings of one command."""

    name: str
    runs: list[RunResult] = field(default_factory=list)
    error: str | None = None

    @property
    def seconds(self) -> list[float]:
        return [r.seconds for r in self.runs]

    def summary(self) -> dict[str, float]:
        s = self.seconds
        return {
            "median_s": statistics.median(s),
            "min_s": min(s),
            "max_s": max(s),
            "maxrss_mb": max(r.maxrss_mb for r in self.runs),
        }


@dataclass
class ServeFigures:
    """Edit latency of `masterysite serve`, or why it could not be measured."""

    startup_s: float = 0.0
    edits_ms: list[float] = field(default_factory=list)
    error: str | None = None

    @property
    def median_ms(self) -> float:
        return statistics.median(self.edits_ms)

    @property
    def max_ms(self) -> float:
        return max(self.edits_ms)


@dataclass
class Workspace:
    """Where the generated inputs and the outputs live."""

    root: Path
    course: Course
    mkdocs_yml: Path

    @property
    def ms_out(self) -> Path:
        return self.root / "out-masterysite"

    @property
    def mk_out(self) -> Path:
        return self.root / "out-mkdocs"


# ---------------------------------------------------------------- environment


def child_env() -> dict[str, str]:
    """Our environment, with the repo (and src/ if any) importable for `-m masterysite`."""
    env = dict(os.environ)
    paths = [str(p) for p in (REPO / "src", REPO) if p.is_dir()]
    env["PYTHONPATH"] = os.pathsep.join([*paths, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def masterysite_problem(env: dict[str, str]) -> str | None:
    """None when `python -m masterysite build` exists, else why not."""
    cmd = [sys.executable, "-m", "masterysite", "build", "--help"]
    proc = subprocess.run(cmd, env=env, cwd=REPO, capture_output=True, text=True, timeout=60)
    if proc.returncode == 0:
        return None
    tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
    return "`python -m masterysite build --help` failed: " + " | ".join(tail)


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def masterysite_version(env: dict[str, str]) -> str:
    code = "import masterysite as m; print(getattr(m, '__version__', '?'))"
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    return proc.stdout.strip() if proc.returncode == 0 else "not importable"


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def machine(env: dict[str, str]) -> dict[str, str]:
    return {
        "cpu": cpu_model(),
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "markdown-it-py": version("markdown-it-py"),
        "mkdocs": version("mkdocs"),
        "Markdown": version("Markdown"),
        "masterysite": masterysite_version(env),
    }


def show_machine(env: dict[str, str]) -> dict[str, str]:
    """Prints the ``machine: ...`` line every benchmark starts with; returns its figures."""
    info = machine(env)
    print("machine: " + ", ".join(f"{k} {v}" for k, v in info.items()))
    return info


@contextlib.contextmanager
def work_folder(keep: Path | None, prefix: str, *, empty: bool = False) -> Iterator[Path]:
    """The benchmark's work folder: ``keep`` (--out; made, and emptied first when ``empty``) and
    left there, or else a new temporary folder removed at the end."""
    root = keep or Path(tempfile.mkdtemp(prefix=prefix))
    if empty:
        shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True, exist_ok=True)
    try:
        yield root
    finally:
        if keep is None:
            shutil.rmtree(root, ignore_errors=True)


# ---------------------------------------------------------------- commands


def cmd_floor(ws: Workspace) -> list[str]:
    return [sys.executable, str(HERE / "floor_render.py"), str(ws.course.root)]


def cmd_mkdocs(ws: Workspace) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(ws.mkdocs_yml), "-d", str(ws.mk_out)]


def cmd_masterysite(ws: Workspace) -> list[str]:
    return [sys.executable, "-m", "masterysite", "build", str(ws.course.root), "-o", str(ws.ms_out), "--no-cache"]


def clean(ws: Workspace) -> None:
    """Every build starts from an empty output folder, and from a disk that has written out what
    the commands before it wrote and deleted: else the kernel flushes one command's pages (and, on
    a disk mounted with ``discard``, trims the blocks of the folders just deleted) while the next
    one is timed. The floor writes nothing; this keeps each writer from paying for the last one."""
    for out in (ws.ms_out, ws.mk_out):
        shutil.rmtree(out, ignore_errors=True)
    if hasattr(os, "sync"):
        os.sync()


# ---------------------------------------------------------------- measuring


def run_series(ws: Workspace, names: list[str], repeats: int, warmup: int, env: dict[str, str]) -> dict[str, Series]:
    """Interleaved repeats: A B C A B C ...; warm-up rounds are discarded."""
    cmds: dict[str, Callable[[Workspace], list[str]]] = {
        "floor": cmd_floor,
        "mkdocs": cmd_mkdocs,
        "masterysite": cmd_masterysite,
    }
    series = {n: Series(n) for n in names}
    for rnd in range(warmup + repeats):
        for name in names:
            if series[name].error:
                continue
            clean(ws)
            result = run(cmds[name](ws), cwd=ws.root, env=env)
            label = "warm-up" if rnd < warmup else f"run {rnd - warmup + 1}/{repeats}"
            print(f"  {label:9} {name:12} {result.seconds:8.3f} s  maxrss {result.maxrss_mb:6.1f} MB", flush=True)
            if not result.ok:
                series[name].error = f"exit {result.returncode}: {result.stderr_tail.strip()}"
            elif rnd >= warmup:
                series[name].runs.append(result)
    return series


def tree_peak(ws: Workspace, env: dict[str, str]) -> tuple[float | None, float | None]:
    """One extra masterysite build with /proc polling of the whole process tree: peak (PSS, RSS) sums."""
    clean(ws)
    result = run(cmd_masterysite(ws), cwd=ws.root, env=env, sample_tree=True)
    return (result.tree_peak_mb, result.tree_rss_peak_mb) if result.ok else (None, None)


def serve_figures(ws: Workspace, edits: int, env: dict[str, str]) -> ServeFigures:
    """Edit latency on a copy of the course (the edits change the files)."""
    course = ws.root / "course-serve"
    shutil.rmtree(course, ignore_errors=True)
    shutil.copytree(ws.course.root, course)
    out = ws.root / "out-serve"
    shutil.rmtree(out, ignore_errors=True)
    units = ws.course.units
    picks = [units[(k * 7919 + len(units) // 2) % len(units)] for k in range(edits)]
    targets = [(course / "units" / u.path.name, u.uid) for u in picks]
    cmd = [sys.executable, "-m", "masterysite", "serve", str(course), "-o", str(out), "--port", str(free_port())]
    log = ws.root / "serve.log"
    try:
        res = measure_serve(cmd, out, targets, len(units), env, log)
    except ServeError as exc:
        tail = log.read_text(errors="replace")[-1500:] if log.exists() else ""
        return ServeFigures(error=f"{exc}\n{tail}")
    return ServeFigures(res.startup_s, [s * 1000 for s in res.latencies_s])


# ---------------------------------------------------------------- reporting


def mark(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def print_table(series: dict[str, Series]) -> None:
    print(f"\n{'measurement':14}{'median s':>10}{'min s':>9}{'max s':>9}{'maxrss MB':>11}")
    for s in series.values():
        if s.error:
            print(f"{s.name:14}  FAILED: {s.error.splitlines()[-1] if s.error else ''}")
            continue
        f = s.summary()
        print(f"{s.name:14}{f['median_s']:10.3f}{f['min_s']:9.3f}{f['max_s']:9.3f}{f['maxrss_mb']:11.1f}")


def ratios(series: dict[str, Series]) -> dict[str, float]:
    ok = {n: s.summary()["median_s"] for n, s in series.items() if s.runs and not s.error}
    out: dict[str, float] = {}
    if "masterysite" in ok:
        for base in ("floor", "mkdocs"):
            if base in ok:
                out[f"masterysite/{base}"] = ok["masterysite"] / ok[base]
    return out


def print_targets(rat: dict[str, float], peak: dict[str, float | None], serve: ServeFigures | None) -> None:
    print("\ntargets")
    if "masterysite/floor" in rat:
        r = rat["masterysite/floor"]
        print(f"  full build / floor   {r:7.2f}x   target <= {TARGET_VS_FLOOR}x   {mark(r <= TARGET_VS_FLOOR)}")
    if "masterysite/mkdocs" in rat:
        r = rat["masterysite/mkdocs"]
        print(f"  full build / mkdocs  {r:7.2f}x   target <= {TARGET_VS_MKDOCS}x  {mark(r <= TARGET_VS_MKDOCS)}")
    worst = max((v for k, v in peak.items() if v is not None and k != TREE_RSS), default=None)
    if worst is not None:
        parts = ", ".join(f"{k} {v:.1f}" for k, v in peak.items() if v is not None)
        print(
            f"  peak memory MB       {worst:7.1f}    target < {TARGET_PEAK_MB:.0f}     "
            f"{mark(worst < TARGET_PEAK_MB)}   ({parts})"
        )
    if serve and serve.error:
        print(f"  edit latency         FAILED: {serve.error}")
    elif serve:
        med = serve.median_ms
        print(
            f"  edit latency ms      {med:7.1f}    target <= {TARGET_EDIT_MS:.0f}    {mark(med <= TARGET_EDIT_MS)}"
            f"   (max {serve.max_ms:.1f}, initial build {serve.startup_s:.2f} s)"
        )


def serve_json(serve: ServeFigures | None) -> dict[str, object] | None:
    if serve is None or serve.error:
        return None if serve is None else {"error": serve.error}
    return {**asdict(serve), "median_ms": serve.median_ms, "max_ms": serve.max_ms}


# ---------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--units", type=int, default=1000)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--warmup", type=int, default=1, help="discarded rounds first (default 1)")
    p.add_argument("--edits", type=int, default=5, help="serve edits to time (default 5)")
    p.add_argument("--seed", type=int, default=1234)
    p.add_argument("--skip-mkdocs", action="store_true")
    p.add_argument("--skip-serve", action="store_true")
    p.add_argument("--out", type=Path, help="work folder to keep (default: a temp dir, removed)")
    p.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    return p.parse_args(argv)


def prepare(root: Path, units: int, seed: int) -> Workspace:
    shutil.rmtree(root / "course", ignore_errors=True)
    shutil.rmtree(root / "mkdocs", ignore_errors=True)
    course = generate_course(root / "course", units, seed)
    return Workspace(root, course, write_mkdocs_project(course, root / "mkdocs"))


def benchmark(args: argparse.Namespace, root: Path) -> dict[str, object]:
    env = child_env()
    info = show_machine(env)
    ws = prepare(root, args.units, args.seed)
    print(f"generated {args.units} units in {ws.course.root}")
    problem = masterysite_problem(env)
    names = ["floor"] + ([] if args.skip_mkdocs else ["mkdocs"]) + ([] if problem else ["masterysite"])
    if problem:
        print(f"\nmasterysite NOT measured — {problem}\n")
    series = run_series(ws, names, args.repeats, args.warmup, env)
    print_table(series)
    rat = ratios(series)
    peak: dict[str, float | None] = {}
    serve: ServeFigures | None = None
    ms = series.get("masterysite")
    if ms and ms.runs:
        pss, rss = tree_peak(ws, env)
        peak = {"ru_maxrss": ms.summary()["maxrss_mb"], "tree-pss": pss, TREE_RSS: rss}
        if not args.skip_serve:
            print(f"\nserve: timing {args.edits} edits ...", flush=True)
            serve = serve_figures(ws, args.edits, env)
    print_targets(rat, peak, serve)
    return {
        "units": args.units,
        "repeats": args.repeats,
        "machine": info,
        "masterysite_problem": problem,
        "series": {
            n: {"runs_s": s.seconds, "error": s.error, **(s.summary() if s.runs else {})} for n, s in series.items()
        },
        "ratios": rat,
        "peak_mb": peak,
        "serve": serve_json(serve),
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with work_folder(args.out.resolve() if args.out else None, "masterysite-bench-") as root:
        figures = benchmark(args, root)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0 if not figures["masterysite_problem"] else 2


if __name__ == "__main__":
    sys.exit(main())
