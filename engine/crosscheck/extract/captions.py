"""Captions of file photos: another event's figures, inside an article (pure).

Agencies illustrate a story with an archive photo and a caption about the event it shows:
"FILE - In this file photo from Aug. 7, 1998, rescue workers carry ... The attacks killed
224 people altogether ... (AP Photo/Khalil Senosi, File)". Its figures are that earlier
event's, never the story's. A caption opens a line with "FILE" and a dash and runs to the
photo credit that closes it with "File)" (at most ``MAX_LINES`` lines on), or to the end
of its own line when no credit follows.
"""

from __future__ import annotations

import re

MAX_LINES = 4  # lines (blank ones included) a caption may run on to its credit
_OPENER = re.compile(r"^[ \t]*FILE[ \t]*[-–—][ \t]", re.MULTILINE)
_CREDIT = re.compile(r"\([^()\n]*,[ \t]*File\)")


def file_captions(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` that are captions of file photos, in order."""
    spans = []
    for opener in _OPENER.finditer(text):
        start = opener.start()
        line_end = _line_end(text, start)
        reach = line_end
        for _ in range(MAX_LINES):
            reach = _line_end(text, min(len(text), reach + 1))
        credit = _CREDIT.search(text, start, reach)
        spans.append((start, credit.end() if credit else line_end))
    return spans


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end
