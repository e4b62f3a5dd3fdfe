"""What binding knows about one sentence while it decides: phrases taken, vetoes, clauses."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from crosscheck.extract.context import DocumentContext
from crosscheck.extract.phrases import Hit, PhraseIndex
from crosscheck.extract.records import Mention
from crosscheck.text.segment import Sentence

# What ends a clause between two numbers: "1,000 were killed; this week 1,500 were injured".
_CLAUSE_BREAK = re.compile(r"[;:.!?]|(?<![a-z])(?:but|while|whereas|when|unlike|as)(?![a-z])")


class SentenceState:
    """The phrases numbers of one sentence took, and the vetoes found so far."""

    def __init__(
        self,
        doc: DocumentContext,
        sentence: Sentence,
        linked: list[Hit],
        mentions: Sequence[Mention] = (),
    ) -> None:
        self.doc = doc
        self.sentence = sentence
        self.linked = linked
        self.linked_set = set(linked)
        self._starts = [h.start for h in linked]
        self._mentions = mentions
        self.explain = True

    def veto(self, unless: PhraseIndex, measure: str, mention: Mention | None = None) -> Hit | None:
        """The first unless-phrase of ``measure`` in the sentence that rules ``mention`` out.

        A phrase inside a phrase another number took rules nothing out ("1,100 killed
        and 300 wounded"); nor does one with another number of the mention's dimension
        between it and the mention, which is that number's ("12,000 houses were
        destroyed and 30,000 damaged").
        """
        if measure not in unless.owners:
            return None  # most measures have no unless phrase: no search of the sentence
        for hit in self.doc.hits(unless, self.sentence):
            if measure in hit.owners and not self._taken(hit) and not self._nearer(hit, mention):
                return hit
        return None

    def _nearer(self, hit: Hit, mention: Mention | None) -> bool:
        """Whether another number of ``mention``'s dimension stands between it and ``hit``
        and owns the phrase: the number next to a phrase after them ("12,000 houses were
        destroyed and 30,000 damaged"); before them, only a number past a clause break, as
        a phrase that leads governs the conjuncts of its clause ("Last year, 1,000 were
        killed and 1,500 injured")."""
        if mention is None:
            return False
        low, high = sorted((hit.start, mention.start))
        between = [
            other
            for other in self._mentions
            if other.dimension == mention.dimension
            and low < other.start < high
            and other is not mention
        ]
        if not between or hit.start > mention.start:
            return bool(between)
        last = between[-1].end
        return _CLAUSE_BREAK.search(self.doc.low, last, mention.start) is not None

    def _taken(self, hit: Hit) -> bool:
        """Whether a phrase a number took overlaps ``hit`` and is not inside it: an unless
        phrase that holds the taken phrase ("damaged or destroyed" holding "destroyed") is
        the longer, more exact reading, and still rules out."""
        k = bisect_right(self._starts, hit.start) - 1
        return any(
            0 <= j < len(self.linked)
            and self.linked[j].overlaps(hit.start, hit.end)
            and not _inside(self.linked[j], hit)
            for j in (k, k + 1)
        )


def outside(hits: list[Hit], mentions: Sequence[Mention]) -> list[Hit]:
    """Hits that do not overlap a mention (both lists are in text order)."""
    kept, k = [], 0
    for hit in hits:
        while k < len(mentions) and mentions[k].end <= hit.start:
            k += 1
        if k < len(mentions) and mentions[k].overlaps(hit.start, hit.end):
            continue
        kept.append(hit)
    return kept


def by_clause(
    spans: list[tuple[int, int]], mentions: Sequence[Mention], hits: list[Hit]
) -> list[tuple[tuple[int, int], list[int], list[Hit]]]:
    """Each clause with the indices of its mentions and its hits (a merge, not a search)."""
    if len(spans) == 1:  # the whole sentence: everything in it
        return [(spans[0], list(range(len(mentions))), hits)]
    out = []
    i = j = 0
    for start, end in spans:
        members = []
        while i < len(mentions) and mentions[i].start < end:
            members.append(i)
            i += 1
        found = []
        while j < len(hits) and hits[j].start < end:
            found.append(hits[j])
            j += 1
        out.append(((start, end), members, found))
    return out


def _inside(inner: Hit, outer: Hit) -> bool:
    """Whether ``inner`` lies within ``outer`` and is shorter."""
    shorter = inner.end - inner.start < outer.end - outer.start
    return shorter and outer.start <= inner.start and inner.end <= outer.end
