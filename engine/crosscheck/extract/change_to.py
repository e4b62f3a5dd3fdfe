"""The figure a change goes to is a figure of what the change starts from (pure).

"The death toll rose from 80 to 95 on Monday": the phrase "toll" is nearer to 80, which
binds to it, and 95 was left with no phrase of its own. But 95 is the toll now, and 80
the toll before (``change_from`` dates it earlier). So once a sentence is bound, a number
right after "to" that follows a bound number a change starts from ("rose from", "jumped
from", "revised down from") takes that number's measure, when it is of the same dimension
and nothing else claimed it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crosscheck.extract.change_from import changed_from, starts_of_changes

if TYPE_CHECKING:
    from crosscheck.extract.bind import Binding

# Between the number a change starts from and the number it goes to.
_TO = re.compile(r"[ \t]+to[ \t]+")


def with_change_targets(low: str, span: tuple[int, int], results: list[Binding]) -> None:
    """Bind in place each unbound number of ``results`` (one sentence spanning ``span`` of
    ``low``, in text order) that a change goes to, as the number it starts from."""
    changes = starts_of_changes(low, *span)
    if not changes:
        return
    for i in range(len(results) - 1):
        start, target = results[i], results[i + 1]
        mention, next_mention = start.mention, target.mention
        if start.measure is None or target.measure is not None or target.hit is not None:
            continue
        if changed_from(changes, mention.start) is None or not _TO.fullmatch(
            low, mention.end, next_mention.start
        ):
            continue
        if next_mention.dimension != mention.dimension:
            continue
        why = f"the figure a change from {mention.stated!r} goes to: bound as that figure is"
        results[i + 1] = start._replace(mention=next_mention, steps=(why, *start.steps[1:]))
