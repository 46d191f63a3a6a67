"""Course and site folders as the rebuild tests and benchmarks/cache.py handle them: a site's
files by digest (to compare two builds byte for byte), a copy of a course without its build
cache, and an edit a file watcher cannot miss. Standard library only (benchmarks import it)."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path


def tree(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` (relative POSIX path) -> the SHA-256 of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def without_cache(folder: str, names: list[str]) -> list[str]:
    """For copytree: the copy keeps the course secret (.masterysite/secret) but not the cache."""
    return ["cache"] if Path(folder).name == ".masterysite" else []


def copy_without_cache(course: Path, copy: Path) -> Path:
    """``copy`` made afresh from ``course``: its secret, no build cache."""
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(course, copy, ignore=without_cache)
    return copy


def edit(file: Path, change: Callable[[str], str]) -> None:
    """Rewrites ``file`` through ``change`` (which must change it) with a later modification time,
    even on file systems with coarse clocks."""
    text = file.read_text(encoding="utf-8")
    new = change(text)
    assert new != text, "the edit must change the file"
    file.write_text(new, encoding="utf-8")
    stamp = time.time_ns() + 10_000_000
    os.utime(file, ns=(stamp, stamp))
