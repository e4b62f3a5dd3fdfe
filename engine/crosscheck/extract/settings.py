"""How a rule set reads numbers: its tolerances, vague amounts, hedges and joined words."""

from __future__ import annotations

from crosscheck.dsl.ast import RuleSet
from crosscheck.extract.plain_numbers import joined_words
from crosscheck.hedges import ReadingSettings


def reading_settings(ruleset: RuleSet) -> ReadingSettings:
    """The reading settings of a rule set: the defaults, with what its files say
    (``tolerance``, ``vague`` and ``hedge`` statements, and the words a number may be
    hyphenated to: see ``plain_numbers.joined_words``)."""
    return ReadingSettings.with_overrides(
        ruleset.hedges, ruleset.vague, ruleset.hedge_readings(), joined_words(ruleset)
    )
