"""The cache file keeps values for the code that wrote them, and drops them for other code
(or under another secret)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from crosscheck.cache.db import TABLES, CacheDB

DATA = [table for table in TABLES if table != "meta"]
SECRET = b"k" * 32


def test_values_survive_a_reopening_by_the_same_code_only(tmp_path: Path) -> None:
    store = tmp_path / "claims.sqlite"
    with CacheDB(store, "code-1", SECRET) as db:
        for table in DATA:
            db.put(table, "k", f"value of {table}")
    with CacheDB(store, "code-1", SECRET) as db:
        assert [db.get(t, "k", str) for t in DATA] == [f"value of {t}" for t in DATA]
    with CacheDB(store, "code-2", SECRET) as db:
        assert [db.get(t, "k", str) for t in DATA] == [None] * len(DATA)
    with CacheDB(store, "code-2", SECRET) as db:
        db.put("claims", "k", "new")
    with CacheDB(store, "code-2", SECRET) as db:
        assert db.get("claims", "k", str) == "new"


def test_values_sealed_under_another_secret_are_dropped(tmp_path: Path) -> None:
    store = tmp_path / "claims.sqlite"
    with CacheDB(store, "code", SECRET) as db:
        db.put("claims", "k", "value")
    with CacheDB(store, "code", b"another secret") as db:
        assert db.get("claims", "k", str) is None
    with CacheDB(store, "code", SECRET) as db:
        assert db.get("claims", "k", str) is None


def test_a_value_moved_to_another_key_is_refused(tmp_path: Path) -> None:
    store = tmp_path / "claims.sqlite"
    with CacheDB(store, "code", SECRET) as db:
        db.put("outcomes", "old", "0 violations")
        db.put("outcomes", "new", "2 violations")
    with sqlite3.connect(store) as raw:
        old = "SELECT payload FROM outcomes WHERE key = 'old'"
        raw.execute(f"UPDATE outcomes SET payload = ({old})")
    with CacheDB(store, "code", SECRET) as db:
        assert db.get("outcomes", "old", str) == "0 violations"
        assert db.get("outcomes", "new", str) is None
