"""The `waive` statement: parsing, printing and checking."""

from __future__ import annotations

import datetime as dt

import pytest

from crosscheck.dsl import RuleFileError, ast, build_ruleset, format_rules, parse

RULES = "measure killed: count\nrule death_tolls_agree: killed agree within 50%\n"


def only_waiver(text: str) -> ast.Waiver:
    statements = parse(text).statements
    assert len(statements) == 1 and isinstance(statements[0], ast.Waiver)
    return statements[0]


def errors(text: str) -> list[str]:
    with pytest.raises(RuleFileError) as caught:
        build_ruleset([parse(text, "w.rules")])
    return [f"{e.line}:{e.column}: {e.message} | {e.hint}" for e in caught.value.errors]


def test_full_waiver_parses_with_clauses_in_any_order() -> None:
    waiver = only_waiver(
        'waive death_tolls_agree until 2025-06-30 reason "known"\n'
        '    stated "approximately 1,100" document "corpus/*newsweek*"'
    )
    assert waiver == ast.Waiver(
        rule="death_tolls_agree",
        reason="known",
        document="corpus/*newsweek*",
        stated="approximately 1,100",
        until=dt.date(2025, 6, 30),
    )
    assert (waiver.span.line, waiver.span.column) == (1, 1)


def test_reason_alone_is_enough() -> None:
    assert only_waiver('waive r reason "accepted"') == ast.Waiver("r", "accepted")


def test_canonical_form_puts_each_clause_on_its_own_line() -> None:
    text = 'waive r until 2025-01-02 reason "why" stated "about 5" document "a.md"'
    assert format_rules(parse(text)) == (
        "waive r\n"
        '    document "a.md"\n'
        '    stated "about 5"\n'
        '    reason "why"\n'
        "    until 2025-01-02\n"
    )


@pytest.mark.parametrize(
    "text",
    [
        'waive r reason "why"',
        'waive r document "c:\\\\x \\"y\\"" reason "because \\"so\\""',
        'waive r stated "1,100" reason "x" until 2030-12-31',
    ],
)
def test_waivers_round_trip(text: str) -> None:
    rule_file = parse(text)
    assert parse(format_rules(rule_file)) == rule_file


def test_ruleset_keeps_waivers_in_file_order() -> None:
    ruleset = build_ruleset(
        [
            parse(RULES + 'waive death_tolls_agree reason "a"', "a.rules"),
            parse('waive death_tolls_agree reason "b"', "b.rules"),
        ]
    )
    assert [(w.reason, w.span.path) for w in ruleset.waivers] == [
        ("a", "a.rules"),
        ("b", "b.rules"),
    ]


def test_ruleset_without_waivers_has_none() -> None:
    assert build_ruleset([parse(RULES)]).waivers == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'waive death_tolls_agree document "x.md"',
            "3:1: the waiver for `death_tolls_agree` has no reason",
        ),
        (
            'waive death_tolls_agree reason "  "',
            "3:1: the waiver for `death_tolls_agree` has an empty reason",
        ),
        ('waive death_tolls_agree reason "a" reason "b"', "3:36: `reason` may appear only once"),
        ('waive death_tolls_agree reason "a" until 2025-02-30', "3:42: `2025-02-30` is not a date"),
        (
            'waive death_tolls_agree reason "a" until 2025',
            "3:42: expected a date such as `2025-06-30`",
        ),
        ('waive reason "a"', "3:7: expected a rule name after `waive`"),
    ],
)
def test_malformed_waivers_are_friendly_syntax_errors(text: str, expected: str) -> None:
    found = errors(RULES + text)
    assert len(found) == 1
    assert found[0].startswith(expected), found


def test_waiver_for_a_misspelt_rule_suggests_the_rule() -> None:
    assert errors(RULES + 'waive death_toll_agree reason "a"') == [
        "3:1: waiver for undefined rule `death_toll_agree` | did you mean `death_tolls_agree`?"
    ]


def test_waiver_naming_a_measure_says_it_needs_a_rule() -> None:
    (found,) = errors(RULES + 'waive killed reason "a"')
    assert "undefined rule `killed`" in found and "is a measure" in found


def test_waiver_may_name_a_rule_of_another_file() -> None:
    ruleset = build_ruleset([parse(RULES, "a.rules"), parse('waive death_tolls_agree reason "x"')])
    assert ruleset.waivers[0].rule == "death_tolls_agree"


@pytest.mark.parametrize("word", ["waive", "stated", "reason", "until"])
def test_new_keywords_are_reserved(word: str) -> None:
    with pytest.raises(RuleFileError, match="keyword"):
        parse(f"measure {word}: count")
