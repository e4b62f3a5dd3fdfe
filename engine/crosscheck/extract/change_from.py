"""The figure a change starts from held before the figure it changed to (pure).

"The toll was revised down from 80 to 65 on Sunday": 80 held some time before Sunday;
"95 people have died, up from 80 on Friday": Friday dates the 80, not the 95.
``starts_of_changes`` finds the numbers that follow "rose from", "up from", "revised
from" and the like; ``changed_from`` says whether a number is one of them, and
``owned_times`` which time words right after such a number date it alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from crosscheck.extract.asof import TimeWords

_CHANGED_FROM = re.compile(
    r"(?<![a-z])(?:revised|raised|lowered|rose|risen|increased|climbed|jumped|fell|dropped"
    r"|updated|up|down|upward|downward)[ \t]+from[ \t]+(?P<figure>(?:(?:an?|the|earlier"
    r"|previous|about|around|some|nearly|almost|over|at[ \t]+least)[ \t]+){0,2}(?P<digits>[0-9]"
    r"(?:[0-9,.]*[0-9])?))"
)
# Between the number a change starts from and the time words that date it alone.
_OWNED_GAP = re.compile(r"[ \t]+(?:on|by|as[ \t]+of|at|in)?[ \t]*")


class ChangeStart(NamedTuple):
    """A number a change starts from: its words (with a hedge) and digits, and the words
    that say so ("up from")."""

    start: int  # of the figure's words, a hedge included
    digits: int  # where its digits start
    end: int
    words: str  # "up from 80"


def starts_of_changes(low: str, start: int, end: int) -> list[ChangeStart]:
    """Every number in ``low[start:end]`` that a change starts from, in text order."""
    if low.find("from", start, end) < 0:
        return []
    return [
        ChangeStart(m.start("figure"), m.start("digits"), m.end(), m.group())
        for m in _CHANGED_FROM.finditer(low, start, end)
    ]


def changed_from(changes: Sequence[ChangeStart], position: int) -> ChangeStart | None:
    """The change that starts from the number whose mention opens at ``position``, if any."""
    return next((c for c in changes if c.start <= position <= c.digits), None)


def owned_times(
    low: str, changes: Sequence[ChangeStart], found: Sequence[TimeWords]
) -> list[TimeWords]:
    """The time words of ``found`` that stand right after a number a change starts from,
    and so date that number alone."""
    return [
        words
        for words in found
        if any(
            c.end <= words.start_pos and _OWNED_GAP.fullmatch(low, c.end, words.start_pos)
            for c in changes
        )
    ]
