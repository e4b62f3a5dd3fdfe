"""Findings of rules that judge one side at a time: bounds and comparisons with a constant.

Each side (a claim, or a sum of one document's claims) is decided on its own, as the
pairwise evaluator does; the sides that fail are grouped into readings (one origin,
one time, the same values), one finding each (docs/semantics.md §10.4).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from crosscheck.dsl.ast import Rule
from crosscheck.evaluate.context import Account, Context, Decided, violation
from crosscheck.evaluate.dispatch import check_rule
from crosscheck.evaluate.findings.drafts import Citing
from crosscheck.evaluate.scopes import origin_key
from crosscheck.interval import Truth
from crosscheck.model import Claim, Finding, FindingKind, Violation


@dataclass
class _Every(Decided):
    """Every failing side, without the cap on listed violations: a finding per reading
    that fails grows with the claims, never with pairs."""

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
    return (origin_key(claims[0]), when, tuple((c.measure, c.interval) for c in claims))


def identity(rule: Rule, key: tuple[object, ...]) -> str:
    """A reading's identity for baselines: rule, who, when and values."""
    who, when, values = key
    span = "undated" if when is None else "..".join(d.isoformat() for d in when)  # type: ignore[attr-defined]
    said = " + ".join(f"{m} {iv}" for m, iv in values)  # type: ignore[attr-defined]
    return f"{rule.name}|{who}|{span}|{said}"


def single_findings(rule: Rule, ctx: Context, out: Decided, citing: Citing) -> list[Finding]:
    """One finding per failing reading of a bounds rule or a comparison with a constant."""
    every = check_rule(rule, ctx, _Every(rule, keep_undecided=False))
    out.skipped.extend(every.skipped)
    groups: dict[tuple[object, ...], list[Violation]] = defaultdict(list)
    for failed in every.violations:
        groups[reading_key(failed.claims)].append(failed)
    keyed = []
    for key, found in groups.items():
        found.sort(key=lambda v: citing.order(v.claims))
        claims = list({id(c): c for v in found for c in v.claims}.values())
        claims.sort(key=lambda c: citing.order((c,)))
        first = found[0]
        finding = Finding(
            rule=rule.name,
            severity=rule.severity,
            kind=FindingKind.BOUND,
            message=first.message,
            detail=first.detail,
            cited=(citing.group("odd", claims),),
            pairs=len(found),
            identity=identity(rule, key),
            violations=tuple(found) if citing.pairs else (),
        )
        keyed.append((citing.order(first.claims), finding))
    keyed.sort(key=lambda k: k[0])
    return [finding for _, finding in keyed]
