"""The role a number plays in its sentence, read from the words around it (pure).

Binding by distance alone misreads reporting: in "Of the 900 workers on the site, 120
were injured" the nearest phrase to 900 is "injured", yet 900 is a total; in "more than
300 houses were damaged" 300 counts houses. A role says what a number is before any
measure phrase is paired with it:

- ``FREE``: an amount open to binding;
- ``ATTACHED``: the object of a preposition ("of the 900 workers", "out of 300
  passengers", "from two collapsed buildings", "through three districts"): a total or a
  place, not the event's count;
- ``PART``: a part of a figure named before it ("including 60 women", "Of the dead, 60
  were women");
- ``OTHER_EVENT``: in a clause about another, earlier event ("In 2008, a quake ... killed
  almost 70,000");
- ``SPEAKER``: people who tell ("one injured victim said", "two witnesses told AFP");
- ``AGE``: a person's age ("Aged 78, the poet died", "his wife Moon Hee Kang, 38, was
  killed");
- ``MONEY``: a sum written without its currency, in parallel with one written with it
  ("200,000 rupees for the families of the dead and 50,000 for the injured").
- ``PROJECTION``: what a figure could come to, not what it is ("the toll could go to
  70,000", "might top 500"); "could be put at 200" is an estimate, and stays free.
- ``RESTATED``: a conversion in parentheses, the figure before it in other units
  ("213 kilometers (130 miles) deep": 130 is no figure of its own).

A role also records the noun the number counts ("300 houses": houses), so that a number
counting things never binds to a measure of people (see ``Binder``). The rules are
deliberately few and general: each names the sentence structure it reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from enum import Enum
from typing import NamedTuple

from crosscheck.extract.conversions import in_conversion
from crosscheck.extract.patterns import words_pattern
from crosscheck.extract.phrases import Hit
from crosscheck.extract.projections import projected
from crosscheck.extract.records import Mention
from crosscheck.extract.structure_words import (
    LINKING_VERBS,
    NOT_MODIFIERS,
    OTHER_EVENT_NOUNS,
    PART_OPENERS,
    PERSON_EVENT_STEMS,
    PERSON_NOUNS,
    PREPOSITIONS_OF_PLACE,
    QUANTITY_NOUNS,
    SINGLE_PERSON_NOUNS,
    SPEAKING_VERBS,
    THING_NOUNS,
)
from crosscheck.lexicon import ONES


class RoleKind(Enum):
    """What a number is in its sentence."""

    FREE = "free"
    ATTACHED = "attached"
    PART = "part"
    OTHER_EVENT = "other event"
    AGE = "age"
    SPEAKER = "speaker"
    MONEY = "money"
    PROJECTION = "projection"
    RESTATED = "restated"


class Role(NamedTuple):
    """A number's role, the noun it counts (if any), why, in words, and whether it is
    written with a fraction (6.5 counts no people)."""

    kind: RoleKind
    counts: str | None
    why: str
    fractional: bool = False
    year: int | None = None  # the earlier year of an OTHER_EVENT clause

    @property
    def bindable(self) -> bool:
        """Whether the number may be bound to a measure at all."""
        return self.kind is RoleKind.FREE


_DETERMINER = r"(?:the|those|these|its|their|some|all)[ \t]+"
_OF_BEFORE = re.compile(rf"(?<![a-z])(?:out[ \t]+of|of|among|amongst)[ \t]+(?:{_DETERMINER})?\Z")
_PLACE_BEFORE = re.compile(
    rf"(?<![a-z]){words_pattern(PREPOSITIONS_OF_PLACE)}[ \t]+(?:{_DETERMINER})?\Z"
)
_QUANTITY_BEFORE_OF = re.compile(
    rf"(?<![a-z]){words_pattern(QUANTITY_NOUNS)}[ \t]+(?:out[ \t]+)?of[ \t]+(?:{_DETERMINER})?\Z"
)
_WORD = re.compile(r"[ \t]*[-‐‑]?[ \t]*([A-Za-z][A-Za-z'’]*)")
_STOP_WORDS = frozenset(
    [
        "were",
        "was",
        "are",
        "is",
        "be",
        "been",
        "have",
        "has",
        "had",
        "and",
        "or",
        "but",
        "to",
        "in",
        "of",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "as",
        "more",
        "than",
        "who",
        "which",
        "that",
        "while",
        "when",
        "after",
        "before",
        "since",
    ]
)
# What never stands inside a list of parts: a comma, or a verb giving a value ("at", "is").
_NOT_A_LIST = re.compile(
    r",|(?<![a-z])(?:at|to|is|was|were|are|stands|stood|put|estimated)(?![a-z])"
)
_PART_OPENER = re.compile(rf"(?<![a-z]){words_pattern(PART_OPENERS)}(?![a-z])")
_YEAR = re.compile(r"(?<![0-9A-Za-z])(1[89][0-9]{2}|20[0-9]{2})(?![0-9])")
# "the quake that killed tens of thousands 11 years ago": a span back to another event.
_YEARS_AGO = re.compile(
    rf"(?<![0-9a-z])([0-9]{{1,3}}|{'|'.join(ONES[2:])}|a[ \t]+decade|two[ \t]+decades)"
    r"[ \t]+(?:years?[ \t]+)?ago(?![a-z])"
)
_SINCE_BEFORE = re.compile(
    r"(?<![a-z])(?:since|from|until|till|by)[ \t]+(?:early[ \t]+|late[ \t]+)?\Z"
)
_EVENT_AFTER = re.compile(rf"[ \t]+{words_pattern(OTHER_EVENT_NOUNS)}(?![a-z])")
_AGE_BEFORE = re.compile(r"(?<![a-z])(?:aged|age|ages)[ \t]+(?:of[ \t]+)?\Z")
# A name or a person, a comma, the number and a comma: an age in apposition ("Moon Hee
# Kang, 38,", "her husband, 38,").
_NAME_COMMA_BEFORE = re.compile(
    rf"(?<![A-Za-z])(?:[A-Z][a-z'’-]+|{words_pattern(SINGLE_PERSON_NOUNS)}),[ \t]*\Z"
)
_COMMA_AFTER = re.compile(r"[ \t]*,")
_SPEAKERS = re.compile(
    rf"(?:[ \t]+(?!{words_pattern(NOT_MODIFIERS)}(?![a-z]))[a-z][a-z'’-]*){{0,2}}[ \t]+"
    rf"{words_pattern(SINGLE_PERSON_NOUNS)}[ \t]+{words_pattern(SPEAKING_VERBS)}(?![a-z])"
)
_LINKING = re.compile(rf"(?<![a-z]){words_pattern(LINKING_VERBS)}(?:[ \t]+(?:to|at|by))?[ \t]*\Z")


def counted_noun(
    text: str, end: int, limit: int, known: frozenset[str] = frozenset()
) -> str | None:
    """The noun a number ending at ``end`` counts ("300 houses": houses), if it is known.

    The first person noun, thing noun or word of ``known`` (the rule set's phrase words)
    within three words after the number, past modifiers, capitalised names and an "of"
    ("two collapsed buildings", "thousands of North Korean troops"); none when a verb or
    function word comes first ("120 were injured") or no word is known.
    """
    pos, step = end, 0
    while step < 3:
        match = _WORD.match(text, pos, limit)
        if match is None:
            return None
        word = match.group(1)
        low = word.lower()
        pos = match.end()
        if word[0].isupper() and low not in PERSON_NOUNS and low not in THING_NOUNS:
            continue  # a name or proper adjective modifies the noun: "North Korean troops"
        if low in _STOP_WORDS:
            if step == 0 and low == "of":
                step += 1
                continue  # "thousands of people"
            return None
        if low in PERSON_NOUNS or low in THING_NOUNS or low in known:
            return low
        step += 1
    return None


def is_thing(noun: str | None) -> bool:
    """Whether a counted noun names things, not people ("houses", not "workers")."""
    return noun is not None and noun in THING_NOUNS


def counts_people(phrases: tuple[str, ...]) -> bool:
    """Whether a measure with these phrases counts people (killed, injured, troops...)."""
    words = [w for phrase in phrases for w in re.findall(r"[a-z]+", phrase.lower())]
    return any(w in PERSON_NOUNS or w.startswith(PERSON_EVENT_STEMS) for w in words)


FREE = Role(RoleKind.FREE, None, "")
# A sentence that opens on a group named by a measure: "Of the dead, 60 were women".
_GROUP_OPENER = re.compile(r"(?:of|among|amongst)[ \t]+(?:the|those|them|these)(?![a-z])[^,0-9]*,")


def restated_role(low: str, start: int, end: int) -> Role | None:
    """The role ``RESTATED`` when the amount at [start, end), of any unit, is a conversion
    in parentheses of the figure before it ("213 kilometers (130 miles)")."""
    if low.find("(", max(0, start - 20), start) < 0 or not in_conversion(low, start, end):
        return None
    return Role(RoleKind.RESTATED, None, "the figure before it, in other units")


def role_of(
    low: str,
    start: int,
    end: int,
    clause: tuple[int, int],
    sentence_start: int,
    other_before: int | None,
    measure_words: frozenset[str] = frozenset(),
    previous_start: int | None = None,
    text: str | None = None,
) -> Role:
    """The role of the number at [start, end) (hedge included) in its clause.

    ``text`` is the text as written (``low`` lower-cased), for telling names from nouns;
    ``other_before`` is the year before which events are other events (None: unknown);
    a number counting one of ``measure_words`` ("of around 100 deaths") is the amount a
    measure looks for, whatever stands before it.
    """
    written = low if text is None else text
    if _is_age(low, written, start, end):
        return Role(RoleKind.AGE, None, "a person's age")
    noun = counted_noun(written, end, clause[1], measure_words)
    if _SPEAKERS.match(low, end, clause[1]):
        return Role(RoleKind.SPEAKER, noun, "counts people who tell, not the event's")
    opened = _GROUP_OPENER.match(low, sentence_start, start)
    if opened is not None:
        return Role(RoleKind.PART, noun, f"a part of the group {opened.group()[:-1]!r}")
    before = low[max(clause[0], start - 60) : start]
    measured = noun is not None and noun in measure_words
    attached = ("of" in before or "among" in before) and _OF_BEFORE.search(before)
    if attached and not _QUANTITY_BEFORE_OF.search(before) and not measured:
        return Role(RoleKind.ATTACHED, noun, "the object of 'of'/'out of'/'among': a total")
    if is_thing(noun) and not measured and _PLACE_BEFORE.search(before):
        return Role(RoleKind.ATTACHED, noun, f"counts the {noun} of a place or source")
    if _in_apposition(low, start, end, clause[1]):
        return Role(RoleKind.PART, noun, "a part of the figure before it, in apposition")
    opener = _part_opener(low, clause[0], start)
    if opener is not None and not _NOT_A_LIST.search(low, opener.end(), start):
        return Role(RoleKind.PART, noun, f"a part of a figure named before ({opener.group()!r})")
    if projected(low, max(clause[0], start - 40), start):
        return Role(RoleKind.PROJECTION, noun, "a figure it could reach, not one it has")
    if other_before is not None:
        relative = previous_start is not None and _RELATIVE.match(low, clause[0]) is not None
        reach = (
            previous_start if relative and previous_start is not None else clause[0],
            clause[1],
        )
        year = other_year(low, reach, other_before)
        if year is not None:
            why = f"the clause is about another event ({year})"
            return Role(RoleKind.OTHER_EVENT, noun, why, year=int(year))
    return Role(RoleKind.FREE, noun, "")


# A word that every part opener holds: most clauses hold
# none, and a search for plain words (no look-behind at every character) costs less than
# a scan with the pattern.
PART_OPENER_WORDS = ("includ", "among", "whom", "them", "which")
_PART_OPENER_TEST = re.compile("|".join(PART_OPENER_WORDS))


def _part_opener(low: str, start: int, end: int) -> re.Match[str] | None:
    """The last part opener in ``low[start:end]`` ("including"), if any."""
    if _PART_OPENER_TEST.search(low, start, end) is None:
        return None
    return _last(_PART_OPENER.finditer(low, start, end))


def _is_age(low: str, text: str, start: int, end: int) -> bool:
    """Whether the number at [start, end) is a person's age ("aged 78", "Kang, 38,")."""
    if "age" in low[max(0, start - 8) : start] and _AGE_BEFORE.search(
        low, max(0, start - 12), start
    ):
        return True
    if not low.startswith(",", start - 2) and not low.startswith(",", start - 1):
        return False  # no comma right before: no apposition
    if not low[start:end].isdigit() or int(low[start:end]) > 120:
        return False
    named = _NAME_COMMA_BEFORE.search(text, max(0, start - 30), start)
    return named is not None and _COMMA_AFTER.match(low, end) is not None


# A part set off by commas after the figure it belongs to: ", three children among them,".
_APPOSITION_AFTER = re.compile(r"[^,.;:()0-9]{1,40}?[ \t](?:among|amongst)[ \t]+them[ \t]*,")


def _in_apposition(low: str, start: int, end: int, limit: int) -> bool:
    """Whether the number at [start, end) opens a part in apposition ("At least 100
    people, three children among them, were killed": three is a part of 100)."""
    if low[max(0, start - 2) : start].strip() != ",":
        return False
    return _APPOSITION_AFTER.match(low, end, limit) is not None


# A clause that describes the noun before it: "an October 2005 quake, which ... killed".
_RELATIVE = re.compile(r"[ \t]*(?:which|that|who|when)(?![a-z])")


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    found = None
    for found in matches:  # noqa: B007 - the last one is wanted
        pass
    return found


def other_year(low: str, clause: tuple[int, int], other_before: int) -> str | None:
    """A year in the clause that dates an earlier event ("in 2008", "the 2012 quake")."""
    a, b = clause  # every year ``_YEAR`` reads begins with 18, 19 or 20
    if low.find("20", a, b) < 0 and low.find("19", a, b) < 0 and low.find("18", a, b) < 0:
        return _years_ago(low, clause, other_before)  # most clauses hold no year: no scan
    dated = False
    for match in _YEAR.finditer(low, clause[0], clause[1]):
        dated = True
        if int(match.group(1)) >= other_before:
            continue
        if _SINCE_BEFORE.search(low, max(clause[0], match.start() - 12), match.start()):
            continue  # "since 2022": the span of this event, not another one
        return match.group(1)
    # A year written out says more than "nine years ago" beside it ("Nine years ago, in 2005").
    return None if dated else _years_ago(low, clause, other_before)


def _years_ago(low: str, clause: tuple[int, int], other_before: int) -> str | None:
    """The year "11 years ago" (two or more years back) names in the clause, if any."""
    if low.find("ago", *clause) < 0:
        return None
    found = _YEARS_AGO.search(low, *clause)
    if found is None:
        return None
    span = found.group(1).split()[-1]
    back = {"decade": 10, "decades": 20}.get(span) or (
        int(span) if span.isdigit() else ONES.index(span)
    )
    return str(other_before + 1 - back) if back >= 2 else None


_PARTITIVE_BEFORE = re.compile(r"[ \t]+of[ \t]+(?:the|those)[ \t]+\Z")


def without_groups(low: str, hits: list[Hit], mentions: Sequence[Mention]) -> list[Hit]:
    """The phrases that do not name the whole a number is a part of, when another
    phrase after it says what the part is.

    In "several of the wounded were in a critical state" the wounded are the group
    "several" are taken from: the number's measure is in its predicate ("critical"),
    so "wounded" pairs with no number. With no phrase after it ("about 130 of the deaths
    were in the capital") the group's phrase is the number's.
    """
    if not mentions or len(hits) < 2:
        return hits
    ends = {m.end for m in mentions}
    kept = []
    for k, hit in enumerate(hits):
        found = None
        if low.endswith(("the ", "those "), 0, hit.start):  # most phrases follow neither
            found = _PARTITIVE_BEFORE.search(low, max(0, hit.start - 16), hit.start)
        if (
            found is None
            or found.start() not in ends
            or not any(other.start >= hit.end for other in hits[k + 1 :])
        ):
            kept.append(hit)
    return kept


def links_to_subject(low: str, sentence_start: int, start: int) -> int | None:
    """Where the linking verb before a number starts ("has risen to 174"), if one does.

    Such a number is the value of the clause's subject: "The number of people killed
    ... has risen to 174".
    """
    match = _LINKING.search(low, max(sentence_start, start - 40), start)
    return match.start() if match is not None else None


def other_event_note(low: str, end: int, limit: int) -> bool:
    """Whether a year at ``end`` names an event ("the 2008 earthquake")."""
    return _EVENT_AFTER.match(low, end, limit) is not None
