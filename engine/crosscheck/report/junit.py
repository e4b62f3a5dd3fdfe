"""JUnit XML: each rule is a test suite, each finding of it a test case that fails.

    <testsuites name="crosscheck" tests=N failures=F errors="0" skipped="0">
      <testsuite name="crosscheck.RULE" tests=n failures=f ...>
        <testcase classname="crosscheck.rules.RULE" name="PATH:LINE:COL MESSAGE">
          <failure message="HEADING" type="error|warning">text-format lines</failure>

Decisions, for CI dashboards that only know pass and fail:
- One test case per finding (a dashboard counts what people read, not pairs), grouped by
  rule in a test suite of its own; a rule that found nothing has one passing test case
  named after it, so every rule shows.
- Error and warning findings are ``<failure>`` elements typed by severity; ``failures``
  counts failing test cases.
- Info findings are notes, not failures (SARIF calls them ``note``, GitHub ``notice``):
  their test case passes, its lines in ``<system-out>``.
- Undecided comparisons and skipped claims are not reported.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from crosscheck.model import Finding, Report, Severity
from crosscheck.report import RenderContext
from crosscheck.report.sarif import rule_names
from crosscheck.report.text import finding_lines

SUITE = "crosscheck"
CLASSNAME = "crosscheck.rules"
# Characters XML 1.0 cannot carry at all, not even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` with characters XML 1.0 forbids replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def plain_lines(finding: Finding) -> list[str]:
    """The finding as the text format prints it, without colour."""
    return [xml_safe(line.plain) for line in finding_lines(finding)]


def testcase(rule: str, finding: Finding | None) -> ET.Element:
    """The test case of one finding (a failure unless it is a note), or of a rule that
    found nothing (it passes)."""
    classname = f"{CLASSNAME}.{xml_safe(rule)}"
    if finding is None:
        return ET.Element("testcase", {"classname": classname, "name": xml_safe(rule)})
    lines = plain_lines(finding)
    case = ET.Element("testcase", {"classname": classname, "name": lines[0]})
    if finding.severity is Severity.INFO:
        ET.SubElement(case, "system-out").text = "\n".join(lines)
    else:
        attrs = {"message": lines[0], "type": finding.severity.value}
        ET.SubElement(case, "failure", attrs).text = "\n".join(lines)
    return case


def counts(cases: Sequence[ET.Element]) -> dict[str, str]:
    """The tests/failures/errors/skipped attributes for a list of test cases."""
    failing = sum(1 for case in cases if case.find("failure") is not None)
    return {"tests": str(len(cases)), "failures": str(failing), "errors": "0", "skipped": "0"}


def junit_tree(report: Report, context: RenderContext) -> ET.Element:
    """The ``<testsuites>`` element: one suite per rule, one case per finding."""
    by_rule: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    suites, every = [], []
    for rule in rule_names(report, context):
        found = by_rule.get(rule, [])
        cases = [testcase(rule, f) for f in found] if found else [testcase(rule, None)]
        suite = ET.Element("testsuite", {"name": f"{SUITE}.{xml_safe(rule)}", **counts(cases)})
        suite.extend(cases)
        suites.append(suite)
        every += cases
    root = ET.Element("testsuites", {"name": SUITE, **counts(every)})
    root.extend(suites)
    return root


def render(report: Report, context: RenderContext) -> str:
    """The report as a JUnit XML document."""
    root = junit_tree(report, context)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
