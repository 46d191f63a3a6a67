"""What the theme costs a student's browser: the CSS + JS every page loads, gzipped.

    python benchmarks/theme_size.py                   # this checkout
    python benchmarks/theme_size.py --against REV     # and what changed since git revision REV

Builds the example course and prints, gzipped (level 9, as a server would send it): each
shipped file and whether every page loads it or only some (search, SCORM...), the every-page
total against the 25 KB budget, and each JS source minified on its own (what a feature costs;
joined files compress a little better than their sum). With --against, the same for REV's
theme, and the difference per file and per source.
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BUDGET = 25_000


def gz(data: str) -> int:
    return len(gzip.compress(data.encode("utf-8"), 9))


PAGES = ("course", "unit", "progress")


def measure(tree: Path) -> dict[str, dict[str, tuple[int, Any]]]:
    """{"files": name -> (gzipped bytes, the pages that load it: course, unit, progress),
    "sources": js/name -> (gzipped bytes, _)}."""
    code = f"""
import gzip, json, re, sys, tempfile
from pathlib import Path
sys.path.insert(0, {str(tree)!r})
from masterysite.build import build
from masterysite import scripts
out = Path(tempfile.mkdtemp()) / "site"
build(Path({str(tree)!r}) / "course", out)
unit = next((out / "units").glob("*.html"))
pages = {{"course": out / "index.html", "unit": unit, "progress": out / "progress.html"}}
loads = {{k: set(re.findall(r'(?:src|href)="(?:\\.\\./)?_static/([^"]+)"', f.read_text(encoding="utf-8")))
         for k, f in pages.items()}}
files = {{}}
for f in sorted((out / "_static").iterdir()):
    if f.suffix in (".js", ".css") and f.name not in ("course-data.js", "search-index.js"):
        files[f.name] = (len(gzip.compress(f.read_bytes(), 9)), [k for k in pages if f.name in loads[k]])
sources = {{}}
for d in [Path({str(tree)!r}) / "themes" / "default" / "js"]:
    for src in sorted(d.glob("*.js")):
        text = scripts.minify_js(src.read_text(encoding="utf-8"))
        sources["js/" + src.name] = (len(gzip.compress(text.encode(), 9)), True)
print(json.dumps({{"files": files, "sources": sources}}))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tree)
    import json

    data: dict[str, dict[str, tuple[int, Any]]] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def checkout(rev: str, into: Path) -> Path:
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", metavar="REV", help="also measure git revision REV and show the differences")
    args = parser.parse_args()
    now = measure(ROOT)
    before = None
    if args.against:
        with tempfile.TemporaryDirectory() as tmp:
            before = measure(checkout(args.against, Path(tmp)))

    def every_page(files: dict[str, tuple[int, Any]]) -> int:
        return sum(size for size, pages in files.values() if isinstance(pages, list) and len(pages) == len(PAGES))

    every = every_page(now["files"])
    print("file (gzipped)                 bytes  loaded by" + ("   change" if before else ""))
    for name, (size, pages) in now["files"].items():
        change = ""
        if before:
            old = before["files"].get(name, (0, []))[0]
            change = f"  {size - old:+7d}"
        where = "only where needed: " + (", ".join(pages) or "search, SCORM")
        where = "every page" if len(pages) == len(PAGES) else where
        print(f"  {name:<28}{size:>6}  {where}{change}")
    line = f"every page loads {every} bytes gzipped of CSS and JS (budget {BUDGET})"
    if before:
        line += f"; {every - every_page(before['files']):+d} since {args.against}"
    print(line)
    for page in PAGES:
        total = sum(size for size, pages in now["files"].values() if page in pages)
        print(f"  the {page} page loads {total} bytes in all")
    print("JS sources, each minified and gzipped alone:")
    for name, (size, _) in now["sources"].items():
        change = ""
        if before:
            change = f"  {size - before['sources'].get(name, (0, True))[0]:+7d}"
        print(f"  {name:<28}{size:>6}{change}")
    return 0 if every <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
