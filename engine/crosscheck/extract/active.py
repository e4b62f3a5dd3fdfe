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
        self._marker = re.compile(trie_pattern(markers))
        self._pattern = re.compile(
            r"(?<![a-z0-9])(?:([0-9]|"
            + trie_pattern(candidate_words)
            + r"(?![a-z]))|"
            + trie_pattern(markers)
            + ")"
        )

    def candidates_in_active_lines(self, text: str, low: str) -> list[tuple[int, int, list[int]]]:
        """(start, end, candidate positions) of each run of active lines, in order."""
        if self.never:
            return []
        candidates: list[int] = []
        marks: list[tuple[int, int]] = []
        marker = self._marker
        for m in self._pattern.finditer(low):
            if m.group(1) is not None:
                candidates.append(m.start())
                found = marker.match(low, m.start())  # a number word may open a phrase
                if found is not None:
                    marks.append((found.start(), found.end()))
            else:
                marks.append((m.start(), m.end()))
        spans = [(0, len(text))] if self.every_line else _spans(text, marks)
        return _distribute(spans, candidates)


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
