"""Reports for the HTML reporter's tests, built by hand (our own invented sentences)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from crosscheck.interval import Interval
from crosscheck.model import Claim, Report, Severity, Skipped, Violation

HOSTILE = '<script>window.__pwned=1</script> and <img src=x onerror="window.__pwned=2">'


def make_claim(
    stated: str,
    interval: Interval,
    source: str,
    day: date | None,
    sentence: str | None,
    measure: str = "killed",
    **extra: object,
) -> Claim:
    """A claim with a plausible location; ``extra`` overrides any field."""
    fields: dict[str, object] = {
        "measure": measure,
        "interval": interval,
        "unit": "person",
        "stated": stated,
        "document": f"corpus/{source.lower().replace(' ', '_')}.md",
        "source": source,
        "date": day,
        "start": 120,
        "end": 120 + len(stated),
        "line": 7,
        "column": 14,
        "sentence": sentence,
        "url": f"https://news.example/{source.lower().replace(' ', '-')}/story",
    }
    fields.update(extra)
    return Claim.model_validate(fields)


def sample_claims() -> dict[str, Claim]:
    """Claims from four sources over several dates, bounded, half-open and undated."""
    return {
        "harbor": make_claim(
            "about 1,100",
            Interval.closed(990, 1210),
            "Harbor Post",
            date(2024, 12, 23),
            "Officials said about 1,100 soldiers had been killed since October.",
            hedge="about",
        ),
        "ridge": make_claim(
            "100",
            Interval.point(100),
            "Ridge Daily",
            date(2024, 12, 20),
            "A spokesman put the number of dead at 100 and the wounded at 300.",
        ),
        "valley": make_claim(
            "more than 3,000",
            Interval(Fraction(3000), None, False, False),
            "Valley Wire",
            date(2025, 1, 14),
            "Casualties now number more than 3,000, the agency said.",
            measure="casualties",
        ),
        "coast": make_claim(
            "fewer than 2,000",
            Interval(None, Fraction(2000), False, False),
            "Coast Herald",
            date(2025, 1, 3),
            "Fewer than 2,000 casualties were counted by the monitors.",
            measure="casualties",
        ),
        "undated": make_claim(
            "roughly 800",
            Interval.closed(720, 880),
            "Ridge Daily",
            None,
            "Roughly 800 soldiers died, an undated bulletin said.",
            hedge="roughly",
        ),
        "uncited": make_claim(
            "some 1,000",
            Interval.closed(900, 1100),
            "Harbor Post",
            date(2025, 1, 10),
            "Some 1,000 soldiers are now believed dead.",
            hedge="some",
        ),
        "nosentence": make_claim(
            "1,500",
            Interval.point(1500),
            "Coast Herald",
            date(2025, 1, 3),
            None,
            url=None,
        ),
    }


def sample_report() -> Report:
    """Three severities, three rules, two measures, a skipped claim use."""
    c = sample_claims()
    violations = (
        Violation(
            rule="death_tolls_agree",
            severity=Severity.ERROR,
            message="sources disagree on the death toll",
            detail="killed [990, 1,210] (Harbor Post) vs killed 100 (Ridge Daily), within 10%",
            claims=(c["harbor"], c["ridge"]),
        ),
        Violation(
            rule="casualties_agree",
            severity=Severity.WARNING,
            message="casualty counts cannot both be right",
            detail="casualties (3,000, inf) vs casualties (-inf, 2,000)",
            claims=(c["valley"], c["coast"]),
        ),
        Violation(
            rule="death_tolls_agree",
            severity=Severity.ERROR,
            message="sources disagree on the death toll",
            detail="killed [720, 880] vs killed [990, 1,210]",
            claims=(c["undated"], c["harbor"]),
        ),
        Violation(
            rule="toll_plausible",
            severity=Severity.INFO,
            message="a death toll outside the plausible range",
            claims=(c["nosentence"],),
            detail="",
        ),
    )
    skipped = (Skipped(rule="toll_rises", claim=c["undated"], reason="the claim has no date"),)
    return Report(violations=violations, claims=14, documents=5, rules=4, skipped=skipped)


def hostile_report() -> Report:
    """Article text full of markup and script, in every field that comes from articles."""
    claim = make_claim(
        "1,100",
        Interval.point(1100),
        f"Evil {HOSTILE}",
        date(2024, 12, 23),
        f"They said 1,100 died. {HOSTILE} & more",
        document=f"corpus/{HOSTILE}.md",
        url="javascript:window.__pwned=3",
        subject="<b>bold</b>",
    )
    other = make_claim(
        "90",
        Interval.point(90),
        "Plain Source",
        date(2024, 12, 24),
        "Only 90 died, it said.",
    )
    violation = Violation(
        rule="tolls_agree",
        severity=Severity.ERROR,
        message=f"message {HOSTILE}",
        detail=f"detail {HOSTILE}",
        claims=(claim, other),
    )
    return Report(violations=(violation,), claims=2, documents=2, rules=1)
