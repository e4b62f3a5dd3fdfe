"""Where the comments and words of a rule file are.

The parser drops comments; the formatter and the linter need them (to keep them,
and to read ``# lint: ignore[...]``). A forgiving scan that skips quoted phrases
is enough, because both only look at files that parse; the editor server also finds
the word under the cursor with it, in files half typed (an open quote runs to the
end of its line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKENS = re.compile(r'"(?:[^"\\\r\n]|\\.)*"?|#[^\r\n]*|[A-Za-z_]\w*')


@dataclass(frozen=True, slots=True)
class Comment:
    """A ``#`` comment: where it starts, its text, and whether code precedes it on its line."""

    offset: int
    line: int
    column: int
    text: str  # from `#` to the end of the line, trailing white space removed
    own_line: bool


@dataclass(frozen=True, slots=True)
class Word:
    """A name or keyword outside quotes and comments."""

    offset: int
    text: str


@dataclass(frozen=True, slots=True)
class Scan:
    """The comments, words and quoted phrases of a text, each in order."""

    comments: tuple[Comment, ...]
    words: tuple[Word, ...]
    strings: tuple[Word, ...]  # quoted phrases, quotes included


def scan(text: str) -> Scan:
    """The comments and words of a rule file's text."""
    comments: list[Comment] = []
    words: list[Word] = []
    strings: list[Word] = []
    line, counted = 1, 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token.startswith("#"):
            start = match.start()
            line, counted = line + text.count("\n", counted, start), start
            line_start = text.rfind("\n", 0, start) + 1
            comments.append(
                Comment(
                    offset=start,
                    line=line,
                    column=start - line_start + 1,
                    text=token.rstrip(),
                    own_line=not text[line_start:start].strip(),
                )
            )
        else:
            (strings if token.startswith('"') else words).append(Word(match.start(), token))
    return Scan(tuple(comments), tuple(words), tuple(strings))
