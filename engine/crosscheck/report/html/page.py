"""A self-contained HTML report: summary, charts by measure, and filterable violations.

One file with its style and script inline and a Content-Security-Policy that forbids
every external load, so it opens from disk or as a CI artifact. Everything that comes
from an article is text, escaped by ``templates.markup``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

from crosscheck import __version__
from crosscheck.fs.pathtext import replaced
from crosscheck.model import Claim, Report, Violation
from crosscheck.report import RenderContext
from crosscheck.report.html.chart import (
    SourceStyle,
    chart_figure,
    comparison_strip,
    plotted_by_measure,
    source_styles,
)
from crosscheck.report.html.sections import (
    plural,
    severity_badge,
    skipped_section,
    summary_section,
)
from crosscheck.report.html.templates.assets import CSS, JS, content_security_policy
from crosscheck.report.html.templates.markup import Safe, esc, h
from crosscheck.report.text import describe_interval


@dataclass(frozen=True)
class Charts:
    """What violation cards need from the charts: each measure's chart id, each source's look."""

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
    """One violation as a card: severity, rule, message, detail and every cited claim."""
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


def checkbox(name: str, value: str, label: Safe | str, count: int) -> Safe:
    """One checked filter box with its label and count."""
    box = h("input", {"type": "checkbox", "name": name, "value": value, "checked": True})
    return h("label", None, box, label, f" ({count})")


def filters(report: Report) -> Safe:
    """Severity and rule checkboxes; hidden until the script runs, since they need it."""
    severities = Counter(v.severity for v in report.violations)
    rules = Counter(v.rule for v in report.violations)
    by_severity = [
        checkbox("severity", s.value, severity_badge(s), severities[s])
        for s in sorted(severities, key=lambda s: -s.rank)
    ]
    by_rule = [checkbox("rule", r, h("code", None, r), n) for r, n in sorted(rules.items())]
    reset = h("button", {"type": "button", "id": "filter-reset"}, "Show all")
    return h(
        "div",
        {
            "id": "filters",
            "class": "filters",
            "role": "group",
            "aria_label": "Filter violations",
            "hidden": True,
        },
        h("fieldset", None, h("legend", None, "Severity"), by_severity),
        h("fieldset", None, h("legend", None, "Rule"), by_rule),
        reset,
    )


def violations_section(report: Report, charts: Charts) -> Safe:
    """The filters and the list of violations (or a note that there are none)."""
    heading = h("h2", {"id": "violations-h"}, "Violations")
    if not report.violations:
        note = h("p", {"class": "empty"}, "No violations: no rule fails for these claims.")
        return h("section", {"id": "violations", "aria_labelledby": "violations-h"}, heading, note)
    status = h(
        "p",
        {
            "id": "filter-status",
            "class": "status",
            "role": "status",
            "aria_live": "polite",
            "hidden": True,
        },
    )
    items = [violation_item(v, f"v{i}", charts) for i, v in enumerate(report.violations, start=1)]
    listing = h("ol", {"id": "violation-list", "class": "violations"}, items)
    return h(
        "section",
        {"id": "violations", "aria_labelledby": "violations-h"},
        heading,
        filters(report),
        status,
        listing,
    )


def undecided_section(report: Report, context: RenderContext, charts: Charts) -> Safe:
    """Comparisons that are neither certain nor ruled out, when asked for."""
    if not (context.show_undecided and report.undecided):
        return Safe("")
    items = [
        violation_item(v, f"u{i}", charts, undecided=True)
        for i, v in enumerate(report.undecided, start=1)
    ]
    note = h("p", None, "These relations hold for some readings of the claims and fail for others.")
    return h(
        "section",
        {"id": "undecided", "aria_labelledby": "undecided-h"},
        h("h2", {"id": "undecided-h"}, "Undecided"),
        note,
        h("ol", {"class": "violations"}, items),
    )


def charts_section(report: Report, context: RenderContext) -> tuple[Safe, Charts]:
    """One chart per measure that a violation cites; the ids and looks cards link to."""
    cited = [c for v in report.violations for c in v.claims]
    by_measure = plotted_by_measure(cited, context.claims)
    shown = [c for v in (*report.violations, *report.undecided) for c in v.claims]
    charted = [p.claim for items in by_measure.values() for p in items]
    charts = Charts(
        ids={m: f"chart-{i}" for i, m in enumerate(by_measure, start=1)},
        styles=source_styles(c.source for c in (*shown, *charted)),
    )
    if not by_measure:
        return Safe(""), charts
    figures = [
        chart_figure(m, items, charts.styles, charts.ids[m]) for m, items in by_measure.items()
    ]
    intro = h("p", None, "Each bar is one claim read as an interval, placed at its date.")
    section = h(
        "section",
        {"id": "charts", "aria_labelledby": "charts-h"},
        h("h2", {"id": "charts-h"}, "Claims by date"),
        intro,
        figures,
    )
    return section, charts


def lede(report: Report) -> str:
    """``3 violations (2 errors, 1 warning) in 4 documents, 9 claims, 3 rules``."""
    counts = Counter(v.severity for v in report.violations)
    parts = [plural(counts[s], s.value) for s in sorted(counts, key=lambda s: -s.rank)]
    head = plural(len(report.violations), "violation") + (f" ({', '.join(parts)})" if parts else "")
    return (
        f"{head} in {plural(report.documents, 'document')}, "
        f"{plural(report.claims, 'claim')}, {plural(report.rules, 'rule')}"
    )


def page_head(report: Report, has_charts: bool) -> Safe:
    """The banner: title, one-line summary and links to the sections."""
    targets = [("summary", "Summary"), ("charts", "Charts"), ("violations", "Violations")]
    if report.skipped:
        targets.append(("skipped", "Skipped"))
    links = [
        h("li", None, h("a", {"href": f"#{t}"}, label))
        for t, label in targets
        if has_charts or t != "charts"
    ]
    return h(
        "header",
        {"class": "page-head"},
        h(
            "div",
            {"class": "wrap"},
            h("h1", None, "crosscheck report"),
            h("p", {"class": "lede"}, lede(report)),
            h("nav", {"aria_label": "Sections"}, h("ul", {"class": "toc"}, links)),
        ),
    )


def render(report: Report, context: RenderContext) -> str:
    """The whole report as one HTML document that loads nothing from elsewhere."""
    chart_section, charts = charts_section(report, context)
    main = h(
        "main",
        {"id": "main", "class": "wrap"},
        summary_section(report, context),
        chart_section,
        violations_section(report, charts),
        undecided_section(report, context, charts),
        skipped_section(report),
    )
    head = h(
        "head",
        None,
        h("meta", {"charset": "utf-8"}),
        h("meta", {"http_equiv": "Content-Security-Policy", "content": content_security_policy()}),
        h("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
        h("meta", {"name": "referrer", "content": "no-referrer"}),
        h("meta", {"name": "generator", "content": f"crosscheck {__version__}"}),
        h("title", None, f"crosscheck: {lede(report)}"),
        h("style", None, Safe(CSS)),
    )
    foot = h("footer", {"class": "page-foot wrap"}, f"Generated by crosscheck {__version__}.")
    body = h(
        "body",
        None,
        h("a", {"class": "skip", "href": "#violations"}, "Skip to violations"),
        page_head(report, bool(charts.ids)),
        main,
        foot,
        h("script", None, Safe(JS)),
    )
    # U+FFFD for the stray bytes of a file name that is not UTF-8: a page must be UTF-8.
    return replaced("<!DOCTYPE html>\n" + h("html", {"lang": "en"}, head, body) + "\n")
