"""The one place a sentence names for a figure of people: each case of places.yaml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from extract_helpers import doc

from crosscheck import lexicon
from crosscheck.dsl import build_ruleset, parse
from crosscheck.extract import Extractor

CASES: dict[str, Any] = yaml.safe_load(
    (Path(__file__).with_name("places.yaml")).read_text(encoding="utf-8")
)
EXTRACTOR = Extractor(build_ruleset([parse(CASES["rules"], "places.rules")]))


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["name"] for c in CASES["cases"]])
def test_each_figure_knows_the_one_place_named_for_it(case: dict[str, Any]) -> None:
    found = EXTRACTOR.claims(doc(case["text"], date=dt.date(2015, 4, 27)))
    assert [[c.measure, c.stated, c.place] for c in found] == case["claims"]


def test_a_place_says_why_in_its_steps() -> None:
    decided = [
        d for d in EXTRACTOR.decisions(doc("The tremor killed 20 people in Nepal.")) if d.bound
    ]
    assert decided and any("names the place 'Nepal'" in step for step in decided[0].steps)


@pytest.mark.parametrize("noun", lexicon.EVENT_NOUNS)
def test_every_event_noun_keeps_its_place_from_the_figure(noun: str) -> None:
    for text in (f"The {noun} in Nepal killed 20 people.", f"Nepal's {noun} killed 20 people."):
        assert [c.place for c in EXTRACTOR.claims(doc(text))] == [None]


def test_a_part_named_after_the_second_conjunct_is_the_first_ones_too() -> None:
    text = "Seven people were killed and 71 hurt in Gorkha district."
    found = EXTRACTOR.claims(doc(text))
    assert [(c.stated, c.part) for c in found] == [
        ("Seven", "Gorkha district"),
        ("71", "Gorkha district"),
    ]


def test_a_figure_for_the_places_not_named_is_a_part() -> None:
    found = EXTRACTOR.claims(doc("Some 23 more deaths were confirmed elsewhere."))
    assert [(c.stated, c.part) for c in found] == [("Some 23", "elsewhere")]
