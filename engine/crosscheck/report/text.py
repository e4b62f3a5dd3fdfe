"""Compiler-style text: one heading line per finding, then the claims it cites by group.

corpus/a.md:7:54: error[death_tolls_agree] killed: around 100 (nis in Cnews Live) vs ...
  killed [90, 110] (nis in Cnews Live, 2024-12-23) vs killed [990, 1,210] (...): no pair ...
  odd one out (1 claim):
    Cnews Live, 2024-12-23: "around 100" → [90, 110] at corpus/a.md:7:54 — <sentence>
  against 2 claims, nearest first:
    Newsweek, 2024-12-23: "approximately 1,100" → [990, 1,210] at ... — <sentence>
  covers 2 pairwise violations

In this report every value taken from an input (file names, sources, quoted text,
messages, notes) is escaped (``text.escape.shown``): no control character reaches the
terminal and no line starts with an input's text. The JUnit and GitHub reporters reuse
the lines with values as they are, and escape them their own way.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Sequence

from rich.console import Console
from rich.text import Text

from crosscheck.interval import Interval
from crosscheck.model import Cited, Claim, Finding, FindingKind, Report, Severity, Violation
from crosscheck.report import RenderContext
from crosscheck.text.escape import shown
from crosscheck.text.plural import plural

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def describe_interval(interval: Interval, unit: str) -> str:
    """``[990, 1,210]``, with the unit when it is not a plain count or number."""
    suffix = "" if unit in ("item", "person", "count", "number") else f" {unit}"
    return f"{interval}{suffix}"


def _as_is(value: str) -> str:
    return value


def claim_line(claim: Claim, show: Callable[[str], str] = _as_is, indent: str = "  ") -> Text:
    """The indented citation of one claim, each value from an input passed through ``show``."""
    line = Text(indent)
    line.append(show(claim.cited_as()), style="bold")
    line.append(f': "{show(claim.stated)}" → {describe_interval(claim.interval, claim.unit)}')
    line.append(f" at {show(claim.location())}", style="dim")
    if claim.sentence:
        line.append(" — " + show(" ".join(claim.sentence.split())))
    return line


def heading(
    rule: str, severity: Severity, message: str, first: Claim | None, show: Callable[[str], str]
) -> Text:
    """``path:line:col: error[rule] message``."""
    head = Text(f"{show(first.location())}: " if first else "", style="bold")
    head.append(severity.value, style=SEVERITY_STYLE[severity])
    head.append(f"[{show(rule)}] ")
    head.append(show(message))
    return head


def violation_lines(violation: Violation, show: Callable[[str], str] = _as_is) -> list[Text]:
    """The heading line and the claim lines of one pairwise violation (or undecided
    relation), each value from an input passed through ``show``."""
    first = violation.claims[0] if violation.claims else None
    lines = [heading(violation.rule, violation.severity, violation.message, first, show)]
    if violation.detail:
        lines.append(Text("  " + show(violation.detail), style="dim"))
    lines.extend(claim_line(c, show) for c in violation.claims)
    return lines


def group_label(finding: Finding, group: Cited, number: int) -> str:
    """``odd one out (3 claims)``, ``against 12 claims, nearest first``, ``camp 2 (4 claims)``."""
    if group.role == "against":
        return f"against {plural(group.total, 'claim')}, nearest first:"
    if group.role == "camp":
        return f"camp {number} ({plural(group.total, 'claim')}):"
    if finding.kind is FindingKind.BOUND:
        return f"{plural(group.total, 'claim')}:"
    return f"odd one out ({plural(group.total, 'claim')}):"


def finding_lines(
    finding: Finding, show: Callable[[str], str] = _as_is, pairs: bool = False
) -> list[Text]:
    """A finding's heading and detail, each cited group with its claims and how many
    more it has, how many pairwise violations it covers (and, with ``pairs``, which)."""
    first = finding.odd[0] if finding.odd else None
    lines = [heading(finding.rule, finding.severity, finding.message, first, show)]
    if finding.detail:
        lines.append(Text("  " + show(finding.detail), style="dim"))
    for number, group in enumerate(finding.cited, start=1):
        lines.append(Text("  " + group_label(finding, group, number)))
        lines.extend(claim_line(c, show, "    ") for c in group.claims)
        if group.total > len(group.claims):
            lines.append(Text(f"    … and {group.total - len(group.claims)} more", style="dim"))
    lines.append(Text(f"  covers {plural(finding.pairs, 'pairwise violation')}", style="dim"))
    if pairs:
        for violation in finding.violations:
            lines.append(Text("    " + show(violation.message)))
            lines.append(Text("      " + show(violation.detail), style="dim"))
    return lines


def skipped_lines(report: Report) -> list[str]:
    """One note per rule and reason naming the claims the rule could not use."""
    groups: dict[tuple[str, str], list[str]] = {}
    for item in report.skipped:
        groups.setdefault((item.rule, item.reason), []).append(shown(item.claim.location()))
    return [
        f"note: {shown(rule)} skipped {plural(len(where), 'claim')} "
        f"({shown(reason)}): {', '.join(where)}"
        for (rule, reason), where in groups.items()
    ]


def rule_lines(findings: Sequence[Finding]) -> list[str]:
    """One line per rule with findings: ``death_tolls_agree: 1 finding (4 pairwise violations)``."""
    counts: dict[str, list[int]] = {}
    for finding in findings:
        entry = counts.setdefault(finding.rule, [0, 0])
        entry[0] += 1
        entry[1] += finding.pairs
    return [
        f"{shown(rule)}: {plural(n, 'finding')} ({plural(pairs, 'pairwise violation')})"
        for rule, (n, pairs) in counts.items()
    ]


def summary_line(report: Report) -> str:
    """``2 findings (1 error, 1 warning) from 9 pairwise violations in 12 documents, ...``."""
    counts = Counter(f.severity for f in report.findings)
    parts = [plural(counts[s], s.value) for s in sorted(counts, key=lambda s: -s.rank)]
    head = plural(len(report.findings), "finding")
    if parts:
        head += f" ({', '.join(parts)})"
    head += f" from {plural(report.pair_count, 'pairwise violation')}"
    counted = [(report.documents, "document"), (report.claims, "claim"), (report.rules, "rule")]
    text = f"{head} in {', '.join(plural(n, noun) for n, noun in counted)}"
    if report.waived:
        text += f"; {report.waived} waived"
    if report.skipped:
        text += f"; {plural(len(report.skipped), 'claim use')} skipped"
    return text


def note_lines(report: Report) -> list[str]:
    """The notes after the findings: claims skipped, waivers unused, pairs not listed."""
    unlisted = (*report.unused_waivers, *report.unlisted)
    return skipped_lines(report) + [f"note: {shown(note)}" for note in unlisted]


def render(report: Report, context: RenderContext) -> str:
    """The whole report as text, with colour only when ``context.color``."""
    lines: list[Text] = []
    for finding in report.findings:
        lines.extend(finding_lines(finding, shown, context.show_pairs))
        lines.append(Text())
    if context.show_undecided:
        for relation in report.undecided:
            lines.extend(violation_lines(relation, shown))
            lines.append(Text())
    if not context.quiet:
        lines.extend(Text(note, style="dim") for note in note_lines(report))
        lines.extend(Text(line) for line in rule_lines(report.findings))
        lines.append(Text(summary_line(report)))
    if context.statistics:
        from crosscheck.report.statistics import statistics_lines

        lines.extend(Text(line) for line in statistics_lines(report, context))
    if not context.color:
        return "".join(line.plain + "\n" for line in lines)
    return _styled(lines)


def _styled(lines: list[Text]) -> str:
    """The lines with terminal colour codes, printed by rich as one piece."""
    out = io.StringIO()
    console = Console(
        # Colour was asked for (``--color``): NO_COLOR has been weighed already.
        file=out,
        force_terminal=True,
        no_color=False,
        soft_wrap=True,
        highlight=False,
        width=10_000,
    )
    console.print(Text("\n").join(lines))
    return out.getvalue()
