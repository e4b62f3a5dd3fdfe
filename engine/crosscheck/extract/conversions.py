"""Conversions in parentheses: "213 kilometers (130 miles) deep" (pure).

A parenthesis that holds nothing but an amount in a unit of length, mass, area, speed or
time restates the figure before it in other units. It is no break between clauses (the
figure keeps the phrase after the parenthesis: "deep"), and its own number is no figure
(``roles``: restated). Currencies are left out: "300,000 rupees ($4,500) for the families"
has a reading of its own (``sum_roles.sum_role``).
"""

from __future__ import annotations

import re

from crosscheck.extract.patterns import trie_pattern
from crosscheck.lexicon import UNIT_WORDS

_UNITS = [word for word in UNIT_WORDS if word.isalpha() or " " in word or "/" in word]
_CONVERSION = re.compile(
    r"\([ \t]*(?:about|some|nearly|almost|around|roughly|approximately|over)?[ \t]*"
    r"[0-9][0-9,.]*[ \t]*(?:" + trie_pattern(_UNITS, space=r"[ \t]+") + r")\.?[ \t]*\)"
)


def conversion_at(low: str, start: int) -> int | None:
    """Where the conversion parenthesis opening at ``low[start]`` ends, or None if the
    parenthesis there is none (``low`` is the lower-cased text)."""
    found = _CONVERSION.match(low, start)
    return None if found is None else found.end()


def in_conversion(low: str, start: int, end: int) -> bool:
    """Whether the amount at [start, end) is all a conversion parenthesis holds."""
    opening = low.rfind("(", max(0, start - 20), start)
    if opening < 0 or low[opening + 1 : start].strip(" \t") not in _HEDGES:
        return False
    closing = conversion_at(low, opening)
    return closing is not None and closing >= end


_HEDGES = frozenset(["", "about", "some", "nearly", "almost", "around", "roughly",
                     "approximately", "over"])  # fmt: skip
