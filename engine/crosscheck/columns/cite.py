"""Records for what a finding cites: claims and readings made only for odd readings and the
claims nearest them, worded by the record path's own ``findings.drafts``."""

from __future__ import annotations

from collections.abc import Iterable

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


class Cited:
    """Turns one rule's charges into findings (see the module docstring)."""

    def __init__(self, plan: Plan, readings: Readings, records: Records, cite: int) -> None:
        self.plan, self.readings, self.records = plan, readings, records
        self.citing = Citing(cite, records.order)
        self.made: dict[int, Reading] = {}

    def reading(self, number: int) -> Reading:
        """The record path's reading of reading ``number`` (made once)."""
        found = self.made.get(number)
        if found is not None:
            return found
        rows = self.readings.claims(number).tolist()
        claims = [self.records.claim(int(row)) for row in rows]
        head = claims[0]
        span = head.time_span()
        first, last = (None, None) if span is None else span
        kind = self.plan.setup.rule.scope.kind
        found = Reading(
            int(self.readings.role[number]),
            scope_key(head, kind),
            f"source:{head.source}" if head.origin is None else origin_key(head),
            first,
            last,
            head.interval,
        )
        for row, claim in zip(rows, claims, strict=True):
            found.sides.append(Side((Item(int(row), claim),), claim.interval))
            found.ranks.append((int(self.records.table.rank[row]),))
            found.sources[claim.source] = found.sources.get(claim.source, 0) + 1
        found.order = found.ranks[0]
        self.made[number] = found
        return found

    def finding(self, odd: OddRow) -> Finding:
        """The finding of one odd reading (only the nearest claim's reading is made)."""
        first = odd.nearest[0]
        claims = [self.records.claim(n.row) for n in odd.nearest]
        against = Against(self.reading(first.reading), first.one_way, claims, odd.claims)
        return worded_finding(
            self.plan.setup, self.reading(odd.reading), against, odd.pairs, self.citing
        )
