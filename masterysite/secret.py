"""The course secret: 32 random bytes kept beside the course, never published.

Every unit key is derived from it (masterysite/sealing.py), so it must stay the same from one
build to the next: a student's saved key then keeps opening a mastered unit after the teacher
rebuilds. It is made once, on the first build, in ``COURSE/.masterysite/secret`` with a
``.gitignore`` beside it so git leaves the folder out. A CI or a second machine that builds the
same published site sets ``MASTERYSITE_SECRET`` (the file's 64 hex digits) instead, or a
passphrase: stretched with scrypt, as anyone can test guesses of it against a page, offline.
"""

from __future__ import annotations

import functools
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
# scrypt (RFC 7914) of a passphrase: 64 MiB and about 0.15 s once per build, and as much for every guess an
# attacker tests against a page, where one SHA-256 had let a GPU try billions a second (security round aa 2)
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**16, 8, 1
SCRYPT_SALT = b"masterysite course passphrase"
# zxcvbn's estimate of the guesses a cracker needs, as a power of ten: below this, refused. Six random words
# of a large list are 10^20 or more; a phrase a cracker's rules make ('Password1234567890123456', a title
# written twice, the alphabet and the digits) is under 10^9.
MIN_GUESSES_LOG10 = 14


def parse(text: str, typed: bool = False) -> bytes:
    """64 hex digits -> those 32 bytes; a passphrase of 24 characters or more -> its scrypt. ``typed``:
    the environment's, where a person typed it (not the file a build made): 64 hex digits must look random.

    Anyone can test a guess of the secret against any unit page, offline: a shorter passphrase
    ('fractions2024') falls to a word list in milliseconds and opens every answer and enrichment."""
    text = text.strip()
    if not text:
        raise ValueError("empty")
    if _HEX.fullmatch(text):
        # ('000…0', '0123456789abcdef' four times: a random secret is nothing a cracker's rules make)
        if typed and (len(set(text.lower())) < 8 or strength(text) < MIN_GUESSES_LOG10):
            raise ValueError(
                "these 64 hex digits are no random secret (a pattern of digits), and can be guessed: make one"
                ' with python -c "import secrets; print(secrets.token_hex(32))"'
            )
        return bytes.fromhex(text)
    if len(text) < MIN_PASSPHRASE:
        raise ValueError(
            f"a passphrase of {len(text)} characters can be guessed from the pages, and then every answer read:"
            f' use the 64 hex digits of a course secret (python -c "import secrets; print(secrets.token_hex(32))")'
            f" or a passphrase of {MIN_PASSPHRASE} characters or more, six random words or more"
        )
    if (why := guessable(text)) is not None:
        raise ValueError(_guessable_message(why))
    return stretch(text)


@functools.lru_cache(maxsize=8)
def stretch(passphrase: str) -> bytes:
    """The secret a passphrase stands for: its scrypt, made once per process (``serve`` rebuilds often)."""
    return hashlib.scrypt(
        passphrase.encode("utf-8"),
        salt=SCRYPT_SALT,
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        maxmem=2 * 128 * SCRYPT_N * SCRYPT_R,
        dklen=32,
    )


@functools.lru_cache(maxsize=8)
def strength(text: str, names: tuple[str, ...] = ()) -> float:
    """zxcvbn's estimate of the guesses a cracker needs for ``text``, as a power of ten: it knows common
    passwords and words, names, dates, keyboard rows, sequences ('abcdef', '0123') and repeats, and the
    course's title and id (``names``). Its first 72 characters (zxcvbn's limit: its matching slows past
    that); a phrase that passes there is past guessing, whatever follows."""
    from zxcvbn import zxcvbn  # type: ignore[import-untyped]  # (imported only for a passphrase in the environment: a build's 50 ms saved)

    inputs = [part for name in names for part in (name, *re.split(r"[\W_]+", name)) if len(part) >= 3]
    return float(zxcvbn(text[:72], user_inputs=[*inputs, "masterysite", "mastery"])["guesses_log10"])


_WORDS = re.compile(r"[^\W\d_]+(?:[\s,.;:'’-]+[^\W\d_]+)*[\s.!?]*")


def guessable(text: str, names: tuple[str, ...] = ()) -> str | None:
    """Why a passphrase of enough characters is still easy to guess (security rounds z 4 and aa 2), or None:
    few different characters ('aaaa…'), a few words only, a year or a number added or not ('correct horse
    battery staple 2026': six random words make a passphrase), the course's title or id (``names``: on every
    page) with little added, or what zxcvbn estimates a cracker tries early (a title written twice,
    'Password1234567890123456', the alphabet and the digits)."""
    folded = re.sub(r"[\W_]+", "", text.casefold())
    if len(set(folded)) < 10:
        return "it uses only a few different characters"
    for name in names:
        known = re.sub(r"[\W_]+", "", name.casefold())
        if len(known) >= 4 and known in folded and len(folded) - len(known) < 16:
            return "it is the course's title or id, which every page shows, with little added"
    words = re.sub(r"\d{1,4}", " ", text, count=1).strip()  # ('… staple 2026', 'staple1 …': a number added)
    if _WORDS.fullmatch(words) and len(words.split()) < 6:
        count = f"{len(words.split())} word{'s' if len(words.split()) > 1 else ''}"
        return f"it is {count}{' and a number' if words != text.strip() else ''}, which a word list tries first"
    if (guesses := strength(text, names)) < MIN_GUESSES_LOG10:
        return f"a password cracker's rules would find it in about 10^{max(1, round(guesses))} guesses"
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
