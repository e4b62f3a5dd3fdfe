"""Shares of a whole: "a third of the victims", "nearly half the town", "two-thirds of".

A share followed by "of" or "the" is read as a percent (``Core.kind == "share"``):
"a third of" is exactly 100/3 %, "half of" 50 %; a hedge before it works as before any
number ("nearly half" is 45 % .. 50 %). Before "(of) a" and a scale word, a share is an
amount instead: "half a million" is 500,000, "a quarter of a million" 250,000, "half a
dozen" 6. A share needs a numerator ("a", "one", "two" ...), except the words of
``SHARES_ALONE`` ("half of the town"); "the third of July" is no share.
"""

from __future__ import annotations

import re
from fractions import Fraction

from crosscheck.extract.numbers import ARTICLE_BEFORE, Core
from crosscheck.extract.patterns import words_pattern
from crosscheck.lexicon import (
    ARTICLES,
    GROUP_WORDS,
    NOT_A_SHARE_AFTER,
    ONES,
    SCALES,
    SHARE_FOLLOWERS,
    SHARES,
    SHARES_ALONE,
)

# The numerators of a share: "a third", "one third", "two-thirds".
NUMERATORS: dict[str, int] = {
    **dict.fromkeys(ARTICLES, 1),
    **{word: value for value, word in enumerate(ONES) if value},
}
_SHARE = re.compile(
    r"(?:(" + words_pattern(NUMERATORS) + r")(?:[ \t]*[-‐‑][ \t]*|[ \t]+))?"
    r"(" + words_pattern(SHARES) + r")(?![a-z])"
)
_OF_AMOUNT = re.compile(
    r"[ \t]+(?:of[ \t]+)?" + words_pattern(ARTICLES) + r"[ \t]+("
    + words_pattern([*SCALES, *GROUP_WORDS]) + r")(?![a-z])"
)  # fmt: skip
_NOT_ALONE_BEFORE = re.compile(r"(?<![a-z])" + words_pattern(NOT_A_SHARE_AFTER) + r"[ \t]+\Z")
_NOT_ALONE_REACH = max(map(len, NOT_A_SHARE_AFTER)) + 3  # characters looked back
_FOLLOWER = re.compile(r"[ \t]+" + words_pattern(SHARE_FOLLOWERS) + r"(?![a-z])")
SHARE_WORDS = sorted(SHARES)  # candidates for the number reader: a share may start there


def share_core(low: str, pos: int, lo: int, hi: int) -> Core | None:
    """The share at ``pos`` (or at "a" just before it), as a percent or an amount."""
    m = _SHARE.match(low, pos, hi)
    if m is None:
        return None
    start, numerator = pos, 1
    if m.group(1) is not None:
        numerator = NUMERATORS[m.group(1)]
    else:
        article = ARTICLE_BEFORE.search(low, max(lo, pos - 4), pos)
        if article is not None:
            start = article.start()
        elif m.group(2) not in SHARES_ALONE or _NOT_ALONE_BEFORE.search(
            low, max(lo, pos - _NOT_ALONE_REACH), pos
        ):
            return None
    denominator = SHARES[m.group(2)]
    if numerator > denominator:
        return None
    share = Fraction(numerator, denominator)
    amount = _OF_AMOUNT.match(low, m.end(), hi)
    if amount is not None:
        word = amount.group(1)
        value = share * (SCALES[word] if word in SCALES else GROUP_WORDS[word])
        return Core(start, amount.end(), value, value, None, "words")
    if _FOLLOWER.match(low, m.end(), hi) is None:
        return None
    percent = share * 100
    return Core(start, m.end(), percent, percent, None, "share")
