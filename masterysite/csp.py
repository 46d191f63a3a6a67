"""The Content-Security-Policy every page carries (``csp: false`` in course.yml turns it off).

It runs only the site's own script files: no inline script, no event attribute, no
``javascript:`` URL, nothing from another host; and nothing else (images, styles, fonts,
media, frames) is fetched from another host either, which keeps the site self-contained.

- ``'self'`` is the site's own origin over http(s). Opened from disk, Chromium treats
  ``'self'`` on a ``file://`` page as the ``file:`` scheme: the site's scripts, styles and
  images load, and nothing from ``http:``/``https:`` (checked in tests/browser/test_csp.py).
- ``style-src 'unsafe-inline'``: style attributes stay allowed. Teachers' lessons use them
  (``<span style="color: ...">``, tables with widths), and CSS cannot run script; with every
  other fetch limited to the site itself, injected CSS cannot send anything anywhere either.
- ``<script type="application/json">`` data blocks are not scripts: no policy blocks them.
- A ``<meta>`` policy applies from where it stands, so it goes before anything else in the page
  (``protect``); ``frame-ancestors`` and reporting cannot be set in a ``<meta>`` (a header can).
"""

from __future__ import annotations

import re

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'"
)
TAG = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'  # no '"' or '&' to escape
_STANDARD_START = re.compile(r"\A\s*(?:<!doctype[^<>]*>\s*)?<html(?:\s[^<>]*)?>\s*<head>", re.I)
_DOCTYPE = re.compile(r"\A\s*<!doctype[^<>]*>", re.I)


def protect(page: str) -> str:
    """``page`` with the policy before anything that could run.

    A page that starts as pages do (doctype, ``<html ...>``, ``<head>``) gets it as the first
    element of its head. Any other start (a course's own template could hide a ``<head>`` in a
    comment or a title, with a script after it) gets it right after the doctype, where the HTML
    parser opens the head for it; the page's own ``<html>`` attributes still apply."""
    match = _STANDARD_START.match(page) or _DOCTYPE.match(page)
    at = match.end() if match else 0
    return f"{page[:at]}\n{TAG}{page[at:]}"
