"""The GitHub Actions reporter: one workflow command per violation, escaped as the toolkit does."""

from __future__ import annotations

import re

from report_builders import alpha_claim, make_report, make_violation, mixed_report

from crosscheck.model import Severity
from crosscheck.report import RenderContext, renderers
from crosscheck.report.github import escape_data, escape_property, render

COMMAND = re.compile(r"^::(?P<name>[a-z]+)(?: (?P<props>[^:]*))?::(?P<data>.*)$")


def unescape(text: str) -> str:
    """What the Actions runner does to a value: undo the toolkit's escapes."""
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def parse(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND.match(line)
    assert match, line
    props = {}
    for pair in (match["props"] or "").split(","):
        if pair:
            key, _, value = pair.partition("=")
            props[key] = unescape(value)
    return match["name"], props, unescape(match["data"])


def test_registered_under_its_format_name() -> None:
    assert renderers()["github"] is render


def test_escaping_matches_the_toolkit() -> None:
    assert escape_data("50%\r\nx: a, b") == "50%25%0D%0Ax: a, b"
    assert escape_property("50%\r\nx: a, b") == "50%25%0D%0Ax%3A a%2C b"
    assert escape_data("%0A") == "%250A"  # an escape-looking text survives the round trip


def test_one_command_per_finding_with_severity_mapped() -> None:
    lines = render(mixed_report(), RenderContext()).splitlines()
    assert [parse(line)[0] for line in lines] == ["error", "warning", "notice"]


def test_properties_locate_the_first_claim() -> None:
    line = render(make_report(make_violation()), RenderContext()).strip()
    assert line.startswith(
        "::error file=corpus/alpha.md,line=7,col=98,title=crosscheck death_tolls_agree::"
    )


def test_values_round_trip_through_the_runner() -> None:
    claim = alpha_claim(document="corpus\\a, b: c%.md", line=4, column=None)
    violation = make_violation(
        rule="parts_add_up",
        severity=Severity.WARNING,
        claims=(claim,),
        message="50% off: sums, parts",
        detail="second line",
    )
    text = render(make_report(violation), RenderContext())
    assert text.count("\n") == 1  # newlines in the message are escaped
    name, props, data = parse(text.rstrip("\n"))
    assert name == "warning"
    assert props == {"file": "corpus/a, b: c%.md", "line": "4", "title": "crosscheck parts_add_up"}
    lines = data.split("\n")
    assert lines[:3] == ["50% off: sums, parts", "second line", "1 claim:"]
    assert lines[3].startswith('Alpha Wire, 2024-12-23: "approximately 1,100"')
    assert lines[-1] == "covers 1 pairwise violation"


def test_a_finding_without_claims_has_only_a_title() -> None:
    violation = make_violation(claims=(), message="no figures")
    line = render(make_report(violation), RenderContext()).strip()
    assert (
        line
        == "::error title=crosscheck death_tolls_agree::no figures%0Acovers 1 pairwise violation"
    )


def test_no_findings_no_output() -> None:
    assert render(make_report(), RenderContext()) == ""
