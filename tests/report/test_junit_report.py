"""The JUnit reporter: parseable XML, a suite per rule, a test case per finding, honest counts."""

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


def suites_of(text: str) -> dict[str, ET.Element]:
    """The rule suites of a JUnit document, by rule name (checking the totals add up)."""
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites" and root.get("name") == "crosscheck"
    suites = {s.get("name", "").removeprefix("crosscheck."): s for s in root.findall("testsuite")}
    for total in ("tests", "failures"):
        assert root.get(total) == str(sum(int(s.get(total, "0")) for s in suites.values()))
    return suites


def cases_of(suite: ET.Element) -> list[ET.Element]:
    return suite.findall("testcase")


def test_registered_under_its_format_name() -> None:
    assert renderers()["junit"] is render


def test_one_suite_per_rule_and_one_case_per_finding() -> None:
    report = make_report(
        make_violation(),
        make_violation(claims=(alpha_claim(document="corpus/gamma.md"),)),
        make_violation(rule="parts_add_up", severity=Severity.WARNING),
        make_violation(rule="plausible_deployment", severity=Severity.INFO),
    )
    suites = suites_of(render(report, DESCRIBED))
    assert list(suites) == [
        "death_tolls_agree",
        "casualties_only_grow",
        "parts_add_up",
        "plausible_deployment",
    ]
    assert [len(cases_of(s)) for s in suites.values()] == [2, 1, 1, 1]
    assert [s.get("failures") for s in suites.values()] == ["2", "0", "1", "0"]
    assert {c.get("classname") for c in cases_of(suites["parts_add_up"])} == {
        "crosscheck.rules.parts_add_up"
    }


def test_failure_carries_severity_and_text_lines() -> None:
    suites = suites_of(render(make_report(make_violation(detail="apart by 90%")), DESCRIBED))
    (case,) = cases_of(suites["death_tolls_agree"])
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("type") == "error"
    heading = (
        "corpus/alpha.md:7:98: error[death_tolls_agree] "
        "killed: ≈1,100 vs 100 differ by more than 50%"
    )
    assert failure.get("message") == case.get("name") == heading
    lines = (failure.text or "").splitlines()
    assert lines[1] == "  apart by 90%"
    assert lines[2] == "  odd one out (1 claim):"
    assert lines[3].startswith('    Alpha Wire, 2024-12-23: "approximately 1,100" → [990, 1,210]')
    assert "at corpus/beta.md:3:12" in lines[5]
    assert "\x1b" not in (failure.text or "")  # no colour codes


def test_info_goes_to_system_out_and_does_not_fail() -> None:
    report = make_report(make_violation(rule="plausible_deployment", severity=Severity.INFO))
    suites = suites_of(render(report, RenderContext()))
    (case,) = cases_of(suites["plausible_deployment"])
    assert case.find("failure") is None
    out = case.find("system-out")
    assert out is not None and "info[plausible_deployment]" in (out.text or "")
    assert suites["plausible_deployment"].get("failures") == "0"


def test_rules_without_findings_pass() -> None:
    suites = suites_of(render(make_report(), DESCRIBED))
    assert list(suites) == ["death_tolls_agree", "casualties_only_grow"]
    for name, suite in suites.items():
        (case,) = cases_of(suite)
        assert case.get("name") == name and len(case) == 0


def test_text_xml_cannot_carry_is_replaced() -> None:
    claim = alpha_claim(stated="approximately\x011,100")
    violation = make_violation(claims=(claim,), message="tolls\x00 differ")
    text = render(make_report(violation), RenderContext())
    failure = suites_of(text)["death_tolls_agree"].find("testcase/failure")
    assert failure is not None
    assert failure.get("message", "").endswith("tolls\ufffd differ")
    assert '"approximately\ufffd1,100"' in (failure.text or "")


def test_mixed_report_parses() -> None:
    root = ET.fromstring(render(mixed_report(), RenderContext()).encode("utf-8"))
    assert root.get("tests") == "3" and root.get("failures") == "2"
