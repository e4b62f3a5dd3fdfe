"""Charges found with sorted indexes instead of pairs (docs/semantics.md §10.3).

Per scope group and operand one ``SpanIndex``. The readings of one operand and one
time ask each index they may fail with, in each direction, together (a ``Question``):
one binary search per reading and node of the leaves their time allows gives how many
claims fail with each reading (its conflicts, for standing) and, once standing is
known, whether a better supported claim is among them (the reading is odd). Only odd
readings, few, are then probed one by one for what their findings cite and count
(``probe.Probe``): the claims of lower standing they fail with are themselves odd
readings' findings, subtracted. Two top readings of an agreement that fail go to the
split. The charges are those of ``charges.by_pairs``; no pair is visited.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from operator import sub

from crosscheck.dsl.ast import ScopeKind
from crosscheck.evaluate.candidates import DateRule
from crosscheck.evaluate.findings.agreeing import Largest, agree, own_node, positions, tops
from crosscheck.evaluate.findings.charges import Charges, Odd
from crosscheck.evaluate.findings.conflicts import verdict
from crosscheck.evaluate.findings.index import Entry, Node, SpanIndex
from crosscheck.evaluate.findings.probe import (
    Probe,
    exclusion,
    floats_of,
    limit,
    nodes,
    probes_of,
)
from crosscheck.evaluate.findings.readings import Order, Reading, partner_count, related_pairs
from crosscheck.evaluate.findings.setup import Part, Setup
from crosscheck.evaluate.findings.standing import order as rank_readings


@dataclass
class Question:
    """The readings of one operand and time, asking one index in one direction; ``at``:
    per node, where each reading's partners stop (downwards) or start."""

    askers: list[Reading]
    downwards: bool
    nodes: list[Node]
    at: list[list[int]] = field(default_factory=list)

    def part(self, node: Node) -> str:
        """The order of ``node`` this question searches."""
        return "by_high" if self.downwards else "by_low"


def timed(setup: Setup) -> bool:
    """Whether partners depend on time (a date order or a day window)."""
    days = setup.rule.scope.days
    return days is not None or any(p.dates is not DateRule.ANY for p in setup.parts)


def entries(readings: Sequence[Reading], kind: ScopeKind) -> list[Entry]:
    """The claims of ``readings``, each with what the index needs."""
    found = []
    origins = kind is ScopeKind.ACROSS_ORIGINS
    for reading in readings:
        interval, first = reading.interval, True
        for side, rank in zip(reading.sides, reading.ranks, strict=True):
            key = reading.who if origins else side.source
            found.append(Entry(side.claims[0], reading, rank[0], key, interval, first))
            first = False
    return found


def _ask(setup: Setup, askers: list[Reading], index: SpanIndex, down: bool, part: Part) -> Question:
    """One question: every asker's position in every node its time allows."""
    picked = nodes(index, askers[0].span, down, part.dates, setup.rule.scope.days)
    question = Question(askers, down, picked)
    for node in picked:
        order = node.by_high if down else node.by_low
        question.at.append(positions(order, askers, setup.within, down, part.strict))
    return question


def questions(
    setup: Setup, readings: Sequence[Sequence[Reading]], indexes: Sequence[SpanIndex]
) -> Iterator[Question]:
    """Every question of a scope group's readings: per operand, time and part, as the
    small side (downwards) and as the big side."""
    for role, members in enumerate(readings):
        by_span: dict[object, list[Reading]] = defaultdict(list)
        for reading in members:
            if setup.splits and reading.top:
                continue  # a top reading of an agreement: its conflicts go to the split
            by_span[reading.span if indexes[0].timed else None].append(reading)
        for part in setup.parts:
            if setup.symmetric:
                asks = [(0, True), (0, False)]
            else:
                asks = [(part.big, True)] if part.small == role else []
                asks += [(part.small, False)] if part.big == role else []
            for target, down in asks:
                for askers in by_span.values():
                    yield _ask(setup, askers, indexes[target], down, part)


def _count(question: Question) -> None:
    """Add to each asker the readings that fail with it."""
    for node, at in zip(question.nodes, question.at, strict=True):
        if question.downwards:
            counts = list(map(node.by_high.readings.__getitem__, at))
        else:
            firsts = node.by_low.readings
            counts = list(map(sub, repeat(firsts[-1]), map(firsts.__getitem__, at)))
        for reading, count in zip(question.askers, counts, strict=True):
            reading.conflicts += count


def _odd(question: Question, kind: ScopeKind, skip_top: bool) -> Iterator[Reading]:
    """The askers a better supported claim (related to one of theirs) fails with."""
    best = [-1] * len(question.askers)
    for node, at in zip(question.nodes, question.at, strict=True):
        order = node.by_high if question.downwards else node.by_low
        best = list(map(max, best, map(order.best.__getitem__, at)))
    for i, reading in enumerate(question.askers):
        if best[i] <= reading.standing or (skip_top and reading.top):
            continue
        exclude = exclusion(kind, reading)
        if exclude is None or _higher(question, i, exclude):
            yield reading


def _higher(question: Question, i: int, exclude: str) -> bool:
    """Whether a partner of asker ``i`` not of ``exclude`` stands higher than it."""
    standing = question.askers[i].standing
    for node, at in zip(question.nodes, question.at, strict=True):
        order = node.by_high if question.downwards else node.by_low
        p = at[i]
        if question.downwards:  # entries[:p], nearest last; best[j + 1] covers entries[:j + 1]
            span, shift = range(p - 1, -1, -1), 1
        else:  # entries[p:], nearest first; best[j] covers entries[j:]
            span, shift = range(p, len(order.entries)), 0
        for j in span:
            if order.best[j + shift] <= standing:
                break  # no entry from here on stands higher
            entry = order.entries[j]
            if entry.reading.standing > standing and entry.key != exclude:
                return True
    return False


def by_index(setup: Setup, readings: Sequence[Reading], cite: int, order: Order) -> Charges:
    """The charges of ``charges.by_pairs``, found without visiting every pair."""
    kind = setup.rule.scope.kind
    grouped: dict[str, list[list[Reading]]] = defaultdict(lambda: [[] for _ in setup.roles])
    for reading in readings:
        grouped[reading.group][reading.role].append(reading)
    asked = []
    charges = Charges()
    for name in sorted(grouped):
        members = grouped[name]
        indexes = [SpanIndex(entries(rs, kind), timed(setup)) for rs in members]
        largest = _support(setup, members, indexes)
        if largest is not None:
            charges.largest[name] = largest
        found = list(questions(setup, members, indexes))
        for question in found:
            _count(question)
        asked.append((members, indexes, found))
    rank_readings(readings)
    for members, indexes, found in asked:
        for index in indexes:
            index.seal()
        odd = {id(r): r for q in found for r in _odd(q, kind, setup.splits)}
        _charge_odd(setup, indexes, sorted(odd.values(), key=lambda r: r.standing), charges, cite)
        if setup.splits:
            _split(setup, members[0], charges, order)
    return charges


FEW = 4096  # partners of an odd reading visited one by one; beyond, counted and subtracted


def _support(
    setup: Setup, readings: Sequence[Sequence[Reading]], indexes: Sequence[SpanIndex]
) -> Largest | None:
    """Each reading's agreements and, for a rule not over time, which readings are top;
    the largest agreeing sets of an agreement not over time (for its split)."""
    largest: Largest | None = None
    for role, members in enumerate(readings):
        by_node: dict[int, list[Reading]] = defaultdict(list)
        nodes_of: dict[int, Node] = {}
        for reading in members:
            node = own_node(indexes[role], reading)
            assert node is not None, "a reading's own claims are in its index"
            by_node[id(node)].append(reading)
            nodes_of[id(node)] = node
        for key, group in by_node.items():
            below = agree(setup, nodes_of[key], group)
            if not setup.over_time:
                sets = tops(setup, nodes_of[key], group, below)
                largest = sets if role == 0 else largest
    return largest


def _charge_odd(
    setup: Setup, indexes: Sequence[SpanIndex], odd: Sequence[Reading], charges: Charges, cite: int
) -> None:
    """Count and cite, for each odd reading, the claims standing higher that fail with it:
    visiting its partners when they are few, else counting them all and taking away those
    of lower standing (odd readings themselves, few)."""
    for position, reading in enumerate(odd):
        probes = probes_of(setup, indexes, reading)
        if sum(p.size() for p in probes) <= FEW:
            counted = [p.counted(cite) for p in probes]
            claims, pairs = sum(c[0] for c in counted), sum(c[1] for c in counted)
            near = sorted((n for c in counted for n in c[2]), key=lambda n: n.nearness)
        else:
            claims, pairs = _less_lower(setup, reading, odd[:position], probes)
            near = sorted((n for p in probes for n in p.nearest(cite)), key=lambda n: n.nearness)
        charges.odd[id(reading)] = Odd(reading, near[:cite], claims, pairs)


def _less_lower(
    setup: Setup, reading: Reading, lower: Sequence[Reading], probes: Sequence[Probe]
) -> tuple[int, int]:
    """The related partners' claims and pairs, less those of readings of lower standing."""
    kind = setup.rule.scope.kind
    claims = sum(p.claims() for p in probes)
    pairs = sum(p.pairs() for p in probes)
    for other in lower:
        if other.role == reading.role and not setup.symmetric:
            continue  # one operand of a comparison: never related to each other
        if not _may_fail(setup, reading, other):
            continue
        pair = (other, reading) if other.role <= reading.role else (reading, other)
        if related_pairs(reading, other, kind, True) and verdict(setup, pair) is not None:
            claims -= partner_count(reading, other, kind, True)
            pairs -= related_pairs(reading, other, kind, True)
    return claims, pairs


def _split(setup: Setup, members: Sequence[Reading], charges: Charges, order: Order) -> None:
    """The top readings of a scope group that fail with another top reading, and the
    pairs they make (each failing pair is downwards from exactly one of its two)."""
    tops = [r for r in members if r.top]
    if len(tops) < 2 or _one_camp(setup, tops):
        return
    index = SpanIndex(entries(tops, setup.rule.scope.kind), timed(setup))
    index.seal()
    for reading in tops:
        probes = probes_of(setup, [index], reading, everyone=True)
        if not any(p.claims() for p in probes):
            continue
        split = charges.split[reading.group]
        split.readings[id(reading)] = reading
        split.pairs += sum(p.pairs() for p in probes if p.downwards)


def _one_camp(setup: Setup, tops: Sequence[Reading]) -> bool:
    """Whether every top reading meets every other, so none fails with another: the
    highest lower end is not above the lowest upper end stretched by the tolerance."""
    highs = [e for r in tops if (e := limit(r, setup.within, False, False)) is not None]
    lows = [r.interval for r in tops if r.interval.low is not None]
    if not highs or not lows:
        return True
    top_low = max((iv.low, 0 if iv.low_closed else 1) for iv in lows)
    low_high = min((e.value, 0 if e.tie == 0 else -1) for e in highs)
    return top_low <= low_high


def _may_fail(setup: Setup, u: Reading, v: Reading) -> bool:
    """A quick test, with floats and a margin, that ``u`` and ``v`` might fail: False only
    when their values surely meet under the tolerance (then ``verdict`` need not run)."""
    k, bound = floats_of(setup.within)
    for small, big in ((u, v), (v, u)):
        low, high = small.interval.low, big.interval.high
        if low is None or high is None:
            continue
        guess = k * float(low) - bound
        if float(high) <= guess + abs(guess) * 1e-9 + 1e-300:
            return True
    return False
