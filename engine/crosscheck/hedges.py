"""What a hedged or vague amount means as an interval.

"approximately 1,100" is [990, 1210] under a 10% tolerance; "over 3,000" is
(3000, inf); "several hundred" is whatever range the rule file (or the default
below) says. Extraction and claims read from JSON both go through here, so a
hedge means the same thing wherever a claim came from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple

from crosscheck.interval import Interval
from crosscheck.lexicon import HEDGE_FAMILIES as HEDGE_FAMILIES  # re-exported: hedge -> family
from crosscheck.lexicon import VAGUE_AMOUNTS

# Families whose width is a tolerance the rule file may set.
DEFAULT_TOLERANCES: dict[str, Fraction] = {
    "approximately": Fraction(1, 10),
    "nearly": Fraction(1, 10),
}

# Vague amounts and the (closed) ranges they are read as by default.
DEFAULT_VAGUE: dict[str, tuple[Fraction, Fraction]] = {
    phrase: (Fraction(low), Fraction(high)) for phrase, (low, high) in VAGUE_AMOUNTS.items()
}


@dataclass(frozen=True)
class ReadingSettings:
    """The rule file's choices for reading hedges and vague amounts.

    ``hedges`` are the hedge phrases the rule file adds (``hedge "past" = above``):
    phrase -> (family, whether it is written after the number); they replace the
    lexicon's reading of the same phrase. ``joined`` are words a number may be
    hyphenated to without being a designator ("magnitude-6.4", unlike "F-16").
    """

    tolerances: Mapping[str, Fraction] = field(default_factory=lambda: dict(DEFAULT_TOLERANCES))
    vague: Mapping[str, tuple[Fraction, Fraction]] = field(
        default_factory=lambda: dict(DEFAULT_VAGUE)
    )
    hedges: Mapping[str, tuple[str, bool]] = field(default_factory=dict)
    joined: frozenset[str] = frozenset()

    @classmethod
    def with_overrides(
        cls,
        tolerances: Mapping[str, Fraction],
        vague: Mapping[str, tuple[Fraction, Fraction]],
        hedges: Mapping[str, tuple[str, bool]] | None = None,
        joined: frozenset[str] = frozenset(),
    ) -> ReadingSettings:
        """Defaults, overridden by what a rule file says."""
        return cls(
            {**DEFAULT_TOLERANCES, **tolerances},
            {**DEFAULT_VAGUE, **vague},
            dict(hedges or {}),
            joined,
        )

    def tolerance(self, hedge: str) -> Fraction:
        """The width of a hedge: its own setting, else its family's, else none."""
        if hedge in self.tolerances:
            return self.tolerances[hedge]
        family = self.hedges[hedge][0] if hedge in self.hedges else HEDGE_FAMILIES.get(hedge, hedge)
        return self.tolerances.get(family, Fraction(0))

    def family(self, hedge: str) -> str:
        """The family of a hedge phrase: the rule file's reading, else the lexicon's."""
        key = _hedge_key(hedge)
        if key in self.hedges:
            return self.hedges[key][0]
        family = family_of(key)
        assert family is not None
        return family


def family_of(hedge: str | None) -> str | None:
    """The family of a hedge phrase (``"more than"`` -> ``"over"``), case-insensitive."""
    if hedge is None:
        return None
    key = _hedge_key(hedge)
    if key not in HEDGE_FAMILIES:
        raise KeyError(f"unknown hedge {hedge!r}")
    return HEDGE_FAMILIES[key]


@lru_cache(maxsize=1024)
def _hedge_key(hedge: str) -> str:
    """A hedge phrase in lower case with single spaces, as ``HEDGE_FAMILIES`` spells it."""
    return " ".join(hedge.lower().split())


class HedgeReading(NamedTuple):
    """What a hedge does to a stated value: its family, and for a tolerance the factors
    that take a value to the low and high end (``None`` for other families)."""

    family: str
    below: Fraction | None
    above: Fraction | None


def hedge_reading(hedge: str, settings: ReadingSettings) -> HedgeReading:
    """How ``hedge`` is read under ``settings`` (the same for every number it hedges)."""
    family = settings.family(hedge)
    if family == "approximately" or family == "nearly":
        width = settings.tolerance(_hedge_key(hedge))
        return HedgeReading(family, 1 - width, 1 + width)
    return HedgeReading(family, None, None)


def hedged_interval(
    low: Fraction, high: Fraction, hedge: str | None, settings: ReadingSettings
) -> Interval:
    """The interval meant by a stated value or range [low, high] under a hedge.

    Amounts are non-negative, so upper-bounding hedges ("up to", "under") start at 0.
    """
    if hedge is None:
        return Interval(low, high)
    return read_under(low, high, hedge_reading(hedge, settings))


_ZERO = Fraction(0)


def read_under(low: Fraction, high: Fraction, reading: HedgeReading) -> Interval:
    """The interval meant by [low, high] under a hedge read as ``reading``."""
    family = reading.family
    if reading.below is not None and reading.above is not None:  # a tolerance
        return Interval(
            low * reading.below, high * reading.above if family == "approximately" else high
        )
    if family == "over":
        return Interval(low, None, low_closed=False)
    if family == "at least":
        return Interval(low, None)
    if family == "up to":
        return Interval(_ZERO, high)
    return Interval(_ZERO, high, high_closed=False)  # "under"
