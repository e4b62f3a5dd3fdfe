"""Sorted indexes on columns: one operand's claims of one scope group, as arrays.

The columnar ``evaluate.findings.index.SpanIndex``: claims (entries) sorted by upper end
and by lower end, keyed by ``Ends``' exact keys and claim order; a segment
tree over the time spans (leaves) keeps, per node, a run of each order, so that the
readings of one span ask a run of leaves with one ``searchsorted`` per node for all of
them, exactly (``Ends``' keys are exact ranks). Per order and tree level, ``prefix``
counts readings (their first claims) and, once standings are known, ``best`` holds
the best standing before each place (upper ends) or from it on (lower ends).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from crosscheck.columns.counting import stable_order
from crosscheck.columns.ends import NONE_BELOW, Ends
from crosscheck.evaluate.candidates import DateRule
from crosscheck.evaluate.findings.index import runs

Ints = NDArray[np.int64]
Small = NDArray[np.int32]  # places and counts within one index: fewer than 2**31
_KEY_MAX = 2**31 - 1  # keys below it are kept as int32 (a rule of fewer than 2**27 claims)


@dataclass
class Level:
    """One tree level of one order: entries by node then key, where each node's run is."""

    entries: Small  # entry numbers
    keys: Ints | Small  # the entries' ends as ``Ends``' keys (int32 when they fit)
    prefix: Small  # prefix[i]: first claims of readings among entries[:i] (whole level)
    bounds: dict[int, tuple[int, int]]  # node slot -> [a, b)
    best: Small = field(default_factory=lambda: np.empty(0, dtype=np.int32))


@dataclass
class Sorted:
    """Every entry with an end of one kind, in key order, by tree level."""

    upper: bool
    levels: list[Level]
    slot_level: dict[int, int]

    def run(self, slot: int) -> tuple[Level, int, int]:
        """The level holding node ``slot`` and the node's run ``[a, b)`` in it."""
        shift = self.slot_level.get(slot)
        if shift is None:  # no entry with an end of this kind there
            return self.levels[0], 0, 0
        level = self.levels[shift]
        a, b = level.bounds[slot]
        return level, a, b


class ColumnIndex:
    """One operand's claims of one scope group (see the module docstring)."""

    def __init__(self, ends: Ends, rows: Ints, reading: Ints, heads: Ints, spans: Ints | None):
        self.ends, self.rows, self.reading = ends, rows, reading
        self.timed = spans is not None
        leaf = np.zeros(len(rows), dtype=np.int64)
        self.spans: list[tuple[int, int]] = []
        if spans is not None:  # each (first, last) as one int64 in the same order (days > -2)
            paired = (spans[:, 0].astype(np.int64) + 1) * 2**32 + (spans[:, 1] + 1)
            distinct, leaf = np.unique(paired, return_inverse=True)
            leaf = leaf.reshape(-1)
            self.spans = [(int(p >> 32) - 1, int(p & 0xFFFFFFFF) - 1) for p in distinct]
        self.firsts = [first for first, _ in self.spans]
        self.single_days = all(a == b for a, b in self.spans)
        self.size = 1
        while self.size < len(self.spans):
            self.size *= 2
        self.leaf = {span: i for i, span in enumerate(self.spans)}
        self.allowed: dict[object, list[int]] = {}
        first = np.zeros(len(rows), dtype=np.int64)
        first[heads] = 1
        self.orders = (self._sorted(True, leaf, first), self._sorted(False, leaf, first))

    def _sorted(self, upper: bool, leaf: Ints, first: Ints) -> Sorted:
        keyed = self._key_order(upper)
        keyed_keys = self._keys(self.rows[keyed], upper)
        if not len(keyed_keys) or int(keyed_keys.max()) < _KEY_MAX:
            keyed_keys = keyed_keys.astype(np.int32)  # as all but a rule of 2**27 claims have
        levels, slot_level = [], {}
        depth = self.size.bit_length() if self.timed else 1
        for shift in range(depth):
            node = (self.size + leaf[keyed]) >> shift if self.timed else np.ones_like(keyed)
            by_node = stable_order(node) if self.timed else np.arange(len(node))
            entries, nodes = keyed[by_node], node[by_node]
            starts = np.flatnonzero(np.diff(nodes, prepend=-1)) if len(nodes) else nodes
            stops = np.append(starts[1:], len(nodes)) if len(nodes) else starts
            bounds = {
                int(s): (int(a), int(b))
                for s, a, b in zip(nodes[starts], starts, stops, strict=True)
            }
            for slot in bounds:
                slot_level[slot] = shift
            prefix = np.concatenate([[0], np.cumsum(first[entries])]).astype(np.int32)
            levels.append(Level(entries.astype(np.int32), keyed_keys[by_node], prefix, bounds))
        return Sorted(upper, levels, slot_level)

    def seal(self, standing: Ints) -> None:
        """Note the best standing before (upper ends) or from (lower ends) each place."""
        for order in self.orders:
            for level in order.levels:
                values = standing[self.reading[level.entries]]
                node = np.zeros(len(values), dtype=np.int64)
                for slot, (a, b) in level.bounds.items():
                    node[a:b] = slot
                big = int(values.max(initial=0)) + 2
                if order.upper:
                    best = np.maximum.accumulate(node * big + values) - node * big
                else:
                    rev = (-node * big + values)[::-1]
                    best = (np.maximum.accumulate(rev)[::-1] + node * big) if len(rev) else rev
                level.best = best.astype(np.int32)

    def before(self, slot: int, upper: bool, at: Ints) -> Ints:
        """Readings among a node's entries before each place."""
        level, a, _ = self.orders[0 if upper else 1].run(slot)
        before: Ints = (level.prefix[a + at] - level.prefix[a]).astype(np.int64)
        return before

    def total(self, slot: int, upper: bool) -> int:
        """Readings among a node's entries."""
        level, a, b = self.orders[0 if upper else 1].run(slot)
        return int(level.prefix[b] - level.prefix[a]) if b > a else 0

    def best(self, slot: int, upper: bool, at: Ints) -> Ints:
        """The best standing among a node's entries before (upper) or from (lower) ``at``."""
        level, a, b = self.orders[0 if upper else 1].run(slot)
        if b == a:
            return np.full(len(at), -1, dtype=np.int64)
        if upper:
            found = np.where(at > 0, level.best[np.maximum(a + at - 1, a)], -1)
        else:
            found = np.where(a + at < b, level.best[np.minimum(a + at, b - 1)], -1)
        best: Ints = found.astype(np.int64)
        return best

    def partners(self, slot: int, upper: bool, at: int) -> Ints:
        """A node's entries that fail with a limit at ``at``: nearest first."""
        level, a, b = self.orders[0 if upper else 1].run(slot)
        found = level.entries[a : a + at][::-1] if upper else level.entries[a + at : b]
        return found.astype(np.int64)

    def positions(self, slot: int, upper: bool, limits: Ints) -> Ints:
        """Where limits (``Ends.limit_keys``) fall in a node's order: the upper ends before
        a limit fail with it, as do the lower ends from it on."""
        level, a, b = self.orders[0 if upper else 1].run(slot)
        if level.keys.dtype == np.int32:  # limits past every key stay past them, clipped
            limits = np.clip(limits, NONE_BELOW, _KEY_MAX).astype(np.int32)
        found: Ints = np.searchsorted(level.keys[a:b], limits, "left" if upper else "right")
        return found

    def _keys(self, rows: Ints, upper: bool) -> Ints:
        return self.ends.upper_keys(rows) if upper else self.ends.lower_keys(rows)

    def _key_order(self, upper: bool) -> Ints:
        """The places in ``rows`` of claims with an end of this kind, by key, then claim
        order (reversed for upper ends: scanning down from a limit meets the earlier
        claim first)."""
        t = self.ends.table
        unbounded = t.high_unbounded[self.rows] if upper else t.low_unbounded[self.rows]
        places = np.flatnonzero(~unbounded).astype(np.int64)
        picked = self.rows[places]
        ranks = -t.rank[picked] if upper else t.rank[picked]
        keys = self._keys(picked, upper)
        if len(t) < 2**31 and (not len(keys) or int(keys.max()) < 2**31):
            # both in one int64 (key above, rank below): one sort, not lexsort's two
            ordered: Ints = places[np.argsort(keys * 2**32 + (ranks + 2**31), kind="stable")]
            return ordered
        return places[np.lexsort((ranks, keys))]

    def nodes(
        self, span: tuple[int, int], down: bool, dates: DateRule, days: int | None
    ) -> list[int]:
        """The nodes holding the claims of the times a part allows a reading of ``span``
        to fail with (``findings.probe.nodes``)."""
        key = (span, down, dates, days)
        found = self.allowed.get(key)
        if found is None:
            if not self.timed:
                found = (
                    [1] if 1 in self.orders[0].slot_level or 1 in self.orders[1].slot_level else []
                )
            else:
                leaves = self._leaves(span, down, dates, days)
                found = list(self._covering(leaves))
            self.allowed[key] = found
        return found

    def _leaves(
        self, span: tuple[int, int], down: bool, dates: DateRule, days: int | None
    ) -> list[int]:
        first, last = span
        if self.single_days:
            low, high = -(2**62), 2**62
            if days is not None:
                low, high = last - days, first + days
            if dates is DateRule.NOT_BEFORE:
                low, high = (max(low, last), high) if down else (low, min(high, first))
            elif dates is DateRule.AFTER:
                low, high = (max(low, last + 1), high) if down else (low, min(high, first - 1))
            return list(range(bisect_left(self.firsts, low), bisect_right(self.firsts, high)))
        return [
            i
            for i, leaf in enumerate(self.spans)
            if _in_window(span, leaf, days)
            and (_in_time(span, leaf, dates) if down else _in_time(leaf, span, dates))
        ]

    def _covering(self, leaves: Sequence[int]) -> Iterator[int]:
        for start, stop in runs(leaves):
            low, high = start + self.size, stop + self.size
            while low < high:
                if low & 1:
                    yield low
                    low += 1
                if high & 1:
                    high -= 1
                    yield high
                low //= 2
                high //= 2


def _in_time(small: tuple[int, int], big: tuple[int, int], dates: DateRule) -> bool:
    if dates is DateRule.ANY:
        return True
    return small[1] <= big[0] if dates is DateRule.NOT_BEFORE else small[1] < big[0]


def _in_window(u: tuple[int, int], v: tuple[int, int], days: int | None) -> bool:
    return days is None or max(u[1], v[1]) - min(u[0], v[0]) <= days
