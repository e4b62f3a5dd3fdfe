"""The summary and skipped-claims sections of the HTML report, and shared small pieces."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from crosscheck.model import Report, Severity
from crosscheck.report import RenderContext
from crosscheck.report.html.templates.markup import Safe, h
from crosscheck.report.rulehelp import RuleText, rule_texts

SEVERITY_GLYPH = {Severity.ERROR: "■", Severity.WARNING: "▲", Severity.INFO: "●"}


def plural(count: int, noun: str) -> str:
    """``1 claim``, ``2 claims``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def severity_badge(severity: Severity) -> Safe:
    """The severity as a labelled badge, with a shape so it does not rest on colour."""
    glyph = h("span", {"aria_hidden": "true"}, SEVERITY_GLYPH[severity])
    return h("span", {"class": f"badge sev-{severity.value}"}, glyph, " ", severity.value)


def card(count: int, label: Safe | str, cls: str = "card") -> Safe:
    """A big number with what it counts."""
    return h(
        "li",
        {"class": cls},
        h("span", {"class": "n"}, str(count)),
        h("span", {"class": "k"}, label),
    )


def table(caption: str, columns: Sequence[str], rows: Sequence[Sequence[Safe | str]]) -> Safe:
    """A table whose first column heads its rows; columns named ``#…`` are numeric."""
    head = h(
        "tr",
        None,
        [
            h("th", {"scope": "col", "class": "num" if c.startswith("#") else None}, c.lstrip("#"))
            for c in columns
        ],
    )
    body = [
        h(
            "tr",
            None,
            [
                h(
                    "th" if i == 0 else "td",
                    {
                        "scope": "row" if i == 0 else None,
                        "class": "num" if columns[i].startswith("#") else None,
                    },
                    cell,
                )
                for i, cell in enumerate(row)
            ],
        )
        for row in rows
    ]
    return h(
        "div",
        {"class": "table-scroll"},
        h(
            "table",
            None,
            h("caption", {"hidden": True}, caption),
            h("thead", None, head),
            h("tbody", None, body),
        ),
    )


def count_cards(report: Report) -> Safe:
    """Documents, claims, rules, findings, pairwise violations, skipped; then findings
    per severity."""
    counts = Counter(f.severity for f in report.findings)
    cards = [
        card(report.documents, "documents"),
        card(report.claims, "claims"),
        card(report.rules, "rules"),
        card(len(report.findings), "findings"),
        card(report.pair_count, "pairwise violations"),
        card(len(report.skipped), "claim uses skipped"),
    ]
    if report.waived:
        cards.append(card(report.waived, "waived"))
    cards += [
        card(counts[s], severity_badge(s), f"card sev-{s.value}")
        for s in sorted(Severity, key=lambda s: -s.rank)
    ]
    return h("ul", {"class": "cards", "aria_label": "Counts"}, cards)


def rule_table(report: Report, context: RenderContext) -> Safe:
    """Findings and pairwise violations per rule, with the rule's severity and its
    description when known (its message, and what it says as the rule file writes it)."""
    descriptions = {name: _described(text) for name, text in rule_texts(context).items()}
    by_rule = Counter(f.rule for f in report.findings)
    pairs: Counter[str] = Counter()
    worst: dict[str, Severity] = {}
    for f in report.findings:
        pairs[f.rule] += f.pairs
        if f.rule not in worst or f.severity.rank > worst[f.rule].rank:
            worst[f.rule] = f.severity
    order = sorted(by_rule, key=lambda r: (-worst[r].rank, r))
    described = [descriptions.get(r, "") for r in order] if set(order) & set(descriptions) else []
    rows = [
        [
            h("code", None, r),
            severity_badge(worst[r]),
            str(by_rule[r]),
            str(pairs[r]),
            *described[i : i + 1],
        ]
        for i, r in enumerate(order)
    ]
    columns = ["Rule", "Severity", "#Findings", "#Pairs", *(["Description"] if described else [])]
    return table("Findings by rule", columns, rows)


def _described(rule: RuleText) -> Safe | str:
    """A rule's message, then its statement as code; either alone when it is all there is."""
    statement = h("code", None, rule.statement) if rule.statement else ""
    if rule.message and statement:
        return h("span", None, rule.message, " ", statement)
    return statement or rule.message


def summary_section(report: Report, context: RenderContext) -> Safe:
    """Counts at a glance, findings by rule, and skipped claims by rule and reason."""
    tables = []
    if report.findings:
        tables.append(h("div", None, h("h3", None, "By rule"), rule_table(report, context)))
    if report.skipped:
        tables.append(
            h("div", None, h("h3", None, "Skipped by rule and reason"), skipped_counts(report))
        )
    return h(
        "section",
        {"id": "summary", "aria_labelledby": "summary-h"},
        h("h2", {"id": "summary-h"}, "Summary"),
        count_cards(report),
        h("div", {"class": "tables"}, tables) if tables else None,
    )


def skipped_counts(report: Report) -> Safe:
    """How many claim uses each rule skipped, and why."""
    counts = Counter((s.rule, s.reason) for s in report.skipped)
    rows = [[h("code", None, rule), reason, str(n)] for (rule, reason), n in sorted(counts.items())]
    return table("Skipped claim uses by rule and reason", ["Rule", "Reason", "#Claims"], rows)


def skipped_section(report: Report) -> Safe:
    """Every claim a rule could not use, in a disclosure (it can be long)."""
    if not report.skipped:
        return Safe("")
    rows = [
        [
            h("code", None, s.rule),
            s.reason,
            s.claim.source,
            s.claim.date.isoformat() if s.claim.date else "undated",
            s.claim.stated,
            h("code", None, s.claim.location()),
        ]
        for s in report.skipped
    ]
    columns = ["Rule", "Reason", "Source", "Date", "Stated", "Location"]
    intro = h("p", None, f"{plural(len(report.skipped), 'claim use')} could not be checked.")
    listing = h(
        "details",
        None,
        h("summary", None, "Show every skipped claim use"),
        table("Skipped claim uses", columns, rows),
    )
    return h(
        "section",
        {"id": "skipped", "aria_labelledby": "skipped-h"},
        h("h2", {"id": "skipped-h"}, "Skipped"),
        intro,
        listing,
    )
