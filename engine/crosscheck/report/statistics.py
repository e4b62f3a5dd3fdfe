"""``check --statistics``: a table of what each rule found, findings against pairs.

    rule                      findings  pairs  outlier  split  breaks  drop  bound  skipped
    death_tolls_agree                1      4        1      0       0     0      0        0
    total                            4     11        2      1       1     0      0        0

Every rule of the rule set has a row, those that found nothing too, in rule-set order.
"""

from __future__ import annotations

from collections import Counter

from crosscheck.model import FindingKind, Report
from crosscheck.report import RenderContext
from crosscheck.text.escape import shown

KINDS = tuple(FindingKind)
HEADERS = ("findings", "pairs", *(kind.value for kind in KINDS), "skipped")


def rows(report: Report, context: RenderContext) -> list[tuple[str, list[int]]]:
    """Per rule (every rule named in ``context``, then any other): the counts of ``HEADERS``."""
    names = list(
        dict.fromkeys([n for n, _ in context.rule_descriptions] + [f.rule for f in report.findings])
    )
    findings, pairs = Counter(f.rule for f in report.findings), Counter[str]()
    kinds = Counter((f.rule, f.kind) for f in report.findings)
    for finding in report.findings:
        pairs[finding.rule] += finding.pairs
    skipped = Counter(s.rule for s in report.skipped)
    return [
        (name, [findings[name], pairs[name], *(kinds[(name, k)] for k in KINDS), skipped[name]])
        for name in names
    ]


def statistics_lines(report: Report, context: RenderContext) -> list[str]:
    """The table, as lines of text (rule names escaped)."""
    table = rows(report, context)
    totals = [sum(counts[i] for _, counts in table) for i in range(len(HEADERS))]
    labelled = [(shown(name), counts) for name, counts in table] + [("total", totals)]
    width = max([len("rule")] + [len(name) for name, _ in labelled])
    widths = [max(len(h), *(len(str(c[i])) for _, c in labelled)) for i, h in enumerate(HEADERS)]
    head = "rule".ljust(width) + "".join(
        f"  {h:>{w}}" for h, w in zip(HEADERS, widths, strict=True)
    )
    body = [
        name.ljust(width) + "".join(f"  {c:>{w}}" for c, w in zip(counts, widths, strict=True))
        for name, counts in labelled
    ]
    return ["", head, *body]
