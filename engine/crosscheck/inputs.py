"""What a run read from the file system, and a witness that tells whether it changed.

Loaders note in an ``InputLog`` every file they read, every file whose existence
they test (a manifest that may be there, a file a manifest names) and every folder
they list. After a run, ``witness`` turns the log into a record of all that made
the output what it was: for a file read, where it really lives (symlinks
followed: metadata and de-duplication go by that), its stamp (see
``corpus.stamp``) and a hash of its bytes; for a file tested, whether it is a file;
for a folder, a hash of its entries' names and kinds, a symlink's target included.
``unchanged`` tells a later run whether all of it still holds, in which case
everything the first run computed still holds, like a build tool's dependency
check. As in git, an equal stamp is trusted and a different one sends the check to
the content: a fresh checkout of the same files (new stamps, same bytes) is still
unchanged.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from crosscheck.corpus.stamp import SETTLE_NS, FileStamp, stamp_of


class FileWitness(NamedTuple):
    """A file that was read: its path, real path, stamp and content hash."""

    path: str
    real_path: str
    stamp: FileStamp
    digest: str


class ProbeWitness(NamedTuple):
    """A file whose existence was tested, and whether it was a file then."""

    path: str
    is_file: bool


class FolderWitness(NamedTuple):
    """A folder that was listed, and a hash of its entries (see ``listing_hash``)."""

    path: str
    entries: str


@dataclass
class InputLog:
    """The files a run read or tested and the folders it listed, in first-seen order."""

    files: dict[Path, None] = field(default_factory=dict)
    probes: dict[Path, None] = field(default_factory=dict)
    folders: dict[Path, None] = field(default_factory=dict)

    def file(self, path: Path) -> None:
        """Note a file that was read."""
        self.files.setdefault(path)

    def probe(self, path: Path) -> None:
        """Note a path tested for being a file (whether it was one or not matters)."""
        self.probes.setdefault(path)

    def folder(self, path: Path) -> None:
        """Note a folder whose entries were listed."""
        self.folders.setdefault(path)


@dataclass(frozen=True)
class Witness:
    """The state of a run's files, tested paths and folders when it ran."""

    files: tuple[FileWitness, ...]
    probes: tuple[ProbeWitness, ...]
    folders: tuple[FolderWitness, ...]


def content_hash(path: Path) -> str | None:
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


class _RealPaths:
    """Real paths of files, resolving each folder once: a file that is no symlink
    lives in its folder's real path."""

    def __init__(self) -> None:
        self.folders: dict[str, str] = {}

    def of(self, path: Path) -> str | None:
        try:
            if stat.S_ISLNK(os.lstat(path).st_mode):
                return os.path.realpath(path)
        except OSError:
            return None
        folder, name = os.path.split(path)
        if folder not in self.folders:
            self.folders[folder] = os.path.realpath(folder or ".")
        return os.path.join(self.folders[folder], name)


def witness(log: InputLog, started_ns: int) -> Witness | None:
    """The witness of a run that started at ``started_ns``, or None if it cannot vouch for it.

    Every file read and folder listed must still be there and have been last
    changed at least ``SETTLE_NS`` before the run started: then nothing changed
    while the run read it, and a change made within the same clock tick as an
    earlier one cannot hide behind an equal stamp.
    """
    oldest_allowed, real_paths = started_ns - SETTLE_NS, _RealPaths()
    files: list[FileWitness] = []
    for path in log.files:
        stamp, real_path = stamp_of(path), real_paths.of(path)
        if stamp is None or real_path is None or max(stamp[1], stamp[2]) >= oldest_allowed:
            return None
        digest = content_hash(path)
        # A stamp that moved while hashing: the hash may not be of the bytes the run read.
        if digest is None or stamp_of(path) != stamp:
            return None
        files.append(FileWitness(str(path), real_path, stamp, digest))
    folders: list[FolderWitness] = []
    for path in log.folders:
        stamp, entries = stamp_of(path), listing_hash(path)
        if stamp is None or entries is None or max(stamp[1], stamp[2]) >= oldest_allowed:
            return None
        folders.append(FolderWitness(str(path), entries))
    probes = tuple(ProbeWitness(str(path), path.is_file()) for path in log.probes)
    return Witness(tuple(files), probes, tuple(folders))


def unchanged(recorded: Witness) -> bool:
    """Whether every file, tested path and folder is still as the witness recorded it."""
    real_paths = _RealPaths()
    return (
        all(_same_file(entry, real_paths) for entry in recorded.files)
        and all(Path(path).is_file() == is_file for path, is_file in recorded.probes)
        and all(listing_hash(Path(path)) == entries for path, entries in recorded.folders)
    )


def _same_file(recorded: FileWitness, real_paths: _RealPaths) -> bool:
    path = Path(recorded.path)
    if real_paths.of(path) != recorded.real_path:
        return False
    now = stamp_of(path)
    if now == recorded.stamp:
        return True
    if now is None or now[0] != recorded.stamp[0]:
        return False  # vanished or changed size
    return content_hash(path) == recorded.digest
