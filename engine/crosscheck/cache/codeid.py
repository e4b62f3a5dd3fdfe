"""Which crosscheck computed a cached result: its version and the bytes of its own files.

A cached result is only as good as the code that made it. Releases are told apart
by ``__version__``, but a working copy being edited (an editable install) keeps its
version while its code changes; so the content of each of the package's own files
counts too. Content, not modification times: a fresh install of the same release
(as on every CI run) must find the results of the last one. Hashing the package's
files (under 1 MB) takes a few milliseconds.

Results depend on the libraries too (pint reads units, lark parses rules, rich
draws the text report), so the installed distributions count as well: the names
of the ``*.dist-info`` folders on ``sys.path``, which carry each one's version.
Listing them costs a millisecond, where asking ``importlib.metadata`` would cost
tens; the price is that installing any package, even an unrelated one, starts a
new generation of the cache.
"""

from __future__ import annotations

import hashlib
import os
import sys
from functools import cache
from pathlib import Path

from crosscheck import __version__

PACKAGE_ROOT = Path(__file__).resolve().parent


@cache
def code_id() -> str:
    """A hash of this crosscheck: its version, its files' content and the libraries installed."""
    installed = "\0".join(installed_distributions(sys.path))
    return files_fingerprint(PACKAGE_ROOT, f"{__version__}\0{installed}")


def installed_distributions(search_path: list[str]) -> list[str]:
    """The names (with versions) of the distributions installed in ``search_path``'s folders."""
    found: list[str] = []
    for folder in search_path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        found.extend(sorted(n for n in names if n.endswith((".dist-info", ".egg-info"))))
    return found


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
