"""What a pairwise rule relates, in the form the findings engine works on.

A ``Setup`` holds a rule's sides by operand (one operand for an agreement or a growth
rule, which relate a measure's claims with each other; two for a comparison), its
tolerance, the one-sided parts a relation splits into (with the date order each needs)
and what its findings are called. It is built with the very helpers the pairwise
evaluator uses (scopes, sums, skipping undated claims), so both relate the same claims.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from crosscheck.dsl.ast import Agreement, Comparison, Monotonic, Op, Operand, Rule, Sum
from crosscheck.evaluate.candidates import DateRule
from crosscheck.evaluate.context import Context, Decided, Item, dated_only
from crosscheck.evaluate.relations import SPLIT, Within, tolerance_in
from crosscheck.evaluate.scopes import Side, date_needed, sum_sides
from crosscheck.model import FindingKind

GROWTH_REASON = "no date, and the rule compares claims over time"


@dataclass(frozen=True, slots=True)
class Part:
    """``values[small] <= values[big]`` (``<`` when strict), in force when the sides'
    times allow it (``dates``); roles are operand numbers, 0 and 0 for one operand."""

    small: int
    big: int
    dates: DateRule
    strict: bool = False


@dataclass(frozen=True)
class Setup:
    """One pairwise rule as the findings engine relates it (see the module docstring)."""

    rule: Rule
    roles: tuple[list[Side], ...]
    within: Within
    parts: tuple[Part, ...]
    unit: str
    kind: FindingKind
    over_time: bool  # consensus groups are the readings of one time span
    single_claims: bool  # every side is one claim (no sums): the index can be used
    left_terms: int = (
        1  # claims on the left side of a relation (a pairwise violation cites them first)
    )

    @property
    def symmetric(self) -> bool:
        """Whether one operand is related with itself (agreement, growth, ``a == a``)."""
        return len(self.roles) == 1

    @property
    def splits(self) -> bool:
        """Whether largest camps that disagree form a split finding (agreements that do
        not compare over time: only they have largest agreeing sets, ``top`` readings)."""
        return self.kind is FindingKind.OUTLIER and not self.over_time


Memo = dict[tuple[object, ...], list[Side]]  # sides already made, by measure, skips, factor


def sides_of(
    memo: Memo, name: str, items: Sequence[Item], factor: Fraction, reason: str | None
) -> list[Side]:
    """One side per claim of ``name`` in the working unit, made once per evaluation for
    the same claims (several rules name one measure)."""
    key = (name, reason, factor, len(items))
    found = memo.get(key)
    if found is None:
        found = memo[key] = sum_sides((name,), {name: items}, {name: factor})
    return found


def agreement_setup(rule: Rule, body: Agreement, ctx: Context, out: Decided, memo: Memo) -> Setup:
    """``MEASURE agree within TOL``: both directions, in date order for running totals."""
    name = body.measure.name
    unit = ctx.ruleset.unit_of(name)
    ordered = ctx.ruleset.measures[name].cumulative
    reason = date_needed(rule.scope, 2, ordered)
    items = dated_only(ctx.by_measure.get(name, ()), reason, out)
    dates = DateRule.NOT_BEFORE if ordered else DateRule.ANY
    parts = (Part(0, 0, dates),)
    over_time = ordered or rule.scope.days is not None
    within = tolerance_in(body.tolerance, unit)
    kind = FindingKind.OUTLIER
    sides = sides_of(memo, name, items, Fraction(1), reason)
    return Setup(rule, (sides,), within, parts, unit, kind, over_time, True)


def growth_setup(rule: Rule, body: Monotonic, ctx: Context, out: Decided, memo: Memo) -> Setup:
    """``MEASURE nondecreasing over time``: an earlier claim is not above a later one."""
    name = body.measure.name
    unit = ctx.ruleset.unit_of(name)
    items = dated_only(ctx.by_measure.get(name, ()), GROWTH_REASON, out)
    within = tolerance_in(body.tolerance, unit)
    parts = (Part(0, 0, DateRule.AFTER),)
    sides = sides_of(memo, name, items, Fraction(1), GROWTH_REASON)
    return Setup(rule, (sides,), within, parts, unit, FindingKind.DROP, True, True)


def terms(operand: Operand) -> tuple[str, ...]:
    """The measures an operand adds up (none for a constant)."""
    return tuple(t.name for t in operand.terms) if isinstance(operand, Sum) else ()


def comparison_setup(rule: Rule, body: Comparison, ctx: Context, out: Decided, memo: Memo) -> Setup:
    """A comparison between measures (both operands name measures)."""
    left_terms, right_terms = terms(body.left), terms(body.right)
    names = left_terms + right_terms
    unit = ctx.ruleset.unit_of(names[0])
    ordered = any(ctx.ruleset.measures[n].cumulative for n in names)
    reason = date_needed(rule.scope, len(names), ordered)
    items = {n: dated_only(ctx.by_measure.get(n, ()), reason, out) for n in dict.fromkeys(names)}
    factors = {n: ctx.factor(n, unit) for n in names}
    dates = DateRule.NOT_BEFORE if ordered else DateRule.ANY
    within = tolerance_in(body.tolerance, unit)
    over_time = ordered or rule.scope.days is not None
    if body.op is Op.EQ and sorted(left_terms) == sorted(right_terms):  # an agreement
        sides = sum_sides(left_terms, items, factors)
        kind = FindingKind.OUTLIER
        single = len(left_terms) == 1
        one: tuple[Part, ...] = (Part(0, 0, dates),)
        return Setup(rule, (sides,), within, one, unit, kind, over_time, single, len(left_terms))
    if len(left_terms) == len(right_terms) == 1:
        (left_name,), (right_name,) = left_terms, right_terms
        left = sides_of(memo, left_name, items[left_name], factors[left_name], reason)
        right = sides_of(memo, right_name, items[right_name], factors[right_name], reason)
    else:
        left = sum_sides(left_terms, items, factors)
        right = sum_sides(right_terms, items, factors)
    parts = tuple(Part(c.small, c.big, dates, c.strict) for c in SPLIT[body.op])
    single = len(left_terms) == len(right_terms) == 1 and left_terms != right_terms
    kind = FindingKind.BREAKS
    n = len(left_terms)
    return Setup(rule, (left, right), within, parts, unit, kind, over_time, single, n)
