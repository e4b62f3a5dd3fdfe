"""Reporters: each turns a finished Report into the text of one output format.

A reporter is a plain function ``render(report, context) -> str``; the registry maps
format names to them, in the spirit of flake8's formatters behind one interface.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Types only: the list of formats is needed (by the CLI) long before any record.
    from crosscheck.model import Claim, Report, Severity
    from crosscheck.report.locations import ProjectPaths


@dataclass(frozen=True)
class RenderContext:
    """What a reporter may need beyond the report itself."""

    color: bool = False
    show_undecided: bool = False
    rule_descriptions: tuple[tuple[str, str], ...] = ()  # (rule name, help text)
    # (rule name, what it says as the language writes it: `killed <= casualties across sources`)
    rule_statements: tuple[tuple[str, str], ...] = ()
    # The project's root and the working folder: CI formats name files from the root.
    project: ProjectPaths | None = None
    # Every claim of the run, for reporters that chart more than the violations cite.
    claims: tuple[Claim, ...] = ()
    # (rule name, declared severity): lets SARIF state a rule's level even when it found nothing
    rule_severities: tuple[tuple[str, Severity], ...] = ()
    show_pairs: bool = False  # list each finding's pairwise violations under it
    statistics: bool = False  # text: end with a table of findings and pairs per rule
    quiet: bool = False  # text and concise: only the findings, no notes and no summary


Renderer = Callable[["Report", RenderContext], str]

# Formats that draw every claim of the run, not only those a violation cites.
CHARTING_FORMATS = frozenset({"html"})


# Each format's module; a reporter is imported only when its format is asked for.
_MODULES = {
    "text": "text",
    "concise": "concise",
    "json": "json_report",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "html": "html.page",
}


def renderer(name: str) -> Renderer:
    """The reporter of the format called ``name`` (one of ``formats()``)."""
    module = import_module(f"crosscheck.report.{_MODULES[name]}")
    render: Renderer = module.render
    return render


def renderers() -> dict[str, Renderer]:
    """Every output format by name."""
    return {name: renderer(name) for name in _MODULES}


def formats() -> list[str]:
    """Names of the output formats, for the CLI's choices."""
    return sorted(_MODULES)
