"""The cheap first tests that let attribution and time words skip a sentence (speed) never
skip one that holds a frame or a part of a month, in any case or spelling."""

from __future__ import annotations

import datetime as dt

import pytest

from crosscheck.extract.asof import time_expressions
from crosscheck.extract.attribution import attributions
from crosscheck.extract.patterns import lowered


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("According to the UN, 1,500 were displaced.", "UN"),
        ("ACCORDING TO THE UN, 1,500 were displaced.", "UN"),
        ("AcCoRdInG to the UN, 1,500 were displaced.", "UN"),
        ("Accordıng to the UN, 1,500 were displaced.", "UN"),  # a dotless i matches case-blind
        ("As per the ministry, 40 died.", "ministry"),
        ("AS PER the ministry, 40 died.", "ministry"),
        ("Quoting the governor, the paper put it at 40.", "governor"),
        ("The toll was 40, said the governor.", "governor"),
        ("The figure, released last week by the agency, stood at 3,000.", "agency"),
        ("It cited estimates from Seoul's spy agency of 1,100 killed.", "Seoul's spy agency"),
    ],
)
def test_a_frame_is_found_whatever_its_case(sentence: str, who: str) -> None:
    assert who in [frame.who for frame in attributions(sentence, 0, len(sentence))]


@pytest.mark.parametrize(
    "sentence", ["By mid-January, 40 had died.", "By MID-JANUARY 40 had died.", "In Late December."]
)
def test_a_part_of_a_month_is_found_whatever_its_case(sentence: str) -> None:
    low = lowered(sentence)
    found = time_expressions(low, 0, len(low), dt.date(2025, 2, 3))
    assert len(found) == 1
    assert found[0].first is not None
    assert found[0].last.month in (1, 12)
