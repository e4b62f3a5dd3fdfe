"""A headline repeating the first sentence's figure is one claim, not two.

"Pakistan quake toll climbs to 38,000" above "The death toll ... had reached 38,000
people" states one figure twice. Counted as two claims, every disagreement with it would
be reported twice. So before rules are evaluated, a claim in a document's headline (its
first line with a claim, a line with no sentence-ending punctuation) is set aside when the
next line with a claim (the first sentence) holds a claim of the same measure and subject
with the same interval: rules see the first sentence's claim, which cites the figure with
its context. ``crosscheck extract`` still lists both places (docs/semantics.md §7).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from crosscheck.model import Claim

_ENDS_SENTENCE = ".!?…"
_CLOSERS = "\"'”’)]»"


def without_headline_copies(claims: Sequence[Claim]) -> list[Claim]:
    """``claims`` without the headline claims that the first sentence repeats (in order)."""
    by_document: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_document[claim.document].append(claim)
    copies: set[int] = set()
    for found in by_document.values():
        copies.update(id(claim) for claim in _headline_copies(found))
    if not copies:
        return list(claims)
    return [claim for claim in claims if id(claim) not in copies]


def _headline_copies(claims: list[Claim]) -> list[Claim]:
    lines = sorted({claim.line for claim in claims if claim.line is not None})
    if len(lines) < 2:
        return []
    headline = [c for c in claims if c.line == lines[0]]
    first = [c for c in claims if c.line == lines[1]]
    if not all(_is_headline(c) for c in headline):
        return []
    said = {(c.measure, c.subject, c.interval) for c in first}
    return [c for c in headline if (c.measure, c.subject, c.interval) in said]


def _is_headline(claim: Claim) -> bool:
    """Whether a claim stands in a line without sentence-ending punctuation."""
    sentence = (claim.sentence or "").rstrip().rstrip(_CLOSERS)
    return bool(sentence) and "\n" not in sentence and sentence[-1] not in _ENDS_SENTENCE
