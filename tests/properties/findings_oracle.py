"""A brute-force reading of docs/semantics.md §10 (findings), written apart from the evaluator.

Given the pairwise violations the oracle of ``semantics_rules`` finds, it forms the
findings §10 describes: readings (§10.1), largest agreeing sets by trying every
candidate point (§10.2), standing, the odd reading of each conflicting pair or the
split (§10.3). Findings are compared by their odd claims, the claims they are cited
against, and how many pairwise violations they cover.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import pairwise

import semantics_rules
from semantics_oracle import Relation, truth
from semantics_rules import _choices, _slack, _terms, _who, order_key, relations

from crosscheck.dsl.ast import (
    Agreement,
    Bounds,
    Comparison,
    Monotonic,
    Op,
    Rule,
    RuleSet,
    ScopeKind,
)
from crosscheck.interval import Interval, Truth
from crosscheck.model import Claim

Side = tuple[int, ...]


@dataclass(eq=False)
class OracleReading:
    """Sides of one operand with one scope group, origin, time and interval."""

    role: int
    group: str
    span: object
    interval: Interval
    sides: list[Side] = field(default_factory=list)
    top: bool = False
    agrees: int = 0
    conflicts: int = 0
    order: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Expected:
    """A finding as the oracle expects it."""

    kind: str  # "odd" or "split"
    odd: frozenset[int]  # the odd reading's claims; a split: its conflicting readings' claims
    against: frozenset[int]  # the claims it conflicts with (a split: none)
    pairs: int


def _interval(ruleset: RuleSet, claims: Sequence[Claim], side: Side, unit: str) -> Interval:
    total: Interval | None = None
    for i in side:
        factor = _factor(ruleset, claims[i].measure, unit)
        iv = claims[i].interval.scale(factor)
        total = iv if total is None else total + iv
    assert total is not None
    return total


def _factor(ruleset: RuleSet, measure: str, unit: str) -> Fraction:
    from semantics_rules import _factor as factor

    return factor(ruleset.unit_of(measure), unit)


def _group(claim: Claim, kind: ScopeKind) -> str:
    if kind is ScopeKind.PER_DOCUMENT:
        return claim.document
    if kind is ScopeKind.PER_SOURCE:
        return claim.source
    if kind is ScopeKind.PER_ORIGIN:
        return _who(claim)
    return ""


def _span(claims: Sequence[Claim], side: Side) -> object:
    spans = [claims[i].time_span() for i in side]
    if any(s is None for s in spans):
        return None
    return (min(s[0] for s in spans if s), max(s[1] for s in spans if s))


def operands(
    ruleset: RuleSet, rule: Rule, claims: Sequence[Claim], skipped: set[int]
) -> list[list[Side]]:
    """The sides of each operand (one operand for an agreement, growth or ``a == a``)."""
    usable = [i for i in range(len(claims)) if i not in skipped]
    body = rule.body
    if isinstance(body, Agreement | Monotonic):
        return [[(i,) for i in usable if claims[i].measure == body.measure.name]]
    assert isinstance(body, Comparison)
    left, right = _terms(body.left), _terms(body.right)
    if body.op is Op.EQ and sorted(left) == sorted(right):
        return [_choices(left, claims, usable)]
    return [_choices(left, claims, usable), _choices(right, claims, usable)]


def over_time(ruleset: RuleSet, rule: Rule) -> bool:
    """Whether consensus groups are the readings of one time span (§10.2)."""
    body = rule.body
    if isinstance(body, Monotonic):
        return True
    names = (
        (body.measure.name,)
        if isinstance(body, Agreement)
        else _terms(body.left) + _terms(body.right)
    )  # type: ignore[union-attr]
    return rule.scope.days is not None or any(ruleset.measures[n].cumulative for n in names)


def working_unit(ruleset: RuleSet, rule: Rule) -> str:
    body = rule.body
    if isinstance(body, Agreement | Monotonic | Bounds):
        return ruleset.unit_of(body.measure.name)
    return ruleset.unit_of((_terms(body.left) + _terms(body.right))[0])


def readings_of(
    ruleset: RuleSet, rule: Rule, claims: Sequence[Claim], roles: list[list[Side]]
) -> dict[tuple[int, Side], OracleReading]:
    """Every side's reading (§10.1), by operand and side."""
    unit = working_unit(ruleset, rule)
    found: dict[tuple[object, ...], OracleReading] = {}
    of: dict[tuple[int, Side], OracleReading] = {}
    for role, sides in enumerate(roles):
        for side in sides:
            first = claims[side[0]]
            group, span = _group(first, rule.scope.kind), _span(claims, side)
            interval = _interval(ruleset, claims, side, unit)
            key = (role, group, _who(first), span, interval)
            reading = found.setdefault(key, OracleReading(role, group, span, interval))
            reading.sides.append(side)
            of[(role, side)] = reading
    for reading in found.values():
        reading.order = min(tuple(order_key(claims[i]) for i in side) for side in reading.sides)
    return of


def _inside(t: Fraction, iv: Interval, k: Fraction, a: Fraction) -> bool:
    high = None if iv.high is None else (iv.high + a) / k
    above = iv.low is None or t > iv.low or (t == iv.low and iv.low_closed)
    below = high is None or t < high or (t == high and iv.high_closed)
    return above and below


def _points(intervals: Sequence[Interval], k: Fraction, a: Fraction) -> list[Fraction]:
    ends = sorted(
        {
            e
            for iv in intervals
            for e in (iv.low, None if iv.high is None else (iv.high + a) / k)
            if e is not None
        }
    )
    if not ends:
        return [Fraction(0)]
    middles = [(x + y) / 2 for x, y in pairwise(ends)]
    return [ends[0] - 1, *ends, *middles, ends[-1] + 1]


def stand(ruleset: RuleSet, rule: Rule, readings: Sequence[OracleReading]) -> None:
    """Set ``top`` and ``agrees`` of every reading by trying candidate points (§10.2)."""
    k, a = _slack(rule.body.tolerance, working_unit(ruleset, rule))  # type: ignore[union-attr]
    timed = over_time(ruleset, rule)
    groups: dict[tuple[object, ...], list[OracleReading]] = defaultdict(list)
    for r in readings:
        groups[(r.group, r.role, r.span if timed else None)].append(r)
    best: dict[int, int] = {}
    most: dict[tuple[str, int], int] = defaultdict(int)
    for members in groups.values():
        ivs = [r.interval for r in members]
        points = _points(ivs, k, a)
        for r in members:
            inside = [t for t in points if _inside(t, r.interval, k, a)]
            best[id(r)] = max(sum(_inside(t, iv, k, a) for iv in ivs) for t in inside)
            r.agrees = sum(any(_inside(t, iv, k, a) for t in inside) for iv in ivs)
            most[(r.group, r.role)] = max(most[(r.group, r.role)], best[id(r)])
    for r in readings:
        r.top = best[id(r)] == most[(r.group, r.role)]


def _standing_key(r: OracleReading) -> tuple[object, ...]:
    """Sorts the better supported reading first (§10.2)."""
    return (not r.top, -r.agrees, r.order, r.role)


def _sides_of(relation: Relation) -> tuple[Side, Side]:
    left, right = relation.sides
    return tuple(i for i, _ in left), tuple(i for i, _ in right)


def camps(
    ruleset: RuleSet, rule: Rule, readings: Sequence[OracleReading], involved: set[int]
) -> list[list[OracleReading]]:
    """Largest agreeing sets of the readings' consensus groups holding an involved reading."""
    k, a = _slack(rule.body.tolerance, working_unit(ruleset, rule))  # type: ignore[union-attr]
    timed = over_time(ruleset, rule)
    groups: dict[object, list[OracleReading]] = defaultdict(list)
    for r in readings:
        groups[r.span if timed else None].append(r)
    sets = []
    for members in groups.values():
        for t in _points([r.interval for r in members], k, a):
            sets.append([r for r in members if _inside(t, r.interval, k, a)])
    most = max(len(m) for m in sets)
    found = {
        tuple(sorted(id(r) for r in m)): m
        for m in sets
        if len(m) == most and any(id(r) in involved for r in m)
    }
    return list(found.values())


def expected(ruleset: RuleSet, rule: Rule, claims: Sequence[Claim]) -> list[Expected]:
    """The findings §10 makes of ``rule`` over ``claims``."""
    found = relations(ruleset, rule, claims)
    failing = [r for r in found.relations if truth(claims, r) is Truth.FAILS]
    if isinstance(rule.body, Bounds) or _one_sided(rule) or _summed(rule):
        return _grouped(rule, claims, failing)
    roles = operands(ruleset, rule, claims, found.skipped)
    of = readings_of(ruleset, rule, claims, roles)
    readings = list({id(r): r for r in of.values()}.values())
    stand(ruleset, rule, readings)
    right = 1 if len(roles) == 2 else 0
    count_conflicts(ruleset, rule, claims, of, right)
    agreement = isinstance(rule.body, Agreement) or (
        len(roles) == 1 and not isinstance(rule.body, Monotonic)
    )
    splits = agreement and not over_time(ruleset, rule)
    odd, split = _charged(failing, of, right, splits)
    result = [
        Expected("odd", _claims_of(low.sides), frozenset(i for s in sides for i in s), len(sides))
        for low, sides in odd.values()
    ]
    for group, pairs in split.items():
        involved = {id(r) for pair in pairs for r in pair}
        members = [r for r in readings if r.group == group and r.role == 0]
        chosen = camps(ruleset, rule, members, involved)
        cited = _claims_of([side for camp in chosen for r in camp for side in r.sides])
        result.append(Expected("split", cited, frozenset(), len(pairs)))
    return result


def _charged(
    failing: Sequence[Relation],
    of: dict[tuple[int, Side], OracleReading],
    right: int,
    splits: bool,
) -> tuple[
    dict[int, tuple[OracleReading, list[Side]]],
    dict[str, list[tuple[OracleReading, OracleReading]]],
]:
    """Each failing relation to the reading of lower standing (with the other side), or
    to its group's split (§10.3)."""
    odd: dict[int, tuple[OracleReading, list[Side]]] = {}
    split: dict[str, list[tuple[OracleReading, OracleReading]]] = defaultdict(list)
    for relation in failing:
        left_side, right_side = _sides_of(relation)
        u, v = of[(0, left_side)], of[(right, right_side)]
        if splits and u.top and v.top:
            split[u.group].append((u, v))
            continue
        (low, _), (_, other) = sorted(
            ((u, left_side), (v, right_side)), key=lambda p: _standing_key(p[0]), reverse=True
        )
        odd.setdefault(id(low), (low, []))[1].append(other)
    return odd, split


@contextmanager
def outlets_ignored() -> Iterator[None]:
    """``semantics_rules.relations`` relating, across sources or origins, claims of one
    outlet or origin too (scope groups still apart): what standing weighs (§10.2)."""
    original = semantics_rules._in_scope

    def loose(claims: Sequence[Claim], a: int, b: int, kind: ScopeKind) -> bool:
        if kind in (ScopeKind.ACROSS_SOURCES, ScopeKind.ACROSS_ORIGINS):
            return True
        return original(claims, a, b, kind)

    semantics_rules._in_scope = loose
    try:
        yield
    finally:
        semantics_rules._in_scope = original


def count_conflicts(
    ruleset: RuleSet,
    rule: Rule,
    claims: Sequence[Claim],
    of: dict[tuple[int, Side], OracleReading],
    right: int,
) -> None:
    """Each reading's conflicts: how many readings it fails with, whatever the outlets."""
    with outlets_ignored():
        found = relations(ruleset, rule, claims).relations
    seen: set[tuple[int, int]] = set()
    for relation in found:
        if truth(claims, relation) is not Truth.FAILS:
            continue
        left_side, right_side = _sides_of(relation)
        u, v = of[(0, left_side)], of[(right, right_side)]
        if u is v or (id(u), id(v)) in seen:
            continue
        seen.update({(id(u), id(v)), (id(v), id(u))})
        u.conflicts += 1
        v.conflicts += 1


def _claims_of(sides: Sequence[Side]) -> frozenset[int]:
    return frozenset(i for side in sides for i in side)


def _summed(rule: Rule) -> bool:
    """A comparison with a sum of two or more terms."""
    body = rule.body
    return isinstance(body, Comparison) and max(len(_terms(body.left)), len(_terms(body.right))) > 1


def _one_sided(rule: Rule) -> bool:
    """A comparison with a constant: one side at a time."""
    body = rule.body
    return isinstance(body, Comparison) and not (_terms(body.left) and _terms(body.right))


def _grouped(rule: Rule, claims: Sequence[Claim], failing: Sequence[Relation]) -> list[Expected]:
    """Bounds, comparisons with a constant and with a sum: one finding per reading of the
    side that breaks the violations (the side itself; for sums, the side naming a single
    measure, else the left one), citing the other sides' claims (§10.4)."""
    groups: dict[tuple[object, ...], list[tuple[Side, Side]]] = defaultdict(list)
    for relation in failing:
        broken, rest = _breaking(rule, relation.cited)
        key = (
            _who(claims[broken[0]]),
            _span(claims, broken),
            tuple((claims[i].measure, claims[i].interval) for i in broken),
        )
        groups[key].append((broken, rest))
    return [
        Expected(
            "odd",
            frozenset(i for broken, _ in found for i in broken),
            frozenset(i for _, rest in found for i in rest),
            len(found),
        )
        for found in groups.values()
    ]


def _breaking(rule: Rule, cited: Side) -> tuple[Side, Side]:
    """A violation's claims split into the side that breaks it and the rest."""
    body = rule.body
    if not isinstance(body, Comparison) or _one_sided(rule):
        return cited, ()
    left, right = len(_terms(body.left)), len(_terms(body.right))
    if left > 1 and right == 1:
        return cited[left:], cited[:left]
    return cited[:left], cited[left:]
