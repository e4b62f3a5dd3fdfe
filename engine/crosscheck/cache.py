"""The result cache in SQLite under ``.crosscheck/``: claims, file stamps, evaluations.

Three tables, each keyed by a hash of everything its value depends on (see
``cachekeys``): ``claims`` holds the claims of one document, ``files`` the stamp
and document keys of one article file (so an unchanged file is not even read), and
``outcomes`` the report of one evaluation of a whole corpus. A damaged cache is
dropped and rebuilt, never trusted: every value carries a checksum checked when it
is read (see ``cachecodec``), and a value that fails is deleted and computed again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from crosscheck.cachecodec import (
    decode_claims,
    decode_file_entry,
    decode_report,
    encode_claims,
    encode_file_entry,
    encode_report,
)
from crosscheck.corpus.stamp import FileStamp
from crosscheck.model import Claim, Report

TABLES = ("claims", "files", "outcomes")
SCHEMA = [
    f"CREATE TABLE IF NOT EXISTS {t} (key TEXT PRIMARY KEY, payload TEXT NOT NULL)" for t in TABLES
]
T = TypeVar("T")
KEEP_OUTCOMES = 4  # evaluations kept: enough for a few rule sets over one corpus
_QUERY_KEYS = 500  # keys per look-up, below SQLite's limit on bound parameters
# What reading a damaged payload can raise; ValueError covers a failed checksum.
_DAMAGE = (ValueError, TypeError, KeyError, IndexError, AttributeError)


class ClaimCache:
    """Cached claims, file stamps and evaluations, stored in an SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.warning: str | None = None
        self.write_failure: str | None = None
        self.is_open = True
        self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._connect()
        except sqlite3.DatabaseError as err:
            self.warning = f"{self.path}: damaged cache ({err}); rebuilding it"
            self.path.unlink(missing_ok=True)
            return self._connect()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path)
        for statement in SCHEMA:
            db.execute(statement)
        for table in TABLES:
            db.execute(f"SELECT count(*) FROM {table}").fetchone()
        return db

    def _payload(self, table: str, key: str) -> str | None:
        try:
            row = self._db.execute(f"SELECT payload FROM {table} WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            return None
        return None if row is None else str(row[0])

    def _decoded(
        self, table: str, key: str, payload: str | None, decode: Callable[[str], T]
    ) -> T | None:
        """The decoded payload; a damaged one is deleted so that it is computed again."""
        if payload is None:
            return None
        try:
            return decode(payload)
        except _DAMAGE:
            self._write(f"DELETE FROM {table} WHERE key = ?", (key,))
            return None

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

    def _put(self, table: str, key: str, payload: str) -> None:
        self._write(f"INSERT OR REPLACE INTO {table} (key, payload) VALUES (?, ?)", (key, payload))

    def get_many(self, keys: Sequence[str]) -> list[list[Claim] | None]:
        """The cached claims for each key, None where absent or damaged."""
        payloads: dict[str, str] = {}
        it = iter(keys)
        while chunk := list(islice(it, _QUERY_KEYS)):
            marks = ",".join("?" * len(chunk))
            query = f"SELECT key, payload FROM claims WHERE key IN ({marks})"
            try:
                payloads.update(self._db.execute(query, chunk).fetchall())
            except sqlite3.DatabaseError:
                return [None] * len(keys)
        return [self._decoded("claims", k, payloads.get(k), decode_claims) for k in keys]

    def put(self, key: str, claims: list[Claim]) -> None:
        """Remember the claims of one document."""
        self._put("claims", key, encode_claims(claims))

    def get_file(self, key: str) -> tuple[FileStamp, list[str]] | None:
        """The stamp and document keys recorded for an article file, or None."""
        return self._decoded("files", key, self._payload("files", key), decode_file_entry)

    def put_file(self, key: str, stamp: FileStamp, document_keys: Sequence[str]) -> None:
        """Remember which documents an article file held when it had this stamp."""
        self._put("files", key, encode_file_entry(stamp, document_keys))

    def get_report(self, key: str) -> Report | None:
        """The report of an earlier evaluation with this key, or None."""
        return self._decoded("outcomes", key, self._payload("outcomes", key), decode_report)

    def put_report(self, key: str, report: Report) -> None:
        """Remember the report of one evaluation, forgetting all but the latest few."""
        self._put("outcomes", key, encode_report(report))
        self._write(
            "DELETE FROM outcomes WHERE rowid NOT IN "
            "(SELECT rowid FROM outcomes ORDER BY rowid DESC LIMIT ?)",
            (KEEP_OUTCOMES,),
        )

    def close(self) -> None:
        """Commit and close the store (a failed commit is reported in ``write_failure``)."""
        self.is_open = False
        try:
            self._db.commit()
        except sqlite3.Error as err:
            self._failed(err)
        finally:
            self._db.close()

    def __enter__(self) -> ClaimCache:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
