"""The secret that seals the cache's rows, kept where the cache folder is not.

``.crosscheck/`` may come from elsewhere (a CI cache restored by key prefix, a cloned
repository), so its rows are trusted only when their checksum is a keyed BLAKE2b under
a secret the folder does not hold (see docs/ci.md, "What the cache trusts"):

* ``CROSSCHECK_CACHE_KEY`` when set and not empty (a CI secret: runners have a new
  home every job);
* else the per-user file ``$XDG_CACHE_HOME/crosscheck/key`` (``~/.cache/crosscheck/key``),
  32 random bytes in hex, made on first use with mode 0600 in a 0700 folder, and used
  only while it is a regular file of the user's own that nobody else may read.

When neither can be had, ``NoSecret`` says why and the run goes on without the cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
from pathlib import Path

ENVIRONMENT = "CROSSCHECK_CACHE_KEY"
MIN_LENGTH = 16  # characters of a key given in the environment
_HEX_KEY = re.compile(r"[0-9a-f]{64}\n?")


class NoSecret(Exception):
    """No secret to seal the cache with; the message says why."""


def cache_secret() -> bytes:
    """The secret sealing this user's cache rows (32 bytes); ``NoSecret`` if there is none."""
    given = os.environ.get(ENVIRONMENT)
    if given:  # empty, as a CI secret a job may not see: unset
        if len(given) < MIN_LENGTH:
            raise NoSecret(f"{ENVIRONMENT} is shorter than {MIN_LENGTH} characters")
        return hashlib.blake2b(given.encode("utf-8", "surrogateescape"), digest_size=32).digest()
    path = key_path()
    try:
        if not os.path.lexists(path):
            _create(path)
        return _read(path)
    except OSError as err:
        raise NoSecret(f"cannot use the cache key {path}: {err.strerror or err}") from None


def key_path() -> Path:
    """Where the per-user key lives: under ``$XDG_CACHE_HOME``, else ``~/.cache``."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError):
            raise NoSecret("no home folder to keep the cache key in") from None
    return Path(base) / "crosscheck" / "key"


def _create(path: Path) -> None:
    """Make the key file; when another run made it first, theirs is kept."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    draft = path.with_name(f".key-{os.urandom(6).hex()}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(os.urandom(32).hex() + "\n")
        with contextlib.suppress(FileExistsError):
            os.link(draft, path)  # made only if absent: concurrent first runs agree
    finally:
        draft.unlink(missing_ok=True)


def _read(path: Path) -> bytes:
    """The key in the file at ``path``, if it is the user's own and private."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as handle:
        status = os.fstat(handle.fileno())
        others = hasattr(os, "getuid") and status.st_uid != os.getuid()
        if not stat.S_ISREG(status.st_mode) or others:
            raise NoSecret(f"{path}: the cache key is not a file of your own")
        if stat.S_IMODE(status.st_mode) & 0o077:
            raise NoSecret(f"{path}: the cache key may be read by others (chmod 600 it)")
        text = handle.read(100).decode("ascii", "replace")
    if not _HEX_KEY.fullmatch(text):
        raise NoSecret(f"{path}: not a crosscheck cache key (remove it to make a new one)")
    return bytes.fromhex(text.strip())
