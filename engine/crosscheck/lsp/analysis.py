"""A rule file open in an editor, read as ``check`` and ``lint`` read it: parsed (what
parses of it, when not all does), its imports followed, checked, and linted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from crosscheck.dsl import ast
from crosscheck.dsl.comments import Scan, Word, scan
from crosscheck.dsl.errors import RuleError
from crosscheck.dsl.lint.context import Finding
from crosscheck.dsl.lint.linter import lint
from crosscheck.load.decode import normalize_newlines
from crosscheck.load.rules import load_edited
from crosscheck.lsp.positions import Lines

Declaration = ast.Subject | ast.Origin | ast.PhraseSet | ast.Measure | ast.Rule


@dataclass(frozen=True)
class Analysis:
    """What crosscheck makes of one document: errors, lint findings and declarations."""

    path: str  # as spans of the document name it
    text: str  # ``\\n`` line ends
    lines: Lines  # the text as the editor holds it
    files: tuple[ast.RuleFile, ...]  # what parsed, imports first, the document last
    texts: Mapping[str, str]  # the text of each file read, by the path its spans name
    errors: tuple[RuleError, ...]
    findings: tuple[Finding, ...]
    scanned: Scan = field(repr=False)

    def declarations(self) -> Iterator[Declaration]:
        """Every named declaration of the document and its imports."""
        for rule_file in self.files:
            for statement in rule_file.statements:
                if isinstance(statement, Declaration):
                    yield statement

    def declared(self, name: str) -> Declaration | None:
        """The declaration named ``name``, the document's own first."""
        found = [d for d in self.declarations() if d.name == name]
        own = [d for d in found if d.span.path == self.path]
        return (own or found)[0] if found else None

    def statement_at(self, line: int, column: int) -> ast.Statement | None:
        """The document's statement that covers 1-based ``line:column``."""
        own = self.files[-1].statements if self.files and self.files[-1].path == self.path else ()
        for statement in own:
            span = statement.span
            if (span.line, span.column) <= (line, column) <= (span.end_line, span.end_column):
                return statement
        return None

    def word_at(self, line: int, column: int) -> Word | None:
        """The name or keyword (outside phrases and comments) at or just before ``line:column``."""
        offset = self.lines.offset(line, column)
        touching = None
        for word in self.scanned.words + self.scanned.strings:
            if word.offset <= offset < word.offset + len(word.text):
                return word
            if offset == word.offset + len(word.text):
                touching = word
        return touching


def analyse(
    path: Path,
    written: str,
    encoding: str = "utf-16",
    open_texts: Mapping[Path, str] | None = None,
    today: dt.date | None = None,
) -> Analysis:
    """The analysis of the document at ``path`` whose text (as the editor holds it) is
    ``written``; imports open in the editor (``open_texts``) are read from there."""
    text = normalize_newlines(written)
    edited = load_edited(path, text, open_texts)
    findings: tuple[Finding, ...] = ()
    if edited.ruleset is not None:
        findings = tuple(lint(edited.ruleset, edited.texts, today))
    return Analysis(
        str(path),
        text,
        Lines.of(written, encoding),
        edited.files,
        edited.texts,
        edited.errors,
        findings,
        scan(text),
    )
