"""How well each reading is supported, on columns (``findings.agreeing`` and ``standing``).

A reading agrees with the readings of its consensus group (its own time's leaf, or the
whole index for a rule not over time) that fail neither below nor above it on the
tolerance alone; for a rule not over time, the readings covering a most-covered starting
point are top. Standing (docs/semantics.md §10.2): top first, then fewer conflicts, more
agreements, claim order, operand.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from crosscheck.columns.ends import Ends
from crosscheck.columns.groups import Group
from crosscheck.columns.index import ColumnIndex
from crosscheck.columns.plan import Plan
from crosscheck.columns.readings import Readings

Ints = NDArray[np.int64]


@dataclass
class Stats:
    """Per reading: top, agreements, conflicts, standing (higher: better supported)."""

    top: NDArray[np.bool_]
    agrees: Ints
    conflicts: Ints
    standing: Ints

    @classmethod
    def empty(cls, size: int) -> Stats:
        """All zero."""
        zeros = np.zeros(size, dtype=np.int64)
        return cls(np.zeros(size, dtype=np.bool_), zeros.copy(), zeros.copy(), zeros.copy())


def support(plan: Plan, readings: Readings, ends: Ends, group: Group, stats: Stats) -> None:
    """Set the agreements of a group's readings, and which are top."""
    for ids, index in zip(group.members, group.indexes, strict=True):
        if index is None:
            continue
        if not plan.setup.over_time:
            below = _agree(readings, ends, index, 1, ids, stats)
            _tops(readings, ends, index, ids, below, stats)
            continue
        spans = readings.first[ids] * (2**32) + readings.last[ids]
        order = np.argsort(spans, kind="stable")
        cuts = np.flatnonzero(np.diff(spans[order])) + 1
        for alike in np.split(ids[order], cuts):
            if len(alike) == 1:  # alone on its day: it agrees with itself
                stats.agrees[alike] = 1
                continue
            first, last = int(readings.first[alike[0]]), int(readings.last[alike[0]])
            slot = index.size + index.leaf[(first, last)]
            _agree(readings, ends, index, slot, alike, stats)


def _agree(
    readings: Readings, ends: Ends, index: ColumnIndex, slot: int, ids: Ints, stats: Stats
) -> Ints:
    """Each reading's agreements in node ``slot``; the readings ended below each."""
    heads = readings.head[ids]
    below = index.before(
        slot, True, index.positions(slot, True, ends.limit_keys(heads, True, False))
    )
    up = index.positions(slot, False, ends.limit_keys(heads, False, False))
    above = index.total(slot, False) - index.before(slot, False, up)
    stats.agrees[ids] = len(ids) - below - above
    return below


def _tops(
    readings: Readings, ends: Ends, index: ColumnIndex, ids: Ints, below: Ints, stats: Stats
) -> None:
    """Mark the readings covering a most-covered starting point: the first such point at
    or above a reading's start is not above its upper end stretched by the tolerance."""
    t = ends.table
    heads = readings.head[ids]
    point = ends.point_keys(heads)
    started = index.before(1, False, index.positions(1, False, point))
    unbounded = len(ids) - index.total(1, False)
    cover = np.where(t.low_unbounded[heads], unbounded, started) - below
    peaks = np.unique(point[cover == cover.max(initial=0)])
    place = np.searchsorted(peaks, point, "left")
    found = place < len(peaks)
    peak = peaks[np.minimum(place, len(peaks) - 1)] if len(peaks) else point
    stats.top[ids] = found & (peak <= ends.limit_keys(heads, False, False))


def rank(readings: Readings, stats: Stats) -> None:
    """Standing of the readings of each scope group, from their support and conflicts."""
    ids = np.arange(len(readings))
    order = np.lexsort(
        (
            ids,
            readings.role,
            readings.rank,
            -stats.agrees,
            stats.conflicts,
            ~stats.top,
            readings.group,
        )
    )
    group = readings.group[order]
    new = np.ones(len(order), dtype=np.bool_)
    new[1:] = group[1:] != group[:-1]
    starts = np.flatnonzero(new)
    sizes = np.diff(np.append(starts, len(order)))
    start_of = np.repeat(starts, sizes)
    size_of = np.repeat(sizes, sizes)
    stats.standing[order] = size_of - (np.arange(len(order)) - start_of)
