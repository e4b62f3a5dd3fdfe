"""The dateline that opens a news article: "BANGKOK (AP) —", "PESHAWAR, Oct 9:".

A dateline says where a story was filed, not what its figures are about, so the place it
names puts no subject in focus (``DocumentContext.focus``). It opens one of the first
lines of the body (after a headline or a caption) and is a place, with an optional
region ("SHANGLA, Pakistan"), then a news agency in parentheses, a date or both, then a
dash or a colon. A place in mixed case needs an agency or a date after it ("Islamabad
(dpa) -"); one in capitals needs neither ("MUZAFFARABAD, Pakistan —").
"""

from __future__ import annotations

import re

from crosscheck.lexicon import MONTH_ABBREVIATIONS, MONTHS

FIRST_LINES = 4  # lines of the body a dateline may open
_WORD = r"[A-Z][A-Za-z'’.-]*"
_PLACE = rf"{_WORD}(?:[ \t]+{_WORD}){{0,3}}"
_AGENCY = r"[ \t]*\((?:[A-Z][A-Za-z.&-]*|dpa)(?:[ \t]+[A-Z][A-Za-z.&-]*){0,2}\)"
_MONTH = "|".join([*MONTHS, *MONTH_ABBREVIATIONS])
_DATE = rf",?[ \t]*(?:{_MONTH})\.?[ \t]+[0-9]{{1,2}}(?:,[ \t]*[0-9]{{4}})?"
_DATELINE = re.compile(
    rf"(?!(?:The|A|An)\b)(?P<place>{_PLACE})(?:,[ \t]*{_PLACE})??(?P<tail>(?:{_AGENCY}|{_DATE})*)"
    r"[ \t]*(?:[-–—]{1,2}|:)[ \t]+"
)


def dateline(text: str) -> tuple[int, int]:
    """Where the dateline opening the body of ``text`` starts and ends ((0, 0): none)."""
    start = 0
    for _ in range(FIRST_LINES):
        while start < len(text) and text[start] in " \t\r\n":
            start += 1
        m = _DATELINE.match(text, start, min(len(text), start + 120))
        if m is not None and (m.group("tail") or _capitals(m.group("place"))):
            return start, m.end()
        newline = text.find("\n", start)
        if newline < 0:
            break
        start = newline + 1
    return 0, 0


def _capitals(place: str) -> bool:
    """Whether a place is written in capitals ("NEW DELHI", "KABUL."), as datelines are."""
    letters = [c for c in place if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)
