"""Compiled matchers for the phrases of a rule set (when, unless, subjects).

Each kind of phrase is one alternation, longest phrase first, compiled once per
``Extractor``; a match is mapped back to the measures or subjects that own it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from crosscheck.extract.patterns import normalize_phrase, phrase_pattern


def phrase_key(text: str) -> str:
    """What two spellings of a phrase share ("Self-propelled" ~ "self propelled")."""
    return normalize_phrase(text).replace("-", " ")


@dataclass(frozen=True, slots=True)
class Hit:
    """A phrase found in the text at [start, end), and who owns it."""

    start: int
    end: int
    phrase: str
    owners: tuple[str, ...]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether the hit shares a character with [start, end)."""
        return self.start < end and start < self.end


class PhraseIndex:
    """Finds any of many phrases in one regex pass."""

    def __init__(self, owned: Mapping[str, Iterable[str]]) -> None:
        owners: dict[str, list[str]] = {}
        spelled: dict[str, str] = {}
        for phrase, names in owned.items():
            key = phrase_key(phrase)
            spelled.setdefault(key, phrase)
            owners.setdefault(key, [])
            owners[key].extend(n for n in names if n not in owners[key])
        self._owners = {k: tuple(v) for k, v in owners.items()}
        self._spelled = spelled
        self.pattern = re.compile(phrase_pattern(spelled.values())) if spelled else None
        self._keys: dict[str, str] = {}  # spellings met so far, and their phrase

    def __bool__(self) -> bool:
        return self.pattern is not None

    def hits(self, low: str, start: int, end: int) -> list[Hit]:
        """Every phrase in ``low[start:end]``, leftmost-longest, without overlaps."""
        if self.pattern is None:
            return []
        found = []
        keys = self._keys
        for m in self.pattern.finditer(low, start, end):
            written = m.group()
            key = keys.get(written)
            if key is None:
                key = keys[written] = phrase_key(written)
            found.append(Hit(m.start(), m.end(), self._spelled[key], self._owners[key]))
        return found

    def search(self, low: str, start: int, end: int) -> bool:
        """Whether any phrase occurs in ``low[start:end]``."""
        return self.pattern is not None and self.pattern.search(low, start, end) is not None


def owned_by(pairs: Iterable[tuple[str, Iterable[str]]]) -> dict[str, list[str]]:
    """Phrase -> owners, from (owner, phrases) pairs."""
    table: dict[str, list[str]] = {}
    for owner, phrases in pairs:
        for phrase in phrases:
            table.setdefault(phrase, [])
            if owner not in table[phrase]:
                table[phrase].append(owner)
    return table
