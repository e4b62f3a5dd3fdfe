"""Decide a rule set over claims: which relations fail for every reading of the numbers,
and the findings they make.

Pure: no I/O. The semantics are stated in docs/semantics.md: pairwise violations in
§2-§8, findings (one report per odd reading, grouping its violations) in §10.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from crosscheck.dsl.ast import RuleSet
from crosscheck.evaluate.context import Context, Decided, claim_key
from crosscheck.evaluate.dispatch import check_rule
from crosscheck.evaluate.findings import Citing, rule_findings
from crosscheck.evaluate.places import as_rules_see
from crosscheck.model import DEFAULT_CITE, Claim, Finding, Skipped, Violation

__all__ = ["DEFAULT_CITE", "Outcome", "Pairwise", "Strategy", "evaluate", "evaluate_pairs"]

Strategy = Literal["shortlist", "all_pairs"]


@dataclass(frozen=True)
class Outcome:
    """What evaluation found: findings in rule order and then claim order.

    ``undecided`` holds relations true for some readings and false for others
    (only when asked for); ``skipped`` the claims a rule could not use, and why.
    """

    findings: tuple[Finding, ...]
    undecided: tuple[Violation, ...]
    skipped: tuple[Skipped, ...]
    unlisted: tuple[str, ...] = ()  # what a rule found beyond what is listed (MAX_LISTED)

    @property
    def violations(self) -> tuple[Violation, ...]:
        """The pairwise violations the findings list (only when they were asked for)."""
        return tuple(v for finding in self.findings for v in finding.violations)


@dataclass(frozen=True)
class Pairwise:
    """Every pairwise violation, in rule order and then claim order (docs/semantics.md §8)."""

    violations: tuple[Violation, ...]
    undecided: tuple[Violation, ...]
    skipped: tuple[Skipped, ...]
    unlisted: tuple[str, ...] = ()  # what a rule found beyond what is listed (MAX_LISTED)


def evaluate(
    ruleset: RuleSet,
    claims: Sequence[Claim],
    *,
    keep_undecided: bool = False,
    strategy: Strategy = "shortlist",
    pairs: bool = False,
    cite: int = DEFAULT_CITE,
    headline_copies_removed: bool = False,
    parts: frozenset[str] | None = None,
) -> Outcome:
    """The findings of the rule set's rules over the claims (in canonical units).

    A headline's claim that the first sentence repeats is set aside (``headlines``),
    unless ``headline_copies_removed`` says the caller did so over whole documents (the
    claims are then a share of a larger set: ``crosscheck.scale``, which also gives the
    ``parts`` that whole set counts). A claim whose place a claim counts as a part takes
    it as its part (``places``).
    Claims of measures the rule set does not declare are ignored. Each finding cites
    at most ``cite`` claims per group in full and counts the rest; with ``pairs`` it
    also lists the pairwise violations it covers. ``strategy`` only changes how the work
    is done, never the outcome: ``"shortlist"`` finds conflicts with sorted indexes,
    ``"all_pairs"`` by deciding every pair (the reference, for tests and benchmarks).
    """
    ctx = Context.build(ruleset, as_rules_see(claims, parts, headline_copies_removed))
    citing = Citing(cite, ctx.order_of, pairs)
    findings: list[Finding] = []
    undecided: list[Violation] = []
    skipped: list[Skipped] = []
    unlisted: list[str] = []
    for rule in ruleset.rules:
        out = Decided(rule, keep_undecided=False)
        fast = strategy == "shortlist"
        findings.extend(rule_findings(rule, ctx, out, citing, fast, unlisted))
        skipped.extend(_skipped_in_order(out.skipped, ctx))
        if keep_undecided:
            decided = check_rule(rule, ctx, Decided(rule, True, strategy == "all_pairs"))
            undecided.extend(_in_order(decided.undecided, ctx))
            unlisted.extend(decided.unlisted())
    return Outcome(tuple(findings), tuple(undecided), tuple(skipped), tuple(unlisted))


def evaluate_pairs(
    ruleset: RuleSet,
    claims: Sequence[Claim],
    *,
    keep_undecided: bool = False,
    strategy: Strategy = "shortlist",
) -> Pairwise:
    """Every pairwise violation of the rule set's rules by the claims (§2-§8).

    ``strategy``: ``"shortlist"`` decides just the relations that could fail (unless
    undecided ones are kept), ``"all_pairs"`` every relation in scope (the reference).
    A headline's claim that the first sentence repeats is set aside (``headlines``); a
    place a claim counts as a part is the part of every claim naming it (``places``).
    """
    ctx = Context.build(ruleset, as_rules_see(claims))
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
    return Pairwise(tuple(violations), tuple(undecided), tuple(skipped), tuple(unlisted))


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
