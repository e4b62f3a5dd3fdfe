"""Charges of a scope group's odd readings on columns, for all its readings at once.

A question's asker whose limit lets a better supported claim fail with it (a node's best
standing past its place is above its own) *asks* that node: a range of the node's run in
one level of the index. Counting the claims of higher standing in every ask's range (less
those of the reading's own origin or outlet where the scope relates only different ones)
is one batched range count per level (``counting``): a few passes over the level, never a
walk over each reading's partners, so the work grows with claims, not with odd readings
times claims. A reading is odd when one of its asks counts a claim; its nearest partners
are the first ``cite`` such claims of each range from its limit, read in windows that grow
until enough are found.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np
from numpy.typing import NDArray

from crosscheck.columns.counting import count_above, count_above_of_key
from crosscheck.columns.ends import Ends
from crosscheck.columns.groups import entries_of, key_of
from crosscheck.columns.index import ColumnIndex, Level
from crosscheck.columns.pairwise import NearRow, OddRow, Question, near_row
from crosscheck.columns.plan import Plan
from crosscheck.columns.readings import Readings
from crosscheck.columns.support import Stats
from crosscheck.dsl.ast import ScopeKind

Ints = NDArray[np.int64]
NO_KEY = -(2**40)  # an exclusion no claim has: every claim relates


@dataclass
class Asks:
    """Every ask of a group, in question order, then node order, then reading order:
    its reading, question, level (in ``levels``) and range ``[lo, hi)`` in that level."""

    reading: Ints
    question: Ints
    level: Ints
    lo: Ints
    hi: Ints
    levels: list[tuple[ColumnIndex, Level, bool]]  # index, level, downwards
    questions: list[Question]


@dataclass
class Keyed:
    """Each level's standings and keys (who each entry counts for), made once."""

    readings: Readings
    kind: ScopeKind
    stats: Stats
    sources: Ints
    made: dict[int, tuple[Ints, Ints]]

    def of(self, asks: Asks, level: int) -> tuple[Ints, Ints]:
        """Standing and key of each entry of one level, in the level's order."""
        found = self.made.get(level)
        if found is None:
            index, held, _ = asks.levels[level]
            entries = held.entries.astype(np.int64)
            of = index.reading[entries]
            keys = key_of(self.readings, self.kind, self.sources[index.rows[entries]], of)
            found = self.made[level] = (self.stats.standing[of], keys.astype(np.int64))
        return found


def collect(questions: list[Question], stats: Stats) -> Asks:
    """The asks of a group's questions (see the module docstring)."""
    ids: dict[tuple[int, bool, int], int] = {}
    levels: list[tuple[ColumnIndex, Level, bool]] = []
    parts: list[tuple[Ints, int, int, Ints, Ints]] = []
    for number, question in enumerate(questions):
        index, down = question.index, question.down
        order = index.orders[0 if down else 1]
        for slot, places, at in question.asks:
            shift = order.slot_level.get(slot)
            askers = question.askers[places]
            keep = index.best(slot, down, at) > stats.standing[askers]
            if shift is None or not keep.any():
                continue
            level = order.levels[shift]
            a, b = level.bounds[slot]
            if (id(index), down, shift) not in ids:
                ids[(id(index), down, shift)] = len(levels)
                levels.append((index, level, down))
            at = at[keep]
            lo, hi = (a + 0 * at, a + at) if down else (a + at, b + 0 * at)
            parts.append((askers[keep], number, ids[(id(index), down, shift)], lo, hi))
    return Asks(
        reading=_joined([p[0] for p in parts]),
        question=_joined([np.full(len(p[0]), p[1], dtype=np.int64) for p in parts]),
        level=_joined([np.full(len(p[0]), p[2], dtype=np.int64) for p in parts]),
        lo=_joined([p[3] for p in parts]),
        hi=_joined([p[4] for p in parts]),
        levels=levels,
        questions=questions,
    )


def _joined(arrays: list[Ints]) -> Ints:
    return np.concatenate(arrays).astype(np.int64) if arrays else np.zeros(0, dtype=np.int64)


def exclusions(readings: Readings, kind: ScopeKind, ids: Ints, sources: Ints) -> Ints:
    """Per reading of ``ids``, the key whose claims relate to none of its own
    (``groups.exclusion``), ``NO_KEY`` where all do."""
    if kind is ScopeKind.ACROSS_ORIGINS:
        return readings.who[ids].astype(np.int64)
    if kind is ScopeKind.ACROSS_SOURCES:
        own = sources[readings.head[ids]].astype(np.int64)
        return np.where(readings.sources[ids] == 1, own, NO_KEY)
    return np.full(len(ids), NO_KEY, dtype=np.int64)


def counted(asks: Asks, keyed: Keyed, key: Ints | None, picked: Ints) -> Ints:
    """Per ask of ``picked`` (places in ``asks``), the claims of its range standing above
    its reading (of key ``key`` only, per picked ask, when given)."""
    found = np.zeros(len(picked), dtype=np.int64)
    level = asks.level[picked]
    for number in np.unique(level).tolist():
        mine = np.flatnonzero(level == number)
        ask = picked[mine]
        values, keys = keyed.of(asks, number)
        threshold = keyed.stats.standing[asks.reading[ask]]
        if key is None:
            found[mine] = count_above(values, asks.lo[ask], asks.hi[ask], threshold)
        else:
            queries = (asks.lo[ask], asks.hi[ask], threshold, key[mine])
            found[mine] = count_above_of_key(values, keys, queries)
    return found


def group_charges(
    plan: Plan, readings: Readings, ends: Ends, questions: list[Question], stats: Stats, cite: int
) -> list[OddRow]:
    """The charges of a group's odd readings, in reading order."""
    asks = collect(questions, stats)
    kind = plan.setup.rule.scope.kind
    sources = ends.table.source.codes.astype(np.int64)
    keyed = Keyed(readings, kind, stats, sources, {})
    every = np.arange(len(asks.reading))
    exclude = exclusions(readings, kind, asks.reading, sources)
    net = counted(asks, keyed, None, every)
    some = np.flatnonzero(exclude != NO_KEY)
    net[some] -= counted(asks, keyed, exclude[some], some)
    claims = np.bincount(asks.reading, weights=net, minlength=len(readings)).astype(np.int64)
    odd = np.flatnonzero(claims > 0)
    pairs = readings.size[odd] * claims[odd]
    if kind is ScopeKind.ACROSS_SOURCES:
        pairs -= _own_pairs(asks, keyed, net, odd)
    near = nearest(plan, ends, asks, keyed, (exclude, net), cite)
    return [
        OddRow(int(r), claims=int(claims[r]), pairs=int(p), nearest=near.get(int(r), []))
        for r, p in zip(odd.tolist(), pairs.tolist(), strict=True)
    ]


def _own_pairs(asks: Asks, keyed: Keyed, net: Ints, odd: Ints) -> Ints:
    """Per odd reading printed by several outlets, the pairs its claims would make with
    charged claims of their own outlet (across sources those do not relate)."""
    readings = keyed.readings
    several = odd[readings.sources[odd] > 1]
    if not len(several):
        return np.zeros(len(odd), dtype=np.int64)
    rows, of, _ = entries_of(readings, several)
    width = int(keyed.sources.max(initial=0)) + 2
    pair, count = np.unique(of * width + keyed.sources[rows] + 1, return_counts=True)
    owner, source = pair // width, pair % width - 1  # each (reading, own outlet), sorted
    charged = np.flatnonzero((net > 0) & np.isin(asks.reading, several))
    first = np.searchsorted(owner, asks.reading[charged], "left")
    many = np.searchsorted(owner, asks.reading[charged], "right") - first
    ask = np.repeat(charged, many)
    place = np.repeat(first, many) + np.arange(len(ask)) - np.repeat(np.cumsum(many) - many, many)
    found = counted(asks, keyed, source[place], ask) * count[place]
    lost = np.bincount(asks.reading[ask], weights=found, minlength=len(readings))
    return lost[odd].astype(np.int64)


def nearest(
    plan: Plan,
    ends: Ends,
    asks: Asks,
    keyed: Keyed,
    counts: tuple[Ints, Ints],
    cite: int,
) -> dict[int, list[NearRow]]:
    """Each odd reading's ``cite`` nearest charged claims: the first of each charged ask's
    range from its limit, nearest first (margin, open end, claim order)."""
    exclude, net = counts
    charged = np.flatnonzero(net > 0)
    ask, place = _firsts(asks, keyed, exclude, charged, cite)
    made: dict[int, list[NearRow]] = {}
    readings = keyed.readings
    limits: dict[tuple[int, bool], Fraction | int] = {}
    for a, p in zip(ask.tolist(), place.tolist(), strict=True):
        index, level, down = asks.levels[int(asks.level[a])]
        entry, reading = int(level.entries[p]), int(asks.reading[a])
        if (reading, down) not in limits:
            limits[reading, down] = ends.limit(int(readings.head[reading]), down)
        dates = asks.questions[int(asks.question[a])].dates
        asker = (reading, down, dates, limits[reading, down])
        partner = (int(index.rows[entry]), int(index.reading[entry]))
        made.setdefault(reading, []).append(near_row(plan, readings, ends, asker, partner))
    for found in made.values():
        found.sort(key=lambda n: n.nearness)
        del found[cite:]
    return made


def _firsts(asks: Asks, keyed: Keyed, exclude: Ints, charged: Ints, cite: int) -> tuple[Ints, Ints]:
    """The first ``cite`` charged claims of each ask of ``charged`` from its limit: each
    one's ask and place in its level, by ask, nearest first."""
    found: list[tuple[Ints, Ints, Ints]] = []
    for number in np.unique(asks.level[charged]).tolist():
        ask = charged[asks.level[charged] == number]
        values, keys = keyed.of(asks, number)
        down = asks.levels[number][2]
        start = asks.hi[ask] - 1 if down else asks.lo[ask]
        limit = (keyed.stats.standing[asks.reading[ask]], exclude[ask])
        scan = (start, -1 if down else 1, asks.hi[ask] - asks.lo[ask])
        local, offset = _scan(values, keys, scan, limit, cite)
        found.append((ask[local], offset, start[local] + scan[1] * offset))
    if not found:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    ask, offset, place = (np.concatenate(parts) for parts in zip(*found, strict=True))
    order = np.lexsort((offset, ask))
    return ask[order], place[order]


def _scan(
    values: Ints, keys: Ints, scan: tuple[Ints, int, Ints], limit: tuple[Ints, Ints], cite: int
) -> tuple[Ints, Ints]:
    """Per range (start, step, length), the offsets of its first ``cite`` entries above
    its threshold and not of its excluded key: windows from the start, grown fourfold
    for the ranges that have not found enough."""
    start, step, length = scan
    threshold, exclude = limit
    pending = np.arange(len(start))
    width = 4 * cite
    taken: list[tuple[Ints, Ints]] = []
    while len(pending):
        size = np.minimum(width, length[pending])
        of = np.repeat(np.arange(len(pending)), size)
        begin = np.cumsum(size) - size
        offset = np.arange(len(of)) - begin[of]
        place = start[pending][of] + step * offset
        hit = (values[place] > threshold[pending][of]) & (keys[place] != exclude[pending][of])
        seen = np.cumsum(hit)
        rank = seen - (seen[begin] - hit[begin])[of]
        keep = hit & (rank <= cite)
        done = (np.bincount(of[keep], minlength=len(pending)) >= cite) | (size == length[pending])
        chosen = keep & done[of]
        taken.append((pending[of[chosen]], offset[chosen]))
        pending = pending[~done]
        width *= 4
    if not taken:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate([t[0] for t in taken]), np.concatenate([t[1] for t in taken])
