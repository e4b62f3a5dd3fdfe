"""Numbers that are sums of money though their currency is not written again (pure).

"300,000 rupees for the families of the dead and 75,000 for the injured": the 75,000 is
money, given for a second purpose with the same preposition; "to Rs 6 lakh from 2 lakh":
the other end of a change from or to a sum is a sum too. Such a number takes the role
``MONEY`` and counts nobody.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosscheck.extract.records import Mention
from crosscheck.extract.roles import Role, RoleKind

# "to Rs 6 lakh from 2 lakh", "from $5,000 to 10,000": the change's other end is a sum too.
_SUM_CHANGE = re.compile(r"[ \t]+(from|to)[ \t]+")
_CHANGE_OPENS = {
    "from": re.compile(r"(?<![a-z])to[ \t]+\Z"),
    "to": re.compile(r"(?<![a-z])from[ \t]+\Z"),
}
# A sum's preposition, what it is for, and "and": "200,000 rupees ($3,000) for the families
# of the dead and " (the sum's parenthesis, or the end of the one it is in, may come first).
_SUM_FOR = re.compile(r"(?:\)|[ \t]*\([^()]*\))?[ \t]+(for|to)[ \t][^0-9,;:()]*?[ \t]and[ \t]+\Z")


def _changes_between_sums(low: str, sum_before: Mention, start: int) -> bool:
    """Whether the number at ``start`` is the other end of a change whose first end is
    ``sum_before``: "to Rs 6 lakh from 2 lakh", "from $5,000 to 10,000"."""
    gap = _SUM_CHANGE.fullmatch(low, sum_before.end, start)
    if gap is None:
        return False
    opens = _CHANGE_OPENS[gap.group(1)]
    return opens.search(low, max(0, sum_before.start - 8), sum_before.start) is not None


def sum_role(low: str, mentions: Sequence[Mention], i: int) -> Role | None:
    """The role ``MONEY`` when mention ``i`` is a sum like the one right before it.

    "X rupees for A and Y for B": the second number, given for a second purpose with
    the same preposition, is money too, though its currency is not written again (the
    mention before may be the sum's restatement: "200,000 rupees ($3,000)").
    """
    if i == 0 or mentions[i - 1].dimension != "[currency]":
        return None
    start, end = mentions[i].start, mentions[i].end
    if _changes_between_sums(low, mentions[i - 1], start):
        return Role(RoleKind.MONEY, None, "the other end of a change from or to a sum")
    match = _SUM_FOR.match(low, mentions[i - 1].end, start)
    if match is None or match.end() != start:
        return None
    if re.match(rf"[ \t]+{match.group(1)}[ \t]", low[end : end + 6]) is None:
        return None
    return Role(RoleKind.MONEY, None, "a sum like the one before it")
