"""Per-document state of binding: the sentence locator and cached phrase searches."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from crosscheck.extract.captions import file_captions
from crosscheck.extract.dateline import dateline
from crosscheck.extract.pairing import clauses
from crosscheck.extract.phrases import Hit, PhraseIndex
from crosscheck.text.segment import Sentence, SentenceLocator

MAX_CHAIN = 3  # sentences back that a subject stays in focus through its head nouns


class DocumentContext:
    """A text, its lower-cased copy, and what has been looked up in it so far."""

    def __init__(self, text: str, low: str, other_before: int | None = None) -> None:
        self.text = text
        self.low = low
        # Years before this one date other events than the article's (see ``roles``).
        self.other_before = other_before
        # The sentences where a figure next to a measure phrase was dated to an earlier
        # year, by year (see ``story_year``).
        self.earlier: dict[int, set[int]] = {}
        # What was found in a sentence (clauses, attribution frames, time words), by kind
        # and start.
        self.memo: dict[tuple[str, int], Any] = {}
        self.locator = SentenceLocator(text)
        self.dateline = dateline(text)  # "BANGKOK (AP) —" puts no subject in focus
        # Captions of file photos give another event's figures (``captions``).
        self.captions = file_captions(text) if "FILE" in text else []
        self._found: dict[tuple[int, int], bool] = {}
        self._hits: dict[tuple[int, int], list[Hit]] = {}
        # Every place where a ``when`` phrase may start, in order, if the survey of
        # the text found them (``None`` otherwise): the binder searches only there.
        self.when_starts: Sequence[int] | None = None

    def story_year(self) -> int | None:
        """The earlier year that is the article's own story, if its figures say so.

        A retrospective ("Seven years ago, in 2015, the blast killed 89 ... In September
        2015, 89 were killed") dates every figure it gives to one earlier year, and
        returns to it: when the figures next to measure phrases were all dated to one
        year, in two sentences or more, that year's event is the article's. A passing
        mention of another event ("In 2008, a quake killed 70,000") is named once.
        """
        if len(self.earlier) != 1:
            return None
        ((year, sentences),) = self.earlier.items()
        return year if len(sentences) >= 2 else None

    def in_caption(self, sentence: Sentence) -> bool:
        """Whether ``sentence`` is part of a file photo's caption."""
        return any(start <= sentence.start < end for start, end in self.captions)

    def has(self, index: PhraseIndex, sentence: Sentence) -> bool:
        """Whether any phrase of ``index`` occurs in ``sentence``, outside a dateline (cached)."""
        key = (id(index), sentence.start)
        if key not in self._found:
            start = sentence.start
            if start <= self.dateline[0] < sentence.end:
                start = self.dateline[1]
            self._found[key] = index.search(self.low, start, sentence.end)
        return self._found[key]

    def clauses(self, sentence: Sentence) -> list[tuple[int, int]]:
        """The clauses of ``sentence`` (``pairing.clauses``; cached: binding and provenance
        both ask)."""
        key = ("clauses", sentence.start)
        found: list[tuple[int, int]] | None = self.memo.get(key)
        if found is None:
            found = self.memo[key] = clauses(self.low, sentence.start, sentence.end)
        return found

    def hits(
        self, index: PhraseIndex, sentence: Sentence, starts: Sequence[int] | None = None
    ) -> list[Hit]:
        """Every phrase of ``index`` in ``sentence`` (cached).

        ``starts``, when given, holds every place where a phrase of ``index`` may start.
        """
        key = (id(index), sentence.start)
        found = self._hits.get(key)
        if found is None:
            if starts is None:
                found = index.hits(self.low, sentence.start, sentence.end)
            else:
                found = index.hits_at(self.low, starts, sentence.start, sentence.end)
            self._hits[key] = found
        return found

    def focus(
        self, phrases: PhraseIndex, heads: PhraseIndex, sentence: Sentence
    ) -> tuple[int, str] | None:
        """Whether a subject is in focus at ``sentence``: (strength, how) or ``None``.

        In focus when one of its phrases is in the sentence (strength 0) or in the
        previous one (1); or, up to ``MAX_CHAIN`` sentences back, when it was named
        and every sentence since, this one included, refers back to it by one of
        its head nouns ("soldiers", "troops") (2).
        """
        if self.has(phrases, sentence):
            return 0, "named in the sentence"
        previous = self.locator.before(sentence)
        if previous is not None and self.has(phrases, previous):
            return 1, "named in the previous sentence"
        if not heads or not self.has(heads, sentence):
            return None
        current = previous
        for back in range(2, MAX_CHAIN + 1):
            if current is None or not self.has(heads, current):
                return None
            current = self.locator.before(current)
            if current is not None and self.has(phrases, current):
                return 2, f"named {back} sentences back, referred to since by its head noun"
        return None
