"""What a run read from the file system, and a witness that tells whether it changed.

Loaders note every file they read or look for and every folder they list in an
``InputLog``. After a run, ``witness`` turns the log into the stamp (see
``corpus.stamp``) and a hash of the content of each file, and a hash of the names
in each folder; ``unchanged`` tells a later run whether all of them are still the
same, in which case everything the first run computed from them still holds, like
a build tool's dependency check. As in git, an equal stamp is trusted and a
different one sends the check to the content: a fresh checkout of the same files
(new stamps, same bytes) is still unchanged.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from crosscheck.corpus.stamp import SETTLE_NS, FileStamp, stamp_of

# (path, stamp, content hash), both None when the file did not exist; (path, names hash)
FileWitness = tuple[str, FileStamp | None, str | None]
FolderWitness = tuple[str, str]


@dataclass
class InputLog:
    """The files a run read or looked for, and the folders it listed, in first-seen order."""

    files: dict[Path, None] = field(default_factory=dict)
    folders: dict[Path, None] = field(default_factory=dict)

    def file(self, path: Path) -> None:
        """Note a file that was read, or looked for (a missing file matters too)."""
        self.files.setdefault(path)

    def folder(self, path: Path) -> None:
        """Note a folder whose entries were listed."""
        self.folders.setdefault(path)


@dataclass(frozen=True)
class Witness:
    """The stamps of a run's files and the entry names of its folders."""

    files: tuple[FileWitness, ...]
    folders: tuple[FolderWitness, ...]


def content_hash(path: Path) -> str | None:
    """A hash of a file's bytes, or None when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "blake2b").hexdigest()
    except OSError:
        return None


def listing_hash(folder: Path) -> str | None:
    """A hash of the names in a folder, or None when it cannot be listed."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return None
    return hashlib.sha256("\0".join(names).encode("utf-8", "surrogateescape")).hexdigest()


def witness(log: InputLog, started_ns: int) -> Witness | None:
    """The witness of a run that started at ``started_ns``, or None if it cannot vouch for it.

    Every file and folder must have been last changed at least ``SETTLE_NS`` before the
    run started: then nothing changed while the run read it, and a change made within
    the same clock tick as an earlier one cannot hide behind an equal stamp.
    """
    oldest_allowed = started_ns - SETTLE_NS
    files: list[FileWitness] = []
    for path in log.files:
        stamp = stamp_of(path)
        if stamp is None:
            files.append((str(path), None, None))
            continue
        if max(stamp[1], stamp[2]) >= oldest_allowed:
            return None
        digest = content_hash(path)
        # A stamp that moved while hashing: the hash may not be of the bytes the run read.
        if digest is None or stamp_of(path) != stamp:
            return None
        files.append((str(path), stamp, digest))
    folders: list[FolderWitness] = []
    for path in log.folders:
        stamp, names = stamp_of(path), listing_hash(path)
        if stamp is None or names is None or max(stamp[1], stamp[2]) >= oldest_allowed:
            return None
        folders.append((str(path), names))
    return Witness(tuple(files), tuple(folders))


def unchanged(recorded: Witness) -> bool:
    """Whether every file and folder is still as the witness recorded it."""
    return all(_same_file(*entry) for entry in recorded.files) and all(
        listing_hash(Path(path)) == names for path, names in recorded.folders
    )


def _same_file(path: str, stamp: FileStamp | None, digest: str | None) -> bool:
    now = stamp_of(Path(path))
    if now == stamp:
        return True
    if now is None or stamp is None or now[0] != stamp[0]:
        return False  # appeared, vanished or changed size
    return content_hash(Path(path)) == digest
