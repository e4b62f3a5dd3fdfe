"""Scales of the HTML report's charts: values and dates to pixels, with round ticks."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from fractions import Fraction

from crosscheck.interval import Interval

# Half the width of an ISO date label, with a little air.
TICK_ROOM = 30.0


@dataclass(frozen=True)
class ValueScale:
    """Values to vertical pixels: ``low`` at ``bottom``, ``high`` at ``top``."""

    low: float
    high: float
    top: float
    bottom: float
    ticks: tuple[tuple[float, str], ...]

    def y(self, value: Fraction | float) -> float:
        """The vertical pixel of ``value``."""
        share = (float(value) - self.low) / (self.high - self.low)
        return self.bottom - share * (self.bottom - self.top)


@dataclass(frozen=True)
class DateScale:
    """Days to horizontal pixels, with a lane on the right for undated claims."""

    first: float
    last: float
    left: float
    right: float
    dated_right: float
    undated_left: float
    undated_x: float | None
    ticks: tuple[tuple[int, str], ...]

    def x(self, day: int | None) -> float:
        """The horizontal pixel of an ordinal day, or of the undated lane for ``None``."""
        if day is None:
            assert self.undated_x is not None, "an undated claim needs the undated lane"
            return self.undated_x
        share = (day - self.first) / (self.last - self.first)
        return self.left + share * (self.dated_right - self.left)


def nice_step(raw: float) -> float:
    """The smallest 1, 2, 2.5 or 5 times a power of ten that is at least ``raw``."""
    magnitude = 10.0 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)


def value_label(value: float, step: float) -> str:
    """A tick label: ``1,200``, ``2.5``, ``3M``."""
    if abs(value) >= 1_000_000 and step >= 100_000:
        return f"{value / 1_000_000:,g}M"
    fraction = f"{step:.10f}".rstrip("0").partition(".")[2]
    decimals = len(fraction)
    return f"{value:,.{decimals}f}"


def value_scale(intervals: Sequence[Interval], top: float, bottom: float) -> ValueScale:
    """A scale with round ticks covering every finite end, and room for arrows."""
    finite = [float(v) for iv in intervals for v in (iv.low, iv.high) if v is not None]
    lo, hi = (min(finite), max(finite)) if finite else (0.0, 1.0)
    if lo == hi:
        lo, hi = (lo - abs(lo) * 0.1, hi + abs(hi) * 0.1) if lo else (0.0, 1.0)
    # Headroom, so that a mark on the highest or lowest value is not cut by the frame.
    margin = (hi - lo) * 0.04
    lo, hi = (max(lo - margin, 0.0) if lo >= 0 else lo - margin), hi + margin
    step = nice_step((hi - lo) / 5)
    low, high = math.floor(lo / step) * step, math.ceil(hi / step) * step
    if any(iv.high is None for iv in intervals):
        high += step
    if any(iv.low is None for iv in intervals):
        low = max(low - step, 0.0) if lo >= 0 and low > 0 else low - step
    count = round((high - low) / step)
    ticks = tuple(
        (round(low + i * step, 10), value_label(low + i * step, step)) for i in range(count + 1)
    )
    # The ends are the outer ticks as rounded, not low + count * step with its float error.
    return ValueScale(ticks[0][0], ticks[-1][0], top, bottom, ticks)


def date_ticks(first: int, last: int, most: int = 6) -> list[tuple[int, str]]:
    """Round dates between two ordinal days: days, weeks, months or years apart."""
    span = last - first
    for step in (1, 2, 7, 14):
        if span / step <= most:
            # Ordinal 1 is a Monday, so weekly ticks fall on Mondays.
            start = first + (1 - first) % step
            return [(d, date.fromordinal(d).isoformat()) for d in range(start, last + 1, step)]
    months = next((m for m in (1, 2, 3, 6, 12, 24, 60) if span / (m * 30.44) <= most), 120)
    begin = date.fromordinal(first)
    index = begin.year * 12 + begin.month - 1
    index += -index % months
    ticks: list[tuple[int, str]] = []
    while (day := date(index // 12, index % 12 + 1, 1)).toordinal() <= last:
        if day.toordinal() >= first:
            label = day.strftime("%Y") if months >= 12 else day.strftime("%Y-%m")
            ticks.append((day.toordinal(), label))
        index += months
    return ticks


def date_scale(dates: Sequence[date | None], left: float, right: float) -> DateScale:
    """A scale over the dates given, padded a little, with an undated lane if needed."""
    days = sorted(d.toordinal() for d in dates if d is not None)
    lane = 84.0 if any(d is None for d in dates) else 0.0
    if not days:
        return DateScale(0.0, 1.0, left, right, left, left, (left + right) / 2, ())
    pad = max(1.0, (days[-1] - days[0]) * 0.06)
    first, last = days[0] - pad, days[-1] + pad
    dated_right = right - lane
    undated_x = (dated_right + right) / 2 if lane else None
    scale = DateScale(first, last, left, right, dated_right, dated_right, undated_x, ())
    if days[0] == days[-1]:
        ticks = [(days[0], date.fromordinal(days[0]).isoformat())]
    else:
        ticks = date_ticks(math.ceil(first), math.floor(last))
    # A label centred too near the right edge would be cut off (or hit "undated").
    fitting = tuple((d, text) for d, text in ticks if scale.x(d) <= dated_right - TICK_ROOM)
    return replace(scale, ticks=fitting)
