"""The columnar evaluator gives the record path's outcome: the same findings, record for
record and in order, and the same skipped claims, for every rule kind (pairwise rules
decided on columns; grouped ones on columns too; the rest by records)."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_grouped import ROOT, benchmark, build_ruleset_text

from crosscheck import testing as cct
from crosscheck.columns import evaluate as columnar
from crosscheck.columns.evaluate import evaluate_columns
from crosscheck.columns.plan import plan_of
from crosscheck.columns.table import ClaimColumns
from crosscheck.dsl import build_ruleset
from crosscheck.dsl.ast import RuleSet
from crosscheck.evaluate import evaluate
from crosscheck.interval import Interval
from crosscheck.load.rules import load_rules
from crosscheck.model import Claim


@st.composite
def pairwise_cases(
    draw: st.DrawFn, values: st.SearchStrategy[Interval], most: int
) -> tuple[RuleSet, list[Claim]]:
    """One or two rules relating claims pairwise (any scope, tolerance, window) and many
    claims of their measures: repeats, ties at the edges, several days and origins."""
    kind = draw(st.sampled_from(["agreement", "monotonic", "comparison"]))
    shape = cct.RuleShape(kinds=(kind,), max_terms=1, max_value=40, max_days=4, words=False)
    ruleset = build_ruleset([draw(cct.rule_files(shape, max_measures=2, max_rules=2))])
    docs = cct.documents(min_size=2, max_size=6, days=6)
    found = cct.claim_sets(
        ruleset, docs=docs, values=values, min_size=4, max_size=most, repeats=True
    )
    return ruleset, draw(found)


def assert_same(ruleset: RuleSet, claims: list[Claim], cite: int) -> None:
    expected = evaluate(ruleset, claims, cite=cite)
    found = evaluate_columns(ruleset, ClaimColumns.from_claims(claims), cite=cite)
    assert found.findings == expected.findings
    assert found.skipped == expected.skipped


@given(pairwise_cases(cct.amounts(40, whole=True, allow_unbounded=False), 30), st.integers(1, 4))
def test_whole_ends_as_the_record_path(case: tuple[RuleSet, list[Claim]], cite: int) -> None:
    assert_same(*case, cite)


@given(pairwise_cases(cct.amounts(60), 16), st.integers(1, 3))
def test_open_unbounded_and_fractional_ends_as_the_record_path(
    case: tuple[RuleSet, list[Claim]], cite: int
) -> None:
    assert_same(*case, cite)


def test_benchmark_claims_are_decided_on_columns_as_by_records() -> None:
    """The sample rules over generated claims: every pairwise rule is decided on columns
    (no record path), each has findings, and all equal the record path's."""
    rules = load_rules(ROOT / "rules" / "nk_deployment.rules")
    claims = benchmark("evaluate").generate_claims(rules, 8000, 5)
    table = ClaimColumns.from_claims(claims)
    rows = np.arange(len(table), dtype=np.int64)
    records = columnar.Records(table)
    for rule in rules.rules:
        plan = plan_of(rule, rules)
        if plan is not None:
            assert columnar.pairwise_rule(plan, table, rows, records, 5) is not None, rule.name
    found = evaluate_columns(rules, table)
    assert found.findings == evaluate(rules, claims).findings
    ruled = {f.rule for f in found.findings}
    assert {"death_tolls_agree", "casualties_only_grow", "casualty_counts_agree"} <= ruled


def test_ends_one_float_apart_are_compared_exactly() -> None:
    """1 and 1 + 10**-17 are one float: ``agree exactly`` still fails between them."""
    rules = build_ruleset_text("measure m: count\nrule r: m agree exactly\n")
    near_one = Fraction(10**17 + 1, 10**17)
    assert float(near_one) == 1.0
    claims = [
        _claim(Interval.point(1), "a.txt", "s1"),
        _claim(Interval.point(1), "b.txt", "s2"),
        _claim(Interval.point(near_one), "c.txt", "s3"),
    ]
    found = evaluate_columns(rules, ClaimColumns.from_claims(claims)).findings
    assert [f.pairs for f in found] == [2]
    assert_same(rules, claims, 5)


def test_a_split_goes_to_the_record_path_and_agrees() -> None:
    """Two camps of equal size: the split's camps are the record path's."""
    rules = build_ruleset_text("measure m: count\nrule r: m agree within 10%\n")
    claims = [
        _claim(Interval.point(value), f"{i}.txt", f"s{i}")
        for i, value in enumerate((100, 101, 300, 302))
    ]
    found = evaluate_columns(rules, ClaimColumns.from_claims(claims)).findings
    assert [f.kind.value for f in found] == ["split"]
    assert_same(rules, claims, 5)


def _claim(interval: Interval, document: str, source: str) -> Claim:
    return Claim(
        measure="m",
        interval=interval,
        unit="count",
        stated=str(interval),
        document=document,
        source=source,
        line=1,
    )


def test_the_benchmark_generates_the_same_claims_into_columns() -> None:
    """benchmarks/evaluate.py makes columns with no records: the same claims, row for row."""
    module = benchmark("evaluate")
    rules = load_rules(ROOT / "rules" / "nk_deployment.rules")
    claims = module.generate_claims(rules, 3000, 2)
    table = module.generate_columns(rules, 3000, 2)
    assert [table.claim(i) for i in range(len(table))] == claims
    assert table.rank.tolist() == ClaimColumns.from_claims(claims).rank.tolist()


def test_limits_past_64_bits_are_ranked_exactly() -> None:
    """Ends near 2**59 under a 15% tolerance: the limits do not fit int64 and are ranked
    as fractions, with the same findings."""
    rules = build_ruleset_text("measure m: count\nrule r: m agree within 15%\n")
    big = 2**59
    values = (big, big + 1, big * 17 // 20, big // 2, big // 2 + 3)
    claims = [_claim(Interval.point(v), f"{i}.txt", f"s{i}") for i, v in enumerate(values)]
    claims.append(_claim(Interval(Fraction(big * 17, 20), None, False), "x.txt", "sx"))
    found = evaluate_columns(rules, ClaimColumns.from_claims(claims)).findings
    assert found
    assert_same(rules, claims, 5)


def test_a_strict_comparison_fails_at_equal_ends() -> None:
    """``a < b``: 5 against two 5s fails twice, as the small side's limit (strict) says."""
    rules = build_ruleset_text("measure a: count\nmeasure b: count\nrule r: a < b\n")
    claims = [_claim(Interval.point(5), f"{i}.txt", f"s{i}") for i in range(3)]
    claims = [c.model_copy(update={"measure": m}) for c, m in zip(claims, "abb", strict=True)]
    found = evaluate_columns(rules, ClaimColumns.from_claims(claims)).findings
    assert [(f.pairs, f.cited[0].claims[0].measure) for f in found] == [(2, "a")]
    assert_same(rules, claims, 5)


@pytest.mark.parametrize("cite", [1, 3])
def test_many_odd_readings_and_origins_are_charged_as_by_records(cite: int) -> None:
    """Benchmark claims with one in twenty far off, an origin on a third of them and those
    reprinted by a second outlet: many odd readings, some printed by several outlets, each
    charged (claims, pairs, nearest) over ranges that hold other odd readings' claims and
    their own origin's or outlet's, as the record path charges them."""
    module = benchmark("evaluate")
    module.OUTLIER_RATE = 0.05
    rules = load_rules(ROOT / "rules" / "nk_deployment.rules")
    origins = sorted(rules.origins)
    claims: list[Claim] = []
    for i, claim in enumerate(module.generate_claims(rules, 2000, 7)):
        if i % 3:
            claims.append(claim)
            continue
        given = claim.model_copy(update={"origin": origins[i % len(origins)]})
        again = {"document": f"reprint{i:05d}.txt", "source": f"reprinter{i % 4}"}
        claims += [given, given.model_copy(update=again)]
    assert_same(rules, claims, cite)


def test_findings_kept_as_drafts_are_worded_alike_in_any_batch() -> None:
    """A pairwise rule's findings kept as the rows they cite (``decide_columns``) and
    worded a few at a time, with records made per batch, are the record path's."""
    module = benchmark("evaluate")
    module.OUTLIER_RATE = 0.02
    rules = load_rules(ROOT / "rules" / "nk_deployment.rules")
    claims = module.generate_claims(rules, 3000, 3)
    decided = columnar.decide_columns(rules, ClaimColumns.from_claims(claims))
    drafted = [rule for rule in decided if rule.drafts is not None and len(rule.drafts) > 3]
    assert drafted
    found = [
        finding
        for rule in decided
        for finding in (rule.built if rule.drafts is None else rule.drafts.findings(batch=2))
    ]
    assert found == list(evaluate(rules, claims).findings)
