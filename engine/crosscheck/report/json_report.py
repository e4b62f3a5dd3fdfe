"""The JSON report: the contract other tools read (see crosscheck/schemas/report.schema.json)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from crosscheck.accept.baseline import fingerprint
from crosscheck.model import Cited, Finding, FindingKind, Report, Severity, Violation, claim_to_json
from crosscheck.report import RenderContext, jsontext


def violation_to_json(violation: Violation) -> dict[str, Any]:
    """One pairwise violation (or undecided relation) as a JSON object."""
    return {
        "rule": violation.rule,
        "severity": violation.severity.value,
        "message": violation.message,
        "detail": violation.detail,
        "claims": [claim_to_json(c) for c in violation.claims],
    }


def cited_to_json(group: Cited) -> dict[str, Any]:
    """A group of cited claims: its role, how many claims it has, those cited in full."""
    return {
        "role": group.role,
        "total": group.total,
        "claims": [claim_to_json(c) for c in group.claims],
    }


def finding_to_json(finding: Finding, pairs: bool = False) -> dict[str, Any]:
    """One finding as a JSON object; with ``pairs``, the pairwise violations it covers."""
    data: dict[str, Any] = {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "kind": finding.kind.value,
        "message": finding.message,
        "detail": finding.detail,
        "identity": finding.identity,
        "fingerprint": fingerprint(finding),
        "pairs": finding.pairs,
        "cited": [cited_to_json(g) for g in finding.cited],
    }
    if pairs:
        data["violations"] = [violation_to_json(v) for v in finding.violations]
    return data


def summary(report: Report) -> dict[str, Any]:
    """Counts of findings by severity, rule and kind, and of the pairs they cover."""
    by_severity = Counter(f.severity.value for f in report.findings)
    by_kind = Counter(f.kind.value for f in report.findings)
    pairs_by_rule: Counter[str] = Counter()
    for finding in report.findings:
        pairs_by_rule[finding.rule] += finding.pairs
    counts: dict[str, Any] = {
        "findings": len(report.findings),
        "pairwise_violations": report.pair_count,
        "by_severity": {s.value: by_severity.get(s.value, 0) for s in Severity},
        "by_kind": {k.value: by_kind.get(k.value, 0) for k in FindingKind},
        "by_rule": dict(sorted(Counter(f.rule for f in report.findings).items())),
        "pairs_by_rule": dict(sorted(pairs_by_rule.items())),
        "skipped": len(report.skipped),
        "waived": report.waived,
        "unused_waivers": list(report.unused_waivers),
    }
    if report.unlisted:  # only when a rule found more than it lists
        counts["unlisted"] = list(report.unlisted)
    return counts


def render(report: Report, context: RenderContext) -> str:
    """``{"findings": [...], "claims": N, "documents": N, "rules": N, "summary": {...}}``;
    each finding lists its pairwise violations with ``--pairs``."""
    data: dict[str, Any] = {
        "findings": [finding_to_json(f, context.show_pairs) for f in report.findings],
        "claims": report.claims,
        "documents": report.documents,
        "rules": report.rules,
        "summary": summary(report),
        "skipped": [
            {"rule": s.rule, "reason": s.reason, "claim": claim_to_json(s.claim)}
            for s in report.skipped
        ],
    }
    if context.show_undecided:
        data["undecided"] = [violation_to_json(v) for v in report.undecided]
    return jsontext.dumps(data) + "\n"
