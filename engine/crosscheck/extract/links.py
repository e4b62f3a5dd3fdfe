"""Links between numbers and measure phrases that reach past the nearest phrase (pure).

Three sentence structures carry a measure to a number that has no phrase next to it:

- a *linking verb* gives the clause's subject its value: "The number of people killed by
  the floods that swept through three districts on Tuesday night has risen to 174";
- *gapping* leaves the verb out of a second conjunct: "killed 237 in Pakistan and 74 in
  Afghanistan";
- a *parenthetical* restates the figure before it: "rose to 170 (official figure: 167)".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosscheck.extract.phrases import Hit
from crosscheck.extract.records import Mention
from crosscheck.extract.roles import links_to_subject

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
        if any(hit.end <= other < verb for other in free):
            return None  # that number is the phrase's own
        return hit
    return None


def gapped(low: str, text: str, mention: Mention, earlier: Mention | None) -> bool:
    """Whether ``mention`` is the second conjunct of a gapped clause after ``earlier``.

    "killed 237 in Pakistan and 74 in Afghanistan": 74 follows the bound 237 across
    "and" or a comma, with no other number between, and is followed by a place (a
    capitalised name after a preposition) or by the end of the clause.
    """
    if earlier is None or earlier.end >= mention.start:
        return False
    if not _ends_with_joiner(low, earlier.end, mention.start):
        return False
    return _GAPPED_AFTER.match(text, mention.end) is not None


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
