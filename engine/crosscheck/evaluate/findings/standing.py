"""How well each reading is supported: largest agreeing sets, found by a sweep.

Values agree under a tolerance when they are within it both ways (docs/semantics.md
§3.2). Stretch each reading's upper end (relative ``p``: divided by ``1-p``; absolute
``a``: plus ``a``; exact: as it is): two readings can agree exactly when their stretched
intervals meet, and a set of readings can all agree at once exactly when the stretched
intervals share a point (intervals on a line that meet two by two share a point). For
a relative tolerance this is the interval graph of the readings in log space; the
stretch keeps zero and open ends exact, where logarithms would not. So the largest
sets that can agree at once are the points covered most often: one sort of the ends,
one sweep over the slots between them (each end's value, and each gap between two).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from crosscheck.evaluate.findings.readings import Reading
from crosscheck.evaluate.relations import Within


@dataclass(frozen=True)
class Sweep:
    """One consensus group swept: each reading's first and last slot, how many readings
    cover each slot, and the most any slot has."""

    readings: list[Reading]
    starts: list[int]
    ends: list[int]
    cover: list[int]
    most: int

    def members(self, slot: int) -> list[Reading]:
        """The readings covering ``slot``: one largest agreeing set when it is a top slot."""
        return [
            r
            for r, s, e in zip(self.readings, self.starts, self.ends, strict=True)
            if s <= slot <= e
        ]


def stretched_high(reading: Reading, within: Within) -> Fraction | None:
    """The reading's upper end, stretched by the tolerance (None: unbounded)."""
    high = reading.interval.high
    if high is None or (within.k == 1 and within.bound == 0):
        return high
    return (high + within.bound) / within.k


def sweep(readings: list[Reading], within: Within) -> Sweep:
    """Slots of the readings' stretched intervals and how often each is covered.

    Slots: 0 is below every end, ``2i+1`` the end value ``x_i`` itself, ``2i+2`` the gap
    above it. A closed end covers its value's slot, an open end stops at the gap.
    """
    highs = [stretched_high(r, within) for r in readings]
    values = sorted(
        {r.interval.low for r in readings if r.interval.low is not None}
        | {h for h in highs if h is not None}
    )
    place = {value: i for i, value in enumerate(values)}
    last = 2 * len(values)
    starts, ends = [], []
    for reading, high in zip(readings, highs, strict=True):
        iv = reading.interval
        starts.append(0 if iv.low is None else 2 * place[iv.low] + (1 if iv.low_closed else 2))
        ends.append(last if high is None else 2 * place[high] + (1 if iv.high_closed else 0))
    diff = [0] * (last + 2)
    for start, end in zip(starts, ends, strict=True):
        diff[start] += 1
        diff[end + 1] -= 1
    cover, running = [], 0
    for step in diff[: last + 1]:
        running += step
        cover.append(running)
    return Sweep(readings, starts, ends, cover, max(cover, default=0))


def agree_counts(swept: Sweep) -> list[int]:
    """For each reading, how many readings of its group it can agree with (itself too)."""
    starts, ends = sorted(swept.starts), sorted(swept.ends)
    total = len(starts)
    return [
        total - bisect_left(ends, start) - (total - bisect_right(starts, end))
        for start, end in zip(swept.starts, swept.ends, strict=True)
    ]


def top_slots(swept: Sweep, most: int) -> list[int]:
    """The slots covered by ``most`` readings (none when the group has no such slot)."""
    return (
        [slot for slot, count in enumerate(swept.cover) if count == most]
        if swept.most == most
        else []
    )


def rank(readings: Sequence[Reading], within: Within, over_time: bool) -> list[Sweep]:
    """Set every reading's ``agrees``, ``top`` and ``standing`` (docs/semantics.md §10.2);
    the sweeps of the consensus groups that hold a largest agreeing set, in order."""
    groups: dict[tuple[str, int, object], list[Reading]] = defaultdict(list)
    for reading in readings:
        span = reading.span if over_time else None
        groups[(reading.group, reading.role, span)].append(reading)
    sweeps = {key: sweep(members, within) for key, members in groups.items()}
    most: dict[tuple[str, int], int] = defaultdict(int)
    for (group, role, _), swept in sweeps.items():
        most[(group, role)] = max(most[(group, role)], swept.most)
    tops: list[Sweep] = []
    for (group, role, _), swept in sweeps.items():
        slots = top_slots(swept, most[(group, role)])
        for reading, count, start, end in zip(
            swept.readings, agree_counts(swept), swept.starts, swept.ends, strict=True
        ):
            reading.agrees = count
            index = bisect_left(slots, start)
            reading.top = index < len(slots) and slots[index] <= end
        if slots:
            tops.append(swept)
    _order(readings)
    return tops


def _order(readings: Sequence[Reading]) -> None:
    """Standing: top first, then more agreement, then earlier in claim order (§10.2)."""
    by_group: dict[str, list[Reading]] = defaultdict(list)
    for reading in readings:
        by_group[reading.group].append(reading)
    for members in by_group.values():
        members.sort(key=lambda r: (not r.top, -r.agrees, r.order))
        for position, reading in enumerate(members):
            reading.standing = len(members) - position
