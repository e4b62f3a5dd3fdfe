"""The number a change starts from ("up from 80") and the time words that date it alone."""

from __future__ import annotations

import datetime as dt

import pytest

from crosscheck.extract.asof import time_expressions
from crosscheck.extract.change_from import changed_from, owned_times, starts_of_changes


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("the toll was revised down from 80 to 65", ["down from 80"]),
        ("95 have died, up from about 1,200", ["up from about 1,200"]),
        ("deaths rose from an earlier 80", ["rose from an earlier 80"]),
        ("figures ranging from 80 to 95", []),
        ("deaths from 80 villages", []),
    ],
)
def test_the_numbers_changes_start_from(text: str, words: list[str]) -> None:
    assert [c.words for c in starts_of_changes(text, 0, len(text))] == words


def test_a_mention_with_its_hedge_is_the_changes_start() -> None:
    text = "95 have died, up from about 80"
    changes = starts_of_changes(text, 0, len(text))
    assert changed_from(changes, text.index("about")) == changes[0]
    assert changed_from(changes, text.index("80")) == changes[0]
    assert changed_from(changes, 0) is None


def test_time_words_right_after_the_start_are_its_own() -> None:
    text = "95 have died on sunday, up from 80 on friday"
    found = time_expressions(text, 0, len(text), dt.date(2024, 12, 23))
    owned = owned_times(text, starts_of_changes(text, 0, len(text)), found)
    assert [w.words for w in owned] == ["friday"]
