"""The restating patterns' first-letter test keeps every form they list."""

from __future__ import annotations

import re

import pytest

from crosscheck.extract.unbound import _IT_WAS, _RESTATING, RESTATEMENT, RESTATING


@pytest.mark.parametrize(
    "text",
    [
        "this involves 11,000",
        "which totalled 90",
        "those amount to 40",
        "they had numbered 300",
        "puts its size at 12",
        "their toll is 5",
        "the real number may be higher, 90",
        "it was 140, but",
        "it might be 7",
    ],
)
def test_the_first_letter_test_finds_what_the_patterns_find(text: str) -> None:
    plain = re.compile(f"{_RESTATING}|{_IT_WAS}(?![a-z])").search(text)
    assert plain is not None
    found = RESTATEMENT.search(text)
    assert found is not None and found.span() == plain.span()
    if not text.startswith("it "):
        restating = RESTATING.search(text)
        assert restating is not None and restating.span() == plain.span()
