"""The hedge phrases a rule file adds (``hedge "upwards of" = at least``), found in text.

A rule file's hedge is read before the lexicon's (``crosscheck.extract.hedging``), so it
replaces crosscheck's own reading of the same phrase; a hedge declared ``after`` is read
after the number ("1,000 or thereabouts") when no hedge stands before it. The claim
carries the phrase as its hedge, and ``ReadingSettings`` knows its family and width.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from crosscheck.extract.hedging import PreHedge
from crosscheck.extract.patterns import words_pattern
from crosscheck.lexicon import NOT_A_HEDGE_AFTER


class Hedged(NamedTuple):
    """The hedges read around a number: the one before it, the claim's, and where it ends."""

    before: PreHedge
    hedge: str | None
    end: int


class RuleHedges:
    """Finds a rule file's hedge phrases right before or right after a number."""

    def __init__(self, hedges: Mapping[str, tuple[str, bool]]) -> None:
        before = [phrase for phrase, (_, after) in hedges.items() if not after]
        after = [phrase for phrase, (_, after) in hedges.items() if after]
        self._before = _compiled(r"(?<![a-z0-9])(", before, r")[ \t]+\Z")
        self._after = _compiled(r"[ \t]+(", after, r")(?![a-z0-9])")
        self._reach = max(map(len, hedges), default=0) + 8
        self._guards = {
            phrase: re.compile(r"(?<![a-z])" + words_pattern(words) + r"[ \t]+\Z")
            for phrase, words in NOT_A_HEDGE_AFTER.items()
            if phrase in before
        }

    def read(self, low: str, start: int, end: int, lo: int, hi: int, found: Hedged) -> Hedged:
        """``found`` (the lexicon's reading of the number at [start, end)), with a rule
        file's hedge before the number in place of any other, or after it when no hedge
        stands before it."""
        pre = self._before_number(low, start, lo)
        if pre is not None:
            phrase, where = pre
            return Hedged(PreHedge(phrase, where, False, False), phrase, end)
        if found.before.hedge is None and self._after is not None:
            post = self._after.match(low, end, hi)
            if post is not None:
                return Hedged(found.before, " ".join(post.group(1).split()), post.end())
        return found

    def _before_number(self, low: str, start: int, lo: int) -> tuple[str, int] | None:
        if self._before is None or start - 1 < lo or low[start - 1] not in " \t":
            return None
        m = self._before.search(low, max(lo, start - self._reach), start)
        if m is None:
            return None
        phrase = " ".join(m.group(1).split())
        guard = self._guards.get(phrase)
        if guard is not None and guard.search(low, max(lo, m.start() - 12), m.start()):
            return None  # "the past 3 days": no hedge
        return phrase, m.start(1)


def _compiled(head: str, phrases: list[str], tail: str) -> re.Pattern[str] | None:
    return re.compile(head + words_pattern(phrases) + tail) if phrases else None
