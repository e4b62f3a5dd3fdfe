"""How well each reading is supported, on columns (``findings.agreeing`` and ``standing``).

A reading agrees with the readings of its consensus group (its own time's leaf, or the
whole index for a rule not over time) that fail neither below nor above it on the
tolerance alone; for a rule not over time, the readings covering a most-covered starting
point are top. Standing (docs/semantics.md §10.2): top first, then fewer conflicts, more
agreements, claim order, operand.
"""

from __future__ import annotations

from bisect import bisect_left
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
        for span in np.unique(spans):
            alike = ids[spans == span]
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
    at = index.positions(slot, True, ends.limits(heads, True), ends.limit_keys(heads, True, False))
    below = index.before(slot, True, at)
    up = index.positions(
        slot,
        False,
        ends.limits(heads, False),
        ends.limit_keys(heads, False, False),
    )
    above = index.total(slot, False) - index.before(slot, False, up)
    stats.agrees[ids] = len(ids) - below - above
    return below


def _tops(
    readings: Readings, ends: Ends, index: ColumnIndex, ids: Ints, below: Ints, stats: Stats
) -> None:
    """Mark the readings covering a most-covered starting point."""
    t = ends.table
    heads = readings.head[ids]
    bounded = ~t.low_unbounded[heads]
    point = np.where(bounded, t.low[heads], -np.inf)
    at = index.positions(1, False, (point, point), lambda places: _points(ends, heads[places]))
    started = index.before(1, False, at)
    unbounded = len(ids) - index.total(1, False)
    cover = np.where(bounded, started, unbounded) - below
    most = cover.max(initial=0)
    peaks = sorted({_point(ends, int(h)) for h in heads[cover == most]}, key=lambda p: p)
    floats = np.array([p[0] for p in peaks], dtype=np.float64)
    lows, highs = ends.limits(heads, False)
    found = np.searchsorted(floats, point, "left")
    for i in range(len(ids)):
        place = int(found[i])
        if place < len(peaks) and floats[place] == point[i]:  # ties: the exact key decides
            place = bisect_left(peaks, _point(ends, int(heads[i])))
        if place == len(peaks):
            continue
        peak = peaks[place]
        if peak[0] < lows[i]:
            above = False
        elif peak[0] > highs[i]:
            above = True
        else:
            value, tie = ends.limit_key(int(heads[i]), False, False)
            above = peak[1] > value or (peak[1] == value and peak[2] > tie)  # type: ignore[operator]
        stats.top[ids[i]] = not above


def _points(ends: Ends, rows: Ints) -> list[tuple[object, int]]:
    """Where readings start, as the exact keys of upward limits (each distinct end once)."""
    return ends.once(rows, False, lambda row: _point(ends, row)[1:])


def _point(ends: Ends, row: int) -> tuple[float, object, int]:
    """Where a reading starts: (float, exact, 1 if open), (-inf, 0, 0) unbounded."""
    t = ends.table
    if t.low_unbounded[row]:
        return (float("-inf"), 0, 0)
    return (float(t.low[row]), ends.value(row, False), 0 if t.low_closed[row] else 1)


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
