"""The check pipeline, wired from loaders, the core and nothing else.

Loaders read; the extractor and evaluator are pure; the caller (the CLI) decides
what to print. Claims are gathered by ``crosscheck.pipeline.gather``; the same rules over
the same claims give the report recorded in the cache, if there is one.
"""

from __future__ import annotations

from collections.abc import Sequence

from crosscheck.accept.baseline import BaselineEntry, apply_baseline
from crosscheck.cache.claims import ClaimCache
from crosscheck.cache.keys import evaluation_key, outcome_key
from crosscheck.dsl.ast import RuleSet
from crosscheck.model import Report
from crosscheck.pipeline.gather import Gathered


def evaluate_gathered(
    ruleset: RuleSet,
    gathered: Gathered,
    *,
    keep_undecided: bool = False,
    cache: ClaimCache | None = None,
) -> Report:
    """Evaluate every rule over the gathered claims (or recall the same evaluation's report)."""
    key = None
    if cache is not None and gathered.fingerprint is not None:
        key = outcome_key(evaluation_key(ruleset, keep_undecided), gathered.fingerprint)
        recalled = cache.get_report(key)
        if recalled is not None:
            return recalled
    # Imported here: a report recalled from the cache needs no evaluator.
    from crosscheck.evaluate import evaluate

    outcome = evaluate(ruleset, gathered.claims, keep_undecided=keep_undecided)
    report = Report(
        violations=outcome.violations,
        claims=len(gathered.claims),
        documents=gathered.documents,
        rules=len(ruleset.rules),
        skipped=outcome.skipped,
        undecided=outcome.undecided,
        unlisted=outcome.unlisted,
    )
    if cache is not None and key is not None:
        cache.put_report(key, report)
    return report


def apply_baseline_to_report(report: Report, entries: Sequence[BaselineEntry]) -> Report:
    """The report with violations the baseline accepts removed and counted as waived."""
    split = apply_baseline(report.violations, entries)
    unused = tuple(
        f"baseline entry for {e.rule} matched nothing: {e.summary}" for e in split.unused
    )
    return report.model_copy(
        update={
            "violations": split.new,
            "waived": report.waived + len(split.accepted),
            "unused_waivers": report.unused_waivers + unused,
        }
    )
