"""A place named with a figure is a part when the claims count that place as a part, on
columns (``evaluate.places`` on records)."""

from __future__ import annotations

import numpy as np

from crosscheck.columns.table import ClaimColumns, Coded
from crosscheck.evaluate.places import part_named, parts_counted


def places_as_parts(table: ClaimColumns) -> ClaimColumns:
    """``table`` with each row that has no part given the part its place names
    (``evaluate.places.part_named``) among the parts the rows count."""
    used = np.unique(table.part.codes)
    counted = parts_counted(table.part.values[code] for code in used[used >= 0].tolist())
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
