"""Claim keys: claims alike in all but their interval are ordered by its text."""

from __future__ import annotations

from fractions import Fraction as F

from claim_factory import make_claim
from crosscheck.evaluate.context import claim_key
from crosscheck.interval import Interval

# Every field but the interval the same; an empty `stated`, which the key orders by first.
ALIKE = {"source": "s", "stated": ""}


def test_interval_breaks_ties_as_its_text_does() -> None:
    intervals = [
        Interval.point(10),
        Interval.closed(9, 11),
        Interval(F(5), None, low_closed=False),
        Interval.point(F(1, 3)),
        Interval.closed(100, 1000),
    ]
    claims = [make_claim(interval=iv, **ALIKE) for iv in intervals]
    assert sorted(claims, key=claim_key) == sorted(claims, key=lambda c: str(c.interval))


def test_equal_intervals_give_equal_keys() -> None:
    ten = claim_key(make_claim(interval=Interval.point(10), **ALIKE))
    assert ten == claim_key(make_claim(interval=Interval.point(F(20, 2)), **ALIKE))
    assert ten != claim_key(make_claim(interval=Interval.point(11), **ALIKE))
