"""``MEASURE within LOW .. HIGH``: each claim has a value in the range."""

from __future__ import annotations

from crosscheck.dsl.ast import Bounds, Rule
from crosscheck.evaluate.context import Account, Context, Decided, Item
from crosscheck.evaluate.describe import side_label, stated, unit_suffix
from crosscheck.evaluate.relations import EXACT, Constraint, constant_in, decide
from crosscheck.evaluate.scopes import single_sides
from crosscheck.interval import Interval, format_number

# values = (low, claim, high): low <= claim and claim <= high.
_INSIDE = (Constraint(0, 1), Constraint(1, 2))


def check_bounds(rule: Rule, body: Bounds, ctx: Context, out: Decided) -> None:
    """Record every claim whose interval has no point in the range."""
    name = body.measure.name
    unit = ctx.ruleset.unit_of(name)
    low = Interval.point(constant_in(body.low, unit))
    high = Interval.point(constant_in(body.high, unit))
    for item in ctx.by_measure.get(name, ()):
        truth = decide(_INSIDE, (low, item.claim.interval, high), EXACT)
        out.add(truth, lambda: _account(item, low, high, unit))  # noqa: B023
        if out.full:
            break


def _account(item: Item, low: Interval, high: Interval, unit: str) -> Account:
    assert low.low is not None and high.low is not None
    # The claim's side is only made for a reported claim: most claims are in range.
    (side,) = single_sides((item,))
    span = f"{format_number(low.low)} .. {format_number(high.low)}{unit_suffix(unit)}"
    claim = side.claims[0]
    return Account(
        subject=f"{claim.measure}: {stated(claim)}",
        failure=f"outside {span}",
        labels=side_label(side, unit),
        reason=f"no value in {span}",
        claims=(claim,),
    )
