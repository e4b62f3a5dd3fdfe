"""Findings in words: the odd reading, what it conflicts with (nearest first), how many.

A finding cites at most ``cite`` claims of each group in full and counts the rest
(docs/semantics.md §10.5): the odd reading's claims in claim order; the claims it
conflicts with nearest first (by how far their relation fails, a closed end before an
open one, then claim order); each camp of a split in claim order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from crosscheck.evaluate.describe import tolerance_text
from crosscheck.evaluate.findings.charges import Odd, Split
from crosscheck.evaluate.findings.readings import Order, Reading, partner_count
from crosscheck.evaluate.findings.setup import Setup
from crosscheck.evaluate.findings.words import heading, hull, plural, said, values, voice, when
from crosscheck.evaluate.scopes import Side, part_key
from crosscheck.model import Cited, Claim, Finding, FindingKind


@dataclass(frozen=True)
class Citing:
    """How findings cite: ``cite`` claims per group in full, ``order`` for claim order;
    ``pairs``: each finding lists the pairwise violations it covers."""

    cite: int
    order: Order
    pairs: bool = False
    # Sides made for one rule, kept for the next that names the same measure (setup.Memo).
    memo: dict[tuple[object, ...], list[Side]] = field(default_factory=dict)

    def group(self, role: str, claims: Sequence[Claim], total: int | None = None) -> Cited:
        """``claims`` (in citing order) as a group: the first ``cite`` in full."""
        counted = len(claims) if total is None else total
        return Cited(role=role, claims=tuple(claims[: self.cite]), total=counted)


def identity(setup: Setup, reading: Reading) -> str:
    """The odd reading's identity: rule, measures, who, time and interval (no outlet, line)."""
    measures = "+".join(item.claim.measure for item in reading.sides[0].items)
    part = reading.sides[0].items[0].claim.part
    said = f"{setup.rule.name}|{measures}|{reading.who}|{when(reading)}|{reading.interval}"
    return said if part is None else f"{said}|part:{part_key(part)}"


def split_identity(setup: Setup, group: str) -> str:
    """A split's identity: its rule and scope group (and the group's part, if any)."""
    key, _, part = group.partition("\x1e")  # scopes.scope_key's part separator
    said = f"{setup.rule.name}|split|{key}"
    return f"{said}|part:{part}" if part else said


def failure(setup: Setup, one_way: bool) -> tuple[str, str]:
    """Why a relation fails, short (for the message) and long (for the detail)."""
    tol = tolerance_text(setup.rule.body.tolerance)  # type: ignore[union-attr]
    beyond = f" by more than {tol.removeprefix('within ')}" if tol else ""
    if setup.kind is FindingKind.BREAKS:
        return "false for every choice of values", "false for every choice of values"
    if one_way:
        long = f"the later value is below the earlier one{beyond} for every choice of values"
        return f"a running total fell{beyond}", long
    return (
        f"no common value {tol}".rstrip(),
        f"no pair of values {tol}" if tol else "no common value",
    )


@dataclass(frozen=True)
class Against:
    """What an odd reading conflicts with: the reading of the nearest claim (and whether
    only one part was in force between them), the claims cited nearest first, and how
    many claims in all."""

    reading: Reading
    one_way: bool
    claims: list[Claim]
    total: int


def odd_finding(setup: Setup, odd: Odd, citing: Citing) -> Finding:
    """The finding of one odd reading and the claims of higher standing it conflicts with."""
    first = odd.nearest[0]
    against = Against(first.reading, first.one_way, [n.claim for n in odd.nearest], odd.claims)
    return worded_finding(setup, odd.reading, against, odd.pairs, citing)


def worded_finding(
    setup: Setup, reading: Reading, against: Against, pairs: int, citing: Citing
) -> Finding:
    """The finding of an odd reading, in words, against what it conflicts with."""
    unit, kind = setup.unit, setup.rule.scope.kind
    nearest = against.reading
    others = against.total - partner_count(reading, nearest, kind, setup.single_claims)
    more = f" and {plural(others, 'more claim')}" if others else ""
    short, long = failure(setup, against.one_way)
    vs = f"{said(nearest, unit)} ({voice(nearest)}){more}"
    message = setup.rule.message or (
        f"{heading(setup.rule)}: {said(reading, unit)} ({voice(reading)}) vs {vs} — {short}"
    )
    detail = f"{values(reading, unit)} vs {values(nearest, unit)}{more}: {long}"
    cited = (
        citing.group("odd", reading.claims),
        citing.group("against", against.claims, against.total),
    )
    return Finding(
        rule=setup.rule.name,
        severity=setup.rule.severity,
        kind=setup.kind,
        message=message,
        detail=detail,
        cited=cited,
        pairs=pairs,
        identity=identity(setup, reading),
    )


def split_finding(
    setup: Setup, split: Split, camps: Sequence[Sequence[Reading]], citing: Citing
) -> Finding:
    """The split of one scope group: largest camps that cannot agree with one another."""
    short, long = failure(setup, False)
    named = " vs ".join(_camp(camp, split, setup.unit) for camp in camps)
    message = setup.rule.message or f"{heading(setup.rule)}: sources split — {named} — {short}"
    spans = "; ".join(str(hull([r.interval for r in camp])) for camp in camps)
    detail = f"{len(camps)} camps of {plural(len(camps[0]), 'reading')} each: {spans}: {long}"
    cited = tuple(citing.group("camp", [c for r in camp for c in r.claims]) for camp in camps)
    return Finding(
        rule=setup.rule.name,
        severity=setup.rule.severity,
        kind=FindingKind.SPLIT,
        message=message,
        detail=detail,
        cited=cited,
        pairs=split.pairs,
        identity=split_identity(setup, camps[0][0].group),
    )


def _camp(camp: Sequence[Reading], split: Split, unit: str) -> str:
    """A camp by its first reading in the split (its first reading when none is)."""
    named = next((r for r in camp if id(r) in split.readings), camp[0])
    claims = sum(len(r.sides) for r in camp)
    return f"{said(named, unit)} ({voice(named)}; {plural(claims, 'claim')})"
