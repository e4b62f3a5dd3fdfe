"""``SUM OP SUM_OR_CONST [within TOL]``: measures, sums and constants compared."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from fractions import Fraction
from itertools import product

from crosscheck.dsl.ast import Comparison, Constant, Op, Operand, Rule, Scope, Sum
from crosscheck.evaluate.candidates import DateRule, Part
from crosscheck.evaluate.context import Account, Context, Decided, Item, dated_only
from crosscheck.evaluate.describe import (
    NOT_COMPARED,
    operand_text,
    side_label,
    side_stated,
    tolerance_text,
)
from crosscheck.evaluate.relations import (
    SPLIT,
    Constraint,
    Within,
    constant_in,
    decide,
    failing,
    tolerance_in,
)
from crosscheck.evaluate.scopes import (
    Side,
    constant_side,
    date_needed,
    in_date_order,
    sum_sides,
    within_days,
)
from crosscheck.evaluate.shortlist import crossed_pairs
from crosscheck.evaluate.sums import Claims, Setting, decide_units, unit_pairs, units, witness


def _terms(operand: Operand) -> tuple[str, ...]:
    return tuple(t.name for t in operand.terms) if isinstance(operand, Sum) else ()


def check_comparison(rule: Rule, body: Comparison, ctx: Context, out: Decided) -> None:
    """Record every choice of claims in scope for which the comparison fails."""
    left_terms, right_terms = _terms(body.left), _terms(body.right)
    names = left_terms + right_terms
    if not names:
        return  # two constants: nothing read from a text to check
    unit = ctx.ruleset.unit_of(names[0])
    within = tolerance_in(body.tolerance, unit)
    paired = bool(left_terms) and bool(right_terms)
    ordered = paired and any(ctx.ruleset.measures[n].cumulative for n in names)
    reason = date_needed(rule.scope, len(names), ordered)
    items = {n: dated_only(ctx.by_measure.get(n, ()), reason, out) for n in dict.fromkeys(names)}
    factors = {n: ctx.factor(n, unit) for n in names}
    if len(left_terms) > 1 or len(right_terms) > 1:  # sums: decided by their extremes
        spans = ordered or rule.scope.days is not None
        claims = Claims(items, factors, lambda c: ctx.order_of((c,))[0], spans)
        setting = Setting(SPLIT[body.op], within, rule.scope.days, ordered)
        _check_sums(rule, body, claims, setting, out, unit)
        return
    left = _sides(body.left, items, factors, unit)
    right = _sides(body.right, items, factors, unit)
    symmetric = body.op is Op.EQ and sorted(left_terms) == sorted(right_terms)
    dates = DateRule.NOT_BEFORE if ordered else DateRule.ANY
    parts = tuple(Part(c.small, c.big, dates, c.strict) for c in SPLIT[body.op])
    scoped = crossed_pairs(left, right, rule.scope, within, parts, out.exhaustive)
    for pair in _pairs(left, right, rule.scope, scoped if paired else None, symmetric):
        constraints = in_date_order(SPLIT[body.op], pair, ordered)
        values = (pair[0].interval, pair[1].interval)
        truth = decide(constraints, values, within)
        out.add(truth, lambda: _account(body, pair, constraints, within, unit))  # noqa: B023
        if out.full:
            break  # no more would be listed: the remaining pairs are never made


def _check_sums(
    rule: Rule, body: Comparison, claims: Claims, setting: Setting, out: Decided, unit: str
) -> None:
    """Record every pair of a comparison with a sum (a document's sums as one side) that
    fails for some choice of its claims, citing the choice failing by the widest margin."""
    left_terms, right_terms = _terms(body.left), _terms(body.right)
    symmetric = body.op is Op.EQ and sorted(left_terms) == sorted(right_terms)
    if symmetric:  # either way round: both sides name their measures in one order
        right_terms = left_terms
    kind = rule.scope.kind
    lefts = units(left_terms, _constant(body.left, unit), claims, kind, 0)
    rights = units(right_terms, _constant(body.right, unit), claims, kind, 1)
    seen: set[frozenset[tuple[object, ...]]] = set()
    for a, b in unit_pairs(lefts, rights, kind, setting, out.exhaustive):
        if symmetric:  # x == y and y == x are one relation
            key = frozenset((a.key, b.key))
            if key in seen:
                continue
            seen.add(key)
        decided = decide_units(a, b, setting)
        if decided is None:
            continue  # no choice of claims within the day window
        truth, choice = decided
        pair = (witness(a, choice.left), witness(b, choice.right))
        constraints = in_date_order(setting.parts, pair, setting.ordered)
        out.add(truth, lambda: _account(body, pair, constraints, setting.within, unit))  # noqa: B023
        if out.full:
            break


def _constant(operand: Operand, unit: str) -> Fraction | None:
    return constant_in(operand, unit) if isinstance(operand, Constant) else None


def _sides(
    operand: Operand,
    items: Mapping[str, Sequence[Item]],
    factors: Mapping[str, Fraction],
    unit: str,
) -> list[Side]:
    if isinstance(operand, Constant):
        return [constant_side(constant_in(operand, unit))]
    return sum_sides(_terms(operand), items, factors)


def _pairs(
    left: list[Side],
    right: list[Side],
    scope: Scope,
    scoped: Iterator[tuple[Side, Side]] | None,
    symmetric: bool,
) -> Iterator[tuple[Side, Side]]:
    """The pairs to decide: ``scoped`` (the pairs in scope, or a shortlist of them in
    the same order), or when ``None`` the claims against a constant."""
    if scoped is None:  # against a constant: one side of claims at a time
        yield from ((a, b) for a, b in product(left, right) if within_days((a, b), scope.days))
        return
    # Every pair of one unordered choice has the same truth, so in a shortlist the
    # first of a failing choice is still the first of all.
    seen: set[frozenset[frozenset[int]]] = set()
    for a, b in scoped:
        if symmetric:  # x == y and y == x are one relation
            key = frozenset((a.indices, b.indices))
            if key in seen:
                continue
            seen.add(key)
        yield a, b


def _account(
    body: Comparison,
    pair: tuple[Side, Side],
    constraints: tuple[Constraint, ...],
    within: Within,
    unit: str,
) -> Account:
    tol = tolerance_text(body.tolerance)
    rule_text = f"{operand_text(body.left)} {body.op.value} {operand_text(body.right)} {tol}"
    subject = f"{rule_text.rstrip()}: {side_stated(pair[0], unit)} vs {side_stated(pair[1], unit)}"
    claims = (*pair[0].claims, *pair[1].claims)
    if not constraints:  # running totals dated the other way round: vacuously true
        return Account(
            subject=subject,
            failure=NOT_COMPARED,
            labels=f"{side_label(pair[0], unit)} vs {side_label(pair[1], unit)}",
            reason=f"{NOT_COMPARED}: running totals are compared in date order",
            claims=claims,
        )
    if len(constraints) == 2:  # == with both directions in force
        return Account(
            subject=subject,
            failure=f"no common value {tol}".rstrip(),
            labels=f"{side_label(pair[0], unit)} vs {side_label(pair[1], unit)}",
            reason=f"no pair of values {tol}" if tol else "no common value",
            claims=claims,
        )
    culprit = (failing(constraints, [s.interval for s in pair], within) or constraints)[0]
    small, big = pair[culprit.small], pair[culprit.big]
    op = "<" if culprit.strict else "<="
    dated = " (running totals are compared in date order)" if body.op is Op.EQ else ""
    return Account(
        subject=subject,
        failure="false for every choice of values",
        labels=f"{side_label(small, unit)} {op} {side_label(big, unit)} {tol}".rstrip(),
        reason=f"false for every choice of values{dated}",
        claims=claims,
    )
