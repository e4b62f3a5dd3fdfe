"""Word and phrase alternations factored into tries match exactly what the plain
alternations, longest first, match: at every position, with what follows them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from hypothesis import given
from hypothesis import strategies as st

from crosscheck.extract.patterns import phrase_pattern, words_pattern
from crosscheck.text.phrases import normalize_phrase

_WORDS = st.sampled_from(["a", "ab", "abc", "b", "ba", "of", "off", "the", "a.", "b-c", "it's"])
PHRASES = st.lists(st.lists(_WORDS, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=8)
TEXTS = st.lists(
    st.sampled_from(
        ["a", "b", "c", "f", "o", "the", " ", "  ", "\t", "-", "‑", "’", "'", ".", "s"]
    ),
    max_size=30,
).map("".join)
# What follows the alternation in the extractor's patterns: a word boundary, blanks to the
# end (a look-back before a number), or nothing.
AFTER = st.sampled_from([r"(?![a-z])", r"[ \t]+\Z", ""])


def flat_words(words: Iterable[str]) -> str:
    """The plain alternation ``words_pattern`` stands in for."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(r"[ \t]+".join(map(re.escape, w.split())) for w in ordered) + ")"


def flat_phrases(phrases: Iterable[str]) -> str:
    """The plain alternation ``phrase_pattern`` stands in for."""
    parts = []
    for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)):
        words = normalize_phrase(phrase).split(" ")
        pieces = [re.escape(w).replace("'", "['’‘]").replace(r"\-", "[-‐‑ ]") for w in words]
        parts.append(r"\s+".join(pieces))
    return r"(?<![a-z0-9])(?:" + "|".join(parts) + r")(?![a-z0-9])"


def spans(pattern: str, text: str) -> list[tuple[int, int] | None]:
    """The match at every position of ``text``, and the first search from each."""
    compiled = re.compile(pattern)
    found: list[tuple[int, int] | None] = []
    for pos in range(len(text) + 1):
        for m in (compiled.match(text, pos), compiled.search(text, pos)):
            found.append(None if m is None else m.span())
    return found


@given(PHRASES, TEXTS, AFTER)
def test_words_pattern_matches_as_the_plain_alternation(
    words: list[str], text: str, after: str
) -> None:
    assert spans(words_pattern(words) + after, text) == spans(flat_words(words) + after, text)


@given(PHRASES, TEXTS)
def test_phrase_pattern_matches_as_the_plain_alternation(phrases: list[str], text: str) -> None:
    assert spans(phrase_pattern(phrases), text) == spans(flat_phrases(phrases), text)


def test_the_tries_are_factored() -> None:
    assert words_pattern(["of", "off"]) == "(?:of(?:f)?)"
    assert phrase_pattern(["killed", "kills"]) == r"(?<![a-z0-9])(?:kill(?:ed|s))(?![a-z0-9])"
