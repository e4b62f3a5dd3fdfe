"""Which finding covers each pairwise violation: the full list of pairs, on request.

A pairwise violation cites its left side's claims, then its right side's (§8); their
readings say whose finding it is, as ``charges.Charges.charge`` decided.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from crosscheck.evaluate.findings.drafts import split_identity
from crosscheck.evaluate.findings.readings import Reading
from crosscheck.evaluate.findings.setup import Setup
from crosscheck.model import Finding, Violation

SideKey = tuple[int, tuple[int, ...]]  # (role, ids of the side's claims)


def side_keys(readings: Sequence[Reading]) -> dict[SideKey, Reading]:
    """Each side's reading, by its operand and claims."""
    return {(r.role, tuple(id(c) for c in side.claims)): r for r in readings for side in r.sides}


def with_pairs(
    setup: Setup,
    readings: Sequence[Reading],
    findings: Sequence[tuple[Finding, Reading | None]],
    violations: Sequence[Violation],
) -> list[Finding]:
    """``findings`` (each with its odd reading, None for a split) listing the pairwise
    violations each covers."""
    sides = side_keys(readings)
    position = {id(r): i for i, (_, r) in enumerate(findings) if r is not None}
    splits = {f.identity: i for i, (f, r) in enumerate(findings) if r is None}
    covered: dict[int, list[Violation]] = defaultdict(list)
    right = 1 if not setup.symmetric else 0
    n = setup.left_terms
    for violation in violations:
        u = sides[(0, tuple(id(c) for c in violation.claims[:n]))]
        v = sides[(right, tuple(id(c) for c in violation.claims[n:]))]
        if setup.splits and u.top and v.top:
            covered[splits[split_identity(setup, u.group)]].append(violation)
        else:
            covered[position[id(u if u.standing < v.standing else v)]].append(violation)
    return [
        f.model_copy(update={"violations": tuple(covered[i])}) for i, (f, _) in enumerate(findings)
    ]
