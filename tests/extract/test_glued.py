"""Numbers glued to a word by a missing space are read; codes are not."""

from __future__ import annotations

import pytest

from crosscheck.extract.glued import glued_starts
from crosscheck.lexicon import GLUED_WORDS


@pytest.mark.parametrize("word", GLUED_WORDS)
def test_every_glued_word_lets_its_number_be_read(word: str) -> None:
    text = f"officials said {word}180 people"
    assert glued_starts(text) == [len(f"officials said {word}")]


@pytest.mark.parametrize("code", ["a380", "mh17", "covid19", "band5", "t72 tanks", "xwhile5"])
def test_codes_and_longer_words_are_not_numbers(code: str) -> None:
    assert glued_starts(f"the {code} was seen") == []
