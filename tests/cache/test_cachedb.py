"""The cache file keeps values for the code that wrote them, and drops them for other code."""

from __future__ import annotations

from pathlib import Path

from crosscheck.cache.db import TABLES, CacheDB, seal, unseal

DATA = [table for table in TABLES if table != "meta"]


def test_values_survive_a_reopening_by_the_same_code_only(tmp_path: Path) -> None:
    store = tmp_path / "claims.sqlite"
    with CacheDB(store, "code-1") as db:
        for table in DATA:
            db.put(table, "k", seal(f"value of {table}"))
    with CacheDB(store, "code-1") as db:
        assert [db.get(t, "k", unseal) for t in DATA] == [f"value of {t}" for t in DATA]
    with CacheDB(store, "code-2") as db:
        assert [db.get(t, "k", unseal) for t in DATA] == [None] * len(DATA)
    with CacheDB(store, "code-2") as db:
        db.put("claims", "k", seal("new"))
    with CacheDB(store, "code-2") as db:
        assert db.get("claims", "k", unseal) == "new"
