"""Does a cold masterysite build stay linear in time and flat in memory as the course grows?

    python benchmarks/scale.py [--sizes 1000 10000] [--repeats 3] [--out DIR] [--json FILE]

For each size, a synthetic course (gen_course.py) is built cold (``--no-cache``, empty
output folder) as a fresh subprocess, the sizes interleaved round by round. Reported:
median wall and CPU time, milliseconds per unit and their ratio to the smallest size's
(target: within 10%), and the peak PSS of the whole process tree (workers included,
shared pages counted once; sampled every 5 ms; target: <= 300 MB at every size).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
from pathlib import Path

from bench import child_env, show_machine, work_folder
from gen_course import generate_course
from runner import RunResult, run

TARGET_LINEAR = 0.10
TARGET_PSS_MB = 300.0


def measure(root: Path, sizes: list[int], repeats: int, env: dict[str, str]) -> dict[int, list[RunResult]]:
    courses = {}
    for size in sizes:
        courses[size] = root / f"course-{size}"
        if not (courses[size] / "course.yml").is_file():
            print(f"generating {size} units ...", flush=True)
            generate_course(courses[size], size)
    results: dict[int, list[RunResult]] = {size: [] for size in sizes}
    for rnd in range(repeats):
        for size in sizes:
            out = root / f"out-{size}"
            shutil.rmtree(out, ignore_errors=True)
            cmd = [sys.executable, "-m", "masterysite", "build", str(courses[size]), "-o", str(out), "--no-cache"]
            result = run(cmd, env=env, sample_tree=True)
            if not result.ok:
                raise SystemExit(f"build of {size} units failed: {result.stderr_tail}")
            pss = result.tree_peak_mb or 0.0
            print(
                f"  run {rnd + 1}/{repeats} {size:6} units {result.seconds:8.2f} s wall {result.cpu_seconds:8.2f} s cpu"
                f" {1000 * result.seconds / size:6.2f} ms/unit  tree PSS {pss:6.1f} MB",
                flush=True,
            )
            results[size].append(result)
    return results


def report(results: dict[int, list[RunResult]]) -> dict[int, dict[str, float]]:
    figures: dict[int, dict[str, float]] = {}
    for size, runs in results.items():
        wall = statistics.median(r.seconds for r in runs)
        figures[size] = {
            "median_s": wall,
            "min_s": min(r.seconds for r in runs),
            "median_cpu_s": statistics.median(r.cpu_seconds for r in runs),
            "ms_per_unit": 1000 * wall / size,
            "cpu_ms_per_unit": 1000 * statistics.median(r.cpu_seconds for r in runs) / size,
            "tree_pss_mb": max(r.tree_peak_mb or 0.0 for r in runs),
            "maxrss_mb": max(r.maxrss_mb for r in runs),
        }
    base = figures[min(figures)]
    head = f"{'units':>7}{'median s':>10}{'ms/unit':>9}{'vs base':>9}{'cpu ms/unit':>13}{'vs base':>9}"
    print(f"\n{head}{'tree PSS MB':>13}")
    for size, f in figures.items():
        ratio, cpu_ratio = f["ms_per_unit"] / base["ms_per_unit"], f["cpu_ms_per_unit"] / base["cpu_ms_per_unit"]
        f["vs_base"], f["cpu_vs_base"] = ratio, cpu_ratio
        print(
            f"{size:7}{f['median_s']:10.2f}{f['ms_per_unit']:9.2f}{ratio:9.2f}"
            f"{f['cpu_ms_per_unit']:13.2f}{cpu_ratio:9.2f}{f['tree_pss_mb']:13.1f}"
        )
    print("\ntargets (wall time; noisy on a shared machine: compare the CPU column too)")
    for size, f in figures.items():
        linear = f["vs_base"] <= 1 + TARGET_LINEAR
        flat = f["tree_pss_mb"] <= TARGET_PSS_MB
        print(
            f"  {size:6} units: ms/unit {f['vs_base']:.2f}x the smallest's (<= {1 + TARGET_LINEAR:.2f}) "
            f"{'PASS' if linear else 'FAIL'}; tree PSS {f['tree_pss_mb']:.0f} MB (<= {TARGET_PSS_MB:.0f}) "
            f"{'PASS' if flat else 'FAIL'}"
        )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out", type=Path, help="keep the courses and sites here (default: a temp dir)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    env = child_env()
    show_machine(env)
    with work_folder(args.out, "masterysite-scale-") as root:  # an --out keeps its generated courses
        figures = report(measure(root, sorted(args.sizes), args.repeats, env))
    if args.json:
        args.json.write_text(json.dumps({str(k): v for k, v in figures.items()}, indent=2) + "\n")


if __name__ == "__main__":
    main()
