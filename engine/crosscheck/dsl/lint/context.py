"""What lint checks share: findings, and a rule set with the texts it was read from.

Texts are optional: with them, a finding about a phrase points at the phrase;
without them, at its statement.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from crosscheck.dsl.ast import RuleSet, Span, Statement
from crosscheck.dsl.comments import Scan, scan
from crosscheck.dsl.syntax_errors import Source
from crosscheck.units import dimension_of


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text from ``line:column`` up to (not including) ``end_line:end_column``
    of a finding's file by ``text``; lines and columns count from 1, as spans do."""

    line: int
    column: int
    end_line: int
    end_column: int
    text: str = ""


@dataclass(frozen=True, slots=True)
class Fix:
    """What a finding's fix does, in a few words, and its edits (which do not overlap)."""

    title: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """One lint warning, placed at ``path:line:column``, and its fix if it has an obvious one."""

    path: str
    line: int
    column: int
    code: str
    message: str
    hint: str | None = None
    fix: Fix | None = field(default=None, compare=False)

    @property
    def location(self) -> str:
        """``path:line:column``."""
        return f"{self.path}:{self.line}:{self.column}"

    def render(self) -> str:
        """``path:line:col: warning[code] message``, and the hint on a line of its own."""
        text = f"{self.location}: warning[{self.code}] {self.message}"
        return f"{text}\n   hint: {self.hint}" if self.hint else text


@dataclass(frozen=True, slots=True)
class Found:
    """What a check reports; the registry adds the check's code."""

    span: Span
    message: str
    hint: str | None = None
    fix: Fix | None = None


class LintContext:
    """A checked rule set, the texts of its files (path -> text) and today's date."""

    def __init__(
        self, ruleset: RuleSet, texts: Mapping[str, str], today: dt.date | None = None
    ) -> None:
        self.ruleset = ruleset
        self.texts = texts
        self.today = today
        self._scans: dict[str, tuple[Source, Scan]] = {}

    def scanned(self, path: str) -> tuple[Source, Scan] | None:
        """The text of ``path`` scanned for comments, words and phrases, if it was given."""
        if path not in self._scans and path in self.texts:
            text = self.texts[path]
            self._scans[path] = (Source(text, path), scan(text))
        return self._scans.get(path)

    def phrase_span(self, statement: Statement, clause: str | None, index: int) -> Span:
        """Where the ``index``-th phrase after ``clause`` (e.g. ``when``) of a statement is.

        ``clause=None`` counts from the statement's start. Falls back to the
        statement's span when the text is unknown.
        """
        span = statement.span
        found = self.scanned(span.path)
        if found is None or span.line <= 0:
            return span
        source, scanned = found
        start = source.offset(span.line, span.column)
        end = source.offset(span.end_line, span.end_column) + 1
        if clause is not None:
            keyword = [w for w in scanned.words if start <= w.offset < end and w.text == clause]
            if not keyword:
                return span
            start = keyword[0].offset
        phrases = [s for s in scanned.strings if start <= s.offset < end]
        if index >= len(phrases):
            return span
        line, column = source.position(phrases[index].offset)
        return Span(span.path, line, column, line, column + len(phrases[index].text) - 1)

    def phrase_removal(self, span: Span) -> Edit | None:
        """An edit deleting the listed phrase at ``span`` (from ``phrase_span``) with the
        ``|`` before it, or ``None`` when the text is unknown or no ``|`` precedes it."""
        found = self.scanned(span.path)
        if found is None or span.line <= 0 or span.line != span.end_line:
            return None
        source = found[0]
        start = source.offset(span.line, span.column)
        end = source.offset(span.end_line, span.end_column) + 1
        bar = len(source.text[:start].rstrip()) - 1
        if not source.text.startswith('"', start) or bar < 0 or source.text[bar] != "|":
            return None
        cut = len(source.text[:bar].rstrip())
        return Edit(*source.position(cut), *source.position(end))

    def statement_removal(self, statement: Statement) -> Edit | None:
        """An edit deleting the lines of a statement and a blank line after it, or ``None``
        when the text is unknown or the statement shares a line with another."""
        found = self.scanned(statement.span.path)
        span = statement.span
        if found is None or span.line <= 0:
            return None
        lines = found[0].text.split("\n")
        before = lines[span.line - 1][: span.column - 1]
        after = lines[span.end_line - 1][span.end_column :]
        if before.strip() or (after.strip() and not after.lstrip().startswith("#")):
            return None
        end = span.end_line + 1
        if end <= len(lines) and not lines[end - 1].strip():
            end += 1  # its blank line too, so the blocks around stay one blank line apart
        if end > len(lines):
            return Edit(span.line, 1, len(lines), len(lines[-1]) + 1)
        return Edit(span.line, 1, end, 1)

    def dimension(self, measure: str) -> str:
        """The dimension of a measure's unit, e.g. ``[length]``."""
        return dimension_of(self.ruleset.unit_of(measure))


def quoted(phrase: str) -> str:
    """A phrase as a rule file writes it."""
    return '"' + phrase.replace("\\", "\\\\").replace('"', '\\"') + '"'
