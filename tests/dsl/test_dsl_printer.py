"""Printing syntax trees back as canonical rule text."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_dsl_parse import CONSTRUCTS

from crosscheck.dsl import ast, format_rules, parse
from crosscheck.dsl.printer import format_number
from crosscheck.dsl.syntax_errors import KEYWORDS
from crosscheck.model import Severity

SAMPLE = Path(__file__).resolve().parents[2] / "rules" / "nk_deployment.rules"


def round_trip(rule_file: ast.RuleFile) -> ast.RuleFile:
    return parse(format_rules(rule_file), rule_file.path)


def test_sample_round_trips() -> None:
    rule_file = parse(SAMPLE.read_text("utf-8"), "sample.rules")
    assert round_trip(rule_file) == rule_file


@pytest.mark.parametrize("text", [c[0] for c in CONSTRUCTS])
def test_each_construct_round_trips(text: str) -> None:
    rule_file = parse(text)
    assert round_trip(rule_file) == rule_file


def test_formatting_is_idempotent() -> None:
    once = format_rules(parse(SAMPLE.read_text("utf-8")))
    assert format_rules(parse(once)) == once


def test_canonical_layout() -> None:
    text = (
        'measure killed: count of t, cumulative unless "x" when "y" '
        'rule r: killed >= 0 message "m" severity warning'
    )
    assert format_rules(parse(text)) == (
        "measure killed: count of t, cumulative\n"
        '    when "y"\n'
        '    unless "x"\n'
        "\n"
        "rule r: killed >= 0\n"
        "    severity warning\n"
        '    message "m"\n'
    )


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(1200), "1200"),
        (Fraction(1, 4), "0.25"),
        (Fraction(-5, 2), "-2.5"),
        (Fraction(1, 1000), "0.001"),
        (Fraction(0), "0"),
    ],
)
def test_numbers_are_written_exactly(value: Fraction, text: str) -> None:
    assert format_number(value) == text


def test_a_number_without_a_decimal_form_is_refused() -> None:
    with pytest.raises(ValueError, match="decimal"):
        format_number(Fraction(1, 3))


# ------------------------------------------------------------------ any tree the parser can build

names = st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True).filter(lambda n: n not in KEYWORDS)
phrases = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\n\r"), max_size=12
)
decimals = st.builds(
    lambda n, places: Fraction(n, 10**places), st.integers(-(10**6), 10**6), st.integers(0, 3)
)
units = st.sampled_from(["mm", "km", "kg", "d", "%", "people"])
maybe_units = st.none() | units
refs = st.builds(ast.MeasureRef, names)
sums = st.builds(ast.Sum, st.lists(refs, min_size=1, max_size=3).map(tuple))
constants = st.builds(ast.Constant, decimals, maybe_units)
operands = sums | constants
absolute_units = st.none() | units.filter(lambda u: u != "%")  # `within 5%` is relative
tolerances = (
    st.none()
    | st.builds(ast.Relative, decimals)
    | st.builds(ast.Absolute, decimals, absolute_units)
)
ranges = st.tuples(decimals, decimals, maybe_units).map(
    lambda t: (ast.Constant(t[0], t[2]), ast.Constant(t[1], t[2]))
)
bodies = st.one_of(
    st.builds(ast.Comparison, operands, st.sampled_from(list(ast.Op)), operands, tolerances),
    st.builds(ast.Agreement, refs, tolerances),
    ranges.flatmap(lambda r: st.builds(ast.Bounds, refs, st.just(r[0]), st.just(r[1]))),
    st.builds(ast.Monotonic, refs, tolerances),
)
scopes = st.builds(
    ast.Scope, st.sampled_from(list(ast.ScopeKind)), st.none() | st.integers(-9, 400)
)
rules = st.builds(
    ast.Rule, names, bodies, scopes, st.sampled_from(list(Severity)), st.none() | phrases
)
phrase_lists = st.lists(phrases, min_size=1, max_size=3).map(tuple)
statements = st.one_of(
    st.builds(ast.Import, phrases),
    st.builds(ast.HedgeTolerance, st.sampled_from(["about", "close to", "approx."]), decimals),
    st.builds(ast.VagueAmount, phrases, decimals, decimals),
    st.builds(ast.Subject, names, phrase_lists),
    st.builds(
        ast.Measure,
        names,
        names,
        st.none() | units,
        st.none() | names,
        st.booleans(),
        st.just(()) | phrase_lists,
        st.just(()) | phrase_lists,
    ),
    rules,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(statements, max_size=6).map(tuple))
def test_any_parser_tree_round_trips(statements: tuple[ast.Statement, ...]) -> None:
    rule_file = ast.RuleFile("<rules>", statements)
    assert round_trip(rule_file) == rule_file
