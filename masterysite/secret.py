"""The course secret: 32 random bytes kept beside the course, never published.

Every unit key is derived from it (masterysite/sealing.py), so it must stay the same from one
build to the next: a student's saved key then keeps opening a mastered unit after the teacher
rebuilds. It is made once, on the first build, in ``COURSE/.masterysite/secret`` with a
``.gitignore`` beside it so git leaves the folder out. A CI or a second machine that builds the
same published site sets ``MASTERYSITE_SECRET`` (the file's 64 hex digits) instead.
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


MIN_PASSPHRASE = 24


def parse(text: str, typed: bool = False) -> bytes:
    """64 hex digits -> those 32 bytes; a passphrase of 24 characters or more -> its SHA-256. ``typed``:
    the environment's, where a person typed it (not the file a build made): 64 hex digits must look random.

    Anyone can test a guess of the secret against any unit page, offline: a shorter passphrase
    ('fractions2024') falls to a word list in milliseconds and opens every answer and enrichment."""
    text = text.strip()
    if not text:
        raise ValueError("empty")
    if _HEX.fullmatch(text):
        if typed and len(set(text.lower())) < 8:  # ('000…0': a random secret has 8 different digits or more)
            raise ValueError(
                "these 64 hex digits are no random secret (a few digits repeated), and can be guessed: make one"
                ' with python -c "import secrets; print(secrets.token_hex(32))"'
            )
        return bytes.fromhex(text)
    if _HEX.fullmatch(text) is None and len(text) >= MIN_PASSPHRASE and (why := guessable(text)) is not None:
        raise ValueError(_guessable_message(why))
    if len(text) < MIN_PASSPHRASE:
        raise ValueError(
            f"a passphrase of {len(text)} characters can be guessed from the pages, and then every answer read:"
            f' use the 64 hex digits of a course secret (python -c "import secrets; print(secrets.token_hex(32))")'
            f" or a passphrase of {MIN_PASSPHRASE} characters or more (the keys students earned under this one"
            ' keep working with its SHA-256 as the 64 hex digits: python -c "import hashlib;'
            " print(hashlib.sha256('PASSPHRASE'.encode()).hexdigest())\")"
        )
    return hashlib.sha256(text.encode("utf-8")).digest()


_WORDS = re.compile(r"[^\W\d_]+(?:[\s,.;:'’-]+[^\W\d_]+)*[\s.!?]*")


def guessable(text: str, names: tuple[str, ...] = ()) -> str | None:
    """Why a passphrase of enough characters is still easy to guess (security round z 4), or None:
    few different characters ('aaaa…'), a few words only ('correct horse battery staple': six random
    words make a passphrase), or the course's title or id (``names``: on every page) with little added."""
    folded = re.sub(r"[\W_]+", "", text.casefold())
    if len(set(folded)) < 10:
        return "it uses only a few different characters"
    for name in names:
        known = re.sub(r"[\W_]+", "", name.casefold())
        if len(known) >= 4 and known in folded and len(folded) - len(known) < 16:
            return "it is the course's title or id, which every page shows, with little added"
    if _WORDS.fullmatch(text) and len(text.split()) < 6:
        return f"it is {len(text.split())} words, which a word list tries first"
    return None


def _guessable_message(why: str) -> str:
    return (
        f"this passphrase can be guessed from the pages ({why}), and then every answer read: use the 64 hex"
        ' digits of a course secret (python -c "import secrets; print(secrets.token_hex(32))") or six random'
        " words or more"
    )


def check_passphrase(title: str, course_id: str) -> None:
    """A passphrase in the environment that is the course's title or id (with little added): an error, as
    every page shows them (security round z 4). Checked once the course is read."""
    value = os.environ.get(ENV, "").strip()
    if value and _HEX.fullmatch(value) is None and (why := guessable(value, (title, course_id))) is not None:
        raise MasteryError(f"{ENV}: {_guessable_message(why)}")


def refuse_links(root: Path) -> None:
    """``.masterysite/`` holds what builds write and delete (the secret, the build cache): it must
    be a real folder of the course. A link there (the folder itself, a folder in it, or a link to
    nothing) would let a contributed course make a build write or remove files elsewhere on the
    machine (``--no-cache`` removes ``.masterysite/cache``, wherever it leads): an error. A link
    to a file (the secret kept elsewhere) is only read, never written through: it may stay."""
    top = root / FOLDER
    found = [FOLDER] if top.is_symlink() else []
    stack = [(FOLDER, str(top))] if not found and top.is_dir() else []
    while stack:  # os.scandir knows links from the folder listing: no call per file (1,000 cached units)
        name, folder = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_symlink():  # never followed
                    if entry.is_dir() or not os.path.exists(entry.path):
                        found.append(f"{name}/{entry.name}")
                elif entry.is_dir(follow_symlinks=False):
                    stack.append((f"{name}/{entry.name}", entry.path))
    if found:
        message = (
            "a symbolic link where builds write and remove the course secret and the build cache (it would "
            "take them elsewhere on the machine): remove the link; MASTERYSITE_SECRET keeps a secret elsewhere"
        )
        raise CourseError([Problem(path, 0, message) for path in sorted(found)])


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
    try:
        return parse(path.read_text(encoding="ascii"))
    except (OSError, ValueError) as exc:
        message = f"{path}: unreadable course secret ({exc}); delete it only if no student has progress yet"
        raise MasteryError(message) from exc


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
