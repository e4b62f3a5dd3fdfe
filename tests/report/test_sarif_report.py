"""The SARIF reporter: schema-valid, stable fingerprints, faithful locations."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7
from report_builders import alpha_claim, make_report, make_violation, mixed_report, other_claim

from crosscheck import HOMEPAGE, __version__
from crosscheck.accept.baseline import fingerprint
from crosscheck.model import Severity
from crosscheck.report import RenderContext, renderers
from crosscheck.report.sarif import artifact_uri, escape_message, render

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"
DESCRIBED = RenderContext(
    rule_descriptions=(
        ("death_tolls_agree", "Death tolls reported by different sources agree.\nWithin 50%."),
        ("casualties_only_grow", "Cumulative casualty counts never fall over time."),
    ),
    rule_severities=(("casualties_only_grow", Severity.WARNING),),
)


def refuse_to_fetch(uri: str) -> Resource[Any]:
    """Fail loudly if validation ever tries to load a schema from the network."""
    raise AssertionError(f"schema validation tried to fetch {uri}")


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft7Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$schema"].startswith("http://json-schema.org/draft-07/")
    jsonschema.Draft7Validator.check_schema(schema)  # metaschema ships with jsonschema
    resource = Resource.from_contents(schema, default_specification=DRAFT7)
    registry: Registry[Any] = Registry(retrieve=refuse_to_fetch).with_resource(
        schema["$id"], resource
    )
    return jsonschema.Draft7Validator(
        schema, registry=registry, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )


def sarif(report: Any, context: RenderContext = DESCRIBED) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(render(report, context))
    return log


def test_registered_under_its_format_name() -> None:
    assert renderers()["sarif"] is render


@pytest.mark.parametrize(
    "report",
    [mixed_report(), make_report(), make_report(make_violation(claims=()))],
    ids=["mixed", "empty", "no-claims"],
)
def test_output_is_valid_sarif(validator: jsonschema.Draft7Validator, report: Any) -> None:
    errors = [e.message for e in validator.iter_errors(sarif(report))]
    assert errors == []


def test_validator_rejects_broken_logs(validator: jsonschema.Draft7Validator) -> None:
    log = sarif(mixed_report())
    log["runs"][0]["results"][0]["level"] = "fatal"
    del log["runs"][0]["tool"]["driver"]["name"]
    assert len(list(validator.iter_errors(log))) == 2


def test_driver_names_tool_and_version() -> None:
    driver = sarif(mixed_report())["runs"][0]["tool"]["driver"]
    assert driver["name"] == "crosscheck"
    assert driver["version"] == __version__
    assert driver["informationUri"] == HOMEPAGE


def test_the_home_page_is_the_one_the_package_declares() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["urls"]["Homepage"] == HOMEPAGE


def test_one_descriptor_per_rule_in_use_or_described() -> None:
    rules = sarif(mixed_report())["runs"][0]["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert sorted(ids) == sorted(
        {"death_tolls_agree", "casualties_only_grow", "parts_add_up", "plausible_deployment"}
    )
    by_id = {r["id"]: r for r in rules}
    assert by_id["death_tolls_agree"]["shortDescription"]["text"].startswith("Death tolls")
    assert "Within 50%." in by_id["death_tolls_agree"]["help"]["text"]
    levels = {i: r.get("defaultConfiguration", {}).get("level") for i, r in by_id.items()}
    assert levels == {
        "death_tolls_agree": "error",
        "casualties_only_grow": "warning",  # declared, though it found nothing
        "parts_add_up": "warning",
        "plausible_deployment": "note",
    }


def test_results_point_at_their_rule() -> None:
    run = sarif(mixed_report())["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["ruleId"] for r in run["results"]] == [
        "death_tolls_agree",
        "parts_add_up",
        "plausible_deployment",
    ]
    assert [r["level"] for r in run["results"]] == ["error", "warning", "note"]
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]


def test_location_is_first_claim_with_span_and_snippet() -> None:
    claim = alpha_claim(line=7, column=98, start=120, end=139)
    res = sarif(make_report(make_violation()))["runs"][0]["results"][0]
    physical = res["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "corpus/alpha.md"
    assert physical["region"] == {
        "startLine": 7,
        "startColumn": 98,
        "endColumn": 98 + (claim.end or 0) - (claim.start or 0),
        "snippet": {"text": "approximately 1,100"},
    }


def test_related_locations_cite_the_other_claims() -> None:
    third = other_claim(document="corpus/gamma.md", source="Gamma", date=None, stated="90")
    violation = make_violation(claims=(alpha_claim(), other_claim(), third))
    res = sarif(make_report(violation))["runs"][0]["results"][0]
    related = res["relatedLocations"]
    assert [r["id"] for r in related] == [1, 2]
    assert related[0]["message"]["text"] == "Beta Daily, 2024-12-24: 100 → 100"
    assert related[1]["message"]["text"] == "Gamma, undated: 90 → 100"
    assert related[1]["physicalLocation"]["artifactLocation"]["uri"] == "corpus/gamma.md"
    assert "(1)" in res["message"]["text"] and "(2)" in res["message"]["text"]


def test_message_carries_detail_with_brackets_escaped() -> None:
    violation = make_violation(detail="[990, 1,210] vs 100")
    text = sarif(make_report(violation))["runs"][0]["results"][0]["message"]["text"]
    assert text.startswith(violation.message + "\n")
    assert "\\[990, 1,210\\] vs 100" in text
    assert escape_message("a\\b[c]") == "a\\\\b\\[c\\]"


@pytest.mark.parametrize(
    ("document", "uri"),
    [
        ("corpus/a.md", "corpus/a.md"),
        ("./corpus/a.md", "corpus/a.md"),
        ("corpus\\sub dir\\gamma, v2.md", "corpus/sub%20dir/gamma%2C%20v2.md"),
        ("/abs/path/delta.md", "file:///abs/path/delta.md"),
        ("C:\\news\\a.md", "file:///C:/news/a.md"),
        ("corpus/report-\udcff.md", "corpus/report-%FF.md"),  # a file name that is not UTF-8
        ("/abs/report-\udcff.md", "file:///abs/report-%FF.md"),
    ],
)
def test_artifact_uri(document: str, uri: str) -> None:
    assert artifact_uri(document) == uri


def test_unknown_line_leaves_out_the_region() -> None:
    violation = make_violation(claims=(alpha_claim(line=None),))
    res = sarif(make_report(violation))["runs"][0]["results"][0]
    assert "region" not in res["locations"][0]["physicalLocation"]


def test_the_fingerprint_is_the_findings() -> None:
    finding = make_violation()
    prints = sarif(make_report(finding))["runs"][0]["results"][0]["partialFingerprints"]
    assert prints == {"crosscheck/v2": fingerprint(finding)}
    moved = make_violation(claims=(alpha_claim(line=30, column=1), other_claim(line=2)))
    assert fingerprint(moved) == fingerprint(finding)  # lines are no part of an identity


@pytest.mark.parametrize(
    "changed",
    [
        make_violation(rule="other_rule"),
        make_violation(claims=(alpha_claim(stated="about 1,100"), other_claim())),
        make_violation(claims=(alpha_claim(document="corpus/other.md"), other_claim())),
    ],
    ids=["rule", "stated", "document"],
)
def test_fingerprint_changes_with_the_identity(changed: Any) -> None:
    assert fingerprint(changed) != fingerprint(make_violation())


def test_the_message_counts_claims_not_cited_and_pairs() -> None:
    finding = make_violation(claims=(alpha_claim(), other_claim()))
    against = finding.cited[1].model_copy(update={"total": 9})
    wider = finding.model_copy(update={"cited": (finding.cited[0], against), "pairs": 9})
    text = sarif(make_report(wider))["runs"][0]["results"][0]["message"]["text"]
    assert "Against: [Beta Daily, 2024-12-24: 100 → 100](1) and 8 more" in text
    assert text.endswith("Covers 9 pairwise violations.")


def test_output_is_deterministic() -> None:
    assert render(mixed_report(), DESCRIBED) == render(mixed_report(), DESCRIBED)
