"""JUnit XML: each rule is a test case, each violation of it a failure.

    <testsuites name="crosscheck" tests=N failures=F errors="0">
      <testsuite name="crosscheck" ...>
        <testcase classname="crosscheck.rules" name="RULE">
          <failure message="HEADING" type="error|warning">text-format lines</failure>

Decisions, for CI dashboards that only know pass and fail:
- Error and warning violations are ``<failure>`` elements, one per violation, typed by
  severity; a rule with any of them fails. ``failures`` counts failing test cases (rules),
  so ``tests - failures`` is the number of rules that passed.
- Info violations are notes, not failures (SARIF calls them ``note``, GitHub ``notice``):
  their lines go to the test case's ``<system-out>`` and do not fail it.
- Undecided comparisons and skipped claims are not reported.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from crosscheck.model import Report, Severity, Violation
from crosscheck.report import RenderContext
from crosscheck.report.sarif import rule_names
from crosscheck.report.text import violation_lines

SUITE = "crosscheck"
CLASSNAME = "crosscheck.rules"
# Characters XML 1.0 cannot carry at all, not even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` with characters XML 1.0 forbids replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def plain_lines(violation: Violation) -> list[str]:
    """The violation as the text format prints it, without colour."""
    return [xml_safe(line.plain) for line in violation_lines(violation)]


def testcase(rule: str, violations: Sequence[Violation]) -> ET.Element:
    """The test case of one rule, with a failure per error or warning."""
    case = ET.Element("testcase", {"classname": CLASSNAME, "name": xml_safe(rule)})
    notes: list[str] = []
    for violation in violations:
        lines = plain_lines(violation)
        if violation.severity is Severity.INFO:
            notes.append("\n".join(lines))
            continue
        failure = ET.SubElement(
            case, "failure", {"message": lines[0], "type": violation.severity.value}
        )
        failure.text = "\n".join(lines)
    if notes:
        ET.SubElement(case, "system-out").text = "\n\n".join(notes)
    return case


def counts(cases: Sequence[ET.Element]) -> dict[str, str]:
    """The tests/failures/errors/skipped attributes for a list of test cases."""
    failing = sum(1 for case in cases if case.find("failure") is not None)
    return {"tests": str(len(cases)), "failures": str(failing), "errors": "0", "skipped": "0"}


def junit_tree(report: Report, context: RenderContext) -> ET.Element:
    """The ``<testsuites>`` element holding the one crosscheck suite."""
    by_rule: dict[str, list[Violation]] = {}
    for violation in report.violations:
        by_rule.setdefault(violation.rule, []).append(violation)
    cases = [testcase(rule, by_rule.get(rule, [])) for rule in rule_names(report, context)]
    totals = counts(cases)
    root = ET.Element("testsuites", {"name": SUITE, **totals})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE, **totals})
    suite.extend(cases)
    return root


def render(report: Report, context: RenderContext) -> str:
    """The report as a JUnit XML document."""
    root = junit_tree(report, context)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
