"""Claim tables joined end to end (the files of a folder). Pure."""

from __future__ import annotations

from dataclasses import fields

import numpy as np

from crosscheck.columns.table import ClaimColumns, Coded
from crosscheck.interval import Interval

TEXTS = tuple(f.name for f in fields(ClaimColumns) if f.type == "Coded")
NUMBERS = tuple(
    f.name for f in fields(ClaimColumns) if f.init and f.type != "Coded" and f.name != "wide"
)


def concat_columns(parts: list[ClaimColumns]) -> ClaimColumns:
    """One table of the parts' rows, in order (string tables merged)."""
    if len(parts) == 1:
        return parts[0]
    values: dict[str, object] = {
        name: merge_coded([getattr(p, name) for p in parts]) for name in TEXTS
    }
    for name in NUMBERS:
        columns = [getattr(p, name) for p in parts]
        values[name] = np.concatenate(columns) if columns else _empty(name)
    wide: dict[int, Interval] = {}
    offset = 0
    for part in parts:
        wide.update({offset + row: interval for row, interval in part.wide.items()})
        offset += len(part)
    return ClaimColumns(**values, wide=wide)  # type: ignore[arg-type]


def merge_coded(columns: list[Coded]) -> Coded:
    """The columns' rows in order, codes into one table of their values."""
    table: dict[str, int] = {}
    joined = []
    for column in columns:
        remap = np.array([table.setdefault(v, len(table)) for v in column.values] + [-1])
        joined.append(remap[column.codes].astype(np.int32))
    codes = np.concatenate(joined) if joined else np.empty(0, dtype=np.int32)
    return Coded(codes, tuple(table))


def _empty(name: str) -> object:
    return getattr(ClaimColumns.from_claims([]), name)
