"""Lark's parse errors retold in the words of the rule language.

Lark reports terminals (``NAME``, ``__ANON_0``); users need "expected a measure
name after `rule deaths:`". The parser state an error settles in is matched
against short example prefixes (Lark's ``match_examples`` idea), misspelt
keywords get a did-you-mean hint, and lexer errors are sorted into unterminated
strings, malformed numbers and stray characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from copy import copy
from dataclasses import dataclass

from lark import Lark, Token
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken
from lark.lexer import PatternStr

from crosscheck.dsl.errors import RuleError, did_you_mean
from crosscheck.dsl.vocabulary_syntax import EXPECTATIONS

STATEMENT_KEYWORDS = (
    "import", "tolerance", "vague", "subject", "origin", "phrases", "hedge", "measure", "rule",
    "waive",
)  # fmt: skip
# Every reserved word of the grammar (a test keeps this in step with grammar.lark).
# fmt: off
KEYWORDS = frozenset((
    *STATEMENT_KEYWORDS, "in", "of", "cumulative", "when", "unless", "agree", "exactly",
    "within", "nondecreasing", "over", "time", "across", "sources", "per", "document",
    "source", "days", "day", "severity", "message", "error", "warning", "info",
    "stated", "reason", "until", "origins",
))
# fmt: on
_STATEMENT_TERMINALS = frozenset(word.upper() for word in STATEMENT_KEYWORDS)
_ONCE_PER_STATEMENT = frozenset({"in", "of", "cumulative", "when", "unless", "severity", "message"})

# What is expected in each parser state, found by parsing prefixes that stop there.
_EXPECTATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("a file name in double quotes", ("import",)),
    ("a hedge word such as `approximately`", ("tolerance",)),
    ("`=`", ("tolerance about", 'vague "x"', "subject s")),
    ("a percentage such as `10%`", ("tolerance about =",)),
    ("`%`", ("tolerance about = 10",)),
    ("a vague phrase in double quotes", ("vague",)),
    ("a number (the low end of the range)", ('vague "x" =', "rule r: a within")),
    (
        "`..` between the low and high ends of the range",
        ('vague "x" = 1', "rule r: a within 1", "rule r: a within 1 mm"),
    ),
    ("a number (the high end of the range)", ('vague "x" = 1 ..', "rule r: a within 1 ..")),
    ("a subject name", ("subject", "measure m: count of")),
    (
        "a phrase in double quotes",
        ("subject s =", 'subject s = "a" |', "measure m: count when", "measure m: count unless"),
    ),
    ("a measure name", ("measure", "rule r:", "rule r: a +")),
    ("`:`", ("measure m", "rule r")),
    ("a quantity (count, people, length, mass, duration or percent)", ("measure m:",)),
    ("a unit name", ("measure m: length in",)),
    ("`cumulative`", ("measure m: count,",)),
    ("a rule name", ("rule", "waive")),
    (
        "a comparison (`<=`, `<`, `>=`, `>`, `==`), `+`, `agree`, `within` or `nondecreasing`",
        ("rule r: a",),
    ),
    ("a measure name or a number", ("rule r: a <=",)),
    ("`over time`", ("rule r: a nondecreasing",)),
    ("`time`", ("rule r: a nondecreasing over",)),
    (
        "a number: a tolerance such as `10%` or a window such as `7 days`",
        (
            "rule r: a <= b within",
            "rule r: a agree within",
            "rule r: a nondecreasing over time within",
        ),
    ),
    ("a number of days", ("rule r: a <= b within 5% within", "rule r: a <= b per source within")),
    ("`days`", ("rule r: a <= b within 5% within 7",)),
    ("`sources`", ("rule r: a <= b across",)),
    ("`document` or `source`", ("rule r: a <= b per",)),
    ("`error`, `warning` or `info`", ("rule r: a <= b severity",)),
    ("a message in double quotes", ("rule r: a <= b message",)),
    ("a document path or pattern in double quotes", ("waive r document",)),
    ("the stated text of a claim in double quotes", ("waive r stated",)),
    ("the reason for the waiver in double quotes", ("waive r reason",)),
    ("a date such as `2025-06-30`", ("waive r until",)),
)

_TERMINAL_WORDS = {
    "NAME": "a name",
    "NUMBER": "a number",
    "STRING": "a phrase in double quotes",
    "PERCENT_UNIT": "`%`",
    "DATE": "a date such as `2025-06-30`",
}

_CHARACTER_HINTS = {
    "≤": "write `<=`",
    "≥": "write `>=`",
    "≠": "there is no `!=`; state what must hold instead",
    "'": 'quote phrases with double quotes `"`',
    "“": 'quote phrases with straight double quotes `"`',
    "”": 'quote phrases with straight double quotes `"`',
    ";": "statements need no terminator; each starts with its keyword",
    "-": "only `+` may join measures",
}

_SCAN = re.compile(r'"(?:[^"\\\n]|\\.)*"?|#[^\n]*|[A-Za-z_]\w*|-?\d[\d_]*(?:\.\d+)?|\.\.|[<>=]=|\S')


@dataclass(frozen=True)
class Word:
    """A scanned token of the source, by character offsets."""

    start: int
    end: int
    text: str


class Source:
    """A rule file's text with line/column arithmetic and a forgiving scanner."""

    def __init__(self, text: str, path: str) -> None:
        self.text, self.path = text, path
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def offset(self, line: int, column: int) -> int:
        """The character offset of a 1-based line and column."""
        return self._line_starts[line - 1] + column - 1

    def words(self, start: int, end: int) -> list[Word]:
        """The tokens (comments left out) lying wholly between two offsets."""
        found = (Word(m.start(), m.end(), m.group()) for m in _SCAN.finditer(self.text, start, end))
        return [word for word in found if not word.text.startswith("#")]


@dataclass(frozen=True)
class Vocabulary:
    """What the grammar calls things: fixed terminal texts and per-state expectations."""

    literals: Mapping[str, str]
    labels: Mapping[int, str]


def vocabulary(parser: Lark) -> Vocabulary:
    """The vocabulary of a parser of the rule grammar."""
    literals = {
        t.name: t.pattern.value for t in parser.terminals if isinstance(t.pattern, PatternStr)
    }
    labels: dict[int, str] = {}
    for what, prefixes in (*EXPECTATIONS, *_EXPECTATIONS):
        for prefix in prefixes:
            labels.setdefault(_error_state(parser, prefix), what)
    return Vocabulary(literals, labels)


def _error_state(parser: Lark, prefix: str) -> int:
    try:
        parser.parse(prefix)
    except UnexpectedToken as err:
        return int(err.state.position)
    raise ValueError(f"example prefix {prefix!r} parses; it cannot name an error state")


def describe(
    err: UnexpectedInput, source: Source, start: int, end: int | None, vocab: Vocabulary
) -> RuleError:
    """A friendly ``RuleError`` for a Lark error in the statement text ``source[start:end]``."""
    if isinstance(err, UnexpectedToken):
        return _token_error(err, source, start, len(source.text) if end is None else end, vocab)
    if isinstance(err, UnexpectedCharacters):
        return _character_error(err, source)
    line, column = getattr(err, "line", 1), getattr(err, "column", 1)
    return RuleError(source.path, line, column, "the rule file ends too early")


# ------------------------------------------------------------------ unexpected tokens


@dataclass(frozen=True)
class _Situation:
    """An unexpected token and what the parser would have taken instead."""

    token: Token
    before: list[Word]  # the statement's words before it
    accepts: frozenset[str]
    can_end: bool  # the statement would be complete without the token
    what: str  # what was expected, in words


def _token_error(
    err: UnexpectedToken, source: Source, start: int, end: int, vocab: Vocabulary
) -> RuleError:
    token = err.token
    at_end = token.type == "$END"
    offset = end if at_end else source.offset(token.line or 1, token.column or 1)
    before = _statement_words(source.words(start, offset))
    state, can_end = _settled(err)
    accepts = frozenset(err.accepts or err.expected)
    what = vocab.labels.get(state) if state is not None else None
    situation = _Situation(
        token, before, accepts, can_end, what or _describe(accepts, vocab, not before)
    )
    message, hint = _special(situation, source, vocab) or _explain(situation, vocab)
    if at_end and before:
        line, column = source.position(before[-1].end)
    else:
        line, column = source.position(offset)
    return RuleError(source.path, line, column, message, hint)


def _settled(err: UnexpectedToken) -> tuple[int | None, bool]:
    """The state the parser stops in at the end of the statement, and whether it may end."""
    parser = err.interactive_parser
    if parser is None:
        return None, False
    try:
        copy(parser).feed_token(Token("$END", ""))
    except UnexpectedToken as at_eof:
        return int(at_eof.state.position), False
    return None, True


def _statement_words(words: list[Word]) -> list[Word]:
    for index in range(len(words) - 1, -1, -1):
        if words[index].text in STATEMENT_KEYWORDS:
            return words[index:]
    return words


def _explain(s: _Situation, vocab: Vocabulary) -> tuple[str, str | None]:
    found = None if s.token.type == "$END" else f"`{_shorten(str(s.token))}`"
    word = str(s.token) if str(s.token).isidentifier() else None
    hint = did_you_mean(word, _keywords(s.accepts, vocab)) if word else None
    if not s.before:
        return f"expected a statement, found {found or 'the end of the file'}", hint or (
            "a statement starts with " + _join([f"`{word}`" for word in STATEMENT_KEYWORDS])
        )
    context = _context(s.before)
    if found and "NAME" in s.accepts and str(s.token) in _keywords([s.token.type], vocab):
        hint = f"`{s.token}` is a keyword and cannot be used as a name"
    if s.can_end and found:
        return f"unexpected {found} after `{context}`", hint or f"expected {s.what}"
    return f"expected {s.what} after `{context}`", hint


def _special(s: _Situation, source: Source, vocab: Vocabulary) -> tuple[str, str | None] | None:
    """Messages for mistakes common enough to name exactly."""
    value = str(s.token)
    previous = s.before[-1] if s.before else None
    if value == "," and previous is not None and _is_number(previous.text):
        digits = re.match(r"[\d,]*", source.text[previous.start :])
        written = digits.group() if digits else previous.text
        plain = written.replace(",", "")
        return (
            f"numbers are written without thousands separators: `{written}`",
            f"write `{plain}` or `{written.replace(',', '_')}`",
        )
    if value == "=" and "==" in {vocab.literals.get(name) for name in s.accepts}:
        return f"expected {s.what} after `{_context(s.before)}`", "compare with `==`"
    if value in _ONCE_PER_STATEMENT and any(w.text == value for w in s.before):
        return f"`{value}` may appear only once in a statement", None
    return None


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"-?\d[\d_]*(\.\d+)?", text))


def _keywords(accepts: Iterable[str], vocab: Vocabulary) -> list[str]:
    words = (vocab.literals.get(name, "") for name in accepts)
    return [word for word in words if word.isalpha()]


def _describe(accepts: frozenset[str], vocab: Vocabulary, at_top: bool) -> str:
    """The acceptable terminals in words, statement keywords folded into one item."""
    parts = sorted(
        _TERMINAL_WORDS.get(name) or f"`{vocab.literals.get(name, name.lower())}`"
        for name in accepts
        if name not in _STATEMENT_TERMINALS and name != "$END"
    )
    if accepts & _STATEMENT_TERMINALS:
        parts.append("a statement" if at_top else "a new statement")
    return _join(parts) if parts else "the end of the file"


def _context(words: list[Word]) -> str:
    """The statement so far, as the user wrote it, cut to its last ~48 characters."""
    pieces: list[str] = []
    length = 0
    for word in reversed(words):
        if length + len(word.text) > 48 and pieces:
            break
        pieces.insert(0, word.text)
        length += len(word.text) + 1
    while len(pieces) > 1 and pieces[0] in _TIGHT:
        pieces.pop(0)
    text = pieces[0]
    for piece in pieces[1:]:
        text += piece if piece in _TIGHT else " " + piece
    return text


_TIGHT = frozenset({":", ",", "%"})  # written without a space before them


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " or " + parts[-1]


def _shorten(text: str) -> str:
    return text if len(text) <= 30 else text[:27] + "..."


# ------------------------------------------------------------------ unexpected characters


def _character_error(err: UnexpectedCharacters, source: Source) -> RuleError:
    offset = source.offset(err.line, err.column)
    char = source.text[offset]
    if char == '"':
        return _string_error(source, offset)
    number = _number_around(source.text, offset)
    if number is not None:
        line, column = source.position(number[0])
        return RuleError(
            source.path,
            line,
            column,
            f"malformed number `{number[1]}`",
            "write numbers like `1200`, `1_200` or `0.5`; a range is `LOW .. HIGH`",
        )
    shown = char if char.isprintable() else repr(char)
    return RuleError(
        source.path,
        err.line,
        err.column,
        f"unexpected character `{shown}`",
        _CHARACTER_HINTS.get(char),
    )


def _number_around(text: str, offset: int) -> tuple[int, str] | None:
    """A run of digits, dots and underscores around ``offset`` that holds a digit."""
    allowed = "0123456789._"
    if text[offset] not in allowed:
        return None
    left, right = offset, offset
    while left > 0 and text[left - 1] in allowed:
        left -= 1
    while right < len(text) and (text[right] in allowed or text[right].isalpha()):
        right += 1
    run = text[left:right]
    return (left, run) if any(ch.isdigit() for ch in run) else None


def _string_error(source: Source, offset: int) -> RuleError:
    line_end = source.text.find("\n", offset)
    rest = source.text[offset : len(source.text) if line_end < 0 else line_end]
    bad_escape = _bad_escape(rest)
    if bad_escape is not None:
        line, column = source.position(offset + bad_escape)
        escape = rest[bad_escape : bad_escape + 2]
        return RuleError(
            source.path,
            line,
            column,
            f"unknown escape `{escape}` in a quoted phrase",
            'only `\\"` and `\\\\` may follow a backslash',
        )
    line, column = source.position(offset)
    return RuleError(
        source.path,
        line,
        column,
        'unterminated string: the closing `"` is missing',
        "a quoted phrase must end on the line where it starts",
    )


def _bad_escape(rest: str) -> int | None:
    """Where a closed string has a backslash escape other than ``\\"`` and ``\\\\``."""
    index = 1
    while index < len(rest):
        char = rest[index]
        if char == '"':
            return None
        if char == "\\":
            if rest[index + 1 : index + 2] not in ('"', "\\"):
                return index if '"' in rest[index + 1 :] else None
            index += 1
        index += 1
    return None
