"""Cards of the HTML report: a finding (or an undecided relation) and the claims it cites.

A finding's card shows its severity, rule and kind, the message and detail, a number
line with the band of the claims it is cited against and the odd claim out, then each
cited group (the odd reading, the claims it conflicts with nearest first, or the camps
of a split) with how many more each has, and how many pairwise violations it covers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from crosscheck.interval import Interval
from crosscheck.model import Cited, Claim, Finding, FindingKind, Violation
from crosscheck.report.html.chart import SourceStyle, comparison_strip
from crosscheck.report.html.sections import plural, severity_badge
from crosscheck.report.html.templates.markup import Safe, esc, h
from crosscheck.report.text import describe_interval


@dataclass(frozen=True)
class Charts:
    """What cards need from the charts: each measure's chart id, each source's look."""

    ids: dict[str, str]
    styles: dict[str, SourceStyle]


def find_stated(text: str, needle: str) -> tuple[int, int] | None:
    """Where ``needle`` occurs in ``text``: preferably as a whole number or phrase
    (so "100" is not found inside "1,100"), in its exact case if possible."""
    literal = re.escape(needle)
    whole = rf"(?<!\w)(?<!\d[.,]){literal}(?!\w)(?![.,]\d)"
    for pattern, flags in ((whole, 0), (whole, re.I), (literal, re.I)):
        found = re.search(pattern, text, flags)
        if found:
            return found.span()
    return None


def highlighted(sentence: str, stated: str) -> Safe:
    """The sentence with the stated text in ``<mark>`` (plain if not found), all escaped."""
    text = " ".join(sentence.split())
    needle = " ".join(stated.split())
    span = find_stated(text, needle) if needle else None
    if span is None:
        return esc(text)
    start, end = span
    return Safe(esc(text[:start]) + h("mark", None, text[start:end]) + esc(text[end:]))


def safe_url(url: str | None) -> str | None:
    """The URL when it is an ordinary web address (never ``javascript:`` and the like)."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def source_cell(claim: Claim) -> Safe:
    """The source, with a link to the article when its address is known."""
    href = safe_url(claim.url)
    if href is None:
        return esc(claim.source)
    link = h("a", {"href": href, "rel": "noopener noreferrer"}, "open article")
    return Safe(esc(claim.source) + " · " + link)


def reading(claim: Claim, chart_ids: dict[str, str]) -> Safe:
    """The interval a claim was read as, its measure (linked to its chart) and hedge."""
    interval = h("span", {"class": "interval"}, describe_interval(claim.interval, claim.unit))
    measure: Safe = h("code", None, claim.measure)
    if claim.measure in chart_ids:
        measure = h("a", {"href": f"#{chart_ids[claim.measure]}"}, measure)
    parts = [interval, esc(" of "), measure]
    if claim.subject:
        parts += [esc(" ("), esc(claim.subject), esc(")")]
    if claim.hedge:
        parts += [esc(", hedge "), h("q", None, claim.hedge)]
    return Safe("".join(parts))


def _provenance_rows(claim: Claim) -> list[tuple[str, Safe | str]]:
    """Who gives the figure and as of when, where the text says."""
    rows: list[tuple[str, Safe | str]] = []
    if claim.attribution or claim.origin:
        who = claim.attribution or ""
        if claim.origin:
            who = f"{who} (origin {claim.origin})" if who else f"origin {claim.origin}"
        rows.append(("Says", esc(who)))
    if claim.as_of is not None and (claim.as_of.start, claim.as_of.end) != (claim.date, claim.date):
        rows.append(("As of", esc(claim.as_of.text())))
    return rows


def claim_item(claim: Claim, charts: Charts) -> Safe:
    """One cited claim: its sentence with the number marked, and where it comes from."""
    if claim.sentence:
        quote = h("blockquote", {"class": "sentence"}, highlighted(claim.sentence, claim.stated))
    else:
        quote = h("p", {"class": "sentence missing"}, "No sentence recorded.")
    rows = [
        ("Source", source_cell(claim)),
        ("Date", esc(claim.date.isoformat() if claim.date else "undated")),
        *_provenance_rows(claim),
        ("Stated", h("q", None, claim.stated)),
        ("Read as", reading(claim, charts.ids)),
        ("Location", h("code", None, claim.location())),
    ]
    meta = h("dl", {"class": "meta"}, [[h("dt", None, k), h("dd", None, v)] for k, v in rows])
    return h("li", {"class": "claim"}, quote, meta)


def violation_item(
    violation: Violation, item_id: str, charts: Charts, undecided: bool = False
) -> Safe:
    """One pairwise relation (an undecided one) as a card: severity, rule, message, detail
    and every cited claim."""
    badge = h("span", {"class": "badge undecided"}, "undecided") if undecided else None
    head = h(
        "div",
        {"class": "v-head"},
        badge or severity_badge(violation.severity),
        h("code", {"class": "rule"}, violation.rule),
        h("a", {"class": "num-link", "href": f"#{item_id}"}, f"#{item_id}"),
    )
    detail = h("p", {"class": "detail"}, violation.detail) if violation.detail else None
    claims = h("ol", {"class": "claims"}, [claim_item(c, charts) for c in violation.claims])
    attrs = {
        "class": "violation undecided"
        if undecided
        else f"violation sev-{violation.severity.value}",
        "id": item_id,
        "data_severity": violation.severity.value,
        "data_rule": violation.rule,
    }
    strip = comparison_strip(violation.claims, charts.styles)
    return h("li", attrs, head, h("h3", None, violation.message), detail, strip, claims)


def band_of(claims: list[Claim]) -> Interval | None:
    """The range the claims a finding is cited against span (None: none, or mixed units)."""
    if not claims or len({c.unit for c in claims}) > 1:
        return None
    ivs = [c.interval for c in claims]
    low = min(ivs, key=lambda iv: (iv.low is not None, iv.low or 0, not iv.low_closed))
    high = max(ivs, key=lambda iv: (iv.high is None, iv.high or 0, iv.high_closed))
    return Interval(low.low, high.high, low.low_closed, high.high_closed)


GROUP_TITLES = {"odd": "Odd one out", "against": "Against, nearest first", "camp": "Camp"}


def group_list(finding: Finding, group: Cited, number: int, charts: Charts) -> Safe:
    """One cited group: a heading with its count, its claims, how many more it has."""
    title = GROUP_TITLES[group.role] + (f" {number}" if group.role == "camp" else "")
    if finding.kind is FindingKind.BOUND:
        title = "Claims"
    heading = h("h4", {"class": "group-label"}, f"{title} ({plural(group.total, 'claim')})")
    items = [claim_item(c, charts) for c in group.claims]
    more = group.total - len(group.claims)
    rest = h("p", {"class": "more"}, f"… and {more} more, not cited in full") if more else None
    return Safe(heading + h("ol", {"class": "claims"}, items) + (rest or ""))


def finding_item(finding: Finding, item_id: str, charts: Charts) -> Safe:
    """One finding as a card: severity, rule, kind, message, detail, the band and the odd
    claim on a number line, then the cited groups and the pairs covered."""
    head = h(
        "div",
        {"class": "v-head"},
        severity_badge(finding.severity),
        h("code", {"class": "rule"}, finding.rule),
        h("span", {"class": "kind"}, finding.kind.value),
        h("a", {"class": "num-link", "href": f"#{item_id}"}, f"#{item_id}"),
    )
    detail = h("p", {"class": "detail"}, finding.detail) if finding.detail else None
    against = [c for g in finding.cited if g.role == "against" for c in g.claims]
    strip = comparison_strip([*finding.odd, *against], charts.styles, band_of(against))
    groups = [group_list(finding, g, n, charts) for n, g in enumerate(finding.cited, start=1)]
    covers = h("p", {"class": "covers"}, f"Covers {plural(finding.pairs, 'pairwise violation')}.")
    attrs = {
        "class": f"violation finding sev-{finding.severity.value}",
        "id": item_id,
        "data_severity": finding.severity.value,
        "data_rule": finding.rule,
        "data_kind": finding.kind.value,
    }
    return h("li", attrs, head, h("h3", None, finding.message), detail, strip, groups, covers)
