"""Gathering the claims of a corpus, through the cache when there is one.

An article file whose stamp is unchanged since the last run is not read at all:
the cache knows its documents' keys, and their claims are fetched only if an
evaluation needs them. A changed file is read, its documents' claims looked up
or extracted, and its new stamp recorded once the file has settled.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from crosscheck.cache.claims import ClaimCache
from crosscheck.cache.keys import corpus_key, file_key, ruleset_key
from crosscheck.dsl.ast import RuleSet
from crosscheck.fs.reader import FileReader
from crosscheck.fs.stamp import FileStamp, is_settled
from crosscheck.load.articles import ArticleFile, LoadError, iter_article_files, load_file
from crosscheck.load.claims import read_claims
from crosscheck.load.selection import FileSelection
from crosscheck.model import Claim, Document
from crosscheck.pipeline.parallel import extract_all

if TYPE_CHECKING:  # numpy comes with the `scale` extra: imported only for Parquet input
    from crosscheck.columns.table import ClaimColumns

Progress = Callable[[str, int], None]  # (file name, documents done)


class StrictModeError(Exception):
    """A corpus file could not be read and ``--strict`` asked to stop."""

    def __init__(self, error: LoadError) -> None:
        super().__init__(error.render())
        self.error = error


@dataclass
class Gathered:
    """Claims gathered from a corpus or a claims file, and what could not be read.

    ``fingerprint`` identifies the claims (a hash of every document's cache key)
    when they went through the cache; ``claims`` are fetched on first use.
    """

    documents: int = 0
    errors: list[LoadError] = field(default_factory=list)
    fingerprint: str | None = None
    loader: Callable[[], list[Claim]] = list
    # Claims read from Parquet as columns (``columns.table.ClaimColumns``): evaluated on
    # columns, with records made only for what findings cite (and for charts).
    columns: ClaimColumns | None = None

    @cached_property
    def claims(self) -> list[Claim]:
        """Every claim, in document order."""
        return self.loader()


@dataclass
class _Slot:
    """One article file: its stamp, its documents' keys and, once known, their claims."""

    article: ArticleFile
    stamp: FileStamp | None
    keys: list[str] = field(default_factory=list)
    # Of a file read this run, each document's claims (None: in the cache, not read yet).
    claims: list[list[Claim] | None] | None = None
    clean: bool = True


@dataclass
class _GatherState:
    """The state of one gathering: the files in reading order and who owns which document."""

    ruleset: RuleSet
    cache: ClaimCache | None
    jobs: int
    reader: FileReader
    gathered: Gathered = field(default_factory=Gathered)
    slots: list[_Slot] = field(default_factory=list)
    owners: deque[_Slot] = field(default_factory=deque)  # of each document on its way


def gather_corpus(
    paths: Sequence[Path],
    ruleset: RuleSet,
    *,
    manifest: Path | None = None,
    strict: bool = False,
    on_progress: Progress | None = None,
    jobs: int = 1,
    cache: ClaimCache | None = None,
    reader: FileReader | None = None,
    selection: FileSelection | None = None,
) -> Gathered:
    """The claims of every document under ``paths`` (read lazily from the cache when unchanged).

    Files are read through ``reader`` (a new one when not given); folders are walked as
    ``selection`` says (see ``load.articles.iter_article_files``).
    """
    reader = FileReader() if reader is None else reader
    run = _GatherState(ruleset, cache, jobs, reader)
    rules_key = ruleset_key(ruleset)
    files = iter_article_files(paths, manifest, reader, selection)
    to_read = _documents_to_read(run, files, strict, rules_key, on_progress)
    read = extract_all(to_read, ruleset, jobs=jobs, cache=cache, defer_cached=True)
    for document, key, claims in read:
        slot = run.owners.popleft()
        slot.keys.append(key)
        assert slot.claims is not None
        slot.claims.append(claims)
        run.gathered.documents += 1
        if on_progress is not None:
            on_progress(Path(document.path).name, run.gathered.documents)
    if cache is not None:
        _record_stamps(run, cache, rules_key)
        run.gathered.fingerprint = corpus_key(k for slot in run.slots for k in slot.keys)
    run.gathered.loader = lambda: [c for slot in run.slots for c in _claims_of(run, slot)]
    return run.gathered


def _documents_to_read(
    run: _GatherState,
    files: Iterable[ArticleFile | LoadError],
    strict: bool,
    rules_key: str,
    on_progress: Progress | None,
) -> Iterator[Document]:
    """The documents of changed files; unchanged ones become slots with known keys."""
    for item in files:
        if isinstance(item, LoadError):
            _load_error(run, item, strict)
            continue
        slot = _Slot(item, run.reader.stamp(item.path) if run.cache else None)
        run.slots.append(slot)
        known = run.cache.get_file(file_key(item, rules_key)) if run.cache else None
        if known is not None and slot.stamp is not None and known[0] == slot.stamp:
            slot.keys = known[1]
            run.gathered.documents += len(slot.keys)
            if on_progress is not None:
                on_progress(item.path.name, run.gathered.documents)
            continue
        slot.claims = []
        for loaded in load_file(item, run.reader):
            if isinstance(loaded, LoadError):
                slot.clean = False
                _load_error(run, loaded, strict)
            else:
                run.owners.append(slot)
                yield loaded


def _load_error(run: _GatherState, error: LoadError, strict: bool) -> None:
    if strict:
        raise StrictModeError(error)
    run.gathered.errors.append(error)


def _record_stamps(run: _GatherState, cache: ClaimCache, rules_key: str) -> None:
    """Remember the stamps of files read cleanly this time and no longer changing."""
    for slot in run.slots:
        read_now = slot.claims is not None and slot.clean
        settled = slot.stamp is not None and is_settled(slot.stamp)
        # A stamp that differs after reading means the file changed while being read.
        if read_now and settled and run.reader.stamp(slot.article.path) == slot.stamp:
            assert slot.stamp is not None
            cache.put_file(file_key(slot.article, rules_key), slot.stamp, slot.keys)


def _claims_of(run: _GatherState, slot: _Slot) -> Iterator[Claim]:
    """A file's claims: in memory, else from the cache, else read and extracted again.

    Once the cache is closed, claims not held in memory are read and extracted again.
    """
    cache = run.cache if run.cache is not None and run.cache.is_open else None
    per_document = slot.claims if slot.claims is not None else [None] * len(slot.keys)
    wanted = [key for key, claims in zip(slot.keys, per_document, strict=True) if claims is None]
    if wanted and cache is not None:
        found = iter(cache.get_many(wanted))
        per_document = [claims if claims is not None else next(found) for claims in per_document]
    if any(claims is None for claims in per_document):
        documents = (d for d in load_file(slot.article, run.reader) if isinstance(d, Document))
        extracted = extract_all(documents, run.ruleset, jobs=run.jobs, cache=cache)
        per_document = [claims for _, _, claims in extracted]
    for claims in per_document:
        assert claims is not None  # extracted without deferring
        yield from claims


def gather_claims_file(path: Path, ruleset: RuleSet, reader: FileReader | None = None) -> Gathered:
    """Claims supplied by another pipeline: JSON lines, or Parquet (a ``.parquet`` file or
    a folder of them)."""
    if path.suffix.lower() in (".parquet", ".parq") or path.is_dir():
        return _parquet_claims(path, ruleset, reader)
    claims, errors = read_claims(path, ruleset, reader)
    documents = len({c.document for c in claims})
    return Gathered(documents=documents, errors=errors, loader=lambda: claims)


def _parquet_claims(path: Path, ruleset: RuleSet, reader: FileReader | None) -> Gathered:
    """Claims of a Parquet file or folder, read as columns (no object per row)."""
    try:  # pyarrow and numpy come with the `scale` extra; JSON lines never need them
        from crosscheck.load.parquet_columns import read_parquet_columns
    except ImportError:
        hint = "reading Parquet needs pyarrow: pip install 'crosscheck-news[scale]'"
        return Gathered(errors=[LoadError(path.as_posix(), hint)])
    table, errors = read_parquet_columns(path, ruleset, reader)
    documents = len(table.document.distinct())
    return Gathered(documents, errors, loader=lambda: list(map(table.claim, range(len(table)))),
                    columns=table)  # fmt: skip
