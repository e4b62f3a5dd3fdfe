"""Errors in rule files, reported the way compilers report them.

A ``RuleError`` names ``file:line:column``, says what is wrong in the user's
words, and may carry a hint and the offending source line so that ``render``
can point a caret at the exact column.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class RuleError:
    """One problem in a rule file; ``line == 0`` means the file as a whole."""

    path: str
    line: int
    column: int
    message: str
    hint: str | None = None
    source_line: str | None = None

    @property
    def location(self) -> str:
        """``path:line:column``, or just ``path`` for a whole-file problem."""
        if self.line <= 0:
            return self.path
        return f"{self.path}:{self.line}:{self.column}"

    def render(self) -> str:
        """The error as a compiler prints it: location, message, source line, caret, hint."""
        lines = [f"{self.location}: error: {self.message}"]
        if self.source_line is not None and self.line > 0:
            number = str(self.line)
            gutter = " " * len(number)
            lines.append(f"   {number} | {self.source_line}")
            lines.append(f"   {gutter} | {_caret_indent(self.source_line, self.column)}^")
        if self.hint:
            lines.append(f"   hint: {self.hint}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.render()


def _caret_indent(source_line: str, column: int) -> str:
    # Tabs are kept so the caret lines up however wide the terminal shows a tab.
    before = source_line[: max(column - 1, 0)]
    pad = "".join("\t" if ch == "\t" else " " for ch in before)
    return pad + " " * max(column - 1 - len(before), 0)


class RuleFileError(Exception):
    """One or more rule files are malformed; ``errors`` lists every problem found."""

    def __init__(self, errors: Iterable[RuleError]) -> None:
        self.errors: tuple[RuleError, ...] = tuple(errors)
        super().__init__(self.render())

    def render(self) -> str:
        """Every error rendered, separated by blank lines."""
        return "\n\n".join(error.render() for error in self.errors)


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """A ``did you mean `x`?`` hint for a misspelt word, or ``None``."""
    matches = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=0.6)
    return f"did you mean `{matches[0]}`?" if matches else None


def with_source(errors: Iterable[RuleError], texts: Mapping[str, str]) -> tuple[RuleError, ...]:
    """The errors with their source line filled in from ``texts`` (path -> file text)."""
    result = []
    for error in errors:
        text = texts.get(error.path)
        if error.source_line is None and text is not None and error.line > 0:
            lines = text.split("\n")
            if error.line <= len(lines):
                error = replace(error, source_line=lines[error.line - 1].rstrip("\r"))
        result.append(error)
    return tuple(result)
