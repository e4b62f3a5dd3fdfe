"""Which crosscheck computed a cached result: its version and the bytes of its own files.

A cached result is only as good as the code that made it. Releases are told apart
by ``__version__``, but a working copy being edited (an editable install) keeps its
version while its code changes; so the content of each of the package's own files
counts too. Content, not modification times: a fresh install of the same release
(as on every CI run) must find the results of the last one. Hashing the package's
files (under 1 MB) takes a few milliseconds.
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
    """A hash of this crosscheck: its version and the content of its files."""
    return files_fingerprint(PACKAGE_ROOT, __version__)


def files_fingerprint(root: Path, version: str) -> str:
    """A hash of ``version`` and the path and bytes of every file under ``root``.

    Compiled bytecode (``__pycache__``) is left out: it follows from the sources.
    """
    digest = hashlib.blake2b(version.encode("utf-8"))
    for folder, folders, names in os.walk(root):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        for name in sorted(names):
            path = os.path.join(folder, name)
            try:
                with open(path, "rb") as handle:
                    content = handle.read()
            except OSError:
                continue
            relative = os.path.relpath(path, root).encode("utf-8", "replace")
            digest.update(b"%d\0%s\0%d\0" % (len(relative), relative, len(content)))
            digest.update(content)
    return digest.hexdigest()
