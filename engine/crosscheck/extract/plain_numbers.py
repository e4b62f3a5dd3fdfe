"""Numbers that count nothing: magnitudes, scores, indexes, ratios (the ``number`` quantity).

A number without a unit is a head count unless a phrase of a ``number`` measure stands
right next to it: before it ("magnitude 6.4", "magnitude-6.4", "a magnitude of 6.4") or
after it ("6.4 magnitude", "7.9-magnitude", "30-storey"). Such a number becomes a plain
number (unit ``number``), so it never binds to a measure of counts, and a ``number``
measure never takes a head count ("killed 230"). Where two numbers stand next to one
phrase, the one hyphenated to it takes it, else the one after it ("magnitude 6.4").

A number hyphenated after a word that ends a ``when`` phrase of the rule set is no
designator either: "magnitude-6.4" is read, "F-16" is not (``joined_words``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from crosscheck.dsl.ast import RuleSet
from crosscheck.extract.patterns import words_pattern
from crosscheck.extract.phrases import Hit
from crosscheck.extract.records import Mention
from crosscheck.lexicon import SCALE_NOUNS
from crosscheck.text.inflect import expand
from crosscheck.text.phrases import normalize_phrase
from crosscheck.units import dimension_of

NUMBER_UNIT = "number"
NUMBER_DIMENSION = dimension_of(NUMBER_UNIT)

_UNITLESS = ("item", NUMBER_UNIT)  # a plain number already (``on_scales``) keeps its place
_GLUED = re.compile(r"[ \t]*[-‐‑][ \t]*")
_SPACED = re.compile(r"[ \t]+|[ \t]*:[ \t]*")
_OF = re.compile(r"[ \t]+of[ \t]+")  # "a magnitude of 6.4": only with the phrase first
_WORD_BEFORE_HYPHEN = re.compile(r"([a-z]+)[-‐‑]\Z")


def joined_words(ruleset: RuleSet) -> frozenset[str]:
    """The last word of every form of every ``when`` phrase, lower case: a number
    hyphenated after one of them is an amount, not a designator ("magnitude-6.4")."""
    words = set()
    for name in ruleset.measures:
        for phrase in ruleset.when_of(name):
            for form in expand(phrase):
                last = re.findall(r"[a-z]+", normalize_phrase(form))
                if last:
                    words.add(last[-1])
    return frozenset(words)


def hyphenated_to(low: str, start: int, words: frozenset[str]) -> bool:
    """Whether the number at ``start`` is hyphenated after one of ``words``."""
    if not words or start < 2 or low[start - 1] not in "-‐‑":
        return False
    m = _WORD_BEFORE_HYPHEN.search(low, max(0, start - 40), start)
    return m is not None and m.group(1) in words


_SCALE_NOUNS = re.compile(rf"(?<![a-z]){words_pattern(SCALE_NOUNS)}(?![a-z])")
# The longest word of each scale noun: a plain word test before the pattern's scan.
_SCALE_WORDS = tuple(sorted({max(noun.split(), key=len) for noun in SCALE_NOUNS}))


def on_scales(
    low: str, span: tuple[int, int], mentions: Sequence[Mention], phrases: Sequence[Hit]
) -> list[Mention]:
    """``mentions`` of one sentence spanning ``span``, those right beside a scale's noun
    ("magnitude 7", "7.8 on the Richter scale") made plain numbers: never head counts.
    A scale's noun that is one of the rule set's own ``phrases`` found there is left to
    its measure (a rule file may count magnitudes as it likes)."""
    start, end = span
    if not any(low.find(word, start, end) >= 0 for word in _SCALE_WORDS):
        return list(mentions)
    scales = [
        Hit(m.start(), m.end(), m.group(), ())
        for m in _SCALE_NOUNS.finditer(low, start, end)
        if not any(p.overlaps(m.start(), m.end()) for p in phrases)
    ]
    return as_plain_numbers(low, mentions, scales) if scales else list(mentions)


def as_plain_numbers(low: str, mentions: Sequence[Mention], hits: Sequence[Hit]) -> list[Mention]:
    """``mentions``, those next to a phrase in ``hits`` made plain numbers.

    ``hits`` are the phrases of ``number`` measures in the sentence.
    """
    chosen: dict[int, Mention] = {}
    for hit in hits:
        best: tuple[int, int] | None = None  # (rank, index): glued first, then before
        for i, mention in enumerate(mentions):
            rank = _closeness(low, mention, hit)
            if rank is not None and i not in chosen and (best is None or rank < best[0]):
                best = (rank, i)
        if best is not None:
            mention = mentions[best[1]]
            chosen[best[1]] = dataclasses.replace(
                mention, unit=NUMBER_UNIT, dimension=NUMBER_DIMENSION
            )
    return [chosen.get(i, mention) for i, mention in enumerate(mentions)]


def _closeness(low: str, mention: Mention, hit: Hit) -> int | None:
    """How closely a unitless number stands to a phrase: 0 hyphenated after it, 1
    hyphenated before it, 2 after it with a blank or "of", 3 before it with a blank;
    ``None`` when it does not stand right next to it or is no plain amount."""
    if mention.unit not in _UNITLESS or mention.kind == "vague":
        return None
    if hit.end <= mention.start:
        gap = (low, hit.end, mention.start)
        if _GLUED.fullmatch(*gap):
            return 0
        return 2 if _SPACED.fullmatch(*gap) or _OF.fullmatch(*gap) else None
    if mention.end <= hit.start:
        gap = (low, mention.end, hit.start)
        if _GLUED.fullmatch(*gap):
            return 1
        return 3 if _SPACED.fullmatch(*gap) else None
    return None
