"""Numbers of people named by who they are, and of what befell them: each case of
clause_events.yaml, one test."""

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
    (Path(__file__).with_name("clause_events.yaml")).read_text(encoding="utf-8")
)
EXTRACTOR = Extractor(build_ruleset([parse(CASES["rules"], "events.rules")]))


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["name"] for c in CASES["cases"]])
def test_each_number_is_read_by_what_it_counts(case: dict[str, Any]) -> None:
    document = doc(case["text"], date=dt.date(2013, 9, 25))
    found = [said(c) for c in EXTRACTOR.claims(document)]
    assert found == case["claims"]
