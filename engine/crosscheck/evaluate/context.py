"""What every rule module shares: the indexed claims, and where findings go."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from crosscheck.dsl.ast import Rule, RuleSet
from crosscheck.interval import Truth
from crosscheck.model import Claim, Skipped, Violation
from crosscheck.units import conversion_factor

ClaimKey = tuple[str, int, int, int, int, str, str, str, str, str]


def claim_key(claim: Claim) -> ClaimKey:
    """A total, input-order-free ordering of claims: document, then position in it."""
    iv = claim.interval
    return (
        claim.document,
        -1 if claim.start is None else claim.start,
        -1 if claim.end is None else claim.end,
        -1 if claim.line is None else claim.line,
        -1 if claim.column is None else claim.column,
        claim.measure,
        claim.source,
        claim.date.isoformat() if claim.date else "",
        claim.stated,
        str(iv),
    )


@dataclass(frozen=True, slots=True)
class Item:
    """A claim with its position in the input, so two equal claims stay two claims."""

    index: int
    claim: Claim


@dataclass(frozen=True)
class Context:
    """The rule set and its claims, grouped by measure in a deterministic order."""

    ruleset: RuleSet
    by_measure: dict[str, tuple[Item, ...]]
    # claim_key of each indexed claim, by id(): output is sorted by it many times over.
    keys: dict[int, ClaimKey] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, ruleset: RuleSet, claims: Sequence[Claim]) -> Context:
        """Index the claims whose measure the rule set declares; drop the others."""
        groups: dict[str, list[Item]] = {name: [] for name in ruleset.measures}
        keys: dict[int, ClaimKey] = {}
        for index, claim in enumerate(claims):
            if claim.measure in groups:
                groups[claim.measure].append(Item(index, claim))
                keys[id(claim)] = claim_key(claim)
        return cls(
            ruleset,
            {m: tuple(sorted(g, key=lambda i: keys[id(i.claim)])) for m, g in groups.items()},
            keys,
        )

    def key_of(self, claim: Claim) -> ClaimKey:
        """``claim_key(claim)``, looked up when the claim is one of the context's."""
        key = self.keys.get(id(claim))
        return claim_key(claim) if key is None else key

    def factor(self, measure: str, unit: str) -> Fraction:
        """What turns a value of ``measure`` into ``unit``."""
        own = self.ruleset.unit_of(measure)
        return Fraction(1) if own == unit else conversion_factor(own, unit)


@dataclass(frozen=True, slots=True)
class Account:
    """A relation in words: what the claims said and the intervals it was decided on."""

    subject: str  # killed: approximately 1,100 vs around 100
    failure: str  # no common value within 50%
    labels: str  # killed [990, 1,210] (Newsweek, 2024-12-23) vs killed [90, 110] (...)
    reason: str  # no pair of values within 50%
    claims: tuple[Claim, ...]


@dataclass
class Findings:
    """Violations, undecided relations and skipped claims of one rule."""

    rule: Rule
    keep_undecided: bool
    all_pairs: bool = False  # decide every pair, even those that cannot fail (reference)
    violations: list[Violation] = field(default_factory=list)
    undecided: list[Violation] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def exhaustive(self) -> bool:
        """Whether every relation must be decided, not only those that could fail."""
        return self.keep_undecided or self.all_pairs

    def add(self, truth: Truth, account: Callable[[], Account]) -> None:
        """Record a decided relation; ``account`` is only called when it is reported."""
        if truth is Truth.FAILS:
            self.violations.append(violation(self.rule, truth, account()))
        elif truth is Truth.UNDECIDED and self.keep_undecided:
            self.undecided.append(violation(self.rule, truth, account()))

    def skip(self, claim: Claim, reason: str) -> None:
        """Record that a claim could not take part in this rule."""
        self.skipped.append(Skipped(rule=self.rule.name, claim=claim, reason=reason))


def dated_only(items: Iterable[Item], needs_date: str | None, out: Findings) -> tuple[Item, ...]:
    """The items with a date when ``needs_date`` gives a reason; the others are skipped."""
    if needs_date is None:
        return tuple(items)
    kept: list[Item] = []
    for item in items:
        if item.claim.date is None:
            out.skip(item.claim, needs_date)
        else:
            kept.append(item)
    return tuple(kept)


def violation(rule: Rule, truth: Truth, account: Account) -> Violation:
    """The report of a failed (or undecided) relation.

    A rule's own message states a failure, so it replaces the generated message of
    a failed relation only.
    """
    if truth is Truth.FAILS:
        message = rule.message or f"{account.subject} — {account.failure}"
        detail = f"{account.labels}: {account.reason}"
    else:
        message = f"{account.subject} — undecided"
        detail = f"{account.labels}: true for some choices of values, false for others"
    return Violation(
        rule=rule.name,
        severity=rule.severity,
        message=message,
        claims=account.claims,
        detail=detail,
    )
