"""``masterysite serve``: build, serve on 127.0.0.1, rebuild what changed on save, reload the browser.

livereload serves the pages and reloads the browser; the watching is
watchdog's (inotify on Linux, FSEvents on macOS, polling elsewhere) with a
short debounce, because livereload polls every 800 ms and a teacher should
see a save at once.
"""

from __future__ import annotations

import errno
import html
import logging
import mimetypes
import os
import re
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click

from masterysite.build import MARKER
from masterysite.errors import CourseError, MasteryError
from masterysite.incremental import Change, Project
from masterysite.theme import default_theme_dir

log = logging.getLogger(__name__)

QUIET = 0.03  # a burst of saves closer together than this builds once

Start = Callable[[str, list[tuple[str, str]]], Any]


class Status:
    """The last build's error (None when the site is good); shown over every served page."""

    def __init__(self) -> None:
        self.error: str | None = None

    def overlay(self) -> bytes:
        if not self.error:
            return b""
        text = html.escape(self.error)
        return (
            '<div role="alert" style="position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:99999;'
            "background:#fff4f4;color:#5c0000;border-top:4px solid #b00020;padding:1rem 1.5rem;"
            'font:15px/1.5 system-ui,sans-serif"><strong>masterysite: the last save did not build.</strong> '
            "This is the last good site; fix the problem below and save again."
            f'<pre style="white-space:pre-wrap;font:14px/1.5 ui-monospace,monospace;margin:8px 0 0">{text}</pre></div>'
        ).encode()


def static_app(root: Path, status: Status) -> Callable[[dict[str, Any], Start], Iterable[bytes]]:
    """A tiny WSGI file server for the output folder that can show the build error on each page."""
    base = root.resolve()

    def app(environ: dict[str, Any], start: Start) -> Iterable[bytes]:
        try:
            return serve_file(environ, start)
        except OSError:  # a name too long for the file system, a path too deep (security round cc 1): no such file
            start("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"Not found"]

    def serve_file(environ: dict[str, Any], start: Start) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "/")
        if "\x00" in path:  # ('%00': no file has that name; resolve() would raise: round y 13)
            start("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"Not found"]
        target = (base / path.lstrip("/")).resolve()
        if target.is_dir():
            target = target / "index.html"
        if status.error and not target.is_file() and target.suffix in ("", ".html"):
            start("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")])
            return [
                b"<!DOCTYPE html><html lang=en><head><title>Build failed</title></head><body>"
                + status.overlay()
                + b"</body></html>"
            ]
        if not target.is_relative_to(base) or not target.is_file():
            start("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"Not found"]
        body = target.read_bytes()
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind == "text/html" and status.error:
            body = body.replace(b"</body>", status.overlay() + b"</body>", 1)
        if kind.startswith("text/") or kind.endswith("javascript"):
            kind += "; charset=utf-8"
        start("200 OK", [("Content-Type", kind), ("Cache-Control", "no-store")])
        return [body]

    return app


# Names editors and tools give their temporary, backup and swap files while saving: vim's
# .x.swp and its write test "4913", emacs's .#x and #x#, x~, sed -i's sedXXXXXX, JetBrains'
# x___jb_tmp___, kate's .x.kate-swp, Chrome's x.crswap. A save through one of these would
# otherwise show up in the log and trigger a rebuild of its own.
_SCRATCH = re.compile(
    r"""^(?:\..*|\#.*\#|4913|sed[A-Za-z0-9]{6}|.*~|.*\.(?:sw[a-p]|tmp|temp|bak|orig|part|crswap|kate-swp)
    |.*___jb_(?:tmp|old)___)$""",
    re.X,
)


def relevant(path: str) -> bool:
    """A file a build reads (not an editor's temporary or swap file, not the output folder)."""
    name = path.rsplit("/", 1)[-1]
    if not name or _SCRATCH.match(name):
        return False
    if path.startswith("units/"):
        return name.endswith(".md")  # course.yml names unit files, and they end in .md
    return path == "course.yml" or path.startswith(("assets/", "theme/", "<theme>/"))


class Watcher(threading.Thread):
    """Collects file events (inotify/FSEvents via watchdog, polling where there is none);
    after a quiet moment rebuilds what changed and asks the browser to reload."""

    def __init__(self, project: Project, status: Status, reload: Callable[[], None]) -> None:
        super().__init__(daemon=True, name="masterysite-watch")
        self.project, self.status, self.reload = project, status, reload
        self.stopping = threading.Event()
        self.pending: set[str] = set()
        self.last = 0.0
        self.wake = threading.Event()
        self.lock = threading.Lock()
        self.observer = self._observe()

    def _observe(self) -> Any:
        from watchdog.events import FileSystemEvent, FileSystemEventHandler
        from watchdog.observers import Observer

        watcher = self
        roots = [(self.project.root.resolve(), ""), (default_theme_dir(), "<theme>/")]

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: FileSystemEvent) -> None:
                if event.event_type in ("opened", "closed_no_write"):
                    return
                for raw in (event.src_path, getattr(event, "dest_path", "")):
                    if raw:
                        watcher.saw(Path(os.fsdecode(raw)), roots)

        observer = Observer()
        for folder, _prefix in roots:
            observer.schedule(Handler(), str(folder), recursive=True)
        return observer

    def saw(self, file: Path, roots: list[tuple[Path, str]]) -> None:
        for folder, prefix in roots:
            if file.is_relative_to(folder):
                key = prefix + file.relative_to(folder).as_posix()
                if relevant(key):
                    with self.lock:
                        self.pending.add(key)
                        self.last = time.monotonic()
                    self.wake.set()
                return

    def run(self) -> None:
        self.observer.start()
        try:
            while not self.stopping.is_set():
                if not self.wake.wait(0.2):
                    continue
                self._settle()
                with self.lock:
                    paths, self.pending = self.pending, set()
                    self.wake.clear()
                if paths and not self.stopping.is_set():
                    self.rebuild(Change(paths))
        finally:
            self.observer.stop()

    def _settle(self) -> None:
        """Wait until no event came for QUIET seconds, so an editor's burst of writes builds once."""
        while not self.stopping.is_set():
            with self.lock:
                wait = self.last + QUIET - time.monotonic()
            if wait <= 0:
                return
            time.sleep(wait)

    def rebuild(self, change: Change) -> None:
        started = time.perf_counter()
        try:
            report, written = self.project.rebuild(change, search=False)
        except MasteryError as exc:
            self.status.error = exc.format_message()
            click.echo(f"Build failed; still serving the last good site.\n{self.status.error}", err=True)
            self.reload()
            return
        except Exception as exc:  # a watcher thread must survive anything a save can cause
            self.status.error = f"internal error: {type(exc).__name__}: {exc}"
            click.echo(self.status.error, err=True)
            self.reload()
            return
        self.status.error = None
        for problem in report.warnings:
            click.echo(str(problem), err=True)
        took = (time.perf_counter() - started) * 1000
        what = "everything" if written == ["*"] else f"{len(written)} file(s)"
        click.echo(f"Rebuilt {what} in {took:.0f} ms: {', '.join(sorted(change.paths))}")
        self.reload()
        if written != ["*"]:
            try:
                self.project.update_search_index()
            except Exception as exc:  # a stale search index must not stop the watcher
                click.echo(f"search index not updated: {type(exc).__name__}: {exc}", err=True)


def serve(
    root: Path,
    out: Path | None = None,
    host: str = "127.0.0.1",
    port: int = 8000,
    open_browser: bool = False,
    safe_html: bool = False,
) -> None:
    """Serve ``root``, built into ``out``, or (as ``mkdocs serve`` does) into a temporary folder that
    is removed when serve stops, so serve never writes into the folder it was started from."""
    if not root.is_dir():
        raise MasteryError(f"{root}: course folder not found (create one with: masterysite new {root})")
    if out is not None:
        return _serve(root, out, host, port, open_browser, safe_html)
    scratch = Path(tempfile.mkdtemp(prefix="masterysite-serve-"))
    click.echo(f"Building into {scratch / 'site'} (removed on exit; -o DIR builds into DIR and keeps it)")
    # `kill` (SIGTERM) ends serve like Ctrl+C does, so the temporary folder is removed either way.
    previous = signal.signal(signal.SIGTERM, _stop) if threading.current_thread() is threading.main_thread() else None
    try:
        return _serve(root, scratch / "site", host, port, open_browser, safe_html)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _serve(root: Path, out: Path, host: str, port: int, open_browser: bool, safe_html: bool) -> None:
    from livereload import Server
    from livereload.handlers import LiveReloadHandler
    from tornado.ioloop import IOLoop

    project = Project(root, out, safe_html=safe_html)
    status = Status()
    try:
        report = project.full()
        for problem in report.warnings:
            click.echo(str(problem), err=True)
    except MasteryError as exc:
        if isinstance(exc, CourseError) or (out / MARKER).is_file():
            status.error = exc.format_message()  # serve the last good site (if any) with the error over it
            click.echo(f"Build failed; fix it and save: the page reloads.\n{status.error}", err=True)
        else:
            raise
    loop = IOLoop.current()

    def reload() -> None:
        loop.add_callback(LiveReloadHandler.reload_waiters, "*")

    watcher = Watcher(project, status, reload)
    watcher.start()

    class QuietServer(Server):  # type: ignore[misc]
        def _setup_logging(self) -> None:
            """livereload logs every poll at INFO; a teacher needs only our own lines."""
            logging.getLogger("tornado").addHandler(logging.NullHandler())

        def get_web_handlers(self, script: bytes) -> Any:
            """livereload injects an inline script, which every page's Content-Security-Policy
            refuses: load its client as a script file of this same server instead."""
            return super().get_web_handlers(f'<script src="/livereload.js?port={port}"></script>'.encode())

    server = QuietServer(app=static_app(out, status))
    # Our watcher does the watching: give livereload's own poller a task that never fires,
    # or it scans the whole working directory every 800 ms and reloads on our own writes.
    server.watch(str(out / ".masterysite-never-changes"))
    loop.add_callback(click.echo, f"Serving {root} at http://{host}:{port}/ (Ctrl+C to stop)")  # once listening
    try:
        server.serve(host=host, port=port, debug=False, open_url_delay=1 if open_browser else None)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise MasteryError(f"port {port} is already in use (another serve?): try --port {port + 1}") from None
        raise
    finally:
        watcher.stopping.set()
