"""Extraction over many documents: cache look-ups first, the rest in worker processes.

Documents are taken in batches so that memory stays flat while workers stay busy;
results come back in document order whatever ``jobs`` is, so output is the same
for ``--jobs 1`` and ``--jobs N``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import nullcontext
from itertools import islice
from typing import TYPE_CHECKING

from crosscheck.cache import ClaimCache
from crosscheck.cachekeys import document_key, ruleset_key
from crosscheck.dsl.ast import RuleSet
from crosscheck.model import Claim, Document

if TYPE_CHECKING:
    from crosscheck.extract import Extractor

BATCH_SIZE = 64

_worker_extractor: Extractor | None = None


def _new_extractor(ruleset: RuleSet) -> Extractor:
    # Imported on first use: a run answered from the cache never compiles the extractor.
    from crosscheck.extract import Extractor

    return Extractor(ruleset)


def _init_worker(ruleset: RuleSet) -> None:
    global _worker_extractor
    _worker_extractor = _new_extractor(ruleset)


def _extract_in_worker(document: Document) -> list[Claim]:
    assert _worker_extractor is not None, "worker not initialised"
    return _worker_extractor.claims(document)


def _batches(documents: Iterable[Document]) -> Iterator[list[Document]]:
    it = iter(documents)
    while batch := list(islice(it, BATCH_SIZE)):
        yield batch


def extract_all(
    documents: Iterable[Document],
    ruleset: RuleSet,
    *,
    jobs: int = 1,
    cache: ClaimCache | None = None,
) -> Iterator[tuple[Document, str, list[Claim]]]:
    """Each document with its cache key (empty without a cache) and its claims, in input order."""
    rules_key = ruleset_key(ruleset) if cache else ""
    local = _LazyExtractor(ruleset) if jobs <= 1 else None
    pool_context = (
        nullcontext(None)
        if jobs <= 1
        else ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(ruleset,))
    )
    with pool_context as pool:
        for batch in _batches(documents):
            keys = [document_key(d, rules_key) for d in batch] if cache else [""] * len(batch)
            found = cache.get_many(keys) if cache else [None] * len(batch)
            misses = [d for d, hit in zip(batch, found, strict=True) if hit is None]
            fresh = iter(_extract(misses, local, pool))
            for document, key, hit in zip(batch, keys, found, strict=True):
                claims = hit if hit is not None else next(fresh)
                if hit is None and cache is not None:
                    cache.put(key, claims)
                yield document, key, claims


class _LazyExtractor:
    """An extractor built when the first document needs one."""

    def __init__(self, ruleset: RuleSet) -> None:
        self._ruleset = ruleset
        self._extractor: Extractor | None = None

    def claims(self, document: Document) -> list[Claim]:
        """The document's claims."""
        if self._extractor is None:
            self._extractor = _new_extractor(self._ruleset)
        return self._extractor.claims(document)


def _extract(
    documents: list[Document], local: _LazyExtractor | None, pool: Executor | None
) -> list[list[Claim]]:
    if not documents:
        return []
    if pool is None:
        assert local is not None
        return [local.claims(d) for d in documents]
    return list(pool.map(_extract_in_worker, documents, chunksize=8))
