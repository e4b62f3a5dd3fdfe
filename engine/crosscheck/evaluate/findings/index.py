"""Sorted indexes of one operand's claims in one scope group: who fails with a reading.

A reading fails a one-sided part with the claims whose upper end lies below its limit
(it is the small side: ``k*low - bound``), or whose lower end lies above it (it is the
big side: ``(high + bound) / k``); so its partners are a prefix of the claims sorted by
upper end, or a suffix of those sorted by lower end. Claims are grouped by their time
span (a leaf); a segment tree over the leaves keeps, per node, both sorted orders with
the floats of the ends (to search), how many readings start before each place (to
count), and the best standing up to each place (to find a better supported claim), so
that readings ask a run of leaves (the times a part and a day window allow) with one
binary search per node, many readings at once. Nothing is listed per pair. Ends sort by
``(float, exact value, open/closed, claim order)``: the float settles almost every
comparison, the exact value the rest.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from itertools import accumulate
from typing import NamedTuple

from crosscheck.evaluate.candidates import to_float
from crosscheck.evaluate.findings.readings import Reading
from crosscheck.interval import Interval
from crosscheck.model import Claim

Key = tuple[float, Fraction | int, int, int]
Number = tuple[float, Fraction | int]  # a value as a float and exactly (``number``)
Span = tuple[date | None, date | None]


def exact(value: Fraction) -> Fraction | int:
    """An exact value as an int when whole (ints compare faster than Fractions)."""
    return value.numerator if value.denominator == 1 else value


_SAME: dict[tuple[int, int], Fraction] = {}  # one object per value: ties compare by identity


def number(value: Fraction) -> tuple[float, Fraction | int]:
    """A value as a float (correctly rounded) and exactly (a whole one as an int; others as
    one shared Fraction per value, so that equal ends compare as the same object)."""
    numerator, denominator = value.numerator, value.denominator
    if denominator == 1:
        whole = float(numerator) if abs(numerator) < 2**53 else to_float(value)
        return whole, numerator
    if len(_SAME) > 1_000_000:
        _SAME.clear()
    return to_float(value), _SAME.setdefault((numerator, denominator), value)


def ends_of(reading: Reading) -> tuple[Number | None, Number | None]:
    """The reading's ends as (float, exact) pairs, None when unbounded (kept on it)."""
    ends = reading.ends
    if ends is None:
        iv = reading.interval
        low = None if iv.low is None else number(iv.low)
        high = None if iv.high is None else number(iv.high)
        ends = reading.ends = (low, high)
    return ends


class Entry(NamedTuple):
    """One claim in an index: its reading, its place in claim order, who it counts for
    (its outlet or origin, for scopes that relate only different ones), its interval,
    and whether it is its reading's first claim (readings are counted by it)."""

    claim: Claim
    reading: Reading
    rank: int
    key: str
    interval: Interval
    first: bool


@dataclass
class Order:
    """Every entry of an index in one order (by upper end, or by lower end), once: the
    entries, their keys and floats, whether each is its reading's first claim, and (once
    standings are known) their standings. Nodes hold places in it, sorted."""

    upper: bool
    entries: list[Entry]
    keys: list[Key]
    floats: list[float] = field(init=False)
    firsts: list[bool] = field(init=False)
    standing: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.floats = [key[0] for key in self.keys]
        self.firsts = [e.first for e in self.entries]


@dataclass
class Sorted:
    """One node's entries in one order, as places in the index's ``Order``, with the floats
    of their ends, ``readings[i]`` (how many readings have their first claim among
    ``entries[:i]``; a reading's claims share their end, so a limit takes all of them or
    none) and ``best`` (``best[i]``: the best standing among ``entries[:i]``, or for the
    lower-end order among ``entries[i:]``; -1 for none)."""

    order: Order
    places: list[int]
    floats: list[float] = field(init=False)
    readings: list[int] = field(init=False)
    best: list[int] = field(default_factory=list)
    _entries: list[Entry] | None = None
    _keys: list[Key] | None = None
    _by_key: dict[str, Sorted] | None = None

    def __post_init__(self) -> None:
        self.floats = list(map(self.order.floats.__getitem__, self.places))
        self.readings = [0, *accumulate(map(self.order.firsts.__getitem__, self.places))]

    @property
    def upper(self) -> bool:
        """Whether this is the order by upper end."""
        return self.order.upper

    @property
    def entries(self) -> list[Entry]:
        """The node's entries in order (made when first needed)."""
        if self._entries is None:
            self._entries = list(map(self.order.entries.__getitem__, self.places))
        return self._entries

    @property
    def keys(self) -> list[Key]:
        """The entries' sort keys (made when a limit first falls among equal floats)."""
        if self._keys is None:
            self._keys = list(map(self.order.keys.__getitem__, self.places))
        return self._keys

    def of(self, key: str) -> Sorted:
        """This order's entries of one outlet or origin (all keys sorted out when first asked)."""
        if self._by_key is None:
            places: dict[str, list[int]] = {}
            for place in self.places:
                places.setdefault(self.order.entries[place].key, []).append(place)
            self._by_key = {k: Sorted(self.order, found) for k, found in places.items()}
        return self._by_key.get(key) or Sorted(self.order, [])

    def seal(self) -> None:
        """Work out ``best`` once every reading has its standing."""
        standing = map(self.order.standing.__getitem__, self.places)
        if self.upper:
            self.best = [-1, *accumulate(standing, max)]
        else:
            best = list(accumulate(reversed(list(standing)), max))
            best.reverse()
            best.append(-1)
            self.best = best


@dataclass
class Node:
    """The entries of a run of leaves, by upper end and by lower end."""

    by_high: Sorted
    by_low: Sorted


class SpanIndex:
    """One operand's claims of a scope group, for the readings that fail with them."""

    def __init__(self, entries: Sequence[Entry], timed: bool) -> None:
        self.timed = timed
        self.entries = entries
        spans = sorted({e.reading.span for e in entries}, key=_span_order) if timed else []
        self.spans: list[Span] = spans
        # The first days, to find runs of single days by bisection (timed: all dated).
        self.firsts: list[date] = [span[0] or date.min for span in spans]
        self.single_days = all(first == last for first, last in spans)
        self.leaf = {span: i for i, span in enumerate(spans)}
        self.size = 1
        while self.size < len(spans):
            self.size *= 2
        self.allowed: dict[object, list[Node]] = {}  # nodes a question may ask (probe.nodes)
        self.orders = (self._order(True), self._order(False))
        highs, lows = (self._slots(order) for order in self.orders)
        self.nodes = {
            slot: Node(
                Sorted(self.orders[0], highs.get(slot, [])),
                Sorted(self.orders[1], lows.get(slot, [])),
            )
            for slot in highs.keys() | lows.keys()
        }

    def _order(self, upper: bool) -> Order:
        """All entries with an end of this kind, sorted by it once; entries of equal keys
        (the same claim twice) put a reading's first claim last."""
        keyed = _keyed(self.entries, upper)
        # Keys alone, not (key, entry) pairs: a list of tuples that start with a float
        # sorts with float comparisons first. The sort is stable: claims that are not
        # their reading's first go ahead, for ties.
        keyed = [p for p in keyed if not p[1].first] + [p for p in keyed if p[1].first]
        keys = [k for k, _ in keyed]
        places = sorted(range(len(keys)), key=keys.__getitem__)
        return Order(upper, [keyed[i][1] for i in places], [keys[i] for i in places])

    def _slots(self, order: Order) -> dict[int, list[int]]:
        """Each node's places in ``order``, sorted: a leaf's in one pass, each parent the
        merge of its children's (two sorted runs of ints: a linear merge)."""
        if not self.timed:
            return {1: list(range(len(order.entries)))}
        level: dict[int, list[int]] = {}
        for place, entry in enumerate(order.entries):
            level.setdefault(self.size + self.leaf[entry.reading.span], []).append(place)
        if not level:
            return {}
        slots = dict(level)
        while len(level) > 1 or 1 not in level:
            parents: dict[int, list[int]] = {}
            for slot, places in level.items():
                parents.setdefault(slot // 2, []).extend(places)
            level = {slot: sorted(places) for slot, places in parents.items()}
            slots.update(level)
        return slots

    def seal(self) -> None:
        """Note each entry's best standing so far, once standings are known."""
        for order in self.orders:
            order.standing = [e.reading.standing for e in order.entries]
        for node in self.nodes.values():
            node.by_high.seal()
            node.by_low.seal()

    def covering(self, leaves: Sequence[int]) -> Iterator[Node]:
        """The nodes that hold exactly the entries of ``leaves`` (sorted leaf numbers)."""
        if not self.timed:
            if 1 in self.nodes:
                yield self.nodes[1]
            return
        for start, stop in runs(leaves):
            low, high = start + self.size, stop + self.size
            while low < high:
                if low & 1:
                    if low in self.nodes:
                        yield self.nodes[low]
                    low += 1
                if high & 1:
                    high -= 1
                    if high in self.nodes:
                        yield self.nodes[high]
                low //= 2
                high //= 2


def _keyed(entries: Sequence[Entry], upper: bool) -> list[tuple[Key, Entry]]:
    """Each entry with an end of this kind, and its sort key. An upper end: an open end
    just below the closed one, and ties put the earlier claim last, so that scanning down
    from a limit meets it first. A lower end: an open end just above the closed one."""
    keyed: list[tuple[Key, Entry]] = []
    which, sign = (1, -1) if upper else (0, 1)
    for entry in entries:
        reading = entry.reading
        end = (reading.ends or ends_of(reading))[which]
        if end is None:
            continue
        iv = entry.interval
        flag = (0 if iv.high_closed else -1) if upper else (0 if iv.low_closed else 1)
        keyed.append(((end[0], end[1], flag, sign * entry.rank), entry))
    return keyed


def _span_order(span: Span) -> tuple[bool, date, bool, date]:
    first, last = span
    return (first is None, first or date.min, last is None, last or date.min)


def runs(leaves: Sequence[int]) -> Iterator[tuple[int, int]]:
    """Maximal runs ``[start, stop)`` of consecutive numbers in sorted ``leaves``."""
    start = stop = -1
    for leaf in leaves:
        if leaf == stop:
            stop += 1
            continue
        if start >= 0:
            yield start, stop
        start, stop = leaf, leaf + 1
    if start >= 0:
        yield start, stop
