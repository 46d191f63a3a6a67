"""The build cache keys on masterysite's code itself, not only its version number: a fix made
without a new release (an editable install, a git checkout) never reuses what older code parsed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import masterysite

PACKAGE = Path(masterysite.__file__).resolve().parent


def _code_key(root: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", "from masterysite.cache import code_key; print(code_key())"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_the_same_version_with_other_code_has_another_cache_key(tmp_path: Path) -> None:
    same, edited = tmp_path / "same", tmp_path / "edited"
    for copy in (same, edited):
        shutil.copytree(PACKAGE, copy / "masterysite", ignore=shutil.ignore_patterns("__pycache__", "themes"))
    with open(edited / "masterysite" / "render.py", "a", encoding="utf-8") as handle:
        handle.write("\n# a fix, same version number\n")
    assert _code_key(same) == _code_key(tmp_path / "same")  # deterministic
    assert _code_key(same) != _code_key(edited)


def test_another_install_of_a_parser_library_has_another_cache_key(tmp_path: Path) -> None:
    """A library that parses or renders, upgraded or reinstalled (its files replaced), never reuses what
    the one before made: here markdown-it-py copied ahead of the installed one on the path."""
    import markdown_it

    code = tmp_path / "code"
    shutil.copytree(PACKAGE, code / "masterysite", ignore=shutil.ignore_patterns("__pycache__", "themes"))
    before = _code_key(code)
    shutil.copytree(
        Path(markdown_it.__file__).parent, code / "markdown_it", ignore=shutil.ignore_patterns("__pycache__")
    )
    assert _code_key(code) == _code_key(code) != before
