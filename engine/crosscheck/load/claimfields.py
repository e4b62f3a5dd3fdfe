"""Typed reads of the fields of one decoded JSON claim (``LoadProblem`` when mistyped)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from crosscheck.load.errors import LoadProblem


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
    """The whole number at ``key`` (at least ``minimum``); ``None`` when absent or null."""
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise LoadProblem(f"`{key}` must be a whole number of at least {minimum}, not {value!r}")
    return value


def _kind(value: Any) -> str:
    if isinstance(value, float):  # only NaN and Infinity arrive as floats
        return str(value)
    names = {bool: "a boolean", str: "a string", list: "a list", dict: "an object"}
    return names.get(type(value), type(value).__name__)
