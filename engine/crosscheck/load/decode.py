"""Bytes to text: UTF-8 with or without a byte-order mark, and nothing else."""

from __future__ import annotations

import re

from crosscheck.load.errors import LoadProblem

BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


UTF16_MESSAGE = "the file is UTF-16 (it starts with a UTF-16 byte-order mark); re-save it as UTF-8"

_SURROGATE = re.compile("[\ud800-\udfff]")


def surrogate_problem(text: str) -> str | None:
    """Why ``text`` is not text, if it holds a lone surrogate (only an escape such as
    ``\\ud800`` in JSON or YAML can put one there; a pair is read as one character)."""
    found = _SURROGATE.search(text)
    if found is None:
        return None
    return (
        f"holds a lone surrogate (\\u{ord(found.group()):04x}), an escape that stands for "
        "no character; remove it, or escape the character meant"
    )


def is_utf16(data: bytes) -> bool:
    """Whether ``data`` starts with a UTF-16 byte-order mark."""
    return data.startswith(_UTF16_BOMS)


def decode_text(data: bytes) -> str:
    """The text of UTF-8 ``data``, without a leading BOM and with ``\\n`` line ends.

    Raises ``LoadProblem`` at the line and column of the first byte that is not
    UTF-8, so that the user can find it and re-save the file.
    """
    if is_utf16(data):
        raise LoadProblem(UTF16_MESSAGE, 1, 1)
    skipped = len(BOM) if data.startswith(BOM) else 0
    try:
        text = data[skipped:].decode("utf-8")
    except UnicodeDecodeError as err:
        raise _bad_byte(data, skipped, err.start) from None
    return normalize_newlines(text)


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` turned into ``\\n`` (Windows and old Mac files)."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _bad_byte(data: bytes, skipped: int, start: int) -> LoadProblem:
    offset = skipped + start
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    # Everything before the bad byte decoded, so the column counts characters, not bytes.
    prefix = data[max(line_start, skipped) : offset].decode("utf-8")
    return LoadProblem(
        f"not valid UTF-8: byte 0x{data[offset]:02X} at byte offset {offset} "
        "(the file may be Latin-1 or Windows-1252); re-save it as UTF-8",
        line,
        len(prefix) + 1,
    )
