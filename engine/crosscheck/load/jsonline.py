"""One line of a JSON-lines file (an article or a claim) as an object, within limits.

Refused as a ``LoadProblem`` (positions within the line; the field named): values
nested more than ``MAX_NESTING`` deep, strings holding a lone surrogate (an escape
such as ``\\ud800`` that stands for no character), integers of more digits than
Python converts and, in a claims file (``exact``), numbers beyond the bounds of
``crosscheck.limits`` (``1e999999999`` would take minutes to expand exactly).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from crosscheck.limits import MAX_NESTING, NUMBER_LIMITS, decimal_problem, excerpt
from crosscheck.load.claimfields import field_at
from crosscheck.load.decode import decode_text, surrogate_problem
from crosscheck.load.errors import LoadProblem

_STRUCTURE = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')
_SPACE = re.compile(r"[ \t\n\r]*")  # JSON's whitespace
_DECODER = json.JSONDecoder()


@dataclass(frozen=True, slots=True)
class _Unread:
    """A number left unread, and why (``is too large``)."""

    text: str
    why: str


def json_object(raw: bytes, *, exact: bool) -> dict[str, Any]:
    """One JSON-lines line as an object; ``exact`` reads decimals as bounded fractions.

    Raises ``LoadProblem`` at line 1 (the caller shifts it to the file's line).
    """
    return json_line(raw, exact=exact)[0]


def json_line(raw: bytes, *, exact: bool) -> tuple[dict[str, Any], str]:
    """One JSON-lines line as an object, and the line as text (what ``string_at`` reads).

    Raises ``LoadProblem`` as ``json_object`` does.
    """
    text = decode_text(raw.rstrip(b"\r\n"))
    _check_nesting(text)
    read: Callable[[str], Any] = _exact if exact else _whole
    try:
        value = json.loads(text, parse_int=read, parse_float=_exact if exact else float)
    except json.JSONDecodeError as err:
        place = field_at(err.doc, err.pos) if exact else None  # a claim names its field
        where = f" {place}" if place else ""
        raise LoadProblem(f"invalid JSON{where}: {err.msg}", 1, err.colno) from None
    if not isinstance(value, dict):
        raise LoadProblem(f"each line must be a JSON object, not {type(value).__name__}", 1, 1)
    for key, item in value.items():
        problem = _problem_in(key) or _problem_in(item)
        if problem is not None:
            raise LoadProblem(f"`{_shown(key)}` {problem}", 1, _column_of(text, key))
    return value, text


def string_at(line: str, key: str, value: str) -> tuple[int, str] | None:
    """Where the string ``value``, which ``json.loads`` read for the object's ``key``, is
    written in ``line``: the index of its first character after the quote, and its
    characters as written (escapes kept); ``None`` when it cannot be found.

    The last place of the key is tried first, as ``json.loads`` keeps the last one.
    """
    spelt = json.dumps(key)
    at = line.rfind(spelt)
    while at >= 0:
        found = _value_after(line, at + len(spelt), value)
        if found is not None:
            return found
        at = line.rfind(spelt, 0, at)
    return _string_by_tokens(line, key, value)  # the key written with escapes ("t\u0065xt")


def _value_after(line: str, end: int, value: str) -> tuple[int, str] | None:
    """The string ``value`` where it follows ``:`` after a key ending at ``end``."""
    colon = _skip_space(line, end)
    if not line.startswith(":", colon):
        return None
    quote = _skip_space(line, colon + 1)
    if not line.startswith('"', quote):
        return None
    try:
        decoded, after = _DECODER.raw_decode(line, quote)
    except json.JSONDecodeError:
        return None
    return (quote + 1, line[quote + 1 : after - 1]) if decoded == value else None


def _skip_space(line: str, at: int) -> int:
    found = _SPACE.match(line, at)
    return at if found is None else found.end()


def _string_by_tokens(line: str, key: str, value: str) -> tuple[int, str] | None:
    """``string_at`` for a key spelt with escapes: every string of the line is a candidate."""
    found = None
    for token in _STRUCTURE.finditer(line):
        spelt = token.group()
        if spelt.startswith('"') and json.loads(spelt) == key:
            found = _value_after(line, token.end(), value) or found
    return found


def _check_nesting(text: str) -> None:
    if text.count("[") + text.count("{") <= MAX_NESTING:
        return  # the common case: no need to look closer
    depth = 0
    for match in _STRUCTURE.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_NESTING:
                raise LoadProblem(
                    f"values are nested more than {MAX_NESTING} deep "
                    "(lists and objects within each other)",
                    1,
                    match.start() + 1,
                )
        elif token in "]}":
            depth -= 1


def _exact(text: str) -> int | Fraction | _Unread:
    why = decimal_problem(text)
    if why is not None:
        return _Unread(text, f"{why}; {NUMBER_LIMITS}")
    if text.lstrip("-").isdigit():
        return int(text)
    mantissa = text.lower().partition("e")[0]
    return Fraction(mantissa if not mantissa.strip("-.0") else text)  # 0e999999999 is 0


def _whole(text: str) -> int | _Unread:
    try:
        return int(text)
    except ValueError:  # more digits than Python converts (4,300 unless configured)
        return _Unread(text, "has too many digits to be read")


def _problem_in(value: Any) -> str | None:
    """What makes a decoded value unusable (nesting is bounded, so recursion is safe)."""
    if isinstance(value, str):
        return surrogate_problem(value)
    if isinstance(value, _Unread):
        return f"holds the number {excerpt(value.text)}, which {value.why}"
    items: list[Any] = []
    if isinstance(value, list):
        items = value
    elif isinstance(value, dict):
        items = [part for pair in value.items() for part in pair]
    return next((problem for item in items if (problem := _problem_in(item)) is not None), None)


def _shown(key: str) -> str:
    """A key as it can be printed (a lone surrogate as its escape)."""
    return key.encode("utf-8", "backslashreplace").decode("utf-8")


def _column_of(text: str, key: str) -> int | None:
    for written in (json.dumps(key), json.dumps(key, ensure_ascii=False)):
        found = text.find(written)
        if found >= 0:
            return found + 1
    return None
