"""Deciding only the pairs that could fail reports exactly what deciding every pair does.

evaluate_pairs() finds the pairs that could fail by sorting (evaluate/candidates.py,
evaluate/shortlist.py); strategy="all_pairs" decides every pair in scope, the
reference. Both must give identical outcomes: the same violations with the same
words in the same order, and the same skipped claims. Claim sets are generated with
open, closed and unbounded ends, values on a grid (so tolerance boundaries are hit
exactly), several documents, sources and dates, and undated claims.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from fractions import Fraction as F

from evaluate_helpers import agree, rule
from hypothesis import given, settings
from hypothesis import strategies as st
from test_evaluate_cases import compile_rules

from claim_factory import make_claim
from crosscheck.dsl.ast import (
    Absolute,
    Comparison,
    Measure,
    MeasureRef,
    Monotonic,
    Op,
    Relative,
    RuleSet,
    Sum,
)
from crosscheck.evaluate import Pairwise, evaluate_pairs
from crosscheck.evaluate.candidates import DateRule, Part, Threshold
from crosscheck.evaluate.context import Item
from crosscheck.evaluate.scopes import pairs_in_scope, single_sides
from crosscheck.evaluate.shortlist import unordered_shortlist
from crosscheck.interval import Interval
from crosscheck.model import Claim

RULE_TEXT = """
measure deployed: count
measure killed: count, cumulative
measure wounded: count, cumulative
measure casualties: count, cumulative
measure caliber: length in mm
measure reach: length in cm
rule r01: deployed agree within 15%
rule r02: deployed agree exactly per source
rule r03: killed agree within 50% within 7 days
rule r04: killed <= casualties
rule r05: killed + wounded == casualties within 10% per document
rule r06: casualties nondecreasing over time
rule r07: casualties nondecreasing over time within 10% per source within 30 days
rule r08: caliber agree within 5 mm
rule r09: deployed > killed within 20% per document
rule r10: deployed == deployed within 10%
rule r11: caliber <= reach within 1 cm
rule r12: killed < casualties within 5 across sources within 3 days
rule r13: deployed >= 100
rule r14: deployed within 1 .. 1000
rule r15: killed + wounded == wounded + killed within 10%
rule r16: wounded >= killed within 25% per source
rule r17: deployed agree within 0% within 0 days
rule r18: killed + deployed <= casualties within 3 days
rule r19: deployed + deployed == casualties within 10% per source
rule r20: casualties agree within 20% per document within 10 days
"""
MEASURES = ("deployed", "killed", "wounded", "casualties", "caliber", "reach")
DAY_ZERO = date(2024, 12, 1)


def rules_under_test() -> RuleSet:
    """The rule file above, plus tolerances the checker refuses but the evaluator
    must still get right (100% and more, a zero absolute amount)."""
    rules = compile_rules(RULE_TEXT)
    killed, deployed = Sum((MeasureRef("killed"),)), Sum((MeasureRef("deployed"),))
    extra = (
        rule("x1", agree("deployed", 100)),
        rule("x2", agree("deployed", 150), "per source"),
        rule("x3", Comparison(killed, Op.GE, deployed, Absolute(F(0)))),
        rule("x4", Monotonic(MeasureRef("killed"), Relative(F(100)))),
    )
    return replace(rules, rules=rules.rules + extra)


def grid_claim(
    measure: str, ends: tuple[F | None, F | None, bool, bool], doc: int, day: int | None, at: int
) -> Claim:
    low, high, low_closed, high_closed = ends
    if low is not None and high is not None and low == high:
        low_closed = high_closed = True  # a point: the only non-empty reading
    return make_claim(
        measure,
        Interval(low, high, low_closed, high_closed),
        f"doc{doc}",
        f"src{doc % 3}",
        None if day is None else DAY_ZERO + timedelta(days=day),
        unit=RULES.unit_of(measure),
        stated=f"stated {at}",
        start=at,
        end=at + 1,
    )


@st.composite
def ends(draw: st.DrawFn) -> tuple[F | None, F | None, bool, bool]:
    """An interval's ends on a grid of halves: open, closed or unbounded."""
    low = F(draw(st.integers(0, 600)), 2)
    width = draw(st.one_of(st.none(), st.integers(0, 120).map(lambda n: F(n, 2))))
    high = None if width is None else low + width
    unbounded_low = draw(st.integers(0, 30)) == 0  # rare: amounts are non-negative
    return (None if unbounded_low else low), high, draw(st.booleans()), draw(st.booleans())


@st.composite
def claim_sets(draw: st.DrawFn) -> list[Claim]:
    count = draw(st.integers(0, 50))
    claims = []
    for at in range(count):
        measure = draw(st.sampled_from(MEASURES))
        day = draw(st.one_of(st.none(), st.integers(0, 40)))
        claims.append(grid_claim(measure, draw(ends()), draw(st.integers(0, 6)), day, at))
    duplicates = draw(st.lists(st.sampled_from(claims), max_size=3)) if claims else []
    return claims + duplicates  # equal claims are still two claims


RULES = rules_under_test()


def assert_same(claims: list[Claim]) -> Pairwise:
    fast = evaluate_pairs(RULES, claims)
    assert fast == evaluate_pairs(RULES, claims, strategy="all_pairs")
    return fast


@settings(max_examples=150, deadline=None)
@given(claim_sets())
def test_shortlist_reports_exactly_what_all_pairs_reports(claims: list[Claim]) -> None:
    assert_same(claims)


def random_claims(seed: int, count: int) -> list[Claim]:
    """Many claims around a few true values, so most pairs hold and some fail."""
    rng = random.Random(seed)
    claims = []
    for at in range(count):
        measure = rng.choice(MEASURES)
        centre = rng.choice((100, 120, 200, 1000)) + 10 * rng.randrange(-3, 4)
        low = F(centre * rng.choice((9, 10)), 10)
        high = rng.choice((low, low + rng.randrange(0, 40), None))
        shape = (low, high, rng.random() < 0.7, rng.random() < 0.7)
        day = None if rng.random() < 0.05 else rng.randrange(60)
        claims.append(grid_claim(measure, shape, rng.randrange(40), day, at))
    return claims


def test_shortlist_on_larger_random_sets() -> None:
    for seed in range(2):
        claims = random_claims(seed, 400)
        outcome = assert_same(claims)
        assert len({v.rule for v in outcome.violations}) >= 10  # it compares something
        assert outcome.violations == evaluate_pairs(RULES, claims, keep_undecided=True).violations


def test_agreeing_claims_are_not_paired_at_all() -> None:
    # 200 equal estimates and one far off: only the outlier's pairs can fail.
    items = [make_claim("deployed", Interval.point(100), f"d{n:03d}") for n in range(200)]
    items.append(make_claim("deployed", Interval.point(500), "outlier"))
    sides = single_sides(_items(items))
    scope = rule("r", agree("deployed", 15)).scope
    threshold = Threshold(F(85, 100), F(0))
    shortlist = list(unordered_shortlist(sides, scope, Part(0, 1, DateRule.ANY), threshold))
    assert len(shortlist) == 200
    assert all("outlier" in (a.document, b.document) for a, b in shortlist)
    assert len(list(pairs_in_scope(sides, None, scope))) == 200 * 201 // 2


def test_running_totals_that_grow_are_not_paired() -> None:
    # A toll that grows day by day: pairs dated the wrong way round are never candidates.
    rules = ruleset_of(Measure("killed", "count", cumulative=True))
    tolls = [
        make_claim("killed", Interval.point(10 * day + 10), f"d{day:03d}", date=_day(day))
        for day in range(150)
    ]
    sides = single_sides(_items(tolls))
    scope = rules.rules[0].scope
    shortlist = unordered_shortlist(sides, scope, Part(0, 1, DateRule.AFTER), Threshold(F(1), F(0)))
    assert list(shortlist) == []
    assert evaluate_pairs(rules, tolls) == evaluate_pairs(rules, tolls, strategy="all_pairs")


def ruleset_of(measure: Measure) -> RuleSet:
    grow = rule("grow", Monotonic(MeasureRef(measure.name)))
    measures = {measure.name: measure}
    return RuleSet(subjects={}, measures=measures, rules=(grow,), hedges={}, vague={})


def _day(n: int) -> str:
    return (DAY_ZERO + timedelta(days=n)).isoformat()


def _items(claims: list[Claim]) -> list[Item]:
    return [Item(index, c) for index, c in enumerate(claims)]
