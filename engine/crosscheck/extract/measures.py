"""What binding knows of each measure of a rule set: phrases, dimension, subject, focus."""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosscheck.dsl.ast import RuleSet
from crosscheck.extract.context import DocumentContext
from crosscheck.extract.patterns import phrase_pattern
from crosscheck.extract.phrases import Hit, PhraseIndex, owned_by
from crosscheck.extract.plain_numbers import NUMBER_DIMENSION, as_plain_numbers
from crosscheck.extract.records import Mention
from crosscheck.extract.roles import Role, counts_people, is_thing
from crosscheck.text.inflect import expand
from crosscheck.text.phrases import normalize_phrase
from crosscheck.text.segment import Sentence
from crosscheck.units import dimension_of


def _words_of(*phrase_lists: Sequence[str]) -> frozenset[str]:
    """Every word of the phrases (of each form of a marked one), lower-cased: what a
    counted noun may match."""
    forms = (form for phrases in phrase_lists for p in phrases for form in expand(p))
    return frozenset(w for form in forms for w in form.lower().split())


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


class MeasureTable:
    """The compiled phrase matchers of one rule set and what each measure counts."""

    def __init__(self, ruleset: RuleSet) -> None:
        self.ruleset = ruleset
        measures = ruleset.measures
        self.when = PhraseIndex(owned_by((n, ruleset.when_of(n)) for n in measures))
        self.unless = PhraseIndex(owned_by((n, ruleset.unless_of(n)) for n in measures))
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
        self.phrase_words = {
            n: _words_of(ruleset.when_of(n), self._subject_phrases(m.subject))
            for n, m in measures.items()
        }
        self.all_phrase_words = frozenset(w for words in self.phrase_words.values() for w in words)
        self.people = {n: counts_people(tuple(self.phrase_words[n])) for n in measures}
        self.cumulative = frozenset(n for n, m in measures.items() if m.cumulative)
        self.dimensions = set(self.dimension.values())
        self.has_numbers = NUMBER_DIMENSION in self.dimensions  # a measure of kind `number`
        self._owner_dimensions: dict[tuple[str, ...], frozenset[str]] = {}

    def plain_numbers(
        self, low: str, mentions: Sequence[Mention], hits: list[Hit]
    ) -> list[Mention]:
        """The mentions, those right next to a phrase of a `number` measure made plain
        numbers (see ``plain_numbers``): such a number is never a count."""
        phrases = [h for h in hits if NUMBER_DIMENSION in self._dimensions_of(h.owners)]
        return as_plain_numbers(low, mentions, phrases) if phrases else list(mentions)

    def _may_count(self, role: Role, owners: tuple[str, ...]) -> bool:
        """Whether a number with ``role`` may bind to some measure of ``owners``.

        A number that counts things ("300 houses") binds to no measure of people, nor
        does a number written with a fraction ("a 6.5 magnitude earthquake").
        """
        people = self.people
        if role.fractional:
            owners = tuple(m for m in owners if not people[m])
        counts = role.counts
        if not is_thing(counts):
            return bool(owners)
        return any(not people[m] or counts in self.phrase_words[m] for m in owners)

    def _subject_phrases(self, subject: str | None) -> tuple[str, ...]:
        return self.ruleset.subjects[subject].phrases if subject is not None else ()

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
