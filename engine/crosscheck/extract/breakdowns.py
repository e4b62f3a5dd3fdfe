"""Places that make a figure a part of the event: breakdowns and sub-areas (pure).

"237 people died in Pakistan and 74 in Afghanistan", "13 were declared dead at the
Medical College and 10 at the district hospital": each number is a part of the event's
figure, not the figure, and comparing it with the whole makes false findings ("74 vs
311"). When two or more numbers of a sentence of one measure each name a place after them
("in"/"at"/"on" and a proper name, or a place noun such as "province", "district",
"hospital", "side"), and not all the same place, each of them is a part; a number left
unbound after a bound one counts as of its measure ("13 at the college and 10 at the
district hospital": the 10 elides "dead").
One figure with one place is a part only when its noun says so (``sub_area``: "in
Takhar province", "at the district hospital"), or when it counts the places not named
(``elsewhere``: "23 more deaths were confirmed elsewhere"); "300 died in Kerala" may be
the whole.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from crosscheck.lexicon import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS

_PLACE_NOUNS = (
    "province|provinces|district|districts|county|counties|region|regions|area|areas|state|"
    "city|town|village|villages|hospital|hospitals|college|side|valley|camp|camps|island"
)
_PROPER = r"[A-Z][\w'’-]+"
# A place after a number: "in Pakistan", "at the Kollam district hospital", "on the Indian side".
_PLACE = (
    rf"((?:[\w'’-]+[ \t]+){{0,3}}?(?:{_PROPER}|(?i:{_PLACE_NOUNS}))(?:[ \t]+{_PROPER})*"
    rf"(?:[ \t]+(?i:{_PLACE_NOUNS}))?)(?![\w'’-])"
)
# "in Pakistan"; or a place that "for" names with "alone" ("37,958 for Pakistan's North
# West Frontier province alone"; "for the families", "for hours" name none).
_PLACE_AFTER = re.compile(rf"[ \t]+(?:in|at|on)[ \t]+(?:the[ \t]+)?{_PLACE}")
# A hospital the figure was taken to: "80 have been rushed to the Travancore Medical Hospital".
_TO_HOSPITAL = re.compile(
    r"[ \t]+to[ \t]+(?:the[ \t]+)?((?:[A-Za-z'’-]+[ \t]+){0,4}?(?i:hospital|hospitals|clinic|"
    r"medical[ \t]+college))(?![\w'’-])"
)
# The areas one side of a conflict holds: "in the areas the government controls", "in
# rebel-held areas". One side's areas are a part; both sides' ("the areas the government
# controls and the regions rebels hold") are the whole.
_SIDES = {
    "government": "government", "regime": "government", "junta": "government",
    "army": "government", "military": "government", "rebels": "opposition",
    "rebel": "opposition", "opposition": "opposition", "insurgents": "opposition",
}  # fmt: skip
_SIDE = "|".join(sorted(_SIDES, key=len, reverse=True))
_AREAS = r"(?:areas|parts|regions|territory|territories|zones)"
_HELD = re.compile(
    rf"[ \t]+(?:in|across)[ \t]+(?:the[ \t]+)?(?:{_AREAS}[ \t]+(?:that[ \t]+)?(?:the[ \t]+)?"
    rf"(?P<holder>{_SIDE})[ \t]+(?:controls?|holds?|runs?)|{_AREAS}[ \t]+(?:held|controlled|run)"
    rf"[ \t]+by[ \t]+(?:the[ \t]+)?(?P<by>{_SIDE})|(?P<side>{_SIDE})[ \t-]+(?:held|controlled|run)"
    rf"[ \t]+{_AREAS})(?![\w-])",
    re.IGNORECASE,
)
_BOTH_SIDES = re.compile(
    r"[ \t]+and[ \t]+(?:by[ \t]+|in[ \t]+)?(?:the[ \t]+)?[a-z-]+", re.IGNORECASE
)


def held_areas(text: str, start: int, end: int) -> str | None:
    """The part "<side>-held areas" that the areas one side holds name right after the
    number ending at ``start`` ("died in the areas the government controls"), or None."""
    if (
        text.find("held", start, end) < 0
        and text.find("control", start, end) < 0
        and (text.find(" hold", start, end) < 0 and text.find(" run", start, end) < 0)
    ):
        return None
    found = _HELD.search(text, start, end)
    if found is None or _BOTH_SIDES.match(text, found.end()):
        return None
    side = (found.group("holder") or found.group("by") or found.group("side")).lower()
    return f"{_SIDES[side]}-held areas"


# "died across Nepal": a named country or region, never "across the region" (the whole).
_ACROSS = re.compile(
    rf"[ \t]+(?:across|throughout)[ \t]+({_PROPER}(?:[ \t]+{_PROPER})*)(?![\w'’-])"
)
_FOR_ALONE = re.compile(rf"[ \t]+for[ \t]+(?:the[ \t]+)?{_PLACE}[ \t]+alone(?![\w-])")
# The nouns that make a named place a part of the event, one source for every pattern.
SUB_AREA_NOUNS = (
    "province", "provinces", "district", "districts", "county", "counties", "village",
    "villages", "hospital", "hospitals", "school", "college", "camp", "camps",
)  # fmt: skip
_SUB_AREA = re.compile(
    rf"(?i)(?<![\w-])(?:{'|'.join(SUB_AREA_NOUNS)})(?![\w-])|-held[ \t]+areas(?![\w-])"
)
_PREPOSITION = re.compile(r"[ \t](?:in|at|on)[ \t]")
_REACH = 70  # characters after a number searched for its place
NOT_PLACES = frozenset([*MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS])  # "in October": a time


def breakdown_places(
    text: str,
    figures: Sequence[tuple[int, int, str | None, str]],
    end: int,
    after: Sequence[str | None] | None = None,
) -> dict[int, str]:
    """The place of each number, given as (start, end, measure, dimension) in text order in
    one sentence of ``text`` ending at ``end``, that is a part of a breakdown by place
    (``after``: each number's ``places_after``, when already found)."""
    if after is None:
        after = places_after(text, [(start, stop) for start, stop, _, _ in figures], end)
    places: dict[str, list[tuple[int, str]]] = defaultdict(list)
    last: tuple[str, str] | None = None  # an unbound number may elide the measure before it
    for i, (_, _, measure, dimension) in enumerate(figures):
        if measure is not None:
            last = (measure, dimension)
        if last is None or last[1] != dimension:
            continue
        place = after[i]
        if place is not None:
            places[last[0]].append((i, place))
    parts: dict[int, str] = {}
    for found in places.values():
        if len(found) >= 2 and len({place.lower() for _, place in found}) >= 2:
            parts.update((i, place) for i, place in found if figures[i][2] is not None)
    return parts


def places_after(text: str, spans: Sequence[tuple[int, int]], end: int) -> list[str | None]:
    """The place named after each number of one sentence (``spans`` in text order), before
    the next number or the sentence's ``end`` (``place_after``)."""
    nexts = [start for start, _ in spans[1:]]
    nexts.append(end)
    for k in range(len(nexts) - 2, -1, -1):
        if _IN_PLACE.search(text, max(spans[k][1], nexts[k] - 20), nexts[k]):
            nexts[k] = nexts[k + 1]  # "600 people in the two districts": the place's own number
    return [
        place_after(text, stop, min(following, stop + _REACH, end))
        for (_, stop), following in zip(spans, nexts, strict=True)
    ]


# A number that opens the place after a figure: "wounded 600 people in the two districts".
_IN_PLACE = re.compile(r"[ \t](?:in|at)[ \t]+(?:the[ \t]+)?\Z")


def sub_area(place: str | None) -> str | None:
    """``place`` (named after a number) when its own noun makes it a part of an event: a
    province, district, county, village, hospital..."""
    if place is None or _SUB_AREA.search(place) is None or len(place.split()) < 2:
        return None  # "in the province", "in hospital": the event's own place, or a state
    return place


# Places other than those an article names, after a figure in its clause: "23 more deaths
# were confirmed elsewhere", "40 died in other districts".
_ELSEWHERE = re.compile(
    r"[^,;:()—–.]*?(?<![\w-])(elsewhere|in[ \t]+other[ \t]+(?:areas|parts|provinces|districts|"
    r"regions|states|villages|towns|cities|countries))(?![\w-])"
)


def elsewhere(text: str, start: int, end: int) -> str | None:
    """The words after the number ending at ``start`` (before ``end``, in its clause) that
    place its figure in other places than those named ("elsewhere"), if any."""
    limit = min(end, start + _REACH)
    if text.find("elsewhere", start, limit) < 0 and text.find(" other ", start, limit) < 0:
        return None  # the words first: the pattern tries every character
    found = _ELSEWHERE.match(text, start, limit)
    return found.group(1) if found else None


def place_after(text: str, start: int, end: int) -> str | None:
    """The place named after the number ending at ``start``, before ``end``, or None."""
    held = held_areas(text, start, end)
    if held is not None:
        return held
    # Most figures name no place: cheap scans for the words first, not the patterns.
    preposition = _PREPOSITION.search(text, start, end)
    found = None if preposition is None else _PLACE_AFTER.search(text, preposition.start(), end)
    while found is not None and _is_time(found.group(1)):
        # "killed in Saturday's earthquake in Bihar": the time's phrase names no place,
        # and one after it still may.
        found = _PLACE_AFTER.search(text, found.end(), end)
    if found is None and text.find("alone", start, end) >= 0:
        found = _FOR_ALONE.search(text, start, end)
    if found is None and (text.find("across", start, end) >= 0 or "throughout" in text[start:end]):
        found = _ACROSS.search(text, start, end)
    if found is None and text.find(" to ", start, end) >= 0:
        found = _TO_HOSPITAL.search(text, start, end)
    if found is None or _is_time(found.group(1)):
        return None
    return found.group(1)


def _is_time(place: str) -> bool:
    """Whether a place found is a time: "in October", "on Monday", "in Saturday's quake"."""
    words = place.split()
    return words[0] in _TIMES or words[-1] in _TIMES


# Times, and their possessives ("Saturday's"), that a place found may be instead.
_TIMES = frozenset([*NOT_PLACES, *(f"{w}'s" for w in NOT_PLACES), *(f"{w}’s" for w in NOT_PLACES)])
