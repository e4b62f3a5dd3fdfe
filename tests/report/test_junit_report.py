"""The JUnit reporter: parseable XML, one test case per rule, honest counts."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from report_builders import alpha_claim, make_report, make_violation, mixed_report

from crosscheck.model import Severity
from crosscheck.report import RenderContext, renderers
from crosscheck.report.junit import render

DESCRIBED = RenderContext(
    rule_descriptions=(
        ("death_tolls_agree", "Death tolls agree."),
        ("casualties_only_grow", "Casualty counts never fall."),
    )
)


def suite_of(text: str) -> ET.Element:
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 1 and suites[0].get("name") == "crosscheck"
    return suites[0]


def cases_by_name(suite: ET.Element) -> dict[str, ET.Element]:
    return {case.get("name", ""): case for case in suite.findall("testcase")}


def test_registered_under_its_format_name() -> None:
    assert renderers()["junit"] is render


def test_one_test_case_per_rule_and_counts_match() -> None:
    report = make_report(
        make_violation(),
        make_violation(claims=(alpha_claim(document="corpus/gamma.md"),)),
        make_violation(rule="parts_add_up", severity=Severity.WARNING),
        make_violation(rule="plausible_deployment", severity=Severity.INFO),
    )
    suite = suite_of(render(report, DESCRIBED))
    cases = cases_by_name(suite)
    assert set(cases) == {
        "death_tolls_agree",
        "casualties_only_grow",
        "parts_add_up",
        "plausible_deployment",
    }
    assert {c.get("classname") for c in cases.values()} == {"crosscheck.rules"}
    failing = [n for n, c in cases.items() if c.find("failure") is not None]
    assert suite.get("tests") == str(len(cases)) == "4"
    assert suite.get("failures") == str(len(failing)) == "2"
    assert len(cases["death_tolls_agree"].findall("failure")) == 2
    assert len(cases["parts_add_up"].findall("failure")) == 1


def test_failure_carries_severity_and_text_lines() -> None:
    suite = suite_of(render(make_report(make_violation(detail="apart by 90%")), DESCRIBED))
    failure = cases_by_name(suite)["death_tolls_agree"].find("failure")
    assert failure is not None
    assert failure.get("type") == "error"
    assert failure.get("message") == (
        "corpus/alpha.md:7:98: error[death_tolls_agree] "
        "killed: ≈1,100 vs 100 differ by more than 50%"
    )
    lines = (failure.text or "").splitlines()
    assert lines[1] == "  apart by 90%"
    assert lines[2].startswith('  Alpha Wire, 2024-12-23: "approximately 1,100" → [990, 1,210]')
    assert "at corpus/beta.md:3:12" in lines[3]
    assert "\x1b" not in (failure.text or "")  # no colour codes


def test_info_goes_to_system_out_and_does_not_fail() -> None:
    report = make_report(make_violation(rule="plausible_deployment", severity=Severity.INFO))
    suite = suite_of(render(report, RenderContext()))
    case = cases_by_name(suite)["plausible_deployment"]
    assert case.find("failure") is None
    out = case.find("system-out")
    assert out is not None and "info[plausible_deployment]" in (out.text or "")
    assert suite.get("failures") == "0"


def test_rules_without_violations_pass() -> None:
    suite = suite_of(render(make_report(), DESCRIBED))
    assert suite.get("tests") == "2" and suite.get("failures") == "0"
    assert all(len(case) == 0 for case in suite.findall("testcase"))


def test_text_xml_cannot_carry_is_replaced() -> None:
    claim = alpha_claim(stated="approximately\x011,100")
    violation = make_violation(claims=(claim,), message="tolls\x00 differ")
    text = render(make_report(violation), RenderContext())
    failure = suite_of(text).find("testcase/failure")
    assert failure is not None
    assert failure.get("message", "").endswith("tolls\ufffd differ")
    assert '"approximately\ufffd1,100"' in (failure.text or "")


def test_mixed_report_parses() -> None:
    suite = suite_of(render(mixed_report(), RenderContext()))
    assert suite.get("tests") == "3" and suite.get("failures") == "2"
