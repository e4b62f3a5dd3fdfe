"""The relation core at its boundaries, and against a brute-force reading of boxes."""

from __future__ import annotations

from fractions import Fraction as F

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.dsl.ast import Absolute, Constant, Op, Relative
from crosscheck.evaluate.relations import (
    EXACT,
    SPLIT,
    Within,
    at_most_within,
    constant_in,
    decide,
    failing,
    tolerance_in,
)
from crosscheck.interval import Interval, Truth, at_most

HOLDS, FAILS, UNDECIDED = Truth.HOLDS, Truth.FAILS, Truth.UNDECIDED
P15 = Within(relative=F(15, 100))
UNBOUNDED = Interval(None, None)


def iv(low: int | None, high: int | None, lc: bool = True, hc: bool = True) -> Interval:
    return Interval(None if low is None else F(low), None if high is None else F(high), lc, hc)


@pytest.mark.parametrize(
    ("small", "big", "strict", "expected"),
    [
        (iv(1, 2), iv(3, 4), False, HOLDS),
        (iv(3, 4), iv(1, 2), False, FAILS),
        (iv(1, 3), iv(2, 4), False, UNDECIDED),
        # closed ends touching: x <= y holds, x < y is undecided (x = y = 2)
        (iv(1, 2), iv(2, 3), False, HOLDS),
        (iv(1, 2), iv(2, 3), True, UNDECIDED),
        # an open end touching: x < y holds
        (iv(1, 2, hc=False), iv(2, 3), True, HOLDS),
        (iv(1, 2), iv(2, 3, lc=False), True, HOLDS),
        # reversed and touching: x <= y only at the shared point
        (iv(2, 3), iv(1, 2), False, UNDECIDED),
        (iv(2, 3, lc=False), iv(1, 2), False, FAILS),
        (iv(2, 3), iv(1, 2, hc=False), False, FAILS),
        (iv(2, 2), iv(2, 2), True, FAILS),
        # unbounded
        (iv(5, None), iv(1, 2), False, FAILS),
        (iv(1, 2), iv(5, None), False, HOLDS),
        (iv(1, None), iv(5, 6), False, UNDECIDED),
        (UNBOUNDED, iv(0, 0), False, UNDECIDED),
        # zero
        (iv(0, 0), iv(0, 0), False, HOLDS),
        (iv(0, 0), iv(0, 0), True, FAILS),
        (iv(0, 0), iv(0, 1, lc=False), True, HOLDS),
    ],
)
def test_exact_one_sided(small: Interval, big: Interval, strict: bool, expected: Truth) -> None:
    assert at_most_within(small, big, EXACT, strict) is expected


@pytest.mark.parametrize(
    ("small", "big", "expected"),
    [
        (iv(100, 100), iv(85, 85), HOLDS),  # exactly 15% below: (1 - 0.15) * 100 = 85
        (iv(100, 100), iv(84, 85, hc=False), FAILS),
        (iv(100, 101), iv(85, 85), UNDECIDED),  # holds at 100 only
        (iv(100, 101, lc=False), iv(85, 85), FAILS),
        (iv(0, 0), iv(0, 0), HOLDS),
        (iv(1, 1), iv(0, 0), FAILS),
        (iv(11000, None, lc=False), iv(9900, 12100), UNDECIDED),
    ],
)
def test_relative_one_sided(small: Interval, big: Interval, expected: Truth) -> None:
    assert at_most_within(small, big, P15) is expected


def test_relative_strict_at_the_boundary() -> None:
    assert at_most_within(iv(100, 100), iv(85, 85), P15, strict=True) is FAILS
    assert at_most_within(iv(100, 100), iv(85, 86, lc=False), P15, strict=True) is HOLDS


@pytest.mark.parametrize(
    ("small", "big", "strict", "expected"),
    [
        (iv(110, 110), iv(100, 100), False, HOLDS),  # 10 apart, tolerance 10
        (iv(110, 110), iv(100, 100), True, FAILS),
        (iv(111, 112), iv(100, 100), False, FAILS),
        (iv(110, 112), iv(100, 100), False, UNDECIDED),
        (iv(110, 112, lc=False), iv(100, 100), False, FAILS),
    ],
)
def test_absolute_one_sided(small: Interval, big: Interval, strict: bool, expected: Truth) -> None:
    assert at_most_within(small, big, Within(absolute=F(10)), strict) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (iv(11000, 12000), iv(9900, 12100), UNDECIDED),
        (iv(100, 100), iv(85, 85), HOLDS),
        (iv(85, 85), iv(100, 100), HOLDS),
        (iv(990, 1210), iv(90, 110), FAILS),
        (iv(90, 110), iv(990, 1210), FAILS),
        (iv(0, 0), iv(0, 0), HOLDS),
        (iv(0, 0), iv(0, 1, lc=False), FAILS),
    ],
)
def test_agreement_is_both_directions(a: Interval, b: Interval, expected: Truth) -> None:
    values = (a, b)
    assert decide(SPLIT[Op.EQ], values, P15) is expected
    assert decide(SPLIT[Op.EQ], (b, a), P15) is expected


def test_no_constraints_hold() -> None:
    assert decide((), (iv(1, 2), iv(3, 4)), EXACT) is HOLDS


def test_failing_names_the_binding_constraint() -> None:
    low_then_high = (iv(1, 1), iv(5, 5))
    assert failing(SPLIT[Op.EQ], low_then_high, EXACT) == (SPLIT[Op.EQ][1],)
    assert failing(SPLIT[Op.LE], low_then_high, EXACT) == ()


def test_split_mirrors_operators() -> None:
    a, b = iv(1, 1), iv(2, 2)
    assert decide(SPLIT[Op.LT], (a, b), EXACT) is HOLDS
    assert decide(SPLIT[Op.GT], (a, b), EXACT) is FAILS
    assert decide(SPLIT[Op.GE], (b, a), EXACT) is HOLDS
    assert decide(SPLIT[Op.LE], (b, a), EXACT) is FAILS


def test_tolerances_and_constants_are_converted() -> None:
    assert tolerance_in(None, "millimeter") == EXACT
    assert tolerance_in(Relative(F(15)), "item") == Within(relative=F(3, 20))
    assert tolerance_in(Absolute(F(1), "cm"), "millimeter") == Within(absolute=F(10))
    assert tolerance_in(Absolute(F(7)), "item") == Within(absolute=F(7))
    assert constant_in(Constant(F(30), "cm"), "millimeter") == 300
    assert constant_in(Constant(F(30)), "millimeter") == 30


# ------------------------------------------------------------ against brute force

EPS = F(1, 10**6)  # far below any gap between the generated ends and tolerances
BIG = F(10**6)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    low = draw(st.none() | st.integers(0, 20))
    high = draw(st.none() | st.integers(0, 20))
    if low is not None and high is not None and low > high:
        low, high = high, low
    lc, hc = draw(st.booleans()), draw(st.booleans())
    if low is not None and low == high:
        lc = hc = True
    return iv(low, high, lc, hc)


def witnesses(value: Interval) -> list[F]:
    """Points of the interval at (or next to) its ends, and one inside."""
    low = -BIG if value.low is None else value.low + (0 if value.low_closed else EPS)
    high = BIG if value.high is None else value.high - (0 if value.high_closed else EPS)
    return [low, high, (low + high) / 2]


tolerances = st.sampled_from(
    [
        EXACT,
        Within(relative=F(1, 10)),
        P15,
        Within(relative=F(1, 2)),
        Within(relative=F(1)),
        Within(absolute=F(0)),
        Within(absolute=F(3)),
    ]
)


def holds(x: F, y: F, within: Within, strict: bool) -> bool:
    if within.relative is not None:
        lhs, rhs = (1 - within.relative) * x, y
    else:
        lhs, rhs = x - y, within.absolute or F(0)
    return lhs < rhs if strict else lhs <= rhs


@given(intervals(), intervals(), tolerances, st.booleans())
def test_one_sided_truth_matches_every_extreme_point(
    small: Interval, big: Interval, within: Within, strict: bool
) -> None:
    # A linear relation is most and least satisfied at the corners of a box, so the
    # corners (nudged inside at open ends) decide whether it holds somewhere/everywhere.
    outcomes = {holds(x, y, within, strict) for x in witnesses(small) for y in witnesses(big)}
    expected = HOLDS if outcomes == {True} else FAILS if outcomes == {False} else UNDECIDED
    assert at_most_within(small, big, within, strict) is expected


@st.composite
def amounts(draw: st.DrawFn) -> Interval:
    value = draw(intervals())
    if value.low is not None:
        return value
    if value.high == 0:
        return Interval.point(0)
    return Interval(F(0), value.high, True, value.high_closed)  # amounts are >= 0


@given(amounts(), amounts(), tolerances, st.data())
def test_agreement_is_sound_at_sampled_points(
    a: Interval, b: Interval, within: Within, data: st.DataObject
) -> None:
    truth = decide(SPLIT[Op.EQ], (a, b), within)
    x, y = data.draw(st.sampled_from(witnesses(a))), data.draw(st.sampled_from(witnesses(b)))
    both = holds(x, y, within, False) and holds(y, x, within, False)
    if truth is HOLDS:
        assert both
    if truth is FAILS:
        assert not both


@given(
    intervals(),
    intervals(),
    st.fractions(min_value=0, max_value=2, max_denominator=100),
    st.fractions(min_value=0, max_value=10, max_denominator=7),
    st.booleans(),
)
def test_reads_the_same_as_interval_arithmetic(
    small: Interval, big: Interval, p: F, a: F, strict: bool
) -> None:
    relative = at_most(small.scale(1 - p) - big, 0, strict)
    assert at_most_within(small, big, Within(relative=p), strict) is relative
    absolute = at_most(small - big, a, strict)
    assert at_most_within(small, big, Within(absolute=a), strict) is absolute
