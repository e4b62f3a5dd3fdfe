"""Code actions: the fixes of lint findings (``crosscheck.dsl.lint``) in a requested range."""

from __future__ import annotations

from lsprotocol import types

from crosscheck.dsl.lint.context import Fix
from crosscheck.lsp.analysis import Analysis
from crosscheck.lsp.diagnostics import finding_diagnostic


def code_actions(analysis: Analysis, uri: str, wanted: types.Range) -> list[types.CodeAction]:
    """A quick fix for each finding with a fix whose place lies in ``wanted``."""
    actions = []
    for finding in analysis.findings:
        if finding.fix is None or finding.path != analysis.path:
            continue
        diagnostic = finding_diagnostic(analysis, finding)
        if not _overlap(diagnostic.range, wanted):
            continue
        actions.append(
            types.CodeAction(
                title=finding.fix.title,
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                edit=types.WorkspaceEdit(changes={uri: _edits(analysis, finding.fix)}),
                is_preferred=True,
            )
        )
    return actions


def _edits(analysis: Analysis, fix: Fix) -> list[types.TextEdit]:
    lines = analysis.lines
    return [
        types.TextEdit(
            types.Range(
                types.Position(*lines.to_client(edit.line, edit.column)),
                types.Position(*lines.to_client(edit.end_line, edit.end_column)),
            ),
            edit.text,
        )
        for edit in fix.edits
    ]


def _overlap(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return (p.line, p.character)

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)
