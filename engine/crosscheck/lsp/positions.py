"""Positions as crosscheck counts them (1-based lines and code-point columns of the text with
``\\n`` line ends) and as the protocol does (0-based lines, columns in the negotiated units)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE_END = re.compile(r"\r\n|\r|\n")  # the protocol's line ends, and crosscheck's
_ENCODINGS = ("utf-8", "utf-16", "utf-32")


@dataclass(frozen=True)
class Lines:
    """A document's lines, with conversions between the two ways of counting positions."""

    lines: tuple[str, ...]
    encoding: str = "utf-16"  # the position encoding the client and server agreed on

    @classmethod
    def of(cls, text: str, encoding: str = "utf-16") -> Lines:
        """The lines of ``text``, however its lines end."""
        return cls(tuple(_LINE_END.split(text)), encoding if encoding in _ENCODINGS else "utf-16")

    def units(self, text: str) -> int:
        """How many code units of the encoding ``text`` takes."""
        if self.encoding == "utf-32":
            return len(text)
        if self.encoding == "utf-8":
            return len(text.encode("utf-8", "surrogatepass"))
        return len(text.encode("utf-16-le", "surrogatepass")) // 2

    def to_client(self, line: int, column: int) -> tuple[int, int]:
        """The protocol's (line, character) of crosscheck's 1-based ``line:column``."""
        if line <= 0:
            return 0, 0
        if line > len(self.lines):
            return len(self.lines) - 1, self.units(self.lines[-1])
        text = self.lines[line - 1]
        return line - 1, self.units(text[: max(column - 1, 0)])

    def from_client(self, line: int, character: int) -> tuple[int, int]:
        """crosscheck's 1-based (line, column) of the protocol's ``line``, ``character``."""
        if line >= len(self.lines):
            return len(self.lines), len(self.lines[-1]) + 1
        text = self.lines[line]
        column, used = 0, 0
        while column < len(text) and used < character:
            used += self.units(text[column])
            column += 1
        return line + 1, column + 1

    def end(self) -> tuple[int, int]:
        """The protocol's position just past the last character."""
        return len(self.lines) - 1, self.units(self.lines[-1])

    def offset(self, line: int, column: int) -> int:
        """The character offset of 1-based ``line:column`` in the text with ``\\n`` line ends."""
        line = min(max(line, 1), len(self.lines))
        before = sum(len(text) + 1 for text in self.lines[: line - 1])
        return before + min(max(column - 1, 0), len(self.lines[line - 1]))
