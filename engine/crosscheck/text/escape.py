"""Text taken from an input, made safe to print where a person or a CI log reads it.

An article, a file name, a source name or a rule message can hold control characters:
``ESC [2J`` clears a terminal, ``ESC ]0;…BEL`` sets its title, a carriage return
overwrites a line, and a newline followed by ``::error::`` starts a workflow command in
a GitHub Actions log. As ``ls`` and git do, every human-readable output writes them
as escapes instead, so that an input can neither drive the terminal nor start a line:

* C0 controls, DEL and C1 controls: ``\\n``, ``\\r``, ``\\t`` for the usual three,
  ``\\x1b`` for the other C0 ones and DEL, ``\\u0085`` for C1 ones;
* the line and paragraph separators U+2028 and U+2029 (``\\u2028``), which some
  viewers break lines at;
* a lone surrogate: ``\\xff`` for a byte of a file name that is not UTF-8 (Python
  holds it as U+DCFF, see ``fs.pathtext``), ``\\ud800`` for any other.

``shown`` escapes a value, newlines included: a value printed inside a line can then
never start one. ``shown_lines`` escapes all but the newline, for a text made of
lines that crosscheck itself put together (a safety net: its values are escaped too).
``shown_source`` keeps tabs too, for a line of a file quoted above a caret that must
line up with it; ``source_excerpt`` quotes at most ``EXCERPT`` characters of such a
line, around the column the caret points at.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_UNSAFE_BUT_NEWLINE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_UNSAFE_BUT_TAB = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
EXCERPT = 60  # characters of an input quoted in a message, at most


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if code < 0x80:
        return f"\\x{code:02x}"
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as Python keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def shown(text: str) -> str:
    """``text`` with every control character (newlines too) and lone surrogate escaped."""
    return _UNSAFE.sub(_escape, text)


def shown_lines(text: str) -> str:
    """``text`` with every control character but the newline, and every lone surrogate,
    escaped: its lines stay lines."""
    return _UNSAFE_BUT_NEWLINE.sub(_escape, text)


def shown_source(line: str) -> str:
    """A line of a file with every control character but the tab (and every lone
    surrogate) escaped: a caret under it can still be lined up with tabs."""
    return _UNSAFE_BUT_TAB.sub(_escape, line)


def source_excerpt(line: str, column: int, width: int = EXCERPT) -> tuple[str, int]:
    """At most ``width`` characters of ``line`` escaped (as ``shown_source``) around
    ``column`` (1-based), cut ends marked ``…``; and the column's place in the excerpt."""
    at = min(max(column - 1, 0), len(line))
    before, after = shown_source(line[:at]), shown_source(line[at:])
    if len(before) + len(after) <= width:
        return before + after, len(before) + 1
    kept = min(len(before), max(width // 3, width - len(after)))
    head = before[len(before) - kept :]
    if kept < len(before):
        head = "…" + head[1:]
    tail = after[: width - len(head)]
    if len(tail) < len(after):
        tail = tail[:-1] + "…"
    return head + tail, len(head) + 1
