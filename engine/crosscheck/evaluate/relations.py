"""Three-valued truth of one-sided linear relations between intervals.

Every rule kind reduces to a conjunction of constraints ``small <= big [within tol]``
(or ``<``). Each is linear in the two values, so its truth over a box of values is
read exactly off one interval: ``L = c1*small - c2*big`` compared with a bound.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from crosscheck.dsl.ast import Absolute, Constant, Op, Relative, Tolerance
from crosscheck.interval import Interval, Truth, at_most
from crosscheck.units import conversion_factor


@dataclass(frozen=True, slots=True)
class Within:
    """A tolerance ready for arithmetic, in the working unit of a rule.

    ``relative`` is a fraction of the larger value (3/20 for 15%); ``absolute`` an
    amount; neither set means exact.
    """

    relative: Fraction | None = None
    absolute: Fraction | None = None
    # The same as the constraint ``k*small - big <= bound``, worked out once per rule.
    k: Fraction = field(init=False, compare=False, repr=False)
    bound: Fraction = field(init=False, compare=False, repr=False)
    # k and bound as (numerator, denominator) pairs: what the hot path multiplies.
    ints: tuple[int, int, int, int] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.relative is not None:
            k, bound = 1 - self.relative, Fraction(0)
        else:
            k, bound = Fraction(1), self.absolute or Fraction(0)
        object.__setattr__(self, "k", k)
        object.__setattr__(self, "bound", bound)
        ints = (k.numerator, k.denominator, bound.numerator, bound.denominator)
        object.__setattr__(self, "ints", ints)


EXACT = Within()


def tolerance_in(tolerance: Tolerance, unit: str) -> Within:
    """The rule's tolerance with percentages as fractions and amounts in ``unit``."""
    if tolerance is None:
        return EXACT
    if isinstance(tolerance, Relative):
        return Within(relative=tolerance.percent / 100)
    assert isinstance(tolerance, Absolute)
    factor = Fraction(1) if tolerance.unit is None else conversion_factor(tolerance.unit, unit)
    return Within(absolute=tolerance.amount * factor)


def constant_in(constant: Constant, unit: str) -> Fraction:
    """A rule's constant in ``unit`` (a bare number is already in it)."""
    if constant.unit is None:
        return constant.value
    return constant.value * conversion_factor(constant.unit, unit)


def at_most_within(small: Interval, big: Interval, within: Within, strict: bool = False) -> Truth:
    """Truth of ``small <= big within tolerance`` (``<`` when strict) over both intervals.

    Relative p: ``(1-p)*small <= big``; absolute a: ``small - big <= a``; exact:
    ``small <= big``.
    """
    return _at_most_ints(within.ints, small, big, strict)


def _at_most_ints(ints: tuple[int, int, int, int], x: Interval, y: Interval, strict: bool) -> Truth:
    """Truth of ``k*x - y <= bound`` (``<`` when strict), ``k`` and ``bound`` given as
    (numerator, denominator) pairs; read off the ends of ``L = k*X - Y``, the same as
    ``at_most(x.scale(k) - y, bound, strict)``, which this spares the building of
    intermediate intervals on the hot path.
    """
    kn, kd, cn, cd = ints
    if kn < 0:
        return at_most(x.scale(Fraction(kn, kd)) - y, Fraction(cn, cd), strict)
    # sup L = k*sup X - inf Y; inf L = k*inf X - sup Y (k*X is the point 0 when k == 0).
    if kn == 0:
        x_high: Fraction | None = _ZERO
        x_low: Fraction | None = _ZERO
        x_high_closed = x_low_closed = True
    else:
        x_high, x_high_closed, x_low, x_low_closed = x.high, x.high_closed, x.low, x.low_closed
    y_low = y.low
    if x_high is not None and y_low is not None:
        sign = _sign(kn, kd, x_high, y_low, cn, cd)
        if sign < 0 or (sign == 0 and (not strict or not (x_high_closed and y.low_closed))):
            return Truth.HOLDS
    y_high = y.high
    if x_low is not None and y_high is not None:
        sign = _sign(kn, kd, x_low, y_high, cn, cd)
        if sign > 0 or (sign == 0 and (strict or not (x_low_closed and y.high_closed))):
            return Truth.FAILS
    return Truth.UNDECIDED


_ZERO = Fraction(0)


def _sign(kn: int, kd: int, a: Fraction, b: Fraction, cn: int, cd: int) -> int:
    """The sign of ``k*a - b - c`` (``k = kn/kd``, ``c = cn/cd``), over a common
    positive denominator.

    Plain integer products: Fraction arithmetic would reduce every intermediate
    result, which dominates the cost of checking many pairs.
    """
    an, ad, bn, bd = a.numerator, a.denominator, b.numerator, b.denominator
    if cn == 0:  # c is 0: the common denominator needs no factor cd
        total = kn * an * bd - bn * kd * ad
    else:
        total = kn * an * bd * cd - bn * kd * ad * cd - cn * kd * ad * bd
    return (total > 0) - (total < 0)


@dataclass(frozen=True, slots=True)
class Constraint:
    """``values[small] <= values[big]`` (``<`` when strict), under the rule's tolerance."""

    small: int
    big: int
    strict: bool = False


# How each operator between sides 0 (left) and 1 (right) splits into one-sided constraints.
SPLIT: dict[Op, tuple[Constraint, ...]] = {
    Op.LE: (Constraint(0, 1),),
    Op.LT: (Constraint(0, 1, strict=True),),
    Op.GE: (Constraint(1, 0),),
    Op.GT: (Constraint(1, 0, strict=True),),
    Op.EQ: (Constraint(0, 1), Constraint(1, 0)),
}


def truth_of(constraint: Constraint, values: Sequence[Interval], within: Within) -> Truth:
    """Truth of one constraint with its two values ranging over their intervals."""
    return at_most_within(
        values[constraint.small], values[constraint.big], within, constraint.strict
    )


def decide(constraints: Iterable[Constraint], values: Sequence[Interval], within: Within) -> Truth:
    """Truth of all constraints together (HOLDS when there are none).

    The conjunction FAILS exactly when one conjunct FAILS: the values satisfying
    all of them form a convex set (a band or, for non-negative amounts, a cone)
    whose complement in the non-negative quadrant falls into two parts, one per
    constraint, and a box lies wholly in one part or meets the set.
    """
    ints, holds = within.ints, True
    for c in constraints:
        truth = _at_most_ints(ints, values[c.small], values[c.big], c.strict)
        if truth is Truth.FAILS:  # FAILS whatever the other conjuncts are
            return truth
        holds = holds and truth is Truth.HOLDS
    return Truth.HOLDS if holds else Truth.UNDECIDED


def failing(
    constraints: Iterable[Constraint], values: Sequence[Interval], within: Within
) -> tuple[Constraint, ...]:
    """The constraints that fail for every choice of values (to explain a violation)."""
    return tuple(c for c in constraints if truth_of(c, values, within) is Truth.FAILS)
