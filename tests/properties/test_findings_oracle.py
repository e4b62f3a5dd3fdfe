"""Findings (docs/semantics.md §10) against brute force: exact, covering, economical.

The evaluator's findings must be the ones ``findings_oracle`` forms from the pairwise
violations the semantics oracle finds; every pairwise violation must be covered by
exactly one finding, a finding must cover at least one, a claim is the odd one out (or
in a split) of at most one finding per rule, and neither the order of the claims nor
the strategy changes anything.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from findings_oracle import Expected, expected
from hypothesis import given
from hypothesis import strategies as st
from semantics_oracle import truth
from semantics_rules import key_of, relations
from test_semantics_oracle import WHOLE, cases, position, shape

from crosscheck import testing as cct
from crosscheck.dsl.ast import RuleSet
from crosscheck.evaluate import evaluate
from crosscheck.interval import Truth
from crosscheck.model import Claim, Finding, FindingKind
from crosscheck.testing.rulefiles import RULE_KINDS

ALL = 10**6  # cite every claim in full
REPEATED = {kind: cases(WHOLE, shape(12, kinds=(kind,)), repeats=True) for kind in RULE_KINDS}
OPEN = cases(cct.amounts(60), shape(60), repeats=True)


def positions(claims: Sequence[Claim], cited: Sequence[Claim]) -> frozenset[int]:
    return frozenset(position(claims, c) for c in cited)


def seen(claims: Sequence[Claim], finding: Finding) -> Expected:
    """A finding as the oracle states one."""
    groups = {
        role: [c for g in finding.cited if g.role == role for c in g.claims]
        for role in ("odd", "against", "camp")
    }
    if finding.kind is FindingKind.SPLIT:
        return Expected("split", positions(claims, groups["camp"]), frozenset(), finding.pairs)
    return Expected(
        "odd", positions(claims, groups["odd"]), positions(claims, groups["against"]), finding.pairs
    )


def assert_exact(ruleset: RuleSet, claims: list[Claim]) -> None:
    found = evaluate(ruleset, claims, cite=ALL, pairs=True).findings
    for rule in ruleset.rules:
        mine = [f for f in found if f.rule == rule.name]
        assert Counter(seen(claims, f) for f in mine) == Counter(expected(ruleset, rule, claims)), (
            rule
        )
        failing = Counter(
            r.key
            for r in relations(ruleset, rule, claims).relations
            if truth(claims, r) is Truth.FAILS
        )
        covered = Counter(
            key_of(rule, [position(claims, c) for c in v.claims])
            for f in mine
            for v in f.violations
        )
        assert covered == failing, rule  # every pairwise violation in exactly one finding
        assert all(f.pairs == len(f.violations) >= 1 for f in mine), rule
        odd = Counter(
            i for f in mine for i in seen(claims, f).odd if f.kind is not FindingKind.SPLIT
        )
        assert all(n == 1 for n in odd.values()) or _sums(rule), rule


def _sums(rule: object) -> bool:
    """Whether a claim can stand in several sides (sums), so in several readings."""
    from crosscheck.dsl.ast import Comparison, Sum

    body = getattr(rule, "body", None)
    return isinstance(body, Comparison) and any(
        isinstance(s, Sum) and len(s.terms) > 1 for s in (body.left, body.right)
    )


@given(data=st.data())
def test_findings_are_those_the_semantics_make(data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(RULE_KINDS))
    ruleset, claims = data.draw(REPEATED[kind])
    assert_exact(ruleset, claims)


@given(OPEN)
def test_with_open_and_unbounded_ends_too(case: tuple[RuleSet, list[Claim]]) -> None:
    assert_exact(*case)


@given(OPEN, st.randoms(use_true_random=False))
def test_order_and_strategy_change_nothing(
    case: tuple[RuleSet, list[Claim]], random: object
) -> None:
    ruleset, claims = case
    shuffled = list(claims)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    first = evaluate(ruleset, claims, cite=3)
    assert evaluate(ruleset, shuffled, cite=3) == first
    assert evaluate(ruleset, claims, cite=3, strategy="all_pairs") == first
