"""The hedges around a number, all read from ``crosscheck.lexicon``.

* before it: "more than 1,000", "has passed 5,000" (the verb is the hedge, an
  auxiliary before it stays outside), "rises past 1,700";
* through "the ... mark": "crossed the 1,000 mark", "over the 5,000 threshold";
* after it: "1,000 or more", "1,000+", "18 and above";
* negated: "not less than 40,000" is at least 40,000, as the lexicon lists it; a
  negated hedge the lexicon does not list ("not about 100") makes the number no
  amount, so a negated hedge is never read as the hedge it negates;
* over a coordination: in "around 100 deaths and 1,000 injuries" the hedge of the
  first number is carried to the second (``carries_to``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from crosscheck.extract.patterns import may_start, trie_pattern, words_pattern
from crosscheck.extract.records import Mention
from crosscheck.lexicon import (
    CLAUSE_WORDS,
    DASHES,
    MARK_WORDS,
    NEGATIONS,
    NOT_A_HEDGE_AFTER,
    NUMBER_WORDS,
    POST_HEDGES,
    PRE_HEDGES,
    first_letters,
)

_QUOTES = "‘“\"'"
_BEFORE_HEDGED = " \t" + _QUOTES  # what may stand between a hedge and its number
_HEDGE = "(" + trie_pattern(PRE_HEDGES, space=r"[ \t]+") + ")"
_PRE_HEDGE = re.compile(r"(?<![a-z])" + _HEDGE + rf"(?:[ \t]+|[ \t]*([{_QUOTES}])[ \t]*)\Z")
_MARKED_HEDGE = re.compile(r"(?<![a-z])" + _HEDGE + r"[ \t]+the[ \t]+\Z")
_MARK_AFTER = re.compile(r"[ \t]+" + words_pattern(MARK_WORDS) + r"(?![a-z])")
_MARK_STARTS = first_letters(MARK_WORDS)
# The last word of every hedge: a cheap test before the search for a whole one.
_HEDGE_ENDS = tuple(sorted({hedge.split()[-1] for hedge in PRE_HEDGES}))
_HEDGE_REACH = max(map(len, PRE_HEDGES)) + 16  # characters looked back for a hedge
_NEGATION = re.compile(
    "(?:"
    + "|".join(
        re.escape(word).replace("'", "['’]") if "'" in word else rf"(?<![a-z]){re.escape(word)}"
        for word in NEGATIONS
    )
    + r")[ \t]+\Z"
)
_NEGATION_REACH = max(map(len, NEGATIONS)) + 4
# How a negation ends, curly apostrophes too: a cheap test before the search.
_NEGATION_ENDS = tuple({*NEGATIONS, *(word.replace("'", "’") for word in NEGATIONS)})
_GUARDS = {
    hedge: re.compile(r"(?<![a-z])" + words_pattern(words) + r"[ \t]+\Z")
    for hedge, words in NOT_A_HEDGE_AFTER.items()
}
_GUARD_REACH = max(len(w) for words in NOT_A_HEDGE_AFTER.values() for w in words) + 4


def _post_pattern() -> tuple[re.Pattern[str], str, str]:
    """The matcher of post-hedges, what may follow a number before one, and their starts."""
    spaced = [hedge for hedge in POST_HEDGES if hedge[0].isalpha()]
    glued = [hedge for hedge in POST_HEDGES if not hedge[0].isalpha()]
    dash = "[" + re.escape(DASHES) + "]"
    pieces = [
        (dash if hedge[0] == "-" else re.escape(hedge[0]))
        + re.escape(hedge[1:])
        + ("(?![a-z])" if hedge[-1].isalpha() else "")
        for hedge in glued
    ]
    after = "(?![ \t]*(?:[0-9]|" + words_pattern(NUMBER_WORDS) + "(?![a-z])))"
    pattern = re.compile(
        r"(?:[ \t]+(" + trie_pattern(spaced, space=r"[ \t]+") + r")(?![a-z])"
        r"|(" + "|".join(pieces) + "))" + after
    )
    glued_starts = "".join(DASHES if h[0] == "-" else h[0] for h in glued)
    return pattern, " \t" + glued_starts, first_letters(spaced) + glued_starts


_POST_HEDGE, _POST_FIRST, _POST_STARTS = _post_pattern()
# The first two characters of the post-hedges written after a blank ("or", "an", "pl"): a
# second cheap test, as most numbers are followed by a word that starts with one of their
# letters ("5 people", "5 and").
_POST_PAIRS = frozenset(h[:2] for h in POST_HEDGES if h[0].isalpha())
_PAIR_TEST = all(len(h) > 1 for h in POST_HEDGES if h[0].isalpha())  # no one-letter word
# Between two numbers of one coordination: a few plain words, then "and".
_COORDINATION = re.compile(
    r"(?:[ \t]+(?!" + words_pattern(CLAUSE_WORDS) + r"(?![a-z]))[a-z]+(?:['’]s)?){0,3}"
    r"[ \t]+and[ \t]+"
)
_CLAUSE_AFTER = re.compile(r"[ \t]+" + words_pattern(CLAUSE_WORDS) + r"(?![a-z])")


class PreHedge(NamedTuple):
    """A hedge before a number: the hedge a claim carries, where it starts, and how."""

    hedge: str | None
    start: int  # -1 when there is no hedge
    quoted: bool  # the number is in quotes after the hedge ("Over ‘1,000’")
    negated: bool  # a negation the lexicon does not list stands before the hedge


NO_HEDGE = PreHedge(None, -1, False, False)  # one record for the common case


def pre_hedge(low: str, start: int, end: int, lo: int, hi: int) -> PreHedge:
    """The hedge before the number at [start, end), or ``NO_HEDGE``."""
    if start - 1 < lo or low[start - 1] not in _BEFORE_HEDGED:
        return NO_HEDGE
    window = max(lo, start - _HEDGE_REACH)
    before = low[window:start].rstrip(_BEFORE_HEDGED)
    m = None
    if before.endswith(_HEDGE_ENDS):
        m = _PRE_HEDGE.search(low, window, start)
    elif before.endswith("the") and _marked(low, end, hi):
        m = _MARKED_HEDGE.search(low, window, start)
    if m is None:
        return NO_HEDGE
    hedge = PRE_HEDGES[" ".join(m.group(1).split())]
    guard = _GUARDS.get(hedge)
    if guard is not None and guard.search(low, max(lo, m.start() - _GUARD_REACH), m.start()):
        return NO_HEDGE
    quoted = m.re is _PRE_HEDGE and m.group(2) is not None
    # "not", "never", "wasn't" right before the hedge: a cheap test, then the search
    window = max(lo, m.start() - _NEGATION_REACH)
    negated = low[window : m.start()].rstrip(" \t").endswith(_NEGATION_ENDS)
    if negated and _NEGATION.search(low, window, m.start()) is None:
        negated = False
    return PreHedge(hedge, m.start(), quoted, negated)


def _marked(low: str, end: int, hi: int) -> bool:
    """Whether a mark word follows the number ("the 1,000 mark")."""
    return may_start(low, end, hi, _MARK_STARTS) and _MARK_AFTER.match(low, end, hi) is not None


def post_hedge(low: str, end: int, hi: int, hedge: str | None) -> tuple[str | None, int]:
    """A hedge written after the number ("or so", "or more", "+"), unless one came before."""
    if end >= hi or low[end] not in _POST_FIRST or not may_start(low, end, hi, _POST_STARTS):
        return hedge, end
    word = _PAIR_TEST and low[end] in " \t" and low[end + 1 : end + 2] not in " \t"
    if word and low[end + 1 : end + 3] not in _POST_PAIRS:
        return hedge, end  # the word after the blank starts unlike any post-hedge
    post = _POST_HEDGE.match(low, end, hi)
    if post is None:
        return hedge, end
    written = " ".join((post.group(1) or post.group(2)).split())
    if written[0] in DASHES:
        written = "-" + written[1:]
    return hedge or POST_HEDGES[written], post.end()


def carries_to(low: str, first: Mention, second: Mention) -> bool:
    """Whether the hedge of ``first`` also governs ``second``, the next number.

    Only in a plain coordination: "around 100 deaths and 1,000 injuries", "about 100
    and 200 people" (same dimension, nothing but a few words and "and" between, no
    clause word such as "were" or "said" between them or right after the second, no
    hedge or other mark of the second's own).
    """
    if second.hedge is not None or second.start != second.anchor:
        return False
    if second.kind == "vague" or first.dimension != second.dimension:
        return False
    if low.find("and", first.end, second.start) < 0:
        return False  # no coordination (the common case: a cheap test before the regex)
    if _COORDINATION.fullmatch(low, first.end, second.start) is None:
        return False
    return _CLAUSE_AFTER.match(low, second.end) is None  # "... and 200 were injured"
