"""The records that flow through crosscheck: documents, claims, violations, reports.

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


class Claim(Record):
    """A number in a text, bound to a measure and read as an interval."""

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

    def location(self) -> str:
        """``path:line:column`` as far as known."""
        parts = [self.document]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class Violation(Record):
    """A rule that fails for every choice of values in the claims it cites."""

    rule: str
    severity: Severity
    message: str
    claims: tuple[Claim, ...]
    detail: str = ""


class Skipped(Record):
    """A claim a rule could not use, and why (e.g. no date for a time rule)."""

    rule: str
    claim: Claim
    reason: str


class Report(Record):
    """Everything one run found."""

    violations: tuple[Violation, ...]
    claims: int
    documents: int
    rules: int
    skipped: tuple[Skipped, ...] = ()
    undecided: tuple[Violation, ...] = ()
    waived: int = 0  # violations accepted by a baseline or an inline waiver
    unused_waivers: tuple[str, ...] = ()  # waivers and baseline entries that matched nothing


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
        "source": claim.source,
        "date": claim.date.isoformat() if claim.date else None,
        "start": claim.start,
        "end": claim.end,
        "line": claim.line,
        "column": claim.column,
        "sentence": claim.sentence,
        "url": claim.url,
    }
