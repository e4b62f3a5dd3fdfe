"""Increments: numbers that add to a figure their sentence already gave (pure).

"The toll has risen to 108 with two more people dying of their injuries": the two are
added to the 108, not a toll of their own. A number is an increment when "more" follows
it ("two more", not "two more than") or "another"/"additional"/"further" comes before
it, and a number before it in the same sentence is bound to the same measure. Without
that earlier figure the words say nothing of a total: "At least 150 more people were
injured" after a sentence about the dead counts the injured.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_MORE_AFTER = re.compile(r"[ \t]+more(?![a-z])(?![ \t]+than(?![a-z]))")
_ADDED_BEFORE = re.compile(
    r"(?<![a-z])(?:another|(?:an[ \t]+)?additional|(?:a[ \t]+)?further)[ \t]+\Z"
)
_REACH = 16  # characters before a number searched for "another"
# A span of time a figure is counted over, which makes it the running total's increment:
# "119 died in the past 24 hours", "45 were killed between Friday and Saturday", "some 500
# have died since Sunday" ("since June" is the whole season's, no increment).
_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday)"
_SPAN = re.compile(
    r"(?<![a-z])(?:(?:in|over|during|within)[ \t]+the[ \t]+(?:past|last|previous)[ \t]+"
    r"(?:(?:24|48|72|twenty-four|few|two|three)[ \t]+)?(?:hours|day|days)"
    rf"|between[ \t]+{_DAYS}[ \t]+and[ \t]+{_DAYS}|since[ \t]+{_DAYS})(?![a-z])"
)


def span_increments(
    low: str, bound: Sequence[tuple[int, int, str | None]], end: int, cumulative: frozenset[str]
) -> set[int]:
    """The indexes of the numbers, given as (start, end, measure) in text order in one
    sentence of ``low`` ending at ``end``, of a running total (``cumulative``) that a span
    of time bounds before the next bound figure: the total's increments."""
    if not cumulative or not any(low.find(w, bound[0][0], end) >= 0 for w in _SPAN_WORDS):
        return set()  # most sentences name no span: word tests before the pattern's scans
    found: set[int] = set()
    for i, (_, stop, measure) in enumerate(bound):
        if measure not in cumulative:
            continue
        # The span may hold a number of its own ("in the past 24 hours"): the stretch runs
        # to the next figure bound to a measure.
        following = next((s for s, _, m in bound[i + 1 :] if m is not None), end)
        if _SPAN.search(low, stop, following) is not None:
            found.add(i)
    return found


_SPAN_WORDS = ("past", "last", "previous", "between", "since")


def increments(low: str, bound: Sequence[tuple[int, int, str | None]]) -> set[int]:
    """The indexes of the numbers, given as (start, end, measure) in text order in one
    sentence of ``low`` (the lower-cased text), that are increments of a figure before
    them."""
    found: set[int] = set()
    seen: set[str] = set()
    for i, (start, end, measure) in enumerate(bound):
        if measure is None:
            continue
        if measure in seen and _is_increment(low, start, end):
            found.add(i)
        else:
            seen.add(measure)
    return found


def _is_increment(low: str, start: int, end: int) -> bool:
    """Whether the words around the number at [start, end) add it to another."""
    if _MORE_AFTER.match(low, end) is not None:
        return True
    return _ADDED_BEFORE.search(low, max(0, start - _REACH), start) is not None
