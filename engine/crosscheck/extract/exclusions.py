"""Numbers that are not amounts: years, dates, clock times, ordinals, names, codes.

Each check looks at the few characters around a number (the lower-cased copy for
words, the original text where capitals matter, as in month names).
"""

from __future__ import annotations

import re
from fractions import Fraction

from crosscheck.extract.patterns import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    PRE_HEDGES,
    may_start,
    words_pattern,
)

MAX_DIGITS = 24  # a longer run of digits is an identifier, not an amount

_MONTH_NAMES = "|".join([*MONTHS, *MONTH_ABBREVIATIONS])
_MONTH_BEFORE = re.compile(rf"(?<![A-Za-z])(?:{_MONTH_NAMES})\.?,?[ \t]+\Z")
_MONTH_DAYS_BEFORE = re.compile(
    rf"(?<![A-Za-z])(?:{_MONTH_NAMES})\.?[ \t]+[0-9]{{1,2}}(?:st|nd|rd|th)?"
    r"(?:,[ \t]*[0-9]{1,2}(?:st|nd|rd|th)?)*,?[ \t]*(?:and|or|to|through|[-–])[ \t]*\Z"
)
_MONTH_AFTER_CASED = re.compile(rf"(?:st|nd|rd|th)?[ \t]*(?:of[ \t]+)?(?:{_MONTH_NAMES})(?![a-z])")
_LETTER_HYPHEN_BEFORE = re.compile(r"[a-z][-‐‑]\Z")
# A separator and a digit right after a number: it continues a date, code or phone number.
GROUP_AFTER = re.compile(r"[-./:][0-9]")
_GROUP_BEFORE = re.compile(r"[0-9][-./:]\Z")
_PHONE_BEFORE = re.compile(r"(?:\+[ \t]?|\([0-9]{2,4}\)[ \t]?)\Z")
_CLOCK = re.compile(r"[0-9]{1,2}:[0-9]{2}(?![0-9])")
_CLOCK_AFTER = re.compile(r"[ \t]*(?:a\.m\.|p\.m\.|am|pm|gmt|utc|hrs)(?![a-z])")
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)(?![a-z])")
_DECADE_AFTER = re.compile(r"'?s(?![a-z])")
_YEAR_CONTEXT_BEFORE = re.compile(
    r"(?<![a-z])(?:in|since|by|until|till|of|from|during|before|after|early|late|mid|"
    r"spring|summer|autumn|fall|winter|year|years|through|to|and|or|between|around the|"
    r"fiscal|end of|start of|beginning of|through)[ \t,]+\Z|[-‐‑]\Z"
)
# A year is often followed by one of these; an amount by what it counts ("2000 soldiers").
_YEAR_FOLLOWERS = [
    "and",
    "or",
    "but",
    "when",
    "as",
    "to",
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "of",
    "after",
    "before",
    "until",
    "while",
    "that",
    "which",
    "where",
    "was",
    "were",
    "is",
    "are",
    "had",
    "has",
    "have",
    "will",
    "would",
    "saw",
    "marked",
    "brought",
]
_WORD_AFTER = re.compile(r"[ \t]+(?!" + words_pattern(_YEAR_FOLLOWERS) + r"(?![a-z]))[a-z]")
_HEDGE_BEFORE = re.compile(r"(?<![a-z])" + words_pattern(PRE_HEDGES) + r"[ \t]+\Z")
_DESIGNATOR_WORDS = (
    "article resolution route brigade division regiment battalion chapter flight platform "
    "channel highway gate type model block phase page room section no. nos. vol. pp. p. "
    "boeing airbus"
)
_DESIGNATORS = tuple(_DESIGNATOR_WORDS.split())
_DESIGNATOR_BEFORE = re.compile(
    r"(?<![a-z])(?:" + "|".join(map(re.escape, _DESIGNATORS)) + r")[ \t]+\Z"
)
_PRONOUN_BEFORE = re.compile(r"(?<![a-z])(?:no|the|this|that|any|every|each|which)[ \t]+\Z")
_PRONOUN_AFTER = re.compile(r"[ \t]+(?:of|another|by[ \t]+one|after[ \t]+another)(?![a-z])")
_NAME_WORD_BEFORE = re.compile(r"[A-Z][A-Za-z]*[ \t]\Z")


def digits_exclusion(text: str, low: str, start: int, end: int, value: Fraction) -> str | None:
    """Why the digits at [start, end) are not an amount, or ``None`` if they may be."""
    if end - start > MAX_DIGITS:
        return "a run of digits too long to be an amount"
    before = low[start - 1] if start else " "
    after = low[end] if end < len(low) else " "
    reason = _before_exclusion(low, start, before)
    if reason is None and after in "-./:‐‑":
        reason = _after_exclusion(low, start, end, after)
    if reason is not None:
        return reason
    if end - start > 1 and low[start] == "0" and low[start + 1] != ".":
        return "a code or phone number (leading zero)"
    clock = after in " \tapgu" and may_start(low, end, len(low), "apguh")
    if clock and _CLOCK_AFTER.match(low, end):
        return "a clock time"
    return _date_exclusion(text, start, end, value) or _suffix_exclusion(low, end, value)


def _before_exclusion(low: str, start: int, before: str) -> str | None:
    """Exclusions decided by what stands right before the digits."""
    if before in " \t":
        window = low[max(0, start - 24) : start]
        # Both patterns end with the last word before the spaces: test it first, cheaply.
        last = window.rstrip(" \t")
        if last.endswith(_DESIGNATORS) and _DESIGNATOR_BEFORE.search(window):
            return "part of a name or designation (F-16, COVID-19, Resolution 2231)"
        if last.endswith(("+", ")")) and _PHONE_BEFORE.search(window):
            return "part of a phone number"
        return None
    if before in "-‐‑" and _LETTER_HYPHEN_BEFORE.search(low, max(0, start - 2), start):
        return "part of a name or designation (F-16, COVID-19, Resolution 2231)"
    if before in "#№":
        return "a label (#3)"
    if before in "+(":
        return "part of a phone number"
    if before in "-./:‐‑" and _GROUP_BEFORE.search(low, max(0, start - 2), start):
        return "part of a date, phone number or code"
    return None


def _after_exclusion(low: str, start: int, end: int, after: str) -> str | None:
    """Exclusions decided by a separator right after the digits (times, dates, codes)."""
    if after == ":" and _CLOCK.match(low, start):
        return "a clock time"
    if GROUP_AFTER.match(low, end) and not _range_dash(low, end):
        return "part of a phone number, date, time or code"
    return None


def _range_dash(low: str, end: int) -> bool:
    """A dash between two numbers with no further group: "10-12", not "2024-12-23"."""
    m = re.compile(r"[-‐‑–—][0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?").match(low, end)
    return m is not None and low[end] != "." and not GROUP_AFTER.match(low, m.end())


def _date_exclusion(text: str, start: int, end: int, value: Fraction) -> str | None:
    day_like = end - start <= 2 and value.denominator == 1 and 1 <= value.numerator <= 31
    if not day_like and end - start != 4:
        return None
    if day_like and _MONTH_BEFORE.search(text, max(0, start - 12), start):
        return "a date (month and day)"
    if day_like and _MONTH_DAYS_BEFORE.search(text, max(0, start - 40), start):
        return "a date (a list of days)"
    if day_like and _MONTH_AFTER_CASED.match(text, end):
        return "a date (day and month)"
    if _is_year_shape(text, start, end, value) and _MONTH_BEFORE.search(
        text, max(0, start - 12), start
    ):
        return "a date (month and year)"
    return None


def _is_year_shape(text: str, start: int, end: int, value: Fraction) -> bool:
    return end - start == 4 and value.denominator == 1 and 1800 <= value.numerator <= 2100


def _suffix_exclusion(low: str, end: int, value: Fraction) -> str | None:
    if end < len(low) and low[end].isalpha():
        if _ORDINAL_AFTER.match(low, end):
            return "an ordinal (2nd, 21st)"
        if _DECADE_AFTER.match(low, end) and value % 10 == 0:
            return "a decade (1990s)"
    return None


def letters_follow(low: str, end: int) -> bool:
    """Whether a letter is glued to the number's end (a unit, scale or a code)."""
    return end < len(low) and low[end].isalpha()


def year_exclusion(low: str, start: int, end: int, value: Fraction, has_unit: bool) -> str | None:
    """Why a four-digit number is a year, or ``None`` if it reads as an amount.

    1953 or "in 2025" is a year; "2000 soldiers" or "over 2000" is an amount.
    """
    if has_unit or end - start != 4 or value.denominator != 1:
        return None
    if not 1800 <= value.numerator <= 2100:
        return None
    before = low[max(0, start - 30) : start]
    if _HEDGE_BEFORE.search(before):
        return None
    if _YEAR_CONTEXT_BEFORE.search(before):
        return "a year"
    if _WORD_AFTER.match(low, end):
        return None
    return "a year"


def word_exclusion(text: str, low: str, start: int, end: int) -> str | None:
    """Why number words at [start, end) are not an amount ("no one", "Air Force One")."""
    if low[start:end] == "one" and (
        _PRONOUN_BEFORE.search(low, max(0, start - 8), start) or _PRONOUN_AFTER.match(low, end)
    ):
        return "a pronoun (no one, one of)"
    if text[start].isupper() and _NAME_WORD_BEFORE.search(text, max(0, start - 24), start):
        return "part of a name (Air Force One)"
    return None
