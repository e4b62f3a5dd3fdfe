"""Counts in messages: ``1 rule``, ``2 rules``."""

from __future__ import annotations


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``count`` and ``noun``, in the plural (``many``, else ``noun`` + s) unless 1."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"
