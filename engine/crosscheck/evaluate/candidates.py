"""Which pairs of sides fail a one-sided relation, found by sorting instead of trying all.

A one-sided part ``small <= big`` under a tolerance is ``k*small - big <= bound``
(``k = 1-p`` and ``bound = 0`` for a relative tolerance, ``k = 1`` and ``bound = a``
otherwise; see relations.py). For ``k >= 0`` it fails for every choice of values
exactly when ``sup(big) < k*inf(small) - bound``, or ``==`` with an open end among
the two (or a strict part): for one small side, the big sides whose upper end is
below a threshold. Sorted by upper end they are a prefix, found by binary search.
When dates matter the big sides are also ordered by first date, and a merge-sort
tree answers "upper end below t and first date in [lo, hi]" with O(log n) binary
searches; the same tree over the small sides' limits answers the converse, "which
small sides fail with this big side", so pairs are found one side at a time.

Ends are compared as ``(float, exact value, open/closed)`` keys: the float, a
monotone rounding, settles almost every comparison quickly and the exact value the
rest, so the search loses no pair and adds none on the value test. Date ranges may
be wider than needed; the caller's exact three-valued check decides each pair.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from fractions import Fraction

from crosscheck.evaluate.relations import Within
from crosscheck.evaluate.scopes import Side


class DateRule(Enum):
    """What a part requires of the big side's date, given the small side's."""

    ANY = "any"  # dates play no part
    NOT_BEFORE = "not before"  # running totals: small dated no later than big
    AFTER = "after"  # nondecreasing over time: big dated strictly later


# An end as a sort key: (rounded, exact, -1 if open else 0). An open upper end sorts
# just below the same closed one, as its values stop just short of it.
# The exact value is an int when whole: equal ints compare without Fraction's slow
# __eq__, and ints and Fractions compare with each other by value.
Key = tuple[float, Fraction | int, int]


@dataclass(frozen=True, slots=True)
class Part:
    """One one-sided part ``pair[small] <= pair[big]`` (``<`` when strict) of a
    relation, as a search."""

    small: int
    big: int
    dates: DateRule = DateRule.ANY
    strict: bool = False


@dataclass(frozen=True, slots=True)
class Threshold:
    """``k*small - big <= bound``: how far up a failing big side's upper end may reach."""

    k: Fraction
    bound: Fraction
    # What k and bound make of the threshold, worked out once: k*low - bound is
    # low itself for an exact part, k*low for a relative one.
    zero: bool = field(init=False, compare=False, repr=False)
    plain: bool = field(init=False, compare=False, repr=False)
    unbounded: bool = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "zero", self.k == 0)
        object.__setattr__(self, "plain", self.k == 1 and self.bound == 0)
        object.__setattr__(self, "unbounded", self.bound == 0)

    def limit(self, small: Side, strict: bool) -> Key | None:
        """The key that the upper ends of the big sides failing the part with ``small``
        lie below, or ``None`` when none can (``small`` unbounded below).
        """
        if self.zero:  # k*small is the point 0, whatever small is
            return _key(-self.bound, 1 if strict else 0)
        iv = small.interval
        low = iv.low
        if low is None:
            return None
        if self.plain:
            value = low
        elif self.unbounded:
            value = self.k * low
        else:
            value = self.k * low - self.bound
        # Level with the threshold, the part fails when strict or when an end is open
        # (an open lower end sits just above its value: key +1, above any upper end's).
        return _key(value, 1 if strict or not iv.low_closed else 0)


def threshold_of(within: Within) -> Threshold | None:
    """The part's threshold form, or ``None`` when it has none (a tolerance of 100%
    or more turns ``k`` negative, where the search by upper ends does not apply).
    """
    return Threshold(within.k, within.bound) if within.k >= 0 else None


def _key(value: Fraction, tie: int) -> Key:
    if value.denominator == 1:
        return to_float(value), value.numerator, tie
    return to_float(value), value, tie


def to_float(value: Fraction) -> float:
    """``value`` correctly rounded, saturating at infinity: monotone, so ``a <= b``
    implies ``to_float(a) <= to_float(b)``."""
    numerator, denominator = value.numerator, value.denominator
    try:  # both correctly rounded, so the same float; an int converts faster
        return float(numerator) if denominator == 1 else numerator / denominator
    except OverflowError:
        return float("inf") if value > 0 else float("-inf")


class EndIndex:
    """Sides keyed by one end each (``None``: never found), to find those whose key is
    below or above a bound, optionally only those whose first date (an ordinal) lies in
    a range: a merge-sort tree over the sides in date order, each node holding its
    sides' ranks in key order, sorted.
    """

    def __init__(self, keys: Sequence[Key | None], ordinals: Sequence[int] | None) -> None:
        finite = [(key, i) for i, key in enumerate(keys) if key is not None]
        finite.sort(key=lambda entry: entry[0])  # stable: equal keys keep side order
        self._keys = [key for key, _ in finite]  # ascending
        self._ids = [i for _, i in finite]  # the side of each rank
        rank = {i: r for r, i in enumerate(self._ids)}
        self._dates: list[int] = []
        self._size = 0
        self._nodes: list[list[int]] = []
        if ordinals is not None:
            order = sorted(range(len(keys)), key=ordinals.__getitem__)
            self._dates = [ordinals[i] for i in order]
            self._build([[rank[i]] if i in rank else [] for i in order])

    def _build(self, leaves: list[list[int]]) -> None:
        size = 1
        while size < len(leaves):
            size *= 2
        self._size = size
        self._nodes = [[] for _ in range(size)] + leaves + [[] for _ in range(size - len(leaves))]
        for node in range(size - 1, 0, -1):  # ints in two sorted runs: a linear merge
            self._nodes[node] = sorted(self._nodes[2 * node] + self._nodes[2 * node + 1])

    def below(self, bound: Key, first: int | None = None, last: int | None = None) -> list[int]:
        """Positions (in the sides given) of the sides whose key is below ``bound`` and,
        when given, whose first date lies in ``[first, last]``."""
        return self._ranked(0, bisect_left(self._keys, bound), first, last)

    def above(self, bound: Key, first: int | None = None, last: int | None = None) -> list[int]:
        """Positions of the sides whose key is above ``bound`` (and first date in range)."""
        return self._ranked(bisect_right(self._keys, bound), len(self._keys), first, last)

    def _ranked(self, low: int, high: int, first: int | None, last: int | None) -> list[int]:
        """The sides of ranks in ``[low, high)`` whose first date is in ``[first, last]``."""
        if not self._nodes:
            return self._ids[low:high]
        lo = 0 if first is None else bisect_left(self._dates, first)
        hi = self._size if last is None else bisect_right(self._dates, last)
        ranks: list[int] = []
        lo, hi = lo + self._size, hi + self._size
        while lo < hi:
            if lo & 1:
                ranks += self._within(lo, low, high)
                lo += 1
            if hi & 1:
                hi -= 1
                ranks += self._within(hi, low, high)
            lo, hi = lo // 2, hi // 2
        return [self._ids[r] for r in ranks]

    def _within(self, node: int, low: int, high: int) -> list[int]:
        ranks = self._nodes[node]
        return ranks[bisect_left(ranks, low) : bisect_left(ranks, high)]


class UpperEnds(EndIndex):
    """The sides by upper end (the big sides of a part), by first date when ``dated``."""

    def __init__(self, sides: Sequence[Side], dated: bool) -> None:
        super().__init__([upper_key(side) for side in sides], _ordinals(sides) if dated else None)


def limits(sides: Sequence[Side], threshold: Threshold, strict: bool, dated: bool) -> EndIndex:
    """The sides by the limit they set as the small side of a part: a big side fails with
    one when its upper end is below the limit."""
    keys = [threshold.limit(side, strict) for side in sides]
    return EndIndex(keys, _ordinals(sides) if dated else None)


def _ordinals(sides: Sequence[Side]) -> list[int]:
    return [_ordinal(side) for side in sides]


def upper_key(side: Side) -> Key | None:
    """The side's upper end as a key (``None`` when unbounded)."""
    iv = side.interval
    return None if iv.high is None else _key(iv.high, 0 if iv.high_closed else -1)


def _ordinal(side: Side) -> int:
    first = side.first
    assert first is not None, "undated claims are dropped before dates are compared"
    return first.toordinal()
