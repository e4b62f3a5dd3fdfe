"""Readings: the sides of a rule that say the same thing, reported once.

A reading is every side of one operand in one scope group with the same origin (a
claim without one: its outlet), the same time span and the same interval: the Seoul
spy agency's "some 3,000" of Monday, printed by three outlets, is one reading. Two
readings are never the same side, and identical intervals never disagree, so a reading
is never compared with itself (docs/semantics.md §10.1).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from operator import attrgetter

from crosscheck.dsl.ast import ScopeKind
from crosscheck.evaluate.scopes import Side, in_scope, origin_key, scope_key
from crosscheck.interval import Interval
from crosscheck.model import Claim

Order = Callable[[Iterable[Claim]], tuple[int, ...]]


@dataclass(eq=False, slots=True)
class Reading:
    """Sides of one operand and scope group that read alike (see the module docstring).

    ``standing`` orders the readings of a scope group, higher for better supported
    (docs/semantics.md §10.2); ``top`` marks members of a largest agreeing set.
    """

    role: int
    group: str
    who: str
    first: date | None
    last: date | None
    interval: Interval
    sides: list[Side] = field(default_factory=list)
    ranks: list[tuple[int, ...]] = field(default_factory=list)  # each side's claim order
    order: tuple[int, ...] = ()
    top: bool = False
    agrees: int = 0  # readings of its consensus group it agrees with (itself too)
    conflicts: int = 0  # readings it fails with, whatever their outlet or origin
    standing: int = 0
    sources: dict[str, int] = field(default_factory=dict)  # claims of each outlet
    # The interval's ends as (float, exact) pairs (None: unbounded), worked out once.
    ends: tuple[tuple[float, Fraction | int] | None, tuple[float, Fraction | int] | None] | None = (
        None
    )

    @property
    def claims(self) -> list[Claim]:
        """The claims of every side, in claim order of the sides."""
        return [claim for side in self.sides for claim in side.claims]

    @property
    def span(self) -> tuple[date | None, date | None]:
        """The first and last day of the reading's time."""
        return self.first, self.last


def group_key(side: Side, kind: ScopeKind) -> str:
    """The scope group a side belongs to (``scopes.scope_groups``' keys)."""
    return scope_key(side.items[0].claim, kind)


def build_readings(roles: Sequence[Sequence[Side]], kind: ScopeKind, order: Order) -> list[Reading]:
    """The readings of every operand's sides, each with its sides in claim order."""
    found: dict[tuple[object, ...], Reading] = {}
    whole = kind not in (ScopeKind.PER_DOCUMENT, ScopeKind.PER_SOURCE, ScopeKind.PER_ORIGIN)
    for role, sides in enumerate(roles):
        for side in sides:
            claim, iv = side.items[0].claim, side.interval
            group = "" if whole and claim.part is None else group_key(side, kind)
            who = f"source:{claim.source}" if claim.origin is None else origin_key(claim)
            low, high = iv.low, iv.high
            key = (
                role,
                group,
                who,
                side.first,
                side.last,
                None if low is None else (low.numerator, low.denominator),
                iv.low_closed,
                None if high is None else (high.numerator, high.denominator),
                iv.high_closed,
            )  # the interval as plain ints and flags: quicker to hash than its fractions
            reading = found.get(key)
            if reading is None:
                reading = found[key] = Reading(role, group, who, side.first, side.last, iv)
            reading.sides.append(side)
    return _in_claim_order(list(found.values()), order)


def _in_claim_order(readings: list[Reading], order: Order) -> list[Reading]:
    """The readings, and each one's sides, in claim order; each one's outlets counted."""
    for reading in readings:
        if len(reading.sides) == 1:
            side = reading.sides[0]
            rank = order(side.claims)
            reading.ranks, reading.order = [rank], rank
            reading.sources[side.items[0].claim.source] = 1
            continue
        ranked = sorted(((order(s.claims), s) for s in reading.sides), key=lambda p: p[0])
        reading.sides = [side for _, side in ranked]
        reading.ranks = [rank for rank, _ in ranked]
        reading.order = reading.ranks[0]
        for side in reading.sides:
            reading.sources[side.source] = reading.sources.get(side.source, 0) + 1
    readings.sort(key=attrgetter("order"))
    return readings


def related_pairs(u: Reading, v: Reading, kind: ScopeKind, single: bool) -> int:
    """How many pairs of a side of ``u`` and a side of ``v`` the scope relates (never two
    sides sharing a claim; across sources, never two of one outlet)."""
    if kind is ScopeKind.ACROSS_ORIGINS and u.who == v.who:
        return 0
    if single:  # one claim per side: no two sides share a claim
        count = len(u.sides) * len(v.sides)
        if kind is ScopeKind.ACROSS_SOURCES:
            small, big = (u, v) if len(u.sources) <= len(v.sources) else (v, u)
            count -= sum(n * big.sources.get(s, 0) for s, n in small.sources.items())
        return count
    return sum(
        1
        for a in u.sides
        for b in v.sides
        if a.indices.isdisjoint(b.indices) and in_scope(a, b, kind)
    )


def related_sides(u: Reading, v: Reading, kind: ScopeKind) -> list[tuple[Side, Side]]:
    """The pairs ``related_pairs`` counts, one side of ``u`` and one of ``v``."""
    if kind is ScopeKind.ACROSS_ORIGINS and u.who == v.who:
        return []
    return [
        (a, b)
        for a in u.sides
        for b in v.sides
        if a.indices.isdisjoint(b.indices) and in_scope(a, b, kind)
    ]


def partner_count(odd: Reading, partner: Reading, kind: ScopeKind, single: bool) -> int:
    """How many claims of ``partner`` the scope relates to some side of ``odd``."""
    if not single:
        sides = {id(b): b for _, b in related_sides(odd, partner, kind)}
        return len({id(c) for side in sides.values() for c in side.claims})
    if kind is ScopeKind.ACROSS_ORIGINS and odd.who == partner.who:
        return 0
    if kind is ScopeKind.ACROSS_SOURCES and len(odd.sources) == 1:
        (source,) = odd.sources
        return len(partner.sides) - partner.sources.get(source, 0)
    return len(partner.sides)
