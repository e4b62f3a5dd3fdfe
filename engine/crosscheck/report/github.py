"""GitHub Actions workflow commands: one annotation per violation.

    ::error file=corpus/a.md,line=7,col=98,title=crosscheck death_tolls_agree::MESSAGE

Severity maps to the command (error, warning, notice). The annotation sits on the first
cited claim; the message carries the detail and every citation, one per line. Values
are escaped exactly as the Actions toolkit (``@actions/core``) escapes them, so the
runner turns them back into the original text. Undecided comparisons are not reported.
"""

from __future__ import annotations

from crosscheck.model import Report, Severity, Violation
from crosscheck.report import RenderContext
from crosscheck.report.text import claim_line

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """The toolkit's escaping of a command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """The toolkit's escaping of a property value: the message's, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: list[tuple[str, str]], message: str) -> str:
    """``::name key=value,...::message``, leaving out empty properties as the toolkit does."""
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties if value)
    head = f"::{name} {props}" if props else f"::{name}"
    return f"{head}::{escape_data(message)}"


def annotation(violation: Violation) -> str:
    """The workflow command for one violation."""
    properties: list[tuple[str, str]] = []
    if violation.claims:
        first = violation.claims[0]
        properties.append(("file", first.document.replace("\\", "/")))
        if first.line is not None:
            properties.append(("line", str(first.line)))
            if first.column is not None:
                properties.append(("col", str(first.column)))
    properties.append(("title", f"crosscheck {violation.rule}"))
    lines = [violation.message]
    if violation.detail:
        lines.append(violation.detail)
    lines.extend(claim_line(c).plain.strip() for c in violation.claims)
    return command(COMMAND[violation.severity], properties, "\n".join(lines))


def render(report: Report, context: RenderContext) -> str:
    """One workflow command per violation, one per line."""
    return "".join(annotation(v) + "\n" for v in report.violations)
