"""Evaluation on Dask: claims shuffled into each rule's groups, each group decided by
crosscheck's own evaluator, the findings merged in report order.

Two shuffles: by document, to set aside headline copies as the single-process run does
(``evaluate.headlines``: a document's claims of every measure decide it), then by group
key (``groups``). A group holds the claims of one rule's measures in one scope group
(and time bucket); it is evaluated with that rule alone, and its findings and skipped
claims come back pickled. A group larger than ``max_group`` claims is evaluated all the
same, by one worker, and reported (``Evaluated.large``).
"""

from __future__ import annotations

import heapq
import pickle
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

import dask.dataframe as dd
import pandas as pd
import pyarrow as pa

from crosscheck.evaluate import evaluate
from crosscheck.evaluate.context import claim_key
from crosscheck.evaluate.headlines import without_headline_copies
from crosscheck.evaluate.places import parts_counted, parts_of, place_as_part
from crosscheck.load.errors import LoadError
from crosscheck.model import DEFAULT_CITE, Claim, Finding, Skipped
from crosscheck.scale.extract import problem_json, problem_of
from crosscheck.scale.frames import claims_frame, empty_claims, frame_claims, own_claims
from crosscheck.scale.groups import Plan, group_keys, keeps, plans, rule_of
from crosscheck.scale.workers import Shipped

GROUP = "group"
MAX_GROUP = 2_000_000  # claims one worker is trusted with before a group is reported
_PROBLEM_GROUP = "\x00problem"


@dataclass(frozen=True)
class Large:
    """A group larger than one worker is trusted with, which the rule does not let be
    split further: its rule, size, the limit, and why it is one group."""

    rule: str
    claims: int
    limit: int
    why: str

    def text(self) -> str:
        """The warning, in words."""
        return (
            f"rule {self.rule}: a group of {self.claims:,} claims (more than {self.limit:,}) "
            f"was evaluated by one worker: {self.why}"
        )


def _why_whole(plan: Plan) -> str:
    """Why a group of ``plan``'s rule cannot be split further."""
    scope = plan.rule.scope
    if plan.width is not None:
        return (
            f"one time bucket of {plan.width} days, as far as its window of "
            f"{scope.days} days lets it be split"
        )
    if scope.kind.value.startswith("per "):
        return f"the rule compares the claims of one {scope.kind.value[4:]} with each other"
    return "the rule compares all its claims with each other (no `per` scope, no day window)"


@dataclass(frozen=True)
class Evaluated:
    """What a distributed evaluation found: findings and skipped claims in report order,
    groups too large, and rows that could not be read as claims."""

    findings: tuple[Finding, ...]
    skipped: tuple[Skipped, ...]
    large: tuple[Large, ...]
    problems: tuple[LoadError, ...]


def evaluate_claims(
    claims: dd.DataFrame,
    shipped: Shipped,
    *,
    cite: int = DEFAULT_CITE,
    bucket_days: int | None = None,
    max_group: int = MAX_GROUP,
) -> Evaluated:
    """The findings of the shipped rule set over a frame of claims (Parquet columns)."""
    by_document = claims.shuffle(on="document").persist()  # read twice: parts, then groups
    counted = _parts_counted(by_document, shipped)
    meta = empty_claims(**{GROUP: pa.string(), "problem": pa.string()})
    grouped = by_document.map_partitions(
        _group_rows, shipped, counted, cite > 0, bucket_days, meta=meta, enforce_metadata=False
    )
    out_meta = pd.DataFrame({"rule": pd.Series([], dtype="int64"), "payload": []})
    decided = grouped.shuffle(on=GROUP).map_partitions(
        _decide_groups, shipped, (counted, cite), bucket_days, max_group, meta=out_meta
    )
    rows = decided.compute()
    return _merged(list(rows["payload"]), len(shipped.ruleset().rules))


def _parts_counted(claims: dd.DataFrame, shipped: Shipped) -> frozenset[str]:
    """The parts the claims count (``evaluate.places.parts_of``; ``claims`` hold whole
    documents per partition): a pass over every partition before any claim is put in a
    group, since a part splits groups."""
    meta = pd.DataFrame({"part": pd.Series([], dtype=object)})
    found = claims.map_partitions(_partition_parts, shipped, meta=meta).compute()
    return parts_counted(found["part"])


def _partition_parts(frame: pd.DataFrame, shipped: Shipped) -> pd.DataFrame:
    """The distinct parts a partition's claims (whole documents) count."""
    claims, _ = frame_claims(frame, shipped.ruleset(), "claims")
    return pd.DataFrame({"part": sorted(parts_of(claims))}, dtype=object)


def _group_rows(
    frame: pd.DataFrame,
    shipped: Shipped,
    counted: frozenset[str],
    by_time: bool,
    bucket_days: int | None,
) -> pd.DataFrame:
    """A partition's claims (whole documents) without headline copies, a place that
    ``counted`` holds as a part made the claim's part, one row per group each belongs to."""
    ruleset = shipped.ruleset()
    read, problems = frame_claims(frame, ruleset, "claims")
    claims = [place_as_part(claim, counted) for claim in read]
    by_document: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_document[claim.document].append(claim)
    rows: list[Claim] = []
    keys: list[str] = []
    for plan in plans(ruleset.rules, bucket_days, by_time=by_time):
        for document in by_document.values():
            for claim in without_headline_copies(document):
                for key in group_keys(plan, claim):
                    rows.append(claim)
                    keys.append(key)
    out = claims_frame(rows)
    out[GROUP] = pd.array(keys, dtype=pd.ArrowDtype(pa.string()))
    out["problem"] = pd.array([None] * len(rows), dtype=pd.ArrowDtype(pa.string()))
    if problems:
        bad = empty_claims(**{GROUP: pa.string()}).reindex(range(len(problems)))
        bad[GROUP] = _PROBLEM_GROUP
        bad["problem"] = [problem_json(p) for p in problems]
        out = pd.concat([out, bad], ignore_index=True)
    return out


def _decide_groups(
    frame: pd.DataFrame,
    shipped: Shipped,
    counting: tuple[frozenset[str], int],
    bucket_days: int | None,
    max_group: int,
) -> pd.DataFrame:
    """Each group of a partition decided by the evaluator (``counting``: the parts the
    whole claim set counts, and how many claims to cite): one row per group, its outcome
    pickled."""
    counted, cite = counting
    ruleset = shipped.ruleset()
    planned = plans(ruleset.rules, bucket_days, by_time=cite > 0)
    rules: list[int] = []
    payloads: list[bytes] = []
    for key, part in frame.groupby(GROUP, sort=True):
        key = str(key)
        if key == _PROBLEM_GROUP:
            outcome: Any = ("problems", [problem_of(p) for p in part["problem"]])
            rules.append(-1)
        else:
            plan = planned[rule_of(key)]
            claims = own_claims(part)  # rows _group_rows wrote from checked claims
            decided = _decided(plan, key, claims, (ruleset, counted), cite, max_group)
            outcome = ("decided", decided)
            rules.append(plan.index)
        payloads.append(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    return pd.DataFrame({"rule": pd.Series(rules, dtype="int64"), "payload": payloads})


def _decided(
    plan: Plan,
    key: str,
    claims: list[Claim],
    rules: tuple[Any, frozenset[str]],
    cite: int,
    max_group: int,
) -> tuple[int, list[Finding], list[Skipped], Large | None]:
    ruleset, counted = rules
    large = None
    if len(claims) > max_group:
        large = Large(plan.rule.name, len(claims), max_group, _why_whole(plan))
    alone = replace(ruleset, rules=(plan.rule,))
    outcome = evaluate(alone, claims, cite=cite, headline_copies_removed=True, parts=counted)
    findings = [f for f in outcome.findings if keeps(plan, key, f)]
    return plan.index, findings, list(outcome.skipped), large


def _merged(payloads: Iterable[bytes], rules: int) -> Evaluated:
    """Every group's outcome merged: by rule, then in claim order across groups (each
    group's own order kept)."""
    findings: list[list[list[Finding]]] = [[] for _ in range(rules)]
    skipped: list[list[list[Skipped]]] = [[] for _ in range(rules)]
    large: list[Large] = []
    problems: list[LoadError] = []
    for payload in payloads:
        kind, outcome = pickle.loads(payload)
        if kind == "problems":
            problems.extend(outcome)
            continue
        index, found, skips, too_large = outcome
        findings[index].append(found)
        skipped[index].append(skips)
        if too_large is not None:
            large.append(too_large)
    return Evaluated(
        tuple(f for groups in findings for f in _in_claim_order(groups, _finding_key)),
        tuple(s for groups in skipped for s in _in_claim_order(groups, _skipped_key)),
        tuple(sorted(set(large), key=lambda item: item.text())),
        tuple(problems),
    )


def _in_claim_order(groups: list[list[Any]], key: Any) -> Iterator[Any]:
    ordered = sorted(groups, key=lambda g: key(g[0]) if g else ())
    return heapq.merge(*ordered, key=key)


def _finding_key(finding: Finding) -> tuple[Any, ...]:
    claims = finding.claims
    return claim_key(claims[0]) if claims else ()


def _skipped_key(skipped: Skipped) -> tuple[Any, ...]:
    return claim_key(skipped.claim)
