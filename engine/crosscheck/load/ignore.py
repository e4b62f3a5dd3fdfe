"""Leaving files out of a walk: ``.gitignore`` files, exclude and include patterns.

Patterns are matched with pathspec, which implements git's wildmatch rules exactly
(anchoring, ``**``, negation, a trailing ``/`` for folders). As in git, a
``.gitignore`` applies to paths below its folder, a deeper file's decision (a match or
a negated match) wins over a shallower one's, and nothing inside an ignored folder is
read (the folder is not entered). Every ``.gitignore`` consulted is read, and every
one looked for is probed, through the run's ``FileReader``: a replay knows when one
changes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pathspec import GitIgnoreSpec

from crosscheck.fs.reader import FileReader
from crosscheck.fs.realpath import resolved
from crosscheck.load.selection import DEFAULT_EXCLUDE, FileSelection

GITIGNORE = ".gitignore"
Ignores = tuple["IgnoreFile", ...]  # the ignore files in force in a folder, shallowest first
_LIMIT = 1 << 20  # bytes of a .gitignore read, at most


def _relative(path: Path, base: Path, folder: bool) -> str:
    """``path`` as pathspec matches it against patterns of ``base``: relative, posix, a
    trailing ``/`` for a folder; outside ``base``, its part below the common folder."""
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(base)).replace(os.sep, "/")
    while rel.startswith("../"):
        rel = rel[3:]
    return rel + "/" if folder else rel


@dataclass(frozen=True)
class IgnoreFile:
    """The patterns of one ignore file and the folder they are relative to."""

    base: Path
    spec: GitIgnoreSpec

    def decides(self, path: Path, folder: bool) -> bool | None:
        """True: ignored; False: re-included by a negated pattern; None: no pattern matches."""
        if not _inside(path, self.base):
            return None
        return self.spec.check_file(_relative(path, self.base, folder)).include


def _inside(path: Path, folder: Path) -> bool:
    return os.path.abspath(path).startswith(os.path.join(os.path.abspath(folder), ""))


def _within(path: Path, folder: Path) -> bool:
    """``path`` is ``folder`` or inside it."""
    return os.path.abspath(path) == os.path.abspath(folder) or _inside(path, folder)


class Selector:
    """Decides, folder by folder, which entries a walk of one folder leaves out.

    A folder named on the command line is walked even when an exclude pattern or an
    ignore file above it matches it: those then do not apply inside it. ``include``
    narrows only a walk that starts at its base folder or above it (``check .`` at the
    configuration's folder), not one of a folder named below it.
    """

    def __init__(self, selection: FileSelection, reader: FileReader, root: Path) -> None:
        self.selection, self.reader = selection, reader
        self._skip = {str(resolved(path)) for path in selection.skip}
        exclude = GitIgnoreSpec.from_lines([*DEFAULT_EXCLUDE, *selection.exclude])
        named = _relative(root, selection.exclude_base, True)
        self._exclude = None if exclude.match_file(named) else exclude
        narrows = selection.include and _within(selection.include_base, root)
        self._include = GitIgnoreSpec.from_lines(selection.include) if narrows else None
        above = self._above(root)
        self.ignores: Ignores = () if _decided(above, root, True) else above

    def _above(self, folder: Path) -> Ignores:
        """The ignore files in force at ``folder``: the repository's
        (``.git/info/exclude`` and each ``.gitignore`` from its root down to ``folder``'s
        parent); ``folder``'s own is read when the walk lists it."""
        root = self.selection.git_root
        here = Path(os.path.abspath(folder))
        if not self.selection.gitignore or root is None or not _within(here, root):
            return ()
        top = Path(os.path.abspath(root))
        found = self._read(top, top / ".git" / "info" / "exclude")
        for each in reversed([p for p in here.parents if _within(p, top)]):
            found += self._read(each, each / GITIGNORE)
        return found

    def enter(self, folder: Path, names: set[str], ignores: Ignores) -> Ignores:
        """The ignore files in force inside ``folder`` (whose entries are ``names``)."""
        if not self.selection.gitignore or GITIGNORE not in names:
            return ignores
        return ignores + self._read(folder, folder / GITIGNORE, probed=False)

    def _read(self, base: Path, path: Path, probed: bool = True) -> Ignores:
        """The patterns of the ignore file at ``path`` (none when it is not there or
        cannot be read: git passes over such a file too)."""
        if probed and not self.reader.is_file(path):
            return ()
        try:
            text = self.reader.read_bytes(path, _LIMIT).decode("utf-8", "replace")
        except OSError:
            return ()
        return (IgnoreFile(base, GitIgnoreSpec.from_lines(text.splitlines())),)

    def leaves_out(self, path: Path, folder: bool, ignores: Ignores) -> bool:
        """Whether the walk leaves ``path`` out (a folder: does not enter it)."""
        selection = self.selection
        if folder and str(resolved(path)) in self._skip:
            return True
        excluded = self._exclude
        if excluded and excluded.match_file(_relative(path, selection.exclude_base, folder)):
            return True
        if _decided(ignores, path, folder):
            return True
        if folder or self._include is None:
            return False
        return not self._include.match_file(_relative(path, selection.include_base, False))


def _decided(ignores: Ignores, path: Path, folder: bool) -> bool:
    """Whether ``ignores`` leave ``path`` out: the deepest file with a say decides."""
    for each in reversed(ignores):
        decided = each.decides(path, folder)
        if decided is not None:
            return decided
    return False
