"""crosscheck as a CI gate: baselines, the claim cache, parallel runs, error paths."""

from __future__ import annotations

import hashlib
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


def findings(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict]]:  # type: ignore[type-arg]
    code = main(["check", "--format", "json", "--no-cache", *args])
    return code, json.loads(capsys.readouterr().out)["findings"]


def cited(finding: dict) -> list[dict]:  # type: ignore[type-arg]
    """Every claim a JSON finding cites."""
    return [claim for group in finding["cited"] for claim in group["claims"]]


def test_baseline_round_trip(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--no-cache", "--write-baseline", "baseline.json"]) == 0
    capsys.readouterr()
    code, found = findings(capsys, "--baseline", "baseline.json")
    assert (code, found) == (0, [])

    (workspace / "corpus" / "2024-12-24_quarry.md").write_text(NEW_ARTICLE, encoding="utf-8")
    code, found = findings(capsys, "--baseline", "baseline.json")
    assert code == 1
    assert found, "the new article's contradiction is reported"
    for finding in found:  # the new article's figure is the odd one out
        assert finding["cited"][0]["claims"][0]["source"] == "Quarry Gazette"


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
    code, found = findings(capsys, "--baseline", "baseline.json")
    assert (code, found) == (0, [])


def test_a_baseline_of_pairwise_violations_is_still_read(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A version 1 baseline (before findings) accepts a finding whose every pair it lists."""
    code, found = findings(capsys, "--pairs")
    assert code == 1 and found
    pairs = [pair for finding in found for pair in finding["violations"]]
    entries = [{"fingerprint": old_fingerprint(p), "rule": p["rule"], "summary": ""} for p in pairs]
    old = {"crosscheck_baseline": 1, "violations": entries}
    (workspace / "old.json").write_text(json.dumps(old), encoding="utf-8")
    assert findings(capsys, "--baseline", "old.json") == (0, [])
    old["violations"] = entries[1:]  # one pair not accepted: its finding is reported again
    (workspace / "old.json").write_text(json.dumps(old), encoding="utf-8")
    code, again = findings(capsys, "--baseline", "old.json")
    assert code == 1 and len(again) == 1 and "violations" not in again[0]


def old_fingerprint(pair: dict) -> str:  # type: ignore[type-arg]
    """What a version 1 baseline recorded for a pairwise violation: its rule and each
    claim's document, measure, stated text and sentence."""
    claims = sorted(
        [c["document"], c["measure"], c["stated"], " ".join((c["sentence"] or "").split())]
        for c in pair["claims"]
    )
    blob = json.dumps([pair["rule"], claims], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


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
