"""What a bound figure counts of the event, decided once its sentence is bound (pure).

The whole event's figure is what rules compare; a figure for a part of it is compared
only with figures of the same part (``Claim.part``). A bound figure counts a part when:

* it is one of a breakdown by place: two or more figures of one measure, each with its
  own place ("237 people died in Pakistan and 74 in Afghanistan") (``breakdowns``);
* its place is a part by its very noun: a province, district, county, village, hospital,
  school or camp ("185 people died in Khyber Pakhtunkhwa province", "at the district
  hospital"); a country or town alone may be the whole event's place, and stays whole;
* it counts a group among the measure's people ("12 girls", "five militants"), unless the
  measure's own words name that group (a measure of troops counts soldiers).

An increment ("two more", "another 20") adds to a figure before it and is no figure of its
own: it is not bound (``increments``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from crosscheck.extract.breakdowns import breakdown_places, sub_area
from crosscheck.extract.increments import increments
from crosscheck.extract.structure_words import GROUP_NOUNS

if TYPE_CHECKING:
    from crosscheck.extract.bind import Binding

_INCREMENT = "not bound: an increment to the figure before it ('two more', 'another 20')"


def settle(
    text: str,
    low: str,
    end: int,
    results: list[Binding],
    group: Callable[[Binding], str | None],
) -> list[Binding]:
    """The bindings of one sentence ending at ``end``: increments ruled out, and each bound
    figure given the part of the event it counts (``text`` as written, ``low`` lowered)."""
    bound = sum(1 for b in results if b.measure is not None)
    if bound >= 2:
        spans = [(b.mention.start, b.mention.end, b.measure) for b in results]
        for i in increments(low, spans):
            results[i] = _ruled_out(results[i])
    if not bound:
        return results
    figures = [(b.mention.start, b.mention.end, b.measure, b.mention.dimension) for b in results]
    places = breakdown_places(text, figures, end) if len(results) >= 2 else {}
    for i, binding in enumerate(results):
        if binding.measure is None:
            continue
        following = results[i + 1].mention.start if i + 1 < len(results) else end
        part = places.get(i) or sub_area(text, binding.mention.end, following) or group(binding)
        if part is not None:
            why = f"counts a part of the event: {part}"
            results[i] = binding._replace(part=part, steps=(*binding.steps, why))
    return results


def _ruled_out(binding: Binding) -> Binding:
    """``binding`` as a number left unbound: an increment."""
    return binding._replace(measure=None, hit=None, reason=_INCREMENT,
                            steps=("role in its sentence: increment", _INCREMENT))  # fmt: skip


def group_of(
    counted: Mapping[int, str | None],
    phrase_words: Mapping[str, frozenset[str]],
    people: Mapping[str, bool],
) -> Callable[[Binding], str | None]:
    """The group among a measure's people a bound figure counts, if any: its counted noun
    (``counted``, by the number's start) when a group noun that the measure's own words
    (``phrase_words``) do not name, and the measure counts people."""

    def group(binding: Binding) -> str | None:
        noun = counted.get(binding.mention.start)
        measure = binding.measure
        if noun is None or measure is None or noun in phrase_words[measure]:
            return None
        return noun if noun in GROUP_NOUNS and people[measure] else None

    return group
