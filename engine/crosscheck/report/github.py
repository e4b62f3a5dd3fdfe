"""GitHub Actions workflow commands: one annotation per finding.

    ::error file=corpus/a.md,line=7,col=98,title=crosscheck death_tolls_agree::MESSAGE

Severity maps to the command (error, warning, notice). The annotation sits on the odd
reading's first claim, its file named from the project's root (``RenderContext.project``),
as GitHub resolves it from the workspace's; the message carries the detail and the cited
claims by group, as the text format prints them. Values are escaped exactly as the
Actions toolkit (``@actions/core``) escapes them, so the runner turns them back into the
original text. Undecided comparisons are not reported.
"""

from __future__ import annotations

from crosscheck.model import Finding, Report, Severity
from crosscheck.report import RenderContext
from crosscheck.report.locations import ProjectPaths
from crosscheck.report.text import finding_lines

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


def annotation(finding: Finding, project: ProjectPaths | None = None) -> str:
    """The workflow command for one finding; its file named from the project's root."""
    properties: list[tuple[str, str]] = []
    if finding.claims:
        first = finding.claims[0]
        path = first.in_file()
        if project is not None:
            path = project.from_root(path) or project.absolute(path)
        properties.append(("file", path.replace("\\", "/")))
        if first.line is not None:
            properties.append(("line", str(first.line)))
            if first.column is not None:
                properties.append(("col", str(first.column)))
    properties.append(("title", f"crosscheck {finding.rule}"))
    lines = [line.plain.strip() for line in finding_lines(finding)]
    lines[0] = finding.message  # the title names the rule; the location is the annotation's
    return command(COMMAND[finding.severity], properties, "\n".join(lines))


def render(report: Report, context: RenderContext) -> str:
    """One workflow command per finding, one per line."""
    return "".join(annotation(f, context.project) + "\n" for f in report.findings)
