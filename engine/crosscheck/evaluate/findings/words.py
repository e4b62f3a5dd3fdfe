"""Words for findings: what the odd reading said, against what, and why it fails."""

from __future__ import annotations

from collections.abc import Sequence

from crosscheck.dsl.ast import Agreement, Bounds, Comparison, Monotonic, Rule
from crosscheck.evaluate.describe import operand_text, side_stated, tolerance_text, unit_suffix
from crosscheck.evaluate.findings.readings import Reading
from crosscheck.interval import Interval

SHOWN = 3  # readings named in a message; the rest are counted


def heading(rule: Rule) -> str:
    """What the rule relates: ``killed``, ``killed <= casualties within 10%``."""
    body = rule.body
    if isinstance(body, Comparison):
        text = f"{operand_text(body.left)} {body.op.value} {operand_text(body.right)}"
        return f"{text} {tolerance_text(body.tolerance)}".rstrip()
    if isinstance(body, Agreement | Monotonic | Bounds):
        return body.measure.name
    raise AssertionError(f"no heading for {body!r}")


def when(reading: Reading) -> str:
    """The reading's time: ``2025-01-13``, ``2024-12-16..2024-12-22`` or ``undated``."""
    first, last = reading.span
    if first is None or last is None:
        return "undated" if last is None else f"..{last.isoformat()}"
    return first.isoformat() if first == last else f"{first.isoformat()}..{last.isoformat()}"


def voice(reading: Reading) -> str:
    """Who gives the reading, and the outlets that printed it: ``nis in Meridian Wire,
    Baltic Signal``, or just ``Newsweek``."""
    outlets = ", ".join(dict.fromkeys(side.source for side in reading.sides))
    origin = reading.sides[0].items[0].claim.origin if reading.sides[0].items else None
    return f"{origin} in {outlets}" if origin else outlets


def said(reading: Reading, unit: str) -> str:
    """What the reading's first side stated (``approximately 1,100``, ``100 + 1,000``)."""
    return side_stated(reading.sides[0], unit)


def listed(readings: Sequence[Reading], unit: str) -> str:
    """Up to ``SHOWN`` readings by what they stated and who, the rest counted."""
    parts = [f"{said(r, unit)} ({voice(r)})" for r in readings[:SHOWN]]
    if len(readings) > SHOWN:
        parts.append(f"{len(readings) - SHOWN} more")
    return ", ".join(parts)


def values(reading: Reading, unit: str) -> str:
    """``killed [990, 1,210] (Newsweek, 2024-12-23)``: the interval decided on."""
    names = " + ".join(item.claim.measure for item in reading.sides[0].items)
    return f"{names} {reading.interval}{unit_suffix(unit)} ({voice(reading)}, {when(reading)})"


def hull(intervals: Sequence[Interval]) -> Interval | None:
    """The smallest interval holding every one of ``intervals`` (None when there are none)."""
    if not intervals:
        return None
    low = min(intervals, key=lambda iv: (iv.low is not None, iv.low or 0, not iv.low_closed))
    high = max(intervals, key=lambda iv: (iv.high is None, iv.high or 0, iv.high_closed))
    return Interval(low.low, high.high, low.low_closed, high.high_closed)


def plural(count: int, noun: str) -> str:
    """``1 claim``, ``3 claims``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
