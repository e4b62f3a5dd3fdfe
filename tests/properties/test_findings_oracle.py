"""Findings (docs/semantics.md §10) against brute force: exact, covering, economical.

The evaluator's findings must be the ones ``findings_oracle`` forms from the pairwise
violations the semantics oracle finds; every pairwise violation must be covered by
exactly one finding, a finding must cover at least one, a claim is the odd one out (or
in a split) of at most one finding per rule, and neither the order of the claims nor
the strategy changes anything.
"""

from __future__ import annotations

import inspect
from collections import Counter
from collections.abc import Sequence

from findings_oracle import Expected, expected
from hypothesis import given
from hypothesis import strategies as st
from semantics_oracle import truth
from semantics_rules import key_of, relations
from test_semantics_oracle import WHOLE, cases, position, shape

from crosscheck import testing as cct
from crosscheck.dsl import build_ruleset
from crosscheck.dsl.ast import Rule, RuleSet
from crosscheck.evaluate import evaluate
from crosscheck.evaluate.findings import fast
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


def relation_key(rule: Rule, cited: list[int], claims: Sequence[Claim]) -> object:
    """``semantics_rules.key_of``, given the claims when it takes them (sums do)."""
    if "claims" in inspect.signature(key_of).parameters:
        return key_of(rule, cited, claims)
    return key_of(rule, cited)


def assert_one_reading_each(ruleset: RuleSet, findings: Sequence[Finding]) -> None:
    """A finding of claims (not sums) is about one reading (§10.1): its odd claims read
    alike, one origin or outlet, one time, one interval."""
    summed = {r.name for r in ruleset.rules if _sums(r)}
    for finding in findings:
        if finding.kind in (FindingKind.SPLIT, FindingKind.BOUND) or finding.rule in summed:
            continue
        odd = [c for g in finding.cited if g.role == "odd" for c in g.claims]
        assert len({(who(c), c.time_span(), c.interval) for c in odd}) == 1, finding


def who(claim: Claim) -> str:
    return f"origin:{claim.origin}" if claim.origin else f"source:{claim.source}"


def assert_exact(ruleset: RuleSet, claims: list[Claim]) -> None:
    found = evaluate(ruleset, claims, cite=ALL, pairs=True).findings
    assert_one_reading_each(ruleset, found)
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
            relation_key(rule, [position(claims, c) for c in v.claims], claims)
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


@st.composite
def dense(draw: st.DrawFn) -> tuple[RuleSet, list[Claim]]:
    """Many claims of one or two measures under one pairwise rule: many conflicts,
    repeats, ties at the edges, several days and origins."""
    kind = draw(st.sampled_from(["agreement", "monotonic", "comparison"]))
    shape_ = shape(40, kinds=(kind,))
    rule_file = draw(cct.rule_files(shape_, max_measures=2, max_rules=1, settings=False))
    ruleset = build_ruleset([rule_file])
    docs = cct.documents(min_size=2, max_size=6, days=6)
    values = cct.amounts(40, whole=draw(st.booleans()))
    found = cct.claim_sets(ruleset, docs=docs, values=values, min_size=8, max_size=30, repeats=True)
    return ruleset, draw(found)


@given(dense(), st.integers(1, 4))
def test_the_index_finds_what_deciding_every_pair_finds(
    case: tuple[RuleSet, list[Claim]], cite: int
) -> None:
    ruleset, claims = case
    fast = evaluate(ruleset, claims, cite=cite)
    assert_one_reading_each(ruleset, fast.findings)
    assert fast == evaluate(ruleset, claims, cite=cite, strategy="all_pairs")


@given(dense(), st.integers(1, 4))
def test_counting_and_subtracting_finds_what_visiting_finds(
    case: tuple[RuleSet, list[Claim]], cite: int
) -> None:
    """An odd reading with many partners is counted, less those of lower standing; one
    with few is visited partner by partner: both give the same findings."""
    ruleset, claims = case
    visited = evaluate(ruleset, claims, cite=cite)
    few, fast.FEW = fast.FEW, 0
    try:
        counted = evaluate(ruleset, claims, cite=cite)
    finally:
        fast.FEW = few
    assert counted == visited


@st.composite
def crowded(draw: st.DrawFn) -> tuple[RuleSet, list[Claim]]:
    """A dozen claims of few measures under one pairwise rule: several findings a rule."""
    kind = draw(st.sampled_from(["agreement", "monotonic", "comparison"]))
    rule_file = draw(
        cct.rule_files(shape(20, kinds=(kind,)), max_measures=2, max_rules=1, settings=False)
    )
    ruleset = build_ruleset([rule_file])
    docs = cct.documents(min_size=2, max_size=4, days=4)
    values = cct.amounts(20, whole=True, allow_unbounded=False)
    return ruleset, draw(
        cct.claim_sets(ruleset, docs=docs, values=values, min_size=6, max_size=12, repeats=True)
    )


@given(crowded())
def test_crowded_findings_are_those_the_semantics_make(case: tuple[RuleSet, list[Claim]]) -> None:
    assert_exact(*case)
