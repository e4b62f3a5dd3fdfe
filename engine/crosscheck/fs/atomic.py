"""Writing an output file so that a failed write never leaves half of it."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path


def replace_file(path: Path, text: str | bytes) -> None:
    """Write ``text`` as UTF-8 (bytes as they are) to ``path``; OSError on failure.

    A regular file (or a new one) is replaced atomically: if anything fails, the old
    file stays whole and no temporary file remains. A symlink is written through,
    and stays a link. An existing file keeps its permissions, from the moment the new
    content exists; a new one gets 0666 less the umask. Anything else that exists
    (``/dev/null``, a fifo, a terminal) is written in place: there is nothing to keep.
    """
    target = Path(os.path.realpath(path))
    try:
        status: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        status = None
    if status is not None and not stat.S_ISREG(status.st_mode):
        _write(os.open(target, os.O_WRONLY | os.O_TRUNC), text)  # a folder: "Is a directory"
        return
    mode = None if status is None else stat.S_IMODE(status.st_mode)
    # A short name: a temporary file named after a long output name could exceed NAME_MAX.
    tmp = target.with_name(f".crosscheck-{os.urandom(4).hex()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 if mode is None else mode)
    try:
        _write(fd, text)
        if mode is not None:
            os.chmod(tmp, mode)  # the umask may have narrowed it at creation
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _write(fd: int, text: str | bytes) -> None:
    if isinstance(text, bytes):
        with os.fdopen(fd, "wb") as raw:
            raw.write(text)
        return
    # surrogateescape: a file name that is not UTF-8 is written as its bytes on disk.
    with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape", newline="\n") as handle:
        handle.write(text)
