"""Numbers glued to the word before them by a missing space ("while180"), found cheaply.

A digit right after a letter is normally part of a code ("A380", "MH17"), so the
number scanners start only after a non-letter. A typo can glue a number to an ordinary
word, though; ``glued_starts`` finds the digits that follow one of ``GLUED_WORDS``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from crosscheck.lexicon import GLUED_WORDS

_LETTER_THEN_DIGIT = re.compile(r"[a-z](?=[0-9])")
_LONGEST = max(len(word) for word in GLUED_WORDS)


def glued_starts(low: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Where numbers glued to a word of ``GLUED_WORDS`` start in ``low[lo:hi]``."""
    found = []
    for match in _LETTER_THEN_DIGIT.finditer(low, lo, len(low) if hi is None else hi):
        end = match.end()
        start = end
        while start > max(lo, end - _LONGEST - 1) and low[start - 1].isalpha():
            start -= 1
        if (start == 0 or not low[start - 1].isalnum()) and low[start:end] in GLUED_WORDS:
            found.append(end)
    return found


def merged(first: Iterable[int], second: Iterable[int]) -> Iterator[int]:
    """Two ascending sequences of positions as one."""
    yield from sorted({*first, *second})
