"""As of when a figure holds: the time words of its sentence, resolved against the article's
date (pure).

Reporters date figures by absolute dates ("on Dec. 19", "13 January"), weekdays ("on
Monday", "Monday last week", "by Friday night"), relative days ("yesterday", "last
week"), parts of months ("by mid-January", "in late December") and by calling a figure
earlier ("initial", "previously reported"). ``time_expressions`` finds them in a
sentence as ``TimeWords`` spans of days; ``as_of_for`` picks the one that governs a
number (the nearest in its clause, else the one beside the attributing verb).

Absolute dates are read with python-dateutil's parser (month names, abbreviations,
ordinals and years as written); the day arithmetic of weekdays with its ``relativedelta``.
What no library does is written here: finding the expressions in running text and the
reporter's conventions (a weekday is the last one on or before the article's day).
dateparser's ``search_dates`` was measured and not used: 0.3 s to import, 400 ms for its
first call, and it read "on Dec. 19" as the article's own day and "late December" as the
whole month.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from crosscheck.lexicon import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS

_MONTHS = "|".join(month.lower() for month in (*MONTHS, *MONTH_ABBREVIATIONS))
# A month after its day takes a dot only when abbreviated: "on 26 October." ends a sentence.
_FULL_MONTHS = "|".join(month.lower() for month in MONTHS)
_ABBREVIATED = "|".join(month.lower() for month in MONTH_ABBREVIATIONS)
_MONTH_AFTER_DAY = rf"(?:{_FULL_MONTHS}|(?:{_ABBREVIATED})\.?)"
_WEEKDAYS = tuple(day.lower() for day in WEEKDAYS)
_ABSOLUTE = re.compile(
    rf"(?<![a-z])(?:(?:{_MONTHS})\.?[ \t]+[0-9]{{1,2}}(?:st|nd|rd|th)?(?:,?[ \t]+[0-9]{{4}})?"
    rf"|[0-9]{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{_MONTH_AFTER_DAY}(?:,?[ \t]+[0-9]{{4}})?)"
    r"(?![a-z0-9])"
)
_WEEKDAY = re.compile(
    rf"(?<![a-z])(?:(last|this|past)[ \t]+)?({'|'.join(_WEEKDAYS)})"
    r"(?:[ \t]+(?:night|morning|afternoon|evening))?(?:[ \t]+(last|this)[ \t]+week)?(?![a-z])"
)
# Not before a day: "early October 27" is a day's early hours, read as October 27.
_PART_OF_MONTH = re.compile(
    rf"(?<![a-z])(early|mid|late)[ \t-]*({_MONTHS})\.?(?![a-z])(?![ \t]*[0-9])"
)
_RELATIVE = re.compile(
    r"(?<![a-z])(yesterday|today|tonight|last[ \t]+week|this[ \t]+week|last[ \t]+month|"
    r"earlier[ \t]+this[ \t]+month|this[ \t]+month)(?![a-z])"
)
# A figure the article recalls. "earlier" only as the figure's own adverb ("Earlier,
# officials had put", "had earlier said", "an earlier toll"), not as in "earlier on
# Friday" or "earlier this month", whose own words date the figure.
_EARLIER = re.compile(
    r"(?<![a-z])(initial|initially|previously[ \t]+reported|previous|first[ \t]+reported"
    r"|(?:first|early)[ \t]+reports?|first[ \t]+(?:few[ \t]+)?hours|at[ \t]+first"
    r"|at[ \t]+that[ \t]+(?:moment|time|point|stage)"
    r"|earlier(?=[ \t]*,|[ \t]+(?:figures?|tolls?|estimates?|counts?|tally|reports?|reported"
    r"|said|put|gave|given|stated|announced|estimated|confirmed)(?![a-z])"
    r"|[ \t]+(?:[a-z'’]+[ \t]+){1,4}had[ \t]+(?:[a-z]+[ \t]+)?(?:given|put|said|reported|stated"
    r"|announced|estimated|confirmed)(?![a-z]))"
    r"|(?<=had[ \t])earlier|(?<=has[ \t])earlier|(?<=have[ \t])earlier)(?![a-z])"
)


# Any word that can start a time expression: most sentences hold none, and are done
# with one pass over their words instead of five searches.
_ANY_TIME_WORDS = frozenset(
    word.encode("ascii")
    for word in (
        *_MONTHS.split("|"),
        *_WEEKDAYS,
        *["yesterday", "today", "tonight", "last", "this", "early", "mid", "late", "earlier"],
        *["initial", "initially", "previous", "previously", "first"],
        *["moment", "time", "point", "stage"],  # "at that moment": their last word
    )
)
# Each byte a letter [a-z] stays; any other (a character Latin-1 lacks is "?") is a space.
_LETTERS = bytes(c if ord("a") <= c <= ord("z") else ord(" ") for c in range(256))


def time_words(low: str, start: int, end: int) -> set[str]:
    """The words of ``low[start:end]`` (runs of [a-z]) that may start a time expression."""
    runs = low[start:end].encode("latin-1", "replace").translate(_LETTERS).split()
    if start > 0 and runs and "a" <= low[start - 1] <= "z" and "a" <= low[start] <= "z":
        del runs[0]  # the end of a word begun before ``start`` is no word
    return {run.decode("ascii") for run in _ANY_TIME_WORDS.intersection(runs)}


# The word, standing on its own, that every expression of a kind holds, so a kind is
# looked for only where one of its words is (a part of a month, "midjanuary" too, always).
_MONTH_WORDS = frozenset(_MONTHS.split("|"))
_WEEKDAY_WORDS = frozenset(_WEEKDAYS)
_RELATIVE_WORDS = frozenset(["yesterday", "today", "tonight", "last", "this", "earlier"])
_PARTS = ("early", "mid", "late")  # one of them is in every part of a month
_EARLIER_WORDS = frozenset(
    ["initial", "initially", "previously", "previous", "earlier", "first", "early", "moment",
     "time", "point", "stage"]
)  # fmt: skip


class TimeWords(NamedTuple):
    """Words that date a figure, where they stand, and the days they span (``start``
    None: some time before ``end``)."""

    start_pos: int
    end_pos: int
    first: dt.date | None
    last: dt.date
    words: str


def time_expressions(low: str, start: int, end: int, today: dt.date) -> list[TimeWords]:
    """Every time expression in ``low[start:end]`` (lower-cased), resolved against ``today``
    (the article's date), in text order."""
    words = time_words(low, start, end)
    if not words:
        return []
    found: list[TimeWords] = []
    if not words.isdisjoint(_MONTH_WORDS):
        for match in _ABSOLUTE.finditer(low, start, end):
            day = _absolute(match.group(), today)
            if day is not None:
                found.append(TimeWords(match.start(), match.end(), day, day, match.group()))
    parts = any(low.find(part, start, end) >= 0 for part in _PARTS)  # a cheap first test
    for match in _PART_OF_MONTH.finditer(low, start, end) if parts else ():
        span = _part_of_month(match.group(1), match.group(2), today)
        if span is not None:
            found.append(TimeWords(match.start(), match.end(), *span, match.group()))
    if not words.isdisjoint(_WEEKDAY_WORDS):
        for match in _WEEKDAY.finditer(low, start, end):
            day = _weekday(match.group(2), match.group(1), match.group(3), today)
            found.append(TimeWords(match.start(), match.end(), day, day, match.group()))
    if not words.isdisjoint(_RELATIVE_WORDS):
        for match in _RELATIVE.finditer(low, start, end):
            first, last = _relative(" ".join(match.group(1).split()), today)
            found.append(TimeWords(match.start(), match.end(), first, last, match.group()))
    if not words.isdisjoint(_EARLIER_WORDS):
        for match in _EARLIER.finditer(low, start, end):
            found.append(TimeWords(match.start(), match.end(), None, today, match.group()))
    return _without_overlaps(sorted(found))


def _without_overlaps(found: list[TimeWords]) -> list[TimeWords]:
    kept: list[TimeWords] = []
    for words in found:
        if kept and words.start_pos < kept[-1].end_pos:
            continue  # "13 January" read as a date already covers its "january"
        kept.append(words)
    return kept


# The same few dates and weekdays come back in article after article of a story, and
# dateutil's parser takes longer than the rest of a sentence's time words.
@lru_cache(maxsize=4096)
def _absolute(words: str, today: dt.date) -> dt.date | None:
    """A written date; without a year, the latest such day not after ``today`` + 1."""
    from dateutil import parser  # imported on first use: most sentences carry no date

    default = dt.datetime(today.year, today.month, min(today.day, 28))
    try:
        day = parser.parse(words.replace(" of ", " "), default=default).date()
    except (ValueError, OverflowError):
        return None
    if not re.search(r"[0-9]{4}", words) and day > today + dt.timedelta(days=1):
        day = day.replace(year=day.year - 1) if not (day.month == 2 and day.day == 29) else day
    return day


@lru_cache(maxsize=4096)
def _weekday(name: str, before: str | None, week: str | None, today: dt.date) -> dt.date:
    """The day a weekday names: the last one on or before ``today``, or in the week named."""
    from dateutil.relativedelta import relativedelta, weekday

    target = weekday(_WEEKDAYS.index(name))
    if week == "last":
        monday = today - dt.timedelta(days=today.weekday() + 7)
        return monday + dt.timedelta(days=_WEEKDAYS.index(name))
    day: dt.date = today + relativedelta(weekday=target(-1))
    if before in ("last", "past") and day == today:
        day -= dt.timedelta(days=7)
    return day


def _part_of_month(part: str, month: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """The days of early (1-10), mid (11-20) or late (21-end) ``month`` nearest before."""
    number = _month_number(month)
    year = today.year if number <= today.month + 1 else today.year - 1
    last_day = calendar.monthrange(year, number)[1]
    first, last = {"early": (1, 10), "mid": (11, 20), "late": (21, last_day)}[part]
    return dt.date(year, number, first), dt.date(year, number, last)


def _month_number(month: str) -> int:
    names = [m.lower() for m in calendar.month_name[1:]]
    return next(i + 1 for i, name in enumerate(names) if name.startswith(month[:3]))


def _relative(words: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The days ``yesterday``, ``last week`` and the like stand for."""
    monday = today - dt.timedelta(days=today.weekday())
    if words == "yesterday":
        day = today - dt.timedelta(days=1)
        return day, day
    if words == "last week":
        return monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
    if words == "this week":
        return monday, today
    if words == "last month":
        end = today.replace(day=1) - dt.timedelta(days=1)
        return end.replace(day=1), end
    if words in ("this month", "earlier this month"):
        return today.replace(day=1), today
    return today, today  # today, tonight


def as_of_for(
    found: Sequence[TimeWords], position: int, clause: tuple[int, int], speaker: int | None
) -> TimeWords | None:
    """The time words that date the number at ``position``: the nearest in its clause,
    else the nearest to the attributing frame at ``speaker``, else none."""
    inside = [w for w in found if clause[0] <= w.start_pos < clause[1]]
    if inside:
        return min(inside, key=lambda w: _distance(w, position))
    if speaker is not None and found:
        near = min(found, key=lambda w: _distance(w, speaker))
        if _distance(near, speaker) <= 40:
            return near
    return None


def _distance(words: TimeWords, position: int) -> int:
    return min(abs(words.start_pos - position), abs(words.end_pos - position))
