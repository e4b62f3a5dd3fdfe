"""Compiled matchers for the phrases of a rule set (when, unless, subjects).

Each kind of phrase is one alternation, longest phrase first, compiled once per
``Extractor``; a match is mapped back to the measures or subjects that own it. A phrase
with the inflection marker (``"kill+"``) is matched in each of its forms
(``crosscheck.text.inflect``) and a match of any form is a hit of the phrase as written.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from crosscheck.extract.patterns import phrase_pattern
from crosscheck.text.inflect import expand
from crosscheck.text.phrases import phrase_key


class Hit(NamedTuple):
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
        spelled: dict[str, str] = {}  # the key of each form -> the phrase as written
        forms: dict[str, str] = {}  # the key of each form -> the form
        for phrase, names in owned.items():
            for form in expand(phrase):
                key = phrase_key(form)
                spelled.setdefault(key, phrase)
                forms.setdefault(key, form)
                owners.setdefault(key, [])
                owners[key].extend(n for n in names if n not in owners[key])
        self._owners = {k: tuple(v) for k, v in owners.items()}
        self.owners = frozenset(name for names in owners.values() for name in names)
        self._spelled = spelled
        self.pattern = re.compile(phrase_pattern(forms.values())) if forms else None
        self._keys: dict[str, str] = {}  # spellings met so far, and their phrase

    def __bool__(self) -> bool:
        return self.pattern is not None

    def hits(self, low: str, start: int, end: int) -> list[Hit]:
        """Every phrase in ``low[start:end]``, leftmost-longest, without overlaps."""
        if self.pattern is None:
            return []
        return [self._hit(m) for m in self.pattern.finditer(low, start, end)]

    def hits_at(self, low: str, starts: Sequence[int], start: int, end: int) -> list[Hit]:
        """``hits``, given every place where a phrase may start (in order; a superset)."""
        if self.pattern is None:
            return []
        found = []
        match = self.pattern.match
        after = start  # like a scan, never a phrase inside the one before
        for pos in starts[bisect_left(starts, start) : bisect_left(starts, end)]:
            if pos >= after:
                m = match(low, pos, end)
                if m is not None:
                    found.append(self._hit(m))
                    after = m.end()
        return found

    def _hit(self, m: re.Match[str]) -> Hit:
        written = m.group()
        key = self._keys.get(written)
        if key is None:
            key = self._keys[written] = phrase_key(written)
        return Hit(m.start(), m.end(), self._spelled[key], self._owners[key])

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
