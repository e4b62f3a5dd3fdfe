"""Interval ends of a rule's claims as exact integer keys: every comparison in one search.

A reading's partners in one part lie below ``k*low - bound`` (upper ends: the reading
is the small side) or above ``(high + bound) / k`` (lower ends: the big side). Every
value the rule compares (each claim's ends, each reading's two limits) is ranked
exactly once per rule: as int64 fractions in lowest terms (equal values are equal
pairs), ordered by float and, where two distinct values round to one float, by exact
comparison; a rule whose limits do not fit int64 is ranked with ``Fraction``s. An end
is then the key ``rank * 4 + flag``: upper ends open 0, closed 1; lower ends closed 1,
open 2; so a limit's key (its rank and how an end equal to it counts) falls among the
ends' keys exactly where the record path's exact comparison puts it.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
from numpy.typing import NDArray

from crosscheck.columns.table import ClaimColumns
from crosscheck.evaluate.relations import Within

Ints = NDArray[np.int64]
NONE_BELOW = -1  # a down limit no upper end is below (an unbounded lower end)
NONE_ABOVE = 2**62  # an up limit no lower end is above (an unbounded upper end)
_SAFE = 2.0**60  # products below this fit in int64


def exact(numerator: int, denominator: int) -> Fraction | int:
    """An end exactly: an int when whole (ints compare faster)."""
    return numerator if denominator == 1 else Fraction(numerator, denominator)


class Ends:
    """The ranked ends and limits of a rule's claims (``rows``) under its tolerance."""

    def __init__(self, table: ClaimColumns, within: Within, rows: Ints) -> None:
        self.table, self.within = table, within
        self.plain = within.k == 1 and within.bound == 0
        t = table
        low_rows = rows[~t.low_unbounded[rows]]
        high_rows = rows[~t.high_unbounded[rows]]
        values = [
            (t.low_num[low_rows], t.low_den[low_rows]),
            (t.high_num[high_rows], t.high_den[high_rows]),
            *self._limits(low_rows, high_rows),
        ]
        ranks = _ranked(values, [low_rows, high_rows, low_rows, high_rows], self)
        self.low_rank, self.high_rank, self.down_rank, self.up_rank = (
            _spread(len(t), where, rank)
            for where, rank in zip([low_rows, high_rows, low_rows, high_rows], ranks, strict=True)
        )

    def _limits(self, lows: Ints, highs: Ints) -> list[tuple[Ints, Ints]]:
        """Each claim's limits as fractions (down from its low end, up from its high end);
        empty numerators when they might not fit int64 (then ranked exactly in Python)."""
        t = self.table
        ln, ld = t.low_num[lows], t.low_den[lows]
        hn, hd = t.high_num[highs], t.high_den[highs]
        if self.plain:
            return [(ln, ld), (hn, hd)]
        k, bound = self.within.k, self.within.bound
        kn, kd, bn, bd = k.numerator, k.denominator, bound.numerator, bound.denominator
        largest = max(
            float(max(kn * bd, bn * kd, kd * bd, bd * kn, abs(bn) * bd)),
            float(np.abs(ln).max(initial=0)) * kn * bd + float(ld.max(initial=1)) * kd * abs(bn),
            float(ld.max(initial=1)) * kd * bd,
            (float(np.abs(hn).max(initial=0)) * bd + float(hd.max(initial=1)) * abs(bn)) * kd,
            float(hd.max(initial=1)) * bd * kn,
        )
        if largest >= _SAFE:
            return [(ln[:0], ld[:0]), (hn[:0], hd[:0])]
        down = _lowest(ln * (kn * bd) - (bn * kd) * ld, ld * (kd * bd))
        up = _lowest((hn * bd + bn * hd) * kd, hd * (bd * kn))
        return [down, up]

    def upper_keys(self, rows: Ints) -> Ints:
        """Upper ends' keys (bounded ends only)."""
        closed = self.table.high_closed[rows]
        keys: Ints = self.high_rank[rows].astype(np.int64) * 4 + closed.astype(np.int64)
        return keys

    def lower_keys(self, rows: Ints) -> Ints:
        """Lower ends' keys (bounded ends only)."""
        opened = ~self.table.low_closed[rows]
        keys: Ints = self.low_rank[rows].astype(np.int64) * 4 + 1 + opened.astype(np.int64)
        return keys

    def limit_keys(self, heads: Ints, down: bool, strict: bool) -> Ints:
        """Readings' limits (``heads``: a claim of each) as keys: upper ends before a down
        limit fail with it (at its value: an open end, or an open or strict limit); lower
        ends after an up limit do."""
        t = self.table
        if down:
            tie = ~t.low_closed[heads] | strict
            keys = self.down_rank[heads].astype(np.int64) * 4 + 1 + tie.astype(np.int64)
            return np.where(t.low_unbounded[heads], NONE_BELOW, keys)
        tie = ~t.high_closed[heads] | strict
        keys = self.up_rank[heads].astype(np.int64) * 4 + 1 - tie.astype(np.int64)
        return np.where(t.high_unbounded[heads], NONE_ABOVE, keys)

    def point_keys(self, heads: Ints) -> Ints:
        """Where readings start, as keys among lower ends: those at or below it started
        (an unbounded lower end: below every end)."""
        keys = self.lower_keys(heads)
        return np.where(self.table.low_unbounded[heads], NONE_BELOW, keys)

    def value(self, row: int, upper: bool) -> Fraction | int:
        """One end exactly."""
        t = self.table
        if upper:
            return exact(int(t.high_num[row]), int(t.high_den[row]))
        return exact(int(t.low_num[row]), int(t.low_den[row]))

    def limit(self, row: int, down: bool) -> Fraction | int:
        """A reading's limit exactly (``row``: its claim)."""
        end = self.value(row, not down)
        if self.plain:
            return end
        k, bound = self.within.k, self.within.bound
        return k * end - bound if down else (end + bound) / k


def _lowest(num: Ints, den: Ints) -> tuple[Ints, Ints]:
    common = np.gcd(num, den)
    common[common == 0] = 1
    return num // common, den // common


def _spread(size: int, rows: Ints, values: Ints) -> NDArray[np.int32]:
    """``values`` at ``rows`` of a table of ``size`` rows (int32: ranks count values, fewer
    than four a claim)."""
    out = np.full(size, -1, dtype=np.int32)
    out[rows] = values
    return out


def _ranked(values: list[tuple[Ints, Ints]], rows: list[Ints], ends: Ends) -> list[Ints]:
    """Dense ranks of all the values together, per group of ``values`` (equal values
    share a rank)."""
    if any(len(num) != len(r) for (num, _), r in zip(values, rows, strict=True)):
        return _ranked_exactly(rows, ends)
    num = np.concatenate([n for n, _ in values])
    den = np.concatenate([d for _, d in values])
    floats = num / den
    # By float alone: a run of equal floats holding distinct values is put in exact order
    # below, so equal values always end up side by side.
    order = np.argsort(floats)
    num, den, floats = num[order], den[order], floats[order]
    tied = (floats[1:] == floats[:-1]) & ((num[1:] != num[:-1]) | (den[1:] != den[:-1]))
    if np.any(tied):  # distinct values, one float: those runs in exact order
        order = _exact_runs(order, num, den, floats)
        num, den = (
            np.concatenate([n for n, _ in values])[order],
            np.concatenate([d for _, d in values])[order],
        )
    new = np.ones(len(order), dtype=np.bool_)
    new[1:] = (num[1:] != num[:-1]) | (den[1:] != den[:-1])
    ranks = np.empty(len(order), dtype=np.int64)
    ranks[order] = np.cumsum(new) - 1
    cuts = np.cumsum([len(n) for n, _ in values])[:-1]
    return list(np.split(ranks, cuts))


def _exact_runs(order: Ints, num: Ints, den: Ints, floats: NDArray[np.float64]) -> Ints:
    out = order.copy()
    starts = np.flatnonzero(np.concatenate([[True], floats[1:] != floats[:-1]]))
    stops = np.append(starts[1:], len(order))
    for a, b in zip(starts.tolist(), stops.tolist(), strict=True):
        if b - a > 1:
            run = sorted(range(a, b), key=lambda i: Fraction(int(num[i]), int(den[i])))
            out[a:b] = order[run]
    return out


def _ranked_exactly(rows: list[Ints], ends: Ends) -> list[Ints]:
    """``_ranked`` with ``Fraction``s, for limits past int64."""
    lows, highs, down, up = (found.tolist() for found in rows)
    groups: list[list[Fraction | int]] = [
        [ends.value(r, False) for r in lows],
        [ends.value(r, True) for r in highs],
        [ends.limit(r, True) for r in down],
        [ends.limit(r, False) for r in up],
    ]
    distinct = sorted({v for group in groups for v in group})
    place = {v: i for i, v in enumerate(distinct)}
    return [np.array([place[v] for v in group], dtype=np.int64) for group in groups]
