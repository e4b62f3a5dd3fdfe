"""A place named with a figure is a part when the claims count that place as a part, on
columns (``evaluate.places`` on records)."""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from crosscheck.columns.table import ClaimColumns, Coded
from crosscheck.evaluate.places import part_named, parts_counted
from crosscheck.evaluate.scopes import part_key


def places_as_parts(table: ClaimColumns) -> ClaimColumns:
    """``table`` with each row that has no part given the part its place names
    (``evaluate.places.part_named``) among the parts the rows count (``parts_of``)."""
    used = np.unique(table.part.codes)
    counted = parts_counted(table.part.values[code] for code in used[used >= 0].tolist())
    counted |= _broken_down(table)
    if not counted or not table.place.values:
        return table
    named = [part_named(value, counted) for value in table.place.values]
    takes = np.array([part is not None for part in named] + [False])
    moved = (table.part.codes < 0) & takes[table.place.codes]
    if not moved.any():
        return table
    codes = table.part.codes.copy()
    codes[moved] = table.place.codes[moved] + len(table.part.values)
    values = table.part.values + tuple(part or "" for part in named)
    return table.with_part(Coded(codes, values))


def _broken_down(table: ClaimColumns) -> frozenset[str]:
    """The places a document names for a figure below the highest figure of that measure
    it gives with neither part nor place (``evaluate.places.parts_of``), compared exactly
    on the few documents that name a place."""
    free = table.part.codes < 0
    placed = np.flatnonzero(free & (table.place.codes >= 0) & ~table.high_unbounded)
    if not len(placed):
        return frozenset()
    key = table.document.codes.astype(np.int64) * (len(table.measure.values) + 1)
    key += table.measure.codes
    whole = free & (table.place.codes < 0) & ~table.low_unbounded
    whole &= np.isin(key, np.unique(key[placed]))
    tops: dict[int, Fraction] = {}
    for row in np.flatnonzero(whole).tolist():
        low = table.interval(row).low
        if low is not None and (int(key[row]) not in tops or low > tops[int(key[row])]):
            tops[int(key[row])] = low
    found = set()
    for row in placed.tolist():
        top, high = tops.get(int(key[row])), table.interval(row).high
        if top is not None and high is not None and high < top:
            found.add(part_key(table.place.values[table.place.codes[row]]))
    return frozenset(found)
