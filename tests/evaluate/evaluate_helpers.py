"""Small builders for rule sets, so tests read like the rule language (claims: claim_factory)."""

from __future__ import annotations

from fractions import Fraction

from crosscheck.dsl.ast import (
    Agreement,
    Body,
    Measure,
    MeasureRef,
    Relative,
    Rule,
    RuleSet,
    Scope,
    ScopeKind,
)


def ruleset(measures: list[Measure], rules: list[Rule]) -> RuleSet:
    """A rule set as the checker would build it, from AST nodes."""
    return RuleSet(
        subjects={},
        measures={m.name: m for m in measures},
        rules=tuple(rules),
        hedges={},
        vague={},
    )


def rule(name: str, body: Body, kind: str = "across sources", days: int | None = None) -> Rule:
    """A rule with a scope given as in the rule language."""
    return Rule(name, body, Scope(ScopeKind(kind), days))


def agree(measure: str, percent: int | None) -> Agreement:
    """``MEASURE agree within PERCENT%`` (exactly when None)."""
    tol = None if percent is None else Relative(Fraction(percent))
    return Agreement(MeasureRef(measure), tol)
