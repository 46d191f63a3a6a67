"""The course secret: 32 random bytes kept beside the course, never published.

Every unit key is derived from it (masterysite/sealing.py), so it must stay the same from one
build to the next: a student's saved key then keeps opening a mastered unit after the teacher
rebuilds. It is made once, on the first build, in ``COURSE/.masterysite/secret`` with a
``.gitignore`` beside it so git leaves the folder out. A CI or a second machine that builds the
same published site sets ``MASTERYSITE_SECRET`` (the file's 64 hex digits) instead; never a passphrase,
which anyone could guess by testing guesses against a page, offline.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import secrets
from pathlib import Path

from masterysite.errors import CourseError, MasteryError, Problem

log = logging.getLogger(__name__)

FOLDER = ".masterysite"
FILE = "secret"
ENV = "MASTERYSITE_SECRET"
_HEX = re.compile(r"[0-9a-fA-F]{64}")
GITIGNORE = (
    "# masterysite's course secret: never commit or publish it. Copy it to any other machine that\n"
    "# builds this course, or set MASTERYSITE_SECRET there (README: 'What a browser-only course can\n"
    "# and cannot protect').\n*\n"
)


MAKE = 'make one with python -c "import secrets; print(secrets.token_hex(32))"'
PASSPHRASE = (
    f"this is not the 64 hex digits of a course secret: a passphrase, however long, can be guessed from the pages"
    f" (a famous sentence, a title, a few words and a year), and then every answer read; set it to the digits of"
    f" COURSE/{FOLDER}/{FILE} (the first build makes one), or {MAKE}. A course built with a passphrase before keeps"
    " its students' unit keys with the phrase's SHA-256 as the digits (python -c \"import hashlib;"
    " print(hashlib.sha256('PHRASE'.encode()).hexdigest())\"), as guessable as the phrase was: make a new secret"
    " between terms"
)


def parse(text: str, typed: bool = False) -> bytes:
    """64 hex digits -> those 32 bytes. ``typed``: the environment's, where a person typed it (not the file a
    build made): the digits must look random.

    A passphrase is refused. Anyone can test guesses of the secret against any unit page, offline, and a
    guessed secret opens every answer and enrichment of the course; a phrase a person chooses is guessable,
    whatever its length: rules refused a title written twice, 'correct horse battery staple 2026' and
    'Password1234…' (security rounds z 4, aa 2), and then famous sentences passed, 'the quick brown fox…',
    'To be, or not to be…', even stretched with scrypt (round bb 2). Random digits cannot be guessed."""
    text = text.strip()
    if not text:
        raise ValueError("empty")
    if _HEX.fullmatch(text) is None:
        raise ValueError(PASSPHRASE)
    if typed and (patterned(text) or well_known(text)):
        raise ValueError(f"these 64 hex digits are no random secret (a pattern of digits), and can be guessed: {MAKE}")
    return bytes.fromhex(text)


def patterned(digits: str) -> bool:
    """Digits no random secret has: few different ones ('000…0'), or a short run repeated
    ('0123456789abcdef' four times, 'deadbeef' eight)."""
    low = digits.lower()
    repeated = any(low == (low[:period] * (len(low) // period + 1))[: len(low)] for period in range(1, 33))
    return len(set(low)) < 8 or repeated


# What a script makes of nothing or of the first word it is given, 'echo -n "$PHRASE" | sha256sum' with the
# variable unset: the first guesses of a cracker (security round cc 11)
_COMMON_WORDS = ("", "password", "secret", "changeme", "test", "123456", "admin", "masterysite", "course", "key")


def well_known(digits: str) -> bool:
    """Digits everyone has: the SHA-256 of an empty or common word, or bytes counting up or down by a step
    (RFC 8439's example key '000102…1f')."""
    data = bytes.fromhex(digits)
    steps = {(data[i + 1] - data[i]) % 256 for i in range(len(data) - 1)}
    return len(steps) == 1 or digits.lower() in {hashlib.sha256(w.encode()).hexdigest() for w in _COMMON_WORDS}


def refuse_links(root: Path) -> None:
    """``.masterysite/`` holds what builds write and delete (the secret, the build cache): it must
    be a real folder of the course. A link there (the folder itself, a folder in it, or a link to
    nothing) would let a contributed course make a build write or remove files elsewhere on the
    machine (``--no-cache`` removes ``.masterysite/cache``, wherever it leads): an error. A link
    to a file (the secret kept elsewhere) is only read, never written through: it may stay."""
    top = root / FOLDER
    found = [FOLDER] if top.is_symlink() else []
    special: list[str] = []
    stack = [(FOLDER, str(top))] if not found and top.is_dir() else []
    while stack:  # os.scandir knows links from the folder listing: no call per file (1,000 cached units)
        name, folder = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_symlink():  # never followed
                    if entry.is_dir() or not os.path.exists(entry.path):
                        found.append(f"{name}/{entry.name}")
                    elif not entry.is_file():  # (a link to /dev/zero: read for ever, security round ee 4)
                        special.append(f"{name}/{entry.name}")
                elif entry.is_dir(follow_symlinks=False):
                    stack.append((f"{name}/{entry.name}", entry.path))
                elif not entry.is_file(follow_symlinks=False):  # a named pipe, a device, a socket
                    special.append(f"{name}/{entry.name}")
    if found:
        message = (
            "a symbolic link where builds write and remove the course secret and the build cache (it would "
            "take them elsewhere on the machine): remove the link; MASTERYSITE_SECRET keeps a secret elsewhere"
        )
        raise CourseError([Problem(path, 0, message) for path in sorted(found)])
    if special:
        message = "not a file (a named pipe, a device, or a link to one): builds read what is here; remove it"
        raise CourseError([Problem(path, 0, message) for path in sorted(special)])


def course_secret(root: Path) -> bytes:
    """The course's secret: from the environment, else the file, else a new file."""
    refuse_links(root)
    value = os.environ.get(ENV)
    if value is not None and value.strip():
        try:
            return parse(value, typed=True)
        except ValueError as exc:
            raise MasteryError(f"{ENV}: {exc}") from None
    path = root / FOLDER / FILE
    if not path.exists():
        try:
            _create(path)
        except OSError as exc:
            # A read-only course folder (or one where .masterysite is taken): build anyway, but the
            # keys students earn now will not open this course's next build.
            log.warning(
                "%s: cannot keep a course secret (%s): this build's unit keys will not open the next"
                " build's pages; make the course folder writable or set %s",
                path,
                exc.strerror or exc,
                ENV,
            )
            return secrets.token_bytes(32)
    tracked = in_git(path)
    if tracked:  # (a pull request that adds it: git overwrites the teacher's own, ignored file: security round dd 11)
        raise MasteryError(
            f"{path}: the course secret is in git (a commit added '{tracked}'): whoever reads the repository"
            " can open every unit's answers. Remove it from git (git rm --cached, then commit), and make a new"
            " secret: delete the file and build (students keep their progress; a unit's review and bonus work"
            " open again when they pass its quiz once more)"
        )
    try:
        return parse(path.read_text(encoding="ascii"), typed=True)
    except (OSError, ValueError) as exc:
        message = f"{path}: unreadable course secret ({exc}); delete it only if no student has progress yet"
        raise MasteryError(message) from exc


def in_git(path: Path) -> str:
    """The path git's index holds ``path`` as ('course/.masterysite/secret'), or "" when no repository
    around it tracks it. Read from .git/index (no git needed): each entry's path ends with a NUL."""
    for folder in (path.parent, *path.parent.parents):
        index = folder / ".git" / "index"
        if (folder / ".git").exists():
            try:
                relative = path.relative_to(folder).as_posix()
                with index.open("rb") as opened:
                    data = opened.read(_INDEX_LIMIT)
            except (OSError, ValueError):
                return ""
            return relative if f"{relative}\0".encode() in data else ""
    return ""


_INDEX_LIMIT = 256 * 1024 * 1024  # (a repository of a million files has an index of about 100 MB)


def _create(path: Path) -> None:
    """Write a new secret without ever replacing one (two builds at once agree on the first)."""
    folder = path.parent
    folder.mkdir(exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text(GITIGNORE, encoding="utf-8")
    tmp = folder / f".{FILE}.{os.getpid()}.{secrets.token_hex(4)}"
    with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w", encoding="ascii") as file:
        file.write(secrets.token_hex(32) + "\n")
    try:
        _publish(tmp, path)
    finally:
        tmp.unlink()


def _publish(tmp: Path, path: Path) -> None:
    """Hard-link the written file into place (atomic, never over another); else create exclusively."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        return  # another build made one first: that one is used
    except OSError:  # no hard links on this file system
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return
        with os.fdopen(fd, "w", encoding="ascii") as file:
            file.write(tmp.read_text(encoding="ascii"))
    log.info("created the course secret %s: keep it, never publish it", path)
