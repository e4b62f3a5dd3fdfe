"""The records that flow through crosscheck: documents, claims, findings, reports.

They are frozen: once a claim is read it is a fact about a text, and every later
stage only reads it.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from fractions import Fraction
from typing import Any

from pydantic import BaseModel, ConfigDict

from crosscheck.interval import Interval


class Severity(StrEnum):
    """How much a violated rule matters; ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return ("info", "warning", "error").index(self.value)


class Record(BaseModel):
    """Base of every record: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)


class Document(Record):
    """One article: its text and what is known about where it came from."""

    path: str
    text: str
    source: str
    date: dt.date | None = None
    url: str | None = None
    title: str | None = None
    # Where the article body starts within the file, so that line and column
    # numbers point into the file even when front matter or a JSON wrapper precedes it.
    line_offset: int = 0
    # A record of a JSON-lines file (``path`` is ``FILE:N``): ``file`` is FILE, and the text
    # is written on line N from column ``column_offset + 1``, as ``written`` spells it with
    # its JSON escapes (None: exactly as ``text``), so positions are the file's own.
    file: str | None = None
    written: str | None = None
    column_offset: int = 0


class AsOf(Record):
    """The days over which a figure held: ``start`` to ``end``, both included (``start``
    None: some day up to ``end``, as for a figure called "initial")."""

    start: dt.date | None
    end: dt.date

    def text(self) -> str:
        """``2024-12-17``, ``2024-12-16..2024-12-22`` or ``..2024-12-23``."""
        if self.start == self.end:
            return self.end.isoformat()
        return f"{self.start.isoformat() if self.start else ''}..{self.end.isoformat()}"


class Claim(Record):
    """A number in a text, bound to a measure and read as an interval.

    ``attribution`` is who the text says gives the figure, in its words; ``origin`` the
    name of the rule file's origin those words name; ``as_of`` the days the figure held,
    from the sentence's time words or, without them, the article's date; ``part`` the
    part of the event it counts, in the text's words (a place or a group), None for the
    whole: rules compare a figure only with figures of the same part. ``place`` is the
    one place the sentence names for a figure with no part ("In Afghanistan, 73 died"):
    evaluation counts it as the part when another claim counts that place as a part.
    """

    measure: str
    subject: str | None = None
    interval: Interval
    unit: str
    stated: str
    hedge: str | None = None
    document: str
    source: str
    date: dt.date | None = None
    start: int | None = None
    end: int | None = None
    line: int | None = None
    column: int | None = None
    sentence: str | None = None
    url: str | None = None
    origin: str | None = None
    attribution: str | None = None
    as_of: AsOf | None = None
    part: str | None = None  # the part of the event it counts ("in Afghanistan", "girls")
    place: str | None = None  # the one place named for it; its part if the corpus says so
    # The file ``line`` and ``column`` count in when it is not ``document``: a record of a
    # JSON-lines file (``document`` ``FILE:N``) is on line N of FILE.
    file: str | None = None

    def in_file(self) -> str:
        """The file the claim's line and column point into."""
        return self.document if self.file is None else self.file

    def time_span(self) -> tuple[dt.date, dt.date] | None:
        """The days over which the figure held: its ``as_of``, else its article's date;
        None when unknown (undated, or an as-of with no first day)."""
        if self.as_of is not None:
            return None if self.as_of.start is None else (self.as_of.start, self.as_of.end)
        return None if self.date is None else (self.date, self.date)

    def cited_as(self) -> str:
        """``Newsweek, 2024-12-23``: the outlet and its date, then who gives the figure and
        as of when it held, where the text says ("..., says JCS [seoul], as of 2024-12-17")."""
        text = f"{self.source}, {self.date.isoformat() if self.date else 'undated'}"
        if self.attribution:
            text += f", says {self.attribution}" + (f" [{self.origin}]" if self.origin else "")
        elif self.origin:
            text += f", from {self.origin}"
        if self.as_of is not None and (self.as_of.start, self.as_of.end) != (self.date, self.date):
            text += f", as of {self.as_of.text()}"
        if self.part:
            text += f", for {self.part}"
        return text

    def location(self) -> str:
        """``path:line:column`` as far as known (the file's path, its own line and column)."""
        parts = [self.in_file()]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class Violation(Record):
    """A relation that fails for every choice of values in the claims it cites: one
    pairwise violation (a pair of claims or sums, or one claim against a limit)."""

    rule: str
    severity: Severity
    message: str
    claims: tuple[Claim, ...]
    detail: str = ""


DEFAULT_CITE = 5  # claims a finding cites in full per group; the rest are counted


class FindingKind(StrEnum):
    """What a finding says (docs/semantics.md §10.4)."""

    OUTLIER = "outlier"  # agree: a reading outside the consensus
    SPLIT = "split"  # agree: largest camps of equal size that disagree
    BREAKS = "breaks"  # comparison: a reading that breaks the relation against others
    DROP = "drop"  # nondecreasing (or running totals in date order): an earlier high or later low
    BOUND = "bound"  # a reading outside a range or against a constant


class Cited(Record):
    """Claims a finding cites in one role: ``claims`` in full (at most K), ``total`` in all.

    Roles: ``odd`` (the odd claim out: one reading, every outlet that printed it),
    ``against`` (the claims it conflicts with, nearest first), ``camp`` (one camp of
    a split).
    """

    role: str
    claims: tuple[Claim, ...]
    total: int


class Finding(Record):
    """The unit of report: one reading that disagrees, and what it disagrees with.

    A finding covers ``pairs`` pairwise violations, each covered by exactly one finding
    (docs/semantics.md §10); ``violations`` lists them when they were asked for.
    ``identity`` names the rule and the odd reading, whatever the outlets and lines.
    """

    rule: str
    severity: Severity
    kind: FindingKind
    message: str
    detail: str = ""
    cited: tuple[Cited, ...]
    pairs: int
    identity: str
    violations: tuple[Violation, ...] = ()

    @property
    def claims(self) -> tuple[Claim, ...]:
        """Every claim cited in full, the odd reading's first."""
        return tuple(claim for group in self.cited for claim in group.claims)

    @property
    def odd(self) -> tuple[Claim, ...]:
        """The claims of the odd reading (of every camp, for a split) cited in full."""
        return tuple(c for g in self.cited if g.role in ("odd", "camp") for c in g.claims)


class Skipped(Record):
    """A claim a rule could not use, and why (e.g. no date for a time rule)."""

    rule: str
    claim: Claim
    reason: str


class Report(Record):
    """Everything one run found."""

    findings: tuple[Finding, ...]
    claims: int
    documents: int
    rules: int
    skipped: tuple[Skipped, ...] = ()
    undecided: tuple[Violation, ...] = ()
    waived: int = 0  # findings accepted by a baseline or an inline waiver
    unused_waivers: tuple[str, ...] = ()  # waivers and baseline entries that matched nothing
    unlisted: tuple[str, ...] = ()  # what a rule found beyond what is listed (MAX_LISTED)

    @property
    def pair_count(self) -> int:
        """How many pairwise violations the findings cover."""
        return sum(finding.pairs for finding in self.findings)


def number_to_json(value: Fraction | None) -> int | float | None:
    """A JSON number for an interval end: an int when whole, else a float."""
    if value is None:
        return None
    if value.denominator == 1:
        return int(value)
    return float(value)


def claim_to_json(claim: Claim) -> dict[str, Any]:
    """The claim as a JSON object (see crosscheck/schemas/claims.schema.json)."""
    iv = claim.interval
    return {
        "measure": claim.measure,
        "subject": claim.subject,
        "low": number_to_json(iv.low),
        "high": number_to_json(iv.high),
        "low_inclusive": iv.low_closed,
        "high_inclusive": iv.high_closed,
        "unit": claim.unit,
        "stated": claim.stated,
        "hedge": claim.hedge,
        "document": claim.document,
        "file": claim.file,
        "source": claim.source,
        "date": claim.date.isoformat() if claim.date else None,
        "start": claim.start,
        "end": claim.end,
        "line": claim.line,
        "column": claim.column,
        "sentence": claim.sentence,
        "url": claim.url,
        "origin": claim.origin,
        "attribution": claim.attribution,
        "as_of": _as_of_json(claim.as_of),
        "part": claim.part,
        "place": claim.place,
    }


def _as_of_json(as_of: AsOf | None) -> dict[str, str | None] | None:
    if as_of is None:
        return None
    start = as_of.start.isoformat() if as_of.start is not None else None
    return {"start": start, "end": as_of.end.isoformat()}
