"""Decide a rule set over claims: which relations fail for every reading of the numbers.

Pure: no I/O. The semantics are stated in docs/semantics.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from crosscheck.dsl.ast import Agreement, Bounds, Comparison, Monotonic, Rule, RuleSet
from crosscheck.evaluate.agreement import check_agreement
from crosscheck.evaluate.bounds import check_bounds
from crosscheck.evaluate.comparison import check_comparison
from crosscheck.evaluate.context import Context, Findings, claim_key
from crosscheck.evaluate.monotonic import check_monotonic
from crosscheck.model import Claim, Skipped, Violation

__all__ = ["Outcome", "evaluate"]


@dataclass(frozen=True)
class Outcome:
    """What evaluation found, in rule order and then claim order.

    ``undecided`` holds relations true for some readings and false for others
    (only when asked for); ``skipped`` the claims a rule could not use, and why.
    """

    violations: tuple[Violation, ...]
    undecided: tuple[Violation, ...]
    skipped: tuple[Skipped, ...]


def evaluate(ruleset: RuleSet, claims: Sequence[Claim], *, keep_undecided: bool = False) -> Outcome:
    """Every violation of the rule set's rules by the claims (in canonical units).

    Claims of measures the rule set does not declare are ignored.
    """
    ctx = Context.build(ruleset, claims)
    violations: list[Violation] = []
    undecided: list[Violation] = []
    skipped: list[Skipped] = []
    for rule in ruleset.rules:
        found = _check(rule, ctx, keep_undecided)
        violations.extend(sorted(found.violations, key=_violation_order))
        undecided.extend(sorted(found.undecided, key=_violation_order))
        skipped.extend(sorted(found.skipped, key=lambda s: claim_key(s.claim)))
    return Outcome(tuple(violations), tuple(undecided), tuple(skipped))


def _check(rule: Rule, ctx: Context, keep_undecided: bool) -> Findings:
    out = Findings(rule, keep_undecided)
    body = rule.body
    if isinstance(body, Comparison):
        check_comparison(rule, body, ctx, out)
    elif isinstance(body, Agreement):
        check_agreement(rule, body, ctx, out)
    elif isinstance(body, Bounds):
        check_bounds(rule, body, ctx, out)
    elif isinstance(body, Monotonic):
        check_monotonic(rule, body, ctx, out)
    return out


def _violation_order(v: Violation) -> tuple[tuple[tuple[str | int, ...], ...], str, str]:
    return tuple(claim_key(c) for c in v.claims), v.message, v.detail
