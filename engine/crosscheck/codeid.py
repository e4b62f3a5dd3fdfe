"""Which crosscheck computed a cached result: its version and the state of its own files.

A cached result is only as good as the code that made it. Releases are told apart
by ``__version__``, but a working copy being edited (an editable install) keeps its
version while its code changes; so the size and modification time of each of the
package's own files count too. A stat of about a hundred files costs a millisecond.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

from crosscheck import __version__

PACKAGE_ROOT = Path(__file__).resolve().parent


@cache
def code_id() -> str:
    """A hash of this crosscheck: its version and its files' sizes and modification times."""
    return files_fingerprint(PACKAGE_ROOT, __version__)


def files_fingerprint(root: Path, version: str) -> str:
    """A hash of ``version`` and the path, size and mtime of every file under ``root``."""
    digest = hashlib.sha256(version.encode("utf-8"))
    for folder, folders, names in os.walk(root):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        for name in sorted(names):
            path = os.path.join(folder, name)
            try:
                st = os.stat(path)
            except OSError:
                continue
            relative = os.path.relpath(path, root)
            digest.update(
                f"{relative}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "replace")
            )
    return digest.hexdigest()
