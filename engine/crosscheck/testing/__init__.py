"""Hypothesis strategies for property-testing rule files and crosscheck itself.

    from hypothesis import given
    from crosscheck import testing as cct

    @given(cct.claims_violating(ruleset, "troop_estimates_agree"))
    def test_contradictions_are_caught(claims): ...

What there is (each documented where it is defined):

* values: ``numbers``, ``intervals``, ``amounts`` (non-negative intervals),
  ``around`` (intervals holding a value), ``hedged_numbers`` (a stated amount, its
  hedge phrase and the interval crosscheck reads it as);
* claims: ``documents``, ``claims`` (of one measure), ``claim_sets`` (of several);
* rules: ``claims_satisfying`` and ``claims_violating`` (claim sets built from a
  rule to satisfy or to violate it), ``why_unviolable``;
* rule files: ``rule_files`` (syntax trees the checker accepts, shaped by a
  ``RuleShape``), ``rulesets``, ``rule_texts``;
* articles: ``articles`` (claims written out as sentences, with the readings
  extraction must find), ``sentences``, ``number_words``.

Hypothesis comes with the ``testing`` extra (``pip install "crosscheck-news[testing]"``),
and is needed only when this module is imported.
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401
except ImportError as err:  # pragma: no cover - depends on the environment
    raise ImportError(
        "crosscheck.testing needs hypothesis: pip install 'crosscheck-news[testing]'"
    ) from err

from crosscheck.testing.claimsets import Stated, claim_sets, claims, documents, place
from crosscheck.testing.rulefiles import RuleShape, rule_files, rule_texts, rulesets
from crosscheck.testing.scenarios import (
    Unviolable,
    claims_satisfying,
    claims_violating,
    why_unviolable,
)
from crosscheck.testing.values import (
    HedgedNumber,
    amounts,
    around,
    hedged_numbers,
    intervals,
    numbers,
)
from crosscheck.testing.writing import Article, Written, articles, number_words, sentences

__all__ = [
    "Article",
    "HedgedNumber",
    "RuleShape",
    "Stated",
    "Unviolable",
    "Written",
    "amounts",
    "around",
    "articles",
    "claim_sets",
    "claims",
    "claims_satisfying",
    "claims_violating",
    "documents",
    "hedged_numbers",
    "intervals",
    "number_words",
    "numbers",
    "place",
    "rule_files",
    "rule_texts",
    "rulesets",
    "sentences",
    "why_unviolable",
]
