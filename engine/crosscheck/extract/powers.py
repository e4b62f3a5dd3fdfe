"""Powers of ten written out: ``10^6``, ``10**6``, ``10⁶``, ``1.2 × 10^9``.

Such a number is read as the amount it is when its exponent is at most
``MAX_EXPONENT`` (``10^6`` is 1,000,000, ``3 x 10^3`` is 3,000) and not at all when
it is larger (``10^400`` is no head count, and reading it as 400, or as 10 with the
exponent read as a second number, would make a false claim). Scientific notation
with an ``e`` (``1.2e6``) is not read: it stays a code, as any digits glued to a
letter. A number right after ``^`` or ``**`` is an exponent, never an amount.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import NamedTuple

from crosscheck.extract.numbers import Core
from crosscheck.extract.patterns import may_start

MAX_EXPONENT = 15  # 10^15: far beyond any count or measure a news article states
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
# An exponent: ^ or ** and digits, or superscript digits, right after the ten.
_EXPONENT = r"(?:[ \t]*(?:\^|\*\*)[ \t]*([-−]?[0-9]+)|(⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))"
_TEN_TO_THE = re.compile(_EXPONENT)  # right after a token "10"
_TIMES_TEN_TO_THE = re.compile(r"[ \t]*[×x*·⋅][ \t]*10" + _EXPONENT)  # after a mantissa
_EXPONENT_BEFORE = re.compile(r"(?:\^|\*\*)[ \t]*[-−]?\Z")
_REACH = 4  # characters an exponent marker may stand before its digits
_MARKS_AFTER = "^*×x·⋅⁰¹²³⁴⁵⁶⁷⁸⁹⁻"  # what may follow a mantissa or a ten


class Excluded(NamedTuple):
    """Digits at [start, end) that are no amount, and why (for ``explain``)."""

    start: int
    end: int
    reason: str


TOO_LARGE = "a power of ten too large to be an amount (10^400)"
EXPONENT = "the exponent of a power of ten (10^6)"


def read_power(
    low: str, start: int, token_end: int, mantissa: Fraction, hi: int
) -> Core | Excluded | None:
    """The power of ten whose mantissa is the digits at [start, token_end) of ``low``
    (``mantissa`` their value), or why those digits are no amount; ``None`` when no
    power of ten is written there and the digits are no exponent.

    ``10^6`` is its own mantissa's power (1 × 10^6); ``2 × 10^3`` has mantissa 2.
    """
    reach = max(0, start - _REACH)
    marked = low.find("^", reach, start) >= 0 or low.find("**", reach, start) >= 0
    if marked and _EXPONENT_BEFORE.search(low, reach, start):
        return Excluded(start, token_end, EXPONENT)
    if not may_start(low, token_end, hi, _MARKS_AFTER):
        return None  # most numbers: a cheap test before the patterns
    match = _TIMES_TEN_TO_THE.match(low, token_end, hi)
    if match is None and low[start:token_end] == "10":
        match, mantissa = _TEN_TO_THE.match(low, token_end, hi), Fraction(1)
    if match is None:
        return None
    written = (match.group(1) or match.group(2)).translate(_SUPERSCRIPTS).replace("−", "-")
    if len(written.lstrip("-")) > 6 or abs(int(written)) > MAX_EXPONENT:
        return Excluded(start, match.end(), TOO_LARGE)
    exponent = int(written)
    value = mantissa * Fraction(10) ** exponent
    # No scale word: "between 1 and 10^4" is [1, 10,000], not read as "1-1 thousand".
    return Core(start, match.end(), value, value, None, "digits")
