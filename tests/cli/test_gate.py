"""crosscheck as a CI gate: baselines, the claim cache, parallel runs, error paths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosscheck.cli.main import main

NEW_ARTICLE = """\
---
source: Quarry Gazette
date: 2024-12-24
---
Analysts told the paper that roughly 300 North Korean soldiers have been killed so far.
"""


def violations(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict]]:  # type: ignore[type-arg]
    code = main(["check", "--format", "json", "--no-cache", *args])
    return code, json.loads(capsys.readouterr().out)["violations"]


def test_baseline_round_trip(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--no-cache", "--write-baseline", "baseline.json"]) == 0
    capsys.readouterr()
    code, found = violations(capsys, "--baseline", "baseline.json")
    assert (code, found) == (0, [])

    (workspace / "corpus" / "2024-12-24_quarry.md").write_text(NEW_ARTICLE, encoding="utf-8")
    code, found = violations(capsys, "--baseline", "baseline.json")
    assert code == 1
    assert found, "the new article's contradiction is reported"
    for violation in found:
        assert any(c["source"] == "Quarry Gazette" for c in violation["claims"])


def test_baseline_survives_unrelated_edit(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--no-cache", "--write-baseline", "baseline.json"]) == 0
    article = workspace / "corpus" / "2024-12-23_newsweek_more-troops.md"
    text = article.read_text(encoding="utf-8")
    head, sep, body = text.partition("\n---\n")
    article.write_text(
        head + sep + "An editor's note was added above the story today.\n\n" + body,
        encoding="utf-8",
    )
    capsys.readouterr()
    code, found = violations(capsys, "--baseline", "baseline.json")
    assert (code, found) == (0, [])


def test_corrupt_baseline_exits_3(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workspace / "baseline.json").write_text("{not json", encoding="utf-8")
    assert main(["check", "--no-cache", "--baseline", "baseline.json"]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "baseline.json" in err[0] and "--write-baseline" in err[0]


def test_unwritable_output_exits_2_and_keeps_files(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--no-cache", "-o", "missing/dir/report.txt"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot write missing/dir/report.txt" in err[0]


def test_output_file_replaced_only_on_success(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--no-cache", "-o", "report.txt"]) == 1
    assert "violation" in (workspace / "report.txt").read_text(encoding="utf-8")
    assert capsys.readouterr().out == ""


def test_cache_gives_same_output_and_survives_damage(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--format", "json", "-j", "1"]) == 1
    first = capsys.readouterr().out
    assert (workspace / ".crosscheck" / "claims.sqlite").exists()
    assert main(["check", "--format", "json", "-j", "1"]) == 1
    assert capsys.readouterr().out == first
    (workspace / ".crosscheck" / "claims.sqlite").write_bytes(b"this is not a database" * 50)
    assert main(["check", "--format", "json", "-j", "1"]) == 1
    captured = capsys.readouterr()
    assert captured.out == first
    assert "damaged cache" in captured.err


def test_parallel_jobs_match_serial(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "json", "--no-cache", "-j", "1"]) == 1
    serial = capsys.readouterr().out
    assert main(["check", "--format", "json", "--no-cache", "-j", "2"]) == 1
    assert capsys.readouterr().out == serial
