"""Breakdowns that name each place before its figure, the verb said once (pure).

"Al Haouz Province had recorded 290 deaths, Taroudant Province 190, Chichaoua 89 and
Azilal 11": after the first figure each place and its figure stand alone, the verb and
the noun of the first understood. Each later figure is of the first one's measure, and
every figure of the list counts its own place, a part of the event, as in "290 died in
Al Haouz and 190 in Taroudant" (``breakdowns``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crosscheck.extract.breakdowns import NOT_PLACES
from crosscheck.extract.records import Mention

if TYPE_CHECKING:
    from crosscheck.extract.bind import Binding

_PROPER = r"[A-Z][\w'’-]*[\w]"
_PLACE_NOUNS = r"(?:province|prefecture|district|county|state|region|city|town|village)"
_NAME = (
    rf"(?:(?:the[ \t]+)?{_PLACE_NOUNS}[ \t]+of[ \t]+)?"  # "the prefecture of Agadir 5": Agadir
    rf"(?P<name>{_PROPER}(?:[ \t]+(?:{_PROPER}|(?:of[ \t]+)?{_PLACE_NOUNS}))*)"
)
# The place of a later item, right before its figure: ", Taroudant Province 190".
_LISTED = re.compile(rf"(?:,|[ \t]and)[ \t]+{_NAME}[ \t]+\Z")
# What may follow an item's figure: the next item, or the list's end.
_ITEM_END = re.compile(r"[ \t]*(?:,|;|\.|[ \t]and(?![\w-])|\Z)")
# The place of the first item, before its verb: "Al Haouz Province had recorded 290".
_FIRST = re.compile(
    rf"{_NAME}[ \t]+(?:(?:has|had|have)[ \t]+)?"
    r"(?:recorded|registered|reported|counted|confirmed|suffered)[ \t]+\Z"
)
_REACH = 80  # characters before a figure searched for its place


def listed_place(text: str, mention: Mention, earlier: Mention) -> str | None:
    """The place named right before ``mention`` when it is a later item of a list whose
    item before is ``earlier`` ("..., Taroudant Province 190"), else None."""
    if earlier.end >= mention.start or not _ITEM_END.match(text, mention.end):
        return None
    between = text[earlier.end : mention.start]
    if ";" in between or any(c.isdigit() for c in between):
        return None
    found = _LISTED.search(text, max(earlier.end, mention.start - _REACH), mention.start)
    return None if found is None else _place(found.group("name"))


def first_place(text: str, mention: Mention, floor: int) -> str | None:
    """The place named before the first figure of such a list, with its verb ("Al Haouz
    Province had recorded 290"), not before ``floor``; else None."""
    found = _FIRST.search(text, max(floor, mention.start - _REACH), mention.start)
    return None if found is None else _place(found.group("name"))


def with_first_place(text: str, results: list[Binding], first: Binding, floor: int) -> None:
    """Give ``first`` (one of ``results``), the first figure of a list by place, the part
    its place names ("Al Haouz Province had recorded 290 deaths, Taroudant Province 190"),
    if it has none yet (its place is searched for from ``floor`` on)."""
    if first.part is not None:
        return
    place = first_place(text, first.mention, floor)
    if place is not None:
        step = f"counts a part of the event: {place}, the first of a list by place"
        results[results.index(first)] = first._replace(part=place, steps=(*first.steps, step))


def _place(name: str) -> str | None:
    """``name``, unless a time ("Monday", "October")."""
    return None if any(word in NOT_PLACES for word in name.split()) else name
