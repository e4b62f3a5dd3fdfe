"""What extraction finds in a text: mentions of amounts, and why each was bound or not."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from crosscheck.extract.exclusions import ExclusionKind
from crosscheck.interval import Interval
from crosscheck.model import Claim
from crosscheck.text.segment import Sentence


@dataclass(frozen=True, slots=True)
class Mention:
    """An amount as written: "approximately 1,100", "11,000 to 12,000", "240mm".

    ``low``/``high`` are the stated values in ``unit`` before any hedge;
    ``interval`` is what the hedge makes of them. ``unit`` is "item" for a bare
    count, a pint unit name, or a name of our own ("USD") for units that bind to no
    quantity; ``dimension`` is what decides which measures it may bind to.
    """

    start: int
    end: int
    stated: str
    low: Fraction
    high: Fraction
    unit: str
    dimension: str
    hedge: str | None
    interval: Interval
    kind: str  # "number", "range" or "vague"
    anchor: int  # where the number itself starts, after any hedge

    def overlaps(self, start: int, end: int) -> bool:
        """Whether the mention shares a character with [start, end)."""
        return self.start < end and start < self.end

    def describe(self) -> str:
        """A one-line reading: ``"approximately 1,100" = [990, 1,210] item``."""
        return f"{self.stated!r} = {self.interval} {self.unit} ({self.kind})"


@dataclass(frozen=True, slots=True)
class NotQuantity:
    """A number that is not an amount: a year, a date, a time, a name like F-16.

    ``kind`` says what it is instead; ``reason`` says so for a person.
    """

    start: int
    end: int
    text: str
    reason: str
    kind: ExclusionKind


@dataclass(frozen=True, slots=True)
class Decision:
    """Why one number became a claim, or did not.

    ``steps`` lists, in order, what was found and checked (the phrase, the
    exclusions, the unit and dimension test, the subject); ``reason`` is the
    deciding one.
    """

    start: int
    end: int
    stated: str
    reason: str
    mention: Mention | None = None
    claim: Claim | None = None
    measure: str | None = None
    phrase: str | None = None
    phrase_start: int | None = None
    sentence: Sentence | None = None
    steps: tuple[str, ...] = ()

    @property
    def bound(self) -> bool:
        """Whether the number became a claim."""
        return self.claim is not None

    def describe(self) -> str:
        """A few lines a person can read: the number, its reading, the outcome, the steps."""
        head = f"{self.start}-{self.end} {self.stated!r}: "
        if self.claim is not None:
            iv = self.claim.interval
            head += f"bound to {self.measure} = {iv} {self.claim.unit}"
        else:
            head += "not bound"
        lines = [head, f"  because {self.reason}"]
        if self.mention is not None:
            lines.append(f"  read as {self.mention.describe()}")
        lines.extend(f"  - {step}" for step in self.steps)
        return "\n".join(lines)
