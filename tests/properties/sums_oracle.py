"""Sums as docs/semantics.md §4.2 states them, by brute force, apart from the evaluator.

Every choice of claims for a sum is enumerated (``semantics_rules``) and decided from
points (``semantics_oracle.truth``). The choices of one document's sums against one
other side make one relation: it FAILS when some choice fails, is UNDECIDED when none
fails and some is undecided, and HOLDS otherwise. It cites, of the choices of its truth,
the most extreme one: for a failure the largest ``inf(k*small - big)`` over the parts
that fail (a tuple: unbounded ends, value, open ends), for an undecided relation the
largest ``sup`` over the parts that do not hold (fewer open ends first); of equals, the
first in reading order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

from semantics_oracle import Lin, Relation, truth

from crosscheck.interval import Truth
from crosscheck.model import Claim

Score = tuple[int, Fraction, int]


@dataclass(frozen=True)
class Member:
    """One choice of claims for both sides, as a relation."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    relation: Relation


def side_key(
    terms: Sequence[str], side: tuple[int, ...], claims: Sequence[Claim], who: object
) -> object:
    """Which side a choice's side belongs to: a document's sums (of one origin, ``who``,
    under an origin scope), else its claim (none for a constant)."""
    if len(terms) < 2:
        return ("claims", side)
    return ("sums", claims[side[0]].document, who)


def grouped(members: Sequence[tuple[object, Member]], claims: Sequence[Claim]) -> list[Relation]:
    """One relation per key: the members' truth, citing the member §4.2 names."""
    groups: dict[object, list[Member]] = {}
    for key, member in members:
        groups.setdefault(key, []).append(member)
    found = []
    for key, group in groups.items():
        truths = [truth(claims, m.relation) for m in group]
        chosen = _witness(group, truths, claims)
        found.append(replace(chosen.relation, key=key))
    return found


def _witness(group: list[Member], truths: list[Truth], claims: Sequence[Claim]) -> Member:
    for wanted, slack in ((Truth.FAILS, False), (Truth.UNDECIDED, True)):
        scored = [
            (score, m)
            for m, t in zip(group, truths, strict=True)
            if t is wanted
            for lin in m.relation.constraints
            for score in [_score(m.relation, lin, claims, slack)]
            if _beyond(score, lin, slack)
        ]
        if scored:
            top = max(score for score, _ in scored)
            tied = [m for score, m in scored if score == top]
            return min(tied, key=lambda m: [_order(claims[i]) for i in m.relation.cited])
    return group[0]


def _order(claim: Claim) -> tuple[str, int]:
    return claim.document, claim.start if claim.start is not None else -1


def _score(relation: Relation, lin: Lin, claims: Sequence[Claim], slack: bool) -> Score:
    """``inf`` (or with ``slack`` ``sup``) of ``k*small - big`` for the part ``lin`` is."""
    small = 0 if lin.a > 0 else 1
    k = lin.a if small == 0 else lin.b
    unbounded, value, opens = 0, Fraction(0), 0
    sign = -1 if slack else 1
    for side in (0, 1):
        coefficient = k if side == small else Fraction(-1)
        low_end = (side == small) is not slack  # inf takes a small claim's low end
        constant = relation.constants[side]
        if constant is not None:
            value += coefficient * constant
        for i, factor in relation.sides[side]:
            iv = claims[i].interval
            end = iv.low if low_end else iv.high
            closed = iv.low_closed if low_end else iv.high_closed
            if end is None:
                unbounded -= sign
            else:
                value += coefficient * factor * end
                opens += 0 if closed else sign
    return unbounded, value, opens


def _beyond(score: Score, lin: Lin, slack: bool) -> bool:
    unbounded, value, opens = score
    if not slack:
        return unbounded == 0 and (value > lin.c or (value == lin.c and (opens > 0 or lin.strict)))
    return unbounded > 0 or value > lin.c or (value == lin.c and lin.strict and opens == 0)
