"""A claim table filled batch by batch (a Parquet file read in parts), into arrays made
once for all its rows, so that no batch and the whole are ever held twice.

A text column's values are kept per batch as Arrow strings, not as Python strings in a
dictionary: the batches' values are merged once at the end (``dictionary_encode`` of
them all) and each batch's codes renumbered into the merged table. Ten million claims
of three or so per document have some three million document paths.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa

from crosscheck.columns.concat import NUMBERS, TEXTS
from crosscheck.columns.table import ClaimColumns, Coded
from crosscheck.columns.texts import texts_of
from crosscheck.interval import Interval


class Sink:
    """Rows appended part by part; ``columns()`` makes the table of them."""

    def __init__(self, rows: int) -> None:
        like = ClaimColumns.from_claims([])
        self.numbers = {n: np.empty(rows, dtype=getattr(like, n).dtype) for n in NUMBERS}
        self.codes = {n: np.empty(rows, dtype=np.int32) for n in TEXTS}
        self.values: dict[str, list[pa.Array]] = {n: [] for n in TEXTS}
        self.stops: list[int] = []
        self.wide: dict[int, Interval] = {}
        self.count = 0

    def add(self, part: dict[str, Any], wide: dict[int, Interval]) -> None:
        """Append a part's rows: its number arrays and ``Coded`` texts by column name."""
        start, stop = self.count, self.count + len(part["low"])
        for name in NUMBERS:
            self.numbers[name][start:stop] = part[name]
        for name in TEXTS:
            column: Coded = part[name]
            if column.values:  # else null in every row: filled in only if another part is not
                self.codes[name][start:stop] = column.codes
            self.values[name].append(pa.array(column.values, pa.string()))
        self.wide.update({start + row: interval for row, interval in wide.items()})
        self.stops.append(stop)
        self.count = stop

    def columns(self) -> ClaimColumns:
        """The table of the rows added."""
        done: dict[str, Any] = {n: a[: self.count] for n, a in self.numbers.items()}
        for name in TEXTS:
            done[name] = self._merged(name)
        self.values.clear()
        pa.default_memory_pool().release_unused()  # the batches' buffers, before ranking
        return ClaimColumns(**done, wide=self.wide)

    def _merged(self, name: str) -> Coded:
        """A text column's codes into one table of the batches' values (a column null in
        every row: one shared -1, read-only, no array of its own)."""
        codes, parts = self.codes[name][: self.count], self.values[name]
        if not any(len(values) for values in parts):
            return Coded(np.broadcast_to(np.int32(-1), (self.count,)), ())
        start = 0
        for stop, values in zip(self.stops, parts, strict=True):
            if not len(values):
                codes[start:stop] = -1
            start = stop
        if len(parts) == 1:
            return Coded(codes, texts_of(parts[0]))
        merged = pa.concat_arrays(parts).dictionary_encode()
        renumber = merged.indices.to_numpy(zero_copy_only=False).astype(np.int32)
        start, first = 0, 0
        for stop, values in zip(self.stops, parts, strict=True):
            remap = np.append(renumber[first : first + len(values)], np.int32(-1))
            codes[start:stop] = remap[codes[start:stop]]
            start, first = stop, first + len(values)
        return Coded(codes, texts_of(merged.dictionary))
