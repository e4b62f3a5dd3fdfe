"""The search behind the shortlist: sorted upper ends, thresholds and date ranges.

Checked against brute force: the big sides a search returns for a small side are
exactly those with which the one-sided part FAILS (relations.at_most_within), and
exactly those whose first date lies in the range asked for.
"""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction as F

from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.evaluate.candidates import (
    Threshold,
    UpperEnds,
    limits,
    threshold_of,
    to_float,
    upper_key,
)
from crosscheck.evaluate.context import Item
from crosscheck.evaluate.relations import Within, at_most_within
from crosscheck.evaluate.scopes import Side
from crosscheck.interval import Interval, Truth
from crosscheck.model import Claim

DAY_ZERO = date(2025, 1, 1)


def side(interval: Interval, day: int = 0, index: int = 0) -> Side:
    claim = Claim(
        measure="m",
        interval=interval,
        unit="item",
        stated="",
        document="d",
        source="s",
        date=DAY_ZERO + timedelta(days=day),
    )
    return Side((Item(index, claim),), interval)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    low = draw(st.one_of(st.none(), st.integers(0, 40).map(F)))
    width = draw(st.one_of(st.none(), st.integers(0, 20).map(lambda n: F(n, 2))))
    high = None if width is None else (low or F(0)) + width
    low_closed, high_closed = draw(st.booleans()), draw(st.booleans())
    if low is not None and low == high:
        low_closed = high_closed = True
    return Interval(low, high, low_closed, high_closed)


tolerances = st.one_of(
    st.just(Within()),
    st.integers(0, 100).map(lambda p: Within(relative=F(p, 100))),
    st.integers(0, 10).map(lambda a: Within(absolute=F(a, 2))),
)


@settings(max_examples=300, deadline=None)
@given(intervals(), st.lists(intervals(), max_size=40), tolerances, st.booleans(), st.booleans())
def test_the_search_finds_exactly_the_failing_big_sides(
    small: Interval, bigs: list[Interval], within: Within, strict: bool, dated: bool
) -> None:
    threshold = threshold_of(within)
    assert threshold is not None  # k = 1 - p >= 0 for every tolerance drawn
    sides = [side(b, index=n) for n, b in enumerate(bigs)]
    limit = threshold.limit(side(small), strict)
    found = set() if limit is None else set(UpperEnds(sides, dated).below(limit))
    failing = {
        n for n, b in enumerate(bigs) if at_most_within(small, b, within, strict) is Truth.FAILS
    }
    assert found == failing


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), max_size=60),
    st.integers(0, 30),
    st.integers(-5, 65),
    st.integers(0, 70),
)
def test_date_ranges_are_searched_exactly(
    entries: list[tuple[int, int]], limit: int, first: int, span: int
) -> None:
    sides = [side(Interval.point(value), day, n) for n, (value, day) in enumerate(entries)]
    last = first + span
    key = Threshold(F(1), F(0)).limit(side(Interval.point(limit)), strict=True)
    assert key is not None
    ordinal = DAY_ZERO.toordinal()
    found = UpperEnds(sides, dated=True).below(key, ordinal + first, ordinal + last)
    expected = [n for n, (v, day) in enumerate(entries) if v <= limit and first <= day <= last]
    assert sorted(found) == expected
    assert len(found) == len(set(found))  # each side once, whatever the tree's shape


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(intervals(), st.integers(0, 30)), max_size=40),
    intervals(),
    st.booleans(),
    st.integers(-5, 35),
    st.integers(0, 40),
)
def test_limits_find_the_small_sides_failing_with_a_big_side(
    smalls: list[tuple[Interval, int]], big: Interval, strict: bool, first: int, span: int
) -> None:
    within = Within(relative=F(1, 10))
    threshold = threshold_of(within)
    assert threshold is not None
    sides = [side(iv, day, n) for n, (iv, day) in enumerate(smalls)]
    key = upper_key(side(big))
    ordinal = DAY_ZERO.toordinal()
    index = limits(sides, threshold, strict, dated=True)
    found = [] if key is None else index.above(key, ordinal + first, ordinal + first + span)
    expected = [
        n
        for n, (iv, day) in enumerate(smalls)
        if first <= day <= first + span and at_most_within(iv, big, within, strict) is Truth.FAILS
    ]
    assert sorted(found) == expected


def test_unbounded_ends_never_fail() -> None:
    ends = UpperEnds([side(Interval(F(0), None)), side(Interval.point(1), index=1)], dated=False)
    key = Threshold(F(1), F(0)).limit(side(Interval.point(5)), strict=False)
    assert key is not None and ends.below(key) == [1]
    assert Threshold(F(1), F(0)).limit(side(Interval(None, F(5))), strict=False) is None


def test_a_tolerance_of_100_percent_or_more_has_no_threshold_search() -> None:
    assert threshold_of(Within(relative=F(3, 2))) is None
    assert threshold_of(Within(relative=F(1))) == Threshold(F(0), F(0))


def test_rounding_keeps_order_even_beyond_floats() -> None:
    huge = F(10**400)
    assert to_float(huge) == float("inf") and to_float(-huge) == float("-inf")
    assert to_float(F(1, 3)) <= to_float(F(1, 3) + F(1, 10**30))
