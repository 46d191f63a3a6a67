#!/usr/bin/env python3
"""Lighthouse scores of the built pages: course page, a unit and the progress page, for the
example course and a synthetic big course, mobile and desktop.

    python benchmarks/lighthouse.py                    # example course + 1,000 units
    python benchmarks/lighthouse.py --units 200 --runs 1
    python benchmarks/lighthouse.py --json figures.json

Uses Lighthouse 12.2.3 from the npm registry (installed into .cache/ on first use) with
Debian's Chromium (CHROME_PATH, default /usr/bin/chromium), headless. The pages are served
from a plain-http server on 127.0.0.1 that gzips text as any real host does. Unit pages: for a
new student, the first unit (open) and one half-way through (locked). Prints, per page, the
four category scores (median of --runs), cumulative layout shift, largest contentful paint, total transfer size and DOM
element count. Lighthouse's performance score uses simulated throttling, which still moves
with a busy machine: compare figures taken on a quiet one.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from tests.browser.static_server import QuietHandler, static_server  # noqa: E402

VERSION = "12.2.3"
PREFIX = REPO / ".cache"
CHROME = os.environ.get("CHROME_PATH", shutil.which("chromium") or "/usr/bin/chromium")
FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse_bin() -> Path:
    binary = PREFIX / "node_modules" / ".bin" / "lighthouse"
    package = PREFIX / "node_modules" / "lighthouse" / "package.json"
    current = json.loads(package.read_text())["version"] if package.is_file() else None
    if current != VERSION:
        print(f"installing lighthouse@{VERSION} into {PREFIX} (npm)", file=sys.stderr)
        subprocess.run(
            ["npm", "install", "-s", "--no-audit", "--no-fund", "--prefix", str(PREFIX), f"lighthouse@{VERSION}"],
            check=True,
        )
    return binary


class GzipHandler(QuietHandler):
    """A static server as a school's or a host's would be: text sent gzipped when the browser
    accepts it (as nginx's gzip on, GitHub Pages or Netlify do), so transfer sizes are real."""

    TEXT = (".html", ".js", ".css", ".svg", ".json")

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in self.TEXT and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    with static_server(folder, GzipHandler) as port:
        yield f"http://127.0.0.1:{port}/"


def audit(binary: Path, url: str, form: str) -> dict[str, float]:
    args = [str(binary), url, "--output=json", "--output-path=stdout", "--quiet", f"--chrome-flags={FLAGS}"]
    args.append("--preset=desktop" if form == "desktop" else "--form-factor=mobile")
    done = subprocess.run(args, capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=CHROME), timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}: {done.stderr.strip()[-400:]}")
    report = json.loads(done.stdout)
    audits = report["audits"]
    out = {c: 100 * (report["categories"][c]["score"] or 0) for c in CATEGORIES}
    out["cls"] = audits["cumulative-layout-shift"]["numericValue"]
    out["lcp_ms"] = audits["largest-contentful-paint"]["numericValue"]
    out["bytes"] = audits["total-byte-weight"]["numericValue"]
    out["elements"] = audits["dom-size"]["numericValue"]
    return out


def median_audit(binary: Path, url: str, form: str, runs: int) -> dict[str, float]:
    results = [audit(binary, url, form) for _ in range(runs)]
    return {k: statistics.median(r[k] for r in results) for k in results[0]}


def build(course: Path, out: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    subprocess.run([sys.executable, "-m", "masterysite", "build", str(course), "-o", str(out)], check=True, env=env)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=1000, help="size of the synthetic course (0: skip it)")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page and form factor (median)")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    parser.add_argument("--pages", nargs="*", choices=("course", "unit", "progress"), help="only these pages")
    args = parser.parse_args()

    from gen_course import generate_course

    binary = lighthouse_bin()
    work = Path(tempfile.mkdtemp(prefix="masterysite-lighthouse-"))
    figures: list[dict[str, object]] = []
    try:
        courses = [("example", REPO / "course")]
        if args.units:
            generate_course(work / "big-src", args.units)
            courses.append((f"{args.units} units", work / "big-src"))
        print(f"{'course':12} {'page':34} {'form':8} perf  a11y  best  seo   CLS     LCP ms  KB    elements")
        for label, source in courses:
            site = work / label.replace(" ", "-")
            build(source, site)
            names = sorted(p.name for p in (site / "units").glob("*.html"))
            # A new student: the first unit is open (its lesson shows), one further on is locked.
            units = ["units/whole-and-parts.html", "units/equivalent-fractions.html"]
            if label != "example":
                units = ["units/" + names[0], "units/" + names[len(names) // 2]]
            pages = [("course", "index.html"), ("unit", units[0]), ("unit", units[1]), ("progress", "progress.html")]
            pages = [(n, path) for n, path in pages if not args.pages or n in args.pages]
            with serve(site) as root:
                for kind, path in pages:
                    for form in ("mobile", "desktop"):
                        r = median_audit(binary, root + path, form, args.runs)
                        figures.append({"course": label, "page": path, "kind": kind, "form": form, **r})
                        print(
                            f"{label:12} {path:34} {form:8} {r['performance']:4.0f}  {r['accessibility']:4.0f}  "
                            f"{r['best-practices']:4.0f}  {r['seo']:4.0f}  {r['cls']:.4f}  {r['lcp_ms']:6.0f}  "
                            f"{r['bytes'] / 1024:5.0f} {r['elements']:6.0f}",
                            flush=True,
                        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
