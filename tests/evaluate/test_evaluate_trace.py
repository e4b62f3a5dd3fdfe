"""trace_rule: every decision of a rule, agreeing with what evaluate reports.

The decisions that FAIL must be exactly the rule's violations, the UNDECIDED ones
exactly its undecided relations, and the skipped claims the same; checked on every
YAML case of tests/evaluate/cases and on the seed figures with the sample rules.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from evaluate_helpers import agree, rule, ruleset
from test_evaluate_cases import claim_from_spec, compile_rules, load_cases
from test_evaluate_sample_rules import SEED_CLAIMS, sample_rules

from claim_factory import make_claim
from crosscheck.dsl.ast import Measure, RuleSet
from crosscheck.evaluate import evaluate_pairs
from crosscheck.evaluate.trace import HOLDS_TEXT, UNDECIDED_TEXT, trace_rule
from crosscheck.interval import Interval, Truth
from crosscheck.model import Claim, Violation


def cited(violations: tuple[Violation, ...], name: str) -> Counter[tuple[Claim, ...]]:
    return Counter(v.claims for v in violations if v.rule == name)


def assert_trace_matches_evaluate(rules: RuleSet, claims: list[Claim]) -> None:
    outcome = evaluate_pairs(rules, claims, keep_undecided=True)
    for r in rules.rules:
        trace = trace_rule(rules, r, claims)
        fails = Counter(d.claims for d in trace.decisions if d.truth is Truth.FAILS)
        undecided = Counter(d.claims for d in trace.decisions if d.truth is Truth.UNDECIDED)
        assert fails == cited(outcome.violations, r.name), r.name
        assert undecided == cited(outcome.undecided, r.name), r.name
        assert Counter(trace.skipped) == Counter(s for s in outcome.skipped if s.rule == r.name)


@pytest.mark.parametrize("case", load_cases())
def test_trace_agrees_with_evaluate_on_every_case(case: dict[str, Any]) -> None:
    rules = compile_rules(case["rules"])
    claims = [claim_from_spec(spec, n, rules) for n, spec in enumerate(case["claims"])]
    assert_trace_matches_evaluate(rules, claims)


def test_trace_agrees_with_evaluate_on_the_seed_figures() -> None:
    assert_trace_matches_evaluate(sample_rules(), SEED_CLAIMS)


def test_every_pair_is_decided_once_with_its_own_verdict() -> None:
    rules = ruleset([Measure("deployed", "count")], [rule("r", agree("deployed", 15))])
    near = make_claim("deployed", Interval.closed(100, 100), "a.txt")
    close = make_claim("deployed", Interval.closed(90, 95), "b.txt")
    far = make_claim("deployed", Interval.closed(10, 20), "c.txt")
    wide = make_claim("deployed", Interval.closed(50, 100), "d.txt")
    trace = trace_rule(rules, rules.rules[0], [near, close, far, wide])

    by_pair = {frozenset(d.claims): d for d in trace.decisions}
    assert len(trace.decisions) == len(by_pair) == 6
    assert by_pair[frozenset((near, close))].truth is Truth.HOLDS
    assert by_pair[frozenset((near, close))].verdict == HOLDS_TEXT
    assert by_pair[frozenset((near, far))].truth is Truth.FAILS
    assert "within 15%" in by_pair[frozenset((near, far))].verdict
    assert by_pair[frozenset((near, wide))].truth is Truth.UNDECIDED
    assert by_pair[frozenset((near, wide))].verdict == UNDECIDED_TEXT
    assert (trace.count(Truth.HOLDS), trace.count(Truth.FAILS)) == (1, 3)


def test_values_name_the_intervals_compared() -> None:
    rules = ruleset([Measure("killed", "count")], [rule("r", agree("killed", 50))])
    a = make_claim("killed", Interval.closed(990, 1210), "a.txt", "Newsweek", "2024-12-23")
    b = make_claim("killed", Interval.closed(90, 110), "b.txt", "Cnews Live", "2024-12-23")
    (decision,) = trace_rule(rules, rules.rules[0], [a, b]).decisions
    assert decision.values == (
        "killed [990, 1,210] (Newsweek, 2024-12-23) vs killed [90, 110] (Cnews Live, 2024-12-23)"
    )
    assert decision.claims == (a, b)


def test_a_day_window_skips_undated_claims() -> None:
    rules = ruleset([Measure("killed", "count")], [rule("r", agree("killed", 50), days=7)])
    dated = make_claim("killed", Interval.closed(100, 100), "a.txt", date="2024-12-23")
    undated = make_claim("killed", Interval.closed(900, 900), "b.txt")
    trace = trace_rule(rules, rules.rules[0], [dated, undated])
    assert trace.decisions == ()
    assert [s.claim for s in trace.skipped] == [undated]


def test_running_totals_dated_the_other_way_are_shown_as_not_compared() -> None:
    rules = compile_rules(
        "measure killed: count, cumulative\n"
        "measure casualties: count, cumulative\n"
        "rule r: killed <= casualties\n"
    )
    january_deaths = make_claim("killed", Interval.closed(5000, 5000), "a.txt", date="2025-01-24")
    december_losses = make_claim(
        "casualties", Interval.closed(100, 100), "b.txt", date="2024-12-23"
    )
    (decision,) = trace_rule(rules, rules.rules[0], [january_deaths, december_losses]).decisions
    assert decision.truth is Truth.HOLDS
    assert decision.verdict == "not compared: running totals are compared in date order"
