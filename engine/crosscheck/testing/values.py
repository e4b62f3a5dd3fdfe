"""Strategies for values as crosscheck reads them: exact numbers, intervals, hedged amounts."""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from hypothesis import strategies as st

from crosscheck.hedges import HEDGE_FAMILIES, ReadingSettings, hedged_interval
from crosscheck.interval import Interval, Number


def numbers(
    min_value: Number = 0, max_value: Number = 10**6, *, whole: bool = False
) -> st.SearchStrategy[Fraction]:
    """Exact numbers in ``[min_value, max_value]``: mostly whole, else quarters or hundredths.

    Whole numbers dominate because boundaries (two ends that meet, a value exactly
    on a tolerance) are where mistakes hide.
    """
    low, high = Fraction(min_value), Fraction(max_value)
    if low > high:
        raise ValueError(f"empty range {low} .. {high}")

    def scaled(denominator: int) -> st.SearchStrategy[Fraction]:
        lo, hi = math.ceil(low * denominator), math.floor(high * denominator)
        return st.integers(lo, hi).map(lambda n: Fraction(n, denominator))

    if math.ceil(low * 100) > math.floor(high * 100):
        return st.just(low)
    if math.ceil(low) > math.floor(high):
        return scaled(100)
    if whole:
        return scaled(1)
    return st.one_of(scaled(1), scaled(1), scaled(1), scaled(4), scaled(100))


@st.composite
def intervals(
    draw: st.DrawFn,
    min_value: Number = 0,
    max_value: Number = 10**6,
    *,
    whole: bool = False,
    allow_open: bool = True,
    allow_unbounded: bool = True,
) -> Interval:
    """Non-empty intervals with ends in ``[min_value, max_value]``.

    Ends are closed or (``allow_open``) open; the high end, and the low end when
    ``min_value`` is negative, may be unbounded (``allow_unbounded``). A point is
    always closed. Amounts in crosscheck are never negative, so ``amounts`` is
    what claims use.
    """
    ends = numbers(min_value, max_value, whole=whole)
    a, b = sorted((draw(ends), draw(ends)))
    low: Fraction | None = a
    high: Fraction | None = b
    if allow_unbounded and draw(st.integers(0, 5)) == 0:
        high = None
    if allow_unbounded and Fraction(min_value) < 0 and draw(st.integers(0, 5)) == 0:
        low = None
    low_closed = not allow_open or draw(st.booleans())
    high_closed = not allow_open or draw(st.booleans())
    if low is not None and low == high:
        low_closed = high_closed = True
    return Interval(low, high, low_closed, high_closed)


def amounts(
    max_value: Number = 10**6,
    *,
    whole: bool = False,
    allow_open: bool = True,
    allow_unbounded: bool = True,
) -> st.SearchStrategy[Interval]:
    """Intervals a claim may hold: non-negative, closed, open or unbounded above."""
    return intervals(
        0, max_value, whole=whole, allow_open=allow_open, allow_unbounded=allow_unbounded
    )


@st.composite
def around(draw: st.DrawFn, value: Fraction, *, allow_unbounded: bool = True) -> Interval:
    """Non-negative intervals that contain ``value``: a point, a closed or open span
    around it, a span from zero, or a span without a high end.
    """
    shape = draw(st.sampled_from(["point", "span", "from zero", "unbounded"]))
    if shape == "point":
        return Interval.point(value)
    below = draw(numbers(0, value)) if value > 0 else Fraction(0)
    above = draw(numbers(0, max(value, Fraction(10))))
    low = Fraction(0) if shape == "from zero" else value - below
    high = None if shape == "unbounded" and allow_unbounded else value + above
    # An end may be open only where it is not the value itself.
    low_closed = low == value or draw(st.booleans())
    high_closed = high == value or draw(st.booleans())
    if high is not None and low == high:
        return Interval.point(value)
    return Interval(low, high, low_closed, high_closed)


@dataclass(frozen=True)
class HedgedNumber:
    """A stated amount and what crosscheck reads it as.

    ``low``/``high`` are the stated number (equal) or range ("11,000 to 12,000");
    ``hedge`` the hedge phrase as written ("about", "more than") or ``None``;
    ``interval`` the reading: ``hedges.hedged_interval(low, high, hedge, settings)``.
    """

    low: Fraction
    high: Fraction
    hedge: str | None
    interval: Interval

    @property
    def is_range(self) -> bool:
        """Whether a range was stated rather than one number."""
        return self.low != self.high


@st.composite
def hedged_numbers(
    draw: st.DrawFn,
    settings: ReadingSettings | None = None,
    *,
    hedges: tuple[str | None, ...] | None = None,
    min_value: Number = 1,
    max_value: Number = 10**6,
    ranges: bool = True,
    whole: bool = True,
) -> HedgedNumber:
    """A stated amount (a number, or a range when ``ranges``) under a hedge phrase,
    with the interval it means under ``settings`` (the defaults when ``None``).

    ``hedges`` limits the phrases drawn (``None`` in it means "no hedge"); by
    default every phrase of ``hedges.HEDGE_FAMILIES`` may come up.
    """
    reading = settings or ReadingSettings()
    choices = hedges if hedges is not None else (None, *HEDGE_FAMILIES)
    hedge = draw(st.sampled_from(choices))
    low = draw(numbers(max(Fraction(min_value), Fraction(0)), max_value, whole=whole))
    high = low
    if ranges and draw(st.booleans()):
        high = low + draw(numbers(1, max(Fraction(max_value) - low, Fraction(1)), whole=whole))
    if high == 0 and hedge is not None and HEDGE_FAMILIES[hedge] == "under":
        low = high = Fraction(1)  # "under 0" would be an empty amount
    return HedgedNumber(low, high, hedge, hedged_interval(low, high, hedge, reading))
