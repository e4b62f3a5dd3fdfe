"""A running total's figure for a span of time is its increment, not a total."""

from __future__ import annotations

import pytest
from extract_helpers import extractor_for, measured

RULES = """
measure killed: count, cumulative
    when "killed" | "died" | "toll"

measure injured: count
    when "injured"
"""
EXTRACTOR = extractor_for(RULES, "spans.rules")


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        ("The authority said 119 people had died in the past 24 hours.", []),
        (
            "The toll has climbed to 1,061 since June, with 28 people killed in the past 24 hours.",
            [("killed", "1,061")],
        ),
        ("Officials said 45 people had been killed between Friday and Saturday.", []),
        ("Some 500 people have died since Sunday, the agency said.", []),
        # "since June" is the whole season's count, no increment.
        ("Since June 14, 1,693 people have been killed.", [("killed", "1,693")]),
        # A measure that is no running total keeps its figure for a span.
        ("In the past 24 hours 92 people were injured.", [("injured", "92")]),
    ],
)
def test_a_running_totals_figure_for_a_span_is_an_increment(
    text: str, claims: list[tuple[str, str]]
) -> None:
    assert measured(EXTRACTOR, text) == claims
