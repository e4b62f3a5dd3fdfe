"""Properties over arbitrary text: no crash, spans inside sentences, claims = decisions."""

from __future__ import annotations

from extract_helpers import doc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosscheck.extract import Extractor

FRAGMENTS = [
    "North Korean troops",
    "DPRK forces",
    "soldiers",
    "these troops",
    "were killed",
    " killed or wounded",
    " deployed",
    " sent",
    "border",
    "casualties",
    "losses",
    " deaths",
    " injuries",
    " rocket launchers",
    " ballistic missiles",
    "this involves",
    "its size",
    "about ",
    "over ",
    "up to ",
    "at least ",
    "nearly ",
    "between ",
    " and ",
    " to ",
    "-",
    "–",
    "1,100",
    "11,000",
    "3.7",
    "240mm",
    " mm",
    "24 cm",
    "1953",
    "2025",
    "January 24",
    "Dec. 19",
    "2:20 pm",
    "F-16",
    "+82 2 123 4567",
    "one thousand",
    "eleven-thousand",
    "a dozen",
    "half a million",
    "several hundred",
    "thousands",
    "a few",
    "two",
    "%",
    " months",
    ".",
    ". ",
    "!",
    "?",
    ",",
    ";",
    ":",
    "\n",
    "\n\n",
    "“",
    "”",
    "'",
    "U.S.",
    "Mr.",
    " ",
    "  ",
    "0",
    "7",
    "99",
    ",000",
    "bn",
    "or so",
    "+",
]

text_strategy = st.one_of(
    st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join),
    st.text(max_size=200),
)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_decisions_are_consistent(extractor: Extractor, text: str) -> None:
    document = doc(text)
    decisions = extractor.decisions(document)
    previous_end = 0
    for d in decisions:
        assert 0 <= d.start < d.end <= len(text)
        assert text[d.start : d.end] == d.stated
        assert d.start >= previous_end  # in order, never overlapping
        previous_end = d.end
        if d.mention is not None:
            assert d.sentence is not None
            assert d.sentence.start <= d.start and d.end <= d.sentence.end
            assert text[d.sentence.start : d.sentence.end] == d.sentence.text
            assert "\n" not in d.stated
        if d.claim is not None:
            assert d.claim.start == d.start and d.claim.stated == d.stated
    expected = [d.claim for d in decisions if d.claim is not None]
    assert extractor.claims(document) == expected
    assert [m.start for m in extractor.mentions(document)] == [
        d.start for d in decisions if d.mention is not None
    ]
