"""Issue 19, item 2: a cache file that is not crosscheck's own is never modified.

A cloned repository or a restored CI cache can carry ``.crosscheck/claims.sqlite`` (or
``.crosscheck`` itself) as a symlink to another SQLite database. crosscheck stamps its
own database (SQLite's ``application_id``) and touches no table of a file without that
stamp: it warns and runs without the cache, with the output of ``--no-cache``.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from crosscheck.cache.db import APPLICATION_ID, CacheDB, NotACache
from crosscheck.cli import main

from .sample import copy_sample

CHECK = ["check", "corpus", "--rules", "rules", "-j", "1", "--format", "json"]


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return copy_sample(tmp_path / "work", monkeypatch)


def _foreign(path: Path) -> str:
    """A database another program owns, with tables named like crosscheck's; its hash."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as db:
        for table in ("meta", "files", "claims", "runs", "outcomes"):
            db.execute(f"CREATE TABLE {table} (key TEXT PRIMARY KEY, payload TEXT NOT NULL)")
            db.execute(f"INSERT INTO {table} VALUES ('precious', 'do not delete')")
        db.execute("CREATE TABLE accounts (name TEXT)")
        db.execute("INSERT INTO accounts VALUES ('alice')")
    return _hash(path)


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _uncached(capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main([*CHECK, "--no-cache"])
    return code, capsys.readouterr().out


def _runs_without_touching(capsys: pytest.CaptureFixture[str], foreign: Path) -> None:
    before, expected = _hash(foreign), _uncached(capsys)
    for _ in range(2):
        code = main(CHECK)
        out, err = capsys.readouterr()
        assert (code, out) == expected
        assert "not a crosscheck cache" in err and "Traceback" not in err
    assert _hash(foreign) == before
    with sqlite3.connect(foreign) as db:
        assert db.execute("SELECT payload FROM meta").fetchall() == [("do not delete",)]
        assert db.execute("SELECT payload FROM files").fetchall() == [("do not delete",)]


def test_a_linked_cache_file_is_not_emptied(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    foreign = tmp_path / "app" / "data.sqlite"
    _foreign(foreign)
    Path(".crosscheck").mkdir()
    os.symlink(foreign, ".crosscheck/claims.sqlite")
    _runs_without_touching(capsys, foreign)
    assert os.path.islink(".crosscheck/claims.sqlite")


def test_a_linked_cache_folder_is_not_emptied(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    foreign = tmp_path / "app" / "claims.sqlite"
    _foreign(foreign)
    os.symlink(foreign.parent, ".crosscheck")
    _runs_without_touching(capsys, foreign)


def test_a_foreign_database_in_the_cache_folder_is_left_alone(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    foreign = Path(".crosscheck/claims.sqlite")
    _foreign(foreign)
    _runs_without_touching(capsys, foreign)


def test_a_link_to_a_file_that_is_no_database_is_not_replaced(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n" * 100, encoding="utf-8")
    Path(".crosscheck").mkdir()
    os.symlink(notes, ".crosscheck/claims.sqlite")
    expected = _uncached(capsys)
    assert (main(CHECK), capsys.readouterr().out) == expected
    assert notes.read_text(encoding="utf-8") == "my notes\n" * 100
    assert os.path.islink(".crosscheck/claims.sqlite")


def test_a_link_to_an_empty_file_is_not_written_through(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.touch()
    Path(".crosscheck").mkdir()
    os.symlink(empty, ".crosscheck/claims.sqlite")
    expected = _uncached(capsys)
    assert (main(CHECK), capsys.readouterr().out) == expected
    assert empty.read_bytes() == b""


def test_crosscheck_stamps_its_database_and_keeps_using_it(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = _uncached(capsys)
    for _ in range(2):
        assert (main(CHECK), capsys.readouterr()) == (expected[0], (expected[1], ""))
    with sqlite3.connect(".crosscheck/claims.sqlite") as db:
        assert db.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
    # A cache of crosscheck's own, moved elsewhere and linked to, is used.
    os.rename(".crosscheck", tmp_path / "kept")
    os.symlink(tmp_path / "kept", ".crosscheck")
    assert (main(CHECK), capsys.readouterr()) == (expected[0], (expected[1], ""))


def test_the_store_refuses_an_unstamped_database(tmp_path: Path) -> None:
    foreign = tmp_path / "other.sqlite"
    before = _foreign(foreign)
    with pytest.raises(NotACache):
        CacheDB(foreign, "code", b"secret")
    assert _hash(foreign) == before
    with CacheDB(tmp_path / "ours.sqlite", "code", b"secret") as db:
        db.put("claims", "k", "v")
