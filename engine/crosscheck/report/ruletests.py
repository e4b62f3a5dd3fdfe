"""Results of ``crosscheck test`` as text or JUnit XML (one test case per rule test)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from crosscheck.report.junit import counts, xml_safe
from crosscheck.ruletests import Coverage, RuleTestResult
from crosscheck.text.escape import shown

SUITES = "crosscheck test"


@dataclass(frozen=True)
class FileResults:
    """The results of one test file, and the rule file its tests ran against."""

    path: str
    rules: str
    results: tuple[RuleTestResult, ...]


def render_text(files: Sequence[FileResults], covered: Coverage) -> str:
    """PASS/FAIL per test with what differed, then which tests cover each rule; every
    value from an input (paths, test names, quoted text) escaped (see ``text.escape``)."""
    lines: list[str] = []
    for file in files:
        lines.append(f"{shown(file.path)} (rules: {shown(file.rules)})")
        for result in file.results:
            lines.extend(_result_lines(result))
        lines.append("")
    lines.extend(coverage_lines(covered))
    lines.append("")
    lines.append(summary(files, covered))
    return "\n".join(lines) + "\n"


def _result_lines(result: RuleTestResult) -> list[str]:
    if result.passed:
        return [f"  PASS  {shown(result.test.name)}"]
    lines = [f"  FAIL  {shown(result.test.name)} (line {result.test.line})"]
    lines.extend(f"        {shown(problem)}" for problem in result.problems)
    return lines


def coverage_lines(covered: Coverage) -> list[str]:
    """Per rule, the tests expecting it to fire (or, marked, to stay silent); then the
    rules no test covers."""
    if not covered:
        return ["coverage: the rule files have no rules yet"]
    lines = ["coverage (the tests that say what each rule does):"]
    for rule, tests in covered.items():
        if tests:
            named = (
                shown(name) if fires else f"{shown(name)} (stays silent)" for name, fires in tests
            )
            lines.append(f"  {rule}: {'; '.join(named)}")
    bare = [rule for rule, tests in covered.items() if not tests]
    if bare:
        lines.append(f"  not covered by any test: {', '.join(bare)}")
    return lines


def summary(files: Sequence[FileResults], covered: Coverage) -> str:
    """``12 tests: 11 passed, 1 failed; 8 of 8 rules covered``."""
    results = [r for file in files for r in file.results]
    failed = sum(1 for r in results if not r.passed)
    rules = sum(1 for tests in covered.values() if tests)
    head = f"{len(results)} test{'' if len(results) == 1 else 's'}"
    return (
        f"{head}: {len(results) - failed} passed, {failed} failed; "
        f"{rules} of {len(covered)} rules covered"
    )


def render_junit(files: Sequence[FileResults]) -> str:
    """JUnit XML: a suite per test file, a test case per test, a failure per failed test."""
    suites = [_suite(file) for file in files]
    cases = [case for suite in suites for case in suite]
    root = ET.Element("testsuites", {"name": SUITES, **counts(cases)})
    root.extend(suites)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _suite(file: FileResults) -> ET.Element:
    cases = [_case(file, result) for result in file.results]
    suite = ET.Element("testsuite", {"name": xml_safe(file.path), **counts(cases)})
    suite.extend(cases)
    return suite


def _case(file: FileResults, result: RuleTestResult) -> ET.Element:
    attributes = {
        "classname": xml_safe(file.path),
        "name": xml_safe(result.test.name),
        "file": xml_safe(file.path),
        "line": str(result.test.line),
    }
    case = ET.Element("testcase", attributes)
    if not result.passed:
        problems = [xml_safe(p) for p in result.problems]
        failure = ET.SubElement(case, "failure", {"message": problems[0], "type": "failure"})
        failure.text = "\n".join(problems)
    return case
