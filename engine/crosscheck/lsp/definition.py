"""Go to definition: a name to its declaration, an import to the file it imports."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from crosscheck.dsl import ast
from crosscheck.lsp.analysis import Analysis
from crosscheck.lsp.positions import Lines
from crosscheck.std import path_of


def definition(analysis: Analysis, line: int, column: int) -> types.Location | None:
    """Where the name or import at 1-based ``line:column`` is declared, or ``None``."""
    statement = analysis.statement_at(line, column)
    if isinstance(statement, ast.Import):
        target = _imported(analysis, statement)
        if target is None:
            return None
        return types.Location(target.as_uri(), _start())
    word = analysis.word_at(line, column)
    declared = analysis.declared(word.text) if word is not None else None
    if declared is None or declared.span.line <= 0:
        return None
    return types.Location(
        Path(declared.span.path).absolute().as_uri(), _span_range(analysis, declared.span)
    )


def _imported(analysis: Analysis, statement: ast.Import) -> Path | None:
    if statement.library:
        return path_of(statement.path)
    target = Path(analysis.path).parent / statement.path
    return target.absolute() if target.is_file() else None


def _start() -> types.Range:
    return types.Range(types.Position(0, 0), types.Position(0, 0))


def _span_range(analysis: Analysis, span: ast.Span) -> types.Range:
    """The range of the declaration's first line (its name is on it)."""
    text = analysis.texts.get(span.path)
    if text is None or span.line > text.count("\n") + 1:
        return types.Range(types.Position(span.line - 1, 0), types.Position(span.line - 1, 0))
    lines = Lines.of(text, analysis.lines.encoding)
    start = lines.to_client(span.line, span.column)
    end = lines.to_client(span.line, len(lines.lines[span.line - 1]) + 1)
    return types.Range(types.Position(*start), types.Position(*end))
