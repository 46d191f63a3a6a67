"""A quiet plain-http static file server on 127.0.0.1, in a background thread: the browser tests'
school server (conftest.serve_folder, engines.school_server) and benchmarks/lighthouse.py's.

Standard library only: benchmarks/lighthouse.py imports it without pytest or Playwright."""

from __future__ import annotations

import contextlib
import functools
import http.server
import socketserver
import threading
from collections.abc import Iterator
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request to stderr."""

    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def static_server(docroot: Path, handler: type[QuietHandler] = QuietHandler) -> Iterator[int]:
    """Serves ``docroot`` on a free port of 127.0.0.1 until the block ends; yields the port."""
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(docroot)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def serve_folder(docroot: Path, host: str = "school.test") -> Iterator[str]:
    """A plain-http static server for ``docroot``; yields its base URL on ``host`` (the browser tests
    map school.test to 127.0.0.1), with a trailing slash."""
    with static_server(docroot) as port:
        yield f"http://{host}:{port}/"
