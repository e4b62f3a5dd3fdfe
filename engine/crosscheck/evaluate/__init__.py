"""Decide a rule set over claims: which relations fail for every reading of the numbers.

Pure: no I/O. The semantics are stated in docs/semantics.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from crosscheck.dsl.ast import RuleSet
from crosscheck.evaluate.context import Context, Decided, claim_key
from crosscheck.evaluate.dispatch import check_rule
from crosscheck.evaluate.headlines import without_headline_copies
from crosscheck.model import Claim, Skipped, Violation

__all__ = ["Outcome", "Strategy", "evaluate"]


@dataclass(frozen=True)
class Outcome:
    """What evaluation found, in rule order and then claim order.

    ``undecided`` holds relations true for some readings and false for others
    (only when asked for); ``skipped`` the claims a rule could not use, and why.
    """

    violations: tuple[Violation, ...]
    undecided: tuple[Violation, ...]
    skipped: tuple[Skipped, ...]
    unlisted: tuple[str, ...] = ()  # what a rule found beyond what is listed (MAX_LISTED)


Strategy = Literal["shortlist", "all_pairs"]


def evaluate(
    ruleset: RuleSet,
    claims: Sequence[Claim],
    *,
    keep_undecided: bool = False,
    strategy: Strategy = "shortlist",
) -> Outcome:
    """Every violation of the rule set's rules by the claims (in canonical units).

    Claims of measures the rule set does not declare are ignored. ``strategy`` only
    changes how the work is done, never the outcome: ``"shortlist"`` decides just the
    relations that could fail (unless undecided ones are kept), ``"all_pairs"`` every
    relation in scope (the reference, for tests and benchmarks). A headline's claim
    that the first sentence repeats is set aside (``headlines``): it is one claim.
    """
    ctx = Context.build(ruleset, without_headline_copies(claims))
    violations: list[Violation] = []
    undecided: list[Violation] = []
    skipped: list[Skipped] = []
    unlisted: list[str] = []
    for rule in ruleset.rules:
        found = check_rule(rule, ctx, Decided(rule, keep_undecided, strategy == "all_pairs"))
        violations.extend(_in_order(found.violations, ctx))
        undecided.extend(_in_order(found.undecided, ctx))
        skipped.extend(_skipped_in_order(found.skipped, ctx))
        unlisted.extend(found.unlisted())
    return Outcome(tuple(violations), tuple(undecided), tuple(skipped), tuple(unlisted))


def _in_order(found: list[Violation], ctx: Context) -> list[Violation]:
    """By cited claims, then words; ties keep the order the rule found them in."""
    try:  # claim ranks order as claim keys do, at less cost
        return sorted(found, key=lambda v: (ctx.order_of(v.claims), v.message, v.detail))
    except KeyError:  # a claim from outside the context
        return sorted(found, key=lambda v: (tuple(map(claim_key, v.claims)), v.message, v.detail))


def _skipped_in_order(found: list[Skipped], ctx: Context) -> list[Skipped]:
    """By claim; ties keep the order the rule skipped them in."""
    try:
        return sorted(found, key=lambda s: ctx.order_of((s.claim,)))
    except KeyError:
        return sorted(found, key=lambda s: claim_key(s.claim))
