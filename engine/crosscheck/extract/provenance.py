"""Who gives a figure and as of when it held, for a claim about to be made (pure).

``Provenance.of`` reads the attribution frames and time words of the claim's sentence
(``attribution``, ``asof``), picks those that govern the number, and names the rule
set's origin the attribution's words match. A quotation closed by "he said" takes its
speaker from the sentence before. Time words that date the event rather than the figure
("the quake that struck on Monday") are left out (``event_dates``); the figure a change
starts from ("up from 80") held before the one it changed to (``change_from``). Without
time words a figure holds on the article's day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple, TypeVar

from crosscheck.extract.asof import TimeWords, as_of_for, time_expressions
from crosscheck.extract.attribution import Attribution, attributions, governing, nearest_frame
from crosscheck.extract.change_from import (
    ChangeStart,
    changed_from,
    owned_times,
    starts_of_changes,
)
from crosscheck.extract.context import DocumentContext
from crosscheck.extract.event_dates import split_times
from crosscheck.model import AsOf
from crosscheck.text.phrases import phrase_key
from crosscheck.text.segment import Sentence

# "he said" and the like (after no letter: ``_quoted_speech`` tests that). Without a
# look-behind first, the regex engine skips from one "h", "s" or "t" to the next instead
# of trying a match at every character.
_PRONOUN_SAID = re.compile(
    r"(?:he|she|they)[ \t]+(?:said|says|told|added|stated|explained)(?![a-z])"
)


_REMEMBERED_SPEAKERS = 4096
_LIST = re.compile(r"(?<![a-z])and(?![a-z])|,", re.IGNORECASE)
_POSSESSIVE_S = re.compile(r"'s(?![a-z])")
# A count that names when it was given stands for a speaker: "by a provisional count the
# ministry issued at 7:00 pm on Saturday" dates the sentence's figures as "the ministry
# said on Saturday" would.
_RELEASED = re.compile(
    r"(?<![a-z])(?:count|tally|toll|figures?|update|report|bulletin|statement)(?![a-z])"
    r"[^.;:()0-9]{0,60}?(?<![a-z])(?:issued|released|published|announced|updated|given)(?![a-z])"
)


class Found(NamedTuple):
    """A claim's provenance, and what the words of how it was read are made from."""

    origin: str | None
    attribution: str | None
    as_of: AsOf | None
    how: str  # where the attribution frame was found, or that none was
    day: dt.date | None  # the article's
    words: str | None  # the time words that date the figure, if any
    event: str | None = None  # time words of the figure's clause that date the event

    @property
    def steps(self) -> tuple[str, ...]:
        """How the provenance was read, in words (made only when asked: explain asks)."""
        steps = [self.how]
        if self.attribution is not None:
            named = f"origin {self.origin}" if self.origin else "no declared origin matches"
            steps.append(f"attributed to {self.attribution!r} ({named})")
        if self.day is None:
            steps.append("no as-of date: the article is undated")
        elif self.words is None:
            why = f" ({self.event!r} dates the event, not the figure)" if self.event else ""
            steps.append(f"as of the article's date {self.day}{why}")
        else:
            assert self.as_of is not None
            steps.append(f"as of {self.as_of.text()} because of {self.words!r}")
        return tuple(steps)


class Provenance:
    """The origins of one rule set, compiled; then ``of`` per claim."""

    def __init__(self, origins: Mapping[str, Sequence[str]]) -> None:
        self._origins = [
            (_speaker_key(phrase), name) for name, phrases in origins.items() for phrase in phrases
        ]
        self._origins.sort(key=lambda pair: -len(pair[0]))
        self._named: dict[str, str | None] = {}  # the origin of each speaker met so far

    def of(
        self, doc: DocumentContext, sentence: Sentence, position: int, day: dt.date | None
    ) -> Found:
        """The provenance of the number at ``position`` in ``sentence`` of an article of ``day``."""
        read = _read(doc, sentence, day)
        clause = _clause_of(doc, sentence, position)
        frame, how = _frame(doc, sentence, read, position, clause)
        who = frame.who if frame is not None else None
        origin = self._origin(who) if who is not None else None
        if day is None:
            return Found(origin, who, None, how, day, None, None)
        speaker = frame.end if frame is not None else _released(doc, sentence)
        as_of, words, event = _as_of(read, position, clause, speaker, day)
        return Found(origin, who, as_of, how, day, words, event)

    def _origin(self, who: str) -> str | None:
        """The origin of a speaker (``_origin_of``), remembered: a story's speakers recur."""
        named = self._named
        if who not in named:
            if len(named) >= _REMEMBERED_SPEAKERS:
                named.clear()  # memory stays flat over any corpus
            named[who] = self._origin_of(who)
        return named[who]

    def _origin_of(self, who: str) -> str | None:
        """The origin whose phrase the speaker's words hold (the longest phrase wins); none
        for a list of speakers ("Ukraine and Western sources"): no origin beats a wrong one."""
        if _LIST.search(who):
            return None
        key = f" {_speaker_key(who)} "
        for phrase, name in self._origins:
            if f" {phrase} " in key:
                return name
        return None


def _speaker_key(words: str) -> str:
    """How speakers' words are compared: as phrases are, possessives dropped ("Kyiv's
    military intelligence" holds "Kyiv")."""
    return _POSSESSIVE_S.sub("", phrase_key(words))


T = TypeVar("T")


def _remembered(doc: DocumentContext, kind: str, sentence: Sentence, make: Callable[[], T]) -> T:
    """What ``make`` finds in ``sentence``, worked out once per sentence of a document."""
    key = (kind, sentence.start)
    if key not in doc.memo:
        doc.memo[key] = make()
    found: T = doc.memo[key]
    return found


def _frames(doc: DocumentContext, sentence: Sentence) -> list[Attribution]:
    """The attribution frames of ``sentence``."""
    return _remembered(
        doc, "frames", sentence, lambda: attributions(doc.text, sentence.start, sentence.end)
    )


def _released(doc: DocumentContext, sentence: Sentence) -> int | None:
    """Where a count that says when it was given ends its verb ("the count the ministry
    issued"), if the sentence holds one: its time words date the figures."""
    return _remembered(doc, "released", sentence, lambda: _release_end(doc.low, sentence))


def _release_end(low: str, sentence: Sentence) -> int | None:
    if _RELEASE_WORD.search(low, sentence.start, sentence.end) is None:
        return None  # most sentences name no release: one scan for the verbs first
    found = _RELEASED.search(low, sentence.start, sentence.end)
    return found.end() if found is not None else None


_RELEASE_WORD = re.compile("issued|released|published|announced|updated|given")


def _quoted_speech(low: str, sentence: Sentence) -> bool:
    """Whether ``sentence`` closes a quotation with "he said" (or the like)."""
    at = sentence.start
    while (found := _PRONOUN_SAID.search(low, at, sentence.end)) is not None:
        if not _after_letter(low, found.start()):
            return True
        at = found.start() + 1  # "the said": no pronoun, but one may follow
    return False


def _after_letter(low: str, position: int) -> bool:
    """Whether a letter a-z stands right before ``position`` in ``low``."""
    return position > 0 and "a" <= low[position - 1] <= "z"


class _Read(NamedTuple):
    """What provenance reads in one sentence, once for all of its claims."""

    pool: list[Attribution]  # the frames that may govern a number (``governing``)
    times: list[TimeWords]  # that may date a figure, but not those owned by a change
    events: list[TimeWords]  # that date the event
    changes: list[ChangeStart]  # numbers that changes start from
    owned: list[TimeWords]  # that date a number a change starts from alone


def _read(doc: DocumentContext, sentence: Sentence, day: dt.date | None) -> _Read:
    """What provenance reads in ``sentence`` (of an article of ``day``), remembered."""
    key = ("provenance", sentence.start)
    read: _Read | None = doc.memo.get(key)
    if read is None:
        read = doc.memo[key] = _read_sentence(doc, sentence, day)
    return read


def _read_sentence(doc: DocumentContext, sentence: Sentence, day: dt.date | None) -> _Read:
    pool = governing(_frames(doc, sentence))
    if day is None:
        return _Read(pool, [], [], [], [])
    low, start, end = doc.low, sentence.start, sentence.end
    found, events = split_times(low, time_expressions(low, start, end, day), start)
    changes = starts_of_changes(low, start, end)
    if not changes:
        return _Read(pool, found, events, changes, [])
    owned = owned_times(low, changes, found)  # "up from 80 on Friday": Friday dates the 80
    return _Read(pool, [w for w in found if w not in owned], events, changes, owned)


def _frame(
    doc: DocumentContext, sentence: Sentence, read: _Read, position: int, clause: tuple[int, int]
) -> tuple[Attribution | None, str]:
    """The frame that governs the number at ``position``, and where it was found."""
    if read.pool:
        return nearest_frame(read.pool, position, clause), "an attribution frame in the sentence"
    if _remembered(doc, "he said", sentence, lambda: _quoted_speech(doc.low, sentence)):
        previous = doc.locator.before(sentence)
        if previous is not None:
            earlier = _frames(doc, previous)
            if earlier:
                return earlier[-1], "a quotation whose speaker the previous sentence names"
    return None, "no attribution frame in the sentence"


def _clause_of(doc: DocumentContext, sentence: Sentence, position: int) -> tuple[int, int]:
    for span in doc.clauses(sentence):
        if span[0] <= position < span[1]:
            return span
    return sentence.start, sentence.end


def _as_of(
    read: _Read, position: int, clause: tuple[int, int], speaker: int | None, day: dt.date
) -> tuple[AsOf, str | None, str | None]:
    """The days the figure held, the time words that say so (None: none do), and, when
    none do, the time words of its clause that date the event instead."""
    found = read.times
    if read.changes:
        change = changed_from(read.changes, position)
        if change is not None:
            mine = [w for w in read.owned if w.start_pos >= change.end]
            held = mine[0] if mine else as_of_for(found, position, clause, speaker)
            return _days(None, held.last if held else day), change.words, None
    words = as_of_for(found, position, clause, speaker) if found else None
    if words is None:
        event = as_of_for(read.events, position, clause, None) if read.events else None
        return _days(day, day), None, event.words if event is not None else None
    return _days(words.first, words.last), words.words, None


@lru_cache(maxsize=4096)
def _days(start: dt.date | None, end: dt.date) -> AsOf:
    """The as-of record of these days (records are immutable: claims of a day share one)."""
    return AsOf.model_construct(start=start, end=end)
