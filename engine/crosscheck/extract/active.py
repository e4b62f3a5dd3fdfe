"""Which lines of a text can hold a claim, found in one pass over the text.

A number binds only to a ``when`` phrase at most ``MAX_GAP_CHARS`` away, or through
a restating pronoun just before it ("this involves ..."); a reading never spans a
line break, and every look-back of the reader stops at one. So numbers on a line
with no measure phrase and no restating word within reach can never be claims,
and ``Extractor.claims`` skips them without reading them: the claims are exactly
those ``Extractor.decisions`` finds, for a fraction of the work on sparse text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from crosscheck.dsl.ast import RuleSet
from crosscheck.extract.pairing import MAX_GAP_CHARS
from crosscheck.extract.patterns import normalize_phrase, trie_pattern

REACH = MAX_GAP_CHARS + 10
_FIRST_WORD = re.compile(r"[a-z0-9]+")
_PLAIN_WORD = re.compile(r"[a-z0-9]+")

# Every word that a restatement (bind._RESTATEMENT) needs; a superset is harmless.
RESTATING_WORDS = [
    "involve",
    "involves",
    "involved",
    "include",
    "includes",
    "included",
    "comprise",
    "comprises",
    "comprised",
    "number",
    "numbers",
    "numbered",
    "total",
    "totals",
    "totaled",
    "totalled",
    "amount",
    "amounts",
    "amounted",
    "size",
    "strength",
    "count",
    "toll",
    "tally",
]


class Survey:
    """One pass over a text that finds both the candidate numbers and the markers.

    A marker is the first word of a ``when`` phrase or a restating word; a line is
    active when a marker stands within ``REACH`` characters of it.
    """

    def __init__(self, ruleset: RuleSet, candidate_words: Iterable[str]) -> None:
        firsts: set[str] | None = set()
        for measure in ruleset.measures.values():
            for phrase in measure.when:
                word = _FIRST_WORD.search(normalize_phrase(phrase))
                if word is None or firsts is None:
                    firsts = None  # a phrase of symbols only: every line is active
                else:
                    firsts.add(word.group())
        self.every_line = firsts is None
        self.never = firsts == set()  # no when phrase: nothing can ever bind
        markers = sorted((firsts or set()) | set(RESTATING_WORDS))
        words = list(candidate_words)
        self._marker = re.compile(trie_pattern(markers))
        body = r"(?:([0-9]|" + trie_pattern(words) + r"(?![a-z]))|" + trie_pattern(markers) + ")"
        self._pattern = re.compile(r"(?<![a-z0-9])" + body)
        # When every word is made of [a-z0-9] only, no match can hold a character that
        # starts another, so the one scan splits into faster ones: a literal space
        # before the word (by far the most common case), any other non-word character
        # before it, and the very start of the text.
        self._by_gap = all(_PLAIN_WORD.fullmatch(word) for word in (*words, *markers))
        self._at_start = re.compile(body)
        self._after_space = re.compile(" " + body)
        self._after_other = re.compile("[^a-z0-9 ]" + body)

    def candidates_in_active_lines(self, text: str, low: str) -> list[tuple[int, int, list[int]]]:
        """(start, end, candidate positions) of each run of active lines, in order."""
        if self.never:
            return []
        candidates: list[int] = []
        marks: list[tuple[int, int]] = []
        marker = self._marker
        for start, end, is_candidate in self._matches(low):
            if is_candidate:
                candidates.append(start)
                found = marker.match(low, start)  # a number word may open a phrase
                if found is not None:
                    marks.append((found.start(), found.end()))
            else:
                marks.append((start, end))
        spans = [(0, len(text))] if self.every_line else _spans(text, marks)
        return _distribute(spans, candidates)

    def _matches(self, low: str) -> list[tuple[int, int, bool]]:
        """(start, end, is a candidate) of every match of ``_pattern`` in ``low``, in order."""
        if not self._by_gap:
            matches = self._pattern.finditer(low)
            return [(m.start(), m.end(), m.group(1) is not None) for m in matches]
        found = [
            (m.start() + 1, m.end(), m.group(1) is not None)
            for gap in (self._after_space, self._after_other)
            for m in gap.finditer(low)
        ]
        first = self._at_start.match(low)
        if first is not None:
            found.append((0, first.end(), first.group(1) is not None))
        found.sort()
        return found


def _spans(text: str, marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merged spans of the whole lines within reach of each mark."""
    if not marks:
        return []
    breaks = [b.start() for b in re.finditer("\n", text)]
    spans: list[tuple[int, int]] = []
    for mark_start, mark_end in marks:
        start = _line_start(breaks, max(0, mark_start - REACH))
        end = _line_end(breaks, min(len(text), mark_end + REACH), len(text))
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans


def _distribute(
    spans: list[tuple[int, int]], candidates: list[int]
) -> list[tuple[int, int, list[int]]]:
    out = []
    for start, end in spans:
        first, last = bisect_left(candidates, start), bisect_left(candidates, end)
        if first < last:
            out.append((start, end, candidates[first:last]))
    return out


def _line_start(breaks: list[int], pos: int) -> int:
    k = bisect_left(breaks, pos) - 1
    return breaks[k] + 1 if k >= 0 else 0


def _line_end(breaks: list[int], pos: int, length: int) -> int:
    k = bisect_left(breaks, pos)
    return breaks[k] if k < len(breaks) else length
