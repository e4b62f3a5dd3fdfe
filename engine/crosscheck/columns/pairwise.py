"""Charges of a pairwise rule on columns (``findings.fast`` without an object per claim).

Per scope group and operand a ``ColumnIndex``. The readings of one operand and one time
ask each index they may fail with, in each direction, together: one ``searchsorted``
per node gives how many readings fail with each (conflicts, for standing) and, once
standings are known, the best standing among them (a better supported one: the reading
is odd). Only odd readings are then probed one by one, over arrays of their partners:
how many claims of higher standing relate to theirs, how many pairs, which are nearest.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np
from numpy.typing import NDArray

from crosscheck.columns.ends import Ends
from crosscheck.columns.groups import Group, exclusion, key_of
from crosscheck.columns.index import ColumnIndex
from crosscheck.columns.plan import Plan
from crosscheck.columns.readings import Readings
from crosscheck.columns.support import Stats
from crosscheck.dsl.ast import ScopeKind
from crosscheck.evaluate.candidates import DateRule

Ints = NDArray[np.int64]


@dataclass
class Question:
    """Readings of one operand and time asking one index in one direction."""

    askers: Ints
    index: ColumnIndex
    down: bool
    dates: DateRule
    slots: list[int]
    at: list[Ints] = field(default_factory=list)


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
    """Ask every question of a group and add each asker's conflicts."""
    found: list[Question] = []
    days = plan.setup.rule.scope.days
    for role, ids in enumerate(group.members):
        if plan.setup.splits:
            ids = ids[~stats.top[ids]]  # a top reading's conflicts go to the split
        if not len(ids):
            continue
        spans = readings.first[ids] * (2**32) + readings.last[ids]
        by_span = [ids[spans == s] for s in np.unique(spans)] if plan.timed else [ids]
        for target, down, dates, strict in _asks(plan, role):
            index = group.indexes[target]
            if index is None:
                continue
            for askers in by_span:
                span = (int(readings.first[askers[0]]), int(readings.last[askers[0]]))
                slots = index.nodes(span, down, dates, days)
                question = Question(askers, index, down, dates, slots)
                heads = readings.head[askers]
                limits, keys = ends.limits(heads, down), ends.limit_keys(heads, down, strict)
                for slot in question.slots:
                    at = index.positions(slot, down, limits, keys)
                    question.at.append(at)
                    before = index.before(slot, down, at)
                    stats.conflicts[askers] += before if down else index.total(slot, False) - before
                found.append(question)
    return found


def odd_readings(
    plan: Plan, readings: Readings, question: Question, stats: Stats, sources: Ints
) -> list[int]:
    """The askers a better supported claim (related to one of theirs) fails with."""
    best = np.full(len(question.askers), -1, dtype=np.int64)
    for slot, at in zip(question.slots, question.at, strict=True):
        best = np.maximum(best, question.index.best(slot, question.down, at))
    standing = stats.standing[question.askers]
    picked = np.flatnonzero(best > standing)
    kind = plan.setup.rule.scope.kind
    odd = []
    for i in picked.tolist():
        reading = int(question.askers[i])
        exclude = exclusion(readings, kind, reading, int(sources[readings.head[reading]]))
        if exclude is None or _higher(readings, kind, question, i, exclude, stats, sources):
            odd.append(reading)
    return odd


def _higher(
    readings: Readings,
    kind: ScopeKind,
    question: Question,
    i: int,
    exclude: int,
    stats: Stats,
    sources: Ints,
) -> bool:
    """Whether a partner of asker ``i`` not of ``exclude`` stands higher than it."""
    standing = stats.standing[question.askers[i]]
    for slot, at in zip(question.slots, question.at, strict=True):
        entries = question.index.partners(slot, question.down, int(at[i]))
        of = question.index.reading[entries]
        keys = key_of(readings, kind, sources[question.index.rows[entries]], of)
        if np.any((stats.standing[of] > standing) & (keys != exclude)):
            return True
    return False


def asked_by(
    questions: list[Question], odd: NDArray[np.bool_]
) -> dict[int, list[tuple[Question, int]]]:
    """Each odd reading's questions (``odd``: per reading), in the order they were asked,
    and its place in each."""
    found: dict[int, list[tuple[Question, int]]] = defaultdict(list)
    for question in questions:
        for i in np.flatnonzero(odd[question.askers]).tolist():
            found[int(question.askers[i])].append((question, i))
    return found


def charge(
    plan: Plan,
    readings: Readings,
    ends: Ends,
    asked: tuple[int, list[tuple[Question, int]]],
    stats: Stats,
    cite: int,
) -> OddRow:
    """Count and cite the claims standing higher that fail with one odd reading, from the
    places its questions found."""
    reading, where = asked
    kind = plan.setup.rule.scope.kind
    sources = ends.table.source.codes
    own = np.unique(sources[readings.claims(reading)], return_counts=True)
    exclude = exclusion(readings, kind, reading, int(own[0][0]) if len(own[0]) == 1 else -1)
    several = kind is ScopeKind.ACROSS_SOURCES and len(own[0]) > 1
    size, standing = int(readings.size[reading]), stats.standing[reading]
    odd = OddRow(reading)
    near: list[NearRow] = []
    for question, i in where:
        index = question.index
        for slot, at in zip(question.slots, question.at, strict=True):
            entries = index.partners(slot, question.down, int(at[i]))
            of = index.reading[entries]
            keys = key_of(readings, kind, sources[index.rows[entries]].astype(np.int64), of)
            mask = stats.standing[of] > standing
            if exclude is not None:
                mask &= keys != exclude
            count = int(np.count_nonzero(mask))
            odd.claims += count
            odd.pairs += size * count
            if several:
                for source, n in zip(own[0].tolist(), own[1].tolist(), strict=True):
                    odd.pairs -= n * int(np.count_nonzero(mask & (keys == source)))
            asker = (reading, question.down, question.dates)
            for place in np.flatnonzero(mask)[:cite].tolist():
                near.append(_near(plan, readings, ends, asker, index, int(entries[place])))
    near.sort(key=lambda n: n.nearness)
    odd.nearest = near[:cite]
    return odd


def _near(
    plan: Plan,
    readings: Readings,
    ends: Ends,
    asked: tuple[int, bool, DateRule],
    index: ColumnIndex,
    entry: int,
) -> NearRow:
    """A partner and how near: the margin by which the part fails, whether its deciding
    end is open, its place in claim order."""
    reading, down, dates = asked
    t = ends.table
    row, partner = int(index.rows[entry]), int(index.reading[entry])
    value = ends.limit(int(readings.head[reading]), down)
    if down:
        margin = value - ends.value(row, True)
        opened = not bool(t.high_closed[row])
    else:
        margin = plan.within.k * (ends.value(row, False) - value)
        opened = not bool(t.low_closed[row])
    mine = (int(readings.first[reading]), int(readings.last[reading]))
    theirs = (int(readings.first[partner]), int(readings.last[partner]))
    both = _in_time(mine, theirs, dates) and _in_time(theirs, mine, dates)
    one_way = plan.setup.symmetric and not both
    return NearRow((margin, opened, (int(t.rank[row]),)), row, partner, one_way)


def _in_time(small: tuple[int, int], big: tuple[int, int], dates: DateRule) -> bool:
    if dates is DateRule.ANY:
        return True
    if small[1] < 0 or big[0] < 0:
        return False
    return small[1] <= big[0] if dates is DateRule.NOT_BEFORE else small[1] < big[0]
