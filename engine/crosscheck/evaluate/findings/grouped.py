"""Findings grouped from the pairwise evaluator's own violations, side by side.

For bounds and comparisons with a constant each violation is one side (a claim, or a
sum of one document's claims) failing on its own; for comparisons with a sum (§4.2)
each violation relates a sum to the other side. Either way each violation has one
side that breaks the relation: the side itself, or for a sum comparison the side that
names a single measure (the left side when both are sums). The violations are grouped
by that side's reading (one origin, one time, the same values): one finding each,
citing the claims it breaks against in claim order (docs/semantics.md §10.4). Taken
from the evaluator, the grouping follows whatever it relates, sums included.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from crosscheck.dsl.ast import Comparison, Op, Rule, Sum
from crosscheck.evaluate.context import Account, Context, Decided, violation
from crosscheck.evaluate.dispatch import check_rule
from crosscheck.evaluate.findings.drafts import Citing
from crosscheck.evaluate.scopes import origin_key, part_key
from crosscheck.interval import Truth
from crosscheck.model import Claim, Finding, FindingKind, Violation


@dataclass
class _Every(Decided):
    """Every failing relation, without the cap on listed violations: findings grow with
    the claims, and each finding needs all of its violations counted."""

    def add(self, truth: Truth, account: Callable[[], Account]) -> None:
        """Keep the relation when it fails."""
        if truth is Truth.FAILS:
            self.violations.append(violation(self.rule, truth, account()))


def reading_key(claims: Sequence[Claim]) -> tuple[object, ...]:
    """Who gives a side, when it held, and what each of its claims says."""
    spans = [claim.time_span() for claim in claims]
    known = [s for s in spans if s is not None]
    when = (
        (min(s[0] for s in known), max(s[1] for s in known)) if len(known) == len(spans) else None
    )
    who = origin_key(claims[0])
    part = claims[0].part
    who = who if part is None else f"{who}|part:{part_key(part)}"
    return (who, when, tuple((c.measure, c.interval) for c in claims))


def identity(rule: Rule, key: tuple[object, ...]) -> str:
    """A reading's identity for baselines: rule, who, when and values."""
    who, when, values = key
    span = "undated" if when is None else "..".join(d.isoformat() for d in when)  # type: ignore[attr-defined]
    said = " + ".join(f"{m} {iv}" for m, iv in values)  # type: ignore[attr-defined]
    return f"{rule.name}|{who}|{span}|{said}"


def breaking(rule: Rule) -> Callable[[Violation], tuple[tuple[Claim, ...], tuple[Claim, ...]]]:
    """How to split a violation of ``rule`` into the side that breaks it and the rest."""
    body = rule.body
    if not isinstance(body, Comparison) or not (
        isinstance(body.left, Sum) and isinstance(body.right, Sum)
    ):
        return lambda v: (v.claims, ())  # one side at a time
    left = len(body.left.terms)
    at_right = len(body.right.terms) == 1 and left > 1  # the single measure breaks it
    if at_right:
        return lambda v: (v.claims[left:], v.claims[:left])
    return lambda v: (v.claims[:left], v.claims[left:])


def kind_of(rule: Rule) -> FindingKind:
    """What the findings of a rule grouped from its violations are."""
    body = rule.body
    if not isinstance(body, Comparison) or not (
        isinstance(body.left, Sum) and isinstance(body.right, Sum)
    ):
        return FindingKind.BOUND
    same = body.op is Op.EQ and sorted(t.name for t in body.left.terms) == sorted(
        t.name for t in body.right.terms
    )
    return FindingKind.OUTLIER if same else FindingKind.BREAKS


def grouped_findings(rule: Rule, ctx: Context, out: Decided, citing: Citing) -> list[Finding]:
    """One finding per reading of the side that breaks the rule's violations."""
    every = check_rule(rule, ctx, _Every(rule, keep_undecided=False))
    out.skipped.extend(every.skipped)
    split = breaking(rule)
    groups: dict[tuple[object, ...], list[Violation]] = defaultdict(list)
    for failed in every.violations:
        groups[reading_key(split(failed)[0])].append(failed)
    keyed = []
    for key, found in groups.items():
        found.sort(key=lambda v: citing.order(v.claims))
        finding = _finding(rule, key, found, citing)
        keyed.append((citing.order(split(found[0])[0]), finding))
    keyed.sort(key=lambda k: k[0])
    return [finding for _, finding in keyed]


def _finding(
    rule: Rule, key: tuple[object, ...], found: Sequence[Violation], citing: Citing
) -> Finding:
    """The finding of one breaking reading and its violations."""
    split = breaking(rule)
    odd = _distinct([c for v in found for c in split(v)[0]], citing)
    against = _distinct([c for v in found for c in split(v)[1]], citing)
    cited = [citing.group("odd", odd)]
    if against:
        cited.append(citing.group("against", against))
    return Finding(
        rule=rule.name,
        severity=rule.severity,
        kind=kind_of(rule),
        message=found[0].message,
        detail=found[0].detail,
        cited=tuple(cited),
        pairs=len(found),
        identity=identity(rule, key),
        violations=tuple(found) if citing.pairs else (),
    )


def _distinct(claims: Sequence[Claim], citing: Citing) -> list[Claim]:
    """Each claim once, in claim order."""
    unique = list({id(c): c for c in claims}.values())
    unique.sort(key=lambda c: citing.order((c,)))
    return unique
