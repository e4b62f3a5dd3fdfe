"""A place named with a figure is a part when the claims count that place as a part.

"In Afghanistan, 73 people were reported dead" names one place; alone it may be the whole
event's ("300 died in Kerala"). But when another claim of the same set counts Afghanistan
as a part ("237 died in Pakistan and 74 in Afghanistan"), the event spans more than that
place, and the 73 counts Afghanistan's dead: compared with the whole toll it would make a
false finding. So before rules are evaluated, a claim with no part whose ``place`` some
claim counts as its ``part`` (compared by ``scopes.part_key``) takes that place as its part
(docs/semantics.md §5). The decision is over the whole set, so every engine makes it before
it splits claims into groups.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from crosscheck.evaluate.scopes import part_key
from crosscheck.model import Claim

_ACRONYM = re.compile(r"[A-Z]{2,6}")
_GLUE = frozenset(["and", "of", "the"])  # "Azad Jammu and Kashmir" is AJK


def parts_counted(parts: Iterable[str | None]) -> frozenset[str]:
    """The parts some claim counts, as compared (``part_key``)."""
    return frozenset(part_key(part) for part in parts if part)


def with_places_as_parts(claims: Sequence[Claim], counted: frozenset[str]) -> list[Claim]:
    """``claims`` (in order), each with no part whose place ``counted`` (the parts some
    claim of the set counts, ``parts_counted``) holds given that place as its part."""
    if not counted:
        return list(claims)
    return [place_as_part(claim, counted) for claim in claims]


def place_as_part(claim: Claim, counted: frozenset[str]) -> Claim:
    """``claim``, given the part its place names (``part_named``) when it has none."""
    if claim.part is not None or claim.place is None:
        return claim
    part = part_named(claim.place, counted)
    return claim if part is None else claim.model_copy(update={"part": part})


def part_named(place: str, counted: frozenset[str]) -> str | None:
    """The part of ``counted`` (the parts of the whole claim set) that ``place`` names:
    itself, or the one part whose initials it spells ("NWFP" for "North West Frontier
    Province"); None for none."""
    if part_key(place) in counted:
        return place
    if not _ACRONYM.fullmatch(place):
        return None
    spelled = [key for key in counted if _initials(key) == place.lower()]
    return spelled[0] if len(spelled) == 1 else None


def _initials(key: str) -> str:
    return "".join(word[0] for word in key.split() if word not in _GLUE)
