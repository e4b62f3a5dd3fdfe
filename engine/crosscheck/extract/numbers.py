"""Reading the amount that starts at a position: digits, words, vague amounts, scale words.

A ``Core`` is the bare number ("1,100", "one thousand", "3.7 million", "several
hundred"); ``crosscheck.extract.mention`` adds units, ranges and hedges around it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from fractions import Fraction
from typing import NamedTuple

from text_to_num import text2num

from crosscheck.extract.patterns import may_start, words_pattern
from crosscheck.lexicon import (
    ARTICLES,
    GLUED_SCALE_ABBREVIATIONS,
    GROUP_WORDS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    SCALE_ABBREVIATIONS,
    SCALES,
    UNGROUPED_AFTER,
    VAGUE_NEEDING_OF,
    VAGUE_NOUN_FOLLOWERS,
    first_letters,
)

_MAX_WORDS = 12  # longest run of number words read as one number

DIGITS = re.compile(
    r"[0-9]{1,3}(?:(?:,[0-9]{3})+|(?:[\u00a0\u202f\u2009][0-9]{3})+)(?:\.[0-9]+)?(?![0-9])"
    r"|[0-9]+(?:\.[0-9]+)?"
)
# Thousands grouped by plain spaces ("19 136", "48 000"): exactly three digits after
# each space, and nothing after the last group that continues a number, date or word.
_SPACED_DIGITS = re.compile(
    r"[1-9][0-9]{0,2}(?: [0-9]{3})+(?![0-9]|[.,:/][0-9]|[-‐‑–—‒]|[a-z%]| [0-9])"
)
_UNGROUPED_WORDS = [*UNGROUPED_AFTER, *(m.lower() for m in (*MONTHS, *MONTH_ABBREVIATIONS))]
_UNGROUPED_BEFORE = re.compile(
    r"(?:[0-9][.,]?|(?<![a-z])" + words_pattern(_UNGROUPED_WORDS) + r"\.?)[ \t]+\Z"
)
_UNGROUPED_REACH = max(map(len, _UNGROUPED_WORDS)) + 4  # characters looked back
_SCALE_WORD = re.compile(r"[ \t]*(" + words_pattern(SCALES) + r")(?![a-z])")
_SCALE_ABBREVIATION = re.compile(
    r"(?:[ \t]?(" + words_pattern(SCALE_ABBREVIATIONS) + r")"
    r"|(" + words_pattern(GLUED_SCALE_ABBREVIATIONS) + r"))(?![a-z0-9])"
)
_WORD = words_pattern(NUMBER_WORDS) + r"(?![a-z])"
WORD_SEQUENCE = re.compile(
    rf"{_WORD}(?:(?:[ \t]+(?:and[ \t]+)?|[ \t]*[-‐‑][ \t]*){_WORD}){{0,{_MAX_WORDS - 1}}}"
)
# The first letters of the scale words and abbreviations: a cheap test before the search.
_SCALE_STARTS = first_letters([*SCALES, *SCALE_ABBREVIATIONS, *GLUED_SCALE_ABBREVIATIONS])
_TOKEN = re.compile(r"[a-z]+")
ARTICLE_BEFORE = re.compile(r"(?<![a-z])" + words_pattern(ARTICLES) + r"[ \t]+\Z")
_VAGUE_SCALE = re.compile(
    r"[ \t]+(" + words_pattern(w for w, v in SCALES.items() if v >= 1000) + r")(?![a-z])"
)
_OF_AFTER = re.compile(r"[ \t]+" + words_pattern(VAGUE_NOUN_FOLLOWERS) + r"(?![a-z])")
_NEEDS_OF = frozenset(VAGUE_NEEDING_OF)  # nouns too ("test scores") unless "scores of"
_COUNTED = frozenset([*SCALES, *GROUP_WORDS])  # words that "a" may start ("a thousand")


class Core(NamedTuple):
    """A bare number at [start, end): its value range and the scale word it carried."""

    start: int
    end: int
    low: Fraction
    high: Fraction
    scale: int | None  # the multiplier of a scale word ("thousand", "bn"), if any
    kind: str  # "digits", "words" or "vague"

    @property
    def raw(self) -> Fraction:
        """The value before its scale word: 12 in "12 thousand"."""
        return self.high / self.scale if self.scale else self.high


def digits_value(token: str) -> Fraction:
    """The value of a digit string with separators: "11,000" -> 11000, "3.7" -> 37/10."""
    if token.isdigit():
        return Fraction(int(token))
    plain = token.replace(",", "")
    if not plain.isdigit():
        plain = re.sub(r"[ \u00a0\u202f\u2009]", "", plain)
    return Fraction(int(plain)) if plain.isdigit() else Fraction(plain)


def digits_match(low: str, pos: int, hi: int) -> re.Match[str] | None:
    """The digits at ``pos``: "11,000", "3.7", or "19 136" (thousands grouped by spaces).

    Groups joined by plain spaces are read as one number only when nothing around them
    says they are separate numbers ("in 2005 12 people", "aged 5 100", "1 100-metre").
    """
    m: re.Match[str] | None = DIGITS.match(low, pos, hi)
    return m if m is None else spaced_digits(low, pos, m, hi)


def spaced_digits(low: str, pos: int, m: re.Match[str], hi: int) -> re.Match[str]:
    """``m``, the digits at ``pos``, or the space-grouped number they start ("19 136")."""
    end = m.end()
    if end - pos > 3 or end + 1 >= hi or low[end] != " " or low[end + 1] not in "0123456789":
        return m
    spaced = _SPACED_DIGITS.match(low, pos, hi)
    if spaced is None or _UNGROUPED_BEFORE.search(low, max(0, pos - _UNGROUPED_REACH), pos):
        return m
    return spaced


def digit_core(
    low: str,
    pos: int,
    hi: int,
    token: re.Match[str] | None = None,
    value: Fraction | None = None,
) -> Core | None:
    """The digits at ``pos`` with any scale word after them ("3.7 million", "1.2bn").

    ``value``, when given, is ``digits_value`` of ``token``, already computed.
    """
    m = token or digits_match(low, pos, hi)
    if m is None:
        return None
    end = m.end()
    if end - pos > 24:
        return Core(pos, end, Fraction(0), Fraction(0), None, "digits")
    if value is None:
        value = digits_value(m.group())
    scale = None
    if may_start(low, end, hi, _SCALE_STARTS):
        word = _SCALE_WORD.match(low, end, hi)
        abbreviation = None if word else _SCALE_ABBREVIATION.match(low, end, hi)
        if word:
            scale, end = SCALES[word.group(1)], word.end()
        elif abbreviation and abbreviation.group(1):
            scale, end = SCALE_ABBREVIATIONS[abbreviation.group(1)], abbreviation.end()
        elif abbreviation:
            scale, end = GLUED_SCALE_ABBREVIATIONS[abbreviation.group(2)], abbreviation.end()
    if scale:
        value *= scale
    return Core(pos, end, value, value, scale, "digits")


def word_core(low: str, pos: int, lo: int, hi: int) -> Core | None:
    """Number words at ``pos``: "one thousand", "eleven-thousand", "a dozen", "two lakh"."""
    article = ARTICLE_BEFORE.search(low, max(lo, pos - 4), pos)
    m = WORD_SEQUENCE.match(low, pos, hi)
    if m is None:
        return None
    tokens = [(t.group(), pos + t.end()) for t in _TOKEN.finditer(m.group())]
    for n in range(len(tokens), 0, -1):
        words = [t for t, _ in tokens[:n] if t != "and"]
        if tokens[n - 1][0] == "and":
            continue
        read = words_value(words, article is not None)
        if read is not None:
            start = article.start() if article and words[0] in _COUNTED else pos
            scale = SCALES.get(words[-1]) if len(words) > 1 else None
            return Core(start, tokens[n - 1][1], read, read, scale, "words")
    return None


def words_value(words: list[str], article: bool) -> Fraction | None:
    """The value of number words, or ``None`` when they do not form one number."""
    multiplier = 1
    if words and words[-1] in GROUP_WORDS:
        multiplier, words = GROUP_WORDS[words[-1]], words[:-1]
        if not words:
            return Fraction(multiplier)
    if not words or not GROUP_WORDS.keys().isdisjoint(words):
        return None
    if words[0] in SCALES:
        if not article:
            return None  # "thousand" alone is not a number; "a thousand" is
        words = ["one", *words]
    value = _words_number(words)
    return None if value is None else Fraction(value * multiplier)


def _words_number(words: list[str]) -> int | None:
    """The integer that number words spell, or ``None``.

    Scale words text2num does not know ("three lakh fifty thousand") are split off at
    the largest one: what comes before it times its value, plus what comes after.
    """
    try:
        return int(text2num(" ".join(words), "en"))
    except ValueError:
        pass
    scales = [(SCALES[word], i) for i, word in enumerate(words) if word in SCALES]
    if not scales or max(scales)[1] == 0:
        return None
    scale, at = max(scales)
    left = _words_number(words[:at])
    right = _words_number(words[at + 1 :]) if at + 1 < len(words) else 0
    if left is None or right is None or right >= scale:
        return None
    return left * scale + right


def vague_pattern(vague: Mapping[str, tuple[Fraction, Fraction]]) -> re.Pattern[str]:
    """A matcher for the vague amounts of a rule set ("several hundred", "dozens")."""
    phrases = [" ".join(p.lower().split()) for p in vague]
    return re.compile(words_pattern(phrases) + r"(?![a-z])")


def vague_core(
    low: str,
    pos: int,
    lo: int,
    hi: int,
    matcher: re.Pattern[str],
    vague: Mapping[str, tuple[Fraction, Fraction]],
) -> Core | None:
    """A vague amount at ``pos`` (or at "a" just before it), with a scale word after it.

    ``vague`` is keyed by phrases in lower case with single spaces.
    """
    article = ARTICLE_BEFORE.search(low, max(lo, pos - 4), pos)
    starts = [article.start(), pos] if article else [pos]
    for start in starts:
        m = matcher.match(low, start, hi)
        if m is None:
            continue
        phrase = " ".join(m.group().split())
        if phrase in _NEEDS_OF and not _OF_AFTER.match(low, m.end(), hi):
            return None
        low_value, high_value = vague[phrase]
        end, scale = m.end(), None
        after = _VAGUE_SCALE.match(low, end, hi)
        if after:
            scale, end = SCALES[after.group(1)], after.end()
            low_value, high_value = low_value * scale, high_value * scale
        return Core(start, end, low_value, high_value, scale, "vague")
    return None
