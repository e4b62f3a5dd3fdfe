"""What a run read from the file system, and a witness that tells whether it changed.

Loaders note in an ``InputLog`` every file they read, every file whose existence
they test (a manifest that may be there, a file a manifest names) and every folder
they list. After a run, ``witness`` turns the log into a record of all that made
the output what it was: for a file read, where it really lives (symlinks
followed: metadata and de-duplication go by that), its stamp (see
``corpus.stamp``) and a hash of its bytes; for a file tested, where it really is if it is a file;
for a folder, a hash of its entries' names and kinds, a symlink's target included.
``refreshed`` tells a later run whether all of it still holds, in which case
everything the first run computed still holds, like a build tool's dependency
check. As in git, an equal stamp is trusted and a different one sends the check to
the content: a fresh checkout of the same files (new stamps, same bytes) is still
unchanged. What a loader saw while reading (a file's real path, whether a path was a
file) must still be so when the witness is made; otherwise the run changed under
the loader's feet and cannot be vouched for.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from crosscheck.fs.clash import clash
from crosscheck.fs.stamp import SETTLE_NS, FileStamp, stamp_from, stamp_of


class FileWitness(NamedTuple):
    """A file that was read: its path, real path, stamp and content hash."""

    path: str
    real_path: str
    stamp: FileStamp
    digest: str


class ProbeWitness(NamedTuple):
    """A path tested for being a file, and where that file really was (None: no file)."""

    path: str
    real_path: str | None


class FolderWitness(NamedTuple):
    """A folder that was listed, and a hash of its entries (see ``listing_hash``)."""

    path: str
    entries: str


class _Finder:
    """Where files really are, and their stamps, with one ``lstat`` for a file that is
    no symlink (it lives in its folder's real path, and each folder is resolved once)."""

    def __init__(self) -> None:
        self.folders: dict[str, str] = {}

    def look(self, path: str) -> tuple[str, FileStamp] | None:
        """The real path and stamp of the file at ``path``, or None if there is none."""
        try:
            st = os.lstat(path)
            if stat.S_ISLNK(st.st_mode):
                return os.path.realpath(path), stamp_from(os.stat(path))
        except OSError:
            return None
        folder, name = os.path.split(path)
        if folder not in self.folders:
            self.folders[folder] = os.path.realpath(folder or ".")
        return os.path.join(self.folders[folder], name), stamp_from(st)


def _file_at(path: Path) -> str | None:
    return os.path.realpath(path) if path.is_file() else None


@dataclass
class InputLog:
    """The files a run read or tested and the folders it listed, in first-seen order,
    with what was seen of each file when it was noted."""

    files: dict[Path, str | None] = field(default_factory=dict)  # the real path
    probes: dict[Path, str | None] = field(default_factory=dict)  # as ``ProbeWitness``
    folders: dict[Path, None] = field(default_factory=dict)
    finder: _Finder = field(default_factory=_Finder, repr=False, compare=False)

    def file(self, path: Path) -> None:
        """Note a file about to be read."""
        if path not in self.files:
            seen = self.finder.look(str(path))
            self.files[path] = None if seen is None else seen[0]

    def probe(self, path: Path) -> None:
        """Note a path tested for being a file (whether it was one, and which, matters)."""
        if path not in self.probes:
            self.probes[path] = _file_at(path)

    def folder(self, path: Path) -> None:
        """Note a folder whose entries were listed."""
        self.folders.setdefault(path)

    def paths(self) -> list[str]:
        """Every file read, and every file a test found (where it really was)."""
        found = (real for real in self.probes.values() if real is not None)
        return [*map(str, self.files), *found]


@dataclass(frozen=True)
class Witness:
    """The state of a run's files, tested paths and folders when it ran."""

    files: tuple[FileWitness, ...]
    probes: tuple[ProbeWitness, ...]
    folders: tuple[FolderWitness, ...]

    def clash(self, output: Path) -> str | None:
        """Why the run witnessed may not write ``output`` (see ``fs.clash``), or None."""
        files = [entry.path for entry in self.files]
        files += [entry.real_path for entry in self.probes if entry.real_path is not None]
        return clash(output, files, (entry.path for entry in self.folders))


def content_hash(path: str | Path) -> str | None:
    """A hash of a file's bytes, or None when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "blake2b").hexdigest()
    except OSError:
        return None


def listing_hash(folder: Path) -> str | None:
    """A hash of the names and kinds of a folder's entries, or None when it cannot be listed.

    A kind is file, folder or other; a symlink's is its target and the kind of what
    the target is now (nothing, when it is broken).
    """
    try:
        with os.scandir(folder) as scan:
            entries = sorted(f"{entry.name}\0{_kind_of(entry)}" for entry in scan)
    except OSError:
        return None
    return hashlib.sha256("\0\0".join(entries).encode("utf-8", "surrogateescape")).hexdigest()


def _kind_of(entry: os.DirEntry[str]) -> str:
    try:
        if entry.is_symlink():
            return f"link\0{os.readlink(entry.path)}\0{_target_kind(entry.path)}"
        if entry.is_dir(follow_symlinks=False):
            return "folder"
        return "file" if entry.is_file(follow_symlinks=False) else "other"
    except OSError:
        return "unreadable"


def _target_kind(path: str) -> str:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return "nothing"
    return "folder" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else "other"


def witness(log: InputLog, started_ns: int) -> Witness | None:
    """The witness of a run that started at ``started_ns``, or None if it cannot vouch for it.

    Every file read and folder listed must still be there and have been last
    changed at least ``SETTLE_NS`` before the run started: then nothing changed
    while the run read it, and a change made within the same clock tick as an
    earlier one cannot hide behind an equal stamp.
    """
    oldest_allowed, finder = started_ns - SETTLE_NS, _Finder()
    files: list[FileWitness] = []
    for path, real_path in log.files.items():
        seen = finder.look(str(path))
        if seen is None or seen[0] != real_path or _changed_since(seen[1], oldest_allowed):
            return None
        digest = _steady_hash(str(path), seen)
        if digest is None:
            return None
        files.append(FileWitness(str(path), real_path, seen[1], digest))
    folders: list[FolderWitness] = []
    for path in log.folders:
        stamp, entries = stamp_of(path), listing_hash(path)
        if stamp is None or entries is None or _changed_since(stamp, oldest_allowed):
            return None
        folders.append(FolderWitness(str(path), entries))
    probes = [ProbeWitness(str(path), then) for path, then in log.probes.items()]
    if any(_file_at(Path(path)) != then for path, then in probes):
        return None
    return Witness(tuple(files), tuple(probes), tuple(folders))


def _steady_hash(path: str, seen: tuple[str, FileStamp]) -> str | None:
    """A hash of the bytes of the file ``seen`` at ``path``, or None if it could not be read
    or if, meanwhile, the file changed or ``path`` came to lead elsewhere."""
    digest = content_hash(seen[0])  # the real path: a symlink re-pointed cannot divert it
    return digest if _Finder().look(path) == seen else None


def _changed_since(stamp: FileStamp, oldest_allowed_ns: int) -> bool:
    return max(stamp[1], stamp[2]) >= oldest_allowed_ns


def refreshed(recorded: Witness, now_ns: int) -> Witness | None:
    """The witness with today's stamps if everything is still as it recorded, else None.

    A file with a new stamp but the same bytes (a fresh checkout, a touch) gets its
    new stamp if that has settled by ``now_ns``, so the next check need not hash it.
    """
    finder, files = _Finder(), []
    for entry in recorded.files:
        seen = finder.look(entry.path)
        if seen is None or seen[0] != entry.real_path:
            return None
        if seen[1] != entry.stamp:
            if seen[1][0] != entry.stamp[0] or _steady_hash(entry.path, seen) != entry.digest:
                return None  # changed size or bytes
            if not _changed_since(seen[1], now_ns - SETTLE_NS):
                entry = entry._replace(stamp=seen[1])
        files.append(entry)
    if any(_file_at(Path(path)) != then for path, then in recorded.probes):
        return None
    if any(listing_hash(Path(path)) != entries for path, entries in recorded.folders):
        return None
    return Witness(tuple(files), recorded.probes, recorded.folders)
