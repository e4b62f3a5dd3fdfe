"""Records for what a finding cites: claims and readings made only for odd readings and the
claims nearest them, worded by the record path's own ``findings.drafts``.

A pairwise rule's findings are kept as ``Drafts`` (each odd reading's charge and the rows
of the readings it cites) until they are asked for, then worded a batch at a time with
records made for that batch only: a rule with a hundred thousand findings never holds
their records all at once unless the caller keeps them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from crosscheck.columns.pairwise import OddRow
from crosscheck.columns.plan import Plan
from crosscheck.columns.readings import Readings
from crosscheck.columns.table import ClaimColumns
from crosscheck.evaluate.context import Item
from crosscheck.evaluate.findings.drafts import Against, Citing, worded_finding
from crosscheck.evaluate.findings.readings import Reading
from crosscheck.evaluate.scopes import Side, origin_key, scope_key
from crosscheck.model import Claim, Finding


class Records:
    """``Claim`` records of a table's rows, each made once (the record path tells claims
    apart by identity)."""

    def __init__(self, table: ClaimColumns) -> None:
        self.table = table
        self.made: dict[int, Claim] = {}
        self.rank: dict[int, int] = {}

    def claim(self, row: int) -> Claim:
        """Row ``row``'s record."""
        found = self.made.get(row)
        if found is None:
            found = self.made[row] = self.table.claim(row)
            self.rank[id(found)] = int(self.table.rank[row])
        return found

    def order(self, claims: Iterable[Claim]) -> tuple[int, ...]:
        """Claim order of records made here."""
        return tuple(self.rank[id(claim)] for claim in claims)


@dataclass(frozen=True)
class Kept:
    """The readings a rule's findings cite: each one's rows (claim order) and operand."""

    rows: dict[int, NDArray[np.int64]]
    roles: dict[int, int]

    @classmethod
    def of(cls, readings: Readings, numbers: Iterable[int]) -> Kept:
        """Readings ``numbers`` of ``readings`` (their rows copied: the rest is let go)."""
        chosen = sorted(set(numbers))
        return cls(
            {n: readings.claims(n).copy() for n in chosen},
            {n: int(readings.role[n]) for n in chosen},
        )


class Drafts:
    """A pairwise rule's findings as charges and cited rows, worded when asked for."""

    def __init__(
        self, plan: Plan, table: ClaimColumns, found: tuple[Readings, list[OddRow]], cite: int
    ) -> None:
        readings, self.charges = found
        self.plan, self.table, self.cite = plan, table, cite
        cited = [c.reading for c in self.charges] + [c.nearest[0].reading for c in self.charges]
        self.kept = Kept.of(readings, cited)

    def __len__(self) -> int:
        return len(self.charges)

    def findings(self, batch: int = 4096) -> Iterator[Finding]:
        """The findings in order, worded ``batch`` at a time with records of their own."""
        for start in range(0, len(self.charges), batch):
            cited = Cited(self.plan, self.kept, Records(self.table), self.cite)
            for charge in self.charges[start : start + batch]:
                yield cited.finding(charge)


class Cited:
    """Turns one rule's charges into findings (see the module docstring)."""

    def __init__(self, plan: Plan, readings: Kept, records: Records, cite: int) -> None:
        self.plan, self.readings, self.records = plan, readings, records
        self.citing = Citing(cite, records.order)
        self.made: dict[tuple[int, int], Reading] = {}

    def reading(self, number: int, shown: int) -> Reading:
        """The record path's reading of reading ``number`` (made once) for a finding that
        shows its first ``shown`` claims. Past them a finding reads only how many claims
        there are and their outlets, so each of those sides is its outlet's first side
        in the reading (one record per outlet, not per claim: readings grow with the
        claim set)."""
        found = self.made.get((number, shown))
        if found is not None:
            return found
        rows = self.readings.rows[number].tolist()
        shown_claims = [self.records.claim(row) for row in rows[:shown]]
        head = shown_claims[0]
        span = head.time_span()
        first, last = (None, None) if span is None else span
        kind = self.plan.setup.rule.scope.kind
        found = Reading(
            self.readings.roles[number],
            scope_key(head, kind),
            f"source:{head.source}" if head.origin is None else origin_key(head),
            first,
            last,
            head.interval,
        )
        table = self.records.table
        outlets: dict[str, Side] = {}
        for place, row in enumerate(rows):
            source = table.source.values[int(table.source.codes[row])]
            side = outlets.get(source) if place >= shown else None
            if side is None:
                claim = shown_claims[place] if place < shown else self.records.claim(row)
                side = Side((Item(row, claim),), claim.interval)
                outlets.setdefault(source, side)
            found.sides.append(side)
            found.sources[source] = found.sources.get(source, 0) + 1
        found.ranks = [(rank,) for rank in table.rank[rows].tolist()]
        found.order = found.ranks[0]
        self.made[number, shown] = found
        return found

    def finding(self, odd: OddRow) -> Finding:
        """The finding of one odd reading (only the nearest claim's reading is made)."""
        first = odd.nearest[0]
        claims = [self.records.claim(n.row) for n in odd.nearest]
        # The odd reading's claims are cited; of the nearest one's, only the first is read.
        nearest = self.reading(first.reading, 1)
        against = Against(nearest, first.one_way, claims, odd.claims)
        odd_reading = self.reading(odd.reading, self.citing.cite)
        return worded_finding(self.plan.setup, odd_reading, against, odd.pairs, self.citing)
