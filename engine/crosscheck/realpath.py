"""Where a path really leads, even when symlinks loop."""

from __future__ import annotations

from pathlib import Path


def resolved(path: Path) -> Path:
    """``path`` made absolute with its symlinks followed, or only made absolute if they loop.

    A looping path then fails where it is read, with the system's own message ("Too
    many levels of symbolic links") naming it, rather than wherever it is resolved.
    """
    try:
        return path.resolve()
    except (RuntimeError, OSError):  # RuntimeError: Python 3.11's "Symlink loop"
        return path.absolute()
