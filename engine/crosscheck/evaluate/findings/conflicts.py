"""Whether two readings conflict, decided exactly as the pairwise evaluator decides a pair.

Readings of one pair have uniform times (each reading has one span), so the parts in
force, the day window and the truth are the same for every pair of their sides; only
the scope tells side pairs apart (``readings.related_pairs``).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from crosscheck.evaluate.candidates import DateRule
from crosscheck.evaluate.findings.readings import Reading
from crosscheck.evaluate.findings.setup import Part, Setup
from crosscheck.evaluate.relations import Constraint, Within, decide, failing
from crosscheck.interval import Truth


def in_time(small: Reading, big: Reading, dates: DateRule) -> bool:
    """Whether a part with ``small`` before ``big`` is in force at their times (§6, §4.6)."""
    if dates is DateRule.ANY:
        return True
    if small.last is None or big.first is None:
        return False
    if dates is DateRule.NOT_BEFORE:
        return small.last <= big.first
    return small.last < big.first


def in_window(u: Reading, v: Reading, days: int | None) -> bool:
    """Whether both readings' times fit in ``days`` days (§5)."""
    if days is None:
        return True
    if u.first is None or u.last is None or v.first is None or v.last is None:
        return False
    return (max(u.last, v.last) - min(u.first, v.first)).days <= days


def constraints(setup: Setup, pair: tuple[Reading, Reading]) -> tuple[Constraint, ...]:
    """The one-sided parts in force between ``pair`` (role order for a comparison; either
    way round for one operand), as constraints on ``(pair[0], pair[1])``."""
    found: list[Constraint] = []
    for part in setup.parts:
        if setup.symmetric:
            oriented: tuple[Part, ...] = (Part(0, 1, part.dates), Part(1, 0, part.dates))
        else:
            oriented = (part,)
        for p in oriented:
            if in_time(pair[p.small], pair[p.big], p.dates):
                found.append(Constraint(p.small, p.big, p.strict))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class Verdict:
    """A failing pair of readings: the constraint that fails and by how much it fails
    (``k*small - big - bound`` at the closest ends: 0 or more)."""

    failed: Constraint
    margin: Fraction
    one_way: bool  # the only part in force (running totals in date order, growth)


def verdict(setup: Setup, pair: tuple[Reading, Reading]) -> Verdict | None:
    """How ``pair`` fails, or None when it holds or is undecided (or is out of window)."""
    if not in_window(pair[0], pair[1], setup.rule.scope.days):
        return None
    parts = constraints(setup, pair)
    values = (pair[0].interval, pair[1].interval)
    if decide(parts, values, setup.within) is not Truth.FAILS:
        return None
    failed = failing(parts, values, setup.within)[0]
    one_way = len(parts) == 1 and setup.symmetric
    return Verdict(failed, margin(failed, pair, setup.within), one_way)


def margin(failed: Constraint, pair: tuple[Reading, Reading], within: Within) -> Fraction:
    """How far a failing constraint fails at its closest ends."""
    low = pair[failed.small].interval.low
    high = pair[failed.big].interval.high
    assert low is not None and high is not None, "a failing constraint has finite ends"
    return within.k * low - high - within.bound
