"""How large an input may be: numbers, nesting, day windows, phrases and rule files.

Inputs beyond these bounds are refused with a message naming where they are, before
they can cost time or memory (``Fraction("1e999999999")`` would expand the exponent)
or reach a limit of Python's own (integers of more than 4,300 digits, recursion).
Documented in docs/rule-language.md ("Limits").
"""

from __future__ import annotations

import re

MAX_MAGNITUDE = 10**15  # no number is larger than this in size
MAX_SIGNIFICANT_DIGITS = 15
MAX_DECIMAL_PLACES = 15  # no digit finer than 10^-15
MAX_DAYS = 36_525  # a day window of at most 100 years
MAX_NESTING = 32  # lists and objects (mappings) within each other, in JSON and YAML
MAX_PHRASE_CHARS = 200  # a quoted phrase of a rule file
MAX_IMPORT_DEPTH = 64  # rule files importing each other in a chain
MAX_RULE_FILE_BYTES = 1_000_000

NUMBER_LIMITS = (
    "numbers are at most 10^15 in size, with at most 15 significant digits "
    "and at most 15 decimal places"
)

_DECIMAL = re.compile(r"[-+]?([0-9]*)(?:\.([0-9]*))?(?:[eE]([-+]?[0-9]+))?")
_LARGEST_EXPONENT = 10**6  # far beyond any bound above, and cheap to compare


def decimal_problem(text: str) -> str | None:
    """What makes the decimal number ``text`` (``12.5``, ``1_000``, ``1e-3``) out of
    bounds, or None when it is within them (or is not a decimal number at all).

    Decided from the digits, without computing the value, so ``1e999999999`` and a
    5,000-digit number cost no more than their length.
    """
    match = _DECIMAL.fullmatch(text.replace("_", ""))
    if match is None:
        return None
    whole, places, exponent = match.group(1), match.group(2) or "", match.group(3) or "0"
    digits = (whole + places).lstrip("0")
    significant = digits.rstrip("0")
    if not significant:
        return None  # zero, however written
    if len(exponent.lstrip("+-").lstrip("0")) > len(str(_LARGEST_EXPONENT)):
        return "has too many decimal places" if exponent.startswith("-") else "is too large"
    # value = significant * 10 ** scale
    scale = int(exponent) - len(places) + len(digits) - len(significant)
    if len(significant) > MAX_SIGNIFICANT_DIGITS:
        return f"has {len(significant)} significant digits"
    if scale < -MAX_DECIMAL_PLACES:
        return f"has {-scale} decimal places"
    top = len(significant) + scale  # the value is below 10 ** top
    too_large = scale > 0 and int(significant) * 10**scale > MAX_MAGNITUDE
    if top > len(str(MAX_MAGNITUDE)) or too_large:
        return "is larger than 10^15"
    return None


def excerpt(text: str, width: int = 24) -> str:
    """``text`` if short, else its start and its length (a 5,000-digit number stays short)."""
    if len(text) <= width:
        return text
    return f"{text[: width - 8]}… ({len(text)} characters)"
