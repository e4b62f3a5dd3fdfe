"""Parquet straight to columns: the same claims, in the same rows, and the same problems as
``load.parquet`` reading records and ``ClaimColumns.from_claims`` making columns of them."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.columns import texts
from crosscheck.columns.table import ClaimColumns
from crosscheck.interval import Interval
from crosscheck.load import parquet_columns
from crosscheck.load.errors import LoadError
from crosscheck.load.parquet import CLAIMS_SCHEMA, claims_from_table, read_parquet_claims
from crosscheck.load.parquet_columns import columns_from_table, read_parquet_columns
from crosscheck.load.rules import load_rules
from crosscheck.model import AsOf, Claim
from crosscheck.report.parquet import claims_table
from crosscheck.testing import claim_sets

ROOT = Path(__file__).resolve().parents[2]
RULES = load_rules(ROOT / "rules")

_ENDS = st.one_of(
    st.integers(0, 10**6).map(Fraction),
    st.fractions(min_value=0, max_value=10**6, max_denominator=10**9),
    st.integers(2**63, 2**70).map(lambda n: Fraction(n, 3)),
)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    low, high = draw(_ENDS), draw(st.none() | _ENDS)
    if high is not None and low > high:
        low, high = high, low
    point = low == high
    closed = (True, True) if point else (draw(st.booleans()), draw(st.booleans()))
    return Interval(low, high, *closed)


def rows_of(table: ClaimColumns) -> list[Claim]:
    return [table.claim(row) for row in range(len(table))]


def both(
    path: Path,
) -> tuple[tuple[list[Claim], list[LoadError]], tuple[list[Claim], list[LoadError]]]:
    """(records, problems) read by records, then by columns (made back into records)."""
    claims, errors = read_parquet_claims(path, RULES)
    table, problems = read_parquet_columns(path, RULES)
    assert table.rank.tolist() == ClaimColumns.from_claims(claims).rank.tolist()
    return (claims, errors), (rows_of(table), problems)


@given(claim_sets(RULES, values=intervals(), max_size=12, repeats=True), st.integers(1, 3))
def test_claims_as_load_parquet_reads_them(claims: list[Claim], groups: int) -> None:
    data = pa.BufferOutputStream()
    pq.write_table(claims_table(claims), data, row_group_size=max(1, len(claims) // groups))
    table = pq.read_table(pa.BufferReader(data.getvalue()), read_dictionary=["measure", "document"])
    records, errors = claims_from_table(table, RULES, "c.parquet")
    columns, problems = columns_from_table(table, RULES, "c.parquet")
    assert (rows_of(columns), problems) == (records, errors) == (claims, [])


def _row(**changes: Any) -> dict[str, Any]:
    row: dict[str, Any] = {name: None for name in CLAIMS_SCHEMA.names}
    row.update(
        measure="killed", subject="nk_troops", low_numerator=100, low_denominator=1,
        high_numerator=400, high_denominator=3, unit="item", stated="about 100",
        document="a.txt", source="Outlet", date=dt.date(2024, 12, 23), start=5, end=9,
        line=2, column=3, sentence="About 100 were killed.",
    )  # fmt: skip
    row.update(changes)
    return row


BAD_AND_ODD = [
    _row(),
    _row(measure="kiled"),
    _row(measure=None),
    _row(unit="thousand"),
    _row(
        measure="launcher_caliber",
        unit="cm",
        low_numerator=24,
        high_numerator=30,
        high_denominator=1,
    ),
    _row(low_numerator=-5),
    _row(low_numerator=None, low_denominator=None),
    _row(high_numerator=None, high_denominator=None),
    _row(low_numerator=300, low_denominator=1),
    _row(low_denominator=0),
    _row(high_denominator=None),
    _row(
        low_numerator=7,
        low_denominator=1,
        high_numerator=14,
        high_denominator=2,
        high_inclusive=False,
    ),
    _row(low_numerator=7, low_denominator=1, high_numerator=14, high_denominator=2),
    _row(low_numerator=2**60, low_denominator=3, high_numerator=None, high_denominator=None),
    _row(low_exact=f"{2**70}/3", high_numerator=None, high_denominator=None),
    _row(high_exact="1/0"),
    _row(document=""),
    _row(start=10, end=4),
    _row(start=-1),
    _row(line=0),
    _row(origin="cia"),
    _row(origin="nis", attribution="the spy agency"),
    _row(origin="", file=""),
    _row(as_of_start=dt.date(2024, 12, 20), as_of_end=dt.date(2024, 12, 10)),
    _row(as_of_start=None, as_of_end=dt.date(2024, 12, 10)),
    _row(as_of_start=dt.date(2024, 12, 1), as_of_end=None),
    _row(stated=""),
    _row(source=None, document="batch.jsonl:17"),
    _row(source="", document="dir/story.txt"),
    _row(subject=""),
    _row(subject="someone else", hedge="about", url="http://x", low_inclusive=False),
    _row(date=None, sentence=""),
]


def test_bad_and_odd_rows_as_load_parquet_reads_them(tmp_path: Path) -> None:
    path = tmp_path / "c.parquet"
    pq.write_table(pa.Table.from_pylist(BAD_AND_ODD, schema=CLAIMS_SCHEMA), path)
    by_records, by_columns = both(path)
    assert by_columns == by_records
    claims, errors = by_records
    assert len(claims) > 15 and len([e for e in errors if e.severity == "error"]) > 10


def test_a_folder_of_files_and_a_column_of_another_type(tmp_path: Path) -> None:
    pq.write_table(
        pa.Table.from_pylist(BAD_AND_ODD[:8], schema=CLAIMS_SCHEMA), tmp_path / "a.parquet"
    )
    pq.write_table(
        pa.Table.from_pylist(BAD_AND_ODD[8:], schema=CLAIMS_SCHEMA), tmp_path / "b.parquet"
    )
    odd = pa.Table.from_pylist(BAD_AND_ODD[:4], schema=CLAIMS_SCHEMA)
    odd = odd.set_column(
        odd.schema.get_field_index("line"), "line", pa.array(["2", None, "x", "4"])
    )
    pq.write_table(odd, tmp_path / "c.parquet")
    by_records, by_columns = both(tmp_path)
    assert by_columns == by_records
    assert any("`line` must be a whole number" in e.message for e in by_records[1])


def test_missing_column_empty_folder_and_not_parquet(tmp_path: Path) -> None:
    path = tmp_path / "c.parquet"
    pq.write_table(pa.table({"measure": ["killed"]}), path)
    assert both(path)[0] == both(path)[1]
    (tmp_path / "empty").mkdir()
    assert both(tmp_path / "empty")[1][1][0].message == "the folder holds no .parquet file"
    path.write_text("not parquet")
    records, columns = both(path)
    assert records[0] == columns[0] == []
    assert columns[1][0].path == records[1][0].path
    assert columns[1][0].message.startswith("not a Parquet file crosscheck can read: ")


def test_as_of_and_wide_rows_keep_their_place() -> None:
    claims = [
        Claim(measure="killed", interval=Interval(Fraction(2**70, 3), None), unit="item",
              stated="x", document="b.txt", source="s", subject="nk_troops"),
        Claim(measure="killed", interval=Interval.point(5), unit="item", stated="5",
              document="a.txt", source="s", subject="nk_troops", date=dt.date(2024, 1, 3),
              as_of=AsOf(start=None, end=dt.date(2024, 1, 2))),
    ]  # fmt: skip
    table, problems = columns_from_table(claims_table(claims), RULES, "c.parquet")
    assert problems == [] and rows_of(table) == claims and table.wide == {0: claims[0].interval}


def test_rows_in_claim_order_rank_as_the_context_ranks_them() -> None:
    """A table already in claim order is ranked without a sort; one whose rows differ only
    at a late key (the stated text) out of order is sorted."""
    from crosscheck.evaluate.context import _ranks

    def at(document: str, start: int, stated: str) -> Claim:
        return Claim(measure="killed", interval=Interval.point(1), unit="item", stated=stated,
                     document=document, source="s", start=start)  # fmt: skip

    ordered = [at("a", 0, "x"), at("a", 0, "x"), at("a", 0, "y"), at("a", 5, "a"), at("b", 0, "a")]
    swapped = [ordered[2], ordered[0], ordered[1], ordered[3], ordered[4]]
    for claims in (ordered, swapped):
        ranks, _ = _ranks(claims)
        got = ClaimColumns.from_claims(claims).rank.tolist()
        assert got == [ranks[id(c)] for c in claims]


def test_a_column_null_in_some_batches_or_all(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read two rows at a time: a text column null in the first batches and set in a later
    one keeps its nulls and its texts; one null in every row is null in every row."""
    monkeypatch.setattr(parquet_columns, "_BATCH", 2)
    rows = [_row(), _row(), _row(), _row(origin="nis", attribution="the spy agency"), _row()]
    table = pa.Table.from_pylist(rows, schema=CLAIMS_SCHEMA)
    columns, problems = columns_from_table(table, RULES, "c.parquet")
    records, errors = claims_from_table(table, RULES, "c.parquet")
    assert (rows_of(columns), problems) == (records, errors)
    assert [columns.origin.at(i) for i in range(5)] == [None, None, None, "nis", None]
    assert columns.hedge.codes.tolist() == [-1] * 5 and columns.hedge.values == ()


def test_many_distinct_texts_kept_as_arrow_strings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past ``texts.MANY`` distinct values (here: from one) a column keeps them as Arrow
    strings: the same claims, ranks and problems, every text read back as it was."""
    monkeypatch.setattr(texts, "MANY", 0)
    rows = [*BAD_AND_ODD, *(_row(document=f"é{n}/ä.txt", stated=f"{n}") for n in (10, 9, 1))]
    path = tmp_path / "c.parquet"
    pq.write_table(pa.Table.from_pylist(rows, schema=CLAIMS_SCHEMA), path, row_group_size=7)
    by_records, by_columns = both(path)
    assert by_columns == by_records
    table, _ = read_parquet_columns(path, RULES)
    assert isinstance(table.document.values, texts.Texts)
