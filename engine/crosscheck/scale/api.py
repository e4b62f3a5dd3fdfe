"""``check_frame``: findings of a rule set over a Dask DataFrame of articles or claims.

    import dask.dataframe as dd
    from distributed import Client
    from crosscheck.scale import check_frame

    client = Client("tcp://scheduler:8786")          # or Client() for a local cluster
    claims = dd.read_parquet("claims/", dtype_backend="pyarrow")
    findings = check_frame(claims, "rules/")          # a pandas DataFrame, one row a finding

Runs on the Dask client in use (``distributed.Client``); see docs/scale.md.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import dask.dataframe as dd
import pandas as pd

from crosscheck.dsl.ast import RuleSet
from crosscheck.load.errors import InputError, InputWarning
from crosscheck.model import DEFAULT_CITE, Finding
from crosscheck.scale.evaluate import MAX_GROUP, Evaluated, evaluate_claims
from crosscheck.scale.extract import NOTE, extract_articles
from crosscheck.scale.workers import ship

FINDING_COLUMNS = (
    "rule", "severity", "kind", "message", "detail", "identity", "pairs", "odd", "claims",
    "finding",
)  # fmt: skip


class GroupTooLarge(UserWarning):
    """A group larger than one worker is trusted with was evaluated whole (docs/scale.md)."""


def check_frame(
    frame: dd.DataFrame,
    rules: RuleSet | str | Path,
    *,
    cite: int = DEFAULT_CITE,
    bucket_days: int | None = None,
    max_group: int = MAX_GROUP,
) -> pd.DataFrame:
    """The findings of ``rules`` (a rule set, or a rule file or folder) over ``frame``: a
    table of articles (``path`` and ``text`` columns, optionally ``source``, ``date``,
    ``url``, ``title``) or of claims (the Parquet columns of ``crosscheck extract
    --format parquet``), as a pandas DataFrame with one row per finding in report order.

    Columns: ``rule``, ``severity``, ``kind``, ``message``, ``detail``, ``identity``,
    ``pairs``, ``odd`` (where the odd claim is: FILE:LINE:COLUMN), ``claims`` (where
    every cited claim is) and ``finding`` (the ``crosscheck.Finding``). A group too
    large for one worker that the rule cannot split is a ``GroupTooLarge`` warning.
    Claims that cannot be read raise ``InputError``.
    """
    ruleset = _ruleset(rules)
    evaluated = evaluate_frame(frame, ruleset, cite=cite, bucket_days=bucket_days,
                               max_group=max_group)  # fmt: skip
    if any(problem.is_error for problem in evaluated.problems):
        raise InputError(list(evaluated.problems))
    for problem in evaluated.problems:
        warnings.warn(problem.render(), InputWarning, stacklevel=2)
    for large in evaluated.large:
        warnings.warn(large.text(), GroupTooLarge, stacklevel=2)
    return findings_table(evaluated.findings)


def evaluate_frame(
    frame: dd.DataFrame,
    ruleset: RuleSet,
    *,
    cite: int = DEFAULT_CITE,
    bucket_days: int | None = None,
    max_group: int = MAX_GROUP,
) -> Evaluated:
    """``check_frame``'s evaluation, with what it found beside the findings."""
    shipped = ship(ruleset)
    if "text" in frame.columns:
        frame = extract_articles(frame, shipped)
    elif NOTE in frame.columns:
        frame = frame[frame[NOTE].isna()].drop(columns=[NOTE])
    return evaluate_claims(frame, shipped, cite=cite, bucket_days=bucket_days,
                           max_group=max_group)  # fmt: skip


def findings_table(findings: tuple[Finding, ...]) -> pd.DataFrame:
    """Findings as a pandas DataFrame, one row each (``check_frame``'s columns)."""
    rows = [_finding_row(f) for f in findings]
    return pd.DataFrame(rows, columns=list(FINDING_COLUMNS))


def _finding_row(f: Finding) -> tuple[object, ...]:
    odd = f.odd[0].location() if f.odd else None
    located = tuple(claim.location() for claim in f.claims)
    return (f.rule, f.severity.value, f.kind.value, f.message, f.detail, f.identity, f.pairs,
            odd, located, f)  # fmt: skip


def _ruleset(rules: RuleSet | str | Path) -> RuleSet:
    if isinstance(rules, RuleSet):
        return rules
    from crosscheck.load.rules import load_rules

    return load_rules(Path(rules))
