"""Claim keys: claims alike in all but their interval are ordered by its text."""

from __future__ import annotations

from fractions import Fraction as F

from crosscheck.evaluate.context import claim_key
from crosscheck.interval import Interval
from crosscheck.model import Claim


def claim(interval: Interval) -> Claim:
    return Claim(
        measure="killed", interval=interval, unit="item", stated="", document="a.txt", source="s"
    )


def test_interval_breaks_ties_as_its_text_does() -> None:
    intervals = [
        Interval.point(10),
        Interval.closed(9, 11),
        Interval(F(5), None, low_closed=False),
        Interval.point(F(1, 3)),
        Interval.closed(100, 1000),
    ]
    claims = [claim(iv) for iv in intervals]
    assert sorted(claims, key=claim_key) == sorted(claims, key=lambda c: str(c.interval))


def test_equal_intervals_give_equal_keys() -> None:
    assert claim_key(claim(Interval.point(10))) == claim_key(claim(Interval.point(F(20, 2))))
    assert claim_key(claim(Interval.point(10))) != claim_key(claim(Interval.point(11)))
