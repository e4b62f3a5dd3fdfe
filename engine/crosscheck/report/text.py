"""Compiler-style text: one line per violation, one indented line per cited claim.

corpus/a.md:7:98: error[death_tolls_agree] killed: ≈1,100 vs ≈100 ...
  Newsweek, 2024-12-23: "approximately 1,100" → [990, 1,210] at corpus/a.md:7:98 — <sentence>
"""

from __future__ import annotations

import io
from collections import Counter

from rich.console import Console
from rich.text import Text

from crosscheck.interval import Interval
from crosscheck.model import Claim, Report, Severity, Violation
from crosscheck.report import RenderContext

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def describe_interval(interval: Interval, unit: str) -> str:
    """``[990, 1,210]``, with the unit when it is not a plain count."""
    suffix = "" if unit in ("item", "person", "count") else f" {unit}"
    return f"{interval}{suffix}"


def claim_line(claim: Claim) -> Text:
    """The indented citation of one claim."""
    when = claim.date.isoformat() if claim.date else "undated"
    line = Text("  ")
    line.append(f"{claim.source}, {when}", style="bold")
    line.append(f': "{claim.stated}" → {describe_interval(claim.interval, claim.unit)}')
    line.append(f" at {claim.location()}", style="dim")
    if claim.sentence:
        line.append(" — " + " ".join(claim.sentence.split()))
    return line


def violation_lines(violation: Violation) -> list[Text]:
    """The heading line and the claim lines of one violation."""
    first = violation.claims[0] if violation.claims else None
    head = Text(f"{first.location()}: " if first else "", style="bold")
    head.append(violation.severity.value, style=SEVERITY_STYLE[violation.severity])
    head.append(f"[{violation.rule}] ")
    head.append(violation.message)
    lines = [head]
    if violation.detail:
        lines.append(Text("  " + violation.detail, style="dim"))
    lines.extend(claim_line(c) for c in violation.claims)
    return lines


def skipped_lines(report: Report) -> list[str]:
    """One note per rule and reason naming the claims the rule could not use."""
    groups: dict[tuple[str, str], list[str]] = {}
    for item in report.skipped:
        groups.setdefault((item.rule, item.reason), []).append(item.claim.location())
    return [
        f"note: {rule} skipped {len(where)} claim{'' if len(where) == 1 else 's'} "
        f"({reason}): {', '.join(where)}"
        for (rule, reason), where in groups.items()
    ]


def summary_line(report: Report) -> str:
    """``2 violations (1 error, 1 warning) in 12 documents, 40 claims, 8 rules``."""
    counts = Counter(v.severity for v in report.violations)
    parts = [
        f"{counts[s]} {s.value}{'' if counts[s] == 1 else 's'}"
        for s in sorted(counts, key=lambda s: -s.rank)
    ]
    total = len(report.violations)
    head = f"{total} violation{'' if total == 1 else 's'}"
    if parts:
        head += f" ({', '.join(parts)})"
    text = f"{head} in {report.documents} documents, {report.claims} claims, {report.rules} rules"
    if report.waived:
        text += f"; {report.waived} waived"
    if report.skipped:
        text += f"; {len(report.skipped)} claim uses skipped"
    return text


def render(report: Report, context: RenderContext) -> str:
    """The whole report as text, with colour only when ``context.color``."""
    lines: list[Text] = []
    blocks = list(report.violations)
    if context.show_undecided:
        blocks += report.undecided
    for violation in blocks:
        lines.extend(violation_lines(violation))
        lines.append(Text())
    notes = skipped_lines(report) + [f"note: {note}" for note in report.unused_waivers]
    lines.extend(Text(note, style="dim") for note in notes)
    lines.append(Text(summary_line(report)))
    if not context.color:
        return "".join(line.plain + "\n" for line in lines)
    return _styled(lines)


def _styled(lines: list[Text]) -> str:
    """The lines with terminal colour codes, printed by rich as one piece."""
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, soft_wrap=True, highlight=False, width=10_000)
    console.print(Text("\n").join(lines))
    return out.getvalue()
