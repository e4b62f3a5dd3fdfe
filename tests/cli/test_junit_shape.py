"""JUnit as common parsers read it: a suite per rule, one test case per finding, at most one
``<failure>`` per test case (several are dropped or refused), and every finding kept."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from crosscheck.cli.main import main


def _check(capsys: pytest.CaptureFixture[str], fmt: str) -> str:
    assert main(["check", "corpus", "--rules", "rules", "--format", fmt, "--no-cache"]) == 1
    return capsys.readouterr().out


def test_one_test_case_per_finding_and_one_failure_at_most(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    findings = json.loads(_check(capsys, "json"))["findings"]
    root = ET.fromstring(_check(capsys, "junit"))
    cases = list(root.iter("testcase"))
    assert cases and all(len(case.findall("failure")) <= 1 for case in cases)
    failing = Counter(
        suite.get("name", "").removeprefix("crosscheck.")
        for suite in root.iter("testsuite")
        for case in suite.iter("testcase")
        if case.find("failure") is not None
    )
    expected = Counter(f["rule"] for f in findings if f["severity"] in ("error", "warning"))
    assert failing == expected
    assert max(expected.values()) > 1  # a rule with several findings keeps each one
    for suite in root.iter("testsuite"):
        suite_cases = suite.findall("testcase")
        assert suite.get("tests") == str(len(suite_cases))
        assert suite.get("failures") == str(sum(c.find("failure") is not None for c in suite_cases))
    assert root.get("failures") == str(sum(expected.values()))
