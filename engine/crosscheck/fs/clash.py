"""Whether writing an output would destroy, or later be read as, one of a run's inputs.

A run's output (``-o``, ``--write-baseline``) must never replace a file the run read:
a rule file, an article, a manifest, a baseline or a claims file. Files are compared
where they really are (symlinks followed, so a link to a rule file is that rule file)
and, when the output exists, by device and inode (a bind mount or a case-insensitive
name reaches the same file by another path).

An output that is no input yet can still become one: a report named ``notes.md`` in
a corpus folder is read as an article by the next run (it grows with every run). Of
the two ways out, telling crosscheck's own files apart by their first bytes or
refusing such a name, crosscheck refuses: a plain-text report has no signature to
recognise it by, and skipping files by their content would also skip a real article
that happens to begin the same way, silently. So an output whose suffix is an
article's (``.md``, ``.markdown``, ``.txt``, ``.jsonl``) may not be written inside a
folder the run lists or searches (for articles or rule files). crosscheck's own
formats (``.json``, ``.sarif``, ``.xml``, ``.html``) are never read as articles, and
hidden folders are never searched, so those outputs may go anywhere but over an input.
``crosscheck test`` refuses the same way over rule files and test files (``.rules``,
``.yaml``, ``.yml``) in the folders it reads them from.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

# The suffixes the article loader reads (``load.articles.ARTICLE_SUFFIXES``), repeated
# here so that a replayed run need not import the loaders.
ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", ".jsonl")


def is_one_of(path: Path, files: Iterable[str]) -> bool:
    """Whether ``path``, symlinks followed, is one of ``files``."""
    target, reals = os.path.realpath(path), {os.path.realpath(file) for file in files}
    if target in reals:
        return True
    try:
        status = os.stat(target)
    except OSError:
        return False  # not there yet: only a real path can reach it
    return any(_same(status, real) for real in reals)


def _same(status: os.stat_result, real: str) -> bool:
    try:
        other = os.stat(real)
    except OSError:
        return False
    return (other.st_dev, other.st_ino) == (status.st_dev, status.st_ino)


def is_inside(path: Path, folders: Iterable[str]) -> bool:
    """Whether the folder ``path`` would be written in is one of ``folders`` (as real paths)."""
    parent = os.path.dirname(os.path.realpath(path))
    return parent in {os.path.realpath(folder) for folder in folders}


def clash(
    output: Path,
    files: Iterable[str],
    folders: Iterable[str],
    suffixes: tuple[str, ...] = ARTICLE_SUFFIXES,
    what: str = "an article",
) -> str | None:
    """Why ``output`` may not be written by a run that read ``files`` and listed
    ``folders`` for ``what`` files are named ``*SUFFIX`` (articles, by default), or
    None when it may."""
    if is_one_of(output, files):
        return f"refusing to write {output}: this run reads it as an input; choose another file"
    if output.suffix.lower() in suffixes and is_inside(output, folders):
        return (
            f"refusing to write {output}: it is in a folder this run reads, so the next run "
            f"would read it as {what}; write it elsewhere or name it "
            f"with another suffix than {', '.join(suffixes)}"
        )
    return None
