"""Claim sets built to satisfy or to violate a rule do so, for the evaluator and for
the brute-force oracle alike (so the strategies users rely on are right too)."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from semantics_oracle import truth
from semantics_rules import relations

from crosscheck import testing as cct
from crosscheck.dsl import build_ruleset, parse
from crosscheck.dsl.ast import Rule, RuleSet
from crosscheck.evaluate import evaluate_pairs
from crosscheck.interval import Truth
from crosscheck.model import Claim

SHAPE = cct.RuleShape(max_value=2000, max_days=10, max_terms=2)


@st.composite
def rule_and_set(draw: st.DrawFn) -> tuple[RuleSet, Rule]:
    """A rule set and one of its rules."""
    ruleset = build_ruleset([draw(cct.rule_files(SHAPE, max_rules=3, settings=False))])
    return ruleset, draw(st.sampled_from(ruleset.rules))


def violations_of(ruleset: RuleSet, rule: Rule, claims: list[Claim]) -> list[object]:
    return [v for v in evaluate_pairs(ruleset, claims).violations if v.rule == rule.name]


def failing_relations(ruleset: RuleSet, rule: Rule, claims: list[Claim]) -> int:
    found = relations(ruleset, rule, claims).relations
    return sum(truth(claims, r) is Truth.FAILS for r in found)


@given(rule_and_set(), st.data())
def test_claims_built_to_satisfy_a_rule_never_violate_it(
    case: tuple[RuleSet, Rule], data: st.DataObject
) -> None:
    ruleset, rule = case
    claims = data.draw(cct.claims_satisfying(ruleset, rule))
    assert violations_of(ruleset, rule, claims) == []
    assert failing_relations(ruleset, rule, claims) == 0


@given(rule_and_set(), st.data())
def test_claims_built_to_violate_a_rule_violate_it(
    case: tuple[RuleSet, Rule], data: st.DataObject
) -> None:
    ruleset, rule = case
    assume(cct.why_unviolable(ruleset, rule) is None)  # e.g. `killed >= 0`: rare
    claims = data.draw(cct.claims_violating(ruleset, rule))
    assert violations_of(ruleset, rule, claims)
    assert failing_relations(ruleset, rule, claims) >= 1


@pytest.mark.parametrize(
    "rule",
    [
        "rule r: killed >= 0",
        "rule r: 0 <= killed + wounded",
        "rule r: killed >= -5 within 2",
        "rule r: killed nondecreasing over time within 0 days",
    ],
)
def test_rules_nothing_can_violate_are_refused_at_once(rule: str) -> None:
    text = f"measure killed: count, cumulative\nmeasure wounded: count\n{rule}\n"
    ruleset = build_ruleset([parse(text)])
    with pytest.raises(cct.Unviolable, match="can never be violated"):
        cct.claims_violating(ruleset, "r")


def test_an_unknown_rule_is_named_in_the_error() -> None:
    ruleset = build_ruleset([parse("measure m: count\nrule r: m agree within 5%\n")])
    with pytest.raises(KeyError, match="no rule 'q'"):
        cct.claims_satisfying(ruleset, "q")
