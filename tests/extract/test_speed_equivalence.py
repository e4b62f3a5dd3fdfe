"""Fast paths of extraction against the plain forms they replace: the same answers."""

from __future__ import annotations

import datetime as dt
import re

from extract_helpers import doc
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.extract import Extractor
from crosscheck.extract import asof as _asof
from crosscheck.extract import attribution as _attribution
from crosscheck.extract import glued as _glued
from crosscheck.extract import roles as _roles
from crosscheck.extract.attribution import speaker_before
from crosscheck.extract.context import DocumentContext
from crosscheck.extract.patterns import lowered
from crosscheck.extract.unbound import bindable_positions
from crosscheck.lexicon import GLUED_WORDS

# The plain form: the speaker's words as the leftmost match of a pattern anchored at the
# end (the regex engine tries every start, which is what made it slow).
_SPEAKER_FORWARDS = re.compile(
    r"((?:[A-Za-z][\w.'‘’&-]*[ \t]+){0,5}?[A-Za-z][\w.'‘’&-]*)"
    r"(?:[ \t]*\([A-Z][A-Za-z.]{1,9}\))?\Z"
)
_PIECES = st.sampled_from(
    ["a", "Z", "officials", "AP", "é", "7", "_", ".", "'", "’", "&", "-", " ", "  ", "\t",
     "\n", ",", "(", ")", "(AP)", " (Reuters)", "(A.F.P.)", '"', "2nd", "U.S."]
)  # fmt: skip
TEXTS = st.lists(_PIECES, max_size=30).map("".join)


def _forwards(text: str, start: int, end: int) -> tuple[int, str] | None:
    found = _SPEAKER_FORWARDS.search(text, start, end)
    return None if found is None else (found.start(1), found.group(1))


@given(TEXTS, st.data())
def test_the_speaker_read_backwards_is_the_leftmost_forward_match(
    text: str, data: st.DataObject
) -> None:
    end = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(0, end))
    assert speaker_before(text, start, end) == _forwards(text, start, end)


def test_the_speaker_before_a_verb_examples() -> None:
    text = "Officials in the northern province of Baghlan (AP) said"
    end = text.index(" said")
    assert speaker_before(text, 0, end) == (10, "in the northern province of Baghlan")
    assert speaker_before("a, 2nd", 0, 6) == (4, "nd")
    assert speaker_before("said, (AP)", 0, 10) is None


# The plain form of the verbs of saying: an alternation, longest first where one verb
# starts another ("says" before "say", "puts" before "put").
_VERBS_PLAIN = sorted(_attribution._VERBS.split("|"), key=lambda v: -len(v))
_VERB_PLAIN = re.compile(
    r"[ \t]+(?:has[ \t]+|have[ \t]+|had[ \t]+)?(?i:" + "|".join(_VERBS_PLAIN) + r")(?![a-z])"
)
_VERB_PIECES = st.sampled_from(
    [" ", "\t", "x", "S", "s", ",", "said", "SAYS", "say", "put", "PUT", "puts", "has ",
     "Believe", "believes", "told", "ſaid", "Reported", "tells"]
)  # fmt: skip


@given(st.lists(_VERB_PIECES, max_size=20).map("".join))
def test_the_verbs_of_saying_factored_match_as_the_plain_alternation(text: str) -> None:
    found = [m.span() for m in _attribution._VERB.finditer(text)]
    assert found == [m.span() for m in _VERB_PLAIN.finditer(text)]


def _glued_plain(low: str, lo: int, hi: int) -> list[int]:
    """``glued_starts`` as a regex finds each letter before a digit."""
    found = []
    for match in re.compile(r"[a-z](?=[0-9])").finditer(low, lo, hi):
        end = match.end()
        start = end
        while start > max(lo, end - _glued._LONGEST - 1) and low[start - 1].isalpha():
            start -= 1
        if (start == 0 or not low[start - 1].isalnum()) and low[start:end] in GLUED_WORDS:
            found.append(end)
    return found


_GLUED_PIECES = st.sampled_from(
    ["while", "and", "over", "a", "z", "é", "ſ", "7", "180", " ", ".", "-", "\n", "x9", "日", "🙂"]
)


@given(st.lists(_GLUED_PIECES, max_size=25).map("".join), st.data())
def test_glued_numbers_are_found_as_the_plain_scan_finds_them(
    low: str, data: st.DataObject
) -> None:
    hi = data.draw(st.integers(0, len(low)))
    lo = data.draw(st.integers(0, hi))
    assert _glued.glued_starts(low, lo, hi) == _glued_plain(low, lo, hi)


def test_numbers_are_skipped_only_from_a_sentence_that_binds_nothing_to_its_line_end(
    extractor: Extractor,
) -> None:
    text = (
        "12 shells fell. 40 troops were killed.\n"  # a later sentence of the line may bind
        "Another 7 shells fell. Then 9 more.\n"  # nothing on this line may bind
        "They number 3,000.\n"  # a restating pronoun may bind
    )
    context = DocumentContext(text, lowered(text))
    numbers = [m.start() for m in re.finditer(r"[0-9][0-9,]*", text)]
    kept = list(bindable_positions(context, extractor.binder.when, numbers))
    assert [text[p : p + 2] for p in kept] == ["12", "40", "3,"]
    document = doc(text)
    bound = [d.claim for d in extractor.decisions(document) if d.claim is not None]
    assert extractor.claims(document) == bound


# The plain form of ``asof.time_words``: a search for any word that may start a time
# expression.
_ANY_TIME_WORD = re.compile(
    r"(?<![a-z])(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|last|this|"
    r"early|mid|late|earlier|initial|initially|previous|previously|first)(?![a-z])"
)
_TIME_PIECES = "may mid midmay last lasts é ı — . 3 x first earlier early jan january sept -"


@given(st.lists(st.sampled_from([*_TIME_PIECES.split(), " ", "\n", "monday"])).map("".join),
       st.integers(0, 5))  # fmt: skip
def test_time_words_are_the_words_a_search_finds(text: str, cut: int) -> None:
    """From any start, even inside a word (a sentence cut where a line is too long)."""
    low = lowered(text)
    start = min(cut, len(low))
    found = set(_ANY_TIME_WORD.findall(low, start, len(low)))
    assert _asof.time_words(low, start, len(low)) == found


def _time_expressions_plain(low: str, today: dt.date) -> list[_asof.TimeWords]:
    """Every kind of time expression looked for, whatever words the sentence holds (once
    it holds any)."""
    if _ANY_TIME_WORD.search(low) is None:
        return []
    found = []
    for match in _asof._ABSOLUTE.finditer(low):
        day = _asof._absolute(match.group(), today)
        if day is not None:
            found.append(_asof.TimeWords(match.start(), match.end(), day, day, match.group()))
    for match in _asof._PART_OF_MONTH.finditer(low):
        span = _asof._part_of_month(match.group(1), match.group(2), today)
        if span is not None:
            found.append(_asof.TimeWords(match.start(), match.end(), *span, match.group()))
    for match in _asof._WEEKDAY.finditer(low):
        day = _asof._weekday(match.group(2), match.group(1), match.group(3), today)
        found.append(_asof.TimeWords(match.start(), match.end(), day, day, match.group()))
    for match in _asof._RELATIVE.finditer(low):
        first, last = _asof._relative(" ".join(match.group(1).split()), today)
        found.append(_asof.TimeWords(match.start(), match.end(), first, last, match.group()))
    for match in _asof._EARLIER.finditer(low):
        found.append(_asof.TimeWords(match.start(), match.end(), None, today, match.group()))
    return _asof._without_overlaps(sorted(found))


_TIME_PIECES = st.sampled_from(
    ["jan", "january", "sept", "sep.", "may", "monday", "friday", "night", "last", "this",
     "past", "week", "month", "mid", "early", "late", "-", "earlier", "initial", "initially",
     "previously", "reported", "first", "figure", "toll", "yesterday", "today", "of", "5",
     "19", "21st", "2024", ",", ".", " ", " ", "\t", "x", "s"]
)  # fmt: skip


@given(st.lists(_TIME_PIECES, max_size=14).map("".join))
def test_time_words_are_looked_for_as_every_kind_of_them_is(low: str) -> None:
    today = dt.date(2024, 12, 23)
    assert _asof.time_expressions(low, 0, len(low), today) == _time_expressions_plain(low, today)


def _other_year_plain(low: str, clause: tuple[int, int], other_before: int) -> str | None:
    """Every year of the clause looked at, whatever it holds."""
    for match in _roles._YEAR.finditer(low, clause[0], clause[1]):
        since = _roles._SINCE_BEFORE.search(low, max(clause[0], match.start() - 12), match.start())
        if int(match.group(1)) < other_before and since is None:
            return match.group(1)
    return None


_YEAR_PIECES = "1999 2015 1850 2100 19 20 18 8 x since in the of among out 120 , -"


@given(st.lists(st.sampled_from([*_YEAR_PIECES.split(), " "])).map("".join),
       st.integers(0, 6), st.integers(1990, 2030))  # fmt: skip
def test_a_clause_is_dated_to_the_year_a_scan_of_it_finds(
    low: str, cut: int, other_before: int
) -> None:
    clause = (min(cut, len(low)), len(low))
    assert _roles.other_year(low, clause, other_before) == _other_year_plain(
        low, clause, other_before
    )


_VERB_PIECES = "has Has had have said SAID Said saysX says say told x X report reported put , ."


@given(st.lists(st.sampled_from([*_VERB_PIECES.split(), " ", "  ", "\t"])).map("".join),
       st.integers(0, 4))  # fmt: skip
def test_verbs_of_saying_are_the_matches_of_a_case_blind_scan(text: str, start: int) -> None:
    start = min(start, len(text))
    low = text[start:].lower()
    plain = [m.span() for m in _attribution._VERB.finditer(text, start)]
    assert [m.span() for m in _attribution._verbs(text, start, low)] == plain
