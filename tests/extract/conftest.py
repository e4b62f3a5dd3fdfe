"""Fixtures for extraction tests."""

from __future__ import annotations

import pytest
from extract_helpers import troop_ruleset

from crosscheck.extract import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """An extractor over the troop rule set."""
    return Extractor(troop_ruleset())
