"""Replacing a file in one step, so that a failed write never leaves half of it."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path


def replace_file(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path``, replacing the file atomically; OSError on failure.

    An existing file keeps its permissions; a new one gets the usual ones (0666 less
    the umask). If anything fails, ``path`` is left as it was and no temporary file
    remains.
    """
    try:
        mode: int | None = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = None
    tmp = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
    # os.open, not mkstemp: mkstemp's 0600 would make every report private to its writer.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        # surrogateescape: a file name that is not UTF-8 is written as its bytes on disk.
        with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape", newline="\n") as handle:
            handle.write(text)
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
