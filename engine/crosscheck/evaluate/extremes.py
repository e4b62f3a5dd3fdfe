"""The choice of claims for sums that comes closest to breaking one part of a relation,
found from each claim's own contribution, never by trying every choice (§4.2).

A part ``k*small - big <= bound`` fails for some choice of claims exactly when it fails
for the choice that makes ``inf(k*small - big)`` largest; that infimum is a sum with one
term per claim (``k*low`` of a small claim, ``-high`` of a big one), so the best choice
takes, for each document and measure, the claims of largest *weight*. When a measure
stands on both sides in one document (the sides take different claims), sorting the
claims by the difference of their two weights finds the best split: some best choice
takes every left claim before every right claim in that order (exchanging a pair out of
order never lowers the total). ``SLACK`` does the same for ``sup(k*small - big)``, to
find a choice the part does not hold for.

Weights are tuples compared in order and added term by term: (minus the claims not
allowed in the frame, unbounded ends, value, open ends, a preference for claims early
in reading order), so every comparison is exact and of two equally extreme choices the
one cited first in reading order wins.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction
from operator import add, sub

from crosscheck.evaluate.context import Item
from crosscheck.interval import Interval

Weight = tuple[int, int, Fraction, int, int]  # forbidden, unbounded, value, open, tie
_ZERO: Weight = (0, 0, Fraction(0), 0, 0)


class Mode(Enum):
    """What a search makes extreme: FAIL ``inf(k*small - big)``, SLACK its ``sup``."""

    FAIL = "fail"
    SLACK = "slack"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A claim a term may take: its item, interval in the working unit, place in reading
    order, and time span as day ordinals (``None`` when dates play no part)."""

    item: Item
    interval: Interval
    rank: tuple[int, int]
    span: tuple[int, int] | None


@dataclass(frozen=True)
class Operand:
    """One side of a relation: per term, the measure and the claims it may take (one for
    a single claim), all of ``document``; or a constant."""

    document: str | None
    terms: tuple[str, ...]
    pools: tuple[tuple[Candidate, ...], ...]
    constant: Fraction | None = None


@dataclass(frozen=True)
class Frame:
    """Which claims a choice may take: every claim within ``[start, stop]`` (a day
    window), small claims ending by ``split`` and big ones starting from it."""

    start: int | None = None
    stop: int | None = None
    split: int | None = None

    def allows(self, span: tuple[int, int] | None, small: bool) -> bool:
        """Whether a claim of this span may stand on the small (or big) side."""
        if span is None:
            return True
        first, last = span
        start, stop = self.start, self.stop
        if start is not None and stop is not None and (first < start or last > stop):
            return False
        if self.split is not None:
            return last <= self.split if small else first >= self.split
        return True


@dataclass(frozen=True)
class Choice:
    """A choice of claims for both sides, and how extreme it is: (unbounded, value, open)."""

    score: tuple[int, Fraction, int]
    left: tuple[Candidate, ...]
    right: tuple[Candidate, ...]

    @property
    def cited(self) -> tuple[tuple[int, int], ...]:
        """The claims in citation order (left terms, then right), as reading-order ranks."""
        return tuple(c.rank for c in (*self.left, *self.right))


def weight_of(interval: Interval, coefficient: Fraction, small: bool, mode: Mode) -> Weight:
    """What a claim adds to ``inf`` (FAIL) or ``sup`` (SLACK) of ``k*small - big``."""
    low_end = small is (mode is Mode.FAIL)  # inf takes a small claim's low end
    end = interval.low if low_end else interval.high
    closed = interval.low_closed if low_end else interval.high_closed
    sign = 1 if mode is Mode.FAIL else -1
    if end is None:  # an unbounded end: inf is -inf, sup is +inf
        return (0, -sign, Fraction(0), 0, 0)
    return (0, 0, coefficient * end, 0 if closed else sign, 0)


def best_choice(
    left: Operand, right: Operand, small: int, k: Fraction, mode: Mode, frame: Frame
) -> Choice | None:
    """The choice allowed by ``frame`` making ``k*side[small] - side[1-small]`` most
    extreme (ties: first in reading order), or ``None`` when no choice is allowed."""
    coefficients = (k, Fraction(-1)) if small == 0 else (Fraction(-1), k)
    total: Weight = _ZERO
    for side, operand in enumerate((left, right)):
        if operand.constant is not None:
            total = _plus(total, (0, 0, coefficients[side] * operand.constant, 0, 0))
    chosen: tuple[dict[int, Candidate], dict[int, Candidate]] = ({}, {})
    for slots, pool in _pools(left, right):
        weigh = [_weigher(coefficients[s], s == small, mode, frame) for s in (0, 1)]
        picked = _pick(pool, (len(slots[0]), len(slots[1])), weigh)
        if picked is None:
            return None
        weight, sets = picked
        total = _plus(total, weight)
        for side in (0, 1):
            chosen[side].update(zip(slots[side], sets[side], strict=True))
    if total[0] < 0:
        return None  # only claims the frame does not allow would do
    return Choice(
        (total[1], total[2], total[3]),
        tuple(chosen[0][slot] for slot in range(len(left.terms))),
        tuple(chosen[1][slot] for slot in range(len(right.terms))),
    )


Pool = tuple[tuple[Candidate, ...], tuple[Candidate, ...]]  # the claims each side may take


def _pools(left: Operand, right: Operand) -> list[tuple[tuple[list[int], list[int]], Pool]]:
    """The slots of each (document, measure) on each side, with the claims each may take."""
    keyed: dict[tuple[str | None, str], tuple[list[int], list[int]]] = {}
    claims: dict[tuple[str | None, str], tuple[list[Candidate], list[Candidate]]] = {}
    for side, operand in enumerate((left, right)):
        for slot, (term, pool) in enumerate(zip(operand.terms, operand.pools, strict=True)):
            key = (operand.document, term)
            keyed.setdefault(key, ([], []))[side].append(slot)
            given = claims.setdefault(key, ([], []))[side]
            if len(keyed[key][side]) == 1:  # the slots of one measure share their claims
                given.extend(pool)
    return [(keyed[key], (tuple(claims[key][0]), tuple(claims[key][1]))) for key in keyed]


def _weigher(
    coefficient: Fraction, small: bool, mode: Mode, frame: Frame
) -> Callable[[Candidate], Weight]:
    def weigh(candidate: Candidate) -> Weight:
        """The claim's weight on this side, or a forbidden one outside the frame."""
        if not frame.allows(candidate.span, small):
            return (-1, 0, Fraction(0), 0, 0)
        return weight_of(candidate.interval, coefficient, small, mode)

    return weigh


def _pick(
    pool: Pool, wanted: tuple[int, int], weigh: Sequence[Callable[[Candidate], Weight]]
) -> tuple[Weight, tuple[list[Candidate], list[Candidate]]] | None:
    """The best ``wanted[0]`` distinct claims for the left side and ``wanted[1]`` for the
    right, from their allowed claims; ``None`` when there are too few."""
    members = {c.item.index: c for c in (*pool[0], *pool[1])}
    ordered = sorted(members.values(), key=lambda c: c.rank)
    if len(ordered) < sum(wanted):
        return None
    n, on_side = len(ordered), ({c.item.index for c in pool[0]}, {c.item.index for c in pool[1]})
    weights: list[tuple[Weight, Weight]] = []
    for r, candidate in enumerate(ordered):
        pair = []
        for side, tie in ((0, 1 << (2 * n + 1 - r)), (1, 1 << (n - r))):
            if candidate.item.index in on_side[side]:
                w = weigh[side](candidate)
                pair.append((w[0], w[1], w[2], w[3], tie))
            else:
                pair.append((-1, 0, Fraction(0), 0, 0))
        weights.append((pair[0], pair[1]))
    return _split(ordered, weights, wanted)


def _split(
    ordered: list[Candidate], weights: list[tuple[Weight, Weight]], wanted: tuple[int, int]
) -> tuple[Weight, tuple[list[Candidate], list[Candidate]]]:
    """The best left and right sets: with both sides wanted, the best split of the claims
    sorted by the difference of their two weights (left ones first)."""
    a, b = wanted
    order = sorted(range(len(ordered)), key=lambda i: _minus(*weights[i]), reverse=True)
    heads = _running_best([weights[i][0] for i in order], a)
    tails = _running_best([weights[i][1] for i in reversed(order)], b)[::-1]
    best: tuple[Weight, int] | None = None
    for cut in range(len(order) + 1):
        head, tail = heads[cut], tails[cut]
        if head is not None and tail is not None:
            total = _plus(head, tail)
            if best is None or total > best[0]:
                best = (total, cut)
    assert best is not None, "enough claims for both sides"
    total, cut = best
    first = sorted(order[:cut], key=lambda i: weights[i][0], reverse=True)[:a]
    second = sorted(order[cut:], key=lambda i: weights[i][1], reverse=True)[:b]
    return total, (_by_rank(ordered, first), _by_rank(ordered, second))


def _running_best(weights: list[Weight], count: int) -> list[Weight | None]:
    """For each prefix length, the sum of its ``count`` largest weights (``None`` when it
    has fewer)."""
    out: list[Weight | None] = [_ZERO if count == 0 else None]
    heap: list[Weight] = []
    total = _ZERO
    for weight in weights:
        if count:
            heapq.heappush(heap, weight)
            total = _plus(total, weight)
            if len(heap) > count:
                total = _minus(total, heapq.heappop(heap))
        out.append(total if len(heap) == count else None)
    return out


def _by_rank(ordered: list[Candidate], positions: list[int]) -> list[Candidate]:
    return [ordered[i] for i in sorted(positions)]


def _plus(x: Weight, y: Weight) -> Weight:
    return tuple(map(add, x, y))


def _minus(x: Weight, y: Weight) -> Weight:
    return tuple(map(sub, x, y))
