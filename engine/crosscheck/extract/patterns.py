"""Regular expression builders shared by the number reader and the binder.

The word lists they are built from live in ``crosscheck.lexicon``.

Everything here is matched against a lower-cased copy of the text, so patterns are
written in lower case and need no case-insensitive flag (which makes Python's
regular expressions several times slower).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from crosscheck.text.phrases import normalize_phrase


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
