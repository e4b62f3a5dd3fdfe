"""Sentence splitting, lazy sentence lookup and line/column positions."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.text.segment import MAX_SENTENCE, LineIndex, SentenceLocator, split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops left the valley. Rain fell.", ["Troops left the valley.", "Rain fell."]),
        (
            "They reached the coast.Observers said so.",
            ["They reached the coast.", "Observers said so."],
        ),
        (
            "Gen. Ryu met Mr. Han in the U.S. Capitol today.",
            ["Gen. Ryu met Mr. Han in the U.S. Capitol today."],
        ),
        (
            "Talks end on Dec. 19 in Geneva. Nobody came.",
            ["Talks end on Dec. 19 in Geneva.", "Nobody came."],
        ),
        ("Envoy Lena K. Moss spoke first.", ["Envoy Lena K. Moss spoke first."]),
        ("He said: “We are ready.” Then he left.", ["He said: “We are ready.”", "Then he left."]),
        ("“Is it over?” she asked. No reply came.", ["“Is it over?” she asked.", "No reply came."]),
        (
            "Rain Falls on the Capital\nCrowds stay home.",
            ["Rain Falls on the Capital", "Crowds stay home."],
        ),
        ("The brigade moved\nsouth before dawn.", ["The brigade moved\nsouth before dawn."]),
        ("First part.\n\nSecond part", ["First part.", "Second part"]),
        ("Costs rose by 3.7 percent. Wages fell.", ["Costs rose by 3.7 percent.", "Wages fell."]),
        ("Wait... what happened? Nothing!", ["Wait... what happened?", "Nothing!"]),
        ("It grew in 2024. 1,100 more came.", ["It grew in 2024.", "1,100 more came."]),
        ("The estimate is approx. 400 vehicles.", ["The estimate is approx. 400 vehicles."]),
        ("Each family gets Rs. 10 lakh today.", ["Each family gets Rs. 10 lakh today."]),
        ("They paid in Rs. Nobody asked.", ["They paid in Rs.", "Nobody asked."]),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_offsets_are_exact() -> None:
    text = "  One line here.  Another line!\n\nThird  "
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()


def test_locator_matches_split_on_a_long_line_without_stops() -> None:
    text = "word " * 5000 + "end"
    locator = SentenceLocator(text)
    sentences = split_sentences(text)
    assert len(sentences) > 1  # cut every MAX_SENTENCE characters at most
    assert all(len(s.text) <= MAX_SENTENCE for s in sentences)
    assert "".join(s.text for s in sentences).replace(" ", "") == text.replace(" ", "")
    for sentence in sentences:
        assert locator.at(sentence.end - 1) == sentence
        assert locator.at(sentence.start) == sentence
    assert locator.at(10) == sentences[0]


_ALPHABET = st.sampled_from(
    [*list("ab AB.,!?\n“”\"'0123456789-:;"), "Mr.", "U.S.", " Dec. ", "\n\n"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_locator_agrees_with_split(text: str) -> None:
    sentences = split_sentences(text)
    locator = SentenceLocator(text)
    for sentence in sentences:
        for pos in (sentence.start, (sentence.start + sentence.end) // 2, sentence.end - 1):
            assert locator.at(pos) == sentence
    for earlier, later in itertools.pairwise(sentences):
        assert locator.before(later) == earlier


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join), st.integers(min_value=2, max_value=40))
def test_locator_agrees_with_split_under_any_limit(text: str, limit: int) -> None:
    sentences = split_sentences(text, limit)
    assert all(len(s.text) <= limit for s in sentences)
    locator = SentenceLocator(text, limit)
    for sentence in sentences:
        for pos in range(sentence.start, sentence.end):
            assert locator.at(pos) == sentence
    for earlier, later in itertools.pairwise(sentences):
        assert locator.before(later) == earlier


def test_line_index_positions() -> None:
    text = "ab\ncd\n\nef"
    index = LineIndex(text)
    assert index.position(0) == (1, 1)
    assert index.position(2) == (1, 3)  # the newline itself ends line 1
    assert index.position(3) == (2, 1)
    assert index.position(8) == (4, 2)
    assert LineIndex(text, line_offset=5).position(3) == (7, 1)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab\n", max_size=40), st.lists(st.integers(0, 40), max_size=12))
def test_line_index_in_any_order(text: str, offsets: list[int]) -> None:
    index = LineIndex(text, line_offset=2)
    for offset in (min(o, len(text)) for o in offsets):
        before = text[:offset]
        expected = (before.count("\n") + 3, offset - (before.rfind("\n") + 1) + 1)
        assert index.position(offset) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_ALPHABET, max_size=80).map("".join),
    st.integers(min_value=2, max_value=40),
    st.randoms(use_true_random=False),
)
def test_locator_agrees_with_split_in_any_order(text: str, limit: int, rng: random.Random) -> None:
    # Every stretch found is kept: asking in any order, backwards included, finds the
    # same sentences as asking each position of a fresh locator.
    sentences = split_sentences(text, limit)
    locator = SentenceLocator(text, limit)
    positions = [p for s in sentences for p in range(s.start, s.end)]
    rng.shuffle(positions)
    for pos in positions:
        assert locator.at(pos) == SentenceLocator(text, limit).at(pos)
        assert locator.at(pos).start <= pos < locator.at(pos).end
