"""Comparisons with a sum of two or more terms (docs/semantics.md §4.2).

A document's sums (under an origin scope, those whose first claim has one origin) are one
side: the relation between them and the other side FAILS when some choice of claims for
the sums makes it fail, is UNDECIDED when none does but some choice does not make it
hold, and HOLDS otherwise. It is decided by the choice that comes closest to failing
(``extremes``), found from each claim's own contribution in time linear in the claims
(times the days a date rule must tell apart), never by trying every choice; that choice
is the one a violation cites.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from crosscheck.dsl.ast import Scope, ScopeKind
from crosscheck.evaluate.candidates import DateRule, Part, threshold_of
from crosscheck.evaluate.context import Item
from crosscheck.evaluate.extremes import Candidate, Choice, Frame, Mode, Operand, best_choice
from crosscheck.evaluate.relations import Constraint, Within
from crosscheck.evaluate.scopes import (
    Side,
    constant_side,
    origin_key,
    pairs_in_scope,
    part_key,
    scope_groups,
)
from crosscheck.evaluate.shortlist import crossed_shortlist
from crosscheck.interval import Interval, Truth
from crosscheck.model import Claim

_ORIGIN_SCOPES = (ScopeKind.ACROSS_ORIGINS, ScopeKind.PER_ORIGIN)


@dataclass(frozen=True)
class Unit:
    """One side a comparison relates: a constant, a claim, or a document's sums.

    ``rep`` stands for it where a scope pairs sides (its first claim, under an index of
    its own); ``key`` names it, either way round.
    """

    operand: Operand
    rep: Side
    key: tuple[object, ...]


@dataclass(frozen=True)
class Setting:
    """What every relation of one comparison shares."""

    parts: tuple[Constraint, ...]
    within: Within
    days: int | None
    ordered: bool  # running totals: a part applies only with its small side dated first


@dataclass(frozen=True)
class Claims:
    """The claims of a comparison's measures, ready for sums: by measure (dated ones only
    when dates matter), factors into the working unit, and each claim's reading rank."""

    items: Mapping[str, Sequence[Item]]
    factors: Mapping[str, Fraction]
    rank: Callable[[Claim], int]
    spans: bool  # whether dates play a part (a day window, running totals)


def units(
    terms: Sequence[str], constant: Fraction | None, claims: Claims, kind: ScopeKind, side: int
) -> list[Unit]:
    """The sides of operand ``side`` (0 left, 1 right): the constant, one per claim of a
    single term, or one per document's sums (and per origin of their first claims, under
    an origin scope)."""
    if constant is not None:
        return [Unit(Operand(None, (), (), constant), constant_side(constant), ("constant",))]
    # A sum adds figures of one document and one part of the event (the whole, or one place).
    by_document: dict[tuple[str, str], dict[str, list[Candidate]]] = {}
    for term in dict.fromkeys(terms):
        for item in claims.items.get(term, ()):
            key = (item.claim.document, part_key(item.claim.part or ""))
            found_in = by_document.setdefault(key, {t: [] for t in terms})
            found_in[term].append(_candidate(item, claims))
    found: list[Unit] = []
    for document, part in sorted(by_document):
        pools = by_document[document, part]
        if len(terms) == 1:
            found += [
                _unit(document, terms, {terms[0]: (c,)}, 2 * len(found) + side)
                for c in pools[terms[0]]
            ]
        elif all(pools[t] for t in terms):
            split = kind in _ORIGIN_SCOPES
            for first in _by_origin(pools[terms[0]], split):
                pooled = {**pools, terms[0]: list(first)}
                found.append(_unit(document, terms, pooled, 2 * len(found) + side, split, part))
    return found


def _candidate(item: Item, claims: Claims) -> Candidate:
    claim = item.claim
    factor = claims.factors[claim.measure]
    interval = claim.interval if factor == 1 else claim.interval.scale(factor)
    span = _span(claim) if claims.spans else None
    return Candidate(item, interval, (claims.rank(claim), item.index), span)


def _span(claim: Claim) -> tuple[int, int]:
    span = claim.time_span()
    assert span is not None, "undated claims are dropped before dates are compared"
    return span[0].toordinal(), span[1].toordinal()


def _by_origin(pool: list[Candidate], split: bool) -> list[tuple[Candidate, ...]]:
    """The claims of a first term, by origin of the claim when the scope asks."""
    if not split:
        return [tuple(pool)]
    origins: dict[str, list[Candidate]] = {}
    for candidate in pool:
        origins.setdefault(origin_key(candidate.item.claim), []).append(candidate)
    return [tuple(origins[key]) for key in sorted(origins)]


def _unit(
    document: str,
    terms: Sequence[str],
    pools: Mapping[str, Sequence[Candidate]],
    number: int,
    split: bool = False,
    part: str = "",
) -> Unit:
    operand = Operand(document, tuple(terms), tuple(tuple(pools[t]) for t in terms))
    first = operand.pools[0][0].item
    rep = Side((Item(-1 - number, first.claim),), operand.pools[0][0].interval)
    if len(terms) == 1:
        return Unit(operand, rep, ("claim", first.index))
    origin = origin_key(first.claim) if split else None
    return Unit(operand, rep, ("sums", document, tuple(sorted(terms)), origin, part))


def unit_pairs(
    left: Sequence[Unit], right: Sequence[Unit], kind: ScopeKind, setting: Setting, every: bool
) -> Iterator[tuple[Unit, Unit]]:
    """The pairs the scope relates (in the order of all pairs), each unordered pair of
    keys once for a symmetric rule: every pair when ``every``, else those whose extremes
    could fail a part (a superset of the failing ones; the day window and the date order
    are left to the decision)."""
    if not left or not right:
        return
    if left[0].operand.constant is not None or right[0].operand.constant is not None:
        yield from ((a, b) for a in left for b in right)
        return
    reps = {id(u.rep): u for u in (*left, *right)}
    scope = _scope(kind)
    threshold = threshold_of(setting.within)
    if every or threshold is None:
        pairs = pairs_in_scope([u.rep for u in left], [u.rep for u in right], scope)
        yield from ((reps[id(a)], reps[id(b)]) for a, b in pairs)
        return
    yield from _shortlisted(left, right, scope, setting)


def _scope(kind: ScopeKind) -> Scope:
    """The scope without its day window: sums leave it to the decision."""
    return Scope(kind)


def _shortlisted(
    left: Sequence[Unit], right: Sequence[Unit], scope: Scope, setting: Setting
) -> Iterator[tuple[Unit, Unit]]:
    """The pairs that could fail some part, by each unit's reach (its most extreme low
    or high end over every choice), found part by part and merged in pairing order."""
    streams = [_part_pairs(left, right, scope, part, setting) for part in setting.parts]
    previous = None
    for found in heapq.merge(*streams):
        if found != previous:
            previous = found
            yield left[found[1]], right[found[2]]


def _part_pairs(
    left: Sequence[Unit], right: Sequence[Unit], scope: Scope, part: Constraint, setting: Setting
) -> Iterator[tuple[str, int, int]]:
    """(scope group, left position, right position) of the pairs whose reaches fail
    ``part``, in pairing order."""
    threshold = threshold_of(setting.within)
    assert threshold is not None
    proxies = [
        [_reach(u, side == part.small) for u in units_] for side, units_ in ((0, left), (1, right))
    ]
    place = {id(p): i for group in proxies for i, p in enumerate(group)}
    group_of = {id(p): key for key, ps in scope_groups(proxies[0], scope.kind).items() for p in ps}
    search = [Part(part.small, part.big, DateRule.ANY, part.strict)]
    for a, b in crossed_shortlist(proxies[0], proxies[1], scope, search, threshold):
        yield group_of[id(a)], place[id(a)], place[id(b)]


def _reach(unit: Unit, small: bool) -> Side:
    """A side standing for ``unit`` in the search: as the small side, the largest low end
    any choice of its claims has; as the big side, the smallest high end. Distinct claims
    are not required: the reach may be more extreme than any choice, never less."""
    total: Fraction | None = Fraction(0)
    opened = False
    for pool in unit.operand.pools:
        end = _end(pool, small)
        if end is None or total is None:
            total = None
            continue
        total += end[0]
        opened = opened or end[1]
    if small:
        return Side(unit.rep.items, Interval(total, None, not opened))
    return Side(unit.rep.items, Interval(None, total, True, not opened))


def _end(pool: Sequence[Candidate], small: bool) -> tuple[Fraction, bool] | None:
    """The most extreme end of a term's claims, and whether it is open: the largest low
    end (open above closed) for the small side, the smallest high end (open below
    closed) for the big side; ``None`` when no claim has that end."""
    if small:
        lows = [
            (iv.low, not iv.low_closed) for iv in (c.interval for c in pool) if iv.low is not None
        ]
        return max(lows, default=None)
    highs = [(iv.high, iv.high_closed) for iv in (c.interval for c in pool) if iv.high is not None]
    lowest = min(highs, default=None)
    return None if lowest is None else (lowest[0], not lowest[1])


def decide_units(left: Unit, right: Unit, setting: Setting) -> tuple[Truth, Choice] | None:
    """The truth of the relation between two units and the choice it is decided on: the
    one failing by the widest margin, else the one furthest from holding, else the one
    closest to failing; ``None`` when no choice is in the day window at all."""
    found = _most(_extreme(left, right, setting, Mode.FAIL))
    if found is not None:
        return Truth.FAILS, found
    found = _most(_extreme(left, right, setting, Mode.SLACK))
    if found is not None:
        return Truth.UNDECIDED, found
    for part in setting.parts:
        held = _best(left.operand, right.operand, part, setting, Mode.FAIL, setting.ordered)
        if held is not None:
            return Truth.HOLDS, held
    # No part applies to any choice (running totals dated the other way round).
    held = _best(left.operand, right.operand, setting.parts[0], setting, Mode.FAIL, False)
    return None if held is None else (Truth.HOLDS, held)


def _extreme(left: Unit, right: Unit, setting: Setting, mode: Mode) -> list[Choice]:
    """For each part, the most extreme choice, when it fails the part (FAIL) or does
    not make it hold (SLACK)."""
    found = []
    for part in setting.parts:
        choice = _best(left.operand, right.operand, part, setting, mode, setting.ordered)
        if choice is not None and _beyond(choice, part, setting.within.bound, mode):
            found.append(choice)
    return found


def _beyond(choice: Choice, part: Constraint, bound: Fraction, mode: Mode) -> bool:
    """FAIL: whether ``inf`` is past the bound (the part fails for every value); SLACK:
    whether ``sup`` is (the part does not hold for every value)."""
    unbounded, value, opens = choice.score
    if mode is Mode.FAIL:
        return unbounded == 0 and (value > bound or (value == bound and (opens > 0 or part.strict)))
    return unbounded > 0 or value > bound or (value == bound and part.strict and opens == 0)


def _most(choices: list[Choice]) -> Choice | None:
    """The most extreme of the choices, the first in reading order among equals."""
    if not choices:
        return None
    top = max(c.score for c in choices)
    return min((c for c in choices if c.score == top), key=lambda c: c.cited)


def _best(
    left: Operand, right: Operand, part: Constraint, setting: Setting, mode: Mode, dated: bool
) -> Choice | None:
    """The most extreme choice for ``part`` over every frame: a day window's start, and
    with ``dated`` the last day of the small side (it must end before the big begins)."""
    small = (left, right)[part.small]
    spans = [c.span for operand in (left, right) for pool in operand.pools for c in pool]
    known = [s for s in spans if s is not None]
    starts: Sequence[int | None] = [None]
    if setting.days is not None and known:
        starts = sorted({s[0] for s in known})
    splits: Sequence[int | None] = [None]
    if dated:
        splits = sorted({c.span[1] for pool in small.pools for c in pool if c.span is not None})
    found = []
    for start in starts:
        stop = None if start is None or setting.days is None else start + setting.days
        for split in splits:
            frame = Frame(start, stop, split)
            choice = best_choice(left, right, part.small, setting.within.k, mode, frame)
            if choice is not None:
                found.append(choice)
    return _most(found)


def witness(unit: Unit, chosen: Sequence[Candidate]) -> Side:
    """The side a violation cites: the chosen claims and the sum of their intervals."""
    if unit.operand.constant is not None:
        return unit.rep
    total = chosen[0].interval
    for candidate in chosen[1:]:
        total = total + candidate.interval
    return Side(tuple(c.item for c in chosen), total)
