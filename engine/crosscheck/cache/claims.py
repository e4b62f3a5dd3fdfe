"""The typed cache of the check pipeline: claims, file stamps and evaluations.

Three tables of the ``CacheDB``: ``claims`` holds the claims of one document,
``files`` the stamp and document keys of one article file (so an unchanged file
is not even read), and ``outcomes`` the report of one evaluation of a whole
corpus. Each is keyed by a hash of everything its value depends on (see
``cachekeys``); values are written and checked by ``cachecodec``.
"""

from __future__ import annotations

from collections.abc import Sequence

from crosscheck.cache.codec import (
    decode_claims,
    decode_file_entry,
    decode_report,
    encode_claims,
    encode_file_entry,
    encode_report,
)
from crosscheck.cache.db import CacheDB
from crosscheck.fs.stamp import FileStamp
from crosscheck.model import Claim, Report

KEEP_OUTCOMES = 4  # evaluations kept: enough for a few rule sets over one corpus


class ClaimCache:
    """Cached claims, file stamps and evaluations, kept in a ``CacheDB``."""

    def __init__(self, db: CacheDB) -> None:
        self.db = db

    @property
    def is_open(self) -> bool:
        """Whether the store can still be read."""
        return self.db.is_open

    def get_many(self, keys: Sequence[str]) -> list[list[Claim] | None]:
        """The cached claims for each key, None where absent or damaged."""
        return self.db.get_many("claims", keys, decode_claims)

    def has_many(self, keys: Sequence[str]) -> list[bool]:
        """Whether claims are stored under each key (read later with ``get_many``)."""
        present = self.db.present("claims", keys)
        return [key in present for key in keys]

    def put(self, key: str, claims: list[Claim]) -> None:
        """Remember the claims of one document."""
        self.db.put("claims", key, encode_claims(claims))

    def get_file(self, key: str) -> tuple[FileStamp, list[str]] | None:
        """The stamp and document keys recorded for an article file, or None."""
        return self.db.get("files", key, decode_file_entry)

    def put_file(self, key: str, stamp: FileStamp, document_keys: Sequence[str]) -> None:
        """Remember which documents an article file held when it had this stamp."""
        self.db.put("files", key, encode_file_entry(stamp, document_keys))

    def get_report(self, key: str) -> Report | None:
        """The report of an earlier evaluation with this key, or None."""
        return self.db.get("outcomes", key, decode_report)

    def put_report(self, key: str, report: Report) -> None:
        """Remember the report of one evaluation, forgetting all but the latest few."""
        self.db.put("outcomes", key, encode_report(report))
        self.db.keep_latest("outcomes", KEEP_OUTCOMES)
