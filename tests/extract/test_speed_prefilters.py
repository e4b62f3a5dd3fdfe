"""Cheap first tests and split scans that extraction uses for speed give the answers of
the plain forms they stand in for."""

from __future__ import annotations

from array import array
from fractions import Fraction

import pytest
from extract_helpers import troop_ruleset
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.extract import attribution as _attribution
from crosscheck.extract import projections as _projections
from crosscheck.extract import roles as _roles
from crosscheck.extract.active import Survey
from crosscheck.extract.attribution import attributions
from crosscheck.extract.mention import NumberReader
from crosscheck.extract.patterns import lowered
from crosscheck.extract.settings import reading_settings
from crosscheck.extract.structure_words import PART_OPENERS
from crosscheck.extract.unbound import RESTATEMENT, has_restatement
from crosscheck.interval import Interval

_PIECES = st.sampled_from(
    ["this", "they", "it", "its", "the", "real", " ", "  ", "\t", "\n", "involves", "numbered",
     "totalled", "amounts to", "toll", "figure", "was", "could be", "were", "including", "of",
     "whom", "among", "them", "which", "could", "might go to", "reach", "top", "5", ",", ".",
     "a", "b", "tally", "size", "count", "x", "-", "’"]
)  # fmt: skip
TEXTS = st.lists(_PIECES, max_size=24).map("".join)


@given(TEXTS, st.data())
def test_has_restatement_is_the_pattern_search(text: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(0, end))
    assert has_restatement(text, start, end) == (RESTATEMENT.search(text, start, end) is not None)


@pytest.mark.parametrize(
    "text",
    ["they had thought it was 140", "it\tis 9", "this involves 11,000 soldiers",
     "which numbered 40", "they amounted to 5", "puts its size at", "their strength",
     "their toll", "the real figure may be 90", "the exact tally", "those totalled 7",
     "these include 3", "that comprised 4", "its count", "the true number"],
)  # fmt: skip
def test_has_restatement_finds_each_form(text: str) -> None:
    assert RESTATEMENT.search(text) is not None
    assert has_restatement(text, 0, len(text))


@given(TEXTS, st.data())
def test_part_opener_and_projection_are_the_pattern_searches(
    text: str, data: st.DataObject
) -> None:
    end = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(0, end))
    plain = _roles._last(_roles._PART_OPENER.finditer(text, start, end))
    found = _roles._part_opener(text, start, end)
    assert (found and (found.span(), found.group())) == (plain and (plain.span(), plain.group()))
    by_verb = _projections._PROJECTED_BEFORE.search(text, start, end) is not None
    by_hedge = (
        _projections._HEDGE_VERB.match(text, end) is not None
        and _projections._PROJECTED_BY_HEDGE.search(text, start, end) is not None
    )
    assert _projections.projected(text, start, end) == (by_verb or by_hedge)


def test_every_part_opener_holds_a_word_of_the_first_test() -> None:
    for opener in PART_OPENERS:
        assert any(word in opener for word in _roles.PART_OPENER_WORDS), opener


def test_an_interval_of_one_value_with_an_open_end_is_still_empty() -> None:
    value = Fraction(5)
    assert Interval(value, value).is_point
    for low_closed, high_closed in ((False, True), (True, False), (False, False)):
        with pytest.raises(ValueError, match="empty interval"):
            Interval(value, value, low_closed, high_closed)
    with pytest.raises(ValueError, match="empty interval"):
        Interval(Fraction(6), Fraction(5))


_WORDS = st.sampled_from(
    ["killed", "died", "deaths", "deployed", "sent", "troops", "north", "korean", "one",
     "two", "dozen", "thousand", "half", "a", "third", "5", "1,100", "ten", "tens", "it",
     "this", "involves", "number", " ", "\n",
     ".", ",", "-", "’", "é", "A380", "x", "while", "180", "soldiers", "numbers", "total"]
)  # fmt: skip


@given(st.lists(_WORDS, max_size=30).map("".join))
def test_the_split_scans_of_the_survey_are_the_one_scan(text: str) -> None:
    ruleset = troop_ruleset()
    survey = Survey(ruleset, NumberReader(reading_settings(ruleset)).words)
    assert survey._by_gap
    low = lowered(text)
    split_candidates: array[int] = array("q")
    split_marks: list[tuple[int, int]] = []
    survey._take_gapped(low, split_candidates, split_marks)
    one_candidates: array[int] = array("q")
    one_marks: list[tuple[int, int]] = []
    survey._take(low, survey._pattern.finditer(low), 0, one_candidates, one_marks)
    assert (split_candidates, split_marks) == (one_candidates, one_marks)


_FRAME_PIECES = st.sampled_from(
    ["According to", "ACCORDING TO", "citing", "as per", "As\tper", "quoting", "the UN",
     "Officials", "said", ",", " ", "\t", "released", "last week", "by", "the agency",
     "estimates", "figures", "from", "Seoul", "of", "intelligence", "count", "data", ".",
     "reported", "issued", "per", "super", "ı", "K", "1,500", "(", ")", "that", "Tally"]
)  # fmt: skip
_ALL_FRAMES = (
    _attribution._ACCORDING,
    _attribution._SAID_AFTER,
    _attribution._BY_AGENT,
    _attribution._OF_SOURCE,
)


@given(st.lists(_FRAME_PIECES, max_size=20).map(" ".join))
def test_frames_skipped_by_the_first_tests_would_find_nothing(text: str) -> None:
    found = attributions(text, 0, len(text))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_attribution, "_frames_in", lambda piece, low: _ALL_FRAMES)
        assert attributions(text, 0, len(text)) == found


@pytest.mark.parametrize(
    "text",
    ["According to the UN, 1,500 fled.", "As per the ministry, 40 died.",
     "As\tper the ministry, 40 died.", "The figure, released last week by the agency, stood",
     "The toll, issued last week by the army, was 9.", "It cited estimates from Seoul of 1,100.",
     "intelligence from the Pentagon on 5", "the count of the UN.", "data from the WHO."],
)  # fmt: skip
def test_each_frame_passes_the_first_tests(text: str) -> None:
    piece = text
    low = piece.lower() if piece.isascii() else None
    frames = _attribution._frames_in(piece, low)
    matching = [p for p in _ALL_FRAMES if p.search(text)]
    assert matching
    assert all(p in frames for p in matching)
