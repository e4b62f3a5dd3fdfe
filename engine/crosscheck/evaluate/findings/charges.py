"""Which finding each pairwise violation belongs to (docs/semantics.md §10.3).

Every pair of conflicting readings goes to the one of lower standing, the odd one out;
for an agreement, two top readings that conflict go to the scope group's split
instead. ``Charges`` holds what the findings need: per odd reading how many claims and
pairwise violations it has against readings of higher standing, and the nearest of
those claims; per scope group the top readings in conflict. ``by_pairs`` finds them by
deciding every pair of readings (the reference, and the way for sums); ``fast.py``
finds the same with sorted indexes, without visiting the pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import combinations

from crosscheck.dsl.ast import ScopeKind
from crosscheck.evaluate.findings.conflicts import Verdict, verdict
from crosscheck.evaluate.findings.readings import Order, Reading, related_pairs, related_sides
from crosscheck.evaluate.findings.setup import Setup
from crosscheck.evaluate.findings.standing import order as rank_readings
from crosscheck.evaluate.scopes import Side
from crosscheck.model import Claim

# How near a claim is to the odd reading: how far their relation fails, whether the
# claim's deciding end is open (closed first), and its place in claim order.
Nearness = tuple[Fraction, bool, tuple[int, ...]]


@dataclass(frozen=True, slots=True)
class Near:
    """A claim the odd reading conflicts with, and how near it is."""

    nearness: Nearness
    claim: Claim
    reading: Reading
    one_way: bool  # only one part in force between the two (running totals in date order)


@dataclass
class Odd:
    """An odd reading: the claims of higher standing it conflicts with (``claims``), the
    pairwise violations with them (``pairs``), and the nearest of them, nearest first."""

    reading: Reading
    nearest: list[Near] = field(default_factory=list)
    claims: int = 0
    pairs: int = 0


@dataclass
class Split:
    """The top readings of one scope group that conflict, and their pairwise violations."""

    readings: dict[int, Reading] = field(default_factory=dict)
    pairs: int = 0


@dataclass
class Charges:
    """The pairwise violations of one rule, sorted into findings; ``largest``: per scope
    group of an agreement not over time, its largest agreeing sets (for a split's camps,
    worked out only when asked)."""

    odd: dict[int, Odd] = field(default_factory=dict)
    split: dict[str, Split] = field(default_factory=lambda: defaultdict(Split))
    largest: dict[str, Callable[[], list[list[Reading]]]] = field(default_factory=dict)


def reading_pairs(setup: Setup, readings: Sequence[Reading]) -> Iterator[tuple[Reading, Reading]]:
    """Every pair of readings a rule relates within a scope group, in role order."""
    groups: dict[str, list[list[Reading]]] = defaultdict(lambda: [[], []])
    for reading in readings:
        groups[reading.group][reading.role].append(reading)
    for group in sorted(groups):
        left, right = groups[group]
        if setup.symmetric:
            yield from combinations(left, 2)
        else:
            yield from ((u, v) for u in left for v in right)


def by_pairs(setup: Setup, readings: Sequence[Reading], cite: int, order: Order) -> Charges:
    """Charges found by deciding every pair of readings in scope."""
    failing = []
    for pair in reading_pairs(setup, readings):
        found = verdict(setup, pair)
        if found is not None:  # whatever the outlets: standing weighs values, not scopes
            pair[0].conflicts += 1
            pair[1].conflicts += 1
            failing.append((pair, found))
    rank_readings(readings)
    charges = Charges()
    against: dict[int, list[Near]] = defaultdict(list)
    for pair, found in failing:
        pairs = related_pairs(pair[0], pair[1], setup.rule.scope.kind, setup.single_claims)
        if pairs:
            _charge(setup, charges, against, (pair, found, pairs), order)
    for key, odd in charges.odd.items():
        nearest = sorted({id(n.claim): n for n in against[key]}.values(), key=lambda n: n.nearness)
        odd.claims, odd.nearest = len(nearest), nearest[:cite]
    return charges


def _charge(
    setup: Setup,
    charges: Charges,
    against: dict[int, list[Near]],
    failed: tuple[tuple[Reading, Reading], Verdict, int],
    order: Order,
) -> None:
    """Put one failing pair of readings where §10.3 says it belongs."""
    (u, v), found, pairs = failed
    if setup.splits and u.top and v.top:
        split = charges.split[u.group]
        split.readings.update({id(u): u, id(v): v})
        split.pairs += pairs
        return
    at = 0 if u.standing < v.standing else 1
    odd = charges.odd.setdefault(id((u, v)[at]), Odd((u, v)[at]))
    odd.pairs += pairs
    against[id((u, v)[at])].extend(_near(setup, (u, v), at, found, order))


def _near(
    setup: Setup, pair: tuple[Reading, Reading], at: int, found: Verdict, order: Order
) -> list[Near]:
    """The claims of the reading other than ``pair[at]`` that the scope relates to it."""
    odd, other = pair[at], pair[1 - at]
    partner_big = found.failed.big == 1 - at
    sides = partner_sides(odd, other, setup.rule.scope.kind, setup.single_claims)
    found_near = []
    for side in sides:
        iv = side.interval
        opened = not (iv.high_closed if partner_big else iv.low_closed)
        for claim in side.claims:
            nearness = (found.margin, opened, order((claim,)))
            found_near.append(Near(nearness, claim, other, found.one_way))
    return found_near


def partner_sides(odd: Reading, partner: Reading, kind: ScopeKind, single: bool) -> list[Side]:
    """The sides of ``partner`` the scope relates to some side of ``odd``."""
    if not single:
        return list(dict.fromkeys(b for _, b in related_sides(odd, partner, kind)))
    if kind is ScopeKind.ACROSS_ORIGINS and odd.who == partner.who:
        return []
    if kind is ScopeKind.ACROSS_SOURCES and len(odd.sources) == 1:
        (source,) = odd.sources
        return [side for side in partner.sides if side.source != source]
    return list(partner.sides)
