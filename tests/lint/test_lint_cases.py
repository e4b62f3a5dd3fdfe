"""Lint findings as data: rule text -> expected codes at line:col (cases.yaml)."""

from __future__ import annotations

import datetime as dt
import inspect
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from crosscheck.dsl import ast, build_ruleset, parse
from crosscheck.dsl.lint.context import Finding
from crosscheck.dsl.lint.linter import CHECKS, CODES, Check, lint
from crosscheck.std import path_of

HERE = Path(__file__).resolve().parent
CASES: list[dict[str, Any]] = yaml.safe_load((HERE / "cases.yaml").read_text("utf-8"))
TODAY = dt.date(2025, 7, 1)


def findings(text: str, today: dt.date = TODAY, path: str = "case.rules") -> list[Finding]:
    rule_file = parse(text, path)
    standard = [  # `import std.NAME`: the standard vocabulary's files, read first
        parse(found.read_text("utf-8"), str(found))
        for s in rule_file.statements
        if isinstance(s, ast.Import) and s.library and (found := path_of(s.path)) is not None
    ]
    return lint(build_ruleset([*standard, rule_file]), {path: text}, today)


def case_text(case: dict[str, Any]) -> str:
    if "file" in case:
        return (HERE / str(case["file"])).read_text("utf-8")
    return str(case["rules"])


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    today = case.get("today", TODAY)
    found = findings(case_text(case), today)
    got = [f"{f.line}:{f.column} {f.code}" for f in found]
    assert got == case["expect"], "\n".join(f.render() for f in found)


def test_every_code_has_a_failing_case() -> None:
    expected = {item.split()[1] for case in CASES for item in case["expect"]}
    assert expected == set(CODES)


def test_codes_are_kebab_case_and_registered_once_per_function() -> None:
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)+", code) for code in CODES)
    assert len({check.run for check in CHECKS}) == len(CHECKS)


# ------------------------------------------------------------------ docstring examples


def examples(check: Check) -> dict[str, str]:
    doc = inspect.getdoc(check.run) or ""
    blocks = re.findall(r"(PASS|FAIL)::\n\n((?:    .*\n?|\n)+)", doc + "\n")
    return {kind: textwrap.dedent(body).strip() + "\n" for kind, body in blocks}


@pytest.mark.parametrize("check", CHECKS, ids=[c.run.__name__ for c in CHECKS])
def test_docstring_examples_pass_and_fail(check: Check) -> None:
    shown = examples(check)
    assert set(shown) == {"PASS", "FAIL"}, f"{check.run.__name__} needs PASS and FAIL examples"
    assert check.code not in {f.code for f in findings(shown["PASS"])}
    assert check.code in {f.code for f in findings(shown["FAIL"])}


# ------------------------------------------------------------------ rendering and placement


def test_finding_renders_like_a_compiler_warning_with_its_hint() -> None:
    (finding,) = findings("measure killed: count\n")
    assert finding.render() == (
        "case.rules:1:1: warning[unused-measure] measure `killed` is never used by a rule\n"
        "   hint: write a rule that names it, or delete it"
    )


def test_without_texts_phrase_findings_point_at_the_statement() -> None:
    text = 'measure m: count\n    when "a" | "a"\nrule r: m <= 1\n'
    ruleset = build_ruleset([parse(text, "x.rules")])
    (finding,) = lint(ruleset)
    assert (finding.line, finding.column, finding.code) == (1, 1, "duplicate-phrase")


def test_without_texts_ignore_comments_have_no_effect() -> None:
    text = "measure m: count  # lint: ignore[unused-measure]\n"
    ruleset = build_ruleset([parse(text, "x.rules")])
    assert [f.code for f in lint(ruleset)] == ["unused-measure"]


def test_without_a_date_no_waiver_counts_as_expired() -> None:
    text = 'measure m: count\nrule r: m <= 1\nwaive r reason "x" until 2000-01-01\n'
    ruleset = build_ruleset([parse(text, "x.rules")])
    assert lint(ruleset) == []


def test_findings_follow_file_order_across_files() -> None:
    first = "measure b: count\n"
    second = "measure a: count\nrule r: a <= b\nmeasure c: count\n"
    ruleset = build_ruleset([parse(first, "z.rules"), parse(second, "a.rules")])
    found = lint(ruleset, {"z.rules": first, "a.rules": second})
    assert [(f.path, f.line) for f in found] == [("a.rules", 3)]


def test_unknown_code_hint_suggests_the_closest_code() -> None:
    text = "measure m: count  # lint: ignore[unused-mesure]\nrule r: m <= 1\n"
    (finding,) = findings(text)
    assert finding.code == "unknown-lint-code"
    assert finding.hint == "did you mean `unused-measure`?"
