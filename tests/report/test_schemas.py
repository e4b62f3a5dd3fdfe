"""The JSON Schemas shipped in crosscheck/schemas/ hold for what crosscheck writes and reads."""

from __future__ import annotations

import json
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, ValidationError
from report_builders import make_report, make_violation, mixed_report

from crosscheck import HOMEPAGE
from crosscheck import testing as cct
from crosscheck.cli.main import main
from crosscheck.dsl.ast import RuleSet
from crosscheck.load.claims import KNOWN_KEYS, read_claims
from crosscheck.load.rules import load_rules
from crosscheck.model import Claim
from crosscheck.report import RenderContext
from crosscheck.report.claims import render_claims
from crosscheck.report.json_report import render
from crosscheck.schemas import SCHEMAS, load_schema

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "cli" / "data"
SAMPLE_RULES = load_rules(ROOT / "rules")


def validator(name: str) -> Draft202012Validator:
    """A validator of the named schema that checks formats too (``date``)."""
    return Draft202012Validator(
        load_schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


CLAIM_LINE = validator("claims")
REPORT = validator("report")
# A claim as crosscheck writes it (every key present), the definition inside the report schema.
WRITTEN_CLAIM = Draft202012Validator(
    {key: load_schema("report")[key] for key in ("$schema", "$defs")} | {"$ref": "#/$defs/claim"},
    format_checker=Draft202012Validator.FORMAT_CHECKER,
)


def problems(check: Draft202012Validator, instance: Any) -> list[str]:
    """What the validator finds wrong with ``instance``, as messages (with those of each
    alternative of a ``oneOf`` that failed)."""
    return [message for error in check.iter_errors(instance) for message in _messages(error)]


def _messages(error: ValidationError) -> list[str]:
    nested = [message for inner in error.context or () for message in _messages(inner)]
    return [f"{list(error.absolute_path)}: {error.message}", *nested]


def run(capsys: pytest.CaptureFixture[str], code: int, *args: str) -> str:
    """What ``crosscheck ARGS --no-cache`` prints; it must exit with ``code``."""
    assert main([*args, "--no-cache"]) == code
    return capsys.readouterr().out


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """The repository made the working directory, so corpus/ and rules/ are named as in the
    README (runs here pass --no-cache: they write nothing)."""
    monkeypatch.chdir(ROOT)


# ------------------------------------------------------------------ the schemas themselves


@pytest.mark.parametrize("name", SCHEMAS)
def test_each_schema_is_a_valid_draft_2020_12_schema(name: str) -> None:
    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"{HOMEPAGE}/raw/main/engine/crosscheck/schemas/{name}.schema.json"


def test_schemas_are_package_data() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "schemas/*.json" in project["tool"]["setuptools"]["package-data"]["crosscheck"]
    assert {p.name for p in (ROOT / "engine/crosscheck/schemas").glob("*.json")} == {
        f"{name}.schema.json" for name in SCHEMAS
    }


def test_an_unknown_schema_name_is_refused() -> None:
    with pytest.raises(ValueError, match="no schema called 'claim'"):
        load_schema("claim")


def test_the_claims_schema_lists_every_key_the_reader_knows() -> None:
    assert set(load_schema("claims")["properties"]) == set(KNOWN_KEYS)
    written = load_schema("report")["$defs"]["claim"]
    assert set(written["required"]) == set(KNOWN_KEYS) - {"value"}


# ------------------------------------------------------------------ what crosscheck writes


@pytest.mark.parametrize(
    "extra",
    [[], ["--show-undecided"], ["--pairs", "--cite", "1"]],
    ids=["plain", "undecided", "pairs"],
)
def test_the_sample_corpus_json_report_is_valid(
    at_root: None, capsys: pytest.CaptureFixture[str], extra: list[str]
) -> None:
    report = json.loads(
        run(capsys, 1, "check", "corpus", "--rules", "rules", "--format", "json", *extra)
    )
    assert report["findings"] and ("undecided" in report) == ("--show-undecided" in extra)
    listed = [len(f["violations"]) for f in report["findings"] if "violations" in f]
    assert listed == ([f["pairs"] for f in report["findings"]] if "--pairs" in extra else [])
    assert problems(REPORT, report) == []


def test_the_sample_corpus_claims_lines_are_valid_and_read_back_equal(
    at_root: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = run(capsys, 0, "extract", "corpus", "--rules", "rules", "--format", "jsonl")
    lines = [json.loads(line) for line in text.splitlines()]
    assert len(lines) > 20
    assert [problems(CLAIM_LINE, line) for line in lines] == [[]] * len(lines)
    assert [problems(WRITTEN_CLAIM, line) for line in lines] == [[]] * len(lines)
    (tmp_path / "claims.jsonl").write_text(text, encoding="utf-8")
    again, errors = read_claims(tmp_path / "claims.jsonl", SAMPLE_RULES)
    assert errors == []
    assert render_claims(again, "jsonl") == text


def test_the_seed_claims_and_their_report_are_valid(capsys: pytest.CaptureFixture[str]) -> None:
    claims = SEEDS / "seed_claims.jsonl"
    lines = [json.loads(line) for line in claims.read_text(encoding="utf-8").splitlines()]
    assert [problems(CLAIM_LINE, line) for line in lines] == [[]] * len(lines)
    args = ["check", "--claims", str(claims), "--rules", str(SEEDS / "seed.rules")]
    report = json.loads(run(capsys, 1, *args, "--format", "json"))
    assert report["findings"]
    assert problems(REPORT, report) == []


@pytest.mark.parametrize(
    "report",
    [mixed_report(), make_report(), make_report(make_violation(claims=()))],
    ids=["mixed", "empty", "no-claims"],
)
def test_built_reports_are_valid(report: Any) -> None:
    assert problems(REPORT, json.loads(render(report, RenderContext()))) == []


@given(cct.rulesets().flatmap(lambda rules: st.tuples(st.just(rules), cct.claim_sets(rules))))
def test_generated_claims_as_json_lines_are_valid_and_read_back_equal(
    case: tuple[RuleSet, list[Claim]],
) -> None:
    ruleset, claims = case
    text = render_claims(claims, "jsonl")
    lines = [json.loads(line) for line in text.splitlines()]
    assert [problems(CLAIM_LINE, line) for line in lines] == [[]] * len(claims)
    assert [problems(WRITTEN_CLAIM, line) for line in lines] == [[]] * len(claims)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.jsonl"
        path.write_text(text, encoding="utf-8")
        again, errors = read_claims(path, ruleset)
    assert errors == []
    assert again == claims


# ------------------------------------------------------------------ what the schemas refuse

LINE = {"measure": "killed", "low": 990, "high": 1210, "document": "corpus/a.md", "stated": "1,100"}


def refused_by_the_reader(line: dict[str, Any]) -> bool:
    """Whether ``crosscheck check --claims`` leaves the line out, as an error."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.jsonl"
        path.write_text(json.dumps(line) + "\n", encoding="utf-8")
        claims, errors = read_claims(path, SAMPLE_RULES)
    return not claims and any(error.is_error for error in errors)


def test_the_line_the_refusals_start_from_is_valid_and_read() -> None:
    assert problems(CLAIM_LINE, LINE) == []
    assert not refused_by_the_reader(LINE)


@pytest.mark.parametrize("field", ["measure", "document", "low", "high"])
def test_a_line_missing_a_required_field_is_refused(field: str) -> None:
    line = {key: value for key, value in LINE.items() if key != field}
    assert any(field in message for message in problems(CLAIM_LINE, line))
    assert refused_by_the_reader(line)


@pytest.mark.parametrize("field", sorted(KNOWN_KEYS))
def test_a_field_of_the_wrong_type_is_refused(field: str) -> None:
    line = {**LINE, field: {"a": "JSON object"}}
    if field == "value":
        line = {key: v for key, v in line.items() if key not in ("low", "high")}
    assert problems(CLAIM_LINE, line)
    assert refused_by_the_reader(line)


def test_value_with_low_and_high_is_refused() -> None:
    line = {**LINE, "value": 1100}
    assert problems(CLAIM_LINE, line)
    assert refused_by_the_reader(line)


def test_an_unknown_key_is_accepted_as_the_reader_accepts_it() -> None:
    line = {**LINE, "confidence": 0.9}
    assert problems(CLAIM_LINE, line) == []
    assert not refused_by_the_reader(line)


def test_the_report_schema_refuses_a_finding_missing_its_rule() -> None:
    report = json.loads(render(mixed_report(), RenderContext()))
    del report["findings"][0]["rule"]
    report["findings"][1]["cited"][0]["claims"][0]["low"] = "990"
    assert problems(REPORT, report) == [
        "['findings', 0]: 'rule' is a required property",
        "['findings', 1, 'cited', 0, 'claims', 0, 'low']: '990' is not of type 'number', 'null'",
    ]
