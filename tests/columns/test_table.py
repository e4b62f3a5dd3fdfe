"""The claim table: rows made back into the records they came from, claim order as the
evaluator's context orders claims."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from crosscheck import testing as cct
from crosscheck.columns.table import NO_DAY, ClaimColumns, Coded
from crosscheck.dsl import build_ruleset
from crosscheck.dsl.ast import RuleSet
from crosscheck.evaluate.context import _ranks
from crosscheck.interval import Interval
from crosscheck.model import AsOf, Claim


@st.composite
def claim_sets(draw: st.DrawFn) -> tuple[RuleSet, list[Claim]]:
    shape = cct.RuleShape(max_terms=2, max_value=60, max_days=4, words=False)
    ruleset = build_ruleset([draw(cct.rule_files(shape, max_measures=3, max_rules=2))])
    docs = cct.documents(min_size=1, max_size=4, days=5)
    found = cct.claim_sets(ruleset, docs=docs, values=cct.amounts(60), max_size=12, repeats=True)
    return ruleset, draw(found)


@given(claim_sets())
def test_rows_are_the_claims_and_ranks_are_claim_order(case: tuple[RuleSet, list[Claim]]) -> None:
    _, claims = case
    table = ClaimColumns.from_claims(claims)
    assert len(table) == len(claims)
    assert [table.claim(i) for i in range(len(claims))] == claims
    ranks, _ = _ranks(claims)
    assert table.rank.tolist() == [ranks[id(c)] for c in claims]


def test_wide_ends_undated_and_as_of_rows() -> None:
    huge = Fraction(2**70, 3)
    claims = [
        Claim(
            measure="m",
            interval=Interval(huge, None, False),
            unit="count",
            stated="x",
            document="b.txt",
            source="s",
        ),
        Claim(
            measure="m",
            interval=Interval.point(5),
            unit="count",
            stated="5",
            document="a.txt",
            source="s",
            date=dt.date(2024, 1, 3),
            as_of=AsOf(start=None, end=dt.date(2024, 1, 2)),
        ),
    ]
    table = ClaimColumns.from_claims(claims)
    assert table.wide == {0: claims[0].interval}
    assert [table.claim(0), table.claim(1)] == claims
    assert table.rank.tolist() == [1, 0]
    first, last = table.spans()
    assert first.tolist() == [NO_DAY, NO_DAY] and last.tolist() == [NO_DAY, NO_DAY]


def test_the_same_place_is_told_apart_by_the_rest_of_the_key() -> None:
    def at(stated: str, value: int) -> Claim:
        return Claim(
            measure="m",
            interval=Interval.point(value),
            unit="count",
            stated=stated,
            document="a.txt",
            source="s",
            start=0,
        )

    claims = [at("b", 10), at("a", 9), at("a", 10), at("a", 10)]
    ranks, _ = _ranks(claims)
    table = ClaimColumns.from_claims(claims)
    assert (
        table.rank.tolist() == [ranks[id(c)] for c in claims] == [2, 1, 0, 0]
    )  # "10" before "9" as text


def test_take_and_coded() -> None:
    coded = Coded.encode(["b", None, "a", "b"])
    assert coded.values == ("b", "a") and coded.ordered().tolist() == [1, -1, 0, 1]
    claims = [
        Claim(
            measure="m",
            interval=Interval.point(v),
            unit="count",
            stated=str(v),
            document=f"{v}.txt",
            source="s",
        )
        for v in (3, 1, 2)
    ]
    table = ClaimColumns.from_claims(claims).take(np.array([2, 0], dtype=np.int64))
    assert [table.claim(0), table.claim(1)] == [claims[2], claims[0]]
    assert table.rank.tolist() == [0, 1]
