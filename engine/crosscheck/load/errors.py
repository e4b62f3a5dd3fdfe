"""Problems with input files, as records that name the file, line and column."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class LoadError:
    """A file (or a line of one) that could not be read as intended.

    ``line`` and ``column`` are 1-based and point into the file; either may be
    unknown. A ``warning`` reports something that was read anyway (e.g. a
    negative amount clipped to 0); an ``error`` means the item was left out.
    """

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    severity: Severity = "error"

    @property
    def is_error(self) -> bool:
        """True unless this is only a warning."""
        return self.severity == "error"

    def location(self) -> str:
        """``path:line:column`` as far as known."""
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def render(self) -> str:
        """The compiler-style line ``path:line:col: error: message``."""
        return f"{self.location()}: {self.severity}: {self.message}"


class LoadProblem(ValueError):
    """A problem found by a parser that does not know which file it is reading.

    Positions are relative to the text the parser was given; ``at`` places the
    problem in a file.
    """

    def __init__(
        self,
        message: str,
        line: int | None = None,
        column: int | None = None,
        severity: Severity = "error",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.severity: Severity = severity

    def shifted(self, lines: int) -> LoadProblem:
        """The same problem with its line moved down by ``lines``."""
        line = None if self.line is None else self.line + lines
        return LoadProblem(self.message, line, self.column, self.severity)

    def at(self, path: str, line: int | None = None) -> LoadError:
        """The problem as a ``LoadError`` in ``path``; ``line`` fills in an unknown line."""
        return LoadError(
            path,
            self.message,
            self.line if self.line is not None else line,
            self.column,
            self.severity,
        )


class InputError(Exception):
    """Inputs that could not be read: ``problems`` lists every one (``LoadError`` records,
    each naming ``file:line:column``), warnings included."""

    def __init__(self, problems: Sequence[LoadError]) -> None:
        self.problems: tuple[LoadError, ...] = tuple(problems)
        errors = [p for p in self.problems if p.is_error]
        lines = [p.render() for p in self.problems]
        count = f"{len(errors)} input{'' if len(errors) == 1 else 's'} could not be read"
        super().__init__("\n".join([count, *lines]))


class InputWarning(UserWarning):
    """Something in an input was read anyway, as ``message`` says (``file:line:column``
    first), e.g. a negative amount read as 0."""
