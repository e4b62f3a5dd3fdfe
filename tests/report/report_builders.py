"""Small builders of claims, findings and reports for the reporter tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from claim_factory import make_claim
from crosscheck.interval import Interval
from crosscheck.model import Cited, Claim, Finding, FindingKind, Report, Severity

# A located, dated claim of about 1,100, and what a second one, of exactly 100 from
# another source and file, says otherwise.
ALPHA: dict[str, Any] = {
    "measure": "killed",
    "subject": "troops",
    "interval": Interval.closed(990, 1210),
    "unit": "person",
    "stated": "approximately 1,100",
    "hedge": "approximately",
    "document": "corpus/alpha.md",
    "source": "Alpha Wire",
    "date": date(2024, 12, 23),
    "start": 120,
    "end": 139,
    "line": 7,
    "column": 98,
    "sentence": "Officials said approximately 1,100 of the troops were killed.",
}
BETA: dict[str, Any] = {
    "interval": Interval.point(100),
    "stated": "100",
    "hedge": None,
    "document": "corpus/beta.md",
    "source": "Beta Daily",
    "date": date(2024, 12, 24),
    "start": 40,
    "end": 43,
    "line": 3,
    "column": 12,
    "sentence": "A spokesman put the number of dead at 100.",
}


def alpha_claim(**overrides: Any) -> Claim:
    """The claim of about 1,100 (``ALPHA``), with ``overrides``."""
    return make_claim(**(ALPHA | overrides))


def other_claim(**overrides: Any) -> Claim:
    """The second claim, of exactly 100 (``ALPHA`` changed by ``BETA``), with ``overrides``."""
    return make_claim(**(ALPHA | BETA | overrides))


def make_finding(
    rule: str = "death_tolls_agree",
    severity: Severity = Severity.ERROR,
    claims: tuple[Claim, ...] | None = None,
    message: str = "killed: ≈1,100 vs 100 differ by more than 50%",
    detail: str = "",
    kind: FindingKind = FindingKind.OUTLIER,
) -> Finding:
    """A finding whose odd claim is the first of ``claims`` (by default the two sample
    claims), cited against the others; one pairwise violation per other claim."""
    cited = (alpha_claim(), other_claim()) if claims is None else claims
    groups = [Cited(role="odd", claims=cited[:1], total=1)] if cited else []
    if cited[1:]:
        groups.append(Cited(role="against", claims=cited[1:], total=len(cited) - 1))
    return Finding(
        rule=rule,
        severity=severity,
        kind=kind if len(cited) > 1 else FindingKind.BOUND,
        message=message,
        detail=detail,
        cited=tuple(groups),
        pairs=max(len(cited) - 1, 1),
        identity="|".join([rule, *(f"{c.document}:{c.stated}" for c in cited[:1])]),
    )


make_violation = make_finding  # the reporters' tests name the unit of report as they did


def make_report(*findings: Finding) -> Report:
    """A report holding ``findings``."""
    return Report(findings=tuple(findings), claims=12, documents=3, rules=4)


def mixed_report() -> Report:
    """An error, a warning and an info finding of three rules, plus awkward paths."""
    return make_report(
        make_violation(detail="[990, 1,210] and 100 are more than 50% apart"),
        make_violation(
            rule="parts_add_up",
            severity=Severity.WARNING,
            claims=(alpha_claim(document="corpus\\sub dir\\gamma, v2.md", line=None),),
            message="killed + wounded != casualties",
        ),
        make_violation(
            rule="plausible_deployment",
            severity=Severity.INFO,
            claims=(other_claim(document="/abs/path/delta.md", date=None, column=None),),
            message="deployed outside 1 .. 100,000",
        ),
    )
