"""`crosscheck check --claims`: the seed claims as JSON lines, exact output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosscheck.cli.main import main

DATA = Path(__file__).parent / "data"
ARGS = ["check", "--claims", str(DATA / "seed_claims.jsonl"), "--rules", str(DATA / "seed.rules")]

EXPECTED_TEXT = """\
seeds/004_aeb2d37509f435e0.txt:7: error[death_tolls_agree] killed: around 100 (Cnews Live) vs approximately 1,100 (Newsweek) — no common value within 50%
  killed [90, 110] (Cnews Live, 2024-12-23) vs killed [990, 1,210] (Newsweek, 2024-12-23): no pair of values within 50%
  odd one out (1 claim):
    Cnews Live, 2024-12-23: "around 100" → [90, 110] at seeds/004_aeb2d37509f435e0.txt:7
  against 1 claim, nearest first:
    Newsweek, 2024-12-23: "approximately 1,100" → [990, 1,210] at seeds/002_a4a6953c27755642.txt:2
  covers 1 pairwise violation

death_tolls_agree: 1 finding (1 pairwise violation)
1 finding (1 error) from 1 pairwise violation in 5 documents, 19 claims, 6 rules
"""  # noqa: E501


def test_seed_claims_text_output_is_exact(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(ARGS) == 1
    assert capsys.readouterr().out == EXPECTED_TEXT


def test_seed_claims_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*ARGS, "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert (data["claims"], data["documents"], data["rules"]) == (19, 5, 6)
    [finding] = data["findings"]
    assert (finding["rule"], finding["severity"], finding["kind"]) == (
        "death_tolls_agree",
        "error",
        "outlier",
    )
    assert (finding["pairs"], data["summary"]["pairwise_violations"]) == (1, 1)
    cited = [
        [(c["source"], c["stated"], c["low"], c["high"]) for c in group["claims"]]
        for group in finding["cited"]
    ]
    assert cited == [
        [("Cnews Live", "around 100", 90, 110)],
        [("Newsweek", "approximately 1,100", 990, 1210)],
    ]
    assert [group["role"] for group in finding["cited"]] == ["odd", "against"]
    expected_keys = {
        "measure",
        "subject",
        "low",
        "high",
        "unit",
        "stated",
        "document",
        "source",
        "date",
        "start",
        "end",
        "line",
        "column",
        "sentence",
    }
    assert expected_keys <= set(finding["cited"][0]["claims"][0])


def test_troop_estimates_stay_silent(capsys: pytest.CaptureFixture[str]) -> None:
    main([*ARGS, "--format", "json"])
    rules = {f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert "troop_estimates_agree" not in rules


@pytest.mark.parametrize(("fail_on", "code"), [("error", 1), ("warning", 1), ("never", 0)])
def test_fail_on_sets_exit_code(fail_on: str, code: int) -> None:
    assert main([*ARGS, "--fail-on", fail_on, "--format", "json"]) == code


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("crosscheck, version ")


def test_unreadable_claims_file_exits_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "claims.jsonl"
    bad.write_bytes(b'{"measure": "killed", "low": 1, "high": \xff}\n')
    assert main(["check", "--claims", str(bad), "--rules", str(DATA / "seed.rules")]) == 3
    err = capsys.readouterr().err
    assert str(bad) in err
    assert "Traceback" not in err


def test_malformed_rule_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = tmp_path / "bad.rules"
    rules.write_text("measure killed: count\nrule r: kiled >= 0\n", encoding="utf-8")
    assert main(["check", "--claims", str(DATA / "seed_claims.jsonl"), "--rules", str(rules)]) == 2
    err = capsys.readouterr().err
    assert f"{rules}:2:9:" in err
    assert "killed" in err
    assert "Traceback" not in err


def test_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*ARGS, "--format", "yaml"]) == 2
    assert "yaml" in capsys.readouterr().err


def test_a_warning_is_printed_but_does_not_make_the_input_unreadable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = (DATA / "seed_claims.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first["reporter"] = "desk"  # an unknown key: ignored, with a warning
    claims = tmp_path / "claims.jsonl"
    claims.write_text("\n".join([json.dumps(first), *lines[1:]]) + "\n", encoding="utf-8")
    args = ["check", "--claims", str(claims), "--rules", str(DATA / "seed.rules"), "--no-cache"]
    assert main(args) == 1
    assert "warning: unknown key 'reporter' ignored" in capsys.readouterr().err
    claims.write_text(claims.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    assert main(args) == 3
    assert main([*args, "--write-baseline", str(tmp_path / "baseline.json")]) == 3
    assert (tmp_path / "baseline.json").exists()
