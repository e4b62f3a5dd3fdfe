"""How well each reading is supported: largest agreeing sets by a sweep, then standing.

Values agree under a tolerance when they are within it both ways (docs/semantics.md
§3.2). Stretch each reading's upper end (relative ``p``: divided by ``1-p``; absolute
``a``: plus ``a``; exact: as it is): two readings can agree exactly when their stretched
intervals meet, and a set of readings can all agree at once exactly when the stretched
intervals share a point (intervals on a line that meet two by two share a point). For
a relative tolerance this is the interval graph of the readings in log space; the
stretch keeps zero and open ends exact, where logarithms would not. So the largest
sets of claims that can agree at once are the points covered by the most claims: one
sort of the ends, one sweep over the slots between them (each end's value, and each
gap between two). Support counts readings, not claims: a figure that three outlets
print is one voice.

Standing (§10.2), best first: a member of a largest agreeing set (``top``, for rules
that do not compare over time), then fewer readings it fails with (``conflicts``), then
more readings of its consensus group it agrees with (``agrees``), then claim order.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import accumulate

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
        spans = zip(self.readings, self.starts, self.ends, strict=True)
        return [r for r, s, e in spans if s <= slot <= e]


def stretched_high(reading: Reading, within: Within) -> Fraction | None:
    """The reading's upper end, stretched by the tolerance (None: unbounded)."""
    high = reading.interval.high
    if high is None or (within.k == 1 and within.bound == 0):
        return high
    return (high + within.bound) / within.k


def _places(readings: Sequence[Reading], highs: Sequence[Fraction | None]) -> dict[int, int]:
    """Each end value's place among the distinct values, by the value's ``id`` (sorted
    by float, then exactly; equal values share a place)."""
    values = [r.interval.low for r in readings if r.interval.low is not None]
    values += [h for h in highs if h is not None]
    distinct = {(v.numerator, v.denominator): v for v in values}
    ordered = sorted(distinct.values(), key=lambda v: (float(v), v))
    rank = {(v.numerator, v.denominator): i for i, v in enumerate(ordered)}
    return {id(v): rank[(v.numerator, v.denominator)] for v in values}


def sweep(readings: list[Reading], within: Within) -> Sweep:
    """Slots of the readings' stretched intervals and how many readings cover each.

    Slots: 0 is below every end, ``2i+1`` the end value ``x_i`` itself, ``2i+2`` the gap
    above it. A closed end covers its value's slot, an open end stops at the gap.
    """
    highs = [stretched_high(r, within) for r in readings]
    place = _places(readings, highs)
    last = 2 * (max(place.values()) + 1) if place else 0
    starts, ends = [], []
    for reading, high in zip(readings, highs, strict=True):
        iv = reading.interval
        low = iv.low
        starts.append(0 if low is None else 2 * place[id(low)] + (1 if iv.low_closed else 2))
        ends.append(last if high is None else 2 * place[id(high)] + (1 if iv.high_closed else 0))
    diff = [0] * (last + 2)
    for start, end in zip(starts, ends, strict=True):
        diff[start] += 1
        diff[end + 1] -= 1
    cover = list(accumulate(diff[: last + 1]))
    return Sweep(readings, starts, ends, cover, max(cover, default=0))


def agree_counts(swept: Sweep) -> list[int]:
    """For each reading, how many readings of its group it can agree with (itself too)."""
    starts, ends = sorted(swept.starts), sorted(swept.ends)
    total = len(starts)
    return [
        total - bisect_left(ends, start) - (total - bisect_right(starts, end))
        for start, end in zip(swept.starts, swept.ends, strict=True)
    ]


def support(readings: Sequence[Reading], within: Within, over_time: bool) -> list[Sweep]:
    """Set every reading's ``agrees`` and ``top`` (§10.2); the sweeps of the consensus
    groups holding a largest agreeing set (for splits), when ``top`` applies."""
    groups: dict[tuple[str, int, object], list[Reading]] = defaultdict(list)
    for reading in readings:
        groups[(reading.group, reading.role, reading.span if over_time else None)].append(reading)
    tops: list[Sweep] = []
    for members in groups.values():
        if over_time and len(members) == 1:  # alone on its day: it agrees with itself
            members[0].agrees = 1
            continue
        swept = sweep(members, within)
        for reading, count in zip(members, agree_counts(swept), strict=True):
            reading.agrees = count
        if over_time:  # the largest sets of one day say nothing of the others
            continue
        slots = [slot for slot, n in enumerate(swept.cover) if n == swept.most]
        for reading, start, end in zip(members, swept.starts, swept.ends, strict=True):
            index = bisect_left(slots, start)
            reading.top = index < len(slots) and slots[index] <= end
        tops.append(swept)
    return tops


def order(readings: Sequence[Reading]) -> None:
    """Standing of the readings of each scope group, from their support and conflicts."""
    by_group: dict[str, list[Reading]] = defaultdict(list)
    for reading in readings:
        by_group[reading.group].append(reading)
    for members in by_group.values():
        members.sort(key=lambda r: (not r.top, r.conflicts, -r.agrees, r.order, r.role))
        for position, reading in enumerate(members):
            reading.standing = len(members) - position
