"""The three cache layers: unchanged files are not read, unchanged evaluations not redone,
and anything changed or damaged is computed again, with the same result as no cache."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

import crosscheck.fs.stamp as stamp
import crosscheck.pipeline.gather as gather_module
from crosscheck.cache.claims import ClaimCache
from crosscheck.cache.db import CacheDB
from crosscheck.dsl.ast import RuleSet
from crosscheck.fs.reader import FileReader
from crosscheck.load.articles import ArticleFile, load_file
from crosscheck.load.rules import load_rules
from crosscheck.model import Document, Report
from crosscheck.pipeline.evaluation import evaluate_gathered
from crosscheck.pipeline.gather import Gathered, gather_corpus

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "rules" / "nk_deployment.rules"


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files count as settled at once, as for a corpus written long before the run.

    (A test cannot date a file's change time back, and waiting is slow.)
    """
    monkeypatch.setattr(stamp, "SETTLE_NS", 0)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in sorted((ROOT / "corpus").iterdir()):
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


@pytest.fixture
def ruleset() -> RuleSet:
    return load_rules(RULES)


class FileReads:
    """Counts the article files read from disk."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def __call__(self, article: ArticleFile, reader: FileReader) -> Iterator[Document | object]:
        self.names.append(article.path.name)
        return load_file(article, reader)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> FileReads:
    counter = FileReads()
    monkeypatch.setattr(gather_module, "load_file", counter)
    return counter


def run(
    corpus: Path, ruleset: RuleSet, store: Path, *, want_claims: bool = True
) -> tuple[Gathered, Report]:
    """One complete run, as from the command line (the cache commits when it closes)."""
    with CacheDB(store, "test", b"test secret") as db:
        cache = ClaimCache(db)
        gathered = gather_corpus([corpus], ruleset, cache=cache)
        report = evaluate_gathered(ruleset, gathered, cache=cache)
        if want_claims:
            assert gathered.claims is not None  # fetched while the cache is open
        return gathered, report


def uncached(corpus: Path, ruleset: RuleSet) -> tuple[Gathered, Report]:
    gathered = gather_corpus([corpus], ruleset)
    return gathered, evaluate_gathered(ruleset, gathered)


def test_settled_unchanged_files_are_not_read_again(
    corpus: Path, ruleset: RuleSet, reads: FileReads, tmp_path: Path, settled: None
) -> None:
    store = tmp_path / "cache.sqlite"
    _, first = run(corpus, ruleset, store)
    articles = len(reads.names)
    assert articles >= 10
    gathered, second = run(corpus, ruleset, store)
    assert len(reads.names) == articles  # nothing read the second time: claims came cached
    assert second == first
    assert gathered.documents == first.documents
    assert gathered.claims == uncached(corpus, ruleset)[0].claims


def test_claims_wanted_after_the_cache_closed_are_read_again(
    corpus: Path, ruleset: RuleSet, reads: FileReads, tmp_path: Path, settled: None
) -> None:
    store = tmp_path / "cache.sqlite"
    run(corpus, ruleset, store)
    reads.names.clear()
    gathered, _ = run(corpus, ruleset, store, want_claims=False)
    assert reads.names == []
    assert gathered.claims == uncached(corpus, ruleset)[0].claims
    assert len(reads.names) >= 10


def test_recently_written_files_are_read_every_time(
    corpus: Path, ruleset: RuleSet, reads: FileReads, tmp_path: Path
) -> None:
    store = tmp_path / "cache.sqlite"
    run(corpus, ruleset, store)
    articles = len(reads.names)
    _, report = run(corpus, ruleset, store)
    assert len(reads.names) == 2 * articles  # too fresh to trust their stamps
    assert report == uncached(corpus, ruleset)[1]


def test_rewritten_file_with_same_size_and_mtime_is_read_again(
    corpus: Path, ruleset: RuleSet, reads: FileReads, tmp_path: Path, settled: None
) -> None:
    store = tmp_path / "cache.sqlite"
    run(corpus, ruleset, store)
    target = next(p for p in sorted(corpus.glob("*.md")) if b"1,100" in p.read_bytes())
    before = target.stat()
    target.write_bytes(target.read_bytes().replace(b"1,100", b"1,900", 1))
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `touch -r` would
    assert target.stat().st_size == before.st_size
    reads.names.clear()
    _, report = run(corpus, ruleset, store)
    assert reads.names == [target.name]  # the change time gave it away
    assert report == uncached(corpus, ruleset)[1]


def test_evaluation_is_recalled_only_for_the_same_rules_and_claims(
    corpus: Path,
    ruleset: RuleSet,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    settled: None,
) -> None:
    store = tmp_path / "cache.sqlite"
    _, first = run(corpus, ruleset, store)

    def no_evaluation(*args: object, **kwargs: object) -> None:
        raise AssertionError("evaluated although the report was cached")

    with monkeypatch.context() as patched:
        patched.setattr("crosscheck.evaluate.evaluate", no_evaluation)
        assert run(corpus, ruleset, store, want_claims=False)[1] == first
    fewer = RuleSet(**{**vars(ruleset), "rules": ruleset.rules[:1]})
    _, narrowed = run(corpus, fewer, store)
    assert narrowed == uncached(corpus, fewer)[1]
    assert narrowed != first


def test_manifest_change_reaches_claims_of_unchanged_files(
    corpus: Path, ruleset: RuleSet, tmp_path: Path, settled: None
) -> None:
    plain = corpus / "plain.txt"
    plain.write_text("About 300 North Korean soldiers have been killed.\n", encoding="utf-8")
    store = tmp_path / "cache.sqlite"
    gathered, _ = run(corpus, ruleset, store)
    assert {c.source for c in gathered.claims if c.document.endswith("plain.txt")} == {"plain"}
    manifest = corpus / "manifest.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text + "plain.txt:\n  source: Quarry Gazette\n", encoding="utf-8")
    gathered, _ = run(corpus, ruleset, store)
    sources = {c.source for c in gathered.claims if c.document.endswith("plain.txt")}
    assert sources == {"Quarry Gazette"}


def _fresh_copies(corpus: Path) -> None:
    """Every file replaced by a copy of itself: new stamps, same bytes (a fresh checkout)."""
    for path in corpus.iterdir():
        copy = path.with_name(path.name + ".copy")
        copy.write_bytes(path.read_bytes())
        os.replace(copy, path)


@pytest.mark.parametrize("damaged", [False, True], ids=["intact", "damaged"])
def test_claims_of_files_read_again_are_fetched_only_when_wanted(
    corpus: Path,
    ruleset: RuleSet,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    settled: None,
    damaged: bool,
) -> None:
    store = tmp_path / "cache.sqlite"
    _, first = run(corpus, ruleset, store)
    _fresh_copies(corpus)
    if damaged:
        with sqlite3.connect(store) as db:
            db.execute("UPDATE claims SET payload = 'x' || payload")
    fetched: list[int] = []
    real_get_many = ClaimCache.get_many
    monkeypatch.setattr(
        ClaimCache,
        "get_many",
        lambda self, keys: fetched.append(len(keys)) or real_get_many(self, keys),
    )
    with CacheDB(store, "test", b"test secret") as db:
        cache = ClaimCache(db)
        gathered = gather_corpus([corpus], ruleset, cache=cache)
        assert evaluate_gathered(ruleset, gathered, cache=cache) == first  # the report is recalled
        assert fetched == []  # so no claims were read
        assert gathered.claims == uncached(corpus, ruleset)[0].claims
    # Each document's claims read once; damaged ones found so, then extracted again.
    assert sum(fetched) == (2 if damaged else 1) * gathered.documents


@pytest.mark.parametrize("table", ["claims", "files", "outcomes"])
def test_damaged_rows_are_recomputed_not_trusted(
    corpus: Path, ruleset: RuleSet, tmp_path: Path, table: str, settled: None
) -> None:
    store = tmp_path / "cache.sqlite"
    _, first = run(corpus, ruleset, store)
    with sqlite3.connect(store) as db:
        rows = db.execute(f"SELECT key, payload FROM {table}").fetchall()
        assert rows
        for key, payload in rows:
            # One changed digit still parses as JSON: only the checksum notices it.
            checksum, body = payload[:32], payload[32:]
            damaged = checksum + (body.replace("1", "7", 1) if "1" in body else body[:-1])
            db.execute(f"UPDATE {table} SET payload = ? WHERE key = ?", (damaged, key))
    gathered, second = run(corpus, ruleset, store)
    assert second == first
    assert gathered.claims == uncached(corpus, ruleset)[0].claims


def test_a_cache_that_cannot_be_written_is_reported_not_fatal(
    corpus: Path, ruleset: RuleSet, tmp_path: Path
) -> None:
    db = CacheDB(tmp_path / "cache.sqlite", "test", b"test secret")
    db._db.execute("PRAGMA query_only = ON")  # every write now fails, as on a read-only disk
    cache = ClaimCache(db)
    gathered = gather_corpus([corpus], ruleset, cache=cache)
    report = evaluate_gathered(ruleset, gathered, cache=cache)
    db.close()
    assert db.write_failure is not None
    assert "cannot update the cache" in db.write_failure
    assert report == uncached(corpus, ruleset)[1]
