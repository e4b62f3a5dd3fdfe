"""Lint checks of rules and waivers: rules that never fire, always fire or repeat another.

Amounts are never negative (docs/semantics.md), which decides comparisons with
numbers at or below zero before any article is read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from fractions import Fraction

from crosscheck.dsl import ast
from crosscheck.dsl.ast import Op, ScopeKind, measures_named
from crosscheck.dsl.lint.context import Found, LintContext
from crosscheck.dsl.printer import format_statement
from crosscheck.model import Severity
from crosscheck.units import conversion_factor

_FLIPPED = {Op.LE: Op.GE, Op.LT: Op.GT, Op.GE: Op.LE, Op.GT: Op.LT, Op.EQ: Op.EQ}


def _against_number(body: ast.Body) -> tuple[Op, Fraction] | None:
    """``(op, c)`` when the body reads ``measures OP c`` (either way round)."""
    if not isinstance(body, ast.Comparison):
        return None
    if isinstance(body.left, ast.Sum) and isinstance(body.right, ast.Constant):
        return body.op, body.right.value
    if isinstance(body.left, ast.Constant) and isinstance(body.right, ast.Sum):
        return _FLIPPED[body.op], body.left.value
    return None


def _body_text(rule: ast.Rule) -> str:
    """The rule as written after ``rule NAME:``, on one line."""
    head = format_statement(replace(rule, severity=Severity.ERROR, message=None))
    return head.split(": ", 1)[1]


def never_fires(ctx: LintContext) -> Iterator[Found]:
    """A comparison with a number at or below zero that always holds.

    PASS::

        measure killed: count
        rule some: killed >= 1

    FAIL::

        measure killed: count
        rule not_negative: killed >= 0
    """
    for rule in ctx.ruleset.rules:
        found = _against_number(rule.body)
        if found is not None and found[0] in (Op.GE, Op.GT):
            op, limit = found
            if limit < 0 or (limit == 0 and op is Op.GE):
                yield Found(
                    rule.body.span,
                    f"rule `{rule.name}` can never fire: amounts are never negative, "
                    f"so `{_body_text(rule)}` always holds",
                    "delete it, or compare with a positive number",
                )


def always_fires(ctx: LintContext) -> Iterator[Found]:
    """A comparison or range that no amount can satisfy, so every claim violates it.

    PASS::

        measure killed: count
        rule few: killed <= 10

    FAIL::

        measure killed: count
        rule impossible: killed < 0
    """
    for rule in ctx.ruleset.rules:
        body = rule.body
        if isinstance(body, ast.Bounds) and body.high.value < 0:
            yield Found(
                body.span, f"rule `{rule.name}` fires on every claim: its range ends below 0"
            )
            continue
        found = _against_number(body)
        if found is None or isinstance(getattr(body, "tolerance", None), ast.Absolute):
            continue
        op, limit = found
        if (op in (Op.LE, Op.EQ) and limit < 0) or (op is Op.LT and limit <= 0):
            yield Found(
                body.span,
                f"rule `{rule.name}` fires on every claim: amounts are never negative, "
                f"so `{_body_text(rule)}` never holds",
                "check the operator and the sign of the number",
            )


def self_comparisons(ctx: LintContext) -> Iterator[Found]:
    """A comparison that names one measure on both sides.

    PASS::

        measure killed: count
        measure casualties: count
        rule deaths_within: killed <= casualties

    FAIL::

        measure killed: count
        rule same: killed <= killed
    """
    for rule in ctx.ruleset.rules:
        body = rule.body
        if not isinstance(body, ast.Comparison):
            continue
        sides = [body.left, body.right]
        names = [{t.name for t in s.terms} if isinstance(s, ast.Sum) else set() for s in sides]
        for name in sorted(names[0] & names[1]):
            yield Found(
                body.span,
                f"rule `{rule.name}` compares `{name}` with itself",
                f"to compare claims of one measure, write `{name} agree within ...`, "
                f"`{name} agree exactly` or `{name} nondecreasing over time`",
            )


def repeated_rules(ctx: LintContext) -> Iterator[Found]:
    """A rule no less strict than another that reports every violation it would.

    Either both check the same, or the other has the same body with a tolerance
    at most as wide (``exactly`` is the narrowest) or a range inside this one's,
    over every pair of claims this one compares. Reported on the looser rule
    unless it has the higher severity (then it marks the worse cases on purpose).

    PASS::

        measure deployed: count
        rule close: deployed agree within 15%
            severity warning
        rule far: deployed agree within 50%

    FAIL::

        measure deployed: count
        rule close: deployed agree within 15%
        rule same: deployed agree exactly
    """
    rules = ctx.ruleset.rules
    for index, loose in enumerate(rules):
        for other, strict in enumerate(rules):
            if other == index or loose.severity.rank > strict.severity.rank:
                continue
            if not _implies(ctx, strict, loose):
                continue
            same = _implies(ctx, loose, strict)
            if same and loose.severity is strict.severity and index < other:
                continue  # the same check twice: reported on the later rule only
            relation = "checks the same as" if same else "is implied by the stricter"
            yield Found(
                loose.span,
                f"rule `{loose.name}` {relation} rule `{strict.name}` ({strict.span}): "
                f"every violation of `{loose.name}` is also one of `{strict.name}`",
                f"delete `{loose.name}`, or give it a higher severity than `{strict.name}`",
            )
            break


def _implies(ctx: LintContext, strict: ast.Rule, loose: ast.Rule) -> bool:
    """Whether every violation of ``loose`` is also a violation of ``strict``."""
    if not _covers(strict.scope, loose.scope):
        return False
    a, b = strict.body, loose.body
    if isinstance(a, ast.Bounds) or isinstance(b, ast.Bounds):
        return (
            isinstance(a, ast.Bounds)
            and isinstance(b, ast.Bounds)
            and a.measure == b.measure
            and _range_inside(ctx, a, b)
        )
    if type(a) is not type(b) or replace(a, tolerance=None) != replace(b, tolerance=None):
        return False
    unit = ctx.ruleset.unit_of(next(measures_named(a)).name)
    return _at_most(a.tolerance, b.tolerance, unit)


def _covers(wide: ast.Scope, narrow: ast.Scope) -> bool:
    """Whether ``wide`` compares every pair of claims ``narrow`` compares."""
    # Across sources relates only different sources, across origins only different
    # origins (which one outlet may print together): neither covers another kind.
    kinds = {
        ScopeKind.ACROSS_SOURCES: {ScopeKind.ACROSS_SOURCES},
        ScopeKind.PER_SOURCE: {ScopeKind.PER_SOURCE, ScopeKind.PER_DOCUMENT},
        ScopeKind.PER_DOCUMENT: {ScopeKind.PER_DOCUMENT},
        ScopeKind.ACROSS_ORIGINS: {ScopeKind.ACROSS_ORIGINS},
        ScopeKind.PER_ORIGIN: {ScopeKind.PER_ORIGIN},
    }
    if narrow.kind not in kinds[wide.kind]:
        return False
    return wide.days is None or (narrow.days is not None and narrow.days <= wide.days)


def _at_most(narrow: ast.Tolerance, wide: ast.Tolerance, unit: str) -> bool:
    """Whether tolerance ``narrow`` allows no more than ``wide`` (``None`` is exact)."""
    if narrow is None:
        return True
    if isinstance(narrow, ast.Relative) and isinstance(wide, ast.Relative):
        return narrow.percent <= wide.percent
    if isinstance(narrow, ast.Absolute) and isinstance(wide, ast.Absolute):
        return _in(narrow.amount, narrow.unit, unit) <= _in(wide.amount, wide.unit, unit)
    return False


def _range_inside(ctx: LintContext, inner: ast.Bounds, outer: ast.Bounds) -> bool:
    unit = ctx.ruleset.unit_of(inner.measure.name)
    low, high = (_in(c.value, c.unit, unit) for c in (inner.low, inner.high))
    return _in(outer.low.value, outer.low.unit, unit) <= low and high <= _in(
        outer.high.value, outer.high.unit, unit
    )


def _in(value: Fraction, unit: str | None, target: str) -> Fraction:
    return value if unit is None else value * conversion_factor(unit, target)


def expired_waivers(ctx: LintContext) -> Iterator[Found]:
    """A waiver past its ``until`` date: it no longer waives anything.

    PASS::

        measure killed: count
        rule few: killed <= 10
        waive few reason "a known outlier" until 2099-12-31

    FAIL::

        measure killed: count
        rule few: killed <= 10
        waive few reason "a known outlier" until 2000-01-31
    """
    for waiver in ctx.ruleset.waivers:
        if ctx.today is not None and waiver.until is not None and ctx.today > waiver.until:
            yield Found(
                waiver.span,
                f"the waiver for `{waiver.rule}` expired on {waiver.until}; "
                "it no longer waives anything",
                "delete it, or move `until` if the contradiction is still accepted",
            )


def repeated_waivers(ctx: LintContext) -> Iterator[Found]:
    """A waiver with the same rule and filters as an earlier one.

    PASS::

        measure killed: count
        rule few: killed <= 10
        waive few document "a.md" reason "one outlier"
        waive few document "b.md" reason "another outlier"

    FAIL::

        measure killed: count
        rule few: killed <= 10
        waive few document "a.md" reason "one outlier"
        waive few document "a.md" reason "said twice"
    """
    first: dict[tuple[str, str | None, str | None], ast.Waiver] = {}
    for waiver in ctx.ruleset.waivers:
        earlier = first.setdefault((waiver.rule, waiver.document, waiver.stated), waiver)
        if earlier is not waiver:
            yield Found(
                waiver.span,
                f"this waiver for `{waiver.rule}` repeats the one at {earlier.span}",
                "delete one of them",
            )
