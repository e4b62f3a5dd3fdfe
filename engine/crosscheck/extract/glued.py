"""Numbers glued to the word before them by a missing space ("while180"), found cheaply.

A digit right after a letter is normally part of a code ("A380", "MH17"), so the
number scanners start only after a non-letter. A typo can glue a number to an ordinary
word, though; ``glued_starts`` finds the digits that follow one of ``GLUED_WORDS``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from crosscheck.lexicon import GLUED_WORDS

_LONGEST = max(len(word) for word in GLUED_WORDS)
# One byte per character: a letter a-z as "a", a digit as "0", anything else a space; a
# letter before a digit is then a plain search for b"a0" (a regex tried at every character
# took longer than the rest of the search).
_CLASSES = bytes(
    ord("a") if chr(c).isascii() and chr(c).islower() else ord("0") if chr(c) in "0123456789"
    else ord(" ")
    for c in range(256)
)  # fmt: skip


def _letter_then_digit(low: str, lo: int, hi: int) -> Iterator[int]:
    """Where a digit follows a letter a-z in ``low[lo:hi]`` (the digit's place)."""
    # Latin-1 keeps one byte per character; the characters it lacks become "?".
    classes = low[lo:hi].encode("latin-1", "replace").translate(_CLASSES)
    at = classes.find(b"a0")
    while at >= 0:
        yield lo + at + 1
        at = classes.find(b"a0", at + 1)


def glued_starts(low: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Where numbers glued to a word of ``GLUED_WORDS`` start in ``low[lo:hi]``."""
    found = []
    for end in _letter_then_digit(low, lo, len(low) if hi is None else hi):
        start = end
        while start > max(lo, end - _LONGEST - 1) and low[start - 1].isalpha():
            start -= 1
        if (start == 0 or not low[start - 1].isalnum()) and low[start:end] in GLUED_WORDS:
            found.append(end)
    return found


def merged(first: Iterable[int], second: Iterable[int]) -> Iterator[int]:
    """Two ascending sequences of positions as one."""
    yield from sorted({*first, *second})
