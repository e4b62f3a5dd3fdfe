"""What a pairwise rule relates, for the columnar path: the ``findings.setup.Setup`` of a
rule without its sides (measures by operand, parts, tolerance, what needs a date).

Built by the same rules as ``evaluate.findings.setup`` (agreement, growth, comparison
between two single measures); any other rule, or one whose measures need a unit
conversion, has no plan and goes to the record path.
"""

from __future__ import annotations

from dataclasses import dataclass

from crosscheck.dsl.ast import Agreement, Comparison, Monotonic, Op, Rule, RuleSet
from crosscheck.evaluate.candidates import DateRule
from crosscheck.evaluate.findings.setup import GROWTH_REASON, Part, Setup, terms
from crosscheck.evaluate.relations import SPLIT, Within, tolerance_in
from crosscheck.evaluate.scopes import date_needed
from crosscheck.model import FindingKind


@dataclass(frozen=True)
class Plan:
    """One pairwise rule of single claims: ``roles`` the measure of each operand (one for
    an agreement, a growth rule or ``a == a``), ``reason`` why undated claims are skipped
    (None: they are not), and the ``Setup`` the findings' words are made from (no sides)."""

    setup: Setup
    roles: tuple[str, ...]
    reason: str | None

    @property
    def within(self) -> Within:
        """The rule's tolerance in its working unit."""
        return self.setup.within

    @property
    def timed(self) -> bool:
        """Whether partners depend on time (a date order or a day window)."""
        days = self.setup.rule.scope.days
        return days is not None or any(p.dates is not DateRule.ANY for p in self.setup.parts)


def plan_of(rule: Rule, ruleset: RuleSet) -> Plan | None:
    """The plan of a pairwise rule of single claims in one unit; None for any other."""
    body = rule.body
    if isinstance(body, Agreement | Monotonic):
        name = body.measure.name
        unit = ruleset.unit_of(name)
        within = tolerance_in(body.tolerance, unit)
        if isinstance(body, Monotonic):
            growth: tuple[Part, ...] = (Part(0, 0, DateRule.AFTER),)
            setup = Setup(rule, ([],), within, growth, unit, FindingKind.DROP, True, True)
            return Plan(setup, (name,), GROWTH_REASON)
        ordered = ruleset.measures[name].cumulative
        reason = date_needed(rule.scope, 2, ordered)
        dates = DateRule.NOT_BEFORE if ordered else DateRule.ANY
        over_time = ordered or rule.scope.days is not None
        kind = FindingKind.OUTLIER
        setup = Setup(rule, ([],), within, (Part(0, 0, dates),), unit, kind, over_time, True)
        return Plan(setup, (name,), reason)
    return _comparison_plan(rule, body, ruleset) if isinstance(body, Comparison) else None


def _comparison_plan(rule: Rule, body: Comparison, ruleset: RuleSet) -> Plan | None:
    """A comparison between two single measures (an agreement when ``a == a``)."""
    left, right = terms(body.left), terms(body.right)
    if len(left) != 1 or len(right) != 1:
        return None  # a constant or a sum: grouped from violations
    names = left + right
    unit = ruleset.unit_of(names[0])
    if any(ruleset.unit_of(name) != unit for name in names):
        return None  # a unit conversion: the record path scales exactly
    ordered = any(ruleset.measures[n].cumulative for n in names)
    reason = date_needed(rule.scope, 2, ordered)
    dates = DateRule.NOT_BEFORE if ordered else DateRule.ANY
    within = tolerance_in(body.tolerance, unit)
    over_time = ordered or rule.scope.days is not None
    if body.op is Op.EQ and left == right:  # an agreement written as a comparison
        one: tuple[Part, ...] = (Part(0, 0, dates),)
        setup = Setup(rule, ([],), within, one, unit, FindingKind.OUTLIER, over_time, True)
        return Plan(setup, left, reason)
    if left == right:
        return None  # ``a <= a``: the record path
    parts: tuple[Part, ...] = tuple(Part(c.small, c.big, dates, c.strict) for c in SPLIT[body.op])
    setup = Setup(rule, ([], []), within, parts, unit, FindingKind.BREAKS, over_time, True)
    return Plan(setup, names, reason)
