"""Fast paths of provenance against the plain forms they replace: the same answers."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from crosscheck.extract import provenance as _provenance
from crosscheck.text.segment import Sentence

# The plain form: a look-behind for the letter before the pronoun.
_PRONOUN_SAID_PLAIN = re.compile(
    r"(?<![a-z])(?:he|she|they)[ \t]+(?:said|says|told|added|stated|explained)(?![a-z])"
)
_SAID_PIECES = st.sampled_from(
    ["he", "she", "they", "the", "t", "s", "x", "é", " ", "  ", "\t", "said", "told", "saidx",
     "added", ",", ".", "-"]
)  # fmt: skip


@given(st.lists(_SAID_PIECES, max_size=16).map("".join), st.integers(0, 4))
def test_quoted_speech_is_found_as_the_look_behind_finds_it(low: str, cut: int) -> None:
    """From any start, even inside a word: the letter before the start counts."""
    start = min(cut, len(low))
    sentence = Sentence(start, len(low), low[start:])
    plain = _PRONOUN_SAID_PLAIN.search(low, start, len(low)) is not None
    assert _provenance._quoted_speech(low, sentence) == plain


def test_quoted_speech_examples() -> None:
    for low, found in [("the said", False), ("she said", True), ("the said, they told", True),
                       ("bathe told", False), ("x he added", True)]:  # fmt: skip
        assert _provenance._quoted_speech(low, Sentence(0, len(low), low)) == found, low
