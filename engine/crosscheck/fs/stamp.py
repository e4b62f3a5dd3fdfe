"""What the file system says about a file without reading it: its stamp.

A cached result for a file is reused when the file's stamp is unchanged, the way
git's index trusts ``stat`` data. Size, modification and change times (to the
nanosecond), inode and device together change whenever the content is rewritten,
even by tools that restore the modification time, since they cannot restore the
change time.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

FileStamp = tuple[int, int, int, int, int]

# A file modified this recently may be modified again within the same clock tick,
# leaving an identical stamp over different content; such a stamp is not recorded.
SETTLE_NS = 2_000_000_000


def stamp_of(path: Path) -> FileStamp | None:
    """The file's stamp, or None when it cannot be read from the file system."""
    try:
        return stamp_from(path.stat())
    except OSError:
        return None


def stamp_from(st: os.stat_result) -> FileStamp:
    """The stamp in the result of a ``stat`` call."""
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def is_settled(stamp: FileStamp, now_ns: int | None = None) -> bool:
    """Whether the file was last changed long enough ago for its stamp to be trusted."""
    now = time.time_ns() if now_ns is None else now_ns
    return max(stamp[1], stamp[2]) < now - SETTLE_NS


__all__ = ["SETTLE_NS", "FileStamp", "is_settled", "stamp_from", "stamp_of"]
