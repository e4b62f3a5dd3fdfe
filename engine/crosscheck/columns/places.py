"""A place named with a figure is a part when the claims count that place as a part, on
columns (``evaluate.places`` on records)."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
from numpy.typing import NDArray

from crosscheck.columns.table import NO_DAY, ClaimColumns, Coded
from crosscheck.evaluate.places import measure_part, measure_parts, part_named, parts_counted
from crosscheck.evaluate.scopes import part_key

Mask = NDArray[np.bool_]


def places_as_parts(table: ClaimColumns) -> ClaimColumns:
    """``table`` with each row that has no part given the part its place names for its
    measure (``evaluate.places.part_named``) among the parts the rows count (``parts_of``)."""
    used = np.unique(table.part.codes)
    counted = parts_counted(table.part.values[code] for code in used[used >= 0].tolist())
    counted |= _broken_down(table)
    if not counted or not table.place.values:
        return table
    free = table.part.codes < 0
    named = [part_named(value, counted) for value in table.place.values]
    takes = np.array([part is not None for part in named] + [False])
    moved = free & takes[table.place.codes]
    alone = free & ~moved & _named_for_measure(table, counted)
    if not moved.any() and not alone.any():
        return table
    codes = table.part.codes.copy()
    codes[moved] = table.place.codes[moved] + len(table.part.values)
    codes[alone] = table.place.codes[alone] + len(table.part.values) + len(named)
    values = (*table.part.values, *(part or "" for part in named), *table.place.values)
    return table.with_part(Coded(codes, values))


def _named_for_measure(table: ClaimColumns, counted: frozenset[str]) -> Mask:
    """Per row: whether its place is a part counted for its measure alone."""
    alone = measure_parts(counted)
    if not alone:
        return np.zeros(len(table), dtype=np.bool_)
    places: dict[str, list[int]] = {}
    for p, value in enumerate(table.place.values):
        places.setdefault(part_key(value), []).append(p)
    measures = {name: m for m, name in enumerate(table.measure.values)}
    pairs = [(measures[m], p) for m, key in alone if m in measures for p in places.get(key, ())]
    width = len(table.place.values) + 1
    wanted = np.array([m * width + p for m, p in pairs], dtype=np.int64)
    row_keys = table.measure.codes.astype(np.int64) * width + table.place.codes
    found: Mask = (table.place.codes >= 0) & np.isin(row_keys, wanted)
    return found


def _broken_down(table: ClaimColumns) -> frozenset[str]:
    """The places a document names for a figure below the highest figure of that measure
    it gives for the same days with neither part nor place (``evaluate.places.parts_of``),
    compared exactly on the few documents that name a place."""
    first, last = table.spans()
    free = (table.part.codes < 0) & (first != NO_DAY)
    placed = np.flatnonzero(free & (table.place.codes >= 0) & ~table.high_unbounded)
    if not len(placed):
        return frozenset()
    key = table.document.codes.astype(np.int64) * (len(table.measure.values) + 1)
    key += table.measure.codes
    whole = free & (table.place.codes < 0) & ~table.low_unbounded
    whole &= np.isin(key, np.unique(key[placed]))
    tops: dict[tuple[int, int, int], Fraction] = {}
    for row in np.flatnonzero(whole).tolist():
        low, at = table.interval(row).low, (int(key[row]), int(first[row]), int(last[row]))
        if low is not None and (at not in tops or low > tops[at]):
            tops[at] = low
    found = set()
    for row in placed.tolist():
        at = (int(key[row]), int(first[row]), int(last[row]))
        top, high = tops.get(at), table.interval(row).high
        if top is not None and high is not None and high < top:
            place = table.place.values[table.place.codes[row]]
            found.add(measure_part(table.measure.values[table.measure.codes[row]], part_key(place)))
    return frozenset(found)
