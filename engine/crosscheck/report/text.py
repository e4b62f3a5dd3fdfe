"""Compiler-style text: one line per violation, one indented line per cited claim.

corpus/a.md:7:98: error[death_tolls_agree] killed: ≈1,100 vs ≈100 ...
  Newsweek, 2024-12-23: "approximately 1,100" → [990, 1,210] at corpus/a.md:7:98 — <sentence>

In this report every value taken from an input (file names, sources, quoted text,
messages, notes) is escaped (``text.escape.shown``): no control character reaches the
terminal and no line starts with an input's text. The JUnit and GitHub reporters reuse
the lines with values as they are, and escape them their own way.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable

from rich.console import Console
from rich.text import Text

from crosscheck.interval import Interval
from crosscheck.model import Claim, Report, Severity, Violation
from crosscheck.report import RenderContext
from crosscheck.text.escape import shown

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def describe_interval(interval: Interval, unit: str) -> str:
    """``[990, 1,210]``, with the unit when it is not a plain count or number."""
    suffix = "" if unit in ("item", "person", "count", "number") else f" {unit}"
    return f"{interval}{suffix}"


def _as_is(value: str) -> str:
    return value


def claim_line(claim: Claim, show: Callable[[str], str] = _as_is) -> Text:
    """The indented citation of one claim, each value from an input passed through ``show``."""
    line = Text("  ")
    line.append(show(claim.cited_as()), style="bold")
    line.append(f': "{show(claim.stated)}" → {describe_interval(claim.interval, claim.unit)}')
    line.append(f" at {show(claim.location())}", style="dim")
    if claim.sentence:
        line.append(" — " + show(" ".join(claim.sentence.split())))
    return line


def violation_lines(violation: Violation, show: Callable[[str], str] = _as_is) -> list[Text]:
    """The heading line and the claim lines of one violation, each value from an input
    passed through ``show``."""
    first = violation.claims[0] if violation.claims else None
    head = Text(f"{show(first.location())}: " if first else "", style="bold")
    head.append(violation.severity.value, style=SEVERITY_STYLE[violation.severity])
    head.append(f"[{show(violation.rule)}] ")
    head.append(show(violation.message))
    lines = [head]
    if violation.detail:
        lines.append(Text("  " + show(violation.detail), style="dim"))
    lines.extend(claim_line(c, show) for c in violation.claims)
    return lines


def skipped_lines(report: Report) -> list[str]:
    """One note per rule and reason naming the claims the rule could not use."""
    groups: dict[tuple[str, str], list[str]] = {}
    for item in report.skipped:
        groups.setdefault((item.rule, item.reason), []).append(shown(item.claim.location()))
    return [
        f"note: {shown(rule)} skipped {len(where)} claim{'' if len(where) == 1 else 's'} "
        f"({shown(reason)}): {', '.join(where)}"
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
        lines.extend(violation_lines(violation, shown))
        lines.append(Text())
    notes = skipped_lines(report) + [
        f"note: {shown(note)}" for note in (*report.unused_waivers, *report.unlisted)
    ]
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
