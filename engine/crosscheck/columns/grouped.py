"""The grouped kinds on columns: bounds, comparisons with a constant, comparisons with a sum.

Their findings group the pairwise violations of one breaking side (docs/semantics.md
§10.4). Violations are rare, and a relation can only fail where the most extreme values
of its sides fail it: a document's sums are decided by their extremes (§4.2: per term,
the largest low end on the small side of a part, the smallest high end on the big side),
and those extremes, taken per document over every claim of each term, can only be more
extreme than any one choice (a reach, as ``evaluate.sums`` shortlists with). So per
document and measure the extremes are worked out as floats over every row at once, and
a document is a *candidate* when some part could fail there (within a margin far wider
than any rounding: floats only ever decide that a document cannot fail). The record path
(``evaluate.findings.grouped``) then decides the candidates' claims, the only records
made: the same violations, grouped the same way, whatever the rest of the table holds.

Where a rule relates sides of one document only (bounds, a constant, ``per document``)
a document is a candidate on its own extremes. Otherwise (a sum across sources, origins,
per source or per origin) a pair of sides may join two documents: a document is a
candidate when its extremes could fail against the most extreme of every other document,
on either side, so both documents of any failing pair are kept. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
from numpy.typing import NDArray

from crosscheck.columns.table import NO_DAY, ClaimColumns, Floats
from crosscheck.dsl.ast import Bounds, Comparison, Constant, Operand, Rule, RuleSet, ScopeKind, Sum
from crosscheck.evaluate.context import Context, Decided
from crosscheck.evaluate.findings.drafts import Citing
from crosscheck.evaluate.findings.grouped import grouped_findings
from crosscheck.evaluate.relations import SPLIT, constant_in, tolerance_in
from crosscheck.evaluate.scopes import date_needed
from crosscheck.model import Claim, Finding, Skipped
from crosscheck.units import conversion_factor

Rows = NDArray[np.int64]
Mask = NDArray[np.bool_]

# How far apart, relative to the values compared, a float may put a part that fails
# exactly: ends are correctly rounded and a few are added, so the error is some 1e-15.
_MARGIN = 1e-9


@dataclass(frozen=True)
class Part:
    """``k * small - big <= bound`` (``small``/``big``: 0 left, 1 right) in floats."""

    small: int
    big: int
    k: float
    bound: float


@dataclass(frozen=True)
class Plan:
    """What the kernel needs of a grouped rule: its operands (left, right), parts, the
    factor of each measure into the working unit, and whether its pairs stay in one
    document."""

    operands: tuple[Operand, ...]
    parts: tuple[Part, ...]
    factors: dict[str, float]
    local: bool
    unit: str


def is_grouped(rule: Rule) -> bool:
    """Whether the rule's findings are grouped from its violations (§10.4): bounds and
    comparisons with a constant or with a sum of two or more terms."""
    body = rule.body
    if isinstance(body, Bounds):
        return True
    if not isinstance(body, Comparison):
        return False
    sides = (body.left, body.right)
    return any(isinstance(s, Constant) for s in sides) or any(
        isinstance(s, Sum) and len(s.terms) > 1 for s in sides
    )


def plan_of(rule: Rule, ruleset: RuleSet) -> Plan:
    """The kernel's reading of a grouped rule."""
    body = rule.body
    if isinstance(body, Bounds):
        name = body.measure.name
        unit = ruleset.unit_of(name)
        measure = Sum((body.measure,))
        parts: tuple[Part, ...] = (Part(0, 1, 1.0, 0.0), Part(1, 2, 1.0, 0.0))  # low <= x <= high
        operands: tuple[Operand, ...] = (body.low, measure, body.high)
        return Plan(operands, parts, {name: 1.0}, True, unit)
    assert isinstance(body, Comparison)
    names = [
        t.name for side in (body.left, body.right) if isinstance(side, Sum) for t in side.terms
    ]
    unit = ruleset.unit_of(names[0])
    within = tolerance_in(body.tolerance, unit)
    k, bound = float(within.k), float(within.bound)
    parts = tuple(Part(c.small, c.big, k, bound) for c in SPLIT[body.op])
    factors = {n: float(_factor(ruleset, n, unit)) for n in names}
    constant = isinstance(body.left, Constant) or isinstance(body.right, Constant)
    local = constant or rule.scope.kind is ScopeKind.PER_DOCUMENT
    return Plan((body.left, body.right), parts, factors, local, unit)


def _factor(ruleset: RuleSet, measure: str, unit: str) -> Fraction:
    own = ruleset.unit_of(measure)
    return Fraction(1) if own == unit else conversion_factor(own, unit)


def measures_of(rule: Rule) -> tuple[str, ...]:
    """The measures a grouped rule names, each once, in the order it names them."""
    body = rule.body
    if isinstance(body, Bounds):
        return (body.measure.name,)
    assert isinstance(body, Comparison)
    sides = (body.left, body.right)
    return tuple(dict.fromkeys(t.name for s in sides if isinstance(s, Sum) for t in s.terms))


def candidates(table: ClaimColumns, rows: Rows, plan: Plan) -> Mask:
    """Per document code: whether some relation of the rule could fail there."""
    documents = len(table.document.values)
    codes = table.document.codes
    lows: dict[str, Floats] = {}
    highs: dict[str, Floats] = {}
    measure = table.measure.codes[rows]
    for name in plan.factors:
        code = _code(table, name)
        mine = rows[measure == code]
        low = np.full(documents, -np.inf)
        np.maximum.at(low, codes[mine], table.low[mine])
        high = np.full(documents, np.inf)
        np.minimum.at(high, codes[mine], table.high[mine])
        lows[name], highs[name] = low, high
    found = np.zeros(documents, dtype=np.bool_)
    for part in plan.parts:
        small = _reach(plan.operands[part.small], lows, plan, documents, plan.unit)
        big = _reach(plan.operands[part.big], highs, plan, documents, plan.unit)
        if plan.local:
            found |= _could_fail(part, small, big)
        else:
            found |= _could_fail(part, small, np.full(documents, big.min(initial=np.inf)))
            found |= _could_fail(part, np.full(documents, small.max(initial=-np.inf)), big)
    return found


def _code(table: ClaimColumns, name: str) -> int:
    try:
        return table.measure.values.index(name)
    except ValueError:
        return -2  # no row has it (-1 is a null)


def _reach(
    operand: Operand, ends: dict[str, Floats], plan: Plan, documents: int, unit: str
) -> Floats:
    """Per document, the operand's most extreme end: the sum over its terms of their
    extreme ends (``ends``: the largest lows, or the smallest highs), or the constant."""
    if isinstance(operand, Constant):
        return np.full(documents, float(constant_in(operand, unit)))
    total = np.zeros(documents)
    for term in operand.terms:
        total = total + plan.factors[term.name] * ends[term.name]
    return total


def _could_fail(part: Part, small: Floats, big: Floats) -> Mask:
    """Where ``k * small - big <= bound`` may fail: not clearly below the bound (NaN,
    from an end past the float range on both sides, counts as may)."""
    scaled = part.k * small
    with np.errstate(invalid="ignore"):
        value = scaled - big - part.bound
        size = _finite(scaled) + _finite(big) + abs(part.bound)
        return ~(value < -_MARGIN * size)


def _finite(values: Floats) -> Floats:
    return np.where(np.isfinite(values), np.abs(values), 0.0)


def grouped_rule(
    rule: Rule, ruleset: RuleSet, table: ClaimColumns, rows: Rows, cite: int
) -> tuple[list[Finding], list[Skipped]]:
    """The findings of a grouped rule over ``rows`` of the table (rows in input order, no
    headline copies), and the claims it skips, each in report order."""
    names = measures_of(rule)
    codes = [_code(table, n) for n in names]
    rows = rows[np.isin(table.measure.codes[rows], codes)]
    skipped = _skipped(rule, ruleset, table, rows, names)
    plan = plan_of(rule, ruleset)
    documents = candidates(table, rows, plan)
    chosen = rows[documents[table.document.codes[rows]]]
    if not len(chosen):
        return [], skipped
    claims = [table.claim(int(row)) for row in chosen]
    ctx = Context.build(ruleset, claims)
    found = grouped_findings(rule, ctx, Decided(rule, False), Citing(cite, ctx.order_of))
    return found, skipped


def _skipped(
    rule: Rule, ruleset: RuleSet, table: ClaimColumns, rows: Rows, names: Sequence[str]
) -> list[Skipped]:
    """The rule's claims of unknown time, when it needs times (as ``check_comparison``)."""
    body = rule.body
    if not isinstance(body, Comparison):
        return []
    terms = [t for s in (body.left, body.right) if isinstance(s, Sum) for t in s.terms]
    paired = all(isinstance(s, Sum) for s in (body.left, body.right))
    ordered = paired and any(ruleset.measures[n].cumulative for n in names)
    reason = date_needed(rule.scope, len(terms), ordered)
    if reason is None:
        return []
    first, _ = table.spans()
    undated = rows[first[rows] == NO_DAY]
    undated = undated[np.lexsort((undated, table.rank[undated]))]
    return [_skip(rule, table.claim(int(row)), reason) for row in undated]


def _skip(rule: Rule, claim: Claim, reason: str) -> Skipped:
    return Skipped(rule=rule.name, claim=claim, reason=reason)
