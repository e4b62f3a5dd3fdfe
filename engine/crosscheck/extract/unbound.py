"""Stretches of text whose numbers can never become claims, so they are never read (pure).

A number becomes a claim only through a ``when`` phrase of its sentence or a pronoun
there that restates an earlier figure ("this involves 11,000 soldiers"); a sentence with
neither binds nothing (``Binder.bind``). Reading a number can still change how the next
numbers read (a reading may run on over them, a hedge carries over a coordination), but
never past a line break (see ``active``). So the numbers from such a sentence to the end
of its line, when every sentence there has neither, are skipped unread by
``Extractor.claims``: its claims stay exactly those of ``Extractor.decisions``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from crosscheck.extract.context import DocumentContext
from crosscheck.extract.phrases import PhraseIndex
from crosscheck.text.segment import Sentence

# "the toll in Nepal rose to 2,065, while in Bhutan it stood at 20": "it" and a verb
# that gives a figure's value restate the figure named before.
_IT_STOOD = (
    r"it[ \t]+(?:has[ \t]+|had[ \t]+)?(?:stood|stands|rose|risen|climbed|reached|jumped"
    r"|increased|hit)(?:[ \t]+(?:at|to))?"
)

# Words that restate an earlier figure: a pronoun ("this involves", "they number"), a
# possessive ("puts its size at"), or the figure's own noun ("the real number may be
# higher, 90").
_RESTATING = (
    r"(?<![a-z])(?:(?:this|these|that|those|they|it|which)[ \t]+(?:[a-z]+[ \t]+)?"
    r"(?:involves?|involved|includes?|included|comprises?|comprised|numbers?|numbered|"
    r"totals?|totall?ed|amounts?[ \t]+to|amounted[ \t]+to)"
    r"|(?:its|their)[ \t]+(?:size|number|numbers|strength|total|count|toll|tally)"
    r"|the[ \t]+(?:real|actual|true|final|exact)[ \t]+(?:number|figure|count|tally|toll)"
    rf"|{_IT_STOOD})(?![a-z])"
)
_IT_WAS = r"(?<![a-z])it[ \t]+(?:was|is|had[ \t]+been|would[ \t]+be|could[ \t]+be|might[ \t]+be)"
# Every form above starts with one of these letters: tested first at each place, it
# spares the alternation at most places of a search (a new form must keep to them).
_FIRST_LETTERS = "(?=[itw])"
RESTATING = re.compile(_FIRST_LETTERS + _RESTATING)
# Anywhere in a sentence: words that may restate an earlier figure, "it was" included.
RESTATEMENT = re.compile(f"{_FIRST_LETTERS}(?:{_RESTATING}|{_IT_WAS}(?![a-z]))")
# A piece of text that every match of ``RESTATEMENT`` holds: most sentences hold none of
# them, and a search for plain words (no look-behind at every character) costs less than
# a scan with the pattern. The pieces are factored by first letters: a plain alternation
# tries every piece at every letter.
RESTATEMENT_PIECES = re.compile(
    "i(?:nvolv|nclud|t[ \t])|co(?:mpris|unt)|number|t(?:otal|oll|ally)|amount"
    "|s(?:ize|trength)|figure"
)


def has_restatement(low: str, start: int, end: int) -> bool:
    """Whether ``RESTATEMENT`` matches in ``low[start:end]``."""
    if RESTATEMENT_PIECES.search(low, start, end) is None:
        return False
    return RESTATEMENT.search(low, start, end) is not None


# "it was" right before a bare figure: "they had thought it was 140, but".
_IT_WAS_BEFORE = re.compile(rf"{_IT_WAS}[ \t]+\Z")
_BARE_AFTER = re.compile(r"[ \t]*(?:[,;:]|\.(?![0-9])|\Z)")


def restating(low: str, window: int, start: int, end: int) -> str | None:
    """The words before the number at [start, end) from ``window`` on that restate an
    earlier figure ("this involves", "the real number ... ,"; "it was" only right before
    a bare figure, which nothing follows but punctuation), if any."""
    found = RESTATING.search(low, window, start)
    if found is not None:
        return found.group()
    before = _IT_WAS_BEFORE.search(low, window, start)
    if before is not None and _BARE_AFTER.match(low, end) is not None:
        return before.group().strip()
    return None


def may_bind(doc: DocumentContext, when: PhraseIndex, sentence: Sentence) -> bool:
    """Whether a number of ``sentence`` may bind: a ``when`` phrase or a restating pronoun
    stands in it."""
    if doc.hits(when, sentence, doc.when_starts):
        return True
    return has_restatement(doc.low, sentence.start, sentence.end)


def bindable_positions(
    doc: DocumentContext, when: PhraseIndex, positions: Iterable[int]
) -> Iterator[int]:
    """``positions`` (in order) less those from which no number to the end of the line
    may bind."""
    decided_to = -1  # the positions before this one are decided alike
    skip = False
    for pos in positions:
        if pos >= decided_to:
            sentence = doc.locator.at(pos)
            line_end = _unbound_to(doc, when, sentence, pos)
            skip = line_end is not None
            decided_to = line_end if line_end is not None else sentence.end
        if not skip:
            yield pos


def _unbound_to(
    doc: DocumentContext, when: PhraseIndex, sentence: Sentence, pos: int
) -> int | None:
    """The end of the line of ``pos`` if no sentence from ``sentence`` (the one of ``pos``)
    to there may bind a number, else None."""
    if _may_bind(doc, when, sentence):
        return None
    text = doc.text
    line_end = text.find("\n", pos)
    if line_end < 0:
        line_end = len(text)
    while not _may_bind(doc, when, sentence):
        after = sentence.end
        while after < line_end and text[after].isspace():
            after += 1
        if after >= line_end:
            return line_end
        sentence = doc.locator.at(after)
    return None


def _may_bind(doc: DocumentContext, when: PhraseIndex, sentence: Sentence) -> bool:
    """``may_bind``, remembered per sentence."""
    key = ("may bind", sentence.start)
    found: bool | None = doc.memo.get(key)
    if found is None:
        found = doc.memo[key] = may_bind(doc, when, sentence)
    return found
