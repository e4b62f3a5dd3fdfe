"""Which claims a rule relates: sides of a relation, and the pairs a scope allows.

A *side* is what stands on one side of a relation: one claim, a sum with one claim
per term (all from one document), or a constant. A scope pairs sides: across sources
those of different sources, per document those of one document, per source those of
one source, across origins those of different origins (a claim without an origin
stands for its source), per origin those of one origin, and ``within N days`` only
those whose times (``Claim.time_span``) all fit in N days.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from itertools import combinations, product

from crosscheck.dsl.ast import Scope, ScopeKind
from crosscheck.evaluate.context import Item, claim_key
from crosscheck.evaluate.relations import Constraint
from crosscheck.interval import Interval
from crosscheck.model import Claim


def origin_key(claim: Claim) -> str:
    """Who a claim's figure comes from: its origin, or, without one, its source."""
    return f"origin:{claim.origin}" if claim.origin is not None else f"source:{claim.source}"


def scope_key(claim: Claim, kind: ScopeKind) -> str:
    """The scope group of a claim (``scope_groups``' keys): its document, source or
    origin for the ``per`` scopes, one group ("") for the ``across`` ones; a claim of a
    part of the event ("in Afghanistan") is in a group of that part's claims only."""
    if kind is ScopeKind.PER_DOCUMENT:
        key = claim.document
    elif kind is ScopeKind.PER_SOURCE:
        key = claim.source
    elif kind is ScopeKind.PER_ORIGIN:
        key = origin_key(claim)
    else:
        key = ""
    return key if claim.part is None else f"{key}\x1e{part_key(claim.part)}"


def part_key(part: str) -> str:
    """The part a claim counts, as compared: its words, lower-cased ("In Afghanistan" and
    "in  afghanistan" are one part)."""
    return " ".join(part.lower().split())


def in_scope(a: Side, b: Side, kind: ScopeKind) -> bool:
    """Whether a scope that puts two sides in one group relates them (the scopes that
    compare across sources or origins relate only sides of different ones)."""
    if kind is ScopeKind.ACROSS_SOURCES:
        return a.items[0].claim.source != b.items[0].claim.source
    if kind is ScopeKind.ACROSS_ORIGINS:
        return origin_key(a.items[0].claim) != origin_key(b.items[0].claim)
    return True


@dataclass(frozen=True, slots=True)
class Side:
    """The claims on one side of a relation (none for a constant) and their interval.

    ``claims`` are the items' claims in term order; ``indices`` their input positions
    (to tell equal claims apart); ``first``/``last`` their earliest and latest dates,
    ``None`` if any is undated.
    """

    items: tuple[Item, ...]
    interval: Interval
    claims: tuple[Claim, ...] = field(init=False, compare=False)
    indices: frozenset[int] = field(init=False)
    first: date | None = field(init=False)
    last: date | None = field(init=False)
    # Words for the side, worked out once when first needed (see describe.py).
    memo: dict[str, str] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Computed once: pairing reads them for every pair.
        items, put = self.items, object.__setattr__
        if len(items) == 1:  # most sides: one claim, its time span's ends
            claim = items[0].claim
            span = claim.time_span()
            put(self, "claims", (claim,))
            put(self, "indices", frozenset((items[0].index,)))
            put(self, "first", span[0] if span else None)
            put(self, "last", span[1] if span else None)
        else:
            claims = tuple(item.claim for item in items)
            spans = [claim.time_span() for claim in claims]
            known = [s for s in spans if s is not None]
            dated = bool(spans) and len(known) == len(spans)
            put(self, "claims", claims)
            put(self, "indices", frozenset(item.index for item in items))
            put(self, "first", min(s[0] for s in known) if dated else None)
            put(self, "last", max(s[1] for s in known) if dated else None)
        put(self, "memo", {})

    @property
    def document(self) -> str:
        """The document of the side's claims (one document by construction)."""
        return self.items[0].claim.document

    @property
    def source(self) -> str:
        """The source of the side's claims."""
        return self.items[0].claim.source


def constant_side(value: Fraction) -> Side:
    """A side standing for one known number."""
    return Side((), Interval.point(value))


def single_sides(items: Sequence[Item]) -> list[Side]:
    """One side per claim, in the claim's own unit."""
    return [Side((item,), item.claim.interval) for item in items]


def sum_sides(
    terms: Sequence[str], items: Mapping[str, Sequence[Item]], factors: Mapping[str, Fraction]
) -> list[Side]:
    """Every choice of one claim per term, all from one document, summed in the working unit."""
    if len(terms) == 1:
        return _one_term(items.get(terms[0], ()), factors[terms[0]])
    by_document: list[dict[str, list[tuple[Item, Interval]]]] = []
    for term in terms:
        factor = factors[term]
        unscaled = factor == 1
        groups: dict[str, list[tuple[Item, Interval]]] = defaultdict(list)
        for item in items.get(term, ()):
            claim = item.claim
            # Scaled once per claim, not once per sum the claim is part of.
            scaled = claim.interval if unscaled else claim.interval.scale(factor)
            groups[claim.document].append((item, scaled))
        by_document.append(groups)
    common = set.intersection(*(set(g) for g in by_document)) if by_document else set()
    # A measure named twice (`killed + killed`) sums two different claims; the two
    # orders of the same pair are one sum, taken once (claims in reading order).
    repeats = [(i, j) for i, j in combinations(range(len(terms)), 2) if terms[i] == terms[j]]
    sides: list[Side] = []
    for document in sorted(common):
        for choice in product(*(g[document] for g in by_document)):
            chosen = tuple(item for item, _ in choice)
            distinct = len({item.index for item in chosen}) == len(chosen)
            if distinct and all(_before(chosen[i], chosen[j]) for i, j in repeats):
                sides.append(Side(chosen, _sum([iv for _, iv in choice])))
    return sides


def _one_term(items: Sequence[Item], factor: Fraction) -> list[Side]:
    """``sum_sides`` of a single term: a side per claim, by document."""
    unscaled = factor == 1
    groups: dict[str, list[Side]] = defaultdict(list)
    for item in items:
        claim = item.claim
        scaled = claim.interval if unscaled else claim.interval.scale(factor)
        groups[claim.document].append(Side((item,), scaled))
    return [side for document in sorted(groups) for side in groups[document]]


def _before(a: Item, b: Item) -> bool:
    """Whether ``a`` comes first in reading order (input order between equal claims)."""
    return (claim_key(a.claim), a.index) < (claim_key(b.claim), b.index)


def _sum(intervals: Sequence[Interval]) -> Interval:
    """The intervals added up, as ``+`` would, without the intermediate intervals."""
    first = intervals[0]
    low, high, low_closed, high_closed = first.low, first.high, first.low_closed, first.high_closed
    for iv in intervals[1:]:
        low = None if low is None or iv.low is None else low + iv.low
        high = None if high is None or iv.high is None else high + iv.high
        low_closed = low_closed and iv.low_closed
        high_closed = high_closed and iv.high_closed
    return Interval(low, high, low_closed, high_closed)


def scope_groups(sides: Sequence[Side], kind: ScopeKind) -> dict[str, list[Side]]:
    """The sides a scope may relate to each other, by group (one group across sources)."""
    groups: dict[str, list[Side]] = defaultdict(list)
    for side in sides:
        groups[scope_key(side.items[0].claim, kind)].append(side)
    return groups


def by_first_date(sides: Sequence[Side], days: int | None) -> list[Side]:
    """The sides in the order pairing visits them: by first date under a day window."""
    return list(sides) if days is None else sorted(sides, key=_first)


def pairs_in_scope(
    left: Sequence[Side], right: Sequence[Side] | None, scope: Scope
) -> Iterator[tuple[Side, Side]]:
    """The pairs the scope relates: ``left`` x ``right``, or when ``right`` is None the
    unordered pairs of ``left`` (each once). Two sides of a pair never share a claim.
    """
    left_groups = scope_groups(left, scope.kind)
    right_groups = left_groups if right is None else scope_groups(right, scope.kind)
    days = scope.days
    for key in sorted(left_groups.keys() & right_groups.keys()):
        if right is None:
            pairs = _unordered(left_groups[key], scope.days)
        else:
            pairs = _crossed(left_groups[key], right_groups[key], scope.days)
        for a, b in pairs:
            if not a.indices.isdisjoint(b.indices) or not in_scope(a, b, scope.kind):
                continue
            if days is None or within_days((a, b), days):
                yield a, b


def _unordered(sides: list[Side], days: int | None) -> Iterator[tuple[Side, Side]]:
    if days is None:
        yield from combinations(sides, 2)
        return
    # Sorted by first date, a side's partners within the window follow it closely.
    ordered = by_first_date(sides, days)
    starts = [_first(s) for s in ordered]
    for i, a in enumerate(ordered):
        stop = bisect_right(starts, _first(a) + timedelta(days=days))
        for b in ordered[i + 1 : stop]:
            yield a, b


def _crossed(left: list[Side], right: list[Side], days: int | None) -> Iterator[tuple[Side, Side]]:
    if days is None:
        yield from product(left, right)
        return
    ordered = by_first_date(right, days)
    starts = [_first(s) for s in ordered]
    window = timedelta(days=days)
    for a in left:
        lo = bisect_left(starts, _last(a) - window)
        hi = bisect_right(starts, _first(a) + window)
        for b in ordered[lo:hi]:
            yield a, b


def _first(side: Side) -> date:
    first = side.first
    assert first is not None, "undated claims are dropped before a day window applies"
    return first


def _last(side: Side) -> date:
    last = side.last
    assert last is not None, "undated claims are dropped before a day window applies"
    return last


def within_days(sides: Sequence[Side], days: int | None) -> bool:
    """Whether the time spans of all claims of the sides fit within ``days`` (vacuously so
    for a single claim; never for a claim of unknown time among several).
    """
    if days is None:
        return True
    spans = [item.claim.time_span() for side in sides for item in side.items]
    if len(spans) < 2:
        return True
    known = [s for s in spans if s is not None]
    if len(known) < len(spans):
        return False
    return max(s[1] for s in known) - min(s[0] for s in known) <= timedelta(days=days)


def precedes(small: Side, big: Side) -> bool:
    """Whether every claim of ``small`` held no later than every claim of ``big`` began."""
    last, first = small.last, big.first
    return last is not None and first is not None and last <= first


def in_date_order(
    constraints: Sequence[Constraint], sides: Sequence[Side], ordered: bool
) -> tuple[Constraint, ...]:
    """The constraints that apply: all, or when running totals are involved only
    those whose smaller side is dated no later than its bigger side.
    """
    if not ordered:
        return tuple(constraints)
    return tuple(c for c in constraints if precedes(sides[c.small], sides[c.big]))


def date_needed(scope: Scope, related: int, ordered: bool) -> str | None:
    """Why a rule cannot use undated claims, or ``None`` when it can.

    ``related`` is how many claims one relation of the rule involves; ``ordered``
    whether running totals are compared in date order.
    """
    if scope.days is not None and related >= 2:
        return f"no date, and the rule compares claims at most {scope.days} days apart"
    if ordered:
        return "no date, and running totals (cumulative measures) are compared in date order"
    return None
