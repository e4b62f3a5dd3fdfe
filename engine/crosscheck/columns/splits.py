"""Whether an agreement's top readings may split (``findings.fast._one_camp`` on columns).

The top readings of a scope group all meet, and none fails with another, when the
highest lower end is not above the lowest upper end stretched by the tolerance. Only
then is the group decided on columns; otherwise the rule goes to the record path, which
works out the split's camps.
"""

from __future__ import annotations

from crosscheck.columns.ends import Ends
from crosscheck.columns.groups import Group
from crosscheck.columns.plan import Plan
from crosscheck.columns.readings import Readings
from crosscheck.columns.support import Stats


def may_split(plan: Plan, readings: Readings, ends: Ends, group: Group, stats: Stats) -> bool:
    """Whether some top readings of the group might not meet (see the module docstring)."""
    ids = group.members[0]
    heads = readings.head[ids[stats.top[ids]]]
    t = ends.table
    lows = heads[~t.low_unbounded[heads]]
    highs = heads[~t.high_unbounded[heads]]
    if len(heads) < 2 or not len(lows) or not len(highs):
        return False
    highest_low = ends.point_keys(lows).max()
    return bool(highest_low > ends.limit_keys(highs, False, False).min())
