"""Extraction as a map over documents: article files, or a table of articles.

Each task reads its documents (files are read where the task runs: every worker must see
the same paths) and extracts them with the extractor its worker built once for the rule
set (``workers.Shipped``). Claims come back as rows in the Parquet columns, with a
``note`` column, null for a claim: a row that is no claim notes, as JSON, a file that
could not be read (a list: the ``LoadError``) or how many documents a task read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any

import dask.dataframe as dd
import pandas as pd
import pyarrow as pa

from crosscheck.fs.reader import FileReader
from crosscheck.load.articles import ArticleFile, load_file
from crosscheck.load.errors import LoadError
from crosscheck.load.parquet import read_parquet_claims
from crosscheck.model import Claim, Document
from crosscheck.scale.frames import claims_frame, empty_claims
from crosscheck.scale.workers import Shipped

NOTE = "note"
ARTICLE_COLUMNS = ("path", "text", "source", "date", "url", "title")


def extract_files(files: Sequence[ArticleFile], shipped: Shipped, per_task: int) -> dd.DataFrame:
    """The claims of the files, ``per_task`` files a task, in file order, with a
    ``note`` column (null for a claim)."""
    chunks = [tuple(files[i : i + per_task]) for i in range(0, len(files), per_task)]
    meta = empty_claims(**{NOTE: pa.string()})
    if not chunks:
        return dd.from_pandas(meta, npartitions=1)
    return dd.from_map(_extract_chunk, chunks, shipped=shipped, meta=meta, enforce_metadata=False)


def _extract_chunk(files: tuple[ArticleFile, ...], shipped: Shipped) -> pd.DataFrame:
    extractor, reader = shipped.extractor(), FileReader()
    claims: list[Claim] = []
    notes = []
    documents = 0
    for article in files:
        for loaded in load_file(article, reader):
            if isinstance(loaded, LoadError):
                notes.append(problem_json(loaded))
            else:
                documents += 1
                claims.extend(extractor.claims(loaded))
    notes.append(json.dumps({"documents": documents}))
    frame = claims_frame(claims)
    frame[NOTE] = pd.array([None] * len(frame), dtype=pd.ArrowDtype(pa.string()))
    rows = empty_claims(**{NOTE: pa.string()}).reindex(range(len(notes)))
    rows[NOTE] = pd.array(notes, dtype=pd.ArrowDtype(pa.string()))
    return pd.concat([frame, rows], ignore_index=True)


def read_claim_files(files: Sequence[Path], shipped: Shipped) -> dd.DataFrame:
    """The claims of Parquet files, a task each, rows checked as ``check --claims`` checks
    them (a bad row is a note naming its file and row), with a ``note`` column."""
    meta = empty_claims(**{NOTE: pa.string()})
    return dd.from_map(_read_claims, list(files), shipped=shipped, meta=meta,
                       enforce_metadata=False)  # fmt: skip


def _read_claims(path: Path, shipped: Shipped) -> pd.DataFrame:
    claims, problems = read_parquet_claims(path, shipped.ruleset())
    frame = claims_frame(claims)
    frame[NOTE] = pd.array([None] * len(frame), dtype=pd.ArrowDtype(pa.string()))
    if not problems:
        return frame
    rows = empty_claims(**{NOTE: pa.string()}).reindex(range(len(problems)))
    rows[NOTE] = pd.array([problem_json(p) for p in problems], dtype=pd.ArrowDtype(pa.string()))
    return pd.concat([frame, rows], ignore_index=True)


def problem_json(error: LoadError) -> str:
    """A load error as JSON text."""
    return json.dumps([error.path, error.message, error.line, error.column, error.severity])


def problem_of(text: str) -> LoadError:
    """The load error ``problem_json`` wrote."""
    path, message, line, column, severity = json.loads(text)
    return LoadError(path, message, line, column, severity)


def read_notes(notes: Sequence[str]) -> tuple[int, list[LoadError]]:
    """How many documents the notes say were read, and the problems they hold."""
    documents, problems = 0, []
    for note in notes:
        value = json.loads(note)
        if isinstance(value, dict):
            documents += int(value["documents"])
        else:
            problems.append(problem_of(note))
    return documents, problems


def extract_articles(articles: dd.DataFrame, shipped: Shipped) -> dd.DataFrame:
    """The claims of a table of articles: a ``path`` (the document's name, cited with
    its claims) and a ``text`` column, and optionally ``source`` (default: the path's
    stem), ``date`` (ISO text or a date), ``url`` and ``title``."""
    missing = [c for c in ("path", "text") if c not in articles.columns]
    if missing:
        raise ValueError(f"the articles frame needs a {' and a '.join(missing)} column")
    return articles.map_partitions(
        _extract_rows, shipped, meta=empty_claims(), enforce_metadata=False
    )


def _extract_rows(frame: pd.DataFrame, shipped: Shipped) -> pd.DataFrame:
    extractor = shipped.extractor()
    claims: list[Claim] = []
    for row in frame.to_dict("records"):
        claims.extend(extractor.claims(article_document(row)))
    return claims_frame(claims)


def article_document(row: dict[str, Any]) -> Document:
    """A document from one row of an articles table."""
    path = str(row["path"])
    return Document(
        path=path,
        text=str(row["text"]),
        source=_text(row.get("source")) or PurePosixPath(path).stem or path,
        date=_date(row.get("date")),
        url=_text(row.get("url")),
        title=_text(row.get("title")),
    )


def _text(value: Any) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


def _date(value: Any) -> dt.date | None:
    if value is None or (not isinstance(value, dt.date) and pd.isna(value)):
        return None
    if isinstance(value, dt.datetime | pd.Timestamp):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
