"""Which relations a rule makes among claims, read from docs/semantics.md (§4-§7).

Written apart from the evaluator and as plainly as possible: every choice of claims
is enumerated and the scope, day window, sums and date order are applied as the
specification states them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations, product

from semantics_oracle import Lin, Relation
from sums_oracle import Member, grouped, side_key

from crosscheck.dsl.ast import (
    Absolute,
    Agreement,
    Bounds,
    Comparison,
    Constant,
    Monotonic,
    Op,
    Relative,
    Rule,
    RuleSet,
    ScopeKind,
    Sum,
    Tolerance,
)
from crosscheck.model import Claim
from crosscheck.units import conversion_factor


def _factor(source: str, target: str) -> Fraction:
    return Fraction(1) if source == target else conversion_factor(source, target)


def _slack(tolerance: Tolerance, unit: str) -> tuple[Fraction, Fraction]:
    """(k, a): ``x <= y within tol`` is ``k*x - y <= a`` (§3.2)."""
    if isinstance(tolerance, Relative):
        return 1 - tolerance.percent / 100, Fraction(0)
    if isinstance(tolerance, Absolute):
        unit_factor = Fraction(1) if tolerance.unit is None else _factor(tolerance.unit, unit)
        return Fraction(1), tolerance.amount * unit_factor
    return Fraction(1), Fraction(0)


def _constant(constant: Constant, unit: str) -> Fraction:
    return constant.value * (Fraction(1) if constant.unit is None else _factor(constant.unit, unit))


def _parts(op: Op) -> list[tuple[int, int, bool]]:
    """(small, big, strict) one-sided parts of an operator between sides 0 and 1."""
    return {
        Op.LE: [(0, 1, False)],
        Op.LT: [(0, 1, True)],
        Op.GE: [(1, 0, False)],
        Op.GT: [(1, 0, True)],
        Op.EQ: [(0, 1, False), (1, 0, False)],
    }[op]


def _lin(small: int, strict: bool, k: Fraction, a: Fraction) -> Lin:
    """``k*side[small] - side[other] <= a``."""
    if small == 0:
        return Lin(k, Fraction(-1), a, strict)
    return Lin(Fraction(-1), k, a, strict)


def _span(claim: Claim) -> tuple[dt.date, dt.date]:
    """The days the claim's figure held (§5: its as-of, else its article's date)."""
    span = claim.time_span()
    assert span is not None
    return span


def _within(claims: Sequence[Claim], members: Sequence[int], days: int | None) -> bool:
    """§5: every claim's days fit in a window of ``days``."""
    if days is None or len(members) < 2:
        return True
    spans = [claims[i].time_span() for i in members]
    known = [s for s in spans if s is not None]
    if len(known) < len(spans):
        return False
    return (max(s[1] for s in known) - min(s[0] for s in known)).days <= days


def _who(claim: Claim) -> str:
    """§5: a claim's origin, or its source when it has none."""
    return f"origin:{claim.origin}" if claim.origin is not None else f"source:{claim.source}"


def _in_scope(claims: Sequence[Claim], a: int, b: int, kind: ScopeKind) -> bool:
    if kind is ScopeKind.PER_DOCUMENT:
        return claims[a].document == claims[b].document
    if kind is ScopeKind.PER_SOURCE:
        return claims[a].source == claims[b].source
    if kind is ScopeKind.ACROSS_SOURCES:
        return claims[a].source != claims[b].source
    if kind is ScopeKind.ACROSS_ORIGINS:
        return _who(claims[a]) != _who(claims[b])
    return _who(claims[a]) == _who(claims[b])  # per origin


def order_key(claim: Claim) -> tuple[str, int]:
    """Document order: the document, then the position in it."""
    return claim.document, claim.start if claim.start is not None else -1


@dataclass
class Found:
    """The relations of one rule, and the claims it skips."""

    relations: list[Relation]
    skipped: set[int]


def relations(ruleset: RuleSet, rule: Rule, claims: Sequence[Claim]) -> Found:
    """Every relation ``rule`` makes among ``claims`` (indices into ``claims``)."""
    body = rule.body
    if isinstance(body, Bounds):
        return _bounds(ruleset, body, claims)
    if isinstance(body, Comparison):
        return _comparison(ruleset, rule, body, claims)
    return _pairs(ruleset, rule, body, claims)


def key_of(rule: Rule, cited: Sequence[int], claims: Sequence[Claim] = ()) -> object:
    """The key of the relation a violation of ``rule`` citing ``cited`` stands for."""
    body = rule.body
    if isinstance(body, Bounds):
        return cited[0]
    if isinstance(body, Comparison):
        left, right = _terms(body.left), _terms(body.right)
        if max(len(left), len(right)) > 1:
            split = (tuple(cited[: len(left)]), tuple(cited[len(left) :]))
            return _sum_key(rule, split, claims)
        sides = (
            _canonical(left, tuple(cited[: len(left)])),
            _canonical(right, tuple(cited[len(left) :])),
        )
        return _unordered(sides) if _symmetric(body) else sides
    return frozenset(cited)


def _terms(operand: Sum | Constant) -> tuple[str, ...]:
    return tuple(t.name for t in operand.terms) if isinstance(operand, Sum) else ()


def _unordered(sides: tuple[tuple[int, ...], tuple[int, ...]]) -> object:
    """A symmetric relation's key: which claims stand on each side, either way round.

    ``a + a == a + a`` is reported once per pair of claim sets, either way round.
    """
    return frozenset(frozenset(side) for side in sides)


def _canonical(terms: Sequence[str], side: tuple[int, ...]) -> tuple[int, ...]:
    """A sum's choice with the claims of a repeated measure in index order (§4.2).

    ``a + a <= b`` sums two different claims of ``a``; (a1, a2) and (a2, a1) are the
    same sum and one relation.
    """
    out = list(side)
    for term in set(terms):
        at = [i for i, t in enumerate(terms) if t == term]
        for position, claim in zip(at, sorted(side[i] for i in at), strict=True):
            out[position] = claim
    return tuple(out)


def _symmetric(body: Comparison) -> bool:
    """``a == a``-like rules relate each unordered choice once (§4.1)."""
    return body.op is Op.EQ and sorted(_terms(body.left)) == sorted(_terms(body.right))


def _choices(
    terms: Sequence[str], claims: Sequence[Claim], usable: Sequence[int]
) -> list[tuple[int, ...]]:
    """One distinct claim per term, all of one document, each sum once (§4.2)."""
    pools = [[i for i in usable if claims[i].measure == term] for term in terms]
    return [
        combo
        for combo in product(*pools)
        if len(set(combo)) == len(combo)
        and len({claims[i].document for i in combo}) == 1
        and _canonical(terms, combo) == combo
    ]


def _precedes(claims: Sequence[Claim], small: Sequence[int], big: Sequence[int]) -> bool:
    """Every claim of ``small`` dated on or before every claim of ``big`` (§6)."""
    return max(_span(claims[i])[1] for i in small) <= min(_span(claims[i])[0] for i in big)


@dataclass(frozen=True)
class _Setting:
    """What every relation of one comparison rule shares."""

    ruleset: RuleSet
    body: Comparison
    unit: str
    ordered: bool
    constants: tuple[Fraction | None, Fraction | None]


def _comparison(ruleset: RuleSet, rule: Rule, body: Comparison, claims: Sequence[Claim]) -> Found:
    """Comparisons (§4.1-§4.3, §6): every choice of sides the scope relates."""
    terms = (_terms(body.left), _terms(body.right))
    names = terms[0] + terms[1]
    unit = ruleset.unit_of(names[0])
    paired = all(terms)
    ordered = paired and any(ruleset.measures[n].cumulative for n in names)
    needs_date = ordered or (rule.scope.days is not None and len(names) >= 2)
    skipped = {
        i
        for i, c in enumerate(claims)
        if c.measure in names and needs_date and c.time_span() is None
    }
    usable = [i for i in range(len(claims)) if i not in skipped]
    left_constant, right_constant = (
        _constant(side, unit) if isinstance(side, Constant) else None
        for side in (body.left, body.right)
    )
    setting = _Setting(ruleset, body, unit, ordered, (left_constant, right_constant))
    if max(len(terms[0]), len(terms[1])) > 1:
        return Found(_sums(setting, rule, claims, usable), skipped)
    choices = [_choices(t, claims, usable) if t else [()] for t in terms]
    found: dict[object, Relation] = {}
    for left, right in product(*choices):
        if set(left) & set(right) or not _within(claims, left + right, rule.scope.days):
            continue
        if paired and not _in_scope(claims, left[0], right[0], rule.scope.kind):
            continue
        key = _unordered((left, right)) if _symmetric(body) else (left, right)
        if key not in found:
            found[key] = _compared(setting, claims, (left, right), key)
    return Found(list(found.values()), skipped)


def _sum_terms(body: Comparison) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A comparison's terms; a symmetric rule names both sides' in the left's order."""
    left, right = _terms(body.left), _terms(body.right)
    return (left, left) if _symmetric(body) else (left, right)


def _sum_key(
    rule: Rule, sides: tuple[tuple[int, ...], tuple[int, ...]], claims: Sequence[Claim]
) -> object | None:
    """The relation a choice belongs to (§4.2): its document's sums (of one origin under
    an origin scope: a choice whose claims of the first measure differ in origin is none)
    against the other side; either way round for a symmetric rule."""
    assert isinstance(rule.body, Comparison)
    terms = _sum_terms(rule.body)
    keys = []
    for side_terms, side in zip(terms, sides, strict=True):
        who = None
        if len(side_terms) > 1 and rule.scope.kind in (
            ScopeKind.ACROSS_ORIGINS,
            ScopeKind.PER_ORIGIN,
        ):
            firsts = {
                _who(claims[i]) for i, t in zip(side, side_terms, strict=True) if t == side_terms[0]
            }
            if len(firsts) > 1:
                return None
            who = firsts.pop()
        keys.append(side_key(side_terms, side, claims, who))
    return frozenset(keys) if _symmetric(rule.body) else tuple(keys)


def _sums(
    setting: _Setting, rule: Rule, claims: Sequence[Claim], usable: Sequence[int]
) -> list[Relation]:
    """Comparisons with a sum (§4.2): every choice, grouped into its document's relation."""
    body = setting.body
    terms = _sum_terms(body)
    choices = [_choices(t, claims, usable) if t else [()] for t in terms]
    members: list[tuple[object, Member]] = []
    for left, right in product(*choices):
        if set(left) & set(right) or not _within(claims, left + right, rule.scope.days):
            continue
        if all(terms) and not _in_scope(claims, left[0], right[0], rule.scope.kind):
            continue
        key = _sum_key(rule, (left, right), claims)
        if key is not None:
            relation = _compared(setting, claims, (left, right), key)
            members.append((key, Member(left, right, relation)))
    return grouped(members, claims)


def _compared(
    setting: _Setting,
    claims: Sequence[Claim],
    sides: tuple[tuple[int, ...], tuple[int, ...]],
    key: object,
) -> Relation:
    """One choice of sides: the parts that apply (date order, §6) and the factors."""
    k, a = _slack(setting.body.tolerance, setting.unit)
    parts = [
        (small, strict)
        for small, big, strict in _parts(setting.body.op)
        if not setting.ordered or _precedes(claims, sides[small], sides[big])
    ]
    left, right = (
        tuple((i, _factor(setting.ruleset.unit_of(claims[i].measure), setting.unit)) for i in side)
        for side in sides
    )
    constraints = tuple(_lin(small, strict, k, a) for small, strict in parts)
    return Relation((left, right), setting.constants, constraints, sides[0] + sides[1], key)


def _bounds(ruleset: RuleSet, body: Bounds, claims: Sequence[Claim]) -> Found:
    unit = ruleset.unit_of(body.measure.name)
    low, high = _constant(body.low, unit), _constant(body.high, unit)
    found = []
    for i, claim in enumerate(claims):
        if claim.measure == body.measure.name:
            inside = (Lin(Fraction(-1), Fraction(0), -low), Lin(Fraction(1), Fraction(0), high))
            found.append(Relation((((i, Fraction(1)),), ()), (None, Fraction(0)), inside, (i,), i))
    return Found(found, set())


def _time_order(claims: Sequence[Claim], i: int, j: int) -> tuple[tuple[int, int], bool, bool]:
    """(earlier, later), whether both held on one and the same day, and whether their
    times are ordered at all (§6: one is before another only if its whole span is)."""
    a, b = _span(claims[i]), _span(claims[j])
    i_first, j_first = a[1] <= b[0], b[1] <= a[0]
    if i_first and j_first:
        return (i, j), True, True
    if i_first or j_first:
        return ((i, j) if i_first else (j, i)), False, True
    return (i, j), False, False


def _pairs(
    ruleset: RuleSet, rule: Rule, body: Agreement | Monotonic, claims: Sequence[Claim]
) -> Found:
    """Agreement (§4.4) and growth (§4.6): pairs of claims of one measure."""
    name = body.measure.name
    k, a = _slack(body.tolerance, ruleset.unit_of(name))
    growth = isinstance(body, Monotonic)
    ordered = growth or ruleset.measures[name].cumulative
    needs_date = ordered or rule.scope.days is not None
    mine = [i for i, c in enumerate(claims) if c.measure == name]
    skipped = {i for i in mine if needs_date and claims[i].time_span() is None}
    pool = [i for i in mine if i not in skipped]
    found = []
    for i, j in combinations(pool, 2):
        if not _in_scope(claims, i, j, rule.scope.kind) or not _within(
            claims, (i, j), rule.scope.days
        ):
            continue
        first, second = sorted((i, j), key=lambda n: order_key(claims[n]))
        same_day = False
        if ordered:
            (first, second), same_day, known = _time_order(claims, first, second)
            if not known or (growth and same_day):
                continue  # times that overlap have no order; growth needs one
            if growth and not _span(claims[first])[1] < _span(claims[second])[0]:
                continue  # §4.6: growth compares a claim only with one whose days all come later
        parts = [(0, 1)] if growth or (ordered and not same_day) else [(0, 1), (1, 0)]
        if same_day and not growth:
            first, second = sorted((i, j), key=lambda n: order_key(claims[n]))
        constraints = tuple(_lin(small, False, k, a) for small, _ in parts)
        sides = (((first, Fraction(1)),), ((second, Fraction(1)),))
        found.append(Relation(sides, (None, None), constraints, (first, second), frozenset((i, j))))
    return Found(found, skipped)
