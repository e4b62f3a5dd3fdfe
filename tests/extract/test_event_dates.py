"""A date that modifies the event (its noun, or its noun's own verb) dates no figure.

Each test walks one word list of ``crosscheck.lexicon``, so an entry added there is
tested here at once; provenance.yaml has the whole sentences, claims and as-of days.
"""

from __future__ import annotations

import datetime as dt

import pytest

from crosscheck import lexicon
from crosscheck.extract.asof import time_expressions
from crosscheck.extract.event_dates import figure_times

MONDAY = dt.date(2024, 12, 23)


def figure_days(text: str) -> list[str]:
    """The time words of ``text`` that may date its figures."""
    low = text.lower()
    return [w.words for w in figure_times(low, time_expressions(low, 0, len(low), MONDAY), 0)]


@pytest.mark.parametrize("noun", lexicon.EVENT_NOUNS)
def test_every_event_noun_takes_its_date(noun: str) -> None:
    assert figure_days(f"85 people died in the {noun} on Thursday.") == []
    assert figure_days(f"85 people died in Thursday's {noun}.") == []
    assert figure_days(f"85 people died in the December 19 {noun}.") == []


@pytest.mark.parametrize("verb", lexicon.EVENT_VERBS)
def test_every_event_verb_dates_its_event(verb: str) -> None:
    assert figure_days(f"85 people died after the storm {verb} on Thursday.") == []


@pytest.mark.parametrize("adjective", lexicon.EVENT_ADJECTIVES)
def test_every_adjective_may_stand_between_a_date_and_its_event(adjective: str) -> None:
    assert figure_days(f"85 people died in Thursday's {adjective} quake.") == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The toll rose to 62 on Sunday.", ["sunday"]),
        ("On Friday, fire crews said 12 had died.", ["friday"]),
        ("The quake's toll hit 300 on Friday.", ["friday"]),
        ("The flood killed 85 people on Thursday.", ["thursday"]),
        ("The quake hit the town, officials said on Sunday.", ["sunday"]),
        ("The storm hit on Thursday, and the toll rose to 40 on Sunday.", ["sunday"]),
        ("The quake struck at 11:30 am on Friday.", []),
        (
            "Officials said on Sunday (December 22) that the quake hit on Friday (December 20).",
            ["sunday", "december 22"],
        ),
        ("On Sunday the state revised the toll of Friday's three-train crash to 275.", ["sunday"]),
        ("The toll of the December 20 train crash rose to 278 on Monday.", ["monday"]),
        ("On Sunday the rescuers said the quake had killed 80.", ["sunday"]),
        ("On Sunday rescuers searched quake debris and found 12 dead.", ["sunday"]),
        # A magnitude between the event noun and its verb is the event's, not a figure.
        (
            "The earthquake of magnitude 7.9 that struck Nepal on Saturday has killed 4,000.",
            [],
        ),
        ("At least 44,218 died after the quakes of magnitude 7.7 and 7.6 that hit on Feb. 6.", []),
        ("The 7.8-magnitude quake, which struck late on Saturday, left 107 missing.", []),
        ("The quake killed 300 and the toll hit 400 on Monday.", ["monday"]),
        # "yesterday evening, Friday" names one day twice, both the event's.
        ("The toll of the quake recorded yesterday evening, Friday, has risen to 632.", []),
        ("The ministry recorded 300 deaths on Friday.", ["friday"]),
        # "since" names when a count began, not when it held.
        ("The toll has climbed to 1,061 since June, officials said on Monday.", ["monday"]),
        ("Since mid-June, 937 people have died.", []),
    ],
)
def test_only_the_events_own_dates_are_left_out(text: str, kept: list[str]) -> None:
    assert figure_days(text) == kept
