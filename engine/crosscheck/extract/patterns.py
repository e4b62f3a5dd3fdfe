"""Word lists and regular expressions shared by the number reader and the binder.

Everything here is matched against a lower-cased copy of the text, so patterns are
written in lower case and need no case-insensitive flag (which makes Python's
regular expressions several times slower).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from crosscheck.hedges import HEDGE_FAMILIES
from crosscheck.text.phrases import normalize_phrase

ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
SCALE_ABBREVIATIONS = {"bn": 10**9, "mn": 10**6, "mln": 10**6, "tn": 10**12, "k": 1000}
NUMBER_WORDS = (*ONES, *TENS, *SCALES, "dozen")

# Units we recognise after a number, mapped to a name pint understands. Words that
# pint would also read as units ("in", "a", "s") are deliberately absent.
UNIT_WORDS: dict[str, str] = {
    **dict.fromkeys(["mm", "millimeter", "millimeters", "millimetre", "millimetres"], "millimeter"),
    **dict.fromkeys(["cm", "centimeter", "centimeters", "centimetre", "centimetres"], "centimeter"),
    **dict.fromkeys(["m", "meter", "meters", "metre", "metres"], "meter"),
    **dict.fromkeys(["km", "kilometer", "kilometers", "kilometre", "kilometres"], "kilometer"),
    **dict.fromkeys(["mile", "miles"], "mile"),
    **dict.fromkeys(["nautical mile", "nautical miles"], "nautical_mile"),
    **dict.fromkeys(["inch", "inches"], "inch"),
    **dict.fromkeys(["ft", "foot", "feet"], "foot"),
    **dict.fromkeys(["yard", "yards"], "yard"),
    **dict.fromkeys(["kg", "kilogram", "kilograms", "kilo", "kilos"], "kilogram"),
    **dict.fromkeys(["gram", "grams"], "gram"),
    **dict.fromkeys(["ton", "tons", "tonne", "tonnes"], "tonne"),
    **dict.fromkeys(["lb", "lbs"], "pound"),
    **dict.fromkeys(["second", "seconds", "sec", "secs"], "second"),
    **dict.fromkeys(["minute", "minutes", "min", "mins"], "minute"),
    **dict.fromkeys(["hour", "hours", "hr", "hrs"], "hour"),
    **dict.fromkeys(["day", "days"], "day"),
    **dict.fromkeys(["week", "weeks"], "week"),
    **dict.fromkeys(["month", "months"], "month"),
    **dict.fromkeys(["year", "years", "yr", "yrs"], "year"),
    **dict.fromkeys(["decade", "decades"], "decade"),
    **dict.fromkeys(["century", "centuries"], "century"),
    **dict.fromkeys(["%", "percent", "per cent", "pct"], "percent"),
    **dict.fromkeys(["km/h", "kph"], "kilometer / hour"),
    "mph": "mile / hour",
    **dict.fromkeys(["knot", "knots"], "knot"),
    **dict.fromkeys(["hectare", "hectares"], "hectare"),
    **dict.fromkeys(["acre", "acres"], "acre"),
    **dict.fromkeys(
        ["sq km", "square kilometers", "square kilometres", "square kilometer"],
        "kilometer ** 2",
    ),
    **dict.fromkeys(["square miles", "square mile", "sq mi"], "mile ** 2"),
}
# Units pint does not know, with a dimension of their own so that they bind to nothing.
OTHER_UNITS: dict[str, str] = {
    **dict.fromkeys(["percentage point", "percentage points"], "[percentage point]"),
    **dict.fromkeys(["dollar", "dollars", "usd"], "[currency]"),
    **dict.fromkeys(["euro", "euros", "eur"], "[currency]"),
    **dict.fromkeys(
        ["rouble", "roubles", "ruble", "rubles", "yuan", "hryvnia", "hryvnias"], "[currency]"
    ),
}
CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW"}

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTH_ABBREVIATIONS = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
]

# Hedges written after the number, mapped to a hedge of ``HEDGE_FAMILIES`` that means
# the same, so that a claim's hedge can always be read back through hedges.py.
POST_HEDGES = {
    "or so": "or so",
    "or more": "at least",
    "or fewer": "at most",
    "or less": "at most",
    "+": "at least",
    "plus": "at least",
    "-plus": "at least",
}
# Verb forms of the hedges that HEDGE_FAMILIES lists in one form only.
HEDGE_ALIASES = {
    "exceeds": "exceeded",
    "exceed": "exceeded",
    "surpasses": "surpassed",
    "surpassing": "surpassed",
    "well over": "over",
    "well above": "above",
    "upward of": "upwards of",
    "more than": "more than",
}
PRE_HEDGES: dict[str, str] = {
    **{h: h for h in HEDGE_FAMILIES if h != "or so"},
    **HEDGE_ALIASES,
}

# Verbs after which "from A to B" is a change, not a range.
CHANGE_VERBS = [
    "rose",
    "risen",
    "rising",
    "increased",
    "increasing",
    "grew",
    "grown",
    "growing",
    "climbed",
    "jumped",
    "fell",
    "fallen",
    "falling",
    "dropped",
    "decreased",
    "declined",
    "doubled",
    "tripled",
    "revised",
    "raised",
    "lowered",
    "went",
    "up",
    "down",
    "surged",
    "soared",
    "swelled",
]


def words_pattern(words: Iterable[str]) -> str:
    """A regex alternation of lower-case phrases, longest first, spaces flexible."""
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        escaped = [re.escape(piece) for piece in word.split()]
        parts.append(r"[ \t]+".join(escaped))
    return "(?:" + "|".join(parts) + ")"


def phrase_pattern(phrases: Iterable[str]) -> str:
    """An alternation for rule-file phrases: any white space, either apostrophe or dash."""
    parts = []
    for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)):
        words = []
        for word in normalize_phrase(phrase).split(" "):
            piece = re.escape(word)
            piece = piece.replace("'", "['’‘]").replace(r"\-", "[-‐‑ ]")
            words.append(piece)
        parts.append(r"\s+".join(words))
    return r"(?<![a-z0-9])(?:" + "|".join(parts) + r")(?![a-z0-9])"


def may_start(low: str, pos: int, hi: int, chars: str) -> bool:
    """Whether ``low[pos:hi]``, after blanks, may start with one of ``chars``.

    A cheap test before a pattern made of optional blanks and then one of ``chars``
    (most numbers are followed by a plain word): ``False`` means it cannot match.
    """
    if pos < hi and low[pos] in " \t":
        pos += 1
        if pos < hi and low[pos] in " \t":
            return True  # more blanks: the pattern decides
    return pos < hi and low[pos] in chars


_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def lowered(text: str) -> str:
    """A lower-case copy of ``text`` with exactly the same character offsets."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return text.translate(_ASCII_LOWER)  # a few letters lengthen when lower-cased


def trie_pattern(words: Iterable[str], space: str | None = None) -> str:
    """An alternation of words factored by common prefixes (much faster to scan).

    Like an alternation longest first, it takes the longest word that lets the rest of
    a pattern match. With ``space``, the spaces of phrases match that pattern instead
    (as in ``words_pattern``, where it is ``[ \t]+``).
    """
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = root
        for ch in " ".join(word.split()) if space else word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root, space)


def _emit(node: dict, space: str | None) -> str:  # type: ignore[type-arg]
    branches = [
        (space if space and ch == " " else re.escape(ch)) + _emit(sub, space)
        for ch, sub in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
