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
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from crosscheck.dsl.ast import RuleSet
from crosscheck.extract.pairing import MAX_GAP_CHARS
from crosscheck.extract.patterns import trie_pattern
from crosscheck.lexicon import RESTATING_WORDS
from crosscheck.text.inflect import expand
from crosscheck.text.phrases import normalize_phrase

REACH = MAX_GAP_CHARS + 10
_FIRST_WORD = re.compile(r"[a-z0-9]+")
_PLAIN_WORD = re.compile(r"[a-z0-9]+")


class Surveyed(NamedTuple):
    """What a survey of one text found."""

    runs: list[tuple[int, int, Sequence[int]]]  # (start, end, candidate positions) of active lines
    phrase_starts: list[int] | None  # every place where a when phrase may start, if known


class Survey:
    """One pass over a text that finds both the candidate numbers and the markers.

    A marker is the first word of a ``when`` phrase or a restating word; a line is
    active when a marker stands within ``REACH`` characters of it.
    """

    def __init__(self, ruleset: RuleSet, candidate_words: Iterable[str]) -> None:
        firsts: set[str] | None = set()
        opened = True  # whether each phrase starts with its first word
        for name in ruleset.measures:
            for phrase in (form for p in ruleset.when_of(name) for form in expand(p)):
                normal = normalize_phrase(phrase)
                word = _FIRST_WORD.search(normal)
                if word is None or firsts is None:
                    firsts = None  # a phrase of symbols only: every line is active
                else:
                    firsts.add(word.group())
                    opened = opened and word.start() == 0
        self.every_line = firsts is None
        self.never = firsts == set()  # no when phrase: nothing can ever bind
        markers = sorted((firsts or set()) | set(RESTATING_WORDS))
        words = list(candidate_words)
        self._marker = re.compile(trie_pattern(markers))
        self._marker_starts = frozenset(marker[0] for marker in markers)
        body = r"(?:([0-9]|" + trie_pattern(words) + r"(?![a-z]))|" + trie_pattern(markers) + ")"
        self._pattern = re.compile(r"(?<![a-z0-9])" + body)
        # When every word is made of [a-z0-9] only, no match can hold a character that
        # starts another, and every other character is alike to the scan: it runs over
        # a copy with each of them a space, looking for a literal space before the word
        # (much faster than a look-behind), and once at the very start of the text.
        self._by_gap = all(_PLAIN_WORD.fullmatch(word) for word in (*words, *markers))
        if self._by_gap:
            self._at_start = re.compile(body.encode("ascii"))
            # Past the first word, numbers and markers are scanned apart: a word that
            # starts after a gap is one of them or not whatever stands before it.
            number = r"(?:[0-9]|" + trie_pattern(words) + r"(?![a-z]))"
            self._number_after_gap = re.compile(b" " + number.encode("ascii"))
            self._marker_after_gap = re.compile(b" " + trie_pattern(markers).encode("ascii"))
        # That scan finds a marker wherever one starts a word; if every when phrase
        # starts with its first word, the places where markers were found are the only
        # ones where the binder need look for a phrase.
        self._marks_phrases = self._by_gap and firsts is not None and opened

    def survey(self, text: str, low: str) -> Surveyed:
        """The runs of active lines with their candidate numbers, and the markers found."""
        if self.never:
            return Surveyed([], None)
        candidates = array("q")  # 8 bytes a number: no per-number objects kept
        marks: list[tuple[int, int]] = []
        if self._by_gap:
            self._take_gapped(low, candidates, marks)
        else:
            self._take(low, self._pattern.finditer(low), 0, candidates, marks)
        spans = [(0, len(text))] if self.every_line else _spans(text, marks)
        starts = [start for start, _ in marks] if self._marks_phrases else None
        return Surveyed(_distribute(spans, candidates), starts)

    def _take(
        self,
        low: str,
        matches: Iterable[re.Match[Any]],
        shift: int,
        candidates: array[int],
        marks: list[tuple[int, int]],
    ) -> None:
        """Each match (at its start plus ``shift``) as a candidate number or a marker."""
        marker, marker_starts = self._marker, self._marker_starts
        for m in matches:
            start = m.start() + shift
            if m.lastindex == 1:
                candidates.append(start)
                if low[start] in marker_starts:  # a number word may open a phrase
                    found = marker.match(low, start)
                    if found is not None:
                        marks.append((found.start(), found.end()))
            else:
                marks.append((start, m.end()))

    def _take_gapped(self, low: str, candidates: array[int], marks: list[tuple[int, int]]) -> None:
        """``_take`` over a copy of ``low`` with every character but [a-z0-9] a space.

        There every match starts a word, and a word holds no other match: the first
        word is read as ``_take`` reads it; past it, the words that start a number and
        those that start a marker (a number word may be both) are found by two scans.
        """
        gapped = _gaps_as_spaces(low)
        first = self._at_start.match(gapped)
        if first is not None:
            self._take(low, (first,), 0, candidates, marks)
        candidates.extend(m.start() + 1 for m in self._number_after_gap.finditer(gapped))
        marks.extend((m.start() + 1, m.end()) for m in self._marker_after_gap.finditer(gapped))


_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789")
_GAPS = bytes(c if c in _WORD_BYTES else ord(" ") for c in range(256))  # a translation table


def _gaps_as_spaces(low: str) -> bytes:
    """``low`` with one byte per character: [a-z0-9] as they are, anything else a space."""
    # Latin-1 keeps one byte per character; the characters it lacks become "?".
    return low.encode("latin-1", "replace").translate(_GAPS)


def _spans(text: str, marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merged spans of the whole lines within reach of each mark."""
    spans: list[tuple[int, int]] = []
    for mark_start, mark_end in marks:
        if spans and spans[-1][0] <= mark_start - REACH and mark_end + REACH <= spans[-1][1]:
            continue  # its lines are in the last span already
        # Line breaks are looked for no further back than the last span's end, so a
        # long line is walked once; a line start before it merges with that span.
        floor = spans[-1][1] if spans else 0
        pos = max(0, mark_start - REACH)
        start = text.rfind("\n", floor, pos) + 1 if pos > floor else floor
        end = text.find("\n", min(len(text), mark_end + REACH))
        end = len(text) if end < 0 else end
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans


def _distribute(
    spans: list[tuple[int, int]], candidates: array[int]
) -> list[tuple[int, int, Sequence[int]]]:
    """Each span with its candidates: views of ``candidates``, never copies."""
    out: list[tuple[int, int, Sequence[int]]] = []
    view = memoryview(candidates)
    for start, end in spans:
        first, last = bisect_left(candidates, start), bisect_left(candidates, end)
        if first < last:
            out.append((start, end, view[first:last]))
    return out
