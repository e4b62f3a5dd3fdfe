"""Who says a figure: the words of a sentence that attribute it (pure).

Reporters attribute figures in a few frames: "according to X", "X said/says/told/
reported/estimated", "..., said X", "citing X", "X's estimate of", "as per X", and a
headline's trailing ", X says". ``attributions`` finds them in a sentence as
``Attribution`` records (who, and where the frame stands); ``attribution_for`` picks the
one that governs a number: the nearest in its clause, else the nearest in the sentence.
Precision matters more than recall: a frame whose speaker cannot be read is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

from crosscheck.extract.patterns import trie_pattern

_VERBS = (
    r"said|says|say|told|tells|reported|reports|estimated|estimates|claimed|claims|stated|"
    r"states|announced|announces|confirmed|confirms|added|adds|put|puts|quoted|cited|spoke|"
    r"briefed|believes|believe|assessed|assesses|noted|notes|warned|warns|wrote|writes|"
    r"indicated|indicates|acknowledged|acknowledges|disclosed|discloses"
)
# A verb of saying; the speaker is looked for in the words right before it (a bounded
# look back from each verb is much cheaper than trying a speaker at every word). The
# lookahead, the first letters of "has" and of every verb, turns most words away at once,
# and the verbs are factored by their common prefixes (longest first).
_FIRST_LETTERS = "".join(sorted({"h", *(verb[0] for verb in _VERBS.split("|"))}))
_VERB = re.compile(
    rf"[ \t][ \t]*(?=(?i:[{_FIRST_LETTERS}]))(?:has[ \t]+|have[ \t]+|had[ \t]+)?"
    rf"(?i:{trie_pattern(_VERBS.split('|'))})(?![a-z])"
)
# Wherever ``_VERB`` matches a sentence, this matches its folded copy (``folded``; without the
# case-blind flag, which makes a scan several times slower): where it does not, neither does
# ``_VERB``, so only where it does is ``_VERB`` tried. "[ \t][ \t]*" is "[ \t]+" written so
# that the regex engine skips to the next blank instead of trying a match at every character.
_LOWERED_VERB = re.compile(
    rf"[ \t][ \t]*(?:has[ \t]+|have[ \t]+|had[ \t]+)?{trie_pattern(_VERBS.split('|'))}"
)
# The speaker before a verb: up to six words of a noun phrase, ending at the verb (with an
# agency's initials after it: "officials (AP)"). The longest such words are wanted, so the
# words before the verb are read backwards: matched forwards, every start is tried.
_WORD_BACKWARDS = r"[\w.'‘’&-]*[A-Za-z]"
_SPEAKER_BACKWARDS = re.compile(
    rf"(?:\)[A-Za-z.]{{1,9}}[A-Z]\([ \t]*)?({_WORD_BACKWARDS}(?:[ \t]+{_WORD_BACKWARDS}){{0,5}})"
)
_LOOK_BACK = 90  # characters before a verb or a possessive searched for its speaker
_ACCORDING = re.compile(  # the lookahead, their first letters, is a cheap first test
    r"(?=[acq])(?:according[ \t]+to|citing|as[ \t]+per|quoting)[ \t]+([^,;:.()]{2,80})",
    re.IGNORECASE,
)
_SAID_AFTER = re.compile(rf"(?:,|\"|”)[ \t]*(?:{_VERBS})[ \t]+([^,;:.()]{{2,80}})")
# A named speaker and the office set off after the name: "Abdul Rayan, a spokesman for the
# Information Ministry, said" (read as "spokesman for the Information Ministry Abdul Rayan").
_APPOSITIVE_SAID = re.compile(
    r"((?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w.'’-]*),[ \t]+((?:a|an|the)[ \t]+[^,;:.()\"“”]{2,70}),"
    rf"[ \t]*(?:has[ \t]+|had[ \t]+)?(?:{_VERBS})(?![a-z])"
)
_OFFICE_HINT = re.compile(", (?:a|an|the) ")
# A passive figure's agent: "the figure, released last week by the agency".
_BY_AGENT = re.compile(
    r"(?:released|issued|published|provided|given|compiled|announced|reported)"
    r"(?:[ \t]+[a-z]+){0,3}?[ \t]+by[ \t]+([^,;:.()]{2,60})"
)
# A figure's source after its noun: "findings of Seoul's spy agency", "data from the UN".
_OF_SOURCE = re.compile(
    r"(?:findings|estimates?|figures?|data|assessments?|counts?|tally|statement|intelligence)"
    r"[ \t]+(?:from|of|by)[ \t]+((?:the[ \t]+)?[A-Z][^,;:.()]{1,60}?)"
    r"(?=[ \t]+(?:of|that|on|in|showing|which|who)[ \t]|[,;:.()]|$)"
)
# Words that "according to", "citing", "as per" and "quoting" hold, lowered: most sentences
# hold none, and ``in`` is much cheaper than a scan with the case-blind pattern.
_ACCORDING_WORDS = ("accord", "citing", " per", "\tper", "quoting")
# A word that every match of ``_BY_AGENT`` (or of ``_OF_SOURCE``) holds, as written.
_AGENT_WORDS = ("released", "issued", "published", "provided", "given", "compiled", "announced",
                "reported")  # fmt: skip
_SOURCE_WORDS = ("findings", "estimate", "figure", "data", "assessment", "count", "tally",
                 "statement", "intelligence")  # fmt: skip


def _frames_in(piece: str, low: str) -> tuple[re.Pattern[str], ...]:
    """The frame patterns that may match in the sentence ``piece``, in the order they are
    read; ``low`` is its folded copy (``folded``)."""
    # A sentence matches the case-blind pattern only where its folded copy holds one of
    # the words. Most sentences hold no word of the other frames: those are not scanned.
    patterns = []
    if any(word in low for word in _ACCORDING_WORDS):
        patterns.append(_ACCORDING)
    patterns.append(_SAID_AFTER)
    if "by" in piece and any(word in piece for word in _AGENT_WORDS):
        patterns.append(_BY_AGENT)
    if any(word in piece for word in _SOURCE_WORDS):
        patterns.append(_OF_SOURCE)
    return tuple(patterns)


# News agencies pass figures on: a frame naming one gives way to another frame in the sentence.
CONDUITS = frozenset(
    [
        "yonhap",
        "reuters",
        "ap",
        "afp",
        "xinhua",
        "tass",
        "ria",
        "interfax",
        "kyodo",
        "bernama",
        "ani",
        "pti",
        "ians",
        "dpa",
        "efe",
        "ansa",
        "anadolu",
        "upi",
    ]
)
_POSSESSIVE = re.compile(
    r"['’]s[ \t]+(?:estimate|figure|count|tally|toll|assessment|data|numbers|report)"
)
_OWNER_BEFORE = re.compile(r"((?:[A-Z][\w.&-]*[ \t]+){0,4}[A-Z][\w.&-]*)\Z")
# Words that end a speaker's phrase from the left: what stands before them is not the speaker.
_CUT = re.compile(
    r"(?i)^(?:.*[ \t])?(?:and|but|that|which|who|while|as|after|when|because|if|than|"
    r"to|in|on|at|by|for|with|the|a|an)[ \t]+"
)
_NO_SPEAKER_AFTER = frozenset({"and", "or", "to", "in", "on", "at", "by", "for", "with"})
_NOT_SPEAKERS = frozenset(
    [
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "this",
        "that",
        "there",
        "which",
        "who",
        "what",
        "figure",
        "figures",
        "toll",
        "number",
        "total",
        "count",
        "data",
        "report",
        "reports",
        "statement",
        "statements",
        "briefing",
        "first",  # "First reports said": "reports" read as the verb leaves no speaker
        "initial",
        "early",
        "earlier",
        "latest",
        "to",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
    ]
)
_LEADING = re.compile(r"^(?:(?:by|from|of)[ \t]+)?(?:(?:the|a|an)[ \t]+)?", re.IGNORECASE)
# Adverbs (and the auxiliary before them) between a speaker and its verb ("the Pentagon
# also said", "police had earlier said").
_ADVERBS = re.compile(
    r"(?:[ \t]+(?:also|reportedly|previously|recently|earlier|now|further|later|officially|"
    r"publicly|separately|initially|first|has|have|had))+$",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"[ \t]+(?:on|in|at|last|this|earlier|later|yesterday|today|late|early)\b.*$", re.IGNORECASE
)


class Attribution(NamedTuple):
    """Who a frame names as the speaker, and where the frame stands in the text."""

    who: str
    start: int
    end: int


# Every character that a case-blind pattern matches to an ASCII letter, as that letter: a
# copy of a sentence folded so (of the same length) holds a word of a frame wherever the
# case-blind pattern may match it (the dotless i, the long s and the Kelvin sign too).
_FOLD = str.maketrans(
    {**{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)},
     "\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
)  # fmt: skip


def folded(piece: str) -> str:
    """``piece`` with every character a case-blind pattern matches to an ASCII letter
    written as that letter (the same length; for an ASCII piece, its lower-case copy)."""
    return piece.lower() if piece.isascii() else piece.translate(_FOLD)


def attributions(text: str, start: int, end: int) -> list[Attribution]:
    """Every attribution frame in ``text[start:end]`` (one sentence), in text order."""
    found: list[Attribution] = []
    piece = text[start:end]
    low = folded(piece)
    for pattern in _frames_in(piece, low):
        for match in pattern.finditer(text, start, end):
            who = _clean(match.group(1))
            if who is not None:
                found.append(Attribution(who, match.start(), match.end()))
    possessive = text.find("'s", start, end) >= 0 or text.find("’s", start, end) >= 0
    for match in _POSSESSIVE.finditer(text, start, end) if possessive else ():
        owner = _OWNER_BEFORE.search(text, max(start, match.start() - _LOOK_BACK), match.start())
        who = _clean(owner.group(1)) if owner is not None else None
        if owner is not None and who is not None:
            found.append(Attribution(who, owner.start(1), match.end()))
    found.extend(_appositives(text, start, end, low))
    for verb in _verbs(text, start, low):
        words = speaker_before(text, max(start, verb.start() - _LOOK_BACK), verb.start())
        who = _speaker(words[1]) if words is not None else None
        if words is not None and who is not None:
            found.append(Attribution(who, words[0], verb.end()))
    return _distinct(sorted(found, key=lambda a: a.start))


def _appositives(text: str, start: int, end: int, low: str) -> Iterator[Attribution]:
    """The frames of a named speaker whose office follows the name between commas."""
    if _OFFICE_HINT.search(low) is None:
        return  # most sentences set no office off after a name
    for match in _APPOSITIVE_SAID.finditer(text, start, end):
        office, name = _clean(match.group(2)), match.group(1)
        if office is not None and _clean(name) is not None:
            who = f"{office} {name}"
            yield Attribution(who if len(who.split()) <= 10 else office, match.start(), match.end())


def _verbs(text: str, start: int, low: str) -> Iterator[re.Match[str]]:
    """The matches of ``_VERB`` in ``text`` from ``start`` on, ``low`` being the folded copy
    of the rest of the sentence (``folded``): ``_VERB`` is tried only where ``_LOWERED_VERB``
    matches ``low``, from left to right, each match starting after the one before."""
    end = start + len(low)
    at = 0
    while (candidate := _LOWERED_VERB.search(low, at)) is not None:
        verb = _VERB.match(text, start + candidate.start(), end)
        if verb is None:
            at = candidate.start() + 1
        else:
            yield verb
            at = verb.end() - start


def speaker_before(text: str, start: int, end: int) -> tuple[int, str] | None:
    """Where the speaker's words before ``end`` start, and the words: the longest run of up to
    six words (each a letter, then letters, digits or ``.'‘’&-``; spaces or tabs between)
    ending at ``end`` or before an agency's initials there ("officials (AP)"), or None."""
    backwards = _SPEAKER_BACKWARDS.match(text[start:end][::-1])
    if backwards is None:
        return None
    first = end - backwards.end(1)
    return first, text[first : end - backwards.start(1)]


def _speaker(words: str) -> str | None:
    """The speaker at the end of the words before a verb ("health officials"); none when
    the words end a list ("Seoul, Washington and Kyiv put ...": no one of them alone)."""
    cut = _CUT.match(words)
    if cut is not None and cut.group().split()[-1].lower() in _NO_SPEAKER_AFTER:
        return None  # a list's last item, or a preposition's object ("on Monday spoke")
    return _clean(words[cut.end() :] if cut is not None else words)


def _clean(phrase: str) -> str | None:
    """A speaker's phrase without articles and trailing time words, or None if it is none."""
    who = _ADVERBS.sub("", _TRAILING.sub("", _LEADING.sub("", phrase.strip())))
    who = who.strip(" \t\"'“”‘’")
    if not who or who.lower() in _NOT_SPEAKERS or any(map(str.isdigit, who)):
        return None
    if who.split()[-1].lower() in _NOT_SPEAKERS:
        return None  # "a total that puts ...": the words end on no speaker
    if len(who.split()) > 8:
        return None
    return who


def _distinct(found: list[Attribution]) -> list[Attribution]:
    """The frames without overlaps (the earlier, longer one kept)."""
    kept: list[Attribution] = []
    for frame in found:
        if kept and frame.start < kept[-1].end:
            if frame.end - frame.start > kept[-1].end - kept[-1].start:
                kept[-1] = frame
            continue
        kept.append(frame)
    return kept


def attribution_for(
    frames: Sequence[Attribution], position: int, clause: tuple[int, int]
) -> Attribution | None:
    """The frame that governs the number at ``position``: the nearest in its clause,
    else the nearest in the sentence; a news agency's frame only when no one else's is
    in the sentence ("..., the JCS said, ... 1,100 ..., Yonhap reported": the JCS)."""
    if not frames:
        return None
    return nearest_frame(governing(frames), position, clause)


def governing(frames: Sequence[Attribution]) -> list[Attribution]:
    """The frames of a sentence that may govern its numbers: those of no news agency, or,
    when every one is a news agency's, all of them (see ``attribution_for``)."""
    return [f for f in frames if not is_conduit(f.who)] or list(frames)


def nearest_frame(
    pool: Sequence[Attribution], position: int, clause: tuple[int, int]
) -> Attribution:
    """The frame of ``pool`` (not empty) nearest the number at ``position``: in its clause
    if one is, else in the sentence."""
    inside = [f for f in pool if clause[0] <= f.start < clause[1]]
    return min(inside or pool, key=lambda f: min(abs(f.start - position), abs(f.end - position)))


@lru_cache(maxsize=4096)  # asked for every frame of a sentence once per number in it
def is_conduit(who: str) -> bool:
    """Whether a speaker names a news agency passing a figure on ("Yonhap", "Seoul news
    outlet Yonhap News Agency", "Reuters")."""
    return any(w in CONDUITS for w in re.findall(r"[a-z]+", who.lower()))
