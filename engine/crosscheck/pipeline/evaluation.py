"""The check pipeline, wired from loaders, the core and nothing else.

Loaders read; the extractor and evaluator are pure; the caller (the CLI) decides
what to print. Claims are gathered by ``crosscheck.pipeline.gather``; the same rules over
the same claims give the report recorded in the cache, if there is one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from crosscheck.accept.baseline import Baseline, apply_baseline
from crosscheck.accept.waivers import apply_waivers
from crosscheck.cache.claims import ClaimCache
from crosscheck.cache.keys import evaluation_key, outcome_key
from crosscheck.dsl.ast import RuleSet, Waiver
from crosscheck.model import DEFAULT_CITE, Report
from crosscheck.pipeline.gather import Gathered

if TYPE_CHECKING:
    from crosscheck.evaluate import Outcome


def evaluate_gathered(
    ruleset: RuleSet,
    gathered: Gathered,
    *,
    keep_undecided: bool = False,
    pairs: bool = False,
    cite: int = DEFAULT_CITE,
    cache: ClaimCache | None = None,
) -> Report:
    """Evaluate every rule over the gathered claims (or recall the same evaluation's report).

    Each finding cites ``cite`` claims per group in full; with ``pairs`` it lists the
    pairwise violations it covers.
    """
    key = None
    if cache is not None and gathered.fingerprint is not None:
        settings = evaluation_key(ruleset, keep_undecided, pairs, cite)
        key = outcome_key(settings, gathered.fingerprint)
        recalled = cache.get_report(key)
        if recalled is not None:
            return recalled
    outcome = _outcome(ruleset, gathered, keep_undecided, pairs, cite)
    table = gathered.columns
    report = Report(
        findings=outcome.findings,
        claims=len(gathered.claims) if table is None else len(table),
        documents=gathered.documents,
        rules=len(ruleset.rules),
        skipped=outcome.skipped,
        undecided=outcome.undecided,
        unlisted=outcome.unlisted,
    )
    if cache is not None and key is not None:
        cache.put_report(key, report)
    return report


def apply_baseline_to_report(report: Report, baseline: Baseline) -> Report:
    """The report with findings the baseline accepts removed and counted as waived."""
    split = apply_baseline(report.findings, baseline)
    unused = tuple(
        f"baseline entry for {e.rule} matched nothing: {e.summary}" for e in split.unused
    )
    return report.model_copy(
        update={
            "findings": split.new,
            "waived": report.waived + len(split.accepted),
            "unused_waivers": report.unused_waivers + unused,
        }
    )


def accepted_report(
    report: Report,
    waivers: Iterable[Waiver],
    today: dt.date,
    baseline: Baseline | None = None,
    *,
    pairs: bool = False,
) -> Report:
    """The report as ``check`` gives it: findings accepted by today's waivers, then by the
    baseline, removed and counted as waived.

    A baseline of pairwise violations (version 1) is matched through the findings'
    pairs, which are then dropped unless ``pairs`` asked for them.
    """
    report = apply_waivers(report, waivers, today)
    if baseline is None:
        return report
    report = apply_baseline_to_report(report, baseline)
    return without_pairs(report) if baseline.pairwise and not pairs else report


def without_pairs(report: Report) -> Report:
    """The report with no finding listing its pairwise violations."""
    findings = tuple(f.model_copy(update={"violations": ()}) for f in report.findings)
    return report.model_copy(update={"findings": findings})


def _outcome(
    ruleset: RuleSet, gathered: Gathered, keep_undecided: bool, pairs: bool, cite: int
) -> Outcome:
    """The evaluation of the gathered claims: on columns when they were read as columns
    and neither pairs nor undecided relations are asked for (the same findings), else
    over records. Imported here: a report recalled from the cache needs no evaluator."""
    if gathered.columns is not None and not (pairs or keep_undecided):
        from crosscheck.columns.evaluate import evaluate_columns

        return evaluate_columns(ruleset, gathered.columns, cite=cite)
    from crosscheck.evaluate import evaluate

    claims = gathered.claims
    return evaluate(ruleset, claims, keep_undecided=keep_undecided, pairs=pairs, cite=cite)
