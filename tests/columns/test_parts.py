"""Claims of parts of the event (``Claim.part``) on columns: the columnar evaluator groups
rows by part as the record path's scopes do, for pairwise and grouped rules alike."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st
from test_grouped import columnar, grouped_cases, recorded
from test_pairwise import assert_same, pairwise_cases

from crosscheck import testing as cct
from crosscheck.columns.table import ClaimColumns
from crosscheck.dsl.ast import RuleSet
from crosscheck.interval import Interval
from crosscheck.model import Claim

# Parts as texts write them: one written two ways ("Pakistan", " pakistan"), another, none.
PARTS = st.sampled_from([None, None, "Pakistan", " pakistan", "Afghanistan", "schoolgirls"])


# Places too: an acronym of a part names it ("NWFP": evaluate.places.part_named).
PLACES = st.sampled_from(
    [None, None, "Pakistan", " pakistan", "Afghanistan", "North West Frontier Province", "NWFP"]
)


def with_parts(draw: st.DrawFn, claims: list[Claim]) -> list[Claim]:
    """The claims, each given a part drawn from ``PARTS``."""
    return [c.model_copy(update={"part": draw(PARTS)}) for c in claims]


def with_places(draw: st.DrawFn, claims: list[Claim]) -> list[Claim]:
    """The claims, each given a part and a place drawn from ``PLACES`` (a place that some
    claim counts as a part becomes the part of the claims naming it: ``evaluate.places``)."""
    return [c.model_copy(update={"part": draw(PLACES), "place": draw(PLACES)}) for c in claims]


Give = Callable[[st.DrawFn, list[Claim]], list[Claim]]


@st.composite
def pairwise_given(draw: st.DrawFn, give: Give) -> tuple[RuleSet, list[Claim]]:
    """A pairwise case, its claims given parts or places by ``give``."""
    ruleset, claims = draw(pairwise_cases(cct.amounts(40, whole=True, allow_unbounded=False), 24))
    return ruleset, give(draw, claims)


@st.composite
def grouped_given(draw: st.DrawFn, give: Give) -> tuple[RuleSet, list[Claim]]:
    """A grouped case, its claims given parts or places by ``give``."""
    ruleset, claims = draw(grouped_cases(cct.amounts(12, whole=True)))
    return ruleset, give(draw, claims)


@st.composite
def broken_down(draw: st.DrawFn) -> tuple[RuleSet, list[Claim]]:
    """Claims of two documents, most with no part and some with a place: a document's
    figure for a place below its placeless figures makes the place a part (``parts_of``)."""
    ruleset, claims = draw(pairwise_cases(cct.amounts(40, whole=True, allow_unbounded=False), 24))
    documents = st.sampled_from(["a.txt", "b.txt"])
    places = st.sampled_from([None, None, "Nepal", " nepal", "Bhutan"])
    return ruleset, [
        c.model_copy(update={"document": draw(documents), "place": draw(places), "part": None})
        for c in claims
    ]


@given(pairwise_given(with_parts), st.integers(1, 3))
def test_pairwise_rules_group_parts_as_the_record_path(
    case: tuple[RuleSet, list[Claim]], cite: int
) -> None:
    assert_same(*case, cite)


@given(grouped_given(with_parts))
def test_grouped_rules_group_parts_as_the_record_path(case: tuple[RuleSet, list[Claim]]) -> None:
    assert columnar(*case, 3) == recorded(*case, 3)


@given(pairwise_given(with_places), st.integers(1, 3))
def test_pairwise_rules_take_places_as_parts_as_the_record_path(
    case: tuple[RuleSet, list[Claim]], cite: int
) -> None:
    assert_same(*case, cite)


@given(grouped_given(with_places))
def test_grouped_rules_take_places_as_parts_as_the_record_path(
    case: tuple[RuleSet, list[Claim]],
) -> None:
    assert_same(*case, 3)  # the whole evaluator: places become parts before any rule


@given(broken_down(), st.integers(1, 3))
def test_articles_breaking_their_whole_down_give_parts_as_the_record_path(
    case: tuple[RuleSet, list[Claim]], cite: int
) -> None:
    assert_same(*case, cite)


def test_a_row_keeps_its_part() -> None:
    claim = Claim(measure="killed", interval=Interval.point(3), unit="item", stated="3",
                  document="a.txt", source="A", part="in Takhar province")  # fmt: skip
    assert ClaimColumns.from_claims([claim]).claim(0) == claim


def test_a_row_keeps_its_place() -> None:
    claim = Claim(measure="killed", interval=Interval.point(3), unit="item", stated="3",
                  document="a.txt", source="A", place="Takhar")  # fmt: skip
    assert ClaimColumns.from_claims([claim]).claim(0) == claim
