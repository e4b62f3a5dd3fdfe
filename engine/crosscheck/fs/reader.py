"""The one door through which loaders read, list and probe the file system.

Every loader (articles, manifests, rule files, claims files, baselines) goes through a
``FileReader``. It notes what it was asked for as it goes: a file read, stamped or
resolved is a file the run depends on; a path tested is a probe (whether it was a file,
and which, matters); a folder listed or searched is a folder whose entries matter.
``witness`` turns those notes into the record that lets a later, unchanged run be
replayed (see ``fs.witness``). Loaders know nothing of witnesses.

Only regular files are read: a FIFO would block a run forever and a device such as
``/dev/zero`` never ends, so opening one raises ``NotRegularFile`` (an ``OSError``)
without waiting for a writer, and ``not_regular`` says why a path would be refused.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from crosscheck.fs.clash import clash
from crosscheck.fs.realpath import resolved
from crosscheck.fs.stamp import FileStamp, stamp_of
from crosscheck.fs.witness import InputLog, Witness, witness


class NotRegularFile(OSError):
    """A path that is not read: not a regular file, or larger than a reader takes."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.strerror = message


class FileReader:
    """Reads files and folders for one run, noting each input as it is reached."""

    def __init__(self) -> None:
        self._log = InputLog()

    def read_bytes(self, path: Path, limit: int | None = None) -> bytes:
        """The bytes of the regular file at ``path``; ``OSError`` when it cannot be read,
        is not a regular file or holds more than ``limit`` bytes."""
        with self.open_binary(path) as handle:
            if limit is None:
                return handle.read()
            data = handle.read(limit + 1)
        if len(data) > limit:
            raise NotRegularFile(f"larger than {limit:,} bytes, the most read")
        return data

    def open_binary(self, path: Path) -> BinaryIO:
        """The regular file at ``path``, opened to read its bytes line by line."""
        self._log.file(path)
        return open_regular(path)

    def not_regular(self, path: Path) -> str | None:
        """Why ``path`` is not a regular file to read ("a FIFO"), or None when it is one."""
        try:
            return _kind(os.stat(path).st_mode)
        except FileNotFoundError:
            return "a broken symbolic link" if os.path.islink(path) else "missing"
        except OSError as err:
            return err.strerror or str(err)

    def stamp(self, path: Path) -> FileStamp | None:
        """When the file at ``path`` last changed (None: it is not there), as an input."""
        self._log.file(path)
        return stamp_of(path)

    def resolve_file(self, path: Path) -> Path:
        """Where the input file at ``path`` really is (which file a path reaches matters)."""
        self._log.file(path)
        return resolved(path)

    def where(self, path: Path) -> Path:
        """Where ``path`` really leads, noting nothing (pair it with ``is_file``)."""
        return resolved(path)

    def is_file(self, path: Path) -> bool:
        """Whether ``path`` is a file now; the answer is an input of the run."""
        self._log.probe(path)
        return path.is_file()

    def listing(self, folder: Path) -> list[Path]:
        """The entries of ``folder``, sorted by name (``OSError`` when it cannot be listed)."""
        self._log.folder(folder)
        return sorted(folder.iterdir(), key=lambda entry: entry.name)

    def search(self, folder: Path, suffix: str) -> list[Path]:
        """Every file under ``folder`` whose name ends in ``suffix``, sorted.

        The folders searched are noted; linked folders are not entered (their parent's
        listing tells when a link changes).
        """
        searched = (p for p in folder.rglob("*") if p.is_dir() and not p.is_symlink())
        for each in [folder, *sorted(searched)]:
            self._log.folder(each)
        return sorted(folder.rglob(f"*{suffix}"))

    def clash(self, output: Path) -> str | None:
        """Why this run may not write ``output`` (it is an input, or would be read as one
        by the next run; see ``fs.clash``), or None when it may."""
        return clash(output, self._log.paths(), map(str, self._log.folders))

    def witness(self, started_ns: int) -> Witness | None:
        """The record of every input reached, if the run that started at ``started_ns``
        can be vouched for (see ``fs.witness.witness``)."""
        return witness(self._log, started_ns)


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading if it is a regular file, else ``NotRegularFile``.

    Opened without blocking (a FIFO without a writer would wait forever), then checked.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        kind = _kind(os.fstat(fd).st_mode)
        if kind is not None:
            raise NotRegularFile(f"not a regular file but {kind}")
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def _kind(mode: int) -> str | None:
    """What a file of ``mode`` is when it is no regular file ("a FIFO"), else None."""
    if stat.S_ISREG(mode):
        return None
    kinds = {
        stat.S_ISDIR: "a folder",
        stat.S_ISFIFO: "a FIFO (named pipe)",
        stat.S_ISCHR: "a character device",
        stat.S_ISBLK: "a block device",
        stat.S_ISSOCK: "a socket",
    }
    return next((name for test, name in kinds.items() if test(mode)), "a special file")
