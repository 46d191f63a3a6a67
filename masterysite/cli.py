"""The command line: thin click commands over plain functions."""

from __future__ import annotations

import errno
import logging
import os
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from masterysite import __version__
from masterysite.errors import CourseError, MasteryError, Problem, terminal_safe
from masterysite.model import Course

if TYPE_CHECKING:
    from masterysite.build import Loaded


def course_here(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path:
    """The course folder: when none is given, ./course, or, when there is no ./course, the folder the
    teacher is in if it is a course (it holds course.yml). The default is None rather than 'course'
    because click does not say the same thing about where a value came from in every version (8.4
    tells a callback nothing; 8.5 says DEFAULT)."""
    if value is not None:
        return value
    if not Path("course").exists() and Path("course.yml").is_file():
        return Path(".")
    return Path("course")


def beside(course: Path, name: str) -> Path:
    """A folder named ``name`` next to the course folder, as the command line writes it: 'build' for
    ./course, '../build' from inside the course."""
    return Path(os.path.relpath(course.resolve().parent / name))


COURSE = click.argument("course", required=False, default=None, type=click.Path(path_type=Path), callback=course_here)
SAFE_HTML = click.option(
    "--safe-html", is_flag=True, help="Sanitize raw HTML in units, as 'safe_html: true' in course.yml does."
)


def show_warnings(problems: list[Problem]) -> None:
    for problem in sorted(set(problems), key=lambda p: (p.path, p.line, p.message)):
        if problem.severity == "warning":
            click.echo(str(problem), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="masterysite")
@click.option("-v", "--verbose", is_flag=True, help="Say more about what happens.")
def main(verbose: bool) -> None:
    """Build static sites for mastery-based courses from Markdown."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(message)s")


@main.command()
@click.argument("directory", type=click.Path(path_type=Path))
def new(directory: Path) -> None:
    """Create a starter course in DIRECTORY to edit."""
    from masterysite.scaffold import create

    create(directory)
    click.echo(f"Created a starter course in {directory}.")
    click.echo(f"Next: masterysite serve {shlex.quote(str(directory))}")  # (pasted as it is: 'Teoría musical 2')


@main.command()
@COURSE
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="The site's folder  [default: build; ../build when you are in the course folder]",
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=None, help="Processes to use (default: cores).")
@click.option(
    "--no-cache", is_flag=True, help="Parse and render everything; start the cache in COURSE/.masterysite/cache afresh."
)
@SAFE_HTML
def build(course: Path, output: Path | None, strict: bool, jobs: int | None, no_cache: bool, safe_html: bool) -> None:
    """Build the site of COURSE (default: ./course, or the folder you are in if it is a course) into OUTPUT."""
    from masterysite.unchanged import replay

    if output is None:  # ./build, unless that is inside the course (the teacher is in it): then beside it
        here = Path("build").resolve()
        output = beside(course, "build") if here.is_relative_to(course.resolve()) else Path("build")

    # nothing changed since the last build: known without loading the builder (a few milliseconds)
    report, stamp = (None, None) if no_cache else replay(course, output, strict, safe_html)
    if report is None:
        from masterysite.build import build as run_build

        cache = not no_cache
        report = run_build(course, output, strict=strict, jobs=jobs, cache=cache, safe_html=safe_html, stamp=stamp)
    show_warnings(report.problems)
    click.echo(f"Built {output}/index.html")
    _DONE.append("build")


def show_unhashed(course: Course | None) -> None:
    """SPEC §3.8: ranges and patterns cannot be hashed, so the teacher is told which answers the page carries."""
    from masterysite.judging import unhashed

    found = [(u.path, a) for u in (course.units if course else ()) for q in u.questions for a in unhashed(q)]
    if not found:
        return
    click.echo("Answers the pages carry as data (a range or a pattern cannot be sealed; see the README):")
    for path, answer in found:
        click.echo(f"  {path}:{answer.line}: {'~' if answer.kind == 'pattern' else '='} {answer.source}")


@main.command()
@COURSE
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit status 1), for CI.")
@SAFE_HTML
def check(course: Path, strict: bool, safe_html: bool) -> None:
    """Validate and lint COURSE without writing a site."""
    from masterysite.build import fail_on, load_course, try_templates

    loaded = load_course(course, safe_html=safe_html)
    fail_on(loaded.report, False, checking=True)
    try:
        try_templates(loaded, course)
    except CourseError as exc:  # (said as check says it: the course does not pass)
        raise CourseError(exc.problems, checking=True) from None
    if strict and loaded.report.problems:  # what the course is told besides, before its warnings fail it
        _check_notes(loaded)
        fail_on(loaded.report, strict, checking=True)
    show_warnings(loaded.report.problems)
    _check_notes(loaded)
    units = len(loaded.course.units) if loaded.course else 0
    warnings = len(set(loaded.report.warnings))  # (as printed: the same warning at the same line once)
    plural = "s" if warnings != 1 else ""
    click.echo(f"{course}: {units} unit{'s' if units != 1 else ''}, no errors, {warnings} warning{plural}.")


def _check_notes(loaded: Loaded) -> None:
    """What check tells a teacher that is no warning: answers carried as data, objective ids made from words."""
    show_unhashed(loaded.course)
    for unit in loaded.course.units if loaded.course else ():
        if unit.objectives_from_block:
            ids = ", ".join(o.id for o in unit.objectives)
            click.echo(f"{unit.path}:{unit.objectives[0].line}: objective ids made from their words: {ids}")
    if loaded.course is not None:
        from masterysite.hashing import sealing_notes

        for note in sealing_notes(loaded.course):
            click.echo(note)  # not a warning: what a teacher should know, that a course may well keep


@main.command()
@COURSE
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Build into this folder and keep it (default: a temporary folder, removed when serve stops).",
)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("-p", "--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--open", "open_browser", is_flag=True, help="Open the site in a browser.")
@SAFE_HTML
def serve(course: Path, output: Path | None, host: str, port: int, open_browser: bool, safe_html: bool) -> None:
    """Build COURSE, serve it, rebuild what changed on save and reload the browser."""
    from masterysite.serve import serve as run_serve

    run_serve(course, output, host=host, port=port, open_browser=open_browser, safe_html=safe_html)


@main.command()
@COURSE
@click.option("--scorm", "version", type=click.Choice(["1.2", "2004"]), required=True, help="SCORM version.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="The zip (default: ID-scormV.zip).")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def package(course: Path, version: str, output: Path | None, strict: bool) -> None:
    """A SCORM package of COURSE: one SCO, the whole course, for Moodle, Canvas, Blackboard."""
    from masterysite.package import package as run_package

    out = run_package(course, version, output, strict=strict)
    click.echo(f"Wrote {out} (SCORM {version}): upload it to your LMS as a SCORM package.")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--course",
    type=click.Path(path_type=Path),
    default=None,
    callback=course_here,
    help="The course the answers belong to  [default: course, or . when you are in the course folder]",
)
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("report.html"), show_default=True,
              help="report.html (readable offline) or report.csv.")  # fmt: skip
def report(files: tuple[Path, ...], course: Path, output: Path) -> None:
    """The class picture from students' exported progress FILES (files or folders of .json).

    Exit status 0 when every file was reported, 1 when a file was left out (each is named) or
    none could be read, and the course's own errors exit 1 as for build."""
    from masterysite.report import write_report

    defaulted = click.get_current_context().get_parameter_source("output") == click.core.ParameterSource.DEFAULT
    if defaulted and output.resolve().is_relative_to(course.resolve()):
        output = beside(course, "report.html")  # students' names never inside the course folder (a public repo?)
    elif course.is_dir() and output.resolve().is_relative_to(course.resolve()):  # (round y 2: in assets/, published)
        raise MasteryError(
            f"{output}: the report holds students' names and answers, and this is inside the course folder, whose"
            f" files a build may publish; write it outside, like -o {beside(course, output.name)}"
        )

    result = write_report(course, files, output)
    for line in result.problems + result.notes:  # (students' text in them: never the terminal's controls)
        click.echo(terminal_safe(line), err=True)
    flags = len(result.flags)
    if not result.students:
        if result.foreign:  # every readable file is another course's: the wrong --course (or none given)
            other, count = max(result.foreign.items(), key=lambda item: item[1])
            click.echo(
                f"{count} of the files are progress of the course '{other}', not of {course}: give that course's"
                " folder with --course PATH",
                err=True,
            )
        click.echo("No progress files could be reported; nothing was written.", err=True)
        sys.exit(1)
    left = (
        f"; {len(result.problems)} file{'s' if len(result.problems) != 1 else ''} left out" if result.problems else ""
    )
    edited = sum(1 for s, u in result.flags if s.units[u.id].doubt == "edited")
    raised = sum(1 for s, u in result.flags if s.units[u.id].doubt == "raised")
    in_lms = sum(1 for s, u in result.flags if s.units[u.id].doubt == "lms")
    plain = flags - edited - raised - in_lms
    unsupported = f"; {plain} 'mastered' not supported by the answers" if plain else ""
    unsupported += f"; {edited} 'mastered' on questions edited since, not re-checked" if edited else ""
    unsupported += f"; {raised} 'mastered' below the unit's mastery level now (raised since?)" if raised else ""
    unsupported += f"; {in_lms} 'mastered' in the LMS, its answers there" if in_lms else ""
    copies = len(result.copies)
    unsupported += f"; {copies} 'mastered' on an attempt also in another file" if copies else ""
    over = len(result.overstated)
    unsupported += f"; {over} record{'s' if over != 1 else ''} with scores above the answers" if over else ""
    over = len(result.overstated_edited)
    edits = f"; {over} record{'s' if over != 1 else ''} with scores on questions edited since, not re-checked"
    unsupported += edits if over else ""
    click.echo(
        f"Wrote {output}: {len(result.students)} student{'s' if len(result.students) != 1 else ''}{unsupported}{left}."
    )
    if result.problems:
        sys.exit(1)


_DONE: list[str] = []  # a command that finished and leaves nothing to clean up but the exit handlers


def exit_now() -> None:
    """Leave without freeing what a build holds, one object at a time: the operating system frees the
    memory at once (1,000 units: 0.13 s of a cold build went to Python's teardown). The exit
    handlers still run (a temporary cache folder is removed), and the output is flushed."""
    import atexit
    import threading

    if threading.active_count() > 1:  # a thread Python would wait for: leave the usual way
        return
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def run() -> None:
    """Entry point: a teacher never sees a traceback (MASTERYSITE_DEBUG=1 shows one)."""
    try:
        main(standalone_mode=False)
        if _DONE:
            exit_now()
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as exc:  # MasteryError is one
        exc.show()
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Interrupted; the previous site is unchanged.", err=True)
        sys.exit(130)
    except OSError as exc:
        if os.environ.get("MASTERYSITE_DEBUG"):
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        advice = ""
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):  # (a build's last good site is kept: build.swap_in)
            advice = " (the disk is full: nothing was replaced; free some space, or write elsewhere with -o)"
        click.echo(f"{where}{exc.strerror or exc}{advice}", err=True)
        sys.exit(1)
    except Exception as exc:
        if os.environ.get("MASTERYSITE_DEBUG"):
            raise
        click.echo(f"internal error: {type(exc).__name__}: {exc} (set MASTERYSITE_DEBUG=1 for details)", err=True)
        sys.exit(2)
