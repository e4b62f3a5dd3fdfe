"""A rule file's bytes as text: for ``check`` (through the rule loader), ``lint`` and ``fmt``.

Only a regular file of at most ``MAX_RULE_FILE_BYTES`` is read (a FIFO would block,
``/dev/zero`` never end). The text is UTF-8, a byte-order mark dropped, and its line
ends are made ``\\n`` once, here: ``\\r\\n`` (Windows) and a lone ``\\r`` (old Mac)
end a line too, so a ``#`` comment never runs past its line and every position
counts lines as an editor shows them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crosscheck.fs.reader import FileReader, NotRegularFile
from crosscheck.limits import MAX_RULE_FILE_BYTES
from crosscheck.load.decode import normalize_newlines


@dataclass(frozen=True, slots=True)
class RuleText:
    """A rule file's text with ``\\n`` line ends, and how the file itself wrote them."""

    text: str
    written: str  # as decoded, the line ends as in the file (no byte-order mark)
    newline: str  # the file's first line end ("\n" when it has none)


class RuleTextError(Exception):
    """A rule file that cannot be read as text; ``line`` and ``column`` are 0 when
    the problem is the whole file."""

    def __init__(self, message: str, hint: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message, self.hint, self.line, self.column = message, hint, line, column


def read_rule_text(path: Path, reader: FileReader) -> RuleText:
    """The text of the rule file at ``path``; ``RuleTextError`` says why it cannot be read."""
    try:
        data = reader.read_bytes(path, MAX_RULE_FILE_BYTES)
    except NotRegularFile as err:
        raise RuleTextError(
            f"cannot read rule file: {err.strerror}",
            f"a rule file is a regular file of at most {MAX_RULE_FILE_BYTES:,} bytes",
        ) from None
    except OSError as err:
        raise RuleTextError(
            f"cannot read rule file: {err.strerror or err}",
            "check that the file exists and is readable",
        ) from None
    try:
        written = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        before = normalize_newlines(data[: err.start].decode("utf-8", errors="replace"))
        raise RuleTextError(
            f"rule file is not UTF-8 text (byte 0x{data[err.start]:02x})",
            "save the file with UTF-8 encoding",
            before.count("\n") + 1,
            len(before) - (before.rfind("\n") + 1) + 1,
        ) from None
    return RuleText(normalize_newlines(written), written, first_newline(written))


def first_newline(text: str) -> str:
    """The line end of the text's first line (``\\n`` when it has none)."""
    cr, lf = text.find("\r"), text.find("\n")
    if cr < 0 or 0 <= lf < cr:
        return "\n"
    return "\r\n" if lf == cr + 1 else "\r"
