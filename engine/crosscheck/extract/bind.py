"""Binding mentions to the measures of a rule set.

A number binds to a measure when (1) one of the measure's ``when`` phrases pairs
with it inside its clause (see ``pairing``; the longest phrase wins where phrases
overlap, so "killed or wounded" is a casualty phrase, not a death phrase); (2) its
dimension is the measure's (a length never binds to a count); (3) no ``unless``
phrase of the measure is in the sentence, except inside a phrase that another
number has taken ("1,100 killed and 300 wounded"); (4) the measure's subject is in
focus (``DocumentContext.focus``).

A number with no phrase in its clause may take the measure of the previous
sentence when its clause restates that sentence through a pronoun ("... sent its
contingent. This involves 11,000 soldiers."), provided that sentence names phrases
of exactly one measure of the number's dimension.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from crosscheck.dsl.ast import RuleSet
from crosscheck.extract.context import DocumentContext
from crosscheck.extract.pairing import MAX_GAP_WORDS, clauses, pair
from crosscheck.extract.patterns import phrase_pattern
from crosscheck.extract.phrases import Hit, PhraseIndex, owned_by
from crosscheck.extract.records import Mention
from crosscheck.text.phrases import normalize_phrase
from crosscheck.text.segment import Sentence
from crosscheck.units import dimension_of

# A clause that restates an earlier figure through a pronoun: "this involves",
# "they number", "puts its size at".
_RESTATEMENT = re.compile(
    r"(?<![a-z])(?:(?:this|these|that|those|they|it|which)[ \t]+(?:[a-z]+[ \t]+)?"
    r"(?:involves?|involved|includes?|included|comprises?|comprised|numbers?|numbered|"
    r"totals?|totall?ed|amounts?[ \t]+to|amounted[ \t]+to)"
    r"|(?:its|their)[ \t]+(?:size|number|numbers|strength|total|count|toll|tally))(?![a-z])"
)
_RESTATEMENT_REACH = 80  # characters before the number searched for the pronoun


class Binding(NamedTuple):
    """What binding decided for one mention."""

    mention: Mention
    measure: str | None
    hit: Hit | None
    reason: str
    steps: tuple[str, ...]


def head_nouns(phrases: Sequence[str]) -> list[str]:
    """The common nouns that end multi-word subject phrases ("troops" of "North Korean troops")."""
    heads = []
    for phrase in phrases:
        words = phrase.split()
        if len(words) > 1 and words[-1].islower() and words[-1] not in heads:
            heads.append(words[-1])
    return heads


def _qualifier(phrases: Sequence[str]) -> _Qualifier | None:
    """The modifiers of a subject's phrases ("North Korean" of "North Korean troops")."""
    modifiers = []
    for phrase in phrases:
        words = phrase.split()
        if len(words) > 1 and words[-1].islower():
            modifiers.append(" ".join(words[:-1]))
    return _Qualifier(modifiers) if modifiers else None


class _Qualifier:
    """Matches a subject phrase's modifier right before a measure phrase.

    "North Korean casualties" names the subject of "North Korean troops" as the
    modifier of the measure's own noun; so does "DPRK's losses" for "DPRK forces".
    """

    def __init__(self, modifiers: list[str]) -> None:
        self._pattern = re.compile(phrase_pattern(modifiers) + r"(?:['’‘]s)?[ \t]+\Z")
        # What a match ends with before its blanks: the last piece of a modifier, which
        # phrase_pattern keeps as written, or a possessive "s". A cheap test first.
        tails = [re.split(r"[ '-]", normalize_phrase(modifier))[-1] for modifier in modifiers]
        self._ends = (*tails, "s") if all(tails) else None

    def before(self, low: str, start: int) -> re.Match[str] | None:
        """The modifier right before ``start`` (within 40 characters), if any."""
        window = max(0, start - 40)
        if self._ends is not None and not low[window:start].rstrip(" \t").endswith(self._ends):
            return None
        return self._pattern.search(low, window, start)


class Binder:
    """The compiled phrase matchers of one rule set, and the binding decisions."""

    def __init__(self, ruleset: RuleSet) -> None:
        self.ruleset = ruleset
        measures = ruleset.measures
        self.when = PhraseIndex(owned_by((n, m.when) for n, m in measures.items()))
        self.unless = PhraseIndex(owned_by((n, m.unless) for n, m in measures.items()))
        self.subjects = {
            n: PhraseIndex(owned_by([(n, s.phrases)])) for n, s in ruleset.subjects.items()
        }
        self.heads = {
            n: PhraseIndex(owned_by([(n, head_nouns(s.phrases))]))
            for n, s in ruleset.subjects.items()
        }
        self.qualifiers = {n: _qualifier(s.phrases) for n, s in ruleset.subjects.items()}
        self.dimension = {n: dimension_of(ruleset.unit_of(n)) for n in measures}
        self.order = {n: i for i, n in enumerate(measures)}
        self.dimensions = set(self.dimension.values())
        self._owner_dimensions: dict[tuple[str, ...], frozenset[str]] = {}

    def bind(
        self,
        doc: DocumentContext,
        sentence: Sentence,
        mentions: Sequence[Mention],
        explain: bool = True,
    ) -> list[Binding]:
        """A binding for each mention of one sentence (mentions in text order).

        Without ``explain`` the measures are the same but reasons and steps are left
        short, for speed.
        """
        hits = doc.hits(self.when, sentence, doc.when_starts)
        if hits:
            hits = _outside(hits, [m for m in mentions if m.dimension in self.dimensions])
        if (
            not explain
            and not hits
            and not _RESTATEMENT.search(doc.low, sentence.start, sentence.end)
        ):
            return [Binding(m, None, None, "no measure phrase", ()) for m in mentions]
        spans = clauses(doc.low, sentence.start, sentence.end)
        links: dict[int, Hit] = {}
        grouped = _by_clause(spans, mentions, hits)
        dimensions = []
        for _, members, found in grouped:
            by_dimension = self._by_dimension(found, {mentions[i].dimension for i in members})
            dimensions.append(by_dimension)
            if found:
                links.update(self._link(doc.low, mentions, members, by_dimension))
        state = _SentenceState(doc, sentence, sorted(links.values(), key=lambda h: h.start))
        state.explain = explain
        results: list[Binding] = []
        for (span, members, found), by_dimension in zip(grouped, dimensions, strict=True):
            for i in members:
                if i in links:
                    results.append(self._decide(state, mentions[i], links[i]))
                else:
                    same = by_dimension[mentions[i].dimension]
                    results.append(self._unlinked(state, mentions[i], span, found, same))
        return results

    def _by_dimension(self, found: list[Hit], dimensions: set[str]) -> dict[str, list[Hit]]:
        if not found:
            return {d: [] for d in dimensions}
        owned = [(h, self._dimensions_of(h.owners)) for h in found]
        return {d: [h for h, of in owned if d in of] for d in dimensions}

    def _dimensions_of(self, owners: tuple[str, ...]) -> frozenset[str]:
        """The dimensions of the measures that own a phrase (cached: phrases are few)."""
        known = self._owner_dimensions.get(owners)
        if known is None:
            known = self._owner_dimensions[owners] = frozenset(self.dimension[m] for m in owners)
        return known

    def _link(
        self,
        low: str,
        mentions: Sequence[Mention],
        members: list[int],
        by_dimension: dict[str, list[Hit]],
    ) -> dict[int, Hit]:
        links: dict[int, Hit] = {}
        for dimension, phrases in by_dimension.items():
            if not phrases:
                continue
            numbers = [i for i in members if mentions[i].dimension == dimension]
            pairs = pair(
                low,
                [(mentions[i].start, mentions[i].end) for i in numbers],
                [(h.start, h.end) for h in phrases],
            )
            links.update({numbers[a]: phrases[b] for a, b in pairs.items()})
        return links

    def _decide(self, state: _SentenceState, mention: Mention, hit: Hit) -> Binding:
        candidates = [m for m in hit.owners if self.dimension[m] == mention.dimension]
        ranked = []
        if not state.explain:  # the same measure, without the story of the choice
            for measure in candidates:
                if not state.veto(self.unless, measure):
                    focus = self._focus(state.doc, measure, state.sentence, hit)
                    if focus is not None:
                        ranked.append((focus[0], self.order[measure], measure))
            chosen = min(ranked)[2] if ranked else None
            return Binding(mention, chosen, hit, "bound" if ranked else "not bound", ())
        steps = [
            f"paired with the phrase {hit.phrase!r} ({', '.join(hit.owners)})",
            f"dimension {mention.dimension}: may be {', '.join(candidates)}",
        ]
        for measure in candidates:
            veto = state.veto(self.unless, measure)
            focus = None if veto else self._focus(state.doc, measure, state.sentence, hit)
            if focus is not None:
                ranked.append((focus[0], self.order[measure], measure))
            steps.append(self._judged(measure, veto, focus))
        if not ranked:
            return Binding(mention, None, hit, steps[-1], tuple(steps))
        measure = min(ranked)[2]
        return Binding(mention, measure, hit, f"bound to {measure} by {hit.phrase!r}", tuple(steps))

    def _judged(self, measure: str, veto: Hit | None, focus: tuple[int, str] | None) -> str:
        if veto is not None:
            return f"{measure}: ruled out by unless-phrase {veto.phrase!r} in the sentence"
        if focus is None:
            return f"{measure}: subject {self.ruleset.measures[measure].subject} not in focus"
        return f"{measure}: subject {focus[1]}"

    def _focus(
        self, doc: DocumentContext, measure: str, sentence: Sentence, hit: Hit | None
    ) -> tuple[int, str] | None:
        subject = self.ruleset.measures[measure].subject
        if subject is None:
            return 3, "not required (the measure has none)"
        qualifier = self.qualifiers[subject]
        if hit is not None and qualifier is not None:
            found_before = qualifier.before(doc.low, hit.start)
            if found_before is not None:
                return 0, f"{subject} qualifies the phrase ({found_before.group().strip()!r})"
        found = doc.focus(self.subjects[subject], self.heads[subject], sentence)
        if found is None:
            return None
        return found[0], f"{subject} {found[1]}"

    def _unlinked(
        self,
        state: _SentenceState,
        mention: Mention,
        clause: tuple[int, int],
        found: list[Hit],
        same: list[Hit],
    ) -> Binding:
        if same:
            taken = next((h for h in same if h in state.linked_set), None)
            why = (
                f"the phrase {taken.phrase!r} belongs to a nearer number"
                if taken is not None
                else f"the phrase {same[0].phrase!r} is too far away (over {MAX_GAP_WORDS} words)"
            )
            return Binding(mention, None, None, why, (why,))
        window = max(clause[0], mention.start - _RESTATEMENT_REACH)
        restated = _RESTATEMENT.search(state.doc.low, window, mention.start)
        if restated is not None:
            carried = self._carry(state, mention, clause, restated.group())
            if carried is not None:
                return carried
        if found:
            other = found[0]
            dims = ", ".join(f"{m} is {self.dimension[m]}" for m in other.owners)
            why = (
                f"the phrase {other.phrase!r} measures another dimension "
                f"({dims}; this number is {mention.dimension})"
            )
            return Binding(mention, None, None, why, (why,))
        why = "no measure phrase in its clause"
        return Binding(mention, None, None, why, (why,))

    def _carry(
        self, state: _SentenceState, mention: Mention, clause: tuple[int, int], pronoun: str
    ) -> Binding | None:
        doc = state.doc
        in_sentence = doc.hits(self.when, state.sentence, doc.when_starts)
        earlier = [h for h in in_sentence if h.end <= clause[0]]
        sources = [("an earlier clause", state.sentence, earlier)]
        previous = doc.locator.before(state.sentence)
        if previous is not None:
            found = doc.hits(self.when, previous, doc.when_starts)
            sources.append(("the previous sentence", previous, found))
        for where, sentence, hits in sources:
            measures = {m for h in hits for m in h.owners if self.dimension[m] == mention.dimension}
            if not measures:
                continue
            if len(measures) > 1:
                return None
            measure = measures.pop()
            source = _SentenceState(doc, sentence, [])
            if source.veto(self.unless, measure) or state.veto(self.unless, measure):
                return None
            focus = self._focus(doc, measure, state.sentence, None)
            if focus is None:
                return None
            hit = next(h for h in hits if measure in h.owners)
            steps = (
                f"no measure phrase in its clause; {pronoun!r} refers back to {where}",
                f"{where} names only {measure} (by {hit.phrase!r})",
                f"{measure}: subject {focus[1]}",
            )
            why = f"bound to {measure} carried over from {where} ({hit.phrase!r})"
            return Binding(mention, measure, hit, why, steps)
        return None


class _SentenceState:
    """The phrases numbers of one sentence took, and the vetoes found so far."""

    def __init__(self, doc: DocumentContext, sentence: Sentence, linked: list[Hit]) -> None:
        self.doc = doc
        self.sentence = sentence
        self.linked = linked
        self.linked_set = set(linked)
        self._starts = [h.start for h in linked]
        self._vetoes: dict[str, Hit | None] = {}
        self.explain = True

    def veto(self, unless: PhraseIndex, measure: str) -> Hit | None:
        """The first unless-phrase of ``measure`` in the sentence not inside a taken phrase."""
        if measure in self._vetoes:
            return self._vetoes[measure]
        found = None
        for hit in self.doc.hits(unless, self.sentence):
            if measure in hit.owners and not self._taken(hit):
                found = hit
                break
        self._vetoes[measure] = found
        return found

    def _taken(self, hit: Hit) -> bool:
        k = bisect_right(self._starts, hit.start) - 1
        return any(
            0 <= j < len(self.linked) and self.linked[j].overlaps(hit.start, hit.end)
            for j in (k, k + 1)
        )


def _outside(hits: list[Hit], mentions: Sequence[Mention]) -> list[Hit]:
    """Hits that do not overlap a mention (both lists are in text order)."""
    kept, k = [], 0
    for hit in hits:
        while k < len(mentions) and mentions[k].end <= hit.start:
            k += 1
        if k < len(mentions) and mentions[k].overlaps(hit.start, hit.end):
            continue
        kept.append(hit)
    return kept


def _by_clause(
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
