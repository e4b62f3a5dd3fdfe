"""Numeric claims from text: numbers, hedges, ranges and units, bound to a rule set's measures.

from crosscheck.extract import Extractor
claims = Extractor(ruleset).claims(document)
"""

from crosscheck.extract.pipeline import Extractor
from crosscheck.extract.records import Decision, Mention, NotQuantity

__all__ = ["Decision", "Extractor", "Mention", "NotQuantity"]
