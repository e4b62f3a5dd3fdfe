"""The one factory of claims for the tests of every folder (``make_claim``).

tests/ is on ``sys.path`` (pytest puts the folder of tests/conftest.py there), so every
folder imports it by its bare name: ``from claim_factory import make_claim``. A test
names what it cares about and leaves the rest to the defaults: a claim of ``killed``
of exactly 100 in ``a.txt``, with no date, position or sentence.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

from crosscheck.interval import Interval, Number
from crosscheck.model import Claim


def make_claim(
    measure: str = "killed",
    interval: Interval | None = None,
    document: str = "a.txt",
    source: str | None = None,
    date: dt.date | str | None = None,
    *,
    low: Number | None = None,
    high: Number | None = None,
    stated: str | None = None,
    unit: str = "item",
    **fields: Any,
) -> Claim:
    """A claim of ``measure`` read from ``document``; ``fields`` sets any other field of Claim.

    ``interval`` may be given as ``low`` and ``high`` instead (a closed interval; a
    missing end is unbounded), and is the point 100 when neither is; ``source``
    defaults to ``document``, ``stated`` to the interval written out, and ``date``
    may be ISO text.
    """
    if interval is None:
        interval = _ends(low, high)
    elif low is not None or high is not None:
        raise TypeError("give either interval or low/high, not both")
    return Claim(
        measure=measure,
        interval=interval,
        unit=unit,
        stated=str(interval) if stated is None else stated,
        document=document,
        source=document if source is None else source,
        date=dt.date.fromisoformat(date) if isinstance(date, str) else date,
        **fields,
    )


def _ends(low: Number | None, high: Number | None) -> Interval:
    if low is None and high is None:
        return Interval.point(100)
    return Interval(
        None if low is None else Fraction(low), None if high is None else Fraction(high)
    )
