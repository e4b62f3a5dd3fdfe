"""Claims as an Apache Parquet table (``crosscheck extract --format parquet -o FILE``).

The columns are ``load.parquet.CLAIMS_SCHEMA``'s: the claims contract, with each interval
end as an exact numerator and denominator (``*_exact``, ``"p/q"``, for one past 64 bits).
Renders bytes; the command line writes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from crosscheck.load.parquet import CLAIMS_SCHEMA
from crosscheck.model import Claim

_INT64 = range(-(2**63), 2**63)


def claims_table(claims: Sequence[Claim]) -> pa.Table:
    """The claims as a table in ``CLAIMS_SCHEMA``, one row per claim, in order."""
    columns: dict[str, list[Any]] = {name: [] for name in CLAIMS_SCHEMA.names}
    for claim in claims:
        for name, value in claim_row(claim).items():
            columns[name].append(value)
    return pa.Table.from_pydict(columns, schema=CLAIMS_SCHEMA)


def claim_row(claim: Claim) -> dict[str, Any]:
    """One claim as a row of ``CLAIMS_SCHEMA`` (a dict by column name)."""
    iv, as_of = claim.interval, claim.as_of
    return {
        "measure": claim.measure,
        "subject": claim.subject,
        **_end("low", iv.low),
        **_end("high", iv.high),
        "low_inclusive": iv.low_closed,
        "high_inclusive": iv.high_closed,
        "unit": claim.unit,
        "stated": claim.stated,
        "hedge": claim.hedge,
        "document": claim.document,
        "file": claim.file,
        "source": claim.source,
        "date": claim.date,
        "start": claim.start,
        "end": claim.end,
        "line": claim.line,
        "column": claim.column,
        "sentence": claim.sentence,
        "url": claim.url,
        "origin": claim.origin,
        "attribution": claim.attribution,
        "as_of_start": None if as_of is None else as_of.start,
        "as_of_end": None if as_of is None else as_of.end,
        "part": claim.part,
        "place": claim.place,
    }


def _end(name: str, value: Fraction | None) -> dict[str, Any]:
    fits = value is not None and value.numerator in _INT64 and value.denominator in _INT64
    return {
        f"{name}_numerator": value.numerator if fits and value is not None else None,
        f"{name}_denominator": value.denominator if fits and value is not None else None,
        f"{name}_exact": str(value) if value is not None and not fits else None,
    }


def render_parquet(claims: Sequence[Claim]) -> bytes:
    """The claims as the bytes of a Parquet file (zstd-compressed)."""
    sink = pa.BufferOutputStream()
    pq.write_table(claims_table(claims), sink, compression="zstd")
    return bytes(sink.getvalue().to_pybytes())
