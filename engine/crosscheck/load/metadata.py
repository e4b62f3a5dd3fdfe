"""What is known about an article besides its text: source, date, url, title."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from crosscheck.load import yamltext
from crosscheck.load.errors import LoadProblem

if TYPE_CHECKING:
    import yaml

FIELDS = ("source", "date", "url", "title")

# One metadata value with the position of its value in the file (``None``: unknown).
Item = tuple[str, Any, int | None, int | None]


@dataclass(frozen=True, slots=True)
class Metadata:
    """Article metadata; ``None`` where a field is not known."""

    source: str | None = None
    date: date | None = None
    url: str | None = None
    title: str | None = None

    def over(self, fallback: Metadata) -> Metadata:
        """Each field of ``self`` where known, else the field of ``fallback``."""
        return Metadata(
            self.source if self.source is not None else fallback.source,
            self.date if self.date is not None else fallback.date,
            self.url if self.url is not None else fallback.url,
            self.title if self.title is not None else fallback.title,
        )


def parse_iso_date(text: str) -> date:
    """The date of an ISO text ("2024-12-23", or a date-time of which the day is kept)."""
    cleaned = text.strip()
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(cleaned).date()
    except ValueError:
        raise LoadProblem(f"bad date {text!r}: expected an ISO date such as 2024-12-23") from None


def build_metadata(
    items: Iterable[Item], known: Iterable[str] = FIELDS
) -> tuple[Metadata, list[LoadProblem]]:
    """Metadata from ``(key, value, line, column)`` items.

    Keys outside ``known`` are ignored (articles often carry other front matter);
    one that looks like a misspelt field gives a warning. A bad value raises
    ``LoadProblem`` at its position.
    """
    result = Metadata()
    warnings: list[LoadProblem] = []
    accepted = tuple(known)
    for key, value, line, column in items:
        if key in FIELDS:
            try:
                result = replace(result, **{key: _field_value(key, value)})
            except LoadProblem as problem:
                raise LoadProblem(problem.message, line, column) from None
        elif key not in accepted:
            guess = difflib.get_close_matches(key, accepted, n=1, cutoff=0.75)
            if guess:
                warnings.append(
                    LoadProblem(
                        f"unknown key {key!r} ignored (did you mean {guess[0]!r}?)",
                        line,
                        column,
                        "warning",
                    )
                )
    return result, warnings


def metadata_from_node(node: yaml.Node, what: str) -> tuple[Metadata, list[LoadProblem]]:
    """Metadata from a YAML mapping node, with positions from the node."""
    items: list[Item] = []
    for key, _key_node, value_node in yamltext.mapping_items(node, what):
        line, column = yamltext.position(value_node)
        items.append((key, yamltext.value_of(value_node), line, column))
    return build_metadata(items)


def _field_value(key: str, value: Any) -> Any:
    if value is None:
        return None
    if key == "date":
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            return parse_iso_date(value)
        raise LoadProblem(f"bad date {value!r}: expected an ISO date such as 2024-12-23")
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise LoadProblem(f"{key} must be text, not {type(value).__name__}")
    text = str(value).strip()
    if not text:
        raise LoadProblem(f"{key} is empty")
    return text
