"""`crosscheck check --cite`, `--pairs` and `--statistics` on the sample corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosscheck.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["check", "--no-cache", *args]) == 1
    return capsys.readouterr().out


def test_statistics_end_the_text_with_a_row_per_rule(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = run(capsys)
    with_table = run(capsys, "--statistics")
    assert with_table.startswith(plain)
    table = with_table[len(plain) :].splitlines()
    assert table[1].split() == [
        "rule", "findings", "pairs", "outlier", "split", "breaks", "drop", "bound", "skipped"
    ]  # fmt: skip
    rows = {line.split()[0]: line.split()[1:] for line in table[2:]}
    assert "troop_estimates_agree" in rows and rows["troop_estimates_agree"][:2] == ["0", "0"]
    findings, pairs = (int(n) for n in rows["total"][:2])
    assert f"{findings} findings" in plain and f"from {pairs} pairwise violations" in plain


def test_pairs_lists_each_pairwise_violation_under_its_finding(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = json.loads(run(capsys, "--format", "json", "--pairs"))
    for finding in report["findings"]:
        assert len(finding["violations"]) == finding["pairs"] >= 1
        odd = {(c["document"], c["start"]) for c in finding["cited"][0]["claims"]}
        for pair in finding["violations"]:  # each pair holds a claim of the odd reading
            assert odd & {(c["document"], c["start"]) for c in pair["claims"]}
    text = run(capsys, "--pairs")
    assert text.count("covers ") == len(report["findings"])
    plain = json.loads(run(capsys, "--format", "json"))
    assert all("violations" not in f for f in plain["findings"])


def test_cite_limits_the_claims_cited_in_full(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = json.loads(run(capsys, "--format", "json", "--cite", "1"))
    groups = [g for f in report["findings"] for g in f["cited"]]
    assert all(len(g["claims"]) == min(1, g["total"]) for g in groups)
    assert any(g["total"] > 1 for g in groups)  # the spy agency's figure, in three outlets
    text = run(capsys, "--cite", "1")
    assert "… and 2 more" in text
