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


def who_codes(table: ClaimColumns) -> Ints:
    """Per row, who gives its figure: its origin's code, else its outlet's (after them)."""
    origin = table.origin.codes.astype(np.int64)
    outlet = table.source.codes.astype(np.int64) + len(table.origin.values)
    return np.where(origin >= 0, origin, outlet)


def group_codes(table: ClaimColumns, kind: ScopeKind, who: Ints) -> Ints:
    """Per row, its scope group (``evaluate.scopes.scope_key``) as a code: the scope's
    own group, split by the part of the event the row counts."""
    if kind is ScopeKind.PER_DOCUMENT:
        base = table.document.codes.astype(np.int64)
    elif kind is ScopeKind.PER_SOURCE:
        base = table.source.codes.astype(np.int64)
    elif kind is ScopeKind.PER_ORIGIN:
        base = who
    else:
        base = np.zeros(len(table), dtype=np.int64)
    if not table.part.values:
        return base
    parts, count = part_codes(table)
    return base * (count + 1) + parts


def part_codes(table: ClaimColumns) -> tuple[Ints, int]:
    """Per row, its part as compared (``evaluate.scopes.part_key``) as a code, 0 for the
    whole; and how many parts there are."""
    keys = [part_key(value) for value in table.part.values]
    number = {key: i + 1 for i, key in enumerate(dict.fromkeys(keys))}
    by_code = np.array([*(number[key] for key in keys), 0], dtype=np.int64)  # -1: whole
    return by_code[table.part.codes], len(number)


def build_readings(table: ClaimColumns, roles: Sequence[Ints], kind: ScopeKind) -> Readings:
    """The readings of the rows of each operand (``roles[i]``: row numbers)."""
    rows = np.concatenate([np.asarray(r, dtype=np.int64) for r in roles])
    role = np.concatenate([np.full(len(r), i, dtype=np.int64) for i, r in enumerate(roles)])
    who_all = who_codes(table)
    first_all, last_all = table.spans()
    claim_order = np.lexsort((rows, role, table.rank[rows]))
    rows, role = rows[claim_order], role[claim_order]
    keys = [
        role,
        group_codes(table, kind, who_all)[rows],
        who_all[rows],
        first_all[rows],
        last_all[rows],
        *(getattr(table, end)[rows] for end in _ENDS),
    ]
    places, of, start = _numbered(keys)
    heads = rows[places[start[:-1]]]
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
        role=role[places[start[:-1]]],
        group=keys[1][places[start[:-1]]],
        who=who_all[heads],
        first=first_all[heads].astype(np.int64),
        last=last_all[heads].astype(np.int64),
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
    sorted_keys = np.stack([k[by_key].astype(np.int64) for k in keys])
    new = np.ones(len(by_key), dtype=np.bool_)
    new[1:] = np.any(sorted_keys[:, 1:] != sorted_keys[:, :-1], axis=0)
    firsts = by_key[new]  # each reading's first row, as a place in claim order
    renumber = np.empty(len(firsts), dtype=np.int64)
    renumber[np.argsort(firsts, kind="stable")] = np.arange(len(firsts))
    of_sorted = renumber[np.cumsum(new) - 1]
    grouped = np.lexsort((by_key, of_sorted))  # by reading, then claim order
    of = of_sorted[grouped]
    counts = np.bincount(of, minlength=len(firsts)).astype(np.int64)
    start = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return by_key[grouped], of, start
