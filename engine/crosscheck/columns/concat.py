"""Claim tables joined end to end (the files of a folder), or filled part by part (the
batches of one file). Pure."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

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


class Sink:
    """A table filled part by part into arrays made once for at most ``rows`` rows, so
    that no part and the whole are ever held twice (a file read batch by batch)."""

    def __init__(self, rows: int) -> None:
        like = ClaimColumns.from_claims([])
        self.numbers = {n: np.empty(rows, dtype=getattr(like, n).dtype) for n in NUMBERS}
        self.codes = {n: np.empty(rows, dtype=np.int32) for n in TEXTS}
        self.values: dict[str, dict[str, int]] = {n: {} for n in TEXTS}
        self.wide: dict[int, Interval] = {}
        self.count = 0

    def add(self, part: dict[str, Any], wide: dict[int, Interval]) -> None:
        """Append a part's rows: its number arrays and ``Coded`` texts by column name."""
        start, stop = self.count, self.count + len(part["low"])
        for name in NUMBERS:
            self.numbers[name][start:stop] = part[name]
        for name in TEXTS:
            column: Coded = part[name]
            table = self.values[name]
            remap = np.array([table.setdefault(v, len(table)) for v in column.values] + [-1])
            self.codes[name][start:stop] = remap[column.codes]
        self.wide.update({start + row: interval for row, interval in wide.items()})
        self.count = stop

    def columns(self) -> ClaimColumns:
        """The table of the rows added."""
        done: dict[str, Any] = {n: a[: self.count] for n, a in self.numbers.items()}
        for name in TEXTS:
            done[name] = Coded(self.codes[name][: self.count], tuple(self.values[name]))
        return ClaimColumns(**done, wide=self.wide)
