"""Build-cache files a build can trust: each is signed under a key that no course folder holds.

The build cache lives in the course folder (``.masterysite/cache/``, masterysite/cache.py), and a
course repository that takes contributions controls that folder: a pull request built by CI can
commit a pickle or a compiled template there, and loading it would run any code it likes, around
the template sandbox. So every cache file starts with an HMAC-SHA256 of its contents under a key
of this user on this machine, kept outside every course (``$XDG_CACHE_HOME/masterysite/cache-key``,
by default ``~/.cache/masterysite/cache-key``, made on first use, readable by its owner only).
A file whose signature does not match (another machine's, a course's own, damaged) is not
unpickled: it is a cache miss, and the build does the work again and signs what it writes.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import logging
import os
import secrets
from pathlib import Path

log = logging.getLogger(__name__)

MAGIC = b"masterysite-cache-1\n"
SIZE = hashlib.sha256().digest_size


def key_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "masterysite" / "cache-key"


@functools.cache
def machine_key() -> bytes:
    """This user's cache key: read, else made (never over another's); a throw-away one when the
    folder cannot be written (then no cache file of an earlier build is trusted)."""
    path = key_file()
    for _ in range(2):
        try:
            key = path.read_bytes()
            if len(key) == 32:
                return key
            path.unlink()  # damaged: make another (the cache files signed under it are misses)
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.info("cannot read the cache key %s (%s): this build trusts no cache file", path, exc)
            return secrets.token_bytes(32)
        try:
            _create(path)
        except OSError as exc:
            log.info("cannot keep a cache key in %s (%s): this build trusts no cache file", path, exc)
            return secrets.token_bytes(32)
    return secrets.token_bytes(32)


def _create(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as file:
        file.write(secrets.token_bytes(32))
    try:
        os.link(tmp, path)  # atomic, and never over a key another build made first
    except FileExistsError:
        pass
    finally:
        tmp.unlink()


def signed(data: bytes) -> bytes:
    """``data`` as a cache file: MAGIC, its signature, then ``data``."""
    return signature(data) + data


def signature(data: bytes) -> bytes:
    """What a cache file holds before ``data``: MAGIC and the signature (written apart from a big ``data``,
    which joined to it would be copied whole: the index of 10,000 units, 45 MB more at the build's peak)."""
    return MAGIC + hmac.digest(machine_key(), data, "sha256")


def verified(blob: bytes) -> bytes | None:
    """The data of a cache file this user's builds wrote; None for any other."""
    if not blob.startswith(MAGIC) or len(blob) < len(MAGIC) + SIZE:
        return None
    mac, data = blob[len(MAGIC) : len(MAGIC) + SIZE], blob[len(MAGIC) + SIZE :]
    return data if hmac.compare_digest(mac, hmac.digest(machine_key(), data, "sha256")) else None
