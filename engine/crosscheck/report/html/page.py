"""A self-contained HTML report: summary, charts by measure, and filterable findings.

One file with its style and script inline and a Content-Security-Policy that forbids
every external load, so it opens from disk or as a CI artifact. Everything that comes
from an article is text, escaped by ``templates.markup``.
"""

from __future__ import annotations

from collections import Counter

from crosscheck import __version__
from crosscheck.fs.pathtext import replaced
from crosscheck.model import Report
from crosscheck.report import RenderContext
from crosscheck.report.html.cards import (
    Charts,
    finding_item,
    highlighted,
    safe_url,
    violation_item,
)
from crosscheck.report.html.chart import chart_figure, plotted_by_measure, source_styles
from crosscheck.report.html.sections import (
    plural,
    severity_badge,
    skipped_section,
    summary_section,
)
from crosscheck.report.html.templates.assets import CSS, JS, content_security_policy
from crosscheck.report.html.templates.markup import Safe, h

__all__ = ["Charts", "highlighted", "render", "safe_url"]


def checkbox(name: str, value: str, label: Safe | str, count: int) -> Safe:
    """One checked filter box with its label and count."""
    box = h("input", {"type": "checkbox", "name": name, "value": value, "checked": True})
    return h("label", None, box, label, f" ({count})")


def filters(report: Report) -> Safe:
    """Severity and rule checkboxes; hidden until the script runs, since they need it."""
    severities = Counter(f.severity for f in report.findings)
    rules = Counter(f.rule for f in report.findings)
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
            "aria_label": "Filter findings",
            "hidden": True,
        },
        h("fieldset", None, h("legend", None, "Severity"), by_severity),
        h("fieldset", None, h("legend", None, "Rule"), by_rule),
        reset,
    )


def violations_section(report: Report, charts: Charts) -> Safe:
    """The filters and the list of findings (or a note that there are none)."""
    heading = h("h2", {"id": "violations-h"}, "Findings")
    if not report.findings:
        note = h("p", {"class": "empty"}, "No findings: no rule fails for these claims.")
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
    items = [finding_item(f, f"v{i}", charts) for i, f in enumerate(report.findings, start=1)]
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
    """One chart per measure that a finding cites; the ids and looks cards link to."""
    cited = [c for f in report.findings for c in f.claims]
    by_measure = plotted_by_measure(cited, context.claims)
    shown = [*cited, *(c for v in report.undecided for c in v.claims)]
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
    """``3 findings (2 errors, 1 warning) from 9 pairwise violations in 4 documents, ...``."""
    counts = Counter(f.severity for f in report.findings)
    parts = [plural(counts[s], s.value) for s in sorted(counts, key=lambda s: -s.rank)]
    head = plural(len(report.findings), "finding") + (f" ({', '.join(parts)})" if parts else "")
    head += f" from {plural(report.pair_count, 'pairwise violation')}"
    return (
        f"{head} in {plural(report.documents, 'document')}, "
        f"{plural(report.claims, 'claim')}, {plural(report.rules, 'rule')}"
    )


def page_head(report: Report, has_charts: bool) -> Safe:
    """The banner: title, one-line summary and links to the sections."""
    targets = [("summary", "Summary"), ("charts", "Charts"), ("violations", "Findings")]
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
        h("a", {"class": "skip", "href": "#violations"}, "Skip to findings"),
        page_head(report, bool(charts.ids)),
        main,
        foot,
        h("script", None, Safe(JS)),
    )
    # U+FFFD for the stray bytes of a file name that is not UTF-8: a page must be UTF-8.
    return replaced("<!DOCTYPE html>\n" + h("html", {"lang": "en"}, head, body) + "\n")
