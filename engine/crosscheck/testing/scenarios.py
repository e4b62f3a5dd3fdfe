"""Claim sets built from a rule to satisfy it, or to violate it.

Both are constructed, not filtered. A satisfying set is drawn around a *world*, one
true value per claim for which every relation the rule makes holds (so no relation
can fail whatever the hedges hide); a violating set holds one relation built to fail
for every choice of values, on top of a satisfying background.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from hypothesis import strategies as st

from crosscheck.dsl.ast import (
    Bounds,
    Comparison,
    Monotonic,
    Rule,
    RuleSet,
    ScopeKind,
)
from crosscheck.interval import Interval
from crosscheck.model import Claim, Document
from crosscheck.testing.claimsets import FIRST_DAY, SOURCES, Stated, documents, place
from crosscheck.testing.relations import (
    Part,
    Relation,
    comparison_relation,
    constant_value,
    find_rule,
    pair_relation,
    satisfying_world,
    slack_of,
)
from crosscheck.testing.values import amounts, around, numbers


class Unviolable(ValueError):
    """A rule that no claims can violate (``killed >= 0``: amounts are never negative)."""


def claims_satisfying(
    ruleset: RuleSet,
    rule: str | Rule,
    *,
    max_claims: int = 8,
    docs: st.SearchStrategy[list[Document]] | None = None,
) -> st.SearchStrategy[list[Claim]]:
    """Claims of the rule's measures that ``rule`` reports no violation for.

    Each claim's interval contains a true value, and the true values satisfy the rule
    (agreeing within its tolerance, growing over time, inside its range, ...). When
    no values can satisfy it (``a < a``), the claims are too few to be related.
    """
    found = find_rule(ruleset, rule)
    return _satisfying(ruleset, found, max_claims, documents() if docs is None else docs)


def claims_violating(
    ruleset: RuleSet,
    rule: str | Rule,
    *,
    background: int = 4,
    docs: st.SearchStrategy[list[Document]] | None = None,
) -> st.SearchStrategy[list[Claim]]:
    """Claims among which ``rule`` has at least one relation that fails for every
    choice of values (plus up to ``background`` claims that satisfy it).

    Raises ``Unviolable`` at once for a rule no claims can violate.
    """
    found = find_rule(ruleset, rule)
    reason = why_unviolable(ruleset, found)
    if reason is not None:
        raise Unviolable(f"rule `{found.name}` can never be violated: {reason}")
    return _violating(ruleset, found, background, documents() if docs is None else docs)


def why_unviolable(ruleset: RuleSet, rule: Rule) -> str | None:
    """Why no claims can violate ``rule``, or ``None`` when some can."""
    body = rule.body
    if isinstance(body, Monotonic) and rule.scope.days == 0:
        return "it compares claims of different days, but only within 0 days"
    if isinstance(body, Comparison):
        rel = comparison_relation(ruleset, body)
        if not any(_can_fail(rel, part) for part in rel.parts):
            return "amounts are never negative, so it holds for every claim"
    return None


def _can_fail(rel: Relation, part: Part) -> bool:
    constant = rel.constants[part.lhs]
    if constant is None:
        return True
    budget = rel.slack.k * constant - rel.slack.bound
    return budget > 0 or (budget == 0 and part.strict)


# ------------------------------------------------------------------ satisfying


@st.composite
def _satisfying(
    draw: st.DrawFn,
    ruleset: RuleSet,
    rule: Rule,
    max_claims: int,
    docs: st.SearchStrategy[list[Document]],
) -> list[Claim]:
    pool = draw(docs)
    stated = draw(_true_claims(ruleset, rule, pool, max_claims))
    return place(ruleset, draw(st.permutations(stated)))


@st.composite
def _true_claims(
    draw: st.DrawFn, ruleset: RuleSet, rule: Rule, pool: list[Document], max_claims: int
) -> list[Stated]:
    body = rule.body
    count = draw(st.integers(0, max_claims))
    if isinstance(body, Comparison):
        rel = comparison_relation(ruleset, body)
        start = {name: draw(numbers(0, 5000, whole=True)) for name in rel.measures}
        order = draw(st.permutations(rel.measures))
        world = satisfying_world(rel, start, order, draw(numbers(Fraction(1, 100), 100)))
        if world is None:  # nothing satisfies it: too few claims to relate
            count = 1 if rel.paired else 0
            world = {name: Fraction(0) for name in rel.measures}
        names = st.sampled_from(rel.measures)
        chosen = [(draw(names), draw(st.sampled_from(pool))) for _ in range(count)]
        return [Stated(m, draw(around(world[m])), doc) for m, doc in chosen]
    if isinstance(body, Bounds):
        return draw(_inside_bounds(ruleset, body, pool, count))
    name = body.measure.name
    slack = slack_of(body.tolerance, ruleset.unit_of(name))
    grows = isinstance(body, Monotonic) or ruleset.measures[name].cumulative
    dates = sorted({d.date for d in pool if d.date is not None})
    bands = draw(_bands(slack.k, slack.bound, len(dates) if grows else 1))
    result = []
    for _ in range(count):
        doc = draw(st.sampled_from(pool))
        band = bands[dates.index(doc.date)] if grows and doc.date is not None else bands[0]
        value = band[0] + (band[1] - band[0]) * draw(_shares())
        result.append(Stated(name, draw(around(value)), doc))
    return result


def _shares() -> st.SearchStrategy[Fraction]:
    return st.sampled_from([Fraction(0), Fraction(1)]) | numbers(0, 1)


@st.composite
def _bands(
    draw: st.DrawFn, k: Fraction, bound: Fraction, count: int
) -> list[tuple[Fraction, Fraction]]:
    """Ranges of values, one per date in order, each above the one before, any two
    values of one range within the tolerance (``k*high - low <= bound``)."""
    low = draw(numbers(0, 5000, whole=True))
    bands = []
    for _ in range(max(count, 1)):
        widest = (low + bound) / k - low
        high = low + widest * draw(_shares())
        bands.append((low, high))
        low = high + draw(numbers(0, 500))
    return bands


@st.composite
def _inside_bounds(
    draw: st.DrawFn, ruleset: RuleSet, body: Bounds, pool: list[Document], count: int
) -> list[Stated]:
    unit = ruleset.unit_of(body.measure.name)
    low = max(constant_value(body.low, unit), Fraction(0))
    high = constant_value(body.high, unit)
    if high < low:
        return []  # the range holds no amount: no claim of the measure can satisfy it
    result = []
    for _ in range(count):
        value = low + (high - low) * draw(_shares())
        result.append(Stated(body.measure.name, draw(around(value)), draw(st.sampled_from(pool))))
    return result


# ------------------------------------------------------------------ violating


@st.composite
def _violating(
    draw: st.DrawFn,
    ruleset: RuleSet,
    rule: Rule,
    background: int,
    docs: st.SearchStrategy[list[Document]],
) -> list[Claim]:
    failing = draw(_failing_claims(ruleset, rule))
    extra = draw(_true_claims(ruleset, rule, draw(docs), background))
    return place(ruleset, draw(st.permutations(failing + extra)))


@st.composite
def _failing_claims(draw: st.DrawFn, ruleset: RuleSet, rule: Rule) -> list[Stated]:
    body = rule.body
    if isinstance(body, Bounds):
        return [draw(_outside_bounds(ruleset, body))]
    if isinstance(body, Comparison):
        rel = comparison_relation(ruleset, body)
        part = draw(st.sampled_from([p for p in rel.parts if _can_fail(rel, p)]))
        ordered = rel.paired and any(ruleset.measures[m].cumulative for m in rel.measures)
        earliest = 0
    else:
        rel, part = pair_relation(ruleset, body), Part(0, 1)
        ordered = isinstance(body, Monotonic) or ruleset.measures[body.measure.name].cumulative
        earliest = 1 if isinstance(body, Monotonic) else 0
    lhs, rhs = draw(failing_values(rel, part))
    dates = draw(_dates(rule.scope.days, ordered, earliest))
    lhs_doc, rhs_doc = draw(_documents_in_scope(rule.scope.kind, dates))
    lhs_origin, rhs_origin = draw(_origins_in_scope(rule.scope.kind, list(ruleset.origins)))
    result = [
        Stated(t, iv, lhs_doc, dates[0], origin=lhs_origin)
        for t, iv in zip(rel.terms[part.lhs], lhs, strict=True)
    ]
    result += [
        Stated(t, iv, rhs_doc, dates[1], origin=rhs_origin)
        for t, iv in zip(rel.terms[part.rhs], rhs, strict=True)
    ]
    return result


@st.composite
def _dates(
    draw: st.DrawFn, days: int | None, ordered: bool, earliest: int
) -> tuple[dt.date, dt.date]:
    """Dates of the two sides: in order (first no later) when ``ordered``, at least
    ``earliest`` days apart, at most ``days`` apart when the rule has a window."""
    first = FIRST_DAY + dt.timedelta(days=draw(st.integers(0, 30)))
    gap = draw(st.integers(earliest, earliest + 10 if days is None else days))
    if not ordered and draw(st.booleans()):
        gap = -gap
    return first, first + dt.timedelta(days=gap)


@st.composite
def _documents_in_scope(
    draw: st.DrawFn, kind: ScopeKind, dates: tuple[dt.date, dt.date]
) -> tuple[Document, Document]:
    """Two articles (perhaps one) that the scope relates, dated like their claims."""
    first_source = draw(st.sampled_from(SOURCES))
    first = Document(path="violation-a.md", text="", source=first_source, date=dates[0])
    apart = kind in (ScopeKind.ACROSS_SOURCES, ScopeKind.ACROSS_ORIGINS)
    same_document = kind is ScopeKind.PER_DOCUMENT or draw(st.integers(0, 3)) == 0
    if same_document and not apart:
        return first, first
    if kind in (ScopeKind.PER_SOURCE, ScopeKind.PER_ORIGIN):
        source = first_source
    elif apart:
        source = draw(st.sampled_from([s for s in SOURCES if s != first_source]))
    else:
        source = draw(st.sampled_from(SOURCES))
    return first, Document(path="violation-b.md", text="", source=source, date=dates[1])


@st.composite
def _origins_in_scope(
    draw: st.DrawFn, kind: ScopeKind, origins: list[str]
) -> tuple[str | None, str | None]:
    """Origins of the two sides that the scope relates (None: the side's source stands
    in; the documents of an across-origins pair may share a source only with origins)."""
    if kind is ScopeKind.PER_ORIGIN:
        origin = draw(st.none() | st.sampled_from(origins)) if origins else None
        return origin, origin
    if kind is ScopeKind.ACROSS_ORIGINS and len(origins) >= 2:
        first, second = draw(st.permutations(origins))[:2]
        return first, second
    return None, None


@st.composite
def _outside_bounds(draw: st.DrawFn, ruleset: RuleSet, body: Bounds) -> Stated:
    unit = ruleset.unit_of(body.measure.name)
    low, high = constant_value(body.low, unit), constant_value(body.high, unit)
    doc = draw(documents(min_size=1, max_size=1))[0]
    if low > 0 and draw(st.booleans()):  # below the range
        cap = low * draw(numbers(0, 1))
        closed = cap < low
        bottom = cap * draw(numbers(0, 1 if closed else Fraction(99, 100)))
        return Stated(body.measure.name, _span(bottom, cap, True, closed), doc)
    bottom = max(high, Fraction(0)) + draw(numbers(0, 100))
    closed = bottom > high
    top: Fraction | None = None
    if draw(st.booleans()):
        top = bottom + draw(numbers(0 if closed else 1, 100))
    return Stated(body.measure.name, _span(bottom, top, closed, True), doc)


def _span(low: Fraction, high: Fraction | None, low_closed: bool, high_closed: bool) -> Interval:
    """An interval, made a point when its ends meet (a point's ends are closed)."""
    if low == high:
        return Interval.point(low)
    return Interval(low, high, low_closed, high_closed)


@st.composite
def failing_values(
    draw: st.DrawFn, rel: Relation, part: Part
) -> tuple[list[Interval], list[Interval]]:
    """Intervals for the terms of the part's two sides (none for a constant side)
    such that ``part`` fails for every choice of values: sometimes with room to spare,
    sometimes exactly on the boundary with an open end making the difference.
    """
    k, bound = rel.slack.k, rel.slack.bound
    tight = draw(st.booleans())
    lhs_terms, rhs_terms = rel.terms[part.lhs], rel.terms[part.rhs]
    lhs_constant, rhs_constant = rel.constants[part.lhs], rel.constants[part.rhs]
    if lhs_constant is not None:
        budget = k * lhs_constant - bound  # the right side must stay at or below this
        rhs = draw(_capped(rel, rhs_terms, budget, tight, part.strict))
        return [], rhs
    if rhs_constant is not None:
        rhs, top, attained = [], rhs_constant, True
    else:
        rhs = [draw(_finite()) for _ in rhs_terms]
        top = sum(
            (
                rel.factors[t] * iv.high
                for t, iv in zip(rhs_terms, rhs, strict=True)
                if iv.high is not None
            ),
            Fraction(0),
        )
        attained = all(iv.high_closed for iv in rhs)
    need = (top + bound) / k  # the left side must stay at or above this
    open_low = tight and not part.strict and attained
    return draw(_floored(rel, lhs_terms, need, tight, open_low)), rhs


def _finite() -> st.SearchStrategy[Interval]:
    return amounts(5000, allow_unbounded=False)


@st.composite
def _split(
    draw: st.DrawFn, total: Fraction, terms: tuple[str, ...], rel: Relation
) -> list[Fraction]:
    """``total`` (working unit) shared out over the terms, each in its own unit."""
    shares = [draw(st.integers(1, 4)) for _ in terms]
    return [total * s / sum(shares) / rel.factors[t] for s, t in zip(shares, terms, strict=True)]


@st.composite
def _floored(
    draw: st.DrawFn,
    rel: Relation,
    terms: tuple[str, ...],
    need: Fraction,
    tight: bool,
    open_low: bool,
) -> list[Interval]:
    """Intervals whose weighted lows add up to ``need`` (plus a margin unless tight);
    the first low open when ``open_low``."""
    margin = Fraction(0) if tight and need >= 0 else draw(numbers(Fraction(1, 100), 100))
    lows = draw(_split(max(need, Fraction(0)) + margin, terms, rel))
    result = []
    for index, low in enumerate(lows):
        is_open = open_low and index == 0
        high = None if draw(st.booleans()) else low + draw(numbers(0, 500))
        if high == low and is_open:
            high = low + 1
        low_closed = not is_open and (high == low or draw(st.booleans()))
        result.append(_span(low, high, low_closed, high is None or draw(st.booleans())))
    return result


@st.composite
def _capped(
    draw: st.DrawFn,
    rel: Relation,
    terms: tuple[str, ...],
    budget: Fraction,
    tight: bool,
    strict: bool,
) -> list[Interval]:
    """Intervals whose weighted highs add up to at most ``budget`` (exactly, when tight;
    then one high is open unless the part is strict)."""
    if budget == 0:
        return [Interval.point(0) for _ in terms]
    fill = Fraction(1) if tight else Fraction(draw(st.integers(1, 9)), 10)
    highs = draw(_split(budget * fill, terms, rel))
    result = []
    for index, high in enumerate(highs):
        must_open = tight and not strict and index == 0
        low = high * draw(numbers(0, Fraction(99, 100) if must_open else 1))
        high_closed = not must_open and (low == high or draw(st.booleans()))
        result.append(_span(low, high, low == high or draw(st.booleans()), high_closed))
    return result
