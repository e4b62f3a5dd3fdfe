"""apply_waivers: which findings a waiver accepts (by their odd claims), and what it reports."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claim_factory import make_claim
from crosscheck.accept.waivers import apply_waivers, days_alike, document_matches, is_expired
from crosscheck.dsl import ast
from crosscheck.model import Cited, Claim, Finding, FindingKind, Report, Severity

NEWSWEEK = "corpus/2024-12-23_newsweek_more-troops.md"
CNEWS = "corpus/2024-12-23_cnews-live_troops-and-drones.md"
TODAY = dt.date(2025, 3, 1)


def finding(rule: str, message: str, *groups: tuple[str, tuple[Claim, ...]]) -> Finding:
    """A finding citing ``groups`` of claims, each a role and its claims."""
    cited = tuple(Cited(role=role, claims=claims, total=len(claims)) for role, claims in groups)
    kind = FindingKind.SPLIT if groups[0][0] == "camp" else FindingKind.OUTLIER
    return Finding(
        rule=rule,
        severity=Severity.ERROR,
        kind=kind,
        message=message,
        cited=cited,
        pairs=1,
        identity=f"{rule}|{message}",
    )


APPROX = make_claim(
    document=NEWSWEEK, source="newsweek", stated="approximately 1,100", low=990, high=1210
)
ABOUT = make_claim(document=CNEWS, source="cnews-live", stated="about 100", low=90, high=110)
# Newsweek's figure is the odd one out, cited against Cnews Live's.
TOLLS = finding(
    "death_tolls_agree", "death tolls disagree", ("odd", (APPROX,)), ("against", (ABOUT,))
)
CALIBER = finding(
    "one_caliber",
    "calibers differ",
    ("odd", (make_claim(document=NEWSWEEK, source="newsweek", stated="240mm", low=240, high=240),)),
    (
        "against",
        (make_claim(document=CNEWS, source="cnews-live", stated="170mm", low=170, high=170),),
    ),
)
REPORT = Report(findings=(TOLLS, CALIBER), claims=4, documents=2, rules=2)


def waiver(
    rule: str = "death_tolls_agree",
    line: int = 40,
    document: str | None = None,
    stated: str | None = None,
    until: dt.date | None = None,
) -> ast.Waiver:
    span = ast.Span("rules/x.rules", line, 1, line, 10)
    return ast.Waiver(rule, "known", document, stated, until, span)


def test_a_waiver_without_filters_accepts_every_finding_of_its_rule() -> None:
    result = apply_waivers(REPORT, [waiver()], TODAY)
    assert result.findings == (CALIBER,)
    assert result.waived == 1
    assert result.unused_waivers == ()


@pytest.mark.parametrize(
    "filters",
    [
        {"document": NEWSWEEK},
        {"document": "2024-12-23_newsweek_more-troops.md"},
        {"document": "*newsweek*"},
        {"document": "corpus/*newsweek*"},
        {"stated": "approximately 1,100"},
        {"stated": "  Approximately   1,100 "},
        {"document": "*newsweek*", "stated": "approximately 1,100"},
    ],
)
def test_matching_filters_accept_the_finding(filters: dict[str, str]) -> None:
    result = apply_waivers(REPORT, [waiver(**filters)], TODAY)  # type: ignore[arg-type]
    assert result.findings == (CALIBER,)


@pytest.mark.parametrize(
    "filters",
    [
        {"document": "newsweek"},  # a glob, not a substring
        {"document": "troops.md"},  # a trailing part must be whole path parts
        {"stated": "1,100"},  # the stated text as a whole, not a substring
        {"stated": "approximately 1,200"},
        # both filters must fit the same claim, not one claim each
        {"document": "*newsweek*", "stated": "about 100"},
        # a claim the odd one is cited against is no claim of the finding's own
        {"document": "corpus/*cnews*"},
        {"stated": "about 100"},
    ],
)
def test_filters_that_fit_no_single_claim_accept_nothing(filters: dict[str, str]) -> None:
    result = apply_waivers(REPORT, [waiver(**filters)], TODAY)  # type: ignore[arg-type]
    assert result.findings == REPORT.findings
    assert result.waived == 0
    assert result.unused_waivers == (
        "waiver at rules/x.rules:40:1 for death_tolls_agree matched no finding",
    )


def test_a_waiver_accepts_only_its_own_rule() -> None:
    result = apply_waivers(REPORT, [waiver(rule="one_caliber", stated="240mm")], TODAY)
    assert result.findings == (TOLLS,)


def test_a_waiver_is_active_through_its_last_day() -> None:
    result = apply_waivers(REPORT, [waiver(until=TODAY)], TODAY)
    assert result.findings == (CALIBER,)


def test_an_expired_waiver_stops_waiving_and_says_so() -> None:
    result = apply_waivers(REPORT, [waiver(until=dt.date(2025, 2, 28))], TODAY)
    assert result.findings == REPORT.findings
    assert result.waived == 0
    assert result.unused_waivers == (
        "waiver at rules/x.rules:40:1 for death_tolls_agree expired on 2025-02-28; "
        "it no longer waives",
    )


def test_counts_add_to_earlier_waivers_and_two_waivers_of_one_finding_count_once() -> None:
    earlier = REPORT.model_copy(update={"waived": 3, "unused_waivers": ("baseline note",)})
    both = [waiver(line=1, document="*newsweek*"), waiver(line=2, stated="approximately 1,100")]
    result = apply_waivers(earlier, both, TODAY)
    assert result.waived == 4
    assert result.unused_waivers == ("baseline note",)


def test_unused_and_expired_waivers_are_reported_in_order() -> None:
    waivers = [
        waiver(line=1, until=dt.date(2024, 1, 1)),
        waiver(line=2, rule="one_caliber"),
        waiver(line=3, document="*nowhere*"),
    ]
    result = apply_waivers(REPORT, waivers, TODAY)
    assert result.findings == (TOLLS,)
    assert [note.split(" for ")[0] for note in result.unused_waivers] == [
        "waiver at rules/x.rules:1:1",
        "waiver at rules/x.rules:3:1",
    ]


def test_the_rest_of_the_report_is_untouched() -> None:
    result = apply_waivers(REPORT, [waiver()], TODAY)
    assert (result.claims, result.documents, result.rules) == (4, 2, 2)
    assert result.undecided == REPORT.undecided and result.skipped == REPORT.skipped


@pytest.mark.parametrize(
    ("pattern", "document", "matches"),
    [
        ("a/b.md", "./a/b.md", True),
        ("a/b.md", "x\\a\\b.md", True),
        ("b.md", "/abs/path/a/b.md", True),
        ("a/*.md", "x/a/deep/b.md", True),  # `*` crosses `/`
        ("b.m?", "a/b.md", True),
        ("[ab].md", "a/c.md", False),
        ("B.md", "a/b.md", False),  # case counts
        ("a/b", "a/b.md", False),
    ],
)
def test_document_patterns(pattern: str, document: str, matches: bool) -> None:
    assert document_matches(pattern, document) is matches


DAYS = st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31))


@given(st.lists(st.none() | DAYS, max_size=5), DAYS, DAYS)
def test_days_alike_is_the_exact_span_of_days_with_todays_waiver_states(
    untils: list[dt.date | None], today: dt.date, other: dt.date
) -> None:
    waivers = [ast.Waiver("r", "known", until=until) for until in untils]

    def states(day: dt.date) -> list[bool]:
        return [is_expired(w, day) for w in waivers]

    first, last = days_alike(waivers, today)
    inside = (first is None or first <= other) and (last is None or other <= last)
    assert inside == (states(other) == states(today))


@pytest.mark.parametrize("filters", [{"stated": "approximately 1,100"}, {"stated": "about 100"}])
def test_a_split_is_waived_by_a_claim_of_any_camp(filters: dict[str, str]) -> None:
    split = finding("death_tolls_agree", "sources split", ("camp", (APPROX,)), ("camp", (ABOUT,)))
    report = Report(findings=(split,), claims=2, documents=2, rules=1)
    result = apply_waivers(report, [waiver(**filters)], TODAY)  # type: ignore[arg-type]
    assert result.findings == ()
