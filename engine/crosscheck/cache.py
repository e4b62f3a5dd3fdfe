"""A per-document cache of extracted claims in SQLite under ``.crosscheck/``.

Keyed by the document (text and metadata), the parts of the rule set that
extraction reads, and crosscheck's version. A damaged cache is dropped and rebuilt,
never trusted: every stored row is re-validated into a Claim when read.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from crosscheck import __version__
from crosscheck.dsl.ast import RuleSet
from crosscheck.interval import Interval
from crosscheck.model import Claim, Document

SCHEMA = "CREATE TABLE IF NOT EXISTS claims (key TEXT PRIMARY KEY, payload TEXT NOT NULL)"


def ruleset_key(ruleset: RuleSet) -> str:
    """A hash of what extraction depends on: subjects, measures, hedge and vague settings."""
    parts = (
        sorted((k, repr(v)) for k, v in ruleset.subjects.items()),
        sorted((k, repr(v)) for k, v in ruleset.measures.items()),
        sorted((k, str(v)) for k, v in ruleset.hedges.items()),
        sorted((k, str(v)) for k, v in ruleset.vague.items()),
        __version__,
    )
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def document_key(document: Document, rules_key: str) -> str:
    """The cache key of one document under one rule set."""
    digest = hashlib.sha256(rules_key.encode("ascii"))
    digest.update(document.model_dump_json().encode("utf-8"))
    return digest.hexdigest()


def _end(value: Fraction | None) -> str | None:
    return None if value is None else str(value)


def encode_claims(claims: list[Claim]) -> str:
    """Claims as JSON text, with exact interval ends."""
    rows = []
    for claim in claims:
        row = claim.model_dump(exclude={"interval"}, mode="json")
        iv = claim.interval
        row["interval"] = [_end(iv.low), _end(iv.high), iv.low_closed, iv.high_closed]
        rows.append(row)
    return json.dumps(rows, ensure_ascii=False)


def decode_claims(payload: str) -> list[Claim]:
    """Claims from ``encode_claims`` text; raises ValueError when it is damaged."""
    claims = []
    for row in json.loads(payload):
        low, high, low_closed, high_closed = row.pop("interval")
        interval = Interval(
            None if low is None else Fraction(low),
            None if high is None else Fraction(high),
            bool(low_closed),
            bool(high_closed),
        )
        if row.get("date"):
            row["date"] = date.fromisoformat(row["date"])
        claims.append(Claim(interval=interval, **row))
    return claims


class ClaimCache:
    """Claims per document, stored in an SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.warning: str | None = None
        self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = sqlite3.connect(self.path)
            db.execute(SCHEMA)
            db.execute("SELECT count(*) FROM claims").fetchone()
            return db
        except sqlite3.DatabaseError as err:
            self.warning = f"{self.path}: damaged cache ({err}); rebuilding it"
            self.path.unlink(missing_ok=True)
            db = sqlite3.connect(self.path)
            db.execute(SCHEMA)
            return db

    def get(self, key: str) -> list[Claim] | None:
        """The cached claims for ``key``, or None (also when the row is damaged)."""
        try:
            row = self._db.execute("SELECT payload FROM claims WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            return None
        if row is None:
            return None
        try:
            return decode_claims(row[0])
        except (ValueError, TypeError, KeyError, ValidationError, AttributeError):
            self._db.execute("DELETE FROM claims WHERE key = ?", (key,))
            return None

    def put(self, key: str, claims: list[Claim]) -> None:
        """Remember the claims of one document."""
        self._db.execute(
            "INSERT OR REPLACE INTO claims (key, payload) VALUES (?, ?)",
            (key, encode_claims(claims)),
        )

    def close(self) -> None:
        """Commit and close the store."""
        try:
            self._db.commit()
        finally:
            self._db.close()

    def __enter__(self) -> ClaimCache:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
