"""Numbers read by their role in the sentence: each case of clause_roles.yaml, one test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from extract_helpers import doc, said

from crosscheck.dsl import build_ruleset, parse
from crosscheck.extract import Extractor

CASES: dict[str, Any] = yaml.safe_load(
    (Path(__file__).with_name("clause_roles.yaml")).read_text(encoding="utf-8")
)
ARTICLE_DATE = dt.date(2014, 8, 5)  # the day the invented articles appear
EXTRACTOR = Extractor(build_ruleset([parse(CASES["rules"], "roles.rules")]))


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["name"] for c in CASES["cases"]])
def test_each_number_is_read_by_its_role(case: dict[str, Any]) -> None:
    document = doc(case["text"], date=ARTICLE_DATE)
    found = [said(c) for c in EXTRACTOR.claims(document)]
    assert found == case["claims"]
    decided = [[d.measure, d.stated] for d in EXTRACTOR.decisions(document) if d.bound]
    assert decided == [f[:2] for f in found]


def test_a_retrospective_says_why_its_earlier_year_is_its_own() -> None:
    case = next(c for c in CASES["cases"] if c["name"].startswith("a retrospective"))
    decisions = [d for d in EXTRACTOR.decisions(doc(case["text"], date=ARTICLE_DATE)) if d.bound]
    assert decisions
    assert all(
        "a retrospective: every figure it gives is of 2005" in d.steps[-1] for d in decisions
    )
