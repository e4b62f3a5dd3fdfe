"""Fast paths of provenance against the plain forms they replace: the same answers."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from crosscheck.extract import attribution as _attribution
from crosscheck.extract import provenance as _provenance
from crosscheck.extract.attribution import attributions
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


_FOLD_PIECES = "has Has HAS had said SAID ſaid ſays told TOLD spoke SPOKE SPOKE believes"
_FOLD_OTHERS = ["x", "X", "é", "—", "ı", "İ", "ſ", "K", ",", " ", "  ", "\t"]


@given(st.lists(st.sampled_from([*_FOLD_PIECES.split(), *_FOLD_OTHERS])).map("".join),
       st.integers(0, 4))  # fmt: skip
def test_verbs_of_saying_in_any_script_are_the_matches_of_a_case_blind_scan(
    text: str, start: int
) -> None:
    """Letters outside ASCII that match ASCII ones case-blind (the long s, the dotless i,
    the Kelvin sign) are found in the folded copy as in the text."""
    start = min(start, len(text))
    plain = [m.span() for m in _attribution._VERB.finditer(text, start)]
    folded = _attribution.folded(text[start:])
    assert [m.span() for m in _attribution._verbs(text, start, folded)] == plain


def test_a_long_s_verb_is_found_in_a_sentence_with_a_dash() -> None:
    text = "Health officials ſaid 40 died — a toll."
    assert [frame.who for frame in attributions(text, 0, len(text))] == ["Health officials"]
