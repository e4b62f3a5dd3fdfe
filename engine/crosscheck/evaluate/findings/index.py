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

from crosscheck.evaluate.candidates import to_float
from crosscheck.evaluate.findings.readings import Reading
from crosscheck.interval import Interval
from crosscheck.model import Claim

Key = tuple[float, Fraction | int, int, int]
Span = tuple[date | None, date | None]


def exact(value: Fraction) -> Fraction | int:
    """An exact value as an int when whole (ints compare faster than Fractions)."""
    return value.numerator if value.denominator == 1 else value


def number(value: Fraction) -> tuple[float, Fraction | int]:
    """A value as a float (correctly rounded) and exactly."""
    if value.denominator == 1 and abs(value.numerator) < 2**53:
        return float(value.numerator), value.numerator
    return to_float(value), exact(value)


@dataclass(frozen=True, slots=True)
class Entry:
    """One claim in an index: its reading, its place in claim order, who it counts for
    (its outlet or origin, for scopes that relate only different ones), its interval,
    and whether it is its reading's first claim (readings are counted by it)."""

    claim: Claim
    reading: Reading
    rank: int
    key: str
    interval: Interval
    first: bool


def upper_key(entry: Entry) -> Key | None:
    """The sort key of an upper end (an open end just below the closed one); ties put
    the earlier claim last, so that scanning down from a limit meets it first."""
    high = entry.interval.high
    if high is None:
        return None
    return (*number(high), 0 if entry.interval.high_closed else -1, -entry.rank)


def lower_key(entry: Entry) -> Key | None:
    """The sort key of a lower end (an open end just above the closed one)."""
    low = entry.interval.low
    if low is None:
        return None
    return (*number(low), 0 if entry.interval.low_closed else 1, entry.rank)


@dataclass
class Sorted:
    """Entries in one order, with ``floats`` of their ends, ``readings[i]`` (how many
    readings have their first claim among ``entries[:i]``; a reading's claims share
    their end, so a limit takes all of them or none) and ``best`` (``best[i]``: the best
    standing among ``entries[:i]``, or for the lower-end order among ``entries[i:]``;
    -1 for none)."""

    upper: bool
    entries: list[Entry] = field(default_factory=list)
    floats: list[float] = field(default_factory=list)
    readings: list[int] = field(default_factory=list)
    best: list[int] = field(default_factory=list)
    _keys: list[Key] | None = None

    @property
    def keys(self) -> list[Key]:
        """The entries' sort keys (made when a limit first falls among equal floats)."""
        if self._keys is None:
            key = upper_key if self.upper else lower_key
            self._keys = [key(e) for e in self.entries]  # type: ignore[misc]
        return self._keys

    def settle(self) -> None:
        """Work out ``floats`` and ``readings`` once the entries are in."""
        self.floats = [key[0] for key in self.keys]
        self.readings = [0, *accumulate(e.first for e in self.entries)]

    def seal(self) -> None:
        """Work out ``best`` once every reading has its standing."""
        standing = [e.reading.standing for e in self.entries]
        if self.upper:
            self.best = [-1, *accumulate(standing, max)]
        else:
            best = list(accumulate(reversed(standing), max))
            best.reverse()
            best.append(-1)
            self.best = best


@dataclass
class Node:
    """The entries of a run of leaves, by upper end and by lower end."""

    by_high: Sorted = field(default_factory=lambda: Sorted(True))
    by_low: Sorted = field(default_factory=lambda: Sorted(False))


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
        self.nodes: dict[int, Node] = {}
        self.allowed: dict[object, list[Node]] = {}  # nodes a question may ask (probe.nodes)
        self._by_key: dict[str, SpanIndex] = {}
        for upper in (True, False):
            self._fill(upper)
        for node in self.nodes.values():
            node.by_high.settle()
            node.by_low.settle()

    def _fill(self, upper: bool) -> None:
        """One order of every node: the entries sorted once, then handed down in that
        order to each node above their leaf (so every node's list is sorted)."""
        key_of = upper_key if upper else lower_key
        keyed = sorted((k, e) for e in self.entries if (k := key_of(e)) is not None)
        paths: dict[Span | None, list[Sorted]] = {}
        for key, entry in keyed:
            span = entry.reading.span if self.timed else None
            path = paths.get(span)
            if path is None:
                path = paths[span] = self._path(span, upper)
            for part in path:
                part._keys.append(key)  # type: ignore[union-attr]
                part.entries.append(entry)

    def _path(self, span: Span | None, upper: bool) -> list[Sorted]:
        """The order ``upper`` of every node from ``span``'s leaf up to the root."""
        slot = self.size + self.leaf[span] if span is not None else 1
        path = []
        while slot:
            node = self.nodes.get(slot)
            if node is None:
                node = self.nodes[slot] = Node(Sorted(True, _keys=[]), Sorted(False, _keys=[]))
            path.append(node.by_high if upper else node.by_low)
            slot //= 2
        return path

    def seal(self) -> None:
        """Note each entry's best standing so far, once standings are known."""
        for node in self.nodes.values():
            node.by_high.seal()
            node.by_low.seal()

    def keyed(self, key: str) -> SpanIndex:
        """The index of this index's entries of one outlet or origin (made when first asked)."""
        found = self._by_key.get(key)
        if found is None:
            found = SpanIndex([e for e in self.entries if e.key == key], self.timed)
            found.seal()
            self._by_key[key] = found
        return found

    def covering(self, leaves: Sequence[int]) -> Iterator[Node]:
        """The nodes that hold exactly the entries of ``leaves`` (sorted leaf numbers)."""
        if not self.timed:
            if 1 in self.nodes:
                yield self.nodes[1]
            return
        for start, stop in _runs(leaves):
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


def _span_order(span: Span) -> tuple[bool, date, bool, date]:
    first, last = span
    return (first is None, first or date.min, last is None, last or date.min)


def _runs(leaves: Sequence[int]) -> Iterator[tuple[int, int]]:
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
