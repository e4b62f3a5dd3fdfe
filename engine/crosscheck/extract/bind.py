"""Binding mentions to the measures of a rule set, by the structure of their sentence.

First each number gets its role (``roles``): a total after "of the", a place after
"from", a part after "including", a figure of an earlier event, or an amount open to
binding, with the noun it counts. Then a number open to binding binds to a measure
when (1) one of the measure's ``when`` phrases pairs with it inside its clause (see
``pairing``; the longest phrase wins where phrases overlap, so "killed or wounded" is a
casualty phrase), or it is the value a linking verb gives its clause's subject ("the
number of people killed ... has risen to 174", see ``links``); (2) its dimension is the
measure's, and a number counting things never binds to a measure of people; (3) no
``unless`` phrase of the measure rules it out: one in the sentence does, except inside a
phrase another number has taken ("1,100 killed and 300 wounded") or beyond another
number ("12,000 destroyed and 30,000 damaged"); a number ruled out for the measures of
its phrase stays open to a free phrase on its other side; (4) the measure's subject is
in focus (``DocumentContext.focus``). A number with no phrase takes the measure of the
figure before it when it restates it in parentheses or shares its verb ("237 in
Pakistan and 74 in Afghanistan").

A number with no phrase in its clause may take the measure of the previous
sentence when its clause restates that sentence through a pronoun ("... sent its
contingent. This involves 11,000 soldiers."), provided that sentence names phrases
of exactly one measure of the number's dimension.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from crosscheck.extract.change_to import with_change_targets
from crosscheck.extract.context import DocumentContext
from crosscheck.extract.links import (
    acts_on,
    counts_phrase,
    event_links,
    gapped,
    nominal,
    opens_breakdown,
    predicate_phrase,
    restated,
    subject_phrase,
)
from crosscheck.extract.measures import MeasureTable
from crosscheck.extract.pairing import MAX_GAP_WORDS, gap_words, pair
from crosscheck.extract.parts import Nouns, settle
from crosscheck.extract.phrases import Hit
from crosscheck.extract.place_lists import listed_place, with_first_place
from crosscheck.extract.plain_numbers import on_scales
from crosscheck.extract.records import Mention
from crosscheck.extract.roles import FREE, Role, RoleKind, without_groups
from crosscheck.extract.sentence_roles import sentence_roles
from crosscheck.extract.sentence_state import SentenceState, by_clause, outside
from crosscheck.extract.unbound import RESTATEMENT, restating
from crosscheck.text.segment import Sentence

_RESTATEMENT_REACH = 80  # characters before the number searched for the pronoun


class Binding(NamedTuple):
    """What binding decided for one mention."""

    mention: Mention
    measure: str | None
    hit: Hit | None
    reason: str
    steps: tuple[str, ...]
    part: str | None = None  # the part of the event a bound figure counts (``parts``)
    place: str | None = None  # the one place named for it, a part if the corpus says so


_CAPTION = Role(RoleKind.OTHER_EVENT, None, "a file photo's caption: another event's figure")


def _ruled_out(mention: Mention, role: Role) -> Binding:
    why = f"not bound: {role.why}"
    return Binding(mention, None, None, why, (f"role in its sentence: {role.kind.value}", why))


class Binder(MeasureTable):
    """The binding decisions of one sentence, over a rule set's compiled measures."""

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
        if doc.captions and doc.in_caption(sentence):
            return [_ruled_out(m, _CAPTION) for m in mentions]
        hits = doc.hits(self.when, sentence, doc.when_starts)
        mentions = on_scales(doc.low, (sentence.start, sentence.end), mentions, hits)
        if hits and self.has_numbers:
            mentions = self.plain_numbers(doc.low, mentions, hits)
        if hits:
            counts = [m for m in mentions if m.dimension in self.dimensions]
            hits = without_groups(doc.low, outside(hits, counts), counts)
        if (
            not explain
            and not hits
            and not RESTATEMENT.search(doc.low, sentence.start, sentence.end)
        ):
            return [Binding(m, None, None, "no measure phrase", ()) for m in mentions]
        spans = doc.clauses(sentence)
        grouped = by_clause(spans, mentions, hits)
        roles = sentence_roles(doc, sentence, grouped, mentions, self.all_phrase_words)
        if hits:
            for role in roles:
                if role.year is not None:
                    doc.earlier.setdefault(role.year, set()).add(sentence.start)
        links = self._subject_links(doc, sentence, mentions, roles, hits)
        counted = event_links(
            doc.low,
            mentions,
            [role.counts if role.bindable else None for role in roles],
            hits,
            lambda i, hit: (
                mentions[i].dimension in self._dimensions_of(hit.owners)
                and self._may_count(roles[i], hit.owners)
            ),
            links,
        )
        taken = counted | set(links.values())
        dimensions = []
        for _, members, found in grouped:
            members = [i for i in members if roles[i].bindable and i not in links]
            found = [h for h in found if h not in taken]
            by_dimension = self._by_dimension(found, {mentions[i].dimension for i in members})
            dimensions.append(by_dimension)
            if found:
                links.update(self._link(doc.low, mentions, members, by_dimension, roles))
        ordered = sorted(links.values(), key=lambda h: h.start)
        state = SentenceState(doc, sentence, ordered, mentions)
        state.explain = explain
        results: list[Binding] = []
        for (span, members, found), by_dimension in zip(grouped, dimensions, strict=True):
            for i in members:
                if not roles[i].bindable:
                    results.append(_ruled_out(mentions[i], roles[i]))
                elif i in links:
                    results.append(self._decide(state, mentions[i], links[i], roles[i]))
                else:
                    same = by_dimension.get(mentions[i].dimension, [])
                    carried = self._joined(state, mentions, results, i, roles[i])
                    results.append(
                        carried or self._unlinked(state, mentions[i], span, found, same, roles[i])
                    )
        with_change_targets(doc.low, (sentence.start, sentence.end), results)
        groups = {m.start: role.counts for m, role in zip(mentions, roles, strict=True)}
        asides = frozenset(
            m.start for m, r in zip(mentions, roles, strict=True) if r.kind is RoleKind.PART
        )
        nouns = Nouns(groups, self.phrase_words, self.people, asides, self.cumulative)
        return settle(doc.text, doc.low, (sentence.start, sentence.end), results, nouns)

    def _subject_links(
        self,
        doc: DocumentContext,
        sentence: Sentence,
        mentions: Sequence[Mention],
        roles: list[Role],
        hits: list[Hit],
    ) -> dict[int, Hit]:
        """Numbers after a linking verb, linked to their clause's subject phrase."""
        links: dict[int, Hit] = {}
        of_dimension: dict[str, list[Hit]] = {}
        for i, mention in enumerate(mentions):
            if not roles[i].bindable or mention.dimension not in self.dimensions:
                continue
            same = of_dimension.get(mention.dimension)
            if same is None:
                same = of_dimension[mention.dimension] = [
                    h for h in hits if mention.dimension in self._dimensions_of(h.owners)
                ]
            if not same or self._phrase_right_after(doc.low, mention, same):
                continue
            free = [
                m.start
                for k, m in enumerate(mentions)
                if k != i and roles[k].bindable and m.dimension == mention.dimension
            ]
            hit = subject_phrase(doc.low, sentence.start, mention, same, free)
            taken = hit is None or hit in links.values()
            if hit is not None and not taken and self._may_count(roles[i], hit.owners):
                links[i] = hit
        return links

    def _phrase_right_after(self, low: str, mention: Mention, hits: list[Hit]) -> bool:
        """Whether a phrase follows the number closely ("rose to 174 deaths")."""
        return any(
            hit.start >= mention.end and len(low[mention.end : hit.start].split()) <= 2
            for hit in hits
        )

    def _joined(
        self,
        state: SentenceState,
        mentions: Sequence[Mention],
        results: list[Binding],
        i: int,
        role: Role = FREE,
    ) -> Binding | None:
        """The measure of the number before, for a gapped or restated figure."""
        earlier = next((b for b in reversed(results) if b.measure is not None), None)
        if earlier is None or earlier.mention.dimension != mentions[i].dimension:
            return None
        doc, mention = state.doc, mentions[i]
        if restated(doc.low, mention, earlier.mention):
            how = "restates the figure before it, in parentheses"
        elif gapped(doc.low, doc.text, mention, earlier.mention, role.counts):
            how = "shares the verb of the figure before it (a gapped conjunct)"
        elif opens_breakdown(doc.low, doc.text, mention, earlier.mention):
            how = "opens a breakdown by place of the figure before it, after a colon"
        elif (place := listed_place(doc.text, mention, earlier.mention)) is not None:
            with_first_place(doc.text, results, earlier, state.sentence.start)
            how = f"the next item of a list by place after the figure before it ({place})"
            why = f"bound to {earlier.measure}: {how}"
            part = f"counts a part of the event: {place}"
            return Binding(mention, earlier.measure, earlier.hit, why, (why, part), part=place)
        else:
            return None
        why = f"bound to {earlier.measure}: {how}"
        return Binding(mention, earlier.measure, earlier.hit, why, (why,))

    def _link(
        self,
        low: str,
        mentions: Sequence[Mention],
        members: list[int],
        by_dimension: dict[str, list[Hit]],
        roles: list[Role],
    ) -> dict[int, Hit]:
        links: dict[int, Hit] = {}
        for dimension, phrases in by_dimension.items():
            if not phrases:
                continue
            numbers = [i for i in members if mentions[i].dimension == dimension]

            def allowed(
                a: int, b: int, numbers: list[int] = numbers, phrases: list[Hit] = phrases
            ) -> bool:
                mention, hit = mentions[numbers[a]], phrases[b]
                if nominal(low, hit) and not counts_phrase(low, mention, hit):
                    return False  # "Militants kill 59": 59 counts no militants
                if acts_on(low, mention, hit):
                    return False
                return self._may_count(roles[numbers[a]], hit.owners)

            pairs = pair(
                low,
                [(mentions[i].start, mentions[i].end) for i in numbers],
                [(h.start, h.end) for h in phrases],
                allowed,
            )
            links.update({numbers[a]: phrases[b] for a, b in pairs.items()})
        return links

    def _decide(self, state: SentenceState, mention: Mention, hit: Hit, role: Role) -> Binding:
        """The measure ``mention`` takes through ``hit``; if every measure of that phrase is
        ruled out, through another free phrase next to it ("autopsied 225 bodies")."""
        binding = self._decide_by(state, mention, hit, role)
        if binding.measure is not None:
            return binding
        for other in self._alternatives(state, mention, hit):
            alternative = self._decide_by(state, mention, other, role)
            if alternative.measure is not None:
                return alternative._replace(steps=binding.steps + alternative.steps)
        return binding

    def _alternatives(self, state: SentenceState, mention: Mention, hit: Hit) -> list[Hit]:
        """Free phrases of the mention's dimension close to it, nearest first."""
        doc = state.doc
        found = []
        for other in doc.hits(self.when, state.sentence, doc.when_starts):
            if (
                other == hit
                or other in state.linked_set
                or mention.overlaps(other.start, other.end)
            ):
                continue
            if mention.dimension not in self._dimensions_of(other.owners):
                continue
            left, right = sorted([(mention.start, mention.end), (other.start, other.end)])
            if gap_words(doc.low, left[1], right[0]) is not None:
                found.append((right[0] - left[1], other))
        return [other for _, other in sorted(found, key=lambda pair: pair[0])]

    def _decide_by(self, state: SentenceState, mention: Mention, hit: Hit, role: Role) -> Binding:
        candidates = [
            m
            for m in hit.owners
            if self.dimension[m] == mention.dimension and self._may_count(role, (m,))
        ]
        ranked = []
        if not state.explain:  # the same measure, without the story of the choice
            for measure in candidates:
                if not state.veto(self.unless, measure, mention):
                    focus = self._focus(state.doc, measure, state.sentence, hit)
                    if focus is not None:
                        ranked.append((focus[0], self.order[measure], measure))
            chosen = min(ranked)[2] if ranked else None
            return Binding(mention, chosen, hit, "bound" if ranked else "not bound", ())
        steps = [
            f"paired with the phrase {hit.phrase!r} ({', '.join(hit.owners)})",
            f"dimension {mention.dimension}: may be {', '.join(candidates) or 'none'}",
        ]
        if role.counts is not None:
            steps.append(f"counts {role.counts!r}")
        for measure in candidates:
            veto = state.veto(self.unless, measure, mention)
            focus = None if veto else self._focus(state.doc, measure, state.sentence, hit)
            if focus is not None:
                ranked.append((focus[0], self.order[measure], measure))
            steps.append(self._judged(measure, veto, focus))
        if not ranked:
            return Binding(mention, None, hit, steps[-1], tuple(steps))
        measure = min(ranked)[2]
        return Binding(mention, measure, hit, f"bound to {measure} by {hit.phrase!r}", tuple(steps))

    def _unlinked(
        self,
        state: SentenceState,
        mention: Mention,
        clause: tuple[int, int],
        found: list[Hit],
        same: list[Hit],
        role: Role = FREE,
    ) -> Binding:
        if same:
            far = predicate_phrase(state.doc.low, clause[0], mention, same)
            if far is not None and far not in state.linked_set:
                return self._decide(state, mention, far, role)
            taken = next((h for h in same if h in state.linked_set), None)
            why = (
                f"the phrase {taken.phrase!r} belongs to a nearer number"
                if taken is not None
                else f"the phrase {same[0].phrase!r} is too far away (over {MAX_GAP_WORDS} words)"
            )
            return Binding(mention, None, None, why, (why,))
        window = max(clause[0], mention.start - _RESTATEMENT_REACH)
        restated = restating(state.doc.low, window, mention.start, mention.end)
        if restated is not None:
            carried = self._carry(state, mention, clause, restated)
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
        self, state: SentenceState, mention: Mention, clause: tuple[int, int], pronoun: str
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
            source = SentenceState(doc, sentence, [])
            if source.veto(self.unless, measure) or state.veto(self.unless, measure, mention):
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
