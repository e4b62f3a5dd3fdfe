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


def odd_readings(
    plan: Plan, readings: Readings, question: Question, stats: Stats, sources: Ints
) -> list[int]:
    """The askers a better supported claim (related to one of theirs) fails with."""
    best = np.full(len(question.askers), -1, dtype=np.int64)
    for slot, places, at in question.asks:
        found = question.index.best(slot, question.down, at)
        best[places] = np.maximum(best[places], found)
    standing = stats.standing[question.askers]
    picked = np.flatnonzero(best > standing)
    kind = plan.setup.rule.scope.kind
    odd = []
    for i in picked.tolist():
        reading = int(question.askers[i])
        exclude = exclusion(readings, kind, reading, int(sources[readings.head[reading]]))
        if exclude is None or _higher(readings, kind, (question, i), exclude, stats, sources):
            odd.append(reading)
    return odd


def _where(question: Question, place: int) -> Iterator[tuple[int, int]]:
    """The nodes asker ``place`` asked, and where its limit fell in each."""
    for slot, places, at in question.asks:
        j = int(np.searchsorted(places, place))
        if j < len(places) and places[j] == place:
            yield slot, int(at[j])


def _higher(
    readings: Readings,
    kind: ScopeKind,
    asker: tuple[Question, int],
    exclude: int,
    stats: Stats,
    sources: Ints,
) -> bool:
    """Whether a partner of an asker not of ``exclude`` stands higher than it."""
    question, i = asker
    standing = stats.standing[question.askers[i]]
    for slot, at in _where(question, i):
        entries = question.index.partners(slot, question.down, at)
        of = question.index.reading[entries]
        keys = key_of(readings, kind, sources[question.index.rows[entries]], of)
        if np.any((stats.standing[of] > standing) & (keys != exclude)):
            return True
    return False


Asked = list[tuple[Question, int, int]]  # a reading's questions: question, node, position


def asked_by(questions: list[Question], odd: NDArray[np.bool_]) -> dict[int, Asked]:
    """Each odd reading's questions (``odd``: per reading), in the order they were asked,
    with the nodes it asked and where its limit fell in each."""
    found: dict[int, Asked] = defaultdict(list)
    for question in questions:
        for slot, places, at in question.asks:
            mine = np.flatnonzero(odd[question.askers[places]])
            for reading, where in zip(
                question.askers[places[mine]].tolist(), at[mine].tolist(), strict=True
            ):
                found[reading].append((question, slot, where))
    return found


def charge(
    plan: Plan,
    readings: Readings,
    ends: Ends,
    asked: tuple[int, Asked],
    stats: Stats,
    cite: int,
) -> OddRow:
    """Count and cite the claims standing higher that fail with one odd reading, from the
    places its questions found (every node's partners at once)."""
    reading, where = asked
    kind = plan.setup.rule.scope.kind
    sources = ends.table.source.codes
    several = readings.sources[reading] > 1
    exclude = exclusion(
        readings, kind, reading, -1 if several else int(sources[readings.head[reading]])
    )
    runs = [(q, q.index.partners(slot, q.down, at)) for q, slot, at in where]
    if not runs:
        return OddRow(reading)
    rows = np.concatenate([q.index.rows[e] for q, e in runs])
    of = np.concatenate([q.index.reading[e] for q, e in runs])
    keys = key_of(readings, kind, sources[rows].astype(np.int64), of)
    mask = stats.standing[of] > stats.standing[reading]
    if exclude is not None:
        mask &= keys != exclude
    odd = OddRow(reading, claims=int(np.count_nonzero(mask)))
    odd.pairs = int(readings.size[reading]) * odd.claims
    if kind is ScopeKind.ACROSS_SOURCES and several:
        own = np.unique(sources[readings.claims(reading)], return_counts=True)
        for source, n in zip(own[0].tolist(), own[1].tolist(), strict=True):
            odd.pairs -= n * int(np.count_nonzero(mask & (keys == source)))
    near = _nearest(plan, readings, ends, reading, runs, (rows, of, mask), cite)
    near.sort(key=lambda n: n.nearness)
    odd.nearest = near[:cite]
    return odd


def _nearest(
    plan: Plan,
    readings: Readings,
    ends: Ends,
    reading: int,
    runs: list[tuple[Question, Ints]],
    found: tuple[Ints, Ints, NDArray[np.bool_]],
    cite: int,
) -> list[NearRow]:
    """The first ``cite`` partners of each node's run (its nearest), as ``NearRow``s."""
    rows, of, mask = found
    sizes = np.array([len(e) for _, e in runs], dtype=np.int64)
    run_of = np.repeat(np.arange(len(runs)), sizes)
    taken = np.cumsum(mask)
    before = np.concatenate([[0], taken])[np.concatenate([[0], np.cumsum(sizes)[:-1]])]
    picked = np.flatnonzero(mask & (taken - before[run_of] <= cite))
    limits = {down: ends.limit(int(readings.head[reading]), down) for down in (True, False)}
    made = []
    for place in picked.tolist():
        question = runs[int(run_of[place])][0]
        asker = (reading, question.down, question.dates, limits[question.down])
        made.append(_near(plan, readings, ends, asker, (int(rows[place]), int(of[place]))))
    return made


def _near(
    plan: Plan,
    readings: Readings,
    ends: Ends,
    asked: tuple[int, bool, DateRule, Fraction | int],
    partner: tuple[int, int],
) -> NearRow:
    """A partner (its row and reading) and how near: the margin by which the part fails,
    whether its deciding end is open, its place in claim order."""
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
