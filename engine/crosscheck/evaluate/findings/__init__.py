"""Findings: a rule's pairwise violations grouped into reports, one per odd reading.

A rule's pairwise violations (docs/semantics.md §2-§7) are sorted into findings
(§10): readings (``readings``) are ranked by how well their group supports them
(``standing``), every pair of conflicting readings goes to the one of lower standing
or, for two top readings of an agreement, to the split (``charges``), and each odd
reading becomes one finding citing what it conflicts with (``drafts``). The conflicts
are found by deciding pairs of readings (``charges.by_pairs``), or with sorted indexes
(``fast``) when every side is one claim. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence

from crosscheck.dsl.ast import Agreement, Bounds, Comparison, Monotonic, Rule
from crosscheck.evaluate.context import Context, Decided
from crosscheck.evaluate.dispatch import check_rule
from crosscheck.evaluate.findings.charges import Charges, by_pairs
from crosscheck.evaluate.findings.drafts import Citing, odd_finding, split_finding
from crosscheck.evaluate.findings.grouped import grouped_findings
from crosscheck.evaluate.findings.owners import with_pairs
from crosscheck.evaluate.findings.readings import Reading, build_readings
from crosscheck.evaluate.findings.setup import (
    Memo,
    Setup,
    agreement_setup,
    comparison_setup,
    growth_setup,
    terms,
)
from crosscheck.evaluate.findings.standing import Sweep, support
from crosscheck.model import Finding

__all__ = ["Citing", "rule_findings"]


def setup_of(rule: Rule, ctx: Context, out: Decided, memo: Memo | None = None) -> Setup | None:
    """The pairwise setup of ``rule``, or None for a rule whose findings are grouped from
    its violations (bounds, a comparison with a constant or with a sum)."""
    body, memo = rule.body, {} if memo is None else memo
    if isinstance(body, Agreement):
        return agreement_setup(rule, body, ctx, out, memo)
    if isinstance(body, Monotonic):
        return growth_setup(rule, body, ctx, out, memo)
    if isinstance(body, Comparison) and terms(body.left) and terms(body.right):
        if len(terms(body.left)) > 1 or len(terms(body.right)) > 1:
            return None  # sums: grouped from the evaluator's violations (grouped.py)
        return comparison_setup(rule, body, ctx, out, memo)
    assert isinstance(body, Bounds | Comparison)
    return None


def rule_findings(
    rule: Rule,
    ctx: Context,
    out: Decided,
    citing: Citing,
    fast: bool = True,
    unlisted: list[str] | None = None,
) -> list[Finding]:
    """The findings of one rule, in order of their odd readings; skipped claims go to
    ``out``. Pairwise violations listed on request stop at ``MAX_LISTED`` per rule, as
    the pairwise evaluator's do (a note goes to ``unlisted``); the counts never do."""
    setup = setup_of(rule, ctx, out, citing.memo)
    if setup is None:
        return grouped_findings(rule, ctx, out, citing)
    readings = build_readings(setup.roles, rule.scope.kind, ctx.order_of)
    if fast and setup.single_claims:
        from crosscheck.evaluate.findings.fast import by_index

        charges = by_index(setup, readings, citing.cite, ctx.order_of)
    else:
        sweeps = support(readings, setup.within, setup.over_time)
        charges = by_pairs(setup, readings, citing.cite, ctx.order_of)
        for swept in sweeps:
            group = swept.readings[0].group
            charges.largest.setdefault(group, lambda g=group: largest_sets(g, sweeps))  # type: ignore[misc]
    made = findings_of(setup, charges, citing)
    if not citing.pairs:
        return [finding for finding, _ in made]
    listed = check_rule(rule, ctx, Decided(rule, keep_undecided=False))
    if unlisted is not None:
        unlisted.extend(listed.unlisted())
    return with_pairs(setup, readings, made, listed.violations)


Made = tuple[Finding, Reading | None]  # a finding and its odd reading (None: a split)


def findings_of(setup: Setup, charges: Charges, citing: Citing) -> list[Made]:
    """One finding per odd reading and per split, in claim order of their first claims."""
    keyed: list[tuple[tuple[int, ...], Made]] = []
    for odd in charges.odd.values():
        keyed.append((odd.reading.order, (odd_finding(setup, odd, citing), odd.reading)))
    for group, split in sorted(charges.split.items()):
        involved = split.readings
        camps = [
            sorted(members, key=lambda r: r.order)
            for members in charges.largest[group]()
            if any(id(r) in involved for r in members)
        ]
        camps.sort(key=lambda camp: camp[0].order)
        first = min(r.order for r in involved.values())
        keyed.append((first, (split_finding(setup, split, camps, citing), None)))
    keyed.sort(key=lambda k: k[0])
    return [made for _, made in keyed]


def largest_sets(group: str, sweeps: Sequence[Sweep]) -> list[list[Reading]]:
    """The largest agreeing sets of a scope group's sweeps, each once."""
    found: dict[tuple[int, ...], list[Reading]] = {}
    for swept in sweeps:
        if swept.readings[0].group != group:
            continue
        for slot, count in enumerate(swept.cover):
            if count == swept.most:
                members = swept.members(slot)
                found.setdefault(tuple(sorted(id(r) for r in members)), members)
    return list(found.values())
