"""masterysite report benchmark: a class of 200 students × a 50-unit course (target < 2 s).

    python benchmarks/report.py [--students 200] [--units 50] [--attempts 3]

Generates the course (benchmarks/gen_course.py) and the students' exports (tests/exports.py:
every attempt with its answers, as the browser records them), then times `masterysite report`
in a fresh process, course loading and re-checking every answer included, for HTML and CSV.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(HERE), str(REPO)]

from gen_course import generate_course  # noqa: E402

from masterysite.build import load_course  # noqa: E402
from tests.exports import export  # noqa: E402

TARGET_S = 2.0


def make_class(course_dir: Path, folder: Path, students: int, attempts: int) -> int:
    loaded = load_course(course_dir)
    assert loaded.course is not None, loaded.report.sorted()
    rng = random.Random(7)
    folder.mkdir()
    answers = 0
    for i in range(students):
        plan = {}
        for unit in loaded.course.units:
            size = min(unit.draw or len(unit.questions), len(unit.questions))
            if size:
                plan[unit.id] = [rng.randint(0, size) for _ in range(rng.randint(1, attempts))]
                answers += size * len(plan[unit.id])
        data = export(loaded.course, f"Student {i:03d}", plan, seed=i)
        (folder / f"s{i:03d}.json").write_text(json.dumps(data), encoding="utf-8")
    return answers


def timed(args: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one fresh `masterysite report` process: on a
    busy, shared machine the CPU time is the steadier figure."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "masterysite", *args], check=False, capture_output=True, cwd=REPO)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"report failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--units", type=int, default=50)
    parser.add_argument("--attempts", type=int, default=3, help="at most this many attempts per unit")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generate_course(root / "course", args.units)
        answers = make_class(root / "course", root / "class", args.students, args.attempts)
        size = sum(f.stat().st_size for f in (root / "class").iterdir()) / 1e6
        print(f"{args.students} students × {args.units} units: {answers} recorded answers, {size:.1f} MB of exports")
        for out in ("report.html", "report.csv"):
            cmd = ["report", str(root / "class"), "--course", str(root / "course"), "-o", str(root / out)]
            runs = [timed(cmd) for _ in range(args.repeats)]
            wall = sorted(r[0] for r in runs)[len(runs) // 2]
            cpu = sorted(r[1] for r in runs)[len(runs) // 2]
            verdict = "ok" if wall < TARGET_S else "OVER TARGET"
            took = f"median {wall:.2f} s wall, {cpu:.2f} s CPU, of {args.repeats}"
            print(f"masterysite report -o {out}: {took} (target < {TARGET_S} s wall) {verdict}")


if __name__ == "__main__":
    main()
