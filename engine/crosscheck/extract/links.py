"""Links between numbers and measure phrases that reach past the nearest phrase (pure).

A phrase ending in a noun that names people by who they are ("gunmen", "attackers") is
*nominal*: it is what a number counts ("five attackers"), never an amount of its own.
When the noun a number counts is such a phrase and another measure's phrase says what
befell those people, the event is the measure: "security forces killed three
assailants", "five militants dead", "three of the attackers were shot dead" are
counts of the killed (``event_phrase``).

Three sentence structures carry a measure to a number that has no phrase next to it:

- a *linking verb* gives the clause's subject its value: "The number of people killed by
  the floods that swept through three districts on Tuesday night has risen to 174";
- *gapping* leaves the verb out of a second conjunct: "killed 237 in Pakistan and 74 in
  Afghanistan";
- a *parenthetical* restates the figure before it: "rose to 170 (official figure: 167)".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from crosscheck.extract.patterns import words_pattern
from crosscheck.extract.phrases import Hit
from crosscheck.extract.records import Mention
from crosscheck.extract.roles import links_to_subject
from crosscheck.extract.structure_words import (
    GROUP_EVENT_NOUNS,
    NOT_MODIFIERS,
    PERSON_NOUNS,
    PREDICATE_WORDS,
    QUANTITY_NOUNS,
)

# Where the clause holding a subject begins: after a main break or a subordinating word.
_MAIN_BREAK = re.compile(
    r";|,[ \t]+(?:and|but|while|whereas|although|though)(?![a-z])"
    r"|(?<![a-z])(?:as|while|when|after|because|although|though|since|whereas)"
    r"[ \t]+(?=the|its|their)"
)
# Stretches that sit inside a subject without being its head: ", including ...,", "(...)".
_PARENTHETICAL = re.compile(
    r",[ \t]*(?:including|among them|such as|mostly|many of them|excluding)[^,]*,|\([^()]*\)"
    r"|[ \t][-–—][ \t][^-–—]*[ \t][-–—][ \t]"
)
_GAPPED_AFTER = re.compile(
    r"[ \t]+(?:in|at|on|from|across|inside|near|among)[ \t]+(?:the[ \t]+)?[A-Z]|[ \t]*(?:[.;]|\Z)"
)
_RESTATING_OPEN = re.compile(r"[ \t]*\([^()0-9]{0,40}\Z")
# Between a number and the noun it counts: up to three modifiers, "of" and "the".
_NOUN_GAP = re.compile(r"(?:[ \t]*[-‐‑]?[ \t]*[a-z][a-z'’]*){0,3}[ \t]+")
_NOT_A_MODIFIER = frozenset(NOT_MODIFIERS)
_BE_BEFORE = re.compile(
    r"(?<![a-z])(?:were|was|are|is|remain|remained)(?:[ \t]+(?:still|now|also|all|reportedly))*"
    r"[ \t]+\Z"
)
_PARTITIVE = frozenset(["of", "among", "amongst", "them", "including"])
_NEXT_WORD = re.compile(r"[ \t]+([a-z][a-z'’-]*)")
# Between an event phrase and the number of its object: "killed five", "killed all five".
_OBJECT_GAP = re.compile(r"[ \t]+(?:all[ \t]+)?")
_PREDICATE_GAP = re.compile(rf"(?:[ \t]+{words_pattern(PREDICATE_WORDS)}(?![a-z]))*[ \t]+")
# An object right after a verb makes it active: "six gunmen killed 20 guests".
_OBJECT_AFTER = re.compile(r"[ \t]+(?:[0-9]|(?:a|an|the|his|her|their|its|some|many)(?![a-z]))")
# A nominal phrase inside a modifier of the subject, not its head: "the toll of the raid
# by militants is 31" (but "the number of attackers was 4" names the attackers).
_IN_MODIFIER = re.compile(
    r"(?<![a-z])(?:by|on|in|at|from|against|with|for|to|of)[ \t]+(?:[a-z'’-]+[ \t]+){0,2}\Z"
)
_QUANTITY_OF = re.compile(
    rf"(?<![a-z]){words_pattern(QUANTITY_NOUNS)}[ \t]+of[ \t]+(?:the[ \t]+)?(?:[a-z'’-]+[ \t]+)?\Z"
)


def nominal(low: str, hit: Hit) -> str | None:
    """The noun a phrase ends with when it names people by who they are ("gunmen")."""
    return _nominal_phrase(hit.phrase)


@cache
def _nominal_phrase(phrase: str) -> str | None:
    last = phrase.lower().rstrip("+").rsplit(None, 1)[-1]
    return last if last in PERSON_NOUNS and last not in GROUP_EVENT_NOUNS else None


def counts_phrase(low: str, mention: Mention, hit: Hit) -> bool:
    """Whether ``hit`` stands where the noun ``mention`` counts stands: right after it,
    past modifiers, "of" and "the" ("three of the attackers", "500 rescue workers")."""
    if hit.start < mention.end or hit.start - mention.end > 40:
        return False
    gap = _NOUN_GAP.fullmatch(low, mention.end, hit.start)
    return gap is not None and not _NOT_A_MODIFIER.intersection(gap.group().split())


# The number's own noun, then a verb that takes the phrase as its object: "1,200 personnel
# to carry the injured", "50 doctors treating the wounded" count personnel and doctors.
_ACTS_ON = re.compile(
    r"[ \t]+[a-z][a-z'’-]*(?:[ \t]+[a-z][a-z'’-]*){0,3}?"
    r"[ \t]+(?:to[ \t]+[a-z]+|[a-z]+ing|[a-z]+ed)[ \t]+the[ \t]+"
)


def acts_on(low: str, mention: Mention, hit: Hit) -> bool:
    """Whether the noun ``mention`` counts acts on the people ``hit`` names ("personnel to
    carry the injured"): the number counts that noun, not them."""
    gap = hit.start - mention.end
    if not 0 < gap <= 60 or low.find(" the", mention.end, hit.start) < 0:
        return False
    return _ACTS_ON.fullmatch(low, mention.end, hit.start) is not None


def event_links(
    low: str,
    mentions: Sequence[Mention],
    counts: Sequence[str | None],
    hits: Sequence[Hit],
    may_take: Callable[[int, Hit], bool],
    links: dict[int, Hit],
) -> set[Hit]:
    """Link each number counting a nominal phrase to the phrase of what befell those people
    ("killed three assailants"), in ``links``; return the nominal phrases they count.

    ``counts`` is the noun each number counts (None: none, or not open to binding),
    ``hits`` the sentence's phrases, ``may_take`` whether a number may take a phrase (its
    dimension, and no count of things for a measure of people).
    """
    counted: set[Hit] = set()
    if not any(nominal(low, h) for h in hits):
        return counted
    starts = [m.start for m in mentions]
    for i, mention in enumerate(mentions):
        if i in links or counts[i] is None:
            continue
        same = [h for h in hits if may_take(i, h)]
        noun = next((h for h in same if nominal(low, h) and counts_phrase(low, mention, h)), None)
        if noun is None:
            continue
        event = event_phrase(low, mention, noun, same, starts)
        if event is not None and event not in links.values():
            links[i] = event
            counted.add(noun)
    return counted


def event_phrase(
    low: str, mention: Mention, noun: Hit, hits: Sequence[Hit], starts: Sequence[int]
) -> Hit | None:
    """The phrase saying what befell the people a number counts, if it is another phrase.

    ``noun`` is the nominal phrase the number counts; ``hits`` the sentence's phrases of
    its dimension; ``starts`` where the sentence's numbers start. The event is a phrase
    right before the number, whose object it is ("killed three assailants"), or after
    the noun as its predicate ("five militants dead", "were shot dead"), unless that
    phrase has an object of its own ("six gunmen killed 20 guests").
    """
    for hit in hits:
        if hit == noun or nominal(low, hit) is not None:
            continue
        if hit.end <= mention.start and _OBJECT_GAP.fullmatch(low, hit.end, mention.start):
            return hit
        if (
            hit.start >= noun.end
            and _PREDICATE_GAP.fullmatch(low, noun.end, hit.start)
            and not _OBJECT_AFTER.match(low, hit.end)
            and not any(hit.end <= s <= hit.end + 1 for s in starts)
        ):
            return hit
    return None


def predicate_phrase(
    low: str, clause_start: int, mention: Mention, hits: Sequence[Hit]
) -> Hit | None:
    """The phrase a number is the subject of, after "were" far along its clause.

    "eleven people suspected of a part in the carefully planned assault were in custody":
    the number opens its clause (or the clause after "that"), the first phrase after it
    follows a form of "be", and no other number stands between.
    """
    lead = low[clause_start : mention.start].split()
    if lead[-1:] != ["that"] and lead not in ([], ["the"], ["some"]):
        return None
    for hit in hits:
        if hit.start < mention.end:
            continue
        if hit.start - mention.end > 240 or any(c.isdigit() for c in low[mention.end : hit.start]):
            return None
        if _BE_BEFORE.search(low, max(mention.end, hit.start - 40), hit.start) is None:
            return None
        return hit
    return None


def in_modifier(low: str, hit: Hit) -> bool:
    """Whether a nominal phrase sits in a modifier of the subject ("the raid by militants")."""
    window = max(0, hit.start - 60)
    return (
        _IN_MODIFIER.search(low, window, hit.start) is not None
        and _QUANTITY_OF.search(low, window, hit.start) is None
    )


def subject_phrase(
    low: str, sentence_start: int, mention: Mention, hits: Sequence[Hit], free: Sequence[int]
) -> Hit | None:
    """The subject's measure phrase whose value ``mention`` is, after a linking verb.

    ``hits`` are the sentence's measure phrases of the mention's dimension, in order;
    ``free`` the starts of the other numbers of that dimension open to binding. The
    subject is the last phrase of its clause before the verb, outside parentheticals,
    with no free number between it and the verb.
    """
    verb = links_to_subject(low, sentence_start, mention.start)
    if verb is None:
        return None
    begin = sentence_start
    for found in _MAIN_BREAK.finditer(low, sentence_start, verb):
        begin = found.end()
    hidden = [(m.start(), m.end()) for m in _PARENTHETICAL.finditer(low, begin, verb)]
    for hit in reversed(hits):
        if hit.start < begin or hit.end > verb:
            continue
        if any(s <= hit.start < e for s, e in hidden):
            continue
        if nominal(low, hit) is not None and in_modifier(low, hit):
            continue
        if any(hit.end <= other < verb for other in free):
            return None  # that number is the phrase's own
        return hit
    return None


# A total, the noun it counts and a colon before the first item of a breakdown of it, and
# a place after that item: "rose to 724 dead: 500 in the South, 100 in Grand Anse".
_COLON_AFTER_TOTAL = re.compile(r"[ \t]+[a-z][a-z \t]{0,30}?:[ \t]*")
_PLACE_NEXT = re.compile(r"[ \t]+(?:in|at|on|from)[ \t]+(?:the[ \t]+)?[A-Z]")


def opens_breakdown(low: str, text: str, mention: Mention, earlier: Mention | None) -> bool:
    """Whether ``mention`` is the first item of a breakdown by place of the figure
    ``earlier`` after a colon: "the toll rose to 724 dead: 500 in the South, ..."."""
    if earlier is None or earlier.end >= mention.start:
        return False
    if _COLON_AFTER_TOTAL.fullmatch(low, earlier.end, mention.start) is None:
        return False
    return _PLACE_NEXT.match(text, mention.end) is not None


def gapped(
    low: str, text: str, mention: Mention, earlier: Mention | None, counts: str | None = None
) -> bool:
    """Whether ``mention`` is the second conjunct of a gapped clause after ``earlier``.

    "killed 237 in Pakistan and 74 in Afghanistan": 74 follows the bound 237 across
    "and" or a comma, with no other number between, and is followed by a place (a
    capitalised name after a preposition) or by the end of the clause; or, counting
    people (``counts``), by the noun it counts and then those or a comma ("killed 61
    civilians and six security troops").
    """
    if earlier is None or earlier.end >= mention.start:
        return False
    if not _ends_with_joiner(low, earlier.end, mention.start):
        return False
    if _GAPPED_AFTER.match(text, mention.end) is not None:
        return True
    if counts is None or counts not in PERSON_NOUNS:
        return False
    noun = re.compile(rf"(?:[ \t]+[a-z][a-z'’-]*){{0,3}}?[ \t]+{re.escape(counts)}(?![a-z])")
    found = noun.match(low, mention.end, min(len(low), mention.end + 60))
    if found is not None and _PARTITIVE.intersection(found.group().split()):
        return False  # "two of them children": a part, not a conjunct
    pos = found.end() if found is not None else None
    for _ in range(3):  # the noun may go on: "six police officers"
        if pos is None:
            return False
        if _GAPPED_AFTER.match(text, pos) is not None or low.startswith(",", pos):
            return True
        word = _NEXT_WORD.match(low, pos)
        stop = word is None or word.group(1) in _NOT_A_MODIFIER or word.group(1) in _PARTITIVE
        pos = None if stop or word is None else word.end()
    return False


def _ends_with_joiner(low: str, start: int, end: int) -> bool:
    stretch = low[start:end]
    if any(c.isdigit() for c in stretch) or ";" in stretch:
        return False
    return stretch.rstrip().endswith((",", " and", " while"))


def restated(low: str, mention: Mention, earlier: Mention | None) -> bool:
    """Whether ``mention`` restates ``earlier`` in parentheses: "170 (official figure: 167)"."""
    if earlier is None or earlier.end > mention.start:
        return False
    return _RESTATING_OPEN.fullmatch(low, earlier.end, mention.start) is not None
