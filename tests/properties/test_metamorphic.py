"""Changes to the input that must not change the verdicts (or only one way).

Each property compares two evaluations: the claims shuffled; given in other units;
all scaled by k > 0 (relative and exact rules only); with some claims removed; with
tolerances loosened. A verdict is identified by its rule and the claims it cites.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from crosscheck import testing as cct
from crosscheck.dsl import build_ruleset
from crosscheck.dsl.ast import (
    Absolute,
    Agreement,
    Bounds,
    Comparison,
    Constant,
    Measure,
    Monotonic,
    Op,
    Relative,
    Rule,
    RuleFile,
    RuleSet,
    ScopeKind,
    Sum,
)
from crosscheck.evaluate import Pairwise, evaluate_pairs
from crosscheck.hedges import ReadingSettings
from crosscheck.load.claims import claim_from_json
from crosscheck.model import Claim, Violation, claim_to_json
from crosscheck.testing.rulefiles import UNITS
from crosscheck.units import QUANTITY_UNITS, compatible, conversion_factor

Verdict = tuple[str, tuple[tuple[str, int | None], ...]]


def verdicts(found: tuple[Violation, ...]) -> list[Verdict]:
    """Each finding as its rule and the (document, position) of the claims it cites."""
    return [(v.rule, tuple((c.document, c.start) for c in v.claims)) for v in found]


def relations(ruleset: RuleSet, found: tuple[Violation, ...]) -> set[object]:
    """Each violation as the relation it reports: its rule and, per side, its claims or,
    for a sum of two or more terms, its document (and first claim's origin under an
    origin scope, §4.2). Fewer claims or a looser tolerance may change which choice of a
    document's sums is cited (the most extreme one), never add a relation."""
    rules = {rule.name: rule for rule in ruleset.rules}
    out: set[object] = set()
    for v in found:
        rule = rules[v.rule]
        body = rule.body
        names = (_names(body.left), _names(body.right)) if isinstance(body, Comparison) else ()
        if not names or max(len(n) for n in names) < 2:
            out.add((v.rule, tuple((c.document, c.start) for c in v.claims)))
            continue
        by_origin = rule.scope.kind in (ScopeKind.ACROSS_ORIGINS, ScopeKind.PER_ORIGIN)
        sides: list[object] = []
        rest = list(v.claims)
        for side_names in names:
            side, rest = rest[: len(side_names)], rest[len(side_names) :]
            if len(side_names) < 2:
                sides.append(tuple((c.document, c.start) for c in side))
            else:
                first = side[0]
                who = f"origin:{first.origin}" if first.origin else f"source:{first.source}"
                sides.append((first.document, who if by_origin else None))
        assert isinstance(body, Comparison)
        symmetric = body.op is Op.EQ and sorted(names[0]) == sorted(names[1])
        out.add((v.rule, frozenset(sides) if symmetric else tuple(sides)))
    return out


def _names(operand: object) -> tuple[str, ...]:
    """The measures an operand sums (none for a constant)."""
    return tuple(t.name for t in operand.terms) if isinstance(operand, Sum) else ()


def summary(outcome: Pairwise) -> tuple[list[Verdict], list[Verdict], list[Verdict]]:
    skipped = [(s.rule, ((s.claim.document, s.claim.start),)) for s in outcome.skipped]
    return verdicts(outcome.violations), verdicts(outcome.undecided), skipped


def run(ruleset: RuleSet, claims: list[Claim]) -> Pairwise:
    return evaluate_pairs(ruleset, claims, keep_undecided=True)


ANY_RULE = cct.RuleShape(max_value=300, max_days=5)


@st.composite
def cases(
    draw: st.DrawFn, shape: cct.RuleShape = ANY_RULE
) -> tuple[RuleFile, RuleSet, list[Claim]]:
    rule_file = draw(cct.rule_files(shape, max_measures=3, max_rules=3, settings=False))
    ruleset = build_ruleset([rule_file])
    docs = cct.documents(max_size=3, days=6)
    claims = draw(cct.claim_sets(ruleset, docs=docs, values=cct.amounts(300), max_size=7))
    return rule_file, ruleset, claims


@given(cases(), st.randoms(use_true_random=False))
def test_the_order_of_claims_and_documents_does_not_matter(
    case: tuple[RuleFile, RuleSet, list[Claim]], random: object
) -> None:
    _, ruleset, claims = case
    shuffled = list(claims)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    assert run(ruleset, shuffled) == run(ruleset, claims)
    assert evaluate_pairs(ruleset, shuffled) == evaluate_pairs(ruleset, claims)


# ------------------------------------------------------------------ units


def _unit_of(measure: Measure) -> str:
    return measure.unit or QUANTITY_UNITS[measure.quantity]


def _pin(rule: Rule, units: dict[str, str]) -> Rule:
    """The rule with every bare number given the unit it is read in (§4.3), so that
    re-declaring the measures' units cannot change its meaning."""
    body = rule.body
    if isinstance(body, Comparison):
        first = next(s for s in (body.left, body.right) if isinstance(s, Sum)).terms[0].name
        unit = units[first]
        sides = [
            s if not isinstance(s, Constant) or s.unit else replace(s, unit=unit)
            for s in (body.left, body.right)
        ]
        body = replace(
            body, left=sides[0], right=sides[1], tolerance=_pin_tol(body.tolerance, unit)
        )
    elif isinstance(body, Bounds):
        unit = units[body.measure.name]
        body = replace(
            body,
            low=replace(body.low, unit=body.low.unit or unit),
            high=replace(body.high, unit=body.high.unit or unit),
        )
    elif isinstance(body, Agreement | Monotonic):
        body = replace(body, tolerance=_pin_tol(body.tolerance, units[body.measure.name]))
    return replace(rule, body=body)


def _pin_tol(tolerance: Relative | Absolute | None, unit: str) -> Relative | Absolute | None:
    if isinstance(tolerance, Absolute) and tolerance.unit is None:
        return replace(tolerance, unit=unit)
    return tolerance


@given(cases(cct.RuleShape(quantities=("length", "mass", "duration"), max_value=300)), st.data())
def test_claims_in_other_compatible_units_give_the_same_verdicts(
    case: tuple[RuleFile, RuleSet, list[Claim]], data: st.DataObject
) -> None:
    rule_file, ruleset, claims = case
    measures = [s for s in rule_file.statements if isinstance(s, Measure)]
    old = {m.name: _unit_of(m) for m in measures}
    new_units = {
        m.name: data.draw(st.sampled_from([u for u in UNITS[m.quantity] if u])) for m in measures
    }
    statements = [
        replace(s, unit=new_units[s.name])
        if isinstance(s, Measure)
        else _pin(s, old)
        if isinstance(s, Rule)
        else s
        for s in rule_file.statements
    ]
    moved = build_ruleset([RuleFile(rule_file.path, tuple(statements))])
    converted = [
        c.model_copy(
            update={
                "interval": c.interval.scale(
                    conversion_factor(old[c.measure], new_units[c.measure])
                ),
                "unit": new_units[c.measure],
            }
        )
        for c in claims
    ]
    pinned = build_ruleset(
        [
            RuleFile(
                rule_file.path,
                tuple(_pin(s, old) if isinstance(s, Rule) else s for s in rule_file.statements),
            )
        ]
    )
    assert summary(run(moved, converted)) == summary(run(pinned, claims))
    assert summary(run(pinned, claims)) == summary(run(ruleset, claims))


def _as_json(claim: Claim, unit: str, factor: Fraction) -> dict[str, object]:
    """A claim as another pipeline might write it, its numbers in ``unit``."""
    iv = claim.interval
    return {
        "measure": claim.measure,
        "low": None if iv.low is None else iv.low * factor,
        "high": None if iv.high is None else iv.high * factor,
        "low_inclusive": iv.low_closed,
        "high_inclusive": iv.high_closed,
        "unit": unit,
        "stated": claim.stated,
        "document": claim.document,
        "source": claim.source,
        "date": claim.date.isoformat() if claim.date else None,
        "start": claim.start,
        "end": claim.end,
        "origin": claim.origin,
        "as_of": claim_to_json(claim)["as_of"],
    }


@given(cases(cct.RuleShape(quantities=("length",), max_value=300)), st.data())
def test_claims_read_in_mm_cm_or_inches_give_the_same_verdicts(
    case: tuple[RuleFile, RuleSet, list[Claim]], data: st.DataObject
) -> None:
    _, ruleset, claims = case
    settings = ReadingSettings.with_overrides(ruleset.hedges, ruleset.vague)
    loaded = []
    for claim in claims:
        unit = data.draw(st.sampled_from(["mm", "cm", "inch", "m", "km", "foot"]))
        factor = conversion_factor(ruleset.unit_of(claim.measure), unit)
        loaded.append(claim_from_json(_as_json(claim, unit, factor), ruleset, settings)[0])
    assert [c.interval for c in loaded] == [c.interval for c in claims]
    assert summary(run(ruleset, loaded)) == summary(run(ruleset, claims))


EVERY_UNIT = [
    *("mm", "cm", "m", "km", "inch", "foot", "yard", "mile"),
    *("kg", "g", "t", "lb"),
    *("second", "minute", "hour", "d", "week"),
]


def test_conversion_factors_are_exact_inverses() -> None:
    inexact = [
        (a, b)
        for a, b in itertools.permutations(EVERY_UNIT, 2)
        if compatible(a, b) and conversion_factor(a, b) * conversion_factor(b, a) != 1
    ]
    assert inexact == []


# ------------------------------------------------------------------ scaling, removing, loosening

RELATIVE_ONLY = cct.RuleShape(
    kinds=("comparison", "agreement", "monotonic"),
    tolerances=("relative", "exact"),
    constants=False,
    max_days=5,
)
FACTORS = st.sampled_from(
    [Fraction(1, 3), Fraction(1, 2), Fraction(7, 5), Fraction(3), Fraction(1000)]
)


@given(cases(RELATIVE_ONLY), FACTORS)
def test_scaling_every_value_keeps_relative_verdicts(
    case: tuple[RuleFile, RuleSet, list[Claim]], k: Fraction
) -> None:
    _, ruleset, claims = case
    scaled = [c.model_copy(update={"interval": c.interval.scale(k)}) for c in claims]
    assert summary(run(ruleset, scaled)) == summary(run(ruleset, claims))


@given(cases(), st.data())
def test_removing_claims_never_adds_a_violation(
    case: tuple[RuleFile, RuleSet, list[Claim]], data: st.DataObject
) -> None:
    _, ruleset, claims = case
    kept = [c for c in claims if data.draw(st.booleans())]
    fewer = relations(ruleset, evaluate_pairs(ruleset, kept).violations)
    assert fewer <= relations(ruleset, evaluate_pairs(ruleset, claims).violations)


def _looser(
    tolerance: Relative | Absolute | None, data: st.DataObject
) -> Relative | Absolute | None:
    """A tolerance that allows at least as much as ``tolerance``."""
    more = data.draw(st.sampled_from([Fraction(0), Fraction(1, 2), Fraction(5), Fraction(40)]))
    if isinstance(tolerance, Relative):
        return Relative(min(tolerance.percent + more, Fraction(99)))
    if isinstance(tolerance, Absolute):
        return replace(tolerance, amount=tolerance.amount + more)
    return data.draw(st.sampled_from([Relative(more), Absolute(more)]))


@given(cases(), st.data())
def test_loosening_a_tolerance_never_adds_a_violation(
    case: tuple[RuleFile, RuleSet, list[Claim]], data: st.DataObject
) -> None:
    rule_file, ruleset, claims = case
    statements = []
    for s in rule_file.statements:
        if isinstance(s, Rule) and isinstance(s.body, Comparison | Agreement | Monotonic):
            s = replace(s, body=replace(s.body, tolerance=_looser(s.body.tolerance, data)))
        statements.append(s)
    looser = build_ruleset([RuleFile(rule_file.path, tuple(statements))])
    looser_found = relations(looser, evaluate_pairs(looser, claims).violations)
    assert looser_found <= relations(ruleset, evaluate_pairs(ruleset, claims).violations)
