"""Evaluate a rule set over a claim table: the findings ``evaluate.evaluate`` gives, from
columns, with records made only for what findings and skips cite.

Per rule: a pairwise rule of single claims (agreement, growth, a comparison between two
single measures in one unit) is decided on columns (``pairwise``); a grouped rule (bounds,
a constant, a sum) by ``grouped.grouped_rule``; anything else, and a pairwise rule whose
group holds a split between largest agreeing sets or an end past 64 bits, by the record
path over that rule's claims only (``record_rule``), which gives the same findings.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from crosscheck.columns.charges import group_charges
from crosscheck.columns.cite import Drafts, Records
from crosscheck.columns.ends import Ends
from crosscheck.columns.grouped import grouped_rule, is_grouped
from crosscheck.columns.groups import build_groups
from crosscheck.columns.headlines import kept_rows
from crosscheck.columns.pairwise import OddRow, questions
from crosscheck.columns.places import places_as_parts
from crosscheck.columns.plan import Plan, plan_of
from crosscheck.columns.readings import Readings, build_readings
from crosscheck.columns.splits import may_split
from crosscheck.columns.support import Stats, rank, support
from crosscheck.columns.table import NO_DAY, ClaimColumns
from crosscheck.dsl.ast import Agreement, Bounds, Comparison, Monotonic, Rule, RuleSet, Sum
from crosscheck.evaluate import Outcome
from crosscheck.evaluate.context import Context, Decided
from crosscheck.evaluate.findings import rule_findings
from crosscheck.evaluate.findings.drafts import Citing
from crosscheck.model import DEFAULT_CITE, Finding, Skipped

Ints = NDArray[np.int64]
Decision = tuple[list[Finding], list[Skipped]]


@dataclass(frozen=True)
class RuleFindings:
    """One rule's findings (made, or drafts worded when asked for) and skipped claims."""

    built: list[Finding]
    skipped: list[Skipped]
    drafts: Drafts | None = None

    def __len__(self) -> int:
        return len(self.built) + (0 if self.drafts is None else len(self.drafts))

    def findings(self) -> Iterator[Finding]:
        """The rule's findings in report order (drafts worded as they come)."""
        yield from self.built
        if self.drafts is not None:
            yield from self.drafts.findings()


def evaluate_columns(ruleset: RuleSet, table: ClaimColumns, *, cite: int = DEFAULT_CITE) -> Outcome:
    """The findings and skipped claims of the rule set over the table's claims, equal to
    ``evaluate.evaluate(ruleset, claims, cite=cite)`` over its rows' records (findings
    without their pairwise violations listed; no undecided relations)."""
    decided = decide_columns(ruleset, table, cite=cite)
    findings = tuple(finding for rule in decided for finding in rule.findings())
    return Outcome(findings, (), tuple(skip for rule in decided for skip in rule.skipped))


def decide_columns(
    ruleset: RuleSet, table: ClaimColumns, *, cite: int = DEFAULT_CITE
) -> list[RuleFindings]:
    """Each rule's findings and skipped claims, in rule order: ``evaluate_columns``' own,
    with a pairwise rule's findings kept as the rows they cite until they are asked for
    (so that a caller that writes them one by one never holds them all)."""
    table = places_as_parts(table)
    rows = kept_rows(table)
    declared = [i for i, name in enumerate(table.measure.values) if name in ruleset.measures]
    rows = rows[np.isin(table.measure.codes[rows], declared)]
    records = Records(table)
    return [decide(rule, ruleset, table, rows, records, cite) for rule in ruleset.rules]


def decide(
    rule: Rule, ruleset: RuleSet, table: ClaimColumns, rows: Ints, records: Records, cite: int
) -> RuleFindings:
    """One rule's findings and skipped claims, in report order."""
    plan = plan_of(rule, ruleset)
    if plan is not None:
        done = pairwise_rule(plan, table, rows, records, cite)
        if done is not None:
            return done
    elif is_grouped(rule):
        return RuleFindings(*grouped_rule(rule, ruleset, table, rows, cite))
    return RuleFindings(*record_rule(rule, ruleset, table, rows, records, cite))


def measure_rows(table: ClaimColumns, rows: Ints, name: str) -> Ints:
    """The rows of one measure among ``rows``."""
    codes = [i for i, value in enumerate(table.measure.values) if value == name]
    picked: Ints = rows[np.isin(table.measure.codes[rows], codes)]
    return picked


def pairwise_rule(
    plan: Plan, table: ClaimColumns, rows: Ints, records: Records, cite: int
) -> RuleFindings | None:
    """A pairwise rule decided on columns; None when it must go to the record path."""
    roles: list[Ints] = []
    skipped: list[Ints] = []
    for name in plan.roles:
        mine = measure_rows(table, rows, name)
        if plan.reason is not None:
            undated = table.spans(mine)[0] == NO_DAY
            if name not in plan.roles[: len(roles)]:
                skipped.append(mine[undated])
            mine = mine[~undated]
        roles.append(mine)
    if table.wide and any(int(r) in table.wide for r in np.concatenate(roles).tolist()):
        return None
    odd = _charges(plan, table, roles, cite)
    if odd is None:
        return None
    skips = np.concatenate(skipped) if skipped else rows[:0]
    skips = skips[np.lexsort((skips, table.rank[skips]))]
    reason = plan.reason or ""
    name = plan.setup.rule.name
    skips_made = [Skipped(rule=name, claim=records.claim(int(r)), reason=reason) for r in skips]
    return RuleFindings([], skips_made, Drafts(plan, table, odd, cite))


def _charges(
    plan: Plan, table: ClaimColumns, roles: list[Ints], cite: int
) -> tuple[Readings, list[OddRow]] | None:
    """The rule's readings and odd readings' charges; None when a group may split."""
    readings = build_readings(table, roles, plan.setup.rule.scope.kind)
    ends = Ends(table, plan.within, np.concatenate(roles))
    groups = build_groups(readings, plan, ends)
    stats = Stats.empty(len(readings))
    asked = []
    for group in groups:
        support(plan, readings, ends, group, stats)
        if plan.setup.splits and may_split(plan, readings, ends, group, stats):
            return None
        asked.append(questions(plan, readings, ends, group, stats))
    rank(readings, stats)
    charged: list[OddRow] = []
    for group, found in zip(groups, asked, strict=True):
        for index in group.indexes:
            if index is not None:
                index.seal(stats.standing)
        charged.extend(group_charges(plan, readings, ends, found, stats, cite))
    charged.sort(key=lambda c: c.reading)
    return readings, charged


def record_rule(
    rule: Rule, ruleset: RuleSet, table: ClaimColumns, rows: Ints, records: Records, cite: int
) -> Decision:
    """One rule decided by the record path over the records of its measures' rows."""
    names = _measures(rule)
    mine = np.sort(np.concatenate([measure_rows(table, rows, n) for n in names]))
    claims = [records.claim(int(r)) for r in mine]
    ctx = Context.build(ruleset, claims)
    out = Decided(rule, keep_undecided=False)
    found = rule_findings(rule, ctx, out, Citing(cite, ctx.order_of))
    skipped = sorted(out.skipped, key=lambda s: ctx.order_of((s.claim,)))
    return found, skipped


def _measures(rule: Rule) -> list[str]:
    body = rule.body
    if isinstance(body, Agreement | Monotonic | Bounds):
        return [body.measure.name]
    assert isinstance(body, Comparison)
    sides = (body.left, body.right)
    return list(dict.fromkeys(t.name for s in sides if isinstance(s, Sum) for t in s.terms))
