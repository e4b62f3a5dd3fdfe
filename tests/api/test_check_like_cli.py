"""crosscheck.check() reports what `crosscheck check --format json` reports: the same
findings, with the rule file's waivers and a baseline applied the same way."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import crosscheck
from crosscheck.cli.main import main
from crosscheck.report import RenderContext
from crosscheck.report.json_report import render

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2025, 2, 1)
# Two findings of the sample corpus waived by the odd figure they cite, one waiver past
# its day (reported, waives nothing) and one that matches nothing.
WAIVERS = """
waive casualty_counts_agree stated "some 3,000" reason "Kyiv counts differently"
waive death_tolls_agree document "*cnews-live*" reason "checked by hand"
waive one_caliber reason "nothing to waive" until 2025-01-01
waive parts_add_up stated "nothing like this" reason "matches nothing"
"""


@pytest.fixture
def waived(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the sample corpus and rules, the rules with waivers, as the working folder."""
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    shutil.copytree(ROOT / "rules", tmp_path / "rules", ignore=shutil.ignore_patterns("tests"))
    with (tmp_path / "rules" / "nk_deployment.rules").open("a", encoding="utf-8") as rules:
        rules.write(WAIVERS)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def cli_json(*options: str) -> dict[str, Any]:
    """The JSON report of `crosscheck check corpus --rules rules` with ``options``."""
    out = Path("cli-report.json")
    argv = ["check", "corpus", "--rules", "rules", "--format", "json", "-o", str(out)]
    main([*argv, "--no-cache", *options], today=TODAY)
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    out.unlink()
    return report


def as_json(report: crosscheck.Report) -> dict[str, Any]:
    """The API's report as the JSON reporter writes it."""
    parsed: dict[str, Any] = json.loads(render(report, RenderContext()))
    return parsed


def test_check_gives_the_findings_the_command_line_gives(waived: Path) -> None:
    report = crosscheck.check(["corpus"], rules="rules", today=TODAY)
    expected = cli_json()
    assert expected["summary"]["findings"] == 2  # 4 before the two waivers
    assert as_json(report) == expected
    assert report.waived == 2
    assert len(report.unused_waivers) == 2


def test_check_applies_a_baseline_as_the_command_line_does(waived: Path) -> None:
    main(["check", "corpus", "--rules", "rules", "--no-cache", "--write-baseline", "base.json"])
    # A waiver added after the baseline was written: waivers apply first.
    with Path("rules/nk_deployment.rules").open("a", encoding="utf-8") as rules:
        rules.write('waive deaths_within_casualties reason "later"\n')
    report = crosscheck.check("corpus", rules="rules", baseline="base.json", today=TODAY)
    assert as_json(report) == cli_json("--baseline", "base.json")
    assert report.findings == ()
    # Three waivers and one baseline entry accept; the baseline's other entry is unused.
    assert report.waived == 4
    assert any(
        note.startswith("baseline entry for deaths_within") for note in report.unused_waivers
    )
