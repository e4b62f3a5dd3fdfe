"""The typed syntax tree of a rule file.

Every node keeps the ``Span`` it was parsed from so that any later finding (a
semantic error, a lint warning, a violation) can point at ``file:line:column``.
Spans are ignored by equality, so ``parse(print(tree)) == tree`` compares meaning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction

from crosscheck.model import Severity


@dataclass(frozen=True, slots=True)
class Span:
    """Where a node stands: 1-based line and column of its first and last character."""

    path: str = "<rules>"
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


NO_SPAN = Span()


# ----------------------------------------------------------------- declarations


@dataclass(frozen=True, slots=True)
class Import:
    """``import "shared/common.rules"`` (a path relative to the importing file), or
    ``import std.casualties`` (``library``: a rule file shipped with crosscheck)."""

    path: str
    span: Span = field(default=NO_SPAN, compare=False, repr=False)
    library: bool = False


@dataclass(frozen=True, slots=True)
class HedgeTolerance:
    """``tolerance approximately = 10%``: how wide a hedged number is read."""

    hedge: str
    percent: Fraction
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class VagueAmount:
    """``vague "several hundred" = 200 .. 900``: the range a vague amount stands for."""

    phrase: str
    low: Fraction
    high: Fraction
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Subject:
    """``subject nk_troops = "North Korean troops" | "DPRK forces"``."""

    name: str
    phrases: tuple[str, ...]
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Origin:
    """``origin nis = "National Intelligence Service" | "spy agency"``: who gives figures."""

    name: str
    phrases: tuple[str, ...]
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Measure:
    """``measure killed: count of nk_troops, cumulative when "killed" unless "wounded"``.

    ``quantity`` is one of ``crosscheck.units.QUANTITY_UNITS``; ``unit`` is the
    canonical unit claims are converted to (``None``: the quantity's default).
    """

    name: str
    quantity: str
    unit: str | None = None
    subject: str | None = None
    cumulative: bool = False
    when: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    span: Span = field(default=NO_SPAN, compare=False, repr=False)
    when_sets: tuple[str, ...] = ()  # phrase sets named in `when` (``RuleSet.when_of``)
    unless_sets: tuple[str, ...] = ()
    set_spans: tuple[Span, ...] = field(default=(), compare=False, repr=False)  # of both


@dataclass(frozen=True, slots=True)
class PhraseSet:
    """``phrases deaths = "kill+" | "death toll"``: phrases a `when` or `unless` can name."""

    name: str
    phrases: tuple[str, ...]
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


class HedgeKind(StrEnum):
    """What a hedge phrase a rule file adds makes of the number (``hedge "past" = above``)."""

    AT_LEAST = "at least"
    ABOVE = "above"
    AT_MOST = "at most"
    BELOW = "below"
    ABOUT = "about"
    NEARLY = "nearly"

    @property
    def family(self) -> str:
        """The hedge family of ``crosscheck.hedges`` that reads it."""
        return _HEDGE_FAMILY_OF[self]


_HEDGE_FAMILY_OF = {
    HedgeKind.AT_LEAST: "at least",
    HedgeKind.ABOVE: "over",
    HedgeKind.AT_MOST: "up to",
    HedgeKind.BELOW: "under",
    HedgeKind.ABOUT: "approximately",
    HedgeKind.NEARLY: "nearly",
}


@dataclass(frozen=True, slots=True)
class Hedge:
    """``hedge "upwards of" = at least``, ``hedge "or thereabouts" = about 5% after``.

    ``percent`` is the width of an ``about``/``nearly`` hedge (``None``: the width of
    its family); ``after``: the phrase follows the number instead of preceding it.
    """

    phrase: str
    kind: HedgeKind
    percent: Fraction | None = None
    after: bool = False
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


# ----------------------------------------------------------------- expressions


@dataclass(frozen=True, slots=True)
class MeasureRef:
    """A measure named inside a rule."""

    name: str
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Constant:
    """A number inside a rule, optionally with a unit (``0``, ``240 mm``)."""

    value: Fraction
    unit: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Sum:
    """``killed + wounded``: one or more measures added up (a single term is common)."""

    terms: tuple[MeasureRef, ...]
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


Operand = Sum | Constant


class Op(StrEnum):
    """Comparison operators."""

    LE = "<="
    LT = "<"
    GE = ">="
    GT = ">"
    EQ = "=="


@dataclass(frozen=True, slots=True)
class Relative:
    """``within 15%``: values may differ by this fraction of the larger one."""

    percent: Fraction
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Absolute:
    """``within 10 mm``: values may differ by this amount."""

    amount: Fraction
    unit: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


Tolerance = Relative | Absolute | None  # None: exact


# ----------------------------------------------------------------- rule bodies


@dataclass(frozen=True, slots=True)
class Comparison:
    """``killed <= casualties``, ``killed + wounded == casualties within 10%``, ``killed >= 0``."""

    left: Operand
    op: Op
    right: Operand
    tolerance: Tolerance = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Agreement:
    """``deployed agree within 15%`` or ``launcher_caliber agree exactly``."""

    measure: MeasureRef
    tolerance: Tolerance = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Bounds:
    """``deployed within 1 .. 100000``: every claim must lie in the range."""

    measure: MeasureRef
    low: Constant
    high: Constant
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Monotonic:
    """``casualties nondecreasing over time``: later claims are not lower."""

    measure: MeasureRef
    tolerance: Tolerance = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


Body = Comparison | Agreement | Bounds | Monotonic


class ScopeKind(StrEnum):
    """Which pairs of claims a rule compares."""

    ACROSS_SOURCES = "across sources"  # any two claims
    PER_DOCUMENT = "per document"  # two claims of the same document
    PER_SOURCE = "per source"  # two claims of the same source
    ACROSS_ORIGINS = "across origins"  # two claims of different origins
    PER_ORIGIN = "per origin"  # two claims of the same origin


@dataclass(frozen=True, slots=True)
class Scope:
    """The rule's scope: a grouping and an optional window of days between claims."""

    kind: ScopeKind = ScopeKind.ACROSS_SOURCES
    days: int | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Rule:
    """``rule NAME: BODY [SCOPE] [severity LEVEL] [message "..."]``."""

    name: str
    body: Body
    scope: Scope = Scope()
    severity: Severity = Severity.ERROR
    message: str | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Waiver:
    """``waive RULE [document "..."] [stated "..."] reason "..." [until DATE]``.

    Accepts the violations of ``rule`` that cite a claim matching every given
    filter (``document``: a glob over the document path, ``stated``: the claim's
    stated text) until the end of ``until``; see ``crosscheck.accept.waivers``.
    """

    rule: str
    reason: str
    document: str | None = None
    stated: str | None = None
    until: dt.date | None = None
    span: Span = field(default=NO_SPAN, compare=False, repr=False)


Statement = (
    Import | HedgeTolerance | VagueAmount | Subject | Origin | PhraseSet | Hedge | Measure | Rule
    | Waiver
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class RuleFile:
    """One parsed rule file, statements in source order."""

    path: str
    statements: tuple[Statement, ...]


def measures_named(body: Body) -> Iterator[MeasureRef]:
    """Every measure a rule body names, in source order."""
    if isinstance(body, Comparison):
        for side in (body.left, body.right):
            if isinstance(side, Sum):
                yield from side.terms
    else:
        yield body.measure


@dataclass(frozen=True)
class RuleSet:
    """Every declaration of a rule file and its imports, resolved and checked.

    Built only by the semantic checker, so evaluators may trust that every name
    resolves and every comparison is between compatible units.
    """

    subjects: dict[str, Subject]
    measures: dict[str, Measure]
    rules: tuple[Rule, ...]
    hedges: dict[str, Fraction]
    vague: dict[str, tuple[Fraction, Fraction]]
    files: tuple[str, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    origins: dict[str, Origin] = field(default_factory=dict)
    phrase_sets: dict[str, PhraseSet] = field(default_factory=dict)
    hedge_words: dict[str, Hedge] = field(default_factory=dict)  # by phrase, lower case

    def unit_of(self, measure: str) -> str:
        """The canonical unit of a measure's claims."""
        from crosscheck.units import QUANTITY_UNITS

        m = self.measures[measure]
        return m.unit or QUANTITY_UNITS[m.quantity]

    def when_of(self, measure: str) -> tuple[str, ...]:
        """A measure's `when` phrases as written, then those of the phrase sets it names."""
        m = self.measures[measure]
        return self._with_sets(m.when, m.when_sets)

    def unless_of(self, measure: str) -> tuple[str, ...]:
        """A measure's `unless` phrases as written, then those of the phrase sets it names."""
        m = self.measures[measure]
        return self._with_sets(m.unless, m.unless_sets)

    def _with_sets(self, phrases: tuple[str, ...], sets: tuple[str, ...]) -> tuple[str, ...]:
        found = [
            p for name in sets if name in self.phrase_sets for p in self.phrase_sets[name].phrases
        ]
        return tuple(dict.fromkeys((*phrases, *found)))

    def hedge_readings(self) -> dict[str, tuple[str, bool]]:
        """The hedges the rule files add: phrase -> (family, written after the number)."""
        return {key: (h.kind.family, h.after) for key, h in self.hedge_words.items()}
