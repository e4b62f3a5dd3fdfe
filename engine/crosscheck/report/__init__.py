"""Reporters: each turns a finished Report into the text of one output format.

A reporter is a plain function ``render(report, context) -> str``; the registry maps
format names to them, in the spirit of flake8's formatters behind one interface.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from crosscheck.model import Claim, Report, Severity


@dataclass(frozen=True)
class RenderContext:
    """What a reporter may need beyond the report itself."""

    color: bool = False
    show_undecided: bool = False
    rule_descriptions: tuple[tuple[str, str], ...] = ()  # (rule name, help text)
    # Every claim of the run, for reporters that chart more than the violations cite.
    claims: tuple[Claim, ...] = ()
    # (rule name, declared severity): lets SARIF state a rule's level even when it found nothing
    rule_severities: tuple[tuple[str, Severity], ...] = ()


Renderer = Callable[[Report, RenderContext], str]

# Formats that draw every claim of the run, not only those a violation cites.
CHARTING_FORMATS = frozenset({"html"})


def renderers() -> dict[str, Renderer]:
    """Every output format by name."""
    from crosscheck.report import github, html, json_report, junit, sarif, text

    return {
        "text": text.render,
        "json": json_report.render,
        "sarif": sarif.render,
        "junit": junit.render,
        "github": github.render,
        "html": html.render,
    }


def formats() -> list[str]:
    """Names of the output formats, for the CLI's choices."""
    return sorted(renderers())
