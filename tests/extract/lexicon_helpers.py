"""Helpers for the lexicon tests: read a text with the default settings."""

from __future__ import annotations

from fractions import Fraction

from crosscheck.extract import Mention, NotQuantity
from crosscheck.extract.exclusions import ExclusionKind
from crosscheck.extract.mention import NumberReader
from crosscheck.extract.patterns import lowered
from crosscheck.hedges import ReadingSettings
from crosscheck.interval import Interval

READER = NumberReader(ReadingSettings())
N = Fraction(1200)
# What "<hedge> 1,200" means for each family, under the default 10% tolerance.
BY_FAMILY = {
    "approximately": Interval(N * Fraction(9, 10), N * Fraction(11, 10)),
    "nearly": Interval(N * Fraction(9, 10), N),
    "over": Interval(N, None, low_closed=False),
    "at least": Interval(N, None),
    "up to": Interval(Fraction(0), N),
    "under": Interval(Fraction(0), N, high_closed=False),
}


def items(text: str) -> list[Mention | NotQuantity]:
    """Everything the reader finds in ``text``."""
    return list(READER.scan(text, lowered(text)))


def first(text: str) -> Mention | NotQuantity:
    """The first thing the reader finds in ``text``."""
    found = items(text)
    assert found, f"nothing read in {text!r}"
    return found[0]


def mention(text: str) -> Mention:
    """The first thing read in ``text``, which must be an amount."""
    item = first(text)
    assert isinstance(item, Mention), item
    return item


def excluded(text: str) -> ExclusionKind:
    """The kind of the first thing read in ``text``, which must be no amount."""
    item = first(text)
    assert isinstance(item, NotQuantity), item
    return item.kind


def value(text: str) -> Fraction:
    """The exact value of the first amount read in ``text``."""
    item = mention(text)
    assert item.interval.low == item.interval.high, item
    assert item.interval.low is not None
    return item.interval.low
