"""From a document's text to claims: find numbers, read them, bind them to measures."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from operator import itemgetter
from typing import Any

from crosscheck.dsl.ast import RuleSet
from crosscheck.extract.active import Survey
from crosscheck.extract.bind import Binder, Binding
from crosscheck.extract.context import DocumentContext
from crosscheck.extract.glued import glued_starts, merged
from crosscheck.extract.mention import NumberReader
from crosscheck.extract.patterns import lowered
from crosscheck.extract.provenance import Found, Provenance
from crosscheck.extract.records import Decision, Mention, NotQuantity
from crosscheck.extract.settings import reading_settings
from crosscheck.extract.unbound import bindable_positions
from crosscheck.hedges import ReadingSettings
from crosscheck.model import Claim, Document
from crosscheck.text.segment import Sentence
from crosscheck.text.written import Positions, positions
from crosscheck.units import conversion_factor

Item = Mention | NotQuantity
Located = tuple[Mention, Sentence] | tuple[NotQuantity, None]


class Extractor:
    """Everything compiled once for one rule set; then ``claims(document)`` per document."""

    def __init__(self, ruleset: RuleSet, settings: ReadingSettings | None = None) -> None:
        self.ruleset = ruleset
        self.settings = settings or reading_settings(ruleset)
        self.reader = NumberReader(self.settings)
        self.binder = Binder(ruleset)
        self._units = {name: ruleset.unit_of(name) for name in ruleset.measures}
        self._survey = Survey(ruleset, self.reader.words)
        self.provenance = Provenance({n: o.phrases for n, o in ruleset.origins.items()})

    def claims(self, document: Document) -> list[Claim]:
        """The claims the rule set's measures find in ``document``, in text order.

        The same claims as ``decisions`` gives, found faster: numbers are read only on
        lines near a measure phrase or a restating pronoun (see ``active``), and not from
        a sentence to its line's end where none stands (see ``unbound``).
        """
        context = _context(document)
        found = self._claims(document, context)
        story = context.story_year() if not found else None
        if story is not None:  # a retrospective: its earlier year is its own story's
            found = self._claims(document, _context(document, story))
        return found

    def _claims(self, document: Document, context: DocumentContext) -> list[Claim]:
        """The claims of ``document`` read with ``context``'s idea of other events."""
        surveyed = self._survey.survey(context.text, context.low)
        if not surveyed.runs:
            return []
        context.when_starts = surveyed.phrase_starts
        runs = _with_glued(surveyed.runs, context.low)
        when = self.binder.when
        items = (
            item
            for start, end, positions in runs
            for item in self.reader.read_each(
                context.text, context.low, bindable_positions(context, when, positions), start, end
            )
        )
        found: list[tuple[int, Claim]] = []
        lines: list[Positions] = []
        for group in self._groups(context, items):
            if isinstance(group, NotQuantity):
                continue
            sentence, mentions = group
            for binding in self.binder.bind(context, sentence, mentions, explain=False):
                if binding.measure is not None:
                    mention = binding.mention
                    line_index = _line_index(lines, document)
                    found_at = self.provenance.of(context, sentence, mention.start, document.date)
                    claim = self._claim(document, binding, sentence, line_index, found_at)
                    found.append((mention.start, claim))
        found.sort(key=itemgetter(0))
        return [claim for _, claim in found]

    def mentions(self, document: Document) -> list[Mention]:
        """Every amount in ``document`` (years, dates and names left out), in text order."""
        context = _context(document)
        items = self.reader.scan(context.text, context.low)
        return [item for item, _ in self._located(context, items) if isinstance(item, Mention)]

    def decisions(self, document: Document) -> list[Decision]:
        """For every number in ``document``: whether it became a claim, and why."""
        context = _context(document)
        out = self._decisions(document, context)
        story = context.story_year()
        if story is not None and not any(d.claim is not None for d in out):
            why = f"its article is a retrospective: every figure it gives is of {story}"
            out = [
                replace(d, steps=(*d.steps, why)) if d.bound else d
                for d in self._decisions(document, _context(document, story))
            ]
        return out

    def _decisions(self, document: Document, context: DocumentContext) -> list[Decision]:
        """Every number's decision, read with ``context``'s idea of other events."""
        items = self.reader.scan(context.text, context.low)
        lines: list[Positions] = []
        out: list[Decision] = []
        for group in self._groups(context, items):
            if isinstance(group, NotQuantity):
                reason = f"not a quantity: {group.reason}"
                out.append(Decision(group.start, group.end, group.text, reason))
                continue
            sentence, mentions = group
            for binding in self.binder.bind(context, sentence, mentions):
                out.append(self._decision(document, context, binding, sentence, lines))
        out.sort(key=lambda d: d.start)  # non-quantities were placed before their sentence
        return out

    def _groups(
        self, context: DocumentContext, items: Iterable[Item]
    ) -> Iterator[NotQuantity | tuple[Sentence, list[Mention]]]:
        """Non-quantities, and the mentions of each sentence together, in text order."""
        group: list[Mention] = []
        current: Sentence | None = None
        for item, sentence in self._located(context, items):
            if isinstance(item, NotQuantity):
                yield item
                continue
            assert sentence is not None
            # The locator gives one object per sentence: identity is equality, cheaper.
            if current is not None and sentence is not current:
                yield current, group
                group = []
            current = sentence
            group.append(item)
        if current is not None:
            yield current, group

    def explain(self, document: Document, offset: int) -> Decision | None:
        """The decision about the number that covers character ``offset``, if any."""
        for decision in self.decisions(document):
            if decision.start <= offset < decision.end:
                return decision
        return None

    def _located(self, context: DocumentContext, items: Iterable[Item]) -> Iterator[Located]:
        """Each item with the sentence of a mention (``None`` for a non-quantity)."""
        text, low, at = context.text, context.low, context.locator.at
        for item in items:
            if isinstance(item, NotQuantity):
                yield item, None
                continue
            sentence = at(item.anchor)
            if sentence.start <= item.start and item.end <= sentence.end:  # contains it
                yield item, sentence
                continue
            # The reading ran past its sentence: read again inside the sentence only.
            lo, hi = max(sentence.start, item.start), min(sentence.end, item.end)
            for sub in self.reader.scan(text, low, lo, hi):
                if isinstance(sub, NotQuantity):
                    yield sub, None
                else:
                    yield sub, sentence

    def _decision(
        self,
        document: Document,
        context: DocumentContext,
        binding: Binding,
        sentence: Sentence,
        lines: list[Positions],
    ) -> Decision:
        mention = binding.mention
        claim = None
        steps = binding.steps
        if binding.measure is not None:
            line_index = _line_index(lines, document)
            found = self.provenance.of(context, sentence, mention.start, document.date)
            claim = self._claim(document, binding, sentence, line_index, found)
            steps = (*steps, *found.steps)
        hit = binding.hit
        return Decision(
            mention.start,
            mention.end,
            mention.stated,
            binding.reason,
            mention,
            claim,
            binding.measure,
            hit.phrase if hit else None,
            hit.start if hit else None,
            sentence,
            steps,
        )

    def _claim(
        self,
        document: Document,
        binding: Binding,
        sentence: Sentence,
        lines: Positions,
        found: Found,
    ) -> Claim:
        measure, mention = binding.measure, binding.mention
        assert measure is not None, "only a bound mention makes a claim"
        unit = self._units[measure]
        factor = conversion_factor(mention.unit, unit)
        interval = mention.interval if factor == 1 else mention.interval.scale(factor)
        line, column = lines.position(mention.start)
        # Every field is built here with its exact type, so pydantic's validation
        # (a large share of the time per claim) is skipped.
        return _trusted_claim(
            {
                "measure": measure,
                "subject": self.ruleset.measures[measure].subject,
                "interval": interval,
                "unit": unit,
                "stated": mention.stated,
                "hedge": mention.hedge,
                "document": document.path,
                "source": document.source,
                "date": document.date,
                "start": mention.start,
                "end": mention.end,
                "line": line,
                "column": column,
                "sentence": sentence.text,
                "url": document.url,
                "origin": found.origin,
                "attribution": found.attribution,
                "as_of": found.as_of,
                "part": binding.part,
                "place": binding.place,
                "file": document.file,
            }
        )


def _with_glued(
    runs: Sequence[tuple[int, int, Sequence[int]]], low: str
) -> Sequence[tuple[int, int, Iterable[int]]]:
    """The survey's runs with the numbers glued to a word ("while180") among their
    candidates (the survey, like a code such as "A380", starts none after a letter)."""
    glued = glued_starts(low)
    if not glued:
        return runs
    return [(s, e, list(merged(p, (g for g in glued if s <= g < e)))) for s, e, p in runs]


def _context(document: Document, story: int | None = None) -> DocumentContext:
    """The binding state of a document; years before ``story`` (the article's own event's
    year, by default the year before its date) are history."""
    other_before = story or (document.date.year - 1 if document.date is not None else None)
    return DocumentContext(document.text, lowered(document.text), other_before)


def _line_index(made: list[Positions], document: Document) -> Positions:
    """The document's line index, made on first use (most documents have no claim)."""
    if not made:
        made.append(positions(document))
    return made[0]


_CLAIM_FIELDS = frozenset(Claim.model_fields)
_SIMPLE_CLAIM = (
    not Claim.__pydantic_root_model__
    and Claim.__pydantic_post_init__ is None
    and Claim.model_config.get("extra") != "allow"
    and all(f.alias is None and f.validation_alias is None for f in Claim.model_fields.values())
)


def _trusted_claim(fields: dict[str, Any]) -> Claim:
    """A claim from every one of its fields, exactly as ``Claim.model_construct`` makes it."""
    if not _SIMPLE_CLAIM:  # pragma: no cover - only if the Claim model grows aliases or hooks
        return Claim.model_construct(**fields)
    # model_construct walks every field and its aliases per call; with all fields
    # given and none aliased, its result is these four attributes.
    claim = Claim.__new__(Claim)
    object.__setattr__(claim, "__dict__", fields)
    object.__setattr__(claim, "__pydantic_fields_set__", set(_CLAIM_FIELDS))
    object.__setattr__(claim, "__pydantic_extra__", None)
    object.__setattr__(claim, "__pydantic_private__", None)
    return claim
