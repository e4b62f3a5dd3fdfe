"""Where a path really leads, even when symlinks loop."""

from __future__ import annotations

import os
from pathlib import Path


def resolved(path: Path) -> Path:
    """``path`` made absolute with its symlinks followed, as far as they go.

    Unlike ``Path.resolve`` (a RuntimeError in Python 3.11), a loop is left as it is:
    reading the path then fails with the system's own message ("Too many levels of
    symbolic links") naming it.
    """
    return Path(os.path.realpath(path))
