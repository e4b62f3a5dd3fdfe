"""One scope group of a pairwise rule on columns: its readings by operand and their indexes."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from crosscheck.columns.ends import Ends
from crosscheck.columns.index import ColumnIndex
from crosscheck.columns.plan import Plan
from crosscheck.columns.readings import Readings
from crosscheck.dsl.ast import ScopeKind

Ints = NDArray[np.int64]


@dataclass
class Group:
    """A scope group: per operand its readings (``members``) and their index (None when
    the operand has none there)."""

    members: list[Ints]
    indexes: list[ColumnIndex | None]


def entries_of(readings: Readings, ids: Ints) -> tuple[Ints, Ints, Ints]:
    """The claims of readings ``ids``: their rows, each row's reading, and the place of
    each reading's first claim among them."""
    sizes = readings.size[ids]
    heads = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
    offsets = np.repeat(readings.start[ids] - heads, sizes) + np.arange(int(sizes.sum()))
    return readings.rows[offsets], np.repeat(ids, sizes), heads


def build_groups(readings: Readings, plan: Plan, ends: Ends) -> list[Group]:
    """Each scope group's readings by operand and indexes, groups in code order."""
    order = np.lexsort((np.arange(len(readings)), readings.role, readings.group))
    group, role = readings.group[order], readings.role[order]
    cuts = np.flatnonzero(np.diff(group)) + 1
    found: list[Group] = []
    if not len(order):
        return found
    for ids, roles in zip(np.split(order, cuts), np.split(role, cuts), strict=True):
        members = [ids[roles == r] for r in range(len(plan.roles))]  # each in reading order
        found.append(Group(members, [_index(readings, m, plan, ends) for m in members]))
    return found


def _index(readings: Readings, ids: Ints, plan: Plan, ends: Ends) -> ColumnIndex | None:
    if not len(ids):
        return None
    rows, of, heads = entries_of(readings, ids)
    spans = np.stack([readings.first[of], readings.last[of]], axis=1) if plan.timed else None
    return ColumnIndex(ends, rows, of, heads, spans)


def key_of(readings: Readings, kind: ScopeKind, source: Ints, of: Ints) -> Ints:
    """Who each entry counts for where a scope relates only different ones: its reading's
    origin (across origins), else its outlet."""
    return readings.who[of] if kind is ScopeKind.ACROSS_ORIGINS else source


def exclusion(readings: Readings, kind: ScopeKind, reading: int, source: int) -> int | None:
    """The key whose claims relate to no claim of ``reading`` (None: all do); ``source``
    the outlet of its first claim."""
    if kind is ScopeKind.ACROSS_ORIGINS:
        return int(readings.who[reading])
    if kind is ScopeKind.ACROSS_SOURCES and readings.sources[reading] == 1:
        return source
    return None
