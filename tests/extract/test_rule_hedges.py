"""Hedges a rule file adds (issue 14 item 5), and numbers hyphenated to a measure's
phrase ("magnitude-6.4"), which are no designators (item 4)."""

from __future__ import annotations

import pytest
from test_rule_vocabulary import NUMBERS, read, ruleset_of


def test_a_number_hyphenated_after_a_measure_phrase_is_read() -> None:
    assert read(ruleset_of(NUMBERS), "A magnitude-6.4 quake hit.") == [("magnitude", "6.4", "6.4")]


def test_designators_stay_designators() -> None:
    rules = ruleset_of('measure jets: count when "jets"\nmeasure m: number when "magnitude"')
    assert read(rules, "It sent F-16 jets.") == []
    assert read(rules, "A magnitude-6 quake; 4 MiG-29 jets.") == [
        ("m", "6", "6"),
        ("jets", "4", "4"),
    ]


HEDGES = """
hedge "upwards of" = at least
hedge "in the region of" = about 15%
hedge "or thereabouts" = about after
hedge "shy of" = below
measure killed: count
    when "killed"
"""


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("Upwards of 40 were killed.", "[40, inf)"),
        ("In the region of 100 were killed.", "[85, 115]"),
        ("300 or thereabouts were killed.", "[270, 330]"),
        ("Shy of 50 were killed.", "[0, 50)"),
        ("Some 300 were killed.", "[270, 330]"),  # the lexicon's hedges still apply
    ],
)
def test_hedges_a_rule_file_adds(text: str, interval: str) -> None:
    [(_, _, found)] = read(ruleset_of(HEDGES), text)
    assert found == interval


def test_a_rule_file_hedge_keeps_the_lexicon_guard() -> None:
    rules = ruleset_of('hedge "past" = above\nmeasure d: duration when "fighting"')
    assert read(rules, "Fighting over the past 3 days.") == [("d", "3 days", "3")]
