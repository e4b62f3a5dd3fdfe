"""Numbers that are not amounts: years, dates, clock times, ordinals, names, codes.

Each check looks at the few characters around a number (the lower-cased copy for
words, the original text where capitals matter, as in month names).
"""

from __future__ import annotations

import re
from enum import Enum
from fractions import Fraction
from typing import NamedTuple

from crosscheck.extract.numbers import Core
from crosscheck.extract.patterns import may_start, words_pattern
from crosscheck.lexicon import (
    CLOCK_WORDS,
    COMPOUND_AMOUNTS,
    DESIGNATORS,
    MERIDIEMS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    MULTIPLIER_SIGNS,
    MULTIPLIER_WORDS,
    ORDINAL_SUFFIXES,
    POST_HEDGES,
    PRE_HEDGES,
    PRONOUN_AFTER_ONE,
    PRONOUN_BEFORE_ONE,
    SPACED_CLOCK_WORDS,
    YEAR_CONTEXT,
    YEAR_FOLLOWERS,
    first_letters,
)


class ExclusionKind(Enum):
    """What a number that is not an amount is instead."""

    TOO_LONG = "too long"  # a run of digits too long to be an amount
    DESIGNATOR = "designator"  # F-16, COVID-19, Resolution 2231
    PHONE = "phone"  # +82 2 123 4567
    LABEL = "label"  # #3
    GROUPED = "grouped"  # one group of a date, phone number or code (2024-12-23)
    LEADING_ZERO = "leading zero"  # 0123: a code or phone number
    CLOCK = "clock"  # 2:20 pm
    DATE = "date"  # June 2024, January 24
    ORDINAL = "ordinal"  # 2nd, 21st
    DECADE = "decade"  # 1990s
    YEAR = "year"  # in 2025
    CODE = "code"  # 9M723, 5G
    MULTIPLIER = "multiplier"  # three times, 2x
    COMPOUND = "compound"  # two-pronged
    PRONOUN = "pronoun"  # no one, one of
    NAME = "name"  # Air Force One
    EMPTY = "empty"  # an amount under zero
    NEGATED = "negated"  # a negated hedge ("not about 100")
    POWER = "power"  # 10^400, or the exponent of a power of ten

    @property
    def phone_like(self) -> bool:
        """Whether the digits may go on in further groups that belong to them (phones, codes)."""
        # identity, not a set: an Enum member hashes in Python, slowly
        kind = ExclusionKind
        return self is kind.PHONE or self is kind.GROUPED or self is kind.LEADING_ZERO


class Exclusion(NamedTuple):
    """Why a number is not an amount: its kind, and a message a person reads."""

    kind: ExclusionKind
    message: str


MAX_DIGITS = 24  # a longer run of digits is an identifier, not an amount

_MONTH_NAMES = "|".join([*MONTHS, *MONTH_ABBREVIATIONS])
_ORDINAL = words_pattern(ORDINAL_SUFFIXES)
_MONTH_BEFORE = re.compile(rf"(?<![A-Za-z])(?:{_MONTH_NAMES})\.?,?[ \t]+\Z")
_MONTH_DAYS_BEFORE = re.compile(
    rf"(?<![A-Za-z])(?:{_MONTH_NAMES})\.?[ \t]+[0-9]{{1,2}}{_ORDINAL}?"
    rf"(?:,[ \t]*[0-9]{{1,2}}{_ORDINAL}?)*,?[ \t]*(?:and|or|to|through|[-–])[ \t]*\Z"
)
_MONTH_AFTER_CASED = re.compile(rf"{_ORDINAL}?[ \t]*(?:of[ \t]+)?(?:{_MONTH_NAMES})(?![a-z])")
_LETTER_HYPHEN_BEFORE = re.compile(r"[a-z][-‐‑]\Z")
# A separator and a digit right after a number: it continues a date, code or phone number.
GROUP_AFTER = re.compile(r"[-./:][0-9]")
_GROUP_BEFORE = re.compile(r"[0-9][-./:]\Z")
_PHONE_BEFORE = re.compile(r"(?:\+[ \t]?|\([0-9]{2,4}\)[ \t]?)\Z")
_CLOCK = re.compile(r"[0-9]{1,2}:[0-9]{2}(?![0-9])")
_CLOCK_WORDS = [*MERIDIEMS, *CLOCK_WORDS, *SPACED_CLOCK_WORDS]
_CLOCK_AFTER = re.compile(r"[ \t]*" + words_pattern(_CLOCK_WORDS) + r"(?![a-z])")
_CLOCK_STARTS = first_letters(_CLOCK_WORDS)  # after a blank
_CLOCK_GLUED = " \t" + first_letters([*MERIDIEMS, *CLOCK_WORDS])  # right after the digits
_ORDINAL_AFTER = re.compile(_ORDINAL + r"(?![a-z])")
_DECADE_AFTER = re.compile(r"'?s(?![a-z])")
_YEAR_CONTEXT_BEFORE = re.compile(
    r"(?<![a-z])" + words_pattern(YEAR_CONTEXT) + r"[ \t,]+\Z|[-‐‑]\Z"
)
_WORD_AFTER = re.compile(r"[ \t]+(?!" + words_pattern(YEAR_FOLLOWERS) + r"(?![a-z]))[a-z]")
_HEDGE_BEFORE = re.compile(r"(?<![a-z])" + words_pattern(PRE_HEDGES) + r"[ \t]+\Z")
# The last words of the hedges and year contexts: cheap tests before those searches.
_HEDGE_ENDS = tuple({hedge.split()[-1] for hedge in PRE_HEDGES})
_YEAR_CONTEXT_ENDS = (*{word.split()[-1] for word in YEAR_CONTEXT}, "-", "‐", "‑")
_DESIGNATOR_BEFORE = re.compile(r"(?<![a-z])" + words_pattern(DESIGNATORS) + r"[ \t]+\Z")
_PRONOUN_BEFORE = re.compile(r"(?<![a-z])" + words_pattern(PRONOUN_BEFORE_ONE) + r"[ \t]+\Z")
_PRONOUN_AFTER = re.compile(r"[ \t]+" + words_pattern(PRONOUN_AFTER_ONE) + r"(?![a-z])")
_NAME_WORD_BEFORE = re.compile(r"[A-Z][A-Za-z]*[ \t]\Z")

_HYPHENS = "-‐‑"
_MULTIPLIER_AFTER = re.compile(
    rf"[ \t]*(?:[{_HYPHENS}][ \t]*)?" + words_pattern(MULTIPLIER_WORDS) + "(?![a-z])"
    "|" + words_pattern(MULTIPLIER_SIGNS) + "(?![a-z0-9])"
)  # fmt: skip
_MULTIPLIER_FOLLOWS = " \t" + _HYPHENS + first_letters(MULTIPLIER_SIGNS)
_MULTIPLIER_STARTS = _HYPHENS + first_letters([*MULTIPLIER_WORDS, *MULTIPLIER_SIGNS])
# A glued post-hedge ("dozen-or-so", "40-plus") is no compound word either.
_NOT_COMPOUND = [*COMPOUND_AMOUNTS, *(h[1:] for h in POST_HEDGES if h.startswith("-"))]
_COMPOUND_AFTER = re.compile(rf"[{_HYPHENS}](?!" + words_pattern(_NOT_COMPOUND) + "(?![a-z]))[a-z]")
_MULTIPLIER = Exclusion(ExclusionKind.MULTIPLIER, "a multiplier (three times, 2x)")
_COMPOUND = Exclusion(ExclusionKind.COMPOUND, "part of a compound word (two-pronged)")
_CODE = Exclusion(ExclusionKind.CODE, "part of a code (9M723, 5G)")
_DESIGNATOR = Exclusion(
    ExclusionKind.DESIGNATOR, "part of a name or designation (F-16, COVID-19, Resolution 2231)"
)
_PHONE = Exclusion(ExclusionKind.PHONE, "part of a phone number")
_CLOCK_TIME = Exclusion(ExclusionKind.CLOCK, "a clock time")
_YEAR = Exclusion(ExclusionKind.YEAR, "a year")


def digits_exclusion(
    text: str, low: str, start: int, end: int, value: Fraction
) -> Exclusion | None:
    """Why the digits at [start, end) are not an amount, or ``None`` if they may be."""
    if end - start > MAX_DIGITS:
        return Exclusion(ExclusionKind.TOO_LONG, "a run of digits too long to be an amount")
    before = low[start - 1] if start else " "
    after = low[end] if end < len(low) else " "
    reason = _before_exclusion(low, start, before)
    if reason is None and after in "-./:‐‑":
        reason = _after_exclusion(low, start, end, after)
    if reason is not None:
        return reason
    if end - start > 1 and low[start] == "0" and low[start + 1] != ".":
        return Exclusion(ExclusionKind.LEADING_ZERO, "a code or phone number (leading zero)")
    clock = after in _CLOCK_GLUED and may_start(low, end, len(low), _CLOCK_STARTS)
    if clock and _CLOCK_AFTER.match(low, end):
        return _CLOCK_TIME
    return _date_exclusion(text, start, end, value) or _suffix_exclusion(low, end, value)


def _before_exclusion(low: str, start: int, before: str) -> Exclusion | None:
    """Exclusions decided by what stands right before the digits."""
    if before in " \t":
        window = low[max(0, start - 24) : start]
        # Both patterns end with the last word before the spaces: test it first, cheaply.
        last = window.rstrip(" \t")
        if last.endswith(DESIGNATORS) and _DESIGNATOR_BEFORE.search(window):
            return _DESIGNATOR
        if last.endswith(("+", ")")) and _PHONE_BEFORE.search(window):
            return _PHONE
        return None
    if before in "-‐‑" and _LETTER_HYPHEN_BEFORE.search(low, max(0, start - 2), start):
        return _DESIGNATOR
    if before in "#№":
        return Exclusion(ExclusionKind.LABEL, "a label (#3)")
    if before in "+(":
        return _PHONE
    if before in "-./:‐‑" and _GROUP_BEFORE.search(low, max(0, start - 2), start):
        return Exclusion(ExclusionKind.GROUPED, "part of a date, phone number or code")
    return None


def _after_exclusion(low: str, start: int, end: int, after: str) -> Exclusion | None:
    """Exclusions decided by a separator right after the digits (times, dates, codes)."""
    if after == ":" and _CLOCK.match(low, start):
        return _CLOCK_TIME
    if GROUP_AFTER.match(low, end) and not _range_dash(low, end):
        return Exclusion(ExclusionKind.GROUPED, "part of a phone number, date, time or code")
    return None


def _range_dash(low: str, end: int) -> bool:
    """A dash between two numbers with no further group: "10-12", not "2024-12-23"."""
    m = re.compile(r"[-‐‑–—][0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?").match(low, end)
    return m is not None and low[end] != "." and not GROUP_AFTER.match(low, m.end())


def _date_exclusion(text: str, start: int, end: int, value: Fraction) -> Exclusion | None:
    day_like = end - start <= 2 and value.denominator == 1 and 1 <= value.numerator <= 31
    if not day_like and end - start != 4:
        return None
    if day_like and _MONTH_BEFORE.search(text, max(0, start - 12), start):
        return Exclusion(ExclusionKind.DATE, "a date (month and day)")
    if day_like and _MONTH_DAYS_BEFORE.search(text, max(0, start - 40), start):
        return Exclusion(ExclusionKind.DATE, "a date (a list of days)")
    if day_like and _MONTH_AFTER_CASED.match(text, end):
        return Exclusion(ExclusionKind.DATE, "a date (day and month)")
    if _is_year_shape(text, start, end, value) and _MONTH_BEFORE.search(
        text, max(0, start - 12), start
    ):
        return Exclusion(ExclusionKind.DATE, "a date (month and year)")
    return None


def _is_year_shape(text: str, start: int, end: int, value: Fraction) -> bool:
    return end - start == 4 and value.denominator == 1 and 1800 <= value.numerator <= 2100


def _suffix_exclusion(low: str, end: int, value: Fraction) -> Exclusion | None:
    if end < len(low) and low[end].isalpha():
        if _ORDINAL_AFTER.match(low, end):
            return Exclusion(ExclusionKind.ORDINAL, "an ordinal (2nd, 21st)")
        if _DECADE_AFTER.match(low, end) and value % 10 == 0:
            return Exclusion(ExclusionKind.DECADE, "a decade (1990s)")
    return None


def letters_follow(low: str, end: int) -> bool:
    """Whether a letter is glued to the number's end (a unit, scale or a code)."""
    return end < len(low) and low[end].isalpha()


def year_exclusion(
    low: str, start: int, end: int, value: Fraction, has_unit: bool
) -> Exclusion | None:
    """Why a four-digit number is a year, or ``None`` if it reads as an amount.

    1953 or "in 2025" is a year; "2000 soldiers" or "over 2000" is an amount.
    """
    if has_unit or end - start != 4 or value.denominator != 1:
        return None
    if not 1800 <= value.numerator <= 2100:
        return None
    before = low[max(0, start - 30) : start]
    last = before.rstrip(" \t,")
    if last.endswith(_HEDGE_ENDS) and _HEDGE_BEFORE.search(before):
        return None
    if last.endswith(_YEAR_CONTEXT_ENDS) and _YEAR_CONTEXT_BEFORE.search(before):
        return _YEAR
    if _WORD_AFTER.match(low, end):
        return None
    return _YEAR


def word_exclusion(text: str, low: str, start: int, end: int) -> Exclusion | None:
    """Why number words at [start, end) are not an amount ("no one", "Air Force One")."""
    if low[start:end] == "one" and (
        _PRONOUN_BEFORE.search(low, max(0, start - 8), start) or _PRONOUN_AFTER.match(low, end)
    ):
        return Exclusion(ExclusionKind.PRONOUN, "a pronoun (no one, one of)")
    if text[start].isupper() and _NAME_WORD_BEFORE.search(text, max(0, start - 24), start):
        return Exclusion(ExclusionKind.NAME, "part of a name (Air Force One)")
    return None


def amount_exclusion(
    low: str, core: Core, end: int, unit: str | None, dimension: str, hi: int
) -> Exclusion | None:
    """Why a number read with its unit is no amount after all, or ``None``.

    ``core`` is the number, ``end`` where its unit (if any) ends, ``unit`` the unit as
    written (``None`` for a bare count) and ``dimension`` its dimension: "three times"
    is a multiplier, "two-pronged" a compound, "9M723" a code, "in 2025" a year.
    """
    follows = low[end] if end < hi else ""
    multiplier = follows in _MULTIPLIER_FOLLOWS and may_start(low, end, hi, _MULTIPLIER_STARTS)
    if multiplier and _MULTIPLIER_AFTER.match(low, end, hi):
        return _MULTIPLIER
    if core.kind == "words" and unit is None and _COMPOUND_AFTER.match(low, core.end, hi):
        return _COMPOUND
    if core.kind != "digits":
        return None
    if core.scale is None and unit is None and letters_follow(low, core.end):
        return _CODE
    if core.scale is None and dimension != "[currency]":
        return year_exclusion(low, core.start, core.end, core.low, unit is not None)
    return None
