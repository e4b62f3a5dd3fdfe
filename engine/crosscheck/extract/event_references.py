"""A figure of "that quake" is of the earlier event the sentence before dates (pure).

"In June 2022, a strong earthquake hit the east. That quake was the deadliest in two
decades, killing at least 1,000 people": the year stands in the sentence before, and
"that quake" (or "that death toll") refers back to it, so the figures of the clause that
names it are another event's. "This quake" is the article's own ("The 2010 quake killed
many more. This quake killed 2,000").
"""

from __future__ import annotations

import re

from crosscheck.extract.patterns import words_pattern
from crosscheck.extract.roles import Role, RoleKind, other_year
from crosscheck.extract.structure_words import OTHER_EVENT_NOUNS

_THAT_EVENT = re.compile(
    rf"(?<![a-z])that[ \t]+(?:[a-z]+[ \t]+)?(?:{words_pattern(OTHER_EVENT_NOUNS)}|death[ \t]+toll"
    r"|toll)(?![a-z])"
)


def names_that_event(low: str, clause: tuple[int, int]) -> bool:
    """Whether the clause spanning ``clause`` names "that quake" or "that toll"."""
    return low.find("that", *clause) >= 0 and _THAT_EVENT.search(low, *clause) is not None


def referred_event(
    low: str, clause: tuple[int, int], previous: tuple[int, int] | None, other_before: int | None
) -> Role | None:
    """The role ``OTHER_EVENT`` for a figure whose clause names "that quake" (or "that
    toll") when the sentence spanning ``previous`` dates an earlier event; else None."""
    if previous is None or other_before is None or not names_that_event(low, clause):
        return None
    year = other_year(low, previous, other_before)
    if year is None:
        return None
    why = f"the clause refers to the event the sentence before dates ({year})"
    return Role(RoleKind.OTHER_EVENT, None, why, year=int(year))
