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
