"""`masterysite package --scorm 1.2|2004`: the built site as one SCO in a zip an LMS imports.

The site is built as usual; a launch page (scorm.html, running js/scorm.js) holds the LMS
session and shows the course's pages in a frame; imsmanifest.xml names it. The manifest names
the ADL schemas by file name (schemaLocation), as LMSs expect; nothing is fetched.
"""

from __future__ import annotations

import logging
import os
import tempfile
import zipfile
from html import escape
from pathlib import Path
from xml.sax.saxutils import quoteattr

from masterysite import csp
from masterysite.build import build_full
from masterysite.errors import MasteryError
from masterysite.model import Course
from masterysite.render import course_details_json
from masterysite.scripts import bundles
from masterysite.theme import static_files, strings

log = logging.getLogger(__name__)

VERSIONS = ("1.2", "2004")
LAUNCH = "scorm.html"
ZIP_TIME = (2020, 1, 1, 0, 0, 0)  # a fixed time in the zip: the same course gives the same package

SCHEMAS_12 = (
    "http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd "
    "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
    "http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"
)
SCHEMAS_2004 = (
    "http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd "
    "http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd "
    "http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd "
    "http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd "
    "http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd"
)


def launch_page(course: Course, version: str, failing: str = "") -> str:
    """The page the LMS opens: no inline script or style (the pages' content security policy). ``failing``:
    what it says when the LMS refuses what the course reports (js/scorm.js shows it)."""
    title = escape(course.config.title)
    page = (
        f'<!DOCTYPE html>\n<html lang="{escape(course.config.language)}" class="lms-launch" data-scorm="{version}">\n'
        '<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<title>{title}</title>\n<link rel="icon" href="data:,">\n'
        '<link rel="stylesheet" href="_static/masterysite.css">\n<link rel="stylesheet" href="_static/scorm.css">\n'
        "</head>\n<body>\n"
        f'<p id="ms-lms-failing" class="lms-failing" role="alert" hidden>{escape(failing)}</p>\n'
        f'<iframe id="ms-course" class="lms-frame" title="{title}"></iframe>\n'
        # The objectives of every unit (reported to the LMS): course-data.js is only the lock graph.
        f'<script type="application/json" id="ms-course-details">{course_details_json(course)}</script>\n'
        '<script src="_static/course-data.js"></script>\n<script src="_static/scorm.js"></script>\n'
        "</body>\n</html>\n"
    )
    return csp.protect(page) if course.config.csp else page


def _files_xml(files: list[str]) -> str:
    return "".join(f"      <file href={quoteattr(name)}/>\n" for name in files)


def manifest(course: Course, version: str, files: list[str]) -> str:
    ident = f"masterysite-{course.config.id}"
    title = escape(course.config.title)
    if version == "1.2":
        head = (
            f'<manifest identifier={quoteattr(ident)} version="1"\n'
            '  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"\n'
            '  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"\n'
            '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
            f'  xsi:schemaLocation="{SCHEMAS_12}">\n'
            "  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>1.2</schemaversion>\n  </metadata>\n"
        )
        scorm_type = 'adlcp:scormtype="sco"'
    else:
        head = (
            f'<manifest identifier={quoteattr(ident)} version="1"\n'
            '  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"\n'
            '  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"\n'
            '  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"\n'
            '  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"\n'
            '  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"\n'
            '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
            f'  xsi:schemaLocation="{SCHEMAS_2004}">\n'
            "  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>2004 4th Edition</schemaversion>\n"
            "  </metadata>\n"
        )
        scorm_type = 'adlcp:scormType="sco"'
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + head
        + '  <organizations default="org">\n    <organization identifier="org">\n'
        f"      <title>{title}</title>\n"
        f'      <item identifier="course" identifierref="sco">\n        <title>{title}</title>\n      </item>\n'
        "    </organization>\n  </organizations>\n  <resources>\n"
        f'    <resource identifier="sco" type="webcontent" {scorm_type} href="{LAUNCH}">\n'
        + _files_xml(files)
        + "    </resource>\n  </resources>\n</manifest>\n"
    )


def package(course_dir: Path, version: str, output: Path | None = None, strict: bool = False) -> Path:
    """Build COURSE and write the SCORM zip; returns its path."""
    if version not in VERSIONS:
        raise MasteryError(f"--scorm must be 1.2 or 2004, not '{version}'")
    if output is not None and output.is_dir():
        raise MasteryError(f"{output}: this is a folder: give the zip's file name, like -o {output / 'course.zip'}")
    if output is not None and output.suffix.lower() != ".zip":
        raise MasteryError(f"{output}: a SCORM package is a .zip (LMS upload forms look for one): name it so")
    if output is not None and output.exists() and not _a_package(output):  # (round y 3: any zip was replaced)
        raise MasteryError(
            f"{output}: exists and is not a SCORM package masterysite wrote; choose another -o (or remove it), so"
            " nothing of yours is replaced"
        )
    with tempfile.TemporaryDirectory(prefix="masterysite-scorm-") as tmp:
        site = Path(tmp) / "site"
        loaded, _ = build_full(course_dir, site, strict=strict)
        assert loaded.course is not None
        course = loaded.course
        static = static_files(course_dir)
        for name, text in bundles(course_dir, lms=True).items():  # (the site's talk to no LMS: IN_LMS_ONLY)
            if name not in static:  # (theme/static/NAME.js replaces the whole script, as in the site)
                (site / "_static" / name).write_text(text, encoding="utf-8")
        failing = str(strings(course_dir, course.config.language).get("lms_failing", ""))
        (site / LAUNCH).write_text(launch_page(course, version, failing), encoding="utf-8")
        files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
        files = [f for f in files if not f.startswith(".")]  # the build's own marker
        (site / "imsmanifest.xml").write_text(manifest(course, version, files), encoding="utf-8")
        out = output or Path(f"{course.config.id}-scorm{version.replace('.', '')}.zip")
        if output is None and out.resolve().is_relative_to(course_dir.resolve()):  # in the course folder:
            out = Path(os.path.relpath(course_dir.resolve().parent / out.name))  # beside it, never published
        if output is None and out.exists() and not _a_package(out):  # (the default name: security round cc 8)
            raise MasteryError(
                f"{out}: exists and is not a SCORM package masterysite wrote; give the package another name with"
                " -o (or remove this file), so nothing of yours is replaced"
            )
        out.parent.mkdir(parents=True, exist_ok=True)
        _zip(site, ["imsmanifest.xml", *files], out)
    log.info("packaged %d files into %s", len(files) + 1, out)
    return out


def _a_package(path: Path) -> bool:
    """Whether ``path`` is a SCORM package this command wrote (it may be replaced): a zip whose manifest
    launches masterysite's page."""
    try:
        with zipfile.ZipFile(path) as archive:
            return LAUNCH in archive.namelist() and "imsmanifest.xml" in archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def _zip(site: Path, names: list[str], out: Path) -> None:
    partial = out.with_name(f".{out.name}.part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, (site / name).read_bytes())
    partial.replace(out)
