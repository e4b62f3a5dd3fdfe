"""Sentences of a text and line/column positions, with exact character offsets.

A sentence ends at terminal punctuation (plus any closing quotes) before a new
sentence start, at a full stop glued to a capitalised word ("region.Quoting"), at a
blank line, and at a single line break unless the next line continues the sentence
(it starts in lower case, or the line ends with a comma, dash or open bracket).
Abbreviations (Mr., Gen., U.S., single initials, "Dec. 19") do not end sentences.

Every decision looks only at a bounded neighbourhood of the punctuation mark, so a
sentence can be found around one position without splitting the whole text, and
the result is exactly the sentence ``split_sentences`` would return.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain

from crosscheck.lexicon import CURRENCY_SIGNS

TERMINATORS = ".!?…"
CLOSERS = "\"'”’)]»"
_MAX_CLOSERS = 3
_LOOK = 48  # how far a boundary decision may look either side

_CANDIDATE = re.compile(r"[.!?…\n]")
_LINE_BREAK = re.compile("\n")
_VISIBLE = re.compile(r"\S")  # \S is what str.isspace calls no space
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_LOWER_WORD_BEFORE = re.compile(r"[a-z]{2}\Z")

# Abbreviations that never end a sentence ("Gen. Kim", "Mr. Park", "approx. 1,100").
_TITLE_WORDS = (
    "mr mrs ms dr prof gen lt col maj capt sgt cpl pvt adm cmdr cdr rep sen gov pres "
    "supt insp st jr sr mt ft rev hon vs approx est dept univ assn gens cols messrs"
)
_TITLES = frozenset(_TITLE_WORDS.split())
# Abbreviations that do not end a sentence when a number follows ("Dec. 19", "No. 3").
_NUMBERED_WORDS = "jan feb mar apr jun jul aug sep sept oct nov dec no nos vol fig pp p art sec ch"
# Currency signs written with a full stop ("Rs. 10 lakh") come before numbers too.
_BEFORE_NUMBERS = frozenset(_NUMBERED_WORDS.split()) | {
    sign[:-1] for sign in CURRENCY_SIGNS if sign.endswith(".") and sign[:-1].isalpha()
}
_LONGEST_ABBREVIATION = max(map(len, _TITLES | _BEFORE_NUMBERS))
_CONTINUES_LINE = ",;-–—(["


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: ``text == source[start:end]``, without surrounding white space."""

    start: int
    end: int
    text: str

    def contains(self, start: int, end: int) -> bool:
        """Whether the span [start, end) lies inside the sentence."""
        return self.start <= start and end <= self.end


def _next_visible(text: str, pos: int) -> int | None:
    """Index of the first non-space character at or after ``pos`` within reach."""
    found = _VISIBLE.search(text, pos, pos + _LOOK)
    return None if found is None else found.start()


def _previous_visible(text: str, pos: int) -> int | None:
    """Index of the last non-space character before ``pos`` within reach."""
    reach = max(0, pos - _LOOK)
    kept = len(text[reach:pos].rstrip())  # the same white space as str.isspace
    return reach + kept - 1 if kept else None


def _is_abbreviation(text: str, i: int, following: str) -> bool:
    """Whether the full stop at ``i`` closes an abbreviation rather than a sentence."""
    if i > _LONGEST_ABBREVIATION and text[i - _LONGEST_ABBREVIATION - 1 : i].isalpha():
        return False  # a run of letters longer than any abbreviation: a word
    k = i - 1
    stop = max(-1, i - 1 - _LOOK)
    while k > stop and (text[k].isalpha() or text[k] == "."):
        k -= 1
    word = text[k + 1 : i]
    if not word or not word[0].isalpha():
        return False
    if "." in word:
        return _DOTTED.fullmatch(word) is not None
    if len(word) == 1:
        return True  # an initial: "Xavier T. Brunson"
    lower = word.lower()
    return lower in _TITLES or (lower in _BEFORE_NUMBERS and following.isdigit())


def _cut_after_line_break(text: str, i: int) -> int | None:
    nxt = _next_visible(text, i + 1)
    if nxt is None:
        return i
    if text.find("\n", i + 1, nxt) >= 0:
        return i  # a blank line
    if text[nxt].islower():
        return None  # a wrapped line goes on
    prev = _previous_visible(text, i)
    if prev is not None and text[prev] in _CONTINUES_LINE:
        return None
    return i


def _cut_after_terminator(text: str, i: int) -> int | None:
    if i + 1 < len(text) and text[i + 1] in TERMINATORS:
        return None  # the last mark of a run ("...", "?!") decides
    j = i + 1
    while j < len(text) and j - i <= _MAX_CLOSERS and text[j] in CLOSERS:
        j += 1
    if j >= len(text):
        return j
    c = text[j]
    if c.isspace():
        nxt = _next_visible(text, j)
        if nxt is None:
            return j
        following = text[nxt]
        if following.islower():
            return None
        if text[i] == "." and _is_abbreviation(text, i, following):
            return None
        return j
    glued = (
        j == i + 1
        and c.isupper()
        and j + 1 < len(text)
        and text[j + 1].islower()
        and _LOWER_WORD_BEFORE.search(text, max(0, i - 2), i) is not None
    )
    if glued and not (text[i] == "." and _is_abbreviation(text, i, c)):
        return j  # "region.Quoting": a missing space after a full stop
    return None


def cut_at(text: str, i: int) -> int | None:
    """Where a sentence ends because of the mark at ``i``, or ``None`` if it goes on."""
    if text[i] == "\n":
        return _cut_after_line_break(text, i)
    return _cut_after_terminator(text, i)


def iter_cuts(text: str, start: int = 0, stop: int | None = None) -> Iterator[int]:
    """Sentence-end offsets due to marks in ``text[start:stop]``, in increasing order."""
    end = len(text) if stop is None else stop
    for m in _CANDIDATE.finditer(text, start, end):
        cut = cut_at(text, m.start())
        if cut is not None:
            yield cut


def trimmed(text: str, start: int, end: int) -> Sentence | None:
    """The sentence in ``text[start:end]`` without outer white space, if any is left."""
    stretch = text[start:end]
    inner = stretch.strip()  # the same white space as str.isspace
    if not inner:
        return None
    if len(inner) < len(stretch):
        start += len(stretch) - len(stretch.lstrip())
    return Sentence(start, start + len(inner), inner)


MAX_SENTENCE = 2000  # no sentence is longer: a longer stretch is cut further


class _Grid:
    """Where a stretch between two cuts longer than ``limit`` is cut further.

    Near every multiple of ``step`` (``limit`` less a tenth): at the last white space
    up to ``slack`` characters before it, else at the multiple itself. Fixed offsets
    of the text, so a sentence is found around one position by looking at most about
    ``limit`` characters either side, and every piece is shorter than ``limit``.
    """

    def __init__(self, text: str, limit: int) -> None:
        self.text = text
        self.limit = limit
        self.slack = max(1, limit // 10)
        self.step = limit - self.slack

    def cut(self, k: int) -> int:
        """The cut near ``k * step`` (``k >= 1``)."""
        text, mark = self.text, k * self.step
        for i in range(min(mark, len(text) - 1), mark - self.slack, -1):
            if text[i].isspace():
                return i
        return mark

    def at_or_before(self, pos: int) -> int | None:
        """The last grid cut at or before ``pos``, if any."""
        k = (pos + self.slack) // self.step
        while k >= 1:
            cut = self.cut(k)
            if cut <= pos:
                return cut
            k -= 1
        return None

    def after(self, pos: int) -> int:
        """The first grid cut after ``pos``."""
        k = max(1, pos // self.step)
        while self.cut(k) <= pos:
            k += 1
        return self.cut(k)

    def within(self, start: int, end: int) -> list[int]:
        """The grid cuts strictly between ``start`` and ``end``."""
        cuts, cut = [], self.after(start)
        while cut < end:
            cuts.append(cut)
            cut = self.after(cut)
        return cuts


def all_cuts(text: str, limit: int = MAX_SENTENCE) -> Iterator[int]:
    """Every cut of ``text`` in order: those of ``iter_cuts``, and in a stretch between
    two of them (or the text's ends) longer than ``limit``, those of the grid."""
    grid = _Grid(text, limit)
    previous = 0
    for cut in chain(iter_cuts(text), (len(text),)):
        if cut - previous > limit:
            yield from grid.within(previous, cut)
        if cut < len(text):
            yield cut
        previous = cut


def split_sentences(text: str, limit: int = MAX_SENTENCE) -> list[Sentence]:
    """Every sentence of ``text`` in order, with exact offsets; none longer than ``limit``."""
    sentences = []
    previous = 0
    for cut in chain(all_cuts(text, limit), (len(text),)):
        sentence = trimmed(text, previous, cut)
        if sentence is not None:
            sentences.append(sentence)
        previous = cut
    return sentences


class SentenceLocator:
    """Finds the sentence around a position on demand, without splitting the text.

    Each sentence is found by looking at most about ``limit`` characters either side
    of the position; every one found is kept, so asking for every number of a text
    costs about one pass over it.
    """

    def __init__(self, text: str, limit: int = MAX_SENTENCE) -> None:
        self.text = text
        self._grid = _Grid(text, limit)
        # The stretches found so far, in text order, as parallel lists (for bisect):
        # where each starts and ends, and its sentence.
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._sentences: list[Sentence] = []
        self._reversed: str | None = None
        # The cut each mark makes, by the mark's offset: the mark that ends one sentence
        # is asked again when the next sentence is found.
        self._cuts: dict[int, int | None] = {}

    def at(self, pos: int) -> Sentence:
        """The sentence whose stretch of text (between two cuts) holds ``pos``."""
        starts = self._starts
        k = bisect_right(starts, pos)
        if k and pos < self._ends[k - 1]:
            return self._sentences[k - 1]
        low, high = self._bounds(pos)
        sentence = trimmed(self.text, low, high) or Sentence(pos, pos, "")
        starts.insert(k, low)
        self._ends.insert(k, high)
        self._sentences.insert(k, sentence)
        return sentence

    def before(self, sentence: Sentence) -> Sentence | None:
        """The sentence just before ``sentence``, or ``None`` at the start of the text."""
        k = sentence.start - 1
        while k >= 0 and self.text[k].isspace():
            k -= 1
        if k < 0:
            return None
        return self.at(k)

    def _bounds(self, pos: int) -> tuple[int, int]:
        """The cuts either side of ``pos``: the last at or before it, the first after it."""
        grid = self._grid
        low = self._natural_before(pos, max(0, pos - grid.limit))
        if low is not None:
            high = self._natural_after(pos, low + grid.limit)
            if high is not None:
                return low, high  # a stretch no longer than the limit
        # A stretch longer than the limit: cut further by the grid.
        below = grid.at_or_before(pos)
        if low is None or (below is not None and below > low):
            assert below is not None, "a stretch longer than the limit holds a grid cut"
            low = below
        above = grid.after(pos)
        high = self._natural_after(pos, above)
        return low, min(above, len(self.text)) if high is None else min(high, above)

    def _cut_at(self, i: int) -> int | None:
        """``cut_at(text, i)``, remembered."""
        cuts = self._cuts
        if i in cuts:
            return cuts[i]
        cut = cuts[i] = cut_at(self.text, i)
        return cut

    def _natural_before(self, pos: int, floor: int) -> int | None:
        """The last cut of ``iter_cuts`` (or the text's start) at or before ``pos`` and at
        or after ``floor``, or ``None`` when there is none there."""
        # Walk the marks backwards (a forward search over the reversed text); cuts grow
        # with the position of their mark, so the first one found at or before ``pos``
        # is the last cut there.
        if self._reversed is None:
            self._reversed = self.text[::-1]
        last = len(self.text) - 1
        stop = last - max(0, floor - _MAX_CLOSERS - 1) + 1
        for m in _CANDIDATE.finditer(self._reversed, last - pos, stop):
            cut = self._cut_at(last - m.start())
            if cut is not None and cut <= pos:
                return cut if cut >= floor else None
        return 0 if floor == 0 else None

    def _natural_after(self, pos: int, ceiling: int) -> int | None:
        """The first cut of ``iter_cuts`` (or the text's end) after ``pos`` and at or
        before ``ceiling``, or ``None`` when there is none there."""
        text = self.text
        for m in _CANDIDATE.finditer(text, max(0, pos - _MAX_CLOSERS - 1), ceiling + 1):
            cut = self._cut_at(m.start())
            if cut is not None and cut > pos:
                return cut if cut <= ceiling else None
        return len(text) if ceiling >= len(text) else None


class LineIndex:
    """1-based line and column of character offsets, counted on from the last offset
    asked (offsets are best asked in increasing order); keeps no list of line breaks."""

    def __init__(self, text: str, line_offset: int = 0) -> None:
        self._text = text
        self._offset = line_offset
        self._at = 0  # the last offset asked
        self._breaks = 0  # line breaks before it
        self._line_start = 0  # where its line starts

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of ``offset``; lines before the text add ``line_offset``."""
        text, at = self._text, self._at
        if offset >= at:
            self._breaks += text.count("\n", at, offset)
            last = text.rfind("\n", at, offset)
        else:
            self._breaks -= text.count("\n", offset, at)
            last = -1  # the same line, unless back across a line break
            if self._line_start > offset:
                last, self._line_start = text.rfind("\n", 0, offset), 0
        if last >= 0:
            self._line_start = last + 1
        self._at = offset
        return self._breaks + 1 + self._offset, offset - self._line_start + 1
