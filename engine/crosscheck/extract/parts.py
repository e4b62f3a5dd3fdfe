"""What a bound figure counts of the event, decided once its sentence is bound (pure).

The whole event's figure is what rules compare; a figure for a part of it is compared
only with figures of the same part (``Claim.part``). A bound figure counts a part when:

* it is one of a breakdown by place: two or more figures of one measure, each with its
  own place ("237 people died in Pakistan and 74 in Afghanistan") (``breakdowns``);
* its place is a part by its very noun: a province, district, county, village, hospital,
  school or camp ("185 people died in Khyber Pakhtunkhwa province", "at the district
  hospital"); a country or town alone may be the whole event's place, so a figure of
  people keeps it as its ``place``, a part only where another claim counts that place as
  one ("73 died in Afghanistan" beside "237 in Pakistan and 74 in Afghanistan":
  ``places``, ``evaluate.places``);
* it counts a group among the measure's people ("12 girls", "five militants"), unless the
  measure's own words name that group (a measure of troops counts soldiers).

An increment ("two more", "another 20") adds to a figure before it and is no figure of its
own: it is not bound (``increments``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from crosscheck.extract.breakdowns import breakdown_places, elsewhere, places_after, sub_area
from crosscheck.extract.increments import increments, span_increments
from crosscheck.extract.places import place_named
from crosscheck.extract.structure_words import GROUP_NOUNS

if TYPE_CHECKING:
    from crosscheck.extract.bind import Binding

_INCREMENT = "not bound: an increment to the figure before it ('two more', 'another 20')"


class Nouns(NamedTuple):
    """What a sentence's figures count: each number's counted noun (by its start), each
    measure's own words, and whether each measure counts people."""

    counted: Mapping[int, str | None]
    phrase_words: Mapping[str, frozenset[str]]
    people: Mapping[str, bool]
    asides: frozenset[int] = frozenset()  # starts of numbers that are parts of the one before
    cumulative: frozenset[str] = frozenset()  # the measures that are running totals

    def group(self, binding: Binding) -> str | None:
        """The group among a measure's people a bound figure counts, if any: its counted
        noun when a group noun the measure's own words do not name ("12 girls")."""
        noun = self.counted.get(binding.mention.start)
        measure = binding.measure
        if noun is None or measure is None or noun in self.phrase_words[measure]:
            return None
        return noun if noun in GROUP_NOUNS and self.people[measure] else None


def settle(
    text: str, low: str, span: tuple[int, int], results: list[Binding], nouns: Nouns
) -> list[Binding]:
    """The bindings of one sentence spanning ``span``: increments ruled out, and each bound
    figure given the part of the event it counts, or else, for a figure of people, the one
    place its sentence names for it (``places``) (``text`` as written, ``low`` lowered)."""
    begin, end = span
    bound = sum(1 for b in results if b.measure is not None)
    spans = [(b.mention.start, b.mention.end, b.measure) for b in results]
    if bound >= 2:
        for i in increments(low, spans):
            results[i] = _ruled_out(results[i])
    if bound:
        for i in span_increments(low, spans, end, nouns.cumulative):
            results[i] = _ruled_out(results[i])
    if not bound:
        return results
    figures = [(b.mention.start, b.mention.end, b.measure, b.mention.dimension) for b in results]
    after = places_after(text, [(start, stop) for start, stop, _, _ in figures], end)
    places = breakdown_places(text, figures, end, after) if len(results) >= 2 else {}
    for i, binding in enumerate(results):
        if binding.measure is None:
            continue
        following = results[i + 1].mention.start if i + 1 < len(results) else end
        beyond = _past_asides(results, i, end, nouns.asides)
        part = (
            places.get(i)
            or sub_area(after[i])
            or elsewhere(text, binding.mention.end, following)
            or _among(low, binding, nouns)
        )
        if part is not None or (part := nouns.group(binding)) is not None:
            why = f"counts a part of the event: {part}"
            results[i] = binding._replace(part=part, steps=(*binding.steps, why))
        elif nouns.people[binding.measure]:
            since = results[i - 1].mention.end if i else begin
            results[i] = _with_place(text, binding, (since, beyond), begin)
    return _shared_places(text, results, after, nouns)


# A figure that its clause places among a group: "Six medical workers were among the dead".
_AMONG = re.compile(
    r"(?:[ \t]+[a-z'’-]+){0,3}?[ \t]+(?:were|are|was|is)[ \t]+(?:also[ \t]+|reportedly[ \t]+)?"
    r"among[ \t]+(?:the|those)[ \t]"
)


_ANYONE = frozenset(["people", "persons", "person", "individuals", "victims", "others"])


def _among(low: str, binding: Binding, nouns: Nouns) -> str | None:
    """The part a figure counts when its clause places a group it names among the
    measure's people ("Six medical workers were among the dead": the workers), if it does."""
    if low.find("among", binding.mention.end, binding.mention.end + 60) < 0:
        return None
    noun = nouns.counted.get(binding.mention.start)
    if noun is None or noun in _ANYONE or _AMONG.match(low, binding.mention.end) is None:
        return None  # "Some 300 people were among the dead": people are anyone, the whole
    return noun


def _past_asides(results: list[Binding], i: int, end: int, asides: frozenset[int]) -> int:
    """Where the stretch of figure ``i`` ends: at the next figure that is no part of it set
    off in an aside ("At least 52 people, eight children among them, died in Pakistan"),
    or at the sentence's ``end``."""
    for later in results[i + 1 :]:
        if later.measure is not None or later.mention.start not in asides:
            return later.mention.start
    return end


# Between two figures joined as conjuncts of one clause: "7 killed and 71 injured".
_CONJUNCTS = re.compile(r"[^,;:()\[\]—–.0-9]*(?<![a-z])(?:and|or)[ \t]+")


def _shared_places(
    text: str, results: list[Binding], after: list[str | None], nouns: Nouns
) -> list[Binding]:
    """``results``, where a figure of people names no place and its conjunct does, with
    that place (and the part it makes) too: "Seven were killed and 71 injured in
    Nangarhar province" names the province for both, as "In Kashmir, 17,388 died and
    40,421 were injured" names Kashmir for both (a place after the second figure, or
    before the first)."""
    for i in range(len(results) - 2, -1, -1):
        first, second = results[i], results[i + 1]
        if not _conjuncts(text, first, second, nouns):
            continue
        if first.place is None and first.part is None and after[i + 1] is not None:
            if second.part is not None and second.part == sub_area(after[i + 1]):
                results[i] = _sharing_part(first, second.part)
            elif second.place is not None and second.place == after[i + 1]:
                results[i] = _sharing_place(first, second.place)
    for i in range(len(results) - 1):
        first, second = results[i], results[i + 1]
        if not _conjuncts(text, first, second, nouns) or second.place or second.part:
            continue
        if first.place is not None and first.place != after[i]:
            results[i + 1] = _sharing_place(second, first.place)
        elif first.part is not None and after[i] is None and nouns.group(first) is None:
            results[i + 1] = _sharing_part(second, first.part)  # a part named before the first
    return results


def _conjuncts(text: str, first: Binding, second: Binding, nouns: Nouns) -> bool:
    """Whether two bound figures of people are conjuncts of one clause ("7 killed and")."""
    return (
        first.measure is not None
        and second.measure is not None
        and first.mention.dimension == second.mention.dimension
        and nouns.people[first.measure]
        and nouns.people[second.measure]
        and _CONJUNCTS.fullmatch(text, first.mention.end, second.mention.start) is not None
    )


def _sharing_part(binding: Binding, part: str) -> Binding:
    """``binding`` with the part its conjunct counts."""
    why = f"counts a part of the event: {part}, named for its conjunct"
    return binding._replace(part=part, steps=(*binding.steps, why))


def _sharing_place(binding: Binding, place: str) -> Binding:
    """``binding`` with the place its conjunct names."""
    why = f"names the place {place!r} with its conjunct: its part if another claim counts it as one"
    return binding._replace(place=place, steps=(*binding.steps, why))


def _with_place(text: str, binding: Binding, around: tuple[int, int], opening: int) -> Binding:
    """``binding`` with the one place its sentence (opening at ``opening``) names for it
    between ``around``."""
    place = place_named(text, (binding.mention.start, binding.mention.end), around, opening)
    if place is None:
        return binding
    if sub_area(place) is not None:  # "In Takhar province, 12 died": its noun makes a part
        why = f"counts a part of the event: {place}"
        return binding._replace(part=place, steps=(*binding.steps, why))
    why = f"names the place {place!r}: its part if another claim counts that place as one"
    return binding._replace(place=place, steps=(*binding.steps, why))


def _ruled_out(binding: Binding) -> Binding:
    """``binding`` as a number left unbound: an increment."""
    return binding._replace(measure=None, hit=None, reason=_INCREMENT,
                            steps=("role in its sentence: increment", _INCREMENT))  # fmt: skip
