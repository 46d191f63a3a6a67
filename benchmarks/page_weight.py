#!/usr/bin/env python3
"""How heavy a unit page is: bytes transferred (gzipped) and DOM elements, at any course size.

    python benchmarks/page_weight.py                  # example course + 1,000 units
    python benchmarks/page_weight.py --units 200
    python benchmarks/page_weight.py --repo /path/to/other/checkout   # the same, built by another tree

Builds the example course and the synthetic course (gen_course.py), serves each site from a
plain-http server on 127.0.0.1, opens a unit page in headless Chromium (Debian's, via
Playwright) at a phone's and a desktop's size, as a new student (unit locked: only the lesson
is not shown) and as one who has mastered every unit (the lesson and the quiz shown), and
prints per page: every file the page loaded with its size gzipped (level 6, as a web server
sends it; the search index loads only when the student searches and is not counted), the total,
and the number of elements once the scripts have run. Issue 12's budget for a unit page of the
1,000-unit course: at most 60 KB (61,440 bytes) gzipped and 1,500 elements.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
import os
import shutil
import socketserver
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

BUDGET_BYTES = 60 * 1024
BUDGET_ELEMENTS = 1500
CHROME = os.environ.get("CHROME_PATH", shutil.which("chromium") or "/usr/bin/chromium")
VIEWPORTS = {"mobile": {"width": 412, "height": 823}, "desktop": {"width": 1350, "height": 940}}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def build(repo: Path, course: Path, out: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(repo))
    subprocess.run(
        [sys.executable, "-m", "masterysite", "build", str(course), "-o", str(out), "--no-cache"],
        check=True,
        env=env,
        cwd=repo,
        stdout=subprocess.DEVNULL,
    )


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def body_size(response: object) -> int:
    try:
        return gz(response.body())  # type: ignore[attr-defined]
    except Exception:  # a redirect or an aborted request: nothing transferred worth counting
        return 0


def everything_mastered(site: Path) -> str:
    js = (site / "_static" / "course-data.js").read_text(encoding="utf-8")
    data = json.loads(js[js.index("{") : js.rindex("}") + 1])
    ids = [u[0] if isinstance(u, list) else u["id"] for u in data["units"]]
    units = {uid: {"mastered": True, "attempts": 1, "best": [5, 5]} for uid in ids}
    return json.dumps({"schema": 1, "course": data["id"], "student": "", "units": units})


def measure(site: Path, page_path: str) -> list[dict[str, object]]:
    from playwright.sync_api import sync_playwright

    rows: list[dict[str, object]] = []
    with serve(site) as root, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROME, args=["--no-sandbox", "--disable-gpu"], headless=True)
        try:
            for form, viewport in VIEWPORTS.items():
                for student in ("new", "all mastered"):
                    context = browser.new_context(viewport=viewport)
                    if student != "new":  # saved before any script of the page runs
                        saved = everything_mastered(site)
                        key = json.dumps("masterysite:" + json.loads(saved)["course"])
                        context.add_init_script(f"localStorage.setItem({key}, {json.dumps(saved)});")
                    page = context.new_page()
                    loaded: dict[str, int] = {}
                    page.on("response", lambda r, loaded=loaded: loaded.__setitem__(r.url, body_size(r)))
                    page.goto(root + page_path, wait_until="load")
                    page.wait_for_function("() => !document.documentElement.classList.contains('ms-pending')")
                    page.wait_for_timeout(200)
                    elements = page.evaluate("() => document.getElementsByTagName('*').length")
                    files = {url.replace(root, ""): size for url, size in loaded.items()}
                    rows.append(
                        {
                            "form": form,
                            "student": student,
                            "files": files,
                            "bytes": sum(files.values()),
                            "elements": elements,
                        }
                    )
                    context.close()
        finally:
            browser.close()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=1000, help="size of the synthetic course (0: skip it)")
    parser.add_argument(
        "--repo", type=Path, default=REPO, help="the masterysite checkout that builds (default: this one)"
    )
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args()

    from gen_course import generate_course

    work = Path(tempfile.mkdtemp(prefix="masterysite-weight-"))
    figures: list[dict[str, object]] = []
    ok = True
    try:
        courses = [("example", REPO / "course", "units/whole-and-parts.html")]
        if args.units:
            generate_course(work / "big-src", args.units)
            courses.append((f"{args.units} units", work / "big-src", f"units/u{args.units // 2:04d}.html"))
        print(f"built by {args.repo}")
        for label, source, page_path in courses:
            site = work / label.replace(" ", "-")
            build(args.repo, source, site)
            for row in measure(site, page_path):
                figures.append({"course": label, "page": page_path, **row})
                files = row["files"]
                assert isinstance(files, dict)
                detail = ", ".join(
                    f"{Path(n).name} {s / 1024:.1f}" for n, s in sorted(files.items(), key=lambda x: -x[1])
                )
                over = ""
                if label != "example" and (row["bytes"] > BUDGET_BYTES or row["elements"] > BUDGET_ELEMENTS):  # type: ignore[operator]
                    over, ok = "  OVER BUDGET", False
                print(
                    f"{label:10} {page_path:28} {row['form']:7} {row['student']:12} "
                    f"{row['bytes'] / 1024:6.1f} KB gz {row['elements']:6} elements{over}\n    {detail}",  # type: ignore[operator]
                    flush=True,
                )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    verdict = "met" if ok else "NOT met"
    print(f"budget (synthetic course): {BUDGET_BYTES / 1024:.0f} KB gzipped, {BUDGET_ELEMENTS} elements: {verdict}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
