"""Turning the number at a position into a ``Mention``: units, ranges and hedges.

``NumberReader.scan`` makes one pass of a compiled pattern over the whole text to
find candidates (digits, number words, vague words, shares) and reads each candidate
from a small window around it, so the cost grows with the length of the text and the
number of candidates, never with their product. Every word list comes from
``crosscheck.lexicon``; hedges are read by ``crosscheck.extract.hedging``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from fractions import Fraction
from typing import NamedTuple

from crosscheck.extract.exclusions import (
    GROUP_AFTER,
    Exclusion,
    ExclusionKind,
    amount_exclusion,
    digits_exclusion,
    word_exclusion,
)
from crosscheck.extract.glued import glued_starts, merged
from crosscheck.extract.hedging import carries_to, post_hedge, pre_hedge
from crosscheck.extract.numbers import (
    DIGITS,
    Core,
    digit_core,
    digits_value,
    spaced_digits,
    vague_core,
    vague_pattern,
    word_core,
)
from crosscheck.extract.patterns import may_start, trie_pattern, words_pattern
from crosscheck.extract.plain_numbers import hyphenated_to
from crosscheck.extract.powers import Excluded, read_power
from crosscheck.extract.records import Mention, NotQuantity
from crosscheck.extract.rule_hedges import Hedged, RuleHedges
from crosscheck.extract.shares import SHARE_WORDS, share_core
from crosscheck.hedges import HedgeReading, ReadingSettings, hedge_reading, read_under
from crosscheck.interval import Interval
from crosscheck.lexicon import (
    ARTICLES,
    CHANGE_VERBS,
    CURRENCY_SCALES,
    CURRENCY_SIGNS,
    DASHES,
    MERIDIEMS,
    NUMBER_WORDS,
    OTHER_UNITS,
    POST_HEDGES,
    PRE_HEDGES,
    RANGE_WORDS,
    UNIT_WORDS,
    first_letters,
)
from crosscheck.units import canonical_name, conversion_factor, dimension_of

_HYPHENS = "-‐‑"
_UNIT_AFTER = re.compile(
    rf"(?:[ \t]*[{_HYPHENS}]?[ \t]*)("
    + trie_pattern([*UNIT_WORDS, *OTHER_UNITS], space=rf"(?:[ \t]+|[{_HYPHENS}])")
    + r")(?![a-z0-9/])"
    r"|[ \t]?(%)"
)
_SIGNS = sorted(CURRENCY_SIGNS, key=len, reverse=True)
_CURRENCY_BEFORE = re.compile(
    "("
    + "|".join((r"(?<![a-z])" if s[0].isalpha() else "") + re.escape(s) for s in _SIGNS)
    + r")[ \t]?\Z"
)
_CURRENCY_MARKS = "".join({sign[-1] for sign in _SIGNS})  # the last character of a sign
_CURRENCY_REACH = max(map(len, _SIGNS)) + 1
_RANGE_SEP = re.compile(
    rf"[ \t]*[{DASHES}][ \t]*|[ \t]+(" + words_pattern(RANGE_WORDS) + r")[ \t]+"
)
_RANGE_STARTS = DASHES + first_letters(RANGE_WORDS)
_AND_SEP = re.compile(r"[ \t]+(?:and|to)[ \t]+")  # "between 10 and 15", "between 10 to 15"
_BETWEEN_BEFORE = re.compile(r"(?<![a-z])between[ \t]+\Z")
_FROM_BEFORE = re.compile(r"(?<![a-z])from[ \t]+\Z")
_CHANGE_BEFORE = re.compile(r"(?<![a-z])" + words_pattern(CHANGE_VERBS) + r"(?![a-z])")
_CODE_TAIL = re.compile(r"[a-z0-9]*")
_GROUP_TAIL = re.compile(
    r"(?:[-./:][0-9]+)*(?:[ \t]*" + words_pattern(MERIDIEMS) + r"(?![a-z])|[a-z]+(?:'s)?)?"
)
_PHONE_TAIL = re.compile(r"(?:[ \t]?[-.]?[ \t]?[0-9]+)*")
_CLOSING_QUOTES = "’”\"'"
_DIGIT_CHARACTERS = frozenset("0123456789")
_SPACE_OR_DASH = " \t" + DASHES
_COUNT = ("item", dimension_of("item"))
_PERCENT = (canonical_name("percent"), dimension_of("percent"))
_ONE = Fraction(1)
_EMPTY = Exclusion(ExclusionKind.EMPTY, "an empty amount (under zero)")
_NEGATED = Exclusion(ExclusionKind.NEGATED, "a negated hedge (not about 100)")


class _Unit(NamedTuple):
    name: str
    dimension: str
    end: int
    word: str | None  # the unit as written, None for a bare count


class _Range(NamedTuple):
    """A number or range as read before its hedges: "11,000 to 12,000 troops"."""

    low: Fraction
    high: Fraction
    end: int  # after the unit of the second number
    unit: _Unit  # the unit of the range (its second number's, converted if need be)
    ranged: bool  # whether two numbers were read
    start: int  # where the range starts ("between", a currency sign, or the number)


def _unit_words(written: str) -> list[str]:
    """The words of a unit as written, hyphens read as blanks ("5-square-mile")."""
    return written.translate(_HYPHENS_AS_BLANKS).split()


_HYPHENS_AS_BLANKS = str.maketrans(dict.fromkeys(_HYPHENS, " "))


def _unit_table() -> dict[str, tuple[str, str]]:
    table = {word: (canonical_name(name), dimension_of(name)) for word, name in UNIT_WORDS.items()}
    for word, dimension in OTHER_UNITS.items():
        table[word] = (word.rstrip("s") if dimension != "[currency]" else word, dimension)
    return table


def _not_quantity(text: str, start: int, end: int, why: Exclusion) -> NotQuantity:
    return NotQuantity(start, end, text[start:end], why.message, why.kind)


class NumberReader:
    """Finds and reads every number of a text under one rule set's reading settings."""

    def __init__(self, settings: ReadingSettings) -> None:
        self.settings = settings
        self.vague = {" ".join(k.lower().split()): v for k, v in settings.vague.items()}
        self._vague = vague_pattern(self.vague)
        firsts = {_first_word(phrase) for phrase in self.vague}
        self.words = sorted({*NUMBER_WORDS, *SHARE_WORDS, *firsts})
        self.candidates = re.compile(
            r"(?<![a-z0-9])(?:[0-9]|" + trie_pattern(self.words) + r"(?![a-z]))"
        )
        self._units = _unit_table()
        self._rule_hedges = RuleHedges(settings.hedges) if settings.hedges else None
        # How each hedge reads: the same for every number, so read once per rule set.
        self._readings: dict[str, HedgeReading] = {
            hedge: hedge_reading(hedge, settings)
            for hedge in {*PRE_HEDGES.values(), *POST_HEDGES.values(), *settings.hedges}
        }

    def scan(
        self, text: str, low: str, lo: int = 0, hi: int | None = None
    ) -> Iterator[Mention | NotQuantity]:
        """Every number in ``text[lo:hi]``, in order; ``low`` is ``lowered(text)``."""
        stop = len(text) if hi is None else hi
        positions: Iterable[int] = (m.start() for m in self.candidates.finditer(low, lo, stop))
        glued = glued_starts(low, lo, stop)
        if glued:
            positions = merged(positions, glued)
        return self.read_each(text, low, positions, lo, stop)

    def read_each(
        self, text: str, low: str, positions: Iterable[int], lo: int, hi: int
    ) -> Iterator[Mention | NotQuantity]:
        """The numbers at candidate ``positions`` (in order) within ``[lo, hi)``.

        A hedge before the first number of a coordination carries to the next ones
        ("around 100 deaths and 1,000 injuries": both are about; see ``carries_to``).
        """
        last = lo
        carrier: Mention | None = None  # the last mention whose hedge may carry on
        for pos in positions:
            if pos < last:
                continue
            item = self.read(text, low, pos, last, hi)
            if item is None:
                continue
            if isinstance(item, NotQuantity):
                carrier = None
            elif carrier is not None and carrier.hedge and carries_to(low, carrier, item):
                item = carrier = self._carried(item, carrier.hedge)
            else:  # a hedge written before the number may carry on; one after it may not
                carrier = item if item.hedge and item.start < item.anchor else None
            last = item.end
            yield item

    def read(self, text: str, low: str, pos: int, lo: int, hi: int) -> Mention | NotQuantity | None:
        """The number starting at ``pos``, read without looking outside ``[lo, hi)``."""
        if low[pos].isdigit():
            return self._read_digits(text, low, pos, lo, hi)
        core = vague_core(low, pos, lo, hi, self._vague, self.vague)
        if core is None:
            core = share_core(low, pos, lo, hi)
            if core is not None and core.kind == "share":  # a percent: no unit, no range
                percent = _Range(core.low, core.high, core.end, _Unit(*_PERCENT, core.end, None),
                                 False, core.start)  # fmt: skip
                return self._hedged(text, low, core, percent, lo, hi)
        if core is None:
            core = word_core(low, pos, lo, hi)
            if core is None:
                return None
            excluded = word_exclusion(text, low, pos, core.end)
            if excluded:
                return _not_quantity(text, core.start, core.end, excluded)
        return self._extend(text, low, core, lo, hi)

    def _read_digits(
        self, text: str, low: str, pos: int, lo: int, hi: int
    ) -> Mention | NotQuantity:
        token = DIGITS.match(low, pos, hi)
        assert token is not None  # a candidate that starts with a digit
        if low[token.end() + 1 : token.end() + 2] in _DIGIT_CHARACTERS:  # maybe "19 136"
            token = spaced_digits(low, pos, token, hi)
        long = token.end() - pos > 24
        value = Fraction(0) if long else digits_value(token.group())
        power = read_power(low, pos, token.end(), value, hi)  # 10^6, 2 × 10^3
        if isinstance(power, Excluded):
            return _not_quantity(text, pos, power.end, Exclusion(ExclusionKind.POWER, power.reason))
        if power is not None:
            return self._extend(text, low, power, lo, hi)
        excluded = digits_exclusion(text, low, pos, token.end(), value)
        designator = excluded is not None and excluded.kind is ExclusionKind.DESIGNATOR
        if designator and hyphenated_to(low, pos, self.settings.joined):
            excluded = None  # "magnitude-6.4": a measure's phrase, not a name like F-16
        if excluded is None:
            core = digit_core(low, pos, hi, token, value)
            assert core is not None
            return self._extend(text, low, core, lo, hi)
        tail = (_PHONE_TAIL if excluded.kind.phone_like else _GROUP_TAIL).match(
            low, token.end(), hi
        )
        return _not_quantity(text, pos, tail.end() if tail else token.end(), excluded)

    def _extend(self, text: str, low: str, core: Core, lo: int, hi: int) -> Mention | NotQuantity:
        """The core with its currency, unit, range and hedges around it."""
        currency = None
        if core.kind == "digits" and core.start > lo:
            currency = _currency_before(low, core.start, lo)
        core, unit = self._unit(low, core, hi, currency)
        excluded = amount_exclusion(low, core, unit.end, unit.word, unit.dimension, hi)
        if excluded:
            tail = _CODE_TAIL.match(low, unit.end, hi)
            end = tail.end() if tail and excluded.kind is ExclusionKind.CODE else unit.end
            return _not_quantity(text, core.start, end, excluded)
        start = currency.start() if currency else core.start
        return self._hedged(text, low, core, self._range(low, core, unit, start, lo, hi), lo, hi)

    def _hedged(
        self, text: str, low: str, core: Core, read: _Range, lo: int, hi: int
    ) -> Mention | NotQuantity:
        """The mention of ``read``, with the hedges before and after it."""
        before = pre_hedge(low, read.start, read.end, lo, hi)
        hedge, end = post_hedge(low, read.end, hi, before.hedge)
        if self._rule_hedges is not None:  # a rule file's hedges (``hedge "past" = above``)
            found = Hedged(before, hedge, end)
            before, hedge, end = self._rule_hedges.read(low, read.start, read.end, lo, hi, found)
        if before.quoted and end < hi and low[end] in _CLOSING_QUOTES:
            end += 1
        start = read.start if before.hedge is None else before.start
        if before.negated:
            return _not_quantity(text, start, end, _NEGATED)
        interval = (
            Interval(read.low, read.high)
            if hedge is None
            else self._interval(read.low, read.high, hedge)
        )
        if interval is None:
            return _not_quantity(text, start, end, _EMPTY)
        kind = "range" if read.ranged else ("vague" if core.kind == "vague" else "number")
        unit = read.unit
        return Mention(start, end, text[start:end], read.low, read.high, unit.name,
                       unit.dimension, hedge, interval, kind, core.start)  # fmt: skip

    def _interval(self, low: Fraction, high: Fraction, hedge: str | None) -> Interval | None:
        """What [low, high] means under ``hedge``; ``None`` when that is empty."""
        if hedge is None:
            return Interval(low, high)
        reading = self._readings.get(hedge) or hedge_reading(hedge, self.settings)
        try:
            return read_under(low, high, reading)
        except ValueError:
            return None

    def _carried(self, mention: Mention, hedge: str) -> Mention:
        """``mention`` read under the hedge of the coordination it belongs to."""
        interval = self._interval(mention.low, mention.high, hedge)
        if interval is None:
            return mention
        m = mention
        return Mention(m.start, m.end, m.stated, m.low, m.high, m.unit, m.dimension, hedge,
                       interval, m.kind, m.anchor)  # fmt: skip

    def _unit(
        self, low: str, core: Core, hi: int, currency: re.Match[str] | None
    ) -> tuple[Core, _Unit]:
        m = _UNIT_AFTER.match(low, core.end, hi)
        word = None if m is None else " ".join(_unit_words(m.group(1) or m.group(2)))
        if currency:
            code = CURRENCY_SIGNS[currency.group(1)]
            if m is not None and word in CURRENCY_SCALES and core.scale is None:
                scale = CURRENCY_SCALES[word]  # "$3m" is three million dollars
                core = Core(core.start, m.end(), core.low * scale, core.high * scale, scale,
                            core.kind)  # fmt: skip
                return core, _Unit(code, "[currency]", core.end, word)
            return core, _Unit(code, "[currency]", core.end, None)
        if m is None or word is None:
            return core, _Unit(*_COUNT, core.end, None)
        name, dimension = self._units[word]
        return core, _Unit(name, dimension, m.end(), word)

    def _range(self, low: str, core: Core, unit: _Unit, start: int, lo: int, hi: int) -> _Range:
        single = _Range(core.low, core.high, unit.end, unit, False, start)
        if core.kind == "vague" or unit.dimension == "[currency]":
            return single
        if unit.end >= hi or low[unit.end] not in _SPACE_OR_DASH:
            return single
        between = None
        if start - 2 >= lo and low[start - 2] == "n":
            between = _BETWEEN_BEFORE.search(low, max(lo, start - 10), start)
        separator, starts = (_AND_SEP, "at") if between else (_RANGE_SEP, _RANGE_STARTS)
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
        return _Range(low1, core2.high, shared.end, shared, True,
                      between.start() if between else start)  # fmt: skip

    def _second(self, low: str, pos: int, lo: int, hi: int) -> tuple[Core, _Unit] | None:
        if low[pos].isdigit():
            core = digit_core(low, pos, hi)
            if core is None or GROUP_AFTER.match(low, core.end, hi):
                return None
            power = None if core.scale else read_power(low, pos, core.end, core.low, hi)
            if isinstance(power, Excluded):
                return None  # "1 to 10^400": no range
            core = power or core
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


def _currency_before(low: str, start: int, lo: int) -> re.Match[str] | None:
    """The currency sign just before the number at ``start`` ("$5", "€ 5", "us$5"), if any."""
    sign = start - 2 if low[start - 1] == " " else start - 1
    if sign < lo or low[sign] not in _CURRENCY_MARKS:
        return None
    return _CURRENCY_BEFORE.search(low, max(lo, start - _CURRENCY_REACH), start)


def _first_word(phrase: str) -> str:
    words = phrase.split()
    return words[1] if len(words) > 1 and words[0] in ARTICLES else words[0]
