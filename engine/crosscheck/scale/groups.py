"""Which claims a rule decides over together: the groups evaluation is shuffled into.

A rule relates only claims of its own measures, and only within one scope group
(``evaluate.scopes.scope_groups``): one document, source or origin for the ``per``
scopes, the whole claim set for the ``across`` ones. Its findings are decided within
that group (docs/semantics.md §10.1-§10.3: readings, standing and the odd one out are
all of one scope group), so the group is the unit a worker can evaluate alone.

A rule with ``within N days`` (an agreement, a growth rule or a comparison of two single
measures) is split further into time buckets of ``width`` days by a claim's first day.
A reading's partners start within N days of it, and their standing depends on readings
within N days of them, so a bucket is evaluated with every claim starting up to 2N days
either side of it and keeps only the findings whose odd reading starts inside it. Claims
of unknown time (which such a rule skips) form one group of their own. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from crosscheck.dsl.ast import (
    Agreement,
    Comparison,
    Monotonic,
    Rule,
    ScopeKind,
    Sum,
    measures_named,
)
from crosscheck.evaluate.scopes import scope_key
from crosscheck.model import Claim, Finding

UNDATED = "undated"


@dataclass(frozen=True)
class Plan:
    """How one rule's claims are grouped: its measures, scope, and bucket width in days
    (None: not split by time)."""

    index: int
    rule: Rule
    measures: frozenset[str]
    width: int | None

    @property
    def scope(self) -> ScopeKind:
        """The scope the rule's claims are split by. A rule whose findings are grouped
        from its violations (bounds, comparisons with a constant or a sum) merges the
        violations of one reading, who, when and values (``findings.grouped``), and
        the claims of one reading may lie in several documents or sources: such a rule
        is split by origin at most, never by document or source."""
        kind = self.rule.scope.kind
        if _grouped(self.rule) and kind in (ScopeKind.PER_DOCUMENT, ScopeKind.PER_SOURCE):
            return ScopeKind.ACROSS_SOURCES
        return kind

    @property
    def margin(self) -> int:
        """Days of context a time bucket takes on either side (2N)."""
        days = self.rule.scope.days
        return 0 if days is None else 2 * days


def plans(
    rules: tuple[Rule, ...], bucket_days: int | None = None, *, by_time: bool = True
) -> list[Plan]:
    """A plan per rule, in rule order. Buckets are ``bucket_days`` wide (default: eight
    times the rule's window, at least 7 days: a claim is in 1.5 buckets on average);
    without ``by_time`` no rule is split by time (a finding citing no claim, ``cite``
    0, could not be placed in its bucket)."""
    found = []
    for index, rule in enumerate(rules):
        measures = frozenset(ref.name for ref in measures_named(rule.body))
        width = None
        days = rule.scope.days
        if by_time and days is not None and _splits_by_time(rule):
            width = bucket_days if bucket_days is not None else max(8 * days, 7)
        found.append(Plan(index, rule, measures, width))
    return found


def _grouped(rule: Rule) -> bool:
    """Whether the rule's findings are grouped from its violations (``findings.setup_of``
    gives no pairwise setup): everything but agreements, growth rules and comparisons of
    two single measures."""
    body = rule.body
    if isinstance(body, Agreement | Monotonic):
        return False
    return not (isinstance(body, Comparison) and _single_terms(body))


def _splits_by_time(rule: Rule) -> bool:
    """Whether every relation of the rule is between two single claims (no sums, no
    constants): only then are its findings those of readings a day window apart."""
    body = rule.body
    if isinstance(body, Agreement | Monotonic):
        return True
    return isinstance(body, Comparison) and _single_terms(body)


def _single_terms(body: Comparison) -> bool:
    """Whether both sides of a comparison name one measure (no sum, no constant)."""
    sides = (body.left, body.right)
    return all(isinstance(side, Sum) and len(side.terms) == 1 for side in sides)


def group_keys(plan: Plan, claim: Claim) -> Iterator[str]:
    """The keys of the groups ``claim`` is evaluated in for ``plan``'s rule (none when the
    rule does not name its measure); a claim near a bucket's edge is in several."""
    if claim.measure not in plan.measures:
        return
    head = f"{plan.index}\x1f{scope_key(claim, plan.scope)}"
    if plan.width is None:
        yield head
        return
    span = claim.time_span()
    if span is None:
        yield f"{head}\x1f{UNDATED}"
        return
    first, width, margin = span[0].toordinal(), plan.width, plan.margin
    for bucket in range((first - margin) // width, (first + margin) // width + 1):
        if bucket * width - margin <= first < (bucket + 1) * width + margin:
            yield f"{head}\x1f{bucket}"


def rule_of(key: str) -> int:
    """The rule index a group key names."""
    return int(key.split("\x1f", 1)[0])


def keeps(plan: Plan, key: str, finding: Finding) -> bool:
    """Whether the group ``key`` reports ``finding``: always, unless the group is a time
    bucket and the finding's odd reading starts outside it (another bucket reports it)."""
    if plan.width is None:
        return True
    bucket = key.rsplit("\x1f", 1)[1]
    if bucket == UNDATED:
        return True
    span = finding.odd[0].time_span() if finding.odd else None
    if span is None:
        return True
    return span[0].toordinal() // plan.width == int(bucket)
