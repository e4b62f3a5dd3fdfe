"""Reporters: each turns a finished Report into the text of one output format.

A reporter is a plain function ``render(report, context) -> str``; the registry maps
format names to them, in the spirit of flake8's formatters behind one interface.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from crosscheck.model import Report


@dataclass(frozen=True)
class RenderContext:
    """What a reporter may need beyond the report itself."""

    color: bool = False
    show_undecided: bool = False
    rule_descriptions: tuple[tuple[str, str], ...] = ()  # (rule name, help text)


Renderer = Callable[[Report, RenderContext], str]


def renderers() -> dict[str, Renderer]:
    """Every output format by name."""
    from crosscheck.report import json_report, text

    return {"text": text.render, "json": json_report.render}


def formats() -> list[str]:
    """Names of the output formats, for the CLI's choices."""
    return sorted(renderers())
