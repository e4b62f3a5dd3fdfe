"""``crosscheck check --engine dask``: the check pipeline's gathering and evaluation on a
Dask cluster; the command line writes the report as it writes any other.

The driver walks the corpus (or lists the Parquet files of ``--claims``) through the
run's ``FileReader``, so the files are inputs of the run, and noted as read; workers read
and extract them (every worker must see the same paths). Claims from a JSON-lines
``--claims`` file are read on the driver and spread over the workers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import dask.dataframe as dd

from crosscheck.dsl.ast import RuleSet
from crosscheck.fs.reader import FileReader
from crosscheck.load.articles import ArticleFile, iter_article_files
from crosscheck.load.claims import read_claims
from crosscheck.load.errors import LoadError
from crosscheck.load.selection import FileSelection
from crosscheck.model import DEFAULT_CITE, Report
from crosscheck.scale.cluster import connected
from crosscheck.scale.evaluate import Evaluated, evaluate_claims
from crosscheck.scale.extract import NOTE, extract_files, read_claim_files, read_notes
from crosscheck.scale.frames import claims_frame
from crosscheck.scale.workers import Shipped, ship

FILES_PER_TASK = 16


@dataclass(frozen=True)
class EngineRequest:
    """What a distributed check reads and where it runs."""

    paths: tuple[Path, ...]
    claims: Path | None
    manifest: Path | None
    selection: FileSelection
    scheduler: str | None
    workers: int
    cite: int = DEFAULT_CITE


@dataclass(frozen=True)
class EngineResult:
    """The report (waivers not yet applied), what could not be read, and the notes of
    groups too large for one worker."""

    report: Report
    errors: list[LoadError]
    large: list[str]


def check_on_dask(request: EngineRequest, ruleset: RuleSet, reader: FileReader) -> EngineResult:
    """Gather and evaluate on the cluster the request names (or a local one)."""
    shipped = ship(ruleset)
    with connected(request.scheduler, request.workers):
        if request.claims is not None:
            frame, documents, errors = _claims(request.claims, shipped, reader, request.workers)
        else:
            frame, documents, errors = _corpus(request, shipped, reader)
        count = len(frame)
        evaluated = evaluate_claims(frame, shipped, cite=request.cite)
    report = _report(evaluated, ruleset, count, documents)
    large = [item.text() for item in evaluated.large]
    return EngineResult(report, errors + list(evaluated.problems), large)


def _corpus(
    request: EngineRequest, shipped: Shipped, reader: FileReader
) -> tuple[dd.DataFrame, int, list[LoadError]]:
    files: list[ArticleFile] = []
    errors: list[LoadError] = []
    walked = iter_article_files(list(request.paths), request.manifest, reader, request.selection)
    for item in walked:
        if isinstance(item, LoadError):
            errors.append(item)
        else:
            reader.stamp(item.path)  # an input of the run: a replay knows when it changes
            files.append(item)
    claims, documents, problems = _split(extract_files(files, shipped, FILES_PER_TASK))
    return claims, documents, errors + problems


def _split(read: dd.DataFrame) -> tuple[dd.DataFrame, int, list[LoadError]]:
    """Claims, documents read and problems from a frame of claims and notes (read once)."""
    read = read.persist()
    documents, problems = read_notes(list(read[~read[NOTE].isna()][NOTE].compute()))
    return read[read[NOTE].isna()].drop(columns=[NOTE]), documents, problems


def _claims(
    path: Path, shipped: Shipped, reader: FileReader, workers: int
) -> tuple[dd.DataFrame, int, list[LoadError]]:
    ruleset = shipped.ruleset()
    if path.suffix.lower() in (".parquet", ".parq") or path.is_dir():
        files = _parquet_files(path, reader)
        if not files:
            return (
                dd.from_pandas(claims_frame([]), npartitions=1),
                0,
                [LoadError(path.as_posix(), "the folder holds no .parquet file")],
            )
        claims, _, problems = _split(read_claim_files(files, shipped))
        return claims, int(claims["document"].nunique().compute()), problems
    found, errors = read_claims(path, ruleset, reader)
    documents = len({claim.document for claim in found})
    parts = max(1, min(len(found) // 10_000 + 1, 4 * workers))
    return dd.from_pandas(claims_frame(found), npartitions=parts), documents, errors


def _parquet_files(path: Path, reader: FileReader) -> Sequence[Path]:
    if not path.is_dir():
        reader.stamp(path)
        return [path]
    files = [p for p in reader.listing(path) if p.suffix.lower() in (".parquet", ".parq")]
    for file in files:
        reader.stamp(file)
    return files


def _report(evaluated: Evaluated, ruleset: RuleSet, claims: int, documents: int) -> Report:
    return Report(
        findings=evaluated.findings,
        claims=claims,
        documents=documents,
        rules=len(ruleset.rules),
        skipped=evaluated.skipped,
    )
