"""README screenshots, taken with Chromium from the example course:

    python scripts/screenshots.py            # writes docs/screenshots/*.png

The course page, a unit after a failed attempt (the result, then the explanations) and a unit
just mastered (with its bonus work) -- each in light and dark at desktop size, and on a phone.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from masterysite.build import build  # noqa: E402
from tests.browser.student import Course, Student  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
U1 = "whole-and-parts"
LOOKS = {"light": ({"width": 1280, "height": 860}, "light"), "dark": ({"width": 1280, "height": 860}, "dark"),
         "phone": ({"width": 390, "height": 844}, "light")}  # fmt: skip


def scenes(student: Student, page: Page, shoot: object) -> None:
    student.course_page()
    page.get_by_role("heading", level=1).wait_for()
    shoot("course")  # type: ignore[operator]
    student.open_unit(U1)
    student.take(U1, 2)
    page.locator("#ms-results").scroll_into_view_if_needed()
    page.evaluate("() => document.getElementById('ms-results').scrollIntoView({block: 'start'})")
    shoot("failed")  # type: ignore[operator]
    student.try_again()
    student.take(U1, 5)
    page.evaluate("() => document.getElementById('ms-results').scrollIntoView({block: 'start'})")
    shoot("mastered")  # type: ignore[operator]


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="ms-shots-"))
    try:
        site = work / "site"
        build(ROOT / "course", site)
        course = Course(site)
        with sync_playwright() as pw:
            chromium = shutil.which("chromium") or "/usr/bin/chromium"
            browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox"], headless=True)
            for look, (viewport, scheme) in LOOKS.items():
                context = browser.new_context(viewport=viewport, color_scheme=scheme, device_scale_factor=1)  # type: ignore[arg-type]
                page = context.new_page()
                student = Student(page, course, site.as_uri() + "/")

                def shoot(name: str, look: str = look, page: Page = page) -> None:
                    file = OUT / f"{name}-{look}.png"
                    page.wait_for_timeout(150)
                    page.screenshot(path=str(file))
                    print(file.relative_to(ROOT))

                scenes(student, page, shoot)
                context.close()
            browser.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
