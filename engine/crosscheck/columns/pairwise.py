"""Questions of a pairwise rule on columns (``findings.fast`` without an object per claim).

Per scope group and operand a ``ColumnIndex``. The readings of one operand and one time
ask each index they may fail with, in each direction, together: one ``searchsorted``
per node gives how many readings fail with each (conflicts, for standing) and, once
standings are known, the best standing among them (a better supported one: the reading
may be odd). ``charges`` then counts, for all of a group's readings at once, the claims
of higher standing that relate to theirs, the pairs, and the nearest (``near_row``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np
from numpy.typing import NDArray

from crosscheck.columns.ends import Ends
from crosscheck.columns.groups import Group
from crosscheck.columns.index import ColumnIndex
from crosscheck.columns.plan import Plan
from crosscheck.columns.readings import Readings
from crosscheck.columns.support import Stats
from crosscheck.evaluate.candidates import DateRule

Ints = NDArray[np.int64]


@dataclass
class Question:
    """The readings of one operand (all their times) asking one index in one direction:
    per node its askers (places in ``askers``, increasing) and where each one's limit
    falls in it."""

    askers: Ints
    index: ColumnIndex
    down: bool
    dates: DateRule
    asks: list[tuple[int, Ints, Ints]] = field(default_factory=list)  # slot, places, at


@dataclass(frozen=True)
class NearRow:
    """A claim an odd reading conflicts with: how near (margin, open end, claim order),
    its row and reading, and whether only one part was in force between them."""

    nearness: tuple[Fraction | int, bool, tuple[int, ...]]
    row: int
    reading: int
    one_way: bool


@dataclass
class OddRow:
    """An odd reading's charges: partners' claims and pairs, the nearest of them."""

    reading: int
    claims: int = 0
    pairs: int = 0
    nearest: list[NearRow] = field(default_factory=list)


def _asks(plan: Plan, role: int) -> Iterator[tuple[int, bool, DateRule, bool]]:
    """(target operand, downwards, date rule, strict) of each question of an operand."""
    for part in plan.setup.parts:
        if plan.setup.symmetric:
            yield 0, True, part.dates, part.strict
            yield 0, False, part.dates, part.strict
            continue
        if part.small == role:
            yield part.big, True, part.dates, part.strict
        if part.big == role:
            yield part.small, False, part.dates, part.strict


def questions(
    plan: Plan, readings: Readings, ends: Ends, group: Group, stats: Stats
) -> list[Question]:
    """Ask every question of a group and add each asker's conflicts: per node, every
    reading whose time lets it fail with the node's claims, in one search."""
    found: list[Question] = []
    for role, ids in enumerate(group.members):
        if plan.setup.splits:
            ids = ids[~stats.top[ids]]  # a top reading's conflicts go to the split
        if not len(ids):
            continue
        spans = readings.first[ids] * (2**32) + readings.last[ids]
        order = np.argsort(spans, kind="stable") if plan.timed else np.arange(len(ids))
        askers = ids[order]
        cuts = np.flatnonzero(np.diff(spans[order])) + 1 if plan.timed else np.empty(0, np.int64)
        heads = readings.head[askers]
        for target, down, dates, strict in _asks(plan, role):
            index = group.indexes[target]
            if index is not None:
                question = Question(askers, index, down, dates)
                _ask(plan, readings, (ends, heads, strict), question, cuts)
                for slot, places, at in question.asks:
                    before = index.before(slot, down, at)
                    counts = before if down else index.total(slot, False) - before
                    stats.conflicts[askers[places]] += counts
                found.append(question)
    return found


def _ask(
    plan: Plan,
    readings: Readings,
    limits_of: tuple[Ends, Ints, bool],
    question: Question,
    cuts: Ints,
) -> None:
    """Each node a question's askers may fail with, and where their limits fall in it."""
    ends, heads, strict = limits_of
    index, down, days = question.index, question.down, plan.setup.rule.scope.days
    places: dict[int, list[Ints]] = defaultdict(list)
    starts = np.concatenate([[0], cuts]).tolist()
    stops = [*cuts.tolist(), len(question.askers)]
    for start, stop in zip(starts, stops, strict=True):
        first = int(question.askers[start])
        span = (int(readings.first[first]), int(readings.last[first]))
        for slot in index.nodes(span, down, question.dates, days):
            places[slot].append(np.arange(start, stop, dtype=np.int64))
    keys = ends.limit_keys(heads, down, strict)
    for slot, runs in places.items():
        mine = np.concatenate(runs)
        question.asks.append((slot, mine, index.positions(slot, down, keys[mine])))


def near_row(
    plan: Plan,
    readings: Readings,
    ends: Ends,
    asked: tuple[int, bool, DateRule, Fraction | int],
    partner: tuple[int, int],
) -> NearRow:
    """A partner (its row and reading) of an odd reading asking downwards or not, under
    a date rule, from its limit, and how near: the margin by which the part fails, whether
    its deciding end is open, its place in claim order."""
    reading, down, dates, value = asked
    t = ends.table
    row, other = partner
    if down:
        margin = value - ends.value(row, True)
        opened = not bool(t.high_closed[row])
    else:
        margin = plan.within.k * (ends.value(row, False) - value)
        opened = not bool(t.low_closed[row])
    mine = (int(readings.first[reading]), int(readings.last[reading]))
    theirs = (int(readings.first[other]), int(readings.last[other]))
    both = _in_time(mine, theirs, dates) and _in_time(theirs, mine, dates)
    one_way = plan.setup.symmetric and not both
    return NearRow((margin, opened, (int(t.rank[row]),)), row, other, one_way)


def _in_time(small: tuple[int, int], big: tuple[int, int], dates: DateRule) -> bool:
    if dates is DateRule.ANY:
        return True
    if small[1] < 0 or big[0] < 0:
        return False
    return small[1] <= big[0] if dates is DateRule.NOT_BEFORE else small[1] < big[0]
