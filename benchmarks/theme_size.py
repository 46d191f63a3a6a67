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

ROOT = Path(__file__).resolve().parents[1]
BUDGET = 25_000


def gz(data: str) -> int:
    return len(gzip.compress(data.encode("utf-8"), 9))


def measure(tree: Path) -> dict[str, dict[str, tuple[int, bool]]]:
    """{"files": name -> (gzipped bytes, every page?), "sources": js/name -> (gzipped bytes, _)}."""
    code = f"""
import gzip, json, re, sys, tempfile
from pathlib import Path
sys.path.insert(0, {str(tree)!r})
from masterysite.build import build
from masterysite import scripts
out = Path(tempfile.mkdtemp()) / "site"
build(Path({str(tree)!r}) / "course", out)
page = (out / "index.html").read_text(encoding="utf-8")
unit = next((out / "units").glob("*.html")).read_text(encoding="utf-8")
loaded = set(re.findall(r'(?:src|href)="(?:\\.\\./)?_static/([^"]+)"', page + unit))
files = {{}}
for f in sorted((out / "_static").iterdir()):
    if f.suffix in (".js", ".css") and f.name not in ("course-data.js", "search-index.js"):
        files[f.name] = (len(gzip.compress(f.read_bytes(), 9)), f.name in loaded)
sources = {{}}
for d in [Path({str(tree)!r}) / "themes" / "default" / "js"]:
    for src in sorted(d.glob("*.js")):
        text = scripts.minify_js(src.read_text(encoding="utf-8"))
        sources["js/" + src.name] = (len(gzip.compress(text.encode(), 9)), True)
print(json.dumps({{"files": files, "sources": sources}}))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tree)
    import json

    data: dict[str, dict[str, tuple[int, bool]]] = json.loads(result.stdout.strip().splitlines()[-1])
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
    every = sum(size for size, all_pages in now["files"].values() if all_pages)
    print("file (gzipped)                 bytes  loaded by" + ("   change" if before else ""))
    for name, (size, all_pages) in now["files"].items():
        change = ""
        if before:
            old = before["files"].get(name, (0, False))[0]
            change = f"  {size - old:+7d}"
        print(f"  {name:<28}{size:>6}  {'every page' if all_pages else 'only where needed'}{change}")
    line = f"every page loads {every} bytes gzipped of CSS and JS (budget {BUDGET})"
    if before:
        old_every = sum(size for size, all_pages in before["files"].values() if all_pages)
        line += f"; {every - old_every:+d} since {args.against}"
    print(line)
    print("JS sources, each minified and gzipped alone:")
    for name, (size, _) in now["sources"].items():
        change = ""
        if before:
            change = f"  {size - before['sources'].get(name, (0, True))[0]:+7d}"
        print(f"  {name:<28}{size:>6}{change}")
    return 0 if every <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
