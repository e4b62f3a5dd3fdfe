"""Figures a count could come to, not what it is: forecasts and projections (pure).

"The toll could go to 70,000", "might top 500", "could run into the thousands", "deaths
will exceed 10,000", "is expected to climb above 3,000": such a figure is a forecast, no
count a source reports, so it binds to no measure (the role ``PROJECTION``). The verb may
be the figure's own hedge:
"could exceed 10,000" reads "exceed 10,000".
"""

from __future__ import annotations

import re

_FUTURE = (
    r"(?<![a-z])(?:could|might|may|would|will|(?:expected|likely|set|projected|forecast|predicted)"
    r"[ \t]+to)(?:[ \t]+(?:well|even|easily|eventually|soon|further))?[ \t]+"
)
_PROJECTED_BEFORE = re.compile(
    rf"{_FUTURE}(?:be|go[ \t]+(?:up[ \t]+)?to|reach|top|exceed|hit|surpass|pass|cross"
    r"|(?:run|climb|rise|go)[ \t]+into(?:[ \t]+the)?|reach[ \t]+the"
    r"|(?:rise|climb|jump|soar|increase|grow)(?:[ \t]+(?:to|above|beyond|over|past))?)"
    r"[ \t]+\Z"
)
_PROJECTED_BY_HEDGE = re.compile(rf"{_FUTURE}\Z")
_HEDGE_VERB = re.compile(r"(?:exceed|top|surpass|pass|cross|reach|hit|near)")
# A word every projection holds: most clauses hold none, and a search for plain words
# costs less than a scan with the patterns.
_MODALS = re.compile("could|might|may|would|will|expected|likely|set|projected|forecast|predicted")


def projected(low: str, start: int, end: int) -> bool:
    """Whether ``low[start:end]`` ends with words of a projection ("could go to")."""
    if _MODALS.search(low, start, end) is None:
        return False
    if _PROJECTED_BEFORE.search(low, start, end) is not None:
        return True
    return (
        _HEDGE_VERB.match(low, end) is not None
        and _PROJECTED_BY_HEDGE.search(low, start, end) is not None
    )
