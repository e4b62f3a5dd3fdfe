"""The role of each number of a sentence in its clause, in the sentence's order (pure).

A conversion in parentheses restates the figure before it; a count's role comes from its
clause (``roles.role_of``: a total after "of", an age, another event's figure...); a sum
like the one before it is money (``sum_roles``); a fraction counts no people.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosscheck.extract.context import DocumentContext
from crosscheck.extract.event_references import names_that_event, referred_event
from crosscheck.extract.phrases import Hit
from crosscheck.extract.records import Mention
from crosscheck.extract.roles import FREE, Role, RoleKind, restated_role, role_of
from crosscheck.extract.sum_roles import sum_role
from crosscheck.text.segment import Sentence

Grouped = list[tuple[tuple[int, int], list[int], list[Hit]]]


def sentence_roles(
    doc: DocumentContext,
    sentence: Sentence,
    grouped: Grouped,
    mentions: Sequence[Mention],
    phrase_words: frozenset[str],
) -> list[Role]:
    """The role of each mention in its clause (``grouped``: each clause's span and the
    indexes of its mentions), given the rule set's ``phrase_words``."""
    roles: list[Role] = [FREE] * len(mentions)
    previous: int | None = None
    for span, members, _ in grouped:
        for i in members:
            mention = mentions[i]
            restated = restated_role(doc.low, mention.start, mention.end)
            if restated is not None:
                roles[i] = restated
                continue
            if mention.unit != "item":
                continue  # roles are of counts: a length or a sum of money has its unit
            roles[i] = role_of(
                doc.low,
                mention.start,
                mention.end,
                (span[0], span[1]),
                sentence.start,
                doc.other_before,
                phrase_words,
                previous,
                doc.text,
            )
            if roles[i].kind is RoleKind.FREE:
                roles[i] = _beyond_its_clause(doc, sentence, span, mention) or roles[i]
            if mention.low.denominator != 1 or mention.high.denominator != 1:
                roles[i] = roles[i]._replace(fractional=True)
            roles[i] = sum_role(doc.low, mentions, i) or roles[i]
        previous = span[0]
    return roles


def _beyond_its_clause(
    doc: DocumentContext, sentence: Sentence, span: tuple[int, int], mention: Mention
) -> Role | None:
    """The role of a free figure that words around its clause take away: another event's
    ("that quake" of the sentence before), those of a group since found, a population."""
    referred = _referred(doc, sentence, (span[0], span[1]))
    if referred is not None:
        return referred
    if _since_found(doc.low, mention.end):
        return _FOUND
    return _POPULATION if _population(doc.low, mention.start, mention.end) else None


# "Several of the missing have already been found": those found, no count of the missing.
_FOUND_AFTER = re.compile(
    r"[ \t]+of[ \t]+(?:the|those)[ \t]+[a-z]+(?:[ \t]+[a-z]+)?[ \t]+(?:have|has|had|were|was)"
    r"[ \t]+(?:already[ \t]+|since[ \t]+|now[ \t]+|also[ \t]+)?(?:been[ \t]+)?"
    r"(?:found|rescued|located|traced|identified|released|discharged|freed)(?![a-z])"
)
_FOUND = Role(RoleKind.PART, None, "counts those of a group since found, no count of the group")


# "Puerto Rico's 3.4 million people", "the island's 3.4 million residents": a population.
_OWNER_BEFORE = re.compile(r"[a-z]['’]s[ \t]+\Z")
_PEOPLE_AFTER = re.compile(r"[ \t]+(?:people|residents|inhabitants|population)(?![a-z])")
_POPULATION = Role(RoleKind.ATTACHED, "people", "the population of a place, no count of the event")


def _population(low: str, start: int, end: int) -> bool:
    """Whether the number at [start, end) is the population of a place ("the island's 3.4
    million people")."""
    return (
        _PEOPLE_AFTER.match(low, end) is not None
        and _OWNER_BEFORE.search(low, max(0, start - 4), start) is not None
    )


def _since_found(low: str, end: int) -> bool:
    """Whether the number ending at ``end`` counts those of a group since found."""
    return low.startswith(" of ", end) and _FOUND_AFTER.match(low, end) is not None


def _referred(doc: DocumentContext, sentence: Sentence, clause: tuple[int, int]) -> Role | None:
    """The role of a figure whose clause names "that quake" of the sentence before."""
    if doc.other_before is None or not names_that_event(doc.low, clause):
        return None  # most clauses name no "that quake": no look at the sentence before
    before = doc.locator.before(sentence)
    span = (before.start, before.end) if before is not None else None
    return referred_event(doc.low, clause, span, doc.other_before)
