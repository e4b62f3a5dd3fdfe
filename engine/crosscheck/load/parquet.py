"""Read claims from Apache Parquet (``crosscheck check --claims FILE.parquet`` or a folder).

The table has the claims contract's fields (crosscheck/schemas/claims.schema.json) as
columns, but for the interval ends, which are exact rationals: ``low_numerator`` /
``low_denominator`` and ``high_numerator`` / ``high_denominator`` (int64; null for an
unbounded end), or, for an end too large for 64 bits, ``low_exact`` / ``high_exact``
holding ``"p/q"``. A float would round (1/3, or 0.1 scaled by a unit factor); the
pair of integers is exact and stays a plain numeric column for other tools. ``as_of``
is two date columns, ``as_of_start`` and ``as_of_end``.

Each row is checked as a JSON line of the contract is (``load.claims.claim_from_json``:
known measure and origin, unit converted to the measure's), so a Parquet file and a
JSON-lines file of the same claims give the same claims. A bad row is a ``LoadError``
naming the file and the row and is left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from crosscheck.dsl.ast import RuleSet
from crosscheck.fs.reader import FileReader
from crosscheck.hedges import ReadingSettings
from crosscheck.load.claims import claim_from_json
from crosscheck.load.errors import LoadError, LoadProblem
from crosscheck.model import Claim

_TEXT = pa.string()
_INT = pa.int64()
CLAIMS_SCHEMA = pa.schema(
    [
        ("measure", _TEXT),
        ("subject", _TEXT),
        ("low_numerator", _INT),
        ("low_denominator", _INT),
        ("low_exact", _TEXT),
        ("high_numerator", _INT),
        ("high_denominator", _INT),
        ("high_exact", _TEXT),
        ("low_inclusive", pa.bool_()),
        ("high_inclusive", pa.bool_()),
        ("unit", _TEXT),
        ("stated", _TEXT),
        ("hedge", _TEXT),
        ("document", _TEXT),
        ("file", _TEXT),
        ("source", _TEXT),
        ("date", pa.date32()),
        ("start", _INT),
        ("end", _INT),
        ("line", _INT),
        ("column", _INT),
        ("sentence", _TEXT),
        ("url", _TEXT),
        ("origin", _TEXT),
        ("attribution", _TEXT),
        ("as_of_start", pa.date32()),
        ("as_of_end", pa.date32()),
        ("part", _TEXT),
        ("place", _TEXT),
    ]
)
REQUIRED = ("measure", "low_numerator", "low_denominator", "high_numerator", "high_denominator")
SUFFIXES = (".parquet", ".parq")


def read_parquet_claims(
    path: Path, ruleset: RuleSet, reader: FileReader | None = None
) -> tuple[list[Claim], list[LoadError]]:
    """The claims of the Parquet file at ``path`` (or of every ``.parquet`` file in the
    folder, in name order), and the problems of rows left out."""
    reader = FileReader() if reader is None else reader
    claims: list[Claim] = []
    errors: list[LoadError] = []
    for file in parquet_files(path, reader, errors):
        name = file.as_posix()
        try:
            with reader.open_binary(file) as handle:
                table = pq.read_table(handle)
        except (OSError, pa.ArrowException) as err:
            errors.append(unreadable(name, err))
            continue
        found, problems = claims_from_table(table, ruleset, name)
        claims.extend(found)
        errors.extend(problems)
    return claims, errors


def parquet_files(path: Path, reader: FileReader, errors: list[LoadError]) -> list[Path]:
    """The file at ``path``, or the ``.parquet`` files of the folder in name order (an
    empty folder is a problem in ``errors``)."""
    if not path.is_dir():
        return [path]
    files = sorted(p for p in reader.listing(path) if p.suffix.lower() in SUFFIXES)
    if not files:
        errors.append(LoadError(path.as_posix(), "the folder holds no .parquet file"))
    return files


def unreadable(name: str, err: OSError | pa.ArrowException) -> LoadError:
    """The problem of a Parquet file that could not be read at all."""
    if isinstance(err, OSError):
        return LoadError(name, f"cannot read claims file: {err.strerror or err}")
    return LoadError(name, f"not a Parquet file crosscheck can read: {err}")


def claims_from_table(
    table: pa.Table, ruleset: RuleSet, name: str
) -> tuple[list[Claim], list[LoadError]]:
    """The claims of a table in ``CLAIMS_SCHEMA`` (extra columns are ignored; missing
    optional ones are null), and the problems of its rows, named ``NAME: row N``."""
    missing = [column for column in REQUIRED if column not in table.column_names]
    if missing:
        shown = ", ".join(f"`{column}`" for column in missing)
        return [], [LoadError(name, f"missing column {shown} (see docs/scale.md)")]
    settings = ReadingSettings.with_overrides(ruleset.hedges, ruleset.vague)
    claims: list[Claim] = []
    errors: list[LoadError] = []
    for row_no, row in enumerate(_rows(table), start=1):
        try:
            claim, warnings = claim_from_json(claim_object(row), ruleset, settings)
        except LoadProblem as problem:
            errors.append(LoadError(name, f"row {row_no}: {problem}"))
            continue
        claims.append(claim)
        errors.extend(LoadError(name, f"row {row_no}: {w}", severity="warning") for w in warnings)
    return claims, errors


def _rows(table: pa.Table) -> Iterator[dict[str, Any]]:
    for batch in table.to_batches(max_chunksize=65_536):
        yield from batch.to_pylist()


def claim_object(row: Mapping[str, Any]) -> dict[str, Any]:
    """A row as the claims contract's JSON object (exact ``low``/``high``)."""
    obj = {k: v for k, v in row.items() if k in _PLAIN and v is not None}
    obj["low"] = _end(row, "low")
    obj["high"] = _end(row, "high")
    for key in ("low_inclusive", "high_inclusive"):
        if row.get(key) is not None:
            obj[key] = bool(row[key])
    if isinstance(row.get("date"), dt.date):
        obj["date"] = row["date"].isoformat()
    end = row.get("as_of_end")
    if isinstance(end, dt.date):
        start = row.get("as_of_start")
        first = start.isoformat() if isinstance(start, dt.date) else None
        obj["as_of"] = {"start": first, "end": end.isoformat()}
    return obj


_PLAIN = frozenset(
    ("measure", "subject", "unit", "stated", "hedge", "document", "file", "source",
     "start", "end", "line", "column", "sentence", "url", "origin", "attribution", "part",
     "place")
)  # fmt: skip


def _end(row: Mapping[str, Any], end: str) -> Fraction | None:
    """An interval end from its columns; None when unbounded."""
    exact = row.get(f"{end}_exact")
    if exact is not None:
        try:
            return Fraction(exact)
        except (ValueError, ZeroDivisionError):
            raise LoadProblem(f"`{end}_exact` {exact!r} is not a rational such as 7/3") from None
    numerator, denominator = row.get(f"{end}_numerator"), row.get(f"{end}_denominator")
    if numerator is None and denominator is None:
        return None
    if numerator is None or denominator is None or denominator <= 0:
        raise LoadProblem(
            f"`{end}_numerator` {numerator} / `{end}_denominator` {denominator} is not a "
            "number (both null for an unbounded end, the denominator above 0)"
        )
    return Fraction(numerator, denominator)
