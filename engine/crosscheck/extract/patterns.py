"""Regular expression builders shared by the number reader and the binder.

The word lists they are built from live in ``crosscheck.lexicon``.

Everything here is matched against a lower-cased copy of the text, so patterns are
written in lower case and need no case-insensitive flag (which makes Python's
regular expressions several times slower).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from crosscheck.text.phrases import normalize_phrase


def words_pattern(words: Iterable[str]) -> str:
    """A regex alternation of lower-case phrases, longest first, spaces flexible.

    Factored by common prefixes (``trie_pattern``): at each position a scan follows one
    branch of a tree of letters instead of trying every phrase in turn.
    """
    return "(?:" + trie_pattern(words, r"[ \t]+") + ")"


def phrase_pattern(phrases: Iterable[str]) -> str:
    """An alternation for rule-file phrases: any white space, either apostrophe or dash.

    Longest phrase first, factored by common prefixes like ``words_pattern`` unless a
    phrase holds a dash: a dash also matches a space, so a dashed phrase and a spaced one
    may match the same text with different ends, and only the plain alternation keeps
    "longest first" then.
    """
    sequences = []
    for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)):
        atoms: list[str] = []
        for k, word in enumerate(normalize_phrase(phrase).split(" ")):
            if k:
                atoms.append(r"\s+")
            atoms.extend(_PHRASE_ATOMS.get(ch, re.escape(ch)) for ch in word)
        sequences.append(atoms)
    if any(_DASH in atoms for atoms in sequences):
        body = "|".join("".join(atoms) for atoms in sequences)
    else:
        body = _atoms_trie(sequences)
    return r"(?<![a-z0-9])(?:" + body + r")(?![a-z0-9])"


_DASH = "[-‐‑ ]"
_PHRASE_ATOMS = {"'": "['’‘]", "-": _DASH}


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
    if space is None:
        return _atoms_trie([re.escape(ch) for ch in word] for word in words)
    return _atoms_trie(
        [space if ch == " " else re.escape(ch) for ch in " ".join(word.split())] for word in words
    )


def _atoms_trie(sequences: Iterable[Sequence[str]]) -> str:
    """An alternation of sequences of regex atoms, factored by common prefixes; where one
    sequence is a prefix of another, the longer is tried first."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for atoms in sequences:
        node = root
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict) -> str:  # type: ignore[type-arg]
    branches = [atom + _emit(sub) for atom, sub in sorted(node.items()) if atom]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
