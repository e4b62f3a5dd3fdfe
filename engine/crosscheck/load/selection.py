"""Which files a walk of the corpus reads: the settings, as a light record.

The matching itself (``load.ignore``, with pathspec) is imported only by a run that
walks folders; a replayed check needs this record alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# Folders never walked into (besides hidden ones and the cache folder), as ruff's
# defaults: other tools' environments and build outputs, not articles.
DEFAULT_EXCLUDE = (
    "__pypackages__/",
    "_build/",
    "buck-out/",
    "build/",
    "dist/",
    "node_modules/",
    "site-packages/",
    "venv/",
)


@dataclass(frozen=True)
class FileSelection:
    """What a walk of a folder leaves out, and what it keeps.

    ``include`` and ``exclude`` are patterns in ``.gitignore`` syntax, relative to their
    base folder; with ``include``, a file found while walking is read only if it
    matches one. Files named on the command line are always read.
    """

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    include_base: Path = Path()
    exclude_base: Path = Path()
    gitignore: bool = True  # respect .gitignore files (and .git/info/exclude)
    git_root: Path | None = None  # the repository's root: its .gitignore files apply below
    skip: tuple[Path, ...] = ()  # folders never walked into (the cache folder)
