"""Support read from the indexes (the fast path's counterpart of ``standing.support``).

A reading agrees with the readings of its consensus group (the leaf of its own time, or
the whole index for a rule not over time) that neither fail below it nor above it with
the tolerance alone: one binary search each way in that node. For a rule not over time,
the most readings that can agree at once cover the point where some reading starts
(its lower end, or just above it when open): the readings started there, less those
that ended below it (those that fail below it). The readings covering a most-covered
point are top; the sets at those points are the largest agreeing sets (for splits).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from itertools import compress, repeat
from operator import ne

from crosscheck.evaluate.findings.index import Key, Node, Sorted, SpanIndex, number
from crosscheck.evaluate.findings.probe import Limit, floats_around, limit, settle
from crosscheck.evaluate.findings.readings import Reading
from crosscheck.evaluate.findings.setup import Setup
from crosscheck.evaluate.relations import EXACT, Within

Largest = Callable[[], list[list[Reading]]]


def positions(
    part: Sorted, readings: Sequence[Reading], within: Within, downwards: bool, strict: bool
) -> list[int]:
    """Where each reading's limit falls among a node's entries (``probe.position``, many at
    once): floats settle each one, but those equal to an entry's, compared exactly."""
    lows, highs = floats_around(readings, within, downwards)
    floats = part.floats
    at = list(map(bisect_left, repeat(floats), lows))
    near = list(map(bisect_right, repeat(floats), highs))
    for i in compress(range(len(at)), map(ne, at, near)):
        lim = limit(readings[i], within, downwards, strict)
        if lim is not None:  # entries whose floats fall at the limit: compare exactly
            at[i] = settle(part, lim, at[i])
    return at


def point_positions(part: Sorted, limits: Sequence[Limit | None]) -> list[int]:
    """Where each (upward) limit falls among a node's entries by lower end."""
    none = float("inf")
    lows = [lim.low if lim is not None else none for lim in limits]
    floats = part.floats
    at = list(map(bisect_left, repeat(floats), lows))
    near = list(map(bisect_right, repeat(floats), lows))
    for i in compress(range(len(at)), map(ne, at, near)):
        lim = limits[i]
        if lim is not None:
            at[i] = settle(part, lim, at[i])
    return at


def below_and_above(
    node: Node, readings: Sequence[Reading], setup: Setup
) -> tuple[list[int], list[int]]:
    """For each reading, how many readings of ``node`` fail below it and above it on the
    tolerance alone (no date order, never strict)."""
    within = setup.within
    firsts = node.by_high.readings
    below = list(map(firsts.__getitem__, positions(node.by_high, readings, within, True, False)))
    lasts = node.by_low.readings
    ups = positions(node.by_low, readings, within, False, False)
    above = [lasts[-1] - lasts[p] for p in ups]
    return below, above


def point(reading: Reading) -> Limit | None:
    """Where the reading starts, as an upward limit: the entries at or below it started."""
    low = reading.interval.low
    if low is None:
        return None
    value, tie = number(low)[0], 0 if reading.interval.low_closed else 1
    return Limit(low, EXACT, value, value, -tie, False)


def agree(setup: Setup, node: Node, members: Sequence[Reading]) -> list[int]:
    """Set each member's ``agrees`` (the members are its consensus group, all in ``node``);
    the readings ended below each member (for the coverage of its starting point)."""
    below, above = below_and_above(node, members, setup)
    total = len(members)
    for reading, under, over in zip(members, below, above, strict=True):
        reading.agrees = total - under - over
    return below


def tops(setup: Setup, node: Node, members: Sequence[Reading], below: Sequence[int]) -> Largest:
    """Mark the top readings of one consensus group (all in ``node``); the largest sets."""
    starts = [point(r) for r in members]
    started_at = point_positions(node.by_low, starts)
    lows = node.by_low.readings
    unbounded = len(members) - lows[-1]  # readings with no lower end: started everywhere
    cover = [
        (lows[p] if start is not None else unbounded) - ended
        for p, start, ended in zip(started_at, starts, below, strict=True)
    ]
    most = max(cover, default=0)
    peaks = sorted(
        {_point_key(r): r for r, c in zip(members, cover, strict=True) if c == most}.items()
    )
    keys = [key for key, _ in peaks]
    for reading in members:
        at = bisect_left(keys, _point_key(reading))
        reading.top = at < len(keys) and not _above(peaks[at][1], reading, setup)
    return lambda: [[r for r in members if _covers(r, p, setup)] for _, p in peaks]


def _point_key(reading: Reading) -> tuple[float, object, int]:
    low = reading.interval.low
    if low is None:
        return (float("-inf"), 0, 0)
    value, whole = number(low)
    return (value, whole, 0 if reading.interval.low_closed else 1)


def _above(peak: Reading, reading: Reading, setup: Setup) -> bool:
    """Whether the point where ``peak`` starts lies above ``reading``'s stretched upper end."""
    lim = limit(reading, setup.within, False, False)
    if lim is None:
        return False
    key = _point_key(peak)
    if key[0] < lim.low:
        return False
    if key[0] > lim.high:
        return True
    upper: Key = (key[0], key[1], key[2], 0)  # type: ignore[assignment]
    return upper > lim.key()


def _covers(reading: Reading, peak: Reading, setup: Setup) -> bool:
    """Whether ``reading`` covers the point where ``peak`` starts."""
    return _point_key(reading) <= _point_key(peak) and not _above(peak, reading, setup)


def own_node(index: SpanIndex, reading: Reading) -> Node | None:
    """The node of ``index`` holding exactly the readings of ``reading``'s own time (the
    whole index for a rule not over time)."""
    slot = index.size + index.leaf[reading.span] if index.timed else 1
    return index.nodes.get(slot)
