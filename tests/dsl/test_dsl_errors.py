"""Malformed rule files: every error found, placed and worded for people."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.dsl import RuleError, RuleFileError, parse
from crosscheck.load.rules import load_rules

HERE = Path(__file__).resolve().parent
MALFORMED = HERE / "malformed"
CASES: list[dict[str, Any]] = yaml.safe_load((HERE / "malformed.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["file"] for case in CASES])
def test_malformed_file_is_reported_where_and_as_expected(case: dict[str, Any]) -> None:
    with pytest.raises(RuleFileError) as caught:
        load_rules(MALFORMED / case["file"])
    errors = caught.value.errors
    assert len(errors) == case.get("count", 1), caught.value.render()
    first = errors[0]
    assert Path(first.path) == MALFORMED / case.get("in", case["file"])
    assert (first.line, first.column) == (case["line"], case["column"]), first.render()
    assert case["message"] in first.message
    if "hint" in case:
        assert case["hint"] in (first.hint or "")


def test_every_malformed_file_has_an_expectation() -> None:
    listed = {case["file"] for case in CASES}
    assert {path.name for path in MALFORMED.glob("*.rules")} == listed
    assert len(CASES) >= 18


def test_messages_never_name_lark_terminals() -> None:
    for case in CASES:
        with pytest.raises(RuleFileError) as caught:
            load_rules(MALFORMED / case["file"])
        for error in caught.value.errors:
            text = f"{error.message} {error.hint or ''}"
            for terminal in ("NAME", "NUMBER", "STRING", "__ANON", "$END", "Token("):
                assert terminal not in text, error.render()


def test_all_syntax_errors_of_a_file_are_reported() -> None:
    text = (
        "measure a: count of\n"  # 1: missing subject name
        "measure b: lenght\n"  # fine for the parser (checked later)
        "rule r1: a <= <= b\n"  # 3: doubled operator
        'subject s = "unterminated\n'  # 4
        "rule r2: a agree within 5% per documnet\n"  # 5: misspelt scope
    )
    with pytest.raises(RuleFileError) as caught:
        parse(text, "many.rules")
    places = [(e.line, e.column) for e in caught.value.errors]
    assert places == [(1, 20), (3, 15), (4, 13), (5, 32)]
    assert caught.value.errors[3].hint == "did you mean `document`?"
    assert all(e.path == "many.rules" for e in caught.value.errors)


def test_parse_errors_carry_their_source_line() -> None:
    with pytest.raises(RuleFileError) as caught:
        parse("measure a: count\nrule deaths: <= a\n", "x.rules")
    (error,) = caught.value.errors
    assert error.source_line == "rule deaths: <= a"


def test_render_points_the_caret_at_the_column() -> None:
    error = RuleError(
        "rules/x.rules",
        12,
        14,
        "expected a measure name after `rule deaths:`",
        hint="did you mean `killed`?",
        source_line="rule deaths: <= casualties",
    )
    lines = error.render().splitlines()
    assert lines[0] == "rules/x.rules:12:14: error: expected a measure name after `rule deaths:`"
    assert lines[1] == "   12 | rule deaths: <= casualties"
    code_start = lines[1].index("|") + 2
    caret = lines[2].index("^")
    assert lines[1][caret] == "<"
    assert caret - code_start == 13
    assert lines[3] == "   hint: did you mean `killed`?"


def test_render_keeps_tabs_so_the_caret_lines_up() -> None:
    error = RuleError("x.rules", 3, 3, "bad", source_line="\t\tx = 1")
    assert error.render().splitlines()[2].endswith("| \t\t^")


def test_render_of_a_whole_file_problem_has_no_position() -> None:
    error = RuleError("rules/", 0, 0, "no `*.rules` files in directory rules/")
    assert error.render() == "rules/: error: no `*.rules` files in directory rules/"


def test_rule_file_error_renders_every_error() -> None:
    errors = [RuleError("a.rules", 1, 1, "first"), RuleError("b.rules", 2, 3, "second")]
    text = str(RuleFileError(errors))
    assert "a.rules:1:1: error: first" in text and "b.rules:2:3: error: second" in text


SAMPLE_TEXT = (HERE.parents[1] / "rules" / "nk_deployment.rules").read_text("utf-8")


PIECES = [*'ab1.,:;=<>+%|"\\# \n\t', "rule r: ", "measure ", "within ", "agree", " .. "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_any_text_parses_or_fails_with_rule_errors(text: str) -> None:
    try:
        parse(text)
    except RuleFileError as err:
        assert err.errors
        assert all(e.line >= 1 and e.column >= 1 and e.source_line is not None for e in err.errors)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(0, len(SAMPLE_TEXT) - 1), st.integers(1, 4), st.sampled_from(["", "x", "@", '"'])
)
def test_damaged_sample_fails_only_with_rule_errors(at: int, width: int, insert: str) -> None:
    damaged = SAMPLE_TEXT[:at] + insert + SAMPLE_TEXT[at + width :]
    try:
        parse(damaged)
    except RuleFileError as err:
        assert err.errors
