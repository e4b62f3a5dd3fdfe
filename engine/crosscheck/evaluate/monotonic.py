"""``MEASURE nondecreasing over time [within TOL]``: a later claim is not lower."""

from __future__ import annotations

from crosscheck.dsl.ast import Monotonic, Rule
from crosscheck.evaluate.candidates import DateRule
from crosscheck.evaluate.context import Context, Decided, dated_only
from crosscheck.evaluate.describe import fall_account, tolerance_text
from crosscheck.evaluate.relations import Constraint, decide, tolerance_in
from crosscheck.evaluate.scopes import single_sides
from crosscheck.evaluate.shortlist import unordered_pairs

_EARLIER_NOT_ABOVE_LATER = (Constraint(0, 1),)


def check_monotonic(rule: Rule, body: Monotonic, ctx: Context, out: Decided) -> None:
    """Record every pair of differently dated claims in scope where the later is lower."""
    name = body.measure.name
    unit = ctx.ruleset.unit_of(name)
    within = tolerance_in(body.tolerance, unit)
    reason = "no date, and the rule compares claims over time"
    items = dated_only(ctx.by_measure.get(name, ()), reason, out)
    tol = tolerance_text(body.tolerance)
    sides = single_sides(items)
    for a, b in unordered_pairs(sides, rule.scope, within, DateRule.AFTER, out.exhaustive):
        assert a.first and a.last and b.first and b.last, "undated claims were skipped"
        if a.last < b.first:
            earlier, later = a, b
        elif b.last < a.first:
            earlier, later = b, a
        else:
            continue  # the same day, or times that overlap: no order between them
        truth = decide(_EARLIER_NOT_ABOVE_LATER, (earlier.interval, later.interval), within)
        out.add(truth, lambda: fall_account(earlier, later, tol, unit))  # noqa: B023
        if out.full:
            break  # no more would be listed: the remaining pairs are never made
