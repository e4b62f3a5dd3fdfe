"""``--format concise``: one line per finding, as ruff's concise output, then the summary.

    corpus/a.md:7:54: error[death_tolls_agree] killed: around 100 (nis in Cnews Live) vs ...
    4 findings (4 errors) from 11 pairwise violations in 17 documents, 54 claims, 9 rules

Each line is the heading of the finding in the text report (the odd claim's place,
severity, rule and message), its values escaped as there.
"""

from __future__ import annotations

from crosscheck.model import Report
from crosscheck.report import RenderContext
from crosscheck.report.text import heading, summary_line
from crosscheck.text.escape import shown


def render(report: Report, context: RenderContext) -> str:
    """One line per finding (and per undecided relation when asked for), then the summary."""
    lines = []
    for finding in report.findings:
        first = finding.odd[0] if finding.odd else None
        lines.append(heading(finding.rule, finding.severity, finding.message, first, shown).plain)
    if context.show_undecided:
        for relation in report.undecided:
            first = relation.claims[0] if relation.claims else None
            line = heading(relation.rule, relation.severity, relation.message, first, shown)
            lines.append(line.plain)
    if not context.quiet:
        lines.append(summary_line(report))
    return "".join(line + "\n" for line in lines)
