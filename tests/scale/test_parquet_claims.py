"""Claims in Parquet: a round trip gives identical claims, ends exact; bad rows are named."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claim_factory import make_claim
from crosscheck.cli.main import main
from crosscheck.interval import Interval
from crosscheck.load.parquet import claims_from_table, read_parquet_claims
from crosscheck.load.rules import load_rules
from crosscheck.model import AsOf
from crosscheck.report.parquet import claim_row, claims_table, render_parquet
from crosscheck.testing import claim_sets

ROOT = Path(__file__).resolve().parents[2]
RULES = load_rules(ROOT / "rules")
_SUBJECT = RULES.measures["killed"].subject

# Exact ends of every kind: whole, thirds (no decimal or float holds them), past 64 bits.
_ENDS = st.one_of(
    st.integers(0, 10**6).map(Fraction),
    st.fractions(min_value=0, max_value=10**6, max_denominator=10**9),
    st.integers(2**63, 2**70).map(lambda n: Fraction(n, 3)),
)


@st.composite
def _intervals(draw: st.DrawFn) -> Interval:
    low = draw(_ENDS)  # amounts are never below 0: a low end is always known (formats.md)
    high = draw(st.none() | _ENDS)
    if low is not None and high is not None and low > high:
        low, high = high, low
    point = low is not None and low == high
    closed = (True, True) if point else (draw(st.booleans()), draw(st.booleans()))
    return Interval(low, high, *closed)


@settings(max_examples=40)
@given(claim_sets(RULES, values=_intervals(), max_size=12, repeats=True))
def test_round_trip_through_parquet_gives_identical_claims(claims: list) -> None:
    data = render_parquet(claims)
    back, errors = claims_from_table(pq.read_table(pa.BufferReader(data)), RULES, "c.parquet")
    assert errors == []
    assert back == claims


def test_unbounded_and_open_ends_and_thirds_survive(tmp_path: Path) -> None:
    odd = Interval(Fraction(1, 3), None, False, False)
    big = Interval(Fraction(2**64 + 1, 7), Fraction(2**65, 7), True, False)
    claims = [
        make_claim("killed", odd, subject=_SUBJECT, unit="item"),
        make_claim("killed", big, subject=_SUBJECT, unit="item", date="2024-12-23",
                   as_of=AsOf(start=None, end=dt.date(2024, 12, 20))),
    ]  # fmt: skip
    row = claim_row(claims[1])
    assert row["low_numerator"] is None and row["low_exact"] == f"{2**64 + 1}/7"
    assert claim_row(claims[0])["high_numerator"] is None  # unbounded: all three null
    path = tmp_path / "c.parquet"
    pq.write_table(claims_table(claims), path)
    back, errors = read_parquet_claims(path, RULES)
    assert errors == [] and back == claims


def test_bad_rows_are_named_and_left_out(tmp_path: Path) -> None:
    table = claims_table([make_claim("killed", unit="item", subject=_SUBJECT)] * 3)
    rows = table.to_pylist()
    rows[1]["measure"] = "kiled"
    rows[2]["low_denominator"] = 0
    path = tmp_path / "c.parquet"
    pq.write_table(pa.Table.from_pylist(rows, schema=table.schema), path)
    claims, errors = read_parquet_claims(path, RULES)
    assert len(claims) == 1
    shown = [e.render() for e in errors]
    assert shown[0].startswith(f"{path.as_posix()}: error: row 2: unknown `measure` 'kiled'")
    assert "did you mean 'killed'" in shown[0]
    assert shown[1].startswith(f"{path.as_posix()}: error: row 3: `low_numerator` 100 /")


def test_missing_column_and_not_parquet(tmp_path: Path) -> None:
    path = tmp_path / "c.parquet"
    pq.write_table(pa.table({"measure": ["killed"]}), path)
    _, errors = read_parquet_claims(path, RULES)
    assert "missing column `low_numerator`" in errors[0].message
    path.write_text("not parquet")
    _, errors = read_parquet_claims(path, RULES)
    assert errors[0].message.startswith("not a Parquet file")


def test_cli_extract_parquet_then_check_matches_the_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "claims.parquet"
    rules, corpus = str(ROOT / "rules"), str(ROOT / "corpus")
    assert main(["extract", corpus, "--rules", rules, "--format", "parquet", "-o", str(out),
                 "--no-cache"]) == 0  # fmt: skip
    capsys.readouterr()
    folder = tmp_path / "parts"
    folder.mkdir()
    (folder / "part-0.parquet").write_bytes(out.read_bytes())
    reports = []
    for args in (["--claims", str(out)], ["--claims", str(folder)], [corpus]):
        code = main(["check", *args, "--rules", rules, "--format", "json", "--no-cache"])
        reports.append((code, capsys.readouterr().out))
    assert reports[0] == reports[1] == reports[2]
    assert reports[0][0] == 1


def test_cli_parquet_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["extract", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"),
                 "--format", "parquet", "--no-cache"])  # fmt: skip
    assert code == 2
    assert "give -o FILE.parquet" in capsys.readouterr().err


def test_without_pyarrow_parquet_is_a_hint_to_install_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # An import of a module set to None in sys.modules fails, as with pyarrow missing.
    monkeypatch.setitem(sys.modules, "crosscheck.report.parquet", None)
    monkeypatch.setitem(sys.modules, "crosscheck.load.parquet", None)
    monkeypatch.setitem(sys.modules, "crosscheck.load.parquet_columns", None)
    rules, out = str(ROOT / "rules"), str(tmp_path / "c.parquet")
    code = main(["extract", str(ROOT / "corpus"), "--rules", rules, "--format", "parquet",
                 "-o", out, "--no-cache"])  # fmt: skip
    assert code == 2
    assert "pip install 'crosscheck-news[scale]'" in capsys.readouterr().err
    (tmp_path / "c.parquet").write_bytes(b"")
    assert main(["check", "--claims", out, "--rules", rules, "--no-cache"]) == 3
    assert "reading Parquet needs pyarrow: pip install" in capsys.readouterr().err


def test_a_plain_check_imports_no_part_of_the_engine() -> None:
    # pint imports dask itself when it is installed (pint.compat); crosscheck does not.
    script = (
        "import sys\n"
        "from crosscheck.cli.main import main\n"
        f"main(['check', {str(ROOT / 'corpus')!r}, '--rules', {str(ROOT / 'rules')!r},"
        " '--no-cache', '-q'])\n"
        "engine = ('pyarrow', 'pandas', 'distributed', 'crosscheck.scale')\n"
        "print(sorted(m for m in engine if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr
