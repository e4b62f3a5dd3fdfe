"""Problems and findings as printed for a person: each value from an input escaped.

A file name, a quoted token or a line of a rule file can hold control characters
and newlines; printed raw they could drive the terminal or start a line of a CI
log (see ``text.escape``). Each record keeps its own layout here, with every value
taken from an input escaped: a one-line record stays one line, and the caret under
a quoted rule-file line still points at its column.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from crosscheck.text.escape import shown, shown_source

if TYPE_CHECKING:
    from crosscheck.dsl.errors import RuleError
    from crosscheck.dsl.lint.context import Finding
    from crosscheck.load.errors import LoadError


def load_error_text(error: LoadError) -> str:
    """``path:line:col: error: message`` on one line, whatever the path and message hold."""
    return shown(error.render())


def rule_error_text(error: RuleError) -> str:
    """A rule-file error as a compiler prints it, its path, message, hint and quoted
    line escaped; the caret goes under the column's place in the escaped line, while
    the location still names the column in the file."""
    hint = None if error.hint is None else shown(error.hint)
    escaped = replace(error, path=shown(error.path), message=shown(error.message), hint=hint)
    line = error.source_line
    if line is None:
        return escaped.render()
    before = line[: max(error.column - 1, 0)]
    beyond = max(error.column - 1 - len(line), 0)  # a column past the end of the line
    column = len(shown_source(before)) + 1 + beyond
    moved = replace(escaped, source_line=shown_source(line), column=column)
    return escaped.location + moved.render().removeprefix(moved.location)


def finding_text(finding: Finding) -> str:
    """A lint finding (and its hint on a line of its own), its values escaped."""
    hint = None if finding.hint is None else shown(finding.hint)
    return replace(
        finding, path=shown(finding.path), message=shown(finding.message), hint=hint
    ).render()
