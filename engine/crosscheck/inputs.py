"""What a run read from the file system, and a witness that tells whether it changed.

Loaders note every file they read or look for and every folder they list in an
``InputLog``. After a run, ``witness`` turns the log into stamps (see
``corpus.stamp``) of the files and the names in each folder; ``unchanged`` tells a
later run whether all of them are still the same, in which case everything the
first run computed from them still holds, like a build tool's dependency check.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from crosscheck.corpus.stamp import SETTLE_NS, FileStamp, stamp_of

# (path, stamp or None when the file did not exist) and (path, hash of its entries' names)
FileWitness = tuple[str, FileStamp | None]
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
        if stamp is not None and max(stamp[1], stamp[2]) >= oldest_allowed:
            return None
        files.append((str(path), stamp))
    folders: list[FolderWitness] = []
    for path in log.folders:
        stamp, names = stamp_of(path), listing_hash(path)
        if stamp is None or names is None or max(stamp[1], stamp[2]) >= oldest_allowed:
            return None
        folders.append((str(path), names))
    return Witness(tuple(files), tuple(folders))


def unchanged(recorded: Witness) -> bool:
    """Whether every file and folder is still as the witness recorded it."""
    return all(stamp_of(Path(path)) == stamp for path, stamp in recorded.files) and all(
        listing_hash(Path(path)) == names for path, names in recorded.folders
    )
