"""Extraction over many documents: cache look-ups first, the rest in worker processes.

Documents are taken in batches so that memory stays flat while workers stay busy;
results come back in document order whatever ``jobs`` is, so output is the same
for ``--jobs 1`` and ``--jobs N``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, Future
from contextlib import nullcontext
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from crosscheck.cache.claims import ClaimCache
from crosscheck.cache.keys import document_key, ruleset_key
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


def _extract_in_worker(documents: list[Document]) -> list[list[Claim]]:
    assert _worker_extractor is not None, "worker not initialised"
    return [_worker_extractor.claims(d) for d in documents]


def _process_pool(jobs: int, ruleset: RuleSet) -> Executor:
    # Imported here: multiprocessing costs start-up time that --jobs 1 need not pay.
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(ruleset,))


def _batches(documents: Iterable[Document]) -> Iterator[list[Document]]:
    it = iter(documents)
    while batch := list(islice(it, BATCH_SIZE)):
        yield batch


@dataclass
class _Batch:
    """Documents on their way: keys, which are stored, and the extraction of the rest."""

    documents: list[Document]
    keys: list[str]
    stored: list[bool]
    cached: list[list[Claim] | None]  # None where not stored, or not read yet
    fresh: Future[list[list[Claim]]] | list[list[Claim]]


def extract_all(
    documents: Iterable[Document],
    ruleset: RuleSet,
    *,
    jobs: int = 1,
    cache: ClaimCache | None = None,
    defer_cached: bool = False,
) -> Iterator[tuple[Document, str, list[Claim] | None]]:
    """Each document with its cache key (empty without a cache) and its claims, in input order.

    With ``defer_cached``, claims already in the cache are not read: they come as
    None, to be fetched by key if they are needed. With ``jobs`` > 1, a few batches
    are kept in flight so that workers never wait for this process to read the next
    documents.
    """
    rules_key = ruleset_key(ruleset) if cache else ""
    local = _LazyExtractor(ruleset) if jobs <= 1 else None
    pool_context = nullcontext(None) if jobs <= 1 else _process_pool(jobs, ruleset)
    in_flight = 2 * jobs if jobs > 1 else 0
    with pool_context as pool:
        window: deque[_Batch] = deque()
        for documents_now in _batches(documents):
            window.append(_start(documents_now, rules_key, cache, defer_cached, local, pool))
            while len(window) > in_flight:
                yield from _finish(window.popleft(), cache)
        while window:
            yield from _finish(window.popleft(), cache)


def _start(
    documents: list[Document],
    rules_key: str,
    cache: ClaimCache | None,
    defer_cached: bool,
    local: _LazyExtractor | None,
    pool: Executor | None,
) -> _Batch:
    """Look the documents up in the cache and set the extraction of the others going."""
    cached: list[list[Claim] | None] = [None] * len(documents)
    if cache is None:
        keys, stored = [""] * len(documents), [False] * len(documents)
    elif defer_cached:
        keys = [document_key(d, rules_key) for d in documents]
        stored = cache.has_many(keys)
    else:
        keys = [document_key(d, rules_key) for d in documents]
        cached = cache.get_many(keys)
        stored = [hit is not None for hit in cached]
    misses = [d for d, hit in zip(documents, stored, strict=True) if not hit]
    fresh: Future[list[list[Claim]]] | list[list[Claim]]
    if pool is not None and misses:
        fresh = pool.submit(_extract_in_worker, misses)
    else:
        fresh = [local.claims(d) for d in misses] if local is not None else []
    return _Batch(documents, keys, stored, cached, fresh)


def _finish(
    batch: _Batch, cache: ClaimCache | None
) -> Iterator[tuple[Document, str, list[Claim] | None]]:
    """The batch's documents with their claims, the new ones stored in the cache."""
    fresh = iter(batch.fresh.result() if isinstance(batch.fresh, Future) else batch.fresh)
    rows = zip(batch.documents, batch.keys, batch.stored, batch.cached, strict=True)
    for document, key, stored, hit in rows:
        if stored:
            yield document, key, hit
            continue
        claims = next(fresh)
        if cache is not None:
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
