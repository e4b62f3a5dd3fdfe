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


@dataclass(frozen=True)
class _Base:
    """How a path below a walk's root is written relative to one folder, worked out once
    per folder rather than once per entry: ``cut`` is taken off the front (the folder is
    below the root) or ``prefix`` put on it (the folder is the root or above it)."""

    prefix: str = ""
    cut: str = ""

    def rel(self, below: str) -> str | None:
        """``below`` (a path relative to the root) relative to the folder; None outside it."""
        if not self.cut:
            return self.prefix + below
        return below[len(self.cut) :] if below.startswith(self.cut) else None


def _base(folder: Path, root: Path) -> _Base:
    """The ``_Base`` of ``folder`` for a walk of ``root``. A folder beside the root (neither
    holds the other) sees the root's path below their common folder."""
    down = os.path.relpath(os.path.abspath(folder), os.path.abspath(root)).replace(os.sep, "/")
    if down == ".":
        return _Base()
    if not down.startswith("../") and down != "..":
        return _Base(cut=down + "/")
    up = os.path.relpath(os.path.abspath(root), os.path.abspath(folder)).replace(os.sep, "/")
    while up.startswith("../"):
        up = up[3:]
    return _Base(prefix="" if up in (".", "..") else up + "/")


def invalid_pattern(pattern: str) -> bool:
    """Whether ``pattern`` is no pattern git's syntax allows (``!`` alone, ``\\`` alone)."""
    try:
        GitIgnoreSpec.from_lines([pattern])
    except ValueError:
        return True
    return False


def lenient_spec(lines: list[str]) -> GitIgnoreSpec:
    """The patterns of an ignore file, lines that are no valid pattern passed over (as
    git passes over them) rather than failing the run."""
    try:
        return GitIgnoreSpec.from_lines(lines)
    except ValueError:
        return GitIgnoreSpec.from_lines([line for line in lines if not invalid_pattern(line)])


def _as_folder(rel: str, folder: bool) -> str:
    return rel + "/" if folder and rel else rel


@dataclass(frozen=True)
class IgnoreFile:
    """The patterns of one ignore file and the folder they are relative to."""

    base: _Base
    spec: GitIgnoreSpec

    def decides(self, below: str, folder: bool) -> bool | None:
        """True: ignored; False: re-included by a negated pattern; None: no pattern matches
        (or the path is not below the file's folder)."""
        rel = self.base.rel(below)
        if not rel:
            return None
        return self.spec.check_file(_as_folder(rel, folder)).include


def _within(path: Path, folder: Path) -> bool:
    """``path`` is ``folder`` or inside it."""
    inner, outer = os.path.abspath(path), os.path.abspath(folder)
    return inner == outer or inner.startswith(os.path.join(outer, ""))


class Selector:
    """Decides, folder by folder, which entries a walk of one folder leaves out.

    A folder named on the command line is walked even when an exclude pattern or an
    ignore file above it matches it: those then do not apply inside it. ``include``
    narrows only a walk that starts at its base folder or above it (``check .`` at the
    configuration's folder), not one of a folder named below it.
    """

    def __init__(self, selection: FileSelection, reader: FileReader, root: Path) -> None:
        self.selection, self.reader, self.root = selection, reader, root
        self._root_text = "" if str(root) == "." else os.path.join(str(root), "")
        self._skip = {str(resolved(path)) for path in selection.skip}
        patterns = [*DEFAULT_EXCLUDE, *selection.exclude]
        self._exclude_base = _base(selection.exclude_base, root)
        exclude = GitIgnoreSpec.from_lines(patterns)
        named = self._exclude_base.rel("")
        if named and exclude.match_file(_as_folder(named, True)):
            patterns = []  # the folder named is excluded: read it whole
        # A pattern ending in / matches only folders, and a walk never enters a folder it
        # matches: files are matched against the others alone.
        self._exclude_dirs = GitIgnoreSpec.from_lines(patterns) if patterns else None
        files = [p for p in patterns if not p.rstrip().endswith("/")]
        self._exclude_files = GitIgnoreSpec.from_lines(files) if files else None
        self._include_base = _base(selection.include_base, root)
        narrows = selection.include and _within(selection.include_base, root)
        self._include = GitIgnoreSpec.from_lines(selection.include) if narrows else None
        above = self._above(root)
        self.ignores: Ignores = () if _decided(above, "", True) else above

    def _below(self, path: Path) -> str:
        """``path`` relative to the walk's root, as posix text."""
        text = str(path)
        if text.startswith(self._root_text):
            return text[len(self._root_text) :].replace(os.sep, "/")
        return os.path.relpath(text, str(self.root)).replace(os.sep, "/")

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
        spec = lenient_spec(text.splitlines())
        return (IgnoreFile(_base(base, self.root), spec),)

    def leaves_out(self, path: Path, folder: bool, ignores: Ignores) -> bool:
        """Whether the walk leaves ``path`` out (a folder: does not enter it)."""
        if folder and str(resolved(path)) in self._skip:
            return True
        below = self._below(path)
        exclude = self._exclude_dirs if folder else self._exclude_files
        if exclude is not None:
            rel = self._exclude_base.rel(below)
            if rel and exclude.match_file(_as_folder(rel, folder)):
                return True
        if _decided(ignores, below, folder):
            return True
        if folder or self._include is None:
            return False
        rel = self._include_base.rel(below)
        return rel is None or not self._include.match_file(rel)


def _decided(ignores: Ignores, below: str, folder: bool) -> bool:
    """Whether ``ignores`` leave out the path ``below`` the root: the deepest file with a
    say decides."""
    for each in reversed(ignores):
        decided = each.decides(below, folder)
        if decided is not None:
            return decided
    return False
