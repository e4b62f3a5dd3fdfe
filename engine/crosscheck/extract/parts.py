"""Bound figures set aside once a sentence is bound: increments and parts by place (pure).

Both need the sentence's other bound figures, so they are decided after binding: an
increment adds to a figure bound before it (``increments``), a part is one of a
breakdown by place (``breakdowns``). Their bindings become "not bound", with the reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crosscheck.extract.breakdowns import breakdown_parts
from crosscheck.extract.increments import increments

if TYPE_CHECKING:
    from crosscheck.extract.bind import Binding

_INCREMENT = "not bound: an increment to the figure before it ('two more', 'another 20')"
_PART = "not bound: a part of a breakdown by place ('237 in Pakistan and 74 in Afghanistan')"


def set_aside(text: str, low: str, end: int, results: list[Binding]) -> list[Binding]:
    """The bindings of one sentence ending at ``end``, with increments and parts of a
    breakdown by place ruled out (``text`` as written, ``low`` lower-cased)."""
    bound = sum(1 for b in results if b.measure is not None)
    if bound >= 2:
        spans = [(b.mention.start, b.mention.end, b.measure) for b in results]
        for i in increments(low, spans):
            results[i] = _ruled_out(results[i], "increment", _INCREMENT)
    if bound and len(results) >= 2:  # a part needs another figure with its own place
        figures = [
            (b.mention.start, b.mention.end, b.measure, b.mention.dimension) for b in results
        ]
        for i in breakdown_parts(text, figures, end):
            results[i] = _ruled_out(results[i], "part", _PART)
    return results


def _ruled_out(binding: Binding, role: str, why: str) -> Binding:
    """``binding`` as a number left unbound, and why."""
    return binding._replace(measure=None, hit=None, reason=why,
                            steps=(f"role in its sentence: {role}", why))  # fmt: skip
