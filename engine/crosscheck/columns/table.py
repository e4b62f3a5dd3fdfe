"""Claims as columns: one row per claim, numpy arrays, no object per claim.

``ClaimColumns`` holds what evaluation reads of each claim (measure, interval ends as
floats and exactly, open or closed, unbounded, times as day numbers, who gives the
figure, claim order) and what a ``Claim`` record needs to be made again for the few
rows a finding cites (``ClaimColumns.claim``).

**Building one** (from Parquet or anywhere else, with no per-row Python): every text
field is a ``Coded`` column, ``codes`` (int32, ``-1`` for null) into ``values`` (each
distinct string once, any order): pyarrow's ``dictionary_encode()`` gives both
(``indices.to_numpy(zero_copy_only=False)`` with nulls filled by -1, and
``dictionary.to_pylist()``). Numbers:

* ``low_num``/``low_den``, ``high_num``/``high_den``: int64, the exact ends in lowest
  terms (denominator > 0; ``0/1`` for an unbounded end), in the measure's canonical
  unit; ``low``/``high``: float64, the same ends correctly rounded (``-inf``/``inf``
  when unbounded); ``low_unbounded``/``high_unbounded``, ``low_closed``/``high_closed``:
  bool. An end past 64 bits goes to ``wide`` (row -> its ``Interval``): its int columns
  hold ``0/1`` and are never read for that row; its floats are still the rounded ends.
* ``date``, ``as_of_start``, ``as_of_end``: int32 day numbers (``date.toordinal()``),
  ``NO_DAY`` (-1) for none (pyarrow's date32 counts from 1970-01-01: add
  ``EPOCH_ORDINAL``).
* ``start``, ``end``, ``line``, ``column``: int64, ``NO_INT`` for none.

``rank`` (claim order, docs/semantics.md §8: document path, then position, then the rest
of ``evaluate.context.claim_key``; equal keys share a rank) and ``unpunctuated`` (the
claim's sentence could be a headline: what ``evaluate.headlines`` reads) are worked out
when the table is made. Rows are input order: the row number is the claim's index.
Pure: no I/O.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from fractions import Fraction
from functools import cached_property
from itertools import pairwise
from typing import Any

import numpy as np
from numpy.typing import NDArray

from crosscheck.columns.texts import Texts
from crosscheck.interval import Interval
from crosscheck.model import AsOf, Claim

NO_DAY = -1  # a day column's null
NO_INT = np.iinfo(np.int64).min  # a position column's null
EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()  # day 0 of Arrow's date32
_INT64 = 2**63
_ENDS_SENTENCE = ".!?…"  # as evaluate.headlines reads a sentence
_CLOSERS = "\"'”’)]»"

Ints = NDArray[np.int64]
Days = NDArray[np.int32]
Floats = NDArray[np.float64]
Flags = NDArray[np.bool_]


@dataclass(frozen=True)
class Coded:
    """A text column: ``codes[i]`` indexes ``values`` (-1: null)."""

    codes: NDArray[np.int32]
    values: Sequence[str]  # a tuple, or ``Texts`` (Arrow strings) for many values

    @classmethod
    def encode(cls, texts: Sequence[str | None]) -> Coded:
        """Codes for ``texts``, each distinct string once (small sets: tests, records)."""
        table: dict[str, int] = {}
        codes = [-1 if t is None else table.setdefault(t, len(table)) for t in texts]
        return cls(np.asarray(codes, dtype=np.int32), tuple(table))

    def distinct(self) -> list[str]:
        """The distinct texts the rows hold (nulls left out)."""
        used = np.unique(self.codes)
        return [self.values[code] for code in used[used >= 0].tolist()]

    def at(self, row: int) -> str | None:
        """Row ``row``'s text (None for null)."""
        code = int(self.codes[row])
        return None if code < 0 else self.values[code]

    def ordered(self) -> NDArray[np.int32]:
        """Each row's place in string order of the values (-1 for null): codes that
        sort as the strings do."""
        place = np.empty(len(self.values) + 1, dtype=np.int32)
        place[-1] = -1
        if isinstance(self.values, Texts):
            order = self.values.order()
        else:
            order = np.argsort(np.asarray(self.values, dtype=object), kind="stable")
        place[order] = np.arange(len(self.values), dtype=np.int32)
        return place[self.codes]


@dataclass(frozen=True)
class ClaimColumns:
    """Claims as columns (see the module docstring for each column and how to build one)."""

    measure: Coded
    subject: Coded
    unit: Coded
    stated: Coded
    hedge: Coded
    document: Coded
    file: Coded
    source: Coded
    sentence: Coded
    url: Coded
    origin: Coded
    attribution: Coded
    part: Coded
    place: Coded
    low: Floats
    high: Floats
    low_num: Ints
    low_den: Ints
    high_num: Ints
    high_den: Ints
    low_unbounded: Flags
    high_unbounded: Flags
    low_closed: Flags
    high_closed: Flags
    date: Days
    as_of_start: Days
    as_of_end: Days
    start: Ints
    end: Ints
    line: Ints
    column: Ints
    wide: dict[int, Interval] = field(default_factory=dict)
    rank: Ints = field(init=False)
    unpunctuated: Flags = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "rank", claim_ranks(self))
        object.__setattr__(self, "unpunctuated", _unpunctuated(self.sentence))

    def __len__(self) -> int:
        return int(self.low.shape[0])

    @classmethod
    def from_claims(cls, claims: Sequence[Claim]) -> ClaimColumns:
        """The columns of ``claims``, row i for ``claims[i]``."""
        texts = {name: Coded.encode([getattr(c, name) for c in claims]) for name in _TEXTS}
        ends = [_ends(c.interval) for c in claims]
        wide = {i: c.interval for i, c in enumerate(claims) if ends[i] is None}
        numbers = [e if e is not None else _WIDE_ENDS for e in ends]
        floats = np.array([_floats(c.interval) for c in claims], dtype=np.float64).reshape(-1, 2)
        exact = np.array(numbers, dtype=np.int64).reshape(-1, 4)
        iv = [c.interval for c in claims]
        return cls(
            **texts,
            low=floats[:, 0].copy(),
            high=floats[:, 1].copy(),
            low_num=exact[:, 0].copy(),
            low_den=exact[:, 1].copy(),
            high_num=exact[:, 2].copy(),
            high_den=exact[:, 3].copy(),
            low_unbounded=np.array([i.low is None for i in iv], dtype=np.bool_),
            high_unbounded=np.array([i.high is None for i in iv], dtype=np.bool_),
            low_closed=np.array([i.low_closed for i in iv], dtype=np.bool_),
            high_closed=np.array([i.high_closed for i in iv], dtype=np.bool_),
            date=_days([c.date for c in claims]),
            as_of_start=_days([c.as_of.start if c.as_of else None for c in claims]),
            as_of_end=_days([c.as_of.end if c.as_of else None for c in claims]),
            start=_ints([c.start for c in claims]),
            end=_ints([c.end for c in claims]),
            line=_ints([c.line for c in claims]),
            column=_ints([c.column for c in claims]),
            wide=wide,
        )

    def interval(self, row: int) -> Interval:
        """Row ``row``'s interval, exactly."""
        found = self.wide.get(row)
        if found is not None:
            return found
        low = None if self.low_unbounded[row] else _fraction(self.low_num[row], self.low_den[row])
        high = (
            None if self.high_unbounded[row] else _fraction(self.high_num[row], self.high_den[row])
        )
        return Interval(low, high, bool(self.low_closed[row]), bool(self.high_closed[row]))

    def claim(self, row: int) -> Claim:
        """The ``Claim`` record of row ``row`` (equal to the one the row was made from)."""
        start, end = int(self.as_of_start[row]), int(self.as_of_end[row])
        as_of = None
        if end != NO_DAY:
            first = None if start == NO_DAY else dt.date.fromordinal(start)
            as_of = AsOf.model_construct(start=first, end=dt.date.fromordinal(end))
        texts = dict.fromkeys(_TEXTS)
        for name, column in self._texts:
            code = int(column.codes[row])
            texts[name] = None if code < 0 else column.values[code]
        return Claim.model_construct(
            **texts,
            interval=self.interval(row),
            date=_day(int(self.date[row])),
            start=_int(int(self.start[row])),
            end=_int(int(self.end[row])),
            line=_int(int(self.line[row])),
            column=_int(int(self.column[row])),
            as_of=as_of,
        )

    def with_part(self, part: Coded) -> ClaimColumns:
        """This table with ``part`` as its part column (claim order does not depend on
        parts, so ranks are kept, not computed again)."""
        new = copy.copy(self)
        object.__setattr__(new, "part", part)
        new.__dict__.pop("_texts", None)  # a cached list that holds the old column
        return new

    @cached_property
    def _texts(self) -> list[tuple[str, Coded]]:
        """The text columns that hold some text (the others are null in every row)."""
        return [(name, column) for name in _TEXTS if (column := getattr(self, name)).values]

    def spans(self, rows: Ints | None = None) -> tuple[Days, Days]:
        """Each claim's time (docs/semantics.md §5) as first and last day numbers: its
        as-of span, else its date; ``NO_DAY`` for both when unknown (of ``rows`` only,
        in their order, when given)."""
        picked = slice(None) if rows is None else rows
        start, end, date = self.as_of_start[picked], self.as_of_end[picked], self.date[picked]
        has_as_of = end != NO_DAY
        first = np.where(has_as_of, start, date)
        last = np.where(has_as_of, end, date)
        unknown = first == NO_DAY
        return first, np.where(unknown, NO_DAY, last).astype(np.int32)

    def take(self, rows: NDArray[np.int64]) -> ClaimColumns:
        """The table of ``rows`` only, in that order (string tables shared)."""
        values: dict[str, Any] = {}
        for f in fields(self):
            if not f.init or f.name == "wide":
                continue
            column = getattr(self, f.name)
            values[f.name] = (
                Coded(column.codes[rows], column.values)
                if isinstance(column, Coded)
                else column[rows]
            )
        position = {int(old): new for new, old in enumerate(rows) if int(old) in self.wide}
        wide = {new: self.wide[old] for old, new in position.items()}
        return ClaimColumns(**values, wide=wide)


_TEXTS = (
    "measure",
    "subject",
    "unit",
    "stated",
    "hedge",
    "document",
    "file",
    "source",
    "sentence",
    "url",
    "origin",
    "attribution",
    "part",
    "place",
)
_WIDE_ENDS = (0, 1, 0, 1)


def _ends(iv: Interval) -> tuple[int, int, int, int] | None:
    """The interval's ends as four int64s (0/1 for an unbounded end); None past 64 bits."""
    low = (0, 1) if iv.low is None else (iv.low.numerator, iv.low.denominator)
    high = (0, 1) if iv.high is None else (iv.high.numerator, iv.high.denominator)
    numbers = (*low, *high)
    return numbers if all(-_INT64 <= n < _INT64 for n in numbers) else None


def _floats(iv: Interval) -> tuple[float, float]:
    low = float("-inf") if iv.low is None else _float(iv.low)
    high = float("inf") if iv.high is None else _float(iv.high)
    return low, high


def _float(value: Fraction) -> float:
    """A correctly rounded float (inf past the float range)."""
    try:
        return float(value)
    except OverflowError:
        return float("inf") if value > 0 else float("-inf")


def _days(days: Sequence[dt.date | None]) -> Days:
    return np.array([NO_DAY if d is None else d.toordinal() for d in days], dtype=np.int32)


def _ints(values: Sequence[int | None]) -> Ints:
    return np.array([NO_INT if v is None else v for v in values], dtype=np.int64)


def _fraction(numerator: np.int64, denominator: np.int64) -> Fraction:
    """An end in lowest terms as a Fraction (a whole one without a gcd)."""
    den = int(denominator)
    return Fraction(int(numerator)) if den == 1 else Fraction(int(numerator), den)


def _day(number: int) -> dt.date | None:
    return None if number == NO_DAY else dt.date.fromordinal(number)


def _int(number: int) -> int | None:
    return None if number == NO_INT else number


def _unpunctuated(sentence: Coded) -> Flags:
    """Per row: its sentence is one line, not empty, with no sentence-ending mark."""
    ok = [
        bool(s) and "\n" not in s and s[-1] not in _ENDS_SENTENCE
        for s in (v.rstrip().rstrip(_CLOSERS) for v in sentence.values)
    ]
    table = np.array([*ok, False], dtype=np.bool_)  # code -1 (no sentence): last
    return table[sentence.codes]


def claim_ranks(table: ClaimColumns) -> Ints:
    """Each row's place in claim order (``evaluate.context.claim_key``; equal keys share a
    rank): sorted by document, position, measure, source, date and stated text as codes in
    string order; rows alike in all of those by their intervals' text."""
    position = [
        np.where(p == NO_INT, -1, p) for p in (table.start, table.end, table.line, table.column)
    ]
    keys = [
        table.document.ordered(),
        *position,
        table.measure.ordered(),
        table.source.ordered(),
        table.date,
        table.stated.ordered(),
    ]
    rows = np.arange(len(table), dtype=np.int64)
    order = rows if _in_order(keys) else np.lexsort(keys[::-1])
    same = _alike(keys, order)
    if same.any():
        order = _by_interval_text(table, order, same)
        texts = [str(table.interval(int(r))) for r in order]
        same = _alike(keys, order) & np.array([a == b for a, b in pairwise(texts)], dtype=np.bool_)
    ranks = np.empty(len(order), dtype=np.int64)
    ranks[order] = np.concatenate([[0], np.cumsum(~same)]) if len(order) else []
    return ranks


def _in_order(keys: list[NDArray[Any]]) -> bool:
    """Whether the rows already stand in key order, ties in input order (claims written
    in claim order, as a Parquet file often holds them): then they need no sort."""
    undecided = np.ones(max(len(keys[0]) - 1, 0), dtype=np.bool_)
    for key in keys:
        before, after = key[:-1], key[1:]
        if np.any(undecided & (before > after)):
            return False
        undecided &= before == after
    return True


def _alike(keys: list[NDArray[Any]], order: Ints) -> Flags:
    """Per pair of neighbours in ``order``: whether they agree on every key (one key
    sorted at a time: a stack of all keys sorted would be nine copies of the table)."""
    same = np.ones(max(len(order) - 1, 0), dtype=np.bool_)
    for key in keys:
        ranked = key[order]
        same &= ranked[1:] == ranked[:-1]
    return same


def _by_interval_text(table: ClaimColumns, order: Ints, same: Flags) -> Ints:
    """``order`` with each run of rows alike before the interval sorted by its text
    (stable: equal texts keep input order)."""
    out = order.copy()
    starts = np.flatnonzero(np.concatenate([[True], ~same]))
    stops = np.concatenate([starts[1:], [len(order)]])
    for begin, stop in zip(starts, stops, strict=True):
        if stop - begin > 1:
            run = [int(r) for r in out[begin:stop]]
            run.sort(key=lambda r: str(table.interval(r)))
            out[begin:stop] = run
    return out
