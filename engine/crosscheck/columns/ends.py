"""Interval ends of a claim table under a rule's tolerance: floats to search, exact values
where floats tie.

A reading's partners in one part lie below ``k*low - bound`` (upper ends: the reading
is the small side) or above ``(high + bound) / k`` (lower ends: the big side). Floats
decide every comparison but those of an end whose float falls within a relative 1e-12
of a limit's (``SLACK``, far beyond rounding); those are compared as exact rationals
(``keys``, ``limit_key``), as ``evaluate.findings.probe`` compares them.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import numpy as np
from numpy.typing import NDArray

from crosscheck.columns.table import ClaimColumns
from crosscheck.evaluate.relations import Within

Ints = NDArray[np.int64]
Floats = NDArray[np.float64]
Exact = Callable[[Ints], list[tuple[object, int]]]  # limits' exact keys, by place
SLACK = 1e-12
_SAFE = 2**62  # products below this fit in int64


def exact(numerator: int, denominator: int) -> Fraction | int:
    """An end exactly: an int when whole (ints compare faster)."""
    return numerator if denominator == 1 else Fraction(numerator, denominator)


class Ends:
    """The ends of a table's claims under one tolerance (see the module docstring)."""

    def __init__(self, table: ClaimColumns, within: Within) -> None:
        self.table, self.within = table, within
        self.plain = within.k == 1 and within.bound == 0
        self.k, self.bound = float(within.k), float(within.bound)

    def floats(self, rows: Ints, upper: bool) -> Floats:
        """The ends' floats (upper or lower ends)."""
        return self.table.high[rows] if upper else self.table.low[rows]

    def flags(self, rows: Ints, upper: bool) -> Ints:
        """How an end sorts among equal values: an open upper end just below, an open
        lower end just above (0 closed, -1 or 1 open)."""
        if upper:
            return np.where(self.table.high_closed[rows], 0, -1).astype(np.int64)
        return np.where(self.table.low_closed[rows], 0, 1).astype(np.int64)

    def value(self, row: int, upper: bool) -> Fraction | int:
        """One end exactly."""
        t = self.table
        if upper:
            return exact(int(t.high_num[row]), int(t.high_den[row]))
        return exact(int(t.low_num[row]), int(t.low_den[row]))

    def keys(self, rows: Ints, upper: bool) -> list[tuple[object, int]]:
        """Each end as (exact value, flag): the order a run of tied floats sorts in."""
        flags = self.flags(rows, upper).tolist()
        return [(self.value(int(r), upper), f) for r, f in zip(rows.tolist(), flags, strict=True)]

    def count_before(self, rows: Ints, upper: bool, key: tuple[object, int]) -> int | None:
        """How many of ``rows`` (sorted by exact key) come before ``key``: below it for
        upper ends, at or below it for lower ends (``bisect_left`` and ``bisect_right``
        over ``keys``); in int64, or None when a product might not fit."""
        value, tie = key
        assert isinstance(value, int | Fraction)
        vn, vd = (value, 1) if isinstance(value, int) else (value.numerator, value.denominator)
        t = self.table
        num, den = (
            (t.high_num[rows], t.high_den[rows]) if upper else (t.low_num[rows], t.low_den[rows])
        )
        largest = max(int(np.abs(num).max(initial=0)) * vd, abs(vn) * int(den.max(initial=1)))
        if largest >= _SAFE:
            return None
        side = num * vd - vn * den  # the sign of end - value
        flags = self.flags(rows, upper)
        same = (side == 0) & ((flags < tie) if upper else (flags <= tie))
        return int(np.count_nonzero(side < 0)) + int(np.count_nonzero(same))

    def key_order(self, rows: Ints, upper: bool) -> Ints:
        """The places in ``rows`` of claims with an end of this kind, sorted by
        ``(float, exact, flag, claim order)`` (claim order reversed for upper ends, so
        that scanning down from a limit meets the earlier claim first)."""
        t = self.table
        unbounded = t.high_unbounded[rows] if upper else t.low_unbounded[rows]
        places = np.flatnonzero(~unbounded).astype(np.int64)
        picked = rows[places]
        floats = self.floats(picked, upper)
        num = t.high_num[picked] if upper else t.low_num[picked]
        den = t.high_den[picked] if upper else t.low_den[picked]
        ranks = -t.rank[picked] if upper else t.rank[picked]
        order = np.lexsort((ranks, self.flags(picked, upper), den, num, floats))
        tied = floats[order][1:] == floats[order][:-1]
        differ = (num[order][1:] != num[order][:-1]) | (den[order][1:] != den[order][:-1])
        if np.any(tied & differ):  # distinct values, one float: sort those runs exactly
            order = self._exactly(order, picked, upper, ranks, tied)
        return places[order]

    def _exactly(
        self, order: Ints, picked: Ints, upper: bool, ranks: Ints, tied: NDArray[np.bool_]
    ) -> Ints:
        out = order.copy()
        starts = np.flatnonzero(np.concatenate([[True], ~tied]))
        stops = np.append(starts[1:], len(order))
        flags = self.flags(picked, upper)
        for a, b in zip(starts.tolist(), stops.tolist(), strict=True):
            if b - a > 1:
                run = out[a:b].tolist()
                run.sort(key=lambda i: (self.value(int(picked[i]), upper), flags[i], ranks[i]))
                out[a:b] = run
        return out

    def limits(self, rows: Ints, down: bool) -> tuple[Floats, Floats]:
        """Two floats around each reading's limit (``rows``: its claim): below a reading's
        ``k*low - bound`` (down) or above ``(high + bound) / k``; a reading with no such
        end gets floats no entry passes."""
        t = self.table
        if down:
            guess = np.where(t.low_unbounded[rows], -np.inf, t.low[rows])
        else:
            guess = np.where(t.high_unbounded[rows], np.inf, t.high[rows])
        if self.plain:
            return guess, guess
        finite = np.isfinite(guess)
        guess = self.k * guess - self.bound if down else (guess + self.bound) / self.k
        slack = np.where(finite, np.abs(guess) * SLACK + 1e-300, 0.0)
        return guess - slack, guess + slack

    def limit(self, row: int, down: bool) -> Fraction | int:
        """A reading's limit exactly (``row``: its claim)."""
        end = self.value(row, not down)
        if self.plain:
            return end
        k, bound = self.within.k, self.within.bound
        return k * end - bound if down else (end + bound) / k

    def limit_key(self, row: int, down: bool, strict: bool) -> tuple[object, int]:
        """The exact key a limit is settled with: below ``(value, tie)`` an upper end
        fails (at the value: an open end, or an open or strict limit); above
        ``(value, -tie)`` a lower end does."""
        t = self.table
        closed = bool(t.low_closed[row]) if down else bool(t.high_closed[row])
        tie = 1 if strict or not closed else 0
        return (self.limit(row, down), tie if down else -tie)

    def limit_keys(self, heads: Ints, down: bool, strict: bool) -> Exact:
        """``limit_key`` of the readings of ``heads`` (by place), each distinct end once."""

        def keys(places: Ints) -> list[tuple[object, int]]:
            rows = heads[places]
            return self.once(rows, not down, lambda row: self.limit_key(row, down, strict))

        return keys

    def once(
        self, rows: Ints, upper: bool, make: Callable[[int], tuple[object, int]]
    ) -> list[tuple[object, int]]:
        """``make(row)`` for each row, made once per distinct end of that kind."""
        t = self.table
        num, den = (t.high_num, t.high_den) if upper else (t.low_num, t.low_den)
        closed = t.high_closed if upper else t.low_closed
        ends = zip(num[rows].tolist(), den[rows].tolist(), closed[rows].tolist(), strict=True)
        made: dict[tuple[int, int, bool], tuple[object, int]] = {}
        found = []
        for row, end in zip(rows.tolist(), ends, strict=True):
            key = made.get(end)
            if key is None:
                key = made[end] = make(row)
            found.append(key)
        return found
