"""How far an ``unless`` phrase reaches among the numbers of its sentence."""

from __future__ import annotations

import pytest
from extract_helpers import extractor_for, measured

RULES = """
measure killed: count
    when "killed" | "died"
    unless "last year"

measure injured: count
    when "injured"
    unless "last year"

measure destroyed: count
    when "destroyed"
    unless "damaged" | "damaged or destroyed"
"""
EXTRACTOR = extractor_for(RULES, "unless.rules")


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # A phrase that leads the sentence governs the conjuncts that share its clause.
        ("Last year, more than 1,000 people were killed and 1,500 injured by a quake.", []),
        # Past a clause break the next clause is its own.
        (
            "Last year, 1,000 people were killed; this week 1,500 were injured.",
            [("injured", "1,500")],
        ),
        (
            "Last year 1,000 people were killed, but this week 1,500 were injured.",
            [("injured", "1,500")],
        ),
        # A phrase after the numbers belongs to the one next to it.
        ("About 12,000 houses were destroyed and 30,000 damaged.", [("destroyed", "About 12,000")]),
        # An unless phrase that holds the phrase a number took is the longer reading.
        ("More than 83,000 houses have been damaged or destroyed.", []),
    ],
)
def test_an_unless_phrase_reaches_its_clause(text: str, claims: list[tuple[str, str]]) -> None:
    assert measured(EXTRACTOR, text) == claims
