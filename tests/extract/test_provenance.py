"""Who gives a figure and as of when: each case of provenance.yaml, one test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from extract_helpers import doc

from crosscheck.dsl import build_ruleset, parse
from crosscheck.extract import Extractor

CASES: dict[str, Any] = yaml.safe_load(
    Path(__file__).with_name("provenance.yaml").read_text(encoding="utf-8")
)
EXTRACTOR = Extractor(build_ruleset([parse(CASES["rules"], "provenance.rules")]))
MONDAY = dt.date(2024, 12, 23)


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["name"] for c in CASES["cases"]])
def test_each_claim_knows_who_gives_it_and_as_of_when(case: dict[str, Any]) -> None:
    found = [
        [c.measure, c.stated, c.origin, c.attribution, c.as_of.text() if c.as_of else None]
        for c in EXTRACTOR.claims(doc(case["text"], date=MONDAY))
    ]
    assert found == case["claims"]


def test_an_undated_article_gives_no_as_of() -> None:
    claims = EXTRACTOR.claims(doc("Health officials said on Tuesday that 212 people had died."))
    assert [(c.origin, c.as_of) for c in claims] == [("health", None)]


def test_explain_names_the_date_of_the_event_it_left_out() -> None:
    text = "The flood that swept the valley on Thursday has killed 85 people."
    decision = EXTRACTOR.explain(doc(text, date=MONDAY), text.index("85"))
    assert decision is not None
    why = "as of the article's date 2024-12-23 ('thursday' dates the event, not the figure)"
    assert why in decision.steps


def test_the_time_words_of_a_sentences_end_leave_its_full_stop() -> None:
    text = "Some 126 people have died after a quake hit the region on 26 October."
    decision = EXTRACTOR.explain(doc(text, date=MONDAY), text.index("126"))
    assert decision is not None
    why = "as of the article's date 2024-12-23 ('26 october' dates the event, not the figure)"
    assert why in decision.steps
