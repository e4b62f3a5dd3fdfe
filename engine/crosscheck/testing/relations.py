"""A rule's relation in numbers, worked out from the rule file alone.

This deliberately does not reuse ``crosscheck.evaluate``: the strategies built on it
must stay right when the evaluator is wrong. It reads the rule as docs/semantics.md
states it (§3, §4.3): every relation is a set of one-sided parts
``k * lhs - rhs <= bound`` (``<`` when strict) between two sides, in the rule's
working unit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from crosscheck.dsl.ast import (
    Absolute,
    Agreement,
    Comparison,
    Constant,
    Monotonic,
    Op,
    Operand,
    Relative,
    Rule,
    RuleSet,
    Sum,
    Tolerance,
)
from crosscheck.units import conversion_factor


@dataclass(frozen=True)
class Part:
    """``k * side[lhs] - side[rhs] <= bound`` (``<`` when strict)."""

    lhs: int
    rhs: int
    strict: bool = False


PARTS: dict[Op, tuple[Part, ...]] = {
    Op.LE: (Part(0, 1),),
    Op.LT: (Part(0, 1, strict=True),),
    Op.GE: (Part(1, 0),),
    Op.GT: (Part(1, 0, strict=True),),
    Op.EQ: (Part(0, 1), Part(1, 0)),
}


@dataclass(frozen=True)
class Slack:
    """A tolerance as numbers: ``k`` scales the side that must not be larger
    (``1 - p`` for ``within p``, else 1); ``bound`` is an absolute allowance."""

    k: Fraction = Fraction(1)
    bound: Fraction = Fraction(0)


def factor(source: str, target: str) -> Fraction:
    """The exact factor from unit ``source`` to unit ``target``."""
    return Fraction(1) if source == target else conversion_factor(source, target)


def slack_of(tolerance: Tolerance, unit: str) -> Slack:
    """A rule's tolerance in ``unit`` (a bare absolute amount is already in it)."""
    if isinstance(tolerance, Relative):
        return Slack(k=1 - tolerance.percent / 100)
    if isinstance(tolerance, Absolute):
        amount = tolerance.amount
        if tolerance.unit is not None:
            amount *= factor(tolerance.unit, unit)
        return Slack(bound=amount)
    return Slack()


def constant_value(constant: Constant, unit: str) -> Fraction:
    """A rule's constant in ``unit`` (a bare number is already in it)."""
    if constant.unit is None:
        return constant.value
    return constant.value * factor(constant.unit, unit)


def _terms(operand: Operand) -> tuple[str, ...]:
    return tuple(term.name for term in operand.terms) if isinstance(operand, Sum) else ()


@dataclass(frozen=True)
class Relation:
    """A comparison in its working unit: two sides, their parts, and the slack.

    ``terms[i]`` are the measures summed on side ``i`` (empty for a constant),
    ``constants[i]`` the constant of a constant side, ``factors`` what turns each
    measure's own unit into the working unit.
    """

    terms: tuple[tuple[str, ...], tuple[str, ...]]
    constants: tuple[Fraction | None, Fraction | None]
    factors: Mapping[str, Fraction]
    parts: tuple[Part, ...]
    slack: Slack

    @property
    def paired(self) -> bool:
        """Whether both sides are claims (else one side is a constant)."""
        return bool(self.terms[0]) and bool(self.terms[1])

    @property
    def measures(self) -> tuple[str, ...]:
        """Every measure named, each once, in the order the rule names them."""
        return tuple(dict.fromkeys(self.terms[0] + self.terms[1]))

    def value(self, side: int, values: Sequence[Fraction]) -> Fraction:
        """The side's value in the working unit, given one value per term (own units)."""
        constant = self.constants[side]
        if constant is not None:
            return constant
        terms = self.terms[side]
        return sum((self.factors[t] * v for t, v in zip(terms, values, strict=True)), Fraction(0))

    def holds(self, part: Part, sides: tuple[Fraction, Fraction]) -> bool:
        """Whether ``part`` holds for two side values."""
        left = self.slack.k * sides[part.lhs] - sides[part.rhs]
        return left < self.slack.bound if part.strict else left <= self.slack.bound


def comparison_relation(ruleset: RuleSet, body: Comparison) -> Relation:
    """The relation of a comparison rule, in the unit of the first measure it names."""
    terms = (_terms(body.left), _terms(body.right))
    names = terms[0] + terms[1]
    unit = ruleset.unit_of(names[0])
    constants = tuple(
        constant_value(side, unit) if isinstance(side, Constant) else None
        for side in (body.left, body.right)
    )
    return Relation(
        terms=terms,
        constants=(constants[0], constants[1]),
        factors={name: factor(ruleset.unit_of(name), unit) for name in names},
        parts=PARTS[body.op],
        slack=slack_of(body.tolerance, unit),
    )


def pair_relation(ruleset: RuleSet, body: Agreement | Monotonic) -> Relation:
    """An agreement (``==`` between two claims) or growth (``earlier <= later``) rule
    as a relation between two claims of its measure.
    """
    name = body.measure.name
    unit = ruleset.unit_of(name)
    parts = PARTS[Op.EQ] if isinstance(body, Agreement) else PARTS[Op.LE]
    return Relation(
        ((name,), (name,)), (None, None), {name: Fraction(1)}, parts, slack_of(body.tolerance, unit)
    )


def find_rule(ruleset: RuleSet, rule: str | Rule) -> Rule:
    """The rule of ``ruleset`` named ``rule`` (or ``rule`` itself)."""
    if isinstance(rule, Rule):
        return rule
    for candidate in ruleset.rules:
        if candidate.name == rule:
            return candidate
    known = ", ".join(r.name for r in ruleset.rules) or "none"
    raise KeyError(f"no rule {rule!r} in the rule set (its rules: {known})")


# ------------------------------------------------------------------ a world that satisfies


def _coefficients(rel: Relation, part: Part) -> tuple[dict[str, Fraction], Fraction]:
    """``k*lhs - rhs - bound`` as ``sum(c[m] * w[m]) + c0`` over one value per measure."""
    k, coef = rel.slack.k, dict.fromkeys(rel.measures, Fraction(0))
    for side, weight in ((part.lhs, k), (part.rhs, Fraction(-1))):
        for term in rel.terms[side]:
            coef[term] += weight * rel.factors[term]
    c0 = -rel.slack.bound
    for side, weight in ((part.lhs, k), (part.rhs, Fraction(-1))):
        constant = rel.constants[side]
        if constant is not None:
            c0 += weight * constant
    return coef, c0


def _lower(
    world: dict[str, Fraction], coef: Mapping[str, Fraction], excess: Fraction, order: Sequence[str]
) -> bool:
    """Change ``world`` (values >= 0) so that ``sum(coef * world)`` drops by ``excess``."""
    for name in order:
        if coef[name] < 0:
            world[name] += excess / -coef[name]
            return True
    for name in order:
        if coef[name] > 0 and world[name] > 0:
            cut = min(world[name], excess / coef[name])
            world[name] -= cut
            excess -= cut * coef[name]
            if excess == 0:
                return True
    return excess <= 0


def satisfying_world(
    rel: Relation, start: Mapping[str, Fraction], order: Sequence[str], margin: Fraction
) -> dict[str, Fraction] | None:
    """One value per measure (own units, >= 0) for which every part of the relation
    holds, found by adjusting ``start``; ``None`` when no such values exist.

    For ``==`` the two sides are made equal; a one-sided part is made to hold with
    ``margin`` (> 0) to spare, or as much as the part allows when that is less.
    """
    world = {name: Fraction(start[name]) for name in rel.measures}
    if len(rel.parts) == 2:
        difference = _difference(rel, world)
        if difference > 0 and not _lower(world, _side_coefficients(rel, 1), difference, order):
            return None
        if difference < 0 and not _lower(world, _side_coefficients(rel, -1), -difference, order):
            return None
        return world if _difference(rel, world) == 0 else None
    part = rel.parts[0]
    coef, c0 = _coefficients(rel, part)
    if all(c >= 0 for c in coef.values()):
        # The least value the part's left-hand side can take: every measure at 0.
        if c0 > 0 or (c0 == 0 and part.strict):
            return None
        margin = min(margin, -c0)
    excess = sum((coef[n] * world[n] for n in world), c0) + margin
    if excess > 0 and not _lower(world, coef, excess, order):
        return None
    return world


def _difference(rel: Relation, world: Mapping[str, Fraction]) -> Fraction:
    """Left side minus right side, every claim of a measure at its world value."""
    values = [[world[t] for t in rel.terms[side]] for side in (0, 1)]
    return rel.value(0, values[0]) - rel.value(1, values[1])


def _side_coefficients(rel: Relation, sign: int) -> dict[str, Fraction]:
    """The coefficients of ``sign * (left - right)`` per measure."""
    coef = dict.fromkeys(rel.measures, Fraction(0))
    for side, weight in ((0, sign), (1, -sign)):
        for term in rel.terms[side]:
            coef[term] += weight * rel.factors[term]
    return coef
