"""Intervals of exact rational numbers and three-valued truth over them.

A claim such as "approximately 1,100" or "over 3,000" is not a number but a set of
numbers; every rule is decided over such sets. Values are ``Fraction`` so that a
boundary case ("exactly 15% apart") never flips on a rounding error.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from fractions import Fraction

Number = int | Fraction


class Truth(Enum):
    """The three outcomes of a relation over intervals."""

    HOLDS = "holds"  # true for every choice of points
    FAILS = "fails"  # false for every choice of points
    UNDECIDED = "undecided"  # true for some choices, false for others

    def __and__(self, other: Truth) -> Truth:
        if Truth.FAILS in (self, other):
            return Truth.FAILS
        if self is Truth.HOLDS and other is Truth.HOLDS:
            return Truth.HOLDS
        return Truth.UNDECIDED


@dataclass(frozen=True, slots=True)
class Interval:
    """A non-empty set of reals between two ends; ``None`` is an unbounded end.

    ``low_closed``/``high_closed`` say whether an end belongs to the set; an
    unbounded end is always open.
    """

    low: Fraction | None
    high: Fraction | None
    low_closed: bool = True
    high_closed: bool = True

    def __post_init__(self) -> None:
        if self.low is None and self.low_closed:
            object.__setattr__(self, "low_closed", False)
        if self.high is None and self.high_closed:
            object.__setattr__(self, "high_closed", False)
        low, high = self.low, self.high
        if low is not None and high is not None:
            open_end = not (self.low_closed and self.high_closed)
            # One value (most readings) needs no comparison of fractions.
            empty = open_end if low is high else low > high or (open_end and low == high)
            if empty:
                raise ValueError(f"empty interval: {self}")

    @classmethod
    def point(cls, value: Number) -> Interval:
        """The interval holding exactly one number."""
        v = Fraction(value)
        return cls(v, v)

    @classmethod
    def closed(cls, low: Number, high: Number) -> Interval:
        """The closed interval [low, high]."""
        return cls(Fraction(low), Fraction(high))

    @property
    def is_point(self) -> bool:
        """True when the interval holds a single number."""
        return self.low is not None and self.low == self.high

    def __add__(self, other: Interval) -> Interval:
        low = None if self.low is None or other.low is None else self.low + other.low
        high = None if self.high is None or other.high is None else self.high + other.high
        return Interval(
            low, high, self.low_closed and other.low_closed, self.high_closed and other.high_closed
        )

    def scale(self, factor: Number) -> Interval:
        """Every point multiplied by ``factor`` (which may be negative or zero)."""
        k = Fraction(factor)
        if k == 0:
            return Interval.point(0)
        low = None if self.low is None else self.low * k
        high = None if self.high is None else self.high * k
        if k > 0:
            return Interval(low, high, self.low_closed, self.high_closed)
        return Interval(high, low, self.high_closed, self.low_closed)

    def __neg__(self) -> Interval:
        return self.scale(-1)

    def __sub__(self, other: Interval) -> Interval:
        return self + (-other)

    def intersection(self, other: Interval) -> Interval | None:
        """The common points, or ``None`` when there are none."""
        low, low_closed = _tighter_low(self, other)
        high, high_closed = _tighter_high(self, other)
        try:
            return Interval(low, high, low_closed, high_closed)
        except ValueError:
            return None

    def contains(self, value: Number) -> bool:
        """Whether ``value`` lies in the interval."""
        v = Fraction(value)
        above_low = self.low is None or v > self.low or (v == self.low and self.low_closed)
        below_high = self.high is None or v < self.high or (v == self.high and self.high_closed)
        return above_low and below_high

    def __str__(self) -> str:
        left = "[" if self.low_closed else "("
        right = "]" if self.high_closed else ")"
        low = "-inf" if self.low is None else format_number(self.low)
        high = "inf" if self.high is None else format_number(self.high)
        if self.is_point:
            return low
        return f"{left}{low}, {high}{right}"


def _tighter_low(a: Interval, b: Interval) -> tuple[Fraction | None, bool]:
    if a.low is None:
        return b.low, b.low_closed
    if b.low is None or a.low > b.low:
        return a.low, a.low_closed
    if b.low > a.low:
        return b.low, b.low_closed
    return a.low, a.low_closed and b.low_closed


def _tighter_high(a: Interval, b: Interval) -> tuple[Fraction | None, bool]:
    if a.high is None:
        return b.high, b.high_closed
    if b.high is None or a.high < b.high:
        return a.high, a.high_closed
    if b.high < a.high:
        return b.high, b.high_closed
    return a.high, a.high_closed and b.high_closed


def at_most(value: Interval, bound: Number, strict: bool = False) -> Truth:
    """Truth of ``x <= bound`` (``x < bound`` when strict) for x in ``value``."""
    c = Fraction(bound)
    if value.high is not None and (
        value.high < c or (value.high == c and (not strict or not value.high_closed))
    ):
        return Truth.HOLDS
    if value.low is not None and (
        value.low > c or (value.low == c and (strict or not value.low_closed))
    ):
        return Truth.FAILS
    return Truth.UNDECIDED


def format_number(value: Fraction) -> str:
    """A short human rendering: integers with separators, others as decimals."""
    if value.denominator == 1:
        return f"{value.numerator:,}"
    return f"{float(value):,.6g}"
