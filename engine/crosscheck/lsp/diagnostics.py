"""Errors and lint findings of a document as the protocol's diagnostics."""

from __future__ import annotations

from lsprotocol import types

from crosscheck.dsl.errors import RuleError
from crosscheck.dsl.lint.context import Finding
from crosscheck.lsp.analysis import Analysis

SOURCE = "crosscheck"


def diagnostics(analysis: Analysis) -> list[types.Diagnostic]:
    """Every error (of the document, or of a file it imports) and every lint finding of it."""
    found = [_error(analysis, error) for error in analysis.errors]
    found += [
        finding_diagnostic(analysis, finding)
        for finding in analysis.findings
        if finding.path == analysis.path
    ]
    return found


def _error(analysis: Analysis, error: RuleError) -> types.Diagnostic:
    message = error.message + (f"\nhint: {error.hint}" if error.hint else "")
    if error.path != analysis.path:  # an imported file's problem: shown on the first line
        return types.Diagnostic(
            range=types.Range(types.Position(0, 0), types.Position(0, 0)),
            message=f"{error.location}: {message}",
            severity=types.DiagnosticSeverity.Error,
            source=SOURCE,
        )
    return types.Diagnostic(
        range=word_range(analysis, error.line, error.column),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def finding_diagnostic(analysis: Analysis, finding: Finding) -> types.Diagnostic:
    """A lint finding as a warning; its code is the lint code ``# lint: ignore[...]`` takes."""
    message = finding.message + (f"\nhint: {finding.hint}" if finding.hint else "")
    return types.Diagnostic(
        range=word_range(analysis, finding.line, finding.column),
        message=message,
        severity=types.DiagnosticSeverity.Warning,
        code=finding.code,
        source=SOURCE,
    )


def word_range(analysis: Analysis, line: int, column: int) -> types.Range:
    """The range of the word or phrase starting at 1-based ``line:column`` (one character
    when none does; the start of the file for a problem of the file as a whole)."""
    start = analysis.lines.to_client(line, column)
    word = analysis.word_at(line, column) if line > 0 else None
    offset = analysis.lines.offset(line, column)
    width = len(word.text) - (offset - word.offset) if word is not None else 1
    end = analysis.lines.to_client(line, column + max(width, 1)) if line > 0 else start
    if end[0] != start[0]:
        end = start
    return types.Range(types.Position(*start), types.Position(*end))
