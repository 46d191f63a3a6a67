"""Pathological input: `masterysite check` time on one unit of N repeats of a pattern, as N doubles.

    python benchmarks/pathological.py [--sizes 10000 20000 40000] [pattern ...]

Reviews found lines that made `check` (and every `build` and `serve` rebuild) take minutes because
each of N openers looked to the end of the line (`[x](y){` × 80,000: 66 s). Each pattern is timed as
a fresh `check` process at each size; the last column is the time at the largest size over the time
at the one before, against the growth of N between them (linear: about 2 when N doubles, less with
start-up time; quadratic: about 4). A ratio above 1.3 times the growth is reported as SUPERLINEAR
(before review r's fix, `attr` went 6.5 s -> 20.9 s from 20,000 to 40,000: 3.2).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bench import child_env, show_machine, work_folder
from runner import run

PATTERNS = {
    "attr": lambda n: "[x](y){" * n,  # a bracketed span's '{' after every link (review r)
    "brackets": lambda n: "[" * n,
    "double brackets": lambda n: "[[" * n,  # a selection quiz's '[[' never closed (security round ee 2: 76 s)
    "bang brackets": lambda n: "!![" * n,
    "empty links": lambda n: "[](" * n,
    "liquid tags": lambda n: "{%" * n,
    "obsidian": lambda n: "%%" * n,
    "images": lambda n: "![" * n,
    "blanks": lambda n: "::: question o\n" + "[[x" * n + "\n:::\n",  # blanks never closed
    "closed blanks": lambda n: "::: question o\n" + "[[x]]" * (n // 5) + "\n:::\n",
    "tags": lambda n: "<a " * n,
    "emphasis": lambda n: "*a_" * n,
    "dollars": lambda n: "$a" * n,
    "braces": lambda n: "{" * n,
    "footnotes": lambda n: "[^" * n,
    "entities": lambda n: "&#" * n,
    "eqref": lambda n: "\\eqref{" * n,
    "quiz tags": lambda n: "<?quiz?>\n" * (n // 9),
    "mdx comments": lambda n: "{/*" * n,
    # security round ff: a run of white space a pattern split every way (cubic), or '\[' read on to each ']'
    "bracket math": lambda n: "\\[" * (n // 2),
    "solution spaces": lambda n: "```python\nx = 1  # SOLUTION\n" + " " * n + "\n```\n",
    "heading spaces": lambda n: "A blank: [[x]].\n\n# " + " " * n + "x [[\n",
    "caption spaces": lambda n: "| a |\n|---|\n| 1 |\n\n: x" + " " * n + "y\n",
    # mkdocs-macros' calls (port hh 01): each never ended, or nested, or a string never closed
    "macro calls": lambda n: "{{a(" * (n // 4),
    "macro strings": lambda n: '{{ a("""' * (n // 8),
    "macro parens": lambda n: "{{ a(" + "()" * (n // 2),
}
HEAD = "---\ntitle: A\nobjectives:\n  o: Know it\n---\n\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("patterns", nargs="*", help=f"some of: {', '.join(PATTERNS)} (default: all)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000, 40_000])
    parser.add_argument("--out", type=Path, help="keep the courses here (default: a temp dir)")
    args = parser.parse_args()
    unknown = [p for p in args.patterns if p not in PATTERNS]
    if unknown:
        raise SystemExit(f"unknown pattern(s): {', '.join(unknown)}; choose from {', '.join(PATTERNS)}")
    env = child_env()
    show_machine(env)
    sizes = sorted(args.sizes)
    if len(sizes) < 2:
        raise SystemExit("give at least two sizes")
    growth = sizes[-1] / sizes[-2]
    print(f"{'pattern':15}" + "".join(f"{n:>10}" for n in sizes) + f"{'ratio':>8}  (N grows {growth:g}x at the end)")
    slow = []
    with work_folder(args.out, "masterysite-pathological-") as root:
        for name in args.patterns or list(PATTERNS):
            times = []
            for n in sizes:
                course = root / f"{name.replace(' ', '-')}-{n}"
                (course / "units").mkdir(parents=True, exist_ok=True)
                (course / "course.yml").write_text("title: D\n", encoding="utf-8")
                (course / "units" / "a.md").write_text(HEAD + PATTERNS[name](n) + "\n", encoding="utf-8")
                times.append(run([sys.executable, "-m", "masterysite", "check", str(course)], env=env).seconds)
            ratio = times[-1] / times[-2]
            verdict = "SUPERLINEAR" if ratio > 1.3 * growth else "ok"
            if verdict != "ok":
                slow.append(name)
            print(f"{name:15}" + "".join(f"{t:9.2f}s" for t in times) + f"{ratio:8.1f}  {verdict}", flush=True)
    print("\nall linear" if not slow else f"\nsuperlinear: {', '.join(slow)}")


if __name__ == "__main__":
    main()
