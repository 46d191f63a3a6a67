"""docs/screenshots/report.png: the class report of a small generated class, taken with Chromium.

python3 scripts/report_screenshot.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.conftest import ARGS, CHROMIUM  # noqa: E402
from tests.browser.test_report_page import class_report  # noqa: E402


def main() -> None:
    out = REPO / "docs" / "screenshots" / "report.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        report = class_report(Path(tmp))
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.goto(report.as_uri())
        page.screenshot(path=str(out), full_page=False)
        browser.close()
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
