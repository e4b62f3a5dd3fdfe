"""The public strategies draw what they promise (crosscheck.testing is an API)."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from crosscheck import testing as cct
from crosscheck.dsl import build_ruleset, parse
from crosscheck.hedges import ReadingSettings, family_of, hedged_interval
from crosscheck.interval import Interval
from crosscheck.model import Claim, Document

RULESET = build_ruleset([parse("measure m: length in mm\nmeasure n: count\n")])


@given(cct.intervals(-50, 50, allow_open=True))
def test_intervals_lie_in_their_range(iv: Interval) -> None:
    assert iv.low is None or iv.low >= -50
    assert iv.high is None or iv.high <= 50
    assert not (iv.is_point and not (iv.low_closed and iv.high_closed))


@given(cct.amounts(100))
def test_amounts_are_never_negative(iv: Interval) -> None:
    assert iv.low is not None and iv.low >= 0


@given(cct.numbers(0, 10_000).flatmap(lambda v: st.tuples(st.just(v), cct.around(v))))
def test_around_holds_its_value(case: tuple[Fraction, Interval]) -> None:
    value, iv = case
    assert iv.contains(value)
    assert iv.low is not None and iv.low >= 0


@given(cct.hedged_numbers())
def test_hedged_numbers_carry_their_reading(amount: cct.HedgedNumber) -> None:
    assert amount.interval == hedged_interval(
        amount.low, amount.high, amount.hedge, ReadingSettings()
    )
    family = family_of(amount.hedge)
    if family in (None, "approximately", "at least", "up to"):
        assert amount.interval.contains(amount.low) and amount.interval.contains(amount.high)


@given(cct.claims(RULESET, "m", min_size=1))
def test_claims_are_of_their_measure_in_its_unit_at_distinct_places(claims: list[Claim]) -> None:
    places = [(c.document, c.start) for c in claims]
    assert len(set(places)) == len(places)
    assert {(c.measure, c.unit) for c in claims} == {("m", RULESET.unit_of("m"))}


@given(cct.documents(min_size=2, max_size=5))
def test_documents_have_distinct_paths(docs: list[Document]) -> None:
    paths = [d.path for d in docs]
    assert len(set(paths)) == len(paths) >= 2
