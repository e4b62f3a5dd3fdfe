"""Every malformed rule file of tests/dsl makes `crosscheck check` exit 2 at file:line:column."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from crosscheck.cli.main import main

DSL = Path(__file__).resolve().parents[1] / "dsl"
CLAIMS = Path(__file__).parent / "data" / "seed_claims.jsonl"
CASES: list[dict[str, Any]] = yaml.safe_load((DSL / "malformed.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_malformed_rule_file_exits_2(
    case: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path = DSL / "malformed" / case["file"]
    where = DSL / "malformed" / case.get("in", case["file"])
    assert main(["check", "--claims", str(CLAIMS), "--rules", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{where}:{case['line']}:{case['column']}: error:" in err
    assert "Traceback" not in err


def test_no_traceback_from_a_real_process(tmp_path: Path) -> None:
    rules = tmp_path / "r.rules"
    rules.write_text('measure m: count\nrule r: m agree within "x"\n', encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "crosscheck",
            "check",
            "--claims",
            str(CLAIMS),
            "--rules",
            str(rules),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert f"{rules}:2:" in done.stderr
    assert "Traceback" not in done.stderr
