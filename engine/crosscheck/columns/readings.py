"""Readings on columns: the rows of one operand and scope group that read alike.

As ``evaluate.findings.readings``: a reading is every claim of one operand and scope group
with the same origin (a claim without one: its outlet), the same time span and the same
interval (docs/semantics.md §10.1). Here a reading is a number; its claims are a run of
``Readings.rows`` (in claim order), and readings are numbered in claim order of their
first claims, as the record path orders them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from crosscheck.columns.table import ClaimColumns
from crosscheck.dsl.ast import ScopeKind
from crosscheck.evaluate.scopes import part_key

Ints = NDArray[np.int64]


@dataclass(frozen=True)
class Readings:
    """The readings of one rule: reading ``i``'s claims are ``rows[start[i]:start[i+1]]``
    (claim order); ``head`` its first claim's row, ``rank`` that claim's place in claim
    order; ``role``, ``group`` (scope group code), ``who`` (origin, else outlet, code),
    ``first``/``last`` (its time as day numbers), ``size`` (claims), ``sources``
    (distinct outlets); ``of`` each row of ``rows``' reading."""

    rows: Ints
    start: Ints
    of: Ints
    head: Ints
    rank: Ints
    role: Ints
    group: Ints
    who: Ints
    first: Ints
    last: Ints
    size: Ints
    sources: Ints

    def __len__(self) -> int:
        return int(self.head.shape[0])

    def claims(self, reading: int) -> Ints:
        """The rows of one reading's claims, in claim order."""
        return self.rows[self.start[reading] : self.start[reading + 1]]


def who_codes(table: ClaimColumns, rows: Ints) -> Ints:
    """Per row of ``rows``, who gives its figure: its origin's code, else its outlet's
    (after them)."""
    origin = table.origin.codes[rows].astype(np.int64)
    outlet = table.source.codes[rows].astype(np.int64) + len(table.origin.values)
    return np.where(origin >= 0, origin, outlet)


def group_codes(table: ClaimColumns, kind: ScopeKind, rows: Ints, who: Ints) -> Ints:
    """Per row of ``rows`` (``who``: theirs), its scope group (``evaluate.scopes.scope_key``)
    as a code: the scope's own group, split by the part of the event the row counts."""
    if kind is ScopeKind.PER_DOCUMENT:
        base = table.document.codes[rows].astype(np.int64)
    elif kind is ScopeKind.PER_SOURCE:
        base = table.source.codes[rows].astype(np.int64)
    elif kind is ScopeKind.PER_ORIGIN:
        base = who
    else:
        base = np.zeros(len(rows), dtype=np.int64)
    if not table.part.values:
        return base
    parts, count = part_codes(table, rows)
    return base * (count + 1) + parts


def part_codes(table: ClaimColumns, rows: Ints) -> tuple[Ints, int]:
    """Per row of ``rows``, its part as compared (``evaluate.scopes.part_key``) as a code,
    0 for the whole; and how many parts there are."""
    keys = [part_key(value) for value in table.part.values]
    number = {key: i + 1 for i, key in enumerate(dict.fromkeys(keys))}
    by_code = np.array([*(number[key] for key in keys), 0], dtype=np.int64)  # -1: whole
    return by_code[table.part.codes[rows]], len(number)


def build_readings(table: ClaimColumns, roles: Sequence[Ints], kind: ScopeKind) -> Readings:
    """The readings of the rows of each operand (``roles[i]``: row numbers)."""
    rows = np.concatenate([np.asarray(r, dtype=np.int64) for r in roles])
    role = np.concatenate([np.full(len(r), i, dtype=np.int64) for i, r in enumerate(roles)])
    claim_order = np.lexsort((rows, role, table.rank[rows]))
    rows, role = rows[claim_order], role[claim_order]
    who = who_codes(table, rows)
    first, last = table.spans(rows)
    keys = [
        role,
        group_codes(table, kind, rows, who),
        who,
        first,
        last,
        *(getattr(table, end)[rows] for end in _ENDS),
    ]
    places, of, start = _numbered(keys)
    firsts = places[start[:-1]]
    heads = rows[firsts]
    counts = np.diff(start)
    source = table.source.codes[rows[places]].astype(np.int64)
    width = len(table.source.values) + 1
    sources = np.bincount(np.unique(of * width + source) // width, minlength=len(counts))
    return Readings(
        rows=rows[places],
        start=start,
        of=of,
        head=heads,
        rank=table.rank[heads],
        role=role[firsts],
        group=keys[1][firsts],
        who=who[firsts],
        first=first[firsts].astype(np.int64),
        last=last[firsts].astype(np.int64),
        size=counts,
        sources=sources.astype(np.int64),
    )


_ENDS = (
    "low_num",
    "low_den",
    "low_unbounded",
    "low_closed",
    "high_num",
    "high_den",
    "high_unbounded",
    "high_closed",
)


def _numbered(keys: list[NDArray[np.generic]]) -> tuple[Ints, Ints, Ints]:
    """Rows (in claim order) alike in every key are one reading; readings numbered in
    claim order of their first rows. The rows' places by reading (each reading's in claim
    order), each one's reading, and where each reading's run starts (and the end)."""
    by_key = np.lexsort(keys[::-1])  # stable: each reading's rows stay in claim order
    new = np.zeros(len(by_key), dtype=np.bool_)
    new[:1] = True
    for key in keys:  # one key at a time: a stack of all of them sorted is a copy each
        ordered = key[by_key]
        new[1:] |= ordered[1:] != ordered[:-1]
    firsts = by_key[new]  # each reading's first row, as a place in claim order
    renumber = np.empty(len(firsts), dtype=np.int64)
    renumber[np.argsort(firsts, kind="stable")] = np.arange(len(firsts))
    of_sorted = renumber[np.cumsum(new) - 1]
    grouped = np.lexsort((by_key, of_sorted))  # by reading, then claim order
    of = of_sorted[grouped]
    counts = np.bincount(of, minlength=len(firsts)).astype(np.int64)
    start = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return by_key[grouped], of, start
