"""Search on a large course: the index's size and the time to the first result in Chromium.

    python benchmarks/search_bench.py                 # 1000 units (the issue's budget: 1.5 MB, 50 ms)
    python benchmarks/search_bench.py --units 100

Generates the synthetic course (gen_course.py), builds it, prints the size of
_static/search-index.js (raw and gzipped), then opens the course page from file:// in
headless Chromium, starts a search as a student does (typing into the box), and prints
how long the index took to load and how long each query took to its first result shown
(typing one character to the results list on the page), median of several queries.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from masterysite.build import build  # noqa: E402

# Words of gen_course.py's list; the first query also decodes its words' postings.
QUERIES = ["value", "measure the", "chapter region", "sample sequ", "zero yield window", "graph", "x"]

TIMED = """async (query) => {
  const box = document.getElementById('ms-search'), list = document.getElementById('ms-search-list');
  box.value = '';
  const t0 = performance.now();
  box.value = query;
  box.dispatchEvent(new Event('input'));
  const t1 = performance.now();
  return { ms: t1 - t0, shown: list.children.length };
}"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1234)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ms-search-bench-"))
    try:
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "benchmarks" / "gen_course.py"),
                str(work / "course"),
                "--units",
                str(args.units),
                "--seed",
                str(args.seed),
            ],
            check=True,
            capture_output=True,
        )
        out = work / "site"
        build(work / "course", out)
        index = (out / "_static" / "search-index.js").read_bytes()
        print(f"units: {args.units}")
        print(
            f"search-index.js: {len(index) / 1e6:.2f} MB ({len(gzip.compress(index, 9)) / 1e6:.2f} MB gzipped);"
            " budget 1.5 MB"
        )
        return browser(out)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def browser(out: Path) -> int:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = shutil.which("chromium") or "/usr/bin/chromium"
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox"], headless=True)
        page = browser.new_page()
        page.goto((out / "index.html").as_uri())
        started = page.evaluate("() => performance.now()")
        page.focus("#ms-search")
        page.wait_for_function("() => window.masterysiteSearch", polling=5)
        loaded = page.evaluate("() => performance.now()") - started
        print(f"index loaded and ready: {loaded:.0f} ms after the first focus")
        for who in ("a new student (most units locked)", "every unit open"):
            if who.startswith("every"):
                page.evaluate("() => { window.masterysite.isOpen = () => true; }")
            print(f"{who}:")
            times = []
            for query in QUERIES:
                result = page.evaluate(TIMED, query)
                times.append(result["ms"])
                print(f"  {query!r}: {result['ms']:.1f} ms to the results shown ({result['shown']} shown)")
            print(f"  median {statistics.median(times):.1f} ms, slowest {max(times):.1f} ms; budget 50 ms")
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
