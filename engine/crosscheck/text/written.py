"""Where the characters of a JSON string stand in the line it is written on (pure).

A JSON-lines article's text is one string on one line of its file, escapes and all:
``\\n``, ``\\"``, ``\\u00e9`` and a surrogate pair ``\\ud83c\\udf0a`` each stand for one
character of the text but take 2, 6 or 12 columns of the line. ``WrittenColumns`` maps
an offset in the text as the loaders give it (``\\r\\n`` and a lone ``\\r`` read as one
``\\n``) back to the file's line and column, so a claim points where an editor shows it.
"""

from __future__ import annotations

from crosscheck.model import Document
from crosscheck.text.segment import LineIndex

_SIMPLE_ESCAPE_WIDTH = 2  # \n, \", \\ ...
_UNICODE_ESCAPE_WIDTH = 6  # \uXXXX
_SHORT = {"\r": "\\r", "\n": "\\n"}


class WrittenColumns:
    """1-based file line and column of offsets into the decoded text of a JSON string,
    counted on from the last offset asked (offsets are best asked in increasing order)."""

    def __init__(self, written: str, line: int, column: int) -> None:
        """``written``: the string's characters between its quotes, as in the file;
        ``line`` and ``column``: where its first character stands (1-based)."""
        self._written = written
        self._line = line
        self._column = column
        self._raw = 0  # index in ``written`` of the last offset asked
        self._done = 0  # the last offset asked

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) in the file of ``offset`` in the decoded text."""
        if offset < self._done:
            self._raw, self._done = 0, 0
        written, raw, done = self._written, self._raw, self._done
        while done < offset and raw < len(written):
            escape = written.find("\\", raw)
            plain = (len(written) if escape < 0 else escape) - raw
            if plain:  # characters written as themselves: one column each
                step = min(plain, offset - done)
                raw, done = raw + step, done + step
            else:
                raw, done = self._after_escape(raw), done + 1
        self._raw, self._done = raw, done
        return self._line, self._column + raw

    def _after_escape(self, at: int) -> int:
        """Where the text's next character ends in ``written``: an escape, or ``\\r\\n``
        as two escapes that the loaders read as one line end."""
        end = self._escape_end(at)
        if _stands_for(self._written, at, "\r") and _stands_for(self._written, end, "\n"):
            return self._escape_end(end)
        return end

    def _escape_end(self, at: int) -> int:
        written = self._written
        if not written.startswith("\\u", at):
            return at + _SIMPLE_ESCAPE_WIDTH
        end = at + _UNICODE_ESCAPE_WIDTH
        if _is_surrogate(written, at, 0xD800) and _is_surrogate(written, end, 0xDC00):
            return end + _UNICODE_ESCAPE_WIDTH  # a pair is one character
        return end


def _stands_for(written: str, at: int, character: str) -> bool:
    """Whether the escape at ``written[at]`` stands for ``character`` (``\\r``, ``\\u000d``)."""
    if written.startswith(_SHORT[character], at):
        return True
    code = written[at + 2 : at + _UNICODE_ESCAPE_WIDTH].lower()
    return written.startswith("\\u", at) and code == f"{ord(character):04x}"


def _is_surrogate(written: str, at: int, low: int) -> bool:
    """Whether ``written[at:]`` starts with an escape of a surrogate in ``low..low+0x3FF``."""
    digits = written[at + 2 : at + _UNICODE_ESCAPE_WIDTH]
    if not written.startswith("\\u", at) or len(digits) != 4:
        return False
    try:
        code = int(digits, 16)
    except ValueError:
        return False
    return low <= code <= low + 0x3FF


Positions = LineIndex | WrittenColumns


def positions(document: Document) -> Positions:
    """The file line and column of offsets into ``document.text``."""
    if document.file is None:
        return LineIndex(document.text, document.line_offset)
    written = document.text if document.written is None else document.written
    return WrittenColumns(written, document.line_offset + 1, document.column_offset + 1)
