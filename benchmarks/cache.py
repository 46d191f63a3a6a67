"""masterysite's build cache: cold build vs no-change rebuild vs one-word-edit rebuild, against the floor.

    python benchmarks/cache.py [--units 1000] [--repeats 5] [--warmup 1] [--out DIR] [--json FILE]

Every measurement is a fresh subprocess (start-up and imports included), interleaved
round by round (floor, cold, no change, edit, floor, ...) so that machine noise hits
all of them alike; medians are reported, with min and max, wall and CPU time.

- floor: markdown-it-py alone over the units (floor_render.py), as in bench.py;
- cold: ``masterysite build --no-cache`` into an empty folder;
- no change: ``masterysite build`` again into the same folder, nothing edited;
- edit: one unit gets a new one-word paragraph, then ``masterysite build``.

At the end the edited course is built cold into another folder and compared with
the cached site byte for byte (it must be identical). See README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
from pathlib import Path

from bench import child_env, show_machine, work_folder
from gen_course import generate_course
from runner import RunResult, run
from serve_latency import insert_word

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the repository, for tests.folders

from tests.folders import copy_without_cache, tree  # noqa: E402

TARGET_EDIT_S = 0.5
TARGET_NO_CHANGE_S = 0.3
TARGET_COLD_VS_FLOOR = 0.8
NAMES = ("floor", "cold", "no change", "edit")


def build_cmd(course: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "masterysite", "build", str(course), "-o", str(out), *extra]


def measure(root: Path, units: int, repeats: int, warmup: int, env: dict[str, str]) -> dict[str, list[RunResult]]:
    course = root / "course"
    generate_course(course, units)
    cold_out, warm_out = root / "out-cold", root / "out-warm"
    files = sorted((course / "units").glob("*.md"))
    check = run(build_cmd(course, warm_out), env=env)  # fills the cache the rebuilds start from
    if not check.ok:
        raise SystemExit(f"masterysite build failed: {check.stderr_tail}")
    results: dict[str, list[RunResult]] = {n: [] for n in NAMES}
    for rnd in range(warmup + repeats):
        target = files[(rnd * 7919 + len(files) // 2) % len(files)]
        shutil.rmtree(cold_out, ignore_errors=True)
        cold_course = root / "course-cold"  # a copy, so --no-cache does not empty the rebuilds' cache
        if not cold_course.exists():
            copy_without_cache(course, cold_course)
        cmds = {
            "floor": [sys.executable, str(HERE / "floor_render.py"), str(course)],
            "cold": build_cmd(cold_course, cold_out, "--no-cache"),
            "no change": build_cmd(course, warm_out),
            "edit": build_cmd(course, warm_out),
        }
        for name in NAMES:
            if name == "edit":
                insert_word(target, f"benchword{rnd}")
            os.sync()  # what the commands before wrote and deleted is on disk before this one is timed (bench.clean)
            result = run(cmds[name], env=env)
            label = "warm-up" if rnd < warmup else f"run {rnd - warmup + 1}/{repeats}"
            print(f"  {label:9} {name:10} {result.seconds:7.3f} s wall {result.cpu_seconds:7.3f} s cpu", flush=True)
            if not result.ok:
                raise SystemExit(f"{name} failed: {result.stderr_tail}")
            if rnd >= warmup:
                results[name].append(result)
    reference_course = copy_without_cache(course, root / "course-reference")
    reference = root / "out-reference"
    run(build_cmd(reference_course, reference, "--no-cache"), env=env)
    same = tree(reference) == tree(warm_out)
    print(f"\nthe cached site after {warmup + repeats} edits equals a cold build of the edited course: {same}")
    if not same:
        raise SystemExit("the cached build differs from a cold build")
    return results


def summary(runs: list[RunResult]) -> dict[str, float]:
    wall = [r.seconds for r in runs]
    cpu = [r.cpu_seconds for r in runs]
    return {
        "median_s": statistics.median(wall),
        "min_s": min(wall),
        "max_s": max(wall),
        "median_cpu_s": statistics.median(cpu),
        "maxrss_mb": max(r.maxrss_mb for r in runs),
    }


def report(results: dict[str, list[RunResult]]) -> dict[str, dict[str, float]]:
    figures = {name: summary(runs) for name, runs in results.items()}
    print(f"\n{'measurement':12}{'median s':>10}{'min s':>9}{'max s':>9}{'cpu s':>9}{'maxrss MB':>11}")
    for name, f in figures.items():
        row = f"{f['median_s']:10.3f}{f['min_s']:9.3f}{f['max_s']:9.3f}{f['median_cpu_s']:9.3f}{f['maxrss_mb']:11.1f}"
        print(f"{name:12}{row}")
    ratio = figures["cold"]["median_s"] / figures["floor"]["median_s"]
    edit, still = figures["edit"]["median_s"], figures["no change"]["median_s"]
    print("\ntargets (wall time; on a shared machine read the min column too)")
    cold_ok, edit_ok, still_ok = ratio <= TARGET_COLD_VS_FLOOR, edit <= TARGET_EDIT_S, still <= TARGET_NO_CHANGE_S
    print(f"  cold build / floor   {ratio:6.2f}x  target <= {TARGET_COLD_VS_FLOOR}x  {verdict(cold_ok)}")
    print(f"  one-word edit        {edit:6.3f} s  target <= {TARGET_EDIT_S} s  {verdict(edit_ok)}")
    print(f"  no-change rebuild    {still:6.3f} s  target <= {TARGET_NO_CHANGE_S} s  {verdict(still_ok)}")
    return figures


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--out", type=Path, help="keep the courses and sites here (default: a temp dir)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    env = child_env()
    show_machine(env)
    print(f"{args.units} units, {args.repeats} rounds (+{args.warmup} warm-up)\n")
    with work_folder(args.out, "masterysite-cache-bench-", empty=True) as root:
        figures = report(measure(root, args.units, args.repeats, args.warmup, env))
    if args.json:
        args.json.write_text(json.dumps({"units": args.units, "figures": figures}, indent=2) + "\n")


if __name__ == "__main__":
    main()
