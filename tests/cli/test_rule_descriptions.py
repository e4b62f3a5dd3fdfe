"""Rules are described by what they say, not by their id: SARIF's descriptions and help,
and the HTML report's rule table, for rules with and without a ``message``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crosscheck.cli.main import main
from crosscheck.dsl import ast
from crosscheck.dsl.parser import parse
from crosscheck.dsl.printer import rule_statement

NO_MESSAGE = "death_tolls_agree"  # fires on the sample corpus; no message in the rule file
STATEMENT = "killed agree within 50% across origins within 7 days"
WITH_MESSAGE = "deaths_within_casualties"
MESSAGE = "a source reports more deaths than another reports casualties"


def _check(capsys: pytest.CaptureFixture[str], fmt: str) -> str:
    assert main(["check", "corpus", "--rules", "rules", "--format", fmt, "--no-cache"]) == 1
    return capsys.readouterr().out


@pytest.mark.parametrize(
    ("source", "statement"),
    [
        ("rule r: killed <= casualties", "killed <= casualties across sources"),
        ("rule r: killed agree within 5% per document", "killed agree within 5% per document"),
        ("rule r: killed within 0 .. 10", "killed within 0 .. 10"),  # each claim on its own
        ("rule r: killed >= 0", "killed >= 0"),
        ("rule r: killed nondecreasing over time", "killed nondecreasing over time across sources"),
    ],
)
def test_a_rule_statement_spells_out_the_scope_of_rules_between_claims(
    source: str, statement: str
) -> None:
    rule = parse("measure killed: count\nmeasure casualties: count\n" + source).statements[-1]
    assert isinstance(rule, ast.Rule)
    assert rule_statement(rule) == statement


def test_sarif_describes_rules_by_their_text_and_message(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = json.loads(_check(capsys, "sarif"))
    rules: dict[str, dict[str, Any]] = {
        r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]
    }
    bare = rules[NO_MESSAGE]
    assert bare["shortDescription"]["text"] == STATEMENT
    assert STATEMENT in bare["fullDescription"]["text"]
    for rule in rules.values():
        for field in ("shortDescription", "fullDescription", "help"):
            assert rule[field]["text"] != rule["id"]
    said = rules[WITH_MESSAGE]
    assert said["shortDescription"]["text"] == MESSAGE
    assert "killed <= casualties across origins" in said["fullDescription"]["text"]
    assert MESSAGE in said["fullDescription"]["text"]
    help_text = bare["help"]["text"]
    assert STATEMENT in help_text
    assert f"waive {NO_MESSAGE}" in help_text and "--baseline" in help_text
    assert "crosscheck explain --claim" in help_text


def test_html_rule_table_describes_rules_without_a_message(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _check(capsys, "html")
    table = page[page.index("Findings by rule") :]
    table = table[: table.index("</table>")]
    assert f"<code>{STATEMENT}</code>" in table
    assert f"{MESSAGE} <code>killed &lt;= casualties across origins</code>" in table
