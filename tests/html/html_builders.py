"""Reports for the HTML reporter's tests, built by hand (our own invented sentences)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

from claim_factory import make_claim
from crosscheck.interval import Interval
from crosscheck.model import Cited, Claim, Finding, FindingKind, Report, Severity, Skipped

HOSTILE = '<script>window.__pwned=1</script> and <img src=x onerror="window.__pwned=2">'


def as_reported(source: str, stated: str, **changes: Any) -> dict[str, Any]:
    """The fields of a claim ``stated`` by ``source``: a plausible article, web address and
    place in it, in persons; ``changes`` replaces any of them."""
    slug = source.lower()
    return {
        "unit": "person",
        "stated": stated,
        "document": f"corpus/{slug.replace(' ', '_')}.md",
        "source": source,
        "start": 120,
        "end": 120 + len(stated),
        "line": 7,
        "column": 14,
        "url": f"https://news.example/{slug.replace(' ', '-')}/story",
    } | changes


def sample_claims() -> dict[str, Claim]:
    """Claims from four sources over several dates, bounded, half-open and undated."""
    return {
        "harbor": make_claim(
            interval=Interval.closed(990, 1210),
            date=date(2024, 12, 23),
            sentence="Officials said about 1,100 soldiers had been killed since October.",
            hedge="about",
            **as_reported("Harbor Post", "about 1,100"),
        ),
        "ridge": make_claim(
            interval=Interval.point(100),
            date=date(2024, 12, 20),
            sentence="A spokesman put the number of dead at 100 and the wounded at 300.",
            **as_reported("Ridge Daily", "100"),
        ),
        "valley": make_claim(
            "casualties",
            Interval(Fraction(3000), None, False, False),
            date=date(2025, 1, 14),
            sentence="Casualties now number more than 3,000, the agency said.",
            **as_reported("Valley Wire", "more than 3,000"),
        ),
        "coast": make_claim(
            "casualties",
            Interval(None, Fraction(2000), False, False),
            date=date(2025, 1, 3),
            sentence="Fewer than 2,000 casualties were counted by the monitors.",
            **as_reported("Coast Herald", "fewer than 2,000"),
        ),
        "undated": make_claim(
            interval=Interval.closed(720, 880),
            sentence="Roughly 800 soldiers died, an undated bulletin said.",
            hedge="roughly",
            **as_reported("Ridge Daily", "roughly 800"),
        ),
        "uncited": make_claim(
            interval=Interval.closed(900, 1100),
            date=date(2025, 1, 10),
            sentence="Some 1,000 soldiers are now believed dead.",
            hedge="some",
            **as_reported("Harbor Post", "some 1,000"),
        ),
        "nosentence": make_claim(
            interval=Interval.point(1500),
            date=date(2025, 1, 3),
            **as_reported("Coast Herald", "1,500", url=None),
        ),
    }


def as_finding(
    rule: str, severity: Severity, message: str, detail: str, claims: tuple[Claim, ...]
) -> Finding:
    """A finding whose odd claim is the first of ``claims``, cited against the rest."""
    groups = [Cited(role="odd", claims=claims[:1], total=1)]
    if claims[1:]:
        groups.append(Cited(role="against", claims=claims[1:], total=len(claims) - 1))
    kind = FindingKind.OUTLIER if claims[1:] else FindingKind.BOUND
    return Finding(
        rule=rule,
        severity=severity,
        kind=kind,
        message=message,
        detail=detail,
        cited=tuple(groups),
        pairs=max(len(claims) - 1, 1),
        identity=f"{rule}|{claims[0].document}|{claims[0].stated}",
    )


def sample_report() -> Report:
    """Three severities, three rules, two measures, a skipped claim use."""
    c = sample_claims()
    findings = (
        as_finding(
            rule="death_tolls_agree",
            severity=Severity.ERROR,
            message="sources disagree on the death toll",
            detail="killed [990, 1,210] (Harbor Post) vs killed 100 (Ridge Daily), within 10%",
            claims=(c["harbor"], c["ridge"]),
        ),
        as_finding(
            rule="casualties_agree",
            severity=Severity.WARNING,
            message="casualty counts cannot both be right",
            detail="casualties (3,000, inf) vs casualties (-inf, 2,000)",
            claims=(c["valley"], c["coast"]),
        ),
        as_finding(
            rule="death_tolls_agree",
            severity=Severity.ERROR,
            message="sources disagree on the death toll",
            detail="killed [720, 880] vs killed [990, 1,210]",
            claims=(c["undated"], c["harbor"]),
        ),
        as_finding(
            rule="toll_plausible",
            severity=Severity.INFO,
            message="a death toll outside the plausible range",
            claims=(c["nosentence"],),
            detail="",
        ),
    )
    skipped = (Skipped(rule="toll_rises", claim=c["undated"], reason="the claim has no date"),)
    return Report(findings=findings, claims=14, documents=5, rules=4, skipped=skipped)


def hostile_report() -> Report:
    """Article text full of markup and script, in every field that comes from articles."""
    claim = make_claim(
        interval=Interval.point(1100),
        date=date(2024, 12, 23),
        sentence=f"They said 1,100 died. {HOSTILE} & more",
        subject="<b>bold</b>",
        **as_reported(
            f"Evil {HOSTILE}",
            "1,100",
            document=f"corpus/{HOSTILE}.md",
            url="javascript:window.__pwned=3",
        ),
    )
    other = make_claim(
        interval=Interval.point(90),
        date=date(2024, 12, 24),
        sentence="Only 90 died, it said.",
        **as_reported("Plain Source", "90"),
    )
    finding = as_finding(
        rule="tolls_agree",
        severity=Severity.ERROR,
        message=f"message {HOSTILE}",
        detail=f"detail {HOSTILE}",
        claims=(claim, other),
    )
    return Report(findings=(finding,), claims=2, documents=2, rules=1)
