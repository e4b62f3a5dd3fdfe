"""Headline copies on columns: a headline's claim that the first sentence repeats is set
aside, as ``evaluate.headlines`` does for records (docs/semantics.md §7).

Per document, the headline is the first line holding a claim and the first sentence the
next one; when every claim of the headline line is unpunctuated, a headline claim whose
measure, subject and interval a claim of the first sentence has is a copy. Worked out
for every document at once: first and second lines by ``minimum.at``, the claims of those
lines compared by their exact keys. Pure: no I/O.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from crosscheck.columns.table import NO_INT, ClaimColumns, Ints
from crosscheck.interval import Interval

Rows = NDArray[np.int64]
Mask = NDArray[np.bool_]
_NONE = np.iinfo(np.int64).max  # no such line


def kept_rows(table: ClaimColumns) -> Rows:
    """The rows that are no headline copy, in input order."""
    return np.flatnonzero(~headline_copies(table)).astype(np.int64)


def headline_copies(table: ClaimColumns) -> Mask:
    """Per row: whether it is a headline's claim that the first sentence repeats."""
    documents, codes = len(table.document.values), table.document.codes.astype(np.int64)
    lined = table.line != NO_INT
    line = np.where(lined, table.line, _NONE)
    first = np.full(documents, _NONE, dtype=np.int64)
    np.minimum.at(first, codes, line)
    above = np.where(line > first[codes], line, _NONE)
    second = np.full(documents, _NONE, dtype=np.int64)
    np.minimum.at(second, codes, above)
    heading = lined & (line == first[codes]) & (second[codes] != _NONE)
    punctuated = np.bincount(codes[heading & ~table.unpunctuated], minlength=documents)
    heading &= punctuated[codes] == 0
    headed = np.bincount(codes[heading], minlength=documents) > 0
    following = lined & (line == second[codes]) & headed[codes]  # only where a copy may be
    copies = np.zeros(len(table), dtype=np.bool_)
    heads, sentences = np.flatnonzero(heading), np.flatnonzero(following)
    if not len(heads) or not len(sentences):
        return copies
    keys = _keys(table, np.concatenate([heads, sentences]))
    _, ids = np.unique(keys, axis=0, return_inverse=True)
    ids = ids.reshape(-1)
    copies[heads[np.isin(ids[: len(heads)], ids[len(heads) :])]] = True
    return copies


def _keys(table: ClaimColumns, rows: Rows) -> NDArray[np.int64]:
    """Per row, its document, measure, subject and exact interval as one row of ints (an
    interval past 64 bits by a number of its own, with a denominator of 0)."""
    low_num, low_den = table.low_num[rows].copy(), table.low_den[rows].copy()
    wide: dict[Interval, int] = {}
    for place, row in enumerate(rows.tolist() if table.wide else ()):
        if row in table.wide:
            low_num[place] = wide.setdefault(table.wide[row], len(wide))
            low_den[place] = 0
    columns: list[Ints] = [
        table.document.codes[rows].astype(np.int64),
        table.measure.codes[rows].astype(np.int64),
        table.subject.codes[rows].astype(np.int64),
        table.low_unbounded[rows].astype(np.int64),
        low_num,
        low_den,
        table.low_closed[rows].astype(np.int64),
        table.high_unbounded[rows].astype(np.int64),
        table.high_num[rows],
        table.high_den[rows],
        table.high_closed[rows].astype(np.int64),
    ]
    return np.stack(columns, axis=1)
