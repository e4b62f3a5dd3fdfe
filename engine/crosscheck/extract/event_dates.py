"""Time words that say when the event happened, not when a figure held (pure).

"The quake that struck on October 8 has killed more than 53,000", written on October 16,
gives the toll of October 16: its date modifies the event noun, in a clause of the
event's own verb ("that struck on", "when the cyclone hit the coast on Friday"), before
the noun ("Saturday's quake", "the October 8 quake") or right after it ("the blast on
Friday", "the quake of Monday"). ``figure_times`` leaves such time words out, so that
only those that govern the figure's clause ("by Friday", "officials said on Tuesday",
"had risen to 75 on Monday") date it; with none, the article's date stands.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosscheck.extract.asof import TimeWords
from crosscheck.lexicon import EVENT_ADJECTIVES, EVENT_NOUNS, EVENT_VERBS


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(words, key=len)[::-1])


_NOUN = _alternation(EVENT_NOUNS)
# A word of a noun compound before the event noun ("train" of "the June 2 train crash",
# "three-train"), but no function word or verb, which would open a clause of its own
# ("On Sunday rescuers searched quake debris": no quake of Sunday).
_COMPOUND_WORD = (
    r"(?!(?:the|a|an|and|or|but|of|in|on|at|to|for|by|with|from|as|that|which|who|said|says|"
    r"was|were|is|are|has|have|had|be|been|its|their|his|her)(?![a-z]))"
    r"(?![a-z]+ed(?![a-z]))[a-z]+(?:-[a-z]+)*"
)
_MODIFIER = (
    rf"(?:{_alternation(EVENT_ADJECTIVES)}|[0-9]+(?:\.[0-9]+)?(?:[ \t-]*magnitude)?"
    rf"|{_COMPOUND_WORD})"
)
# What may follow a date that modifies the noun after it: "Saturday's quake", "the Sept 21,
# 2013, attack", "Monday's 7.5-magnitude quake", "Friday's three-train crash" (a comma only
# after a year: "On Monday, fire crews" is no fire of Monday).
_BEFORE_NOUN = re.compile(
    rf"(?:['’]s)?(?P<comma>,)?[ \t]+(?:{_MODIFIER}[ \t-]+){{0,3}}(?:{_NOUN})(?![a-z])"
)
# What may come before a date that follows the noun: "the blast on Friday", "the quake of
# Monday", "the floods in late July".
_AFTER_NOUN = re.compile(rf"(?<![a-z])(?:{_NOUN})[ \t]+(?:on|of|in)[ \t]+$")
_VERB = re.compile(rf"(?<![a-z])(?:{_alternation(EVENT_VERBS)})(?![a-z])")
_NOUN_ALONE = re.compile(rf"(?<![a-z])(?:{_NOUN})(?![a-z])")
# Clock times ("at 11:30 am") may stand between the event's verb and its date; any other
# number is a figure, whose clause the date then belongs to.
_CLOCK = re.compile(r"[0-9]{1,2}(?:[:.][0-9]{2})?[ \t]*(?:a\.?m\.?|p\.?m\.?)|[0-9]{1,2}:[0-9]{2}")
# What ends the stretch from an event noun to its verb: a number, a clause's end, or a
# word that names the figure ("the quake's toll hit 300 on Monday").
_NOT_THE_EVENTS = re.compile(r"[0-9;:.!?]|(?<![a-z])(?:toll|tally|count|figures?|number)(?![a-z])")
# What ends the stretch from the event's verb to its date: a number, a clause's end, or a
# speaker's verb ("... hit the coast, officials said on Sunday").
_NOT_THE_VERBS = re.compile(
    r"[0-9;:.!?]|(?<![a-z])(?:said|says|say|told|tells|reported|reports|added|according)(?![a-z])"
)
# A magnitude between the event noun and its verb describes the event ("the earthquake of
# magnitude 7.9 that struck", "the quakes of magnitude 7.7 and 7.6 that shook"): no figure.
_MAGNITUDE = re.compile(
    r"(?<![a-z])magnitudes?[ \t-]+(?:of[ \t]+)?[0-9]+(?:\.[0-9]+)?"
    r"(?:[ \t]+and[ \t]+[0-9]+(?:\.[0-9]+)?)?(?![0-9])"
    r"|(?<![0-9.])[0-9]+(?:\.[0-9]+)?[ \t-]*magnitude(?![a-z])"
)
# "since mid-June": when a count began, not when it held.
_SINCE = re.compile(r"(?<![a-z])since[ \t]+\Z")
# "on Monday (October 26)", "yesterday evening, Friday": the second names the same day.
_SAME_DAY = re.compile(r"[ \t,(]*(?:(?:morning|afternoon|evening|night)[ \t,(]+)?")
_VERB_WINDOW = 12  # words from the event's verb to its date
_NOUN_WINDOW = 10  # words from the event noun to its verb


def figure_times(low: str, found: Sequence[TimeWords], start: int) -> list[TimeWords]:
    """The time words of ``found`` (in text order, in the sentence of ``low`` that opens at
    ``start``) that may date a figure: all but those that date the event."""
    return split_times(low, found, start)[0]


def split_times(
    low: str, found: Sequence[TimeWords], start: int
) -> tuple[list[TimeWords], list[TimeWords]]:
    """The time words of ``found`` (as for ``figure_times``) that may date a figure, and
    those that date the event."""
    kept: list[TimeWords] = []
    events: list[TimeWords] = []
    previous: TimeWords | None = None
    previous_of_event = False
    for words in found:
        same_day = previous is not None and _SAME_DAY.fullmatch(
            low, previous.end_pos, words.start_pos
        )
        if same_day:
            of_event = previous_of_event
        elif _SINCE.search(low, max(start, words.start_pos - 12), words.start_pos):
            of_event = True  # "since mid-June": when the count began, not when it held
        else:  # the event's verb comes after any earlier time words: they would be its date
            of_event = dates_the_event(low, words, start, previous.end_pos if previous else start)
        (events if of_event else kept).append(words)
        previous, previous_of_event = words, of_event
    return kept, events


def dates_the_event(low: str, words: TimeWords, start: int, verb_from: int) -> bool:
    """Whether ``words`` modify an event noun (the sentence opens at ``start`` in ``low``;
    the event's verb, if that is what ties them to it, stands after ``verb_from``)."""
    before = _BEFORE_NOUN.match(low, words.end_pos, words.end_pos + 80)
    if before is not None and (before.group("comma") is None or words.words[-1].isdigit()):
        return True
    if _AFTER_NOUN.search(low, max(start, words.start_pos - 40), words.start_pos):
        return True
    return _in_the_events_clause(low, words, start, verb_from)


def _in_the_events_clause(low: str, words: TimeWords, start: int, verb_from: int) -> bool:
    """Whether ``words`` close a clause of an event noun and its verb ("the quake, centred
    in the mountains, struck the border on Monday")."""
    verbs = list(_VERB.finditer(low, max(verb_from, words.start_pos - 120), words.start_pos))
    if not verbs:
        return False
    verb = verbs[-1]
    between = _CLOCK.sub(" ", low[verb.end() : words.start_pos])
    if _NOT_THE_VERBS.search(between) or len(between.split()) > _VERB_WINDOW:
        return False
    nouns = list(_NOUN_ALONE.finditer(low, max(start, verb.start() - 100), verb.start()))
    if not nouns:
        return False
    gap = _MAGNITUDE.sub(" ", low[nouns[-1].end() : verb.start()])
    return not _NOT_THE_EVENTS.search(gap) and len(gap.split()) <= _NOUN_WINDOW
