"""The course data of a built site as the browser sees it once js/course.js has filled it in.

_static/course-data.js is a compact lock graph (defaults left out); the progress page carries
what only it needs of each unit (objectives, question counts, draws). Tests that read the data
from disk use this to get whole unit entries, as masterysite.js does."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any


def raw_course_data(site: Path) -> dict[str, Any]:
    js = (site / "_static" / "course-data.js").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(js[js.index("{") : js.rindex("}") + 1])
    return data


def course_data(site: Path) -> dict[str, Any]:
    """Every unit with id, title, href, section, requires, mastery, bonus, objectives, questions, draw."""
    data = raw_course_data(site)
    rows = data["units"]
    units = data["units"] = []
    for i, row in enumerate(rows):
        uid, title, requires, share, bonus = [*row, None, None, None][:5]
        units.append(
            {
                "id": uid,
                "title": title,
                "href": f"units/{uid}.html",
                "requires": requires if requires is not None else ([rows[i - 1][0]] if i else []),
                "mastery": share or data["mastery"],
                "bonus": bonus or 0,
            }
        )
    at = 0
    for section in data["sections"]:
        count = section.pop("count")
        ids = [u["id"] for u in units[at : at + count]]
        for u in units[at : at + count]:
            u["section"] = section["title"]
        section["units"] = ids
        at += len(ids)
    page = (site / "progress.html").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="ms-course-details">(.*?)</script>', page, re.S)
    assert found, "progress.html has no course details"
    for u, details in zip(units, json.loads(found.group(1)), strict=True):
        u.update(details)
    return data
