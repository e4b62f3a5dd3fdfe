"""The one place a sentence names for a figure, before the corpus says whether it is a
part (pure).

"In Afghanistan, 73 people were reported dead", "Pakistan's disaster agency confirmed 230
deaths", "the toll in Nepal rose to 20": one place named with one figure. Alone it does
not make the figure a part: "300 died in Kerala" may be the whole event's toll. Evaluation
decides (``evaluate.places``): a figure's place is its part when some claim of the corpus
counts that place as a part (a breakdown such as "237 in Pakistan and 74 in Afghanistan").
So this reads places generously; a name that is no part anywhere changes nothing.

Read, nearest first: a place after the number ("killed 20 in Nepal", ``breakdowns``), then
before it in its own stretch of the sentence (after the previous number): "in"/"across"
and a proper name, a proper name's possessive ("Afghanistan's", "Pakistan's NDMA"), a
proper name that a relative "where" clause holding the figure follows ("Battagram, where
3,850 died"), or a proper name opening the sentence that reports the figure ("Afghanistan
has reported 115").
"""

from __future__ import annotations

import re

from crosscheck.extract.breakdowns import NOT_PLACES, SUB_AREA_NOUNS, place_after
from crosscheck.lexicon import EVENT_NOUNS

_PROPER = r"[A-Z][\w’'-]*[\w](?:[ \t]+[A-Z][\w’'-]*[\w])*"
# "in northwestern Syria" is a region of Syria, a place of its own; "in neighbouring Syria"
# is Syria.
_DIRECTION = r"(?:(?:north|south)-?(?:east|west)?|east|west)ern"
_NEIGHBOURING = r"neighbou?ring"
# The nouns that keep to a name before "where": "the Kollam district hospital, where 185 of
# the injured are treated" is the hospital's figure, not Kollam's.
_SUB_AREA_NOUN = f"(?:{'|'.join(SUB_AREA_NOUNS)})"
# A region named in common words, for a "where" clause: "the central region, where 2,757 died".
_REGION = r"(?<=the[ \t])[a-z]+[ \t]+(?:region|province|district|state|county|valley)"
_BEFORE = re.compile(
    rf"(?:(?<![\w-])(?i:in|across|throughout)[ \t]+(?:the[ \t]+)?(?:{_NEIGHBOURING}[ \t]+)?"
    rf"(?P<inside>(?:{_DIRECTION}[ \t]+)?{_PROPER}(?:[ \t]+{_SUB_AREA_NOUN})?)"
    rf"|(?P<owner>{_PROPER})['’]s(?![\w-])"
    rf"|(?P<where>(?:{_PROPER}|{_REGION})(?:[ \t]+{_SUB_AREA_NOUN}){{0,2}})(?:[ \t]+[a-z]+){{0,2}},"
    r"[ \t]+where(?![\w-]))"
)
# A hospital that took in the figure, its subject: "the biggest hospital in the provincial
# capital had alone taken in nearly 200 dead".
_HOSPITAL_SUBJECT = re.compile(
    r"(?P<hospital>(?i:the|a|one)[ \t]+(?:[\w'’-]+[ \t]+){0,3}?(?i:hospital|clinic)"
    r"(?:[ \t]+(?:in|of|at)[ \t]+[^,;:.()]{1,50}?)?)[ \t]+(?:(?:has|had|have)[ \t]+)?"
    r"(?:alone[ \t]+)?(?:taken[ \t]+in|received|admitted|treated)[ \t]+\Z"
)
# "the death toll in the country", "the country's toll": a place named before, by anaphora.
_ANAPHOR = re.compile(
    r"(?<![\w-])(?:(?i:in|across)[ \t]+the[ \t]+(?:country|state|province)(?![\w-])"
    r"|the[ \t]+(?:country|state|province)['’]s(?![\w-]))"
)
# A place a sentence names, that such an anaphor may refer to: "in parts of India".
_NAMED = re.compile(rf"(?<![\w-])(?:in|of|across)[ \t]+(?:the[ \t]+)?(?P<name>{_PROPER})")
_TELLER = re.compile(
    rf"(?P<teller>{_PROPER})[ \t]+(?:has[ \t]+|had[ \t]+)?"
    r"(?:reported|confirmed|recorded|registered|counted)(?![\w-])"
)
# "killed 260 across the region, most of them in Pakistan": the place is another clause's.
_CLAUSE_END = re.compile(r"[,;:()—–]|[ \t]-[ \t]")
# A part of the figure set off by commas ("52 people, eight children among them, died in
# Pakistan"): the figure's clause goes on after it.
_ASIDE = re.compile(
    r",[ \t]*(?:including[^,;:()—–]{1,40}|[^,;:()—–]{1,40}?[ \t](?:among|amongst)[ \t]+them)[ \t]*,"
)
# "there and in Pakistan", "in Pakistan and Afghanistan": more than one place, so no one.
_AND_BEFORE = re.compile(r"(?<![\w-])(?:and|or)[ \t]")
_AND_AFTER = re.compile(r"(?:[ \t]*,|[ \t]+(?:and|or|&))[ \t]+(?:in[ \t]+)?(?:the[ \t]+)?[A-Z]")
_WORD = re.compile(r"[a-z]+")
_EVENTS = frozenset(EVENT_NOUNS)
# "Nepal's disaster agency": an event noun naming what an office deals with, not the event.
_AGENCY_NOUNS = frozenset(
    ["agency", "authority", "management", "ministry", "department", "relief", "response",
     "commission", "officials", "official", "centre", "center", "cell", "unit", "chief"]
)  # fmt: skip
_REACH = 90  # characters around the number searched for its place
_NOT_PLACES = frozenset(word.lower() for word in NOT_PLACES)
_NOT_FIRST = frozenset(["the", "a", "an", "this", "that", "its", "his", "her", "their"])
_OPENERS = frozenset(
    ["by", "in", "on", "at", "for", "from", "with", "to", "of", "as", "after", "since",
     "under", "according", "per"]
)  # fmt: skip


def place_named(
    text: str, number: tuple[int, int], stretch: tuple[int, int], opening: int
) -> str | None:
    """The place ``text`` names for the number spanning ``number``: after it or else
    before it, within ``stretch`` (from the number before to the number after), or else
    the name that reports the figure opening the sentence (at ``opening``)."""
    start, stop = number
    since, until = stretch
    clause = _CLAUSE_END.search(text, stop, min(until, stop + _REACH))
    while clause is not None and (aside := _ASIDE.match(text, clause.start(), until)):
        clause = _CLAUSE_END.search(text, aside.end(), min(until, aside.end() + _REACH))
    after = place_after(text, stop, clause.start() if clause else min(until, stop + _REACH))
    if after is not None:
        at = text.find(after, stop)
        finish = at + len(after)
        cut = finish < len(text) and text[finish].isalnum()  # a name the reach ends inside
        one = not _AND_BEFORE.search(text, stop, at) and not _AND_AFTER.match(text, finish)
        return _checked(after) if one and not cut else None
    window = max(since, start - _REACH)  # where the words before the figure are read
    hospital = _hospital_subject(text, window, start)
    if hospital is not None:  # "the biggest hospital ... had taken in nearly 200 dead"
        return hospital
    before = list(_BEFORE.finditer(text, window, start))
    if not before:
        teller = _TELLER.match(text, opening, start)
        if teller is not None:
            return _checked(teller.group("teller"))
        return _antecedent(text, opening, window, start)
    found = before[-1]  # the nearest
    if _AND_AFTER.match(text, found.end()) or _of_event(text, found):
        return _antecedent(text, opening, window, start)
    place = _checked(found.group("inside") or found.group("owner") or found.group("where"))
    return place or _antecedent(text, opening, window, start)


def _hospital_subject(text: str, since: int, start: int) -> str | None:
    """The hospital that took in the figure at ``start``, its clause's subject, if any."""
    if text.find("ospital", since, start) < 0 and text.find("linic", since, start) < 0:
        return None  # most figures name no hospital: a word test, not the pattern's scan
    found = _HOSPITAL_SUBJECT.search(text, since, start)
    return found.group("hospital") if found is not None else None


def _antecedent(text: str, opening: int, since: int, start: int) -> str | None:
    """The place "the country" (or state, province) before a figure refers to: the last
    one its sentence (opening at ``opening``) names before it ("tremors were felt in parts
    of India, as the death toll in the country rose to 62"), if any."""
    mention = _ANAPHOR.search(text, since, start)
    if mention is None:
        return None
    named = list(_NAMED.finditer(text, opening, mention.start()))
    if not named or _AND_AFTER.match(text, named[-1].end()):
        return None
    return _checked(named[-1].group("name"))


def _of_event(text: str, found: re.Match[str]) -> bool:
    """Whether the place before a figure is the event's: "the quake in Nepal", "Nepal's
    (devastating) earthquake", but not "Nepal's disaster agency"."""
    if found.group("owner") is None:
        before = _WORD.findall(text[max(0, found.start() - 30) : found.start()].lower())
        return bool(before) and before[-1] in _EVENTS
    after = _WORD.findall(text[found.end() : found.end() + 40].lower())[:3]
    for i, word in enumerate(after[:2]):
        if word in _EVENTS:
            return after[i + 1 : i + 2] == [] or after[i + 1] not in _AGENCY_NOUNS
    return False


def _checked(place: str) -> str | None:
    """``place`` (without a preposition that opens its sentence: "By Kyiv's count") unless
    it is a time or a common word capitalised at a sentence start."""
    words = place.split()
    if len(words) > 1 and words[0].lower() in _OPENERS:
        words = words[1:]
        place = " ".join(words)
    if not words or not _EVENTS.isdisjoint(word.lower() for word in words):
        return None  # "the quake in Kashmir": the event's place
    if any(word.lower().strip("’'") in _NOT_PLACES for word in words):
        return None
    return None if words[0].lower() in _NOT_FIRST else place
