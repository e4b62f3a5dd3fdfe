"""The pairs worth deciding when only failures are reported.

``pairs_in_scope`` yields every pair a scope relates: O(n²) per group. A pair can
only fail if one of its one-sided parts fails, and the pairs that could fail a
part are found by sorting (candidates.py). The functions here yield, in the very
order ``pairs_in_scope`` would, the subsequence of its pairs that could fail some
part; every pair left out holds or is undecided. The caller decides each pair
exactly as before, so what is reported, and in what order, is unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from crosscheck.dsl.ast import Scope
from crosscheck.evaluate.candidates import DateRule, Part, Threshold, UpperEnds, threshold_of
from crosscheck.evaluate.relations import Within
from crosscheck.evaluate.scopes import (
    Side,
    by_first_date,
    in_scope,
    pairs_in_scope,
    scope_groups,
    within_days,
)


def unordered_pairs(
    sides: Sequence[Side], scope: Scope, within: Within, dates: DateRule, exhaustive: bool
) -> Iterator[tuple[Side, Side]]:
    """The unordered pairs of ``sides`` in scope to decide under ``x <= y within`` one way
    round or the other: all of them when ``exhaustive``, else those that could fail.
    """
    threshold = threshold_of(within)
    if exhaustive or threshold is None:
        return pairs_in_scope(sides, None, scope)
    return unordered_shortlist(sides, scope, Part(0, 1, dates), threshold)


def crossed_pairs(
    left: Sequence[Side],
    right: Sequence[Side],
    scope: Scope,
    within: Within,
    parts: Sequence[Part],
    exhaustive: bool,
) -> Iterator[tuple[Side, Side]]:
    """The pairs of ``left`` x ``right`` in scope to decide: all of them when
    ``exhaustive``, else those that could fail one of ``parts``.
    """
    threshold = threshold_of(within)
    if exhaustive or threshold is None:
        return pairs_in_scope(left, right, scope)
    return crossed_shortlist(left, right, scope, parts, threshold)


def unordered_shortlist(
    sides: Sequence[Side], scope: Scope, part: Part, threshold: Threshold
) -> Iterator[tuple[Side, Side]]:
    """The pairs of ``pairs_in_scope(sides, None, scope)`` that could fail ``part``
    one way round or the other (its roles are two claims of one list).
    """
    groups = scope_groups(sides, scope.kind)
    for key in sorted(groups):
        ordered = by_first_date(groups[key], scope.days)
        hits = _directed(ordered, ordered, scope.days, part, threshold)
        found = {(i, j) if i < j else (j, i) for i, j in hits if i != j}
        yield from _admitted(ordered, ordered, sorted(found), scope)


def crossed_shortlist(
    left: Sequence[Side],
    right: Sequence[Side],
    scope: Scope,
    parts: Iterable[Part],
    threshold: Threshold,
) -> Iterator[tuple[Side, Side]]:
    """The pairs of ``pairs_in_scope(left, right, scope)`` that could fail one of ``parts``
    (role 0 is the left side, role 1 the right side).
    """
    left_groups, right_groups = scope_groups(left, scope.kind), scope_groups(right, scope.kind)
    for key in sorted(left_groups.keys() & right_groups.keys()):
        roles = (left_groups[key], by_first_date(right_groups[key], scope.days))
        found: set[tuple[int, int]] = set()
        for part in parts:
            hits = _directed(roles[part.small], roles[part.big], scope.days, part, threshold)
            found.update(hits if part.small == 0 else ((j, i) for i, j in hits))
        yield from _admitted(roles[0], roles[1], sorted(found), scope)


def _admitted(
    left: Sequence[Side], right: Sequence[Side], found: list[tuple[int, int]], scope: Scope
) -> Iterator[tuple[Side, Side]]:
    # The same test pairs_in_scope applies to each pair it yields.
    days = scope.days
    for i, j in found:
        a, b = left[i], right[j]
        if not a.indices.isdisjoint(b.indices) or not in_scope(a, b, scope.kind):
            continue
        if days is None or within_days((a, b), days):
            yield a, b


def _directed(
    smalls: Sequence[Side],
    bigs: Sequence[Side],
    days: int | None,
    part: Part,
    threshold: Threshold,
) -> list[tuple[int, int]]:
    """Every (small, big) position pair failing ``small <= big``, or with dates that
    may be out of range."""
    dated = days is not None or part.dates is not DateRule.ANY
    index = UpperEnds(bigs, dated)
    hits: list[tuple[int, int]] = []
    for i, small in enumerate(smalls):
        limit = threshold.limit(small, part.strict)
        if limit is None:
            continue
        first, last = _date_range(small, days, part.dates) if dated else (None, None)
        hits.extend((i, j) for j in index.below(limit, first, last))
    return hits


def _date_range(small: Side, days: int | None, dates: DateRule) -> tuple[int | None, int | None]:
    """The first dates (ordinals) a big side paired with ``small`` may have."""
    assert small.first is not None and small.last is not None, "undated claims were dropped"
    first, last = small.first.toordinal(), small.last.toordinal()
    low: int | None = None
    high: int | None = None
    if days is not None:  # every claim of the pair within `days` of every other
        low, high = last - days, first + days
    if dates is DateRule.NOT_BEFORE:
        low = last if low is None else max(low, last)
    elif dates is DateRule.AFTER:
        low = first + 1 if low is None else max(low, first + 1)
    return low, high
