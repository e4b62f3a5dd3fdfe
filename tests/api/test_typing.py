"""Code that uses the Python API type-checks under mypy --strict, and misuse is caught:
the public names are typed (py.typed), not Any."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
USER_SCRIPT = """
import datetime as dt
import warnings

import crosscheck

rules: crosscheck.RuleSet = crosscheck.load_rules("rules")
claims: list[crosscheck.Claim] = crosscheck.extract(["corpus"], rules=rules, jobs=2)
doc = crosscheck.Document(path="a.txt", text="x", source="S", date=dt.date(2031, 5, 4))
try:
    report: crosscheck.Report = crosscheck.check(
        ["corpus", doc], rules=rules, baseline="base.json", today=dt.date(2031, 5, 4)
    )
except (crosscheck.RuleFileError, crosscheck.InputError, crosscheck.BaselineError) as err:
    raise SystemExit(str(err)) from None
for finding in report.findings:
    odd: tuple[crosscheck.Claim, ...] = finding.odd
    level: crosscheck.Severity = finding.severity
    kind: crosscheck.FindingKind = finding.kind
    groups: tuple[crosscheck.Cited, ...] = finding.cited
warnings.simplefilter("error", crosscheck.InputWarning)
"""
MISUSE = """
import crosscheck

count: int = crosscheck.extract("corpus", rules="rules")
crosscheck.check("corpus")
crosscheck.check("corpus", rules="rules", today="2031-05-04")
"""


def test_a_user_script_type_checks_and_misuse_is_caught(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    (tmp_path / "user.py").write_text(USER_SCRIPT, encoding="utf-8")
    (tmp_path / "misuse.py").write_text(MISUSE, encoding="utf-8")
    env = {**os.environ, "MYPYPATH": str(ROOT / "engine")}
    argv = [sys.executable, "-m", "mypy", "--strict", "--no-error-summary"]
    argv += ["--cache-dir", str(tmp_path / "cache"), "--config-file", os.devnull]
    done = subprocess.run(
        [*argv, "user.py", "misuse.py"], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    errors = [line for line in done.stdout.splitlines() if ": error: " in line]
    assert not [line for line in errors if line.startswith("user.py")], done.stdout
    assert [line.split(":")[1] for line in errors] == ["4", "5", "6"], done.stdout
    assert "list[Claim]" in errors[0]
    assert 'Missing named argument "rules"' in errors[1]
    assert 'Argument "today" to "check" has incompatible type "str"' in errors[2]
