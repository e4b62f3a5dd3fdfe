"""Where a reading's partners stand in an index: limits, the leaves a part allows, probes.

``downwards``: the reading is the part's small side, its partners the claims whose upper
end is below ``k*low - bound``; otherwise it is the big side, its partners the claims
whose lower end is above ``(high + bound) / k``. A ``Limit`` holds that value as two
floats around it (a binary search over the index's floats settles every entry outside
them) and, made only when an entry falls between, as an exact key. Only the claims of
times the part and the day window allow are asked (``leaves``). A ``Probe`` asks for
one reading what only an odd reading needs: how many partners relate to its claims
(across sources or origins, a claim of its own outlet or origin does not), how many
pairs they make, and which are nearest.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from operator import add, sub
from typing import NamedTuple

from crosscheck.dsl.ast import ScopeKind
from crosscheck.evaluate.candidates import DateRule
from crosscheck.evaluate.findings.charges import Near
from crosscheck.evaluate.findings.index import Entry, Node, Sorted, SpanIndex, ends_of, number
from crosscheck.evaluate.findings.readings import Reading
from crosscheck.evaluate.findings.setup import Setup
from crosscheck.evaluate.relations import Within

Span = tuple[date | None, date | None]
_LAST = float("inf")  # an above-limit's last element: after every entry of its very end
_SLACK = 1e-12  # relative width around an approximate float limit; far beyond rounding


class Limit(NamedTuple):
    """Where a reading's partners stop (``downwards``) or start, in one direction: the
    value ``k*end - bound`` (downwards) or ``(end + bound) / k`` of one of its ends."""

    end: Fraction
    within: Within
    low: float  # every entry whose float is below ``low`` is below the value
    high: float  # every entry whose float is above ``high`` is above it
    tie: int  # what an end equal to the value counts as (see ``key``)
    downwards: bool

    @property
    def value(self) -> Fraction:
        """The limit exactly (worked out only when an entry is near it, or for an odd reading)."""
        k, bound = self.within.k, self.within.bound
        if _tolerance(self.within)[3]:
            return self.end
        return k * self.end - bound if self.downwards else (self.end + bound) / k

    def key(self) -> tuple[float, Fraction | int, int] | tuple[float, Fraction | int, int, float]:
        """The exact key entries are compared with: below it (``downwards``) an upper end
        fails; above it a lower end fails."""
        start = number(self.value)  # the shared object of an end's value: compared by identity
        return (*start, self.tie) if self.downwards else (*start, -self.tie, _LAST)


_FLOATS: dict[int, tuple[Within, float, float, bool]] = {}


def _tolerance(within: Within) -> tuple[Within, float, float, bool]:
    """A tolerance's ``k`` and ``bound`` as floats, and whether it is exact (by identity)."""
    found = _FLOATS.get(id(within))
    if found is None or found[0] is not within:
        plain = within.k == 1 and within.bound == 0
        found = _FLOATS[id(within)] = (within, float(within.k), float(within.bound), plain)
    return found


def floats_of(within: Within) -> tuple[float, float]:
    """A tolerance's ``k`` and ``bound`` as floats, for guesses."""
    _, k, bound, _ = _tolerance(within)
    return k, bound


def limit(reading: Reading, within: Within, downwards: bool, strict: bool) -> Limit | None:
    """The reading's limit in one direction (None: no partner can fail with it)."""
    iv = reading.interval
    end, closed = (iv.low, iv.low_closed) if downwards else (iv.high, iv.high_closed)
    if end is None:
        return None
    tie = 1 if strict or not closed else 0
    guess = ends_of(reading)[0 if downwards else 1][0]  # type: ignore[index]
    _, k, bound, plain = _tolerance(within)
    if plain:
        return Limit(end, within, guess, guess, tie, downwards)
    guess = k * guess - bound if downwards else (guess + bound) / k
    slack = abs(guess) * _SLACK + 1e-300
    return Limit(end, within, guess - slack, guess + slack, tie, downwards)


def floats_around(
    readings: Sequence[Reading], within: Within, downwards: bool
) -> tuple[list[float], list[float]]:
    """For each reading, two floats around its limit (``limit``'s ``low`` and ``high``),
    worked out for many readings at once without making limits; a reading with no end in
    that direction gets floats no entry passes (none below -inf, none above +inf)."""
    side = 0 if downwards else 1
    none = float("-inf") if downwards else float("inf")
    guesses = [end[0] if (end := ends_of(r)[side]) is not None else none for r in readings]
    _, k, bound, plain = _tolerance(within)
    if plain:
        return guesses, guesses
    guesses = [k * g - bound if downwards else (g + bound) / k for g in guesses]
    slack = [abs(g) * _SLACK + 1e-300 if g not in (none, -none) else 0.0 for g in guesses]
    return list(map(sub, guesses, slack)), list(map(add, guesses, slack))


def position(part: Sorted, where: Limit) -> int:
    """Below: how many entries come before the limit. Above: where the entries after it
    start. Either way the partners are ``entries[:p]`` or ``entries[p:]``."""
    return settle(part, where, bisect_left(part.floats, where.low))


def settle(part: Sorted, where: Limit, low: int) -> int:
    """``position``, given where the limit's low float falls: entries whose floats lie
    between its two floats are compared exactly."""
    floats = part.floats
    if low == len(floats) or floats[low] > where.high:
        return low
    high = bisect_right(floats, where.high, low)
    if where.downwards:
        return bisect_left(part.keys, where.key(), low, high)
    return bisect_right(part.keys, where.key(), low, high)


def span_in_time(small: Span, big: Span, dates: DateRule) -> bool:
    """``conflicts.in_time`` on bare spans."""
    if dates is DateRule.ANY:
        return True
    if small[1] is None or big[0] is None:
        return False
    return small[1] <= big[0] if dates is DateRule.NOT_BEFORE else small[1] < big[0]


def span_in_window(u: Span, v: Span, days: int | None) -> bool:
    """``conflicts.in_window`` on bare spans."""
    if days is None:
        return True
    if u[0] is None or u[1] is None or v[0] is None or v[1] is None:
        return False
    return (max(u[1], v[1]) - min(u[0], v[0])).days <= days


def nodes(
    index: SpanIndex, span: Span, downwards: bool, dates: DateRule, days: int | None
) -> list[Node]:
    """The nodes of ``index`` holding the claims of the times a part allows a reading of
    ``span`` to fail with (made once per span and question)."""
    key = (span, downwards, dates, days)
    found = index.allowed.get(key)
    if found is None:
        if not index.timed:
            picked: Sequence[int] = []
        elif index.single_days:
            picked = _days(index, span, downwards, dates, days)
        else:
            picked = [
                i
                for i, leaf in enumerate(index.spans)
                if span_in_window(span, leaf, days)
                and (
                    span_in_time(span, leaf, dates)
                    if downwards
                    else span_in_time(leaf, span, dates)
                )
            ]
        found = index.allowed[key] = list(index.covering(picked))
    return found


def _days(
    index: SpanIndex, span: Span, downwards: bool, dates: DateRule, days: int | None
) -> range:
    """``nodes``' leaves when every leaf is a single day: one run, found by bisection."""
    first, last = span
    assert first is not None and last is not None, "undated claims are skipped over time"
    low, high = date.min, date.max
    if days is not None:  # both within the window: from last - days to first + days
        low, high = last - timedelta(days=days), first + timedelta(days=days)
    if dates is DateRule.NOT_BEFORE:
        low, high = (max(low, last), high) if downwards else (low, min(high, first))
    elif dates is DateRule.AFTER:
        if downwards:
            low = max(low, last + timedelta(days=1))
        else:
            high = min(high, first - timedelta(days=1))
    return range(bisect_left(index.firsts, low), bisect_right(index.firsts, high))


@dataclass
class Probe:
    """One reading's partners in one index, in one direction (see the module docstring)."""

    setup: Setup
    reading: Reading
    index: SpanIndex
    downwards: bool
    dates: DateRule
    strict: bool
    everyone: bool = False  # any standing counts (a split among top readings)
    where: Limit | None = None
    found: list[tuple[Node, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.where = limit(self.reading, self.setup.within, self.downwards, self.strict)
        if self.where is not None:
            self.found = self._at(self.index)

    def _at(self, index: SpanIndex) -> list[tuple[Node, int]]:
        assert self.where is not None
        days = self.setup.rule.scope.days
        picked = nodes(index, self.reading.span, self.downwards, self.dates, days)
        part = "by_high" if self.downwards else "by_low"
        return [(node, position(getattr(node, part), self.where)) for node in picked]

    @property
    def exclude(self) -> str | None:
        """Partners of this key relate to no claim of the reading (None: all relate)."""
        return exclusion(self.setup.rule.scope.kind, self.reading)

    def _total(self, found: Sequence[tuple[Node, int]], key: str | None = None) -> int:
        """How many partners the nodes hold (only those of ``key`` when given)."""
        if key is None:
            if self.downwards:
                return sum(at for _, at in found)
            return sum(len(node.by_low.entries) - at for node, at in found)
        assert self.where is not None
        total = 0
        for node, _ in found:
            part = (node.by_high if self.downwards else node.by_low).of(key)
            at = position(part, self.where)
            total += at if self.downwards else len(part.entries) - at
        return total

    def claims(self) -> int:
        """How many claims fail with the reading and relate to one of its claims."""
        if self.where is None:
            return 0
        total, exclude = self._total(self.found), self.exclude
        return total if exclude is None else total - self._total(self.found, exclude)

    def pairs(self) -> int:
        """How many pairs of a claim of the reading and a partner the scope relates."""
        if self.where is None:
            return 0
        sources = self.reading.sources
        if self.setup.rule.scope.kind is not ScopeKind.ACROSS_SOURCES or len(sources) == 1:
            return len(self.reading.sides) * self.claims()
        same = sum(n * self._total(self.found, s) for s, n in sources.items())
        return len(self.reading.sides) * self._total(self.found) - same

    def size(self) -> int:
        """How many partner entries there are (any standing, any outlet)."""
        return self._total(self.found) if self.where is not None else 0

    def counted(self, cite: int) -> tuple[int, int, list[Near]]:
        """Claims and pairs of the partners standing higher and relating to the reading,
        and the nearest ``cite`` of them, by visiting each partner (for few partners)."""
        exclude, standing = self.exclude, self.reading.standing
        sides, sources = len(self.reading.sides), self.reading.sources
        across = self.setup.rule.scope.kind is ScopeKind.ACROSS_SOURCES
        claims = pairs = 0
        near: list[Near] = []
        for node, at in self.found:
            part = node.by_high if self.downwards else node.by_low
            span = range(at - 1, -1, -1) if self.downwards else range(at, len(part.entries))
            taken = 0
            for entry in map(part.entries.__getitem__, span):
                if entry.reading.standing <= standing or entry.key == exclude:
                    continue
                claims += 1
                pairs += sides - sources.get(entry.key, 0) if across else sides
                if taken < cite:  # a node's entries come nearest first: the rest are farther
                    near.append(self._near(entry))
                    taken += 1
        near.sort(key=lambda n: n.nearness)
        return claims, pairs, near[:cite]

    def nearest(self, cite: int) -> list[Near]:
        """Up to ``cite`` related partners standing higher, nearest first, from each node's
        edge (the nearest of all are among them)."""
        out: list[Near] = []
        exclude, standing = self.exclude, self.reading.standing
        for node, at in self.found:
            part = node.by_high if self.downwards else node.by_low
            span = range(at - 1, -1, -1) if self.downwards else range(at, len(part.entries))
            taken = 0
            for i in span:
                entry = part.entries[i]
                if entry.key == exclude or not (self.everyone or entry.reading.standing > standing):
                    continue
                out.append(self._near(entry))
                taken += 1
                if taken == cite:
                    break
        return out

    def _near(self, entry: Entry) -> Near:
        """A partner and how near: the margin by which the part fails, whether its deciding
        end is open, its place in claim order."""
        assert self.where is not None
        iv, within, value = entry.interval, self.setup.within, self.where.value
        if self.downwards:
            assert iv.high is not None
            margin, opened = value - iv.high, not iv.high_closed
        else:
            assert iv.low is not None
            margin, opened = within.k * (iv.low - value), not iv.low_closed
        mine, theirs = self.reading.span, entry.reading.span
        both = span_in_time(mine, theirs, self.dates) and span_in_time(theirs, mine, self.dates)
        one_way = self.setup.symmetric and not both
        return Near((margin, opened, (entry.rank,)), entry.claim, entry.reading, one_way)


def exclusion(kind: ScopeKind, reading: Reading) -> str | None:
    """The outlet or origin whose claims relate to no claim of ``reading`` (None: all do)."""
    if kind is ScopeKind.ACROSS_ORIGINS:
        return reading.who
    if kind is ScopeKind.ACROSS_SOURCES and len(reading.sources) == 1:
        return next(iter(reading.sources))
    return None


def probes_of(
    setup: Setup, indexes: Sequence[SpanIndex], reading: Reading, everyone: bool = False
) -> list[Probe]:
    """Every probe of ``reading``: per part, as the small side and as the big side."""
    found = []
    for part in setup.parts:
        if setup.symmetric:
            for down in (True, False):
                found.append(
                    Probe(setup, reading, indexes[0], down, part.dates, part.strict, everyone)
                )
            continue
        if reading.role == part.small:
            found.append(Probe(setup, reading, indexes[part.big], True, part.dates, part.strict))
        if reading.role == part.big:
            found.append(Probe(setup, reading, indexes[part.small], False, part.dates, part.strict))
    return found
