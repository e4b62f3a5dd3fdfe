"""A brute-force reading of docs/semantics.md, written apart from the evaluator.

``relations`` lists every relation a rule makes among claims (§4-§7: which claims a
scope, a sum, a day window and the date order of running totals relate, and which
claims are skipped); ``truth`` decides each one from points alone.

Deciding from points. A relation is a few linear constraints ``a*u + b*v <= c`` (or
``<``) on the values ``u``, ``v`` of its two sides; each side ranges over a box (the
sum of its claims' intervals, open ends kept open). Whether some point of the box
satisfies all constraints is decided by enumerating a finite set of candidate
points that is exhaustive: if the set of satisfying points S is not empty, its
closure is a polygon whose vertices are intersections of two of the lines
(box edges and constraint lines), and the relative interior of that polygon lies in
S. So S is empty unless one of these candidates is in it: every such intersection,
the midpoint of every two, the centroid of every three (a vertex, a point inside an
edge, a point inside the polygon). A relation FAILS when no candidate satisfies it,
HOLDS when no candidate violates any one constraint. Unbounded ends are cut at
``BIG`` (closed), far beyond every vertex of the small numbers the tests use.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import chain, combinations, product

from crosscheck.interval import Interval, Truth
from crosscheck.model import Claim

BIG = Fraction(10**15)


@dataclass(frozen=True)
class Lin:
    """``a*u + b*v <= c`` (``<`` when strict)."""

    a: Fraction
    b: Fraction
    c: Fraction
    strict: bool = False

    def at(self, u: Fraction, v: Fraction) -> bool:
        """Whether the point satisfies the constraint."""
        left = self.a * u + self.b * v
        return left < self.c if self.strict else left <= self.c

    def negated(self) -> Lin:
        """The constraint that holds exactly where this one does not."""
        return Lin(-self.a, -self.b, -self.c, not self.strict)


@dataclass(frozen=True)
class Relation:
    """One relation a rule makes: its sides (claim indices with the factor into the
    working unit, or a constant), its constraints, and the claims a violation cites."""

    sides: tuple[tuple[tuple[int, Fraction], ...], tuple[tuple[int, Fraction], ...]]
    constants: tuple[Fraction | None, Fraction | None]
    constraints: tuple[Lin, ...]
    cited: tuple[int, ...]
    key: object  # identifies the relation whichever way round it was built

    def value(self, side: int, points: dict[int, Fraction]) -> Fraction:
        """The side's value when each claim takes the value in ``points``."""
        constant = self.constants[side]
        if constant is not None:
            return constant
        return sum((f * points[i] for i, f in self.sides[side]), Fraction(0))

    def holds_at(self, points: dict[int, Fraction]) -> bool:
        """Whether the relation holds when each claim takes the value in ``points``."""
        u, v = self.value(0, points), self.value(1, points)
        return all(c.at(u, v) for c in self.constraints)


# ------------------------------------------------------------------ truth from points


def _box(claims: Sequence[Claim], relation: Relation, side: int) -> list[Lin]:
    """The half-planes bounding one side's value (u for side 0, v for side 1)."""
    constant = relation.constants[side]
    if constant is not None:
        low, high, low_closed, high_closed = constant, constant, True, True
    else:
        ivs = [(claims[i].interval, f) for i, f in relation.sides[side]]
        lows = [iv.low for iv, _ in ivs]
        highs = [iv.high for iv, _ in ivs]
        low = (
            -BIG
            if None in lows
            else sum((f * iv.low for iv, f in ivs if iv.low is not None), Fraction(0))
        )
        high = (
            BIG
            if None in highs
            else sum((f * iv.high for iv, f in ivs if iv.high is not None), Fraction(0))
        )
        low_closed = None in lows or all(iv.low_closed for iv, _ in ivs)
        high_closed = None in highs or all(iv.high_closed for iv, _ in ivs)
    one, zero = Fraction(1), Fraction(0)
    a, b = (one, zero) if side == 0 else (zero, one)
    return [Lin(-a, -b, -low, not low_closed), Lin(a, b, high, not high_closed)]


def _vertices(lines: Sequence[Lin]) -> list[tuple[Fraction, Fraction]]:
    """Intersections of two lines that satisfy every constraint with its ends closed."""
    found: set[tuple[Fraction, Fraction]] = set()
    for p, q in combinations(lines, 2):
        det = p.a * q.b - q.a * p.b
        if det == 0:
            continue
        point = ((p.c * q.b - q.c * p.b) / det, (p.a * q.c - q.a * p.c) / det)
        if all(line.a * point[0] + line.b * point[1] <= line.c for line in lines):
            found.add(point)
    return sorted(found)


def feasible(constraints: Sequence[Lin]) -> bool:
    """Whether some point satisfies every constraint (exhaustive, see the module doc)."""
    corners = _vertices(constraints)
    mids = (((p[0] + q[0]) / 2, (p[1] + q[1]) / 2) for p, q in combinations(corners, 2))
    thirds = (
        ((p[0] + q[0] + r[0]) / 3, (p[1] + q[1] + r[1]) / 3) for p, q, r in combinations(corners, 3)
    )
    return any(all(c.at(u, v) for c in constraints) for u, v in chain(corners, mids, thirds))


def _probes(box: Sequence[Lin]) -> list[tuple[Fraction, Fraction]]:
    """A few points of the box (ends and middles): a quick answer before the full search."""
    ranges = [(-box[0].c, box[1].c), (-box[2].c, box[3].c)]
    axes = [(low, high, (low + high) / 2) for low, high in ranges]
    return [(u, v) for u in axes[0] for v in axes[1] if all(b.at(u, v) for b in box)]


def truth(claims: Sequence[Claim], relation: Relation) -> Truth:
    """Whether the relation holds for every, no, or only some choice of values."""
    constraints = list(relation.constraints)
    if not constraints:
        return Truth.HOLDS
    box = _box(claims, relation, 0) + _box(claims, relation, 1)
    probes = _probes(box)
    somewhere = any(all(c.at(u, v) for c in constraints) for u, v in probes)
    if not somewhere and not feasible(box + constraints):
        return Truth.FAILS
    if any(not c.at(u, v) for c in constraints for u, v in probes):
        return Truth.UNDECIDED
    if not any(feasible([*box, c.negated()]) for c in constraints):
        return Truth.HOLDS
    return Truth.UNDECIDED


def sample_points(interval: Interval) -> list[Fraction]:
    """Points of an interval at and next to its ends and inside it."""
    low = interval.low if interval.low is not None else Fraction(0)
    if interval.high is None:
        inside = [low + 1, low + 10**6]
        return [low, *inside] if interval.low_closed else [low + Fraction(1, 10**6), *inside]
    width = interval.high - low
    near = width / 1000
    points = [low + near, interval.high - near, low + width / 2]
    if interval.low_closed:
        points.append(low)
    if interval.high_closed:
        points.append(interval.high)
    return points if width else [low]


def holds_somewhere_sampled(claims: Sequence[Claim], relation: Relation) -> bool:
    """Whether the relation holds at some combination of sampled points of its claims."""
    members = sorted({i for side in relation.sides for i, _ in side})
    grids = [sample_points(claims[i].interval) for i in members]
    return any(
        relation.holds_at(dict(zip(members, values, strict=True))) for values in product(*grids)
    )
