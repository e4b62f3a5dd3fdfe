"""Strategies for articles: claims written out as sentences, with what they must read as.

A sentence puts an amount (digits or words, a hedge, a range, a unit) next to one of
its measure's ``when`` phrases (and its subject's phrase, if it has a subject), so that
extraction should bind it to that measure and read the interval recorded with it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from hypothesis import strategies as st

from crosscheck.dsl.ast import Measure, RuleSet
from crosscheck.dsl.printer import format_number
from crosscheck.hedges import ReadingSettings, hedged_interval
from crosscheck.interval import Interval
from crosscheck.model import Document
from crosscheck.testing.claimsets import FIRST_DAY
from crosscheck.testing.values import HedgedNumber, hedged_numbers, numbers
from crosscheck.text.inflect import expand
from crosscheck.units import conversion_factor, dimension_of

_SMALL = "zero one two three four five six seven eight nine ten eleven twelve thirteen"
ONES = (*_SMALL.split(), "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

# Hedges written before a number that articles use, and which of them may precede a range.
HEDGES = (
    "about",
    "approximately",
    "around",
    "roughly",
    "nearly",
    "almost",
    "more than",
    "over",
    "at least",
    "up to",
    "fewer than",
    "under",
)
RANGE_HEDGES = (None, "about", "approximately", "around", "roughly", "nearly", "almost")

# How a unit may be written after a number, per kind of quantity (count: no unit).
UNIT_WORDS: dict[str, tuple[tuple[str, str], ...]] = {
    dimension_of("mm"): (
        ("mm", "mm"),
        ("millimeters", "mm"),
        ("cm", "cm"),
        ("centimetres", "cm"),
        ("inches", "inch"),
    ),
    dimension_of("kg"): (("kg", "kg"), ("kilograms", "kg"), ("tonnes", "t")),
    dimension_of("percent"): (("%", "percent"), (" percent", "percent")),
}
_COUNT = dimension_of("item")
_LEADS = ("Officials said ", "By Monday ", "Reports put it at ", "")


def number_words(n: int) -> str:
    """``n`` (0 <= n < 10**9) in English words: ``"eleven thousand two hundred"``."""
    if not 0 <= n < 10**9:
        raise ValueError(f"{n} is out of range for number words")
    if n < 20:
        return ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return TENS[tens] + (f"-{ONES[ones]}" if ones else "")
    for size, word in ((10**6, "million"), (1000, "thousand"), (100, "hundred")):
        if n >= size:
            head, rest = divmod(n, size)
            return f"{number_words(head)} {word}" + (f" {number_words(rest)}" if rest else "")
    raise AssertionError("unreachable")


def digits(value: Fraction) -> str:
    """A number as an article prints it: ``1,100``, ``2.5``, ``12,000.25``."""
    text = format_number(value)
    whole, dot, fraction = text.partition(".")
    return f"{int(whole):,}{dot}{fraction}"


@dataclass(frozen=True)
class Written:
    """One claim as an article wrote it, and what it must be read as.

    ``start``/``end`` locate ``text`` (the amount with its hedge and unit) in the
    article; ``interval`` is the reading in the measure's unit.
    """

    measure: str
    text: str
    start: int
    end: int
    amount: HedgedNumber
    unit: str
    interval: Interval


@dataclass(frozen=True)
class Article:
    """A document and the claims written into it, in text order."""

    document: Document
    claims: tuple[Written, ...]


def writable(ruleset: RuleSet) -> list[str]:
    """The measures of ``ruleset`` that ``articles`` can write sentences for: counts,
    lengths, masses and percentages with at least one ``when`` phrase."""
    kinds = {_COUNT, *UNIT_WORDS}
    return [
        name
        for name, m in ruleset.measures.items()
        if ruleset.when_of(name) and dimension_of(ruleset.unit_of(name)) in kinds
    ]


@st.composite
def amount_texts(draw: st.DrawFn, amount: HedgedNumber, unit_word: str = "") -> str:
    """``amount`` written out: its hedge, digits or words, range wording, unit."""
    whole = amount.low.denominator == 1 and amount.high.denominator == 1
    words = whole and amount.high < 10**6 and draw(st.integers(0, 3)) == 0

    def say(value: Fraction) -> str:
        return number_words(int(value)) if words else digits(value)

    attach = unit_word if unit_word.startswith((" ", "%")) else f" {unit_word}" if unit_word else ""
    if unit_word in ("mm", "cm", "kg") and not words and draw(st.booleans()):
        attach = unit_word  # "240mm", never "onemm"
    if not amount.is_range:
        core = say(amount.low) + attach
    elif amount.hedge is None and not words and draw(st.booleans()):
        # Not in words: "between one hundred and one hundred one" is ambiguous English.
        core = f"between {say(amount.low)} and {say(amount.high)}{attach}"
    else:
        core = f"{say(amount.low)} to {say(amount.high)}{attach}"
    return core if amount.hedge is None else f"{amount.hedge} {core}"


@st.composite
def sentences(
    draw: st.DrawFn, ruleset: RuleSet, measure: str, settings: ReadingSettings | None = None
) -> tuple[str, Written]:
    """A sentence stating one claim of ``measure``, and the claim (offsets within it)."""
    reading = settings or ReadingSettings.with_overrides(ruleset.hedges, ruleset.vague)
    declared = ruleset.measures[measure]
    target = ruleset.unit_of(measure)
    kind = dimension_of(target)
    unit_word, unit = draw(st.sampled_from(UNIT_WORDS[kind])) if kind != _COUNT else ("", "item")
    ranged = draw(st.booleans())
    hedge = draw(st.sampled_from(RANGE_HEDGES if ranged else (None, *HEDGES)))
    top = 10**6 if kind == _COUNT else 1000
    amount = draw(
        hedged_numbers(
            reading,
            hedges=(hedge,),
            max_value=top,
            ranges=ranged,
            whole=kind == _COUNT or draw(st.booleans()),
        )
    )
    text = draw(amount_texts(amount, unit_word))
    lead = draw(st.sampled_from(_LEADS))
    if not lead:
        text = text[0].upper() + text[1:]
    tail = draw(_tail(ruleset, declared, kind))
    sentence = f"{lead}{text}{tail}."
    interval = hedged_interval(amount.low, amount.high, amount.hedge, reading)
    factor = conversion_factor(unit, target) if unit != target else Fraction(1)
    start = len(lead)
    written = Written(
        measure,
        text,
        start,
        start + len(text),
        amount,
        unit,
        interval if factor == 1 else interval.scale(factor),
    )
    return sentence, written


@st.composite
def _tail(draw: st.DrawFn, ruleset: RuleSet, measure: Measure, kind: str) -> str:
    """What follows the amount: a noun for a head count, the subject, a ``when`` phrase."""
    forms = [form for p in ruleset.when_of(measure.name) for form in expand(p)]
    phrase = draw(st.sampled_from(forms))
    if measure.subject is not None:
        subject = draw(st.sampled_from(ruleset.subjects[measure.subject].phrases))
        return f" {subject} {phrase}"
    noun = draw(st.sampled_from(["", " soldiers", " troops"])) if kind == _COUNT else ""
    return f"{noun} {phrase}"


@st.composite
def articles(
    draw: st.DrawFn,
    ruleset: RuleSet,
    *,
    measures: list[str] | None = None,
    max_sentences: int = 4,
    path: str = "article.md",
    source: str = "Harbor Ledger",
) -> Article:
    """An article of sentences each stating one claim of a measure of ``ruleset``
    (default: every measure ``writable`` names), with the claims it states."""
    names = measures if measures is not None else writable(ruleset)
    if not names:
        raise ValueError("the rule set has no measure an article can state")
    parts: list[str] = []
    claims: list[Written] = []
    offset = 0
    for _ in range(draw(st.integers(1, max_sentences))):
        sentence, written = draw(sentences(ruleset, draw(st.sampled_from(names))))
        shift = written.start + offset
        claims.append(
            Written(
                written.measure,
                written.text,
                shift,
                shift + len(written.text),
                written.amount,
                written.unit,
                written.interval,
            )
        )
        separator = draw(st.sampled_from([" ", "\n", "\n\n"]))
        parts.append(sentence + separator)
        offset += len(sentence) + len(separator)
    day = FIRST_DAY + dt.timedelta(days=draw(numbers(0, 30, whole=True)).numerator)
    document = Document(path=path, text="".join(parts), source=source, date=day)
    return Article(document, tuple(claims))
