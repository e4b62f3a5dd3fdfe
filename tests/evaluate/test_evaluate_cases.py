"""Every PASS/FAIL case in tests/evaluate/cases/*.yaml, run through the rule language.

Each case gives a rule file's text, claims, and the violations expected (rule name
and cited claim ids, in output and citation order) or `pass`; optionally the
undecided relations and skipped claims (no `skipped` means none).
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml

from claim_factory import make_claim
from crosscheck.dsl.ast import RuleSet
from crosscheck.dsl.parser import parse
from crosscheck.dsl.validate import build_ruleset
from crosscheck.evaluate import evaluate_pairs
from crosscheck.interval import Interval
from crosscheck.model import AsOf, Claim, Violation

CASES = Path(__file__).parent / "cases"


def load_cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            params.append(pytest.param(case, id=f"{path.stem}:{case['name']}"))
    return params


def compile_rules(text: str) -> RuleSet:
    """The rule set of a rule file's text, through the real parser and checker."""
    return build_ruleset([parse(text, "case.rules")])


def number(value: Any) -> Fraction | None:
    return None if value is None else Fraction(str(value))


def claim_from_spec(spec: dict[str, Any], position: int, rules: RuleSet) -> Claim:
    """The claim a case's entry describes, at ``position`` (so ids can be told apart)."""
    measure = spec["measure"]
    day = spec.get("date")
    return make_claim(
        measure,
        Interval(
            number(spec["low"]),
            number(spec["high"]),
            spec.get("low_inclusive", True),
            spec.get("high_inclusive", True),
        ),
        spec["document"],
        spec.get("source"),
        day,
        unit=rules.unit_of(measure) if measure in rules.measures else "item",
        stated=spec.get("stated", spec["id"]),
        start=position,
        end=position + 1,
        origin=spec.get("origin"),
        as_of=_as_of(spec.get("as_of")),
        part=spec.get("part"),
    )


def _as_of(spec: Any) -> AsOf | None:
    """``as_of: [START, END]`` (START may be null) as the claim's days."""
    if spec is None:
        return None
    start, end = spec
    return AsOf(start=None if start is None else _day(start), end=_day(end))


def _day(value: Any) -> dt.date:
    """A day as YAML gives it: a date, or ISO text."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def cited(violations: tuple[Violation, ...], ids: dict[tuple[str, int | None], str]) -> list[Any]:
    return [(v.rule, [ids[(c.document, c.start)] for c in v.claims]) for v in violations]


def expected(entries: Any) -> list[Any]:
    return [] if entries == "pass" else [(e["rule"], list(e["claims"])) for e in entries]


def test_case_names_are_unique() -> None:
    names = [p.id for p in load_cases()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("case", load_cases())
def test_case(case: dict[str, Any]) -> None:
    rules = compile_rules(case["rules"])
    claims = [claim_from_spec(spec, n, rules) for n, spec in enumerate(case["claims"])]
    ids = {
        (c.document, c.start): spec["id"] for c, spec in zip(claims, case["claims"], strict=True)
    }
    outcome = evaluate_pairs(rules, claims, keep_undecided=True)

    assert cited(outcome.violations, ids) == expected(case["expect"])
    if "undecided" in case:
        assert cited(outcome.undecided, ids) == expected(case["undecided"])
    skipped = [(s.rule, ids[(s.claim.document, s.claim.start)]) for s in outcome.skipped]
    assert skipped == [(s["rule"], s["claim"]) for s in case.get("skipped", [])]
    for v in outcome.violations:
        assert v.message and v.detail
    # The same findings without undecided relations, and whatever the input order.
    plain = evaluate_pairs(rules, claims[::-1])
    assert (plain.violations, plain.undecided) == (outcome.violations, ())
