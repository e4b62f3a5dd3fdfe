"""The rule-test runner: reading test files, running tests, coverage (no CLI)."""

from __future__ import annotations

from datetime import date
from textwrap import dedent

import pytest

from crosscheck.dsl import build_ruleset, parse
from crosscheck.dsl.ast import RuleSet
from crosscheck.ruletests import (
    RuleTest,
    RuleTestFileError,
    check_names,
    coverage,
    parse_test_file,
    run_test,
)

RULES = """
subject nk = "North Korean soldiers" | "North Korean troops"
measure killed: count of nk, cumulative
    when "killed" | "died"
measure deployed: count of nk
    when "deployed" | "sent"
    unless "border"
rule tolls_agree: killed agree within 50%
rule estimates_agree: deployed agree within 15%
"""

MANY_DEAD = "Officials said approximately 1,100 North Korean soldiers have been killed."
FEW_DEAD = "A think tank believes some 100 North Korean soldiers have died in combat."
SENT = "Pyongyang has sent 12,000 North Korean soldiers to the front."
AT_BORDER = "Up to 1,000 North Korean soldiers were deployed along the border."


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return build_ruleset([parse(RULES, "t.rules")])


def one_test(body: str) -> RuleTest:
    text = "rules: t.rules\ntests:\n" + dedent(body)
    (test,) = parse_test_file(text, "t.yaml").tests
    return test


def articles(*texts: str) -> str:
    lines = ["    articles:"]
    for n, text in enumerate(texts):
        lines += [
            f"      - source: Outlet {n}",
            "        date: 2024-12-23",
            f"        text: {text}",
        ]
    return "\n".join(lines) + "\n"


def make(expect: str, *texts: str, claims: str = "") -> RuleTest:
    return one_test("  - name: t\n" + articles(*texts) + f"    expect: {expect}\n" + claims)


# ------------------------------------------------------------------ reading


def test_a_test_file_is_read_with_its_articles_and_expectations() -> None:
    text = dedent(
        """\
        rules: ../x.rules
        tests:
          - name: first
            articles:
              - {source: A, date: 2024-12-23, text: "one", name: a.md, url: "https://e.org/a"}
            expect: [tolls_agree]
          - name: second
            articles:
              - {source: B, text: "two"}
            expect: {tolls_agree: 2, estimates_agree: 0}
            claims: {deployed: ["about 1,000"]}
        """
    )
    parsed = parse_test_file(text, "t.yaml")
    assert parsed.rules == "../x.rules"
    first, second = parsed.tests
    assert (first.name, first.line) == ("first", 3)
    assert first.articles[0].date == date(2024, 12, 23)
    assert first.articles[0].name == "a.md"
    assert [(n.name, c) for n, c in first.expect] == [("tolls_agree", None)]
    assert second.articles[0].name == "article-1"
    assert second.articles[0].date is None
    assert [(n.name, c) for n, c in second.expect] == [("tolls_agree", 2), ("estimates_agree", 0)]
    assert [(n.name, t) for n, t in second.claims] == [("deployed", ("about 1,000",))]


def test_ok_expects_nothing() -> None:
    assert make("ok", "x").expect == ()


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("tests: []\n", "`rules` is missing", 1),
        ("rules: r\ntests: []\n", "`tests` must be a non-empty list", 2),
        ("rules: r\ntest: []\n", "unknown key `test` (did you mean `tests`?)", 2),
        (
            "rules: r\ntests:\n  - name: a\n    articles: [{source: A, text: x}]\n"
            "    expect: maybe\n",
            "`expect` must be `ok`",
            5,
        ),
        (
            "rules: r\ntests:\n  - name: a\n    articles: [{source: A, text: x, date: soon}]\n"
            "    expect: ok\n",
            "bad date 'soon'",
            4,
        ),
        (
            "rules: r\ntests:\n  - name: a\n    articles: [{text: x}]\n    expect: ok\n",
            "article: `source` is missing",
            4,
        ),
        (
            "rules: r\ntests:\n  - name: a\n    articles: [{source: A, text: x}]\n    expect: ok\n"
            "    claims: {deployed: [about 1,000]}\n",
            "expected a list of quoted texts",
            6,
        ),
        (
            "rules: r\ntests:\n  - name: a\n    articles: [{source: A, text: x}]\n    expect: ok\n"
            "  - name: a\n    articles: [{source: A, text: x}]\n    expect: ok\n",
            "two tests are named 'a'",
            6,
        ),
    ],
)
def test_problems_are_reported_with_their_line(text: str, message: str, line: int) -> None:
    with pytest.raises(RuleTestFileError) as caught:
        parse_test_file(text, "t.yaml")
    (error,) = caught.value.errors
    assert message in error.message
    assert (error.path, error.line) == ("t.yaml", line)


def test_unknown_rule_and_measure_names_are_reported_with_a_suggestion(ruleset: RuleSet) -> None:
    text = (
        "rules: t.rules\ntests:\n  - name: a\n    articles: [{source: A, text: x}]\n"
        "    expect: [tolls_agre]\n    claims: {deploid: []}\n"
    )
    errors = check_names(parse_test_file(text, "t.yaml"), ruleset)
    assert [(e.line, e.column) for e in errors] == [(5, 14), (6, 14)]
    assert "no rule named 'tolls_agre' in t.rules; did you mean 'tolls_agree'?" in errors[0].message
    assert "did you mean 'deployed'?" in errors[1].message


# ------------------------------------------------------------------ running


def test_a_rule_that_fires_as_expected_passes(ruleset: RuleSet) -> None:
    result = run_test(make("[tolls_agree]", MANY_DEAD, FEW_DEAD), ruleset)
    assert result.passed, result.problems
    assert [v.rule for v in result.fired] == ["tolls_agree"]


def test_a_rule_that_does_not_fire_fails_the_test(ruleset: RuleSet) -> None:
    result = run_test(make("[estimates_agree]", SENT, MANY_DEAD), ruleset)
    assert result.problems == ("expected estimates_agree to fire, it did not",)


def test_a_rule_that_fires_unexpectedly_fails_the_test(ruleset: RuleSet) -> None:
    result = run_test(make("ok", MANY_DEAD, FEW_DEAD), ruleset)
    (problem,) = result.problems
    assert problem.startswith(
        "unexpected tolls_agree: killed: some 100 (Outlet 1) vs approximately 1,100 (Outlet 0)"
    )
    assert problem.endswith("(article-2:1:23, article-1:1:16)")  # the odd claim first


def test_counts_are_exact_and_count_findings(ruleset: RuleSet) -> None:
    three = (MANY_DEAD, FEW_DEAD, MANY_DEAD)  # two pairs disagree: one finding, the odd one
    assert run_test(make("{tolls_agree: 1}", *three), ruleset).passed
    result = run_test(make("{tolls_agree: 2}", *three), ruleset)
    assert result.problems == ("expected tolls_agree to fire 2 times, it fired once",)
    silent = run_test(make("{tolls_agree: 0}", MANY_DEAD, FEW_DEAD), ruleset)
    assert silent.problems == ("expected tolls_agree to fire 0 times, it fired once",)


def test_claims_are_compared_per_measure_in_text_order(ruleset: RuleSet) -> None:
    good = make("ok", SENT, AT_BORDER, claims='    claims: {deployed: ["12,000"]}\n')
    assert run_test(good, ruleset).passed
    wrong = make(
        "ok", SENT, AT_BORDER, claims='    claims: {deployed: ["12,000", "Up to 1,000"]}\n'
    )
    assert run_test(wrong, ruleset).problems == (
        'claims of deployed: expected ["12,000", "Up to 1,000"], found ["12,000"]',
    )


def test_coverage_lists_the_tests_naming_each_rule(ruleset: RuleSet) -> None:
    fires = run_test(make("[tolls_agree]", MANY_DEAD, FEW_DEAD), ruleset)
    silent = run_test(make("{tolls_agree: 0}", MANY_DEAD), ruleset)
    nothing = run_test(make("ok", MANY_DEAD), ruleset)
    covered = coverage(["tolls_agree", "estimates_agree"], [fires, silent, nothing])
    assert covered == {"tolls_agree": (("t", True), ("t", False)), "estimates_agree": ()}
