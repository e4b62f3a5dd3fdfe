"""The JSON report: the contract other tools read (see crosscheck/schemas/report.schema.json)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from crosscheck.model import Report, Severity, Violation, claim_to_json
from crosscheck.report import RenderContext, jsontext


def violation_to_json(violation: Violation) -> dict[str, Any]:
    """One violation as a JSON object: rule, severity, message, detail, claims."""
    return {
        "rule": violation.rule,
        "severity": violation.severity.value,
        "message": violation.message,
        "detail": violation.detail,
        "claims": [claim_to_json(c) for c in violation.claims],
    }


def summary(report: Report) -> dict[str, Any]:
    """Counts by severity and by rule."""
    by_severity = Counter(v.severity.value for v in report.violations)
    counts: dict[str, Any] = {
        "violations": len(report.violations),
        "by_severity": {s.value: by_severity.get(s.value, 0) for s in Severity},
        "by_rule": dict(sorted(Counter(v.rule for v in report.violations).items())),
        "skipped": len(report.skipped),
        "waived": report.waived,
        "unused_waivers": list(report.unused_waivers),
    }
    if report.unlisted:  # only when a rule found more than it lists
        counts["unlisted"] = list(report.unlisted)
    return counts


def render(report: Report, context: RenderContext) -> str:
    """``{"violations": [...], "claims": N, "documents": N, "rules": N, "summary": {...}}``."""
    data: dict[str, Any] = {
        "violations": [violation_to_json(v) for v in report.violations],
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
