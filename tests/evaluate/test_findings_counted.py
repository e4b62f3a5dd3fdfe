"""An odd reading with many partners is counted, less its partners of lower standing: in a
comparison, readings of its own operand are never its partners, and take nothing away."""

from __future__ import annotations

import pytest

from crosscheck.dsl import build_ruleset
from crosscheck.dsl.parser import parse
from crosscheck.evaluate import evaluate
from crosscheck.evaluate.findings import fast
from crosscheck.interval import Interval
from crosscheck.model import Claim


def _claim(measure: str, value: int, place: int) -> Claim:
    return Claim(
        measure=measure,
        interval=Interval.point(value),
        unit="count",
        stated=str(value),
        document=f"{place}.txt",
        source=f"s{place}",
        line=1,
    )


def test_a_lower_reading_of_the_same_operand_takes_nothing_away(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``a`` 25 breaks ``a <= b`` against ``b`` 10 and 20 (both stand higher); ``a`` 500,
    standing lower, is no partner of it: counting and subtracting gives 2, as visiting."""
    rules = build_ruleset([parse("measure a: count\nmeasure b: count\nrule r: a <= b\n")])
    claims = [_claim("b", 10, 1), _claim("b", 20, 2), _claim("b", 30, 3)]
    claims += [_claim("a", 25, 4), _claim("a", 500, 5)]
    visited = evaluate(rules, claims)
    monkeypatch.setattr(fast, "FEW", 0)  # every odd reading counted, less lower ones
    counted = evaluate(rules, claims)
    assert [(f.pairs, f.cited[1].total) for f in visited.findings] == [(2, 2), (3, 3)]
    assert counted == visited
