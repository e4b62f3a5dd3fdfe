"""Sentence splitting, lazy sentence lookup and line/column positions."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.text.segment import LineIndex, SentenceLocator, split_sentences


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
    (only,) = split_sentences(text)
    assert locator.at(7000) == only
    assert locator.at(10) == only


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


def test_line_index_positions() -> None:
    text = "ab\ncd\n\nef"
    index = LineIndex(text)
    assert index.position(0) == (1, 1)
    assert index.position(2) == (1, 3)  # the newline itself ends line 1
    assert index.position(3) == (2, 1)
    assert index.position(8) == (4, 2)
    assert LineIndex(text, line_offset=5).position(3) == (7, 1)
