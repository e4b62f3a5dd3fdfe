"""The grouped kinds on columns (bounds, comparisons with a constant or a sum) give the
record path's findings and skipped claims, record for record and in order; headline
copies are set aside as the record path sets them aside."""

from __future__ import annotations

import importlib.util
import random
from fractions import Fraction
from pathlib import Path
from types import ModuleType

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from crosscheck import testing as cct
from crosscheck.columns.grouped import grouped_rule, is_grouped
from crosscheck.columns.headlines import headline_copies, kept_rows
from crosscheck.columns.table import ClaimColumns
from crosscheck.dsl import build_ruleset
from crosscheck.dsl.ast import RuleSet
from crosscheck.evaluate import evaluate
from crosscheck.evaluate.headlines import without_headline_copies
from crosscheck.interval import Interval
from crosscheck.load.rules import load_rules
from crosscheck.model import Claim, Finding, Skipped

ROOT = Path(__file__).resolve().parents[2]
ALL = 10**6  # cite every claim in full


@st.composite
def grouped_cases(
    draw: st.DrawFn, values: st.SearchStrategy[Interval]
) -> tuple[RuleSet, list[Claim]]:
    """A rule file of bounds and comparisons (constants and sums of up to three terms)
    and claims of its measures, some repeated in other documents."""
    kinds = ("comparison", "bounds")
    shape = cct.RuleShape(kinds=kinds, max_terms=3, max_value=12, max_days=4, words=False)
    ruleset = build_ruleset([draw(cct.rule_files(shape, max_measures=3, max_rules=3))])
    docs = cct.documents(max_size=4, days=5)
    found = cct.claim_sets(ruleset, docs=docs, values=values, max_size=10, repeats=True)
    return ruleset, draw(found)


def columnar(
    ruleset: RuleSet, claims: list[Claim], cite: int
) -> tuple[list[Finding], list[Skipped]]:
    """The grouped rules' findings and skipped claims, worked out on columns."""
    table = ClaimColumns.from_claims(claims)
    rows = kept_rows(table)
    findings: list[Finding] = []
    skipped: list[Skipped] = []
    for rule in ruleset.rules:
        if is_grouped(rule):
            found, skips = grouped_rule(rule, ruleset, table, rows, cite)
            findings += found
            skipped += skips
    return findings, skipped


def recorded(
    ruleset: RuleSet, claims: list[Claim], cite: int
) -> tuple[list[Finding], list[Skipped]]:
    """The same, by the record path."""
    outcome = evaluate(ruleset, claims, cite=cite)
    names = {rule.name for rule in ruleset.rules if is_grouped(rule)}
    findings = [f for f in outcome.findings if f.rule in names]
    return findings, [s for s in outcome.skipped if s.rule in names]


@given(grouped_cases(cct.amounts(12, whole=True)))
def test_whole_ends_as_the_record_path(case: tuple[RuleSet, list[Claim]]) -> None:
    ruleset, claims = case
    assert columnar(ruleset, claims, ALL) == recorded(ruleset, claims, ALL)


@given(grouped_cases(cct.amounts(60)))
def test_open_unbounded_and_fractional_ends_as_the_record_path(
    case: tuple[RuleSet, list[Claim]],
) -> None:
    ruleset, claims = case
    assert columnar(ruleset, claims, 2) == recorded(ruleset, claims, 2)


def test_generated_benchmark_claims_as_the_record_path() -> None:
    generate_claims = benchmark("evaluate").generate_claims
    rules = load_rules(ROOT / "rules" / "nk_deployment.rules")
    claims = generate_claims(rules, 6000, 3)
    found = columnar(rules, claims, 5)
    assert found == recorded(rules, claims, 5)
    assert "parts_add_up" in {f.rule for f in found[0]}


def test_a_sum_that_fails_only_at_an_open_end_is_found() -> None:
    """Floats never decide a failure: ``[0, 10) + 5 == 15`` fails exactly, at 15."""
    rules = build_ruleset_text(
        "measure a: count\nmeasure b: count\nmeasure c: count\n"
        "rule r: a + b == c per document\nrule s: c within 0 .. 14.9999999999999\n"
    )
    claims = [
        claim("a", Interval(Fraction(0), Fraction(10), True, False)),
        claim("b", Interval.point(5)),
        claim("c", Interval.point(15)),
    ]
    found = columnar(rules, claims, 5)
    assert [f.rule for f in found[0]] == ["r", "s"]
    assert found == recorded(rules, claims, 5)


def benchmark(name: str) -> ModuleType:
    """A module of benchmarks/, loaded by path (its name is no package's)."""
    spec = importlib.util.spec_from_file_location(
        f"bench_{name}", ROOT / "benchmarks" / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_ruleset_text(text: str) -> RuleSet:
    from crosscheck.dsl.parser import parse

    return build_ruleset([parse(text)])


def claim(measure: str, interval: Interval, document: str = "a.txt", line: int = 1) -> Claim:
    return Claim(
        measure=measure,
        interval=interval,
        unit="count",
        stated=str(interval),
        document=document,
        source="s",
        line=line,
    )


@st.composite
def headed(draw: st.DrawFn) -> list[Claim]:
    """Claims of a few documents on a few lines, some in headlines, some repeated."""
    found = []
    for _ in range(draw(st.integers(0, 9))):
        value = draw(st.sampled_from([1, 2, 2**70]))
        found.append(
            Claim(
                measure=draw(st.sampled_from("ab")),
                subject=draw(st.sampled_from([None, "s"])),
                interval=draw(
                    st.sampled_from([Interval.point(value), Interval(Fraction(value), None)])
                ),
                unit="count",
                stated="x",
                document=draw(st.sampled_from(["d1", "d2"])),
                source="s",
                line=draw(st.sampled_from([None, 1, 2, 3])),
                sentence=draw(st.sampled_from([None, "Head", "A sentence.", "two\nlines", ""])),
            )
        )
    return found


@given(headed())
def test_headline_copies_as_the_record_path(claims: list[Claim]) -> None:
    kept = without_headline_copies(claims)
    copies = headline_copies(ClaimColumns.from_claims(claims))
    assert [id(c) for c, copy in zip(claims, copies, strict=True) if not copy] == list(
        map(id, kept)
    )


def test_a_headline_copy_is_set_aside() -> None:
    head = claim("a", Interval.point(7)).model_copy(update={"sentence": "Toll at 7"})
    body = claim("a", Interval.point(7), line=2).model_copy(update={"sentence": "It is 7."})
    other = claim("a", Interval.point(7), document="b.txt").model_copy(update={"sentence": "7"})
    table = ClaimColumns.from_claims([head, body, other])
    assert headline_copies(table).tolist() == [True, False, False]
    assert kept_rows(table).tolist() == [1, 2]


def test_shuffled_documents_change_nothing() -> None:
    rules = load_rules(ROOT / "rules" / "nk_deployment.rules")
    claims = [
        claim("killed", Interval.point(10), "d1.txt"),
        claim("wounded", Interval.point(30), "d1.txt"),
        claim("casualties", Interval.point(90), "d1.txt"),
        claim("deployed", Interval.point(0), "d2.txt"),
    ]
    claims = [c.model_copy(update={"unit": rules.unit_of(c.measure)}) for c in claims]
    want = recorded(rules, claims, 5)
    assert want[0]
    mixed = claims[:]
    random.Random(1).shuffle(mixed)
    assert columnar(rules, mixed, 5) == want
    assert np.all(kept_rows(ClaimColumns.from_claims(mixed)) == np.arange(4))


def test_a_sum_against_a_claim_of_another_document_is_found() -> None:
    """Across sources, a document's sums fail against another document's claim: neither
    document could fail on its own extremes."""
    rules = build_ruleset_text(
        "measure a: count\nmeasure b: count\nmeasure c: count\nrule r: a + b <= c\n"
    )
    claims = [
        claim("a", Interval.point(10), "d1.txt"),
        claim("b", Interval.point(10), "d1.txt"),
        claim("c", Interval.point(5), "d2.txt").model_copy(update={"source": "t"}),
        claim("c", Interval.point(50), "d3.txt").model_copy(update={"source": "t"}),
    ]
    found = columnar(rules, claims, 5)
    assert len(found[0]) == 1 and found[0][0].pairs == 1
    assert found == recorded(rules, claims, 5)
