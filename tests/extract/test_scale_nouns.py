"""A number right beside a scale's noun ("magnitude 7") counts nothing, whatever the rules.

Each test walks ``lexicon.SCALE_NOUNS``, so an entry added there is tested here at once.
"""

from __future__ import annotations

import pytest
from extract_helpers import extractor_for, measured

from crosscheck import lexicon

RULES = """
measure killed: count
    when "death toll" | "dead"

measure magnitude: number
    when "magnitude"
"""
TOLLS = extractor_for(RULES.split("measure magnitude")[0], "tolls.rules")
WITH_MAGNITUDE = extractor_for(RULES, "magnitude.rules")


@pytest.mark.parametrize("noun", lexicon.SCALE_NOUNS)
def test_every_scale_noun_makes_its_number_no_head_count(noun: str) -> None:
    for text in (
        f"The death toll of the {noun} 7 quake has risen to 2,960.",
        f"The death toll of the 7 {noun} quake has risen to 2,960.",
    ):
        assert measured(TOLLS, text) == [("killed", "2,960")], text


def test_a_measure_of_kind_number_still_takes_the_magnitude() -> None:
    text = "The death toll of the magnitude 7 quake has risen to 2,960."
    assert measured(WITH_MAGNITUDE, text) == [("magnitude", "7"), ("killed", "2,960")]


def test_a_measure_of_counts_whose_phrase_is_the_scale_noun_keeps_it() -> None:
    counted = extractor_for('measure m: count\n    when "magnitude"\n', "m.rules")
    assert measured(counted, "Magnitude 7.5 quake rattles the region") == [("m", "7.5")]


def test_a_count_beside_no_scale_noun_is_still_a_count() -> None:
    assert measured(TOLLS, "Officials said 7 people were dead.") == [("killed", "7")]
