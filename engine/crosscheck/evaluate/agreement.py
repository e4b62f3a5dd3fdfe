"""``MEASURE agree within TOL``: every two claims in scope admit values within tolerance."""

from __future__ import annotations

from crosscheck.dsl.ast import Agreement, Op, Rule
from crosscheck.evaluate.candidates import DateRule
from crosscheck.evaluate.context import Account, Context, Decided, dated_only
from crosscheck.evaluate.describe import fall_account, side_label, stated, tolerance_text
from crosscheck.evaluate.relations import SPLIT, Constraint, decide, tolerance_in
from crosscheck.evaluate.scopes import Side, date_needed, in_date_order, single_sides
from crosscheck.evaluate.shortlist import unordered_pairs


def check_agreement(rule: Rule, body: Agreement, ctx: Context, out: Decided) -> None:
    """Record every pair of claims in scope that cannot be brought within tolerance."""
    name = body.measure.name
    unit = ctx.ruleset.unit_of(name)
    within = tolerance_in(body.tolerance, unit)
    ordered = ctx.ruleset.measures[name].cumulative
    items = dated_only(ctx.by_measure.get(name, ()), date_needed(rule.scope, 2, ordered), out)
    tol = tolerance_text(body.tolerance)
    rank = {item.index: position for position, item in enumerate(items)}  # claim order
    dates = DateRule.NOT_BEFORE if ordered else DateRule.ANY
    pairs = unordered_pairs(single_sides(items), rule.scope, within, dates, out.exhaustive)
    for a, b in pairs:
        pair = (a, b) if rank[a.items[0].index] < rank[b.items[0].index] else (b, a)
        constraints = in_date_order(SPLIT[Op.EQ], pair, ordered)
        truth = decide(constraints, [side.interval for side in pair], within)
        out.add(truth, lambda: _account(pair, constraints, tol, unit))  # noqa: B023
        if out.full:
            break  # no more would be listed: the remaining pairs are never made


def _account(
    pair: tuple[Side, Side], constraints: tuple[Constraint, ...], tol: str, unit: str
) -> Account:
    if len(constraints) == 2:
        a, b = pair
        return Account(
            subject=f"{a.claims[0].measure}: {stated(a.claims[0])} vs {stated(b.claims[0])}",
            failure=f"no common value {tol}".rstrip(),
            labels=f"{side_label(a, unit)} vs {side_label(b, unit)}",
            reason=f"no pair of values {tol}" if tol else "no common value",
            claims=(*a.claims, *b.claims),
        )
    # A running total compared in date order: only "earlier <= later" applies.
    return fall_account(pair[constraints[0].small], pair[constraints[0].big], tol, unit)
