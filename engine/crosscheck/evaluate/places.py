"""A place named with a figure is a part when the claims count that place as a part.

"In Afghanistan, 73 people were reported dead" names one place; alone it may be the whole
event's ("300 died in Kerala"). But when another claim of the same set counts Afghanistan
as a part ("237 died in Pakistan and 74 in Afghanistan"), or an article gives a lower
figure for Afghanistan beside a higher one it names no place for (it breaks its whole
down), the event spans more than that place, and the 73 counts Afghanistan's dead:
compared with the whole toll it would make a false finding. So before rules are
evaluated, a claim with no part whose ``place`` names a part the claims count
(``parts_of``, compared by ``scopes.part_key``) takes that part (docs/semantics.md §5).
The decision is over the whole set, so every engine makes it before it splits claims
into groups.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from fractions import Fraction

from crosscheck.evaluate.headlines import without_headline_copies
from crosscheck.evaluate.scopes import part_key
from crosscheck.model import Claim

_ACRONYM = re.compile(r"[A-Z]{2,6}")
_GLUE = frozenset(["and", "of", "the"])  # "Azad Jammu and Kashmir" is AJK
Span = tuple[dt.date, dt.date] | None
_FOR = "\x1f"  # between a measure and a part counted for it alone (no text holds it)


def parts_counted(parts: Iterable[str | None]) -> frozenset[str]:
    """The parts some claim counts, as compared (``part_key``)."""
    return frozenset(part_key(part) for part in parts if part)


def measure_part(measure: str, key: str) -> str:
    """A part counted for one measure only (``parts_of``), as ``counted`` holds it."""
    return f"{measure}{_FOR}{key}"


def measure_parts(counted: frozenset[str]) -> list[tuple[str, str]]:
    """The parts of ``counted`` counted for one measure only, as (measure, part key)."""
    return [(m, key) for m, _, key in (k.partition(_FOR) for k in counted if _FOR in k)]


def parts_of(claims: Iterable[Claim]) -> frozenset[str]:
    """The parts the claims count (``parts_counted``): each claim's part, and, for that
    measure only (``measure_part``), each place a document names for a figure below the
    highest figure of the measure it gives for the same days with neither part nor place
    (it breaks that whole down: "19,136 died ... 17,388 of them in Kashmir"; a lower
    figure of another day is an earlier count, not a part)."""
    parts: set[str] = set()
    tops: dict[tuple[str, str, Span], Fraction] = {}
    placed: list[Claim] = []
    for claim in claims:
        if claim.part is not None:
            parts.add(part_key(claim.part))
        elif (span := claim.time_span()) is None:
            continue  # a figure of unknown time breaks no whole down, nor is broken down
        elif claim.place is not None:
            placed.append(claim)
        elif (low := claim.interval.low) is not None:
            key = (claim.document, claim.measure, span)
            tops[key] = max(tops.get(key, low), low)
    for claim in placed:
        top = tops.get((claim.document, claim.measure, claim.time_span()))
        high = claim.interval.high
        if top is not None and high is not None and high < top:
            parts.add(measure_part(claim.measure, part_key(claim.place or "")))
    return frozenset(parts)


def as_rules_see(
    claims: Sequence[Claim],
    parts: frozenset[str] | None = None,
    headline_copies_removed: bool = False,
) -> list[Claim]:
    """``claims`` as every rule sees them: headline copies set aside (``headlines``; unless
    the caller did so over whole documents) and places made parts, by the parts the whole
    claim set counts (``parts``, by default ``parts_of(claims)``)."""
    counted = parts_of(claims) if parts is None else parts
    kept = claims if headline_copies_removed else without_headline_copies(claims)
    return with_places_as_parts(kept, counted)


def with_places_as_parts(claims: Sequence[Claim], counted: frozenset[str]) -> list[Claim]:
    """``claims`` (in order), each with no part whose place ``counted`` (the parts the whole
    claim set counts, ``parts_of``) names given that part."""
    if not counted:
        return list(claims)
    return [place_as_part(claim, counted) for claim in claims]


def place_as_part(claim: Claim, counted: frozenset[str]) -> Claim:
    """``claim``, given the part its place names (``part_named``) when it has none."""
    if claim.part is not None or claim.place is None:
        return claim
    part = part_named(claim.place, counted, claim.measure)
    return claim if part is None else claim.model_copy(update={"part": part})


def part_named(place: str, counted: frozenset[str], measure: str | None = None) -> str | None:
    """The part of ``counted`` (the parts of the whole claim set) that ``place`` names
    for a figure of ``measure``: itself, or the one part whose initials it spells ("NWFP"
    for "North West Frontier Province"); None for none."""
    key = part_key(place)
    if key in counted or (measure is not None and measure_part(measure, key) in counted):
        return place
    if not _ACRONYM.fullmatch(place):
        return None
    spelled = [k for k in counted if _FOR not in k and _initials(k) == place.lower()]
    return spelled[0] if len(spelled) == 1 else None


def _initials(key: str) -> str:
    return "".join(word[0] for word in key.split() if word not in _GLUE)
