"""A place named with a figure is a part when the claims count that place as a part, on
columns (``evaluate.places`` on records)."""

from __future__ import annotations

import numpy as np

from crosscheck.columns.table import ClaimColumns, Coded
from crosscheck.evaluate.places import parts_counted
from crosscheck.evaluate.scopes import part_key


def places_as_parts(table: ClaimColumns) -> ClaimColumns:
    """``table`` with each row that has no part but a place that a row counts as a part
    given that place as its part."""
    used = np.unique(table.part.codes)
    counted = parts_counted(table.part.values[code] for code in used[used >= 0].tolist())
    if not counted or not table.place.values:
        return table
    takes = np.array([part_key(v) in counted for v in table.place.values] + [False])
    moved = (table.part.codes < 0) & takes[table.place.codes]
    if not moved.any():
        return table
    codes = table.part.codes.copy()
    codes[moved] = table.place.codes[moved] + len(table.part.values)
    return table.with_part(Coded(codes, table.part.values + table.place.values))
