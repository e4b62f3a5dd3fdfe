"""Read Parquet claims straight into columns (``columns.table.ClaimColumns``), with no
Python object per row.

The same claims, checks and problems as ``load.parquet.read_parquet_claims`` followed by
``ClaimColumns.from_claims``. Texts are read as dictionaries (each distinct string once:
codes into a table of values), ends as int64 numerator/denominator straight to numpy,
dates as day numbers. The checks are worked out for every row at once: a row is *plain*
when its measure and origin are known, its unit is the measure's own, its ends are
integers below 2^53 (so a float quotient is the correctly rounded end) making a
non-empty, non-negative interval, and its document, positions and as-of are sound. Every
other row (a unit to convert, a negative or unbounded low end, an end in ``low_exact``
or ``high_exact``, a missing ``stated``, a bad row) is read as ``load.parquet`` reads it,
row by row: the same claim, or the same ``LoadError`` naming file and row, left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
from numpy.typing import NDArray

from crosscheck.columns.concat import NUMBERS, TEXTS, concat_columns
from crosscheck.columns.table import EPOCH_ORDINAL, NO_DAY, NO_INT, ClaimColumns, Coded
from crosscheck.dsl.ast import RuleSet
from crosscheck.fs.reader import FileReader
from crosscheck.hedges import ReadingSettings
from crosscheck.interval import Interval
from crosscheck.load.claims import _default_source, claim_from_json
from crosscheck.load.column_sink import Sink
from crosscheck.load.errors import LoadError, LoadProblem
from crosscheck.load.parquet import (
    CLAIMS_SCHEMA,
    REQUIRED,
    claim_object,
    parquet_files,
    unreadable,
)
from crosscheck.model import Claim

Mask = NDArray[np.bool_]
Ints = NDArray[np.int64]
_EXACT = 2**53  # integers a float holds exactly: their quotient is correctly rounded
_EXACT_ENDS = ("low_exact", "high_exact")
_BATCH = 1 << 18  # rows converted at a time: a batch's Arrow columns are held only meanwhile


def read_parquet_columns(
    path: Path, ruleset: RuleSet, reader: FileReader | None = None
) -> tuple[ClaimColumns, list[LoadError]]:
    """The claims of the Parquet file at ``path`` (or of every ``.parquet`` file in the
    folder, in name order) as columns, and the problems of rows left out."""
    reader = FileReader() if reader is None else reader
    parts: list[ClaimColumns] = []
    errors: list[LoadError] = []
    for file in parquet_files(path, reader, errors):
        name = file.as_posix()
        try:
            with reader.open_binary(file) as handle:
                names = pq.ParquetFile(handle).schema_arrow.names
                texts = [n for n in (*TEXTS, *_EXACT_ENDS) if n in names]
                parquet = pq.ParquetFile(handle, read_dictionary=texts)
                batches = parquet.iter_batches(batch_size=_BATCH)
                rows = parquet.metadata.num_rows
                found, problems = _from_batches(parquet.schema_arrow, rows, batches, ruleset, name)
        except (OSError, pa.ArrowException) as err:
            errors.append(unreadable(name, err))
            continue
        parts.append(found)
        errors.extend(problems)
    return concat_columns(parts), errors


def columns_from_table(
    table: pa.Table, ruleset: RuleSet, name: str
) -> tuple[ClaimColumns, list[LoadError]]:
    """The claims of a table in ``CLAIMS_SCHEMA`` as columns (extra columns are ignored;
    missing optional ones are null), and the problems of rows left out (``NAME: row N``)."""
    batches = table.to_batches(max_chunksize=_BATCH)
    return _from_batches(table.schema, table.num_rows, batches, ruleset, name)


def _from_batches(
    schema: pa.Schema, rows: int, batches: Iterable[pa.RecordBatch], ruleset: RuleSet, name: str
) -> tuple[ClaimColumns, list[LoadError]]:
    """The claims of a table's batches as one table, and the problems of rows left out."""
    missing = [column for column in REQUIRED if column not in schema.names]
    if missing:
        shown = ", ".join(f"`{column}`" for column in missing)
        return concat_columns([]), [LoadError(name, f"missing column {shown} (see docs/scale.md)")]
    sink, errors, offset = Sink(rows), [], 0
    for batch in batches:
        part, wide, problems = _part(pa.Table.from_batches([batch]), ruleset, name, offset)
        sink.add(part, wide)
        errors.extend(problems)
        offset += batch.num_rows
    return sink.columns(), errors


def _part(
    table: pa.Table, ruleset: RuleSet, name: str, offset: int
) -> tuple[dict[str, Any], dict[int, Interval], list[LoadError]]:
    """The columns of a batch's kept rows, its intervals past 64 bits (by kept row) and
    its problems (rows counted from ``offset``)."""
    raw = _Raw(table.unify_dictionaries() if _typed(table) else None, table.num_rows)
    plain = _plain(raw, ruleset)
    slow = np.flatnonzero(~plain)
    claims, errors, kept = _row_by_row(table, slow, ruleset, name, offset)
    keep = plain.copy()
    keep[slow[kept]] = True
    part, wide = _assemble(raw, ruleset, plain, keep, slow[kept], claims)
    return part, wide, errors


def _typed(table: pa.Table) -> bool:
    """Whether every contract column present has the contract's type (else every row is
    read row by row, which says what is wrong with each)."""
    for field in CLAIMS_SCHEMA:
        if field.name not in table.column_names:
            continue
        kind = table.schema.field(field.name).type
        if pa.types.is_dictionary(kind):
            kind = kind.value_type
        if kind == pa.large_string():
            kind = pa.string()
        if kind != field.type and not (pa.types.is_integer(kind) and field.type == pa.int64()):
            return False
    return True


class _Raw:
    """The table's columns as numpy arrays (all null when absent; none when untyped)."""

    def __init__(self, table: pa.Table | None, rows: int) -> None:
        self.table, self.rows = table, rows

    def has(self, column: str) -> bool:
        """Whether the table is typed and holds the column."""
        return self.table is not None and column in self.table.column_names

    def text(self, column: str) -> Coded:
        """A text column as codes into its distinct values (all null when absent)."""
        if not self.has(column):
            return Coded(np.full(self.rows, -1, dtype=np.int32), ())
        assert self.table is not None
        found = self.table[column]
        if not pa.types.is_dictionary(found.type):
            found = found.dictionary_encode()
        values = found.chunks[0].dictionary if found.num_chunks else pa.array([], pa.string())
        codes = [c.indices.fill_null(-1).to_numpy(zero_copy_only=False) for c in found.chunks]
        joined = np.concatenate(codes) if codes else np.empty(0, dtype=np.int32)
        return Coded(joined.astype(np.int32), tuple(values.to_pylist()))

    def ints(self, column: str) -> tuple[Ints, Mask]:
        """Values (0 where null) and where they are null."""
        if not self.has(column):
            return np.zeros(self.rows, dtype=np.int64), np.ones(self.rows, dtype=np.bool_)
        assert self.table is not None
        found = self.table[column].cast(pa.int64())
        nulls = found.is_null().to_numpy(zero_copy_only=False)
        return found.fill_null(0).to_numpy(zero_copy_only=False).astype(np.int64), nulls

    def flag(self, column: str) -> Mask:
        """True where true or null (the contract's default)."""
        if not self.has(column):
            return np.ones(self.rows, dtype=np.bool_)
        assert self.table is not None
        return np.asarray(self.table[column].fill_null(True).to_numpy(zero_copy_only=False))

    def days(self, column: str) -> NDArray[np.int32]:
        """A date column as day numbers (``NO_DAY`` where null or absent)."""
        if not self.has(column):
            return np.full(self.rows, NO_DAY, dtype=np.int32)
        assert self.table is not None
        found = self.table[column].cast(pa.int32())
        days = found.fill_null(NO_DAY - EPOCH_ORDINAL).to_numpy(zero_copy_only=False)
        shifted: NDArray[np.int32] = (days.astype(np.int32) + EPOCH_ORDINAL).astype(np.int32)
        return shifted


def _plain(raw: _Raw, ruleset: RuleSet) -> Mask:
    """The rows whose claim can be made from the columns as they are (see the module
    docstring); every other row is read row by row."""
    if raw.table is None:
        return np.zeros(raw.rows, dtype=np.bool_)
    measure = raw.text("measure")
    ok = _lookup([v in ruleset.measures for v in measure.values], measure)
    ok &= _own_unit(raw.text("unit"), measure, ruleset)
    ok &= _filled(raw.text("stated")) & _filled(raw.text("document"))
    origin = raw.text("origin")
    ok &= _lookup([not v or v in ruleset.origins for v in origin.values], origin, True)
    for column in ("low_exact", "high_exact"):
        ok &= raw.text(column).codes < 0
    ok &= _sound_ends(raw) & _sound_places(raw)
    first, last = raw.days("as_of_start"), raw.days("as_of_end")
    ok &= (last == NO_DAY) | (first == NO_DAY) | (first <= last)
    return ok


def _lookup(table: list[bool], column: Coded, null: bool = False) -> Mask:
    """Per row, ``table`` at its code (``null`` for a null)."""
    return np.array([*table, null], dtype=np.bool_)[column.codes]


def _filled(column: Coded) -> Mask:
    return _lookup([bool(v) for v in column.values], column)


def _own_unit(unit: Coded, measure: Coded, ruleset: RuleSet) -> Mask:
    """Rows with no unit or their measure's own (others are converted row by row)."""
    own = [ruleset.unit_of(m) if m in ruleset.measures else None for m in measure.values]
    fits = np.ones((len(measure.values) + 1, len(unit.values) + 1), dtype=np.bool_)
    for m, canonical in enumerate(own):
        fits[m, : len(unit.values)] = [not u or u == canonical for u in unit.values]
    return fits[measure.codes, unit.codes]


def _sound_ends(raw: _Raw) -> Mask:
    """Ends that are plain integers making a non-empty interval from a low end of 0 or more."""
    (ln, ln_null), (ld, ld_null) = raw.ints("low_numerator"), raw.ints("low_denominator")
    (hn, hn_null), (hd, hd_null) = raw.ints("high_numerator"), raw.ints("high_denominator")
    ok = ~ln_null & ~ld_null & (ln >= 0) & (ln < _EXACT) & (ld > 0) & (ld < _EXACT)
    bounded = ~hn_null & ~hd_null & (hn >= 0) & (hn < _EXACT) & (hd > 0) & (hd < _EXACT)
    with np.errstate(divide="ignore", invalid="ignore"):
        below = ln / np.where(ld > 0, ld, 1) < hn / np.where(hd > 0, hd, 1)
    (low, low_den), (high, high_den) = _lowest(ln, ld), _lowest(hn, hd)
    point = (low == high) & (low_den == high_den) & raw.flag("low_inclusive")
    point &= raw.flag("high_inclusive")
    sound: Mask = ok & ((hn_null & hd_null) | (bounded & (below | point)))
    return sound


def _lowest(numerator: Ints, denominator: Ints) -> tuple[Ints, Ints]:
    """The fractions in lowest terms (a denominator of 0 stays as it is)."""
    common = np.gcd(numerator, denominator)
    common[common == 0] = 1
    return numerator // common, denominator // common


def _sound_places(raw: _Raw) -> Mask:
    """Positions as the contract wants them: start and end from 0 (end not before start),
    line and column from 1; null is fine."""
    (start, start_null), (end, end_null) = raw.ints("start"), raw.ints("end")
    (line, line_null), (column, column_null) = raw.ints("line"), raw.ints("column")
    ok = (start_null | (start >= 0)) & (end_null | (end >= 0))
    ok &= start_null | end_null | (end >= start)
    return ok & (line_null | (line >= 1)) & (column_null | (column >= 1))


def _row_by_row(
    table: pa.Table, rows: Ints, ruleset: RuleSet, name: str, offset: int
) -> tuple[list[Claim], list[LoadError], Ints]:
    """``load.parquet``'s reading of the given rows: their claims, problems, and which
    of them (positions in ``rows``) gave a claim."""
    settings = ReadingSettings.with_overrides(ruleset.hedges, ruleset.vague)
    picked = table.take(pa.array(rows, pa.int64())).to_pylist() if len(rows) else []
    claims: list[Claim] = []
    errors: list[LoadError] = []
    kept: list[int] = []
    for place, (row, values) in enumerate(zip((rows + offset).tolist(), picked, strict=True)):
        try:
            claim, warnings = claim_from_json(claim_object(values), ruleset, settings)
        except LoadProblem as problem:
            errors.append(LoadError(name, f"row {row + 1}: {problem}"))
            continue
        claims.append(claim)
        kept.append(place)
        errors.extend(LoadError(name, f"row {row + 1}: {w}", severity="warning") for w in warnings)
    return claims, errors, np.array(kept, dtype=np.int64)


def _assemble(
    raw: _Raw, ruleset: RuleSet, plain: Mask, keep: Mask, slow: Ints, claims: list[Claim]
) -> tuple[dict[str, Any], dict[int, Interval]]:
    """The columns of the kept rows (plain rows from the columns, the others from their
    claims; ``slow``: their rows), and the intervals past 64 bits by kept row."""
    texts = _texts(raw, ruleset, plain)
    numbers = _numbers(raw)
    made = ClaimColumns.from_claims(claims)
    for name in TEXTS:
        texts[name] = _overwrite(texts[name], slow, getattr(made, name))
    for name in NUMBERS:
        numbers[name][slow] = getattr(made, name)
    place = np.cumsum(keep) - 1
    wide = {int(place[slow[row]]): interval for row, interval in made.wide.items()}
    every = bool(keep.all())
    part: dict[str, Any] = {
        n: c if every else Coded(c.codes[keep], c.values) for n, c in texts.items()
    }
    part.update({n: a if every else a[keep] for n, a in numbers.items()})
    return part, wide


def _overwrite(column: Coded, rows: Ints, given: Coded) -> Coded:
    """``column`` with ``rows`` set to ``given``'s texts (its values added as needed)."""
    if not len(rows):
        return column
    values = {v: i for i, v in enumerate(column.values)}
    remap = np.array([values.setdefault(v, len(values)) for v in given.values] + [-1])
    codes = column.codes.copy()
    codes[rows] = remap[given.codes]
    return Coded(codes, tuple(values))


def _texts(raw: _Raw, ruleset: RuleSet, plain: Mask) -> dict[str, Coded]:
    """The text columns as the claims have them: units the measures', no empty file or
    origin, a missing subject the measure's, a missing source the document's stem."""
    texts = {name: raw.text(name) for name in TEXTS}
    measure = texts["measure"]
    units = tuple(dict.fromkeys(ruleset.unit_of(m) for m in ruleset.measures))
    unit_of = [
        units.index(ruleset.unit_of(m)) if m in ruleset.measures else -1 for m in measure.values
    ]
    texts["unit"] = Coded(np.array([*unit_of, -1], dtype=np.int32)[measure.codes], units)
    for name in ("file", "origin", "part", "place"):
        texts[name] = _nulled(texts[name])
    subjects = [
        ruleset.measures[m].subject if m in ruleset.measures else None for m in measure.values
    ]
    texts["subject"] = _filled_from(texts["subject"], measure, subjects)
    document = texts["document"]
    source = texts["source"]
    missing = np.unique(document.codes[plain & ~_filled(source)])
    stems: list[str | None] = [None] * len(document.values)
    for code in missing.tolist():
        stems[code] = _default_source(document.values[code])
    texts["source"] = _filled_from(source, document, stems)
    return texts


def _nulled(column: Coded) -> Coded:
    """Empty texts as nulls."""
    drop = np.array(
        [-1 if not v else i for i, v in enumerate(column.values)] + [-1], dtype=np.int32
    )
    return Coded(drop[column.codes], column.values)


def _filled_from(column: Coded, key: Coded, defaults: list[str | None]) -> Coded:
    """``column``, its empty or null rows given ``defaults`` at their ``key``'s code."""
    values = {v: i for i, v in enumerate(column.values)}
    default = [-1 if d is None else values.setdefault(d, len(values)) for d in defaults]
    codes = np.where(
        _filled(column), column.codes, np.array([*default, -1], dtype=np.int32)[key.codes]
    )
    return Coded(codes.astype(np.int32), tuple(values))


def _numbers(raw: _Raw) -> dict[str, Any]:
    """The number columns of every row (those of rows read row by row are overwritten)."""
    found: dict[str, Any] = {}
    for end in ("low", "high"):
        (num, num_null), (den, den_null) = (
            raw.ints(f"{end}_numerator"),
            raw.ints(f"{end}_denominator"),
        )
        unbounded = num_null & den_null
        num, den = _lowest(np.where(unbounded, 0, num), np.where(unbounded, 1, den))
        infinite = -np.inf if end == "low" else np.inf
        with np.errstate(divide="ignore", invalid="ignore"):
            found[end] = np.where(unbounded, infinite, num / np.where(den > 0, den, 1))
        found[f"{end}_num"], found[f"{end}_den"] = num, den
        found[f"{end}_unbounded"] = unbounded
        found[f"{end}_closed"] = raw.flag(f"{end}_inclusive") & ~unbounded
    for day in ("date", "as_of_start", "as_of_end"):
        found[day] = raw.days(day)
    first, last = found["as_of_start"], found["as_of_end"]
    found["as_of_start"] = np.where(last == NO_DAY, NO_DAY, first).astype(np.int32)
    for place in ("start", "end", "line", "column"):
        values, nulls = raw.ints(place)
        found[place] = np.where(nulls, NO_INT, values)
    return found
