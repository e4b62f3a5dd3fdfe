"""From a document's text to claims: find numbers, read them, bind them to measures."""

from __future__ import annotations

from collections.abc import Iterator

from crosscheck.corpus.segment import LineIndex, Sentence
from crosscheck.dsl.ast import RuleSet
from crosscheck.extract.bind import Binder, Binding
from crosscheck.extract.context import DocumentContext
from crosscheck.extract.mention import NumberReader
from crosscheck.extract.patterns import lowered
from crosscheck.extract.records import Decision, Mention, NotQuantity
from crosscheck.hedges import ReadingSettings
from crosscheck.model import Claim, Document
from crosscheck.units import conversion_factor

Located = tuple[Mention, Sentence] | tuple[NotQuantity, None]


class Extractor:
    """Everything compiled once for one rule set; then ``claims(document)`` per document."""

    def __init__(self, ruleset: RuleSet, settings: ReadingSettings | None = None) -> None:
        self.ruleset = ruleset
        self.settings = settings or ReadingSettings.with_overrides(ruleset.hedges, ruleset.vague)
        self.reader = NumberReader(self.settings)
        self.binder = Binder(ruleset)
        self._units = {name: ruleset.unit_of(name) for name in ruleset.measures}

    def claims(self, document: Document) -> list[Claim]:
        """The claims the rule set's measures find in ``document``, in text order."""
        return [d.claim for d in self.decisions(document) if d.claim is not None]

    def mentions(self, document: Document) -> list[Mention]:
        """Every amount in ``document`` (years, dates and names left out), in text order."""
        context = DocumentContext(document.text, lowered(document.text))
        return [item for item, _ in self._located(context) if isinstance(item, Mention)]

    def decisions(self, document: Document) -> list[Decision]:
        """For every number in ``document``: whether it became a claim, and why."""
        context = DocumentContext(document.text, lowered(document.text))
        lines: list[LineIndex] = []
        out: list[Decision] = []
        for group in self._grouped(context):
            first = group[0]
            if first[1] is None:
                nq = first[0]
                out.append(Decision(nq.start, nq.end, nq.text, f"not a quantity: {nq.reason}"))
                continue
            sentence = first[1]
            mentions = [item for item, _ in group if isinstance(item, Mention)]
            for binding in self.binder.bind(context, sentence, mentions):
                out.append(self._decision(document, binding, sentence, lines))
        return out

    def explain(self, document: Document, offset: int) -> Decision | None:
        """The decision about the number that covers character ``offset``, if any."""
        for decision in self.decisions(document):
            if decision.start <= offset < decision.end:
                return decision
        return None

    def _located(self, context: DocumentContext) -> Iterator[Located]:
        text, low = context.text, context.low
        for item in self.reader.scan(text, low):
            if isinstance(item, NotQuantity):
                yield item, None
                continue
            sentence = context.locator.at(item.anchor)
            if sentence.contains(item.start, item.end):
                yield item, sentence
                continue
            # The reading ran past its sentence: read again inside the sentence only.
            lo, hi = max(sentence.start, item.start), min(sentence.end, item.end)
            for sub in self.reader.scan(text, low, lo, hi):
                if isinstance(sub, NotQuantity):
                    yield sub, None
                else:
                    yield sub, sentence

    def _grouped(self, context: DocumentContext) -> Iterator[list[Located]]:
        """Consecutive mentions of one sentence together; each non-quantity alone."""
        group: list[Located] = []
        for located in self._located(context):
            if located[1] is None or (group and group[0][1] != located[1]):
                if group:
                    yield group
                group = []
            if located[1] is None:
                yield [located]
            else:
                group.append(located)
        if group:
            yield group

    def _decision(
        self, document: Document, binding: Binding, sentence: Sentence, lines: list[LineIndex]
    ) -> Decision:
        mention = binding.mention
        claim = None
        if binding.measure is not None:
            if not lines:
                lines.append(LineIndex(document.text, document.line_offset))
            claim = self._claim(document, binding.measure, mention, sentence, lines[0])
        hit = binding.hit
        return Decision(
            mention.start, mention.end, mention.stated, binding.reason, mention, claim,
            binding.measure, hit.phrase if hit else None, hit.start if hit else None,
            sentence, binding.steps,
        )

    def _claim(
        self, document: Document, measure: str, mention: Mention, sentence: Sentence,
        lines: LineIndex,
    ) -> Claim:
        unit = self._units[measure]
        factor = conversion_factor(mention.unit, unit)
        interval = mention.interval if factor == 1 else mention.interval.scale(factor)
        line, column = lines.position(mention.start)
        # Every field is built here with its exact type, so pydantic's validation
        # (a large share of the time per claim) is skipped.
        return Claim.model_construct(
            measure=measure,
            subject=self.ruleset.measures[measure].subject,
            interval=interval,
            unit=unit,
            stated=mention.stated,
            hedge=mention.hedge,
            document=document.path,
            source=document.source,
            date=document.date,
            start=mention.start,
            end=mention.end,
            line=line,
            column=column,
            sentence=sentence.text,
            url=document.url,
        )
