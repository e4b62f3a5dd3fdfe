"""Words for violations: what the claims said, and the intervals a decision used."""

from __future__ import annotations

from functools import cache

from crosscheck.dsl.ast import Absolute, Constant, Operand, Relative, Sum, Tolerance
from crosscheck.evaluate.context import Account
from crosscheck.evaluate.scopes import Side
from crosscheck.interval import format_number
from crosscheck.model import Claim
from crosscheck.units import compatible, parse_unit

# Said of a pair of running totals dated the wrong way round for a one-sided comparison.
NOT_COMPARED = "not compared"


@cache  # pint formats a unit slowly, and a rule names few units
def unit_suffix(unit: str) -> str:
    """`` mm`` after a length, nothing after a head count or a plain number."""
    if compatible(unit, "item") or compatible(unit, "number"):
        return ""
    return f" {format(parse_unit(unit), '~')}"


def tolerance_text(tolerance: Tolerance) -> str:
    """``within 15%``, ``within 10 mm``, or empty when exact."""
    if tolerance is None:
        return ""
    if isinstance(tolerance, Relative):
        return f"within {format_number(tolerance.percent)}%"
    assert isinstance(tolerance, Absolute)
    unit = f" {tolerance.unit}" if tolerance.unit else ""
    return f"within {format_number(tolerance.amount)}{unit}"


def operand_text(operand: Operand) -> str:
    """An operand as written in a rule: ``killed + wounded`` or ``300 mm``."""
    if isinstance(operand, Sum):
        return " + ".join(term.name for term in operand.terms)
    assert isinstance(operand, Constant)
    unit = f" {operand.unit}" if operand.unit else ""
    return f"{format_number(operand.value)}{unit}"


def stated(claim: Claim) -> str:
    """The claim as its text put it (its interval when the text is not known)."""
    return claim.stated.strip() or str(claim.interval)


def origin(claim: Claim) -> str:
    """``Newsweek, 2024-12-23``: who said it, and when."""
    when = claim.date.isoformat() if claim.date else "undated"
    return f"{claim.source}, {when}"


def side_stated(side: Side, unit: str) -> str:
    """What a side's claims said (``100 + 1,000``), or the constant."""
    if not side.items:
        return f"{side.interval}{unit_suffix(unit)}"
    return " + ".join(stated(claim) for claim in side.claims)


def side_label(side: Side, unit: str) -> str:
    """``killed [990, 1,210] (Newsweek, 2024-12-23)``: names, interval and origin."""
    # A side is cited by many violations; its label is worked out once per unit.
    label = side.memo.get(unit)
    if label is None:
        label = side.memo[unit] = _label(side, unit)
    return label


def _label(side: Side, unit: str) -> str:
    value = f"{side.interval}{unit_suffix(unit)}"
    if not side.items:
        return value
    names = " + ".join(item.claim.measure for item in side.items)
    return f"{names} {value} ({origin(side.items[0].claim)})"


def fall_account(earlier: Side, later: Side, tol: str, unit: str) -> Account:
    """A running total that is lower in a later claim than in an earlier one."""
    first, second = earlier.claims[0], later.claims[0]
    beyond = f" by more than {tol.removeprefix('within ')}" if tol else ""
    return Account(
        subject=(
            f"{first.measure}: {stated(first)} ({origin(first)}) "
            f"then {stated(second)} ({origin(second)})"
        ),
        failure=f"a running total fell{beyond}",
        labels=f"{side_label(earlier, unit)} then {side_label(later, unit)}",
        reason=f"the later value is below the earlier one{beyond} for every choice of values",
        claims=(first, second),
    )
