"""Soundness and completeness of every rule kind and scope, against brute force.

Rule files come from ``crosscheck.testing.rule_files`` (comparisons with sums and
constants, agreements, ranges, growth; every scope, day windows, running totals,
every kind of tolerance and unit), claims from ``claim_sets``. The oracle
(``semantics_rules`` + ``semantics_oracle``) lists the relations each rule makes and
decides them from points; the evaluator must report exactly those that fail, cite
them as docs/semantics.md §8 says, and skip exactly the claims §7 names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from semantics_oracle import Relation, holds_somewhere_sampled, truth
from semantics_rules import key_of, order_key, relations

from crosscheck import testing as cct
from crosscheck.dsl import build_ruleset
from crosscheck.dsl.ast import Comparison, Op, RuleSet
from crosscheck.evaluate import Pairwise, evaluate_pairs
from crosscheck.interval import Interval, Truth
from crosscheck.model import Claim, Violation
from crosscheck.testing.rulefiles import RULE_KINDS


@st.composite
def cases(
    draw: st.DrawFn,
    values: st.SearchStrategy[Interval],
    shape: cct.RuleShape,
    repeats: bool = False,
) -> tuple[RuleSet, list[Claim]]:
    """A small rule file (one to three rules) and claims of its measures (with
    ``repeats``, some repeating an earlier claim in another document)."""
    rule_file = draw(cct.rule_files(shape, max_measures=3, max_rules=3, settings=False))
    ruleset = build_ruleset([rule_file])
    docs = cct.documents(max_size=3, days=5)
    found = cct.claim_sets(ruleset, docs=docs, values=values, max_size=7, repeats=repeats)
    return ruleset, draw(found)


def shape(max_value: int, **options: Any) -> cct.RuleShape:
    return cct.RuleShape(max_terms=2, max_value=max_value, max_days=4, words=False, **options)


# Finite intervals with small whole ends: the ground on which completeness is claimed.
WHOLE = cct.amounts(12, whole=True, allow_unbounded=False)
SMALL = cases(WHOLE, shape(12))
# One kind of rule at a time, so that each gets its share of examples.
BY_KIND = {kind: cases(WHOLE, shape(12, kinds=(kind,))) for kind in RULE_KINDS}
# Measures of one or two kinds of quantity, so that units are mixed in one rule.
MIXED_UNITS = cases(WHOLE, shape(12, quantities=("length", "mass")))
# Anything a claim may hold: open, unbounded, fractional ends.
ANY = cases(cct.amounts(60), shape(60))
# Comparisons with sums of up to three terms (a measure named twice, or on both sides).
SUMS = cases(
    cct.amounts(12, whole=True),
    cct.RuleShape(kinds=("comparison",), max_terms=3, max_value=12, max_days=4, words=False),
)


def position(claims: Sequence[Claim], claim: Claim) -> int:
    """Where a claim stands in the input (claims are told apart by document and start)."""
    return next(
        i for i, c in enumerate(claims) if (c.document, c.start) == (claim.document, claim.start)
    )


def cited(claims: Sequence[Claim], violation: Violation) -> tuple[int, ...]:
    """The input positions of the claims a violation cites."""
    return tuple(position(claims, c) for c in violation.claims)


def decided(ruleset: RuleSet, claims: list[Claim]) -> dict[str, dict[Truth, list[Relation]]]:
    """The oracle's relations of each rule, by truth."""
    result: dict[str, dict[Truth, list[Relation]]] = {}
    for rule in ruleset.rules:
        by_truth: dict[Truth, list[Relation]] = {t: [] for t in Truth}
        for relation in relations(ruleset, rule, claims).relations:
            by_truth[truth(claims, relation)].append(relation)
        result[rule.name] = by_truth
    return result


def assert_reported(
    ruleset: RuleSet, claims: list[Claim], found: tuple[Violation, ...], truth_: Truth
) -> None:
    """The evaluator's findings of each rule are the oracle's relations of that truth,
    each once, citing its claims in the specified order, sorted by citation."""
    oracle = decided(ruleset, claims)
    for rule in ruleset.rules:
        mine = [cited(claims, v) for v in found if v.rule == rule.name]
        relations_ = oracle[rule.name][truth_]
        expected = {r.key: r for r in relations_}
        keys = Counter(key_of(rule, c, claims) for c in mine)
        assert keys == Counter(r.key for r in relations_), rule
        symmetric = isinstance(rule.body, Comparison) and rule.body.op is Op.EQ
        for c in mine:
            if not symmetric:  # a == a: either way round is the same relation
                assert c == expected[key_of(rule, c, claims)].cited, rule
        order = [tuple(order_key(claims[i]) for i in c) for c in mine]
        assert order == sorted(order)


def outcome_of(ruleset: RuleSet, claims: list[Claim]) -> Pairwise:
    return evaluate_pairs(ruleset, claims, keep_undecided=True)


@pytest.mark.parametrize("kind", RULE_KINDS)
@given(data=st.data())
def test_violations_are_exactly_the_relations_failing_everywhere(
    kind: str, data: st.DataObject
) -> None:
    ruleset, claims = data.draw(BY_KIND[kind])
    violations = evaluate_pairs(ruleset, claims).violations  # the shortlist of pairs that can fail
    assert_reported(ruleset, claims, violations, Truth.FAILS)
    assert outcome_of(ruleset, claims).violations == violations  # every pair decided


@given(MIXED_UNITS)
def test_measures_constants_and_tolerances_in_mixed_units(
    case: tuple[RuleSet, list[Claim]],
) -> None:
    ruleset, claims = case
    outcome = outcome_of(ruleset, claims)
    assert_reported(ruleset, claims, evaluate_pairs(ruleset, claims).violations, Truth.FAILS)
    assert_reported(ruleset, claims, outcome.undecided, Truth.UNDECIDED)


@given(ANY)
def test_with_open_and_unbounded_ends_too(case: tuple[RuleSet, list[Claim]]) -> None:
    ruleset, claims = case
    outcome = outcome_of(ruleset, claims)
    assert_reported(ruleset, claims, evaluate_pairs(ruleset, claims).violations, Truth.FAILS)
    assert_reported(ruleset, claims, outcome.violations, Truth.FAILS)
    assert_reported(ruleset, claims, outcome.undecided, Truth.UNDECIDED)


@given(SUMS)
def test_sums_of_up_to_three_terms(case: tuple[RuleSet, list[Claim]]) -> None:
    ruleset, claims = case
    outcome = outcome_of(ruleset, claims)
    assert_reported(ruleset, claims, evaluate_pairs(ruleset, claims).violations, Truth.FAILS)
    assert_reported(ruleset, claims, outcome.violations, Truth.FAILS)
    assert_reported(ruleset, claims, outcome.undecided, Truth.UNDECIDED)


@given(ANY)
def test_a_violation_fails_at_every_sampled_point(case: tuple[RuleSet, list[Claim]]) -> None:
    ruleset, claims = case
    for violation in outcome_of(ruleset, claims).violations:
        rule = next(r for r in ruleset.rules if r.name == violation.rule)
        key = key_of(rule, cited(claims, violation), claims)
        relation = next(r for r in relations(ruleset, rule, claims).relations if r.key == key)
        assert not holds_somewhere_sampled(claims, relation), violation


@given(SMALL)
def test_undecided_relations_are_the_rest(case: tuple[RuleSet, list[Claim]]) -> None:
    ruleset, claims = case
    assert_reported(ruleset, claims, outcome_of(ruleset, claims).undecided, Truth.UNDECIDED)


@given(ANY)
def test_exactly_the_specified_claims_are_skipped(case: tuple[RuleSet, list[Claim]]) -> None:
    ruleset, claims = case
    outcome = outcome_of(ruleset, claims)
    for rule in ruleset.rules:
        skipped = [position(claims, s.claim) for s in outcome.skipped if s.rule == rule.name]
        assert sorted(skipped) == sorted(relations(ruleset, rule, claims).skipped)
        assert all(s.reason for s in outcome.skipped)
