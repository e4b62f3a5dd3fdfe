"""Issue 19, item 12: no input drives a rule's findings past a stated bound.

1,000 claims that all disagree under ``agree within 1%`` made 499,500 violations
(25 s, 3.2 GB); 2,000 and more hit MemoryError, because the shortlist of failing
pairs was built in full before the first was decided. Now pairs are made one side at
a time, at most ``MAX_LISTED`` violations (and undecided relations) are listed per
rule, and a rule that finds one more stops looking and says so (docs/semantics.md §8).
Bounded is checked by counting, never by timing: the relations a rule decides, and
the memory Python allocates (tracemalloc, deterministic for the same code).
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable

import pytest

from claim_factory import make_claim
from crosscheck.dsl import build_ruleset, parse
from crosscheck.dsl.ast import RuleSet
from crosscheck.evaluate.context import MAX_LISTED, Account, Context, Decided
from crosscheck.evaluate.dispatch import check_rule
from crosscheck.evaluate.trace import trace_rule
from crosscheck.interval import Interval, Truth
from crosscheck.model import Claim

RULES = """
measure m: count
rule apart: m agree within 1%
"""


def apart(count: int) -> list[Claim]:
    """``count`` claims of ``m``, each more than 1% from every other, from their own sources."""
    return [
        make_claim("m", Interval.point(round(1000 * 1.02**i)), f"d{i}.txt") for i in range(count)
    ]


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return build_ruleset([parse(RULES, "cap.rules")])


class Counted(Decided):
    """A rule's record that also counts the relations decided."""

    decided: int = 0

    def add(self, truth: Truth, account: Callable[[], Account]) -> None:
        self.decided += 1
        super().add(truth, account)


def test_5000_disagreeing_claims_list_10000_violations_and_stop(ruleset: RuleSet) -> None:
    claims = apart(5000)  # 12,497,500 pairs, every one a violation
    rule = ruleset.rules[0]
    tracemalloc.start()
    try:
        found = check_rule(rule, Context.build(ruleset, claims), Counted(rule, False))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(found, Counted)
    assert len(found.violations) == MAX_LISTED
    assert found.decided == MAX_LISTED + 1  # one more found, then no pair more made
    assert found.unlisted() == [
        "more than 10,000 violations of apart: only the first 10,000 found are listed, "
        "and the rest were not looked for"
    ]
    assert peak < 200 * 2**20  # the full shortlist of 12.5 million pairs was ~2 GB


def test_the_listed_violations_are_the_same_whichever_strategy(ruleset: RuleSet) -> None:
    claims = apart(200)  # 19,900 violations: past the cap
    rule = ruleset.rules[0]
    ctx = Context.build(ruleset, claims)
    shortlist = check_rule(rule, ctx, Decided(rule, False))
    every_pair = check_rule(rule, ctx, Decided(rule, False, all_pairs=True))
    with_undecided = check_rule(rule, ctx, Decided(rule, True))
    assert len(shortlist.violations) == MAX_LISTED and shortlist.cut == {Truth.FAILS}
    assert every_pair.violations == shortlist.violations
    assert with_undecided.violations == shortlist.violations


def test_below_the_cap_every_violation_is_listed(ruleset: RuleSet) -> None:
    claims = apart(100)
    rule = ruleset.rules[0]
    found = check_rule(rule, Context.build(ruleset, claims), Decided(rule, False))
    assert len(found.violations) == 100 * 99 // 2 and not found.cut and found.unlisted() == []


def test_explain_shows_the_first_decisions_and_says_it_stopped(ruleset: RuleSet) -> None:
    claims = apart(1000)  # 499,500 decisions
    trace = trace_rule(ruleset, ruleset.rules[0], claims)
    assert len(trace.decisions) == MAX_LISTED and trace.cut
