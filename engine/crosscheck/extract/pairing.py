"""Clauses of a sentence, and pairing each number with the measure phrase it belongs to.

Within a clause, numbers and measure phrases of one dimension form a sequence such
as ``N P N P`` ("100 deaths and 1,000 injuries") or ``P N P N`` ("killed 100 and
wounded 1,000"). A phrase can only pair with a number next to it in that sequence,
and each phrase with at most one number. Among all such pairings we take the one
that pairs the most numbers, then prefers phrases after the number, then the
shortest gaps: an exact dynamic programme over the sequence, linear in its length.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from crosscheck.extract.conversions import conversion_at

MAX_GAP_WORDS = 10  # words between a number and its phrase
MAX_GAP_CHARS = 120

# Where a clause ends inside a sentence. A comma ends one only before a word that
# opens a new clause, so "Along the border, North Korea deployed ..." stays one clause.
_CLAUSE_BREAK = re.compile(
    r"[;:()\[\]]|[ \t]+[-–—]{1,2}[ \t]+|—"
    r"|,\s+(?=(?:which|who|whom|whose|while|whilst|whereas|but|although|though|and|or|as|"
    r"after|before|because|since|when|where|yet|so|according|despite|including)(?![a-z]))"
)
_CONJUNCTION = re.compile(r"(?<![a-z])(?:and|but|while|whereas)(?![a-z])")
# A character that every clause break holds; most of a sentence has none of them.
_BREAK_CHARACTER = re.compile(r"[;:()\[\],\-–—]")


def clauses(low: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of the sentence ``low[start:end]`` as (start, end) spans, in order."""
    first = _BREAK_CHARACTER.search(low, start, end)
    if first is None:
        return [(start, end)]
    # No break starts before the blanks that lead up to its first such character.
    scan = first.start()
    while scan > start and low[scan - 1] in " \t":
        scan -= 1
    spans = []
    previous = skip = start
    for m in _CLAUSE_BREAK.finditer(low, scan, end):
        if m.start() < skip:
            continue  # inside a conversion: "213 kilometers (130 miles) deep" is one clause
        if m.group() == "(" and (closing := conversion_at(low, m.start())) is not None:
            skip = closing
            continue
        spans.append((previous, m.start()))
        previous = m.end()
    spans.append((previous, end))
    return spans


def gap_words(low: str, start: int, end: int) -> int | None:
    """Words between two spans, or ``None`` when they are too far apart to belong together."""
    if end - start > MAX_GAP_CHARS:
        return None
    words = len(low[start:end].split())
    return words if words <= MAX_GAP_WORDS else None


Allowed = Callable[[int, int], bool]  # (number index, phrase index) -> may they pair


def pair(
    low: str,
    numbers: Sequence[tuple[int, int]],
    phrases: Sequence[tuple[int, int]],
    allowed: Allowed | None = None,
) -> dict[int, int]:
    """Pair numbers with phrases (both given as spans in order): number index -> phrase index.

    ``allowed``, when given, says which number may take which phrase at all.
    """
    if len(numbers) == 1 and len(phrases) == 1:
        if allowed is not None and not allowed(0, 0):
            return {}
        return _pair_one(low, numbers[0], phrases[0])
    elements = sorted(
        [(s, e, False, i) for i, (s, e) in enumerate(numbers)]
        + [(s, e, True, j) for j, (s, e) in enumerate(phrases)]
    )
    n = len(elements)
    best = [0] * (n + 1)
    took = [False] * (n + 1)
    for k in range(2, n + 1):
        best[k] = best[k - 1]
        weight = _weight(low, elements[k - 2], elements[k - 1], allowed)
        if weight is not None and best[k - 2] + weight > best[k]:
            best[k], took[k] = best[k - 2] + weight, True
    pairs: dict[int, int] = {}
    k = n
    while k >= 2:
        if took[k]:
            a, b = elements[k - 2], elements[k - 1]
            number, phrase = (b, a) if a[2] else (a, b)
            pairs[number[3]] = phrase[3]
            k -= 2
        else:
            k -= 1
    return pairs


def _pair_one(low: str, number: tuple[int, int], phrase: tuple[int, int]) -> dict[int, int]:
    """``pair`` of one number and one phrase (the most common case), without the programme."""
    # Ordered as ``pair`` sorts them; any weight is positive, so they pair when close enough.
    phrase_first = (phrase[0], phrase[1], True) < (number[0], number[1], False)
    left, right = (phrase, number) if phrase_first else (number, phrase)
    return {0: 0} if gap_words(low, left[1], right[0]) is not None else {}


def _weight(
    low: str,
    left: tuple[int, int, bool, int],
    right: tuple[int, int, bool, int],
    allowed: Allowed | None,
) -> int | None:
    if left[2] == right[2]:
        return None  # two numbers or two phrases side by side
    number, phrase = (right, left) if left[2] else (left, right)
    if allowed is not None and not allowed(number[3], phrase[3]):
        return None
    if left[2] and _CONJUNCTION.search(low, left[1], right[0]):
        return None  # "destroyed and 30,000 damaged": the number opens a conjunct of its own
    if left[2] and "," in low[left[1] : right[0]]:
        return None  # "had died, six soldiers and five militants among them": a new phrase
    words = gap_words(low, left[1], right[0])
    if words is None:
        return None
    phrase_first = left[2]
    # Pairing counts most; then a phrase after its number; then a short gap.
    return 4 * MAX_GAP_WORDS + 4 - 2 * words - (1 if phrase_first else 0)
