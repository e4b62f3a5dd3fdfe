"""The SQLite file under ``.crosscheck/`` that every cached result is kept in.

One table per kind of result, each a map from a key (a hash of everything the
value depends on, see ``cachekeys``) to a sealed payload: the value's text preceded by
its checksum, a keyed BLAKE2b of the table, the key and the text under a secret kept
outside the cache folder (see ``secret``). A damaged cache is dropped and rebuilt,
never trusted: a file SQLite cannot open is replaced, and a payload whose checksum
fails is deleted so that its value is computed again. Without the secret a checksum
cannot be made, so a row forged by whoever could write ``.crosscheck/`` (or sealed
under another key, or moved to another key) is refused the same way. The file
belongs to one generation of the code that fills it (see ``codeid``): keys made by
other code can never be found, so when the generation changes every value is
dropped rather than left to pile up. This module knows nothing of what the payloads
mean, and loads nothing heavier than ``sqlite3``.

The file is crosscheck's only when its SQLite header carries crosscheck's stamp
(``PRAGMA application_id``, set when crosscheck creates the file). Nothing is done to a
file without it, through no symlink: a cloned repository or a restored CI cache can
hold ``.crosscheck/claims.sqlite`` (or ``.crosscheck``) as a link to another program's
database, whose tables would otherwise be emptied. Such a file raises ``NotACache``
and the run goes on without the cache. Only a file that is no database at all, in the
cache folder itself (no link on the way), is taken for a damaged cache and replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import stat
from collections.abc import Callable, Sequence
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

# crosscheck's stamp in the SQLite header ("xchk"); a file without it is not ours.
APPLICATION_ID = 0x7863686B
TABLES = ("claims", "files", "outcomes", "runs", "meta")
SCHEMA = [
    f"CREATE TABLE IF NOT EXISTS {t} (key TEXT PRIMARY KEY, payload TEXT NOT NULL)" for t in TABLES
]
T = TypeVar("T")
_QUERY_KEYS = 500  # keys per look-up, below SQLite's limit on bound parameters
_DIGEST_CHARS = 32
# What reading a damaged payload can raise; ValueError covers a failed checksum.
_DAMAGE = (ValueError, TypeError, KeyError, IndexError, AttributeError)


_NOT_OURS = "it lacks crosscheck's stamp; left untouched, remove it to let crosscheck make its own"


def _is_regular(path: Path) -> bool:
    """Whether ``path`` leads to a regular file (not a fifo, device or folder)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _digest(text: str, secret: bytes, where: str) -> str:
    mac = hashlib.blake2b(key=secret, digest_size=_DIGEST_CHARS // 2)
    mac.update(where.encode("utf-8") + b"\0")
    mac.update(text.encode("utf-8"))
    return mac.hexdigest()


def seal(text: str, secret: bytes, where: str = "") -> str:
    """``text`` preceded by its checksum under ``secret``, bound to ``where`` (its place)."""
    return _digest(text, secret, where) + text


def unseal(payload: str, secret: bytes, where: str = "") -> str:
    """The text of a payload sealed under ``secret`` at ``where``; ValueError otherwise."""
    digest, text = payload[:_DIGEST_CHARS], payload[_DIGEST_CHARS:]
    if _digest(text, secret, where) != digest:
        raise ValueError("checksum mismatch")
    return text


def _make_folder(folder: Path) -> None:
    """Make the cache folder if there is none, with a ``.gitignore`` of ``*`` in it (as
    ``.ruff_cache`` and ``.pytest_cache`` have), so that git never offers to commit it."""
    try:
        folder.mkdir(parents=True)
    except FileExistsError:
        return
    with contextlib.suppress(OSError):  # only a convenience: the cache works without it
        (folder / ".gitignore").write_text(GITIGNORE, encoding="utf-8")


GITIGNORE = "# Made by crosscheck: the cache is not to be committed.\n*\n"


class NotACache(Exception):
    """A file at the cache's path that crosscheck did not make; it is left untouched."""


class CacheDB:
    """Sealed payloads by table and key, stored in an SQLite file stamped as crosscheck's."""

    def __init__(self, path: Path, generation: str, secret: bytes) -> None:
        """Open (or make) the store at ``path`` for ``generation``, sealing under ``secret``.

        Every value is dropped when the generation changes, or when the secret does.
        """
        self.path = path
        self.warning: str | None = None
        self.write_failure: str | None = None
        self.is_open = True
        self._secret = secret
        self._db = self._open()
        if self.get("meta", "generation", str) != generation:
            for table in TABLES:
                self._write(f"DELETE FROM {table}", ())
            self.put("meta", "generation", generation)

    def _open(self) -> sqlite3.Connection:
        """A connection to the stamped file, made and stamped when there is none;
        ``NotACache`` when the file there is not crosscheck's."""
        _make_folder(self.path.parent)
        linked = self.path.is_symlink() or self.path.parent.is_symlink()
        if not linked and not os.path.lexists(self.path):
            return self._connect(ours=True)
        if not _is_regular(self.path):
            raise NotACache(f"{self.path}: not a crosscheck cache ({_NOT_OURS})")
        try:
            return self._connect(ours=not linked)
        except sqlite3.DatabaseError as err:
            if linked:
                raise NotACache(f"{self.path}: not a crosscheck cache ({_NOT_OURS})") from None
            self.warning = f"{self.path}: damaged cache ({err}); rebuilding it"
            self.path.unlink(missing_ok=True)
            return self._connect(ours=True)

    def _connect(self, *, ours: bool) -> sqlite3.Connection:
        """Open the file and check its stamp before any table. An empty database (no
        tables, as one being made by another run) is stamped when the file is ``ours``
        (in the cache folder, no link on the way)."""
        db = sqlite3.connect(self.path)
        try:
            if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                if not ours or db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                    raise NotACache(f"{self.path}: not a crosscheck cache ({_NOT_OURS})")
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            for statement in SCHEMA:
                db.execute(statement)
            for table in TABLES:
                db.execute(f"SELECT count(*) FROM {table}").fetchone()
        except BaseException:
            db.close()
            raise
        return db

    def get(self, table: str, key: str, decode: Callable[[str], T]) -> T | None:
        """The value stored under ``key`` (its text, decoded), or None when absent or damaged."""
        try:
            row = self._db.execute(f"SELECT payload FROM {table} WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            return None
        return None if row is None else self._decoded(table, key, str(row[0]), decode)

    def get_many(
        self, table: str, keys: Sequence[str], decode: Callable[[str], T]
    ) -> list[T | None]:
        """The decoded value for each key, None where absent or damaged."""
        rows = self._rows(table, "key, payload", keys)
        if rows is None:
            return [None] * len(keys)
        payloads = dict(rows)
        return [self._decoded(table, k, payloads.get(k), decode) for k in keys]

    def present(self, table: str, keys: Sequence[str]) -> set[str]:
        """Those of ``keys`` that have a value, without reading it (it may still be damaged)."""
        rows = self._rows(table, "key", keys)
        return set() if rows is None else {key for (key,) in rows}

    def _rows(self, table: str, columns: str, keys: Sequence[str]) -> list[Any] | None:
        """The rows of the keys present, a few hundred keys per query; None if unreadable."""
        rows: list[Any] = []
        it = iter(keys)
        while chunk := list(islice(it, _QUERY_KEYS)):
            marks = ",".join("?" * len(chunk))
            query = f"SELECT {columns} FROM {table} WHERE key IN ({marks})"
            try:
                rows += self._db.execute(query, chunk).fetchall()
            except sqlite3.DatabaseError:
                return None
        return rows

    def _decoded(
        self, table: str, key: str, payload: str | None, decode: Callable[[str], T]
    ) -> T | None:
        """The payload's text decoded; a damaged one is deleted so that it is computed again."""
        if payload is None:
            return None
        try:
            return decode(unseal(payload, self._secret, f"{table}\0{key}"))
        except _DAMAGE:
            self._write(f"DELETE FROM {table} WHERE key = ?", (key,))
            return None

    def put(self, table: str, key: str, text: str) -> None:
        """Store ``text`` sealed under ``key``, replacing any older value."""
        payload = seal(text, self._secret, f"{table}\0{key}")
        self._write(f"INSERT OR REPLACE INTO {table} (key, payload) VALUES (?, ?)", (key, payload))

    def keep_latest(self, table: str, count: int) -> None:
        """Forget all but the ``count`` latest values of a table."""
        self._write(
            f"DELETE FROM {table} WHERE rowid NOT IN "
            f"(SELECT rowid FROM {table} ORDER BY rowid DESC LIMIT ?)",
            (count,),
        )

    def _write(self, statement: str, parameters: tuple[Any, ...]) -> None:
        """Run a change; a store that cannot be written stops being written, not the run."""
        if self.write_failure is not None:
            return
        try:
            self._db.execute(statement, parameters)
        except sqlite3.Error as err:
            self._failed(err)

    def _failed(self, err: sqlite3.Error) -> None:
        self.write_failure = f"{self.path}: cannot update the cache ({err}); results not saved"

    def close(self) -> None:
        """Commit and close the store (a failed commit is reported in ``write_failure``)."""
        self.is_open = False
        try:
            self._db.commit()
        except sqlite3.Error as err:
            self._failed(err)
        finally:
            self._db.close()

    def __enter__(self) -> CacheDB:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
