"""Every decision one rule makes, whatever its truth: for explaining, not for reporting.

``evaluate`` keeps only what fails (and, when asked, what is undecided); a person
refining a rule also wants to see what held. This runs the very same rule modules
(pairing, date order, relations) with a recorder in place of ``Decided`` that
keeps every decided relation. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from crosscheck.dsl.ast import Rule, RuleSet
from crosscheck.evaluate.context import MAX_LISTED, Account, Context, Decided
from crosscheck.evaluate.describe import NOT_COMPARED
from crosscheck.evaluate.dispatch import check_rule
from crosscheck.evaluate.findings import Citing, rule_findings
from crosscheck.evaluate.places import as_rules_see
from crosscheck.interval import Truth
from crosscheck.model import DEFAULT_CITE, Claim, Finding, Skipped

__all__ = ["RuleDecision", "RuleTrace", "trace_rule"]

HOLDS_TEXT = "true for every choice of values"
UNDECIDED_TEXT = "true for some choices of values, false for others"


@dataclass(frozen=True, slots=True)
class RuleDecision:
    """One relation the rule decided: the values it compared, and the outcome.

    ``values`` is the evaluator's own account of the intervals compared
    (``killed [990, 1,210] (Newsweek, 2024-12-23) vs killed [90, 110] (...)``);
    ``verdict`` says why the truth is what it is; ``claims`` are cited in the
    order a violation would cite them.
    """

    truth: Truth
    values: str
    verdict: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class RuleTrace:
    """Every decision of one rule, in the order the evaluator made them, and the
    claims it could not use."""

    rule: Rule
    decisions: tuple[RuleDecision, ...]
    skipped: tuple[Skipped, ...]
    cut: bool = False  # more relations than MAX_LISTED: only the first are here
    # The rule's findings (docs/semantics.md §10), each listing the failing decisions it covers.
    findings: tuple[Finding, ...] = ()

    def count(self, truth: Truth) -> int:
        """How many decisions came out ``truth``."""
        return sum(1 for d in self.decisions if d.truth is truth)


@dataclass
class _Recorder(Decided):
    """A record that keeps every decided relation, not only the reported ones."""

    decisions: list[RuleDecision] = field(default_factory=list)

    def add(self, truth: Truth, account: Callable[[], Account]) -> None:
        """Record the relation whatever its truth (the first ``MAX_LISTED`` of them)."""
        if len(self.decisions) >= MAX_LISTED:
            self.cut.update((Truth.FAILS, Truth.UNDECIDED))  # full: pairing stops
            return
        told = account()
        self.decisions.append(RuleDecision(truth, told.labels, verdict(truth, told), told.claims))


def verdict(truth: Truth, account: Account) -> str:
    """Why a relation came out ``truth``, in words."""
    if truth is Truth.FAILS or account.failure == NOT_COMPARED:
        return account.reason
    return HOLDS_TEXT if truth is Truth.HOLDS else UNDECIDED_TEXT


def trace_rule(ruleset: RuleSet, rule: Rule, claims: Sequence[Claim]) -> RuleTrace:
    """Every decision ``rule`` (one of ``ruleset``'s) makes over ``claims``.

    The decisions that FAIL are exactly the pairwise violations of the rule, and the
    UNDECIDED ones its undecided relations; ``findings`` group the failing ones as
    ``evaluate`` reports them (docs/semantics.md §10).
    """
    ctx = Context.build(ruleset, as_rules_see(claims))  # as evaluate does
    # Asking for undecided relations also makes the rule modules decide every pair in
    # scope, not only those that could fail.
    out = _Recorder(rule, keep_undecided=True)
    check_rule(rule, ctx, out)
    findings = rule_findings(
        rule, ctx, Decided(rule, False), Citing(DEFAULT_CITE, ctx.order_of, True)
    )
    return RuleTrace(rule, tuple(out.decisions), tuple(out.skipped), bool(out.cut), tuple(findings))
