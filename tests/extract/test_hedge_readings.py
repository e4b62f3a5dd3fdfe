"""The reader's table of hedge readings means what ``hedged_interval`` means."""

from __future__ import annotations

from fractions import Fraction

import pytest

from crosscheck.extract.mention import NumberReader
from crosscheck.hedges import ReadingSettings, hedged_interval
from crosscheck.lexicon import POST_HEDGES, PRE_HEDGES

_SETTINGS = ReadingSettings.with_overrides(
    {"about": Fraction(1, 4)}, {}, {"north of": ("over", False), "or thereabouts": ("about", True)}
)
_HEDGES = sorted({*PRE_HEDGES.values(), *POST_HEDGES.values(), *_SETTINGS.hedges})


@pytest.mark.parametrize("hedge", _HEDGES)
@pytest.mark.parametrize(("low", "high"), [(0, 0), (7, 7), (Fraction(37, 10), 12), (1100, 1100)])
def test_every_hedge_reads_as_hedged_interval(hedge: str, low: Fraction, high: Fraction) -> None:
    low, high = Fraction(low), Fraction(high)
    try:
        expected = hedged_interval(low, high, hedge, _SETTINGS)
    except ValueError:
        expected = None  # an empty reading ("under 0"): no amount
    assert NumberReader(_SETTINGS)._interval(low, high, hedge) == expected
