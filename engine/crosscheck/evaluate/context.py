"""What every rule module shares: the indexed claims, and where findings go."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import islice
from operator import eq

from crosscheck.dsl.ast import Rule, RuleSet
from crosscheck.interval import Interval, Truth
from crosscheck.model import Claim, Skipped, Violation
from crosscheck.units import conversion_factor


class IntervalText:
    """``str(interval)`` in a claim key, ordered and compared as that text.

    Only claims alike in everything else are told apart by it, so the text is
    worked out on the first comparison, not for every claim.
    """

    __slots__ = ("_interval", "_text")

    def __init__(self, interval: Interval) -> None:
        self._interval = interval
        self._text: str | None = None

    @property
    def text(self) -> str:
        """The interval as ``str`` renders it."""
        if self._text is None:
            self._text = str(self._interval)
        return self._text

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, IntervalText):
            return NotImplemented
        return self.text == other.text

    def __hash__(self) -> int:
        return hash(self.text)

    def __lt__(self, other: IntervalText) -> bool:
        return self.text < other.text

    def __le__(self, other: IntervalText) -> bool:
        return self.text <= other.text

    def __gt__(self, other: IntervalText) -> bool:
        return self.text > other.text

    def __ge__(self, other: IntervalText) -> bool:
        return self.text >= other.text


ClaimKey = tuple[str, int, int, int, int, str, str, str, str, IntervalText]


def claim_key(claim: Claim) -> ClaimKey:
    """A total, input-order-free ordering of claims: document, then position in it."""
    day = claim.date
    return (
        *_head(claim),
        claim.measure,
        claim.source,
        day.isoformat() if day else "",
        claim.stated,
        IntervalText(claim.interval),
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
    # Each indexed claim's place in claim_key order, by id(); equal keys share a rank.
    # Output is sorted by claim keys many times over: ints compare the same, faster.
    ranks: dict[int, int] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, ruleset: RuleSet, claims: Sequence[Claim]) -> Context:
        """Index the claims whose measure the rule set declares; drop the others."""
        declared = ruleset.measures
        kept = [(index, claim) for index, claim in enumerate(claims) if claim.measure in declared]
        ranks, order = _ranks([claim for _, claim in kept])
        groups: dict[str, list[Item]] = {name: [] for name in declared}
        for place in order:  # in rank order: each measure's items come out sorted
            index, claim = kept[place]
            groups[claim.measure].append(Item(index, claim))
        return cls(ruleset, {m: tuple(g) for m, g in groups.items()}, ranks)

    def order_of(self, claims: Iterable[Claim]) -> tuple[int, ...]:
        """Orders the context's claims, one by one, as their claim keys do.

        Raises ``KeyError`` for a claim that is not one of the context's.
        """
        ranks = self.ranks
        return tuple([ranks[id(claim)] for claim in claims])

    def factor(self, measure: str, unit: str) -> Fraction:
        """What turns a value of ``measure`` into ``unit``."""
        own = self.ruleset.unit_of(measure)
        return Fraction(1) if own == unit else conversion_factor(own, unit)


def _ranks(claims: Sequence[Claim]) -> tuple[dict[int, int], list[int]]:
    """Each claim's place in claim_key order, by id() (equal keys share a rank), and the
    claims' positions in that order (equal keys in input order).

    Claims are sorted by the first five parts of their keys (document and position: plain
    strings and ints, quick to make and compare); only claims alike in those are told
    apart by their whole keys.
    """
    heads = [_head(claim) for claim in claims]
    order = sorted(range(len(claims)), key=heads.__getitem__)
    ranked = list(map(heads.__getitem__, order))
    if not any(map(eq, ranked, islice(ranked, 1, None))):  # every place told apart
        return {id(claims[position]): rank for rank, position in enumerate(order)}, order
    ranks: dict[int, int] = {}
    rank, start = -1, 0
    while start < len(order):
        stop = start + 1
        while stop < len(order) and ranked[stop] == ranked[start]:
            stop += 1
        alike = order[start:stop]
        if len(alike) > 1:  # the same place: the rest of the key decides
            alike.sort(key=lambda i: claim_key(claims[i]))
            order[start:stop] = alike
        previous = None
        for position in alike:
            key = claim_key(claims[position]) if len(alike) > 1 else None
            if previous is None or key != previous:
                rank, previous = rank + 1, key
            ranks[id(claims[position])] = rank
        start = stop
    return ranks, order


def _head(claim: Claim) -> tuple[str, int, int, int, int]:
    """The first five parts of ``claim_key``: document and position."""
    start, end, line, column = claim.start, claim.end, claim.line, claim.column
    return (
        claim.document,
        -1 if start is None else start,
        -1 if end is None else end,
        -1 if line is None else line,
        -1 if column is None else column,
    )


@dataclass(frozen=True, slots=True)
class Account:
    """A relation in words: what the claims said and the intervals it was decided on."""

    subject: str  # killed: approximately 1,100 vs around 100
    failure: str  # no common value within 50%
    labels: str  # killed [990, 1,210] (Newsweek, 2024-12-23) vs killed [90, 110] (...)
    reason: str  # no pair of values within 50%
    claims: tuple[Claim, ...]


# What one rule lists at most, of violations and of undecided relations (docs/semantics.md
# §8): memory stays bounded whatever the input (1,000 claims that all disagree make
# 499,500 violations).
MAX_LISTED = 10_000


@dataclass
class Decided:
    """What one rule decided pair by pair: its pairwise violations, undecided relations
    and skipped claims."""

    rule: Rule
    keep_undecided: bool
    all_pairs: bool = False  # decide every pair, even those that cannot fail (reference)
    violations: list[Violation] = field(default_factory=list)
    undecided: list[Violation] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    # The truths of which more relations were found than are listed (MAX_LISTED).
    cut: set[Truth] = field(default_factory=set)

    @property
    def exhaustive(self) -> bool:
        """Whether every relation must be decided, not only those that could fail."""
        return self.keep_undecided or self.all_pairs

    @property
    def full(self) -> bool:
        """Whether nothing more the rule finds would be listed: its pairing may stop."""
        return Truth.FAILS in self.cut and (not self.keep_undecided or Truth.UNDECIDED in self.cut)

    def add(self, truth: Truth, account: Callable[[], Account]) -> None:
        """Record a decided relation; ``account`` is only called when it is reported.

        At most ``MAX_LISTED`` violations and as many undecided relations are kept; a
        relation found beyond them is only noted (``cut``, ``unlisted``).
        """
        if truth is Truth.FAILS:
            listed = self.violations
        elif truth is Truth.UNDECIDED and self.keep_undecided:
            listed = self.undecided
        else:
            return
        if len(listed) >= MAX_LISTED:
            self.cut.add(truth)
        else:
            listed.append(violation(self.rule, truth, account()))

    def unlisted(self) -> list[str]:
        """A note for each kind of relation found beyond those listed."""
        kinds = [(Truth.FAILS, "violations"), (Truth.UNDECIDED, "undecided relations")]
        return [
            f"more than {MAX_LISTED:,} {what} of {self.rule.name}: only the first "
            f"{MAX_LISTED:,} found are listed, and the rest were not looked for"
            for truth, what in kinds
            if truth in self.cut
        ]

    def skip(self, claim: Claim, reason: str) -> None:
        """Record that a claim could not take part in this rule."""
        self.skipped.append(Skipped(rule=self.rule.name, claim=claim, reason=reason))


def dated_only(items: Iterable[Item], needs_date: str | None, out: Decided) -> tuple[Item, ...]:
    """The items with a date when ``needs_date`` gives a reason; the others are skipped."""
    if needs_date is None:
        return tuple(items)
    kept: list[Item] = []
    for item in items:
        if item.claim.time_span() is None:
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
