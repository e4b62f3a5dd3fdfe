"""Turning the number at a position into a ``Mention``: units, ranges and hedges.

``NumberReader.scan`` makes one pass of a compiled pattern over the whole text to
find candidates (digits, number words, vague words) and reads each candidate from
a small window around it, so the cost grows with the length of the text and the
number of candidates, never with their product.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from fractions import Fraction
from typing import NamedTuple

from crosscheck.extract.exclusions import (
    GROUP_AFTER,
    digits_exclusion,
    letters_follow,
    word_exclusion,
    year_exclusion,
)
from crosscheck.extract.numbers import (
    DIGITS,
    Core,
    digit_core,
    digits_value,
    vague_core,
    vague_pattern,
    word_core,
)
from crosscheck.extract.patterns import (
    CHANGE_VERBS,
    CURRENCY_SIGNS,
    NUMBER_WORDS,
    OTHER_UNITS,
    POST_HEDGES,
    PRE_HEDGES,
    UNIT_WORDS,
    may_start,
    trie_pattern,
    words_pattern,
)
from crosscheck.extract.records import Mention, NotQuantity
from crosscheck.hedges import ReadingSettings, hedged_interval
from crosscheck.interval import Interval
from crosscheck.units import canonical_name, conversion_factor, dimension_of

_UNIT_AFTER = re.compile(
    r"(?:[ \t]*[-‐‑]?[ \t]*)("
    + trie_pattern([*UNIT_WORDS, *OTHER_UNITS], space=r"[ \t]+")
    + r")(?![a-z0-9/])"
    r"|[ \t]?(%)"
)
_CURRENCY_BEFORE = re.compile(r"(us\$|\$|€|£|¥|₩)[ \t]?\Z")
_MULTIPLIER_AFTER = re.compile(r"[ \t]*(?:[-‐‑][ \t]*)?(?:times|fold)(?![a-z])|x(?![a-z0-9])")
_COMPOUND_AFTER = re.compile(r"[-‐‑](?!(?:strong|man|member|person|plus)(?![a-z]))[a-z]")
_RANGE_SEP = re.compile(r"[ \t]*[-‐‑–—‒][ \t]*|[ \t]+(to|through|or)[ \t]+")
_AND_SEP = re.compile(r"[ \t]+and[ \t]+")
_BETWEEN_BEFORE = re.compile(r"(?<![a-z])between[ \t]+\Z")
_FROM_BEFORE = re.compile(r"(?<![a-z])from[ \t]+\Z")
_CHANGE_BEFORE = re.compile(r"(?<![a-z])" + words_pattern(CHANGE_VERBS) + r"(?![a-z])")
_CODE_TAIL = re.compile(r"[a-z0-9]*")
_GROUP_TAIL = re.compile(
    r"(?:[-./:][0-9]+)*(?:[ \t]*(?:a\.m\.|p\.m\.|am|pm)(?![a-z])|[a-z]+(?:'s)?)?"
)
_PHONE_TAIL = re.compile(r"(?:[ \t]?[-.]?[ \t]?[0-9]+)*")
_POST_HEDGE = re.compile(
    r"[ \t]*(or[ \t]+so|or[ \t]+more|or[ \t]+fewer|or[ \t]+less)(?![a-z])"
    r"|(\+)(?![ \t]*[0-9])|([-‐‑]plus)(?![a-z])"
)
_PRE_HEDGE = re.compile(
    r"(?<![a-z])("
    + trie_pattern(PRE_HEDGES, space=r"[ \t]+")
    + r")(?:[ \t]+|[ \t]*([‘“\"'])[ \t]*)\Z"
)
# The last word of every hedge: a cheap test before the search for a whole one.
_HEDGE_ENDS = tuple(sorted({hedge.split()[-1] for hedge in PRE_HEDGES}))
_CLOSING_QUOTES = "’”\"'"
_BEFORE_HEDGED = " \t‘“\"'"
_CURRENCY_MARKS = "$€£¥₩"
_SPACE_OR_DASH = " \t-‐‑–—‒"
_COUNT = ("item", dimension_of("item"))
_ONE = Fraction(1)


class _Unit(NamedTuple):
    name: str
    dimension: str
    end: int
    word: str | None  # the unit as written, None for a bare count


def _unit_table() -> dict[str, tuple[str, str]]:
    table = {word: (canonical_name(name), dimension_of(name)) for word, name in UNIT_WORDS.items()}
    for word, dimension in OTHER_UNITS.items():
        table[word] = (word.rstrip("s") if dimension != "[currency]" else word, dimension)
    return table


class NumberReader:
    """Finds and reads every number of a text under one rule set's reading settings."""

    def __init__(self, settings: ReadingSettings) -> None:
        self.settings = settings
        self.vague = {" ".join(k.lower().split()): v for k, v in settings.vague.items()}
        self._vague = vague_pattern(self.vague)
        firsts = {_first_word(phrase) for phrase in self.vague}
        self.words = sorted({*NUMBER_WORDS, "half", *firsts})
        self.candidates = re.compile(
            r"(?<![a-z0-9])(?:[0-9]|" + trie_pattern(self.words) + r"(?![a-z]))"
        )
        self._units = _unit_table()

    def scan(
        self, text: str, low: str, lo: int = 0, hi: int | None = None
    ) -> Iterator[Mention | NotQuantity]:
        """Every number in ``text[lo:hi]``, in order; ``low`` is ``lowered(text)``."""
        stop = len(text) if hi is None else hi
        positions = (m.start() for m in self.candidates.finditer(low, lo, stop))
        return self.read_each(text, low, positions, lo, stop)

    def read_each(
        self, text: str, low: str, positions: Iterable[int], lo: int, hi: int
    ) -> Iterator[Mention | NotQuantity]:
        """The numbers at candidate ``positions`` (in order) within ``[lo, hi)``."""
        last = lo
        for pos in positions:
            if pos < last:
                continue
            item = self.read(text, low, pos, last, hi)
            if item is not None:
                last = item.end
                yield item

    def read(self, text: str, low: str, pos: int, lo: int, hi: int) -> Mention | NotQuantity | None:
        """The number starting at ``pos``, read without looking outside ``[lo, hi)``."""
        if low[pos].isdigit():
            return self._read_digits(text, low, pos, lo, hi)
        core = vague_core(low, pos, lo, hi, self._vague, self.vague)
        if core is None:
            core = word_core(low, pos, lo, hi)
            if core is None:
                return None
            reason = word_exclusion(text, low, pos, core.end)
            if reason:
                return NotQuantity(core.start, core.end, text[core.start : core.end], reason)
        return self._extend(text, low, core, lo, hi)

    def _read_digits(
        self, text: str, low: str, pos: int, lo: int, hi: int
    ) -> Mention | NotQuantity:
        token = DIGITS.match(low, pos, hi)
        assert token is not None  # a candidate that starts with a digit
        long = token.end() - pos > 24
        value = Fraction(0) if long else digits_value(token.group())
        reason = digits_exclusion(text, low, pos, token.end(), value)
        if reason is None:
            core = digit_core(low, pos, hi, token, value)
            assert core is not None
            return self._extend(text, low, core, lo, hi)
        tail = (_PHONE_TAIL if "phone" in reason else _GROUP_TAIL).match(low, token.end(), hi)
        end = tail.end() if tail else token.end()
        return NotQuantity(pos, end, text[pos:end], reason)

    def _extend(self, text: str, low: str, core: Core, lo: int, hi: int) -> Mention | NotQuantity:
        """The core with its currency, unit, range and hedges around it."""
        currency = None
        if core.kind == "digits" and core.start > lo:
            currency = _currency_before(low, core.start, lo)
        core, unit = self._unit(low, core, hi, currency)
        reason = self._not_amount(low, core, unit, hi)
        if reason:
            tail = _CODE_TAIL.match(low, unit.end, hi)
            end = tail.end() if tail and reason.startswith("part of a code") else unit.end
            return NotQuantity(core.start, end, text[core.start : end], reason)
        start = currency.start() if currency else core.start
        low_value, high_value, end, unit, ranged, start = self._range(
            low, core, unit, start, lo, hi
        )
        hedge, start, quoted = self._pre_hedge(low, start, lo)
        hedge, end = _post_hedge(low, end, hi, hedge)
        if quoted and end < hi and low[end] in _CLOSING_QUOTES:
            end += 1
        if hedge is None:
            interval = Interval(low_value, high_value)
        else:
            try:
                interval = hedged_interval(low_value, high_value, hedge, self.settings)
            except ValueError:
                return NotQuantity(start, end, text[start:end], "an empty amount (under zero)")
        kind = "range" if ranged else ("vague" if core.kind == "vague" else "number")
        stated = text[start:end]
        return Mention(start, end, stated, low_value, high_value, unit.name, unit.dimension,
                       hedge, interval, kind, core.start)  # fmt: skip

    def _unit(
        self, low: str, core: Core, hi: int, currency: re.Match[str] | None
    ) -> tuple[Core, _Unit]:
        m = _UNIT_AFTER.match(low, core.end, hi)
        word = None if m is None else " ".join((m.group(1) or m.group(2)).split())
        if currency:
            code = CURRENCY_SIGNS[currency.group(1)]
            if word == "m" and core.scale is None:  # "$3m" is three million dollars
                core = Core(
                    core.start,
                    m.end() if m else core.end,
                    core.low * 10**6,
                    core.high * 10**6,
                    10**6,
                    core.kind,
                )
                return core, _Unit(code, "[currency]", core.end, "m")
            return core, _Unit(code, "[currency]", core.end, None)
        if m is None or word is None:
            return core, _Unit(*_COUNT, core.end, None)
        name, dimension = self._units[word]
        return core, _Unit(name, dimension, m.end(), word)

    def _not_amount(self, low: str, core: Core, unit: _Unit, hi: int) -> str | None:
        follows = low[unit.end] if unit.end < hi else ""
        multiplier = follows in " \t-‐‑x" and may_start(low, unit.end, hi, "-‐‑tfx")
        if multiplier and _MULTIPLIER_AFTER.match(low, unit.end, hi):
            return "a multiplier (three times, 2x)"
        if core.kind == "words" and unit.word is None and _COMPOUND_AFTER.match(low, core.end, hi):
            return "part of a compound word (two-pronged)"
        if core.kind != "digits":
            return None
        if core.scale is None and unit.word is None and letters_follow(low, core.end):
            return "part of a code (9M723, 5G)"
        if core.scale is None and unit.dimension != "[currency]":
            return year_exclusion(low, core.start, core.end, core.low, unit.word is not None)
        return None

    def _range(
        self, low: str, core: Core, unit: _Unit, start: int, lo: int, hi: int
    ) -> tuple[Fraction, Fraction, int, _Unit, bool, int]:
        single = (core.low, core.high, unit.end, unit, False, start)
        if core.kind == "vague" or unit.dimension == "[currency]":
            return single
        if unit.end >= hi or low[unit.end] not in _SPACE_OR_DASH:
            return single
        between = None
        if start - 2 >= lo and low[start - 2] == "n":
            between = _BETWEEN_BEFORE.search(low, max(lo, start - 10), start)
        separator, starts = (_AND_SEP, "a") if between else (_RANGE_SEP, "-‐‑–—‒to")
        sep = separator.match(low, unit.end, hi) if may_start(low, unit.end, hi, starts) else None
        if sep is None or sep.end() >= hi:
            return single
        if sep.group(0).strip() == "to" and self._is_change(low, start, lo):
            return single
        second = self._second(low, sep.end(), lo, hi)
        if second is None:
            return single
        core2, unit2 = second
        low1 = core.low
        if core.scale is None and core2.scale and core.high <= core2.raw:
            low1 = core.low * core2.scale  # "10-12 thousand"
        joined = self._join_units(unit, unit2)
        if joined is None:
            return single
        factor, shared = joined
        if factor != 1:
            low1 *= factor
        if not low1 < core2.high:
            return single
        return (
            low1,
            core2.high,
            shared.end,
            shared,
            True,
            between.start() if between else start,
        )

    def _second(self, low: str, pos: int, lo: int, hi: int) -> tuple[Core, _Unit] | None:
        if low[pos].isdigit():
            core = digit_core(low, pos, hi)
            if core is None or GROUP_AFTER.match(low, core.end, hi):
                return None
        else:
            core = word_core(low, pos, lo, hi)
        if core is None:
            return None
        return self._unit(low, core, hi, None)

    @staticmethod
    def _join_units(first: _Unit, second: _Unit) -> tuple[Fraction, _Unit] | None:
        if first.word is None or second.word is None or first.name == second.name:
            shared = second if second.word is not None else first
            return _ONE, _Unit(shared.name, shared.dimension, second.end, shared.word)
        if first.dimension != second.dimension:
            return None
        return conversion_factor(first.name, second.name), second

    @staticmethod
    def _is_change(low: str, start: int, lo: int) -> bool:
        found = _FROM_BEFORE.search(low, max(lo, start - 8), start)
        if found is None:
            return False
        return _CHANGE_BEFORE.search(low, max(lo, found.start() - 40), found.start()) is not None

    @staticmethod
    def _pre_hedge(low: str, start: int, lo: int) -> tuple[str | None, int, bool]:
        if start - 1 < lo or low[start - 1] not in _BEFORE_HEDGED:
            return None, start, False
        window = max(lo, start - 30)
        if not low[window:start].rstrip(_BEFORE_HEDGED).endswith(_HEDGE_ENDS):
            return None, start, False
        m = _PRE_HEDGE.search(low, window, start)
        if m is None:
            return None, start, False
        return PRE_HEDGES[" ".join(m.group(1).split())], m.start(), m.group(2) is not None


def _currency_before(low: str, start: int, lo: int) -> re.Match[str] | None:
    """The currency sign just before the number at ``start`` ("$5", "€ 5", "us$5"), if any."""
    sign = start - 2 if low[start - 1] == " " else start - 1
    if sign < lo or low[sign] not in _CURRENCY_MARKS:
        return None
    return _CURRENCY_BEFORE.search(low, max(lo, start - 4), start)


def _post_hedge(low: str, end: int, hi: int, hedge: str | None) -> tuple[str | None, int]:
    """A hedge written after the number ("or so", "or more", "+"), unless one came before."""
    if end >= hi or low[end] not in " \t+-‐‑" or not may_start(low, end, hi, "o+-‐‑"):
        return hedge, end
    post = _POST_HEDGE.match(low, end, hi)
    if post is None:
        return hedge, end
    return hedge or POST_HEDGES[" ".join(post.group(post.lastindex or 1).split())], post.end()


def _first_word(phrase: str) -> str:
    words = phrase.split()
    return words[1] if len(words) > 1 and words[0] in ("a", "an") else words[0]
