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
from crosscheck.evaluate.candidates import (
    DateRule,
    EndIndex,
    Part,
    Threshold,
    UpperEnds,
    limits,
    threshold_of,
    upper_key,
)
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
    both = (part, Part(1, 0, part.dates, part.strict))
    for key in sorted(groups):
        ordered = by_first_date(groups[key], scope.days)
        rows = _Rows(ordered, ordered, scope.days, both, threshold)
        for i in range(len(ordered)):
            partners = sorted({j for j in rows.partners(i) if j > i})
            yield from _admitted(ordered, ordered, i, partners, scope)


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
        lefts, rights = left_groups[key], by_first_date(right_groups[key], scope.days)
        rows = _Rows(lefts, rights, scope.days, tuple(parts), threshold)
        for i in range(len(lefts)):
            yield from _admitted(lefts, rights, i, sorted(set(rows.partners(i))), scope)


def _admitted(
    left: Sequence[Side], right: Sequence[Side], i: int, found: list[int], scope: Scope
) -> Iterator[tuple[Side, Side]]:
    # The same test pairs_in_scope applies to each pair it yields.
    days = scope.days
    a = left[i]
    for j in found:
        b = right[j]
        if not a.indices.isdisjoint(b.indices) or not in_scope(a, b, scope.kind):
            continue
        if days is None or within_days((a, b), days):
            yield a, b


class _Rows:
    """The pairs that may fail a part, one left side at a time: for left side ``i``, the
    right sides it may fail a part with as the small side (by their upper ends) and as
    the big side (by their limits). Never more than one row is held at once.
    """

    def __init__(
        self,
        left: Sequence[Side],
        right: Sequence[Side],
        days: int | None,
        parts: Sequence[Part],
        threshold: Threshold,
    ) -> None:
        self._left, self._days, self._threshold = left, days, threshold
        self._searches: list[tuple[Part, bool, EndIndex]] = []
        for part in parts:
            dated = days is not None or part.dates is not DateRule.ANY
            index: EndIndex
            if part.small == 0:  # left small: the right sides by upper end
                index = UpperEnds(right, dated)
            else:  # left big: the right sides by the limit each sets as the small side
                index = limits(right, threshold, part.strict, dated)
            self._searches.append((part, dated, index))

    def partners(self, i: int) -> list[int]:
        """Positions in ``right`` of the sides that may fail a part with ``left[i]``."""
        side, found = self._left[i], []
        for part, dated, index in self._searches:
            if part.small == 0:
                limit = self._threshold.limit(side, part.strict)
                if limit is not None:
                    first, last = _date_range(side, self._days, part.dates) if dated else NO_RANGE
                    found += index.below(limit, first, last)
            else:
                upper = upper_key(side)
                if upper is not None:
                    first, last = _small_range(side, self._days, part.dates) if dated else NO_RANGE
                    found += index.above(upper, first, last)
        return found


NO_RANGE: tuple[int | None, int | None] = (None, None)


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


def _small_range(big: Side, days: int | None, dates: DateRule) -> tuple[int | None, int | None]:
    """The first dates (ordinals) a small side paired with ``big`` may have: every small
    side whose ``_date_range`` holds ``big``'s first date has its first date in it."""
    assert big.first is not None, "undated claims were dropped"
    first = big.first.toordinal()
    low: int | None = None
    high: int | None = None
    if days is not None:  # first(small) + days >= first(big) >= last(small) - days
        low, high = first - days, first + days
    if dates is DateRule.NOT_BEFORE:  # first(small) <= last(small) <= first(big)
        high = first if high is None else min(high, first)
    elif dates is DateRule.AFTER:  # first(small) < first(big)
        high = first - 1 if high is None else min(high, first - 1)
    return low, high
