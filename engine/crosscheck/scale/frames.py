"""Claims as table rows and back: pandas frames with Arrow types in the Parquet columns.

Arrow types keep the interval ends' 64-bit integers exact and their nulls null (NumPy
types would turn a nullable integer column into floats).
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import pandas as pd
import pyarrow as pa

from crosscheck.dsl.ast import RuleSet
from crosscheck.interval import Interval
from crosscheck.load.errors import LoadError
from crosscheck.load.parquet import CLAIMS_SCHEMA, claims_from_table
from crosscheck.model import AsOf, Claim
from crosscheck.report.parquet import claims_table


def to_frame(table: pa.Table) -> pd.DataFrame:
    """A pyarrow table as a pandas frame with Arrow types."""
    return table.to_pandas(types_mapper=pd.ArrowDtype)


def claims_frame(claims: Sequence[Claim]) -> pd.DataFrame:
    """The claims as a frame of ``CLAIMS_SCHEMA``'s columns, one row per claim."""
    return to_frame(claims_table(claims))


def empty_claims(**extra: pa.DataType) -> pd.DataFrame:
    """No claims: the columns and types of ``claims_frame`` (and ``extra`` ones)."""
    schema = CLAIMS_SCHEMA
    for name, kind in extra.items():
        schema = schema.append(pa.field(name, kind))
    return to_frame(schema.empty_table())


def frame_claims(
    frame: pd.DataFrame, ruleset: RuleSet, name: str
) -> tuple[list[Claim], list[LoadError]]:
    """The claims of a frame's rows (extra columns ignored), and the problems of rows
    left out, as ``load.parquet.claims_from_table`` reads a table."""
    table = pa.Table.from_pandas(frame, preserve_index=False)
    fields = [CLAIMS_SCHEMA.field(n) for n in table.column_names if n in CLAIMS_SCHEMA.names]
    table = table.select([f.name for f in fields]).cast(pa.schema(fields))
    return claims_from_table(table, ruleset, name)


def own_claims(frame: pd.DataFrame) -> list[Claim]:
    """The claims of rows this package wrote from checked claims (``claims_frame``), made
    without checking them again: the same claims, at a fraction of the cost."""
    table = pa.Table.from_pandas(frame, preserve_index=False)
    names = [n for n in table.column_names if n in CLAIMS_SCHEMA.names]
    return [_own_claim(row) for row in table.select(names).to_pylist()]


def _own_claim(row: dict[str, Any]) -> Claim:
    interval = Interval(_end(row, "low"), _end(row, "high"), row["low_inclusive"],
                        row["high_inclusive"])  # fmt: skip
    end = row["as_of_end"]
    as_of = None if end is None else AsOf.model_construct(start=row["as_of_start"], end=end)
    fields = {name: row[name] for name in _PLAIN}
    return Claim.model_construct(interval=interval, as_of=as_of, **fields)


def _end(row: dict[str, Any], end: str) -> Fraction | None:
    exact = row[f"{end}_exact"]
    if exact is not None:
        return Fraction(exact)
    numerator = row[f"{end}_numerator"]
    return None if numerator is None else Fraction(numerator, row[f"{end}_denominator"])


_PLAIN = (
    "measure", "subject", "unit", "stated", "hedge", "document", "file", "source", "date",
    "start", "end", "line", "column", "sentence", "url", "origin", "attribution", "part",
    "place",
)  # fmt: skip
