"""Typed reads of the fields of one decoded JSON claim (``LoadProblem`` when mistyped),
and the field a JSON syntax error is in."""

from __future__ import annotations

import json
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from crosscheck.load.errors import LoadProblem

_DECODER = json.JSONDecoder()


def text(obj: dict[str, Any], key: str) -> str | None:
    """The string at ``key``; ``None`` when absent or null."""
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value
    raise LoadProblem(f"`{key}` must be a string, not {_kind(value)}")


def number(obj: dict[str, Any], key: str) -> Fraction | None:
    """The exact number at ``key``; ``None`` when absent or null.

    Decimals are exact because the JSON is parsed with ``parse_float=Fraction``.
    """
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, Fraction)):
        raise LoadProblem(f"`{key}` must be a finite number or null, not {_kind(value)}")
    return Fraction(value)


def flag(obj: dict[str, Any], key: str) -> bool:
    """The boolean at ``key``; true when absent or null."""
    value = obj.get(key)
    if value is None:
        return True
    if isinstance(value, bool):
        return value
    raise LoadProblem(f"`{key}` must be true or false, not {_kind(value)}")


def integer(obj: dict[str, Any], key: str, minimum: int) -> int | None:
    """The whole number at ``key`` (at least ``minimum``); ``None`` when absent or null.

    A decimal with no fraction (``7.0``) is the whole number JSON takes it for.
    """
    value = obj.get(key)
    if value is None:
        return None
    whole = isinstance(value, int) or (isinstance(value, Fraction) and value.denominator == 1)
    if isinstance(value, bool) or not whole or value < minimum:
        shown = _show(value) if isinstance(value, Fraction) else repr(value)
        raise LoadProblem(f"`{key}` must be a whole number of at least {minimum}, not {shown}")
    return int(value)


def field_at(doc: str, pos: int) -> str | None:
    """Where in the JSON object text ``doc`` the character at ``pos`` is.

    "in `low`" (its key or value), "after `low`" (between its value and the next
    key), or ``None`` before the first key or when ``doc`` is not an object.
    """
    place = None
    try:
        for start, label in _places(doc):
            if start > pos:
                break
            place = label
    except ValueError:  # the text stops being JSON here: the place found so far holds
        pass
    return place


def _places(doc: str) -> Iterator[tuple[int, str]]:
    """``(offset, place)`` for each top-level key: from ``offset`` on, text is at ``place``."""
    index = _skip(doc, 0)
    if not doc.startswith("{", index):
        return
    index += 1
    while doc.startswith('"', index := _skip(doc, index)):
        key, index = _DECODER.raw_decode(doc, index)
        yield index, f"in `{key}`"
        index = _skip(doc, index)
        if not doc.startswith(":", index):
            return
        _, index = _DECODER.raw_decode(doc, _skip(doc, index + 1))
        yield index, f"after `{key}`"
        index = _skip(doc, index)
        if not doc.startswith(",", index):
            return
        index += 1


def _skip(doc: str, index: int) -> int:
    """The offset of the first character from ``index`` on that is not JSON white space."""
    return len(doc) - len(doc[index:].lstrip(" \t\n\r"))


def _show(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else str(float(value))


def _kind(value: Any) -> str:
    if isinstance(value, float):  # only NaN and Infinity arrive as floats
        return str(value)
    names = {bool: "a boolean", str: "a string", list: "a list", dict: "an object"}
    return names.get(type(value), type(value).__name__)
